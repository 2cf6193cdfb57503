/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The calendars of a plan for a CalDAV server: one resource per item with
 * the text of the .ics files, built again only where something changed. */
#include "config.h"

#include <string.h>

#include <libical/ical.h>

#include "sw-core.h"
#include "sw-ics-exporter.h"

#include "ics-test-util.h"

#define NOW_1 1790000000
#define NOW_2 1790003600

static GPtrArray *
export_calendars (SwOrganisation  *org,
                  SwPlan          *plan,
                  SwCalendarState *state,
                  SwIcsScope       scope,
                  GHashTable      *known,
                  gboolean         phones,
                  gint64           now)
{
  g_autoptr(SwIcsExporter) exporter = sw_ics_exporter_new (org, plan, state);
  g_autoptr(GError) error = NULL;
  GPtrArray *calendars;

  sw_ics_exporter_set_now (exporter, now);
  sw_ics_exporter_set_include_tasks (exporter, TRUE);
  sw_ics_exporter_set_reminder_minutes (exporter, 30);
  sw_ics_exporter_set_include_phones (exporter, phones);
  calendars = sw_ics_exporter_export_calendars (exporter, scope, known, &error);
  g_assert_no_error (error);
  g_assert_nonnull (calendars);

  return calendars;
}

static GPtrArray *
export_files (SwOrganisation  *org,
              SwPlan          *plan,
              SwCalendarState *state,
              SwIcsScope       scope,
              gint64           now)
{
  g_autoptr(SwIcsExporter) exporter = sw_ics_exporter_new (org, plan, state);
  g_autoptr(GError) error = NULL;
  GPtrArray *files;

  sw_ics_exporter_set_now (exporter, now);
  sw_ics_exporter_set_include_tasks (exporter, TRUE);
  sw_ics_exporter_set_reminder_minutes (exporter, 30);
  files = sw_ics_exporter_export (exporter, scope, &error);
  g_assert_no_error (error);

  return files;
}

static SwIcsCalendar *
find_calendar (GPtrArray  *calendars,
               const char *key)
{
  for (guint i = 0; i < calendars->len; i++)
    {
      SwIcsCalendar *calendar = g_ptr_array_index (calendars, i);

      if (g_str_equal (calendar->key, key))
        return calendar;
    }
  return NULL;
}

static SwIcsResource *
find_resource (SwIcsCalendar *calendar,
               const char    *uid)
{
  for (guint i = 0; calendar->resources != NULL && i < calendar->resources->len; i++)
    {
      SwIcsResource *resource = g_ptr_array_index (calendar->resources, i);

      if (g_str_equal (resource->uid, uid))
        return resource;
    }
  return NULL;
}

static GHashTable *
digests_of (GPtrArray *calendars)
{
  GHashTable *known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; i < calendars->len; i++)
    {
      SwIcsCalendar *calendar = g_ptr_array_index (calendars, i);

      g_hash_table_insert (known, g_strdup (calendar->key), g_strdup (calendar->digest));
    }
  return known;
}

static SwSlot *
find_slot (SwPlan     *plan,
           const char *title)
{
  GListModel *slots = sw_plan_get_slots (plan);

  for (guint i = 0; i < g_list_model_get_n_items (slots); i++)
    {
      g_autoptr(SwSlot) slot = g_list_model_get_item (slots, i);

      if (g_str_equal (sw_slot_get_title (slot), title))
        return slot;
    }
  g_assert_not_reached ();
}

static SwIcsCalendar *
find_owned (GPtrArray *calendars,
            gpointer   owner)
{
  for (guint i = 0; i < calendars->len; i++)
    if (((SwIcsCalendar *) g_ptr_array_index (calendars, i))->owner == owner)
      return g_ptr_array_index (calendars, i);
  return NULL;
}

/* A resource is a whole iCalendar object that libical reads: the plan's
 * zone and exactly one item with the resource's UID; CRLF lines of at
 * most 75 octets. */
