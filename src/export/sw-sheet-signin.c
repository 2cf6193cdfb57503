/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sw-sheet-private.h"

/* The sign-in sheet (签到表) of one slot: its title, time and place over a
 * table of the people expected there, each once, with a column to write
 * the time they came and one to sign, then numbered empty rows for those
 * who come without being on the plan, to the end of the last page. */

enum { COL_NUMBER, COL_NAME, COL_DEPARTMENT, COL_POSITION, COL_TIME, COL_SIGNATURE, N_COLS };

static const double signin_fractions[N_COLS] = { 0.07, 0.15, 0.21, 0.19, 0.14, 0.24 };

/* Tall enough to write a name in, as on the paper forms. */
#define ROW_HEIGHT      26.0
#define MIN_BLANK_ROWS  5

/* A person expected at the slot and the duties they hold there. */
typedef struct
{
  SwPerson *person;
  GString  *duties;   /* the duty names, joined; empty for an attendee */
  guint     order;    /* of their first assignment on the slot */
} Expected;

static void
expected_free (gpointer data)
{
  Expected *e = data;

  g_string_free (e->duties, TRUE);
  g_free (e);
}

/* By department in roster order (those without one last), then in the
 * order the plan lists them on the slot: planners list a meeting's
 * attendees by rank, and the sheet keeps it. */
static int
compare_expected (gconstpointer a,
                  gconstpointer b)
{
  const Expected *ea = *(Expected **) a;
  const Expected *eb = *(Expected **) b;
  SwDepartment *da = sw_person_get_department (ea->person);
  SwDepartment *db = sw_person_get_department (eb->person);
  int pa = da != NULL ? sw_department_get_position (da) : G_MAXINT;
  int pb = db != NULL ? sw_department_get_position (db) : G_MAXINT;

  if (pa != pb)
    return pa < pb ? -1 : 1;
  if (da != db && da != NULL && db != NULL)
    {
      int c = g_strcmp0 (sw_department_get_name (da), sw_department_get_name (db));

      if (c != 0)
        return c;
    }

  return ea->order < eb->order ? -1 : ea->order > eb->order ? 1 : 0;
}

/* Everyone on the slot, duty holders and attendees alike, each once. */
static GPtrArray *
expected_people (SwSlot *slot)
{
  GListModel *assignments = sw_slot_get_assignments (slot);
  guint n = g_list_model_get_n_items (assignments);
  g_autoptr(GHashTable) by_person = g_hash_table_new (NULL, NULL);
  GPtrArray *people = g_ptr_array_new_with_free_func (expected_free);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwAssignment) assignment = g_list_model_get_item (assignments, i);
      SwPerson *person = sw_assignment_get_person (assignment);
      SwDuty *duty = sw_assignment_get_duty (assignment);
      Expected *e;

      if (person == NULL)
        continue;
      e = g_hash_table_lookup (by_person, person);
      if (e == NULL)
        {
          e = g_new0 (Expected, 1);
          e->person = person;
          e->duties = g_string_new (NULL);
          e->order = i;
          g_hash_table_insert (by_person, person, e);
          g_ptr_array_add (people, e);
        }
      if (duty != NULL)
        {
          if (e->duties->len > 0)
            g_string_append (e->duties, sheet_list_separator ());
          g_string_append (e->duties, sw_duty_get_name (duty));
        }
    }
  g_ptr_array_sort (people, compare_expected);

  return people;
}

/* The person's title, with what they do at the slot after it: a 职务 on
 * a sign-in sheet is the post, and the duty says why they are there. */
static char *
position_text (Expected *e)
{
  const char *title = sw_person_get_title (e->person);

  if (e->duties->len == 0)
    return g_strdup (title);
  if (title[0] == '\0')
    return g_strdup (e->duties->str);
  /* TRANSLATORS: a person's title and, in brackets, their duty at a slot. */
  return g_strdup_printf (_("%s (%s)"), title, e->duties->str);
}

