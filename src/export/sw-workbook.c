/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <xlsxwriter.h>

#include "sw-name-order.h"
#include "sw-roster-export.h"
#include "sw-workbook.h"

#define MAX_SHEET_NAME   31
#define MIN_COLUMN_WIDTH 6
#define MAX_COLUMN_WIDTH 48
#define PAPER_A4         9

G_DEFINE_QUARK (sw-workbook-error-quark, sw_workbook_error)

/* Chinese or English, as the CSV roster chooses (see sw_roster_use_chinese). */
#define TEXT(en, zh) (sw_roster_use_chinese () ? (zh) : _(en))

enum {
  COL_TIME,
  COL_ACTIVITY,
  COL_PLACE,
  COL_ORGANISERS,
  COL_DUTY,
  COL_NAME,
  COL_DEPARTMENT,
  COL_PHONE,
  N_DAY_COLUMNS
};

enum {
  PCOL_NAME,
  PCOL_DEPARTMENT,
  PCOL_TITLE,
  PCOL_PHONE,
  PCOL_EMAIL,
  PCOL_DUTIES,
  N_PEOPLE_COLUMNS
};

#define N_MAX_COLUMNS MAX ((int) N_DAY_COLUMNS, (int) N_PEOPLE_COLUMNS)

/* One worksheet being written, with the widths its columns need. */
typedef struct
{
  lxw_worksheet *sheet;
  guint          widths[N_MAX_COLUMNS];
  guint          n_columns;
  lxw_row_t      row;
} Sheet;

typedef struct
{
  lxw_workbook *workbook;
  lxw_format   *header;
  lxw_format   *cell;
  GHashTable   *sheet_names;   /* case-folded names in use */
  char         *page_header;
} Writer;

guint
sw_workbook_text_width (const char *text)
{
  guint widest = 0;
  guint width = 0;

  g_return_val_if_fail (text != NULL, 0);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\n')
        {
          widest = MAX (widest, width);
          width = 0;
        }
      else if (g_unichar_iswide (c))
        width += 2;
      else if (!g_unichar_iszerowidth (c))
        width += 1;
    }

  return MAX (widest, width);
}

char *
sw_workbook_clean_sheet_name (const char *name)
{
  g_autoptr(GString) clean = g_string_new (NULL);
  guint n = 0;

  g_return_val_if_fail (name != NULL, NULL);

  for (const char *p = name; *p != '\0' && n < MAX_SHEET_NAME; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);

      if (strchr ("[]:*?/\\", (int) c) != NULL && c < 0x80)
        c = '_';
      else if (g_unichar_iscntrl (c))
        c = ' ';
      g_string_append_unichar (clean, c);
    }

  while (clean->len > 0 && clean->str[0] == '\'')
    g_string_erase (clean, 0, 1);
  while (clean->len > 0 && clean->str[clean->len - 1] == '\'')
    g_string_truncate (clean, clean->len - 1);

  if (clean->len == 0)
    g_string_assign (clean, "_");

  return g_string_free (g_steal_pointer (&clean), FALSE);
}

char *
sw_workbook_day_sheet_name (int day)
{
  static const char * const weekdays_zh[] = { "一", "二", "三", "四", "五", "六", "日" };
  static const char * const weekdays_en[] = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };
  static const char * const months_en[] = {
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
  };
  int year, month, mday;
  int weekday = sw_time_weekday (day);

  sw_time_to_ymd (day, &year, &month, &mday);

  if (sw_roster_use_chinese ())
    return g_strdup_printf ("%d月%d日 星期%s", month, mday, weekdays_zh[weekday - 1]);

  return g_strdup_printf ("%s %d %s", weekdays_en[weekday - 1], mday, months_en[month - 1]);
}

