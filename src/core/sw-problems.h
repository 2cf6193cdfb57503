/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sw-organisation.h"
#include "sw-problem.h"

G_BEGIN_DECLS

/*
 * The problems engine.  Computes every problem of @plan:
 *   unfilled duty, double booking (a person on two overlapping slots),
 *   assignment during unavailability, person from the wrong department,
 *   overdue task (due before @now and not done), slot outside the plan's
 *   dates.
 * @now is the wall-clock time in the plan's zone (sw_time_now_in_zone()).
 * Returns a GListStore of SwProblem in a stable order: by kind, then by
 * slot start, then by name.
 */
GListStore *sw_problems_compute (SwPlan *plan,
                                 gint64  now);

G_END_DECLS
