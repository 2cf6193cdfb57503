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
  SwAssigneeRow *self;

  g_return_val_if_fail (SW_IS_ORGANISATION (organisation), NULL);
  g_return_val_if_fail (SW_IS_SLOT (slot), NULL);
  g_return_val_if_fail (SW_IS_PERSON (person), NULL);
  g_return_val_if_fail (duty == NULL || SW_IS_DUTY (duty), NULL);

  self = g_object_new (SW_TYPE_ASSIGNEE_ROW, NULL);
  self->organisation = g_object_ref (organisation);
  self->slot = g_object_ref (slot);
  self->person = g_object_ref (person);
  self->duty = duty != NULL ? g_object_ref (duty) : NULL;

  g_signal_connect_object (self->person, "notify", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  if (self->duty != NULL)
    g_signal_connect_object (self->duty, "notify::name", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  update (self);

  return GTK_WIDGET (self);
}

SwPerson *
sw_assignee_row_get_person (SwAssigneeRow *self)
{
  g_return_val_if_fail (SW_IS_ASSIGNEE_ROW (self), NULL);

  return self->person;
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
sw_assignee_row_class_init (SwAssigneeRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sw_assignee_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/servweek/Planner/sw-assignee-row.ui");
  gtk_widget_class_bind_template_child (widget_class, SwAssigneeRow, remove_button);
  gtk_widget_class_bind_template_callback (widget_class, remove_clicked);
}

static void
sw_assignee_row_init (SwAssigneeRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
