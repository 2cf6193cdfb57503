/* SPDX-License-Identifier: GPL-3.0-or-later */
/* servweek-cli autofill against the real binary. */
#include <string.h>
#include <sys/wait.h>

#include <glib.h>

#include <glib/gstdio.h>

static char *cli_path;

typedef struct
{
  char *out;
  char *err;
  int   status;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

/* Runs servweek-cli --db DB ARGS…; the exit status in run->status. */
static void
run_cli (Run        *run,
         const char *db,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  const char *arg;
  va_list args;
  int wait_status = 0;

  run_clear (run);
  g_ptr_array_add (argv, cli_path);
  g_ptr_array_add (argv, (char *) "--db");
  g_ptr_array_add (argv, (char *) db);
  va_start (args, db);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  envp = g_environ_setenv (envp, "LC_ALL", "C.UTF-8", TRUE);
  envp = g_environ_setenv (envp, "LANGUAGE", "en", TRUE);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT,
                               NULL, NULL, &run->out, &run->err, &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
}

static char *
new_db (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("servweek-cli-autofill-XXXXXX", &error);

  g_assert_no_error (error);
  return g_build_filename (dir, "test.db", NULL);
}

static void
remove_db (const char *db)
{
  g_autofree char *dir = g_path_get_dirname (db);
  g_autofree char *wal = g_strconcat (db, "-wal", NULL);
  g_autofree char *shm = g_strconcat (db, "-shm", NULL);

  g_unlink (db);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (dir);
}

static void
test_sample (void)
{
  g_autofree char *db = new_db ();
  g_autofree char *before = NULL;
  g_autofree char *after_dry = NULL;
  Run run = { 0 };

  run_cli (&run, db, "init", "--sample", NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_cli (&run, db, "check", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.out, "unfilled-duty"));
  run_cli (&run, db, "show", NULL);
  before = g_strdup (run.out);

  /* The dry run prints the proposal grouped by slot and changes nothing. */
  run_cli (&run, db, "autofill", "--dry-run", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "Auto-fill fills "));
  g_assert_nonnull (strstr (run.out, "\nProposed:\n"));
  g_assert_nonnull (strstr (run.out, "23 Sep 9:00–11:00  "));
  g_assert_nonnull (strstr (run.out, "Dry run: nothing was changed."));
  run_cli (&run, db, "show", NULL);
  after_dry = g_strdup (run.out);
  g_assert_cmpstr (before, ==, after_dry);

  /* One day only. */
  run_cli (&run, db, "autofill", "--day", "2026-09-23", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Applied as one undoable step."));
  g_assert_null (strstr (run.out, "24 Sep"));

  /* The rest, then nothing is left to fill or to propose. */
  run_cli (&run, db, "autofill", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Applied as one undoable step."));
  run_cli (&run, db, "check", NULL);
  g_assert_null (strstr (run.out, "unfilled-duty"));
  g_assert_null (strstr (run.out, "double-booking"));
  g_assert_null (strstr (run.out, "wrong-department"));
  g_assert_null (strstr (run.out, "unavailable"));
  run_cli (&run, db, "autofill", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "Every duty is filled: nothing to do.\n");

  run_clear (&run);
  remove_db (db);
}

static void
test_bad_usage (void)
{
  g_autofree char *db = new_db ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  Run run = { 0 };

  run_cli (&run, db, "init", "--sample", NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_cli (&run, db, "show", NULL);
  before = g_strdup (run.out);

  run_cli (&run, db, "autofill", "--day", "2026-13-01", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "--day"));
  run_cli (&run, db, "autofill", "--day", "2026-09-23", "--slot", "x", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "not both"));
  run_cli (&run, db, "autofill", "--slot", "no such slot", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "no such slot"));
  run_cli (&run, db, "autofill", "--plan", "999", NULL);
  g_assert_cmpint (run.status, ==, 2);
  run_cli (&run, db, "autofill", "extra", NULL);
  g_assert_cmpint (run.status, ==, 2);

  run_cli (&run, db, "show", NULL);
  after = g_strdup (run.out);
  g_assert_cmpstr (before, ==, after);

  run_clear (&run);
  remove_db (db);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  if (argc > 1)
    cli_path = g_strdup (argv[1]);
  else if (g_getenv ("SERVWEEK_CLI") != NULL)
    cli_path = g_strdup (g_getenv ("SERVWEEK_CLI"));
  else
    g_error ("usage: test-cli-autofill PATH-TO-servweek-cli");

  g_test_add_func ("/cli/autofill/sample", test_sample);
  g_test_add_func ("/cli/autofill/bad-usage", test_bad_usage);

  return g_test_run ();
}
