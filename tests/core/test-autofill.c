/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "sw-core.h"

/* ------------------------------------------------------------------ */
/* Building organisations                                              */

#define DAY0 20719   /* 2026-09-23 */

static gint64
at (int day_offset,
    int hour,
    int minute)
{
  return sw_time_from_day (DAY0 + day_offset) + hour * 60 + minute;
}

static SwDepartment *
add_department (SwOrganisation *org,
                const char     *name)
{
  g_autoptr(SwDepartment) dept = sw_department_new (name);
  g_autoptr(GError) error = NULL;

  g_assert_true (sw_edit_add (org, org, "departments", dept, &error));
  g_assert_no_error (error);
  return dept;
}

static SwPerson *
add_person (SwOrganisation *org,
            const char     *name,
            SwDepartment   *dept)
{
  g_autoptr(SwPerson) person = sw_person_new (name, dept);
  g_autoptr(GError) error = NULL;

  g_assert_true (sw_edit_add (org, org, "people", person, &error));
  g_assert_no_error (error);
  return person;
}

static SwPlan *
add_plan (SwOrganisation *org)
{
  g_autoptr(SwPlan) plan = sw_plan_new ("服务周", DAY0 - 3, DAY0 + 3, "Asia/Shanghai");
  g_autoptr(GError) error = NULL;

  g_assert_true (sw_edit_add (org, org, "plans", plan, &error));
  g_assert_no_error (error);
  return plan;
}

static SwSlot *
add_slot (SwOrganisation *org,
          SwPlan         *plan,
          const char     *title,
          gint64          start,
          gint64          end,
          const char     *location)
{
  g_autoptr(SwSlot) slot = sw_slot_new (SW_SLOT_KIND_SERVICE_DESK, title, start, end);
  g_autoptr(GError) error = NULL;

  sw_slot_set_location (slot, location);
  g_assert_true (sw_edit_add (org, plan, "slots", slot, &error));
  g_assert_no_error (error);
  return slot;
}

static SwDuty *
add_duty (SwOrganisation *org,
          SwSlot         *slot,
          const char     *name,
          guint           count,
          SwDepartment   *dept)
{
  g_autoptr(SwDuty) duty = sw_duty_new (name, count, dept);
  g_autoptr(GError) error = NULL;

  g_assert_true (sw_edit_add (org, slot, "duties", duty, &error));
  g_assert_no_error (error);
  return duty;
}

static void
add_busy (SwOrganisation *org,
          SwPerson       *person,
          gint64          start,
          gint64          end)
{
  g_autoptr(SwUnavailability) u = sw_unavailability_new (start, end, "请假");
  g_autoptr(GError) error = NULL;

  g_assert_true (sw_edit_add (org, person, "unavailability", u, &error));
  g_assert_no_error (error);
}

static void
assign (SwOrganisation *org,
        SwSlot         *slot,
        SwPerson       *person,
        SwDuty         *duty,
        gboolean        pinned)
{
  g_autoptr(GError) error = NULL;

  if (pinned)
    g_assert_true (sw_edit_assign (org, slot, person, duty, &error));
  else
    {
      g_autoptr(SwAssignment) a = sw_assignment_new (person, duty);

      sw_assignment_set_pinned (a, FALSE);
      g_assert_true (sw_edit_add (org, slot, "assignments", a, &error));
    }
  g_assert_no_error (error);
}

static void
set_active (SwOrganisation *org,
            SwPerson       *person,
            gboolean        active)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sw_undo_stack_set (sw_organisation_get_undo_stack (org), &error,
                                    person, "active", active));
  g_assert_no_error (error);
}

static void
set_travel_buffer (SwOrganisation *org,
                   SwPlan         *plan,
                   int             minutes)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sw_undo_stack_set (sw_organisation_get_undo_stack (org), &error,
                                    plan, "travel-buffer", minutes));
  g_assert_no_error (error);
}

static void
apply (SwAutofill *af)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sw_autofill_apply (af, &error));
  g_assert_no_error (error);
}

/* Whether @af proposes @person for @duty of @slot. */
static gboolean
proposes (SwAutofill *af,
          SwSlot     *slot,
          SwDuty     *duty,
          SwPerson   *person)
{
  for (guint i = 0; i < sw_autofill_get_n_fills (af); i++)
    {
      SwSlot *s;
      SwDuty *d;
      SwPerson *p;

      sw_autofill_get_fill (af, i, &s, &d, &p);
      if (s == slot && d == duty && p == person)
        return TRUE;
    }
  return FALSE;
}

static guint
fills_of_person (SwAutofill *af,
                 SwPerson   *person)
{
  guint n = 0;

  for (guint i = 0; i < sw_autofill_get_n_fills (af); i++)
    {
      SwPerson *p;

      sw_autofill_get_fill (af, i, NULL, NULL, &p);
      n += p == person;
    }
  return n;
}

static const char *
gap_reason (SwAutofill *af,
            SwDuty     *duty,
            guint      *n_empty)
{
  for (guint i = 0; i < sw_autofill_get_n_gaps (af); i++)
    {
      SwDuty *d;
      const char *reason;

      sw_autofill_get_gap (af, i, NULL, &d, n_empty, &reason);
      if (d == duty)
        return reason;
    }
  return NULL;
}

/* ------------------------------------------------------------------ */
/* An independent check of every hard rule on a plan                   */

static gboolean
rule_conflict (SwPlan *plan,
               SwSlot *a,
               SwSlot *b)
{
  gint64 as = sw_slot_get_start (a), ae = sw_slot_get_end (a);
  gint64 bs = sw_slot_get_start (b), be = sw_slot_get_end (b);
  const char *al = sw_slot_get_location (a), *bl = sw_slot_get_location (b);
  gint64 buffer = sw_plan_get_travel_buffer (plan);

  if (a == b)
    return TRUE;
  /* Overlap: non-empty spans sharing a minute. */
  if (as < ae && bs < be && as < be && bs < ae)
    return TRUE;
  /* A journey between two known, different places needs the buffer. */
  if (al[0] == '\0' || bl[0] == '\0' || g_str_equal (al, bl))
    return FALSE;
  return as < be + buffer && bs < ae + buffer;
}

/* The test's own words for a busy time touching a span. */
static gboolean
busy_between (SwPerson *person,
              gint64    start,
              gint64    end)
{
  GListModel *periods = sw_person_get_unavailability (person);

  for (guint i = 0; i < g_list_model_get_n_items (periods); i++)
    {
      g_autoptr(SwUnavailability) u = g_list_model_get_item (periods, i);

      if (sw_unavailability_get_start (u) < end && start < sw_unavailability_get_end (u))
        return TRUE;
    }

  return FALSE;
}

/* Checks the proposal against the plan before it is applied: every new
 * seat keeps every rule with the existing assignments and the other new
 * ones, and no duty gets more people than it needs. */
static void
check_rules (SwAutofill *af)
{
  SwPlan *plan = sw_autofill_get_plan (af);
  g_autoptr(GHashTable) seats = g_hash_table_new (NULL, NULL);
  guint n = sw_autofill_get_n_fills (af);
  g_autoptr(GPtrArray) slots = sw_plan_dup_sorted_slots (plan);

  for (guint i = 0; i < n; i++)
    {
      SwSlot *slot;
      SwDuty *duty;
      SwPerson *person;
      guint held;

      sw_autofill_get_fill (af, i, &slot, &duty, &person);

      g_assert_true (sw_person_get_active (person));
      if (sw_duty_get_department (duty) != NULL)
        g_assert_true (sw_person_get_department (person) == sw_duty_get_department (duty));
      g_assert_false (busy_between (person, sw_slot_get_start (slot), sw_slot_get_end (slot)));
      g_assert_null (sw_slot_find_assignment (slot, person));

      held = GPOINTER_TO_UINT (g_hash_table_lookup (seats, duty));
      if (held == 0)
        held = sw_slot_count_duty (slot, duty);
      held++;
      g_assert_cmpuint (held, <=, sw_duty_get_count (duty));
      g_hash_table_insert (seats, duty, GUINT_TO_POINTER (held));

      /* Existing assignments of the person on the plan. */
      for (guint k = 0; k < slots->len; k++)
        {
          SwSlot *other = slots->pdata[k];

          if (sw_slot_find_assignment (other, person) != NULL)
            g_assert_false (rule_conflict (plan, slot, other));
        }
      /* Other new ones. */
      for (guint j = 0; j < n; j++)
        {
          SwSlot *slot2;
          SwPerson *person2;

          if (j == i)
            continue;
          sw_autofill_get_fill (af, j, &slot2, NULL, &person2);
          if (person2 == person)
            g_assert_false (rule_conflict (plan, slot, slot2));
        }
    }
}

