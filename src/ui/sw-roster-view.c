/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "sw-accessible.h"
#include "sw-column-util.h"
#include "sw-name-dialog.h"
#include "sw-person-editor.h"
#include "sw-people-row.h"
#include "sw-roster-view-private.h"
#include "sw-person-search.h"
#include "sw-ui-state.h"

G_DEFINE_FINAL_TYPE (SwRosterView, sw_roster_view, GTK_TYPE_WIDGET)

void
sw_roster_view_show_message (SwRosterView *self,
                             const char   *heading,
                             const char   *body)
{
  sw_name_dialog_message (GTK_WIDGET (self), heading, body);
}

/* State */

SwDepartment *
sw_roster_view_selected_department (SwRosterView *self)
{
  return gtk_single_selection_get_selected_item (self->departments_selection);
}

static SwPerson *
selected_person (SwRosterView *self)
{
  SwPeopleRow *row = gtk_single_selection_get_selected_item (self->people_selection);

  return row != NULL ? sw_people_row_get_person (row) : NULL;
}

static void
sw_roster_view_update_actions (SwRosterView *self)
{
  gboolean editable = self->organisation != NULL && !sw_organisation_get_read_only (self->organisation);
  SwDepartment *department = editable ? sw_roster_view_selected_department (self) : NULL;
  SwPerson *person = editable ? selected_person (self) : NULL;
  guint n_departments = editable ? g_list_model_get_n_items (sw_organisation_get_departments (self->organisation)) : 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "roster.add-department", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "roster.rename-department", department != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "roster.move-department",
                                 department != NULL && n_departments > 1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "roster.delete-department", department != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "roster.add-person", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "roster.edit-person", person != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "roster.delete-person", person != NULL);
}

static void
sw_roster_view_update_count (SwRosterView *self)
{
  guint shown = sw_roster_view_get_n_shown (self);
  guint total = self->organisation != NULL
                ? g_list_model_get_n_items (sw_organisation_get_people (self->organisation)) : 0;
  g_autofree char *text = NULL;

  if (shown == total)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person", "%u people", total), total);
  else
    /* Translators: people shown of all people */
    text = g_strdup_printf (_("%u of %u"), shown, total);
  gtk_label_set_label (self->count_label, text);
}

static void
sw_roster_view_recompute (SwRosterView *self)
{
  g_clear_pointer (&self->minutes, g_hash_table_unref);
  g_clear_pointer (&self->committees, g_hash_table_unref);
  self->minutes = sw_ui_state_minutes_by_person (self->plan);
  self->committees = sw_ui_state_committees_by_person (self->plan);

  sw_column_util_refresh (self->hours_column);
  sw_column_util_refresh (self->committees_column);

  /* A sort by these columns depends on the tables (the column view only
   * listens to the sorters of the columns it sorts by). */
  gtk_sorter_changed (GTK_SORTER (self->hours_sorter), GTK_SORTER_CHANGE_DIFFERENT);
  gtk_sorter_changed (GTK_SORTER (self->committees_sorter), GTK_SORTER_CHANGE_DIFFERENT);
}

/* Any change may have renamed a person or a department, or moved a
 * person to another: the search and a sort by a column look again. */
static void
stack_changed (SwRosterView *self)
{
  GtkSorter *sorter = gtk_column_view_get_sorter (self->people_view);

  if (sw_roster_view_selected_department (self) != NULL ||
      (self->query != NULL && self->query[0] != '\0'))
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  if (sorter != NULL && gtk_sorter_get_order (sorter) != GTK_SORTER_ORDER_NONE)
    gtk_sorter_changed (sorter, GTK_SORTER_CHANGE_DIFFERENT);
  sw_roster_view_recompute (self);
  sw_roster_view_update_actions (self);
}

/* Filter */

static gboolean
person_visible (gpointer item,
                gpointer user_data)
{
  SwRosterView *self = user_data;
  SwPerson *person = item;
  SwDepartment *department = sw_roster_view_selected_department (self);

  if (department != NULL && sw_person_get_department (person) != department)
    return FALSE;

  return sw_person_search_matches (person, self->query);
}

