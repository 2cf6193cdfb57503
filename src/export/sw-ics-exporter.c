/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <libical/ical.h>

#include "sw-file-name.h"
#include "sw-ics-exporter.h"

#define PRODID "-//servweek//Service Week Planner//EN"
#define LINE_OCTETS 75
#define DAY_MINUTES (24 * 60)

struct _SwIcsExporter
{
  GObject          parent_instance;

  SwOrganisation  *organisation;
  SwPlan          *plan;
  SwCalendarState *state;
  gboolean         include_tasks;
  int              reminder_minutes;
  gint64           now;

  /* Prepared at the start of each export. */
  gint64           stamp;
  char            *tzid;
  icalcomponent   *vtimezone;        /* the plan's zone, trimmed to the plan */
  GPtrArray       *slots;            /* SwSlot, sorted by start */
  GHashTable      *person_slots;     /* SwPerson → GPtrArray of SwSlot */
  GHashTable      *department_slots; /* SwDepartment → GPtrArray of SwSlot */
  GHashTable      *person_tasks;     /* SwPerson → GPtrArray of SwTask */
  GHashTable      *department_tasks; /* SwDepartment → GPtrArray of SwTask */
  GPtrArray       *tasks;            /* SwTask, in plan order */
  GHashTable      *leaders;          /* SwPerson set */
  GHashTable      *keys;             /* SwPerson / SwDepartment → char *key */
  SwPerson        *organizer;
};

G_DEFINE_FINAL_TYPE (SwIcsExporter, sw_ics_exporter, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ORGANISATION,
  PROP_PLAN,
  PROP_STATE,
  PROP_INCLUDE_TASKS,
  PROP_REMINDER_MINUTES,
  PROP_NOW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
sw_ics_file_free (SwIcsFile *file)
{
  if (file == NULL)
    return;

  g_free (file->file_name);
  g_free (file->file_key);
  g_clear_pointer (&file->bytes, g_bytes_unref);
  g_free (file);
}

/* ------------------------------------------------------------------ */
/* Text and lines                                                     */

/* Valid UTF-8 without control characters; CR LF and CR become LF, and
 * with @multiline FALSE every line break becomes a space. */
static char *
clean_text (const char *text,
            gboolean    multiline)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);
  GString *out = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\r')
        {
          if (p[1] == '\n')
            continue;
          c = '\n';
        }

      if (c == '\n' || c == 0x2028 || c == 0x2029)
        g_string_append_c (out, multiline ? '\n' : ' ');
      else if (c == '\t')
        g_string_append_c (out, ' ');
      else if (c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f))
        continue;
      else
        g_string_append_unichar (out, c);
    }

  if (!multiline)
    g_strstrip (out->str), out->len = strlen (out->str);

  return g_string_free (out, FALSE);
}

/* A parameter value may hold neither line breaks nor double quotes. */
static char *
clean_parameter (const char *text)
{
  char *clean = clean_text (text, FALSE);

  g_strdelimit (clean, "\"", '\'');

  return clean;
}

char *
sw_ics_escape_text (const char *text)
{
  g_autofree char *clean = clean_text (text, TRUE);
  GString *out = g_string_sized_new (strlen (clean) + 8);

  for (const char *p = clean; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case ';':
          g_string_append (out, "\\;");
          break;
        case ',':
          g_string_append (out, "\\,");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        default:
          g_string_append_c (out, *p);
        }
    }

  return g_string_free (out, FALSE);
}

void
sw_ics_append_folded_line (GString    *out,
                           const char *line,
                           gsize       length)
{
  gsize limit = LINE_OCTETS;
  gsize pos = 0;

  while (length - pos > limit)
    {
      gsize cut = pos + limit;

      /* Never split a UTF-8 sequence: back up to its lead byte. */
      while (cut > pos && ((guchar) line[cut] & 0xc0) == 0x80)
        cut--;
      g_assert (cut > pos);

      g_string_append_len (out, line + pos, (gssize) (cut - pos));
      g_string_append (out, "\r\n ");
      pos = cut;
      limit = LINE_OCTETS - 1;
    }

  g_string_append_len (out, line + pos, (gssize) (length - pos));
  g_string_append (out, "\r\n");
}

/* Appends libical's output unfolded and folded again by our rules:
 * libical 3.0 folds inside UTF-8 characters and sometimes leaves stray
 * CRs and empty continuation lines. */
static void
append_refolded (GString    *out,
                 const char *text)
{
  g_autoptr(GString) line = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\r')
        continue;

      if (*p == '\n')
        {
          if (p[1] == ' ' || p[1] == '\t')
            {
              p++;
              continue;
            }
          if (line->len > 0)
            sw_ics_append_folded_line (out, line->str, line->len);
          g_string_truncate (line, 0);
          continue;
        }

      g_string_append_c (line, *p);
    }

  if (line->len > 0)
    sw_ics_append_folded_line (out, line->str, line->len);
}

static char *
component_text (icalcomponent *component)
{
  char *ical = icalcomponent_as_ical_string_r (component);
  char *text = g_strdup (ical);

  icalmemory_free_buffer (ical);

  return text;
}

/* ------------------------------------------------------------------ */
/* Times                                                              */

static struct icaltimetype
local_time (gint64 minutes)
{
  struct icaltimetype t = icaltime_null_time ();
  int minute = sw_time_minute_of_day (minutes);

  sw_time_to_ymd (sw_time_day_of (minutes), &t.year, &t.month, &t.day);
  t.hour = minute / 60;
  t.minute = minute % 60;
  t.second = 0;
  t.is_date = 0;
  t.zone = NULL;

  return t;
}

static icalproperty *
with_tzid (icalproperty *property,
           const char   *tzid)
{
  icalproperty_add_parameter (property, icalparameter_new_tzid (tzid));

  return property;
}

static struct icaltimetype
utc_time (gint64 seconds)
{
  /* With the UTC zone the result is UTC, as it must be for stamps. */
  return icaltime_from_timet_with_zone ((time_t) seconds, 0,
                                        icaltimezone_get_utc_timezone ());
}

/* ------------------------------------------------------------------ */
/* Preparing an export                                                */

static void
clear_prepared (SwIcsExporter *self)
{
  g_clear_pointer (&self->tzid, g_free);
  g_clear_pointer (&self->vtimezone, icalcomponent_free);
  g_clear_pointer (&self->slots, g_ptr_array_unref);
  g_clear_pointer (&self->person_slots, g_hash_table_unref);
  g_clear_pointer (&self->department_slots, g_hash_table_unref);
  g_clear_pointer (&self->person_tasks, g_hash_table_unref);
  g_clear_pointer (&self->department_tasks, g_hash_table_unref);
  g_clear_pointer (&self->tasks, g_ptr_array_unref);
  g_clear_pointer (&self->leaders, g_hash_table_unref);
  g_clear_pointer (&self->keys, g_hash_table_unref);
  self->organizer = NULL;
}

