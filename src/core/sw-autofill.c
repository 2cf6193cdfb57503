/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sw-autofill.h"
#include "sw-command-group.h"
#include "sw-error.h"
#include "sw-list-command.h"
#include "sw-rulebook.h"
#include "sw-time.h"
#include "sw-unavailability.h"

/*
 * The solver works on plain arrays indexed by small integers:
 *
 *  - slots: every slot of the plan (also those out of scope: their
 *    assignments keep people busy), in the plan's sorted order;
 *  - needs: the duties in scope that have empty seats;
 *  - people: every person of the organisation; the pools list the active
 *    ones per department and over all;
 *  - assignments: the proposed ones (existing assignments are "fixed":
 *    they are part of a person's busy time and never change).
 *
 * The phases:
 *
 *  A. slot by slot, a maximum matching of the slot's seats and the people
 *     free for it (the people a matching can cover form a matroid, so
 *     trying them in a chosen order and keeping each one an augmenting path
 *     can place gives a maximum matching made of the first people in that
 *     order).  Two orders are tried: the scarcest slots first with the
 *     least loaded people, and by end time with the people whose previous
 *     slot ends closest before (interval scheduling's best fit);
 *  B. for every seat still empty, a breadth-first search for a chain of
 *     moves: someone free takes a seat that a person leaves for the empty
 *     seat, where each person moved has exactly one proposed assignment in
 *     the way (the same slot counts: that is a change of duty);
 *  C. fairness: a seat goes from a person to a free one of the same pool
 *     whose hours stay below the first person's hours, which lowers the
 *     sum of squared hours and so ends;
 *  D. kicks (only when some seat could still be filled): a person is put
 *     on an empty seat, the seats in the way are refilled by B, and the
 *     result kept unless it fills fewer seats; seeded, within a budget.
 *
 * B and C repeat until neither changes anything; a last B makes sure no
 * empty seat has a free person left, so running again proposes nothing.
 * Without conflicts between slots, A alone is exact; the later phases
 * never lower the number of filled seats.
 */

#define NO_INDEX G_MAXUINT
#define CHAIN_DEPTH 8
#define CHAIN_NODES 256
#define CHAIN_WORK 200000
#define MAX_ROUNDS 16
#define MAX_FAIR_PASSES 24
#define KICK_WORK 5000000
#define KICK_ITERATIONS 20000
#define KICK_CHAIN_NODES 64

typedef struct
{
  SwSlot *slot;
  gint64  start;
  gint64  end;
  const char *place;    /* the slot keeps it alive */
  guint   first_need;   /* needs of a slot are consecutive */
  guint   n_needs;
  double  ratio;        /* fewest candidates per empty seat of a duty */
} ASlot;

typedef struct
{
  SwDuty *duty;
  guint   slot;
  int     dept;         /* index into departments, -1: any */
  guint   missing;      /* empty seats at the start */
  GArray *asgs;         /* guint: proposed assignments */
  guint   stamp;
  guint   candidates;   /* people who could ever take a seat */
  GArray *pool;         /* guint: who may take it when the duty needs skills, or NULL */
} Need;

typedef struct
{
  SwPerson *person;
  int       dept;
  gboolean  active;
  GArray   *fixed;      /* guint slot indices of existing assignments */
  guint     fixed_duties;  /* existing assignments that fill a duty */
  GArray   *days;       /* int pairs: day, minutes of duty on it (existing and proposed) */
  GArray   *asgs;       /* guint: proposed assignments */
  gint64    minutes;    /* existing plus proposed */
  gint64    base_minutes;  /* existing */
  guint     flex;       /* needs this person could take, for tie-breaks */
  guint     path_mark;
} APerson;

typedef struct
{
  guint    person;
  guint    need;
  gboolean alive;
} Asg;

/* What a kick changed, to undo it. */
typedef enum
{
  JOURNAL_NEW,
  JOURNAL_REMOVE,
  JOURNAL_SET_NEED,
} JournalKind;

typedef struct
{
  JournalKind kind;
  guint       id;
  guint       old_need;
} JournalEntry;

typedef struct
{
  guint need;
  int   parent;
  guint person;
  guint asg;
  guint depth;
} Node;

/* How phase A orders slots and people: the scarcest slots first with the
 * least loaded people, or by end time with the people whose previous slot
 * ends closest before (interval scheduling's best fit). */
