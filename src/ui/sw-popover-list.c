/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sw-popover-list.h"

GtkWidget *
sw_popover_list_new (GtkSelectionModel   *model,
                     GtkListItemFactory  *factory,
                     const char          *label,
                     int                  max_height,
                     GCallback            activated,
                     gpointer             data,
                     GtkListView        **out_list_view)
{
  GtkListView *list_view;
  GtkWidget *scrolled;

  g_return_val_if_fail (GTK_IS_SELECTION_MODEL (model), NULL);
  g_return_val_if_fail (GTK_IS_LIST_ITEM_FACTORY (factory), NULL);
  g_return_val_if_fail (label != NULL, NULL);
  g_return_val_if_fail (G_IS_OBJECT (data), NULL);

  list_view = GTK_LIST_VIEW (gtk_list_view_new (g_object_ref (model), g_object_ref (factory)));
  gtk_list_view_set_single_click_activate (list_view, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (list_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  g_signal_connect_object (list_view, "activate", activated, data, G_CONNECT_SWAPPED);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), max_height);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (list_view));

  if (out_list_view != NULL)
    *out_list_view = list_view;

  return scrolled;
}
