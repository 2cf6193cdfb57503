/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sw-core.h"
#include "sw-roster-row.h"

G_BEGIN_DECLS

#define SW_ROSTER_ERROR (sw_roster_error_quark ())

typedef enum
{
  SW_ROSTER_ERROR_READ,            /* the file cannot be read */
  SW_ROSTER_ERROR_EMPTY,           /* no header, or no row below it */
  SW_ROSTER_ERROR_ENCODING,        /* the header is in no supported encoding */
  SW_ROSTER_ERROR_NO_NAME_COLUMN,  /* no column holds the names */
  SW_ROSTER_ERROR_NOTHING_USABLE,  /* every row is bad */
  SW_ROSTER_ERROR_WRITE,           /* the destination cannot be written */
} SwRosterError;

/* The longest cell a roster row may hold, in characters. */
#define SW_ROSTER_MAX_CELL_CHARS 1000

/*
 * SwRosterImport: reads a roster spreadsheet saved as CSV and works out
 * what importing it would change.
 *
 *  - encodings: UTF-8, UTF-8 with BOM, else GB18030 (what Excel and WPS
 *    write on Chinese Windows); a record with bytes valid in neither is a
 *    bad row; UTF-16 with a BOM (Excel's "Unicode Text") too;
 *  - separators: comma, semicolon or tab, detected from the header line,
 *    or named by Excel's "sep=;" line;
 *    quoted fields may hold separators, quotes and line breaks (RFC 4180);
 *  - columns recognised by header name in Chinese or English (姓名/Name,
 *    部门/科室/Department, 职务/Title, 电话/手机/Phone, 邮箱/Email/E-mail,
 *    备注/Notes, case-insensitive), in any order; other columns are not
 *    imported; the mapping can be changed by the caller;
 *  - rows are matched to existing people by name within the department;
 *    a non-empty cell updates the person's field, an empty one keeps it.
 *
 * Signal "changed": after load and after the column mapping changed.
 */
#define SW_TYPE_ROSTER_IMPORT (sw_roster_import_get_type ())
G_DECLARE_FINAL_TYPE (SwRosterImport, sw_roster_import, SW, ROSTER_IMPORT, GObject)

GQuark          sw_roster_error_quark              (void);

/* The field a header names ("姓名", " E-Mail " …), or IGNORE. */
SwRosterField   sw_roster_field_from_header        (const char     *header);

SwRosterImport *sw_roster_import_new               (SwOrganisation *organisation);

/* Parses @bytes and classifies every row against the organisation.
 * Fails (and keeps nothing) for an empty file, a header in no supported
 * encoding, or a file without rows below the header. */
gboolean        sw_roster_import_load              (SwRosterImport *self,
                                                    GBytes         *bytes,
                                                    GError        **error);

/* "UTF-8", "UTF-8 with BOM", "GB18030" or "UTF-16" (translated). */
const char     *sw_roster_import_get_encoding      (SwRosterImport *self);
/* ',', ';' or '\t' (or what a "sep=" line names). */
char            sw_roster_import_get_separator     (SwRosterImport *self);

guint           sw_roster_import_get_n_columns     (SwRosterImport *self);
const char     *sw_roster_import_get_header        (SwRosterImport *self,
                                                    guint           column);
SwRosterField   sw_roster_import_get_column_field  (SwRosterImport *self,
                                                    guint           column);
/* Maps @column to @field (a field other than IGNORE leaves any other
 * column that had it) and classifies the rows again. */
void            sw_roster_import_set_column_field  (SwRosterImport *self,
                                                    guint           column,
                                                    SwRosterField   field);
gboolean        sw_roster_import_has_name_column   (SwRosterImport *self);
/* The text of row @row (as in "rows"), column @column: "" when the row is
 * shorter or its bytes are in no supported encoding. */
const char     *sw_roster_import_get_cell          (SwRosterImport *self,
                                                    guint           row,
                                                    guint           column);
/* The headers of the columns that are not imported (transfer full). */
GStrv           sw_roster_import_dup_ignored_columns (SwRosterImport *self);

/* The rows below the header, blank rows left out (SwRosterRow). */
GListModel     *sw_roster_import_get_rows          (SwRosterImport *self);
guint           sw_roster_import_count             (SwRosterImport *self,
                                                    SwRosterRowStatus status);
/* Rows that are not bad. */
guint           sw_roster_import_get_n_usable      (SwRosterImport *self);
/* The departments importing creates, in order of first use (transfer
 * none, NULL-terminated). */
const char * const *sw_roster_import_get_new_departments (SwRosterImport *self);

/* The report: encoding, separator, counts, new departments, columns not
 * imported, and one "line N: reason" line per bad row (translated). */
char           *sw_roster_import_format_report     (SwRosterImport *self);

/* Applies the clean rows as one undo step (new departments, new people,
 * updated fields).  Classifies again first, so changes made to the
 * organisation since load are taken into account.  Fails with
 * SW_ROSTER_ERROR_NOTHING_USABLE when no row is usable; pushes nothing
 * when nothing would change.  *out_n_changed (may be NULL): the people
 * added or updated. */
gboolean        sw_roster_import_apply             (SwRosterImport *self,
                                                    guint          *out_n_changed,
                                                    GError        **error);

G_END_DECLS
