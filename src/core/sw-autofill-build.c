/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sw-autofill-solver.h"

/* ------------------------------------------------------------------ */
/* Building the solver from the model                                  */

void
sw_autofill_solver_clear (Solver *s)
{
  for (guint i = 0; i < s->n_people; i++)
    {
      g_clear_pointer (&s->people[i].fixed, g_array_unref);
      g_clear_pointer (&s->people[i].days, g_array_unref);
      g_clear_pointer (&s->people[i].asgs, g_array_unref);
    }
  g_clear_pointer (&s->people, g_free);
  if (s->needs != NULL)
    for (guint i = 0; i < s->needs->len; i++)
      {
        g_clear_pointer (&g_array_index (s->needs, Need, i).asgs, g_array_unref);
        g_clear_pointer (&g_array_index (s->needs, Need, i).pool, g_array_unref);
      }
  g_clear_pointer (&s->needs, g_array_unref);
  for (guint i = 0; s->pools != NULL && i < s->n_depts; i++)
    g_clear_pointer (&s->pools[i], g_array_unref);
  g_clear_pointer (&s->pools, g_free);
  g_clear_pointer (&s->all_pool, g_array_unref);
  g_clear_pointer (&s->asgs, g_array_unref);
  g_clear_pointer (&s->nodes, g_array_unref);
  g_clear_pointer (&s->slots, g_free);
}

/* Numbers the departments from 1 in @dept_index (0: not found) and gives
 * each its empty pool of people. */
static void
add_departments (Solver         *s,
                 SwOrganisation *org,
                 GHashTable     *dept_index)
{
  GListModel *departments = sw_organisation_get_departments (org);

  s->n_depts = g_list_model_get_n_items (departments);
  s->pools = g_new0 (GArray *, MAX (s->n_depts, 1));
  for (guint i = 0; i < s->n_depts; i++)
    {
      g_autoptr(SwDepartment) dept = g_list_model_get_item (departments, i);

      g_hash_table_insert (dept_index, dept, GUINT_TO_POINTER (i + 1));
      s->pools[i] = g_array_new (FALSE, FALSE, sizeof (guint));
    }
  s->all_pool = g_array_new (FALSE, FALSE, sizeof (guint));
}

/* Numbers the people from 1 in @person_index and puts the active ones in
 * the pools of their department and of all. */
static void
add_people (Solver         *s,
            SwOrganisation *org,
            GHashTable     *dept_index,
            GHashTable     *person_index)
{
  GListModel *people = sw_organisation_get_people (org);

  s->n_people = g_list_model_get_n_items (people);
  s->people = g_new0 (APerson, MAX (s->n_people, 1));
  for (guint i = 0; i < s->n_people; i++)
    {
      g_autoptr(SwPerson) person = g_list_model_get_item (people, i);
      APerson *p = &s->people[i];
      SwDepartment *dept = sw_person_get_department (person);

      p->person = person;  /* the organisation keeps it alive */
      p->dept = dept != NULL ? (int) GPOINTER_TO_UINT (g_hash_table_lookup (dept_index, dept)) - 1 : -1;
      p->active = sw_person_get_active (person);
      g_hash_table_insert (person_index, person, GUINT_TO_POINTER (i + 1));

      if (p->active)
        {
          g_array_append_val (s->all_pool, i);
          if (p->dept >= 0)
            g_array_append_val (s->pools[p->dept], i);
        }
    }
}

/* The existing assignments of slot @i: they keep their people busy, and
 * @taken counts the seats each duty already has. */
static void
add_fixed_assignments (Solver     *s,
                       guint       i,
                       GHashTable *person_index,
                       GHashTable *taken)
{
  GListModel *assignments = sw_slot_get_assignments (s->slots[i].slot);
  guint n_assignments = g_list_model_get_n_items (assignments);

  for (guint k = 0; k < n_assignments; k++)
    {
      g_autoptr(SwAssignment) a = g_list_model_get_item (assignments, k);
      SwPerson *person = sw_assignment_get_person (a);
      SwDuty *duty = sw_assignment_get_duty (a);
      guint pi;

      if (duty != NULL)
        g_hash_table_insert (taken, duty,
                             GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (taken, duty)) + 1));
      if (person == NULL)
        continue;
      pi = GPOINTER_TO_UINT (g_hash_table_lookup (person_index, person));
      if (pi == 0)
        continue;  /* not on the roster: keeps nobody busy */
      pi--;
      if (s->people[pi].fixed == NULL)
        s->people[pi].fixed = g_array_new (FALSE, FALSE, sizeof (guint));
      g_array_append_val (s->people[pi].fixed, i);
      s->people[pi].fixed_duties += duty != NULL;
      count_days (s, &s->people[pi], i, 1);
      s->people[pi].minutes += slot_minutes (s, i);
      s->people[pi].base_minutes = s->people[pi].minutes;
    }
}