/* A sheet name not used yet in the workbook ("… (2)" when needed). */
static char *
unique_sheet_name (Writer     *writer,
                   const char *wanted)
{
  g_autofree char *base = sw_workbook_clean_sheet_name (wanted);

  for (guint i = 1; ; i++)
    {
      g_autofree char *name = NULL;
      g_autofree char *folded = NULL;

      if (i == 1)
        name = g_strdup (base);
      else
        {
          g_autofree char *suffix = g_strdup_printf (" (%u)", i);
          glong room = MAX_SHEET_NAME - g_utf8_strlen (suffix, -1);
          g_autofree char *start = g_utf8_substring (base, 0, MIN (room, g_utf8_strlen (base, -1)));

          name = g_strconcat (start, suffix, NULL);
        }

      folded = g_utf8_casefold (name, -1);
      if (!g_hash_table_contains (writer->sheet_names, folded))
        {
          g_hash_table_add (writer->sheet_names, g_steal_pointer (&folded));
          return g_steal_pointer (&name);
        }
    }
}

static void
sheet_write (Sheet      *sheet,
             lxw_row_t   row,
             lxw_col_t   col,
             const char *text,
             lxw_format *format)
{
  if (text != NULL && *text != '\0')
    worksheet_write_string (sheet->sheet, row, col, text, format);
  else
    worksheet_write_blank (sheet->sheet, row, col, format);

  if (text != NULL)
    sheet->widths[col] = MAX (sheet->widths[col], sw_workbook_text_width (text));
}

/* Writes @text into rows first … last of @col, merged when more than one. */
static void
sheet_write_span (Sheet      *sheet,
                  lxw_row_t   first,
                  lxw_row_t   last,
                  lxw_col_t   col,
                  const char *text,
                  lxw_format *format)
{
  if (last > first)
    {
      worksheet_merge_range (sheet->sheet, first, col, last, col, text, format);
      sheet->widths[col] = MAX (sheet->widths[col], sw_workbook_text_width (text));
    }
  else
    sheet_write (sheet, first, col, text, format);
}

static Sheet
begin_sheet (Writer             *writer,
             const char         *wanted_name,
             const char * const *headers,
             guint               n_columns)
{
  g_autofree char *name = unique_sheet_name (writer, wanted_name);
  Sheet sheet = { 0 };

  sheet.sheet = workbook_add_worksheet (writer->workbook, name);
  sheet.n_columns = n_columns;

  for (guint c = 0; c < n_columns; c++)
    sheet_write (&sheet, 0, c, headers[c], writer->header);
  sheet.row = 1;

  worksheet_freeze_panes (sheet.sheet, 1, 0);
  worksheet_repeat_rows (sheet.sheet, 0, 0);
  worksheet_set_landscape (sheet.sheet);
  worksheet_set_paper (sheet.sheet, PAPER_A4);
  worksheet_fit_to_pages (sheet.sheet, 1, 0);
  worksheet_set_margins (sheet.sheet, 0.5, 0.5, 0.75, 0.6);
  if (writer->page_header != NULL)
    worksheet_set_header (sheet.sheet, writer->page_header);

  return sheet;
}

static void
end_sheet (Writer *writer,
           Sheet  *sheet)
{
  for (guint c = 0; c < sheet->n_columns; c++)
    {
      guint width = CLAMP (sheet->widths[c] + 2, MIN_COLUMN_WIDTH, MAX_COLUMN_WIDTH);

      worksheet_set_column (sheet->sheet, c, c, width, writer->cell);
    }
}

/* "09:00–11:00", or "09:00 – 9/26 17:00" when the slot ends on another day. */
static char *
slot_time_text (SwSlot *slot)
{
  gint64 start = sw_slot_get_start (slot);
  gint64 end = sw_slot_get_end (slot);
  g_autofree char *from = sw_time_format_hm (start);
  g_autofree char *to = sw_time_format_hm (end);
  int year, month, mday;

  /* An end at midnight belongs to the day before. */
  if (sw_time_day_of (end - 1) == sw_time_day_of (start))
    return g_strdup_printf ("%s–%s", from, to);

  sw_time_to_ymd (sw_time_day_of (end), &year, &month, &mday);
  return g_strdup_printf ("%s – %d/%d %s", from, month, mday, to);
}

