/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "sw-plan-file.h"

#include "ics-test-util.h"

int
ics_test_first_day (void)
{
  int day = 0;

  g_assert_true (sw_time_parse_date ("2026-09-20", &day, NULL));

  return day;
}

static void
add (SwOrganisation *org,
     gpointer        owner,
     const char     *list,
     gpointer        item)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sw_edit_add (org, owner, list, item, &error));
  g_assert_no_error (error);
}

/* Fills every open seat with people of the duty's department. */
static void
fill_open_seats (SwOrganisation *org,
                 SwPlan         *plan)
{
  GListModel *slots = sw_plan_get_slots (plan);
  GListModel *people = sw_organisation_get_people (org);

  for (guint s = 0; s < g_list_model_get_n_items (slots); s++)
    {
      g_autoptr(SwSlot) slot = g_list_model_get_item (slots, s);
      GListModel *duties = sw_slot_get_duties (slot);

      for (guint d = 0; d < g_list_model_get_n_items (duties); d++)
        {
          g_autoptr(SwDuty) duty = g_list_model_get_item (duties, d);

          for (guint p = 0;
               p < g_list_model_get_n_items (people) &&
               sw_slot_count_duty (slot, duty) < sw_duty_get_count (duty);
               p++)
            {
              g_autoptr(SwPerson) person = g_list_model_get_item (people, p);
              g_autoptr(GError) error = NULL;

              if (sw_duty_get_department (duty) != NULL &&
                  sw_person_get_department (person) != sw_duty_get_department (duty))
                continue;
              if (sw_slot_find_assignment (slot, person) != NULL)
                continue;
              g_assert_true (sw_edit_assign (org, slot, person, duty, &error));
              g_assert_no_error (error);
            }
        }
    }
}

