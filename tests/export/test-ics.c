/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <libical/ical.h>
#include <sqlite3.h>

#include "sw-file-name.h"
#include "sw-ics-busy.h"
#include "sw-ics-exporter.h"
#include "sw-plan-file.h"
#include "sw-store.h"

#include "ics-test-util.h"

#define NOW_1 1790000000  /* 2026-09-21T14:13:20Z */
#define NOW_2 1790003600
#define NOW_3 1790007200

/* ------------------------------------------------------------------ */
/* Helpers                                                            */

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

static SwPerson *
find_person (SwOrganisation *org,
             const char     *name)
{
  g_autoptr(GError) error = NULL;
  SwPerson *person = sw_organisation_find_person (org, name, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (person);

  return person;
}

static SwIcsFile *
find_file (GPtrArray  *files,
           const char *file_key)
{
  for (guint i = 0; i < files->len; i++)
    {
      SwIcsFile *file = g_ptr_array_index (files, i);

      if (g_str_equal (file->file_key, file_key))
        return file;
    }

  return NULL;
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
  sw_ics_exporter_set_reminder_minutes (exporter, 30);
  files = sw_ics_exporter_export (exporter, scope, &error);
  g_assert_no_error (error);
  g_assert_nonnull (files);

  for (guint i = 0; i < files->len; i++)
    ics_test_assert_bytes (((SwIcsFile *) g_ptr_array_index (files, i))->bytes,
                           sw_plan_get_time_zone (plan));

  return files;
}

static SwIcsFile *
export_person (SwOrganisation  *org,
               SwPlan          *plan,
               SwCalendarState *state,
               SwPerson        *person,
               gint64           now)
{
  g_autoptr(SwIcsExporter) exporter = sw_ics_exporter_new (org, plan, state);
  g_autoptr(GError) error = NULL;
  SwIcsFile *file;

  sw_ics_exporter_set_now (exporter, now);
  sw_ics_exporter_set_include_tasks (exporter, TRUE);
  file = sw_ics_exporter_export_person (exporter, person, &error);
  g_assert_no_error (error);
  ics_test_assert_bytes (file->bytes, sw_plan_get_time_zone (plan));

  return file;
}

static char *
value_of (GBytes     *bytes,
          const char *uid,
          const char *name)
{
  g_autoptr(GPtrArray) components = ics_test_components (bytes);
  GStrv component = ics_test_find (components, uid);

  g_assert_nonnull (component);

  return ics_test_dup_value (component, name, NULL);
}

static int
sequence_of (GBytes     *bytes,
             const char *uid)
{
  g_autofree char *value = value_of (bytes, uid, "SEQUENCE");

  return atoi (value);
}

static gboolean
has_uid (GBytes     *bytes,
         const char *uid)
{
  g_autoptr(GPtrArray) components = ics_test_components (bytes);

  return ics_test_find (components, uid) != NULL;
}

/* Unescapes a TEXT value. */
static char *
unescape (const char *value)
{
  GString *out = g_string_new (NULL);

  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '\\' && p[1] != '\0')
        {
          p++;
          g_string_append_c (out, *p == 'n' || *p == 'N' ? '\n' : *p);
        }
      else
        g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

/* ------------------------------------------------------------------ */
/* Low-level pieces                                                   */

static void
test_fold (void)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) line = g_string_new ("DESCRIPTION:");
  g_auto(GStrv) lines = NULL;
  g_autoptr(GString) joined = g_string_new (NULL);

  /* Every length around the limit, with 1-, 2-, 3- and 4-byte characters. */
  for (guint n = 0; n < 120; n++)
    {
      static const char * const pieces[] = { "a", "é", "服", "😀" };

      g_string_append (line, pieces[n % 4]);
      g_string_truncate (out, 0);
      sw_ics_append_folded_line (out, line->str, line->len);
      lines = g_strsplit (out->str, "\r\n", -1);
      g_string_truncate (joined, 0);
      for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
        {
          g_assert_cmpuint (strlen (lines[i]), <=, 75);
          g_assert_true (g_utf8_validate (lines[i], -1, NULL));
          if (i > 0)
            {
              g_assert_cmpint (lines[i][0], ==, ' ');
              g_assert_cmpuint (strlen (lines[i]), >, 1);
              g_string_append (joined, lines[i] + 1);
            }
          else
            g_string_append (joined, lines[i]);
        }
      g_assert_cmpstr (joined->str, ==, line->str);
      g_clear_pointer (&lines, g_strfreev);
    }
}

static void
test_escape (void)
{
  g_autofree char *escaped = sw_ics_escape_text ("a\\b;c,d\ne\r\nf\rg\x01h\tj");

  g_assert_cmpstr (escaped, ==, "a\\\\b\\;c\\,d\\ne\\nf\\ngh j");
}

