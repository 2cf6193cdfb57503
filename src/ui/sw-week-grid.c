/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sw-schedule-layout.h"
#include "sw-slot-card.h"
#include "sw-week-grid-private.h"

G_DEFINE_FINAL_TYPE (SwWeekGrid, sw_week_grid, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ORGANISATION,
  PROP_PLAN,
  PROP_PAGE,
  PROP_N_PAGES,
  PROP_SELECTED_SLOT,
  N_PROPS
};

enum {
  SIGNAL_SLOT_ACTIVATED,
  SIGNAL_ADD_SLOT,
  SIGNAL_MOVE_SLOT,
  SIGNAL_PERSON_DROPPED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static GDateTime *
date_time_of_day (int day,
                  int minute_of_day)
{
  int year, month, mday;

  sw_time_to_ymd (day, &year, &month, &mday);
  return g_date_time_new_utc (year, month, mday, minute_of_day / 60, minute_of_day % 60, 0);
}

char *
sw_week_grid_format_heading (int day)
{
  /* "Wed 23 Sep", "9月23日 星期三": the locale's day label. */
  return sw_time_format_day_label (day);
}

static char *
format_cell_label (int day,
                   int minute_of_day)
{
  g_autoptr(GDateTime) dt = date_time_of_day (day, minute_of_day);
  g_autofree char *date = NULL;
  g_autofree char *time = NULL;

  /* Translators: a day for screen readers, see g_date_time_format();
   * "Wednesday 23 September"; for Chinese "%-m月%-d日 %A" */
  date = dt != NULL ? g_date_time_format (dt, _("%A %-d %B")) : sw_time_format_date (day);
  time = g_strdup_printf ("%02d:%02d", minute_of_day / 60, minute_of_day % 60);
  /* Translators: an empty half hour of the week grid, for screen readers:
   * "Add slot on Wednesday 23 September at 10:00" */
  return g_strdup_printf (_("Add slot on %s at %s"), date, time);
}

static gint64
round_to_int (double value)
{
  return (gint64) (value >= 0 ? value + 0.5 : value - 0.5);
}

/* Cells, hour labels and headings: rebuilt when the page's days or hours
 * change, not on every edit. */

static void
cell_clicked (SwWeekGrid *self,
              GtkButton  *cell)
{
  int day = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (cell), "sw-day"));
  int minute = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (cell), "sw-minute"));

  if (self->organisation != NULL && sw_organisation_get_read_only (self->organisation))
    return;
  g_signal_emit (self, signals[SIGNAL_ADD_SLOT], 0, sw_time_from_day (day) + minute);
}

