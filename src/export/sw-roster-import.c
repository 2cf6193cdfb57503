/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <csv.h>
#include <glib/gi18n-lib.h>

#include "sw-roster-import.h"

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
} Encoding;

/* One record of the file, as bytes and then as text. */
typedef struct
{
  guint      line;
  GPtrArray *raw;          /* GString, the cells' bytes; freed after decoding */
  char     **cells;        /* UTF-8, NULL where the bytes are invalid */
  guint      n_cells;
  gboolean   bad_bytes;
  gboolean   unclosed;     /* a quoted field runs to the end of the file */
} Record;

struct _SwRosterImport
{
  GObject         parent_instance;

  SwOrganisation *organisation;

  Encoding        encoding;
  char            separator;
  char          **headers;         /* NULL-terminated */
  guint           n_columns;
  SwRosterField  *column_fields;   /* n_columns */
  GPtrArray      *records;         /* Record, parallel to rows */
  GListStore     *rows;            /* SwRosterRow */
  GPtrArray      *new_departments; /* char *, NULL-terminated */
  guint           counts[SW_ROSTER_ROW_BAD + 1];
};

G_DEFINE_FINAL_TYPE (SwRosterImport, sw_roster_import, G_TYPE_OBJECT)

G_DEFINE_QUARK (sw-roster-error-quark, sw_roster_error)

enum {
  PROP_0,
  PROP_ORGANISATION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
record_free (Record *record)
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

/* ------------------------------------------------------------------------
 * Header names
 * ------------------------------------------------------------------------ */

static const struct {
  const char    *name;   /* normalised: case-folded, no spaces or - _ . : * */
  SwRosterField  field;
} header_names[] = {
  { "姓名", SW_ROSTER_FIELD_NAME },
  { "名字", SW_ROSTER_FIELD_NAME },
  { "人员姓名", SW_ROSTER_FIELD_NAME },
  { "name", SW_ROSTER_FIELD_NAME },
  { "fullname", SW_ROSTER_FIELD_NAME },
  { "部门", SW_ROSTER_FIELD_DEPARTMENT },
  { "科室", SW_ROSTER_FIELD_DEPARTMENT },
  { "所在部门", SW_ROSTER_FIELD_DEPARTMENT },
  { "部门名称", SW_ROSTER_FIELD_DEPARTMENT },
  { "department", SW_ROSTER_FIELD_DEPARTMENT },
  { "dept", SW_ROSTER_FIELD_DEPARTMENT },
  { "职务", SW_ROSTER_FIELD_TITLE },
  { "职位", SW_ROSTER_FIELD_TITLE },
  { "岗位", SW_ROSTER_FIELD_TITLE },
  { "title", SW_ROSTER_FIELD_TITLE },
  { "jobtitle", SW_ROSTER_FIELD_TITLE },
  { "position", SW_ROSTER_FIELD_TITLE },
  { "电话", SW_ROSTER_FIELD_PHONE },
  { "手机", SW_ROSTER_FIELD_PHONE },
  { "手机号", SW_ROSTER_FIELD_PHONE },
  { "手机号码", SW_ROSTER_FIELD_PHONE },
  { "联系电话", SW_ROSTER_FIELD_PHONE },
  { "电话号码", SW_ROSTER_FIELD_PHONE },
  { "phone", SW_ROSTER_FIELD_PHONE },
  { "phonenumber", SW_ROSTER_FIELD_PHONE },
  { "mobile", SW_ROSTER_FIELD_PHONE },
  { "tel", SW_ROSTER_FIELD_PHONE },
  { "telephone", SW_ROSTER_FIELD_PHONE },
  { "邮箱", SW_ROSTER_FIELD_EMAIL },
  { "电子邮箱", SW_ROSTER_FIELD_EMAIL },
  { "电子邮件", SW_ROSTER_FIELD_EMAIL },
  { "email", SW_ROSTER_FIELD_EMAIL },
  { "mail", SW_ROSTER_FIELD_EMAIL },
  { "备注", SW_ROSTER_FIELD_NOTES },
  { "说明", SW_ROSTER_FIELD_NOTES },
  { "notes", SW_ROSTER_FIELD_NOTES },
  { "note", SW_ROSTER_FIELD_NOTES },
  { "remarks", SW_ROSTER_FIELD_NOTES },
  { "comments", SW_ROSTER_FIELD_NOTES },
  { "技能/资质", SW_ROSTER_FIELD_SKILLS },
  { "技能／资质", SW_ROSTER_FIELD_SKILLS },
  { "技能资质", SW_ROSTER_FIELD_SKILLS },
  { "资质", SW_ROSTER_FIELD_SKILLS },
  { "技能", SW_ROSTER_FIELD_SKILLS },
  { "资格证书", SW_ROSTER_FIELD_SKILLS },
  { "skills", SW_ROSTER_FIELD_SKILLS },
  { "qualifications", SW_ROSTER_FIELD_SKILLS },
};

SwRosterField
sw_roster_field_from_header (const char *header)
{
  g_autofree char *folded = NULL;
  g_autoptr(GString) key = NULL;

  g_return_val_if_fail (header != NULL, SW_ROSTER_FIELD_IGNORE);

  if (!g_utf8_validate (header, -1, NULL))
    return SW_ROSTER_FIELD_IGNORE;

  folded = g_utf8_casefold (header, -1);
  key = g_string_new (NULL);
  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == '-' || c == '_' || c == '.' ||
          c == ':' || c == 0xFF1A /* ： */ || c == '*' || c == 0x3000)
        continue;
      g_string_append_unichar (key, c);
    }

  for (guint i = 0; i < G_N_ELEMENTS (header_names); i++)
    if (g_str_equal (key->str, header_names[i].name))
      return header_names[i].field;

  return SW_ROSTER_FIELD_IGNORE;
}

