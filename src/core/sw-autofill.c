/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sw-autofill-solver.h"
#include "sw-command-group.h"
#include "sw-error.h"
#include "sw-list-command.h"

typedef struct
{
  SwSlot   *slot;
  SwDuty   *duty;
  SwPerson *person;
} Fill;

typedef struct
{
  SwSlot *slot;
  SwDuty *duty;
  guint   n_empty;
  char   *reason;
} Gap;

struct _SwAutofill
{
  GObject         parent_instance;

  SwOrganisation *org;
  SwPlan         *plan;
  int             day;
  SwSlot         *slot;
  gboolean        stale;

  GArray         *fills;     /* Fill */
  GArray         *gaps;      /* Gap */
  GHashTable     *minutes;   /* SwPerson → minutes + 1 */
  guint           n_seats;
  guint           n_unfilled;
  int             max_minutes;
};

G_DEFINE_FINAL_TYPE (SwAutofill, sw_autofill, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ORGANISATION,
  PROP_PLAN,
  PROP_DAY,
  PROP_SLOT,
  PROP_STALE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ------------------------------------------------------------------ */
/* The object                                                          */

static void
gap_clear (gpointer data)
{
  Gap *gap = data;

  g_clear_pointer (&gap->reason, g_free);
}

static int
compare_fills (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  GHashTable *rank = user_data;
  const Fill *fa = a;
  const Fill *fb = b;
  guint ra = GPOINTER_TO_UINT (g_hash_table_lookup (rank, fa->slot));
  guint rb = GPOINTER_TO_UINT (g_hash_table_lookup (rank, fb->slot));
  guint da = GPOINTER_TO_UINT (g_hash_table_lookup (rank, fa->duty));
  guint db = GPOINTER_TO_UINT (g_hash_table_lookup (rank, fb->duty));
  int cmp;

  if (ra != rb)
    return ra < rb ? -1 : 1;
  if (da != db)
    return da < db ? -1 : 1;
  cmp = strcmp (sw_person_get_name (fa->person), sw_person_get_name (fb->person));
  if (cmp != 0)
    return cmp;
  return GPOINTER_TO_UINT (g_hash_table_lookup (rank, fa->person)) <
         GPOINTER_TO_UINT (g_hash_table_lookup (rank, fb->person)) ? -1 : 1;
}

static void
on_stack_changed (SwAutofill *self)
{
  if (self->stale)
    return;
  self->stale = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STALE]);
}

static void
sw_autofill_compute (SwAutofill *self)
{
  g_autoptr(GPtrArray) sorted = sw_plan_dup_sorted_slots (self->plan);
  g_autoptr(GHashTable) person_index = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) rank = g_hash_table_new (NULL, NULL);
  g_autofree gboolean *in_scope = g_new0 (gboolean, MAX (sorted->len, 1));
  Solver solver;
  Solver *s = &solver;

  for (guint i = 0; i < sorted->len; i++)
    {
      SwSlot *slot = g_ptr_array_index (sorted, i);

      if (self->slot != NULL)
        in_scope[i] = slot == self->slot;
      else if (self->day != SW_AUTOFILL_ALL_DAYS)
        in_scope[i] = sw_time_day_of (sw_slot_get_start (slot)) == self->day;
      else
        in_scope[i] = TRUE;
    }

  sw_autofill_solver_init (s, self->org, self->plan, sorted, in_scope, person_index);

  for (guint n = 0; n < s->needs->len; n++)
    self->n_seats += g_array_index (s->needs, Need, n).missing;

  sw_autofill_solver_solve (s);

  /* The results, in the plan's order. */
  for (guint i = 0; i < s->n_slots; i++)
    {
      GListModel *duties = sw_slot_get_duties (s->slots[i].slot);
      guint n_duties = g_list_model_get_n_items (duties);

      g_hash_table_insert (rank, s->slots[i].slot, GUINT_TO_POINTER (i + 1));
      for (guint k = 0; k < n_duties; k++)
        {
          g_autoptr(SwDuty) duty = g_list_model_get_item (duties, k);

          g_hash_table_insert (rank, duty, GUINT_TO_POINTER (k + 1));
        }
    }
  for (guint i = 0; i < s->n_people; i++)
    g_hash_table_insert (rank, s->people[i].person, GUINT_TO_POINTER (i + 1));

  for (guint a = 0; a < s->asgs->len; a++)
    {
      Asg *asg = &g_array_index (s->asgs, Asg, a);
      Need *need = &g_array_index (s->needs, Need, asg->need);
      Fill fill;

      if (!asg->alive)
        continue;
      fill.slot = g_object_ref (s->slots[need->slot].slot);
      fill.duty = g_object_ref (need->duty);
      fill.person = g_object_ref (s->people[asg->person].person);
      g_array_append_val (self->fills, fill);
    }
  g_array_sort_with_data (self->fills, compare_fills, rank);

  for (guint n = 0; n < s->needs->len; n++)
    {
      Need *need = &g_array_index (s->needs, Need, n);
      Gap gap;

      if (need_filled (need) >= need->missing)
        continue;
      gap.slot = g_object_ref (s->slots[need->slot].slot);
      gap.duty = g_object_ref (need->duty);
      gap.n_empty = need->missing - need_filled (need);
      gap.reason = sw_autofill_explain (s, need);
      self->n_unfilled += gap.n_empty;
      g_array_append_val (self->gaps, gap);
    }

  self->max_minutes = 0;
  for (guint i = 0; i < s->n_people; i++)
    {
      gint64 m = s->people[i].minutes;

      self->max_minutes = MAX (self->max_minutes, (int) MIN (m, G_MAXINT));
      g_hash_table_insert (self->minutes, g_object_ref (s->people[i].person),
                           GINT_TO_POINTER ((int) MIN (m, G_MAXINT - 1) + 1));
    }

  sw_autofill_solver_clear (s);
}

