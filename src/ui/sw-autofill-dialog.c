/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sw-autofill-dialog.h"

struct _SwAutofillDialog
{
  AdwWindow        parent_instance;

  SwOrganisation  *organisation;
  SwPlan          *plan;
  int              day;
  SwSlot          *slot;
  SwAutofill      *autofill;
  char            *summary;
  gboolean         applying;

  /* template children */
  AdwToastOverlay *toast_overlay;
  AdwWindowTitle  *window_title;
  GtkStack        *stack;
  AdwPreferencesGroup *fills_group;
  AdwPreferencesGroup *gaps_group;
  GtkListBox      *fills_list;
  GtkListBox      *gaps_list;
};

G_DEFINE_FINAL_TYPE (SwAutofillDialog, sw_autofill_dialog, ADW_TYPE_WINDOW)

enum
{
  PROP_0,
  PROP_ORGANISATION,
  PROP_PLAN,
  PROP_DAY,
  PROP_SLOT,
  PROP_AUTOFILL,
  N_PROPS
};

enum
{
  APPLIED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void sw_autofill_dialog_recompute (SwAutofillDialog *self);

static void
list_clear (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static GtkWidget *
make_row (const char *title,
          const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);

  return row;
}

static char *
row_title (SwSlot *slot,
           SwDuty *duty)
{
  /* TRANSLATORS: a slot and one of its duties: "广场服务台 · 现场抢修" */
  return g_strdup_printf (_("%s · %s"), sw_slot_get_title (slot), sw_duty_get_name (duty));
}

static void
add_fill_row (SwAutofillDialog *self,
              SwSlot           *slot,
              SwDuty           *duty,
              GString          *names)
{
  g_autofree char *title = row_title (slot, duty);
  g_autofree char *when = sw_autofill_format_when (sw_slot_get_start (slot), sw_slot_get_end (slot));
  /* TRANSLATORS: a slot's time and the people proposed: "Sep 23 9:00–11:00 · 王伟, 李娜" */
  g_autofree char *subtitle = g_strdup_printf (_("%s · %s"), when, names->str);

  GtkWidget *row = make_row (title, subtitle);
  /* TRANSLATORS: a proposed duty for screen readers, told apart from the
   * same duty on other days by its time: "广场服务台 · 现场抢修, Sep 23 9:00–11:00" */
  g_autofree char *label = g_strdup_printf (_("%s, %s"), title, when);

  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_list_box_append (self->fills_list, row);
}

static void
sw_autofill_dialog_rebuild (SwAutofillDialog *self)
{
  SwAutofill *af = self->autofill;
  guint n_fills = sw_autofill_get_n_fills (af);
  guint n_gaps = sw_autofill_get_n_gaps (af);
  guint n_seats = sw_autofill_get_n_seats (af);
  g_autoptr(GString) names = g_string_new (NULL);
  SwSlot *group_slot = NULL;
  SwDuty *group_duty = NULL;

  list_clear (self->fills_list);
  list_clear (self->gaps_list);

  /* One row per duty: who goes there. */
  for (guint i = 0; i < n_fills; i++)
    {
      SwSlot *slot;
      SwDuty *duty;
      SwPerson *person;

      sw_autofill_get_fill (af, i, &slot, &duty, &person);
      if (duty != group_duty && group_duty != NULL)
        {
          add_fill_row (self, group_slot, group_duty, names);
          g_string_truncate (names, 0);
        }
      if (names->len > 0)
        g_string_append (names, _(", "));
      g_string_append (names, sw_person_get_name (person));
      group_slot = slot;
      group_duty = duty;
    }
  if (group_duty != NULL)
    add_fill_row (self, group_slot, group_duty, names);

  for (guint i = 0; i < n_gaps; i++)
    {
      SwSlot *slot;
      SwDuty *duty;
      guint n_empty;
      const char *reason;
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      g_autofree char *seats = NULL;

      sw_autofill_get_gap (af, i, &slot, &duty, &n_empty, &reason);
      title = row_title (slot, duty);
      seats = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u seat empty", "%u seats empty", n_empty),
                               n_empty);
      /* TRANSLATORS: "1 seat empty: no free person of …" */
      subtitle = g_strdup_printf (_("%s: %s"), seats, reason);
      gtk_list_box_append (self->gaps_list, make_row (title, subtitle));
    }

  gtk_widget_set_visible (GTK_WIDGET (self->fills_group), n_fills > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->gaps_group), n_gaps > 0);
  gtk_stack_set_visible_child_name (self->stack, n_seats > 0 ? "proposal" : "nothing");

  g_free (self->summary);
  if (n_seats == 0)
    self->summary = g_strdup (_("No empty seats"));
  else
    self->summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "Fills %u of %u empty seat",
                                                  "Fills %u of %u empty seats", n_seats),
                                     n_fills, n_seats);
  adw_window_title_set_subtitle (self->window_title, self->summary);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "autofill.apply", n_fills > 0);
}

static void
autofill_stale (SwAutofillDialog *self)
{
  /* The plan changed under the dialog (an undo, the CLI, …): show what
   * auto-fill would do now. */
  if (!self->applying)
    sw_autofill_dialog_recompute (self);
}

static void
sw_autofill_dialog_recompute (SwAutofillDialog *self)
{
  if (self->autofill != NULL)
    g_signal_handlers_disconnect_by_data (self->autofill, self);
  g_clear_object (&self->autofill);

  self->autofill = sw_autofill_new (self->organisation, self->plan, self->day, self->slot);
  g_signal_connect_object (self->autofill, "notify::stale",
                           G_CALLBACK (autofill_stale), self, G_CONNECT_SWAPPED);
  sw_autofill_dialog_rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTOFILL]);
}

