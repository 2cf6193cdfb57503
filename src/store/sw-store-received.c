/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <sqlite3.h>

#include "sw-store-internal.h"

/* What each person last received is saved outside the undo stack, as the
 * calendar export records are: no undo takes back a file handed out or a
 * calendar published.  Its rows outlive their plan's row for the same
 * reason (sw_store_drop_deleted_plans_records () drops them). */

SwReceived *
sw_store_load_received (SwStore  *self,
                        SwPlan   *plan,
                        GError  **error)
{
  static const char people_sql[] = "SELECT person_id FROM received_person WHERE plan_id = ?1";
  static const char duties_sql[] =
    "SELECT person_id, slot_uid, duty_id, title, duty, location, start, \"end\" FROM received_duty "
    "WHERE plan_id = ?1 ORDER BY person_id, start, slot_uid, duty_id";
  g_autoptr(SwReceived) received = sw_received_new ();
  sqlite3 *db;
  sqlite3_stmt *stmt = NULL;
  gint64 plan_id;
  int rc;

  g_return_val_if_fail (SW_IS_STORE (self), NULL);
  g_return_val_if_fail (SW_IS_PLAN (plan), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  plan_id = sw_plan_get_id (plan);
  if (plan_id <= 0)
    return g_steal_pointer (&received);

  db = sw_store_get_connection (self);
  rc = sqlite3_prepare_v2 (db, people_sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_int64 (stmt, 1, plan_id);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        sw_received_mark (received, sqlite3_column_int64 (stmt, 0));
      rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
    }
  sqlite3_finalize (stmt);
  stmt = NULL;

  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db, duties_sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_int64 (stmt, 1, plan_id);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          SwReceivedDuty duty = {
            (char *) sqlite3_column_text (stmt, 1), sqlite3_column_int64 (stmt, 2),
            (char *) sqlite3_column_text (stmt, 3), (char *) sqlite3_column_text (stmt, 4),
            (char *) sqlite3_column_text (stmt, 5), sqlite3_column_int64 (stmt, 6),
            sqlite3_column_int64 (stmt, 7),
          };

          if (duty.slot_uid == NULL)
            {
              sqlite3_finalize (stmt);
              g_set_error (error, SW_STORE_ERROR, SW_STORE_ERROR_CORRUPT,
                           _("The records of what each person received of “%s” are damaged"),
                           sw_store_get_path (self));
              return NULL;
            }
          sw_received_add (received, sqlite3_column_int64 (stmt, 0), &duty);
        }
      rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_OK)
    {
      sw_store_set_sqlite_error (error, db, rc, sw_store_get_path (self),
                                 _("Could not read what each person received"));
      return NULL;
    }
  sw_received_mark_saved (received);
  return g_steal_pointer (&received);
}

static int
save_person (sqlite3    *db,
             gint64      plan_id,
             gint64      person_id,
             GPtrArray  *duties)
{
  sqlite3_stmt *stmt = NULL;
  int rc = SQLITE_OK;

  for (guint i = 0; rc == SQLITE_OK && i < 3; i++)
    {
      static const char * const sql[] = {
        "DELETE FROM received_duty WHERE plan_id = ?1 AND person_id = ?2",
        "DELETE FROM received_person WHERE plan_id = ?1 AND person_id = ?2",
        "INSERT INTO received_person (plan_id, person_id) VALUES (?1, ?2)",
      };

      rc = sqlite3_prepare_v2 (db, sql[i], -1, &stmt, NULL);
      if (rc == SQLITE_OK)
        {
          sqlite3_bind_int64 (stmt, 1, plan_id);
          sqlite3_bind_int64 (stmt, 2, person_id);
          rc = sqlite3_step (stmt);
          rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
        }
      sqlite3_finalize (stmt);
      stmt = NULL;
      /* Someone who never received one has no rows at all. */
      if (duties == NULL && i == 1)
        return rc;
    }

  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db,
                             "INSERT OR REPLACE INTO received_duty (plan_id, person_id, slot_uid, duty_id, title, "
                             "duty, location, start, \"end\") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                             -1, &stmt, NULL);
  for (guint i = 0; rc == SQLITE_OK && i < duties->len; i++)
    {
      SwReceivedDuty *duty = g_ptr_array_index (duties, i);

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, plan_id);
      sqlite3_bind_int64 (stmt, 2, person_id);
      sqlite3_bind_text (stmt, 3, duty->slot_uid, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 4, duty->duty_id);
      sqlite3_bind_text (stmt, 5, duty->title, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 6, duty->duty, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 7, duty->location, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 8, duty->start);
      sqlite3_bind_int64 (stmt, 9, duty->end);
      rc = sqlite3_step (stmt);
      rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
    }
  sqlite3_finalize (stmt);
  return rc;
}

gboolean
sw_store_save_received (SwStore     *self,
                        SwPlan      *plan,
                        SwReceived  *received,
                        GError     **error)
{
  g_autoptr(GArray) people = NULL;
  sqlite3 *db;
  int rc;

  g_return_val_if_fail (SW_IS_STORE (self), FALSE);
  g_return_val_if_fail (SW_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (SW_IS_RECEIVED (received), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  people = sw_received_dup_changed (received);
  if (people->len == 0)
    return TRUE;
  if (sw_store_is_read_only (self))
    {
      g_set_error (error, SW_STORE_ERROR, SW_STORE_ERROR_READ_ONLY,
                   _("The database “%s” is open read-only; who received which calendar was not saved"),
                   sw_store_get_path (self));
      return FALSE;
    }

  db = sw_store_get_connection (self);
  rc = sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
  for (guint i = 0; rc == SQLITE_OK && i < people->len; i++)
    {
      gint64 id = g_array_index (people, gint64, i);

      rc = save_person (db, sw_plan_get_id (plan), id, sw_received_lookup (received, id));
    }
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      sw_store_set_sqlite_error (error, db, rc, sw_store_get_path (self),
                                 _("Could not save who received which calendar"));
      if (!sqlite3_get_autocommit (db))
        sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }
  sw_received_mark_saved (received);
  return TRUE;
}
