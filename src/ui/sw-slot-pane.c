/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "sw-accessible.h"
#include "sw-assign-picker.h"
#include "sw-assignee-row.h"
#include "sw-date-time.h"
#include "sw-duty-row.h"
#include "sw-problem-row.h"
#include "sw-schedule-view.h"
#include "sw-slot-card.h"
#include "sw-slot-pane.h"
#include "sw-ui-format.h"
#include "sw-visit-target-row.h"

struct _SwSlotPane
{
  GtkWidget          parent_instance;

  SwOrganisation    *organisation;
  SwPlan            *plan;
  SwSlot            *slot;
  GSignalGroup      *stack_signals;
  guint              refresh_idle;

  gboolean           updating;       /* filling fields from the model */
  char              *kind_class;
  GtkCustomFilter   *attendee_filter; /* assignments without a duty */
  GtkFilterListModel *attendees;
  GtkCustomFilter   *problem_filter; /* the problems of self->slot */
  GtkFilterListModel *slot_problems;

  /* template children */
  GtkWidget         *box;
  GtkWidget         *scroller;
  GtkWidget         *autofill_slot_button;
  GtkWidget         *autofill_day_button;
  GtkWidget         *print_signin_button;
  GtkWidget         *kind_strip;
  GtkLabel          *heading_label;
  AdwEntryRow       *title_row;
  AdwComboRow       *kind_row;
  SwDateTime        *start_time;
  SwDateTime        *end_time;
  AdwEntryRow       *location_row;
  GtkFlowBox        *organisers_box;
  GtkWidget         *no_organisers_label;
  GtkPopover        *organiser_popover;
  GtkListBox        *organiser_choices;
  GtkTextView       *description_view;
  AdwPreferencesGroup *duties_group;
  AdwPreferencesGroup *attendees_group;
  GtkMenuButton     *add_attendee_button;
  AdwPreferencesGroup *targets_group;
  GtkListBox        *duties_list;
  GtkListBox        *attendees_list;
  GtkListBox        *targets_list;
  AdwPreferencesGroup *problems_group;
  GtkListBox        *problems_list;
};

G_DEFINE_FINAL_TYPE (SwSlotPane, sw_slot_pane, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ORGANISATION,
  PROP_PLAN,
  PROP_SLOT,
  N_PROPS
};

enum {
  SIGNAL_CLOSE_REQUESTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static SwUndoStack *
pane_stack (SwSlotPane *self)
{
  return sw_organisation_get_undo_stack (self->organisation);
}

static gboolean
refresh_idle_cb (gpointer user_data)
{
  SwSlotPane *self = user_data;

  self->refresh_idle = 0;
  sw_slot_pane_refresh (self);
  return G_SOURCE_REMOVE;
}

/* Rows may be rebuilt by a change their own handler made: never while
 * that handler runs. */
static void
queue_refresh (SwSlotPane *self)
{
  if (self->refresh_idle == 0)
    self->refresh_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, refresh_idle_cb, self, NULL);
}

static void
report (SwSlotPane   *self,
        const char   *heading,
        const GError *error)
{
  sw_schedule_view_show_error (GTK_WIDGET (self), heading, error);
  queue_refresh (self);
}

/* Commits one property of @object as one undo step. */
static void
commit_string (SwSlotPane *self,
               gpointer    object,
               const char *property,
               const char *value)
{
  if (self->updating || self->organisation == NULL)
    return;

  sw_schedule_view_commit_string (GTK_WIDGET (self), self->organisation, object, property, value,
                                  _("Could Not Change the Slot"));
}

static void
move_slot (SwSlotPane *self,
           gint64      start,
           gint64      end)
{
  g_autoptr(GError) error = NULL;

  if (self->updating || self->slot == NULL)
    return;
  if (start == sw_slot_get_start (self->slot) && end == sw_slot_get_end (self->slot))
    return;

  if (!sw_edit_move_slot (self->organisation, self->slot, start, end, &error))
    report (self, _("Could Not Move the Slot"), error);
}

