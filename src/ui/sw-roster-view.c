/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "sw-column-util.h"
#include "sw-committees-panel.h"
#include "sw-name-dialog.h"
#include "sw-person-editor.h"
#include "sw-people-row.h"
#include "sw-row-feeder.h"
#include "sw-roster-view.h"
#include "sw-ui-state.h"

struct _SwRosterView
{
  GtkWidget           parent_instance;

  SwOrganisation     *organisation;
  SwPlan             *plan;
  GSignalGroup       *stack_signals;
  GSignalGroup       *people_signals;

  /* people: org people → the search and department filter, sorted by the
   * column view's sorter → rows (SwPeopleRow) → selection */
  GListStore         *rows;
  GHashTable         *haystacks;        /* SwPerson* → folded fields */
  guint               populate_id;      /* fills the hidden view after start */
  GPtrArray          *matches;          /* SwPerson: those found, rows in
                                         * or not */
  SwRowFeeder        *feeder;           /* adds their rows */
  guint               select_after;     /* a position not in the rows yet */
  GtkSingleSelection *people_selection;
  char               *query;            /* normalized */

  GtkSingleSelection *departments_selection;

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

G_DEFINE_FINAL_TYPE (SwRosterView, sw_roster_view, GTK_TYPE_WIDGET)

static void sw_roster_view_refilter (SwRosterView *self);

static void
show_message (SwRosterView *self,
              const char   *heading,
              const char   *body)
{
  sw_name_dialog_message (GTK_WIDGET (self), heading, body);
}

/* State */

static SwDepartment *
selected_department (SwRosterView *self)
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
  SwDepartment *department = editable ? selected_department (self) : NULL;
  SwPerson *person = editable ? selected_person (self) : NULL;
  guint position = gtk_single_selection_get_selected (self->departments_selection);
  guint n_departments = editable ? g_list_model_get_n_items (sw_organisation_get_departments (self->organisation)) : 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "roster.add-department", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "roster.rename-department", department != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "roster.move-department",
                                 department != NULL && n_departments > 1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "roster.delete-department", department != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "roster.add-person", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "roster.edit-person", person != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "roster.delete-person", person != NULL);
  (void) position;
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

/* TRUE when @command changes a person or a department (what the search
 * looks at). */
static gboolean
touches_roster (SwCommand *command)
{
  if (SW_IS_COMMAND_GROUP (command))
    {
      guint n = sw_command_group_get_size (SW_COMMAND_GROUP (command));

      for (guint i = 0; i < n; i++)
        if (touches_roster (sw_command_group_get_child (SW_COMMAND_GROUP (command), i)))
          return TRUE;
      return FALSE;
    }

  if (SW_IS_PROPERTY_COMMAND (command))
    {
      GObject *object = sw_property_command_get_object (SW_PROPERTY_COMMAND (command));

      return SW_IS_PERSON (object) || SW_IS_DEPARTMENT (object);
    }

  if (SW_IS_LIST_COMMAND (command))
    return SW_IS_ORGANISATION (sw_list_command_get_owner (SW_LIST_COMMAND (command)));

  return FALSE;
}

static void
stack_changed (SwRosterView *self,
               SwCommand    *command)
{
  if (touches_roster (command))
    {
      g_hash_table_remove_all (self->haystacks);
      sw_roster_view_refilter (self);
    }
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
  SwDepartment *department = selected_department (self);

  const char *haystack;

  if (department != NULL && sw_person_get_department (person) != department)
    return FALSE;

  if (self->query == NULL || self->query[0] == '\0')
    return TRUE;

  haystack = g_hash_table_lookup (self->haystacks, person);
  if (haystack == NULL)
    {
      haystack = sw_ui_state_person_haystack (person);
      g_hash_table_insert (self->haystacks, person, (char *) haystack);
    }

  return sw_ui_state_haystack_matches (haystack, self->query);
}

/* Rows up to this position are made at once when the table grows; those
 * after it (out of sight) are added while the main loop is idle. */
#define ROWS_AT_ONCE 60

static gpointer
make_row (gpointer person,
          gpointer user_data)
{
  return sw_people_row_new (person);
}

static void
select_pending (SwRosterView *self)
{
  if (self->select_after != GTK_INVALID_LIST_POSITION &&
      self->select_after < g_list_model_get_n_items (G_LIST_MODEL (self->rows)))
    {
      gtk_single_selection_set_selected (self->people_selection, self->select_after);
      self->select_after = GTK_INVALID_LIST_POSITION;
    }
}

