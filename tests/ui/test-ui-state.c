/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sw-person-search.h"
#include "sw-ui-state.h"

static gint64
minutes_of (const char *text)
{
  gint64 minutes = 0;

  g_assert_true (sw_time_parse_datetime (text, &minutes, NULL));
  return minutes;
}

static int
day_of (const char *text)
{
  int day = 0;

  g_assert_true (sw_time_parse_date (text, &day, NULL));
  return day;
}

static SwSlot *
add_slot (SwPlan     *plan,
          const char *start,
          const char *end)
{
  SwSlot *slot = sw_slot_new (SW_SLOT_KIND_SERVICE_DESK, "Desk", minutes_of (start), minutes_of (end));

  g_list_store_append (G_LIST_STORE (sw_plan_get_slots (plan)), slot);
  g_object_unref (slot);
  return slot;
}

static void
assign (SwSlot   *slot,
        SwPerson *person)
{
  g_autoptr(SwAssignment) assignment = sw_assignment_new (person, NULL);

  g_list_store_append (G_LIST_STORE (sw_slot_get_assignments (slot)), assignment);
}

static void
test_minutes_by_person (void)
{
  g_autoptr(SwPlan) plan = sw_plan_new ("Week", day_of ("2026-09-20"), day_of ("2026-09-26"), NULL);
  g_autoptr(SwPerson) ann = sw_person_new ("Ann", NULL);
  g_autoptr(SwPerson) bob = sw_person_new ("Bob", NULL);
  g_autoptr(SwPerson) cat = sw_person_new ("Cat", NULL);
  g_autoptr(GHashTable) table = NULL;
  g_autoptr(GHashTable) empty = NULL;
  SwSlot *morning, *afternoon;

  morning = add_slot (plan, "2026-09-21T09:00", "2026-09-21T11:30");
  afternoon = add_slot (plan, "2026-09-21T14:00", "2026-09-21T17:00");
  assign (morning, ann);
  assign (afternoon, ann);
  assign (afternoon, bob);

  table = sw_ui_state_minutes_by_person (plan);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (table, ann)), ==, 150 + 180);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (table, bob)), ==, 180);
  g_assert_false (g_hash_table_contains (table, cat));
  g_assert_cmpuint (g_hash_table_size (table), ==, 2);

  empty = sw_ui_state_minutes_by_person (NULL);
  g_assert_cmpuint (g_hash_table_size (empty), ==, 0);
}

