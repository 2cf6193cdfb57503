/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sw-name-order.h"
#include "sw-sheet-private.h"

/* The role assignment sheet (人员分工表): the plan's header, the
 * committees, one table per day (time · activity · place · organising
 * departments · duty → people) and the tasks. */

#define GREY_SPAN "<span foreground=\"#5f6368\">"
#define OPEN_SPAN "<span foreground=\"#a61b1b\" style=\"italic\">"

enum { COL_TIME, COL_ACTIVITY, COL_PLACE, COL_ORGANISERS, COL_DUTY, COL_PEOPLE, N_COLS };

static const double roles_fractions[N_COLS] = { 0.09, 0.19, 0.12, 0.12, 0.14, 0.34 };

typedef struct
{
  PangoLayout *duty;
  PangoLayout *people;
  double       height;
} SubRow;

static void
column_widths (SheetBuilder *b,
               const double *fractions,
               guint         n,
               double       *widths)
{
  double used = 0;

  for (guint i = 0; i + 1 < n; i++)
    {
      widths[i] = SHEET_FLOOR (b->width * fractions[i]);
      used += widths[i];
    }
  widths[n - 1] = b->width - used;
}

static char *
person_line_markup (SwPerson *person)
{
  SwDepartment *dept = sw_person_get_department (person);
  GString *rest = g_string_new (NULL);
  g_autofree char *rest_text = NULL;

  if (dept != NULL && sw_department_get_name (dept)[0] != '\0')
    g_string_append (rest, sw_department_get_name (dept));
  if (sw_person_get_phone (person)[0] != '\0')
    {
      if (rest->len > 0)
        g_string_append (rest, "  ");
      g_string_append (rest, sw_person_get_phone (person));
    }
  rest_text = g_string_free (rest, FALSE);

  if (rest_text[0] == '\0')
    return g_markup_printf_escaped ("<b><span allow_breaks=\"false\">%s</span></b>", sw_person_get_name (person));

  return g_markup_printf_escaped ("<b><span allow_breaks=\"false\">%s</span></b>  " GREY_SPAN "%s</span>",
                                  sw_person_get_name (person), rest_text);
}

static char *
activity_markup (SwSlot *slot)
{
  GString *s = g_string_new (NULL);
  GListModel *targets = sw_slot_get_visit_targets (slot);
  guint n_targets = g_list_model_get_n_items (targets);
  g_autofree char *head = NULL;

  head = g_markup_printf_escaped ("<b>%s</b>\n<span size=\"smaller\" foreground=\"#5f6368\">%s</span>",
                                  sw_slot_get_title (slot),
                                  sw_slot_kind_get_label (sw_slot_get_kind (slot)));
  g_string_append (s, head);
  if (sw_slot_get_description (slot)[0] != '\0')
    {
      g_autofree char *desc = g_markup_printf_escaped ("\n<span size=\"smaller\">%s</span>",
                                                       sw_slot_get_description (slot));
      g_string_append (s, desc);
    }
  for (guint i = 0; i < n_targets; i++)
    {
      g_autoptr(SwVisitTarget) target = g_list_model_get_item (targets, i);
      GString *line = g_string_new (sw_visit_target_get_name (target));
      g_autofree char *escaped = NULL;
      const char *parts[] = {
        sw_visit_target_get_address (target),
        sw_visit_target_get_contact (target),
        sw_visit_target_get_phone (target),
      };

      for (guint k = 0; k < G_N_ELEMENTS (parts); k++)
        if (parts[k][0] != '\0')
          {
            g_string_append (line, " · ");
            g_string_append (line, parts[k]);
          }
      escaped = g_markup_printf_escaped ("\n<span size=\"smaller\">▸ %s</span>", line->str);
      g_string_append (s, escaped);
      g_string_free (line, TRUE);
    }

  return g_string_free (s, FALSE);
}