static void
column_widths (SheetBuilder *b,
               double       *widths)
{
  double used = 0;

  for (guint i = 0; i + 1 < N_COLS; i++)
    {
      widths[i] = SHEET_FLOOR (b->width * signin_fractions[i]);
      used += widths[i];
    }
  widths[N_COLS - 1] = b->width - used;
}

/* A label in bold grey and its value beside it; returns the line's height. */
static double
add_info_line (SheetBuilder *b,
               SheetBlock   *block,
               double        y,
               double        label_w,
               const char   *label,
               const char   *value)
{
  double h1, h2;

  h1 = sheet_block_add_layout (block, 8, y,
                               sheet_layout_new (b, SHEET_FONT_BODY_BOLD, label_w - 8, PANGO_ALIGN_LEFT, label),
                               SHEET_GREY);
  h2 = sheet_block_add_layout (block, label_w, y,
                               sheet_layout_new (b, SHEET_FONT_BODY, b->width - label_w - 8, PANGO_ALIGN_LEFT, value),
                               SHEET_INK);

  return MAX (h1, h2);
}

static char *
slot_time_text (SwSlot *slot)
{
  g_autofree char *date = sheet_format_long_date (sw_time_day_of (sw_slot_get_start (slot)));
  g_autofree char *range = sheet_format_time_range (sw_slot_get_start (slot), sw_slot_get_end (slot));

  /* A slot over midnight gives its end's day on a line of its own. */
  g_strdelimit (range, "\n", ' ');

  return g_strdup_printf ("%s  %s", date, range);
}

/* The slot's title and what the sheet is, then a box with the time, the
 * place, the organisers and the count of people expected, with a space to
 * write how many came. */
static void
add_slot_title_block (SheetBuilder *b,
                      SwSlot       *slot,
                      guint         n_expected)
{
  SheetBlock *block = sheet_block_new (b);
  g_autofree char *time = slot_time_text (slot);
  g_autofree char *organisers = sw_department_join_names (sw_slot_get_organisers (slot),
                                                          sheet_list_separator ());
  g_autofree char *expected = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person", "%u people",
                                                            n_expected), n_expected);
  double label_w = MIN (90.0, b->width * 0.2);
  double y = 0, box_top, h;

  y += sheet_block_add_layout (block, 0, y,
                               sheet_layout_new (b, SHEET_FONT_TITLE, b->width, PANGO_ALIGN_CENTER,
                                                 sw_slot_get_title (slot)),
                               SHEET_ACCENT);
  y += 2;
  y += sheet_block_add_layout (block, 0, y,
                               sheet_layout_new (b, SHEET_FONT_SUBTITLE, b->width, PANGO_ALIGN_CENTER,
                                                 sw_sheet_kind_get_label (SW_SHEET_KIND_SIGNIN)),
                               SHEET_GREY);
  y += 6;
  sheet_block_add_fill (block, 0, y, b->width, 1.6, SHEET_ACCENT);
  y += 1.6 + 1.2;
  sheet_block_add_fill (block, 0, y, b->width, 0.5, SHEET_ACCENT);
  y += 0.5 + 6;

  box_top = y;
  y += 4;
  y += add_info_line (b, block, y, label_w, _("Time"), time) + 2;
  if (sw_slot_get_location (slot)[0] != '\0')
    y += add_info_line (b, block, y, label_w, _("Place"), sw_slot_get_location (slot)) + 2;
  if (organisers[0] != '\0')
    y += add_info_line (b, block, y, label_w, _("Organised by"), organisers) + 2;
  /* The count expected on the left half, the count present written in by
   * hand on the right. */
  h = add_info_line (b, block, y, label_w, C_("sign-in sheet", "Expected"), expected);
  {
    PangoLayout *present = sheet_layout_new (b, SHEET_FONT_BODY_BOLD, label_w - 8, PANGO_ALIGN_LEFT,
                                             C_("sign-in sheet", "Present"));
    double x = SHEET_FLOOR (b->width / 2);
    double present_h = sheet_block_add_layout (block, x, y, present, SHEET_GREY);

    h = MAX (h, present_h);
    sheet_block_add_fill (block, x + label_w, y + h - 1, MIN (80.0, b->width / 2 - label_w - 8), 0.6, SHEET_INK);
  }
  y += h + 2 + 4;
  {
    SheetRect r = { 0, box_top, b->width, y - box_top, SHEET_NOTE_FILL, SHEET_RULE, 0.5,
                    SHEET_EDGE_ALL, SHEET_DASH_SOLID, SHEET_HATCH_NONE };

    /* The box goes under the text drawn above. */
    g_array_insert_vals (block->rects, 0, &r, 1);
  }

  block->height = y;
  block->space_after = 12;
  sheet_builder_append (b, block);
}

