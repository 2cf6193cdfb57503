/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sw-accessible.h"
#include "sw-keyring.h"
#include "sw-publish-dialog.h"
#include "sw-publish-job.h"

struct _SwPublishDialog
{
  AdwWindow        parent_instance;

  SwPlan          *plan;
  SwStore         *store;
  /* what the store says was published, read after each publish */
  SwPublishState  *state;
  GListStore      *subscribers;   /* SwPerson, in roster order */

  /* a publish under way */
  SwPublishJob    *job;
  GCancellable    *cancellable;
  GCancellable    *keyring_cancellable;

  AdwToastOverlay *toast_overlay;
  AdwPreferencesPage *page;
  AdwPreferencesGroup *server_group;
  AdwEntryRow     *server_row;
  AdwEntryRow     *user_row;
  AdwEntryRow     *password_row;
  GtkSwitch       *phones_switch;
  AdwPreferencesGroup *status_group;
  GtkLabel        *status_label;
  GtkWidget       *progress_box;
  GtkProgressBar  *progress_bar;
  AdwPreferencesGroup *conflicts_group;
  GtkListBox      *conflicts_list;
  AdwPreferencesGroup *subscriptions_group;
  GtkListView     *subscriptions_view;
};

G_DEFINE_FINAL_TYPE (SwPublishDialog, sw_publish_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_PLAN,
  PROP_STORE,
  N_PROPS
};

enum {
  PUBLISHED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

gboolean
sw_publish_dialog_get_busy (SwPublishDialog *self)
{
  g_return_val_if_fail (SW_IS_PUBLISH_DIALOG (self), FALSE);

  return self->job != NULL;
}

static void
show_toast (SwPublishDialog *self,
            const char      *text)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

static void
show_status (SwPublishDialog *self,
             const char      *text)
{
  gtk_label_set_text (self->status_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->status_group), TRUE);
}

static void
show_error (SwPublishDialog *self,
            const char      *heading,
            const GError    *error)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, error->message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ------------------------------------------------------------------ */
/* Subscriptions                                                      */

/* @person's subscription address, or NULL when not published. */
static char *
subscription_url (SwPublishDialog *self,
                  SwPerson        *person)
{
  g_autofree char *key = sw_publish_person_key (person);
  SwPublishCalendar calendar;

  if (self->state == NULL || !sw_publish_state_lookup_calendar (self->state, key, &calendar) ||
      !calendar.created)
    return NULL;
  return sw_publish_subscription_url (sw_publish_state_get_server (self->state), calendar.token, FALSE);
}

static void
add_subscriber (SwPerson   *person,
                const char *url,
                gpointer    user_data)
{
  g_list_store_append (user_data, person);
}

static gboolean
load_state (SwPublishDialog  *self,
            GError          **error)
{
  g_autoptr(SwPublishState) state = sw_store_load_publish_state (self->store, self->plan, error);

  if (state == NULL)
    return FALSE;
  g_set_object (&self->state, state);
  g_list_store_remove_all (self->subscribers);
  sw_publish_foreach_subscription (sw_store_get_organisation (self->store), self->state, FALSE,
                                   add_subscriber, self->subscribers);
  gtk_widget_set_visible (GTK_WIDGET (self->subscriptions_group),
                          g_list_model_get_n_items (G_LIST_MODEL (self->subscribers)) > 0);
  return TRUE;
}

static void
copy_text (SwPublishDialog *self,
           const char      *text)
{
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
}

static void
copy_clicked (GtkButton       *button,
              SwPublishDialog *self)
{
  SwPerson *person = g_object_get_data (G_OBJECT (button), "sw-person");
  g_autofree char *url = person != NULL ? subscription_url (self, person) : NULL;
  g_autofree char *text = NULL;

  if (url == NULL)
    return;
  copy_text (self, url);
  text = g_strdup_printf (_("Address of %s copied"), sw_person_get_name (person));
  show_toast (self, text);
}

static void start (SwPublishDialog *self, SwPublishConflicts conflicts, SwPerson *renew);

