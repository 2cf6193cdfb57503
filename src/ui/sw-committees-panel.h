/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "sw-core.h"

G_BEGIN_DECLS

/* The committees of a plan (领导小组, 宣传小组 …) with their members and
 * roles: add, rename and delete committees, add and remove members, change
 * roles, each through the undo stack. */
#define SW_TYPE_COMMITTEES_PANEL (sw_committees_panel_get_type ())
G_DECLARE_FINAL_TYPE (SwCommitteesPanel, sw_committees_panel, SW, COMMITTEES_PANEL, GtkWidget)

void sw_committees_panel_set_plan (SwCommitteesPanel *self,
                                   SwOrganisation    *organisation,
                                   SwPlan            *plan);

G_END_DECLS
