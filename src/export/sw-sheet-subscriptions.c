/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sw-sheet-private.h"

/* The subscriptions sheet, pinned up at the mobilisation meeting: one
 * line per person with a published calendar — number, name, department,
 * the address, and its QR code for a phone camera — in the order given (roster
 * order), so people find themselves where the roster puts them. */

#define QR_SIZE  64.0
#define LINE_PAD 6.0

static SheetBlock *
person_line_new (SheetBuilder *b,
                 guint         number,
                 SwPerson     *person,
                 const char   *url)
{
  SheetBlock *block = sheet_block_new (b);
  SwDepartment *department = sw_person_get_department (person);
  g_autofree char *number_text = g_strdup_printf ("%u", number);
  double text_width = b->width - QR_SIZE - 12;
  double y = LINE_PAD;
  PangoLayout *layout;

  sheet_block_add_qr_code (block, b->width - QR_SIZE, LINE_PAD, QR_SIZE, url);

  layout = sheet_layout_new (b, SHEET_FONT_BODY, 24, PANGO_ALIGN_RIGHT, number_text);
  sheet_block_add_layout (block, 0, y + 2, layout, SHEET_GREY);
  layout = sheet_layout_new (b, SHEET_FONT_NAME, text_width - 32, PANGO_ALIGN_LEFT, sw_person_get_name (person));
  y += sheet_block_add_layout (block, 32, y, layout, SHEET_INK) + 2;
  if (department != NULL)
    {
      layout = sheet_layout_new (b, SHEET_FONT_BODY, text_width - 32, PANGO_ALIGN_LEFT,
                                 sw_department_get_name (department));
      y += sheet_block_add_layout (block, 32, y, layout, SHEET_GREY) + 2;
    }
  layout = sheet_layout_new (b, SHEET_FONT_SMALL, text_width - 32, PANGO_ALIGN_LEFT, url);
  y += sheet_block_add_layout (block, 32, y, layout, SHEET_GREY);

  block->height = MAX (y, QR_SIZE + LINE_PAD) + LINE_PAD;
  sheet_block_add_frame (block, 0, block->height, b->width, 0, SHEET_NO_COLOR, SHEET_EDGE_TOP);

  return block;
}

void
sw_sheet_build_subscriptions (SheetBuilder *b)
{
  GPtrArray *people = b->sheet->subscribers;
  guint number = 0;

  sheet_add_title_block (b, FALSE, sw_sheet_kind_get_label (SW_SHEET_KIND_SUBSCRIPTIONS));
  sheet_add_note (b, _("Scan your code with your phone’s camera to subscribe to your duty calendar: "
                       "every change of the plan reaches it by itself."));

  for (guint i = 0; i < people->len; i++)
    {
      SwPerson *person = g_ptr_array_index (people, i);

      sheet_builder_append (b, person_line_new (b, ++number, person,
                                                sw_sheet_get_subscription (b->sheet, person)));
    }

  if (number == 0)
    sheet_add_note (b, _("No calendars are published yet"));
}
