/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sw-core.h"

/* Times of the week 2026-09-20 … 2026-09-26. */
#define T(d, h, m) sw_time_from_ymdhm (2026, 9, (d), (h), (m))
#define BEFORE_PLAN T (1, 0, 0)

typedef struct
{
  SwOrganisation *org;
  SwPlan         *plan;
  SwDepartment   *station;   /* 直属供电所 */
  SwDepartment   *audit;     /* 稽审科 */
} Fixture;

/* The test's own words for an overlap: two non-empty slots that share a
 * minute. */
static gboolean
spans_share_a_minute (SwSlot *a,
                      SwSlot *b)
{
  return sw_slot_get_start (a) < sw_slot_get_end (b) && sw_slot_get_start (b) < sw_slot_get_end (a) &&
         sw_slot_get_start (a) < sw_slot_get_end (a) && sw_slot_get_start (b) < sw_slot_get_end (b);
}

static void
add (Fixture  *fx,
     gpointer  owner,
     const char *list,
     gpointer  item)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sw_edit_add (fx->org, owner, list, item, &error));
  g_assert_no_error (error);
}

static SwDepartment *
add_department (Fixture    *fx,
                const char *name)
{
  g_autoptr(SwDepartment) department = sw_department_new (name);

  add (fx, fx->org, "departments", department);
  return department;
}

static SwPerson *
add_person (Fixture      *fx,
            const char   *name,
            SwDepartment *department)
{
  g_autoptr(SwPerson) person = sw_person_new (name, department);

  add (fx, fx->org, "people", person);
  return person;
}

static SwSlot *
add_slot (Fixture    *fx,
          const char *title,
          gint64      start,
          gint64      end)
{
  g_autoptr(SwSlot) slot = sw_slot_new (SW_SLOT_KIND_SERVICE_DESK, title, start, end);

  add (fx, fx->plan, "slots", slot);
  return slot;
}

static SwDuty *
add_duty (Fixture      *fx,
          SwSlot       *slot,
          const char   *name,
          guint         count,
          SwDepartment *department)
{
  g_autoptr(SwDuty) duty = sw_duty_new (name, count, department);

  add (fx, slot, "duties", duty);
  return duty;
}

static void
assign (Fixture  *fx,
        SwSlot   *slot,
        SwPerson *person,
        SwDuty   *duty)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sw_edit_assign (fx->org, slot, person, duty, &error));
  g_assert_no_error (error);
}

static SwTask *
add_task (Fixture      *fx,
          const char   *title,
          gint64        due,
          SwTaskStatus  status)
{
  g_autoptr(SwTask) task = sw_task_new (title);

  sw_task_set_due (task, due);
  sw_task_set_status (task, status);
  add (fx, fx->plan, "tasks", task);
  return task;
}

static void
fixture_setup (Fixture       *fx,
               gconstpointer  data)
{
  g_autoptr(SwPlan) plan = sw_plan_new ("服务周", sw_time_day_of (T (20, 0, 0)),
                                        sw_time_day_of (T (26, 0, 0)), "Asia/Shanghai");

  fx->org = sw_organisation_new ();
  fx->plan = plan;
  add (fx, fx->org, "plans", plan);
  fx->station = add_department (fx, "直属供电所");
  fx->audit = add_department (fx, "稽审科");
}

static void
fixture_teardown (Fixture       *fx,
                  gconstpointer  data)
{
  /* Commands on "plans" and "people" hold the organisation: a cycle that
   * clearing the stack breaks. */
  sw_undo_stack_clear (sw_organisation_get_undo_stack (fx->org));
  g_clear_object (&fx->org);
}

static GListStore *
compute (Fixture *fx,
         gint64   now)
{
  GListStore *problems = sw_problems_compute (fx->plan, now);

  g_assert_nonnull (problems);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (problems)) == SW_TYPE_PROBLEM);
  return problems;
}

static SwProblem *
nth (GListStore *problems,
     guint       i)
{
  g_autoptr(SwProblem) problem = g_list_model_get_item (G_LIST_MODEL (problems), i);

  g_assert_nonnull (problem);
  return problem;   /* the store keeps it */
}

static guint
count (GListStore *problems)
{
  return g_list_model_get_n_items (G_LIST_MODEL (problems));
}

/* ---- one test per kind ---------------------------------------------- */

