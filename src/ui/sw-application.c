/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sw-application.h"
#include "sw-export-dialog.h"
#include "sw-publish-dialog.h"
#include "sw-application-open.h"
#include "sw-autofill-dialog.h"
#include "sw-plan-file.h"
#include "sw-window.h"

struct _SwApplication
{
  AdwApplication  parent_instance;

  SwStore        *store;
  gboolean        store_tried;
  guint           poll_id;        /* looks for saves by other programs */
  gboolean        poll_failed;    /* told the user once already */
};

/* How often the window looks whether servweek-cli (or another program)
 * saved to its database. */
#define POLL_INTERVAL_SECONDS 1

G_DEFINE_FINAL_TYPE (SwApplication, sw_application, ADW_TYPE_APPLICATION)

SwApplication *
sw_application_new (void)
{
  return g_object_new (SW_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS | G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/servweek/Planner",
                       NULL);
}

SwStore *
sw_application_get_store (SwApplication *self)
{
  g_return_val_if_fail (SW_IS_APPLICATION (self), NULL);

  return self->store;
}

/* Opens the default database; a fresh one gets the sample plan.  On
 * failure sets @heading to what the user is told first. */
static gboolean
sw_application_open_store (SwApplication  *self,
                           const char    **heading,
                           GError        **error)
{
  g_autofree char *path = sw_store_default_path ();
  g_autoptr(SwStore) store = NULL;

  store = sw_store_open (path, SW_STORE_OPEN_CREATE, error);
  if (store == NULL)
    {
      *heading = _("Could Not Open the Database");
      return FALSE;
    }

  self->store = g_steal_pointer (&store);

  /* No undo can bring back a plan deleted before this start. */
  {
    g_autoptr(GError) tidy_error = NULL;

    if (!sw_store_drop_deleted_plans_records (self->store, &tidy_error))
      g_debug ("Calendar records of deleted plans stay: %s", tidy_error->message);
  }

  if (sw_store_is_empty (self->store))
    {
      SwOrganisation *org = sw_store_get_organisation (self->store);
      SwUndoStack *stack = sw_organisation_get_undo_stack (org);

      if (sw_plan_file_new_from_template (org, "service-week", NULL,
                                          G_MININT, G_MININT, NULL, error) == NULL)
        {
          *heading = _("Could Not Create the Sample Plan");
          return FALSE;
        }

      /* Creating the sample is not an edit the user made. */
      sw_undo_stack_clear (stack);
    }

  return TRUE;
}

/* After the store re-read the database: every window shows the same plan
 * again (the objects were replaced) and says why its undo history went. */
static void
sw_application_store_reloaded (SwApplication *self,
                               SwStore       *store)
{
  SwOrganisation *org = sw_store_get_organisation (store);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      SwWindow *window;
      SwPlan *plan;
      AdwToast *toast;

      if (!SW_IS_WINDOW (l->data))
        continue;

      window = l->data;
      plan = g_object_get_data (G_OBJECT (window), "sw-plan-id-before-reload") != NULL
             ? sw_organisation_find_plan (org, GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (window),
                                                                                   "sw-plan-id-before-reload")))
             : NULL;
      if (plan != NULL)
        sw_window_set_plan (window, plan);
      g_object_set_data (G_OBJECT (window), "sw-plan-id-before-reload", NULL);

      toast = adw_toast_new (_("The plan was changed by another program"));
      adw_toast_set_timeout (toast, 5);
      sw_window_add_toast (window, toast);
    }
}

/* TRUE while a dialog (a person or task editor, plan properties …) is
 * open on one of our windows, except one that follows a reload itself
 * (Auto-fill computes its proposal again). */
static gboolean
sw_application_dialog_open (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = g_list_model_get_n_items (toplevels);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (gtk_window_get_modal (window) && gtk_window_get_transient_for (window) != NULL &&
          gtk_widget_get_visible (GTK_WIDGET (window)) && !SW_IS_AUTOFILL_DIALOG (window))
        return TRUE;
      /* An export reads the model and saves its records when done. */
      if (SW_IS_EXPORT_DIALOG (window) && sw_export_dialog_get_busy (SW_EXPORT_DIALOG (window)))
        return TRUE;
      /* So does a publish, calendar by calendar. */
      if (SW_IS_PUBLISH_DIALOG (window) && sw_publish_dialog_get_busy (SW_PUBLISH_DIALOG (window)))
        return TRUE;
    }
  return FALSE;
}

static gboolean
sw_application_poll (gpointer user_data)
{
  SwApplication *self = SW_APPLICATION (user_data);
  g_autoptr(GError) error = NULL;
  gboolean changed = FALSE;

  if (self->store == NULL)
    return G_SOURCE_CONTINUE;

  /* A reload replaces the plan's objects, and an open dialog holds some of
   * them: what another program changed is read once the dialog is closed.
   * A save from the dialog meanwhile is refused with a message (the store
   * never writes over another program's change). */
  if (sw_application_dialog_open ())
    return G_SOURCE_CONTINUE;

  if (sw_store_poll_external_change (self->store, &changed, &error) && changed)
    {
      /* Remember each window's plan by id: the objects are about to be
       * replaced. */
      for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
        {
          SwPlan *plan;

          if (!SW_IS_WINDOW (l->data))
            continue;
          plan = sw_window_get_plan (l->data);
          g_object_set_data (G_OBJECT (l->data), "sw-plan-id-before-reload",
                             plan != NULL ? GSIZE_TO_POINTER ((gsize) sw_plan_get_id (plan)) : NULL);
        }

      sw_store_reload (self->store, &error);
    }

  if (error != NULL && !self->poll_failed)
    {
      GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

      /* Once: the next poll tries again, but quietly. */
      self->poll_failed = TRUE;
      if (SW_IS_WINDOW (window))
        sw_window_show_error (SW_WINDOW (window),
                              _("Could Not Read the Changes of Another Program"), error);
    }
  else if (error == NULL)
    self->poll_failed = FALSE;

  return G_SOURCE_CONTINUE;
}

