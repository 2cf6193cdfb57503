/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sw-assign-ranking.h"

typedef struct
{
  SwAssignCandidate *candidate;
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
  if (ra->department_position != rb->department_position)
    return ra->department_position < rb->department_position ? -1 : 1;
  return ra->roster_index < rb->roster_index ? -1 : (ra->roster_index > rb->roster_index);
}

char *
sw_assign_format_span (gint64 start,
                       gint64 end)
{
  int from = sw_time_minute_of_day (start);
  int to = sw_time_minute_of_day (end);

  if (sw_time_day_of (end) > sw_time_day_of (start) && to == 0)
    to = 24 * 60;

  return g_strdup_printf ("%d:%02d–%d:%02d", from / 60, from % 60, to / 60, to % 60);
}

static const char *
unavailability_reason (SwPerson *person,
                       gint64    start,
                       gint64    end)
{
  GListModel *periods = sw_person_get_unavailability (person);
  guint n = g_list_model_get_n_items (periods);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwUnavailability) period = g_list_model_get_item (periods, i);

      if (sw_unavailability_get_start (period) < end &&
          sw_unavailability_get_end (period) > start)
        return sw_unavailability_get_reason (period);
    }

  return NULL;
}

/* Each person on a slot overlapping @slot → the earliest such slot. */
static GHashTable *
collect_busy (SwPlan *plan,
              SwSlot *slot)
{
  GHashTable *busy = g_hash_table_new (NULL, NULL);
  GListModel *slots;
  guint n;

  if (plan == NULL)
    return busy;

  slots = sw_plan_get_slots (plan);
  n = g_list_model_get_n_items (slots);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwSlot) other = g_list_model_get_item (slots, i);
      GListModel *assignments;
      guint n_assignments;

      if (other == slot || !sw_slot_overlaps (other, slot))
        continue;

      assignments = sw_slot_get_assignments (other);
      n_assignments = g_list_model_get_n_items (assignments);
      for (guint j = 0; j < n_assignments; j++)
        {
          g_autoptr(SwAssignment) assignment = g_list_model_get_item (assignments, j);
          SwPerson *person = sw_assignment_get_person (assignment);
          SwSlot *known = g_hash_table_lookup (busy, person);

          if (known == NULL || sw_slot_get_start (other) < sw_slot_get_start (known))
            g_hash_table_insert (busy, person, other);
        }
    }

  return busy;
}

GListStore *
sw_assign_rank (SwOrganisation *org,
                SwPlan         *plan,
                SwSlot         *slot,
                SwDuty         *duty)
{
  g_autoptr(GHashTable) busy = NULL;
  g_autoptr(GHashTable) on_slot = NULL;
  g_autoptr(GHashTable) department_order = NULL;
  g_autoptr(GArray) ranked = NULL;
  g_autofree gpointer *items = NULL;
  SwDepartment *required = NULL;
  GListModel *people;
  GListModel *assignments;
  GListStore *store;
  gint64 start, end;
  guint n;

  g_return_val_if_fail (SW_IS_ORGANISATION (org), NULL);
  g_return_val_if_fail (plan == NULL || SW_IS_PLAN (plan), NULL);
  g_return_val_if_fail (SW_IS_SLOT (slot), NULL);
  g_return_val_if_fail (duty == NULL || SW_IS_DUTY (duty), NULL);

  store = g_list_store_new (SW_TYPE_ASSIGN_CANDIDATE);
  start = sw_slot_get_start (slot);
  end = sw_slot_get_end (slot);
  if (duty != NULL)
    required = sw_duty_get_department (duty);

  busy = collect_busy (plan, slot);

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
  n = g_list_model_get_n_items (sw_organisation_get_departments (org));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwDepartment) department = g_list_model_get_item (sw_organisation_get_departments (org), i);

      g_hash_table_insert (department_order, department, GUINT_TO_POINTER (i + 1));
    }

  people = sw_organisation_get_people (org);
  n = g_list_model_get_n_items (people);
  ranked = g_array_sized_new (FALSE, FALSE, sizeof (Ranked), n);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwPerson) person = g_list_model_get_item (people, i);
      SwDepartment *department = sw_person_get_department (person);
      g_autofree char *reason = NULL;
      SwAssignFit fit;
      SwSlot *other;
      Ranked entry;

      if (!sw_person_get_active (person))
        continue;

      if (g_hash_table_contains (on_slot, person))
        {
          fit = SW_ASSIGN_FIT_ON_SLOT;
          reason = g_strdup (_("already on this slot"));
        }
      else if (sw_person_is_unavailable (person, start, end))
        {
          const char *why = unavailability_reason (person, start, end);

          fit = SW_ASSIGN_FIT_UNAVAILABLE;
          if (why != NULL && why[0] != '\0')
            /* Translators: a person cannot take a duty; %s is the reason they gave */
            reason = g_strdup_printf (_("unavailable: %s"), why);
          else
            reason = g_strdup (_("unavailable"));
        }
      else if ((other = g_hash_table_lookup (busy, person)) != NULL)
        {
          g_autofree char *span = sw_assign_format_span (sw_slot_get_start (other),
                                                         sw_slot_get_end (other));

          fit = SW_ASSIGN_FIT_BUSY;
          /* Translators: a person is on another slot at the time: "busy: 服务台 9:00–11:00" */
          reason = g_strdup_printf (_("busy: %s %s"), sw_slot_get_title (other), span);
        }
      else if (required != NULL && department != required)
        {
          fit = SW_ASSIGN_FIT_OTHER_DEPARTMENT;
          reason = g_strdup (_("other department"));
        }
      else
        {
          fit = SW_ASSIGN_FIT_GOOD;
        }

      entry.candidate = sw_assign_candidate_new (person, fit, reason);
      entry.department_position = department != NULL
        ? (int) GPOINTER_TO_UINT (g_hash_table_lookup (department_order, department))
        : G_MAXINT;
      entry.roster_index = i;
      g_array_append_val (ranked, entry);
    }

  g_array_sort (ranked, compare_ranked);

  items = g_new (gpointer, MAX (ranked->len, 1));
  for (guint i = 0; i < ranked->len; i++)
    items[i] = g_array_index (ranked, Ranked, i).candidate;
  g_list_store_splice (store, 0, 0, items, ranked->len);
  for (guint i = 0; i < ranked->len; i++)
    g_object_unref (items[i]);

  return store;
}

SwDuty *
sw_assign_pick_duty (SwSlot   *slot,
                     SwPerson *person)
{
  GListModel *duties;
  guint n;

  g_return_val_if_fail (SW_IS_SLOT (slot), NULL);
  g_return_val_if_fail (SW_IS_PERSON (person), NULL);

  duties = sw_slot_get_duties (slot);
  n = g_list_model_get_n_items (duties);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwDuty) duty = g_list_model_get_item (duties, i);
      SwDepartment *required = sw_duty_get_department (duty);

      if (required != NULL && required != sw_person_get_department (person))
        continue;
      if (sw_slot_count_duty (slot, duty) >= sw_duty_get_count (duty))
        continue;
      return duty;
    }

  return NULL;
}
