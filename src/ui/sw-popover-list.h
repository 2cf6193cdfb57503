/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A list for a menu button's popover: one click on a row activates it,
 * calling @activated with @data (a GObject, the connection lasts as long
 * as it does) as its first argument; @label names the list for assistive
 * technologies.  Returns the scrolled window around the list, which grows
 * with it up to @max_height pixels; @out_list_view is the list itself,
 * owned by the scrolled window. */
GtkWidget *sw_popover_list_new (GtkSelectionModel   *model,
                                GtkListItemFactory  *factory,
                                const char          *label,
                                int                  max_height,
                                GCallback            activated,
                                gpointer             data,
                                GtkListView        **out_list_view);

G_END_DECLS
