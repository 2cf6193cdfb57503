/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "sw-cli-common.h"
#include "sw-publish-job.h"

#define PASSWORD_VARIABLE "SERVWEEK_CALDAV_PASSWORD"

/* The password: the first line of @file (which only its owner may read),
 * else $SERVWEEK_CALDAV_PASSWORD.  Never printed. */
static char *
read_password (const char  *file,
               GError     **error)
{
  const char *variable = g_getenv (PASSWORD_VARIABLE);
  g_autofree char *contents = NULL;
  GStatBuf st;
  char *end;

  if (file == NULL)
    {
      if (variable == NULL)
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                       _("publish: give the server password with --password-file FILE or in $%s"),
                       PASSWORD_VARIABLE);
          return NULL;
        }
      return g_strdup (variable);
    }

  if (g_stat (file, &st) != 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("publish: cannot read the password file “%s”: %s"), file, g_strerror (saved));
      return NULL;
    }
  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                   _("publish: the password file “%s” is not a file"), file);
      return NULL;
    }
  if ((st.st_mode & (S_IRWXG | S_IRWXO)) != 0)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_PERM,
                   _("publish: others can read the password file “%s”; make it private with “chmod 600”"),
                   file);
      return NULL;
    }
  if (!g_file_get_contents (file, &contents, NULL, error))
    return NULL;
  end = strpbrk (contents, "\r\n");
  if (end != NULL)
    *end = '\0';
  if (*contents == '\0')
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                   _("publish: the password file “%s” is empty"), file);
      return NULL;
    }

  return g_steal_pointer (&contents);
}

static gboolean
print_summary (SwPublisher  *publisher,
               GError      **error)
{
  GPtrArray *conflicts = sw_publisher_get_conflicts (publisher);
  g_autoptr(GString) out = g_string_new (NULL);

  g_string_append_printf (out, _("%u calendars published: %u items sent, %u removed, %u calendars removed\n"),
                          sw_publisher_get_n_calendars (publisher), sw_publisher_get_n_put (publisher),
                          sw_publisher_get_n_deleted (publisher),
                          sw_publisher_get_n_removed_calendars (publisher));
  for (guint i = 0; i < conflicts->len; i++)
    {
      SwPublishConflict *conflict = g_ptr_array_index (conflicts, i);

      g_string_append_printf (out, conflict->removal
                                ? _("changed on the server, not removed: %s: %s\n")
                                : _("changed on the server, not replaced: %s: %s\n"),
                              conflict->calendar_name, conflict->summary);
    }
  if (conflicts->len > 0)
    g_string_append (out, _("Publish again with --overwrite to put the plan’s version over these, "
                            "or with --keep to keep the server’s.\n"));

  return sw_cli_write_stdout (out->str, out->len, error);
}

/* servweek-cli publish [--plan ID] [--server URL] [--user NAME]
 *                      [--password-file FILE] [--phones|--no-phones]
 *                      [--overwrite|--keep] [--renew PERSON] */
