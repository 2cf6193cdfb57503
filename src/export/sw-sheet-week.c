/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sw-name-order.h"
#include "sw-sheet-private.h"

/* The week grid: one page per week of the plan (more when a week holds
 * more than a page can), days as columns, one row per start time, slots
 * as boxes coloured by kind.  Each kind also has its own border dash and
 * bar hatching so the sheet reads in black and white. */

#define TIME_COL_WIDTH 38.0
#define BOX_GAP        2.5
#define BAR_WIDTH      4.5
#define BOX_PAD        2.5

typedef struct
{
  SheetDash  dash;
  SheetHatch hatch;
} KindStyle;

static const KindStyle kind_styles[SW_N_SLOT_KINDS] = {
  [SW_SLOT_KIND_MOBILISATION] = { SHEET_DASH_SOLID, SHEET_HATCH_NONE },
  [SW_SLOT_KIND_VISIT] = { SHEET_DASH_DASHED, SHEET_HATCH_DIAGONAL },
  [SW_SLOT_KIND_FORUM] = { SHEET_DASH_DOTTED, SHEET_HATCH_BACK_DIAGONAL },
  [SW_SLOT_KIND_SERVICE_DESK] = { SHEET_DASH_SOLID, SHEET_HATCH_CROSS },
  [SW_SLOT_KIND_ON_SITE] = { SHEET_DASH_DASH_DOT, SHEET_HATCH_HORIZONTAL },
  [SW_SLOT_KIND_PUBLICITY] = { SHEET_DASH_DASHED, SHEET_HATCH_NONE },
  [SW_SLOT_KIND_MEETING] = { SHEET_DASH_DOTTED, SHEET_HATCH_NONE },
  [SW_SLOT_KIND_OTHER] = { SHEET_DASH_DASH_DOT, SHEET_HATCH_CROSS },
};

static guint32
kind_color (SwSlotKind kind)
{
  return sheet_parse_color (sw_slot_kind_get_color (kind), 0x77767b);
}

static guint32
darken (guint32 color,
        double  factor)
{
  guint r = (color >> 16) & 0xff, g = (color >> 8) & 0xff, b = color & 0xff;

  return ((guint) (r * factor) << 16) | ((guint) (g * factor) << 8) | (guint) (b * factor);
}

/* A swatch or a box frame of @kind at x, y, w, h. */
static void
add_kind_frame (SheetBlock *block,
                SwSlotKind  kind,
                double      x,
                double      y,
                double      w,
                double      h)
{
  guint32 color = kind_color (kind);
  SheetRect box = { x, y, w, h, sheet_tint (color, 0.16), darken (color, 0.8), 0.7,
                    SHEET_EDGE_ALL, kind_styles[kind].dash, SHEET_HATCH_NONE, TRUE };
  SheetRect bar = { x, y, BAR_WIDTH, h, color, darken (color, 0.45), 0,
                    0, SHEET_DASH_SOLID, kind_styles[kind].hatch, TRUE };

  sheet_block_add_rect (block, &box);
  sheet_block_add_rect (block, &bar);
}

