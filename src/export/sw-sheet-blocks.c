/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "sw-qr-code.h"
#include "sw-sheet-private.h"

/* ---------------------------------------------------------------- blocks */

void
sheet_block_free (gpointer data)
{
  SheetBlock *block = data;

  for (guint i = 0; i < block->texts->len; i++)
    g_object_unref (g_array_index (block->texts, SheetText, i).layout);
  g_array_unref (block->texts);
  g_array_unref (block->rects);
  g_free (block);
}

SheetBlock *
sheet_block_new (SheetBuilder *b)
{
  SheetBlock *block = g_new0 (SheetBlock, 1);

  block->rects = g_array_new (FALSE, FALSE, sizeof (SheetRect));
  block->texts = g_array_new (FALSE, FALSE, sizeof (SheetText));
  block->table = -1;

  return block;
}

void
sheet_block_add_rect (SheetBlock      *block,
                      const SheetRect *rect)
{
  g_array_append_vals (block->rects, rect, 1);
}

void
sheet_block_add_fill (SheetBlock *block,
                      double      x,
                      double      y,
                      double      w,
                      double      h,
                      guint32     fill)
{
  SheetRect r = { x, y, w, h, fill, SHEET_NO_COLOR, 0, 0, SHEET_DASH_SOLID, SHEET_HATCH_NONE };

  sheet_block_add_rect (block, &r);
}

gboolean
sheet_block_add_qr_code (SheetBlock *block,
                         double      x,
                         double      y,
                         double      size,
                         const char *text)
{
  g_autoptr(SwQrCode) code = sw_qr_code_new (text);
  SheetRect quiet = { x, y, size, size, 0xffffff, SHEET_NO_COLOR, 0, 0, SHEET_DASH_SOLID, SHEET_HATCH_NONE, TRUE };
  double module;

  if (code == NULL)
    return FALSE;

  /* Four light modules all round, as scanners expect. */
  module = size / (code->width + 8);
  sheet_block_add_rect (block, &quiet);
  for (guint row = 0; row < code->width; row++)
    for (guint col = 0; col < code->width; col++)
      {
        guint run = 0;

        /* One rectangle per run of dark modules: no seams between them. */
        while (col + run < code->width && sw_qr_code_get (code, col + run, row))
          run++;
        if (run > 0)
          {
            SheetRect dark = { x + (4 + col) * module, y + (4 + row) * module, run * module, module,
                               0x000000, SHEET_NO_COLOR, 0, 0, SHEET_DASH_SOLID, SHEET_HATCH_NONE, TRUE };

            sheet_block_add_rect (block, &dark);
            col += run - 1;
          }
      }
  return TRUE;
}

void
sheet_block_add_frame (SheetBlock *block,
                       double      x,
                       double      y,
                       double      w,
                       double      h,
                       guint32     fill,
                       SheetEdges  edges)
{
  SheetRect r = { x, y, w, h, fill, SHEET_RULE, 0.5, edges, SHEET_DASH_SOLID, SHEET_HATCH_NONE };

  sheet_block_add_rect (block, &r);
}

double
sheet_block_add_layout (SheetBlock  *block,
                        double       x,
                        double       y,
                        PangoLayout *layout,
                        guint32      color)
{
  SheetText t = { x, y, layout, color, 0, 0 };
  double height = sheet_layout_height (layout);

  g_array_append_val (block->texts, t);
  sheet_layout_release_lines (layout);

  return height;
}

void
sheet_block_add_atom_layout (SheetBlock  *block,
                             double       x,
                             double       y,
                             PangoLayout *layout,
                             guint32      color,
                             double       top,
                             double       bottom)
{
  SheetText t = { x, y, layout, color, top, MAX (bottom, top + 0.01) };

  g_array_append_val (block->texts, t);
  sheet_layout_release_lines (layout);
}

static PangoLayout *
layout_new (SheetBuilder   *b,
            SheetFont       font,
            double          width,
            PangoAlignment  align)
{
  PangoLayout *layout = pango_layout_new (b->context);

  pango_layout_set_font_description (layout, b->fonts[font]);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_alignment (layout, align);

  return layout;
}

PangoLayout *
sheet_layout_new (SheetBuilder   *b,
                  SheetFont       font,
                  double          width,
                  PangoAlignment  align,
                  const char     *text)
{
  PangoLayout *layout = layout_new (b, font, width, align);

  pango_layout_set_text (layout, text, -1);

  return layout;
}

PangoLayout *
sheet_layout_new_markup (SheetBuilder   *b,
                         SheetFont       font,
                         double          width,
                         PangoAlignment  align,
                         const char     *markup)
{
  PangoLayout *layout = layout_new (b, font, width, align);

  pango_layout_set_markup (layout, markup, -1);

  return layout;
}

/* A sheet of a large plan holds tens of thousands of layouts until it is
 * drawn.  Their laid-out lines (glyph strings, runs, items) are most of
 * their size and Pango makes them again when they are needed, so they are
 * dropped once a layout has been measured and once it has been drawn. */
