/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <unistd.h>

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>

#include "sw-sheet-private.h"

#define MM                (72.0 / 25.4)
#define HEADER_BAND       16.0
#define FOOTER_BAND       16.0
#define BAND_GAP          8.0
#define CONTINUED_HEIGHT  13.0

typedef struct
{
  SheetBlock *block;
  double      y;          /* top of the part on the body area */
  double      y0, y1;     /* the part of the block shown */
  double      drawn_to;   /* lines ending at or above this were shown before */
  gboolean    continued;  /* the block goes on on the next page */
} Placement;

#define NOTHING_DRAWN (-G_MAXDOUBLE)

typedef struct
{
  SheetBlock *caption;
  SheetBlock *header;
} SheetTable;

struct _SwSheet
{
  GObject       parent_instance;

  SwPlan       *plan;
  SwSheetKind   kind;
  double        page_width;
  double        page_height;
  double        margin_top;
  double        margin_right;
  double        margin_bottom;
  double        margin_left;

  SheetBuilder *builder;      /* owns the blocks once paginated */
  GPtrArray    *pages;        /* GArray of Placement, per page */
};

G_DEFINE_TYPE (SwSheet, sw_sheet, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_PLAN,
  PROP_KIND,
  PROP_N_PAGES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_QUARK (sw-sheet-error-quark, sw_sheet_error)

/* ---------------------------------------------------------------- blocks */

static void
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

static void
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

/* ---------------------------------------------------------------- pagination */

static void
page_add (GArray     *page,
          SheetBlock *block,
          double      y,
          double      y0,
          double      y1,
          double      drawn_to,
          gboolean    continued)
{
  Placement p = { block, y, y0, y1, drawn_to, continued };

  g_array_append_val (page, p);
}

/* Where the rest of @block starts when its part ends at @cut: at the top
 * of the first line that did not fit.  Lines are assigned to parts by
 * their bottom, so each cell breaks at its own last whole line and no line
 * is ever cut in two; the parts' ranges may overlap a little. */
static double
next_part_start (SheetBlock *block,
                 double      cut)
{
  double start = cut;

  for (guint i = 0; i < block->rects->len; i++)
    {
      SheetRect *r = &g_array_index (block->rects, SheetRect, i);

      if (r->atom && r->y + r->h > cut + 0.01)
        start = MIN (start, r->y);
    }

  for (guint i = 0; i < block->texts->len; i++)
    {
      SheetText *t = &g_array_index (block->texts, SheetText, i);
      PangoLayoutIter *iter;

      if (t->atom_bottom > 0)
        {
          if (t->atom_bottom > cut + 0.01)
            start = MIN (start, t->atom_top);
          continue;
        }
      if (t->y >= start)
        continue;
      iter = pango_layout_get_iter (t->layout);
      do
        {
          int y0, y1;
          double top, bottom;

          pango_layout_iter_get_line_yrange (iter, &y0, &y1);
          top = t->y + (double) y0 / PANGO_SCALE;
          bottom = t->y + (double) y1 / PANGO_SCALE;
          if (top >= start)
            break;
          if (bottom > cut + 0.01)
            start = MIN (start, top);
        }
      while (pango_layout_iter_next_line (iter));
      pango_layout_iter_free (iter);
      sheet_layout_release_lines (t->layout);
    }

  return start;
}

typedef struct
{
  SwSheet  *self;
  double    body_height;
  GArray   *page;
  double    y;
  gboolean  fresh;      /* nothing but repeated table heads on the page */
  int       shown_table;
} Paginator;

static void
paginator_new_page (Paginator *pg)
{
  pg->page = g_array_new (FALSE, FALSE, sizeof (Placement));
  g_ptr_array_add (pg->self->pages, pg->page);
  pg->y = 0;
  pg->fresh = TRUE;
  pg->shown_table = -1;
}

static double
table_head_height (SheetBuilder *b,
                   int           table)
{
  SheetTable *t = g_ptr_array_index (b->tables, table);
  double h = 0;

  if (t->caption != NULL)
    h += t->caption->height + t->caption->space_after;
  if (t->header != NULL)
    h += t->header->height + t->header->space_after;

  return h;
}

static void
paginator_repeat_table_head (Paginator *pg,
                             int        table)
{
  SheetTable *t = g_ptr_array_index (pg->self->builder->tables, table);

  if (t->caption != NULL)
    {
      page_add (pg->page, t->caption, pg->y, 0, t->caption->height, NOTHING_DRAWN, FALSE);
      pg->y += t->caption->height + t->caption->space_after;
    }
  if (t->header != NULL)
    {
      page_add (pg->page, t->header, pg->y, 0, t->header->height, NOTHING_DRAWN, FALSE);
      pg->y += t->header->height + t->header->space_after;
    }
  pg->shown_table = table;
}

static gboolean
is_table_row (SheetBlock *block)
{
  return block->table >= 0 && !block->is_table_header && !block->is_caption;
}

static void
paginate_blocks (SwSheet *self,
                 double   body_height)
{
  SheetBuilder *b = self->builder;
  Paginator pg = { self, body_height, NULL, 0, TRUE, -1 };

  paginator_new_page (&pg);

  for (guint i = 0; i < b->blocks->len; i++)
    {
      SheetBlock *block = g_ptr_array_index (b->blocks, i);
      double need = block->height;
      double off = 0;
      double drawn_to = NOTHING_DRAWN;

      if (block->page_break_before && !(pg.fresh && pg.y == 0))
        paginator_new_page (&pg);

      /* A heading goes with what follows it. */
      for (guint j = i; j + 1 < b->blocks->len; j++)
        {
          SheetBlock *cur = g_ptr_array_index (b->blocks, j);
          SheetBlock *next = g_ptr_array_index (b->blocks, j + 1);

          if (!cur->keep_with_next)
            break;
          need += cur->space_after + next->height;
        }
      if (is_table_row (block) && pg.shown_table != block->table)
        need += table_head_height (b, block->table);
      if (need > body_height)
        need = block->height;

      if (pg.y + need > body_height && !pg.fresh)
        paginator_new_page (&pg);
      if (block->is_table_header)
        pg.shown_table = block->table;
      if (is_table_row (block) && pg.shown_table != block->table)
        paginator_repeat_table_head (&pg, block->table);

      for (;;)
        {
          double remaining = block->height - off;
          double avail = body_height - pg.y;
          double cut, next;

          if (remaining <= avail + 0.01)
            {
              page_add (pg.page, block, pg.y, off, block->height, drawn_to, FALSE);
              pg.y += remaining + block->space_after;
              pg.fresh = FALSE;
              break;
            }

          /* Only a block taller than a page is ever split. */
          cut = off + avail - CONTINUED_HEIGHT;
          next = next_part_start (block, cut);
          if (cut <= off + 1.0 || next <= off + 0.01)
            {
              if (!pg.fresh)
                {
                  paginator_new_page (&pg);
                  if (is_table_row (block))
                    paginator_repeat_table_head (&pg, block->table);
                  continue;
                }
              /* A single line taller than the page: cut through it. */
              cut = off + MAX (avail - CONTINUED_HEIGHT, 1.0);
              next = cut;
            }
          page_add (pg.page, block, pg.y, off, cut, drawn_to, TRUE);
          drawn_to = cut;
          off = next;
          paginator_new_page (&pg);
          if (is_table_row (block))
            paginator_repeat_table_head (&pg, block->table);
        }
    }
}

/* Bold on the sheets is the regular face made heavier by FreeType rather
 * than a face of its own.  The PDF writer of cairo 1.16 copies the whole
 * CFF table of each face it embeds, and a Noto Sans CJK weight is 17 MB of
 * them: with one face the CLI's print stays within its memory budget, and
 * a plan prints the same from the window and from the command line. */
static const char sheet_font_rules[] =
  "<?xml version=\"1.0\"?>\n"
  "<!DOCTYPE fontconfig SYSTEM \"urn:fontconfig:fonts.dtd\">\n"
  "<fontconfig>\n"
  "  <match target=\"pattern\">\n"
  "    <test name=\"weight\" compare=\"more_eq\"><const>demibold</const></test>\n"
  "    <edit name=\"weight\" mode=\"assign\"><const>regular</const></edit>\n"
  "    <edit name=\"embolden\" mode=\"assign\"><bool>true</bool></edit>\n"
  "  </match>\n"
  "</fontconfig>\n";

static PangoFontMap *
sheet_font_map (void)
{
  static PangoFontMap *map;

  if (g_once_init_enter (&map))
    {
      PangoFontMap *new_map = pango_cairo_font_map_new_for_font_type (CAIRO_FONT_TYPE_FT);
      FcConfig *config = FcInitLoadConfigAndFonts ();

      if (new_map == NULL)
        new_map = g_object_ref (pango_cairo_font_map_get_default ());
      else if (config != NULL &&
               FcConfigParseAndLoadFromMemory (config, (const FcChar8 *) sheet_font_rules, FcTrue))
        pango_fc_font_map_set_config (PANGO_FC_FONT_MAP (new_map), config);
      else
        g_warning ("Cannot set up the fonts of the printed sheets; bold text uses its own face");
      if (config != NULL)
        FcConfigDestroy (config);

      g_once_init_leave (&map, new_map);
    }

  return map;
}

static PangoContext *
create_vector_context (void)
{
  PangoContext *context = pango_font_map_create_context (sheet_font_map ());
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  pango_cairo_context_set_resolution (context, 72.0);
  cairo_font_options_destroy (options);

  return context;
}

static PangoFontDescription *
font_new (double size,
          gboolean bold)
{
  PangoFontDescription *desc = pango_font_description_from_string (SW_SHEET_FONT_FAMILY);

  pango_font_description_set_size (desc, (int) (size * PANGO_SCALE));
  if (bold)
    pango_font_description_set_weight (desc, PANGO_WEIGHT_BOLD);

  return desc;
}

static void
sw_sheet_clear_pagination (SwSheet *self)
{
  gboolean had = self->pages != NULL;

  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->builder, sheet_builder_free);
  if (had)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PAGES]);
}

