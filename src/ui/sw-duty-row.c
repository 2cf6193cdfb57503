/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sw-accessible.h"
#include "sw-assign-picker.h"
#include "sw-assignee-row.h"
#include "sw-duty-row.h"
#include "sw-schedule-view.h"
#include "sw-ui-format.h"

struct _SwDutyRow
{
  AdwExpanderRow  parent_instance;

  SwOrganisation *organisation;
  SwPlan         *plan;
  SwSlot         *slot;
  SwDuty         *duty;
  gboolean        updating;        /* filling fields from the model */
  GPtrArray      *people_rows;     /* SwAssigneeRow, in the slot's order */

  GtkLabel       *fill_badge;
  GtkMenuButton  *assign_button;
  AdwEntryRow    *name_row;
  GtkSpinButton  *count_spin;
  AdwActionRow   *count_row;
  AdwComboRow    *department_row;
  AdwEntryRow    *skills_row;
  GtkWidget      *actions_row;
  GtkWidget      *remove_button;
  GtkWidget      *actions_ref;     /* actions_row, while it is taken out */
};

G_DEFINE_FINAL_TYPE (SwDutyRow, sw_duty_row, ADW_TYPE_EXPANDER_ROW)


static SwUndoStack *
row_stack (SwDutyRow *self)
{
  return sw_organisation_get_undo_stack (self->organisation);
}

static void
report (SwDutyRow    *self,
        const char   *heading,
        const GError *error)
{
  sw_schedule_view_show_error (GTK_WIDGET (self), heading, error);
}

/* The department row's choice: 0 for "Any Department", else the
 * position of the duty's department in the roster, plus one. */
static void
select_department (SwDutyRow *self)
{
  SwDepartment *department = sw_duty_get_department (self->duty);
  guint position = 0;

  if (department != NULL &&
      sw_list_model_find (sw_organisation_get_departments (self->organisation), department, &position))
    position++;
  else
    position = 0;

  if (adw_combo_row_get_selected (self->department_row) == position)
    return;
  self->updating = TRUE;
  adw_combo_row_set_selected (self->department_row, position);
  self->updating = FALSE;
}

/* The department row offers "Any Department", then the roster's (made
 * again when the roster's departments change, not on the row's own
 * choice). */
static void
fill_departments (SwDutyRow *self)
{
  GListModel *departments = sw_organisation_get_departments (self->organisation);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint n = g_list_model_get_n_items (departments);

  gtk_string_list_append (names, _("Any Department"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwDepartment) item = g_list_model_get_item (departments, i);

      gtk_string_list_append (names, sw_department_get_name (item));
      g_signal_handlers_disconnect_by_func (item, fill_departments, self);
      g_signal_connect_object (item, "notify::name", G_CALLBACK (fill_departments), self, G_CONNECT_SWAPPED);
    }

  self->updating = TRUE;
  adw_combo_row_set_model (self->department_row, G_LIST_MODEL (names));
  self->updating = FALSE;
  select_department (self);
}

static void
update_fill (SwDutyRow *self)
{
  guint filled = self->people_rows->len;
  guint needed = sw_duty_get_count (self->duty);
  g_autofree char *fill = sw_ui_format_fill (filled, needed);
  g_autofree char *count_label = NULL;

  gtk_label_set_label (self->fill_badge, fill);
  gtk_widget_remove_css_class (GTK_WIDGET (self->fill_badge), filled >= needed ? "open" : "full");
  gtk_widget_add_css_class (GTK_WIDGET (self->fill_badge), filled >= needed ? "full" : "open");
  /* Translators: how full a duty is, for screen readers: "1 of 2 filled" */
  count_label = g_strdup_printf (_("%u of %u filled"), filled, needed);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->fill_badge),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, count_label, -1);
}

/* The people on the duty, in the slot's order, before Remove Duty. */
static void
fill_people (SwDutyRow *self)
{
  g_autoptr(GPtrArray) people = sw_slot_dup_duty_people (self->slot, self->duty);
  gboolean same = people->len == self->people_rows->len;

  for (guint i = 0; same && i < people->len; i++)
    same = sw_assignee_row_get_person (g_ptr_array_index (self->people_rows, i)) ==
           g_ptr_array_index (people, i);
  if (same)
    return;

  for (guint i = 0; i < self->people_rows->len; i++)
    adw_expander_row_remove (ADW_EXPANDER_ROW (self), g_ptr_array_index (self->people_rows, i));
  g_ptr_array_set_size (self->people_rows, 0);
  adw_expander_row_remove (ADW_EXPANDER_ROW (self), self->actions_row);

  for (guint i = 0; i < people->len; i++)
    {
      GtkWidget *row = sw_assignee_row_new (self->organisation, self->slot,
                                            g_ptr_array_index (people, i), self->duty);

      g_ptr_array_add (self->people_rows, row);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (self), row);
    }
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), self->actions_row);
  update_fill (self);
}

static void
set_accessible_label (GtkWidget  *widget,
                      const char *label)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
