/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sw-date-time.h"
#include "sw-person-editor.h"
#include "sw-ui-format.h"
#include "sw-ui-state.h"

struct _SwPersonEditor
{
  AdwWindow       parent_instance;

  SwOrganisation *organisation;
  SwPerson       *person;
  GPtrArray      *departments;     /* index i + 1 of the combo row */
  GListStore     *periods;         /* SwUnavailability, staged */

  AdwEntryRow    *name_row;
  AdwComboRow    *department_row;
  AdwEntryRow    *title_row;
  AdwEntryRow    *phone_row;
  AdwEntryRow    *email_row;
  AdwEntryRow    *notes_row;
  AdwEntryRow    *skills_row;
  GtkSwitch      *active_switch;
  GtkListBox     *unavailability_list;
  AdwExpanderRow *add_period_row;
  SwDateTime     *from_time;
  SwDateTime     *to_time;
  AdwEntryRow    *reason_row;
  GtkLabel       *message_label;
};

G_DEFINE_FINAL_TYPE (SwPersonEditor, sw_person_editor, ADW_TYPE_WINDOW)

static const char *
text_of (gpointer editable)
{
  return gtk_editable_get_text (GTK_EDITABLE (editable));
}

static void
show_message (SwPersonEditor *self,
              const char     *message)
{
  gtk_label_set_label (self->message_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
}

static void
fields_changed (SwPersonEditor *self)
{
  g_autofree char *name = g_strstrip (g_strdup (text_of (self->name_row)));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "person.save", name[0] != '\0');
}

/* Unavailable times */

static void
remove_period_clicked (GtkButton      *button,
                       SwPersonEditor *self)
{
  SwUnavailability *period = g_object_get_data (G_OBJECT (button), "sw-period");
  guint position;

  if (g_list_store_find (self->periods, period, &position))
    g_list_store_remove (self->periods, position);
}

static GtkWidget *
period_row_new (gpointer item,
                gpointer user_data)
{
  SwPersonEditor *self = user_data;
  SwUnavailability *period = item;
  gint64 start = sw_unavailability_get_start (period);
  g_autofree char *day = sw_ui_format_day (sw_time_day_of (start));
  g_autofree char *times = sw_ui_format_time_range (start, sw_unavailability_get_end (period));
  g_autofree char *title = g_strdup_printf ("%s, %s", day, times);
  g_autofree char *remove_label = NULL;
  GtkWidget *row, *remove;

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sw_unavailability_get_reason (period));

  remove = gtk_button_new_from_icon_name ("window-close-symbolic");
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  /* Translators: removes an unavailable time, named by its dates */
  remove_label = g_strdup_printf (_("Remove %s"), title);
  gtk_widget_set_tooltip_text (remove, remove_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label,
                                  -1);
  g_object_set_data_full (G_OBJECT (remove), "sw-period", g_object_ref (period), g_object_unref);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (remove_period_clicked), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

  return row;
}

static gboolean
read_period (SwPersonEditor *self,
             gint64         *out_start,
             gint64         *out_end)
{
  if (!sw_date_time_get_valid (self->from_time) || !sw_date_time_get_valid (self->to_time))
    return FALSE;

  *out_start = sw_date_time_get_time (self->from_time);
  *out_end = sw_date_time_get_time (self->to_time);
  return *out_end > *out_start;
}

static void
period_changed (SwPersonEditor *self)
{
  gint64 start, end;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "person.add-period", read_period (self, &start, &end));
}

static void
from_changed (SwPersonEditor *self)
{
  gint64 from = sw_date_time_get_time (self->from_time);
  gint64 to = sw_date_time_get_time (self->to_time);

  /* Most unavailable times last one day. */
  if (sw_time_day_of (to) < sw_time_day_of (from))
    sw_date_time_set_time (self->to_time, sw_time_from_day (sw_time_day_of (from)) + sw_time_minute_of_day (to));
  period_changed (self);
}

static int
compare_periods (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  gint64 sa = sw_unavailability_get_start ((SwUnavailability *) a);
  gint64 sb = sw_unavailability_get_start ((SwUnavailability *) b);

  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

static void
add_period_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SwPersonEditor *self = SW_PERSON_EDITOR (widget);
  g_autoptr(SwUnavailability) period = NULL;
  gint64 start, end;

  if (!read_period (self, &start, &end))
    return;

  period = sw_unavailability_new (start, end, text_of (self->reason_row));
  g_list_store_insert_sorted (self->periods, period, compare_periods, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->reason_row), "");
  adw_expander_row_set_expanded (self->add_period_row, FALSE);
}

/* Save */

static gboolean
in_model (GListModel *model,
          gpointer    item)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) other = g_list_model_get_item (model, i);

      if (other == item)
        return TRUE;
    }
  return FALSE;
}

