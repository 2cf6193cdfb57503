/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sw-enums.h"
#include "sw-slot.h"
#include "sw-task.h"

G_BEGIN_DECLS

/* A problem of a plan, computed and never stored.  Read-only properties:
 * "kind", "message" (translated, one line), "slot", "other-slot" (the
 * second slot of a double booking), "duty", "person", "task" (each may be
 * NULL). */
#define SW_TYPE_PROBLEM (sw_problem_get_type ())
G_DECLARE_FINAL_TYPE (SwProblem, sw_problem, SW, PROBLEM, GObject)

SwProblemKind sw_problem_get_kind       (SwProblem *self);
const char   *sw_problem_get_message    (SwProblem *self);
SwSlot       *sw_problem_get_slot       (SwProblem *self);
SwSlot       *sw_problem_get_other_slot (SwProblem *self);
SwDuty       *sw_problem_get_duty       (SwProblem *self);
SwPerson     *sw_problem_get_person     (SwProblem *self);
SwTask       *sw_problem_get_task       (SwProblem *self);

SwProblem    *sw_problem_new            (SwProblemKind  kind,
                                         const char    *message,
                                         SwSlot        *slot,
                                         SwSlot        *other_slot,
                                         SwDuty        *duty,
                                         SwPerson      *person,
                                         SwTask        *task);

G_END_DECLS
