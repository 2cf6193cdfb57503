/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libical/ical.h>

#include "sw-ics-busy.h"

#define DAY_MINUTES (24 * 60)
/* Enough for a daily rule running since 1900; stops runaway rules. */
#define MAX_OCCURRENCES 100000
/* More busy times than a person has in a service week (one every five
 * minutes of a week), and few enough to add as one undo step at once. */
#define MAX_PERIODS 2000

typedef struct
{
  GTimeZone  *plan_zone;
  gint64      period_start;  /* local minutes, inclusive */
  gint64      period_end;    /* local minutes, exclusive */
  GPtrArray  *periods;       /* SwUnavailability */
  GHashTable *seen;          /* "start/end" */
  GHashTable *overrides;     /* "uid\nutc seconds" of changed occurrences */
  gboolean    too_many;      /* more than MAX_PERIODS periods */
} Reader;

static const char *
strip_zone_prefix (const char *tzid)
{
  static const char * const prefixes[] = {
    "/freeassociation.sourceforge.net/Tzfile/",
    "/freeassociation.sourceforge.net/",
    "/softwarestudio.org/Tzfile/",
    "/softwarestudio.org/",
    "/mozilla.org/20050126_1/",
    "/mozilla.org/20070129_1/",
  };

  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    if (g_str_has_prefix (tzid, prefixes[i]))
      return tzid + strlen (prefixes[i]);

  return tzid;
}

/* The zone named @tzid in @calendar, else the system's; NULL when
 * neither knows it. */
static icaltimezone *
find_zone (icalcomponent *calendar,
           const char    *tzid)
{
  icaltimezone *zone = icalcomponent_get_timezone (calendar, tzid);

  if (zone != NULL)
    return zone;

  if (g_ascii_strcasecmp (tzid, "UTC") == 0 || g_ascii_strcasecmp (tzid, "GMT") == 0 ||
      g_ascii_strcasecmp (tzid, "Z") == 0)
    return icaltimezone_get_utc_timezone ();

  zone = icaltimezone_get_builtin_timezone (strip_zone_prefix (tzid));
  if (zone != NULL)
    return zone;

  return icaltimezone_get_builtin_timezone_from_tzid (tzid);
}

/* Checks every TZID parameter of @event. */
static gboolean
check_zones (icalcomponent  *calendar,
             icalcomponent  *event,
             GError        **error)
{
  for (icalproperty *property = icalcomponent_get_first_property (event, ICAL_ANY_PROPERTY);
       property != NULL;
       property = icalcomponent_get_next_property (event, ICAL_ANY_PROPERTY))
    {
      icalparameter *parameter = icalproperty_get_first_parameter (property, ICAL_TZID_PARAMETER);
      const char *tzid;

      if (parameter == NULL)
        continue;

      tzid = icalparameter_get_tzid (parameter);
      if (tzid == NULL || *tzid == '\0' || find_zone (calendar, tzid) == NULL)
        {
          g_autofree char *shown = g_utf8_make_valid (tzid != NULL ? tzid : "", -1);

          if (g_utf8_strlen (shown, -1) > 100)
            *g_utf8_offset_to_pointer (shown, 100) = '\0';

          g_set_error (error, SW_ICS_ERROR, SW_ICS_ERROR_UNKNOWN_ZONE,
                       _("The calendar file uses the time zone “%s”, which it does not define "
                         "and which is not known on this system"), shown);
          return FALSE;
        }
    }

  return TRUE;
}

/* The zone of a time read from @property of @event (NULL: floating). */
static icaltimezone *
zone_of (icalcomponent       *calendar,
         icalproperty        *property,
         struct icaltimetype  t)
{
  icalparameter *parameter;

  if (icaltime_is_utc (t))
    return icaltimezone_get_utc_timezone ();

  parameter = property != NULL ? icalproperty_get_first_parameter (property, ICAL_TZID_PARAMETER) : NULL;
  if (parameter == NULL)
    return NULL;

  return find_zone (calendar, icalparameter_get_tzid (parameter));
}

