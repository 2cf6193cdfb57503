/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <csv.h>
#include <glib/gi18n-lib.h>

#include "sw-roster-import-private.h"

void
sw_roster_record_free (SwRosterRecord *record)
{
  if (record == NULL)
    return;
  if (record->raw != NULL)
    g_ptr_array_unref (record->raw);
  if (record->cells != NULL)
    {
      for (guint i = 0; i < record->n_cells; i++)
        g_free (record->cells[i]);
      g_free (record->cells);
    }
  g_free (record);
}

typedef struct
{
  GPtrArray *records;   /* SwRosterRecord */
  GPtrArray *fields;    /* GString of the record being read */
  guint      line;      /* the physical line being fed */
  guint      record_line;
} ParseState;

static void
string_free (gpointer data)
{
  g_string_free (data, TRUE);
}

static void
parse_field (void   *data,
             size_t  length,
             void   *user_data)
{
  ParseState *state = user_data;

  if (state->fields == NULL)
    state->fields = g_ptr_array_new_with_free_func (string_free);

  g_ptr_array_add (state->fields, g_string_new_len (data != NULL ? data : "", length));
}

static void
parse_record (int   terminator,
              void *user_data)
{
  ParseState *state = user_data;
  SwRosterRecord *record = g_new0 (SwRosterRecord, 1);

  record->line = state->record_line;
  record->raw = g_steal_pointer (&state->fields);
  if (record->raw == NULL)
    record->raw = g_ptr_array_new ();
  g_ptr_array_add (state->records, record);

  /* A record ended by a lone CR may be followed by another on this line. */
  state->record_line = state->line;
}

/* Counts @separator outside double quotes in @line. */
static guint
count_separator (const char *line,
                 gsize       length,
                 char        separator)
{
  gboolean quoted = FALSE;
  guint n = 0;

  for (gsize i = 0; i < length; i++)
    {
      if (line[i] == '"')
        quoted = !quoted;
      else if (!quoted && line[i] == separator)
        n++;
    }

  return n;
}

/* The separator with the most occurrences in the header line (the first
 * line that is not blank); a tie is settled by the next four lines, then
 * in the order comma, semicolon, tab. */
char
sw_roster_detect_separator (const char *data,
                            gsize       length)
{
  static const char candidates[] = { ',', ';', '\t' };
  guint header_counts[G_N_ELEMENTS (candidates)] = { 0 };
  guint other_counts[G_N_ELEMENTS (candidates)] = { 0 };
  const char *p = data;
  const char *end = data + length;
  guint seen = 0;
  guint best = 0;

  while (p < end && seen < 5)
    {
      const char *nl = memchr (p, '\n', end - p);
      gsize line_length = (nl != NULL ? nl : end) - p;
      gboolean blank = TRUE;

      for (gsize i = 0; i < line_length && blank; i++)
        blank = g_ascii_isspace (p[i]);

      if (!blank)
        {
          for (guint c = 0; c < G_N_ELEMENTS (candidates); c++)
            {
              guint n = count_separator (p, line_length, candidates[c]);

              if (seen == 0)
                header_counts[c] = n;
              else
                other_counts[c] += n;
            }
          seen++;
        }

      p = nl != NULL ? nl + 1 : end;
    }

  for (guint c = 1; c < G_N_ELEMENTS (candidates); c++)
    if (header_counts[c] > header_counts[best] ||
        (header_counts[c] == header_counts[best] && other_counts[c] > other_counts[best]))
      best = c;

  return candidates[best];
}

static int
is_space (unsigned char c)
{
  return c == ' ';
}

/* Splits @data into records with libcsv, feeding it one physical line at a
 * time so that each record knows the line it starts on. */
