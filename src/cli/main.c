/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>

#include <glib/gi18n-lib.h>

#include "sw-cli-common.h"
#include "sw-locale.h"

const SwCliCommand sw_cli_commands[] = {
  { "init", NULL,
    N_("Create the database (with --sample: and the sample service week plan)."),
    sw_cli_cmd_init },
  { "plans", NULL,
    N_("List the plans: id, title, first day, last day (tab-separated)."),
    sw_cli_cmd_plans },
  { "new-plan", NULL,
    N_("Make a plan and print its id."),
    sw_cli_cmd_new_plan },
  { "show", NULL,
    N_("Show a plan as text: committees, days, slots, duties, people, tasks."),
    sw_cli_cmd_show },
  { "check", NULL,
    N_("List the open problems of a plan (--accepted: and the accepted ones); exit with status 1 when any is open."),
    sw_cli_cmd_check },
  { "import-plan", N_("FILE.json"),
    N_("Import a plan exchange file (“-” reads standard input) and print the new plan’s id."),
    sw_cli_cmd_import_plan },
  { "export-plan", N_("FILE.json"),
    N_("Write a plan exchange file (“-” writes to standard output)."),
    sw_cli_cmd_export_plan },
  { "assign", NULL,
    N_("Put a person on a slot, filling a duty (without --duty: as an attendee)."),
    sw_cli_cmd_assign },
  { "unassign", NULL,
    N_("Take a person off a slot."),
    sw_cli_cmd_unassign },
  { "move-slot", NULL,
    N_("Move or resize a slot."),
    sw_cli_cmd_move_slot },
  { "import-roster", N_("FILE.csv"),
    N_("Import people from a roster spreadsheet saved as CSV and print the report."),
    sw_cli_cmd_import_roster },
  { "export-roster", N_("FILE.csv"),
    N_("Write the roster as CSV for Excel and WPS (“-” writes to standard output)."),
    sw_cli_cmd_export_roster },
  { "print", NULL,
    N_("Print a sheet of a plan (roles, week, slips or the published calendars’ subscriptions) or the "
       "sign-in sheet of a slot (signin) to a PDF file, or the roles sheet to a workbook."),
    sw_cli_cmd_print },
  { "export-ics", NULL,
    N_("Write calendar files (.ics): the whole plan, one per person or one per department."),
    sw_cli_cmd_export_ics },
  { "publish", NULL,
    N_("Publish the plan’s calendars to a CalDAV server (one per person, department and the plan), sending only what changed."),
    sw_cli_cmd_publish },
  { "subscriptions", NULL,
    N_("List each person’s subscription address: name, department, URL (tab-separated)."),
    sw_cli_cmd_subscriptions },
  { "changes", NULL,
    N_("Print what changed for each person since the calendar they last received; exit with status 1 "
       "when anybody must be told."),
    sw_cli_cmd_changes },
  { "import-busy", N_("FILE.ics"),
    N_("Store a person’s busy times from their own calendar file."),
    sw_cli_cmd_import_busy },
  { "autofill", NULL,
    N_("Fill the empty duties with free people, fairly, and say why the rest stay empty (--dry-run: only show it)."),
    sw_cli_cmd_autofill },
  { "candidates", NULL,
    N_("Rank the people for a slot’s duty as the Assign picker does: name, department, problem kinds (tab-separated)."),
    sw_cli_cmd_candidates },
  { "rules", NULL,
    N_("Show the plan rules (travel buffer, hours per day, duties) and name order, or set them as one undoable step."),
    sw_cli_cmd_rules },
  { NULL, NULL, NULL, NULL },
};

static char *
describe_commands (void)
{
  g_autoptr(GString) text = g_string_new (_("Commands:"));

  for (guint i = 0; sw_cli_commands[i].name != NULL; i++)
    g_string_append_printf (text, "\n  %-13s %s",
                            sw_cli_commands[i].name,
                            _(sw_cli_commands[i].summary));

  g_string_append (text, "\n\n");
  g_string_append (text, _("“servweek-cli COMMAND --help” shows the options of a command."));
  g_string_append_c (text, '\n');
  g_string_append (text, _("The database is $SERVWEEK_DB when set, else $XDG_DATA_HOME/servweek/servweek.db."));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *db_path = NULL;
  gboolean version = FALSE;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path,
      N_("The database file (default: the embedded default database)"), N_("FILE") },
    { "version", 0, 0, G_OPTION_ARG_NONE, &version,
      N_("Print the version and exit"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) options = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  const SwCliCommand *command;
  SwCliContext ctx = { NULL, NULL };
  int status;

  sw_locale_init ();

  g_set_prgname ("servweek-cli");

  options = g_option_context_new (_("COMMAND [ARGUMENT…]"));
  g_option_context_set_translation_domain (options, GETTEXT_PACKAGE);
  g_option_context_set_summary (options, _("Plan a service week from the command line."));
  description = describe_commands ();
  g_option_context_set_description (options, description);
  g_option_context_add_main_entries (options, entries, GETTEXT_PACKAGE);
  /* Global options end at the command: the rest belongs to it. */
  g_option_context_set_strict_posix (options, TRUE);

  if (!g_option_context_parse (options, &argc, &argv, &error))
    {
      sw_cli_print_error (error);
      return SW_CLI_EXIT_FAILURE;
    }

  if (version)
    {
      g_print ("servweek-cli %s\n", PACKAGE_VERSION);
      return SW_CLI_EXIT_OK;
    }

  if (argc < 2)
    {
      g_set_error_literal (&error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("no command given (see “servweek-cli --help”)"));
      sw_cli_print_error (error);
      return SW_CLI_EXIT_FAILURE;
    }

  command = sw_cli_find_command (argv[1]);
  if (command == NULL)
    {
      g_set_error (&error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   _("unknown command “%s” (see “servweek-cli --help”)"), argv[1]);
      sw_cli_print_error (error);
      return SW_CLI_EXIT_FAILURE;
    }

  if (db_path == NULL)
    db_path = sw_store_default_path ();
  if (db_path == NULL || *db_path == '\0')
    {
      g_set_error_literal (&error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("no database path (give --db FILE)"));
      sw_cli_print_error (error);
      return SW_CLI_EXIT_FAILURE;
    }

  ctx.db_path = db_path;
  ctx.command = command;

  status = command->func (&ctx, argc - 1, argv + 1, &error);

  if (error != NULL)
    {
      sw_cli_print_error (error);
      return SW_CLI_EXIT_FAILURE;
    }

  return status;
}