static int
compare_people (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  GtkSorter *sorter = user_data;

  return gtk_sorter_compare (sorter, *(gpointer *) a, *(gpointer *) b);
}

/* The people shown, in the column view's sort order (the roster's own
 * order, people grouped by department, until a column is clicked), go to
 * the rows the view already has; rows are added or removed at the end
 * only.  A keystroke thus refills the cells of the rows on screen instead of
 * making new ones, and the selection stays with its person. */
static void
sw_roster_view_refilter (SwRosterView *self)
{
  /* Until the view is filled the first time, there is nothing to keep up
   * to date; nor once its table is gone (the sorter says it changed as the
   * table's columns go). */
  if (self->populate_id != 0 || self->people_view == NULL)
    return;

  g_autoptr(GPtrArray) matches = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *people = self->organisation != NULL ? sw_organisation_get_people (self->organisation) : NULL;
  GListModel *rows = G_LIST_MODEL (self->rows);
  GtkSorter *sorter = gtk_column_view_get_sorter (self->people_view);
  g_autoptr(SwPerson) selected = NULL;
  guint n = people != NULL ? g_list_model_get_n_items (people) : 0;
  guint n_rows;
  guint position = GTK_INVALID_LIST_POSITION;

  /* The selected person, whose row may not be added yet. */
  selected = selected_person (self);
  if (selected == NULL && self->matches != NULL && self->select_after < self->matches->len)
    selected = self->matches->pdata[self->select_after];
  if (selected != NULL)
    g_object_ref (selected);
  sw_row_feeder_stop (self->feeder);
  self->select_after = GTK_INVALID_LIST_POSITION;
  n_rows = g_list_model_get_n_items (rows);

  for (guint i = 0; i < n; i++)
    {
      SwPerson *person = g_list_model_get_item (people, i);

      if (person_visible (person, self))
        g_ptr_array_add (matches, person);
      else
        g_object_unref (person);
    }
  /* A stable sort: equal people keep the roster's order. */
  if (sorter != NULL && gtk_sorter_get_order (sorter) != GTK_SORTER_ORDER_NONE)
    g_ptr_array_sort_with_data (matches, compare_people, sorter);

  for (guint i = 0; i < MIN (n_rows, matches->len); i++)
    {
      g_autoptr(SwPeopleRow) row = g_list_model_get_item (rows, i);

      sw_people_row_set_person (row, matches->pdata[i]);
    }
  if (matches->len < n_rows)
    g_list_store_splice (self->rows, matches->len, n_rows - matches->len, NULL, 0);

  sw_row_feeder_feed (self->feeder, matches, MIN (n_rows, matches->len));

  if (selected != NULL)
    {
      for (guint i = 0; i < matches->len; i++)
        if (matches->pdata[i] == selected)
          {
            position = i;
            break;
          }
    }
  g_clear_pointer (&self->matches, g_ptr_array_unref);
  self->matches = g_steal_pointer (&matches);
  if (position != GTK_INVALID_LIST_POSITION &&
      position >= g_list_model_get_n_items (rows))
    {
      self->select_after = position;
      position = GTK_INVALID_LIST_POSITION;
    }
  gtk_single_selection_set_selected (self->people_selection, position);
  sw_roster_view_update_count (self);
  sw_roster_view_update_actions (self);
}

static gboolean
populate_idle (gpointer data)
{
  SwRosterView *self = data;

  self->populate_id = 0;
  sw_roster_view_refilter (self);
  return G_SOURCE_REMOVE;
}

static void
sw_roster_view_map (GtkWidget *widget)
{
  SwRosterView *self = SW_ROSTER_VIEW (widget);

  if (self->populate_id != 0)
    {
      g_clear_handle_id (&self->populate_id, g_source_remove);
      sw_roster_view_refilter (self);
    }

  GTK_WIDGET_CLASS (sw_roster_view_parent_class)->map (widget);
}

