/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sw-sheet.h"
#include "sw-store.h"

G_BEGIN_DECLS

/* @kind of @plan, as both the window's Print… and `servweek-cli print`
 * lay it out: once the plan's calendars are published (in @store, may be
 * NULL), each duty slip carries its person's subscription address as a
 * QR code; the change slips carry everyone's change notice. */
SwSheet *sw_print_sheet_new (SwStore      *store,
                             SwPlan       *plan,
                             SwSheetKind   kind,
                             GError      **error);

G_END_DECLS