static void
renew_response (AdwMessageDialog *dialog,
                const char       *response,
                SwPublishDialog  *self)
{
  SwPerson *person = g_object_get_data (G_OBJECT (dialog), "sw-person");

  if (g_str_equal (response, "renew") && self->job == NULL)
    start (self, SW_PUBLISH_CONFLICTS_REPORT, person);
}

static void
renew_clicked (GtkButton       *button,
               SwPublishDialog *self)
{
  SwPerson *person = g_object_get_data (G_OBJECT (button), "sw-person");
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;

  if (person == NULL)
    return;
  heading = g_strdup_printf (_("Give %s a New Address?"), sw_person_get_name (person));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (
    GTK_WINDOW (self), heading,
    _("The current address stops working, for whoever has it. Give them the new one, or print their "
      "duty slip again: its QR code shows the new address.")));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "renew", _("_New Address"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "renew", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "sw-person", g_object_ref (person), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (renew_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
setup_subscription (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    SwPublishDialog          *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *url = gtk_label_new (NULL);
  GtkWidget *copy = gtk_button_new_from_icon_name ("edit-copy-symbolic");
  GtkWidget *renew = gtk_button_new_from_icon_name ("view-refresh-symbolic");

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (url), 0);
  gtk_label_set_ellipsize (GTK_LABEL (url), PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_add_css_class (url, "dim-label");
  gtk_widget_add_css_class (url, "caption");
  gtk_box_append (GTK_BOX (labels), name);
  gtk_box_append (GTK_BOX (labels), url);
  gtk_box_append (GTK_BOX (box), labels);

  gtk_widget_set_valign (copy, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (copy, _("Copy Address"));
  gtk_widget_add_css_class (copy, "flat");
  g_signal_connect_object (copy, "clicked", G_CALLBACK (copy_clicked), self, 0);
  gtk_box_append (GTK_BOX (box), copy);
  gtk_widget_set_valign (renew, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (renew, _("New Address"));
  gtk_widget_add_css_class (renew, "flat");
  g_signal_connect_object (renew, "clicked", G_CALLBACK (renew_clicked), self, 0);
  gtk_box_append (GTK_BOX (box), renew);

  g_object_set_data (G_OBJECT (item), "sw-name", name);
  g_object_set_data (G_OBJECT (item), "sw-url", url);
  g_object_set_data (G_OBJECT (item), "sw-copy", copy);
  g_object_set_data (G_OBJECT (item), "sw-renew", renew);
  gtk_list_item_set_activatable (item, FALSE);
  gtk_list_item_set_child (item, box);
}

static void
bind_subscription (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   SwPublishDialog          *self)
{
  SwPerson *person = gtk_list_item_get_item (item);
  SwDepartment *department = sw_person_get_department (person);
  GtkWidget *copy = g_object_get_data (G_OBJECT (item), "sw-copy");
  GtkWidget *renew = g_object_get_data (G_OBJECT (item), "sw-renew");
  g_autofree char *url = subscription_url (self, person);
  g_autofree char *name = NULL;
  g_autofree char *copy_label = NULL;
  g_autofree char *renew_label = NULL;

  if (department != NULL)
    /* Translators: a person and their department */
    name = g_strdup_printf (_("%s (%s)"), sw_person_get_name (person), sw_department_get_name (department));
  else
    name = g_strdup (sw_person_get_name (person));
  gtk_label_set_text (g_object_get_data (G_OBJECT (item), "sw-name"), name);
  gtk_label_set_text (g_object_get_data (G_OBJECT (item), "sw-url"), url != NULL ? url : "");

  g_object_set_data (G_OBJECT (copy), "sw-person", person);
  g_object_set_data (G_OBJECT (renew), "sw-person", person);
  copy_label = g_strdup_printf (_("Copy the address of %s"), sw_person_get_name (person));
  renew_label = g_strdup_printf (_("New address for %s"), sw_person_get_name (person));
  gtk_accessible_update_property (GTK_ACCESSIBLE (copy), GTK_ACCESSIBLE_PROPERTY_LABEL, copy_label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (renew), GTK_ACCESSIBLE_PROPERTY_LABEL, renew_label, -1);
}

static void
unbind_subscription (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     SwPublishDialog          *self)
{
  g_object_set_data (g_object_get_data (G_OBJECT (item), "sw-copy"), "sw-person", NULL);
  g_object_set_data (g_object_get_data (G_OBJECT (item), "sw-renew"), "sw-person", NULL);
}

/* Name, department and address of everyone, one per line, tab-separated
 * as `servweek-cli subscriptions` gives them: for a chat or a sheet. */
static void
copy_all_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  SwPublishDialog *self = SW_PUBLISH_DIALOG (widget);
  GListModel *model = G_LIST_MODEL (self->subscribers);
  g_autoptr(GString) text = g_string_new (NULL);
  guint n = g_list_model_get_n_items (model);
  g_autofree char *toast = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwPerson) person = g_list_model_get_item (model, i);
      SwDepartment *department = sw_person_get_department (person);
      g_autofree char *url = subscription_url (self, person);

      g_string_append_printf (text, "%s\t%s\t%s\n", sw_person_get_name (person),
                              department != NULL ? sw_department_get_name (department) : "",
                              url != NULL ? url : "");
    }
  copy_text (self, text->str);
  toast = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u address copied", "%u addresses copied", n), n);
  show_toast (self, toast);
}

/* ------------------------------------------------------------------ */
/* Conflicts                                                          */

static void
show_conflicts (SwPublishDialog *self,
                GPtrArray       *conflicts)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->conflicts_list))) != NULL)
    gtk_list_box_remove (self->conflicts_list, child);
  for (guint i = 0; conflicts != NULL && i < conflicts->len; i++)
    {
      SwPublishConflict *conflict = g_ptr_array_index (conflicts, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *subtitle = NULL;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     conflict->summary != NULL ? conflict->summary : conflict->uid);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      subtitle = g_strdup_printf (conflict->removal
                                    /* Translators: a calendar's name; the event is no longer in it */
                                    ? _("%s: changed there, no longer in the plan")
                                    /* Translators: a calendar's name; the plan has another version */
                                    : _("%s: changed there, the plan has it otherwise"),
                                  conflict->calendar_name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_append (self->conflicts_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->conflicts_group), conflicts != NULL && conflicts->len > 0);
}

