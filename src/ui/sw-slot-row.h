/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "sw-core.h"

G_BEGIN_DECLS

/* One slot in the schedule list: day, time, title, place, kind and how
 * many of its seats are filled.  Follows the slot's changes.
 * Property "slot" (SwSlot, may be NULL). */
#define SW_TYPE_SLOT_ROW (sw_slot_row_get_type ())
G_DECLARE_FINAL_TYPE (SwSlotRow, sw_slot_row, SW, SLOT_ROW, GtkWidget)

GtkWidget *sw_slot_row_new      (void);
SwSlot    *sw_slot_row_get_slot (SwSlotRow *self);
void       sw_slot_row_set_slot (SwSlotRow *self,
                                 SwSlot    *slot);

G_END_DECLS
