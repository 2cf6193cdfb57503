/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "sw-assign-picker.h"
#include "sw-problem-row.h"
#include "sw-schedule-view.h"
#include "sw-slot-card.h"
#include "sw-slot-pane.h"
#include "sw-ui-format.h"

struct _SwSlotPane
{
  GtkWidget          parent_instance;

  SwOrganisation    *organisation;
  SwPlan            *plan;
  SwSlot            *slot;
  GSignalGroup      *stack_signals;
  guint              refresh_idle;

  gboolean           updating;       /* filling fields from the model */
  char              *lists_signature; /* what the dynamic rows show */
  GHashTable        *collapsed;      /* duties and targets the user folded */
  GPtrArray         *dynamic_rows;   /* (group, row) pairs to remove */
  char              *kind_class;
  GtkCustomFilter   *problem_filter; /* the problems of self->slot */
  GtkFilterListModel *slot_problems;

  /* template children */
  GtkWidget         *box;
  GtkWidget         *scroller;
  GtkWidget         *autofill_slot_button;
  GtkWidget         *autofill_day_button;
  GtkWidget         *kind_strip;
  GtkLabel          *heading_label;
  AdwEntryRow       *title_row;
  AdwComboRow       *kind_row;
  GtkMenuButton     *start_date_button;
  GtkCalendar       *start_calendar;
  GtkSpinButton     *start_time;
  GtkMenuButton     *end_date_button;
  GtkCalendar       *end_calendar;
  GtkSpinButton     *end_time;
  AdwEntryRow       *location_row;
  GtkFlowBox        *organisers_box;
  GtkWidget         *no_organisers_label;
  GtkPopover        *organiser_popover;
  GtkListBox        *organiser_choices;
  GtkTextView       *description_view;
  AdwPreferencesGroup *duties_group;
  AdwPreferencesGroup *attendees_group;
  GtkMenuButton     *add_attendee_button;
  AdwPreferencesGroup *targets_group;
  AdwPreferencesGroup *problems_group;
  GtkListBox        *problems_list;
};

G_DEFINE_FINAL_TYPE (SwSlotPane, sw_slot_pane, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ORGANISATION,
  PROP_PLAN,
  PROP_SLOT,
  N_PROPS
};

enum {
  SIGNAL_CLOSE_REQUESTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static SwUndoStack *
pane_stack (SwSlotPane *self)
{
  return sw_organisation_get_undo_stack (self->organisation);
}

static gboolean
refresh_idle_cb (gpointer user_data)
{
  SwSlotPane *self = user_data;

  self->refresh_idle = 0;
  sw_slot_pane_refresh (self);
  return G_SOURCE_REMOVE;
}

/* Rows may be rebuilt by a change their own handler made: never while
 * that handler runs. */
static void
queue_refresh (SwSlotPane *self)
{
  if (self->refresh_idle == 0)
    self->refresh_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, refresh_idle_cb, self, NULL);
}

static void
report (SwSlotPane   *self,
        const char   *heading,
        const GError *error)
{
  sw_schedule_view_show_error (GTK_WIDGET (self), heading, error);
  queue_refresh (self);
}

/* Commits one property of @object as one undo step. */
static void
commit_string (SwSlotPane *self,
               gpointer    object,
               const char *property,
               const char *value)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *old = NULL;

  if (self->updating || self->organisation == NULL)
    return;

  g_object_get (object, property, &old, NULL);
  if (g_strcmp0 (old, value) == 0)
    return;

  if (!sw_undo_stack_set (pane_stack (self), &error, object, property, value))
    report (self, _("Could Not Change the Slot"), error);
}

/* Time fields: the spin buttons hold minutes of the day, shown "09:30". */

static gboolean
time_output (GtkSpinButton *spin,
             gpointer       user_data)
{
  int minutes = (int) gtk_adjustment_get_value (gtk_spin_button_get_adjustment (spin));
  g_autofree char *text = g_strdup_printf ("%02d:%02d", minutes / 60, minutes % 60);

  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (spin))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static int
time_input (GtkSpinButton *spin,
            double        *new_value,
            gpointer       user_data)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (spin));
  g_auto(GStrv) parts = g_strsplit (text, ":", 2);
  char *end = NULL;
  long hours, minutes = 0;

  if (parts[0] == NULL)
    return GTK_INPUT_ERROR;
  hours = strtol (parts[0], &end, 10);
  if (end == parts[0] || *end != '\0' || hours < 0 || hours > 23)
    return GTK_INPUT_ERROR;
  if (parts[1] != NULL)
    {
      minutes = strtol (parts[1], &end, 10);
      if (end == parts[1] || *end != '\0' || minutes < 0 || minutes > 59)
        return GTK_INPUT_ERROR;
    }

  *new_value = hours * 60 + minutes;
  return TRUE;
}

static void
move_slot (SwSlotPane *self,
           gint64      start,
           gint64      end)
{
  g_autoptr(GError) error = NULL;

  if (self->updating || self->slot == NULL)
    return;
  if (start == sw_slot_get_start (self->slot) && end == sw_slot_get_end (self->slot))
    return;

  if (!sw_edit_move_slot (self->organisation, self->slot, start, end, &error))
    report (self, _("Could Not Move the Slot"), error);
}

static int
calendar_day (GtkCalendar *calendar)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);

  return sw_time_day_of (sw_time_from_ymdhm (g_date_time_get_year (date),
                                             g_date_time_get_month (date),
                                             g_date_time_get_day_of_month (date), 0, 0));
}

static void
start_changed (SwSlotPane *self)
{
  gint64 start, length;

  if (self->updating || self->slot == NULL)
    return;

  /* Moving the start keeps the length. */
  length = sw_slot_get_end (self->slot) - sw_slot_get_start (self->slot);
  start = sw_time_from_day (calendar_day (self->start_calendar)) +
          (gint64) gtk_spin_button_get_value_as_int (self->start_time);
  move_slot (self, start, start + length);
}

static void
end_changed (SwSlotPane *self)
{
  gint64 end;

  if (self->updating || self->slot == NULL)
    return;

  end = sw_time_from_day (calendar_day (self->end_calendar)) +
        (gint64) gtk_spin_button_get_value_as_int (self->end_time);
  move_slot (self, sw_slot_get_start (self->slot), end);
}

