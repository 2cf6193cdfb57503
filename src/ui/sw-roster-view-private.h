/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sw-committees-panel.h"
#include "sw-roster-view.h"
#include "sw-row-model.h"

G_BEGIN_DECLS

/* What the files of the Roster view share: sw-roster-view.c (the people
 * table, its search and the view itself) and sw-roster-view-departments.c
 * (the departments sidebar and its actions). */
struct _SwRosterView
{
  GtkWidget           parent_instance;

  SwOrganisation     *organisation;
  SwPlan             *plan;
  GSignalGroup       *stack_signals;

  /* people: the organisation's → the department and the search (filter)
   * → in the column view's sort order (sorted) → rows (SwPeopleRow) →
   * selection.  The rows are given the organisation's people only once
   * the view is shown or the main loop is idle after the first frame. */
  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;
  GtkSortListModel   *sorted;
  SwRowModel         *rows;
  GtkSingleSelection *people_selection;
  SwPerson           *selected;         /* stays selected while the rows
                                         * change, even before its row
                                         * comes */
  guint               populate_id;
  char               *query;            /* normalized */

  GtkSingleSelection *departments_selection;

  /* Hours and committees of each person in the plan, counted again on
   * each change of the plan. */
  GHashTable         *minutes;          /* SwPerson* → minutes */
  GHashTable         *committees;       /* SwPerson* → text */
  GtkColumnViewColumn *committees_column;
  GtkColumnViewColumn *hours_column;
  GtkCustomSorter    *hours_sorter;
  GtkCustomSorter    *committees_sorter;

  /* template children */
  GtkPaned           *paned;
  GtkToggleButton    *all_button;
  GtkListView        *departments_view;
  GtkSearchEntry     *search_entry;
  GtkLabel           *count_label;
  GtkStack           *content_stack;
  GtkColumnView      *people_view;
  SwCommitteesPanel  *committees_panel;
};

void          sw_roster_view_show_message           (SwRosterView   *self,
                                                     const char     *heading,
                                                     const char     *body);
SwDepartment *sw_roster_view_selected_department    (SwRosterView   *self);
/* The department selection changed. */
void          sw_roster_view_department_changed     (SwRosterView   *self);

void          sw_roster_view_setup_departments      (SwRosterView   *self);
void          sw_roster_view_class_init_departments (GtkWidgetClass *widget_class);

G_END_DECLS
