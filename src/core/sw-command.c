/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sw-command.h"

typedef struct
{
  char *label;
} SwCommandPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (SwCommand, sw_command, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sw_command_real_apply (SwCommand *self)
{
}

static void
sw_command_real_revert (SwCommand *self)
{
}

static void
sw_command_finalize (GObject *object)
{
  SwCommand *self = SW_COMMAND (object);
  SwCommandPrivate *priv = sw_command_get_instance_private (self);

  g_clear_pointer (&priv->label, g_free);

  G_OBJECT_CLASS (sw_command_parent_class)->finalize (object);
}

static void
sw_command_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  SwCommand *self = SW_COMMAND (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      g_value_set_string (value, sw_command_get_label (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sw_command_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  SwCommand *self = SW_COMMAND (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      sw_command_set_label (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sw_command_class_init (SwCommandClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sw_command_finalize;
  object_class->get_property = sw_command_get_property;
  object_class->set_property = sw_command_set_property;

  klass->apply = sw_command_real_apply;
  klass->revert = sw_command_real_revert;

  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sw_command_init (SwCommand *self)
{
  SwCommandPrivate *priv = sw_command_get_instance_private (self);

  priv->label = g_strdup ("");
}

const char *
sw_command_get_label (SwCommand *self)
{
  SwCommandPrivate *priv;

  g_return_val_if_fail (SW_IS_COMMAND (self), "");

  priv = sw_command_get_instance_private (self);

  return priv->label;
}

void
sw_command_set_label (SwCommand  *self,
                      const char *label)
{
  SwCommandPrivate *priv;

  g_return_if_fail (SW_IS_COMMAND (self));

  priv = sw_command_get_instance_private (self);

  if (label == NULL)
    label = "";

  if (g_strcmp0 (priv->label, label) == 0)
    return;

  g_free (priv->label);
  priv->label = g_strdup (label);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
}

void
sw_command_apply (SwCommand *self)
{
  g_return_if_fail (SW_IS_COMMAND (self));

  SW_COMMAND_GET_CLASS (self)->apply (self);
}

void
sw_command_revert (SwCommand *self)
{
  g_return_if_fail (SW_IS_COMMAND (self));

  SW_COMMAND_GET_CLASS (self)->revert (self);
}
