/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sw-name-dialog.h"
#include "sw-rulebook.h"
#include "sw-schedule-sidebar.h"
#include "sw-schedule-view.h"
#include "sw-slot-card.h"
#include "sw-slot-pane.h"
#include "sw-ui-format.h"
#include "sw-week-grid.h"

struct _SwScheduleView
{
  GtkWidget          parent_instance;

  SwOrganisation    *organisation;
  SwPlan            *plan;
  GSignalGroup      *stack_signals;

  /* template children */
  AdwFlap           *sidebar_flap;
  SwScheduleSidebar *sidebar;
  AdwFlap           *pane_flap;
  SwSlotPane        *pane;
  GtkWidget         *previous_button;
  GtkWidget         *next_button;
  GtkMenuButton     *week_button;
  GtkPopover        *month_popover;
  GtkCalendar       *month_calendar;
  GtkLabel          *page_label;
  GtkWidget         *add_slot_button;
  GtkScrolledWindow *grid_scroller;
  SwWeekGrid        *grid;

  gboolean           updating_calendar;
};

G_DEFINE_FINAL_TYPE (SwScheduleView, sw_schedule_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ORGANISATION,
  PROP_PLAN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
sw_schedule_view_show_error (GtkWidget    *widget,
                             const char   *heading,
                             const GError *error)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (heading != NULL);

  /* A popover's own root is the window it pops up over. */
  sw_name_dialog_message (widget, heading, error != NULL ? error->message : NULL);
}

void
sw_schedule_view_commit_string (GtkWidget      *widget,
                                SwOrganisation *organisation,
                                gpointer        object,
                                const char     *property,
                                const char     *value,
                                const char     *heading)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *old = NULL;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (SW_IS_ORGANISATION (organisation));
  g_return_if_fail (G_IS_OBJECT (object));

  g_object_get (object, property, &old, NULL);
  if (g_strcmp0 (old, value) == 0)
    return;

  if (!sw_undo_stack_set (sw_organisation_get_undo_stack (organisation), &error, object, property, value))
    sw_schedule_view_show_error (widget, heading, error);
}

/* Set on a tracked entry row while it holds typing not yet applied. */
#define ENTRY_PENDING "sw-entry-pending"

static gboolean
is_typing_in (GtkWidget *widget)
{
  return gtk_widget_has_focus (widget) ||
         (gtk_widget_get_state_flags (widget) & GTK_STATE_FLAG_FOCUS_WITHIN) != 0;
}

/* The row's apply button hides: nothing is pending (libadwaita keeps it
 * shown until it is pressed, even after the text is set from the model). */
static void
entry_reset (AdwEntryRow *row)
{
  g_object_set_data (G_OBJECT (row), ENTRY_PENDING, NULL);
  if (adw_entry_row_get_show_apply_button (row))
    {
      adw_entry_row_set_show_apply_button (row, FALSE);
      adw_entry_row_set_show_apply_button (row, TRUE);
    }
}

void
sw_schedule_view_set_entry_text (GtkEditable *editable,
                                 const char  *text)
{
  g_return_if_fail (GTK_IS_EDITABLE (editable));

  if (is_typing_in (GTK_WIDGET (editable)))
    return;
  if (g_strcmp0 (gtk_editable_get_text (editable), text) != 0)
    gtk_editable_set_text (editable, text);
  if (ADW_IS_ENTRY_ROW (editable))
    entry_reset (ADW_ENTRY_ROW (editable));
}

void
sw_schedule_view_reset_entry (AdwEntryRow *row,
                              const char  *text)
{
  g_return_if_fail (ADW_IS_ENTRY_ROW (row));

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (row), text);
  entry_reset (row);
}

static void
entry_changed (AdwEntryRow *row)
{
  /* Typing, not the text set from the model. */
  if (is_typing_in (GTK_WIDGET (row)))
    g_object_set_data (G_OBJECT (row), ENTRY_PENDING, GINT_TO_POINTER (TRUE));
}

static void
entry_applied (AdwEntryRow *row)
{
  g_object_set_data (G_OBJECT (row), ENTRY_PENDING, NULL);
}

static void
entry_flush (AdwEntryRow *row)
{
  if (g_object_get_data (G_OBJECT (row), ENTRY_PENDING) == NULL)
    return;
  /* The row's own "apply" handler commits (and clears the mark). */
  g_signal_emit_by_name (row, "apply");
  entry_reset (row);
}

