/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sw-changes-dialog.h"
#include "sw-export-job.h"
#include "sw-print-operation.h"

struct _SwChangesDialog
{
  AdwWindow            parent_instance;

  SwPlan              *plan;
  SwStore             *store;
  GPtrArray           *notices;    /* SwChangeNotice, as the dialog opened */

  AdwToastOverlay     *toast_overlay;
  AdwPreferencesGroup *people_group;
};

G_DEFINE_FINAL_TYPE (SwChangesDialog, sw_changes_dialog, ADW_TYPE_WINDOW)

enum {
  SENT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum {
  PROP_0,
  PROP_PLAN,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
copy_text (SwChangesDialog *self,
           const char      *text,
           const char      *toast)
{
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (toast));
}

static void
copy_clicked (GtkButton       *button,
              SwChangesDialog *self)
{
  SwChangeNotice *notice = g_object_get_data (G_OBJECT (button), "sw-notice");
  g_autofree char *toast = g_strdup_printf (_("Notice to %s copied"), sw_person_get_name (notice->person));

  copy_text (self, notice->text, toast);
}

/* Every notice, a blank line between two. */
static void
copy_all_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  SwChangesDialog *self = SW_CHANGES_DIALOG (widget);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *toast = NULL;

  if (self->notices == NULL || self->notices->len == 0)
    return;
  for (guint i = 0; i < self->notices->len; i++)
    {
      SwChangeNotice *notice = g_ptr_array_index (self->notices, i);

      g_string_append_printf (text, "%s%s\n", i > 0 ? "\n" : "", notice->text);
    }
  toast = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u notice copied", "%u notices copied",
                                        self->notices->len),
                           self->notices->len);
  copy_text (self, text->str, toast);
}

typedef struct
{
  SwChangesDialog *self;
  SwExportJob     *job;
  SwPerson        *person;
} Mail;

static void
mail_free (Mail *mail)
{
  g_object_unref (mail->self);
  g_object_unref (mail->job);
  g_object_unref (mail->person);
  g_free (mail);
}

static void
no_mail_program (SwChangesDialog *self,
                 const char      *why)
{
  g_debug ("No mail program: %s", why);
  adw_toast_overlay_add_toast (self->toast_overlay,
                               adw_toast_new (_("No e-mail program is set up here: copy the notice instead")));
}

static void
mail_opened (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Mail *mail = user_data;
  SwChangesDialog *self = mail->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *toast = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error))
    {
      if (self->store != NULL)
        no_mail_program (self, error->message);
      mail_free (mail);
      return;
    }
  /* Their file is on its way: they are told. */
  if (!sw_export_job_mark_received (mail->job, mail->person, &error))
    g_warning ("Could not save who received which calendar: %s", error->message);
  if (self->store != NULL)
    {
      toast = g_strdup_printf (_("A new e-mail to %s has the notice and the calendar"),
                               sw_person_get_name (mail->person));
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (toast));
      g_signal_emit (self, signals[SENT], 0);
    }
  mail_free (mail);
}

/* A mailto: address (RFC 6068) for @person with @subject, @body and the
 * file at @path attached (attach=, as xdg-email writes it: read by
 * Evolution, Thunderbird and Geary). */
static char *
mailto_uri (SwPerson   *person,
            const char *subject,
            const char *body,
            const char *path)
{
  g_autofree char *to = g_uri_escape_string (sw_person_get_email (person), "@", FALSE);
  g_autofree char *subject_part = g_uri_escape_string (subject, NULL, FALSE);
  g_autofree char *body_part = g_uri_escape_string (body, NULL, FALSE);
  g_autofree char *attach_part = g_uri_escape_string (path, "/", FALSE);

  return g_strdup_printf ("mailto:%s?subject=%s&body=%s&attach=%s", to, subject_part, body_part, attach_part);
}

/* The desktop's mail program (the mailto: handler, through the portal in
 * a sandbox), with the notice as the body and the person's own calendar
 * file attached. */
static void
mail_clicked (GtkButton       *button,
              SwChangesDialog *self)
{
  SwChangeNotice *notice = g_object_get_data (G_OBJECT (button), "sw-notice");
  g_autoptr(SwExportJob) job = sw_export_job_new (sw_store_get_organisation (self->store), self->plan,
                                                  self->store, SW_ICS_SCOPE_PERSON, FALSE, -1);
  g_autofree char *folder = g_build_filename (g_get_user_cache_dir (), "servweek", "mail", NULL);
  g_autoptr(GAppLaunchContext) context = NULL;
  g_autofree char *path = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *uri = NULL;
  g_autoptr(GError) error = NULL;
  Mail *mail;

  path = sw_export_job_run_for_person (job, notice->person, folder, &error);
  if (path == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }
  /* Translators: the subject of a change notice e-mail; the plan's title */
  subject = g_strdup_printf (_("Your duties in %s have changed"), sw_plan_get_title (self->plan));
  uri = mailto_uri (notice->person, subject, notice->text, path);
  context = G_APP_LAUNCH_CONTEXT (gdk_display_get_app_launch_context (gtk_widget_get_display (GTK_WIDGET (self))));
  mail = g_new0 (Mail, 1);
  mail->self = g_object_ref (self);
  mail->job = g_steal_pointer (&job);
  mail->person = g_object_ref (notice->person);
  g_app_info_launch_default_for_uri_async (uri, context, NULL, mail_opened, mail);
}

