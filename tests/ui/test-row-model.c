/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sw-row-model.h"

/* Items are plain objects in a store; a made row knows its item. */

static guint n_made;

static GListStore *
make_items (guint n)
{
  GListStore *items = g_list_store_new (G_TYPE_OBJECT);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_object_new (G_TYPE_OBJECT, NULL);

      g_object_set_data (item, "sw-index", GUINT_TO_POINTER (i));
      g_list_store_append (items, item);
    }
  return items;
}

static gpointer
make_row (gpointer item)
{
  GObject *row = g_object_new (G_TYPE_OBJECT, NULL);

  g_object_set_data_full (row, "sw-item", g_object_ref (item), g_object_unref);
  n_made++;
  return row;
}

static void
set_row (gpointer row,
         gpointer item)
{
  g_object_set_data_full (row, "sw-item", g_object_ref (item), g_object_unref);
}

static void
count (gpointer  instance,
       guint    *n)
{
  (*n)++;
}

static void
run_until_fed (SwRowModel *rows)
{
  while (sw_row_model_get_pending (rows))
    g_main_context_iteration (NULL, TRUE);
}

static guint
n_rows (SwRowModel *rows)
{
  return g_list_model_get_n_items (G_LIST_MODEL (rows));
}

/* Each row of @rows shows the item at its position in @items (is it, or
 * was made for it). */
static void
assert_rows (SwRowModel *rows,
             GListStore *items,
             gboolean    made)
{
  for (guint i = 0; i < n_rows (rows); i++)
    {
      g_autoptr(GObject) row = g_list_model_get_item (G_LIST_MODEL (rows), i);
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (items), i);

      g_assert_nonnull (item);
      if (made)
        g_assert_true (g_object_get_data (row, "sw-item") == (gpointer) item);
      else
        g_assert_true (row == item);
    }
}

static void
test_two_steps (void)
{
  g_autoptr(SwRowModel) rows = sw_row_model_new (G_TYPE_OBJECT, 20, NULL, NULL);
  g_autoptr(GListStore) items = make_items (500);
  guint n_fed = 0, n_synced = 0;

  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (rows)) == G_TYPE_OBJECT);
  g_signal_connect (rows, "fed", G_CALLBACK (count), &n_fed);
  g_signal_connect (rows, "synced", G_CALLBACK (count), &n_synced);
  g_assert_false (sw_row_model_get_pending (rows));
  g_assert_cmpuint (n_rows (rows), ==, 0);

  /* The first 20 at once, in order; the others once the main loop runs. */
  sw_row_model_set_items (rows, G_LIST_MODEL (items));
  g_assert_cmpuint (n_synced, ==, 1);
  g_assert_cmpuint (n_rows (rows), ==, 20);
  assert_rows (rows, items, FALSE);
  g_assert_true (sw_row_model_get_pending (rows));
  g_assert_cmpuint (n_fed, ==, 0);

  run_until_fed (rows);
  g_assert_cmpuint (n_rows (rows), ==, 500);
  assert_rows (rows, items, FALSE);
  g_assert_cmpuint (n_fed, >=, 1);

  /* Nothing more comes. */
  n_fed = 0;
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (n_fed, ==, 0);
  g_assert_cmpuint (n_rows (rows), ==, 500);

  /* Without items, no rows. */
  sw_row_model_set_items (rows, NULL);
  g_assert_cmpuint (n_rows (rows), ==, 0);
  g_assert_false (sw_row_model_get_pending (rows));
}

static void
test_follows_items (void)
{
  g_autoptr(SwRowModel) rows = sw_row_model_new (G_TYPE_OBJECT, 20, NULL, NULL);
  g_autoptr(GListStore) items = make_items (10);
  g_autoptr(GObject) extra = g_object_new (G_TYPE_OBJECT, NULL);

  sw_row_model_set_items (rows, G_LIST_MODEL (items));
  g_assert_cmpuint (n_rows (rows), ==, 10);
  g_assert_false (sw_row_model_get_pending (rows));

  g_list_store_insert (items, 3, extra);
  g_assert_cmpuint (n_rows (rows), ==, 11);
  assert_rows (rows, items, FALSE);

  g_list_store_remove (items, 0);
  g_list_store_remove (items, 0);
  g_assert_cmpuint (n_rows (rows), ==, 9);
  assert_rows (rows, items, FALSE);

  g_list_store_remove_all (items);
  g_assert_cmpuint (n_rows (rows), ==, 0);
}

typedef struct
{
  SwRowModel *rows;
  guint       n_changes;
  gboolean    syncing;
} Watch;