static void
test_unfilled_duty (Fixture       *fx,
                    gconstpointer  data)
{
  SwSlot *desk = add_slot (fx, "服务台", T (23, 9, 0), T (23, 11, 0));
  SwDuty *repairs = add_duty (fx, desk, "现场抢修", 2, fx->station);
  SwDuty *complaints = add_duty (fx, desk, "受理举报投诉", 1, fx->audit);
  SwPerson *li = add_person (fx, "李明", fx->station);
  SwPerson *wang = add_person (fx, "王芳", fx->audit);
  g_autoptr(GListStore) problems = NULL;
  SwProblem *problem;

  assign (fx, desk, li, repairs);
  assign (fx, desk, wang, complaints);

  problems = compute (fx, BEFORE_PLAN);
  g_assert_cmpuint (count (problems), ==, 1);
  problem = nth (problems, 0);
  g_assert_cmpint (sw_problem_get_kind (problem), ==, SW_PROBLEM_UNFILLED_DUTY);
  g_assert_true (sw_problem_get_slot (problem) == desk);
  g_assert_true (sw_problem_get_duty (problem) == repairs);
  g_assert_null (sw_problem_get_other_slot (problem));
  g_assert_null (sw_problem_get_person (problem));
  g_assert_null (sw_problem_get_task (problem));
  g_assert_cmpstr (sw_problem_get_message (problem), ==,
                   "服务台 on Wed 23 Sep 09:00: duty “现场抢修” has 1 of 2 people");
}

static void
test_unfilled_duty_empty (Fixture       *fx,
                          gconstpointer  data)
{
  SwSlot *desk = add_slot (fx, "服务台", T (23, 9, 0), T (23, 11, 0));
  SwDuty *complaints = add_duty (fx, desk, "受理举报投诉", 1, NULL);
  SwPerson *li = add_person (fx, "李明", fx->station);
  g_autoptr(GListStore) problems = NULL;
  g_autoptr(GListStore) after = NULL;

  /* An attendee without a duty does not fill it. */
  assign (fx, desk, li, NULL);

  problems = compute (fx, BEFORE_PLAN);
  g_assert_cmpuint (count (problems), ==, 1);
  g_assert_true (sw_problem_get_duty (nth (problems, 0)) == complaints);
  g_assert_cmpstr (sw_problem_get_message (nth (problems, 0)), ==,
                   "服务台 on Wed 23 Sep 09:00: duty “受理举报投诉” has 0 of 1 person");

  g_assert_true (sw_edit_unassign (fx->org, desk, li, NULL));
  assign (fx, desk, li, complaints);
  after = compute (fx, BEFORE_PLAN);
  g_assert_cmpuint (count (after), ==, 0);
}

static void
test_double_booking (Fixture       *fx,
                     gconstpointer  data)
{
  SwSlot *forum = add_slot (fx, "客户座谈会", T (22, 9, 0), T (22, 11, 0));
  SwSlot *visit = add_slot (fx, "走访客户", T (22, 10, 30), T (22, 12, 0));
  SwSlot *later = add_slot (fx, "总结会", T (22, 14, 0), T (22, 15, 0));
  SwPerson *li = add_person (fx, "李明", fx->station);
  SwPerson *wang = add_person (fx, "王芳", fx->audit);
  g_autoptr(GListStore) problems = NULL;
  SwProblem *problem;

  /* Added in reverse order: the problem still names the earlier slot first. */
  assign (fx, later, li, NULL);
  assign (fx, visit, li, NULL);
  assign (fx, forum, li, NULL);
  assign (fx, forum, wang, NULL);   /* only one slot: fine */

  problems = compute (fx, BEFORE_PLAN);
  g_assert_cmpuint (count (problems), ==, 1);
  problem = nth (problems, 0);
  g_assert_cmpint (sw_problem_get_kind (problem), ==, SW_PROBLEM_DOUBLE_BOOKING);
  g_assert_true (sw_problem_get_person (problem) == li);
  g_assert_true (sw_problem_get_slot (problem) == forum);
  g_assert_true (sw_problem_get_other_slot (problem) == visit);
  g_assert_null (sw_problem_get_duty (problem));
  g_assert_null (sw_problem_get_task (problem));
  g_assert_cmpstr (sw_problem_get_message (problem), ==,
                   "李明 is on two slots at once: “客户座谈会” (Tue 22 Sep 09:00) "
                   "and “走访客户” (Tue 22 Sep 10:30)");
}

