/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sw-autofill-solver.h"

/* ------------------------------------------------------------------ */
/* Proposed assignments                                                */

static void
array_remove_value (GArray *array,
                    guint   value)
{
  for (guint i = 0; i < array->len; i++)
    if (g_array_index (array, guint, i) == value)
      {
        g_array_remove_index_fast (array, i);
        return;
      }
  g_assert_not_reached ();
}

static GArray *
ensure_array (GArray **array)
{
  if (*array == NULL)
    *array = g_array_new (FALSE, FALSE, sizeof (guint));
  return *array;
}

static void
journal_add (Solver      *s,
             JournalKind  kind,
             guint        id,
             guint        old_need)
{
  JournalEntry entry = { kind, id, old_need };

  if (s->journal != NULL)
    g_array_append_val (s->journal, entry);
}

guint
sw_autofill_asg_new (Solver *s,
                     guint   person,
                     guint   need)
{
  Asg asg = { person, need, TRUE };
  guint id = s->asgs->len;
  Need *n = &g_array_index (s->needs, Need, need);

  g_array_append_val (s->asgs, asg);
  g_array_append_val (ensure_array (&s->people[person].asgs), id);
  g_array_append_val (n->asgs, id);
  s->people[person].minutes += slot_minutes (s, n->slot);
  count_days (s, &s->people[person], n->slot, 1);
  s->filled++;
  journal_add (s, JOURNAL_NEW, id, 0);

  return id;
}

void
sw_autofill_asg_remove (Solver *s,
                        guint   id)
{
  Asg *asg = &g_array_index (s->asgs, Asg, id);
  Need *need = &g_array_index (s->needs, Need, asg->need);

  g_assert (asg->alive);
  array_remove_value (need->asgs, id);
  array_remove_value (s->people[asg->person].asgs, id);
  s->people[asg->person].minutes -= slot_minutes (s, need->slot);
  count_days (s, &s->people[asg->person], need->slot, -1);
  asg->alive = FALSE;
  s->filled--;
  journal_add (s, JOURNAL_REMOVE, id, 0);
}

/* Puts back an assignment that sw_autofill_asg_remove () took away. */
static void
asg_revive (Solver *s,
            guint   id)
{
  Asg *asg = &g_array_index (s->asgs, Asg, id);
  Need *need = &g_array_index (s->needs, Need, asg->need);

  g_assert (!asg->alive);
  asg->alive = TRUE;
  g_array_append_val (need->asgs, id);
  g_array_append_val (ensure_array (&s->people[asg->person].asgs), id);
  s->people[asg->person].minutes += slot_minutes (s, need->slot);
  count_days (s, &s->people[asg->person], need->slot, 1);
  s->filled++;
}

/* Moves a proposed assignment to another need; its person stays. */
static void
asg_set_need (Solver *s,
              guint   id,
              guint   need)
{
  Asg *asg = &g_array_index (s->asgs, Asg, id);
  Need *from = &g_array_index (s->needs, Need, asg->need);
  Need *to = &g_array_index (s->needs, Need, need);
  APerson *p = &s->people[asg->person];

  journal_add (s, JOURNAL_SET_NEED, id, asg->need);
  array_remove_value (from->asgs, id);
  p->minutes -= slot_minutes (s, from->slot);
  count_days (s, p, from->slot, -1);
  asg->need = need;
  g_array_append_val (to->asgs, id);
  p->minutes += slot_minutes (s, to->slot);
  count_days (s, p, to->slot, 1);
}

/* Gives a proposed assignment to another person; its seat stays. */
static void
asg_set_person (Solver *s,
                guint   id,
                guint   person)
{
  Asg *asg = &g_array_index (s->asgs, Asg, id);
  guint slot = g_array_index (s->needs, Need, asg->need).slot;
  gint64 minutes = slot_minutes (s, slot);

  array_remove_value (s->people[asg->person].asgs, id);
  s->people[asg->person].minutes -= minutes;
  count_days (s, &s->people[asg->person], slot, -1);
  asg->person = person;
  g_array_append_val (ensure_array (&s->people[person].asgs), id);
  s->people[person].minutes += minutes;
  count_days (s, &s->people[person], slot, 1);
}

