/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sw-core.h"

G_BEGIN_DECLS

/* Edits a plan's fields; Apply changes them as one undo step.  The
 * "Delete Plan" button activates the parent's "win.delete-plan". */
#define SW_TYPE_PLAN_PROPERTIES (sw_plan_properties_get_type ())
G_DECLARE_FINAL_TYPE (SwPlanProperties, sw_plan_properties, SW, PLAN_PROPERTIES, AdwWindow)

SwPlanProperties *sw_plan_properties_new (GtkWindow      *parent,
                                          SwOrganisation *organisation,
                                          SwPlan         *plan);

G_END_DECLS
