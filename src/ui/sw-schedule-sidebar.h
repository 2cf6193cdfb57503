/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "sw-core.h"

G_BEGIN_DECLS

/* The roster beside the week grid: people under their departments in a
 * tree, a search entry that narrows it, and rows that can be dragged onto
 * a card or a duty (the drag carries the SwPerson).  Reads the
 * organisation's lists directly; recycles its rows.
 * Property: "organisation". */
#define SW_TYPE_SCHEDULE_SIDEBAR (sw_schedule_sidebar_get_type ())
G_DECLARE_FINAL_TYPE (SwScheduleSidebar, sw_schedule_sidebar, SW, SCHEDULE_SIDEBAR, GtkWidget)

GtkWidget      *sw_schedule_sidebar_new              (void);
void            sw_schedule_sidebar_set_organisation (SwScheduleSidebar *self,
                                                      SwOrganisation    *organisation);
/* Narrows the tree to people matching @text (as typed in its entry). */
void            sw_schedule_sidebar_set_search       (SwScheduleSidebar *self,
                                                      const char        *text);
void            sw_schedule_sidebar_focus_search     (SwScheduleSidebar *self);

G_END_DECLS
