/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sw-problems.h"
#include "sw-rulebook.h"
#include "sw-time.h"

/* A problem waiting for the final sort: @when is the slot start (or the
 * due time of a task), the second sort key after the kind. */
typedef struct
{
  SwProblem *problem;
  gint64     when;
  gint64     when2;
} Entry;

typedef struct
{
  SwPlan *plan;
  gint64  now;
  GArray *entries;   /* Entry */
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

  entry.problem = sw_problem_new (kind, message, slot, other_slot, duty, person, task, NULL);
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
  gboolean aa = sw_problem_get_acceptance (ea->problem) != NULL;
  gboolean ab = sw_problem_get_acceptance (eb->problem) != NULL;
  int cmp;

  if (aa != ab)
    return aa ? 1 : -1;
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

/* The person problems come from the rulebook; each is matched against
 * the plan's acceptances. */
static void
check_people (Context *ctx)
{
  g_autoptr(SwRulebook) rulebook = sw_rulebook_new (ctx->plan);
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *accepted = sw_plan_get_accepted (ctx->plan);
  guint n_accepted = g_list_model_get_n_items (accepted);
  g_autoptr(GHashTable) acceptances = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < n_accepted; i++)
    {
      g_autoptr(SwAcceptance) acceptance = g_list_model_get_item (accepted, i);

      g_hash_table_insert (acceptances,
                           sw_problem_make_key (sw_acceptance_get_kind (acceptance),
                                                sw_acceptance_get_person (acceptance),
                                                sw_acceptance_get_slot (acceptance),
                                                sw_acceptance_get_situation (acceptance)),
                           acceptance);  /* the plan keeps it alive */
    }

  sw_rulebook_collect (rulebook, found);
  for (guint i = 0; i < found->len; i++)
    {
      SwProblem *problem = found->pdata[i];
      SwSlot *other = sw_problem_get_other_slot (problem);
      Entry entry;

      if (n_accepted > 0)
        {
          g_autofree char *key = sw_problem_dup_key (problem);

          sw_problem_set_acceptance (problem, g_hash_table_lookup (acceptances, key));
        }

      entry.problem = g_object_ref (problem);
      entry.when = sw_problem_get_slot (problem) != NULL
        ? sw_slot_get_start (sw_problem_get_slot (problem)) : 0;
      entry.when2 = other != NULL ? sw_slot_get_start (other) : 0;
      g_array_append_val (ctx->entries, entry);
    }
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

  slots = sw_plan_get_slots (plan);
  n_slots = g_list_model_get_n_items (slots);
  for (guint i = 0; i < n_slots; i++)
    {
      g_autoptr(SwSlot) slot = g_list_model_get_item (slots, i);

      check_slot_duties (&ctx, slot);
      check_slot_dates (&ctx, slot);
    }
  check_people (&ctx);
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

  return store;
}