typedef enum
{
  MODE_SCARCE,
  MODE_SNUG,
  N_MODES
} Mode;

typedef struct
{
  SwPlan  *plan;
  int      travel_buffer;
  gboolean keep_duty_limit;  /* the soft limit, kept while it can be */
  Mode     mode;
  ASlot   *slots;
  guint    n_slots;
  GArray  *needs;        /* Need */
  APerson *people;
  guint    n_people;
  GArray **pools;        /* per department: guint active people */
  GArray  *all_pool;     /* guint active people */
  guint    n_depts;
  GArray  *asgs;         /* Asg */
  guint    stamp;
  guint    path_stamp;
  GArray  *nodes;        /* Node, scratch for phase B */
  guint    filled;       /* live proposed assignments */
  GArray  *journal;      /* JournalEntry while a kick may be undone, or NULL */
  guint64  work;         /* people looked at, for the search budget */
} Solver;

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
/* The rules                                                           */

/* The rules are the rulebook's (sw-rulebook.h); the solver only keeps
 * what they need in arrays. */

static gboolean
slots_conflict (Solver *s,
                guint   a,
                guint   b)
{
  const ASlot *sa = &s->slots[a];
  const ASlot *sb = &s->slots[b];

  if (a == b)
    return TRUE;

  return sw_rulebook_clash (sa->start, sa->end, sa->place,
                            sb->start, sb->end, sb->place,
                            s->travel_buffer) != SW_CLASH_NONE;
}

static gboolean
person_on_slot_fixed (APerson *p,
                      guint    slot)
{
  if (p->fixed == NULL)
    return FALSE;
  for (guint i = 0; i < p->fixed->len; i++)
    if (g_array_index (p->fixed, guint, i) == slot)
      return TRUE;
  return FALSE;
}

static gboolean
person_unavailable (APerson *p,
                    gint64   start,
                    gint64   end)
{
  return sw_rulebook_find_busy (p->person, start, end) != NULL;
}

static int *
day_entry (APerson *p,
           int      day,
           gboolean create)
{
  int zero = 0;

  for (guint i = 0; p->days != NULL && i + 1 < p->days->len; i += 2)
    if (g_array_index (p->days, int, i) == day)
      return &g_array_index (p->days, int, i + 1);
  if (!create)
    return NULL;
  if (p->days == NULL)
    p->days = g_array_new (FALSE, FALSE, sizeof (int));
  g_array_append_val (p->days, day);
  g_array_append_val (p->days, zero);

  return &g_array_index (p->days, int, p->days->len - 1);
}

/* Adds (@sign 1) or takes away (-1) @slot's minutes on each of its days. */
static void
count_days (Solver  *s,
            APerson *p,
            guint    slot,
            int      sign)
{
  const ASlot *as = &s->slots[slot];

  if (as->end <= as->start)
    return;
  for (int day = sw_time_day_of (as->start); day <= sw_time_day_of (as->end - 1); day++)
    *day_entry (p, day, TRUE) += sign * sw_rulebook_minutes_on_day (as->start, as->end, day);
}

/* Whether @person may take @slot within the plan's hours per day, after
 * leaving @leaving (a slot index, or NO_INDEX). */
static gboolean
hours_fit (Solver *s,
           guint   person,
           guint   slot,
           guint   leaving)
{
  APerson *p = &s->people[person];
  const ASlot *as = &s->slots[slot];

  if (sw_plan_get_max_hours_per_day (s->plan) <= 0 || as->end <= as->start)
    return TRUE;
  for (int day = sw_time_day_of (as->start); day <= sw_time_day_of (as->end - 1); day++)
    {
      int *held = day_entry (p, day, FALSE);
      int minutes = (held != NULL ? *held : 0) + sw_rulebook_minutes_on_day (as->start, as->end, day);

      if (leaving != NO_INDEX)
        minutes -= sw_rulebook_minutes_on_day (s->slots[leaving].start, s->slots[leaving].end, day);
      if (sw_rulebook_over_hours (s->plan, minutes))
        return FALSE;
    }
  return TRUE;
}

/* Whether @person may take one more duty (the soft limit, while kept). */
static gboolean
duties_fit (Solver *s,
            guint   person)
{
  APerson *p = &s->people[person];

  return !s->keep_duty_limit ||
         !sw_rulebook_over_duties (s->plan, p->fixed_duties + (p->asgs != NULL ? p->asgs->len : 0) + 1);
}