/* Rows up to this position are made at once when the table grows; those
 * after it (out of sight) are added while the main loop is idle. */
#define ROWS_AT_ONCE 60

/* The selection follows its person */

static void
select_kept (SwRosterView *self)
{
  guint position = GTK_INVALID_LIST_POSITION;

  if (self->selected != NULL &&
      !sw_list_model_find (G_LIST_MODEL (self->sorted), self->selected, &position))
    g_clear_object (&self->selected);

  /* A person whose row is not there yet is selected when it comes. */
  if (position >= g_list_model_get_n_items (G_LIST_MODEL (self->rows)))
    position = GTK_INVALID_LIST_POSITION;
  if (position != gtk_single_selection_get_selected (self->people_selection))
    {
      g_autoptr(SwPerson) keep = self->selected != NULL ? g_object_ref (self->selected) : NULL;

      gtk_single_selection_set_selected (self->people_selection, position);
      g_set_object (&self->selected, keep);
    }
}

static void
rows_synced (SwRosterView *self)
{
  select_kept (self);
  sw_roster_view_update_count (self);
  sw_roster_view_update_actions (self);
}

static void
rows_fed (SwRosterView *self)
{
  if (self->selected != NULL && selected_person (self) != self->selected)
    select_kept (self);
}

static void
people_selection_changed (SwRosterView *self)
{
  /* While the rows change, the selection is put back by select_kept (). */
  if (!sw_row_model_get_syncing (self->rows))
    g_set_object (&self->selected, selected_person (self));
  sw_roster_view_update_actions (self);
}

static void
sw_roster_view_populate (SwRosterView *self)
{
  g_clear_handle_id (&self->populate_id, g_source_remove);
  sw_row_model_set_items (self->rows, G_LIST_MODEL (self->sorted));
}

static gboolean
populate_idle (gpointer data)
{
  SwRosterView *self = data;

  self->populate_id = 0;
  sw_roster_view_populate (self);
  return G_SOURCE_REMOVE;
}

static void
sw_roster_view_map (GtkWidget *widget)
{
  SwRosterView *self = SW_ROSTER_VIEW (widget);

  if (self->populate_id != 0)
    sw_roster_view_populate (self);

  GTK_WIDGET_CLASS (sw_roster_view_parent_class)->map (widget);
}

static void
sw_roster_view_apply_query (SwRosterView *self,
                            const char   *text)
{
  g_autofree char *query = sw_ui_state_normalize_query (text);

  if (g_strcmp0 (query, self->query) == 0)
    return;

  g_free (self->query);
  self->query = g_steal_pointer (&query);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
search_changed (SwRosterView   *self,
                GtkSearchEntry *entry)
{
  sw_roster_view_apply_query (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
search_activated (SwRosterView *self)
{
  /* Enter opens the only match, or the first. */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->rows)) > 0)
    {
      gtk_single_selection_set_selected (self->people_selection, 0);
      gtk_widget_activate_action (GTK_WIDGET (self), "roster.edit-person", NULL);
    }
}

void
sw_roster_view_department_changed (SwRosterView *self)
{
  gboolean all = sw_roster_view_selected_department (self) == NULL;

  if (gtk_toggle_button_get_active (self->all_button) != all)
    gtk_toggle_button_set_active (self->all_button, all);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  sw_roster_view_update_actions (self);
}

static void
all_toggled (SwRosterView    *self,
             GtkToggleButton *button)
{
  if (gtk_toggle_button_get_active (button))
    gtk_single_selection_set_selected (self->departments_selection, GTK_INVALID_LIST_POSITION);
  else if (sw_roster_view_selected_department (self) == NULL)
    gtk_toggle_button_set_active (button, TRUE);
}

/* People columns */

