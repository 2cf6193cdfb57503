/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sw-roster-row.h"

struct _SwRosterRow
{
  GObject            parent_instance;

  guint              line;
  SwRosterRowStatus  status;
  char              *reason;
  char              *values[SW_ROSTER_N_FIELDS];
  SwPerson          *person;
};

G_DEFINE_FINAL_TYPE (SwRosterRow, sw_roster_row, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LINE,
  PROP_STATUS,
  PROP_REASON,
  PROP_NAME,
  PROP_DEPARTMENT,
  PROP_TITLE,
  PROP_PHONE,
  PROP_EMAIL,
  PROP_NOTES,
  PROP_SKILLS,
  PROP_PERSON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The property of each field, in SwRosterField order. */
static const guint field_props[SW_ROSTER_N_FIELDS] = {
  0, PROP_NAME, PROP_DEPARTMENT, PROP_TITLE, PROP_PHONE, PROP_EMAIL, PROP_NOTES, PROP_SKILLS,
};

const char *
sw_roster_field_get_label (SwRosterField field)
{
  switch (field)
    {
    case SW_ROSTER_FIELD_IGNORE:     return _("Ignore");
    case SW_ROSTER_FIELD_NAME:       return _("Name");
    case SW_ROSTER_FIELD_DEPARTMENT: return _("Department");
    case SW_ROSTER_FIELD_TITLE:      return C_("person", "Title");
    case SW_ROSTER_FIELD_PHONE:      return _("Phone");
    case SW_ROSTER_FIELD_EMAIL:      return _("E-mail");
    case SW_ROSTER_FIELD_NOTES:      return _("Notes");
    case SW_ROSTER_FIELD_SKILLS:     return _("Skills");
    default:                         break;
    }

  g_return_val_if_reached ("");
}

const char *
sw_roster_row_status_get_label (SwRosterRowStatus status)
{
  switch (status)
    {
    case SW_ROSTER_ROW_NEW:       return C_("roster row", "New");
    case SW_ROSTER_ROW_UPDATED:   return C_("roster row", "Updated");
    case SW_ROSTER_ROW_UNCHANGED: return C_("roster row", "Unchanged");
    case SW_ROSTER_ROW_BAD:       return C_("roster row", "Bad");
    default:                      break;
    }

  g_return_val_if_reached ("");
}

static void
sw_roster_row_finalize (GObject *object)
{
  SwRosterRow *self = SW_ROSTER_ROW (object);

  g_free (self->reason);
  for (guint i = 0; i < SW_ROSTER_N_FIELDS; i++)
    g_free (self->values[i]);
  g_clear_object (&self->person);

  G_OBJECT_CLASS (sw_roster_row_parent_class)->finalize (object);
}

static void
sw_roster_row_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  SwRosterRow *self = SW_ROSTER_ROW (object);

  switch (prop_id)
    {
    case PROP_LINE:
      g_value_set_uint (value, self->line);
      break;
    case PROP_STATUS:
      g_value_set_int (value, self->status);
      break;
    case PROP_REASON:
      g_value_set_string (value, sw_roster_row_get_reason (self));
      break;
    case PROP_NAME:
    case PROP_DEPARTMENT:
    case PROP_TITLE:
    case PROP_PHONE:
    case PROP_EMAIL:
    case PROP_NOTES:
    case PROP_SKILLS:
      g_value_set_string (value, sw_roster_row_get_value (self, prop_id - PROP_NAME + SW_ROSTER_FIELD_NAME));
      break;
    case PROP_PERSON:
      g_value_set_object (value, self->person);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sw_roster_row_class_init (SwRosterRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = sw_roster_row_finalize;
  object_class->get_property = sw_roster_row_get_property;

  properties[PROP_LINE] = g_param_spec_uint ("line", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_STATUS] = g_param_spec_int ("status", NULL, NULL,
                                              SW_ROSTER_ROW_NEW, SW_ROSTER_ROW_BAD,
                                              SW_ROSTER_ROW_NEW, flags);
  properties[PROP_REASON] = g_param_spec_string ("reason", NULL, NULL, "", flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, "", flags);
  properties[PROP_DEPARTMENT] = g_param_spec_string ("department", NULL, NULL, "", flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, "", flags);
  properties[PROP_PHONE] = g_param_spec_string ("phone", NULL, NULL, "", flags);
  properties[PROP_EMAIL] = g_param_spec_string ("email", NULL, NULL, "", flags);
  properties[PROP_NOTES] = g_param_spec_string ("notes", NULL, NULL, "", flags);
  properties[PROP_SKILLS] = g_param_spec_string ("skills", NULL, NULL, "", flags);
  properties[PROP_PERSON] = g_param_spec_object ("person", NULL, NULL, SW_TYPE_PERSON, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sw_roster_row_init (SwRosterRow *self)
{
}

SwRosterRow *
sw_roster_row_new (guint line)
{
  SwRosterRow *self = g_object_new (SW_TYPE_ROSTER_ROW, NULL);

  self->line = line;

  return self;
}

guint
sw_roster_row_get_line (SwRosterRow *self)
{
  g_return_val_if_fail (SW_IS_ROSTER_ROW (self), 0);

  return self->line;
}

SwRosterRowStatus
sw_roster_row_get_status (SwRosterRow *self)
{
  g_return_val_if_fail (SW_IS_ROSTER_ROW (self), SW_ROSTER_ROW_BAD);

  return self->status;
}

const char *
sw_roster_row_get_reason (SwRosterRow *self)
{
  g_return_val_if_fail (SW_IS_ROSTER_ROW (self), "");

  return self->reason != NULL ? self->reason : "";
}

const char *
sw_roster_row_get_value (SwRosterRow   *self,
                         SwRosterField  field)
{
  g_return_val_if_fail (SW_IS_ROSTER_ROW (self), "");
  g_return_val_if_fail (field < SW_ROSTER_N_FIELDS, "");

  return self->values[field] != NULL ? self->values[field] : "";
}

SwPerson *
sw_roster_row_get_person (SwRosterRow *self)
{
  g_return_val_if_fail (SW_IS_ROSTER_ROW (self), NULL);

  return self->person;
}

void
sw_roster_row_update (SwRosterRow       *self,
                      SwRosterRowStatus  status,
                      const char        *reason,
                      const char * const values[SW_ROSTER_N_FIELDS],
                      SwPerson          *person)
{
  g_return_if_fail (SW_IS_ROSTER_ROW (self));

  g_object_freeze_notify (G_OBJECT (self));

  if (self->status != status)
    {
      self->status = status;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
    }

  if (g_strcmp0 (sw_roster_row_get_reason (self), reason != NULL ? reason : "") != 0)
    {
      g_free (self->reason);
      self->reason = g_strdup (reason);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REASON]);
    }

  for (guint i = SW_ROSTER_FIELD_NAME; i < SW_ROSTER_N_FIELDS; i++)
    {
      const char *value = values[i] != NULL ? values[i] : "";

      if (g_strcmp0 (sw_roster_row_get_value (self, i), value) != 0)
        {
          g_free (self->values[i]);
          self->values[i] = g_strdup (value);
          g_object_notify_by_pspec (G_OBJECT (self), properties[field_props[i]]);
        }
    }

  if (g_set_object (&self->person, person))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSON]);

  g_object_thaw_notify (G_OBJECT (self));
}