/* @t (in @zone, or floating when NULL) as local minutes of the plan. */
static gint64
to_plan_minutes (Reader              *reader,
                 struct icaltimetype  t,
                 icaltimezone        *zone)
{
  g_autoptr(GDateTime) instant = NULL;

  if (t.is_date || zone == NULL)
    return sw_time_from_ymdhm (t.year, t.month, t.day,
                               t.is_date ? 0 : t.hour,
                               t.is_date ? 0 : t.minute);

  instant = g_date_time_new_from_unix_utc ((gint64) icaltime_as_timet_with_zone (t, zone));
  if (instant == NULL)
    return SW_TIME_UNSET;

  return sw_time_from_date_time (instant, reader->plan_zone);
}

/* A key identifying one occurrence: its instant in UTC, or its wall time
 * when floating. */
static char *
occurrence_key (const char          *uid,
                struct icaltimetype  t,
                icaltimezone        *zone)
{
  if (zone != NULL && !t.is_date)
    return g_strdup_printf ("%s\n%" G_GINT64_FORMAT, uid,
                            (gint64) icaltime_as_timet_with_zone (t, zone));

  return g_strdup_printf ("%s\n%04d%02d%02d%02d%02d", uid, t.year, t.month, t.day,
                          t.is_date ? 0 : t.hour, t.is_date ? 0 : t.minute);
}

/* Busy times are the same when they start and end at the same minutes. */
static char *
period_key (gint64 start,
            gint64 end)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT, start, end);
}

static void
add_period (Reader     *reader,
            gint64      start,
            gint64      end,
            const char *reason)
{
  g_autofree char *key = NULL;

  if (start == SW_TIME_UNSET || end == SW_TIME_UNSET || end <= start)
    return;
  if (end <= reader->period_start || start >= reader->period_end)
    return;

  key = period_key (start, end);
  if (g_hash_table_contains (reader->seen, key))
    return;
  if (reader->periods->len >= MAX_PERIODS)
    {
      reader->too_many = TRUE;
      return;
    }
  g_hash_table_add (reader->seen, g_steal_pointer (&key));

  g_ptr_array_add (reader->periods, sw_unavailability_new (start, end, reason));
}

/* One occurrence starting at @start (in @zone), lasting @seconds (or
 * @days for all-day events). */
static void
add_occurrence (Reader              *reader,
                struct icaltimetype  start,
                icaltimezone        *zone,
                gint64               seconds,
                int                  days,
                const char          *reason)
{
  gint64 from = to_plan_minutes (reader, start, zone);

  if (from == SW_TIME_UNSET)
    return;

  if (start.is_date)
    add_period (reader, from, from + (gint64) days * DAY_MINUTES, reason);
  else if (zone == NULL)
    add_period (reader, from, from + seconds / 60, reason);
  else
    {
      struct icaltimetype end = start;

      icaltime_adjust (&end, 0, 0, 0, (int) MIN (seconds, G_MAXINT));
      add_period (reader, from, to_plan_minutes (reader, end, zone), reason);
    }
}

static gboolean
is_busy (icalcomponent *event)
{
  icalproperty *transp = icalcomponent_get_first_property (event, ICAL_TRANSP_PROPERTY);

  if (icalcomponent_get_status (event) == ICAL_STATUS_CANCELLED)
    return FALSE;
  if (transp != NULL && icalproperty_get_transp (transp) == ICAL_TRANSP_TRANSPARENT)
    return FALSE;

  return TRUE;
}

/* One busy event as its occurrences are added. */
typedef struct
{
  icalcomponent       *calendar;
  icalcomponent       *event;
  const char          *uid;       /* "" when the event has none */
  struct icaltimetype  start;     /* its zone set */
  icaltimezone        *zone;      /* of start; NULL: floating */
  gint64               seconds;   /* length of a timed occurrence */
  int                  days;      /* length of an all-day occurrence */
  char                *reason;
  GHashTable          *excluded;  /* keys of occurrences excluded or added */
} BusyEvent;

/* The DTSTART of an event, checked that it is a real time. */
static gboolean
read_start (icalproperty         *start_property,
            struct icaltimetype  *start,
            GError              **error)
{
  if (start_property == NULL)
    {
      g_set_error (error, SW_ICS_ERROR, SW_ICS_ERROR_MALFORMED,
                   _("An event of the calendar file has no start time (DTSTART)"));
      return FALSE;
    }

  *start = icalproperty_get_dtstart (start_property);
  if (icaltime_is_null_time (*start) || !icaltime_is_valid_time (*start) ||
      start->month < 1 || start->month > 12 || start->day < 1 || start->day > 31)
    {
      g_set_error (error, SW_ICS_ERROR, SW_ICS_ERROR_MALFORMED,
                   _("An event of the calendar file has a start time that cannot be read"));
      return FALSE;
    }

  return TRUE;
}

