/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * SwCalDavClient against a real Radicale with data/caldav's set-up
 * (started by run-caldav-client.py, which passes its address in
 * SW_CALDAV_URL, SW_CALDAV_USER and SW_CALDAV_PASSWORD), and against
 * servers that refuse, stay silent or show an untrusted certificate.
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "sw-caldav-client.h"

static const char *server_url;
static const char *server_user;
static const char *server_password;

#define EVENT_TEMPLATE                                    \
  "BEGIN:VCALENDAR\r\n"                                   \
  "VERSION:2.0\r\n"                                       \
  "PRODID:-//servweek//Service Week Planner//EN\r\n"      \
  "BEGIN:VEVENT\r\n"                                      \
  "UID:%s\r\n"                                            \
  "DTSTAMP:20260901T000000Z\r\n"                          \
  "DTSTART:20260923T010000Z\r\n"                          \
  "DTEND:20260923T030000Z\r\n"                            \
  "SEQUENCE:%d\r\n"                                       \
  "SUMMARY:%s\r\n"                                        \
  "LOCATION:人民广场\r\n"                                 \
  "DESCRIPTION:%s\r\n"                                    \
  "END:VEVENT\r\n"                                        \
  "END:VCALENDAR\r\n"

/* Longer than a line: Radicale folds it (between characters, as it
 * happens) when it stores the event. */
static char *
long_description (void)
{
  GString *text = g_string_new (NULL);

  for (int i = 0; i < 12; i++)
    g_string_append (text, "受理报装、咨询，现场抢修；");
  return g_string_free (text, FALSE);
}

static GBytes *
event_bytes (const char *uid,
             int         sequence,
             const char *summary)
{
  g_autofree char *description = long_description ();
  char *text = g_strdup_printf (EVENT_TEMPLATE, uid, sequence, summary, description);

  return g_bytes_new_take (text, strlen (text));
}

/* A fresh token (128 random bits in hex), as the publisher makes them. */
static char *
new_token (void)
{
  GString *token = g_string_new (NULL);

  for (int i = 0; i < 4; i++)
    g_string_append_printf (token, "%08x", g_random_int ());
  return g_string_free (token, FALSE);
}

static gboolean
need_server (void)
{
  if (server_url != NULL)
    return TRUE;
  g_test_skip ("no CalDAV server (run through run-caldav-client.py)");
  return FALSE;
}

static SwCalDavClient *
coordinator (void)
{
  return sw_caldav_client_new (server_url, server_user, server_password);
}

/* The value of the iCalendar property @name in @body (unfolded lines). */
static char *
ics_value (GBytes     *body,
           const char *name)
{
  g_autofree char *text = g_strndup (g_bytes_get_data (body, NULL), g_bytes_get_size (body));
  g_autofree char *unfolded = NULL;
  g_auto (GStrv) lines = NULL;
  g_autofree char *prefix = g_strconcat (name, ":", NULL);
  GString *joined = g_string_new (NULL);

  /* RFC 5545 folding: CRLF followed by one space or tab continues a line. */
  for (const char *p = text; *p != '\0'; p++)
    {
      if (p[0] == '\r' && p[1] == '\n' && (p[2] == ' ' || p[2] == '\t'))
        {
          p += 2;
          continue;
        }
      if (p[0] != '\r')
        g_string_append_c (joined, *p);
    }
  unfolded = g_string_free (joined, FALSE);
  lines = g_strsplit (unfolded, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], prefix))
      return g_strdup (lines[i] + strlen (prefix));
  return NULL;
}

