/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib/gi18n-lib.h>

#include "sw-roster-import.h"

G_BEGIN_DECLS

/*
 * What the files of SwRosterImport share: the object, the records read
 * from the file, and the helpers each part calls in another.  Nothing
 * outside src/export includes this.
 */

/* libcsv's parser state "no record begun" (the first value of its state
 * enumeration, held in the public struct member pstate). */
#define CSV_PSTATE_ROW_NOT_BEGUN 0
#define CSV_PSTATE_FIELD_BEGUN   2

/* How many characters of a value a reason quotes. */
#define QUOTE_CHARS 40

typedef enum
{
  ENCODING_UTF8,
  ENCODING_UTF8_BOM,
  ENCODING_GB18030,
  ENCODING_UTF16,          /* with a BOM, as Excel's "Unicode Text" */
} SwRosterEncoding;

/* One record of the file, as bytes and then as text. */
typedef struct
{
  guint      line;
  GPtrArray *raw;          /* GString, the cells' bytes; freed after decoding */
  char     **cells;        /* UTF-8, NULL where the bytes are invalid */
  guint      n_cells;
  gboolean   bad_bytes;
  gboolean   unclosed;     /* a quoted field runs to the end of the file */
} SwRosterRecord;

struct _SwRosterImport
{
  GObject         parent_instance;

  SwOrganisation *organisation;

  SwRosterEncoding        encoding;
  char            separator;
  char          **headers;         /* NULL-terminated */
  guint           n_columns;
  SwRosterField  *column_fields;   /* n_columns */
  GPtrArray      *records;         /* SwRosterRecord, parallel to rows */
  GListStore     *rows;            /* SwRosterRow */
  GPtrArray      *new_departments; /* char *, NULL-terminated */
  guint           counts[SW_ROSTER_ROW_BAD + 1];
};

/* sw-roster-csv.c: records from the bytes of a CSV file */
void      sw_roster_record_free           (SwRosterRecord    *record);
char      sw_roster_detect_separator      (const char        *data,
                                           gsize              length);
GPtrArray *sw_roster_parse_records        (const char        *data,
                                           gsize              length,
                                           char               separator,
                                           guint              first_line);
guint     sw_roster_count_invalid_records (GPtrArray         *records,
                                           SwRosterEncoding   encoding,
                                           GIConv             gb18030);
void      sw_roster_decode_records        (GPtrArray         *records,
                                           SwRosterEncoding   encoding,
                                           GIConv             gb18030);
gboolean  sw_roster_record_is_blank       (SwRosterRecord    *record);
GPtrArray *sw_roster_csv_read             (GBytes            *bytes,
                                           SwRosterEncoding  *out_encoding,
                                           char              *out_separator,
                                           GError           **error);

/* sw-roster-check.c: cleaned values, and what each row would do */
char       *sw_roster_clean_line          (const char      *cell);
const char *sw_roster_import_column_title (SwRosterImport  *self,
                                           guint            column,
                                           char           **out_owned);
char       *sw_roster_person_skills       (SwPerson        *person);
const char *sw_roster_person_field        (SwPerson        *person,
                                           SwRosterField    field);
const char *sw_roster_field_property      (SwRosterField    field);
void       sw_roster_import_classify      (SwRosterImport  *self);

G_END_DECLS