/* How long each occurrence of @busy lasts, from its DTEND, else its
 * DURATION: in days when it is all-day, else in seconds. */
static gboolean
read_length (BusyEvent  *busy,
             GError    **error)
{
  icalproperty *end_property = icalcomponent_get_first_property (busy->event, ICAL_DTEND_PROPERTY);
  icalproperty *duration_property = icalcomponent_get_first_property (busy->event, ICAL_DURATION_PROPERTY);
  struct icaltimetype start = busy->start;

  busy->seconds = 0;
  busy->days = 1;

  if (end_property != NULL)
    {
      struct icaltimetype end = icalproperty_get_dtend (end_property);
      icaltimezone *end_zone = zone_of (busy->calendar, end_property, end);

      if (icaltime_is_null_time (end))
        {
          g_set_error (error, SW_ICS_ERROR, SW_ICS_ERROR_MALFORMED,
                       _("An event of the calendar file has an end time that cannot be read"));
          return FALSE;
        }
      if (start.is_date)
        busy->days = (int) ((gint64) (sw_time_from_ymdhm (end.year, end.month, end.day, 0, 0) -
                                      sw_time_from_ymdhm (start.year, start.month, start.day, 0, 0)) / DAY_MINUTES);
      else if (busy->zone == NULL || end_zone == NULL)
        busy->seconds = (sw_time_from_ymdhm (end.year, end.month, end.day, end.hour, end.minute) -
                         sw_time_from_ymdhm (start.year, start.month, start.day, start.hour, start.minute)) * 60;
      else
        busy->seconds = (gint64) icaltime_as_timet_with_zone (end, end_zone) -
                        (gint64) icaltime_as_timet_with_zone (start, busy->zone);
    }
  else if (duration_property != NULL)
    {
      struct icaldurationtype duration = icalproperty_get_duration (duration_property);
      int total = icaldurationtype_as_int (duration);

      if (start.is_date)
        busy->days = MAX (total / (24 * 3600), 1);
      else
        busy->seconds = total;
    }

  return TRUE;
}

/* The event's summary on one line, or "Busy" when it has none. */
static char *
reason_of (icalcomponent *event)
{
  const char *summary = icalcomponent_get_summary (event);
  g_autofree char *valid = NULL;

  if (summary == NULL || *summary == '\0')
    return g_strdup (_("Busy"));

  valid = g_utf8_make_valid (summary, -1);

  return g_strdelimit (g_strstrip (g_steal_pointer (&valid)), "\r\n\t", ' ');
}

/* Whether @event stands for one occurrence only, not a series. */
static gboolean
is_single_occurrence (icalcomponent *event)
{
  /* A changed occurrence is its own event; its rule skips it. */
  if (icalcomponent_get_first_property (event, ICAL_RECURRENCEID_PROPERTY) != NULL)
    return TRUE;

  return icalcomponent_get_first_property (event, ICAL_RRULE_PROPERTY) == NULL &&
         icalcomponent_get_first_property (event, ICAL_RDATE_PROPERTY) == NULL;
}

/* The keys of the occurrences the EXDATEs of @busy leave out. */
static GHashTable *
collect_excluded (BusyEvent *busy)
{
  GHashTable *excluded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (icalproperty *exdate = icalcomponent_get_first_property (busy->event, ICAL_EXDATE_PROPERTY);
       exdate != NULL;
       exdate = icalcomponent_get_next_property (busy->event, ICAL_EXDATE_PROPERTY))
    {
      struct icaltimetype t = icalproperty_get_exdate (exdate);

      g_hash_table_add (excluded, occurrence_key (busy->uid, t, zone_of (busy->calendar, exdate, t)));
    }

  return excluded;
}

/* Adds the occurrence of @busy at @t (in @zone) unless it is excluded,
 * changed by an event of its own, or already added. */
static void
add_series_occurrence (Reader              *reader,
                       BusyEvent           *busy,
                       struct icaltimetype  t,
                       icaltimezone        *zone)
{
  g_autofree char *key = occurrence_key (busy->uid, t, zone);

  if (g_hash_table_contains (busy->excluded, key) || g_hash_table_contains (reader->overrides, key))
    return;
  g_hash_table_add (busy->excluded, g_steal_pointer (&key));
  add_occurrence (reader, t, zone, busy->seconds, busy->days, busy->reason);
}

