/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "sw-core.h"
#include "sw-store.h"

/*
 * Crash safety: a child process drives a long run of edits through core
 * and store and reports each edit on a pipe once the undo stack's push (or
 * group end) has returned, that is once the edit is committed.  The parent
 * kills the child with SIGKILL at a random moment, then opens the
 * database: PRAGMA integrity_check must say "ok" and every edit the child
 * reported must be there.  Repeated at least MIN_KILLS times on the same
 * file, so later runs also recover from the kills before them.
 */

#define MIN_KILLS 200
#define BULK_PEOPLE 25

typedef enum
{
  MSG_READY,          /* the child opened the database */
  MSG_ADD_PERSON,     /* person "e<n>" added */
  MSG_SET_NOTES,      /* person name's notes set to "<n>" */
  MSG_ADD_SLOT,       /* slot "s<n>" with one duty and two people, one group */
  MSG_BULK,           /* people "b<n>-0" … "b<n>-<BULK_PEOPLE-1>", one group */
  MSG_DELETE_INTENT,  /* about to delete person name */
  MSG_DELETED,        /* person name deleted */
} MsgKind;

typedef struct
{
  gint64 n;
  gint32 kind;
  char   name[44];
} Msg;

G_STATIC_ASSERT (sizeof (Msg) < PIPE_BUF);

/* ------------------------------------------------------------------ */
/* The child                                                          */

static void
send_msg (int         fd,
          gint64      n,
          MsgKind     kind,
          const char *name)
{
  Msg msg = { n, kind, { 0 } };

  if (name != NULL)
    g_strlcpy (msg.name, name, sizeof msg.name);
  /* One write below PIPE_BUF is atomic: the parent sees all or nothing. */
  if (write (fd, &msg, sizeof msg) != sizeof msg)
    _exit (4);
}

static SwPerson *
random_person (SwOrganisation *org,
               GRand          *rand,
               const char     *prefix)
{
  GListModel *people = sw_organisation_get_people (org);
  guint n = g_list_model_get_n_items (people);

  for (guint tries = 0; n > 0 && tries < 20; tries++)
    {
      g_autoptr(SwPerson) person = g_list_model_get_item (people, g_rand_int_range (rand, 0, n));

      if (g_str_has_prefix (sw_person_get_name (person), prefix))
        return person;
    }

  return NULL;
}

static void
child_fail (const char   *what,
            const GError *error)
{
  g_printerr ("child: %s: %s\n", what, error != NULL ? error->message : "?");
  _exit (3);
}

