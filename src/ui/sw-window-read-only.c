/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sw-window-read-only.h"

#define BANNER_KEY "sw-read-only-banner"

gboolean
sw_window_read_only_allows_action (const char *action_name)
{
  /* Actions that only look at, print or copy out the plan.  Anything not
   * named here may write (including the calendar export, which records
   * what it sent), so a new action is disabled until listed. */
  static const char *const reading[] = {
    "export-roster", "export-workbook", "export-plan", "print", "show-", "search",
    "find", "view", "go-", "previous", "next", "today", "select-plan",
    "switch-plan", "open-plan", "shortcuts", "close", "about", "toggle-",
    "zoom", "copy", "help",
  };
  const char *name;

  g_return_val_if_fail (action_name != NULL, FALSE);

  name = g_str_has_prefix (action_name, "win.") ? action_name + 4 : action_name;
  for (guint i = 0; i < G_N_ELEMENTS (reading); i++)
    if (g_str_has_prefix (name, reading[i]))
      return TRUE;

  return FALSE;
}

void
sw_window_read_only_disable_editing (SwWindow *self)
{
  GtkWidgetClass *widget_class;
  GType owner;
  const char *name;
  const GVariantType *parameter_type;
  const char *property_name;
  guint i;

  g_return_if_fail (SW_IS_WINDOW (self));

  /* GTK 4.8 writes every out argument: none may be NULL. */
  widget_class = GTK_WIDGET_GET_CLASS (self);
  for (i = 0;
       gtk_widget_class_query_action (widget_class, i, &owner, &name,
                                      &parameter_type, &property_name);
       i++)
    {
      if (!g_str_has_prefix (name, "win."))
        continue;
      if (!sw_window_read_only_allows_action (name))
        gtk_widget_action_set_enabled (GTK_WIDGET (self), name, FALSE);
    }
}

void
sw_window_read_only_show_banner (SwWindow   *self,
                                 const char *path)
{
  GtkWidget *content, *inner, *box, *label;
  g_autofree char *text = NULL;
  g_autofree char *display = NULL;

  g_return_if_fail (SW_IS_WINDOW (self));

  if (g_object_get_data (G_OBJECT (self), BANNER_KEY) != NULL)
    return;

  display = g_filename_display_name (path != NULL ? path : "");
  text = g_strdup_printf (_("Read-only: “%s” cannot be written, so the plan can be "
                            "viewed, printed and exported but not changed."),
                          display);

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_add_css_class (box, "read-only-banner");
  gtk_widget_set_name (box, "read-only-banner");
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("changes-prevent-symbolic"));
  label = gtk_label_new (text);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  -1);

  /* Below the header bar when the content is the usual vertical box,
   * else above whatever the content is. */
  content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (self));
  inner = ADW_IS_TOAST_OVERLAY (content) ? adw_toast_overlay_get_child (ADW_TOAST_OVERLAY (content)) : content;
  if (GTK_IS_BOX (inner) &&
      gtk_orientable_get_orientation (GTK_ORIENTABLE (inner)) == GTK_ORIENTATION_VERTICAL &&
      gtk_widget_get_first_child (inner) != NULL)
    gtk_box_insert_child_after (GTK_BOX (inner), box, gtk_widget_get_first_child (inner));
  else
    {
      GtkWidget *wrapper = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      g_autoptr(GtkWidget) old = inner != NULL ? g_object_ref (inner) : NULL;

      gtk_box_append (GTK_BOX (wrapper), box);
      if (ADW_IS_TOAST_OVERLAY (content))
        {
          adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (content), wrapper);
        }
      else
        {
          adw_application_window_set_content (ADW_APPLICATION_WINDOW (self), wrapper);
        }
      if (old != NULL)
        {
          gtk_widget_set_vexpand (old, TRUE);
          gtk_box_append (GTK_BOX (wrapper), old);
        }
    }

  g_object_set_data (G_OBJECT (self), BANNER_KEY, box);
}