static SubRow
sub_row_new (SheetBuilder *b,
             const double *w,
             const char   *duty_markup,
             const char   *people_markup)
{
  SubRow row;

  row.duty = sheet_layout_new_markup (b, SHEET_FONT_BODY, w[COL_DUTY] - 2 * SHEET_CELL_PAD_X,
                                      PANGO_ALIGN_LEFT, duty_markup);
  row.people = sheet_layout_new_markup (b, SHEET_FONT_BODY, w[COL_PEOPLE] - 2 * SHEET_CELL_PAD_X,
                                        PANGO_ALIGN_LEFT, people_markup);
  /* A person whose line wraps is indented under their name. */
  pango_layout_set_indent (row.people, -10 * PANGO_SCALE);
  row.height = MAX (sheet_layout_height (row.duty), sheet_layout_height (row.people))
               + 2 * SHEET_CELL_PAD_Y;

  return row;
}

/* The people of one duty are a list of names like any other, so they
 * follow the plan's name order too (in roster order, as assigned). */
static GArray *
slot_sub_rows (SheetBuilder *b,
               SwSlot       *slot,
               const double *w)
{
  SwNameOrder order = sw_plan_get_name_order (b->plan);
  g_autoptr(GPtrArray) attending = g_ptr_array_new ();
  GArray *rows = g_array_new (FALSE, FALSE, sizeof (SubRow));
  GListModel *duties = sw_slot_get_duties (slot);
  GListModel *assignments = sw_slot_get_assignments (slot);
  guint n_duties = g_list_model_get_n_items (duties);
  guint n_assignments = g_list_model_get_n_items (assignments);
  GString *attendees = NULL;

  for (guint i = 0; i < n_duties; i++)
    {
      g_autoptr(SwDuty) duty = g_list_model_get_item (duties, i);
      g_autoptr(GPtrArray) people = sw_slot_dup_duty_people (slot, duty);
      SwDepartment *dept = sw_duty_get_department (duty);
      guint count = sw_duty_get_count (duty);
      g_autofree char *duty_markup = NULL;
      g_autofree char *detail = NULL;
      GString *people_markup = g_string_new (NULL);
      SubRow row;

      sw_name_order_sort_people (people, order);
      if (dept != NULL)
        detail = g_strdup_printf ("%u/%u · %s", people->len, count, sw_department_get_name (dept));
      else
        detail = g_strdup_printf ("%u/%u", people->len, count);
      duty_markup = g_markup_printf_escaped ("<b>%s</b>\n<span size=\"smaller\" foreground=\"#5f6368\">%s</span>",
                                             sw_duty_get_name (duty), detail);

      for (guint k = 0; k < people->len; k++)
        {
          g_autofree char *line = person_line_markup (people->pdata[k]);

          if (people_markup->len > 0)
            g_string_append_c (people_markup, '\n');
          g_string_append (people_markup, line);
        }
      if (people->len < count)
        {
          guint open = count - people->len;
          g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u place open",
                                                                "%u places open", open), open);
          g_autofree char *escaped = g_markup_escape_text (text, -1);

          if (people_markup->len > 0)
            g_string_append_c (people_markup, '\n');
          g_string_append_printf (people_markup, OPEN_SPAN "%s</span>", escaped);
        }

      row = sub_row_new (b, w, duty_markup, people_markup->str);
      g_array_append_val (rows, row);
      g_string_free (people_markup, TRUE);
    }

  for (guint i = 0; i < n_assignments; i++)
    {
      g_autoptr(SwAssignment) assignment = g_list_model_get_item (assignments, i);

      if (sw_assignment_get_duty (assignment) == NULL)
        g_ptr_array_add (attending, sw_assignment_get_person (assignment));
    }
  sw_name_order_sort_people (attending, order);
  for (guint i = 0; i < attending->len; i++)
    {
      g_autofree char *line = person_line_markup (attending->pdata[i]);

      if (attendees == NULL)
        attendees = g_string_new (NULL);
      else
        g_string_append_c (attendees, '\n');
      g_string_append (attendees, line);
    }
  if (attendees != NULL)
    {
      g_autofree char *label = g_markup_printf_escaped ("<b>%s</b>", _("Attendees"));
      SubRow row = sub_row_new (b, w, label, attendees->str);

      g_array_append_val (rows, row);
      g_string_free (attendees, TRUE);
    }

  if (rows->len == 0)
    {
      SubRow row = sub_row_new (b, w, "—", "—");

      g_array_append_val (rows, row);
    }

  return rows;
}