SwPlan *
ics_test_add_sample (SwOrganisation *org)
{
  g_autoptr(GError) error = NULL;
  SwPlan *plan;

  plan = sw_plan_file_new_from_template (org, "service-week", NULL, ics_test_first_day (),
                                         G_MININT, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (plan);
  fill_open_seats (org, plan);

  return plan;
}

static SwPerson *
add_person (SwOrganisation *org,
            const char     *name,
            SwDepartment   *department,
            const char     *phone,
            const char     *email)
{
  g_autoptr(SwPerson) person = sw_person_new (name, department);

  sw_person_set_phone (person, phone);
  sw_person_set_email (person, email);
  add (org, org, "people", person);

  return person;
}

SwPlan *
ics_test_add_awkward (SwOrganisation *org,
                      const char     *time_zone)
{
  int first = ics_test_first_day ();
  g_autoptr(SwDepartment) commas = sw_department_new ("稽审科, 第一组; \"A\\B\"");
  g_autoptr(SwDepartment) emoji = sw_department_new ("党群办 😀");
  g_autoptr(SwPlan) plan = sw_plan_new ("测试, 计划; \"引号\" \\ 😀\n第二行", first, first + 13, time_zone);
  g_autoptr(SwCommittee) committee = sw_committee_new ("领导小组, \"A\"");
  g_autoptr(GString) long_title = g_string_new (NULL);
  SwPerson *wang, *zoe, *li, *zhang1, *zhang2;
  SwSlot *slots[4];

  add (org, org, "departments", commas);
  add (org, org, "departments", emoji);
  wang = add_person (org, "王,小;明", commas, "138-0000\\0001", "wang@example.com");
  zoe = add_person (org, "Zoë \"Q\" 😀", emoji, "+86 (0799) 1234;5", "");
  li = add_person (org, "李\n四\\", emoji, "", "li;si@example.com");
  zhang1 = add_person (org, "张三", commas, "13900000001", "");
  zhang2 = add_person (org, "张三", emoji, "13900000002", "zhang3@example.com");

  sw_plan_set_hotline (plan, "95598; ext,2 \\ 😀");
  sw_plan_set_organiser (plan, "临江市供电公司, \"客服\"");
  add (org, org, "plans", plan);
  add (org, plan, "committees", committee);
  {
    g_autoptr(SwCommitteeMember) leader = sw_committee_member_new (wang, SW_ROLE_LEADER);
    g_autoptr(SwCommitteeMember) director = sw_committee_member_new (zoe, SW_ROLE_OFFICE_DIRECTOR);

    add (org, committee, "members", leader);
    add (org, committee, "members", director);
  }

  while (g_utf8_strlen (long_title->str, -1) < 300)
    g_string_append (long_title, "广场服务台现场抢修受理报装咨询");
  g_string_truncate (long_title, (gsize) (g_utf8_offset_to_pointer (long_title->str, 300) - long_title->str));

  for (guint i = 0; i < G_N_ELEMENTS (slots); i++)
    {
      static const char * const titles[] = {
        NULL, "Desk, one; two \\ three \"q\" 😀", "上门服务\n第二行", "中午 12:00 — 跨午夜",
      };
      gint64 start = sw_time_from_day (first + (int) i * 3) + 9 * 60 + (int) i * 15;
      g_autoptr(SwSlot) slot = sw_slot_new (i == 1 ? SW_SLOT_KIND_SERVICE_DESK : SW_SLOT_KIND_VISIT,
                                            titles[i] != NULL ? titles[i] : long_title->str,
                                            start, i == 3 ? start + 16 * 60 : start + 125);
      g_autoptr(SwDuty) duty = sw_duty_new ("受理,咨询;投诉\\", 2, NULL);
      g_autoptr(SwDuty) other = sw_duty_new ("现场抢修 😀", 1, emoji);
      g_autoptr(SwVisitTarget) target = sw_visit_target_new ("客户, \"甲\"; 乙");

      sw_slot_set_location (slot, "广场; 东门, \"A\\B\" 😀");
      sw_slot_set_description (slot, "line1\nline2\r\nline3 😀, ; \\ \"end\"\n\n" "最后一行");
      sw_visit_target_set_address (target, "临江路 1 号, 2 楼;\n3 室");
      sw_visit_target_set_phone (target, "0799-1234");
      add (org, plan, "slots", slot);
      add (org, slot, "duties", duty);
      add (org, slot, "duties", other);
      add (org, slot, "organisers", commas);
      add (org, slot, "visit-targets", target);
      slots[i] = slot;
    }

  {
    g_autoptr(GError) error = NULL;
    SwDuty *duty0 = sw_slot_find_duty (slots[0], "受理,咨询;投诉\\");
    SwDuty *other0 = sw_slot_find_duty (slots[0], "现场抢修 😀");

    g_assert_true (sw_edit_assign (org, slots[0], wang, duty0, &error));
    g_assert_true (sw_edit_assign (org, slots[0], zhang1, duty0, &error));
    g_assert_true (sw_edit_assign (org, slots[0], zoe, other0, &error));
    g_assert_true (sw_edit_assign (org, slots[0], li, NULL, &error));
    g_assert_true (sw_edit_assign (org, slots[1], zhang2, sw_slot_find_duty (slots[1], "现场抢修 😀"), &error));
    g_assert_true (sw_edit_assign (org, slots[1], wang, NULL, &error));
    g_assert_true (sw_edit_assign (org, slots[2], li, sw_slot_find_duty (slots[2], "受理,咨询;投诉\\"), &error));
    g_assert_true (sw_edit_assign (org, slots[3], zhang1, NULL, &error));
    g_assert_no_error (error);
  }

  {
    g_autoptr(SwTask) task = sw_task_new ("宣传资料, \"第一版\"; 😀 \\ 完");
    g_autoptr(SwTask) undated = sw_task_new ("没有期限的任务\n第二行");
    g_autoptr(SwTask) done = sw_task_new ("总结");

    sw_task_set_person (task, wang);
    sw_task_set_department (task, commas);
    sw_task_set_due (task, sw_time_from_day (first - 2) + 17 * 60 + 30);
    sw_task_set_notes (task, "备注, ;\\\n第二行 😀");
    sw_task_set_slot (task, slots[0]);
    sw_task_set_person (undated, zoe);
    sw_task_set_department (done, emoji);
    sw_task_set_status (done, SW_TASK_STATUS_DONE);
    sw_task_set_due (done, sw_time_from_day (first + 12) + 8 * 60);
    add (org, plan, "tasks", task);
    add (org, plan, "tasks", undated);
    add (org, plan, "tasks", done);
  }

  return plan;
}

GStrv
ics_test_unfold (GBytes *bytes)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  g_autofree char *text = g_strndup (data, length);
  g_autoptr(GString) joined = g_string_new (NULL);
  g_auto(GStrv) lines = g_strsplit (text, "\r\n", -1);
  g_autoptr(GStrvBuilder) out = g_strv_builder_new ();

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (lines[i][0] == ' ')
        {
          g_string_append (joined, lines[i] + 1);
          continue;
        }
      if (joined->len > 0)
        g_strv_builder_add (out, joined->str);
      g_string_assign (joined, lines[i]);
    }
  if (joined->len > 0)
    g_strv_builder_add (out, joined->str);

  return g_strv_builder_end (out);
}

