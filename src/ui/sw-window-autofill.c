/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sw-autofill-dialog.h"
#include "sw-window.h"
#include "sw-window-autofill.h"

static void
autofill_applied (SwAutofillDialog *dialog,
                  guint             n_filled,
                  SwWindow         *window)
{
  g_autofree char *text = NULL;
  AdwToast *toast;

  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Auto-fill filled %u seat",
                                       "Auto-fill filled %u seats", n_filled),
                          n_filled);
  toast = adw_toast_new (text);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  sw_window_add_toast (window, toast);
}

static void
present_dialog (SwWindow       *window,
                SwOrganisation *org,
                SwPlan         *plan,
                int             day,
                SwSlot         *slot)
{
  SwAutofillDialog *dialog;

  dialog = sw_autofill_dialog_new (GTK_WINDOW (window), org, plan, day, slot);
  g_signal_connect_object (dialog, "applied", G_CALLBACK (autofill_applied), window, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
autofill_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  SwWindow *window = SW_WINDOW (widget);
  SwOrganisation *org = sw_window_get_organisation (window);
  SwPlan *plan = sw_window_get_plan (window);

  if (org == NULL || plan == NULL)
    return;

  present_dialog (window, org, plan, SW_AUTOFILL_ALL_DAYS, NULL);
}

/* win.autofill-slot("uid"): only the empty duties of that slot. */
static void
autofill_slot_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SwWindow *window = SW_WINDOW (widget);
  SwOrganisation *org = sw_window_get_organisation (window);
  SwPlan *plan = sw_window_get_plan (window);
  SwSlot *slot;

  if (org == NULL || plan == NULL)
    return;

  slot = sw_plan_find_slot_by_uid (plan, g_variant_get_string (parameter, NULL));
  if (slot != NULL)
    present_dialog (window, org, plan, SW_AUTOFILL_ALL_DAYS, slot);
}

/* win.autofill-day(day): the empty duties of every slot on that day. */
static void
autofill_day_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SwWindow *window = SW_WINDOW (widget);
  SwOrganisation *org = sw_window_get_organisation (window);
  SwPlan *plan = sw_window_get_plan (window);

  if (org == NULL || plan == NULL)
    return;

  present_dialog (window, org, plan, g_variant_get_int32 (parameter), NULL);
}

void
sw_window_autofill_class_init (GtkWidgetClass *window_class)
{
  gtk_widget_class_install_action (window_class, "win.autofill", NULL, autofill_action);
  gtk_widget_class_install_action (window_class, "win.autofill-slot", "s", autofill_slot_action);
  gtk_widget_class_install_action (window_class, "win.autofill-day", "i", autofill_day_action);
}