/* The organisation's plans and assignments as text, objects by identity. */
static void
snapshot_object (GString *out,
                 GObject *object,
                 int      depth);

static void
snapshot_list (GString    *out,
               GListModel *model,
               int         depth)
{
  guint n = g_list_model_get_n_items (model);

  g_string_append_printf (out, "[%u]\n", n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      snapshot_object (out, item, depth + 1);
    }
}

static void
snapshot_object (GString *out,
                 GObject *object,
                 int      depth)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs;

  g_string_append_printf (out, "%*s%s %p\n", depth * 2, "", G_OBJECT_TYPE_NAME (object), object);
  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      GParamSpec *pspec = pspecs[i];
      g_auto(GValue) value = G_VALUE_INIT;

      if ((pspec->flags & G_PARAM_READABLE) == 0 ||
          g_type_is_a (G_PARAM_SPEC_VALUE_TYPE (pspec), SW_TYPE_UNDO_STACK))
        continue;
      g_value_init (&value, G_PARAM_SPEC_VALUE_TYPE (pspec));
      g_object_get_property (object, pspec->name, &value);
      g_string_append_printf (out, "%*s.%s = ", depth * 2 + 1, "", pspec->name);
      if (g_type_is_a (G_PARAM_SPEC_VALUE_TYPE (pspec), G_TYPE_LIST_MODEL))
        snapshot_list (out, g_value_get_object (&value), depth + 1);
      else if (G_VALUE_HOLDS_OBJECT (&value))
        g_string_append_printf (out, "%p\n", g_value_get_object (&value));
      else
        {
          g_autofree char *contents = g_strdup_value_contents (&value);

          g_string_append_printf (out, "%s\n", contents);
        }
    }
}

static char *
snapshot (SwOrganisation *org)
{
  GString *out = g_string_new (NULL);

  snapshot_object (out, G_OBJECT (org), 0);
  return g_string_free (out, FALSE);
}

/* ------------------------------------------------------------------ */
/* Hard rules                                                          */

static void
test_department (void)
{
  g_autoptr(SwOrganisation) org = sw_organisation_new ();
  SwDepartment *station = add_department (org, "直属供电所");
  SwDepartment *audit = add_department (org, "稽审科");
  SwDepartment *empty = add_department (org, "保卫科");
  SwPerson *a = add_person (org, "王伟", station);
  SwPerson *b = add_person (org, "李娜", audit);
  SwPlan *plan = add_plan (org);
  SwSlot *desk = add_slot (org, plan, "服务台", at (0, 9, 0), at (0, 11, 0), "人民广场");
  SwDuty *accept = add_duty (org, desk, "受理报装/咨询", 1, station);
  SwDuty *report = add_duty (org, desk, "受理举报投诉", 1, audit);
  SwDuty *guard = add_duty (org, desk, "安全保卫", 1, empty);
  g_autoptr(SwAutofill) af = sw_autofill_new (org, plan, SW_AUTOFILL_ALL_DAYS, NULL);
  guint n_empty = 0;

  g_assert_cmpuint (sw_autofill_get_n_seats (af), ==, 3);
  g_assert_cmpuint (sw_autofill_get_n_fills (af), ==, 2);
  g_assert_true (proposes (af, desk, accept, a));
  g_assert_true (proposes (af, desk, report, b));
  g_assert_cmpuint (sw_autofill_get_n_unfilled (af), ==, 1);
  g_assert_cmpstr (gap_reason (af, guard, &n_empty), ==, "nobody works in 保卫科");
  g_assert_cmpuint (n_empty, ==, 1);
  check_rules (af);
}

static void
test_overlap (void)
{
  g_autoptr(SwOrganisation) org = sw_organisation_new ();
  SwDepartment *station = add_department (org, "直属供电所");
  SwPerson *a = add_person (org, "王伟", station);
  SwPlan *plan = add_plan (org);
  SwSlot *desk = add_slot (org, plan, "服务台", at (0, 9, 0), at (0, 11, 0), "人民广场");
  SwSlot *visit = add_slot (org, plan, "走访", at (0, 10, 0), at (0, 12, 0), "工业园");
  SwDuty *d1 = add_duty (org, desk, "受理", 1, station);
  SwDuty *d2 = add_duty (org, visit, "带队", 1, station);
  g_autoptr(SwAutofill) af = sw_autofill_new (org, plan, SW_AUTOFILL_ALL_DAYS, NULL);
  const char *reason;

  g_assert_cmpuint (sw_autofill_get_n_fills (af), ==, 1);
  g_assert_true (proposes (af, desk, d1, a) != proposes (af, visit, d2, a));
  g_assert_cmpuint (sw_autofill_get_n_gaps (af), ==, 1);
  sw_autofill_get_gap (af, 0, NULL, NULL, NULL, &reason);
  g_assert_true (g_str_has_prefix (reason, "no free person of 直属供电所 on 23 Sep "));
  g_assert_true (g_str_has_suffix (reason, "(1 of 1 busy elsewhere)"));
  check_rules (af);
}

static void
test_travel_buffer (void)
{
  g_autoptr(SwOrganisation) org = sw_organisation_new ();
  SwDepartment *station = add_department (org, "直属供电所");
  SwPerson *a = add_person (org, "王伟", station);
  SwPlan *plan = add_plan (org);
  /* 9–10 at the square, 10:15–11 at the park, 10:15–11 at the square
   * again on the next day after a 9–10 at the square. */
  SwSlot *s1 = add_slot (org, plan, "服务台", at (0, 9, 0), at (0, 10, 0), "人民广场");
  SwSlot *s2 = add_slot (org, plan, "走访", at (0, 10, 15), at (0, 11, 0), "工业园");
  SwSlot *s3 = add_slot (org, plan, "服务台二", at (1, 9, 0), at (1, 10, 0), "人民广场");
  SwSlot *s4 = add_slot (org, plan, "服务台三", at (1, 10, 15), at (1, 11, 0), "人民广场");
  SwDuty *d1 = add_duty (org, s1, "受理", 1, station);
  SwDuty *d2 = add_duty (org, s2, "带队", 1, station);
  SwDuty *d3 = add_duty (org, s3, "受理", 1, station);
  SwDuty *d4 = add_duty (org, s4, "受理", 1, station);

  {
    g_autoptr(SwAutofill) af = sw_autofill_new (org, plan, SW_AUTOFILL_ALL_DAYS, NULL);

    /* No buffer: back to back is fine. */
    g_assert_cmpuint (sw_autofill_get_n_fills (af), ==, 4);
    g_assert_true (proposes (af, s1, d1, a) && proposes (af, s2, d2, a));
    check_rules (af);
  }

  set_travel_buffer (org, plan, 30);
  {
    g_autoptr(SwAutofill) af = sw_autofill_new (org, plan, SW_AUTOFILL_ALL_DAYS, NULL);

    /* 15 minutes between two places is too short; at one place it is not. */
    g_assert_cmpuint (sw_autofill_get_n_fills (af), ==, 3);
    g_assert_true (proposes (af, s1, d1, a) != proposes (af, s2, d2, a));
    g_assert_true (proposes (af, s3, d3, a) && proposes (af, s4, d4, a));
    check_rules (af);
  }
}