int
sw_cli_cmd_publish (SwCliContext  *ctx,
                    int            argc,
                    char         **argv,
                    GError       **error)
{
  g_autofree char *plan_arg = NULL;
  g_autofree char *server = NULL;
  g_autofree char *user = NULL;
  g_autofree char *password_file = NULL;
  g_autofree char *renew_arg = NULL;
  g_autofree char *password = NULL;
  gboolean phones = FALSE, no_phones = FALSE, overwrite = FALSE, keep = FALSE;
  const GOptionEntry entries[] = {
    { "server", 0, 0, G_OPTION_ARG_STRING, &server,
      N_("The address of the account’s calendars on the CalDAV server (remembered)"), N_("URL") },
    { "user", 0, 0, G_OPTION_ARG_STRING, &user,
      N_("The account’s user name (remembered)"), N_("NAME") },
    { "password-file", 0, 0, G_OPTION_ARG_FILENAME, &password_file,
      N_("Read the password from this file, which only you may read (else $SERVWEEK_CALDAV_PASSWORD)"),
      N_("FILE") },
    { "phones", 0, 0, G_OPTION_ARG_NONE, &phones,
      N_("Show the staff’s phone numbers in the calendars (remembered)"), NULL },
    { "no-phones", 0, 0, G_OPTION_ARG_NONE, &no_phones,
      N_("Leave the staff’s phone numbers out of the calendars (remembered; the default)"), NULL },
    { "overwrite", 0, 0, G_OPTION_ARG_NONE, &overwrite,
      N_("Put the plan’s version over items changed on the server"), NULL },
    { "keep", 0, 0, G_OPTION_ARG_NONE, &keep,
      N_("Keep the server’s version of items changed there"), NULL },
    { "renew", 0, 0, G_OPTION_ARG_STRING, &renew_arg,
      N_("Give this person a new subscription address; the old one stops working"), N_("PERSON") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(SwStore) store = NULL;
  g_autoptr(SwPublishJob) job = NULL;
  g_autoptr(GError) local = NULL;
  SwPerson *renew_person = NULL;
  SwPublisher *publisher;
  SwPlan *plan;

  if (!sw_cli_parse_plan_options (ctx, &plan_arg, entries, &argc, &argv, 0, error))
    return SW_CLI_EXIT_FAILURE;
  if (overwrite && keep)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("publish: give --overwrite or --keep, not both"));
      return SW_CLI_EXIT_FAILURE;
    }
  if (phones && no_phones)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("publish: give --phones or --no-phones, not both"));
      return SW_CLI_EXIT_FAILURE;
    }
  if (server != NULL && !sw_publish_check_server (server, &local))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, "publish: %s", local->message);
      return SW_CLI_EXIT_FAILURE;
    }

  plan = sw_cli_open_plan (ctx, FALSE, plan_arg, &store, error);
  if (plan == NULL)
    return SW_CLI_EXIT_FAILURE;
  if (sw_store_is_read_only (store))
    {
      g_set_error (error, SW_STORE_ERROR, SW_STORE_ERROR_READ_ONLY,
                   _("%s: the database cannot be written, so what the server confirms could not be "
                     "remembered"), ctx->db_path);
      return SW_CLI_EXIT_FAILURE;
    }
  if (renew_arg != NULL)
    {
      renew_person = sw_cli_resolve_person (sw_store_get_organisation (store), renew_arg, NULL, error);
      if (renew_person == NULL)
        return SW_CLI_EXIT_FAILURE;
    }
  job = sw_publish_job_new (store, plan);
  sw_publish_job_set_server (job, server);
  sw_publish_job_set_user (job, user);
  if (phones || no_phones)
    sw_publish_job_set_include_phones (job, phones);
  sw_publish_job_set_conflicts (job, overwrite ? SW_PUBLISH_CONFLICTS_OVERWRITE
                                     : keep ? SW_PUBLISH_CONFLICTS_KEEP
                                     : SW_PUBLISH_CONFLICTS_REPORT);
  sw_publish_job_set_renew (job, renew_person);
  /* Where to publish, known before the password is asked for. */
  if (!sw_publish_job_load (job, &local))
    {
      if (g_error_matches (local, SW_CALDAV_ERROR, SW_CALDAV_ERROR_INVALID_URL))
        g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                             _("publish: this plan has no calendar server yet; give --server URL and --user NAME"));
      else
        g_propagate_error (error, g_steal_pointer (&local));
      return SW_CLI_EXIT_FAILURE;
    }
  password = read_password (password_file, error);
  if (password == NULL)
    return SW_CLI_EXIT_FAILURE;
  sw_publish_job_set_password (job, password);
  if (!sw_publish_job_run (job, NULL, error))
    return SW_CLI_EXIT_FAILURE;

  publisher = sw_publish_job_get_publisher (job);
  if (!print_summary (publisher, error))
    return SW_CLI_EXIT_FAILURE;

  return sw_publisher_get_conflicts (publisher)->len > 0 ? SW_CLI_EXIT_PROBLEMS : SW_CLI_EXIT_OK;
}

static void
append_subscription (SwPerson   *person,
                     const char *url,
                     gpointer    user_data)
{
  SwDepartment *department = sw_person_get_department (person);

  g_string_append_printf (user_data, "%s\t%s\t%s\n", sw_person_get_name (person),
                          department != NULL ? sw_department_get_name (department) : "", url);
}

/* servweek-cli subscriptions [--plan ID] [--webcal]: name, department and
 * subscription address of each person with a published calendar. */
int
sw_cli_cmd_subscriptions (SwCliContext  *ctx,
                          int            argc,
                          char         **argv,
                          GError       **error)
{
  g_autofree char *plan_arg = NULL;
  gboolean webcal = FALSE;
  const GOptionEntry entries[] = {
    { "webcal", 0, 0, G_OPTION_ARG_NONE, &webcal,
      N_("Give webcal:// addresses (for Outlook, Apple Calendar and Google Calendar)"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(SwStore) store = NULL;
  g_autoptr(SwPublishState) state = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  SwPlan *plan;

  if (!sw_cli_parse_plan_options (ctx, &plan_arg, entries, &argc, &argv, 0, error))
    return SW_CLI_EXIT_FAILURE;
  plan = sw_cli_open_plan (ctx, TRUE, plan_arg, &store, error);
  if (plan == NULL)
    return SW_CLI_EXIT_FAILURE;
  state = sw_store_load_publish_state (store, plan, error);
  if (state == NULL)
    return SW_CLI_EXIT_FAILURE;

  sw_publish_foreach_subscription (sw_store_get_organisation (store), state, webcal, append_subscription, out);

  return sw_cli_write_stdout (out->str, out->len, error) ? SW_CLI_EXIT_OK : SW_CLI_EXIT_FAILURE;
}