static const char *
person_department_name (SwPerson *person)
{
  SwDepartment *department = person != NULL ? sw_person_get_department (person) : NULL;

  return department != NULL ? sw_department_get_name (department) : "";
}

/* One seat of a duty, or an attendee: the duty and the person (NULL: an
 * empty seat). */
typedef struct
{
  const char *duty;
  SwPerson   *person;
  guint       group;   /* rows of one duty share a group */
} Seat;

/* The people of each duty, and the attendees, in the plan's name order. */
static GArray *
slot_seats (SwSlot      *slot,
            SwNameOrder  order,
            GPtrArray   *keep)
{
  g_autoptr(GPtrArray) attendees = g_ptr_array_new ();
  GArray *seats = g_array_new (FALSE, TRUE, sizeof (Seat));
  GListModel *duties = sw_slot_get_duties (slot);
  GListModel *assignments = sw_slot_get_assignments (slot);
  guint n = g_list_model_get_n_items (duties);
  guint group = 0;

  for (guint i = 0; i < n; i++, group++)
    {
      g_autoptr(SwDuty) duty = g_list_model_get_item (duties, i);
      g_autoptr(GPtrArray) people = sw_slot_dup_duty_people (slot, duty);
      guint count = sw_duty_get_count (duty);
      char *label;

      sw_name_order_sort_people (people, order);
      if (count > 1)
        label = g_strdup_printf ("%s ×%u", sw_duty_get_name (duty), count);
      else
        label = g_strdup (sw_duty_get_name (duty));
      g_ptr_array_add (keep, label);

      for (guint j = 0; j < MAX (count, people->len); j++)
        {
          Seat seat = { label, j < people->len ? g_ptr_array_index (people, j) : NULL, group };

          g_array_append_val (seats, seat);
        }
    }

  n = g_list_model_get_n_items (assignments);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwAssignment) assignment = g_list_model_get_item (assignments, i);

      if (sw_assignment_get_duty (assignment) == NULL)
        g_ptr_array_add (attendees, sw_assignment_get_person (assignment));
    }
  sw_name_order_sort_people (attendees, order);
  for (guint i = 0; i < attendees->len; i++)
    {
      Seat seat = { TEXT ("Attendee", "参加"), attendees->pdata[i], group };

      g_array_append_val (seats, seat);
    }

  if (seats->len == 0)
    {
      Seat seat = { "", NULL, group };

      g_array_append_val (seats, seat);
    }

  return seats;
}