static void
people_changed (SwRosterView *self)
{
  sw_roster_view_refilter (self);
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
  sw_roster_view_refilter (self);
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

static void
department_selection_changed (SwRosterView *self)
{
  gboolean all = selected_department (self) == NULL;

  if (gtk_toggle_button_get_active (self->all_button) != all)
    gtk_toggle_button_set_active (self->all_button, all);
  sw_roster_view_refilter (self);
  sw_roster_view_update_actions (self);
}

static void
all_toggled (SwRosterView    *self,
             GtkToggleButton *button)
{
  if (gtk_toggle_button_get_active (button))
    gtk_single_selection_set_selected (self->departments_selection, GTK_INVALID_LIST_POSITION);
  else if (selected_department (self) == NULL)
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

static void
sw_roster_view_setup_people (SwRosterView *self)
{
  GtkExpression *params[1];
  GtkColumnViewColumn *name_column;

  self->rows = g_list_store_new (SW_TYPE_PEOPLE_ROW);
  self->haystacks = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->feeder = sw_row_feeder_new (self->rows, ROWS_AT_ONCE, make_row, NULL);
  g_signal_connect_object (self->feeder, "fed", G_CALLBACK (select_pending), self, G_CONNECT_SWAPPED);
  self->people_selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->rows)));
  gtk_single_selection_set_autoselect (self->people_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->people_selection, TRUE);
  gtk_column_view_set_model (self->people_view, GTK_SELECTION_MODEL (self->people_selection));

  g_signal_connect_object (self->people_selection, "notify::selected",
                           G_CALLBACK (sw_roster_view_update_actions), self, G_CONNECT_SWAPPED);
  /* A click on a column header sorts the rows again. */
  g_signal_connect_object (gtk_column_view_get_sorter (self->people_view), "changed",
                           G_CALLBACK (sw_roster_view_refilter), self, G_CONNECT_SWAPPED);

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

/* Departments sidebar */

static void
department_color_set (GtkColorButton *button,
                      SwRosterView   *self)
{
  SwDepartment *department = g_object_get_data (G_OBJECT (button), "sw-department");
  g_autoptr(GError) error = NULL;
  g_autofree char *color = NULL;
  GdkRGBA rgba;

  if (department == NULL || self->organisation == NULL)
    return;

  gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (button), &rgba);
  color = g_strdup_printf ("#%02x%02x%02x",
                           (int) (rgba.red * 255 + 0.5),
                           (int) (rgba.green * 255 + 0.5),
                           (int) (rgba.blue * 255 + 0.5));
  if (!sw_undo_stack_set (sw_organisation_get_undo_stack (self->organisation), &error,
                          department, "color", color))
    show_message (self, _("Could Not Change the Colour"), error->message);
}

static void
department_setup (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  SwRosterView             *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *color = gtk_color_button_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_color_chooser_set_use_alpha (GTK_COLOR_CHOOSER (color), FALSE);
  gtk_widget_add_css_class (color, "flat");
  gtk_widget_add_css_class (color, "department-color");
  gtk_widget_set_valign (color, GTK_ALIGN_CENTER);
  g_signal_connect_object (color, "color-set", G_CALLBACK (department_color_set), self, 0);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), color);
  gtk_box_append (GTK_BOX (box), label);
  g_object_set_data (G_OBJECT (box), "sw-roster-view", self);
  gtk_list_item_set_child (list_item, box);
}

static void
department_fill (GtkListItem *list_item)
{
  SwDepartment *department = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *color = gtk_widget_get_first_child (box);
  GtkWidget *label = gtk_widget_get_next_sibling (color);
  g_autofree char *color_label = NULL;
  SwRosterView *view;
  GdkRGBA rgba;

  if (department == NULL)
    return;

  if (!gdk_rgba_parse (&rgba, sw_department_get_color (department)))
    gdk_rgba_parse (&rgba, "#9a9996");
  gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (color), &rgba);
  gtk_label_set_label (GTK_LABEL (label), sw_department_get_name (department));

  /* Translators: the colour button of a department, for screen readers */
  color_label = g_strdup_printf (_("Colour of %s"), sw_department_get_name (department));
  gtk_accessible_update_property (GTK_ACCESSIBLE (color),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, color_label,
                                  -1);
  gtk_widget_set_tooltip_text (color, color_label);
  view = g_object_get_data (G_OBJECT (box), "sw-roster-view");
  gtk_widget_set_sensitive (color, view->organisation == NULL ||
                                   !sw_organisation_get_read_only (view->organisation));
}

static void
department_notify (SwDepartment *department,
                   GParamSpec   *pspec,
                   GtkListItem  *list_item)
{
  department_fill (list_item);
}

