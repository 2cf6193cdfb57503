/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Roster view's people table on a real display (build-aux/test gives
 * one): search, selection, sorting and edits on the sample organisation,
 * with the rows kept and given other people rather than made anew. */
#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "sw-core.h"
#include "sw-date-time.h"
#include "sw-person-editor.h"
#include "sw-generate.h"
#include "sw-people-row.h"
#include "sw-plan-file.h"
#include "sw-roster-view.h"
#include "sw-test-widgets.h"

static GtkWidget *
find_one (GtkWidget *root,
          GType      type)
{
  g_autoptr(GPtrArray) found = sw_test_find_type (root, type);

  g_assert_cmpuint (found->len, >=, 1);
  return found->pdata[0];
}

/* TRUE when a cell of the table shows @text. */
static gboolean
cell_shows (GtkWidget  *root,
            const char *text)
{
  g_autoptr(GPtrArray) cells = sw_test_find_type (root, GTK_TYPE_INSCRIPTION);

  for (guint i = 0; i < cells->len; i++)
    if (g_strcmp0 (gtk_inscription_get_text (cells->pdata[i]), text) == 0 &&
        gtk_widget_get_mapped (cells->pdata[i]))
      return TRUE;
  return FALSE;
}

typedef struct
{
  SwOrganisation *org;
  GtkWindow      *window;
  SwRosterView   *view;
  GListModel     *rows;
} Fixture;

static void
fixture_show (Fixture *f,
              SwPlan  *plan)
{
  sw_undo_stack_clear (sw_organisation_get_undo_stack (f->org));

  f->window = GTK_WINDOW (adw_window_new ());
  gtk_window_set_default_size (f->window, 1200, 800);
  f->view = g_object_new (SW_TYPE_ROSTER_VIEW, NULL);
  sw_roster_view_set_organisation (f->view, f->org);
  sw_roster_view_set_plan (f->view, plan);
  adw_window_set_content (ADW_WINDOW (f->window), GTK_WIDGET (f->view));
  gtk_window_present (f->window);
  sw_test_iterate_for (300);
  f->rows = sw_roster_view_get_people_model (f->view);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SwPlan *plan;

  f->org = sw_organisation_new ();
  plan = sw_plan_file_new_from_template (f->org, "service-week", NULL,
                                         sw_time_day_of (sw_time_from_ymdhm (2026, 9, 20, 0, 0)),
                                         G_MININT, NULL, &error);
  g_assert_no_error (error);
  /* As the store leaves an organisation it opened read-only. */
  if (g_strcmp0 (data, "read-only") == 0)
    sw_organisation_set_read_only (f->org, TRUE);
  fixture_show (f, plan);
}

static void
large_setup (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(SwPlan) plan = NULL;

  f->org = sw_generate_organisation (1, 1);
  plan = g_list_model_get_item (sw_organisation_get_plans (f->org), 0);
  fixture_show (f, plan);
}

