/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sw-problems.h"
#include "sw-time.h"
#include "sw-unavailability.h"

/* A problem waiting for the final sort: @when is the slot start (or the
 * due time of a task), the second sort key after the kind. */
typedef struct
{
  SwProblem *problem;
  gint64     when;
  gint64     when2;
} Entry;

/* One assignment seen from its person, for the double-booking sweep. */
typedef struct
{
  SwPerson *person;
  SwSlot   *slot;
  gint64    start;
  gint64    end;
} Seat;

typedef struct
{
  SwPlan *plan;
  gint64  now;
  GArray *entries;   /* Entry */
  GArray *seats;     /* Seat */
} Context;

static void
entry_clear (gpointer data)
{
  Entry *entry = data;

  g_clear_object (&entry->problem);
}

static void
add_problem (Context       *ctx,
             gint64         when,
             gint64         when2,
             SwProblemKind  kind,
             char          *message,  /* transfer full */
             SwSlot        *slot,
             SwSlot        *other_slot,
             SwDuty        *duty,
             SwPerson      *person,
             SwTask        *task)
{
  Entry entry;

  entry.problem = sw_problem_new (kind, message, slot, other_slot, duty, person, task);
  entry.when = when;
  entry.when2 = when2;
  g_array_append_val (ctx->entries, entry);
  g_free (message);
}

/* "Wed 23 Sep 09:00" */
static char *
format_when (gint64 minutes)
{
  /* The locale's words: "Wed 23 Sep 09:00", "9月23日 星期三 09:00". */
  return sw_time_format_day_time (minutes);
}

static const char *
person_name (SwPerson *person)
{
  return person != NULL ? sw_person_get_name (person) : "";
}

static void
check_slot_duties (Context *ctx,
                   SwSlot  *slot)
{
  GListModel *duties = sw_slot_get_duties (slot);
  GListModel *assignments = sw_slot_get_assignments (slot);
  guint n_duties = g_list_model_get_n_items (duties);
  guint n_assignments = g_list_model_get_n_items (assignments);
  g_autofree guint *filled = NULL;
  g_autofree SwDuty **duty_of = NULL;

  if (n_duties == 0)
    return;

  filled = g_new0 (guint, n_duties);
  duty_of = g_new0 (SwDuty *, n_duties);
  for (guint i = 0; i < n_duties; i++)
    {
      g_autoptr(SwDuty) duty = g_list_model_get_item (duties, i);

      duty_of[i] = duty;   /* the slot keeps the duty alive */
    }

  for (guint i = 0; i < n_assignments; i++)
    {
      g_autoptr(SwAssignment) assignment = g_list_model_get_item (assignments, i);
      SwDuty *duty = sw_assignment_get_duty (assignment);

      if (duty == NULL)
        continue;

      for (guint d = 0; d < n_duties; d++)
        {
          if (duty_of[d] == duty)
            {
              filled[d]++;
              break;
            }
        }
    }

  for (guint d = 0; d < n_duties; d++)
    {
      guint count = sw_duty_get_count (duty_of[d]);
      g_autofree char *when = NULL;

      if (filled[d] >= count)
        continue;

      when = format_when (sw_slot_get_start (slot));
      add_problem (ctx, sw_slot_get_start (slot), sw_duty_get_position (duty_of[d]),
                   SW_PROBLEM_UNFILLED_DUTY,
                   /* TRANSLATORS: "Service desk on 2026-09-23 09:00: duty
                    * “Repairs” has 0 of 2 people" */
                   g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "%s on %s: duty “%s” has %u of %u person",
                                                 "%s on %s: duty “%s” has %u of %u people",
                                                 count),
                                    sw_slot_get_title (slot), when,
                                    sw_duty_get_name (duty_of[d]),
                                    filled[d], count),
                   slot, NULL, duty_of[d], NULL, NULL);
    }
}