static void
test_unavailable (void)
{
  g_autoptr(SwOrganisation) org = sw_organisation_new ();
  SwDepartment *station = add_department (org, "直属供电所");
  SwPerson *a = add_person (org, "王伟", station);
  SwPerson *b = add_person (org, "李娜", station);
  SwPlan *plan = add_plan (org);
  SwSlot *desk = add_slot (org, plan, "服务台", at (0, 9, 0), at (0, 11, 0), "人民广场");
  SwDuty *duty = add_duty (org, desk, "受理", 2, station);
  g_autoptr(SwAutofill) af = NULL;
  guint n_empty = 0;

  add_busy (org, a, at (0, 10, 30), at (0, 12, 0));
  af = sw_autofill_new (org, plan, SW_AUTOFILL_ALL_DAYS, NULL);
  g_assert_cmpuint (sw_autofill_get_n_fills (af), ==, 1);
  g_assert_true (proposes (af, desk, duty, b));
  g_assert_false (proposes (af, desk, duty, a));
  g_assert_cmpstr (gap_reason (af, duty, &n_empty), ==,
                   "no free person of 直属供电所 on 23 Sep 9:00–11:00 "
                   "(1 of 2 already on 服务台, 1 of 2 unavailable)");
  g_assert_cmpuint (n_empty, ==, 1);
  check_rules (af);
}

static void
test_one_duty_per_slot (void)
{
  g_autoptr(SwOrganisation) org = sw_organisation_new ();
  SwDepartment *station = add_department (org, "直属供电所");
  SwPerson *a = add_person (org, "王伟", station);
  SwPlan *plan = add_plan (org);
  SwSlot *desk = add_slot (org, plan, "服务台", at (0, 9, 0), at (0, 11, 0), "人民广场");
  SwDuty *d1 = add_duty (org, desk, "受理", 1, station);
  SwDuty *d2 = add_duty (org, desk, "抢修", 1, NULL);
  g_autoptr(SwAutofill) af = sw_autofill_new (org, plan, SW_AUTOFILL_ALL_DAYS, NULL);

  g_assert_cmpuint (sw_autofill_get_n_fills (af), ==, 1);
  /* The person can only do the department's duty; the open one waits. */
  g_assert_true (proposes (af, desk, d1, a));
  g_assert_cmpstr (gap_reason (af, d2, NULL), ==,
                   "no free person on 23 Sep 9:00–11:00 (1 of 1 already on 服务台)");
  check_rules (af);
}

static void
test_inactive (void)
{
  g_autoptr(SwOrganisation) org = sw_organisation_new ();
  SwDepartment *station = add_department (org, "直属供电所");
  SwPerson *a = add_person (org, "王伟", station);
  SwPerson *b = add_person (org, "李娜", station);
  SwPlan *plan = add_plan (org);
  SwSlot *desk = add_slot (org, plan, "服务台", at (0, 9, 0), at (0, 11, 0), "人民广场");
  SwDuty *duty = add_duty (org, desk, "受理", 2, station);
  g_autoptr(SwAutofill) af = NULL;

  set_active (org, a, FALSE);
  af = sw_autofill_new (org, plan, SW_AUTOFILL_ALL_DAYS, NULL);
  g_assert_cmpuint (sw_autofill_get_n_fills (af), ==, 1);
  g_assert_true (proposes (af, desk, duty, b));
  g_assert_cmpstr (gap_reason (af, duty, NULL), ==,
                   "no free person of 直属供电所 on 23 Sep 9:00–11:00 "
                   "(1 of 2 already on 服务台, 1 of 2 inactive)");
  check_rules (af);
}

/* The issue's own example: four people of the station, all on the desk. */
static void
test_explanation (void)
{
  g_autoptr(SwOrganisation) org = sw_organisation_new ();
  SwDepartment *station = add_department (org, "直属供电所");
  SwPlan *plan = add_plan (org);
  SwSlot *desk = add_slot (org, plan, "服务台", at (0, 9, 0), at (0, 11, 0), "人民广场");
  SwDuty *accept = add_duty (org, desk, "受理报装/咨询", 2, station);
  SwDuty *repair = add_duty (org, desk, "现场抢修", 2, station);
  SwDuty *lead = add_duty (org, desk, "带班", 1, station);
  g_autoptr(SwAutofill) af = NULL;
  g_autofree char *when = NULL;
  guint n_empty = 0;
  SwSlot *slot;
  SwDuty *duty;
  const char *reason;

  add_person (org, "王伟", station);
  add_person (org, "李娜", station);
  add_person (org, "张敏", station);
  add_person (org, "刘洋", station);

  af = sw_autofill_new (org, plan, SW_AUTOFILL_ALL_DAYS, NULL);
  g_assert_cmpuint (sw_autofill_get_n_fills (af), ==, 4);
  g_assert_cmpuint (sw_autofill_get_n_gaps (af), ==, 1);
  g_assert_cmpuint (sw_autofill_get_n_unfilled (af), ==, 1);
  /* Which of the three duties stays short is the solver's choice; the
   * reason is the same for each. */
  sw_autofill_get_gap (af, 0, &slot, &duty, &n_empty, &reason);
  g_assert_true (slot == desk);
  g_assert_true (duty == accept || duty == repair || duty == lead);
  g_assert_cmpuint (n_empty, ==, 1);
  g_assert_cmpstr (reason, ==,
                   "no free person of 直属供电所 on 23 Sep 9:00–11:00 (4 of 4 already on 服务台)");

  when = sw_autofill_format_when (at (0, 9, 0), at (1, 1, 30));
  g_assert_cmpstr (when, ==, "23 Sep 9:00–24 Sep 1:30");
  g_clear_pointer (&when, g_free);
  when = sw_autofill_format_when (at (0, 20, 0), at (1, 0, 0));
  g_assert_cmpstr (when, ==, "23 Sep 20:00–24:00");
}

/* Skills and hours per day are hard rules, and the gaps say so. */
static void
test_skills_and_hours (void)
{
  g_autoptr(SwOrganisation) org = sw_organisation_new ();
  SwDepartment *station = add_department (org, "直属供电所");
  SwPlan *plan = add_plan (org);
  SwSlot *morning = add_slot (org, plan, "上门服务", at (0, 8, 0), at (0, 12, 0), "客户现场");
  SwSlot *afternoon = add_slot (org, plan, "抢修", at (0, 13, 0), at (0, 17, 0), "客户现场");
  SwDuty *visit = add_duty (org, morning, "上门服务", 1, station);
  SwDuty *repair = add_duty (org, afternoon, "现场抢修", 1, station);
  SwPerson *wang = add_person (org, "王伟", station);
  const char *licence[] = { "电工证", NULL };
  g_autoptr(SwAutofill) af = NULL;
  SwDuty *duty;
  SwPerson *person;
  const char *reason;

  /* Only 王伟 works there and nobody holds the licence. */
  sw_duty_set_skills (repair, licence);
  af = sw_autofill_new (org, plan, SW_AUTOFILL_ALL_DAYS, NULL);
  g_assert_cmpuint (sw_autofill_get_n_fills (af), ==, 1);
  sw_autofill_get_fill (af, 0, NULL, &duty, &person);
  g_assert_true (duty == visit && person == wang);
  sw_autofill_get_gap (af, 0, NULL, &duty, NULL, &reason);
  g_assert_true (duty == repair);
  g_assert_nonnull (strstr (reason, "1 of 1 without the skills"));
  g_clear_object (&af);

  /* With the licence but at most 6 hours a day: one of the two. */
  sw_person_set_skills (wang, licence);
  sw_plan_set_max_hours_per_day (plan, 6);
  af = sw_autofill_new (org, plan, SW_AUTOFILL_ALL_DAYS, NULL);
  g_assert_cmpuint (sw_autofill_get_n_fills (af), ==, 1);
  sw_autofill_get_gap (af, 0, NULL, NULL, NULL, &reason);
  g_assert_nonnull (strstr (reason, "1 of 1 at their hours for the day"));
  g_clear_object (&af);

  /* Eight hours allowed: both. */
  sw_plan_set_max_hours_per_day (plan, 8);
  af = sw_autofill_new (org, plan, SW_AUTOFILL_ALL_DAYS, NULL);
  g_assert_cmpuint (sw_autofill_get_n_fills (af), ==, 2);
}

