/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Runs the real servweek-cli binary: export-ics, import-busy. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <glib.h>
#include <glib/gstdio.h>

static char *cli_path;

typedef struct
{
  char *dir;
  char *db;
} Fixture;

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
run_cliv (Run                *run,
          const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  run_clear (run);
  g_ptr_array_add (argv, cli_path);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  envp = g_environ_unsetenv (envp, "SERVWEEK_DB");
  envp = g_environ_setenv (envp, "LANGUAGE", "en", TRUE);

  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT,
                NULL, NULL, &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
}

#define run_cli(run, ...) \
  G_STMT_START { \
    const char * const _args[] = { __VA_ARGS__, NULL }; \
    run_cliv ((run), _args); \
  } G_STMT_END

/* Exit 2 with exactly one line on stderr. */
static void
assert_failure (const Run *run)
{
  g_assert_cmpint (run->status, ==, 2);
  g_assert_true (g_str_has_prefix (run->err, "servweek-cli: "));
  g_assert_nonnull (strchr (run->err, '\n'));
  g_assert_cmpstr (strchr (run->err, '\n') + 1, ==, "");
}

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);

  return contents;
}

static void
write_file (const char *path,
            const char *contents)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, contents, -1, &error));
  g_assert_no_error (error);
}

static void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_auto(Run) run = { 0 };

  fixture->dir = g_dir_make_tmp ("sw-cli-ics-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db = g_build_filename (fixture->dir, "test.db", NULL);

  run_cli (&run, "--db", fixture->db, "init", "--sample");
  g_assert_cmpint (run.status, ==, 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->db);
}

/* The whole plan as the plan exchange file: what the database holds. */
static char *
snapshot (Fixture *fixture)
{
  g_auto(Run) run = { 0 };

  run_cli (&run, "--db", fixture->db, "export-plan", "-");
  g_assert_cmpint (run.status, ==, 0);

  return g_steal_pointer (&run.out);
}

static guint
count (const char *haystack,
       const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;

  return n;
}

