/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sw-assign-candidate.h"
#include "sw-rulebook.h"
#include "sw-skills.h"
#include "sw-time.h"

/*
 * Each rule is written once, in check_into(): the problems of an existing
 * assignment are the problems that assignment would bring if it were
 * made now, with the person's other assignments as they are.  So the
 * picker (which asks before), the problems engine (which asks after) and
 * auto-fill (which asks the rule functions below while it searches)
 * cannot disagree.
 *
 * A problem's situation names everything it depends on (times, places,
 * the other slots, the limits) without words of any locale, so that an
 * acceptance holds exactly as long as the situation it was given for.
 */

typedef struct
{
  SwSlot *slot;
  SwDuty *duty;
} Seat;

struct _SwRulebook
{
  GObject     parent_instance;

  SwPlan     *plan;
  GHashTable *seats;   /* SwPerson → GArray of Seat (borrowed: the plan holds them) */
};

G_DEFINE_FINAL_TYPE (SwRulebook, sw_rulebook, G_TYPE_OBJECT)

/* ------------------------------------------------------------------ */
/* The rules                                                           */

gboolean
sw_rulebook_kind_is_hard (SwProblemKind kind)
{
  return kind != SW_PROBLEM_TOO_MANY_DUTIES;
}

gboolean
sw_rulebook_kind_is_personal (SwProblemKind kind)
{
  switch (kind)
    {
    case SW_PROBLEM_DOUBLE_BOOKING:
    case SW_PROBLEM_TRAVEL_TIME:
    case SW_PROBLEM_UNAVAILABLE:
    case SW_PROBLEM_WRONG_DEPARTMENT:
    case SW_PROBLEM_MISSING_SKILL:
    case SW_PROBLEM_TOO_MANY_HOURS:
    case SW_PROBLEM_TOO_MANY_DUTIES:
      return TRUE;
    case SW_PROBLEM_UNFILLED_DUTY:
    case SW_PROBLEM_OVERDUE_TASK:
    case SW_PROBLEM_OUTSIDE_PLAN:
    default:
      return FALSE;
    }
}

gboolean
sw_rulebook_spans_overlap (gint64 a_start,
                           gint64 a_end,
                           gint64 b_start,
                           gint64 b_end)
{
  return a_start < a_end && b_start < b_end && a_start < b_end && b_start < a_end;
}

/* Places are compared as typed, without surrounding space; an empty
 * place is unknown and needs no journey. */
static gboolean
needs_journey (const char *a,
               const char *b)
{
  g_autofree char *ta = g_strstrip (g_strdup (a != NULL ? a : ""));
  g_autofree char *tb = g_strstrip (g_strdup (b != NULL ? b : ""));

  return ta[0] != '\0' && tb[0] != '\0' && !g_str_equal (ta, tb);
}

SwClash
sw_rulebook_clash (gint64      a_start,
                   gint64      a_end,
                   const char *a_place,
                   gint64      b_start,
                   gint64      b_end,
                   const char *b_place,
                   int         travel_buffer)
{
  gint64 gap;

  if (sw_rulebook_spans_overlap (a_start, a_end, b_start, b_end))
    return SW_CLASH_OVERLAP;
  if (travel_buffer <= 0)
    return SW_CLASH_NONE;

  gap = MAX (b_start - a_end, a_start - b_end);
  if (gap >= travel_buffer || !needs_journey (a_place, b_place))
    return SW_CLASH_NONE;

  return SW_CLASH_TRAVEL;
}

int
sw_rulebook_minutes_on_day (gint64 start,
                            gint64 end,
                            int    day)
{
  gint64 from = sw_time_from_day (day);
  gint64 to = sw_time_from_day (day + 1);

  return (int) MAX (MIN (end, to) - MAX (start, from), 0);
}

