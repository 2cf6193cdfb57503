/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sw-core.h"

G_BEGIN_DECLS

/*
 * A large, plausible organisation for tests and benchmarks.  At scale 1:
 * 2,000 people in 60 departments, one 7-day plan (2026-09-20 … 26) with
 * 500 slots of every kind between 08:00 and 18:00, 1,500 duties,
 * 4,000 assignments (at most one per person and slot, some duties left
 * unfilled), 300 tasks and a few committees.  Scale N multiplies people,
 * departments, slots, duties, assignments and tasks by N.  The same seed
 * gives the same organisation, UIDs included.
 */

typedef struct
{
  guint departments;
  guint people;
  guint slots;
  guint duties;
  guint assignments;
  guint tasks;
  guint committees;
} SwGenerateCounts;

/* Fills @org (normally empty) through its undo stack as ONE group, so a
 * store attached to it writes everything in one transaction.  Returns the
 * new plan (transfer none), or NULL with @error set and @org unchanged. */
SwPlan         *sw_generate_fill         (SwOrganisation   *org,
                                          guint             scale,
                                          guint32           seed,
                                          SwGenerateCounts *out_counts,
                                          GError          **error);

/* A new organisation filled by sw_generate_fill(); its single plan is the
 * generated one. */
SwOrganisation *sw_generate_organisation (guint             scale,
                                          guint32           seed);

G_END_DECLS
