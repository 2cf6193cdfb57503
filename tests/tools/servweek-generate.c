/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>

#include "sw-generate.h"
#include "sw-store.h"

int
main (int   argc,
      char *argv[])
{
  g_autofree char *db = NULL;
  int scale = 1;
  gint64 seed = 1;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, "Database file to create", "FILE" },
    { "scale", 0, 0, G_OPTION_ARG_INT, &scale, "Size multiplier (default 1)", "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed, "Random seed (default 1)", "S" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("- generate a large servweek database");
  g_autoptr(GError) error = NULL;
  g_autoptr(SwStore) store = NULL;
  SwGenerateCounts counts;
  gint64 t0;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("servweek-generate: %s\n", error->message);
      return 2;
    }
  if (db == NULL || argc > 1 || scale < 1 || scale > 64 || seed < 0 || seed > G_MAXUINT32)
    {
      g_printerr ("servweek-generate: usage: servweek-generate --db FILE [--scale N] [--seed S]\n");
      return 2;
    }

  store = sw_store_open (db, SW_STORE_OPEN_CREATE, &error);
  if (store == NULL)
    {
      g_printerr ("servweek-generate: %s\n", error->message);
      return 2;
    }
  if (!sw_store_is_empty (store))
    {
      g_printerr ("servweek-generate: %s already holds data\n", db);
      return 2;
    }

  t0 = g_get_monotonic_time ();
  if (sw_generate_fill (sw_store_get_organisation (store), (guint) scale, (guint32) seed,
                        &counts, &error) == NULL)
    {
      g_printerr ("servweek-generate: %s\n", error->message);
      return 1;
    }

  g_print ("%u departments, %u people, %u slots, %u duties, %u assignments, %u tasks, "
           "%u committees in %.2f s\n",
           counts.departments, counts.people, counts.slots, counts.duties,
           counts.assignments, counts.tasks, counts.committees,
           (g_get_monotonic_time () - t0) / 1e6);

  return 0;
}
