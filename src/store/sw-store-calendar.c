/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <sqlite3.h>

#include "sw-store-internal.h"

/* The calendar state is saved outside the undo stack: it records what was
 * written to files, which no undo can take back. */

static void
set_error (GError     **error,
           SwStore     *self,
           int          rc,
           const char  *context)
{
  sqlite3 *db = sw_store_get_connection (self);
  SwStoreError code;

  switch (rc & 0xff)
    {
    case SQLITE_FULL:
      code = SW_STORE_ERROR_FULL;
      break;
    case SQLITE_READONLY:
    case SQLITE_PERM:
      code = SW_STORE_ERROR_READ_ONLY;
      break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      code = SW_STORE_ERROR_CORRUPT;
      break;
    default:
      code = SW_STORE_ERROR_IO;
    }

  g_set_error (error, SW_STORE_ERROR, code, "%s (%s): %s", context,
               sw_store_get_path (self), db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
}

static gint64
column_time (sqlite3_stmt *stmt,
             int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);
  gint64 minutes;

  if (text == NULL || !sw_time_parse_datetime (text, &minutes, NULL))
    return SW_TIME_UNSET;

  return minutes;
}

SwCalendarState *
sw_store_load_calendar_state (SwStore  *self,
                              SwPlan   *plan,
                              GError  **error)
{
  static const char sql[] =
    "SELECT file_key, uid, hash, sequence, created, last_modified, cancelled, "
    "is_todo, summary, start, \"end\" FROM calendar_state WHERE plan_id = ?1";
  g_autoptr(SwCalendarState) state = sw_calendar_state_new ();
  sqlite3 *db;
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (SW_IS_STORE (self), NULL);
  g_return_val_if_fail (SW_IS_PLAN (plan), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (sw_plan_get_id (plan) <= 0)
    return g_steal_pointer (&state);

  db = sw_store_get_connection (self);
  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_int64 (stmt, 1, sw_plan_get_id (plan));
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          SwCalendarEntry entry;
          const char *file_key = (const char *) sqlite3_column_text (stmt, 0);
          const char *uid = (const char *) sqlite3_column_text (stmt, 1);

          entry.hash = (const char *) sqlite3_column_text (stmt, 2);
          entry.sequence = sqlite3_column_int (stmt, 3);
          entry.created = sqlite3_column_int64 (stmt, 4);
          entry.last_modified = sqlite3_column_int64 (stmt, 5);
          entry.cancelled = sqlite3_column_int (stmt, 6) != 0;
          entry.is_todo = sqlite3_column_int (stmt, 7) != 0;
          entry.summary = (const char *) sqlite3_column_text (stmt, 8);
          entry.start = column_time (stmt, 9);
          entry.end = column_time (stmt, 10);

          if (file_key == NULL || uid == NULL || (!entry.is_todo && entry.start == SW_TIME_UNSET))
            {
              sqlite3_finalize (stmt);
              g_set_error (error, SW_STORE_ERROR, SW_STORE_ERROR_CORRUPT,
                           _("The calendar export records of “%s” are damaged"),
                           sw_store_get_path (self));
              return NULL;
            }
          sw_calendar_state_set (state, file_key, uid, &entry);
        }
      if (rc == SQLITE_DONE)
        rc = SQLITE_OK;
      sw_calendar_state_mark_saved (state);
    }

  if (rc != SQLITE_OK)
    {
      set_error (error, self, rc, _("Could not read the calendar export records"));
      sqlite3_finalize (stmt);
      return NULL;
    }
  sqlite3_finalize (stmt);

  return g_steal_pointer (&state);
}

typedef struct
{
  sqlite3_stmt *stmt;
  gint64        plan_id;
  int           rc;
} SaveData;

