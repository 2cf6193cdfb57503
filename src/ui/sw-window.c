/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sw-application.h"
#include "sw-changes-button.h"
#include "sw-name-dialog.h"
#include "sw-plan-switcher.h"
#include "sw-problems-button.h"
#include "sw-roster-view.h"
#include "sw-schedule-view.h"
#include "sw-tasks-view.h"
#include "sw-ui-state.h"
#include "sw-ui-format.h"
#include "sw-window.h"
#include "sw-window-calendars.h"
#include "sw-window-autofill.h"
#include "sw-window-plans.h"
#include "sw-window-roster.h"

struct _SwWindow
{
  AdwApplicationWindow  parent_instance;

  SwOrganisation       *organisation;
  SwPlan               *plan;
  GSettings            *settings;
  AdwToastOverlay      *toast_overlay;   /* template child, over the whole content */
  char                 *database_path;

  GBindingGroup        *plan_bindings;
  GSignalGroup         *plan_signals;
  GSignalGroup         *stack_signals;

  AdwToast             *undo_toast;      /* the last toast offering Undo */
  gboolean              redoing;

  /* template children */
  SwPlanSwitcher       *plan_switcher;
  SwProblemsButton     *problems_button;
  SwChangesButton      *changes_button;
  AdwViewSwitcherTitle *switcher_title;
  GtkStack             *main_stack;
  AdwViewStack         *view_stack;
  AdwStatusPage        *empty_page;
  SwScheduleView       *schedule_view;
  SwRosterView         *roster_view;
  SwTasksView          *tasks_view;
  GtkWidget            *read_only_banner;
  GtkLabel             *read_only_label;
};

G_DEFINE_FINAL_TYPE (SwWindow, sw_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_ORGANISATION,
  PROP_PLAN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_enabled (SwWindow   *self,
             const char *action,
             gboolean    enabled)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), action, enabled);
}

/* Every window action's enabled state, in one place.  On a read-only
 * database only what reads the plan stays: viewing, finding, printing,
 * exporting files; the calendar export records what it sent, so it
 * writes. */
static void
sw_window_update_actions (SwWindow *self)
{
  SwUndoStack *stack = NULL;
  gboolean has_plan = self->plan != NULL;
  gboolean writable = self->organisation != NULL && !sw_organisation_get_read_only (self->organisation);

  if (self->organisation != NULL)
    stack = sw_organisation_get_undo_stack (self->organisation);

  set_enabled (self, "win.undo", writable && stack != NULL && sw_undo_stack_get_can_undo (stack));
  set_enabled (self, "win.redo", writable && stack != NULL && sw_undo_stack_get_can_redo (stack));
  set_enabled (self, "win.new-plan", writable);
  set_enabled (self, "win.plan-properties", writable && has_plan);
  set_enabled (self, "win.delete-plan", writable && has_plan);
  set_enabled (self, "win.autofill", writable && has_plan);
  set_enabled (self, "win.autofill-slot", writable && has_plan);
  set_enabled (self, "win.autofill-day", writable && has_plan);
  set_enabled (self, "win.import-roster", writable);
  set_enabled (self, "win.import-busy", writable);
  set_enabled (self, "win.export-calendars", writable && has_plan);
  set_enabled (self, "win.publish-calendars", writable && has_plan);

  set_enabled (self, "win.print", has_plan);
  set_enabled (self, "win.print-signin", has_plan);
  set_enabled (self, "win.find", has_plan);
  set_enabled (self, "win.show-view", has_plan);
  set_enabled (self, "win.export-roster", self->organisation != NULL);
  set_enabled (self, "win.export-workbook", has_plan);
}

/* The banner over a read-only database, naming its file. */
static void
sw_window_update_banner (SwWindow *self)
{
  gboolean read_only = self->organisation != NULL && sw_organisation_get_read_only (self->organisation);
  g_autofree char *display = g_filename_display_name (self->database_path != NULL ? self->database_path : "");
  g_autofree char *text = g_strdup_printf (_("Read-only: “%s” cannot be written, so the plan can be "
                                             "viewed, printed and exported but not changed."),
                                           display);

  gtk_label_set_label (self->read_only_label, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->read_only_banner),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  gtk_widget_set_visible (self->read_only_banner, read_only);
}

