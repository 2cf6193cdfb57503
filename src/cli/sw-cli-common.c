/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "sw-cli-common.h"

const SwCliCommand *
sw_cli_find_command (const char *name)
{
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; sw_cli_commands[i].name != NULL; i++)
    if (g_str_equal (sw_cli_commands[i].name, name))
      return &sw_cli_commands[i];

  return NULL;
}

gboolean
sw_cli_parse_options (SwCliContext        *ctx,
                      const GOptionEntry  *entries,
                      int                 *argc,
                      char              ***argv,
                      int                  max_positional,
                      GError             **error)
{
  g_autoptr(GOptionContext) options = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *prgname = NULL;

  g_return_val_if_fail (ctx != NULL && ctx->command != NULL, FALSE);

  /* --help prints "Usage: servweek-cli COMMAND [OPTION…]". */
  prgname = g_strdup_printf ("servweek-cli %s", ctx->command->name);
  g_set_prgname (prgname);

  options = g_option_context_new (ctx->command->parameters);
  g_option_context_set_translation_domain (options, GETTEXT_PACKAGE);
  g_option_context_set_summary (options, _(ctx->command->summary));
  if (entries != NULL)
    g_option_context_add_main_entries (options, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (options, argc, argv, &local_error))
    {
      g_set_error (error, G_OPTION_ERROR, local_error->code,
                   "%s: %s", ctx->command->name, local_error->message);
      return FALSE;
    }

  /* argv[0] stays the command name; a leftover "--" is not an argument. */
  for (int i = 1; i < *argc; i++)
    {
      if (g_str_equal ((*argv)[i], "--"))
        {
          memmove (&(*argv)[i], &(*argv)[i + 1], sizeof (char *) * (*argc - i));
          (*argc)--;
          break;
        }
    }

  if (*argc - 1 > max_positional)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   _("%s: unexpected argument “%s” (see “servweek-cli %s --help”)"),
                   ctx->command->name, (*argv)[max_positional + 1],
                   ctx->command->name);
      return FALSE;
    }

  return TRUE;
}

gboolean
sw_cli_parse_plan_options (SwCliContext        *ctx,
                           char               **plan_arg,
                           const GOptionEntry  *entries,
                           int                 *argc,
                           char              ***argv,
                           int                  max_positional,
                           GError             **error)
{
  const GOptionEntry plan_entry = {
    "plan", 0, 0, G_OPTION_ARG_STRING, plan_arg,
    N_("The plan (may be left out when the database holds one)"), N_("ID")
  };
  g_autoptr(GArray) all_entries = g_array_new (TRUE, TRUE, sizeof (GOptionEntry));

  g_array_append_val (all_entries, plan_entry);
  for (; entries != NULL && entries->long_name != NULL; entries++)
    g_array_append_val (all_entries, *entries);

  return sw_cli_parse_options (ctx, (GOptionEntry *) all_entries->data,
                               argc, argv, max_positional, error);
}

gboolean
sw_cli_require_option (SwCliContext  *ctx,
                       const char    *option,
                       const char    *value,
                       GError       **error)
{
  if (value != NULL)
    return TRUE;

  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
               _("%s: the option %s is required (see “servweek-cli %s --help”)"),
               ctx->command->name, option, ctx->command->name);
  return FALSE;
}

void
sw_cli_print_error (const GError *error)
{
  g_autofree char *message = NULL;

  g_return_if_fail (error != NULL);

  /* One line, whatever the message holds. */
  message = g_strdup (error->message);
  g_strstrip (message);
  for (char *p = message; *p != '\0'; p++)
    if (*p == '\n' || *p == '\r')
      *p = ' ';

  g_printerr ("servweek-cli: %s\n", message);
}

SwStore *
sw_cli_open_store (SwCliContext  *ctx,
                   gboolean       read_only,
                   GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  SwStore *store;

  store = sw_store_open (ctx->db_path,
                         read_only ? SW_STORE_OPEN_READ_ONLY : SW_STORE_OPEN_DEFAULT,
                         &local_error);
  /* A database of an older schema must be upgraded before anything can
   * read it: a command that only reads upgrades it too when the file can
   * be written. */
  if (store == NULL && read_only &&
      g_error_matches (local_error, SW_STORE_ERROR, SW_STORE_ERROR_READ_ONLY))
    {
      g_clear_error (&local_error);
      store = sw_store_open (ctx->db_path, SW_STORE_OPEN_DEFAULT, &local_error);
    }
  if (store == NULL)
    {
      if (g_error_matches (local_error, SW_STORE_ERROR, SW_STORE_ERROR_NOT_FOUND))
        g_set_error (error, SW_STORE_ERROR, SW_STORE_ERROR_NOT_FOUND,
                     _("%s: no such database (create it with “servweek-cli --db %s init”)"),
                     ctx->db_path, ctx->db_path);
      else
        g_set_error (error, local_error->domain, local_error->code,
                     "%s: %s", ctx->db_path, local_error->message);
      return NULL;
    }

  return store;
}