static void
test_double_booking_pairs (Fixture       *fx,
                           gconstpointer  data)
{
  /* A long slot overlapping two short ones that do not overlap each other,
   * and a third short one nested in the long one too: one problem per
   * overlapping pair. */
  SwSlot *day = add_slot (fx, "A 全天值守", T (24, 8, 0), T (24, 18, 0));
  SwSlot *morning = add_slot (fx, "B 上午", T (24, 9, 0), T (24, 12, 0));
  SwSlot *noon = add_slot (fx, "C 中午", T (24, 11, 0), T (24, 13, 0));
  SwSlot *evening = add_slot (fx, "D 下午", T (24, 14, 0), T (24, 16, 0));
  SwPerson *li = add_person (fx, "李明", fx->station);
  g_autoptr(GListStore) problems = NULL;

  assign (fx, evening, li, NULL);
  assign (fx, day, li, NULL);
  assign (fx, noon, li, NULL);
  assign (fx, morning, li, NULL);

  problems = compute (fx, BEFORE_PLAN);
  /* A–B, A–C, A–D, B–C */
  g_assert_cmpuint (count (problems), ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      g_assert_cmpint (sw_problem_get_kind (nth (problems, i)), ==, SW_PROBLEM_DOUBLE_BOOKING);
      g_assert_true (sw_problem_get_person (nth (problems, i)) == li);
    }
  /* Ordered by the start of the first slot, then by message. */
  g_assert_true (sw_problem_get_slot (nth (problems, 0)) == day);
  g_assert_true (sw_problem_get_other_slot (nth (problems, 0)) == morning);
  g_assert_true (sw_problem_get_slot (nth (problems, 1)) == day);
  g_assert_true (sw_problem_get_other_slot (nth (problems, 1)) == noon);
  g_assert_true (sw_problem_get_slot (nth (problems, 2)) == day);
  g_assert_true (sw_problem_get_other_slot (nth (problems, 2)) == evening);
  g_assert_true (sw_problem_get_slot (nth (problems, 3)) == morning);
  g_assert_true (sw_problem_get_other_slot (nth (problems, 3)) == noon);
}

static void
test_double_booking_touching (Fixture       *fx,
                              gconstpointer  data)
{
  SwSlot *first = add_slot (fx, "上午", T (24, 9, 0), T (24, 11, 0));
  SwSlot *second = add_slot (fx, "中午", T (24, 11, 0), T (24, 12, 0));
  SwPerson *li = add_person (fx, "李明", fx->station);
  g_autoptr(GListStore) problems = NULL;
  g_autoptr(GListStore) moved = NULL;
  g_autoptr(GError) error = NULL;

  assign (fx, first, li, NULL);
  assign (fx, second, li, NULL);

  problems = compute (fx, BEFORE_PLAN);
  g_assert_cmpuint (count (problems), ==, 0);

  /* One minute of overlap is a double booking. */
  g_assert_true (sw_edit_move_slot (fx->org, second, T (24, 10, 59), T (24, 12, 0), &error));
  g_assert_no_error (error);
  moved = compute (fx, BEFORE_PLAN);
  g_assert_cmpuint (count (moved), ==, 1);
  g_assert_cmpint (sw_problem_get_kind (nth (moved, 0)), ==, SW_PROBLEM_DOUBLE_BOOKING);
}

static void
test_unavailable (Fixture       *fx,
                  gconstpointer  data)
{
  SwSlot *desk = add_slot (fx, "服务台", T (23, 9, 0), T (23, 11, 0));
  SwPerson *li = add_person (fx, "李明", fx->station);
  SwPerson *wang = add_person (fx, "王芳", fx->station);
  g_autoptr(SwUnavailability) training = sw_unavailability_new (T (23, 8, 0), T (23, 10, 0), "培训");
  g_autoptr(SwUnavailability) before = sw_unavailability_new (T (23, 7, 0), T (23, 9, 0), "");
  g_autoptr(GListStore) problems = NULL;
  SwProblem *problem;

  add (fx, li, "unavailability", training);
  add (fx, wang, "unavailability", before);   /* ends as the slot starts */
  assign (fx, desk, li, NULL);
  assign (fx, desk, wang, NULL);

  problems = compute (fx, BEFORE_PLAN);
  g_assert_cmpuint (count (problems), ==, 1);
  problem = nth (problems, 0);
  g_assert_cmpint (sw_problem_get_kind (problem), ==, SW_PROBLEM_UNAVAILABLE);
  g_assert_true (sw_problem_get_person (problem) == li);
  g_assert_true (sw_problem_get_slot (problem) == desk);
  g_assert_null (sw_problem_get_other_slot (problem));
  g_assert_null (sw_problem_get_task (problem));
  g_assert_cmpstr (sw_problem_get_message (problem), ==,
                   "李明 is on “服务台” (Wed 23 Sep 09:00) but unavailable "
                   "from Wed 23 Sep 08:00 to Wed 23 Sep 10:00: 培训");
}

static void
test_unavailable_no_reason (Fixture       *fx,
                            gconstpointer  data)
{
  SwSlot *desk = add_slot (fx, "服务台", T (23, 9, 0), T (23, 11, 0));
  SwPerson *wang = add_person (fx, "王芳", fx->station);
  g_autoptr(SwUnavailability) after = sw_unavailability_new (T (23, 10, 59), T (23, 18, 0), NULL);
  g_autoptr(GListStore) problems = NULL;

  add (fx, wang, "unavailability", after);
  assign (fx, desk, wang, NULL);

  problems = compute (fx, BEFORE_PLAN);
  g_assert_cmpuint (count (problems), ==, 1);
  g_assert_cmpint (sw_problem_get_kind (nth (problems, 0)), ==, SW_PROBLEM_UNAVAILABLE);
  g_assert_cmpstr (sw_problem_get_message (nth (problems, 0)), ==,
                   "王芳 is on “服务台” (Wed 23 Sep 09:00) but unavailable "
                   "from Wed 23 Sep 10:59 to Wed 23 Sep 18:00");
}