update (SwDutyRow *self)
{
  const char *name = sw_duty_get_name (self->duty);
  SwDepartment *department = sw_duty_get_department (self->duty);
  /* TRANSLATORS: between skills in a duty's field: "电工证、驾驶证" */
  g_autofree char *skills = sw_skills_join (sw_duty_get_skills (self->duty), _("; "));
  g_autofree char *label = NULL;

  self->updating = TRUE;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), name);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self),
                                 department != NULL ? sw_department_get_name (department)
                                                    : _("Any department"));
  sw_schedule_view_set_entry_text (GTK_EDITABLE (self->name_row), name);
  sw_schedule_view_set_entry_text (GTK_EDITABLE (self->skills_row), skills);
  gtk_spin_button_set_value (self->count_spin, sw_duty_get_count (self->duty));

  /* Translators: the spin button of a duty's head count: "People needed for 现场抢修" */
  label = g_strdup_printf (_("People needed for %s"), name);
  set_accessible_label (GTK_WIDGET (self->count_spin), label);
  /* The row that holds it, by the same name: one control. */
  set_accessible_label (GTK_WIDGET (self->count_row), label);
  g_free (label);
  /* Translators: the row of one duty in a slot: "Duty 现场抢修" */
  label = g_strdup_printf (_("Duty %s"), name);
  set_accessible_label (GTK_WIDGET (self), label);
  g_free (label);
  /* Translators: the row of a duty's Assign and Remove buttons: "Assign or Remove 现场抢修" */
  label = g_strdup_printf (_("Assign or Remove %s"), name);
  set_accessible_label (GTK_WIDGET (self->actions_row), label);
  g_free (label);
  /* Translators: the name field of a duty: "Duty Name of 现场抢修" */
  label = g_strdup_printf (_("Duty Name of %s"), name);
  set_accessible_label (GTK_WIDGET (self->name_row), label);
  g_free (label);
  /* Translators: applies a duty's edited name: "Apply Duty Name of 现场抢修" */
  label = g_strdup_printf (_("Apply Duty Name of %s"), name);
  sw_accessible_label_apply_button (self->name_row, label);
  g_free (label);
  /* Translators: applies a duty's edited skills: "Apply Skills Needed for 现场抢修" */
  label = g_strdup_printf (_("Apply Skills Needed for %s"), name);
  sw_accessible_label_apply_button (self->skills_row, label);
  g_free (label);
  /* Translators: the department of a duty: "Department of 现场抢修" */
  label = g_strdup_printf (_("Department of %s"), name);
  set_accessible_label (GTK_WIDGET (self->department_row), label);
  g_free (label);
  /* Translators: the skills field of a duty: "Skills needed for 现场抢修" */
  label = g_strdup_printf (_("Skills needed for %s"), name);
  set_accessible_label (GTK_WIDGET (self->skills_row), label);
  g_free (label);
  /* Translators: deletes a duty from its slot: "Remove duty 现场抢修" */
  label = g_strdup_printf (_("Remove duty %s"), name);
  set_accessible_label (self->remove_button, label);
  g_free (label);
  /* Translators: opens the picker for a duty: "Assign people to 现场抢修" */
  label = g_strdup_printf (_("Assign people to %s"), name);
  set_accessible_label (GTK_WIDGET (self->assign_button), label);
  /* Screen readers reach the toggle button inside: name it too. */
  if (gtk_widget_get_first_child (GTK_WIDGET (self->assign_button)) != NULL)
    set_accessible_label (gtk_widget_get_first_child (GTK_WIDGET (self->assign_button)), label);

  self->updating = FALSE;

  select_department (self);
  update_fill (self);
}

static void
name_apply (SwDutyRow   *self,
            AdwEntryRow *row)
{
  sw_schedule_view_commit_string (GTK_WIDGET (self), self->organisation, self->duty, "name",
                                  gtk_editable_get_text (GTK_EDITABLE (row)),
                                  _("Could Not Change the Slot"));
}

static void
skills_apply (SwDutyRow   *self,
              AdwEntryRow *row)
{
  g_auto(GStrv) skills = sw_skills_parse (gtk_editable_get_text (GTK_EDITABLE (row)));
  g_autoptr(GError) error = NULL;

  if (sw_skills_equal (sw_duty_get_skills (self->duty), (const char *const *) skills))
    return;
  if (!sw_undo_stack_set (row_stack (self), &error, self->duty, "skills", skills))
    report (self, _("Could Not Change the Duty"), error);
}

static void
count_changed (SwDutyRow     *self,
               GtkSpinButton *spin)
{
  guint count = (guint) gtk_spin_button_get_value_as_int (spin);
  g_autoptr(GError) error = NULL;

  if (self->updating || count == sw_duty_get_count (self->duty))
    return;

  if (!sw_undo_stack_set (row_stack (self), &error, self->duty, "count", count))
    report (self, _("Could Not Change the Duty"), error);
}