/* The slot's title over the table on every page after the first. */
static SheetBlock *
continued_caption_new (SheetBuilder *b,
                       SwSlot       *slot)
{
  SheetBlock *block = sheet_block_new (b);
  g_autofree char *text = g_strdup_printf (_("%s (continued)"), sw_slot_get_title (slot));
  double h;

  h = sheet_block_add_layout (block, 9, 2,
                              sheet_layout_new (b, SHEET_FONT_SUBHEADING, b->width - 12, PANGO_ALIGN_LEFT, text),
                              SHEET_ACCENT);
  sheet_block_add_fill (block, 0, 0, 3.5, h + 4, SHEET_ACCENT);
  block->height = h + 4;
  block->space_after = 4;

  return block;
}

/* A row of the table: @cells (NULL for an empty cell) in frames at least
 * ROW_HEIGHT tall, each text in the middle of its row's height. */
static SheetBlock *
table_row_new (SheetBuilder  *b,
               const double  *w,
               PangoLayout  **cells,
               int            table)
{
  SheetBlock *block = sheet_block_new (b);
  double h = ROW_HEIGHT, x = 0;

  for (guint k = 0; k < N_COLS; k++)
    if (cells[k] != NULL)
      h = MAX (h, sheet_layout_height (cells[k]) + 2 * SHEET_CELL_PAD_Y);
  for (guint k = 0; k < N_COLS; k++)
    {
      sheet_block_add_frame (block, x, 0, w[k], h, SHEET_NO_COLOR, SHEET_EDGE_ALL);
      x += w[k];
    }
  x = 0;
  for (guint k = 0; k < N_COLS; k++)
    {
      if (cells[k] != NULL)
        sheet_block_add_layout (block, x + SHEET_CELL_PAD_X, (h - sheet_layout_height (cells[k])) / 2,
                                cells[k], SHEET_INK);
      x += w[k];
    }
  block->height = h;
  block->table = table;

  return block;
}

static PangoLayout *
number_cell_new (SheetBuilder *b,
                 const double *w,
                 guint         number)
{
  g_autofree char *text = g_strdup_printf ("%u", number);

  return sheet_layout_new (b, SHEET_FONT_BODY, w[COL_NUMBER] - 2 * SHEET_CELL_PAD_X, PANGO_ALIGN_CENTER, text);
}

static SheetBlock *
person_row_new (SheetBuilder *b,
                const double *w,
                Expected     *e,
                guint         number,
                int           table)
{
  SwDepartment *dept = sw_person_get_department (e->person);
  g_autofree char *name = sheet_name_markup (sw_person_get_name (e->person));
  g_autofree char *position = position_text (e);
  PangoLayout *cells[N_COLS] = { NULL };

  cells[COL_NUMBER] = number_cell_new (b, w, number);
  cells[COL_NAME] = sheet_layout_new_markup (b, SHEET_FONT_BODY_BOLD, w[COL_NAME] - 2 * SHEET_CELL_PAD_X,
                                             PANGO_ALIGN_LEFT, name);
  cells[COL_DEPARTMENT] = sheet_layout_new (b, SHEET_FONT_BODY, w[COL_DEPARTMENT] - 2 * SHEET_CELL_PAD_X,
                                            PANGO_ALIGN_LEFT, dept != NULL ? sw_department_get_name (dept) : "");
  cells[COL_POSITION] = sheet_layout_new (b, SHEET_FONT_BODY, w[COL_POSITION] - 2 * SHEET_CELL_PAD_X,
                                          PANGO_ALIGN_LEFT, position);

  return table_row_new (b, w, cells, table);
}

