/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sw-roster-dialog.h"

struct _SwRosterDialog
{
  AdwWindow             parent_instance;

  SwOrganisation       *organisation;
  SwRosterImport       *import;
  GPtrArray            *drop_downs;     /* GtkDropDown per column */
  GtkFileChooserNative *chooser;
  GCancellable         *cancellable;
  gboolean              updating;

  /* template children */
  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  GtkStack             *stack;
  GtkLabel             *summary_label;
  GtkLabel             *name_warning;
  GtkListBox           *mapping_list;
  GtkColumnView        *preview_view;
  GtkColumnViewColumn  *status_column;
  GtkExpander          *report_expander;
  GtkLabel             *report_label;
};

G_DEFINE_FINAL_TYPE (SwRosterDialog, sw_roster_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_ORGANISATION,
  PROP_IMPORT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
sw_roster_dialog_update_actions (SwRosterDialog *self)
{
  gboolean can_import = self->import != NULL &&
                        sw_roster_import_get_n_usable (self->import) > 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "roster.import", can_import);
}

/* "12 rows: 3 new, 2 updated, 5 unchanged, 2 bad · new departments: 新科室". */
static char *
summary_text (SwRosterImport *import)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const char * const *departments = sw_roster_import_get_new_departments (import);
  guint n_rows = g_list_model_get_n_items (sw_roster_import_get_rows (import));

  g_string_append_printf (text,
                          g_dngettext (GETTEXT_PACKAGE,
                                       "%u row: %u new, %u updated, %u unchanged, %u bad",
                                       "%u rows: %u new, %u updated, %u unchanged, %u bad",
                                       n_rows),
                          n_rows,
                          sw_roster_import_count (import, SW_ROSTER_ROW_NEW),
                          sw_roster_import_count (import, SW_ROSTER_ROW_UPDATED),
                          sw_roster_import_count (import, SW_ROSTER_ROW_UNCHANGED),
                          sw_roster_import_count (import, SW_ROSTER_ROW_BAD));

  if (departments[0] != NULL)
    {
      g_autofree char *names = g_strjoinv (", ", (char **) departments);

      g_string_append (text, " · ");
      g_string_append_printf (text, _("new departments: %s"), names);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
sw_roster_dialog_update (SwRosterDialog *self)
{
  g_autofree char *summary = NULL;
  g_autofree char *report = NULL;

  if (self->import == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      sw_roster_dialog_update_actions (self);
      return;
    }

  summary = summary_text (self->import);
  gtk_label_set_text (self->summary_label, summary);
  gtk_widget_set_visible (GTK_WIDGET (self->name_warning),
                          !sw_roster_import_has_name_column (self->import));

  report = sw_roster_import_format_report (self->import);
  gtk_label_set_text (self->report_label, g_strchomp (report));
  if (sw_roster_import_count (self->import, SW_ROSTER_ROW_BAD) > 0)
    gtk_expander_set_expanded (self->report_expander, TRUE);

  self->updating = TRUE;
  for (guint c = 0; c < self->drop_downs->len; c++)
    gtk_drop_down_set_selected (g_ptr_array_index (self->drop_downs, c),
                                sw_roster_import_get_column_field (self->import, c));
  self->updating = FALSE;

  gtk_stack_set_visible_child_name (self->stack, "preview");
  sw_roster_dialog_update_actions (self);
}

static void
drop_down_selected (GtkDropDown    *drop_down,
                    GParamSpec     *pspec,
                    SwRosterDialog *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (drop_down), "sw-column"));
  guint selected = gtk_drop_down_get_selected (drop_down);

  if (self->updating || self->import == NULL || selected >= SW_ROSTER_N_FIELDS)
    return;

  sw_roster_import_set_column_field (self->import, column, selected);
}

static void
rebuild_mapping (SwRosterDialog *self)
{
  GtkWidget *child;
  const char *labels[SW_ROSTER_N_FIELDS + 1];
  guint n_columns;
  gboolean has_rows;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->mapping_list))) != NULL)
    gtk_list_box_remove (self->mapping_list, child);
  g_ptr_array_set_size (self->drop_downs, 0);

  if (self->import == NULL)
    return;

  for (guint f = 0; f < SW_ROSTER_N_FIELDS; f++)
    labels[f] = sw_roster_field_get_label (f);
  labels[SW_ROSTER_N_FIELDS] = NULL;

  n_columns = sw_roster_import_get_n_columns (self->import);
  has_rows = g_list_model_get_n_items (sw_roster_import_get_rows (self->import)) > 0;

  for (guint c = 0; c < n_columns; c++)
    {
      const char *header = sw_roster_import_get_header (self->import, c);
      g_autofree char *fallback = g_strdup_printf (_("Column %u"), c + 1);
      g_autofree char *sample = NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkDropDown *drop_down = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (labels));

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), *header != '\0' ? header : fallback);
      if (has_rows)
        {
          const char *cell = sw_roster_import_get_cell (self->import, 0, c);

          /* The first row's value, on one line. */
          sample = g_strdelimit (g_strdup (cell), "\r\n\t", ' ');
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sample);
          adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
        }
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 1);

      gtk_widget_set_valign (GTK_WIDGET (drop_down), GTK_ALIGN_CENTER);
      gtk_drop_down_set_selected (drop_down, sw_roster_import_get_column_field (self->import, c));
      gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      *header != '\0' ? header : fallback,
                                      -1);
      g_object_set_data (G_OBJECT (drop_down), "sw-column", GUINT_TO_POINTER (c));
      g_signal_connect_object (drop_down, "notify::selected",
                               G_CALLBACK (drop_down_selected), self, 0);

      adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (drop_down));
      gtk_list_box_append (self->mapping_list, row);
      g_ptr_array_add (self->drop_downs, drop_down);
    }
}