/* Undoes what @journal holds, last change first, and empties it. */
void
sw_autofill_journal_undo (Solver *s,
                          GArray *journal)
{
  for (guint i = journal->len; i-- > 0;)
    {
      JournalEntry *entry = &g_array_index (journal, JournalEntry, i);

      switch (entry->kind)
        {
        case JOURNAL_NEW:
          sw_autofill_asg_remove (s, entry->id);
          break;
        case JOURNAL_REMOVE:
          asg_revive (s, entry->id);
          break;
        case JOURNAL_SET_NEED:
          asg_set_need (s, entry->id, entry->old_need);
          break;
        default:
          g_assert_not_reached ();
        }
    }
  g_array_set_size (journal, 0);
}

/* ------------------------------------------------------------------ */
/* Phase A: one slot at a time                                         */

/* Places @person on one of the needs of @slot, moving people already
 * proposed on the slot between its needs when that makes room (Kuhn's
 * augmenting path, over needs with capacities).  With @moving not
 * NO_INDEX, @person already holds that assignment on the slot and it is
 * moved instead of a new one made. */
static gboolean
place_on_slot (Solver   *s,
               guint     slot,
               guint     person,
               guint     moving,
               gboolean *visited)
{
  ASlot *as = &s->slots[slot];

  for (guint i = 0; i < as->n_needs; i++)
    {
      guint ni = as->first_need + i;
      Need *need = &g_array_index (s->needs, Need, ni);

      if (visited[i] || !eligible_for_need (s, person, need))
        continue;
      visited[i] = TRUE;

      if (need_filled (need) < need->missing)
        {
          if (moving != NO_INDEX)
            asg_set_need (s, moving, ni);
          else
            sw_autofill_asg_new (s, person, ni);
          return TRUE;
        }

      for (guint k = 0; k < need->asgs->len; k++)
        {
          guint a = g_array_index (need->asgs, guint, k);
          guint other = g_array_index (s->asgs, Asg, a).person;

          if (place_on_slot (s, slot, other, a, visited))
            {
              if (moving != NO_INDEX)
                asg_set_need (s, moving, ni);
              else
                sw_autofill_asg_new (s, person, ni);
              return TRUE;
            }
        }
    }

  return FALSE;
}

typedef struct
{
  gint64 key[3];
  guint  person;
} Candidate;

static gboolean
candidate_less (const Candidate *a,
                const Candidate *b)
{
  for (guint i = 0; i < 3; i++)
    if (a->key[i] != b->key[i])
      return a->key[i] < b->key[i];
  return a->person < b->person;
}

static void
heap_down (Candidate *heap,
           guint      n,
           guint      i)
{
  for (;;)
    {
      guint l = 2 * i + 1, r = l + 1, m = i;

      if (l < n && candidate_less (&heap[l], &heap[m]))
        m = l;
      if (r < n && candidate_less (&heap[r], &heap[m]))
        m = r;
      if (m == i)
        return;

      {
        Candidate tmp = heap[i];
        heap[i] = heap[m];
        heap[m] = tmp;
      }
      i = m;
    }
}

static guint
slot_missing (Solver *s,
              guint   slot)
{
  ASlot *as = &s->slots[slot];
  guint missing = 0;

  for (guint i = 0; i < as->n_needs; i++)
    {
      Need *need = &g_array_index (s->needs, Need, as->first_need + i);

      missing += need->missing - need_filled (need);
    }

  return missing;
}

/* The end of the person's last slot before @slot starts (existing or
 * proposed), or the start of that day: how snugly the slot would follow. */