static void
wait_for_rows (Fixture *f)
{
  gint64 until = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (sw_roster_view_get_rows_pending (f->view) && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (sw_roster_view_get_rows_pending (f->view));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (f->window);
  sw_test_iterate_for (50);
  sw_undo_stack_clear (sw_organisation_get_undo_stack (f->org));
  g_clear_object (&f->org);
}

static SwPerson *
person_at (Fixture *f,
           guint    position)
{
  g_autoptr(SwPeopleRow) row = g_list_model_get_item (f->rows, position);

  g_assert_nonnull (row);
  return sw_people_row_get_person (row);
}

static void
test_search_keeps_rows (Fixture       *f,
                        gconstpointer  data)
{
  GListModel *people = sw_organisation_get_people (f->org);
  guint n_people = g_list_model_get_n_items (people);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  guint n;

  /* Everyone, in the roster's order. */
  g_assert_cmpuint (n_people, >, 20);
  g_assert_cmpuint (g_list_model_get_n_items (f->rows), ==, n_people);
  for (guint i = 0; i < n_people; i++)
    {
      g_autoptr(SwPerson) person = g_list_model_get_item (people, i);

      g_assert_true (person_at (f, i) == person);
      g_ptr_array_add (rows, g_list_model_get_item (f->rows, i));
    }

  /* A department's name narrows the table; the rows are the ones there
   * were, now showing the people found. */
  sw_roster_view_set_search_text (f->view, "供电所");
  sw_test_iterate_for (100);
  n = g_list_model_get_n_items (f->rows);
  g_assert_cmpuint (n, >, 2);
  g_assert_cmpuint (n, <, n_people);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwPeopleRow) row = g_list_model_get_item (f->rows, i);
      SwDepartment *department = sw_person_get_department (sw_people_row_get_person (row));

      g_assert_true (row == rows->pdata[i]);
      g_assert_nonnull (strstr (sw_department_get_name (department), "供电所"));
    }
  g_assert_true (cell_shows (GTK_WIDGET (f->view), sw_person_get_name (person_at (f, 0))));

  /* Nothing found, then everyone again. */
  sw_roster_view_set_search_text (f->view, "no such person");
  sw_test_iterate_for (100);
  g_assert_cmpuint (g_list_model_get_n_items (f->rows), ==, 0);
  sw_roster_view_set_search_text (f->view, "");
  sw_test_iterate_for (100);
  g_assert_cmpuint (g_list_model_get_n_items (f->rows), ==, n_people);
  for (guint i = 0; i < n_people; i++)
    {
      g_autoptr(SwPerson) person = g_list_model_get_item (people, i);

      g_assert_true (person_at (f, i) == person);
    }
}

static void
test_selection_follows_person (Fixture       *f,
                               gconstpointer  data)
{
  GtkColumnView *table = GTK_COLUMN_VIEW (find_one (GTK_WIDGET (f->view), GTK_TYPE_COLUMN_VIEW));
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (gtk_column_view_get_model (table));
  SwPerson *chosen = person_at (f, 5);
  SwPeopleRow *row;

  gtk_single_selection_set_selected (selection, 5);

  /* Searching for the chosen one's name puts them first, still selected. */
  sw_roster_view_set_search_text (f->view, sw_person_get_name (chosen));
  sw_test_iterate_for (100);
  g_assert_cmpuint (g_list_model_get_n_items (f->rows), >=, 1);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 0);
  row = gtk_single_selection_get_selected_item (selection);
  g_assert_true (sw_people_row_get_person (row) == chosen);

  /* Out of the results, out of the selection. */
  sw_roster_view_set_search_text (f->view, "no such person");
  sw_test_iterate_for (100);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, GTK_INVALID_LIST_POSITION);
  g_assert_null (gtk_single_selection_get_selected_item (selection));
}

static void
assert_sorted_by_name (Fixture *f,
                       int      direction)
{
  guint n = g_list_model_get_n_items (f->rows);

  for (guint i = 0; i + 1 < n; i++)
    {
      const char *a = sw_person_get_name (person_at (f, i));
      const char *b = sw_person_get_name (person_at (f, i + 1));

      if (g_utf8_collate (a, b) * direction > 0)
        g_error ("rows %u and %u out of order: %s, %s", i, i + 1, a, b);
    }
}

