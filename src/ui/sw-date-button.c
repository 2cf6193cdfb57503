/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sw-core.h"
#include "sw-date-button.h"
#include "sw-ui-format.h"

struct _SwDateButton
{
  GtkWidget      parent_instance;

  GtkMenuButton *button;
  GtkCalendar   *calendar;
  GtkEntry      *entry;
  int            day;
  int            day_shown;    /* when the popover opened */
  char          *purpose;      /* "Start Date", for screen readers */
  gboolean       syncing;
};

G_DEFINE_FINAL_TYPE (SwDateButton, sw_date_button, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DAY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
sw_date_button_sync (SwDateButton *self)
{
  g_autofree char *label = sw_ui_format_day_range (self->day, self->day);
  g_autoptr(GDateTime) date = NULL;
  int year, month, mday;

  gtk_menu_button_set_label (self->button, label);
  if (self->purpose != NULL)
    {
      /* TRANSLATORS: a date button to screen readers: "Start Date: 22 Sep 2026" */
      g_autofree char *accessible = g_strdup_printf (_("%s: %s"), self->purpose, label);
      GtkWidget *toggle = gtk_widget_get_first_child (GTK_WIDGET (self->button));

      gtk_accessible_update_property (GTK_ACCESSIBLE (self->button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
      /* Screen readers reach the toggle button inside: name it too (GTK
       * reads the date shown after its label). */
      if (toggle != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (toggle),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, self->purpose, -1);
    }

  if (!self->syncing)
    {
      g_autofree char *text = sw_time_format_date (self->day);

      self->syncing = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->entry), text);
      self->syncing = FALSE;
    }

  sw_time_to_ymd (self->day, &year, &month, &mday);
  date = g_date_time_new_local (year, month, mday, 12, 0, 0);
  if (date != NULL)
    {
      self->syncing = TRUE;
      gtk_calendar_select_day (self->calendar, date);
      self->syncing = FALSE;
    }
}

static void
day_selected (SwDateButton *self,
              GtkCalendar  *calendar)
{
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *text = NULL;
  int day;

  if (self->syncing)
    return;

  date = gtk_calendar_get_date (calendar);
  text = g_date_time_format (date, "%Y-%m-%d");
  if (text != NULL && sw_time_parse_date (text, &day, NULL))
    {
      sw_date_button_set_day (self, day);
      gtk_menu_button_popdown (self->button);
    }
}

/* Typing a date is quicker than clicking through months, and it is what
 * screen reader users can do. */
static void
entry_changed (SwDateButton *self,
               GtkEditable  *entry)
{
  int day;

  if (self->syncing)
    return;

  if (sw_time_parse_date (gtk_editable_get_text (entry), &day, NULL))
    {
      gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
      self->syncing = TRUE;
      sw_date_button_set_day (self, day);
      self->syncing = FALSE;
    }
  else
    gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
}

static void
entry_activated (SwDateButton *self)
{
  gtk_menu_button_popdown (self->button);
}

static void
popover_shown (SwDateButton *self)
{
  self->day_shown = self->day;
}

/* Escape closes the popover on the day it opened with. */
static gboolean
popover_key_pressed (SwDateButton          *self,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     GtkEventControllerKey *controller)
{
  if (keyval == GDK_KEY_Escape)
    sw_date_button_set_day (self, self->day_shown);
  return FALSE;
}

static void
popover_closed (SwDateButton *self)
{
  if (self->day != self->day_shown)
    g_signal_emit (self, signals[CHOSEN], 0);
}

/* GtkCalendar's arrow buttons are named after their icons ("GtkImage"):
 * name them after what they do.  GTK 4.8 puts them in its header in this
 * order. */
static void
label_calendar_arrows (GtkCalendar *calendar)
{
  const char *labels[] = {
    N_("Previous Month"), N_("Next Month"), N_("Previous Year"), N_("Next Year"),
  };
  GtkWidget *widget = GTK_WIDGET (calendar);
  guint found = 0;

  while (widget != NULL && found < G_N_ELEMENTS (labels))
    {
      if (GTK_IS_BUTTON (widget))
        gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, _(labels[found++]), -1);
      if (gtk_widget_get_first_child (widget) != NULL)
        widget = gtk_widget_get_first_child (widget);
      else
        {
          while (widget != GTK_WIDGET (calendar) && gtk_widget_get_next_sibling (widget) == NULL)
            widget = gtk_widget_get_parent (widget);
          widget = widget == GTK_WIDGET (calendar) ? NULL : gtk_widget_get_next_sibling (widget);
        }
    }
}