static double
content_width (SwSheet *self)
{
  return MAX (self->page_width - self->margin_left - self->margin_right, 72.0);
}

static double
body_height (SwSheet *self)
{
  double h = self->page_height - self->margin_top - self->margin_bottom
             - HEADER_BAND - FOOTER_BAND - 2 * BAND_GAP;

  return MAX (h, 72.0);
}

guint
sw_sheet_paginate (SwSheet      *self,
                   PangoContext *context)
{
  SheetBuilder *b;

  g_return_val_if_fail (SW_IS_SHEET (self), 0);
  g_return_val_if_fail (context == NULL || PANGO_IS_CONTEXT (context), 0);

  sw_sheet_clear_pagination (self);

  b = g_new0 (SheetBuilder, 1);
  b->sheet = self;
  b->plan = self->plan;
  b->context = context != NULL ? g_object_ref (context) : create_vector_context ();
  b->fonts[SHEET_FONT_TITLE] = font_new (18, TRUE);
  b->fonts[SHEET_FONT_SUBTITLE] = font_new (12, FALSE);
  b->fonts[SHEET_FONT_HEADING] = font_new (12, TRUE);
  b->fonts[SHEET_FONT_SUBHEADING] = font_new (10, TRUE);
  b->fonts[SHEET_FONT_BODY] = font_new (8.5, FALSE);
  b->fonts[SHEET_FONT_BODY_BOLD] = font_new (8.5, TRUE);
  b->fonts[SHEET_FONT_SMALL] = font_new (7.5, FALSE);
  b->fonts[SHEET_FONT_HEADER_CELL] = font_new (8, TRUE);
  b->fonts[SHEET_FONT_NAME] = font_new (13, TRUE);
  b->width = content_width (self);
  b->body_height = body_height (self);
  b->blocks = g_ptr_array_new_with_free_func (sheet_block_free);
  b->extra = g_ptr_array_new_with_free_func (sheet_block_free);
  b->tables = g_ptr_array_new_with_free_func (g_free);
  self->builder = b;

  switch (self->kind)
    {
    case SW_SHEET_KIND_ROLES:
      sw_sheet_build_roles (b);
      break;
    case SW_SHEET_KIND_WEEK:
      sw_sheet_build_week (b);
      break;
    case SW_SHEET_KIND_SLIPS:
    default:
      sw_sheet_build_slips (b);
      break;
    }

  /* Table headers live in the flow; make sure they are freed once. */
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  paginate_blocks (self, b->body_height);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PAGES]);

  return self->pages->len;
}

