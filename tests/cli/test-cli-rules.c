/* SPDX-License-Identifier: GPL-3.0-or-later */
/* servweek-cli candidates, rules and check --accepted against the real binary. */
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
  g_autofree char *dir = g_dir_make_tmp ("servweek-cli-rules-XXXXXX", &error);

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


/* The line of @out that starts with @prefix, or NULL. */
static char *
find_line (const char *out,
           const char *prefix)
{
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], prefix))
      return g_strdup (lines[i]);
  return NULL;
}

static void
test_candidates (void)
{
  g_autofree char *db = new_db ();
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) attendee_lines = NULL;
  guint n;
  gboolean seen_on_slot = FALSE;
  Run run = { 0 };

  run_cli (&run, db, "init", "--sample", NULL);
  g_assert_cmpint (run.status, ==, 0);

  /* The sample's 广场服务台: 受理报装/咨询 needs 直属供电所. */
  run_cli (&run, db, "candidates", "--slot", "广场服务台", "--duty", "受理报装/咨询", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_true (g_str_has_suffix (run.out, "\n"));
  lines = g_strsplit (run.out, "\n", -1);
  n = g_strv_length (lines) - 1;  /* the last is the empty after "\n" */
  g_assert_cmpuint (n, >, 10);
  g_assert_cmpstr (lines[0], ==, "韩小军\t直属供电所\t");
  g_assert_cmpstr (lines[1], ==, "吴志华\t公司领导\twrong-department");
  g_assert_cmpstr (lines[n - 1], ==, "田伟\t直属供电所\talready-on-slot");

  /* Every line has three columns; the people on the slot come last. */
  for (guint i = 0; i < n; i++)
    {
      g_auto(GStrv) cols = g_strsplit (lines[i], "\t", -1);
      gboolean on_slot;

      g_assert_cmpuint (g_strv_length (cols), ==, 3);
      on_slot = g_str_equal (cols[2], "already-on-slot");
      if (seen_on_slot)
        g_assert_true (on_slot);
      seen_on_slot |= on_slot;
    }
  g_assert_true (seen_on_slot);
  {
    g_autofree char *line = find_line (run.out, "程亮\t");

    g_assert_cmpstr (line, ==, "程亮\t直属供电所\talready-on-slot");
  }

  /* Without --duty: as an attendee, no department rule. */
  run_cli (&run, db, "candidates", "--slot", "广场服务台", NULL);
  g_assert_cmpint (run.status, ==, 0);
  attendee_lines = g_strsplit (run.out, "\n", -1);
  g_assert_cmpstr (attendee_lines[0], ==, "吴志华\t公司领导\t");

  /* Unknown slot or duty: exit 2, one line on stderr. */
  run_cli (&run, db, "candidates", "--slot", "no such slot", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, "no such slot"));
  run_cli (&run, db, "candidates", "--slot", "广场服务台", "--duty", "no such duty", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, "no such duty"));
  run_cli (&run, db, "candidates", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "--slot"));

  run_clear (&run);
  remove_db (db);
}