GtkWidget *
sw_date_button_new (void)
{
  return g_object_new (SW_TYPE_DATE_BUTTON, NULL);
}

int
sw_date_button_get_day (SwDateButton *self)
{
  g_return_val_if_fail (SW_IS_DATE_BUTTON (self), 0);

  return self->day;
}

void
sw_date_button_set_day (SwDateButton *self,
                        int           day)
{
  g_return_if_fail (SW_IS_DATE_BUTTON (self));

  if (self->day == day)
    return;

  self->day = day;
  sw_date_button_sync (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DAY]);
}

void
sw_date_button_set_label (SwDateButton *self,
                          const char   *label)
{
  g_return_if_fail (SW_IS_DATE_BUTTON (self));

  g_free (self->purpose);
  self->purpose = g_strdup (label);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->button), label);
  sw_date_button_sync (self);
}

static void
sw_date_button_dispose (GObject *object)
{
  SwDateButton *self = SW_DATE_BUTTON (object);

  if (self->button != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->button));
      self->button = NULL;
    }
  g_clear_pointer (&self->purpose, g_free);

  G_OBJECT_CLASS (sw_date_button_parent_class)->dispose (object);
}

static void
sw_date_button_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SwDateButton *self = SW_DATE_BUTTON (object);

  switch (prop_id)
    {
    case PROP_DAY:
      g_value_set_int (value, self->day);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sw_date_button_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  SwDateButton *self = SW_DATE_BUTTON (object);

  switch (prop_id)
    {
    case PROP_DAY:
      sw_date_button_set_day (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sw_date_button_class_init (SwDateButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sw_date_button_dispose;
  object_class->get_property = sw_date_button_get_property;
  object_class->set_property = sw_date_button_set_property;

  properties[PROP_DAY] =
    g_param_spec_int ("day", NULL, NULL,
                      G_MININT / 2, G_MAXINT / 2, 0,
                      (G_PARAM_READWRITE |
                       G_PARAM_EXPLICIT_NOTIFY |
                       G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SwDateButton::chosen:
   *
   * The user closed the popover on another day than it opened with
   * (after a click in the calendar, Enter in the date field, or Escape
   * after typing one): the moment to commit a day that "day" followed
   * while it was typed.
   */
  signals[CHOSEN] =
    g_signal_new ("chosen",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "datebutton");
}

static void
sw_date_button_init (SwDateButton *self)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  self->entry = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_placeholder_text (self->entry, "YYYY-MM-DD");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Date"),
                                  -1);
  g_signal_connect_object (self->entry, "changed", G_CALLBACK (entry_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->entry, "activate", G_CALLBACK (entry_activated), self, G_CONNECT_SWAPPED);

  self->calendar = GTK_CALENDAR (gtk_calendar_new ());
  label_calendar_arrows (self->calendar);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->entry));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->calendar));
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  g_signal_connect_object (self->calendar, "day-selected",
                           G_CALLBACK (day_selected), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (popover, "show", G_CALLBACK (popover_shown), self, G_CONNECT_SWAPPED);
  {
    GtkEventController *keys = gtk_event_controller_key_new ();

    gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
    g_signal_connect_object (keys, "key-pressed", G_CALLBACK (popover_key_pressed), self, G_CONNECT_SWAPPED);
    gtk_widget_add_controller (popover, keys);
  }
  g_signal_connect_object (popover, "closed", G_CALLBACK (popover_closed), self, G_CONNECT_SWAPPED);

  self->button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_popover (self->button, popover);
  gtk_widget_set_valign (GTK_WIDGET (self->button), GTK_ALIGN_CENTER);
  gtk_widget_set_parent (GTK_WIDGET (self->button), GTK_WIDGET (self));

  self->day = sw_time_day_of (sw_time_now_in_zone ("Asia/Shanghai"));
  sw_date_button_sync (self);
}
