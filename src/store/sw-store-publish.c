/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <sqlite3.h>

#include "sw-store-internal.h"

/* The publish state is saved outside the undo stack, as the calendar
 * export records are: it records what a server confirmed, which no undo
 * takes back.  Its rows outlive their plan's row for the same reason
 * (sw_store_drop_deleted_plans_records () drops them). */

static gboolean
writable (SwStore  *self,
          SwPlan   *plan,
          GError  **error)
{
  if (sw_store_is_read_only (self))
    {
      g_set_error (error, SW_STORE_ERROR, SW_STORE_ERROR_READ_ONLY,
                   _("The database “%s” is open read-only; what the calendar server confirmed was not saved"),
                   sw_store_get_path (self));
      return FALSE;
    }
  if (sw_plan_get_id (plan) <= 0)
    {
      g_set_error (error, SW_STORE_ERROR, SW_STORE_ERROR_NOT_FOUND,
                   _("The plan “%s” is not stored in the database"), sw_plan_get_title (plan));
      return FALSE;
    }
  return TRUE;
}

static void
damaged (SwStore  *self,
         GError  **error)
{
  g_set_error (error, SW_STORE_ERROR, SW_STORE_ERROR_CORRUPT,
               _("The calendar publishing records of “%s” are damaged"), sw_store_get_path (self));
}

static int
load_target (SwStore        *self,
             gint64          plan_id,
             SwPublishState *state)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (sw_store_get_connection (self),
                               "SELECT server, user_name, include_phones FROM publish_target WHERE plan_id = ?1",
                               -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    {
      sqlite3_bind_int64 (stmt, 1, plan_id);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          sw_publish_state_set_server (state, (const char *) sqlite3_column_text (stmt, 0));
          sw_publish_state_set_user (state, (const char *) sqlite3_column_text (stmt, 1));
          sw_publish_state_set_include_phones (state, sqlite3_column_int (stmt, 2) != 0);
        }
      rc = rc == SQLITE_ROW || rc == SQLITE_DONE ? SQLITE_OK : rc;
    }
  sqlite3_finalize (stmt);

  return rc;
}

SwPublishState *
sw_store_load_publish_state (SwStore  *self,
                             SwPlan   *plan,
                             GError  **error)
{
  static const char calendars_sql[] =
    "SELECT calendar_key, token, name, digest, created, color FROM publish_calendar WHERE plan_id = ?1";
  static const char resources_sql[] =
    "SELECT calendar_key, uid, etag, hash FROM publish_resource WHERE plan_id = ?1";
  g_autoptr(SwPublishState) state = sw_publish_state_new ();
  sqlite3 *db;
  sqlite3_stmt *stmt = NULL;
  gint64 plan_id;
  int rc;

  g_return_val_if_fail (SW_IS_STORE (self), NULL);
  g_return_val_if_fail (SW_IS_PLAN (plan), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  plan_id = sw_plan_get_id (plan);
  if (plan_id <= 0)
    return g_steal_pointer (&state);

  db = sw_store_get_connection (self);
  rc = load_target (self, plan_id, state);

  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db, calendars_sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_int64 (stmt, 1, plan_id);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          const char *key = (const char *) sqlite3_column_text (stmt, 0);
          SwPublishCalendar calendar;

          calendar.token = (const char *) sqlite3_column_text (stmt, 1);
          calendar.name = (const char *) sqlite3_column_text (stmt, 2);
          calendar.digest = (const char *) sqlite3_column_text (stmt, 3);
          calendar.created = sqlite3_column_int (stmt, 4) != 0;
          calendar.color = (const char *) sqlite3_column_text (stmt, 5);
          if (key == NULL || calendar.token == NULL || *calendar.token == '\0')
            {
              sqlite3_finalize (stmt);
              damaged (self, error);
              return NULL;
            }
          sw_publish_state_set_calendar (state, key, &calendar);
        }
      rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
    }
  sqlite3_finalize (stmt);
  stmt = NULL;

  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db, resources_sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_int64 (stmt, 1, plan_id);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          const char *key = (const char *) sqlite3_column_text (stmt, 0);
          const char *uid = (const char *) sqlite3_column_text (stmt, 1);
          SwPublishResource resource;

          resource.etag = (const char *) sqlite3_column_text (stmt, 2);
          resource.hash = (const char *) sqlite3_column_text (stmt, 3);
          if (key == NULL || uid == NULL || resource.etag == NULL || resource.hash == NULL ||
              !sw_publish_state_lookup_calendar (state, key, NULL))
            {
              sqlite3_finalize (stmt);
              damaged (self, error);
              return NULL;
            }
          sw_publish_state_set_resource (state, key, uid, &resource);
        }
      rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_OK)
    {
      sw_store_set_sqlite_error (error, db, rc, sw_store_get_path (self),
                                 _("Could not read the calendar publishing records"));
      return NULL;
    }

  return g_steal_pointer (&state);
}