static void
clear_frame (SwWeekGrid *self)
{
  GtkWidget *child;

  for (guint i = 0; i < self->cells->len; i++)
    gtk_widget_unparent (g_ptr_array_index (self->cells, i));
  g_ptr_array_set_size (self->cells, 0);

  for (guint i = 0; i < self->hour_labels->len; i++)
    gtk_widget_unparent (g_ptr_array_index (self->hour_labels, i));
  g_ptr_array_set_size (self->hour_labels, 0);

  while ((child = gtk_widget_get_first_child (self->days_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->days_box), child);
}

static void
build_frame (SwWeekGrid *self)
{
  GtkWidget *first_card;

  /* What is left after clearing are the cards: the frame goes under them. */
  clear_frame (self);
  first_card = gtk_widget_get_first_child (self->body);

  for (int d = 0; d < sw_week_grid_n_days (self); d++)
    {
      int day = self->first_day + d;
      g_autofree char *heading = sw_week_grid_format_heading (day);
      GtkWidget *label = gtk_label_new (heading);
      int weekday = sw_time_weekday (day);

      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (label, "day-heading");
      if (weekday >= 6)
        gtk_widget_add_css_class (label, "weekend");
      gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, heading, -1);
      gtk_box_append (GTK_BOX (self->days_box), label);
    }

  for (int h = self->first_hour; h < self->last_hour; h++)
    {
      g_autofree char *text = g_strdup_printf ("%02d:00", h);
      GtkWidget *label = gtk_label_new (text);

      gtk_label_set_xalign (GTK_LABEL (label), 1.0f);
      gtk_label_set_yalign (GTK_LABEL (label), 0.0f);
      gtk_widget_add_css_class (label, "hour-label");
      gtk_widget_add_css_class (label, "numeric");
      gtk_widget_insert_before (label, self->body, first_card);
      g_ptr_array_add (self->hour_labels, label);
    }

  for (int d = 0; d < sw_week_grid_n_days (self); d++)
    for (int minute = self->first_hour * 60; minute < self->last_hour * 60; minute += 30)
      {
        g_autofree char *label = format_cell_label (self->first_day + d, minute);
        GtkWidget *cell = gtk_button_new ();

        gtk_widget_set_focusable (cell, FALSE);
        gtk_widget_add_css_class (cell, "week-cell");
        gtk_widget_add_css_class (cell, minute % 60 == 0 ? "hour-start" : "half-hour");
        if (d == 0)
          gtk_widget_add_css_class (cell, "first-day");
        gtk_accessible_update_property (GTK_ACCESSIBLE (cell),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
        g_object_set_data (G_OBJECT (cell), "sw-day", GINT_TO_POINTER (self->first_day + d));
        g_object_set_data (G_OBJECT (cell), "sw-minute", GINT_TO_POINTER (minute));
        g_signal_connect_object (cell, "clicked", G_CALLBACK (cell_clicked), self, G_CONNECT_SWAPPED);
        gtk_widget_insert_before (cell, self->body, first_card);
        g_ptr_array_add (self->cells, cell);
      }
}

/* Cards */

static void
card_open (SwWeekGrid *self,
           SwSlotCard *card)
{
  g_signal_emit (self, signals[SIGNAL_SLOT_ACTIVATED], 0, sw_slot_card_get_slot (card));
}

static void
card_person_dropped (SwWeekGrid *self,
                     SwPerson   *person,
                     SwSlotCard *card)
{
  g_signal_emit (self, signals[SIGNAL_PERSON_DROPPED], 0, sw_slot_card_get_slot (card), person);
}

static void
card_motion (SwWeekGrid               *self,
             double                    x,
             double                    y,
             GtkEventControllerMotion *motion)
{
  GtkWidget *card = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (motion));

  if (self->dragging ||
      (self->organisation != NULL && sw_organisation_get_read_only (self->organisation)))
    return;
  gtk_widget_set_cursor_from_name (card, y >= gtk_widget_get_height (card) - RESIZE_EDGE
                                         ? "ns-resize" : NULL);
}

static void
drag_begin (SwWeekGrid     *self,
            double          x,
            double          y,
            GtkGestureDrag *gesture)
{
  GtkWidget *card = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));

  /* Cards of a read-only database stay where they are. */
  if (self->organisation != NULL && sw_organisation_get_read_only (self->organisation))
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }
  self->drag_card = SW_SLOT_CARD (card);
  self->drag_mode = y >= gtk_widget_get_height (card) - RESIZE_EDGE ? DRAG_RESIZE : DRAG_MOVE;
  self->dragging = FALSE;
}

static void
drag_compute (SwWeekGrid *self,
              double      dx,
              double      dy)
{
  SwSlot *slot = sw_slot_card_get_slot (self->drag_card);
  gint64 start = sw_slot_get_start (slot);
  gint64 end = sw_slot_get_end (slot);
  gint64 delta_minutes = self->hour_height > 0 ? round_to_int (dy / self->hour_height * 60.0) : 0;

  if (self->drag_mode == DRAG_RESIZE)
    {
      self->preview_start = start;
      self->preview_end = sw_schedule_drag_resize (start, end, delta_minutes);
    }
  else
    {
      CardPlace *place = sw_week_grid_card_place (self->drag_card);
      int delta_days = self->day_width > 0 ? (int) round_to_int (dx / self->day_width) : 0;

      delta_days = CLAMP (delta_days, -place->day_index, sw_week_grid_n_days (self) - 1 - place->day_index);
      sw_schedule_drag_move (start, end, delta_minutes, delta_days,
                             &self->preview_start, &self->preview_end);
    }
}

