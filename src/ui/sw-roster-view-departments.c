/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Roster view's departments: the sidebar list with its colours, and
 * the actions that add, rename, move and delete a department. */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "sw-accessible.h"
#include "sw-name-dialog.h"
#include "sw-roster-view-private.h"
#include "sw-ui-state.h"

static void
department_color_set (GtkColorButton *button,
                      SwRosterView   *self)
{
  SwDepartment *department = g_object_get_data (G_OBJECT (button), "sw-department");
  g_autoptr(GError) error = NULL;
  g_autofree char *color = NULL;
  GdkRGBA rgba;

  if (department == NULL || self->organisation == NULL)
    return;

  gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (button), &rgba);
  color = g_strdup_printf ("#%02x%02x%02x",
                           (int) (rgba.red * 255 + 0.5),
                           (int) (rgba.green * 255 + 0.5),
                           (int) (rgba.blue * 255 + 0.5));
  if (!sw_undo_stack_set (sw_organisation_get_undo_stack (self->organisation), &error,
                          department, "color", color))
    sw_roster_view_show_message (self, _("Could Not Change the Colour"), error->message);
}

static void
department_setup (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  SwRosterView             *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *color = gtk_color_button_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_color_chooser_set_use_alpha (GTK_COLOR_CHOOSER (color), FALSE);
  gtk_widget_add_css_class (color, "flat");
  gtk_widget_add_css_class (color, "department-color");
  gtk_widget_set_valign (color, GTK_ALIGN_CENTER);
  g_signal_connect_object (color, "color-set", G_CALLBACK (department_color_set), self, 0);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), color);
  gtk_box_append (GTK_BOX (box), label);
  g_object_set_data (G_OBJECT (box), "sw-roster-view", self);
  gtk_list_item_set_child (list_item, box);
}

static void
department_fill (GtkListItem *list_item)
{
  SwDepartment *department = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *color = gtk_widget_get_first_child (box);
  GtkWidget *label = gtk_widget_get_next_sibling (color);
  g_autofree char *color_label = NULL;
  SwRosterView *view;
  GdkRGBA rgba;

  if (department == NULL)
    return;

  if (!gdk_rgba_parse (&rgba, sw_department_get_color (department)))
    gdk_rgba_parse (&rgba, "#9a9996");
  gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (color), &rgba);
  gtk_label_set_label (GTK_LABEL (label), sw_department_get_name (department));

  /* Translators: the colour button of a department, for screen readers */
  color_label = g_strdup_printf (_("Colour of %s"), sw_department_get_name (department));
  gtk_accessible_update_property (GTK_ACCESSIBLE (color),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, color_label,
                                  -1);
  /* The button inside the colour button is what takes the focus. */
  if (gtk_widget_get_first_child (color) != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_first_child (color)),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, color_label,
                                    -1);
  sw_accessible_label_row (box, sw_department_get_name (department));
  gtk_widget_set_tooltip_text (color, color_label);
  view = g_object_get_data (G_OBJECT (box), "sw-roster-view");
  gtk_widget_set_sensitive (color, view->organisation == NULL ||
                                   !sw_organisation_get_read_only (view->organisation));
}

static void
department_notify (SwDepartment *department,
                   GParamSpec   *pspec,
                   GtkListItem  *list_item)
{
  department_fill (list_item);
}

static void
department_bind (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 SwRosterView             *self)
{
  SwDepartment *department = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  gulong handler;

  g_object_set_data (G_OBJECT (gtk_widget_get_first_child (box)), "sw-department", department);
  handler = g_signal_connect (department, "notify", G_CALLBACK (department_notify), list_item);
  g_object_set_data (G_OBJECT (list_item), "sw-handler", GSIZE_TO_POINTER ((gsize) handler));
  department_fill (list_item);
}

static void
department_unbind (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item,
                   SwRosterView             *self)
{
  SwDepartment *department = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  gulong handler = GPOINTER_TO_SIZE (g_object_steal_data (G_OBJECT (list_item), "sw-handler"));

  if (department != NULL && handler != 0)
    g_signal_handler_disconnect (department, handler);
  g_object_set_data (G_OBJECT (gtk_widget_get_first_child (box)), "sw-department", NULL);
}

void
sw_roster_view_setup_departments (SwRosterView *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  self->departments_selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->departments_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->departments_selection, TRUE);
  gtk_single_selection_set_selected (self->departments_selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_object (self->departments_selection, "notify::selected",
                           G_CALLBACK (sw_roster_view_department_changed), self, G_CONNECT_SWAPPED);

  g_signal_connect (factory, "setup", G_CALLBACK (department_setup), self);
  g_signal_connect (factory, "bind", G_CALLBACK (department_bind), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (department_unbind), self);
  gtk_list_view_set_factory (self->departments_view, factory);
  gtk_list_view_set_model (self->departments_view, GTK_SELECTION_MODEL (self->departments_selection));
}

static const char *const palette[] = {
  "#3584e4", "#33d17a", "#f6d32d", "#ff7800", "#e01b24", "#9141ac", "#986a44", "#2190a4",
};

