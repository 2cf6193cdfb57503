/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Export Calendars and Import Busy Times dialogs on a real display
 * (build-aux/test gives one; skipped without). */
#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "sw-busy-dialog.h"
#include "sw-export-dialog.h"
#include "sw-export-job.h"
#include "sw-store.h"

#include "ics-test-util.h"

static gboolean have_display;

static void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

typedef struct
{
  SwOrganisation *org;
  SwPerson       *person;       /* edited while the files are built */
  GCancellable   *cancel;       /* cancelled then */
  GAsyncResult   *result;
  guint           n_progress;
  gboolean        edited;
} JobRun;

static void
job_progress (SwExportJob *job,
              GParamSpec  *pspec,
              JobRun      *run)
{
  double progress = sw_export_job_get_progress (job);
  g_autoptr(GError) error = NULL;

  run->n_progress++;
  if (progress <= 0.0 || progress >= 0.8 || sw_export_job_get_writing (job) || run->edited)
    return;

  /* Some files are built, not all. */
  run->edited = TRUE;
  if (run->person != NULL)
    g_assert_true (sw_undo_stack_set (sw_organisation_get_undo_stack (run->org), &error,
                                      run->person, "phone", "13900000000"));
  if (run->cancel != NULL)
    g_cancellable_cancel (run->cancel);
}

static void
job_done (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  JobRun *run = user_data;

  run->result = g_object_ref (result);
}

static gboolean
run_job (SwExportJob *job,
         const char  *path,
         JobRun      *run,
         guint       *n_files,
         guint       *n_written,
         GError     **error)
{
  gulong handler = g_signal_connect (job, "notify::progress", G_CALLBACK (job_progress), run);
  gboolean ok;

  sw_export_job_run_async (job, path, run->cancel, job_done, run);
  while (run->result == NULL)
    g_main_context_iteration (NULL, TRUE);
  ok = sw_export_job_run_finish (job, run->result, n_files, n_written, error);
  g_clear_object (&run->result);
  g_signal_handler_disconnect (job, handler);
  return ok;
}

/* The export of the window: built a few files at a time, begun again when
 * the plan changes meanwhile, cancelled while building, written in a
 * thread, and what is already there is not written again. */
