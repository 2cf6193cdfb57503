/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What a publish recorded, kept in the database across openings. */
#include "config.h"

#include <glib/gstdio.h>

#include "sw-store.h"

#define TOKEN_A "0123456789abcdef0123456789abcdef"
#define TOKEN_B "fedcba9876543210fedcba9876543210"

static void
collect (const char              *uid,
         const SwPublishResource *resource,
         gpointer                 user_data)
{
  g_string_append_printf (user_data, "%s=%s/%s;", uid, resource->etag, resource->hash);
}

static char *
describe (SwPublishState *state)
{
  GString *out = g_string_new (NULL);
  g_auto(GStrv) keys = sw_publish_state_dup_keys (state);

  g_string_append_printf (out, "%s|%s|%d\n", sw_publish_state_get_server (state),
                          sw_publish_state_get_user (state), sw_publish_state_get_include_phones (state));
  for (guint i = 0; keys[i] != NULL; i++)
    {
      SwPublishCalendar calendar;

      g_assert_true (sw_publish_state_lookup_calendar (state, keys[i], &calendar));
      g_string_append_printf (out, "%s %s %s %s %d %s: ", keys[i], calendar.token,
                              calendar.name != NULL ? calendar.name : "(none)",
                              calendar.digest != NULL ? calendar.digest : "(none)", calendar.created,
                              calendar.color != NULL ? calendar.color : "(none)");
      sw_publish_state_foreach_resource (state, keys[i], collect, out);
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

static void
test_round_trip (void)
{
  g_autofree char *dir = g_dir_make_tmp ("sw-store-publish-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "servweek.db", NULL);
  g_autofree char *saved = NULL;
  g_autoptr(GError) error = NULL;
  gint64 plan_id;

  {
    g_autoptr(SwStore) store = sw_store_open (path, SW_STORE_OPEN_CREATE, &error);
    SwOrganisation *org;
    g_autoptr(SwPlan) plan = sw_plan_new ("服务周", 20000, 20006, "Asia/Shanghai");
    g_autoptr(SwPublishState) state = NULL;
    g_autofree char *label = NULL;
    SwPublishCalendar calendar = { TOKEN_A, "服务周 · 周建国", NULL, TRUE, "#c01c28" };
    SwPublishResource resource = { "\"1-a\"", "hash-a" };

    g_assert_no_error (error);
    org = sw_store_get_organisation (store);
    g_assert_true (sw_edit_add (org, org, "plans", plan, &error));
    g_assert_no_error (error);
    plan_id = sw_plan_get_id (plan);
    g_assert_cmpint (plan_id, >, 0);
    label = g_strdup (sw_undo_stack_get_undo_label (sw_organisation_get_undo_stack (org)));

    state = sw_store_load_publish_state (store, plan, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (sw_publish_state_get_server (state), ==, "");

    sw_publish_state_set_server (state, "http://127.0.0.1:5232/coordinator/");
    sw_publish_state_set_user (state, "coordinator");
    sw_publish_state_set_include_phones (state, TRUE);
    g_assert_true (sw_store_save_publish_settings (store, plan, state, &error));
    g_assert_no_error (error);

    /* A calendar half published: no digest yet. */
    sw_publish_state_set_calendar (state, "person:1", &calendar);
    sw_publish_state_set_resource (state, "person:1", "uid-a", &resource);
    resource.etag = "\"1-b\"";
    resource.hash = "hash-b";
    sw_publish_state_set_resource (state, "person:1", "uid-b", &resource);
    g_assert_true (sw_store_save_publish_calendar (store, plan, state, "person:1", &error));
    g_assert_no_error (error);
    /* Saved again after a change: replaced, not added to. */
    sw_publish_state_remove_resource (state, "person:1", "uid-a");
    calendar.digest = "digest-1";
    sw_publish_state_set_calendar (state, "person:1", &calendar);
    g_assert_true (sw_store_save_publish_calendar (store, plan, state, "person:1", &error));
    calendar.token = TOKEN_B;
    calendar.name = NULL;
    calendar.digest = NULL;
    calendar.created = FALSE;
    calendar.color = NULL;
    sw_publish_state_set_calendar (state, "plan", &calendar);
    g_assert_true (sw_store_save_publish_calendar (store, plan, state, "plan", &error));
    g_assert_no_error (error);
    /* Not an undo step. */
    g_assert_cmpstr (sw_undo_stack_get_undo_label (sw_organisation_get_undo_stack (org)), ==, label);
    saved = describe (state);
    g_assert_cmpstr (saved, ==,
                     "http://127.0.0.1:5232/coordinator/|coordinator|1\n"
                     "person:1 " TOKEN_A " 服务周 · 周建国 digest-1 1 #c01c28: uid-b=\"1-b\"/hash-b;\n"
                     "plan " TOKEN_B " (none) (none) 0 (none): \n");
  }

  /* Read back as saved, NULLs as NULLs. */
  {
    g_autoptr(SwStore) store = sw_store_open (path, SW_STORE_OPEN_READ_ONLY, &error);
    SwPlan *plan;
    g_autoptr(SwPublishState) state = NULL;
    g_autofree char *loaded = NULL;

    g_assert_no_error (error);
    plan = sw_organisation_find_plan (sw_store_get_organisation (store), plan_id);
    g_assert_nonnull (plan);
    state = sw_store_load_publish_state (store, plan, &error);
    g_assert_no_error (error);
    loaded = describe (state);
    g_assert_cmpstr (loaded, ==, saved);

    /* Read-only: nothing saved, and said so. */
    g_assert_false (sw_store_save_publish_calendar (store, plan, state, "plan", &error));
    g_assert_error (error, SW_STORE_ERROR, SW_STORE_ERROR_READ_ONLY);
    g_clear_error (&error);
    g_assert_false (sw_store_save_publish_settings (store, plan, state, &error));
    g_assert_error (error, SW_STORE_ERROR, SW_STORE_ERROR_READ_ONLY);
    g_clear_error (&error);
  }

  /* A calendar gone from the state goes from the database, its items too;
   * a deleted plan's records go once no undo can bring it back. */
  {
    g_autoptr(SwStore) store = sw_store_open (path, 0, &error);
    SwOrganisation *org;
    SwPlan *plan;
    g_autoptr(SwPublishState) state = NULL;
    g_autoptr(SwPublishState) again = NULL;
    g_autofree char *loaded = NULL;

    g_assert_no_error (error);
    org = sw_store_get_organisation (store);
    plan = sw_organisation_find_plan (org, plan_id);
    state = sw_store_load_publish_state (store, plan, &error);
    g_assert_no_error (error);
    sw_publish_state_remove_calendar (state, "person:1");
    g_assert_true (sw_store_save_publish_calendar (store, plan, state, "person:1", &error));
    g_assert_no_error (error);
    again = sw_store_load_publish_state (store, plan, &error);
    g_assert_no_error (error);
    loaded = describe (again);
    g_assert_cmpstr (loaded, ==,
                     "http://127.0.0.1:5232/coordinator/|coordinator|1\n"
                     "plan " TOKEN_B " (none) (none) 0 (none): \n");

    g_object_ref (plan);
    g_assert_true (sw_edit_delete_plan (org, plan, &error));
    g_assert_no_error (error);
    sw_undo_stack_clear (sw_organisation_get_undo_stack (org));
    g_assert_true (sw_store_drop_deleted_plans_records (store, &error));
    g_assert_no_error (error);
    g_clear_object (&again);
    again = sw_store_load_publish_state (store, plan, &error);
    g_assert_no_error (error);
    g_clear_pointer (&loaded, g_free);
    loaded = describe (again);
    g_assert_cmpstr (loaded, ==, "||0\n");
    g_object_unref (plan);
  }

  g_unlink (path);
  g_rmdir (dir);
}

static char *
describe_received (SwReceived *received,
                   gint64      person_id)
{
  GPtrArray *duties = sw_received_lookup (received, person_id);
  GString *out;

  if (duties == NULL)
    return g_strdup ("(never)");
  out = g_string_new (NULL);
  for (guint i = 0; i < duties->len; i++)
    {
      SwReceivedDuty *duty = g_ptr_array_index (duties, i);

      g_string_append_printf (out, "%s/%" G_GINT64_FORMAT " %s %s %s %" G_GINT64_FORMAT "-%" G_GINT64_FORMAT ";",
                              duty->slot_uid, duty->duty_id, duty->title, duty->duty, duty->location,
                              duty->start, duty->end);
    }
  return g_string_free (out, FALSE);
}

static GHashTable *
index_of (gint64                person_id,
          const SwReceivedDuty *first,
          ...)
{
  GHashTable *index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                             (GDestroyNotify) g_ptr_array_unref);
  GPtrArray *duties = g_ptr_array_new_with_free_func ((GDestroyNotify) sw_received_duty_free);
  g_autoptr(SwReceived) scratch = sw_received_new ();
  va_list args;

  /* Copies through the map's own copy. */
  va_start (args, first);
  for (const SwReceivedDuty *duty = first; duty != NULL; duty = va_arg (args, const SwReceivedDuty *))
    sw_received_add (scratch, person_id, duty);
  va_end (args);
  for (guint i = 0; first != NULL && i < sw_received_lookup (scratch, person_id)->len; i++)
    g_ptr_array_add (duties, g_steal_pointer (&sw_received_lookup (scratch, person_id)->pdata[i]));
  g_hash_table_insert (index, g_memdup2 (&person_id, sizeof person_id), duties);
  return index;
}

static SwPerson *
person_with_id (gint64 id)
{
  SwPerson *person = sw_person_new ("周建国", NULL);

  sw_person_set_id (person, id);
  return person;
}

/* What each person received: saved person by person, read back as
 * saved, replaced (not added to) when received again; someone who
 * received a calendar without duties is not someone who never received
 * one; a read-only database refuses. */
static void
test_received (void)
{
  g_autofree char *dir = g_dir_make_tmp ("sw-store-received-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "servweek.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SwPerson) zhou = person_with_id (11);
  g_autoptr(SwPerson) wu = person_with_id (12);
  SwReceivedDuty desk = { "uid-desk", 7, "广场服务台", "引导", "人民广场", 100, 220 };
  SwReceivedDuty meeting = { "uid-meeting", 0, "动员会", "", "会议室", 40, 100 };
  gint64 plan_id;

  {
    g_autoptr(SwStore) store = sw_store_open (path, SW_STORE_OPEN_CREATE, &error);
    SwOrganisation *org;
    g_autoptr(SwPlan) plan = sw_plan_new ("服务周", 20000, 20006, "Asia/Shanghai");
    g_autoptr(SwReceived) received = NULL;
    g_autoptr(GHashTable) index = index_of (11, &desk, &meeting, NULL);
    g_autoptr(GArray) changed = NULL;

    g_assert_no_error (error);
    org = sw_store_get_organisation (store);
    g_assert_true (sw_edit_add (org, org, "plans", plan, &error));
    g_assert_no_error (error);
    plan_id = sw_plan_get_id (plan);
    received = sw_store_load_received (store, plan, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (sw_received_get_n_people (received), ==, 0);

    sw_received_record (received, index, zhou);
    sw_received_record (received, index, wu);
    changed = sw_received_dup_changed (received);
    g_assert_cmpuint (changed->len, ==, 2);
    g_assert_cmpint (g_array_index (changed, gint64, 0), ==, 11);
    g_assert_true (sw_store_save_received (store, plan, received, &error));
    g_assert_no_error (error);
    g_clear_pointer (&changed, g_array_unref);
    changed = sw_received_dup_changed (received);
    g_assert_cmpuint (changed->len, ==, 0);
  }

  {
    g_autoptr(SwStore) store = sw_store_open (path, SW_STORE_OPEN_READ_ONLY, &error);
    SwPlan *plan = sw_organisation_find_plan (sw_store_get_organisation (store), plan_id);
    g_autoptr(SwReceived) received = sw_store_load_received (store, plan, &error);
    g_autoptr(GHashTable) index = index_of (11, NULL);
    g_autofree char *zhou_got = NULL;
    g_autofree char *wu_got = NULL;
    g_autofree char *nobody = NULL;

    g_assert_no_error (error);
    zhou_got = describe_received (received, 11);
    wu_got = describe_received (received, 12);
    nobody = describe_received (received, 13);
    g_assert_cmpstr (zhou_got, ==, "uid-meeting/0 动员会  会议室 40-100;uid-desk/7 广场服务台 引导 人民广场 100-220;");
    g_assert_cmpstr (wu_got, ==, "");
    g_assert_cmpstr (nobody, ==, "(never)");
    g_assert_cmpuint (sw_received_get_n_people (received), ==, 2);

    sw_received_record (received, index, zhou);
    g_assert_false (sw_store_save_received (store, plan, received, &error));
    g_assert_error (error, SW_STORE_ERROR, SW_STORE_ERROR_READ_ONLY);
    g_clear_error (&error);
  }

  {
    g_autoptr(SwStore) store = sw_store_open (path, 0, &error);
    SwPlan *plan = sw_organisation_find_plan (sw_store_get_organisation (store), plan_id);
    g_autoptr(SwReceived) received = sw_store_load_received (store, plan, &error);
    g_autoptr(SwReceived) again = NULL;
    g_autoptr(GHashTable) index = index_of (11, &desk, NULL);
    g_autofree char *zhou_got = NULL;

    g_assert_no_error (error);
    sw_received_record (received, index, zhou);
    g_assert_true (sw_store_save_received (store, plan, received, &error));
    g_assert_no_error (error);
    again = sw_store_load_received (store, plan, &error);
    zhou_got = describe_received (again, 11);
    g_assert_cmpstr (zhou_got, ==, "uid-desk/7 广场服务台 引导 人民广场 100-220;");
  }

  g_unlink (path);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store-publish/round-trip", test_round_trip);
  g_test_add_func ("/store-publish/received", test_received);

  return g_test_run ();
}