guint
sw_sheet_get_n_pages (SwSheet *self)
{
  g_return_val_if_fail (SW_IS_SHEET (self), 0);

  return self->pages != NULL ? self->pages->len : 0;
}

/* ---------------------------------------------------------------- drawing */

static void
set_color (cairo_t *cr,
           guint32  color)
{
  cairo_set_source_rgb (cr,
                        ((color >> 16) & 0xff) / 255.0,
                        ((color >> 8) & 0xff) / 255.0,
                        (color & 0xff) / 255.0);
}

static void
draw_hatch (cairo_t         *cr,
            const SheetRect *r)
{
  double step = 3.5;

  cairo_save (cr);
  cairo_rectangle (cr, r->x, r->y, r->w, r->h);
  cairo_clip (cr);
  set_color (cr, r->stroke != SHEET_NO_COLOR ? r->stroke : SHEET_GREY);
  cairo_set_line_width (cr, 0.45);
  switch (r->hatch)
    {
    case SHEET_HATCH_HORIZONTAL:
      for (double y = r->y + step / 2; y < r->y + r->h; y += step)
        {
          cairo_move_to (cr, r->x, y);
          cairo_line_to (cr, r->x + r->w, y);
        }
      break;
    case SHEET_HATCH_DIAGONAL:
    case SHEET_HATCH_BACK_DIAGONAL:
    case SHEET_HATCH_CROSS:
      for (double d = -r->h; d < r->w; d += step)
        {
          if (r->hatch != SHEET_HATCH_BACK_DIAGONAL)
            {
              cairo_move_to (cr, r->x + d, r->y + r->h);
              cairo_line_to (cr, r->x + d + r->h, r->y);
            }
          if (r->hatch != SHEET_HATCH_DIAGONAL)
            {
              cairo_move_to (cr, r->x + d, r->y);
              cairo_line_to (cr, r->x + d + r->h, r->y + r->h);
            }
        }
      break;
    case SHEET_HATCH_NONE:
    default:
      break;
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_rect (cairo_t         *cr,
           const SheetRect *r)
{
  if (r->fill != SHEET_NO_COLOR)
    {
      set_color (cr, r->fill);
      cairo_rectangle (cr, r->x, r->y, r->w, r->h);
      cairo_fill (cr);
    }
  if (r->hatch != SHEET_HATCH_NONE)
    draw_hatch (cr, r);
  if (r->stroke != SHEET_NO_COLOR && r->line_width > 0 && r->edges != 0)
    {
      static const double dashed[] = { 3.0, 2.0 };
      static const double dotted[] = { 0.8, 1.6 };
      static const double dash_dot[] = { 4.0, 1.5, 0.8, 1.5 };

      set_color (cr, r->stroke);
      cairo_set_line_width (cr, r->line_width);
      switch (r->dash)
        {
        case SHEET_DASH_DASHED:
          cairo_set_dash (cr, dashed, G_N_ELEMENTS (dashed), 0);
          break;
        case SHEET_DASH_DOTTED:
          cairo_set_dash (cr, dotted, G_N_ELEMENTS (dotted), 0);
          break;
        case SHEET_DASH_DASH_DOT:
          cairo_set_dash (cr, dash_dot, G_N_ELEMENTS (dash_dot), 0);
          break;
        case SHEET_DASH_SOLID:
        default:
          cairo_set_dash (cr, NULL, 0, 0);
          break;
        }
      if (r->edges == SHEET_EDGE_ALL)
        cairo_rectangle (cr, r->x, r->y, r->w, r->h);
      else
        {
          if (r->edges & SHEET_EDGE_TOP)
            {
              cairo_move_to (cr, r->x, r->y);
              cairo_line_to (cr, r->x + r->w, r->y);
            }
          if (r->edges & SHEET_EDGE_RIGHT)
            {
              cairo_move_to (cr, r->x + r->w, r->y);
              cairo_line_to (cr, r->x + r->w, r->y + r->h);
            }
          if (r->edges & SHEET_EDGE_BOTTOM)
            {
              cairo_move_to (cr, r->x, r->y + r->h);
              cairo_line_to (cr, r->x + r->w, r->y + r->h);
            }
          if (r->edges & SHEET_EDGE_LEFT)
            {
              cairo_move_to (cr, r->x, r->y);
              cairo_line_to (cr, r->x, r->y + r->h);
            }
        }
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }
}

static void
draw_text_lines (cairo_t         *cr,
                 const SheetText *t,
                 double           drawn_to,
                 double           y1)
{
  PangoLayoutIter *iter = pango_layout_get_iter (t->layout);

  do
    {
      int top, bottom;
      double line_bottom;

      pango_layout_iter_get_line_yrange (iter, &top, &bottom);
      line_bottom = t->y + (double) bottom / PANGO_SCALE;
      if (line_bottom > drawn_to + 0.01 && line_bottom <= y1 + 0.01)
        {
          PangoRectangle logical;
          int baseline = pango_layout_iter_get_baseline (iter);

          pango_layout_iter_get_line_extents (iter, NULL, &logical);
          cairo_move_to (cr, t->x + (double) logical.x / PANGO_SCALE,
                         t->y + (double) baseline / PANGO_SCALE);
          pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
        }
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static void
draw_placement (SwSheet         *self,
                cairo_t         *cr,
                const Placement *p,
                double           body_top)
{
  SheetBlock *block = p->block;
  gboolean whole = p->drawn_to == NOTHING_DRAWN && p->y0 <= 0.01 && p->y1 >= block->height - 0.01;
  double width = self->builder->width;

  cairo_save (cr);
  cairo_translate (cr, self->margin_left, body_top + p->y - p->y0);

  if (!whole)
    {
      cairo_save (cr);
      cairo_rectangle (cr, -2, p->y0, width + 4, p->y1 - p->y0);
      cairo_clip (cr);
    }
  for (guint i = 0; i < block->rects->len; i++)
    {
      const SheetRect *r = &g_array_index (block->rects, SheetRect, i);

      if (!whole && r->atom)
        continue;
      draw_rect (cr, r);
    }
  if (!whole)
    {
      cairo_restore (cr);
      /* Units that never break show, unclipped, on the page their bottom falls on. */
      for (guint i = 0; i < block->rects->len; i++)
        {
          const SheetRect *r = &g_array_index (block->rects, SheetRect, i);

          if (r->atom && r->y + r->h > p->drawn_to + 0.01 && r->y + r->h <= p->y1 + 0.01)
            draw_rect (cr, r);
        }
    }

  for (guint i = 0; i < block->texts->len; i++)
    {
      const SheetText *t = &g_array_index (block->texts, SheetText, i);

      set_color (cr, t->color);
      if (whole || (t->atom_bottom > 0 && t->atom_bottom > p->drawn_to + 0.01 &&
                    t->atom_bottom <= p->y1 + 0.01))
        {
          cairo_move_to (cr, t->x, t->y);
          pango_cairo_show_layout (cr, t->layout);
        }
      else if (t->atom_bottom <= 0)
        draw_text_lines (cr, t, p->drawn_to, p->y1);
      sheet_layout_release_lines (t->layout);
    }

  if (p->continued)
    {
      g_autoptr(PangoLayout) layout = sheet_layout_new (self->builder, SHEET_FONT_SMALL, width,
                                                        PANGO_ALIGN_RIGHT,
                                                        _("continued on the next page"));

      set_color (cr, SHEET_GREY);
      cairo_move_to (cr, 0, p->y1 + 2);
      pango_cairo_show_layout (cr, layout);
    }
  cairo_restore (cr);
}

static void
draw_page_frame (SwSheet *self,
                 cairo_t *cr,
                 guint    page)
{
  SheetBuilder *b = self->builder;
  double x = self->margin_left, width = b->width;
  double top = self->margin_top;
  double bottom = self->page_height - self->margin_bottom;
  g_autofree char *number = g_strdup_printf (_("Page %d of %d"), (int) page + 1, (int) self->pages->len);
  g_autoptr(PangoLayout) title = NULL;
  g_autoptr(PangoLayout) kind = NULL;
  g_autoptr(PangoLayout) left = NULL;
  g_autoptr(PangoLayout) right = NULL;
  double kind_w = width * 0.3;
  int h;

  kind = sheet_layout_new (b, SHEET_FONT_SMALL, kind_w, PANGO_ALIGN_RIGHT,
                           sw_sheet_kind_get_label (self->kind));
  title = sheet_layout_new (b, SHEET_FONT_SMALL, width - kind_w - 6, PANGO_ALIGN_LEFT,
                            sw_plan_get_title (self->plan));
  /* A header is one line: a long title is shortened, never wrapped. */
  pango_layout_set_ellipsize (title, PANGO_ELLIPSIZE_END);
  pango_layout_set_ellipsize (kind, PANGO_ELLIPSIZE_END);

  set_color (cr, SHEET_GREY);
  pango_layout_get_size (title, NULL, &h);
  cairo_move_to (cr, x, top + HEADER_BAND - 3 - (double) h / PANGO_SCALE);
  pango_cairo_show_layout (cr, title);
  cairo_move_to (cr, x + width - kind_w, top + HEADER_BAND - 3 - (double) h / PANGO_SCALE);
  pango_cairo_show_layout (cr, kind);
  set_color (cr, SHEET_RULE);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, x, top + HEADER_BAND);
  cairo_line_to (cr, x + width, top + HEADER_BAND);
  cairo_move_to (cr, x, bottom - FOOTER_BAND);
  cairo_line_to (cr, x + width, bottom - FOOTER_BAND);
  cairo_stroke (cr);

  right = sheet_layout_new (b, SHEET_FONT_SMALL, width * 0.35, PANGO_ALIGN_RIGHT, number);
  if (sw_plan_get_hotline (self->plan)[0] != '\0')
    {
      g_autofree char *hotline = g_strdup_printf (_("Hotline: %s"), sw_plan_get_hotline (self->plan));

      left = sheet_layout_new (b, SHEET_FONT_SMALL, width * 0.6, PANGO_ALIGN_LEFT, hotline);
      pango_layout_set_ellipsize (left, PANGO_ELLIPSIZE_END);
      set_color (cr, SHEET_GREY);
      cairo_move_to (cr, x, bottom - FOOTER_BAND + 3);
      pango_cairo_show_layout (cr, left);
    }
  set_color (cr, SHEET_INK);
  cairo_move_to (cr, x + width * 0.65, bottom - FOOTER_BAND + 3);
  pango_cairo_show_layout (cr, right);
}

void
sw_sheet_draw_page (SwSheet *self,
                    cairo_t *cr,
                    guint    page)
{
  GArray *placements;
  double body_top;

  g_return_if_fail (SW_IS_SHEET (self));
  g_return_if_fail (cr != NULL);

  if (self->pages == NULL)
    sw_sheet_paginate (self, NULL);
  g_return_if_fail (page < self->pages->len);

  placements = g_ptr_array_index (self->pages, page);
  body_top = self->margin_top + HEADER_BAND + BAND_GAP;

  cairo_save (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  draw_page_frame (self, cr, page);
  for (guint i = 0; i < placements->len; i++)
    draw_placement (self, cr, &g_array_index (placements, Placement, i), body_top);
  cairo_restore (cr);
}

/* ---------------------------------------------------------------- PDF */

typedef struct
{
  int fd;
  int saved_errno;
} PdfStream;

static cairo_status_t
pdf_write (void                *closure,
           const unsigned char *data,
           unsigned int         length)
{
  PdfStream *stream = closure;

  while (length > 0)
    {
      ssize_t n = write (stream->fd, data, length);

      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          stream->saved_errno = errno;
          return CAIRO_STATUS_WRITE_ERROR;
        }
      data += n;
      length -= (unsigned int) n;
    }

  return CAIRO_STATUS_SUCCESS;
}

gboolean
sw_sheet_write_pdf (SwSheet     *self,
                    const char  *path,
                    GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *display = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  PdfStream stream = { -1, 0 };
  gboolean ok = TRUE;

  g_return_val_if_fail (SW_IS_SHEET (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  display = g_filename_display_name (path);
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, SW_SHEET_ERROR, SW_SHEET_ERROR_WRITE,
                   _("Cannot write “%s”: it is a folder"), display);
      return FALSE;
    }

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *dir_display = g_filename_display_name (dir);

      g_set_error (error, SW_SHEET_ERROR, SW_SHEET_ERROR_WRITE,
                   _("Cannot write “%s”: the folder “%s” does not exist"), display, dir_display);
      return FALSE;
    }
  tmp = g_strdup_printf ("%s%c.%s.XXXXXX", dir, G_DIR_SEPARATOR, base);
  stream.fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0644);
  if (stream.fd < 0)
    {
      int saved = errno;

      g_set_error (error, SW_SHEET_ERROR, SW_SHEET_ERROR_WRITE,
                   _("Cannot write “%s”: %s"), display, g_strerror (saved));
      return FALSE;
    }

  if (self->pages == NULL)
    sw_sheet_paginate (self, NULL);

  surface = cairo_pdf_surface_create_for_stream (pdf_write, &stream,
                                                 self->page_width, self->page_height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, sw_plan_get_title (self->plan));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Service Week Planner " PACKAGE_VERSION);
  {
    cairo_t *cr = cairo_create (surface);

    for (guint i = 0; i < self->pages->len && cairo_status (cr) == CAIRO_STATUS_SUCCESS; i++)
      {
        sw_sheet_draw_page (self, cr, i);
        cairo_show_page (cr);
      }
    status = cairo_status (cr);
    cairo_destroy (cr);
  }
#ifdef __GLIBC__
  /* Finishing embeds the fonts, the most memory printing takes (see
   * sheet_font_rules); give back first what laying out freed. */
  malloc_trim (0);
#endif
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      if (stream.saved_errno != 0)
        g_set_error (error, SW_SHEET_ERROR, SW_SHEET_ERROR_WRITE,
                     _("Cannot write “%s”: %s"), display, g_strerror (stream.saved_errno));
      else
        g_set_error (error, SW_SHEET_ERROR, SW_SHEET_ERROR_RENDER,
                     _("Cannot draw “%s”: %s"), display, cairo_status_to_string (status));
      ok = FALSE;
    }
  if (ok && fsync (stream.fd) != 0)
    {
      int saved = errno;

      g_set_error (error, SW_SHEET_ERROR, SW_SHEET_ERROR_WRITE,
                   _("Cannot write “%s”: %s"), display, g_strerror (saved));
      ok = FALSE;
    }
  if (close (stream.fd) != 0 && ok)
    {
      int saved = errno;

      g_set_error (error, SW_SHEET_ERROR, SW_SHEET_ERROR_WRITE,
                   _("Cannot write “%s”: %s"), display, g_strerror (saved));
      ok = FALSE;
    }
  if (ok && g_rename (tmp, path) != 0)
    {
      int saved = errno;

      g_set_error (error, SW_SHEET_ERROR, SW_SHEET_ERROR_WRITE,
                   _("Cannot write “%s”: %s"), display, g_strerror (saved));
      ok = FALSE;
    }
  if (!ok)
    g_unlink (tmp);

  return ok;
}

