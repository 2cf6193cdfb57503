/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "sw-core.h"

/*
 * The rulebook against the problems engine, auto-fill and an independent
 * reading of the rules written here, over generated plans: for every
 * empty seat, each candidate the ranking calls free adds no problem once
 * assigned; each candidate with reasons adds problems of exactly those
 * kinds, and those are the kinds this file's own rules expect; auto-fill
 * adds no hard problem.
 */

#define DAY0 20719   /* 2026-09-23 */
#define N_PLANS 200

static const char *places[] = { "人民广场", "工业园", "营业厅", "" };
static const char *skill_names[] = { "电工证", "驾驶证", "急救证" };

static gint64
at (int day_offset,
    int hour,
    int minute)
{
  return sw_time_from_day (DAY0 + day_offset) + hour * 60 + minute;
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

static char **
random_skills (GRand *rand,
               guint  most)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new ();
  guint n = (guint) g_rand_int_range (rand, 0, (gint32) most + 1);

  for (guint i = 0; i < n; i++)
    {
      const char *skill = skill_names[g_rand_int_range (rand, 0, G_N_ELEMENTS (skill_names))];

      if (!g_ptr_array_find_with_equal_func (out, skill, g_str_equal, NULL))
        g_ptr_array_add (out, g_strdup (skill));
    }
  g_ptr_array_add (out, NULL);

  return (char **) g_ptr_array_free (g_steal_pointer (&out), FALSE);
}

/* A small organisation and plan with random rules, skills, busy times and
 * assignments made without regard to any rule (so that some problems are
 * there before the seats are tried). */