static void
index_add (GHashTable *index,
           gpointer    key,
           gpointer    item)
{
  GPtrArray *items;

  if (key == NULL)
    return;

  items = g_hash_table_lookup (index, key);
  if (items == NULL)
    {
      items = g_ptr_array_new ();
      g_hash_table_insert (index, key, items);
    }

  /* Items arrive grouped, so a repeat is always the last one. */
  if (items->len == 0 || g_ptr_array_index (items, items->len - 1) != item)
    g_ptr_array_add (items, item);
}

typedef struct
{
  gint64 first;
  gint64 last;
} Range;

static void
range_add (Range  *range,
           gint64  minutes)
{
  if (minutes == SW_TIME_UNSET)
    return;
  range->first = MIN (range->first, minutes);
  range->last = MAX (range->last, minutes);
}

static void
range_add_entry (const char            *file_key,
                 const char            *uid,
                 const SwCalendarEntry *entry,
                 gpointer               user_data)
{
  range_add (user_data, entry->start);
  range_add (user_data, entry->end);
}

static void
round_offset (icalcomponent *observance,
              icalproperty_kind kind)
{
  icalproperty *property = icalcomponent_get_first_property (observance, kind);
  int offset;

  if (property == NULL)
    return;

  offset = kind == ICAL_TZOFFSETFROM_PROPERTY
           ? icalproperty_get_tzoffsetfrom (property)
           : icalproperty_get_tzoffsetto (property);
  if (offset % 60 == 0)
    return;

  offset = (int) (((offset >= 0 ? offset + 30 : offset - 30)) / 60) * 60;
  if (kind == ICAL_TZOFFSETFROM_PROPERTY)
    icalproperty_set_tzoffsetfrom (property, offset);
  else
    icalproperty_set_tzoffsetto (property, offset);
}

/* One VTIMEZONE for the plan's zone, trimmed to @range, named by the
 * plain IANA name rather than libical's prefixed TZID. */
static icalcomponent *
build_vtimezone (const char  *tzid,
                 const Range *range,
                 GError     **error)
{
  icaltimezone *zone;
  icalcomponent *source = NULL;
  icalcomponent *vtz;
  icalproperty *property;

  zone = icaltimezone_get_builtin_timezone (tzid);
  if (zone == icaltimezone_get_utc_timezone () || g_strcmp0 (tzid, "UTC") == 0)
    zone = icaltimezone_get_builtin_timezone ("Etc/UTC");
  if (zone != NULL)
    source = icaltimezone_get_component (zone);
  if (source == NULL)
    {
      g_set_error (error, SW_ICS_ERROR, SW_ICS_ERROR_UNKNOWN_ZONE,
                   _("The time zone “%s” of the plan is not known to the calendar library"),
                   tzid);
      return NULL;
    }

  vtz = icalcomponent_new_clone (source);
  /* The trim works in UTC: two days either side cover every offset. */
  icaltimezone_truncate_vtimezone (vtz,
                                   utc_time ((range->first - 2 * DAY_MINUTES) * 60),
                                   utc_time ((range->last + 2 * DAY_MINUTES) * 60),
                                   0);

  for (property = icalcomponent_get_first_property (vtz, ICAL_ANY_PROPERTY);
       property != NULL;)
    {
      icalproperty *next = icalcomponent_get_next_property (vtz, ICAL_ANY_PROPERTY);
      const char *name = icalproperty_get_property_name (property);

      if (g_strcmp0 (name, "TZUNTIL") == 0 || g_strcmp0 (name, "X-LIC-LOCATION") == 0)
        {
          icalcomponent_remove_property (vtz, property);
          icalproperty_free (property);
        }
      property = next;
    }

  property = icalcomponent_get_first_property (vtz, ICAL_TZID_PROPERTY);
  if (property != NULL)
    icalproperty_set_tzid (property, tzid);
  else
    icalcomponent_add_property (vtz, icalproperty_new_tzid (tzid));

  for (icalcomponent *observance = icalcomponent_get_first_component (vtz, ICAL_ANY_COMPONENT);
       observance != NULL;
       observance = icalcomponent_get_next_component (vtz, ICAL_ANY_COMPONENT))
    {
      round_offset (observance, ICAL_TZOFFSETFROM_PROPERTY);
      round_offset (observance, ICAL_TZOFFSETTO_PROPERTY);
    }

  return vtz;
}

