/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sw-store-internal.h"

/*
 * How the store writes.  The undo stack calls sw_store_commit_command()
 * after it has applied (or reverted) a command in memory, so the model
 * already is the state to save.  A command is saved in one transaction by walking it:
 * a property command rewrites its object's row, a list command that puts
 * an item into a list upserts the item and everything it owns, one that
 * takes it out deletes the row (the schema cascades).  Rows are always
 * written from the objects' current state, so an object written once in a
 * transaction need not be written again.
 *
 * Ids of new objects are given before anything is written, and foreign
 * keys are checked at COMMIT, so the order of the commands inside a group
 * never matters.
 */

/* ------------------------------------------------------------------ */
/* Writing                                                            */

static gboolean
write_organisers (SwStore  *self,
                  SwSlot   *slot,
                  GError  **error)
{
  GListModel *organisers = sw_slot_get_organisers (slot);
  gint64 slot_id = sw_slot_get_id (slot);
  guint n = g_list_model_get_n_items (organisers);
  sqlite3_stmt *stmt;

  if (slot_id == 0 || g_hash_table_contains (self->links_written, slot))
    return TRUE;

  stmt = sw_store_get_stmt (self, "DELETE FROM slot_organiser WHERE slot_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, slot_id);
  if (!sw_store_step_done (self, stmt, error))
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwDepartment) department = g_list_model_get_item (organisers, i);
      gint64 department_id = sw_department_get_id (department);

      if (department_id == 0)
        continue;

      stmt = sw_store_get_stmt (self,
                                "INSERT OR IGNORE INTO slot_organiser (slot_id, department_id, list_order) "
                                "VALUES (?1, ?2, ?3)",
                                error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, slot_id);
      sqlite3_bind_int64 (stmt, 2, department_id);
      sqlite3_bind_int (stmt, 3, (int) i);
      if (!sw_store_step_done (self, stmt, error))
        return FALSE;
    }

  g_hash_table_add (self->links_written, slot);

  return TRUE;
}

/* Inserts or rewrites the row of @object and everything it owns. */
static gboolean
upsert_cb (SwStore        *self,
           SwStoreEntity   entity,
           gpointer        object,
           gint64          owner_id,
           int             list_order,
           GError        **error)
{
  const SwStoreEntityInfo *info = &sw_store_entities[entity];
  gint64 id = sw_store_entity_get_id (entity, object);
  sqlite3_stmt *stmt;

  if (g_hash_table_contains (self->written, object))
    return TRUE;

  if (id == 0)
    {
      /* sw_store_give_ids() saw every added object; nothing else may be new. */
      g_set_error (error, SW_STORE_ERROR, SW_STORE_ERROR_IO,
                   _("Could not save the change: an object has no id (%s)"), info->table);
      return FALSE;
    }

  stmt = sw_store_get_stmt (self, info->upsert_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int (stmt, 2, list_order);
  if (info->has_owner)
    sw_store_bind_id (stmt, 3, owner_id);
  info->bind (stmt, sw_store_first_field (entity), object);
  if (!sw_store_step_done (self, stmt, error))
    return FALSE;

  g_hash_table_add (self->written, object);
  g_hash_table_add (self->inserted, object);

  if (entity == E_SLOT && !write_organisers (self, object, error))
    return FALSE;

  return sw_store_foreach_child (self, entity, object, upsert_cb, error);
}

static gboolean
update_object (SwStore  *self,
               GObject  *object,
               GError  **error)
{
  SwStoreEntity entity = sw_store_entity_of (object);
  sqlite3_stmt *stmt;
  gint64 id;

  if (entity == E_NONE || g_hash_table_contains (self->written, object))
    return TRUE;

  id = sw_store_entity_get_id (entity, object);
  if (id == 0)
    return TRUE;  /* not stored (yet): the insert writes it whole */

  stmt = sw_store_get_stmt (self, sw_store_entities[entity].update_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sw_store_entities[entity].bind (stmt, sw_store_first_field (entity), object);
  if (!sw_store_step_done (self, stmt, error))
    return FALSE;

  g_hash_table_add (self->written, object);

  return TRUE;
}

/* Where @item is in @list.  The model does not change while a command is
 * saved, so each long list is indexed once per transaction. */
static gboolean
find_position (SwStore    *self,
               GListModel *list,
               gpointer    item,
               guint      *position)
{
  guint n = g_list_model_get_n_items (list);
  GHashTable *index;
  gpointer value;

  if (n > 0)
    {
      g_autoptr(GObject) last = g_list_model_get_item (list, n - 1);

      if (last == item)
        {
          *position = n - 1;
          return TRUE;
        }
    }

  if (n <= 16)
    {
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GObject) other = g_list_model_get_item (list, i);

          if (other == item)
            {
              *position = i;
              return TRUE;
            }
        }
      return FALSE;
    }

  index = g_hash_table_lookup (self->positions, list);
  if (index == NULL)
    {
      index = g_hash_table_new (NULL, NULL);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GObject) other = g_list_model_get_item (list, i);

          g_hash_table_insert (index, other, GUINT_TO_POINTER (i + 1));
        }
      g_hash_table_insert (self->positions, g_object_ref (list), index);
    }

  value = g_hash_table_lookup (index, item);
  if (value == NULL)
    return FALSE;

  *position = GPOINTER_TO_UINT (value) - 1;

  return TRUE;
}

