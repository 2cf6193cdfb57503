/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "sw-core.h"
#include "sw-roster-export.h"
#include "sw-roster-import.h"
#include "sw-store.h"

/* The undo stack's commands may hold the organisation: empty it first. */
typedef SwOrganisation TestOrg;

static void
test_org_free (TestOrg *org)
{
  sw_undo_stack_clear (sw_organisation_get_undo_stack (org));
  g_object_unref (org);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestOrg, test_org_free)

typedef enum
{
  FIXTURE_UTF8,
  FIXTURE_UTF8_BOM,
  FIXTURE_GB18030,
} FixtureEncoding;

/* The bytes of @text (UTF-8) in @encoding, with @separator in place of
 * every '|' (so one fixture serves all separators). */
static GBytes *
fixture (const char      *text,
         FixtureEncoding  encoding,
         char             separator)
{
  g_autofree char *separated = g_strdup (text);
  g_autoptr(GError) error = NULL;
  GString *out = g_string_new (NULL);

  for (char *p = separated; *p != '\0'; p++)
    if (*p == '|')
      *p = separator;

  switch (encoding)
    {
    case FIXTURE_UTF8:
      g_string_append (out, separated);
      break;
    case FIXTURE_UTF8_BOM:
      g_string_append (out, "\xEF\xBB\xBF");
      g_string_append (out, separated);
      break;
    case FIXTURE_GB18030:
      {
        gsize written = 0;
        g_autofree char *converted = g_convert (separated, -1, "GB18030", "UTF-8",
                                                NULL, &written, &error);

        g_assert_no_error (error);
        /* It really is another encoding. */
        g_assert_false (g_utf8_validate_len (converted, written, NULL));
        g_string_append_len (out, converted, written);
      }
      break;
    default:
      g_assert_not_reached ();
    }

  return g_string_free_to_bytes (out);
}

static GBytes *
bytes_from_string (const char *text)
{
  return g_bytes_new (text, strlen (text));
}

static SwRosterRow *
row_at (SwRosterImport *import,
        guint           index)
{
  SwRosterRow *row = g_list_model_get_item (sw_roster_import_get_rows (import), index);

  g_assert_nonnull (row);
  g_object_unref (row); /* the import keeps it */
  return row;
}

static guint
n_items (gpointer model)
{
  return g_list_model_get_n_items (G_LIST_MODEL (model));
}

static SwPerson *
find_person (SwOrganisation *org,
             const char     *name,
             const char     *department_name)
{
  SwDepartment *department = NULL;

  if (department_name != NULL)
    {
      department = sw_organisation_find_department (org, department_name);
      g_assert_nonnull (department);
    }

  return sw_organisation_find_person (org, name, department, NULL);
}

/* A small roster: two departments, three people. */
static SwOrganisation *
small_org (void)
{
  SwOrganisation *org = sw_organisation_new ();
  g_autoptr(SwDepartment) office = sw_department_new ("党群办");
  g_autoptr(SwDepartment) power = sw_department_new ("用电科");
  g_autoptr(SwPerson) a = sw_person_new ("王一", office);
  g_autoptr(SwPerson) b = sw_person_new ("李二", power);
  g_autoptr(SwPerson) c = sw_person_new ("Zoë \"Z\" Miller, Jr.", NULL);
  g_autoptr(GError) error = NULL;

  sw_department_set_position (power, 1);
  sw_person_set_title (a, "主任");
  sw_person_set_phone (a, "0571-87654321");
  sw_person_set_email (a, "wang@example.com");
  sw_person_set_notes (a, "周三下午不在, 请联系\n办公室");
  sw_person_set_phone (b, "+86 138 0000 0001");
  sw_person_set_notes (c, " quoted \"notes\"; tab\there");

  g_assert_true (sw_edit_add (org, org, "departments", office, &error));
  g_assert_true (sw_edit_add (org, org, "departments", power, &error));
  g_assert_true (sw_edit_add (org, org, "people", a, &error));
  g_assert_true (sw_edit_add (org, org, "people", b, &error));
  g_assert_true (sw_edit_add (org, org, "people", c, &error));
  g_assert_no_error (error);
  sw_undo_stack_clear (sw_organisation_get_undo_stack (org));

  return org;
}

/* ------------------------------------------------------------------------ */

static const char basic_roster[] =
  "姓名|部门|职务|电话|邮箱|备注\r\n"
  "张三|生技科|工程师|13800000001|zhang@example.com|\"值班, 周三\"\r\n"
  "李四|稽审科||13800000002||\r\n"
  "王五|生技科|科长|||\"两行\r\n备注\"\r\n";

static void
check_basic (SwRosterImport *import,
             const char     *encoding_label)
{
  const char * const *departments = sw_roster_import_get_new_departments (import);
  SwRosterRow *row;

  g_assert_cmpstr (sw_roster_import_get_encoding (import), ==, encoding_label);
  g_assert_cmpuint (n_items (sw_roster_import_get_rows (import)), ==, 3);
  g_assert_cmpuint (sw_roster_import_count (import, SW_ROSTER_ROW_NEW), ==, 3);
  g_assert_cmpuint (sw_roster_import_count (import, SW_ROSTER_ROW_BAD), ==, 0);
  g_assert_cmpuint (g_strv_length ((char **) departments), ==, 2);
  g_assert_cmpstr (departments[0], ==, "生技科");
  g_assert_cmpstr (departments[1], ==, "稽审科");

  row = row_at (import, 0);
  g_assert_cmpuint (sw_roster_row_get_line (row), ==, 2);
  g_assert_cmpstr (sw_roster_row_get_value (row, SW_ROSTER_FIELD_NAME), ==, "张三");
  g_assert_cmpstr (sw_roster_row_get_value (row, SW_ROSTER_FIELD_DEPARTMENT), ==, "生技科");
  g_assert_cmpstr (sw_roster_row_get_value (row, SW_ROSTER_FIELD_TITLE), ==, "工程师");
  g_assert_cmpstr (sw_roster_row_get_value (row, SW_ROSTER_FIELD_PHONE), ==, "13800000001");
  g_assert_cmpstr (sw_roster_row_get_value (row, SW_ROSTER_FIELD_EMAIL), ==, "zhang@example.com");
  g_assert_cmpstr (sw_roster_row_get_value (row, SW_ROSTER_FIELD_NOTES), ==, "值班, 周三");

  row = row_at (import, 2);
  g_assert_cmpuint (sw_roster_row_get_line (row), ==, 4);
  g_assert_cmpstr (sw_roster_row_get_value (row, SW_ROSTER_FIELD_NOTES), ==, "两行\n备注");
}