/* ------------------------------------------------------------------------
 * Parsing
 * ------------------------------------------------------------------------ */

typedef struct
{
  GPtrArray *records;   /* Record */
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
  Record *record = g_new0 (Record, 1);

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
static char
detect_separator (const char *data,
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
static GPtrArray *
parse_records (const char *data,
               gsize       length,
               char        separator,
               guint       first_line)
{
  struct csv_parser parser;
  ParseState state = { 0 };
  const char *p = data;
  const char *end = data + length;
  gboolean unclosed;

  state.records = g_ptr_array_new_with_free_func ((GDestroyNotify) record_free);
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
    ((Record *) g_ptr_array_index (state.records, state.records->len - 1))->unclosed = TRUE;

  g_clear_pointer (&state.fields, g_ptr_array_unref);

  return state.records;
}

/* ------------------------------------------------------------------------
 * Decoding
 * ------------------------------------------------------------------------ */

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
decode_cell (const GString *raw,
             Encoding       encoding,
             GIConv         gb18030)
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
static guint
count_invalid_records (GPtrArray *records,
                       Encoding   encoding,
                       GIConv     gb18030)
{
  guint n = 0;

  for (guint r = 0; r < records->len; r++)
    {
      Record *record = g_ptr_array_index (records, r);

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

static void
decode_records (GPtrArray *records,
                Encoding   encoding,
                GIConv     gb18030)
{
  for (guint r = 0; r < records->len; r++)
    {
      Record *record = g_ptr_array_index (records, r);

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

static gboolean
record_is_blank (Record *record)
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

/* ------------------------------------------------------------------------
 * Values and checks
 * ------------------------------------------------------------------------ */

/* A one-line value: each line break and tab becomes a space, ends trimmed. */
static char *
clean_line (const char *cell)
{
  GString *text = g_string_new (NULL);

  for (const char *p = cell != NULL ? cell : ""; *p != '\0'; p++)
    {
      if (*p == '\r' && p[1] == '\n')
        continue;
      g_string_append_c (text, *p == '\r' || *p == '\n' || *p == '\t' ? ' ' : *p);
    }

  return g_strstrip (g_string_free (text, FALSE));
}

/* Notes keep their line breaks, as LF, and the spaces of a quoted cell
 * (libcsv drops those around an unquoted one). */
static char *
clean_notes (const char *cell)
{
  GString *text = g_string_new (NULL);

  for (const char *p = cell != NULL ? cell : ""; *p != '\0'; p++)
    {
      if (*p == '\r')
        {
          g_string_append_c (text, '\n');
          if (p[1] == '\n')
            p++;
        }
      else
        g_string_append_c (text, *p);
    }

  return g_string_free (text, FALSE);
}

/* Several skills in one cell, separated by 、 ; , (full or half width):
 * the same list, joined with 、. */
static char *
clean_skills (const char *cell)
{
  g_autofree char *line = clean_line (cell);
  g_auto(GStrv) skills = sw_skills_parse (line);

  return sw_skills_join ((const char *const *) skills, "、");
}

/* At most QUOTE_CHARS characters of @text, with an ellipsis when cut. */
static char *
quote_value (const char *text)
{
  if (g_utf8_strlen (text, -1) <= QUOTE_CHARS)
    return g_strdup (text);

  g_autofree char *start = g_utf8_substring (text, 0, QUOTE_CHARS);

  return g_strconcat (start, "…", NULL);
}

static gboolean
phone_has_letters (const char *phone)
{
  for (const char *p = phone; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* 转 marks an extension: "0571-87654321转801". */
      if (g_unichar_isalpha (c) && c != 0x8F6C)
        return TRUE;
    }

  return FALSE;
}

static gboolean
email_is_valid (const char *email)
{
  const char *at = strchr (email, '@');
  const char *domain;

  if (at == NULL || at == email || strchr (at + 1, '@') != NULL)
    return FALSE;

  for (const char *p = email; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == ',' || c == ';' || c == '<' || c == '>' ||
          c == '(' || c == ')' || c == '"' || g_unichar_iscntrl (c))
        return FALSE;
    }

  domain = at + 1;
  if (*domain == '\0' || *domain == '.' || g_str_has_suffix (domain, ".") ||
      strchr (domain, '.') == NULL || strstr (domain, "..") != NULL)
    return FALSE;

  return TRUE;
}

static char *
person_key (SwDepartment *department,
            const char   *name)
{
  return g_strdup_printf ("%p\x1f%s", (gpointer) department, name);
}

static const char *
column_title (SwRosterImport *self,
              guint           column,
              char          **out_owned)
{
  if (column < self->n_columns && *self->headers[column] != '\0')
    return self->headers[column];

  *out_owned = g_strdup_printf (_("column %u"), column + 1);
  return *out_owned;
}

/* Why @record cannot be imported, or NULL. */
static char *
record_problem (SwRosterImport     *self,
                Record             *record,
                char              **values,
                GHashTable         *seen)
{
  g_autofree char *key = NULL;
  gpointer first_line;

  if (record->bad_bytes)
    return g_strdup (_("the row holds bytes that are neither UTF-8 nor GB18030"));

  if (record->unclosed)
    return g_strdup (_("a quoted cell is not closed before the end of the file"));

  for (guint i = 0; i < record->n_cells; i++)
    {
      glong n_chars = g_utf8_strlen (record->cells[i], -1);

      if (n_chars > SW_ROSTER_MAX_CELL_CHARS)
        {
          g_autofree char *owned = NULL;

          return g_strdup_printf (_("the “%s” cell is %ld characters long (at most %d)"),
                                  column_title (self, i, &owned), n_chars,
                                  SW_ROSTER_MAX_CELL_CHARS);
        }
    }

  if (*values[SW_ROSTER_FIELD_NAME] == '\0')
    return g_strdup (_("no name"));

  if (phone_has_letters (values[SW_ROSTER_FIELD_PHONE]))
    {
      g_autofree char *quoted = quote_value (values[SW_ROSTER_FIELD_PHONE]);

      return g_strdup_printf (_("the phone “%s” holds letters"), quoted);
    }

  if (*values[SW_ROSTER_FIELD_EMAIL] != '\0' && !email_is_valid (values[SW_ROSTER_FIELD_EMAIL]))
    {
      g_autofree char *quoted = quote_value (values[SW_ROSTER_FIELD_EMAIL]);

      return g_strdup_printf (_("“%s” is not an e-mail address"), quoted);
    }

  key = g_strconcat (values[SW_ROSTER_FIELD_DEPARTMENT], "\x1f", values[SW_ROSTER_FIELD_NAME], NULL);
  if (g_hash_table_lookup_extended (seen, key, NULL, &first_line))
    return g_strdup_printf (_("the same person as line %u"), GPOINTER_TO_UINT (first_line));

  g_hash_table_insert (seen, g_steal_pointer (&key), GUINT_TO_POINTER (record->line));

  return NULL;
}

/* A person's skills as a roster cell: "电工证、驾驶证". */
static char *
person_skills (SwPerson *person)
{
  return sw_skills_join (sw_person_get_skills (person), "、");
}

static const char *
person_field (SwPerson      *person,
              SwRosterField  field)
{
  switch (field)
    {
    case SW_ROSTER_FIELD_TITLE: return sw_person_get_title (person);
    case SW_ROSTER_FIELD_PHONE: return sw_person_get_phone (person);
    case SW_ROSTER_FIELD_EMAIL: return sw_person_get_email (person);
    case SW_ROSTER_FIELD_NOTES: return sw_person_get_notes (person);
    default: g_assert_not_reached ();
    }
}

static const char *
field_property (SwRosterField field)
{
  switch (field)
    {
    case SW_ROSTER_FIELD_TITLE: return "title";
    case SW_ROSTER_FIELD_PHONE: return "phone";
    case SW_ROSTER_FIELD_EMAIL: return "email";
    case SW_ROSTER_FIELD_NOTES: return "notes";
    default: g_assert_not_reached ();
    }
}

/* TRUE when importing @values changes @person: a non-empty cell that
 * differs from the person's field. */
static gboolean
row_changes_person (char     **values,
                    SwPerson  *person)
{
  for (SwRosterField f = SW_ROSTER_FIELD_TITLE; f <= SW_ROSTER_FIELD_NOTES; f++)
    if (*values[f] != '\0' && !g_str_equal (values[f], person_field (person, f)))
      return TRUE;
  if (*values[SW_ROSTER_FIELD_SKILLS] != '\0')
    {
      g_autofree char *held = person_skills (person);

      if (!g_str_equal (values[SW_ROSTER_FIELD_SKILLS], held))
        return TRUE;
    }

  return FALSE;
}

/* Works out every row's status against the organisation as it is now. */
static void
classify (SwRosterImport *self)
{
  g_autoptr(GHashTable) departments = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) people = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) new_departments = g_hash_table_new (g_str_hash, g_str_equal);
  GListModel *model;
  int columns[SW_ROSTER_N_FIELDS];
  guint n;

  for (guint f = 0; f < SW_ROSTER_N_FIELDS; f++)
    columns[f] = -1;
  for (guint c = 0; c < self->n_columns; c++)
    if (self->column_fields[c] != SW_ROSTER_FIELD_IGNORE && columns[self->column_fields[c]] < 0)
      columns[self->column_fields[c]] = c;

  model = sw_organisation_get_departments (self->organisation);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwDepartment) department = g_list_model_get_item (model, i);

      g_hash_table_insert (departments, (gpointer) sw_department_get_name (department), department);
    }

  model = sw_organisation_get_people (self->organisation);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwPerson) person = g_list_model_get_item (model, i);
      char *key = person_key (sw_person_get_department (person), sw_person_get_name (person));

      /* The first of two namesakes in one department is the one matched. */
      if (!g_hash_table_contains (people, key))
        g_hash_table_insert (people, key, person);
      else
        g_free (key);
    }

  g_ptr_array_set_size (self->new_departments, 0);
  memset (self->counts, 0, sizeof self->counts);

  for (guint r = 0; r < self->records->len; r++)
    {
      Record *record = g_ptr_array_index (self->records, r);
      g_autoptr(SwRosterRow) row = g_list_model_get_item (G_LIST_MODEL (self->rows), r);
      char *values[SW_ROSTER_N_FIELDS] = { NULL };
      g_autofree char *reason = NULL;
      SwRosterRowStatus status = SW_ROSTER_ROW_BAD;
      SwPerson *person = NULL;

      values[SW_ROSTER_FIELD_IGNORE] = g_strdup ("");
      for (SwRosterField f = SW_ROSTER_FIELD_NAME; f < SW_ROSTER_N_FIELDS; f++)
        {
          const char *cell = NULL;

          if (columns[f] >= 0 && (guint) columns[f] < record->n_cells)
            cell = record->cells[columns[f]];
          if (f == SW_ROSTER_FIELD_NOTES)
            values[f] = clean_notes (cell);
          else if (f == SW_ROSTER_FIELD_SKILLS)
            values[f] = clean_skills (cell);
          else
            values[f] = clean_line (cell);
        }

      reason = record_problem (self, record, values, seen);
      if (reason == NULL)
        {
          const char *department_name = values[SW_ROSTER_FIELD_DEPARTMENT];
          SwDepartment *department = NULL;
          gboolean department_exists = TRUE;

          if (*department_name != '\0')
            {
              department = g_hash_table_lookup (departments, department_name);
              department_exists = department != NULL;
            }

          if (department_exists)
            {
              g_autofree char *key = person_key (department, values[SW_ROSTER_FIELD_NAME]);

              person = g_hash_table_lookup (people, key);
            }
          else if (!g_hash_table_contains (new_departments, department_name))
            {
              char *copy = g_strdup (department_name);

              g_ptr_array_add (self->new_departments, copy);
              g_hash_table_add (new_departments, copy);
            }

          if (person == NULL)
            status = SW_ROSTER_ROW_NEW;
          else if (row_changes_person (values, person))
            status = SW_ROSTER_ROW_UPDATED;
          else
            status = SW_ROSTER_ROW_UNCHANGED;
        }

      self->counts[status]++;
      sw_roster_row_update (row, status, reason, (const char * const *) values, person);

      for (guint f = 0; f < SW_ROSTER_N_FIELDS; f++)
        g_free (values[f]);
    }

  g_ptr_array_add (self->new_departments, NULL);
  g_ptr_array_set_size (self->new_departments, self->new_departments->len - 1);
}