static gint64
idle_before (Solver *s,
             guint   person,
             guint   slot)
{
  APerson *p = &s->people[person];
  gint64 start = s->slots[slot].start;
  gint64 latest = sw_time_from_day (sw_time_day_of (start));

  for (guint i = 0; p->fixed != NULL && i < p->fixed->len; i++)
    {
      gint64 end = s->slots[g_array_index (p->fixed, guint, i)].end;

      if (end <= start && end > latest)
        latest = end;
    }
  for (guint i = 0; p->asgs != NULL && i < p->asgs->len; i++)
    {
      guint a = g_array_index (p->asgs, guint, i);
      gint64 end = s->slots[g_array_index (s->needs, Need, g_array_index (s->asgs, Asg, a).need).slot].end;

      if (end <= start && end > latest)
        latest = end;
    }

  return start - latest;
}

static void
fill_slot (Solver *s,
           guint   slot,
           GArray *heap_array,
           guint  *mark,
           guint   mark_value)
{
  ASlot *as = &s->slots[slot];
  gboolean any_dept = FALSE;
  gboolean *visited = g_newa (gboolean, MAX (as->n_needs, 1));
  Candidate *heap;
  guint n, missing;

  missing = slot_missing (s, slot);
  if (missing == 0)
    return;

  g_array_set_size (heap_array, 0);
  for (guint i = 0; i < as->n_needs; i++)
    if (g_array_index (s->needs, Need, as->first_need + i).dept < 0)
      any_dept = TRUE;

  for (guint i = 0; i < as->n_needs; i++)
    {
      Need *need = &g_array_index (s->needs, Need, as->first_need + i);
      GArray *pool;

      if (any_dept && i > 0)
        break;
      pool = any_dept ? s->all_pool : s->pools[need->dept];
      for (guint k = 0; k < pool->len; k++)
        {
          guint p = g_array_index (pool, guint, k);
          Candidate c;

          if (mark[p] == mark_value)
            continue;  /* a department asked for twice */
          mark[p] = mark_value;
          if (!static_ok (s, p, slot) || new_conflicts (s, p, slot, NULL) > 0 ||
              !load_fits (s, p, slot))
            continue;
          if (s->mode == MODE_SNUG)
            {
              c.key[0] = idle_before (s, p, slot);
              c.key[1] = s->people[p].flex;
              c.key[2] = s->people[p].minutes;
            }
          else
            {
              c.key[0] = s->people[p].minutes;
              c.key[1] = s->people[p].flex;
              c.key[2] = 0;
            }
          c.person = p;
          g_array_append_val (heap_array, c);
        }
    }

  heap = (Candidate *) (gpointer) heap_array->data;
  n = heap_array->len;
  for (guint i = n / 2; i-- > 0;)
    heap_down (heap, n, i);

  while (n > 0 && missing > 0)
    {
      guint p = heap[0].person;

      heap[0] = heap[n - 1];
      n--;
      heap_down (heap, n, 0);

      memset (visited, 0, sizeof (gboolean) * MAX (as->n_needs, 1));
      if (place_on_slot (s, slot, p, NO_INDEX, visited))
        missing--;
    }
}

/* How many people could take each seat, and how many seats each person
 * could take: computed once, the same for every run. */
static void
measure_scarcity (Solver *s)
{
  for (guint slot = 0; slot < s->n_slots; slot++)
    {
      ASlot *as = &s->slots[slot];

      as->ratio = G_MAXDOUBLE;
      for (guint i = 0; i < as->n_needs; i++)
        {
          Need *need = &g_array_index (s->needs, Need, as->first_need + i);
          GArray *pool = pool_of (s, need);
          guint count = 0;

          for (guint k = 0; k < pool->len; k++)
            {
              guint p = g_array_index (pool, guint, k);

              if (static_ok (s, p, slot))
                {
                  count++;
                  s->people[p].flex++;
                }
            }
          need->candidates = count;
          as->ratio = MIN (as->ratio, (double) count / need->missing);
        }
    }
}

