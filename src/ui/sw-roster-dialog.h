/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sw-core.h"
#include "sw-roster-import.h"

G_BEGIN_DECLS

/*
 * The Import Roster dialog: choose a CSV file, see every row with what
 * importing it does (new, updated, unchanged, bad and why), fix the
 * column mapping with a drop-down per column, read the report, and import
 * the clean rows as one undo step.
 *
 * Properties: "organisation" (construct-only), "import" (the
 * SwRosterImport of the file shown, or NULL before a file is chosen).
 * Signal "imported" (guint n_changed): after a successful import, just
 * before the dialog closes.
 */
#define SW_TYPE_ROSTER_DIALOG (sw_roster_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SwRosterDialog, sw_roster_dialog, SW, ROSTER_DIALOG, AdwWindow)

SwRosterDialog *sw_roster_dialog_new           (GtkWindow      *parent,
                                                SwOrganisation *organisation);
SwRosterImport *sw_roster_dialog_get_import    (SwRosterDialog *self);
/* Reads @file and shows its preview; a file that cannot be read or parsed
 * is reported in a toast and the previous preview stays.  Returns FALSE
 * then, with @error set. */
gboolean        sw_roster_dialog_load_bytes    (SwRosterDialog *self,
                                                const char     *display_name,
                                                GBytes         *bytes,
                                                GError        **error);
void            sw_roster_dialog_load_file     (SwRosterDialog *self,
                                                GFile          *file);
/* The drop-down of @column (for tests and accessibility). */
GtkDropDown    *sw_roster_dialog_get_column_drop_down (SwRosterDialog *self,
                                                       guint           column);
/* The text of the summary line above the preview. */
const char     *sw_roster_dialog_get_summary   (SwRosterDialog *self);

G_END_DECLS