/* ------------------------------------------------------------------------
 * GObject
 * ------------------------------------------------------------------------ */

static void
sw_roster_import_finalize (GObject *object)
{
  SwRosterImport *self = SW_ROSTER_IMPORT (object);

  g_clear_object (&self->organisation);
  g_clear_pointer (&self->headers, g_strfreev);
  g_clear_pointer (&self->column_fields, g_free);
  g_clear_pointer (&self->records, g_ptr_array_unref);
  g_clear_object (&self->rows);
  g_clear_pointer (&self->new_departments, g_ptr_array_unref);

  G_OBJECT_CLASS (sw_roster_import_parent_class)->finalize (object);
}

static void
sw_roster_import_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SwRosterImport *self = SW_ROSTER_IMPORT (object);

  switch (prop_id)
    {
    case PROP_ORGANISATION:
      g_value_set_object (value, self->organisation);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sw_roster_import_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  SwRosterImport *self = SW_ROSTER_IMPORT (object);

  switch (prop_id)
    {
    case PROP_ORGANISATION:
      self->organisation = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sw_roster_import_class_init (SwRosterImportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sw_roster_import_finalize;
  object_class->get_property = sw_roster_import_get_property;
  object_class->set_property = sw_roster_import_set_property;

  properties[PROP_ORGANISATION] =
    g_param_spec_object ("organisation", NULL, NULL,
                         SW_TYPE_ORGANISATION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] = g_signal_new ("changed",
                                   G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);
}

static void
sw_roster_import_init (SwRosterImport *self)
{
  self->separator = ',';
  self->headers = g_new0 (char *, 1);
  self->records = g_ptr_array_new_with_free_func ((GDestroyNotify) record_free);
  self->rows = g_list_store_new (SW_TYPE_ROSTER_ROW);
  self->new_departments = g_ptr_array_new_null_terminated (0, g_free, TRUE);
}

SwRosterImport *
sw_roster_import_new (SwOrganisation *organisation)
{
  g_return_val_if_fail (SW_IS_ORGANISATION (organisation), NULL);

  return g_object_new (SW_TYPE_ROSTER_IMPORT, "organisation", organisation, NULL);
}

SwOrganisation *
sw_roster_import_get_organisation (SwRosterImport *self)
{
  g_return_val_if_fail (SW_IS_ROSTER_IMPORT (self), NULL);

  return self->organisation;
}

/* ------------------------------------------------------------------------
 * Loading
 * ------------------------------------------------------------------------ */

gboolean
sw_roster_import_load (SwRosterImport  *self,
                       GBytes          *bytes,
                       GError         **error)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) kept = NULL;
  g_auto(GStrv) headers = NULL;
  g_autofree SwRosterField *fields = NULL;
  const char *data;
  gsize length;
  Encoding encoding;
  GIConv gb18030;
  Record *header = NULL;
  g_autofree char *utf16_text = NULL;
  guint first_row = 0;
  guint first_line = 1;
  char separator;

  g_return_val_if_fail (SW_IS_ROSTER_IMPORT (self), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  data = g_bytes_get_data (bytes, &length);
  if (data == NULL)
    data = "";

  if (length >= 2 && (memcmp (data, "\xFF\xFE", 2) == 0 || memcmp (data, "\xFE\xFF", 2) == 0))
    {
      const char *from = (guchar) data[0] == 0xFF ? "UTF-16LE" : "UTF-16BE";
      gsize written = 0;

      utf16_text = g_convert (data + 2, length - 2, "UTF-8", from, NULL, &written, NULL);
      if (utf16_text == NULL || memchr (utf16_text, '\0', written) != NULL)
        {
          g_set_error_literal (error, SW_ROSTER_ERROR, SW_ROSTER_ERROR_ENCODING,
                               _("The file is marked as UTF-16 but holds text that is not"));
          return FALSE;
        }
      encoding = ENCODING_UTF16;
      data = utf16_text;
      length = written;
    }
  else if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      encoding = ENCODING_UTF8_BOM;
      data += 3;
      length -= 3;
    }
  else if (g_utf8_validate_len (data, length, NULL))
    encoding = ENCODING_UTF8;
  else
    {
      g_autofree char *converted = g_convert (data, length, "UTF-8", "GB18030", NULL, NULL, NULL);

      encoding = converted != NULL ? ENCODING_GB18030 : ENCODING_UTF8;
    }

  /* Excel's separator hint, "sep=;", on a line of its own before the
   * header. */
  if (length >= 5 && g_ascii_strncasecmp (data, "sep=", 4) == 0 &&
      data[4] != '"' && data[4] != '\r' && data[4] != '\n' &&
      (length == 5 || data[5] == '\r' || data[5] == '\n'))
    {
      const char *nl = memchr (data, '\n', length);

      separator = data[4];
      first_line = 2;
      length -= nl != NULL ? (gsize) (nl + 1 - data) : length;
      data = nl != NULL ? nl + 1 : data + 5;
    }
  else
    separator = detect_separator (data, length);

  records = parse_records (data, length, separator, first_line);

  gb18030 = g_iconv_open ("UTF-8", "GB18030");
  if (gb18030 == (GIConv) -1)
    g_error ("The C library cannot convert from GB18030");

  /* Bytes valid in no encoding as a whole: take the one under which fewer
   * records are bad, and report those. */
  if (encoding == ENCODING_UTF8 && !g_utf8_validate_len (data, length, NULL) &&
      count_invalid_records (records, ENCODING_GB18030, gb18030) <
      count_invalid_records (records, ENCODING_UTF8, gb18030))
    encoding = ENCODING_GB18030;

  decode_records (records, encoding, gb18030);
  g_iconv_close (gb18030);

  for (; first_row < records->len; first_row++)
    {
      Record *record = g_ptr_array_index (records, first_row);

      if (!record_is_blank (record))
        {
          header = record;
          first_row++;
          break;
        }
    }

  if (header == NULL)
    {
      g_set_error_literal (error, SW_ROSTER_ERROR, SW_ROSTER_ERROR_EMPTY,
                           _("The file is empty: it has no header line"));
      return FALSE;
    }

  if (header->bad_bytes)
    {
      g_set_error (error, SW_ROSTER_ERROR, SW_ROSTER_ERROR_ENCODING,
                   _("Line %u: the header holds bytes that are neither UTF-8 nor GB18030"),
                   header->line);
      return FALSE;
    }

  headers = g_new0 (char *, header->n_cells + 1);
  fields = g_new0 (SwRosterField, header->n_cells);
  for (guint c = 0; c < header->n_cells; c++)
    {
      SwRosterField field;

      headers[c] = clean_line (header->cells[c]);
      field = sw_roster_field_from_header (headers[c]);

      /* The first column of a field wins; a second one is not imported. */
      for (guint d = 0; d < c && field != SW_ROSTER_FIELD_IGNORE; d++)
        if (fields[d] == field)
          field = SW_ROSTER_FIELD_IGNORE;
      fields[c] = field;
    }

  rows = g_ptr_array_new_with_free_func (g_object_unref);
  kept = g_ptr_array_new_with_free_func ((GDestroyNotify) record_free);
  for (guint r = first_row; r < records->len; r++)
    {
      Record *record = g_ptr_array_index (records, r);

      if (record_is_blank (record))
        continue;

      g_ptr_array_add (rows, sw_roster_row_new (record->line));
      g_ptr_array_add (kept, record);
      records->pdata[r] = NULL;
    }

  if (kept->len == 0)
    {
      g_set_error_literal (error, SW_ROSTER_ERROR, SW_ROSTER_ERROR_EMPTY,
                           _("The file has no rows below the header"));
      return FALSE;
    }

  g_clear_pointer (&self->records, g_ptr_array_unref);
  self->records = g_steal_pointer (&kept);

  self->encoding = encoding;
  self->separator = separator;
  g_strfreev (self->headers);
  self->headers = g_steal_pointer (&headers);
  self->n_columns = g_strv_length (self->headers);
  g_free (self->column_fields);
  self->column_fields = g_steal_pointer (&fields);

  g_list_store_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)),
                       rows->pdata, rows->len);

  classify (self);
  g_signal_emit (self, signals[CHANGED], 0);

  return TRUE;
}

