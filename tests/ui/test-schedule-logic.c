/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sw-person-search.h"

#include <string.h>

#include "sw-core.h"
#include "sw-schedule-layout.h"

#define T(y, mo, d, h, mi) sw_time_from_ymdhm (y, mo, d, h, mi)

/* Overlapping cards */

static void
test_columns_none (void)
{
  /* No slots: nothing to write, nothing read. */
  sw_schedule_layout_columns (NULL, NULL, 0, NULL, NULL);
}

static void
test_columns_separate (void)
{
  gint64 starts[] = { T (2026, 9, 23, 9, 0), T (2026, 9, 23, 11, 0), T (2026, 9, 23, 14, 0) };
  gint64 ends[] = { T (2026, 9, 23, 11, 0), T (2026, 9, 23, 12, 0), T (2026, 9, 23, 15, 0) };
  guint column[3], n_columns[3];

  /* Touching slots (one ends when the next starts) do not overlap. */
  sw_schedule_layout_columns (starts, ends, 3, column, n_columns);
  for (guint i = 0; i < 3; i++)
    {
      g_assert_cmpuint (column[i], ==, 0);
      g_assert_cmpuint (n_columns[i], ==, 1);
    }
}

static void
test_columns_overlapping (void)
{
  /* Given out of order:
   *   0: 10:00–11:00      (overlaps 1 and 2)
   *   1:  9:00–11:00      (longest, starts first)
   *   2: 10:30–12:00
   *   3: 11:00–12:30      (overlaps 2 only, reuses a column)
   *   4: 14:00–15:00      (alone, its own cluster)
   *   5: 14:00–15:00      (the same time as 4)
   */
  gint64 starts[] = {
    T (2026, 9, 23, 10, 0), T (2026, 9, 23, 9, 0), T (2026, 9, 23, 10, 30),
    T (2026, 9, 23, 11, 0), T (2026, 9, 23, 14, 0), T (2026, 9, 23, 14, 0),
  };
  gint64 ends[] = {
    T (2026, 9, 23, 11, 0), T (2026, 9, 23, 11, 0), T (2026, 9, 23, 12, 0),
    T (2026, 9, 23, 12, 30), T (2026, 9, 23, 15, 0), T (2026, 9, 23, 15, 0),
  };
  guint column[6], n_columns[6];

  sw_schedule_layout_columns (starts, ends, 6, column, n_columns);

  g_assert_cmpuint (column[1], ==, 0);
  g_assert_cmpuint (column[0], ==, 1);
  g_assert_cmpuint (column[2], ==, 2);
  g_assert_cmpuint (column[3], ==, 0);   /* slot 1 ended at 11:00 */
  for (guint i = 0; i < 4; i++)
    g_assert_cmpuint (n_columns[i], ==, 3);

  g_assert_cmpuint (column[4], ==, 0);
  g_assert_cmpuint (column[5], ==, 1);
  g_assert_cmpuint (n_columns[4], ==, 2);
  g_assert_cmpuint (n_columns[5], ==, 2);

  /* No two overlapping slots share a column. */
  for (guint i = 0; i < 6; i++)
    for (guint j = i + 1; j < 6; j++)
      if (starts[i] < ends[j] && starts[j] < ends[i])
        g_assert_cmpuint (column[i], !=, column[j]);
}

static void
test_columns_empty_slot (void)
{
  /* A slot of no length still gets a place of its own. */
  gint64 starts[] = { T (2026, 9, 23, 9, 0), T (2026, 9, 23, 9, 0) };
  gint64 ends[] = { T (2026, 9, 23, 9, 0), T (2026, 9, 23, 10, 0) };
  guint column[2], n_columns[2];

  sw_schedule_layout_columns (starts, ends, 2, column, n_columns);
  g_assert_cmpuint (column[0] + column[1], ==, 1);
  g_assert_cmpuint (n_columns[0], ==, 2);
}

/* Snapping */

static void
test_snap (void)
{
  g_assert_cmpint (sw_schedule_snap (0, 15), ==, 0);
  g_assert_cmpint (sw_schedule_snap (7, 15), ==, 0);
  g_assert_cmpint (sw_schedule_snap (8, 15), ==, 15);
  g_assert_cmpint (sw_schedule_snap (22, 15), ==, 15);
  g_assert_cmpint (sw_schedule_snap (23, 15), ==, 30);
  g_assert_cmpint (sw_schedule_snap (-7, 15), ==, 0);
  g_assert_cmpint (sw_schedule_snap (-8, 15), ==, -15);
  g_assert_cmpint (sw_schedule_snap (T (2026, 9, 23, 9, 52), 15), ==, T (2026, 9, 23, 9, 45));
  g_assert_cmpint (sw_schedule_snap (T (2026, 9, 23, 9, 53), 15), ==, T (2026, 9, 23, 10, 0));
  g_assert_cmpint (sw_schedule_snap (T (2026, 9, 23, 9, 53), 30), ==, T (2026, 9, 23, 10, 0));
}

