/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <adwaita.h>

#include "sw-accessible.h"
#include "sw-problem-row.h"
#include "sw-rulebook.h"
#include "sw-schedule-view.h"

struct _SwProblemRow
{
  GtkWidget       parent_instance;

  SwOrganisation *organisation;
  SwPlan         *plan;
  SwProblem      *problem;

  GtkWidget      *icon;
  GtkWidget      *label;
  GtkWidget      *button;
  char           *row_label;
};

G_DEFINE_FINAL_TYPE (SwProblemRow, sw_problem_row, GTK_TYPE_WIDGET)

static const char *
kind_icon (SwProblemKind kind)
{
  switch (kind)
    {
    case SW_PROBLEM_UNFILLED_DUTY:
      return "system-users-symbolic";
    case SW_PROBLEM_DOUBLE_BOOKING:
      return "view-dual-symbolic";
    case SW_PROBLEM_UNAVAILABLE:
      return "action-unavailable-symbolic";
    case SW_PROBLEM_WRONG_DEPARTMENT:
      return "dialog-question-symbolic";
    case SW_PROBLEM_OVERDUE_TASK:
      return "alarm-symbolic";
    case SW_PROBLEM_OUTSIDE_PLAN:
      return "x-office-calendar-symbolic";
    case SW_PROBLEM_TRAVEL_TIME:
      return "mark-location-symbolic";
    case SW_PROBLEM_MISSING_SKILL:
      return "emblem-important-symbolic";
    case SW_PROBLEM_TOO_MANY_HOURS:
    case SW_PROBLEM_TOO_MANY_DUTIES:
      return "appointment-soon-symbolic";
    default:
      return "dialog-warning-symbolic";
    }
}

static GtkWindow *
row_window (SwProblemRow *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
accept_response (AdwMessageDialog *dialog,
                 const char       *response,
                 gpointer          user_data)
{
  SwOrganisation *organisation = g_object_get_data (G_OBJECT (dialog), "sw-organisation");
  SwPlan *plan = g_object_get_data (G_OBJECT (dialog), "sw-plan");
  SwProblem *problem = g_object_get_data (G_OBJECT (dialog), "sw-problem");
  GtkEditable *note = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_autoptr(SwAcceptance) acceptance = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (g_strcmp0 (response, "accept") != 0)
    return;

  text = g_strstrip (g_strdup (gtk_editable_get_text (note)));
  acceptance = sw_acceptance_new (sw_problem_get_kind (problem), sw_problem_get_person (problem),
                                  sw_problem_get_slot (problem), sw_problem_get_situation (problem),
                                  text);
  if (!sw_edit_add (organisation, plan, "accepted", acceptance, &error))
    {
      /* The question is closing: say it over the window it asked over. */
      GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (dialog));

      sw_schedule_view_show_error (parent != NULL ? GTK_WIDGET (parent) : GTK_WIDGET (dialog),
                                   _("Could Not Change the Problem"), error);
    }
}