/* The occurrences the RRULE of @busy gives, up to the end of the plan. */
static gboolean
add_rule_occurrences (Reader        *reader,
                      BusyEvent     *busy,
                      icalproperty  *rrule,
                      GError       **error)
{
  struct icalrecurrencetype recurrence = icalproperty_get_rrule (rrule);
  icalrecur_iterator *iterator = icalrecur_iterator_new (recurrence, busy->start);
  guint count = 0;

  if (iterator == NULL)
    {
      g_set_error (error, SW_ICS_ERROR, SW_ICS_ERROR_MALFORMED,
                   _("An event of the calendar file has a repeat rule that cannot be read"));
      return FALSE;
    }

  for (struct icaltimetype t = icalrecur_iterator_next (iterator);
       !icaltime_is_null_time (t) && count < MAX_OCCURRENCES && !reader->too_many;
       t = icalrecur_iterator_next (iterator), count++)
    {
      t.zone = busy->zone;
      t.is_date = busy->start.is_date;
      if (to_plan_minutes (reader, t, busy->zone) >= reader->period_end + DAY_MINUTES)
        break;

      add_series_occurrence (reader, busy, t, busy->zone);
    }
  icalrecur_iterator_free (iterator);

  return TRUE;
}

/* The occurrences the RDATEs of @busy add, each in its own zone. */
static void
add_date_occurrences (Reader    *reader,
                      BusyEvent *busy)
{
  for (icalproperty *rdate = icalcomponent_get_first_property (busy->event, ICAL_RDATE_PROPERTY);
       rdate != NULL;
       rdate = icalcomponent_get_next_property (busy->event, ICAL_RDATE_PROPERTY))
    {
      struct icaldatetimeperiodtype value = icalproperty_get_rdate (rdate);
      struct icaltimetype t = !icaltime_is_null_time (value.time) ? value.time : value.period.start;
      icaltimezone *rdate_zone = zone_of (busy->calendar, rdate, t);

      if (icaltime_is_null_time (t))
        continue;
      t.zone = rdate_zone;
      add_series_occurrence (reader, busy, t, rdate_zone);
    }
}

static gboolean
read_event (Reader         *reader,
            icalcomponent  *calendar,
            icalcomponent  *event,
            GError        **error)
{
  icalproperty *start_property = icalcomponent_get_first_property (event, ICAL_DTSTART_PROPERTY);
  icalproperty *rrule = icalcomponent_get_first_property (event, ICAL_RRULE_PROPERTY);
  const char *uid = icalcomponent_get_uid (event);
  g_autofree char *reason = NULL;
  g_autoptr(GHashTable) excluded = NULL;
  BusyEvent busy = { calendar, event, uid != NULL ? uid : "", };

  if (!read_start (start_property, &busy.start, error))
    return FALSE;

  if (!check_zones (calendar, event, error))
    return FALSE;

  if (!is_busy (event))
    return TRUE;

  busy.zone = zone_of (calendar, start_property, busy.start);
  busy.start.zone = busy.zone;

  if (!read_length (&busy, error))
    return FALSE;

  busy.reason = reason = reason_of (event);

  if (is_single_occurrence (event))
    {
      add_occurrence (reader, busy.start, busy.zone, busy.seconds, busy.days, busy.reason);
      return TRUE;
    }

  busy.excluded = excluded = collect_excluded (&busy);
  add_series_occurrence (reader, &busy, busy.start, busy.zone);

  if (rrule != NULL && !add_rule_occurrences (reader, &busy, rrule, error))
    return FALSE;

  add_date_occurrences (reader, &busy);

  return TRUE;
}

static int
compare_periods (gconstpointer a,
                 gconstpointer b)
{
  SwUnavailability *pa = *(SwUnavailability * const *) a;
  SwUnavailability *pb = *(SwUnavailability * const *) b;
  gint64 sa = sw_unavailability_get_start (pa);
  gint64 sb = sw_unavailability_get_start (pb);

  if (sa != sb)
    return sa < sb ? -1 : 1;

  sa = sw_unavailability_get_end (pa);
  sb = sw_unavailability_get_end (pb);
  if (sa != sb)
    return sa < sb ? -1 : 1;

  return 0;
}

