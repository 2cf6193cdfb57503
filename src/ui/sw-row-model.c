/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sw-row-model.h"

/* Each idle addition lasts about this long, rows added this many at a
 * time. */
#define SLICE_USEC 6000
#define ROWS_PER_STEP 20

struct _SwRowModel
{
  GObject             parent_instance;

  GType               row_type;
  guint               at_once;
  SwRowModelMakeFunc  make;
  SwRowModelSetFunc   set;

  GListModel         *items;
  gulong              items_changed_id;
  GListStore         *rows;
  guint               next;      /* the position of the next item to add */
  guint               idle_id;
  gboolean            syncing;
};

static void sw_row_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SwRowModel, sw_row_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, sw_row_model_list_model_init))

enum {
  SIGNAL_FED,
  SIGNAL_SYNCED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static guint
n_items (SwRowModel *self)
{
  return self->items != NULL ? g_list_model_get_n_items (self->items) : 0;
}

static gpointer
make_row (SwRowModel *self,
          guint       position)
{
  g_autoptr(GObject) item = g_list_model_get_item (self->items, position);

  return self->make != NULL ? self->make (item) : g_steal_pointer (&item);
}

/* Puts the rows of @n more items in the place of the @removed rows at
 * the end. */
static void
append (SwRowModel *self,
        guint       removed,
        guint       n)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_full (n, g_object_unref);
  guint n_rows = g_list_model_get_n_items (G_LIST_MODEL (self->rows));

  for (guint i = self->next; i < self->next + n; i++)
    g_ptr_array_add (rows, make_row (self, i));
  self->next += n;
  if (removed > 0 || n > 0)
    g_list_store_splice (self->rows, n_rows - removed, removed, rows->pdata, rows->len);
}

static gboolean
feed_idle (gpointer data)
{
  SwRowModel *self = data;
  gint64 start = g_get_monotonic_time ();
  guint n = n_items (self);

  while (self->next < n && g_get_monotonic_time () - start < SLICE_USEC)
    append (self, 0, MIN (ROWS_PER_STEP, n - self->next));

  if (self->next >= n)
    self->idle_id = 0;
  g_signal_emit (self, signals[SIGNAL_FED], 0);

  return self->idle_id != 0 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

/* Brings the rows up to date with the items: in one change of the rows,
 * the kept rows show the first items, those left over go, and the rows up
 * to @at_once come; the others follow while the main loop is idle. */
static void
sync_rows (SwRowModel *self)
{
  guint n = n_items (self);
  guint n_rows = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  guint kept = self->set != NULL ? MIN (n, n_rows) : 0;

  self->syncing = TRUE;
  g_clear_handle_id (&self->idle_id, g_source_remove);

  for (guint i = 0; i < kept; i++)
    {
      g_autoptr(GObject) row = g_list_model_get_item (G_LIST_MODEL (self->rows), i);
      g_autoptr(GObject) item = g_list_model_get_item (self->items, i);

      self->set (row, item);
    }
  self->next = kept;
  append (self, n_rows - kept, MIN (n, MAX (self->at_once, kept)) - kept);
  if (self->next < n)
    self->idle_id = g_idle_add_full (G_PRIORITY_LOW, feed_idle, self, NULL);

  self->syncing = FALSE;
  g_signal_emit (self, signals[SIGNAL_SYNCED], 0);
}

void
sw_row_model_set_items (SwRowModel *self,
                        GListModel *items)
{
  g_return_if_fail (SW_IS_ROW_MODEL (self));
  g_return_if_fail (items == NULL || G_IS_LIST_MODEL (items));

  if (self->items == items)
    return;

  if (self->items != NULL)
    g_clear_signal_handler (&self->items_changed_id, self->items);
  g_set_object (&self->items, items);
  if (items != NULL)
    self->items_changed_id = g_signal_connect_swapped (items, "items-changed",
                                                       G_CALLBACK (sync_rows), self);
  sync_rows (self);
}

GListModel *
sw_row_model_get_items (SwRowModel *self)
{
  g_return_val_if_fail (SW_IS_ROW_MODEL (self), NULL);

  return self->items;
}

gboolean
sw_row_model_get_pending (SwRowModel *self)
{
  g_return_val_if_fail (SW_IS_ROW_MODEL (self), FALSE);

  return self->idle_id != 0;
}

gboolean
sw_row_model_get_syncing (SwRowModel *self)
{
  g_return_val_if_fail (SW_IS_ROW_MODEL (self), FALSE);

  return self->syncing;
}

SwRowModel *
sw_row_model_new (GType              row_type,
                  guint              at_once,
                  SwRowModelMakeFunc make,
                  SwRowModelSetFunc  set)
{
  SwRowModel *self;

  g_return_val_if_fail (g_type_is_a (row_type, G_TYPE_OBJECT), NULL);
  g_return_val_if_fail ((make == NULL) == (set == NULL), NULL);

  self = g_object_new (SW_TYPE_ROW_MODEL, NULL);
  self->row_type = row_type;
  self->at_once = at_once;
  self->make = make;
  self->set = set;
  self->rows = g_list_store_new (row_type);
  g_signal_connect_object (self->rows, "items-changed",
                           G_CALLBACK (g_list_model_items_changed), self, G_CONNECT_SWAPPED);
  return self;
}

/* GListModel */

static GType
sw_row_model_get_item_type (GListModel *model)
{
  return SW_ROW_MODEL (model)->row_type;
}

static guint
sw_row_model_get_n_items (GListModel *model)
{
  return g_list_model_get_n_items (G_LIST_MODEL (SW_ROW_MODEL (model)->rows));
}

static gpointer
sw_row_model_get_item (GListModel *model,
                       guint       position)
{
  return g_list_model_get_item (G_LIST_MODEL (SW_ROW_MODEL (model)->rows), position);
}

static void
sw_row_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = sw_row_model_get_item_type;
  iface->get_n_items = sw_row_model_get_n_items;
  iface->get_item = sw_row_model_get_item;
}

/* GObject */

static void
sw_row_model_dispose (GObject *object)
{
  SwRowModel *self = SW_ROW_MODEL (object);

  g_clear_handle_id (&self->idle_id, g_source_remove);
  if (self->items != NULL)
    g_clear_signal_handler (&self->items_changed_id, self->items);
  g_clear_object (&self->items);
  g_clear_object (&self->rows);

  G_OBJECT_CLASS (sw_row_model_parent_class)->dispose (object);
}

static void
sw_row_model_class_init (SwRowModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sw_row_model_dispose;

  signals[SIGNAL_FED] =
    g_signal_new ("fed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_SYNCED] =
    g_signal_new ("synced", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
sw_row_model_init (SwRowModel *self)
{
}