static void
write_day (Writer      *writer,
           int          day,
           SwNameOrder  order,
           GPtrArray   *slots)
{
  const char *headers[N_DAY_COLUMNS] = {
    TEXT ("Time", "时间"),
    TEXT ("Activity", "活动"),
    TEXT ("Place", "地点"),
    TEXT ("Organising departments", "组织部门"),
    TEXT ("Duty", "分工"),
    TEXT ("Name", "姓名"),
    TEXT ("Department", "部门"),
    TEXT ("Phone", "电话"),
  };
  g_autofree char *name = sw_workbook_day_sheet_name (day);
  Sheet sheet = begin_sheet (writer, name, headers, N_DAY_COLUMNS);

  for (guint i = 0; i < slots->len; i++)
    {
      SwSlot *slot = g_ptr_array_index (slots, i);
      g_autoptr(GPtrArray) keep = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GArray) seats = slot_seats (slot, order, keep);
      g_autofree char *time = slot_time_text (slot);
      g_autofree char *organisers = sw_department_join_names (sw_slot_get_organisers (slot),
                                                                   sw_roster_use_chinese () ? "、" : ", ");
      lxw_row_t first = sheet.row;
      lxw_row_t last = sheet.row + seats->len - 1;
      guint start = 0;

      sheet_write_span (&sheet, first, last, COL_TIME, time, writer->cell);
      sheet_write_span (&sheet, first, last, COL_ACTIVITY, sw_slot_get_title (slot), writer->cell);
      sheet_write_span (&sheet, first, last, COL_PLACE, sw_slot_get_location (slot), writer->cell);
      sheet_write_span (&sheet, first, last, COL_ORGANISERS, organisers, writer->cell);

      for (guint s = 0; s < seats->len; s++)
        {
          Seat *seat = &g_array_index (seats, Seat, s);

          if (s + 1 == seats->len || g_array_index (seats, Seat, s + 1).group != seat->group)
            {
              sheet_write_span (&sheet, first + start, first + s, COL_DUTY, seat->duty, writer->cell);
              start = s + 1;
            }

          sheet_write (&sheet, first + s, COL_NAME,
                       seat->person != NULL ? sw_person_get_name (seat->person) : "", writer->cell);
          sheet_write (&sheet, first + s, COL_DEPARTMENT,
                       person_department_name (seat->person), writer->cell);
          sheet_write (&sheet, first + s, COL_PHONE,
                       seat->person != NULL ? sw_person_get_phone (seat->person) : "", writer->cell);
        }

      sheet.row = last + 1;
    }

  end_sheet (writer, &sheet);
}

/* Each person's duties in the plan, "9/23 09:00 广场服务台 · 受理报装/咨询". */
static GHashTable *
collect_duties (GPtrArray *sorted_slots)
{
  GHashTable *duties = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);

  for (guint i = 0; i < sorted_slots->len; i++)
    {
      SwSlot *slot = g_ptr_array_index (sorted_slots, i);
      GListModel *assignments = sw_slot_get_assignments (slot);
      guint n = g_list_model_get_n_items (assignments);
      int year, month, mday;
      g_autofree char *hm = sw_time_format_hm (sw_slot_get_start (slot));

      sw_time_to_ymd (sw_time_day_of (sw_slot_get_start (slot)), &year, &month, &mday);

      for (guint j = 0; j < n; j++)
        {
          g_autoptr(SwAssignment) assignment = g_list_model_get_item (assignments, j);
          SwPerson *person = sw_assignment_get_person (assignment);
          SwDuty *duty = sw_assignment_get_duty (assignment);
          GPtrArray *list = g_hash_table_lookup (duties, person);

          if (list == NULL)
            {
              list = g_ptr_array_new_with_free_func (g_free);
              g_hash_table_insert (duties, person, list);
            }

          g_ptr_array_add (list, g_strdup_printf ("%d/%d %s %s · %s", month, mday, hm,
                                                  sw_slot_get_title (slot),
                                                  duty != NULL ? sw_duty_get_name (duty)
                                                               : TEXT ("Attendee", "参加")));
        }
    }

  return duties;
}

static void
write_person (Writer     *writer,
              Sheet      *sheet,
              SwPerson   *person,
              GHashTable *duties)
{
  GPtrArray *list = g_hash_table_lookup (duties, person);
  g_autofree char *joined = NULL;

  if (list != NULL)
    {
      g_ptr_array_add (list, NULL);
      joined = g_strjoinv ("\n", (char **) list->pdata);
      g_ptr_array_set_size (list, list->len - 1);
    }

  sheet_write (sheet, sheet->row, PCOL_NAME, sw_person_get_name (person), writer->cell);
  sheet_write (sheet, sheet->row, PCOL_DEPARTMENT, person_department_name (person), writer->cell);
  sheet_write (sheet, sheet->row, PCOL_TITLE, sw_person_get_title (person), writer->cell);
  sheet_write (sheet, sheet->row, PCOL_PHONE, sw_person_get_phone (person), writer->cell);
  sheet_write (sheet, sheet->row, PCOL_EMAIL, sw_person_get_email (person), writer->cell);
  sheet_write (sheet, sheet->row, PCOL_DUTIES, joined != NULL ? joined : "", writer->cell);
  sheet->row++;
}