static void
drag_update (SwWeekGrid     *self,
             double          dx,
             double          dy,
             GtkGestureDrag *gesture)
{
  GtkWidget *card = GTK_WIDGET (self->drag_card);

  if (card == NULL)
    return;

  if (!self->dragging)
    {
      if (!gtk_drag_check_threshold (card, 0, 0, (int) dx, (int) dy))
        return;
      self->dragging = TRUE;
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      gtk_widget_add_css_class (card, "dragging");
      /* On top of the other cards while it moves. */
      gtk_widget_insert_before (card, self->body, NULL);
      gtk_widget_set_cursor_from_name (card, self->drag_mode == DRAG_RESIZE ? "ns-resize" : "grabbing");
    }

  drag_compute (self, dx, dy);
  sw_slot_card_show_preview (self->drag_card, self->preview_start, self->preview_end);
  gtk_widget_queue_allocate (self->body);
}

static void
drag_finish (SwWeekGrid *self,
             gboolean    commit)
{
  g_autoptr(SwSlotCard) card = self->drag_card != NULL ? g_object_ref (self->drag_card) : NULL;
  gboolean was_dragging = self->dragging;
  SwSlot *slot;

  self->drag_card = NULL;
  self->dragging = FALSE;
  self->drag_mode = DRAG_NONE;

  if (card == NULL || !was_dragging)
    return;

  gtk_widget_remove_css_class (GTK_WIDGET (card), "dragging");
  gtk_widget_set_cursor_from_name (GTK_WIDGET (card), NULL);
  sw_slot_card_show_preview (card, 0, 0);
  gtk_widget_queue_allocate (self->body);

  slot = sw_slot_card_get_slot (card);
  if (commit &&
      (self->preview_start != sw_slot_get_start (slot) || self->preview_end != sw_slot_get_end (slot)))
    g_signal_emit (self, signals[SIGNAL_MOVE_SLOT], 0, slot, self->preview_start, self->preview_end);
}

static void
drag_end (SwWeekGrid     *self,
          double          dx,
          double          dy,
          GtkGestureDrag *gesture)
{
  if (self->drag_card != NULL && self->dragging)
    drag_compute (self, dx, dy);
  drag_finish (self, TRUE);
}

static void
drag_cancel (SwWeekGrid       *self,
             GdkEventSequence *sequence,
             GtkGesture       *gesture)
{
  drag_finish (self, FALSE);
}