static SheetBlock *
week_title_new (SheetBuilder *b,
                int           first,
                int           last,
                gboolean      continued)
{
  SheetBlock *block = sheet_block_new (b);
  g_autofree char *from = sheet_format_long_date (first);
  g_autofree char *to = sheet_format_long_date (last);
  g_autofree char *range = first == last ? g_strdup (from) : g_strdup_printf ("%s – %s", from, to);
  g_autofree char *text = continued ? g_strdup_printf (_("%s (continued)"), range) : g_steal_pointer (&range);
  const char *title = sw_plan_get_title (b->plan);
  double y = 0, x = 0, line_h = 0;

  y += sheet_block_add_layout (block, 0, y,
                               sheet_layout_new (b, continued ? SHEET_FONT_SUBHEADING : SHEET_FONT_HEADING,
                                                 b->width, PANGO_ALIGN_LEFT,
                                                 title[0] ? title : _("Untitled plan")),
                               SHEET_ACCENT);
  y += 1;
  y += sheet_block_add_layout (block, 0, y,
                               sheet_layout_new (b, SHEET_FONT_BODY, b->width, PANGO_ALIGN_LEFT, text),
                               SHEET_GREY);

  if (!continued)
    {
      /* The legend: one swatch per kind, flowing over as many lines as needed. */
      y += 5;
      for (guint k = 0; k < SW_N_SLOT_KINDS; k++)
        {
          PangoLayout *label = sheet_layout_new (b, SHEET_FONT_SMALL, -1, PANGO_ALIGN_LEFT,
                                                 sw_slot_kind_get_label ((SwSlotKind) k));
          int lw, lh;
          double item_w;

          pango_layout_get_size (label, &lw, &lh);
          item_w = 20 + (double) lw / PANGO_SCALE + 12;
          if (x > 0 && x + item_w > b->width)
            {
              x = 0;
              y += line_h + 3;
              line_h = 0;
            }
          add_kind_frame (block, (SwSlotKind) k, x, y + 1, 16, 9);
          sheet_block_add_layout (block, x + 20, y, label, SHEET_INK);
          line_h = MAX (line_h, MAX (11.0, (double) lh / PANGO_SCALE));
          x += item_w;
        }
      y += line_h;
    }

  block->height = y + 2;
  block->space_after = 6;
  block->keep_with_next = TRUE;

  return block;
}

static SheetBlock *
week_header_new (SheetBuilder *b,
                 int           first,
                 guint         n_days,
                 double        day_w)
{
  SheetBlock *block = sheet_block_new (b);
  g_autoptr(GPtrArray) layouts = g_ptr_array_new ();
  PangoLayout *time;
  double h;

  time = sheet_layout_new (b, SHEET_FONT_HEADER_CELL, TIME_COL_WIDTH - 2 * SHEET_CELL_PAD_X,
                           PANGO_ALIGN_LEFT, _("Time"));
  h = sheet_layout_height (time);
  for (guint d = 0; d < n_days; d++)
    {
      g_autofree char *weekday = sw_time_format_weekday (first + (int) d);
      g_autofree char *date = sw_time_format_day_short (first + (int) d);
      g_autofree char *markup = g_markup_printf_escaped ("%s\n<span weight=\"normal\" size=\"smaller\">%s</span>",
                                                         weekday, date);
      PangoLayout *layout = sheet_layout_new_markup (b, SHEET_FONT_HEADER_CELL, day_w - 2 * SHEET_CELL_PAD_X,
                                                     PANGO_ALIGN_CENTER, markup);

      h = MAX (h, sheet_layout_height (layout));
      g_ptr_array_add (layouts, layout);
    }
  h += 2 * SHEET_CELL_PAD_Y;

  sheet_block_add_frame (block, 0, 0, TIME_COL_WIDTH, h, SHEET_HEADER_FILL, SHEET_EDGE_ALL);
  for (guint d = 0; d < n_days; d++)
    {
      int weekday = sw_time_weekday (first + (int) d);
      guint32 fill = weekday >= 6 ? 0xcfd8e6 : SHEET_HEADER_FILL;

      sheet_block_add_frame (block, TIME_COL_WIDTH + d * day_w, 0, day_w, h, fill, SHEET_EDGE_ALL);
    }
  sheet_block_add_layout (block, SHEET_CELL_PAD_X, SHEET_CELL_PAD_Y, time, SHEET_ACCENT);
  for (guint d = 0; d < n_days; d++)
    sheet_block_add_layout (block, TIME_COL_WIDTH + d * day_w + SHEET_CELL_PAD_X, SHEET_CELL_PAD_Y,
                            layouts->pdata[d], SHEET_ACCENT);

  block->height = h;
  block->keep_with_next = TRUE;

  return block;
}

