/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Appends rows to the GListStore of a list or column view in two steps.
 * GTK 4.8's list and column views make the widgets of up to 200 rows as
 * soon as their items are added, and making them is what takes time when
 * a view is filled: the rows up to a given position, those on screen, are
 * added at once, and those after it (out of sight) while the main loop is
 * idle, a few milliseconds at a time.  "fed" is emitted after each of
 * these later additions. */
#define SW_TYPE_ROW_FEEDER (sw_row_feeder_get_type ())
G_DECLARE_FINAL_TYPE (SwRowFeeder, sw_row_feeder, SW, ROW_FEEDER, GObject)

/* The row for @item, a new reference. */
typedef gpointer (*SwRowFeederMakeFunc) (gpointer item,
                                         gpointer user_data);

/* Rows for a store of @store's item type; @make NULL: the items are the
 * rows. */
SwRowFeeder *sw_row_feeder_new         (GListStore          *store,
                                        guint                at_once,
                                        SwRowFeederMakeFunc  make,
                                        gpointer             user_data);

/* Appends the rows of @items from position @from on, after the store's
 * rows: as many at once as make the store @at_once rows long, the others
 * later.  Stops adding the items of the call before. */
void         sw_row_feeder_feed        (SwRowFeeder         *self,
                                        GPtrArray           *items,
                                        guint                from);

/* Adds no more rows. */
void         sw_row_feeder_stop        (SwRowFeeder         *self);

/* Whether rows are still to be added. */
gboolean     sw_row_feeder_get_pending (SwRowFeeder         *self);

G_END_DECLS