/* Moving the start keeps the length. */
static void
start_committed (SwSlotPane *self,
                 SwDateTime *control)
{
  gint64 start = sw_date_time_get_time (control);

  if (self->slot != NULL)
    move_slot (self, start, start + sw_slot_get_end (self->slot) - sw_slot_get_start (self->slot));
}

static void
end_committed (SwSlotPane *self,
               SwDateTime *control)
{
  if (self->slot != NULL)
    move_slot (self, sw_slot_get_start (self->slot), sw_date_time_get_time (control));
}

static void
title_apply (SwSlotPane  *self,
             AdwEntryRow *row)
{
  if (self->slot != NULL)
    commit_string (self, self->slot, "title", gtk_editable_get_text (GTK_EDITABLE (row)));
}

static void
location_apply (SwSlotPane  *self,
                AdwEntryRow *row)
{
  if (self->slot != NULL)
    commit_string (self, self->slot, "location", gtk_editable_get_text (GTK_EDITABLE (row)));
}

static void
kind_selected (SwSlotPane  *self,
               GParamSpec  *pspec,
               AdwComboRow *row)
{
  g_autoptr(GError) error = NULL;
  guint selected = adw_combo_row_get_selected (row);

  if (self->updating || self->slot == NULL || selected >= SW_N_SLOT_KINDS)
    return;
  if ((SwSlotKind) selected == sw_slot_get_kind (self->slot))
    return;

  if (!sw_undo_stack_set (pane_stack (self), &error, self->slot, "kind", (SwSlotKind) selected))
    report (self, _("Could Not Change the Slot"), error);
}

static void
description_leave (SwSlotPane              *self,
                   GtkEventControllerFocus *focus)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->description_view);
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  if (self->slot == NULL)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  commit_string (self, self->slot, "description", text);
}

static void
close_clicked (SwSlotPane *self,
               GtkButton  *button)
{
  /* Typing not yet applied is kept, not dropped with the pane. */
  if (gtk_widget_has_focus (GTK_WIDGET (self->description_view)))
    description_leave (self, NULL);
  sw_schedule_view_flush_entries (GTK_WIDGET (self));
  g_signal_emit (self, signals[SIGNAL_CLOSE_REQUESTED], 0);
}

static void
delete_clicked (SwSlotPane *self,
                GtkButton  *button)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SwSlot) slot = NULL;

  if (self->slot == NULL || self->plan == NULL)
    return;

  slot = g_object_ref (self->slot);
  if (!sw_edit_delete_slot (self->organisation, self->plan, slot, &error))
    {
      report (self, _("Could Not Delete the Slot"), error);
      return;
    }
  g_signal_emit (self, signals[SIGNAL_CLOSE_REQUESTED], 0);
}

/* Organising departments */

static void
remove_organiser_clicked (GtkButton  *button,
                          SwSlotPane *self)
{
  SwDepartment *department = g_object_get_data (G_OBJECT (button), "sw-department");
  g_autoptr(GError) error = NULL;

  if (!sw_edit_remove (self->organisation, self->slot, "organisers", department, &error))
    report (self, _("Could Not Change the Slot"), error);
}

static void
organiser_popover_show (SwSlotPane *self,
                        GtkPopover *popover)
{
  GListModel *departments;
  GtkWidget *child;
  guint n;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->organiser_choices))) != NULL)
    gtk_list_box_remove (self->organiser_choices, child);

  if (self->organisation == NULL || self->slot == NULL)
    return;

  departments = sw_organisation_get_departments (self->organisation);
  n = g_list_model_get_n_items (departments);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwDepartment) department = g_list_model_get_item (departments, i);
      GtkWidget *row, *label;

      if (sw_list_model_find (sw_slot_get_organisers (self->slot), department, NULL))
        continue;

      label = gtk_label_new (sw_department_get_name (department));
      gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
      row = gtk_list_box_row_new ();
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
      g_object_set_data_full (G_OBJECT (row), "sw-department", g_object_ref (department), g_object_unref);
      gtk_list_box_append (self->organiser_choices, row);
    }
}

