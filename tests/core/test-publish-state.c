/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What a publish recorded of the server: calendars, items, settings. */
#include "config.h"

#include "sw-core.h"

static void
collect (const char              *uid,
         const SwPublishResource *resource,
         gpointer                 user_data)
{
  g_string_append_printf (user_data, "%s=%s/%s;", uid, resource->etag, resource->hash);
}

static void
test_calendars (void)
{
  g_autoptr(SwPublishState) state = sw_publish_state_new ();
  SwPublishCalendar calendar = { "0123456789abcdef0123456789abcdef", "诚信工程 · 周建国", NULL, FALSE, NULL };
  SwPublishCalendar out;
  SwPublishResource resource = { "\"e1\"", "h1" };
  SwPublishResource got;
  g_autoptr(GString) seen = g_string_new (NULL);
  g_auto(GStrv) keys = NULL;
  g_auto(GStrv) uids = NULL;

  g_assert_cmpstr (sw_publish_state_get_server (state), ==, "");
  g_assert_false (sw_publish_state_get_include_phones (state));
  sw_publish_state_set_server (state, "http://127.0.0.1:5232/coordinator/");
  sw_publish_state_set_user (state, "coordinator");
  sw_publish_state_set_include_phones (state, TRUE);
  g_assert_cmpstr (sw_publish_state_get_server (state), ==, "http://127.0.0.1:5232/coordinator/");
  g_assert_cmpstr (sw_publish_state_get_user (state), ==, "coordinator");
  g_assert_true (sw_publish_state_get_include_phones (state));

  g_assert_false (sw_publish_state_lookup_calendar (state, "person:1", &out));
  sw_publish_state_set_calendar (state, "person:1", &calendar);
  sw_publish_state_set_calendar (state, "plan", &calendar);
  g_assert_true (sw_publish_state_lookup_calendar (state, "person:1", &out));
  g_assert_cmpstr (out.token, ==, calendar.token);
  g_assert_cmpstr (out.name, ==, "诚信工程 · 周建国");
  g_assert_null (out.digest);
  g_assert_false (out.created);

  sw_publish_state_set_resource (state, "person:1", "b-uid", &resource);
  resource.etag = "\"e2\"";
  resource.hash = "h2";
  sw_publish_state_set_resource (state, "person:1", "a-uid", &resource);
  g_assert_true (sw_publish_state_lookup_resource (state, "person:1", "b-uid", &got));
  g_assert_cmpstr (got.etag, ==, "\"e1\"");
  g_assert_false (sw_publish_state_lookup_resource (state, "plan", "b-uid", &got));
  sw_publish_state_foreach_resource (state, "person:1", collect, seen);
  g_assert_cmpstr (seen->str, ==, "a-uid=\"e2\"/h2;b-uid=\"e1\"/h1;");

  /* Setting the calendar again keeps its items; from its own strings too. */
  g_assert_true (sw_publish_state_lookup_calendar (state, "person:1", &out));
  out.digest = "d1";
  out.created = TRUE;
  sw_publish_state_set_calendar (state, "person:1", &out);
  g_assert_true (sw_publish_state_lookup_calendar (state, "person:1", &out));
  g_assert_cmpstr (out.digest, ==, "d1");
  g_assert_cmpstr (out.token, ==, calendar.token);
  g_assert_true (out.created);
  uids = sw_publish_state_dup_uids (state, "person:1");
  g_assert_cmpuint (g_strv_length (uids), ==, 2);
  g_assert_cmpstr (uids[0], ==, "a-uid");

  sw_publish_state_remove_resource (state, "person:1", "a-uid");
  g_assert_false (sw_publish_state_lookup_resource (state, "person:1", "a-uid", NULL));
  keys = sw_publish_state_dup_keys (state);
  g_assert_cmpuint (g_strv_length (keys), ==, 2);
  g_assert_cmpstr (keys[0], ==, "person:1");
  g_assert_cmpstr (keys[1], ==, "plan");

  sw_publish_state_remove_calendar (state, "person:1");
  g_assert_false (sw_publish_state_lookup_calendar (state, "person:1", NULL));
  g_assert_false (sw_publish_state_lookup_resource (state, "person:1", "b-uid", NULL));
  g_strfreev (uids);
  uids = sw_publish_state_dup_uids (state, "person:1");
  g_assert_cmpuint (g_strv_length (uids), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/publish-state/calendars", test_calendars);

  return g_test_run ();
}
