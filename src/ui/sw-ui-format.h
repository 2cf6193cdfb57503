/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sw-core.h"

G_BEGIN_DECLS

/*
 * Text the window shows for model values.  Pure functions of their
 * arguments (and of the current translation), so tests call them without a
 * display.  All return newly allocated strings, never NULL.
 */

/* "Sun, Sep 20" (translated format). */
char *sw_ui_format_day        (int           day);
/* "Sep 20 – 26, 2026" style range of a plan; one date when first == last. */
char *sw_ui_format_day_range  (int           first_day,
                               int           last_day);
/* "09:00 – 11:30"; when the end falls on a later day its date is added. */
char *sw_ui_format_time_range (gint64        start,
                               gint64        end);
/* "3/5" seats filled of needed; "" when nothing is needed. */
char *sw_ui_format_fill       (guint         filled,
                               guint         needed);
/* "Sep 19, 17:00", or "" for SW_TIME_UNSET. */
char *sw_ui_format_due        (gint64        due);
/* The owner of a task: the person's name, else the department's, else "". */
char *sw_ui_format_owner      (SwPerson     *person,
                               SwDepartment *department);

G_END_DECLS
