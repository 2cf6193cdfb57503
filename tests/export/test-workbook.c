/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "sw-core.h"
#include "sw-plan-file.h"
#include "sw-workbook.h"

/* Reads a workbook with openpyxl and prints, per sheet: its name, the
 * freeze pane, whether every header cell is bold, the page setup, the
 * column widths and the cell texts (merged ranges filled in). */
static const char reader_script[] =
  "import json, sys\n"
  "import openpyxl\n"
  "from openpyxl.utils import get_column_letter\n"
  "wb = openpyxl.load_workbook(sys.argv[1])\n"
  "out = []\n"
  "for ws in wb.worksheets:\n"
  "    rows = [['' if c.value is None else str(c.value) for c in row] for row in ws.iter_rows()]\n"
  "    for r in ws.merged_cells.ranges:\n"
  "        v = rows[r.min_row - 1][r.min_col - 1]\n"
  "        for i in range(r.min_row - 1, r.max_row):\n"
  "            for j in range(r.min_col - 1, r.max_col):\n"
  "                rows[i][j] = v\n"
  "    ps = ws.page_setup\n"
  "    fit = ws.sheet_properties.pageSetUpPr\n"
  "    out.append({\n"
  "        'name': ws.title,\n"
  "        'freeze': ws.freeze_panes or '',\n"
  "        'bold': all(bool(ws.cell(1, c).font.b) for c in range(1, ws.max_column + 1)),\n"
  "        'orientation': ps.orientation or '',\n"
  "        'paper': int(ps.paperSize or 0),\n"
  "        'fit_to_page': bool(fit is not None and fit.fitToPage),\n"
  "        'fit_width': int(ps.fitToWidth if ps.fitToWidth is not None else 1),\n"
  "        'fit_height': int(ps.fitToHeight if ps.fitToHeight is not None else 1),\n"
  "        'wrap': bool(ws.cell(2, 2).alignment.wrap_text) if ws.max_row > 1 else True,\n"
  "        'widths': [float(ws.column_dimensions[get_column_letter(c)].width or 0)\n"
  "                   for c in range(1, ws.max_column + 1)],\n"
  "        'rows': rows,\n"
  "    })\n"
  "json.dump(out, sys.stdout, ensure_ascii=False)\n";

typedef SwOrganisation TestOrg;

static void
test_org_free (TestOrg *org)
{
  sw_undo_stack_clear (sw_organisation_get_undo_stack (org));
  g_object_unref (org);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestOrg, test_org_free)

static int
day_of (const char *text)
{
  int day = 0;

  g_assert_true (sw_time_parse_date (text, &day, NULL));
  return day;
}

/* The sample plan with every seat of every duty filled, and an attendee
 * on the first slot. */
static SwPlan *
staffed_sample (SwOrganisation *org)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) slots = NULL;
  GListModel *people = sw_organisation_get_people (org);
  guint n_people;
  SwPlan *plan;
  guint next = 0;

  plan = sw_plan_file_new_from_template (org, "service-week", NULL,
                                         day_of ("2026-09-20"), G_MININT, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (plan);
  n_people = g_list_model_get_n_items (people);
  g_assert_cmpuint (n_people, >, 10);

  slots = sw_plan_dup_sorted_slots (plan);
  for (guint s = 0; s < slots->len; s++)
    {
      SwSlot *slot = g_ptr_array_index (slots, s);
      GListModel *duties = sw_slot_get_duties (slot);

      for (guint d = 0; d < g_list_model_get_n_items (duties); d++)
        {
          g_autoptr(SwDuty) duty = g_list_model_get_item (duties, d);

          while (sw_slot_count_duty (slot, duty) < sw_duty_get_count (duty))
            {
              g_autoptr(SwPerson) person = NULL;
              guint tries = 0;

              /* The next person not yet on the slot, of the duty's
               * department when it has one there. */
              for (;;)
                {
                  g_clear_object (&person);
                  person = g_list_model_get_item (people, next++ % n_people);
                  tries++;
                  if (sw_slot_find_assignment (slot, person) != NULL)
                    continue;
                  if (sw_duty_get_department (duty) == NULL || tries > n_people ||
                      sw_person_get_department (person) == sw_duty_get_department (duty))
                    break;
                }

              g_assert_true (sw_edit_assign (org, slot, person, duty, &error));
              g_assert_no_error (error);
            }
        }
    }

  {
    SwSlot *first = g_ptr_array_index (slots, 0);

    for (guint i = 0; i < n_people; i++)
      {
        g_autoptr(SwPerson) person = g_list_model_get_item (people, i);

        if (sw_slot_find_assignment (first, person) == NULL)
          {
            g_assert_true (sw_edit_assign (org, first, person, NULL, &error));
            g_assert_no_error (error);
            break;
          }
      }
  }

  return plan;
}