static void
organiser_chosen (SwSlotPane    *self,
                  GtkListBoxRow *row,
                  GtkListBox    *box)
{
  SwDepartment *department = g_object_get_data (G_OBJECT (row), "sw-department");
  g_autoptr(GError) error = NULL;

  gtk_popover_popdown (self->organiser_popover);
  if (department == NULL || self->slot == NULL)
    return;

  if (!sw_edit_add (self->organisation, self->slot, "organisers", department, &error))
    report (self, _("Could Not Change the Slot"), error);
}

static void
fill_organisers (SwSlotPane *self)
{
  GListModel *organisers = sw_slot_get_organisers (self->slot);
  guint n = g_list_model_get_n_items (organisers);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->organisers_box))) != NULL)
    gtk_flow_box_remove (self->organisers_box, child);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwDepartment) department = g_list_model_get_item (organisers, i);
      GtkWidget *chip = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);
      GtkWidget *label = gtk_label_new (sw_department_get_name (department));
      GtkWidget *remove = gtk_button_new_from_icon_name ("window-close-symbolic");
      g_autofree char *remove_label = NULL;

      gtk_widget_add_css_class (chip, "chip");
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_add_css_class (remove, "circular");
      /* Translators: removes an organising department from a slot */
      remove_label = g_strdup_printf (_("Remove %s"), sw_department_get_name (department));
      gtk_widget_set_tooltip_text (remove, remove_label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
      g_object_set_data_full (G_OBJECT (remove), "sw-department", g_object_ref (department), g_object_unref);
      g_signal_connect_object (remove, "clicked", G_CALLBACK (remove_organiser_clicked), self, 0);

      gtk_box_append (GTK_BOX (chip), label);
      gtk_box_append (GTK_BOX (chip), remove);
      gtk_flow_box_append (self->organisers_box, chip);
      /* Translators: an organising department of a slot, for screen readers */
      remove_label = (g_free (remove_label), g_strdup_printf (_("Organising department %s"),
                                                              sw_department_get_name (department)));
      gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (chip)),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->organisers_box), n > 0);
  gtk_widget_set_visible (self->no_organisers_label, n == 0);
}

static void
add_duty_clicked (SwSlotPane *self,
                  GtkButton  *button)
{
  g_autoptr(SwDuty) duty = NULL;
  g_autoptr(GError) error = NULL;

  if (self->slot == NULL)
    return;

  duty = sw_duty_new (_("New Duty"), 1, NULL);
  if (!sw_edit_add (self->organisation, self->slot, "duties", duty, &error))
    report (self, _("Could Not Add the Duty"), error);
}

static void
add_target_clicked (SwSlotPane *self,
                    GtkButton  *button)
{
  g_autoptr(SwVisitTarget) target = NULL;
  g_autoptr(GError) error = NULL;

  if (self->slot == NULL)
    return;

  target = sw_visit_target_new (_("New Visit Target"));
  if (!sw_edit_add (self->organisation, self->slot, "visit-targets", target, &error))
    report (self, _("Could Not Add the Visit Target"), error);
}

/* Duties, attendees and visit targets: list boxes bound to the slot's
 * lists, one row widget per item. */

static GtkWidget *
duty_row_new (gpointer item,
              gpointer user_data)
{
  SwSlotPane *self = user_data;

  return sw_duty_row_new (self->organisation, self->plan, self->slot, item);
}

static GtkWidget *
attendee_row_new (gpointer item,
                  gpointer user_data)
{
  SwSlotPane *self = user_data;

  return sw_assignee_row_new (self->organisation, self->slot, sw_assignment_get_person (item), NULL);
}

