/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sw-core.h"

G_BEGIN_DECLS

/* Asks for a new plan's title, dates, time zone and template, and creates
 * it as one undo step.  Signal "created" (SwPlan *plan). */
#define SW_TYPE_NEW_PLAN_DIALOG (sw_new_plan_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SwNewPlanDialog, sw_new_plan_dialog, SW, NEW_PLAN_DIALOG, AdwWindow)

SwNewPlanDialog *sw_new_plan_dialog_new (GtkWindow      *parent,
                                         SwOrganisation *organisation);

G_END_DECLS
