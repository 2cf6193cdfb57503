/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <time.h>

#include "sw-core.h"
#include "sw-generate.h"

/*
 * How long auto-fill takes on the generated organisation at scales 1, 2
 * and 4 (scale 1: 2,000 people, 500 slots, 1,500 duties), set against
 * the size of the problem: the empty seats times the people who could
 * take each of them.  Scale 1 must take under 1 s (wall clock), and the
 * CPU time per unit of that size must not grow by more than a factor of 2
 * from scale 1 to scale 4 (about linear); the exit status says whether
 * both held.  Each figure is the best of --runs runs.
 *
 *   bench-autofill [--scales 1,2,4] [--runs N]
 */

/* CPU seconds of this process: steadier than the wall clock on a busy
 * machine, so the growth check uses them. */
static double
cpu_seconds (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Σ over duties with empty seats: empty seats × people of the required
 * department (everyone when it requires none). */
static guint64
seats_times_candidates (SwOrganisation *org,
                        SwPlan         *plan,
                        guint          *out_seats)
{
  GListModel *slots = sw_plan_get_slots (plan);
  GListModel *people = sw_organisation_get_people (org);
  g_autoptr(GHashTable) dept_size = g_hash_table_new (NULL, NULL);
  guint n_people = g_list_model_get_n_items (people);
  guint64 total = 0;
  guint seats = 0;

  for (guint i = 0; i < n_people; i++)
    {
      g_autoptr(SwPerson) p = g_list_model_get_item (people, i);
      SwDepartment *d = sw_person_get_department (p);

      g_hash_table_insert (dept_size, d, GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (dept_size, d)) + 1));
    }

  for (guint i = 0; i < g_list_model_get_n_items (slots); i++)
    {
      g_autoptr(SwSlot) slot = g_list_model_get_item (slots, i);
      GListModel *duties = sw_slot_get_duties (slot);

      for (guint k = 0; k < g_list_model_get_n_items (duties); k++)
        {
          g_autoptr(SwDuty) duty = g_list_model_get_item (duties, k);
          guint held = sw_slot_count_duty (slot, duty);
          guint count = sw_duty_get_count (duty);
          SwDepartment *d = sw_duty_get_department (duty);
          guint candidates = d != NULL ? GPOINTER_TO_UINT (g_hash_table_lookup (dept_size, d)) : n_people;

          if (held >= count)
            continue;
          seats += count - held;
          total += (guint64) (count - held) * candidates;
        }
    }

  *out_seats = seats;
  return total;
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *scales_arg = NULL;
  int runs = 3;
  GOptionEntry entries[] = {
    { "scales", 0, 0, G_OPTION_ARG_STRING, &scales_arg, "Scales to measure (default 1,2,4)", "LIST" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Runs per scale; the fastest counts (default 3)", "N" },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("- benchmark auto-fill");
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) scales = NULL;
  double first_per_unit = 0;
  double last_per_unit = 0;
  double scale1_seconds = -1;
  gboolean ok = TRUE;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || runs < 1)
    {
      g_printerr ("bench-autofill: %s\n", error != NULL ? error->message : "bad --runs");
      return 2;
    }
  scales = g_strsplit (scales_arg != NULL ? scales_arg : "1,2,4", ",", -1);

  g_print ("scale  people  slots  empty seats  seats×candidates  filled  left  wall (ms)  CPU (ms)  CPU ns per unit  apply (ms)\n");

  for (guint i = 0; scales[i] != NULL; i++)
    {
      guint scale = (guint) atoi (scales[i]);
      g_autoptr(SwOrganisation) org = NULL;
      g_autoptr(SwAutofill) af = NULL;
      g_autoptr(GPtrArray) plans = NULL;
      SwPlan *plan;
      double best = G_MAXDOUBLE;
      double best_cpu = G_MAXDOUBLE;
      double per_unit;
      guint64 units;
      guint seats = 0;
      gint64 t0;
      double apply_ms;

      if (scale < 1 || scale > 16)
        {
          g_printerr ("bench-autofill: bad scale “%s”\n", scales[i]);
          return 2;
        }

      org = sw_generate_organisation (scale, 1);
      plan = g_list_model_get_item (sw_organisation_get_plans (org), 0);
      g_object_unref (plan);  /* the organisation keeps it */
      sw_undo_stack_clear (sw_organisation_get_undo_stack (org));
      units = seats_times_candidates (org, plan, &seats);

      for (int r = 0; r < runs; r++)
        {
          gint64 start = g_get_monotonic_time ();
          double cpu_start = cpu_seconds ();
          double seconds;

          g_clear_object (&af);
          af = sw_autofill_new (org, plan, SW_AUTOFILL_ALL_DAYS, NULL);
          seconds = (g_get_monotonic_time () - start) / 1e6;
          best = MIN (best, seconds);
          best_cpu = MIN (best_cpu, cpu_seconds () - cpu_start);
        }

      t0 = g_get_monotonic_time ();
      if (!sw_autofill_apply (af, &error))
        g_error ("apply: %s", error->message);
      apply_ms = (g_get_monotonic_time () - t0) / 1e3;

      per_unit = best_cpu * 1e9 / MAX (units, 1);
      g_print ("%5u  %6u  %5u  %11u  %16" G_GUINT64_FORMAT "  %6u  %4u  %9.1f  %8.1f  %15.2f  %10.1f\n",
               scale,
               g_list_model_get_n_items (sw_organisation_get_people (org)),
               g_list_model_get_n_items (sw_plan_get_slots (plan)),
               seats, units,
               sw_autofill_get_n_fills (af), sw_autofill_get_n_unfilled (af),
               best * 1e3, best_cpu * 1e3, per_unit, apply_ms);

      if (scale == 1)
        scale1_seconds = best;
      if (i == 0)
        first_per_unit = per_unit;
      last_per_unit = per_unit;
    }

  if (scale1_seconds >= 1.0)
    {
      g_print ("FAIL: scale 1 took %.3f s (limit 1 s)\n", scale1_seconds);
      ok = FALSE;
    }
  if (first_per_unit > 0 && last_per_unit > 2.0 * first_per_unit)
    {
      g_print ("FAIL: CPU time per seat×candidate grew %.2f× (limit 2×)\n", last_per_unit / first_per_unit);
      ok = FALSE;
    }
  if (ok)
    g_print ("OK: scale 1 in %.3f s; CPU time per seat×candidate grew %.2f× from the first to the last scale\n",
             scale1_seconds, first_per_unit > 0 ? last_per_unit / first_per_unit : 0);

  return ok ? 0 : 1;
}
