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

  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Auto-fill filled %u seat",
                                       "Auto-fill filled %u seats", n_filled),
                          n_filled);
  sw_window_add_undo_toast (window, text);
}

/* Auto-fill for @day (or every day) of the plan shown, only @slot_uid's
 * slot when not NULL; nothing while no plan is open or when that slot is
 * gone. */
static void
present_dialog (SwWindow   *window,
                int         day,
                const char *slot_uid)
{
  SwOrganisation *org = sw_window_get_organisation (window);
  SwPlan *plan = sw_window_get_plan (window);
  SwSlot *slot = NULL;

  if (org == NULL || plan == NULL)
    return;

  if (slot_uid != NULL)
    {
      slot = sw_plan_find_slot_by_uid (plan, slot_uid);
      if (slot == NULL)
        return;
    }

  sw_window_present_dialog (window, sw_autofill_dialog_new (GTK_WINDOW (window), org, plan, day, slot),
                            "applied", G_CALLBACK (autofill_applied));
}

static void
autofill_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  present_dialog (SW_WINDOW (widget), SW_AUTOFILL_ALL_DAYS, NULL);
}

/* win.autofill-slot("uid"): only the empty duties of that slot. */
static void
autofill_slot_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  present_dialog (SW_WINDOW (widget), SW_AUTOFILL_ALL_DAYS, g_variant_get_string (parameter, NULL));
}

/* win.autofill-day(day): the empty duties of every slot on that day. */
static void
autofill_day_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  present_dialog (SW_WINDOW (widget), g_variant_get_int32 (parameter), NULL);
}

void
sw_window_autofill_class_init (GtkWidgetClass *window_class)
{
  gtk_widget_class_install_action (window_class, "win.autofill", NULL, autofill_action);
  gtk_widget_class_install_action (window_class, "win.autofill-slot", "s", autofill_slot_action);
  gtk_widget_class_install_action (window_class, "win.autofill-day", "i", autofill_day_action);
}