static void
test_drag (void)
{
  gint64 start, end;

  /* Down by 37 minutes and two days on: 9:37 snaps to 9:30, length kept. */
  sw_schedule_drag_move (T (2026, 9, 23, 9, 0), T (2026, 9, 23, 11, 0), 37, 2, &start, &end);
  g_assert_cmpint (start, ==, T (2026, 9, 25, 9, 30));
  g_assert_cmpint (end, ==, T (2026, 9, 25, 11, 30));

  sw_schedule_drag_move (T (2026, 9, 23, 9, 0), T (2026, 9, 23, 11, 0), -52, -1, &start, &end);
  g_assert_cmpint (start, ==, T (2026, 9, 22, 8, 15));
  g_assert_cmpint (end, ==, T (2026, 9, 22, 10, 15));

  /* An odd start snaps even when not moved far. */
  sw_schedule_drag_move (T (2026, 9, 23, 9, 5), T (2026, 9, 23, 9, 50), 3, 0, &start, &end);
  g_assert_cmpint (start, ==, T (2026, 9, 23, 9, 15));
  g_assert_cmpint (end, ==, T (2026, 9, 23, 10, 0));

  g_assert_cmpint (sw_schedule_drag_resize (T (2026, 9, 23, 9, 0), T (2026, 9, 23, 11, 0), 44),
                   ==, T (2026, 9, 23, 11, 45));
  g_assert_cmpint (sw_schedule_drag_resize (T (2026, 9, 23, 9, 0), T (2026, 9, 23, 11, 0), -50),
                   ==, T (2026, 9, 23, 10, 15));
  /* Never shorter than one step. */
  g_assert_cmpint (sw_schedule_drag_resize (T (2026, 9, 23, 9, 0), T (2026, 9, 23, 11, 0), -500),
                   ==, T (2026, 9, 23, 9, 15));
}

static void
test_hours (void)
{
  gint64 starts[] = { T (2026, 9, 23, 9, 0), T (2026, 9, 24, 6, 30), T (2026, 9, 25, 20, 0) };
  gint64 ends[] = { T (2026, 9, 23, 11, 0), T (2026, 9, 24, 8, 0), T (2026, 9, 25, 21, 10) };
  gint64 late_end[] = { T (2026, 9, 26, 1, 0) };
  int first, last;

  sw_schedule_hour_range (NULL, NULL, 0, 7, 21, &first, &last);
  g_assert_cmpint (first, ==, 7);
  g_assert_cmpint (last, ==, 21);

  sw_schedule_hour_range (starts, ends, 1, 7, 21, &first, &last);
  g_assert_cmpint (first, ==, 7);
  g_assert_cmpint (last, ==, 21);

  /* 6:30 widens to 6:00, 21:10 to 22:00. */
  sw_schedule_hour_range (starts, ends, 3, 7, 21, &first, &last);
  g_assert_cmpint (first, ==, 6);
  g_assert_cmpint (last, ==, 22);

  /* Past midnight: to the end of the day. */
  sw_schedule_hour_range (&starts[2], late_end, 1, 7, 21, &first, &last);
  g_assert_cmpint (first, ==, 7);
  g_assert_cmpint (last, ==, 24);
}

/* The picker's ranking */

typedef struct
{
  SwOrganisation *org;
  SwDepartment   *desk_dept;
  SwDepartment   *audit;
  SwPerson       *ann;      /* desk, free */
  SwPerson       *ben;      /* desk, busy on the forum */
  SwPerson       *cai;      /* audit, free */
  SwPerson       *dai;      /* desk, unavailable */
  SwPerson       *eva;      /* desk, already on the service desk */
  SwPerson       *fan;      /* desk, free, listed after ann */
  SwPerson       *gao;      /* desk, inactive */
  SwPerson       *hu;       /* audit, unavailable without a reason */
  SwPlan         *plan;
  SwSlot         *desk;     /* 9:00–11:00 */
  SwSlot         *forum;    /* 10:00–12:00 */
  SwSlot         *later;    /* 14:00–15:00 */
  SwDuty         *accept;   /* desk dept ×2 */
  SwDuty         *any;      /* no department ×1 */
  SwDuty         *complaints; /* audit ×1 */
} Org;

