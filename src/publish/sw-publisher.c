/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <sys/random.h>

#include <glib/gi18n-lib.h>
#include <libical/ical.h>

#include "sw-ics-exporter.h"
#include "sw-publisher.h"

/* The colour of the whole plan's calendar (GNOME's blue 3). */
#define PLAN_COLOR "#3584e4"

/* One calendar to publish: what the exporter built, and how the server
 * shows it. */
typedef struct
{
  SwIcsCalendar *calendar;
  char          *color;
  char          *description;
} Job;

struct _SwPublisher
{
  GObject              parent_instance;

  SwOrganisation      *organisation;
  SwPlan              *plan;
  SwCalendarState     *calendar_state;
  SwPublishState      *publish_state;
  SwPublishConflicts   conflicts;
  SwPublisherSaveFunc  save_func;
  gpointer             save_data;
  gint64               now;

  /* Prepared. */
  GPtrArray           *jobs;          /* Job *, the changed calendars */
  GPtrArray           *stale;         /* char *key: calendars whose owner is gone */

  /* A run. */
  SwCalDavClient      *client;
  GCancellable        *cancellable;
  guint                done;          /* atomic */
  guint                total;         /* atomic */
  guint                n_calendars;
  guint                n_put;
  guint                n_deleted;
  guint                n_removed;
  GPtrArray           *found;         /* SwPublishConflict * */
};

G_DEFINE_FINAL_TYPE (SwPublisher, sw_publisher, G_TYPE_OBJECT)

void
sw_publish_conflict_free (SwPublishConflict *conflict)
{
  if (conflict == NULL)
    return;

  g_free (conflict->calendar_key);
  g_free (conflict->calendar_name);
  g_free (conflict->uid);
  g_free (conflict->summary);
  g_free (conflict);
}

static void
job_free (Job *job)
{
  sw_ics_calendar_free (job->calendar);
  g_free (job->color);
  g_free (job->description);
  g_free (job);
}

/* ------------------------------------------------------------------ */
/* Addresses and tokens                                               */

char *
sw_publish_subscription_url (const char *server,
                             const char *token,
                             gboolean    webcal)
{
  g_autoptr(GUri) base = NULL;
  g_autoptr(GUri) uri = NULL;
  g_autofree char *relative = NULL;
  g_autofree char *text = NULL;
  const char *scheme;

  g_return_val_if_fail (server != NULL && token != NULL, NULL);

  base = g_uri_parse (server, G_URI_FLAGS_ENCODED, NULL);
  if (base == NULL)
    return NULL;
  scheme = g_uri_get_scheme (base);
  if (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0)
    return NULL;

  /* The account's collection, as a folder. */
  if (!g_str_has_suffix (g_uri_get_path (base), "/"))
    {
      g_autofree char *folder = g_strconcat (server, "/", NULL);

      g_clear_pointer (&base, g_uri_unref);
      base = g_uri_parse (folder, G_URI_FLAGS_ENCODED, NULL);
      if (base == NULL)
        return NULL;
    }
  relative = g_strconcat (token, "/", NULL);
  uri = g_uri_parse_relative (base, relative, G_URI_FLAGS_ENCODED, NULL);
  if (uri == NULL)
    return NULL;
  text = g_uri_to_string_partial (uri, G_URI_HIDE_USERINFO);
  if (!webcal)
    return g_steal_pointer (&text);

  return g_strconcat ("webcal", text + strlen (scheme), NULL);
}

char *
sw_publish_person_key (SwPerson *person)
{
  g_return_val_if_fail (SW_IS_PERSON (person), NULL);

  return g_strdup_printf ("person:%" G_GINT64_FORMAT, sw_person_get_id (person));
}

