/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sw-row-feeder.h"

/* Each idle addition lasts about this long, rows added this many at a
 * time. */
#define SLICE_USEC 6000
#define ROWS_PER_STEP 20

struct _SwRowFeeder
{
  GObject              parent_instance;

  GListStore          *store;
  guint                at_once;
  SwRowFeederMakeFunc  make;
  gpointer             user_data;

  GPtrArray           *items;  /* those still to add, from next on */
  guint                next;
  guint                idle_id;
};

G_DEFINE_FINAL_TYPE (SwRowFeeder, sw_row_feeder, G_TYPE_OBJECT)

enum {
  SIGNAL_FED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
append (SwRowFeeder *self,
        guint        n)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = self->next; i < self->next + n; i++)
    g_ptr_array_add (rows, self->make != NULL
                           ? self->make (self->items->pdata[i], self->user_data)
                           : g_object_ref (self->items->pdata[i]));
  self->next += n;
  g_list_store_splice (self->store, g_list_model_get_n_items (G_LIST_MODEL (self->store)), 0,
                       rows->pdata, rows->len);
}

static gboolean
feed_idle (gpointer data)
{
  g_autoptr(SwRowFeeder) self = g_object_ref (data);
  guint source = self->idle_id;
  gint64 start = g_get_monotonic_time ();

  while (self->next < self->items->len && g_get_monotonic_time () - start < SLICE_USEC)
    append (self, MIN (ROWS_PER_STEP, self->items->len - self->next));

  if (self->next >= self->items->len)
    {
      g_clear_pointer (&self->items, g_ptr_array_unref);
      self->idle_id = 0;
    }
  g_signal_emit (self, signals[SIGNAL_FED], 0);

  /* A handler may have stopped the feeder or fed it anew, with a source
   * of its own: this one goes on only while it is still the feeder's. */
  return self->idle_id != 0 && self->idle_id == source ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

void
sw_row_feeder_stop (SwRowFeeder *self)
{
  g_return_if_fail (SW_IS_ROW_FEEDER (self));

  g_clear_handle_id (&self->idle_id, g_source_remove);
  g_clear_pointer (&self->items, g_ptr_array_unref);
}

void
sw_row_feeder_feed (SwRowFeeder *self,
                    GPtrArray   *items,
                    guint        from)
{
  guint n_rows;

  g_return_if_fail (SW_IS_ROW_FEEDER (self));
  g_return_if_fail (items != NULL);

  sw_row_feeder_stop (self);
  if (from >= items->len)
    return;

  self->items = g_ptr_array_ref (items);
  self->next = from;
  n_rows = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  if (n_rows < self->at_once)
    append (self, MIN (self->at_once - n_rows, items->len - from));

  if (self->next < items->len)
    self->idle_id = g_idle_add_full (G_PRIORITY_LOW, feed_idle, self, NULL);
  else
    g_clear_pointer (&self->items, g_ptr_array_unref);
}

gboolean
sw_row_feeder_get_pending (SwRowFeeder *self)
{
  g_return_val_if_fail (SW_IS_ROW_FEEDER (self), FALSE);

  return self->idle_id != 0;
}

SwRowFeeder *
sw_row_feeder_new (GListStore          *store,
                   guint                at_once,
                   SwRowFeederMakeFunc  make,
                   gpointer             user_data)
{
  SwRowFeeder *self;

  g_return_val_if_fail (G_IS_LIST_STORE (store), NULL);

  self = g_object_new (SW_TYPE_ROW_FEEDER, NULL);
  self->store = g_object_ref (store);
  self->at_once = at_once;
  self->make = make;
  self->user_data = user_data;
  return self;
}

static void
sw_row_feeder_dispose (GObject *object)
{
  SwRowFeeder *self = SW_ROW_FEEDER (object);

  sw_row_feeder_stop (self);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sw_row_feeder_parent_class)->dispose (object);
}

static void
sw_row_feeder_class_init (SwRowFeederClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sw_row_feeder_dispose;

  signals[SIGNAL_FED] =
    g_signal_new ("fed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
sw_row_feeder_init (SwRowFeeder *self)
{
}
