/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sw-autofill-solver.h"

/* ------------------------------------------------------------------ */
/* Phase D: kicks                                                      */

/* What the kicks keep from one kick to the next. */
typedef struct
{
  GRand    *rand;
  GArray   *open;      /* guint: needs with empty seats, to draw from */
  GArray   *freed;     /* guint: needs whose seats the kick took */
  gboolean *hopeless;  /* per need: nobody may ever be kicked onto it */
  GArray   *journal;   /* JournalEntry: what the kick changed */
} Kicks;

/* Lists the needs with empty seats that are not hopeless; FALSE when
 * there is none. */
static gboolean
kicks_list_open (Solver *s,
                 Kicks  *kicks)
{
  g_array_set_size (kicks->open, 0);
  for (guint n = 0; n < s->needs->len; n++)
    {
      Need *candidate = &g_array_index (s->needs, Need, n);

      if (!kicks->hopeless[n] && need_filled (candidate) < candidate->missing)
        g_array_append_val (kicks->open, n);
    }
  return kicks->open->len > 0;
}

/* Draws one of the open needs; NO_INDEX (and the need leaves the list)
 * when it filled or turned hopeless since the list was made. */
static guint
kicks_draw_need (Solver *s,
                 Kicks  *kicks)
{
  guint i = (guint) g_rand_int_range (kicks->rand, 0, (gint32) kicks->open->len);
  guint root = g_array_index (kicks->open, guint, i);
  Need *need = &g_array_index (s->needs, Need, root);

  if (kicks->hopeless[root] || need_filled (need) >= need->missing)
    {
      g_array_remove_index_fast (kicks->open, i);
      return NO_INDEX;
    }
  return root;
}

/* The first person of @need's pool, from a random place on, who may ever
 * take its slot; NO_INDEX when nobody may. */
static guint
kicks_choose_person (Solver *s,
                     Kicks  *kicks,
                     Need   *need)
{
  guint slot = need->slot;
  GArray *pool = pool_of (s, need);
  guint offset;

  if (pool->len == 0)
    return NO_INDEX;

  offset = (guint) g_rand_int_range (kicks->rand, 0, (gint32) pool->len);
  for (guint k = 0; k < pool->len; k++)
    {
      guint p = g_array_index (pool, guint, (offset + k) % pool->len);

      s->work++;
      if (static_ok (s, p, slot))
        return p;
    }
  return NO_INDEX;
}

/* Takes @chosen off the proposed seats in the way of @slot (those that
 * clash with it, and the rest while its load does not fit), noting their
 * needs in freed. */
static void
kicks_free_way (Solver *s,
                Kicks  *kicks,
                guint   chosen,
                guint   slot)
{
  g_array_set_size (kicks->freed, 0);
  for (guint i = s->people[chosen].asgs != NULL ? s->people[chosen].asgs->len : 0; i-- > 0;)
    {
      guint a = g_array_index (s->people[chosen].asgs, guint, i);
      guint other = g_array_index (s->asgs, Asg, a).need;

      if (slots_conflict (s, g_array_index (s->needs, Need, other).slot, slot) ||
          !load_fits (s, chosen, slot))
        {
          g_array_append_val (kicks->freed, other);
          sw_autofill_asg_remove (s, a);
        }
    }
}

/* Refills by chains the seats that the kick freed. */
static void
kicks_refill_freed (Solver *s,
                    Kicks  *kicks)
{
  for (guint i = 0; i < kicks->freed->len; i++)
    {
      guint f = g_array_index (kicks->freed, guint, i);

      while (need_filled (&g_array_index (s->needs, Need, f)) <
             g_array_index (s->needs, Need, f).missing &&
             sw_autofill_augment_chain (s, f, KICK_CHAIN_NODES))
        ;
    }
}

/* One kick: @chosen takes an empty seat of @root, the seats in the way
 * are refilled, and all of it is undone when fewer seats are filled. */
static void
kick (Solver *s,
      Kicks  *kicks,
      guint   root,
      guint   chosen)
{
  guint slot = g_array_index (s->needs, Need, root).slot;
  guint before = s->filled;

  g_array_set_size (kicks->journal, 0);
  s->journal = kicks->journal;

  kicks_free_way (s, kicks, chosen, slot);
  if (!load_fits (s, chosen, slot))
    {
      s->journal = NULL;
      sw_autofill_journal_undo (s, kicks->journal);
      return;
    }
  sw_autofill_asg_new (s, chosen, root);

  kicks_refill_freed (s, kicks);

  s->journal = NULL;
  if (s->filled < before)
    sw_autofill_journal_undo (s, kicks->journal);
}

/* Kicks: a person is put on an empty seat even though proposed seats are
 * in the way; those seats are then refilled by chains.  The result is kept
 * when no seat is lost (so the search also walks across plateaus) and
 * undone otherwise.  Randomised from a fixed seed, within a budget of
 * people looked at: the same plan always gives the same proposal. */
void
sw_autofill_phase_kicks (Solver *s)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (0x5e1f);
  g_autoptr(GArray) open = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) freed = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree gboolean *hopeless = g_new0 (gboolean, MAX (s->needs->len, 1));
  g_autoptr(GArray) journal = g_array_new (FALSE, FALSE, sizeof (JournalEntry));
  Kicks kicks = { rand, open, freed, hopeless, journal };
  guint64 budget_end = s->work + KICK_WORK;

  for (guint iteration = 0; iteration < KICK_ITERATIONS && s->work < budget_end; iteration++)
    {
      guint root, chosen;

      /* The open needs, looked up again now and then; one that filled
       * in between is skipped when drawn. */
      if ((iteration % 64 == 0 || open->len == 0) && !kicks_list_open (s, &kicks))
        break;

      root = kicks_draw_need (s, &kicks);
      if (root == NO_INDEX)
        continue;

      chosen = kicks_choose_person (s, &kicks, &g_array_index (s->needs, Need, root));
      if (chosen == NO_INDEX)
        {
          hopeless[root] = TRUE;
          continue;
        }

      kick (s, &kicks, root, chosen);
    }

  /* Compact: drop the assignments that kicks removed. */
  {
    g_autoptr(GArray) saved = sw_autofill_solver_save (s);

    sw_autofill_solver_restore (s, saved);
  }
}