static GListModel *
dup_list (GObject    *owner,
          const char *name)
{
  GListModel *list = NULL;

  g_object_get (owner, name, &list, NULL);

  return list;
}

/* The list_order for @item at @position of @list.  Appended: one more
 * than the row before it.  Anywhere else: its position, and the whole
 * list is renumbered before COMMIT. */
static gboolean
list_order_for (SwStore        *self,
                SwStoreEntity   entity,
                GListModel     *list,
                guint           position,
                int            *out_order,
                GError        **error)
{
  guint n = g_list_model_get_n_items (list);

  *out_order = (int) position;

  if (position == 0 && n == 1)
    return TRUE;

  if (position + 1 == n && !g_hash_table_contains (self->dirty_lists, list))
    {
      g_autoptr(GObject) previous = g_list_model_get_item (list, position - 1);
      sqlite3_stmt *stmt;
      int rc;

      stmt = sw_store_get_stmt (self, sw_store_entities[entity].get_order_sql, error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, sw_store_entity_get_id (entity, previous));
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *out_order = sqlite3_column_int (stmt, 0) + 1;
          sqlite3_reset (stmt);
          return TRUE;
        }
      rc = sqlite3_reset (stmt);
      if (rc != SQLITE_OK)
        {
          sw_store_set_save_error (self, error, rc);
          return FALSE;
        }
    }

  g_hash_table_insert (self->dirty_lists, g_object_ref (list), GINT_TO_POINTER (entity));

  return TRUE;
}

/* Gives every row of the lists that got items in the middle its
 * position as list_order. */
static gboolean
renumber_dirty_lists (SwStore  *self,
                      GError  **error)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, self->dirty_lists);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GListModel *list = key;
      SwStoreEntity entity = GPOINTER_TO_INT (value);
      guint n = g_list_model_get_n_items (list);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GObject) sibling = g_list_model_get_item (list, i);
          gint64 id = sw_store_entity_get_id (entity, sibling);
          sqlite3_stmt *stmt;

          if (id == 0)
            continue;

          stmt = sw_store_get_stmt (self, sw_store_entities[entity].set_order_sql, error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, id);
          sqlite3_bind_int (stmt, 2, (int) i);
          if (!sw_store_step_done (self, stmt, error))
            return FALSE;
        }
    }

  return TRUE;
}

