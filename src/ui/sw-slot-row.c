/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sw-slot-row.h"
#include "sw-ui-format.h"

struct _SwSlotRow
{
  GtkWidget     parent_instance;

  SwSlot       *slot;
  GSignalGroup *slot_signals;
  GSignalGroup *duties_signals;
  GSignalGroup *assignments_signals;

  GtkWidget    *box;
  GtkLabel     *day_label;
  GtkLabel     *time_label;
  GtkLabel     *title_label;
  GtkLabel     *location_label;
  GtkLabel     *kind_label;
  GtkLabel     *fill_label;
};

G_DEFINE_FINAL_TYPE (SwSlotRow, sw_slot_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SLOT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sw_slot_row_update (SwSlotRow *self)
{
  g_autofree char *day = NULL;
  g_autofree char *time = NULL;
  g_autofree char *fill = NULL;
  g_autofree char *fill_description = NULL;
  g_autofree char *summary = NULL;
  guint filled = 0, needed = 0;

  if (self->slot == NULL)
    {
      gtk_label_set_text (self->day_label, "");
      gtk_label_set_text (self->time_label, "");
      gtk_label_set_text (self->title_label, "");
      gtk_label_set_text (self->location_label, "");
      gtk_label_set_text (self->kind_label, "");
      gtk_label_set_text (self->fill_label, "");
      gtk_widget_set_visible (GTK_WIDGET (self->location_label), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->fill_label), FALSE);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL);
      return;
    }

  day = sw_ui_format_day (sw_time_day_of (sw_slot_get_start (self->slot)));
  time = sw_ui_format_time_range (sw_slot_get_start (self->slot),
                                  sw_slot_get_end (self->slot));
  sw_slot_get_fill (self->slot, &filled, &needed);
  fill = sw_ui_format_fill (filled, needed);

  gtk_label_set_text (self->day_label, day);
  gtk_label_set_text (self->time_label, time);
  gtk_label_set_text (self->title_label, sw_slot_get_title (self->slot));
  gtk_label_set_text (self->location_label, sw_slot_get_location (self->slot));
  gtk_widget_set_visible (GTK_WIDGET (self->location_label),
                          sw_slot_get_location (self->slot)[0] != '\0');
  gtk_label_set_text (self->kind_label, sw_slot_kind_get_label (sw_slot_get_kind (self->slot)));

  gtk_label_set_text (self->fill_label, fill);
  gtk_widget_set_visible (GTK_WIDGET (self->fill_label), needed > 0);
  if (needed > 0 && filled >= needed)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->fill_label), "success");
      gtk_widget_remove_css_class (GTK_WIDGET (self->fill_label), "warning");
    }
  else
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->fill_label), "warning");
      gtk_widget_remove_css_class (GTK_WIDGET (self->fill_label), "success");
    }

  /* Translators: read by screen readers for "3/5" */
  fill_description = g_strdup_printf (_("%u of %u people assigned"), filled, needed);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->fill_label),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, fill_description,
                                  -1);

  /* Translators: what a screen reader says for a slot: day, time, title */
  summary = g_strdup_printf (_("%s, %s: %s"), day, time, sw_slot_get_title (self->slot));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, summary,
                                  -1);
}

static void
sw_slot_row_items_changed (SwSlotRow  *self,
                           guint       position,
                           guint       removed,
                           guint       added,
                           GListModel *model)
{
  sw_slot_row_update (self);
}

GtkWidget *
sw_slot_row_new (void)
{
  return g_object_new (SW_TYPE_SLOT_ROW, NULL);
}

SwSlot *
sw_slot_row_get_slot (SwSlotRow *self)
{
  g_return_val_if_fail (SW_IS_SLOT_ROW (self), NULL);

  return self->slot;
}

void
sw_slot_row_set_slot (SwSlotRow *self,
                      SwSlot    *slot)
{
  g_return_if_fail (SW_IS_SLOT_ROW (self));
  g_return_if_fail (slot == NULL || SW_IS_SLOT (slot));

  if (!g_set_object (&self->slot, slot))
    return;

  g_signal_group_set_target (self->slot_signals, slot);
  g_signal_group_set_target (self->duties_signals,
                             slot != NULL ? sw_slot_get_duties (slot) : NULL);
  g_signal_group_set_target (self->assignments_signals,
                             slot != NULL ? sw_slot_get_assignments (slot) : NULL);
  sw_slot_row_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SLOT]);
}

static void
sw_slot_row_dispose (GObject *object)
{
  SwSlotRow *self = SW_SLOT_ROW (object);

  if (self->slot_signals != NULL)
    g_signal_group_set_target (self->slot_signals, NULL);
  if (self->duties_signals != NULL)
    g_signal_group_set_target (self->duties_signals, NULL);
  if (self->assignments_signals != NULL)
    g_signal_group_set_target (self->assignments_signals, NULL);
  g_clear_object (&self->slot_signals);
  g_clear_object (&self->duties_signals);
  g_clear_object (&self->assignments_signals);
  g_clear_object (&self->slot);

  gtk_widget_dispose_template (GTK_WIDGET (self), SW_TYPE_SLOT_ROW);

  G_OBJECT_CLASS (sw_slot_row_parent_class)->dispose (object);
}

static void
sw_slot_row_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  SwSlotRow *self = SW_SLOT_ROW (object);

  switch (prop_id)
    {
    case PROP_SLOT:
      g_value_set_object (value, self->slot);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sw_slot_row_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  SwSlotRow *self = SW_SLOT_ROW (object);

  switch (prop_id)
    {
    case PROP_SLOT:
      sw_slot_row_set_slot (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sw_slot_row_class_init (SwSlotRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sw_slot_row_dispose;
  object_class->get_property = sw_slot_row_get_property;
  object_class->set_property = sw_slot_row_set_property;

  properties[PROP_SLOT] =
    g_param_spec_object ("slot", NULL, NULL,
                         SW_TYPE_SLOT,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/servweek/Planner/sw-slot-row.ui");
  gtk_widget_class_bind_template_child (widget_class, SwSlotRow, box);
  gtk_widget_class_bind_template_child (widget_class, SwSlotRow, day_label);
  gtk_widget_class_bind_template_child (widget_class, SwSlotRow, time_label);
  gtk_widget_class_bind_template_child (widget_class, SwSlotRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, SwSlotRow, location_label);
  gtk_widget_class_bind_template_child (widget_class, SwSlotRow, kind_label);
  gtk_widget_class_bind_template_child (widget_class, SwSlotRow, fill_label);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "slotrow");
}

static void
sw_slot_row_init (SwSlotRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->slot_signals = g_signal_group_new (SW_TYPE_SLOT);
  g_signal_group_connect_swapped (self->slot_signals, "notify",
                                  G_CALLBACK (sw_slot_row_update), self);

  self->duties_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_swapped (self->duties_signals, "items-changed",
                                  G_CALLBACK (sw_slot_row_items_changed), self);

  self->assignments_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_swapped (self->assignments_signals, "items-changed",
                                  G_CALLBACK (sw_slot_row_items_changed), self);

  sw_slot_row_update (self);
}