static char *
box_markup (SwSlot      *slot,
            SwNameOrder  order)
{
  GListModel *assignments = sw_slot_get_assignments (slot);
  guint n = g_list_model_get_n_items (assignments);
  g_autofree char *time = sheet_format_time_range (sw_slot_get_start (slot), sw_slot_get_end (slot));
  g_autofree char *head = NULL;
  g_autofree char *fill = NULL;
  GString *s = g_string_new (NULL);
  guint filled, needed;

  sw_slot_get_fill (slot, &filled, &needed);
  if (needed > 0)
    fill = g_strdup_printf (" · %u/%u", filled, needed);
  head = g_markup_printf_escaped ("<b>%s</b>\n<span size=\"smaller\">%s · %s%s</span>",
                                  sw_slot_get_title (slot), time,
                                  sw_slot_kind_get_label (sw_slot_get_kind (slot)),
                                  fill != NULL ? fill : "");
  g_string_append (s, head);
  if (sw_slot_get_location (slot)[0] != '\0')
    {
      g_autofree char *place = g_markup_printf_escaped ("\n<span size=\"smaller\" foreground=\"#5f6368\">%s</span>",
                                                        sw_slot_get_location (slot));
      g_string_append (s, place);
    }
  if (n > 0)
    {
      g_autofree char *separator = g_markup_escape_text (sheet_list_separator (), -1);
      g_autoptr(GPtrArray) people = g_ptr_array_new ();

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(SwAssignment) assignment = g_list_model_get_item (assignments, i);

          g_ptr_array_add (people, sw_assignment_get_person (assignment));
        }
      sw_name_order_sort_people (people, order);
      g_string_append (s, "\n<span size=\"smaller\">");
      for (guint i = 0; i < people->len; i++)
        {
          g_autofree char *name = sheet_name_markup (sw_person_get_name (people->pdata[i]));

          if (i > 0)
            g_string_append (s, separator);
          g_string_append (s, name);
        }
      g_string_append (s, "</span>");
    }

  return g_string_free (s, FALSE);
}

static SheetBlock *
week_row_new (SheetBuilder *b,
              GPtrArray    *slots,       /* of this start time, sorted */
              int           minute,
              int           first,
              guint         n_days,
              double        day_w,
              int           table,
              gboolean      zebra)
{
  SheetBlock *block = sheet_block_new (b);
  g_autofree char *label = g_strdup_printf ("%02d:%02d", minute / 60, minute % 60);
  g_autofree double *cell_h = g_new0 (double, n_days);
  g_autoptr(GPtrArray) boxes = g_ptr_array_new ();  /* PangoLayout per slot */
  PangoLayout *time;
  double h, box_w = day_w - 2 * BOX_GAP;

  time = sheet_layout_new (b, SHEET_FONT_BODY_BOLD, TIME_COL_WIDTH - 2 * SHEET_CELL_PAD_X,
                           PANGO_ALIGN_LEFT, label);
  h = sheet_layout_height (time) + 2 * SHEET_CELL_PAD_Y;
  for (guint i = 0; i < slots->len; i++)
    {
      SwSlot *slot = slots->pdata[i];
      guint d = (guint) (sw_time_day_of (sw_slot_get_start (slot)) - first);
      g_autofree char *markup = box_markup (slot, sw_plan_get_name_order (b->plan));
      PangoLayout *layout = sheet_layout_new_markup (b, SHEET_FONT_SMALL, box_w - BAR_WIDTH - 2 * BOX_PAD,
                                                     PANGO_ALIGN_LEFT, markup);

      cell_h[d] += BOX_GAP + sheet_layout_height (layout) + 2 * BOX_PAD;
      g_ptr_array_add (boxes, layout);
    }
  for (guint d = 0; d < n_days; d++)
    h = MAX (h, cell_h[d] + BOX_GAP);

  if (zebra)
    sheet_block_add_fill (block, 0, 0, b->width, h, SHEET_ZEBRA_FILL);
  sheet_block_add_frame (block, 0, 0, TIME_COL_WIDTH, h, SHEET_NO_COLOR, SHEET_EDGE_ALL);
  for (guint d = 0; d < n_days; d++)
    sheet_block_add_frame (block, TIME_COL_WIDTH + d * day_w, 0, day_w, h, SHEET_NO_COLOR, SHEET_EDGE_ALL);
  sheet_block_add_layout (block, SHEET_CELL_PAD_X, SHEET_CELL_PAD_Y, time, SHEET_INK);

  memset (cell_h, 0, n_days * sizeof (double));
  for (guint i = 0; i < slots->len; i++)
    {
      SwSlot *slot = slots->pdata[i];
      guint d = (guint) (sw_time_day_of (sw_slot_get_start (slot)) - first);
      PangoLayout *layout = boxes->pdata[i];
      double x = TIME_COL_WIDTH + d * day_w + BOX_GAP;
      double y = cell_h[d] + BOX_GAP;
      double bh = sheet_layout_height (layout) + 2 * BOX_PAD;

      add_kind_frame (block, sw_slot_get_kind (slot), x, y, box_w, bh);
      sheet_block_add_atom_layout (block, x + BAR_WIDTH + BOX_PAD, y + BOX_PAD, layout, SHEET_INK, y, y + bh);
      cell_h[d] += BOX_GAP + bh;
    }

  block->height = h;
  block->table = table;

  return block;
}

