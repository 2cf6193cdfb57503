/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sw-roster-import-private.h"

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
  self->records = g_ptr_array_new_with_free_func ((GDestroyNotify) sw_roster_record_free);
  self->rows = g_list_store_new (SW_TYPE_ROSTER_ROW);
  self->new_departments = g_ptr_array_new_null_terminated (0, g_free, TRUE);
}

SwRosterImport *
sw_roster_import_new (SwOrganisation *organisation)
{
  g_return_val_if_fail (SW_IS_ORGANISATION (organisation), NULL);

  return g_object_new (SW_TYPE_ROSTER_IMPORT, "organisation", organisation, NULL);
}

/* ------------------------------------------------------------------------
 * Loading
 * ------------------------------------------------------------------------ */

/* The header's cleaned titles and the field of each column: the first
 * column of a field wins, a second one is not imported. */
static void
map_header (SwRosterRecord  *header,
            char          ***out_headers,
            SwRosterField  **out_fields)
{
  char **headers = g_new0 (char *, header->n_cells + 1);
  SwRosterField *fields = g_new0 (SwRosterField, header->n_cells);

  for (guint c = 0; c < header->n_cells; c++)
    {
      SwRosterField field;

      headers[c] = sw_roster_clean_line (header->cells[c]);
      field = sw_roster_field_from_header (headers[c]);
      for (guint d = 0; d < c && field != SW_ROSTER_FIELD_IGNORE; d++)
        if (fields[d] == field)
          field = SW_ROSTER_FIELD_IGNORE;
      fields[c] = field;
    }

  *out_headers = headers;
  *out_fields = fields;
}

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
  SwRosterEncoding encoding;
  SwRosterRecord *header = NULL;
  guint first_row = 0;
  char separator;

  g_return_val_if_fail (SW_IS_ROSTER_IMPORT (self), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  records = sw_roster_csv_read (bytes, &encoding, &separator, error);
  if (records == NULL)
    return FALSE;

  for (; first_row < records->len; first_row++)
    {
      SwRosterRecord *record = g_ptr_array_index (records, first_row);

      if (!sw_roster_record_is_blank (record))
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

  map_header (header, &headers, &fields);

  rows = g_ptr_array_new_with_free_func (g_object_unref);
  kept = g_ptr_array_new_with_free_func ((GDestroyNotify) sw_roster_record_free);
  for (guint r = first_row; r < records->len; r++)
    {
      SwRosterRecord *record = g_ptr_array_index (records, r);

      if (sw_roster_record_is_blank (record))
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

  sw_roster_import_classify (self);
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

  sw_roster_import_classify (self);
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
  SwRosterRecord *record;

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

        g_strv_builder_add (builder, sw_roster_import_column_title (self, c, &owned));
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
                                                        sw_roster_field_property (field),
                                                        &gvalue));
}

static void
add_skills_command (SwCommandGroup *group,
                    SwPerson       *person,
                    const char     *value)
{
  g_auto(GStrv) skills = sw_skills_parse (value);
  g_auto(GValue) gvalue = G_VALUE_INIT;

  g_value_init (&gvalue, G_TYPE_STRV);
  g_value_set_boxed (&gvalue, skills);
  sw_command_group_add (group, sw_property_command_new (G_OBJECT (person), "skills", &gvalue));
}

/* The position after the organisation's last department. */
static int
next_department_position (SwOrganisation *organisation)
{
  GListModel *departments = sw_organisation_get_departments (organisation);
  guint n = g_list_model_get_n_items (departments);
  int next_position = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwDepartment) department = g_list_model_get_item (departments, i);

      next_position = MAX (next_position, sw_department_get_position (department) + 1);
    }

  return next_position;
}

/* Adds the departments that the rows name and the organisation lacks,
 * after its own; @created holds them by name for the new people. */
static void
add_new_departments (SwRosterImport *self,
                     SwCommandGroup *group,
                     GHashTable     *created)
{
  int next_position = next_department_position (self->organisation);

  for (guint i = 0; i < self->new_departments->len; i++)
    {
      SwDepartment *department = sw_department_new (g_ptr_array_index (self->new_departments, i));

      sw_department_set_position (department, next_position++);
      g_hash_table_insert (created, (gpointer) sw_department_get_name (department), department);
      sw_command_group_add (group,
                            sw_list_command_new_insert (G_OBJECT (self->organisation),
                                                        "departments", department, G_MAXUINT));
    }
}

/* Adds the person of a new row, in the department it names (an existing
 * one or one just created). */
static void
add_new_person (SwRosterImport *self,
                SwCommandGroup *group,
                GHashTable     *created,
                SwRosterRow    *row)
{
  const char *department_name = sw_roster_row_get_value (row, SW_ROSTER_FIELD_DEPARTMENT);
  g_autoptr(SwPerson) person = NULL;
  SwDepartment *department = NULL;
  g_auto(GStrv) skills = NULL;

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
  skills = sw_skills_parse (sw_roster_row_get_value (row, SW_ROSTER_FIELD_SKILLS));
  sw_person_set_skills (person, (const char *const *) skills);
  sw_command_group_add (group,
                        sw_list_command_new_insert (G_OBJECT (self->organisation),
                                                    "people", person, G_MAXUINT));
}

/* Changes the fields of an updated row's person to the row's cells where
 * they differ; an empty cell leaves its field as it is. */
static void
add_person_updates (SwCommandGroup *group,
                    SwRosterRow    *row)
{
  SwPerson *person = sw_roster_row_get_person (row);
  const char *skills;
  g_autofree char *held = NULL;

  for (SwRosterField f = SW_ROSTER_FIELD_TITLE; f <= SW_ROSTER_FIELD_NOTES; f++)
    {
      const char *value = sw_roster_row_get_value (row, f);

      if (*value != '\0' && !g_str_equal (value, sw_roster_person_field (person, f)))
        add_property_command (group, person, f, value);
    }

  /* A cell of skills replaces the person's list; an empty one
   * leaves it. */
  skills = sw_roster_row_get_value (row, SW_ROSTER_FIELD_SKILLS);
  held = sw_roster_person_skills (person);
  if (*skills != '\0' && !g_str_equal (skills, held))
    add_skills_command (group, person, skills);
}

gboolean
sw_roster_import_apply (SwRosterImport  *self,
                        guint           *out_n_changed,
                        GError         **error)
{
  g_autoptr(SwCommand) group = NULL;
  g_autoptr(GHashTable) created = NULL;
  GListModel *rows;
  guint n_changed;
  guint n;

  g_return_val_if_fail (SW_IS_ROSTER_IMPORT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (out_n_changed != NULL)
    *out_n_changed = 0;

  sw_roster_import_classify (self);
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

  add_new_departments (self, SW_COMMAND_GROUP (group), created);

  rows = G_LIST_MODEL (self->rows);
  n = g_list_model_get_n_items (rows);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwRosterRow) row = g_list_model_get_item (rows, i);
      SwRosterRowStatus status = sw_roster_row_get_status (row);

      if (status == SW_ROSTER_ROW_NEW)
        add_new_person (self, SW_COMMAND_GROUP (group), created, row);
      else if (status == SW_ROSTER_ROW_UPDATED)
        add_person_updates (SW_COMMAND_GROUP (group), row);
    }

  if (!sw_undo_stack_push (sw_organisation_get_undo_stack (self->organisation),
                           g_steal_pointer (&group), error))
    {
      sw_roster_import_classify (self);
      g_signal_emit (self, signals[CHANGED], 0);
      return FALSE;
    }

  if (out_n_changed != NULL)
    *out_n_changed = n_changed;

  return TRUE;
}
