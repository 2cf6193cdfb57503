/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libical/ical.h>

#include "sw-ics-exporter.h"

#include "ics-test-util.h"

/*
 * Every exported file read by the parsers that staff calendars use:
 * python3-icalendar, python3-vobject, khal (printics, and import of a
 * first export then a changed one), calcurse (-i) and ical.js.  Each must
 * parse every file and report every start, end and due time equal to the
 * stored wall time in the plan's zone (and to the right instant).  The
 * expected values are written to a JSON file for the checker scripts.
 */

#define NOW_1 1790000000
#define NOW_2 1790086400

typedef struct
{
  char       *dir;
  JsonArray  *files;
  guint       n_items;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = g_dir_make_tmp ("sw-ics-parsers-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
  f->files = json_array_new ();
}

static void
remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);

  if (dir != NULL)
    {
      const char *name;

      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
      g_dir_close (dir);
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  remove_tree (f->dir);
  g_free (f->dir);
  json_array_unref (f->files);
}

static char *
wall_time (struct icaltimetype t)
{
  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d", t.year, t.month, t.day, t.hour, t.minute);
}

/* The instant of a wall time in @zone, by GLib (not libical). */
static gint64
instant (struct icaltimetype  t,
         GTimeZone           *zone)
{
  g_autoptr(GDateTime) dt = g_date_time_new (zone, t.year, t.month, t.day, t.hour, t.minute, 0);

  return g_date_time_to_unix (dt);
}

static void
add_time (JsonObject          *item,
          const char          *name,
          icalproperty        *property,
          GTimeZone           *zone,
          const char          *tzid)
{
  g_autofree char *utc_name = g_strconcat (name, "_utc", NULL);
  struct icaltimetype t;
  icalparameter *parameter;

  if (property == NULL)
    {
      json_object_set_null_member (item, name);
      json_object_set_null_member (item, utc_name);
      return;
    }

  t = icalvalue_get_datetime (icalproperty_get_value (property));
  parameter = icalproperty_get_first_parameter (property, ICAL_TZID_PARAMETER);
  g_assert_nonnull (parameter);
  g_assert_cmpstr (icalparameter_get_tzid (parameter), ==, tzid);
  {
    g_autofree char *text = wall_time (t);

    json_object_set_string_member (item, name, text);
  }
  json_object_set_int_member (item, utc_name, instant (t, zone));
}

static void
set_text (JsonObject *item,
          const char *name,
          const char *value)
{
  if (value != NULL)
    json_object_set_string_member (item, name, value);
  else
    json_object_set_null_member (item, name);
}

/* Writes @file into the fixture's folder and records what every parser
 * must find in it.  Wall times must match the model: @plan's slots and
 * tasks, or for cancelled items what the state remembers. */