static void
assert_resource (SwIcsResource *resource,
                 const char    *tzid)
{
  gsize size;
  const char *text = g_bytes_get_data (resource->bytes, &size);
  g_autofree char *copy = g_strndup (text, size);
  g_autofree char *hash = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, resource->bytes);
  g_auto(GStrv) lines = g_strsplit (copy, "\r\n", -1);
  icalcomponent *calendar = icalparser_parse_string (copy);
  icalcomponent *zone, *item;
  guint n_items = 0;

  g_assert_cmpstr (hash, ==, resource->hash);
  g_assert_true (g_str_has_suffix (copy, "END:VCALENDAR\r\n"));
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_assert_null (strchr (lines[i], '\n'));
      g_assert_cmpuint (strlen (lines[i]), <=, 75);
    }

  g_assert_nonnull (calendar);
  g_assert_true (icalcomponent_isa (calendar) == ICAL_VCALENDAR_COMPONENT);
  zone = icalcomponent_get_first_component (calendar, ICAL_VTIMEZONE_COMPONENT);
  g_assert_nonnull (zone);
  g_assert_cmpstr (icalproperty_get_tzid (icalcomponent_get_first_property (zone, ICAL_TZID_PROPERTY)), ==, tzid);
  for (item = icalcomponent_get_first_real_component (calendar); item != NULL;
       item = icalcomponent_get_next_component (calendar, ICAL_ANY_COMPONENT))
    {
      if (icalcomponent_isa (item) == ICAL_VTIMEZONE_COMPONENT)
        continue;
      n_items++;
      g_assert_cmpstr (icalcomponent_get_uid (item), ==, resource->uid);
      g_assert_true (icalcomponent_get_status (item) != ICAL_STATUS_CANCELLED);
    }
  g_assert_cmpuint (n_items, ==, 1);
  icalcomponent_free (calendar);
}

/* Each calendar holds the items of the file of the same key, with the
 * same text, one resource each. */
static void
test_same_text (void)
{
  g_autoptr(SwOrganisation) org = sw_organisation_new ();
  SwPlan *plan = ics_test_add_sample (org);
  g_autoptr(SwCalendarState) file_state = sw_calendar_state_new ();
  g_autoptr(SwCalendarState) calendar_state = sw_calendar_state_new ();
  SwIcsScope scopes[] = { SW_ICS_SCOPE_PERSON, SW_ICS_SCOPE_DEPARTMENT, SW_ICS_SCOPE_PLAN };
  guint n_resources = 0;

  for (guint s = 0; s < G_N_ELEMENTS (scopes); s++)
    {
      g_autoptr(GPtrArray) files = export_files (org, plan, file_state, scopes[s], NOW_1);
      g_autoptr(GPtrArray) calendars = export_calendars (org, plan, calendar_state, scopes[s],
                                                         NULL, TRUE, NOW_1);

      g_assert_cmpuint (calendars->len, ==, files->len);
      g_assert_cmpuint (calendars->len, >, 0);
      for (guint i = 0; i < files->len; i++)
        {
          SwIcsFile *file = g_ptr_array_index (files, i);
          SwIcsCalendar *calendar = find_calendar (calendars, file->file_key);
          g_autoptr(GPtrArray) components = ics_test_components (file->bytes);
          g_autofree char *calendar_name = NULL;
          g_auto(GStrv) file_lines = ics_test_unfold (file->bytes);

          g_assert_nonnull (calendar);
          g_assert_false (calendar->unchanged);
          g_assert_nonnull (calendar->digest);
          g_assert_nonnull (calendar->owner);
          /* The name the file gives its calendar. */
          for (guint l = 0; file_lines[l] != NULL; l++)
            if (g_str_has_prefix (file_lines[l], "X-WR-CALNAME:"))
              calendar_name = g_strdup (file_lines[l] + strlen ("X-WR-CALNAME:"));
          g_assert_cmpstr (calendar->name, ==, calendar_name);

          g_assert_cmpuint (calendar->resources->len, ==, components->len);
          for (guint r = 0; r < calendar->resources->len; r++)
            {
              SwIcsResource *resource = g_ptr_array_index (calendar->resources, r);
              g_autoptr(GPtrArray) own = ics_test_components (resource->bytes);
              GStrv in_file = ics_test_find (components, resource->uid);

              assert_resource (resource, sw_plan_get_time_zone (plan));
              g_assert_nonnull (in_file);
              g_assert_cmpuint (own->len, ==, 1);
              g_assert_cmpstrv (g_ptr_array_index (own, 0), in_file);
              n_resources++;
            }
        }
    }
  g_assert_cmpuint (n_resources, >, 20);
  sw_undo_stack_clear (sw_organisation_get_undo_stack (org));
}

/* Known digests: nothing is built again until something changes, then
 * only the calendars it touches, and in them the item that changed, its
 * SEQUENCE one up. */