static GtkWidget *
target_row_new (gpointer item,
                gpointer user_data)
{
  SwSlotPane *self = user_data;

  return sw_visit_target_row_new (self->organisation, self->slot, item);
}

static gboolean
is_attendee (gpointer item,
             gpointer user_data)
{
  return sw_assignment_get_duty (item) == NULL;
}

/* What depends on how many duties, attendees and targets there are. */
static void
update_groups (SwSlotPane *self)
{
  guint n_duties = 0, n_attendees = 0, n_targets = 0;

  if (self->slot != NULL)
    {
      n_duties = g_list_model_get_n_items (sw_slot_get_duties (self->slot));
      n_attendees = g_list_model_get_n_items (G_LIST_MODEL (self->attendees));
      n_targets = g_list_model_get_n_items (sw_slot_get_visit_targets (self->slot));
    }

  adw_preferences_group_set_description (self->duties_group,
                                         self->slot != NULL && n_duties == 0
                                           ? _("Add a duty for each task people do here") : NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->duties_list), n_duties > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->attendees_list), n_attendees > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->targets_list), n_targets > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->targets_group),
                          n_targets > 0 ||
                          (self->slot != NULL && sw_slot_get_kind (self->slot) == SW_SLOT_KIND_VISIT));
}

static void
unbind_lists (SwSlotPane *self)
{
  if (self->slot == NULL)
    return;

  g_signal_handlers_disconnect_by_data (sw_slot_get_duties (self->slot), self);
  g_signal_handlers_disconnect_by_data (sw_slot_get_visit_targets (self->slot), self);
  gtk_list_box_bind_model (self->duties_list, NULL, NULL, NULL, NULL);
  gtk_list_box_bind_model (self->attendees_list, NULL, NULL, NULL, NULL);
  gtk_list_box_bind_model (self->targets_list, NULL, NULL, NULL, NULL);
  gtk_filter_list_model_set_model (self->attendees, NULL);
}

/* Binds the lists to the pane's slot (or to nothing). */
static void
bind_lists (SwSlotPane *self)
{
  gboolean ready = self->slot != NULL && self->organisation != NULL && self->plan != NULL;

  unbind_lists (self);
  gtk_filter_list_model_set_model (self->attendees, ready ? sw_slot_get_assignments (self->slot) : NULL);
  gtk_list_box_bind_model (self->duties_list, ready ? sw_slot_get_duties (self->slot) : NULL,
                           duty_row_new, self, NULL);
  gtk_list_box_bind_model (self->attendees_list, ready ? G_LIST_MODEL (self->attendees) : NULL,
                           attendee_row_new, self, NULL);
  gtk_list_box_bind_model (self->targets_list, ready ? sw_slot_get_visit_targets (self->slot) : NULL,
                           target_row_new, self, NULL);
  gtk_menu_button_set_popover (self->add_attendee_button,
                               ready ? sw_assign_picker_new (self->organisation, self->plan, self->slot, NULL)
                                     : NULL);
  if (gtk_widget_get_first_child (GTK_WIDGET (self->add_attendee_button)) != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_first_child (GTK_WIDGET (self->add_attendee_button))),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, _("Add Attendee"), -1);

  if (ready)
    {
      g_signal_connect_object (sw_slot_get_duties (self->slot), "items-changed",
                               G_CALLBACK (update_groups), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (sw_slot_get_visit_targets (self->slot), "items-changed",
                               G_CALLBACK (update_groups), self, G_CONNECT_SWAPPED);
    }
  update_groups (self);
}

