/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Schedule week grid's body layout: hour labels in the gutter, half-
 * hour cells, and the cards of the slots where their times are. */
#include "config.h"

#include "sw-week-grid-private.h"

static SwWeekGrid *
body_grid (GtkWidget *body)
{
  return g_object_get_data (G_OBJECT (body), "sw-week-grid");
}

void
sw_week_grid_body_measure (GtkWidget      *body,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  SwWeekGrid *self = body_grid (body);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = GUTTER_WIDTH + MAX (sw_week_grid_n_days (self), 1) * MIN_DAY_WIDTH;
      *natural = *minimum;
    }
  else
    {
      *minimum = MAX (sw_week_grid_n_hours (self), 1) * MIN_HOUR_HEIGHT;
      *natural = MAX (sw_week_grid_n_hours (self), 1) * NAT_HOUR_HEIGHT;
    }
}

static void
allocate_child (GtkWidget *child,
                double     x,
                double     y,
                double     width,
                double     height)
{
  GtkAllocation rect;
  /* Positions are never negative here: truncation is floor. */
  int x0 = (int) x, y0 = (int) y;

  rect.x = x0;
  rect.y = y0;
  rect.width = MAX ((int) (x + width) - x0, 0);
  rect.height = MAX ((int) (y + height) - y0, 0);
  /* Measured first, as GTK wants, even though we decide the size. */
  gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, NULL, NULL, NULL, NULL);
  gtk_widget_size_allocate (child, &rect, -1);
}

void
sw_week_grid_body_allocate (GtkWidget *body,
                            int        width,
                            int        height,
                            int        baseline)
{
  SwWeekGrid *self = body_grid (body);
  int days = sw_week_grid_n_days (self);
  int hours = sw_week_grid_n_hours (self);
  int halves = hours * 2;
  GHashTableIter iter;
  gpointer key, value;

  if (days <= 0 || hours <= 0)
    return;

  self->day_width = (double) (width - GUTTER_WIDTH) / days;
  self->hour_height = (double) height / hours;

  for (guint i = 0; i < self->hour_labels->len; i++)
    allocate_child (g_ptr_array_index (self->hour_labels, i),
                    0, i * self->hour_height, GUTTER_WIDTH, self->hour_height);

  for (guint i = 0; i < self->cells->len; i++)
    {
      int d = (int) i / halves;
      int k = (int) i % halves;

      allocate_child (g_ptr_array_index (self->cells, i),
                      GUTTER_WIDTH + d * self->day_width, k * self->hour_height / 2,
                      self->day_width, self->hour_height / 2);
    }

  g_hash_table_iter_init (&iter, self->cards);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      SwSlotCard *card = value;
      CardPlace *place = sw_week_grid_card_place (card);
      int day_index = place->day_index;
      int start_minute = place->start_minute;
      int end_minute = place->end_minute;
      guint column = place->column;
      guint n_columns = MAX (place->n_columns, 1);
      double inner, x, y, w, h;

      if (card == self->drag_card && self->dragging)
        {
          day_index = sw_time_day_of (self->preview_start) - self->first_day;
          start_minute = sw_time_minute_of_day (self->preview_start);
          end_minute = (int) MIN (self->preview_end - sw_time_from_day (self->first_day + day_index), 24 * 60);
          column = 0;
          n_columns = 1;
        }

      inner = self->day_width - CARD_GAP_RIGHT;
      w = inner / n_columns;
      x = GUTTER_WIDTH + day_index * self->day_width + 1 + column * w;
      y = (start_minute - self->first_hour * 60) * self->hour_height / 60.0 + 1;
      h = MAX ((end_minute - start_minute) * self->hour_height / 60.0, 20.0) - 2;

      allocate_child (GTK_WIDGET (card), x, y, MAX (w - 2, 4), h);
    }
}