SwUnavailability *
sw_rulebook_find_busy (SwPerson *person,
                       gint64    start,
                       gint64    end)
{
  GListModel *periods;
  guint n;

  g_return_val_if_fail (SW_IS_PERSON (person), NULL);

  periods = sw_person_get_unavailability (person);
  n = g_list_model_get_n_items (periods);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwUnavailability) period = g_list_model_get_item (periods, i);

      /* A busy time touches a slot when they share a minute. */
      if (sw_unavailability_get_start (period) < end &&
          start < sw_unavailability_get_end (period))
        return period;   /* the person keeps it alive */
    }

  return NULL;
}

gboolean
sw_rulebook_department_fits (SwPerson *person,
                             SwDuty   *duty)
{
  SwDepartment *required;

  g_return_val_if_fail (SW_IS_PERSON (person), FALSE);
  g_return_val_if_fail (SW_IS_DUTY (duty), FALSE);

  required = sw_duty_get_department (duty);

  return required == NULL || required == sw_person_get_department (person);
}

char **
sw_rulebook_missing_skills (SwPerson *person,
                            SwDuty   *duty)
{
  const char *const *needed;
  const char *const *held;
  g_autoptr(GPtrArray) missing = NULL;

  g_return_val_if_fail (SW_IS_PERSON (person), NULL);
  g_return_val_if_fail (SW_IS_DUTY (duty), NULL);

  needed = sw_duty_get_skills (duty);
  if (needed == NULL || needed[0] == NULL)
    return NULL;

  held = sw_person_get_skills (person);
  for (guint i = 0; needed[i] != NULL; i++)
    {
      if (sw_skills_contains (held, needed[i]))
        continue;
      if (missing == NULL)
        missing = g_ptr_array_new ();
      g_ptr_array_add (missing, g_strdup (needed[i]));
    }
  if (missing == NULL)
    return NULL;
  g_ptr_array_add (missing, NULL);

  return (char **) g_ptr_array_free (g_steal_pointer (&missing), FALSE);
}

gboolean
sw_rulebook_over_hours (SwPlan *plan,
                        int     minutes)
{
  int limit = sw_plan_get_max_hours_per_day (plan);

  return limit > 0 && minutes > limit * 60;
}

gboolean
sw_rulebook_over_duties (SwPlan *plan,
                         guint   n_duties)
{
  int limit = sw_plan_get_max_duties (plan);

  return limit > 0 && n_duties > (guint) limit;
}

/* ------------------------------------------------------------------ */
/* Words                                                               */

static char *
format_when (gint64 minutes)
{
  /* The locale's words: "Wed 23 Sep 09:00", "9月23日 星期三 09:00". */
  return sw_time_format_day_time (minutes);
}

/* "9 h", "9 h 30 min" */
static char *
format_hours (int minutes)
{
  if (minutes % 60 == 0)
    /* TRANSLATORS: a length of time in hours: "9 h" */
    return g_strdup_printf (_("%d h"), minutes / 60);

  /* TRANSLATORS: a length of time: "9 h 30 min" */
  return g_strdup_printf (_("%d h %d min"), minutes / 60, minutes % 60);
}

/* The order in which two slots of one problem are named: by start, end,
 * then UID, so that a pair is the same pair whichever way it is found. */
static int
slot_order (SwSlot *a,
            SwSlot *b)
{
  if (sw_slot_get_start (a) != sw_slot_get_start (b))
    return sw_slot_get_start (a) < sw_slot_get_start (b) ? -1 : 1;
  if (sw_slot_get_end (a) != sw_slot_get_end (b))
    return sw_slot_get_end (a) < sw_slot_get_end (b) ? -1 : 1;
  return strcmp (sw_slot_get_uid (a), sw_slot_get_uid (b));
}

static int
compare_slots (gconstpointer a,
               gconstpointer b)
{
  return slot_order (*(SwSlot **) a, *(SwSlot **) b);
}