static void
test_resolve (void)
{
  g_autoptr (SwCalDavClient) client = sw_caldav_client_new ("http://127.0.0.1:5232/coordinator",
                                                            "coordinator", "secret");
  g_autoptr (SwCalDavClient) broken = sw_caldav_client_new ("ftp://example.org/", NULL, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) ics = event_bytes ("x", 0, "x");
  char *url = NULL;

  url = sw_caldav_client_resolve (client, "4f00/a b@servweek.ics", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (url, ==, "http://127.0.0.1:5232/coordinator/4f00/a%20b@servweek.ics");
  g_free (url);

  url = sw_caldav_client_resolve (client, "/other/x/", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (url, ==, "http://127.0.0.1:5232/other/x/");
  g_free (url);

  /* A colon in a first segment is no scheme; "%" and "?" are text. */
  url = sw_caldav_client_resolve (client, "a:b/100%?.ics", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (url, ==, "http://127.0.0.1:5232/coordinator/a%3Ab/100%25%3F.ics");
  g_free (url);

  url = sw_caldav_client_resolve (client, "服务.ics", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (url, ==, "http://127.0.0.1:5232/coordinator/%E6%9C%8D%E5%8A%A1.ics");
  g_free (url);

  /* The password never appears in a URL handed out. */
  {
    g_autoptr (SwCalDavClient) inline_user =
      sw_caldav_client_new ("https://u:pw@dav.example.org/c/", NULL, NULL);

    url = sw_caldav_client_resolve (inline_user, "t/", &error);
    g_assert_no_error (error);
    g_assert_cmpstr (url, ==, "https://dav.example.org/c/t/");
    g_free (url);
  }

  g_assert_null (sw_caldav_client_resolve (broken, "x.ics", &error));
  g_assert_error (error, SW_CALDAV_ERROR, SW_CALDAV_ERROR_INVALID_URL);
  g_clear_error (&error);
  g_assert_false (sw_caldav_client_put (broken, "x.ics", ics, NULL, NULL, NULL, &error));
  g_assert_error (error, SW_CALDAV_ERROR, SW_CALDAV_ERROR_INVALID_URL);
  g_assert_cmpuint (sw_caldav_client_get_n_requests (broken), ==, 0);
}

static void
test_calendar (void)
{
  g_autoptr (SwCalDavClient) client = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *token = new_token ();
  g_autofree char *path = g_strconcat (token, "/", NULL);
  g_autofree char *name = NULL;
  g_autofree char *color = NULL;
  g_autofree char *description = NULL;

  if (!need_server ())
    return;
  client = coordinator ();

  g_assert_true (sw_caldav_client_make_calendar (client, path, "周建国 · 服务周", "#3584E4FF",
                                                 "诚信工程优质服务宣传周 <值班> & 服务", NULL,
                                                 &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sw_caldav_client_get_n_requests_for (client, "MKCALENDAR"), ==, 1);

  /* Made once only: a second time says so, and changes nothing. */
  g_assert_false (sw_caldav_client_make_calendar (client, path, "别的名字", NULL, NULL, NULL,
                                                  &error));
  g_assert_error (error, SW_CALDAV_ERROR, SW_CALDAV_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, token));
  g_clear_error (&error);

  g_assert_true (sw_caldav_client_get_calendar_properties (client, path, &name, &color,
                                                           &description, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (name, ==, "周建国 · 服务周");
  g_assert_cmpstr (color, ==, "#3584E4FF");
  g_assert_cmpstr (description, ==, "诚信工程优质服务宣传周 <值班> & 服务");
  g_clear_pointer (&name, g_free);
  g_clear_pointer (&color, g_free);
  g_clear_pointer (&description, g_free);

  /* Renamed and recoloured; the description removed. */
  g_assert_true (sw_caldav_client_set_calendar_properties (client, path, "周建国 · 服务企业周",
                                                           "#E66100FF", "", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sw_caldav_client_get_n_requests_for (client, "PROPPATCH"), ==, 1);
  g_assert_true (sw_caldav_client_get_calendar_properties (client, path, &name, &color,
                                                           &description, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (name, ==, "周建国 · 服务企业周");
  g_assert_cmpstr (color, ==, "#E66100FF");
  g_assert_null (description);
  g_clear_pointer (&name, g_free);
  g_clear_pointer (&color, g_free);

  /* NULL leaves a property as it is. */
  g_assert_true (sw_caldav_client_set_calendar_properties (client, path, NULL, "#2EC27EFF", NULL,
                                                           NULL, &error));
  g_assert_no_error (error);
  g_assert_true (sw_caldav_client_get_calendar_properties (client, path, &name, &color, NULL,
                                                           NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (name, ==, "周建国 · 服务企业周");
  g_assert_cmpstr (color, ==, "#2EC27EFF");

  /* A collection removed is gone, and removing it again is no error. */
  g_assert_true (sw_caldav_client_delete_collection (client, path, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (sw_caldav_client_get_calendar_properties (client, path, NULL, NULL, NULL, NULL,
                                                            &error));
  g_assert_error (error, SW_CALDAV_ERROR, SW_CALDAV_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (sw_caldav_client_delete_collection (client, path, NULL, &error));
  g_assert_no_error (error);

  /* No calendar inside a calendar (Radicale: 403). */
  g_assert_true (sw_caldav_client_make_calendar (client, path, "甲", NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  {
    g_autofree char *inner = g_strconcat (token, "/inner/", NULL);

    g_assert_false (sw_caldav_client_make_calendar (client, inner, "乙", NULL, NULL, NULL,
                                                    &error));
    g_assert_error (error, SW_CALDAV_ERROR, SW_CALDAV_ERROR_FORBIDDEN);
    g_clear_error (&error);
  }
}

static void
test_events (void)
{
  g_autoptr (SwCalDavClient) client = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *token = new_token ();
  g_autofree char *collection = g_strconcat (token, "/", NULL);
  g_autofree char *uid = g_uuid_string_random ();
  g_autofree char *path = g_strdup_printf ("%s/%s.ics", token, uid);
  /* A name that needs encoding, to see that listed paths can be used again. */
  g_autofree char *odd_uid = g_strdup_printf ("%s@servweek 服务", token);
  g_autofree char *odd_path = g_strdup_printf ("%s/%s.ics", token, odd_uid);
  g_autoptr (GBytes) first = event_bytes (uid, 0, "广场服务台");
  g_autoptr (GBytes) second = event_bytes (uid, 1, "广场服务台（改到下午）");
  g_autoptr (GBytes) odd = event_bytes (odd_uid, 0, "上门服务");
  g_autoptr (GBytes) body = NULL;
  g_autoptr (GHashTable) etags = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *etag2 = NULL;
  g_autofree char *odd_etag = NULL;
  g_autofree char *read_etag = NULL;
  g_autofree char *value = NULL;
  g_autofree char *absolute = NULL;
  g_autofree char *odd_absolute = NULL;
  guint before = 0;

  if (!need_server ())
    return;
  client = coordinator ();
  g_assert_true (sw_caldav_client_make_calendar (client, collection, "服务周", NULL, NULL, NULL,
                                                 &error));
  g_assert_no_error (error);

  /* Created: one PUT, which brings its ETag (no PROPFIND after it). */
  before = sw_caldav_client_get_n_requests (client);
  g_assert_true (sw_caldav_client_put (client, path, first, NULL, &etag, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sw_caldav_client_get_n_requests (client), ==, before + 1);
  g_assert_cmpuint (sw_caldav_client_get_n_requests_for (client, "PUT"), ==, 1);
  g_assert_cmpuint (sw_caldav_client_get_n_requests_for (client, "PROPFIND"), ==, 0);
  g_assert_nonnull (etag);
  g_assert_true (g_str_has_prefix (etag, "\"") && g_str_has_suffix (etag, "\""));

  /* Creating it again does not overwrite it. */
  g_assert_false (sw_caldav_client_put (client, path, second, NULL, NULL, NULL, &error));
  g_assert_error (error, SW_CALDAV_ERROR, SW_CALDAV_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "exists"));
  g_assert_nonnull (strstr (error->message, uid));
  g_clear_error (&error);

  /* Changed with the right ETag: a new one. */
  g_assert_true (sw_caldav_client_put (client, path, second, etag, &etag2, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (etag2);
  g_assert_cmpstr (etag2, !=, etag);

  /* With the old ETag (somebody changed it since): refused. */
  g_assert_false (sw_caldav_client_put (client, path, first, etag, NULL, NULL, &error));
  g_assert_error (error, SW_CALDAV_ERROR, SW_CALDAV_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "changed"));
  g_clear_error (&error);

  /* Read back: the Chinese text as written, the ETag the PUT gave.
   * Radicale keeps the event re-serialised (properties in another order,
   * long lines folded anew), so the values are compared, not the bytes. */
  g_assert_true (sw_caldav_client_get (client, path, &read_etag, &body, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (read_etag, ==, etag2);
  value = ics_value (body, "UID");
  g_assert_cmpstr (value, ==, uid);
  g_clear_pointer (&value, g_free);
  value = ics_value (body, "SUMMARY");
  g_assert_cmpstr (value, ==, "广场服务台（改到下午）");
  g_clear_pointer (&value, g_free);
  value = ics_value (body, "LOCATION");
  g_assert_cmpstr (value, ==, "人民广场");
  g_clear_pointer (&value, g_free);
  value = ics_value (body, "DESCRIPTION");
  {
    g_autofree char *description = long_description ();

    g_assert_cmpstr (value, ==, description);
  }
  g_clear_pointer (&value, g_free);
  value = ics_value (body, "SEQUENCE");
  g_assert_cmpstr (value, ==, "1");
  g_clear_pointer (&value, g_free);
  g_clear_pointer (&read_etag, g_free);
  g_clear_pointer (&body, g_bytes_unref);

  g_assert_true (sw_caldav_client_put (client, odd_path, odd, NULL, &odd_etag, NULL, &error));
  g_assert_no_error (error);

  /* The listing: every member with the ETag it has now, not the collection. */
  g_assert_true (sw_caldav_client_list (client, collection, &etags, NULL, &error));
  g_assert_no_error (error);
  absolute = g_strdup_printf ("/%s/%s", server_user, path);
  odd_absolute = g_strdup_printf ("/%s/%s", server_user, odd_path);
  g_assert_cmpuint (g_hash_table_size (etags), ==, 2);
  g_assert_cmpstr (g_hash_table_lookup (etags, absolute), ==, etag2);
  g_assert_cmpstr (g_hash_table_lookup (etags, odd_absolute), ==, odd_etag);

  /* A listed path works as a path. */
  g_assert_true (sw_caldav_client_get (client, odd_absolute, &read_etag, &body, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (read_etag, ==, odd_etag);
  value = ics_value (body, "UID");
  g_assert_cmpstr (value, ==, odd_uid);
  g_clear_pointer (&value, g_free);
  g_clear_pointer (&read_etag, g_free);
  g_clear_pointer (&body, g_bytes_unref);

  /* The whole collection, as a webcal subscriber gets it. */
  {
    g_autoptr (SwCalDavClient) anybody = sw_caldav_client_new (server_url, NULL, NULL);
    g_autofree char *text = NULL;

    g_assert_true (sw_caldav_client_get (anybody, collection, NULL, &body, NULL, &error));
    g_assert_no_error (error);
    text = g_strndup (g_bytes_get_data (body, NULL), g_bytes_get_size (body));
    g_assert_nonnull (strstr (text, "广场服务台（改到下午）"));
    g_assert_nonnull (strstr (text, "上门服务"));
    g_clear_pointer (&body, g_bytes_unref);
  }

  /* Removing with a stale ETag keeps it; with the right one removes it;
   * removing what is gone is done. */
  g_assert_false (sw_caldav_client_delete (client, path, etag, NULL, &error));
  g_assert_error (error, SW_CALDAV_ERROR, SW_CALDAV_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_true (sw_caldav_client_get (client, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (sw_caldav_client_delete (client, path, etag2, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (sw_caldav_client_get (client, path, NULL, NULL, NULL, &error));
  g_assert_error (error, SW_CALDAV_ERROR, SW_CALDAV_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (sw_caldav_client_delete (client, path, etag2, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (sw_caldav_client_delete (client, path, NULL, NULL, &error));
  g_assert_no_error (error);

  /* Changing what is gone is a conflict too (it was removed on the server). */
  g_assert_false (sw_caldav_client_put (client, path, second, etag2, NULL, NULL, &error));
  g_assert_error (error, SW_CALDAV_ERROR, SW_CALDAV_ERROR_CONFLICT);
  g_clear_error (&error);

  g_clear_pointer (&etags, g_hash_table_unref);
  g_assert_true (sw_caldav_client_list (client, collection, &etags, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (etags), ==, 1);
  g_assert_true (g_hash_table_contains (etags, odd_absolute));
  g_clear_pointer (&etags, g_hash_table_unref);

  /* The same UID under another name. */
  {
    g_autofree char *twin = g_strdup_printf ("%s/twin.ics", token);

    g_assert_false (sw_caldav_client_put (client, twin, odd, NULL, NULL, NULL, &error));
    g_assert_error (error, SW_CALDAV_ERROR, SW_CALDAV_ERROR_UID_IN_USE);
    g_clear_error (&error);
  }

  /* A collection that is not there. */
  {
    g_autofree char *missing = new_token ();

    g_assert_false (sw_caldav_client_list (client, missing, &etags, NULL, &error));
    g_assert_error (error, SW_CALDAV_ERROR, SW_CALDAV_ERROR_NOT_FOUND);
    g_assert_null (etags);
    g_clear_error (&error);
  }

  /* Every request was counted, by method too. */
  g_assert_cmpuint (sw_caldav_client_get_n_requests_for (client, "MKCALENDAR"), ==, 1);
  g_assert_cmpuint (sw_caldav_client_get_n_requests_for (client, "PUT"), ==, 7);
  g_assert_cmpuint (sw_caldav_client_get_n_requests_for (client, "GET"), ==, 4);
  g_assert_cmpuint (sw_caldav_client_get_n_requests_for (client, "DELETE"), ==, 4);
  g_assert_cmpuint (sw_caldav_client_get_n_requests_for (client, "PROPFIND"), ==, 3);
  g_assert_cmpuint (sw_caldav_client_get_n_requests_for (client, "propfind"), ==, 3);
  g_assert_cmpuint (sw_caldav_client_get_n_requests_for (client, "PROPPATCH"), ==, 0);
  g_assert_cmpuint (sw_caldav_client_get_n_requests (client), ==, 19);
}

static void
test_denied (void)
{
  g_autoptr (SwCalDavClient) client = NULL;
  g_autoptr (SwCalDavClient) wrong = NULL;
  g_autoptr (SwCalDavClient) anybody = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *token = new_token ();
  g_autofree char *collection = g_strconcat (token, "/", NULL);
  g_autofree char *path = g_strdup_printf ("%s/intruder.ics", token);
  g_autofree char *elsewhere = g_strdup_printf ("/somebody-else/%s/x.ics", token);
  g_autoptr (GBytes) ics = event_bytes ("intruder@example.org", 0, "广场服务台");
  g_autoptr (GUri) uri = NULL;
  g_autoptr (GHashTable) etags = NULL;
  g_autofree char *server = NULL;

  if (!need_server ())
    return;
  client = coordinator ();
  uri = g_uri_parse (server_url, G_URI_FLAGS_NONE, NULL);
  server = g_strdup_printf ("%s:%d", g_uri_get_host (uri), g_uri_get_port (uri));
  g_assert_true (sw_caldav_client_make_calendar (client, collection, "服务周", NULL, NULL, NULL,
                                                 &error));
  g_assert_no_error (error);

  /* A wrong password: one request, one 401, no retry. */
  wrong = sw_caldav_client_new (server_url, server_user, "wrong");
  g_assert_false (sw_caldav_client_put (wrong, path, ics, NULL, NULL, NULL, &error));
  g_assert_error (error, SW_CALDAV_ERROR, SW_CALDAV_ERROR_AUTH);
  g_assert_nonnull (strstr (error->message, server));
  g_assert_nonnull (strstr (error->message, server_user));
  g_clear_error (&error);
  g_assert_cmpuint (sw_caldav_client_get_n_requests (wrong), ==, 1);

  /* Nobody: Radicale asks for an account (401), it does not say 403. */
  anybody = sw_caldav_client_new (server_url, NULL, NULL);
  g_assert_false (sw_caldav_client_put (anybody, path, ics, NULL, NULL, NULL, &error));
  g_assert_error (error, SW_CALDAV_ERROR, SW_CALDAV_ERROR_AUTH);
  g_assert_nonnull (strstr (error->message, server));
  g_clear_error (&error);
  g_assert_false (sw_caldav_client_delete_collection (anybody, collection, NULL, &error));
  g_assert_error (error, SW_CALDAV_ERROR, SW_CALDAV_ERROR_AUTH);
  g_clear_error (&error);
  /* … reads the token calendar but cannot list the principal. */
  g_assert_true (sw_caldav_client_list (anybody, collection, &etags, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (etags), ==, 0);
  g_clear_pointer (&etags, g_hash_table_unref);
  g_assert_false (sw_caldav_client_list (anybody, "", &etags, NULL, &error));
  g_assert_error (error, SW_CALDAV_ERROR, SW_CALDAV_ERROR_AUTH);
  g_clear_error (&error);

  /* The coordinator outside their own principal: 403. */
  g_assert_false (sw_caldav_client_put (client, elsewhere, ics, NULL, NULL, NULL, &error));
  g_assert_error (error, SW_CALDAV_ERROR, SW_CALDAV_ERROR_FORBIDDEN);
  g_assert_nonnull (strstr (error->message, server));
  g_assert_nonnull (strstr (error->message, "/somebody-else/"));
  g_clear_error (&error);

  /* Nothing was written. */
  g_assert_true (sw_caldav_client_list (client, collection, &etags, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (etags), ==, 0);
}

/* A port on 127.0.0.1 that nobody listens on. */
static guint16
closed_port (void)
{
  g_autoptr (GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM,
                                             G_SOCKET_PROTOCOL_TCP, NULL);
  g_autoptr (GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr (GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
  g_autoptr (GSocketAddress) bound = NULL;

  g_assert_true (g_socket_bind (socket, any, FALSE, NULL));
  bound = g_socket_get_local_address (socket, NULL);
  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
}

/* A server that takes the connection and never answers: the kernel
 * accepts into the listen queue, nobody reads. */
static GSocketListener *
silent_server (guint16 *out_port)
{
  GSocketListener *listener = g_socket_listener_new ();
  g_autoptr (GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr (GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
  g_autoptr (GSocketAddress) effective = NULL;
  g_autoptr (GError) error = NULL;

  g_socket_listener_add_address (listener, any, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP,
                                 NULL, &effective, &error);
  g_assert_no_error (error);
  *out_port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (effective));
  return listener;
}

static void
test_refused (void)
{
  guint16 port = closed_port ();
  g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%u/coordinator/", port);
  g_autofree char *server = g_strdup_printf ("127.0.0.1:%u", port);
  g_autoptr (SwCalDavClient) client = sw_caldav_client_new (url, "coordinator", "secret");
  g_autoptr (GBytes) ics = event_bytes ("x@servweek", 0, "广场服务台");
  g_autoptr (GError) error = NULL;

  g_assert_false (sw_caldav_client_put (client, "t/x.ics", ics, NULL, NULL, NULL, &error));
  g_assert_error (error, SW_CALDAV_ERROR, SW_CALDAV_ERROR_CONNECT);
  g_assert_nonnull (strstr (error->message, server));
  g_assert_cmpuint (sw_caldav_client_get_n_requests (client), ==, 1);
  g_assert_cmpuint (sw_caldav_client_get_n_requests_for (client, "PUT"), ==, 1);
}

/* The messages in Chinese (the build tree's translations). */
static void
test_chinese (void)
{
  guint16 port = closed_port ();
  g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%u/coordinator/", port);
  g_autofree char *expected = g_strdup_printf ("无法连接日历服务器 127.0.0.1:%u：", port);
  g_autoptr (SwCalDavClient) client = sw_caldav_client_new (url, "coordinator", "secret");
  g_autoptr (GError) error = NULL;
  g_autofree char *saved = g_strdup (setlocale (LC_ALL, NULL));

  if (setlocale (LC_ALL, "zh_CN.UTF-8") == NULL)
    {
      g_test_skip ("no zh_CN.UTF-8 locale");
      return;
    }
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  g_assert_false (sw_caldav_client_get (client, "t/x.ics", NULL, NULL, NULL, &error));
  g_setenv ("LANGUAGE", "en", TRUE);
  setlocale (LC_ALL, saved);

  g_assert_error (error, SW_CALDAV_ERROR, SW_CALDAV_ERROR_CONNECT);
  g_assert_true (g_str_has_prefix (error->message, expected));
}

static void
test_unknown_host (void)
{
  g_autoptr (SwCalDavClient) client =
    sw_caldav_client_new ("http://no-such-host.invalid/coordinator/", "coordinator", "secret");
  g_autoptr (GError) error = NULL;
  g_autoptr (GHashTable) etags = NULL;

  sw_caldav_client_set_timeout (client, 10);
  g_assert_false (sw_caldav_client_list (client, "t/", &etags, NULL, &error));
  g_assert_error (error, SW_CALDAV_ERROR, SW_CALDAV_ERROR_RESOLVE);
  g_assert_nonnull (strstr (error->message, "no-such-host.invalid"));
}

static void
test_timeout (void)
{
  guint16 port = 0;
  g_autoptr (GSocketListener) listener = silent_server (&port);
  g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%u/coordinator/", port);
  g_autofree char *server = g_strdup_printf ("127.0.0.1:%u", port);
  g_autoptr (SwCalDavClient) client = sw_caldav_client_new (url, "coordinator", "secret");
  g_autoptr (GError) error = NULL;
  gint64 start = 0;

  g_assert_cmpuint (sw_caldav_client_get_timeout (client), ==, 30);
  sw_caldav_client_set_timeout (client, 1);
  g_assert_cmpuint (sw_caldav_client_get_timeout (client), ==, 1);
  start = g_get_monotonic_time ();
  g_assert_false (sw_caldav_client_get (client, "t/x.ics", NULL, NULL, NULL, &error));
  g_assert_error (error, SW_CALDAV_ERROR, SW_CALDAV_ERROR_TIMEOUT);
  g_assert_nonnull (strstr (error->message, server));
  g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC);
}

static gpointer
cancel_later (gpointer data)
{
  g_usleep (200 * 1000);
  g_cancellable_cancel (data);
  return NULL;
}

static void
test_cancel (void)
{
  guint16 port = 0;
  g_autoptr (GSocketListener) listener = silent_server (&port);
  g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%u/coordinator/", port);
  g_autoptr (SwCalDavClient) client = sw_caldav_client_new (url, "coordinator", "secret");
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GBytes) ics = event_bytes ("x@servweek", 0, "广场服务台");
  g_autoptr (GError) error = NULL;
  GThread *thread = NULL;
  gint64 start = 0;

  /* Cancelled while waiting for the answer (the timeout is far away). */
  start = g_get_monotonic_time ();
  thread = g_thread_new ("cancel", cancel_later, cancellable);
  g_assert_false (sw_caldav_client_put (client, "t/x.ics", ics, NULL, NULL, cancellable, &error));
  g_thread_join (thread);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC);
  g_clear_error (&error);

  /* Cancelled before it starts. */
  g_assert_false (sw_caldav_client_delete (client, "t/x.ics", NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
test_tls (void)
{
  const char *url = g_getenv ("SW_CALDAV_TLS_URL");
  g_autoptr (SwCalDavClient) client = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GUri) uri = NULL;
  g_autofree char *server = NULL;

  if (url == NULL)
    {
      g_test_skip ("no https server (run through run-caldav-client.py)");
      return;
    }
  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  server = g_strdup_printf ("127.0.0.1:%d", g_uri_get_port (uri));
  client = sw_caldav_client_new (url, "coordinator", "secret");
  g_assert_false (sw_caldav_client_get (client, "t/x.ics", NULL, NULL, NULL, &error));
  g_assert_error (error, SW_CALDAV_ERROR, SW_CALDAV_ERROR_TLS);
  g_assert_nonnull (strstr (error->message, server));
  /* Self-signed, made out for calendar.example.org. */
  g_assert_nonnull (strstr (error->message, "not trusted"));
  g_assert_nonnull (strstr (error->message, "authority"));
  g_assert_nonnull (strstr (error->message, "another host name"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  bindtextdomain (GETTEXT_PACKAGE, SW_BUILD_ROOT "/po");
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  server_url = g_getenv ("SW_CALDAV_URL");
  server_user = g_getenv ("SW_CALDAV_USER");
  server_password = g_getenv ("SW_CALDAV_PASSWORD");

  g_test_add_func ("/caldav-client/resolve", test_resolve);
  g_test_add_func ("/caldav-client/calendar", test_calendar);
  g_test_add_func ("/caldav-client/events", test_events);
  g_test_add_func ("/caldav-client/denied", test_denied);
  g_test_add_func ("/caldav-client/refused", test_refused);
  g_test_add_func ("/caldav-client/chinese", test_chinese);
  g_test_add_func ("/caldav-client/unknown-host", test_unknown_host);
  g_test_add_func ("/caldav-client/timeout", test_timeout);
  g_test_add_func ("/caldav-client/cancel", test_cancel);
  g_test_add_func ("/caldav-client/tls", test_tls);

  return g_test_run ();
}