static void
test_unchanged (void)
{
  g_autoptr(SwOrganisation) org = sw_organisation_new ();
  SwPlan *plan = ics_test_add_sample (org);
  g_autoptr(SwCalendarState) state = sw_calendar_state_new ();
  g_autoptr(GPtrArray) first = export_calendars (org, plan, state, SW_ICS_SCOPE_PERSON, NULL, FALSE, NOW_1);
  g_autoptr(GHashTable) known = digests_of (first);
  g_autoptr(GPtrArray) again = export_calendars (org, plan, state, SW_ICS_SCOPE_PERSON, known, FALSE, NOW_2);
  g_autoptr(GPtrArray) moved = NULL;
  g_autoptr(GError) error = NULL;
  SwSlot *desk = find_slot (plan, "广场服务台");
  GListModel *assignments = sw_slot_get_assignments (desk);
  g_autoptr(GHashTable) on_desk = g_hash_table_new (NULL, NULL);
  guint n_changed = 0;

  g_assert_cmpuint (again->len, ==, first->len);
  for (guint i = 0; i < again->len; i++)
    {
      SwIcsCalendar *calendar = g_ptr_array_index (again, i);

      g_assert_true (calendar->unchanged);
      g_assert_null (calendar->resources);
      g_assert_cmpstr (calendar->digest, ==, g_hash_table_lookup (known, calendar->key));
    }

  for (guint i = 0; i < g_list_model_get_n_items (assignments); i++)
    {
      g_autoptr(SwAssignment) assignment = g_list_model_get_item (assignments, i);

      g_hash_table_add (on_desk, sw_assignment_get_person (assignment));
    }
  g_assert_cmpuint (g_hash_table_size (on_desk), >, 0);

  g_assert_true (sw_edit_move_slot (org, desk, sw_slot_get_start (desk) + 60,
                                    sw_slot_get_end (desk) + 60, &error));
  g_assert_no_error (error);
  moved = export_calendars (org, plan, state, SW_ICS_SCOPE_PERSON, known, FALSE, NOW_2);
  for (guint i = 0; i < moved->len; i++)
    {
      SwIcsCalendar *calendar = g_ptr_array_index (moved, i);
      SwIcsCalendar *before = find_calendar (first, calendar->key);

      g_assert_nonnull (before);
      if (!g_hash_table_contains (on_desk, calendar->owner))
        {
          g_assert_true (calendar->unchanged);
          continue;
        }
      n_changed++;
      g_assert_false (calendar->unchanged);
      g_assert_cmpstr (calendar->digest, !=, before->digest);
      g_assert_cmpuint (calendar->resources->len, ==, before->resources->len);
      for (guint r = 0; r < calendar->resources->len; r++)
        {
          SwIcsResource *resource = g_ptr_array_index (calendar->resources, r);
          SwIcsResource *old = find_resource (before, resource->uid);
          g_autoptr(GPtrArray) items = ics_test_components (resource->bytes);
          g_autoptr(GPtrArray) old_items = ics_test_components (old->bytes);
          g_autofree char *sequence = ics_test_dup_value (items->pdata[0], "SEQUENCE", NULL);
          g_autofree char *old_sequence = ics_test_dup_value (old_items->pdata[0], "SEQUENCE", NULL);

          g_assert_nonnull (old);
          if (g_str_equal (resource->uid, sw_slot_get_uid (desk)))
            {
              g_assert_cmpstr (resource->hash, !=, old->hash);
              g_assert_cmpint (atoi (sequence), ==, atoi (old_sequence) + 1);
            }
          else
            g_assert_cmpstr (resource->hash, ==, old->hash);
        }
    }
  g_assert_cmpuint (n_changed, ==, g_hash_table_size (on_desk));
  sw_undo_stack_clear (sw_organisation_get_undo_stack (org));
}

/* A duty taken from a person leaves their calendar (no cancelled copy);
 * a person with nothing left keeps an empty calendar, so what the server
 * holds of theirs can go. */