static void
test_encodings_and_separators (void)
{
  static const char separators[] = { ',', ';', '\t' };
  static const struct {
    FixtureEncoding encoding;
    const char *label;
  } encodings[] = {
    { FIXTURE_UTF8, "UTF-8" },
    { FIXTURE_UTF8_BOM, "UTF-8 with BOM" },
    { FIXTURE_GB18030, "GB18030" },
  };

  for (guint e = 0; e < G_N_ELEMENTS (encodings); e++)
    for (guint s = 0; s < G_N_ELEMENTS (separators); s++)
      {
        g_autoptr(TestOrg) org = sw_organisation_new ();
        g_autoptr(SwRosterImport) import = sw_roster_import_new (org);
        g_autoptr(GBytes) bytes = fixture (basic_roster, encodings[e].encoding, separators[s]);
        g_autoptr(GError) error = NULL;
        guint changed = 0;

        g_test_message ("encoding %s, separator %d", encodings[e].label, separators[s]);

        g_assert_true (sw_roster_import_load (import, bytes, &error));
        g_assert_no_error (error);
        g_assert_cmpint (sw_roster_import_get_separator (import), ==, separators[s]);
        check_basic (import, encodings[e].label);

        g_assert_true (sw_roster_import_apply (import, &changed, &error));
        g_assert_no_error (error);
        g_assert_cmpuint (changed, ==, 3);
        g_assert_cmpuint (n_items (sw_organisation_get_people (org)), ==, 3);
        g_assert_cmpuint (n_items (sw_organisation_get_departments (org)), ==, 2);
        g_assert_cmpstr (sw_person_get_notes (find_person (org, "王五", "生技科")), ==, "两行\n备注");
        g_assert_cmpstr (sw_person_get_phone (find_person (org, "李四", "稽审科")), ==, "13800000002");
      }
}

/* Separators inside quotes do not count, and neither do other characters
 * in later rows when the header settles it. */
