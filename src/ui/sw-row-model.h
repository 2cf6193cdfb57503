/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The rows of a list or column view for the items of a model, which it
 * follows.  GTK 4.8's list and column views make the widgets of up to 200
 * rows as soon as their items are added, and making them is what takes
 * time when a view is filled: the rows up to a given position, those on
 * screen, are added at once, and those after it (out of sight) while the
 * main loop is idle, a few milliseconds at a time ("fed" is emitted after
 * each of these later additions).
 *
 * With a make and a set function, the rows are objects of their own that
 * show an item each, and are kept when the items change: the rows the
 * view has are given the new items in order, and rows are added or removed
 * at the end only.  A keystroke in a search thus refills the cells on
 * screen instead of making new widgets.  Without them, the items are the
 * rows. */
#define SW_TYPE_ROW_MODEL (sw_row_model_get_type ())
G_DECLARE_FINAL_TYPE (SwRowModel, sw_row_model, SW, ROW_MODEL, GObject)

/* A new row (a new reference) showing @item. */
typedef gpointer (*SwRowModelMakeFunc) (gpointer item);
/* Makes @row show @item. */
typedef void     (*SwRowModelSetFunc)  (gpointer row,
                                        gpointer item);

SwRowModel *sw_row_model_new         (GType               row_type,
                                      guint               at_once,
                                      SwRowModelMakeFunc  make,
                                      SwRowModelSetFunc   set);

/* The items to show (NULL: none). */
void        sw_row_model_set_items   (SwRowModel         *self,
                                      GListModel         *items);
GListModel *sw_row_model_get_items   (SwRowModel         *self);

/* Whether rows are still to be added. */
gboolean    sw_row_model_get_pending (SwRowModel         *self);

/* Whether the rows are being brought up to date with the items ("synced"
 * is emitted when that is done): a view that keeps its selection with an
 * item ignores the selection's changes meanwhile. */
gboolean    sw_row_model_get_syncing (SwRowModel         *self);

G_END_DECLS
