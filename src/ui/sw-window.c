/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sw-slot-row.h"
#include "sw-ui-format.h"
#include "sw-window.h"
#include "sw-window-calendars.h"
#include "sw-window-autofill.h"
#include "sw-window-roster.h"
#include "sw-window-read-only.h"

struct _SwWindow
{
  AdwApplicationWindow  parent_instance;

  SwOrganisation       *organisation;
  SwPlan               *plan;
  GSettings            *settings;
  AdwToastOverlay      *toast_overlay;
  gboolean              read_only;

  GBindingGroup        *plan_bindings;
  GSignalGroup         *plan_signals;
  GSignalGroup         *stack_signals;

  GtkCustomSorter      *slot_sorter;
  GtkSortListModel     *slots_model;
  GtkSortListModel     *people_model;
  GtkSortListModel     *tasks_model;

  /* template children */
  AdwWindowTitle       *plan_title;
  AdwViewSwitcherTitle *switcher_title;
  GtkStack             *main_stack;
  AdwViewStack         *view_stack;
  AdwStatusPage        *empty_page;
  GtkListView          *schedule_view;
  GtkColumnView        *roster_view;
  GtkColumnView        *tasks_view;
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
sw_window_update_actions (SwWindow *self)
{
  SwUndoStack *stack = NULL;

  if (self->organisation != NULL)
    stack = sw_organisation_get_undo_stack (self->organisation);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 stack != NULL && sw_undo_stack_get_can_undo (stack));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 stack != NULL && sw_undo_stack_get_can_redo (stack));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.autofill", self->plan != NULL);

  /* Last: nothing above may enable an edit on a read-only database. */
  if (self->read_only)
    sw_window_read_only_disable_editing (self);
}

static void
sw_window_update_dates (SwWindow *self)
{
  g_autofree char *dates = NULL;

  if (self->plan != NULL)
    dates = sw_ui_format_day_range (sw_plan_get_first_day (self->plan),
                                    sw_plan_get_last_day (self->plan));

  adw_window_title_set_subtitle (self->plan_title, dates != NULL ? dates : "");
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
  /* A slot may have moved: keep the schedule in time order. */
  gtk_sorter_changed (GTK_SORTER (self->slot_sorter), GTK_SORTER_CHANGE_DIFFERENT);
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

static gboolean
sw_window_has_plan (SwWindow *self,
                    SwPlan   *plan)
{
  GListModel *plans = sw_organisation_get_plans (self->organisation);
  guint n = g_list_model_get_n_items (plans);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwPlan) item = g_list_model_get_item (plans, i);

      if (item == plan)
        return TRUE;
    }

  return FALSE;
}

static void
sw_window_plans_changed (SwWindow   *self,
                         guint       position,
                         guint       removed,
                         guint       added,
                         GListModel *plans)
{
  if (self->plan == NULL || !sw_window_has_plan (self, self->plan))
    sw_window_set_plan (self, sw_window_pick_plan (self));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SwWindow *self = SW_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  SwUndoStack *stack;

  if (self->organisation == NULL)
    return;

  stack = sw_organisation_get_undo_stack (self->organisation);
  if (!sw_undo_stack_get_can_undo (stack))
    return;

  if (!sw_undo_stack_undo (stack, &error))
    sw_window_show_error (self, _("Could Not Undo"), error);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SwWindow *self = SW_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  SwUndoStack *stack;

  if (self->organisation == NULL)
    return;

  stack = sw_organisation_get_undo_stack (self->organisation);
  if (!sw_undo_stack_get_can_redo (stack))
    return;

  if (!sw_undo_stack_redo (stack, &error))
    sw_window_show_error (self, _("Could Not Redo"), error);
}

/* Schedule */

static int
compare_slots (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  SwSlot *slot_a = (SwSlot *) a;
  SwSlot *slot_b = (SwSlot *) b;
  gint64 va, vb;

  va = sw_slot_get_start (slot_a);
  vb = sw_slot_get_start (slot_b);
  if (va != vb)
    return va < vb ? -1 : 1;

  va = sw_slot_get_end (slot_a);
  vb = sw_slot_get_end (slot_b);
  if (va != vb)
    return va < vb ? -1 : 1;

  return g_utf8_collate (sw_slot_get_title (slot_a), sw_slot_get_title (slot_b));
}