static void
fill_clear (gpointer data)
{
  Fill *fill = data;

  g_clear_object (&fill->slot);
  g_clear_object (&fill->duty);
  g_clear_object (&fill->person);
}

static void
gap_free_refs (gpointer data)
{
  Gap *gap = data;

  g_clear_object (&gap->slot);
  g_clear_object (&gap->duty);
  gap_clear (gap);
}

static void
sw_autofill_constructed (GObject *object)
{
  SwAutofill *self = SW_AUTOFILL (object);

  G_OBJECT_CLASS (sw_autofill_parent_class)->constructed (object);

  g_return_if_fail (SW_IS_ORGANISATION (self->org));
  g_return_if_fail (SW_IS_PLAN (self->plan));

  g_signal_connect_object (sw_organisation_get_undo_stack (self->org), "changed",
                           G_CALLBACK (on_stack_changed), self, G_CONNECT_SWAPPED);
  sw_autofill_compute (self);
}

static void
sw_autofill_finalize (GObject *object)
{
  SwAutofill *self = SW_AUTOFILL (object);

  g_clear_pointer (&self->fills, g_array_unref);
  g_clear_pointer (&self->gaps, g_array_unref);
  g_clear_pointer (&self->minutes, g_hash_table_unref);
  g_clear_object (&self->slot);
  g_clear_object (&self->plan);
  g_clear_object (&self->org);

  G_OBJECT_CLASS (sw_autofill_parent_class)->finalize (object);
}