static void
test_removed (void)
{
  g_autoptr(SwOrganisation) org = sw_organisation_new ();
  SwPlan *plan = ics_test_add_sample (org);
  g_autoptr(SwCalendarState) state = sw_calendar_state_new ();
  g_autoptr(GPtrArray) first = export_calendars (org, plan, state, SW_ICS_SCOPE_PERSON, NULL, TRUE, NOW_1);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *slots = sw_plan_get_slots (plan);
  SwPerson *person = NULL;
  SwIcsCalendar *calendar;

  /* Someone on exactly one slot. */
  for (guint i = 0; i < first->len && person == NULL; i++)
    {
      SwIcsCalendar *candidate = g_ptr_array_index (first, i);

      GListModel *tasks = sw_plan_get_tasks (plan);
      gboolean has_task = FALSE;

      if (candidate->resources->len != 1 || !SW_IS_PERSON (candidate->owner))
        continue;
      for (guint t = 0; t < g_list_model_get_n_items (tasks); t++)
        {
          g_autoptr(SwTask) task = g_list_model_get_item (tasks, t);

          has_task |= sw_task_get_person (task) == SW_PERSON (candidate->owner);
        }
      if (!has_task)
        person = SW_PERSON (candidate->owner);
    }
  g_assert_nonnull (person);
  for (guint i = 0; i < g_list_model_get_n_items (slots); i++)
    {
      g_autoptr(SwSlot) slot = g_list_model_get_item (slots, i);

      if (sw_slot_find_assignment (slot, person) != NULL)
        g_assert_true (sw_edit_unassign (org, slot, person, &error));
    }
  g_assert_no_error (error);

  after = export_calendars (org, plan, state, SW_ICS_SCOPE_PERSON, NULL, TRUE, NOW_2);
  calendar = find_owned (after, person);
  g_assert_nonnull (calendar);
  g_assert_false (calendar->unchanged);
  g_assert_cmpuint (calendar->resources->len, ==, 0);
  sw_undo_stack_clear (sw_organisation_get_undo_stack (org));
}

/* Without phones, no staff phone number is in any calendar; with them,
 * the teammates' are; the choice is part of the digest. */
static void
test_phones (void)
{
  g_autoptr(SwOrganisation) org = sw_organisation_new ();
  SwPlan *plan = ics_test_add_sample (org);
  g_autoptr(SwCalendarState) state = sw_calendar_state_new ();
  g_autoptr(GPtrArray) with = export_calendars (org, plan, state, SW_ICS_SCOPE_PLAN, NULL, TRUE, NOW_1);
  g_autoptr(GPtrArray) without = export_calendars (org, plan, state, SW_ICS_SCOPE_PLAN, NULL, FALSE, NOW_1);
  g_autoptr(GPtrArray) people_without = export_calendars (org, plan, state, SW_ICS_SCOPE_PERSON, NULL, FALSE, NOW_1);
  GListModel *people = sw_organisation_get_people (org);
  g_autoptr(GString) all_with = g_string_new (NULL);
  g_autoptr(GString) all_without = g_string_new (NULL);
  guint n_phones = 0;

  for (guint i = 0; i < ((SwIcsCalendar *) with->pdata[0])->resources->len; i++)
    {
      SwIcsResource *resource = ((SwIcsCalendar *) with->pdata[0])->resources->pdata[i];
      g_auto(GStrv) lines = ics_test_unfold (resource->bytes);
      g_autofree char *joined = g_strjoinv ("", lines);

      g_string_append (all_with, joined);
    }
  for (guint c = 0; c < people_without->len; c++)
    {
      SwIcsCalendar *calendar = people_without->pdata[c];

      for (guint i = 0; i < calendar->resources->len; i++)
        {
          g_auto(GStrv) lines = ics_test_unfold (((SwIcsResource *) calendar->resources->pdata[i])->bytes);
          g_autofree char *joined = g_strjoinv ("", lines);

          g_string_append (all_without, joined);
        }
    }
  for (guint i = 0; i < ((SwIcsCalendar *) without->pdata[0])->resources->len; i++)
    {
      g_auto(GStrv) lines = ics_test_unfold (((SwIcsResource *) ((SwIcsCalendar *) without->pdata[0])->resources->pdata[i])->bytes);
      g_autofree char *joined = g_strjoinv ("", lines);

      g_string_append (all_without, joined);
    }

  g_assert_cmpstr (((SwIcsCalendar *) with->pdata[0])->digest, !=, ((SwIcsCalendar *) without->pdata[0])->digest);
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(SwPerson) person = g_list_model_get_item (people, i);
      const char *phone = sw_person_get_phone (person);

      if (*phone == '\0')
        continue;
      if (strstr (all_with->str, phone) != NULL)
        n_phones++;
      g_assert_null (strstr (all_without->str, phone));
    }
  g_assert_cmpuint (n_phones, >, 3);
  /* The plan's hotline stays. */
  g_assert_nonnull (strstr (all_without->str, sw_plan_get_hotline (plan)));
  sw_undo_stack_clear (sw_organisation_get_undo_stack (org));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ics-calendars/same-text", test_same_text);
  g_test_add_func ("/ics-calendars/unchanged", test_unchanged);
  g_test_add_func ("/ics-calendars/removed", test_removed);
  g_test_add_func ("/ics-calendars/phones", test_phones);

  return g_test_run ();
}
