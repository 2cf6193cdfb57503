/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "sw-core.h"
#include "sw-plan-file.h"

/* A small plan that uses every part of the file format. */
static const char base_file[] =
  "{\n"
  "  \"format\": \"servweek-plan\", \"version\": 1,\n"
  "  \"plan\": { \"title\": \"Test week\", \"first_day\": \"2026-09-20\",\n"
  "            \"last_day\": \"2026-09-26\", \"time_zone\": \"Asia/Shanghai\" },\n"
  "  \"departments\": [ { \"name\": \"党群办\", \"color\": \"#3465a4\" },\n"
  "                   { \"name\": \"用电科\" } ],\n"
  "  \"people\": [ { \"key\": \"p1\", \"name\": \"王一\", \"department\": \"党群办\",\n"
  "                \"unavailable\": [ { \"start\": \"2026-09-21T08:00\",\n"
  "                                   \"end\": \"2026-09-21T12:00\", \"reason\": \"会议\" } ] },\n"
  "              { \"key\": \"p2\", \"name\": \"李二\", \"department\": \"用电科\" } ],\n"
  "  \"committees\": [ { \"name\": \"领导小组\",\n"
  "                    \"members\": [ { \"person\": \"p1\", \"role\": \"leader\" } ] } ],\n"
  "  \"slots\": [\n"
  "    { \"uid\": \"s1\", \"kind\": \"meeting\", \"title\": \"A\",\n"
  "      \"start\": \"2026-09-20T09:00\", \"end\": \"2026-09-20T10:00\" },\n"
  "    { \"uid\": \"s2\", \"kind\": \"visit\", \"title\": \"B\",\n"
  "      \"start\": \"2026-09-21T09:00\", \"end\": \"2026-09-21T10:00\",\n"
  "      \"visit_targets\": [ { \"name\": \"X\" } ] },\n"
  "    { \"uid\": \"s3\", \"kind\": \"service-desk\", \"title\": \"C\",\n"
  "      \"start\": \"2026-09-23T09:00\", \"end\": \"2026-09-23T11:00\",\n"
  "      \"organisers\": [ \"党群办\" ],\n"
  "      \"duties\": [ { \"name\": \"d\", \"count\": 2, \"department\": \"用电科\",\n"
  "                    \"people\": [ \"p2\" ] } ],\n"
  "      \"attendees\": [ \"p1\" ] } ],\n"
  "  \"tasks\": [ { \"uid\": \"t1\", \"title\": \"T\", \"department\": \"党群办\",\n"
  "               \"person\": \"p1\", \"due\": \"2026-09-19T17:00\",\n"
  "               \"status\": \"todo\", \"slot\": \"s3\" } ]\n"
  "}\n";

/* The undo stack's commands hold the organisation, so the stack is
 * emptied before the organisation is let go. */
typedef SwOrganisation TestOrg;

static void
test_org_free (TestOrg *org)
{
  sw_undo_stack_clear (sw_organisation_get_undo_stack (org));
  g_object_unref (org);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestOrg, test_org_free)

static guint
n_items (gpointer model)
{
  return g_list_model_get_n_items (G_LIST_MODEL (model));
}

static GBytes *
bytes_from_string (const char *text)
{
  return g_bytes_new (text, strlen (text));
}

static int
day_of (const char *text)
{
  int day = 0;

  g_assert_true (sw_time_parse_date (text, &day, NULL));
  return day;
}

static gint64
minutes_of (const char *text)
{
  gint64 minutes = 0;

  g_assert_true (sw_time_parse_datetime (text, &minutes, NULL));
  return minutes;
}

static void
assert_bytes_equal (GBytes *a,
                    GBytes *b)
{
  gsize len_a, len_b;
  const char *data_a = g_bytes_get_data (a, &len_a);
  const char *data_b = g_bytes_get_data (b, &len_b);

  if (len_a != len_b || memcmp (data_a, data_b, len_a) != 0)
    {
      g_autofree char *text_a = g_strndup (data_a, len_a);
      g_autofree char *text_b = g_strndup (data_b, len_b);

      g_assert_cmpstr (text_a, ==, text_b);
    }
}

static SwSlot *
find_slot_by_title (SwPlan     *plan,
                    const char *title)
{
  GListModel *slots = sw_plan_get_slots (plan);
  SwSlot *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (slots); i++)
    {
      g_autoptr(SwSlot) slot = g_list_model_get_item (slots, i);

      if (g_str_equal (sw_slot_get_title (slot), title))
        {
          g_assert_null (found);
          found = slot;
        }
    }

  g_assert_nonnull (found);
  return found;
}

static SwTask *
find_task_by_title (SwPlan     *plan,
                    const char *title)
{
  GListModel *tasks = sw_plan_get_tasks (plan);

  for (guint i = 0; i < g_list_model_get_n_items (tasks); i++)
    {
      g_autoptr(SwTask) task = g_list_model_get_item (tasks, i);

      if (g_str_equal (sw_task_get_title (task), title))
        return task;
    }

  g_assert_not_reached ();
  return NULL;
}

static SwPlan *
import_string (SwOrganisation *org,
               const char     *text)
{
  g_autoptr(GBytes) bytes = bytes_from_string (text);
  g_autoptr(GError) error = NULL;
  SwPlan *plan;

  plan = sw_plan_file_import (org, bytes, &error);
  g_assert_no_error (error);
  g_assert_nonnull (plan);

  return plan;
}

/* Export, import into a fresh organisation, export again. */
static void
assert_round_trip (SwOrganisation *org,
                   SwPlan         *plan)
{
  g_autoptr(TestOrg) other = sw_organisation_new ();
  g_autoptr(GBytes) first = sw_plan_file_export (org, plan);
  g_autoptr(GBytes) again = sw_plan_file_export (org, plan);
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GError) error = NULL;
  SwPlan *copy;
  gsize size;
  const char *data = g_bytes_get_data (first, &size);

  g_assert_cmpuint (size, >, 0);
  g_assert_cmpint (data[size - 1], ==, '\n');
  assert_bytes_equal (first, again);

  copy = sw_plan_file_import (other, first, &error);
  g_assert_no_error (error);
  g_assert_nonnull (copy);

  second = sw_plan_file_export (other, copy);
  assert_bytes_equal (first, second);
}

static void
test_list_templates (void)
{
  const char * const *names = sw_plan_file_list_templates ();

  g_assert_nonnull (names);
  g_assert_cmpstr (names[0], ==, "service-week");
  g_assert_cmpstr (names[1], ==, "service-week-en");
  g_assert_cmpstr (names[2], ==, "empty");
  g_assert_null (names[3]);
}

