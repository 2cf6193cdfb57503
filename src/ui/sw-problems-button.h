/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "sw-core.h"

G_BEGIN_DECLS

/* The header bar's problems button: the number of problems of the plan and
 * a popover listing them.  Properties "organisation", "plan"; read-only
 * "problems" (the SwProblemList shown, NULL without a plan).  Signal
 * "problem-activated" (SwProblem *problem) when one is clicked. */
#define SW_TYPE_PROBLEMS_BUTTON (sw_problems_button_get_type ())
G_DECLARE_FINAL_TYPE (SwProblemsButton, sw_problems_button, SW, PROBLEMS_BUTTON, GtkWidget)

GtkWidget  *sw_problems_button_new          (void);
void        sw_problems_button_set_plan     (SwProblemsButton *self,
                                             SwOrganisation   *organisation,
                                             SwPlan           *plan);
GListModel *sw_problems_button_get_problems (SwProblemsButton *self);

G_END_DECLS