static void
append_slot_situation (GString *out,
                       SwSlot  *slot)
{
  g_string_append_printf (out, "%s@%" G_GINT64_FORMAT "-%" G_GINT64_FORMAT,
                          sw_slot_get_uid (slot),
                          sw_slot_get_start (slot), sw_slot_get_end (slot));
}

static void
add (GPtrArray     *out,
     SwProblemKind  kind,
     char          *message,    /* transfer full */
     SwSlot        *slot,
     SwSlot        *other_slot,
     SwDuty        *duty,
     SwPerson      *person,
     GString       *situation)  /* transfer full */
{
  g_ptr_array_add (out, sw_problem_new (kind, message, slot, other_slot, duty, person,
                                        NULL, situation->str));
  g_free (message);
  g_string_free (situation, TRUE);
}

/* ------------------------------------------------------------------ */
/* The checks                                                          */

static GArray *
seats_of (SwRulebook *self,
          SwPerson   *person)
{
  return g_hash_table_lookup (self->seats, person);
}

static void
check_pair (SwRulebook *self,
            SwPerson   *person,
            SwSlot     *slot,
            SwSlot     *other,
            GPtrArray  *out)
{
  int buffer = sw_plan_get_travel_buffer (self->plan);
  SwSlot *first, *second;
  g_autofree char *when1 = NULL;
  g_autofree char *when2 = NULL;
  GString *situation;
  SwClash clash;

  clash = sw_rulebook_clash (sw_slot_get_start (slot), sw_slot_get_end (slot),
                             sw_slot_get_location (slot),
                             sw_slot_get_start (other), sw_slot_get_end (other),
                             sw_slot_get_location (other), buffer);
  if (clash == SW_CLASH_NONE)
    return;

  if (slot_order (slot, other) <= 0)
    first = slot, second = other;
  else
    first = other, second = slot;

  when1 = format_when (sw_slot_get_start (first));
  when2 = format_when (sw_slot_get_start (second));
  situation = g_string_new (NULL);
  append_slot_situation (situation, first);
  g_string_append_c (situation, '|');
  append_slot_situation (situation, second);

  if (clash == SW_CLASH_OVERLAP)
    {
      add (out, SW_PROBLEM_DOUBLE_BOOKING,
           /* TRANSLATORS: "Zhang Wei is on two slots at once: “Forum”
            * (2026-09-22 09:00) and “Visit” (2026-09-22 10:00)" */
           g_strdup_printf (_("%s is on two slots at once: “%s” (%s) and “%s” (%s)"),
                            sw_person_get_name (person),
                            sw_slot_get_title (first), when1,
                            sw_slot_get_title (second), when2),
           first, second, NULL, person, situation);
    }
  else
    {
      gint64 gap = sw_slot_get_start (second) - sw_slot_get_end (first);

      g_string_append_printf (situation, "|%s|%s|%d",
                              sw_slot_get_location (first), sw_slot_get_location (second),
                              buffer);
      add (out, SW_PROBLEM_TRAVEL_TIME,
           /* TRANSLATORS: "Zhang Wei has 15 min to get from “Forum” (Town
            * hall, Tue 22 Sep 09:00) to “Visit” (Harbour, Tue 22 Sep
            * 11:15); the plan asks for 30 min" */
           g_strdup_printf (_("%s has %d min to get from “%s” (%s, %s) to “%s” (%s, %s); the plan asks for %d min"),
                            sw_person_get_name (person), (int) MAX (gap, 0),
                            sw_slot_get_title (first), sw_slot_get_location (first), when1,
                            sw_slot_get_title (second), sw_slot_get_location (second), when2,
                            buffer),
           first, second, NULL, person, situation);
    }
}