static gboolean
prepare (SwIcsExporter  *self,
         GError        **error)
{
  GListModel *people = sw_organisation_get_people (self->organisation);
  GListModel *departments = sw_organisation_get_departments (self->organisation);
  GListModel *committees = sw_plan_get_committees (self->plan);
  GListModel *tasks = sw_plan_get_tasks (self->plan);
  Range range;
  SwPerson *first_leader = NULL;

  clear_prepared (self);

  self->stamp = self->now != 0 ? self->now : g_get_real_time () / G_USEC_PER_SEC;
  self->tzid = g_strdup (sw_plan_get_time_zone (self->plan));
  self->slots = sw_plan_dup_sorted_slots (self->plan);
  self->person_slots = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  self->department_slots = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  self->person_tasks = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  self->department_tasks = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  self->tasks = g_ptr_array_new_with_free_func (g_object_unref);
  self->leaders = g_hash_table_new (NULL, NULL);
  self->keys = g_hash_table_new_full (NULL, NULL, NULL, g_free);

  range.first = sw_time_from_day (sw_plan_get_first_day (self->plan));
  range.last = sw_time_from_day (sw_plan_get_last_day (self->plan) + 1);

  for (guint i = 0; i < self->slots->len; i++)
    {
      SwSlot *slot = g_ptr_array_index (self->slots, i);
      GListModel *assignments = sw_slot_get_assignments (slot);
      GListModel *organisers = sw_slot_get_organisers (slot);

      range_add (&range, sw_slot_get_start (slot));
      range_add (&range, sw_slot_get_end (slot));

      for (guint a = 0; a < g_list_model_get_n_items (assignments); a++)
        {
          g_autoptr(SwAssignment) assignment = g_list_model_get_item (assignments, a);
          SwPerson *person = sw_assignment_get_person (assignment);

          if (person == NULL)
            continue;
          index_add (self->person_slots, person, slot);
          index_add (self->department_slots, sw_person_get_department (person), slot);
        }

      for (guint o = 0; o < g_list_model_get_n_items (organisers); o++)
        {
          g_autoptr(SwDepartment) department = g_list_model_get_item (organisers, o);

          index_add (self->department_slots, department, slot);
        }
    }

  for (guint i = 0; i < g_list_model_get_n_items (tasks); i++)
    {
      SwTask *task = g_list_model_get_item (tasks, i);
      SwPerson *person = sw_task_get_person (task);
      SwDepartment *department = sw_task_get_department (task);

      g_ptr_array_add (self->tasks, task);
      range_add (&range, sw_task_get_due (task));
      index_add (self->person_tasks, person, task);
      index_add (self->department_tasks, department, task);
      if (person != NULL && sw_person_get_department (person) != department)
        index_add (self->department_tasks, sw_person_get_department (person), task);
    }

  sw_calendar_state_foreach (self->state, range_add_entry, &range);

  for (guint i = 0; i < g_list_model_get_n_items (committees); i++)
    {
      g_autoptr(SwCommittee) committee = g_list_model_get_item (committees, i);
      GListModel *members = sw_committee_get_members (committee);

      for (guint m = 0; m < g_list_model_get_n_items (members); m++)
        {
          g_autoptr(SwCommitteeMember) member = g_list_model_get_item (members, m);
          SwPerson *person = sw_committee_member_get_person (member);

          if (person == NULL)
            continue;

          switch (sw_committee_member_get_role (member))
            {
            case SW_ROLE_LEADER:
              g_hash_table_add (self->leaders, person);
              if (first_leader == NULL)
                first_leader = person;
              break;
            case SW_ROLE_OFFICE_DIRECTOR:
              /* The office of the leadership group runs the week. */
              if (self->organizer == NULL)
                self->organizer = person;
              break;
            case SW_ROLE_DEPUTY:
            case SW_ROLE_MEMBER:
            default:
              break;
            }
        }
    }
  if (self->organizer == NULL)
    self->organizer = first_leader;

  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(SwPerson) person = g_list_model_get_item (people, i);
      gint64 id = sw_person_get_id (person);

      g_hash_table_insert (self->keys, person,
                           id > 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, id)
                                  : g_strdup_printf ("new-%u", i));
    }
  for (guint i = 0; i < g_list_model_get_n_items (departments); i++)
    {
      g_autoptr(SwDepartment) department = g_list_model_get_item (departments, i);
      gint64 id = sw_department_get_id (department);

      g_hash_table_insert (self->keys, department,
                           id > 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, id)
                                  : g_strdup_printf ("new-%u", i));
    }

  self->vtimezone = build_vtimezone (self->tzid, &range, error);

  return self->vtimezone != NULL;
}

static const char *
key_of (SwIcsExporter *self,
        gpointer       object)
{
  const char *key = g_hash_table_lookup (self->keys, object);

  return key != NULL ? key : "none";
}

/* ------------------------------------------------------------------ */
/* Components                                                         */

static char *
person_address (SwIcsExporter *self,
                SwPerson      *person)
{
  g_autofree char *email = clean_parameter (sw_person_get_email (person));

  g_strdelimit (email, " ", '_');
  if (*email != '\0')
    return g_strconcat ("mailto:", email, NULL);

  /* Unique per person, so that clients keep attendees apart. */
  return g_strconcat ("urn:x-servweek:person:", key_of (self, person), NULL);
}

static icalproperty *
new_organizer (SwIcsExporter *self)
{
  g_autofree char *address = NULL;
  g_autofree char *cn = NULL;
  icalproperty *property;

  if (self->organizer != NULL)
    {
      address = person_address (self, self->organizer);
      cn = clean_parameter (sw_person_get_name (self->organizer));
    }
  else if (*sw_plan_get_organiser (self->plan) != '\0')
    {
      address = g_strdup ("urn:x-servweek:organiser");
      cn = clean_parameter (sw_plan_get_organiser (self->plan));
    }
  else
    return NULL;

  property = icalproperty_new_organizer (address);
  if (*cn != '\0')
    icalproperty_add_parameter (property, icalparameter_new_cn (cn));

  return property;
}

static icalproperty *
new_attendee (SwIcsExporter *self,
              SwPerson      *person)
{
  g_autofree char *address = person_address (self, person);
  g_autofree char *cn = clean_parameter (sw_person_get_name (person));
  icalproperty *property = icalproperty_new_attendee (address);

  icalproperty_add_parameter (property, icalparameter_new_cn (*cn != '\0' ? cn : address));
  icalproperty_add_parameter (property, icalparameter_new_cutype (ICAL_CUTYPE_INDIVIDUAL));
  icalproperty_add_parameter (property,
                              icalparameter_new_role (g_hash_table_contains (self->leaders, person)
                                                      ? ICAL_ROLE_CHAIR
                                                      : ICAL_ROLE_REQPARTICIPANT));
  icalproperty_add_parameter (property, icalparameter_new_partstat (ICAL_PARTSTAT_ACCEPTED));

  return property;
}

static void
add_text (icalcomponent *component,
          icalproperty  *(*new_property) (const char *),
          const char    *text,
          gboolean       multiline)
{
  g_autofree char *clean = clean_text (text, multiline);

  g_strchomp (clean);
  if (*clean != '\0')
    icalcomponent_add_property (component, new_property (clean));
}

/* "name · detail · phone", leaving out empty parts. */
static void
append_joined (GString    *out,
               const char *first,
               ...)
{
  gboolean any = FALSE;
  va_list args;

  va_start (args, first);
  for (const char *part = first; part != NULL; part = va_arg (args, const char *))
    {
      if (*part == '\0')
        continue;
      if (any)
        g_string_append (out, " · ");
      g_string_append (out, part);
      any = TRUE;
    }
  va_end (args);
}

static void
append_organisers (GString *out,
                   SwSlot  *slot)
{
  GListModel *organisers = sw_slot_get_organisers (slot);
  guint n = g_list_model_get_n_items (organisers);

  if (n == 0)
    return;

  g_string_append_printf (out, "%s ", _("Organised by:"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwDepartment) department = g_list_model_get_item (organisers, i);

      if (i > 0)
        g_string_append (out, _(", "));
      g_string_append (out, sw_department_get_name (department));
    }
  g_string_append_c (out, '\n');
}

static void
append_visit_targets (GString *out,
                      SwSlot  *slot)
{
  GListModel *targets = sw_slot_get_visit_targets (slot);
  guint n = g_list_model_get_n_items (targets);

  if (n == 0)
    return;

  g_string_append_printf (out, "%s\n", _("Visit targets:"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwVisitTarget) target = g_list_model_get_item (targets, i);

      g_string_append (out, "- ");
      append_joined (out,
                     sw_visit_target_get_name (target),
                     sw_visit_target_get_address (target),
                     sw_visit_target_get_contact (target),
                     sw_visit_target_get_phone (target),
                     NULL);
      g_string_append_c (out, '\n');
    }
}

