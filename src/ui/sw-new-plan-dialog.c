/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sw-date-button.h"
#include "sw-new-plan-dialog.h"
#include "sw-plan-file.h"
#include "sw-ui-state.h"

struct _SwNewPlanDialog
{
  AdwWindow       parent_instance;

  SwOrganisation *organisation;

  AdwEntryRow    *title_row;
  GtkWidget      *create_button;
  SwDateButton   *first_day_button;
  SwDateButton   *last_day_button;
  AdwEntryRow    *time_zone_row;
  AdwComboRow    *template_row;
  GtkLabel       *message_label;
};

G_DEFINE_FINAL_TYPE (SwNewPlanDialog, sw_new_plan_dialog, ADW_TYPE_WINDOW)

enum {
  CREATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
sw_new_plan_dialog_check (SwNewPlanDialog *self)
{
  return sw_ui_state_check_plan (gtk_editable_get_text (GTK_EDITABLE (self->title_row)),
                                 sw_date_button_get_day (self->first_day_button),
                                 sw_date_button_get_day (self->last_day_button),
                                 gtk_editable_get_text (GTK_EDITABLE (self->time_zone_row)));
}

static void
fields_changed (SwNewPlanDialog *self)
{
  const char *zone = gtk_editable_get_text (GTK_EDITABLE (self->time_zone_row));
  const char *message = sw_new_plan_dialog_check (self);
  const char *title = gtk_editable_get_text (GTK_EDITABLE (self->title_row));

  if (sw_time_zone_is_valid (zone))
    gtk_widget_remove_css_class (GTK_WIDGET (self->time_zone_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->time_zone_row), "error");

  /* An empty title is the starting state, not worth a message. */
  gtk_label_set_label (self->message_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label),
                          message != NULL && title[0] != '\0');
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "new-plan.create", message == NULL);
}

static void
first_day_changed (SwNewPlanDialog *self)
{
  int first = sw_date_button_get_day (self->first_day_button);

  /* Keep the week: the last day follows the first. */
  if (sw_date_button_get_day (self->last_day_button) < first)
    sw_date_button_set_day (self->last_day_button, first + 6);
  fields_changed (self);
}

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SwNewPlanDialog *self = SW_NEW_PLAN_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  /* The rows of the template combo row, in order. */
  static const char * const template_names[] = { "service-week", "service-week-en", "empty" };
  const char *template_name;
  guint selected;
  SwPlan *plan;

  if (sw_new_plan_dialog_check (self) != NULL)
    return;

  title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));
  selected = adw_combo_row_get_selected (self->template_row);
  template_name = template_names[MIN (selected, G_N_ELEMENTS (template_names) - 1)];

  plan = sw_plan_file_new_from_template (self->organisation, template_name, title,
                                         sw_date_button_get_day (self->first_day_button),
                                         sw_date_button_get_day (self->last_day_button),
                                         gtk_editable_get_text (GTK_EDITABLE (self->time_zone_row)),
                                         &error);
  if (plan == NULL)
    {
      gtk_label_set_label (self->message_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->message_label), TRUE);
      return;
    }

  g_signal_emit (self, signals[CREATED], 0, plan);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
entry_activated (SwNewPlanDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "new-plan.create", NULL);
}

SwNewPlanDialog *
sw_new_plan_dialog_new (GtkWindow      *parent,
                        SwOrganisation *organisation)
{
  SwNewPlanDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SW_IS_ORGANISATION (organisation), NULL);

  self = g_object_new (SW_TYPE_NEW_PLAN_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->organisation = g_object_ref (organisation);
  return self;
}

static void
sw_new_plan_dialog_dispose (GObject *object)
{
  SwNewPlanDialog *self = SW_NEW_PLAN_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SW_TYPE_NEW_PLAN_DIALOG);
  g_clear_object (&self->organisation);

  G_OBJECT_CLASS (sw_new_plan_dialog_parent_class)->dispose (object);
}

/* Typing starts in the title, and Enter creates the plan: set once the
 * window is on screen (before, the accessibility tree does not see the
 * dialog appear). */
static void
sw_new_plan_dialog_map (GtkWidget *widget)
{
  SwNewPlanDialog *self = SW_NEW_PLAN_DIALOG (widget);

  GTK_WIDGET_CLASS (sw_new_plan_dialog_parent_class)->map (widget);

  gtk_window_set_default_widget (GTK_WINDOW (self), self->create_button);
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
}

static void
sw_new_plan_dialog_class_init (SwNewPlanDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sw_new_plan_dialog_dispose;
  widget_class->map = sw_new_plan_dialog_map;

  /**
   * SwNewPlanDialog::created:
   * @plan: the new plan (already in the organisation)
   */
  signals[CREATED] =
    g_signal_new ("created",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, SW_TYPE_PLAN);

  g_type_ensure (SW_TYPE_DATE_BUTTON);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/servweek/Planner/sw-new-plan-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SwNewPlanDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, SwNewPlanDialog, create_button);
  gtk_widget_class_bind_template_child (widget_class, SwNewPlanDialog, first_day_button);
  gtk_widget_class_bind_template_child (widget_class, SwNewPlanDialog, last_day_button);
  gtk_widget_class_bind_template_child (widget_class, SwNewPlanDialog, time_zone_row);
  gtk_widget_class_bind_template_child (widget_class, SwNewPlanDialog, template_row);
  gtk_widget_class_bind_template_child (widget_class, SwNewPlanDialog, message_label);
  gtk_widget_class_bind_template_callback (widget_class, fields_changed);
  gtk_widget_class_bind_template_callback (widget_class, first_day_changed);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated);

  gtk_widget_class_install_action (widget_class, "new-plan.create", NULL, create_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sw_new_plan_dialog_init (SwNewPlanDialog *self)
{
  int today;

  gtk_widget_init_template (GTK_WIDGET (self));
  sw_date_button_set_label (self->first_day_button, _("First Day"));
  sw_date_button_set_label (self->last_day_button, _("Last Day"));

  /* The start of next week in the locale (Monday in China, Sunday in
   * the United States), a week long. */
  today = sw_time_day_of (sw_time_now_in_zone ("Asia/Shanghai"));
  today = sw_time_week_start (today) + 7;
  sw_date_button_set_day (self->first_day_button, today);
  sw_date_button_set_day (self->last_day_button, today + 6);
  fields_changed (self);
}