static void
start_day_selected (SwSlotPane  *self,
                    GtkCalendar *calendar)
{
  start_changed (self);
  if (!self->updating)
    gtk_menu_button_popdown (self->start_date_button);
}

static void
end_day_selected (SwSlotPane  *self,
                  GtkCalendar *calendar)
{
  end_changed (self);
  if (!self->updating)
    gtk_menu_button_popdown (self->end_date_button);
}

static void
start_time_changed (SwSlotPane    *self,
                    GtkSpinButton *spin)
{
  start_changed (self);
}

static void
end_time_changed (SwSlotPane    *self,
                  GtkSpinButton *spin)
{
  end_changed (self);
}

static void
title_apply (SwSlotPane  *self,
             AdwEntryRow *row)
{
  if (self->slot != NULL)
    commit_string (self, self->slot, "title", gtk_editable_get_text (GTK_EDITABLE (row)));
}

static void
location_apply (SwSlotPane  *self,
                AdwEntryRow *row)
{
  if (self->slot != NULL)
    commit_string (self, self->slot, "location", gtk_editable_get_text (GTK_EDITABLE (row)));
}

static void
kind_selected (SwSlotPane  *self,
               GParamSpec  *pspec,
               AdwComboRow *row)
{
  g_autoptr(GError) error = NULL;
  guint selected = adw_combo_row_get_selected (row);

  if (self->updating || self->slot == NULL || selected >= SW_N_SLOT_KINDS)
    return;
  if ((SwSlotKind) selected == sw_slot_get_kind (self->slot))
    return;

  if (!sw_undo_stack_set (pane_stack (self), &error, self->slot, "kind", (SwSlotKind) selected))
    report (self, _("Could Not Change the Slot"), error);
}

static void
description_leave (SwSlotPane              *self,
                   GtkEventControllerFocus *focus)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->description_view);
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  if (self->slot == NULL)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  commit_string (self, self->slot, "description", text);
}

static void
close_clicked (SwSlotPane *self,
               GtkButton  *button)
{
  g_signal_emit (self, signals[SIGNAL_CLOSE_REQUESTED], 0);
}

static void
delete_clicked (SwSlotPane *self,
                GtkButton  *button)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SwSlot) slot = NULL;

  if (self->slot == NULL || self->plan == NULL)
    return;

  slot = g_object_ref (self->slot);
  if (!sw_edit_delete_slot (self->organisation, self->plan, slot, &error))
    {
      report (self, _("Could Not Delete the Slot"), error);
      return;
    }
  g_signal_emit (self, signals[SIGNAL_CLOSE_REQUESTED], 0);
}

/* Organising departments */

static void
remove_organiser_clicked (GtkButton  *button,
                          SwSlotPane *self)
{
  SwDepartment *department = g_object_get_data (G_OBJECT (button), "sw-department");
  g_autoptr(GError) error = NULL;

  if (!sw_edit_remove (self->organisation, self->slot, "organisers", department, &error))
    report (self, _("Could Not Change the Slot"), error);
}

static gboolean
slot_has_organiser (SwSlot       *slot,
                    SwDepartment *department)
{
  GListModel *organisers = sw_slot_get_organisers (slot);
  guint n = g_list_model_get_n_items (organisers);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwDepartment) item = g_list_model_get_item (organisers, i);

      if (item == department)
        return TRUE;
    }
  return FALSE;
}

static void
organiser_popover_show (SwSlotPane *self,
                        GtkPopover *popover)
{
  GListModel *departments;
  GtkWidget *child;
  guint n;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->organiser_choices))) != NULL)
    gtk_list_box_remove (self->organiser_choices, child);

  if (self->organisation == NULL || self->slot == NULL)
    return;

  departments = sw_organisation_get_departments (self->organisation);
  n = g_list_model_get_n_items (departments);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwDepartment) department = g_list_model_get_item (departments, i);
      GtkWidget *row, *label;

      if (slot_has_organiser (self->slot, department))
        continue;

      label = gtk_label_new (sw_department_get_name (department));
      gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
      row = gtk_list_box_row_new ();
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
      g_object_set_data_full (G_OBJECT (row), "sw-department", g_object_ref (department), g_object_unref);
      gtk_list_box_append (self->organiser_choices, row);
    }
}

static void
organiser_chosen (SwSlotPane    *self,
                  GtkListBoxRow *row,
                  GtkListBox    *box)
{
  SwDepartment *department = g_object_get_data (G_OBJECT (row), "sw-department");
  g_autoptr(GError) error = NULL;

  gtk_popover_popdown (self->organiser_popover);
  if (department == NULL || self->slot == NULL)
    return;

  if (!sw_edit_add (self->organisation, self->slot, "organisers", department, &error))
    report (self, _("Could Not Change the Slot"), error);
}

static void
fill_organisers (SwSlotPane *self)
{
  GListModel *organisers = sw_slot_get_organisers (self->slot);
  guint n = g_list_model_get_n_items (organisers);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->organisers_box))) != NULL)
    gtk_flow_box_remove (self->organisers_box, child);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwDepartment) department = g_list_model_get_item (organisers, i);
      GtkWidget *chip = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);
      GtkWidget *label = gtk_label_new (sw_department_get_name (department));
      GtkWidget *remove = gtk_button_new_from_icon_name ("window-close-symbolic");
      g_autofree char *remove_label = NULL;

      gtk_widget_add_css_class (chip, "chip");
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_add_css_class (remove, "circular");
      /* Translators: removes an organising department from a slot */
      remove_label = g_strdup_printf (_("Remove %s"), sw_department_get_name (department));
      gtk_widget_set_tooltip_text (remove, remove_label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
      g_object_set_data_full (G_OBJECT (remove), "sw-department", g_object_ref (department), g_object_unref);
      g_signal_connect_object (remove, "clicked", G_CALLBACK (remove_organiser_clicked), self, 0);

      gtk_box_append (GTK_BOX (chip), label);
      gtk_box_append (GTK_BOX (chip), remove);
      gtk_flow_box_append (self->organisers_box, chip);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->organisers_box), n > 0);
  gtk_widget_set_visible (self->no_organisers_label, n == 0);
}

