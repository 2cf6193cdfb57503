/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sw-sheet-private.h"

/* Duty slips: one block per person on the plan with all their duties,
 * times, places, teammates and the hotline; several to a page, separated
 * by dashed cut lines. */

#define SLIP_PAD     8.0
#define CUT_SPACE    12.0

typedef struct
{
  SwPerson  *person;
  GPtrArray *slots;        /* SwSlot, in time order */
  GPtrArray *assignments;  /* SwAssignment, parallel to slots */
} Slip;

static void
slip_free (gpointer data)
{
  Slip *slip = data;

  g_ptr_array_unref (slip->slots);
  g_ptr_array_unref (slip->assignments);
  g_free (slip);
}

static int
compare_slips (gconstpointer a,
               gconstpointer b)
{
  const Slip *sa = *(Slip **) a;
  const Slip *sb = *(Slip **) b;
  SwDepartment *da = sw_person_get_department (sa->person);
  SwDepartment *db = sw_person_get_department (sb->person);
  int pa = da != NULL ? sw_department_get_position (da) : G_MAXINT;
  int pb = db != NULL ? sw_department_get_position (db) : G_MAXINT;
  int c;

  if (pa != pb)
    return pa < pb ? -1 : 1;
  if (da != db)
    {
      c = g_strcmp0 (sw_department_get_name (da), sw_department_get_name (db));
      if (c != 0)
        return c;
    }
  c = g_utf8_collate (sw_person_get_name (sa->person), sw_person_get_name (sb->person));
  if (c != 0)
    return c;

  return sw_person_get_id (sa->person) < sw_person_get_id (sb->person) ? -1 :
         sw_person_get_id (sa->person) > sw_person_get_id (sb->person) ? 1 : 0;
}

static char *
teammates_text (SwSlot   *slot,
                SwPerson *person)
{
  GListModel *assignments = sw_slot_get_assignments (slot);
  guint n = g_list_model_get_n_items (assignments);
  GString *s = g_string_new (NULL);
  g_autofree char *separator = g_markup_escape_text (sheet_list_separator (), -1);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwAssignment) assignment = g_list_model_get_item (assignments, i);
      SwPerson *other = sw_assignment_get_person (assignment);
      g_autofree char *name = NULL;

      if (other == person)
        continue;
      if (s->len > 0)
        g_string_append (s, separator);
      name = sheet_name_markup (sw_person_get_name (other));
      g_string_append (s, name);
    }
  if (s->len == 0)
    g_string_append (s, "—");

  return g_string_free (s, FALSE);
}

