/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Auto-fill dialog on a real display (build-aux/test gives one). */
#include "config.h"

#include <adwaita.h>

#include "sw-autofill-dialog.h"
#include "sw-core.h"

static gboolean have_display;

typedef SwOrganisation TestOrg;

static void
test_org_free (TestOrg *org)
{
  sw_undo_stack_clear (sw_organisation_get_undo_stack (org));
  g_object_unref (org);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestOrg, test_org_free)


static void
iterate (void)
{
  for (guint i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);
}

/* Keeps a picture of the dialog next to the test for review. */
static void
save_picture (GtkWidget  *widget,
              const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = g_build_filename (SW_RENDER_DIR, name, NULL);
  GskRenderer *renderer;
  gint64 until = g_get_monotonic_time () + G_USEC_PER_SEC / 2;
  int width, height;

  /* Let a few frames lay out and draw the dialog. */
  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
  renderer = gtk_native_get_renderer (GTK_NATIVE (widget));
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);

  if (renderer == NULL || width <= 0 || height <= 0)
    return;
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return;
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

static void
on_applied (SwAutofillDialog *dialog,
            guint             n_filled,
            guint            *out)
{
  *out = n_filled;
}

typedef struct
{
  SwOrganisation *org;
  SwPlan         *plan;
  SwSlot         *desk;
  SwDuty         *accept;
  SwPerson       *people[3];
} Fixture;

/* A desk needing two of the station's three people, and one person of a
 * department nobody works in. */
static void
fixture_init (Fixture *f)
{
  g_autoptr(SwDepartment) station = sw_department_new ("直属供电所");
  g_autoptr(SwDepartment) guard = sw_department_new ("保卫科");
  g_autoptr(SwPlan) plan = NULL;
  g_autoptr(SwSlot) desk = NULL;
  g_autoptr(SwDuty) accept = sw_duty_new ("受理报装/咨询", 2, station);
  g_autoptr(SwDuty) watch = sw_duty_new ("安全保卫", 1, guard);
  g_autoptr(GError) error = NULL;
  gint64 start = sw_time_from_day (20719) + 9 * 60;
  const char *names[] = { "王伟", "李娜", "张敏" };

  f->org = sw_organisation_new ();
  plan = sw_plan_new ("服务周", 20716, 20722, "Asia/Shanghai");
  desk = sw_slot_new (SW_SLOT_KIND_SERVICE_DESK, "服务台", start, start + 120);
  g_assert_true (sw_edit_add (f->org, f->org, "departments", station, &error));
  g_assert_true (sw_edit_add (f->org, f->org, "departments", guard, &error));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(SwPerson) person = sw_person_new (names[i], station);

      g_assert_true (sw_edit_add (f->org, f->org, "people", person, &error));
      f->people[i] = person;
    }
  g_assert_true (sw_edit_add (f->org, f->org, "plans", plan, &error));
  g_assert_true (sw_edit_add (f->org, plan, "slots", desk, &error));
  g_assert_true (sw_edit_add (f->org, desk, "duties", accept, &error));
  g_assert_true (sw_edit_add (f->org, desk, "duties", watch, &error));
  g_assert_no_error (error);
  sw_undo_stack_clear (sw_organisation_get_undo_stack (f->org));

  f->plan = plan;
  f->desk = desk;
  f->accept = accept;
}

static void
test_dialog (void)
{
  Fixture f;
  g_autoptr(TestOrg) org = NULL;
  g_autoptr(SwAutofillDialog) dialog = NULL;
  g_autoptr(GError) error = NULL;
  SwUndoStack *stack;
  SwAutofill *first;
  guint applied = G_MAXUINT;

  if (!have_display)
    {
      g_test_skip ("no display (build-aux/test runs this under Xvfb)");
      return;
    }

  fixture_init (&f);
  org = f.org;
  stack = sw_organisation_get_undo_stack (org);

  dialog = g_object_ref_sink (sw_autofill_dialog_new (NULL, org, f.plan, SW_AUTOFILL_ALL_DAYS, NULL));
  g_signal_connect (dialog, "applied", G_CALLBACK (on_applied), &applied);
  gtk_window_present (GTK_WINDOW (dialog));
  iterate ();

  g_assert_cmpstr (sw_autofill_dialog_get_summary (dialog), ==, "Fills 2 of 3 empty seats");
  first = sw_autofill_dialog_get_autofill (dialog);
  g_assert_cmpuint (sw_autofill_get_n_fills (first), ==, 2);

  /* A change by hand while the dialog is open: the proposal is made again. */
  g_assert_true (sw_edit_assign (org, f.desk, f.people[0], f.accept, &error));
  g_assert_no_error (error);
  iterate ();
  g_assert_true (sw_autofill_dialog_get_autofill (dialog) != first);
  g_assert_cmpstr (sw_autofill_dialog_get_summary (dialog), ==, "Fills 1 of 2 empty seats");
  g_assert_false (sw_undo_stack_get_can_redo (stack));
  save_picture (GTK_WIDGET (dialog), "autofill-dialog.png");

  /* Apply: one undo step, the signal, and the dialog closes. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "autofill.apply", NULL));
  g_assert_cmpuint (applied, ==, 1);
  g_assert_cmpstr (sw_undo_stack_get_undo_label (stack), ==, "Auto-fill");
  g_assert_cmpuint (sw_slot_count_duty (f.desk, f.accept), ==, 2);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));

  g_assert_true (sw_undo_stack_undo (stack, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sw_slot_count_duty (f.desk, f.accept), ==, 1);

  gtk_window_destroy (GTK_WINDOW (dialog));
  iterate ();
}

static void
test_nothing_to_fill (void)
{
  Fixture f;
  g_autoptr(TestOrg) org = NULL;
  g_autoptr(SwAutofillDialog) dialog = NULL;
  g_autoptr(SwDuty) watch = NULL;
  g_autoptr(GError) error = NULL;
  guint applied = G_MAXUINT;

  if (!have_display)
    {
      g_test_skip ("no display (build-aux/test runs this under Xvfb)");
      return;
    }

  fixture_init (&f);
  org = f.org;
  watch = g_list_model_get_item (sw_slot_get_duties (f.desk), 1);
  g_assert_true (sw_edit_delete_duty (org, f.desk, watch, &error));
  g_assert_true (sw_edit_assign (org, f.desk, f.people[0], f.accept, &error));
  g_assert_true (sw_edit_assign (org, f.desk, f.people[1], f.accept, &error));
  g_assert_no_error (error);

  dialog = g_object_ref_sink (sw_autofill_dialog_new (NULL, org, f.plan, SW_AUTOFILL_ALL_DAYS, NULL));
  g_signal_connect (dialog, "applied", G_CALLBACK (on_applied), &applied);
  gtk_window_present (GTK_WINDOW (dialog));
  iterate ();

  g_assert_cmpstr (sw_autofill_dialog_get_summary (dialog), ==, "No empty seats");
  /* Apply is off: activating it does nothing. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "autofill.apply", NULL);
  g_assert_cmpuint (applied, ==, G_MAXUINT);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));

  gtk_window_destroy (GTK_WINDOW (dialog));
  iterate ();
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  /* Mesa's GL driver keeps an allocation past exit that LeakSanitizer
   * reports; the dialog needs no GL. */
  g_setenv ("GDK_DEBUG", "gl-disable", FALSE);
  have_display = gtk_init_check ();
  if (have_display)
    adw_init ();

  g_test_add_func ("/autofill-dialog/apply", test_dialog);
  g_test_add_func ("/autofill-dialog/nothing-to-fill", test_nothing_to_fill);

  return g_test_run ();
}
