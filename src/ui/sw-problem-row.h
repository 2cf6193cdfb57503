/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "sw-core.h"

G_BEGIN_DECLS

/* One problem as the problems popover and the slot pane list it: the
 * kind's icon, the message ("Accepted: …" with the note once accepted),
 * and for a person's problem on a writable organisation an "Accept…"
 * button (asks for an optional note, then adds the acceptance as one undo
 * step) or "Stop Accepting" (removes it).  Rows are reused: bind gives a
 * row another problem. */
#define SW_TYPE_PROBLEM_ROW (sw_problem_row_get_type ())
G_DECLARE_FINAL_TYPE (SwProblemRow, sw_problem_row, SW, PROBLEM_ROW, GtkWidget)

GtkWidget *sw_problem_row_new  (void);
void       sw_problem_row_bind (SwProblemRow   *self,
                                SwOrganisation *organisation,
                                SwPlan         *plan,
                                SwProblem      *problem);

G_END_DECLS
