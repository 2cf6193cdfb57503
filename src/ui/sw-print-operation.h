/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "sw-sheet.h"
#include "sw-store.h"

G_BEGIN_DECLS

/*
 * The window's Print…: a GtkPrintOperation that lays out and draws an
 * SwSheet, so the system print dialog, its preview and the printed pages
 * are exactly what `servweek-cli print` writes as PDF.  Properties:
 * "store" (may be NULL), "plan", "kind" and "slot" (of a sign-in sheet;
 * construct-only); the sheet is sw_print_sheet_new ()'s, with the QR
 * codes of the published calendars.  The week grid asks for landscape
 * paper by default; every sheet asks for A4, which the dialog may change.
 */
#define SW_TYPE_PRINT_OPERATION (sw_print_operation_get_type ())
G_DECLARE_FINAL_TYPE (SwPrintOperation, sw_print_operation, SW, PRINT_OPERATION, GtkPrintOperation)

SwPrintOperation *sw_print_operation_new      (SwPlan           *plan,
                                               SwSheetKind       kind);
/* The sign-in sheet of @slot. */
SwPrintOperation *sw_print_operation_new_for_slot (SwPlan       *plan,
                                                   SwSlot       *slot);
SwPlan           *sw_print_operation_get_plan (SwPrintOperation *self);
SwSlot           *sw_print_operation_get_slot (SwPrintOperation *self);
SwSheetKind       sw_print_operation_get_kind (SwPrintOperation *self);
/* The sheet of the running operation (NULL before begin-print). */
SwSheet          *sw_print_operation_get_sheet (SwPrintOperation *self);

/* Shows the print dialog for @kind of @plan over @parent and prints (or
 * previews) asynchronously; a failure is shown in a message dialog. */
void              sw_print_operation_run      (GtkWindow        *parent,
                                               SwStore          *store,
                                               SwPlan           *plan,
                                               SwSheetKind       kind);
/* As sw_print_operation_run(), for the sheet of @slot (a sign-in sheet);
 * without a slot of @plan it shows why instead. */
void              sw_print_operation_run_for_slot (GtkWindow    *parent,
                                                   SwStore      *store,
                                                   SwPlan       *plan,
                                                   SwSheetKind   kind,
                                                   SwSlot       *slot);

G_END_DECLS
