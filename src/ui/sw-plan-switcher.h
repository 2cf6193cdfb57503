/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "sw-core.h"

G_BEGIN_DECLS

/* The header bar's plan switcher: the plan's title and dates on a menu
 * button whose popover lists the organisation's plans and offers
 * "New Plan…" (action win.new-plan).  Signal "plan-activated" (SwPlan *). */
#define SW_TYPE_PLAN_SWITCHER (sw_plan_switcher_get_type ())
G_DECLARE_FINAL_TYPE (SwPlanSwitcher, sw_plan_switcher, SW, PLAN_SWITCHER, GtkWidget)

GtkWidget *sw_plan_switcher_new              (void);
void       sw_plan_switcher_set_organisation (SwPlanSwitcher *self,
                                              SwOrganisation *organisation);
void       sw_plan_switcher_set_plan         (SwPlanSwitcher *self,
                                              SwPlan         *plan);

G_END_DECLS
