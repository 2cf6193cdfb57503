/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sw-command-group.h"

struct _SwCommandGroup
{
  SwCommand  parent_instance;

  GPtrArray *children;
};

G_DEFINE_FINAL_TYPE (SwCommandGroup, sw_command_group, SW_TYPE_COMMAND)

static void
sw_command_group_apply (SwCommand *command)
{
  SwCommandGroup *self = SW_COMMAND_GROUP (command);

  for (guint i = 0; i < self->children->len; i++)
    sw_command_apply (g_ptr_array_index (self->children, i));
}

static void
sw_command_group_revert (SwCommand *command)
{
  SwCommandGroup *self = SW_COMMAND_GROUP (command);

  for (guint i = self->children->len; i > 0; i--)
    sw_command_revert (g_ptr_array_index (self->children, i - 1));
}

static void
sw_command_group_dispose (GObject *object)
{
  SwCommandGroup *self = SW_COMMAND_GROUP (object);

  if (self->children != NULL)
    g_ptr_array_set_size (self->children, 0);

  G_OBJECT_CLASS (sw_command_group_parent_class)->dispose (object);
}

static void
sw_command_group_finalize (GObject *object)
{
  SwCommandGroup *self = SW_COMMAND_GROUP (object);

  g_clear_pointer (&self->children, g_ptr_array_unref);

  G_OBJECT_CLASS (sw_command_group_parent_class)->finalize (object);
}

static void
sw_command_group_class_init (SwCommandGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SwCommandClass *command_class = SW_COMMAND_CLASS (klass);

  object_class->dispose = sw_command_group_dispose;
  object_class->finalize = sw_command_group_finalize;

  command_class->apply = sw_command_group_apply;
  command_class->revert = sw_command_group_revert;
}

static void
sw_command_group_init (SwCommandGroup *self)
{
  self->children = g_ptr_array_new_with_free_func (g_object_unref);
}

SwCommand *
sw_command_group_new (const char *label)
{
  return g_object_new (SW_TYPE_COMMAND_GROUP,
                       "label", label,
                       NULL);
}

/* Takes ownership of @command. */
void
sw_command_group_add (SwCommandGroup *self,
                      SwCommand      *command)
{
  g_return_if_fail (SW_IS_COMMAND_GROUP (self));
  g_return_if_fail (SW_IS_COMMAND (command));
  g_return_if_fail ((gpointer) command != (gpointer) self);

  g_ptr_array_add (self->children, command);
}

guint
sw_command_group_get_size (SwCommandGroup *self)
{
  g_return_val_if_fail (SW_IS_COMMAND_GROUP (self), 0);

  return self->children->len;
}

SwCommand *
sw_command_group_get_child (SwCommandGroup *self,
                            guint           index)
{
  g_return_val_if_fail (SW_IS_COMMAND_GROUP (self), NULL);
  g_return_val_if_fail (index < self->children->len, NULL);

  return g_ptr_array_index (self->children, index);
}
