/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sw-accessible.h"
#include "sw-export-dialog.h"
#include "sw-export-job.h"

static void remember_choices (SwExportDialog *self);

struct _SwExportDialog
{
  AdwWindow        parent_instance;

  SwOrganisation  *organisation;
  SwPlan          *plan;
  SwStore         *store;

  /* an export under way */
  SwExportJob     *job;
  GCancellable    *cancellable;
  char            *path;

  AdwPreferencesPage *choices_page;
  AdwComboRow     *scope_row;
  GtkSwitch       *tasks_switch;
  AdwExpanderRow  *reminder_row;
  GtkSpinButton   *reminder_spin;
  GtkProgressBar  *progress_bar;
};

G_DEFINE_FINAL_TYPE (SwExportDialog, sw_export_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_ORGANISATION,
  PROP_PLAN,
  PROP_STORE,
  N_PROPS
};

enum {
  EXPORTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

gboolean
sw_export_dialog_get_busy (SwExportDialog *self)
{
  g_return_val_if_fail (SW_IS_EXPORT_DIALOG (self), FALSE);

  return self->job != NULL;
}

SwIcsScope
sw_export_dialog_get_scope (SwExportDialog *self)
{
  g_return_val_if_fail (SW_IS_EXPORT_DIALOG (self), SW_ICS_SCOPE_PLAN);

  switch (adw_combo_row_get_selected (self->scope_row))
    {
    case 1:
      return SW_ICS_SCOPE_PERSON;
    case 2:
      return SW_ICS_SCOPE_DEPARTMENT;
    default:
      return SW_ICS_SCOPE_PLAN;
    }
}

void
sw_export_dialog_set_scope (SwExportDialog *self,
                            SwIcsScope      scope)
{
  g_return_if_fail (SW_IS_EXPORT_DIALOG (self));

  adw_combo_row_set_selected (self->scope_row,
                              scope == SW_ICS_SCOPE_PERSON ? 1 : scope == SW_ICS_SCOPE_DEPARTMENT ? 2 : 0);
}

void
sw_export_dialog_set_include_tasks (SwExportDialog *self,
                                    gboolean        include_tasks)
{
  g_return_if_fail (SW_IS_EXPORT_DIALOG (self));

  gtk_switch_set_active (self->tasks_switch, include_tasks);
}

void
sw_export_dialog_set_reminder_minutes (SwExportDialog *self,
                                       int             minutes)
{
  g_return_if_fail (SW_IS_EXPORT_DIALOG (self));

  adw_expander_row_set_enable_expansion (self->reminder_row, minutes >= 0);
  if (minutes >= 0)
    gtk_spin_button_set_value (self->reminder_spin, minutes);
}

int
sw_export_dialog_get_reminder_minutes (SwExportDialog *self)
{
  g_return_val_if_fail (SW_IS_EXPORT_DIALOG (self), -1);

  if (!adw_expander_row_get_enable_expansion (self->reminder_row))
    return -1;

  return gtk_spin_button_get_value_as_int (self->reminder_spin);
}

static SwExportJob *
new_job (SwExportDialog *self)
{
  return sw_export_job_new (self->organisation, self->plan, self->store,
                            sw_export_dialog_get_scope (self),
                            gtk_switch_get_active (self->tasks_switch),
                            sw_export_dialog_get_reminder_minutes (self));
}

static void
export_to_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

gboolean
sw_export_dialog_export_to (SwExportDialog  *self,
                            const char      *path,
                            guint           *n_files,
                            GError         **error)
{
  g_autoptr(SwExportJob) job = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  g_return_val_if_fail (SW_IS_EXPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  job = new_job (self);
  sw_export_job_run_async (job, path, NULL, export_to_done, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  if (!sw_export_job_run_finish (job, result, n_files, NULL, error))
    return FALSE;

  remember_choices (self);
  return TRUE;
}

static void
show_error (SwExportDialog *self,
            const GError   *error)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Could Not Export the Calendars"),
                                                       error->message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* While an export runs the choices wait, the window behind can be used,
 * and the bar says how far it is. */
static void
set_running (SwExportDialog *self,
             gboolean        running)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->choices_page), !running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.choose", !running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.publish", !running);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), running);
  gtk_window_set_modal (GTK_WINDOW (self), !running);
}