static void
test_pinned (void)
{
  g_autoptr(SwOrganisation) org = sw_organisation_new ();
  SwDepartment *station = add_department (org, "直属供电所");
  SwPerson *a = add_person (org, "王伟", station);
  SwPerson *b = add_person (org, "李娜", station);
  SwPerson *c = add_person (org, "张敏", station);
  SwPlan *plan = add_plan (org);
  SwSlot *desk = add_slot (org, plan, "服务台", at (0, 9, 0), at (0, 11, 0), "人民广场");
  SwSlot *visit = add_slot (org, plan, "走访", at (0, 10, 0), at (0, 12, 0), "工业园");
  SwDuty *accept = add_duty (org, desk, "受理", 2, station);
  SwDuty *lead = add_duty (org, visit, "带队", 2, station);
  g_autoptr(SwAutofill) af = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after_undo = NULL;
  g_autoptr(GError) error = NULL;

  /* By hand: a on the desk (a better overall fill would move a to the
   * visit, but hand-made assignments stay), b attends the visit. */
  assign (org, desk, a, accept, TRUE);
  assign (org, visit, b, NULL, TRUE);
  before = snapshot (org);

  af = sw_autofill_new (org, plan, SW_AUTOFILL_ALL_DAYS, NULL);
  /* One seat left on the desk, two on the visit; b is on the visit and
   * a on the desk, so only c can help, once. */
  g_assert_cmpuint (sw_autofill_get_n_seats (af), ==, 3);
  g_assert_cmpuint (sw_autofill_get_n_fills (af), ==, 1);
  g_assert_true (proposes (af, desk, accept, c) || proposes (af, visit, lead, c));
  check_rules (af);
  apply (af);

  /* The pinned ones are where they were, still pinned. */
  g_assert_true (sw_assignment_get_pinned (sw_slot_find_assignment (desk, a)));
  g_assert_true (sw_assignment_get_duty (sw_slot_find_assignment (desk, a)) == accept);
  g_assert_true (sw_assignment_get_pinned (sw_slot_find_assignment (visit, b)));
  g_assert_null (sw_assignment_get_duty (sw_slot_find_assignment (visit, b)));
  g_assert_false (sw_assignment_get_pinned (sw_slot_find_assignment (proposes (af, desk, accept, c) ? desk : visit, c)));

  g_assert_true (sw_undo_stack_undo (sw_organisation_get_undo_stack (org), &error));
  g_assert_no_error (error);
  after_undo = snapshot (org);
  g_assert_cmpstr (before, ==, after_undo);
}

static void
test_stability (void)
{
  g_autoptr(SwOrganisation) org = sw_organisation_new ();
  SwDepartment *station = add_department (org, "直属供电所");
  SwDepartment *audit = add_department (org, "稽审科");
  SwPlan *plan = add_plan (org);
  g_autoptr(GPtrArray) people = g_ptr_array_new ();
  g_autoptr(SwAutofill) first = NULL;
  g_autoptr(SwAutofill) second = NULL;
  g_autofree char *after_first = NULL;
  g_autofree char *after_second = NULL;

  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *name = g_strdup_printf ("员工%u", i);

      g_ptr_array_add (people, add_person (org, name, i % 2 ? audit : station));
    }
  for (guint i = 0; i < 8; i++)
    {
      g_autofree char *title = g_strdup_printf ("服务台%u", i);
      SwSlot *slot = add_slot (org, plan, title, at (i / 4, 8 + (i % 4) * 2, 0),
                               at (i / 4, 11 + (i % 4) * 2, 0), i % 2 ? "人民广场" : "工业园");

      add_duty (org, slot, "受理", 2, station);
      add_duty (org, slot, "投诉", 1, audit);
      add_duty (org, slot, "资料", 1, NULL);
    }
  set_travel_buffer (org, plan, 20);

  first = sw_autofill_new (org, plan, SW_AUTOFILL_ALL_DAYS, NULL);
  g_assert_cmpuint (sw_autofill_get_n_fills (first), >, 0);
  g_assert_cmpuint (sw_autofill_get_n_unfilled (first), >, 0);
  check_rules (first);
  apply (first);
  g_assert_true (sw_autofill_get_stale (first));
  after_first = snapshot (org);

  second = sw_autofill_new (org, plan, SW_AUTOFILL_ALL_DAYS, NULL);
  g_assert_cmpuint (sw_autofill_get_n_fills (second), ==, 0);
  g_assert_cmpuint (sw_autofill_get_n_seats (second), ==, sw_autofill_get_n_unfilled (first));
  g_assert_cmpuint (sw_autofill_get_n_unfilled (second), ==, sw_autofill_get_n_unfilled (first));
  g_assert_cmpuint (sw_autofill_get_n_gaps (second), ==, sw_autofill_get_n_gaps (first));
  for (guint i = 0; i < sw_autofill_get_n_gaps (first); i++)
    {
      const char *r1, *r2;

      sw_autofill_get_gap (first, i, NULL, NULL, NULL, &r1);
      sw_autofill_get_gap (second, i, NULL, NULL, NULL, &r2);
      g_assert_cmpstr (r1, ==, r2);
    }

  /* Applying an empty proposal changes nothing and adds no undo step. */
  apply (second);
  after_second = snapshot (org);
  g_assert_cmpstr (after_first, ==, after_second);
  g_assert_cmpstr (sw_undo_stack_get_undo_label (sw_organisation_get_undo_stack (org)), ==, "Auto-fill");
}

static void
test_fairness (void)
{
  g_autoptr(SwOrganisation) org = sw_organisation_new ();
  SwDepartment *station = add_department (org, "直属供电所");
  SwPerson *a = add_person (org, "王伟", station);
  SwPerson *b = add_person (org, "李娜", station);
  SwPerson *c = add_person (org, "张敏", station);
  SwPlan *plan = add_plan (org);
  SwSlot *before = add_slot (org, plan, "筹备会", at (-1, 8, 0), at (-1, 14, 0), "会议室");
  g_autoptr(SwAutofill) af = NULL;

  /* a already has six hours; six one-hour seats follow. */
  assign (org, before, a, NULL, TRUE);
  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *title = g_strdup_printf ("服务台%u", i);
      SwSlot *slot = add_slot (org, plan, title, at (0, 8 + i, 0), at (0, 9 + i, 0), "人民广场");

      add_duty (org, slot, "受理", 1, station);
    }

  af = sw_autofill_new (org, plan, SW_AUTOFILL_ALL_DAYS, NULL);
  g_assert_cmpuint (sw_autofill_get_n_fills (af), ==, 6);
  g_assert_cmpuint (fills_of_person (af, a), ==, 0);
  g_assert_cmpuint (fills_of_person (af, b), ==, 3);
  g_assert_cmpuint (fills_of_person (af, c), ==, 3);
  g_assert_cmpint (sw_autofill_get_max_minutes (af), ==, 360);
  g_assert_cmpint (sw_autofill_get_person_minutes (af, b), ==, 180);
  check_rules (af);
}

/* Fairness must never cost a seat: b is the only one who can take the
 * audit seat at 9, so c takes the open seat even though b has less. */
static void
test_fill_before_fairness (void)
{
  g_autoptr(SwOrganisation) org = sw_organisation_new ();
  SwDepartment *station = add_department (org, "直属供电所");
  SwDepartment *audit = add_department (org, "稽审科");
  SwPerson *b = add_person (org, "李娜", audit);
  SwPerson *c = add_person (org, "张敏", station);
  SwPlan *plan = add_plan (org);
  SwSlot *s1 = add_slot (org, plan, "服务台", at (0, 9, 0), at (0, 11, 0), "人民广场");
  SwDuty *open = add_duty (org, s1, "资料", 1, NULL);
  SwDuty *report = add_duty (org, s1, "投诉", 1, audit);
  g_autoptr(SwAutofill) af = sw_autofill_new (org, plan, SW_AUTOFILL_ALL_DAYS, NULL);

  g_assert_cmpuint (sw_autofill_get_n_fills (af), ==, 2);
  g_assert_true (proposes (af, s1, report, b));
  g_assert_true (proposes (af, s1, open, c));
}

