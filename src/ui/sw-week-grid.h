/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "sw-core.h"

G_BEGIN_DECLS

/*
 * One week of a plan: days as columns under their headings, hours as rows
 * (07:00–21:00, widened to hold the week's slots), slots as SwSlotCards,
 * overlapping slots side by side.  A plan longer than a week shows one
 * page of seven days at a time ("page", "n-pages").
 *
 * The grid changes nothing itself; it reports what the user did:
 *   "slot-activated" (SwSlot)       a card was clicked;
 *   "add-slot" (gint64 start)       an empty half hour was clicked;
 *   "move-slot" (SwSlot, gint64 start, gint64 end)
 *                                   a card was dragged or its bottom edge
 *                                   resized (snapped to 15 minutes);
 *   "person-dropped" (SwSlot, SwPerson)
 *                                   a person was dropped on a card.
 * It redraws on the organisation's undo stack "changed" and on the plan's
 * slot list changing, laying the cards out once per change.
 *
 * Properties: "organisation", "plan", "page", "n-pages" (read-only),
 * "selected-slot".
 */
#define SW_TYPE_WEEK_GRID (sw_week_grid_get_type ())
G_DECLARE_FINAL_TYPE (SwWeekGrid, sw_week_grid, SW, WEEK_GRID, GtkWidget)

GtkWidget *sw_week_grid_new               (void);
void       sw_week_grid_set_organisation  (SwWeekGrid     *self,
                                           SwOrganisation *organisation);
void       sw_week_grid_set_plan          (SwWeekGrid     *self,
                                           SwPlan         *plan);
guint      sw_week_grid_get_page          (SwWeekGrid     *self);
void       sw_week_grid_set_page          (SwWeekGrid     *self,
                                           guint           page);
guint      sw_week_grid_get_n_pages       (SwWeekGrid     *self);
/* The first and last day on the page shown. */
void       sw_week_grid_get_page_days     (SwWeekGrid     *self,
                                           int            *out_first,
                                           int            *out_last);
/* Pages to the week holding @day. */
void       sw_week_grid_show_day          (SwWeekGrid     *self,
                                           int             day);
/* Highlights @slot's card, pages to it and scrolls it into view. */
/* Where @day's column lies across the grid laid out @width wide (x from
 * the grid's left edge); FALSE when the page does not show @day. */
gboolean   sw_week_grid_get_day_extent    (SwWeekGrid     *self,
                                           int             day,
                                           double          width,
                                           double         *out_x,
                                           double         *out_width);
void       sw_week_grid_set_selected_slot (SwWeekGrid     *self,
                                           SwSlot         *slot);
/* Lays the cards out again now (normally done on each change). */
void       sw_week_grid_refresh           (SwWeekGrid     *self);

/* A day's heading in the grid, in the locale's format ("Wed 23 Sep"). */
char      *sw_week_grid_format_heading    (int             day);

G_END_DECLS