/* ------------------------------------------------------------------ */
/* Publishing                                                         */

static void
set_running (SwPublishDialog *self,
             gboolean         running)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->server_group), !running);
  gtk_widget_set_sensitive (GTK_WIDGET (self->conflicts_group), !running);
  gtk_widget_set_sensitive (GTK_WIDGET (self->subscriptions_group), !running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "publish.run", !running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "publish.overwrite", !running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "publish.keep", !running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "publish.cancel", running);
  gtk_widget_set_visible (self->progress_box, running);
  if (running)
    gtk_widget_set_visible (GTK_WIDGET (self->status_group), TRUE);
}

static void
job_progress (SwPublishDialog *self)
{
  double progress = sw_publish_job_get_progress (self->job);
  g_autofree char *text = NULL;

  gtk_progress_bar_set_fraction (self->progress_bar, progress);
  /* Translators: the progress of a publish to the calendar server */
  text = g_strdup_printf (_("Publishing… %d%%"), (int) (progress * 100 + 0.5));
  gtk_progress_bar_set_text (self->progress_bar, text);
}

static void
password_stored (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(SwPublishDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!sw_keyring_store_finish (result, &error) && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
      gtk_widget_get_realized (GTK_WIDGET (self)))
    {
      g_autofree char *text = g_strdup_printf (_("The password could not be kept in the keyring: %s"),
                                               error->message);

      show_toast (self, text);
    }
}