static void
append_tail (SwIcsExporter *self,
             GString       *out,
             SwSlot        *slot)
{
  append_organisers (out, slot);
  append_visit_targets (out, slot);

  if (*sw_plan_get_hotline (self->plan) != '\0')
    g_string_append_printf (out, "%s %s\n", _("Hotline:"), sw_plan_get_hotline (self->plan));

  if (*sw_slot_get_description (slot) != '\0')
    g_string_append_printf (out, "\n%s", sw_slot_get_description (slot));
}

/* The description in @person's own file: their duty, the teammates with
 * phones, organisers, visit targets and the hotline. */
static char *
person_description (SwIcsExporter *self,
                    SwSlot        *slot,
                    SwPerson      *person)
{
  GListModel *assignments = sw_slot_get_assignments (slot);
  SwAssignment *own = sw_slot_find_assignment (slot, person);
  SwDuty *duty = own != NULL ? sw_assignment_get_duty (own) : NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean header = FALSE;

  g_string_append_printf (out, "%s %s\n", _("Duty:"),
                          duty != NULL ? sw_duty_get_name (duty) : _("Attendee"));
  if (own != NULL && *sw_assignment_get_note (own) != '\0')
    g_string_append_printf (out, "%s %s\n", _("Note:"), sw_assignment_get_note (own));

  for (guint i = 0; i < g_list_model_get_n_items (assignments); i++)
    {
      g_autoptr(SwAssignment) assignment = g_list_model_get_item (assignments, i);
      SwPerson *mate = sw_assignment_get_person (assignment);
      SwDuty *mate_duty = sw_assignment_get_duty (assignment);
      SwDepartment *department;

      if (mate == NULL || mate == person)
        continue;

      if (!header)
        {
          g_string_append_printf (out, "%s\n", _("Teammates:"));
          header = TRUE;
        }
      department = sw_person_get_department (mate);
      g_string_append (out, "- ");
      append_joined (out,
                     sw_person_get_name (mate),
                     department != NULL ? sw_department_get_name (department) : "",
                     mate_duty != NULL ? sw_duty_get_name (mate_duty) : _("Attendee"),
                     sw_person_get_phone (mate),
                     NULL);
      g_string_append_c (out, '\n');
    }

  append_tail (self, out, slot);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The description in the plan's and departments' files: every duty with
 * its people, the attendees, organisers, visit targets and the hotline. */
static char *
slot_description (SwIcsExporter *self,
                  SwSlot        *slot)
{
  GListModel *duties = sw_slot_get_duties (slot);
  GListModel *assignments = sw_slot_get_assignments (slot);
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean header = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (duties); i++)
    {
      g_autoptr(SwDuty) duty = g_list_model_get_item (duties, i);
      g_autoptr(GPtrArray) people = sw_slot_dup_duty_people (slot, duty);
      SwDepartment *department = sw_duty_get_department (duty);

      if (!header)
        {
          g_string_append_printf (out, "%s\n", _("Duties:"));
          header = TRUE;
        }
      g_string_append_printf (out, "- %s (%u/%u", sw_duty_get_name (duty),
                              people->len, sw_duty_get_count (duty));
      if (department != NULL)
        g_string_append_printf (out, ", %s", sw_department_get_name (department));
      g_string_append (out, ")");
      for (guint p = 0; p < people->len; p++)
        {
          SwPerson *person = g_ptr_array_index (people, p);

          g_string_append (out, p == 0 ? ": " : _(", "));
          append_joined (out, sw_person_get_name (person), sw_person_get_phone (person), NULL);
        }
      g_string_append_c (out, '\n');
    }

  header = FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (assignments); i++)
    {
      g_autoptr(SwAssignment) assignment = g_list_model_get_item (assignments, i);
      SwPerson *person = sw_assignment_get_person (assignment);

      if (person == NULL || sw_assignment_get_duty (assignment) != NULL)
        continue;
      if (!header)
        {
          g_string_append_printf (out, "%s\n", _("Attendees:"));
          header = TRUE;
        }
      g_string_append (out, "- ");
      append_joined (out, sw_person_get_name (person), sw_person_get_phone (person), NULL);
      g_string_append_c (out, '\n');
    }

  append_tail (self, out, slot);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
slot_summary (SwSlot   *slot,
              SwPerson *person)
{
  SwAssignment *own = person != NULL ? sw_slot_find_assignment (slot, person) : NULL;
  SwDuty *duty = own != NULL ? sw_assignment_get_duty (own) : NULL;
  g_autofree char *title = clean_text (sw_slot_get_title (slot), FALSE);
  g_autofree char *duty_name = duty != NULL ? clean_text (sw_duty_get_name (duty), FALSE) : NULL;

  if (duty_name != NULL && *duty_name != '\0')
    return g_strdup_printf ("%s · %s", title, duty_name);

  return g_steal_pointer (&title);
}

static icalcomponent *
slot_component (SwIcsExporter *self,
                SwSlot        *slot,
                SwPerson      *person,
                const char    *summary)
{
  icalcomponent *event = icalcomponent_new_vevent ();
  GListModel *assignments = sw_slot_get_assignments (slot);
  g_autofree char *description = NULL;
  g_autofree char *category = clean_text (sw_slot_kind_get_label (sw_slot_get_kind (slot)), FALSE);
  icalproperty *organizer;

  icalcomponent_add_property (event, icalproperty_new_uid (sw_slot_get_uid (slot)));
  icalcomponent_add_property (event, icalproperty_new_summary (summary));
  icalcomponent_add_property (event, with_tzid (icalproperty_new_dtstart (local_time (sw_slot_get_start (slot))),
                                                self->tzid));
  icalcomponent_add_property (event, with_tzid (icalproperty_new_dtend (local_time (sw_slot_get_end (slot))),
                                                self->tzid));
  add_text (event, icalproperty_new_location, sw_slot_get_location (slot), FALSE);

  description = person != NULL ? person_description (self, slot, person)
                               : slot_description (self, slot);
  add_text (event, icalproperty_new_description, description, TRUE);

  icalcomponent_add_property (event, icalproperty_new_status (ICAL_STATUS_CONFIRMED));
  g_strdelimit (category, ",", ' ');
  if (*category != '\0')
    icalcomponent_add_property (event, icalproperty_new_categories (category));

  organizer = new_organizer (self);
  if (organizer != NULL)
    icalcomponent_add_property (event, organizer);

  for (guint i = 0; i < g_list_model_get_n_items (assignments); i++)
    {
      g_autoptr(SwAssignment) assignment = g_list_model_get_item (assignments, i);
      SwPerson *attendee = sw_assignment_get_person (assignment);

      if (attendee != NULL)
        icalcomponent_add_property (event, new_attendee (self, attendee));
    }

  if (self->reminder_minutes >= 0)
    {
      icalcomponent *alarm = icalcomponent_new_valarm ();
      struct icaltriggertype trigger;

      trigger.time = icaltime_null_time ();
      trigger.duration = icaldurationtype_from_int (-self->reminder_minutes * 60);
      icalcomponent_add_property (alarm, icalproperty_new_action (ICAL_ACTION_DISPLAY));
      icalcomponent_add_property (alarm, icalproperty_new_trigger (trigger));
      icalcomponent_add_property (alarm, icalproperty_new_description (summary));
      icalcomponent_add_component (event, alarm);
    }

  return event;
}