GPtrArray *
sw_roster_parse_records (const char *data,
                         gsize       length,
                         char        separator,
                         guint       first_line)
{
  struct csv_parser parser;
  ParseState state = { 0 };
  const char *p = data;
  const char *end = data + length;
  gboolean unclosed;

  state.records = g_ptr_array_new_with_free_func ((GDestroyNotify) sw_roster_record_free);
  state.line = first_line - 1;

  csv_init (&parser, CSV_APPEND_NULL);
  csv_set_delim (&parser, (unsigned char) separator);
  csv_set_space_func (&parser, is_space);

  while (p < end)
    {
      const char *nl = memchr (p, '\n', end - p);
      const char *next = nl != NULL ? nl + 1 : end;

      state.line++;
      if (parser.pstate == CSV_PSTATE_ROW_NOT_BEGUN)
        state.record_line = state.line;

      if (csv_parse (&parser, p, next - p, parse_field, parse_record, &state) != (size_t) (next - p))
        g_error ("libcsv: %s", csv_strerror (csv_error (&parser)));

      p = next;
    }

  unclosed = parser.pstate == CSV_PSTATE_FIELD_BEGUN && parser.quoted;
  csv_fini (&parser, parse_field, parse_record, &state);
  csv_free (&parser);

  if (unclosed && state.records->len > 0)
    ((SwRosterRecord *) g_ptr_array_index (state.records, state.records->len - 1))->unclosed = TRUE;

  g_clear_pointer (&state.fields, g_ptr_array_unref);

  return state.records;
}

static gboolean
is_ascii (const GString *text)
{
  for (gsize i = 0; i < text->len; i++)
    if ((guchar) text->str[i] >= 0x80 || text->str[i] == '\0')
      return FALSE;
  return TRUE;
}

/* The cell as UTF-8, or NULL when its bytes are not valid in @encoding. */
static char *
decode_cell (const GString    *raw,
             SwRosterEncoding  encoding,
             GIConv            gb18030)
{
  gsize written = 0;
  char *text;

  if (is_ascii (raw))
    return g_strndup (raw->str, raw->len);

  if (memchr (raw->str, '\0', raw->len) != NULL)
    return NULL;

  if (encoding != ENCODING_GB18030)
    return g_utf8_validate_len (raw->str, raw->len, NULL) ? g_strndup (raw->str, raw->len) : NULL;

  text = g_convert_with_iconv (raw->str, raw->len, gb18030, NULL, &written, NULL);
  if (text != NULL && (memchr (text, '\0', written) != NULL || !g_utf8_validate_len (text, written, NULL)))
    g_clear_pointer (&text, g_free);

  return text;
}

/* How many records hold a cell that is not valid in @encoding. */
guint
sw_roster_count_invalid_records (GPtrArray        *records,
                                 SwRosterEncoding  encoding,
                                 GIConv            gb18030)
{
  guint n = 0;

  for (guint r = 0; r < records->len; r++)
    {
      SwRosterRecord *record = g_ptr_array_index (records, r);

      for (guint i = 0; i < record->raw->len; i++)
        {
          g_autofree char *text = decode_cell (g_ptr_array_index (record->raw, i), encoding, gb18030);

          if (text == NULL)
            {
              n++;
              break;
            }
        }
    }

  return n;
}

void
sw_roster_decode_records (GPtrArray        *records,
                          SwRosterEncoding  encoding,
                          GIConv            gb18030)
{
  for (guint r = 0; r < records->len; r++)
    {
      SwRosterRecord *record = g_ptr_array_index (records, r);

      record->n_cells = record->raw->len;
      record->cells = g_new0 (char *, record->n_cells + 1);
      for (guint i = 0; i < record->n_cells; i++)
        {
          record->cells[i] = decode_cell (g_ptr_array_index (record->raw, i), encoding, gb18030);
          if (record->cells[i] == NULL)
            record->bad_bytes = TRUE;
        }

      g_clear_pointer (&record->raw, g_ptr_array_unref);
    }
}

gboolean
sw_roster_record_is_blank (SwRosterRecord *record)
{
  for (guint i = 0; i < record->n_cells; i++)
    {
      const char *cell = record->cells[i];

      if (cell == NULL)
        return FALSE;
      for (; *cell != '\0'; cell++)
        if (!g_ascii_isspace (*cell))
          return FALSE;
    }

  return TRUE;
}

/* Takes the text out of @data: UTF-16 with a BOM becomes UTF-8 in
 * *@converted; a UTF-8 BOM is skipped; other bytes are UTF-8 when valid,
 * else GB18030 when they convert. */