static char *
add_file (Fixture    *f,
          SwPlan     *plan,
          SwIcsFile  *file,
          const char *subdir)
{
  g_autofree char *dir = g_build_filename (f->dir, subdir, NULL);
  g_autofree char *path = g_build_filename (dir, file->file_name, NULL);
  const char *tzid = sw_plan_get_time_zone (plan);
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (tzid);
  g_autofree char *text = g_strndup (g_bytes_get_data (file->bytes, NULL), g_bytes_get_size (file->bytes));
  icalcomponent *calendar = icalparser_parse_string (text);
  JsonObject *entry = json_object_new ();
  JsonArray *items = json_array_new ();
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (zone);
  g_assert_nonnull (calendar);
  ics_test_assert_bytes (file->bytes, tzid);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (sw_ics_file_write (file, path, NULL, &error));
  g_assert_no_error (error);

  for (icalcomponent *c = icalcomponent_get_first_component (calendar, ICAL_ANY_COMPONENT);
       c != NULL;
       c = icalcomponent_get_next_component (calendar, ICAL_ANY_COMPONENT))
    {
      icalcomponent_kind kind = icalcomponent_isa (c);
      JsonObject *item;
      const char *uid;
      SwSlot *slot;
      icalproperty *status;

      if (kind != ICAL_VEVENT_COMPONENT && kind != ICAL_VTODO_COMPONENT)
        continue;

      item = json_object_new ();
      uid = icalcomponent_get_uid (c);
      json_object_set_string_member (item, "uid", uid);
      json_object_set_string_member (item, "kind", kind == ICAL_VEVENT_COMPONENT ? "VEVENT" : "VTODO");
      status = icalcomponent_get_first_property (c, ICAL_STATUS_PROPERTY);
      json_object_set_string_member (item, "status",
                                     icalproperty_status_to_string (icalproperty_get_status (status)));
      json_object_set_int_member (item, "sequence",
                                  icalproperty_get_sequence (icalcomponent_get_first_property (c, ICAL_SEQUENCE_PROPERTY)));
      set_text (item, "summary", icalcomponent_get_summary (c));
      set_text (item, "location", icalcomponent_get_location (c));
      set_text (item, "description", icalcomponent_get_description (c));

      if (kind == ICAL_VEVENT_COMPONENT)
        {
          icalproperty *start = icalcomponent_get_first_property (c, ICAL_DTSTART_PROPERTY);
          icalproperty *end = icalcomponent_get_first_property (c, ICAL_DTEND_PROPERTY);
          g_autofree char *start_text = wall_time (icalvalue_get_datetime (icalproperty_get_value (start)));
          g_autofree char *end_text = wall_time (icalvalue_get_datetime (icalproperty_get_value (end)));

          add_time (item, "start", start, zone, tzid);
          add_time (item, "end", end, zone, tzid);

          /* The stored wall time, exactly. */
          slot = sw_plan_find_slot_by_uid (plan, uid);
          if (slot != NULL && icalcomponent_get_status (c) != ICAL_STATUS_CANCELLED)
            {
              g_autofree char *want_start = sw_time_format_datetime (sw_slot_get_start (slot));
              g_autofree char *want_end = sw_time_format_datetime (sw_slot_get_end (slot));

              g_assert_cmpstr (start_text, ==, want_start);
              g_assert_cmpstr (end_text, ==, want_end);
            }
          else
            g_assert_cmpint (icalcomponent_get_status (c), ==, ICAL_STATUS_CANCELLED);
        }
      else
        {
          icalproperty *due = icalcomponent_get_first_property (c, ICAL_DUE_PROPERTY);

          add_time (item, "due", due, zone, tzid);
        }

      json_array_add_object_element (items, item);
      f->n_items++;
    }
  icalcomponent_free (calendar);

  json_object_set_string_member (entry, "path", path);
  json_object_set_string_member (entry, "zone", tzid);
  json_object_set_array_member (entry, "items", items);
  json_array_add_object_element (f->files, entry);

  return g_steal_pointer (&path);
}

static void
add_files (Fixture    *f,
           SwPlan     *plan,
           GPtrArray  *files,
           const char *subdir)
{
  for (guint i = 0; i < files->len; i++)
    g_free (add_file (f, plan, g_ptr_array_index (files, i), subdir));
}

static GPtrArray *
export (SwOrganisation  *org,
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
  sw_ics_exporter_set_reminder_minutes (exporter, 15);
  files = sw_ics_exporter_export (exporter, scope, &error);
  g_assert_no_error (error);

  return files;
}

static char *
write_expected (Fixture    *f,
                const char *name,
                JsonArray  *files)
{
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  JsonObject *object = json_object_new ();
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GError) error = NULL;

  json_object_set_array_member (object, "files", json_array_ref (files));
  json_object_set_string_member (object, "from", "2026-09-01");
  json_object_set_string_member (object, "to", "2026-11-30");
  json_node_take_object (root, object);
  json_generator_set_root (generator, root);
  g_assert_true (json_generator_to_file (generator, path, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&path);
}

/* Runs a checker; it must succeed and have compared @n items. */
static void
run_checker (const char * const *argv,
             guint               n)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *want = g_strdup_printf ("checked %u\n", n);
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (!g_file_test (argv[0], G_FILE_TEST_IS_EXECUTABLE) && !g_path_is_absolute (argv[0]))
    {
      g_autofree char *found = g_find_program_in_path (argv[0]);

      if (found == NULL)
        g_error ("%s is missing: build-aux/test installs it (build-aux/debian-packages.txt)", argv[0]);
    }

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL) || g_strcmp0 (out, want) != 0)
    g_error ("%s %s failed:\n%s%s", argv[0], argv[1], out, err);
}

static char *
checker_script (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "export", name, NULL);
}