static void
add (Org *o, gpointer owner, const char *list, gpointer item)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sw_edit_add (o->org, owner, list, item, &error));
  g_assert_no_error (error);
  g_object_unref (item);
}

static SwPerson *
add_person (Org *o, const char *name, SwDepartment *department)
{
  SwPerson *person = sw_person_new (name, department);

  add (o, o->org, "people", person);
  return person;
}

static void
org_setup (Org *o, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  o->org = sw_organisation_new ();
  /* Audit first in the roster: department order must not beat fit. */
  o->audit = sw_department_new ("稽审科");
  add (o, o->org, "departments", o->audit);
  o->desk_dept = sw_department_new ("直属供电所");
  add (o, o->org, "departments", o->desk_dept);

  o->hu = add_person (o, "胡", o->audit);
  o->ann = add_person (o, "Ann", o->desk_dept);
  o->ben = add_person (o, "Ben", o->desk_dept);
  o->cai = add_person (o, "Cai", o->audit);
  o->dai = add_person (o, "Dai", o->desk_dept);
  o->eva = add_person (o, "Eva", o->desk_dept);
  o->fan = add_person (o, "Fan", o->desk_dept);
  o->gao = add_person (o, "Gao", o->desk_dept);
  g_assert_true (sw_undo_stack_set (sw_organisation_get_undo_stack (o->org), &error,
                                    o->gao, "active", FALSE));

  add (o, o->dai, "unavailability",
       sw_unavailability_new (T (2026, 9, 23, 10, 30), T (2026, 9, 23, 17, 0), "出差"));
  add (o, o->hu, "unavailability",
       sw_unavailability_new (T (2026, 9, 23, 8, 0), T (2026, 9, 23, 9, 30), NULL));
  /* Ended before the desk opens: no hindrance. */
  add (o, o->ann, "unavailability",
       sw_unavailability_new (T (2026, 9, 23, 7, 0), T (2026, 9, 23, 9, 0), "early"));

  o->plan = sw_plan_new ("Week", sw_time_day_of (T (2026, 9, 20, 0, 0)),
                         sw_time_day_of (T (2026, 9, 26, 0, 0)), "Asia/Shanghai");
  add (o, o->org, "plans", o->plan);

  o->desk = sw_slot_new (SW_SLOT_KIND_SERVICE_DESK, "广场服务台",
                         T (2026, 9, 23, 9, 0), T (2026, 9, 23, 11, 0));
  add (o, o->plan, "slots", o->desk);
  o->forum = sw_slot_new (SW_SLOT_KIND_FORUM, "服务台", T (2026, 9, 23, 10, 0), T (2026, 9, 23, 12, 0));
  add (o, o->plan, "slots", o->forum);
  o->later = sw_slot_new (SW_SLOT_KIND_MEETING, "Later", T (2026, 9, 23, 14, 0), T (2026, 9, 23, 15, 0));
  add (o, o->plan, "slots", o->later);

  o->accept = sw_duty_new ("受理报装/咨询", 2, o->desk_dept);
  add (o, o->desk, "duties", o->accept);
  o->any = sw_duty_new ("发放资料", 1, NULL);
  add (o, o->desk, "duties", o->any);
  o->complaints = sw_duty_new ("受理举报投诉", 1, o->audit);
  add (o, o->desk, "duties", o->complaints);

  g_assert_true (sw_edit_assign (o->org, o->forum, o->ben, NULL, &error));
  g_assert_true (sw_edit_assign (o->org, o->desk, o->eva, o->accept, &error));
  /* On a slot that does not overlap: still free. */
  g_assert_true (sw_edit_assign (o->org, o->later, o->fan, NULL, &error));
  g_assert_no_error (error);
}

static void
org_teardown (Org *o, gconstpointer data)
{
  g_clear_object (&o->org);
}

typedef struct
{
  SwPerson    *person;
  SwAssignFit  fit;
  const char  *kinds;
} Expected;

static GListStore *
rank (Org    *o,
      SwSlot *slot,
      SwDuty *duty)
{
  g_autoptr(SwRulebook) rulebook = sw_rulebook_new (o->plan);

  return sw_rulebook_rank (rulebook, o->org, slot, duty);
}

static SwDuty *
pick_duty (Org      *o,
           SwSlot   *slot,
           SwPerson *person)
{
  g_autoptr(SwRulebook) rulebook = sw_rulebook_new (o->plan);

  return sw_rulebook_pick_duty (rulebook, slot, person);
}