static void
check_assignment (Context      *ctx,
                  SwSlot       *slot,
                  SwAssignment *assignment)
{
  SwPerson *person = sw_assignment_get_person (assignment);
  SwDuty *duty = sw_assignment_get_duty (assignment);
  gint64 start = sw_slot_get_start (slot);
  gint64 end = sw_slot_get_end (slot);
  GListModel *unavailability;
  guint n;

  if (person == NULL)
    return;

  /* Double bookings are found later, person by person. */
  {
    Seat seat = { person, slot, start, end };

    g_array_append_val (ctx->seats, seat);
  }

  /* Assignment during the person's unavailability: one problem per
   * assignment, naming the first period that overlaps it. */
  unavailability = sw_person_get_unavailability (person);
  n = g_list_model_get_n_items (unavailability);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwUnavailability) busy = g_list_model_get_item (unavailability, i);
      gint64 busy_start = sw_unavailability_get_start (busy);
      gint64 busy_end = sw_unavailability_get_end (busy);
      const char *reason = sw_unavailability_get_reason (busy);
      g_autofree char *when = NULL;
      g_autofree char *from = NULL;
      g_autofree char *to = NULL;
      char *message;

      if (!(busy_start < end && start < busy_end))
        continue;

      when = format_when (start);
      from = format_when (busy_start);
      to = format_when (busy_end);
      if (reason[0] != '\0')
        /* TRANSLATORS: "Zhang Wei is on “Service desk” (2026-09-23 09:00)
         * but unavailable from 2026-09-23 08:00 to 2026-09-23 12:00: Training" */
        message = g_strdup_printf (_("%s is on “%s” (%s) but unavailable from %s to %s: %s"),
                                   person_name (person), sw_slot_get_title (slot), when,
                                   from, to, reason);
      else
        message = g_strdup_printf (_("%s is on “%s” (%s) but unavailable from %s to %s"),
                                   person_name (person), sw_slot_get_title (slot), when,
                                   from, to);
      add_problem (ctx, start, 0, SW_PROBLEM_UNAVAILABLE, message,
                   slot, NULL, duty, person, NULL);
      break;
    }

  /* A duty that must be filled from another department. */
  if (duty != NULL && sw_duty_get_department (duty) != NULL &&
      sw_duty_get_department (duty) != sw_person_get_department (person))
    {
      SwDepartment *own = sw_person_get_department (person);
      g_autofree char *when = format_when (start);
      char *message;

      if (own != NULL)
        /* TRANSLATORS: "Zhang Wei (Audit) fills “Repairs” on “Service desk”
         * (2026-09-23 09:00), which needs someone from Supply station" */
        message = g_strdup_printf (_("%s (%s) fills “%s” on “%s” (%s), which needs someone from %s"),
                                   person_name (person), sw_department_get_name (own),
                                   sw_duty_get_name (duty), sw_slot_get_title (slot), when,
                                   sw_department_get_name (sw_duty_get_department (duty)));
      else
        message = g_strdup_printf (_("%s (no department) fills “%s” on “%s” (%s), which needs someone from %s"),
                                   person_name (person),
                                   sw_duty_get_name (duty), sw_slot_get_title (slot), when,
                                   sw_department_get_name (sw_duty_get_department (duty)));
      add_problem (ctx, start, 0, SW_PROBLEM_WRONG_DEPARTMENT, message,
                   slot, NULL, duty, person, NULL);
    }
}

static void
check_slot_dates (Context *ctx,
                  SwSlot  *slot)
{
  int first_day = sw_plan_get_first_day (ctx->plan);
  int last_day = sw_plan_get_last_day (ctx->plan);
  gint64 start = sw_slot_get_start (slot);
  gint64 end = sw_slot_get_end (slot);
  g_autofree char *when = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  /* A slot may end at midnight after the last day. */
  if (start >= sw_time_from_day (first_day) && end <= sw_time_from_day (last_day) + 24 * 60)
    return;

  when = format_when (start);
  first = sw_time_format_day_year (first_day);
  last = sw_time_format_day_year (last_day);
  add_problem (ctx, start, 0, SW_PROBLEM_OUTSIDE_PLAN,
               /* TRANSLATORS: "“Forum” (2026-09-27 09:00) is outside the
                * plan's dates 2026-09-20 to 2026-09-26" */
               g_strdup_printf (_("“%s” (%s) is outside the plan's dates %s to %s"),
                                sw_slot_get_title (slot), when, first, last),
               slot, NULL, NULL, NULL, NULL);
}

static int
compare_seats (gconstpointer a,
               gconstpointer b)
{
  const Seat *sa = a;
  const Seat *sb = b;

  if (sa->person != sb->person)
    return (guintptr) sa->person < (guintptr) sb->person ? -1 : 1;
  if (sa->start != sb->start)
    return sa->start < sb->start ? -1 : 1;
  if (sa->end != sb->end)
    return sa->end < sb->end ? -1 : 1;
  return 0;
}

static void
add_double_booking (Context    *ctx,
                    const Seat *earlier,
                    const Seat *later)
{
  g_autofree char *when1 = format_when (earlier->start);
  g_autofree char *when2 = format_when (later->start);

  add_problem (ctx, earlier->start, later->start, SW_PROBLEM_DOUBLE_BOOKING,
               /* TRANSLATORS: "Zhang Wei is on two slots at once: “Forum”
                * (2026-09-22 09:00) and “Visit” (2026-09-22 10:00)" */
               g_strdup_printf (_("%s is on two slots at once: “%s” (%s) and “%s” (%s)"),
                                person_name (earlier->person),
                                sw_slot_get_title (earlier->slot), when1,
                                sw_slot_get_title (later->slot), when2),
               earlier->slot, later->slot, NULL, earlier->person, NULL);
}

/* Per person, a sweep over their slots in order of start: the slots still
 * running when the next one starts are exactly those it overlaps.  The cost
 * is the sort plus one step per overlapping pair found. */