static SwOrganisation *
random_plan (guint32  seed,
             SwPlan **out_plan)
{
  static const int buffers[] = { 0, 15, 30, 60 };
  static const int hours[] = { 0, 3, 4, 6 };
  static const int duties[] = { 0, 2, 3 };
  SwOrganisation *org = sw_organisation_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GPtrArray) depts = g_ptr_array_new ();
  g_autoptr(GPtrArray) people = g_ptr_array_new ();
  g_autoptr(SwPlan) plan = sw_plan_new ("服务周", DAY0, DAY0 + 1, "Asia/Shanghai");
  guint n_depts = (guint) g_rand_int_range (rand, 2, 5);
  guint n_people = (guint) g_rand_int_range (rand, 10, 25);
  guint n_slots = (guint) g_rand_int_range (rand, 6, 14);

  for (guint i = 0; i < n_depts; i++)
    {
      g_autofree char *name = g_strdup_printf ("部门%u", i);
      g_autoptr(SwDepartment) dept = sw_department_new (name);

      add (org, org, "departments", dept);
      g_ptr_array_add (depts, dept);
    }
  for (guint i = 0; i < n_people; i++)
    {
      g_autofree char *name = g_strdup_printf ("员工%u", i);
      g_autoptr(SwPerson) person = sw_person_new (name, depts->pdata[g_rand_int_range (rand, 0, (gint32) n_depts)]);
      g_auto(GStrv) skills = random_skills (rand, 2);

      sw_person_set_skills (person, (const char *const *) skills);
      add (org, org, "people", person);
      g_ptr_array_add (people, person);
      if (g_rand_double (rand) < 0.2)
        {
          int day = g_rand_int_range (rand, 0, 2);
          int hour = g_rand_int_range (rand, 8, 17);
          g_autoptr(SwUnavailability) busy =
            sw_unavailability_new (at (day, hour, 0), at (day, hour + g_rand_int_range (rand, 1, 4), 0),
                                   g_rand_boolean (rand) ? "出差" : NULL);

          add (org, person, "unavailability", busy);
        }
    }

  add (org, org, "plans", plan);
  sw_plan_set_travel_buffer (plan, buffers[g_rand_int_range (rand, 0, G_N_ELEMENTS (buffers))]);
  sw_plan_set_max_hours_per_day (plan, hours[g_rand_int_range (rand, 0, G_N_ELEMENTS (hours))]);
  sw_plan_set_max_duties (plan, duties[g_rand_int_range (rand, 0, G_N_ELEMENTS (duties))]);

  for (guint i = 0; i < n_slots; i++)
    {
      g_autofree char *title = g_strdup_printf ("时段%u", i);
      int day = g_rand_int_range (rand, 0, 2);
      int half_hours = g_rand_int_range (rand, 1, 7);
      /* Some slots run past midnight into the next day. */
      int first = g_rand_double (rand) < 0.1 ? 45 : g_rand_int_range (rand, 16, 38);
      gint64 start = sw_time_from_day (DAY0 + day) + first * 30;
      g_autoptr(SwSlot) slot = sw_slot_new (SW_SLOT_KIND_SERVICE_DESK, title, start, start + half_hours * 30);
      guint n_duties = (guint) g_rand_int_range (rand, 1, 4);

      sw_slot_set_location (slot, places[g_rand_int_range (rand, 0, G_N_ELEMENTS (places))]);
      add (org, plan, "slots", slot);
      for (guint k = 0; k < n_duties; k++)
        {
          g_autofree char *name = g_strdup_printf ("职责%u", k);
          SwDepartment *dept = g_rand_double (rand) < 0.5 ? NULL
                               : depts->pdata[g_rand_int_range (rand, 0, (gint32) n_depts)];
          g_autoptr(SwDuty) duty = sw_duty_new (name, (guint) g_rand_int_range (rand, 1, 4), dept);
          g_auto(GStrv) skills = g_rand_double (rand) < 0.3 ? random_skills (rand, 1) : NULL;

          sw_duty_set_skills (duty, (const char *const *) skills);
          add (org, slot, "duties", duty);
        }

      /* A few assignments regardless of the rules. */
      for (guint k = 0; k < 2; k++)
        {
          SwPerson *person = people->pdata[g_rand_int_range (rand, 0, (gint32) n_people)];
          GListModel *list = sw_slot_get_duties (slot);
          g_autoptr(SwDuty) duty = g_list_model_get_item (list, (guint) g_rand_int_range (rand, 0, (gint32) g_list_model_get_n_items (list)));

          if (sw_slot_find_assignment (slot, person) != NULL || g_rand_double (rand) < 0.3 ||
              sw_slot_count_duty (slot, duty) >= sw_duty_get_count (duty))
            continue;
          g_assert_true (sw_edit_assign (org, slot, person, g_rand_double (rand) < 0.15 ? NULL : duty, NULL));
        }
    }

  sw_undo_stack_clear (sw_organisation_get_undo_stack (org));
  *out_plan = plan;
  return org;
}

/* ------------------------------------------------------------------ */
/* The rules as this test reads them                                   */

static gboolean
share_a_minute (gint64 as, gint64 ae, gint64 bs, gint64 be)
{
  return as < ae && bs < be && as < be && bs < ae;
}

static gint64
minutes_on (gint64 start, gint64 end, int day)
{
  gint64 from = sw_time_from_day (day);

  return MAX (MIN (end, from + 1440) - MAX (start, from), 0);
}