static JsonArray *
read_workbook (const char *path,
               JsonParser *parser)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = 0;
  const char *argv[] = { "/usr/bin/python3", "-c", reader_script, path, NULL };

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT,
                               NULL, NULL, &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("openpyxl could not read %s: %s", path, err);

  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  g_assert_no_error (error);

  return json_node_get_array (json_parser_get_root (parser));
}

static const char *
cell (JsonArray *rows,
      guint      row,
      guint      col)
{
  JsonArray *cells = json_array_get_array_element (rows, row);

  return col < json_array_get_length (cells) ? json_array_get_string_element (cells, col) : "";
}

static JsonObject *
find_sheet (JsonArray  *sheets,
            const char *name)
{
  for (guint i = 0; i < json_array_get_length (sheets); i++)
    {
      JsonObject *sheet = json_array_get_object_element (sheets, i);

      if (g_str_equal (json_object_get_string_member (sheet, "name"), name))
        return sheet;
    }

  return NULL;
}

static void
check_sheet_setup (JsonObject *sheet)
{
  g_assert_cmpstr (json_object_get_string_member (sheet, "freeze"), ==, "A2");
  g_assert_true (json_object_get_boolean_member (sheet, "bold"));
  g_assert_cmpstr (json_object_get_string_member (sheet, "orientation"), ==, "landscape");
  g_assert_cmpint (json_object_get_int_member (sheet, "paper"), ==, 9);
  g_assert_true (json_object_get_boolean_member (sheet, "fit_to_page"));
  g_assert_cmpint (json_object_get_int_member (sheet, "fit_width"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (sheet, "fit_height"), ==, 0);
  g_assert_true (json_object_get_boolean_member (sheet, "wrap"));
}

static void
check_workbook (const char *language,
                const char *first_sheet,
                const char *attendee,
                const char *people_sheet)
{
  g_autoptr(TestOrg) org = sw_organisation_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("sw-workbook-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "roles.xlsx", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) slots = NULL;
  g_autoptr(GDir) listing = NULL;
  JsonArray *sheets;
  JsonObject *people;
  JsonArray *people_rows;
  SwPlan *plan;
  guint n_days;
  guint checked = 0;

  g_setenv ("LANGUAGE", language, TRUE);
  g_assert_no_error (error);
  plan = staffed_sample (org);

  g_assert_true (sw_workbook_write_roles (org, plan, path, &error));
  g_assert_no_error (error);

  /* Only the workbook is left in the folder (no temporary file). */
  listing = g_dir_open (dir, 0, NULL);
  g_assert_cmpstr (g_dir_read_name (listing), ==, "roles.xlsx");
  g_assert_null (g_dir_read_name (listing));

  sheets = read_workbook (path, parser);
  n_days = sw_plan_get_last_day (plan) - sw_plan_get_first_day (plan) + 1;
  g_assert_cmpuint (n_days, ==, 7);
  /* One sheet per day, then the people. */
  g_assert_cmpuint (json_array_get_length (sheets), ==, n_days + 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (sheets, 0), "name"),
                   ==, first_sheet);
  for (guint d = 0; d < n_days; d++)
    {
      g_autofree char *name = sw_workbook_day_sheet_name (sw_plan_get_first_day (plan) + d);
      JsonObject *sheet = json_array_get_object_element (sheets, d);

      g_assert_cmpstr (json_object_get_string_member (sheet, "name"), ==, name);
      check_sheet_setup (sheet);
    }

  people = json_array_get_object_element (sheets, n_days);
  g_assert_cmpstr (json_object_get_string_member (people, "name"), ==, people_sheet);
  check_sheet_setup (people);

  /* Every assignment is on its day's sheet: activity, duty, name, phone. */
  slots = sw_plan_dup_sorted_slots (plan);
  for (guint s = 0; s < slots->len; s++)
    {
      SwSlot *slot = g_ptr_array_index (slots, s);
      g_autofree char *name = sw_workbook_day_sheet_name (sw_time_day_of (sw_slot_get_start (slot)));
      JsonObject *sheet = find_sheet (sheets, name);
      JsonArray *rows = json_object_get_array_member (sheet, "rows");
      JsonArray *widths = json_object_get_array_member (sheet, "widths");
      GListModel *assignments = sw_slot_get_assignments (slot);
      guint title_width = sw_workbook_text_width (sw_slot_get_title (slot));

      /* The activity column is wide enough for the title (up to the cap). */
      g_assert_cmpfloat (json_array_get_double_element (widths, 1), >=, MIN (title_width, 46));

      for (guint a = 0; a < g_list_model_get_n_items (assignments); a++)
        {
          g_autoptr(SwAssignment) assignment = g_list_model_get_item (assignments, a);
          SwPerson *person = sw_assignment_get_person (assignment);
          SwDuty *duty = sw_assignment_get_duty (assignment);
          const char *duty_name = duty != NULL ? sw_duty_get_name (duty) : attendee;
          gboolean found = FALSE;

          for (guint r = 1; r < json_array_get_length (rows) && !found; r++)
            found = g_str_equal (cell (rows, r, 1), sw_slot_get_title (slot)) &&
                    g_str_has_prefix (cell (rows, r, 4), duty_name) &&
                    g_str_equal (cell (rows, r, 5), sw_person_get_name (person)) &&
                    g_str_equal (cell (rows, r, 7), sw_person_get_phone (person));

          if (!found)
            g_error ("%s: %s / %s / %s is missing", name, sw_slot_get_title (slot),
                     duty_name, sw_person_get_name (person));
          checked++;
        }
    }
  g_assert_cmpuint (checked, >, 20);

  /* The people sheet holds the whole roster. */
  people_rows = json_object_get_array_member (people, "rows");
  g_assert_cmpuint (json_array_get_length (people_rows), ==,
                    g_list_model_get_n_items (sw_organisation_get_people (org)) + 1);

  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
  g_setenv ("LANGUAGE", "en", TRUE);
}

/* The people sheet lists each department's people in the plan's name
 * order: 公司领导 by pinyin is feng, sun, wu, zheng, zhou (the roster has
 * 周 first), and a duty's people are in that order on their day. */
static void
test_workbook_name_order (void)
{
  const char *by_pinyin[] = { "冯丽君", "孙立平", "吴志华", "郑海涛", "周建国" };
  g_autoptr(TestOrg) org = sw_organisation_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("sw-workbook-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "roles.xlsx", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *sheets, *rows;
  SwPlan *plan;
  guint found = 0;

  g_assert_no_error (error);
  plan = staffed_sample (org);
  sw_plan_set_name_order (plan, SW_NAME_ORDER_PINYIN);
  g_assert_true (sw_workbook_write_roles (org, plan, path, &error));
  g_assert_no_error (error);

  sheets = read_workbook (path, parser);
  rows = json_object_get_array_member (find_sheet (sheets, "People"), "rows");
  for (guint r = 1; r < json_array_get_length (rows); r++)
    if (g_str_equal (cell (rows, r, 1), "公司领导"))
      {
        g_assert_cmpuint (found, <, G_N_ELEMENTS (by_pinyin));
        g_assert_cmpstr (cell (rows, r, 0), ==, by_pinyin[found]);
        found++;
      }
  g_assert_cmpuint (found, ==, G_N_ELEMENTS (by_pinyin));

  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_workbook_chinese (void)
{
  check_workbook ("zh_CN", "9月20日 星期日", "参加", "人员");
}

static void
test_workbook_english (void)
{
  check_workbook ("en", "Sun 20 Sep", "Attendee", "People");
}

static void
test_write_error (void)
{
  g_autoptr(TestOrg) org = sw_organisation_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SwPlan) plan = sw_plan_new ("Empty", day_of ("2026-09-20"), day_of ("2026-09-20"), NULL);
  g_autofree char *dir = g_dir_make_tmp ("sw-workbook-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "missing", "roles.xlsx", NULL);

  g_assert_false (sw_workbook_write_roles (org, plan, path, &error));
  g_assert_error (error, SW_WORKBOOK_ERROR, SW_WORKBOOK_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_sheet_names (void)
{
  g_autofree char *long_name = NULL;
  g_autofree char *cleaned = NULL;

  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  {
    g_autofree char *name = sw_workbook_day_sheet_name (day_of ("2026-09-23"));

    g_assert_cmpstr (name, ==, "9月23日 星期三");
  }
  g_setenv ("LANGUAGE", "en", TRUE);
  {
    g_autofree char *name = sw_workbook_day_sheet_name (day_of ("2026-09-23"));

    g_assert_cmpstr (name, ==, "Wed 23 Sep");
  }

  cleaned = sw_workbook_clean_sheet_name ("a[b]:c*d?e/f\\g");
  g_assert_cmpstr (cleaned, ==, "a_b__c_d_e_f_g");
  g_clear_pointer (&cleaned, g_free);
  cleaned = sw_workbook_clean_sheet_name ("'quoted'");
  g_assert_cmpstr (cleaned, ==, "quoted");
  g_clear_pointer (&cleaned, g_free);
  cleaned = sw_workbook_clean_sheet_name ("");
  g_assert_cmpstr (cleaned, ==, "_");
  g_clear_pointer (&cleaned, g_free);

  long_name = g_strnfill (40, 'x');
  cleaned = sw_workbook_clean_sheet_name (long_name);
  g_assert_cmpuint (strlen (cleaned), ==, 31);
  g_clear_pointer (&cleaned, g_free);
  cleaned = sw_workbook_clean_sheet_name ("服务周服务周服务周服务周服务周服务周服务周服务周服务周服务周服务周");
  g_assert_cmpint (g_utf8_strlen (cleaned, -1), ==, 31);
}

static void
test_text_width (void)
{
  g_assert_cmpuint (sw_workbook_text_width (""), ==, 0);
  g_assert_cmpuint (sw_workbook_text_width ("abc"), ==, 3);
  g_assert_cmpuint (sw_workbook_text_width ("服务周"), ==, 6);
  g_assert_cmpuint (sw_workbook_text_width ("09:00 广场服务台"), ==, 16);
  g_assert_cmpuint (sw_workbook_text_width ("ab\n服务台\nc"), ==, 6);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/workbook/sheet-names", test_sheet_names);
  g_test_add_func ("/workbook/text-width", test_text_width);
  g_test_add_func ("/workbook/chinese", test_workbook_chinese);
  g_test_add_func ("/workbook/english", test_workbook_english);
  g_test_add_func ("/workbook/name-order", test_workbook_name_order);
  g_test_add_func ("/workbook/write-error", test_write_error);

  return g_test_run ();
}