/* Dynamic rows: duties, attendees, visit targets */

static void
add_dynamic_row (SwSlotPane          *self,
                 AdwPreferencesGroup *group,
                 GtkWidget           *row)
{
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->dynamic_rows, g_object_ref (group));
  g_ptr_array_add (self->dynamic_rows, row);
}

static void
clear_dynamic_rows (SwSlotPane *self)
{
  for (guint i = 0; i + 1 < self->dynamic_rows->len; i += 2)
    {
      AdwPreferencesGroup *group = g_ptr_array_index (self->dynamic_rows, i);
      GtkWidget *row = g_ptr_array_index (self->dynamic_rows, i + 1);

      adw_preferences_group_remove (group, row);
      g_object_unref (group);
    }
  g_ptr_array_set_size (self->dynamic_rows, 0);
}

static void
unassign_clicked (GtkButton  *button,
                  SwSlotPane *self)
{
  SwPerson *person = g_object_get_data (G_OBJECT (button), "sw-person");
  g_autoptr(GError) error = NULL;

  if (!sw_edit_unassign (self->organisation, self->slot, person, &error))
    report (self, _("Could Not Remove"), error);
}

static GtkWidget *
person_row (SwSlotPane *self,
            SwPerson   *person,
            SwDuty     *duty)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("window-close-symbolic");
  SwDepartment *department = sw_person_get_department (person);
  g_autofree char *remove_label = NULL;
  g_autofree char *subtitle = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sw_person_get_name (person));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (department != NULL && sw_person_get_phone (person)[0] != '\0')
    subtitle = g_strdup_printf ("%s · %s", sw_department_get_name (department), sw_person_get_phone (person));
  else if (department != NULL)
    subtitle = g_strdup (sw_department_get_name (department));
  else
    subtitle = g_strdup (sw_person_get_phone (person));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("avatar-default-symbolic"));

  if (duty != NULL)
    /* Translators: the ✕ beside a person on a duty: "Remove 张三 from 现场抢修" */
    remove_label = g_strdup_printf (_("Remove %s from %s"), sw_person_get_name (person), sw_duty_get_name (duty));
  else
    /* Translators: the ✕ beside an attendee: "Remove 张三" */
    remove_label = g_strdup_printf (_("Remove %s"), sw_person_get_name (person));
  gtk_widget_set_tooltip_text (remove, remove_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_add_css_class (remove, "circular");
  g_object_set_data_full (G_OBJECT (remove), "sw-person", g_object_ref (person), g_object_unref);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (unassign_clicked), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

  return row;
}

static GtkWidget *
assign_button (SwSlotPane *self,
               SwDuty     *duty,
               const char *accessible_label)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *picker = sw_assign_picker_new (self->organisation, self->plan, self->slot, duty);

  gtk_menu_button_set_label (GTK_MENU_BUTTON (button), _("Assign…"));
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), picker);
  gtk_widget_add_css_class (button, "assign-button");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label, -1);
  /* Screen readers reach the toggle button inside: name it too. */
  if (gtk_widget_get_first_child (button) != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_first_child (button)),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label, -1);
  return button;
}

static void
duty_name_apply (AdwEntryRow *row,
                 SwSlotPane  *self)
{
  SwDuty *duty = g_object_get_data (G_OBJECT (row), "sw-duty");

  commit_string (self, duty, "name", gtk_editable_get_text (GTK_EDITABLE (row)));
}

static void
duty_skills_apply (AdwEntryRow *row,
                   SwSlotPane  *self)
{
  SwDuty *duty = g_object_get_data (G_OBJECT (row), "sw-duty");
  g_auto(GStrv) skills = sw_skills_parse (gtk_editable_get_text (GTK_EDITABLE (row)));
  g_autoptr(GError) error = NULL;

  if (sw_skills_equal (sw_duty_get_skills (duty), (const char *const *) skills))
    return;
  if (!sw_undo_stack_set (pane_stack (self), &error, duty, "skills", skills))
    report (self, _("Could Not Change the Duty"), error);
}

static void
duty_count_changed (GtkSpinButton *spin,
                    SwSlotPane    *self)
{
  SwDuty *duty = g_object_get_data (G_OBJECT (spin), "sw-duty");
  guint count = (guint) gtk_spin_button_get_value_as_int (spin);
  g_autoptr(GError) error = NULL;

  if (self->updating || count == sw_duty_get_count (duty))
    return;

  if (!sw_undo_stack_set (pane_stack (self), &error, duty, "count", count))
    report (self, _("Could Not Change the Duty"), error);
}

static void
duty_department_selected (AdwComboRow *row,
                          GParamSpec  *pspec,
                          SwSlotPane  *self)
{
  SwDuty *duty = g_object_get_data (G_OBJECT (row), "sw-duty");
  guint selected = adw_combo_row_get_selected (row);
  g_autoptr(SwDepartment) department = NULL;
  g_autoptr(GError) error = NULL;

  if (self->updating || selected == GTK_INVALID_LIST_POSITION)
    return;

  if (selected > 0)
    department = g_list_model_get_item (sw_organisation_get_departments (self->organisation), selected - 1);
  if (department == sw_duty_get_department (duty))
    return;

  if (!sw_undo_stack_set (pane_stack (self), &error, duty, "department", department))
    report (self, _("Could Not Change the Duty"), error);
}

static void
delete_duty_clicked (GtkButton  *button,
                     SwSlotPane *self)
{
  SwDuty *duty = g_object_get_data (G_OBJECT (button), "sw-duty");
  g_autoptr(GError) error = NULL;

  if (!sw_edit_delete_duty (self->organisation, self->slot, duty, &error))
    report (self, _("Could Not Remove the Duty"), error);
}

static void
expanded_changed (AdwExpanderRow *row,
                  GParamSpec     *pspec,
                  SwSlotPane     *self)
{
  gpointer key = g_object_get_data (G_OBJECT (row), "sw-key");

  if (self->updating)
    return;
  if (adw_expander_row_get_expanded (row))
    g_hash_table_remove (self->collapsed, key);
  else
    g_hash_table_add (self->collapsed, key);
}