void
sw_publish_foreach_subscription (SwOrganisation            *organisation,
                                 SwPublishState            *state,
                                 gboolean                   webcal,
                                 SwPublishSubscriptionFunc  func,
                                 gpointer                   user_data)
{
  GListModel *people;

  g_return_if_fail (SW_IS_ORGANISATION (organisation));
  g_return_if_fail (SW_IS_PUBLISH_STATE (state));
  g_return_if_fail (func != NULL);

  people = sw_organisation_get_people (organisation);
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(SwPerson) person = g_list_model_get_item (people, i);
      g_autofree char *key = NULL;
      g_autofree char *url = NULL;
      SwPublishCalendar calendar;

      /* Stored people only: a key of a new one names nobody yet. */
      if (sw_person_get_id (person) <= 0)
        continue;
      key = sw_publish_person_key (person);
      if (!sw_publish_state_lookup_calendar (state, key, &calendar) || !calendar.created)
        continue;
      url = sw_publish_subscription_url (sw_publish_state_get_server (state), calendar.token, webcal);
      if (url != NULL)
        func (person, url, user_data);
    }
}

char *
sw_publish_new_token (void)
{
  guint8 bytes[16];
  gsize got = 0;
  GString *token = g_string_sized_new (2 * sizeof bytes);

  while (got < sizeof bytes)
    {
      gssize n = getrandom (bytes + got, sizeof bytes - got, 0);

      /* Interrupted by a signal: again.  The kernel's pool does not run
       * dry for 16 bytes, so any other failure is a broken system. */
      if (n < 0)
        {
          g_assert (errno == EINTR);
          continue;
        }
      got += (gsize) n;
    }
  for (gsize i = 0; i < sizeof bytes; i++)
    g_string_append_printf (token, "%02x", bytes[i]);

  return g_string_free (token, FALSE);
}

/* ------------------------------------------------------------------ */
/* Preparing: the calendars that changed                              */

/* The colour the server shows @owner's calendar in: its department's,
 * else the plan's. */
static const char *
color_of (GObject *owner)
{
  SwDepartment *department = NULL;

  if (SW_IS_PERSON (owner))
    department = sw_person_get_department (SW_PERSON (owner));
  else if (SW_IS_DEPARTMENT (owner))
    department = SW_DEPARTMENT (owner);

  return department != NULL && *sw_department_get_color (department) != '\0'
         ? sw_department_get_color (department) : PLAN_COLOR;
}

static Job *
job_new (SwIcsCalendar *calendar,
         SwPlan        *plan)
{
  Job *job = g_new0 (Job, 1);

  job->calendar = calendar;
  if (SW_IS_PERSON (calendar->owner))
    {
      /* Translators: the description of a person's published calendar:
       * the person, then the plan's title (which has its own quotes) */
      job->description = g_strdup_printf (_("Duties of %s in %s"),
                                          sw_person_get_name (SW_PERSON (calendar->owner)),
                                          sw_plan_get_title (plan));
    }
  else if (SW_IS_DEPARTMENT (calendar->owner))
    {
      /* Translators: the description of a department's published
       * calendar: the department, then the plan's title */
      job->description = g_strdup_printf (_("Duties of %s in %s"),
                                          sw_department_get_name (SW_DEPARTMENT (calendar->owner)),
                                          sw_plan_get_title (plan));
    }
  else
    /* Translators: the description of the whole plan's published
     * calendar: the plan's title */
    job->description = g_strdup_printf (_("Every slot of %s"), sw_plan_get_title (plan));

  job->color = g_strdup (color_of (calendar->owner));

  return job;
}