static SheetBlock *
blank_row_new (SheetBuilder *b,
               const double *w,
               guint         number,
               int           table)
{
  PangoLayout *cells[N_COLS] = { NULL };

  cells[COL_NUMBER] = number_cell_new (b, w, number);

  return table_row_new (b, w, cells, table);
}

/*
 * Where the table has got to on its page, to know how many empty rows
 * fill the last one.  It follows the paginator of sw-sheet.c: rows never
 * split, a row that does not fit starts a page under the repeated
 * caption and header.  The sums are made in the paginator's order, so
 * the same doubles compare the same way.
 */
typedef struct
{
  double body_height;
  double head_height;   /* of the caption and header atop a page */
  double y;
} RowFlow;

static void
row_flow_add (RowFlow *f,
              double   height)
{
  if (f->y + height > f->body_height)
    f->y = f->head_height;
  f->y += height + 0.0;
}

static gboolean
row_flow_fits (RowFlow *f,
               double   height)
{
  return !(f->y + height > f->body_height);
}

void
sw_sheet_build_signin (SheetBuilder *b,
                       SwSlot       *slot)
{
  const char *labels[N_COLS] = {
    _("No."), _("Name"), _("Department"), C_("person", "Title"), _("Sign-in time"), _("Signature"),
  };
  g_autoptr(GPtrArray) people = NULL;
  SheetBlock *title, *header, *caption;
  RowFlow flow;
  double w[N_COLS];
  double blank_h;
  guint number = 0;
  int table;

  if (slot == NULL)
    {
      sheet_add_title_block (b, FALSE, sw_sheet_kind_get_label (SW_SHEET_KIND_SIGNIN));
      sheet_add_note (b, _("No slot chosen: a sign-in sheet is for one slot"));
      return;
    }

  people = expected_people (slot);
  column_widths (b, w);
  add_slot_title_block (b, slot, people->len);
  title = g_ptr_array_index (b->blocks, b->blocks->len - 1);

  header = sheet_header_row_new (b, w, labels, N_COLS);
  caption = continued_caption_new (b, slot);
  table = sheet_builder_add_table (b, caption, header);
  sheet_builder_append (b, header);

  flow.body_height = b->body_height;
  flow.head_height = 0;
  flow.head_height += caption->height + caption->space_after;
  flow.head_height += header->height + header->space_after;
  flow.y = title->height + title->space_after;

  for (guint i = 0; i < people->len; i++)
    {
      SheetBlock *row = person_row_new (b, w, people->pdata[i], ++number, table);

      /* The header goes to the next page with the first row. */
      if (i == 0 && flow.y + (header->height + row->height) > flow.body_height)
        flow.y = 0;
      if (i == 0)
        flow.y += header->height + header->space_after;
      row_flow_add (&flow, row->height);
      sheet_builder_append (b, row);
    }

  blank_h = ROW_HEIGHT;
  for (guint i = 0; i < MIN_BLANK_ROWS || row_flow_fits (&flow, blank_h); i++)
    {
      SheetBlock *row = blank_row_new (b, w, ++number, table);

      g_assert (row->height == blank_h);
      if (people->len == 0 && i == 0)
        {
          if (flow.y + (header->height + row->height) > flow.body_height)
            flow.y = 0;
          flow.y += header->height + header->space_after;
        }
      row_flow_add (&flow, row->height);
      sheet_builder_append (b, row);
    }
}