static void G_GNUC_NORETURN
run_child (const char *path,
           gint64      first,
           guint32     seed,
           int         fd)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  SwStore *store;
  SwOrganisation *org;
  SwUndoStack *stack;
  SwPlan *plan;
  GListModel *departments;

  store = sw_store_open (path, SW_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    child_fail ("open", error);
  org = sw_store_get_organisation (store);
  stack = sw_organisation_get_undo_stack (org);
  plan = g_list_model_get_item (sw_organisation_get_plans (org), 0);
  g_object_unref (plan);
  departments = sw_organisation_get_departments (org);
  send_msg (fd, first, MSG_READY, NULL);

  for (gint64 n = first; ; n++)
    {
      int roll = g_rand_int_range (rand, 0, 100);
      g_autoptr(SwDepartment) department =
        g_list_model_get_item (departments, g_rand_int_range (rand, 0, g_list_model_get_n_items (departments)));
      g_autofree char *name = NULL;

      if (roll < 40)
        {
          g_autoptr(SwPerson) person = NULL;

          name = g_strdup_printf ("e%" G_GINT64_FORMAT, n);
          person = sw_person_new (name, department);
          sw_person_set_phone (person, "138 0000 0000");
          if (!sw_edit_add (org, org, "people", person, &error))
            child_fail ("add person", error);
          send_msg (fd, n, MSG_ADD_PERSON, name);
        }
      else if (roll < 65)
        {
          SwPerson *person = random_person (org, rand, "e");
          g_autofree char *notes = g_strdup_printf ("%" G_GINT64_FORMAT, n);

          if (person == NULL)
            continue;
          if (!sw_undo_stack_set (stack, &error, person, "notes", notes))
            child_fail ("set notes", error);
          send_msg (fd, n, MSG_SET_NOTES, sw_person_get_name (person));
        }
      else if (roll < 85)
        {
          SwPerson *a = random_person (org, rand, "e");
          SwPerson *b = random_person (org, rand, "e");
          gint64 start = (gint64) sw_plan_get_first_day (plan) * 24 * 60 + 9 * 60;
          g_autoptr(SwSlot) slot = NULL;
          g_autoptr(SwDuty) duty = NULL;

          if (a == NULL || b == NULL || a == b)
            continue;
          name = g_strdup_printf ("s%" G_GINT64_FORMAT, n);
          slot = sw_slot_new (SW_SLOT_KIND_SERVICE_DESK, name, start, start + 120);
          duty = sw_duty_new ("desk", 2, NULL);
          sw_undo_stack_begin_group (stack, name);
          if (!sw_edit_add (org, plan, "slots", slot, &error) ||
              !sw_edit_add (org, slot, "duties", duty, &error) ||
              !sw_edit_assign (org, slot, a, duty, &error) ||
              !sw_edit_assign (org, slot, b, duty, &error))
            child_fail ("add slot", error);
          if (!sw_undo_stack_end_group (stack, &error))
            child_fail ("commit slot", error);
          send_msg (fd, n, MSG_ADD_SLOT, name);
        }
      else if (roll < 95)
        {
          name = g_strdup_printf ("b%" G_GINT64_FORMAT, n);
          sw_undo_stack_begin_group (stack, name);
          for (guint i = 0; i < BULK_PEOPLE; i++)
            {
              g_autofree char *person_name = g_strdup_printf ("%s-%u", name, i);
              g_autoptr(SwPerson) person = sw_person_new (person_name, department);

              if (!sw_edit_add (org, org, "people", person, &error))
                child_fail ("add bulk person", error);
            }
          if (!sw_undo_stack_end_group (stack, &error))
            child_fail ("commit bulk", error);
          send_msg (fd, n, MSG_BULK, name);
        }
      else
        {
          SwPerson *person = random_person (org, rand, "e");

          if (person == NULL)
            continue;
          name = g_strdup (sw_person_get_name (person));
          send_msg (fd, n, MSG_DELETE_INTENT, name);
          if (!sw_edit_delete_person (org, person, &error))
            child_fail ("delete person", error);
          send_msg (fd, n, MSG_DELETED, name);
        }

      /* Keep the undo stack (and what it holds on to) small. */
      if (n % 64 == 0)
        sw_undo_stack_clear (stack);
    }
}

/* ------------------------------------------------------------------ */
/* The parent                                                         */

typedef struct
{
  GHashTable *people;        /* name → GINT_TO_POINTER (1): must exist */
  GHashTable *notes;         /* name → gint64 * lowest notes value */
  GHashTable *slots;         /* title → 1 */
  GHashTable *unsure;        /* name → 1: deleted or maybe deleted */
  GHashTable *deleted;       /* name → 1: must not exist */
  guint       reported;
} Expected;

static void
expected_take (Expected  *expected,
               const Msg *msg)
{
  g_autofree char *name = g_strndup (msg->name, sizeof msg->name);

  switch ((MsgKind) msg->kind)
    {
    case MSG_READY:
      return;
    case MSG_ADD_PERSON:
      g_hash_table_add (expected->people, g_strdup (name));
      break;
    case MSG_SET_NOTES:
      g_hash_table_insert (expected->notes, g_strdup (name), g_memdup2 (&msg->n, sizeof msg->n));
      break;
    case MSG_ADD_SLOT:
      g_hash_table_add (expected->slots, g_strdup (name));
      break;
    case MSG_BULK:
      for (guint i = 0; i < BULK_PEOPLE; i++)
        g_hash_table_add (expected->people, g_strdup_printf ("%s-%u", name, i));
      break;
    case MSG_DELETE_INTENT:
      g_hash_table_add (expected->unsure, g_strdup (name));
      break;
    case MSG_DELETED:
      g_hash_table_add (expected->deleted, g_strdup (name));
      break;
    default:
      g_assert_not_reached ();
    }
  expected->reported++;
}

