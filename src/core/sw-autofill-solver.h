/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sw-autofill.h"
#include "sw-rulebook.h"
#include "sw-time.h"
#include "sw-unavailability.h"

G_BEGIN_DECLS

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
 *     result kept unless it fills fewer seats; seeded, within a budget
 *     (sw-autofill-kicks.c).
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

/* The rules, on the solver's arrays (inline: the phases call them in
 * their inner loops).  Each asks the rulebook's primitives. */

/* The rules are the rulebook's (sw-rulebook.h); the solver only keeps
 * what they need in arrays. */

static inline gboolean
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

static inline gboolean
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

static inline gboolean
person_unavailable (APerson *p,
                    gint64   start,
                    gint64   end)
{
  return sw_rulebook_find_busy (p->person, start, end) != NULL;
}

static inline int *
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
static inline void
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
static inline gboolean
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
static inline gboolean
duties_fit (Solver *s,
            guint   person)
{
  APerson *p = &s->people[person];

  return !s->keep_duty_limit ||
         !sw_rulebook_over_duties (s->plan, p->fixed_duties + (p->asgs != NULL ? p->asgs->len : 0) + 1);
}

/* Whether @person may take a new seat on @slot besides what they hold. */
static inline gboolean
load_fits (Solver *s,
           guint   person,
           guint   slot)
{
  return hours_fit (s, person, slot, NO_INDEX) && duties_fit (s, person);
}

static inline gboolean
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
static inline gboolean
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
static inline guint
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
static inline GArray *
pool_of (Solver *s,
         Need   *need)
{
  if (need->pool != NULL)
    return need->pool;
  return need->dept < 0 ? s->all_pool : s->pools[need->dept];
}

static inline gboolean
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

static inline gboolean
eligible_for_need (Solver *s,
                   guint   person,
                   Need   *need)
{
  return duty_fits (s, person, need->duty);
}

static inline gint64
slot_minutes (Solver *s,
              guint   slot)
{
  return MAX (s->slots[slot].end - s->slots[slot].start, 0);
}

static inline guint
need_filled (Need *need)
{
  return need->asgs->len;
}

/* sw-autofill-build.c: the solver's arrays from the model, and why a
 * seat stays empty. */
void  sw_autofill_solver_init  (Solver          *s,
                                SwOrganisation  *org,
                                SwPlan          *plan,
                                GPtrArray       *sorted_slots,
                                gboolean        *in_scope,
                                GHashTable      *person_index);
void  sw_autofill_solver_clear (Solver          *s);
char *sw_autofill_explain      (Solver          *s,
                                Need            *need);

/* sw-autofill-solver.c: the phases, and what the kicks change a proposal
 * with. */
void     sw_autofill_solver_solve   (Solver *s);
guint    sw_autofill_asg_new        (Solver *s,
                                     guint   person,
                                     guint   need);
void     sw_autofill_asg_remove     (Solver *s,
                                     guint   id);
void     sw_autofill_journal_undo   (Solver *s,
                                     GArray *journal);
gboolean sw_autofill_augment_chain  (Solver *s,
                                     guint   root,
                                     guint   max_nodes);
GArray  *sw_autofill_solver_save    (Solver *s);
void     sw_autofill_solver_restore (Solver *s,
                                     GArray *saved);

/* sw-autofill-kicks.c: phase D. */
void     sw_autofill_phase_kicks    (Solver *s);

G_END_DECLS
