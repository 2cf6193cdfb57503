/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sw-name-order.h"
#include "sw-sheet-private.h"

/* Duty slips: one block per person on the plan with all their duties,
 * times, places, teammates and the hotline; several to a page, separated
 * by dashed cut lines. */

#define SLIP_PAD     8.0
#define CUT_SPACE    12.0
/* 66 pt (23 mm) square with its quiet zone: a phone reads it at arm's length. */
#define SLIP_QR_SIZE 66.0

/* The duty table's columns: when, activity and place, duty, together with. */
static const double slip_fractions[] = { 0.17, 0.33, 0.17, 0.33 };
#define N_SLIP_COLUMNS G_N_ELEMENTS (slip_fractions)

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

/* The others on @slot, in the plan's name order. */
static char *
teammates_text (SwSlot      *slot,
                SwPerson    *person,
                SwNameOrder  order)
{
  GListModel *assignments = sw_slot_get_assignments (slot);
  guint n = g_list_model_get_n_items (assignments);
  g_autoptr(GPtrArray) others = g_ptr_array_new ();
  GString *s = g_string_new (NULL);
  g_autofree char *separator = g_markup_escape_text (sheet_list_separator (), -1);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwAssignment) assignment = g_list_model_get_item (assignments, i);
      SwPerson *other = sw_assignment_get_person (assignment);

      if (other != person)
        g_ptr_array_add (others, other);
    }
  sw_name_order_sort_people (others, order);
  for (guint i = 0; i < others->len; i++)
    {
      g_autofree char *name = sheet_name_markup (sw_person_get_name (others->pdata[i]));

      if (s->len > 0)
        g_string_append (s, separator);
      g_string_append (s, name);
    }
  if (s->len == 0)
    g_string_append (s, "—");

  return g_string_free (s, FALSE);
}

/* A slip being laid out: its block, the width inside its padding, the
 * widths of the duty table's columns and how far down it has got. */
typedef struct
{
  SheetBuilder *b;
  SheetBlock   *block;
  double        inner;
  double        w[N_SLIP_COLUMNS];
  double        y;
} SlipDraft;

static void
slip_column_widths (SlipDraft *d)
{
  double used = 0;

  for (guint i = 0; i + 1 < N_SLIP_COLUMNS; i++)
    {
      d->w[i] = SHEET_FLOOR (d->inner * slip_fractions[i]);
      used += d->w[i];
    }
  d->w[N_SLIP_COLUMNS - 1] = d->inner - used;
}

/* "Department · title · phone", leaving out what the person lacks. */
static char *
person_details_text (SwPerson *person)
{
  SwDepartment *dept = sw_person_get_department (person);
  GString *info = g_string_new (NULL);

  if (dept != NULL)
    g_string_append (info, sw_department_get_name (dept));
  if (sw_person_get_title (person)[0] != '\0')
    g_string_append_printf (info, "%s%s", info->len ? " · " : "", sw_person_get_title (person));
  if (sw_person_get_phone (person)[0] != '\0')
    g_string_append_printf (info, "%s%s", info->len ? " · " : "", sw_person_get_phone (person));

  return g_string_free (info, FALSE);
}

/* The person's name with their details beside it and, on the right, what
 * the slip is. */
static void
slip_add_name_line (SlipDraft *d,
                    SwPerson  *person)
{
  SheetBuilder *b = d->b;
  g_autofree char *kicker = g_strdup_printf ("%s · %s", _("Duty slip"), sw_plan_get_title (b->plan));
  g_autofree char *info = person_details_text (person);
  PangoLayout *name, *details, *layout;
  double h, ky, name_w;
  int lw;

  name = sheet_layout_new (b, SHEET_FONT_NAME, d->inner * 0.4, PANGO_ALIGN_LEFT, sw_person_get_name (person));
  pango_layout_get_size (name, &lw, NULL);
  name_w = (double) lw / PANGO_SCALE;
  details = sheet_layout_new (b, SHEET_FONT_BODY, d->inner * 0.6 - name_w - 10, PANGO_ALIGN_LEFT, info);
  h = sheet_layout_height (name);
  /* What the slip is, on the right of the name line. */
  layout = sheet_layout_new (b, SHEET_FONT_SMALL, d->inner * 0.4, PANGO_ALIGN_RIGHT, kicker);
  ky = (double) (pango_layout_get_baseline (name) - pango_layout_get_baseline (layout)) / PANGO_SCALE;
  /* A long plan title wraps downwards: the line grows with it. */
  h = MAX (h, ky + sheet_layout_height (layout));
  sheet_block_add_layout (d->block, SLIP_PAD + d->inner * 0.6, d->y + ky, layout, SHEET_GREY);
  /* The details sit on the name's baseline. */
  sheet_block_add_layout (d->block, SLIP_PAD + name_w + 10,
                          d->y + (double) (pango_layout_get_baseline (name) - pango_layout_get_baseline (details)) / PANGO_SCALE,
                          details, SHEET_GREY);
  sheet_block_add_layout (d->block, SLIP_PAD, d->y, name, SHEET_INK);
  d->y += MAX (h, sheet_layout_height (details)) + 4;
}

