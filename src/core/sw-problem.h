/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sw-acceptance.h"
#include "sw-enums.h"
#include "sw-slot.h"
#include "sw-task.h"

G_BEGIN_DECLS

/* A problem of a plan, computed and never stored.  Read-only properties:
 * "kind", "message" (translated, one line), "slot", "other-slot" (the
 * second slot of a double booking or a too short journey), "duty",
 * "person", "task" (each may be NULL), "situation" (the rulebook's
 * locale-free words for the circumstances: two problems are the same
 * when kind, person, slot and situation are), "hard" (auto-fill never
 * brings it about), "acceptance" (the SwAcceptance that covers it, or
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
                                         SwTask        *task,
                                         const char    *situation);
const char   *sw_problem_get_situation  (SwProblem     *self);
gboolean      sw_problem_get_hard       (SwProblem     *self);
SwAcceptance *sw_problem_get_acceptance (SwProblem     *self);
void          sw_problem_set_acceptance (SwProblem     *self,
                                         SwAcceptance  *acceptance);
/* What tells problems apart: kind, person, slot and situation, as one
 * string for a hash table (valid while the objects live). */
char         *sw_problem_make_key       (SwProblemKind  kind,
                                         SwPerson      *person,
                                         SwSlot        *slot,
                                         const char    *situation);
char         *sw_problem_dup_key        (SwProblem     *self);
/* Whether @acceptance names this problem in this situation. */
gboolean      sw_problem_matches        (SwProblem     *self,
                                         SwAcceptance  *acceptance);

G_END_DECLS