static void
check_integrity (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA foreign_key_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static void
check_expected (const char *path,
                Expected   *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SwStore) store = sw_store_open (path, SW_STORE_OPEN_DEFAULT, &error);
  g_autoptr(GHashTable) people = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) slots = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(SwPlan) plan = NULL;
  SwOrganisation *org;
  GListModel *list;
  GHashTableIter iter;
  gpointer key, value;

  g_assert_no_error (error);
  org = sw_store_get_organisation (store);

  list = sw_organisation_get_people (org);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(SwPerson) person = g_list_model_get_item (list, i);
      g_hash_table_insert (people, (gpointer) sw_person_get_name (person), person);
    }

  plan = g_list_model_get_item (sw_organisation_get_plans (org), 0);
  list = sw_plan_get_slots (plan);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(SwSlot) slot = g_list_model_get_item (list, i);
      g_hash_table_insert (slots, (gpointer) sw_slot_get_title (slot), slot);
    }

  g_hash_table_iter_init (&iter, expected->people);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (expected->unsure, key) &&
        !g_hash_table_contains (people, key))
      g_error ("person %s was reported saved but is missing", (const char *) key);

  g_hash_table_iter_init (&iter, expected->deleted);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (g_hash_table_contains (people, key))
      g_error ("person %s was reported deleted but is there", (const char *) key);

  /* Notes only grow: a later edit may have been saved without a report. */
  g_hash_table_iter_init (&iter, expected->notes);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      SwPerson *person = g_hash_table_lookup (people, key);

      if (g_hash_table_contains (expected->unsure, key))
        continue;
      if (person == NULL)
        g_error ("person %s (notes edited) is missing", (const char *) key);
      g_assert_cmpint (g_ascii_strtoll (sw_person_get_notes (person), NULL, 10), >=, *(gint64 *) value);
    }

  g_hash_table_iter_init (&iter, expected->slots);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      SwSlot *slot = g_hash_table_lookup (slots, key);
      g_autoptr(SwDuty) duty = NULL;
      guint n_assignments;

      if (slot == NULL)
        g_error ("slot %s was reported saved but is missing", (const char *) key);
      g_assert_cmpuint (g_list_model_get_n_items (sw_slot_get_duties (slot)), ==, 1);
      duty = g_list_model_get_item (sw_slot_get_duties (slot), 0);
      g_assert_cmpstr (sw_duty_get_name (duty), ==, "desk");
      /* Deleting a person takes their assignments with them. */
      n_assignments = g_list_model_get_n_items (sw_slot_get_assignments (slot));
      g_assert_cmpuint (n_assignments, <=, 2);
      if (g_hash_table_size (expected->unsure) == 0)
        g_assert_cmpuint (n_assignments, ==, 2);
    }
}

static void
create_database (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SwStore) store = sw_store_open (path, SW_STORE_OPEN_CREATE, &error);
  SwOrganisation *org;
  SwUndoStack *stack;
  g_autoptr(SwPlan) plan = NULL;
  int first_day;

  g_assert_no_error (error);
  org = sw_store_get_organisation (store);
  stack = sw_organisation_get_undo_stack (org);
  g_assert_true (sw_time_parse_date ("2026-09-20", &first_day, NULL));

  sw_undo_stack_begin_group (stack, "setup");
  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *name = g_strdup_printf ("Department %u", i);
      g_autoptr(SwDepartment) department = sw_department_new (name);

      sw_department_set_position (department, i);
      g_assert_true (sw_edit_add (org, org, "departments", department, &error));
      g_assert_no_error (error);
    }
  plan = sw_plan_new ("Crash week", first_day, first_day + 6, "Asia/Shanghai");
  g_assert_true (sw_edit_add (org, org, "plans", plan, &error));
  g_assert_no_error (error);
  g_assert_true (sw_undo_stack_end_group (stack, &error));
  g_assert_no_error (error);
}

