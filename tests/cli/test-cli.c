/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Runs the real servweek-cli binary against temporary databases. */
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <glib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

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
  run->status = -1;
}

/* Runs servweek-cli with @env_extra ("NAME=value", NULL-terminated, may be
 * NULL) added to the environment, and the NULL-terminated arguments. */
static void
run_cli_envv (Run                *run,
              const char * const *env_extra,
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
  for (guint i = 0; env_extra != NULL && env_extra[i] != NULL; i++)
    {
      g_auto(GStrv) pair = g_strsplit (env_extra[i], "=", 2);

      envp = g_environ_setenv (envp, pair[0], pair[1], TRUE);
    }

  run->out = NULL;
  run->err = NULL;
  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT,
                NULL, NULL, &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
}

#define run_cli(run, ...) \
  G_STMT_START { \
    const char * const _args[] = { __VA_ARGS__, NULL }; \
    run_cli_envv ((run), NULL, _args); \
  } G_STMT_END

/* Runs a command that must succeed, returning its standard output. */
#define run_ok(...) \
  ({ \
    Run _run; \
    run_cli (&_run, __VA_ARGS__); \
    if (_run.status != 0) \
      g_test_message ("stderr: %s", _run.err); \
    g_assert_cmpint (_run.status, ==, 0); \
    g_assert_cmpstr (_run.err, ==, ""); \
    g_free (_run.err); \
    _run.out; \
  })

/* A failure must be exit status 2 and exactly one line "servweek-cli: …". */
static void
assert_failure (Run *run)
{
  if (run->status != 2)
    g_test_message ("stdout: %s\nstderr: %s", run->out, run->err);
  g_assert_cmpint (run->status, ==, 2);
  g_assert_true (g_str_has_prefix (run->err, "servweek-cli: "));
  g_assert_true (g_str_has_suffix (run->err, "\n"));
  g_assert_true (strchr (run->err, '\n') == run->err + strlen (run->err) - 1);
  g_assert_cmpstr (run->out, ==, "");
}

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

static void
write_file (const char *path,
            const char *contents)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
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
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("servweek-cli-XXXXXX", &error);
  g_assert_no_error (error);
  f->db = g_build_filename (f->dir, "servweek.db", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->db);
}

static char *
fixture_path (Fixture    *f,
              const char *name)
{
  return g_build_filename (f->dir, name, NULL);
}

static int
current_year (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_get_year (now);
}

static void
init_sample (Fixture *f)
{
  g_autofree char *out = run_ok ("--db", f->db, "init", "--sample");

  g_assert_cmpstr (out, ==, "");
}

/* The sample plan as the CLI exports it, parsed. */
static JsonNode *
export_json (Fixture    *f,
             const char *plan)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;

  if (plan != NULL)
    out = run_ok ("--db", f->db, "export-plan", "--plan", plan, "-");
  else
    out = run_ok ("--db", f->db, "export-plan", "-");

  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

/* An optional array member (the file leaves out empty lists). */
static JsonArray *
optional_array (JsonObject *object,
                const char *member)
{
  if (!json_object_has_member (object, member))
    return NULL;
  return json_object_get_array_member (object, member);
}

static JsonObject *
find_slot_of_kind (JsonNode   *root,
                   const char *kind)
{
  JsonArray *slots = json_object_get_array_member (json_node_get_object (root), "slots");

  for (guint i = 0; i < json_array_get_length (slots); i++)
    {
      JsonObject *slot = json_array_get_object_element (slots, i);

      if (g_str_equal (json_object_get_string_member (slot, "kind"), kind))
        return slot;
    }

  g_assert_not_reached ();
}

static JsonObject *
find_duty (JsonObject *slot,
           const char *name)
{
  JsonArray *duties = json_object_get_array_member (slot, "duties");

  for (guint i = 0; i < json_array_get_length (duties); i++)
    {
      JsonObject *duty = json_array_get_object_element (duties, i);

      if (g_str_equal (json_object_get_string_member (duty, "name"), name))
        return duty;
    }

  return NULL;
}

/* A person of @department not yet on @slot, by name. */
static const char *
find_free_person (JsonNode   *root,
                  JsonObject *slot,
                  const char *department)
{
  JsonArray *people = json_object_get_array_member (json_node_get_object (root), "people");
  g_autoptr(GHashTable) on_slot = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *duties = json_object_get_array_member (slot, "duties");

  for (guint i = 0; i < json_array_get_length (duties); i++)
    {
      JsonObject *duty = json_array_get_object_element (duties, i);
      JsonArray *keys = optional_array (duty, "people");

      for (guint k = 0; keys != NULL && k < json_array_get_length (keys); k++)
        g_hash_table_add (on_slot, (char *) json_array_get_string_element (keys, k));
    }
  if (json_object_has_member (slot, "attendees"))
    {
      JsonArray *keys = optional_array (slot, "attendees");

      for (guint k = 0; k < json_array_get_length (keys); k++)
        g_hash_table_add (on_slot, (char *) json_array_get_string_element (keys, k));
    }

  for (guint i = 0; i < json_array_get_length (people); i++)
    {
      JsonObject *person = json_array_get_object_element (people, i);
      const char *name = json_object_get_string_member (person, "name");
      const char *key = json_object_get_string_member_with_default (person, "key", name);

      if (g_strcmp0 (json_object_get_string_member_with_default (person, "department", ""),
                     department) == 0
          && !g_hash_table_contains (on_slot, key))
        return name;
    }

  g_assert_not_reached ();
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    if (*p == '\n')
      n++;
  return n;
}