static void
test_wrong_department (Fixture       *fx,
                       gconstpointer  data)
{
  SwSlot *desk = add_slot (fx, "服务台", T (23, 9, 0), T (23, 11, 0));
  SwDuty *repairs = add_duty (fx, desk, "现场抢修", 1, fx->station);
  SwDuty *leaflets = add_duty (fx, desk, "发放资料", 1, NULL);
  SwPerson *wang = add_person (fx, "王芳", fx->audit);
  SwPerson *zhao = add_person (fx, "赵强", fx->audit);
  g_autoptr(GListStore) problems = NULL;
  SwProblem *problem;

  assign (fx, desk, wang, repairs);
  assign (fx, desk, zhao, leaflets);   /* any department will do */

  problems = compute (fx, BEFORE_PLAN);
  g_assert_cmpuint (count (problems), ==, 1);
  problem = nth (problems, 0);
  g_assert_cmpint (sw_problem_get_kind (problem), ==, SW_PROBLEM_WRONG_DEPARTMENT);
  g_assert_true (sw_problem_get_person (problem) == wang);
  g_assert_true (sw_problem_get_slot (problem) == desk);
  g_assert_true (sw_problem_get_duty (problem) == repairs);
  g_assert_null (sw_problem_get_task (problem));
  g_assert_cmpstr (sw_problem_get_message (problem), ==,
                   "王芳 (稽审科) fills “现场抢修” on “服务台” (Wed 23 Sep 09:00), "
                   "which needs someone from 直属供电所");
}

static void
test_wrong_department_none (Fixture       *fx,
                            gconstpointer  data)
{
  SwSlot *desk = add_slot (fx, "服务台", T (23, 9, 0), T (23, 11, 0));
  SwDuty *repairs = add_duty (fx, desk, "现场抢修", 1, fx->station);
  SwPerson *guest = add_person (fx, "陈静", NULL);
  g_autoptr(GListStore) problems = NULL;

  assign (fx, desk, guest, repairs);

  problems = compute (fx, BEFORE_PLAN);
  g_assert_cmpuint (count (problems), ==, 1);
  g_assert_cmpint (sw_problem_get_kind (nth (problems, 0)), ==, SW_PROBLEM_WRONG_DEPARTMENT);
  g_assert_true (sw_problem_get_person (nth (problems, 0)) == guest);
  g_assert_cmpstr (sw_problem_get_message (nth (problems, 0)), ==,
                   "陈静 (no department) fills “现场抢修” on “服务台” (Wed 23 Sep 09:00), "
                   "which needs someone from 直属供电所");
}

static void
test_overdue_task (Fixture       *fx,
                   gconstpointer  data)
{
  SwSlot *meeting = add_slot (fx, "动员大会", T (20, 14, 0), T (20, 16, 0));
  SwPerson *li = add_person (fx, "李明", fx->station);
  SwTask *preview = add_task (fx, "活动前预告", T (19, 17, 0), SW_TASK_STATUS_DOING);
  gint64 now = T (20, 8, 0);
  g_autoptr(GListStore) problems = NULL;
  g_autoptr(GListStore) done = NULL;
  g_autoptr(GError) error = NULL;
  SwProblem *problem;

  g_assert_true (sw_undo_stack_set (sw_organisation_get_undo_stack (fx->org), &error,
                                    preview, "person", li));
  g_assert_no_error (error);
  g_assert_true (sw_undo_stack_set (sw_organisation_get_undo_stack (fx->org), &error,
                                    preview, "slot", meeting));
  g_assert_no_error (error);
  add_task (fx, "宣传报道", T (19, 12, 0), SW_TASK_STATUS_DONE);
  add_task (fx, "总结材料", T (20, 8, 0), SW_TASK_STATUS_TODO);   /* due exactly now */
  add_task (fx, "布置现场", SW_TIME_UNSET, SW_TASK_STATUS_TODO);   /* no due time */

  problems = compute (fx, now);
  g_assert_cmpuint (count (problems), ==, 1);
  problem = nth (problems, 0);
  g_assert_cmpint (sw_problem_get_kind (problem), ==, SW_PROBLEM_OVERDUE_TASK);
  g_assert_true (sw_problem_get_task (problem) == preview);
  g_assert_true (sw_problem_get_person (problem) == li);
  g_assert_true (sw_problem_get_slot (problem) == meeting);
  g_assert_null (sw_problem_get_duty (problem));
  g_assert_cmpstr (sw_problem_get_message (problem), ==,
                   "Task “活动前预告” (李明) was due on Sat 19 Sep 17:00");

  g_assert_true (sw_undo_stack_set (sw_organisation_get_undo_stack (fx->org), &error,
                                    preview, "status", SW_TASK_STATUS_DONE));
  g_assert_no_error (error);
  done = compute (fx, now);
  g_assert_cmpuint (count (done), ==, 0);
}