static void
department_bind (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 SwRosterView             *self)
{
  SwDepartment *department = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  gulong handler;

  g_object_set_data (G_OBJECT (gtk_widget_get_first_child (box)), "sw-department", department);
  handler = g_signal_connect (department, "notify", G_CALLBACK (department_notify), list_item);
  g_object_set_data (G_OBJECT (list_item), "sw-handler", GSIZE_TO_POINTER ((gsize) handler));
  department_fill (list_item);
}

static void
department_unbind (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item,
                   SwRosterView             *self)
{
  SwDepartment *department = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  gulong handler = GPOINTER_TO_SIZE (g_object_steal_data (G_OBJECT (list_item), "sw-handler"));

  if (department != NULL && handler != 0)
    g_signal_handler_disconnect (department, handler);
  g_object_set_data (G_OBJECT (gtk_widget_get_first_child (box)), "sw-department", NULL);
}

static void
sw_roster_view_setup_departments (SwRosterView *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  self->departments_selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->departments_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->departments_selection, TRUE);
  gtk_single_selection_set_selected (self->departments_selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_object (self->departments_selection, "notify::selected",
                           G_CALLBACK (department_selection_changed), self, G_CONNECT_SWAPPED);

  g_signal_connect (factory, "setup", G_CALLBACK (department_setup), self);
  g_signal_connect (factory, "bind", G_CALLBACK (department_bind), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (department_unbind), self);
  gtk_list_view_set_factory (self->departments_view, factory);
  gtk_list_view_set_model (self->departments_view, GTK_SELECTION_MODEL (self->departments_selection));
}

static const char *const palette[] = {
  "#3584e4", "#33d17a", "#f6d32d", "#ff7800", "#e01b24", "#9141ac", "#986a44", "#2190a4",
};

static void
add_department_named (GObject    *owner,
                      const char *name,
                      gpointer    data)
{
  SwRosterView *self = SW_ROSTER_VIEW (owner);
  g_autoptr(SwDepartment) department = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *departments;
  guint n, position;

  if (self->organisation == NULL)
    return;

  if (sw_organisation_find_department (self->organisation, name) != NULL)
    {
      g_autofree char *body = g_strdup_printf (_("There is already a department named “%s”."), name);

      show_message (self, _("Could Not Add the Department"), body);
      return;
    }

  departments = sw_organisation_get_departments (self->organisation);
  n = g_list_model_get_n_items (departments);
  department = sw_department_new (name);
  sw_department_set_position (department, sw_ui_state_next_position (departments));
  sw_department_set_color (department, palette[n % G_N_ELEMENTS (palette)]);

  if (!sw_edit_add (self->organisation, self->organisation, "departments", department, &error))
    {
      show_message (self, _("Could Not Add the Department"), error->message);
      return;
    }

  /* Select the new department. */
  if (sw_list_model_find (departments, department, &position))
    gtk_single_selection_set_selected (self->departments_selection, position);
}

static void
add_department_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  sw_name_dialog_ask (widget, _("Add Department"), _("_Add"), NULL,
            add_department_named, NULL);
}

static void
rename_department_named (GObject    *owner,
                         const char *name,
                         gpointer    data)
{
  SwRosterView *self = SW_ROSTER_VIEW (owner);
  SwDepartment *department = data;
  SwDepartment *existing;
  g_autoptr(GError) error = NULL;

  existing = sw_organisation_find_department (self->organisation, name);
  if (existing != NULL && existing != department)
    {
      g_autofree char *body = g_strdup_printf (_("There is already a department named “%s”."), name);

      show_message (self, _("Could Not Rename the Department"), body);
      return;
    }

  if (!sw_undo_stack_set (sw_organisation_get_undo_stack (self->organisation), &error,
                          department, "name", name))
    show_message (self, _("Could Not Rename the Department"), error->message);
}

static void
rename_department_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  SwRosterView *self = SW_ROSTER_VIEW (widget);
  SwDepartment *department = selected_department (self);

  if (department != NULL)
    sw_name_dialog_ask (GTK_WIDGET (self), _("Rename Department"), _("_Rename"), sw_department_get_name (department),
              rename_department_named, department);
}