static void
sw_window_read_only_changed (SwWindow *self)
{
  sw_window_update_banner (self);
  sw_window_update_actions (self);
}

static void
sw_window_update_dates (SwWindow *self)
{
  g_autofree char *dates = NULL;

  if (self->plan != NULL)
    dates = sw_ui_format_day_range (sw_plan_get_first_day (self->plan),
                                    sw_plan_get_last_day (self->plan));

  adw_view_switcher_title_set_subtitle (self->switcher_title, dates != NULL ? dates : "");
}

static void
sw_window_plan_notify (SwWindow   *self,
                       GParamSpec *pspec,
                       SwPlan     *plan)
{
  const char *name = g_param_spec_get_name (pspec);

  if (g_str_equal (name, "first-day") || g_str_equal (name, "last-day"))
    sw_window_update_dates (self);
}

static void
sw_window_stack_changed (SwWindow  *self,
                         SwCommand *command,
                         gboolean   reverting,
                         SwUndoStack *stack)
{
  gboolean redoing = self->redoing;

  self->redoing = FALSE;
  if (reverting || redoing)
    {
      /* What the toast offered to undo is undone (or done again). */
      if (self->undo_toast != NULL)
        adw_toast_dismiss (self->undo_toast);
      return;
    }

  if (sw_ui_state_toast_kind (command) != SW_UI_TOAST_NONE)
    {
      AdwToast *toast = adw_toast_new (sw_command_get_label (command));

      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "win.undo");
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      if (self->undo_toast != NULL)
        adw_toast_dismiss (self->undo_toast);
      g_set_weak_pointer (&self->undo_toast, toast);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
}

static SwPlan *
sw_window_pick_plan (SwWindow *self)
{
  GListModel *plans;
  gint64 last_plan = 0;
  SwPlan *plan;

  if (self->organisation == NULL)
    return NULL;

  if (self->settings != NULL)
    last_plan = g_settings_get_int64 (self->settings, "last-plan");

  if (last_plan != 0)
    {
      plan = sw_organisation_find_plan (self->organisation, last_plan);
      if (plan != NULL)
        return plan;
    }

  plans = sw_organisation_get_plans (self->organisation);
  if (g_list_model_get_n_items (plans) == 0)
    return NULL;

  plan = g_list_model_get_item (plans, 0);
  g_object_unref (plan); /* the organisation keeps it */
  return plan;
}

static void
sw_window_plans_changed (SwWindow   *self,
                         guint       position,
                         guint       removed,
                         guint       added,
                         GListModel *plans)
{
  if (self->plan == NULL || !sw_list_model_find (sw_organisation_get_plans (self->organisation), self->plan, NULL))
    sw_window_set_plan (self, sw_window_pick_plan (self));
}

/* win.undo and win.redo */
static void
undo_redo_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SwWindow *self = SW_WINDOW (widget);
  gboolean redo = g_str_equal (action_name, "win.redo");
  g_autoptr(GError) error = NULL;
  SwUndoStack *stack;

  if (self->organisation == NULL)
    return;

  stack = sw_organisation_get_undo_stack (self->organisation);
  if (redo ? !sw_undo_stack_get_can_redo (stack) : !sw_undo_stack_get_can_undo (stack))
    return;

  self->redoing = redo;
  if (!(redo ? sw_undo_stack_redo (stack, &error) : sw_undo_stack_undo (stack, &error)))
    sw_window_show_error (self, redo ? _("Could Not Redo") : _("Could Not Undo"), error);
  self->redoing = FALSE;
}

/* Header bar */

static void
plan_activated (SwWindow *self,
                SwPlan   *plan)
{
  sw_window_set_plan (self, plan);
}