void
sheet_layout_release_lines (PangoLayout *layout)
{
  pango_layout_context_changed (layout);
}

double
sheet_layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);

  return (double) height / PANGO_SCALE;
}

void
sheet_builder_append (SheetBuilder *b,
                      SheetBlock   *block)
{
  g_ptr_array_add (b->blocks, block);
}

int
sheet_builder_add_table (SheetBuilder *b,
                         SheetBlock   *caption,
                         SheetBlock   *header)
{
  SheetTable *table = g_new0 (SheetTable, 1);
  int index = (int) b->tables->len;

  table->caption = caption;
  table->header = header;
  if (caption != NULL)
    {
      caption->table = index;
      caption->is_caption = TRUE;
      g_ptr_array_add (b->extra, caption);
    }
  if (header != NULL)
    {
      header->table = index;
      header->is_table_header = TRUE;
    }
  g_ptr_array_add (b->tables, table);

  return index;
}

void
sheet_builder_free (SheetBuilder *b)
{
  if (b == NULL)
    return;

  for (guint i = 0; i < SHEET_N_FONTS; i++)
    g_clear_pointer (&b->fonts[i], pango_font_description_free);
  g_clear_pointer (&b->blocks, g_ptr_array_unref);
  g_clear_pointer (&b->extra, g_ptr_array_unref);
  g_clear_pointer (&b->tables, g_ptr_array_unref);
  g_clear_object (&b->context);
  g_free (b);
}

/* ---------------------------------------------------------------- shared pieces */

char *
sheet_format_long_date (int day)
{
  /* "Sunday 20 September 2026", "2026年9月20日 星期日" */
  return sw_time_format_day_long (day);
}

char *
sheet_format_short_date (int day)
{
  /* "Wed 23 Sep", "9月23日 星期三" */
  return sw_time_format_day_label (day);
}

char *
sheet_format_time_range (gint64 start,
                         gint64 end)
{
  g_autofree char *s = sw_time_format_hm (start);
  g_autofree char *e = sw_time_format_hm (end);

  if (sw_time_day_of (start) != sw_time_day_of (end) &&
      !(sw_time_minute_of_day (end) == 0 && sw_time_day_of (end) == sw_time_day_of (start) + 1))
    {
      g_autofree char *date = sheet_format_short_date (sw_time_day_of (end));

      return g_strdup_printf ("%s–\n%s %s", s, date, e);
    }

  return g_strdup_printf ("%s–%s", s, e);
}

const char *
sheet_list_separator (void)
{
  /* TRANSLATORS: between the items of a printed list; Chinese "、". */
  return C_("list separator", ", ");
}

char *
sheet_name_markup (const char *name)
{
  return g_markup_printf_escaped ("<span allow_breaks=\"false\">%s</span>", name);
}

guint32
sheet_parse_color (const char *color,
                   guint32     fallback)
{
  guint64 value;

  if (color == NULL || color[0] != '#' || strlen (color) != 7)
    return fallback;
  if (!g_ascii_string_to_unsigned (color + 1, 16, 0, 0xffffff, &value, NULL))
    return fallback;

  return (guint32) value;
}

guint32
sheet_tint (guint32 color,
            double  amount)
{
  guint r = (color >> 16) & 0xff, g = (color >> 8) & 0xff, bl = color & 0xff;

  r = (guint) (255 - (255 - r) * amount + 0.5);
  g = (guint) (255 - (255 - g) * amount + 0.5);
  bl = (guint) (255 - (255 - bl) * amount + 0.5);

  return (r << 16) | (g << 8) | bl;
}