void
sw_slot_pane_refresh (SwSlotPane *self)
{
  g_autofree char *kind_class = NULL;
  GtkTextBuffer *buffer;
  gint64 start, end;

  g_return_if_fail (SW_IS_SLOT_PANE (self));

  g_clear_handle_id (&self->refresh_idle, g_source_remove);

  /* A read-only database: everything shown, nothing editable (the pane
   * still scrolls). */
  gtk_widget_set_sensitive (gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (self->scroller)),
                            self->organisation == NULL || !sw_organisation_get_read_only (self->organisation));

  if (self->slot == NULL || self->organisation == NULL)
    return;

  self->updating = TRUE;

  start = sw_slot_get_start (self->slot);
  /* An end at midnight shows as 00:00 of the next day. */
  end = sw_slot_get_end (self->slot);

  gtk_label_set_text (self->heading_label, sw_slot_get_title (self->slot));
  sw_schedule_view_set_entry_text (GTK_EDITABLE (self->title_row), sw_slot_get_title (self->slot));
  sw_schedule_view_set_entry_text (GTK_EDITABLE (self->location_row), sw_slot_get_location (self->slot));
  adw_combo_row_set_selected (self->kind_row, sw_slot_get_kind (self->slot));

  kind_class = sw_slot_card_kind_class (sw_slot_get_kind (self->slot));
  if (self->kind_class != NULL)
    gtk_widget_remove_css_class (self->kind_strip, self->kind_class);
  gtk_widget_add_css_class (self->kind_strip, kind_class);
  g_free (self->kind_class);
  self->kind_class = g_steal_pointer (&kind_class);

  sw_date_time_set_time (self->start_time, start);
  sw_date_time_set_time (self->end_time, end);

  buffer = gtk_text_view_get_buffer (self->description_view);
  if (!gtk_widget_has_focus (GTK_WIDGET (self->description_view)))
    {
      GtkTextIter a, b;
      g_autofree char *text = NULL;

      gtk_text_buffer_get_bounds (buffer, &a, &b);
      text = gtk_text_buffer_get_text (buffer, &a, &b, FALSE);
      if (g_strcmp0 (text, sw_slot_get_description (self->slot)) != 0)
        gtk_text_buffer_set_text (buffer, sw_slot_get_description (self->slot), -1);
    }

  fill_organisers (self);
  update_groups (self);

  self->updating = FALSE;
}

static void
stack_changed (SwSlotPane  *self,
               SwCommand   *command,
               gboolean     reverting,
               SwUndoStack *stack)
{
  queue_refresh (self);
}

/* Public */

/* The Problems group lists the problems of the pane's slot (a double
 * booking or a short journey on either of its slots), from the window's
 * problem list; it hides when there are none. */
static gboolean
problem_of_slot (gpointer item,
                 gpointer user_data)
{
  SwSlotPane *self = user_data;

  return self->slot != NULL && (sw_problem_get_slot (item) == self->slot ||
                                sw_problem_get_other_slot (item) == self->slot);
}

static void
slot_problems_changed (SwSlotPane *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->problems_group),
                          g_list_model_get_n_items (G_LIST_MODEL (self->slot_problems)) > 0);
}

static GtkWidget *
problem_row_new (gpointer item,
                 gpointer user_data)
{
  SwSlotPane *self = user_data;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *child = sw_problem_row_new ();

  sw_problem_row_bind (SW_PROBLEM_ROW (child), self->organisation, self->plan, item);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), child);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

GtkWidget *
sw_slot_pane_new (void)
{
  return g_object_new (SW_TYPE_SLOT_PANE, NULL);
}

SwSlot *
sw_slot_pane_get_slot (SwSlotPane *self)
{
  g_return_val_if_fail (SW_IS_SLOT_PANE (self), NULL);

  return self->slot;
}