static icalproperty_status
task_status (SwTask *task)
{
  switch (sw_task_get_status (task))
    {
    case SW_TASK_STATUS_DOING:
      return ICAL_STATUS_INPROCESS;
    case SW_TASK_STATUS_DONE:
      return ICAL_STATUS_COMPLETED;
    case SW_TASK_STATUS_TODO:
    default:
      return ICAL_STATUS_NEEDSACTION;
    }
}

static icalcomponent *
task_component (SwIcsExporter *self,
                SwTask        *task,
                const char    *summary)
{
  icalcomponent *todo = icalcomponent_new_vtodo ();
  SwPerson *person = sw_task_get_person (task);
  SwDepartment *department = sw_task_get_department (task);
  SwSlot *slot = sw_task_get_slot (task);
  g_autoptr(GString) description = g_string_new (NULL);

  icalcomponent_add_property (todo, icalproperty_new_uid (sw_task_get_uid (task)));
  icalcomponent_add_property (todo, icalproperty_new_summary (summary));
  if (sw_task_get_due (task) != SW_TIME_UNSET)
    icalcomponent_add_property (todo, with_tzid (icalproperty_new_due (local_time (sw_task_get_due (task))),
                                                 self->tzid));
  icalcomponent_add_property (todo, icalproperty_new_status (task_status (task)));
  if (sw_task_get_status (task) == SW_TASK_STATUS_DONE)
    icalcomponent_add_property (todo, icalproperty_new_percentcomplete (100));

  if (person != NULL || department != NULL)
    {
      g_string_append_printf (description, "%s ", _("Owner:"));
      append_joined (description,
                     department != NULL ? sw_department_get_name (department) : "",
                     person != NULL ? sw_person_get_name (person) : "",
                     person != NULL ? sw_person_get_phone (person) : "",
                     NULL);
      g_string_append_c (description, '\n');
    }
  if (slot != NULL)
    g_string_append_printf (description, "%s %s\n", _("For:"), sw_slot_get_title (slot));
  if (*sw_plan_get_hotline (self->plan) != '\0')
    g_string_append_printf (description, "%s %s\n", _("Hotline:"), sw_plan_get_hotline (self->plan));
  if (*sw_task_get_notes (task) != '\0')
    g_string_append_printf (description, "\n%s", sw_task_get_notes (task));
  add_text (todo, icalproperty_new_description, description->str, TRUE);

  return todo;
}

static icalcomponent *
cancelled_component (SwIcsExporter         *self,
                     const char            *uid,
                     const SwCalendarEntry *entry)
{
  icalcomponent *component = entry->is_todo ? icalcomponent_new_vtodo () : icalcomponent_new_vevent ();

  icalcomponent_add_property (component, icalproperty_new_uid (uid));
  if (*entry->summary != '\0')
    icalcomponent_add_property (component, icalproperty_new_summary (entry->summary));

  if (entry->is_todo)
    {
      if (entry->start != SW_TIME_UNSET)
        icalcomponent_add_property (component, with_tzid (icalproperty_new_due (local_time (entry->start)),
                                                          self->tzid));
    }
  else
    {
      icalcomponent_add_property (component, with_tzid (icalproperty_new_dtstart (local_time (entry->start)),
                                                        self->tzid));
      if (entry->end != SW_TIME_UNSET && entry->end > entry->start)
        icalcomponent_add_property (component, with_tzid (icalproperty_new_dtend (local_time (entry->end)),
                                                          self->tzid));
    }
  icalcomponent_add_property (component, icalproperty_new_status (ICAL_STATUS_CANCELLED));

  return component;
}

static void
add_stamps (icalcomponent         *component,
            const SwCalendarEntry *entry)
{
  icalcomponent_add_property (component, icalproperty_new_dtstamp (utc_time (entry->last_modified)));
  icalcomponent_add_property (component, icalproperty_new_created (utc_time (entry->created)));
  icalcomponent_add_property (component, icalproperty_new_lastmodified (utc_time (entry->last_modified)));
  icalcomponent_add_property (component, icalproperty_new_sequence (entry->sequence));
}

/* Compares @component with what @file_key said about it last time (the
 * hash of its text without the stamps), records the new state, adds the
 * stamps and puts it into @calendar.  Takes @component. */
static void
add_item (SwIcsExporter *self,
          icalcomponent *calendar,
          const char    *file_key,
          const char    *uid,
          icalcomponent *component,
          gboolean       is_todo,
          const char    *summary,
          gint64         start,
          gint64         end)
{
  g_autofree char *content = component_text (component);
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, content, -1);
  SwCalendarEntry old;
  SwCalendarEntry entry = { 0, };

  entry.hash = hash;
  entry.is_todo = is_todo;
  entry.summary = summary;
  entry.start = start;
  entry.end = end;
  entry.cancelled = FALSE;

  if (sw_calendar_state_lookup (self->state, file_key, uid, &old))
    {
      entry.created = old.created;
      if (old.cancelled || strcmp (old.hash, hash) != 0)
        {
          entry.sequence = old.sequence + 1;
          entry.last_modified = self->stamp;
        }
      else
        {
          entry.sequence = old.sequence;
          entry.last_modified = old.last_modified;
        }
    }
  else
    {
      entry.created = self->stamp;
      entry.last_modified = self->stamp;
      entry.sequence = 0;
    }

  sw_calendar_state_set (self->state, file_key, uid, &entry);

  add_stamps (component, &entry);
  icalcomponent_add_component (calendar, component);
}

/* ------------------------------------------------------------------ */
/* Files                                                              */

/* A property whose value is TEXT that libical 3.0 knows by name only as
 * an extension (X-WR-CALNAME, X-WR-TIMEZONE). */
static icalproperty *
new_x_property (const char *name,
                const char *value)
{
  icalproperty *property = icalproperty_new_x (value);

  icalproperty_set_x_name (property, name);

  return property;
}

