/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sw-cli-common.h"
#include "sw-ics-busy.h"
#include "sw-ics-exporter.h"

#define MAX_REMINDER_MINUTES (7 * 24 * 60)

int
sw_cli_cmd_export_ics (SwCliContext  *ctx,
                       int            argc,
                       char         **argv,
                       GError       **error)
{
  g_autofree char *plan_arg = NULL;
  g_autofree char *out = NULL;
  g_autofree char *per_person = NULL;
  g_autofree char *per_department = NULL;
  gboolean tasks = FALSE;
  int reminder = -1;
  const GOptionEntry entries[] = {
    { "plan", 0, 0, G_OPTION_ARG_STRING, &plan_arg,
      N_("The plan (may be left out when the database holds one)"), N_("ID") },
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out,
      N_("Write the whole plan as one file (“-”: standard output)"), N_("FILE") },
    { "per-person", 0, 0, G_OPTION_ARG_FILENAME, &per_person,
      N_("Write one file per person into this folder"), N_("DIR") },
    { "per-department", 0, 0, G_OPTION_ARG_FILENAME, &per_department,
      N_("Write one file per department into this folder"), N_("DIR") },
    { "tasks", 0, 0, G_OPTION_ARG_NONE, &tasks,
      N_("Include the tasks as to-dos"), NULL },
    { "reminder", 0, 0, G_OPTION_ARG_INT, &reminder,
      N_("Add a reminder this many minutes before each event"), N_("MINUTES") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(SwStore) store = NULL;
  g_autoptr(SwCalendarState) state = NULL;
  g_autoptr(SwIcsExporter) exporter = NULL;
  g_autoptr(GPtrArray) files = NULL;
  SwOrganisation *org;
  SwPlan *plan;
  SwIcsScope scope;
  const char *folder = NULL;
  int n_targets;

  if (!sw_cli_parse_options (ctx, entries, &argc, &argv, 0, error))
    return SW_CLI_EXIT_FAILURE;

  n_targets = (out != NULL) + (per_person != NULL) + (per_department != NULL);
  if (n_targets != 1)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("export-ics: give exactly one of --out FILE, --per-person DIR "
                             "and --per-department DIR"));
      return SW_CLI_EXIT_FAILURE;
    }
  if (reminder != -1 && (reminder < 0 || reminder > MAX_REMINDER_MINUTES))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("export-ics: --reminder must be between 0 and %d minutes"),
                   MAX_REMINDER_MINUTES);
      return SW_CLI_EXIT_FAILURE;
    }
  if ((out != NULL && *out == '\0') || (per_person != NULL && *per_person == '\0') ||
      (per_department != NULL && *per_department == '\0'))
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("export-ics: the file or folder name is empty"));
      return SW_CLI_EXIT_FAILURE;
    }

  if (out != NULL)
    scope = SW_ICS_SCOPE_PLAN;
  else if (per_person != NULL)
    scope = SW_ICS_SCOPE_PERSON, folder = per_person;
  else
    scope = SW_ICS_SCOPE_DEPARTMENT, folder = per_department;

  if (folder != NULL && g_file_test (folder, G_FILE_TEST_EXISTS) &&
      !g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, SW_ICS_ERROR, SW_ICS_ERROR_IO, _("“%s” is not a folder"), folder);
      return SW_CLI_EXIT_FAILURE;
    }

  store = sw_cli_open_store (ctx, FALSE, error);
  if (store == NULL)
    return SW_CLI_EXIT_FAILURE;
  if (sw_store_is_read_only (store))
    {
      g_set_error (error, SW_STORE_ERROR, SW_STORE_ERROR_READ_ONLY,
                   _("%s: the database cannot be written, so the export could not be remembered "
                     "for the next one"), ctx->db_path);
      return SW_CLI_EXIT_FAILURE;
    }
  org = sw_store_get_organisation (store);

  plan = sw_cli_resolve_plan (org, plan_arg, error);
  if (plan == NULL)
    return SW_CLI_EXIT_FAILURE;

  state = sw_store_load_calendar_state (store, plan, error);
  if (state == NULL)
    return SW_CLI_EXIT_FAILURE;

  exporter = sw_ics_exporter_new (org, plan, state);
  sw_ics_exporter_set_include_tasks (exporter, tasks);
  sw_ics_exporter_set_reminder_minutes (exporter, reminder);
  files = sw_ics_exporter_export (exporter, scope, error);
  if (files == NULL)
    return SW_CLI_EXIT_FAILURE;

  if (out != NULL && g_str_equal (out, "-"))
    {
      SwIcsFile *file = g_ptr_array_index (files, 0);
      gsize length;
      const char *data = g_bytes_get_data (file->bytes, &length);

      if (!sw_cli_write_stdout (data, length, error))
        return SW_CLI_EXIT_FAILURE;
    }
  else if (out != NULL)
    {
      if (!sw_ics_file_write (g_ptr_array_index (files, 0), out, error))
        return SW_CLI_EXIT_FAILURE;
      g_print ("%s\n", out);
    }
  else
    {
      if (!sw_ics_files_write_to_folder (files, folder, error))
        return SW_CLI_EXIT_FAILURE;
      for (guint i = 0; i < files->len; i++)
        {
          SwIcsFile *file = g_ptr_array_index (files, i);
          g_autofree char *path = g_build_filename (folder, file->file_name, NULL);

          g_print ("%s\n", path);
        }
    }

  /* Only once every file is written: what the files now say. */
  if (!sw_store_save_calendar_state (store, plan, state, error))
    return SW_CLI_EXIT_FAILURE;

  return SW_CLI_EXIT_OK;
}