static char *
list_plan_ids (GListModel *plans)
{
  g_autoptr(GString) ids = g_string_new (NULL);
  guint n = g_list_model_get_n_items (plans);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwPlan) plan = g_list_model_get_item (plans, i);

      if (ids->len > 0)
        g_string_append (ids, ", ");
      g_string_append_printf (ids, "%" G_GINT64_FORMAT " (%s)",
                              sw_plan_get_id (plan), sw_plan_get_title (plan));
    }

  return g_string_free (g_steal_pointer (&ids), FALSE);
}

SwPlan *
sw_cli_resolve_plan (SwOrganisation  *org,
                     const char      *plan_arg,
                     GError         **error)
{
  GListModel *plans = sw_organisation_get_plans (org);
  guint n = g_list_model_get_n_items (plans);
  g_autofree char *ids = NULL;
  g_autofree char *id_text = g_strdup (plan_arg);
  gint64 id;
  SwPlan *found = NULL;
  guint matches = 0;

  if (n == 0)
    {
      g_set_error (error, SW_CORE_ERROR, SW_CORE_ERROR_NOT_FOUND,
                   _("The database holds no plan yet (make one with “new-plan” or “import-plan”)"));
      return NULL;
    }

  if (plan_arg == NULL)
    {
      g_autoptr(SwPlan) only = NULL;

      if (n == 1)
        {
          only = g_list_model_get_item (plans, 0);
          return only;  /* the organisation keeps it alive */
        }

      ids = list_plan_ids (plans);
      g_set_error (error, SW_CORE_ERROR, SW_CORE_ERROR_AMBIGUOUS,
                   _("The database holds %u plans; choose one with --plan ID (%s)"),
                   n, ids);
      return NULL;
    }

  if (g_ascii_string_to_signed (g_strstrip (id_text), 10, 1, G_MAXINT64, &id, NULL))
    {
      found = sw_organisation_find_plan (org, id);
      if (found != NULL)
        return found;
    }

  /* Not an id: a title unique in the database. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwPlan) plan = g_list_model_get_item (plans, i);

      if (g_str_equal (sw_plan_get_title (plan), plan_arg))
        {
          found = plan;
          matches++;
        }
    }

  if (matches == 1)
    return found;

  ids = list_plan_ids (plans);
  if (matches > 1)
    g_set_error (error, SW_CORE_ERROR, SW_CORE_ERROR_AMBIGUOUS,
                 _("More than one plan is called “%s”; choose one by id (%s)"),
                 plan_arg, ids);
  else
    g_set_error (error, SW_CORE_ERROR, SW_CORE_ERROR_NOT_FOUND,
                 _("No plan “%s” in the database (plans: %s)"), plan_arg, ids);
  return NULL;
}

SwPlan *
sw_cli_open_plan (SwCliContext  *ctx,
                  gboolean       read_only,
                  const char    *plan_arg,
                  SwStore      **out_store,
                  GError       **error)
{
  g_autoptr(SwStore) store = sw_cli_open_store (ctx, read_only, error);
  SwPlan *plan;

  if (store == NULL)
    return NULL;

  plan = sw_cli_resolve_plan (sw_store_get_organisation (store), plan_arg, error);
  if (plan == NULL)
    return NULL;

  *out_store = g_steal_pointer (&store);
  return plan;
}

SwSlot *
sw_cli_resolve_slot (SwPlan      *plan,
                     const char  *slot_arg,
                     GError     **error)
{
  GListModel *slots = sw_plan_get_slots (plan);
  guint n = g_list_model_get_n_items (slots);
  g_autoptr(GString) uids = g_string_new (NULL);
  SwSlot *found;
  guint matches = 0;

  found = sw_plan_find_slot_by_uid (plan, slot_arg);
  if (found != NULL)
    return found;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwSlot) slot = g_list_model_get_item (slots, i);

      if (g_str_equal (sw_slot_get_title (slot), slot_arg))
        {
          g_autofree char *start = sw_time_format_datetime (sw_slot_get_start (slot));

          found = slot;
          matches++;
          if (uids->len > 0)
            g_string_append (uids, ", ");
          g_string_append_printf (uids, "%s (%s)", sw_slot_get_uid (slot), start);
        }
    }

  if (matches == 1)
    return found;

  if (matches > 1)
    g_set_error (error, SW_CORE_ERROR, SW_CORE_ERROR_AMBIGUOUS,
                 _("%u slots are called “%s”; choose one by UID: %s"),
                 matches, slot_arg, uids->str);
  else
    g_set_error (error, SW_CORE_ERROR, SW_CORE_ERROR_NOT_FOUND,
                 _("No slot “%s” in plan “%s” (give a UID or a title, see “show”)"),
                 slot_arg, sw_plan_get_title (plan));
  return NULL;
}

SwPerson *
sw_cli_resolve_person (SwOrganisation  *org,
                       const char      *name,
                       const char      *department_arg,
                       GError         **error)
{
  GListModel *people = sw_organisation_get_people (org);
  guint n = g_list_model_get_n_items (people);
  g_autoptr(GString) departments = g_string_new (NULL);
  g_autoptr(GError) local_error = NULL;
  SwDepartment *department = NULL;
  SwPerson *person;
  guint matches = 0;

  if (department_arg != NULL)
    {
      department = sw_organisation_find_department (org, department_arg);
      if (department == NULL)
        {
          g_set_error (error, SW_CORE_ERROR, SW_CORE_ERROR_NOT_FOUND,
                       _("No department “%s”"), department_arg);
          return NULL;
        }
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwPerson) candidate = g_list_model_get_item (people, i);
      SwDepartment *dept = sw_person_get_department (candidate);

      if (!g_str_equal (sw_person_get_name (candidate), name))
        continue;
      if (department != NULL && dept != department)
        continue;

      matches++;
      if (departments->len > 0)
        g_string_append (departments, ", ");
      g_string_append (departments,
                       dept != NULL ? sw_department_get_name (dept) : _("no department"));
    }

  if (matches > 1 && department == NULL)
    {
      g_set_error (error, SW_CORE_ERROR, SW_CORE_ERROR_AMBIGUOUS,
                   _("%u people are called “%s”; add --department (%s)"),
                   matches, name, departments->str);
      return NULL;
    }

  if (matches == 0)
    {
      if (department != NULL)
        g_set_error (error, SW_CORE_ERROR, SW_CORE_ERROR_NOT_FOUND,
                     _("No person “%s” in department “%s”"), name, department_arg);
      else
        g_set_error (error, SW_CORE_ERROR, SW_CORE_ERROR_NOT_FOUND,
                     _("No person “%s” in the roster"), name);
      return NULL;
    }

  person = sw_organisation_find_person (org, name, department, &local_error);
  if (person == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, SW_CORE_ERROR, SW_CORE_ERROR_NOT_FOUND,
                     _("No person “%s” in the roster"), name);
      return NULL;
    }

  return person;
}

gboolean
sw_cli_parse_date (const char  *option,
                   const char  *text,
                   int         *out_day,
                   GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!sw_time_parse_date (text, out_day, &local_error))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("%s: “%s” is not a date (YYYY-MM-DD)"), option, text);
      return FALSE;
    }

  return TRUE;
}

gboolean
sw_cli_parse_datetime (const char  *option,
                       const char  *text,
                       gint64      *out_minutes,
                       GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *normalised = g_strdup (text);

  /* "2026-09-23 09:00" reads as well as "2026-09-23T09:00". */
  if (strlen (normalised) == 16 && normalised[10] == ' ')
    normalised[10] = 'T';

  if (!sw_time_parse_datetime (normalised, out_minutes, &local_error))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("%s: “%s” is not a date and time (YYYY-MM-DDTHH:MM)"),
                   option, text);
      return FALSE;
    }

  return TRUE;
}

gboolean
sw_cli_write_stdout (const char  *data,
                     gsize        length,
                     GError     **error)
{
  if ((length > 0 && fwrite (data, 1, length, stdout) != length)
      || fflush (stdout) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Cannot write to standard output: %s"),
                   g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}