static SwPlan *
new_sample (SwOrganisation *org,
            const char     *first_day)
{
  g_autoptr(GError) error = NULL;
  SwPlan *plan;

  plan = sw_plan_file_new_from_template (org, "service-week", NULL,
                                         first_day != NULL ? day_of (first_day) : G_MININT,
                                         G_MININT, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (plan);

  return plan;
}

static void
test_sample_contents (void)
{
  g_autoptr(TestOrg) org = sw_organisation_new ();
  SwPlan *plan = new_sample (org, "2026-09-20");
  SwSlot *desk;
  GListModel *duties;
  static const struct {
    const char *name;
    guint count;
    const char *department;
  } expected[] = {
    { "受理报装/咨询", 2, "直属供电所" },
    { "现场抢修", 2, "直属供电所" },
    { "受理举报投诉", 1, "稽审科" },
    { "发放资料", 1, "党群办" },
    { "布置现场（党群办）", 1, "党群办" },
    { "布置现场（用电科）", 1, "用电科" },
    { "布置现场（稽审科）", 1, "稽审科" },
    { "布置现场（保卫科）", 1, "保卫科" },
    { "安装现场用电", 1, "直属供电所" },
  };
  static const char * const departments[] = {
    "公司领导", "党群办", "用电科", "生技科", "纪监室", "稽审科", "保卫科",
    "安监科", "直属供电所", "城郊供电所", "河东供电所",
  };
  guint filled, needed;

  g_assert_cmpstr (sw_plan_get_title (plan), ==, "“诚信工程”优质服务宣传周");
  g_assert_cmpstr (sw_plan_get_time_zone (plan), ==, "Asia/Shanghai");
  g_assert_cmpint (sw_plan_get_first_day (plan), ==, day_of ("2026-09-20"));
  g_assert_cmpint (sw_plan_get_last_day (plan), ==, day_of ("2026-09-26"));
  g_assert_cmpstr (sw_plan_get_hotline (plan), !=, "");
  g_assert_cmpstr (sw_plan_get_organiser (plan), !=, "");

  g_assert_cmpuint (n_items (sw_organisation_get_departments (org)), ==, G_N_ELEMENTS (departments));
  for (guint i = 0; i < G_N_ELEMENTS (departments); i++)
    {
      SwDepartment *department = sw_organisation_find_department (org, departments[i]);

      g_assert_nonnull (department);
      g_assert_cmpuint (strlen (sw_department_get_color (department)), ==, 7);
    }
  g_assert_cmpuint (n_items (sw_organisation_get_people (org)), >=, 22);
  g_assert_cmpuint (n_items (sw_organisation_get_people (org)), <=, 30);
  g_assert_cmpuint (n_items (sw_plan_get_committees (plan)), ==, 2);

  desk = find_slot_by_title (plan, "广场服务台");
  g_assert_cmpint (sw_slot_get_kind (desk), ==, SW_SLOT_KIND_SERVICE_DESK);
  g_assert_cmpint (sw_slot_get_start (desk), ==, minutes_of ("2026-09-23T09:00"));
  g_assert_cmpint (sw_slot_get_end (desk), ==, minutes_of ("2026-09-23T11:00"));

  duties = sw_slot_get_duties (desk);
  g_assert_cmpuint (g_list_model_get_n_items (duties), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(SwDuty) duty = g_list_model_get_item (duties, i);

      g_assert_cmpstr (sw_duty_get_name (duty), ==, expected[i].name);
      g_assert_cmpuint (sw_duty_get_count (duty), ==, expected[i].count);
      g_assert_nonnull (sw_duty_get_department (duty));
      g_assert_cmpstr (sw_department_get_name (sw_duty_get_department (duty)), ==,
                       expected[i].department);
    }

  /* Some seats are left open so that `check` has something to say. */
  sw_slot_get_fill (desk, &filled, &needed);
  g_assert_cmpuint (needed, ==, 11);
  g_assert_cmpuint (filled, <, needed);

  /* The mobilisation meeting, visits with targets, the forum, on-site days. */
  {
    GListModel *slots = sw_plan_get_slots (plan);
    guint kinds[SW_N_SLOT_KINDS] = { 0 };
    guint targets = 0;

    for (guint i = 0; i < g_list_model_get_n_items (slots); i++)
      {
        g_autoptr(SwSlot) slot = g_list_model_get_item (slots, i);

        kinds[sw_slot_get_kind (slot)]++;
        if (sw_slot_get_kind (slot) == SW_SLOT_KIND_VISIT)
          targets += n_items (sw_slot_get_visit_targets (slot));
      }
    g_assert_cmpuint (kinds[SW_SLOT_KIND_MOBILISATION], ==, 1);
    g_assert_cmpuint (kinds[SW_SLOT_KIND_VISIT], >=, 2);
    g_assert_cmpuint (kinds[SW_SLOT_KIND_FORUM], ==, 1);
    g_assert_cmpuint (kinds[SW_SLOT_KIND_SERVICE_DESK], ==, 1);
    g_assert_cmpuint (kinds[SW_SLOT_KIND_ON_SITE], ==, 3);
    g_assert_cmpuint (targets, >=, 6);
  }

  g_assert_cmpuint (n_items (sw_plan_get_tasks (plan)), >=, 6);
}

static void
test_sample_round_trip (void)
{
  g_autoptr(TestOrg) org = sw_organisation_new ();
  SwPlan *plan = new_sample (org, "2026-09-20");

  assert_round_trip (org, plan);
}

/* A version 1 file still imports: no rules, no skills, nothing accepted;
 * exported again it is a version 2 file. */
static void
test_version_1 (void)
{
  g_autoptr(TestOrg) org = sw_organisation_new ();
  SwPlan *plan = import_string (org, base_file);
  g_autoptr(GBytes) bytes = sw_plan_file_export (org, plan);
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  SwSlot *desk = find_slot_by_title (plan, "C");

  g_assert_cmpint (sw_plan_get_travel_buffer (plan), ==, 0);
  g_assert_cmpint (sw_plan_get_max_hours_per_day (plan), ==, 0);
  g_assert_cmpint (sw_plan_get_max_duties (plan), ==, 0);
  g_assert_cmpint (sw_plan_get_name_order (plan), ==, SW_NAME_ORDER_ROSTER);
  g_assert_cmpuint (n_items (sw_plan_get_accepted (plan)), ==, 0);
  for (guint i = 0; i < n_items (sw_organisation_get_people (org)); i++)
    {
      g_autoptr(SwPerson) person = g_list_model_get_item (sw_organisation_get_people (org), i);

      g_assert_null (sw_person_get_skills (person)[0]);
    }
  g_assert_null (sw_duty_get_skills (sw_slot_find_duty (desk, "d"))[0]);

  g_assert_nonnull (strstr (text, "\"version\" : 2,"));
  g_assert_nonnull (strstr (text, "\"rules\" : {\n"
                                  "      \"travel_buffer\" : 0,\n"
                                  "      \"max_hours_per_day\" : 0,\n"
                                  "      \"max_duties_per_person\" : 0\n"
                                  "    }"));
  /* No skills: an empty list; nothing accepted: no "accepted". */
  g_assert_nonnull (strstr (text, "\"skills\" : []"));
  g_assert_null (strstr (text, "\"accepted\""));
  assert_round_trip (org, plan);
}

/* A version 2 file is read whole: the rules, the skills (cleaned up as
 * the model keeps them) and the accepted problems with their slot. */
static const char v2_file[] =
  "{\n"
  "  \"format\": \"servweek-plan\", \"version\": 2,\n"
  "  \"plan\": { \"title\": \"Rules week\", \"first_day\": \"2026-09-20\",\n"
  "            \"last_day\": \"2026-09-26\", \"time_zone\": \"Asia/Shanghai\",\n"
  "            \"rules\": { \"travel_buffer\": 30, \"max_hours_per_day\": 8,\n"
  "                       \"max_duties_per_person\": 0 } },\n"
  "  \"departments\": [ { \"name\": \"用电科\" } ],\n"
  "  \"people\": [ { \"key\": \"p1\", \"name\": \"王一\", \"department\": \"用电科\",\n"
  "                \"skills\": [ \" 电工证 \", \"驾驶证\", \"电工证\", \"\" ] },\n"
  "              { \"key\": \"p2\", \"name\": \"李二\" },\n"
  "              { \"key\": \"p3\", \"name\": \"韩三\", \"skills\": [] } ],\n"
  "  \"slots\": [\n"
  "    { \"uid\": \"desk-1\", \"kind\": \"service-desk\", \"title\": \"广场服务台\",\n"
  "      \"start\": \"2026-09-23T09:00\", \"end\": \"2026-09-23T11:00\",\n"
  "      \"duties\": [ { \"name\": \"现场抢修\", \"count\": 2, \"skills\": [ \"电工证\" ],\n"
  "                    \"people\": [ \"p1\", \"p3\" ] },\n"
  "                  { \"name\": \"咨询\", \"count\": 1 } ] } ],\n"
  "  \"accepted\": [\n"
  "    { \"kind\": \"missing-skill\", \"person\": \"p3\", \"slot\": \"desk-1\",\n"
  "      \"situation\": \"现场抢修|电工证\", \"note\": \"持证人员陪同\" },\n"
  "    { \"kind\": \"double-booking\", \"person\": \"p3\", \"slot\": null },\n"
  "    { \"kind\": \"too-many-hours\", \"person\": \"p2\", \"situation\": \"2026-09-23|9\" } ]\n"
  "}\n";

static void
test_version_2 (void)
{
  g_autoptr(TestOrg) org = sw_organisation_new ();
  SwPlan *plan = import_string (org, v2_file);
  SwDepartment *power = sw_organisation_find_department (org, "用电科");
  SwPerson *wang = sw_organisation_find_person (org, "王一", power, NULL);
  SwPerson *li = sw_organisation_find_person (org, "李二", NULL, NULL);
  SwPerson *han = sw_organisation_find_person (org, "韩三", NULL, NULL);
  SwSlot *desk = sw_plan_find_slot_by_uid (plan, "desk-1");
  const char *wang_skills[] = { "电工证", "驾驶证", NULL };
  const char *repair_skills[] = { "电工证", NULL };
  g_autoptr(SwAcceptance) first = NULL;
  g_autoptr(SwAcceptance) second = NULL;
  g_autoptr(SwAcceptance) third = NULL;

  g_assert_nonnull (wang);
  g_assert_nonnull (li);
  g_assert_nonnull (han);
  g_assert_nonnull (desk);
  g_assert_cmpint (sw_plan_get_travel_buffer (plan), ==, 30);
  g_assert_cmpint (sw_plan_get_max_hours_per_day (plan), ==, 8);
  g_assert_cmpint (sw_plan_get_max_duties (plan), ==, 0);
  g_assert_true (g_strv_equal (sw_person_get_skills (wang), wang_skills));
  g_assert_null (sw_person_get_skills (li)[0]);
  g_assert_null (sw_person_get_skills (han)[0]);
  g_assert_true (g_strv_equal (sw_duty_get_skills (sw_slot_find_duty (desk, "现场抢修")), repair_skills));
  g_assert_null (sw_duty_get_skills (sw_slot_find_duty (desk, "咨询"))[0]);

  g_assert_cmpuint (n_items (sw_plan_get_accepted (plan)), ==, 3);
  first = g_list_model_get_item (sw_plan_get_accepted (plan), 0);
  second = g_list_model_get_item (sw_plan_get_accepted (plan), 1);
  third = g_list_model_get_item (sw_plan_get_accepted (plan), 2);
  g_assert_cmpint (sw_acceptance_get_kind (first), ==, SW_PROBLEM_MISSING_SKILL);
  g_assert_true (sw_acceptance_get_person (first) == han);
  g_assert_true (sw_acceptance_get_slot (first) == desk);
  g_assert_cmpstr (sw_acceptance_get_situation (first), ==, "现场抢修|电工证");
  g_assert_cmpstr (sw_acceptance_get_note (first), ==, "持证人员陪同");
  g_assert_cmpint (sw_acceptance_get_kind (second), ==, SW_PROBLEM_DOUBLE_BOOKING);
  g_assert_null (sw_acceptance_get_slot (second));
  g_assert_cmpstr (sw_acceptance_get_situation (second), ==, "");
  g_assert_cmpstr (sw_acceptance_get_note (second), ==, "");
  g_assert_cmpint (sw_acceptance_get_kind (third), ==, SW_PROBLEM_TOO_MANY_HOURS);
  g_assert_true (sw_acceptance_get_person (third) == li);
  g_assert_cmpstr (sw_acceptance_get_situation (third), ==, "2026-09-23|9");

  /* Written back: a slot only where there is one, the skills as kept. */
  {
    g_autoptr(GBytes) bytes = sw_plan_file_export (org, plan);
    g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

    g_assert_nonnull (strstr (text, "\"skills\" : [\n        \"电工证\",\n        \"驾驶证\"\n      ]"));
    g_assert_nonnull (strstr (text, "\"accepted\" : [\n"
                                    "    {\n"
                                    "      \"kind\" : \"missing-skill\",\n"
                                    "      \"person\" : \"p3\",\n"
                                    "      \"slot\" : \"desk-1\",\n"
                                    "      \"situation\" : \"现场抢修|电工证\",\n"
                                    "      \"note\" : \"持证人员陪同\"\n"
                                    "    },\n"
                                    "    {\n"
                                    "      \"kind\" : \"double-booking\",\n"
                                    "      \"person\" : \"p3\"\n"
                                    "    },\n"));
  }
  assert_round_trip (org, plan);
}

static void
test_template_shift (void)
{
  g_autoptr(TestOrg) org = sw_organisation_new ();
  SwUndoStack *stack = sw_organisation_get_undo_stack (org);
  g_autoptr(GError) error = NULL;
  SwPlan *plan;
  SwSlot *desk;
  SwTask *task;

  g_assert_false (sw_undo_stack_get_can_undo (stack));

  plan = new_sample (org, "2027-03-01");
  g_assert_cmpint (sw_plan_get_first_day (plan), ==, day_of ("2027-03-01"));
  g_assert_cmpint (sw_plan_get_last_day (plan), ==, day_of ("2027-03-07"));

  desk = find_slot_by_title (plan, "广场服务台");
  g_assert_cmpint (sw_slot_get_start (desk), ==, minutes_of ("2027-03-04T09:00"));
  g_assert_cmpint (sw_slot_get_end (desk), ==, minutes_of ("2027-03-04T11:00"));

  task = find_task_by_title (plan, "制作安全用电知识宣传资料");
  g_assert_cmpint (sw_task_get_due (task), ==, minutes_of ("2027-02-27T17:00"));
  g_assert_true (sw_task_get_slot (task) == desk);

  /* One undo step takes the plan and its roster away again. */
  g_assert_true (sw_undo_stack_get_can_undo (stack));
  g_assert_true (sw_undo_stack_undo (stack, &error));
  g_assert_no_error (error);
  g_assert_false (sw_undo_stack_get_can_undo (stack));
  g_assert_cmpuint (n_items (sw_organisation_get_plans (org)), ==, 0);
  g_assert_cmpuint (n_items (sw_organisation_get_people (org)), ==, 0);
  g_assert_cmpuint (n_items (sw_organisation_get_departments (org)), ==, 0);

  g_assert_true (sw_undo_stack_redo (stack, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_items (sw_organisation_get_plans (org)), ==, 1);
  g_assert_true (sw_organisation_find_department (org, "稽审科") != NULL);
}

static void
test_template_options (void)
{
  g_autoptr(TestOrg) org = sw_organisation_new ();
  g_autoptr(GError) error = NULL;
  SwPlan *first, *second, *plan;
  guint n_people;
  int year, month, mday, now_year, now_month, now_mday;

  /* Default: the template's month and day in the current year. */
  plan = sw_plan_file_new_from_template (org, "service-week", NULL, G_MININT, G_MININT,
                                         NULL, &error);
  g_assert_no_error (error);
  sw_time_to_ymd (sw_plan_get_first_day (plan), &year, &month, &mday);
  sw_time_to_ymd (sw_time_day_of (sw_time_now_in_zone ("Asia/Shanghai")), &now_year, &now_month, &now_mday);
  g_assert_cmpint (year, ==, now_year);
  g_assert_cmpint (month, ==, 9);
  g_assert_cmpint (mday, ==, 20);
  g_assert_cmpint (sw_plan_get_last_day (plan) - sw_plan_get_first_day (plan), ==, 6);
  first = plan;
  n_people = n_items (sw_organisation_get_people (org));

  /* Title, last day and zone may be given; the roster is merged, the
   * calendar UIDs are new. */
  second = sw_plan_file_new_from_template (org, "service-week", "Another week",
                                           day_of ("2028-01-10"), day_of ("2028-01-20"),
                                           "Europe/Berlin", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sw_plan_get_title (second), ==, "Another week");
  g_assert_cmpint (sw_plan_get_first_day (second), ==, day_of ("2028-01-10"));
  g_assert_cmpint (sw_plan_get_last_day (second), ==, day_of ("2028-01-20"));
  g_assert_cmpstr (sw_plan_get_time_zone (second), ==, "Europe/Berlin");
  g_assert_cmpuint (n_items (sw_organisation_get_people (org)), ==, n_people);
  g_assert_cmpuint (n_items (sw_organisation_get_plans (org)), ==, 2);
  g_assert_cmpstr (sw_slot_get_uid (find_slot_by_title (first, "广场服务台")), !=,
                   sw_slot_get_uid (find_slot_by_title (second, "广场服务台")));

  /* The empty template. */
  plan = sw_plan_file_new_from_template (org, "empty", "Empty", day_of ("2026-05-01"),
                                         day_of ("2026-05-01"), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sw_plan_get_title (plan), ==, "Empty");
  g_assert_cmpuint (n_items (sw_plan_get_slots (plan)), ==, 0);
  g_assert_cmpuint (n_items (sw_plan_get_tasks (plan)), ==, 0);
  g_assert_cmpint (sw_plan_get_first_day (plan), ==, sw_plan_get_last_day (plan));
  g_assert_cmpuint (n_items (sw_organisation_get_plans (org)), ==, 3);

  /* Failures change nothing. */
  plan = sw_plan_file_new_from_template (org, "no-such", NULL, G_MININT, G_MININT, NULL, &error);
  g_assert_error (error, SW_IMPORT_ERROR, SW_IMPORT_ERROR_NOT_FOUND);
  g_assert_null (plan);
  g_clear_error (&error);

  plan = sw_plan_file_new_from_template (org, "service-week", NULL, day_of ("2026-09-20"),
                                         day_of ("2026-09-19"), NULL, &error);
  g_assert_error (error, SW_IMPORT_ERROR, SW_IMPORT_ERROR_INVALID);
  g_assert_null (plan);
  g_clear_error (&error);

  plan = sw_plan_file_new_from_template (org, "empty", NULL, G_MININT, G_MININT,
                                         "Mars/Olympus_Mons", &error);
  g_assert_error (error, SW_IMPORT_ERROR, SW_IMPORT_ERROR_INVALID);
  g_assert_null (plan);
  g_clear_error (&error);

  g_assert_cmpuint (n_items (sw_organisation_get_plans (org)), ==, 3);
}

static char *
long_text (guint length)
{
  GString *text = g_string_new (NULL);

  while (g_utf8_strlen (text->str, -1) < length)
    g_string_append (text, "长文本, \"quoted\"; back\\slash\n🎉 ");

  return g_string_free (text, FALSE);
}

static void
test_awkward_round_trip (void)
{
  g_autoptr(TestOrg) org = sw_organisation_new ();
  g_autoptr(TestOrg) other = sw_organisation_new ();
  g_autoptr(SwDepartment) office = sw_department_new ("Office, \"Main\"; A\\B");
  g_autoptr(SwDepartment) field = sw_department_new ("现场 🔧 组");
  g_autoptr(SwPerson) anna = sw_person_new ("Anna \"Nan\" O'Neil, Jr.", office);
  g_autoptr(SwPerson) bo = sw_person_new ("博\n二", field);
  g_autoptr(SwPerson) loner = sw_person_new ("No; department", NULL);
  g_autoptr(SwUnavailability) busy = sw_unavailability_new (minutes_of ("2026-09-21T08:00"),
                                                            minutes_of ("2026-09-21T12:00"),
                                                            "Arzt, \"wichtig\"");
  g_autoptr(SwUnavailability) old_busy = sw_unavailability_new (minutes_of ("2025-01-01T08:00"),
                                                                minutes_of ("2025-01-01T12:00"),
                                                                "long ago");
  g_autoptr(SwPlan) plan = sw_plan_new ("Plan \"quoted\", with; everything\\",
                                        day_of ("2026-09-20"), day_of ("2026-09-26"),
                                        "Asia/Shanghai");
  g_autoptr(SwCommittee) committee = sw_committee_new ("领导小组, \"core\"");
  g_autoptr(SwCommitteeMember) member = sw_committee_member_new (anna, SW_ROLE_OFFICE_DIRECTOR);
  g_autoptr(SwSlot) slot = sw_slot_new (SW_SLOT_KIND_SERVICE_DESK, "Desk; \"one\"\n😀",
                                        minutes_of ("2026-09-23T09:00"),
                                        minutes_of ("2026-09-23T11:00"));
  g_autoptr(SwSlot) early = sw_slot_new (SW_SLOT_KIND_OTHER, "Outside the plan",
                                         minutes_of ("2026-09-01T09:00"),
                                         minutes_of ("2026-09-01T10:00"));
  g_autoptr(SwDuty) duty = sw_duty_new ("受理, \"报装\"", 999, field);
  g_autoptr(SwDuty) free_duty = sw_duty_new ("Anyone \\ at all", 1, NULL);
  g_autoptr(SwAssignment) on_duty = sw_assignment_new (bo, duty);
  g_autoptr(SwAssignment) attending = sw_assignment_new (loner, NULL);
  g_autoptr(SwVisitTarget) target = sw_visit_target_new ("Schule \"Am See\"");
  g_autoptr(SwTask) task = sw_task_new ("Notes,\ttabs; \"quotes\"");
  g_autoptr(SwTask) undated = sw_task_new ("No due date");
  g_autoptr(SwAcceptance) accepted = NULL;
  g_autoptr(SwAcceptance) accepted_free = NULL;
  const char *anna_skills[] = { "电工证", "驾驶证, \"B\"", NULL };
  const char *duty_skills[] = { "电工证", NULL };
  g_autofree char *notes = long_text (10000);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  SwPlan *copy;
  SwTask *copied_task;
  SwSlot *copied_slot;

  g_assert_cmpuint (g_utf8_strlen (notes, -1), >=, 10000);

  sw_department_set_short_name (office, "O,\"");
  sw_department_set_color (office, "#abcdef");
  sw_person_set_title (anna, "Chief \"of\" staff");
  sw_person_set_phone (anna, "+86 (138) 0000-0000");
  sw_person_set_email (anna, "anna+tag@example.org");
  g_list_store_append (G_LIST_STORE (sw_person_get_unavailability (anna)), busy);
  g_list_store_append (G_LIST_STORE (sw_person_get_unavailability (anna)), old_busy);

  sw_plan_set_theme (plan, "Theme 🎯, \"x\"");
  sw_plan_set_organiser (plan, "Org\\Org");
  sw_plan_set_hotline (plan, "95598; 0791-1234567");
  sw_plan_set_description (plan, notes);

  g_list_store_append (G_LIST_STORE (sw_committee_get_members (committee)), member);
  g_list_store_append (G_LIST_STORE (sw_plan_get_committees (plan)), committee);

  sw_slot_set_location (slot, "Square, \"Main\"\nEntrance 3");
  sw_slot_set_description (slot, notes);
  g_list_store_append (G_LIST_STORE (sw_slot_get_organisers (slot)), office);
  g_list_store_append (G_LIST_STORE (sw_slot_get_organisers (slot)), field);
  g_list_store_append (G_LIST_STORE (sw_slot_get_duties (slot)), duty);
  g_list_store_append (G_LIST_STORE (sw_slot_get_duties (slot)), free_duty);
  g_list_store_append (G_LIST_STORE (sw_slot_get_assignments (slot)), on_duty);
  g_list_store_append (G_LIST_STORE (sw_slot_get_assignments (slot)), attending);
  sw_visit_target_set_address (target, "Road 1, \"Block\" B; 2F");
  sw_visit_target_set_contact (target, "Herr Ü");
  sw_visit_target_set_phone (target, "0\\1");
  g_list_store_append (G_LIST_STORE (sw_slot_get_visit_targets (slot)), target);
  g_list_store_append (G_LIST_STORE (sw_plan_get_slots (plan)), slot);
  g_list_store_append (G_LIST_STORE (sw_plan_get_slots (plan)), early);

  sw_task_set_department (task, office);
  sw_task_set_person (task, anna);
  sw_task_set_due (task, minutes_of ("2026-09-19T17:00"));
  sw_task_set_status (task, SW_TASK_STATUS_DOING);
  sw_task_set_slot (task, slot);
  sw_task_set_notes (task, notes);
  sw_task_set_status (undated, SW_TASK_STATUS_DONE);
  g_list_store_append (G_LIST_STORE (sw_plan_get_tasks (plan)), task);
  g_list_store_append (G_LIST_STORE (sw_plan_get_tasks (plan)), undated);

  sw_person_set_skills (anna, anna_skills);
  sw_duty_set_skills (duty, duty_skills);
  sw_plan_set_travel_buffer (plan, 45);
  sw_plan_set_max_hours_per_day (plan, 8);
  sw_plan_set_max_duties (plan, 12);
  accepted = sw_acceptance_new (SW_PROBLEM_MISSING_SKILL, bo, slot, "duty=受理\x1f\"x\"",
                                "Accepted, \"fine\"\n😀");
  accepted_free = sw_acceptance_new (SW_PROBLEM_TOO_MANY_DUTIES, loner, NULL, "", "");
  g_list_store_append (G_LIST_STORE (sw_plan_get_accepted (plan)), accepted);
  g_list_store_append (G_LIST_STORE (sw_plan_get_accepted (plan)), accepted_free);

  g_assert_true (sw_edit_add (org, org, "departments", office, &error));
  g_assert_true (sw_edit_add (org, org, "departments", field, &error));
  g_assert_true (sw_edit_add (org, org, "people", anna, &error));
  g_assert_true (sw_edit_add (org, org, "people", bo, &error));
  g_assert_true (sw_edit_add (org, org, "people", loner, &error));
  g_assert_true (sw_edit_add (org, org, "plans", plan, &error));
  g_assert_no_error (error);

  assert_round_trip (org, plan);

  /* The values survive, not only the bytes. */
  bytes = sw_plan_file_export (org, plan);
  copy = sw_plan_file_import (other, bytes, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sw_plan_get_title (copy), ==, sw_plan_get_title (plan));
  g_assert_cmpstr (sw_plan_get_description (copy), ==, notes);
  g_assert_cmpstr (sw_plan_get_hotline (copy), ==, "95598; 0791-1234567");
  g_assert_cmpint (sw_plan_get_travel_buffer (copy), ==, 45);
  g_assert_cmpint (sw_plan_get_max_hours_per_day (copy), ==, 8);
  g_assert_cmpint (sw_plan_get_max_duties (copy), ==, 12);
  g_assert_cmpuint (n_items (sw_plan_get_accepted (copy)), ==, 2);
  g_assert_cmpuint (n_items (sw_organisation_get_people (other)), ==, 3);
  g_assert_cmpuint (n_items (sw_organisation_get_departments (other)), ==, 2);

  copied_slot = sw_plan_find_slot_by_uid (copy, sw_slot_get_uid (slot));
  g_assert_nonnull (copied_slot);
  g_assert_cmpstr (sw_slot_get_title (copied_slot), ==, "Desk; \"one\"\n😀");
  g_assert_cmpstr (sw_slot_get_location (copied_slot), ==, "Square, \"Main\"\nEntrance 3");
  g_assert_cmpstr (sw_slot_get_description (copied_slot), ==, notes);
  g_assert_cmpuint (n_items (sw_slot_get_assignments (copied_slot)), ==, 2);
  g_assert_cmpuint (sw_duty_get_count (sw_slot_find_duty (copied_slot, "受理, \"报装\"")), ==, 999);
  g_assert_null (sw_duty_get_department (sw_slot_find_duty (copied_slot, "Anyone \\ at all")));
  g_assert_true (sw_skills_equal (sw_duty_get_skills (sw_slot_find_duty (copied_slot, "受理, \"报装\"")),
                                  duty_skills));
  {
    g_autoptr(SwAcceptance) first = g_list_model_get_item (sw_plan_get_accepted (copy), 0);
    g_autoptr(SwAcceptance) second = g_list_model_get_item (sw_plan_get_accepted (copy), 1);

    g_assert_cmpint (sw_acceptance_get_kind (first), ==, SW_PROBLEM_MISSING_SKILL);
    g_assert_true (sw_acceptance_get_slot (first) == copied_slot);
    g_assert_cmpstr (sw_person_get_name (sw_acceptance_get_person (first)), ==, "博\n二");
    g_assert_cmpstr (sw_acceptance_get_situation (first), ==, "duty=受理\x1f\"x\"");
    g_assert_cmpstr (sw_acceptance_get_note (first), ==, "Accepted, \"fine\"\n😀");
    g_assert_cmpint (sw_acceptance_get_kind (second), ==, SW_PROBLEM_TOO_MANY_DUTIES);
    g_assert_null (sw_acceptance_get_slot (second));
  }

  copied_task = find_task_by_title (copy, "Notes,\ttabs; \"quotes\"");
  g_assert_cmpstr (sw_task_get_uid (copied_task), ==, sw_task_get_uid (task));
  g_assert_cmpstr (sw_task_get_notes (copied_task), ==, notes);
  g_assert_true (sw_task_get_slot (copied_task) == copied_slot);
  g_assert_cmpint (sw_task_get_status (copied_task), ==, SW_TASK_STATUS_DOING);
  g_assert_cmpint (sw_task_get_due (find_task_by_title (copy, "No due date")), ==, SW_TIME_UNSET);

  {
    SwDepartment *copied_office = sw_organisation_find_department (other, "Office, \"Main\"; A\\B");
    SwPerson *copied_anna;

    g_assert_nonnull (copied_office);
    g_assert_cmpstr (sw_department_get_color (copied_office), ==, "#abcdef");
    copied_anna = sw_organisation_find_person (other, "Anna \"Nan\" O'Neil, Jr.", copied_office, NULL);
    g_assert_nonnull (copied_anna);
    g_assert_cmpstr (sw_person_get_email (copied_anna), ==, "anna+tag@example.org");
    g_assert_true (sw_skills_equal (sw_person_get_skills (copied_anna), anna_skills));
    /* Only the busy time within the plan's days travels. */
    g_assert_cmpuint (n_items (sw_person_get_unavailability (copied_anna)), ==, 1);
  }
}

/* Sets the value at @path ("slots/2/duties/0/count") of @root to the JSON
 * @value, or removes it when @value is NULL. */
static void
json_set_path (JsonNode   *root,
               const char *path,
               const char *value)
{
  g_auto(GStrv) parts = g_strsplit (path, "/", -1);
  guint n = g_strv_length (parts);
  JsonNode *node = root;
  JsonNode *replacement = NULL;

  if (value != NULL)
    {
      g_autoptr(GError) error = NULL;

      replacement = json_from_string (value, &error);
      g_assert_no_error (error);
    }

  for (guint i = 0; i + 1 < n; i++)
    {
      if (JSON_NODE_HOLDS_ARRAY (node))
        node = json_array_get_element (json_node_get_array (node), atoi (parts[i]));
      else
        node = json_object_get_member (json_node_get_object (node), parts[i]);
      g_assert_nonnull (node);
    }

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      guint index = atoi (parts[n - 1]);
      JsonArray *rebuilt = json_array_new ();

      /* JsonArray has no replace: rebuild it. */
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          if (i == index)
            {
              if (replacement != NULL)
                json_array_add_element (rebuilt, g_steal_pointer (&replacement));
            }
          else
            json_array_add_element (rebuilt, json_node_copy (json_array_get_element (array, i)));
        }
      json_node_take_array (node, rebuilt);
    }
  else if (replacement != NULL)
    json_object_set_member (json_node_get_object (node), parts[n - 1], g_steal_pointer (&replacement));
  else
    json_object_remove_member (json_node_get_object (node), parts[n - 1]);

  g_clear_pointer (&replacement, json_node_unref);
}

