/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sw-busy-dialog.h"
#include "sw-changes-dialog.h"
#include "sw-export-dialog.h"
#include "sw-publish-dialog.h"
#include "sw-window.h"
#include "sw-window-calendars.h"

static void
calendars_exported (SwExportDialog *dialog,
                    guint           n_files,
                    const char     *path,
                    SwWindow       *window)
{
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *text = NULL;

  if (sw_export_dialog_get_scope (dialog) == SW_ICS_SCOPE_PLAN)
    text = g_strdup_printf (_("Calendar saved as “%s”"), name);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u calendar file saved in “%s”",
                                         "%u calendar files saved in “%s”", n_files),
                            n_files, name);
  sw_window_add_toast (window, adw_toast_new (text));
  sw_window_calendars_sent (window);
}

static void
export_calendars_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  SwWindow *window = SW_WINDOW (widget);
  SwOrganisation *org = sw_window_get_organisation (window);
  SwPlan *plan = sw_window_get_plan (window);

  if (org == NULL || plan == NULL)
    return;

  sw_window_present_dialog (window, sw_export_dialog_new (GTK_WINDOW (window), org, plan, sw_window_get_store (window)),
                            "exported", G_CALLBACK (calendars_exported));
}

static void
calendars_published (SwPublishDialog *dialog,
                     guint            n_calendars,
                     guint            n_conflicts,
                     SwWindow        *window)
{
  g_autofree char *text = NULL;

  if (n_conflicts > 0)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Calendars published; %u event was changed on the server",
                                         "Calendars published; %u events were changed on the server",
                                         n_conflicts),
                            n_conflicts);
  else
    text = g_strdup (_("Calendars published"));
  sw_window_add_toast (window, adw_toast_new (text));
  sw_window_calendars_sent (window);
}

static void
changes_sent (SwChangesDialog *dialog,
              SwWindow        *window)
{
  sw_window_calendars_sent (window);
}

/* win.show-changes: the Changes to Send dialog. */
static void
show_changes_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SwWindow *window = SW_WINDOW (widget);
  SwPlan *plan = sw_window_get_plan (window);
  SwStore *store = sw_window_get_store (window);

  if (plan == NULL || store == NULL)
    return;
  sw_window_present_dialog (window, sw_changes_dialog_new (GTK_WINDOW (window), plan, store), "sent",
                            G_CALLBACK (changes_sent));
}

/* win.publish-calendars: the Publish Calendars dialog for the shown plan. */
static void
publish_calendars_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  SwWindow *window = SW_WINDOW (widget);
  SwPlan *plan = sw_window_get_plan (window);
  SwStore *store = sw_window_get_store (window);

  if (plan == NULL || store == NULL)
    return;

  sw_window_present_dialog (window, sw_publish_dialog_new (GTK_WINDOW (window), plan, store),
                            "published", G_CALLBACK (calendars_published));
}

static void
busy_imported (SwBusyDialog *dialog,
               SwPerson     *person,
               guint         n_added,
               SwWindow     *window)
{
  g_autofree char *text = NULL;

  if (n_added == 0)
    {
      text = g_strdup_printf (_("%s already has every busy time of the file"), sw_person_get_name (person));
      sw_window_add_toast (window, adw_toast_new (text));
      return;
    }

  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Added %u busy time for %s",
                                       "Added %u busy times for %s", n_added),
                          n_added, sw_person_get_name (person));
  sw_window_add_undo_toast (window, text);
}

void
sw_window_import_busy (SwWindow   *window,
                       const char *display_name,
                       GBytes     *bytes)
{
  SwOrganisation *org = sw_window_get_organisation (window);
  SwPlan *plan = sw_window_get_plan (window);
  SwBusyDialog *dialog;

  g_return_if_fail (SW_IS_WINDOW (window));

  if (org == NULL || plan == NULL)
    return;

  dialog = sw_busy_dialog_new (GTK_WINDOW (window), org, plan);
  /* A file the dialog cannot use is explained in the dialog itself. */
  if (bytes != NULL)
    sw_busy_dialog_load_bytes (dialog, display_name, bytes, NULL);
  sw_window_present_dialog (window, dialog, "imported", G_CALLBACK (busy_imported));
}

static void
import_busy_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  sw_window_import_busy (SW_WINDOW (widget), NULL, NULL);
}

void
sw_window_calendars_class_init (GtkWidgetClass *window_class)
{
  gtk_widget_class_install_action (window_class, "win.export-calendars", NULL, export_calendars_action);
  gtk_widget_class_install_action (window_class, "win.publish-calendars", NULL, publish_calendars_action);
  gtk_widget_class_install_action (window_class, "win.show-changes", NULL, show_changes_action);
  gtk_widget_class_install_action (window_class, "win.import-busy", NULL, import_busy_action);
  gtk_widget_class_add_binding_action (window_class, GDK_KEY_e, GDK_CONTROL_MASK,
                                       "win.export-calendars", NULL);
}
