/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The New Plan dialog on a real display (build-aux/test gives one):
 * typing starts in the title and Enter creates the plan. */
#include "config.h"

#include <adwaita.h>

#include "sw-core.h"
#include "sw-new-plan-dialog.h"
#include "sw-test-widgets.h"

static gboolean have_display;

static void
plan_created (SwNewPlanDialog *dialog,
              SwPlan          *plan,
              SwPlan         **out)
{
  g_set_object (out, plan);
}

static void
test_enter_creates (void)
{
  g_autoptr(SwOrganisation) org = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(SwPlan) created = NULL;
  g_autoptr(GtkWidget) dialog = NULL;
  GtkWidget *focus, *title_row;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  org = sw_organisation_new ();
  dialog = g_object_ref_sink (GTK_WIDGET (sw_new_plan_dialog_new (NULL, org)));
  g_signal_connect (dialog, "created", G_CALLBACK (plan_created), &created);
  gtk_window_present (GTK_WINDOW (dialog));
  sw_test_iterate_for (200);

  /* The focus is in the title, not on Cancel. */
  rows = sw_test_find_type (dialog, ADW_TYPE_ENTRY_ROW);
  g_assert_cmpuint (rows->len, >=, 1);
  title_row = rows->pdata[0];
  focus = gtk_window_get_focus (GTK_WINDOW (dialog));
  g_assert_nonnull (focus);
  g_assert_true (focus == title_row || gtk_widget_is_ancestor (focus, title_row));
  g_assert_true (GTK_IS_TEXT (focus));

  /* The Create button is the default. */
  {
    GtkWidget *button = gtk_window_get_default_widget (GTK_WINDOW (dialog));

    g_assert_true (GTK_IS_BUTTON (button));
    g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "new-plan.create");
  }

  /* Enter with no title creates nothing. */
  g_signal_emit_by_name (focus, "activate");
  sw_test_iterate_for (50);
  g_assert_null (created);
  g_assert_cmpuint (g_list_model_get_n_items (sw_organisation_get_plans (org)), ==, 0);

  /* A title typed, then Enter: the plan. */
  gtk_editable_set_text (GTK_EDITABLE (title_row), "“诚信工程”优质服务宣传周");
  g_signal_emit_by_name (focus, "activate");
  sw_test_iterate_for (50);
  g_assert_nonnull (created);
  g_assert_cmpstr (sw_plan_get_title (created), ==, "“诚信工程”优质服务宣传周");
  g_assert_cmpuint (g_list_model_get_n_items (sw_organisation_get_plans (org)), ==, 1);

  /* One undo step takes it back. */
  {
    g_autoptr(GError) error = NULL;

    g_assert_true (sw_undo_stack_undo (sw_organisation_get_undo_stack (org), &error));
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (sw_organisation_get_plans (org)), ==, 0);
  }
  sw_undo_stack_clear (sw_organisation_get_undo_stack (org));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_setenv ("GDK_DEBUG", "gl-disable", FALSE);
  have_display = gtk_init_check ();
  if (have_display)
    adw_init ();

  g_test_add_func ("/new-plan-dialog/enter-creates", test_enter_creates);

  return g_test_run ();
}