static char *
summary_text (SwPublisher *publisher)
{
  guint n_calendars = sw_publisher_get_n_calendars (publisher);
  guint n_put = sw_publisher_get_n_put (publisher);
  guint n_deleted = sw_publisher_get_n_deleted (publisher);
  guint n_removed = sw_publisher_get_n_removed_calendars (publisher);
  g_autofree char *calendars = NULL;
  g_autofree char *events = NULL;

  if (n_calendars == 0 && n_put == 0 && n_deleted == 0 && n_removed == 0)
    return g_strdup (_("The server is up to date: nothing changed since the last publish."));

  calendars = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u calendar published", "%u calendars published",
                                            n_calendars), n_calendars);
  /* Translators: the events sent and removed in a publish */
  events = g_strdup_printf (_("%u events sent, %u removed"), n_put, n_deleted);
  if (n_removed == 0)
    /* Translators: "3 calendars published: 12 events sent, 1 removed." */
    return g_strdup_printf (_("%s: %s."), calendars, events);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %s; %u calendar of someone gone removed.",
                                       "%s: %s; %u calendars of people gone removed.", n_removed),
                          calendars, events, n_removed);
}

static void
job_done (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(SwPublishDialog) self = user_data;
  g_autoptr(SwPublishJob) job = g_steal_pointer (&self->job);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) load_error = NULL;
  SwPublisher *publisher = sw_publish_job_get_publisher (job);
  gboolean ok;

  g_clear_object (&self->cancellable);
  g_signal_handlers_disconnect_by_data (job, self);
  if (g_application_get_default () != NULL)
    g_application_release (g_application_get_default ());
  ok = sw_publish_job_run_finish (job, result, &error);

  /* The dialog may be gone (its parent closed): what the server
   * confirmed was saved all the same. */
  if (self->store == NULL)
    return;
  set_running (self, FALSE);
  if (!load_state (self, &load_error))
    show_error (self, _("Could Not Read the Published Calendars"), load_error);

  if (!ok)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_status (self, _("Publishing was stopped. What the server confirmed is kept: publish again to "
                             "send the rest."));
      else
        {
          gtk_widget_set_visible (GTK_WIDGET (self->status_group), FALSE);
          show_error (self, _("Could Not Publish the Calendars"), error);
        }
      return;
    }

  {
    g_autofree char *summary = summary_text (publisher);
    GPtrArray *conflicts = sw_publisher_get_conflicts (publisher);

    show_status (self, summary);
    show_conflicts (self, conflicts);
    /* A password that worked is kept for the next publish. */
    sw_keyring_store_async (sw_publish_state_get_server (self->state), sw_publish_state_get_user (self->state),
                            gtk_editable_get_text (GTK_EDITABLE (self->password_row)),
                            self->keyring_cancellable, password_stored, g_object_ref (self));
    g_signal_emit (self, signals[PUBLISHED], 0, sw_publisher_get_n_calendars (publisher), conflicts->len);
  }
}

static void
start (SwPublishDialog    *self,
       SwPublishConflicts  conflicts,
       SwPerson           *renew)
{
  const char *server = gtk_editable_get_text (GTK_EDITABLE (self->server_row));
  const char *user = gtk_editable_get_text (GTK_EDITABLE (self->user_row));
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));
  g_autofree char *server_text = g_strstrip (g_strdup (server));
  g_autofree char *user_text = g_strstrip (g_strdup (user));
  g_autoptr(GError) error = NULL;

  g_return_if_fail (self->job == NULL);

  if (!sw_publish_check_server (server_text, &error))
    {
      show_error (self, _("Give the Server’s Address"), error);
      gtk_widget_grab_focus (GTK_WIDGET (self->server_row));
      return;
    }
  if (*user_text == '\0' || *password == '\0')
    {
      g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("Publishing needs the user name and password of the coordinator’s account on "
                             "the calendar server."));
      show_error (self, _("Give the User Name and Password"), error);
      gtk_widget_grab_focus (GTK_WIDGET (*user_text == '\0' ? self->user_row : self->password_row));
      return;
    }

  self->job = sw_publish_job_new (self->store, self->plan);
  sw_publish_job_set_server (self->job, server_text);
  sw_publish_job_set_user (self->job, user_text);
  sw_publish_job_set_password (self->job, password);
  sw_publish_job_set_include_phones (self->job, gtk_switch_get_active (self->phones_switch));
  sw_publish_job_set_conflicts (self->job, conflicts);
  sw_publish_job_set_renew (self->job, renew);
  self->cancellable = g_cancellable_new ();
  g_signal_connect_object (self->job, "notify::progress", G_CALLBACK (job_progress), self, G_CONNECT_SWAPPED);

  show_conflicts (self, NULL);
  if (renew != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Giving %s a new address…"), sw_person_get_name (renew));

      show_status (self, text);
    }
  else
    show_status (self, _("Sending what changed since the last publish…"));
  set_running (self, TRUE);
  job_progress (self);
  /* The application stays until the server's answers are saved. */
  if (g_application_get_default () != NULL)
    g_application_hold (g_application_get_default ());
  sw_publish_job_run_async (self->job, self->cancellable, job_done, g_object_ref (self));
}

