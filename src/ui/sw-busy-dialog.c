/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sw-busy-dialog.h"
#include "sw-ics-busy.h"

struct _SwBusyDialog
{
  AdwWindow        parent_instance;

  SwOrganisation  *organisation;
  SwPlan          *plan;
  GPtrArray       *periods;   /* SwUnavailability read from the file */

  AdwComboRow     *person_row;
  AdwActionRow    *file_row;
  GtkLabel        *status_label;
};

G_DEFINE_FINAL_TYPE (SwBusyDialog, sw_busy_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_ORGANISATION,
  PROP_PLAN,
  PROP_PERSON,
  N_PROPS
};

enum {
  IMPORTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
update_actions (SwBusyDialog *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "busy.import",
                                 self->periods != NULL && sw_busy_dialog_get_person (self) != NULL);
}

static void
set_status (SwBusyDialog *self,
            const char   *text,
            gboolean      is_error)
{
  gtk_label_set_text (self->status_label, text);
  if (is_error)
    gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), *text != '\0');
}

/* "Name · Department": people may share a name. */
static char *
person_label (SwPerson *person)
{
  SwDepartment *department;

  if (person == NULL)
    return g_strdup ("");

  department = sw_person_get_department (person);
  if (department == NULL)
    return g_strdup (sw_person_get_name (person));

  return g_strdup_printf ("%s · %s", sw_person_get_name (person), sw_department_get_name (department));
}

SwPerson *
sw_busy_dialog_get_person (SwBusyDialog *self)
{
  g_return_val_if_fail (SW_IS_BUSY_DIALOG (self), NULL);

  return adw_combo_row_get_selected_item (self->person_row);
}

void
sw_busy_dialog_set_person (SwBusyDialog *self,
                           SwPerson     *person)
{
  guint position;

  g_return_if_fail (SW_IS_BUSY_DIALOG (self));

  if (sw_list_model_find (sw_organisation_get_people (self->organisation), person, &position))
    adw_combo_row_set_selected (self->person_row, position);
}

const char *
sw_busy_dialog_get_status (SwBusyDialog *self)
{
  g_return_val_if_fail (SW_IS_BUSY_DIALOG (self), NULL);

  return gtk_label_get_text (self->status_label);
}

gboolean
sw_busy_dialog_load_bytes (SwBusyDialog  *self,
                           const char    *display_name,
                           GBytes        *bytes,
                           GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) periods = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (SW_IS_BUSY_DIALOG (self), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);

  adw_action_row_set_subtitle (self->file_row, display_name);
  g_clear_pointer (&self->periods, g_ptr_array_unref);

  periods = sw_ics_busy_read (bytes, self->plan, &local_error);
  if (periods == NULL)
    {
      set_status (self, local_error->message, TRUE);
      update_actions (self);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u busy time during the plan",
                                       "%u busy times during the plan", periods->len),
                          periods->len);
  set_status (self, text, FALSE);
  self->periods = g_steal_pointer (&periods);
  update_actions (self);

  return TRUE;
}

gboolean
sw_busy_dialog_import (SwBusyDialog  *self,
                       guint         *n_added,
                       GError       **error)
{
  SwPerson *person;

  g_return_val_if_fail (SW_IS_BUSY_DIALOG (self), FALSE);

  person = sw_busy_dialog_get_person (self);
  if (self->periods == NULL || person == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("Choose a person and a calendar file first"));
      return FALSE;
    }

  return sw_ics_busy_add (self->organisation, person, self->periods, n_added, error);
}

static void
file_loaded (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(SwBusyDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;
  char *contents = NULL;
  gsize length = 0;

  name = g_file_get_basename (G_FILE (source));
  if (!g_file_load_contents_finish (G_FILE (source), result, &contents, &length, NULL, &error))
    {
      set_status (self, error->message, TRUE);
      g_clear_pointer (&self->periods, g_ptr_array_unref);
      update_actions (self);
      return;
    }

  bytes = g_bytes_new_take (contents, length);
  sw_busy_dialog_load_bytes (self, name, bytes, NULL);
}

static void
chooser_response (GtkNativeDialog *chooser,
                  int              response,
                  SwBusyDialog    *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);

  if (file != NULL)
    g_file_load_contents_async (file, NULL, file_loaded, g_object_ref (self));
}