static void
test_overdue_task_owners (Fixture       *fx,
                          gconstpointer  data)
{
  SwTask *topic = add_task (fx, "宣传资料：安全用电", T (18, 17, 0), SW_TASK_STATUS_TODO);
  SwTask *anonymous = add_task (fx, "横幅", T (18, 9, 0), SW_TASK_STATUS_TODO);
  g_autoptr(GListStore) problems = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (sw_undo_stack_set (sw_organisation_get_undo_stack (fx->org), &error,
                                    topic, "department", fx->audit));
  g_assert_no_error (error);

  /* One minute after the due time is overdue. */
  problems = compute (fx, T (18, 17, 1));
  g_assert_cmpuint (count (problems), ==, 2);
  g_assert_true (sw_problem_get_task (nth (problems, 0)) == anonymous);
  g_assert_null (sw_problem_get_person (nth (problems, 0)));
  g_assert_null (sw_problem_get_slot (nth (problems, 0)));
  g_assert_cmpstr (sw_problem_get_message (nth (problems, 0)), ==,
                   "Task “横幅” was due on Fri 18 Sep 09:00");
  g_assert_true (sw_problem_get_task (nth (problems, 1)) == topic);
  g_assert_cmpstr (sw_problem_get_message (nth (problems, 1)), ==,
                   "Task “宣传资料：安全用电” (稽审科) was due on Fri 18 Sep 17:00");
}

static void
test_outside_plan (Fixture       *fx,
                   gconstpointer  data)
{
  SwSlot *early = add_slot (fx, "预热宣传", T (19, 23, 0), T (20, 1, 0));
  SwSlot *late = add_slot (fx, "总结会", T (26, 23, 0), T (27, 0, 1));
  g_autoptr(GListStore) problems = NULL;
  SwProblem *problem;

  add_slot (fx, "第一场", T (20, 0, 0), T (20, 1, 0));   /* the very first minute */
  add_slot (fx, "夜间值班", T (26, 20, 0), T (27, 0, 0)); /* ends at midnight after the last day */

  problems = compute (fx, BEFORE_PLAN);
  g_assert_cmpuint (count (problems), ==, 2);

  problem = nth (problems, 0);
  g_assert_cmpint (sw_problem_get_kind (problem), ==, SW_PROBLEM_OUTSIDE_PLAN);
  g_assert_true (sw_problem_get_slot (problem) == early);
  g_assert_null (sw_problem_get_person (problem));
  g_assert_null (sw_problem_get_duty (problem));
  g_assert_cmpstr (sw_problem_get_message (problem), ==,
                   "“预热宣传” (Sat 19 Sep 23:00) is outside the plan's dates "
                   "20 Sep 2026 to 26 Sep 2026");

  problem = nth (problems, 1);
  g_assert_cmpint (sw_problem_get_kind (problem), ==, SW_PROBLEM_OUTSIDE_PLAN);
  g_assert_true (sw_problem_get_slot (problem) == late);
  g_assert_cmpstr (sw_problem_get_message (problem), ==,
                   "“总结会” (Sat 26 Sep 23:00) is outside the plan's dates "
                   "20 Sep 2026 to 26 Sep 2026");
}

/* ---- whole plans ------------------------------------------------------ */

static void
test_clean_plan (Fixture       *fx,
                 gconstpointer  data)
{
  SwSlot *meeting = add_slot (fx, "动员大会", T (20, 14, 0), T (20, 16, 0));
  SwSlot *desk = add_slot (fx, "服务台", T (23, 9, 0), T (23, 11, 0));
  SwSlot *onsite = add_slot (fx, "上门服务", T (23, 11, 0), T (23, 17, 0));
  SwDuty *consult = add_duty (fx, desk, "受理报装/咨询", 2, fx->station);
  SwDuty *complaints = add_duty (fx, desk, "受理举报投诉", 1, fx->audit);
  SwDuty *repairs = add_duty (fx, onsite, "现场抢修", 1, NULL);
  SwPerson *li = add_person (fx, "李明", fx->station);
  SwPerson *zhou = add_person (fx, "周磊", fx->station);
  SwPerson *wang = add_person (fx, "王芳", fx->audit);
  g_autoptr(SwUnavailability) away = sw_unavailability_new (T (23, 17, 0), T (24, 9, 0), "出差");
  g_autoptr(GListStore) problems = NULL;

  add (fx, li, "unavailability", away);
  assign (fx, meeting, li, NULL);
  assign (fx, meeting, wang, NULL);
  assign (fx, desk, li, consult);
  assign (fx, desk, zhou, consult);
  assign (fx, desk, wang, complaints);
  assign (fx, onsite, li, repairs);     /* starts as the desk ends */
  add_task (fx, "宣传资料", T (19, 17, 0), SW_TASK_STATUS_DONE);
  add_task (fx, "总结材料", T (30, 17, 0), SW_TASK_STATUS_TODO);

  problems = compute (fx, T (21, 12, 0));
  g_assert_cmpuint (count (problems), ==, 0);
}