static void
check_all (Fixture *f)
{
  g_autofree char *expected = write_expected (f, "expected.json", f->files);
  g_autofree char *python = checker_script ("ics-check.py");
  g_autofree char *node_script = checker_script ("ics-check.mjs");
  g_autofree char *icaljs = g_test_build_filename (G_TEST_DIST, "export", "node_modules",
                                                   "ical.js", "dist", "ical.js", NULL);
  guint n_events = 0;

  for (guint i = 0; i < json_array_get_length (f->files); i++)
    {
      JsonArray *items = json_object_get_array_member (json_array_get_object_element (f->files, i), "items");

      for (guint j = 0; j < json_array_get_length (items); j++)
        if (g_str_equal (json_object_get_string_member (json_array_get_object_element (items, j), "kind"),
                         "VEVENT"))
          n_events++;
    }
  g_assert_cmpuint (f->n_items, >, n_events);

  {
    const char *argv[] = { "/usr/bin/python3", python, "icalendar", expected, NULL };
    run_checker (argv, f->n_items);
  }
  {
    const char *argv[] = { "/usr/bin/python3", python, "vobject", expected, NULL };
    run_checker (argv, f->n_items);
  }
  {
    const char *argv[] = { "/usr/bin/python3", python, "khal-printics", expected, NULL };
    g_autofree char *khal = g_find_program_in_path ("khal");

    if (khal == NULL)
      g_error ("khal is missing");
    run_checker (argv, n_events);
  }
  {
    const char *argv[] = { "/usr/bin/python3", python, "calcurse", expected, NULL };
    g_autofree char *calcurse = g_find_program_in_path ("calcurse");

    if (calcurse == NULL)
      g_error ("calcurse is missing");
    run_checker (argv, f->n_items);
  }
  {
    const char *argv[] = { "node", node_script, icaljs, expected, NULL };

    if (!g_file_test (icaljs, G_FILE_TEST_EXISTS))
      g_error ("%s is missing: build-aux/test installs ical.js with npm", icaljs);
    run_checker (argv, f->n_items);
  }
}

/* The sample plan, then changed: an event moved, a person taken off a
 * slot and a slot deleted, so that files carry cancelled events too. */
static void
test_sample (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(SwOrganisation) org = sw_organisation_new ();
  g_autoptr(SwCalendarState) state = sw_calendar_state_new ();
  SwPlan *plan = ics_test_add_sample (org);
  g_autoptr(GPtrArray) first_plan = export (org, plan, state, SW_ICS_SCOPE_PLAN, NOW_1);
  g_autoptr(GPtrArray) first_people = export (org, plan, state, SW_ICS_SCOPE_PERSON, NOW_1);
  g_autoptr(GPtrArray) first_departments = export (org, plan, state, SW_ICS_SCOPE_DEPARTMENT, NOW_1);
  g_autoptr(GPtrArray) second_plan = NULL;
  g_autoptr(GPtrArray) second_people = NULL;
  g_autoptr(GPtrArray) second_departments = NULL;
  g_autoptr(GPtrArray) slots = sw_plan_dup_sorted_slots (plan);
  g_autoptr(GError) error = NULL;
  g_autofree char *first_file = NULL;
  g_autofree char *second_file = NULL;
  SwSlot *moved = g_ptr_array_index (slots, 1);
  SwSlot *deleted = g_ptr_array_index (slots, 2);
  SwSlot *desk = NULL;
  SwUndoStack *stack = sw_organisation_get_undo_stack (org);

  for (guint i = 0; i < slots->len; i++)
    if (sw_slot_get_kind (g_ptr_array_index (slots, i)) == SW_SLOT_KIND_SERVICE_DESK)
      desk = g_ptr_array_index (slots, i);
  g_assert_nonnull (desk);

  first_file = add_file (f, plan, g_ptr_array_index (first_plan, 0), "first");
  add_files (f, plan, first_people, "first-people");
  add_files (f, plan, first_departments, "first-departments");

  g_assert_true (sw_undo_stack_set (stack, &error, moved, "title", "走访党政机关、部队（改期）"));
  g_assert_true (sw_edit_move_slot (org, moved, sw_slot_get_start (moved) + 24 * 60 + 30,
                                    sw_slot_get_end (moved) + 24 * 60 + 60, &error));
  {
    SwAssignment *assignment = g_list_model_get_item (sw_slot_get_assignments (desk), 0);

    g_assert_true (sw_edit_unassign (org, desk, sw_assignment_get_person (assignment), &error));
    g_object_unref (assignment);
  }
  g_assert_true (sw_edit_delete_slot (org, plan, deleted, &error));
  g_assert_no_error (error);

  second_plan = export (org, plan, state, SW_ICS_SCOPE_PLAN, NOW_2);
  second_people = export (org, plan, state, SW_ICS_SCOPE_PERSON, NOW_2);
  second_departments = export (org, plan, state, SW_ICS_SCOPE_DEPARTMENT, NOW_2);
  second_file = add_file (f, plan, g_ptr_array_index (second_plan, 0), "second");
  add_files (f, plan, second_people, "second-people");
  add_files (f, plan, second_departments, "second-departments");

  check_all (f);

  /* khal: import the first export, then the changed one: one entry per
   * UID, holding the new values. */
  {
    g_autoptr(JsonArray) last = json_array_new ();
    g_autofree char *expected = NULL;
    g_autofree char *python = checker_script ("ics-check.py");
    JsonObject *second = json_array_get_object_element (f->files, json_array_get_length (f->files) -
                                                        second_people->len - second_departments->len - 1);
    guint n_events = 0;
    JsonArray *items = json_object_get_array_member (second, "items");

    g_assert_cmpstr (json_object_get_string_member (second, "path"), ==, second_file);
    json_array_add_object_element (last, json_object_ref (second));
    expected = write_expected (f, "expected-khal.json", last);
    for (guint j = 0; j < json_array_get_length (items); j++)
      if (g_str_equal (json_object_get_string_member (json_array_get_object_element (items, j), "kind"),
                       "VEVENT"))
        n_events++;

    {
      const char *argv[] = { "/usr/bin/python3", python, "khal-import", first_file, second_file, expected, NULL };
      run_checker (argv, n_events);
    }
  }
}