/* The kinds that @person on @slot for @duty breaks, one bit per kind. */
static guint
expected_kinds (SwPlan   *plan,
                SwPerson *person,
                SwSlot   *slot,
                SwDuty   *duty)
{
  GListModel *slots = sw_plan_get_slots (plan);
  GListModel *busy = sw_person_get_unavailability (person);
  gint64 s = sw_slot_get_start (slot), e = sw_slot_get_end (slot);
  int buffer = sw_plan_get_travel_buffer (plan);
  guint kinds = 0;
  guint n_duties = duty != NULL ? 1 : 0;

  for (guint i = 0; i < g_list_model_get_n_items (slots); i++)
    {
      g_autoptr(SwSlot) other = g_list_model_get_item (slots, i);
      SwAssignment *held;
      gint64 os, oe;
      const char *a, *b;

      if (other == slot || (held = sw_slot_find_assignment (other, person)) == NULL)
        continue;
      n_duties += sw_assignment_get_duty (held) != NULL;
      os = sw_slot_get_start (other);
      oe = sw_slot_get_end (other);
      a = sw_slot_get_location (slot);
      b = sw_slot_get_location (other);
      if (share_a_minute (s, e, os, oe))
        kinds |= 1u << SW_PROBLEM_DOUBLE_BOOKING;
      else if (buffer > 0 && a[0] != '\0' && b[0] != '\0' && strcmp (a, b) != 0 &&
               (os >= e ? os - e : s - oe) < buffer)
        kinds |= 1u << SW_PROBLEM_TRAVEL_TIME;
    }

  for (guint i = 0; i < g_list_model_get_n_items (busy); i++)
    {
      g_autoptr(SwUnavailability) u = g_list_model_get_item (busy, i);

      if (sw_unavailability_get_start (u) < e && s < sw_unavailability_get_end (u))
        kinds |= 1u << SW_PROBLEM_UNAVAILABLE;
    }

  if (duty != NULL)
    {
      const char *const *needed = sw_duty_get_skills (duty);

      if (sw_duty_get_department (duty) != NULL &&
          sw_duty_get_department (duty) != sw_person_get_department (person))
        kinds |= 1u << SW_PROBLEM_WRONG_DEPARTMENT;
      for (guint i = 0; needed[i] != NULL; i++)
        if (!g_strv_contains (sw_person_get_skills (person), needed[i]))
          kinds |= 1u << SW_PROBLEM_MISSING_SKILL;
      if (sw_plan_get_max_duties (plan) > 0 && n_duties > (guint) sw_plan_get_max_duties (plan))
        kinds |= 1u << SW_PROBLEM_TOO_MANY_DUTIES;
    }

  if (sw_plan_get_max_hours_per_day (plan) > 0 && e > s)
    for (int day = sw_time_day_of (s); day <= sw_time_day_of (e - 1); day++)
      {
        gint64 total = minutes_on (s, e, day);

        for (guint i = 0; i < g_list_model_get_n_items (slots); i++)
          {
            g_autoptr(SwSlot) other = g_list_model_get_item (slots, i);

            if (other != slot && sw_slot_find_assignment (other, person) != NULL)
              total += minutes_on (sw_slot_get_start (other), sw_slot_get_end (other), day);
          }
        if (total > sw_plan_get_max_hours_per_day (plan) * 60)
          kinds |= 1u << SW_PROBLEM_TOO_MANY_HOURS;
      }

  return kinds;
}

/* ------------------------------------------------------------------ */
/* Comparing                                                           */

static GHashTable *
problem_keys (SwPlan *plan)
{
  g_autoptr(GListStore) problems = sw_problems_compute (plan, 0);
  GHashTable *keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (problems)); i++)
    {
      SwProblem *problem = g_list_model_get_item (G_LIST_MODEL (problems), i);

      g_hash_table_insert (keys, sw_problem_dup_key (problem), problem);
    }

  return keys;
}

/* The kinds of the problems in @after that are not in @before; the hard
 * ones go to @hard too. */
static guint
added_kinds (GHashTable *before,
             GHashTable *after,
             guint      *hard)
{
  GHashTableIter iter;
  gpointer key, value;
  guint kinds = 0;

  g_hash_table_iter_init (&iter, after);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (before, key))
      {
        kinds |= 1u << sw_problem_get_kind (value);
        if (hard != NULL && sw_problem_get_hard (value))
          *hard |= 1u << sw_problem_get_kind (value);
      }

  return kinds;
}

static guint
candidate_kinds (SwAssignCandidate *candidate)
{
  GPtrArray *problems = sw_assign_candidate_get_problems (candidate);
  guint kinds = 0;

  for (guint i = 0; i < problems->len; i++)
    kinds |= 1u << sw_problem_get_kind (problems->pdata[i]);

  return kinds;
}

