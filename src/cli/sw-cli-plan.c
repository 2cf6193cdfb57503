/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <stdio.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "sw-cli-common.h"
#include "sw-plan-file.h"

/* Removes a database file this command created, with SQLite's side files,
 * so that a failed `init` leaves nothing behind. */
static void
remove_created_database (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      if (g_unlink (file) != 0 && errno != ENOENT)
        g_warning ("Cannot remove %s: %s", file, g_strerror (errno));
    }
}

int
sw_cli_cmd_init (SwCliContext  *ctx,
                 int            argc,
                 char         **argv,
                 GError       **error)
{
  gboolean sample = FALSE;
  const GOptionEntry entries[] = {
    { "sample", 0, 0, G_OPTION_ARG_NONE, &sample,
      N_("Add the sample service week plan (September 20–26 of this year)"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(SwStore) store = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *dir = NULL;
  gboolean existed;

  if (!sw_cli_parse_options (ctx, entries, &argc, &argv, 0, error))
    return SW_CLI_EXIT_FAILURE;

  existed = g_file_test (ctx->db_path, G_FILE_TEST_EXISTS);

  if (!existed)
    {
      dir = g_path_get_dirname (ctx->db_path);
      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          int saved_errno = errno;

          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                       _("Cannot create the folder %s: %s"), dir, g_strerror (saved_errno));
          return SW_CLI_EXIT_FAILURE;
        }
    }

  store = sw_store_open (ctx->db_path, SW_STORE_OPEN_CREATE, &local_error);
  if (store == NULL)
    {
      g_set_error (error, local_error->domain, local_error->code,
                   "%s: %s", ctx->db_path, local_error->message);
      return SW_CLI_EXIT_FAILURE;
    }

  if (existed && !sw_store_is_empty (store))
    {
      g_set_error (error, SW_STORE_ERROR, SW_STORE_ERROR_IO,
                   _("%s already exists and holds data; nothing was changed"),
                   ctx->db_path);
      return SW_CLI_EXIT_FAILURE;
    }

  if (sample)
    {
      SwOrganisation *org = sw_store_get_organisation (store);
      SwPlan *plan;

      plan = sw_plan_file_new_from_template (org, "service-week", NULL,
                                             G_MININT, G_MININT, NULL,
                                             &local_error);
      if (plan == NULL)
        {
          g_set_error (error, local_error->domain, local_error->code,
                       _("Cannot add the sample plan: %s"), local_error->message);
          g_clear_object (&store);
          if (!existed)
            remove_created_database (ctx->db_path);
          return SW_CLI_EXIT_FAILURE;
        }
    }

  return SW_CLI_EXIT_OK;
}

/* A title on one line, so that the tab-separated listing stays parseable. */
static char *
one_line (const char *text)
{
  char *line = g_strdup (text);

  for (char *p = line; *p != '\0'; p++)
    if (*p == '\t' || *p == '\n' || *p == '\r')
      *p = ' ';

  return line;
}

int
sw_cli_cmd_plans (SwCliContext  *ctx,
                  int            argc,
                  char         **argv,
                  GError       **error)
{
  g_autoptr(SwStore) store = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  GListModel *plans;
  guint n;

  if (!sw_cli_parse_options (ctx, NULL, &argc, &argv, 0, error))
    return SW_CLI_EXIT_FAILURE;

  store = sw_cli_open_store (ctx, TRUE, error);
  if (store == NULL)
    return SW_CLI_EXIT_FAILURE;

  plans = sw_organisation_get_plans (sw_store_get_organisation (store));
  n = g_list_model_get_n_items (plans);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwPlan) plan = g_list_model_get_item (plans, i);
      g_autofree char *title = one_line (sw_plan_get_title (plan));
      g_autofree char *first = sw_time_format_date (sw_plan_get_first_day (plan));
      g_autofree char *last = sw_time_format_date (sw_plan_get_last_day (plan));

      g_string_append_printf (out, "%" G_GINT64_FORMAT "\t%s\t%s\t%s\n",
                              sw_plan_get_id (plan), title, first, last);
    }

  if (!sw_cli_write_stdout (out->str, out->len, error))
    return SW_CLI_EXIT_FAILURE;

  return SW_CLI_EXIT_OK;
}

static gboolean
template_exists (const char *name,
                 char      **out_known)
{
  const char * const *templates = sw_plan_file_list_templates ();

  for (guint i = 0; templates[i] != NULL; i++)
    if (g_str_equal (templates[i], name))
      return TRUE;

  *out_known = g_strjoinv (", ", (char **) templates);
  return FALSE;
}