static void
check_unavailable (SwPerson  *person,
                   SwSlot    *slot,
                   SwDuty    *duty,
                   GPtrArray *out)
{
  gint64 start = sw_slot_get_start (slot);
  gint64 end = sw_slot_get_end (slot);
  SwUnavailability *busy = sw_rulebook_find_busy (person, start, end);
  g_autofree char *when = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  const char *reason;
  GString *situation;
  char *message;

  if (busy == NULL)
    return;

  reason = sw_unavailability_get_reason (busy);
  when = format_when (start);
  from = format_when (sw_unavailability_get_start (busy));
  to = format_when (sw_unavailability_get_end (busy));
  if (reason[0] != '\0')
    /* TRANSLATORS: "Zhang Wei is on “Service desk” (2026-09-23 09:00)
     * but unavailable from 2026-09-23 08:00 to 2026-09-23 12:00: Training" */
    message = g_strdup_printf (_("%s is on “%s” (%s) but unavailable from %s to %s: %s"),
                               sw_person_get_name (person), sw_slot_get_title (slot), when,
                               from, to, reason);
  else
    message = g_strdup_printf (_("%s is on “%s” (%s) but unavailable from %s to %s"),
                               sw_person_get_name (person), sw_slot_get_title (slot), when,
                               from, to);

  situation = g_string_new (NULL);
  append_slot_situation (situation, slot);
  g_string_append_printf (situation, "|%" G_GINT64_FORMAT "-%" G_GINT64_FORMAT,
                          sw_unavailability_get_start (busy), sw_unavailability_get_end (busy));
  add (out, SW_PROBLEM_UNAVAILABLE, message, slot, NULL, duty, person, situation);
}

static void
check_department (SwPerson  *person,
                  SwSlot    *slot,
                  SwDuty    *duty,
                  GPtrArray *out)
{
  SwDepartment *own = sw_person_get_department (person);
  SwDepartment *required = sw_duty_get_department (duty);
  g_autofree char *when = NULL;
  GString *situation;
  char *message;

  if (sw_rulebook_department_fits (person, duty))
    return;

  when = format_when (sw_slot_get_start (slot));
  if (own != NULL)
    /* TRANSLATORS: "Zhang Wei (Audit) fills “Repairs” on “Service desk”
     * (2026-09-23 09:00), which needs someone from Supply station" */
    message = g_strdup_printf (_("%s (%s) fills “%s” on “%s” (%s), which needs someone from %s"),
                               sw_person_get_name (person), sw_department_get_name (own),
                               sw_duty_get_name (duty), sw_slot_get_title (slot), when,
                               sw_department_get_name (required));
  else
    message = g_strdup_printf (_("%s (no department) fills “%s” on “%s” (%s), which needs someone from %s"),
                               sw_person_get_name (person),
                               sw_duty_get_name (duty), sw_slot_get_title (slot), when,
                               sw_department_get_name (required));

  situation = g_string_new (NULL);
  append_slot_situation (situation, slot);
  g_string_append_printf (situation, "|%s|%s|%s", sw_duty_get_name (duty),
                          own != NULL ? sw_department_get_name (own) : "",
                          sw_department_get_name (required));
  add (out, SW_PROBLEM_WRONG_DEPARTMENT, message, slot, NULL, duty, person, situation);
}

static void
check_skills (SwPerson  *person,
              SwSlot    *slot,
              SwDuty    *duty,
              GPtrArray *out)
{
  g_auto(GStrv) missing = sw_rulebook_missing_skills (person, duty);
  g_autofree char *when = NULL;
  g_autofree char *listed = NULL;
  g_autofree char *joined = NULL;
  GString *situation;

  if (missing == NULL)
    return;

  when = format_when (sw_slot_get_start (slot));
  /* TRANSLATORS: the separator between skills in a list: "电工证、驾驶证" */
  listed = sw_skills_join ((const char *const *) missing, _(", "));
  joined = sw_skills_join ((const char *const *) missing, "\x1f");
  situation = g_string_new (NULL);
  append_slot_situation (situation, slot);
  g_string_append_printf (situation, "|%s|%s", sw_duty_get_name (duty), joined);
  add (out, SW_PROBLEM_MISSING_SKILL,
       /* TRANSLATORS: "Zhang Wei fills “Repairs” on “Service desk”
        * (Wed 23 Sep 09:00) without the qualification it needs: electrician's licence" */
       g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                     "%s fills “%s” on “%s” (%s) without the qualification it needs: %s",
                                     "%s fills “%s” on “%s” (%s) without the qualifications it needs: %s",
                                     g_strv_length (missing)),
                        sw_person_get_name (person), sw_duty_get_name (duty),
                        sw_slot_get_title (slot), when, listed),
       slot, NULL, duty, person, situation);
}

