/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sw-column-util.h"

typedef struct
{
  SwCellSetup  setup;
  SwCellFill   fill;
  gpointer     user_data;
  guint        text_chars; /* the default cell's natural width */
  GHashTable  *bound;   /* GtkListItem* set */
} ColumnData;

#define ITEM_KEY "sw-cell-item"
#define HANDLER_KEY "sw-cell-handler"

static void
column_data_free (gpointer data)
{
  ColumnData *column_data = data;

  g_hash_table_unref (column_data->bound);
  g_free (column_data);
}

GtkWidget *
sw_column_util_text_new (guint chars)
{
  GtkWidget *text = gtk_inscription_new (NULL);

  gtk_inscription_set_xalign (GTK_INSCRIPTION (text), 0.0f);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (text), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_inscription_set_min_chars (GTK_INSCRIPTION (text), MIN (chars, 4));
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (text), chars);
  gtk_widget_set_margin_start (text, 6);
  gtk_widget_set_margin_end (text, 6);
  gtk_widget_add_css_class (text, "table-cell");
  return text;
}

void
sw_column_util_set_text (GtkWidget  *cell,
                         const char *text)
{
  g_return_if_fail (GTK_IS_INSCRIPTION (cell));

  if (text == NULL)
    text = "";
  if (g_strcmp0 (gtk_inscription_get_text (GTK_INSCRIPTION (cell)), text) == 0)
    return;
  gtk_inscription_set_text (GTK_INSCRIPTION (cell), text);
  /* What screen readers (and the tests) read of the cell. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
}

static void
cell_setup (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            ColumnData               *data)
{
  GtkWidget *cell = data->setup != NULL ? data->setup (data->user_data)
                                        : sw_column_util_text_new (data->text_chars);

  gtk_list_item_set_child (list_item, cell);
}

static void
cell_fill (GtkListItem *list_item,
           ColumnData  *data)
{
  gpointer item = gtk_list_item_get_item (list_item);
  GtkWidget *cell = gtk_list_item_get_child (list_item);

  if (item != NULL && cell != NULL)
    data->fill (cell, item, data->user_data);
}

static void
item_notify (GObject     *item,
             GParamSpec  *pspec,
             GtkListItem *list_item)
{
  GtkListItemFactory *factory = g_object_get_data (G_OBJECT (list_item), "sw-cell-factory");
  ColumnData *data = factory != NULL ? g_object_get_data (G_OBJECT (factory), "sw-column-data") : NULL;

  if (data != NULL)
    cell_fill (list_item, data);
}

static void
cell_bind (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           ColumnData               *data)
{
  GObject *item = gtk_list_item_get_item (list_item);
  GtkWidget *cell = gtk_list_item_get_child (list_item);
  gulong handler;

  g_object_set_data (G_OBJECT (cell), ITEM_KEY, item);
  g_object_set_data (G_OBJECT (list_item), "sw-cell-factory", factory);
  handler = g_signal_connect (item, "notify", G_CALLBACK (item_notify), list_item);
  g_object_set_data (G_OBJECT (list_item), HANDLER_KEY, GSIZE_TO_POINTER ((gsize) handler));
  g_hash_table_add (data->bound, list_item);
  cell_fill (list_item, data);
}

static void
cell_unbind (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             ColumnData               *data)
{
  GObject *item = gtk_list_item_get_item (list_item);
  GtkWidget *cell = gtk_list_item_get_child (list_item);
  gulong handler = GPOINTER_TO_SIZE (g_object_steal_data (G_OBJECT (list_item), HANDLER_KEY));

  if (item != NULL && handler != 0)
    g_signal_handler_disconnect (item, handler);
  if (cell != NULL)
    g_object_set_data (G_OBJECT (cell), ITEM_KEY, NULL);
  g_hash_table_remove (data->bound, list_item);
}

static void
cell_teardown (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               ColumnData               *data)
{
  g_hash_table_remove (data->bound, list_item);
}

GtkColumnViewColumn *
sw_column_util_add (GtkColumnView *view,
                    const char    *title,
                    SwCellSetup    setup,
                    SwCellFill     fill,
                    gpointer       user_data,
                    GtkSorter     *sorter,
                    gboolean       expand)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) column = NULL;
  g_autoptr(GtkSorter) owned_sorter = sorter;
  ColumnData *data;

  g_return_val_if_fail (GTK_IS_COLUMN_VIEW (view), NULL);
  g_return_val_if_fail (fill != NULL, NULL);

  data = g_new0 (ColumnData, 1);
  data->setup = setup;
  data->fill = fill;
  data->user_data = user_data;
  data->bound = g_hash_table_new (NULL, NULL);
  data->text_chars = SW_COLUMN_UTIL_TEXT_CHARS;
  g_object_set_data_full (G_OBJECT (factory), "sw-column-data", data, column_data_free);

  g_signal_connect (factory, "setup", G_CALLBACK (cell_setup), data);
  g_signal_connect (factory, "bind", G_CALLBACK (cell_bind), data);
  g_signal_connect (factory, "unbind", G_CALLBACK (cell_unbind), data);
  g_signal_connect (factory, "teardown", G_CALLBACK (cell_teardown), data);

  column = gtk_column_view_column_new (title, g_object_ref (factory));
  if (owned_sorter != NULL)
    gtk_column_view_column_set_sorter (column, owned_sorter);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_append_column (view, column);

  return column;
}

void
sw_column_util_refresh (GtkColumnViewColumn *column)
{
  GtkListItemFactory *factory;
  ColumnData *data;
  GHashTableIter iter;
  gpointer list_item;

  g_return_if_fail (GTK_IS_COLUMN_VIEW_COLUMN (column));

  factory = gtk_column_view_column_get_factory (column);
  data = factory != NULL ? g_object_get_data (G_OBJECT (factory), "sw-column-data") : NULL;
  if (data == NULL)
    return;

  g_hash_table_iter_init (&iter, data->bound);
  while (g_hash_table_iter_next (&iter, &list_item, NULL))
    cell_fill (list_item, data);
}

void
sw_column_util_set_text_chars (GtkColumnViewColumn *column,
                               guint                chars)
{
  GtkListItemFactory *factory;
  ColumnData *data;

  g_return_if_fail (GTK_IS_COLUMN_VIEW_COLUMN (column));

  factory = gtk_column_view_column_get_factory (column);
  data = factory != NULL ? g_object_get_data (G_OBJECT (factory), "sw-column-data") : NULL;
  g_return_if_fail (data != NULL);
  data->text_chars = chars;
}

gpointer
sw_column_util_get_item (GtkWidget *cell)
{
  g_return_val_if_fail (GTK_IS_WIDGET (cell), NULL);

  return g_object_get_data (G_OBJECT (cell), ITEM_KEY);
}
