/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * bench-ics: per-person calendar export of the generated organisation at
 * 1×, 2× and 4× (2,000 people, 500 slots, 4,000 assignments at 1×).
 * Prints the time of a first export (every event new) and of a re-export
 * (every event compared with the remembered state), and the time per
 * thousand assignments, which stays flat when the export is linear.
 * Exits 1 when the 1× export takes 2 s or more, or when the time per
 * assignment at 4× is more than twice that at 1×.
 */
#include "config.h"

#include <stdlib.h>

#include "sw-generate.h"
#include "sw-ics-exporter.h"

static double
export_seconds (SwOrganisation  *org,
                SwPlan          *plan,
                SwCalendarState *state,
                guint           *n_files,
                gsize           *n_bytes)
{
  g_autoptr(SwIcsExporter) exporter = sw_ics_exporter_new (org, plan, state);
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;
  double seconds;

  sw_ics_exporter_set_include_tasks (exporter, TRUE);
  sw_ics_exporter_set_reminder_minutes (exporter, 15);
  sw_ics_exporter_set_now (exporter, 1790000000);

  start = g_get_monotonic_time ();
  files = sw_ics_exporter_export (exporter, SW_ICS_SCOPE_PERSON, &error);
  seconds = (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC;
  if (files == NULL)
    g_error ("export failed: %s", error->message);

  *n_files = files->len;
  *n_bytes = 0;
  for (guint i = 0; i < files->len; i++)
    *n_bytes += g_bytes_get_size (((SwIcsFile *) g_ptr_array_index (files, i))->bytes);

  return seconds;
}

int
main (int    argc,
      char **argv)
{
  static const guint scales[] = { 1, 2, 4 };
  double per_thousand[G_N_ELEMENTS (scales)] = { 0, };
  double first_at_1 = 0;
  int status = 0;

  g_print ("scale  people  slots  assignments  files   MB     first export  re-export  ms/1000 assignments\n");
  /* "bench-ics 1" measures one scale only (for profiling). */
  guint n_scales = argc > 1 ? 1 : G_N_ELEMENTS (scales);

  for (guint i = 0; i < n_scales; i++)
    {
      g_autoptr(SwOrganisation) org = NULL;
      g_autoptr(SwCalendarState) state = sw_calendar_state_new ();
      SwGenerateCounts counts = { 0 };
      g_autoptr(GError) error = NULL;
      SwPlan *plan;
      double first, again;
      guint n_files;
      gsize n_bytes;

      org = sw_organisation_new ();
      plan = sw_generate_fill (org, scales[i], 42, &counts, &error);
      if (plan == NULL)
        g_error ("generate: %s", error->message);

      first = export_seconds (org, plan, state, &n_files, &n_bytes);
      again = export_seconds (org, plan, state, &n_files, &n_bytes);
      per_thousand[i] = MAX (first, again) * 1000.0 / (counts.assignments / 1000.0);
      if (scales[i] == 1)
        first_at_1 = MAX (first, again);

      g_print ("%4ux  %6u  %5u  %11u  %5u  %5.1f  %10.3f s  %7.3f s  %8.1f\n",
               scales[i], counts.people, counts.slots, counts.assignments, n_files,
               n_bytes / 1e6, first, again, per_thousand[i]);
    }

  if (first_at_1 >= 2.0)
    {
      g_print ("FAIL: per-person export at 1× takes %.3f s (limit 2 s)\n", first_at_1);
      status = 1;
    }
  if (n_scales == G_N_ELEMENTS (scales) && per_thousand[2] > 2.0 * per_thousand[0])
    {
      g_print ("FAIL: not linear: %.1f ms per 1000 assignments at 4× against %.1f at 1×\n",
               per_thousand[2], per_thousand[0]);
      status = 1;
    }

  return status;
}