static void
slot_setup (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            gpointer                  user_data)
{
  gtk_list_item_set_activatable (list_item, FALSE);
  gtk_list_item_set_child (list_item, sw_slot_row_new ());
}

static void
slot_bind (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           gpointer                  user_data)
{
  SwSlotRow *row = SW_SLOT_ROW (gtk_list_item_get_child (list_item));

  sw_slot_row_set_slot (row, gtk_list_item_get_item (list_item));
}

static void
slot_unbind (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             gpointer                  user_data)
{
  SwSlotRow *row = SW_SLOT_ROW (gtk_list_item_get_child (list_item));

  sw_slot_row_set_slot (row, NULL);
}

static void
sw_window_setup_schedule (SwWindow *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkNoSelection) selection = NULL;

  self->slot_sorter = gtk_custom_sorter_new (compare_slots, NULL, NULL);
  self->slots_model = gtk_sort_list_model_new (NULL, g_object_ref (GTK_SORTER (self->slot_sorter)));
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->slots_model)));

  g_signal_connect (factory, "setup", G_CALLBACK (slot_setup), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (slot_bind), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (slot_unbind), NULL);

  gtk_list_view_set_factory (self->schedule_view, factory);
  gtk_list_view_set_model (self->schedule_view, GTK_SELECTION_MODEL (selection));
}

/* Columns: a label per cell, bound to an expression evaluated on the row's
 * item; the same expression sorts the column. */

static void
text_cell_setup (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_margin_start (label, 6);
  gtk_widget_set_margin_end (label, 6);
  gtk_list_item_set_child (list_item, label);
}

static void
text_cell_bind (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                GtkExpression            *expression)
{
  GtkWidget *label = gtk_list_item_get_child (list_item);
  GtkExpressionWatch *watch;

  watch = gtk_expression_bind (gtk_expression_ref (expression), label, "label",
                               gtk_list_item_get_item (list_item));
  g_object_set_data (G_OBJECT (list_item), "sw-cell-watch", watch);
}

static void
text_cell_unbind (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  gpointer                  user_data)
{
  GtkExpressionWatch *watch = g_object_steal_data (G_OBJECT (list_item), "sw-cell-watch");

  if (watch != NULL)
    gtk_expression_watch_unwatch (watch);
  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (list_item)), "");
}

static void
expression_closure_notify (gpointer  data,
                           GClosure *closure)
{
  gtk_expression_unref (data);
}

/* Takes ownership of @expression. */
static GtkColumnViewColumn *
add_text_column (GtkColumnView *view,
                 const char    *title,
                 GtkExpression *expression,
                 gboolean       expand)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) column = NULL;
  g_autoptr(GtkStringSorter) sorter = NULL;

  g_signal_connect (factory, "setup", G_CALLBACK (text_cell_setup), NULL);
  g_signal_connect_data (factory, "bind", G_CALLBACK (text_cell_bind),
                         gtk_expression_ref (expression), expression_closure_notify, 0);
  g_signal_connect (factory, "unbind", G_CALLBACK (text_cell_unbind), NULL);

  sorter = gtk_string_sorter_new (expression);
  column = gtk_column_view_column_new (title, g_object_ref (factory));
  gtk_column_view_column_set_sorter (column, GTK_SORTER (sorter));
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_append_column (view, column);

  return column;
}

static char *
department_name (GObject      *item,
                 SwDepartment *department,
                 gpointer      user_data)
{
  return g_strdup (department != NULL ? sw_department_get_name (department) : "");
}

static char *
task_owner (GObject      *item,
            SwPerson     *person,
            SwDepartment *department,
            gpointer      user_data)
{
  return sw_ui_format_owner (person, department);
}