static void
check_hours (SwRulebook *self,
             SwPerson   *person,
             SwSlot     *slot,
             GArray     *seats,
             GPtrArray  *out)
{
  gint64 start = sw_slot_get_start (slot);
  gint64 end = sw_slot_get_end (slot);

  if (sw_plan_get_max_hours_per_day (self->plan) <= 0 || end <= start)
    return;

  for (int day = sw_time_day_of (start); day <= sw_time_day_of (end - 1); day++)
    {
      g_autoptr(GPtrArray) that_day = g_ptr_array_new ();
      int minutes = sw_rulebook_minutes_on_day (start, end, day);
      g_autofree char *date = NULL;
      g_autofree char *hours = NULL;
      GString *situation;

      g_ptr_array_add (that_day, slot);
      for (guint i = 0; seats != NULL && i < seats->len; i++)
        {
          SwSlot *other = g_array_index (seats, Seat, i).slot;
          int share;

          if (other == slot)
            continue;
          share = sw_rulebook_minutes_on_day (sw_slot_get_start (other), sw_slot_get_end (other), day);
          if (share <= 0)
            continue;
          minutes += share;
          g_ptr_array_add (that_day, other);
        }

      if (!sw_rulebook_over_hours (self->plan, minutes))
        continue;

      g_ptr_array_sort (that_day, compare_slots);
      situation = g_string_new (NULL);
      g_string_append_printf (situation, "%d|%d", day, sw_plan_get_max_hours_per_day (self->plan));
      for (guint i = 0; i < that_day->len; i++)
        {
          g_string_append_c (situation, '|');
          append_slot_situation (situation, that_day->pdata[i]);
        }

      date = sw_time_format_day_label (day);
      hours = format_hours (minutes);
      add (out, SW_PROBLEM_TOO_MANY_HOURS,
           /* TRANSLATORS: "Zhang Wei has 10 h 30 min of duty on Wed 23 Sep,
            * more than the plan's 8 hours" */
           g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%s has %s of duty on %s, more than the plan's %d hour",
                                         "%s has %s of duty on %s, more than the plan's %d hours",
                                         sw_plan_get_max_hours_per_day (self->plan)),
                            sw_person_get_name (person), hours, date,
                            sw_plan_get_max_hours_per_day (self->plan)),
           that_day->pdata[0], NULL, NULL, person, situation);
    }
}

static void
check_duties (SwRulebook *self,
              SwPerson   *person,
              SwSlot     *slot,
              GArray     *seats,
              GPtrArray  *out)
{
  g_autoptr(GPtrArray) held = g_ptr_array_new ();
  GString *situation;

  if (sw_plan_get_max_duties (self->plan) <= 0)
    return;

  g_ptr_array_add (held, slot);
  for (guint i = 0; seats != NULL && i < seats->len; i++)
    {
      const Seat *seat = &g_array_index (seats, Seat, i);

      if (seat->slot != slot && seat->duty != NULL)
        g_ptr_array_add (held, seat->slot);
    }
  if (!sw_rulebook_over_duties (self->plan, held->len))
    return;

  g_ptr_array_sort (held, compare_slots);
  situation = g_string_new (NULL);
  g_string_append_printf (situation, "%d", sw_plan_get_max_duties (self->plan));
  for (guint i = 0; i < held->len; i++)
    g_string_append_printf (situation, "|%s", sw_slot_get_uid (held->pdata[i]));

  add (out, SW_PROBLEM_TOO_MANY_DUTIES,
       /* TRANSLATORS: "Zhang Wei holds 6 duties in the plan, more than the
        * 5 it allows" (the number is the plan's limit) */
       g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                     "%s holds %u duties in the plan, more than the %d it allows",
                                     "%s holds %u duties in the plan, more than the %d it allows",
                                     sw_plan_get_max_duties (self->plan)),
                        sw_person_get_name (person), held->len,
                        sw_plan_get_max_duties (self->plan)),
       held->pdata[0], NULL, NULL, person, situation);
}

