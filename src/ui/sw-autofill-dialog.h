/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sw-core.h"

G_BEGIN_DECLS

/* The Auto-fill dialog: shows a proposal (who goes where, what stays empty
 * and why) and applies it as one undo step.  When the plan changes while
 * it is open, the proposal is made again.  Properties: "organisation",
 * "plan", "day", "slot" (construct-only: the scope, as for SwAutofill),
 * "autofill" (read-only, the proposal shown).  Signal "applied" (guint
 * n_filled) after the proposal has been applied. */
#define SW_TYPE_AUTOFILL_DIALOG (sw_autofill_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SwAutofillDialog, sw_autofill_dialog, SW, AUTOFILL_DIALOG, AdwWindow)

SwAutofillDialog *sw_autofill_dialog_new          (GtkWindow        *parent,
                                                   SwOrganisation   *organisation,
                                                   SwPlan           *plan,
                                                   int               day,
                                                   SwSlot           *slot);
SwAutofill       *sw_autofill_dialog_get_autofill (SwAutofillDialog *self);
/* The line under the dialog's title: "Fills 12 of 15 empty seats". */
const char       *sw_autofill_dialog_get_summary  (SwAutofillDialog *self);

G_END_DECLS
