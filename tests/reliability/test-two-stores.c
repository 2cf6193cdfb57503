/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "sw-core.h"
#include "sw-store.h"

/*
 * Two programs on one file (the window and servweek-cli): each notices the
 * other's saves, reloads in place, and never writes over them.
 */

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("sw-two-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "two.db", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (fixture->path, suffixes[i], NULL);
      g_unlink (file);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static SwStore *
open_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  SwStore *store = sw_store_open (path, SW_STORE_OPEN_CREATE, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);

  return store;
}

static SwOrganisation *
org_of (SwStore *store)
{
  return sw_store_get_organisation (store);
}

static SwPerson *
person_at (SwStore *store,
           guint    position)
{
  g_autoptr(SwPerson) person = g_list_model_get_item (sw_organisation_get_people (org_of (store)), position);

  return person;
}

static void
add_person (SwStore    *store,
            const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SwPerson) person = sw_person_new (name, NULL);

  g_assert_true (sw_edit_add (org_of (store), org_of (store), "people", person, &error));
  g_assert_no_error (error);
}

static gboolean
poll_changed (SwStore *store)
{
  g_autoptr(GError) error = NULL;
  gboolean changed = TRUE;

  g_assert_true (sw_store_poll_external_change (store, &changed, &error));
  g_assert_no_error (error);

  return changed;
}

static void
count_cb (gpointer  instance,
          guint    *count)
{
  (*count)++;
}

static void
items_changed_cb (GListModel *list,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *count)
{
  (*count)++;
}