static void
test_format_hours (void)
{
  struct { guint minutes; const char *text; } cases[] = {
    { 0, "" }, { 60, "1 h" }, { 330, "5.5 h" }, { 80, "1.3 h" }, { 1, "0 h" }, { 600, "10 h" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = sw_ui_state_format_hours (cases[i].minutes);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_committees_by_person (void)
{
  g_autoptr(SwPlan) plan = sw_plan_new ("Week", day_of ("2026-09-20"), day_of ("2026-09-26"), NULL);
  g_autoptr(SwCommittee) leading = sw_committee_new ("Leading group");
  g_autoptr(SwCommittee) publicity = sw_committee_new ("Publicity group");
  g_autoptr(SwPerson) ann = sw_person_new ("Ann", NULL);
  g_autoptr(SwPerson) bob = sw_person_new ("Bob", NULL);
  g_autoptr(SwCommitteeMember) m1 = sw_committee_member_new (ann, SW_ROLE_LEADER);
  g_autoptr(SwCommitteeMember) m2 = sw_committee_member_new (bob, SW_ROLE_MEMBER);
  g_autoptr(SwCommitteeMember) m3 = sw_committee_member_new (ann, SW_ROLE_DEPUTY);
  g_autoptr(GHashTable) table = NULL;

  g_list_store_append (G_LIST_STORE (sw_plan_get_committees (plan)), leading);
  g_list_store_append (G_LIST_STORE (sw_plan_get_committees (plan)), publicity);
  g_list_store_append (G_LIST_STORE (sw_committee_get_members (leading)), m1);
  g_list_store_append (G_LIST_STORE (sw_committee_get_members (leading)), m2);
  g_list_store_append (G_LIST_STORE (sw_committee_get_members (publicity)), m3);

  table = sw_ui_state_committees_by_person (plan);
  g_assert_cmpstr (g_hash_table_lookup (table, ann), ==, "Leading group (Leader), Publicity group (Deputy leader)");
  g_assert_cmpstr (g_hash_table_lookup (table, bob), ==, "Leading group (Member)");
}

static void
test_due_state (void)
{
  gint64 now = minutes_of ("2026-09-20T12:00");

  g_assert_cmpint (sw_ui_state_due_state (SW_TASK_STATUS_TODO, minutes_of ("2026-09-19T17:00"), now), ==, SW_UI_DUE_OVERDUE);
  g_assert_cmpint (sw_ui_state_due_state (SW_TASK_STATUS_DOING, minutes_of ("2026-09-20T11:59"), now), ==, SW_UI_DUE_OVERDUE);
  g_assert_cmpint (sw_ui_state_due_state (SW_TASK_STATUS_TODO, now, now), ==, SW_UI_DUE_LATER);
  g_assert_cmpint (sw_ui_state_due_state (SW_TASK_STATUS_DONE, minutes_of ("2026-09-19T17:00"), now), ==, SW_UI_DUE_DONE);
  g_assert_cmpint (sw_ui_state_due_state (SW_TASK_STATUS_TODO, SW_TIME_UNSET, now), ==, SW_UI_DUE_NONE);
}

/* Chinese names by their pinyin: whole, by syllables, by initials; a
 * surname read as a surname; ü typed as u or v; worked out again when
 * the name changes. */
static void
test_person_pinyin (void)
{
  g_autoptr(SwPerson) zhou = sw_person_new ("周建国", NULL);
  g_autoptr(SwPerson) zeng = sw_person_new ("曾庆华", NULL);
  g_autoptr(SwPerson) shan = sw_person_new ("单田芳", NULL);
  g_autoptr(SwPerson) lv = sw_person_new ("吕布", NULL);
  g_autoptr(SwPerson) english = sw_person_new ("Zoe Jiang", NULL);
  struct { const char *query; SwPerson **who; gboolean match; } cases[] = {
    { "zjg", &zhou, TRUE },
    { "ZJG", &zhou, TRUE },
    { "zhoujianguo", &zhou, TRUE },
    { "zhou jianguo", &zhou, TRUE },
    { "zhou jian guo", &zhou, TRUE },
    { "zhouj", &zhou, TRUE },
    { "jianguo", &zhou, TRUE },
    { "zjh", &zhou, FALSE },
    { "zhoujg", &zhou, FALSE },
    { "zjg", &english, FALSE },
    { "zeng", &zeng, TRUE },
    { "zqh", &zeng, TRUE },
    { "ceng", &zeng, FALSE },
    { "shan tian fang", &shan, TRUE },
    { "stf", &shan, TRUE },
    { "dan", &shan, FALSE },
    { "lubu", &lv, TRUE },
    { "lv bu", &lv, TRUE },
    { "lvbu", &lv, TRUE },
    { "zoe", &english, TRUE },
  };
  g_autofree char *pinyin = sw_person_search_pinyin ("周建国");

  g_assert_cmpstr (pinyin, ==, "zhōu jiàn guó");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *query = sw_ui_state_normalize_query (cases[i].query);

      if (sw_person_search_matches (*cases[i].who, query) != cases[i].match)
        g_error ("“%s” %s %s", cases[i].query, cases[i].match ? "does not find" : "finds",
                 sw_person_get_name (*cases[i].who));
    }

  /* The text is kept, and worked out again for a new name. */
  g_assert_true (sw_person_search_text (zhou) == sw_person_search_text (zhou));
  sw_person_set_name (zhou, "周立平");
  {
    g_autofree char *old = sw_ui_state_normalize_query ("zjg");
    g_autofree char *new = sw_ui_state_normalize_query ("zlp");

    g_assert_false (sw_person_search_matches (zhou, old));
    g_assert_true (sw_person_search_matches (zhou, new));
  }
}

static void
test_person_matches (void)
{
  g_autoptr(SwDepartment) desk = sw_department_new ("用电科");
  g_autoptr(SwPerson) person = sw_person_new ("张伟", desk);
  g_autoptr(SwPerson) english = sw_person_new ("Anna Lee", NULL);
  struct { const char *query; SwPerson **who; gboolean match; } cases[] = {
    { NULL, &person, TRUE },
    { "   ", &person, TRUE },
    { "张", &person, TRUE },
    { "用电", &person, TRUE },
    { "张 用电科", &person, TRUE },
    { "张 稽审科", &person, FALSE },
    { "1380013", &person, TRUE },
    { "1390013", &person, FALSE },
    { "ANNA", &english, TRUE },
    { "anna  lee", &english, TRUE },
    { "zhang@example", &person, TRUE },
    { "Manager", &person, TRUE },
    { "Lee Bob", &english, FALSE },
    { "高压电工", &person, TRUE },
    { "电工 用电科", &person, TRUE },
    { "焊工", &person, FALSE },
  };
  const char *skills[] = { "高压电工", "驾驶", NULL };

  sw_person_set_skills (person, skills);
  sw_person_set_phone (person, "13800138000");
  sw_person_set_email (person, "Zhang@Example.com");
  sw_person_set_title (person, "Manager");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *query = sw_ui_state_normalize_query (cases[i].query);

      g_assert_cmpint (sw_person_search_matches (*cases[i].who, query), ==, cases[i].match);
    }

  {
    const char *haystack = sw_person_search_text (person);

    g_assert_true (g_str_has_prefix (haystack, "张伟\n13800138000\nzhang@example.com\nmanager\n用电科\n"));
    g_assert_true (sw_ui_state_haystack_matches (haystack, "zhang 138"));
    g_assert_true (sw_ui_state_haystack_matches (haystack, ""));
    g_assert_true (sw_ui_state_haystack_matches (haystack, NULL));
    g_assert_false (sw_ui_state_haystack_matches (haystack, "zhang 139"));
    g_assert_false (sw_ui_state_haystack_matches (haystack, "000zhang"));
    g_assert_false (sw_ui_state_haystack_matches (haystack, "zhangwei138"));
  }

  {
    g_autofree char *normalized = sw_ui_state_normalize_query ("  Anna \t LEE ");
    g_autofree char *invalid = sw_ui_state_normalize_query ("\xff\xfe");

    g_assert_cmpstr (normalized, ==, "anna lee");
    g_assert_cmpstr (invalid, ==, "");
  }
}

static void
test_move_department (void)
{
  g_autoptr(GListStore) store = g_list_store_new (SW_TYPE_DEPARTMENT);
  g_autoptr(SwDepartment) a = sw_department_new ("A");
  g_autoptr(SwDepartment) b = sw_department_new ("B");
  g_autoptr(SwDepartment) c = sw_department_new ("C");
  g_autoptr(SwDepartment) stranger = sw_department_new ("X");
  SwDepartment *departments[2] = { NULL, NULL };
  int positions[2] = { 0, 0 };

  sw_department_set_position (a, 0);
  sw_department_set_position (b, 4);
  sw_department_set_position (c, 4);
  g_list_store_append (store, a);
  g_list_store_append (store, b);
  g_list_store_append (store, c);

  g_assert_true (sw_ui_state_move_department (G_LIST_MODEL (store), b, -1, departments, positions));
  g_assert_true (departments[0] == b);
  g_assert_cmpint (positions[0], ==, 0);
  g_assert_true (departments[1] == a);
  g_assert_cmpint (positions[1], ==, 4);

  /* Equal positions become distinct, in the wanted order. */
  g_assert_true (sw_ui_state_move_department (G_LIST_MODEL (store), b, 1, departments, positions));
  g_assert_true (departments[0] == b && departments[1] == c);
  g_assert_cmpint (positions[0], >, positions[1]);

  g_assert_false (sw_ui_state_move_department (G_LIST_MODEL (store), a, -1, departments, positions));
  g_assert_false (sw_ui_state_move_department (G_LIST_MODEL (store), c, 1, departments, positions));
  g_assert_false (sw_ui_state_move_department (G_LIST_MODEL (store), stranger, 1, departments, positions));

  g_assert_cmpint (sw_ui_state_next_position (G_LIST_MODEL (store)), ==, 5);
  g_list_store_remove_all (store);
  g_assert_cmpint (sw_ui_state_next_position (G_LIST_MODEL (store)), ==, 0);
}

static void
test_toast_kind (void)
{
  g_autoptr(SwPlan) plan = sw_plan_new ("Week", day_of ("2026-09-20"), day_of ("2026-09-26"), NULL);
  g_autoptr(SwSlot) slot = sw_slot_new (SW_SLOT_KIND_FORUM, "Forum", minutes_of ("2026-09-21T09:00"), minutes_of ("2026-09-21T10:00"));
  g_autoptr(SwPerson) ann = sw_person_new ("Ann", NULL);
  g_autoptr(SwPerson) bob = sw_person_new ("Bob", NULL);
  g_autoptr(SwAssignment) first = sw_assignment_new (ann, NULL);
  g_autoptr(SwAssignment) second = sw_assignment_new (bob, NULL);
  g_autoptr(SwTask) task = sw_task_new ("Leaflets");
  g_autoptr(SwCommand) assign_one = NULL;
  g_autoptr(SwCommand) assign_two = NULL;
  g_autoptr(SwCommand) delete_task = NULL;
  g_autoptr(SwCommand) add_task = NULL;
  g_autoptr(SwCommand) rename = NULL;
  g_auto(GValue) value = G_VALUE_INIT;

  assign_one = sw_command_group_new ("Assign Ann");
  sw_command_group_add (SW_COMMAND_GROUP (assign_one),
                        sw_list_command_new_insert (G_OBJECT (slot), "assignments", first, G_MAXUINT));
  g_assert_cmpint (sw_ui_state_toast_kind (assign_one), ==, SW_UI_TOAST_ASSIGNMENT);

  assign_two = sw_command_group_new ("Auto-fill");
  sw_command_group_add (SW_COMMAND_GROUP (assign_two),
                        sw_list_command_new_insert (G_OBJECT (slot), "assignments", first, G_MAXUINT));
  sw_command_group_add (SW_COMMAND_GROUP (assign_two),
                        sw_list_command_new_insert (G_OBJECT (slot), "assignments", second, G_MAXUINT));
  g_assert_cmpint (sw_ui_state_toast_kind (assign_two), ==, SW_UI_TOAST_NONE);

  g_list_store_append (G_LIST_STORE (sw_plan_get_tasks (plan)), task);
  delete_task = sw_list_command_new_remove (G_OBJECT (plan), "tasks", task);
  g_assert_cmpint (sw_ui_state_toast_kind (delete_task), ==, SW_UI_TOAST_DELETION);

  add_task = sw_list_command_new_insert (G_OBJECT (plan), "tasks", task, G_MAXUINT);
  g_assert_cmpint (sw_ui_state_toast_kind (add_task), ==, SW_UI_TOAST_NONE);

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, "Posters");
  rename = sw_property_command_new (G_OBJECT (task), "title", &value);
  g_assert_cmpint (sw_ui_state_toast_kind (rename), ==, SW_UI_TOAST_NONE);
}

