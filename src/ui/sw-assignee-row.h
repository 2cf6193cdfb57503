/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sw-core.h"

G_BEGIN_DECLS

/* A person on a slot, in the slot pane: on a duty (in its row) or as an
 * attendee.  Shows the name, the department and phone, and a ✕ that takes
 * the person off the slot as one undo step.  Follows the person's
 * "notify".  @duty is NULL for an attendee. */
#define SW_TYPE_ASSIGNEE_ROW (sw_assignee_row_get_type ())
G_DECLARE_FINAL_TYPE (SwAssigneeRow, sw_assignee_row, SW, ASSIGNEE_ROW, AdwActionRow)

GtkWidget *sw_assignee_row_new        (SwOrganisation *organisation,
                                       SwSlot         *slot,
                                       SwPerson       *person,
                                       SwDuty         *duty);
SwPerson  *sw_assignee_row_get_person (SwAssigneeRow  *self);

G_END_DECLS