/* Whether @person may take a new seat on @slot besides what they hold. */
static gboolean
load_fits (Solver *s,
           guint   person,
           guint   slot)
{
  return hours_fit (s, person, slot, NO_INDEX) && duties_fit (s, person);
}

static gboolean
person_fixed_conflict (Solver  *s,
                       APerson *p,
                       guint    slot)
{
  if (p->fixed == NULL)
    return FALSE;
  for (guint i = 0; i < p->fixed->len; i++)
    if (slots_conflict (s, g_array_index (p->fixed, guint, i), slot))
      return TRUE;
  return FALSE;
}

/* Whether @person may ever take a seat on @slot in this run: active, not
 * on it yet, not unavailable, no existing assignment in the way. */
static gboolean
static_ok (Solver *s,
           guint   person,
           guint   slot)
{
  APerson *p = &s->people[person];

  if (!p->active)
    return FALSE;
  if (person_unavailable (p, s->slots[slot].start, s->slots[slot].end))
    return FALSE;
  return !person_fixed_conflict (s, p, slot);
}

/* How many proposed assignments of @person are in the way of @slot (the
 * same slot included), counting to 2 at most; the first one goes to
 * @first. */
static guint
new_conflicts (Solver *s,
               guint   person,
               guint   slot,
               guint  *first)
{
  APerson *p = &s->people[person];
  guint n = 0;

  if (p->asgs == NULL)
    return 0;
  for (guint i = 0; i < p->asgs->len; i++)
    {
      guint a = g_array_index (p->asgs, guint, i);
      guint other = g_array_index (s->needs, Need, g_array_index (s->asgs, Asg, a).need).slot;

      if (slots_conflict (s, other, slot))
        {
          if (n == 0 && first != NULL)
            *first = a;
          if (++n == 2)
            break;
        }
    }

  return n;
}

/* Who may take a seat of @need as far as the duty goes: the pools hold
 * each department's active people; a duty that needs skills has its own. */
static GArray *
pool_of (Solver *s,
         Need   *need)
{
  if (need->pool != NULL)
    return need->pool;
  return need->dept < 0 ? s->all_pool : s->pools[need->dept];
}

static gboolean
duty_fits (Solver *s,
           guint   person,
           SwDuty *duty)
{
  SwPerson *p = s->people[person].person;
  g_auto(GStrv) missing = NULL;

  if (!sw_rulebook_department_fits (p, duty))
    return FALSE;
  missing = sw_rulebook_missing_skills (p, duty);
  return missing == NULL;
}

static gboolean
eligible_for_need (Solver *s,
                   guint   person,
                   Need   *need)
{
  return duty_fits (s, person, need->duty);
}

static gint64
slot_minutes (Solver *s,
              guint   slot)
{
  return MAX (s->slots[slot].end - s->slots[slot].start, 0);
}

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

