/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "sw-test-widgets.h"

void
sw_test_iterate_for (int ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
}

static void
collect (GtkWidget     *widget,
         SwTestMatch    match,
         gconstpointer  data,
         GPtrArray     *out)
{
  if (match (widget, data))
    g_ptr_array_add (out, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (child, match, data, out);
}

GPtrArray *
sw_test_find_all (GtkWidget     *root,
                  SwTestMatch    match,
                  gconstpointer  data)
{
  GPtrArray *out = g_ptr_array_new ();

  collect (root, match, data, out);
  return out;
}

static gboolean
is_type (GtkWidget     *widget,
         gconstpointer  data)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (data));
}

GPtrArray *
sw_test_find_type (GtkWidget *root,
                   GType      type)
{
  return sw_test_find_all (root, is_type, GSIZE_TO_POINTER (type));
}

GtkEditable *
sw_test_date_time_entry (GtkWidget *control)
{
  for (GtkWidget *child = gtk_widget_get_first_child (control); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_ENTRY (child))
      return GTK_EDITABLE (child);
  g_assert_not_reached ();
}