static void
test_rules (void)
{
  g_autofree char *db = new_db ();
  g_autofree char *line = NULL;
  Run run = { 0 };

  run_cli (&run, db, "init", "--sample", NULL);
  g_assert_cmpint (run.status, ==, 0);

  run_cli (&run, db, "rules", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==,
                   "travel-buffer\t0\n"
                   "max-hours-per-day\t0\n"
                   "max-duties\t0\n"
                   "name-order\troster\n");

  /* Setting prints the new values. */
  run_cli (&run, db, "rules", "--travel-buffer", "30", "--max-hours-per-day", "8",
           "--max-duties", "5", "--name-order", "stroke", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpstr (run.out, ==,
                   "travel-buffer\t30\n"
                   "max-hours-per-day\t8\n"
                   "max-duties\t5\n"
                   "name-order\tstroke\n");

  /* And they are kept. */
  run_cli (&run, db, "rules", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==,
                   "travel-buffer\t30\n"
                   "max-hours-per-day\t8\n"
                   "max-duties\t5\n"
                   "name-order\tstroke\n");

  /* One option leaves the others alone. */
  run_cli (&run, db, "rules", "--travel-buffer", "15", NULL);
  g_assert_cmpint (run.status, ==, 0);
  line = find_line (run.out, "travel-buffer\t");
  g_assert_cmpstr (line, ==, "travel-buffer\t15");
  g_clear_pointer (&line, g_free);
  line = find_line (run.out, "name-order\t");
  g_assert_cmpstr (line, ==, "name-order\tstroke");
  g_clear_pointer (&line, g_free);

  /* The name order alone, one undo step; show names it. */
  run_cli (&run, db, "rules", "--name-order", "pinyin", NULL);
  g_assert_cmpint (run.status, ==, 0);
  line = find_line (run.out, "name-order\t");
  g_assert_cmpstr (line, ==, "name-order\tpinyin");
  run_cli (&run, db, "show", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Name order: Pinyin\n"));
  /* The committee lists its members by pinyin: 曹 (cao) before 邓 (deng)
   * before 冯 (feng), where the roster has 罗 and 曹 first. */
  {
    const char *cao = strstr (run.out, "曹雪梅");
    const char *deng = strstr (run.out, "邓海燕");
    const char *feng = strstr (run.out, "冯德胜");
    const char *luo = strstr (run.out, "罗文斌");

    g_assert_nonnull (cao);
    g_assert_true (cao < deng && deng < feng && feng < luo);
  }

  run_clear (&run);
  remove_db (db);
}

static void
test_rules_bad_values (void)
{
  g_autofree char *db = new_db ();
  g_autofree char *before = NULL;
  const char * const bad[][2] = {
    { "--travel-buffer", "1441" },
    { "--travel-buffer", "-1" },
    { "--travel-buffer", "thirty" },
    { "--travel-buffer", "" },
    { "--max-hours-per-day", "25" },
    { "--max-hours-per-day", "8.5" },
    { "--max-duties", "1000" },
    { "--max-duties", "5x" },
    { "--name-order", "surname" },
    { "--name-order", "" },
    { "--name-order", "Stroke" },
  };
  Run run = { 0 };

  run_cli (&run, db, "init", "--sample", NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_cli (&run, db, "rules", "--travel-buffer", "20", NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_cli (&run, db, "rules", NULL);
  before = g_strdup (run.out);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      /* A good value beside the bad one is not written either. */
      run_cli (&run, db, "rules", "--travel-buffer", "45", bad[i][0], bad[i][1], NULL);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_true (g_str_has_prefix (run.err, "servweek-cli: "));
      g_assert_nonnull (strstr (run.err, bad[i][0]));

      run_cli (&run, db, "rules", NULL);
      g_assert_cmpstr (run.out, ==, before);
    }

  run_cli (&run, db, "rules", "extra", NULL);
  g_assert_cmpint (run.status, ==, 2);
  run_cli (&run, db, "rules", "--plan", "999", NULL);
  g_assert_cmpint (run.status, ==, 2);

  run_clear (&run);
  remove_db (db);
}

static void
test_check_accepted (void)
{
  g_autofree char *db = new_db ();
  g_autofree char *plain = NULL;
  g_auto(GStrv) lines = NULL;
  Run run = { 0 };

  run_cli (&run, db, "init", "--sample", NULL);
  g_assert_cmpint (run.status, ==, 0);

  run_cli (&run, db, "check", NULL);
  g_assert_cmpint (run.status, ==, 1);
  plain = g_strdup (run.out);
  lines = g_strsplit (plain, "\n", -1);
  for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      g_assert_null (strstr (lines[i], "accepted: "));
      g_assert_nonnull (strstr (lines[i], ": "));
    }
  g_assert_nonnull (strstr (plain, "unfilled-duty: 广场服务台 "));

  /* The open ones come first, the same lines as without --accepted; any
   * accepted ones after them, marked. */
  run_cli (&run, db, "check", "--accepted", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_true (g_str_has_prefix (run.out, plain));
  {
    g_auto(GStrv) rest = g_strsplit (run.out + strlen (plain), "\n", -1);

    for (guint i = 0; rest[i] != NULL && rest[i][0] != '\0'; i++)
      g_assert_true (g_str_has_prefix (rest[i], "accepted: "));
  }

  /* Bad usage is exit 2. */
  run_cli (&run, db, "check", "--accepted", "--plan", "999", NULL);
  g_assert_cmpint (run.status, ==, 2);
  run_cli (&run, db, "check", "--bogus", NULL);
  g_assert_cmpint (run.status, ==, 2);

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
    g_error ("usage: test-cli-rules PATH-TO-servweek-cli");

  g_test_add_func ("/cli/rules/candidates", test_candidates);
  g_test_add_func ("/cli/rules/rules", test_rules);
  g_test_add_func ("/cli/rules/bad-values", test_rules_bad_values);
  g_test_add_func ("/cli/rules/check-accepted", test_check_accepted);

  return g_test_run ();
}