static void
test_sort_and_edit (Fixture       *f,
                    gconstpointer  data)
{
  GtkColumnView *table = GTK_COLUMN_VIEW (find_one (GTK_WIDGET (f->view), GTK_TYPE_COLUMN_VIEW));
  g_autoptr(GtkColumnViewColumn) name_column = g_list_model_get_item (gtk_column_view_get_columns (table), 0);
  SwUndoStack *stack = sw_organisation_get_undo_stack (f->org);
  g_autoptr(GError) error = NULL;
  g_autofree char *old_name = NULL;
  SwPerson *renamed;

  g_assert_cmpstr (gtk_column_view_column_get_title (name_column), ==, "Name");

  gtk_column_view_sort_by_column (table, name_column, GTK_SORT_ASCENDING);
  sw_test_iterate_for (100);
  assert_sorted_by_name (f, 1);
  gtk_column_view_sort_by_column (table, name_column, GTK_SORT_DESCENDING);
  sw_test_iterate_for (100);
  assert_sorted_by_name (f, -1);

  /* Sorting also holds within a search. */
  sw_roster_view_set_search_text (f->view, "科");
  sw_test_iterate_for (100);
  g_assert_cmpuint (g_list_model_get_n_items (f->rows), >, 2);
  assert_sorted_by_name (f, -1);
  sw_roster_view_set_search_text (f->view, "");
  sw_test_iterate_for (100);

  /* A renamed person moves to their new place, and their cell shows the
   * new name; undo puts everything back. */
  gtk_column_view_sort_by_column (table, name_column, GTK_SORT_ASCENDING);
  sw_test_iterate_for (100);
  renamed = person_at (f, 7);
  old_name = g_strdup (sw_person_get_name (renamed));
  g_assert_true (sw_undo_stack_set (stack, &error, renamed, "name", "Aaron Renamed", NULL));
  g_assert_no_error (error);
  sw_test_iterate_for (100);
  g_assert_true (person_at (f, 0) == renamed);
  assert_sorted_by_name (f, 1);
  g_assert_true (cell_shows (GTK_WIDGET (f->view), "Aaron Renamed"));

  g_assert_true (sw_undo_stack_undo (stack, &error));
  g_assert_no_error (error);
  sw_test_iterate_for (100);
  g_assert_cmpstr (sw_person_get_name (renamed), ==, old_name);
  g_assert_true (person_at (f, 7) == renamed);
  assert_sorted_by_name (f, 1);
  g_assert_false (cell_shows (GTK_WIDGET (f->view), "Aaron Renamed"));
}

/* 2,000 people: rows out of sight come while the main loop is idle, the
 * count says at once how many were found, and a selected person whose row
 * comes later is selected when it does. */
static void
test_large_grows_in_steps (Fixture       *f,
                           gconstpointer  data)
{
  GtkColumnView *table = GTK_COLUMN_VIEW (find_one (GTK_WIDGET (f->view), GTK_TYPE_COLUMN_VIEW));
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (gtk_column_view_get_model (table));
  GListModel *people = sw_organisation_get_people (f->org);
  guint n_people = g_list_model_get_n_items (people);
  g_autoptr(SwPerson) far = g_list_model_get_item (people, 1500);

  wait_for_rows (f);
  g_assert_cmpuint (n_people, ==, 2000);
  g_assert_cmpuint (g_list_model_get_n_items (f->rows), ==, n_people);
  gtk_single_selection_set_selected (selection, 1500);
  g_assert_true (person_at (f, 1500) == far);

  sw_roster_view_set_search_text (f->view, "no such person");
  g_assert_cmpuint (g_list_model_get_n_items (f->rows), ==, 0);
  g_assert_cmpuint (sw_roster_view_get_n_shown (f->view), ==, 0);
  g_assert_false (sw_roster_view_get_rows_pending (f->view));

  /* Back to everyone: the first rows at once, the rest a moment later. */
  sw_roster_view_set_search_text (f->view, "");
  g_assert_cmpuint (sw_roster_view_get_n_shown (f->view), ==, n_people);
  g_assert_true (sw_roster_view_get_rows_pending (f->view));
  g_assert_cmpuint (g_list_model_get_n_items (f->rows), >, 20);
  g_assert_cmpuint (g_list_model_get_n_items (f->rows), <, n_people);
  wait_for_rows (f);
  g_assert_cmpuint (g_list_model_get_n_items (f->rows), ==, n_people);
  for (guint i = 0; i < n_people; i += 97)
    {
      g_autoptr(SwPerson) person = g_list_model_get_item (people, i);

      g_assert_true (person_at (f, i) == person);
    }

  /* The selection went with the search that lost it; select the far
   * person again, search for something that keeps them beyond the first
   * rows, and their row is selected once it is there. */
  g_assert_null (gtk_single_selection_get_selected_item (selection));
  gtk_single_selection_set_selected (selection, 1500);
  sw_roster_view_set_search_text (f->view, sw_department_get_name (sw_person_get_department (far)));
  wait_for_rows (f);
  sw_roster_view_set_search_text (f->view, "");
  g_assert_null (gtk_single_selection_get_selected_item (selection));
  wait_for_rows (f);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 1500);
  g_assert_true (person_at (f, 1500) == far);
}

