/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sw-core.h"
#include "sw-store.h"

G_BEGIN_DECLS

/*
 * The Changes to Send dialog: each person whose duties changed since the
 * calendar they last received, with their notice (sw_change_notices ())
 * and Copy (for WeChat, DingTalk or a text message), Send by E-mail for
 * people with an address (the desktop's mail program, the person's
 * calendar file attached), Copy All and Print (the change slips).  Properties: "plan",
 * "store" (construct-only).  Signal "sent" once an e-mail is open for
 * someone: their file went out.
 */
#define SW_TYPE_CHANGES_DIALOG (sw_changes_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SwChangesDialog, sw_changes_dialog, SW, CHANGES_DIALOG, AdwWindow)

SwChangesDialog *sw_changes_dialog_new (GtkWindow *parent,
                                        SwPlan    *plan,
                                        SwStore   *store);

G_END_DECLS
