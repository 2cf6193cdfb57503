/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sw-organisation.h"
#include "sw-problem.h"

G_BEGIN_DECLS

/*
 * The problems engine.  Computes every problem of @plan: the plan-wide
 * ones (unfilled duty, overdue task: due before @now and not done, slot
 * outside the plan's dates) and the person problems of every assignment,
 * as the rulebook (sw-rulebook.h) finds them, each with the acceptance
 * that covers it (if any).
 * @now is the wall-clock time in the plan's zone (sw_time_now_in_zone()).
 * Returns a GListStore of SwProblem in a stable order: open ones first,
 * then accepted ones; each by kind, then by slot start, then by message.
 */
GListStore *sw_problems_compute (SwPlan *plan,
                                 gint64  now);

G_END_DECLS
