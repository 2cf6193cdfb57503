/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sw-sheet.h"

G_BEGIN_DECLS

/*
 * A sheet is laid out as a vertical flow of blocks (headings, table rows,
 * slips).  Each block is a small display list of rectangles and Pango
 * layouts in block coordinates (x from the left margin, y from the block's
 * top).  The paginator in sw-sheet.c places blocks on pages, repeats a
 * table's caption and header row on every page the table continues on,
 * and splits a block only when it is taller than a whole page.
 */

typedef enum
{
  SHEET_FONT_TITLE,
  SHEET_FONT_SUBTITLE,
  SHEET_FONT_HEADING,
  SHEET_FONT_SUBHEADING,
  SHEET_FONT_BODY,
  SHEET_FONT_BODY_BOLD,
  SHEET_FONT_SMALL,
  SHEET_FONT_HEADER_CELL,
  SHEET_FONT_NAME,
  SHEET_N_FONTS,
} SheetFont;

typedef enum
{
  SHEET_EDGE_TOP    = 1 << 0,
  SHEET_EDGE_RIGHT  = 1 << 1,
  SHEET_EDGE_BOTTOM = 1 << 2,
  SHEET_EDGE_LEFT   = 1 << 3,
  SHEET_EDGE_ALL    = 0xf,
} SheetEdges;

typedef enum
{
  SHEET_DASH_SOLID,
  SHEET_DASH_DASHED,
  SHEET_DASH_DOTTED,
  SHEET_DASH_DASH_DOT,
} SheetDash;

typedef enum
{
  SHEET_HATCH_NONE,
  SHEET_HATCH_DIAGONAL,
  SHEET_HATCH_BACK_DIAGONAL,
  SHEET_HATCH_CROSS,
  SHEET_HATCH_HORIZONTAL,
} SheetHatch;

#define SHEET_NO_COLOR 0xffffffffu

typedef struct
{
  double     x, y, w, h;
  guint32    fill;         /* 0xRRGGBB or SHEET_NO_COLOR */
  guint32    stroke;       /* 0xRRGGBB or SHEET_NO_COLOR */
  double     line_width;
  SheetEdges edges;
  SheetDash  dash;
  SheetHatch hatch;        /* drawn over the fill in the stroke colour */
  gboolean   atom;         /* never cut: shown whole on one page */
} SheetRect;

typedef struct
{
  double       x, y;
  PangoLayout *layout;     /* owned */
  guint32      color;
  /* When atom_bottom > 0, the layout is never broken between pages: it
   * goes whole with the range atom_top … atom_bottom (a box and its text
   * share one range and so stay together). */
  double       atom_top, atom_bottom;
} SheetText;

typedef struct
{
  double   height;
  double   space_after;
  GArray  *rects;          /* SheetRect */
  GArray  *texts;          /* SheetText */
  int      table;          /* the table this block belongs to, or -1 */
  guint    is_table_header : 1;
  guint    is_caption : 1;
  guint    keep_with_next : 1;
  guint    page_break_before : 1;
} SheetBlock;

typedef struct
{
  SwSheet              *sheet;
  SwPlan               *plan;
  PangoContext         *context;
  PangoFontDescription *fonts[SHEET_N_FONTS];
  double                width;       /* of the printable area */
  double                body_height; /* of the area between header and footer */
  GPtrArray            *blocks;      /* SheetBlock, the flow */
  GPtrArray            *tables;      /* SheetTable */
  GPtrArray            *extra;       /* SheetBlock owned but not in the flow */
} SheetBuilder;

/* Colours every sheet shares. */
#define SHEET_INK          0x1a1a1aU
#define SHEET_GREY         0x5f6368U
#define SHEET_ACCENT       0x1f3864U
#define SHEET_RULE         0x8d97a3U
#define SHEET_HEADER_FILL  0xdde4eeU
#define SHEET_ZEBRA_FILL   0xf4f6f9U
#define SHEET_NOTE_FILL    0xf7f7f2U

/* Lengths on a page are never negative: no need for libm's floor(). */
#define SHEET_FLOOR(x)     ((double) (gint64) (x))

#define SHEET_CELL_PAD_X   3.5
#define SHEET_CELL_PAD_Y   3.0

SheetBlock  *sheet_block_new          (SheetBuilder *b);
void         sheet_block_add_rect     (SheetBlock   *block,
                                       const SheetRect *rect);
void         sheet_block_add_fill     (SheetBlock   *block,
                                       double x, double y, double w, double h,
                                       guint32       fill);
