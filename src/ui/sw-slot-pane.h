/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "sw-core.h"

G_BEGIN_DECLS

/* The side panel of one slot: title, kind, start and end, location; the
 * slot's problems; its duties, each with its people (✕ removes,
 * "Assign…" opens an SwAssignPicker); attendees; organising departments,
 * description; visit targets; Delete Slot.  Every field commits through
 * the organisation's undo stack (one step per field), and the pane
 * follows the stack's "changed" signal.  Properties: "organisation",
 * "plan", "slot".  Signal "close-requested" when its close button is
 * clicked or the slot is deleted. */
#define SW_TYPE_SLOT_PANE (sw_slot_pane_get_type ())
G_DECLARE_FINAL_TYPE (SwSlotPane, sw_slot_pane, SW, SLOT_PANE, GtkWidget)

GtkWidget *sw_slot_pane_new         (void);
SwSlot    *sw_slot_pane_get_slot    (SwSlotPane     *self);
void       sw_slot_pane_set_slot    (SwSlotPane     *self,
                                     SwSlot         *slot);
void       sw_slot_pane_set_organisation (SwSlotPane     *self,
                                          SwOrganisation *organisation);
void       sw_slot_pane_set_plan    (SwSlotPane     *self,
                                     SwPlan         *plan);
/* Lists the problems of @problems (the plan's SwProblemList, shared with
 * the problems button) that concern the pane's slot, each with its
 * Accept… / Stop Accepting button. */
void       sw_slot_pane_set_problems (SwSlotPane    *self,
                                      GListModel    *problems);
/* Puts the keyboard focus into the title field. */
void       sw_slot_pane_focus_title (SwSlotPane     *self);
/* Updates every field and list from the model. */
void       sw_slot_pane_refresh     (SwSlotPane     *self);
/* Opens the Assign picker of @duty, one of the slot's duties, as its
 * "Assign…" button does; FALSE when the pane shows no such duty. */
gboolean   sw_slot_pane_popup_assign (SwSlotPane    *self,
                                      SwDuty        *duty);

G_END_DECLS
