/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sw-department.h"
#include "sw-text.h"

struct _SwDepartment
{
  GObject  parent_instance;

  gint64   id;
  char    *name;
  char    *short_name;
  char    *color;
  int      position;
};

G_DEFINE_FINAL_TYPE (SwDepartment, sw_department, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_SHORT_NAME,
  PROP_COLOR,
  PROP_POSITION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sw_department_finalize (GObject *object)
{
  SwDepartment *self = SW_DEPARTMENT (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->short_name, g_free);
  g_clear_pointer (&self->color, g_free);

  G_OBJECT_CLASS (sw_department_parent_class)->finalize (object);
}

static void
sw_department_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  SwDepartment *self = SW_DEPARTMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_SHORT_NAME:
      g_value_set_string (value, self->short_name);
      break;
    case PROP_COLOR:
      g_value_set_string (value, self->color);
      break;
    case PROP_POSITION:
      g_value_set_int (value, self->position);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sw_department_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  SwDepartment *self = SW_DEPARTMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      sw_department_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_NAME:
      sw_department_set_name (self, g_value_get_string (value));
      break;
    case PROP_SHORT_NAME:
      sw_department_set_short_name (self, g_value_get_string (value));
      break;
    case PROP_COLOR:
      sw_department_set_color (self, g_value_get_string (value));
      break;
    case PROP_POSITION:
      sw_department_set_position (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sw_department_class_init (SwDepartmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = sw_department_finalize;
  object_class->get_property = sw_department_get_property;
  object_class->set_property = sw_department_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, "", flags);
  properties[PROP_SHORT_NAME] =
    g_param_spec_string ("short-name", NULL, NULL, "", flags);
  properties[PROP_COLOR] =
    g_param_spec_string ("color", NULL, NULL, "", flags);
  properties[PROP_POSITION] =
    g_param_spec_int ("position", NULL, NULL, G_MININT, G_MAXINT, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sw_department_init (SwDepartment *self)
{
  self->name = g_strdup ("");
  self->short_name = g_strdup ("");
  self->color = g_strdup ("");
}

SwDepartment *
sw_department_new (const char *name)
{
  SwDepartment *self = g_object_new (SW_TYPE_DEPARTMENT, NULL);

  sw_text_replace (&self->name, name);

  return self;
}

gint64
sw_department_get_id (SwDepartment *self)
{
  g_return_val_if_fail (SW_IS_DEPARTMENT (self), 0);

  return self->id;
}

void
sw_department_set_id (SwDepartment *self,
                      gint64        id)
{
  g_return_if_fail (SW_IS_DEPARTMENT (self));

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
sw_department_get_name (SwDepartment *self)
{
  g_return_val_if_fail (SW_IS_DEPARTMENT (self), "");

  return self->name;
}

void
sw_department_set_name (SwDepartment *self,
                        const char   *name)
{
  g_return_if_fail (SW_IS_DEPARTMENT (self));

  if (sw_text_replace (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
sw_department_get_short_name (SwDepartment *self)
{
  g_return_val_if_fail (SW_IS_DEPARTMENT (self), "");

  return self->short_name;
}

void
sw_department_set_short_name (SwDepartment *self,
                              const char   *short_name)
{
  g_return_if_fail (SW_IS_DEPARTMENT (self));

  if (sw_text_replace (&self->short_name, short_name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHORT_NAME]);
}

const char *
sw_department_get_color (SwDepartment *self)
{
  g_return_val_if_fail (SW_IS_DEPARTMENT (self), "");

  return self->color;
}

void
sw_department_set_color (SwDepartment *self,
                         const char   *color)
{
  g_return_if_fail (SW_IS_DEPARTMENT (self));

  if (sw_text_replace (&self->color, color))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLOR]);
}

int
sw_department_get_position (SwDepartment *self)
{
  g_return_val_if_fail (SW_IS_DEPARTMENT (self), 0);

  return self->position;
}

void
sw_department_set_position (SwDepartment *self,
                            int           position)
{
  g_return_if_fail (SW_IS_DEPARTMENT (self));

  if (self->position == position)
    return;

  self->position = position;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
}

char *
sw_department_join_names (GListModel *departments,
                          const char *separator)
{
  GString *names = g_string_new (NULL);
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (departments), NULL);
  g_return_val_if_fail (separator != NULL, NULL);

  n = g_list_model_get_n_items (departments);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwDepartment) department = g_list_model_get_item (departments, i);

      if (i > 0)
        g_string_append (names, separator);
      g_string_append (names, department->name);
    }

  return g_string_free (names, FALSE);
}