static void
check_double_bookings (Context *ctx)
{
  GArray *seats = ctx->seats;
  g_autoptr(GArray) active = g_array_new (FALSE, FALSE, sizeof (guint));

  g_array_sort (seats, compare_seats);

  for (guint i = 0; i < seats->len; i++)
    {
      const Seat *seat = &g_array_index (seats, Seat, i);
      guint kept = 0;

      if (i == 0 || g_array_index (seats, Seat, i - 1).person != seat->person)
        g_array_set_size (active, 0);

      for (guint k = 0; k < active->len; k++)
        {
          guint j = g_array_index (active, guint, k);
          const Seat *other = &g_array_index (seats, Seat, j);

          if (other->end <= seat->start)
            continue;  /* finished: drop it */

          g_array_index (active, guint, kept++) = j;
          if (other->slot != seat->slot && seat->start < seat->end)
            add_double_booking (ctx, other, seat);
        }
      g_array_set_size (active, kept);
      g_array_append_val (active, i);
    }
}

static void
check_tasks (Context *ctx)
{
  GListModel *tasks = sw_plan_get_tasks (ctx->plan);
  guint n = g_list_model_get_n_items (tasks);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwTask) task = g_list_model_get_item (tasks, i);
      gint64 due = sw_task_get_due (task);
      g_autofree char *when = NULL;
      const char *owner = NULL;
      char *message;

      if (due == SW_TIME_UNSET || due >= ctx->now ||
          sw_task_get_status (task) == SW_TASK_STATUS_DONE)
        continue;

      if (sw_task_get_person (task) != NULL)
        owner = sw_person_get_name (sw_task_get_person (task));
      else if (sw_task_get_department (task) != NULL)
        owner = sw_department_get_name (sw_task_get_department (task));

      when = format_when (due);
      if (owner != NULL && owner[0] != '\0')
        /* TRANSLATORS: "Task “Leaflets” (Marketing) was due on 2026-09-19 17:00" */
        message = g_strdup_printf (_("Task “%s” (%s) was due on %s"),
                                   sw_task_get_title (task), owner, when);
      else
        message = g_strdup_printf (_("Task “%s” was due on %s"),
                                   sw_task_get_title (task), when);
      add_problem (ctx, due, 0, SW_PROBLEM_OVERDUE_TASK, message,
                   sw_task_get_slot (task), NULL, NULL, sw_task_get_person (task), task);
    }
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const Entry *ea = a;
  const Entry *eb = b;
  SwProblemKind ka = sw_problem_get_kind (ea->problem);
  SwProblemKind kb = sw_problem_get_kind (eb->problem);
  int cmp;

  if (ka != kb)
    return ka < kb ? -1 : 1;
  if (ea->when != eb->when)
    return ea->when < eb->when ? -1 : 1;
  cmp = strcmp (sw_problem_get_message (ea->problem), sw_problem_get_message (eb->problem));
  if (cmp != 0)
    return cmp;
  if (ea->when2 != eb->when2)
    return ea->when2 < eb->when2 ? -1 : 1;
  return 0;
}

GListStore *
sw_problems_compute (SwPlan *plan,
                     gint64  now)
{
  GListModel *slots;
  GListStore *store;
  Context ctx = { 0 };
  guint n_slots;

  g_return_val_if_fail (SW_IS_PLAN (plan), NULL);

  ctx.plan = plan;
  ctx.now = now;
  ctx.entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  g_array_set_clear_func (ctx.entries, entry_clear);
  ctx.seats = g_array_new (FALSE, FALSE, sizeof (Seat));

  slots = sw_plan_get_slots (plan);
  n_slots = g_list_model_get_n_items (slots);
  for (guint i = 0; i < n_slots; i++)
    {
      g_autoptr(SwSlot) slot = g_list_model_get_item (slots, i);
      GListModel *assignments = sw_slot_get_assignments (slot);
      guint n_assignments = g_list_model_get_n_items (assignments);

      check_slot_duties (&ctx, slot);
      check_slot_dates (&ctx, slot);
      for (guint j = 0; j < n_assignments; j++)
        {
          g_autoptr(SwAssignment) assignment = g_list_model_get_item (assignments, j);

          check_assignment (&ctx, slot, assignment);
        }
    }

  /* The slots stay alive while the plan holds them: the seats only borrow. */
  check_double_bookings (&ctx);
  check_tasks (&ctx);

  g_array_sort (ctx.entries, compare_entries);

  store = g_list_store_new (SW_TYPE_PROBLEM);
  if (ctx.entries->len > 0)
    {
      g_autofree gpointer *items = g_new (gpointer, ctx.entries->len);

      for (guint i = 0; i < ctx.entries->len; i++)
        items[i] = g_array_index (ctx.entries, Entry, i).problem;
      g_list_store_splice (store, 0, 0, items, ctx.entries->len);
    }

  g_array_unref (ctx.entries);
  g_array_unref (ctx.seats);

  return store;
}
