/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sw-accessible.h"
#include "sw-schedule-view.h"
#include "sw-visit-target-row.h"

struct _SwVisitTargetRow
{
  AdwExpanderRow  parent_instance;

  SwOrganisation *organisation;
  SwSlot         *slot;
  SwVisitTarget  *target;

  AdwEntryRow    *name_row;
  AdwEntryRow    *address_row;
  AdwEntryRow    *contact_row;
  AdwEntryRow    *phone_row;
  GtkWidget      *remove_button;
};

G_DEFINE_FINAL_TYPE (SwVisitTargetRow, sw_visit_target_row, ADW_TYPE_EXPANDER_ROW)


/* The target's property that @row edits. */
static const char *
row_property (SwVisitTargetRow *self,
              AdwEntryRow      *row)
{
  if (row == self->name_row)
    return "name";
  if (row == self->address_row)
    return "address";
  if (row == self->contact_row)
    return "contact";
  return "phone";
}

static void
update (SwVisitTargetRow *self)
{
  g_autofree char *remove_label = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), sw_visit_target_get_name (self->target));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), sw_visit_target_get_address (self->target));
  sw_schedule_view_set_entry_text (GTK_EDITABLE (self->name_row), sw_visit_target_get_name (self->target));
  sw_schedule_view_set_entry_text (GTK_EDITABLE (self->address_row), sw_visit_target_get_address (self->target));
  sw_schedule_view_set_entry_text (GTK_EDITABLE (self->contact_row), sw_visit_target_get_contact (self->target));
  sw_schedule_view_set_entry_text (GTK_EDITABLE (self->phone_row), sw_visit_target_get_phone (self->target));

  /* Translators: removes a visit target: "Remove visit target 临江二中" */
  remove_label = g_strdup_printf (_("Remove visit target %s"), sw_visit_target_get_name (self->target));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->remove_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
  {
    const char *name = sw_visit_target_get_name (self->target);
    const struct { AdwEntryRow *row; const char *format; } fields[] = {
      /* Translators: the fields of a visit target, for screen readers:
       * "Name of 临江二中" */
      { self->name_row, N_("Name of %s") },
      { self->address_row, N_("Address of %s") },
      { self->contact_row, N_("Contact of %s") },
      { self->phone_row, N_("Phone of %s") },
    };

    for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
      {
        g_autofree char *label = g_strdup_printf (_(fields[i].format), name);
        /* Translators: applies an edited field: "Apply Name of 临江二中" */
        g_autofree char *apply = g_strdup_printf (_("Apply %s"), label);

        gtk_accessible_update_property (GTK_ACCESSIBLE (fields[i].row),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
        sw_accessible_label_apply_button (fields[i].row, apply);
      }
  }
}

static void
field_apply (SwVisitTargetRow *self,
             AdwEntryRow      *row)
{
  sw_schedule_view_commit_string (GTK_WIDGET (self), self->organisation, self->target,
                                  row_property (self, row), gtk_editable_get_text (GTK_EDITABLE (row)),
                                  _("Could Not Change the Slot"));
}

static void
remove_clicked (SwVisitTargetRow *self)
{
  g_autoptr(GError) error = NULL;

  if (!sw_edit_remove (self->organisation, self->slot, "visit-targets", self->target, &error))
    sw_schedule_view_show_error (GTK_WIDGET (self), _("Could Not Remove the Visit Target"), error);
}

GtkWidget *
sw_visit_target_row_new (SwOrganisation *organisation,
                         SwSlot         *slot,
                         SwVisitTarget  *target)
{
  SwVisitTargetRow *self;

  g_return_val_if_fail (SW_IS_ORGANISATION (organisation), NULL);
  g_return_val_if_fail (SW_IS_SLOT (slot), NULL);
  g_return_val_if_fail (SW_IS_VISIT_TARGET (target), NULL);

  self = g_object_new (SW_TYPE_VISIT_TARGET_ROW, NULL);
  self->organisation = g_object_ref (organisation);
  self->slot = g_object_ref (slot);
  self->target = g_object_ref (target);

  g_signal_connect_object (self->target, "notify", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  update (self);

  return GTK_WIDGET (self);
}


static void
sw_visit_target_row_dispose (GObject *object)
{
  SwVisitTargetRow *self = SW_VISIT_TARGET_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SW_TYPE_VISIT_TARGET_ROW);
  g_clear_object (&self->organisation);
  g_clear_object (&self->slot);
  g_clear_object (&self->target);

  G_OBJECT_CLASS (sw_visit_target_row_parent_class)->dispose (object);
}

static void
sw_visit_target_row_class_init (SwVisitTargetRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sw_visit_target_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/servweek/Planner/sw-visit-target-row.ui");
  gtk_widget_class_bind_template_child (widget_class, SwVisitTargetRow, name_row);
  gtk_widget_class_bind_template_child (widget_class, SwVisitTargetRow, address_row);
  gtk_widget_class_bind_template_child (widget_class, SwVisitTargetRow, contact_row);
  gtk_widget_class_bind_template_child (widget_class, SwVisitTargetRow, phone_row);
  gtk_widget_class_bind_template_child (widget_class, SwVisitTargetRow, remove_button);
  gtk_widget_class_bind_template_callback (widget_class, field_apply);
  gtk_widget_class_bind_template_callback (widget_class, remove_clicked);
}

static void
sw_visit_target_row_init (SwVisitTargetRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  sw_schedule_view_track_entry (self->name_row);
  sw_schedule_view_track_entry (self->address_row);
  sw_schedule_view_track_entry (self->contact_row);
  sw_schedule_view_track_entry (self->phone_row);
}
