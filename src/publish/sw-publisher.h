/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sw-caldav-client.h"
#include "sw-core.h"

G_BEGIN_DECLS

/* What to do with an item that someone changed on the server since our
 * last publish (its ETag is not the one we were given). */
typedef enum
{
  SW_PUBLISH_CONFLICTS_REPORT,     /* leave it, and say so */
  SW_PUBLISH_CONFLICTS_OVERWRITE,  /* put ours over it */
  SW_PUBLISH_CONFLICTS_KEEP,       /* keep theirs until ours changes again */
} SwPublishConflicts;

/* An item left as the server had it: which calendar, which item, and
 * whether ours would have changed it or removed it. */
typedef struct
{
  char     *calendar_key;
  char     *calendar_name;
  char     *uid;
  char     *summary;      /* the server's, or ours when it has none */
  gboolean  removal;
} SwPublishConflict;

void sw_publish_conflict_free (SwPublishConflict *conflict);

/* Saves @key's calendar of the publish state (sw_store_save_publish_calendar
 * ()), called in the thread that runs the publish each time the server has
 * confirmed a calendar's changes; FALSE (with @error) stops the publish. */
typedef gboolean (*SwPublisherSaveFunc) (const char  *key,
                                         gpointer     user_data,
                                         GError     **error);

/*
 * SwPublisher: publishes a plan's calendars — one per person, one per
 * department and one for the whole plan — to a CalDAV server, and keeps
 * them there as the plan changes.
 *
 *   publisher = sw_publisher_new (org, plan, calendar_state, publish_state);
 *   sw_publisher_prepare (publisher, &error);          (reads the model)
 *   sw_publisher_run (publisher, client, cancellable, &error);
 *
 * Preparing builds the calendars with SwIcsExporter (the .ics files'
 * text; SEQUENCE recorded in @calendar_state, which the caller saves) and
 * leaves out those that did not change since they were last wholly
 * published (one whose colour alone changed gets only its colour).  Running needs no model: it makes the missing calendars
 * (each named by an unguessable token), puts the new and changed items
 * (If-None-Match: * or If-Match with the ETag we have), deletes those a
 * calendar no longer holds, and removes the calendars of people and
 * departments that are gone, recording each answer in @publish_state and
 * saving a calendar as soon as it is done.  A calendar the server lost
 * is made again, under its token, with all its items.  A run that stops half-way
 * (server gone, program killed) has recorded what the server confirmed;
 * the next finishes the rest.  An item someone changed on the server is
 * handled by the conflict policy.
 */
#define SW_TYPE_PUBLISHER (sw_publisher_get_type ())
G_DECLARE_FINAL_TYPE (SwPublisher, sw_publisher, SW, PUBLISHER, GObject)

SwPublisher *sw_publisher_new            (SwOrganisation     *organisation,
                                          SwPlan             *plan,
                                          SwCalendarState    *calendar_state,
                                          SwPublishState     *publish_state);
void         sw_publisher_set_conflicts  (SwPublisher        *self,
                                          SwPublishConflicts  conflicts);
void         sw_publisher_set_save_func  (SwPublisher        *self,
                                          SwPublisherSaveFunc func,
                                          gpointer            user_data);
/* Seconds since the epoch for the items' stamps (0: the clock). */
void         sw_publisher_set_now        (SwPublisher        *self,
                                          gint64              now);

gboolean     sw_publisher_prepare        (SwPublisher        *self,
                                          GError            **error);
gboolean     sw_publisher_run            (SwPublisher        *self,
                                          SwCalDavClient     *client,
                                          GCancellable       *cancellable,
                                          GError            **error);

/* How far a run is (from any thread): requests answered of those
 * planned. */
void         sw_publisher_get_progress   (SwPublisher        *self,
                                          guint              *done,
                                          guint              *total);
/* After a run: the calendars published anew or changed, the items put and
 * deleted, the calendars removed, and the conflicts (SwPublishConflict). */
guint        sw_publisher_get_n_calendars (SwPublisher       *self);
guint        sw_publisher_get_n_put      (SwPublisher        *self);
guint        sw_publisher_get_n_deleted  (SwPublisher        *self);
guint        sw_publisher_get_n_removed_calendars (SwPublisher *self);
GPtrArray   *sw_publisher_get_conflicts  (SwPublisher        *self);

/* The address a person subscribes to for the calendar @token under
 * @server ("http…/TOKEN/"); webcal:// in place of http(s):// when
 * @webcal.  NULL when @server is no http(s) URL. */
char        *sw_publish_subscription_url (const char         *server,
                                          const char         *token,
                                          gboolean            webcal);
/* Calls @func for each person of @organisation, in roster order, whose
 * calendar is on the server of @state, with its subscription address. */
typedef void (*SwPublishSubscriptionFunc) (SwPerson   *person,
                                           const char *url,
                                           gpointer    user_data);
void         sw_publish_foreach_subscription (SwOrganisation            *organisation,
                                              SwPublishState            *state,
                                              gboolean                   webcal,
                                              SwPublishSubscriptionFunc  func,
                                              gpointer                   user_data);
/* The calendar key of @person ("person:ID"), as SwIcsExporter names it. */
char        *sw_publish_person_key       (SwPerson           *person);
/* A new token: 128 random bits from the system, in hex. */
char        *sw_publish_new_token        (void);

G_END_DECLS