/* Every rule, in the order of the kinds. */
static void
check_into (SwRulebook *self,
            SwPerson   *person,
            SwSlot     *slot,
            SwDuty     *duty,
            GPtrArray  *out)
{
  GArray *seats = seats_of (self, person);
  g_autoptr(GPtrArray) pairs = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; seats != NULL && i < seats->len; i++)
    {
      SwSlot *other = g_array_index (seats, Seat, i).slot;

      if (other != slot)
        check_pair (self, person, slot, other, pairs);
    }
  /* Double bookings before journeys, as the kinds go. */
  for (guint i = 0; i < pairs->len; i++)
    if (sw_problem_get_kind (pairs->pdata[i]) == SW_PROBLEM_DOUBLE_BOOKING)
      g_ptr_array_add (out, g_object_ref (pairs->pdata[i]));
  for (guint i = 0; i < pairs->len; i++)
    if (sw_problem_get_kind (pairs->pdata[i]) == SW_PROBLEM_TRAVEL_TIME)
      g_ptr_array_add (out, g_object_ref (pairs->pdata[i]));

  check_unavailable (person, slot, duty, out);
  if (duty != NULL)
    {
      check_department (person, slot, duty, out);
      check_skills (person, slot, duty, out);
    }
  check_hours (self, person, slot, seats, out);
  if (duty != NULL)
    check_duties (self, person, slot, seats, out);
}

GPtrArray *
sw_rulebook_check (SwRulebook *self,
                   SwPerson   *person,
                   SwSlot     *slot,
                   SwDuty     *duty)
{
  GPtrArray *out;

  g_return_val_if_fail (SW_IS_RULEBOOK (self), NULL);
  g_return_val_if_fail (SW_IS_PERSON (person), NULL);
  g_return_val_if_fail (SW_IS_SLOT (slot), NULL);
  g_return_val_if_fail (duty == NULL || SW_IS_DUTY (duty), NULL);

  out = g_ptr_array_new_with_free_func (g_object_unref);
  check_into (self, person, slot, duty, out);

  return out;
}

void
sw_rulebook_collect (SwRulebook *self,
                     GPtrArray  *out)
{
  g_autoptr(GPtrArray) slots = NULL;
  g_autoptr(GHashTable) seen = NULL;
  g_autoptr(GPtrArray) found = NULL;

  g_return_if_fail (SW_IS_RULEBOOK (self));
  g_return_if_fail (out != NULL);

  /* A pair of slots, a day of too many hours, a person's duties: each is
   * found from every assignment it involves, and reported once. */
  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  found = g_ptr_array_new_with_free_func (g_object_unref);
  slots = sw_plan_dup_sorted_slots (self->plan);
  for (guint s = 0; s < slots->len; s++)
    {
      SwSlot *slot = slots->pdata[s];
      GListModel *assignments = sw_slot_get_assignments (slot);
      guint n = g_list_model_get_n_items (assignments);

      for (guint a = 0; a < n; a++)
        {
          g_autoptr(SwAssignment) assignment = g_list_model_get_item (assignments, a);
          SwPerson *person = sw_assignment_get_person (assignment);

          if (person == NULL)
            continue;

          g_ptr_array_set_size (found, 0);
          check_into (self, person, slot, sw_assignment_get_duty (assignment), found);
          for (guint i = 0; i < found->len; i++)
            {
              SwProblem *problem = found->pdata[i];

              if (g_hash_table_add (seen, sw_problem_dup_key (problem)))
                g_ptr_array_add (out, g_object_ref (problem));
            }
        }
    }
}