static int
compare_minute (gconstpointer a,
                gconstpointer b)
{
  SwSlot *sa = *(SwSlot **) a;
  SwSlot *sb = *(SwSlot **) b;
  int ma = sw_time_minute_of_day (sw_slot_get_start (sa));
  int mb = sw_time_minute_of_day (sw_slot_get_start (sb));

  if (ma != mb)
    return ma < mb ? -1 : 1;
  if (sw_slot_get_start (sa) != sw_slot_get_start (sb))
    return sw_slot_get_start (sa) < sw_slot_get_start (sb) ? -1 : 1;
  if (sw_slot_get_end (sa) != sw_slot_get_end (sb))
    return sw_slot_get_end (sa) < sw_slot_get_end (sb) ? -1 : 1;

  return g_strcmp0 (sw_slot_get_title (sa), sw_slot_get_title (sb));
}

void
sw_sheet_build_week (SheetBuilder *b)
{
  g_autoptr(GPtrArray) slots = sw_plan_dup_sorted_slots (b->plan);
  int first = sw_plan_get_first_day (b->plan);
  int last = MAX (first, sw_plan_get_last_day (b->plan));
  int week_start = sw_time_locale_first_weekday ();
  guint n_weeks;

  /* Slots outside the plan's dates still print, on the weeks they fall in. */
  if (slots->len > 0)
    {
      first = MIN (first, sw_time_day_of (sw_slot_get_start (slots->pdata[0])));
      last = MAX (last, sw_time_day_of (sw_slot_get_start (slots->pdata[slots->len - 1])));
    }

  /* The same weeks as the window's week grid. */
  n_weeks = sw_time_span_n_weeks (first, last, week_start);
  for (guint w = 0; w < n_weeks; w++)
    {
      int week, week_last;
      guint n_days;
      double day_w;
      g_autoptr(GPtrArray) week_slots = g_ptr_array_new ();
      SheetBlock *title, *header;
      int table;

      sw_time_span_week (first, last, week_start, w, &week, &week_last);
      n_days = (guint) (week_last - week + 1);
      day_w = SHEET_FLOOR ((b->width - TIME_COL_WIDTH) / n_days * 100) / 100;

      for (guint i = 0; i < slots->len; i++)
        {
          int day = sw_time_day_of (sw_slot_get_start (slots->pdata[i]));

          if (day >= week && day < week + (int) n_days)
            g_ptr_array_add (week_slots, slots->pdata[i]);
        }
      /* A plan of several months prints only the weeks that have slots. */
      if (week_slots->len == 0 && slots->len > 0)
        continue;
      g_ptr_array_sort (week_slots, compare_minute);

      title = week_title_new (b, week, week_last, FALSE);
      title->page_break_before = TRUE;
      sheet_builder_append (b, title);
      header = week_header_new (b, week, n_days, day_w);
      table = sheet_builder_add_table (b, week_title_new (b, week, week_last, TRUE), header);
      sheet_builder_append (b, header);

      if (week_slots->len == 0)
        {
          header->keep_with_next = FALSE;
          header->space_after = 10;
          sheet_add_note (b, _("No slots yet"));
          continue;
        }

      for (guint i = 0, row = 0; i < week_slots->len; row++)
        {
          int minute = sw_time_minute_of_day (sw_slot_get_start (week_slots->pdata[i]));
          g_autoptr(GPtrArray) same = g_ptr_array_new ();

          while (i < week_slots->len &&
                 sw_time_minute_of_day (sw_slot_get_start (week_slots->pdata[i])) == minute)
            g_ptr_array_add (same, week_slots->pdata[i++]);
          sheet_builder_append (b, week_row_new (b, same, minute, week, n_days, day_w, table, row % 2 == 1));
        }
    }
}