static gboolean
save_periods (SwPersonEditor *self,
              SwPerson       *person,
              GError        **error)
{
  GListModel *current = sw_person_get_unavailability (person);
  g_autoptr(GPtrArray) removed = g_ptr_array_new_with_free_func (g_object_unref);
  guint n;

  n = g_list_model_get_n_items (current);
  for (guint i = 0; i < n; i++)
    {
      SwUnavailability *period = g_list_model_get_item (current, i);

      if (!in_model (G_LIST_MODEL (self->periods), period))
        g_ptr_array_add (removed, period);
      else
        g_object_unref (period);
    }

  for (guint i = 0; i < removed->len; i++)
    if (!sw_edit_remove (self->organisation, person, "unavailability", removed->pdata[i], error))
      return FALSE;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->periods));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwUnavailability) period = g_list_model_get_item (G_LIST_MODEL (self->periods), i);

      if (!in_model (current, period) &&
          !sw_edit_add (self->organisation, person, "unavailability", period, error))
        return FALSE;
    }

  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SwPersonEditor *self = SW_PERSON_EDITOR (widget);
  SwUndoStack *stack = sw_organisation_get_undo_stack (self->organisation);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strstrip (g_strdup (text_of (self->name_row)));
  g_auto(GStrv) skills = sw_skills_parse (text_of (self->skills_row));
  guint selected = adw_combo_row_get_selected (self->department_row);
  SwDepartment *department = NULL;
  g_autoptr(SwPerson) person = NULL;
  gboolean ok;

  if (name[0] == '\0')
    return;

  if (selected != GTK_INVALID_LIST_POSITION && selected > 0 && selected <= self->departments->len)
    department = self->departments->pdata[selected - 1];

  if (self->person == NULL)
    {
      person = sw_person_new (name, department);
      sw_person_set_title (person, text_of (self->title_row));
      sw_person_set_phone (person, text_of (self->phone_row));
      sw_person_set_email (person, text_of (self->email_row));
      sw_person_set_notes (person, text_of (self->notes_row));
      sw_person_set_skills (person, (const char *const *) skills);
      sw_person_set_active (person, gtk_switch_get_active (self->active_switch));

      sw_undo_stack_begin_group (stack, _("Add person"));
      ok = sw_edit_add (self->organisation, self->organisation, "people", person, &error) &&
           save_periods (self, person, &error);
    }
  else
    {
      person = g_object_ref (self->person);

      sw_undo_stack_begin_group (stack, _("Edit person"));
      ok = sw_undo_stack_set (stack, &error, person, "name", name) &&
           sw_undo_stack_set (stack, &error, person, "department", department) &&
           sw_undo_stack_set (stack, &error, person, "title", text_of (self->title_row)) &&
           sw_undo_stack_set (stack, &error, person, "phone", text_of (self->phone_row)) &&
           sw_undo_stack_set (stack, &error, person, "email", text_of (self->email_row)) &&
           sw_undo_stack_set (stack, &error, person, "notes", text_of (self->notes_row)) &&
           (sw_skills_equal (sw_person_get_skills (person), (const char *const *) skills) ||
            sw_undo_stack_set (stack, &error, person, "skills", skills)) &&
           sw_undo_stack_set (stack, &error, person, "active", gtk_switch_get_active (self->active_switch)) &&
           save_periods (self, person, &error);
    }

  if (ok)
    ok = sw_undo_stack_end_group (stack, &error);
  else
    sw_undo_stack_cancel_group (stack);

  if (!ok)
    {
      show_message (self, error->message);
      return;
    }

  g_set_object (&self->person, person);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Public */

