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

/* Fills @cell (made by the setup function, by default a text cell of
 * sw_column_util_text_new()) for @item. */
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
/* The default cell: a left-aligned, ellipsized GtkInscription, which
 * asks for a width of @chars characters instead of measuring its text, so
 * a long list refills its rows without laying out every cell twice. */
#define SW_COLUMN_UTIL_TEXT_CHARS 12
GtkWidget           *sw_column_util_text_new  (guint                chars);
/* Sets the text of a cell made by sw_column_util_text_new(). */
void                 sw_column_util_set_text  (GtkWidget           *cell,
                                               const char          *text);
/* The natural width, in characters, of @column's default cells. */
void                 sw_column_util_set_text_chars (GtkColumnViewColumn *column,
                                                    guint                chars);

G_END_DECLS
