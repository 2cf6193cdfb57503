/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>

#include <glib/gstdio.h>

#include "sw-generate.h"
#include "sw-sheet.h"

/*
 * How long the printed sheets of the large generated organisation (500
 * slots, 4,000 assignments) take to lay out and write as PDF.  The roles
 * sheet must take under 3 s; the exit status says whether it did.
 *
 *   bench-sheets [--scale N] [--seed S] [--keep DIR]
 */
int
main (int   argc,
      char *argv[])
{
  int scale = 1;
  gint64 seed = 1;
  g_autofree char *keep = NULL;
  GOptionEntry entries[] = {
    { "scale", 0, 0, G_OPTION_ARG_INT, &scale, "Size multiplier (default 1)", "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed, "Random seed (default 1)", "S" },
    { "keep", 0, 0, G_OPTION_ARG_FILENAME, &keep, "Keep the PDF files in DIR", "DIR" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("- time the printed sheets");
  g_autoptr(GError) error = NULL;
  g_autoptr(SwOrganisation) org = NULL;
  g_autofree char *dir = NULL;
  SwPlan *plan;
  SwGenerateCounts counts;
  double roles_seconds = 0;
  gint64 t0;
  const SwSheetKind kinds[] = { SW_SHEET_KIND_ROLES, SW_SHEET_KIND_WEEK, SW_SHEET_KIND_SLIPS };

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || scale < 1 || seed < 0 || seed > G_MAXUINT32)
    {
      g_printerr ("bench-sheets: %s\n", error != NULL ? error->message : "bad --scale or --seed");
      return 2;
    }

  org = sw_organisation_new ();
  t0 = g_get_monotonic_time ();
  plan = sw_generate_fill (org, (guint) scale, (guint32) seed, &counts, &error);
  if (plan == NULL)
    {
      g_printerr ("bench-sheets: %s\n", error->message);
      return 2;
    }
  g_print ("generated %u slots, %u duties, %u assignments, %u tasks in %.3f s\n",
           counts.slots, counts.duties, counts.assignments, counts.tasks,
           (g_get_monotonic_time () - t0) / 1e6);

  dir = keep != NULL ? g_strdup (keep) : g_dir_make_tmp ("servweek-bench-XXXXXX", &error);
  if (dir == NULL || g_mkdir_with_parents (dir, 0755) != 0)
    {
      g_printerr ("bench-sheets: %s\n", error != NULL ? error->message : "cannot make the folder");
      return 2;
    }

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autoptr(SwSheet) sheet = sw_sheet_new (plan, kinds[i]);
      g_autofree char *name = g_strdup_printf ("%s.pdf", sw_sheet_kind_to_nick (kinds[i]));
      g_autofree char *path = g_build_filename (dir, name, NULL);
      gint64 start, laid_out, written;
      GStatBuf st;

      start = g_get_monotonic_time ();
      sw_sheet_paginate (sheet, NULL);
      laid_out = g_get_monotonic_time ();
      if (!sw_sheet_write_pdf (sheet, path, &error))
        {
          g_printerr ("bench-sheets: %s\n", error->message);
          return 2;
        }
      written = g_get_monotonic_time ();
      if (g_stat (path, &st) != 0)
        st.st_size = 0;
      g_print ("%-5s sheet: %4u pages, layout %.3f s, PDF %.3f s, total %.3f s, %.1f MB\n",
               sw_sheet_kind_to_nick (kinds[i]), sw_sheet_get_n_pages (sheet),
               (laid_out - start) / 1e6, (written - laid_out) / 1e6, (written - start) / 1e6,
               st.st_size / 1048576.0);
      if (kinds[i] == SW_SHEET_KIND_ROLES)
        roles_seconds = (written - start) / 1e6;
      if (keep == NULL)
        g_unlink (path);
    }
  if (keep == NULL)
    g_rmdir (dir);

  g_print ("roles sheet to PDF: %.3f s (limit 3 s): %s\n", roles_seconds,
           roles_seconds < 3.0 ? "ok" : "TOO SLOW");

  return roles_seconds < 3.0 ? 0 : 1;
}