static SheetBlock *
slot_row_new (SheetBuilder *b,
              SwSlot       *slot,
              const double *w,
              int           table,
              gboolean      zebra)
{
  SheetBlock *block = sheet_block_new (b);
  g_autofree char *time = sheet_format_time_range (sw_slot_get_start (slot), sw_slot_get_end (slot));
  g_autofree char *activity = activity_markup (slot);
  g_autofree char *organisers = sw_department_join_names (sw_slot_get_organisers (slot),
                                                          sheet_list_separator ());
  g_autoptr(GArray) rows = slot_sub_rows (b, slot, w);
  PangoLayout *cells[COL_DUTY];
  double x[N_COLS];
  double left_h = 0, sub_h = 0, total, y;

  x[0] = 0;
  for (guint i = 1; i < N_COLS; i++)
    x[i] = x[i - 1] + w[i - 1];

  cells[COL_TIME] = sheet_layout_new (b, SHEET_FONT_BODY_BOLD, w[COL_TIME] - 2 * SHEET_CELL_PAD_X,
                                      PANGO_ALIGN_LEFT, time);
  cells[COL_ACTIVITY] = sheet_layout_new_markup (b, SHEET_FONT_BODY, w[COL_ACTIVITY] - 2 * SHEET_CELL_PAD_X,
                                                 PANGO_ALIGN_LEFT, activity);
  cells[COL_PLACE] = sheet_layout_new (b, SHEET_FONT_BODY, w[COL_PLACE] - 2 * SHEET_CELL_PAD_X,
                                       PANGO_ALIGN_LEFT, sw_slot_get_location (slot));
  cells[COL_ORGANISERS] = sheet_layout_new (b, SHEET_FONT_BODY, w[COL_ORGANISERS] - 2 * SHEET_CELL_PAD_X,
                                            PANGO_ALIGN_LEFT, organisers);
  for (guint i = 0; i < COL_DUTY; i++)
    left_h = MAX (left_h, sheet_layout_height (cells[i]));
  left_h += 2 * SHEET_CELL_PAD_Y;
  for (guint i = 0; i < rows->len; i++)
    sub_h += g_array_index (rows, SubRow, i).height;
  total = MAX (left_h, sub_h);
  g_array_index (rows, SubRow, rows->len - 1).height += total - sub_h;

  if (zebra)
    sheet_block_add_fill (block, 0, 0, b->width, total, SHEET_ZEBRA_FILL);
  for (guint i = 0; i < COL_DUTY; i++)
    sheet_block_add_frame (block, x[i], 0, w[i], total, SHEET_NO_COLOR, SHEET_EDGE_ALL);
  y = 0;
  for (guint i = 0; i < rows->len; i++)
    {
      SubRow *row = &g_array_index (rows, SubRow, i);

      sheet_block_add_frame (block, x[COL_DUTY], y, w[COL_DUTY], row->height, SHEET_NO_COLOR, SHEET_EDGE_ALL);
      sheet_block_add_frame (block, x[COL_PEOPLE], y, w[COL_PEOPLE], row->height, SHEET_NO_COLOR, SHEET_EDGE_ALL);
      y += row->height;
    }

  for (guint i = 0; i < COL_DUTY; i++)
    sheet_block_add_layout (block, x[i] + SHEET_CELL_PAD_X, SHEET_CELL_PAD_Y, cells[i], SHEET_INK);
  y = 0;
  for (guint i = 0; i < rows->len; i++)
    {
      SubRow *row = &g_array_index (rows, SubRow, i);

      sheet_block_add_layout (block, x[COL_DUTY] + SHEET_CELL_PAD_X, y + SHEET_CELL_PAD_Y, row->duty, SHEET_INK);
      sheet_block_add_layout (block, x[COL_PEOPLE] + SHEET_CELL_PAD_X, y + SHEET_CELL_PAD_Y, row->people, SHEET_INK);
      y += row->height;
    }

  block->height = total;
  block->table = table;

  return block;
}

