/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sw-slot-card.h"
#include "sw-ui-format.h"

struct _SwSlotCard
{
  GtkWidget   parent_instance;

  SwSlot     *slot;
  char       *kind_class;

  GtkWidget  *box;
  GtkLabel   *title_label;
  GtkLabel   *fill_label;
  GtkLabel   *time_label;
  GtkLabel   *place_label;

  char       *shown;        /* everything last shown, to skip no-op updates */
};

G_DEFINE_FINAL_TYPE (SwSlotCard, sw_slot_card, GTK_TYPE_WIDGET)

enum {
  SIGNAL_OPEN,
  SIGNAL_PERSON_DROPPED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

char *
sw_slot_card_kind_class (SwSlotKind kind)
{
  return g_strconcat ("kind-", sw_enum_to_nick (SW_TYPE_SLOT_KIND, kind), NULL);
}

char *
sw_slot_card_dup_kind_css (void)
{
  GString *css = g_string_new (NULL);

  for (int kind = 0; kind < SW_N_SLOT_KINDS; kind++)
    {
      g_autofree char *css_class = sw_slot_card_kind_class (kind);
      const char *color = sw_slot_kind_get_color (kind);

      g_string_append_printf (css,
                              "slotcard.%s { background-color: alpha(%s, 0.2); border-color: %s; }\n"
                              "slotcard.%s:hover { background-color: alpha(%s, 0.3); }\n"
                              "slotcard.%s.selected { background-color: %s; color: white; }\n"
                              "slotcard.%s.selected .fill-badge { background-color: alpha(white, 0.25); color: white; }\n",
                              css_class, color, color,
                              css_class, color,
                              css_class, color,
                              css_class);
    }

  return g_string_free (css, FALSE);
}

/* "Wednesday 23 September": slots of the same title on other days are
 * told apart by it. */
static char *
format_day (gint64 start)
{
  g_autoptr(GDateTime) dt = NULL;
  int year, month, mday;

  sw_time_to_ymd (sw_time_day_of (start), &year, &month, &mday);
  dt = g_date_time_new_utc (year, month, mday, 12, 0, 0);
  if (dt == NULL)
    return sw_time_format_date (sw_time_day_of (start));
  /* Translators: a day for screen readers, see g_date_time_format();
   * "Wednesday 23 September"; for Chinese "%-m月%-d日 %A" */
  return g_date_time_format (dt, _("%A %-d %B"));
}

static char *
format_time_range (gint64 start,
                   gint64 end)
{
  g_autofree char *from = sw_time_format_hm (start);
  g_autofree char *to = sw_time_format_hm (end);

  if (sw_time_day_of (end) > sw_time_day_of (start) && sw_time_minute_of_day (end) == 0)
    {
      g_free (to);
      to = g_strdup ("24:00");
    }

  return g_strdup_printf ("%s–%s", from, to);
}

void
sw_slot_card_update (SwSlotCard *self)
{
  g_autofree char *kind_class = NULL;
  g_autofree char *time = NULL;
  g_autofree char *fill = NULL;
  g_autofree char *label = NULL;
  g_autofree char *filled_text = NULL;
  g_autofree char *day = NULL;
  const char *location;
  guint filled = 0, needed = 0;

  g_return_if_fail (SW_IS_SLOT_CARD (self));

  time = format_time_range (sw_slot_get_start (self->slot), sw_slot_get_end (self->slot));
  location = sw_slot_get_location (self->slot);
  sw_slot_get_fill (self->slot, &filled, &needed);

  /* The grid updates every card on every change: most are unchanged. */
  {
    g_autofree char *shown = g_strdup_printf ("%d\x1f%d\x1f%s\x1f%s\x1f%s\x1f%u\x1f%u",
                                              sw_slot_get_kind (self->slot),
                                              sw_time_day_of (sw_slot_get_start (self->slot)),
                                              sw_slot_get_title (self->slot),
                                              time, location, filled, needed);

    if (g_strcmp0 (shown, self->shown) == 0)
      return;
    g_free (self->shown);
    self->shown = g_steal_pointer (&shown);
  }

  kind_class = sw_slot_card_kind_class (sw_slot_get_kind (self->slot));
  if (g_strcmp0 (kind_class, self->kind_class) != 0)
    {
      if (self->kind_class != NULL)
        gtk_widget_remove_css_class (GTK_WIDGET (self), self->kind_class);
      gtk_widget_add_css_class (GTK_WIDGET (self), kind_class);
      g_free (self->kind_class);
      self->kind_class = g_steal_pointer (&kind_class);
    }

  gtk_label_set_text (self->title_label, sw_slot_get_title (self->slot));
  gtk_label_set_text (self->time_label, time);
  gtk_label_set_text (self->place_label, location);
  gtk_widget_set_visible (GTK_WIDGET (self->place_label), location[0] != '\0');

  if (needed > 0)
    {
      fill = sw_ui_format_fill (filled, needed);
      gtk_label_set_text (self->fill_label, fill);
      if (filled >= needed)
        gtk_widget_add_css_class (GTK_WIDGET (self->fill_label), "full");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self->fill_label), "full");
    }
  gtk_widget_set_visible (GTK_WIDGET (self->fill_label), needed > 0);

  /* Translators: read by screen readers on a card: "9 of 11 filled" */
  filled_text = needed > 0 ? g_strdup_printf (_("%u of %u filled"), filled, needed)
                           : g_strdup (_("no duties"));
  day = format_day (sw_slot_get_start (self->slot));
  if (location[0] != '\0')
    /* Translators: a slot's card for screen readers: title, day, time,
     * place, fill: "广场服务台, Wednesday 23 September, 09:00–11:00,
     * 临江市人民广场, 9 of 11 filled" */
    label = g_strdup_printf (_("%s, %s, %s, %s, %s"), sw_slot_get_title (self->slot), day, time,
                             location, filled_text);
  else
    /* Translators: a slot's card for screen readers: title, day, time, fill */
    label = g_strdup_printf (_("%s, %s, %s, %s"), sw_slot_get_title (self->slot), day, time,
                             filled_text);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), label);
}

