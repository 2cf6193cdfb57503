/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sw-core.h"
#include "sw-ics-exporter.h"
#include "sw-store.h"

G_BEGIN_DECLS

/*
 * The Export Calendars dialog: the scope (whole plan, one file per person,
 * one per department), whether tasks are included, an optional reminder,
 * and the destination (a file or a folder, chosen with a native chooser).
 * Exporting remembers what the files said in @store, so that the next
 * export raises SEQUENCE only for what changed.
 *
 * Properties: "organisation", "plan", "store" (construct-only; store may
 * be NULL: nothing is remembered then).  Signal "exported" (guint n_files,
 * const char *path) after a successful export, just before the dialog
 * closes.
 */
#define SW_TYPE_EXPORT_DIALOG (sw_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SwExportDialog, sw_export_dialog, SW, EXPORT_DIALOG, AdwWindow)

SwExportDialog *sw_export_dialog_new                 (GtkWindow      *parent,
                                                      SwOrganisation *organisation,
                                                      SwPlan         *plan,
                                                      SwStore        *store);
/* Whether an export is under way (the database must not be reloaded). */
gboolean        sw_export_dialog_get_busy            (SwExportDialog *self);
SwIcsScope      sw_export_dialog_get_scope           (SwExportDialog *self);
void            sw_export_dialog_set_scope           (SwExportDialog *self,
                                                      SwIcsScope      scope);
void            sw_export_dialog_set_include_tasks   (SwExportDialog *self,
                                                      gboolean        include_tasks);
/* -1: no reminder. */
void            sw_export_dialog_set_reminder_minutes (SwExportDialog *self,
                                                       int             minutes);
int             sw_export_dialog_get_reminder_minutes (SwExportDialog *self);
/* Exports with the dialog's choices to @path (the file for the whole
 * plan, else the folder, made when missing) and remembers the export. */
gboolean        sw_export_dialog_export_to           (SwExportDialog *self,
                                                      const char     *path,
                                                      guint          *n_files,
                                                      GError        **error);

/* Exports to @path as the Export button does, without blocking: the
 * choices wait and a bar shows the progress while the window behind can
 * be used; "exported" is emitted and the dialog closes when it is done,
 * an error is shown in a message.  Closing the dialog while the files are
 * built cancels the export. */
void            sw_export_dialog_start               (SwExportDialog *self,
                                                      const char     *path);

G_END_DECLS
