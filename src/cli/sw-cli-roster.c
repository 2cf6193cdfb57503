/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sw-cli-common.h"
#include "sw-roster-export.h"
#include "sw-roster-import.h"

int
sw_cli_cmd_import_roster (SwCliContext  *ctx,
                          int            argc,
                          char         **argv,
                          GError       **error)
{
  gboolean dry_run = FALSE;
  const GOptionEntry entries[] = {
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run,
      N_("Only print the report; change nothing"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(SwStore) store = NULL;
  g_autoptr(SwRosterImport) import = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *report = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const char *file;
  gsize length;
  guint changed = 0;

  if (!sw_cli_parse_options (ctx, entries, &argc, &argv, 1, error))
    return SW_CLI_EXIT_FAILURE;

  if (argc < 2)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("import-roster: name the CSV file (see “servweek-cli import-roster --help”)"));
      return SW_CLI_EXIT_FAILURE;
    }
  file = argv[1];

  /* Read the file before the database is opened: a bad file changes nothing. */
  if (!g_file_get_contents (file, &contents, &length, &local_error))
    {
      g_set_error (error, SW_ROSTER_ERROR, SW_ROSTER_ERROR_READ,
                   "%s", local_error->message);
      return SW_CLI_EXIT_FAILURE;
    }
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);

  store = sw_cli_open_store (ctx, dry_run, error);
  if (store == NULL)
    return SW_CLI_EXIT_FAILURE;

  import = sw_roster_import_new (sw_store_get_organisation (store));
  if (!sw_roster_import_load (import, bytes, &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code,
                   "%s: %s", file, local_error->message);
      return SW_CLI_EXIT_FAILURE;
    }

  if (!sw_roster_import_has_name_column (import))
    {
      g_auto(GStrv) headers = sw_roster_import_dup_ignored_columns (import);
      g_autofree char *names = g_strjoinv (", ", headers);

      g_set_error (error, SW_ROSTER_ERROR, SW_ROSTER_ERROR_NO_NAME_COLUMN,
                   _("%s: no column holds the names (the columns are: %s; "
                     "name one 姓名 or Name)"), file, names);
      return SW_CLI_EXIT_FAILURE;
    }

  report = sw_roster_import_format_report (import);
  if (!sw_cli_write_stdout (report, strlen (report), error))
    return SW_CLI_EXIT_FAILURE;

  if (sw_roster_import_get_n_usable (import) == 0)
    {
      g_set_error (error, SW_ROSTER_ERROR, SW_ROSTER_ERROR_NOTHING_USABLE,
                   _("%s: no row can be imported; nothing was changed"), file);
      return SW_CLI_EXIT_FAILURE;
    }

  if (dry_run)
    {
      g_print ("%s\n", _("Dry run: nothing was changed."));
      return SW_CLI_EXIT_OK;
    }

  if (!sw_roster_import_apply (import, &changed, &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("%s: nothing was imported: %s"), file, local_error->message);
      return SW_CLI_EXIT_FAILURE;
    }

  g_print (g_dngettext (GETTEXT_PACKAGE,
                        "Imported: %u person added or updated.\n",
                        "Imported: %u people added or updated.\n", changed),
           changed);

  return SW_CLI_EXIT_OK;
}

int
sw_cli_cmd_export_roster (SwCliContext  *ctx,
                          int            argc,
                          char         **argv,
                          GError       **error)
{
  g_autoptr(SwStore) store = NULL;
  SwOrganisation *org;
  const char *file;

  if (!sw_cli_parse_options (ctx, NULL, &argc, &argv, 1, error))
    return SW_CLI_EXIT_FAILURE;

  if (argc < 2)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("export-roster: name the file to write, or “-” (see “servweek-cli export-roster --help”)"));
      return SW_CLI_EXIT_FAILURE;
    }
  file = argv[1];

  store = sw_cli_open_store (ctx, TRUE, error);
  if (store == NULL)
    return SW_CLI_EXIT_FAILURE;
  org = sw_store_get_organisation (store);

  if (g_str_equal (file, "-"))
    {
      g_autoptr(GBytes) bytes = sw_roster_export (org);
      gsize length;
      const char *data = g_bytes_get_data (bytes, &length);

      if (!sw_cli_write_stdout (data, length, error))
        return SW_CLI_EXIT_FAILURE;
    }
  else if (!sw_roster_export_to_file (org, file, error))
    return SW_CLI_EXIT_FAILURE;

  return SW_CLI_EXIT_OK;
}
