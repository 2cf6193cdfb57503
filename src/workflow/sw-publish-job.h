/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "sw-core.h"
#include "sw-publisher.h"
#include "sw-store.h"

G_BEGIN_DECLS

/*
 * One publish of a plan's calendars, from the window or the command line:
 *
 *   job = sw_publish_job_new (store, plan);
 *   sw_publish_job_set_server (job, "https://dav.example.com/coordinator/");
 *   sw_publish_job_set_user (job, "coordinator");
 *   sw_publish_job_set_password (job, password);
 *   sw_publish_job_run (job, NULL, &error);
 *
 * The job applies and remembers the settings given (server, user, phone
 * numbers; those not given stay as remembered for the plan), forgets the
 * calendars recorded on another server or account (they are published
 * anew), gives the person of sw_publish_job_set_renew () a new address,
 * builds the calendars (SwPublisher; their SEQUENCE numbers saved before
 * anything goes out) and sends them, saving each calendar in @store as the
 * server confirms it.  The password is only held in memory.
 *
 * sw_publish_job_run_async () reads the model on the main loop and talks
 * to the server in a thread; what the server confirmed is saved on the
 * main loop, where the store lives.  "progress" (double, 0 to 1) follows
 * it there.
 */
#define SW_TYPE_PUBLISH_JOB (sw_publish_job_get_type ())
G_DECLARE_FINAL_TYPE (SwPublishJob, sw_publish_job, SW, PUBLISH_JOB, GObject)

SwPublishJob *sw_publish_job_new           (SwStore              *store,
                                            SwPlan               *plan);
void          sw_publish_job_set_server    (SwPublishJob         *self,
                                            const char           *server);
void          sw_publish_job_set_user      (SwPublishJob         *self,
                                            const char           *user);
void          sw_publish_job_set_password  (SwPublishJob         *self,
                                            const char           *password);
void          sw_publish_job_set_include_phones (SwPublishJob    *self,
                                                 gboolean         include_phones);
void          sw_publish_job_set_conflicts (SwPublishJob         *self,
                                            SwPublishConflicts    conflicts);
/* @person gets a new subscription address; the old one stops working. */
void          sw_publish_job_set_renew     (SwPublishJob         *self,
                                            SwPerson             *person);

/* Applies and remembers the settings without publishing: FALSE with
 * SW_CALDAV_ERROR_INVALID_URL when no server or user is known, given or
 * remembered.  A run calls it itself; called first (to check the settings
 * before asking for the password), the next run goes on from it. */
gboolean      sw_publish_job_load          (SwPublishJob         *self,
                                            GError              **error);
gboolean      sw_publish_job_run           (SwPublishJob         *self,
                                            GCancellable         *cancellable,
                                            GError              **error);
void          sw_publish_job_run_async     (SwPublishJob         *self,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
gboolean      sw_publish_job_run_finish    (SwPublishJob         *self,
                                            GAsyncResult         *result,
                                            GError              **error);

double        sw_publish_job_get_progress  (SwPublishJob         *self);
/* After a run: its counts and conflicts (sw_publisher_get_n_put () …). */
SwPublisher  *sw_publish_job_get_publisher (SwPublishJob         *self);

/* Whether @server is an address calendars can be published to: http://
 * or https://; FALSE with a message for the coordinator otherwise. */
gboolean      sw_publish_check_server      (const char           *server,
                                            GError              **error);

G_END_DECLS