static void
test_scope (void)
{
  g_autoptr(SwOrganisation) org = sw_organisation_new ();
  SwDepartment *station = add_department (org, "直属供电所");
  SwPlan *plan = add_plan (org);
  SwSlot *s1 = add_slot (org, plan, "服务台一", at (0, 9, 0), at (0, 11, 0), "人民广场");
  SwSlot *s2 = add_slot (org, plan, "服务台二", at (0, 14, 0), at (0, 16, 0), "人民广场");
  SwSlot *s3 = add_slot (org, plan, "服务台三", at (1, 9, 0), at (1, 11, 0), "人民广场");
  SwSlot *s4 = add_slot (org, plan, "服务台四", at (1, 10, 0), at (1, 12, 0), "人民广场");
  SwDuty *d3;

  add_person (org, "王伟", station);
  add_duty (org, s1, "受理", 1, station);
  add_duty (org, s2, "受理", 1, station);
  d3 = add_duty (org, s3, "受理", 1, station);
  add_duty (org, s4, "受理", 1, station);

  {
    g_autoptr(SwAutofill) af = sw_autofill_new (org, plan, DAY0, NULL);

    g_assert_cmpint (sw_autofill_get_day (af), ==, DAY0);
    g_assert_cmpuint (sw_autofill_get_n_seats (af), ==, 2);
    g_assert_cmpuint (sw_autofill_get_n_fills (af), ==, 2);
  }
  {
    g_autoptr(SwAutofill) af = sw_autofill_new (org, plan, SW_AUTOFILL_ALL_DAYS, s3);

    g_assert_true (sw_autofill_get_slot (af) == s3);
    g_assert_cmpuint (sw_autofill_get_n_seats (af), ==, 1);
    g_assert_cmpuint (sw_autofill_get_n_fills (af), ==, 1);
    apply (af);
  }
  {
    /* The person is now on s3, which blocks the overlapping s4. */
    g_autoptr(SwAutofill) af = sw_autofill_new (org, plan, DAY0 + 1, NULL);

    g_assert_cmpuint (sw_autofill_get_n_seats (af), ==, 1);
    g_assert_cmpuint (sw_autofill_get_n_fills (af), ==, 0);
    g_assert_cmpstr (gap_reason (af, d3, NULL), ==, NULL);
    g_assert_cmpuint (sw_autofill_get_n_gaps (af), ==, 1);
  }
}

/* Undo of a whole run restores the exact previous state; a proposal made
 * before a change refuses to apply. */
static void
test_undo (void)
{
  g_autoptr(SwOrganisation) org = sw_organisation_new ();
  SwDepartment *station = add_department (org, "直属供电所");
  SwDepartment *audit = add_department (org, "稽审科");
  SwPlan *plan = add_plan (org);
  SwUndoStack *stack = sw_organisation_get_undo_stack (org);
  g_autoptr(SwAutofill) af = NULL;
  g_autoptr(SwAutofill) old = NULL;
  g_autofree char *before = NULL;
  g_autofree char *applied = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;
  g_autoptr(GError) error = NULL;
  SwPerson *first = NULL;

  for (guint i = 0; i < 10; i++)
    {
      g_autofree char *name = g_strdup_printf ("员工%u", i);
      SwPerson *p = add_person (org, name, i % 3 ? station : audit);

      if (first == NULL)
        first = p;
    }
  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *title = g_strdup_printf ("服务台%u", i);
      SwSlot *slot = add_slot (org, plan, title, at (0, 8 + i, 0), at (0, 10 + i, 0), "人民广场");
      SwDuty *duty = add_duty (org, slot, "受理", 2, station);

      add_duty (org, slot, "投诉", 1, audit);
      if (i == 0)
        assign (org, slot, first, duty, TRUE);
    }

  old = sw_autofill_new (org, plan, SW_AUTOFILL_ALL_DAYS, NULL);
  set_travel_buffer (org, plan, 10);
  g_assert_true (sw_autofill_get_stale (old));
  g_assert_false (sw_autofill_apply (old, &error));
  g_assert_error (error, SW_CORE_ERROR, SW_CORE_ERROR_CONFLICT);
  g_clear_error (&error);

  before = snapshot (org);
  af = sw_autofill_new (org, plan, SW_AUTOFILL_ALL_DAYS, NULL);
  g_assert_false (sw_autofill_get_stale (af));
  g_assert_cmpuint (sw_autofill_get_n_fills (af), >, 3);
  apply (af);
  applied = snapshot (org);
  g_assert_cmpstr (before, !=, applied);
  g_assert_cmpstr (sw_undo_stack_get_undo_label (stack), ==, "Auto-fill");

  /* One step. */
  g_assert_true (sw_undo_stack_undo (stack, &error));
  g_assert_no_error (error);
  undone = snapshot (org);
  g_assert_cmpstr (before, ==, undone);
  g_assert_cmpstr (sw_undo_stack_get_undo_label (stack), !=, "Auto-fill");

  g_assert_true (sw_undo_stack_redo (stack, &error));
  g_assert_no_error (error);
  redone = snapshot (org);
  g_assert_cmpstr (applied, ==, redone);
}

/* A failing commit (the store refusing) leaves nothing behind. */
static gboolean
refuse_commit (SwCommand  *command,
               gboolean    reverting,
               gpointer    user_data,
               GError    **error)
{
  gboolean *refuse = user_data;

  if (*refuse)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE, "disk full");
      return FALSE;
    }
  return TRUE;
}

static void
test_apply_fails (void)
{
  g_autoptr(SwOrganisation) org = sw_organisation_new ();
  SwDepartment *station = add_department (org, "直属供电所");
  SwPlan *plan = add_plan (org);
  SwSlot *desk = add_slot (org, plan, "服务台", at (0, 9, 0), at (0, 11, 0), "人民广场");
  SwUndoStack *stack = sw_organisation_get_undo_stack (org);
  g_autoptr(SwAutofill) af = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  gboolean refuse = FALSE;

  add_person (org, "王伟", station);
  add_person (org, "李娜", station);
  add_duty (org, desk, "受理", 2, station);
  sw_undo_stack_set_commit_func (stack, refuse_commit, &refuse, NULL);

  before = snapshot (org);
  af = sw_autofill_new (org, plan, SW_AUTOFILL_ALL_DAYS, NULL);
  g_assert_cmpuint (sw_autofill_get_n_fills (af), ==, 2);
  refuse = TRUE;
  g_assert_false (sw_autofill_apply (af, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  after = snapshot (org);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (g_list_model_get_n_items (sw_slot_get_assignments (desk)), ==, 0);
  sw_undo_stack_set_commit_func (stack, NULL, NULL, NULL);
}

/* ------------------------------------------------------------------ */
/* Random instances                                                    */

typedef struct
{
  guint    n_depts;
  guint    n_people;
  guint    n_slots;
  guint    n_days;
  gboolean overlaps;    /* FALSE: every slot in its own time */
  int      travel_buffer;
  double   open_duty;   /* share of duties open to every department */
  guint    max_count;
  double   skilled;     /* share of people who hold 电工证 */
  double   skill_duty;  /* share of duties that need it */
  int      max_hours;   /* the plan's hours of duty per day, 0: none */
} Shape;

#define SKILL "电工证"

static void
set_int (SwOrganisation *org,
         gpointer        object,
         const char     *property,
         int             value)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sw_undo_stack_set (sw_organisation_get_undo_stack (org), &error,
                                    object, property, value));
  g_assert_no_error (error);
}

static gboolean
has_skill (SwPerson *person)
{
  const char *const *skills = sw_person_get_skills (person);

  return skills != NULL && g_strv_contains (skills, SKILL);
}

static gboolean
duty_needs_skill (SwDuty *duty)
{
  const char *const *skills = sw_duty_get_skills (duty);

  return skills != NULL && g_strv_contains (skills, SKILL);
}

/* Minutes of [start, end) on the day that starts at @day_start. */
static gint64
minutes_within (gint64 start,
                gint64 end,
                gint64 day_start)
{
  return MAX (MIN (end, day_start + 1440) - MAX (start, day_start), 0);
}

static const char *places[] = { "人民广场", "工业园", "营业厅", "文化广场" };

