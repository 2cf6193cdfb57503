/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "sw-core.h"

G_BEGIN_DECLS

/* The Roster view: departments in a sidebar (add, rename, colour,
 * reorder, delete), the people in a searchable, sortable column view with
 * their committees and hours in the plan, a person editor, and the plan's
 * committees.  Every change goes through the organisation's undo stack. */
#define SW_TYPE_ROSTER_VIEW (sw_roster_view_get_type ())
G_DECLARE_FINAL_TYPE (SwRosterView, sw_roster_view, SW, ROSTER_VIEW, GtkWidget)

void        sw_roster_view_set_organisation (SwRosterView   *self,
                                             SwOrganisation *organisation);
void        sw_roster_view_set_plan         (SwRosterView   *self,
                                             SwPlan         *plan);
/* Shows the people and puts the focus into the search entry. */
void        sw_roster_view_focus_search     (SwRosterView   *self);
/* Sets the search text at once, without the entry's typing delay (for
 * benchmarks and tests). */
void        sw_roster_view_set_search_text  (SwRosterView   *self,
                                             const char     *text);
/* The rows shown (SwPeopleRow, after search and department filter,
 * sorted).  When a search finds many more people than the one before,
 * the rows out of sight are added while the main loop is idle. */
GListModel *sw_roster_view_get_people_model (SwRosterView   *self);
/* The number of people found, all of whose rows are there once
 * sw_roster_view_get_rows_pending() is FALSE. */
guint       sw_roster_view_get_n_shown      (SwRosterView   *self);
gboolean    sw_roster_view_get_rows_pending (SwRosterView   *self);

G_END_DECLS
