/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/*
 * Names for screen readers of the widgets GTK makes for us: the row of a
 * list view, list box or column view that holds @child (GTK 4.8 makes
 * the row itself, and a screen reader reads the row when it gets the
 * focus).  Header-only so that every view and its test can use it.
 */
static inline void
sw_accessible_label_row (GtkWidget  *child,
                         const char *label)
{
  GtkWidget *item = NULL;

  g_return_if_fail (GTK_IS_WIDGET (child));

  /* A column view's cell may be a list item inside its row: the row is
   * what takes the focus. */
  for (GtkWidget *widget = gtk_widget_get_parent (child); widget != NULL; widget = gtk_widget_get_parent (widget))
    {
      GtkAccessibleRole role = gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget));

      if (role == GTK_ACCESSIBLE_ROLE_ROW)
        {
          item = widget;
          break;
        }
      if (role == GTK_ACCESSIBLE_ROLE_LIST_ITEM && item == NULL)
        item = widget;
      if (role == GTK_ACCESSIBLE_ROLE_LIST || role == GTK_ACCESSIBLE_ROLE_GRID
          || role == GTK_ACCESSIBLE_ROLE_TREE_GRID)
        break;
    }
  if (item != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (item),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

/* A column view's row of column titles, which GTK 4.8 makes focusable
 * and names after its type. */
static inline void
sw_accessible_label_column_titles (GtkColumnView *view,
                                   const char    *label)
{
  GtkWidget *header = gtk_widget_get_first_child (GTK_WIDGET (view));

  g_return_if_fail (GTK_IS_COLUMN_VIEW (view));

  if (header != NULL && gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (header)) == GTK_ACCESSIBLE_ROLE_ROW)
    gtk_accessible_update_property (GTK_ACCESSIBLE (header),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

/* The next widget after @widget inside @root, depth first. */
static inline GtkWidget *
sw_accessible_next (GtkWidget *root,
                    GtkWidget *widget)
{
  if (gtk_widget_get_first_child (widget) != NULL)
    return gtk_widget_get_first_child (widget);
  while (widget != root && gtk_widget_get_next_sibling (widget) == NULL)
    widget = gtk_widget_get_parent (widget);
  return widget == root ? NULL : gtk_widget_get_next_sibling (widget);
}

/* The button an entry row shows to apply its text, which GTK names after
 * its icon ("GtkImage"): "Apply Title". */
static inline void
sw_accessible_label_apply_button (AdwEntryRow *row,
                                  const char  *label)
{
  GtkWidget *root = GTK_WIDGET (row);

  g_return_if_fail (ADW_IS_ENTRY_ROW (row));

  for (GtkWidget *widget = root; widget != NULL; widget = sw_accessible_next (root, widget))
    if (GTK_IS_BUTTON (widget)
        && g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (widget)), "adw-entry-apply-symbolic") == 0)
      {
        gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
        return;
      }
}

/* An expander row with an enable switch: the row is named @label, the
 * switch (which GTK names "GtkSwitch") @switch_label. */
static inline void
sw_accessible_label_expander_row (AdwExpanderRow *row,
                                  const char     *label,
                                  const char     *switch_label)
{
  GtkWidget *root = GTK_WIDGET (row);

  g_return_if_fail (ADW_IS_EXPANDER_ROW (row));

  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  for (GtkWidget *widget = root; widget != NULL; widget = sw_accessible_next (root, widget))
    if (GTK_IS_SWITCH (widget))
      {
        gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, switch_label, -1);
        return;
      }
}

/* The button of a password row (AdwPasswordEntryRow) that shows or hides
 * the password: libadwaita gives it only an icon. */
static inline void
sw_accessible_label_password_row (AdwEntryRow *row,
                                  const char  *peek_label)
{
  GtkWidget *root = GTK_WIDGET (row);

  g_return_if_fail (ADW_IS_PASSWORD_ENTRY_ROW (row));

  /* The row's other button applies the text (hidden here); the peek
   * button shows an eye. */
  for (GtkWidget *widget = root; widget != NULL; widget = sw_accessible_next (root, widget))
    if (GTK_IS_BUTTON (widget) && g_str_has_prefix (gtk_button_get_icon_name (GTK_BUTTON (widget)) ?: "", "view-"))
      {
        gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, peek_label, -1);
        return;
      }
  g_warning ("No button to show the password in %s", G_OBJECT_TYPE_NAME (row));
}

G_END_DECLS