static SheetBlock *
slip_block_new (SheetBuilder *b,
                Slip         *slip)
{
  static const double fractions[] = { 0.17, 0.33, 0.17, 0.33 };
  const char *labels[] = { _("When"), _("Activity and place"), _("Duty"), _("Together with") };
  SheetBlock *block = sheet_block_new (b);
  SwPerson *person = slip->person;
  SwDepartment *dept = sw_person_get_department (person);
  GString *info = g_string_new (NULL);
  g_autofree char *kicker = NULL;
  double w[G_N_ELEMENTS (fractions)];
  double inner = b->width - 2 * SLIP_PAD;
  double y = SLIP_PAD, x, h, name_w, used = 0;
  PangoLayout *name, *details, *layout;
  int lw;

  for (guint i = 0; i + 1 < G_N_ELEMENTS (fractions); i++)
    {
      w[i] = SHEET_FLOOR (inner * fractions[i]);
      used += w[i];
    }
  w[G_N_ELEMENTS (fractions) - 1] = inner - used;

  kicker = g_strdup_printf ("%s · %s", _("Duty slip"), sw_plan_get_title (b->plan));

  if (dept != NULL)
    g_string_append (info, sw_department_get_name (dept));
  if (sw_person_get_title (person)[0] != '\0')
    g_string_append_printf (info, "%s%s", info->len ? " · " : "", sw_person_get_title (person));
  if (sw_person_get_phone (person)[0] != '\0')
    g_string_append_printf (info, "%s%s", info->len ? " · " : "", sw_person_get_phone (person));

  name = sheet_layout_new (b, SHEET_FONT_NAME, inner * 0.4, PANGO_ALIGN_LEFT, sw_person_get_name (person));
  pango_layout_get_size (name, &lw, NULL);
  name_w = (double) lw / PANGO_SCALE;
  details = sheet_layout_new (b, SHEET_FONT_BODY, inner * 0.6 - name_w - 10, PANGO_ALIGN_LEFT, info->str);
  g_string_free (info, TRUE);
  h = sheet_layout_height (name);
  /* What the slip is, on the right of the name line. */
  layout = sheet_layout_new (b, SHEET_FONT_SMALL, inner * 0.4, PANGO_ALIGN_RIGHT, kicker);
  {
    double ky = (double) (pango_layout_get_baseline (name) - pango_layout_get_baseline (layout)) / PANGO_SCALE;

    /* A long plan title wraps downwards: the line grows with it. */
    h = MAX (h, ky + sheet_layout_height (layout));
    sheet_block_add_layout (block, SLIP_PAD + inner * 0.6, y + ky, layout, SHEET_GREY);
  }
  /* The details sit on the name's baseline. */
  sheet_block_add_layout (block, SLIP_PAD + name_w + 10,
                          y + (double) (pango_layout_get_baseline (name) - pango_layout_get_baseline (details)) / PANGO_SCALE,
                          details, SHEET_GREY);
  sheet_block_add_layout (block, SLIP_PAD, y, name, SHEET_INK);
  y += MAX (h, sheet_layout_height (details)) + 4;

  /* The duties as a small table. */
  {
    double hh = 0;
    PangoLayout *heads[G_N_ELEMENTS (labels)];

    for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
      {
        heads[i] = sheet_layout_new (b, SHEET_FONT_SMALL, w[i] - 2 * SHEET_CELL_PAD_X, PANGO_ALIGN_LEFT, labels[i]);
        hh = MAX (hh, sheet_layout_height (heads[i]));
      }
    hh += 2 * 2.0;
    x = SLIP_PAD;
    for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
      {
        sheet_block_add_frame (block, x, y, w[i], hh, SHEET_HEADER_FILL, SHEET_EDGE_ALL);
        x += w[i];
      }
    x = SLIP_PAD;
    for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
      {
        sheet_block_add_layout (block, x + SHEET_CELL_PAD_X, y + 2.0, heads[i], SHEET_ACCENT);
        x += w[i];
      }
    y += hh;
  }

  for (guint i = 0; i < slip->slots->len; i++)
    {
      SwSlot *slot = slip->slots->pdata[i];
      SwAssignment *assignment = slip->assignments->pdata[i];
      SwDuty *duty = sw_assignment_get_duty (assignment);
      g_autofree char *date = sheet_format_short_date (sw_time_day_of (sw_slot_get_start (slot)));
      g_autofree char *time = sheet_format_time_range (sw_slot_get_start (slot), sw_slot_get_end (slot));
      g_autofree char *when = g_markup_printf_escaped ("<b>%s</b>\n%s", date, time);
      g_autofree char *activity = NULL;
      g_autofree char *mates = teammates_text (slot, person);
      g_autofree char *duty_text = NULL;
      PangoLayout *cells[G_N_ELEMENTS (fractions)];

      if (sw_slot_get_location (slot)[0] != '\0')
        activity = g_markup_printf_escaped ("<b>%s</b>\n<span foreground=\"#5f6368\">%s</span>",
                                            sw_slot_get_title (slot), sw_slot_get_location (slot));
      else
        activity = g_markup_printf_escaped ("<b>%s</b>", sw_slot_get_title (slot));
      if (sw_assignment_get_note (assignment)[0] != '\0')
        duty_text = g_strdup_printf ("%s\n%s", duty != NULL ? sw_duty_get_name (duty) : _("Attendee"),
                                     sw_assignment_get_note (assignment));
      else
        duty_text = g_strdup (duty != NULL ? sw_duty_get_name (duty) : _("Attendee"));

      cells[0] = sheet_layout_new_markup (b, SHEET_FONT_BODY, w[0] - 2 * SHEET_CELL_PAD_X, PANGO_ALIGN_LEFT, when);
      cells[1] = sheet_layout_new_markup (b, SHEET_FONT_BODY, w[1] - 2 * SHEET_CELL_PAD_X, PANGO_ALIGN_LEFT, activity);
      cells[2] = sheet_layout_new (b, SHEET_FONT_BODY, w[2] - 2 * SHEET_CELL_PAD_X, PANGO_ALIGN_LEFT, duty_text);
      cells[3] = sheet_layout_new_markup (b, SHEET_FONT_SMALL, w[3] - 2 * SHEET_CELL_PAD_X, PANGO_ALIGN_LEFT, mates);
      h = 0;
      for (guint k = 0; k < G_N_ELEMENTS (cells); k++)
        h = MAX (h, sheet_layout_height (cells[k]));
      h += 2 * SHEET_CELL_PAD_Y;

      x = SLIP_PAD;
      for (guint k = 0; k < G_N_ELEMENTS (cells); k++)
        {
          sheet_block_add_frame (block, x, y, w[k], h, i % 2 ? SHEET_ZEBRA_FILL : SHEET_NO_COLOR, SHEET_EDGE_ALL);
          x += w[k];
        }
      x = SLIP_PAD;
      for (guint k = 0; k < G_N_ELEMENTS (cells); k++)
        {
          sheet_block_add_layout (block, x + SHEET_CELL_PAD_X, y + SHEET_CELL_PAD_Y, cells[k], SHEET_INK);
          x += w[k];
        }
      y += h;
    }

  y += 4;
  {
    GString *foot = g_string_new (NULL);

    if (sw_plan_get_hotline (b->plan)[0] != '\0')
      g_string_append_printf (foot, _("Hotline: %s"), sw_plan_get_hotline (b->plan));
    if (sw_plan_get_organiser (b->plan)[0] != '\0')
      {
        if (foot->len > 0)
          g_string_append (foot, "    ");
        g_string_append (foot, sw_plan_get_organiser (b->plan));
      }
    if (foot->len > 0)
      {
        layout = sheet_layout_new (b, SHEET_FONT_SMALL, inner, PANGO_ALIGN_LEFT, foot->str);
        y += sheet_block_add_layout (block, SLIP_PAD, y, layout, SHEET_GREY);
      }
    g_string_free (foot, TRUE);
  }
  y += SLIP_PAD;

  /* The cut line, with scissors on a white patch at its left end. */
  {
    SheetRect cut = { 0, y, b->width, 0, SHEET_NO_COLOR, SHEET_GREY, 0.6,
                      SHEET_EDGE_TOP, SHEET_DASH_DASHED, SHEET_HATCH_NONE };
    PangoLayout *scissors = sheet_layout_new (b, SHEET_FONT_BODY, -1, PANGO_ALIGN_LEFT, "✂");
    double sh = sheet_layout_height (scissors);
    int sw;

    pango_layout_get_size (scissors, &sw, NULL);
    sheet_block_add_rect (block, &cut);
    sheet_block_add_fill (block, 6, y - sh / 2, (double) sw / PANGO_SCALE + 4, sh, 0xffffff);
    sheet_block_add_layout (block, 8, y - sh / 2, scissors, SHEET_GREY);
    y += sh / 2;
  }

  block->height = y;
  block->space_after = CUT_SPACE - 6;

  return block;
}