void
sw_schedule_view_track_entry (AdwEntryRow *row)
{
  GtkEventController *focus;

  g_return_if_fail (ADW_IS_ENTRY_ROW (row));

  g_signal_connect (row, "changed", G_CALLBACK (entry_changed), NULL);
  g_signal_connect (row, "apply", G_CALLBACK (entry_applied), NULL);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "leave", G_CALLBACK (entry_flush), row, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (row), focus);
}

void
sw_schedule_view_flush_entries (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (ADW_IS_ENTRY_ROW (root))
    entry_flush (ADW_ENTRY_ROW (root));
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    sw_schedule_view_flush_entries (child);
}

static void
update_navigation (SwScheduleView *self)
{
  guint page = sw_week_grid_get_page (self->grid);
  guint n_pages = sw_week_grid_get_n_pages (self->grid);
  g_autofree char *range = NULL;
  g_autofree char *week = NULL;
  int first = 0, last = 0;

  gtk_widget_set_sensitive (self->previous_button, self->plan != NULL && page > 0);
  gtk_widget_set_sensitive (self->next_button, self->plan != NULL && page + 1 < n_pages);
  gtk_widget_set_sensitive (GTK_WIDGET (self->week_button), self->plan != NULL);
  gtk_widget_set_sensitive (self->add_slot_button, self->plan != NULL && self->organisation != NULL &&
                                                    !sw_organisation_get_read_only (self->organisation));

  if (self->plan == NULL)
    {
      gtk_menu_button_set_label (self->week_button, _("No Plan"));
      gtk_label_set_text (self->page_label, "");
      return;
    }

  sw_week_grid_get_page_days (self->grid, &first, &last);
  range = sw_ui_format_day_range (first, last);
  gtk_menu_button_set_label (self->week_button, range);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->week_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, range, -1);
  if (n_pages > 1)
    /* Translators: which week of a long plan is shown: "Week 2 of 5" */
    week = g_strdup_printf (_("Week %u of %u"), page + 1, n_pages);
  gtk_label_set_text (self->page_label, week != NULL ? week : "");

  /* The month popover opens on the page's first day. */
  {
    int year, month, mday;
    g_autoptr(GDateTime) date = NULL;

    sw_time_to_ymd (first, &year, &month, &mday);
    date = g_date_time_new_local (year, month, mday, 12, 0, 0);
    self->updating_calendar = TRUE;
    if (date != NULL)
      gtk_calendar_select_day (self->month_calendar, date);
    self->updating_calendar = FALSE;
  }

  /* Mark the plan's days in the popover. */
  gtk_calendar_clear_marks (self->month_calendar);
  {
    g_autoptr(GDateTime) shown = gtk_calendar_get_date (self->month_calendar);

    for (int day = sw_plan_get_first_day (self->plan); day <= sw_plan_get_last_day (self->plan); day++)
      {
        int year, month, mday;

        sw_time_to_ymd (day, &year, &month, &mday);
        if (year == g_date_time_get_year (shown) && month == g_date_time_get_month (shown))
          gtk_calendar_mark_day (self->month_calendar, mday);
      }
  }
}

static void
previous_clicked (SwScheduleView *self,
                  GtkButton      *button)
{
  guint page = sw_week_grid_get_page (self->grid);

  if (page > 0)
    sw_week_grid_set_page (self->grid, page - 1);
}

static void
next_clicked (SwScheduleView *self,
              GtkButton      *button)
{
  sw_week_grid_set_page (self->grid, sw_week_grid_get_page (self->grid) + 1);
}

static void
calendar_day_selected (SwScheduleView *self,
                       GtkCalendar    *calendar)
{
  g_autoptr(GDateTime) date = NULL;

  if (self->updating_calendar || self->plan == NULL)
    return;

  date = gtk_calendar_get_date (calendar);
  sw_week_grid_show_day (self->grid,
                         sw_time_day_of (sw_time_from_ymdhm (g_date_time_get_year (date),
                                                             g_date_time_get_month (date),
                                                             g_date_time_get_day_of_month (date), 0, 0)));
  gtk_popover_popdown (self->month_popover);
}

/* Slots */

/* Scrolls the grid sideways, if it must, so the open slot's day is not
 * under the pane. */