static GtkStringList *
department_names (SwSlotPane *self)
{
  GListModel *departments = sw_organisation_get_departments (self->organisation);
  GtkStringList *names = gtk_string_list_new (NULL);
  guint n = g_list_model_get_n_items (departments);

  gtk_string_list_append (names, _("Any Department"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwDepartment) department = g_list_model_get_item (departments, i);

      gtk_string_list_append (names, sw_department_get_name (department));
    }
  return names;
}

static guint
department_index (SwSlotPane   *self,
                  SwDepartment *department)
{
  GListModel *departments = sw_organisation_get_departments (self->organisation);
  guint n = g_list_model_get_n_items (departments);

  if (department == NULL)
    return 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwDepartment) item = g_list_model_get_item (departments, i);

      if (item == department)
        return i + 1;
    }
  return 0;
}

static gboolean
duty_person_dropped (GtkDropTarget *target,
                     const GValue  *value,
                     double         x,
                     double         y,
                     SwSlotPane    *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  SwDuty *duty = g_object_get_data (G_OBJECT (row), "sw-key");
  SwPerson *person = g_value_get_object (value);
  g_autoptr(GError) error = NULL;

  if (person == NULL || self->slot == NULL)
    return FALSE;

  if (!sw_edit_assign (self->organisation, self->slot, person, duty, &error))
    {
      report (self, _("Could Not Assign"), error);
      return FALSE;
    }
  return TRUE;
}

static GtkWidget *
duty_row (SwSlotPane    *self,
          SwDuty        *duty,
          GtkStringList *departments)
{
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *name_row, *count_row, *count_spin, *department_row, *actions_row;
  GtkWidget *remove, *badge;
  g_autoptr(GPtrArray) people = sw_slot_dup_duty_people (self->slot, duty);
  SwDepartment *department = sw_duty_get_department (duty);
  guint filled = people->len, needed = sw_duty_get_count (duty);
  g_autofree char *subtitle = NULL;
  g_autofree char *fill = sw_ui_format_fill (filled, needed);
  g_autofree char *assign_label = NULL;
  g_autofree char *remove_label = NULL;
  g_autofree char *count_label = NULL;

  g_object_set_data (G_OBJECT (row), "sw-key", duty);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sw_duty_get_name (duty));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  subtitle = g_strdup (department != NULL ? sw_department_get_name (department) : _("Any department"));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);

  badge = gtk_label_new (fill);
  gtk_widget_add_css_class (badge, "fill-badge");
  gtk_widget_add_css_class (badge, "numeric");
  gtk_widget_add_css_class (badge, filled >= needed ? "full" : "open");
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  /* Translators: how full a duty is, for screen readers: "1 of 2 filled" */
  count_label = g_strdup_printf (_("%u of %u filled"), filled, needed);
  gtk_accessible_update_property (GTK_ACCESSIBLE (badge), GTK_ACCESSIBLE_PROPERTY_LABEL, count_label, -1);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), badge);

  /* Name */
  name_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (name_row), _("Duty Name"));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (name_row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (name_row), sw_duty_get_name (duty));
  g_object_set_data (G_OBJECT (name_row), "sw-duty", duty);
  g_signal_connect_object (name_row, "apply", G_CALLBACK (duty_name_apply), self, 0);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), name_row);

  /* How many */
  count_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (count_row), _("People Needed"));
  count_spin = gtk_spin_button_new_with_range (1, 999, 1);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (count_spin), needed);
  gtk_widget_set_valign (count_spin, GTK_ALIGN_CENTER);
  g_object_set_data (G_OBJECT (count_spin), "sw-duty", duty);
  /* Translators: the spin button of a duty's head count: "People needed for 现场抢修" */
  {
    g_autofree char *spin_label = g_strdup_printf (_("People needed for %s"), sw_duty_get_name (duty));
    gtk_accessible_update_property (GTK_ACCESSIBLE (count_spin), GTK_ACCESSIBLE_PROPERTY_LABEL, spin_label, -1);
  }
  g_signal_connect_object (count_spin, "value-changed", G_CALLBACK (duty_count_changed), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (count_row), count_spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (count_row), count_spin);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), count_row);

  /* From which department */
  department_row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (department_row), _("Department"));
  adw_combo_row_set_model (ADW_COMBO_ROW (department_row), G_LIST_MODEL (departments));
  adw_combo_row_set_selected (ADW_COMBO_ROW (department_row), department_index (self, department));
  g_object_set_data (G_OBJECT (department_row), "sw-duty", duty);
  g_signal_connect_object (department_row, "notify::selected", G_CALLBACK (duty_department_selected), self, 0);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), department_row);

  /* The qualifications each of its people needs */
  {
    GtkWidget *skills_row = adw_entry_row_new ();
    /* TRANSLATORS: between skills in a duty's field: "电工证、驾驶证" */
    g_autofree char *skills = sw_skills_join (sw_duty_get_skills (duty), _("; "));
    /* Translators: the skills field of a duty: "Skills needed for 现场抢修" */
    g_autofree char *skills_label = g_strdup_printf (_("Skills needed for %s"), sw_duty_get_name (duty));

    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (skills_row), _("Skills Needed"));
    adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (skills_row), TRUE);
    gtk_editable_set_text (GTK_EDITABLE (skills_row), skills);
    gtk_accessible_update_property (GTK_ACCESSIBLE (skills_row), GTK_ACCESSIBLE_PROPERTY_LABEL, skills_label, -1);
    g_object_set_data (G_OBJECT (skills_row), "sw-duty", duty);
    g_signal_connect_object (skills_row, "apply", G_CALLBACK (duty_skills_apply), self, 0);
    adw_expander_row_add_row (ADW_EXPANDER_ROW (row), skills_row);
  }

  /* Its people */
  for (guint i = 0; i < people->len; i++)
    adw_expander_row_add_row (ADW_EXPANDER_ROW (row), person_row (self, g_ptr_array_index (people, i), duty));

  /* Remove Duty, inside; Assign… in the row's header, always at hand. */
  actions_row = adw_action_row_new ();
  remove = gtk_button_new_with_mnemonic (_("_Remove Duty"));
  /* Translators: deletes a duty from its slot: "Remove duty 现场抢修" */
  remove_label = g_strdup_printf (_("Remove duty %s"), sw_duty_get_name (duty));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_add_css_class (remove, "error");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  g_object_set_data (G_OBJECT (remove), "sw-duty", duty);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (delete_duty_clicked), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (actions_row), remove);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (actions_row), FALSE);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), actions_row);

  /* Translators: opens the picker for a duty: "Assign people to 现场抢修" */
  assign_label = g_strdup_printf (_("Assign people to %s"), sw_duty_get_name (duty));
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), assign_button (self, duty, assign_label));

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), !g_hash_table_contains (self->collapsed, duty));
  g_signal_connect_object (row, "notify::expanded", G_CALLBACK (expanded_changed), self, 0);

  /* People dragged from the roster sidebar fill this duty. */
  {
    GtkDropTarget *drop = gtk_drop_target_new (SW_TYPE_PERSON, GDK_ACTION_COPY);

    g_signal_connect_object (drop, "drop", G_CALLBACK (duty_person_dropped), self, 0);
    gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (drop));
  }

  return row;
}