/* The index of @dept's pool, -1 for a duty open to any department. */
static int
need_department (Solver       *s,
                 GHashTable   *dept_index,
                 SwDepartment *dept)
{
  guint di;

  if (dept == NULL)
    return -1;

  di = GPOINTER_TO_UINT (g_hash_table_lookup (dept_index, dept));
  if (di == 0)
    {
      /* A department that is not on the roster: nobody can come from
       * it; an empty pool says so. */
      s->pools = g_renew (GArray *, s->pools, s->n_depts + 1);
      s->pools[s->n_depts] = g_array_new (FALSE, FALSE, sizeof (guint));
      g_hash_table_insert (dept_index, dept, GUINT_TO_POINTER (s->n_depts + 1));
      di = ++s->n_depts;
    }
  return (int) di - 1;
}

/* For a duty that needs skills: the people of its pool who have them. */
static GArray *
skilled_pool (Solver *s,
              Need   *need)
{
  GArray *from = need->dept < 0 ? s->all_pool : s->pools[need->dept];
  GArray *pool = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint q = 0; q < from->len; q++)
    if (duty_fits (s, g_array_index (from, guint, q), need->duty))
      g_array_append_val (pool, g_array_index (from, guint, q));

  return pool;
}

/* A need for every duty of slot @i with empty seats. */
static void
add_needs (Solver     *s,
           guint       i,
           GHashTable *dept_index,
           GHashTable *taken)
{
  GListModel *duties = sw_slot_get_duties (s->slots[i].slot);
  guint n_duties = g_list_model_get_n_items (duties);

  for (guint k = 0; k < n_duties; k++)
    {
      g_autoptr(SwDuty) duty = g_list_model_get_item (duties, k);
      guint count = sw_duty_get_count (duty);
      guint held = GPOINTER_TO_UINT (g_hash_table_lookup (taken, duty));
      Need need = { 0 };

      if (held >= count)
        continue;
      need.duty = duty;  /* the slot keeps it alive */
      need.slot = i;
      need.missing = count - held;
      need.asgs = g_array_new (FALSE, FALSE, sizeof (guint));
      need.dept = need_department (s, dept_index, sw_duty_get_department (duty));
      if (sw_duty_get_skills (duty)[0] != NULL)
        need.pool = skilled_pool (s, &need);
      g_array_append_val (s->needs, need);
    }
}

/* Slot @i: its times and place, its existing assignments, and (when it is
 * in scope) its needs. */
static void
add_slot (Solver     *s,
          guint       i,
          SwSlot     *slot,
          gboolean    in_scope,
          GHashTable *dept_index,
          GHashTable *person_index)
{
  ASlot *as = &s->slots[i];
  g_autoptr(GHashTable) taken = g_hash_table_new (NULL, NULL);

  as->slot = slot;
  as->start = sw_slot_get_start (slot);
  as->end = sw_slot_get_end (slot);
  as->place = sw_slot_get_location (slot);
  as->first_need = s->needs->len;

  add_fixed_assignments (s, i, person_index, taken);

  if (!in_scope)
    return;

  add_needs (s, i, dept_index, taken);
  as->n_needs = s->needs->len - as->first_need;
}

void
sw_autofill_solver_init (Solver         *s,
                         SwOrganisation *org,
                         SwPlan         *plan,
                         GPtrArray      *sorted_slots,
                         gboolean       *in_scope,
                         GHashTable     *person_index)
{
  g_autoptr(GHashTable) dept_index = g_hash_table_new (NULL, NULL);

  memset (s, 0, sizeof *s);
  s->plan = plan;
  s->keep_duty_limit = TRUE;
  s->travel_buffer = MAX (sw_plan_get_travel_buffer (plan), 0);

  add_departments (s, org, dept_index);
  add_people (s, org, dept_index, person_index);

  s->n_slots = sorted_slots->len;
  s->slots = g_new0 (ASlot, MAX (s->n_slots, 1));
  s->needs = g_array_new (FALSE, FALSE, sizeof (Need));
  s->asgs = g_array_new (FALSE, FALSE, sizeof (Asg));
  s->nodes = g_array_new (FALSE, FALSE, sizeof (Node));

  for (guint i = 0; i < s->n_slots; i++)
    add_slot (s, i, g_ptr_array_index (sorted_slots, i), in_scope[i],
              dept_index, person_index);
}

/* ------------------------------------------------------------------ */
/* Explanations                                                        */

char *
sw_autofill_format_when (gint64 start,
                         gint64 end)
{
  /* Wall-clock minutes read as UTC give the wall-clock fields back. */
  g_autoptr(GDateTime) from = g_date_time_new_from_unix_utc (start * 60);
  g_autoptr(GDateTime) to = g_date_time_new_from_unix_utc (end * 60);
  g_autofree char *date = NULL;
  g_autofree char *t1 = NULL;
  g_autofree char *t2 = NULL;

  date = sw_time_format_day_short (sw_time_day_of (start));
  t1 = g_date_time_format (from, "%-H:%M");
  t2 = g_date_time_format (to, "%-H:%M");

  if (sw_time_day_of (start) != sw_time_day_of (end) &&
      !(sw_time_minute_of_day (end) == 0 && sw_time_day_of (end) == sw_time_day_of (start) + 1))
    {
      g_autofree char *date2 = sw_time_format_day_short (sw_time_day_of (end));

      /* TRANSLATORS: "23 Sep 9:00–24 Sep 11:00" */
      return g_strdup_printf (_("%s %s–%s %s"), date, t1, date2, t2);
    }

  if (sw_time_minute_of_day (end) == 0 && end > start)
    {
      g_free (t2);
      t2 = g_strdup ("24:00");
    }

  /* TRANSLATORS: "Sep 23 9:00–11:00" */
  return g_strdup_printf (_("%s %s–%s"), date, t1, t2);
}

