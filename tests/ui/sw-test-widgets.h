/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* What the widget tests share: running the main loop, finding widgets. */

/* Runs the main loop for @ms milliseconds. */
void       sw_test_iterate_for (int ms);

typedef gboolean (*SwTestMatch) (GtkWidget     *widget,
                                 gconstpointer  data);

/* The widgets below @root (@root included) that @match takes, in tree
 * order; the array holds no references. */
GPtrArray *sw_test_find_all    (GtkWidget     *root,
                                SwTestMatch    match,
                                gconstpointer  data);

/* The widgets below @root (@root included) of @type. */
GPtrArray *sw_test_find_type   (GtkWidget     *root,
                                GType          type);

/* The time field of an SwDateTime (not the date field in its popover). */
GtkEditable *sw_test_date_time_entry (GtkWidget *control);

G_END_DECLS