int
sw_cli_cmd_import_busy (SwCliContext  *ctx,
                        int            argc,
                        char         **argv,
                        GError       **error)
{
  g_autofree char *plan_arg = NULL;
  g_autofree char *person_arg = NULL;
  g_autofree char *department_arg = NULL;
  const GOptionEntry entries[] = {
    { "plan", 0, 0, G_OPTION_ARG_STRING, &plan_arg,
      N_("The plan whose days count (may be left out when the database holds one)"), N_("ID") },
    { "person", 0, 0, G_OPTION_ARG_STRING, &person_arg,
      N_("The person whose calendar it is"), N_("NAME") },
    { "department", 0, 0, G_OPTION_ARG_STRING, &department_arg,
      N_("The person’s department, when two people share the name"), N_("DEPARTMENT") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(SwStore) store = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) periods = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *contents = NULL;
  SwOrganisation *org;
  SwPlan *plan;
  SwPerson *person;
  const char *file;
  gsize length;
  guint added = 0;

  if (!sw_cli_parse_options (ctx, entries, &argc, &argv, 1, error))
    return SW_CLI_EXIT_FAILURE;
  if (!sw_cli_require_option (ctx, "--person", person_arg, error))
    return SW_CLI_EXIT_FAILURE;
  if (argc < 2)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("import-busy: name the calendar file (see “servweek-cli import-busy --help”)"));
      return SW_CLI_EXIT_FAILURE;
    }
  file = argv[1];

  /* Read the file before the database is opened: a bad file changes nothing. */
  if (!g_file_get_contents (file, &contents, &length, &local_error))
    {
      g_set_error (error, SW_ICS_ERROR, SW_ICS_ERROR_IO, "%s", local_error->message);
      return SW_CLI_EXIT_FAILURE;
    }
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);

  store = sw_cli_open_store (ctx, FALSE, error);
  if (store == NULL)
    return SW_CLI_EXIT_FAILURE;
  org = sw_store_get_organisation (store);

  if ((plan = sw_cli_resolve_plan (org, plan_arg, error)) == NULL ||
      (person = sw_cli_resolve_person (org, person_arg, department_arg, error)) == NULL)
    return SW_CLI_EXIT_FAILURE;

  periods = sw_ics_busy_read (bytes, plan, &local_error);
  if (periods == NULL)
    {
      g_set_error (error, local_error->domain, local_error->code,
                   "%s: %s", file, local_error->message);
      return SW_CLI_EXIT_FAILURE;
    }

  if (!sw_ics_busy_add (org, person, periods, &added, error))
    return SW_CLI_EXIT_FAILURE;

  if (added == 0)
    g_print (_("%s already has every busy time of %s\n"), sw_person_get_name (person), file);
  else
    g_print (g_dngettext (GETTEXT_PACKAGE, "Added %u busy time for %s\n",
                          "Added %u busy times for %s\n", added),
             added, sw_person_get_name (person));

  return SW_CLI_EXIT_OK;
}
