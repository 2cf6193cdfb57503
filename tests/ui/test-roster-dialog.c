/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Import Roster dialog on a real display (build-aux/test gives one). */
#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "sw-core.h"
#include "sw-roster-dialog.h"

typedef SwOrganisation TestOrg;

static void
test_org_free (TestOrg *org)
{
  sw_undo_stack_clear (sw_organisation_get_undo_stack (org));
  g_object_unref (org);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestOrg, test_org_free)

static const char roster[] =
  "姓名,部门,电话,生日\n"
  "王一,党群办,13900000000,1980\n"      /* updates the phone */
  "新同事,新科室,13800000001,1990\n"    /* new, in a new department */
  ",新科室,13800000002,\n"              /* no name */
  "李四,新科室,13x,\n";                 /* phone with letters */

static SwOrganisation *
small_org (void)
{
  SwOrganisation *org = sw_organisation_new ();
  g_autoptr(SwDepartment) office = sw_department_new ("党群办");
  g_autoptr(SwPerson) person = sw_person_new ("王一", office);
  g_autoptr(GError) error = NULL;

  sw_person_set_phone (person, "0571-1");
  g_assert_true (sw_edit_add (org, org, "departments", office, &error));
  g_assert_true (sw_edit_add (org, org, "people", person, &error));
  g_assert_no_error (error);
  sw_undo_stack_clear (sw_organisation_get_undo_stack (org));

  return org;
}

static void
iterate (void)
{
  for (guint i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);
}

/* Keeps a picture of the dialog next to the test for review. */
static void
save_render (GtkWidget  *widget,
             const char *path)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (widget));
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

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
on_imported (SwRosterDialog *dialog,
             guint           n_changed,
             guint          *out)
{
  *out = n_changed;
}

static gboolean have_display;

static void
test_dialog (void)
{
  g_autoptr(TestOrg) org = small_org ();
  g_autoptr(SwRosterDialog) dialog = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new_static (roster, strlen (roster));
  g_autoptr(GBytes) broken = g_bytes_new_static ("", 0);
  g_autoptr(GError) error = NULL;
  SwUndoStack *stack = sw_organisation_get_undo_stack (org);
  SwRosterImport *import;
  GtkDropDown *drop_down;
  guint imported = G_MAXUINT;

  if (!have_display)
    {
      g_test_skip ("no display (build-aux/test runs this under Xvfb)");
      return;
    }

  dialog = g_object_ref_sink (sw_roster_dialog_new (NULL, org));
  g_signal_connect (dialog, "imported", G_CALLBACK (on_imported), &imported);
  gtk_window_present (GTK_WINDOW (dialog));
  iterate ();

  /* Nothing to import before a file is chosen. */
  g_assert_null (sw_roster_dialog_get_import (dialog));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "roster.import", NULL);
  g_assert_false (sw_undo_stack_get_can_undo (stack));
  g_assert_cmpuint (imported, ==, G_MAXUINT);

  g_assert_true (sw_roster_dialog_load_bytes (dialog, "roster.csv", bytes, &error));
  g_assert_no_error (error);
  import = sw_roster_dialog_get_import (dialog);
  g_assert_nonnull (import);
  g_assert_cmpuint (g_list_model_get_n_items (sw_roster_import_get_rows (import)), ==, 4);
  g_assert_cmpstr (sw_roster_dialog_get_summary (dialog), ==,
                   "4 rows: 1 new, 1 updated, 0 unchanged, 2 bad · new departments: 新科室");

  /* One drop-down per column, showing the recognised field. */
  g_assert_cmpuint (gtk_drop_down_get_selected (sw_roster_dialog_get_column_drop_down (dialog, 0)),
                    ==, SW_ROSTER_FIELD_NAME);
  drop_down = sw_roster_dialog_get_column_drop_down (dialog, 3);
  g_assert_cmpuint (gtk_drop_down_get_selected (drop_down), ==, SW_ROSTER_FIELD_IGNORE);

  /* Mapping the birthday column to the notes by hand. */
  gtk_drop_down_set_selected (drop_down, SW_ROSTER_FIELD_NOTES);
  g_assert_cmpint (sw_roster_import_get_column_field (import, 3), ==, SW_ROSTER_FIELD_NOTES);
  g_assert_cmpint (sw_roster_row_get_status (g_list_model_get_item (sw_roster_import_get_rows (import), 0)),
                   ==, SW_ROSTER_ROW_UPDATED);
  g_object_unref (g_list_model_get_item (sw_roster_import_get_rows (import), 0));

  /* Taking the name column away leaves no usable row: Import is off. */
  gtk_drop_down_set_selected (sw_roster_dialog_get_column_drop_down (dialog, 0), SW_ROSTER_FIELD_IGNORE);
  g_assert_false (sw_roster_import_has_name_column (import));
  g_assert_true (g_str_has_prefix (sw_roster_dialog_get_summary (dialog), "4 rows: 0 new, 0 updated, 0 unchanged, 4 bad"));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "roster.import", NULL);
  g_assert_false (sw_undo_stack_get_can_undo (stack));
  g_assert_cmpuint (imported, ==, G_MAXUINT);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  gtk_drop_down_set_selected (sw_roster_dialog_get_column_drop_down (dialog, 0), SW_ROSTER_FIELD_NAME);

  /* A file that cannot be read keeps the preview. */
  g_assert_false (sw_roster_dialog_load_bytes (dialog, "empty.csv", broken, &error));
  g_assert_error (error, SW_ROSTER_ERROR, SW_ROSTER_ERROR_EMPTY);
  g_clear_error (&error);
  g_assert_true (sw_roster_dialog_get_import (dialog) == import);

  iterate ();
  {
    g_autofree char *path = g_build_filename (SW_RENDER_DIR, "roster-dialog.png", NULL);

    save_render (GTK_WIDGET (dialog), path);
  }

  /* Import: one undo step, the signal, and the dialog closes. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "roster.import", NULL));
  g_assert_cmpuint (imported, ==, 2);
  g_assert_true (sw_undo_stack_get_can_undo (stack));
  g_assert_cmpuint (g_list_model_get_n_items (sw_organisation_get_people (org)), ==, 2);
  g_assert_cmpstr (sw_person_get_notes (sw_organisation_find_person (org, "新同事", NULL, NULL)), ==, "1990");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));

  g_assert_true (sw_undo_stack_undo (stack, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (sw_organisation_get_people (org)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (sw_organisation_get_departments (org)), ==, 1);
  g_assert_cmpstr (sw_person_get_phone (sw_organisation_find_person (org, "王一", NULL, NULL)), ==, "0571-1");

  gtk_window_destroy (GTK_WINDOW (dialog));
  iterate ();
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  /* Software GL under AddressSanitizer's slow unwinder can deadlock in
   * llvmpipe's JIT: draw with cairo, as the window test does. */
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  g_setenv ("GDK_DEBUG", "gl-disable", FALSE);

  have_display = gtk_init_check ();
  if (have_display)
    adw_init ();

  g_test_add_func ("/roster-dialog/import", test_dialog);

  return g_test_run ();
}
