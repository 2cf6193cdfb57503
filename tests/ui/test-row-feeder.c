/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sw-row-feeder.h"

/* Items are plain objects; a made row knows its item. */

static GPtrArray *
make_items (guint n)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      GObject *item = g_object_new (G_TYPE_OBJECT, NULL);

      g_object_set_data (item, "sw-index", GUINT_TO_POINTER (i));
      g_ptr_array_add (items, item);
    }
  return items;
}

static gpointer
make_row (gpointer item,
          gpointer user_data)
{
  GObject *row = g_object_new (G_TYPE_OBJECT, NULL);

  g_object_set_data_full (row, "sw-item", g_object_ref (item), g_object_unref);
  (*(guint *) user_data)++;
  return row;
}

static void
count_fed (SwRowFeeder *feeder,
           guint       *n)
{
  (*n)++;
}

static void
run_until_fed (SwRowFeeder *feeder)
{
  while (sw_row_feeder_get_pending (feeder))
    g_main_context_iteration (NULL, TRUE);
}

/* Row @position of @store is @items' item @index (itself, or the row made
 * for it). */
static void
assert_row (GListStore *store,
            guint       position,
            GPtrArray  *items,
            guint       index,
            gboolean    made)
{
  g_autoptr(GObject) row = g_list_model_get_item (G_LIST_MODEL (store), position);

  g_assert_nonnull (row);
  if (made)
    g_assert_true (g_object_get_data (row, "sw-item") == items->pdata[index]);
  else
    g_assert_true ((gpointer) row == items->pdata[index]);
}

static void
test_two_steps (void)
{
  g_autoptr(GListStore) store = g_list_store_new (G_TYPE_OBJECT);
  g_autoptr(SwRowFeeder) feeder = sw_row_feeder_new (store, 20, NULL, NULL);
  g_autoptr(GPtrArray) items = make_items (500);
  guint n_fed = 0;

  g_signal_connect (feeder, "fed", G_CALLBACK (count_fed), &n_fed);
  g_assert_false (sw_row_feeder_get_pending (feeder));

  /* The first 20 at once, in order; nothing is added before the main loop
   * runs. */
  sw_row_feeder_feed (feeder, items, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 20);
  for (guint i = 0; i < 20; i++)
    assert_row (store, i, items, i, FALSE);
  g_assert_true (sw_row_feeder_get_pending (feeder));
  g_assert_cmpuint (n_fed, ==, 0);

  /* The rest while the main loop is idle, in order, each addition said. */
  run_until_fed (feeder);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 500);
  for (guint i = 0; i < 500; i++)
    assert_row (store, i, items, i, FALSE);
  g_assert_cmpuint (n_fed, >=, 1);

  /* Nothing more comes. */
  n_fed = 0;
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (n_fed, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 500);
}

static void
test_fits_at_once (void)
{
  g_autoptr(GListStore) store = g_list_store_new (G_TYPE_OBJECT);
  g_autoptr(SwRowFeeder) feeder = sw_row_feeder_new (store, 20, NULL, NULL);
  g_autoptr(GPtrArray) items = make_items (20);
  g_autoptr(GPtrArray) none = make_items (0);

  /* As many as fit at once: all there, nothing pending. */
  sw_row_feeder_feed (feeder, items, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 20);
  g_assert_false (sw_row_feeder_get_pending (feeder));

  /* Nothing to add, or nothing after @from. */
  sw_row_feeder_feed (feeder, none, 0);
  sw_row_feeder_feed (feeder, items, 20);
  sw_row_feeder_feed (feeder, items, 500);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 20);
  g_assert_false (sw_row_feeder_get_pending (feeder));
}

static void
test_after_kept_rows (void)
{
  g_autoptr(GListStore) store = g_list_store_new (G_TYPE_OBJECT);
  g_autoptr(SwRowFeeder) feeder = NULL;
  g_autoptr(GPtrArray) items = make_items (100);
  guint n_made = 0;

  /* A view that kept 30 rows (given items 0–29 again) and now shows 100. */
  g_list_store_splice (store, 0, 0, items->pdata, 30);

  /* Past the rows that come at once already: all of the rest later. */
  feeder = sw_row_feeder_new (store, 20, make_row, &n_made);
  sw_row_feeder_feed (feeder, items, 30);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 30);
  g_assert_cmpuint (n_made, ==, 0);
  g_assert_true (sw_row_feeder_get_pending (feeder));
  run_until_fed (feeder);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 100);
  g_assert_cmpuint (n_made, ==, 70);
  for (guint i = 30; i < 100; i++)
    assert_row (store, i, items, i, TRUE);
  g_clear_object (&feeder);

  /* Short of them: up to 60 at once, the rest later. */
  g_list_store_splice (store, 30, 70, NULL, 0);
  n_made = 0;
  feeder = sw_row_feeder_new (store, 60, make_row, &n_made);
  sw_row_feeder_feed (feeder, items, 30);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 60);
  g_assert_cmpuint (n_made, ==, 30);
  for (guint i = 30; i < 60; i++)
    assert_row (store, i, items, i, TRUE);
  run_until_fed (feeder);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 100);
  g_assert_cmpuint (n_made, ==, 70);
  assert_row (store, 99, items, 99, TRUE);
}