void         sheet_block_add_frame    (SheetBlock   *block,
                                       double x, double y, double w, double h,
                                       guint32       fill,
                                       SheetEdges    edges);
/* Adds @layout (taking it) at x, y; returns its height. */
double       sheet_block_add_layout   (SheetBlock   *block,
                                       double        x,
                                       double        y,
                                       PangoLayout  *layout,
                                       guint32       color);

/* Adds @layout (taking it) as an unbreakable unit spanning @top … @bottom. */
void         sheet_block_add_atom_layout (SheetBlock  *block,
                                          double       x,
                                          double       y,
                                          PangoLayout *layout,
                                          guint32      color,
                                          double       top,
                                          double       bottom);

/* A QR code of @text, @size points square with its quiet zone, at x, y;
 * never cut between pages.  FALSE (nothing added) when @text is too long
 * for one. */
gboolean     sheet_block_add_qr_code  (SheetBlock   *block,
                                       double        x,
                                       double        y,
                                       double        size,
                                       const char   *text);

/* A layout of @width points (-1: unlimited) wrapping on words and,
 * where a word is too long, on characters. */
PangoLayout *sheet_layout_new         (SheetBuilder *b,
                                       SheetFont     font,
                                       double        width,
                                       PangoAlignment align,
                                       const char   *text);
/* Frees what Pango computed for @layout; it lays itself out again when
 * measured or drawn. */
void         sheet_layout_release_lines (PangoLayout *layout);
PangoLayout *sheet_layout_new_markup  (SheetBuilder *b,
                                       SheetFont     font,
                                       double        width,
                                       PangoAlignment align,
                                       const char   *markup);
double       sheet_layout_height      (PangoLayout  *layout);

/* Appends @block to the flow (the builder owns it). */
void         sheet_builder_append     (SheetBuilder *b,
                                       SheetBlock   *block);
/* A new table whose @caption (may be NULL) and @header (may be NULL) are
 * repeated at the top of every page the table continues on; neither is
 * added to the flow here.  Returns the table index for block->table. */
int          sheet_builder_add_table  (SheetBuilder *b,
                                       SheetBlock   *caption,
                                       SheetBlock   *header);

/* Shared pieces. */
void         sheet_add_title_block    (SheetBuilder *b,
                                       gboolean      page_break_before,
                                       const char   *subtitle);
void         sheet_add_heading        (SheetBuilder *b,
                                       const char   *text);
void         sheet_add_note           (SheetBuilder *b,
                                       const char   *text);
/* A header row for columns of @widths with @labels. */
SheetBlock  *sheet_header_row_new     (SheetBuilder *b,
                                       const double *widths,
                                       const char  **labels,
                                       guint         n);

char        *sheet_format_long_date   (int           day);
char        *sheet_format_short_date  (int           day);
char        *sheet_format_time_range  (gint64        start,
                                       gint64        end);
const char  *sheet_list_separator     (void);
/* A person's name as markup that never breaks across lines. */
char        *sheet_name_markup        (const char   *name);
guint32      sheet_parse_color        (const char   *color,
                                       guint32       fallback);
guint32      sheet_tint               (guint32       color,
                                       double        amount);

void         sw_sheet_build_roles     (SheetBuilder *b);
void         sw_sheet_build_week      (SheetBuilder *b);
void         sw_sheet_build_slips     (SheetBuilder *b);
void         sw_sheet_build_subscriptions (SheetBuilder *b);
void         sw_sheet_build_changes       (SheetBuilder *b);
/* Builds the sign-in sheet of @slot (NULL: a page saying none is chosen). */
void         sw_sheet_build_signin    (SheetBuilder *b,
                                       SwSlot       *slot);

/* sw-sheet-blocks.c */
void         sheet_block_free         (gpointer      data);
void         sheet_builder_free       (SheetBuilder *b);

/* What the files of SwSheet share (sw-sheet.c lays out and paginates,
 * sw-sheet-draw.c draws the pages and writes the PDF). */
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
  SwSlot       *slot;         /* of a sign-in sheet */
  GHashTable   *subscriptions; /* SwPerson → char *URL */
  GPtrArray    *subscribers;   /* SwPerson, in the order added */
  GPtrArray    *notice_people; /* SwPerson, in the order added */
  GPtrArray    *notice_texts;  /* char *, alongside */
  double        page_width;
  double        page_height;
  double        margin_top;
  double        margin_right;
  double        margin_bottom;
  double        margin_left;

  SheetBuilder *builder;      /* owns the blocks once paginated */
  GPtrArray    *pages;        /* GArray of Placement, per page */
};

void         sw_sheet_clear_pagination (SwSheet     *self);

G_END_DECLS
