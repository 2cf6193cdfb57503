/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sw-core.h"

G_BEGIN_DECLS

/* A visit target of a slot, in the slot pane: its organisation, address,
 * contact and phone, each committed as one undo step, and Remove Target.
 * Follows the target's "notify". */
#define SW_TYPE_VISIT_TARGET_ROW (sw_visit_target_row_get_type ())
G_DECLARE_FINAL_TYPE (SwVisitTargetRow, sw_visit_target_row, SW, VISIT_TARGET_ROW, AdwExpanderRow)

GtkWidget *sw_visit_target_row_new (SwOrganisation *organisation,
                                    SwSlot         *slot,
                                    SwVisitTarget  *target);

G_END_DECLS