static char *
mutate_base (const char *path,
             const char *value)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = json_from_string (base_file, &error);

  g_assert_no_error (error);
  if (path != NULL)
    json_set_path (root, path, value);

  return json_to_string (root, TRUE);
}

typedef struct
{
  const char *path;      /* NULL: @value is the whole file */
  const char *value;     /* NULL: remove the member */
  int         code;
  const char *place;
} BadCase;

static const BadCase bad_cases[] = {
  { NULL, "{", SW_IMPORT_ERROR_SYNTAX, "file" },
  { NULL, "", SW_IMPORT_ERROR_SYNTAX, "file" },
  { NULL, "servweek", SW_IMPORT_ERROR_SYNTAX, "file" },
  { NULL, "\xff\xfe{}", SW_IMPORT_ERROR_SYNTAX, "file" },
  { NULL, "[1, 2]", SW_IMPORT_ERROR_FORMAT, "file" },
  { NULL, "{\"format\": \"servweek-plan\", \"version\": 3}", SW_IMPORT_ERROR_VERSION, "version" },
  { "format", "\"ics\"", SW_IMPORT_ERROR_FORMAT, "format" },
  { "format", NULL, SW_IMPORT_ERROR_FORMAT, "format" },
  { "version", "3", SW_IMPORT_ERROR_VERSION, "version" },
  { "version", "0", SW_IMPORT_ERROR_VERSION, "version" },
  { "plan/rules", "[]", SW_IMPORT_ERROR_INVALID, "plan.rules" },
  { "plan/name_order", "\"surname\"", SW_IMPORT_ERROR_INVALID, "plan.name_order" },
  { "plan/name_order", "\"Stroke\"", SW_IMPORT_ERROR_INVALID, "plan.name_order" },
  { "plan/name_order", "2", SW_IMPORT_ERROR_INVALID, "plan.name_order" },
  { "plan/rules", "{\"travel_buffer\": -1}", SW_IMPORT_ERROR_INVALID, "plan.rules.travel_buffer" },
  { "plan/rules", "{\"travel_buffer\": 100000}", SW_IMPORT_ERROR_INVALID, "plan.rules.travel_buffer" },
  { "plan/rules", "{\"max_hours_per_day\": 25}", SW_IMPORT_ERROR_INVALID, "plan.rules.max_hours_per_day" },
  { "plan/rules", "{\"max_hours_per_day\": \"8\"}", SW_IMPORT_ERROR_INVALID, "plan.rules.max_hours_per_day" },
  { "plan/rules", "{\"max_duties_per_person\": -3}", SW_IMPORT_ERROR_INVALID, "plan.rules.max_duties_per_person" },
  { "plan/rules", "{\"max_duties_per_person\": 1000}", SW_IMPORT_ERROR_INVALID, "plan.rules.max_duties_per_person" },
  { "people/0/skills", "\"电工证\"", SW_IMPORT_ERROR_INVALID, "people[0].skills" },
  { "people/0/skills", "[\"电工证\", 3]", SW_IMPORT_ERROR_INVALID, "people[0].skills[1]" },
  { "slots/2/duties/0/skills", "{}", SW_IMPORT_ERROR_INVALID, "slots[2].duties[0].skills" },
  { "accepted", "{}", SW_IMPORT_ERROR_INVALID, "accepted" },
  { "accepted", "[{\"kind\": \"boredom\", \"person\": \"p1\"}]", SW_IMPORT_ERROR_INVALID, "accepted[0].kind" },
  { "accepted", "[{\"person\": \"p1\"}]", SW_IMPORT_ERROR_INVALID, "accepted[0].kind" },
  { "accepted", "[{\"kind\": \"double-booking\", \"person\": \"p9\"}]", SW_IMPORT_ERROR_REFERENCE, "accepted[0].person" },
  { "accepted", "[{\"kind\": \"double-booking\"}]", SW_IMPORT_ERROR_INVALID, "accepted[0].person" },
  { "accepted", "[{\"kind\": \"double-booking\", \"person\": \"p1\", \"slot\": \"s9\"}]", SW_IMPORT_ERROR_REFERENCE, "accepted[0].slot" },
  { "accepted", "[{\"kind\": \"double-booking\", \"person\": \"p1\", \"slot\": 3}]", SW_IMPORT_ERROR_INVALID, "accepted[0].slot" },
  { "accepted", "[{\"kind\": \"double-booking\", \"person\": 1}]", SW_IMPORT_ERROR_INVALID, "accepted[0].person" },
  { "accepted", "[{\"kind\": \"double-booking\", \"person\": \"p1\", \"note\": [\"x\"]}]", SW_IMPORT_ERROR_INVALID, "accepted[0].note" },
  { "accepted", "[{\"kind\": \"double-booking\", \"person\": \"p1\", \"situation\": {}}]", SW_IMPORT_ERROR_INVALID, "accepted[0].situation" },
  { "accepted", "[{\"kind\": 2, \"person\": \"p1\"}]", SW_IMPORT_ERROR_INVALID, "accepted[0].kind" },
  { "accepted", "[{\"kind\": \"double-booking\", \"person\": \"p1\"}, \"p2\"]", SW_IMPORT_ERROR_INVALID, "accepted[1]" },
  { "plan/rules", "{\"max_hours_per_day\": 7.5}", SW_IMPORT_ERROR_INVALID, "plan.rules.max_hours_per_day" },
  { "plan/rules", "{\"travel_buffer\": 1441}", SW_IMPORT_ERROR_INVALID, "plan.rules.travel_buffer" },
  { "plan/rules", "{\"max_duties_per_person\": 99999999999999999999}", SW_IMPORT_ERROR_INVALID, "plan.rules.max_duties_per_person" },
  { "plan/rules", "{\"travel_buffer\": true}", SW_IMPORT_ERROR_INVALID, "plan.rules.travel_buffer" },
  { "plan/rules", "3", SW_IMPORT_ERROR_INVALID, "plan.rules" },
  { "people/1/skills", "[null]", SW_IMPORT_ERROR_INVALID, "people[1].skills[0]" },
  { "people/1/skills", "[[\"电工证\"]]", SW_IMPORT_ERROR_INVALID, "people[1].skills[0]" },
  { "slots/2/duties/0/skills", "[\"电工证\", {\"a\": 1}]", SW_IMPORT_ERROR_INVALID, "slots[2].duties[0].skills[1]" },
  { "version", "\"1\"", SW_IMPORT_ERROR_VERSION, "version" },
  { "version", NULL, SW_IMPORT_ERROR_VERSION, "version" },
  { "plan", NULL, SW_IMPORT_ERROR_INVALID, "plan" },
  { "plan", "[]", SW_IMPORT_ERROR_INVALID, "plan" },
  { "plan/title", NULL, SW_IMPORT_ERROR_INVALID, "plan.title" },
  { "plan/title", "7", SW_IMPORT_ERROR_INVALID, "plan.title" },
  { "plan/first_day", "\"2026-02-30\"", SW_IMPORT_ERROR_INVALID, "plan.first_day" },
  { "plan/first_day", "\"20.9.2026\"", SW_IMPORT_ERROR_INVALID, "plan.first_day" },
  { "plan/last_day", "\"2026-09-19\"", SW_IMPORT_ERROR_INVALID, "plan.last_day" },
  { "plan/time_zone", "\"Mars/Olympus_Mons\"", SW_IMPORT_ERROR_INVALID, "plan.time_zone" },
  { "departments", "{}", SW_IMPORT_ERROR_INVALID, "departments" },
  { "departments/1", "\"用电科\"", SW_IMPORT_ERROR_INVALID, "departments[1]" },
  { "departments/1/name", "\"党群办\"", SW_IMPORT_ERROR_INVALID, "departments[1].name" },
  { "departments/1/name", "\"\"", SW_IMPORT_ERROR_INVALID, "departments[1].name" },
  { "departments/0/color", "\"blue\"", SW_IMPORT_ERROR_INVALID, "departments[0].color" },
  { "people/1/key", "\"p1\"", SW_IMPORT_ERROR_INVALID, "people[1].key" },
  { "people/1/name", NULL, SW_IMPORT_ERROR_INVALID, "people[1].name" },
  { "people/1/department", "\"财务科\"", SW_IMPORT_ERROR_REFERENCE, "people[1].department" },
  { "people/1", "{\"key\": \"p2\", \"name\": \"王一\", \"department\": \"党群办\"}",
    SW_IMPORT_ERROR_INVALID, "people[1].name" },
  { "people/0/unavailable/0/end", "\"2026-09-21T07:00\"", SW_IMPORT_ERROR_INVALID,
    "people[0].unavailable[0].end" },
  { "people/0/unavailable/0/start", "\"2026-09-21\"", SW_IMPORT_ERROR_INVALID,
    "people[0].unavailable[0].start" },
  { "committees/0/name", NULL, SW_IMPORT_ERROR_INVALID, "committees[0].name" },
  { "committees/0/members/0/person", "\"p9\"", SW_IMPORT_ERROR_REFERENCE,
    "committees[0].members[0].person" },
  { "committees/0/members/0/role", "\"boss\"", SW_IMPORT_ERROR_INVALID,
    "committees[0].members[0].role" },
  { "slots", "\"many\"", SW_IMPORT_ERROR_INVALID, "slots" },
  { "slots/0", "5", SW_IMPORT_ERROR_INVALID, "slots[0]" },
  { "slots/0/kind", "\"party\"", SW_IMPORT_ERROR_INVALID, "slots[0].kind" },
  { "slots/0/kind", NULL, SW_IMPORT_ERROR_INVALID, "slots[0].kind" },
  { "slots/0/start", "\"2026-09-20 09:00\"", SW_IMPORT_ERROR_INVALID, "slots[0].start" },
  { "slots/0/start", "\"2026-09-20T25:00\"", SW_IMPORT_ERROR_INVALID, "slots[0].start" },
  { "slots/0/end", "\"2026-09-20T09:00\"", SW_IMPORT_ERROR_INVALID, "slots[0].end" },
  { "slots/0/end", "\"2026-09-20T08:00\"", SW_IMPORT_ERROR_INVALID, "slots[0].end" },
  { "slots/1/uid", "\"s1\"", SW_IMPORT_ERROR_INVALID, "slots[1].uid" },
  { "slots/1/visit_targets/0/name", NULL, SW_IMPORT_ERROR_INVALID, "slots[1].visit_targets[0].name" },
  { "slots/2/organisers/0", "\"财务科\"", SW_IMPORT_ERROR_REFERENCE, "slots[2].organisers[0]" },
  { "slots/2/organisers/0", "3", SW_IMPORT_ERROR_INVALID, "slots[2].organisers[0]" },
  { "slots/2/duties/0/count", "0", SW_IMPORT_ERROR_INVALID, "slots[2].duties[0].count" },
  { "slots/2/duties/0/count", "1000", SW_IMPORT_ERROR_INVALID, "slots[2].duties[0].count" },
  { "slots/2/duties/0/count", "-1", SW_IMPORT_ERROR_INVALID, "slots[2].duties[0].count" },
  { "slots/2/duties/0/count", "\"2\"", SW_IMPORT_ERROR_INVALID, "slots[2].duties[0].count" },
  { "slots/2/duties/0/count", "2.5", SW_IMPORT_ERROR_INVALID, "slots[2].duties[0].count" },
  { "slots/2/duties/0/count", NULL, SW_IMPORT_ERROR_INVALID, "slots[2].duties[0].count" },
  { "slots/2/duties/0/name", NULL, SW_IMPORT_ERROR_INVALID, "slots[2].duties[0].name" },
  { "slots/2/duties/0/department", "\"财务科\"", SW_IMPORT_ERROR_REFERENCE,
    "slots[2].duties[0].department" },
  { "slots/2/duties/0/people/0", "\"p9\"", SW_IMPORT_ERROR_REFERENCE, "slots[2].duties[0].people[0]" },
  { "slots/2/attendees/0", "\"p7\"", SW_IMPORT_ERROR_REFERENCE, "slots[2].attendees[0]" },
  { "slots/2/attendees/0", "\"p2\"", SW_IMPORT_ERROR_INVALID, "slots[2].attendees[0]" },
  { "tasks/0/status", "\"finished\"", SW_IMPORT_ERROR_INVALID, "tasks[0].status" },
  { "tasks/0/slot", "\"s9\"", SW_IMPORT_ERROR_REFERENCE, "tasks[0].slot" },
  { "tasks/0/person", "\"p9\"", SW_IMPORT_ERROR_REFERENCE, "tasks[0].person" },
  { "tasks/0/department", "\"财务科\"", SW_IMPORT_ERROR_REFERENCE, "tasks[0].department" },
  { "tasks/0/due", "\"tomorrow\"", SW_IMPORT_ERROR_INVALID, "tasks[0].due" },
  { "tasks/0/uid", "\"s2\"", SW_IMPORT_ERROR_INVALID, "tasks[0].uid" },
};