static GtkWidget *
create_card (SwWeekGrid *self,
             SwSlot     *slot)
{
  GtkWidget *card = sw_slot_card_new (slot);
  GtkGesture *drag;
  GtkEventController *motion;

  g_object_set_data_full (G_OBJECT (card), "sw-place", g_new0 (CardPlace, 1), g_free);
  g_signal_connect_object (card, "open", G_CALLBACK (card_open), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (card, "person-dropped", G_CALLBACK (card_person_dropped), self, G_CONNECT_SWAPPED);

  drag = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (drag), GTK_PHASE_CAPTURE);
  g_signal_connect_object (drag, "drag-begin", G_CALLBACK (drag_begin), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (drag, "drag-update", G_CALLBACK (drag_update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (drag, "drag-end", G_CALLBACK (drag_end), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (drag, "cancel", G_CALLBACK (drag_cancel), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (card, GTK_EVENT_CONTROLLER (drag));

  motion = gtk_event_controller_motion_new ();
  g_signal_connect_object (motion, "motion", G_CALLBACK (card_motion), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (card, motion);

  gtk_widget_insert_before (card, self->body, NULL);
  return card;
}

static void
remove_card (gpointer key,
             gpointer value,
             gpointer user_data)
{
  SwWeekGrid *self = user_data;

  if (self->drag_card == value)
    {
      self->drag_card = NULL;
      self->dragging = FALSE;
    }
  gtk_widget_unparent (value);
}

/* The slots of the page's days, in the plan's order; sets the page's
 * first and last day. */
static GPtrArray *
shown_slots (SwWeekGrid *self,
             int        *first_day,
             int        *last_day)
{
  GPtrArray *shown = g_ptr_array_new ();
  GListModel *slots;
  guint n, n_pages;

  *first_day = 0;
  *last_day = -1;
  if (self->plan == NULL)
    return shown;

  n_pages = sw_time_span_n_weeks (sw_plan_get_first_day (self->plan), sw_plan_get_last_day (self->plan),
                                   sw_time_locale_first_weekday ());
  if (self->page >= n_pages)
    {
      self->page = n_pages - 1;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
    }
  sw_time_span_week (sw_plan_get_first_day (self->plan), sw_plan_get_last_day (self->plan),
                     sw_time_locale_first_weekday (), self->page, first_day, last_day);

  slots = sw_plan_get_slots (self->plan);
  n = g_list_model_get_n_items (slots);
  for (guint i = 0; i < n; i++)
    {
      SwSlot *slot = g_list_model_get_item (slots, i);
      int day = sw_time_day_of (sw_slot_get_start (slot));

      g_object_unref (slot); /* the plan keeps it */
      if (day >= *first_day && day <= *last_day)
        g_ptr_array_add (shown, slot);
    }
  return shown;
}

/* Keeps the cards of slots still shown, makes the missing ones. */
static void
update_cards (SwWeekGrid *self,
              GPtrArray  *shown)
{
  g_autoptr(GHashTable) old_cards = g_steal_pointer (&self->cards);

  self->cards = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < shown->len; i++)
    {
      SwSlot *slot = g_ptr_array_index (shown, i);
      GtkWidget *card = g_hash_table_lookup (old_cards, slot);

      if (card != NULL)
        {
          g_hash_table_steal (old_cards, slot);
          sw_slot_card_update (SW_SLOT_CARD (card));
        }
      else
        card = create_card (self, slot);

      sw_slot_card_set_selected (SW_SLOT_CARD (card), slot == self->selected);
      g_hash_table_insert (self->cards, slot, card);
    }
  g_hash_table_foreach (old_cards, remove_card, self);
}

/* Places the cards of day @d of the page side by side where they
 * overlap. */
static void
place_cards_of_day (SwWeekGrid   *self,
                    GPtrArray    *shown,
                    const gint64 *starts,
                    const gint64 *ends,
                    int           d)
{
  int day = self->first_day + d;
  g_autoptr(GArray) of_day = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree gint64 *day_starts = NULL;
  g_autofree gint64 *day_ends = NULL;
  g_autofree guint *column = NULL;
  g_autofree guint *n_columns = NULL;

  for (guint i = 0; i < shown->len; i++)
    if (sw_time_day_of (starts[i]) == day)
      g_array_append_val (of_day, i);
  if (of_day->len == 0)
    return;

  day_starts = g_new (gint64, of_day->len);
  day_ends = g_new (gint64, of_day->len);
  for (guint k = 0; k < of_day->len; k++)
    {
      guint i = g_array_index (of_day, guint, k);

      day_starts[k] = starts[i];
      day_ends[k] = MIN (ends[i], sw_time_from_day (day + 1));
    }

  column = g_new (guint, of_day->len);
  n_columns = g_new (guint, of_day->len);
  sw_schedule_layout_columns (day_starts, day_ends, of_day->len, column, n_columns);

  for (guint k = 0; k < of_day->len; k++)
    {
      SwSlotCard *card = g_hash_table_lookup (self->cards, g_ptr_array_index (shown, g_array_index (of_day, guint, k)));
      CardPlace *place = sw_week_grid_card_place (card);

      place->day_index = d;
      place->start_minute = sw_time_minute_of_day (day_starts[k]);
      place->end_minute = (int) (day_ends[k] - sw_time_from_day (day));
      place->column = column[k];
      place->n_columns = n_columns[k];
    }
}

void
sw_week_grid_refresh (SwWeekGrid *self)
{
  g_autoptr(GPtrArray) shown = NULL;
  g_autofree gint64 *starts = NULL;
  g_autofree gint64 *ends = NULL;
  int first_day, last_day, first_hour, last_hour;

  g_return_if_fail (SW_IS_WEEK_GRID (self));

  g_clear_handle_id (&self->refresh_idle, g_source_remove);

  shown = shown_slots (self, &first_day, &last_day);
  starts = g_new (gint64, MAX (shown->len, 1));
  ends = g_new (gint64, MAX (shown->len, 1));
  for (guint i = 0; i < shown->len; i++)
    {
      starts[i] = sw_slot_get_start (g_ptr_array_index (shown, i));
      ends[i] = sw_slot_get_end (g_ptr_array_index (shown, i));
    }
  sw_schedule_hour_range (starts, ends, shown->len, DEFAULT_FIRST_HOUR, DEFAULT_LAST_HOUR,
                          &first_hour, &last_hour);

  if (first_day != self->first_day || last_day != self->last_day ||
      first_hour != self->first_hour || last_hour != self->last_hour ||
      self->cells->len == 0)
    {
      self->first_day = first_day;
      self->last_day = last_day;
      self->first_hour = first_hour;
      self->last_hour = last_hour;
      build_frame (self);
      gtk_widget_queue_resize (self->body);
    }

  update_cards (self, shown);
  for (int d = 0; d < sw_week_grid_n_days (self); d++)
    place_cards_of_day (self, shown, starts, ends, d);

  gtk_widget_queue_allocate (self->body);
}

static gboolean
refresh_idle_cb (gpointer user_data)
{
  SwWeekGrid *self = user_data;

  self->refresh_idle = 0;
  sw_week_grid_refresh (self);
  return G_SOURCE_REMOVE;
}

static void
queue_refresh (SwWeekGrid *self)
{
  if (self->refresh_idle == 0)
    self->refresh_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, refresh_idle_cb, self, NULL);
}

static void
stack_changed (SwWeekGrid  *self,
               SwCommand   *command,
               gboolean     reverting,
               SwUndoStack *stack)
{
  /* Not at once: the change may come from a cell's own click handler,
   * and the refresh may replace that cell. */
  queue_refresh (self);
}

static void
slots_changed (SwWeekGrid *self,
               guint       position,
               guint       removed,
               guint       added,
               GListModel *slots)
{
  /* Inside a command: lay out once, when the step is done. */
  queue_refresh (self);
}

static void
plan_notify (SwWeekGrid *self,
             GParamSpec *pspec,
             SwPlan     *plan)
{
  const char *name = g_param_spec_get_name (pspec);

  if (g_str_equal (name, "first-day") || g_str_equal (name, "last-day"))
    {
      queue_refresh (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PAGES]);
    }
}

/* Public */

GtkWidget *
sw_week_grid_new (void)
{
  return g_object_new (SW_TYPE_WEEK_GRID, NULL);
}

void
sw_week_grid_set_organisation (SwWeekGrid     *self,
                               SwOrganisation *organisation)
{
  g_return_if_fail (SW_IS_WEEK_GRID (self));
  g_return_if_fail (organisation == NULL || SW_IS_ORGANISATION (organisation));

  if (!g_set_object (&self->organisation, organisation))
    return;

  g_signal_group_set_target (self->stack_signals,
                             organisation != NULL ? sw_organisation_get_undo_stack (organisation) : NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORGANISATION]);
}

void
sw_week_grid_set_plan (SwWeekGrid *self,
                       SwPlan     *plan)
{
  g_return_if_fail (SW_IS_WEEK_GRID (self));
  g_return_if_fail (plan == NULL || SW_IS_PLAN (plan));

  if (!g_set_object (&self->plan, plan))
    return;

  g_signal_group_set_target (self->plan_signals, plan);
  g_signal_group_set_target (self->slots_signals, plan != NULL ? sw_plan_get_slots (plan) : NULL);
  g_clear_object (&self->selected);
  self->page = 0;
  sw_week_grid_refresh (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PAGES]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_SLOT]);
}