static gboolean
looks_like_icalendar (const char *text)
{
  g_autofree char *upper = g_ascii_strup (text, -1);
  const char *begin = strstr (upper, "BEGIN:VCALENDAR");

  return begin != NULL && strstr (begin, "END:VCALENDAR") != NULL;
}

/* The text of @bytes, stripped, when it looks like an iCalendar file. */
static char *
read_text (GBytes  *bytes,
           GError **error)
{
  g_autofree char *text = NULL;
  const char *data;
  gsize length;

  data = g_bytes_get_data (bytes, &length);
  text = g_utf8_make_valid (data != NULL ? data : "", (gssize) length);
  if (*g_strstrip (text) == '\0')
    {
      g_set_error_literal (error, SW_ICS_ERROR, SW_ICS_ERROR_EMPTY, _("The calendar file is empty"));
      return NULL;
    }
  if (!looks_like_icalendar (text))
    {
      g_set_error_literal (error, SW_ICS_ERROR, SW_ICS_ERROR_MALFORMED,
                           _("The file is not an iCalendar file (no BEGIN:VCALENDAR … END:VCALENDAR)"));
      return NULL;
    }

  return g_steal_pointer (&text);
}

/* Parses @text, adding its VCALENDARs to @calendars; returns the root
 * component (free it), or NULL when it holds no calendar. */
static icalcomponent *
parse_calendars (const char  *text,
                 GPtrArray   *calendars,
                 GError     **error)
{
  icalcomponent *root = icalparser_parse_string (text);

  if (root == NULL)
    {
      g_set_error_literal (error, SW_ICS_ERROR, SW_ICS_ERROR_MALFORMED,
                           _("The calendar file cannot be read"));
      return NULL;
    }

  if (icalcomponent_isa (root) == ICAL_VCALENDAR_COMPONENT)
    g_ptr_array_add (calendars, root);
  else
    for (icalcomponent *c = icalcomponent_get_first_component (root, ICAL_VCALENDAR_COMPONENT);
         c != NULL;
         c = icalcomponent_get_next_component (root, ICAL_VCALENDAR_COMPONENT))
      g_ptr_array_add (calendars, c);

  if (calendars->len == 0)
    {
      icalcomponent_free (root);
      g_set_error_literal (error, SW_ICS_ERROR, SW_ICS_ERROR_MALFORMED,
                           _("The calendar file holds no calendar (VCALENDAR)"));
      return NULL;
    }

  return root;
}

static void
reader_init (Reader *reader,
             SwPlan *plan)
{
  reader->plan_zone = g_time_zone_new_identifier (sw_plan_get_time_zone (plan));
  if (reader->plan_zone == NULL)
    reader->plan_zone = g_time_zone_new_utc ();
  reader->period_start = sw_time_from_day (sw_plan_get_first_day (plan));
  reader->period_end = sw_time_from_day (sw_plan_get_last_day (plan) + 1);
  reader->periods = g_ptr_array_new_with_free_func (g_object_unref);
  reader->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  reader->overrides = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  reader->too_many = FALSE;
}

/* Frees all but the periods. */
static void
reader_clear (Reader *reader)
{
  g_time_zone_unref (reader->plan_zone);
  g_hash_table_unref (reader->seen);
  g_hash_table_unref (reader->overrides);
}

/* Adds the events of @calendars to @events (each followed by its
 * calendar), and the changed occurrences among them to the overrides. */