static int
compare_slot_order (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  Solver *s = user_data;
  guint ia = *(const guint *) a;
  guint ib = *(const guint *) b;
  const ASlot *sa = &s->slots[ia];
  const ASlot *sb = &s->slots[ib];

  if (s->mode == MODE_SNUG)
    {
      /* Earliest end first, as in interval scheduling. */
      if (sa->end != sb->end)
        return sa->end < sb->end ? -1 : 1;
      if (sa->start != sb->start)
        return sa->start > sb->start ? -1 : 1;
    }
  else if (sa->ratio != sb->ratio)
    return sa->ratio < sb->ratio ? -1 : 1;

  return ia < ib ? -1 : ia > ib;
}

static void
phase_fill_slots (Solver *s)
{
  g_autofree guint *mark = g_new0 (guint, MAX (s->n_people, 1));
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) heap = g_array_new (FALSE, FALSE, sizeof (Candidate));

  for (guint slot = 0; slot < s->n_slots; slot++)
    if (s->slots[slot].n_needs > 0)
      g_array_append_val (order, slot);
  g_array_sort_with_data (order, compare_slot_order, s);

  for (guint i = 0; i < order->len; i++)
    fill_slot (s, g_array_index (order, guint, i), heap, mark, i + 1);
}

/* ------------------------------------------------------------------ */
/* Phase B: chains of moves into empty seats                           */

static gboolean
person_in_path (Solver *s,
                int     node,
                guint   person)
{
  while (node > 0)
    {
      Node *n = &g_array_index (s->nodes, Node, node);

      if (n->person == person)
        return TRUE;
      node = n->parent;
    }
  return FALSE;
}

static void
apply_chain (Solver *s,
             int     node,
             guint   person)
{
  guint need = g_array_index (s->nodes, Node, node).need;

  /* Move everyone up the chain first; then the free person takes the
   * seat at the end of it. */
  while (node > 0)
    {
      Node *n = &g_array_index (s->nodes, Node, node);
      guint parent_need = g_array_index (s->nodes, Node, n->parent).need;

      asg_set_need (s, n->asg, parent_need);
      node = n->parent;
    }
  sw_autofill_asg_new (s, person, need);
}

gboolean
sw_autofill_augment_chain (Solver *s,
                           guint   root,
                           guint   max_nodes)
{
  Node first = { root, -1, NO_INDEX, NO_INDEX, 0 };
  guint work = 0;

  s->stamp++;
  g_array_set_size (s->nodes, 0);
  g_array_append_val (s->nodes, first);
  g_array_index (s->needs, Need, root).stamp = s->stamp;

  for (guint head = 0; head < s->nodes->len; head++)
    {
      Node node = g_array_index (s->nodes, Node, head);
      Need *need = &g_array_index (s->needs, Need, node.need);
      GArray *pool = pool_of (s, need);

      /* The root's own candidates are always all looked at, so a seat
       * with a free person is never left empty. */
      if (head > 0 && (head >= max_nodes || work >= CHAIN_WORK))
        break;

      for (guint k = 0; k < pool->len; k++)
        {
          guint p = g_array_index (pool, guint, k);
          guint in_way = NO_INDEX;
          guint n_in_way;

          work++;
          s->work++;
          if (!static_ok (s, p, need->slot))
            continue;
          n_in_way = new_conflicts (s, p, need->slot, &in_way);
          if (n_in_way >= 2)
            continue;
          if (head > 0 && person_in_path (s, (int) head, p))
            continue;

          if (n_in_way == 0)
            {
              if (!load_fits (s, p, need->slot))
                continue;
              apply_chain (s, (int) head, p);
              return TRUE;
            }

          if (node.depth < CHAIN_DEPTH)
            {
              guint next = g_array_index (s->asgs, Asg, in_way).need;

              if (!hours_fit (s, p, need->slot, g_array_index (s->needs, Need, next).slot))
                continue;
              Need *next_need = &g_array_index (s->needs, Need, next);
              Node child;

              if (next_need->stamp == s->stamp)
                continue;
              next_need->stamp = s->stamp;
              child.need = next;
              child.parent = (int) head;
              child.person = p;
              child.asg = in_way;
              child.depth = node.depth + 1;
              g_array_append_val (s->nodes, child);
            }
        }
    }

  return FALSE;
}