guint
sw_week_grid_get_page (SwWeekGrid *self)
{
  g_return_val_if_fail (SW_IS_WEEK_GRID (self), 0);

  return self->page;
}

void
sw_week_grid_set_page (SwWeekGrid *self,
                       guint       page)
{
  g_return_if_fail (SW_IS_WEEK_GRID (self));

  page = MIN (page, sw_week_grid_get_n_pages (self) - 1);
  if (page == self->page)
    return;

  self->page = page;
  sw_week_grid_refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
}

guint
sw_week_grid_get_n_pages (SwWeekGrid *self)
{
  g_return_val_if_fail (SW_IS_WEEK_GRID (self), 1);

  if (self->plan == NULL)
    return 1;
  return sw_time_span_n_weeks (sw_plan_get_first_day (self->plan), sw_plan_get_last_day (self->plan),
                               sw_time_locale_first_weekday ());
}

void
sw_week_grid_get_page_days (SwWeekGrid *self,
                            int        *out_first,
                            int        *out_last)
{
  g_return_if_fail (SW_IS_WEEK_GRID (self));

  if (out_first != NULL)
    *out_first = self->first_day;
  if (out_last != NULL)
    *out_last = self->last_day;
}

void
sw_week_grid_show_day (SwWeekGrid *self,
                       int         day)
{
  g_return_if_fail (SW_IS_WEEK_GRID (self));

  if (self->plan == NULL)
    return;

  sw_week_grid_set_page (self, sw_time_span_week_of_day (sw_plan_get_first_day (self->plan),
                                                         sw_plan_get_last_day (self->plan),
                                                         sw_time_locale_first_weekday (),
                                                         day));
}