static void
choose_file_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SwBusyDialog *self = SW_BUSY_DIALOG (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Open a Calendar File"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("Calendar files"));
  gtk_file_filter_add_pattern (filter, "*.ics");
  gtk_file_filter_add_pattern (filter, "*.ICS");
  gtk_file_filter_add_mime_type (filter, "text/calendar");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect_object (chooser, "response", G_CALLBACK (chooser_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SwBusyDialog *self = SW_BUSY_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  guint n_added = 0;

  if (!sw_busy_dialog_import (self, &n_added, &error))
    {
      set_status (self, error->message, TRUE);
      return;
    }

  g_signal_emit (self, signals[IMPORTED], 0, sw_busy_dialog_get_person (self), n_added);
  gtk_window_close (GTK_WINDOW (self));
}

static void
person_changed (SwBusyDialog *self)
{
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSON]);
}

static void
sw_busy_dialog_constructed (GObject *object)
{
  SwBusyDialog *self = SW_BUSY_DIALOG (object);
  GtkExpression *expression;

  G_OBJECT_CLASS (sw_busy_dialog_parent_class)->constructed (object);

  expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                            G_CALLBACK (person_label), NULL, NULL);
  adw_combo_row_set_expression (self->person_row, expression);
  gtk_expression_unref (expression);
  adw_combo_row_set_model (self->person_row, sw_organisation_get_people (self->organisation));
  g_signal_connect_object (self->person_row, "notify::selected-item",
                           G_CALLBACK (person_changed), self, G_CONNECT_SWAPPED);
  set_status (self, "", FALSE);
  update_actions (self);
}

static void
sw_busy_dialog_dispose (GObject *object)
{
  SwBusyDialog *self = SW_BUSY_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SW_TYPE_BUSY_DIALOG);
  g_clear_pointer (&self->periods, g_ptr_array_unref);
  g_clear_object (&self->organisation);
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (sw_busy_dialog_parent_class)->dispose (object);
}

static void
sw_busy_dialog_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SwBusyDialog *self = SW_BUSY_DIALOG (object);

  switch (prop_id)
    {
    case PROP_ORGANISATION:
      g_value_set_object (value, self->organisation);
      break;
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;
    case PROP_PERSON:
      g_value_set_object (value, sw_busy_dialog_get_person (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sw_busy_dialog_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  SwBusyDialog *self = SW_BUSY_DIALOG (object);

  switch (prop_id)
    {
    case PROP_ORGANISATION:
      self->organisation = g_value_dup_object (value);
      break;
    case PROP_PLAN:
      self->plan = g_value_dup_object (value);
      break;
    case PROP_PERSON:
      sw_busy_dialog_set_person (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sw_busy_dialog_class_init (SwBusyDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sw_busy_dialog_constructed;
  object_class->dispose = sw_busy_dialog_dispose;
  object_class->get_property = sw_busy_dialog_get_property;
  object_class->set_property = sw_busy_dialog_set_property;

  properties[PROP_ORGANISATION] =
    g_param_spec_object ("organisation", NULL, NULL, SW_TYPE_ORGANISATION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, SW_TYPE_PLAN,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PERSON] =
    g_param_spec_object ("person", NULL, NULL, SW_TYPE_PERSON,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 2, SW_TYPE_PERSON, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/servweek/Planner/sw-busy-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SwBusyDialog, person_row);
  gtk_widget_class_bind_template_child (widget_class, SwBusyDialog, file_row);
  gtk_widget_class_bind_template_child (widget_class, SwBusyDialog, status_label);

  gtk_widget_class_install_action (widget_class, "busy.choose-file", NULL, choose_file_action);
  gtk_widget_class_install_action (widget_class, "busy.import", NULL, import_action);
}

static void
sw_busy_dialog_init (SwBusyDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

SwBusyDialog *
sw_busy_dialog_new (GtkWindow      *parent,
                    SwOrganisation *organisation,
                    SwPlan         *plan)
{
  g_return_val_if_fail (SW_IS_ORGANISATION (organisation), NULL);
  g_return_val_if_fail (SW_IS_PLAN (plan), NULL);

  return g_object_new (SW_TYPE_BUSY_DIALOG,
                       "transient-for", parent,
                       "organisation", organisation,
                       "plan", plan,
                       NULL);
}