/* The calendar of a file: its name, the plan's zone, then its items. */
static icalcomponent *
new_calendar (SwIcsExporter *self,
              const char    *calendar_name)
{
  icalcomponent *calendar = icalcomponent_new (ICAL_VCALENDAR_COMPONENT);

  icalcomponent_add_property (calendar, icalproperty_new_version ("2.0"));
  icalcomponent_add_property (calendar, icalproperty_new_prodid (PRODID));
  icalcomponent_add_property (calendar, icalproperty_new_calscale ("GREGORIAN"));
  icalcomponent_add_property (calendar, new_x_property ("X-WR-CALNAME", calendar_name));
  icalcomponent_add_property (calendar, icalproperty_new_name (calendar_name));
  icalcomponent_add_property (calendar, new_x_property ("X-WR-TIMEZONE", self->tzid));
  icalcomponent_add_component (calendar, icalcomponent_new_clone (self->vtimezone));

  return calendar;
}

/* The items that @file_key carried before and holds no longer (not in
 * @present): cancelled, once, and sent as cancelled in every later
 * export. */
static void
add_cancelled (SwIcsExporter *self,
               icalcomponent *calendar,
               const char    *file_key,
               GHashTable    *present)
{
  g_auto(GStrv) known = sw_calendar_state_dup_uids (self->state, file_key);

  for (guint i = 0; known[i] != NULL; i++)
    {
      SwCalendarEntry entry;
      icalcomponent *component;

      if (g_hash_table_contains (present, known[i]))
        continue;
      if (!sw_calendar_state_lookup (self->state, file_key, known[i], &entry))
        continue;
      /* Leaving tasks out of an export is not deleting them. */
      if (entry.is_todo && !self->include_tasks)
        continue;

      if (!entry.cancelled)
        {
          g_autofree char *hash = g_strdup (entry.hash);
          g_autofree char *summary = g_strdup (entry.summary);

          entry.hash = hash;
          entry.summary = summary;
          entry.sequence++;
          entry.last_modified = self->stamp;
          entry.cancelled = TRUE;
          sw_calendar_state_set (self->state, file_key, known[i], &entry);
          sw_calendar_state_lookup (self->state, file_key, known[i], &entry);
        }

      component = cancelled_component (self, known[i], &entry);
      add_stamps (component, &entry);
      icalcomponent_add_component (calendar, component);
    }
}

/* One file: the calendar built as components, serialised once and
 * folded by our rules once. */
static GBytes *
build_file (SwIcsExporter *self,
            const char    *file_key,
            const char    *calendar_name,
            GPtrArray     *slots,
            SwPerson      *person,
            GPtrArray     *tasks)
{
  g_autoptr(GHashTable) present = g_hash_table_new (g_str_hash, g_str_equal);
  icalcomponent *calendar = new_calendar (self, calendar_name);
  g_autoptr(GString) out = NULL;
  char *text;

  for (guint i = 0; slots != NULL && i < slots->len; i++)
    {
      SwSlot *slot = g_ptr_array_index (slots, i);
      const char *uid = sw_slot_get_uid (slot);
      g_autofree char *summary = NULL;

      if (*uid == '\0' || g_hash_table_contains (present, uid))
        continue;
      g_hash_table_add (present, (gpointer) uid);

      summary = slot_summary (slot, person);
      add_item (self, calendar, file_key, uid,
                slot_component (self, slot, person, summary),
                FALSE, summary, sw_slot_get_start (slot), sw_slot_get_end (slot));
    }

  for (guint i = 0; self->include_tasks && tasks != NULL && i < tasks->len; i++)
    {
      SwTask *task = g_ptr_array_index (tasks, i);
      const char *uid = sw_task_get_uid (task);
      g_autofree char *summary = NULL;

      if (*uid == '\0' || g_hash_table_contains (present, uid))
        continue;
      g_hash_table_add (present, (gpointer) uid);

      summary = clean_text (sw_task_get_title (task), FALSE);
      add_item (self, calendar, file_key, uid, task_component (self, task, summary),
                TRUE, summary, sw_task_get_due (task), SW_TIME_UNSET);
    }

  add_cancelled (self, calendar, file_key, present);

  text = icalcomponent_as_ical_string_r (calendar);
  icalcomponent_free (calendar);
  out = g_string_sized_new (strlen (text) + strlen (text) / 64 + 16);
  append_refolded (out, text);
  icalmemory_free_buffer (text);

  return g_string_free_to_bytes (g_steal_pointer (&out));
}

static char *
calendar_name (SwIcsExporter *self,
               const char    *part)
{
  g_autofree char *title = clean_text (sw_plan_get_title (self->plan), FALSE);
  g_autofree char *clean = clean_text (part, FALSE);

  if (*clean == '\0')
    return g_steal_pointer (&title);

  return g_strdup_printf ("%s · %s", title, clean);
}

static SwIcsFile *
new_file (const char *name,
          const char *file_key,
          GBytes     *bytes)
{
  SwIcsFile *file = g_new0 (SwIcsFile, 1);

  file->file_name = g_strdup (name);
  file->file_key = g_strdup (file_key);
  file->bytes = bytes;

  return file;
}

static char *
person_file_key (SwIcsExporter *self,
                 SwPerson      *person)
{
  return g_strconcat ("person:", key_of (self, person), NULL);
}

static char *
department_file_key (SwIcsExporter *self,
                     SwDepartment  *department)
{
  return g_strconcat ("department:", key_of (self, department), NULL);
}

static GBytes *
build_person (SwIcsExporter *self,
              SwPerson      *person,
              const char    *file_key)
{
  g_autofree char *name = calendar_name (self, sw_person_get_name (person));

  return build_file (self, file_key, name,
                     g_hash_table_lookup (self->person_slots, person), person,
                     g_hash_table_lookup (self->person_tasks, person));
}

static GBytes *
build_department (SwIcsExporter *self,
                  SwDepartment  *department,
                  const char    *file_key)
{
  g_autofree char *name = calendar_name (self, sw_department_get_name (department));

  return build_file (self, file_key, name,
                     g_hash_table_lookup (self->department_slots, department), NULL,
                     g_hash_table_lookup (self->department_tasks, department));
}

/* A name not yet in @used (case-insensitively): @candidate, else with
 * " (2)", " (3)" … kept within the length limit. */
static char *
unique_name (GHashTable *used,
             const char *candidate)
{
  g_autofree char *folded = g_utf8_casefold (candidate, -1);

  if (!g_hash_table_contains (used, folded))
    {
      g_hash_table_add (used, g_steal_pointer (&folded));
      return g_strdup (candidate);
    }

  for (guint n = 2;; n++)
    {
      g_autofree char *suffix = g_strdup_printf (" (%u)", n);
      gsize room = SW_FILE_NAME_MAX_BYTES - strlen (suffix);
      g_autoptr(GString) stem = g_string_new (candidate);
      g_autofree char *name = NULL;
      g_autofree char *name_folded = NULL;

      if (stem->len > room)
        {
          gsize cut = room;

          while (cut > 0 && ((guchar) stem->str[cut] & 0xc0) == 0x80)
            cut--;
          g_string_truncate (stem, cut);
        }
      g_string_append (stem, suffix);
      name = sw_file_name_make_safe (stem->str, suffix);
      name_folded = g_utf8_casefold (name, -1);
      if (!g_hash_table_contains (used, name_folded))
        {
          g_hash_table_add (used, g_steal_pointer (&name_folded));
          return g_steal_pointer (&name);
        }
    }
}