static void
fill_name (GtkWidget *cell,
           gpointer   item,
           gpointer   user_data)
{
  SwPerson *person = sw_people_row_get_person (item);

  sw_column_util_set_text (cell, sw_person_get_name (person));
  /* The row takes the focus: it reads the person. */
  sw_accessible_label_row (cell, sw_person_get_name (person));
  if (sw_person_get_active (person) == gtk_widget_has_css_class (cell, "dim-label"))
    {
      if (sw_person_get_active (person))
        gtk_widget_remove_css_class (cell, "dim-label");
      else
        gtk_widget_add_css_class (cell, "dim-label");
    }
}

static void
fill_department (GtkWidget *cell,
                 gpointer   item,
                 gpointer   user_data)
{
  SwDepartment *department = sw_person_get_department (sw_people_row_get_person (item));

  sw_column_util_set_text (cell, department != NULL ? sw_department_get_name (department) : "");
}

static void
fill_title (GtkWidget *cell,
            gpointer   item,
            gpointer   user_data)
{
  sw_column_util_set_text (cell, sw_person_get_title (sw_people_row_get_person (item)));
}

static void
fill_skills (GtkWidget *cell,
             gpointer   item,
             gpointer   user_data)
{
  g_autofree char *skills = sw_skills_join (sw_person_get_skills (sw_people_row_get_person (item)), "、");

  sw_column_util_set_text (cell, skills);
}

static void
fill_phone (GtkWidget *cell,
            gpointer   item,
            gpointer   user_data)
{
  sw_column_util_set_text (cell, sw_person_get_phone (sw_people_row_get_person (item)));
}

static void
fill_email (GtkWidget *cell,
            gpointer   item,
            gpointer   user_data)
{
  sw_column_util_set_text (cell, sw_person_get_email (sw_people_row_get_person (item)));
}

static void
fill_committees (GtkWidget *cell,
                 gpointer   item,
                 gpointer   user_data)
{
  SwRosterView *self = user_data;
  const char *text = self->committees != NULL ? g_hash_table_lookup (self->committees, sw_people_row_get_person (item)) : NULL;

  sw_column_util_set_text (cell, text != NULL ? text : "");
}

static void
fill_hours (GtkWidget *cell,
            gpointer   item,
            gpointer   user_data)
{
  SwRosterView *self = user_data;
  guint minutes = self->minutes != NULL ? GPOINTER_TO_UINT (g_hash_table_lookup (self->minutes, sw_people_row_get_person (item))) : 0;
  g_autofree char *text = sw_ui_state_format_hours (minutes);

  sw_column_util_set_text (cell, text);
}

static GtkWidget *
hours_setup (gpointer user_data)
{
  GtkWidget *text = sw_column_util_text_new (6);

  gtk_inscription_set_xalign (GTK_INSCRIPTION (text), 1.0f);
  gtk_widget_add_css_class (text, "numeric");
  return text;
}

static int
compare_hours (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  SwRosterView *self = user_data;
  guint ma = self->minutes != NULL ? GPOINTER_TO_UINT (g_hash_table_lookup (self->minutes, a)) : 0;
  guint mb = self->minutes != NULL ? GPOINTER_TO_UINT (g_hash_table_lookup (self->minutes, b)) : 0;

  return ma < mb ? -1 : ma > mb ? 1 : 0;
}

static int
compare_committees (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  SwRosterView *self = user_data;
  const char *ta = self->committees != NULL ? g_hash_table_lookup (self->committees, a) : NULL;
  const char *tb = self->committees != NULL ? g_hash_table_lookup (self->committees, b) : NULL;

  /* People on a committee first. */
  if ((ta == NULL) != (tb == NULL))
    return ta == NULL ? 1 : -1;
  return g_strcmp0 (ta, tb);
}

static char *
department_name (GObject      *item,
                 SwDepartment *department,
                 gpointer      user_data)
{
  return g_strdup (department != NULL ? sw_department_get_name (department) : "");
}

static char *
skills_text (GObject  *item,
             GStrv     skills,
             gpointer  user_data)
{
  return sw_skills_join ((const char *const *) skills, "、");
}

static gpointer
make_row (gpointer person)
{
  return sw_people_row_new (person);
}

static void
set_row (gpointer row,
         gpointer person)
{
  sw_people_row_set_person (row, person);
}

