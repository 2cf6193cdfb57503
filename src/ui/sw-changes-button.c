/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sw-changes-button.h"

/* Edits come in bursts (a drag, an auto-fill): counted once they pause. */
#define RECOUNT_DELAY_MS 300

struct _SwChangesButton
{
  GtkButton    parent_instance;

  SwStore     *store;
  SwPlan      *plan;
  SwReceived  *received;
  SwUndoStack *stack;       /* of the organisation when the plan was set */
  gulong       changed_id;
  guint        recount_id;
  guint        count;
};

G_DEFINE_FINAL_TYPE (SwChangesButton, sw_changes_button, GTK_TYPE_BUTTON)

static void
recount (SwChangesButton *self)
{
  g_autoptr(GPtrArray) notices = NULL;
  g_autofree char *label = NULL;
  g_autofree char *tooltip = NULL;

  self->count = 0;
  if (self->plan != NULL && self->received != NULL)
    {
      notices = sw_change_notices (sw_store_get_organisation (self->store), self->plan, self->received, NULL);
      self->count = notices->len;
    }
  gtk_widget_set_visible (GTK_WIDGET (self), self->count > 0);
  if (self->count == 0)
    {
      gtk_button_set_label (GTK_BUTTON (self), "");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self), NULL);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Nobody has changes to be sent"), -1);
      return;
    }
  /* Translators: the header button; people with changes not yet sent */
  label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u to Tell", "%u to Tell", self->count), self->count);
  tooltip = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person has changes not yet sent",
                                          "%u people have changes not yet sent", self->count),
                             self->count);
  gtk_button_set_label (GTK_BUTTON (self), label);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
}

static gboolean
recount_now (gpointer data)
{
  SwChangesButton *self = data;

  self->recount_id = 0;
  recount (self);
  return G_SOURCE_REMOVE;
}

static void
stack_changed (SwChangesButton *self)
{
  if (self->recount_id == 0)
    self->recount_id = g_timeout_add (RECOUNT_DELAY_MS, recount_now, self);
}

void
sw_changes_button_reload (SwChangesButton *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (SW_IS_CHANGES_BUTTON (self));

  g_clear_object (&self->received);
  if (self->store != NULL && self->plan != NULL)
    {
      self->received = sw_store_load_received (self->store, self->plan, &error);
      if (self->received == NULL)
        g_warning ("Could not read who received which calendar: %s", error->message);
    }
  recount (self);
}

static void
disconnect (SwChangesButton *self)
{
  g_clear_handle_id (&self->recount_id, g_source_remove);
  if (self->changed_id != 0)
    g_clear_signal_handler (&self->changed_id, self->stack);
  g_clear_object (&self->stack);
}

void
sw_changes_button_set_plan (SwChangesButton *self,
                            SwStore         *store,
                            SwPlan          *plan)
{
  g_return_if_fail (SW_IS_CHANGES_BUTTON (self));
  g_return_if_fail (store == NULL || SW_IS_STORE (store));
  g_return_if_fail (plan == NULL || SW_IS_PLAN (plan));

  disconnect (self);
  g_set_object (&self->store, store);
  if (store == NULL)
    plan = NULL;
  g_set_object (&self->plan, plan);
  if (self->store != NULL)
    {
      self->stack = g_object_ref (sw_organisation_get_undo_stack (sw_store_get_organisation (store)));
      self->changed_id = g_signal_connect_swapped (self->stack, "changed", G_CALLBACK (stack_changed), self);
    }
  sw_changes_button_reload (self);
}

guint
sw_changes_button_get_count (SwChangesButton *self)
{
  g_return_val_if_fail (SW_IS_CHANGES_BUTTON (self), 0);

  return self->count;
}

static void
sw_changes_button_dispose (GObject *object)
{
  SwChangesButton *self = SW_CHANGES_BUTTON (object);

  disconnect (self);
  g_clear_object (&self->received);
  g_clear_object (&self->plan);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sw_changes_button_parent_class)->dispose (object);
}

static void
sw_changes_button_class_init (SwChangesButtonClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = sw_changes_button_dispose;
}

static void
sw_changes_button_init (SwChangesButton *self)
{
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self), "win.show-changes");
  gtk_widget_add_css_class (GTK_WIDGET (self), "suggested-action");
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
sw_changes_button_new (void)
{
  return g_object_new (SW_TYPE_CHANGES_BUTTON, NULL);
}