static void
scroll_to_minute (SwWeekGrid *self,
                  int         minute_of_day)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller));
  double y = (minute_of_day - self->first_hour * 60) * self->hour_height / 60.0;
  double value = gtk_adjustment_get_value (adjustment);
  double page = gtk_adjustment_get_page_size (adjustment);

  if (self->hour_height <= 0)
    return;
  if (y < value || y + self->hour_height > value + page)
    gtk_adjustment_set_value (adjustment, MAX (y - self->hour_height / 2, 0));
}

gboolean
sw_week_grid_get_day_extent (SwWeekGrid *self,
                             int         day,
                             double      width,
                             double     *out_x,
                             double     *out_width)
{
  int days;
  double day_width;

  g_return_val_if_fail (SW_IS_WEEK_GRID (self), FALSE);
  g_return_val_if_fail (out_x != NULL && out_width != NULL, FALSE);

  days = sw_week_grid_n_days (self);
  if (days <= 0 || day < self->first_day || day > self->last_day)
    return FALSE;
  /* As sw_week_grid_body_allocate() divides the width. */
  day_width = (width - GUTTER_WIDTH) / days;
  *out_x = GUTTER_WIDTH + (day - self->first_day) * day_width;
  *out_width = day_width;
  return TRUE;
}

void
sw_week_grid_set_selected_slot (SwWeekGrid *self,
                                SwSlot     *slot)
{
  GtkWidget *card;

  g_return_if_fail (SW_IS_WEEK_GRID (self));
  g_return_if_fail (slot == NULL || SW_IS_SLOT (slot));

  if (self->selected != NULL && (card = g_hash_table_lookup (self->cards, self->selected)) != NULL)
    sw_slot_card_set_selected (SW_SLOT_CARD (card), FALSE);

  g_set_object (&self->selected, slot);

  if (slot != NULL)
    {
      sw_week_grid_show_day (self, sw_time_day_of (sw_slot_get_start (slot)));
      if ((card = g_hash_table_lookup (self->cards, slot)) != NULL)
        sw_slot_card_set_selected (SW_SLOT_CARD (card), TRUE);
      scroll_to_minute (self, sw_time_minute_of_day (sw_slot_get_start (slot)));
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_SLOT]);
}

/* GObject */

static void
sw_week_grid_dispose (GObject *object)
{
  SwWeekGrid *self = SW_WEEK_GRID (object);

  g_clear_handle_id (&self->refresh_idle, g_source_remove);
  if (self->stack_signals != NULL)
    g_signal_group_set_target (self->stack_signals, NULL);
  if (self->plan_signals != NULL)
    g_signal_group_set_target (self->plan_signals, NULL);
  if (self->slots_signals != NULL)
    g_signal_group_set_target (self->slots_signals, NULL);

  self->drag_card = NULL;
  g_clear_pointer (&self->cards, g_hash_table_unref);
  g_clear_pointer (&self->header, gtk_widget_unparent);
  g_clear_pointer (&self->scroller, gtk_widget_unparent);
  g_clear_pointer (&self->cells, g_ptr_array_unref);
  g_clear_pointer (&self->hour_labels, g_ptr_array_unref);

  g_clear_object (&self->stack_signals);
  g_clear_object (&self->plan_signals);
  g_clear_object (&self->slots_signals);
  g_clear_object (&self->selected);
  g_clear_object (&self->plan);
  g_clear_object (&self->organisation);

  G_OBJECT_CLASS (sw_week_grid_parent_class)->dispose (object);
}