static void
test_bad_files (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      const BadCase *bad = &bad_cases[i];
      g_autoptr(TestOrg) org = sw_organisation_new ();
      SwUndoStack *stack = sw_organisation_get_undo_stack (org);
      g_autoptr(SwDepartment) existing = sw_department_new ("党群办");
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;
      g_autofree char *prefix = NULL;
      g_autofree char *undo_label = NULL;
      SwPlan *plan;

      {
        g_autofree char *shown = g_utf8_make_valid (bad->value ? bad->value : "(removed)", -1);

        g_test_message ("case %u: %s = %s", i, bad->path ? bad->path : "(file)", shown);
      }

      /* The organisation is not empty and has something to undo. */
      g_assert_true (sw_edit_add (org, org, "departments", existing, &error));
      g_assert_no_error (error);
      undo_label = g_strdup (sw_undo_stack_get_undo_label (stack));

      text = bad->path != NULL ? mutate_base (bad->path, bad->value) : g_strdup (bad->value);
      bytes = bytes_from_string (text);

      plan = sw_plan_file_import (org, bytes, &error);
      g_assert_null (plan);
      g_assert_error (error, SW_IMPORT_ERROR, bad->code);
      prefix = g_strconcat (bad->place, ": ", NULL);
      if (!g_str_has_prefix (error->message, prefix))
        g_error ("case %u: “%s” does not start with “%s”", i, error->message, prefix);

      g_assert_cmpuint (n_items (sw_organisation_get_plans (org)), ==, 0);
      g_assert_cmpuint (n_items (sw_organisation_get_people (org)), ==, 0);
      g_assert_cmpuint (n_items (sw_organisation_get_departments (org)), ==, 1);
      g_assert_true (sw_undo_stack_get_can_undo (stack));
      g_assert_false (sw_undo_stack_get_can_redo (stack));
      g_assert_cmpstr (sw_undo_stack_get_undo_label (stack), ==, undo_label);
    }
}