static char *
task_due (GObject *item,
          gint64   due,
          gpointer user_data)
{
  return sw_ui_format_due (due);
}

static char *
task_status (GObject      *item,
             SwTaskStatus  status,
             gpointer      user_data)
{
  return g_strdup (sw_task_status_get_label (status));
}

static void
sw_window_setup_roster (SwWindow *self)
{
  g_autoptr(GtkSingleSelection) selection = NULL;
  GtkExpression *params[1];

  self->people_model = gtk_sort_list_model_new (NULL, NULL);
  gtk_sort_list_model_set_sorter (self->people_model, gtk_column_view_get_sorter (self->roster_view));
  selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->people_model)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_column_view_set_model (self->roster_view, GTK_SELECTION_MODEL (selection));

  add_text_column (self->roster_view, _("Name"),
                   gtk_property_expression_new (SW_TYPE_PERSON, NULL, "name"),
                   TRUE);

  params[0] = gtk_property_expression_new (SW_TYPE_PERSON, NULL, "department");
  add_text_column (self->roster_view, _("Department"),
                   gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 1, params,
                                                G_CALLBACK (department_name), NULL, NULL),
                   TRUE);
  add_text_column (self->roster_view, _("Title"),
                   gtk_property_expression_new (SW_TYPE_PERSON, NULL, "title"),
                   TRUE);
  add_text_column (self->roster_view, _("Phone"),
                   gtk_property_expression_new (SW_TYPE_PERSON, NULL, "phone"),
                   TRUE);

  /* Unsorted until a column is clicked: the roster's own order, people
   * grouped by department. */
}

static void
sw_window_setup_tasks (SwWindow *self)
{
  g_autoptr(GtkSingleSelection) selection = NULL;
  GtkColumnViewColumn *due_column;
  GtkExpression *owner_params[2];
  GtkExpression *due_params[1];
  GtkExpression *status_params[1];

  self->tasks_model = gtk_sort_list_model_new (NULL, NULL);
  gtk_sort_list_model_set_sorter (self->tasks_model, gtk_column_view_get_sorter (self->tasks_view));
  selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->tasks_model)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_column_view_set_model (self->tasks_view, GTK_SELECTION_MODEL (selection));

  add_text_column (self->tasks_view, _("Task"),
                   gtk_property_expression_new (SW_TYPE_TASK, NULL, "title"),
                   TRUE);

  owner_params[0] = gtk_property_expression_new (SW_TYPE_TASK, NULL, "person");
  owner_params[1] = gtk_property_expression_new (SW_TYPE_TASK, NULL, "department");
  add_text_column (self->tasks_view, _("Owner"),
                   gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 2, owner_params,
                                                G_CALLBACK (task_owner), NULL, NULL),
                   TRUE);

  /* Sorting by the "YYYY-MM-DDTHH:MM" text keeps due times in order. */
  due_params[0] = gtk_property_expression_new (SW_TYPE_TASK, NULL, "due");
  due_column = add_text_column (self->tasks_view, _("Due"),
                                gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 1, due_params,
                                                             G_CALLBACK (task_due), NULL, NULL),
                                FALSE);
  {
    g_autoptr(GtkNumericSorter) due_sorter =
      gtk_numeric_sorter_new (gtk_property_expression_new (SW_TYPE_TASK, NULL, "due"));
    gtk_column_view_column_set_sorter (due_column, GTK_SORTER (due_sorter));
  }

  status_params[0] = gtk_property_expression_new (SW_TYPE_TASK, NULL, "status");
  add_text_column (self->tasks_view, _("Status"),
                   gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 1, status_params,
                                                G_CALLBACK (task_status), NULL, NULL),
                   FALSE);

  gtk_column_view_sort_by_column (self->tasks_view, due_column, GTK_SORT_ASCENDING);
}