static void
move_department_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  SwRosterView *self = SW_ROSTER_VIEW (widget);
  SwDepartment *department = selected_department (self);
  SwDepartment *changed[2] = { NULL, NULL };
  int positions[2] = { 0, 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(SwDepartment) keep = NULL;
  SwUndoStack *stack;
  GListModel *departments;
  gboolean ok;
  guint n;

  if (department == NULL || self->organisation == NULL)
    return;

  departments = sw_organisation_get_departments (self->organisation);
  if (!sw_ui_state_move_department (departments, department, g_variant_get_int32 (parameter),
                                    changed, positions))
    {
      gtk_widget_error_bell (widget);
      return;
    }

  keep = g_object_ref (department);
  stack = sw_organisation_get_undo_stack (self->organisation);
  sw_undo_stack_begin_group (stack, _("Move department"));
  ok = sw_undo_stack_set (stack, &error, changed[0], "position", positions[0]) &&
       sw_undo_stack_set (stack, &error, changed[1], "position", positions[1]);
  if (ok)
    ok = sw_undo_stack_end_group (stack, &error);
  else
    sw_undo_stack_cancel_group (stack);

  if (!ok)
    {
      show_message (self, _("Could Not Move the Department"), error->message);
      return;
    }

  /* The list re-sorted itself: keep the moved department selected. */
  n = g_list_model_get_n_items (departments);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwDepartment) item = g_list_model_get_item (departments, i);

      if (item == keep)
        {
          gtk_single_selection_set_selected (self->departments_selection, i);
          gtk_widget_activate_action (GTK_WIDGET (self->departments_view), "list.scroll-to-item", "u", i);
          break;
        }
    }
}

static void
delete_department_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  SwRosterView *self = SW_ROSTER_VIEW (widget);
  SwDepartment *department = selected_department (self);
  g_autoptr(GError) error = NULL;

  if (department == NULL || self->organisation == NULL)
    return;

  if (!sw_edit_delete_department (self->organisation, department, &error))
    show_message (self, _("Could Not Delete the Department"), error->message);
}

/* People */

static void
open_editor (SwRosterView *self,
             SwPerson     *person)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  SwPersonEditor *editor;

  editor = sw_person_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                 self->organisation, person, selected_department (self));
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
    show_message (self, _("Could Not Delete the Person"), error->message);
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

  g_signal_group_set_target (self->people_signals,
                             organisation != NULL ? sw_organisation_get_people (organisation) : NULL);
  g_hash_table_remove_all (self->haystacks);

  /* The window starts on the Schedule: making the rows of a hidden table
   * would only delay the first frame, so they are made when the main loop
   * is idle after it (or when the view is shown first, if sooner). */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    sw_roster_view_refilter (self);
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

  return self->matches != NULL ? self->matches->len : 0;
}

gboolean
sw_roster_view_get_rows_pending (SwRosterView *self)
{
  g_return_val_if_fail (SW_IS_ROSTER_VIEW (self), FALSE);

  return sw_row_feeder_get_pending (self->feeder);
}

/* GObject */

static void
sw_roster_view_dispose (GObject *object)
{
  SwRosterView *self = SW_ROSTER_VIEW (object);

  if (self->stack_signals != NULL)
    g_signal_group_set_target (self->stack_signals, NULL);
  g_clear_handle_id (&self->populate_id, g_source_remove);
  if (self->feeder != NULL)
    sw_row_feeder_stop (self->feeder);
  g_clear_object (&self->feeder);
  g_clear_pointer (&self->matches, g_ptr_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), SW_TYPE_ROSTER_VIEW);

  g_clear_object (&self->stack_signals);
  g_clear_object (&self->people_selection);
  if (self->people_signals != NULL)
    g_signal_group_set_target (self->people_signals, NULL);
  g_clear_object (&self->people_signals);
  g_clear_object (&self->rows);
  g_clear_pointer (&self->haystacks, g_hash_table_unref);
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

  gtk_widget_class_install_action (widget_class, "roster.add-department", NULL, add_department_action);
  gtk_widget_class_install_action (widget_class, "roster.rename-department", NULL, rename_department_action);
  gtk_widget_class_install_action (widget_class, "roster.move-department", "i", move_department_action);
  gtk_widget_class_install_action (widget_class, "roster.delete-department", NULL, delete_department_action);
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

  self->select_after = GTK_INVALID_LIST_POSITION;
  self->stack_signals = g_signal_group_new (SW_TYPE_UNDO_STACK);
  g_signal_group_connect_swapped (self->stack_signals, "changed",
                                  G_CALLBACK (stack_changed), self);
  self->people_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_swapped (self->people_signals, "items-changed",
                                  G_CALLBACK (people_changed), self);

  sw_roster_view_setup_departments (self);
  sw_roster_view_setup_people (self);
  sw_roster_view_recompute (self);
  sw_roster_view_update_count (self);
  sw_roster_view_update_actions (self);
}
