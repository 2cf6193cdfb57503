/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/*
 * Column view columns whose cells are filled by a function of the row's
 * item.  A cell is filled again when its item notifies a change, and all
 * bound cells of a column when sw_column_util_refresh() is called (for
 * values computed from more than the item, such as hours assigned).
 */

/* Fills @cell (made by the setup function, a GtkLabel by default) for
 * @item. */
typedef void        (*SwCellFill)  (GtkWidget *cell,
                                    gpointer   item,
                                    gpointer   user_data);
typedef GtkWidget * (*SwCellSetup) (gpointer   user_data);

/* Appends a column; takes ownership of @sorter (may be NULL). */
GtkColumnViewColumn *sw_column_util_add       (GtkColumnView       *view,
                                               const char          *title,
                                               SwCellSetup          setup,
                                               SwCellFill           fill,
                                               gpointer             user_data,
                                               GtkSorter           *sorter,
                                               gboolean             expand);
void                 sw_column_util_refresh   (GtkColumnViewColumn *column);
/* The item a cell made by a column shows (NULL when unbound). */
gpointer             sw_column_util_get_item  (GtkWidget           *cell);
/* A left-aligned, ellipsized label: the default cell. */
GtkWidget           *sw_column_util_label_new (void);

G_END_DECLS