/* The change slips, one per person, through the print dialog. */
static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  SwChangesDialog *self = SW_CHANGES_DIALOG (widget);

  sw_print_operation_run (GTK_WINDOW (self), self->store, self->plan, SW_SHEET_KIND_CHANGES);
}

static GtkWidget *
notice_row (SwChangesDialog *self,
            SwChangeNotice  *notice)
{
  SwDepartment *department = sw_person_get_department (notice->person);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *copy = gtk_button_new_from_icon_name ("edit-copy-symbolic");
  g_autofree char *title = NULL;
  g_autofree char *copy_label = NULL;

  if (department != NULL)
    title = g_strdup_printf (_("%s (%s)"), sw_person_get_name (notice->person), sw_department_get_name (department));
  else
    title = g_strdup (sw_person_get_name (notice->person));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), notice->text);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);

  copy_label = g_strdup_printf (_("Copy the notice to %s"), sw_person_get_name (notice->person));
  gtk_widget_set_valign (copy, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (copy, _("Copy Notice"));
  gtk_widget_add_css_class (copy, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (copy), GTK_ACCESSIBLE_PROPERTY_LABEL, copy_label, -1);
  g_object_set_data (G_OBJECT (copy), "sw-notice", notice);
  g_signal_connect_object (copy, "clicked", G_CALLBACK (copy_clicked), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), copy);

  if (*sw_person_get_email (notice->person) != '\0')
    {
      GtkWidget *mail = gtk_button_new_from_icon_name ("mail-send-symbolic");
      g_autofree char *mail_label = g_strdup_printf (_("Send the notice to %s by e-mail"),
                                                     sw_person_get_name (notice->person));

      gtk_widget_set_valign (mail, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (mail, _("Send by E-mail"));
      gtk_widget_add_css_class (mail, "flat");
      gtk_accessible_update_property (GTK_ACCESSIBLE (mail), GTK_ACCESSIBLE_PROPERTY_LABEL, mail_label, -1);
      g_object_set_data (G_OBJECT (mail), "sw-notice", notice);
      g_signal_connect_object (mail, "clicked", G_CALLBACK (mail_clicked), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), mail);
    }
  return row;
}

static void
sw_changes_dialog_constructed (GObject *object)
{
  SwChangesDialog *self = SW_CHANGES_DIALOG (object);
  g_autoptr(SwReceived) received = NULL;
  g_autoptr(GError) error = NULL;

  G_OBJECT_CLASS (sw_changes_dialog_parent_class)->constructed (object);

  received = sw_store_load_received (self->store, self->plan, &error);
  if (received == NULL)
    {
      adw_preferences_group_set_description (self->people_group, error->message);
      return;
    }
  self->notices = sw_change_notices (sw_store_get_organisation (self->store), self->plan, received, NULL);
  for (guint i = 0; i < self->notices->len; i++)
    adw_preferences_group_add (self->people_group, notice_row (self, g_ptr_array_index (self->notices, i)));
  if (self->notices->len == 0)
    adw_preferences_group_set_description (self->people_group,
                                           _("Everybody has the calendar of their duties as they are now."));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "changes.copy-all", self->notices->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "changes.print", self->notices->len > 0);
}

static void
sw_changes_dialog_dispose (GObject *object)
{
  SwChangesDialog *self = SW_CHANGES_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SW_TYPE_CHANGES_DIALOG);
  g_clear_pointer (&self->notices, g_ptr_array_unref);
  g_clear_object (&self->plan);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sw_changes_dialog_parent_class)->dispose (object);
}

static void
sw_changes_dialog_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SwChangesDialog *self = SW_CHANGES_DIALOG (object);

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
sw_changes_dialog_class_init (SwChangesDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sw_changes_dialog_constructed;
  object_class->dispose = sw_changes_dialog_dispose;
  object_class->set_property = sw_changes_dialog_set_property;

  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, SW_TYPE_PLAN,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SW_TYPE_STORE,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SENT] = g_signal_new ("sent", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/servweek/Planner/sw-changes-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SwChangesDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SwChangesDialog, people_group);
  gtk_widget_class_install_action (widget_class, "changes.copy-all", NULL, copy_all_action);
  gtk_widget_class_install_action (widget_class, "changes.print", NULL, print_action);
}

static void
sw_changes_dialog_init (SwChangesDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

SwChangesDialog *
sw_changes_dialog_new (GtkWindow *parent,
                       SwPlan    *plan,
                       SwStore   *store)
{
  g_return_val_if_fail (SW_IS_PLAN (plan), NULL);
  g_return_val_if_fail (SW_IS_STORE (store), NULL);

  return g_object_new (SW_TYPE_CHANGES_DIALOG, "transient-for", parent, "plan", plan, "store", store, NULL);
}
