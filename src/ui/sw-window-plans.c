/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sw-new-plan-dialog.h"
#include "sw-plan-properties.h"
#include "sw-print-operation.h"
#include "sw-window-plans.h"

static void
plan_created (SwNewPlanDialog *dialog,
              SwPlan          *plan,
              SwWindow        *window)
{
  g_autofree char *text = g_strdup_printf (_("Plan “%s” created"), sw_plan_get_title (plan));

  sw_window_set_plan (window, plan);
  /* The plan came in as one undo step. */
  sw_window_add_undo_toast (window, text);
}

static void
new_plan_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  SwWindow *window = SW_WINDOW (widget);
  SwOrganisation *org = sw_window_get_organisation (window);

  if (org == NULL)
    return;

  sw_window_present_dialog (window, sw_new_plan_dialog_new (GTK_WINDOW (window), org),
                            "created", G_CALLBACK (plan_created));
}

static void
plan_properties_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  SwWindow *window = SW_WINDOW (widget);
  SwOrganisation *org = sw_window_get_organisation (window);
  SwPlan *plan = sw_window_get_plan (window);

  if (org == NULL || plan == NULL)
    return;

  gtk_window_present (GTK_WINDOW (sw_plan_properties_new (GTK_WINDOW (window), org, plan)));
}

static void
delete_plan_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SwWindow *window = SW_WINDOW (widget);
  SwOrganisation *org = sw_window_get_organisation (window);
  SwPlan *plan = sw_window_get_plan (window);
  g_autoptr(GError) error = NULL;

  if (org == NULL || plan == NULL)
    return;

  /* No question first: the toast offers Undo, and undo brings it all back. */
  if (!sw_edit_delete_plan (org, plan, &error))
    sw_window_show_error (window, _("Could Not Delete the Plan"), error);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  SwWindow *window = SW_WINDOW (widget);
  SwPlan *plan = sw_window_get_plan (window);
  const char *target = g_variant_get_string (parameter, NULL);
  SwSheetKind kind = SW_SHEET_KIND_ROLES;

  if (plan == NULL)
    return;

  if (g_str_equal (target, "week"))
    kind = SW_SHEET_KIND_WEEK;
  else if (g_str_equal (target, "slips"))
    kind = SW_SHEET_KIND_SLIPS;
  else if (g_str_equal (target, "subscriptions"))
    kind = SW_SHEET_KIND_SUBSCRIPTIONS;

  sw_print_operation_run (GTK_WINDOW (window), sw_window_get_store (window), plan, kind);
}

/* win.print-signin("uid"): the sign-in sheet of that slot. */
static void
print_signin_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SwWindow *window = SW_WINDOW (widget);
  SwPlan *plan = sw_window_get_plan (window);

  if (plan == NULL)
    return;

  /* A slot deleted meanwhile is NULL here: the operation says so. */
  sw_print_operation_run_for_slot (GTK_WINDOW (window), sw_window_get_store (window), plan, SW_SHEET_KIND_SIGNIN,
                                   sw_plan_find_slot_by_uid (plan, g_variant_get_string (parameter, NULL)));
}

void
sw_window_plans_class_init (GtkWidgetClass *window_class)
{
  gtk_widget_class_install_action (window_class, "win.new-plan", NULL, new_plan_action);
  gtk_widget_class_install_action (window_class, "win.plan-properties", NULL, plan_properties_action);
  gtk_widget_class_install_action (window_class, "win.delete-plan", NULL, delete_plan_action);
  gtk_widget_class_install_action (window_class, "win.print", "s", print_action);
  gtk_widget_class_install_action (window_class, "win.print-signin", "s", print_signin_action);
}
