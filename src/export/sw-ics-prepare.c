/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>

#include "sw-ics-exporter-internal.h"
#include "sw-file-name.h"

/* ------------------------------------------------------------------ */
/* Preparing an export                                                */

void
sw_ics_exporter_clear_prepared (SwIcsExporter *self)
{
  if (self->folder_fd >= 0)
    close (self->folder_fd);
  self->folder_fd = -1;
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->tzid, g_free);
  g_clear_pointer (&self->vtimezone, icalcomponent_free);
  g_clear_pointer (&self->vtimezone_text, g_free);
  g_clear_pointer (&self->slot_texts, g_hash_table_unref);
  g_clear_pointer (&self->slots, g_ptr_array_unref);
  g_clear_pointer (&self->person_slots, g_hash_table_unref);
  g_clear_pointer (&self->department_slots, g_hash_table_unref);
  g_clear_pointer (&self->person_tasks, g_hash_table_unref);
  g_clear_pointer (&self->department_tasks, g_hash_table_unref);
  g_clear_pointer (&self->tasks, g_ptr_array_unref);
  g_clear_pointer (&self->leaders, g_hash_table_unref);
  g_clear_pointer (&self->keys, g_hash_table_unref);
  g_clear_pointer (&self->base_digest, g_free);
  g_clear_pointer (&self->item_digests, g_hash_table_unref);
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
round_offset (icalcomponent     *observance,
              icalproperty_kind  kind)
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
                                   sw_ics_utc_time ((range->first - 2 * DAY_MINUTES) * 60),
                                   sw_ics_utc_time ((range->last + 2 * DAY_MINUTES) * 60),
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

/* The plan's slots in order, and the empty tables the steps below fill. */
static void
create_indexes (SwIcsExporter *self)
{
  self->slots = sw_plan_dup_sorted_slots (self->plan);
  self->person_slots = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  self->department_slots = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  self->person_tasks = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  self->department_tasks = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  self->tasks = g_ptr_array_new_with_free_func (g_object_unref);
  self->leaders = g_hash_table_new (NULL, NULL);
  self->keys = g_hash_table_new_full (NULL, NULL, NULL, g_free);
}

/* Each slot under the people assigned to it, their departments and the
 * departments organising it; widens @range to the slots' times. */
static void
index_slots (SwIcsExporter *self,
             Range         *range)
{
  for (guint i = 0; i < self->slots->len; i++)
    {
      SwSlot *slot = g_ptr_array_index (self->slots, i);
      GListModel *assignments = sw_slot_get_assignments (slot);
      GListModel *organisers = sw_slot_get_organisers (slot);

      range_add (range, sw_slot_get_start (slot));
      range_add (range, sw_slot_get_end (slot));

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
}

/* Each task under its person, its department and its person's
 * department; widens @range to the tasks' due times. */
static void
index_tasks (SwIcsExporter *self,
             Range         *range)
{
  GListModel *tasks = sw_plan_get_tasks (self->plan);

  for (guint i = 0; i < g_list_model_get_n_items (tasks); i++)
    {
      SwTask *task = g_list_model_get_item (tasks, i);
      SwPerson *person = sw_task_get_person (task);
      SwDepartment *department = sw_task_get_department (task);

      g_ptr_array_add (self->tasks, task);
      range_add (range, sw_task_get_due (task));
      index_add (self->person_tasks, person, task);
      index_add (self->department_tasks, department, task);
      if (person != NULL && sw_person_get_department (person) != department)
        index_add (self->department_tasks, sw_person_get_department (person), task);
    }
}

/* The leaders of the plan's committees, and who organises the week: the
 * first office director, else the first leader. */
static void
find_leaders (SwIcsExporter *self)
{
  GListModel *committees = sw_plan_get_committees (self->plan);
  SwPerson *first_leader = NULL;

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
}

/* The key of the object at @position of its list: its id when it has
 * one, else one made from @position. */
static char *
key_for (gint64 id,
         guint  position)
{
  return id > 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, id)
                : g_strdup_printf ("new-%u", position);
}

static void
add_keys (SwIcsExporter *self)
{
  GListModel *people = sw_organisation_get_people (self->organisation);
  GListModel *departments = sw_organisation_get_departments (self->organisation);

  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(SwPerson) person = g_list_model_get_item (people, i);

      g_hash_table_insert (self->keys, person, key_for (sw_person_get_id (person), i));
    }
  for (guint i = 0; i < g_list_model_get_n_items (departments); i++)
    {
      g_autoptr(SwDepartment) department = g_list_model_get_item (departments, i);

      g_hash_table_insert (self->keys, department, key_for (sw_department_get_id (department), i));
    }
}

gboolean
sw_ics_exporter_prepare (SwIcsExporter  *self,
                         GError        **error)
{
  Range range;

  sw_ics_exporter_clear_prepared (self);

  self->stamp = self->now != 0 ? self->now : g_get_real_time () / G_USEC_PER_SEC;
  self->title = sw_ics_clean_text (sw_plan_get_title (self->plan), FALSE);
  /* The files there are left alone, not built, when they would come out
   * the same; a folder not made yet holds none. */
  if (self->folder != NULL)
    self->folder_fd = open (self->folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  self->tzid = g_strdup (sw_plan_get_time_zone (self->plan));
  create_indexes (self);

  range.first = sw_time_from_day (sw_plan_get_first_day (self->plan));
  range.last = sw_time_from_day (sw_plan_get_last_day (self->plan) + 1);

  index_slots (self, &range);
  index_tasks (self, &range);
  sw_calendar_state_foreach (self->state, range_add_entry, &range);
  find_leaders (self);
  add_keys (self);

  self->vtimezone = build_vtimezone (self->tzid, &range, error);
  if (self->vtimezone == NULL)
    return FALSE;
  self->vtimezone_text = sw_ics_component_text (self->vtimezone);
  self->slot_texts = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) sw_ics_slot_texts_free);

  sw_ics_exporter_prepare_digests (self);
  return TRUE;
}

const char *
sw_ics_exporter_key_of (SwIcsExporter *self,
                        gpointer       object)
{
  const char *key = g_hash_table_lookup (self->keys, object);

  return key != NULL ? key : "none";
}