static void
target_field_apply (AdwEntryRow *row,
                    SwSlotPane  *self)
{
  SwVisitTarget *target = g_object_get_data (G_OBJECT (row), "sw-target");
  const char *property = g_object_get_data (G_OBJECT (row), "sw-property");

  commit_string (self, target, property, gtk_editable_get_text (GTK_EDITABLE (row)));
}

static void
remove_target_clicked (GtkButton  *button,
                       SwSlotPane *self)
{
  SwVisitTarget *target = g_object_get_data (G_OBJECT (button), "sw-target");
  g_autoptr(GError) error = NULL;

  if (!sw_edit_remove (self->organisation, self->slot, "visit-targets", target, &error))
    report (self, _("Could Not Remove the Visit Target"), error);
}

static GtkWidget *
target_row (SwSlotPane    *self,
            SwVisitTarget *target)
{
  static const struct { const char *property; const char *title; } fields[] = {
    { "name", N_("Organisation") },
    { "address", N_("Address") },
    { "contact", N_("Contact") },
    { "phone", N_("Phone") },
  };
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *remove_row, *remove;
  g_autofree char *remove_label = NULL;

  g_object_set_data (G_OBJECT (row), "sw-key", target);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sw_visit_target_get_name (target));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), sw_visit_target_get_address (target));

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      GtkWidget *field = adw_entry_row_new ();
      g_autofree char *value = NULL;

      g_object_get (target, fields[i].property, &value, NULL);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (field), _(fields[i].title));
      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (field), TRUE);
      gtk_editable_set_text (GTK_EDITABLE (field), value);
      g_object_set_data (G_OBJECT (field), "sw-target", target);
      g_object_set_data (G_OBJECT (field), "sw-property", (gpointer) fields[i].property);
      g_signal_connect_object (field, "apply", G_CALLBACK (target_field_apply), self, 0);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), field);
    }

  remove_row = adw_action_row_new ();
  remove = gtk_button_new_with_mnemonic (_("_Remove Target"));
  /* Translators: removes a visit target: "Remove visit target 临江二中" */
  remove_label = g_strdup_printf (_("Remove visit target %s"), sw_visit_target_get_name (target));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_add_css_class (remove, "error");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  g_object_set_data (G_OBJECT (remove), "sw-target", target);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (remove_target_clicked), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (remove_row), remove);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (remove_row), FALSE);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), remove_row);

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), !g_hash_table_contains (self->collapsed, target));
  g_signal_connect_object (row, "notify::expanded", G_CALLBACK (expanded_changed), self, 0);

  return row;
}

static void
add_duty_clicked (SwSlotPane *self,
                  GtkButton  *button)
{
  g_autoptr(SwDuty) duty = NULL;
  g_autoptr(GError) error = NULL;

  if (self->slot == NULL)
    return;

  duty = sw_duty_new (_("New Duty"), 1, NULL);
  if (!sw_edit_add (self->organisation, self->slot, "duties", duty, &error))
    report (self, _("Could Not Add the Duty"), error);
}

static void
add_target_clicked (SwSlotPane *self,
                    GtkButton  *button)
{
  g_autoptr(SwVisitTarget) target = NULL;
  g_autoptr(GError) error = NULL;

  if (self->slot == NULL)
    return;

  target = sw_visit_target_new (_("New Visit Target"));
  if (!sw_edit_add (self->organisation, self->slot, "visit-targets", target, &error))
    report (self, _("Could Not Add the Visit Target"), error);
}

/* What the dynamic rows show, to rebuild them only when it changed. */
static char *
lists_signature (SwSlotPane *self)
{
  GString *out = g_string_new (NULL);
  GListModel *list;
  guint n;

  list = sw_slot_get_duties (self->slot);
  n = g_list_model_get_n_items (list);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwDuty) duty = g_list_model_get_item (list, i);
      g_autofree char *skills = sw_skills_join (sw_duty_get_skills (duty), "\x1f");

      g_string_append_printf (out, "d%p|%s|%u|%p|%s;", duty, sw_duty_get_name (duty),
                              sw_duty_get_count (duty), sw_duty_get_department (duty), skills);
    }

  list = sw_slot_get_assignments (self->slot);
  n = g_list_model_get_n_items (list);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwAssignment) assignment = g_list_model_get_item (list, i);
      SwPerson *person = sw_assignment_get_person (assignment);

      g_string_append_printf (out, "a%p|%p|%s|%s;", person, sw_assignment_get_duty (assignment),
                              sw_person_get_name (person), sw_person_get_phone (person));
    }

  list = sw_slot_get_visit_targets (self->slot);
  n = g_list_model_get_n_items (list);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwVisitTarget) target = g_list_model_get_item (list, i);

      g_string_append_printf (out, "t%p|%s|%s|%s|%s;", target, sw_visit_target_get_name (target),
                              sw_visit_target_get_address (target), sw_visit_target_get_contact (target),
                              sw_visit_target_get_phone (target));
    }

  g_string_append_printf (out, "k%d;n%u", sw_slot_get_kind (self->slot),
                          g_list_model_get_n_items (sw_organisation_get_departments (self->organisation)));
  return g_string_free (out, FALSE);
}

