/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sw-roster-import-private.h"

/* A one-line value: each line break and tab becomes a space, ends trimmed. */
char *
sw_roster_clean_line (const char *cell)
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
  g_autofree char *line = sw_roster_clean_line (cell);
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

const char *
sw_roster_import_column_title (SwRosterImport *self,
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
record_problem (SwRosterImport  *self,
                SwRosterRecord  *record,
                char           **values,
                GHashTable      *seen)
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
                                  sw_roster_import_column_title (self, i, &owned), n_chars,
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
char *
sw_roster_person_skills (SwPerson *person)
{
  return sw_skills_join (sw_person_get_skills (person), "、");
}

const char *
sw_roster_person_field (SwPerson      *person,
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

const char *
sw_roster_field_property (SwRosterField field)
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
    if (*values[f] != '\0' && !g_str_equal (values[f], sw_roster_person_field (person, f)))
      return TRUE;
  if (*values[SW_ROSTER_FIELD_SKILLS] != '\0')
    {
      g_autofree char *held = sw_roster_person_skills (person);

      if (!g_str_equal (values[SW_ROSTER_FIELD_SKILLS], held))
        return TRUE;
    }

  return FALSE;
}

/* What classifying the rows looks things up in: the organisation as it
 * is now, the columns as they are set, and the rows seen so far. */
typedef struct
{
  int         columns[SW_ROSTER_N_FIELDS];  /* each field's first column, or -1 */
  GHashTable *departments;      /* name → SwDepartment */
  GHashTable *people;           /* person_key () → SwPerson */
  GHashTable *seen;             /* department \x1f name → line, for record_problem () */
  GHashTable *new_departments;  /* the names in self->new_departments */
} Classifier;

static void
classifier_find_columns (Classifier     *classifier,
                         SwRosterImport *self)
{
  for (guint f = 0; f < SW_ROSTER_N_FIELDS; f++)
    classifier->columns[f] = -1;
  for (guint c = 0; c < self->n_columns; c++)
    if (self->column_fields[c] != SW_ROSTER_FIELD_IGNORE &&
        classifier->columns[self->column_fields[c]] < 0)
      classifier->columns[self->column_fields[c]] = c;
}

static void
classifier_index_organisation (Classifier     *classifier,
                               SwRosterImport *self)
{
  GListModel *model;
  guint n;

  model = sw_organisation_get_departments (self->organisation);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwDepartment) department = g_list_model_get_item (model, i);

      g_hash_table_insert (classifier->departments,
                           (gpointer) sw_department_get_name (department), department);
    }

  model = sw_organisation_get_people (self->organisation);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwPerson) person = g_list_model_get_item (model, i);
      char *key = person_key (sw_person_get_department (person), sw_person_get_name (person));

      /* The first of two namesakes in one department is the one matched. */
      if (!g_hash_table_contains (classifier->people, key))
        g_hash_table_insert (classifier->people, key, person);
      else
        g_free (key);
    }
}

static void
classifier_init (Classifier     *classifier,
                 SwRosterImport *self)
{
  classifier->departments = g_hash_table_new (g_str_hash, g_str_equal);
  classifier->people = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  classifier->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  classifier->new_departments = g_hash_table_new (g_str_hash, g_str_equal);
  classifier_find_columns (classifier, self);
  classifier_index_organisation (classifier, self);
}

static void
classifier_clear (Classifier *classifier)
{
  g_clear_pointer (&classifier->departments, g_hash_table_unref);
  g_clear_pointer (&classifier->people, g_hash_table_unref);
  g_clear_pointer (&classifier->seen, g_hash_table_unref);
  g_clear_pointer (&classifier->new_departments, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Classifier, classifier_clear)

/* The cleaned value of each field of @record ("" where it has none). */
static void
classifier_read_values (Classifier     *classifier,
                        SwRosterRecord *record,
                        char          **values)
{
  values[SW_ROSTER_FIELD_IGNORE] = g_strdup ("");
  for (SwRosterField f = SW_ROSTER_FIELD_NAME; f < SW_ROSTER_N_FIELDS; f++)
    {
      int column = classifier->columns[f];
      const char *cell = NULL;

      if (column >= 0 && (guint) column < record->n_cells)
        cell = record->cells[column];
      if (f == SW_ROSTER_FIELD_NOTES)
        values[f] = clean_notes (cell);
      else if (f == SW_ROSTER_FIELD_SKILLS)
        values[f] = clean_skills (cell);
      else
        values[f] = sw_roster_clean_line (cell);
    }
}

/* What a row without problems does: add a person, update the one it
 * matches, or nothing.  A department it names that does not exist yet
 * is noted as a new one. */
static SwRosterRowStatus
classifier_match (Classifier      *classifier,
                  SwRosterImport  *self,
                  char           **values,
                  SwPerson       **out_person)
{
  const char *department_name = values[SW_ROSTER_FIELD_DEPARTMENT];
  SwDepartment *department = NULL;
  gboolean department_exists = TRUE;
  SwPerson *person = NULL;

  if (*department_name != '\0')
    {
      department = g_hash_table_lookup (classifier->departments, department_name);
      department_exists = department != NULL;
    }

  if (department_exists)
    {
      g_autofree char *key = person_key (department, values[SW_ROSTER_FIELD_NAME]);

      person = g_hash_table_lookup (classifier->people, key);
    }
  else if (!g_hash_table_contains (classifier->new_departments, department_name))
    {
      char *copy = g_strdup (department_name);

      g_ptr_array_add (self->new_departments, copy);
      g_hash_table_add (classifier->new_departments, copy);
    }

  *out_person = person;
  if (person == NULL)
    return SW_ROSTER_ROW_NEW;
  else if (row_changes_person (values, person))
    return SW_ROSTER_ROW_UPDATED;
  else
    return SW_ROSTER_ROW_UNCHANGED;
}

/* Works out every row's status against the organisation as it is now. */
void
sw_roster_import_classify (SwRosterImport *self)
{
  g_auto(Classifier) classifier = { { 0 }, NULL, NULL, NULL, NULL };

  classifier_init (&classifier, self);

  g_ptr_array_set_size (self->new_departments, 0);
  memset (self->counts, 0, sizeof self->counts);

  for (guint r = 0; r < self->records->len; r++)
    {
      SwRosterRecord *record = g_ptr_array_index (self->records, r);
      g_autoptr(SwRosterRow) row = g_list_model_get_item (G_LIST_MODEL (self->rows), r);
      char *values[SW_ROSTER_N_FIELDS] = { NULL };
      g_autofree char *reason = NULL;
      SwRosterRowStatus status = SW_ROSTER_ROW_BAD;
      SwPerson *person = NULL;

      classifier_read_values (&classifier, record, values);
      reason = record_problem (self, record, values, classifier.seen);
      if (reason == NULL)
        status = classifier_match (&classifier, self, values, &person);

      self->counts[status]++;
      sw_roster_row_update (row, status, reason, (const char * const *) values, person);

      for (guint f = 0; f < SW_ROSTER_N_FIELDS; f++)
        g_free (values[f]);
    }

  g_ptr_array_add (self->new_departments, NULL);
  g_ptr_array_set_size (self->new_departments, self->new_departments->len - 1);
}