/* Points every view at self->plan. */
static void
sw_window_show_plan (SwWindow *self)
{
  SwPlan *plan = self->plan;

  g_binding_group_set_source (self->plan_bindings, plan);
  g_signal_group_set_target (self->plan_signals, plan);

  gtk_sort_list_model_set_model (self->slots_model, plan != NULL ? sw_plan_get_slots (plan) : NULL);
  gtk_sort_list_model_set_model (self->tasks_model, plan != NULL ? sw_plan_get_tasks (plan) : NULL);

  if (plan == NULL)
    {
      adw_window_title_set_title (self->plan_title, "");
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

static void
error_dialog_response (AdwMessageDialog *dialog,
                       const char       *response,
                       gpointer          user_data)
{
  gtk_window_destroy (GTK_WINDOW (dialog));
}

void
sw_window_show_error (SwWindow     *self,
                      const char   *heading,
                      const GError *error)
{
  GtkWidget *dialog;

  g_return_if_fail (SW_IS_WINDOW (self));
  g_return_if_fail (heading != NULL);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading,
                                   error != NULL ? error->message : NULL);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  g_signal_connect (dialog, "response", G_CALLBACK (error_dialog_response), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
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
      gtk_sort_list_model_set_model (self->people_model,
                                     sw_organisation_get_people (self->organisation));
    }
  else
    {
      adw_status_page_set_title (self->empty_page, _("No Database"));
      adw_status_page_set_description (self->empty_page, NULL);
      adw_status_page_set_icon_name (self->empty_page, "dialog-error-symbolic");
    }

  g_set_object (&self->plan, sw_window_pick_plan (self));
  sw_window_show_plan (self);
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
  g_clear_object (&self->slots_model);
  g_clear_object (&self->people_model);
  g_clear_object (&self->tasks_model);
  g_clear_object (&self->slot_sorter);
  g_clear_object (&self->plan);
  g_clear_object (&self->organisation);
  g_clear_object (&self->settings);

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
  gtk_widget_class_bind_template_child (widget_class, SwWindow, plan_title);
  gtk_widget_class_bind_template_child (widget_class, SwWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, SwWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, SwWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, SwWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, SwWindow, schedule_view);
  gtk_widget_class_bind_template_child (widget_class, SwWindow, roster_view);
  gtk_widget_class_bind_template_child (widget_class, SwWindow, tasks_view);

  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  sw_window_roster_class_init (widget_class);
  sw_window_calendars_class_init (widget_class);
  sw_window_autofill_class_init (widget_class);

  g_type_ensure (SW_TYPE_SLOT_ROW);
}

static void
sw_window_init (SwWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Toasts show over the whole content. */
  {
    g_autoptr(GtkWidget) content = g_object_ref (adw_application_window_get_content (ADW_APPLICATION_WINDOW (self)));

    self->toast_overlay = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
    adw_application_window_set_content (ADW_APPLICATION_WINDOW (self), GTK_WIDGET (self->toast_overlay));
    adw_toast_overlay_set_child (self->toast_overlay, content);
  }

  self->plan_bindings = g_binding_group_new ();
  g_binding_group_bind (self->plan_bindings, "title", self->plan_title, "title", G_BINDING_SYNC_CREATE);
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

  /* On a narrow window the switcher title shows the plan title itself. */
  g_object_bind_property (self->switcher_title, "title-visible",
                          self->plan_title, "visible",
                          G_BINDING_SYNC_CREATE | G_BINDING_INVERT_BOOLEAN);

  sw_window_setup_schedule (self);
  sw_window_setup_roster (self);
  sw_window_setup_tasks (self);

  self->settings = sw_window_create_settings ();
  if (self->settings != NULL)
    {
      g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
    }
}

void
sw_window_set_read_only (SwWindow   *self,
                         const char *path)
{
  g_return_if_fail (SW_IS_WINDOW (self));

  self->read_only = TRUE;
  sw_window_read_only_show_banner (self, path);
  sw_window_update_actions (self);
}

gboolean
sw_window_get_read_only (SwWindow *self)
{
  g_return_val_if_fail (SW_IS_WINDOW (self), FALSE);

  return self->read_only;
}

void
sw_window_add_toast (SwWindow *self,
                     AdwToast *toast)
{
  g_return_if_fail (SW_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}
