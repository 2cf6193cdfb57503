/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sw-core.h"
#include "sw-store.h"

G_BEGIN_DECLS

/* Exit statuses of servweek-cli. */
enum
{
  SW_CLI_EXIT_OK       = 0,
  SW_CLI_EXIT_PROBLEMS = 1,  /* `check` found problems */
  SW_CLI_EXIT_FAILURE  = 2,  /* bad usage or bad input */
};

typedef struct _SwCliCommand SwCliCommand;

/* What every command gets: the database path (--db or the default) and
 * its own entry of the command table. */
typedef struct
{
  const char         *db_path;
  const SwCliCommand *command;
} SwCliContext;

/*
 * A command: parses its own options from @argv (argv[0] is the command
 * name) and returns an exit status.  When it returns SW_CLI_EXIT_FAILURE it
 * sets @error, which main() prints as one line on stderr.
 */
typedef int (*SwCliCommandFunc) (SwCliContext  *ctx,
                                 int            argc,
                                 char         **argv,
                                 GError       **error);

struct _SwCliCommand
{
  const char       *name;
  const char       *parameters;  /* after the command name in --help */
  const char       *summary;     /* untranslated; translated when shown */
  SwCliCommandFunc  func;
};

/* The command table, NULL-name terminated (main.c). */
extern const SwCliCommand sw_cli_commands[];

const SwCliCommand *sw_cli_find_command (const char *name);

/* Parses the options of @command with @entries (may be NULL).  On return
 * *argc / *argv hold the positional arguments after argv[0].  Sets a usage
 * error when more than @max_positional positional arguments remain. */
gboolean  sw_cli_parse_options      (SwCliContext        *ctx,
                                     const GOptionEntry  *entries,
                                     int                 *argc,
                                     char              ***argv,
                                     int                  max_positional,
                                     GError             **error);

/* As sw_cli_parse_options(), with the --plan option before @entries; the
 * plan it names is left in *@plan_arg (to be freed). */
gboolean  sw_cli_parse_plan_options (SwCliContext        *ctx,
                                     char               **plan_arg,
                                     const GOptionEntry  *entries,
                                     int                 *argc,
                                     char              ***argv,
                                     int                  max_positional,
                                     GError             **error);

/* Sets a usage error "COMMAND: --OPTION is required" and returns FALSE
 * when @value is NULL. */
gboolean  sw_cli_require_option     (SwCliContext        *ctx,
                                     const char          *option,
                                     const char          *value,
                                     GError             **error);

/* Prints "servweek-cli: MESSAGE" as one line on stderr. */
void      sw_cli_print_error        (const GError        *error);

/* Opens the database of @ctx (never creates it). */
SwStore  *sw_cli_open_store         (SwCliContext        *ctx,
                                     gboolean             read_only,
                                     GError             **error);

/* The plan named by @plan_arg (an id, or a title unique in the database);
 * with @plan_arg NULL the only plan of the database. */
SwPlan   *sw_cli_resolve_plan       (SwOrganisation      *org,
                                     const char          *plan_arg,
                                     GError             **error);

/* Opens the database of @ctx (see sw_cli_open_store()) and finds the
 * plan named by @plan_arg in it (see sw_cli_resolve_plan()); the database,
 * left in *@out_store, keeps the plan alive. */
SwPlan   *sw_cli_open_plan          (SwCliContext        *ctx,
                                     gboolean             read_only,
                                     const char          *plan_arg,
                                     SwStore            **out_store,
                                     GError             **error);

/* A slot of @plan by UID, or by a title unique in the plan. */
SwSlot   *sw_cli_resolve_slot       (SwPlan              *plan,
                                     const char          *slot_arg,
                                     GError             **error);

/* A person by name, within the department named @department_arg when
 * given. */
SwPerson *sw_cli_resolve_person     (SwOrganisation      *org,
                                     const char          *name,
                                     const char          *department_arg,
                                     GError             **error);

/* "YYYY-MM-DD" → day; names @option in the error. */
gboolean  sw_cli_parse_date         (const char          *option,
                                     const char          *text,
                                     int                 *out_day,
                                     GError             **error);

/* "YYYY-MM-DDTHH:MM" (or with a space instead of T) → minutes. */
gboolean  sw_cli_parse_datetime     (const char          *option,
                                     const char          *text,
                                     gint64              *out_minutes,
                                     GError             **error);

/* Writes @text to stdout as it is (no charset conversion); FALSE with
 * @error when stdout cannot be written. */
gboolean  sw_cli_write_stdout       (const char          *data,
                                     gsize                length,
                                     GError             **error);

/* The command implementations. */
int sw_cli_cmd_init        (SwCliContext *ctx, int argc, char **argv, GError **error);
int sw_cli_cmd_plans       (SwCliContext *ctx, int argc, char **argv, GError **error);
int sw_cli_cmd_new_plan    (SwCliContext *ctx, int argc, char **argv, GError **error);
int sw_cli_cmd_show        (SwCliContext *ctx, int argc, char **argv, GError **error);
int sw_cli_cmd_check       (SwCliContext *ctx, int argc, char **argv, GError **error);
int sw_cli_cmd_import_plan (SwCliContext *ctx, int argc, char **argv, GError **error);
int sw_cli_cmd_export_plan (SwCliContext *ctx, int argc, char **argv, GError **error);
int sw_cli_cmd_assign      (SwCliContext *ctx, int argc, char **argv, GError **error);
int sw_cli_cmd_unassign    (SwCliContext *ctx, int argc, char **argv, GError **error);
int sw_cli_cmd_move_slot   (SwCliContext *ctx, int argc, char **argv, GError **error);

/* Roster spreadsheets (sw-cli-roster.c). */
int sw_cli_cmd_import_roster (SwCliContext *ctx, int argc, char **argv, GError **error);
int sw_cli_cmd_export_roster (SwCliContext *ctx, int argc, char **argv, GError **error);

/* Printed sheets (sw-cli-print.c). */
int sw_cli_cmd_print (SwCliContext *ctx, int argc, char **argv, GError **error);

/* Calendars (sw-cli-ics.c). */
int sw_cli_cmd_export_ics  (SwCliContext *ctx, int argc, char **argv, GError **error);
int sw_cli_cmd_publish     (SwCliContext *ctx, int argc, char **argv, GError **error);
int sw_cli_cmd_subscriptions (SwCliContext *ctx, int argc, char **argv, GError **error);
int sw_cli_cmd_changes (SwCliContext *ctx, int argc, char **argv, GError **error);
int sw_cli_cmd_import_busy (SwCliContext *ctx, int argc, char **argv, GError **error);

/* Auto-fill (sw-cli-autofill.c). */
int sw_cli_cmd_autofill (SwCliContext *ctx, int argc, char **argv, GError **error);

/* The picker's ranking and the plan rules (sw-cli-assign.c). */
int sw_cli_cmd_candidates (SwCliContext *ctx, int argc, char **argv, GError **error);
int sw_cli_cmd_rules      (SwCliContext *ctx, int argc, char **argv, GError **error);

G_END_DECLS