static SheetBlock *
day_heading_new (SheetBuilder *b,
                 const char   *text,
                 const char   *aside)
{
  SheetBlock *block = sheet_block_new (b);
  double aside_w = b->width * 0.3;
  double h;

  h = sheet_block_add_layout (block, 9, 2,
                              sheet_layout_new (b, SHEET_FONT_SUBHEADING, b->width - aside_w - 12,
                                                PANGO_ALIGN_LEFT, text),
                              SHEET_ACCENT);
  if (aside != NULL)
    {
      PangoLayout *layout = sheet_layout_new (b, SHEET_FONT_SMALL, aside_w, PANGO_ALIGN_RIGHT, aside);

      sheet_block_add_layout (block, b->width - aside_w, 2 + h - sheet_layout_height (layout) - 1,
                              layout, SHEET_GREY);
    }
  sheet_block_add_fill (block, 0, 0, 3.5, h + 4, SHEET_ACCENT);
  block->height = h + 4;
  block->space_after = 4;
  block->keep_with_next = TRUE;

  return block;
}

/* The roles of a committee, in the order the sheet lists them. */
static const SwRole committee_role_order[] = {
  SW_ROLE_LEADER, SW_ROLE_DEPUTY, SW_ROLE_OFFICE_DIRECTOR, SW_ROLE_MEMBER,
};

/* The plan's committees by position, keeping the order of equal ones. */
static GPtrArray *
committees_by_position (SwPlan *plan)
{
  GListModel *committees = sw_plan_get_committees (plan);
  guint n = g_list_model_get_n_items (committees);
  GPtrArray *sorted = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (sorted, g_list_model_get_item (committees, i));
  for (guint i = 1; i < sorted->len; i++)
    for (guint j = i; j > 0 &&
         sw_committee_get_position (sorted->pdata[j - 1]) > sw_committee_get_position (sorted->pdata[j]); j--)
      {
        gpointer tmp = sorted->pdata[j];
        sorted->pdata[j] = sorted->pdata[j - 1];
        sorted->pdata[j - 1] = tmp;
      }

  return sorted;
}

/* A member's name and, in brackets, their department and title. */
static char *
committee_member_markup (SwPerson *person)
{
  SwDepartment *dept = sw_person_get_department (person);
  g_autofree char *detail = NULL;

  if (dept == NULL && sw_person_get_title (person)[0] == '\0')
    return sheet_name_markup (sw_person_get_name (person));

  if (dept != NULL && sw_person_get_title (person)[0] != '\0')
    detail = g_strdup_printf ("%s %s", sw_department_get_name (dept), sw_person_get_title (person));
  else if (dept != NULL)
    detail = g_strdup (sw_department_get_name (dept));
  else
    detail = g_strdup (sw_person_get_title (person));
  /* TRANSLATORS: a person and, in brackets, department and title. */
  return g_markup_printf_escaped (_("<b><span allow_breaks=\"false\">%s</span></b> <span foreground=\"#5f6368\">(%s)</span>"),
                                  sw_person_get_name (person), detail);
}

/* The members (in the plan's name order) who have @role, as markup;
 * NULL when there are none. */
static char *
committee_role_members_markup (GPtrArray *members,
                               SwRole     role)
{
  g_autofree char *sep = g_markup_escape_text (sheet_list_separator (), -1);
  GString *list = g_string_new (NULL);

  for (guint k = 0; k < members->len; k++)
    {
      SwCommitteeMember *member = members->pdata[k];
      SwPerson *person = sw_committee_member_get_person (member);
      g_autofree char *entry = NULL;

      if (sw_committee_member_get_role (member) != role || person == NULL)
        continue;
      if (list->len > 0)
        g_string_append (list, sep);
      entry = committee_member_markup (person);
      g_string_append (list, entry);
    }

  if (list->len == 0)
    {
      g_string_free (list, TRUE);
      return NULL;
    }

  return g_string_free (list, FALSE);
}

/* The committee's name across the block; returns the row's height. */
static double
committee_add_name_row (SheetBuilder *b,
                        SheetBlock   *block,
                        SwCommittee  *committee)
{
  PangoLayout *name;
  double h;

  name = sheet_layout_new (b, SHEET_FONT_BODY_BOLD, b->width - 2 * SHEET_CELL_PAD_X - 4,
                           PANGO_ALIGN_LEFT, sw_committee_get_name (committee));
  h = sheet_layout_height (name) + 2 * SHEET_CELL_PAD_Y;
  sheet_block_add_frame (block, 0, 0, b->width, h, SHEET_HEADER_FILL, SHEET_EDGE_ALL);
  sheet_block_add_layout (block, SHEET_CELL_PAD_X + 4, SHEET_CELL_PAD_Y, name, SHEET_ACCENT);

  return h;
}

