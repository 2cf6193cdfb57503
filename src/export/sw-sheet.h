/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "sw-core.h"

G_BEGIN_DECLS

#define SW_SHEET_ERROR (sw_sheet_error_quark ())

typedef enum
{
  SW_SHEET_ERROR_WRITE,    /* the destination cannot be written */
  SW_SHEET_ERROR_RENDER,   /* cairo failed while drawing */
  SW_SHEET_ERROR_NO_SLOT,  /* a sheet of one slot without a slot of its plan */
} SwSheetError;

typedef enum
{
  SW_SHEET_KIND_ROLES,     /* role assignment sheet (人员分工表) */
  SW_SHEET_KIND_WEEK,      /* week grid, one page per week */
  SW_SHEET_KIND_SLIPS,     /* duty slips, one block per person */
  SW_SHEET_KIND_SIGNIN,    /* sign-in sheet (签到表) of one slot */
  SW_SHEET_KIND_SUBSCRIPTIONS, /* each person's calendar address as a QR code */
  SW_SHEET_KIND_CHANGES,   /* change notices (变动通知单), one slip per person */
} SwSheetKind;

typedef enum
{
  SW_PAPER_A4,
  SW_PAPER_LETTER,
} SwPaper;

typedef enum
{
  SW_ORIENTATION_AUTO,       /* landscape for the week grid, else portrait */
  SW_ORIENTATION_PORTRAIT,
  SW_ORIENTATION_LANDSCAPE,
} SwOrientation;

/* The font list every sheet uses; the CJK face first so Chinese renders. */
#define SW_SHEET_FONT_FAMILY "Noto Sans CJK SC, Noto Sans, sans"

/*
 * SwSheet: a printed sheet of a plan, laid out with Pango on pages of a
 * given size and margins (all lengths in points, 1/72 inch).  The same
 * drawing code serves PDF files and GtkPrintOperation:
 *
 *   sheet = sw_sheet_new (plan, SW_SHEET_KIND_ROLES);
 *   sw_sheet_set_paper (sheet, SW_PAPER_A4, SW_ORIENTATION_AUTO);
 *   n = sw_sheet_paginate (sheet, NULL);
 *   for (i = 0; i < n; i++) sw_sheet_draw_page (sheet, cr, i);
 *
 * Properties: "plan" and "kind" (construct-only), "slot" (the slot a
 * sign-in sheet is for), "n-pages" (read-only, 0 until paginated).
 * Changing the paper, the margins or the slot drops the pagination.
 */
#define SW_TYPE_SHEET (sw_sheet_get_type ())
G_DECLARE_FINAL_TYPE (SwSheet, sw_sheet, SW, SHEET, GObject)

GQuark       sw_sheet_error_quark     (void);

/* "roles", "week", "slips", "signin". */
const char  *sw_sheet_kind_to_nick    (SwSheetKind    kind);
gboolean     sw_sheet_kind_from_nick  (const char    *nick,
                                       SwSheetKind   *out_kind);
/* "Role assignment sheet" / "人员分工表", … */
const char  *sw_sheet_kind_get_label  (SwSheetKind    kind);

SwSheet     *sw_sheet_new             (SwPlan        *plan,
                                       SwSheetKind    kind);
/* A sign-in sheet of @slot, a slot of @plan. */
SwSheet     *sw_sheet_new_for_slot    (SwPlan        *plan,
                                       SwSlot        *slot);

/* Whether the kind is a sheet of one slot (the sign-in sheet). */
gboolean     sw_sheet_kind_needs_slot (SwSheetKind    kind);
/* The slot a sign-in sheet is for (NULL: none yet); other sheets ignore it. */
void         sw_sheet_set_slot        (SwSheet       *self,
                                       SwSlot        *slot);
SwSlot      *sw_sheet_get_slot        (SwSheet       *self);
/* FALSE with SW_SHEET_ERROR_NO_SLOT when the sheet is of one slot and
 * has none, or one that is not in its plan; such a sheet paginates to a
 * page saying so, and sw_sheet_write_pdf() refuses it. */
gboolean     sw_sheet_check           (SwSheet       *self,
                                       GError       **error);

/* The address @person subscribes to their published calendar at: their
 * duty slip carries it as a QR code, and the subscriptions sheet lists
 * everyone's in the order they were added (the caller's: roster order). */
void         sw_sheet_add_subscription  (SwSheet     *self,
                                         SwPerson    *person,
                                         const char  *url);
const char  *sw_sheet_get_subscription  (SwSheet     *self,
                                         SwPerson    *person);
guint        sw_sheet_get_n_subscriptions (SwSheet   *self);
/* @person's change notice, for the change slips (sw_change_notices ()),
 * in the order added. */
void         sw_sheet_add_notice        (SwSheet     *self,
                                         SwPerson    *person,
                                         const char  *text);
guint        sw_sheet_get_n_notices     (SwSheet     *self);

/* A4 portrait with 15 mm margins all round by default (the week grid:
 * A4 landscape). */
void         sw_sheet_set_paper       (SwSheet       *self,
                                       SwPaper        paper,
                                       SwOrientation  orientation);
void         sw_sheet_set_page_size   (SwSheet       *self,
                                       double         width,
                                       double         height);
double       sw_sheet_get_page_width  (SwSheet       *self);
double       sw_sheet_get_page_height (SwSheet       *self);
void         sw_sheet_set_margins     (SwSheet       *self,
                                       double         top,
                                       double         right,
                                       double         bottom,
                                       double         left);
void         sw_sheet_get_margins     (SwSheet       *self,
                                       double        *top,
                                       double        *right,
                                       double        *bottom,
                                       double        *left);

/* Lays the sheet out with @context (NULL: the sheet's own, for vector
 * output at 72 dpi without hinting, with the fonts the PDF writer and the
 * print dialog use) and returns the page count, at least 1. */
guint        sw_sheet_paginate        (SwSheet       *self,
                                       PangoContext  *context);
guint        sw_sheet_get_n_pages     (SwSheet       *self);
/* Draws page @page (0-based) in page coordinates, 1 unit = 1 point, the
 * origin at the paper's top-left corner. */
void         sw_sheet_draw_page       (SwSheet       *self,
                                       cairo_t       *cr,
                                       guint          page);

/* Paginates when needed and writes every page to a PDF file.  Writes a
 * temporary file next to @path and renames it, so on failure nothing is
 * left behind (SW_SHEET_ERROR_WRITE names the file). */
gboolean     sw_sheet_write_pdf       (SwSheet       *self,
                                       const char    *path,
                                       GError       **error);

G_END_DECLS