static void
run_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  SwPublishDialog *self = SW_PUBLISH_DIALOG (widget);

  if (self->job == NULL)
    start (self, SW_PUBLISH_CONFLICTS_REPORT, NULL);
}

static void
overwrite_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SwPublishDialog *self = SW_PUBLISH_DIALOG (widget);

  if (self->job == NULL)
    start (self, SW_PUBLISH_CONFLICTS_OVERWRITE, NULL);
}

static void
keep_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SwPublishDialog *self = SW_PUBLISH_DIALOG (widget);

  if (self->job == NULL)
    start (self, SW_PUBLISH_CONFLICTS_KEEP, NULL);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SwPublishDialog *self = SW_PUBLISH_DIALOG (widget);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

/* Closing stops a publish; what the server confirmed is saved. */
static gboolean
sw_publish_dialog_close_request (GtkWindow *window)
{
  SwPublishDialog *self = SW_PUBLISH_DIALOG (window);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  return GTK_WINDOW_CLASS (sw_publish_dialog_parent_class)->close_request (window);
}

/* ------------------------------------------------------------------ */
/* Opening                                                            */

static void
password_found (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(SwPublishDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *password = sw_keyring_lookup_finish (result, &error);

  /* Without a keyring (or a password in it) the field stays empty. */
  if (password == NULL)
    {
      if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("No password from the keyring: %s", error->message);
      return;
    }
  if (self->store != NULL && *gtk_editable_get_text (GTK_EDITABLE (self->password_row)) == '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->password_row), password);
  memset (password, 0, strlen (password));
}

static void
sw_publish_dialog_constructed (GObject *object)
{
  SwPublishDialog *self = SW_PUBLISH_DIALOG (object);
  g_autoptr(GError) error = NULL;
  const char *server;
  const char *user;

  G_OBJECT_CLASS (sw_publish_dialog_parent_class)->constructed (object);

  if (!load_state (self, &error))
    {
      show_status (self, error->message);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "publish.run", FALSE);
      return;
    }
  if (sw_store_is_read_only (self->store))
    {
      show_status (self, _("The database cannot be written, so what the server confirms could not be "
                           "remembered: publishing needs a database that can be saved."));
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "publish.run", FALSE);
    }

  server = sw_publish_state_get_server (self->state);
  user = sw_publish_state_get_user (self->state);
  gtk_editable_set_text (GTK_EDITABLE (self->server_row), server);
  gtk_editable_set_text (GTK_EDITABLE (self->user_row), user);
  gtk_switch_set_active (self->phones_switch, sw_publish_state_get_include_phones (self->state));
  if (*server != '\0' && *user != '\0')
    sw_keyring_lookup_async (server, user, self->keyring_cancellable, password_found, g_object_ref (self));
}

static void
sw_publish_dialog_dispose (GObject *object)
{
  SwPublishDialog *self = SW_PUBLISH_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->keyring_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), SW_TYPE_PUBLISH_DIALOG);
  g_clear_object (&self->subscribers);
  g_clear_object (&self->state);
  g_clear_object (&self->plan);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sw_publish_dialog_parent_class)->dispose (object);
}