static void
problem_activated (SwWindow  *self,
                   SwProblem *problem)
{
  SwSlot *slot = sw_problem_get_slot (problem);
  SwTask *task = sw_problem_get_task (problem);

  if (task != NULL)
    {
      adw_view_stack_set_visible_child_name (self->view_stack, "tasks");
      sw_tasks_view_select_task (self->tasks_view, task);
    }
  else if (slot != NULL)
    {
      adw_view_stack_set_visible_child_name (self->view_stack, "schedule");
      sw_schedule_view_select_slot (self->schedule_view, slot);
    }
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SwWindow *self = SW_WINDOW (widget);
  const char *view = adw_view_stack_get_visible_child_name (self->view_stack);

  if (g_strcmp0 (view, "tasks") == 0)
    sw_tasks_view_focus_search (self->tasks_view);
  else if (g_strcmp0 (view, "roster") == 0)
    sw_roster_view_focus_search (self->roster_view);
  else
    sw_schedule_view_search_people (self->schedule_view);
}

static void
show_view_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SwWindow *self = SW_WINDOW (widget);
  const char *name = g_variant_get_string (parameter, NULL);

  if (adw_view_stack_get_child_by_name (self->view_stack, name) != NULL)
    adw_view_stack_set_visible_child_name (self->view_stack, name);
}

/* Points every view at self->plan. */
static void
sw_window_show_plan (SwWindow *self)
{
  SwPlan *plan = self->plan;

  g_binding_group_set_source (self->plan_bindings, plan);
  g_signal_group_set_target (self->plan_signals, plan);

  sw_schedule_view_set_organisation (self->schedule_view, self->organisation);
  sw_schedule_view_set_plan (self->schedule_view, plan);
  sw_plan_switcher_set_plan (self->plan_switcher, plan);
  sw_problems_button_set_plan (self->problems_button, self->organisation, plan);
  sw_changes_button_set_plan (self->changes_button, sw_window_get_store (self), plan);
  sw_schedule_view_set_problems (self->schedule_view,
                                 sw_problems_button_get_problems (self->problems_button));
  sw_roster_view_set_plan (self->roster_view, plan);
  sw_tasks_view_set_plan (self->tasks_view, self->organisation, plan);

  if (plan == NULL)
    {
      adw_view_switcher_title_set_title (self->switcher_title, _("Service Week Planner"));
      gtk_window_set_title (GTK_WINDOW (self), _("Service Week Planner"));
    }
  sw_window_update_dates (self);

  gtk_stack_set_visible_child_name (self->main_stack, plan != NULL ? "plan" : "empty");
  sw_window_update_actions (self);
}

/* Public */

SwWindow *
sw_window_new (GtkApplication *application,
               SwOrganisation *organisation)
{
  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (organisation == NULL || SW_IS_ORGANISATION (organisation), NULL);

  return g_object_new (SW_TYPE_WINDOW,
                       "application", application,
                       "organisation", organisation,
                       NULL);
}

SwOrganisation *
sw_window_get_organisation (SwWindow *self)
{
  g_return_val_if_fail (SW_IS_WINDOW (self), NULL);

  return self->organisation;
}

SwPlan *
sw_window_get_plan (SwWindow *self)
{
  g_return_val_if_fail (SW_IS_WINDOW (self), NULL);

  return self->plan;
}

void
sw_window_calendars_sent (SwWindow *self)
{
  g_return_if_fail (SW_IS_WINDOW (self));

  sw_changes_button_reload (self->changes_button);
}

SwStore *
sw_window_get_store (SwWindow *self)
{
  GtkApplication *application;

  g_return_val_if_fail (SW_IS_WINDOW (self), NULL);

  application = gtk_window_get_application (GTK_WINDOW (self));
  if (application == NULL || !SW_IS_APPLICATION (application))
    return NULL;
  return sw_application_get_store (SW_APPLICATION (application));
}

void
sw_window_set_plan (SwWindow *self,
                    SwPlan   *plan)
{
  g_return_if_fail (SW_IS_WINDOW (self));
  g_return_if_fail (plan == NULL || SW_IS_PLAN (plan));

  if (!g_set_object (&self->plan, plan))
    return;

  sw_window_show_plan (self);

  if (plan != NULL && self->settings != NULL && sw_plan_get_id (plan) != 0)
    g_settings_set_int64 (self->settings, "last-plan", sw_plan_get_id (plan));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
}

