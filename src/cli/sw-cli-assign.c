/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sw-cli-common.h"

/* The duty names of @slot, for an error message. */
static char *
list_duties (SwSlot *slot)
{
  GListModel *duties = sw_slot_get_duties (slot);
  guint n = g_list_model_get_n_items (duties);
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwDuty) duty = g_list_model_get_item (duties, i);

      if (names->len > 0)
        g_string_append (names, ", ");
      g_string_append (names, sw_duty_get_name (duty));
    }

  return g_string_free (g_steal_pointer (&names), FALSE);
}

/* The duty of @slot named @name, or NULL with an error that lists the
 * duties (@no_duties, with the slot's title, when it has none). */
static SwDuty *
find_duty (SwSlot      *slot,
           const char  *name,
           const char  *no_duties,
           GError     **error)
{
  SwDuty *duty = sw_slot_find_duty (slot, name);
  g_autofree char *duties = NULL;

  if (duty != NULL)
    return duty;

  duties = list_duties (slot);
  if (*duties == '\0')
    g_set_error (error, SW_CORE_ERROR, SW_CORE_ERROR_NOT_FOUND, no_duties,
                 sw_slot_get_title (slot));
  else
    g_set_error (error, SW_CORE_ERROR, SW_CORE_ERROR_NOT_FOUND,
                 _("Slot “%s” has no duty “%s” (duties: %s)"),
                 sw_slot_get_title (slot), name, duties);
  return NULL;
}

