/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sw-core.h"

G_BEGIN_DECLS

/* How well a person fits a duty, best first. */
typedef enum
{
  SW_ASSIGN_FIT_GOOD,              /* free, of the required department */
  SW_ASSIGN_FIT_OTHER_DEPARTMENT,  /* free, but of another department */
  SW_ASSIGN_FIT_BUSY,              /* on an overlapping slot */
  SW_ASSIGN_FIT_UNAVAILABLE,       /* an unavailability period overlaps */
  SW_ASSIGN_FIT_ON_SLOT,           /* already on this slot: cannot be added */
} SwAssignFit;

/* One row of the Assign picker: "person", "fit", "reason" (translated,
 * "" for a good fit), "search-key" (name, department, title, for the
 * search entry).  Immutable. */
#define SW_TYPE_ASSIGN_CANDIDATE (sw_assign_candidate_get_type ())
G_DECLARE_FINAL_TYPE (SwAssignCandidate, sw_assign_candidate, SW, ASSIGN_CANDIDATE, GObject)

SwAssignCandidate *sw_assign_candidate_new            (SwPerson          *person,
                                                       SwAssignFit        fit,
                                                       const char        *reason);
SwPerson          *sw_assign_candidate_get_person     (SwAssignCandidate *self);
SwAssignFit        sw_assign_candidate_get_fit        (SwAssignCandidate *self);
const char        *sw_assign_candidate_get_reason     (SwAssignCandidate *self);
const char        *sw_assign_candidate_get_search_key (SwAssignCandidate *self);

G_END_DECLS