static void
fill_lists (SwSlotPane *self)
{
  g_autofree char *signature = lists_signature (self);
  g_autoptr(GtkStringList) departments = NULL;
  GListModel *list;
  guint n, n_attendees = 0;

  if (g_strcmp0 (signature, self->lists_signature) == 0)
    return;
  g_free (self->lists_signature);
  self->lists_signature = g_steal_pointer (&signature);

  clear_dynamic_rows (self);
  departments = department_names (self);

  list = sw_slot_get_duties (self->slot);
  n = g_list_model_get_n_items (list);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwDuty) duty = g_list_model_get_item (list, i);

      add_dynamic_row (self, self->duties_group, duty_row (self, duty, departments));
    }
  adw_preferences_group_set_description (self->duties_group,
                                         n == 0 ? _("Add a duty for each task people do here") : NULL);

  list = sw_slot_get_assignments (self->slot);
  n = g_list_model_get_n_items (list);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwAssignment) assignment = g_list_model_get_item (list, i);

      if (sw_assignment_get_duty (assignment) != NULL)
        continue;
      add_dynamic_row (self, self->attendees_group,
                       person_row (self, sw_assignment_get_person (assignment), NULL));
      n_attendees++;
    }
  gtk_menu_button_set_popover (self->add_attendee_button,
                               sw_assign_picker_new (self->organisation, self->plan, self->slot, NULL));
  if (gtk_widget_get_first_child (GTK_WIDGET (self->add_attendee_button)) != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_first_child (GTK_WIDGET (self->add_attendee_button))),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, _("Add Attendee"), -1);

  list = sw_slot_get_visit_targets (self->slot);
  n = g_list_model_get_n_items (list);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwVisitTarget) target = g_list_model_get_item (list, i);

      add_dynamic_row (self, self->targets_group, target_row (self, target));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->targets_group),
                          n > 0 || sw_slot_get_kind (self->slot) == SW_SLOT_KIND_VISIT);
}

static void
set_calendar_day (GtkCalendar *calendar,
                  int          day)
{
  g_autoptr(GDateTime) date = NULL;
  int year, month, mday;

  sw_time_to_ymd (day, &year, &month, &mday);
  date = g_date_time_new_local (year, month, mday, 12, 0, 0);
  if (date != NULL)
    gtk_calendar_select_day (calendar, date);
}

static void
set_entry_text (GtkEditable *editable,
                const char  *text)
{
  /* Leave a field alone while the user types in it. */
  if (gtk_widget_has_focus (GTK_WIDGET (editable)) ||
      (gtk_widget_get_state_flags (GTK_WIDGET (editable)) & GTK_STATE_FLAG_FOCUS_WITHIN) != 0)
    return;
  if (g_strcmp0 (gtk_editable_get_text (editable), text) != 0)
    gtk_editable_set_text (editable, text);
}

void
sw_slot_pane_refresh (SwSlotPane *self)
{
  g_autofree char *start_day = NULL;
  g_autofree char *end_day = NULL;
  g_autofree char *kind_class = NULL;
  GtkTextBuffer *buffer;
  gint64 start, end;
  int end_day_number;

  g_return_if_fail (SW_IS_SLOT_PANE (self));

  g_clear_handle_id (&self->refresh_idle, g_source_remove);

  /* A read-only database: everything shown, nothing editable (the pane
   * still scrolls). */
  gtk_widget_set_sensitive (gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (self->scroller)),
                            self->organisation == NULL || !sw_organisation_get_read_only (self->organisation));

  if (self->slot == NULL || self->organisation == NULL)
    {
      clear_dynamic_rows (self);
      g_clear_pointer (&self->lists_signature, g_free);
      return;
    }

  self->updating = TRUE;

  start = sw_slot_get_start (self->slot);
  end = sw_slot_get_end (self->slot);
  /* An end at midnight shows as 24:00 … here as 00:00 of the next day. */
  end_day_number = sw_time_day_of (end);

  gtk_label_set_text (self->heading_label, sw_slot_get_title (self->slot));
  set_entry_text (GTK_EDITABLE (self->title_row), sw_slot_get_title (self->slot));
  set_entry_text (GTK_EDITABLE (self->location_row), sw_slot_get_location (self->slot));
  adw_combo_row_set_selected (self->kind_row, sw_slot_get_kind (self->slot));

  kind_class = sw_slot_card_kind_class (sw_slot_get_kind (self->slot));
  if (self->kind_class != NULL)
    gtk_widget_remove_css_class (self->kind_strip, self->kind_class);
  gtk_widget_add_css_class (self->kind_strip, kind_class);
  g_free (self->kind_class);
  self->kind_class = g_steal_pointer (&kind_class);

  start_day = sw_ui_format_day (sw_time_day_of (start));
  end_day = sw_ui_format_day (end_day_number);
  gtk_menu_button_set_label (self->start_date_button, start_day);
  gtk_menu_button_set_label (self->end_date_button, end_day);
  set_calendar_day (self->start_calendar, sw_time_day_of (start));
  set_calendar_day (self->end_calendar, end_day_number);
  gtk_spin_button_set_value (self->start_time, sw_time_minute_of_day (start));
  gtk_spin_button_set_value (self->end_time, sw_time_minute_of_day (end));

  buffer = gtk_text_view_get_buffer (self->description_view);
  if (!gtk_widget_has_focus (GTK_WIDGET (self->description_view)))
    {
      GtkTextIter a, b;
      g_autofree char *text = NULL;

      gtk_text_buffer_get_bounds (buffer, &a, &b);
      text = gtk_text_buffer_get_text (buffer, &a, &b, FALSE);
      if (g_strcmp0 (text, sw_slot_get_description (self->slot)) != 0)
        gtk_text_buffer_set_text (buffer, sw_slot_get_description (self->slot), -1);
    }

  fill_organisers (self);
  fill_lists (self);

  self->updating = FALSE;
}

static void
stack_changed (SwSlotPane  *self,
               SwCommand   *command,
               gboolean     reverting,
               SwUndoStack *stack)
{
  queue_refresh (self);
}

/* Public */

/* The Problems group lists the problems of the pane's slot (a double
 * booking or a short journey on either of its slots), from the window's
 * problem list; it hides when there are none. */
