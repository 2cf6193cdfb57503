/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sw-window.h"

G_BEGIN_DECLS

/* A window on a database that cannot be written: a banner saying so at
 * the top of the content, and every action that would change the plan
 * disabled (those that only read, such as printing, stay). */

/* TRUE for the window actions ("win.print", …) that only read the plan
 * and so stay enabled on a read-only database. */
gboolean sw_window_read_only_allows_action (const char *action_name);
/* Disables every action of the window's class that is not allowed. */
void     sw_window_read_only_disable_editing (SwWindow   *self);
/* Adds the banner naming @path (once). */
void     sw_window_read_only_show_banner     (SwWindow   *self,
                                              const char *path);

G_END_DECLS