/* ------------------------------------------------------------------ */
/* The picker's ranking                                                */

typedef struct
{
  SwAssignCandidate *candidate;
  guint              n_problems;
  int                department_position;
  guint              roster_index;
} Ranked;

static int
compare_ranked (gconstpointer a,
                gconstpointer b)
{
  const Ranked *ra = a;
  const Ranked *rb = b;
  SwAssignFit fa = sw_assign_candidate_get_fit (ra->candidate);
  SwAssignFit fb = sw_assign_candidate_get_fit (rb->candidate);

  if (fa != fb)
    return fa < fb ? -1 : 1;
  if (ra->n_problems != rb->n_problems)
    return ra->n_problems < rb->n_problems ? -1 : 1;
  if (ra->department_position != rb->department_position)
    return ra->department_position < rb->department_position ? -1 : 1;
  return ra->roster_index < rb->roster_index ? -1 : (ra->roster_index > rb->roster_index);
}

static SwAssignFit
fit_of (GPtrArray *problems)
{
  SwAssignFit fit = SW_ASSIGN_FIT_GOOD;

  for (guint i = 0; i < problems->len; i++)
    {
      if (sw_problem_get_hard (problems->pdata[i]))
        return SW_ASSIGN_FIT_HARD;
      fit = SW_ASSIGN_FIT_SOFT;
    }

  return fit;
}

GListStore *
sw_rulebook_rank (SwRulebook     *self,
                  SwOrganisation *org,
                  SwSlot         *slot,
                  SwDuty         *duty)
{
  g_autoptr(GHashTable) on_slot = NULL;
  g_autoptr(GHashTable) department_order = NULL;
  g_autoptr(GArray) ranked = NULL;
  g_autofree gpointer *items = NULL;
  GListModel *departments;
  GListModel *people;
  GListModel *assignments;
  GListStore *store;
  guint n;

  g_return_val_if_fail (SW_IS_RULEBOOK (self), NULL);
  g_return_val_if_fail (SW_IS_ORGANISATION (org), NULL);
  g_return_val_if_fail (SW_IS_SLOT (slot), NULL);
  g_return_val_if_fail (duty == NULL || SW_IS_DUTY (duty), NULL);

  on_slot = g_hash_table_new (NULL, NULL);
  assignments = sw_slot_get_assignments (slot);
  n = g_list_model_get_n_items (assignments);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwAssignment) assignment = g_list_model_get_item (assignments, i);

      g_hash_table_add (on_slot, sw_assignment_get_person (assignment));
    }

  /* The departments' list is kept in roster order. */
  department_order = g_hash_table_new (NULL, NULL);
  departments = sw_organisation_get_departments (org);
  n = g_list_model_get_n_items (departments);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwDepartment) department = g_list_model_get_item (departments, i);

      g_hash_table_insert (department_order, department, GUINT_TO_POINTER (i + 1));
    }

  people = sw_organisation_get_people (org);
  n = g_list_model_get_n_items (people);
  ranked = g_array_sized_new (FALSE, FALSE, sizeof (Ranked), n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwPerson) person = g_list_model_get_item (people, i);
      SwDepartment *department = sw_person_get_department (person);
      g_autoptr(GPtrArray) problems = NULL;
      Ranked entry;

      if (!sw_person_get_active (person))
        continue;

      if (g_hash_table_contains (on_slot, person))
        {
          entry.candidate = sw_assign_candidate_new (person, SW_ASSIGN_FIT_ON_SLOT, NULL,
                                                     _("already on this slot"));
          entry.n_problems = 0;
        }
      else
        {
          problems = sw_rulebook_check (self, person, slot, duty);
          entry.candidate = sw_assign_candidate_new (person, fit_of (problems), problems, NULL);
          entry.n_problems = problems->len;
        }
      entry.department_position = department != NULL
        ? (int) GPOINTER_TO_UINT (g_hash_table_lookup (department_order, department))
        : G_MAXINT;
      entry.roster_index = i;
      g_array_append_val (ranked, entry);
    }

  g_array_sort (ranked, compare_ranked);

  store = g_list_store_new (SW_TYPE_ASSIGN_CANDIDATE);
  items = g_new (gpointer, MAX (ranked->len, 1));
  for (guint i = 0; i < ranked->len; i++)
    items[i] = g_array_index (ranked, Ranked, i).candidate;
  g_list_store_splice (store, 0, 0, items, ranked->len);
  for (guint i = 0; i < ranked->len; i++)
    g_object_unref (items[i]);

  return store;
}