static gboolean
problem_of_slot (gpointer item,
                 gpointer user_data)
{
  SwSlotPane *self = user_data;

  return self->slot != NULL && (sw_problem_get_slot (item) == self->slot ||
                                sw_problem_get_other_slot (item) == self->slot);
}

static void
slot_problems_changed (SwSlotPane *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->problems_group),
                          g_list_model_get_n_items (G_LIST_MODEL (self->slot_problems)) > 0);
}

static GtkWidget *
problem_row_new (gpointer item,
                 gpointer user_data)
{
  SwSlotPane *self = user_data;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *child = sw_problem_row_new ();

  sw_problem_row_bind (SW_PROBLEM_ROW (child), self->organisation, self->plan, item);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), child);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

GtkWidget *
sw_slot_pane_new (void)
{
  return g_object_new (SW_TYPE_SLOT_PANE, NULL);
}

SwSlot *
sw_slot_pane_get_slot (SwSlotPane *self)
{
  g_return_val_if_fail (SW_IS_SLOT_PANE (self), NULL);

  return self->slot;
}

void
sw_slot_pane_set_slot (SwSlotPane *self,
                       SwSlot     *slot)
{
  g_return_if_fail (SW_IS_SLOT_PANE (self));
  g_return_if_fail (slot == NULL || SW_IS_SLOT (slot));

  if (self->slot == slot)
    return;

  /* A description typed but not yet committed goes to its own slot. */
  if (self->slot != NULL && gtk_widget_has_focus (GTK_WIDGET (self->description_view)))
    description_leave (self, NULL);

  g_set_object (&self->slot, slot);
  g_clear_pointer (&self->lists_signature, g_free);
  g_hash_table_remove_all (self->collapsed);
  gtk_filter_changed (GTK_FILTER (self->problem_filter), GTK_FILTER_CHANGE_DIFFERENT);

  /* Fields of the new slot start from its values, not the old typing. */
  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), slot != NULL ? sw_slot_get_title (slot) : "");
  gtk_editable_set_text (GTK_EDITABLE (self->location_row), slot != NULL ? sw_slot_get_location (slot) : "");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->description_view),
                            slot != NULL ? sw_slot_get_description (slot) : "", -1);
  self->updating = FALSE;

  /* The scoped auto-fill buttons name the slot by UID, and its day. */
  if (slot != NULL)
    {
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->autofill_slot_button),
                                              g_variant_new_string (sw_slot_get_uid (slot)));
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->autofill_day_button),
                                              g_variant_new_int32 (sw_time_day_of (sw_slot_get_start (slot))));
      /* The name after the target: GTK warns about a named action whose
       * target does not match its parameter type yet. */
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->autofill_slot_button), "win.autofill-slot");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->autofill_day_button), "win.autofill-day");
    }

  sw_slot_pane_refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SLOT]);
}

static GtkMenuButton *
find_assign_button (GtkWidget *widget,
                    SwDuty    *duty)
{
  if (GTK_IS_MENU_BUTTON (widget) && gtk_widget_has_css_class (widget, "assign-button"))
    {
      g_autoptr(SwDuty) shown = NULL;
      GtkPopover *picker = gtk_menu_button_get_popover (GTK_MENU_BUTTON (widget));

      g_object_get (picker, "duty", &shown, NULL);
      if (shown == duty)
        return GTK_MENU_BUTTON (widget);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkMenuButton *found = find_assign_button (child, duty);

      if (found != NULL)
        return found;
    }
  return NULL;
}

gboolean
sw_slot_pane_popup_assign (SwSlotPane *self,
                           SwDuty     *duty)
{
  GtkMenuButton *button;

  g_return_val_if_fail (SW_IS_SLOT_PANE (self), FALSE);
  g_return_val_if_fail (SW_IS_DUTY (duty), FALSE);

  if (self->refresh_idle != 0)
    sw_slot_pane_refresh (self);
  button = find_assign_button (GTK_WIDGET (self), duty);
  if (button == NULL)
    return FALSE;
  gtk_menu_button_popup (button);
  return TRUE;
}

void
sw_slot_pane_set_organisation (SwSlotPane     *self,
                               SwOrganisation *organisation)
{
  g_return_if_fail (SW_IS_SLOT_PANE (self));

  if (!g_set_object (&self->organisation, organisation))
    return;

  g_signal_group_set_target (self->stack_signals,
                             organisation != NULL ? sw_organisation_get_undo_stack (organisation) : NULL);
  g_clear_pointer (&self->lists_signature, g_free);
  sw_slot_pane_refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORGANISATION]);
}

void
sw_slot_pane_set_plan (SwSlotPane *self,
                       SwPlan     *plan)
{
  g_return_if_fail (SW_IS_SLOT_PANE (self));

  if (!g_set_object (&self->plan, plan))
    return;

  g_clear_pointer (&self->lists_signature, g_free);
  sw_slot_pane_refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
}

void
sw_slot_pane_set_problems (SwSlotPane *self,
                           GListModel *problems)
{
  g_return_if_fail (SW_IS_SLOT_PANE (self));
  g_return_if_fail (problems == NULL || G_IS_LIST_MODEL (problems));

  gtk_filter_list_model_set_model (self->slot_problems, problems);
}

void
sw_slot_pane_focus_title (SwSlotPane *self)
{
  g_return_if_fail (SW_IS_SLOT_PANE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
}

/* GObject */

static void
sw_slot_pane_dispose (GObject *object)
{
  SwSlotPane *self = SW_SLOT_PANE (object);

  g_clear_handle_id (&self->refresh_idle, g_source_remove);
  if (self->stack_signals != NULL)
    g_signal_group_set_target (self->stack_signals, NULL);
  if (self->dynamic_rows != NULL)
    clear_dynamic_rows (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), SW_TYPE_SLOT_PANE);

  g_clear_object (&self->slot_problems);
  g_clear_object (&self->problem_filter);

  g_clear_pointer (&self->dynamic_rows, g_ptr_array_unref);
  g_clear_pointer (&self->collapsed, g_hash_table_unref);
  g_clear_pointer (&self->lists_signature, g_free);
  g_clear_pointer (&self->kind_class, g_free);
  g_clear_object (&self->stack_signals);
  g_clear_object (&self->slot);
  g_clear_object (&self->plan);
  g_clear_object (&self->organisation);

  G_OBJECT_CLASS (sw_slot_pane_parent_class)->dispose (object);
}