/* A role in a column @label_w wide and the people who have it beside it;
 * returns the row's height. */
static double
committee_add_role_row (SheetBuilder *b,
                        SheetBlock   *block,
                        double        y,
                        double        label_w,
                        SwRole        role,
                        const char   *people_markup)
{
  PangoLayout *label, *people;
  double h;

  label = sheet_layout_new (b, SHEET_FONT_BODY_BOLD, label_w - 2 * SHEET_CELL_PAD_X,
                            PANGO_ALIGN_LEFT, sw_role_get_label (role));
  people = sheet_layout_new_markup (b, SHEET_FONT_BODY, b->width - label_w - 2 * SHEET_CELL_PAD_X,
                                    PANGO_ALIGN_LEFT, people_markup);
  h = MAX (sheet_layout_height (label), sheet_layout_height (people)) + 2 * SHEET_CELL_PAD_Y;
  sheet_block_add_frame (block, 0, y, label_w, h, SHEET_ZEBRA_FILL, SHEET_EDGE_ALL);
  sheet_block_add_frame (block, label_w, y, b->width - label_w, h, SHEET_NO_COLOR, SHEET_EDGE_ALL);
  sheet_block_add_layout (block, SHEET_CELL_PAD_X, y + SHEET_CELL_PAD_Y, label, SHEET_GREY);
  sheet_block_add_layout (block, label_w + SHEET_CELL_PAD_X, y + SHEET_CELL_PAD_Y, people, SHEET_INK);

  return h;
}

/* The row saying a committee has no members; returns its height. */
static double
committee_add_no_members_row (SheetBuilder *b,
                              SheetBlock   *block,
                              double        y)
{
  PangoLayout *none = sheet_layout_new (b, SHEET_FONT_BODY, b->width - 2 * SHEET_CELL_PAD_X,
                                        PANGO_ALIGN_LEFT, _("No members yet"));
  double h = sheet_layout_height (none) + 2 * SHEET_CELL_PAD_Y;

  sheet_block_add_frame (block, 0, y, b->width, h, SHEET_NO_COLOR, SHEET_EDGE_ALL);
  sheet_block_add_layout (block, SHEET_CELL_PAD_X, y + SHEET_CELL_PAD_Y, none, SHEET_GREY);

  return h;
}

/* A committee's name over one row per role that has members. */
static SheetBlock *
committee_block_new (SheetBuilder *b,
                     SwCommittee  *committee,
                     double        label_w)
{
  g_autoptr(GPtrArray) members =
    sw_name_order_dup_committee_members (committee, sw_plan_get_name_order (b->plan));
  SheetBlock *block = sheet_block_new (b);
  double y;

  y = committee_add_name_row (b, block, committee);
  for (guint r = 0; r < G_N_ELEMENTS (committee_role_order); r++)
    {
      g_autofree char *people = committee_role_members_markup (members, committee_role_order[r]);

      if (people != NULL)
        y += committee_add_role_row (b, block, y, label_w, committee_role_order[r], people);
    }
  if (members->len == 0)
    y += committee_add_no_members_row (b, block, y);

  block->height = y;
  block->space_after = 8;

  return block;
}

static void
add_committees (SheetBuilder *b)
{
  g_autoptr(GPtrArray) sorted = committees_by_position (b->plan);
  double label_w = MIN (100.0, SHEET_FLOOR (b->width * 0.18));

  if (sorted->len == 0)
    return;

  sheet_add_heading (b, _("Leadership and working groups"));
  for (guint i = 0; i < sorted->len; i++)
    sheet_builder_append (b, committee_block_new (b, sorted->pdata[i], label_w));
}