/* The name order goes through a file and back; a file without one (as
 * every older file) is in roster order and says nothing of it. */
static void
test_name_order (void)
{
  const SwNameOrder orders[] = { SW_NAME_ORDER_STROKE, SW_NAME_ORDER_PINYIN, SW_NAME_ORDER_ROSTER };
  g_autoptr(TestOrg) org = sw_organisation_new ();
  SwPlan *plan = new_sample (org, "2026-09-20");

  g_assert_cmpint (sw_plan_get_name_order (plan), ==, SW_NAME_ORDER_ROSTER);
  for (guint i = 0; i < G_N_ELEMENTS (orders); i++)
    {
      g_autoptr(TestOrg) other = sw_organisation_new ();
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;
      g_autofree char *member = NULL;
      SwPlan *copy;

      sw_plan_set_name_order (plan, orders[i]);
      assert_round_trip (org, plan);
      bytes = sw_plan_file_export (org, plan);
      text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      member = g_strdup_printf ("\"name_order\" : \"%s\"", sw_enum_to_nick (SW_TYPE_NAME_ORDER, orders[i]));
      if (orders[i] == SW_NAME_ORDER_ROSTER)
        g_assert_null (strstr (text, "name_order"));
      else
        g_assert_nonnull (strstr (text, member));

      copy = sw_plan_file_import (other, bytes, &error);
      g_assert_no_error (error);
      g_assert_cmpint (sw_plan_get_name_order (copy), ==, orders[i]);
    }

  {
    g_autoptr(TestOrg) other = sw_organisation_new ();
    g_autofree char *text = mutate_base ("plan/name_order", "\"pinyin\"");
    SwPlan *copy = import_string (other, text);

    g_assert_cmpint (sw_plan_get_name_order (copy), ==, SW_NAME_ORDER_PINYIN);
  }
  {
    g_autoptr(TestOrg) other = sw_organisation_new ();
    g_autofree char *text = mutate_base ("plan/name_order", "\"surname\"");
    g_autoptr(GBytes) bytes = bytes_from_string (text);
    g_autoptr(GError) error = NULL;

    g_assert_null (sw_plan_file_import (other, bytes, &error));
    g_assert_error (error, SW_IMPORT_ERROR, SW_IMPORT_ERROR_INVALID);
    g_assert_cmpstr (error->message, ==,
                     "plan.name_order: unknown name order “surname” (roster, stroke or pinyin)");
  }
}