/* Reads every whole message the child wrote (it is dead: until EOF). */
static void
drain (int       fd,
       Expected *expected,
       gboolean *ready)
{
  Msg msg;
  ssize_t got;

  while ((got = read (fd, &msg, sizeof msg)) == sizeof msg)
    {
      if (msg.kind == MSG_READY)
        *ready = TRUE;
      expected_take (expected, &msg);
    }
  g_assert_cmpint (got, ==, 0);
}

/* Takes the child's messages until it has reported @count edits after
 * READY (each wait up to @timeout_ms): the kill then lands among edits
 * however fast this machine saves. */
static gboolean
wait_for_edits (int       fd,
                guint     count,
                int       timeout_ms,
                Expected *expected)
{
  struct pollfd pfd = { fd, POLLIN, 0 };
  gboolean ready = FALSE;
  guint edits = 0;
  Msg msg;

  while (!ready || edits < count)
    {
      if (poll (&pfd, 1, timeout_ms) <= 0)
        return FALSE;
      if (read (fd, &msg, sizeof msg) != sizeof msg)
        return FALSE;
      if (!ready)
        g_assert_cmpint (msg.kind, ==, MSG_READY);
      else
        edits++;
      ready = TRUE;
      expected_take (expected, &msg);
    }

  return TRUE;
}

static void
test_kill_while_editing (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("sw-crash-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "crash.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (g_test_rand_int ());
  Expected expected = {
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free),
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
    0,
  };
  gint64 started = g_get_monotonic_time ();
  guint kills = 0, kills_while_opening = 0, kills_after_edits = 0;
  guint max_reported_in_run = 0;

  g_assert_no_error (error);
  create_database (path);

  for (guint run = 0; kills < MIN_KILLS; run++)
    {
      int fds[2];
      pid_t pid;
      int status;
      gboolean ready = FALSE;
      guint reported_before = expected.reported;
      gboolean early = g_rand_int_range (rand, 0, 8) == 0;

      g_assert_cmpint (pipe (fds), ==, 0);
      pid = fork ();
      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          close (fds[0]);
          run_child (path, (gint64) (run + 1) * 1000000, g_rand_int (rand), fds[1]);
        }
      close (fds[1]);

      if (early)
        {
          /* While it opens: recovery of the last kill's WAL, loading. */
          g_usleep (g_rand_int_range (rand, 0, 4000));
        }
      else
        {
          g_assert_true (wait_for_edits (fds[0], g_rand_int_range (rand, 0, 12), 30000, &expected));
          ready = TRUE;
          /* Somewhere inside the next edit, or between two. */
          g_usleep (g_rand_int_range (rand, 0, 3000));
        }

      g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      if (!WIFSIGNALED (status))
        g_error ("the child ended by itself (status %d) before it was killed", status);
      g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);
      drain (fds[0], &expected, &ready);
      close (fds[0]);
      kills++;

      if (!ready)
        kills_while_opening++;
      if (expected.reported - reported_before > 1)
        kills_after_edits++;
      max_reported_in_run = MAX (max_reported_in_run, expected.reported - reported_before);

      check_integrity (path);
      check_expected (path, &expected);
    }

  g_test_message ("%u kills in %.1f s (%u while opening, %u after edits, up to %u edits "
                  "in one run), %u edits reported",
                  kills, (g_get_monotonic_time () - started) / 1e6,
                  kills_while_opening, kills_after_edits, max_reported_in_run,
                  expected.reported);
  g_assert_cmpuint (kills, >=, MIN_KILLS);
  /* The kills did land among edits, not only around them. */
  g_assert_cmpuint (kills_after_edits, >=, MIN_KILLS / 2);
  g_assert_cmpuint (g_hash_table_size (expected.people), >=, MIN_KILLS);
  g_assert_cmpuint (g_hash_table_size (expected.slots), >, 0);

  g_hash_table_unref (expected.people);
  g_hash_table_unref (expected.notes);
  g_hash_table_unref (expected.slots);
  g_hash_table_unref (expected.unsure);
  g_hash_table_unref (expected.deleted);
  g_unlink (wal);
  g_unlink (shm);
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/reliability/crash/kill-while-editing", test_kill_while_editing);

  return g_test_run ();
}