/* What new-plan is asked for: the options as given, and the days they name. */
typedef struct
{
  char *title;
  char *first_text;
  char *last_text;
  char *time_zone;
  char *template_name;
  int   first_day;
  int   last_day;
} NewPlanOptions;

static void
new_plan_options_clear (NewPlanOptions *options)
{
  g_clear_pointer (&options->title, g_free);
  g_clear_pointer (&options->first_text, g_free);
  g_clear_pointer (&options->last_text, g_free);
  g_clear_pointer (&options->time_zone, g_free);
  g_clear_pointer (&options->template_name, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (NewPlanOptions, new_plan_options_clear)

/* Checks the options and reads the days, before the database is opened. */
static gboolean
new_plan_check_options (SwCliContext    *ctx,
                        NewPlanOptions  *options,
                        GError         **error)
{
  g_autofree char *known = NULL;
  g_autofree char *stripped = NULL;

  if (!sw_cli_require_option (ctx, "--title", options->title, error)
      || !sw_cli_require_option (ctx, "--first", options->first_text, error)
      || !sw_cli_require_option (ctx, "--last", options->last_text, error))
    return FALSE;

  stripped = g_strstrip (g_strdup (options->title));
  if (*stripped == '\0')
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("--title: the title must not be empty"));
      return FALSE;
    }

  if (!sw_cli_parse_date ("--first", options->first_text, &options->first_day, error)
      || !sw_cli_parse_date ("--last", options->last_text, &options->last_day, error))
    return FALSE;

  if (options->last_day < options->first_day)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--last: %s is before the first day %s"),
                   options->last_text, options->first_text);
      return FALSE;
    }

  if (options->time_zone != NULL && !sw_time_zone_is_valid (options->time_zone))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--tz: “%s” is not a known time zone (e.g. Asia/Shanghai)"),
                   options->time_zone);
      return FALSE;
    }

  if (options->template_name != NULL && !template_exists (options->template_name, &known))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--template: no template “%s” (templates: %s)"),
                   options->template_name, known);
      return FALSE;
    }

  return TRUE;
}

/* Makes the plan, from the template when one is asked for; the
 * organisation holds it.  NULL on failure. */
