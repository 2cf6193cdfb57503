/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sw-sheet-private.h"

/* The change slips: one per person with changes to be told, in the order
 * given (roster order) — name, department and the notice in words, as
 * the window copies it and `servweek-cli changes` prints it — between
 * dashed cut lines like the duty slips, to hand out or pin up. */

#define SLIP_PAD 10.0

static SheetBlock *
change_slip_new (SheetBuilder *b,
                 SwPerson     *person,
                 const char   *text)
{
  SheetBlock *block = sheet_block_new (b);
  SwDepartment *department = sw_person_get_department (person);
  double inner = b->width - 2 * SLIP_PAD;
  SheetRect cut = { 0, 0, b->width, 0, SHEET_NO_COLOR, SHEET_GREY, 0.6,
                    SHEET_EDGE_TOP, SHEET_DASH_DASHED, SHEET_HATCH_NONE };
  double y = SLIP_PAD;
  PangoLayout *layout;

  sheet_block_add_rect (block, &cut);
  layout = sheet_layout_new (b, SHEET_FONT_NAME, inner, PANGO_ALIGN_LEFT, sw_person_get_name (person));
  y += sheet_block_add_layout (block, SLIP_PAD, y, layout, SHEET_INK) + 2;
  if (department != NULL)
    {
      layout = sheet_layout_new (b, SHEET_FONT_BODY, inner, PANGO_ALIGN_LEFT, sw_department_get_name (department));
      y += sheet_block_add_layout (block, SLIP_PAD, y, layout, SHEET_GREY) + 4;
    }
  layout = sheet_layout_new (b, SHEET_FONT_BODY, inner, PANGO_ALIGN_LEFT, text);
  y += sheet_block_add_layout (block, SLIP_PAD, y, layout, SHEET_INK);

  block->height = y + SLIP_PAD;
  return block;
}

void
sw_sheet_build_changes (SheetBuilder *b)
{
  GPtrArray *people = b->sheet->notice_people;

  sheet_add_title_block (b, FALSE, sw_sheet_kind_get_label (SW_SHEET_KIND_CHANGES));
  for (guint i = 0; i < people->len; i++)
    sheet_builder_append (b, change_slip_new (b, g_ptr_array_index (people, i),
                                              g_ptr_array_index (b->sheet->notice_texts, i)));
  if (people->len == 0)
    sheet_add_note (b, _("Nobody has changes to be told"));
}