/* One row of the duty table: a framed cell per column, each holding its
 * layout @pad_y below the row's top. */
static void
slip_add_table_row (SlipDraft   *d,
                    PangoLayout *cells[N_SLIP_COLUMNS],
                    double       pad_y,
                    guint32      fill,
                    guint32      color)
{
  double h = 0, x;

  for (guint k = 0; k < N_SLIP_COLUMNS; k++)
    h = MAX (h, sheet_layout_height (cells[k]));
  h += 2 * pad_y;

  x = SLIP_PAD;
  for (guint k = 0; k < N_SLIP_COLUMNS; k++)
    {
      sheet_block_add_frame (d->block, x, d->y, d->w[k], h, fill, SHEET_EDGE_ALL);
      x += d->w[k];
    }
  x = SLIP_PAD;
  for (guint k = 0; k < N_SLIP_COLUMNS; k++)
    {
      sheet_block_add_layout (d->block, x + SHEET_CELL_PAD_X, d->y + pad_y, cells[k], color);
      x += d->w[k];
    }
  d->y += h;
}

static void
slip_add_table_header (SlipDraft *d)
{
  const char *labels[N_SLIP_COLUMNS] = { _("When"), _("Activity and place"), _("Duty"), _("Together with") };
  PangoLayout *heads[N_SLIP_COLUMNS];

  for (guint i = 0; i < N_SLIP_COLUMNS; i++)
    heads[i] = sheet_layout_new (d->b, SHEET_FONT_SMALL, d->w[i] - 2 * SHEET_CELL_PAD_X, PANGO_ALIGN_LEFT, labels[i]);
  slip_add_table_row (d, heads, 2.0, SHEET_HEADER_FILL, SHEET_ACCENT);
}

/* The slot's day in bold over its time. */
static char *
slot_when_markup (SwSlot *slot)
{
  g_autofree char *date = sheet_format_short_date (sw_time_day_of (sw_slot_get_start (slot)));
  g_autofree char *time = sheet_format_time_range (sw_slot_get_start (slot), sw_slot_get_end (slot));

  return g_markup_printf_escaped ("<b>%s</b>\n%s", date, time);
}

/* The slot's title in bold over its place, when it has one. */
static char *
slot_activity_markup (SwSlot *slot)
{
  if (sw_slot_get_location (slot)[0] != '\0')
    return g_markup_printf_escaped ("<b>%s</b>\n<span foreground=\"#5f6368\">%s</span>",
                                    sw_slot_get_title (slot), sw_slot_get_location (slot));

  return g_markup_printf_escaped ("<b>%s</b>", sw_slot_get_title (slot));
}

/* The duty (or "Attendee") over the assignment's note, when it has one. */
static char *
assignment_duty_text (SwAssignment *assignment)
{
  SwDuty *duty = sw_assignment_get_duty (assignment);
  const char *name = duty != NULL ? sw_duty_get_name (duty) : _("Attendee");

  if (sw_assignment_get_note (assignment)[0] != '\0')
    return g_strdup_printf ("%s\n%s", name, sw_assignment_get_note (assignment));

  return g_strdup (name);
}

static void
slip_add_duty_row (SlipDraft    *d,
                   SwPerson     *person,
                   SwSlot       *slot,
                   SwAssignment *assignment,
                   gboolean      zebra)
{
  SheetBuilder *b = d->b;
  g_autofree char *when = slot_when_markup (slot);
  g_autofree char *activity = slot_activity_markup (slot);
  g_autofree char *mates = teammates_text (slot, person, sw_plan_get_name_order (b->plan));
  g_autofree char *duty_text = assignment_duty_text (assignment);
  PangoLayout *cells[N_SLIP_COLUMNS];

  cells[0] = sheet_layout_new_markup (b, SHEET_FONT_BODY, d->w[0] - 2 * SHEET_CELL_PAD_X, PANGO_ALIGN_LEFT, when);
  cells[1] = sheet_layout_new_markup (b, SHEET_FONT_BODY, d->w[1] - 2 * SHEET_CELL_PAD_X, PANGO_ALIGN_LEFT, activity);
  cells[2] = sheet_layout_new (b, SHEET_FONT_BODY, d->w[2] - 2 * SHEET_CELL_PAD_X, PANGO_ALIGN_LEFT, duty_text);
  cells[3] = sheet_layout_new_markup (b, SHEET_FONT_SMALL, d->w[3] - 2 * SHEET_CELL_PAD_X, PANGO_ALIGN_LEFT, mates);
  slip_add_table_row (d, cells, SHEET_CELL_PAD_Y, zebra ? SHEET_ZEBRA_FILL : SHEET_NO_COLOR, SHEET_INK);
}

