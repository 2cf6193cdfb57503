/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sw-cli-common.h"

/* TSV fields hold no tab or line break. */
static void
append_field (GString    *out,
              const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    g_string_append_c (out, *p == '\t' || *p == '\n' || *p == '\r' ? ' ' : *p);
}

static void
append_tsv (GString        *out,
            SwChangeNotice *notice)
{
  SwDepartment *department = sw_person_get_department (notice->person);

  for (guint i = 0; i < notice->changes->len; i++)
    {
      SwChange *change = g_ptr_array_index (notice->changes, i);

      append_field (out, sw_person_get_name (notice->person));
      g_string_append_c (out, '\t');
      append_field (out, department != NULL ? sw_department_get_name (department) : "");
      g_string_append_printf (out, "\t%s\t%s\t", sw_change_kind_to_nick (change->kind), change->slot_uid);
      append_field (out, change->old);
      g_string_append_c (out, '\t');
      append_field (out, change->new);
      g_string_append_c (out, '\n');
    }
}

/* servweek-cli changes [--plan ID] [--person P] [--format text|tsv]: the
 * change notices of everyone whose duties differ from what they last
 * received; exit 1 when there are any. */
int
sw_cli_cmd_changes (SwCliContext  *ctx,
                    int            argc,
                    char         **argv,
                    GError       **error)
{
  g_autofree char *plan_arg = NULL;
  g_autofree char *person_arg = NULL;
  g_autofree char *department_arg = NULL;
  g_autofree char *format = NULL;
  const GOptionEntry entries[] = {
    { "person", 0, 0, G_OPTION_ARG_STRING, &person_arg,
      N_("Only this person’s notice"), N_("NAME") },
    { "department", 0, 0, G_OPTION_ARG_STRING, &department_arg,
      N_("The person’s department, when two people share the name"), N_("DEPARTMENT") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format,
      N_("text (a notice per person, the default) or tsv (name, department, kind, slot uid, old, new)"),
      N_("FORMAT") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(SwStore) store = NULL;
  g_autoptr(SwReceived) received = NULL;
  g_autoptr(GPtrArray) notices = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  SwPerson *person = NULL;
  gboolean tsv;
  SwPlan *plan;

  if (!sw_cli_parse_plan_options (ctx, &plan_arg, entries, &argc, &argv, 0, error))
    return SW_CLI_EXIT_FAILURE;
  if (format != NULL && !g_str_equal (format, "text") && !g_str_equal (format, "tsv"))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("changes: unknown format “%s” (text or tsv)"), format);
      return SW_CLI_EXIT_FAILURE;
    }
  tsv = format != NULL && g_str_equal (format, "tsv");

  plan = sw_cli_open_plan (ctx, TRUE, plan_arg, &store, error);
  if (plan == NULL)
    return SW_CLI_EXIT_FAILURE;
  if (person_arg != NULL)
    {
      person = sw_cli_resolve_person (sw_store_get_organisation (store), person_arg, department_arg, error);
      if (person == NULL)
        return SW_CLI_EXIT_FAILURE;
    }
  received = sw_store_load_received (store, plan, error);
  if (received == NULL)
    return SW_CLI_EXIT_FAILURE;

  notices = sw_change_notices (sw_store_get_organisation (store), plan, received, person);
  for (guint i = 0; i < notices->len; i++)
    {
      SwChangeNotice *notice = g_ptr_array_index (notices, i);

      if (tsv)
        append_tsv (out, notice);
      else
        g_string_append_printf (out, "%s%s\n", i > 0 ? "\n" : "", notice->text);
    }
  if (!sw_cli_write_stdout (out->str, out->len, error))
    return SW_CLI_EXIT_FAILURE;

  return notices->len > 0 ? SW_CLI_EXIT_PROBLEMS : SW_CLI_EXIT_OK;
}