static void
rows_changed (GListModel *model,
              guint       position,
              guint       removed,
              guint       added,
              Watch      *watch)
{
  watch->n_changes++;
  watch->syncing = sw_row_model_get_syncing (watch->rows);
}

static void
test_recycles_rows (void)
{
  g_autoptr(SwRowModel) rows = sw_row_model_new (G_TYPE_OBJECT, 60, make_row, set_row);
  g_autoptr(GListStore) items = make_items (100);
  g_autoptr(GObject) first_row = NULL;
  g_autoptr(GObject) row = NULL;
  Watch watch = { rows, 0, FALSE };

  n_made = 0;
  sw_row_model_set_items (rows, G_LIST_MODEL (items));
  g_assert_cmpuint (n_rows (rows), ==, 60);
  g_assert_cmpuint (n_made, ==, 60);
  run_until_fed (rows);
  g_assert_cmpuint (n_rows (rows), ==, 100);
  g_assert_cmpuint (n_made, ==, 100);
  assert_rows (rows, items, TRUE);
  first_row = g_list_model_get_item (G_LIST_MODEL (rows), 0);

  /* The first 30 items go: the first 70 rows show the 70 left, the last
   * 30 go, in one change, and no row is made. */
  g_signal_connect (rows, "items-changed", G_CALLBACK (rows_changed), &watch);
  g_list_store_splice (items, 0, 30, NULL, 0);
  g_assert_cmpuint (watch.n_changes, ==, 1);
  g_assert_true (watch.syncing);
  g_assert_false (sw_row_model_get_syncing (rows));
  g_assert_cmpuint (n_rows (rows), ==, 70);
  g_assert_cmpuint (n_made, ==, 100);
  assert_rows (rows, items, TRUE);
  row = g_list_model_get_item (G_LIST_MODEL (rows), 0);
  g_assert_true (row == first_row);

  /* 100 items again: the 70 rows kept are past the rows made at once, so
   * all 30 new ones come later. */
  {
    g_autoptr(GListStore) more = make_items (30);

    for (guint i = 0; i < 30; i++)
      {
        g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (more), i);

        g_list_store_append (items, item);
      }
  }
  g_assert_cmpuint (n_rows (rows), ==, 70);
  g_assert_true (sw_row_model_get_pending (rows));
  run_until_fed (rows);
  g_assert_cmpuint (n_rows (rows), ==, 100);
  g_assert_cmpuint (n_made, ==, 130);
  assert_rows (rows, items, TRUE);
}

static void
test_changed_while_pending (void)
{
  g_autoptr(SwRowModel) rows = sw_row_model_new (G_TYPE_OBJECT, 20, NULL, NULL);
  g_autoptr(GListStore) first = make_items (500);
  g_autoptr(GListStore) second = make_items (300);

  /* Other items before the first ones are in: only the second items'
   * rows are there in the end, each once. */
  sw_row_model_set_items (rows, G_LIST_MODEL (first));
  g_assert_true (sw_row_model_get_pending (rows));
  g_main_context_iteration (NULL, FALSE);
  sw_row_model_set_items (rows, G_LIST_MODEL (second));
  g_assert_cmpuint (n_rows (rows), ==, 20);
  run_until_fed (rows);
  g_assert_cmpuint (n_rows (rows), ==, 300);
  assert_rows (rows, second, FALSE);

  /* The first items no longer count. */
  g_list_store_remove_all (first);
  g_assert_cmpuint (n_rows (rows), ==, 300);
}

static void
test_dropped_while_pending (void)
{
  g_autoptr(GListStore) items = make_items (500);
  SwRowModel *rows = sw_row_model_new (G_TYPE_OBJECT, 20, NULL, NULL);
  GWeakRef weak;

  /* The rows go with their view; the idle addition goes with them, and
   * they let go of the items. */
  sw_row_model_set_items (rows, G_LIST_MODEL (items));
  g_weak_ref_init (&weak, rows);
  g_object_unref (rows);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_null (g_weak_ref_get (&weak));
  g_weak_ref_clear (&weak);
  g_list_store_remove_all (items);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/row-model/two-steps", test_two_steps);
  g_test_add_func ("/row-model/follows-items", test_follows_items);
  g_test_add_func ("/row-model/recycles-rows", test_recycles_rows);
  g_test_add_func ("/row-model/changed-while-pending", test_changed_while_pending);
  g_test_add_func ("/row-model/dropped-while-pending", test_dropped_while_pending);

  return g_test_run ();
}
