/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "sw-core.h"

G_BEGIN_DECLS

/* The Tasks view: the plan's tasks in a column view with a done toggle,
 * title, owner, due time (overdue ones in red), status and linked slot;
 * add, edit and delete through the undo stack. */
#define SW_TYPE_TASKS_VIEW (sw_tasks_view_get_type ())
G_DECLARE_FINAL_TYPE (SwTasksView, sw_tasks_view, SW, TASKS_VIEW, GtkWidget)

void sw_tasks_view_set_plan     (SwTasksView    *self,
                                 SwOrganisation *organisation,
                                 SwPlan         *plan);
/* Shows and selects @task (clearing a search that hides it). */
void sw_tasks_view_select_task  (SwTasksView    *self,
                                 SwTask         *task);
void sw_tasks_view_focus_search (SwTasksView    *self);

G_END_DECLS