void
sw_slot_card_show_preview (SwSlotCard *self,
                           gint64      start,
                           gint64      end)
{
  g_autofree char *time = NULL;

  g_return_if_fail (SW_IS_SLOT_CARD (self));

  if (start == 0 && end == 0)
    time = format_time_range (sw_slot_get_start (self->slot), sw_slot_get_end (self->slot));
  else
    time = format_time_range (start, end);
  gtk_label_set_text (self->time_label, time);
}

void
sw_slot_card_set_selected (SwSlotCard *self,
                           gboolean    selected)
{
  g_return_if_fail (SW_IS_SLOT_CARD (self));

  if (selected)
    gtk_widget_add_css_class (GTK_WIDGET (self), "selected");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "selected");
  gtk_accessible_update_state (GTK_ACCESSIBLE (self),
                               GTK_ACCESSIBLE_STATE_SELECTED, selected,
                               -1);
}

SwSlot *
sw_slot_card_get_slot (SwSlotCard *self)
{
  g_return_val_if_fail (SW_IS_SLOT_CARD (self), NULL);

  return self->slot;
}

/* Size: a card takes whatever the grid gives it, down to nothing; what
 * does not fit is clipped. */

static void
sw_slot_card_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  SwSlotCard *self = SW_SLOT_CARD (widget);

  gtk_widget_measure (self->box, orientation, -1, NULL, natural, NULL, NULL);
  *minimum = 0;
}