static void
department_selected (SwDutyRow   *self,
                     GParamSpec  *pspec,
                     AdwComboRow *row)
{
  guint selected = adw_combo_row_get_selected (row);
  g_autoptr(SwDepartment) department = NULL;
  g_autoptr(GError) error = NULL;

  if (self->updating || selected == GTK_INVALID_LIST_POSITION)
    return;

  if (selected > 0)
    department = g_list_model_get_item (sw_organisation_get_departments (self->organisation), selected - 1);
  if (department == sw_duty_get_department (self->duty))
    return;

  if (!sw_undo_stack_set (row_stack (self), &error, self->duty, "department", department))
    report (self, _("Could Not Change the Duty"), error);
}

static void
remove_clicked (SwDutyRow *self)
{
  g_autoptr(GError) error = NULL;

  if (!sw_edit_delete_duty (self->organisation, self->slot, self->duty, &error))
    report (self, _("Could Not Remove the Duty"), error);
}

static gboolean
person_dropped (SwDutyRow     *self,
                const GValue  *value,
                double         x,
                double         y,
                GtkDropTarget *target)
{
  SwPerson *person = g_value_get_object (value);
  g_autoptr(GError) error = NULL;

  if (person == NULL)
    return FALSE;

  if (!sw_edit_assign (self->organisation, self->slot, person, self->duty, &error))
    {
      report (self, _("Could Not Assign"), error);
      return FALSE;
    }
  return TRUE;
}

GtkWidget *
sw_duty_row_new (SwOrganisation *organisation,
                 SwPlan         *plan,
                 SwSlot         *slot,
                 SwDuty         *duty)
{
  SwDutyRow *self;
  GtkDropTarget *drop;

  g_return_val_if_fail (SW_IS_ORGANISATION (organisation), NULL);
  g_return_val_if_fail (SW_IS_PLAN (plan), NULL);
  g_return_val_if_fail (SW_IS_SLOT (slot), NULL);
  g_return_val_if_fail (SW_IS_DUTY (duty), NULL);

  self = g_object_new (SW_TYPE_DUTY_ROW, NULL);
  self->organisation = g_object_ref (organisation);
  self->plan = g_object_ref (plan);
  self->slot = g_object_ref (slot);
  self->duty = g_object_ref (duty);

  gtk_menu_button_set_popover (self->assign_button,
                               sw_assign_picker_new (self->organisation, self->plan, self->slot, self->duty));

  g_signal_connect_object (self->duty, "notify", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (sw_slot_get_assignments (self->slot), "items-changed",
                           G_CALLBACK (fill_people), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (sw_organisation_get_departments (self->organisation), "items-changed",
                           G_CALLBACK (fill_departments), self, G_CONNECT_SWAPPED);

  /* People dragged from the roster sidebar fill this duty. */
  drop = gtk_drop_target_new (SW_TYPE_PERSON, GDK_ACTION_COPY);
  g_signal_connect_object (drop, "drop", G_CALLBACK (person_dropped), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  fill_people (self);
  fill_departments (self);
  update (self);

  return GTK_WIDGET (self);
}

SwDuty *
sw_duty_row_get_duty (SwDutyRow *self)
{
  g_return_val_if_fail (SW_IS_DUTY_ROW (self), NULL);

  return self->duty;
}


static void
sw_duty_row_dispose (GObject *object)
{
  SwDutyRow *self = SW_DUTY_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SW_TYPE_DUTY_ROW);
  g_clear_pointer (&self->people_rows, g_ptr_array_unref);
  g_clear_object (&self->actions_ref);
  g_clear_object (&self->organisation);
  g_clear_object (&self->plan);
  g_clear_object (&self->slot);
  g_clear_object (&self->duty);

  G_OBJECT_CLASS (sw_duty_row_parent_class)->dispose (object);
}

static void
sw_duty_row_class_init (SwDutyRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sw_duty_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/servweek/Planner/sw-duty-row.ui");
  gtk_widget_class_bind_template_child (widget_class, SwDutyRow, fill_badge);
  gtk_widget_class_bind_template_child (widget_class, SwDutyRow, assign_button);
  gtk_widget_class_bind_template_child (widget_class, SwDutyRow, name_row);
  gtk_widget_class_bind_template_child (widget_class, SwDutyRow, count_spin);
  gtk_widget_class_bind_template_child (widget_class, SwDutyRow, count_row);
  gtk_widget_class_bind_template_child (widget_class, SwDutyRow, department_row);
  gtk_widget_class_bind_template_child (widget_class, SwDutyRow, skills_row);
  gtk_widget_class_bind_template_child (widget_class, SwDutyRow, actions_row);
  gtk_widget_class_bind_template_child (widget_class, SwDutyRow, remove_button);
  gtk_widget_class_bind_template_callback (widget_class, name_apply);
  gtk_widget_class_bind_template_callback (widget_class, skills_apply);
  gtk_widget_class_bind_template_callback (widget_class, count_changed);
  gtk_widget_class_bind_template_callback (widget_class, department_selected);
  gtk_widget_class_bind_template_callback (widget_class, remove_clicked);
}

static void
sw_duty_row_init (SwDutyRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  sw_schedule_view_track_entry (self->name_row);
  sw_schedule_view_track_entry (self->skills_row);

  /* Taken out and put back below the people when they change. */
  self->actions_ref = g_object_ref (self->actions_row);
  self->people_rows = g_ptr_array_new ();
}
