/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sw-core.h"

G_BEGIN_DECLS

/* A duty of a slot, in the slot pane: its name and how full it is, the
 * Assign… picker, and inside its name, head count, department, required
 * skills, Remove Duty and the people on it (SwAssigneeRow).  Each field
 * commits as one undo step; the row follows the duty's "notify", the
 * slot's assignments and the organisation's departments.  People dragged
 * from the roster sidebar onto it fill the duty. */
#define SW_TYPE_DUTY_ROW (sw_duty_row_get_type ())
G_DECLARE_FINAL_TYPE (SwDutyRow, sw_duty_row, SW, DUTY_ROW, AdwExpanderRow)

GtkWidget     *sw_duty_row_new               (SwOrganisation *organisation,
                                              SwPlan         *plan,
                                              SwSlot         *slot,
                                              SwDuty         *duty);
SwDuty        *sw_duty_row_get_duty          (SwDutyRow      *self);

G_END_DECLS
