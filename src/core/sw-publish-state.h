/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/*
 * Where a plan's calendars are published on a CalDAV server, and what the
 * server confirmed of each: so that the next publish sends only what
 * changed, never overwrites an item someone changed on the server
 * (If-Match with the ETag we got), and finishes what an interrupted one
 * left.
 *
 * Calendars are named by the keys of SwCalendarState's files ("plan",
 * "person:<id>", "department:<id>"), their items by UID.  A plain map in
 * memory: the store loads it and saves it one calendar at a time, as the
 * server confirms them; publishing is not an undoable edit.  The password
 * is never here.
 */
typedef struct
{
  const char *token;    /* the calendar's name on the server: unguessable */
  const char *name;     /* its display name as last set, or NULL */
  const char *digest;   /* of the calendar when it was wholly published;
                         * NULL while some of it is not */
  gboolean    created;  /* the server has the collection */
  const char *color;    /* its colour as last set ("#rrggbb"), or NULL */
} SwPublishCalendar;

typedef struct
{
  const char *etag;     /* as the server gave it */
  const char *hash;     /* SHA-256 of the bytes we sent */
} SwPublishResource;

#define SW_TYPE_PUBLISH_STATE (sw_publish_state_get_type ())
G_DECLARE_FINAL_TYPE (SwPublishState, sw_publish_state, SW, PUBLISH_STATE, GObject)

SwPublishState *sw_publish_state_new               (void);

/* The server: the URL of the account's collection under which each
 * calendar is "TOKEN/" ("https://dav.example.cn/coordinator/"), the
 * account's user name, and whether the calendars carry the staff's phone
 * numbers.  An empty URL: never set up. */
const char     *sw_publish_state_get_server        (SwPublishState          *self);
void            sw_publish_state_set_server        (SwPublishState          *self,
                                                    const char              *server);
const char     *sw_publish_state_get_user          (SwPublishState          *self);
void            sw_publish_state_set_user          (SwPublishState          *self,
                                                    const char              *user);
gboolean        sw_publish_state_get_include_phones (SwPublishState         *self);
void            sw_publish_state_set_include_phones (SwPublishState         *self,
                                                     gboolean                include_phones);

/* Fills @out (strings borrowed until the calendar changes) and returns
 * TRUE when @key has a calendar. */
gboolean        sw_publish_state_lookup_calendar   (SwPublishState          *self,
                                                    const char              *key,
                                                    SwPublishCalendar       *out);
/* Records (copies) @calendar for @key, keeping its items. */
void            sw_publish_state_set_calendar      (SwPublishState          *self,
                                                    const char              *key,
                                                    const SwPublishCalendar *calendar);
/* Forgets @key's calendar and its items. */
void            sw_publish_state_remove_calendar   (SwPublishState          *self,
                                                    const char              *key);
/* The keys with a calendar, sorted (transfer full). */
GStrv           sw_publish_state_dup_keys          (SwPublishState          *self);
/* Calls @func for each item of @key, by UID. */
typedef void  (*SwPublishResourceFunc)             (const char              *uid,
                                                    const SwPublishResource *resource,
                                                    gpointer                 user_data);
void            sw_publish_state_foreach_resource  (SwPublishState          *self,
                                                    const char              *key,
                                                    SwPublishResourceFunc    func,
                                                    gpointer                 user_data);

gboolean        sw_publish_state_lookup_resource   (SwPublishState          *self,
                                                    const char              *key,
                                                    const char              *uid,
                                                    SwPublishResource       *out);
/* Records (copies) @resource as what the server holds of @uid in @key's
 * calendar, which must exist. */
void            sw_publish_state_set_resource      (SwPublishState          *self,
                                                    const char              *key,
                                                    const char              *uid,
                                                    const SwPublishResource *resource);
void            sw_publish_state_remove_resource   (SwPublishState          *self,
                                                    const char              *key,
                                                    const char              *uid);
/* The UIDs of @key's items, sorted (transfer full). */
GStrv           sw_publish_state_dup_uids          (SwPublishState          *self,
                                                    const char              *key);

G_END_DECLS
