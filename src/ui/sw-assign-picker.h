/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "sw-core.h"

G_BEGIN_DECLS

/* The "Assign…" popover of a duty (or of a slot's attendees when "duty" is
 * NULL): a search entry over the people ranked by sw_assign_rank(), the
 * reason beside each poor fit; clicking a person assigns them with
 * sw_edit_assign() and closes the popover.  The ranking is computed when
 * the popover opens.  Properties: "organisation", "plan", "slot", "duty".
 * Signal "assigned" (SwPerson) after a successful assignment. */
#define SW_TYPE_ASSIGN_PICKER (sw_assign_picker_get_type ())
G_DECLARE_FINAL_TYPE (SwAssignPicker, sw_assign_picker, SW, ASSIGN_PICKER, GtkPopover)

GtkWidget *sw_assign_picker_new (SwOrganisation *organisation,
                                 SwPlan         *plan,
                                 SwSlot         *slot,
                                 SwDuty         *duty);
/* Ranks the people afresh (done on each opening). */
void       sw_assign_picker_reload (SwAssignPicker *self);

G_END_DECLS