void
sw_slot_pane_set_slot (SwSlotPane *self,
                       SwSlot     *slot)
{
  g_return_if_fail (SW_IS_SLOT_PANE (self));
  g_return_if_fail (slot == NULL || SW_IS_SLOT (slot));

  if (self->slot == slot)
    return;

  /* A description or time typed but not yet committed goes to its own
   * slot. */
  if (self->slot != NULL && gtk_widget_has_focus (GTK_WIDGET (self->description_view)))
    description_leave (self, NULL);
  if (self->slot != NULL)
    {
      sw_schedule_view_flush_entries (GTK_WIDGET (self));
      sw_date_time_commit (self->start_time);
      sw_date_time_commit (self->end_time);
    }

  unbind_lists (self);
  g_set_object (&self->slot, slot);
  bind_lists (self);
  gtk_filter_changed (GTK_FILTER (self->problem_filter), GTK_FILTER_CHANGE_DIFFERENT);

  /* Fields of the new slot start from its values, not the old typing. */
  self->updating = TRUE;
  sw_schedule_view_reset_entry (self->title_row, slot != NULL ? sw_slot_get_title (slot) : "");
  sw_schedule_view_reset_entry (self->location_row, slot != NULL ? sw_slot_get_location (slot) : "");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->description_view),
                            slot != NULL ? sw_slot_get_description (slot) : "", -1);
  if (slot != NULL)
    {
      sw_date_time_reset (self->start_time, sw_slot_get_start (slot));
      sw_date_time_reset (self->end_time, sw_slot_get_end (slot));
    }
  self->updating = FALSE;

  /* The scoped auto-fill buttons and the sign-in sheet name the slot by
   * UID, and its day. */
  if (slot != NULL)
    {
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->print_signin_button),
                                              g_variant_new_string (sw_slot_get_uid (slot)));
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->autofill_slot_button),
                                              g_variant_new_string (sw_slot_get_uid (slot)));
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->autofill_day_button),
                                              g_variant_new_int32 (sw_time_day_of (sw_slot_get_start (slot))));
      /* The name after the target: GTK warns about a named action whose
       * target does not match its parameter type yet. */
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->autofill_slot_button), "win.autofill-slot");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->autofill_day_button), "win.autofill-day");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->print_signin_button), "win.print-signin");
    }

  sw_slot_pane_refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SLOT]);
}

static GtkMenuButton *
find_assign_button (GtkWidget *widget,
                    SwDuty    *duty)
{
  if (GTK_IS_MENU_BUTTON (widget) && gtk_widget_has_css_class (widget, "assign-button"))
    {
      g_autoptr(SwDuty) shown = NULL;
      GtkPopover *picker = gtk_menu_button_get_popover (GTK_MENU_BUTTON (widget));

      g_object_get (picker, "duty", &shown, NULL);
      if (shown == duty)
        return GTK_MENU_BUTTON (widget);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkMenuButton *found = find_assign_button (child, duty);

      if (found != NULL)
        return found;
    }
  return NULL;
}

gboolean
sw_slot_pane_popup_assign (SwSlotPane *self,
                           SwDuty     *duty)
{
  GtkMenuButton *button;

  g_return_val_if_fail (SW_IS_SLOT_PANE (self), FALSE);
  g_return_val_if_fail (SW_IS_DUTY (duty), FALSE);

  if (self->refresh_idle != 0)
    sw_slot_pane_refresh (self);
  button = find_assign_button (GTK_WIDGET (self), duty);
  if (button == NULL)
    return FALSE;
  gtk_menu_button_popup (button);
  return TRUE;
}

void
sw_slot_pane_set_organisation (SwSlotPane     *self,
                               SwOrganisation *organisation)
{
  g_return_if_fail (SW_IS_SLOT_PANE (self));

  if (!g_set_object (&self->organisation, organisation))
    return;

  g_signal_group_set_target (self->stack_signals,
                             organisation != NULL ? sw_organisation_get_undo_stack (organisation) : NULL);
  bind_lists (self);
  sw_slot_pane_refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORGANISATION]);
}

void
sw_slot_pane_set_plan (SwSlotPane *self,
                       SwPlan     *plan)
{
  g_return_if_fail (SW_IS_SLOT_PANE (self));

  if (!g_set_object (&self->plan, plan))
    return;

  bind_lists (self);
  sw_slot_pane_refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
}