static gboolean
person_on_slot_new (Solver  *s,
                    APerson *p,
                    guint    slot)
{
  if (p->asgs == NULL)
    return FALSE;
  for (guint k = 0; k < p->asgs->len; k++)
    {
      const Asg *asg = &g_array_index (s->asgs, Asg, g_array_index (p->asgs, guint, k));

      if (g_array_index (s->needs, Need, asg->need).slot == slot)
        return TRUE;
    }
  return FALSE;
}

char *
sw_autofill_explain (Solver *s,
                     Need   *need)
{
  ASlot *as = &s->slots[need->slot];
  SwDepartment *dept = sw_duty_get_department (need->duty);
  g_autofree char *when = sw_autofill_format_when (as->start, as->end);
  g_autoptr(GString) parts = g_string_new (NULL);
  guint total = 0, inactive = 0, on_slot = 0, unavailable = 0, busy = 0, other = 0;
  guint unskilled = 0, loaded = 0;

  for (guint i = 0; i < s->n_people; i++)
    {
      APerson *p = &s->people[i];

      if (!sw_rulebook_department_fits (p->person, need->duty))
        continue;
      total++;
      if (!p->active)
        inactive++;
      else if (person_on_slot_fixed (p, need->slot))
        on_slot++;
      else if (person_on_slot_new (s, p, need->slot))
        on_slot++;
      else if (person_unavailable (p, as->start, as->end))
        unavailable++;
      else if (person_fixed_conflict (s, p, need->slot) || new_conflicts (s, i, need->slot, NULL) > 0)
        busy++;
      else if (!duty_fits (s, i, need->duty))
        unskilled++;
      else if (!hours_fit (s, i, need->slot, NO_INDEX))
        loaded++;
      else
        other++;
    }

  if (total == 0)
    {
      if (dept != NULL)
        /* TRANSLATORS: why a duty stays empty: "nobody works in 稽审科" */
        return g_strdup_printf (_("nobody works in %s"), sw_department_get_name (dept));
      return g_strdup (_("there is nobody on the roster"));
    }

#define ADD_PART(text) \
  G_STMT_START { \
    g_autofree char *part_ = (text); \
    if (parts->len > 0) \
      g_string_append (parts, _(", ")); \
    g_string_append (parts, part_); \
  } G_STMT_END

  if (on_slot > 0)
    /* TRANSLATORS: "4 of 4 already on 服务台" (a slot's title) */
    ADD_PART (g_strdup_printf (_("%u of %u already on %s"), on_slot, total,
                               sw_slot_get_title (as->slot)));
  if (busy > 0)
    /* TRANSLATORS: "3 of 10 busy elsewhere": on other slots at that time */
    ADD_PART (g_strdup_printf (_("%u of %u busy elsewhere"), busy, total));
  if (unavailable > 0)
    /* TRANSLATORS: "2 of 10 unavailable": away, on leave, … */
    ADD_PART (g_strdup_printf (_("%u of %u unavailable"), unavailable, total));
  if (unskilled > 0)
    /* TRANSLATORS: "3 of 10 without the skills": the qualifications the
     * duty needs */
    ADD_PART (g_strdup_printf (_("%u of %u without the skills"), unskilled, total));
  if (loaded > 0)
    /* TRANSLATORS: "2 of 10 at their hours for the day": the plan's most
     * hours of duty per day */
    ADD_PART (g_strdup_printf (_("%u of %u at their hours for the day"), loaded, total));
  if (inactive > 0)
    /* TRANSLATORS: "1 of 10 inactive": people no longer taking duties */
    ADD_PART (g_strdup_printf (_("%u of %u inactive"), inactive, total));
  if (other > 0)
    /* TRANSLATORS: "1 of 10 needed on other seats": free people whom
     * auto-fill kept for seats nobody else could take */
    ADD_PART (g_strdup_printf (_("%u of %u needed on other seats"), other, total));

#undef ADD_PART

  if (dept != NULL)
    /* TRANSLATORS: "no free person of 直属供电所 on Sep 23 9:00–11:00
     * (4 of 4 already on 服务台)" */
    return g_strdup_printf (_("no free person of %s on %s (%s)"),
                            sw_department_get_name (dept), when, parts->str);

  /* TRANSLATORS: "no free person on Sep 23 9:00–11:00 (25 of 25 busy
   * elsewhere)" */
  return g_strdup_printf (_("no free person on %s (%s)"), when, parts->str);
}