/* The button bound to the action @name. */
static GtkWidget *
action_button (GtkWidget  *root,
               const char *name)
{
  g_autoptr(GPtrArray) buttons = sw_test_find_type (root, GTK_TYPE_BUTTON);

  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_actionable_get_action_name (buttons->pdata[i]), name) == 0)
      return buttons->pdata[i];
  g_error ("no button for %s", name);
  return NULL;
}

/* A read-only organisation: the people are there to read, nothing offers
 * to change them. */
static void
test_read_only (Fixture       *f,
                gconstpointer  data)
{
  GtkWidget *root = GTK_WIDGET (f->view);
  GtkColumnView *table = GTK_COLUMN_VIEW (find_one (root, GTK_TYPE_COLUMN_VIEW));
  const char *actions[] = { "roster.add-person", "roster.edit-person", "roster.delete-person",
                            "roster.add-department" };
  g_autoptr(GPtrArray) colors = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (f->rows), >, 20);
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (gtk_column_view_get_model (table)), 3);
  sw_test_iterate_for (50);
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    if (gtk_widget_get_sensitive (action_button (root, actions[i])))
      g_error ("%s is enabled on a read-only organisation", actions[i]);

  colors = sw_test_find_type (root, GTK_TYPE_COLOR_BUTTON);
  g_assert_cmpuint (colors->len, >, 0);
  for (guint i = 0; i < colors->len; i++)
    g_assert_false (gtk_widget_get_sensitive (colors->pdata[i]));
}

/* The same buttons on a writable organisation, for comparison. */
static void
test_writable (Fixture       *f,
               gconstpointer  data)
{
  GtkWidget *root = GTK_WIDGET (f->view);
  GtkColumnView *table = GTK_COLUMN_VIEW (find_one (root, GTK_TYPE_COLUMN_VIEW));

  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (gtk_column_view_get_model (table)), 3);
  sw_test_iterate_for (50);
  g_assert_true (gtk_widget_get_sensitive (action_button (root, "roster.add-person")));
  g_assert_true (gtk_widget_get_sensitive (action_button (root, "roster.edit-person")));
  g_assert_true (gtk_widget_get_sensitive (action_button (root, "roster.add-department")));
}

static void
count_signal (gpointer  instance,
              guint    *counter)
{
  (*counter)++;
}

/* The date-and-time control: what it reads, when it says "changed" and
 * when "committed". */
static void
test_date_time (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *control = sw_date_time_new ();
  gint64 moment = sw_time_from_ymdhm (2026, 9, 21, 8, 30);
  guint changed = 0, committed = 0;
  GtkEditable *entry;

  gtk_window_set_child (GTK_WINDOW (window), control);
  gtk_window_present (GTK_WINDOW (window));
  g_signal_connect (control, "changed", G_CALLBACK (count_signal), &changed);
  g_signal_connect (control, "committed", G_CALLBACK (count_signal), &committed);
  entry = sw_test_date_time_entry (control);

  /* Set from the model: shown, neither signal. */
  sw_date_time_set_time (SW_DATE_TIME (control), moment);
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "08:30");
  g_assert_cmpint (sw_date_time_get_time (SW_DATE_TIME (control)), ==, moment);
  g_assert_cmpuint (changed, ==, 0);
  g_assert_cmpuint (committed, ==, 0);

  /* Typed: changed at every edit, the time follows while it reads. */
  gtk_editable_set_text (entry, "9");
  gtk_editable_set_text (entry, "9:07");
  g_assert_cmpuint (changed, >=, 2);
  g_assert_true (sw_date_time_get_valid (SW_DATE_TIME (control)));
  g_assert_cmpint (sw_date_time_get_time (SW_DATE_TIME (control)), ==, moment + 37);
  gtk_editable_set_text (entry, "9:75");
  g_assert_false (sw_date_time_get_valid (SW_DATE_TIME (control)));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (entry), "error"));
  /* Enter on no time commits nothing; on a time, once. */
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpuint (committed, ==, 0);
  gtk_editable_set_text (entry, "１０:00");
  gtk_editable_set_text (entry, "10:00");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (entry), "error"));
  g_signal_emit_by_name (entry, "activate");
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpuint (committed, ==, 1);
  g_assert_cmpint (sw_date_time_get_time (SW_DATE_TIME (control)), ==, moment + 90);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The person editor's unavailable time: Add is offered for a period that
 * ends after it starts, with both times read. */