static void
test_agreement (void)
{
  guint seen[SW_PROBLEM_OUTSIDE_PLAN + 1] = { 0 };
  guint tried = 0, free_ones = 0;

  for (guint32 seed = 1; seed <= N_PLANS; seed++)
    {
      SwPlan *plan = NULL;
      g_autoptr(SwOrganisation) org = random_plan (seed, &plan);
      SwUndoStack *stack = sw_organisation_get_undo_stack (org);
      g_autoptr(GHashTable) before = problem_keys (plan);
      g_autoptr(GPtrArray) slots = sw_plan_dup_sorted_slots (plan);

      for (guint s = 0; s < slots->len; s++)
        {
          SwSlot *slot = slots->pdata[s];
          GListModel *duties = sw_slot_get_duties (slot);

          for (guint d = 0; d <= g_list_model_get_n_items (duties); d++)
            {
              /* Each duty with a free seat, and attending without one. */
              g_autoptr(SwDuty) duty = d < g_list_model_get_n_items (duties)
                                       ? g_list_model_get_item (duties, d) : NULL;
              g_autoptr(SwRulebook) rulebook = sw_rulebook_new (plan);
              g_autoptr(GListStore) ranked = NULL;

              if (duty != NULL && sw_slot_count_duty (slot, duty) >= sw_duty_get_count (duty))
                continue;
              ranked = sw_rulebook_rank (rulebook, org, slot, duty);

              for (guint c = 0; c < g_list_model_get_n_items (G_LIST_MODEL (ranked)); c++)
                {
                  g_autoptr(SwAssignCandidate) candidate = g_list_model_get_item (G_LIST_MODEL (ranked), c);
                  SwPerson *person = sw_assign_candidate_get_person (candidate);
                  g_autoptr(GHashTable) after = NULL;
                  g_autoptr(GError) error = NULL;
                  guint reasons, added, expected;

                  if (sw_assign_candidate_get_fit (candidate) == SW_ASSIGN_FIT_ON_SLOT)
                    {
                      g_assert_nonnull (sw_slot_find_assignment (slot, person));
                      continue;
                    }

                  reasons = candidate_kinds (candidate);
                  expected = expected_kinds (plan, person, slot, duty);
                  if (reasons != expected)
                    g_error ("plan %u, %s on %s (%s): the ranking says %#x, the rules here %#x: %s",
                             seed, sw_person_get_name (person), sw_slot_get_title (slot),
                             duty != NULL ? sw_duty_get_name (duty) : "attendee",
                             reasons, expected, sw_assign_candidate_get_reason (candidate));
                  g_assert_cmpint (sw_assign_candidate_get_fit (candidate) == SW_ASSIGN_FIT_GOOD, ==, reasons == 0);

                  g_assert_true (sw_edit_assign (org, slot, person, duty, &error));
                  g_assert_no_error (error);
                  after = problem_keys (plan);
                  added = added_kinds (before, after, NULL);
                  if (added != reasons)
                    g_error ("plan %u, %s on %s (%s): the ranking says %#x, assigning added %#x: %s",
                             seed, sw_person_get_name (person), sw_slot_get_title (slot),
                             duty != NULL ? sw_duty_get_name (duty) : "attendee",
                             reasons, added, sw_assign_candidate_get_reason (candidate));
                  g_assert_true (sw_undo_stack_undo (stack, &error));
                  g_assert_no_error (error);

                  tried++;
                  free_ones += reasons == 0;
                  for (guint k = 0; k <= SW_PROBLEM_OUTSIDE_PLAN; k++)
                    seen[k] += (reasons >> k) & 1;
                }
            }
        }

      /* Auto-fill breaks no hard rule. */
      {
        g_autoptr(SwAutofill) af = sw_autofill_new (org, plan, SW_AUTOFILL_ALL_DAYS, NULL);
        g_autoptr(GHashTable) after = NULL;
        g_autoptr(GError) error = NULL;
        guint hard = 0;

        g_assert_true (sw_autofill_apply (af, &error));
        g_assert_no_error (error);
        after = problem_keys (plan);
        added_kinds (before, after, &hard);
        if (hard != 0)
          g_error ("plan %u: auto-fill added hard problems of kinds %#x", seed, hard);
      }
    }

  g_test_message ("%u candidates assigned and compared, %u of them free", tried, free_ones);
  g_assert_cmpuint (free_ones, >, 0);
  /* Every person rule stood in the way somewhere: a rule missing from the
   * rulebook shows here or as a disagreement above. */
  for (SwProblemKind k = SW_PROBLEM_DOUBLE_BOOKING; k <= SW_PROBLEM_TOO_MANY_DUTIES; k++)
    {
      g_test_message ("%s: %u candidates", sw_enum_to_nick (SW_TYPE_PROBLEM_KIND, k), seen[k]);
      g_assert_cmpuint (seen[k], >, 0);
    }
}