static void
job_progress (SwExportDialog *self)
{
  double progress = sw_export_job_get_progress (self->job);
  g_autofree char *text = NULL;

  gtk_progress_bar_set_fraction (self->progress_bar, progress);
  if (sw_export_job_get_writing (self->job))
    text = g_strdup (_("Writing the files…"));
  else
    /* Translators: the progress of building calendar files */
    text = g_strdup_printf (_("Preparing the calendars… %d%%"), MIN ((int) (progress * 100 / 0.8 + 0.5), 100));
  gtk_progress_bar_set_text (self->progress_bar, text);
}

static void
job_done (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(SwExportDialog) self = user_data;
  g_autoptr(SwExportJob) job = g_steal_pointer (&self->job);
  g_autofree char *path = g_steal_pointer (&self->path);
  g_autoptr(GError) error = NULL;
  guint n_files = 0;

  /* The dialog may be gone (its parent closed): the export was still
   * remembered, as its files were written. */
  gboolean gone = self->scope_row == NULL;
  gboolean ok;

  g_clear_object (&self->cancellable);
  g_signal_handlers_disconnect_by_data (job, self);
  if (g_application_get_default () != NULL)
    g_application_release (g_application_get_default ());
  ok = sw_export_job_run_finish (job, result, &n_files, NULL, &error);
  if (gone)
    return;
  if (!ok)
    {
      set_running (self, FALSE);
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, error);
      return;
    }

  remember_choices (self);
  g_signal_emit (self, signals[EXPORTED], 0, n_files, path);
  gtk_window_close (GTK_WINDOW (self));
}

void
sw_export_dialog_start (SwExportDialog *self,
                        const char     *path)
{
  g_return_if_fail (SW_IS_EXPORT_DIALOG (self));
  g_return_if_fail (path != NULL);
  g_return_if_fail (self->job == NULL);

  self->job = new_job (self);
  self->cancellable = g_cancellable_new ();
  self->path = g_strdup (path);
  g_signal_connect_object (self->job, "notify::progress", G_CALLBACK (job_progress), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->job, "notify::writing", G_CALLBACK (job_progress), self, G_CONNECT_SWAPPED);
  set_running (self, TRUE);
  job_progress (self);
  /* The application stays until the export is remembered. */
  if (g_application_get_default () != NULL)
    g_application_hold (g_application_get_default ());
  sw_export_job_run_async (self->job, path, self->cancellable, job_done, g_object_ref (self));
}

/* Cancel stops an export while its files are built; once they are being
 * written it lets it finish. */
static gboolean
sw_export_dialog_close_request (GtkWindow *window)
{
  SwExportDialog *self = SW_EXPORT_DIALOG (window);

  if (self->job == NULL)
    return GTK_WINDOW_CLASS (sw_export_dialog_parent_class)->close_request (window);
  if (sw_export_job_get_writing (self->job))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return TRUE;
    }
  g_cancellable_cancel (self->cancellable);
  return GTK_WINDOW_CLASS (sw_export_dialog_parent_class)->close_request (window);
}

static void
chooser_response (GtkNativeDialog *chooser,
                  int              response,
                  SwExportDialog  *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);

  if (file == NULL)
    return;

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("Choose a folder on this computer"));
      show_error (self, error);
      return;
    }

  sw_export_dialog_start (self, path);
}

static void
choose_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SwExportDialog *self = SW_EXPORT_DIALOG (widget);
  gboolean one_file = sw_export_dialog_get_scope (self) == SW_ICS_SCOPE_PLAN;
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (one_file ? _("Save Calendar") : _("Choose a Folder for the Calendars"),
                                         GTK_WINDOW (self),
                                         one_file ? GTK_FILE_CHOOSER_ACTION_SAVE
                                                  : GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                         one_file ? _("_Save") : _("_Select"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  if (one_file)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
      g_autofree char *name = g_strconcat (sw_plan_get_title (self->plan), ".ics", NULL);

      gtk_file_filter_set_name (filter, _("Calendar files"));
      gtk_file_filter_add_pattern (filter, "*.ics");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
      g_strdelimit (name, "/\\", '_');
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
    }

  g_signal_connect_object (chooser, "response", G_CALLBACK (chooser_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* The calendars go to the server instead: the window's Publish
 * Calendars dialog takes this one's place. */
static void
publish_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SwExportDialog *self = SW_EXPORT_DIALOG (widget);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  if (self->job != NULL || parent == NULL)
    return;
  gtk_window_close (GTK_WINDOW (self));
  gtk_widget_activate_action (GTK_WIDGET (parent), "win.publish-calendars", NULL);
}

static void
sw_export_dialog_dispose (GObject *object)
{
  SwExportDialog *self = SW_EXPORT_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), SW_TYPE_EXPORT_DIALOG);
  g_clear_object (&self->organisation);
  g_clear_object (&self->plan);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sw_export_dialog_parent_class)->dispose (object);
}

