/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>

#include "sw-schedule-layout.h"
#include "sw-time.h"

typedef struct
{
  gint64 start;
  gint64 end;
  guint  index;
} Span;

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  const Span *sa = a;
  const Span *sb = b;

  if (sa->start != sb->start)
    return sa->start < sb->start ? -1 : 1;
  if (sa->end != sb->end)
    return sa->end > sb->end ? -1 : 1;   /* longer first */
  return sa->index < sb->index ? -1 : (sa->index > sb->index);
}

static void
finish_cluster (const Span *spans,
                guint       from,
                guint       to,
                guint       n_columns,
                guint      *out_n_columns)
{
  for (guint i = from; i < to; i++)
    out_n_columns[spans[i].index] = n_columns;
}

void
sw_schedule_layout_columns (const gint64 *starts,
                            const gint64 *ends,
                            guint         n,
                            guint        *out_column,
                            guint        *out_n_columns)
{
  g_autofree Span *spans = NULL;
  g_autoptr(GArray) column_ends = NULL;
  guint cluster_from = 0;
  gint64 cluster_end = G_MININT64;

  g_return_if_fail (n == 0 || (starts != NULL && ends != NULL));
  g_return_if_fail (n == 0 || (out_column != NULL && out_n_columns != NULL));

  if (n == 0)
    return;

  spans = g_new (Span, n);
  for (guint i = 0; i < n; i++)
    {
      spans[i].start = starts[i];
      /* A slot of no length still takes its place. */
      spans[i].end = MAX (ends[i], starts[i] + 1);
      spans[i].index = i;
    }
  qsort (spans, n, sizeof (Span), compare_spans);

  column_ends = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < n; i++)
    {
      const Span *span = &spans[i];
      guint column;

      if (span->start >= cluster_end && i > 0)
        {
          finish_cluster (spans, cluster_from, i, column_ends->len, out_n_columns);
          g_array_set_size (column_ends, 0);
          cluster_from = i;
        }

      for (column = 0; column < column_ends->len; column++)
        if (g_array_index (column_ends, gint64, column) <= span->start)
          break;

      if (column == column_ends->len)
        g_array_append_val (column_ends, span->end);
      else
        g_array_index (column_ends, gint64, column) = span->end;

      out_column[span->index] = column;
      cluster_end = i == cluster_from ? span->end : MAX (cluster_end, span->end);
    }

  finish_cluster (spans, cluster_from, n, column_ends->len, out_n_columns);
}

gint64
sw_schedule_snap (gint64 minutes,
                  int    step)
{
  gint64 rest;

  g_return_val_if_fail (step > 0, minutes);

  rest = minutes % step;
  if (rest < 0)
    rest += step;

  if (rest * 2 >= step)
    return minutes - rest + step;
  return minutes - rest;
}

void
sw_schedule_hour_range (const gint64 *starts,
                        const gint64 *ends,
                        guint         n,
                        int           default_first,
                        int           default_last,
                        int          *out_first,
                        int          *out_last)
{
  int first = CLAMP (default_first, 0, 23);
  int last = CLAMP (default_last, first + 1, 24);

  for (guint i = 0; i < n; i++)
    {
      int start_minute = sw_time_minute_of_day (starts[i]);
      int end_minute;

      first = MIN (first, start_minute / 60);

      /* A slot running past midnight shows to the end of its first day. */
      if (sw_time_day_of (ends[i]) > sw_time_day_of (starts[i]))
        end_minute = 24 * 60;
      else
        end_minute = sw_time_minute_of_day (ends[i]);

      last = MAX (last, (end_minute + 59) / 60);
    }

  *out_first = first;
  *out_last = MIN (last, 24);
}

void
sw_schedule_drag_move (gint64  start,
                       gint64  end,
                       gint64  delta_minutes,
                       int     delta_days,
                       gint64 *out_start,
                       gint64 *out_end)
{
  gint64 length = end - start;
  gint64 new_start;

  new_start = sw_schedule_snap (start + delta_minutes, SW_SCHEDULE_SNAP_MINUTES);
  new_start += (gint64) delta_days * 24 * 60;

  *out_start = new_start;
  *out_end = new_start + length;
}

gint64
sw_schedule_drag_resize (gint64 start,
                         gint64 end,
                         gint64 delta_minutes)
{
  gint64 new_end = sw_schedule_snap (end + delta_minutes, SW_SCHEDULE_SNAP_MINUTES);

  return MAX (new_end, start + SW_SCHEDULE_SNAP_MINUTES);
}
