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

/* What assign, unassign, move-slot and candidates name: a slot of a plan;
 * with @names_person a person; with @no_duties (the error for a slot
 * without duties) a duty.  Then what those are in the database. */
typedef struct
{
  gboolean        names_person;
  const char     *no_duties;
  char           *plan_arg;
  char           *slot_arg;
  char           *person_arg;
  char           *department_arg;
  char           *duty_arg;
  SwStore        *store;
  SwOrganisation *org;
  SwPlan         *plan;
  SwSlot         *slot;
  SwPerson       *person;
  SwDuty         *duty;
} SlotTarget;

static void
slot_target_clear (SlotTarget *target)
{
  g_clear_object (&target->store);
  g_free (target->plan_arg);
  g_free (target->slot_arg);
  g_free (target->person_arg);
  g_free (target->department_arg);
  g_free (target->duty_arg);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SlotTarget, slot_target_clear)

/* Parses --plan, --slot, with a person --person and --department, with a
 * duty --duty, then the options of @extra (may be NULL); --slot, and
 * --person when a person is named, are required. */
static gboolean
slot_target_parse_options (SlotTarget          *target,
                           SwCliContext        *ctx,
                           const GOptionEntry  *extra,
                           int                 *argc,
                           char              ***argv,
                           GError             **error)
{
  const GOptionEntry target_entries[] = {
    { "slot", 0, 0, G_OPTION_ARG_STRING, &target->slot_arg,
      N_("The slot: its UID, or its title when that is unique"), N_("SLOT") },
    { "person", 0, 0, G_OPTION_ARG_STRING, &target->person_arg,
      N_("The person’s name"), N_("NAME") },
    { "department", 0, 0, G_OPTION_ARG_STRING, &target->department_arg,
      N_("The person’s department, when two people share the name"), N_("DEPARTMENT") },
  };
  const GOptionEntry duty_entry = {
    "duty", 0, 0, G_OPTION_ARG_STRING, &target->duty_arg,
    N_("The duty to fill (without it: an attendee)"), N_("DUTY")
  };
  g_autoptr(GArray) entries = g_array_new (TRUE, TRUE, sizeof (GOptionEntry));

  g_array_append_vals (entries, target_entries, target->names_person ? 3 : 1);
  if (target->no_duties != NULL)
    g_array_append_val (entries, duty_entry);
  for (; extra != NULL && extra->long_name != NULL; extra++)
    g_array_append_val (entries, *extra);

  if (!sw_cli_parse_plan_options (ctx, &target->plan_arg, (GOptionEntry *) entries->data,
                                  argc, argv, 0, error))
    return FALSE;

  return sw_cli_require_option (ctx, "--slot", target->slot_arg, error)
         && (!target->names_person
             || sw_cli_require_option (ctx, "--person", target->person_arg, error));
}

/* Opens the database and finds the plan, the slot, the person and the
 * duty. */
static gboolean
slot_target_resolve (SlotTarget    *target,
                     SwCliContext  *ctx,
                     gboolean       read_only,
                     GError       **error)
{
  target->plan = sw_cli_open_plan (ctx, read_only, target->plan_arg, &target->store, error);
  if (target->plan == NULL)
    return FALSE;
  target->org = sw_store_get_organisation (target->store);

  target->slot = sw_cli_resolve_slot (target->plan, target->slot_arg, error);
  if (target->slot == NULL)
    return FALSE;

  if (target->names_person)
    {
      target->person = sw_cli_resolve_person (target->org, target->person_arg,
                                              target->department_arg, error);
      if (target->person == NULL)
        return FALSE;
    }

  if (target->duty_arg != NULL)
    {
      target->duty = find_duty (target->slot, target->duty_arg, _(target->no_duties), error);
      if (target->duty == NULL)
        return FALSE;
    }

  return TRUE;
}

int
sw_cli_cmd_assign (SwCliContext  *ctx,
                   int            argc,
                   char         **argv,
                   GError       **error)
{
  g_auto(SlotTarget) target = { .names_person = TRUE,
                                .no_duties = N_("Slot “%s” has no duties; leave out --duty to add an attendee") };

  if (!slot_target_parse_options (&target, ctx, NULL, &argc, &argv, error)
      || !slot_target_resolve (&target, ctx, FALSE, error))
    return SW_CLI_EXIT_FAILURE;

  if (sw_slot_find_assignment (target.slot, target.person) != NULL)
    {
      g_set_error (error, SW_CORE_ERROR, SW_CORE_ERROR_CONFLICT,
                   _("%s is already on slot “%s” (unassign first to change the duty)"),
                   sw_person_get_name (target.person), sw_slot_get_title (target.slot));
      return SW_CLI_EXIT_FAILURE;
    }

  if (!sw_edit_assign (target.org, target.slot, target.person, target.duty, error))
    return SW_CLI_EXIT_FAILURE;

  return SW_CLI_EXIT_OK;
}