static gboolean
sniff_encoding (const char       **data,
                gsize             *length,
                char             **converted,
                SwRosterEncoding  *encoding,
                GError           **error)
{
  const char *bytes = *data;
  gsize n = *length;

  if (n >= 2 && (memcmp (bytes, "\xFF\xFE", 2) == 0 || memcmp (bytes, "\xFE\xFF", 2) == 0))
    {
      const char *from = (guchar) bytes[0] == 0xFF ? "UTF-16LE" : "UTF-16BE";
      gsize written = 0;

      *converted = g_convert (bytes + 2, n - 2, "UTF-8", from, NULL, &written, NULL);
      if (*converted == NULL || memchr (*converted, '\0', written) != NULL)
        {
          g_set_error_literal (error, SW_ROSTER_ERROR, SW_ROSTER_ERROR_ENCODING,
                               _("The file is marked as UTF-16 but holds text that is not"));
          return FALSE;
        }
      *encoding = ENCODING_UTF16;
      *data = *converted;
      *length = written;
    }
  else if (n >= 3 && memcmp (bytes, "\xEF\xBB\xBF", 3) == 0)
    {
      *encoding = ENCODING_UTF8_BOM;
      *data += 3;
      *length -= 3;
    }
  else if (g_utf8_validate_len (bytes, n, NULL))
    *encoding = ENCODING_UTF8;
  else
    {
      g_autofree char *gb18030 = g_convert (bytes, n, "UTF-8", "GB18030", NULL, NULL, NULL);

      *encoding = gb18030 != NULL ? ENCODING_GB18030 : ENCODING_UTF8;
    }

  return TRUE;
}

/* Excel's separator hint, "sep=;", on a line of its own before the
 * header: the separator, with @data moved past the line; 0 without. */
static char
take_separator_hint (const char **data,
                     gsize       *length)
{
  const char *text = *data;
  gsize n = *length;
  const char *nl;

  if (n < 5 || g_ascii_strncasecmp (text, "sep=", 4) != 0 ||
      text[4] == '"' || text[4] == '\r' || text[4] == '\n' ||
      (n > 5 && text[5] != '\r' && text[5] != '\n'))
    return 0;

  nl = memchr (text, '\n', n);
  *length -= nl != NULL ? (gsize) (nl + 1 - text) : n;
  *data = nl != NULL ? nl + 1 : text + 5;

  return text[4];
}

GPtrArray *
sw_roster_csv_read (GBytes            *bytes,
                    SwRosterEncoding  *out_encoding,
                    char              *out_separator,
                    GError           **error)
{
  g_autofree char *converted = NULL;
  g_autoptr(GPtrArray) records = NULL;
  SwRosterEncoding encoding;
  const char *data;
  gsize length;
  guint first_line = 1;
  char separator;
  GIConv gb18030;

  data = g_bytes_get_data (bytes, &length);
  if (data == NULL)
    data = "";

  if (!sniff_encoding (&data, &length, &converted, &encoding, error))
    return NULL;

  separator = take_separator_hint (&data, &length);
  if (separator != 0)
    first_line = 2;
  else
    separator = sw_roster_detect_separator (data, length);

  records = sw_roster_parse_records (data, length, separator, first_line);

  gb18030 = g_iconv_open ("UTF-8", "GB18030");
  if (gb18030 == (GIConv) -1)
    g_error ("The C library cannot convert from GB18030");

  /* Bytes valid in no encoding as a whole: take the one under which fewer
   * records are bad, and report those. */
  if (encoding == ENCODING_UTF8 && !g_utf8_validate_len (data, length, NULL) &&
      sw_roster_count_invalid_records (records, ENCODING_GB18030, gb18030) <
      sw_roster_count_invalid_records (records, ENCODING_UTF8, gb18030))
    encoding = ENCODING_GB18030;

  sw_roster_decode_records (records, encoding, gb18030);
  g_iconv_close (gb18030);

  *out_encoding = encoding;
  *out_separator = separator;

  return g_steal_pointer (&records);
}