void
sw_slot_pane_set_problems (SwSlotPane *self,
                           GListModel *problems)
{
  g_return_if_fail (SW_IS_SLOT_PANE (self));
  g_return_if_fail (problems == NULL || G_IS_LIST_MODEL (problems));

  gtk_filter_list_model_set_model (self->slot_problems, problems);
}

void
sw_slot_pane_focus_title (SwSlotPane *self)
{
  g_return_if_fail (SW_IS_SLOT_PANE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
}

/* GObject */

static void
sw_slot_pane_dispose (GObject *object)
{
  SwSlotPane *self = SW_SLOT_PANE (object);

  g_clear_handle_id (&self->refresh_idle, g_source_remove);
  if (self->stack_signals != NULL)
    g_signal_group_set_target (self->stack_signals, NULL);
  unbind_lists (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), SW_TYPE_SLOT_PANE);

  g_clear_object (&self->slot_problems);
  g_clear_object (&self->problem_filter);

  g_clear_object (&self->attendees);
  g_clear_object (&self->attendee_filter);
  g_clear_pointer (&self->kind_class, g_free);
  g_clear_object (&self->stack_signals);
  g_clear_object (&self->slot);
  g_clear_object (&self->plan);
  g_clear_object (&self->organisation);

  G_OBJECT_CLASS (sw_slot_pane_parent_class)->dispose (object);
}