gboolean
sw_publisher_prepare (SwPublisher  *self,
                      GError      **error)
{
  static const SwIcsScope scopes[] = { SW_ICS_SCOPE_PERSON, SW_ICS_SCOPE_DEPARTMENT, SW_ICS_SCOPE_PLAN };
  g_autoptr(SwIcsExporter) exporter = NULL;
  g_autoptr(GHashTable) known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) present = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(GStrv) keys = NULL;

  g_return_val_if_fail (SW_IS_PUBLISHER (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_clear_pointer (&self->jobs, g_ptr_array_unref);
  g_clear_pointer (&self->stale, g_ptr_array_unref);
  self->jobs = g_ptr_array_new_with_free_func ((GDestroyNotify) job_free);
  self->stale = g_ptr_array_new_with_free_func (g_free);

  /* Calendars wholly published come back unchanged when they are. */
  keys = sw_publish_state_dup_keys (self->publish_state);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      SwPublishCalendar calendar;

      if (sw_publish_state_lookup_calendar (self->publish_state, keys[i], &calendar) &&
          calendar.digest != NULL)
        g_hash_table_insert (known, g_strdup (keys[i]), g_strdup (calendar.digest));
    }

  exporter = sw_ics_exporter_new (self->organisation, self->plan, self->calendar_state);
  sw_ics_exporter_set_now (exporter, self->now);
  sw_ics_exporter_set_include_tasks (exporter, TRUE);
  sw_ics_exporter_set_include_phones (exporter, sw_publish_state_get_include_phones (self->publish_state));

  for (guint s = 0; s < G_N_ELEMENTS (scopes); s++)
    {
      g_autoptr(GPtrArray) calendars = sw_ics_exporter_export_calendars (exporter, scopes[s], known, error);

      if (calendars == NULL)
        return FALSE;
      for (guint i = 0; i < calendars->len; i++)
        {
          SwIcsCalendar *calendar = g_ptr_array_index (calendars, i);
          SwPublishCalendar recorded;

          g_hash_table_add (present, g_strdup (calendar->key));
          /* Unchanged items in a calendar of another colour: only the
           * colour is sent. */
          if (calendar->unchanged &&
              sw_publish_state_lookup_calendar (self->publish_state, calendar->key, &recorded) &&
              g_strcmp0 (recorded.color, color_of (calendar->owner)) == 0)
            continue;
          g_ptr_array_add (self->jobs, job_new (g_ptr_array_steal_index_fast (calendars, i), self->plan));
          i--;
        }
    }

  for (guint i = 0; keys[i] != NULL; i++)
    if (!g_hash_table_contains (present, keys[i]))
      g_ptr_array_add (self->stale, g_strdup (keys[i]));

  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Running                                                            */

static void
step_done (SwPublisher *self)
{
  g_atomic_int_inc (&self->done);
}

static gboolean
save (SwPublisher  *self,
      const char   *key,
      GError      **error)
{
  if (self->save_func == NULL)
    return TRUE;

  return self->save_func (key, self->save_data, error);
}

/* The item's component in @text (its first VEVENT or VTODO), with the
 * calendar; NULL when it is not iCalendar. */
static icalcomponent *
parse_item (const char    *text,
            gsize          length,
            icalcomponent **out_calendar)
{
  g_autofree char *copy = g_strndup (text, length);
  icalcomponent *calendar = icalparser_parse_string (copy);
  icalcomponent *item = NULL;

  if (calendar == NULL)
    return NULL;
  if (icalcomponent_isa (calendar) == ICAL_VCALENDAR_COMPONENT)
    {
      item = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
      if (item == NULL)
        item = icalcomponent_get_first_component (calendar, ICAL_VTODO_COMPONENT);
    }
  if (item == NULL)
    {
      icalcomponent_free (calendar);
      return NULL;
    }
  *out_calendar = calendar;
  return item;
}

static char *
summary_of (GBytes *bytes)
{
  icalcomponent *calendar = NULL;
  icalcomponent *item = bytes != NULL ? parse_item (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                                    &calendar) : NULL;
  char *summary;

  if (item == NULL)
    return NULL;
  summary = g_strdup (icalcomponent_get_summary (item));
  icalcomponent_free (calendar);

  return summary;
}

static int
sequence_of (icalcomponent *item)
{
  icalproperty *property = icalcomponent_get_first_property (item, ICAL_SEQUENCE_PROPERTY);

  return property != NULL ? icalproperty_get_sequence (property) : 0;
}

static gint64
last_modified_of (icalcomponent *item)
{
  icalproperty *property = icalcomponent_get_first_property (item, ICAL_LASTMODIFIED_PROPERTY);

  return property != NULL ? (gint64) icaltime_as_timet (icalproperty_get_lastmodified (property)) : 0;
}

/* Whether the server's copy @body was written by this program: a
 * calendar client that edits an item writes its own PRODID. */
static gboolean
written_by_us (GBytes *body)
{
  icalcomponent *calendar = NULL;
  icalcomponent *item = parse_item (g_bytes_get_data (body, NULL), g_bytes_get_size (body), &calendar);
  icalproperty *prodid;
  gboolean ours;

  if (item == NULL)
    return FALSE;
  prodid = icalcomponent_get_first_property (calendar, ICAL_PRODID_PROPERTY);
  ours = prodid != NULL && g_strcmp0 (icalproperty_get_prodid (prodid), SW_ICS_PRODID) == 0;
  icalcomponent_free (calendar);

  return ours;
}

typedef enum
{
  SERVER_COPY_OURS_SAME,    /* what we are sending, already there */
  SERVER_COPY_OURS_OTHER,   /* written by us, not recorded (a run that stopped) */
  SERVER_COPY_THEIRS,       /* written by another program: someone's edit */
} ServerCopy;

/* Whose the server's copy @body is, and whether it is @ours: the same
 * item at the same SEQUENCE and LAST-MODIFIED (a server may write the
 * text out again its own way). */
static ServerCopy
classify (GBytes *body,
          GBytes *ours)
{
  icalcomponent *server_calendar = NULL, *our_calendar = NULL;
  icalcomponent *server_item = NULL, *our_item = NULL;
  ServerCopy copy = SERVER_COPY_THEIRS;

  if (!written_by_us (body))
    return SERVER_COPY_THEIRS;
  server_item = parse_item (g_bytes_get_data (body, NULL), g_bytes_get_size (body), &server_calendar);
  our_item = parse_item (g_bytes_get_data (ours, NULL), g_bytes_get_size (ours), &our_calendar);
  if (server_item != NULL && our_item != NULL)
    copy = g_strcmp0 (icalcomponent_get_uid (server_item), icalcomponent_get_uid (our_item)) == 0 &&
           sequence_of (server_item) == sequence_of (our_item) &&
           last_modified_of (server_item) == last_modified_of (our_item)
           ? SERVER_COPY_OURS_SAME : SERVER_COPY_OURS_OTHER;
  if (server_calendar != NULL)
    icalcomponent_free (server_calendar);
  if (our_calendar != NULL)
    icalcomponent_free (our_calendar);

  return copy;
}

static void
add_conflict (SwPublisher   *self,
              Job           *job,
              const char    *uid,
              GBytes        *server_body,
              GBytes        *ours,
              gboolean       removal)
{
  SwPublishConflict *conflict = g_new0 (SwPublishConflict, 1);

  conflict->calendar_key = g_strdup (job->calendar->key);
  conflict->calendar_name = g_strdup (job->calendar->name);
  conflict->uid = g_strdup (uid);
  conflict->summary = summary_of (server_body);
  if (conflict->summary == NULL)
    conflict->summary = summary_of (ours);
  if (conflict->summary == NULL)
    conflict->summary = g_strdup (uid);
  conflict->removal = removal;
  g_ptr_array_add (self->found, conflict);
}

static char *
item_path (const char *token,
           const char *uid)
{
  return g_strconcat (token, "/", uid, ".ics", NULL);
}

/* After a 412: the server's copy decides.  TRUE with @out_etag set when
 * the server now holds ours (or keeps theirs by policy); TRUE with
 * @out_etag NULL when a conflict was recorded.  Ours sent counts among
 * the items put. */
static gboolean
resolve_conflict (SwPublisher    *self,
                  Job            *job,
                  const char     *path,
                  SwIcsResource  *resource,
                  char          **out_etag,
                  GError        **error)
{
  g_autoptr(GError) local = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autofree char *etag = NULL;

  *out_etag = NULL;
  if (!sw_caldav_client_get (self->client, path, &etag, &body, self->cancellable, &local))
    {
      if (!g_error_matches (local, SW_CALDAV_ERROR, SW_CALDAV_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      /* Gone since: create it. */
      g_clear_pointer (&etag, g_free);
    }
  else
    {
      ServerCopy copy = classify (body, resource->bytes);

      if (copy == SERVER_COPY_OURS_SAME)
        {
          *out_etag = g_steal_pointer (&etag);
          return TRUE;
        }
      if (copy == SERVER_COPY_THEIRS && self->conflicts == SW_PUBLISH_CONFLICTS_KEEP)
        {
          *out_etag = g_steal_pointer (&etag);
          return TRUE;
        }
      if (copy == SERVER_COPY_THEIRS && self->conflicts == SW_PUBLISH_CONFLICTS_REPORT)
        {
          add_conflict (self, job, resource->uid, body, resource->bytes, FALSE);
          return TRUE;
        }
    }

  /* Ours from a run that stopped, theirs to overwrite, or none. */
  if (!sw_caldav_client_put (self->client, path, resource->bytes, etag, out_etag,
                             self->cancellable, error))
    return FALSE;
  self->n_put++;
  return TRUE;
}

static gboolean
put_resource (SwPublisher    *self,
              Job            *job,
              const char     *token,
              SwIcsResource  *resource,
              GError        **error)
{
  const char *key = job->calendar->key;
  g_autofree char *path = item_path (token, resource->uid);
  g_autofree char *etag = NULL;
  g_autoptr(GError) local = NULL;
  SwPublishResource recorded;
  gboolean known = sw_publish_state_lookup_resource (self->publish_state, key, resource->uid, &recorded);
  g_autofree char *if_match = known ? g_strdup (recorded.etag) : NULL;

  if (known && g_str_equal (recorded.hash, resource->hash))
    return TRUE;

  if (!sw_caldav_client_put (self->client, path, resource->bytes, if_match, &etag,
                             self->cancellable, &local))
    {
      if (!g_error_matches (local, SW_CALDAV_ERROR, SW_CALDAV_ERROR_CONFLICT))
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      if (!resolve_conflict (self, job, path, resource, &etag, error))
        return FALSE;
      if (etag == NULL)
        return TRUE;
    }
  else
    self->n_put++;

  sw_publish_state_set_resource (self->publish_state, key, resource->uid,
                                 &(SwPublishResource) { etag, resource->hash });
  return TRUE;
}

/* An item the calendar no longer holds: deleted unless someone changed
 * it on the server. */
static gboolean
delete_resource (SwPublisher  *self,
                 Job          *job,
                 const char   *token,
                 const char   *uid,
                 GError      **error)
{
  const char *key = job->calendar->key;
  g_autofree char *path = item_path (token, uid);
  g_autoptr(GError) local = NULL;
  SwPublishResource recorded;
  g_autofree char *if_match = NULL;

  if (!sw_publish_state_lookup_resource (self->publish_state, key, uid, &recorded))
    return TRUE;
  if_match = g_strdup (recorded.etag);

  if (!sw_caldav_client_delete (self->client, path, if_match, self->cancellable, &local))
    {
      g_autoptr(GBytes) body = NULL;
      g_autofree char *etag = NULL;
      g_autoptr(GError) get_error = NULL;

      if (!g_error_matches (local, SW_CALDAV_ERROR, SW_CALDAV_ERROR_CONFLICT))
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      if (!sw_caldav_client_get (self->client, path, &etag, &body, self->cancellable, &get_error))
        {
          if (!g_error_matches (get_error, SW_CALDAV_ERROR, SW_CALDAV_ERROR_NOT_FOUND))
            {
              g_propagate_error (error, g_steal_pointer (&get_error));
              return FALSE;
            }
        }
      else
        {
          gboolean theirs = !written_by_us (body);

          if (theirs && self->conflicts == SW_PUBLISH_CONFLICTS_REPORT)
            {
              add_conflict (self, job, uid, body, NULL, TRUE);
              return TRUE;
            }
          if (theirs && self->conflicts == SW_PUBLISH_CONFLICTS_KEEP)
            {
              /* Theirs now: no longer ours to follow. */
              sw_publish_state_remove_resource (self->publish_state, key, uid);
              return TRUE;
            }
          if (!sw_caldav_client_delete (self->client, path, etag, self->cancellable, error))
            return FALSE;
          self->n_deleted++;
        }
    }
  else
    self->n_deleted++;

  sw_publish_state_remove_resource (self->publish_state, key, uid);
  return TRUE;
}

/* The calendar's collection, made when missing and renamed when its
 * name changed; its record says so. */
static gboolean
ensure_collection (SwPublisher  *self,
                   Job          *job,
                   GError      **error)
{
  const char *key = job->calendar->key;
  SwPublishCalendar recorded = { NULL, NULL, NULL, FALSE, NULL };
  g_autofree char *token = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) local = NULL;

  if (sw_publish_state_lookup_calendar (self->publish_state, key, &recorded))
    token = g_strdup (recorded.token);
  else
    {
      token = sw_publish_new_token ();
      /* Saved before the calendar is made: a run that stops after
       * making it finds it again, under the same token. */
      sw_publish_state_set_calendar (self->publish_state, key,
                                     &(SwPublishCalendar) { token, NULL, NULL, FALSE, NULL });
      if (!save (self, key, error))
        return FALSE;
      sw_publish_state_lookup_calendar (self->publish_state, key, &recorded);
    }
  path = g_strconcat (token, "/", NULL);

  if (!recorded.created)
    {
      if (!sw_caldav_client_make_calendar (self->client, path, job->calendar->name, job->color,
                                           job->description, self->cancellable, &local) &&
          !g_error_matches (local, SW_CALDAV_ERROR, SW_CALDAV_ERROR_EXISTS))
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      step_done (self);
      /* An existing one (made by a run that stopped) gets our name. */
      if (local != NULL &&
          !sw_caldav_client_set_calendar_properties (self->client, path, job->calendar->name, job->color,
                                                     job->description, self->cancellable, error))
        return FALSE;
    }
  else if (g_strcmp0 (recorded.name, job->calendar->name) != 0 || g_strcmp0 (recorded.color, job->color) != 0)
    {
      if (!sw_caldav_client_set_calendar_properties (self->client, path, job->calendar->name, job->color,
                                                     job->description, self->cancellable, error))
        return FALSE;
    }

  sw_publish_state_set_calendar (self->publish_state, key,
                                 &(SwPublishCalendar) { token, job->calendar->name, NULL, TRUE, job->color });
  return TRUE;
}

/* Puts the calendar's new and changed items; FALSE with
 * SW_CALDAV_ERROR_NOT_FOUND when the server has no collection for
 * them. */
static gboolean
put_resources (SwPublisher  *self,
               Job          *job,
               const char   *token,
               GError      **error)
{
  for (guint i = 0; i < job->calendar->resources->len; i++)
    {
      if (!put_resource (self, job, token, g_ptr_array_index (job->calendar->resources, i), error))
        return FALSE;
      step_done (self);
    }
  return TRUE;
}

/* The server lost @key's collection (someone removed it there): none of
 * its items is there any more, and it is to be made again under the same
 * token, so that its address keeps working. */
static void
forget_collection (SwPublisher *self,
                   const char  *key)
{
  g_auto(GStrv) uids = sw_publish_state_dup_uids (self->publish_state, key);
  g_autofree char *token = NULL;
  g_autofree char *name = NULL;
  g_autofree char *color = NULL;
  SwPublishCalendar calendar;

  for (guint i = 0; uids[i] != NULL; i++)
    sw_publish_state_remove_resource (self->publish_state, key, uids[i]);
  sw_publish_state_lookup_calendar (self->publish_state, key, &calendar);
  token = g_strdup (calendar.token);
  name = g_strdup (calendar.name);
  color = g_strdup (calendar.color);
  sw_publish_state_set_calendar (self->publish_state, key,
                                 &(SwPublishCalendar) { token, name, NULL, FALSE, color });
}

static gboolean
publish_calendar (SwPublisher  *self,
                  Job          *job,
                  GError      **error)
{
  const char *key = job->calendar->key;
  g_autoptr(GHashTable) current = g_hash_table_new (g_str_hash, g_str_equal);
  g_auto(GStrv) recorded_uids = NULL;
  g_autoptr(GError) local = NULL;
  SwPublishCalendar calendar;
  g_autofree char *token = NULL;
  guint n_conflicts = self->found->len;
  gboolean ok = TRUE;

  if (!ensure_collection (self, job, error))
    {
      save (self, key, NULL);
      return FALSE;
    }
  sw_publish_state_lookup_calendar (self->publish_state, key, &calendar);
  token = g_strdup (calendar.token);

  /* Its colour changed, not its items: nothing more to send. */
  if (!job->calendar->unchanged)
    {
      for (guint i = 0; i < job->calendar->resources->len; i++)
        g_hash_table_add (current, ((SwIcsResource *) g_ptr_array_index (job->calendar->resources, i))->uid);
      ok = put_resources (self, job, token, &local);
      if (!ok && g_error_matches (local, SW_CALDAV_ERROR, SW_CALDAV_ERROR_NOT_FOUND))
        {
          g_clear_error (&local);
          forget_collection (self, key);
          g_atomic_int_add (&self->total, 1 + job->calendar->resources->len);
          ok = ensure_collection (self, job, &local) && put_resources (self, job, token, &local);
        }
      if (!ok)
        g_propagate_error (error, g_steal_pointer (&local));

      recorded_uids = sw_publish_state_dup_uids (self->publish_state, key);
      for (guint i = 0; ok && recorded_uids[i] != NULL; i++)
        {
          if (g_hash_table_contains (current, recorded_uids[i]))
            continue;
          ok = delete_resource (self, job, token, recorded_uids[i], error);
          step_done (self);
        }
    }

  /* Wholly published, unless something is left: then the next run
   * looks at it again. */
  sw_publish_state_lookup_calendar (self->publish_state, key, &calendar);
  sw_publish_state_set_calendar (self->publish_state, key,
                                 &(SwPublishCalendar) { token, calendar.name,
                                                        ok && self->found->len == n_conflicts
                                                          ? job->calendar->digest : NULL,
                                                        TRUE, calendar.color });
  if (!ok)
    {
      /* What the server confirmed so far stays recorded. */
      save (self, key, NULL);
      return FALSE;
    }
  self->n_calendars++;

  return save (self, key, error);
}

/* A calendar whose person or department is gone: off the server. */
static gboolean
remove_calendar (SwPublisher  *self,
                 const char   *key,
                 GError      **error)
{
  SwPublishCalendar calendar;
  g_autoptr(GError) local = NULL;
  g_autofree char *path = NULL;

  if (!sw_publish_state_lookup_calendar (self->publish_state, key, &calendar))
    return TRUE;
  path = g_strconcat (calendar.token, "/", NULL);
  if (calendar.created &&
      !sw_caldav_client_delete_collection (self->client, path, self->cancellable, &local) &&
      !g_error_matches (local, SW_CALDAV_ERROR, SW_CALDAV_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  step_done (self);
  sw_publish_state_remove_calendar (self->publish_state, key);
  self->n_removed++;

  return save (self, key, error);
}

/* How many requests the run will make, about: for the progress bar. */
static guint
count_steps (SwPublisher *self)
{
  guint total = self->stale->len;

  for (guint i = 0; i < self->jobs->len; i++)
    {
      Job *job = g_ptr_array_index (self->jobs, i);
      SwPublishCalendar calendar;
      g_auto(GStrv) uids = sw_publish_state_dup_uids (self->publish_state, job->calendar->key);

      if (!sw_publish_state_lookup_calendar (self->publish_state, job->calendar->key, &calendar) ||
          !calendar.created)
        total++;
      if (!job->calendar->unchanged)
        total += job->calendar->resources->len + g_strv_length (uids);
    }
  return total;
}

gboolean
sw_publisher_run (SwPublisher     *self,
                  SwCalDavClient  *client,
                  GCancellable    *cancellable,
                  GError         **error)
{
  gboolean ok = TRUE;

  g_return_val_if_fail (SW_IS_PUBLISHER (self), FALSE);
  g_return_val_if_fail (SW_IS_CALDAV_CLIENT (client), FALSE);
  g_return_val_if_fail (self->jobs != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_set_object (&self->client, client);
  g_set_object (&self->cancellable, cancellable);
  g_clear_pointer (&self->found, g_ptr_array_unref);
  self->found = g_ptr_array_new_with_free_func ((GDestroyNotify) sw_publish_conflict_free);
  self->n_calendars = self->n_put = self->n_deleted = self->n_removed = 0;
  g_atomic_int_set (&self->done, 0);
  g_atomic_int_set (&self->total, count_steps (self));

  for (guint i = 0; ok && i < self->stale->len; i++)
    ok = remove_calendar (self, g_ptr_array_index (self->stale, i), error);
  for (guint i = 0; ok && i < self->jobs->len; i++)
    ok = publish_calendar (self, g_ptr_array_index (self->jobs, i), error);

  g_clear_object (&self->client);
  g_clear_object (&self->cancellable);

  return ok;
}

/* ------------------------------------------------------------------ */
/* Results                                                            */

void
sw_publisher_get_progress (SwPublisher *self,
                           guint       *done,
                           guint       *total)
{
  g_return_if_fail (SW_IS_PUBLISHER (self));

  if (done != NULL)
    *done = (guint) g_atomic_int_get (&self->done);
  if (total != NULL)
    *total = (guint) g_atomic_int_get (&self->total);
}

guint
sw_publisher_get_n_calendars (SwPublisher *self)
{
  g_return_val_if_fail (SW_IS_PUBLISHER (self), 0);

  return self->n_calendars;
}

guint
sw_publisher_get_n_put (SwPublisher *self)
{
  g_return_val_if_fail (SW_IS_PUBLISHER (self), 0);

  return self->n_put;
}

guint
sw_publisher_get_n_deleted (SwPublisher *self)
{
  g_return_val_if_fail (SW_IS_PUBLISHER (self), 0);

  return self->n_deleted;
}

guint
sw_publisher_get_n_removed_calendars (SwPublisher *self)
{
  g_return_val_if_fail (SW_IS_PUBLISHER (self), 0);

  return self->n_removed;
}

GPtrArray *
sw_publisher_get_conflicts (SwPublisher *self)
{
  g_return_val_if_fail (SW_IS_PUBLISHER (self), NULL);

  return self->found;
}

/* ------------------------------------------------------------------ */
/* GObject                                                            */

static void
sw_publisher_dispose (GObject *object)
{
  SwPublisher *self = SW_PUBLISHER (object);

  g_clear_object (&self->organisation);
  g_clear_object (&self->plan);
  g_clear_object (&self->calendar_state);
  g_clear_object (&self->publish_state);
  g_clear_object (&self->client);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->jobs, g_ptr_array_unref);
  g_clear_pointer (&self->stale, g_ptr_array_unref);
  g_clear_pointer (&self->found, g_ptr_array_unref);

  G_OBJECT_CLASS (sw_publisher_parent_class)->dispose (object);
}

static void
sw_publisher_class_init (SwPublisherClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = sw_publisher_dispose;
}

static void
sw_publisher_init (SwPublisher *self)
{
  self->found = g_ptr_array_new_with_free_func ((GDestroyNotify) sw_publish_conflict_free);
}

SwPublisher *
sw_publisher_new (SwOrganisation  *organisation,
                  SwPlan          *plan,
                  SwCalendarState *calendar_state,
                  SwPublishState  *publish_state)
{
  SwPublisher *self;

  g_return_val_if_fail (SW_IS_ORGANISATION (organisation), NULL);
  g_return_val_if_fail (SW_IS_PLAN (plan), NULL);
  g_return_val_if_fail (SW_IS_CALENDAR_STATE (calendar_state), NULL);
  g_return_val_if_fail (SW_IS_PUBLISH_STATE (publish_state), NULL);

  self = g_object_new (SW_TYPE_PUBLISHER, NULL);
  self->organisation = g_object_ref (organisation);
  self->plan = g_object_ref (plan);
  self->calendar_state = g_object_ref (calendar_state);
  self->publish_state = g_object_ref (publish_state);

  return self;
}

void
sw_publisher_set_conflicts (SwPublisher        *self,
                            SwPublishConflicts  conflicts)
{
  g_return_if_fail (SW_IS_PUBLISHER (self));
  g_return_if_fail (conflicts <= SW_PUBLISH_CONFLICTS_KEEP);

  self->conflicts = conflicts;
}

void
sw_publisher_set_save_func (SwPublisher         *self,
                            SwPublisherSaveFunc  func,
                            gpointer             user_data)
{
  g_return_if_fail (SW_IS_PUBLISHER (self));

  self->save_func = func;
  self->save_data = user_data;
}

void
sw_publisher_set_now (SwPublisher *self,
                      gint64       now)
{
  g_return_if_fail (SW_IS_PUBLISHER (self));

  self->now = MAX (now, 0);
}