static SwOrganisation *
random_organisation (const Shape *shape,
                     guint32      seed,
                     SwPlan     **out_plan)
{
  SwOrganisation *org = sw_organisation_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GPtrArray) depts = g_ptr_array_new ();
  g_autoptr(GPtrArray) people = g_ptr_array_new ();
  g_autoptr(GPtrArray) slots = g_ptr_array_new ();
  SwPlan *plan;

  for (guint i = 0; i < shape->n_depts; i++)
    {
      g_autofree char *name = g_strdup_printf ("部门%u", i);

      g_ptr_array_add (depts, add_department (org, name));
    }
  for (guint i = 0; i < shape->n_people; i++)
    {
      g_autofree char *name = g_strdup_printf ("员工%u", i);
      SwPerson *p = add_person (org, name, depts->pdata[g_rand_int_range (rand, 0, (gint32) shape->n_depts)]);

      g_ptr_array_add (people, p);
      if (g_rand_double (rand) < shape->skilled)
        {
          const char *skills[] = { SKILL, NULL };

          sw_person_set_skills (p, skills);
        }
      if (g_rand_double (rand) < 0.05)
        set_active (org, p, FALSE);
      if (g_rand_double (rand) < 0.15)
        {
          int day = g_rand_int_range (rand, 0, (gint32) shape->n_days);
          int hour = g_rand_int_range (rand, 8, 16);

          add_busy (org, p, at (day, hour, 0), at (day, hour + g_rand_int_range (rand, 1, 5), 0));
        }
    }

  plan = add_plan (org);
  if (shape->travel_buffer > 0)
    set_travel_buffer (org, plan, shape->travel_buffer);
  if (shape->max_hours > 0)
    set_int (org, plan, "max-hours-per-day", shape->max_hours);

  for (guint i = 0; i < shape->n_slots; i++)
    {
      g_autofree char *title = g_strdup_printf ("时段%u", i);
      gint64 start, end;
      SwSlot *slot;
      guint n_duties = (guint) g_rand_int_range (rand, 1, 5);

      if (shape->overlaps)
        {
          int day = g_rand_int_range (rand, 0, (gint32) shape->n_days);
          int half_hours = g_rand_int_range (rand, 2, 9);
          int first = g_rand_int_range (rand, 16, 37 - half_hours);

          start = sw_time_from_day (DAY0 + day) + first * 30;
          end = start + half_hours * 30;
        }
      else
        {
          /* Each slot in its own three hours. */
          start = at (0, 0, 0) + (gint64) i * 180;
          end = start + 60 + g_rand_int_range (rand, 0, 5) * 30;
        }
      slot = add_slot (org, plan, title, start, end,
                       places[g_rand_int_range (rand, 0, G_N_ELEMENTS (places))]);
      g_ptr_array_add (slots, slot);

      for (guint k = 0; k < n_duties; k++)
        {
          g_autofree char *name = g_strdup_printf ("职责%u", k);
          SwDepartment *dept = g_rand_double (rand) < shape->open_duty
                               ? NULL
                               : depts->pdata[g_rand_int_range (rand, 0, (gint32) shape->n_depts)];

          SwDuty *duty = add_duty (org, slot, name, (guint) g_rand_int_range (rand, 1, (gint32) shape->max_count + 1), dept);

          if (g_rand_double (rand) < shape->skill_duty)
            {
              const char *skills[] = { SKILL, NULL };

              sw_duty_set_skills (duty, skills);
            }
        }
    }

  /* Some seats already taken by hand, keeping the rules, as a coordinator
   * would; some of those by a person from the duty's department. */
  for (guint i = 0; i < shape->n_slots / 3; i++)
    {
      SwSlot *slot = slots->pdata[g_rand_int_range (rand, 0, (gint32) slots->len)];
      GListModel *duties = sw_slot_get_duties (slot);
      g_autoptr(SwDuty) duty = g_list_model_get_item (duties, (guint) g_rand_int_range (rand, 0, (gint32) g_list_model_get_n_items (duties)));
      SwPerson *p = people->pdata[g_rand_int_range (rand, 0, (gint32) people->len)];
      gboolean ok = sw_person_get_active (p) &&
                    sw_slot_find_assignment (slot, p) == NULL &&
                    sw_slot_count_duty (slot, duty) < sw_duty_get_count (duty) &&
                    !busy_between (p, sw_slot_get_start (slot), sw_slot_get_end (slot)) &&
                    (sw_duty_get_department (duty) == NULL || sw_duty_get_department (duty) == sw_person_get_department (p)) &&
                    (!duty_needs_skill (duty) || has_skill (p));

      for (guint k = 0; ok && k < slots->len; k++)
        if (slots->pdata[k] != slot && sw_slot_find_assignment (slots->pdata[k], p) != NULL &&
            rule_conflict (plan, slot, slots->pdata[k]))
          ok = FALSE;
      if (ok)
        assign (org, slot, p, duty, g_rand_boolean (rand));
    }

  sw_undo_stack_clear (sw_organisation_get_undo_stack (org));
  *out_plan = plan;
  return org;
}

/* The needs of a plan and who could ever fill them, by an independent
 * reading of the rules: (slot, duty, empty seats, eligible people). */
typedef struct
{
  SwSlot    *slot;
  SwDuty    *duty;
  guint      missing;
  GPtrArray *eligible;   /* SwPerson */
} TestNeed;

static void
test_need_clear (gpointer data)
{
  TestNeed *n = data;

  g_clear_pointer (&n->eligible, g_ptr_array_unref);
}

static GArray *
collect_needs (SwOrganisation *org,
               SwPlan         *plan)
{
  GArray *needs = g_array_new (FALSE, FALSE, sizeof (TestNeed));
  g_autoptr(GPtrArray) slots = sw_plan_dup_sorted_slots (plan);
  GListModel *people = sw_organisation_get_people (org);

  g_array_set_clear_func (needs, test_need_clear);
  for (guint i = 0; i < slots->len; i++)
    {
      SwSlot *slot = slots->pdata[i];
      GListModel *duties = sw_slot_get_duties (slot);

      for (guint k = 0; k < g_list_model_get_n_items (duties); k++)
        {
          g_autoptr(SwDuty) duty = g_list_model_get_item (duties, k);
          guint held = sw_slot_count_duty (slot, duty);
          TestNeed need = { slot, duty, 0, NULL };

          if (held >= sw_duty_get_count (duty))
            continue;
          need.missing = sw_duty_get_count (duty) - held;
          need.eligible = g_ptr_array_new ();
          for (guint p = 0; p < g_list_model_get_n_items (people); p++)
            {
              g_autoptr(SwPerson) person = g_list_model_get_item (people, p);
              gboolean ok = sw_person_get_active (person) &&
                            (sw_duty_get_department (duty) == NULL ||
                             sw_duty_get_department (duty) == sw_person_get_department (person)) &&
                            (!duty_needs_skill (duty) || has_skill (person)) &&
                            !busy_between (person, sw_slot_get_start (slot), sw_slot_get_end (slot));

              for (guint t = 0; ok && t < slots->len; t++)
                if (sw_slot_find_assignment (slots->pdata[t], person) != NULL &&
                    rule_conflict (plan, slot, slots->pdata[t]))
                  ok = FALSE;
              if (ok)
                g_ptr_array_add (need.eligible, person);
            }
          g_array_append_val (needs, need);
        }
    }

  return needs;
}

/* Edmonds–Karp on a dense capacity matrix. */
static guint
max_flow (int  *cap,
          guint n,
          guint source,
          guint sink)
{
  g_autofree int *parent = g_new (int, n);
  g_autofree guint *queue = g_new (guint, n);
  guint flow = 0;

  for (;;)
    {
      guint head = 0, tail = 0;
      int bottleneck = G_MAXINT;

      for (guint i = 0; i < n; i++)
        parent[i] = -1;
      parent[source] = (int) source;
      queue[tail++] = source;
      while (head < tail && parent[sink] < 0)
        {
          guint u = queue[head++];

          for (guint v = 0; v < n; v++)
            if (parent[v] < 0 && cap[u * n + v] > 0)
              {
                parent[v] = (int) u;
                queue[tail++] = v;
              }
        }
      if (parent[sink] < 0)
        return flow;

      for (guint v = sink; v != source; v = (guint) parent[v])
        bottleneck = MIN (bottleneck, cap[(guint) parent[v] * n + v]);
      for (guint v = sink; v != source; v = (guint) parent[v])
        {
          cap[(guint) parent[v] * n + v] -= bottleneck;
          cap[v * n + (guint) parent[v]] += bottleneck;
        }
      flow += (guint) bottleneck;
    }
}

/* Without overlaps every slot is its own bipartite problem: seats of the
 * slot's duties against the people, each person at most once. */