static void
add_department_named (GObject    *owner,
                      const char *name,
                      gpointer    data)
{
  SwRosterView *self = SW_ROSTER_VIEW (owner);
  g_autoptr(SwDepartment) department = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *departments;
  guint n, position;

  if (self->organisation == NULL)
    return;

  if (sw_organisation_find_department (self->organisation, name) != NULL)
    {
      g_autofree char *body = g_strdup_printf (_("There is already a department named “%s”."), name);

      sw_roster_view_show_message (self, _("Could Not Add the Department"), body);
      return;
    }

  departments = sw_organisation_get_departments (self->organisation);
  n = g_list_model_get_n_items (departments);
  department = sw_department_new (name);
  sw_department_set_position (department, sw_ui_state_next_position (departments));
  sw_department_set_color (department, palette[n % G_N_ELEMENTS (palette)]);

  if (!sw_edit_add (self->organisation, self->organisation, "departments", department, &error))
    {
      sw_roster_view_show_message (self, _("Could Not Add the Department"), error->message);
      return;
    }

  /* Select the new department. */
  if (sw_list_model_find (departments, department, &position))
    gtk_single_selection_set_selected (self->departments_selection, position);
}

static void
add_department_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  sw_name_dialog_ask (widget, _("Add Department"), _("_Add"), NULL,
            add_department_named, NULL);
}

static void
rename_department_named (GObject    *owner,
                         const char *name,
                         gpointer    data)
{
  SwRosterView *self = SW_ROSTER_VIEW (owner);
  SwDepartment *department = data;
  SwDepartment *existing;
  g_autoptr(GError) error = NULL;

  existing = sw_organisation_find_department (self->organisation, name);
  if (existing != NULL && existing != department)
    {
      g_autofree char *body = g_strdup_printf (_("There is already a department named “%s”."), name);

      sw_roster_view_show_message (self, _("Could Not Rename the Department"), body);
      return;
    }

  if (!sw_undo_stack_set (sw_organisation_get_undo_stack (self->organisation), &error,
                          department, "name", name))
    sw_roster_view_show_message (self, _("Could Not Rename the Department"), error->message);
}

static void
rename_department_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  SwRosterView *self = SW_ROSTER_VIEW (widget);
  SwDepartment *department = sw_roster_view_selected_department (self);

  if (department != NULL)
    sw_name_dialog_ask (GTK_WIDGET (self), _("Rename Department"), _("_Rename"), sw_department_get_name (department),
              rename_department_named, department);
}

static void
move_department_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  SwRosterView *self = SW_ROSTER_VIEW (widget);
  SwDepartment *department = sw_roster_view_selected_department (self);
  SwDepartment *changed[2] = { NULL, NULL };
  int positions[2] = { 0, 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(SwDepartment) keep = NULL;
  SwUndoStack *stack;
  GListModel *departments;
  gboolean ok;
  guint position;

  if (department == NULL || self->organisation == NULL)
    return;

  departments = sw_organisation_get_departments (self->organisation);
  if (!sw_ui_state_move_department (departments, department, g_variant_get_int32 (parameter),
                                    changed, positions))
    {
      gtk_widget_error_bell (widget);
      return;
    }

  keep = g_object_ref (department);
  stack = sw_organisation_get_undo_stack (self->organisation);
  sw_undo_stack_begin_group (stack, _("Move department"));
  ok = sw_undo_stack_set (stack, &error, changed[0], "position", positions[0]) &&
       sw_undo_stack_set (stack, &error, changed[1], "position", positions[1]);
  if (ok)
    ok = sw_undo_stack_end_group (stack, &error);
  else
    sw_undo_stack_cancel_group (stack);

  if (!ok)
    {
      sw_roster_view_show_message (self, _("Could Not Move the Department"), error->message);
      return;
    }

  /* The list re-sorted itself: keep the moved department selected. */
  if (sw_list_model_find (departments, keep, &position))
    {
      gtk_single_selection_set_selected (self->departments_selection, position);
      gtk_widget_activate_action (GTK_WIDGET (self->departments_view), "list.scroll-to-item", "u", position);
    }
}

static void
delete_department_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  SwRosterView *self = SW_ROSTER_VIEW (widget);
  SwDepartment *department = sw_roster_view_selected_department (self);
  g_autoptr(GError) error = NULL;

  if (department == NULL || self->organisation == NULL)
    return;

  if (!sw_edit_delete_department (self->organisation, department, &error))
    sw_roster_view_show_message (self, _("Could Not Delete the Department"), error->message);
}

void
sw_roster_view_class_init_departments (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "roster.add-department", NULL, add_department_action);
  gtk_widget_class_install_action (widget_class, "roster.rename-department", NULL, rename_department_action);
  gtk_widget_class_install_action (widget_class, "roster.move-department", "i", move_department_action);
  gtk_widget_class_install_action (widget_class, "roster.delete-department", NULL, delete_department_action);
}
