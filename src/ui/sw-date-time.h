/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A day and a time of day: an SwDateButton and a time field ("09:30",
 * read by sw_ui_state_parse_time_of_day, marked as an error while it
 * reads as no time).  The one control for a moment in the window: slots'
 * start and end, unavailable times, tasks' due times.
 *
 * Properties: "time" (gint64 minutes, see sw-time.h; the last valid
 * one), "valid" (read-only: the time field reads as a time),
 * "time-label" and "date-label" (the accessible labels of the time field
 * and of the date button).  Signals: "changed"
 * on every edit the user makes; "committed" when the user has chosen a
 * day, or pressed Enter in or left the time field with a valid time on
 * another moment than before — what a field that saves at once waits
 * for. */
#define SW_TYPE_DATE_TIME (sw_date_time_get_type ())
G_DECLARE_FINAL_TYPE (SwDateTime, sw_date_time, SW, DATE_TIME, GtkWidget)

GtkWidget *sw_date_time_new       (void);
gint64     sw_date_time_get_time  (SwDateTime *self);
void       sw_date_time_set_time  (SwDateTime *self,
                                   gint64      time);
gboolean   sw_date_time_get_valid (SwDateTime *self);
/* Shows @time even while the user types in the time field (another slot
 * is shown now). */
void       sw_date_time_reset     (SwDateTime *self,
                                   gint64      time);
/* Says "committed" for a valid time typed and not yet committed. */
void       sw_date_time_commit    (SwDateTime *self);

G_END_DECLS
