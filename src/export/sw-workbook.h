/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sw-core.h"

G_BEGIN_DECLS

#define SW_WORKBOOK_ERROR (sw_workbook_error_quark ())

typedef enum
{
  SW_WORKBOOK_ERROR_WRITE,   /* the destination cannot be written */
} SwWorkbookError;

GQuark    sw_workbook_error_quark     (void);

/*
 * The role assignment sheet (人员分工表) as an .xlsx workbook made with
 * libxlsxwriter: one sheet per day of the plan (and per other day a slot
 * falls on), named "9月23日 星期三" / "Wed 23 Sep", with the columns time ·
 * activity · place · organising departments · duty · name · department ·
 * phone (one row per seat of a duty, empty seats left blank to fill in by
 * hand, attendees after the duties), then a people sheet with every
 * person of the roster and their duties in the plan.  Header rows are
 * bold and frozen, columns fitted to Chinese text, cells wrap, pages print
 * A4 landscape, fitted to the page width.  Written to a temporary file
 * next to @path and renamed, so a failure leaves nothing behind.
 */
gboolean  sw_workbook_write_roles     (SwOrganisation  *org,
                                       SwPlan          *plan,
                                       const char      *path,
                                       GError         **error);

/* The sheet name of @day: "9月23日 星期三" in Chinese, else "Wed 23 Sep". */
char     *sw_workbook_day_sheet_name  (int              day);

/* @name made valid as a sheet name: no []:*?/\ (replaced by "_"), no
 * apostrophe at either end, at most 31 characters, never empty. */
char     *sw_workbook_clean_sheet_name (const char     *name);

/* The width of @text in character cells, a CJK (wide) character counting
 * 2; the widest line of a text with line breaks. */
guint     sw_workbook_text_width      (const char      *text);

G_END_DECLS