static void
test_export_plan (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *out = g_build_filename (fixture->dir, "plan.ics", NULL);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;
  g_auto(Run) run = { 0 };

  run_cli (&run, "--db", fixture->db, "export-ics", "--out", out, "--tasks", "--reminder", "30");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  first = read_file (out);
  g_assert_true (g_str_has_prefix (first, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
  g_assert_true (g_str_has_suffix (first, "END:VCALENDAR\r\n"));
  g_assert_cmpuint (count (first, "BEGIN:VEVENT\r\n"), ==, 10);
  g_assert_cmpuint (count (first, "BEGIN:VTODO\r\n"), ==, 7);
  g_assert_cmpuint (count (first, "TRIGGER:-PT30M\r\n"), ==, 10);
  g_assert_cmpuint (count (first, "SEQUENCE:0\r\n"), ==, 17);
  g_assert_nonnull (strstr (first, "DTSTART;TZID=Asia/Shanghai:"));

  /* Nothing changed: the same bytes, even later. */
  g_usleep (1100 * 1000);
  run_cli (&run, "--db", fixture->db, "export-ics", "--out", out, "--tasks", "--reminder", "30");
  g_assert_cmpint (run.status, ==, 0);
  second = read_file (out);
  g_assert_cmpstr (first, ==, second);

  /* A moved slot: that event alone rises to SEQUENCE 1. */
  run_cli (&run, "--db", fixture->db, "move-slot", "--slot", "客户座谈会",
           "--start", "2026-09-22T16:00", "--end", "2026-09-22T18:00");
  g_assert_cmpint (run.status, ==, 0);
  run_cli (&run, "--db", fixture->db, "export-ics", "--out", "-", "--tasks", "--reminder", "30");
  g_assert_cmpint (run.status, ==, 0);
  third = g_steal_pointer (&run.out);
  g_assert_cmpuint (count (third, "SEQUENCE:1\r\n"), ==, 1);
  g_assert_cmpuint (count (third, "SEQUENCE:0\r\n"), ==, 16);
  g_assert_nonnull (strstr (third, "DTSTART;TZID=Asia/Shanghai:20260922T160000\r\n"));
}

static void
test_export_folders (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *people = g_build_filename (fixture->dir, "new", "people", NULL);
  g_autofree char *departments = g_build_filename (fixture->dir, "departments", NULL);
  g_autofree char *zhou = g_build_filename (people, "周建国.ics", NULL);
  g_autofree char *first = NULL;
  g_autofree char *cancelled = NULL;
  g_auto(GStrv) listed = NULL;
  g_auto(Run) run = { 0 };

  /* The folder is made when missing; stdout lists the files. */
  run_cli (&run, "--db", fixture->db, "export-ics", "--per-person", people);
  g_assert_cmpint (run.status, ==, 0);
  listed = g_strsplit (run.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (listed), >, 10);
  for (guint i = 0; listed[i] != NULL && listed[i][0] != '\0'; i++)
    {
      g_assert_true (g_str_has_prefix (listed[i], people));
      g_assert_true (g_file_test (listed[i], G_FILE_TEST_IS_REGULAR));
    }
  first = read_file (zhou);
  g_assert_nonnull (strstr (first, "SUMMARY:客户座谈会 · 主持\r\n"));

  /* Taken off the forum: his next file cancels it. */
  run_cli (&run, "--db", fixture->db, "unassign", "--slot", "客户座谈会", "--person", "周建国");
  g_assert_cmpint (run.status, ==, 0);
  run_cli (&run, "--db", fixture->db, "export-ics", "--per-person", people);
  g_assert_cmpint (run.status, ==, 0);
  cancelled = read_file (zhou);
  g_assert_cmpuint (count (cancelled, "STATUS:CANCELLED\r\n"), ==, 1);
  g_assert_cmpuint (count (cancelled, "SEQUENCE:1\r\n"), ==, 1);

  run_cli (&run, "--db", fixture->db, "export-ics", "--per-department", departments);
  g_assert_cmpint (run.status, ==, 0);
  {
    g_autofree char *path = g_build_filename (departments, "党群办.ics", NULL);
    g_autofree char *text = read_file (path);

    g_assert_nonnull (strstr (text, "X-WR-CALNAME:“诚信工程”优质服务宣传周 · 党群办\r\n"));
  }
}

/* What a folder's .ics files are: name → "inode mtime-ns". */
static GHashTable *
stat_folder (const char *folder)
{
  GHashTable *found = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);
      struct stat info;

      g_assert_cmpint (stat (path, &info), ==, 0);
      g_hash_table_insert (found, g_strdup (name),
                           g_strdup_printf ("%ju %jd.%09ld", (uintmax_t) info.st_ino,
                                            (intmax_t) info.st_mtim.tv_sec, info.st_mtim.tv_nsec));
    }
  return found;
}