/* The reason of @person's row in @store. */
static const char *
reason_of (GListStore *store,
           SwPerson   *person)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (store)); i++)
    {
      g_autoptr(SwAssignCandidate) candidate = g_list_model_get_item (G_LIST_MODEL (store), i);

      if (sw_assign_candidate_get_person (candidate) == person)
        return sw_assign_candidate_get_reason (candidate);  /* the store keeps it */
    }
  g_assert_not_reached ();
}

static void
assert_ranking (GListStore     *store,
                const Expected *expected,
                guint           n)
{
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwAssignCandidate) candidate = g_list_model_get_item (G_LIST_MODEL (store), i);
      const char *reason = sw_assign_candidate_get_reason (candidate);

      g_test_message ("%u: %s (%s)", i, sw_person_get_name (sw_assign_candidate_get_person (candidate)),
                      reason);
      g_assert_true (sw_assign_candidate_get_person (candidate) == expected[i].person);
      g_assert_cmpint (sw_assign_candidate_get_fit (candidate), ==, expected[i].fit);
      if (expected[i].fit == SW_ASSIGN_FIT_ON_SLOT)
        g_assert_cmpstr (reason, ==, "already on this slot");
      else
        g_assert_cmpstr (sw_assign_candidate_get_kinds (candidate), ==, expected[i].kinds);
      g_assert_cmpint (reason[0] != '\0', ==, expected[i].fit != SW_ASSIGN_FIT_GOOD);
    }
}

static void
test_rank_department_duty (Org *o, gconstpointer data)
{
  g_autoptr(GListStore) store = rank (o, o->desk, o->accept);
  /* Those who fit first; then those with one hard rule against them, by
   * department and roster order; then Hu with two; Eva is on the slot. */
  const Expected expected[] = {
    { o->ann, SW_ASSIGN_FIT_GOOD, "" },
    { o->fan, SW_ASSIGN_FIT_GOOD, "" },
    { o->cai, SW_ASSIGN_FIT_HARD, "wrong-department" },
    { o->ben, SW_ASSIGN_FIT_HARD, "double-booking" },
    { o->dai, SW_ASSIGN_FIT_HARD, "unavailable" },
    { o->hu, SW_ASSIGN_FIT_HARD, "unavailable,wrong-department" },
    { o->eva, SW_ASSIGN_FIT_ON_SLOT, NULL },
  };

  /* Gao is inactive and not offered at all. */
  assert_ranking (store, expected, G_N_ELEMENTS (expected));
  /* The rulebook's words, as the problems list says them. */
  g_assert_cmpstr (reason_of (store, o->ben), ==,
                   "Ben is on two slots at once: “广场服务台” (Wed 23 Sep 09:00) and “服务台” (Wed 23 Sep 10:00)");
  g_assert_nonnull (strstr (reason_of (store, o->dai), "出差"));
  g_assert_nonnull (strstr (reason_of (store, o->cai), "直属供电所"));
}

static void
test_rank_other_duty (Org *o, gconstpointer data)
{
  g_autoptr(GListStore) store = rank (o, o->desk, o->complaints);
  g_autoptr(GListStore) any = NULL;
  g_autoptr(SwAssignCandidate) first = NULL;
  const Expected expected[] = {
    { o->cai, SW_ASSIGN_FIT_GOOD, "" },
    { o->hu, SW_ASSIGN_FIT_HARD, "unavailable" },
    { o->ann, SW_ASSIGN_FIT_HARD, "wrong-department" },
    { o->fan, SW_ASSIGN_FIT_HARD, "wrong-department" },
    { o->ben, SW_ASSIGN_FIT_HARD, "double-booking,wrong-department" },
    { o->dai, SW_ASSIGN_FIT_HARD, "unavailable,wrong-department" },
    { o->eva, SW_ASSIGN_FIT_ON_SLOT, NULL },
  };

  assert_ranking (store, expected, G_N_ELEMENTS (expected));

  /* Without a department everyone free fits, in department and roster order. */
  any = rank (o, o->desk, o->any);
  {
    const Expected expected_any[] = {
      { o->cai, SW_ASSIGN_FIT_GOOD, "" },
      { o->ann, SW_ASSIGN_FIT_GOOD, "" },
      { o->fan, SW_ASSIGN_FIT_GOOD, "" },
      { o->hu, SW_ASSIGN_FIT_HARD, "unavailable" },
      { o->ben, SW_ASSIGN_FIT_HARD, "double-booking" },
      { o->dai, SW_ASSIGN_FIT_HARD, "unavailable" },
      { o->eva, SW_ASSIGN_FIT_ON_SLOT, NULL },
    };
    assert_ranking (any, expected_any, G_N_ELEMENTS (expected_any));
  }

  /* The picker's search finds a candidate by name, department or skill. */
  first = g_list_model_get_item (G_LIST_MODEL (any), 0);
  {
    SwPerson *person = sw_assign_candidate_get_person (first);
    const char *queries[] = { "cai", "稽审科" };

    for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
      g_assert_true (sw_person_search_matches (person, queries[i]));
    g_assert_false (sw_person_search_matches (person, "no such person"));
  }
}