static void
ask_to_accept (SwProblemRow *self)
{
  GtkWindow *parent = row_window (self);
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_POPOVER);
  GtkWidget *dialog, *entry;

  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));

  dialog = adw_message_dialog_new (parent, _("Accept This Problem?"),
                                   sw_problem_get_message (self->problem));
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Why (optional)"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Note on the accepted problem"),
                                  -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "accept", _("_Accept"),
                                    NULL);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "accept");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "accept",
                                              ADW_RESPONSE_SUGGESTED);
  g_object_set_data_full (G_OBJECT (dialog), "sw-organisation",
                          g_object_ref (self->organisation), g_object_unref);
  g_object_set_data_full (G_OBJECT (dialog), "sw-plan", g_object_ref (self->plan), g_object_unref);
  g_object_set_data_full (G_OBJECT (dialog), "sw-problem", g_object_ref (self->problem), g_object_unref);
  g_signal_connect (dialog, "response", G_CALLBACK (accept_response), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
button_clicked (SwProblemRow *self)
{
  SwAcceptance *acceptance;
  g_autoptr(GError) error = NULL;

  if (self->problem == NULL || self->organisation == NULL || self->plan == NULL)
    return;

  acceptance = sw_problem_get_acceptance (self->problem);
  if (acceptance == NULL)
    ask_to_accept (self);
  else if (!sw_edit_remove (self->organisation, self->plan, "accepted", acceptance, &error))
    sw_schedule_view_show_error (GTK_WIDGET (self), _("Could Not Change the Problem"), error);
}

/* The list row around this one is what takes the focus: it reads the
 * problem.  A list box wraps the row after it is bound. */
static void
label_row (SwProblemRow *self)
{
  if (self->row_label != NULL && gtk_widget_get_parent (GTK_WIDGET (self)) != NULL)
    sw_accessible_label_row (GTK_WIDGET (self), self->row_label);
}

GtkWidget *
sw_problem_row_new (void)
{
  return g_object_new (SW_TYPE_PROBLEM_ROW, NULL);
}

void
sw_problem_row_bind (SwProblemRow   *self,
                     SwOrganisation *organisation,
                     SwPlan         *plan,
                     SwProblem      *problem)
{
  SwAcceptance *acceptance;
  gboolean editable;
  g_autofree char *text = NULL;
  g_autofree char *accessible = NULL;

  g_return_if_fail (SW_IS_PROBLEM_ROW (self));
  g_return_if_fail (SW_IS_PROBLEM (problem));

  g_set_object (&self->organisation, organisation);
  g_set_object (&self->plan, plan);
  g_set_object (&self->problem, problem);

  acceptance = sw_problem_get_acceptance (problem);
  editable = organisation != NULL && plan != NULL && !sw_organisation_get_read_only (organisation);

  gtk_image_set_from_icon_name (GTK_IMAGE (self->icon), kind_icon (sw_problem_get_kind (problem)));
  if (acceptance == NULL)
    text = g_strdup (sw_problem_get_message (problem));
  else if (sw_acceptance_get_note (acceptance)[0] != '\0')
    /* TRANSLATORS: a problem the coordinator accepted, with their note */
    text = g_strdup_printf (_("Accepted: %s (%s)"), sw_problem_get_message (problem),
                            sw_acceptance_get_note (acceptance));
  else
    text = g_strdup_printf (_("Accepted: %s"), sw_problem_get_message (problem));
  gtk_label_set_label (GTK_LABEL (self->label), text);
  if (acceptance != NULL)
    gtk_widget_add_css_class (self->label, "dim-label");
  else
    gtk_widget_remove_css_class (self->label, "dim-label");

  gtk_widget_set_visible (self->button, editable && sw_rulebook_kind_is_personal (sw_problem_get_kind (problem)));
  gtk_button_set_label (GTK_BUTTON (self->button), acceptance != NULL ? _("Stop Accepting") : _("Accept…"));
  accessible = g_strdup_printf (acceptance != NULL ? _("Stop accepting: %s") : _("Accept: %s"),
                                sw_problem_get_message (problem));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);

  g_free (self->row_label);
  self->row_label = g_steal_pointer (&text);
  label_row (self);
}

static void
sw_problem_row_dispose (GObject *object)
{
  SwProblemRow *self = SW_PROBLEM_ROW (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->problem);
  g_clear_pointer (&self->row_label, g_free);
  g_clear_object (&self->plan);
  g_clear_object (&self->organisation);

  G_OBJECT_CLASS (sw_problem_row_parent_class)->dispose (object);
}

static void
sw_problem_row_class_init (SwProblemRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sw_problem_row_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "problemrow");
}

static void
sw_problem_row_init (SwProblemRow *self)
{
  GtkBoxLayout *layout = GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self)));

  gtk_box_layout_set_spacing (layout, 10);
  g_signal_connect (self, "notify::parent", G_CALLBACK (label_row), NULL);
  gtk_widget_set_margin_top (GTK_WIDGET (self), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self), 6);
  gtk_widget_set_margin_start (GTK_WIDGET (self), 6);
  gtk_widget_set_margin_end (GTK_WIDGET (self), 6);

  self->icon = gtk_image_new ();
  gtk_widget_set_valign (self->icon, GTK_ALIGN_START);
  gtk_widget_add_css_class (self->icon, "dim-label");
  gtk_widget_set_parent (self->icon, GTK_WIDGET (self));

  self->label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->label), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (self->label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (self->label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (self->label), 48);
  gtk_label_set_width_chars (GTK_LABEL (self->label), 12);
  gtk_widget_set_hexpand (self->label, TRUE);
  gtk_widget_set_parent (self->label, GTK_WIDGET (self));

  self->button = gtk_button_new ();
  gtk_widget_set_valign (self->button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->button, "flat");
  gtk_widget_set_visible (self->button, FALSE);
  g_signal_connect_object (self->button, "clicked", G_CALLBACK (button_clicked), self, G_CONNECT_SWAPPED);
  gtk_widget_set_parent (self->button, GTK_WIDGET (self));
}