/* With $SERVWEEK_BENCH set, prints "first-frame <monotonic µs>" to
 * standard error once the window has painted its first frame (for
 * build-aux/bench). */
static void
sw_application_first_frame (GdkFrameClock *clock,
                            gpointer       user_data)
{
  g_printerr ("first-frame %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  g_signal_handlers_disconnect_by_func (clock, sw_application_first_frame, user_data);
}

static void
sw_application_window_mapped (GtkWidget *widget,
                              gpointer   user_data)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);

  if (clock != NULL)
    g_signal_connect (clock, "after-paint", G_CALLBACK (sw_application_first_frame), NULL);
  g_signal_handlers_disconnect_by_func (widget, sw_application_window_mapped, user_data);
}

static void
sw_application_activate (GApplication *application)
{
  SwApplication *self = SW_APPLICATION (application);
  g_autoptr(GError) error = NULL;
  const char *heading = NULL;
  GtkWindow *window;
  SwWindow *sw_window;

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  if (!self->store_tried)
    {
      self->store_tried = TRUE;
      sw_application_open_store (self, &heading, &error);
    }

  sw_window = sw_window_new (GTK_APPLICATION (self),
                             self->store != NULL ? sw_store_get_organisation (self->store) : NULL);
  if (self->store != NULL)
    sw_window_set_database_path (sw_window, sw_store_get_path (self->store));
  if (g_getenv ("SERVWEEK_BENCH") != NULL)
    g_signal_connect (sw_window, "map", G_CALLBACK (sw_application_window_mapped), NULL);
  gtk_window_present (GTK_WINDOW (sw_window));

  if (self->store != NULL && self->poll_id == 0)
    {
      g_signal_connect_object (self->store, "reloaded",
                               G_CALLBACK (sw_application_store_reloaded), self,
                               G_CONNECT_SWAPPED);
      self->poll_id = g_timeout_add_seconds (POLL_INTERVAL_SECONDS, sw_application_poll, self);
    }

  if (heading != NULL)
    sw_window_show_error (sw_window, heading, error);
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  SwApplication *self = SW_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  static const char *developers[] = { "The Service Week Planner authors", NULL };
  AdwAboutWindow *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "modal", TRUE,
                        "application-name", _("Service Week Planner"),
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", _("The Service Week Planner authors"),
                        "developers", developers,
                        "comments", _("Plan a customer service week: its schedule, duties, staff and calendars."),
                        "website", "https://github.com/servweek/servweek",
                        "issue-url", "https://github.com/servweek/servweek/issues",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "copyright", "© 2026 The Service Week Planner authors",
                        /* Translators: your names, one per line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (app));

  /* Destroying the windows lets each one release its models first; the
   * application ends with its last window. */
  for (const GList *l = windows; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
}

static const GActionEntry app_actions[] = {
  { .name = "about", .activate = about_action },
  { .name = "quit", .activate = quit_action },
};

static void
sw_application_startup (GApplication *application)
{
  static const char *undo_accels[] = { "<Control>z", NULL };
  static const char *redo_accels[] = { "<Control><Shift>z", NULL };
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const struct { const char *action; const char *accel; } accels[] = {
    { "win.find", "<Control>f" },
    { "win.print::roles", "<Control>p" },
    { "win.export-calendars", "<Control>e" },
    { "win.new-plan", "<Control>n" },
    { "win.plan-properties", "<Alt>Return" },
    { "win.show-view::schedule", "<Alt>1" },
    { "win.show-view::roster", "<Alt>2" },
    { "win.show-view::tasks", "<Alt>3" },
    { "win.show-help-overlay", "<Control>question" },
  };

  G_APPLICATION_CLASS (sw_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (application),
                                   app_actions, G_N_ELEMENTS (app_actions),
                                   application);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "win.undo", undo_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "win.redo", redo_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.quit", quit_accels);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    {
      const char *one[] = { accels[i].accel, NULL };

      gtk_application_set_accels_for_action (GTK_APPLICATION (application), accels[i].action, one);
    }
}

static void
sw_application_shutdown (GApplication *application)
{
  SwApplication *self = SW_APPLICATION (application);

  g_clear_handle_id (&self->poll_id, g_source_remove);

  G_APPLICATION_CLASS (sw_application_parent_class)->shutdown (application);

  g_clear_object (&self->store);
}

static void
sw_application_dispose (GObject *object)
{
  SwApplication *self = SW_APPLICATION (object);

  g_clear_handle_id (&self->poll_id, g_source_remove);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sw_application_parent_class)->dispose (object);
}

/* Files from a file manager or the command line: shown in the window,
 * which asks before importing a plan or busy times. */
static void
sw_application_open (GApplication  *application,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  GtkWindow *window;

  g_application_activate (application);
  window = gtk_application_get_active_window (GTK_APPLICATION (application));
  if (!SW_IS_WINDOW (window))
    return;

  for (int i = 0; i < n_files; i++)
    sw_application_open_file (SW_WINDOW (window), files[i]);
}

static void
sw_application_class_init (SwApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = sw_application_dispose;
  app_class->activate = sw_application_activate;
  app_class->open = sw_application_open;
  app_class->startup = sw_application_startup;
  app_class->shutdown = sw_application_shutdown;
}

static void
sw_application_init (SwApplication *self)
{
}