static void
apply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  SwAutofillDialog *self = SW_AUTOFILL_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  guint n_fills = sw_autofill_get_n_fills (self->autofill);
  gboolean ok;

  self->applying = TRUE;
  ok = sw_autofill_apply (self->autofill, &error);
  self->applying = FALSE;

  if (!ok)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      sw_autofill_dialog_recompute (self);
      return;
    }

  g_signal_emit (self, signals[APPLIED], 0, n_fills);
  gtk_window_close (GTK_WINDOW (self));
}

static void
sw_autofill_dialog_constructed (GObject *object)
{
  SwAutofillDialog *self = SW_AUTOFILL_DIALOG (object);

  G_OBJECT_CLASS (sw_autofill_dialog_parent_class)->constructed (object);

  g_return_if_fail (SW_IS_ORGANISATION (self->organisation));
  g_return_if_fail (SW_IS_PLAN (self->plan));

  sw_autofill_dialog_recompute (self);
}

static void
sw_autofill_dialog_dispose (GObject *object)
{
  SwAutofillDialog *self = SW_AUTOFILL_DIALOG (object);

  if (self->autofill != NULL)
    g_signal_handlers_disconnect_by_data (self->autofill, self);
  g_clear_object (&self->autofill);
  gtk_widget_dispose_template (GTK_WIDGET (self), SW_TYPE_AUTOFILL_DIALOG);

  G_OBJECT_CLASS (sw_autofill_dialog_parent_class)->dispose (object);
}

static void
sw_autofill_dialog_finalize (GObject *object)
{
  SwAutofillDialog *self = SW_AUTOFILL_DIALOG (object);

  g_clear_object (&self->organisation);
  g_clear_object (&self->plan);
  g_clear_object (&self->slot);
  g_clear_pointer (&self->summary, g_free);

  G_OBJECT_CLASS (sw_autofill_dialog_parent_class)->finalize (object);
}

static void
sw_autofill_dialog_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  SwAutofillDialog *self = SW_AUTOFILL_DIALOG (object);

  switch (prop_id)
    {
    case PROP_ORGANISATION:
      g_value_set_object (value, self->organisation);
      break;
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;
    case PROP_DAY:
      g_value_set_int (value, self->day);
      break;
    case PROP_SLOT:
      g_value_set_object (value, self->slot);
      break;
    case PROP_AUTOFILL:
      g_value_set_object (value, self->autofill);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sw_autofill_dialog_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  SwAutofillDialog *self = SW_AUTOFILL_DIALOG (object);

  switch (prop_id)
    {
    case PROP_ORGANISATION:
      self->organisation = g_value_dup_object (value);
      break;
    case PROP_PLAN:
      self->plan = g_value_dup_object (value);
      break;
    case PROP_DAY:
      self->day = g_value_get_int (value);
      break;
    case PROP_SLOT:
      self->slot = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sw_autofill_dialog_class_init (SwAutofillDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags construct = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->constructed = sw_autofill_dialog_constructed;
  object_class->dispose = sw_autofill_dialog_dispose;
  object_class->finalize = sw_autofill_dialog_finalize;
  object_class->get_property = sw_autofill_dialog_get_property;
  object_class->set_property = sw_autofill_dialog_set_property;

  properties[PROP_ORGANISATION] =
    g_param_spec_object ("organisation", NULL, NULL, SW_TYPE_ORGANISATION, construct);
  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, SW_TYPE_PLAN, construct);
  properties[PROP_DAY] =
    g_param_spec_int ("day", NULL, NULL, G_MININT, G_MAXINT, SW_AUTOFILL_ALL_DAYS, construct);
  properties[PROP_SLOT] =
    g_param_spec_object ("slot", NULL, NULL, SW_TYPE_SLOT, construct);
  properties[PROP_AUTOFILL] =
    g_param_spec_object ("autofill", NULL, NULL, SW_TYPE_AUTOFILL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[APPLIED] =
    g_signal_new ("applied", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/servweek/Planner/sw-autofill-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SwAutofillDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SwAutofillDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, SwAutofillDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, SwAutofillDialog, fills_group);
  gtk_widget_class_bind_template_child (widget_class, SwAutofillDialog, gaps_group);
  gtk_widget_class_bind_template_child (widget_class, SwAutofillDialog, fills_list);
  gtk_widget_class_bind_template_child (widget_class, SwAutofillDialog, gaps_list);

  gtk_widget_class_install_action (widget_class, "autofill.apply", NULL, apply_action);
}

static void
sw_autofill_dialog_init (SwAutofillDialog *self)
{
  self->day = SW_AUTOFILL_ALL_DAYS;
  gtk_widget_init_template (GTK_WIDGET (self));
}

SwAutofillDialog *
sw_autofill_dialog_new (GtkWindow      *parent,
                        SwOrganisation *organisation,
                        SwPlan         *plan,
                        int             day,
                        SwSlot         *slot)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SW_IS_ORGANISATION (organisation), NULL);
  g_return_val_if_fail (SW_IS_PLAN (plan), NULL);
  g_return_val_if_fail (slot == NULL || SW_IS_SLOT (slot), NULL);

  return g_object_new (SW_TYPE_AUTOFILL_DIALOG,
                       "transient-for", parent,
                       "organisation", organisation,
                       "plan", plan,
                       "day", day,
                       "slot", slot,
                       NULL);
}

SwAutofill *
sw_autofill_dialog_get_autofill (SwAutofillDialog *self)
{
  g_return_val_if_fail (SW_IS_AUTOFILL_DIALOG (self), NULL);
  return self->autofill;
}

const char *
sw_autofill_dialog_get_summary (SwAutofillDialog *self)
{
  g_return_val_if_fail (SW_IS_AUTOFILL_DIALOG (self), NULL);
  return self->summary;
}