static void
test_order (Fixture       *fx,
            gconstpointer  data)
{
  SwSlot *late = add_slot (fx, "B 晚", T (25, 9, 0), T (25, 11, 0));
  SwSlot *early = add_slot (fx, "A 早", T (21, 9, 0), T (21, 11, 0));
  SwSlot *outside = add_slot (fx, "场外", T (28, 9, 0), T (28, 11, 0));
  SwDuty *late_duty = add_duty (fx, late, "乙", 1, NULL);
  SwDuty *early_b = add_duty (fx, early, "乙", 1, NULL);
  SwDuty *early_a = add_duty (fx, early, "甲", 1, NULL);
  g_autoptr(GListStore) problems = NULL;
  SwProblemKind last_kind = 0;

  add_task (fx, "逾期", T (1, 9, 0), SW_TASK_STATUS_TODO);

  problems = compute (fx, T (2, 0, 0));
  g_assert_cmpuint (count (problems), ==, 5);
  for (guint i = 0; i < count (problems); i++)
    {
      SwProblemKind kind = sw_problem_get_kind (nth (problems, i));

      g_assert_cmpint (kind, >=, last_kind);
      last_kind = kind;
    }
  /* Unfilled first, by slot start, then by message (乙 < 甲 in UTF-8). */
  g_assert_true (sw_problem_get_duty (nth (problems, 0)) == early_b);
  g_assert_true (sw_problem_get_duty (nth (problems, 1)) == early_a);
  g_assert_true (sw_problem_get_duty (nth (problems, 2)) == late_duty);
  g_assert_cmpint (sw_problem_get_kind (nth (problems, 3)), ==, SW_PROBLEM_OVERDUE_TASK);
  g_assert_cmpint (sw_problem_get_kind (nth (problems, 4)), ==, SW_PROBLEM_OUTSIDE_PLAN);
  g_assert_true (sw_problem_get_slot (nth (problems, 4)) == outside);
}

static void
test_other_plan_ignored (Fixture       *fx,
                         gconstpointer  data)
{
  g_autoptr(SwPlan) other = sw_plan_new ("另一周", sw_time_day_of (T (20, 0, 0)),
                                         sw_time_day_of (T (26, 0, 0)), "Asia/Shanghai");
  g_autoptr(SwSlot) there = sw_slot_new (SW_SLOT_KIND_VISIT, "走访", T (22, 9, 0), T (22, 11, 0));
  SwSlot *here = add_slot (fx, "座谈会", T (22, 9, 0), T (22, 11, 0));
  SwPerson *li = add_person (fx, "李明", fx->station);
  g_autoptr(GListStore) problems = NULL;

  add (fx, fx->org, "plans", other);
  add (fx, other, "slots", there);
  assign (fx, here, li, NULL);
  assign (fx, there, li, NULL);

  /* Double bookings are counted within one plan. */
  problems = compute (fx, BEFORE_PLAN);
  g_assert_cmpuint (count (problems), ==, 0);
}

/* ---- the list model ---------------------------------------------------- */

typedef struct
{
  guint emissions;
  guint position;
  guint removed;
  guint added;
} Changes;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Changes    *changes)
{
  changes->emissions++;
  changes->position = position;
  changes->removed = removed;
  changes->added = added;
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, added);
}

