/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>

#include "sw-sheet-private.h"

G_DEFINE_TYPE (SwSheet, sw_sheet, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_PLAN,
  PROP_KIND,
  PROP_SLOT,
  PROP_N_PAGES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_QUARK (sw-sheet-error-quark, sw_sheet_error)

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
font_new (double   size,
          gboolean bold)
{
  PangoFontDescription *desc = pango_font_description_from_string (SW_SHEET_FONT_FAMILY);

  pango_font_description_set_size (desc, (int) (size * PANGO_SCALE));
  if (bold)
    pango_font_description_set_weight (desc, PANGO_WEIGHT_BOLD);

  return desc;
}

void
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
    case SW_SHEET_KIND_SIGNIN:
      sw_sheet_build_signin (b, sw_sheet_check (self, NULL) ? self->slot : NULL);
      break;
    case SW_SHEET_KIND_SUBSCRIPTIONS:
      sw_sheet_build_subscriptions (b);
      break;
    case SW_SHEET_KIND_CHANGES:
      sw_sheet_build_changes (b);
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
    case SW_SHEET_KIND_SIGNIN:
      return "signin";
    case SW_SHEET_KIND_SUBSCRIPTIONS:
      return "subscriptions";
    case SW_SHEET_KIND_CHANGES:
      return "changes";
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
sw_sheet_kind_from_nick (const char  *nick,
                         SwSheetKind *out_kind)
{
  static const SwSheetKind kinds[] = {
    SW_SHEET_KIND_ROLES, SW_SHEET_KIND_WEEK, SW_SHEET_KIND_SLIPS, SW_SHEET_KIND_SIGNIN,
    SW_SHEET_KIND_SUBSCRIPTIONS, SW_SHEET_KIND_CHANGES,
  };

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
    case SW_SHEET_KIND_SIGNIN:
      return _("Sign-in sheet");
    case SW_SHEET_KIND_SUBSCRIPTIONS:
      return _("Calendar subscriptions");
    case SW_SHEET_KIND_CHANGES:
      return _("Change notices");
    default:
      g_return_val_if_reached (NULL);
    }
}

SwSheet *
sw_sheet_new (SwPlan      *plan,
              SwSheetKind  kind)
{
  g_return_val_if_fail (SW_IS_PLAN (plan), NULL);
  g_return_val_if_fail (kind <= SW_SHEET_KIND_CHANGES, NULL);

  return g_object_new (SW_TYPE_SHEET, "plan", plan, "kind", kind, NULL);
}

SwSheet *
sw_sheet_new_for_slot (SwPlan *plan,
                       SwSlot *slot)
{
  g_return_val_if_fail (SW_IS_PLAN (plan), NULL);
  g_return_val_if_fail (slot == NULL || SW_IS_SLOT (slot), NULL);

  return g_object_new (SW_TYPE_SHEET, "plan", plan, "kind", SW_SHEET_KIND_SIGNIN, "slot", slot, NULL);
}

gboolean
sw_sheet_kind_needs_slot (SwSheetKind kind)
{
  return kind == SW_SHEET_KIND_SIGNIN;
}

void
sw_sheet_set_slot (SwSheet *self,
                   SwSlot  *slot)
{
  g_return_if_fail (SW_IS_SHEET (self));
  g_return_if_fail (slot == NULL || SW_IS_SLOT (slot));

  if (!g_set_object (&self->slot, slot))
    return;
  sw_sheet_clear_pagination (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SLOT]);
}

void
sw_sheet_add_subscription (SwSheet    *self,
                           SwPerson   *person,
                           const char *url)
{
  g_return_if_fail (SW_IS_SHEET (self));
  g_return_if_fail (SW_IS_PERSON (person));
  g_return_if_fail (url != NULL);

  if (!g_hash_table_contains (self->subscriptions, person))
    g_ptr_array_add (self->subscribers, g_object_ref (person));
  g_hash_table_insert (self->subscriptions, g_object_ref (person), g_strdup (url));
  sw_sheet_clear_pagination (self);
}

const char *
sw_sheet_get_subscription (SwSheet  *self,
                           SwPerson *person)
{
  g_return_val_if_fail (SW_IS_SHEET (self), NULL);

  return g_hash_table_lookup (self->subscriptions, person);
}

guint
sw_sheet_get_n_subscriptions (SwSheet *self)
{
  g_return_val_if_fail (SW_IS_SHEET (self), 0);

  return self->subscribers->len;
}

void
sw_sheet_add_notice (SwSheet    *self,
                     SwPerson   *person,
                     const char *text)
{
  g_return_if_fail (SW_IS_SHEET (self));
  g_return_if_fail (SW_IS_PERSON (person));
  g_return_if_fail (text != NULL);

  g_ptr_array_add (self->notice_people, g_object_ref (person));
  g_ptr_array_add (self->notice_texts, g_strdup (text));
  sw_sheet_clear_pagination (self);
}

guint
sw_sheet_get_n_notices (SwSheet *self)
{
  g_return_val_if_fail (SW_IS_SHEET (self), 0);

  return self->notice_people->len;
}

SwSlot *
sw_sheet_get_slot (SwSheet *self)
{
  g_return_val_if_fail (SW_IS_SHEET (self), NULL);

  return self->slot;
}

gboolean
sw_sheet_check (SwSheet  *self,
                GError  **error)
{
  g_return_val_if_fail (SW_IS_SHEET (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!sw_sheet_kind_needs_slot (self->kind))
    return TRUE;
  if (self->slot == NULL)
    {
      g_set_error_literal (error, SW_SHEET_ERROR, SW_SHEET_ERROR_NO_SLOT,
                           _("A sign-in sheet is for one slot: choose the slot to print it for"));
      return FALSE;
    }
  /* A slot deleted since, or of another plan, would print what is not
   * in the plan. */
  if (sw_plan_find_slot_by_uid (self->plan, sw_slot_get_uid (self->slot)) != self->slot)
    {
      g_set_error (error, SW_SHEET_ERROR, SW_SHEET_ERROR_NO_SLOT,
                   _("“%s” is not a slot of the plan “%s”"),
                   sw_slot_get_title (self->slot), sw_plan_get_title (self->plan));
      return FALSE;
    }

  return TRUE;
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
  g_clear_object (&self->slot);
  g_clear_pointer (&self->subscriptions, g_hash_table_unref);
  g_clear_pointer (&self->subscribers, g_ptr_array_unref);
  g_clear_pointer (&self->notice_people, g_ptr_array_unref);
  g_clear_pointer (&self->notice_texts, g_ptr_array_unref);
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
    case PROP_SLOT:
      g_value_set_object (value, self->slot);
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
    case PROP_SLOT:
      sw_sheet_set_slot (self, g_value_get_object (value));
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
    g_param_spec_int ("kind", NULL, NULL, SW_SHEET_KIND_ROLES, SW_SHEET_KIND_CHANGES, SW_SHEET_KIND_ROLES,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SLOT] =
    g_param_spec_object ("slot", NULL, NULL, SW_TYPE_SLOT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
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
  self->subscriptions = g_hash_table_new_full (NULL, NULL, g_object_unref, g_free);
  self->subscribers = g_ptr_array_new_with_free_func (g_object_unref);
  self->notice_people = g_ptr_array_new_with_free_func (g_object_unref);
  self->notice_texts = g_ptr_array_new_with_free_func (g_free);
}
