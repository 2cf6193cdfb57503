/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sw-core.h"
#include "sw-ics-error.h"

G_BEGIN_DECLS

/* The PRODID of every calendar object this program writes. */
#define SW_ICS_PRODID "-//servweek//Service Week Planner//EN"

typedef enum
{
  SW_ICS_SCOPE_PLAN,        /* one file with the whole plan */
  SW_ICS_SCOPE_PERSON,      /* one file per person with their slots */
  SW_ICS_SCOPE_DEPARTMENT,  /* one file per department */
} SwIcsScope;

/* One calendar file: its name (safe for any file system, unique within
 * one export, case-insensitively), the key under which SwCalendarState
 * remembers it, and its bytes — NULL when @unchanged: the file in the
 * exporter's folder already holds them (sw_ics_exporter_set_folder ()). */
typedef struct
{
  char     *file_name;
  char     *file_key;
  GBytes   *bytes;
  gboolean  unchanged;
} SwIcsFile;

void sw_ics_file_free (SwIcsFile *file);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SwIcsFile, sw_ics_file_free)

/* One item of a calendar on a CalDAV server (RFC 4791 §4.1): a whole
 * iCalendar object with the plan's zone and one event or to-do, whose
 * text is that of the item in the .ics files; @hash is the SHA-256 of
 * @bytes, in hex. */
typedef struct
{
  char   *uid;
  GBytes *bytes;
  char   *hash;
} SwIcsResource;

void sw_ics_resource_free (SwIcsResource *resource);

/* The calendar of a person, a department or the plan: @key as the files'
 * (SwIcsFile), @name to show (the file's X-WR-CALNAME), @owner (an
 * SwPerson, SwDepartment or SwPlan), @digest of what it is made from, and
 * its items — none when @unchanged: the digest is the one given as known. */
typedef struct
{
  char      *key;
  char      *name;
  GObject   *owner;
  char      *digest;
  gboolean   unchanged;
  GPtrArray *resources;
} SwIcsCalendar;

void sw_ics_calendar_free (SwIcsCalendar *calendar);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SwIcsCalendar, sw_ics_calendar_free)

/*
 * SwIcsExporter: turns a plan into iCalendar (RFC 5545) files with
 * libical.  Each slot is a VEVENT, each task a VTODO; times are in the
 * plan's IANA zone with one VTIMEZONE trimmed to the plan's dates.
 *
 * The exporter reads and updates @state (what each file said last time):
 * SEQUENCE and LAST-MODIFIED move exactly for the items whose content
 * changed, and items a file carried before but no longer holds are
 * repeated there as STATUS:CANCELLED.  The caller saves @state once the
 * files are written.  Exporting twice without a change gives identical
 * bytes.
 *
 * Properties: "organisation", "plan", "state" (construct-only),
 * "include-tasks" (gboolean), "reminder-minutes" (int, -1 for no alarm),
 * "include-phones" (gboolean, TRUE: the staff's phone numbers in the
 * descriptions; visit targets' and the hotline are always there),
 * "now" (gint64 seconds since the epoch used for new stamps; 0 reads the
 * clock at each export).
 */
#define SW_TYPE_ICS_EXPORTER (sw_ics_exporter_get_type ())
G_DECLARE_FINAL_TYPE (SwIcsExporter, sw_ics_exporter, SW, ICS_EXPORTER, GObject)

SwIcsExporter *sw_ics_exporter_new                  (SwOrganisation  *organisation,
                                                     SwPlan          *plan,
                                                     SwCalendarState *state);
void           sw_ics_exporter_set_include_tasks    (SwIcsExporter   *self,
                                                     gboolean         include_tasks);
void           sw_ics_exporter_set_reminder_minutes (SwIcsExporter   *self,
                                                     int              minutes);
void           sw_ics_exporter_set_now              (SwIcsExporter   *self,
                                                     gint64           now);
void           sw_ics_exporter_set_include_phones   (SwIcsExporter   *self,
                                                     gboolean         include_phones);

/* The folder the files of people or departments go to (NULL: unknown).
 * A file there that this export would write byte for byte the same (it
 * carries the digest of what it is made from) is not built again: its
 * SwIcsFile is marked unchanged, without bytes.  Re-exporting after one
 * edit costs about the files of the people it touched. */
void           sw_ics_exporter_set_folder           (SwIcsExporter   *self,
                                                     const char      *folder);
/* The files of @scope (an array of SwIcsFile, transfer full): for people
 * and departments, one for each that has slots (or tasks, when included)
 * in the plan or had them in an earlier export.  Fails with
 * SW_ICS_ERROR_UNKNOWN_ZONE when libical does not know the plan's zone. */
GPtrArray     *sw_ics_exporter_export               (SwIcsExporter   *self,
                                                     SwIcsScope       scope,
                                                     GError         **error);
/* The same in steps, for a window that stays responsive: begin, build
 * up to @n_files more files at a time (TRUE while some are left), then
 * take the files.  The model must not change in between (begin again
 * when it does). */
gboolean       sw_ics_exporter_begin                (SwIcsExporter   *self,
                                                     SwIcsScope       scope,
                                                     GError         **error);
gboolean       sw_ics_exporter_step                 (SwIcsExporter   *self,
                                                     guint            n_files);
void           sw_ics_exporter_get_progress         (SwIcsExporter   *self,
                                                     guint           *done,
                                                     guint           *total);
GPtrArray     *sw_ics_exporter_finish               (SwIcsExporter   *self);
/* The file of one person, even when it is empty. */
SwIcsFile     *sw_ics_exporter_export_person        (SwIcsExporter   *self,
                                                     SwPerson        *person,
                                                     GError         **error);

/* The calendars of @scope, for a CalDAV server (an array of
 * SwIcsCalendar, transfer full): the same owners as the files, each item
 * a resource of its own, and the items a calendar no longer holds simply
 * not there (the server's copy is deleted, where a file cancels them).
 * @known (may be NULL) maps a calendar's key to its digest when it was
 * last published: a calendar with that digest again comes back unchanged,
 * without being built. */
GPtrArray     *sw_ics_exporter_export_calendars     (SwIcsExporter   *self,
                                                     SwIcsScope       scope,
                                                     GHashTable      *known,
                                                     GError         **error);

/* Writes @file at @path atomically (sw_atomic_write_files ()), unless
 * it holds these bytes already; @written (may be NULL) says which. */
gboolean       sw_ics_file_write                    (SwIcsFile       *file,
                                                     const char      *path,
                                                     gboolean        *written,
                                                     GError         **error);
/* Creates @folder when missing and writes every SwIcsFile of @files into
 * it under its file name, atomically, leaving alone the files that hold
 * their bytes already; @n_written (may be NULL): how many were not. */
gboolean       sw_ics_files_write_to_folder         (GPtrArray       *files,
                                                     const char      *folder,
                                                     guint           *n_written,
                                                     GError         **error);

/* Escapes TEXT (RFC 5545 §3.3.11) and folds content lines: exposed for
 * the tests.  The line is folded at 75 octets between whole UTF-8
 * characters and ends with CRLF. */
char          *sw_ics_escape_text                   (const char      *text);
void           sw_ics_append_folded_line            (GString         *out,
                                                     const char      *line,
                                                     gsize            length);

G_END_DECLS
