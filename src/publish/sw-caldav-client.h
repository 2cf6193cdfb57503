/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "sw-caldav-error.h"

G_BEGIN_DECLS

/*
 * SwCalDavClient: the few CalDAV (RFC 4791) and WebDAV (RFC 4918) requests
 * that publishing calendars needs, over one libsoup session that keeps its
 * connections to the server open.  It knows nothing of plans: it moves
 * iCalendar bytes and ETags.
 *
 * Every call blocks until the server answers (or @cancellable is
 * cancelled: then the error is G_IO_ERROR_CANCELLED), for a worker
 * thread.  Since libsoup 3.2 the calls may come from any thread, several
 * at once, once the client is set up: sw_caldav_client_set_timeout ()
 * before the first request, in the thread that made the client.
 *
 * Paths are plain text, not percent-encoded: "/coordinator/4f…/a b.ics"
 * or, relative to the base URL, "4f…/a b.ics"; the client encodes each
 * segment.  The paths sw_caldav_client_list () returns are in the same
 * form (absolute), so they can be passed back as they are.  ETags are
 * passed as the server spells them, quotes included.
 *
 * Authentication is HTTP Basic, sent with every request (no user: none);
 * a 401 ends the call with SW_CALDAV_ERROR_AUTH, it is never retried.
 * Errors are in SW_CALDAV_ERROR, their messages name the server.
 *
 * Properties: "base-url", "user" (construct-only), "password"
 * (construct-only, write-only), "timeout" (seconds, 0 for none).
 */
#define SW_TYPE_CALDAV_CLIENT (sw_caldav_client_get_type ())
G_DECLARE_FINAL_TYPE (SwCalDavClient, sw_caldav_client, SW, CALDAV_CLIENT, GObject)

SwCalDavClient *sw_caldav_client_new                      (const char      *base_url,
                                                           const char      *user,
                                                           const char      *password);
const char     *sw_caldav_client_get_base_url             (SwCalDavClient  *self);
const char     *sw_caldav_client_get_user                 (SwCalDavClient  *self);
guint           sw_caldav_client_get_timeout              (SwCalDavClient  *self);
void            sw_caldav_client_set_timeout              (SwCalDavClient  *self,
                                                           guint            seconds);

char           *sw_caldav_client_resolve                  (SwCalDavClient  *self,
                                                           const char      *path,
                                                           GError         **error);

gboolean        sw_caldav_client_make_calendar            (SwCalDavClient  *self,
                                                           const char      *path,
                                                           const char      *display_name,
                                                           const char      *color,
                                                           const char      *description,
                                                           GCancellable    *cancellable,
                                                           GError         **error);
gboolean        sw_caldav_client_set_calendar_properties  (SwCalDavClient  *self,
                                                           const char      *path,
                                                           const char      *display_name,
                                                           const char      *color,
                                                           const char      *description,
                                                           GCancellable    *cancellable,
                                                           GError         **error);
gboolean        sw_caldav_client_get_calendar_properties  (SwCalDavClient  *self,
                                                           const char      *path,
                                                           char           **out_display_name,
                                                           char           **out_color,
                                                           char           **out_description,
                                                           GCancellable    *cancellable,
                                                           GError         **error);
gboolean        sw_caldav_client_delete_collection        (SwCalDavClient  *self,
                                                           const char      *path,
                                                           GCancellable    *cancellable,
                                                           GError         **error);
gboolean        sw_caldav_client_list                     (SwCalDavClient  *self,
                                                           const char      *collection_path,
                                                           GHashTable     **out_etags,
                                                           GCancellable    *cancellable,
                                                           GError         **error);

gboolean        sw_caldav_client_put                      (SwCalDavClient  *self,
                                                           const char      *path,
                                                           GBytes          *ics,
                                                           const char      *if_match,
                                                           char           **out_etag,
                                                           GCancellable    *cancellable,
                                                           GError         **error);
gboolean        sw_caldav_client_get                      (SwCalDavClient  *self,
                                                           const char      *path,
                                                           char           **out_etag,
                                                           GBytes         **out_body,
                                                           GCancellable    *cancellable,
                                                           GError         **error);
gboolean        sw_caldav_client_delete                   (SwCalDavClient  *self,
                                                           const char      *path,
                                                           const char      *if_match,
                                                           GCancellable    *cancellable,
                                                           GError         **error);

guint           sw_caldav_client_get_n_requests           (SwCalDavClient  *self);
guint           sw_caldav_client_get_n_requests_for       (SwCalDavClient  *self,
                                                           const char      *method);

G_END_DECLS