/* ---------------------------------------------------------------- object */

const char *
sw_sheet_kind_to_nick (SwSheetKind kind)
{
  switch (kind)
    {
    case SW_SHEET_KIND_ROLES:
      return "roles";
    case SW_SHEET_KIND_WEEK:
      return "week";
    case SW_SHEET_KIND_SLIPS:
      return "slips";
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
sw_sheet_kind_from_nick (const char  *nick,
                         SwSheetKind *out_kind)
{
  static const SwSheetKind kinds[] = { SW_SHEET_KIND_ROLES, SW_SHEET_KIND_WEEK, SW_SHEET_KIND_SLIPS };

  g_return_val_if_fail (out_kind != NULL, FALSE);

  if (nick == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_str_equal (nick, sw_sheet_kind_to_nick (kinds[i])))
      {
        *out_kind = kinds[i];
        return TRUE;
      }

  return FALSE;
}

const char *
sw_sheet_kind_get_label (SwSheetKind kind)
{
  switch (kind)
    {
    case SW_SHEET_KIND_ROLES:
      return _("Role assignment sheet");
    case SW_SHEET_KIND_WEEK:
      return _("Week grid");
    case SW_SHEET_KIND_SLIPS:
      return _("Duty slips");
    default:
      g_return_val_if_reached (NULL);
    }
}

SwSheet *
sw_sheet_new (SwPlan      *plan,
              SwSheetKind  kind)
{
  g_return_val_if_fail (SW_IS_PLAN (plan), NULL);
  g_return_val_if_fail (kind <= SW_SHEET_KIND_SLIPS, NULL);

  return g_object_new (SW_TYPE_SHEET, "plan", plan, "kind", kind, NULL);
}

SwPlan *
sw_sheet_get_plan (SwSheet *self)
{
  g_return_val_if_fail (SW_IS_SHEET (self), NULL);

  return self->plan;
}

SwSheetKind
sw_sheet_get_kind (SwSheet *self)
{
  g_return_val_if_fail (SW_IS_SHEET (self), SW_SHEET_KIND_ROLES);

  return self->kind;
}

void
sw_sheet_set_paper (SwSheet       *self,
                    SwPaper        paper,
                    SwOrientation  orientation)
{
  double w, h;
  gboolean landscape;

  g_return_if_fail (SW_IS_SHEET (self));

  if (paper == SW_PAPER_LETTER)
    {
      w = 8.5 * 72;
      h = 11 * 72;
    }
  else
    {
      w = 210 * MM;
      h = 297 * MM;
    }
  if (orientation == SW_ORIENTATION_AUTO)
    landscape = self->kind == SW_SHEET_KIND_WEEK;
  else
    landscape = orientation == SW_ORIENTATION_LANDSCAPE;

  if (landscape)
    sw_sheet_set_page_size (self, h, w);
  else
    sw_sheet_set_page_size (self, w, h);
}

void
sw_sheet_set_page_size (SwSheet *self,
                        double   width,
                        double   height)
{
  g_return_if_fail (SW_IS_SHEET (self));
  g_return_if_fail (width >= 144 && height >= 144);

  if (width == self->page_width && height == self->page_height)
    return;
  self->page_width = width;
  self->page_height = height;
  sw_sheet_clear_pagination (self);
}

double
sw_sheet_get_page_width (SwSheet *self)
{
  g_return_val_if_fail (SW_IS_SHEET (self), 0);

  return self->page_width;
}

double
sw_sheet_get_page_height (SwSheet *self)
{
  g_return_val_if_fail (SW_IS_SHEET (self), 0);

  return self->page_height;
}

void
sw_sheet_set_margins (SwSheet *self,
                      double   top,
                      double   right,
                      double   bottom,
                      double   left)
{
  g_return_if_fail (SW_IS_SHEET (self));
  g_return_if_fail (top >= 0 && right >= 0 && bottom >= 0 && left >= 0);

  if (top == self->margin_top && right == self->margin_right &&
      bottom == self->margin_bottom && left == self->margin_left)
    return;
  self->margin_top = top;
  self->margin_right = right;
  self->margin_bottom = bottom;
  self->margin_left = left;
  sw_sheet_clear_pagination (self);
}

void
sw_sheet_get_margins (SwSheet *self,
                      double  *top,
                      double  *right,
                      double  *bottom,
                      double  *left)
{
  g_return_if_fail (SW_IS_SHEET (self));

  if (top != NULL)
    *top = self->margin_top;
  if (right != NULL)
    *right = self->margin_right;
  if (bottom != NULL)
    *bottom = self->margin_bottom;
  if (left != NULL)
    *left = self->margin_left;
}

static void
sw_sheet_constructed (GObject *object)
{
  SwSheet *self = SW_SHEET (object);

  G_OBJECT_CLASS (sw_sheet_parent_class)->constructed (object);

  sw_sheet_set_paper (self, SW_PAPER_A4, SW_ORIENTATION_AUTO);
}

static void
sw_sheet_finalize (GObject *object)
{
  SwSheet *self = SW_SHEET (object);

  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->builder, sheet_builder_free);
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (sw_sheet_parent_class)->finalize (object);
}

static void
sw_sheet_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  SwSheet *self = SW_SHEET (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;
    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;
    case PROP_N_PAGES:
      g_value_set_uint (value, sw_sheet_get_n_pages (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sw_sheet_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  SwSheet *self = SW_SHEET (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      self->plan = g_value_dup_object (value);
      break;
    case PROP_KIND:
      self->kind = (SwSheetKind) g_value_get_int (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sw_sheet_class_init (SwSheetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = sw_sheet_constructed;
  object_class->finalize = sw_sheet_finalize;
  object_class->get_property = sw_sheet_get_property;
  object_class->set_property = sw_sheet_set_property;

  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, SW_TYPE_PLAN,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL, SW_SHEET_KIND_ROLES, SW_SHEET_KIND_SLIPS, SW_SHEET_KIND_ROLES,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_PAGES] =
    g_param_spec_uint ("n-pages", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sw_sheet_init (SwSheet *self)
{
  self->margin_top = 15 * MM;
  self->margin_bottom = 15 * MM;
  self->margin_left = 15 * MM;
  self->margin_right = 15 * MM;
}