static void
set_import (SwRosterDialog *self,
            SwRosterImport *import)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  if (self->import != NULL)
    g_signal_handlers_disconnect_by_data (self->import, self);

  if (!g_set_object (&self->import, import))
    return;

  if (import != NULL)
    {
      g_signal_connect_swapped (import, "changed", G_CALLBACK (sw_roster_dialog_update), self);
      selection = gtk_no_selection_new (g_object_ref (sw_roster_import_get_rows (import)));
    }

  gtk_column_view_set_model (self->preview_view, GTK_SELECTION_MODEL (selection));
  rebuild_mapping (self);
  sw_roster_dialog_update (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IMPORT]);
}

static void
show_toast (SwRosterDialog *self,
            const char     *text)
{
  AdwToast *toast = adw_toast_new (text);

  adw_toast_set_timeout (toast, 8);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

gboolean
sw_roster_dialog_load_bytes (SwRosterDialog  *self,
                             const char      *display_name,
                             GBytes          *bytes,
                             GError         **error)
{
  g_autoptr(SwRosterImport) import = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (SW_IS_ROSTER_DIALOG (self), FALSE);
  g_return_val_if_fail (display_name != NULL, FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  import = sw_roster_import_new (self->organisation);
  if (!sw_roster_import_load (import, bytes, &local_error))
    {
      g_autofree char *message = g_strdup_printf ("%s: %s", display_name, local_error->message);

      show_toast (self, message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  adw_window_title_set_subtitle (self->window_title, display_name);
  set_import (self, import);

  return TRUE;
}

static void
file_loaded (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(SwRosterDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = g_file_get_basename (G_FILE (source));

  bytes = g_file_load_bytes_finish (G_FILE (source), result, NULL, &error);
  if (bytes == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autofree char *message = g_strdup_printf ("%s: %s", name, error->message);

          show_toast (self, message);
        }
      return;
    }

  sw_roster_dialog_load_bytes (self, name, bytes, NULL);
}

void
sw_roster_dialog_load_file (SwRosterDialog *self,
                            GFile          *file)
{
  g_return_if_fail (SW_IS_ROSTER_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  g_file_load_bytes_async (file, self->cancellable, file_loaded, g_object_ref (self));
}

static void
chooser_response (GtkNativeDialog *chooser,
                  int              response,
                  SwRosterDialog  *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        sw_roster_dialog_load_file (self, file);
    }

  g_clear_object (&self->chooser);
}

static void
choose_file_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SwRosterDialog *self = SW_ROSTER_DIALOG (widget);
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  if (self->chooser != NULL)
    return;

  gtk_file_filter_set_name (csv, _("CSV Files"));
  gtk_file_filter_add_pattern (csv, "*.csv");
  gtk_file_filter_add_pattern (csv, "*.CSV");
  gtk_file_filter_add_pattern (csv, "*.txt");
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");

  self->chooser = gtk_file_chooser_native_new (_("Choose a Roster"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), csv);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SwRosterDialog *self = SW_ROSTER_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  guint changed = 0;

  if (self->import == NULL)
    return;

  if (!sw_roster_import_apply (self->import, &changed, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Nothing was imported: %s"), error->message);

      show_toast (self, message);
      return;
    }

  g_signal_emit (self, signals[IMPORTED], 0, changed);
  gtk_window_close (GTK_WINDOW (self));
}

/* The status column: the word, coloured by what importing does. */
static void
status_setup (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GtkWidget *label = gtk_inscription_new (NULL);

  gtk_inscription_set_xalign (GTK_INSCRIPTION (label), 0);
  gtk_inscription_set_min_chars (GTK_INSCRIPTION (label), 9);
  gtk_list_item_set_child (item, label);
}

static void
status_bind (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  static const char * const classes[] = { "success", "accent", "dim-label", "error" };
  GtkWidget *label = gtk_list_item_get_child (item);
  SwRosterRow *row = gtk_list_item_get_item (item);
  SwRosterRowStatus status = sw_roster_row_get_status (row);

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (label, classes[i]);
  gtk_widget_add_css_class (label, classes[status]);
  gtk_inscription_set_text (GTK_INSCRIPTION (label), sw_roster_row_status_get_label (status));
}

static void
sw_roster_dialog_dispose (GObject *object)
{
  SwRosterDialog *self = SW_ROSTER_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  if (self->import != NULL)
    g_signal_handlers_disconnect_by_data (self->import, self);
  if (self->preview_view != NULL)
    gtk_column_view_set_model (self->preview_view, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), SW_TYPE_ROSTER_DIALOG);

  G_OBJECT_CLASS (sw_roster_dialog_parent_class)->dispose (object);
}

static void
sw_roster_dialog_finalize (GObject *object)
{
  SwRosterDialog *self = SW_ROSTER_DIALOG (object);

  g_clear_object (&self->import);
  g_clear_object (&self->organisation);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->drop_downs, g_ptr_array_unref);

  G_OBJECT_CLASS (sw_roster_dialog_parent_class)->finalize (object);
}

static void
sw_roster_dialog_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SwRosterDialog *self = SW_ROSTER_DIALOG (object);

  switch (prop_id)
    {
    case PROP_ORGANISATION:
      g_value_set_object (value, self->organisation);
      break;
    case PROP_IMPORT:
      g_value_set_object (value, self->import);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sw_roster_dialog_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  SwRosterDialog *self = SW_ROSTER_DIALOG (object);

  switch (prop_id)
    {
    case PROP_ORGANISATION:
      self->organisation = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sw_roster_dialog_class_init (SwRosterDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sw_roster_dialog_dispose;
  object_class->finalize = sw_roster_dialog_finalize;
  object_class->get_property = sw_roster_dialog_get_property;
  object_class->set_property = sw_roster_dialog_set_property;

  properties[PROP_ORGANISATION] =
    g_param_spec_object ("organisation", NULL, NULL,
                         SW_TYPE_ORGANISATION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_IMPORT] =
    g_param_spec_object ("import", NULL, NULL,
                         SW_TYPE_ROSTER_IMPORT,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[IMPORTED] = g_signal_new ("imported",
                                    G_TYPE_FROM_CLASS (klass),
                                    G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL,
                                    G_TYPE_NONE, 1, G_TYPE_UINT);

  g_type_ensure (SW_TYPE_ROSTER_ROW);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/servweek/Planner/sw-roster-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SwRosterDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SwRosterDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, SwRosterDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, SwRosterDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, SwRosterDialog, name_warning);
  gtk_widget_class_bind_template_child (widget_class, SwRosterDialog, mapping_list);
  gtk_widget_class_bind_template_child (widget_class, SwRosterDialog, preview_view);
  gtk_widget_class_bind_template_child (widget_class, SwRosterDialog, status_column);
  gtk_widget_class_bind_template_child (widget_class, SwRosterDialog, report_expander);
  gtk_widget_class_bind_template_child (widget_class, SwRosterDialog, report_label);

  gtk_widget_class_install_action (widget_class, "roster.choose-file", NULL, choose_file_action);
  gtk_widget_class_install_action (widget_class, "roster.import", NULL, import_action);
}

static void
sw_roster_dialog_init (SwRosterDialog *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->drop_downs = g_ptr_array_new ();
  self->cancellable = g_cancellable_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (status_setup), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (status_bind), NULL);
  gtk_column_view_column_set_factory (self->status_column, factory);

  sw_roster_dialog_update (self);
}

SwRosterDialog *
sw_roster_dialog_new (GtkWindow      *parent,
                      SwOrganisation *organisation)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SW_IS_ORGANISATION (organisation), NULL);

  return g_object_new (SW_TYPE_ROSTER_DIALOG,
                       "organisation", organisation,
                       "transient-for", parent,
                       NULL);
}

SwRosterImport *
sw_roster_dialog_get_import (SwRosterDialog *self)
{
  g_return_val_if_fail (SW_IS_ROSTER_DIALOG (self), NULL);

  return self->import;
}

GtkDropDown *
sw_roster_dialog_get_column_drop_down (SwRosterDialog *self,
                                       guint           column)
{
  g_return_val_if_fail (SW_IS_ROSTER_DIALOG (self), NULL);
  g_return_val_if_fail (column < self->drop_downs->len, NULL);

  return g_ptr_array_index (self->drop_downs, column);
}

const char *
sw_roster_dialog_get_summary (SwRosterDialog *self)
{
  g_return_val_if_fail (SW_IS_ROSTER_DIALOG (self), NULL);

  return gtk_label_get_text (self->summary_label);
}