static guint
optimum_without_overlaps (SwOrganisation *org,
                          SwPlan         *plan)
{
  g_autoptr(GArray) needs = collect_needs (org, plan);
  GListModel *people = sw_organisation_get_people (org);
  guint n_people = g_list_model_get_n_items (people);
  guint total = 0;

  for (guint first = 0; first < needs->len;)
    {
      SwSlot *slot = g_array_index (needs, TestNeed, first).slot;
      guint last = first;
      guint n, source, sink;
      g_autofree int *cap = NULL;

      while (last < needs->len && g_array_index (needs, TestNeed, last).slot == slot)
        last++;

      /* source, needs, people, sink */
      n = 2 + (last - first) + n_people;
      source = 0;
      sink = n - 1;
      cap = g_new0 (int, n * n);
      for (guint k = first; k < last; k++)
        {
          TestNeed *need = &g_array_index (needs, TestNeed, k);
          guint node = 1 + (k - first);

          cap[source * n + node] = (int) need->missing;
          for (guint e = 0; e < need->eligible->len; e++)
            {
              guint p;

              g_assert_true (g_list_store_find (G_LIST_STORE (people), need->eligible->pdata[e], &p));
              cap[node * n + 1 + (last - first) + p] = 1;
            }
        }
      for (guint p = 0; p < n_people; p++)
        cap[(1 + (last - first) + p) * n + sink] = 1;

      total += max_flow (cap, n, source, sink);
      first = last;
    }

  return total;
}

static void
test_max_flow (void)
{
  static const Shape shapes[] = {
    { 3, 8, 6, 1, FALSE, 0, 0.3, 3 },
    { 4, 12, 10, 1, FALSE, 0, 0.5, 4 },
    { 2, 6, 8, 1, FALSE, 0, 0.6, 3 },
    { 5, 30, 15, 1, FALSE, 0, 0.2, 5 },
    { 6, 60, 20, 1, FALSE, 0, 0.4, 5 },
  };
  guint instances = 0, with_gaps = 0;

  for (guint32 seed = 1; seed <= 120; seed++)
    {
      const Shape *shape = &shapes[seed % G_N_ELEMENTS (shapes)];
      SwPlan *plan = NULL;
      g_autoptr(SwOrganisation) org = random_organisation (shape, seed, &plan);
      g_autoptr(SwAutofill) af = sw_autofill_new (org, plan, SW_AUTOFILL_ALL_DAYS, NULL);
      guint optimum = optimum_without_overlaps (org, plan);
      guint filled = sw_autofill_get_n_fills (af);

      if (filled != optimum)
        g_error ("seed %u: auto-fill filled %u seats, the maximum is %u", seed, filled, optimum);
      g_assert_cmpuint (sw_autofill_get_n_seats (af) - sw_autofill_get_n_unfilled (af), ==, filled);
      check_rules (af);
      instances++;
      with_gaps += sw_autofill_get_n_unfilled (af) > 0;
    }

  /* The instances are tight enough to test something. */
  g_assert_cmpuint (with_gaps, >, instances / 3);
  g_test_message ("max-flow equality on %u instances, %u of them with seats left empty",
                  instances, with_gaps);
}

/* ------------------------------------------------------------------ */
/* Against GLPK                                                        */

static void
lp_list (GString    *out,
         GPtrArray  *terms,
         const char *separator)
{
  for (guint i = 0; i < terms->len; i++)
    {
      g_string_append_printf (out, "%s%s", i == 0 ? "" : separator, (const char *) terms->pdata[i]);
      if (i % 8 == 7)
        g_string_append (out, "\n  ");
    }
}

static void
lp_terms (GString   *out,
          GPtrArray *terms)
{
  lp_list (out, terms, " + ");
}

/* The instance as a CPLEX LP model: x_p_n = 1 when person p takes a seat of
 * need n; seats per need; for each person at most one seat in any set of
 * pairwise conflicting slots (cliques covering every conflict, a slot
 * conflicting with itself). */
static char *
write_lp (SwOrganisation *org,
          SwPlan         *plan,
          GArray         *needs)
{
  g_autoptr(GPtrArray) slots = sw_plan_dup_sorted_slots (plan);
  GListModel *people = sw_organisation_get_people (org);
  guint n_people = g_list_model_get_n_items (people);
  guint n_slots = slots->len;
  g_autofree gboolean *conflict = g_new0 (gboolean, n_slots * n_slots);
  g_autofree gboolean *covered = g_new0 (gboolean, n_slots * n_slots);
  g_autoptr(GPtrArray) cliques = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autoptr(GHashTable) slot_index = g_hash_table_new (NULL, NULL);
  g_autoptr(GString) out = g_string_new ("\\ servweek auto-fill instance\nMaximize\n obj: ");
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_free);
  guint row = 0;

  for (guint i = 0; i < n_slots; i++)
    g_hash_table_insert (slot_index, slots->pdata[i], GUINT_TO_POINTER (i));
  for (guint i = 0; i < n_slots; i++)
    for (guint j = 0; j < n_slots; j++)
      conflict[i * n_slots + j] = rule_conflict (plan, slots->pdata[i], slots->pdata[j]);

  /* Greedy clique cover of the conflict graph, loops included. */
  for (guint i = 0; i < n_slots; i++)
    for (guint j = i; j < n_slots; j++)
      {
        GArray *clique;

        if (!conflict[i * n_slots + j] || covered[i * n_slots + j])
          continue;
        clique = g_array_new (FALSE, FALSE, sizeof (guint));
        g_array_append_val (clique, i);
        if (j != i)
          g_array_append_val (clique, j);
        for (guint k = 0; k < n_slots; k++)
          {
            gboolean all_conflict = TRUE;

            for (guint m = 0; m < clique->len && all_conflict; m++)
              if (g_array_index (clique, guint, m) == k ||
                  !conflict[g_array_index (clique, guint, m) * n_slots + k])
                all_conflict = FALSE;
            if (all_conflict)
              g_array_append_val (clique, k);
          }
        for (guint a = 0; a < clique->len; a++)
          for (guint b = 0; b < clique->len; b++)
            covered[g_array_index (clique, guint, a) * n_slots + g_array_index (clique, guint, b)] = TRUE;
        g_ptr_array_add (cliques, clique);
      }

  for (guint n = 0; n < needs->len; n++)
    {
      TestNeed *need = &g_array_index (needs, TestNeed, n);

      for (guint e = 0; e < need->eligible->len; e++)
        {
          guint p;

          g_assert_true (g_list_store_find (G_LIST_STORE (people), need->eligible->pdata[e], &p));
          g_ptr_array_add (all, g_strdup_printf ("x%u_%u", p, n));
        }
    }
  if (all->len == 0)
    g_string_append (out, "0 x_none");
  lp_terms (out, all);
  g_string_append (out, "\nSubject To\n");

  for (guint n = 0; n < needs->len; n++)
    {
      TestNeed *need = &g_array_index (needs, TestNeed, n);
      g_autoptr(GPtrArray) terms = g_ptr_array_new_with_free_func (g_free);

      for (guint e = 0; e < need->eligible->len; e++)
        {
          guint p;

          g_list_store_find (G_LIST_STORE (people), need->eligible->pdata[e], &p);
          g_ptr_array_add (terms, g_strdup_printf ("x%u_%u", p, n));
        }
      if (terms->len <= need->missing)
        continue;
      g_string_append_printf (out, " c%u: ", row++);
      lp_terms (out, terms);
      g_string_append_printf (out, " <= %u\n", need->missing);
    }

  for (guint p = 0; p < n_people; p++)
    {
      g_autoptr(SwPerson) person = g_list_model_get_item (people, p);

      for (guint c = 0; c < cliques->len; c++)
        {
          GArray *clique = cliques->pdata[c];
          g_autoptr(GPtrArray) terms = g_ptr_array_new_with_free_func (g_free);

          for (guint n = 0; n < needs->len; n++)
            {
              TestNeed *need = &g_array_index (needs, TestNeed, n);
              guint s = GPOINTER_TO_UINT (g_hash_table_lookup (slot_index, need->slot));
              gboolean in_clique = FALSE;

              for (guint m = 0; m < clique->len; m++)
                if (g_array_index (clique, guint, m) == s)
                  in_clique = TRUE;
              if (in_clique && g_ptr_array_find (need->eligible, person, NULL))
                g_ptr_array_add (terms, g_strdup_printf ("x%u_%u", p, n));
            }
          if (terms->len < 2)
            continue;
          g_string_append_printf (out, " c%u: ", row++);
          lp_terms (out, terms);
          g_string_append (out, " <= 1\n");
        }
    }

  /* Hours of duty per person and day: the seats taken on a day, with what
   * the person already holds on it, within the plan's limit. */
  if (sw_plan_get_max_hours_per_day (plan) > 0)
    for (guint p = 0; p < n_people; p++)
      {
        g_autoptr(SwPerson) person = g_list_model_get_item (people, p);
        int first = sw_plan_get_first_day (plan), last = sw_plan_get_last_day (plan);

        for (int day = first; day <= last; day++)
          {
            gint64 day_start = sw_time_from_day (day);
            gint64 fixed = 0;
            g_autoptr(GString) terms = g_string_new (NULL);

            for (guint i = 0; i < n_slots; i++)
              if (sw_slot_find_assignment (slots->pdata[i], person) != NULL)
                fixed += minutes_within (sw_slot_get_start (slots->pdata[i]),
                                         sw_slot_get_end (slots->pdata[i]), day_start);
            for (guint n = 0; n < needs->len; n++)
              {
                TestNeed *need = &g_array_index (needs, TestNeed, n);
                gint64 m = minutes_within (sw_slot_get_start (need->slot),
                                           sw_slot_get_end (need->slot), day_start);

                if (m > 0 && g_ptr_array_find (need->eligible, person, NULL))
                  g_string_append_printf (terms, "%s%" G_GINT64_FORMAT " x%u_%u\n  ",
                                          terms->len > 0 ? " + " : "", m, p, n);
              }
            if (terms->len == 0)
              continue;
            g_string_append_printf (out, " c%u: %s <= %" G_GINT64_FORMAT "\n", row++, terms->str,
                                    MAX (sw_plan_get_max_hours_per_day (plan) * 60 - fixed, 0));
          }
      }

  if (row == 0)
    g_string_append (out, " c0: x_none <= 0\n");
  g_string_append (out, "Binary\n ");
  lp_list (out, all, " ");
  if (all->len == 0)
    g_string_append (out, "x_none");
  g_string_append (out, "\nEnd\n");

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Solves @lp with glpsol; the optimum, or -1 when glpsol did not prove
 * one within its time limit. */