static void
sw_roster_view_setup_people (SwRosterView *self)
{
  GtkExpression *params[1];
  GtkColumnViewColumn *name_column;

  self->filter = gtk_custom_filter_new (person_visible, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, g_object_ref (GTK_FILTER (self->filter)));
  /* A stable sort by the column clicked: equal people keep the roster's
   * order, people grouped by department. */
  self->sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filtered)),
                                          g_object_ref (gtk_column_view_get_sorter (self->people_view)));
  self->rows = sw_row_model_new (SW_TYPE_PEOPLE_ROW, ROWS_AT_ONCE, make_row, set_row);
  g_signal_connect_object (self->rows, "synced", G_CALLBACK (rows_synced), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->rows, "fed", G_CALLBACK (rows_fed), self, G_CONNECT_SWAPPED);
  self->people_selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->rows)));
  gtk_single_selection_set_autoselect (self->people_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->people_selection, TRUE);
  gtk_column_view_set_model (self->people_view, GTK_SELECTION_MODEL (self->people_selection));
  g_signal_connect_object (self->people_selection, "notify::selected",
                           G_CALLBACK (people_selection_changed), self, G_CONNECT_SWAPPED);

  sw_accessible_label_column_titles (self->people_view, _("People Columns"));
  name_column = sw_column_util_add (self->people_view, _("Name"), NULL, fill_name, self,
                                    GTK_SORTER (gtk_string_sorter_new (gtk_property_expression_new (SW_TYPE_PERSON, NULL, "name"))),
                                    TRUE);
  params[0] = gtk_property_expression_new (SW_TYPE_PERSON, NULL, "department");
  sw_column_util_add (self->people_view, _("Department"), NULL, fill_department, self,
                      GTK_SORTER (gtk_string_sorter_new (gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 1, params,
                                                                                      G_CALLBACK (department_name),
                                                                                      NULL, NULL))),
                      TRUE);
  sw_column_util_add (self->people_view, C_("person", "Title"), NULL, fill_title, self,
                      GTK_SORTER (gtk_string_sorter_new (gtk_property_expression_new (SW_TYPE_PERSON, NULL, "title"))),
                      TRUE);
  sw_column_util_add (self->people_view, _("Phone"), NULL, fill_phone, self,
                      GTK_SORTER (gtk_string_sorter_new (gtk_property_expression_new (SW_TYPE_PERSON, NULL, "phone"))),
                      FALSE);
  sw_column_util_add (self->people_view, _("E-mail"), NULL, fill_email, self,
                      GTK_SORTER (gtk_string_sorter_new (gtk_property_expression_new (SW_TYPE_PERSON, NULL, "email"))),
                      TRUE);
  params[0] = gtk_property_expression_new (SW_TYPE_PERSON, NULL, "skills");
  sw_column_util_add (self->people_view, _("Skills"), NULL, fill_skills, self,
                      GTK_SORTER (gtk_string_sorter_new (gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 1, params,
                                                                                      G_CALLBACK (skills_text),
                                                                                      NULL, NULL))),
                      TRUE);

  self->committees_sorter = gtk_custom_sorter_new (compare_committees, self, NULL);
  self->committees_column = sw_column_util_add (self->people_view, _("Committees"), NULL, fill_committees, self,
                                                g_object_ref (GTK_SORTER (self->committees_sorter)), TRUE);
  self->hours_sorter = gtk_custom_sorter_new (compare_hours, self, NULL);
  self->hours_column = sw_column_util_add (self->people_view, _("Hours"), hours_setup, fill_hours, self,
                                           g_object_ref (GTK_SORTER (self->hours_sorter)), FALSE);
  gtk_column_view_column_set_fixed_width (self->hours_column, 80);

  /* Natural widths in characters (a Chinese character counts two): the
   * columns keep their widths whatever rows the search shows. */
  {
    const guint chars[] = { 10, 14, 14, 13, 22, 14, 18 };
    GListModel *columns = gtk_column_view_get_columns (self->people_view);

    for (guint i = 0; i < G_N_ELEMENTS (chars); i++)
      {
        g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

        sw_column_util_set_text_chars (column, chars[i]);
      }
  }

  /* Unsorted until a column is clicked: the roster's own order, people
   * grouped by department. */
  (void) name_column;
}
/* People */