/* ------------------------------------------------------------------------
 * Accessors
 * ------------------------------------------------------------------------ */

const char *
sw_roster_import_get_encoding (SwRosterImport *self)
{
  g_return_val_if_fail (SW_IS_ROSTER_IMPORT (self), "");

  switch (self->encoding)
    {
    case ENCODING_UTF8:     return _("UTF-8");
    case ENCODING_UTF8_BOM: return _("UTF-8 with BOM");
    case ENCODING_GB18030:  return _("GB18030");
    case ENCODING_UTF16:    return _("UTF-16");
    default:                g_assert_not_reached ();
    }
}

char
sw_roster_import_get_separator (SwRosterImport *self)
{
  g_return_val_if_fail (SW_IS_ROSTER_IMPORT (self), ',');

  return self->separator;
}

guint
sw_roster_import_get_n_columns (SwRosterImport *self)
{
  g_return_val_if_fail (SW_IS_ROSTER_IMPORT (self), 0);

  return self->n_columns;
}

const char *
sw_roster_import_get_header (SwRosterImport *self,
                             guint           column)
{
  g_return_val_if_fail (SW_IS_ROSTER_IMPORT (self), "");
  g_return_val_if_fail (column < self->n_columns, "");

  return self->headers[column];
}

SwRosterField
sw_roster_import_get_column_field (SwRosterImport *self,
                                   guint           column)
{
  g_return_val_if_fail (SW_IS_ROSTER_IMPORT (self), SW_ROSTER_FIELD_IGNORE);
  g_return_val_if_fail (column < self->n_columns, SW_ROSTER_FIELD_IGNORE);

  return self->column_fields[column];
}

