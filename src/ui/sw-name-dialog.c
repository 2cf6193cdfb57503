/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sw-name-dialog.h"

typedef struct
{
  GObject        *owner;
  GtkEntry       *entry;
  SwNameCallback  callback;
  gpointer        data;
} NameRequest;

static void
name_request_free (gpointer  data,
                   GClosure *closure)
{
  NameRequest *request = data;

  g_clear_object (&request->owner);
  g_clear_object (&request->data);
  g_free (request);
}

static void
name_response (AdwMessageDialog *dialog,
               const char       *response,
               NameRequest      *request)
{
  if (g_str_equal (response, "ok"))
    {
      g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (request->entry))));

      if (name[0] != '\0')
        request->callback (request->owner, name, request->data);
    }

  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
name_entry_changed (GtkEditable      *entry,
                    AdwMessageDialog *dialog)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "ok", name[0] != '\0');
}

static GtkWindow *
owner_window (GtkWidget *owner)
{
  GtkRoot *root = owner != NULL ? gtk_widget_get_root (owner) : NULL;

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

void
sw_name_dialog_ask (GtkWidget      *owner,
                    const char     *heading,
                    const char     *ok_label,
                    const char     *initial,
                    SwNameCallback  callback,
                    gpointer        data)
{
  NameRequest *request;
  GtkWidget *dialog, *entry;

  g_return_if_fail (GTK_IS_WIDGET (owner));
  g_return_if_fail (heading != NULL && ok_label != NULL && callback != NULL);
  g_return_if_fail (data == NULL || G_IS_OBJECT (data));

  dialog = adw_message_dialog_new (owner_window (owner), heading, NULL);
  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), initial != NULL ? initial : "");
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, C_("thing", "Name"),
                                  -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "ok", ok_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "ok", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "ok");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (entry, "changed", G_CALLBACK (name_entry_changed), dialog);
  name_entry_changed (GTK_EDITABLE (entry), ADW_MESSAGE_DIALOG (dialog));

  request = g_new0 (NameRequest, 1);
  request->owner = g_object_ref (G_OBJECT (owner));
  request->entry = GTK_ENTRY (entry);
  request->callback = callback;
  request->data = data != NULL ? g_object_ref (data) : NULL;
  g_signal_connect_data (dialog, "response", G_CALLBACK (name_response), request,
                         name_request_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
message_response (AdwMessageDialog *dialog,
                  const char       *response,
                  gpointer          user_data)
{
  gtk_window_destroy (GTK_WINDOW (dialog));
}

void
sw_name_dialog_message (GtkWidget  *owner,
                        const char *heading,
                        const char *body)
{
  GtkWidget *dialog;

  g_return_if_fail (heading != NULL);

  dialog = adw_message_dialog_new (owner_window (owner), heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  g_signal_connect (dialog, "response", G_CALLBACK (message_response), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}
