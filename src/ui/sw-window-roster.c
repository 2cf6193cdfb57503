/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sw-roster-dialog.h"
#include "sw-roster-export.h"
#include "sw-window.h"
#include "sw-window-roster.h"
#include "sw-workbook.h"

static void
roster_imported (SwRosterDialog *dialog,
                 guint           n_changed,
                 SwWindow       *window)
{
  g_autofree char *text = NULL;

  if (n_changed == 0)
    {
      sw_window_add_toast (window, adw_toast_new (_("The roster is up to date: nothing changed")));
      return;
    }

  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Imported %u person",
                                       "Imported %u people", n_changed),
                          n_changed);
  sw_window_add_undo_toast (window, text);
}

static void
import_roster_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SwWindow *window = SW_WINDOW (widget);
  SwOrganisation *org = sw_window_get_organisation (window);
  SwRosterDialog *dialog;

  if (org == NULL)
    return;

  dialog = sw_roster_dialog_new (GTK_WINDOW (window), org);
  sw_window_present_dialog (window, dialog, "imported", G_CALLBACK (roster_imported));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "roster.choose-file", NULL);
}

/* Writes @path for @window: FALSE with @error set when it could not, FALSE
 * without an error when the window has nothing to write any more. */
typedef gboolean (*SaveFunc) (SwWindow    *window,
                              const char  *path,
                              GError     **error);

/* The strings are translations, which live as long as the program. */
typedef struct
{
  SwWindow   *window;
  SaveFunc    save;
  const char *saved_format;   /* the toast, "%s" the file's name */
  const char *error_heading;
} SaveRequest;

static void
save_request_free (gpointer data)
{
  SaveRequest *request = data;

  g_clear_object (&request->window);
  g_free (request);
}

/* The path chosen in @chooser, or NULL when cancelled or not local. */
static char *
chosen_path (GtkNativeDialog *chooser,
             int              response)
{
  g_autoptr(GFile) file = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    return NULL;

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  return file != NULL ? g_file_get_path (file) : NULL;
}

static void
save_response (GtkNativeDialog *chooser,
               int              response,
               SaveRequest     *request)
{
  g_autofree char *path = chosen_path (chooser, response);
  g_autoptr(GError) error = NULL;

  if (path != NULL)
    {
      if (request->save (request->window, path, &error))
        {
          g_autofree char *name = g_path_get_basename (path);
          g_autofree char *text = g_strdup_printf (request->saved_format, name);

          sw_window_add_toast (request->window, adw_toast_new (text));
        }
      else if (error != NULL)
        sw_window_show_error (request->window, request->error_heading, error);
    }

  g_object_unref (chooser);
}

/* Asks where to save, offering @file_name and the files matching
 * @pattern, then writes there with @save; the toast that follows says
 * @saved_format, an error dialog @error_heading. */
static void
ask_save (SwWindow   *window,
          const char *title,
          const char *file_name,
          const char *filter_name,
          const char *pattern,
          SaveFunc    save,
          const char *saved_format,
          const char *error_heading)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  SaveRequest *request = g_new0 (SaveRequest, 1);

  request->window = g_object_ref (window);
  request->save = save;
  request->saved_format = saved_format;
  request->error_heading = error_heading;

  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (window),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, filter_name);
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), file_name);
  g_object_set_data_full (G_OBJECT (chooser), "sw-save-request", request, save_request_free);
  g_signal_connect (chooser, "response", G_CALLBACK (save_response), request);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static gboolean
save_roster (SwWindow    *window,
             const char  *path,
             GError     **error)
{
  SwOrganisation *org = sw_window_get_organisation (window);

  return org != NULL && sw_roster_export_to_file (org, path, error);
}

static void
export_roster_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SwWindow *window = SW_WINDOW (widget);

  if (sw_window_get_organisation (window) == NULL)
    return;

  ask_save (window, _("Export Roster"),
            sw_roster_use_chinese () ? "人员名单.csv" : "roster.csv",
            _("CSV Files"), "*.csv",
            save_roster, _("Roster saved as “%s”"), _("Could Not Export the Roster"));
}

static gboolean
save_workbook (SwWindow    *window,
               const char  *path,
               GError     **error)
{
  SwOrganisation *org = sw_window_get_organisation (window);
  SwPlan *plan = sw_window_get_plan (window);

  return org != NULL && plan != NULL && sw_workbook_write_roles (org, plan, path, error);
}

static void
export_workbook_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  SwWindow *window = SW_WINDOW (widget);
  SwPlan *plan = sw_window_get_plan (window);
  g_autofree char *name = NULL;

  if (plan == NULL)
    {
      g_autoptr(GError) error = g_error_new_literal (SW_CORE_ERROR, SW_CORE_ERROR_NOT_FOUND,
                                                     _("Open or make a plan first."));

      sw_window_show_error (window, _("No Plan"), error);
      return;
    }

  /* "<plan title> 人员分工表.xlsx", without characters file systems refuse. */
  name = g_strdup_printf ("%s %s.xlsx", sw_plan_get_title (plan),
                          sw_roster_use_chinese () ? "人员分工表" : _("roles"));
  g_strdelimit (name, "/\\:*?\"<>|\n\r\t", '_');

  ask_save (window, _("Export Workbook"), name, _("Excel Workbooks"), "*.xlsx",
            save_workbook, _("Workbook saved as “%s”"), _("Could Not Export the Workbook"));
}

void
sw_window_roster_class_init (GtkWidgetClass *window_class)
{
  gtk_widget_class_install_action (window_class, "win.import-roster", NULL, import_roster_action);
  gtk_widget_class_install_action (window_class, "win.export-roster", NULL, export_roster_action);
  gtk_widget_class_install_action (window_class, "win.export-workbook", NULL, export_workbook_action);
}