static gboolean
has_content (SwIcsExporter *self,
             GHashTable    *slots,
             GHashTable    *tasks,
             gpointer       owner,
             const char    *file_key)
{
  return g_hash_table_contains (slots, owner) ||
         (self->include_tasks && g_hash_table_contains (tasks, owner)) ||
         sw_calendar_state_has_file (self->state, file_key);
}

/* Safe, unique file names for @owners named by @names: a name shared by
 * several gets @qualifiers added, then a number. */
static GPtrArray *
file_names (GPtrArray  *names,
            GPtrArray  *qualifiers,
            const char *fallback)
{
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) safe = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *result = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < names->len; i++)
    {
      char *name = sw_file_name_make_safe (g_ptr_array_index (names, i), fallback);
      char *folded = g_utf8_casefold (name, -1);

      g_ptr_array_add (safe, name);
      g_hash_table_insert (counts, folded,
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, folded)) + 1));
    }

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (safe, i);
      g_autofree char *folded = g_utf8_casefold (name, -1);
      g_autofree char *candidate = NULL;
      g_autofree char *unique = NULL;
      const char *qualifier = qualifiers != NULL ? g_ptr_array_index (qualifiers, i) : "";

      if (GPOINTER_TO_UINT (g_hash_table_lookup (counts, folded)) > 1 && *qualifier != '\0')
        {
          g_autofree char *qualified = g_strdup_printf ("%s (%s)",
                                                        (const char *) g_ptr_array_index (names, i),
                                                        qualifier);

          candidate = sw_file_name_make_safe (qualified, fallback);
        }
      else
        candidate = g_strdup (name);

      unique = unique_name (used, candidate);
      g_ptr_array_add (result, g_strconcat (unique, ".ics", NULL));
    }

  return result;
}

GPtrArray *
sw_ics_exporter_export (SwIcsExporter  *self,
                        SwIcsScope      scope,
                        GError        **error)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func ((GDestroyNotify) sw_ics_file_free);

  g_return_val_if_fail (SW_IS_ICS_EXPORTER (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!prepare (self, error))
    return NULL;

  switch (scope)
    {
    case SW_ICS_SCOPE_PLAN:
      {
        g_autofree char *title = clean_text (sw_plan_get_title (self->plan), FALSE);
        g_autofree char *name = sw_file_name_make_safe (title, _("calendar"));
        g_autofree char *file_name = g_strconcat (name, ".ics", NULL);

        g_ptr_array_add (files, new_file (file_name, "plan",
                                          build_file (self, "plan", title, self->slots, NULL,
                                                      self->tasks)));
      }
      break;

    case SW_ICS_SCOPE_PERSON:
      {
        GListModel *people = sw_organisation_get_people (self->organisation);
        g_autoptr(GPtrArray) chosen = g_ptr_array_new_with_free_func (g_object_unref);
        g_autoptr(GPtrArray) names = g_ptr_array_new ();
        g_autoptr(GPtrArray) qualifiers = g_ptr_array_new ();
        g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
        g_autoptr(GPtrArray) file_name_list = NULL;

        for (guint i = 0; i < g_list_model_get_n_items (people); i++)
          {
            SwPerson *person = g_list_model_get_item (people, i);
            g_autofree char *file_key = person_file_key (self, person);
            SwDepartment *department = sw_person_get_department (person);

            if (!has_content (self, self->person_slots, self->person_tasks, person, file_key))
              {
                g_object_unref (person);
                continue;
              }
            g_ptr_array_add (chosen, person);
            g_ptr_array_add (names, (gpointer) sw_person_get_name (person));
            g_ptr_array_add (qualifiers, (gpointer) (department != NULL ? sw_department_get_name (department) : ""));
            g_ptr_array_add (keys, g_steal_pointer (&file_key));
          }

        file_name_list = file_names (names, qualifiers, _("person"));
        for (guint i = 0; i < chosen->len; i++)
          g_ptr_array_add (files, new_file (g_ptr_array_index (file_name_list, i),
                                            g_ptr_array_index (keys, i),
                                            build_person (self, g_ptr_array_index (chosen, i),
                                                          g_ptr_array_index (keys, i))));
      }
      break;

    case SW_ICS_SCOPE_DEPARTMENT:
      {
        GListModel *departments = sw_organisation_get_departments (self->organisation);
        g_autoptr(GPtrArray) chosen = g_ptr_array_new_with_free_func (g_object_unref);
        g_autoptr(GPtrArray) names = g_ptr_array_new ();
        g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
        g_autoptr(GPtrArray) file_name_list = NULL;

        for (guint i = 0; i < g_list_model_get_n_items (departments); i++)
          {
            SwDepartment *department = g_list_model_get_item (departments, i);
            g_autofree char *file_key = department_file_key (self, department);

            if (!has_content (self, self->department_slots, self->department_tasks, department, file_key))
              {
                g_object_unref (department);
                continue;
              }
            g_ptr_array_add (chosen, department);
            g_ptr_array_add (names, (gpointer) sw_department_get_name (department));
            g_ptr_array_add (keys, g_steal_pointer (&file_key));
          }

        file_name_list = file_names (names, NULL, _("department"));
        for (guint i = 0; i < chosen->len; i++)
          g_ptr_array_add (files, new_file (g_ptr_array_index (file_name_list, i),
                                            g_ptr_array_index (keys, i),
                                            build_department (self, g_ptr_array_index (chosen, i),
                                                              g_ptr_array_index (keys, i))));
      }
      break;

    default:
      g_return_val_if_reached (NULL);
    }

  clear_prepared (self);

  return g_steal_pointer (&files);
}

SwIcsFile *
sw_ics_exporter_export_person (SwIcsExporter  *self,
                               SwPerson       *person,
                               GError        **error)
{
  g_autofree char *file_key = NULL;
  g_autofree char *name = NULL;
  g_autofree char *file_name = NULL;
  SwIcsFile *file;

  g_return_val_if_fail (SW_IS_ICS_EXPORTER (self), NULL);
  g_return_val_if_fail (SW_IS_PERSON (person), NULL);

  if (!prepare (self, error))
    return NULL;

  file_key = person_file_key (self, person);
  name = sw_file_name_make_safe (sw_person_get_name (person), _("person"));
  file_name = g_strconcat (name, ".ics", NULL);
  file = new_file (file_name, file_key, build_person (self, person, file_key));
  clear_prepared (self);

  return file;
}