static guint
phase_chains (Solver *s)
{
  guint gained = 0;
  gboolean progress = TRUE;

  while (progress)
    {
      progress = FALSE;
      for (guint n = 0; n < s->needs->len; n++)
        {
          Need *need = &g_array_index (s->needs, Need, n);

          while (need_filled (need) < need->missing &&
                 sw_autofill_augment_chain (s, n, CHAIN_NODES))
            {
              need = &g_array_index (s->needs, Need, n);
              gained++;
              progress = TRUE;
            }
        }
    }

  return gained;
}

/* ------------------------------------------------------------------ */
/* Phase C: fairness                                                   */

static int
compare_by_load (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  Solver *s = user_data;
  guint ia = *(const guint *) a;
  guint ib = *(const guint *) b;
  gint64 la = s->people[g_array_index (s->asgs, Asg, ia).person].minutes;
  gint64 lb = s->people[g_array_index (s->asgs, Asg, ib).person].minutes;

  if (la != lb)
    return la > lb ? -1 : 1;
  return ia < ib ? -1 : ia > ib;
}

static guint
phase_fairness (Solver *s)
{
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (guint));
  guint moved_total = 0;

  for (guint pass = 0; pass < MAX_FAIR_PASSES; pass++)
    {
      guint moved = 0;

      g_array_set_size (order, 0);
      for (guint a = 0; a < s->asgs->len; a++)
        if (g_array_index (s->asgs, Asg, a).alive)
          g_array_append_val (order, a);
      g_array_sort_with_data (order, compare_by_load, s);

      for (guint i = 0; i < order->len; i++)
        {
          guint a = g_array_index (order, guint, i);
          Asg *asg = &g_array_index (s->asgs, Asg, a);
          Need *need = &g_array_index (s->needs, Need, asg->need);
          GArray *pool = pool_of (s, need);
          gint64 minutes = slot_minutes (s, need->slot);
          gint64 holder = s->people[asg->person].minutes;
          guint best = NO_INDEX;
          gint64 best_minutes = holder - minutes;

          if (minutes == 0)
            continue;
          for (guint k = 0; k < pool->len; k++)
            {
              guint q = g_array_index (pool, guint, k);

              /* Strictly better: the receiver stays below the giver. */
              if (s->people[q].minutes >= best_minutes)
                continue;
              if (!static_ok (s, q, need->slot) ||
                  new_conflicts (s, q, need->slot, NULL) > 0 ||
                  !load_fits (s, q, need->slot))
                continue;
              best = q;
              best_minutes = s->people[q].minutes;
            }

          if (best != NO_INDEX)
            {
              asg_set_person (s, a, best);
              moved++;
            }
        }

      moved_total += moved;
      if (moved == 0)
        break;
    }

  return moved_total;
}

/* ------------------------------------------------------------------ */
/* Runs                                                                */

/* Back to no proposal at all. */
static void
solver_reset (Solver *s)
{
  for (guint a = 0; a < s->asgs->len; a++)
    {
      Asg *asg = &g_array_index (s->asgs, Asg, a);

      if (asg->alive)
        count_days (s, &s->people[asg->person],
                    g_array_index (s->needs, Need, asg->need).slot, -1);
    }
  for (guint n = 0; n < s->needs->len; n++)
    g_array_set_size (g_array_index (s->needs, Need, n).asgs, 0);
  for (guint i = 0; i < s->n_people; i++)
    {
      if (s->people[i].asgs != NULL)
        g_array_set_size (s->people[i].asgs, 0);
      s->people[i].minutes = s->people[i].base_minutes;
    }
  g_array_set_size (s->asgs, 0);
  s->filled = 0;
}