/* The words of each rule, in English (the tests run untranslated). */
static void
test_messages (void)
{
  g_autoptr(SwOrganisation) org = sw_organisation_new ();
  g_autoptr(SwDepartment) supply = sw_department_new ("直属供电所");
  g_autoptr(SwDepartment) audit = sw_department_new ("稽审科");
  g_autoptr(SwPerson) zhou = sw_person_new ("周建国", audit);
  g_autoptr(SwPlan) plan = sw_plan_new ("服务周", DAY0, DAY0 + 1, "Asia/Shanghai");
  g_autoptr(SwSlot) desk = sw_slot_new (SW_SLOT_KIND_SERVICE_DESK, "广场服务台", at (0, 9, 0), at (0, 11, 0));
  g_autoptr(SwSlot) forum = sw_slot_new (SW_SLOT_KIND_FORUM, "座谈会", at (0, 11, 15), at (0, 17, 0));
  g_autoptr(SwDuty) repairs = sw_duty_new ("现场抢修", 2, supply);
  g_autoptr(SwUnavailability) busy = sw_unavailability_new (at (0, 8, 0), at (0, 10, 0), "培训");
  g_autoptr(SwRulebook) rulebook = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  const char *skills[] = { "电工证", NULL };
  const char *expected[] = {
    "travel-time: 周建国 has 15 min to get from “广场服务台” (人民广场, Wed 23 Sep 09:00) to “座谈会” (营业厅, Wed 23 Sep 11:15); the plan asks for 30 min",
    "unavailable: 周建国 is on “广场服务台” (Wed 23 Sep 09:00) but unavailable from Wed 23 Sep 08:00 to Wed 23 Sep 10:00: 培训",
    "wrong-department: 周建国 (稽审科) fills “现场抢修” on “广场服务台” (Wed 23 Sep 09:00), which needs someone from 直属供电所",
    "missing-skill: 周建国 fills “现场抢修” on “广场服务台” (Wed 23 Sep 09:00) without the qualification it needs: 电工证",
    "too-many-hours: 周建国 has 7 h 45 min of duty on Wed 23 Sep, more than the plan's 6 hours",
    "too-many-duties: 周建国 holds 2 duties in the plan, more than the 1 it allows",
  };
  g_autoptr(SwDuty) talk = sw_duty_new ("发言", 1, NULL);

  add (org, org, "departments", supply);
  add (org, org, "departments", audit);
  add (org, org, "people", zhou);
  add (org, zhou, "unavailability", busy);
  add (org, org, "plans", plan);
  sw_slot_set_location (desk, "人民广场");
  sw_slot_set_location (forum, "营业厅");
  add (org, plan, "slots", desk);
  add (org, plan, "slots", forum);
  sw_duty_set_skills (repairs, skills);
  add (org, desk, "duties", repairs);
  add (org, forum, "duties", talk);
  g_assert_true (sw_edit_assign (org, forum, zhou, talk, NULL));
  sw_plan_set_travel_buffer (plan, 30);
  sw_plan_set_max_hours_per_day (plan, 6);
  sw_plan_set_max_duties (plan, 1);

  rulebook = sw_rulebook_new (plan);
  problems = sw_rulebook_check (rulebook, zhou, desk, repairs);
  g_assert_cmpuint (problems->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *line = g_strdup_printf ("%s: %s",
                                               sw_enum_to_nick (SW_TYPE_PROBLEM_KIND, sw_problem_get_kind (problems->pdata[i])),
                                               sw_problem_get_message (problems->pdata[i]));

      g_assert_cmpstr (line, ==, expected[i]);
    }
  g_assert_false (sw_problem_get_hard (problems->pdata[problems->len - 1]));
  g_assert_true (sw_problem_get_hard (problems->pdata[0]));
}

