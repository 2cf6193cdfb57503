/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sw-store-internal.h"

/* ------------------------------------------------------------------ */
/* Errors                                                             */

SwStoreError
sw_store_code_for_sqlite (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_FULL:
      return SW_STORE_ERROR_FULL;
    case SQLITE_READONLY:
      return SW_STORE_ERROR_READ_ONLY;
    case SQLITE_CORRUPT:
      return SW_STORE_ERROR_CORRUPT;
    case SQLITE_NOTADB:
      return SW_STORE_ERROR_NOT_A_DATABASE;
    default:
      return SW_STORE_ERROR_IO;
    }
}

/* Sets @error for the failure @rc of @db while doing what @context says
 * ("Could not save the change", …). */
void
sw_store_set_sqlite_error (GError     **error,
                           sqlite3     *db,
                           int          rc,
                           const char  *path,
                           const char  *context)
{
  SwStoreError code = sw_store_code_for_sqlite (rc);
  const char *detail = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);

  switch (code)
    {
    case SW_STORE_ERROR_FULL:
      g_set_error (error, SW_STORE_ERROR, code,
                   _("%s: the disk is full (%s)"), context, path);
      break;

    case SW_STORE_ERROR_READ_ONLY:
      g_set_error (error, SW_STORE_ERROR, code,
                   _("%s: “%s” cannot be written"), context, path);
      break;

    case SW_STORE_ERROR_CORRUPT:
      g_set_error (error, SW_STORE_ERROR, code,
                   _("%s: the database “%s” is damaged (%s)"), context, path, detail);
      break;

    case SW_STORE_ERROR_NOT_A_DATABASE:
      g_set_error (error, SW_STORE_ERROR, code,
                   _("%s: “%s” is not a Service Week Planner database"), context, path);
      break;

    case SW_STORE_ERROR_NOT_FOUND:
    case SW_STORE_ERROR_NEWER_VERSION:
    case SW_STORE_ERROR_IO:
    default:
      if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
        g_set_error (error, SW_STORE_ERROR, SW_STORE_ERROR_IO,
                     _("%s: the database “%s” is in use by another program"), context, path);
      else
        g_set_error (error, SW_STORE_ERROR, SW_STORE_ERROR_IO,
                     _("%s: %s (%s)"), context, detail, path);
      break;
    }
}

void
sw_store_set_save_error (SwStore  *self,
                         GError  **error,
                         int       rc)
{
  sw_store_set_sqlite_error (error, self->db, rc, self->path, _("Could not save the change"));
}

/* ------------------------------------------------------------------ */
/* Statements                                                         */

/* The cached statement for @sql, which must be a string constant: the
 * cache is keyed by its address. */
sqlite3_stmt *
sw_store_get_stmt (SwStore     *self,
                   const char  *sql,
                   GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  int rc;

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      sw_store_set_save_error (self, error, rc);
      sqlite3_finalize (stmt);
      return NULL;
    }

  g_hash_table_insert (self->statements, (gpointer) sql, stmt);

  return stmt;
}

/* Runs a statement that returns no rows. */
gboolean
sw_store_step_done (SwStore       *self,
                    sqlite3_stmt  *stmt,
                    GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      rc = sqlite3_reset (stmt);
      sw_store_set_save_error (self, error, rc);
      return FALSE;
    }

  sqlite3_reset (stmt);

  return TRUE;
}

gboolean
sw_store_exec_cached (SwStore     *self,
                      const char  *sql,
                      GError     **error)
{
  sqlite3_stmt *stmt = sw_store_get_stmt (self, sql, error);

  return stmt != NULL && sw_store_step_done (self, stmt, error);
}

void
sw_store_bind_text (sqlite3_stmt *stmt,
                    int           index,
                    const char   *text)
{
  /* The text belongs to an object that outlives the step. */
  sqlite3_bind_text (stmt, index, text != NULL ? text : "", -1, SQLITE_STATIC);
}

void
sw_store_bind_id (sqlite3_stmt *stmt,
                  int           index,
                  gint64        id)
{
  if (id > 0)
    sqlite3_bind_int64 (stmt, index, id);
  else
    sqlite3_bind_null (stmt, index);
}

void
sw_store_bind_time (sqlite3_stmt *stmt,
                    int           index,
                    gint64        minutes)
{
  if (minutes == SW_TIME_UNSET)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, sw_time_format_datetime (minutes), -1, g_free);
}

void
sw_store_bind_day (sqlite3_stmt *stmt,
                   int           index,
                   int           day)
{
  sqlite3_bind_text (stmt, index, sw_time_format_date (day), -1, g_free);
}

void
sw_store_bind_nick (sqlite3_stmt *stmt,
                    int           index,
                    GType         type,
                    int           value)
{
  sw_store_bind_text (stmt, index, sw_enum_to_nick (type, value));
}

/* The first column of the first row of @sql as an integer or text. */
int
sw_store_query_single (sqlite3     *db,
                       const char  *sql,
                       gint64      *out_int,
                       char       **out_text)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          if (out_int != NULL)
            *out_int = sqlite3_column_int64 (stmt, 0);
          if (out_text != NULL)
            *out_text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
          rc = SQLITE_OK;
        }
      else if (rc == SQLITE_DONE)
        rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);

  return rc;
}
