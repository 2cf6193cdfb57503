/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Properties: "id", "name" (organisation), "address", "contact", "phone". */
#define SW_TYPE_VISIT_TARGET (sw_visit_target_get_type ())
G_DECLARE_FINAL_TYPE (SwVisitTarget, sw_visit_target, SW, VISIT_TARGET, GObject)

SwVisitTarget *sw_visit_target_new         (const char    *name);
gint64         sw_visit_target_get_id      (SwVisitTarget *self);
void           sw_visit_target_set_id      (SwVisitTarget *self,
                                            gint64         id);
const char    *sw_visit_target_get_name    (SwVisitTarget *self);
void           sw_visit_target_set_name    (SwVisitTarget *self,
                                            const char    *name);
const char    *sw_visit_target_get_address (SwVisitTarget *self);
void           sw_visit_target_set_address (SwVisitTarget *self,
                                            const char    *address);
const char    *sw_visit_target_get_contact (SwVisitTarget *self);
void           sw_visit_target_set_contact (SwVisitTarget *self,
                                            const char    *contact);
const char    *sw_visit_target_get_phone   (SwVisitTarget *self);
void           sw_visit_target_set_phone   (SwVisitTarget *self,
                                            const char    *phone);

G_END_DECLS