static void
test_error_message (void)
{
  g_autoptr(TestOrg) org = sw_organisation_new ();
  g_autofree char *text = mutate_base ("slots/2/duties/0/count", "0");
  g_autoptr(GBytes) bytes = bytes_from_string (text);
  g_autoptr(GError) error = NULL;

  g_assert_null (sw_plan_file_import (org, bytes, &error));
  g_assert_error (error, SW_IMPORT_ERROR, SW_IMPORT_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "slots[2].duties[0].count: 0 is not between 1 and 999");
  g_assert_false (sw_undo_stack_get_can_undo (sw_organisation_get_undo_stack (org)));
  g_clear_error (&error);

  /* A 10,000-character bad value is named briefly. */
  {
    g_autofree char *huge = g_strnfill (10000, 'x');
    g_autofree char *value = g_strdup_printf ("\"%s\"", huge);
    g_autofree char *bad = mutate_base ("slots/0/kind", value);
    g_autoptr(GBytes) bad_bytes = bytes_from_string (bad);

    g_assert_null (sw_plan_file_import (org, bad_bytes, &error));
    g_assert_error (error, SW_IMPORT_ERROR, SW_IMPORT_ERROR_INVALID);
    g_assert_true (g_str_has_prefix (error->message, "slots[0].kind: unknown kind “xxx"));
    g_assert_cmpuint (strlen (error->message), <, 200);
  }
}