/* By department as the roster has them, each department's people (and
 * then those of none) in the plan's name order. */
static void
write_people (Writer         *writer,
              SwOrganisation *org,
              SwNameOrder     order,
              GPtrArray      *sorted_slots)
{
  g_autoptr(GPtrArray) without = g_ptr_array_new_with_free_func (g_object_unref);
  const char *headers[N_PEOPLE_COLUMNS] = {
    TEXT ("Name", "姓名"),
    TEXT ("Department", "部门"),
    TEXT ("Title", "职务"),
    TEXT ("Phone", "电话"),
    TEXT ("E-mail", "邮箱"),
    TEXT ("Duties", "分工"),
  };
  g_autoptr(GHashTable) duties = collect_duties (sorted_slots);
  Sheet sheet = begin_sheet (writer, TEXT ("People", "人员"), headers, N_PEOPLE_COLUMNS);
  GListModel *departments = sw_organisation_get_departments (org);
  GListModel *people = sw_organisation_get_people (org);
  guint n;

  n = g_list_model_get_n_items (departments);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwDepartment) department = g_list_model_get_item (departments, i);
      g_autoptr(GPtrArray) members = sw_organisation_dup_department_people (org, department);

      sw_name_order_sort_people (members, order);
      for (guint j = 0; j < members->len; j++)
        write_person (writer, &sheet, g_ptr_array_index (members, j), duties);
    }

  n = g_list_model_get_n_items (people);
  for (guint i = 0; i < n; i++)
    {
      SwPerson *person = g_list_model_get_item (people, i);

      if (sw_person_get_department (person) == NULL)
        g_ptr_array_add (without, person);
      else
        g_object_unref (person);
    }
  sw_name_order_sort_people (without, order);
  for (guint i = 0; i < without->len; i++)
    write_person (writer, &sheet, without->pdata[i], duties);

  end_sheet (writer, &sheet);
}