static void
save_entry (const char            *file_key,
            const char            *uid,
            const SwCalendarEntry *entry,
            gpointer               user_data)
{
  SaveData *data = user_data;
  sqlite3_stmt *stmt = data->stmt;

  if (data->rc != SQLITE_OK)
    return;

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  sqlite3_bind_int64 (stmt, 1, data->plan_id);
  sqlite3_bind_text (stmt, 2, file_key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, uid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, entry->hash, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 5, MAX (entry->sequence, 0));
  sqlite3_bind_int64 (stmt, 6, entry->created);
  sqlite3_bind_int64 (stmt, 7, entry->last_modified);
  sqlite3_bind_int (stmt, 8, entry->cancelled ? 1 : 0);
  sqlite3_bind_int (stmt, 9, entry->is_todo ? 1 : 0);
  sqlite3_bind_text (stmt, 10, entry->summary, -1, SQLITE_TRANSIENT);
  sw_store_bind_time (stmt, 11, entry->start);
  sw_store_bind_time (stmt, 12, entry->end);

  data->rc = sqlite3_step (stmt);
  if (data->rc == SQLITE_DONE)
    data->rc = SQLITE_OK;
}

gboolean
sw_store_save_calendar_state (SwStore          *self,
                              SwPlan           *plan,
                              SwCalendarState  *state,
                              GError          **error)
{
  static const char insert_sql[] =
    "INSERT OR REPLACE INTO calendar_state (plan_id, file_key, uid, hash, sequence, created, "
    "last_modified, cancelled, is_todo, summary, start, \"end\") "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)";
  const char *context = _("Could not save the calendar export records");
  sqlite3 *db;
  sqlite3_stmt *exists = NULL;
  sqlite3_stmt *remove = NULL;
  SaveData data = { NULL, 0, SQLITE_OK };
  g_auto(GStrv) removed = NULL;
  gboolean stored = FALSE;
  int rc;

  g_return_val_if_fail (SW_IS_STORE (self), FALSE);
  g_return_val_if_fail (SW_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (SW_IS_CALENDAR_STATE (state), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (sw_store_is_read_only (self))
    {
      g_set_error (error, SW_STORE_ERROR, SW_STORE_ERROR_READ_ONLY,
                   _("The database “%s” is open read-only; the calendar export records were not saved"),
                   sw_store_get_path (self));
      return FALSE;
    }
  if (sw_plan_get_id (plan) <= 0)
    {
      g_set_error (error, SW_STORE_ERROR, SW_STORE_ERROR_NOT_FOUND,
                   _("The plan “%s” is not stored in the database"), sw_plan_get_title (plan));
      return FALSE;
    }

  db = sw_store_get_connection (self);
  data.plan_id = sw_plan_get_id (plan);
  removed = sw_calendar_state_dup_removed_files (state);

  rc = sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
  /* The records outlive their plan's row (for an undone deletion), so the
   * plan must be there to take new ones. */
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db, "SELECT EXISTS (SELECT 1 FROM plan WHERE id = ?1)", -1, &exists, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_int64 (exists, 1, data.plan_id);
      rc = sqlite3_step (exists);
      stored = rc == SQLITE_ROW && sqlite3_column_int (exists, 0) != 0;
      rc = rc == SQLITE_ROW ? SQLITE_OK : rc;
    }
  sqlite3_finalize (exists);
  if (rc == SQLITE_OK && !stored)
    {
      sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
      g_set_error (error, SW_STORE_ERROR, SW_STORE_ERROR_NOT_FOUND,
                   _("The plan “%s” is not stored in the database"), sw_plan_get_title (plan));
      return FALSE;
    }
  /* Only what changed since the state was loaded: the rows of the
   * files forgotten go, the entries recorded anew replace theirs. */
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db, "DELETE FROM calendar_state WHERE plan_id = ?1 AND file_key = ?2",
                             -1, &remove, NULL);
  for (guint i = 0; rc == SQLITE_OK && removed[i] != NULL; i++)
    {
      sqlite3_reset (remove);
      sqlite3_bind_int64 (remove, 1, data.plan_id);
      sqlite3_bind_text (remove, 2, removed[i], -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (remove);
      rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
    }
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db, insert_sql, -1, &data.stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sw_calendar_state_foreach_changed (state, save_entry, &data);
      rc = data.rc;
    }
  sqlite3_finalize (remove);
  sqlite3_finalize (data.stmt);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      set_error (error, self, rc, context);
      if (!sqlite3_get_autocommit (db))
        sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }

  sw_calendar_state_mark_saved (state);
  return TRUE;
}
