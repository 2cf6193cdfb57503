/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include <gio/gunixoutputstream.h>
#include <unistd.h>

#include "sw-cli-common.h"
#include "sw-export-job.h"
#include "sw-ics-busy.h"
#include "sw-ics-exporter.h"

#define MAX_REMINDER_MINUTES (7 * 24 * 60)

/* Exactly one target, a reminder in range, and no empty file or folder
 * name. */
static gboolean
check_export_targets (const char  *out,
                      const char  *per_person,
                      const char  *per_department,
                      int          reminder,
                      GError     **error)
{
  int n_targets = (out != NULL) + (per_person != NULL) + (per_department != NULL);

  if (n_targets != 1)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("export-ics: give exactly one of --out FILE, --per-person DIR "
                             "and --per-department DIR"));
      return FALSE;
    }
  if (reminder != -1 && (reminder < 0 || reminder > MAX_REMINDER_MINUTES))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("export-ics: --reminder must be between 0 and %d minutes"),
                   MAX_REMINDER_MINUTES);
      return FALSE;
    }
  if ((out != NULL && *out == '\0') || (per_person != NULL && *per_person == '\0') ||
      (per_department != NULL && *per_department == '\0'))
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("export-ics: the file or folder name is empty"));
      return FALSE;
    }

  return TRUE;
}

/* A folder to write into may be missing (it is made), but nothing else
 * may stand in its place. */
static gboolean
check_export_folder (const char  *folder,
                     GError     **error)
{
  if (folder != NULL && g_file_test (folder, G_FILE_TEST_EXISTS) &&
      !g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, SW_ICS_ERROR, SW_ICS_ERROR_IO, _("“%s” is not a folder"), folder);
      return FALSE;
    }

  return TRUE;
}

/* The export is remembered in the database for the next one, so it has
 * to be writable. */
static SwStore *
open_store_for_export (SwCliContext  *ctx,
                       GError       **error)
{
  g_autoptr(SwStore) store = sw_cli_open_store (ctx, FALSE, error);

  if (store == NULL)
    return NULL;
  if (sw_store_is_read_only (store))
    {
      g_set_error (error, SW_STORE_ERROR, SW_STORE_ERROR_READ_ONLY,
                   _("%s: the database cannot be written, so the export could not be remembered "
                     "for the next one"), ctx->db_path);
      return NULL;
    }

  return g_steal_pointer (&store);
}

/* Prints the path of each file, in one write for thousands of lines. */
static gboolean
print_paths (GPtrArray   *files,
             const char  *out,
             const char  *folder,
             GError     **error)
{
  g_autoptr(GString) paths = g_string_new (NULL);

  if (out != NULL && g_str_equal (out, "-"))
    return TRUE;
  if (out != NULL)
    g_string_append_printf (paths, "%s\n", out);
  for (guint i = 0; out == NULL && i < files->len; i++)
    {
      SwIcsFile *file = g_ptr_array_index (files, i);
      g_autofree char *path = g_build_filename (folder, file->file_name, NULL);

      g_string_append_printf (paths, "%s\n", path);
    }

  return sw_cli_write_stdout (paths->str, paths->len, error);
}

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
  g_autoptr(SwExportJob) job = NULL;
  g_autoptr(GPtrArray) files = NULL;
  SwOrganisation *org;
  SwPlan *plan;
  SwIcsScope scope;
  const char *folder = NULL;

  if (!sw_cli_parse_plan_options (ctx, &plan_arg, entries, &argc, &argv, 0, error))
    return SW_CLI_EXIT_FAILURE;
  if (!check_export_targets (out, per_person, per_department, reminder, error))
    return SW_CLI_EXIT_FAILURE;

  if (out != NULL)
    scope = SW_ICS_SCOPE_PLAN;
  else if (per_person != NULL)
    scope = SW_ICS_SCOPE_PERSON, folder = per_person;
  else
    scope = SW_ICS_SCOPE_DEPARTMENT, folder = per_department;

  if (!check_export_folder (folder, error))
    return SW_CLI_EXIT_FAILURE;

  store = open_store_for_export (ctx, error);
  if (store == NULL)
    return SW_CLI_EXIT_FAILURE;
  org = sw_store_get_organisation (store);

  plan = sw_cli_resolve_plan (org, plan_arg, error);
  if (plan == NULL)
    return SW_CLI_EXIT_FAILURE;

  job = sw_export_job_new (org, plan, store, scope, tasks, reminder);
  if (g_strcmp0 (out, "-") == 0)
    {
      g_autoptr(GOutputStream) stream = g_unix_output_stream_new (STDOUT_FILENO, FALSE);

      return sw_export_job_run_to_stream (job, stream, NULL, error) ? SW_CLI_EXIT_OK : SW_CLI_EXIT_FAILURE;
    }

  files = sw_export_job_run (job, out != NULL ? out : folder, NULL, error);
  if (files == NULL)
    return SW_CLI_EXIT_FAILURE;

  if (!print_paths (files, out, folder, error))
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