static void
add_schedule (SheetBuilder *b)
{
  g_autoptr(GPtrArray) slots = sw_plan_dup_sorted_slots (b->plan);
  const char *labels[N_COLS] = {
    _("Time"), _("Activity"), _("Place"), _("Organised by"), _("Duty"), _("People"),
  };
  double w[N_COLS];
  guint i = 0;

  column_widths (b, roles_fractions, N_COLS, w);
  sheet_add_heading (b, _("Schedule and duties"));

  if (slots->len == 0)
    {
      sheet_add_note (b, _("No slots yet"));
      return;
    }

  while (i < slots->len)
    {
      int day = sw_time_day_of (sw_slot_get_start (slots->pdata[i]));
      g_autofree char *date = sheet_format_long_date (day);
      g_autofree char *continued = g_strdup_printf (_("%s (continued)"), date);
      g_autofree char *count = NULL;
      SheetBlock *header;
      guint end = i, n;
      int table;

      while (end < slots->len && sw_time_day_of (sw_slot_get_start (slots->pdata[end])) == day)
        end++;
      n = end - i;
      count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u activity", "%u activities", n), n);

      sheet_builder_append (b, day_heading_new (b, date, count));
      header = sheet_header_row_new (b, w, labels, N_COLS);
      table = sheet_builder_add_table (b, day_heading_new (b, continued, NULL), header);
      sheet_builder_append (b, header);
      for (guint k = i; k < end; k++)
        {
          SheetBlock *row = slot_row_new (b, slots->pdata[k], w, table, (k - i) % 2 == 1);

          if (k + 1 == end)
            row->space_after = 12;
          sheet_builder_append (b, row);
        }
      i = end;
    }
}

static int
compare_tasks (gconstpointer a,
               gconstpointer b)
{
  SwTask *ta = *(SwTask **) a;
  SwTask *tb = *(SwTask **) b;
  gint64 da = sw_task_get_due (ta), db = sw_task_get_due (tb);

  if (da != db)
    {
      if (da == SW_TIME_UNSET)
        return 1;
      if (db == SW_TIME_UNSET)
        return -1;
      return da < db ? -1 : 1;
    }

  return g_strcmp0 (sw_task_get_title (ta), sw_task_get_title (tb));
}

enum { TASK_COL_NUMBER, TASK_COL_TASK, TASK_COL_OWNER, TASK_COL_DUE, TASK_COL_STATUS, N_TASK_COLS };

static const double task_fractions[N_TASK_COLS] = { 0.06, 0.42, 0.22, 0.16, 0.14 };

/* The plan's tasks by due time (those without one last), then title. */
static GPtrArray *
tasks_by_due (SwPlan *plan)
{
  GListModel *tasks = sw_plan_get_tasks (plan);
  guint n = g_list_model_get_n_items (tasks);
  GPtrArray *sorted = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (sorted, g_list_model_get_item (tasks, i));
  g_ptr_array_sort (sorted, compare_tasks);

  return sorted;
}

/* The task's title over, in grey, its slot and its notes. */
static char *
task_title_markup (SwTask *task)
{
  GString *title = g_string_new (NULL);
  g_autofree char *escaped = g_markup_escape_text (sw_task_get_title (task), -1);

  g_string_append (title, escaped);
  if (sw_task_get_slot (task) != NULL)
    {
      g_autofree char *link = g_markup_printf_escaped ("\n<span size=\"smaller\" foreground=\"#5f6368\">→ %s</span>",
                                                       sw_slot_get_title (sw_task_get_slot (task)));
      g_string_append (title, link);
    }
  if (sw_task_get_notes (task)[0] != '\0')
    {
      g_autofree char *notes = g_markup_printf_escaped ("\n<span size=\"smaller\" foreground=\"#5f6368\">%s</span>",
                                                        sw_task_get_notes (task));
      g_string_append (title, notes);
    }

  return g_string_free (title, FALSE);
}

/* "Department · person", or "—" when the task has no owner. */
static char *
task_owner_text (SwTask *task)
{
  GString *owner = g_string_new (NULL);

  if (sw_task_get_department (task) != NULL)
    g_string_append (owner, sw_department_get_name (sw_task_get_department (task)));
  if (sw_task_get_person (task) != NULL)
    {
      if (owner->len > 0)
        g_string_append (owner, " · ");
      g_string_append (owner, sw_person_get_name (sw_task_get_person (task)));
    }
  if (owner->len == 0)
    g_string_append (owner, "—");

  return g_string_free (owner, FALSE);
}

static char *
task_due_text (SwTask *task)
{
  g_autofree char *date = NULL;
  g_autofree char *hm = NULL;

  if (sw_task_get_due (task) == SW_TIME_UNSET)
    return g_strdup ("—");

  date = sheet_format_short_date (sw_time_day_of (sw_task_get_due (task)));
  hm = sw_time_format_hm (sw_task_get_due (task));

  return g_strdup_printf ("%s %s", date, hm);
}

