/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sw-organisation.h"

G_BEGIN_DECLS

/*
 * SwProblemList: a GListModel of the problems of one plan that recomputes
 * itself whenever the organisation's undo stack reports a change.
 * Properties: "organisation", "plan" (construct-only), "n-items"
 * (read-only, notified when the count changes), "n-open" (read-only,
 * notified: the problems no acceptance covers, for a badge).  Accepted
 * problems come after the open ones.
 */
#define SW_TYPE_PROBLEM_LIST (sw_problem_list_get_type ())
G_DECLARE_FINAL_TYPE (SwProblemList, sw_problem_list, SW, PROBLEM_LIST, GObject)

SwProblemList *sw_problem_list_new     (SwOrganisation *org,
                                        SwPlan         *plan);
void           sw_problem_list_refresh (SwProblemList  *self);

G_END_DECLS