static void
show_selected_day (SwScheduleView *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_hadjustment (self->grid_scroller);
  SwSlot *slot = sw_slot_pane_get_slot (self->pane);
  double x, width;

  if (slot == NULL ||
      !sw_week_grid_get_day_extent (self->grid, sw_time_day_of (sw_slot_get_start (slot)),
                                    gtk_adjustment_get_upper (adjustment), &x, &width))
    return;
  gtk_adjustment_clamp_page (adjustment, x, x + width);
}

/* With room for the pane beside the week, the pane sits beside it; where
 * the pane folds over the grid, the grid keeps clear of it and scrolls
 * sideways instead, so no day is hidden under the pane. */
static void
update_grid_room (SwScheduleView *self)
{
  int inset = 0;

  if (adw_flap_get_folded (self->pane_flap) && adw_flap_get_reveal_flap (self->pane_flap))
    {
      int natural = 0;

      gtk_widget_measure (GTK_WIDGET (self->pane), GTK_ORIENTATION_HORIZONTAL, -1,
                          NULL, &natural, NULL, NULL);
      inset = natural + 1; /* and the separator */
    }
  gtk_widget_set_margin_end (GTK_WIDGET (self->grid_scroller), inset);
  show_selected_day (self);
}

static void
open_pane (SwScheduleView *self,
           SwSlot         *slot)
{
  sw_slot_pane_set_slot (self->pane, slot);
  adw_flap_set_reveal_flap (self->pane_flap, slot != NULL);
  update_grid_room (self);
}

void
sw_schedule_view_select_slot (SwScheduleView *self,
                              SwSlot         *slot)
{
  g_return_if_fail (SW_IS_SCHEDULE_VIEW (self));
  g_return_if_fail (slot == NULL || SW_IS_SLOT (slot));

  sw_week_grid_set_selected_slot (self->grid, slot);
  open_pane (self, slot);
}

gboolean
sw_schedule_view_open_assign (SwScheduleView *self,
                              SwSlot         *slot,
                              SwDuty         *duty)
{
  g_return_val_if_fail (SW_IS_SCHEDULE_VIEW (self), FALSE);
  g_return_val_if_fail (SW_IS_SLOT (slot), FALSE);
  g_return_val_if_fail (SW_IS_DUTY (duty), FALSE);

  sw_schedule_view_select_slot (self, slot);
  return sw_slot_pane_popup_assign (self->pane, duty);
}

static void
grid_slot_activated (SwScheduleView *self,
                     SwSlot         *slot,
                     SwWeekGrid     *grid)
{
  sw_schedule_view_select_slot (self, slot);
}

static void
add_slot_at (SwScheduleView *self,
             gint64          start)
{
  g_autoptr(SwSlot) slot = NULL;
  g_autoptr(GError) error = NULL;

  if (self->plan == NULL || self->organisation == NULL)
    return;

  slot = sw_slot_new (SW_SLOT_KIND_OTHER, _("New Slot"), start, start + 60);
  if (!sw_edit_add (self->organisation, self->plan, "slots", slot, &error))
    {
      sw_schedule_view_show_error (GTK_WIDGET (self), _("Could Not Add the Slot"), error);
      return;
    }

  sw_schedule_view_select_slot (self, slot);
  sw_slot_pane_focus_title (self->pane);
}

static void
grid_add_slot (SwScheduleView *self,
               gint64          start,
               SwWeekGrid     *grid)
{
  add_slot_at (self, start);
}

static void
add_slot_clicked (SwScheduleView *self,
                  GtkButton      *button)
{
  int first = 0;

  /* From the keyboard: 09:00 on the first day shown. */
  sw_week_grid_get_page_days (self->grid, &first, NULL);
  add_slot_at (self, sw_time_from_day (first) + 9 * 60);
}

static void
grid_move_slot (SwScheduleView *self,
                SwSlot         *slot,
                gint64          start,
                gint64          end,
                SwWeekGrid     *grid)
{
  g_autoptr(GError) error = NULL;

  if (!sw_edit_move_slot (self->organisation, slot, start, end, &error))
    sw_schedule_view_show_error (GTK_WIDGET (self), _("Could Not Move the Slot"), error);
}