int
sw_cli_cmd_unassign (SwCliContext  *ctx,
                     int            argc,
                     char         **argv,
                     GError       **error)
{
  g_auto(SlotTarget) target = { .names_person = TRUE };

  if (!slot_target_parse_options (&target, ctx, NULL, &argc, &argv, error)
      || !slot_target_resolve (&target, ctx, FALSE, error))
    return SW_CLI_EXIT_FAILURE;

  if (sw_slot_find_assignment (target.slot, target.person) == NULL)
    {
      g_set_error (error, SW_CORE_ERROR, SW_CORE_ERROR_NOT_FOUND,
                   _("%s is not on slot “%s”"),
                   sw_person_get_name (target.person), sw_slot_get_title (target.slot));
      return SW_CLI_EXIT_FAILURE;
    }

  if (!sw_edit_unassign (target.org, target.slot, target.person, error))
    return SW_CLI_EXIT_FAILURE;

  return SW_CLI_EXIT_OK;
}

int
sw_cli_cmd_move_slot (SwCliContext  *ctx,
                      int            argc,
                      char         **argv,
                      GError       **error)
{
  g_auto(SlotTarget) target = { .names_person = FALSE };
  g_autofree char *start_arg = NULL;
  g_autofree char *end_arg = NULL;
  const GOptionEntry entries[] = {
    { "start", 0, 0, G_OPTION_ARG_STRING, &start_arg,
      N_("The new start"), N_("YYYY-MM-DDTHH:MM") },
    { "end", 0, 0, G_OPTION_ARG_STRING, &end_arg,
      N_("The new end"), N_("YYYY-MM-DDTHH:MM") },
    G_OPTION_ENTRY_NULL
  };
  gint64 start;
  gint64 end;

  if (!slot_target_parse_options (&target, ctx, entries, &argc, &argv, error))
    return SW_CLI_EXIT_FAILURE;

  if (!sw_cli_require_option (ctx, "--start", start_arg, error)
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

  if (!slot_target_resolve (&target, ctx, FALSE, error))
    return SW_CLI_EXIT_FAILURE;

  if (!sw_edit_move_slot (target.org, target.slot, start, end, error))
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
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(SwRulebook) rulebook = NULL;
  g_autoptr(GListStore) ranking = NULL;
  g_auto(SlotTarget) target = { .names_person = FALSE,
                                .no_duties = N_("Slot “%s” has no duties; leave out --duty to rank attendees") };
  guint n;

  if (!slot_target_parse_options (&target, ctx, NULL, &argc, &argv, error)
      || !slot_target_resolve (&target, ctx, TRUE, error))
    return SW_CLI_EXIT_FAILURE;

  rulebook = sw_rulebook_new (target.plan);
  ranking = sw_rulebook_rank (rulebook, target.org, target.slot, target.duty);
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
  g_string_append_printf (out, "name-order\t%s\n",
                          sw_enum_to_nick (SW_TYPE_NAME_ORDER, sw_plan_get_name_order (plan)));
}

static gboolean
parse_name_order (const char *arg,
                  int        *out,
                  GError    **error)
{
  g_autofree char *text = NULL;

  if (arg == NULL)
    return TRUE;

  text = g_strstrip (g_strdup (arg));
  if (!sw_enum_from_nick (SW_TYPE_NAME_ORDER, text, out))
    {
      /* TRANSLATORS: roster, stroke and pinyin are the option's words: keep them */
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--name-order: “%s” is not roster, stroke or pinyin"), arg);
      return FALSE;
    }

  return TRUE;
}

int
sw_cli_cmd_rules (SwCliContext  *ctx,
                  int            argc,
                  char         **argv,
                  GError       **error)
{
  g_autofree char *plan_arg = NULL;
  g_autofree char *name_order_arg = NULL;
  int name_order = SW_NAME_ORDER_ROSTER;
  Rule rules[] = {
    { "travel-buffer", 1440, NULL, 0 },
    { "max-hours-per-day", 24, NULL, 0 },
    { "max-duties", 999, NULL, 0 },
  };
  const GOptionEntry entries[] = {
    { "travel-buffer", 0, 0, G_OPTION_ARG_STRING, &rules[0].arg,
      N_("Minutes a person needs between slots at different places (0–1440)"), N_("MIN") },
    { "max-hours-per-day", 0, 0, G_OPTION_ARG_STRING, &rules[1].arg,
      N_("Most hours of duty a person does on one day (0–24, 0: no limit)"), N_("H") },
    { "max-duties", 0, 0, G_OPTION_ARG_STRING, &rules[2].arg,
      N_("Most duties a person holds in the plan (0–999, 0: no limit)"), N_("N") },
    { "name-order", 0, 0, G_OPTION_ARG_STRING, &name_order_arg,
      N_("How printed lists and committees order names: roster, stroke (surname strokes) or pinyin"),
      N_("ORDER") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(SwStore) store = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  SwOrganisation *org;
  SwPlan *plan;
  gboolean setting = FALSE;
  int status = SW_CLI_EXIT_FAILURE;

  if (!sw_cli_parse_plan_options (ctx, &plan_arg, entries, &argc, &argv, 0, error))
    goto out;

  /* Every value is checked before the database is opened for writing. */
  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    {
      if (!parse_rule (&rules[i], error))
        goto out;
      setting |= rules[i].arg != NULL;
    }
  if (!parse_name_order (name_order_arg, &name_order, error))
    goto out;
  setting |= name_order_arg != NULL;

  plan = sw_cli_open_plan (ctx, !setting, plan_arg, &store, error);
  if (plan == NULL)
    goto out;
  org = sw_store_get_organisation (store);

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
      if (ok && name_order_arg != NULL && (SwNameOrder) name_order != sw_plan_get_name_order (plan))
        ok = sw_undo_stack_set (stack, error, plan, "name-order", name_order, NULL);
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