static void
open_editor (SwRosterView *self,
             SwPerson     *person)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  SwPersonEditor *editor;

  editor = sw_person_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                 self->organisation, person, sw_roster_view_selected_department (self));
  gtk_window_present (GTK_WINDOW (editor));
}

static void
add_person_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SwRosterView *self = SW_ROSTER_VIEW (widget);

  if (self->organisation != NULL)
    open_editor (self, NULL);
}

static void
edit_person_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SwRosterView *self = SW_ROSTER_VIEW (widget);
  SwPerson *person = selected_person (self);

  if (person != NULL)
    open_editor (self, person);
}

static void
person_activated (SwRosterView  *self,
                  guint          position,
                  GtkColumnView *view)
{
  gtk_single_selection_set_selected (self->people_selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self), "roster.edit-person", NULL);
}

static void
delete_person_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SwRosterView *self = SW_ROSTER_VIEW (widget);
  SwPerson *person = selected_person (self);
  g_autoptr(GError) error = NULL;

  if (person == NULL || self->organisation == NULL)
    return;

  if (!sw_edit_delete_person (self->organisation, person, &error))
    sw_roster_view_show_message (self, _("Could Not Delete the Person"), error->message);
}
/* Public */

void
sw_roster_view_set_organisation (SwRosterView   *self,
                                 SwOrganisation *organisation)
{
  g_return_if_fail (SW_IS_ROSTER_VIEW (self));
  g_return_if_fail (organisation == NULL || SW_IS_ORGANISATION (organisation));

  if (!g_set_object (&self->organisation, organisation))
    return;
  /* Ready before the first search is typed. */
  if (organisation != NULL)
    sw_person_search_prepare (sw_organisation_get_people (organisation));

  gtk_filter_list_model_set_model (self->filtered,
                                   organisation != NULL ? sw_organisation_get_people (organisation) : NULL);

  /* The window starts on the Schedule: making the rows of a hidden table
   * would only delay the first frame, so they are made when the main loop
   * is idle after it (or when the view is shown first, if sooner). */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    sw_roster_view_populate (self);
  else if (self->populate_id == 0)
    self->populate_id = g_idle_add_full (G_PRIORITY_LOW, populate_idle, self, NULL);
  gtk_single_selection_set_model (self->departments_selection,
                                  organisation != NULL ? sw_organisation_get_departments (organisation) : NULL);
  gtk_single_selection_set_selected (self->departments_selection, GTK_INVALID_LIST_POSITION);
  g_signal_group_set_target (self->stack_signals,
                             organisation != NULL ? sw_organisation_get_undo_stack (organisation) : NULL);
  sw_committees_panel_set_plan (self->committees_panel, organisation, self->plan);
  sw_roster_view_update_count (self);
  sw_roster_view_update_actions (self);
}

void
sw_roster_view_set_plan (SwRosterView *self,
                         SwPlan       *plan)
{
  g_return_if_fail (SW_IS_ROSTER_VIEW (self));
  g_return_if_fail (plan == NULL || SW_IS_PLAN (plan));

  if (!g_set_object (&self->plan, plan))
    return;

  sw_committees_panel_set_plan (self->committees_panel, self->organisation, plan);
  sw_roster_view_recompute (self);
}

