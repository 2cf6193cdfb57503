/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sw-date-button.h"
#include "sw-plan-properties.h"
#include "sw-ui-state.h"

struct _SwPlanProperties
{
  AdwWindow       parent_instance;

  SwOrganisation *organisation;
  SwPlan         *plan;

  AdwEntryRow    *title_row;
  AdwEntryRow    *theme_row;
  AdwEntryRow    *organiser_row;
  AdwEntryRow    *hotline_row;
  SwDateButton   *first_day_button;
  SwDateButton   *last_day_button;
  AdwEntryRow    *time_zone_row;
  GtkSpinButton  *travel_buffer_spin;
  GtkSpinButton  *max_hours_spin;
  GtkSpinButton  *max_duties_spin;
  AdwComboRow    *name_order_row;
  GtkTextView    *description_view;
  GtkLabel       *message_label;
};

G_DEFINE_FINAL_TYPE (SwPlanProperties, sw_plan_properties, ADW_TYPE_WINDOW)

static const char *
text_of (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static const char *
sw_plan_properties_check (SwPlanProperties *self)
{
  return sw_ui_state_check_plan (text_of (self->title_row),
                                 sw_date_button_get_day (self->first_day_button),
                                 sw_date_button_get_day (self->last_day_button),
                                 text_of (self->time_zone_row));
}

static void
fields_changed (SwPlanProperties *self)
{
  const char *message = sw_plan_properties_check (self);

  if (sw_time_zone_is_valid (text_of (self->time_zone_row)))
    gtk_widget_remove_css_class (GTK_WIDGET (self->time_zone_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->time_zone_row), "error");

  gtk_label_set_label (self->message_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.apply", message == NULL);
}

static void
apply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  SwPlanProperties *self = SW_PLAN_PROPERTIES (widget);
  SwUndoStack *stack = sw_organisation_get_undo_stack (self->organisation);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  gboolean ok;

  if (sw_plan_properties_check (self) != NULL)
    return;

  title = g_strstrip (g_strdup (text_of (self->title_row)));
  buffer = gtk_text_view_get_buffer (self->description_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  description = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);

  sw_undo_stack_begin_group (stack, _("Edit plan properties"));
  ok = sw_undo_stack_set (stack, &error, self->plan, "title", title) &&
       sw_undo_stack_set (stack, &error, self->plan, "theme", text_of (self->theme_row)) &&
       sw_undo_stack_set (stack, &error, self->plan, "organiser", text_of (self->organiser_row)) &&
       sw_undo_stack_set (stack, &error, self->plan, "hotline", text_of (self->hotline_row)) &&
       sw_undo_stack_set (stack, &error, self->plan, "description", description) &&
       sw_undo_stack_set (stack, &error, self->plan, "first-day",
                          sw_date_button_get_day (self->first_day_button)) &&
       sw_undo_stack_set (stack, &error, self->plan, "last-day",
                          sw_date_button_get_day (self->last_day_button)) &&
       sw_undo_stack_set (stack, &error, self->plan, "time-zone", text_of (self->time_zone_row)) &&
       sw_undo_stack_set (stack, &error, self->plan, "travel-buffer",
                          gtk_spin_button_get_value_as_int (self->travel_buffer_spin)) &&
       sw_undo_stack_set (stack, &error, self->plan, "max-hours-per-day",
                          gtk_spin_button_get_value_as_int (self->max_hours_spin)) &&
       sw_undo_stack_set (stack, &error, self->plan, "max-duties",
                          gtk_spin_button_get_value_as_int (self->max_duties_spin)) &&
       /* The rows of the combo are the SwNameOrder values in order. */
       sw_undo_stack_set (stack, &error, self->plan, "name-order",
                          (SwNameOrder) adw_combo_row_get_selected (self->name_order_row));
  if (!ok)
    sw_undo_stack_cancel_group (stack);
  else
    ok = sw_undo_stack_end_group (stack, &error);

  if (!ok)
    {
      gtk_label_set_label (self->message_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->message_label), TRUE);
      return;
    }

  gtk_window_destroy (GTK_WINDOW (self));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (widget));

  if (parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.delete-plan", NULL);
  gtk_window_destroy (GTK_WINDOW (widget));
}