static void
test_base_file (void)
{
  g_autoptr(TestOrg) org = sw_organisation_new ();
  SwPlan *plan = import_string (org, base_file);
  SwSlot *desk = sw_plan_find_slot_by_uid (plan, "s3");
  SwDepartment *office = sw_organisation_find_department (org, "党群办");
  SwPerson *wang, *li;
  SwDuty *duty;
  g_autoptr(SwCommittee) committee = NULL;
  g_autoptr(SwCommitteeMember) member = NULL;
  g_autoptr(SwDepartment) organiser = NULL;
  g_autoptr(SwTask) task = NULL;

  g_assert_nonnull (desk);
  g_assert_nonnull (office);
  g_assert_cmpstr (sw_department_get_color (office), ==, "#3465a4");
  wang = sw_organisation_find_person (org, "王一", office, NULL);
  li = sw_organisation_find_person (org, "李二", NULL, NULL);
  g_assert_nonnull (wang);
  g_assert_nonnull (li);
  g_assert_cmpuint (n_items (sw_person_get_unavailability (wang)), ==, 1);

  committee = g_list_model_get_item (sw_plan_get_committees (plan), 0);
  member = g_list_model_get_item (sw_committee_get_members (committee), 0);
  g_assert_true (sw_committee_member_get_person (member) == wang);
  g_assert_cmpint (sw_committee_member_get_role (member), ==, SW_ROLE_LEADER);

  organiser = g_list_model_get_item (sw_slot_get_organisers (desk), 0);
  g_assert_true (organiser == office);
  duty = sw_slot_find_duty (desk, "d");
  g_assert_nonnull (duty);
  g_assert_cmpuint (sw_slot_count_duty (desk, duty), ==, 1);
  g_assert_true (sw_assignment_get_duty (sw_slot_find_assignment (desk, li)) == duty);
  g_assert_null (sw_assignment_get_duty (sw_slot_find_assignment (desk, wang)));
  g_assert_cmpuint (n_items (sw_slot_get_visit_targets (sw_plan_find_slot_by_uid (plan, "s2"))), ==, 1);

  task = g_list_model_get_item (sw_plan_get_tasks (plan), 0);
  g_assert_cmpstr (sw_task_get_uid (task), ==, "t1");
  g_assert_true (sw_task_get_slot (task) == desk);
  g_assert_true (sw_task_get_person (task) == wang);
  g_assert_true (sw_task_get_department (task) == office);
}

static void
test_outside_plan_is_not_an_error (void)
{
  g_autoptr(TestOrg) org = sw_organisation_new ();
  g_autofree char *text = mutate_base ("slots/0/start", "\"2026-10-01T09:00\"");
  g_autofree char *text2 = NULL;
  g_autoptr(JsonNode) root = json_from_string (text, NULL);
  SwPlan *plan;

  json_set_path (root, "slots/0/end", "\"2026-10-01T10:00\"");
  text2 = json_to_string (root, FALSE);
  plan = import_string (org, text2);
  g_assert_cmpint (sw_slot_get_start (sw_plan_find_slot_by_uid (plan, "s1")), ==,
                   minutes_of ("2026-10-01T09:00"));
}

static void
test_missing_uids (void)
{
  g_autoptr(TestOrg) org = sw_organisation_new ();
  g_autofree char *text = mutate_base ("slots/0/uid", NULL);
  g_autoptr(JsonNode) root = json_from_string (text, NULL);
  g_autofree char *text2 = NULL;
  g_autoptr(SwSlot) first = NULL;
  g_autoptr(SwTask) task = NULL;
  SwPlan *plan;

  json_set_path (root, "tasks/0/uid", NULL);
  text2 = json_to_string (root, FALSE);
  plan = import_string (org, text2);

  first = g_list_model_get_item (sw_plan_get_slots (plan), 0);
  g_assert_cmpstr (sw_slot_get_title (first), ==, "A");
  g_assert_cmpuint (strlen (sw_slot_get_uid (first)), >, 0);
  g_assert_cmpstr (sw_slot_get_uid (first), !=, "s2");
  g_assert_cmpstr (sw_slot_get_uid (first), !=, "s3");
  task = g_list_model_get_item (sw_plan_get_tasks (plan), 0);
  g_assert_cmpuint (strlen (sw_task_get_uid (task)), >, 0);
}

static void
test_import_twice (void)
{
  g_autoptr(TestOrg) org = sw_organisation_new ();
  SwPlan *first = import_string (org, base_file);
  SwPlan *second = import_string (org, base_file);
  g_autoptr(SwSlot) slot = NULL;
  g_autoptr(SwTask) task = NULL;

  g_assert_true (first != second);
  g_assert_cmpuint (n_items (sw_organisation_get_plans (org)), ==, 2);
  /* The roster is merged, not doubled. */
  g_assert_cmpuint (n_items (sw_organisation_get_people (org)), ==, 2);
  g_assert_cmpuint (n_items (sw_organisation_get_departments (org)), ==, 2);

  /* The first keeps the file's UIDs, the second gets fresh ones. */
  g_assert_nonnull (sw_plan_find_slot_by_uid (first, "s1"));
  g_assert_nonnull (sw_plan_find_slot_by_uid (first, "s3"));
  for (guint i = 0; i < n_items (sw_plan_get_slots (second)); i++)
    {
      g_autoptr(SwSlot) copy = g_list_model_get_item (sw_plan_get_slots (second), i);

      g_assert_null (sw_plan_find_slot_by_uid (first, sw_slot_get_uid (copy)));
    }
  task = g_list_model_get_item (sw_plan_get_tasks (second), 0);
  g_assert_cmpstr (sw_task_get_uid (task), !=, "t1");
  slot = g_list_model_get_item (sw_plan_get_slots (second), 2);
  g_assert_true (sw_task_get_slot (task) == slot);

  /* A person busy at the same time is not given the period twice. */
  {
    SwDepartment *office = sw_organisation_find_department (org, "党群办");
    SwPerson *wang = sw_organisation_find_person (org, "王一", office, NULL);

    g_assert_cmpuint (n_items (sw_person_get_unavailability (wang)), ==, 1);
  }
}

