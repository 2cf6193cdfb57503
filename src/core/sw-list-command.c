/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gio/gio.h>

#include "sw-list-command.h"
#include "sw-organisation.h"

struct _SwListCommand
{
  SwCommand  parent_instance;

  /* Held strongly, except the organisation: it owns the undo stack that
   * owns this command, and a strong reference would keep both alive. */
  GObject   *owner;
  char      *list;
  GObject   *item;
  /* For an insert: where to put the item (G_MAXUINT: at the end).  For a
   * remove: where the item was when the command was last applied. */
  guint      position;
  guint      is_insert : 1;
  guint      owner_is_root : 1;
};

G_DEFINE_FINAL_TYPE (SwListCommand, sw_list_command, SW_TYPE_COMMAND)

static GListStore *
dup_store (SwListCommand *self)
{
  g_autoptr(GObject) model = NULL;

  if (self->owner == NULL)
    return NULL;

  g_object_get (self->owner, self->list, &model, NULL);

  if (!G_IS_LIST_STORE (model))
    {
      g_critical ("List “%s” of %s is not a GListStore",
                  self->list, G_OBJECT_TYPE_NAME (self->owner));
      return NULL;
    }

  return G_LIST_STORE (g_steal_pointer (&model));
}

static void
put_item (SwListCommand *self,
          guint          position)
{
  g_autoptr(GListStore) store = dup_store (self);
  guint n_items;

  if (store == NULL)
    return;

  n_items = g_list_model_get_n_items (G_LIST_MODEL (store));
  if (position > n_items)
    position = n_items;

  g_list_store_insert (store, position, self->item);
}

static guint
take_item (SwListCommand *self)
{
  g_autoptr(GListStore) store = dup_store (self);
  guint position;

  if (store == NULL)
    return G_MAXUINT;

  if (!g_list_store_find (store, self->item, &position))
    {
      g_critical ("%s is not in list “%s” of %s",
                  G_OBJECT_TYPE_NAME (self->item), self->list,
                  G_OBJECT_TYPE_NAME (self->owner));
      return G_MAXUINT;
    }

  g_list_store_remove (store, position);

  return position;
}

static void
sw_list_command_apply (SwCommand *command)
{
  SwListCommand *self = SW_LIST_COMMAND (command);

  if (self->is_insert)
    put_item (self, self->position);
  else
    self->position = take_item (self);
}

static void
sw_list_command_revert (SwCommand *command)
{
  SwListCommand *self = SW_LIST_COMMAND (command);

  if (self->is_insert)
    take_item (self);
  else
    put_item (self, self->position);
}

static void
sw_list_command_finalize (GObject *object)
{
  SwListCommand *self = SW_LIST_COMMAND (object);

  if (self->owner_is_root)
    g_clear_weak_pointer (&self->owner);
  else
    g_clear_object (&self->owner);
  g_clear_object (&self->item);
  g_clear_pointer (&self->list, g_free);

  G_OBJECT_CLASS (sw_list_command_parent_class)->finalize (object);
}

static void
sw_list_command_class_init (SwListCommandClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SwCommandClass *command_class = SW_COMMAND_CLASS (klass);

  object_class->finalize = sw_list_command_finalize;

  command_class->apply = sw_list_command_apply;
  command_class->revert = sw_list_command_revert;
}

static void
sw_list_command_init (SwListCommand *self)
{
  self->position = G_MAXUINT;
}

static gboolean
check_list (GObject    *owner,
            const char *list)
{
  GParamSpec *pspec;

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (owner), list);
  if (pspec == NULL ||
      !g_type_is_a (G_PARAM_SPEC_VALUE_TYPE (pspec), G_TYPE_LIST_MODEL) ||
      (pspec->flags & G_PARAM_READABLE) == 0)
    {
      g_critical ("%s has no list property named “%s”",
                  G_OBJECT_TYPE_NAME (owner), list);
      return FALSE;
    }

  return TRUE;
}

static SwCommand *
sw_list_command_new (GObject    *owner,
                     const char *list,
                     gpointer    item,
                     guint       position,
                     gboolean    is_insert)
{
  SwListCommand *self;

  self = g_object_new (SW_TYPE_LIST_COMMAND, NULL);
  self->owner_is_root = SW_IS_ORGANISATION (owner);
  if (self->owner_is_root)
    g_set_weak_pointer (&self->owner, owner);
  else
    self->owner = g_object_ref (owner);
  self->list = g_strdup (list);
  self->item = g_object_ref (item);
  self->position = position;
  self->is_insert = !!is_insert;

  return SW_COMMAND (self);
}

SwCommand *
sw_list_command_new_insert (GObject    *owner,
                            const char *list,
                            gpointer    item,
                            guint       position)
{
  g_return_val_if_fail (G_IS_OBJECT (owner), NULL);
  g_return_val_if_fail (list != NULL, NULL);
  g_return_val_if_fail (G_IS_OBJECT (item), NULL);

  if (!check_list (owner, list))
    return NULL;

  return sw_list_command_new (owner, list, item, position, TRUE);
}

SwCommand *
sw_list_command_new_remove (GObject    *owner,
                            const char *list,
                            gpointer    item)
{
  g_return_val_if_fail (G_IS_OBJECT (owner), NULL);
  g_return_val_if_fail (list != NULL, NULL);
  g_return_val_if_fail (G_IS_OBJECT (item), NULL);

  if (!check_list (owner, list))
    return NULL;

  return sw_list_command_new (owner, list, item, G_MAXUINT, FALSE);
}

GObject *
sw_list_command_get_owner (SwListCommand *self)
{
  g_return_val_if_fail (SW_IS_LIST_COMMAND (self), NULL);

  return self->owner;
}

const char *
sw_list_command_get_list (SwListCommand *self)
{
  g_return_val_if_fail (SW_IS_LIST_COMMAND (self), NULL);

  return self->list;
}

GObject *
sw_list_command_get_item (SwListCommand *self)
{
  g_return_val_if_fail (SW_IS_LIST_COMMAND (self), NULL);

  return self->item;
}

gboolean
sw_list_command_adds_item (SwListCommand *self,
                           gboolean       reverting)
{
  g_return_val_if_fail (SW_IS_LIST_COMMAND (self), FALSE);

  return reverting ? !self->is_insert : self->is_insert;
}