static void
sw_week_grid_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  SwWeekGrid *self = SW_WEEK_GRID (object);

  switch (prop_id)
    {
    case PROP_ORGANISATION:
      g_value_set_object (value, self->organisation);
      break;

    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;

    case PROP_PAGE:
      g_value_set_uint (value, self->page);
      break;

    case PROP_N_PAGES:
      g_value_set_uint (value, sw_week_grid_get_n_pages (self));
      break;

    case PROP_SELECTED_SLOT:
      g_value_set_object (value, self->selected);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sw_week_grid_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  SwWeekGrid *self = SW_WEEK_GRID (object);

  switch (prop_id)
    {
    case PROP_ORGANISATION:
      sw_week_grid_set_organisation (self, g_value_get_object (value));
      break;

    case PROP_PLAN:
      sw_week_grid_set_plan (self, g_value_get_object (value));
      break;

    case PROP_PAGE:
      sw_week_grid_set_page (self, g_value_get_uint (value));
      break;

    case PROP_SELECTED_SLOT:
      sw_week_grid_set_selected_slot (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sw_week_grid_class_init (SwWeekGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sw_week_grid_dispose;
  object_class->get_property = sw_week_grid_get_property;
  object_class->set_property = sw_week_grid_set_property;

  properties[PROP_ORGANISATION] =
    g_param_spec_object ("organisation", NULL, NULL, SW_TYPE_ORGANISATION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, SW_TYPE_PLAN,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PAGE] =
    g_param_spec_uint ("page", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_PAGES] =
    g_param_spec_uint ("n-pages", NULL, NULL, 1, G_MAXUINT, 1,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_SLOT] =
    g_param_spec_object ("selected-slot", NULL, NULL, SW_TYPE_SLOT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_SLOT_ACTIVATED] =
    g_signal_new ("slot-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, SW_TYPE_SLOT);
  signals[SIGNAL_ADD_SLOT] =
    g_signal_new ("add-slot", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[SIGNAL_MOVE_SLOT] =
    g_signal_new ("move-slot", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3, SW_TYPE_SLOT, G_TYPE_INT64, G_TYPE_INT64);
  signals[SIGNAL_PERSON_DROPPED] =
    g_signal_new ("person-dropped", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, SW_TYPE_SLOT, SW_TYPE_PERSON);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "weekgrid");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
sw_week_grid_init (SwWeekGrid *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  GtkWidget *gutter;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);

  self->cards = g_hash_table_new (NULL, NULL);
  self->cells = g_ptr_array_new ();
  self->hour_labels = g_ptr_array_new ();
  self->first_hour = DEFAULT_FIRST_HOUR;
  self->last_hour = DEFAULT_LAST_HOUR;
  self->last_day = -1;

  self->header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (self->header, "week-header");
  gutter = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_set_size_request (gutter, GUTTER_WIDTH, -1);
  gtk_box_append (GTK_BOX (self->header), gutter);
  self->days_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_box_set_homogeneous (GTK_BOX (self->days_box), TRUE);
  gtk_widget_set_hexpand (self->days_box, TRUE);
  gtk_box_append (GTK_BOX (self->header), self->days_box);
  gtk_widget_set_parent (self->header, GTK_WIDGET (self));

  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (self->scroller, TRUE);
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));

  /* A plain container whose children the custom layout places. */
  self->body = gtk_fixed_new ();
  gtk_widget_set_layout_manager (self->body, gtk_custom_layout_new (NULL, sw_week_grid_body_measure, sw_week_grid_body_allocate));
  g_object_set_data (G_OBJECT (self->body), "sw-week-grid", self);
  gtk_widget_add_css_class (self->body, "week-body");
  gtk_widget_set_overflow (self->body, GTK_OVERFLOW_HIDDEN);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), self->body);

  self->stack_signals = g_signal_group_new (SW_TYPE_UNDO_STACK);
  g_signal_group_connect_swapped (self->stack_signals, "changed", G_CALLBACK (stack_changed), self);
  self->plan_signals = g_signal_group_new (SW_TYPE_PLAN);
  g_signal_group_connect_swapped (self->plan_signals, "notify", G_CALLBACK (plan_notify), self);
  self->slots_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_swapped (self->slots_signals, "items-changed", G_CALLBACK (slots_changed), self);

  build_frame (self);
}