static void
test_notice_and_reload (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(SwStore) window = open_store (fixture->path);
  g_autoptr(SwStore) cli = NULL;
  g_autoptr(SwPerson) old_first = NULL;
  g_autoptr(GError) error = NULL;
  SwUndoStack *stack = sw_organisation_get_undo_stack (org_of (window));
  GListModel *people = sw_organisation_get_people (org_of (window));
  guint reloaded = 0, people_changed = 0;

  add_person (window, "Wang Fang");
  add_person (window, "Li Wei");
  g_assert_true (sw_store_poll_external_change (window, &(gboolean){ TRUE }, &error));
  g_assert_false (poll_changed (window));
  g_assert_true (sw_undo_stack_get_can_undo (stack));

  /* Another program: its own saves are not "external" to itself. */
  cli = open_store (fixture->path);
  g_assert_cmpuint (g_list_model_get_n_items (sw_organisation_get_people (org_of (cli))), ==, 2);
  g_assert_true (sw_undo_stack_set (sw_organisation_get_undo_stack (org_of (cli)), &error,
                                    person_at (cli, 0), "phone", "010-1234"));
  g_assert_no_error (error);
  add_person (cli, "Zhao Lei");
  g_assert_false (poll_changed (cli));

  g_assert_true (poll_changed (window));
  g_assert_true (poll_changed (window));  /* until reloaded */

  /* A save based on the old contents is refused and nothing changes. */
  g_assert_false (sw_undo_stack_set (stack, &error, person_at (window, 0), "phone", "999"));
  g_assert_error (error, SW_STORE_ERROR, SW_STORE_ERROR_CHANGED);
  g_clear_error (&error);
  g_assert_cmpstr (sw_person_get_phone (person_at (window, 0)), ==, "");

  old_first = g_object_ref (person_at (window, 0));
  g_signal_connect (window, "reloaded", G_CALLBACK (count_cb), &reloaded);
  g_signal_connect (people, "items-changed", G_CALLBACK (items_changed_cb), &people_changed);
  g_assert_true (sw_store_reload (window, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (reloaded, ==, 1);
  g_assert_cmpuint (people_changed, ==, 1);  /* in place: the same list */
  g_assert_true (sw_organisation_get_people (org_of (window)) == people);
  g_assert_false (sw_undo_stack_get_can_undo (stack));
  g_assert_false (poll_changed (window));

  g_assert_cmpuint (g_list_model_get_n_items (people), ==, 3);
  g_assert_true (person_at (window, 0) != old_first);
  g_assert_cmpint (sw_person_get_id (person_at (window, 0)), ==, sw_person_get_id (old_first));
  g_assert_cmpstr (sw_person_get_phone (person_at (window, 0)), ==, "010-1234");
  g_assert_cmpstr (sw_person_get_name (person_at (window, 2)), ==, "Zhao Lei");

  /* Now the window saves, and the other program notices in turn. */
  g_assert_true (sw_undo_stack_set (stack, &error, person_at (window, 1), "phone", "020-5678"));
  g_assert_no_error (error);
  g_assert_true (sw_undo_stack_undo (stack, &error) && sw_undo_stack_redo (stack, &error));
  g_assert_no_error (error);
  g_assert_true (poll_changed (cli));
  g_assert_false (sw_undo_stack_set (sw_organisation_get_undo_stack (org_of (cli)), &error,
                                     person_at (cli, 2), "phone", "lost?"));
  g_assert_error (error, SW_STORE_ERROR, SW_STORE_ERROR_CHANGED);
  g_clear_error (&error);
  g_assert_true (sw_store_reload (cli, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (sw_person_get_phone (person_at (cli, 1)), ==, "020-5678");
  g_assert_cmpstr (sw_person_get_phone (person_at (cli, 0)), ==, "010-1234");
  g_assert_cmpstr (sw_person_get_phone (person_at (cli, 2)), ==, "");

  /* A third look at the file holds everything both wrote. */
  g_clear_object (&cli);
  g_clear_object (&window);
  {
    g_autoptr(SwStore) third = open_store (fixture->path);

    g_assert_cmpuint (g_list_model_get_n_items (sw_organisation_get_people (org_of (third))), ==, 3);
    g_assert_cmpstr (sw_person_get_phone (person_at (third, 0)), ==, "010-1234");
    g_assert_cmpstr (sw_person_get_phone (person_at (third, 1)), ==, "020-5678");
  }
}

/* Plans and everything in them are replaced too. */
static void
test_reload_plans (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(SwStore) window = open_store (fixture->path);
  g_autoptr(SwStore) cli = open_store (fixture->path);
  g_autoptr(GError) error = NULL;
  g_autoptr(SwPlan) plan = sw_plan_new ("Week", 20716, 20722, "Asia/Shanghai");
  g_autoptr(SwSlot) slot = sw_slot_new (SW_SLOT_KIND_FORUM, "Forum", 20716 * 1440 + 540, 20716 * 1440 + 600);
  g_autoptr(SwPlan) seen = NULL;
  g_autoptr(SwSlot) seen_slot = NULL;

  g_assert_true (sw_edit_add (org_of (cli), org_of (cli), "plans", plan, &error));
  g_assert_true (sw_edit_add (org_of (cli), plan, "slots", slot, &error));
  g_assert_no_error (error);
  g_assert_true (sw_edit_move_slot (org_of (cli), slot, 20717 * 1440 + 540, 20717 * 1440 + 660, &error));
  g_assert_no_error (error);

  g_assert_true (poll_changed (window));
  g_assert_true (sw_store_reload (window, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (sw_organisation_get_plans (org_of (window))), ==, 1);
  seen = g_list_model_get_item (sw_organisation_get_plans (org_of (window)), 0);
  g_assert_cmpint (sw_plan_get_id (seen), ==, sw_plan_get_id (plan));
  g_assert_cmpuint (g_list_model_get_n_items (sw_plan_get_slots (seen)), ==, 1);
  seen_slot = g_list_model_get_item (sw_plan_get_slots (seen), 0);
  g_assert_cmpstr (sw_slot_get_uid (seen_slot), ==, sw_slot_get_uid (slot));
  g_assert_cmpint (sw_slot_get_start (seen_slot), ==, 20717 * 1440 + 540);
  g_assert_cmpint (sw_slot_get_end (seen_slot), ==, 20717 * 1440 + 660);

  /* No change since: reloading again changes nothing visible. */
  g_assert_false (poll_changed (window));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/reliability/two-stores/notice-and-reload", Fixture, NULL,
              fixture_set_up, test_notice_and_reload, fixture_tear_down);
  g_test_add ("/reliability/two-stores/reload-plans", Fixture, NULL,
              fixture_set_up, test_reload_plans, fixture_tear_down);

  return g_test_run ();
}
