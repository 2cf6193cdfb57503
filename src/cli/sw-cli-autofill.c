/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sw-cli-common.h"

/* "Sep 23 9:00–11:00  服务台 (人民广场)" */
static void
append_slot_heading (GString *out,
                     SwSlot  *slot)
{
  g_autofree char *when = sw_autofill_format_when (sw_slot_get_start (slot), sw_slot_get_end (slot));
  const char *location = sw_slot_get_location (slot);

  g_string_append_printf (out, "%s  %s", when, sw_slot_get_title (slot));
  if (*location != '\0')
    g_string_append_printf (out, " (%s)", location);
  g_string_append_c (out, '\n');
}

static const char *
person_label (SwPerson *person)
{
  return *sw_person_get_name (person) != '\0' ? sw_person_get_name (person) : _("Unnamed person");
}

static const char *
duty_label (SwDuty *duty)
{
  return *sw_duty_get_name (duty) != '\0' ? sw_duty_get_name (duty) : _("Unnamed duty");
}

/* Who goes where, grouped by slot and duty; then what stays empty and
 * why. */
static char *
format_proposal (SwAutofill *af)
{
  g_autoptr(GString) out = g_string_new (NULL);
  guint n_fills = sw_autofill_get_n_fills (af);
  guint n_gaps = sw_autofill_get_n_gaps (af);
  SwSlot *last_slot = NULL;
  SwDuty *last_duty = NULL;

  if (sw_autofill_get_n_seats (af) == 0)
    {
      g_string_append_printf (out, "%s\n", _("Every duty is filled: nothing to do."));
      return g_string_free (g_steal_pointer (&out), FALSE);
    }

  g_string_append_printf (out,
                          /* TRANSLATORS: "Auto-fill fills 12 of 15 empty seats." */
                          _("Auto-fill fills %u of %u empty seats."),
                          n_fills, sw_autofill_get_n_seats (af));
  g_string_append_c (out, '\n');

  if (n_fills > 0)
    {
      g_string_append_printf (out, "\n%s\n", _("Proposed:"));
      for (guint i = 0; i < n_fills; i++)
        {
          SwSlot *slot;
          SwDuty *duty;
          SwPerson *person;

          sw_autofill_get_fill (af, i, &slot, &duty, &person);
          if (slot != last_slot)
            {
              if (last_duty != NULL)
                g_string_append_c (out, '\n');
              append_slot_heading (out, slot);
              last_slot = slot;
              last_duty = NULL;
            }
          if (duty != last_duty)
            {
              if (last_duty != NULL)
                g_string_append_c (out, '\n');
              g_string_append_printf (out, "  %s: %s", duty_label (duty), person_label (person));
              last_duty = duty;
            }
          else
            g_string_append_printf (out, _(", %s"), person_label (person));
        }
      g_string_append_c (out, '\n');
    }

  if (n_gaps > 0)
    {
      last_slot = NULL;
      g_string_append_printf (out, "\n%s\n", _("Left empty:"));
      for (guint i = 0; i < n_gaps; i++)
        {
          SwSlot *slot;
          SwDuty *duty;
          guint n_empty;
          const char *reason;

          sw_autofill_get_gap (af, i, &slot, &duty, &n_empty, &reason);
          if (slot != last_slot)
            {
              append_slot_heading (out, slot);
              last_slot = slot;
            }
          g_string_append_printf (out, "  %s ", duty_label (duty));
          g_string_append_printf (out,
                                  /* TRANSLATORS: "(2 seats)" after a duty left empty */
                                  g_dngettext (GETTEXT_PACKAGE, "(%u seat)", "(%u seats)", n_empty),
                                  n_empty);
          g_string_append_printf (out, ": %s\n", reason);
        }
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

int
sw_cli_cmd_autofill (SwCliContext  *ctx,
                     int            argc,
                     char         **argv,
                     GError       **error)
{
  g_autofree char *plan_arg = NULL;
  g_autofree char *day_arg = NULL;
  g_autofree char *slot_arg = NULL;
  gboolean dry_run = FALSE;
  const GOptionEntry entries[] = {
    { "day", 0, 0, G_OPTION_ARG_STRING, &day_arg,
      N_("Fill only the slots that start on this day"), N_("YYYY-MM-DD") },
    { "slot", 0, 0, G_OPTION_ARG_STRING, &slot_arg,
      N_("Fill only this slot: its UID, or its title when that is unique"), N_("SLOT") },
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run,
      N_("Show the proposal without applying it"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(SwStore) store = NULL;
  g_autoptr(SwAutofill) af = NULL;
  g_autofree char *text = NULL;
  SwOrganisation *org;
  SwPlan *plan;
  SwSlot *slot = NULL;
  int day = SW_AUTOFILL_ALL_DAYS;

  if (!sw_cli_parse_plan_options (ctx, &plan_arg, entries, &argc, &argv, 0, error))
    return SW_CLI_EXIT_FAILURE;

  if (day_arg != NULL && slot_arg != NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("%s: give --day or --slot, not both"), ctx->command->name);
      return SW_CLI_EXIT_FAILURE;
    }
  if (day_arg != NULL && !sw_cli_parse_date ("--day", day_arg, &day, error))
    return SW_CLI_EXIT_FAILURE;

  plan = sw_cli_open_plan (ctx, dry_run, plan_arg, &store, error);
  if (plan == NULL)
    return SW_CLI_EXIT_FAILURE;
  org = sw_store_get_organisation (store);
  if (slot_arg != NULL && (slot = sw_cli_resolve_slot (plan, slot_arg, error)) == NULL)
    return SW_CLI_EXIT_FAILURE;

  af = sw_autofill_new (org, plan, day, slot);
  text = format_proposal (af);
  g_print ("%s", text);

  if (sw_autofill_get_n_fills (af) == 0)
    return SW_CLI_EXIT_OK;

  if (dry_run)
    {
      g_print ("\n%s\n", _("Dry run: nothing was changed."));
      return SW_CLI_EXIT_OK;
    }

  if (!sw_autofill_apply (af, error))
    return SW_CLI_EXIT_FAILURE;

  g_print ("\n%s\n",
           /* TRANSLATORS: after the proposal has been written to the database */
           _("Applied as one undoable step."));
  return SW_CLI_EXIT_OK;
}