static void
sw_slot_pane_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  SwSlotPane *self = SW_SLOT_PANE (object);

  switch (prop_id)
    {
    case PROP_ORGANISATION:
      g_value_set_object (value, self->organisation);
      break;

    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;

    case PROP_SLOT:
      g_value_set_object (value, self->slot);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sw_slot_pane_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  SwSlotPane *self = SW_SLOT_PANE (object);

  switch (prop_id)
    {
    case PROP_ORGANISATION:
      sw_slot_pane_set_organisation (self, g_value_get_object (value));
      break;

    case PROP_PLAN:
      sw_slot_pane_set_plan (self, g_value_get_object (value));
      break;

    case PROP_SLOT:
      sw_slot_pane_set_slot (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sw_slot_pane_class_init (SwSlotPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sw_slot_pane_dispose;
  object_class->get_property = sw_slot_pane_get_property;
  object_class->set_property = sw_slot_pane_set_property;

  properties[PROP_ORGANISATION] =
    g_param_spec_object ("organisation", NULL, NULL, SW_TYPE_ORGANISATION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, SW_TYPE_PLAN,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SLOT] =
    g_param_spec_object ("slot", NULL, NULL, SW_TYPE_SLOT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_CLOSE_REQUESTED] =
    g_signal_new ("close-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "slotpane");

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/servweek/Planner/sw-slot-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, SwSlotPane, box);
  gtk_widget_class_bind_template_child (widget_class, SwSlotPane, scroller);
  gtk_widget_class_bind_template_child (widget_class, SwSlotPane, autofill_slot_button);
  gtk_widget_class_bind_template_child (widget_class, SwSlotPane, autofill_day_button);
  gtk_widget_class_bind_template_child (widget_class, SwSlotPane, kind_strip);
  gtk_widget_class_bind_template_child (widget_class, SwSlotPane, heading_label);
  gtk_widget_class_bind_template_child (widget_class, SwSlotPane, title_row);
  gtk_widget_class_bind_template_child (widget_class, SwSlotPane, kind_row);
  gtk_widget_class_bind_template_child (widget_class, SwSlotPane, start_date_button);
  gtk_widget_class_bind_template_child (widget_class, SwSlotPane, start_calendar);
  gtk_widget_class_bind_template_child (widget_class, SwSlotPane, start_time);
  gtk_widget_class_bind_template_child (widget_class, SwSlotPane, end_date_button);
  gtk_widget_class_bind_template_child (widget_class, SwSlotPane, end_calendar);
  gtk_widget_class_bind_template_child (widget_class, SwSlotPane, end_time);
  gtk_widget_class_bind_template_child (widget_class, SwSlotPane, location_row);
  gtk_widget_class_bind_template_child (widget_class, SwSlotPane, organisers_box);
  gtk_widget_class_bind_template_child (widget_class, SwSlotPane, no_organisers_label);
  gtk_widget_class_bind_template_child (widget_class, SwSlotPane, organiser_popover);
  gtk_widget_class_bind_template_child (widget_class, SwSlotPane, organiser_choices);
  gtk_widget_class_bind_template_child (widget_class, SwSlotPane, description_view);
  gtk_widget_class_bind_template_child (widget_class, SwSlotPane, duties_group);
  gtk_widget_class_bind_template_child (widget_class, SwSlotPane, attendees_group);
  gtk_widget_class_bind_template_child (widget_class, SwSlotPane, add_attendee_button);
  gtk_widget_class_bind_template_child (widget_class, SwSlotPane, targets_group);
  gtk_widget_class_bind_template_child (widget_class, SwSlotPane, problems_group);
  gtk_widget_class_bind_template_child (widget_class, SwSlotPane, problems_list);
  gtk_widget_class_bind_template_callback (widget_class, title_apply);
  gtk_widget_class_bind_template_callback (widget_class, location_apply);
  gtk_widget_class_bind_template_callback (widget_class, kind_selected);
  gtk_widget_class_bind_template_callback (widget_class, start_day_selected);
  gtk_widget_class_bind_template_callback (widget_class, end_day_selected);
  gtk_widget_class_bind_template_callback (widget_class, start_time_changed);
  gtk_widget_class_bind_template_callback (widget_class, end_time_changed);
  gtk_widget_class_bind_template_callback (widget_class, time_output);
  gtk_widget_class_bind_template_callback (widget_class, time_input);
  gtk_widget_class_bind_template_callback (widget_class, close_clicked);
  gtk_widget_class_bind_template_callback (widget_class, delete_clicked);
  gtk_widget_class_bind_template_callback (widget_class, organiser_popover_show);
  gtk_widget_class_bind_template_callback (widget_class, organiser_chosen);
  gtk_widget_class_bind_template_callback (widget_class, add_duty_clicked);
  gtk_widget_class_bind_template_callback (widget_class, add_target_clicked);
}

static void
sw_slot_pane_init (SwSlotPane *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  GtkEventController *focus;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->collapsed = g_hash_table_new (NULL, NULL);
  self->dynamic_rows = g_ptr_array_new ();

  for (int kind = 0; kind < SW_N_SLOT_KINDS; kind++)
    gtk_string_list_append (kinds, sw_slot_kind_get_label (kind));
  self->updating = TRUE;
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  self->updating = FALSE;

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "leave", G_CALLBACK (description_leave), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->description_view), focus);

  self->stack_signals = g_signal_group_new (SW_TYPE_UNDO_STACK);
  g_signal_group_connect_swapped (self->stack_signals, "changed", G_CALLBACK (stack_changed), self);

  self->problem_filter = gtk_custom_filter_new (problem_of_slot, self, NULL);
  self->slot_problems = gtk_filter_list_model_new (NULL, GTK_FILTER (g_object_ref (self->problem_filter)));
  g_signal_connect_object (self->slot_problems, "items-changed",
                           G_CALLBACK (slot_problems_changed), self, G_CONNECT_SWAPPED);
  gtk_list_box_bind_model (self->problems_list, G_LIST_MODEL (self->slot_problems),
                           problem_row_new, self, NULL);
}