static SwPlan *
new_plan_create (SwOrganisation  *org,
                 NewPlanOptions  *options,
                 GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  SwPlan *plan;

  if (options->template_name != NULL)
    {
      plan = sw_plan_file_new_from_template (org, options->template_name, options->title,
                                             options->first_day, options->last_day,
                                             options->time_zone, &local_error);
      if (plan == NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }
  else
    {
      const char *time_zone = options->time_zone != NULL ? options->time_zone : "Asia/Shanghai";
      g_autoptr(SwPlan) new_plan = sw_plan_new (options->title, options->first_day,
                                                options->last_day, time_zone);

      if (!sw_edit_add (org, org, "plans", new_plan, error))
        return NULL;
      plan = new_plan;  /* the organisation holds it now */
    }

  return plan;
}

int
sw_cli_cmd_new_plan (SwCliContext  *ctx,
                     int            argc,
                     char         **argv,
                     GError       **error)
{
  g_auto(NewPlanOptions) options = { NULL, };
  const GOptionEntry entries[] = {
    { "title", 0, 0, G_OPTION_ARG_STRING, &options.title,
      N_("The plan’s title"), N_("TITLE") },
    { "first", 0, 0, G_OPTION_ARG_STRING, &options.first_text,
      N_("The first day"), N_("YYYY-MM-DD") },
    { "last", 0, 0, G_OPTION_ARG_STRING, &options.last_text,
      N_("The last day"), N_("YYYY-MM-DD") },
    { "tz", 0, 0, G_OPTION_ARG_STRING, &options.time_zone,
      N_("The IANA time zone (default: Asia/Shanghai)"), N_("ZONE") },
    { "template", 0, 0, G_OPTION_ARG_STRING, &options.template_name,
      N_("Start from a built-in template (service-week, service-week-en, empty)"), N_("TEMPLATE") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(SwStore) store = NULL;
  SwPlan *plan;

  if (!sw_cli_parse_options (ctx, entries, &argc, &argv, 0, error))
    return SW_CLI_EXIT_FAILURE;

  if (!new_plan_check_options (ctx, &options, error))
    return SW_CLI_EXIT_FAILURE;

  store = sw_cli_open_store (ctx, FALSE, error);
  if (store == NULL)
    return SW_CLI_EXIT_FAILURE;

  plan = new_plan_create (sw_store_get_organisation (store), &options, error);
  if (plan == NULL)
    return SW_CLI_EXIT_FAILURE;

  g_print ("%" G_GINT64_FORMAT "\n", sw_plan_get_id (plan));
  return SW_CLI_EXIT_OK;
}

static GBytes *
read_input (const char  *file,
            GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  char *contents = NULL;
  gsize length = 0;

  if (g_str_equal (file, "-"))
    {
      g_autoptr(GByteArray) data = g_byte_array_new ();
      guint8 buffer[8192];
      size_t got;

      while ((got = fread (buffer, 1, sizeof buffer, stdin)) > 0)
        g_byte_array_append (data, buffer, got);

      if (ferror (stdin))
        {
          int saved_errno = errno;

          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                       _("Cannot read standard input: %s"), g_strerror (saved_errno));
          return NULL;
        }

      return g_byte_array_free_to_bytes (g_steal_pointer (&data));
    }

  if (!g_file_get_contents (file, &contents, &length, &local_error))
    {
      g_set_error_literal (error, local_error->domain, local_error->code,
                           local_error->message);
      return NULL;
    }

  return g_bytes_new_take (contents, length);
}

int
sw_cli_cmd_import_plan (SwCliContext  *ctx,
                        int            argc,
                        char         **argv,
                        GError       **error)
{
  g_autoptr(SwStore) store = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *file;
  SwPlan *plan;

  if (!sw_cli_parse_options (ctx, NULL, &argc, &argv, 1, error))
    return SW_CLI_EXIT_FAILURE;

  if (argc < 2)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("import-plan: name the plan file (see “servweek-cli import-plan --help”)"));
      return SW_CLI_EXIT_FAILURE;
    }
  file = argv[1];

  /* Read the file before the database is opened: a bad file changes nothing. */
  bytes = read_input (file, error);
  if (bytes == NULL)
    return SW_CLI_EXIT_FAILURE;

  store = sw_cli_open_store (ctx, FALSE, error);
  if (store == NULL)
    return SW_CLI_EXIT_FAILURE;

  plan = sw_plan_file_import (sw_store_get_organisation (store), bytes, &local_error);
  if (plan == NULL)
    {
      g_set_error (error, local_error->domain, local_error->code,
                   "%s: %s", g_str_equal (file, "-") ? _("standard input") : file,
                   local_error->message);
      return SW_CLI_EXIT_FAILURE;
    }

  g_print ("%" G_GINT64_FORMAT "\n", sw_plan_get_id (plan));
  return SW_CLI_EXIT_OK;
}

int
sw_cli_cmd_export_plan (SwCliContext  *ctx,
                        int            argc,
                        char         **argv,
                        GError       **error)
{
  g_autofree char *plan_arg = NULL;
  g_autoptr(SwStore) store = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *file;
  const char *data;
  gsize length;
  SwPlan *plan;

  if (!sw_cli_parse_plan_options (ctx, &plan_arg, NULL, &argc, &argv, 1, error))
    return SW_CLI_EXIT_FAILURE;

  if (argc < 2)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("export-plan: name the file to write, or “-” (see “servweek-cli export-plan --help”)"));
      return SW_CLI_EXIT_FAILURE;
    }
  file = argv[1];

  plan = sw_cli_open_plan (ctx, TRUE, plan_arg, &store, error);
  if (plan == NULL)
    return SW_CLI_EXIT_FAILURE;

  bytes = sw_plan_file_export (sw_store_get_organisation (store), plan);
  data = g_bytes_get_data (bytes, &length);

  if (g_str_equal (file, "-"))
    {
      if (!sw_cli_write_stdout (data, length, error))
        return SW_CLI_EXIT_FAILURE;
    }
  else
    {
      g_autofree char *dir = g_path_get_dirname (file);

      /* GLib would name its temporary file in the message. */
      if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
        {
          g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT,
                       _("Cannot write %s: the folder %s does not exist"), file, dir);
          return SW_CLI_EXIT_FAILURE;
        }
      if (!g_file_set_contents (file, data, length, &local_error))
        {
          g_set_error_literal (error, local_error->domain, local_error->code,
                               local_error->message);
          return SW_CLI_EXIT_FAILURE;
        }
    }

  return SW_CLI_EXIT_OK;
}