/* An accepted problem is listed apart until its situation changes, and
 * accepting is one undoable step. */
static void
test_acceptance (void)
{
  g_autoptr(SwOrganisation) org = sw_organisation_new ();
  g_autoptr(SwPerson) wang = sw_person_new ("王强", NULL);
  g_autoptr(SwPlan) plan = sw_plan_new ("服务周", DAY0, DAY0 + 1, "Asia/Shanghai");
  g_autoptr(SwSlot) a = sw_slot_new (SW_SLOT_KIND_MEETING, "动员大会", at (0, 14, 0), at (0, 16, 0));
  g_autoptr(SwSlot) b = sw_slot_new (SW_SLOT_KIND_FORUM, "座谈会", at (0, 15, 0), at (0, 17, 0));
  g_autoptr(SwProblemList) list = NULL;
  g_autoptr(SwProblem) problem = NULL;
  g_autoptr(SwAcceptance) acceptance = NULL;
  g_autoptr(GError) error = NULL;
  SwUndoStack *stack = sw_organisation_get_undo_stack (org);
  guint n_open = 0;

  add (org, org, "people", wang);
  add (org, org, "plans", plan);
  add (org, plan, "slots", a);
  add (org, plan, "slots", b);
  g_assert_true (sw_edit_assign (org, a, wang, NULL, NULL));
  g_assert_true (sw_edit_assign (org, b, wang, NULL, NULL));

  list = sw_problem_list_new (org, plan);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  g_object_get (list, "n-open", &n_open, NULL);
  g_assert_cmpuint (n_open, ==, 1);
  problem = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpint (sw_problem_get_kind (problem), ==, SW_PROBLEM_DOUBLE_BOOKING);
  g_assert_true (sw_rulebook_kind_is_personal (sw_problem_get_kind (problem)));

  acceptance = sw_acceptance_new (sw_problem_get_kind (problem), sw_problem_get_person (problem),
                                  sw_problem_get_slot (problem), sw_problem_get_situation (problem),
                                  "副局长两个会都参加");
  g_assert_true (sw_edit_add (org, plan, "accepted", acceptance, &error));
  g_assert_no_error (error);
  g_object_get (list, "n-open", &n_open, NULL);
  g_assert_cmpuint (n_open, ==, 0);
  g_clear_object (&problem);
  problem = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_true (sw_problem_get_acceptance (problem) == acceptance);
  g_assert_true (sw_problem_matches (problem, acceptance));

  /* Undo brings it back, redo accepts again. */
  g_assert_true (sw_undo_stack_undo (stack, &error));
  g_object_get (list, "n-open", &n_open, NULL);
  g_assert_cmpuint (n_open, ==, 1);
  g_assert_true (sw_undo_stack_redo (stack, &error));
  g_object_get (list, "n-open", &n_open, NULL);
  g_assert_cmpuint (n_open, ==, 0);

  /* The other slot moves further into the overlap: a new situation. */
  g_assert_true (sw_edit_move_slot (org, b, at (0, 14, 30), at (0, 16, 30), &error));
  g_assert_no_error (error);
  g_object_get (list, "n-open", &n_open, NULL);
  g_assert_cmpuint (n_open, ==, 1);
  g_clear_object (&problem);
  problem = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_null (sw_problem_get_acceptance (problem));

  /* Deleting the slot takes the acceptance with it. */
  g_assert_true (sw_edit_delete_slot (org, plan, a, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (sw_plan_get_accepted (plan)), ==, 0);
  g_assert_true (sw_undo_stack_undo (stack, &error));
  g_assert_cmpuint (g_list_model_get_n_items (sw_plan_get_accepted (plan)), ==, 1);
}

static void
test_skills (void)
{
  const char *messy[] = { " 电工证 ", "", "驾驶证", "电工证", "急救\n证", NULL };
  g_auto(GStrv) normal = sw_skills_normalize (messy);
  g_auto(GStrv) parsed = sw_skills_parse ("电工证、驾驶证；英语, 急救证;;");
  const char *want_normal[] = { "电工证", "驾驶证", "急救 证", NULL };
  const char *want_parsed[] = { "电工证", "驾驶证", "英语", "急救证", NULL };
  g_autofree char *joined = sw_skills_join ((const char *const *) parsed, "、");

  g_assert_true (g_strv_equal ((const char *const *) normal, want_normal));
  g_assert_true (g_strv_equal ((const char *const *) parsed, want_parsed));
  g_assert_cmpstr (joined, ==, "电工证、驾驶证、英语、急救证");
  {
    g_auto(GStrv) none = sw_skills_parse ("");

    g_assert_true (sw_skills_equal (NULL, (const char *const *) none));
  }
}

static void
test_clash (void)
{
  /* Touching slots do not overlap; empty ones never do. */
  g_assert_cmpint (sw_rulebook_clash (600, 720, "A", 720, 800, "A", 30), ==, SW_CLASH_NONE);
  g_assert_cmpint (sw_rulebook_clash (600, 720, "A", 719, 800, "A", 0), ==, SW_CLASH_OVERLAP);
  g_assert_cmpint (sw_rulebook_clash (600, 720, "A", 650, 650, "A", 0), ==, SW_CLASH_NONE);
  /* A journey needs the buffer; the same or an unknown place does not. */
  g_assert_cmpint (sw_rulebook_clash (600, 720, "A", 740, 800, "B", 30), ==, SW_CLASH_TRAVEL);
  g_assert_cmpint (sw_rulebook_clash (740, 800, "B", 600, 720, "A", 30), ==, SW_CLASH_TRAVEL);
  g_assert_cmpint (sw_rulebook_clash (600, 720, "A", 750, 800, "B", 30), ==, SW_CLASH_NONE);
  g_assert_cmpint (sw_rulebook_clash (600, 720, "A", 740, 800, " A ", 30), ==, SW_CLASH_NONE);
  g_assert_cmpint (sw_rulebook_clash (600, 720, "", 740, 800, "B", 30), ==, SW_CLASH_NONE);
  /* A slot past midnight counts on both days. */
  g_assert_cmpint (sw_rulebook_minutes_on_day (sw_time_from_day (DAY0) + 23 * 60,
                                               sw_time_from_day (DAY0 + 1) + 60, DAY0), ==, 60);
  g_assert_cmpint (sw_rulebook_minutes_on_day (sw_time_from_day (DAY0) + 23 * 60,
                                               sw_time_from_day (DAY0 + 1) + 60, DAY0 + 1), ==, 60);
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rulebook/clash", test_clash);
  g_test_add_func ("/rulebook/skills", test_skills);
  g_test_add_func ("/rulebook/messages", test_messages);
  g_test_add_func ("/rulebook/acceptance", test_acceptance);
  g_test_add_func ("/rulebook/agreement", test_agreement);

  return g_test_run ();
}
