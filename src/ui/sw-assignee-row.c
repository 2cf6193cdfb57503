/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sw-assignee-row.h"
#include "sw-schedule-view.h"

struct _SwAssigneeRow
{
  AdwActionRow    parent_instance;

  SwOrganisation *organisation;
  SwSlot         *slot;
  SwPerson       *person;
  SwDuty         *duty;

  GtkWidget      *remove_button;
};

G_DEFINE_FINAL_TYPE (SwAssigneeRow, sw_assignee_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_ORGANISATION,
  PROP_SLOT,
  PROP_PERSON,
  PROP_DUTY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update (SwAssigneeRow *self)
{
  SwDepartment *department = sw_person_get_department (self->person);
  const char *phone = sw_person_get_phone (self->person);
  g_autofree char *subtitle = NULL;
  g_autofree char *remove_label = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), sw_person_get_name (self->person));
  if (department != NULL && phone[0] != '\0')
    subtitle = g_strdup_printf ("%s · %s", sw_department_get_name (department), phone);
  else if (department != NULL)
    subtitle = g_strdup (sw_department_get_name (department));
  else
    subtitle = g_strdup (phone);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);

  if (self->duty != NULL)
    /* Translators: the ✕ beside a person on a duty: "Remove 张三 from 现场抢修" */
    remove_label = g_strdup_printf (_("Remove %s from %s"), sw_person_get_name (self->person),
                                    sw_duty_get_name (self->duty));
  else
    /* Translators: the ✕ beside an attendee: "Remove 张三" */
    remove_label = g_strdup_printf (_("Remove %s"), sw_person_get_name (self->person));
  gtk_widget_set_tooltip_text (self->remove_button, remove_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->remove_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
}

static void
remove_clicked (SwAssigneeRow *self)
{
  g_autoptr(GError) error = NULL;

  if (!sw_edit_unassign (self->organisation, self->slot, self->person, &error))
    sw_schedule_view_show_error (GTK_WIDGET (self), _("Could Not Remove"), error);
}

GtkWidget *
sw_assignee_row_new (SwOrganisation *organisation,
                     SwSlot         *slot,
                     SwPerson       *person,
                     SwDuty         *duty)
{
  g_return_val_if_fail (SW_IS_ORGANISATION (organisation), NULL);
  g_return_val_if_fail (SW_IS_SLOT (slot), NULL);
  g_return_val_if_fail (SW_IS_PERSON (person), NULL);
  g_return_val_if_fail (duty == NULL || SW_IS_DUTY (duty), NULL);

  return g_object_new (SW_TYPE_ASSIGNEE_ROW,
                       "organisation", organisation,
                       "slot", slot,
                       "person", person,
                       "duty", duty,
                       NULL);
}

SwPerson *
sw_assignee_row_get_person (SwAssigneeRow *self)
{
  g_return_val_if_fail (SW_IS_ASSIGNEE_ROW (self), NULL);

  return self->person;
}

static void
sw_assignee_row_constructed (GObject *object)
{
  SwAssigneeRow *self = SW_ASSIGNEE_ROW (object);

  G_OBJECT_CLASS (sw_assignee_row_parent_class)->constructed (object);

  g_signal_connect_object (self->person, "notify", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  if (self->duty != NULL)
    g_signal_connect_object (self->duty, "notify::name", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  update (self);
}

static void
sw_assignee_row_dispose (GObject *object)
{
  SwAssigneeRow *self = SW_ASSIGNEE_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SW_TYPE_ASSIGNEE_ROW);
  g_clear_object (&self->organisation);
  g_clear_object (&self->slot);
  g_clear_object (&self->person);
  g_clear_object (&self->duty);

  G_OBJECT_CLASS (sw_assignee_row_parent_class)->dispose (object);
}

static void
sw_assignee_row_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  SwAssigneeRow *self = SW_ASSIGNEE_ROW (object);

  switch (prop_id)
    {
    case PROP_ORGANISATION:
      self->organisation = g_value_dup_object (value);
      break;
    case PROP_SLOT:
      self->slot = g_value_dup_object (value);
      break;
    case PROP_PERSON:
      self->person = g_value_dup_object (value);
      break;
    case PROP_DUTY:
      self->duty = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sw_assignee_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SwAssigneeRow *self = SW_ASSIGNEE_ROW (object);

  switch (prop_id)
    {
    case PROP_ORGANISATION:
      g_value_set_object (value, self->organisation);
      break;
    case PROP_SLOT:
      g_value_set_object (value, self->slot);
      break;
    case PROP_PERSON:
      g_value_set_object (value, self->person);
      break;
    case PROP_DUTY:
      g_value_set_object (value, self->duty);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sw_assignee_row_class_init (SwAssigneeRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sw_assignee_row_constructed;
  object_class->dispose = sw_assignee_row_dispose;
  object_class->get_property = sw_assignee_row_get_property;
  object_class->set_property = sw_assignee_row_set_property;

  properties[PROP_ORGANISATION] =
    g_param_spec_object ("organisation", NULL, NULL, SW_TYPE_ORGANISATION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SLOT] =
    g_param_spec_object ("slot", NULL, NULL, SW_TYPE_SLOT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PERSON] =
    g_param_spec_object ("person", NULL, NULL, SW_TYPE_PERSON,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DUTY] =
    g_param_spec_object ("duty", NULL, NULL, SW_TYPE_DUTY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/servweek/Planner/sw-assignee-row.ui");
  gtk_widget_class_bind_template_child (widget_class, SwAssigneeRow, remove_button);
  gtk_widget_class_bind_template_callback (widget_class, remove_clicked);
}

static void
sw_assignee_row_init (SwAssigneeRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