static void
test_export_job (void)
{
  g_autofree char *dir = g_dir_make_tmp ("sw-ui-job-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "servweek.db", NULL);
  g_autofree char *folder = g_build_filename (dir, "people", NULL);
  g_autoptr(SwStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SwExportJob) job = NULL;
  SwOrganisation *org;
  SwPlan *plan;
  JobRun run = { 0 };
  guint n_files = 0, n_written = 0, n_entries;

  store = sw_store_open (db, SW_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  org = sw_store_get_organisation (store);
  plan = ics_test_add_sample (org);
  run.org = org;

  /* Cancelled while building: nothing written, nothing remembered. */
  run.cancel = g_cancellable_new ();
  job = sw_export_job_new (org, plan, store, SW_ICS_SCOPE_PERSON, FALSE, -1);
  g_assert_false (run_job (job, folder, &run, &n_files, &n_written, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_true (run.edited);
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
  {
    g_autoptr(SwCalendarState) state = sw_store_load_calendar_state (store, plan, &error);

    g_assert_cmpuint (sw_calendar_state_get_n_entries (state), ==, 0);
  }
  g_clear_object (&run.cancel);
  g_clear_object (&job);

  /* A teammate's phone changes after the first files are built: they are
   * built again, and every file has the new number. */
  run.edited = FALSE;
  {
    GListModel *people = sw_organisation_get_people (org);

    for (guint i = 0; i < g_list_model_get_n_items (people) && run.person == NULL; i++)
      {
        g_autoptr(SwPerson) person = g_list_model_get_item (people, i);

        if (g_str_equal (sw_person_get_name (person), "周建国"))
          run.person = g_object_ref (person);
      }
  }
  g_assert_nonnull (run.person);
  job = sw_export_job_new (org, plan, store, SW_ICS_SCOPE_PERSON, FALSE, -1);
  g_assert_true (run_job (job, folder, &run, &n_files, &n_written, &error));
  g_assert_no_error (error);
  g_assert_true (run.edited);
  g_assert_cmpuint (run.n_progress, >=, 3);
  g_assert_cmpuint (n_files, >, 10);
  g_assert_cmpuint (n_written, ==, n_files);
  g_assert_cmpfloat (sw_export_job_get_progress (job), ==, 1.0);
  {
    g_autoptr(GDir) listing = g_dir_open (folder, 0, NULL);
    const char *name;
    guint n_new = 0;

    while ((name = g_dir_read_name (listing)) != NULL)
      {
        g_autofree char *path = g_build_filename (folder, name, NULL);
        g_autofree char *text = NULL;

        g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
        if (strstr (text, "周建国 · ") != NULL && !g_str_equal (name, "周建国.ics"))
          {
            g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
            g_auto(GStrv) lines = ics_test_unfold (bytes);
            g_autofree char *unfolded = g_strjoinv ("\n", lines);

            g_assert_nonnull (strstr (unfolded, "13900000000"));
            n_new++;
          }
      }
    g_assert_cmpuint (n_new, >, 0);
  }
  {
    g_autoptr(SwCalendarState) state = sw_store_load_calendar_state (store, plan, &error);

    n_entries = sw_calendar_state_get_n_entries (state);
    g_assert_cmpuint (n_entries, >, 10);
  }
  g_clear_object (&job);

  /* Again, nothing changed: no file written. */
  g_clear_object (&run.person);
  job = sw_export_job_new (org, plan, store, SW_ICS_SCOPE_PERSON, FALSE, -1);
  g_assert_true (run_job (job, folder, &run, &n_files, &n_written, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_written, ==, 0);
  g_assert_cmpuint (n_files, >, 10);

  g_clear_object (&job);
  g_clear_object (&store);

  /* A database that cannot be written: refused before any file is built,
   * so that no file says what the records do not. */
  {
    g_autofree char *other = g_build_filename (dir, "other", NULL);
    g_autoptr(SwStore) reader = sw_store_open (db, SW_STORE_OPEN_READ_ONLY, &error);
    SwOrganisation *read_org;
    SwPlan *read_plan;

    g_assert_no_error (error);
    read_org = sw_store_get_organisation (reader);
    read_plan = g_list_model_get_item (sw_organisation_get_plans (read_org), 0);
    g_object_unref (read_plan); /* the organisation keeps it */
    run.org = read_org;
    job = sw_export_job_new (read_org, read_plan, reader, SW_ICS_SCOPE_PERSON, FALSE, -1);
    g_assert_false (run_job (job, other, &run, &n_files, &n_written, &error));
    g_assert_error (error, SW_STORE_ERROR, SW_STORE_ERROR_READ_ONLY);
    g_clear_error (&error);
    g_assert_false (g_file_test (other, G_FILE_TEST_EXISTS));
    g_clear_object (&job);
  }

  remove_tree (dir);
}

typedef struct
{
  guint    n_files;
  char    *path;
  gboolean saw_progress;
  gboolean saw_modeless;
} Exported;

static void
on_exported (SwExportDialog *dialog,
             guint           n_files,
             const char     *path,
             Exported       *exported)
{
  exported->n_files = n_files;
  exported->path = g_strdup (path);
}

static GtkWidget *
find_progress_bar (GtkWidget *widget)
{
  if (GTK_IS_PROGRESS_BAR (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_progress_bar (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A new database in @dir holding the sample plan (in *@out_plan). */
static SwStore *
open_sample (const char  *dir,
             SwPlan     **out_plan)
{
  g_autofree char *db = g_build_filename (dir, "servweek.db", NULL);
  g_autoptr(GError) error = NULL;
  SwStore *store = sw_store_open (db, SW_STORE_OPEN_CREATE, &error);

  g_assert_no_error (error);
  *out_plan = ics_test_add_sample (sw_store_get_organisation (store));
  return store;
}

/* The Export button's way: a progress bar while the files are built and
 * written, a dialog that does not hold the window meanwhile, then
 * "exported" and the dialog closes. */
static void
test_export_progress (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *folder = NULL;
  g_autoptr(SwStore) store = NULL;
  g_autoptr(SwExportDialog) dialog = NULL;
  Exported exported = { 0 };
  GtkWidget *bar;
  SwOrganisation *org;
  SwPlan *plan;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  dir = g_dir_make_tmp ("sw-ui-progress-XXXXXX", NULL);
  folder = g_build_filename (dir, "people", NULL);
  store = open_sample (dir, &plan);
  org = sw_store_get_organisation (store);

  dialog = g_object_ref_sink (sw_export_dialog_new (NULL, org, plan, store));
  g_object_ref (dialog);
  sw_export_dialog_set_scope (dialog, SW_ICS_SCOPE_PERSON);
  gtk_window_present (GTK_WINDOW (dialog));
  bar = find_progress_bar (GTK_WIDGET (dialog));
  g_assert_nonnull (bar);
  g_assert_false (gtk_widget_get_visible (bar));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  g_signal_connect (dialog, "exported", G_CALLBACK (on_exported), &exported);

  sw_export_dialog_start (dialog, folder);
  while (exported.path == NULL)
    {
      if (gtk_widget_get_visible (bar) && gtk_progress_bar_get_text (GTK_PROGRESS_BAR (bar)) != NULL)
        exported.saw_progress = TRUE;
      if (!gtk_window_get_modal (GTK_WINDOW (dialog)))
        exported.saw_modeless = TRUE;
      g_main_context_iteration (NULL, TRUE);
    }

  g_assert_true (exported.saw_progress);
  g_assert_true (exported.saw_modeless);
  g_assert_cmpstr (exported.path, ==, folder);
  g_assert_cmpuint (exported.n_files, >, 10);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  {
    g_autofree char *zhou = g_build_filename (folder, "周建国.ics", NULL);

    g_assert_true (g_file_test (zhou, G_FILE_TEST_IS_REGULAR));
  }

  g_free (exported.path);
  g_object_unref (dialog);
  g_clear_object (&store);
  remove_tree (dir);
}

/* The message dialog over @parent, if one is shown. */
static AdwMessageDialog *
find_message_dialog (GtkWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_window_get_transient_for (window) == parent &&
          gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

/* A folder that cannot be made (a file stands in its way): the dialog
 * says why, stays open with its choices back, and nothing is
 * remembered. */
static void
test_export_error (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *blocker = NULL;
  g_autofree char *folder = NULL;
  g_autoptr(SwStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SwExportDialog) dialog = NULL;
  g_autoptr(SwCalendarState) state = NULL;
  AdwMessageDialog *message;
  SwOrganisation *org;
  SwPlan *plan;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  dir = g_dir_make_tmp ("sw-ui-error-XXXXXX", NULL);
  blocker = g_build_filename (dir, "blocker", NULL);
  folder = g_build_filename (blocker, "people", NULL);
  g_assert_true (g_file_set_contents (blocker, "not a folder", -1, NULL));
  store = open_sample (dir, &plan);
  org = sw_store_get_organisation (store);

  dialog = g_object_ref_sink (sw_export_dialog_new (NULL, org, plan, store));
  g_object_ref (dialog);
  sw_export_dialog_set_scope (dialog, SW_ICS_SCOPE_PERSON);
  gtk_window_present (GTK_WINDOW (dialog));

  sw_export_dialog_start (dialog, folder);
  while ((message = find_message_dialog (GTK_WINDOW (dialog))) == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpstr (adw_message_dialog_get_heading (message), ==,
                   g_dgettext (GETTEXT_PACKAGE, "Could Not Export the Calendars"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (message), folder));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  g_assert_false (gtk_widget_get_visible (find_progress_bar (GTK_WIDGET (dialog))));
  state = sw_store_load_calendar_state (store, plan, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sw_calendar_state_get_n_entries (state), ==, 0);
  g_assert_true (g_file_test (blocker, G_FILE_TEST_IS_REGULAR));

  gtk_window_destroy (GTK_WINDOW (message));
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);
  g_clear_object (&store);
  remove_tree (dir);
}

static void
test_export_dialog (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *file = NULL;
  g_autoptr(SwStore) store = NULL;
  g_autoptr(GError) error = NULL;
  SwExportDialog *dialog;
  SwOrganisation *org;
  SwPlan *plan;
  guint n_files = 0;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  dir = g_dir_make_tmp ("sw-ui-ics-XXXXXX", NULL);
  folder = g_build_filename (dir, "people", NULL);
  file = g_build_filename (dir, "plan.ics", NULL);
  store = open_sample (dir, &plan);
  org = sw_store_get_organisation (store);

  dialog = sw_export_dialog_new (NULL, org, plan, store);
  gtk_window_present (GTK_WINDOW (dialog));

  /* Defaults: the whole plan, no tasks, no reminder. */
  g_assert_cmpint (sw_export_dialog_get_scope (dialog), ==, SW_ICS_SCOPE_PLAN);
  g_assert_cmpint (sw_export_dialog_get_reminder_minutes (dialog), ==, -1);
  g_assert_true (sw_export_dialog_export_to (dialog, file, &n_files, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_files, ==, 1);
  g_assert_true (g_file_test (file, G_FILE_TEST_IS_REGULAR));

  sw_export_dialog_set_scope (dialog, SW_ICS_SCOPE_PERSON);
  sw_export_dialog_set_include_tasks (dialog, TRUE);
  sw_export_dialog_set_reminder_minutes (dialog, 10);
  g_assert_cmpint (sw_export_dialog_get_reminder_minutes (dialog), ==, 10);
  g_assert_true (sw_export_dialog_export_to (dialog, folder, &n_files, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_files, >, 10);
  {
    g_autofree char *zhou = g_build_filename (folder, "周建国.ics", NULL);
    g_autofree char *text = NULL;

    g_assert_true (g_file_get_contents (zhou, &text, NULL, NULL));
    g_assert_nonnull (strstr (text, "TRIGGER:-PT10M\r\n"));
  }

  /* Remembered in the database for the next export. */
  {
    g_autoptr(SwCalendarState) state = sw_store_load_calendar_state (store, plan, &error);

    g_assert_no_error (error);
    g_assert_true (sw_calendar_state_has_file (state, "plan"));
    g_assert_cmpuint (sw_calendar_state_get_n_entries (state), >, 10);
  }

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_clear_object (&store);
  remove_tree (dir);
}

static void
on_imported (SwBusyDialog *dialog,
             SwPerson     *person,
             guint         n_added,
             guint        *out)
{
  *out = n_added;
}

static void
test_busy_dialog (void)
{
  static const char good[] =
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\n"
    "BEGIN:VEVENT\r\nUID:a\r\nSUMMARY:Class\r\nDTSTART;TZID=Asia/Shanghai:20260901T190000\r\n"
    "DTEND;TZID=Asia/Shanghai:20260901T200000\r\nRRULE:FREQ=DAILY\r\nEND:VEVENT\r\n"
    "END:VCALENDAR\r\n";
  static const char unknown_zone[] =
    "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:z\r\nDTSTART;TZID=Nowhere/Land:20260921T090000\r\n"
    "DTEND;TZID=Nowhere/Land:20260921T100000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
  g_autoptr(SwOrganisation) org = sw_organisation_new ();
  SwPlan *plan = ics_test_add_sample (org);
  g_autoptr(GBytes) good_bytes = g_bytes_new_static (good, strlen (good));
  g_autoptr(GBytes) bad_bytes = g_bytes_new_static (unknown_zone, strlen (unknown_zone));
  g_autoptr(GError) error = NULL;
  SwPerson *person;
  SwBusyDialog *dialog;
  guint imported = 0;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  person = sw_organisation_find_person (org, "周建国", NULL, NULL);
  dialog = sw_busy_dialog_new (NULL, org, plan);
  g_signal_connect (dialog, "imported", G_CALLBACK (on_imported), &imported);
  gtk_window_present (GTK_WINDOW (dialog));
  sw_busy_dialog_set_person (dialog, person);
  g_assert_true (sw_busy_dialog_get_person (dialog) == person);

  /* A file with an unknown zone: explained, nothing to import. */
  g_assert_false (sw_busy_dialog_load_bytes (dialog, "bad.ics", bad_bytes, &error));
  g_assert_nonnull (strstr (sw_busy_dialog_get_status (dialog), "Nowhere/Land"));
  g_clear_error (&error);
  g_assert_false (sw_busy_dialog_import (dialog, NULL, &error));
  g_clear_error (&error);
  g_assert_cmpuint (g_list_model_get_n_items (sw_person_get_unavailability (person)), ==, 0);

  /* Seven evenings of the plan's week. */
  g_assert_true (sw_busy_dialog_load_bytes (dialog, "good.ics", good_bytes, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (sw_busy_dialog_get_status (dialog), ==, "7 busy times during the plan");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "busy.import", NULL);
  g_assert_cmpuint (imported, ==, 7);
  g_assert_cmpuint (g_list_model_get_n_items (sw_person_get_unavailability (person)), ==, 7);

  /* One undo step takes them all away. */
  g_assert_true (sw_undo_stack_undo (sw_organisation_get_undo_stack (org), &error));
  g_assert_cmpuint (g_list_model_get_n_items (sw_person_get_unavailability (person)), ==, 0);

  sw_undo_stack_clear (sw_organisation_get_undo_stack (org));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  /* The dialogs need no OpenGL; Mesa's EGL set-up keeps memory that the
   * leak checker would report. */
  g_setenv ("GDK_DEBUG", "gl-disable", FALSE);
  have_display = gtk_init_check ();
  if (have_display)
    adw_init ();

  g_test_add_func ("/calendar-dialogs/export-job", test_export_job);
  g_test_add_func ("/calendar-dialogs/export", test_export_dialog);
  g_test_add_func ("/calendar-dialogs/export-progress", test_export_progress);
  g_test_add_func ("/calendar-dialogs/export-error", test_export_error);
  g_test_add_func ("/calendar-dialogs/import-busy", test_busy_dialog);

  return g_test_run ();
}
