/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sw-person.h"

G_BEGIN_DECLS

/* How well a person fits a seat, best first. */
typedef enum
{
  SW_ASSIGN_FIT_GOOD,      /* no rule stands against it */
  SW_ASSIGN_FIT_SOFT,      /* only soft rules (too many duties) */
  SW_ASSIGN_FIT_HARD,      /* a hard rule: busy, unavailable, … */
  SW_ASSIGN_FIT_ON_SLOT,   /* already on this slot: cannot be added */
} SwAssignFit;

/* One row of the Assign picker, as the rulebook ranks it: "person",
 * "fit", "problems" (the SwProblems the assignment would bring, in the
 * rulebook's words), "reason" (their messages, one a line; "" for a
 * good fit), "kinds" (their kinds' nicks, comma-separated, each once).
 * Immutable. */
#define SW_TYPE_ASSIGN_CANDIDATE (sw_assign_candidate_get_type ())
G_DECLARE_FINAL_TYPE (SwAssignCandidate, sw_assign_candidate, SW, ASSIGN_CANDIDATE, GObject)

SwAssignCandidate *sw_assign_candidate_new            (SwPerson          *person,
                                                       SwAssignFit        fit,
                                                       GPtrArray         *problems,
                                                       const char        *reason);
GPtrArray         *sw_assign_candidate_get_problems   (SwAssignCandidate *self);
const char        *sw_assign_candidate_get_kinds      (SwAssignCandidate *self);
SwPerson          *sw_assign_candidate_get_person     (SwAssignCandidate *self);
SwAssignFit        sw_assign_candidate_get_fit        (SwAssignCandidate *self);
const char        *sw_assign_candidate_get_reason     (SwAssignCandidate *self);

G_END_DECLS