/* NULL stays NULL: a calendar without a digest is not wholly published. */
static void
bind_text_or_null (sqlite3_stmt *stmt,
                   int           index,
                   const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

/* Runs @sql with the plan's id as ?1 and @text as ?2 (when not NULL). */
static int
exec_for_plan (sqlite3    *db,
               const char *sql,
               gint64      plan_id,
               const char *text)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    {
      sqlite3_bind_int64 (stmt, 1, plan_id);
      if (text != NULL)
        sqlite3_bind_text (stmt, 2, text, -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt);
      rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
    }
  sqlite3_finalize (stmt);

  return rc;
}

static gboolean
finish (SwStore     *self,
        int          rc,
        GError     **error)
{
  sqlite3 *db = sw_store_get_connection (self);

  if (rc == SQLITE_OK)
    rc = sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      sw_store_set_sqlite_error (error, db, rc, sw_store_get_path (self),
                                 _("Could not save what the calendar server confirmed"));
      if (!sqlite3_get_autocommit (db))
        sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }
  return TRUE;
}

gboolean
sw_store_save_publish_settings (SwStore         *self,
                                SwPlan          *plan,
                                SwPublishState  *state,
                                GError         **error)
{
  sqlite3 *db;
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (SW_IS_STORE (self), FALSE);
  g_return_val_if_fail (SW_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (SW_IS_PUBLISH_STATE (state), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!writable (self, plan, error))
    return FALSE;

  db = sw_store_get_connection (self);
  rc = sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db,
                             "INSERT OR REPLACE INTO publish_target (plan_id, server, user_name, include_phones) "
                             "VALUES (?1, ?2, ?3, ?4)", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_int64 (stmt, 1, sw_plan_get_id (plan));
      sqlite3_bind_text (stmt, 2, sw_publish_state_get_server (state), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, sw_publish_state_get_user (state), -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 4, sw_publish_state_get_include_phones (state) ? 1 : 0);
      rc = sqlite3_step (stmt);
      rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
    }
  sqlite3_finalize (stmt);

  return finish (self, rc, error);
}

typedef struct
{
  sqlite3_stmt *stmt;
  gint64        plan_id;
  const char   *key;
  int           rc;
} SaveData;

static void
save_resource (const char              *uid,
               const SwPublishResource *resource,
               gpointer                 user_data)
{
  SaveData *data = user_data;

  if (data->rc != SQLITE_OK)
    return;
  sqlite3_reset (data->stmt);
  sqlite3_bind_int64 (data->stmt, 1, data->plan_id);
  sqlite3_bind_text (data->stmt, 2, data->key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (data->stmt, 3, uid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (data->stmt, 4, resource->etag, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (data->stmt, 5, resource->hash, -1, SQLITE_TRANSIENT);
  data->rc = sqlite3_step (data->stmt);
  data->rc = data->rc == SQLITE_DONE ? SQLITE_OK : data->rc;
}

gboolean
sw_store_save_publish_calendar (SwStore         *self,
                                SwPlan          *plan,
                                SwPublishState  *state,
                                const char      *key,
                                GError         **error)
{
  SaveData data = { NULL, 0, key, SQLITE_OK };
  SwPublishCalendar calendar;
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db;
  int rc;

  g_return_val_if_fail (SW_IS_STORE (self), FALSE);
  g_return_val_if_fail (SW_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (SW_IS_PUBLISH_STATE (state), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!writable (self, plan, error))
    return FALSE;

  db = sw_store_get_connection (self);
  data.plan_id = sw_plan_get_id (plan);
  rc = sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = exec_for_plan (db, "DELETE FROM publish_resource WHERE plan_id = ?1 AND calendar_key = ?2",
                        data.plan_id, key);
  if (rc == SQLITE_OK)
    rc = exec_for_plan (db, "DELETE FROM publish_calendar WHERE plan_id = ?1 AND calendar_key = ?2",
                        data.plan_id, key);

  if (rc == SQLITE_OK && sw_publish_state_lookup_calendar (state, key, &calendar))
    {
      rc = sqlite3_prepare_v2 (db,
                               "INSERT INTO publish_calendar (plan_id, calendar_key, token, name, digest, created, color) "
                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", -1, &stmt, NULL);
      if (rc == SQLITE_OK)
        {
          sqlite3_bind_int64 (stmt, 1, data.plan_id);
          sqlite3_bind_text (stmt, 2, key, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, 3, calendar.token, -1, SQLITE_TRANSIENT);
          bind_text_or_null (stmt, 4, calendar.name);
          bind_text_or_null (stmt, 5, calendar.digest);
          sqlite3_bind_int (stmt, 6, calendar.created ? 1 : 0);
          bind_text_or_null (stmt, 7, calendar.color);
          rc = sqlite3_step (stmt);
          rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
        }
      sqlite3_finalize (stmt);

      if (rc == SQLITE_OK)
        rc = sqlite3_prepare_v2 (db,
                                 "INSERT INTO publish_resource (plan_id, calendar_key, uid, etag, hash) "
                                 "VALUES (?1, ?2, ?3, ?4, ?5)", -1, &data.stmt, NULL);
      if (rc == SQLITE_OK)
        {
          sw_publish_state_foreach_resource (state, key, save_resource, &data);
          rc = data.rc;
        }
      sqlite3_finalize (data.stmt);
    }

  return finish (self, rc, error);
}