static void
test_merge (void)
{
  g_autoptr(TestOrg) org = sw_organisation_new ();
  SwUndoStack *stack = sw_organisation_get_undo_stack (org);
  g_autoptr(SwDepartment) office = sw_department_new ("党群办");
  g_autoptr(SwPerson) wang = sw_person_new ("王一", office);
  g_autoptr(SwPerson) li_office = sw_person_new ("李二", office);
  g_autoptr(SwUnavailability) morning = sw_unavailability_new (minutes_of ("2026-09-22T08:00"),
                                                               minutes_of ("2026-09-22T12:00"),
                                                               "early");
  g_autoptr(GError) error = NULL;
  g_autoptr(SwCommittee) committee = NULL;
  g_autoptr(SwCommitteeMember) member = NULL;
  g_autoptr(SwUnavailability) period = NULL;
  SwDepartment *power;
  SwPerson *li_power;
  SwPlan *plan;

  sw_department_set_color (office, "#000000");
  sw_person_set_phone (wang, "111");
  g_list_store_append (G_LIST_STORE (sw_person_get_unavailability (wang)), morning);
  g_assert_true (sw_edit_add (org, org, "departments", office, &error));
  g_assert_true (sw_edit_add (org, org, "people", wang, &error));
  g_assert_true (sw_edit_add (org, org, "people", li_office, &error));
  g_assert_no_error (error);

  plan = import_string (org, base_file);

  /* 党群办 and 王一 are reused as they are; 用电科 and the 李二 of 用电科
   * are new (the 李二 of 党群办 is someone else). */
  g_assert_cmpuint (n_items (sw_organisation_get_departments (org)), ==, 2);
  g_assert_cmpuint (n_items (sw_organisation_get_people (org)), ==, 3);
  g_assert_true (sw_organisation_find_department (org, "党群办") == office);
  g_assert_cmpstr (sw_department_get_color (office), ==, "#000000");
  power = sw_organisation_find_department (org, "用电科");
  g_assert_nonnull (power);
  li_power = sw_organisation_find_person (org, "李二", power, NULL);
  g_assert_nonnull (li_power);
  g_assert_true (li_power != li_office);
  g_assert_cmpstr (sw_person_get_phone (wang), ==, "111");

  committee = g_list_model_get_item (sw_plan_get_committees (plan), 0);
  member = g_list_model_get_item (sw_committee_get_members (committee), 0);
  g_assert_true (sw_committee_member_get_person (member) == wang);

  /* The file's busy time is added to the existing person's, in order. */
  g_assert_cmpuint (n_items (sw_person_get_unavailability (wang)), ==, 2);
  period = g_list_model_get_item (sw_person_get_unavailability (wang), 0);
  g_assert_cmpint (sw_unavailability_get_start (period), ==, minutes_of ("2026-09-21T08:00"));

  /* Undo removes only what the import added. */
  g_assert_true (sw_undo_stack_undo (stack, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_items (sw_organisation_get_departments (org)), ==, 1);
  g_assert_cmpuint (n_items (sw_organisation_get_people (org)), ==, 2);
  g_assert_cmpuint (n_items (sw_organisation_get_plans (org)), ==, 0);
  g_assert_cmpuint (n_items (sw_person_get_unavailability (wang)), ==, 1);
}

static void
test_import_undo (void)
{
  g_autoptr(TestOrg) org = sw_organisation_new ();
  SwUndoStack *stack = sw_organisation_get_undo_stack (org);
  g_autoptr(GError) error = NULL;
  g_autoptr(SwPlan) listed = NULL;
  SwPlan *plan;

  plan = import_string (org, base_file);
  g_assert_true (sw_undo_stack_get_can_undo (stack));
  g_assert_nonnull (sw_undo_stack_get_undo_label (stack));
  g_assert_nonnull (strstr (sw_undo_stack_get_undo_label (stack), "Test week"));

  g_assert_true (sw_undo_stack_undo (stack, &error));
  g_assert_no_error (error);
  g_assert_false (sw_undo_stack_get_can_undo (stack));
  g_assert_cmpuint (n_items (sw_organisation_get_plans (org)), ==, 0);
  g_assert_cmpuint (n_items (sw_organisation_get_people (org)), ==, 0);
  g_assert_cmpuint (n_items (sw_organisation_get_departments (org)), ==, 0);

  g_assert_true (sw_undo_stack_redo (stack, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_items (sw_organisation_get_plans (org)), ==, 1);
  listed = g_list_model_get_item (sw_organisation_get_plans (org), 0);
  g_assert_true (listed == plan);
  g_assert_cmpuint (n_items (sw_organisation_get_people (org)), ==, 2);
}

static gboolean
refuse_commit (SwCommand  *command,
               gboolean    reverting,
               gpointer    user_data,
               GError    **error)
{
  guint *calls = user_data;

  (*calls)++;
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE, "disk full");
  return FALSE;
}

static void
test_commit_fails (void)
{
  g_autoptr(TestOrg) org = sw_organisation_new ();
  SwUndoStack *stack = sw_organisation_get_undo_stack (org);
  g_autoptr(GBytes) bytes = bytes_from_string (base_file);
  g_autoptr(GError) error = NULL;
  guint calls = 0;
  SwPlan *plan;

  sw_undo_stack_set_commit_func (stack, refuse_commit, &calls, NULL);

  plan = sw_plan_file_import (org, bytes, &error);
  g_assert_null (plan);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_assert_cmpuint (calls, ==, 1);
  g_assert_cmpuint (n_items (sw_organisation_get_plans (org)), ==, 0);
  g_assert_cmpuint (n_items (sw_organisation_get_people (org)), ==, 0);
  g_assert_cmpuint (n_items (sw_organisation_get_departments (org)), ==, 0);
  g_assert_false (sw_undo_stack_get_can_undo (stack));
  g_clear_error (&error);

  plan = sw_plan_file_new_from_template (org, "service-week", NULL, G_MININT, G_MININT,
                                         NULL, &error);
  g_assert_null (plan);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_assert_cmpuint (n_items (sw_organisation_get_plans (org)), ==, 0);
  g_assert_cmpuint (n_items (sw_organisation_get_people (org)), ==, 0);

  sw_undo_stack_set_commit_func (stack, NULL, NULL, NULL);
}

static void
test_export_format (void)
{
  g_autoptr(TestOrg) org = sw_organisation_new ();
  SwPlan *plan = import_string (org, base_file);
  g_autoptr(GBytes) bytes = sw_plan_file_export (org, plan);
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  const char *keys[] = {
    "\"format\"", "\"version\"", "\"plan\"", "\"departments\"", "\"people\"",
    "\"committees\"", "\"slots\"", "\"tasks\"",
  };
  const char *last = text;

  /* Fixed key order, 2-space indent, a trailing newline, keys p1, p2 … */
  g_assert_true (g_str_has_prefix (text, "{\n  \"format\""));
  g_assert_true (g_str_has_suffix (text, "}\n"));
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      const char *at = strstr (text, keys[i]);

      g_assert_nonnull (at);
      g_assert_true (at >= last);
      last = at;
    }
  g_assert_nonnull (strstr (text, "\"p1\""));
  g_assert_nonnull (strstr (text, "\"p2\""));
  g_assert_null (strstr (text, "\"p3\""));
  g_assert_nonnull (strstr (text, "党群办"));
  g_assert_null (strchr (text, '\t'));
}

/* Departments the roster no longer lists (still named by a duty) come
 * after the roster's, by name, whatever their order in memory. */
static void
test_unlisted_departments (void)
{
  g_autoptr(TestOrg) org = sw_organisation_new ();
  SwPlan *plan = import_string (org, base_file);
  g_autoptr(SwSlot) slot = g_list_model_get_item (sw_plan_get_slots (plan), 0);
  const char *names[] = { "Zeta office", "Alpha office", "Mu office" };
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL;
  const char *alpha, *mu, *zeta, *listed;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(SwDepartment) department = sw_department_new (names[i]);
      g_autoptr(SwDuty) duty = sw_duty_new (names[i], 1, department);

      g_list_store_append (G_LIST_STORE (sw_slot_get_duties (slot)), duty);
    }

  bytes = sw_plan_file_export (org, plan);
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  listed = strstr (text, "党群办");
  alpha = strstr (text, "\"Alpha office\"");
  mu = strstr (text, "\"Mu office\"");
  zeta = strstr (text, "\"Zeta office\"");
  g_assert_nonnull (listed);
  g_assert_nonnull (alpha);
  g_assert_nonnull (mu);
  g_assert_nonnull (zeta);
  g_assert_true (listed < alpha);
  g_assert_true (alpha < mu);
  g_assert_true (mu < zeta);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/plan-file/list-templates", test_list_templates);
  g_test_add_func ("/export/plan-file/base-file", test_base_file);
  g_test_add_func ("/export/plan-file/export-format", test_export_format);
  g_test_add_func ("/export/plan-file/unlisted-departments", test_unlisted_departments);
  g_test_add_func ("/export/plan-file/sample-contents", test_sample_contents);
  g_test_add_func ("/export/plan-file/sample-round-trip", test_sample_round_trip);
  g_test_add_func ("/export/plan-file/awkward-round-trip", test_awkward_round_trip);
  g_test_add_func ("/export/plan-file/version-1", test_version_1);
  g_test_add_func ("/export/plan-file/version-2", test_version_2);
  g_test_add_func ("/export/plan-file/template-shift", test_template_shift);
  g_test_add_func ("/export/plan-file/template-options", test_template_options);
  g_test_add_func ("/export/plan-file/bad-files", test_bad_files);
  g_test_add_func ("/export/plan-file/name-order", test_name_order);
  g_test_add_func ("/export/plan-file/error-message", test_error_message);
  g_test_add_func ("/export/plan-file/outside-plan", test_outside_plan_is_not_an_error);
  g_test_add_func ("/export/plan-file/missing-uids", test_missing_uids);
  g_test_add_func ("/export/plan-file/import-twice", test_import_twice);
  g_test_add_func ("/export/plan-file/merge", test_merge);
  g_test_add_func ("/export/plan-file/import-undo", test_import_undo);
  g_test_add_func ("/export/plan-file/commit-fails", test_commit_fails);

  return g_test_run ();
}