SwDuty *
sw_rulebook_pick_duty (SwRulebook *self,
                       SwSlot     *slot,
                       SwPerson   *person)
{
  GListModel *duties;
  guint n;

  g_return_val_if_fail (SW_IS_RULEBOOK (self), NULL);
  g_return_val_if_fail (SW_IS_SLOT (slot), NULL);
  g_return_val_if_fail (SW_IS_PERSON (person), NULL);

  duties = sw_slot_get_duties (slot);
  n = g_list_model_get_n_items (duties);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwDuty) duty = g_list_model_get_item (duties, i);
      g_auto(GStrv) missing = NULL;

      if (sw_slot_count_duty (slot, duty) >= sw_duty_get_count (duty))
        continue;
      if (!sw_rulebook_department_fits (person, duty))
        continue;
      missing = sw_rulebook_missing_skills (person, duty);
      if (missing != NULL)
        continue;
      return duty;
    }

  return NULL;
}

/* ------------------------------------------------------------------ */
/* The object                                                          */

static void
seats_free (gpointer data)
{
  g_array_unref (data);
}

static void
sw_rulebook_finalize (GObject *object)
{
  SwRulebook *self = SW_RULEBOOK (object);

  g_clear_pointer (&self->seats, g_hash_table_unref);
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (sw_rulebook_parent_class)->finalize (object);
}

static void
sw_rulebook_class_init (SwRulebookClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sw_rulebook_finalize;
}

static void
sw_rulebook_init (SwRulebook *self)
{
  self->seats = g_hash_table_new_full (NULL, NULL, NULL, seats_free);
}

SwRulebook *
sw_rulebook_new (SwPlan *plan)
{
  SwRulebook *self;
  GListModel *slots;
  guint n_slots;

  g_return_val_if_fail (SW_IS_PLAN (plan), NULL);

  self = g_object_new (SW_TYPE_RULEBOOK, NULL);
  self->plan = g_object_ref (plan);

  slots = sw_plan_get_slots (plan);
  n_slots = g_list_model_get_n_items (slots);
  for (guint i = 0; i < n_slots; i++)
    {
      g_autoptr(SwSlot) slot = g_list_model_get_item (slots, i);
      GListModel *assignments = sw_slot_get_assignments (slot);
      guint n = g_list_model_get_n_items (assignments);

      for (guint a = 0; a < n; a++)
        {
          g_autoptr(SwAssignment) assignment = g_list_model_get_item (assignments, a);
          SwPerson *person = sw_assignment_get_person (assignment);
          Seat seat = { slot, sw_assignment_get_duty (assignment) };
          GArray *seats;

          if (person == NULL)
            continue;
          seats = g_hash_table_lookup (self->seats, person);
          if (seats == NULL)
            {
              seats = g_array_new (FALSE, FALSE, sizeof (Seat));
              g_hash_table_insert (self->seats, person, seats);
            }
          g_array_append_val (seats, seat);
        }
    }

  return self;
}
