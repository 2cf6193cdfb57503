/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Runs the real servweek-cli binary: import-roster, export-roster. */
#include <stdlib.h>
#include <string.h>
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

/* A failure prints exactly one line on stderr. */
static void
assert_one_error_line (const Run *run)
{
  g_assert_true (g_str_has_prefix (run->err, "servweek-cli: "));
  g_assert_nonnull (strchr (run->err, '\n'));
  g_assert_cmpstr (strchr (run->err, '\n') + 1, ==, "");
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_auto(Run) run = { 0 };

  fixture->dir = g_dir_make_tmp ("sw-cli-roster-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db = g_build_filename (fixture->dir, "test.db", NULL);

  run_cli (&run, "--db", fixture->db, "init", "--sample");
  g_assert_cmpint (run.status, ==, 0);
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
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->db);
}

static char *
fixture_path (Fixture    *fixture,
              const char *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

static char *
write_file (Fixture    *fixture,
            const char *name,
            const char *data,
            gssize      length)
{
  g_autoptr(GError) error = NULL;
  char *path = fixture_path (fixture, name);

  g_assert_true (g_file_set_contents (path, data, length, &error));
  g_assert_no_error (error);
  return path;
}

/* The roster as export-roster writes it now, NUL-terminated. */
static GBytes *
export_roster (Fixture *fixture)
{
  g_auto(Run) run = { 0 };

  run_cli (&run, "--db", fixture->db, "export-roster", "-");
  g_assert_cmpint (run.status, ==, 0);
  return g_bytes_new (run.out, strlen (run.out) + 1);
}

static void
test_export_and_round_trip (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "roster.csv");
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_auto(Run) run = { 0 };
  g_auto(Run) import = { 0 };
  gsize length;

  run_cli (&run, "--db", fixture->db, "export-roster", path);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "");

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBF" "Name,Department,Title,Phone,Email,Notes,Skills\r\n"));
  g_assert_true (g_str_has_suffix (contents, "\r\n"));
  /* Every line ends in CRLF (notes aside, the sample has no line breaks). */
  for (const char *p = strchr (contents, '\n'); p != NULL; p = strchr (p + 1, '\n'))
    g_assert_cmpint (p[-1], ==, '\r');

  before = export_roster (fixture);
  g_assert_cmpmem (g_bytes_get_data (before, NULL), g_bytes_get_size (before) - 1, contents, length);

  run_cli (&import, "--db", fixture->db, "import-roster", path);
  g_assert_cmpint (import.status, ==, 0);
  g_assert_nonnull (strstr (import.out, "Encoding: UTF-8 with BOM; separator: commas;"));
  g_assert_nonnull (strstr (import.out, "\nNew people: 0\n"));
  g_assert_nonnull (strstr (import.out, "\nUpdated people: 0\n"));
  g_assert_nonnull (strstr (import.out, "\nBad rows: 0\n"));
  g_assert_nonnull (strstr (import.out, "Imported: 0 people added or updated."));

  after = export_roster (fixture);
  g_assert_true (g_bytes_equal (before, after));
}

/* A GB18030 file with semicolons, an unknown column and bad rows: the
 * clean rows go in, the report lists the bad ones, exit 0. */
static void
test_import_with_bad_rows (Fixture       *fixture,
                           gconstpointer  data)
{
  static const char roster[] =
    "姓名;部门;电话;生日\r\n"
    "新同事;新科室;13800000001;1990\r\n"
    ";新科室;13800000002;\r\n"
    "李四;新科室;13x;\r\n"
    "\"王 五\";用电科;\"138 0000\r\n0003\";\r\n"
    "新同事;新科室;1;\r\n";
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  g_autofree char *converted = g_convert (roster, -1, "GB18030", "UTF-8", NULL, &length, &error);
  g_autofree char *path = write_file (fixture, "gbk.csv", converted, length);
  g_autoptr(GBytes) after = NULL;
  g_auto(Run) run = { 0 };
  const char *text;

  g_assert_no_error (error);
  run_cli (&run, "--db", fixture->db, "import-roster", path);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Encoding: GB18030; separator: semicolons; rows: 5\n"));
  g_assert_nonnull (strstr (run.out, "New people: 2\n"));
  g_assert_nonnull (strstr (run.out, "New departments: 1 (新科室)\n"));
  g_assert_nonnull (strstr (run.out, "Columns not imported: 生日\n"));
  g_assert_nonnull (strstr (run.out, "Bad rows: 3\n"));
  g_assert_nonnull (strstr (run.out, "line 3: no name\n"));
  g_assert_nonnull (strstr (run.out, "line 4: the phone “13x” holds letters\n"));
  g_assert_nonnull (strstr (run.out, "line 7: the same person as line 2\n"));
  g_assert_nonnull (strstr (run.out, "Imported: 2 people added or updated."));

  after = export_roster (fixture);
  text = g_bytes_get_data (after, NULL);
  g_assert_nonnull (strstr (text, "\r\n新同事,新科室,,13800000001,,,\r\n"));
  g_assert_nonnull (strstr (text, "\r\n王 五,用电科,,138 0000 0003,,,\r\n"));
  g_assert_null (strstr (text, "李四"));
}

