/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "sw-core.h"
#include "sw-roster-export.h"
#include "sw-roster-import.h"
#include "sw-store.h"

/*
 * How long importing a large roster CSV takes: parse, check and classify
 * every row, then apply it as one undo step committed to a new SQLite
 * database.  Importing 10,000 rows must take under 1 s; the exit status
 * says whether it did.
 *
 *   bench-roster [--rows N]
 */

static const char * const surnames[] = {
  "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭",
};
static const char * const given[] = {
  "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明",
};
static const char * const titles[] = { "科长", "副科长", "工程师", "干事", "主任", "" };

/* A roster of @rows people in 60 departments; @phone_base changes every
 * phone number, so a second file updates everyone. */
static GBytes *
make_roster (guint rows,
             guint phone_base)
{
  GString *out = g_string_new ("\xEF\xBB\xBF姓名,部门,职务,电话,邮箱,备注\r\n");

  for (guint i = 0; i < rows; i++)
    {
      g_string_append_printf (out, "%s%s%05u,第%02u科,%s,1%02u-%04u-%04u,user%u@example.com,",
                              surnames[i % G_N_ELEMENTS (surnames)],
                              given[(i / 16) % G_N_ELEMENTS (given)],
                              i, i % 60, titles[i % G_N_ELEMENTS (titles)],
                              30 + phone_base, i / 10000, i % 10000, i);
      if (i % 7 == 0)
        g_string_append (out, "\"周三下午不在, 请找\"\"值班\"\"人员\r\n第二行\"");
      g_string_append (out, "\r\n");
    }

  return g_string_free_to_bytes (out);
}

static GBytes *
to_gb18030 (GBytes *bytes)
{
  gsize length = 0;
  gsize written = 0;
  const char *data = g_bytes_get_data (bytes, &length);
  char *converted;

  /* Without the BOM: a GB18030 file has none. */
  converted = g_convert (data + 3, length - 3, "GB18030", "UTF-8", NULL, &written, NULL);
  g_assert (converted != NULL);
  return g_bytes_new_take (converted, written);
}

/* Loads and applies @bytes into @org; returns the seconds taken. */
static double
import_roster (SwOrganisation *org,
               GBytes         *bytes,
               const char     *what,
               guint           expect_changed)
{
  g_autoptr(SwRosterImport) import = sw_roster_import_new (org);
  g_autoptr(GError) error = NULL;
  gint64 t0 = g_get_monotonic_time ();
  gint64 t1;
  gint64 t2;
  guint changed = 0;

  if (!sw_roster_import_load (import, bytes, &error))
    g_error ("%s: %s", what, error->message);
  t1 = g_get_monotonic_time ();
  if (!sw_roster_import_apply (import, &changed, &error))
    g_error ("%s: %s", what, error->message);
  t2 = g_get_monotonic_time ();

  if (changed != expect_changed || sw_roster_import_count (import, SW_ROSTER_ROW_BAD) != 0)
    g_error ("%s: %u people changed, %u bad rows; expected %u changed",
             what, changed, sw_roster_import_count (import, SW_ROSTER_ROW_BAD), expect_changed);

  g_print ("%-44s %6u rows  load+check %.3f s  apply %.3f s  total %.3f s\n",
           what, g_list_model_get_n_items (sw_roster_import_get_rows (import)),
           (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t2 - t0) / 1e6);

  return (t2 - t0) / 1e6;
}

int
main (int   argc,
      char *argv[])
{
  int rows = 10000;
  GOptionEntry entries[] = {
    { "rows", 0, 0, G_OPTION_ARG_INT, &rows, "Rows in the roster (default 10000)", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("- time the roster import");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) roster = NULL;
  g_autoptr(GBytes) updated = NULL;
  g_autoptr(GBytes) gb18030 = NULL;
  g_autoptr(GBytes) exported = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *db = NULL;
  g_autoptr(SwStore) store = NULL;
  g_autoptr(SwOrganisation) memory_org = NULL;
  SwOrganisation *org;
  double first;
  gint64 t0;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || rows < 1)
    {
      g_printerr ("bench-roster: %s\n", error != NULL ? error->message : "bad --rows");
      return 2;
    }

  roster = make_roster ((guint) rows, 0);
  updated = make_roster ((guint) rows, 1);
  gb18030 = to_gb18030 (roster);

  dir = g_dir_make_tmp ("servweek-bench-XXXXXX", &error);
  g_assert (dir != NULL);
  db = g_build_filename (dir, "bench.db", NULL);
  store = sw_store_open (db, SW_STORE_OPEN_CREATE, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  org = sw_store_get_organisation (store);

  first = import_roster (org, roster, "new people into a new database", (guint) rows);
  import_roster (org, roster, "the same file again (all unchanged)", 0);
  import_roster (org, updated, "every phone changed (all updated)", (guint) rows);

  t0 = g_get_monotonic_time ();
  exported = sw_roster_export (org);
  g_print ("%-44s %6d rows  %.3f s\n", "export-roster", rows, (g_get_monotonic_time () - t0) / 1e6);

  memory_org = sw_organisation_new ();
  import_roster (memory_org, gb18030, "GB18030 file into memory", (guint) rows);
  sw_undo_stack_clear (sw_organisation_get_undo_stack (memory_org));

  g_clear_object (&store);
  {
    static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

    for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
      {
        g_autofree char *file = g_strconcat (db, suffixes[i], NULL);

        g_unlink (file);
      }
    g_rmdir (dir);
  }

  if (rows == 10000)
    {
      g_print ("importing 10,000 rows: %.3f s (limit 1 s): %s\n", first, first < 1.0 ? "ok" : "TOO SLOW");
      return first < 1.0 ? 0 : 1;
    }

  return 0;
}