int
sw_cli_cmd_assign (SwCliContext  *ctx,
                   int            argc,
                   char         **argv,
                   GError       **error)
{
  g_autofree char *plan_arg = NULL;
  g_autofree char *slot_arg = NULL;
  g_autofree char *person_arg = NULL;
  g_autofree char *department_arg = NULL;
  g_autofree char *duty_arg = NULL;
  const GOptionEntry entries[] = {
    { "plan", 0, 0, G_OPTION_ARG_STRING, &plan_arg,
      N_("The plan (may be left out when the database holds one)"), N_("ID") },
    { "slot", 0, 0, G_OPTION_ARG_STRING, &slot_arg,
      N_("The slot: its UID, or its title when that is unique"), N_("SLOT") },
    { "person", 0, 0, G_OPTION_ARG_STRING, &person_arg,
      N_("The person’s name"), N_("NAME") },
    { "department", 0, 0, G_OPTION_ARG_STRING, &department_arg,
      N_("The person’s department, when two people share the name"), N_("DEPARTMENT") },
    { "duty", 0, 0, G_OPTION_ARG_STRING, &duty_arg,
      N_("The duty to fill (without it: an attendee)"), N_("DUTY") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(SwStore) store = NULL;
  SwOrganisation *org;
  SwPlan *plan;
  SwSlot *slot;
  SwPerson *person;
  SwDuty *duty = NULL;

  if (!sw_cli_parse_options (ctx, entries, &argc, &argv, 0, error))
    return SW_CLI_EXIT_FAILURE;

  if (!sw_cli_require_option (ctx, "--slot", slot_arg, error)
      || !sw_cli_require_option (ctx, "--person", person_arg, error))
    return SW_CLI_EXIT_FAILURE;

  store = sw_cli_open_store (ctx, FALSE, error);
  if (store == NULL)
    return SW_CLI_EXIT_FAILURE;
  org = sw_store_get_organisation (store);

  if ((plan = sw_cli_resolve_plan (org, plan_arg, error)) == NULL
      || (slot = sw_cli_resolve_slot (plan, slot_arg, error)) == NULL
      || (person = sw_cli_resolve_person (org, person_arg, department_arg, error)) == NULL)
    return SW_CLI_EXIT_FAILURE;

  if (duty_arg != NULL &&
      (duty = find_duty (slot, duty_arg,
                         _("Slot “%s” has no duties; leave out --duty to add an attendee"),
                         error)) == NULL)
    return SW_CLI_EXIT_FAILURE;

  if (sw_slot_find_assignment (slot, person) != NULL)
    {
      g_set_error (error, SW_CORE_ERROR, SW_CORE_ERROR_CONFLICT,
                   _("%s is already on slot “%s” (unassign first to change the duty)"),
                   sw_person_get_name (person), sw_slot_get_title (slot));
      return SW_CLI_EXIT_FAILURE;
    }

  if (!sw_edit_assign (org, slot, person, duty, error))
    return SW_CLI_EXIT_FAILURE;

  return SW_CLI_EXIT_OK;
}

int
sw_cli_cmd_unassign (SwCliContext  *ctx,
                     int            argc,
                     char         **argv,
                     GError       **error)
{
  g_autofree char *plan_arg = NULL;
  g_autofree char *slot_arg = NULL;
  g_autofree char *person_arg = NULL;
  g_autofree char *department_arg = NULL;
  const GOptionEntry entries[] = {
    { "plan", 0, 0, G_OPTION_ARG_STRING, &plan_arg,
      N_("The plan (may be left out when the database holds one)"), N_("ID") },
    { "slot", 0, 0, G_OPTION_ARG_STRING, &slot_arg,
      N_("The slot: its UID, or its title when that is unique"), N_("SLOT") },
    { "person", 0, 0, G_OPTION_ARG_STRING, &person_arg,
      N_("The person’s name"), N_("NAME") },
    { "department", 0, 0, G_OPTION_ARG_STRING, &department_arg,
      N_("The person’s department, when two people share the name"), N_("DEPARTMENT") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(SwStore) store = NULL;
  SwOrganisation *org;
  SwPlan *plan;
  SwSlot *slot;
  SwPerson *person;

  if (!sw_cli_parse_options (ctx, entries, &argc, &argv, 0, error))
    return SW_CLI_EXIT_FAILURE;

  if (!sw_cli_require_option (ctx, "--slot", slot_arg, error)
      || !sw_cli_require_option (ctx, "--person", person_arg, error))
    return SW_CLI_EXIT_FAILURE;

  store = sw_cli_open_store (ctx, FALSE, error);
  if (store == NULL)
    return SW_CLI_EXIT_FAILURE;
  org = sw_store_get_organisation (store);

  if ((plan = sw_cli_resolve_plan (org, plan_arg, error)) == NULL
      || (slot = sw_cli_resolve_slot (plan, slot_arg, error)) == NULL
      || (person = sw_cli_resolve_person (org, person_arg, department_arg, error)) == NULL)
    return SW_CLI_EXIT_FAILURE;

  if (sw_slot_find_assignment (slot, person) == NULL)
    {
      g_set_error (error, SW_CORE_ERROR, SW_CORE_ERROR_NOT_FOUND,
                   _("%s is not on slot “%s”"),
                   sw_person_get_name (person), sw_slot_get_title (slot));
      return SW_CLI_EXIT_FAILURE;
    }

  if (!sw_edit_unassign (org, slot, person, error))
    return SW_CLI_EXIT_FAILURE;

  return SW_CLI_EXIT_OK;
}

int
sw_cli_cmd_move_slot (SwCliContext  *ctx,
                      int            argc,
                      char         **argv,
                      GError       **error)
{
  g_autofree char *plan_arg = NULL;
  g_autofree char *slot_arg = NULL;
  g_autofree char *start_arg = NULL;
  g_autofree char *end_arg = NULL;
  const GOptionEntry entries[] = {
    { "plan", 0, 0, G_OPTION_ARG_STRING, &plan_arg,
      N_("The plan (may be left out when the database holds one)"), N_("ID") },
    { "slot", 0, 0, G_OPTION_ARG_STRING, &slot_arg,
      N_("The slot: its UID, or its title when that is unique"), N_("SLOT") },
    { "start", 0, 0, G_OPTION_ARG_STRING, &start_arg,
      N_("The new start"), N_("YYYY-MM-DDTHH:MM") },
    { "end", 0, 0, G_OPTION_ARG_STRING, &end_arg,
      N_("The new end"), N_("YYYY-MM-DDTHH:MM") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(SwStore) store = NULL;
  SwOrganisation *org;
  SwPlan *plan;
  SwSlot *slot;
  gint64 start;
  gint64 end;

  if (!sw_cli_parse_options (ctx, entries, &argc, &argv, 0, error))
    return SW_CLI_EXIT_FAILURE;

  if (!sw_cli_require_option (ctx, "--slot", slot_arg, error)
      || !sw_cli_require_option (ctx, "--start", start_arg, error)
      || !sw_cli_require_option (ctx, "--end", end_arg, error))
    return SW_CLI_EXIT_FAILURE;

  if (!sw_cli_parse_datetime ("--start", start_arg, &start, error)
      || !sw_cli_parse_datetime ("--end", end_arg, &end, error))
    return SW_CLI_EXIT_FAILURE;

  if (end <= start)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--end: %s is not after the start %s"), end_arg, start_arg);
      return SW_CLI_EXIT_FAILURE;
    }

  store = sw_cli_open_store (ctx, FALSE, error);
  if (store == NULL)
    return SW_CLI_EXIT_FAILURE;
  org = sw_store_get_organisation (store);

  if ((plan = sw_cli_resolve_plan (org, plan_arg, error)) == NULL
      || (slot = sw_cli_resolve_slot (plan, slot_arg, error)) == NULL)
    return SW_CLI_EXIT_FAILURE;

  if (!sw_edit_move_slot (org, slot, start, end, error))
    return SW_CLI_EXIT_FAILURE;

  return SW_CLI_EXIT_OK;
}

/* The Assign picker's ranking, and the plan rules it ranks by. */

int
sw_cli_cmd_candidates (SwCliContext  *ctx,
                       int            argc,
                       char         **argv,
                       GError       **error)
{
  g_autofree char *plan_arg = NULL;
  g_autofree char *slot_arg = NULL;
  g_autofree char *duty_arg = NULL;
  const GOptionEntry entries[] = {
    { "plan", 0, 0, G_OPTION_ARG_STRING, &plan_arg,
      N_("The plan (may be left out when the database holds one)"), N_("ID") },
    { "slot", 0, 0, G_OPTION_ARG_STRING, &slot_arg,
      N_("The slot: its UID, or its title when that is unique"), N_("SLOT") },
    { "duty", 0, 0, G_OPTION_ARG_STRING, &duty_arg,
      N_("The duty to fill (without it: an attendee)"), N_("DUTY") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(SwStore) store = NULL;
  g_autoptr(SwRulebook) rulebook = NULL;
  g_autoptr(GListStore) ranking = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  SwOrganisation *org;
  SwPlan *plan;
  SwSlot *slot;
  SwDuty *duty = NULL;
  guint n;

  if (!sw_cli_parse_options (ctx, entries, &argc, &argv, 0, error))
    return SW_CLI_EXIT_FAILURE;

  if (!sw_cli_require_option (ctx, "--slot", slot_arg, error))
    return SW_CLI_EXIT_FAILURE;

  store = sw_cli_open_store (ctx, TRUE, error);
  if (store == NULL)
    return SW_CLI_EXIT_FAILURE;
  org = sw_store_get_organisation (store);

  if ((plan = sw_cli_resolve_plan (org, plan_arg, error)) == NULL
      || (slot = sw_cli_resolve_slot (plan, slot_arg, error)) == NULL)
    return SW_CLI_EXIT_FAILURE;

  if (duty_arg != NULL &&
      (duty = find_duty (slot, duty_arg,
                         _("Slot “%s” has no duties; leave out --duty to rank attendees"),
                         error)) == NULL)
    return SW_CLI_EXIT_FAILURE;

  rulebook = sw_rulebook_new (plan);
  ranking = sw_rulebook_rank (rulebook, org, slot, duty);
  n = g_list_model_get_n_items (G_LIST_MODEL (ranking));

  /* name \t department \t kinds: the columns stay untranslated words so
   * that scripts can read them. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwAssignCandidate) candidate =
        g_list_model_get_item (G_LIST_MODEL (ranking), i);
      SwPerson *person = sw_assign_candidate_get_person (candidate);
      SwDepartment *department = sw_person_get_department (person);
      const char *kinds;

      if (sw_assign_candidate_get_fit (candidate) == SW_ASSIGN_FIT_ON_SLOT)
        kinds = "already-on-slot";
      else
        kinds = sw_assign_candidate_get_kinds (candidate);

      g_string_append_printf (out, "%s\t%s\t%s\n",
                              sw_person_get_name (person),
                              department != NULL ? sw_department_get_name (department) : "",
                              kinds != NULL ? kinds : "");
    }

  if (!sw_cli_write_stdout (out->str, out->len, error))
    return SW_CLI_EXIT_FAILURE;

  return SW_CLI_EXIT_OK;
}

/* One plan rule: its option, its property and its range. */
typedef struct
{
  const char *property;
  int         max;
  char       *arg;
  int         value;
} Rule;

static gboolean
parse_rule (Rule    *rule,
            GError **error)
{
  g_autofree char *text = NULL;
  gint64 value;

  if (rule->arg == NULL)
    return TRUE;

  text = g_strstrip (g_strdup (rule->arg));
  if (!g_ascii_string_to_signed (text, 10, 0, rule->max, &value, NULL))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--%s: “%s” is not a whole number from 0 to %d"),
                   rule->property, rule->arg, rule->max);
      return FALSE;
    }

  rule->value = (int) value;
  return TRUE;
}

static void
print_rules (GString *out,
             SwPlan  *plan)
{
  g_string_append_printf (out, "travel-buffer\t%d\n", sw_plan_get_travel_buffer (plan));
  g_string_append_printf (out, "max-hours-per-day\t%d\n", sw_plan_get_max_hours_per_day (plan));
  g_string_append_printf (out, "max-duties\t%d\n", sw_plan_get_max_duties (plan));
}

int
sw_cli_cmd_rules (SwCliContext  *ctx,
                  int            argc,
                  char         **argv,
                  GError       **error)
{
  g_autofree char *plan_arg = NULL;
  Rule rules[] = {
    { "travel-buffer", 1440, NULL, 0 },
    { "max-hours-per-day", 24, NULL, 0 },
    { "max-duties", 999, NULL, 0 },
  };
  const GOptionEntry entries[] = {
    { "plan", 0, 0, G_OPTION_ARG_STRING, &plan_arg,
      N_("The plan (may be left out when the database holds one)"), N_("ID") },
    { "travel-buffer", 0, 0, G_OPTION_ARG_STRING, &rules[0].arg,
      N_("Minutes a person needs between slots at different places (0–1440)"), N_("MIN") },
    { "max-hours-per-day", 0, 0, G_OPTION_ARG_STRING, &rules[1].arg,
      N_("Most hours of duty a person does on one day (0–24, 0: no limit)"), N_("H") },
    { "max-duties", 0, 0, G_OPTION_ARG_STRING, &rules[2].arg,
      N_("Most duties a person holds in the plan (0–999, 0: no limit)"), N_("N") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(SwStore) store = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  SwOrganisation *org;
  SwPlan *plan;
  gboolean setting = FALSE;
  int status = SW_CLI_EXIT_FAILURE;

  if (!sw_cli_parse_options (ctx, entries, &argc, &argv, 0, error))
    goto out;

  /* Every value is checked before the database is opened for writing. */
  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    {
      if (!parse_rule (&rules[i], error))
        goto out;
      setting |= rules[i].arg != NULL;
    }

  store = sw_cli_open_store (ctx, !setting, error);
  if (store == NULL)
    goto out;
  org = sw_store_get_organisation (store);

  plan = sw_cli_resolve_plan (org, plan_arg, error);
  if (plan == NULL)
    goto out;

  if (setting)
    {
      SwUndoStack *stack = sw_organisation_get_undo_stack (org);
      gboolean ok = TRUE;

      /* One undoable step, however many rules change. */
      sw_undo_stack_begin_group (stack, _("Change plan rules"));
      for (guint i = 0; ok && i < G_N_ELEMENTS (rules); i++)
        {
          int current;

          if (rules[i].arg == NULL)
            continue;
          g_object_get (plan, rules[i].property, &current, NULL);
          if (current == rules[i].value)
            continue;
          ok = sw_undo_stack_set (stack, error, plan, rules[i].property,
                                  rules[i].value, NULL);
        }
      if (!ok)
        {
          sw_undo_stack_cancel_group (stack);
          goto out;
        }
      if (!sw_undo_stack_end_group (stack, error))
        goto out;
    }

  print_rules (out, plan);
  if (!sw_cli_write_stdout (out->str, out->len, error))
    goto out;

  status = SW_CLI_EXIT_OK;

out:
  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    g_free (rules[i].arg);
  return status;
}
