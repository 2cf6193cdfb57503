/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "sw-core.h"
#include "sw-ics-exporter.h"
#include "sw-store.h"

G_BEGIN_DECLS

/*
 * One calendar export, from the window or the command line: the files
 * are built from the model (SwIcsExporter), written, and only then the
 * export is remembered in @store (may be NULL) for the SEQUENCE of the
 * next one.
 *
 * sw_export_job_run () does it all at once.  sw_export_job_run_async ()
 * keeps a window responsive: the files are built on the main loop a few
 * at a time (the model is read there, where it lives), begun again when
 * the plan changes meanwhile, then written in a thread
 * (sw_ics_files_write_to_folder ()), and remembered on the main loop.
 *
 * "progress" (double, 0 to 1) and "writing" (gboolean) follow the work.
 */
#define SW_TYPE_EXPORT_JOB (sw_export_job_get_type ())
G_DECLARE_FINAL_TYPE (SwExportJob, sw_export_job, SW, EXPORT_JOB, GObject)

SwExportJob *sw_export_job_new          (SwOrganisation       *organisation,
                                         SwPlan               *plan,
                                         SwStore              *store,
                                         SwIcsScope            scope,
                                         gboolean              include_tasks,
                                         int                   reminder_minutes);
double       sw_export_job_get_progress (SwExportJob          *self);
gboolean     sw_export_job_get_writing  (SwExportJob          *self);

/* Exports to @path (the file for the whole plan, else the folder, made
 * when missing); the files of the export (SwIcsFile), with @n_written
 * those not already there, or NULL with @error. */
GPtrArray   *sw_export_job_run          (SwExportJob          *self,
                                         const char           *path,
                                         guint                *n_written,
                                         GError              **error);
/* The whole plan's file written to @stream (standard output, say). */
gboolean     sw_export_job_run_to_stream (SwExportJob         *self,
                                          GOutputStream       *stream,
                                          GCancellable        *cancellable,
                                          GError             **error);

/* Only @person's own file (a job of SW_ICS_SCOPE_PERSON), written into
 * @folder (made when missing), to send to them: its path, or NULL with
 * @error.  Its SEQUENCE numbers are remembered; that @person received it
 * only once sw_export_job_mark_received () says so. */
char        *sw_export_job_run_for_person (SwExportJob        *self,
                                           SwPerson           *person,
                                           const char         *folder,
                                           GError            **error);
gboolean     sw_export_job_mark_received  (SwExportJob        *self,
                                           SwPerson           *person,
                                           GError            **error);

/* As sw_export_job_run (), on the main loop.  @cancellable stops it while
 * the files are built; once they are being written it finishes. */
void         sw_export_job_run_async    (SwExportJob          *self,
                                         const char           *path,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
/* @n_files: the files of the export; @n_written: those not already there. */
gboolean     sw_export_job_run_finish   (SwExportJob          *self,
                                         GAsyncResult         *result,
                                         guint                *n_files,
                                         guint                *n_written,
                                         GError              **error);

G_END_DECLS