GPtrArray *
ics_test_components (GBytes *bytes)
{
  g_auto(GStrv) lines = ics_test_unfold (bytes);
  GPtrArray *components = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GStrvBuilder) current = NULL;
  int depth = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_equal (lines[i], "BEGIN:VEVENT") || g_str_equal (lines[i], "BEGIN:VTODO"))
        {
          g_assert_null (current);
          current = g_strv_builder_new ();
          depth = 0;
          continue;
        }
      if (current == NULL)
        continue;
      if (g_str_has_prefix (lines[i], "BEGIN:"))
        depth++;
      if ((g_str_equal (lines[i], "END:VEVENT") || g_str_equal (lines[i], "END:VTODO")) && depth == 0)
        {
          g_ptr_array_add (components, g_strv_builder_end (current));
          g_clear_pointer (&current, g_strv_builder_unref);
          continue;
        }
      if (g_str_has_prefix (lines[i], "END:"))
        depth--;
      else if (depth == 0)
        g_strv_builder_add (current, lines[i]);
    }
  g_assert_null (current);

  return components;
}

static gboolean
has_name (const char *line,
          const char *name)
{
  gsize n = strlen (name);

  return g_ascii_strncasecmp (line, name, n) == 0 && (line[n] == ':' || line[n] == ';');
}

/* The colon that ends the name and parameters (quoted values may hold
 * colons). */
static const char *
value_start (const char *line)
{
  gboolean quoted = FALSE;

  for (const char *p = line; *p != '\0'; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (*p == ':' && !quoted)
        return p;
    }

  return NULL;
}

char *
ics_test_dup_value (GStrv        component,
                    const char  *name,
                    char       **params)
{
  for (guint i = 0; component[i] != NULL; i++)
    {
      const char *colon;

      if (!has_name (component[i], name))
        continue;
      colon = value_start (component[i]);
      g_assert_nonnull (colon);
      if (params != NULL)
        *params = g_strndup (component[i] + strlen (name), (gsize) (colon - component[i]) - strlen (name));

      return g_strdup (colon + 1);
    }

  return NULL;
}

guint
ics_test_count (GStrv       component,
                const char *name)
{
  guint n = 0;

  for (guint i = 0; component[i] != NULL; i++)
    if (has_name (component[i], name))
      n++;

  return n;
}

GStrv
ics_test_find (GPtrArray  *components,
               const char *uid)
{
  for (guint i = 0; i < components->len; i++)
    {
      GStrv component = g_ptr_array_index (components, i);
      g_autofree char *value = ics_test_dup_value (component, "UID", NULL);

      if (g_strcmp0 (value, uid) == 0)
        return component;
    }

  return NULL;
}