void
sw_roster_view_focus_search (SwRosterView *self)
{
  g_return_if_fail (SW_IS_ROSTER_VIEW (self));

  gtk_stack_set_visible_child_name (self->content_stack, "people");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

void
sw_roster_view_set_search_text (SwRosterView *self,
                                const char   *text)
{
  g_return_if_fail (SW_IS_ROSTER_VIEW (self));

  g_signal_handlers_block_by_func (self->search_entry, search_changed, self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
  g_signal_handlers_unblock_by_func (self->search_entry, search_changed, self);
  sw_roster_view_apply_query (self, text);
}

GListModel *
sw_roster_view_get_people_model (SwRosterView *self)
{
  g_return_val_if_fail (SW_IS_ROSTER_VIEW (self), NULL);

  return G_LIST_MODEL (self->rows);
}

guint
sw_roster_view_get_n_shown (SwRosterView *self)
{
  g_return_val_if_fail (SW_IS_ROSTER_VIEW (self), 0);

  return sw_row_model_get_items (self->rows) != NULL
         ? g_list_model_get_n_items (G_LIST_MODEL (self->sorted)) : 0;
}

gboolean
sw_roster_view_get_rows_pending (SwRosterView *self)
{
  g_return_val_if_fail (SW_IS_ROSTER_VIEW (self), FALSE);

  return sw_row_model_get_pending (self->rows);
}
/* GObject */

static void
sw_roster_view_dispose (GObject *object)
{
  SwRosterView *self = SW_ROSTER_VIEW (object);

  if (self->stack_signals != NULL)
    g_signal_group_set_target (self->stack_signals, NULL);
  g_clear_handle_id (&self->populate_id, g_source_remove);
  /* The rows stop following the people before the table goes. */
  if (self->rows != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->rows, self);
      sw_row_model_set_items (self->rows, NULL);
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), SW_TYPE_ROSTER_VIEW);

  g_clear_object (&self->stack_signals);
  g_clear_object (&self->people_selection);
  g_clear_object (&self->rows);
  g_clear_object (&self->sorted);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->selected);
  g_clear_object (&self->departments_selection);
  g_clear_object (&self->hours_sorter);
  g_clear_object (&self->committees_sorter);
  g_clear_pointer (&self->minutes, g_hash_table_unref);
  g_clear_pointer (&self->committees, g_hash_table_unref);
  g_clear_pointer (&self->query, g_free);
  g_clear_object (&self->plan);
  g_clear_object (&self->organisation);

  G_OBJECT_CLASS (sw_roster_view_parent_class)->dispose (object);
}

static void
sw_roster_view_class_init (SwRosterViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sw_roster_view_dispose;
  widget_class->map = sw_roster_view_map;

  g_type_ensure (SW_TYPE_COMMITTEES_PANEL);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/servweek/Planner/sw-roster-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SwRosterView, paned);
  gtk_widget_class_bind_template_child (widget_class, SwRosterView, all_button);
  gtk_widget_class_bind_template_child (widget_class, SwRosterView, departments_view);
  gtk_widget_class_bind_template_child (widget_class, SwRosterView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SwRosterView, count_label);
  gtk_widget_class_bind_template_child (widget_class, SwRosterView, content_stack);
  gtk_widget_class_bind_template_child (widget_class, SwRosterView, people_view);
  gtk_widget_class_bind_template_child (widget_class, SwRosterView, committees_panel);
  gtk_widget_class_bind_template_callback (widget_class, search_changed);
  gtk_widget_class_bind_template_callback (widget_class, search_activated);
  gtk_widget_class_bind_template_callback (widget_class, all_toggled);
  gtk_widget_class_bind_template_callback (widget_class, person_activated);

  sw_roster_view_class_init_departments (widget_class);
  gtk_widget_class_install_action (widget_class, "roster.add-person", NULL, add_person_action);
  gtk_widget_class_install_action (widget_class, "roster.edit-person", NULL, edit_person_action);
  gtk_widget_class_install_action (widget_class, "roster.delete-person", NULL, delete_person_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "rosterview");
}

static void
sw_roster_view_init (SwRosterView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->stack_signals = g_signal_group_new (SW_TYPE_UNDO_STACK);
  g_signal_group_connect_swapped (self->stack_signals, "changed",
                                  G_CALLBACK (stack_changed), self);

  sw_roster_view_setup_departments (self);
  sw_roster_view_setup_people (self);
  sw_roster_view_recompute (self);
  sw_roster_view_update_count (self);
  sw_roster_view_update_actions (self);
}
