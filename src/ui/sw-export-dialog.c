/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sw-export-dialog.h"

static void remember_choices (SwExportDialog *self);

struct _SwExportDialog
{
  AdwWindow        parent_instance;

  SwOrganisation  *organisation;
  SwPlan          *plan;
  SwStore         *store;

  AdwComboRow     *scope_row;
  GtkSwitch       *tasks_switch;
  AdwExpanderRow  *reminder_row;
  GtkSpinButton   *reminder_spin;
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

gboolean
sw_export_dialog_export_to (SwExportDialog  *self,
                            const char      *path,
                            guint           *n_files,
                            GError         **error)
{
  g_autoptr(SwCalendarState) state = NULL;
  g_autoptr(SwIcsExporter) exporter = NULL;
  g_autoptr(GPtrArray) files = NULL;
  SwIcsScope scope;

  g_return_val_if_fail (SW_IS_EXPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (self->store != NULL)
    {
      if (sw_store_is_read_only (self->store))
        {
          g_set_error (error, SW_STORE_ERROR, SW_STORE_ERROR_READ_ONLY,
                       _("The database cannot be written, so the export could not be remembered "
                         "for the next one"));
          return FALSE;
        }
      state = sw_store_load_calendar_state (self->store, self->plan, error);
      if (state == NULL)
        return FALSE;
    }
  else
    state = sw_calendar_state_new ();

  scope = sw_export_dialog_get_scope (self);
  exporter = sw_ics_exporter_new (self->organisation, self->plan, state);
  if (scope != SW_ICS_SCOPE_PLAN)
    sw_ics_exporter_set_folder (exporter, path);
  sw_ics_exporter_set_include_tasks (exporter, gtk_switch_get_active (self->tasks_switch));
  sw_ics_exporter_set_reminder_minutes (exporter, sw_export_dialog_get_reminder_minutes (self));
  files = sw_ics_exporter_export (exporter, scope, error);
  if (files == NULL)
    return FALSE;

  if (scope == SW_ICS_SCOPE_PLAN)
    {
      if (!sw_ics_file_write (g_ptr_array_index (files, 0), path, NULL, error))
        return FALSE;
    }
  else if (!sw_ics_files_write_to_folder (files, path, NULL, error))
    return FALSE;

  /* Only once every file is written: what the files now say. */
  if (self->store != NULL && !sw_store_save_calendar_state (self->store, self->plan, state, error))
    return FALSE;

  if (n_files != NULL)
    *n_files = files->len;

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

static void
chooser_response (GtkNativeDialog *chooser,
                  int              response,
                  SwExportDialog  *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  guint n_files = 0;

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

  if (!sw_export_dialog_export_to (self, path, &n_files, &error))
    {
      show_error (self, error);
      return;
    }

  g_signal_emit (self, signals[EXPORTED], 0, n_files, path);
  gtk_window_close (GTK_WINDOW (self));
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

static void
sw_export_dialog_dispose (GObject *object)
{
  SwExportDialog *self = SW_EXPORT_DIALOG (object);

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
  gtk_widget_class_bind_template_child (widget_class, SwExportDialog, scope_row);
  gtk_widget_class_bind_template_child (widget_class, SwExportDialog, tasks_switch);
  gtk_widget_class_bind_template_child (widget_class, SwExportDialog, reminder_row);
  gtk_widget_class_bind_template_child (widget_class, SwExportDialog, reminder_spin);

  gtk_widget_class_install_action (widget_class, "export.choose", NULL, choose_action);
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