/* "&C" + the plan title in bold, with "&" doubled (the header codes). */
static char *
page_header_for (SwPlan *plan)
{
  g_autoptr(GString) text = g_string_new ("&C&\"-,Bold\"");
  g_autofree char *title = g_utf8_substring (sw_plan_get_title (plan), 0,
                                             MIN (80, g_utf8_strlen (sw_plan_get_title (plan), -1)));

  for (const char *p = title; *p != '\0'; p++)
    {
      if (*p == '&')
        g_string_append_c (text, '&');
      if (*p != '\n' && *p != '\r')
        g_string_append_c (text, *p);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Creates the empty file beside @path (in @dir) that the workbook is
 * written to before it replaces @path; returns its path, or NULL. */
static char *
create_temporary_beside (const char  *path,
                         const char  *dir,
                         GError     **error)
{
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *tmp_path = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  int fd;

  fd = g_mkstemp_full (tmp_path, O_RDWR, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, SW_WORKBOOK_ERROR, SW_WORKBOOK_ERROR_WRITE,
                   _("Cannot write %s: %s"), path, g_strerror (saved_errno));
      return NULL;
    }
  close (fd);

  return g_steal_pointer (&tmp_path);
}

/* The formats of the header row and of the other cells. */
static void
writer_add_formats (Writer *writer)
{
  writer->header = workbook_add_format (writer->workbook);
  format_set_bold (writer->header);
  format_set_text_wrap (writer->header);
  format_set_align (writer->header, LXW_ALIGN_CENTER);
  format_set_align (writer->header, LXW_ALIGN_VERTICAL_CENTER);
  format_set_bg_color (writer->header, 0xD9E2F3);
  format_set_border (writer->header, LXW_BORDER_THIN);

  writer->cell = workbook_add_format (writer->workbook);
  format_set_text_wrap (writer->cell);
  format_set_align (writer->cell, LXW_ALIGN_VERTICAL_CENTER);
  format_set_border (writer->cell, LXW_BORDER_THIN);
}

static void
writer_set_properties (Writer *writer,
                       SwPlan *plan)
{
  lxw_doc_properties doc = { 0 };

  doc.title = (char *) sw_plan_get_title (plan);
  doc.subject = (char *) TEXT ("Role assignment sheet", "人员分工表");
  workbook_set_properties (writer->workbook, &doc);
}

/* One worksheet per day, each with the slots starting on that day. */
static void
write_days (Writer    *writer,
            SwPlan    *plan,
            GPtrArray *sorted_slots)
{
  /* Every day of the plan, and any other day a slot starts on. */
  g_autoptr(GArray) days = sw_plan_dup_days (plan, G_MAXINT);

  for (guint d = 0; d < days->len; d++)
    {
      int day = g_array_index (days, int, d);
      g_autoptr(GPtrArray) slots = g_ptr_array_new ();

      for (guint i = 0; i < sorted_slots->len; i++)
        {
          SwSlot *slot = g_ptr_array_index (sorted_slots, i);

          if (sw_time_day_of (sw_slot_get_start (slot)) == day)
            g_ptr_array_add (slots, slot);
        }

      write_day (writer, day, sw_plan_get_name_order (plan), slots);
    }
}

/* Puts the closed workbook at @tmp_path in the place of @path, or removes
 * it when closing failed with @status. */
static gboolean
move_into_place (lxw_error    status,
                 const char  *tmp_path,
                 const char  *path,
                 GError     **error)
{
  if (status != LXW_NO_ERROR)
    {
      g_unlink (tmp_path);
      g_set_error (error, SW_WORKBOOK_ERROR, SW_WORKBOOK_ERROR_WRITE,
                   _("Cannot write %s: %s"), path, lxw_strerror (status));
      return FALSE;
    }

  if (g_rename (tmp_path, path) != 0)
    {
      int saved_errno = errno;

      g_unlink (tmp_path);
      g_set_error (error, SW_WORKBOOK_ERROR, SW_WORKBOOK_ERROR_WRITE,
                   _("Cannot write %s: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

gboolean
sw_workbook_write_roles (SwOrganisation  *org,
                         SwPlan          *plan,
                         const char      *path,
                         GError         **error)
{
  g_autoptr(GPtrArray) sorted = NULL;
  g_autofree char *tmp_path = NULL;
  g_autofree char *dir = NULL;
  lxw_workbook_options options = { 0 };
  Writer writer = { 0 };
  lxw_error status;

  g_return_val_if_fail (SW_IS_ORGANISATION (org), FALSE);
  g_return_val_if_fail (SW_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  dir = g_path_get_dirname (path);
  tmp_path = create_temporary_beside (path, dir, error);
  if (tmp_path == NULL)
    return FALSE;

  options.tmpdir = dir;
  writer.workbook = workbook_new_opt (tmp_path, &options);
  if (writer.workbook == NULL)
    {
      g_unlink (tmp_path);
      g_set_error (error, SW_WORKBOOK_ERROR, SW_WORKBOOK_ERROR_WRITE,
                   _("Cannot write %s"), path);
      return FALSE;
    }

  writer.sheet_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  writer.page_header = page_header_for (plan);
  writer_add_formats (&writer);
  writer_set_properties (&writer, plan);

  sorted = sw_plan_dup_sorted_slots (plan);
  write_days (&writer, plan, sorted);
  write_people (&writer, org, sw_plan_get_name_order (plan), sorted);

  status = workbook_close (writer.workbook);
  g_hash_table_unref (writer.sheet_names);
  g_free (writer.page_header);

  return move_into_place (status, tmp_path, path, error);
}