static void
sw_slot_pane_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  SwSlotPane *self = SW_SLOT_PANE (object);

  switch (prop_id)
    {
    case PROP_ORGANISATION:
      g_value_set_object (value, self->organisation);
      break;

    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;

    case PROP_SLOT:
      g_value_set_object (value, self->slot);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sw_slot_pane_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  SwSlotPane *self = SW_SLOT_PANE (object);

  switch (prop_id)
    {
    case PROP_ORGANISATION:
      sw_slot_pane_set_organisation (self, g_value_get_object (value));
      break;

    case PROP_PLAN:
      sw_slot_pane_set_plan (self, g_value_get_object (value));
      break;

    case PROP_SLOT:
      sw_slot_pane_set_slot (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sw_slot_pane_class_init (SwSlotPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sw_slot_pane_dispose;
  object_class->get_property = sw_slot_pane_get_property;
  object_class->set_property = sw_slot_pane_set_property;

  properties[PROP_ORGANISATION] =
    g_param_spec_object ("organisation", NULL, NULL, SW_TYPE_ORGANISATION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, SW_TYPE_PLAN,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SLOT] =
    g_param_spec_object ("slot", NULL, NULL, SW_TYPE_SLOT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_CLOSE_REQUESTED] =
    g_signal_new ("close-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "slotpane");

  g_type_ensure (SW_TYPE_DATE_TIME);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/servweek/Planner/sw-slot-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, SwSlotPane, box);
  gtk_widget_class_bind_template_child (widget_class, SwSlotPane, scroller);
  gtk_widget_class_bind_template_child (widget_class, SwSlotPane, autofill_slot_button);
  gtk_widget_class_bind_template_child (widget_class, SwSlotPane, autofill_day_button);
  gtk_widget_class_bind_template_child (widget_class, SwSlotPane, print_signin_button);
  gtk_widget_class_bind_template_child (widget_class, SwSlotPane, kind_strip);
  gtk_widget_class_bind_template_child (widget_class, SwSlotPane, heading_label);
  gtk_widget_class_bind_template_child (widget_class, SwSlotPane, title_row);
  gtk_widget_class_bind_template_child (widget_class, SwSlotPane, kind_row);
  gtk_widget_class_bind_template_child (widget_class, SwSlotPane, start_time);
  gtk_widget_class_bind_template_child (widget_class, SwSlotPane, end_time);
  gtk_widget_class_bind_template_child (widget_class, SwSlotPane, location_row);
  gtk_widget_class_bind_template_child (widget_class, SwSlotPane, organisers_box);
  gtk_widget_class_bind_template_child (widget_class, SwSlotPane, no_organisers_label);
  gtk_widget_class_bind_template_child (widget_class, SwSlotPane, organiser_popover);
  gtk_widget_class_bind_template_child (widget_class, SwSlotPane, organiser_choices);
  gtk_widget_class_bind_template_child (widget_class, SwSlotPane, description_view);
  gtk_widget_class_bind_template_child (widget_class, SwSlotPane, duties_group);
  gtk_widget_class_bind_template_child (widget_class, SwSlotPane, attendees_group);
  gtk_widget_class_bind_template_child (widget_class, SwSlotPane, add_attendee_button);
  gtk_widget_class_bind_template_child (widget_class, SwSlotPane, targets_group);
  gtk_widget_class_bind_template_child (widget_class, SwSlotPane, duties_list);
  gtk_widget_class_bind_template_child (widget_class, SwSlotPane, attendees_list);
  gtk_widget_class_bind_template_child (widget_class, SwSlotPane, targets_list);
  gtk_widget_class_bind_template_child (widget_class, SwSlotPane, problems_group);
  gtk_widget_class_bind_template_child (widget_class, SwSlotPane, problems_list);
  gtk_widget_class_bind_template_callback (widget_class, title_apply);
  gtk_widget_class_bind_template_callback (widget_class, location_apply);
  gtk_widget_class_bind_template_callback (widget_class, kind_selected);
  gtk_widget_class_bind_template_callback (widget_class, start_committed);
  gtk_widget_class_bind_template_callback (widget_class, end_committed);
  gtk_widget_class_bind_template_callback (widget_class, close_clicked);
  gtk_widget_class_bind_template_callback (widget_class, delete_clicked);
  gtk_widget_class_bind_template_callback (widget_class, organiser_popover_show);
  gtk_widget_class_bind_template_callback (widget_class, organiser_chosen);
  gtk_widget_class_bind_template_callback (widget_class, add_duty_clicked);
  gtk_widget_class_bind_template_callback (widget_class, add_target_clicked);
}

static void
sw_slot_pane_init (SwSlotPane *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  GtkEventController *focus;

  gtk_widget_init_template (GTK_WIDGET (self));
  sw_accessible_label_apply_button (self->title_row, _("Apply Title"));
  sw_accessible_label_apply_button (self->location_row, _("Apply Location"));

  self->attendee_filter = gtk_custom_filter_new (is_attendee, NULL, NULL);
  self->attendees = gtk_filter_list_model_new (NULL, GTK_FILTER (g_object_ref (self->attendee_filter)));
  g_signal_connect_object (self->attendees, "items-changed",
                           G_CALLBACK (update_groups), self, G_CONNECT_SWAPPED);

  for (int kind = 0; kind < SW_N_SLOT_KINDS; kind++)
    gtk_string_list_append (kinds, sw_slot_kind_get_label (kind));
  self->updating = TRUE;
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  self->updating = FALSE;

  sw_schedule_view_track_entry (self->title_row);
  sw_schedule_view_track_entry (self->location_row);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "leave", G_CALLBACK (description_leave), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->description_view), focus);

  self->stack_signals = g_signal_group_new (SW_TYPE_UNDO_STACK);
  g_signal_group_connect_swapped (self->stack_signals, "changed", G_CALLBACK (stack_changed), self);

  self->problem_filter = gtk_custom_filter_new (problem_of_slot, self, NULL);
  self->slot_problems = gtk_filter_list_model_new (NULL, GTK_FILTER (g_object_ref (self->problem_filter)));
  g_signal_connect_object (self->slot_problems, "items-changed",
                           G_CALLBACK (slot_problems_changed), self, G_CONNECT_SWAPPED);
  gtk_list_box_bind_model (self->problems_list, G_LIST_MODEL (self->slot_problems),
                           problem_row_new, self, NULL);
}
