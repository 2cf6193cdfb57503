/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sw-property-command.h"

struct _SwPropertyCommand
{
  SwCommand   parent_instance;

  GObject    *object;
  GParamSpec *pspec;
  GValue      old_value;
  GValue      new_value;
};

G_DEFINE_FINAL_TYPE (SwPropertyCommand, sw_property_command, SW_TYPE_COMMAND)

static void
sw_property_command_apply (SwCommand *command)
{
  SwPropertyCommand *self = SW_PROPERTY_COMMAND (command);

  g_object_set_property (self->object, self->pspec->name, &self->new_value);
}

static void
sw_property_command_revert (SwCommand *command)
{
  SwPropertyCommand *self = SW_PROPERTY_COMMAND (command);

  g_object_set_property (self->object, self->pspec->name, &self->old_value);
}

static void
sw_property_command_finalize (GObject *object)
{
  SwPropertyCommand *self = SW_PROPERTY_COMMAND (object);

  if (G_IS_VALUE (&self->old_value))
    g_value_unset (&self->old_value);
  if (G_IS_VALUE (&self->new_value))
    g_value_unset (&self->new_value);
  g_clear_pointer (&self->pspec, g_param_spec_unref);
  g_clear_object (&self->object);

  G_OBJECT_CLASS (sw_property_command_parent_class)->finalize (object);
}

static void
sw_property_command_class_init (SwPropertyCommandClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SwCommandClass *command_class = SW_COMMAND_CLASS (klass);

  object_class->finalize = sw_property_command_finalize;

  command_class->apply = sw_property_command_apply;
  command_class->revert = sw_property_command_revert;
}

static void
sw_property_command_init (SwPropertyCommand *self)
{
}

/* Stores @value in @dest, initialised to the property's own type, so that
 * a G_TYPE_OBJECT value holding an SwDepartment (or NULL) suits a
 * "department" property. */
static gboolean
convert_value (GParamSpec   *pspec,
               const GValue *value,
               GValue       *dest)
{
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);

  g_value_init (dest, type);

  if (g_value_type_compatible (G_VALUE_TYPE (value), type))
    {
      g_value_copy (value, dest);
      return TRUE;
    }

  if (g_type_is_a (type, G_TYPE_OBJECT) && G_VALUE_HOLDS_OBJECT (value))
    {
      GObject *obj = g_value_get_object (value);

      if (obj == NULL || G_TYPE_CHECK_INSTANCE_TYPE (obj, type))
        {
          g_value_set_object (dest, obj);
          return TRUE;
        }
      return FALSE;
    }

  return g_value_transform (value, dest);
}

SwCommand *
sw_property_command_new (GObject      *object,
                         const char   *property,
                         const GValue *value)
{
  SwPropertyCommand *self;
  GParamSpec *pspec;

  g_return_val_if_fail (G_IS_OBJECT (object), NULL);
  g_return_val_if_fail (property != NULL, NULL);
  g_return_val_if_fail (G_IS_VALUE (value), NULL);

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);
  if (pspec == NULL)
    {
      g_critical ("%s has no property named “%s”",
                  G_OBJECT_TYPE_NAME (object), property);
      return NULL;
    }

  if ((pspec->flags & G_PARAM_WRITABLE) == 0 ||
      (pspec->flags & G_PARAM_CONSTRUCT_ONLY) != 0)
    {
      g_critical ("Property “%s” of %s is not writable",
                  property, G_OBJECT_TYPE_NAME (object));
      return NULL;
    }

  self = g_object_new (SW_TYPE_PROPERTY_COMMAND, NULL);
  self->object = g_object_ref (object);
  self->pspec = g_param_spec_ref (pspec);

  if (!convert_value (pspec, value, &self->new_value))
    {
      g_critical ("Cannot set property “%s” of %s from a value of type %s",
                  property, G_OBJECT_TYPE_NAME (object),
                  G_VALUE_TYPE_NAME (value));
      g_object_unref (self);
      return NULL;
    }

  g_value_init (&self->old_value, G_PARAM_SPEC_VALUE_TYPE (pspec));
  g_object_get_property (object, pspec->name, &self->old_value);

  return SW_COMMAND (self);
}

GObject *
sw_property_command_get_object (SwPropertyCommand *self)
{
  g_return_val_if_fail (SW_IS_PROPERTY_COMMAND (self), NULL);

  return self->object;
}

const char *
sw_property_command_get_property (SwPropertyCommand *self)
{
  g_return_val_if_fail (SW_IS_PROPERTY_COMMAND (self), NULL);

  return self->pspec->name;
}