static void
test_separator_detection (void)
{
  g_autoptr(TestOrg) org = sw_organisation_new ();
  g_autoptr(SwRosterImport) import = sw_roster_import_new (org);
  g_autoptr(GBytes) bytes = bytes_from_string ("Name;Notes;\"Dept, office\"\n"
                                               "A;a,b,c,d,e,f;X\n");
  g_autoptr(GError) error = NULL;

  g_assert_true (sw_roster_import_load (import, bytes, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sw_roster_import_get_separator (import), ==, ';');
  g_assert_cmpuint (sw_roster_import_get_n_columns (import), ==, 3);
  g_assert_cmpstr (sw_roster_import_get_header (import, 2), ==, "Dept, office");
  g_assert_cmpstr (sw_roster_row_get_value (row_at (import, 0), SW_ROSTER_FIELD_NOTES), ==, "a,b,c,d,e,f");
  g_assert_cmpstr (sw_roster_import_get_cell (import, 0, 0), ==, "A");
  g_assert_cmpstr (sw_roster_import_get_cell (import, 0, 2), ==, "X");
  g_assert_cmpstr (sw_roster_import_get_cell (import, 0, 7), ==, "");
}

static void
test_quoted_fields (void)
{
  g_autoptr(TestOrg) org = sw_organisation_new ();
  g_autoptr(SwRosterImport) import = sw_roster_import_new (org);
  g_autoptr(GBytes) bytes = bytes_from_string (
    "Name,Notes,Phone\n"
    "\"Smith, John\",\"He said \"\"hi\"\",\nthen left\n\nlater\",123\n"
    "\n"
    ",,\n"
    "Bob,\"a\rb\",\n"
    "Carol,plain,\n");
  g_autoptr(GError) error = NULL;
  SwRosterRow *row;

  g_assert_true (sw_roster_import_load (import, bytes, &error));
  g_assert_no_error (error);
  /* The blank line and the row of empty cells are left out. */
  g_assert_cmpuint (n_items (sw_roster_import_get_rows (import)), ==, 3);

  row = row_at (import, 0);
  g_assert_cmpuint (sw_roster_row_get_line (row), ==, 2);
  g_assert_cmpstr (sw_roster_row_get_value (row, SW_ROSTER_FIELD_NAME), ==, "Smith, John");
  g_assert_cmpstr (sw_roster_row_get_value (row, SW_ROSTER_FIELD_NOTES), ==,
                   "He said \"hi\",\nthen left\n\nlater");
  g_assert_cmpstr (sw_roster_row_get_value (row, SW_ROSTER_FIELD_PHONE), ==, "123");

  row = row_at (import, 1);
  g_assert_cmpuint (sw_roster_row_get_line (row), ==, 8);
  g_assert_cmpstr (sw_roster_row_get_value (row, SW_ROSTER_FIELD_NOTES), ==, "a\nb");

  row = row_at (import, 2);
  g_assert_cmpuint (sw_roster_row_get_line (row), ==, 9);
  g_assert_cmpuint (sw_roster_import_count (import, SW_ROSTER_ROW_BAD), ==, 0);
}

static void
test_headers (void)
{
  static const struct {
    const char *header;
    SwRosterField field;
  } cases[] = {
    { "姓名", SW_ROSTER_FIELD_NAME },
    { " NAME ", SW_ROSTER_FIELD_NAME },
    { "Full name", SW_ROSTER_FIELD_NAME },
    { "部门", SW_ROSTER_FIELD_DEPARTMENT },
    { "科室", SW_ROSTER_FIELD_DEPARTMENT },
    { "department", SW_ROSTER_FIELD_DEPARTMENT },
    { "职务", SW_ROSTER_FIELD_TITLE },
    { "Title", SW_ROSTER_FIELD_TITLE },
    { "电话", SW_ROSTER_FIELD_PHONE },
    { "手机", SW_ROSTER_FIELD_PHONE },
    { "Phone", SW_ROSTER_FIELD_PHONE },
    { "邮箱", SW_ROSTER_FIELD_EMAIL },
    { "E-mail", SW_ROSTER_FIELD_EMAIL },
    { "EMAIL", SW_ROSTER_FIELD_EMAIL },
    { "备注", SW_ROSTER_FIELD_NOTES },
    { "Notes", SW_ROSTER_FIELD_NOTES },
    { "*姓名：", SW_ROSTER_FIELD_NAME },
    { "生日", SW_ROSTER_FIELD_IGNORE },
    { "", SW_ROSTER_FIELD_IGNORE },
    { "\xff", SW_ROSTER_FIELD_IGNORE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (sw_roster_field_from_header (cases[i].header), ==, cases[i].field);
}

/* English headers in another order, an unknown column, a second name
 * column; then the mapping fixed by hand. */
static void
test_column_mapping (void)
{
  g_autoptr(TestOrg) org = sw_organisation_new ();
  g_autoptr(SwRosterImport) import = sw_roster_import_new (org);
  g_autoptr(GBytes) bytes = bytes_from_string (
    " e-mail ,Birthday,DEPARTMENT,Name,name,Mobile\n"
    "a@b.cn,1990-01-01,Office,Ann,Anna,555 0101\n");
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) ignored = NULL;
  g_autofree char *report = NULL;
  SwRosterRow *row;

  g_assert_true (sw_roster_import_load (import, bytes, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sw_roster_import_get_n_columns (import), ==, 6);
  g_assert_cmpstr (sw_roster_import_get_header (import, 0), ==, "e-mail");
  g_assert_cmpint (sw_roster_import_get_column_field (import, 0), ==, SW_ROSTER_FIELD_EMAIL);
  g_assert_cmpint (sw_roster_import_get_column_field (import, 1), ==, SW_ROSTER_FIELD_IGNORE);
  g_assert_cmpint (sw_roster_import_get_column_field (import, 2), ==, SW_ROSTER_FIELD_DEPARTMENT);
  g_assert_cmpint (sw_roster_import_get_column_field (import, 3), ==, SW_ROSTER_FIELD_NAME);
  g_assert_cmpint (sw_roster_import_get_column_field (import, 4), ==, SW_ROSTER_FIELD_IGNORE);
  g_assert_cmpint (sw_roster_import_get_column_field (import, 5), ==, SW_ROSTER_FIELD_PHONE);

  ignored = sw_roster_import_dup_ignored_columns (import);
  g_assert_cmpuint (g_strv_length (ignored), ==, 2);
  g_assert_cmpstr (ignored[0], ==, "Birthday");
  g_assert_cmpstr (ignored[1], ==, "name");
  report = sw_roster_import_format_report (import);
  g_assert_nonnull (strstr (report, "Columns not imported: Birthday, name\n"));

  row = row_at (import, 0);
  g_assert_cmpstr (sw_roster_row_get_value (row, SW_ROSTER_FIELD_NAME), ==, "Ann");
  g_assert_cmpstr (sw_roster_row_get_value (row, SW_ROSTER_FIELD_EMAIL), ==, "a@b.cn");
  g_assert_cmpstr (sw_roster_row_get_value (row, SW_ROSTER_FIELD_PHONE), ==, "555 0101");

  /* By hand: the second name column is the name; the first leaves it. */
  sw_roster_import_set_column_field (import, 4, SW_ROSTER_FIELD_NAME);
  g_assert_cmpint (sw_roster_import_get_column_field (import, 3), ==, SW_ROSTER_FIELD_IGNORE);
  g_assert_cmpstr (sw_roster_row_get_value (row, SW_ROSTER_FIELD_NAME), ==, "Anna");
  sw_roster_import_set_column_field (import, 1, SW_ROSTER_FIELD_NOTES);
  g_assert_cmpstr (sw_roster_row_get_value (row, SW_ROSTER_FIELD_NOTES), ==, "1990-01-01");
  sw_roster_import_set_column_field (import, 5, SW_ROSTER_FIELD_IGNORE);
  g_assert_cmpstr (sw_roster_row_get_value (row, SW_ROSTER_FIELD_PHONE), ==, "");
}

static void
test_no_name_column (void)
{
  g_autoptr(TestOrg) org = sw_organisation_new ();
  g_autoptr(SwRosterImport) import = sw_roster_import_new (org);
  g_autoptr(GBytes) bytes = bytes_from_string ("人员,单位\n赵六,用电科\n钱七,用电科\n");
  g_autoptr(GError) error = NULL;

  g_assert_true (sw_roster_import_load (import, bytes, &error));
  g_assert_no_error (error);
  g_assert_false (sw_roster_import_has_name_column (import));
  g_assert_cmpuint (sw_roster_import_count (import, SW_ROSTER_ROW_BAD), ==, 2);
  g_assert_cmpstr (sw_roster_row_get_reason (row_at (import, 0)), ==, "no name");

  g_assert_false (sw_roster_import_apply (import, NULL, &error));
  g_assert_error (error, SW_ROSTER_ERROR, SW_ROSTER_ERROR_NOTHING_USABLE);
  g_clear_error (&error);
  g_assert_cmpuint (n_items (sw_organisation_get_people (org)), ==, 0);
  g_assert_false (sw_undo_stack_get_can_undo (sw_organisation_get_undo_stack (org)));

  sw_roster_import_set_column_field (import, 0, SW_ROSTER_FIELD_NAME);
  sw_roster_import_set_column_field (import, 1, SW_ROSTER_FIELD_DEPARTMENT);
  g_assert_true (sw_roster_import_has_name_column (import));
  g_assert_cmpuint (sw_roster_import_count (import, SW_ROSTER_ROW_NEW), ==, 2);
  g_assert_true (sw_roster_import_apply (import, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (find_person (org, "钱七", "用电科"));
}

static void
test_bad_rows (void)
{
  g_autoptr(TestOrg) org = sw_organisation_new ();
  g_autoptr(SwRosterImport) import = sw_roster_import_new (org);
  g_autofree char *long_cell = g_strnfill (10000, 'x');
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *report = NULL;
  static const struct {
    guint line;
    const char *reason;
  } expected[] = {
    { 4, "no name" },
    { 5, "the row holds bytes that are neither UTF-8 nor GB18030" },
    { 6, "the “备注” cell is 10000 characters long (at most 1000)" },
    { 7, "the phone “138-abc-0000” holds letters" },
    { 8, "“zhang.example.com” is not an e-mail address" },
    { 9, "the same person as line 2" },
  };
  guint b = 0;

  g_string_append (text, "姓名,部门,电话,邮箱,备注\n");
  g_string_append (text, "张三,生技科,13800000001,,\"two\nlines\"\n");   /* lines 2–3 */
  g_string_append (text, ",生技科,13800000002,,no name\n");               /* 4 */
  g_string_append (text, "李\xff四,生技科,,,\n");                        /* 5 */
  g_string_append_printf (text, "王五,生技科,,,%s\n", long_cell);        /* 6 */
  g_string_append (text, "赵六,生技科,138-abc-0000,,\n");                 /* 7 */
  g_string_append (text, "钱七,生技科,,zhang.example.com,\n");            /* 8 */
  g_string_append (text, "张三,生技科,13800000009,,again\n");             /* 9 */
  g_string_append (text, "孙八,生技科,0571-87654321转801,s@x.org,\n");    /* 10 */
  bytes = g_bytes_new (text->str, text->len);

  g_assert_true (sw_roster_import_load (import, bytes, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (sw_roster_import_get_encoding (import), ==, "UTF-8");
  g_assert_cmpuint (sw_roster_import_count (import, SW_ROSTER_ROW_BAD), ==, G_N_ELEMENTS (expected));
  g_assert_cmpuint (sw_roster_import_count (import, SW_ROSTER_ROW_NEW), ==, 2);

  report = sw_roster_import_format_report (import);
  for (guint i = 0; i < n_items (sw_roster_import_get_rows (import)); i++)
    {
      SwRosterRow *row = row_at (import, i);
      g_autofree char *line = NULL;

      if (sw_roster_row_get_status (row) != SW_ROSTER_ROW_BAD)
        continue;

      g_assert_cmpuint (b, <, G_N_ELEMENTS (expected));
      g_assert_cmpuint (sw_roster_row_get_line (row), ==, expected[b].line);
      g_assert_cmpstr (sw_roster_row_get_reason (row), ==, expected[b].reason);
      line = g_strdup_printf ("line %u: %s\n", expected[b].line, expected[b].reason);
      g_assert_nonnull (strstr (report, line));
      b++;
    }
  g_assert_cmpuint (b, ==, G_N_ELEMENTS (expected));
  g_assert_nonnull (strstr (report, "Bad rows: 6\n"));
  g_assert_nonnull (strstr (report, "New people: 2\n"));

  /* The clean rows are imported, the bad ones are not. */
  g_assert_true (sw_roster_import_apply (import, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_items (sw_organisation_get_people (org)), ==, 2);
  g_assert_cmpstr (sw_person_get_phone (find_person (org, "张三", "生技科")), ==, "13800000001");
  g_assert_cmpstr (sw_person_get_phone (find_person (org, "孙八", "生技科")), ==, "0571-87654321转801");
}

/* A GB18030 file with a byte that is valid in no encoding: the row is
 * reported, the others read as GB18030. */
static void
test_bad_bytes_gb18030 (void)
{
  g_autoptr(TestOrg) org = sw_organisation_new ();
  g_autoptr(SwRosterImport) import = sw_roster_import_new (org);
  g_autoptr(GBytes) good = fixture ("姓名,部门\n张三,生技科\n李四,生技科\n王五,稽审科\n",
                                    FIXTURE_GB18030, ',');
  g_autoptr(GByteArray) data = g_byte_array_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  const guint8 *raw = g_bytes_get_data (good, &length);
  guint newlines = 0;

  /* Put 0xFF at the start of line 3. */
  for (gsize i = 0; i < length; i++)
    {
      g_byte_array_append (data, raw + i, 1);
      if (raw[i] == '\n' && ++newlines == 2)
        g_byte_array_append (data, (const guint8 *) "\xff", 1);
    }
  bytes = g_byte_array_free_to_bytes (g_steal_pointer (&data));

  g_assert_true (sw_roster_import_load (import, bytes, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (sw_roster_import_get_encoding (import), ==, "GB18030");
  g_assert_cmpuint (sw_roster_import_count (import, SW_ROSTER_ROW_NEW), ==, 2);
  g_assert_cmpuint (sw_roster_import_count (import, SW_ROSTER_ROW_BAD), ==, 1);
  g_assert_cmpuint (sw_roster_row_get_line (row_at (import, 1)), ==, 3);
  g_assert_cmpint (sw_roster_row_get_status (row_at (import, 1)), ==, SW_ROSTER_ROW_BAD);
  g_assert_cmpstr (sw_roster_row_get_value (row_at (import, 2), SW_ROSTER_FIELD_NAME), ==, "王五");
}

static void
test_unclosed_quote (void)
{
  g_autoptr(TestOrg) org = sw_organisation_new ();
  g_autoptr(SwRosterImport) import = sw_roster_import_new (org);
  g_autoptr(GBytes) bytes = bytes_from_string ("Name,Notes\nA,ok\nB,\"never closed\nC,x\n");
  g_autoptr(GError) error = NULL;

  g_assert_true (sw_roster_import_load (import, bytes, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_items (sw_roster_import_get_rows (import)), ==, 2);
  g_assert_cmpuint (sw_roster_row_get_line (row_at (import, 1)), ==, 3);
  g_assert_cmpstr (sw_roster_row_get_reason (row_at (import, 1)), ==,
                   "a quoted cell is not closed before the end of the file");
}

static void
test_load_errors (void)
{
  static const struct {
    const char *text;
    gsize length;
    int code;
  } cases[] = {
    { "", 0, SW_ROSTER_ERROR_EMPTY },
    { "\xEF\xBB\xBF", 3, SW_ROSTER_ERROR_EMPTY },
    { " \r\n\n \n", 6, SW_ROSTER_ERROR_EMPTY },
    { "Name,Phone\r\n", 12, SW_ROSTER_ERROR_EMPTY },
    { "Name,Phone\n,\n\n", 14, SW_ROSTER_ERROR_EMPTY },
    { "Na\xffme,Phone\nA,1\n", 16, SW_ROSTER_ERROR_ENCODING },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(TestOrg) org = small_org ();
      g_autoptr(SwRosterImport) import = sw_roster_import_new (org);
      g_autoptr(GBytes) bytes = g_bytes_new (cases[i].text, cases[i].length);
      g_autoptr(GError) error = NULL;

      g_assert_false (sw_roster_import_load (import, bytes, &error));
      g_assert_error (error, SW_ROSTER_ERROR, cases[i].code);
      g_assert_cmpuint (n_items (sw_roster_import_get_rows (import)), ==, 0);
      g_assert_cmpuint (n_items (sw_organisation_get_people (org)), ==, 3);
    }
}

/* Existing people are matched by name within their department: updated,
 * never duplicated; an empty cell keeps the value. */
static void
test_match_existing (void)
{
  g_autoptr(TestOrg) org = small_org ();
  g_autoptr(SwRosterImport) import = sw_roster_import_new (org);
  g_autoptr(GBytes) bytes = bytes_from_string (
    "姓名,部门,职务,电话,邮箱\n"
    "王一,党群办,,13900000000,\n"          /* new phone, title kept */
    "李二,用电科,科长,,\n"                   /* new title */
    "李二,党群办,,,\n"                       /* another 李二: new */
    "\"Zoë \"\"Z\"\" Miller, Jr.\",,,,\n"    /* no department: unchanged */
    "王一,新部门,,,\n");                     /* new department, new person */
  g_autoptr(GError) error = NULL;
  SwPerson *wang = find_person (org, "王一", "党群办");
  guint changed = 0;

  g_assert_true (sw_roster_import_load (import, bytes, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sw_roster_row_get_status (row_at (import, 0)), ==, SW_ROSTER_ROW_UPDATED);
  g_assert_true (sw_roster_row_get_person (row_at (import, 0)) == wang);
  g_assert_cmpint (sw_roster_row_get_status (row_at (import, 1)), ==, SW_ROSTER_ROW_UPDATED);
  g_assert_cmpint (sw_roster_row_get_status (row_at (import, 2)), ==, SW_ROSTER_ROW_NEW);
  g_assert_cmpint (sw_roster_row_get_status (row_at (import, 3)), ==, SW_ROSTER_ROW_UNCHANGED);
  g_assert_cmpint (sw_roster_row_get_status (row_at (import, 4)), ==, SW_ROSTER_ROW_NEW);
  g_assert_cmpuint (g_strv_length ((char **) sw_roster_import_get_new_departments (import)), ==, 1);

  g_assert_true (sw_roster_import_apply (import, &changed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 4);

  g_assert_cmpuint (n_items (sw_organisation_get_people (org)), ==, 5);
  g_assert_cmpuint (n_items (sw_organisation_get_departments (org)), ==, 3);
  g_assert_true (find_person (org, "王一", "党群办") == wang);
  g_assert_cmpstr (sw_person_get_phone (wang), ==, "13900000000");
  g_assert_cmpstr (sw_person_get_title (wang), ==, "主任");
  g_assert_cmpstr (sw_person_get_email (wang), ==, "wang@example.com");
  g_assert_cmpstr (sw_person_get_title (find_person (org, "李二", "用电科")), ==, "科长");
  g_assert_nonnull (find_person (org, "李二", "党群办"));
  g_assert_nonnull (find_person (org, "王一", "新部门"));
  /* The new department goes after the others. */
  g_assert_cmpint (sw_department_get_position (sw_organisation_find_department (org, "新部门")), ==, 2);
}

/* Loading alone (the dry run) changes nothing; apply is one undo step and
 * undo restores the roster exactly; redo puts it back. */
static void
test_dry_run_and_undo (void)
{
  g_autoptr(TestOrg) org = small_org ();
  g_autoptr(SwRosterImport) import = sw_roster_import_new (org);
  SwUndoStack *stack = sw_organisation_get_undo_stack (org);
  g_autoptr(GBytes) before = sw_roster_export (org);
  g_autoptr(GBytes) after_dry = NULL;
  g_autoptr(GBytes) applied = NULL;
  g_autoptr(GBytes) undone = NULL;
  g_autoptr(GBytes) redone = NULL;
  g_autoptr(GBytes) bytes = bytes_from_string (
    "Name,Department,Title,Phone\n"
    "王一,党群办,书记,\n"
    "新人,新部门,干事,1\n"
    "李二,,,\n");
  g_autoptr(GError) error = NULL;

  g_assert_true (sw_roster_import_load (import, bytes, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sw_roster_import_count (import, SW_ROSTER_ROW_NEW), ==, 2);
  g_assert_cmpuint (sw_roster_import_count (import, SW_ROSTER_ROW_UPDATED), ==, 1);

  after_dry = sw_roster_export (org);
  g_assert_true (g_bytes_equal (before, after_dry));
  g_assert_false (sw_undo_stack_get_can_undo (stack));
  g_assert_cmpuint (n_items (sw_organisation_get_departments (org)), ==, 2);

  g_assert_true (sw_roster_import_apply (import, NULL, &error));
  g_assert_no_error (error);
  applied = sw_roster_export (org);
  g_assert_false (g_bytes_equal (before, applied));
  g_assert_cmpuint (n_items (sw_organisation_get_departments (org)), ==, 3);
  g_assert_cmpstr (sw_undo_stack_get_undo_label (stack), ==, "Import roster");

  g_assert_true (sw_undo_stack_undo (stack, &error));
  g_assert_no_error (error);
  g_assert_false (sw_undo_stack_get_can_undo (stack));
  undone = sw_roster_export (org);
  g_assert_true (g_bytes_equal (before, undone));
  g_assert_cmpuint (n_items (sw_organisation_get_departments (org)), ==, 2);
  g_assert_cmpuint (n_items (sw_organisation_get_people (org)), ==, 3);
  g_assert_cmpstr (sw_person_get_title (find_person (org, "王一", "党群办")), ==, "主任");

  g_assert_true (sw_undo_stack_redo (stack, &error));
  g_assert_no_error (error);
  redone = sw_roster_export (org);
  g_assert_true (g_bytes_equal (applied, redone));
}

static void
test_nothing_to_change (void)
{
  g_autoptr(TestOrg) org = small_org ();
  g_autoptr(SwRosterImport) import = sw_roster_import_new (org);
  g_autoptr(GBytes) bytes = bytes_from_string ("Name,Department\n王一,党群办\n,\n");
  g_autoptr(GError) error = NULL;
  guint changed = 99;

  g_assert_true (sw_roster_import_load (import, bytes, &error));
  g_assert_true (sw_roster_import_apply (import, &changed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 0);
  g_assert_false (sw_undo_stack_get_can_undo (sw_organisation_get_undo_stack (org)));
}

static void
test_export_format (void)
{
  g_autoptr(TestOrg) org = small_org ();
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL;
  gsize length;
  const char *data;
  const char *skills[] = { "电工证", "驾驶证", NULL };

  sw_person_set_skills (find_person (org, "李二", "用电科"), skills);
  g_setenv ("LANGUAGE", "en", TRUE);
  bytes = sw_roster_export (org);
  data = g_bytes_get_data (bytes, &length);
  text = g_strndup (data, length);

  g_assert_cmpstr (text, ==,
                   "\xEF\xBB\xBF" "Name,Department,Title,Phone,Email,Notes,Skills\r\n"
                   "王一,党群办,主任,0571-87654321,wang@example.com,\"周三下午不在, 请联系\n办公室\",\r\n"
                   "李二,用电科,,+86 138 0000 0001,,,电工证、驾驶证\r\n"
                   "\"Zoë \"\"Z\"\" Miller, Jr.\",,,,,\" quoted \"\"notes\"\"; tab\there\",\r\n");

  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = sw_roster_export (org);
  data = g_bytes_get_data (bytes, &length);
  g_assert_true (g_str_has_prefix (data, "\xEF\xBB\xBF" "姓名,部门,职务,电话,邮箱,备注,技能/资质\r\n"));
  g_setenv ("LANGUAGE", "en", TRUE);
}

/* A column of skills sets them, several to a cell; a file without it
 * leaves them alone. */
static void
test_skills_column (void)
{
  g_autoptr(TestOrg) org = small_org ();
  g_autoptr(SwRosterImport) import = sw_roster_import_new (org);
  g_autoptr(SwRosterImport) again = sw_roster_import_new (org);
  g_autoptr(GBytes) bytes = bytes_from_string ("姓名,部门,技能/资质\n李二,用电科,电工证；驾驶证、 电工证\n新人,用电科,急救证\n");
  g_autoptr(GBytes) plain = bytes_from_string ("Name,Department,Title\n李二,用电科,班长\n");
  g_autoptr(GError) error = NULL;
  const char *both[] = { "电工证", "驾驶证", NULL };
  const char *first_aid[] = { "急救证", NULL };
  SwPerson *li;
  guint changed = 0;

  g_assert_cmpint (sw_roster_field_from_header ("技能/资质"), ==, SW_ROSTER_FIELD_SKILLS);
  g_assert_cmpint (sw_roster_field_from_header ("Skills"), ==, SW_ROSTER_FIELD_SKILLS);
  g_assert_true (sw_roster_import_load (import, bytes, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (sw_roster_row_get_value (row_at (import, 0), SW_ROSTER_FIELD_SKILLS), ==, "电工证、驾驶证");
  g_assert_true (sw_roster_import_apply (import, &changed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 2);
  li = find_person (org, "李二", "用电科");
  g_assert_true (g_strv_equal (sw_person_get_skills (li), both));
  g_assert_true (g_strv_equal (sw_person_get_skills (find_person (org, "新人", "用电科")), first_aid));

  g_assert_true (sw_roster_import_load (again, plain, &error));
  g_assert_true (sw_roster_import_apply (again, &changed, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (sw_person_get_title (li), ==, "班长");
  g_assert_true (g_strv_equal (sw_person_get_skills (li), both));

  /* Undo takes the skills back with the rest of the import. */
  g_assert_true (sw_undo_stack_undo (sw_organisation_get_undo_stack (org), &error));
  g_assert_true (sw_undo_stack_undo (sw_organisation_get_undo_stack (org), &error));
  g_assert_no_error (error);
  g_assert_null (sw_person_get_skills (li)[0]);
}

/* A GB18030 file (as Excel saves "CSV" on a Chinese Windows) with a
 * column headed 资质: the skills are read with any of the separators, in
 * any of the field separators, and undo takes them back. */
static void
test_skills_gb18030 (void)
{
  static const char roster[] =
    "工号|姓名|部门|资质\r\n"
    "001|李二|用电科|电工证；驾驶证\r\n"
    "002|王一|党群办|\r\n"
    "003|赵五|用电科|\"急救证, 高压电工证、登高证，急救证\"\r\n";
  static const char separators[] = { ',', ';', '\t' };
  const char *li_skills[] = { "电工证", "驾驶证", NULL };
  const char *zhao_skills[] = { "急救证", "高压电工证", "登高证", NULL };

  g_assert_cmpint (sw_roster_field_from_header ("资质"), ==, SW_ROSTER_FIELD_SKILLS);
  g_assert_cmpint (sw_roster_field_from_header ("技能"), ==, SW_ROSTER_FIELD_SKILLS);
  g_assert_cmpint (sw_roster_field_from_header ("技能 / 资质"), ==, SW_ROSTER_FIELD_SKILLS);
  g_assert_cmpint (sw_roster_field_from_header ("技能／资质"), ==, SW_ROSTER_FIELD_SKILLS);
  g_assert_cmpint (sw_roster_field_from_header ("SKILLS"), ==, SW_ROSTER_FIELD_SKILLS);
  g_assert_cmpint (sw_roster_field_from_header ("sKiLlS:"), ==, SW_ROSTER_FIELD_SKILLS);

  for (guint i = 0; i < G_N_ELEMENTS (separators); i++)
    {
      g_autoptr(TestOrg) org = small_org ();
      g_autoptr(SwRosterImport) import = sw_roster_import_new (org);
      g_autoptr(GBytes) bytes = fixture (roster, FIXTURE_GB18030, separators[i]);
      g_autoptr(GError) error = NULL;
      SwPerson *li = find_person (org, "李二", "用电科");
      SwPerson *wang = find_person (org, "王一", "党群办");
      const char *wang_skills[] = { "驾驶证", NULL };
      SwPerson *zhao;
      guint changed = 0;

      /* An empty cell leaves what the person holds. */
      sw_person_set_skills (wang, wang_skills);

      g_assert_true (sw_roster_import_load (import, bytes, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (sw_roster_import_get_encoding (import), ==, "GB18030");
      g_assert_cmpuint (sw_roster_import_count (import, SW_ROSTER_ROW_UPDATED), ==, 1);
      g_assert_cmpuint (sw_roster_import_count (import, SW_ROSTER_ROW_UNCHANGED), ==, 1);
      g_assert_cmpuint (sw_roster_import_count (import, SW_ROSTER_ROW_NEW), ==, 1);
      g_assert_cmpstr (sw_roster_row_get_value (row_at (import, 0), SW_ROSTER_FIELD_SKILLS), ==,
                       "电工证、驾驶证");
      g_assert_cmpstr (sw_roster_row_get_value (row_at (import, 1), SW_ROSTER_FIELD_SKILLS), ==, "");
      g_assert_cmpstr (sw_roster_row_get_value (row_at (import, 2), SW_ROSTER_FIELD_SKILLS), ==,
                       "急救证、高压电工证、登高证");
      {
        g_autofree char *shown = NULL;

        g_object_get (row_at (import, 2), "skills", &shown, NULL);
        g_assert_cmpstr (shown, ==, "急救证、高压电工证、登高证");
      }

      g_assert_true (sw_roster_import_apply (import, &changed, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (changed, ==, 2);
      zhao = find_person (org, "赵五", "用电科");
      g_assert_nonnull (zhao);
      g_assert_true (g_strv_equal (sw_person_get_skills (li), li_skills));
      g_assert_true (g_strv_equal (sw_person_get_skills (wang), wang_skills));
      g_assert_true (g_strv_equal (sw_person_get_skills (zhao), zhao_skills));

      /* Loaded again, nothing is left to change. */
      {
        g_autoptr(SwRosterImport) again = sw_roster_import_new (org);

        g_assert_true (sw_roster_import_load (again, bytes, &error));
        g_assert_no_error (error);
        g_assert_cmpuint (sw_roster_import_count (again, SW_ROSTER_ROW_UNCHANGED), ==, 3);
      }

      g_assert_true (sw_undo_stack_undo (sw_organisation_get_undo_stack (org), &error));
      g_assert_no_error (error);
      g_assert_null (sw_person_get_skills (li)[0]);
      g_assert_null (find_person (org, "赵五", "用电科"));
      g_assert_true (g_strv_equal (sw_person_get_skills (wang), wang_skills));
    }
}

/* Export → import changes nothing, in both header languages. */
static void
test_round_trip (void)
{
  static const char * const languages[] = { "en", "zh_CN" };

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      g_autoptr(TestOrg) org = small_org ();
      g_autoptr(SwRosterImport) import = sw_roster_import_new (org);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GBytes) again = NULL;
      g_autoptr(GError) error = NULL;
      const char *skills[] = { "电工证", "驾驶证 (C1)", NULL };
      guint changed = 99;

      sw_person_set_skills (find_person (org, "李二", "用电科"), skills);
      g_setenv ("LANGUAGE", languages[l], TRUE);
      bytes = sw_roster_export (org);
      g_assert_true (sw_roster_import_load (import, bytes, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (sw_roster_import_count (import, SW_ROSTER_ROW_UNCHANGED), ==, 3);
      g_assert_cmpuint (sw_roster_import_get_n_usable (import), ==, 3);
      g_assert_true (sw_roster_import_apply (import, &changed, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (changed, ==, 0);
      g_assert_false (sw_undo_stack_get_can_undo (sw_organisation_get_undo_stack (org)));

      again = sw_roster_export (org);
      g_assert_true (g_bytes_equal (bytes, again));

      /* Into an empty organisation: the same roster again. */
      {
        g_autoptr(TestOrg) empty = sw_organisation_new ();
        g_autoptr(SwRosterImport) fresh = sw_roster_import_new (empty);
        g_autoptr(GBytes) copied = NULL;

        g_assert_true (sw_roster_import_load (fresh, bytes, &error));
        g_assert_true (sw_roster_import_apply (fresh, NULL, &error));
        g_assert_no_error (error);
        copied = sw_roster_export (empty);
        g_assert_true (g_bytes_equal (bytes, copied));
        g_assert_true (g_strv_equal (sw_person_get_skills (find_person (empty, "李二", "用电科")),
                                     skills));
      }
    }

  g_setenv ("LANGUAGE", "en", TRUE);
}

static void
test_export_to_file (void)
{
  g_autoptr(TestOrg) org = small_org ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("sw-roster-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "roster.csv", NULL);
  g_autofree char *missing = g_build_filename (dir, "no", "such", "roster.csv", NULL);
  g_autoptr(GBytes) expected = sw_roster_export (org);
  g_autofree char *contents = NULL;
  gsize length;
  GStatBuf st;

  g_assert_no_error (error);
  g_assert_true (sw_roster_export_to_file (org, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpmem (contents, length, g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  g_assert_false (sw_roster_export_to_file (org, missing, &error));
  g_assert_error (error, SW_ROSTER_ERROR, SW_ROSTER_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, missing));

  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* The preview re-classifies against the organisation as it is when the
 * import is applied. */
static void
test_apply_sees_later_changes (void)
{
  g_autoptr(TestOrg) org = small_org ();
  g_autoptr(SwRosterImport) import = sw_roster_import_new (org);
  g_autoptr(GBytes) bytes = bytes_from_string ("Name,Department\nNew One,Dept X\n");
  g_autoptr(SwDepartment) dept = sw_department_new ("Dept X");
  g_autoptr(SwPerson) person = sw_person_new ("New One", dept);
  g_autoptr(GError) error = NULL;
  guint changed = 99;

  g_assert_true (sw_roster_import_load (import, bytes, &error));
  g_assert_cmpuint (sw_roster_import_count (import, SW_ROSTER_ROW_NEW), ==, 1);

  g_assert_true (sw_edit_add (org, org, "departments", dept, &error));
  g_assert_true (sw_edit_add (org, org, "people", person, &error));

  g_assert_true (sw_roster_import_apply (import, &changed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 0);
  g_assert_cmpuint (n_items (sw_organisation_get_people (org)), ==, 4);
  g_assert_cmpuint (n_items (sw_organisation_get_departments (org)), ==, 3);
}

/* What Excel writes as "Unicode Text" (UTF-16LE with a BOM, tabs) and
 * its "sep=" hint line. */
static void
test_utf16_and_sep_line (void)
{
  g_autoptr(TestOrg) org = sw_organisation_new ();
  g_autoptr(GError) error = NULL;
  gsize written = 0;
  g_autofree char *utf16 = g_convert ("姓名\t部门\r\n张三\t生技科\r\n", -1, "UTF-16LE", "UTF-8",
                                      NULL, &written, &error);
  g_autoptr(GByteArray) data = g_byte_array_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) sep_line = bytes_from_string ("sep=;\r\nName;Notes\r\nA;x,y\r\n\r\nB;\"2\r\nlines\"\r\n");
  g_autoptr(GBytes) bad_utf16 = g_bytes_new_static ("\xFF\xFE\x00\xD8", 4);
  g_autoptr(SwRosterImport) import = sw_roster_import_new (org);
  g_autoptr(SwRosterImport) hinted = sw_roster_import_new (org);
  g_autoptr(SwRosterImport) broken = sw_roster_import_new (org);

  g_assert_no_error (error);
  g_byte_array_append (data, (const guint8 *) "\xFF\xFE", 2);
  g_byte_array_append (data, (const guint8 *) utf16, written);
  bytes = g_byte_array_free_to_bytes (g_steal_pointer (&data));

  g_assert_true (sw_roster_import_load (import, bytes, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (sw_roster_import_get_encoding (import), ==, "UTF-16");
  g_assert_cmpint (sw_roster_import_get_separator (import), ==, '\t');
  g_assert_cmpstr (sw_roster_row_get_value (row_at (import, 0), SW_ROSTER_FIELD_NAME), ==, "张三");
  g_assert_cmpstr (sw_roster_row_get_value (row_at (import, 0), SW_ROSTER_FIELD_DEPARTMENT), ==, "生技科");

  g_assert_true (sw_roster_import_load (hinted, sep_line, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sw_roster_import_get_separator (hinted), ==, ';');
  g_assert_cmpuint (sw_roster_import_get_n_columns (hinted), ==, 2);
  g_assert_cmpuint (sw_roster_row_get_line (row_at (hinted, 0)), ==, 3);
  g_assert_cmpstr (sw_roster_row_get_value (row_at (hinted, 0), SW_ROSTER_FIELD_NOTES), ==, "x,y");
  g_assert_cmpuint (sw_roster_row_get_line (row_at (hinted, 1)), ==, 5);

  g_assert_false (sw_roster_import_load (broken, bad_utf16, &error));
  g_assert_error (error, SW_ROSTER_ERROR, SW_ROSTER_ERROR_ENCODING);
}

/* Through the store: the import is saved as one action, and so is its
 * undo. */
static void
test_store (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("sw-roster-store-XXXXXX", &error);
  g_autofree char *db = g_build_filename (dir, "roster.db", NULL);
  g_autoptr(GBytes) bytes = bytes_from_string ("姓名,部门,电话\n张三,生技科,1\n李四,稽审科,2\n");
  g_autoptr(GBytes) saved = NULL;

  g_assert_no_error (error);

  {
    g_autoptr(SwStore) store = sw_store_open (db, SW_STORE_OPEN_CREATE, &error);
    g_autoptr(SwRosterImport) import = NULL;

    g_assert_no_error (error);
    import = sw_roster_import_new (sw_store_get_organisation (store));
    g_assert_true (sw_roster_import_load (import, bytes, &error));
    g_assert_true (sw_roster_import_apply (import, NULL, &error));
    g_assert_no_error (error);
    saved = sw_roster_export (sw_store_get_organisation (store));
    sw_undo_stack_clear (sw_organisation_get_undo_stack (sw_store_get_organisation (store)));
  }

  {
    g_autoptr(SwStore) store = sw_store_open (db, SW_STORE_OPEN_DEFAULT, &error);
    SwOrganisation *org;
    g_autoptr(GBytes) loaded = NULL;
    g_autoptr(SwRosterImport) import = NULL;
    SwUndoStack *stack;

    g_assert_no_error (error);
    org = sw_store_get_organisation (store);
    stack = sw_organisation_get_undo_stack (org);
    loaded = sw_roster_export (org);
    g_assert_true (g_bytes_equal (saved, loaded));
    g_assert_cmpuint (n_items (sw_organisation_get_departments (org)), ==, 2);

    /* A second import, then its undo, saved too. */
    import = sw_roster_import_new (org);
    g_clear_pointer (&bytes, g_bytes_unref);
    bytes = bytes_from_string ("Name,Department,Phone\n张三,生技科,9\n王五,新科,3\n");
    g_assert_true (sw_roster_import_load (import, bytes, &error));
    g_assert_true (sw_roster_import_apply (import, NULL, &error));
    g_assert_no_error (error);
    g_assert_true (sw_undo_stack_undo (stack, &error));
    g_assert_no_error (error);
    sw_undo_stack_clear (stack);
  }

  {
    g_autoptr(SwStore) store = sw_store_open (db, SW_STORE_OPEN_DEFAULT, &error);
    g_autoptr(GBytes) loaded = NULL;

    g_assert_no_error (error);
    loaded = sw_roster_export (sw_store_get_organisation (store));
    g_assert_true (g_bytes_equal (saved, loaded));
  }

  {
    static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

    for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
      {
        g_autofree char *file = g_strconcat (db, suffixes[i], NULL);

        g_remove (file);
      }
    g_assert_cmpint (g_rmdir (dir), ==, 0);
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/roster/encodings-and-separators", test_encodings_and_separators);
  g_test_add_func ("/roster/separator-detection", test_separator_detection);
  g_test_add_func ("/roster/utf16-and-sep-line", test_utf16_and_sep_line);
  g_test_add_func ("/roster/quoted-fields", test_quoted_fields);
  g_test_add_func ("/roster/headers", test_headers);
  g_test_add_func ("/roster/column-mapping", test_column_mapping);
  g_test_add_func ("/roster/no-name-column", test_no_name_column);
  g_test_add_func ("/roster/bad-rows", test_bad_rows);
  g_test_add_func ("/roster/bad-bytes-gb18030", test_bad_bytes_gb18030);
  g_test_add_func ("/roster/unclosed-quote", test_unclosed_quote);
  g_test_add_func ("/roster/load-errors", test_load_errors);
  g_test_add_func ("/roster/match-existing", test_match_existing);
  g_test_add_func ("/roster/dry-run-and-undo", test_dry_run_and_undo);
  g_test_add_func ("/roster/nothing-to-change", test_nothing_to_change);
  g_test_add_func ("/roster/export-format", test_export_format);
  g_test_add_func ("/roster/skills-column", test_skills_column);
  g_test_add_func ("/roster/skills-gb18030", test_skills_gb18030);
  g_test_add_func ("/roster/round-trip", test_round_trip);
  g_test_add_func ("/roster/export-to-file", test_export_to_file);
  g_test_add_func ("/roster/apply-sees-later-changes", test_apply_sees_later_changes);
  g_test_add_func ("/roster/store", test_store);

  return g_test_run ();
}
