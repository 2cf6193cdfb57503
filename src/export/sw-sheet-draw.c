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
#include <pango/pangocairo.h>

#include "sw-sheet-private.h"

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

static void
set_write_error (GError     **error,
                 const char  *display,
                 int          saved_errno)
{
  g_set_error (error, SW_SHEET_ERROR, SW_SHEET_ERROR_WRITE,
               _("Cannot write “%s”: %s"), display, g_strerror (saved_errno));
}

/* Checks that @path is no folder and that its folder exists, then
 * creates a hidden temporary file beside it: returns its descriptor with
 * @tmp set to its path, or -1 with @error set. */
static int
create_temporary_beside (const char  *path,
                         const char  *display,
                         char       **tmp,
                         GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  int fd;

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, SW_SHEET_ERROR, SW_SHEET_ERROR_WRITE,
                   _("Cannot write “%s”: it is a folder"), display);
      return -1;
    }

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *dir_display = g_filename_display_name (dir);

      g_set_error (error, SW_SHEET_ERROR, SW_SHEET_ERROR_WRITE,
                   _("Cannot write “%s”: the folder “%s” does not exist"), display, dir_display);
      return -1;
    }
  *tmp = g_strdup_printf ("%s%c.%s.XXXXXX", dir, G_DIR_SEPARATOR, base);
  fd = g_mkstemp_full (*tmp, O_RDWR | O_CLOEXEC, 0644);
  if (fd < 0)
    set_write_error (error, display, errno);

  return fd;
}

/* Draws every page into a PDF written to @stream. */
static cairo_status_t
render_pdf (SwSheet   *self,
            PdfStream *stream)
{
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  if (self->pages == NULL)
    sw_sheet_paginate (self, NULL);

  surface = cairo_pdf_surface_create_for_stream (pdf_write, stream,
                                                 self->page_width, self->page_height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, sw_plan_get_title (self->plan));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Service Week Planner " PACKAGE_VERSION);

  cr = cairo_create (surface);
  for (guint i = 0; i < self->pages->len && cairo_status (cr) == CAIRO_STATUS_SUCCESS; i++)
    {
      sw_sheet_draw_page (self, cr, i);
      cairo_show_page (cr);
    }
  status = cairo_status (cr);
  cairo_destroy (cr);
#ifdef __GLIBC__
  /* Finishing embeds the fonts, the most memory printing takes (see
   * sheet_font_rules); give back first what laying out freed. */
  malloc_trim (0);
#endif
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  return status;
}

gboolean
sw_sheet_write_pdf (SwSheet     *self,
                    const char  *path,
                    GError     **error)
{
  g_autofree char *tmp = NULL;
  g_autofree char *display = NULL;
  cairo_status_t status;
  PdfStream stream = { -1, 0 };
  gboolean ok = TRUE;

  g_return_val_if_fail (SW_IS_SHEET (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!sw_sheet_check (self, error))
    return FALSE;

  display = g_filename_display_name (path);
  stream.fd = create_temporary_beside (path, display, &tmp, error);
  if (stream.fd < 0)
    return FALSE;

  status = render_pdf (self, &stream);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      if (stream.saved_errno != 0)
        set_write_error (error, display, stream.saved_errno);
      else
        g_set_error (error, SW_SHEET_ERROR, SW_SHEET_ERROR_RENDER,
                     _("Cannot draw “%s”: %s"), display, cairo_status_to_string (status));
      ok = FALSE;
    }
  if (ok && fsync (stream.fd) != 0)
    {
      set_write_error (error, display, errno);
      ok = FALSE;
    }
  if (close (stream.fd) != 0 && ok)
    {
      set_write_error (error, display, errno);
      ok = FALSE;
    }
  if (ok && g_rename (tmp, path) != 0)
    {
      set_write_error (error, display, errno);
      ok = FALSE;
    }
  if (!ok)
    g_unlink (tmp);

  return ok;
}
