/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * The arithmetic of the week grid: pure functions of their arguments, so
 * tests call them without a display.  Times are local minutes and days are
 * day numbers as in sw-time.h.
 */

#define SW_SCHEDULE_SNAP_MINUTES 15

/* Lays out the slots of one day side by side: slots that overlap (directly
 * or through others) form a cluster; each slot gets the first column free
 * at its start, and every slot of a cluster the cluster's column count.
 * @starts and @ends hold @n slots in any order. */
void     sw_schedule_layout_columns (const gint64 *starts,
                                     const gint64 *ends,
                                     guint         n,
                                     guint        *out_column,
                                     guint        *out_n_columns);

/* @minutes rounded to the nearest multiple of @step (ties round up). */
gint64   sw_schedule_snap           (gint64        minutes,
                                     int           step);

/* The hours the grid shows: @default_first … @default_last (hours 0 … 24,
 * the last one exclusive) widened to hold every slot of @n. */
void     sw_schedule_hour_range     (const gint64 *starts,
                                     const gint64 *ends,
                                     guint         n,
                                     int           default_first,
                                     int           default_last,
                                     int          *out_first,
                                     int          *out_last);

/* A card dragged by @delta_minutes and @delta_days: the new start and end,
 * the start snapped, the length kept. */
void     sw_schedule_drag_move      (gint64        start,
                                     gint64        end,
                                     gint64        delta_minutes,
                                     int           delta_days,
                                     gint64       *out_start,
                                     gint64       *out_end);
/* A card's bottom edge dragged by @delta_minutes: the new end, snapped,
 * at least one snap step after @start. */
gint64   sw_schedule_drag_resize    (gint64        start,
                                     gint64        end,
                                     gint64        delta_minutes);

G_END_DECLS