static void
test_parse_time_of_day (void)
{
  struct { const char *text; gboolean ok; int minute; } cases[] = {
    { "9:30", TRUE, 570 }, { "09:30", TRUE, 570 }, { " 17:05 ", TRUE, 1025 },
    { "930", TRUE, 570 }, { "1700", TRUE, 1020 }, { "8", TRUE, 480 }, { "23:59", TRUE, 1439 },
    { "0:00", TRUE, 0 }, { "9.15", TRUE, 555 },
    { "24:00", FALSE, 0 }, { "12:60", FALSE, 0 }, { "9:5", FALSE, 0 }, { "", FALSE, 0 },
    { "noon", FALSE, 0 }, { "12345", FALSE, 0 }, { ":30", FALSE, 0 }, { NULL, FALSE, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      int minute = -1;
      gboolean ok = sw_ui_state_parse_time_of_day (cases[i].text, &minute);

      g_assert_cmpint (ok, ==, cases[i].ok);
      if (ok)
        g_assert_cmpint (minute, ==, cases[i].minute);
      else
        g_assert_cmpint (minute, ==, -1);
    }
}

static void
test_check_plan (void)
{
  int first = day_of ("2026-09-20");

  g_assert_null (sw_ui_state_check_plan ("Week", first, first + 6, "Asia/Shanghai"));
  g_assert_null (sw_ui_state_check_plan ("One day", first, first, "Europe/Berlin"));
  g_assert_cmpstr (sw_ui_state_check_plan ("  ", first, first, "Asia/Shanghai"), ==, "The plan needs a title");
  g_assert_cmpstr (sw_ui_state_check_plan ("Week", first, first - 1, "Asia/Shanghai"), ==,
                   "The last day is before the first day");
  g_assert_nonnull (sw_ui_state_check_plan ("Week", first, first, "Mars/Olympus"));
  g_assert_nonnull (sw_ui_state_check_plan ("Week", first, first, ""));
}

static void
test_problem_count (void)
{
  g_autofree char *none = sw_ui_state_format_problem_count (0);
  g_autofree char *one = sw_ui_state_format_problem_count (1);
  g_autofree char *many = sw_ui_state_format_problem_count (12);

  g_assert_cmpstr (none, ==, "No problems");
  g_assert_cmpstr (one, ==, "1 problem");
  g_assert_cmpstr (many, ==, "12 problems");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ui-state/minutes-by-person", test_minutes_by_person);
  g_test_add_func ("/ui-state/format-hours", test_format_hours);
  g_test_add_func ("/ui-state/committees-by-person", test_committees_by_person);
  g_test_add_func ("/ui-state/due-state", test_due_state);
  g_test_add_func ("/ui-state/person-matches", test_person_matches);
  g_test_add_func ("/ui-state/person-pinyin", test_person_pinyin);
  g_test_add_func ("/ui-state/move-department", test_move_department);
  g_test_add_func ("/ui-state/toast-kind", test_toast_kind);
  g_test_add_func ("/ui-state/parse-time-of-day", test_parse_time_of_day);
  g_test_add_func ("/ui-state/check-plan", test_check_plan);
  g_test_add_func ("/ui-state/problem-count", test_problem_count);

  return g_test_run ();
}