static gboolean
collect_events (Reader     *reader,
                GPtrArray  *calendars,
                GPtrArray  *events,
                GError    **error)
{
  for (guint c = 0; c < calendars->len; c++)
    {
      icalcomponent *calendar = g_ptr_array_index (calendars, c);

      for (icalcomponent *event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
           event != NULL;
           event = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
        {
          icalproperty *recurrence_id = icalcomponent_get_first_property (event, ICAL_RECURRENCEID_PROPERTY);

          g_ptr_array_add (events, event);
          g_ptr_array_add (events, calendar);

          if (recurrence_id != NULL && icalcomponent_get_uid (event) != NULL)
            {
              struct icaltimetype t = icalproperty_get_recurrenceid (recurrence_id);

              g_hash_table_add (reader->overrides,
                                occurrence_key (icalcomponent_get_uid (event), t,
                                                zone_of (calendar, recurrence_id, t)));
            }
        }
    }

  if (events->len == 0)
    {
      g_set_error_literal (error, SW_ICS_ERROR, SW_ICS_ERROR_EMPTY,
                           _("The calendar file holds no events"));
      return FALSE;
    }

  return TRUE;
}

/* Refuses what was read when it is too much or nothing at all. */
static gboolean
check_periods (Reader  *reader,
               SwPlan  *plan,
               GError **error)
{
  if (reader->too_many)
    {
      g_set_error (error, SW_ICS_ERROR, SW_ICS_ERROR_MALFORMED,
                   _("The calendar file gives more than %u busy times in the plan’s days: "
                     "it is not one person’s calendar"), MAX_PERIODS);
      return FALSE;
    }

  if (reader->periods->len == 0)
    {
      g_autofree char *first = sw_time_format_date (sw_plan_get_first_day (plan));
      g_autofree char *last = sw_time_format_date (sw_plan_get_last_day (plan));

      g_set_error (error, SW_ICS_ERROR, SW_ICS_ERROR_NOTHING_IN_PERIOD,
                   _("The calendar file has no busy time between %s and %s"), first, last);
      return FALSE;
    }

  return TRUE;
}

GPtrArray *
sw_ics_busy_read (GBytes  *bytes,
                  SwPlan  *plan,
                  GError **error)
{
  g_autoptr(GPtrArray) calendars = g_ptr_array_new ();
  g_autoptr(GPtrArray) events = g_ptr_array_new ();
  g_autofree char *text = NULL;
  icalcomponent *root;
  Reader reader = { NULL, };
  gboolean ok;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (SW_IS_PLAN (plan), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  text = read_text (bytes, error);
  if (text == NULL)
    return NULL;

  root = parse_calendars (text, calendars, error);
  if (root == NULL)
    return NULL;

  reader_init (&reader, plan);

  ok = collect_events (&reader, calendars, events, error);
  for (guint i = 0; ok && i < events->len; i += 2)
    ok = read_event (&reader, g_ptr_array_index (events, i + 1), g_ptr_array_index (events, i), error);
  ok = ok && check_periods (&reader, plan, error);

  icalcomponent_free (root);
  reader_clear (&reader);

  if (!ok)
    {
      g_ptr_array_unref (reader.periods);
      return NULL;
    }

  g_ptr_array_sort (reader.periods, compare_periods);

  return reader.periods;
}

gboolean
sw_ics_busy_add (SwOrganisation  *org,
                 SwPerson        *person,
                 GPtrArray       *periods,
                 guint           *n_added,
                 GError         **error)
{
  SwUndoStack *stack;
  GListModel *existing;
  g_autoptr(GPtrArray) fresh = g_ptr_array_new ();
  g_autoptr(GHashTable) known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_return_val_if_fail (SW_IS_ORGANISATION (org), FALSE);
  g_return_val_if_fail (SW_IS_PERSON (person), FALSE);
  g_return_val_if_fail (periods != NULL, FALSE);

  /* The periods the person has already ("start/end"). */
  existing = sw_person_get_unavailability (person);
  for (guint e = 0; e < g_list_model_get_n_items (existing); e++)
    {
      g_autoptr(SwUnavailability) old = g_list_model_get_item (existing, e);

      g_hash_table_add (known, period_key (sw_unavailability_get_start (old), sw_unavailability_get_end (old)));
    }
  for (guint i = 0; i < periods->len; i++)
    {
      SwUnavailability *period = g_ptr_array_index (periods, i);
      g_autofree char *key = period_key (sw_unavailability_get_start (period),
                                          sw_unavailability_get_end (period));

      if (!g_hash_table_contains (known, key))
        g_ptr_array_add (fresh, period);
    }

  if (n_added != NULL)
    *n_added = 0;
  if (fresh->len == 0)
    return TRUE;

  stack = sw_organisation_get_undo_stack (org);
  sw_undo_stack_begin_group (stack, _("Import Busy Times"));
  for (guint i = 0; i < fresh->len; i++)
    {
      if (!sw_edit_add (org, person, "unavailability", g_ptr_array_index (fresh, i), error))
        {
          sw_undo_stack_cancel_group (stack);
          return FALSE;
        }
    }
  if (!sw_undo_stack_end_group (stack, error))
    return FALSE;

  if (n_added != NULL)
    *n_added = fresh->len;

  return TRUE;
}