static gboolean
write_list_command (SwStore        *self,
                    SwListCommand  *command,
                    gboolean        reverting,
                    GError        **error)
{
  GObject *owner = sw_list_command_get_owner (command);
  GObject *item = sw_list_command_get_item (command);
  SwStoreEntity entity = sw_store_entity_of (item);
  g_autoptr(GListModel) list = NULL;
  gboolean adds = sw_list_command_adds_item (command, reverting);
  gint64 owner_id = 0;
  guint position;
  gboolean present;

  if (sw_store_is_organiser_list (command))
    {
      /* The slot's link rows are written from its list as it is now. */
      return !SW_IS_SLOT (owner) || write_organisers (self, SW_SLOT (owner), error);
    }

  if (entity == E_NONE)
    return TRUE;

  if (adds && g_hash_table_contains (self->written, item))
    return TRUE;

  if (sw_store_entities[entity].has_owner)
    {
      SwStoreEntity owner_entity = sw_store_entity_of (owner);

      if (owner_entity == E_NONE)
        return TRUE;
      owner_id = sw_store_entity_get_id (owner_entity, owner);
      if (owner_id == 0)
        return TRUE;  /* the owner is not stored: neither is the item */
    }

  list = dup_list (owner, sw_list_command_get_list (command));
  present = list != NULL && find_position (self, list, item, &position);

  if (adds)
    {
      int list_order = 0;

      if (!present)
        return TRUE;  /* taken out again later in the same action */

      return list_order_for (self, entity, list, position, &list_order, error) &&
             upsert_cb (self, entity, item, owner_id, list_order, error);
    }
  else
    {
      sqlite3_stmt *stmt;
      gint64 id = sw_store_entity_get_id (entity, item);

      if (present || id == 0)
        return TRUE;  /* put back later in the same action */

      stmt = sw_store_get_stmt (self, sw_store_entities[entity].delete_sql, error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      if (!sw_store_step_done (self, stmt, error))
        return FALSE;

      /* Cascades may have removed or changed rows written before. */
      g_hash_table_remove_all (self->written);
      g_hash_table_remove_all (self->links_written);

      return TRUE;
    }
}

static gboolean
write_command (SwStore    *self,
               SwCommand  *command,
               gboolean    reverting,
               GError    **error)
{
  if (SW_IS_COMMAND_GROUP (command))
    {
      SwCommandGroup *group = SW_COMMAND_GROUP (command);
      guint n = sw_command_group_get_size (group);

      for (guint i = 0; i < n; i++)
        {
          guint index = reverting ? n - 1 - i : i;

          if (!write_command (self, sw_command_group_get_child (group, index), reverting, error))
            return FALSE;
        }

      return TRUE;
    }

  if (SW_IS_PROPERTY_COMMAND (command))
    return update_object (self, sw_property_command_get_object (SW_PROPERTY_COMMAND (command)), error);

  if (SW_IS_LIST_COMMAND (command))
    return write_list_command (self, SW_LIST_COMMAND (command), reverting, error);

  return TRUE;
}

static void
end_transaction_state (SwStore *self)
{
  g_hash_table_remove_all (self->written);
  g_hash_table_remove_all (self->links_written);
  g_ptr_array_set_size (self->given_ids, 0);
  g_hash_table_remove_all (self->inserted);
  g_hash_table_remove_all (self->positions);
  g_hash_table_remove_all (self->dirty_lists);
  memset (self->next_id, 0, sizeof self->next_id);
}

/* Inside the write transaction: fails when another program (another
 * connection) committed since the organisation was loaded, because the
 * rows written from the objects in memory could undo its change. */
static gboolean
check_unchanged (SwStore  *self,
                 GError  **error)
{
  gint64 version = 0;
  int rc;

  rc = sw_store_query_single (self->db, "PRAGMA data_version", &version, NULL);
  if (rc != SQLITE_OK)
    {
      sw_store_set_save_error (self, error, rc);
      return FALSE;
    }

  if (version != self->data_version)
    {
      g_set_error (error, SW_STORE_ERROR, SW_STORE_ERROR_CHANGED,
                   _("The plan was changed by another program; the change was not saved. "
                     "Try again once the plan is shown as it is now"));
      return FALSE;
    }

  return TRUE;
}

gboolean
sw_store_commit_command (SwCommand  *command,
                         gboolean    reverting,
                         gpointer    user_data,
                         GError    **error)
{
  SwStore *self = user_data;
  gboolean ok;

  if (self->read_only)
    {
      g_set_error (error, SW_STORE_ERROR, SW_STORE_ERROR_READ_ONLY,
                   _("The database “%s” is open read-only; the change was not saved"),
                   self->path);
      return FALSE;
    }

  if (!sw_store_exec_cached (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  ok = check_unchanged (self, error) &&
       sw_store_exec_cached (self, "PRAGMA defer_foreign_keys = ON", error) &&
       sw_store_give_ids (self, command, reverting, error) &&
       write_command (self, command, reverting, error) &&
       renumber_dirty_lists (self, error) &&
       sw_store_exec_cached (self, "COMMIT", error);

  if (!ok && !sqlite3_get_autocommit (self->db))
    sw_store_exec_cached (self, "ROLLBACK", NULL);

  /* Objects that are not stored after all (the transaction failed, or
   * they belong to an owner that is not stored) keep no id. */
  for (guint i = 0; i < self->given_ids->len; i++)
    {
      GObject *object = g_ptr_array_index (self->given_ids, i);

      if (!ok || !g_hash_table_contains (self->inserted, object))
        sw_store_entity_set_id (sw_store_entity_of (object), object, 0);
    }

  end_transaction_state (self);

  return ok;
}

gboolean
sw_store_closed_commit (SwCommand  *command,
                        gboolean    reverting,
                        gpointer    user_data,
                        GError    **error)
{
  g_set_error_literal (error, SW_STORE_ERROR, SW_STORE_ERROR_IO,
                       _("The database is closed; the change was not saved"));
  return FALSE;
}
