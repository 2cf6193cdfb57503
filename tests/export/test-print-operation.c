/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gstdio.h>
#include <adwaita.h>
#include <gtk/gtk.h>

#include "sw-plan-file.h"
#include "sw-print-operation.h"

/* The window's Print… goes through GtkPrintOperation; exported to PDF it
 * gives the pages the PDF writer gives (same pagination, same paper). */

static SwPlan *plan;

static guint
pdf_pages (const char *path,
           double     *width,
           double     *height)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  int status = 0;
  guint pages = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      if (g_str_has_prefix (lines[i], "Pages:"))
        pages = (guint) g_ascii_strtoull (lines[i] + 6, NULL, 10);
      else if (g_str_has_prefix (lines[i], "Page size:"))
        {
          char *end = NULL;

          *width = g_ascii_strtod (lines[i] + 10, &end);
          *height = g_ascii_strtod (strstr (end, " x ") + 3, NULL);
        }
    }

  return pages;
}

/* The sample's mobilisation meeting, for the sign-in sheet. */
static SwSlot *
meeting_slot (void)
{
  GListModel *slots = sw_plan_get_slots (plan);

  for (guint i = 0; i < g_list_model_get_n_items (slots); i++)
    {
      g_autoptr(SwSlot) slot = g_list_model_get_item (slots, i);

      if (sw_slot_get_kind (slot) == SW_SLOT_KIND_MOBILISATION)
        return slot;
    }
  g_assert_not_reached ();
}

static void
test_export (gconstpointer data)
{
  SwSheetKind kind = GPOINTER_TO_INT (data);
  SwSlot *slot = sw_sheet_kind_needs_slot (kind) ? meeting_slot () : NULL;
  g_autoptr(SwPrintOperation) op = slot != NULL ? sw_print_operation_new_for_slot (plan, slot)
                                                : sw_print_operation_new (plan, kind);
  g_autoptr(SwSheet) sheet = sw_sheet_new (plan, kind);
  g_autofree char *name = g_strdup_printf ("print-operation-%s.pdf", sw_sheet_kind_to_nick (kind));
  g_autofree char *path = g_build_filename (SW_RENDER_DIR, name, NULL);
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;
  double width = 0, height = 0;
  guint expected;

  g_assert_true (sw_print_operation_get_plan (op) == plan);
  g_assert_cmpint (sw_print_operation_get_kind (op), ==, kind);
  g_assert_true (sw_print_operation_get_slot (op) == slot);
  g_assert_null (sw_print_operation_get_sheet (op));
  sw_sheet_set_slot (sheet, slot);

  g_mkdir_with_parents (SW_RENDER_DIR, 0755);
  g_unlink (path);
  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (op), path);
  /* No progress window: nobody is there to see it. */
  gtk_print_operation_set_show_progress (GTK_PRINT_OPERATION (op), FALSE);
  result = gtk_print_operation_run (GTK_PRINT_OPERATION (op), GTK_PRINT_OPERATION_ACTION_EXPORT,
                                    NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_null (sw_print_operation_get_sheet (op));  /* released at end-print */

  expected = sw_sheet_paginate (sheet, NULL);
  g_assert_cmpuint (pdf_pages (path, &width, &height), ==, expected);
  g_assert_cmpfloat_with_epsilon (width, sw_sheet_get_page_width (sheet), 0.5);
  g_assert_cmpfloat_with_epsilon (height, sw_sheet_get_page_height (sheet), 0.5);
  if (slot != NULL)
    {
      const char *argv[] = { "pdftotext", path, "-", NULL };
      g_autofree char *text = NULL;

      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                                   &text, NULL, NULL, &error));
      g_assert_no_error (error);
      g_assert_nonnull (strstr (text, "Signature"));
      g_assert_nonnull (strstr (text, sw_slot_get_location (slot)));
    }
}

/* The sign-in sheet without a slot opens no print dialog: a message says
 * why. */
static void
test_signin_without_slot (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint before = g_list_model_get_n_items (toplevels);
  g_autoptr(GtkWindow) dialog = NULL;

  sw_print_operation_run_for_slot (NULL, NULL, plan, SW_SHEET_KIND_SIGNIN, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (toplevels), ==, before + 1);
  dialog = g_list_model_get_item (toplevels, before);
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "one slot"));
  gtk_window_destroy (dialog);
}

/* The subscriptions sheet of a plan not published says so, and no print
 * dialog opens. */
static void
test_subscriptions_not_published (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint before = g_list_model_get_n_items (toplevels);
  g_autoptr(GtkWindow) dialog = NULL;

  sw_print_operation_run (NULL, NULL, plan, SW_SHEET_KIND_SUBSCRIPTIONS);
  g_assert_cmpuint (g_list_model_get_n_items (toplevels), ==, before + 1);
  dialog = g_list_model_get_item (toplevels, before);
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "not published"));
  gtk_window_destroy (dialog);
}

/* The change slips with nobody to tell say so, and no print dialog
 * opens (without a store nobody ever received a calendar). */
static void
test_changes_nobody (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint before = g_list_model_get_n_items (toplevels);
  g_autoptr(GtkWindow) dialog = NULL;

  sw_print_operation_run (NULL, NULL, plan, SW_SHEET_KIND_CHANGES);
  g_assert_cmpuint (g_list_model_get_n_items (toplevels), ==, before + 1);
  dialog = g_list_model_get_item (toplevels, before);
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "Nobody has changes"));
  gtk_window_destroy (dialog);
}

static void
no_display (void)
{
  g_test_skip ("no display: run under Xvfb, as build-aux/test does");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SwOrganisation) org = NULL;
  g_autoptr(GError) error = NULL;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  /* Printing needs no OpenGL, and the GL drivers keep memory for good. */
  g_setenv ("GDK_DEBUG", "gl-disable", TRUE);

  if (!gtk_init_check ())
    {
      /* build-aux/test gives every test a display; alone, without one, say so. */
      g_test_add_func ("/print-operation/no-display", no_display);
      return g_test_run ();
    }

  /* The message dialogs are libadwaita's. */
  adw_init ();
  org = sw_organisation_new ();
  plan = sw_plan_file_new_from_template (org, "service-week", NULL, G_MININT, G_MININT, NULL, &error);
  g_assert_no_error (error);

  g_test_add_data_func ("/print-operation/roles", GINT_TO_POINTER (SW_SHEET_KIND_ROLES), test_export);
  g_test_add_data_func ("/print-operation/week", GINT_TO_POINTER (SW_SHEET_KIND_WEEK), test_export);
  g_test_add_data_func ("/print-operation/slips", GINT_TO_POINTER (SW_SHEET_KIND_SLIPS), test_export);
  g_test_add_data_func ("/print-operation/signin", GINT_TO_POINTER (SW_SHEET_KIND_SIGNIN), test_export);
  g_test_add_func ("/print-operation/signin-without-slot", test_signin_without_slot);
  g_test_add_func ("/print-operation/subscriptions-not-published", test_subscriptions_not_published);
  g_test_add_func ("/print-operation/changes-nobody", test_changes_nobody);

  return g_test_run ();
}