static void
test_stop_and_feed_again (void)
{
  g_autoptr(GListStore) store = g_list_store_new (G_TYPE_OBJECT);
  g_autoptr(SwRowFeeder) feeder = sw_row_feeder_new (store, 20, NULL, NULL);
  g_autoptr(GPtrArray) first = make_items (500);
  g_autoptr(GPtrArray) second = make_items (300);

  /* Stopped: the rows still to add never come. */
  sw_row_feeder_feed (feeder, first, 0);
  sw_row_feeder_stop (feeder);
  g_assert_false (sw_row_feeder_get_pending (feeder));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 20);

  /* Fed again before the first list is in: only the second list's rows
   * come after it. */
  sw_row_feeder_feed (feeder, first, 20);
  g_assert_true (sw_row_feeder_get_pending (feeder));
  g_list_store_remove_all (store);
  sw_row_feeder_feed (feeder, second, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 20);
  run_until_fed (feeder);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 300);
  for (guint i = 0; i < 300; i++)
    assert_row (store, i, second, i, FALSE);
}

typedef struct
{
  GListStore *store;
  GPtrArray  *next;  /* fed once the first list is in */
  guint       n_fed;
} Refeed;

static void
feed_next (SwRowFeeder *feeder,
           Refeed      *refeed)
{
  refeed->n_fed++;
  if (refeed->next != NULL && !sw_row_feeder_get_pending (feeder))
    {
      g_autoptr(GPtrArray) next = g_steal_pointer (&refeed->next);

      g_list_store_remove_all (refeed->store);
      sw_row_feeder_feed (feeder, next, 0);
    }
}

static void
test_fed_anew_from_handler (void)
{
  g_autoptr(GListStore) store = g_list_store_new (G_TYPE_OBJECT);
  g_autoptr(SwRowFeeder) feeder = sw_row_feeder_new (store, 20, NULL, NULL);
  g_autoptr(GPtrArray) first = make_items (100);
  g_autoptr(GPtrArray) second = make_items (300);
  Refeed refeed = { store, g_ptr_array_ref (second), 0 };

  /* A view that fills anew as the rows of its first list are in: the
   * second list's rows come once each, and then nothing more. */
  g_signal_connect (feeder, "fed", G_CALLBACK (feed_next), &refeed);
  sw_row_feeder_feed (feeder, first, 0);
  run_until_fed (feeder);
  g_assert_null (refeed.next);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 300);
  for (guint i = 0; i < 300; i++)
    assert_row (store, i, second, i, FALSE);

  refeed.n_fed = 0;
  for (guint i = 0; i < 10; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (refeed.n_fed, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 300);
}

static void
test_dropped_while_pending (void)
{
  g_autoptr(GListStore) store = g_list_store_new (G_TYPE_OBJECT);
  g_autoptr(GPtrArray) items = make_items (500);
  SwRowFeeder *feeder = sw_row_feeder_new (store, 20, NULL, NULL);
  GWeakRef weak;

  /* The feeder goes with its view; its idle addition goes with it, and it
   * lets go of the items. */
  sw_row_feeder_feed (feeder, items, 0);
  g_weak_ref_init (&weak, items->pdata[499]);
  g_object_unref (feeder);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 20);
  g_clear_pointer (&items, g_ptr_array_unref);
  g_assert_null (g_weak_ref_get (&weak));
  g_weak_ref_clear (&weak);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/row-feeder/two-steps", test_two_steps);
  g_test_add_func ("/row-feeder/fits-at-once", test_fits_at_once);
  g_test_add_func ("/row-feeder/after-kept-rows", test_after_kept_rows);
  g_test_add_func ("/row-feeder/stop-and-feed-again", test_stop_and_feed_again);
  g_test_add_func ("/row-feeder/fed-anew-from-handler", test_fed_anew_from_handler);
  g_test_add_func ("/row-feeder/dropped-while-pending", test_dropped_while_pending);

  return g_test_run ();
}