/* The plan's hotline and organiser under the duties, when it has them. */
static void
slip_add_footer (SlipDraft *d)
{
  SwPlan *plan = d->b->plan;
  GString *foot = g_string_new (NULL);

  if (sw_plan_get_hotline (plan)[0] != '\0')
    g_string_append_printf (foot, _("Hotline: %s"), sw_plan_get_hotline (plan));
  if (sw_plan_get_organiser (plan)[0] != '\0')
    {
      if (foot->len > 0)
        g_string_append (foot, "    ");
      g_string_append (foot, sw_plan_get_organiser (plan));
    }
  if (foot->len > 0)
    {
      PangoLayout *layout = sheet_layout_new (d->b, SHEET_FONT_SMALL, d->inner, PANGO_ALIGN_LEFT, foot->str);

      d->y += sheet_block_add_layout (d->block, SLIP_PAD, d->y, layout, SHEET_GREY);
    }
  g_string_free (foot, TRUE);
}

/* Once the plan is published: the QR code of the person's calendar on
 * the right, with what it is for and the address beside it. */
static void
slip_add_subscription (SlipDraft *d,
                       SwPerson  *person)
{
  const char *url = sw_sheet_get_subscription (d->b->sheet, person);
  PangoLayout *hint, *address;
  double x, h;

  if (url == NULL)
    return;

  x = SLIP_PAD + d->inner - SLIP_QR_SIZE;
  if (!sheet_block_add_qr_code (d->block, x, d->y, SLIP_QR_SIZE, url))
    return;
  hint = sheet_layout_new (d->b, SHEET_FONT_BODY_BOLD, x - SLIP_PAD - 8, PANGO_ALIGN_RIGHT,
                           _("Scan to subscribe"));
  h = sheet_layout_height (hint);
  address = sheet_layout_new (d->b, SHEET_FONT_SMALL, x - SLIP_PAD - 8, PANGO_ALIGN_RIGHT, url);
  sheet_block_add_layout (d->block, SLIP_PAD, d->y + SLIP_QR_SIZE / 2 - h, hint, SHEET_INK);
  sheet_block_add_layout (d->block, SLIP_PAD, d->y + SLIP_QR_SIZE / 2 + 2, address, SHEET_GREY);
  d->y += SLIP_QR_SIZE;
}

/* The cut line, with scissors on a white patch at its left end. */
static void
slip_add_cut_line (SlipDraft *d)
{
  SheetRect cut = { 0, d->y, d->b->width, 0, SHEET_NO_COLOR, SHEET_GREY, 0.6,
                    SHEET_EDGE_TOP, SHEET_DASH_DASHED, SHEET_HATCH_NONE };
  PangoLayout *scissors = sheet_layout_new (d->b, SHEET_FONT_BODY, -1, PANGO_ALIGN_LEFT, "✂");
  double sh = sheet_layout_height (scissors);
  int sw;

  pango_layout_get_size (scissors, &sw, NULL);
  sheet_block_add_rect (d->block, &cut);
  sheet_block_add_fill (d->block, 6, d->y - sh / 2, (double) sw / PANGO_SCALE + 4, sh, 0xffffff);
  sheet_block_add_layout (d->block, 8, d->y - sh / 2, scissors, SHEET_GREY);
  d->y += sh / 2;
}

static SheetBlock *
slip_block_new (SheetBuilder *b,
                Slip         *slip)
{
  SlipDraft d = { b, sheet_block_new (b), b->width - 2 * SLIP_PAD, { 0 }, SLIP_PAD };

  slip_column_widths (&d);
  slip_add_name_line (&d, slip->person);

  /* The duties as a small table. */
  slip_add_table_header (&d);
  for (guint i = 0; i < slip->slots->len; i++)
    slip_add_duty_row (&d, slip->person, slip->slots->pdata[i], slip->assignments->pdata[i], i % 2);

  d.y += 4;
  slip_add_footer (&d);
  slip_add_subscription (&d, slip->person);
  d.y += SLIP_PAD;
  slip_add_cut_line (&d);

  d.block->height = d.y;
  d.block->space_after = CUT_SPACE - 6;

  return d.block;
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