/* The proposal as (person, need) pairs. */
GArray *
sw_autofill_solver_save (Solver *s)
{
  GArray *saved = g_array_sized_new (FALSE, FALSE, sizeof (Asg), s->filled);

  for (guint i = 0; i < s->asgs->len; i++)
    if (g_array_index (s->asgs, Asg, i).alive)
      g_array_append_val (saved, g_array_index (s->asgs, Asg, i));

  return saved;
}

void
sw_autofill_solver_restore (Solver *s,
                            GArray *saved)
{
  solver_reset (s);
  for (guint i = 0; i < saved->len; i++)
    {
      Asg *asg = &g_array_index (saved, Asg, i);

      sw_autofill_asg_new (s, asg->person, asg->need);
    }
}

/* Fairness of a proposal: the largest load, then the sum of squares. */
static void
solver_loads (Solver *s,
              gint64 *max,
              double *squares)
{
  *max = 0;
  *squares = 0;
  for (guint i = 0; i < s->n_people; i++)
    {
      double hours = s->people[i].minutes / 60.0;

      *max = MAX (*max, s->people[i].minutes);
      *squares += hours * hours;
    }
}

static void
solver_polish (Solver *s)
{
  for (guint round = 0; round < MAX_ROUNDS; round++)
    {
      guint gained = phase_chains (s);
      guint moved = phase_fairness (s);

      if (gained == 0 && moved == 0)
        break;
    }
  /* Fairness moves free people; a last pass makes sure none of them is
   * left idle next to an empty seat they could take. */
  phase_chains (s);
}

static void
solver_run (Solver *s,
            Mode    mode)
{
  s->mode = mode;
  solver_reset (s);
  phase_fill_slots (s);
  solver_polish (s);
}

/* Runs every mode and keeps the best proposal: most seats filled, then
 * the smallest largest load, then the most even. */
void
sw_autofill_solver_solve (Solver *s)
{
  g_autoptr(GArray) best = NULL;
  guint best_filled = 0;
  gint64 best_max = 0;
  double best_squares = 0;
  guint bound = 0;
  gint64 t0 = g_get_monotonic_time ();
  gint64 t1, t2;

  measure_scarcity (s);
  /* No proposal can fill more than this: each duty at most its empty
   * seats or the people who could ever take them. */
  for (guint n = 0; n < s->needs->len; n++)
    {
      Need *need = &g_array_index (s->needs, Need, n);

      bound += MIN (need->missing, need->candidates);
    }

  for (Mode mode = 0; mode < N_MODES; mode++)
    {
      gint64 max;
      double squares;
      guint filled;

      solver_run (s, mode);
      filled = s->filled;
      solver_loads (s, &max, &squares);
      g_debug ("auto-fill: mode %d fills %u of the empty seats", mode, filled);
      if (best == NULL || filled > best_filled ||
          (filled == best_filled && (max < best_max ||
                                     (max == best_max && squares < best_squares - 1e-9))))
        {
          g_clear_pointer (&best, g_array_unref);
          best = sw_autofill_solver_save (s);
          best_filled = filled;
          best_max = max;
          best_squares = squares;
        }
      if (best_filled == bound)
        break;
    }
  sw_autofill_solver_restore (s, best);
  t1 = g_get_monotonic_time ();

  if (best_filled < bound)
    {
      sw_autofill_phase_kicks (s);
      solver_polish (s);
    }
  /* The soft limit on duties gives way for seats nobody else can take. */
  if (s->filled < bound && sw_plan_get_max_duties (s->plan) > 0)
    {
      s->keep_duty_limit = FALSE;
      phase_chains (s);
    }
  t2 = g_get_monotonic_time ();

  g_debug ("auto-fill: %u needs, %u people; constructions %.1f ms, kicks and polish %.1f ms, "
           "%u filled (%u before kicks)",
           s->needs->len, s->n_people, (t1 - t0) / 1e3, (t2 - t1) / 1e3, s->filled, best_filled);
}