static void
grid_person_dropped (SwScheduleView *self,
                     SwSlot         *slot,
                     SwPerson       *person,
                     SwWeekGrid     *grid)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SwRulebook) rulebook = NULL;

  if (self->organisation == NULL || sw_organisation_get_read_only (self->organisation))
    return;
  /* The first open duty that takes them, else as an attendee. */
  if (self->plan == NULL)
    return;
  rulebook = sw_rulebook_new (self->plan);
  if (!sw_edit_assign (self->organisation, slot, person,
                       sw_rulebook_pick_duty (rulebook, slot, person), &error))
    sw_schedule_view_show_error (GTK_WIDGET (self), _("Could Not Assign"), error);
}

static void
pane_close_requested (SwScheduleView *self,
                      SwSlotPane     *pane)
{
  sw_schedule_view_select_slot (self, NULL);
}

static void
stack_changed (SwScheduleView *self,
               SwCommand      *command,
               gboolean        reverting,
               SwUndoStack    *stack)
{
  SwSlot *slot = sw_slot_pane_get_slot (self->pane);

  /* The slot shown went away (deleted, or its adding undone). */
  if (slot != NULL && (self->plan == NULL || !sw_list_model_find (sw_plan_get_slots (self->plan), slot, NULL)))
    sw_schedule_view_select_slot (self, NULL);

  update_navigation (self);
}

/* Public */

GtkWidget *
sw_schedule_view_new (void)
{
  return g_object_new (SW_TYPE_SCHEDULE_VIEW, NULL);
}

void
sw_schedule_view_set_organisation (SwScheduleView *self,
                                   SwOrganisation *organisation)
{
  g_return_if_fail (SW_IS_SCHEDULE_VIEW (self));
  g_return_if_fail (organisation == NULL || SW_IS_ORGANISATION (organisation));

  if (!g_set_object (&self->organisation, organisation))
    return;

  g_signal_group_set_target (self->stack_signals,
                             organisation != NULL ? sw_organisation_get_undo_stack (organisation) : NULL);
  sw_schedule_view_select_slot (self, NULL);
  sw_week_grid_set_organisation (self->grid, organisation);
  sw_schedule_sidebar_set_organisation (self->sidebar, organisation);
  sw_slot_pane_set_organisation (self->pane, organisation);
  update_navigation (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORGANISATION]);
}

void
sw_schedule_view_set_plan (SwScheduleView *self,
                           SwPlan         *plan)
{
  g_return_if_fail (SW_IS_SCHEDULE_VIEW (self));
  g_return_if_fail (plan == NULL || SW_IS_PLAN (plan));

  if (!g_set_object (&self->plan, plan))
    return;

  sw_schedule_view_select_slot (self, NULL);
  sw_slot_pane_set_plan (self->pane, plan);
  sw_week_grid_set_plan (self->grid, plan);
  update_navigation (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
}

void
sw_schedule_view_set_problems (SwScheduleView *self,
                               GListModel     *problems)
{
  g_return_if_fail (SW_IS_SCHEDULE_VIEW (self));

  sw_slot_pane_set_problems (self->pane, problems);
}

void
sw_schedule_view_search_people (SwScheduleView *self)
{
  g_return_if_fail (SW_IS_SCHEDULE_VIEW (self));

  adw_flap_set_reveal_flap (self->sidebar_flap, TRUE);
  sw_schedule_sidebar_focus_search (self->sidebar);
}

/* GObject */

static void
sw_schedule_view_dispose (GObject *object)
{
  SwScheduleView *self = SW_SCHEDULE_VIEW (object);

  if (self->stack_signals != NULL)
    g_signal_group_set_target (self->stack_signals, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), SW_TYPE_SCHEDULE_VIEW);

  g_clear_object (&self->stack_signals);
  g_clear_object (&self->plan);
  g_clear_object (&self->organisation);

  G_OBJECT_CLASS (sw_schedule_view_parent_class)->dispose (object);
}