static void
test_editor_period (Fixture       *f,
                    gconstpointer  data)
{
  SwPersonEditor *editor = sw_person_editor_new (NULL, f->org, NULL, NULL);
  g_autoptr(GPtrArray) controls = sw_test_find_type (GTK_WIDGET (editor), SW_TYPE_DATE_TIME);
  GtkEditable *from_entry, *to_entry;

  g_assert_cmpuint (controls->len, ==, 2);
  from_entry = sw_test_date_time_entry (controls->pdata[0]);
  to_entry = sw_test_date_time_entry (controls->pdata[1]);
  g_assert_cmpstr (gtk_editable_get_text (from_entry), ==, "08:00");
  g_assert_cmpstr (gtk_editable_get_text (to_entry), ==, "18:00");
  sw_test_iterate_for (50);
  g_assert_true (gtk_widget_get_sensitive (action_button (GTK_WIDGET (editor), "person.add-period")));

  /* Ending before it starts, or at no time: nothing to add. */
  gtk_editable_set_text (to_entry, "07:00");
  sw_test_iterate_for (50);
  g_assert_cmpint (sw_date_time_get_time (controls->pdata[1]), <, sw_date_time_get_time (controls->pdata[0]));
  g_assert_false (gtk_widget_get_sensitive (action_button (GTK_WIDGET (editor), "person.add-period")));
  gtk_editable_set_text (to_entry, "nonsense");
  sw_test_iterate_for (50);
  g_assert_false (sw_date_time_get_valid (controls->pdata[1]));
  g_assert_false (gtk_widget_get_sensitive (action_button (GTK_WIDGET (editor), "person.add-period")));
  gtk_editable_set_text (to_entry, "19:30");
  sw_test_iterate_for (50);
  g_assert_true (gtk_widget_get_sensitive (action_button (GTK_WIDGET (editor), "person.add-period")));
  g_assert_cmpint (sw_date_time_get_time (controls->pdata[1]) - sw_date_time_get_time (controls->pdata[0]),
                   ==, 11 * 60 + 30);

  gtk_window_destroy (GTK_WINDOW (editor));
}

static void
test_no_display (void)
{
  g_test_skip ("no display");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_setenv ("GDK_DEBUG", "gl-disable", FALSE);
  if (!gtk_init_check ())
    {
      g_test_add_func ("/roster-view/no-display", test_no_display);
      return g_test_run ();
    }
  adw_init ();

  g_test_add ("/roster-view/search-keeps-rows", Fixture, NULL,
              fixture_setup, test_search_keeps_rows, fixture_teardown);
  g_test_add ("/roster-view/selection-follows-person", Fixture, NULL,
              fixture_setup, test_selection_follows_person, fixture_teardown);
  g_test_add ("/roster-view/sort-and-edit", Fixture, NULL,
              fixture_setup, test_sort_and_edit, fixture_teardown);
  g_test_add ("/roster-view/writable", Fixture, NULL,
              fixture_setup, test_writable, fixture_teardown);
  g_test_add ("/roster-view/read-only", Fixture, "read-only",
              fixture_setup, test_read_only, fixture_teardown);
  g_test_add_func ("/roster-view/date-time", test_date_time);
  g_test_add ("/roster-view/editor-period", Fixture, NULL,
              fixture_setup, test_editor_period, fixture_teardown);
  g_test_add ("/roster-view/large-grows-in-steps", Fixture, NULL,
              large_setup, test_large_grows_in_steps, fixture_teardown);

  return g_test_run ();
}