void
sw_roster_import_set_column_field (SwRosterImport *self,
                                   guint           column,
                                   SwRosterField   field)
{
  g_return_if_fail (SW_IS_ROSTER_IMPORT (self));
  g_return_if_fail (column < self->n_columns);
  g_return_if_fail (field < SW_ROSTER_N_FIELDS);

  if (self->column_fields[column] == field)
    return;

  if (field != SW_ROSTER_FIELD_IGNORE)
    for (guint c = 0; c < self->n_columns; c++)
      if (self->column_fields[c] == field)
        self->column_fields[c] = SW_ROSTER_FIELD_IGNORE;

  self->column_fields[column] = field;

  classify (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

gboolean
sw_roster_import_has_name_column (SwRosterImport *self)
{
  g_return_val_if_fail (SW_IS_ROSTER_IMPORT (self), FALSE);

  for (guint c = 0; c < self->n_columns; c++)
    if (self->column_fields[c] == SW_ROSTER_FIELD_NAME)
      return TRUE;

  return FALSE;
}

const char *
sw_roster_import_get_cell (SwRosterImport *self,
                           guint           row,
                           guint           column)
{
  Record *record;

  g_return_val_if_fail (SW_IS_ROSTER_IMPORT (self), "");
  g_return_val_if_fail (row < self->records->len, "");

  record = g_ptr_array_index (self->records, row);
  if (column >= record->n_cells || record->cells[column] == NULL)
    return "";

  return record->cells[column];
}

GStrv
sw_roster_import_dup_ignored_columns (SwRosterImport *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (SW_IS_ROSTER_IMPORT (self), NULL);

  for (guint c = 0; c < self->n_columns; c++)
    if (self->column_fields[c] == SW_ROSTER_FIELD_IGNORE)
      {
        g_autofree char *owned = NULL;

        g_strv_builder_add (builder, column_title (self, c, &owned));
      }

  return g_strv_builder_end (builder);
}

GListModel *
sw_roster_import_get_rows (SwRosterImport *self)
{
  g_return_val_if_fail (SW_IS_ROSTER_IMPORT (self), NULL);

  return G_LIST_MODEL (self->rows);
}

guint
sw_roster_import_count (SwRosterImport    *self,
                        SwRosterRowStatus  status)
{
  g_return_val_if_fail (SW_IS_ROSTER_IMPORT (self), 0);
  g_return_val_if_fail (status <= SW_ROSTER_ROW_BAD, 0);

  return self->counts[status];
}

guint
sw_roster_import_get_n_usable (SwRosterImport *self)
{
  g_return_val_if_fail (SW_IS_ROSTER_IMPORT (self), 0);

  return self->counts[SW_ROSTER_ROW_NEW] + self->counts[SW_ROSTER_ROW_UPDATED] +
         self->counts[SW_ROSTER_ROW_UNCHANGED];
}

const char * const *
sw_roster_import_get_new_departments (SwRosterImport *self)
{
  g_return_val_if_fail (SW_IS_ROSTER_IMPORT (self), NULL);

  return (const char * const *) self->new_departments->pdata;
}

static const char *
separator_name (char separator)
{
  switch (separator)
    {
    case ',':  return _("commas");
    case ';':  return _("semicolons");
    case '\t': return _("tabs");
    default:   return _("another character");
    }
}

char *
sw_roster_import_format_report (SwRosterImport *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_auto(GStrv) ignored = NULL;
  g_autofree char *departments = NULL;
  GListModel *rows;
  guint n_rows;

  g_return_val_if_fail (SW_IS_ROSTER_IMPORT (self), NULL);

  rows = G_LIST_MODEL (self->rows);
  n_rows = g_list_model_get_n_items (rows);

  g_string_append_printf (text, _("Encoding: %s; separator: %s; rows: %u"),
                          sw_roster_import_get_encoding (self),
                          separator_name (self->separator), n_rows);
  g_string_append_c (text, '\n');
  g_string_append_printf (text, _("New people: %u"), self->counts[SW_ROSTER_ROW_NEW]);
  g_string_append_c (text, '\n');
  g_string_append_printf (text, _("Updated people: %u"), self->counts[SW_ROSTER_ROW_UPDATED]);
  g_string_append_c (text, '\n');
  g_string_append_printf (text, _("Unchanged people: %u"), self->counts[SW_ROSTER_ROW_UNCHANGED]);
  g_string_append_c (text, '\n');

  departments = g_strjoinv (", ", (char **) self->new_departments->pdata);
  if (self->new_departments->len > 0)
    g_string_append_printf (text, _("New departments: %u (%s)"), self->new_departments->len, departments);
  else
    g_string_append_printf (text, _("New departments: %u"), 0u);
  g_string_append_c (text, '\n');

  ignored = sw_roster_import_dup_ignored_columns (self);
  if (ignored[0] != NULL)
    {
      g_autofree char *names = g_strjoinv (", ", ignored);

      g_string_append_printf (text, _("Columns not imported: %s"), names);
      g_string_append_c (text, '\n');
    }

  g_string_append_printf (text, _("Bad rows: %u"), self->counts[SW_ROSTER_ROW_BAD]);
  g_string_append_c (text, '\n');

  for (guint i = 0; i < n_rows; i++)
    {
      g_autoptr(SwRosterRow) row = g_list_model_get_item (rows, i);

      if (sw_roster_row_get_status (row) != SW_ROSTER_ROW_BAD)
        continue;

      g_string_append_printf (text, _("line %u: %s"),
                              sw_roster_row_get_line (row),
                              sw_roster_row_get_reason (row));
      g_string_append_c (text, '\n');
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* ------------------------------------------------------------------------
 * Applying
 * ------------------------------------------------------------------------ */

static void
add_property_command (SwCommandGroup *group,
                      SwPerson       *person,
                      SwRosterField   field,
                      const char     *value)
{
  g_auto(GValue) gvalue = G_VALUE_INIT;

  g_value_init (&gvalue, G_TYPE_STRING);
  g_value_set_string (&gvalue, value);
  sw_command_group_add (group, sw_property_command_new (G_OBJECT (person),
                                                        field_property (field),
                                                        &gvalue));
}

gboolean
sw_roster_import_apply (SwRosterImport  *self,
                        guint           *out_n_changed,
                        GError         **error)
{
  g_autoptr(SwCommand) group = NULL;
  g_autoptr(GHashTable) created = NULL;
  GListModel *departments;
  GListModel *rows;
  int next_position = 0;
  guint n_changed;
  guint n;

  g_return_val_if_fail (SW_IS_ROSTER_IMPORT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (out_n_changed != NULL)
    *out_n_changed = 0;

  classify (self);
  g_signal_emit (self, signals[CHANGED], 0);

  if (sw_roster_import_get_n_usable (self) == 0)
    {
      g_set_error_literal (error, SW_ROSTER_ERROR, SW_ROSTER_ERROR_NOTHING_USABLE,
                           _("No row of the roster can be imported"));
      return FALSE;
    }

  n_changed = self->counts[SW_ROSTER_ROW_NEW] + self->counts[SW_ROSTER_ROW_UPDATED];
  if (n_changed == 0)
    return TRUE;

  group = sw_command_group_new (_("Import roster"));
  created = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);

  departments = sw_organisation_get_departments (self->organisation);
  n = g_list_model_get_n_items (departments);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwDepartment) department = g_list_model_get_item (departments, i);

      next_position = MAX (next_position, sw_department_get_position (department) + 1);
    }

  for (guint i = 0; i < self->new_departments->len; i++)
    {
      SwDepartment *department = sw_department_new (g_ptr_array_index (self->new_departments, i));

      sw_department_set_position (department, next_position++);
      g_hash_table_insert (created, (gpointer) sw_department_get_name (department), department);
      sw_command_group_add (SW_COMMAND_GROUP (group),
                            sw_list_command_new_insert (G_OBJECT (self->organisation),
                                                        "departments", department, G_MAXUINT));
    }

  rows = G_LIST_MODEL (self->rows);
  n = g_list_model_get_n_items (rows);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwRosterRow) row = g_list_model_get_item (rows, i);
      SwRosterRowStatus status = sw_roster_row_get_status (row);

      if (status == SW_ROSTER_ROW_NEW)
        {
          const char *department_name = sw_roster_row_get_value (row, SW_ROSTER_FIELD_DEPARTMENT);
          g_autoptr(SwPerson) person = NULL;
          SwDepartment *department = NULL;

          if (*department_name != '\0')
            {
              department = sw_organisation_find_department (self->organisation, department_name);
              if (department == NULL)
                department = g_hash_table_lookup (created, department_name);
              g_assert (department != NULL);
            }

          person = sw_person_new (sw_roster_row_get_value (row, SW_ROSTER_FIELD_NAME), department);
          sw_person_set_title (person, sw_roster_row_get_value (row, SW_ROSTER_FIELD_TITLE));
          sw_person_set_phone (person, sw_roster_row_get_value (row, SW_ROSTER_FIELD_PHONE));
          sw_person_set_email (person, sw_roster_row_get_value (row, SW_ROSTER_FIELD_EMAIL));
          sw_person_set_notes (person, sw_roster_row_get_value (row, SW_ROSTER_FIELD_NOTES));
          {
            g_auto(GStrv) skills = sw_skills_parse (sw_roster_row_get_value (row, SW_ROSTER_FIELD_SKILLS));

            sw_person_set_skills (person, (const char *const *) skills);
          }
          sw_command_group_add (SW_COMMAND_GROUP (group),
                                sw_list_command_new_insert (G_OBJECT (self->organisation),
                                                            "people", person, G_MAXUINT));
        }
      else if (status == SW_ROSTER_ROW_UPDATED)
        {
          SwPerson *person = sw_roster_row_get_person (row);

          for (SwRosterField f = SW_ROSTER_FIELD_TITLE; f <= SW_ROSTER_FIELD_NOTES; f++)
            {
              const char *value = sw_roster_row_get_value (row, f);

              if (*value != '\0' && !g_str_equal (value, person_field (person, f)))
                add_property_command (SW_COMMAND_GROUP (group), person, f, value);
            }
          /* A cell of skills replaces the person's list; an empty one
           * leaves it. */
          {
            const char *value = sw_roster_row_get_value (row, SW_ROSTER_FIELD_SKILLS);
            g_autofree char *held = person_skills (person);

            if (*value != '\0' && !g_str_equal (value, held))
              {
                g_auto(GStrv) skills = sw_skills_parse (value);
                g_auto(GValue) gvalue = G_VALUE_INIT;

                g_value_init (&gvalue, G_TYPE_STRV);
                g_value_set_boxed (&gvalue, skills);
                sw_command_group_add (SW_COMMAND_GROUP (group),
                                      sw_property_command_new (G_OBJECT (person), "skills", &gvalue));
              }
          }
        }
    }

  if (!sw_undo_stack_push (sw_organisation_get_undo_stack (self->organisation),
                           g_steal_pointer (&group), error))
    {
      classify (self);
      g_signal_emit (self, signals[CHANGED], 0);
      return FALSE;
    }

  if (out_n_changed != NULL)
    *out_n_changed = n_changed;

  return TRUE;
}
