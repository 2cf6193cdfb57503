/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sw-core.h"
#include "sw-date-button.h"
#include "sw-date-time.h"
#include "sw-ui-state.h"

struct _SwDateTime
{
  GtkWidget     parent_instance;

  SwDateButton *date_button;
  GtkEntry     *time_entry;
  gint64        time;       /* the moment shown, when valid */
  gint64        committed;  /* the moment last set or committed */
  gboolean      valid;
  gboolean      syncing;    /* setting the fields from "time" */
};

G_DEFINE_FINAL_TYPE (SwDateTime, sw_date_time, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TIME,
  PROP_VALID,
  PROP_TIME_LABEL,
  PROP_DATE_LABEL,
  N_PROPS
};

enum {
  CHANGED,
  COMMITTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Reads the fields into "time" and "valid". */
static void
read_fields (SwDateTime *self)
{
  int minute;
  gboolean valid = sw_ui_state_parse_time_of_day (gtk_editable_get_text (GTK_EDITABLE (self->time_entry)),
                                                  &minute);

  if (valid)
    {
      gint64 time = sw_time_from_day (sw_date_button_get_day (self->date_button)) + minute;

      gtk_widget_remove_css_class (GTK_WIDGET (self->time_entry), "error");
      if (time != self->time)
        {
          self->time = time;
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIME]);
        }
    }
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->time_entry), "error");

  if (valid != self->valid)
    {
      self->valid = valid;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALID]);
    }
}

static void
edited (SwDateTime *self)
{
  if (self->syncing)
    return;

  read_fields (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
commit (SwDateTime *self)
{
  if (self->syncing || !self->valid || self->time == self->committed)
    return;

  self->committed = self->time;
  g_signal_emit (self, signals[COMMITTED], 0);
}

static void
time_focus_left (SwDateTime *self)
{
  commit (self);
}

GtkWidget *
sw_date_time_new (void)
{
  return g_object_new (SW_TYPE_DATE_TIME, NULL);
}

gint64
sw_date_time_get_time (SwDateTime *self)
{
  g_return_val_if_fail (SW_IS_DATE_TIME (self), 0);

  return self->time;
}

static void
show_time (SwDateTime *self,
           gint64      time)
{
  g_autofree char *text = NULL;
  int minute;

  minute = sw_time_minute_of_day (time);
  text = g_strdup_printf ("%02d:%02d", minute / 60, minute % 60);
  self->syncing = TRUE;
  sw_date_button_set_day (self->date_button, sw_time_day_of (time));
  gtk_editable_set_text (GTK_EDITABLE (self->time_entry), text);
  self->syncing = FALSE;
  read_fields (self);
}

void
sw_date_time_set_time (SwDateTime *self,
                       gint64      time)
{
  g_return_if_fail (SW_IS_DATE_TIME (self));

  /* What the model holds: leaving the field commits what differs. */
  self->committed = time;
  if (time == self->time && self->valid)
    return;
  /* Leave the field alone while the user types in it (the focus is on
   * the entry's text, inside it). */
  if ((gtk_widget_get_state_flags (GTK_WIDGET (self->time_entry)) & GTK_STATE_FLAG_FOCUS_WITHIN) != 0)
    return;

  show_time (self, time);
}

void
sw_date_time_reset (SwDateTime *self,
                    gint64      time)
{
  g_return_if_fail (SW_IS_DATE_TIME (self));

  self->committed = time;
  show_time (self, time);
}

void
sw_date_time_commit (SwDateTime *self)
{
  g_return_if_fail (SW_IS_DATE_TIME (self));

  commit (self);
}

gboolean
sw_date_time_get_valid (SwDateTime *self)
{
  g_return_val_if_fail (SW_IS_DATE_TIME (self), FALSE);

  return self->valid;
}

static void
sw_date_time_dispose (GObject *object)
{
  SwDateTime *self = SW_DATE_TIME (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (sw_date_time_parent_class)->dispose (object);
}

static void
sw_date_time_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  SwDateTime *self = SW_DATE_TIME (object);

  switch (prop_id)
    {
    case PROP_TIME:
      g_value_set_int64 (value, self->time);
      break;
    case PROP_VALID:
      g_value_set_boolean (value, self->valid);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sw_date_time_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  SwDateTime *self = SW_DATE_TIME (object);

  switch (prop_id)
    {
    case PROP_TIME:
      sw_date_time_set_time (self, g_value_get_int64 (value));
      break;
    case PROP_TIME_LABEL:
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->time_entry),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, g_value_get_string (value), -1);
      break;
    case PROP_DATE_LABEL:
      sw_date_button_set_label (self->date_button, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sw_date_time_class_init (SwDateTimeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sw_date_time_dispose;
  object_class->get_property = sw_date_time_get_property;
  object_class->set_property = sw_date_time_set_property;

  properties[PROP_TIME] =
    g_param_spec_int64 ("time", NULL, NULL, G_MININT64 / 2, G_MAXINT64 / 2, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VALID] =
    g_param_spec_boolean ("valid", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TIME_LABEL] =
    g_param_spec_string ("time-label", NULL, NULL, NULL,
                         G_PARAM_WRITABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DATE_LABEL] =
    g_param_spec_string ("date-label", NULL, NULL, NULL,
                         G_PARAM_WRITABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[COMMITTED] =
    g_signal_new ("committed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "datetime");
}

static void
sw_date_time_init (SwDateTime *self)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 6);
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);

  self->date_button = SW_DATE_BUTTON (sw_date_button_new ());
  gtk_widget_set_parent (GTK_WIDGET (self->date_button), GTK_WIDGET (self));
  g_signal_connect_object (self->date_button, "notify::day", G_CALLBACK (edited), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->date_button, "chosen", G_CALLBACK (commit), self, G_CONNECT_SWAPPED);

  self->time_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->time_entry), GTK_ALIGN_CENTER);
  gtk_editable_set_width_chars (GTK_EDITABLE (self->time_entry), 6);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (self->time_entry), 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->time_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Time"), -1);
  gtk_widget_set_parent (GTK_WIDGET (self->time_entry), GTK_WIDGET (self));
  g_signal_connect_object (self->time_entry, "changed", G_CALLBACK (edited), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->time_entry, "activate", G_CALLBACK (commit), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (focus, "leave", G_CALLBACK (time_focus_left), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->time_entry), focus);

  self->valid = TRUE;
  sw_date_time_set_time (self, sw_time_from_day (sw_date_button_get_day (self->date_button)) + 9 * 60);
}