static void
test_export_rewrites_changed (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *people = g_build_filename (fixture->dir, "people", NULL);
  g_autofree char *out = g_build_filename (fixture->dir, "plan.ics", NULL);
  g_autoptr(GHashTable) before = NULL;
  g_autoptr(GHashTable) after = NULL;
  g_autoptr(GHashTable) plan_before = NULL;
  g_autoptr(GHashTable) plan_after = NULL;
  GHashTableIter iter;
  gpointer name, value;
  guint n_moved = 0, n_kept = 0;
  g_auto(Run) run = { 0 };

  run_cli (&run, "--db", fixture->db, "export-ics", "--per-person", people);
  g_assert_cmpint (run.status, ==, 0);
  run_cli (&run, "--db", fixture->db, "export-ics", "--out", out);
  g_assert_cmpint (run.status, ==, 0);
  before = stat_folder (people);
  plan_before = stat_folder (fixture->dir);
  g_usleep (20 * 1000);

  /* Nothing changed: no file is written again, not even the plan's. */
  run_cli (&run, "--db", fixture->db, "export-ics", "--per-person", people);
  g_assert_cmpint (run.status, ==, 0);
  run_cli (&run, "--db", fixture->db, "export-ics", "--out", out);
  g_assert_cmpint (run.status, ==, 0);
  after = stat_folder (people);
  plan_after = stat_folder (fixture->dir);
  g_assert_cmpuint (g_hash_table_size (after), ==, g_hash_table_size (before));
  g_hash_table_iter_init (&iter, before);
  while (g_hash_table_iter_next (&iter, &name, &value))
    g_assert_cmpstr (g_hash_table_lookup (after, name), ==, value);
  g_assert_cmpstr (g_hash_table_lookup (plan_after, "plan.ics"), ==,
                   g_hash_table_lookup (plan_before, "plan.ics"));
  g_clear_pointer (&after, g_hash_table_unref);

  /* One slot moved: the files of its people are new (another inode),
   * every other file is the same file as before. */
  run_cli (&run, "--db", fixture->db, "move-slot", "--slot", "客户座谈会",
           "--start", "2026-09-22T16:00", "--end", "2026-09-22T18:00");
  g_assert_cmpint (run.status, ==, 0);
  run_cli (&run, "--db", fixture->db, "export-ics", "--per-person", people);
  g_assert_cmpint (run.status, ==, 0);
  after = stat_folder (people);
  g_assert_cmpuint (g_hash_table_size (after), ==, g_hash_table_size (before));
  g_hash_table_iter_init (&iter, after);
  while (g_hash_table_iter_next (&iter, &name, &value))
    {
      g_autofree char *path = g_build_filename (people, name, NULL);
      g_autofree char *text = read_file (path);
      gboolean on_slot = strstr (text, "SUMMARY:客户座谈会") != NULL;

      g_assert_false (((const char *) name)[0] == '.');
      if (on_slot)
        {
          g_assert_cmpstr (g_hash_table_lookup (before, name), !=, value);
          g_assert_nonnull (strstr (text, "DTSTART;TZID=Asia/Shanghai:20260922T160000\r\n"));
          n_moved++;
        }
      else
        {
          g_assert_cmpstr (g_hash_table_lookup (before, name), ==, value);
          n_kept++;
        }
    }
  g_assert_cmpuint (n_moved, >=, 3);
  g_assert_cmpuint (n_kept, >=, 3);
}

static void
test_export_errors (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *out = g_build_filename (fixture->dir, "x.ics", NULL);
  g_autofree char *file = g_build_filename (fixture->dir, "a-file", NULL);
  g_autofree char *below = g_build_filename (file, "people", NULL);
  g_auto(Run) run = { 0 };

  run_cli (&run, "--db", fixture->db, "export-ics");
  assert_failure (&run);

  /* A folder where the file goes, even the root: a message, no abort. */
  run_cli (&run, "--db", fixture->db, "export-ics", "--out", "/");
  assert_failure (&run);
  g_assert_nonnull (strstr (run.err, "Is a directory"));
  run_cli (&run, "--db", fixture->db, "export-ics", "--out", out, "--per-person", fixture->dir);
  assert_failure (&run);
  run_cli (&run, "--db", fixture->db, "export-ics", "--out", out, "--reminder", "-5");
  assert_failure (&run);
  run_cli (&run, "--db", fixture->db, "export-ics", "--out", out, "--plan", "99");
  assert_failure (&run);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));

  write_file (file, "x");
  run_cli (&run, "--db", fixture->db, "export-ics", "--per-person", file);
  assert_failure (&run);
  run_cli (&run, "--db", fixture->db, "export-ics", "--per-person", below);
  assert_failure (&run);
}

static const char busy_ok[] =
  "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//test//EN\r\n"
  "BEGIN:VEVENT\r\nUID:sunday-class\r\nSUMMARY:Sunday class\r\n"
  "DTSTART;TZID=Asia/Shanghai:20260906T140000\r\nDTEND;TZID=Asia/Shanghai:20260906T153000\r\n"
  "RRULE:FREQ=WEEKLY;BYDAY=SU\r\nEND:VEVENT\r\n"
  "BEGIN:VEVENT\r\nUID:trip\r\nSUMMARY:Trip\r\n"
  "DTSTART:20260924T000000Z\r\nDTEND:20260924T040000Z\r\nEND:VEVENT\r\n"
  "END:VCALENDAR\r\n";

