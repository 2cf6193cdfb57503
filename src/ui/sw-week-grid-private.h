/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sw-slot-card.h"
#include "sw-week-grid.h"

G_BEGIN_DECLS

/* What the files of the week grid share: sw-week-grid.c (the grid, its
 * cards and dragging them) and sw-week-grid-layout.c (where each child
 * goes). */

#define GUTTER_WIDTH      64
#define MIN_HOUR_HEIGHT   44
#define NAT_HOUR_HEIGHT   56
#define MIN_DAY_WIDTH     80
#define CARD_GAP_RIGHT    8
#define RESIZE_EDGE       8
#define DEFAULT_FIRST_HOUR 7
#define DEFAULT_LAST_HOUR  21

typedef enum
{
  DRAG_NONE,
  DRAG_MOVE,
  DRAG_RESIZE,
} DragMode;

/* Where a card goes, computed once per change. */
typedef struct
{
  int   day_index;
  int   start_minute;   /* of its day */
  int   end_minute;     /* of its day, clipped to 24:00 */
  guint column;
  guint n_columns;
} CardPlace;

struct _SwWeekGrid
{
  GtkWidget       parent_instance;

  SwOrganisation *organisation;
  SwPlan         *plan;
  SwSlot         *selected;
  guint           page;

  GSignalGroup   *stack_signals;
  GSignalGroup   *plan_signals;
  GSignalGroup   *slots_signals;
  guint           refresh_idle;

  GtkWidget      *header;
  GtkWidget      *days_box;
  GtkWidget      *scroller;
  GtkWidget      *body;

  GHashTable     *cards;        /* SwSlot → SwSlotCard (owned by body) */
  GPtrArray      *cells;        /* GtkButton, owned by body */
  GPtrArray      *hour_labels;  /* GtkLabel, owned by body */

  /* what the page shows */
  int             first_day;
  int             last_day;
  int             first_hour;
  int             last_hour;

  /* the last allocation */
  double          day_width;
  double          hour_height;

  /* a card being dragged */
  SwSlotCard     *drag_card;
  DragMode        drag_mode;
  gboolean        dragging;
  gint64          preview_start;
  gint64          preview_end;
};

static inline int
sw_week_grid_n_days (SwWeekGrid *self)
{
  return self->plan != NULL ? self->last_day - self->first_day + 1 : 0;
}

static inline int
sw_week_grid_n_hours (SwWeekGrid *self)
{
  return self->last_hour - self->first_hour;
}

static inline CardPlace *
sw_week_grid_card_place (SwSlotCard *card)
{
  return g_object_get_data (G_OBJECT (card), "sw-place");
}

/* The body's layout manager (a GtkCustomLayout). */
void sw_week_grid_body_measure  (GtkWidget      *body,
                                 GtkOrientation  orientation,
                                 int             for_size,
                                 int            *minimum,
                                 int            *natural,
                                 int            *minimum_baseline,
                                 int            *natural_baseline);
void sw_week_grid_body_allocate (GtkWidget      *body,
                                 int             width,
                                 int             height,
                                 int             baseline);

G_END_DECLS