static void
sw_slot_card_size_allocate (GtkWidget *widget,
                            int        width,
                            int        height,
                            int        baseline)
{
  SwSlotCard *self = SW_SLOT_CARD (widget);
  int min_width, min_height;

  gtk_widget_measure (self->box, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  gtk_widget_measure (self->box, GTK_ORIENTATION_VERTICAL, MAX (width, min_width),
                      &min_height, NULL, NULL, NULL);
  gtk_widget_allocate (self->box, MAX (width, min_width), MAX (height, min_height), -1, NULL);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  g_signal_emit (widget, signals[SIGNAL_OPEN], 0);
}

static void
click_released (SwSlotCard      *self,
                int              n_press,
                double           x,
                double           y,
                GtkGestureClick *gesture)
{
  gtk_widget_grab_focus (GTK_WIDGET (self));
  g_signal_emit (self, signals[SIGNAL_OPEN], 0);
}

static gboolean
person_dropped (SwSlotCard    *self,
                const GValue  *value,
                double         x,
                double         y,
                GtkDropTarget *target)
{
  SwPerson *person = g_value_get_object (value);

  if (person == NULL)
    return FALSE;

  g_signal_emit (self, signals[SIGNAL_PERSON_DROPPED], 0, person);
  return TRUE;
}

static void
sw_slot_card_dispose (GObject *object)
{
  SwSlotCard *self = SW_SLOT_CARD (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->slot);
  g_clear_pointer (&self->kind_class, g_free);
  g_clear_pointer (&self->shown, g_free);

  G_OBJECT_CLASS (sw_slot_card_parent_class)->dispose (object);
}

static void
sw_slot_card_class_init (SwSlotCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sw_slot_card_dispose;
  widget_class->measure = sw_slot_card_measure;
  widget_class->size_allocate = sw_slot_card_size_allocate;

  signals[SIGNAL_OPEN] =
    g_signal_new ("open", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_PERSON_DROPPED] =
    g_signal_new ("person-dropped", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, SW_TYPE_PERSON);

  /* The only action: screen readers offer it as the card's "click". */
  gtk_widget_class_install_action (widget_class, "card.open", NULL, open_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "card.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "card.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "card.open", NULL);

  gtk_widget_class_set_css_name (widget_class, "slotcard");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_BUTTON);
}

static void
sw_slot_card_init (SwSlotCard *self)
{
  GtkWidget *top;
  GtkGesture *click;
  GtkDropTarget *drop;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  gtk_box_append (GTK_BOX (self->box), top);

  self->title_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->title_label, 0.0f);
  gtk_label_set_ellipsize (self->title_label, PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (GTK_WIDGET (self->title_label), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->title_label), "title");
  gtk_box_append (GTK_BOX (top), GTK_WIDGET (self->title_label));

  self->fill_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_valign (GTK_WIDGET (self->fill_label), GTK_ALIGN_START);
  gtk_widget_add_css_class (GTK_WIDGET (self->fill_label), "fill-badge");
  gtk_widget_add_css_class (GTK_WIDGET (self->fill_label), "numeric");
  gtk_box_append (GTK_BOX (top), GTK_WIDGET (self->fill_label));

  self->time_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->time_label, 0.0f);
  gtk_label_set_ellipsize (self->time_label, PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (GTK_WIDGET (self->time_label), "time");
  gtk_widget_add_css_class (GTK_WIDGET (self->time_label), "numeric");
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->time_label));

  self->place_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->place_label, 0.0f);
  gtk_label_set_ellipsize (self->place_label, PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (GTK_WIDGET (self->place_label), "place");
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->place_label));

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect_object (click, "released", G_CALLBACK (click_released), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  drop = gtk_drop_target_new (SW_TYPE_PERSON, GDK_ACTION_COPY);
  g_signal_connect_object (drop, "drop", G_CALLBACK (person_dropped), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}

GtkWidget *
sw_slot_card_new (SwSlot *slot)
{
  SwSlotCard *self;

  g_return_val_if_fail (SW_IS_SLOT (slot), NULL);

  self = g_object_new (SW_TYPE_SLOT_CARD, NULL);
  self->slot = g_object_ref (slot);
  sw_slot_card_update (self);

  return GTK_WIDGET (self);
}