SwPlanProperties *
sw_plan_properties_new (GtkWindow      *parent,
                        SwOrganisation *organisation,
                        SwPlan         *plan)
{
  SwPlanProperties *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SW_IS_ORGANISATION (organisation), NULL);
  g_return_val_if_fail (SW_IS_PLAN (plan), NULL);

  self = g_object_new (SW_TYPE_PLAN_PROPERTIES,
                       "transient-for", parent,
                       NULL);
  self->organisation = g_object_ref (organisation);
  self->plan = g_object_ref (plan);

  gtk_editable_set_text (GTK_EDITABLE (self->title_row), sw_plan_get_title (plan));
  gtk_editable_set_text (GTK_EDITABLE (self->theme_row), sw_plan_get_theme (plan));
  gtk_editable_set_text (GTK_EDITABLE (self->organiser_row), sw_plan_get_organiser (plan));
  gtk_editable_set_text (GTK_EDITABLE (self->hotline_row), sw_plan_get_hotline (plan));
  gtk_editable_set_text (GTK_EDITABLE (self->time_zone_row), sw_plan_get_time_zone (plan));
  sw_date_button_set_day (self->first_day_button, sw_plan_get_first_day (plan));
  sw_date_button_set_day (self->last_day_button, sw_plan_get_last_day (plan));
  gtk_spin_button_set_value (self->travel_buffer_spin, sw_plan_get_travel_buffer (plan));
  gtk_spin_button_set_value (self->max_hours_spin, sw_plan_get_max_hours_per_day (plan));
  gtk_spin_button_set_value (self->max_duties_spin, sw_plan_get_max_duties (plan));
  adw_combo_row_set_selected (self->name_order_row, sw_plan_get_name_order (plan));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->description_view),
                            sw_plan_get_description (plan), -1);
  fields_changed (self);

  return self;
}

static void
sw_plan_properties_dispose (GObject *object)
{
  SwPlanProperties *self = SW_PLAN_PROPERTIES (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SW_TYPE_PLAN_PROPERTIES);
  g_clear_object (&self->plan);
  g_clear_object (&self->organisation);

  G_OBJECT_CLASS (sw_plan_properties_parent_class)->dispose (object);
}

static void
sw_plan_properties_class_init (SwPlanPropertiesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sw_plan_properties_dispose;

  g_type_ensure (SW_TYPE_DATE_BUTTON);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/servweek/Planner/sw-plan-properties.ui");
  gtk_widget_class_bind_template_child (widget_class, SwPlanProperties, title_row);
  gtk_widget_class_bind_template_child (widget_class, SwPlanProperties, theme_row);
  gtk_widget_class_bind_template_child (widget_class, SwPlanProperties, organiser_row);
  gtk_widget_class_bind_template_child (widget_class, SwPlanProperties, hotline_row);
  gtk_widget_class_bind_template_child (widget_class, SwPlanProperties, first_day_button);
  gtk_widget_class_bind_template_child (widget_class, SwPlanProperties, last_day_button);
  gtk_widget_class_bind_template_child (widget_class, SwPlanProperties, time_zone_row);
  gtk_widget_class_bind_template_child (widget_class, SwPlanProperties, travel_buffer_spin);
  gtk_widget_class_bind_template_child (widget_class, SwPlanProperties, max_hours_spin);
  gtk_widget_class_bind_template_child (widget_class, SwPlanProperties, max_duties_spin);
  gtk_widget_class_bind_template_child (widget_class, SwPlanProperties, name_order_row);
  gtk_widget_class_bind_template_child (widget_class, SwPlanProperties, description_view);
  gtk_widget_class_bind_template_child (widget_class, SwPlanProperties, message_label);
  gtk_widget_class_bind_template_callback (widget_class, fields_changed);

  gtk_widget_class_install_action (widget_class, "plan.apply", NULL, apply_action);
  gtk_widget_class_install_action (widget_class, "plan.delete", NULL, delete_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sw_plan_properties_init (SwPlanProperties *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  sw_date_button_set_label (self->first_day_button, _("First Day"));
  sw_date_button_set_label (self->last_day_button, _("Last Day"));
}