static void
test_awkward (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(SwOrganisation) org = sw_organisation_new ();
  g_autoptr(SwCalendarState) state = sw_calendar_state_new ();
  SwPlan *plan = ics_test_add_awkward (org, "Asia/Shanghai");
  g_autoptr(GPtrArray) plan_files = export (org, plan, state, SW_ICS_SCOPE_PLAN, NOW_1);
  g_autoptr(GPtrArray) people = export (org, plan, state, SW_ICS_SCOPE_PERSON, NOW_1);
  g_autoptr(GPtrArray) departments = export (org, plan, state, SW_ICS_SCOPE_DEPARTMENT, NOW_1);

  add_files (f, plan, plan_files, "plan");
  add_files (f, plan, people, "people");
  add_files (f, plan, departments, "departments");
  check_all (f);
}

/* Europe/Berlin across the end of summer time: events on both sides, one
 * spanning the change, a task due on the day. */
static void
test_daylight_saving (Fixture       *f,
                      gconstpointer  data)
{
  static const char * const zones[] = { "Europe/Berlin", "America/New_York" };

  for (guint z = 0; z < G_N_ELEMENTS (zones); z++)
    {
      g_autoptr(SwOrganisation) org = sw_organisation_new ();
      g_autoptr(SwCalendarState) state = sw_calendar_state_new ();
      SwPlan *plan = ics_test_add_awkward (org, zones[z]);
      SwUndoStack *stack = sw_organisation_get_undo_stack (org);
      SwPerson *someone = g_list_model_get_item (sw_organisation_get_people (org), 0);
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) plan_files = NULL;
      g_autoptr(GPtrArray) people = NULL;
      /* The change: 25 October in Berlin, 1 November in New York. */
      int change_day = z == 0 ? 25 : 1;
      int change_month = z == 0 ? 10 : 11;
      static const int hours[][2] = { { 9, 11 }, { 0, 5 }, { 14, 16 } };

      g_assert_true (sw_undo_stack_set (stack, &error, plan, "last-day", ics_test_first_day () + 50));
      for (int d = -1; d <= 1; d++)
        {
          gint64 day = sw_time_day_of (sw_time_from_ymdhm (2026, change_month, change_day, 0, 0)) + d;
          g_autoptr(SwSlot) slot = sw_slot_new (SW_SLOT_KIND_MEETING, "Sommerzeit, Ende; \"DST\"",
                                                sw_time_from_day ((int) day) + hours[d + 1][0] * 60,
                                                sw_time_from_day ((int) day) + hours[d + 1][1] * 60);

          g_assert_true (sw_edit_add (org, plan, "slots", slot, &error));
          g_assert_true (sw_edit_assign (org, slot, someone, NULL, &error));
        }
      {
        g_autoptr(SwTask) task = sw_task_new ("Bericht");

        sw_task_set_person (task, someone);
        sw_task_set_due (task, sw_time_from_ymdhm (2026, change_month, change_day, 12, 0));
        g_assert_true (sw_edit_add (org, plan, "tasks", task, &error));
      }
      g_assert_no_error (error);
      g_object_unref (someone);

      plan_files = export (org, plan, state, SW_ICS_SCOPE_PLAN, NOW_1);
      people = export (org, plan, state, SW_ICS_SCOPE_PERSON, NOW_1);
      add_files (f, plan, plan_files, zones[z]);
      add_files (f, plan, people, zones[z]);
    }

  check_all (f);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/ics-parsers/sample", Fixture, NULL, fixture_set_up, test_sample, fixture_tear_down);
  g_test_add ("/ics-parsers/awkward", Fixture, NULL, fixture_set_up, test_awkward, fixture_tear_down);
  g_test_add ("/ics-parsers/daylight-saving", Fixture, NULL, fixture_set_up, test_daylight_saving,
              fixture_tear_down);

  return g_test_run ();
}