static void
sw_autofill_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  SwAutofill *self = SW_AUTOFILL (object);

  switch (prop_id)
    {
    case PROP_ORGANISATION:
      g_value_set_object (value, self->org);
      break;
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;
    case PROP_DAY:
      g_value_set_int (value, self->day);
      break;
    case PROP_SLOT:
      g_value_set_object (value, self->slot);
      break;
    case PROP_STALE:
      g_value_set_boolean (value, self->stale);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sw_autofill_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  SwAutofill *self = SW_AUTOFILL (object);

  switch (prop_id)
    {
    case PROP_ORGANISATION:
      self->org = g_value_dup_object (value);
      break;
    case PROP_PLAN:
      self->plan = g_value_dup_object (value);
      break;
    case PROP_DAY:
      self->day = g_value_get_int (value);
      break;
    case PROP_SLOT:
      self->slot = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sw_autofill_class_init (SwAutofillClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags construct = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->constructed = sw_autofill_constructed;
  object_class->finalize = sw_autofill_finalize;
  object_class->get_property = sw_autofill_get_property;
  object_class->set_property = sw_autofill_set_property;

  properties[PROP_ORGANISATION] =
    g_param_spec_object ("organisation", NULL, NULL, SW_TYPE_ORGANISATION, construct);
  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, SW_TYPE_PLAN, construct);
  properties[PROP_DAY] =
    g_param_spec_int ("day", NULL, NULL, G_MININT, G_MAXINT, SW_AUTOFILL_ALL_DAYS, construct);
  properties[PROP_SLOT] =
    g_param_spec_object ("slot", NULL, NULL, SW_TYPE_SLOT, construct);
  properties[PROP_STALE] =
    g_param_spec_boolean ("stale", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sw_autofill_init (SwAutofill *self)
{
  self->day = SW_AUTOFILL_ALL_DAYS;
  self->fills = g_array_new (FALSE, FALSE, sizeof (Fill));
  g_array_set_clear_func (self->fills, fill_clear);
  self->gaps = g_array_new (FALSE, FALSE, sizeof (Gap));
  g_array_set_clear_func (self->gaps, gap_free_refs);
  self->minutes = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
}

SwAutofill *
sw_autofill_new (SwOrganisation *org,
                 SwPlan         *plan,
                 int             day,
                 SwSlot         *slot)
{
  g_return_val_if_fail (SW_IS_ORGANISATION (org), NULL);
  g_return_val_if_fail (SW_IS_PLAN (plan), NULL);
  g_return_val_if_fail (slot == NULL || SW_IS_SLOT (slot), NULL);

  return g_object_new (SW_TYPE_AUTOFILL,
                       "organisation", org,
                       "plan", plan,
                       "day", day,
                       "slot", slot,
                       NULL);
}

SwPlan *
sw_autofill_get_plan (SwAutofill *self)
{
  g_return_val_if_fail (SW_IS_AUTOFILL (self), NULL);
  return self->plan;
}

int
sw_autofill_get_day (SwAutofill *self)
{
  g_return_val_if_fail (SW_IS_AUTOFILL (self), SW_AUTOFILL_ALL_DAYS);
  return self->day;
}

SwSlot *
sw_autofill_get_slot (SwAutofill *self)
{
  g_return_val_if_fail (SW_IS_AUTOFILL (self), NULL);
  return self->slot;
}

gboolean
sw_autofill_get_stale (SwAutofill *self)
{
  g_return_val_if_fail (SW_IS_AUTOFILL (self), TRUE);
  return self->stale;
}

guint
sw_autofill_get_n_seats (SwAutofill *self)
{
  g_return_val_if_fail (SW_IS_AUTOFILL (self), 0);
  return self->n_seats;
}

guint
sw_autofill_get_n_unfilled (SwAutofill *self)
{
  g_return_val_if_fail (SW_IS_AUTOFILL (self), 0);
  return self->n_unfilled;
}

guint
sw_autofill_get_n_fills (SwAutofill *self)
{
  g_return_val_if_fail (SW_IS_AUTOFILL (self), 0);
  return self->fills->len;
}

void
sw_autofill_get_fill (SwAutofill  *self,
                      guint        index,
                      SwSlot     **slot,
                      SwDuty     **duty,
                      SwPerson   **person)
{
  Fill *fill;

  g_return_if_fail (SW_IS_AUTOFILL (self));
  g_return_if_fail (index < self->fills->len);

  fill = &g_array_index (self->fills, Fill, index);
  if (slot != NULL)
    *slot = fill->slot;
  if (duty != NULL)
    *duty = fill->duty;
  if (person != NULL)
    *person = fill->person;
}

guint
sw_autofill_get_n_gaps (SwAutofill *self)
{
  g_return_val_if_fail (SW_IS_AUTOFILL (self), 0);
  return self->gaps->len;
}

void
sw_autofill_get_gap (SwAutofill   *self,
                     guint         index,
                     SwSlot      **slot,
                     SwDuty      **duty,
                     guint        *n_empty,
                     const char  **reason)
{
  Gap *gap;

  g_return_if_fail (SW_IS_AUTOFILL (self));
  g_return_if_fail (index < self->gaps->len);

  gap = &g_array_index (self->gaps, Gap, index);
  if (slot != NULL)
    *slot = gap->slot;
  if (duty != NULL)
    *duty = gap->duty;
  if (n_empty != NULL)
    *n_empty = gap->n_empty;
  if (reason != NULL)
    *reason = gap->reason;
}

int
sw_autofill_get_max_minutes (SwAutofill *self)
{
  g_return_val_if_fail (SW_IS_AUTOFILL (self), 0);
  return self->max_minutes;
}

int
sw_autofill_get_person_minutes (SwAutofill *self,
                                SwPerson   *person)
{
  gpointer value;

  g_return_val_if_fail (SW_IS_AUTOFILL (self), 0);
  g_return_val_if_fail (SW_IS_PERSON (person), 0);

  value = g_hash_table_lookup (self->minutes, person);
  return value != NULL ? GPOINTER_TO_INT (value) - 1 : 0;
}

gboolean
sw_autofill_apply (SwAutofill  *self,
                   GError     **error)
{
  SwUndoStack *stack;

  g_return_val_if_fail (SW_IS_AUTOFILL (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->stale)
    {
      g_set_error_literal (error, SW_CORE_ERROR, SW_CORE_ERROR_CONFLICT,
                           _("The plan has changed since this auto-fill proposal was made; run auto-fill again"));
      return FALSE;
    }

  if (self->fills->len == 0)
    return TRUE;

  stack = sw_organisation_get_undo_stack (self->org);
  sw_undo_stack_begin_group (stack, _("Auto-fill"));
  for (guint i = 0; i < self->fills->len; i++)
    {
      Fill *fill = &g_array_index (self->fills, Fill, i);
      g_autoptr(SwAssignment) assignment = sw_assignment_new (fill->person, fill->duty);

      sw_assignment_set_pinned (assignment, FALSE);
      if (!sw_undo_stack_push (stack,
                               sw_list_command_new_insert (G_OBJECT (fill->slot), "assignments",
                                                           assignment, G_MAXUINT),
                               error))
        {
          sw_undo_stack_cancel_group (stack);
          return FALSE;
        }
    }

  return sw_undo_stack_end_group (stack, error);
}