static guint
asg_new (Solver *s,
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

static void
asg_remove (Solver *s,
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

/* Puts back an assignment that asg_remove() took away. */
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

static guint
need_filled (Need *need)
{
  return need->asgs->len;
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
            asg_new (s, person, ni);
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
                asg_new (s, person, ni);
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
  asg_new (s, person, need);
}

static gboolean
augment_chain (Solver *s,
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

          while (need_filled (need) < need->missing && augment_chain (s, n, CHAIN_NODES))
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
/* Building the solver from the model                                  */

static void
solver_clear (Solver *s)
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

static void
solver_init (Solver         *s,
             SwOrganisation *org,
             SwPlan         *plan,
             GPtrArray      *sorted_slots,
             gboolean       *in_scope,
             GHashTable     *person_index)
{
  GListModel *departments = sw_organisation_get_departments (org);
  GListModel *people = sw_organisation_get_people (org);
  g_autoptr(GHashTable) dept_index = g_hash_table_new (NULL, NULL);

  memset (s, 0, sizeof *s);
  s->plan = plan;
  s->keep_duty_limit = TRUE;
  s->travel_buffer = MAX (sw_plan_get_travel_buffer (plan), 0);

  s->n_depts = g_list_model_get_n_items (departments);
  s->pools = g_new0 (GArray *, MAX (s->n_depts, 1));
  for (guint i = 0; i < s->n_depts; i++)
    {
      g_autoptr(SwDepartment) dept = g_list_model_get_item (departments, i);

      g_hash_table_insert (dept_index, dept, GUINT_TO_POINTER (i + 1));
      s->pools[i] = g_array_new (FALSE, FALSE, sizeof (guint));
    }
  s->all_pool = g_array_new (FALSE, FALSE, sizeof (guint));

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

  s->n_slots = sorted_slots->len;
  s->slots = g_new0 (ASlot, MAX (s->n_slots, 1));
  s->needs = g_array_new (FALSE, FALSE, sizeof (Need));
  s->asgs = g_array_new (FALSE, FALSE, sizeof (Asg));
  s->nodes = g_array_new (FALSE, FALSE, sizeof (Node));

  for (guint i = 0; i < s->n_slots; i++)
    {
      SwSlot *slot = g_ptr_array_index (sorted_slots, i);
      ASlot *as = &s->slots[i];
      GListModel *duties = sw_slot_get_duties (slot);
      GListModel *assignments = sw_slot_get_assignments (slot);
      guint n_duties = g_list_model_get_n_items (duties);
      guint n_assignments = g_list_model_get_n_items (assignments);
      g_autoptr(GHashTable) taken = g_hash_table_new (NULL, NULL);

      as->slot = slot;
      as->start = sw_slot_get_start (slot);
      as->end = sw_slot_get_end (slot);
      as->place = sw_slot_get_location (slot);
      as->first_need = s->needs->len;

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

      if (!in_scope[i])
        continue;

      for (guint k = 0; k < n_duties; k++)
        {
          g_autoptr(SwDuty) duty = g_list_model_get_item (duties, k);
          guint count = sw_duty_get_count (duty);
          guint held = GPOINTER_TO_UINT (g_hash_table_lookup (taken, duty));
          SwDepartment *dept = sw_duty_get_department (duty);
          Need need = { 0 };

          if (held >= count)
            continue;
          need.duty = duty;  /* the slot keeps it alive */
          need.slot = i;
          need.missing = count - held;
          need.asgs = g_array_new (FALSE, FALSE, sizeof (guint));
          if (dept == NULL)
            need.dept = -1;
          else
            {
              guint di = GPOINTER_TO_UINT (g_hash_table_lookup (dept_index, dept));

              if (di == 0)
                {
                  /* A department that is not on the roster: nobody can
                   * come from it; an empty pool says so. */
                  s->pools = g_renew (GArray *, s->pools, s->n_depts + 1);
                  s->pools[s->n_depts] = g_array_new (FALSE, FALSE, sizeof (guint));
                  g_hash_table_insert (dept_index, dept, GUINT_TO_POINTER (s->n_depts + 1));
                  di = ++s->n_depts;
                }
              need.dept = (int) di - 1;
            }
          if (sw_duty_get_skills (duty)[0] != NULL)
            {
              GArray *from = need.dept < 0 ? s->all_pool : s->pools[need.dept];

              need.pool = g_array_new (FALSE, FALSE, sizeof (guint));
              for (guint q = 0; q < from->len; q++)
                if (duty_fits (s, g_array_index (from, guint, q), duty))
                  g_array_append_val (need.pool, g_array_index (from, guint, q));
            }
          g_array_append_val (s->needs, need);
        }
      as->n_needs = s->needs->len - as->first_need;
    }
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
static GArray *
solver_save (Solver *s)
{
  GArray *saved = g_array_sized_new (FALSE, FALSE, sizeof (Asg), s->filled);

  for (guint i = 0; i < s->asgs->len; i++)
    if (g_array_index (s->asgs, Asg, i).alive)
      g_array_append_val (saved, g_array_index (s->asgs, Asg, i));

  return saved;
}

static void
solver_restore (Solver *s,
                GArray *saved)
{
  solver_reset (s);
  for (guint i = 0; i < saved->len; i++)
    {
      Asg *asg = &g_array_index (saved, Asg, i);

      asg_new (s, asg->person, asg->need);
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
journal_undo (Solver *s,
              GArray *journal)
{
  for (guint i = journal->len; i-- > 0;)
    {
      JournalEntry *entry = &g_array_index (journal, JournalEntry, i);

      switch (entry->kind)
        {
        case JOURNAL_NEW:
          asg_remove (s, entry->id);
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

/* Kicks: a person is put on an empty seat even though proposed seats are
 * in the way; those seats are then refilled by chains.  The result is kept
 * when no seat is lost (so the search also walks across plateaus) and
 * undone otherwise.  Randomised from a fixed seed, within a budget of
 * people looked at: the same plan always gives the same proposal. */
static void
phase_kicks (Solver *s)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (0x5e1f);
  g_autoptr(GArray) open = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) freed = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree gboolean *hopeless = g_new0 (gboolean, MAX (s->needs->len, 1));
  g_autoptr(GArray) journal = g_array_new (FALSE, FALSE, sizeof (JournalEntry));
  guint64 budget_end = s->work + KICK_WORK;

  for (guint iteration = 0; iteration < KICK_ITERATIONS && s->work < budget_end; iteration++)
    {
      Need *need;
      GArray *pool;
      guint root, offset, before, chosen = NO_INDEX;
      guint slot;

      /* The open needs, looked up again now and then; one that filled
       * in between is skipped when drawn. */
      if (iteration % 64 == 0 || open->len == 0)
        {
          g_array_set_size (open, 0);
          for (guint n = 0; n < s->needs->len; n++)
            {
              Need *candidate = &g_array_index (s->needs, Need, n);

              if (!hopeless[n] && need_filled (candidate) < candidate->missing)
                g_array_append_val (open, n);
            }
          if (open->len == 0)
            break;
        }

      {
        guint i = (guint) g_rand_int_range (rand, 0, (gint32) open->len);

        root = g_array_index (open, guint, i);
        need = &g_array_index (s->needs, Need, root);
        if (hopeless[root] || need_filled (need) >= need->missing)
          {
            g_array_remove_index_fast (open, i);
            continue;
          }
      }
      slot = need->slot;
      pool = pool_of (s, need);
      if (pool->len == 0)
        {
          hopeless[root] = TRUE;
          continue;
        }

      offset = (guint) g_rand_int_range (rand, 0, (gint32) pool->len);
      for (guint k = 0; k < pool->len; k++)
        {
          guint p = g_array_index (pool, guint, (offset + k) % pool->len);

          s->work++;
          if (static_ok (s, p, slot))
            {
              chosen = p;
              break;
            }
        }
      if (chosen == NO_INDEX)
        {
          hopeless[root] = TRUE;
          continue;
        }

      before = s->filled;
      g_array_set_size (journal, 0);
      s->journal = journal;

      g_array_set_size (freed, 0);
      for (guint i = s->people[chosen].asgs != NULL ? s->people[chosen].asgs->len : 0; i-- > 0;)
        {
          guint a = g_array_index (s->people[chosen].asgs, guint, i);
          guint other = g_array_index (s->asgs, Asg, a).need;

          if (slots_conflict (s, g_array_index (s->needs, Need, other).slot, slot) ||
              !load_fits (s, chosen, slot))
            {
              g_array_append_val (freed, other);
              asg_remove (s, a);
            }
        }
      if (!load_fits (s, chosen, slot))
        {
          s->journal = NULL;
          journal_undo (s, journal);
          continue;
        }
      asg_new (s, chosen, root);

      for (guint i = 0; i < freed->len; i++)
        {
          guint f = g_array_index (freed, guint, i);

          while (need_filled (&g_array_index (s->needs, Need, f)) <
                 g_array_index (s->needs, Need, f).missing &&
                 augment_chain (s, f, KICK_CHAIN_NODES))
            ;
        }

      s->journal = NULL;
      if (s->filled < before)
        journal_undo (s, journal);
    }

  /* Compact: drop the assignments that kicks removed. */
  {
    g_autoptr(GArray) saved = solver_save (s);

    solver_restore (s, saved);
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
static void
solver_solve (Solver *s)
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
          best = solver_save (s);
          best_filled = filled;
          best_max = max;
          best_squares = squares;
        }
      if (best_filled == bound)
        break;
    }
  solver_restore (s, best);
  t1 = g_get_monotonic_time ();

  if (best_filled < bound)
    {
      phase_kicks (s);
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

static char *
explain (Solver *s,
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

  solver_init (s, self->org, self->plan, sorted, in_scope, person_index);

  for (guint n = 0; n < s->needs->len; n++)
    self->n_seats += g_array_index (s->needs, Need, n).missing;

  solver_solve (s);

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
      gap.reason = explain (s, need);
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

  solver_clear (s);
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

SwOrganisation *
sw_autofill_get_organisation (SwAutofill *self)
{
  g_return_val_if_fail (SW_IS_AUTOFILL (self), NULL);
  return self->org;
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