static void
sw_schedule_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SwScheduleView *self = SW_SCHEDULE_VIEW (object);

  switch (prop_id)
    {
    case PROP_ORGANISATION:
      g_value_set_object (value, self->organisation);
      break;

    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sw_schedule_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  SwScheduleView *self = SW_SCHEDULE_VIEW (object);

  switch (prop_id)
    {
    case PROP_ORGANISATION:
      sw_schedule_view_set_organisation (self, g_value_get_object (value));
      break;

    case PROP_PLAN:
      sw_schedule_view_set_plan (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
load_style (GdkDisplay *display)
{
  static GQuark quark;
  g_autoptr(GtkCssProvider) base = NULL;
  g_autoptr(GtkCssProvider) kinds = NULL;
  g_autofree char *kind_css = NULL;

  /* Once per display. */
  if (quark == 0)
    quark = g_quark_from_static_string ("sw-schedule-style");
  if (display == NULL || g_object_get_qdata (G_OBJECT (display), quark) != NULL)
    return;
  g_object_set_qdata (G_OBJECT (display), quark, GINT_TO_POINTER (1));

  base = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (base, "/io/github/servweek/Planner/sw-schedule.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (base),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  kinds = gtk_css_provider_new ();
  kind_css = sw_slot_card_dup_kind_css ();
  gtk_css_provider_load_from_data (kinds, kind_css, -1);
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (kinds),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);
}

static void
sw_schedule_view_class_init (SwScheduleViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sw_schedule_view_dispose;
  object_class->get_property = sw_schedule_view_get_property;
  object_class->set_property = sw_schedule_view_set_property;

  properties[PROP_ORGANISATION] =
    g_param_spec_object ("organisation", NULL, NULL, SW_TYPE_ORGANISATION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, SW_TYPE_PLAN,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "scheduleview");

  g_type_ensure (SW_TYPE_SCHEDULE_SIDEBAR);
  g_type_ensure (SW_TYPE_SLOT_PANE);
  g_type_ensure (SW_TYPE_WEEK_GRID);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/servweek/Planner/sw-schedule-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SwScheduleView, sidebar_flap);
  gtk_widget_class_bind_template_child (widget_class, SwScheduleView, sidebar);
  gtk_widget_class_bind_template_child (widget_class, SwScheduleView, pane_flap);
  gtk_widget_class_bind_template_child (widget_class, SwScheduleView, pane);
  gtk_widget_class_bind_template_child (widget_class, SwScheduleView, previous_button);
  gtk_widget_class_bind_template_child (widget_class, SwScheduleView, next_button);
  gtk_widget_class_bind_template_child (widget_class, SwScheduleView, week_button);
  gtk_widget_class_bind_template_child (widget_class, SwScheduleView, month_popover);
  gtk_widget_class_bind_template_child (widget_class, SwScheduleView, month_calendar);
  gtk_widget_class_bind_template_child (widget_class, SwScheduleView, page_label);
  gtk_widget_class_bind_template_child (widget_class, SwScheduleView, add_slot_button);
  gtk_widget_class_bind_template_child (widget_class, SwScheduleView, grid_scroller);
  gtk_widget_class_bind_template_child (widget_class, SwScheduleView, grid);
  gtk_widget_class_bind_template_callback (widget_class, update_navigation);
  gtk_widget_class_bind_template_callback (widget_class, previous_clicked);
  gtk_widget_class_bind_template_callback (widget_class, next_clicked);
  gtk_widget_class_bind_template_callback (widget_class, calendar_day_selected);
  gtk_widget_class_bind_template_callback (widget_class, add_slot_clicked);
  gtk_widget_class_bind_template_callback (widget_class, grid_slot_activated);
  gtk_widget_class_bind_template_callback (widget_class, grid_add_slot);
  gtk_widget_class_bind_template_callback (widget_class, grid_move_slot);
  gtk_widget_class_bind_template_callback (widget_class, grid_person_dropped);
  gtk_widget_class_bind_template_callback (widget_class, pane_close_requested);
}

static void
sw_schedule_view_init (SwScheduleView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  load_style (gtk_widget_get_display (GTK_WIDGET (self)));

  self->stack_signals = g_signal_group_new (SW_TYPE_UNDO_STACK);
  g_signal_group_connect_swapped (self->stack_signals, "changed", G_CALLBACK (stack_changed), self);

  /* The grid's room follows the pane; a new width scrolls to the day. */
  g_signal_connect_object (self->pane_flap, "notify::folded",
                           G_CALLBACK (update_grid_room), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_scrolled_window_get_hadjustment (self->grid_scroller), "changed",
                           G_CALLBACK (show_selected_day), self, G_CONNECT_SWAPPED);

  update_navigation (self);
}