static int
glpk_optimum (const char *lp,
              const char *dir,
              guint32     seed)
{
  g_autofree char *lp_path = g_strdup_printf ("%s/instance-%u.lp", dir, seed);
  g_autofree char *out_path = g_strdup_printf ("%s/instance-%u.txt", dir, seed);
  g_autofree char *report = NULL;
  g_autofree char *std_out = NULL;
  g_autofree char *std_err = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "glpsol", "--lp", lp_path, "--tmlim", "60", "-o", out_path, NULL };
  const char *obj;
  int status = 0;

  g_assert_true (g_file_set_contents (lp_path, lp, -1, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &std_out, &std_err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("glpsol failed on seed %u: %s\n%s\n%s", seed, error->message, std_out, std_err);
  g_assert_true (g_file_get_contents (out_path, &report, NULL, &error));
  g_assert_no_error (error);
  g_unlink (lp_path);
  g_unlink (out_path);

  if (strstr (report, "INTEGER OPTIMAL") == NULL)
    return -1;
  obj = strstr (report, "obj = ");
  g_assert_nonnull (obj);
  return (int) g_ascii_strtoll (obj + strlen ("obj = "), NULL, 10);
}

static void
test_glpk (void)
{
  static const Shape shapes[] = {
    /* depts, people, slots, days, overlaps, buffer, open share, max count,
     * skilled people, duties needing the skill, hours per day */
    { 6, 200, 60, 2, TRUE, 0, 0.3, 4, 0.3, 0.2, 0 },
    { 8, 120, 60, 2, TRUE, 30, 0.3, 4, 0.5, 0.3, 0 },
    { 8, 80, 60, 3, TRUE, 0, 0.2, 4, 0, 0, 0 },
    { 3, 12, 10, 1, TRUE, 0, 0.3, 3, 0.4, 0.3, 4 },
    { 10, 200, 60, 2, TRUE, 15, 0.2, 5, 0.2, 0.2, 0 },
    { 3, 14, 10, 1, TRUE, 30, 0.5, 3, 0.5, 0.2, 3 },
  };
  g_autofree char *dir = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *glpsol = g_find_program_in_path ("glpsol");
  double worst = 1.0;
  guint32 worst_seed = 0;
  guint compared = 0, below_seats = 0;

  if (glpsol == NULL)
    g_error ("glpsol is missing: install glpk-utils (build-aux/test does)");

  dir = g_dir_make_tmp ("servweek-autofill-XXXXXX", &error);
  g_assert_no_error (error);

  for (guint32 seed = 1; seed <= 18; seed++)
    {
      const Shape *shape = &shapes[seed % G_N_ELEMENTS (shapes)];
      SwPlan *plan = NULL;
      g_autoptr(SwOrganisation) org = random_organisation (shape, 1000 + seed, &plan);
      g_autoptr(GArray) needs = collect_needs (org, plan);
      g_autofree char *lp = write_lp (org, plan, needs);
      g_autoptr(GTimer) timer = g_timer_new ();
      g_autoptr(SwAutofill) af = sw_autofill_new (org, plan, SW_AUTOFILL_ALL_DAYS, NULL);
      double elapsed = g_timer_elapsed (timer, NULL);
      int optimum = glpk_optimum (lp, dir, seed);
      guint filled = sw_autofill_get_n_fills (af);
      double ratio;

      check_rules (af);
      if (optimum < 0)
        {
          g_test_message ("seed %u: glpsol found no proven optimum in its time limit", seed);
          continue;
        }
      g_assert_cmpint (optimum, >=, (int) filled);
      ratio = optimum > 0 ? (double) filled / optimum : 1.0;
      g_test_message ("seed %u: %u people, %u slots, %u seats: auto-fill %u (%.1f ms), optimum %d, ratio %.4f",
                      seed, shape->n_people, shape->n_slots, sw_autofill_get_n_seats (af),
                      filled, elapsed * 1000, optimum, ratio);
      if (compared == 0 || ratio < worst)
        {
          worst = ratio;
          worst_seed = seed;
        }
      compared++;
      below_seats += (guint) optimum < sw_autofill_get_n_seats (af);
    }

  g_rmdir (dir);
  g_test_message ("worst ratio to the GLPK optimum: %.4f (seed %u) over %u instances, %u of them unable to fill every seat",
                  worst, worst_seed, compared, below_seats);
  g_assert_cmpuint (compared, >=, 15);
  g_assert_cmpuint (below_seats, >=, compared / 2);
  g_assert_cmpfloat (worst, >=, 1.0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/autofill/rules/department", test_department);
  g_test_add_func ("/autofill/rules/overlap", test_overlap);
  g_test_add_func ("/autofill/rules/travel-buffer", test_travel_buffer);
  g_test_add_func ("/autofill/rules/unavailable", test_unavailable);
  g_test_add_func ("/autofill/rules/one-duty-per-slot", test_one_duty_per_slot);
  g_test_add_func ("/autofill/rules/inactive", test_inactive);
  g_test_add_func ("/autofill/skills-and-hours", test_skills_and_hours);
  g_test_add_func ("/autofill/pinned", test_pinned);
  g_test_add_func ("/autofill/stability", test_stability);
  g_test_add_func ("/autofill/fairness", test_fairness);
  g_test_add_func ("/autofill/fill-before-fairness", test_fill_before_fairness);
  g_test_add_func ("/autofill/explanation", test_explanation);
  g_test_add_func ("/autofill/scope", test_scope);
  g_test_add_func ("/autofill/undo", test_undo);
  g_test_add_func ("/autofill/apply-fails", test_apply_fails);
  g_test_add_func ("/autofill/max-flow", test_max_flow);
  g_test_add_func ("/autofill/glpk", test_glpk);

  return g_test_run ();
}