static void
test_problem_list (Fixture       *fx,
                   gconstpointer  data)
{
  SwUndoStack *stack = sw_organisation_get_undo_stack (fx->org);
  SwSlot *desk = add_slot (fx, "服务台", T (23, 9, 0), T (23, 11, 0));
  SwDuty *repairs = add_duty (fx, desk, "现场抢修", 2, fx->station);
  SwPerson *li = add_person (fx, "李明", fx->station);
  SwPerson *zhou = add_person (fx, "周磊", fx->station);
  g_autoptr(SwProblemList) list = sw_problem_list_new (fx->org, fx->plan);
  g_autoptr(SwProblem) problem = NULL;
  g_autoptr(GError) error = NULL;
  Changes changes = { 0 };
  guint n_items = 0;

  g_assert_true (G_IS_LIST_MODEL (list));
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == SW_TYPE_PROBLEM);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), 1));
  problem = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpstr (sw_problem_get_message (problem), ==,
                   "服务台 on Wed 23 Sep 09:00: duty “现场抢修” has 0 of 2 people");
  g_object_get (list, "n-items", &n_items, NULL);
  g_assert_cmpuint (n_items, ==, 1);

  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), &changes);

  /* One person: the problem stays, with another message. */
  assign (fx, desk, li, repairs);
  g_assert_cmpuint (changes.emissions, ==, 1);
  g_assert_cmpuint (changes.position, ==, 0);
  g_assert_cmpuint (changes.removed, ==, 1);
  g_assert_cmpuint (changes.added, ==, 1);
  g_clear_object (&problem);
  problem = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpstr (sw_problem_get_message (problem), ==,
                   "服务台 on Wed 23 Sep 09:00: duty “现场抢修” has 1 of 2 people");

  /* Fully staffed: empty. */
  assign (fx, desk, zhou, repairs);
  g_assert_cmpuint (changes.emissions, ==, 2);
  g_assert_cmpuint (changes.removed, ==, 1);
  g_assert_cmpuint (changes.added, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);

  /* An edit that changes no problem emits nothing. */
  g_assert_true (sw_undo_stack_set (stack, &error, desk, "location", "营业厅广场"));
  g_assert_no_error (error);
  g_assert_cmpuint (changes.emissions, ==, 2);
  sw_problem_list_refresh (list);
  g_assert_cmpuint (changes.emissions, ==, 2);

  /* Undo the location, then the second assignment: the problem returns. */
  g_assert_true (sw_undo_stack_undo (stack, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes.emissions, ==, 2);
  g_assert_true (sw_undo_stack_undo (stack, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes.emissions, ==, 3);
  g_assert_cmpuint (changes.removed, ==, 0);
  g_assert_cmpuint (changes.added, ==, 1);
  g_clear_object (&problem);
  problem = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_true (sw_problem_get_duty (problem) == repairs);
  g_assert_cmpstr (sw_problem_get_message (problem), ==,
                   "服务台 on Wed 23 Sep 09:00: duty “现场抢修” has 1 of 2 people");

  /* Redo fills it again. */
  g_assert_true (sw_undo_stack_redo (stack, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes.emissions, ==, 4);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
}

static void
test_problem_list_plan_removed (Fixture       *fx,
                                gconstpointer  data)
{
  SwUndoStack *stack = sw_organisation_get_undo_stack (fx->org);
  SwSlot *desk = add_slot (fx, "服务台", T (23, 9, 0), T (23, 11, 0));
  g_autoptr(SwProblemList) list = NULL;
  g_autoptr(GError) error = NULL;
  Changes changes = { 0 };

  add_duty (fx, desk, "现场抢修", 2, fx->station);
  add_duty (fx, desk, "发放资料", 1, NULL);
  list = sw_problem_list_new (fx->org, fx->plan);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), &changes);

  g_assert_true (sw_edit_delete_plan (fx->org, fx->plan, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  g_assert_cmpuint (changes.emissions, ==, 1);
  g_assert_cmpuint (changes.removed, ==, 2);
  g_assert_cmpuint (changes.added, ==, 0);

  /* Still empty on an explicit refresh while the plan is gone. */
  sw_problem_list_refresh (list);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  g_assert_cmpuint (changes.emissions, ==, 1);

  g_assert_true (sw_undo_stack_undo (stack, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
  g_assert_cmpuint (changes.emissions, ==, 2);
}

static void
test_problem_list_disposed (void)
{
  g_autoptr(SwOrganisation) org = sw_organisation_new ();
  g_autoptr(SwPlan) plan = sw_plan_new ("服务周", 20000, 20006, "Asia/Shanghai");
  g_autoptr(SwProblemList) list = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (sw_edit_add (org, org, "plans", plan, &error));
  g_assert_no_error (error);
  list = sw_problem_list_new (org, plan);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);

  /* Releasing the list first disconnects it from the stack. */
  g_clear_object (&list);
  g_assert_true (sw_undo_stack_set (sw_organisation_get_undo_stack (org), &error,
                                    plan, "title", "新标题"));
  g_assert_no_error (error);
  g_assert_cmpstr (sw_plan_get_title (plan), ==, "新标题");
  sw_undo_stack_clear (sw_organisation_get_undo_stack (org));
}

/* ---- the large organisation -------------------------------------------- */

static void
test_large (Fixture       *fx,
            gconstpointer  data)
{
  enum { N_PEOPLE = 2000, N_SLOTS = 500, N_ASSIGNMENTS = 4000, N_DEPARTMENTS = 20 };
  g_autoptr(GPtrArray) departments = g_ptr_array_new ();
  g_autoptr(GPtrArray) people = g_ptr_array_new ();
  g_autoptr(GPtrArray) slots = g_ptr_array_new ();
  g_autoptr(GPtrArray) duties = g_ptr_array_new ();
  g_autoptr(GHashTable) by_person = g_hash_table_new_full (NULL, NULL, NULL,
                                                           (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GListStore) problems = NULL;
  g_autoptr(GTimer) timer = NULL;
  GHashTableIter iter;
  gpointer value;
  guint expected_double = 0;
  guint found_double = 0;
  guint n_assigned = 0;
  double elapsed;

  for (guint i = 0; i < N_DEPARTMENTS; i++)
    {
      g_autofree char *name = g_strdup_printf ("部门%02u", i);

      g_ptr_array_add (departments, add_department (fx, name));
    }
  for (guint i = 0; i < N_PEOPLE; i++)
    {
      g_autofree char *name = g_strdup_printf ("员工%04u", i);

      g_ptr_array_add (people, add_person (fx, name, departments->pdata[i % N_DEPARTMENTS]));
    }
  for (guint i = 0; i < N_SLOTS; i++)
    {
      g_autofree char *title = g_strdup_printf ("活动%03u", i);
      /* 7 days × 12 starting hours, 1 to 3 hours long: many overlaps. */
      gint64 start = T (20 + (i % 7), 7 + (i / 7) % 12, (i % 4) * 15);
      SwSlot *slot = add_slot (fx, title, start, start + 60 * (1 + i % 3));

      g_ptr_array_add (slots, slot);
      g_ptr_array_add (duties, add_duty (fx, slot, "值守", 10, departments->pdata[i % N_DEPARTMENTS]));
    }

  /* 4,000 assignments: each person on two slots chosen by a fixed rule. */
  for (guint p = 0; n_assigned < N_ASSIGNMENTS; p++)
    {
      SwPerson *person = people->pdata[p % N_PEOPLE];
      guint s = (p * 7 + (p / N_PEOPLE) * 7) % N_SLOTS;
      SwSlot *slot = slots->pdata[s];
      GPtrArray *list;

      if (sw_slot_find_assignment (slot, person) != NULL)
        continue;
      assign (fx, slot, person, duties->pdata[s]);
      n_assigned++;

      list = g_hash_table_lookup (by_person, person);
      if (list == NULL)
        {
          list = g_ptr_array_new ();
          g_hash_table_insert (by_person, person, list);
        }
      g_ptr_array_add (list, slot);
    }

  /* The expected number of double bookings, counted the slow way. */
  g_hash_table_iter_init (&iter, by_person);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      GPtrArray *list = value;

      for (guint a = 0; a < list->len; a++)
        for (guint b = a + 1; b < list->len; b++)
          if (spans_share_a_minute (list->pdata[a], list->pdata[b]))
            expected_double++;
    }
  g_assert_cmpuint (expected_double, >, 0);

  timer = g_timer_new ();
  problems = sw_problems_compute (fx->plan, BEFORE_PLAN);
  elapsed = g_timer_elapsed (timer, NULL);

  for (guint i = 0; i < count (problems); i++)
    if (sw_problem_get_kind (nth (problems, i)) == SW_PROBLEM_DOUBLE_BOOKING)
      found_double++;
  g_assert_cmpuint (found_double, ==, expected_double);

  /* Speed is the benchmark's to judge (build-aux/bench). */
  g_test_message ("%u problems in %.3f s", count (problems), elapsed);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/problems/unfilled-duty", test_unfilled_duty);
  ADD ("/problems/unfilled-duty/empty", test_unfilled_duty_empty);
  ADD ("/problems/double-booking", test_double_booking);
  ADD ("/problems/double-booking/pairs", test_double_booking_pairs);
  ADD ("/problems/double-booking/touching", test_double_booking_touching);
  ADD ("/problems/double-booking/other-plan", test_other_plan_ignored);
  ADD ("/problems/unavailable", test_unavailable);
  ADD ("/problems/unavailable/no-reason", test_unavailable_no_reason);
  ADD ("/problems/wrong-department", test_wrong_department);
  ADD ("/problems/wrong-department/none", test_wrong_department_none);
  ADD ("/problems/overdue-task", test_overdue_task);
  ADD ("/problems/overdue-task/owners", test_overdue_task_owners);
  ADD ("/problems/outside-plan", test_outside_plan);
  ADD ("/problems/clean-plan", test_clean_plan);
  ADD ("/problems/order", test_order);
  ADD ("/problems/large", test_large);
  ADD ("/problem-list/updates", test_problem_list);
  ADD ("/problem-list/plan-removed", test_problem_list_plan_removed);
  g_test_add_func ("/problem-list/disposed", test_problem_list_disposed);

#undef ADD

  return g_test_run ();
}