void
ics_test_assert_bytes (GBytes     *bytes,
                       const char *tzid)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  g_autofree char *tz_line = g_strconcat ("X-WR-TIMEZONE:", tzid, NULL);
  g_autofree char *tzid_line = g_strconcat ("TZID:", tzid, NULL);
  g_autofree char *tzid_param = g_strconcat (";TZID=", tzid, ":", NULL);
  g_auto(GStrv) logical = NULL;
  gboolean has_name_line = FALSE, has_calname = FALSE, has_tz = FALSE, has_vtimezone_id = FALSE;
  guint n_vtimezones = 0;
  gsize line_start = 0;

  g_assert_cmpuint (length, >, 2);
  g_assert_cmpmem (data + length - 2, 2, "\r\n", 2);
  g_assert_true (g_str_has_prefix (data, "BEGIN:VCALENDAR\r\n"));

  for (gsize i = 0; i < length; i++)
    {
      g_assert_cmpint (data[i], !=, '\0');
      if (data[i] == '\r')
        {
          /* Every CR starts a CRLF. */
          g_assert_cmpuint (i + 1, <, length);
          g_assert_cmpint (data[i + 1], ==, '\n');
          continue;
        }
      if (data[i] != '\n')
        continue;

      /* Every LF ends a CRLF. */
      g_assert_cmpuint (i, >, 0);
      g_assert_cmpint (data[i - 1], ==, '\r');

      {
        gsize line_length = i - 1 - line_start;
        const char *line = data + line_start;

        if (line_length > 75)
          g_error ("line of %" G_GSIZE_FORMAT " octets: %.*s", line_length, (int) line_length, line);
        g_assert_cmpuint (line_length, >, 0);
        if (!g_utf8_validate (line, (gssize) line_length, NULL))
          g_error ("line not made of whole UTF-8 characters: %.*s", (int) line_length, line);
        if (line[0] == ' ' || line[0] == '\t')
          g_assert_cmpuint (line_length, >, 1);
      }
      line_start = i + 1;
    }
  g_assert_cmpuint (line_start, ==, length);

  logical = ics_test_unfold (bytes);
  g_assert_cmpstr (logical[g_strv_length (logical) - 1], ==, "END:VCALENDAR");
  for (guint i = 0; logical[i] != NULL; i++)
    {
      const char *line = logical[i];

      g_assert_false (has_name (line, "METHOD"));
      g_assert_null (strstr (line, "freeassociation"));
      g_assert_null (strstr (line, "X-LIC-"));
      if (has_name (line, "NAME"))
        has_name_line = TRUE;
      if (has_name (line, "X-WR-CALNAME"))
        has_calname = TRUE;
      if (g_str_equal (line, tz_line))
        has_tz = TRUE;
      if (g_str_equal (line, "BEGIN:VTIMEZONE"))
        n_vtimezones++;
      if (g_str_equal (line, tzid_line))
        has_vtimezone_id = TRUE;
      if (has_name (line, "TZOFFSETFROM") || has_name (line, "TZOFFSETTO"))
        {
          const char *value = strchr (line, ':') + 1;

          /* ±hhmm, no seconds. */
          g_assert_cmpuint (strlen (value), ==, 5);
          g_assert_true (value[0] == '+' || value[0] == '-');
        }
      if (has_name (line, "DTSTART") || has_name (line, "DTEND") || has_name (line, "DUE"))
        {
          if (!strstr (line, tzid_param))
            {
              /* Only the observances of the VTIMEZONE have floating times. */
              g_assert_true (g_str_has_prefix (line, "DTSTART:"));
            }
          else
            g_assert_false (g_str_has_suffix (line, "Z"));
        }
      if (has_name (line, "DTSTAMP") || has_name (line, "CREATED") || has_name (line, "LAST-MODIFIED"))
        {
          g_assert_true (g_str_has_suffix (line, "Z"));
          g_assert_null (strchr (line, ';'));
        }
    }

  g_assert_true (has_name_line);
  g_assert_true (has_calname);
  g_assert_true (has_tz);
  g_assert_cmpuint (n_vtimezones, ==, 1);
  g_assert_true (has_vtimezone_id);
}