SwPersonEditor *
sw_person_editor_new (GtkWindow      *parent,
                      SwOrganisation *organisation,
                      SwPerson       *person,
                      SwDepartment   *department)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  SwPersonEditor *self;
  GListModel *departments;
  guint n, selected = 0;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SW_IS_ORGANISATION (organisation), NULL);
  g_return_val_if_fail (person == NULL || SW_IS_PERSON (person), NULL);
  g_return_val_if_fail (department == NULL || SW_IS_DEPARTMENT (department), NULL);

  self = g_object_new (SW_TYPE_PERSON_EDITOR,
                       "transient-for", parent,
                       "title", person != NULL ? _("Edit Person") : _("Add Person"),
                       NULL);
  self->organisation = g_object_ref (organisation);
  self->person = person != NULL ? g_object_ref (person) : NULL;

  if (person != NULL)
    department = sw_person_get_department (person);

  gtk_string_list_append (names, _("No department"));
  departments = sw_organisation_get_departments (organisation);
  n = g_list_model_get_n_items (departments);
  for (guint i = 0; i < n; i++)
    {
      SwDepartment *item = g_list_model_get_item (departments, i);

      g_ptr_array_add (self->departments, item);
      gtk_string_list_append (names, sw_department_get_name (item));
      if (item == department)
        selected = i + 1;
    }
  adw_combo_row_set_model (self->department_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->department_row, selected);

  if (person != NULL)
    {
      GListModel *periods = sw_person_get_unavailability (person);

      gtk_editable_set_text (GTK_EDITABLE (self->name_row), sw_person_get_name (person));
      gtk_editable_set_text (GTK_EDITABLE (self->title_row), sw_person_get_title (person));
      gtk_editable_set_text (GTK_EDITABLE (self->phone_row), sw_person_get_phone (person));
      gtk_editable_set_text (GTK_EDITABLE (self->email_row), sw_person_get_email (person));
      gtk_editable_set_text (GTK_EDITABLE (self->notes_row), sw_person_get_notes (person));
      {
        /* TRANSLATORS: between skills in the person editor: "电工证、驾驶证" */
        g_autofree char *skills = sw_skills_join (sw_person_get_skills (person), _("; "));

        gtk_editable_set_text (GTK_EDITABLE (self->skills_row), skills);
      }
      gtk_switch_set_active (self->active_switch, sw_person_get_active (person));

      n = g_list_model_get_n_items (periods);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(SwUnavailability) period = g_list_model_get_item (periods, i);

          g_list_store_append (self->periods, period);
        }
    }

  fields_changed (self);
  period_changed (self);
  return self;
}

static void
sw_person_editor_dispose (GObject *object)
{
  SwPersonEditor *self = SW_PERSON_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SW_TYPE_PERSON_EDITOR);
  g_clear_pointer (&self->departments, g_ptr_array_unref);
  g_clear_object (&self->periods);
  g_clear_object (&self->person);
  g_clear_object (&self->organisation);

  G_OBJECT_CLASS (sw_person_editor_parent_class)->dispose (object);
}

static void
sw_person_editor_class_init (SwPersonEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sw_person_editor_dispose;

  g_type_ensure (SW_TYPE_DATE_TIME);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/servweek/Planner/sw-person-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, SwPersonEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, SwPersonEditor, department_row);
  gtk_widget_class_bind_template_child (widget_class, SwPersonEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, SwPersonEditor, phone_row);
  gtk_widget_class_bind_template_child (widget_class, SwPersonEditor, email_row);
  gtk_widget_class_bind_template_child (widget_class, SwPersonEditor, notes_row);
  gtk_widget_class_bind_template_child (widget_class, SwPersonEditor, skills_row);
  gtk_widget_class_bind_template_child (widget_class, SwPersonEditor, active_switch);
  gtk_widget_class_bind_template_child (widget_class, SwPersonEditor, unavailability_list);
  gtk_widget_class_bind_template_child (widget_class, SwPersonEditor, add_period_row);
  gtk_widget_class_bind_template_child (widget_class, SwPersonEditor, from_time);
  gtk_widget_class_bind_template_child (widget_class, SwPersonEditor, to_time);
  gtk_widget_class_bind_template_child (widget_class, SwPersonEditor, reason_row);
  gtk_widget_class_bind_template_child (widget_class, SwPersonEditor, message_label);
  gtk_widget_class_bind_template_callback (widget_class, fields_changed);
  gtk_widget_class_bind_template_callback (widget_class, period_changed);
  gtk_widget_class_bind_template_callback (widget_class, from_changed);

  gtk_widget_class_install_action (widget_class, "person.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "person.add-period", NULL, add_period_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
periods_changed (SwPersonEditor *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->unavailability_list),
                          g_list_model_get_n_items (G_LIST_MODEL (self->periods)) > 0);
}

static void
sw_person_editor_init (SwPersonEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->departments = g_ptr_array_new_with_free_func (g_object_unref);
  self->periods = g_list_store_new (SW_TYPE_UNAVAILABILITY);
  gtk_list_box_bind_model (self->unavailability_list, G_LIST_MODEL (self->periods),
                           period_row_new, self, NULL);
  /* An empty boxed list would show as an empty frame. */
  gtk_widget_set_visible (GTK_WIDGET (self->unavailability_list), FALSE);
  g_signal_connect_object (self->periods, "items-changed",
                           G_CALLBACK (periods_changed), self, G_CONNECT_SWAPPED);
  {
    /* The controls start on today. */
    gint64 today = sw_time_from_day (sw_time_day_of (sw_date_time_get_time (self->from_time)));

    sw_date_time_set_time (self->from_time, today + 8 * 60);
    sw_date_time_set_time (self->to_time, today + 18 * 60);
  }
}