static void
sw_export_dialog_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SwExportDialog *self = SW_EXPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_ORGANISATION:
      g_value_set_object (value, self->organisation);
      break;
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sw_export_dialog_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  SwExportDialog *self = SW_EXPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_ORGANISATION:
      self->organisation = g_value_dup_object (value);
      break;
    case PROP_PLAN:
      self->plan = g_value_dup_object (value);
      break;
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sw_export_dialog_class_init (SwExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sw_export_dialog_dispose;
  object_class->get_property = sw_export_dialog_get_property;
  object_class->set_property = sw_export_dialog_set_property;
  GTK_WINDOW_CLASS (klass)->close_request = sw_export_dialog_close_request;

  properties[PROP_ORGANISATION] =
    g_param_spec_object ("organisation", NULL, NULL, SW_TYPE_ORGANISATION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, SW_TYPE_PLAN,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SW_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[EXPORTED] = g_signal_new ("exported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/servweek/Planner/sw-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SwExportDialog, choices_page);
  gtk_widget_class_bind_template_child (widget_class, SwExportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, SwExportDialog, scope_row);
  gtk_widget_class_bind_template_child (widget_class, SwExportDialog, tasks_switch);
  gtk_widget_class_bind_template_child (widget_class, SwExportDialog, reminder_row);
  gtk_widget_class_bind_template_child (widget_class, SwExportDialog, reminder_spin);

  gtk_widget_class_install_action (widget_class, "export.choose", NULL, choose_action);
  gtk_widget_class_install_action (widget_class, "export.publish", NULL, publish_action);
}

/* The application's settings, or NULL when its schema is not installed
 * (then the dialog starts from its own defaults). */
static GSettings *
export_settings_new (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, "default-export-scope"))
    return NULL;

  return g_settings_new_full (schema, NULL, NULL);
}

static SwIcsScope
scope_from_setting (const char *value)
{
  if (g_strcmp0 (value, "per-person") == 0)
    return SW_ICS_SCOPE_PERSON;
  if (g_strcmp0 (value, "per-department") == 0)
    return SW_ICS_SCOPE_DEPARTMENT;
  return SW_ICS_SCOPE_PLAN;
}

static const char *
scope_to_setting (SwIcsScope scope)
{
  switch (scope)
    {
    case SW_ICS_SCOPE_PERSON:
      return "per-person";
    case SW_ICS_SCOPE_DEPARTMENT:
      return "per-department";
    case SW_ICS_SCOPE_PLAN:
    default:
      return "plan";
    }
}

/* The export chosen becomes what the next export dialog offers first. */
static void
remember_choices (SwExportDialog *self)
{
  g_autoptr(GSettings) settings = export_settings_new ();
  int reminder;

  if (settings == NULL)
    return;

  reminder = sw_export_dialog_get_reminder_minutes (self);
  g_settings_set_string (settings, "default-export-scope",
                         scope_to_setting (sw_export_dialog_get_scope (self)));
  g_settings_set_int (settings, "default-reminder", CLAMP (reminder, 0, 10080));
}

static void
sw_export_dialog_init (SwExportDialog *self)
{
  g_autoptr(GSettings) settings = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  sw_accessible_label_expander_row (self->reminder_row, _("Reminder"), _("Add a Reminder"));

  /* The defaults the user chose last time (GSettings "default-export-scope"
   * and "default-reminder", 0 = no reminder). */
  settings = export_settings_new ();
  if (settings != NULL)
    {
      g_autofree char *scope = g_settings_get_string (settings, "default-export-scope");
      int reminder = g_settings_get_int (settings, "default-reminder");

      sw_export_dialog_set_scope (self, scope_from_setting (scope));
      sw_export_dialog_set_reminder_minutes (self, reminder > 0 ? reminder : -1);
    }
}

SwExportDialog *
sw_export_dialog_new (GtkWindow      *parent,
                      SwOrganisation *organisation,
                      SwPlan         *plan,
                      SwStore        *store)
{
  g_return_val_if_fail (SW_IS_ORGANISATION (organisation), NULL);
  g_return_val_if_fail (SW_IS_PLAN (plan), NULL);
  g_return_val_if_fail (store == NULL || SW_IS_STORE (store), NULL);

  return g_object_new (SW_TYPE_EXPORT_DIALOG,
                       "transient-for", parent,
                       "organisation", organisation,
                       "plan", plan,
                       "store", store,
                       NULL);
}