void
sw_window_show_error (SwWindow     *self,
                      const char   *heading,
                      const GError *error)
{
  g_return_if_fail (SW_IS_WINDOW (self));
  g_return_if_fail (heading != NULL);

  sw_name_dialog_message (GTK_WIDGET (self), heading, error != NULL ? error->message : NULL);
}

/* GObject */

static GSettings *
sw_window_create_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  /* Without the installed schema the window still works, it only forgets
   * its size. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    {
      g_warning ("GSettings schema %s not found; window state is not saved", APP_ID);
      return NULL;
    }

  return g_settings_new_full (schema, NULL, NULL);
}

/* The application (and its store) is set after construction. */
static void
sw_window_application_changed (SwWindow *self)
{
  sw_changes_button_set_plan (self->changes_button, sw_window_get_store (self), self->plan);
}

static void
sw_window_constructed (GObject *object)
{
  SwWindow *self = SW_WINDOW (object);

  G_OBJECT_CLASS (sw_window_parent_class)->constructed (object);

  if (self->organisation != NULL)
    {
      g_signal_group_set_target (self->stack_signals,
                                 sw_organisation_get_undo_stack (self->organisation));
      g_signal_connect_object (sw_organisation_get_plans (self->organisation), "items-changed",
                               G_CALLBACK (sw_window_plans_changed), self, G_CONNECT_SWAPPED);
      sw_plan_switcher_set_organisation (self->plan_switcher, self->organisation);
      sw_roster_view_set_organisation (self->roster_view, self->organisation);
      g_signal_connect_object (self->organisation, "notify::read-only",
                               G_CALLBACK (sw_window_read_only_changed), self, G_CONNECT_SWAPPED);
    }
  else
    {
      adw_status_page_set_title (self->empty_page, _("No Database"));
      adw_status_page_set_description (self->empty_page, NULL);
      adw_status_page_set_icon_name (self->empty_page, "dialog-error-symbolic");
      adw_status_page_set_child (self->empty_page, NULL);
    }

  g_set_object (&self->plan, sw_window_pick_plan (self));
  sw_window_show_plan (self);
  g_signal_connect (self, "notify::application", G_CALLBACK (sw_window_application_changed), NULL);
  sw_window_update_banner (self);
  sw_window_update_actions (self);
}

static void
sw_window_dispose (GObject *object)
{
  SwWindow *self = SW_WINDOW (object);

  if (self->plan_bindings != NULL)
    g_binding_group_set_source (self->plan_bindings, NULL);
  if (self->plan_signals != NULL)
    g_signal_group_set_target (self->plan_signals, NULL);
  if (self->stack_signals != NULL)
    g_signal_group_set_target (self->stack_signals, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), SW_TYPE_WINDOW);

  g_clear_object (&self->plan_bindings);
  g_clear_object (&self->plan_signals);
  g_clear_object (&self->stack_signals);
  g_clear_weak_pointer (&self->undo_toast);
  g_clear_object (&self->plan);
  g_clear_object (&self->organisation);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->database_path, g_free);

  G_OBJECT_CLASS (sw_window_parent_class)->dispose (object);
}