/* ------------------------------------------------------------------ */
/* Writing                                                            */

gboolean
sw_ics_file_write (SwIcsFile   *file,
                   const char  *path,
                   GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  gsize length;
  const char *data;

  g_return_val_if_fail (file != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  data = g_bytes_get_data (file->bytes, &length);
  if (!g_file_set_contents_full (path, data, (gssize) length,
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0666, &local_error))
    {
      g_set_error_literal (error, SW_ICS_ERROR, SW_ICS_ERROR_IO, local_error->message);
      return FALSE;
    }

  return TRUE;
}

gboolean
sw_ics_files_write_to_folder (GPtrArray   *files,
                              const char  *folder,
                              GError     **error)
{
  g_return_val_if_fail (files != NULL, FALSE);
  g_return_val_if_fail (folder != NULL, FALSE);

  if (g_mkdir_with_parents (folder, 0777) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, SW_ICS_ERROR, SW_ICS_ERROR_IO,
                   _("Could not create the folder “%s”: %s"), folder, g_strerror (saved_errno));
      return FALSE;
    }
  if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, SW_ICS_ERROR, SW_ICS_ERROR_IO,
                   _("“%s” is not a folder"), folder);
      return FALSE;
    }

  for (guint i = 0; i < files->len; i++)
    {
      SwIcsFile *file = g_ptr_array_index (files, i);
      g_autofree char *path = NULL;

      /* Names come from sw_file_name_make_safe(): no separators, no "..". */
      g_assert (strchr (file->file_name, '/') == NULL && file->file_name[0] != '.');
      path = g_build_filename (folder, file->file_name, NULL);
      if (!sw_ics_file_write (file, path, error))
        return FALSE;
    }

  return TRUE;
}

/* ------------------------------------------------------------------ */
/* The object                                                         */

static void
sw_ics_exporter_dispose (GObject *object)
{
  SwIcsExporter *self = SW_ICS_EXPORTER (object);

  clear_prepared (self);
  g_clear_object (&self->organisation);
  g_clear_object (&self->plan);
  g_clear_object (&self->state);

  G_OBJECT_CLASS (sw_ics_exporter_parent_class)->dispose (object);
}

static void
sw_ics_exporter_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SwIcsExporter *self = SW_ICS_EXPORTER (object);

  switch (prop_id)
    {
    case PROP_ORGANISATION:
      g_value_set_object (value, self->organisation);
      break;
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;
    case PROP_STATE:
      g_value_set_object (value, self->state);
      break;
    case PROP_INCLUDE_TASKS:
      g_value_set_boolean (value, self->include_tasks);
      break;
    case PROP_REMINDER_MINUTES:
      g_value_set_int (value, self->reminder_minutes);
      break;
    case PROP_NOW:
      g_value_set_int64 (value, self->now);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sw_ics_exporter_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  SwIcsExporter *self = SW_ICS_EXPORTER (object);

  switch (prop_id)
    {
    case PROP_ORGANISATION:
      self->organisation = g_value_dup_object (value);
      break;
    case PROP_PLAN:
      self->plan = g_value_dup_object (value);
      break;
    case PROP_STATE:
      self->state = g_value_dup_object (value);
      break;
    case PROP_INCLUDE_TASKS:
      sw_ics_exporter_set_include_tasks (self, g_value_get_boolean (value));
      break;
    case PROP_REMINDER_MINUTES:
      sw_ics_exporter_set_reminder_minutes (self, g_value_get_int (value));
      break;
    case PROP_NOW:
      sw_ics_exporter_set_now (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sw_ics_exporter_class_init (SwIcsExporterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sw_ics_exporter_dispose;
  object_class->get_property = sw_ics_exporter_get_property;
  object_class->set_property = sw_ics_exporter_set_property;

  properties[PROP_ORGANISATION] =
    g_param_spec_object ("organisation", NULL, NULL, SW_TYPE_ORGANISATION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, SW_TYPE_PLAN,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] =
    g_param_spec_object ("state", NULL, NULL, SW_TYPE_CALENDAR_STATE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_INCLUDE_TASKS] =
    g_param_spec_boolean ("include-tasks", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REMINDER_MINUTES] =
    g_param_spec_int ("reminder-minutes", NULL, NULL, -1, 7 * DAY_MINUTES, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOW] =
    g_param_spec_int64 ("now", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sw_ics_exporter_init (SwIcsExporter *self)
{
  self->reminder_minutes = -1;
}

SwIcsExporter *
sw_ics_exporter_new (SwOrganisation  *organisation,
                     SwPlan          *plan,
                     SwCalendarState *state)
{
  g_return_val_if_fail (SW_IS_ORGANISATION (organisation), NULL);
  g_return_val_if_fail (SW_IS_PLAN (plan), NULL);
  g_return_val_if_fail (SW_IS_CALENDAR_STATE (state), NULL);

  return g_object_new (SW_TYPE_ICS_EXPORTER,
                       "organisation", organisation,
                       "plan", plan,
                       "state", state,
                       NULL);
}

gboolean
sw_ics_exporter_get_include_tasks (SwIcsExporter *self)
{
  g_return_val_if_fail (SW_IS_ICS_EXPORTER (self), FALSE);

  return self->include_tasks;
}

void
sw_ics_exporter_set_include_tasks (SwIcsExporter *self,
                                   gboolean       include_tasks)
{
  g_return_if_fail (SW_IS_ICS_EXPORTER (self));

  include_tasks = !!include_tasks;
  if (self->include_tasks == include_tasks)
    return;

  self->include_tasks = include_tasks;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INCLUDE_TASKS]);
}

int
sw_ics_exporter_get_reminder_minutes (SwIcsExporter *self)
{
  g_return_val_if_fail (SW_IS_ICS_EXPORTER (self), -1);

  return self->reminder_minutes;
}

void
sw_ics_exporter_set_reminder_minutes (SwIcsExporter *self,
                                      int            minutes)
{
  g_return_if_fail (SW_IS_ICS_EXPORTER (self));

  minutes = CLAMP (minutes, -1, 7 * DAY_MINUTES);
  if (self->reminder_minutes == minutes)
    return;

  self->reminder_minutes = minutes;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REMINDER_MINUTES]);
}

gint64
sw_ics_exporter_get_now (SwIcsExporter *self)
{
  g_return_val_if_fail (SW_IS_ICS_EXPORTER (self), 0);

  return self->now;
}

void
sw_ics_exporter_set_now (SwIcsExporter *self,
                         gint64         now)
{
  g_return_if_fail (SW_IS_ICS_EXPORTER (self));

  now = MAX (now, 0);
  if (self->now == now)
    return;

  self->now = now;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOW]);
}
