/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A button showing a date that opens a calendar popover with a date
 * field.  Property "day" (int, days since 1970-01-01, see sw-time.h)
 * follows the calendar and what is typed; signal "chosen" when the
 * popover closes on another day (Escape closes it on the day it opened
 * with). */
#define SW_TYPE_DATE_BUTTON (sw_date_button_get_type ())
G_DECLARE_FINAL_TYPE (SwDateButton, sw_date_button, SW, DATE_BUTTON, GtkWidget)

GtkWidget *sw_date_button_new     (void);
int        sw_date_button_get_day (SwDateButton *self);
void       sw_date_button_set_day (SwDateButton *self,
                                   int           day);
/* What the button is for, in its tooltip and before the date it shows
 * to screen readers ("Start Date: 22 Sep 2026"). */
void       sw_date_button_set_label (SwDateButton *self,
                                     const char   *label);

G_END_DECLS