static void
sw_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  SwWindow *self = SW_WINDOW (object);

  switch (prop_id)
    {
    case PROP_ORGANISATION:
      g_value_set_object (value, self->organisation);
      break;

    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sw_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  SwWindow *self = SW_WINDOW (object);

  switch (prop_id)
    {
    case PROP_ORGANISATION:
      self->organisation = g_value_dup_object (value);
      break;

    case PROP_PLAN:
      sw_window_set_plan (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sw_window_class_init (SwWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sw_window_constructed;
  object_class->dispose = sw_window_dispose;
  object_class->get_property = sw_window_get_property;
  object_class->set_property = sw_window_set_property;

  properties[PROP_ORGANISATION] =
    g_param_spec_object ("organisation", NULL, NULL,
                         SW_TYPE_ORGANISATION,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL,
                         SW_TYPE_PLAN,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/servweek/Planner/sw-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SwWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SwWindow, plan_switcher);
  gtk_widget_class_bind_template_child (widget_class, SwWindow, problems_button);
  gtk_widget_class_bind_template_child (widget_class, SwWindow, changes_button);
  gtk_widget_class_bind_template_child (widget_class, SwWindow, read_only_banner);
  gtk_widget_class_bind_template_child (widget_class, SwWindow, read_only_label);
  gtk_widget_class_bind_template_child (widget_class, SwWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, SwWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, SwWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, SwWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, SwWindow, schedule_view);
  gtk_widget_class_bind_template_child (widget_class, SwWindow, roster_view);
  gtk_widget_class_bind_template_child (widget_class, SwWindow, tasks_view);
  gtk_widget_class_bind_template_callback (widget_class, plan_activated);
  gtk_widget_class_bind_template_callback (widget_class, problem_activated);

  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_redo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, undo_redo_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.show-view", "s", show_view_action);
  sw_window_plans_class_init (widget_class);
  sw_window_roster_class_init (widget_class);
  sw_window_calendars_class_init (widget_class);
  sw_window_autofill_class_init (widget_class);

  g_type_ensure (SW_TYPE_SCHEDULE_VIEW);
  g_type_ensure (SW_TYPE_PLAN_SWITCHER);
  g_type_ensure (SW_TYPE_PROBLEMS_BUTTON);
  g_type_ensure (SW_TYPE_CHANGES_BUTTON);
  g_type_ensure (SW_TYPE_ROSTER_VIEW);
  g_type_ensure (SW_TYPE_TASKS_VIEW);
}

static void
sw_window_init (SwWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->plan_bindings = g_binding_group_new ();
  g_binding_group_bind (self->plan_bindings, "title", self->switcher_title, "title", G_BINDING_SYNC_CREATE);
  g_binding_group_bind (self->plan_bindings, "title", self, "title", G_BINDING_SYNC_CREATE);

  self->plan_signals = g_signal_group_new (SW_TYPE_PLAN);
  g_signal_group_connect_swapped (self->plan_signals, "notify",
                                  G_CALLBACK (sw_window_plan_notify), self);

  self->stack_signals = g_signal_group_new (SW_TYPE_UNDO_STACK);
  g_signal_group_connect_swapped (self->stack_signals, "notify::can-undo",
                                  G_CALLBACK (sw_window_update_actions), self);
  g_signal_group_connect_swapped (self->stack_signals, "notify::can-redo",
                                  G_CALLBACK (sw_window_update_actions), self);
  g_signal_group_connect_swapped (self->stack_signals, "changed",
                                  G_CALLBACK (sw_window_stack_changed), self);


  self->settings = sw_window_create_settings ();
  if (self->settings != NULL)
    {
      g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
    }
}

void
sw_window_set_database_path (SwWindow   *self,
                             const char *path)
{
  g_return_if_fail (SW_IS_WINDOW (self));

  g_free (self->database_path);
  self->database_path = g_strdup (path);
  sw_window_update_banner (self);
}

gboolean
sw_window_get_read_only (SwWindow *self)
{
  g_return_val_if_fail (SW_IS_WINDOW (self), FALSE);

  return self->organisation != NULL && sw_organisation_get_read_only (self->organisation);
}

void
sw_window_add_toast (SwWindow *self,
                     AdwToast *toast)
{
  g_return_if_fail (SW_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
sw_window_add_undo_toast (SwWindow   *self,
                          const char *title)
{
  AdwToast *toast;

  g_return_if_fail (SW_IS_WINDOW (self));
  g_return_if_fail (title != NULL);

  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
sw_window_present_dialog (SwWindow   *self,
                          gpointer    dialog,
                          const char *signal_name,
                          GCallback   callback)
{
  g_return_if_fail (SW_IS_WINDOW (self));
  g_return_if_fail (GTK_IS_WINDOW (dialog));
  g_return_if_fail (signal_name != NULL);

  g_signal_connect_object (dialog, signal_name, callback, self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