void
sw_sheet_build_slips (SheetBuilder *b)
{
  g_autoptr(GPtrArray) slots = sw_plan_dup_sorted_slots (b->plan);
  g_autoptr(GHashTable) by_person = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) slips = g_ptr_array_new_with_free_func (slip_free);

  for (guint i = 0; i < slots->len; i++)
    {
      SwSlot *slot = slots->pdata[i];
      GListModel *assignments = sw_slot_get_assignments (slot);
      guint n = g_list_model_get_n_items (assignments);

      for (guint k = 0; k < n; k++)
        {
          g_autoptr(SwAssignment) assignment = g_list_model_get_item (assignments, k);
          SwPerson *person = sw_assignment_get_person (assignment);
          Slip *slip;

          if (person == NULL)
            continue;
          slip = g_hash_table_lookup (by_person, person);
          if (slip == NULL)
            {
              slip = g_new0 (Slip, 1);
              slip->person = person;
              slip->slots = g_ptr_array_new ();
              slip->assignments = g_ptr_array_new ();
              g_hash_table_insert (by_person, person, slip);
              g_ptr_array_add (slips, slip);
            }
          g_ptr_array_add (slip->slots, slot);
          g_ptr_array_add (slip->assignments, assignment);
        }
    }

  if (slips->len == 0)
    {
      sheet_add_title_block (b, FALSE, sw_sheet_kind_get_label (SW_SHEET_KIND_SLIPS));
      sheet_add_note (b, slots->len == 0 ? _("No slots yet") : _("No one has a duty yet"));
      return;
    }

  g_ptr_array_sort (slips, compare_slips);
  for (guint i = 0; i < slips->len; i++)
    sheet_builder_append (b, slip_block_new (b, slips->pdata[i]));
}