/* The part of `show` output under the heading of @date, up to the next
 * day heading. */
static char *
day_section (const char *show,
             const char *date)
{
  g_autofree char *heading = g_strdup_printf ("\n%s ", date);
  const char *start = strstr (show, heading);
  const char *end;

  g_assert_nonnull (start);
  start += strlen (heading);
  /* Day headings are the lines that start with a digit. */
  for (end = strchr (start, '\n'); end != NULL; end = strchr (end + 1, '\n'))
    if (g_ascii_isdigit (end[1]) || (end[1] != ' ' && end[1] != '\0' && end[1] != '\n'))
      break;

  return end != NULL ? g_strndup (start, end - start) : g_strdup (start);
}

/* ---------------------------------------------------------------------- */

static void
test_init_sample_show (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *show = NULL;
  g_autofree char *first_date = g_strdup_printf ("%d-09-20", current_year ());
  g_autofree char *desk_date = g_strdup_printf ("%d-09-23", current_year ());
  g_autofree char *section = NULL;
  static const char * const duty_names[] = {
    "受理报装/咨询", "现场抢修", "受理举报投诉", "发放资料", "布置现场",
  };
  JsonObject *plan;
  JsonObject *desk;
  JsonArray *duties;
  GStatBuf st;

  init_sample (f);

  /* The database holds phone numbers: only its owner may read it. */
  g_assert_cmpint (g_stat (f->db, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  root = export_json (f, NULL);
  plan = json_object_get_object_member (json_node_get_object (root), "plan");
  g_assert_cmpstr (json_object_get_string_member (plan, "first_day"), ==, first_date);

  show = run_ok ("--db", f->db, "show");
  g_assert_true (g_str_has_prefix (show, json_object_get_string_member (plan, "title")));
  g_assert_nonnull (strstr (show, first_date));
  g_assert_nonnull (strstr (show, "Asia/Shanghai"));
  /* Day headings name the day in the locale's words (C: English). */
  {
    g_autoptr(GDateTime) dt = g_date_time_new_utc (current_year (), 9, 20, 12, 0, 0);
    g_autofree char *weekday = g_date_time_format (dt, "%a %-d %b");
    g_autofree char *heading = g_strdup_printf ("\n%s %s\n", first_date, weekday);

    g_assert_nonnull (strstr (show, heading));
  }

  desk = find_slot_of_kind (root, "service-desk");
  section = day_section (show, desk_date);
  g_assert_nonnull (strstr (section, json_object_get_string_member (desk, "title")));
  g_assert_nonnull (strstr (section, "[service-desk]"));
  g_assert_nonnull (strstr (section, json_object_get_string_member (desk, "uid")));

  /* Every duty of the desk with its department and "filled/needed". */
  duties = json_object_get_array_member (desk, "duties");
  for (guint i = 0; i < json_array_get_length (duties); i++)
    {
      JsonObject *duty = json_array_get_object_element (duties, i);
      JsonArray *people = optional_array (duty, "people");
      const char *name = json_object_get_string_member (duty, "name");
      const char *dept = json_object_get_string_member_with_default (duty, "department", "");
      guint held = people != NULL ? json_array_get_length (people) : 0;
      g_autofree char *expected = NULL;

      if (*dept != '\0')
        expected = g_strdup_printf ("    %s (%s) %u/%" G_GINT64_FORMAT "%s",
                                    name, dept, held,
                                    json_object_get_int_member (duty, "count"),
                                    held > 0 ? ": " : "\n");
      else
        expected = g_strdup_printf ("    %s %u/%" G_GINT64_FORMAT "%s",
                                    name, held,
                                    json_object_get_int_member (duty, "count"),
                                    held > 0 ? ": " : "\n");
      g_assert_nonnull (strstr (section, expected));
    }

  /* The essay's duties are all there. */
  for (guint i = 0; i < G_N_ELEMENTS (duty_names); i++)
    {
      g_autofree char *line = g_strdup_printf ("\n    %s", duty_names[i]);

      g_assert_nonnull (strstr (section, line));
    }

  /* The essay's counts. */
  g_assert_cmpint (json_object_get_int_member (find_duty (desk, "受理报装/咨询"), "count"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (find_duty (desk, "现场抢修"), "count"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (find_duty (desk, "受理举报投诉"), "count"), ==, 1);
  g_assert_nonnull (strstr (section, "受理报装/咨询 (直属供电所) "));
  g_assert_nonnull (strstr (section, "受理举报投诉 (稽审科) "));

  /* Committees and tasks are part of the text too. */
  g_assert_nonnull (strstr (show, "领导小组"));
  g_assert_nonnull (strstr (show, "\nTasks\n"));
}

static void
test_plans (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *out = NULL;
  g_autofree char *expected = NULL;
  g_auto(GStrv) fields = NULL;
  JsonObject *plan;
  int year = current_year ();

  /* A fresh database lists nothing. */
  g_free (run_ok ("--db", f->db, "init"));
  out = run_ok ("--db", f->db, "plans");
  g_assert_cmpstr (out, ==, "");
  g_clear_pointer (&out, g_free);

  /* The sample cannot be added to a database that holds data, but an
   * empty one takes it. */
  init_sample (f);
  root = export_json (f, NULL);
  plan = json_object_get_object_member (json_node_get_object (root), "plan");

  out = run_ok ("--db", f->db, "plans");
  g_assert_cmpuint (count_lines (out), ==, 1);
  g_strchomp (out);
  fields = g_strsplit (out, "\t", -1);
  g_assert_cmpuint (g_strv_length (fields), ==, 4);
  g_assert_cmpint (g_ascii_strtoll (fields[0], NULL, 10), >, 0);
  g_assert_cmpstr (fields[1], ==, json_object_get_string_member (plan, "title"));
  expected = g_strdup_printf ("%d-09-20", year);
  g_assert_cmpstr (fields[2], ==, expected);
  g_free (expected);
  expected = g_strdup_printf ("%d-09-26", year);
  g_assert_cmpstr (fields[3], ==, expected);
}

/* A database of the first schema, read by a command that only reads: it
 * is upgraded (the file is writable) and shown, not refused. */
static void
test_show_upgrades_old_schema (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *version = NULL;
  const char *downgrade[] = { "sqlite3", f->db,
                              "DROP TABLE acceptance;"
                              "ALTER TABLE person DROP COLUMN skills;"
                              "ALTER TABLE duty DROP COLUMN skills;"
                              "ALTER TABLE plan DROP COLUMN max_hours_per_day;"
                              "ALTER TABLE plan DROP COLUMN max_duties;"
                              "ALTER TABLE plan DROP COLUMN name_order;"
                              "DROP TABLE publish_target; DROP TABLE publish_calendar;"
                              "DROP TABLE publish_resource; DROP TABLE received_person; DROP TABLE received_duty;"
                              "DROP TABLE calendar_state; PRAGMA user_version = 1;", NULL };
  const char *read_version[] = { "sqlite3", f->db, "PRAGMA user_version;", NULL };
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  init_sample (f);
  before = run_ok ("--db", f->db, "show");

  g_spawn_sync (NULL, (char **) downgrade, NULL, G_SPAWN_SEARCH_PATH,
                NULL, NULL, NULL, NULL, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (wait_status, NULL));

  after = run_ok ("--db", f->db, "show");
  g_assert_cmpstr (before, ==, after);

  g_spawn_sync (NULL, (char **) read_version, NULL, G_SPAWN_SEARCH_PATH,
                NULL, NULL, &version, NULL, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_strstrip (version), ==, "8");
}

static void
test_init_existing (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  Run run;

  init_sample (f);
  before = run_ok ("--db", f->db, "export-plan", "-");

  run_cli (&run, "--db", f->db, "init", "--sample");
  assert_failure (&run);
  g_assert_nonnull (strstr (run.err, "already exists"));
  run_clear (&run);

  run_cli (&run, "--db", f->db, "init");
  assert_failure (&run);
  run_clear (&run);

  after = run_ok ("--db", f->db, "export-plan", "-");
  g_assert_cmpstr (before, ==, after);
}

static void
test_check (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(JsonNode) root = NULL;
  g_auto(GStrv) lines = NULL;
  JsonObject *desk;
  guint unfilled = 0;
  Run run;

  init_sample (f);
  root = export_json (f, NULL);
  desk = find_slot_of_kind (root, "service-desk");

  run_cli (&run, "--db", f->db, "check");
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.err, ==, "");

  lines = g_strsplit (run.out, "\n", -1);
  for (guint i = 0; lines[i] != NULL && *lines[i] != '\0'; i++)
    {
      const char *colon = strstr (lines[i], ": ");

      g_assert_nonnull (colon);
      g_assert_cmpuint (colon - lines[i], >, 0);
      if (g_str_has_prefix (lines[i], "unfilled-duty: "))
        unfilled++;
    }
  g_assert_cmpuint (unfilled, >=, 1);
  /* The service desk's own duties are among them. */
  g_assert_nonnull (strstr (run.out, json_object_get_string_member (desk, "title")));
  run_clear (&run);
}

static void
test_check_no_problems (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *id = NULL;
  g_autofree char *out = NULL;

  g_free (run_ok ("--db", f->db, "init"));
  id = run_ok ("--db", f->db, "new-plan", "--title", "Quiet week",
               "--first", "2030-03-04", "--last", "2030-03-08");
  out = run_ok ("--db", f->db, "check");
  g_assert_cmpstr (out, ==, "No problems.\n");
}

static void
test_assign_unassign (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *before_show = NULL;
  g_autofree char *before_json = NULL;
  g_autofree char *show = NULL;
  g_autofree char *json = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *desk_date = g_strdup_printf ("%d-09-23", current_year ());
  g_autofree char *section = NULL;
  JsonObject *desk;
  JsonObject *duty;
  JsonArray *people;
  const char *person;
  const char *uid;
  guint held;
  Run run;

  init_sample (f);
  root = export_json (f, NULL);
  desk = find_slot_of_kind (root, "service-desk");
  uid = json_object_get_string_member (desk, "uid");
  duty = find_duty (desk, "受理报装/咨询");
  people = optional_array (duty, "people");
  held = people != NULL ? json_array_get_length (people) : 0;
  person = find_free_person (root, desk, "直属供电所");

  before_show = run_ok ("--db", f->db, "show");
  before_json = run_ok ("--db", f->db, "export-plan", "-");

  g_free (run_ok ("--db", f->db, "assign", "--slot", uid, "--person", person,
                  "--department", "直属供电所", "--duty", "受理报装/咨询"));

  show = run_ok ("--db", f->db, "show");
  section = day_section (show, desk_date);
  expected = g_strdup_printf ("受理报装/咨询 (直属供电所) %u/2: ", held + 1);
  g_assert_nonnull (strstr (section, expected));
  g_assert_nonnull (strstr (strstr (section, expected), person));

  /* The same person twice: refused, nothing written. */
  json = run_ok ("--db", f->db, "export-plan", "-");
  run_cli (&run, "--db", f->db, "assign", "--slot", uid, "--person", person,
           "--duty", "现场抢修");
  assert_failure (&run);
  g_assert_nonnull (strstr (run.err, person));
  run_clear (&run);
  {
    g_autofree char *again = run_ok ("--db", f->db, "export-plan", "-");

    g_assert_cmpstr (again, ==, json);
  }

  /* An unknown duty, slot or person is an error too. */
  run_cli (&run, "--db", f->db, "assign", "--slot", uid, "--person", person,
           "--duty", "no such duty");
  assert_failure (&run);
  g_assert_nonnull (strstr (run.err, "现场抢修"));
  run_clear (&run);
  run_cli (&run, "--db", f->db, "assign", "--slot", "no such slot", "--person", person);
  assert_failure (&run);
  g_assert_nonnull (strstr (run.err, "no such slot"));
  run_clear (&run);
  run_cli (&run, "--db", f->db, "assign", "--slot", uid, "--person", "Nobody Atall");
  assert_failure (&run);
  g_assert_nonnull (strstr (run.err, "Nobody Atall"));
  run_clear (&run);
  run_cli (&run, "--db", f->db, "assign", "--slot", uid, "--person", person,
           "--department", "No Such Department");
  assert_failure (&run);
  run_clear (&run);
  run_cli (&run, "--db", f->db, "assign", "--slot", uid);
  assert_failure (&run);
  g_assert_nonnull (strstr (run.err, "--person"));
  run_clear (&run);

  /* Unassign brings back the plan as it was. */
  g_free (run_ok ("--db", f->db, "unassign", "--slot", uid, "--person", person));
  g_clear_pointer (&show, g_free);
  show = run_ok ("--db", f->db, "show");
  g_assert_cmpstr (show, ==, before_show);
  g_clear_pointer (&json, g_free);
  json = run_ok ("--db", f->db, "export-plan", "-");
  g_assert_cmpstr (json, ==, before_json);

  run_cli (&run, "--db", f->db, "unassign", "--slot", uid, "--person", person);
  assert_failure (&run);
  run_clear (&run);

  /* Without --duty the person attends. */
  g_free (run_ok ("--db", f->db, "assign", "--slot", uid, "--person", person));
  g_clear_pointer (&show, g_free);
  show = run_ok ("--db", f->db, "show");
  g_clear_pointer (&section, g_free);
  section = day_section (show, desk_date);
  {
    const char *attending = strstr (section, "    Attending: ");
    g_autofree char *line = NULL;

    g_assert_nonnull (attending);
    line = g_strndup (attending, strcspn (attending, "\n"));
    g_assert_nonnull (strstr (line, person));
  }
}

static void
test_move_slot (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *show = NULL;
  g_autofree char *section = NULL;
  g_autofree char *old_section = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_autofree char *date = NULL;
  g_autofree char *desk_date = g_strdup_printf ("%d-09-23", current_year ());
  JsonObject *desk;
  const char *uid;
  const char *title;
  Run run;

  init_sample (f);
  root = export_json (f, NULL);
  desk = find_slot_of_kind (root, "service-desk");
  uid = json_object_get_string_member (desk, "uid");
  title = json_object_get_string_member (desk, "title");

  date = g_strdup_printf ("%d-09-25", current_year ());
  start = g_strdup_printf ("%sT14:00", date);
  end = g_strdup_printf ("%sT16:30", date);
  g_free (run_ok ("--db", f->db, "move-slot", "--slot", uid, "--start", start, "--end", end));

  show = run_ok ("--db", f->db, "show");
  section = day_section (show, date);
  expected = g_strdup_printf ("  14:00–16:30  %s", title);
  g_assert_nonnull (strstr (section, expected));
  old_section = day_section (show, desk_date);
  g_assert_null (strstr (old_section, uid));

  /* End before start, a bad time, a missing option: refused, unchanged. */
  before = run_ok ("--db", f->db, "export-plan", "-");
  run_cli (&run, "--db", f->db, "move-slot", "--slot", uid, "--start", end, "--end", start);
  assert_failure (&run);
  run_clear (&run);
  run_cli (&run, "--db", f->db, "move-slot", "--slot", uid, "--start", start, "--end", start);
  assert_failure (&run);
  run_clear (&run);
  run_cli (&run, "--db", f->db, "move-slot", "--slot", uid, "--start", "tomorrow", "--end", end);
  assert_failure (&run);
  g_assert_nonnull (strstr (run.err, "tomorrow"));
  run_clear (&run);
  run_cli (&run, "--db", f->db, "move-slot", "--slot", uid, "--start", start);
  assert_failure (&run);
  g_assert_nonnull (strstr (run.err, "--end"));
  run_clear (&run);
  after = run_ok ("--db", f->db, "export-plan", "-");
  g_assert_cmpstr (before, ==, after);
}

static void
test_new_plan (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *plans = NULL;
  g_autofree char *after = NULL;
  g_autofree char *id = NULL;
  g_autofree char *id2 = NULL;
  g_autofree char *show = NULL;
  g_autofree char *plan_line = NULL;
  static const char * const bad[][10] = {
    { "new-plan", "--title", "X", "--first", "2026-13-01", "--last", "2026-12-05", NULL },
    { "new-plan", "--title", "X", "--first", "2026-02-30", "--last", "2026-03-05", NULL },
    { "new-plan", "--title", "X", "--first", "2026-05-05", "--last", "2026-05-04", NULL },
    { "new-plan", "--title", "X", "--first", "2026-05-04", "--last", "5 May", NULL },
    { "new-plan", "--title", "X", "--first", "2026-05-04", "--last", "2026-05-05",
      "--tz", "Mars/Olympus_Mons", NULL },
    { "new-plan", "--title", "X", "--first", "2026-05-04", "--last", "2026-05-05",
      "--template", "no-such-template", NULL },
    { "new-plan", "--first", "2026-05-04", "--last", "2026-05-05", NULL },
    { "new-plan", "--title", "  ", "--first", "2026-05-04", "--last", "2026-05-05", NULL },
    { "new-plan", "--title", "X", "--last", "2026-05-05", NULL },
    { "new-plan", "--title", "X", "--first", "2026-05-04", "--last", "2026-05-05",
      "surplus", NULL },
  };
  Run run;

  g_free (run_ok ("--db", f->db, "init"));

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      const char *args[14] = { "--db", f->db };
      guint n = 2;

      for (guint k = 0; bad[i][k] != NULL; k++)
        args[n++] = bad[i][k];
      args[n] = NULL;
      run_cli_envv (&run, NULL, args);
      assert_failure (&run);
      run_clear (&run);
    }

  plans = run_ok ("--db", f->db, "plans");
  g_assert_cmpstr (plans, ==, "");
  g_clear_pointer (&plans, g_free);

  id = run_ok ("--db", f->db, "new-plan", "--title", "科技服务日",
               "--first", "2026-05-18", "--last", "2026-05-20", "--tz", "Asia/Urumqi");
  g_strchomp (id);
  g_assert_cmpint (g_ascii_strtoll (id, NULL, 10), >, 0);
  plan_line = g_strdup_printf ("%s\t科技服务日\t2026-05-18\t2026-05-20\n", id);
  plans = run_ok ("--db", f->db, "plans");
  g_assert_cmpstr (plans, ==, plan_line);

  show = run_ok ("--db", f->db, "show");
  g_assert_true (g_str_has_prefix (show, "科技服务日\n"));
  g_assert_nonnull (strstr (show, "Asia/Urumqi"));
  g_assert_nonnull (strstr (show, "\n2026-05-19 Tue 19 May\n"));

  /* From a template, with the template's slots moved to the new dates. */
  id2 = run_ok ("--db", f->db, "new-plan", "--title", "Second week", "--template", "service-week",
                "--first", "2027-09-20", "--last", "2027-09-26");
  g_strchomp (id2);
  g_assert_cmpstr (id, !=, id2);
  g_clear_pointer (&plans, g_free);
  plans = run_ok ("--db", f->db, "plans");
  g_assert_cmpuint (count_lines (plans), ==, 2);
  g_assert_nonnull (strstr (plans, "\tSecond week\t2027-09-20\t2027-09-26\n"));

  /* Two plans: --plan is needed, and its message lists them. */
  run_cli (&run, "--db", f->db, "show");
  assert_failure (&run);
  g_assert_nonnull (strstr (run.err, "--plan"));
  g_assert_nonnull (strstr (run.err, id2));
  run_clear (&run);
  run_cli (&run, "--db", f->db, "check");
  assert_failure (&run);
  run_clear (&run);
  run_cli (&run, "--db", f->db, "show", "--plan", "999999");
  assert_failure (&run);
  run_clear (&run);

  g_clear_pointer (&show, g_free);
  show = run_ok ("--db", f->db, "show", "--plan", id2);
  g_assert_true (g_str_has_prefix (show, "Second week\n"));
  g_assert_nonnull (strstr (show, "受理报装/咨询"));
  g_assert_nonnull (strstr (show, "\n2027-09-23 Thu 23 Sep\n"));
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *first = fixture_path (f, "first.json");
  g_autofree char *second = fixture_path (f, "second.json");
  g_autofree char *other_db = fixture_path (f, "other.db");
  g_autofree char *first_bytes = NULL;
  g_autofree char *second_bytes = NULL;
  g_autofree char *stdout_bytes = NULL;
  g_autofree char *id = NULL;
  g_autofree char *plans = NULL;

  init_sample (f);
  g_free (run_ok ("--db", f->db, "export-plan", first));
  first_bytes = read_file (first);
  stdout_bytes = run_ok ("--db", f->db, "export-plan", "-");
  g_assert_cmpstr (first_bytes, ==, stdout_bytes);
  g_assert_true (g_str_has_prefix (first_bytes, "{"));

  g_free (run_ok ("--db", other_db, "init"));
  id = run_ok ("--db", other_db, "import-plan", first);
  g_strchomp (id);
  g_assert_cmpint (g_ascii_strtoll (id, NULL, 10), >, 0);
  plans = run_ok ("--db", other_db, "plans");
  g_assert_true (g_str_has_prefix (plans, id));

  g_free (run_ok ("--db", other_db, "export-plan", "--plan", id, second));
  second_bytes = read_file (second);
  g_assert_cmpstr (first_bytes, ==, second_bytes);

  /* A file that cannot be written is an error that names it. */
  {
    g_autofree char *nowhere = fixture_path (f, "no-such-folder/plan.json");
    Run run;

    run_cli (&run, "--db", f->db, "export-plan", nowhere);
    assert_failure (&run);
    g_assert_nonnull (strstr (run.err, nowhere));
    run_clear (&run);
    g_assert_false (g_file_test (nowhere, G_FILE_TEST_EXISTS));
  }
}

static const char twin_plan[] =
  "{\n"
  "  \"format\": \"servweek-plan\",\n"
  "  \"version\": 1,\n"
  "  \"plan\": { \"title\": \"Twin desks\", \"theme\": \"\", \"organiser\": \"\",\n"
  "            \"first_day\": \"2026-05-04\", \"last_day\": \"2026-05-05\",\n"
  "            \"time_zone\": \"Asia/Shanghai\", \"hotline\": \"95598\", \"description\": \"\" },\n"
  "  \"departments\": [ { \"name\": \"East\", \"short_name\": \"E\", \"color\": \"#3465a4\" },\n"
  "                   { \"name\": \"West\", \"short_name\": \"W\", \"color\": \"#4e9a06\" } ],\n"
  "  \"people\": [ { \"key\": \"p1\", \"name\": \"Wang Fang\", \"department\": \"East\",\n"
  "                \"title\": \"\", \"phone\": \"\", \"email\": \"\", \"unavailable\": [] },\n"
  "              { \"key\": \"p2\", \"name\": \"Wang Fang\", \"department\": \"West\",\n"
  "                \"title\": \"\", \"phone\": \"\", \"email\": \"\", \"unavailable\": [] } ],\n"
  "  \"committees\": [],\n"
  "  \"slots\": [\n"
  "    { \"uid\": \"twin-desk-1\", \"kind\": \"service-desk\", \"title\": \"Desk\",\n"
  "      \"start\": \"2026-05-04T09:00\", \"end\": \"2026-05-04T11:00\",\n"
  "      \"location\": \"Square\", \"description\": \"\", \"organisers\": [],\n"
  "      \"duties\": [ { \"name\": \"Advice\", \"count\": 1, \"people\": [] } ],\n"
  "      \"attendees\": [], \"visit_targets\": [] },\n"
  "    { \"uid\": \"twin-desk-2\", \"kind\": \"service-desk\", \"title\": \"Desk\",\n"
  "      \"start\": \"2026-05-05T09:00\", \"end\": \"2026-05-05T11:00\",\n"
  "      \"location\": \"Square\", \"description\": \"\", \"organisers\": [],\n"
  "      \"duties\": [ { \"name\": \"Advice\", \"count\": 1, \"people\": [] } ],\n"
  "      \"attendees\": [], \"visit_targets\": [] },\n"
  "    { \"uid\": \"solo-forum\", \"kind\": \"forum\", \"title\": \"Forum\",\n"
  "      \"start\": \"2026-05-05T14:00\", \"end\": \"2026-05-05T16:00\",\n"
  "      \"location\": \"\", \"description\": \"\", \"organisers\": [],\n"
  "      \"duties\": [], \"attendees\": [], \"visit_targets\": [] }\n"
  "  ],\n"
  "  \"tasks\": []\n"
  "}\n";

static void
test_ambiguous_names (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *file = fixture_path (f, "twin.json");
  g_autofree char *id = NULL;
  g_autofree char *show = NULL;
  g_autofree char *section = NULL;
  Run run;

  write_file (file, twin_plan);
  g_free (run_ok ("--db", f->db, "init"));
  id = run_ok ("--db", f->db, "import-plan", file);
  g_strchomp (id);

  /* Two slots called "Desk": the error lists both UIDs. */
  run_cli (&run, "--db", f->db, "assign", "--slot", "Desk", "--person", "Wang Fang",
           "--department", "East", "--duty", "Advice");
  assert_failure (&run);
  g_assert_nonnull (strstr (run.err, "twin-desk-1"));
  g_assert_nonnull (strstr (run.err, "twin-desk-2"));
  run_clear (&run);

  /* Two people called Wang Fang: --department is needed. */
  run_cli (&run, "--db", f->db, "assign", "--slot", "twin-desk-2", "--person", "Wang Fang",
           "--duty", "Advice");
  assert_failure (&run);
  g_assert_nonnull (strstr (run.err, "--department"));
  run_clear (&run);

  g_free (run_ok ("--db", f->db, "assign", "--slot", "twin-desk-2", "--person", "Wang Fang",
                  "--department", "West", "--duty", "Advice"));
  /* A unique title works as well as a UID. */
  g_free (run_ok ("--db", f->db, "assign", "--slot", "Forum", "--person", "Wang Fang",
                  "--department", "East"));
  g_free (run_ok ("--db", f->db, "move-slot", "--plan", id, "--slot", "Forum",
                  "--start", "2026-05-05 15:00", "--end", "2026-05-05T17:00"));

  show = run_ok ("--db", f->db, "show", "--plan", id);
  section = day_section (show, "2026-05-05");
  g_assert_nonnull (strstr (section, "09:00–11:00  Desk  @ Square  [service-desk]  1/1\n"));
  g_assert_nonnull (strstr (section, "    Advice 1/1: Wang Fang\n"));
  g_assert_nonnull (strstr (section, "15:00–17:00  Forum  [forum]\n"));
  g_assert_nonnull (strstr (section, "    Attending: Wang Fang\n"));
  g_clear_pointer (&section, g_free);
  section = day_section (show, "2026-05-04");
  g_assert_nonnull (strstr (section, "    Advice 0/1\n"));

  /* The West Wang Fang now holds the 5 May desk: the East one may not be
   * taken off it. */
  run_cli (&run, "--db", f->db, "unassign", "--slot", "twin-desk-2", "--person", "Wang Fang",
           "--department", "East");
  assert_failure (&run);
  run_clear (&run);
}

static void
test_import_errors (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *bad_kind = fixture_path (f, "bad-kind.json");
  g_autofree char *not_json = fixture_path (f, "not.json");
  g_autofree char *missing = fixture_path (f, "missing.json");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *contents = NULL;
  GString *text;
  Run run;

  init_sample (f);
  before = run_ok ("--db", f->db, "plans");

  /* The second slot has a kind that does not exist. */
  text = g_string_new (twin_plan);
  g_string_replace (text, "\"kind\": \"service-desk\", \"title\": \"Desk\",\n"
                    "      \"start\": \"2026-05-05",
                    "\"kind\": \"tea-party\", \"title\": \"Desk\",\n"
                    "      \"start\": \"2026-05-05", 1);
  contents = g_string_free (text, FALSE);
  g_assert_nonnull (strstr (contents, "tea-party"));
  write_file (bad_kind, contents);

  run_cli (&run, "--db", f->db, "import-plan", bad_kind);
  assert_failure (&run);
  g_assert_nonnull (strstr (run.err, "bad-kind.json"));
  g_assert_nonnull (strstr (run.err, "slots[1]"));
  run_clear (&run);

  write_file (not_json, "title,first,last\nnot,a,plan\n");
  run_cli (&run, "--db", f->db, "import-plan", not_json);
  assert_failure (&run);
  g_assert_nonnull (strstr (run.err, "not.json"));
  run_clear (&run);

  run_cli (&run, "--db", f->db, "import-plan", missing);
  assert_failure (&run);
  g_assert_nonnull (strstr (run.err, "missing.json"));
  run_clear (&run);

  run_cli (&run, "--db", f->db, "import-plan");
  assert_failure (&run);
  run_clear (&run);

  after = run_ok ("--db", f->db, "plans");
  g_assert_cmpstr (before, ==, after);
}

static void
test_usage_errors (Fixture       *f,
                   gconstpointer  data)
{
  Run run;

  init_sample (f);

  run_cli (&run, "--db", f->db, "frobnicate");
  assert_failure (&run);
  g_assert_nonnull (strstr (run.err, "frobnicate"));
  run_clear (&run);

  run_cli (&run, "--db", f->db);
  assert_failure (&run);
  run_clear (&run);

  run_cli (&run, "--db", f->db, "show", "--no-such-option");
  assert_failure (&run);
  run_clear (&run);

  run_cli (&run, "--db", f->db, "plans", "surplus");
  assert_failure (&run);
  run_clear (&run);

  run_cli (&run, "--db");
  assert_failure (&run);
  run_clear (&run);

  run_cli (&run, "--db", f->db, "export-plan");
  assert_failure (&run);
  run_clear (&run);
}

static void
test_help (Fixture       *f,
           gconstpointer  data)
{
  static const char * const commands[][2] = {
    { "init", "--sample" },
    { "plans", "plans" },
    { "new-plan", "--template" },
    { "show", "--plan" },
    { "check", "--plan" },
    { "import-plan", "FILE.json" },
    { "export-plan", "FILE.json" },
    { "assign", "--duty" },
    { "unassign", "--department" },
    { "move-slot", "--start" },
  };
  g_autofree char *main_help = run_ok ("--help");

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *help = NULL;

      g_assert_nonnull (strstr (main_help, commands[i][0]));
      help = run_ok ("--db", f->db, commands[i][0], "--help");
      g_assert_nonnull (strstr (help, commands[i][1]));
    }

  /* --help never creates the database. */
  g_assert_false (g_file_test (f->db, G_FILE_TEST_EXISTS));
}

static void
test_not_a_database (Fixture       *f,
                     gconstpointer  data)
{
  static const char text[] = "This is a shopping list, not a database.\nMilk\nTea\n";
  g_autofree char *wal = g_strconcat (f->db, "-wal", NULL);
  g_autofree char *contents = NULL;
  static const char * const commands[][3] = {
    { "plans", NULL },
    { "init", NULL },
    { "init", "--sample" },
    { "show", NULL },
    { "new-plan", NULL },
  };
  Run run;

  write_file (f->db, text);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      const char *args[12] = { "--db", f->db, commands[i][0], commands[i][1] };

      if (g_str_equal (commands[i][0], "new-plan"))
        {
          args[3] = "--title";
          args[4] = "T";
          args[5] = "--first";
          args[6] = "2026-01-01";
          args[7] = "--last";
          args[8] = "2026-01-02";
        }
      run_cli_envv (&run, NULL, args);
      assert_failure (&run);
      g_assert_nonnull (strstr (run.err, f->db));
      run_clear (&run);
    }

  contents = read_file (f->db);
  g_assert_cmpstr (contents, ==, text);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
test_missing_database (Fixture       *f,
                       gconstpointer  data)
{
  Run run;

  run_cli (&run, "--db", f->db, "plans");
  assert_failure (&run);
  g_assert_nonnull (strstr (run.err, "init"));
  run_clear (&run);

  run_cli (&run, "--db", f->db, "assign", "--slot", "x", "--person", "y");
  assert_failure (&run);
  run_clear (&run);

  g_assert_false (g_file_test (f->db, G_FILE_TEST_EXISTS));
}

static void
test_default_database (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *db = fixture_path (f, "nested/dir/default.db");
  g_autofree char *env = g_strconcat ("SERVWEEK_DB=", db, NULL);
  const char * const envv[] = { env, NULL };
  const char * const init_args[] = { "init", "--sample", NULL };
  const char * const plans_args[] = { "plans", NULL };
  GStatBuf st;
  Run run;

  run_cli_envv (&run, envv, init_args);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  g_assert_cmpint (g_stat (db, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  run_cli_envv (&run, envv, plans_args);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpuint (count_lines (run.out), ==, 1);
  run_clear (&run);
}

/* The text of a PDF file, as poppler reads it, without spaces. */
static char *
pdf_text (const char *pdf)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int wait_status = 0;
  GString *text;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (wait_status, NULL));
  text = g_string_new (NULL);
  for (const char *p = out; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (text, *p);

  return g_string_free (text, FALSE);
}

static void
test_print_signin (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *pdf = fixture_path (f, "signin.pdf");
  g_autofree char *by_uid = fixture_path (f, "signin-uid.pdf");
  g_autofree char *bad = fixture_path (f, "bad.pdf");
  g_autofree char *expected = NULL;
  g_autofree char *text = NULL;
  g_autofree char *uid = NULL;
  const char *people[] = { "周建国", "沈丽华", "曹雪梅" };
  Run run;

  init_sample (f);

  /* By title. */
  {
    g_autofree char *out = run_ok ("--db", f->db, "print", "--sheet", "signin", "--slot", "客户座谈会",
                                   "--pdf", pdf);

    expected = g_strdup_printf ("%s: 1 page\n", pdf);
    g_assert_cmpstr (out, ==, expected);
  }
  text = pdf_text (pdf);
  g_assert_nonnull (strstr (text, "客户座谈会"));
  g_assert_nonnull (strstr (text, "Signature"));
  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      const char *at = strstr (text, people[i]);

      g_assert_nonnull (at);
      g_assert_null (strstr (at + strlen (people[i]), people[i]));
    }
  /* Only the forum's people. */
  g_assert_null (strstr (text, "罗文斌"));

  /* A title three slots share names none; the message gives their UIDs. */
  run_cli (&run, "--db", f->db, "print", "--sheet", "signin", "--slot", "上门服务，解决客户用电难题",
           "--pdf", bad);
  assert_failure (&run);
  g_assert_nonnull (strstr (run.err, "3 slots"));
  {
    const char *start = strstr (run.err, "UID: ");
    const char *end;

    g_assert_nonnull (start);
    start += strlen ("UID: ");
    end = strchr (start, ' ');
    g_assert_nonnull (end);
    uid = g_strndup (start, (gsize) (end - start));
  }
  run_clear (&run);
  g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));

  /* By UID. */
  {
    g_autofree char *out = run_ok ("--db", f->db, "print", "--sheet", "signin", "--slot", uid,
                                   "--pdf", by_uid);
    g_autofree char *uid_text = pdf_text (by_uid);

    g_assert_nonnull (strstr (out, "1 page"));
    g_assert_nonnull (strstr (uid_text, "罗文斌"));
    /* The first of them, on the 24th. */
    g_assert_nonnull (strstr (uid_text, "程亮"));
    g_assert_null (strstr (uid_text, "曹雪梅"));
  }

  /* Without --slot, with --slot for another sheet, an unknown slot, a
   * workbook: a one-line message and no file. */
  run_cli (&run, "--db", f->db, "print", "--sheet", "signin", "--pdf", bad);
  assert_failure (&run);
  g_assert_nonnull (strstr (run.err, "--slot"));
  run_clear (&run);

  run_cli (&run, "--db", f->db, "print", "--sheet", "roles", "--slot", "客户座谈会", "--pdf", bad);
  assert_failure (&run);
  g_assert_nonnull (strstr (run.err, "--slot"));
  g_assert_nonnull (strstr (run.err, "roles"));
  run_clear (&run);

  run_cli (&run, "--db", f->db, "print", "--sheet", "signin", "--slot", "没有这个活动", "--pdf", bad);
  assert_failure (&run);
  g_assert_nonnull (strstr (run.err, "没有这个活动"));
  run_clear (&run);

  run_cli (&run, "--db", f->db, "print", "--sheet", "signin", "--slot", "客户座谈会", "--xlsx", bad);
  assert_failure (&run);
  g_assert_nonnull (strstr (run.err, "workbook"));
  run_clear (&run);

  g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));
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
    cli_path = g_test_build_filename (G_TEST_BUILT, "..", "..", "src", "cli", "servweek-cli", NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/cli/init-sample-show", test_init_sample_show);
  ADD ("/cli/init-existing", test_init_existing);
  ADD ("/cli/show-upgrades-old-schema", test_show_upgrades_old_schema);
  ADD ("/cli/plans", test_plans);
  ADD ("/cli/check", test_check);
  ADD ("/cli/check-no-problems", test_check_no_problems);
  ADD ("/cli/assign-unassign", test_assign_unassign);
  ADD ("/cli/move-slot", test_move_slot);
  ADD ("/cli/new-plan", test_new_plan);
  ADD ("/cli/round-trip", test_round_trip);
  ADD ("/cli/ambiguous-names", test_ambiguous_names);
  ADD ("/cli/import-errors", test_import_errors);
  ADD ("/cli/usage-errors", test_usage_errors);
  ADD ("/cli/help", test_help);
  ADD ("/cli/print-signin", test_print_signin);
  ADD ("/cli/not-a-database", test_not_a_database);
  ADD ("/cli/missing-database", test_missing_database);
  ADD ("/cli/default-database", test_default_database);

  return g_test_run ();
}
