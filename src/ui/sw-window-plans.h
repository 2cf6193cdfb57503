/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sw-window.h"

G_BEGIN_DECLS

/* The window's plan actions: win.new-plan, win.plan-properties,
 * win.delete-plan, win.print (target "roles", "week" or "slips") and
 * win.print-signin (target a slot's UID: its sign-in sheet). */
void sw_window_plans_class_init (GtkWidgetClass *window_class);

G_END_DECLS