static void
test_import_busy (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *ics = g_build_filename (fixture->dir, "busy.ics", NULL);
  g_autofree char *after = NULL;
  g_auto(Run) run = { 0 };

  write_file (ics, busy_ok);
  run_cli (&run, "--db", fixture->db, "import-busy", "--person", "周建国", ics);
  g_assert_cmpint (run.status, ==, 0);
  /* Sundays 20 September (the mobilisation) and the trip on the 24th. */
  g_assert_cmpstr (run.out, ==, "Added 2 busy times for 周建国\n");
  after = snapshot (fixture);
  g_assert_nonnull (strstr (after, "\"start\" : \"2026-09-20T14:00\""));
  g_assert_nonnull (strstr (after, "\"end\" : \"2026-09-20T15:30\""));
  g_assert_nonnull (strstr (after, "\"start\" : \"2026-09-24T08:00\""));
  g_assert_nonnull (strstr (after, "\"reason\" : \"Sunday class\""));

  /* He now has a problem: busy during the mobilisation meeting. */
  run_cli (&run, "--db", fixture->db, "check");
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.out, "周建国"));

  /* Again: nothing new. */
  run_cli (&run, "--db", fixture->db, "import-busy", "--person", "周建国", ics);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "already"));
  {
    g_autofree char *again = snapshot (fixture);

    g_assert_cmpstr (again, ==, after);
  }
}

static void
test_import_busy_errors (Fixture       *fixture,
                         gconstpointer  data)
{
  static const struct
  {
    const char *name;
    const char *text;
    const char *message;
  } bad[] = {
    { "empty.ics", "", "empty" },
    { "garbage.ics", "this is not a calendar\n", "not an iCalendar file" },
    { "truncated.ics", "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:2026092", "not an iCalendar file" },
    { "no-events.ics", "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n", "no events" },
    { "zone.ics",
      "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:z\r\nDTSTART;TZID=Atlantis/Capital:20260921T090000\r\n"
      "DTEND;TZID=Atlantis/Capital:20260921T100000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
      "Atlantis/Capital" },
    { "outside.ics",
      "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:o\r\nDTSTART:20270101T090000Z\r\n"
      "DTEND:20270101T100000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
      "no busy time between 2026-09-20 and 2026-09-26" },
  };
  g_autofree char *before = snapshot (fixture);
  g_autofree char *good = g_build_filename (fixture->dir, "good.ics", NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.ics", NULL);
  g_auto(Run) run = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *path = g_build_filename (fixture->dir, bad[i].name, NULL);

      write_file (path, bad[i].text);
      run_cli (&run, "--db", fixture->db, "import-busy", "--person", "周建国", path);
      assert_failure (&run);
      if (strstr (run.err, bad[i].message) == NULL)
        g_error ("%s: %s", bad[i].name, run.err);
    }

  write_file (good, busy_ok);
  run_cli (&run, "--db", fixture->db, "import-busy", good);
  assert_failure (&run);
  run_cli (&run, "--db", fixture->db, "import-busy", "--person", "周建国");
  assert_failure (&run);
  run_cli (&run, "--db", fixture->db, "import-busy", "--person", "Nobody", good);
  assert_failure (&run);
  run_cli (&run, "--db", fixture->db, "import-busy", "--person", "周建国", missing);
  assert_failure (&run);

  {
    g_autofree char *after = snapshot (fixture);

    g_assert_cmpstr (after, ==, before);
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  if (argc < 2)
    g_error ("usage: %s PATH-TO-servweek-cli", argv[0]);
  cli_path = argv[1];

  g_test_add ("/cli-ics/export-plan", Fixture, NULL, fixture_set_up, test_export_plan, fixture_tear_down);
  g_test_add ("/cli-ics/export-folders", Fixture, NULL, fixture_set_up, test_export_folders, fixture_tear_down);
  g_test_add ("/cli-ics/export-rewrites-changed", Fixture, NULL, fixture_set_up, test_export_rewrites_changed,
              fixture_tear_down);
  g_test_add ("/cli-ics/export-errors", Fixture, NULL, fixture_set_up, test_export_errors, fixture_tear_down);
  g_test_add ("/cli-ics/import-busy", Fixture, NULL, fixture_set_up, test_import_busy, fixture_tear_down);
  g_test_add ("/cli-ics/import-busy-errors", Fixture, NULL, fixture_set_up, test_import_busy_errors,
              fixture_tear_down);

  return g_test_run ();
}
