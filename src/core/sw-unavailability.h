/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Properties: "id", "start", "end" (gint64 local minutes, see sw-time.h),
 * "reason". */
#define SW_TYPE_UNAVAILABILITY (sw_unavailability_get_type ())
G_DECLARE_FINAL_TYPE (SwUnavailability, sw_unavailability, SW, UNAVAILABILITY, GObject)

SwUnavailability *sw_unavailability_new        (gint64            start,
                                                gint64            end,
                                                const char       *reason);
gint64            sw_unavailability_get_id     (SwUnavailability *self);
void              sw_unavailability_set_id     (SwUnavailability *self,
                                                gint64            id);
gint64            sw_unavailability_get_start  (SwUnavailability *self);
void              sw_unavailability_set_start  (SwUnavailability *self,
                                                gint64            start);
gint64            sw_unavailability_get_end    (SwUnavailability *self);
void              sw_unavailability_set_end    (SwUnavailability *self,
                                                gint64            end);
const char       *sw_unavailability_get_reason (SwUnavailability *self);
void              sw_unavailability_set_reason (SwUnavailability *self,
                                                const char       *reason);

G_END_DECLS
