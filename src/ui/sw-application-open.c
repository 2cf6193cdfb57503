/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "sw-application-open.h"
#include "sw-window-calendars.h"
#include "sw-plan-file.h"

gboolean
sw_application_file_is_calendar (GFile *file)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *name = g_file_get_basename (file);
  const char *type;

  if (name != NULL && (g_str_has_suffix (name, ".ics") || g_str_has_suffix (name, ".ICS") ||
                       g_str_has_suffix (name, ".ical") || g_str_has_suffix (name, ".ifb")))
    return TRUE;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_CONTENT_TYPE,
                            G_FILE_QUERY_INFO_NONE, NULL, NULL);
  type = info != NULL ? g_file_info_get_content_type (info) : NULL;

  return type != NULL && g_content_type_is_a (type, "text/calendar");
}

static char *
display_name_of (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);

  return g_filename_display_name (name != NULL ? name : "");
}

static void
open_calendar (SwWindow *window,
               GFile    *file)
{
  SwOrganisation *org = sw_window_get_organisation (window);
  SwPlan *plan = sw_window_get_plan (window);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *display = display_name_of (file);

  if (org == NULL || plan == NULL)
    {
      g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           _("Busy times are read for the days of a plan; create a plan first"));
      sw_window_show_error (window, _("Could Not Import Busy Times"), error);
      return;
    }

  bytes = g_file_load_bytes (file, NULL, NULL, &error);
  if (bytes == NULL)
    {
      sw_window_show_error (window, _("Could Not Import Busy Times"), error);
      return;
    }

  /* The dialog asks whose busy times they are. */
  sw_window_import_busy (window, display, bytes);
}

typedef struct
{
  SwWindow *window;
  GBytes   *bytes;
} ImportData;

static void
import_data_free (gpointer  data,
                  GClosure *closure)
{
  ImportData *import = data;

  g_clear_object (&import->window);
  g_clear_pointer (&import->bytes, g_bytes_unref);
  g_free (import);
}

static void
import_response (AdwMessageDialog *dialog,
                 const char       *response,
                 ImportData       *import)
{
  g_autoptr(GError) error = NULL;
  SwOrganisation *org;
  SwPlan *plan;
  g_autofree char *text = NULL;

  if (g_strcmp0 (response, "import") != 0)
    return;

  org = sw_window_get_organisation (import->window);
  if (org == NULL)
    return;

  plan = sw_plan_file_import (org, import->bytes, &error);
  if (plan == NULL)
    {
      sw_window_show_error (import->window, _("Could Not Import the Plan"), error);
      return;
    }

  sw_window_set_plan (import->window, plan);
  /* Translators: a toast after a plan file was imported */
  text = g_strdup_printf (_("Imported “%s”"), sw_plan_get_title (plan));
  sw_window_add_toast (import->window, adw_toast_new (text));
}

/* The plan's title in the file, or NULL when the file is not a plan. */
static char *
plan_title_of (GBytes *bytes)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root, *plan;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  if (!json_parser_load_from_data (parser, data, (gssize) size, NULL))
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return NULL;
  root = json_node_get_object (json_parser_get_root (parser));
  if (!json_object_has_member (root, "plan") ||
      !JSON_NODE_HOLDS_OBJECT (json_object_get_member (root, "plan")))
    return NULL;
  plan = json_object_get_object_member (root, "plan");

  return g_strdup (json_object_get_string_member_with_default (plan, "title", ""));
}

static void
open_plan_file (SwWindow *window,
                GFile    *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *title = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *display = display_name_of (file);
  ImportData *import;
  AdwMessageDialog *dialog;

  if (sw_window_get_organisation (window) == NULL)
    return;

  bytes = g_file_load_bytes (file, NULL, NULL, &error);
  if (bytes == NULL)
    {
      sw_window_show_error (window, _("Could Not Import the Plan"), error);
      return;
    }

  title = plan_title_of (bytes);
  if (title == NULL || title[0] == '\0')
    {
      g_free (title);
      title = g_strdup (display);
    }

  /* Translators: asked when a plan file is opened from a file manager */
  heading = g_strdup_printf (_("Import plan “%s”?"), title);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (window), heading, NULL));
  adw_message_dialog_format_body (dialog,
                                  _("The plan of “%s” is added to the database; its departments and "
                                    "people are merged into the roster."),
                                  display);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "import", _("_Import"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "import", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "import");
  adw_message_dialog_set_close_response (dialog, "cancel");

  import = g_new0 (ImportData, 1);
  import->window = g_object_ref (window);
  import->bytes = g_steal_pointer (&bytes);
  g_signal_connect_data (dialog, "response", G_CALLBACK (import_response),
                         import, import_data_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
sw_application_open_file (SwWindow *window,
                          GFile    *file)
{
  g_return_if_fail (SW_IS_WINDOW (window));
  g_return_if_fail (G_IS_FILE (file));

  if (sw_window_get_read_only (window))
    {
      g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_READ_ONLY,
                                                     _("The database cannot be written"));
      sw_window_show_error (window, _("Could Not Open the File"), error);
      return;
    }

  if (sw_application_file_is_calendar (file))
    open_calendar (window, file);
  else
    open_plan_file (window, file);
}