static void
sw_publish_dialog_finalize (GObject *object)
{
  SwPublishDialog *self = SW_PUBLISH_DIALOG (object);

  g_clear_object (&self->keyring_cancellable);

  G_OBJECT_CLASS (sw_publish_dialog_parent_class)->finalize (object);
}

static void
sw_publish_dialog_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SwPublishDialog *self = SW_PUBLISH_DIALOG (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sw_publish_dialog_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SwPublishDialog *self = SW_PUBLISH_DIALOG (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      self->plan = g_value_dup_object (value);
      break;
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sw_publish_dialog_class_init (SwPublishDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sw_publish_dialog_constructed;
  object_class->dispose = sw_publish_dialog_dispose;
  object_class->finalize = sw_publish_dialog_finalize;
  object_class->get_property = sw_publish_dialog_get_property;
  object_class->set_property = sw_publish_dialog_set_property;
  GTK_WINDOW_CLASS (klass)->close_request = sw_publish_dialog_close_request;

  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, SW_TYPE_PLAN,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SW_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[PUBLISHED] = g_signal_new ("published", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/servweek/Planner/sw-publish-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SwPublishDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SwPublishDialog, page);
  gtk_widget_class_bind_template_child (widget_class, SwPublishDialog, server_group);
  gtk_widget_class_bind_template_child (widget_class, SwPublishDialog, server_row);
  gtk_widget_class_bind_template_child (widget_class, SwPublishDialog, user_row);
  gtk_widget_class_bind_template_child (widget_class, SwPublishDialog, password_row);
  gtk_widget_class_bind_template_child (widget_class, SwPublishDialog, phones_switch);
  gtk_widget_class_bind_template_child (widget_class, SwPublishDialog, status_group);
  gtk_widget_class_bind_template_child (widget_class, SwPublishDialog, status_label);
  gtk_widget_class_bind_template_child (widget_class, SwPublishDialog, progress_box);
  gtk_widget_class_bind_template_child (widget_class, SwPublishDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, SwPublishDialog, conflicts_group);
  gtk_widget_class_bind_template_child (widget_class, SwPublishDialog, conflicts_list);
  gtk_widget_class_bind_template_child (widget_class, SwPublishDialog, subscriptions_group);
  gtk_widget_class_bind_template_child (widget_class, SwPublishDialog, subscriptions_view);

  gtk_widget_class_install_action (widget_class, "publish.run", NULL, run_action);
  gtk_widget_class_install_action (widget_class, "publish.overwrite", NULL, overwrite_action);
  gtk_widget_class_install_action (widget_class, "publish.keep", NULL, keep_action);
  gtk_widget_class_install_action (widget_class, "publish.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "publish.copy-all", NULL, copy_all_action);
}

static void
sw_publish_dialog_init (SwPublishDialog *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  sw_accessible_label_password_row (self->password_row, _("Show the Password"));
  self->keyring_cancellable = g_cancellable_new ();
  self->subscribers = g_list_store_new (SW_TYPE_PERSON);

  g_signal_connect_object (factory, "setup", G_CALLBACK (setup_subscription), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_subscription), self, 0);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (unbind_subscription), self, 0);
  gtk_list_view_set_factory (self->subscriptions_view, factory);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->subscribers)));
  gtk_list_view_set_model (self->subscriptions_view, GTK_SELECTION_MODEL (selection));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "publish.cancel", FALSE);
}

SwPublishDialog *
sw_publish_dialog_new (GtkWindow *parent,
                       SwPlan    *plan,
                       SwStore   *store)
{
  g_return_val_if_fail (SW_IS_PLAN (plan), NULL);
  g_return_val_if_fail (SW_IS_STORE (store), NULL);

  return g_object_new (SW_TYPE_PUBLISH_DIALOG,
                       "transient-for", parent,
                       "plan", plan,
                       "store", store,
                       NULL);
}