static void
test_file_names (void)
{
  static const struct
  {
    const char *name;
    const char *expected;
  } cases[] = {
    { "../x", "_x" },
    { "..", "fallback" },
    { "a/b", "a_b" },
    { "a\\b:c*d?e\"f<g>h|i", "a_b_c_d_e_f_g_h_i" },
    { "CON", "_CON" },
    { "con.txt", "_con.txt" },
    { "Nul", "_Nul" },
    { "COM1", "_COM1" },
    { "lpt9", "_lpt9" },
    { "COM10", "COM10" },
    { "CONSOLE", "CONSOLE" },
    { "", "fallback" },
    { "   ", "fallback" },
    { ".hidden", "hidden" },
    { "name. . ", "name" },
    { "tab\there\nnew", "tab_here_new" },
    { "张三", "张三" },
    { "😀 emoji", "😀 emoji" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *safe = sw_file_name_make_safe (cases[i].name, "fallback");

      g_assert_cmpstr (safe, ==, cases[i].expected);
    }

  /* Invalid UTF-8 is repaired; the fallback is made safe too. */
  {
    g_autofree char *safe = sw_file_name_make_safe ("a\xff" "b", "x");
    g_autofree char *fallback = sw_file_name_make_safe ("...", "../CON");

    g_assert_true (g_utf8_validate (safe, -1, NULL));
    g_assert_null (strchr (fallback, '/'));
    g_assert_cmpstr (fallback, ==, "_CON");
  }

  /* 300 characters: cut to whole characters within the limit. */
  {
    g_autoptr(GString) long_name = g_string_new (NULL);
    g_autofree char *safe = NULL;

    for (guint i = 0; i < 300; i++)
      g_string_append (long_name, i % 2 ? "服" : "a");
    safe = sw_file_name_make_safe (long_name->str, "x");
    g_assert_cmpuint (strlen (safe), <=, SW_FILE_NAME_MAX_BYTES);
    g_assert_cmpuint (strlen (safe), >=, SW_FILE_NAME_MAX_BYTES - 3);
    g_assert_true (g_utf8_validate (safe, -1, NULL));
    g_assert_true (g_str_has_prefix (long_name->str, safe));
  }

  g_assert_true (sw_file_name_equal ("Zhang", "zHANG"));
  g_assert_false (sw_file_name_equal ("张三", "张四"));
}

/* People sharing a name get files told apart by department, then by
 * number; every file stays inside the folder. */
static void
test_person_file_names (void)
{
  g_autoptr(SwOrganisation) org = sw_organisation_new ();
  g_autoptr(SwCalendarState) state = sw_calendar_state_new ();
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *dir = g_dir_make_tmp ("sw-ics-XXXXXX", NULL);
  g_autoptr(GError) error = NULL;
  SwPlan *plan = ics_test_add_awkward (org, "Asia/Shanghai");
  SwSlot *slot = g_list_model_get_item (sw_plan_get_slots (plan), 0);
  g_autoptr(SwDepartment) same = sw_department_new ("同名");
  static const char * const hard[] = { "../x", "a/b", "CON", "", ".." };
  g_autoptr(GString) long_name = g_string_new (NULL);

  g_object_unref (slot);
  g_assert_true (sw_edit_add (org, org, "departments", same, &error));
  for (guint i = 0; i < 300; i++)
    g_string_append (long_name, "长");
  for (guint i = 0; i < G_N_ELEMENTS (hard) + 3; i++)
    {
      const char *name = i < G_N_ELEMENTS (hard) ? hard[i] : i < G_N_ELEMENTS (hard) + 2 ? "双胞胎" : long_name->str;
      g_autoptr(SwPerson) person = sw_person_new (name, same);

      g_assert_true (sw_edit_add (org, org, "people", person, &error));
      g_assert_true (sw_edit_assign (org, slot, person, NULL, &error));
    }
  g_assert_no_error (error);

  files = export (org, plan, state, SW_ICS_SCOPE_PERSON, NOW_1);
  for (guint i = 0; i < files->len; i++)
    {
      SwIcsFile *file = g_ptr_array_index (files, i);
      g_autofree char *folded = g_utf8_casefold (file->file_name, -1);

      g_assert_true (g_str_has_suffix (file->file_name, ".ics"));
      g_assert_cmpuint (strlen (file->file_name), <=, 100);
      g_assert_null (strchr (file->file_name, '/'));
      g_assert_null (strchr (file->file_name, '\\'));
      g_assert_cmpint (file->file_name[0], !=, '.');
      g_assert_false (g_hash_table_contains (names, folded));
      g_hash_table_add (names, g_steal_pointer (&folded));
    }
  /* The two 张三 are told apart by their departments. */
  g_assert_true (g_hash_table_contains (names, "张三 (稽审科, 第一组; _a_b_).ics"));
  g_assert_true (g_hash_table_contains (names, "张三 (党群办 😀).ics"));
  /* The two 双胞胎 share a department too: a number. */
  g_assert_true (g_hash_table_contains (names, "双胞胎 (同名).ics"));
  g_assert_true (g_hash_table_contains (names, "双胞胎 (同名) (2).ics"));
  g_assert_true (g_hash_table_contains (names, "_x.ics"));
  g_assert_true (g_hash_table_contains (names, "a_b.ics"));
  g_assert_true (g_hash_table_contains (names, "_con.ics"));

  g_assert_true (sw_ics_files_write_to_folder (files, dir, NULL, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
    guint n = 0;

    while (g_dir_read_name (listing) != NULL)
      n++;
    g_assert_cmpuint (n, ==, files->len);
  }
  {
    g_autofree char *parent = g_path_get_dirname (dir);
    g_autofree char *escaped = g_build_filename (parent, "x.ics", NULL);

    g_assert_false (g_file_test (escaped, G_FILE_TEST_EXISTS));
  }

  for (guint i = 0; i < files->len; i++)
    {
      SwIcsFile *file = g_ptr_array_index (files, i);
      g_autofree char *path = g_build_filename (dir, file->file_name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

/* ------------------------------------------------------------------ */
/* Content                                                            */

static void
test_sample_content (void)
{
  g_autoptr(SwOrganisation) org = sw_organisation_new ();
  g_autoptr(SwCalendarState) state = sw_calendar_state_new ();
  SwPlan *plan = ics_test_add_sample (org);
  SwSlot *desk = find_slot (plan, "广场服务台");
  SwDuty *repair = sw_slot_find_duty (desk, "现场抢修");
  g_autoptr(GPtrArray) repairers = sw_slot_dup_duty_people (desk, repair);
  SwPerson *repairer = g_ptr_array_index (repairers, 0);
  SwPerson *mate = g_ptr_array_index (repairers, 1);
  SwPerson *leader = find_person (org, "周建国");
  g_autoptr(GPtrArray) plan_files = export (org, plan, state, SW_ICS_SCOPE_PLAN, NOW_1);
  g_autoptr(SwIcsFile) own = export_person (org, plan, state, repairer, NOW_1);
  g_autoptr(GPtrArray) components = ics_test_components (own->bytes);
  GStrv event = ics_test_find (components, sw_slot_get_uid (desk));
  g_autofree char *summary = NULL;
  g_autofree char *description = NULL;
  g_autofree char *params = NULL;
  g_autofree char *dtstart = NULL;
  g_autofree char *phone = NULL;
  gboolean chair = FALSE;

  g_assert_cmpuint (plan_files->len, ==, 1);
  g_assert_nonnull (event);

  summary = ics_test_dup_value (event, "SUMMARY", NULL);
  g_assert_cmpstr (summary, ==, "广场服务台 · 现场抢修");

  dtstart = ics_test_dup_value (event, "DTSTART", &params);
  g_assert_cmpstr (params, ==, ";TZID=Asia/Shanghai");
  g_assert_cmpstr (dtstart, ==, "20260923T090000");
  g_clear_pointer (&params, g_free);

  {
    g_autofree char *raw = ics_test_dup_value (event, "DESCRIPTION", NULL);

    description = unescape (raw);
  }
  g_assert_nonnull (strstr (description, "Duty: 现场抢修"));
  g_assert_nonnull (strstr (description, "Teammates:"));
  g_assert_nonnull (strstr (description, sw_person_get_name (mate)));
  g_assert_nonnull (strstr (description, sw_person_get_phone (mate)));
  /* Not oneself among the teammates. */
  phone = g_strdup_printf ("%s · ", sw_person_get_name (repairer));
  g_assert_null (strstr (description, phone));
  g_assert_nonnull (strstr (description, "Organised by: 党群办, 用电科"));
  g_assert_nonnull (strstr (description, "Hotline: 0799-95598"));

  g_clear_pointer (&params, g_free);
  g_free (ics_test_dup_value (event, "ORGANIZER", &params));
  g_assert_nonnull (strstr (params, "CN="));
  g_assert_cmpuint (ics_test_count (event, "ATTENDEE"),
                    ==, g_list_model_get_n_items (sw_slot_get_assignments (desk)));
  for (guint i = 0; event[i] != NULL; i++)
    {
      if (!g_str_has_prefix (event[i], "ATTENDEE"))
        continue;
      g_assert_nonnull (strstr (event[i], "CN="));
      g_assert_nonnull (strstr (event[i], "CUTYPE=INDIVIDUAL"));
      g_assert_nonnull (strstr (event[i], "PARTSTAT=ACCEPTED"));
      g_assert_true (strstr (event[i], ":mailto:") != NULL || strstr (event[i], ":urn:x-servweek:person:") != NULL);
      if (strstr (event[i], sw_person_get_name (leader)) != NULL)
        {
          g_assert_nonnull (strstr (event[i], "ROLE=CHAIR"));
          chair = TRUE;
        }
      else
        g_assert_nonnull (strstr (event[i], "ROLE=REQ-PARTICIPANT"));
    }
  g_assert_true (chair);
  {
    g_autofree char *categories = ics_test_dup_value (event, "CATEGORIES", NULL);
    g_autofree char *location = ics_test_dup_value (event, "LOCATION", NULL);

    g_assert_cmpstr (categories, ==, sw_slot_kind_get_label (SW_SLOT_KIND_SERVICE_DESK));
    g_assert_cmpstr (location, !=, NULL);
  }

  /* The person's file holds only their slots. */
  for (guint i = 0; i < components->len; i++)
    {
      GStrv component = g_ptr_array_index (components, i);
      g_autofree char *uid = ics_test_dup_value (component, "UID", NULL);
      SwSlot *slot = sw_plan_find_slot_by_uid (plan, uid);

      if (slot != NULL)
        g_assert_nonnull (sw_slot_find_assignment (slot, repairer));
    }

  /* The whole plan: every slot once, every task as a VTODO with DUE and
   * STATUS, a VALARM with the reminder. */
  {
    SwIcsFile *file = g_ptr_array_index (plan_files, 0);
    g_autoptr(GPtrArray) all = ics_test_components (file->bytes);
    GListModel *tasks = sw_plan_get_tasks (plan);
    g_autofree char *text = g_strndup (g_bytes_get_data (file->bytes, NULL), g_bytes_get_size (file->bytes));

    g_assert_cmpuint (all->len, ==, g_list_model_get_n_items (sw_plan_get_slots (plan)) +
                                    g_list_model_get_n_items (tasks));
    for (guint i = 0; i < g_list_model_get_n_items (tasks); i++)
      {
        g_autoptr(SwTask) task = g_list_model_get_item (tasks, i);
        GStrv todo = ics_test_find (all, sw_task_get_uid (task));
        g_autofree char *due = NULL;
        g_autofree char *due_params = NULL;
        g_autofree char *status = NULL;
        g_autofree char *expected = NULL;
        int y, m, d;

        g_assert_nonnull (todo);
        due = ics_test_dup_value (todo, "DUE", &due_params);
        sw_time_to_ymd (sw_time_day_of (sw_task_get_due (task)), &y, &m, &d);
        expected = g_strdup_printf ("%04d%02d%02dT%02d%02d00", y, m, d,
                                    sw_time_minute_of_day (sw_task_get_due (task)) / 60,
                                    sw_time_minute_of_day (sw_task_get_due (task)) % 60);
        g_assert_cmpstr (due, ==, expected);
        g_assert_cmpstr (due_params, ==, ";TZID=Asia/Shanghai");
        status = ics_test_dup_value (todo, "STATUS", NULL);
        g_assert_cmpstr (status, ==, sw_task_get_status (task) == SW_TASK_STATUS_DOING ? "IN-PROCESS"
                                     : sw_task_get_status (task) == SW_TASK_STATUS_DONE ? "COMPLETED"
                                     : "NEEDS-ACTION");
      }
    g_assert_nonnull (strstr (text, "BEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER:-PT30M\r\n"));
    g_assert_nonnull (strstr (text, "X-WR-TIMEZONE:Asia/Shanghai\r\n"));
    g_assert_nonnull (strstr (text, "BEGIN:VTIMEZONE\r\nTZID:Asia/Shanghai\r\n"));
    g_assert_nonnull (strstr (text, "TZOFFSETTO:+0800\r\n"));
  }
}

/* Awkward text survives libical's own parser exactly. */
static void
test_awkward_round_trip (void)
{
  g_autoptr(SwOrganisation) org = sw_organisation_new ();
  g_autoptr(SwCalendarState) state = sw_calendar_state_new ();
  SwPlan *plan = ics_test_add_awkward (org, "Asia/Shanghai");
  g_autoptr(GPtrArray) files = export (org, plan, state, SW_ICS_SCOPE_PLAN, NOW_1);
  SwIcsFile *file = g_ptr_array_index (files, 0);
  g_autofree char *text = g_strndup (g_bytes_get_data (file->bytes, NULL), g_bytes_get_size (file->bytes));
  icalcomponent *calendar = icalparser_parse_string (text);
  GListModel *slots = sw_plan_get_slots (plan);
  guint n_events = 0;

  g_assert_nonnull (calendar);
  for (icalcomponent *event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       event != NULL;
       event = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    {
      SwSlot *slot = sw_plan_find_slot_by_uid (plan, icalcomponent_get_uid (event));
      g_autofree char *title = NULL;
      const char *description = icalcomponent_get_description (event);

      g_assert_nonnull (slot);
      n_events++;
      title = g_strdup (sw_slot_get_title (slot));
      g_strdelimit (title, "\n", ' ');
      g_assert_cmpstr (icalcomponent_get_summary (event), ==, title);
      g_assert_cmpstr (icalcomponent_get_location (event), ==, sw_slot_get_location (slot));
      /* CR LF and CR become LF. */
      g_assert_true (g_str_has_suffix (description, "line1\nline2\nline3 😀, ; \\ \"end\"\n\n最后一行"));
      g_assert_nonnull (strstr (description, "95598; ext,2 \\ 😀"));
    }
  g_assert_cmpuint (n_events, ==, g_list_model_get_n_items (slots));
  icalcomponent_free (calendar);

  /* Attendee names without double quotes; the 300-character title whole. */
  g_assert_nonnull (strstr (text, "Zoë 'Q' 😀"));
}

/* ------------------------------------------------------------------ */
/* Identity                                                           */

static void
test_identity (void)
{
  g_autoptr(SwOrganisation) org = sw_organisation_new ();
  g_autoptr(SwCalendarState) state = sw_calendar_state_new ();
  SwPlan *plan = ics_test_add_sample (org);
  SwSlot *desk = find_slot (plan, "广场服务台");
  SwSlot *forum = find_slot (plan, "客户座谈会");
  SwDuty *repair = sw_slot_find_duty (desk, "现场抢修");
  g_autoptr(GPtrArray) repairers = sw_slot_dup_duty_people (desk, repair);
  SwPerson *repairer = g_object_ref (g_ptr_array_index (repairers, 0));
  g_autoptr(GPtrArray) plan1 = NULL, plan2 = NULL, plan3 = NULL;
  g_autoptr(GPtrArray) people1 = NULL, people2 = NULL, people3 = NULL, people4 = NULL;
  g_autoptr(GPtrArray) departments1 = NULL, departments2 = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *repairer_key = NULL;
  g_autofree char *desk_uid = g_strdup (sw_slot_get_uid (desk));
  g_autofree char *forum_uid = g_strdup (sw_slot_get_uid (forum));
  SwIcsFile *before, *after;

  plan1 = export (org, plan, state, SW_ICS_SCOPE_PLAN, NOW_1);
  people1 = export (org, plan, state, SW_ICS_SCOPE_PERSON, NOW_1);
  departments1 = export (org, plan, state, SW_ICS_SCOPE_DEPARTMENT, NOW_1);

  /* The same UID in every file that carries the slot. */
  {
    guint carrying = 0;

    for (guint i = 0; i < people1->len; i++)
      {
        SwIcsFile *file = g_ptr_array_index (people1, i);

        if (has_uid (file->bytes, desk_uid))
          carrying++;
      }
    g_assert_cmpuint (carrying, ==, g_list_model_get_n_items (sw_slot_get_assignments (desk)));
    g_assert_true (has_uid (((SwIcsFile *) g_ptr_array_index (plan1, 0))->bytes, desk_uid));
  }

  /* No change, later: byte-identical files. */
  plan2 = export (org, plan, state, SW_ICS_SCOPE_PLAN, NOW_2);
  people2 = export (org, plan, state, SW_ICS_SCOPE_PERSON, NOW_2);
  departments2 = export (org, plan, state, SW_ICS_SCOPE_DEPARTMENT, NOW_2);
  g_assert_true (g_bytes_equal (((SwIcsFile *) g_ptr_array_index (plan1, 0))->bytes,
                                ((SwIcsFile *) g_ptr_array_index (plan2, 0))->bytes));
  g_assert_cmpuint (people1->len, ==, people2->len);
  for (guint i = 0; i < people1->len; i++)
    g_assert_true (g_bytes_equal (((SwIcsFile *) g_ptr_array_index (people1, i))->bytes,
                                  ((SwIcsFile *) g_ptr_array_index (people2, i))->bytes));
  g_assert_cmpuint (departments1->len, ==, departments2->len);
  for (guint i = 0; i < departments1->len; i++)
    g_assert_true (g_bytes_equal (((SwIcsFile *) g_ptr_array_index (departments1, i))->bytes,
                                  ((SwIcsFile *) g_ptr_array_index (departments2, i))->bytes));

  /* A new title: only that event's SEQUENCE rises and LAST-MODIFIED moves. */
  g_assert_true (sw_undo_stack_set (sw_organisation_get_undo_stack (org), &error,
                                    forum, "title", "客户座谈会（改）"));
  plan3 = export (org, plan, state, SW_ICS_SCOPE_PLAN, NOW_3);
  before = g_ptr_array_index (plan2, 0);
  after = g_ptr_array_index (plan3, 0);
  g_assert_cmpint (sequence_of (before->bytes, forum_uid), ==, 0);
  g_assert_cmpint (sequence_of (after->bytes, forum_uid), ==, 1);
  {
    g_autofree char *modified = value_of (after->bytes, forum_uid, "LAST-MODIFIED");
    g_autofree char *stamp = value_of (after->bytes, forum_uid, "DTSTAMP");
    g_autofree char *created = value_of (after->bytes, forum_uid, "CREATED");
    g_autofree char *unchanged = value_of (after->bytes, desk_uid, "LAST-MODIFIED");

    g_assert_cmpstr (modified, ==, "20260921T161320Z");
    g_assert_cmpstr (stamp, ==, modified);
    g_assert_cmpstr (created, ==, "20260921T141320Z");
    g_assert_cmpstr (unchanged, ==, "20260921T141320Z");
  }
  {
    g_autoptr(GPtrArray) components = ics_test_components (after->bytes);

    for (guint i = 0; i < components->len; i++)
      {
        GStrv component = g_ptr_array_index (components, i);
        g_autofree char *uid = ics_test_dup_value (component, "UID", NULL);
        g_autofree char *sequence = ics_test_dup_value (component, "SEQUENCE", NULL);

        g_assert_cmpstr (sequence, ==, g_str_equal (uid, forum_uid) ? "1" : "0");
      }
  }

  /* Unassigned: the person's next file cancels the event, with a higher
   * sequence; the others' files only change in the teammate list. */
  people3 = export (org, plan, state, SW_ICS_SCOPE_PERSON, NOW_3);
  g_assert_true (sw_edit_unassign (org, desk, repairer, &error));
  g_assert_no_error (error);
  people4 = export (org, plan, state, SW_ICS_SCOPE_PERSON, NOW_3 + 60);
  repairer_key = g_strdup (((SwIcsFile *) g_ptr_array_index (people3, 0))->file_key);
  {
    g_autofree char *key = NULL;
    SwIcsFile *old_file = NULL, *new_file = NULL;
    g_autofree char *status = NULL;

    for (guint i = 0; i < people3->len; i++)
      if (has_uid (((SwIcsFile *) g_ptr_array_index (people3, i))->bytes, desk_uid) &&
          g_str_has_prefix (((SwIcsFile *) g_ptr_array_index (people3, i))->file_name,
                            sw_person_get_name (repairer)))
        old_file = g_ptr_array_index (people3, i);
    g_assert_nonnull (old_file);
    new_file = find_file (people4, old_file->file_key);
    g_assert_nonnull (new_file);

    status = value_of (new_file->bytes, desk_uid, "STATUS");
    g_assert_cmpstr (status, ==, "CANCELLED");
    g_assert_cmpint (sequence_of (new_file->bytes, desk_uid), ==, sequence_of (old_file->bytes, desk_uid) + 1);

    /* Exported again: the same cancelled event, the same bytes. */
    {
      g_autoptr(GPtrArray) people5 = export (org, plan, state, SW_ICS_SCOPE_PERSON, NOW_3 + 120);
      SwIcsFile *again = find_file (people5, old_file->file_key);

      g_assert_true (g_bytes_equal (again->bytes, new_file->bytes));
    }
  }

  /* A deleted slot is cancelled in every file that carried it. */
  {
    g_autoptr(GPtrArray) carriers = g_ptr_array_new_with_free_func (g_free);
    g_autoptr(GPtrArray) people6 = NULL;
    g_autoptr(GPtrArray) departments3 = NULL;
    g_autoptr(GPtrArray) plan4 = NULL;
    guint n_department_carriers = 0;

    for (guint i = 0; i < people4->len; i++)
      {
        SwIcsFile *file = g_ptr_array_index (people4, i);

        if (has_uid (file->bytes, forum_uid))
          g_ptr_array_add (carriers, g_strdup (file->file_key));
      }
    g_assert_cmpuint (carriers->len, >, 1);

    g_assert_true (sw_edit_delete_slot (org, plan, forum, &error));
    g_assert_no_error (error);
    people6 = export (org, plan, state, SW_ICS_SCOPE_PERSON, NOW_3 + 300);
    departments3 = export (org, plan, state, SW_ICS_SCOPE_DEPARTMENT, NOW_3 + 300);
    plan4 = export (org, plan, state, SW_ICS_SCOPE_PLAN, NOW_3 + 300);

    for (guint i = 0; i < carriers->len; i++)
      {
        SwIcsFile *file = find_file (people6, g_ptr_array_index (carriers, i));
        g_autofree char *status = NULL;

        g_assert_nonnull (file);
        status = value_of (file->bytes, forum_uid, "STATUS");
        g_assert_cmpstr (status, ==, "CANCELLED");
        g_assert_cmpint (sequence_of (file->bytes, forum_uid), >=, 1);
      }
    for (guint i = 0; i < departments3->len; i++)
      {
        SwIcsFile *file = g_ptr_array_index (departments3, i);
        SwIcsFile *old = find_file (departments2, file->file_key);

        if (old != NULL && has_uid (old->bytes, forum_uid))
          {
            g_autofree char *status = value_of (file->bytes, forum_uid, "STATUS");

            g_assert_cmpstr (status, ==, "CANCELLED");
            n_department_carriers++;
          }
        else
          g_assert_false (has_uid (file->bytes, forum_uid));
      }
    g_assert_cmpuint (n_department_carriers, >, 1);
    {
      g_autofree char *status = value_of (((SwIcsFile *) g_ptr_array_index (plan4, 0))->bytes,
                                          forum_uid, "STATUS");

      g_assert_cmpstr (status, ==, "CANCELLED");
      g_assert_cmpint (sequence_of (((SwIcsFile *) g_ptr_array_index (plan4, 0))->bytes, forum_uid), ==, 2);
    }
  }

  /* Put back on the slot: active again, with a higher sequence still. */
  g_assert_true (sw_edit_assign (org, desk, repairer, repair, &error));
  {
    g_autoptr(GPtrArray) people7 = export (org, plan, state, SW_ICS_SCOPE_PERSON, NOW_3 + 600);
    SwIcsFile *file = NULL;
    g_autofree char *status = NULL;

    for (guint i = 0; i < people7->len; i++)
      if (g_str_has_prefix (((SwIcsFile *) g_ptr_array_index (people7, i))->file_name,
                            sw_person_get_name (repairer)))
        file = g_ptr_array_index (people7, i);
    g_assert_nonnull (file);
    status = value_of (file->bytes, desk_uid, "STATUS");
    g_assert_cmpstr (status, ==, "CONFIRMED");
    g_assert_cmpint (sequence_of (file->bytes, desk_uid), ==, 2);
  }

  g_object_unref (repairer);
}

/* The state lives in the database, outside the undo stack. */
static void
count_entry (const char            *file_key,
             const char            *uid,
             const SwCalendarEntry *entry,
             gpointer               user_data)
{
  (*(guint *) user_data)++;
}

static guint
count_changed (SwCalendarState *state)
{
  guint n = 0;

  sw_calendar_state_foreach_changed (state, count_entry, &n);
  return n;
}

static void
test_state_in_store (void)
{
  g_autofree char *dir = g_dir_make_tmp ("sw-ics-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "servweek.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autofree char *uid = NULL;
  gint64 plan_id;

  {
    g_autoptr(SwStore) store = sw_store_open (path, SW_STORE_OPEN_CREATE, &error);
    SwOrganisation *org;
    SwPlan *plan;
    g_autoptr(SwCalendarState) state = NULL;
    g_autoptr(GPtrArray) files = NULL;
    SwUndoStack *stack;

    g_assert_no_error (error);
    org = sw_store_get_organisation (store);
    plan = ics_test_add_sample (org);
    plan_id = sw_plan_get_id (plan);
    g_assert_cmpint (plan_id, >, 0);
    stack = sw_organisation_get_undo_stack (org);

    state = sw_store_load_calendar_state (store, plan, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (sw_calendar_state_get_n_entries (state), ==, 0);

    files = export (org, plan, state, SW_ICS_SCOPE_PLAN, NOW_1);
    first = g_bytes_ref (((SwIcsFile *) g_ptr_array_index (files, 0))->bytes);
    g_assert_true (sw_store_save_calendar_state (store, plan, state, &error));
    g_assert_no_error (error);
    /* Saving twice replaces, never duplicates. */
    g_assert_true (sw_store_save_calendar_state (store, plan, state, &error));
    g_assert_no_error (error);
    /* Saved, nothing counts as changed; an export with nothing new
     * changes no record, so the next save writes none. */
    g_assert_cmpuint (count_changed (state), ==, 0);
    g_clear_pointer (&files, g_ptr_array_unref);
    files = export (org, plan, state, SW_ICS_SCOPE_PLAN, NOW_1 + 60);
    g_assert_cmpuint (count_changed (state), ==, 0);
    /* Not an undo step. */
    {
      g_autofree char *label = g_strdup (sw_undo_stack_get_undo_label (stack));
      g_assert_true (sw_store_save_calendar_state (store, plan, state, &error));
      g_assert_cmpstr (sw_undo_stack_get_undo_label (stack), ==, label);
    }

    {
      SwSlot *forum = find_slot (plan, "客户座谈会");

      uid = g_strdup (sw_slot_get_uid (forum));
      g_assert_true (sw_edit_delete_slot (org, plan, forum, &error));
      g_assert_no_error (error);
    }
  }

  {
    g_autoptr(SwStore) store = sw_store_open (path, SW_STORE_OPEN_DEFAULT, &error);
    SwOrganisation *org = sw_store_get_organisation (store);
    SwPlan *plan = sw_organisation_find_plan (org, plan_id);
    g_autoptr(SwCalendarState) state = sw_store_load_calendar_state (store, plan, &error);
    g_autoptr(GPtrArray) files = NULL;
    SwIcsFile *file;
    g_autofree char *status = NULL;
    SwCalendarEntry entry;

    g_assert_no_error (error);
    g_assert_true (sw_calendar_state_lookup (state, "plan", uid, &entry));
    g_assert_false (entry.cancelled);
    g_assert_cmpint (entry.created, ==, NOW_1);
    g_assert_cmpint (entry.sequence, ==, 0);

    files = export (org, plan, state, SW_ICS_SCOPE_PLAN, NOW_2);
    file = g_ptr_array_index (files, 0);
    status = value_of (file->bytes, uid, "STATUS");
    g_assert_cmpstr (status, ==, "CANCELLED");
    g_assert_cmpint (sequence_of (file->bytes, uid), ==, 1);
    /* The cancelled event's record alone is to be saved. */
    g_assert_cmpuint (count_changed (state), ==, 1);
    g_assert_true (sw_store_save_calendar_state (store, plan, state, &error));
    g_assert_cmpuint (count_changed (state), ==, 0);

    /* A deleted plan keeps its records while the deletion can be undone:
     * the undo brings them back with the plan, and the next export goes
     * on from the sequence numbers staff calendars have. */
    g_assert_true (sw_edit_delete_plan (org, plan, &error));
    g_assert_no_error (error);
    g_assert_true (sw_undo_stack_undo (sw_organisation_get_undo_stack (org), &error));
    g_assert_no_error (error);
    g_assert_cmpint (sw_plan_get_id (plan), ==, plan_id);
    {
      g_autoptr(SwCalendarState) again = sw_store_load_calendar_state (store, plan, &error);
      g_autoptr(GPtrArray) later = NULL;

      g_assert_no_error (error);
      g_assert_true (sw_calendar_state_lookup (again, "plan", uid, &entry));
      g_assert_true (entry.cancelled);
      g_assert_cmpint (entry.sequence, ==, 1);
      later = export (org, plan, again, SW_ICS_SCOPE_PLAN, NOW_2 + 60);
      g_assert_cmpint (sequence_of (((SwIcsFile *) g_ptr_array_index (later, 0))->bytes, uid), ==, 1);
    }

    /* Deleted for good: no new records for it. */
    g_assert_true (sw_edit_delete_plan (org, plan, &error));
    g_assert_no_error (error);
    g_assert_false (sw_store_save_calendar_state (store, plan, state, &error));
    g_assert_error (error, SW_STORE_ERROR, SW_STORE_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }

  /* Opening the database keeps them (a CLI run must not take the
   * records of a plan the window may still bring back); the window drops
   * them when it starts. */
  {
    g_autoptr(SwStore) store = sw_store_open (path, SW_STORE_OPEN_DEFAULT, &error);
    g_autoptr(SwStore) reader = sw_store_open (path, SW_STORE_OPEN_READ_ONLY, &error);
    sqlite3 *db = NULL;
    sqlite3_stmt *stmt = NULL;

    g_assert_no_error (error);
    g_assert_nonnull (store);
    /* A read-only opening leaves them, and says so without an error. */
    g_assert_nonnull (reader);
    g_assert_true (sw_store_drop_deleted_plans_records (reader, &error));
    g_assert_no_error (error);
    g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM calendar_state", -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), >, 0);
    sqlite3_finalize (stmt);
    sqlite3_close (db);
    g_assert_true (sw_store_drop_deleted_plans_records (store, &error));
    g_assert_no_error (error);
  }

  {
    sqlite3 *db = NULL;
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM calendar_state", -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 0);
    sqlite3_finalize (stmt);
    sqlite3_close (db);
  }

  /* A read-only database refuses to save. */
  {
    g_autoptr(SwStore) store = sw_store_open (path, SW_STORE_OPEN_READ_ONLY, &error);
    SwOrganisation *org = sw_store_get_organisation (store);
    g_autoptr(SwPlan) plan = sw_plan_new ("x", 1, 2, "Asia/Shanghai");
    g_autoptr(SwCalendarState) state = sw_calendar_state_new ();

    g_assert_no_error (error);
    (void) org;
    g_assert_false (sw_store_save_calendar_state (store, plan, state, &error));
    g_assert_error (error, SW_STORE_ERROR, SW_STORE_ERROR_READ_ONLY);
  }

  {
    g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (listing)) != NULL)
      {
        g_autofree char *file = g_build_filename (dir, name, NULL);
        g_unlink (file);
      }
  }
  g_rmdir (dir);
}

/* ------------------------------------------------------------------ */
/* Zones                                                              */

static void
test_dst_zone (void)
{
  g_autoptr(SwOrganisation) org = sw_organisation_new ();
  g_autoptr(SwCalendarState) state = sw_calendar_state_new ();
  int first = ics_test_first_day ();
  g_autoptr(SwPlan) plan = sw_plan_new ("Herbstwoche", first, first + 40, "Europe/Berlin");
  g_autoptr(SwSlot) before = sw_slot_new (SW_SLOT_KIND_MEETING, "Vorher",
                                          sw_time_from_ymdhm (2026, 10, 24, 9, 0),
                                          sw_time_from_ymdhm (2026, 10, 24, 11, 0));
  g_autoptr(SwSlot) after = sw_slot_new (SW_SLOT_KIND_MEETING, "Nachher",
                                         sw_time_from_ymdhm (2026, 10, 26, 9, 0),
                                         sw_time_from_ymdhm (2026, 10, 26, 11, 0));
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autofree char *text = NULL;
  icalcomponent *calendar;

  g_assert_true (sw_edit_add (org, org, "plans", plan, &error));
  g_assert_true (sw_edit_add (org, plan, "slots", before, &error));
  g_assert_true (sw_edit_add (org, plan, "slots", after, &error));
  files = export (org, plan, state, SW_ICS_SCOPE_PLAN, NOW_1);
  text = g_strndup (g_bytes_get_data (((SwIcsFile *) g_ptr_array_index (files, 0))->bytes, NULL),
                    g_bytes_get_size (((SwIcsFile *) g_ptr_array_index (files, 0))->bytes));

  g_assert_nonnull (strstr (text, "TZID:Europe/Berlin\r\n"));
  g_assert_nonnull (strstr (text, "TZOFFSETTO:+0200\r\n"));
  g_assert_nonnull (strstr (text, "TZOFFSETTO:+0100\r\n"));
  g_assert_nonnull (strstr (text, "DTSTART;TZID=Europe/Berlin:20261024T090000\r\n"));
  g_assert_nonnull (strstr (text, "DTSTART;TZID=Europe/Berlin:20261026T090000\r\n"));

  /* libical agrees on the instants: 07:00Z before the change, 08:00Z after. */
  calendar = icalparser_parse_string (text);
  for (icalcomponent *event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       event != NULL;
       event = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    {
      struct icaltimetype start = icalcomponent_get_dtstart (event);
      icaltimezone *zone = icalcomponent_get_timezone (calendar, "Europe/Berlin");
      time_t instant = icaltime_as_timet_with_zone (start, zone);
      g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (instant);

      g_assert_nonnull (zone);
      g_assert_cmpint (g_date_time_get_hour (utc), ==,
                       g_str_equal (icalcomponent_get_summary (event), "Vorher") ? 7 : 8);
    }
  icalcomponent_free (calendar);

  /* An unknown zone: a clear error, no file. */
  sw_plan_set_time_zone (plan, "Mars/Olympus_Mons");
  {
    g_autoptr(SwIcsExporter) exporter = sw_ics_exporter_new (org, plan, state);
    g_autoptr(GPtrArray) none = sw_ics_exporter_export (exporter, SW_ICS_SCOPE_PLAN, &error);

    g_assert_null (none);
    g_assert_error (error, SW_ICS_ERROR, SW_ICS_ERROR_UNKNOWN_ZONE);
  }
}

static void
test_utc_zone (void)
{
  g_autoptr(SwOrganisation) org = sw_organisation_new ();
  g_autoptr(SwCalendarState) state = sw_calendar_state_new ();
  int first = ics_test_first_day ();
  g_autoptr(SwPlan) plan = sw_plan_new ("UTC week", first, first + 2, "UTC");
  g_autoptr(SwSlot) slot = sw_slot_new (SW_SLOT_KIND_MEETING, "m", sw_time_from_day (first) + 600,
                                        sw_time_from_day (first) + 660);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) files = NULL;

  g_assert_true (sw_edit_add (org, org, "plans", plan, &error));
  g_assert_true (sw_edit_add (org, plan, "slots", slot, &error));
  files = export (org, plan, state, SW_ICS_SCOPE_PLAN, NOW_1);
  g_assert_cmpuint (files->len, ==, 1);
}

/* ------------------------------------------------------------------ */
/* Busy times                                                         */

static GPtrArray *
read_busy (SwPlan     *plan,
           const char *text,
           GError    **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return sw_ics_busy_read (bytes, plan, error);
}

static void
assert_period (GPtrArray  *periods,
               guint       index,
               const char *start,
               const char *end)
{
  SwUnavailability *period = g_ptr_array_index (periods, index);
  g_autofree char *s = sw_time_format_datetime (sw_unavailability_get_start (period));
  g_autofree char *e = sw_time_format_datetime (sw_unavailability_get_end (period));

  g_assert_cmpstr (s, ==, start);
  g_assert_cmpstr (e, ==, end);
}

static void
test_busy (void)
{
  int first = ics_test_first_day ();
  g_autoptr(SwPlan) plan = sw_plan_new ("Week", first, first + 6, "Asia/Shanghai");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) periods = NULL;

  /* A zoned event, a UTC one, a floating one, an all-day one, one outside
   * the period, a cancelled and a free one. */
  periods = read_busy (plan,
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\n"
    "BEGIN:VTIMEZONE\r\nTZID:My Tokyo\r\nBEGIN:STANDARD\r\nDTSTART:19700101T000000\r\n"
    "TZOFFSETFROM:+0900\r\nTZOFFSETTO:+0900\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n"
    "BEGIN:VEVENT\r\nUID:a\r\nSUMMARY:Doctor\r\nDTSTART;TZID=My Tokyo:20260921T100000\r\n"
    "DTEND;TZID=My Tokyo:20260921T113000\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:b\r\nDTSTART:20260922T010000Z\r\nDURATION:PT2H\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:c\r\nSUMMARY:Floating\r\nDTSTART:20260923T140000\r\nDTEND:20260923T150000\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:d\r\nSUMMARY:Leave\r\nDTSTART;VALUE=DATE:20260925\r\nDTEND;VALUE=DATE:20260927\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:e\r\nDTSTART:20261021T010000Z\r\nDTEND:20261021T020000Z\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:f\r\nSTATUS:CANCELLED\r\nDTSTART:20260921T010000Z\r\nDTEND:20260921T020000Z\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:g\r\nTRANSP:TRANSPARENT\r\nDTSTART:20260921T010000Z\r\nDTEND:20260921T020000Z\r\nEND:VEVENT\r\n"
    "END:VCALENDAR\r\n", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (periods->len, ==, 4);
  assert_period (periods, 0, "2026-09-21T09:00", "2026-09-21T10:30");
  g_assert_cmpstr (sw_unavailability_get_reason (g_ptr_array_index (periods, 0)), ==, "Doctor");
  assert_period (periods, 1, "2026-09-22T09:00", "2026-09-22T11:00");
  assert_period (periods, 2, "2026-09-23T14:00", "2026-09-23T15:00");
  assert_period (periods, 3, "2026-09-25T00:00", "2026-09-27T00:00");
  g_clear_pointer (&periods, g_ptr_array_unref);

  /* A weekly rule in Berlin with an exception and a moved occurrence,
   * and a daily rule with COUNT. */
  periods = read_busy (plan,
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\n"
    "BEGIN:VEVENT\r\nUID:r1\r\nSUMMARY:Yoga\r\nDTSTART;TZID=Europe/Berlin:20260801T080000\r\n"
    "DTEND;TZID=Europe/Berlin:20260801T090000\r\nRRULE:FREQ=DAILY\r\n"
    "EXDATE;TZID=Europe/Berlin:20260922T080000\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:r1\r\nSUMMARY:Yoga moved\r\nRECURRENCE-ID;TZID=Europe/Berlin:20260923T080000\r\n"
    "DTSTART;TZID=Europe/Berlin:20260923T120000\r\nDTEND;TZID=Europe/Berlin:20260923T130000\r\nEND:VEVENT\r\n"
    "END:VCALENDAR\r\n", &error);
  g_assert_no_error (error);
  /* 20th … 26th minus the 22nd: six, the 23rd moved to 18:00 Shanghai. */
  g_assert_cmpuint (periods->len, ==, 6);
  assert_period (periods, 0, "2026-09-20T14:00", "2026-09-20T15:00");
  assert_period (periods, 1, "2026-09-21T14:00", "2026-09-21T15:00");
  assert_period (periods, 2, "2026-09-23T18:00", "2026-09-23T19:00");
  g_assert_cmpstr (sw_unavailability_get_reason (g_ptr_array_index (periods, 2)), ==, "Yoga moved");
  assert_period (periods, 5, "2026-09-26T14:00", "2026-09-26T15:00");
  g_clear_pointer (&periods, g_ptr_array_unref);

  periods = read_busy (plan,
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\n"
    "BEGIN:VEVENT\r\nUID:w\r\nDTSTART;TZID=Asia/Shanghai:20260915T190000\r\n"
    "DTEND;TZID=Asia/Shanghai:20260915T200000\r\nRRULE:FREQ=WEEKLY;COUNT=3\r\n"
    "RDATE;TZID=Asia/Shanghai:20260926T070000\r\nEND:VEVENT\r\n"
    "END:VCALENDAR\r\n", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (periods->len, ==, 2);
  assert_period (periods, 0, "2026-09-22T19:00", "2026-09-22T20:00");
  assert_period (periods, 1, "2026-09-26T07:00", "2026-09-26T08:00");
  g_clear_pointer (&periods, g_ptr_array_unref);

  /* Errors. */
  g_assert_null (read_busy (plan, "", &error));
  g_assert_error (error, SW_ICS_ERROR, SW_ICS_ERROR_EMPTY);
  g_clear_error (&error);
  g_assert_null (read_busy (plan, "  \r\n", &error));
  g_assert_error (error, SW_ICS_ERROR, SW_ICS_ERROR_EMPTY);
  g_clear_error (&error);
  g_assert_null (read_busy (plan, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n", &error));
  g_assert_error (error, SW_ICS_ERROR, SW_ICS_ERROR_EMPTY);
  g_clear_error (&error);
  g_assert_null (read_busy (plan, "hello, this is not a calendar", &error));
  g_assert_error (error, SW_ICS_ERROR, SW_ICS_ERROR_MALFORMED);
  g_clear_error (&error);
  g_assert_null (read_busy (plan, "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART:20260921T0900", &error));
  g_assert_error (error, SW_ICS_ERROR, SW_ICS_ERROR_MALFORMED);
  g_clear_error (&error);
  g_assert_null (read_busy (plan,
    "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nSUMMARY:no start\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n", &error));
  g_assert_error (error, SW_ICS_ERROR, SW_ICS_ERROR_MALFORMED);
  g_clear_error (&error);
  g_assert_null (read_busy (plan,
    "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART;TZID=Mars/Base:20260921T090000\r\n"
    "DTEND;TZID=Mars/Base:20260921T100000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n", &error));
  g_assert_error (error, SW_ICS_ERROR, SW_ICS_ERROR_UNKNOWN_ZONE);
  g_assert_nonnull (strstr (error->message, "Mars/Base"));
  g_clear_error (&error);
  g_assert_null (read_busy (plan,
    "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART:20250921T090000Z\r\n"
    "DTEND:20250921T100000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n", &error));
  g_assert_error (error, SW_ICS_ERROR, SW_ICS_ERROR_NOTHING_IN_PERIOD);
  g_clear_error (&error);
  /* An event from 1601 on, every day, that ends in the plan's week: each
   * of its 100,000 occurrences covers the week.  Refused, quickly, and
   * said why; at 2,000 busy times a file is still read. */
  g_assert_null (read_busy (plan,
    "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART:16010102T000000\r\n"
    "DTEND:20260926T090000\r\nRRULE:FREQ=DAILY;COUNT=5000000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n", &error));
  g_assert_error (error, SW_ICS_ERROR, SW_ICS_ERROR_MALFORMED);
  g_assert_nonnull (strstr (error->message, "2000"));
  g_clear_error (&error);
  {
    g_autoptr(GPtrArray) many = read_busy (plan,
      "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART:20260920T000000\r\n"
      "DTEND:20260920T000100\r\nRRULE:FREQ=MINUTELY;INTERVAL=5;COUNT=2000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
      &error);

    g_assert_no_error (error);
    g_assert_cmpuint (many->len, ==, 2000);
  }
  {
    static const char binary[] = "\x89PNG\r\n\x1a\n\0\0\0";
    g_autoptr(GBytes) bytes = g_bytes_new (binary, sizeof binary);

    g_assert_null (sw_ics_busy_read (bytes, plan, &error));
    g_assert_error (error, SW_ICS_ERROR, SW_ICS_ERROR_MALFORMED);
    g_clear_error (&error);
  }
}

/* What we export, we can read back as busy times. */
static void
test_busy_reads_export (void)
{
  g_autoptr(SwOrganisation) org = sw_organisation_new ();
  g_autoptr(SwCalendarState) state = sw_calendar_state_new ();
  SwPlan *plan = ics_test_add_sample (org);
  g_autoptr(GPtrArray) files = export (org, plan, state, SW_ICS_SCOPE_PLAN, NOW_1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) periods = sw_ics_busy_read (((SwIcsFile *) g_ptr_array_index (files, 0))->bytes,
                                                   plan, &error);
  g_autoptr(GPtrArray) slots = sw_plan_dup_sorted_slots (plan);

  g_autoptr(GHashTable) distinct = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_assert_no_error (error);
  /* Two visits share their times: one busy period for both. */
  for (guint i = 0; i < slots->len; i++)
    g_hash_table_add (distinct, g_strdup_printf ("%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT,
                                                 sw_slot_get_start (g_ptr_array_index (slots, i)),
                                                 sw_slot_get_end (g_ptr_array_index (slots, i))));
  g_assert_cmpuint (g_hash_table_size (distinct), <, slots->len);
  g_assert_cmpuint (periods->len, ==, g_hash_table_size (distinct));
  for (guint i = 0; i < slots->len; i++)
    {
      SwSlot *slot = g_ptr_array_index (slots, i);
      gboolean found = FALSE;

      for (guint p = 0; p < periods->len; p++)
        if (sw_unavailability_get_start (g_ptr_array_index (periods, p)) == sw_slot_get_start (slot) &&
            sw_unavailability_get_end (g_ptr_array_index (periods, p)) == sw_slot_get_end (slot))
          found = TRUE;
      g_assert_true (found);
    }
}

static gpointer
random_item (GRand      *rand,
             GListModel *model)
{
  guint n = g_list_model_get_n_items (model);

  return n > 0 ? g_list_model_get_item (model, g_rand_int_range (rand, 0, (gint32) n)) : NULL;
}

/* One random edit of anything a calendar file shows, or an undo. */
static void
random_edit (GRand          *rand,
             SwOrganisation *org,
             SwPlan         *plan,
             guint           round)
{
  SwUndoStack *stack = sw_organisation_get_undo_stack (org);
  g_autoptr(SwSlot) slot = random_item (rand, sw_plan_get_slots (plan));
  g_autoptr(SwPerson) person = random_item (rand, sw_organisation_get_people (org));
  g_autoptr(SwDepartment) department = random_item (rand, sw_organisation_get_departments (org));
  g_autoptr(SwDuty) duty = random_item (rand, sw_slot_get_duties (slot));
  g_autoptr(SwTask) task = random_item (rand, sw_plan_get_tasks (plan));
  g_autofree char *text = g_strdup_printf ("改 %u; x", round);
  g_autoptr(GError) error = NULL;

  switch (g_rand_int_range (rand, 0, 14))
    {
    case 0:
      sw_edit_move_slot (org, slot, sw_slot_get_start (slot) + 30, sw_slot_get_end (slot) + 60, &error);
      break;
    case 1:
      sw_undo_stack_set (stack, &error, person, "name", text);
      break;
    case 2:
      sw_undo_stack_set (stack, &error, person, g_rand_boolean (rand) ? "phone" : "email", text);
      break;
    case 3:
      sw_undo_stack_set (stack, &error, department, "name", text);
      break;
    case 4:
      sw_undo_stack_set (stack, &error, plan, g_rand_boolean (rand) ? "hotline" : "title", text);
      break;
    case 5:
      sw_edit_assign (org, slot, person, g_rand_boolean (rand) ? duty : NULL, &error);
      break;
    case 6:
      sw_edit_unassign (org, slot, person, &error);
      break;
    case 7:
      sw_undo_stack_set (stack, &error, slot, g_rand_boolean (rand) ? "location" : "description", text);
      break;
    case 8:
      if (duty != NULL)
        sw_undo_stack_set (stack, &error, duty, "name", text);
      break;
    case 9:
      if (task != NULL)
        sw_undo_stack_set (stack, &error, task, "title", text);
      break;
    case 10:
      if (task != NULL)
        sw_undo_stack_set (stack, &error, task, "person", person);
      break;
    case 11:
      sw_undo_stack_set (stack, &error, person, "department", department);
      break;
    case 12:
      sw_undo_stack_set (stack, &error, slot, "title", text);
      break;
    default:
      if (sw_undo_stack_get_can_undo (stack))
        sw_undo_stack_undo (stack, &error);
    }
  /* An edit the model refuses (a person already on the slot) is no edit. */
  g_clear_error (&error);
}

static GPtrArray *
export_with (SwOrganisation  *org,
             SwPlan          *plan,
             SwCalendarState *state,
             SwIcsScope       scope,
             const char      *folder,
             gboolean         tasks,
             int              reminder,
             gint64           now)
{
  g_autoptr(SwIcsExporter) exporter = sw_ics_exporter_new (org, plan, state);
  g_autoptr(GError) error = NULL;
  GPtrArray *files;

  sw_ics_exporter_set_now (exporter, now);
  sw_ics_exporter_set_include_tasks (exporter, tasks);
  sw_ics_exporter_set_reminder_minutes (exporter, reminder);
  sw_ics_exporter_set_folder (exporter, folder);
  files = sw_ics_exporter_export (exporter, scope, &error);
  g_assert_no_error (error);

  return files;
}

/* Files read back from the folder are what building them anew gives:
 * after each of 150 random edits (or undos, or other options), an export
 * into a folder that holds the last files and one that builds every file
 * agree byte for byte, and so do their states. */
static void
test_reuse_matches_rebuild (void)
{
  g_autoptr(SwOrganisation) org = sw_organisation_new ();
  SwPlan *plan = ics_test_add_sample (org);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261203);
  const SwIcsScope scopes[2] = { SW_ICS_SCOPE_PERSON, SW_ICS_SCOPE_DEPARTMENT };
  SwCalendarState *reused_state[2] = { sw_calendar_state_new (), sw_calendar_state_new () };
  SwCalendarState *built_state[2] = { sw_calendar_state_new (), sw_calendar_state_new () };
  char *dirs[2] = { g_dir_make_tmp ("sw-ics-reuse-XXXXXX", NULL), g_dir_make_tmp ("sw-ics-reuse-XXXXXX", NULL) };
  guint n_reused = 0, n_built = 0;
  gboolean tasks = TRUE;
  int reminder = 30;

  for (guint round = 0; round < 150; round++)
    {
      if (round > 0 && round % 25 == 0)
        tasks = !tasks;
      if (round > 0 && round % 40 == 0)
        reminder = reminder < 0 ? 30 : -1;
      if (round > 0)
        random_edit (rand, org, plan, round);

      for (guint s = 0; s < 2; s++)
        {
          g_autoptr(GPtrArray) reused = export_with (org, plan, reused_state[s], scopes[s], dirs[s],
                                                     tasks, reminder, NOW_1 + round * 60);
          g_autoptr(GPtrArray) built = export_with (org, plan, built_state[s], scopes[s], NULL,
                                                    tasks, reminder, NOW_1 + round * 60);
          g_autoptr(GError) error = NULL;

          g_assert_cmpuint (reused->len, ==, built->len);
          for (guint i = 0; i < reused->len; i++)
            {
              SwIcsFile *a = g_ptr_array_index (reused, i);
              SwIcsFile *b = g_ptr_array_index (built, i);
              g_autoptr(GBytes) kept = NULL;

              g_assert_cmpstr (a->file_name, ==, b->file_name);
              g_assert_false (b->unchanged);
              g_assert_true ((a->bytes == NULL) == a->unchanged);
              if (a->unchanged)
                {
                  g_autofree char *path = g_build_filename (dirs[s], a->file_name, NULL);
                  g_autofree char *contents = NULL;
                  gsize length = 0;

                  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
                  kept = g_bytes_new_take (g_steal_pointer (&contents), length);
                }
              if (!g_bytes_equal (a->unchanged ? kept : a->bytes, b->bytes))
                g_error ("round %u: %s left in the folder differs from a new build", round, a->file_name);
              if (a->unchanged)
                n_reused++;
              else
                n_built++;
            }
          g_assert_cmpuint (sw_calendar_state_get_n_entries (reused_state[s]), ==,
                            sw_calendar_state_get_n_entries (built_state[s]));
          g_assert_true (sw_ics_files_write_to_folder (reused, dirs[s], NULL, &error));
          g_assert_no_error (error);
        }
    }

  /* Most files come back as they were after an edit; each edit builds some. */
  g_assert_cmpuint (n_reused, >, n_built);
  g_assert_cmpuint (n_built, >, 150);

  for (guint s = 0; s < 2; s++)
    {
      g_autoptr(GDir) dir = g_dir_open (dirs[s], 0, NULL);
      const char *name;

      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (dirs[s], name, NULL);

          g_unlink (path);
        }
      g_rmdir (dirs[s]);
      g_free (dirs[s]);
      g_object_unref (reused_state[s]);
      g_object_unref (built_state[s]);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ics/fold", test_fold);
  g_test_add_func ("/ics/escape", test_escape);
  g_test_add_func ("/ics/file-names", test_file_names);
  g_test_add_func ("/ics/person-file-names", test_person_file_names);
  g_test_add_func ("/ics/sample-content", test_sample_content);
  g_test_add_func ("/ics/awkward-round-trip", test_awkward_round_trip);
  g_test_add_func ("/ics/identity", test_identity);
  g_test_add_func ("/ics/state-in-store", test_state_in_store);
  g_test_add_func ("/ics/reuse-matches-rebuild", test_reuse_matches_rebuild);
  g_test_add_func ("/ics/dst-zone", test_dst_zone);
  g_test_add_func ("/ics/utc-zone", test_utc_zone);
  g_test_add_func ("/ics/busy", test_busy);
  g_test_add_func ("/ics/busy-reads-export", test_busy_reads_export);

  return g_test_run ();
}