static void
test_dry_run (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *path = write_file (fixture, "new.csv",
                                      "Name,Department,Title\n新人,新部门,干事\n", -1);
  g_autoptr(GBytes) before = export_roster (fixture);
  g_autoptr(GBytes) after = NULL;
  g_auto(Run) run = { 0 };

  run_cli (&run, "--db", fixture->db, "import-roster", "--dry-run", path);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "New people: 1\n"));
  g_assert_nonnull (strstr (run.out, "New departments: 1 (新部门)\n"));
  g_assert_true (g_str_has_suffix (run.out, "Dry run: nothing was changed.\n"));

  after = export_roster (fixture);
  g_assert_true (g_bytes_equal (before, after));
}

/* Unreadable or unusable files: exit 2, one line on stderr, nothing
 * changed. */
static void
test_failures (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *missing = fixture_path (fixture, "missing.csv");
  g_autofree char *header_only = write_file (fixture, "header.csv", "姓名,部门\r\n", -1);
  g_autofree char *empty = write_file (fixture, "empty.csv", "", 0);
  g_autofree char *no_name = write_file (fixture, "noname.csv", "人员,单位\n张三,用电科\n", -1);
  g_autofree char *all_bad = write_file (fixture, "bad.csv", "Name,Phone\n,1\nX,abc\n", -1);
  g_autofree char *bad_header = write_file (fixture, "badheader.csv", "Na\xffme\nA\n", -1);
  g_autofree char *nowhere = fixture_path (fixture, "no/such/dir/roster.csv");
  g_autoptr(GBytes) before = export_roster (fixture);
  g_autoptr(GBytes) after = NULL;
  const char *files[] = { missing, fixture->dir, header_only, empty, no_name, all_bad, bad_header };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_auto(Run) run = { 0 };

      run_cli (&run, "--db", fixture->db, "import-roster", files[i]);
      g_test_message ("%s: %s", files[i], run.err);
      g_assert_cmpint (run.status, ==, 2);
      assert_one_error_line (&run);
    }

  {
    g_auto(Run) run = { 0 };

    run_cli (&run, "--db", fixture->db, "import-roster", no_name);
    g_assert_nonnull (strstr (run.err, "no column holds the names"));
  }
  {
    g_auto(Run) run = { 0 };

    /* The report is printed before the refusal. */
    run_cli (&run, "--db", fixture->db, "import-roster", all_bad);
    g_assert_nonnull (strstr (run.out, "line 2: no name\n"));
    g_assert_nonnull (strstr (run.out, "line 3: the phone “abc” holds letters\n"));
    g_assert_nonnull (strstr (run.err, "no row can be imported"));
  }
  {
    g_auto(Run) run = { 0 };

    run_cli (&run, "--db", fixture->db, "import-roster");
    g_assert_cmpint (run.status, ==, 2);
    assert_one_error_line (&run);
  }
  {
    g_auto(Run) run = { 0 };

    run_cli (&run, "--db", fixture->db, "export-roster", nowhere);
    g_assert_cmpint (run.status, ==, 2);
    assert_one_error_line (&run);
    g_assert_nonnull (strstr (run.err, "does not exist"));
  }

  after = export_roster (fixture);
  g_assert_true (g_bytes_equal (before, after));
}

/* The roles workbook through the print command, read back by openpyxl. */
static void
test_print_xlsx (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "roles.xlsx");
  g_autofree char *week = fixture_path (fixture, "week.xlsx");
  g_autofree char *contents = NULL;
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Run) run = { 0 };
  g_auto(Run) refused = { 0 };
  const char *argv[] = {
    "/usr/bin/python3", "-c",
    "import sys, openpyxl\n"
    "wb = openpyxl.load_workbook(sys.argv[1])\n"
    "print(len(wb.sheetnames), wb.sheetnames[0].endswith(' 20 Sep'), wb.sheetnames[-1])\n"
    "ws = wb.worksheets[3]\n"
    "print(ws.freeze_panes, ws.cell(1, 1).font.b, ws.cell(1, 1).value)\n"
    "print(sum(1 for row in ws.iter_rows(values_only=True) if row[5]))\n",
    path, NULL
  };
  int status = 0;
  gsize length;

  run_cli (&run, "--db", fixture->db, "print", "--sheet", "roles", "--xlsx", path);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 4);
  g_assert_cmpmem (contents, 4, "PK\x03\x04", 4);

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  /* Seven days (September 20–26 of this year) and the people; the
   * service desk day (the fourth) has its header
   * frozen and bold, and people on its rows (the sample fills some). */
  g_assert_true (g_str_has_prefix (out, "8 True People\nA2 True Time\n"));
  g_assert_cmpint (atoi (strrchr (g_strchomp (out), '\n') + 1), >, 1);

  run_cli (&refused, "--db", fixture->db, "print", "--sheet", "week", "--xlsx", week);
  g_assert_cmpint (refused.status, ==, 2);
  assert_one_error_line (&refused);
  g_assert_false (g_file_test (week, G_FILE_TEST_EXISTS));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  if (argc < 2)
    g_error ("usage: test-cli-roster PATH-TO-SERVWEEK-CLI");
  cli_path = argv[1];

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/cli-roster/export-and-round-trip", test_export_and_round_trip);
  ADD ("/cli-roster/import-with-bad-rows", test_import_with_bad_rows);
  ADD ("/cli-roster/dry-run", test_dry_run);
  ADD ("/cli-roster/failures", test_failures);
  ADD ("/cli-roster/print-xlsx", test_print_xlsx);

#undef ADD

  return g_test_run ();
}