void
sheet_add_title_block (SheetBuilder *b,
                       gboolean      page_break_before,
                       const char   *subtitle)
{
  SheetBlock *block = sheet_block_new (b);
  SwPlan *plan = b->plan;
  g_autofree char *first = sheet_format_long_date (sw_plan_get_first_day (plan));
  g_autofree char *last = sheet_format_long_date (sw_plan_get_last_day (plan));
  g_autofree char *dates = NULL;
  const char *labels[3];
  const char *values[3];
  guint n = 0;
  double y = 0, label_w, box_top;

  block->page_break_before = page_break_before;

  y += sheet_block_add_layout (block, 0, y,
                               sheet_layout_new (b, SHEET_FONT_TITLE, b->width, PANGO_ALIGN_CENTER,
                                                 sw_plan_get_title (plan)[0] ? sw_plan_get_title (plan) : _("Untitled plan")),
                               SHEET_ACCENT);
  y += 2;
  y += sheet_block_add_layout (block, 0, y,
                               sheet_layout_new (b, SHEET_FONT_SUBTITLE, b->width, PANGO_ALIGN_CENTER, subtitle),
                               SHEET_GREY);
  if (sw_plan_get_theme (plan)[0] != '\0')
    {
      y += 2;
      y += sheet_block_add_layout (block, 0, y,
                                   sheet_layout_new (b, SHEET_FONT_BODY_BOLD, b->width, PANGO_ALIGN_CENTER,
                                                     sw_plan_get_theme (plan)),
                                   SHEET_INK);
    }
  y += 6;
  sheet_block_add_fill (block, 0, y, b->width, 1.6, SHEET_ACCENT);
  y += 1.6 + 1.2;
  sheet_block_add_fill (block, 0, y, b->width, 0.5, SHEET_ACCENT);
  y += 0.5 + 6;

  if (sw_plan_get_first_day (plan) == sw_plan_get_last_day (plan))
    dates = g_strdup (first);
  else
    dates = g_strdup_printf ("%s – %s", first, last);
  labels[n] = _("Dates");
  values[n++] = dates;
  if (sw_plan_get_organiser (plan)[0] != '\0')
    {
      labels[n] = _("Organiser");
      values[n++] = sw_plan_get_organiser (plan);
    }
  if (sw_plan_get_hotline (plan)[0] != '\0')
    {
      labels[n] = _("Hotline");
      values[n++] = sw_plan_get_hotline (plan);
    }

  label_w = MIN (90.0, b->width * 0.2);
  box_top = y;
  y += 4;
  for (guint i = 0; i < n; i++)
    {
      double h1, h2;

      h1 = sheet_block_add_layout (block, 8, y,
                                   sheet_layout_new (b, SHEET_FONT_BODY_BOLD, label_w - 8, PANGO_ALIGN_LEFT, labels[i]),
                                   SHEET_GREY);
      h2 = sheet_block_add_layout (block, label_w, y,
                                   sheet_layout_new (b, SHEET_FONT_BODY, b->width - label_w - 8, PANGO_ALIGN_LEFT, values[i]),
                                   SHEET_INK);
      y += MAX (h1, h2) + 2;
    }
  if (sw_plan_get_description (plan)[0] != '\0')
    {
      y += 2;
      y += sheet_block_add_layout (block, 8, y,
                                   sheet_layout_new (b, SHEET_FONT_SMALL, b->width - 16, PANGO_ALIGN_LEFT,
                                                     sw_plan_get_description (plan)),
                                   SHEET_GREY);
    }
  y += 4;
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

void
sheet_add_heading (SheetBuilder *b,
                   const char   *text)
{
  SheetBlock *block = sheet_block_new (b);
  double h;

  h = sheet_block_add_layout (block, 0, 0,
                              sheet_layout_new (b, SHEET_FONT_HEADING, b->width, PANGO_ALIGN_LEFT, text),
                              SHEET_ACCENT);
  sheet_block_add_fill (block, 0, h + 1.5, b->width, 0.8, SHEET_ACCENT);
  block->height = h + 2.3;
  block->space_after = 7;
  block->keep_with_next = TRUE;
  sheet_builder_append (b, block);
}

void
sheet_add_note (SheetBuilder *b,
                const char   *text)
{
  SheetBlock *block = sheet_block_new (b);
  double h;

  h = sheet_block_add_layout (block, 12, 10,
                              sheet_layout_new (b, SHEET_FONT_SUBHEADING, b->width - 24, PANGO_ALIGN_CENTER, text),
                              SHEET_GREY);
  {
    SheetRect r = { 0, 0, b->width, h + 20, SHEET_NOTE_FILL, SHEET_RULE, 0.5,
                    SHEET_EDGE_ALL, SHEET_DASH_DASHED, SHEET_HATCH_NONE };

    g_array_insert_vals (block->rects, 0, &r, 1);
  }
  block->height = h + 20;
  block->space_after = 10;
  sheet_builder_append (b, block);
}

SheetBlock *
sheet_header_row_new (SheetBuilder *b,
                      const double *widths,
                      const char  **labels,
                      guint         n)
{
  SheetBlock *block = sheet_block_new (b);
  g_autofree PangoLayout **layouts = g_new0 (PangoLayout *, n);
  double x = 0, h = 0;

  for (guint i = 0; i < n; i++)
    {
      layouts[i] = sheet_layout_new (b, SHEET_FONT_HEADER_CELL, widths[i] - 2 * SHEET_CELL_PAD_X,
                                     PANGO_ALIGN_LEFT, labels[i]);
      h = MAX (h, sheet_layout_height (layouts[i]));
    }
  h += 2 * SHEET_CELL_PAD_Y;
  for (guint i = 0; i < n; i++)
    {
      sheet_block_add_frame (block, x, 0, widths[i], h, SHEET_HEADER_FILL, SHEET_EDGE_ALL);
      x += widths[i];
    }
  x = 0;
  for (guint i = 0; i < n; i++)
    {
      sheet_block_add_layout (block, x + SHEET_CELL_PAD_X, SHEET_CELL_PAD_Y, layouts[i], SHEET_ACCENT);
      x += widths[i];
    }
  block->height = h;
  block->keep_with_next = TRUE;

  return block;
}