/* The row of the task numbered @number in the tasks table. */
static SheetBlock *
task_row_new (SheetBuilder *b,
              SwTask       *task,
              guint         number,
              const double *w,
              int           table,
              gboolean      zebra)
{
  SheetBlock *block = sheet_block_new (b);
  g_autofree char *number_text = g_strdup_printf ("%u", number);
  g_autofree char *title = task_title_markup (task);
  g_autofree char *owner = task_owner_text (task);
  g_autofree char *due = task_due_text (task);
  gboolean done = sw_task_get_status (task) == SW_TASK_STATUS_DONE;
  PangoLayout *cells[N_TASK_COLS];
  double h = 0, x = 0;

  cells[TASK_COL_NUMBER] = sheet_layout_new (b, SHEET_FONT_BODY, w[TASK_COL_NUMBER] - 2 * SHEET_CELL_PAD_X,
                                             PANGO_ALIGN_RIGHT, number_text);
  cells[TASK_COL_TASK] = sheet_layout_new_markup (b, SHEET_FONT_BODY, w[TASK_COL_TASK] - 2 * SHEET_CELL_PAD_X,
                                                  PANGO_ALIGN_LEFT, title);
  cells[TASK_COL_OWNER] = sheet_layout_new (b, SHEET_FONT_BODY, w[TASK_COL_OWNER] - 2 * SHEET_CELL_PAD_X,
                                            PANGO_ALIGN_LEFT, owner);
  cells[TASK_COL_DUE] = sheet_layout_new (b, SHEET_FONT_BODY, w[TASK_COL_DUE] - 2 * SHEET_CELL_PAD_X,
                                          PANGO_ALIGN_LEFT, due);
  cells[TASK_COL_STATUS] = sheet_layout_new (b, SHEET_FONT_BODY, w[TASK_COL_STATUS] - 2 * SHEET_CELL_PAD_X,
                                             PANGO_ALIGN_LEFT, sw_task_status_get_label (sw_task_get_status (task)));

  for (guint k = 0; k < N_TASK_COLS; k++)
    h = MAX (h, sheet_layout_height (cells[k]));
  h += 2 * SHEET_CELL_PAD_Y;
  if (zebra)
    sheet_block_add_fill (block, 0, 0, b->width, h, SHEET_ZEBRA_FILL);
  for (guint k = 0; k < N_TASK_COLS; k++)
    {
      sheet_block_add_frame (block, x, 0, w[k], h, SHEET_NO_COLOR, SHEET_EDGE_ALL);
      x += w[k];
    }
  x = 0;
  for (guint k = 0; k < N_TASK_COLS; k++)
    {
      sheet_block_add_layout (block, x + SHEET_CELL_PAD_X, SHEET_CELL_PAD_Y, cells[k],
                              k == TASK_COL_STATUS && done ? SHEET_GREY : SHEET_INK);
      x += w[k];
    }
  block->height = h;
  block->table = table;

  return block;
}

static void
add_tasks (SheetBuilder *b)
{
  g_autoptr(GPtrArray) sorted = tasks_by_due (b->plan);
  const char *labels[N_TASK_COLS] = { _("No."), _("Task"), _("Owner"), _("Due"), _("Status") };
  g_autofree char *continued = NULL;
  double w[N_TASK_COLS];
  SheetBlock *header;
  int table;

  if (sorted->len == 0)
    return;

  continued = g_strdup_printf (_("%s (continued)"), _("Tasks"));
  column_widths (b, task_fractions, N_TASK_COLS, w);
  sheet_add_heading (b, _("Tasks"));
  header = sheet_header_row_new (b, w, labels, N_TASK_COLS);
  table = sheet_builder_add_table (b, day_heading_new (b, continued, NULL), header);
  sheet_builder_append (b, header);

  for (guint i = 0; i < sorted->len; i++)
    sheet_builder_append (b, task_row_new (b, sorted->pdata[i], i + 1, w, table, i % 2 == 1));
}

void
sw_sheet_build_roles (SheetBuilder *b)
{
  sheet_add_title_block (b, FALSE, sw_sheet_kind_get_label (SW_SHEET_KIND_ROLES));
  add_committees (b);
  add_schedule (b);
  add_tasks (b);
}