static void
test_rank_follows_changes (Org *o, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) before = NULL;
  g_autoptr(GListStore) after = NULL;
  g_autoptr(SwAssignCandidate) last = NULL;

  /* Moving the forum away frees Ben; the ranking is computed afresh. */
  before = rank (o, o->forum, NULL);
  g_assert_true (sw_edit_move_slot (o->org, o->forum, T (2026, 9, 23, 11, 0), T (2026, 9, 23, 12, 0), &error));
  g_assert_no_error (error);
  after = rank (o, o->desk, o->accept);
  {
    const Expected expected[] = {
      { o->ann, SW_ASSIGN_FIT_GOOD, "" },
      { o->ben, SW_ASSIGN_FIT_GOOD, "" },
      { o->fan, SW_ASSIGN_FIT_GOOD, "" },
      { o->cai, SW_ASSIGN_FIT_HARD, "wrong-department" },
      { o->dai, SW_ASSIGN_FIT_HARD, "unavailable" },
      { o->hu, SW_ASSIGN_FIT_HARD, "unavailable,wrong-department" },
      { o->eva, SW_ASSIGN_FIT_ON_SLOT, NULL },
    };
    assert_ranking (after, expected, G_N_ELEMENTS (expected));
  }

  /* On the forum itself Ben is "already on this slot". */
  last = g_list_model_get_item (G_LIST_MODEL (before), g_list_model_get_n_items (G_LIST_MODEL (before)) - 1);
  g_assert_true (sw_assign_candidate_get_person (last) == o->ben);
  g_assert_cmpint (sw_assign_candidate_get_fit (last), ==, SW_ASSIGN_FIT_ON_SLOT);
}

static void
test_pick_duty (Org *o, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  const char *licence[] = { "电工证", NULL };

  /* Ann: the department duty has one seat left. */
  g_assert_true (pick_duty (o, o->desk, o->ann) == o->accept);
  g_assert_true (sw_edit_assign (o->org, o->desk, o->ann, o->accept, &error));
  /* Now full: Fan goes to the duty open to any department, unless it
   * needs a licence he lacks. */
  sw_duty_set_skills (o->any, licence);
  g_assert_null (pick_duty (o, o->desk, o->fan));
  sw_person_set_skills (o->fan, licence);
  g_assert_true (pick_duty (o, o->desk, o->fan) == o->any);
  g_assert_true (sw_edit_assign (o->org, o->desk, o->fan, o->any, &error));
  /* Cai (audit): the complaints desk. */
  g_assert_true (pick_duty (o, o->desk, o->cai) == o->complaints);
  g_assert_true (sw_edit_assign (o->org, o->desk, o->cai, o->complaints, &error));
  g_assert_no_error (error);
  /* Nothing left for Ben: he attends. */
  g_assert_null (pick_duty (o, o->desk, o->ben));
  /* A slot without duties: attendee. */
  g_assert_null (pick_duty (o, o->later, o->ann));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/schedule/columns/none", test_columns_none);
  g_test_add_func ("/schedule/columns/separate", test_columns_separate);
  g_test_add_func ("/schedule/columns/overlapping", test_columns_overlapping);
  g_test_add_func ("/schedule/columns/empty-slot", test_columns_empty_slot);
  g_test_add_func ("/schedule/snap", test_snap);
  g_test_add_func ("/schedule/drag", test_drag);
  g_test_add_func ("/schedule/hours", test_hours);
  g_test_add ("/schedule/rank/department-duty", Org, NULL, org_setup, test_rank_department_duty, org_teardown);
  g_test_add ("/schedule/rank/other-duty", Org, NULL, org_setup, test_rank_other_duty, org_teardown);
  g_test_add ("/schedule/rank/follows-changes", Org, NULL, org_setup, test_rank_follows_changes, org_teardown);
  g_test_add ("/schedule/pick-duty", Org, NULL, org_setup, test_pick_duty, org_teardown);

  return g_test_run ();
}
