/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sw-publish-job.h"
#include "sw-received-calendars.h"

/* How often the progress is read while the thread publishes. */
#define PROGRESS_INTERVAL_MS 100
/* The calendar of a person who was given a new address, until the old
 * collection is off the server ("retired:TOKEN"). */
#define RETIRED_PREFIX "retired:"

struct _SwPublishJob
{
  GObject             parent_instance;

  SwStore            *store;
  SwPlan             *plan;

  char               *server;
  char               *user;
  char               *password;
  int                 include_phones;   /* -1: as remembered */
  SwPublishConflicts  conflicts;
  SwPerson           *renew;

  SwPublishState     *state;
  gboolean            loaded;    /* by sw_publish_job_load (), for the next run */
  SwPublisher        *publisher;
  SwCalDavClient     *client;
  GHashTable         *duties;    /* everyone's duties as the calendars give them */

  /* while running in a thread */
  GMainContext       *context;
  guint               progress_id;
  double              progress;
};

G_DEFINE_FINAL_TYPE (SwPublishJob, sw_publish_job, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PROGRESS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

gboolean
sw_publish_check_server (const char  *server,
                         GError     **error)
{
  g_autofree char *probe = server != NULL ? sw_publish_subscription_url (server, "0", FALSE) : NULL;

  if (probe == NULL)
    {
      g_set_error (error, SW_CALDAV_ERROR, SW_CALDAV_ERROR_INVALID_URL,
                   _("“%s” is not an http:// or https:// address"), server != NULL ? server : "");
      return FALSE;
    }
  return TRUE;
}

static void
set_progress (SwPublishJob *self,
              double        progress)
{
  if (progress == self->progress)
    return;
  self->progress = progress;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
}

/* ------------------------------------------------------------------ */
/* Before the server: on the main loop                                */

static gboolean
save_calendar (SwPublishJob  *self,
               const char    *key,
               GError       **error)
{
  return sw_store_save_publish_calendar (self->store, self->plan, self->state, key, error);
}

/* Another server or account holds none of the calendars recorded: they
 * are all published there anew (the old server keeps its copies). */
static gboolean
forget_calendars (SwPublishJob  *self,
                  GError       **error)
{
  g_auto(GStrv) keys = sw_publish_state_dup_keys (self->state);

  for (guint i = 0; keys[i] != NULL; i++)
    {
      sw_publish_state_remove_calendar (self->state, keys[i]);
      if (!save_calendar (self, keys[i], error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
apply_settings (SwPublishJob  *self,
                GError       **error)
{
  g_autofree char *old_server = g_strdup (sw_publish_state_get_server (self->state));
  g_autofree char *old_user = g_strdup (sw_publish_state_get_user (self->state));

  if (self->server != NULL)
    {
      if (!sw_publish_check_server (self->server, error))
        return FALSE;
      sw_publish_state_set_server (self->state, self->server);
    }
  if (self->user != NULL)
    sw_publish_state_set_user (self->state, self->user);
  if (self->include_phones != -1)
    sw_publish_state_set_include_phones (self->state, self->include_phones);

  if (*sw_publish_state_get_server (self->state) == '\0' || *sw_publish_state_get_user (self->state) == '\0')
    {
      g_set_error_literal (error, SW_CALDAV_ERROR, SW_CALDAV_ERROR_INVALID_URL,
                           _("This plan has no calendar server yet: give its address and the user name"));
      return FALSE;
    }

  if ((!g_str_equal (old_server, sw_publish_state_get_server (self->state)) ||
       !g_str_equal (old_user, sw_publish_state_get_user (self->state))) &&
      !forget_calendars (self, error))
    return FALSE;

  return sw_store_save_publish_settings (self->store, self->plan, self->state, error);
}

/* The person's calendar is published anew under a new token; the old
 * collection is kept as a retired calendar, which the publish removes
 * from the server as it does the calendars of people who left. */
static gboolean
retire_calendar (SwPublishJob  *self,
                 GError       **error)
{
  g_autofree char *key = sw_publish_person_key (self->renew);
  g_autofree char *retired = NULL;
  SwPublishCalendar calendar;

  if (!sw_publish_state_lookup_calendar (self->state, key, &calendar))
    {
      g_set_error (error, SW_CALDAV_ERROR, SW_CALDAV_ERROR_NOT_FOUND,
                   _("%s has no published calendar yet"), sw_person_get_name (self->renew));
      return FALSE;
    }
  retired = g_strconcat (RETIRED_PREFIX, calendar.token, NULL);
  calendar.digest = NULL;
  sw_publish_state_set_calendar (self->state, retired, &calendar);
  sw_publish_state_remove_calendar (self->state, key);

  /* The person first: killed in between, the old address may live on,
   * but the person is never left on a removed collection. */
  return save_calendar (self, key, error) && save_calendar (self, retired, error);
}

gboolean
sw_publish_job_load (SwPublishJob  *self,
                     GError       **error)
{
  g_autoptr(SwPublishState) state = NULL;

  g_return_val_if_fail (SW_IS_PUBLISH_JOB (self), FALSE);
  g_return_val_if_fail (self->context == NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (sw_store_is_read_only (self->store))
    {
      g_set_error_literal (error, SW_STORE_ERROR, SW_STORE_ERROR_READ_ONLY,
                           _("The database cannot be written, so what the server confirms could not be "
                             "remembered"));
      return FALSE;
    }
  g_clear_object (&self->state);
  state = sw_store_load_publish_state (self->store, self->plan, error);
  if (state == NULL)
    return FALSE;
  self->state = g_steal_pointer (&state);
  if (!apply_settings (self, error))
    {
      g_clear_object (&self->state);
      return FALSE;
    }
  self->loaded = TRUE;
  return TRUE;
}

static gboolean
prepare (SwPublishJob  *self,
         GError       **error)
{
  g_autoptr(SwCalendarState) calendar_state = NULL;

  g_clear_object (&self->publisher);
  g_clear_object (&self->client);
  /* Loaded anew unless the caller just did. */
  if (!self->loaded && !sw_publish_job_load (self, error))
    return FALSE;
  self->loaded = FALSE;
  if (self->renew != NULL && !retire_calendar (self, error))
    return FALSE;

  calendar_state = sw_store_load_calendar_state (self->store, self->plan, error);
  if (calendar_state == NULL)
    return FALSE;
  self->publisher = sw_publisher_new (sw_store_get_organisation (self->store), self->plan, calendar_state,
                                      self->state);
  sw_publisher_set_conflicts (self->publisher, self->conflicts);
  if (!sw_publisher_prepare (self->publisher, error))
    return FALSE;
  g_clear_pointer (&self->duties, g_hash_table_unref);
  self->duties = sw_received_index_plan (self->plan);
  /* The SEQUENCE numbers of what is about to go out. */
  if (!sw_store_save_calendar_state (self->store, self->plan, calendar_state, error))
    return FALSE;

  self->client = sw_caldav_client_new (sw_publish_state_get_server (self->state),
                                       sw_publish_state_get_user (self->state),
                                       self->password != NULL ? self->password : "");
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Running                                                            */

/* The people whose calendars are now wholly on the server received
 * them: their duties as built are what they know. */
static gboolean
remember_received (SwPublishJob  *self,
                   GError       **error)
{
  g_auto(GStrv) keys = sw_publish_state_dup_keys (self->state);
  g_autoptr(GPtrArray) published = g_ptr_array_new ();

  for (guint i = 0; keys[i] != NULL; i++)
    {
      SwPublishCalendar calendar;

      if (sw_publish_state_lookup_calendar (self->state, keys[i], &calendar) && calendar.digest != NULL)
        g_ptr_array_add (published, keys[i]);
    }
  g_ptr_array_add (published, NULL);
  return sw_received_calendars_save (self->store, self->plan, self->duties,
                                     (const char * const *) published->pdata, error);
}

/* After a run, @ok or not: what reached the server is remembered. */
static gboolean
finish_run (SwPublishJob  *self,
            gboolean       ok,
            GError       **error)
{
  g_autoptr(GError) local = NULL;

  if (!ok)
    {
      if (!remember_received (self, &local))
        g_warning ("Could not save who received their calendar: %s", local->message);
      return FALSE;
    }
  set_progress (self, 1.0);
  return remember_received (self, error);
}

static gboolean
save_in_place (const char  *key,
               gpointer     user_data,
               GError     **error)
{
  return save_calendar (user_data, key, error);
}

gboolean
sw_publish_job_run (SwPublishJob  *self,
                    GCancellable  *cancellable,
                    GError       **error)
{
  gboolean ok;

  g_return_val_if_fail (SW_IS_PUBLISH_JOB (self), FALSE);
  g_return_val_if_fail (self->context == NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!prepare (self, error))
    return FALSE;
  sw_publisher_set_save_func (self->publisher, save_in_place, self);
  ok = sw_publisher_run (self->publisher, self->client, cancellable, error);
  return finish_run (self, ok, error);
}

/* A save asked for by the thread, done on the main loop while the thread
 * waits for its answer. */
typedef struct
{
  SwPublishJob *self;
  const char   *key;
  GError       *error;
  gboolean      ok;
  gboolean      done;
  GMutex        mutex;
  GCond         cond;
} SaveCall;

static gboolean
save_on_main_loop (gpointer data)
{
  SaveCall *call = data;
  gboolean ok = save_calendar (call->self, call->key, &call->error);

  g_mutex_lock (&call->mutex);
  call->ok = ok;
  call->done = TRUE;
  g_cond_signal (&call->cond);
  g_mutex_unlock (&call->mutex);
  return G_SOURCE_REMOVE;
}

static gboolean
save_from_thread (const char  *key,
                  gpointer     user_data,
                  GError     **error)
{
  SwPublishJob *self = user_data;
  SaveCall call = { self, key, NULL, FALSE, FALSE };
  gboolean ok;

  g_mutex_init (&call.mutex);
  g_cond_init (&call.cond);
  g_main_context_invoke (self->context, save_on_main_loop, &call);
  g_mutex_lock (&call.mutex);
  while (!call.done)
    g_cond_wait (&call.cond, &call.mutex);
  g_mutex_unlock (&call.mutex);
  g_mutex_clear (&call.mutex);
  g_cond_clear (&call.cond);

  ok = call.ok;
  if (!ok)
    g_propagate_error (error, call.error);
  return ok;
}

/* In the thread: the publisher and the client, nothing of the model. */
static void
run_in_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  SwPublishJob *self = task_data;
  GError *error = NULL;

  if (sw_publisher_run (self->publisher, self->client, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static gboolean
update_progress (gpointer data)
{
  SwPublishJob *self = data;
  guint done = 0, total = 0;

  sw_publisher_get_progress (self->publisher, &done, &total);
  set_progress (self, total > 0 ? MIN (1.0, (double) done / total) : 0.0);
  return G_SOURCE_CONTINUE;
}

static void
ran (GObject      *source,
     GAsyncResult *result,
     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SwPublishJob *self = g_task_get_source_object (task);
  GError *error = NULL;

  g_clear_handle_id (&self->progress_id, g_source_remove);
  g_clear_pointer (&self->context, g_main_context_unref);
  if (!finish_run (self, g_task_propagate_boolean (G_TASK (result), &error), &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

void
sw_publish_job_run_async (SwPublishJob        *self,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) thread = NULL;
  GError *error = NULL;

  g_return_if_fail (SW_IS_PUBLISH_JOB (self));
  g_return_if_fail (self->context == NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sw_publish_job_run_async);
  set_progress (self, 0.0);
  if (!prepare (self, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  self->context = g_main_context_ref_thread_default ();
  sw_publisher_set_save_func (self->publisher, save_from_thread, self);
  self->progress_id = g_timeout_add (PROGRESS_INTERVAL_MS, update_progress, self);

  /* The job is held by @task, let go of on the main loop (ran ()): the
   * thread may drop its own task last. */
  thread = g_task_new (NULL, cancellable, ran, g_steal_pointer (&task));
  g_task_set_task_data (thread, self, NULL);
  g_task_set_name (thread, "[servweek] publish calendars");
  g_task_run_in_thread (thread, run_in_thread);
}

gboolean
sw_publish_job_run_finish (SwPublishJob  *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (SW_IS_PUBLISH_JOB (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

double
sw_publish_job_get_progress (SwPublishJob *self)
{
  g_return_val_if_fail (SW_IS_PUBLISH_JOB (self), 0.0);

  return self->progress;
}

SwPublisher *
sw_publish_job_get_publisher (SwPublishJob *self)
{
  g_return_val_if_fail (SW_IS_PUBLISH_JOB (self), NULL);

  return self->publisher;
}

/* ------------------------------------------------------------------ */
/* Settings                                                           */

void
sw_publish_job_set_server (SwPublishJob *self,
                           const char   *server)
{
  g_return_if_fail (SW_IS_PUBLISH_JOB (self));

  g_free (self->server);
  self->server = g_strdup (server);
}

void
sw_publish_job_set_user (SwPublishJob *self,
                         const char   *user)
{
  g_return_if_fail (SW_IS_PUBLISH_JOB (self));

  g_free (self->user);
  self->user = g_strdup (user);
}

void
sw_publish_job_set_password (SwPublishJob *self,
                             const char   *password)
{
  g_return_if_fail (SW_IS_PUBLISH_JOB (self));

  if (self->password != NULL)
    memset (self->password, 0, strlen (self->password));
  g_free (self->password);
  self->password = g_strdup (password);
}

void
sw_publish_job_set_include_phones (SwPublishJob *self,
                                   gboolean      include_phones)
{
  g_return_if_fail (SW_IS_PUBLISH_JOB (self));

  self->include_phones = include_phones ? 1 : 0;
}

void
sw_publish_job_set_conflicts (SwPublishJob       *self,
                              SwPublishConflicts  conflicts)
{
  g_return_if_fail (SW_IS_PUBLISH_JOB (self));

  self->conflicts = conflicts;
}

void
sw_publish_job_set_renew (SwPublishJob *self,
                          SwPerson     *person)
{
  g_return_if_fail (SW_IS_PUBLISH_JOB (self));
  g_return_if_fail (person == NULL || SW_IS_PERSON (person));

  g_set_object (&self->renew, person);
}

/* ------------------------------------------------------------------ */
/* GObject                                                            */

static void
sw_publish_job_dispose (GObject *object)
{
  SwPublishJob *self = SW_PUBLISH_JOB (object);

  g_clear_handle_id (&self->progress_id, g_source_remove);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_clear_object (&self->client);
  g_clear_object (&self->publisher);
  g_clear_pointer (&self->duties, g_hash_table_unref);
  g_clear_object (&self->state);
  g_clear_object (&self->renew);
  g_clear_object (&self->plan);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sw_publish_job_parent_class)->dispose (object);
}

static void
sw_publish_job_finalize (GObject *object)
{
  SwPublishJob *self = SW_PUBLISH_JOB (object);

  sw_publish_job_set_password (self, NULL);
  g_free (self->server);
  g_free (self->user);

  G_OBJECT_CLASS (sw_publish_job_parent_class)->finalize (object);
}

static void
sw_publish_job_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SwPublishJob *self = SW_PUBLISH_JOB (object);

  switch (prop_id)
    {
    case PROP_PROGRESS:
      g_value_set_double (value, self->progress);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sw_publish_job_class_init (SwPublishJobClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sw_publish_job_dispose;
  object_class->finalize = sw_publish_job_finalize;
  object_class->get_property = sw_publish_job_get_property;

  properties[PROP_PROGRESS] =
    g_param_spec_double ("progress", NULL, NULL, 0.0, 1.0, 0.0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sw_publish_job_init (SwPublishJob *self)
{
  self->include_phones = -1;
  self->conflicts = SW_PUBLISH_CONFLICTS_REPORT;
}

SwPublishJob *
sw_publish_job_new (SwStore *store,
                    SwPlan  *plan)
{
  SwPublishJob *self;

  g_return_val_if_fail (SW_IS_STORE (store), NULL);
  g_return_val_if_fail (SW_IS_PLAN (plan), NULL);

  self = g_object_new (SW_TYPE_PUBLISH_JOB, NULL);
  self->store = g_object_ref (store);
  self->plan = g_object_ref (plan);
  return self;
}
