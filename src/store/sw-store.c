/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "sw-store-internal.h"

G_DEFINE_FINAL_TYPE (SwStore, sw_store, G_TYPE_OBJECT)

enum
{
  RELOADED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_QUARK (sw-store-error-quark, sw_store_error)

static const SwStoreMigration *test_migrations;
static guint test_n_migrations;
static GPtrArray *test_trace;

static const SwStoreMigration *
get_migrations (guint *n_migrations)
{
  if (test_migrations != NULL)
    {
      *n_migrations = test_n_migrations;
      return test_migrations;
    }

  return sw_schema_get_migrations (n_migrations);
}

void
sw_store_set_migrations_for_testing (const SwStoreMigration *migrations,
                                     guint                   n_migrations)
{
  test_migrations = migrations;
  test_n_migrations = migrations != NULL ? n_migrations : 0;
}

int
sw_store_get_schema_version (void)
{
  guint n;

  get_migrations (&n);

  return (int) n;
}

void
sw_store_set_trace_for_testing (GPtrArray *statements)
{
  test_trace = statements;
}

sqlite3 *
sw_store_get_connection_for_testing (SwStore *self)
{
  g_return_val_if_fail (SW_IS_STORE (self), NULL);

  return self->db;
}

static int
trace_cb (unsigned int  type,
          void         *user_data,
          void         *p,
          void         *x)
{
  GPtrArray *statements = user_data;

  /* PROFILE reports each run of a statement once, when it ends, and not
   * the sub-programs of triggers and foreign key actions. */
  if (type == SQLITE_TRACE_PROFILE)
    g_ptr_array_add (statements, g_strdup (sqlite3_sql (p)));

  return 0;
}

/* ------------------------------------------------------------------ */
/* Opening                                                            */

/* Runs migrations @from … end, each with its version bump in one
 * transaction, with foreign keys off so that steps may rebuild tables
 * (checked with foreign_key_check before each COMMIT). */
static gboolean
migrate (sqlite3     *db,
         const char  *path,
         int          from,
         GError     **error)
{
  const SwStoreMigration *migrations;
  guint n_migrations;

  migrations = get_migrations (&n_migrations);

  for (int version = from; version < (int) n_migrations; version++)
    {
      g_autofree char *bump = g_strdup_printf ("PRAGMA user_version = %d", version + 1);
      g_autofree char *context = g_strdup_printf (_("Could not upgrade the database to version %d"),
                                                  version + 1);
      sqlite3_stmt *check = NULL;
      int rc;

      rc = sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
      if (rc == SQLITE_OK)
        rc = sqlite3_exec (db, migrations[version].sql, NULL, NULL, NULL);
      if (rc == SQLITE_OK)
        rc = sqlite3_exec (db, bump, NULL, NULL, NULL);
      if (rc == SQLITE_OK)
        rc = sqlite3_prepare_v2 (db, "PRAGMA foreign_key_check", -1, &check, NULL);
      if (rc == SQLITE_OK)
        {
          rc = sqlite3_step (check);
          if (rc == SQLITE_ROW)
            {
              sqlite3_finalize (check);
              sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
              g_set_error (error, SW_STORE_ERROR, SW_STORE_ERROR_IO,
                           _("%s: the data breaks a foreign key (%s)"), context, path);
              return FALSE;
            }
          rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
        }
      sqlite3_finalize (check);
      if (rc == SQLITE_OK)
        rc = sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);

      if (rc != SQLITE_OK)
        {
          sw_store_set_sqlite_error (error, db, rc, path, context);
          if (!sqlite3_get_autocommit (db))
            sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
          return FALSE;
        }
    }

  return TRUE;
}

/* Creates a new database at @path: built complete under a temporary name
 * in the same folder, then linked into place, so that a crash never
 * leaves a half-made file at @path. */
static gboolean
create_database (const char  *path,
                 GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *tmp = g_strconcat (path, ".new-XXXXXX", NULL);
  sqlite3 *db = NULL;
  gboolean ok;
  int fd;
  int rc;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, SW_STORE_ERROR, SW_STORE_ERROR_IO,
                   _("Could not create the folder “%s”: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }

  fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, SW_STORE_ERROR,
                   saved_errno == EROFS || saved_errno == EACCES ? SW_STORE_ERROR_READ_ONLY : SW_STORE_ERROR_IO,
                   _("Could not create the database “%s”: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);

  rc = sqlite3_open_v2 (tmp, &db, SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK)
    {
      sw_store_set_sqlite_error (error, db, rc, path, _("Could not create the database"));
      ok = FALSE;
    }
  else
    ok = migrate (db, path, 0, error);
  sqlite3_close (db);

  if (ok && link (tmp, path) != 0)
    {
      int saved_errno = errno;

      if (saved_errno == EEXIST)
        ;  /* made meanwhile by someone else: open theirs */
      else if ((saved_errno == EPERM || saved_errno == ENOTSUP || saved_errno == ENOSYS) &&
               !g_file_test (path, G_FILE_TEST_EXISTS) &&
               g_rename (tmp, path) == 0)
        ;  /* a file system without hard links */
      else
        {
          if (!g_file_test (path, G_FILE_TEST_EXISTS))
            {
              g_set_error (error, SW_STORE_ERROR, SW_STORE_ERROR_IO,
                           _("Could not create the database “%s”: %s"), path,
                           g_strerror (saved_errno));
              ok = FALSE;
            }
        }
    }

  g_unlink (tmp);

  return ok;
}

/* Rejects what is not an SQLite file by its first bytes, without letting
 * SQLite near it. */
static gboolean
check_header (const char  *path,
              GError     **error)
{
  static const char magic[16] = "SQLite format 3";
  char header[100];
  gssize n = 0;
  int fd;

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, SW_STORE_ERROR, SW_STORE_ERROR_IO,
                   _("Could not read “%s”: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }

  while (n < (gssize) sizeof header)
    {
      gssize r = read (fd, header + n, sizeof header - (gsize) n);

      if (r < 0 && errno == EINTR)
        continue;
      if (r < 0)
        {
          int saved_errno = errno;

          close (fd);
          g_set_error (error, SW_STORE_ERROR, SW_STORE_ERROR_IO,
                       _("Could not read “%s”: %s"), path, g_strerror (saved_errno));
          return FALSE;
        }
      if (r == 0)
        break;
      n += r;
    }
  close (fd);

  if (n < (gssize) sizeof header || memcmp (header, magic, sizeof magic) != 0)
    {
      g_set_error (error, SW_STORE_ERROR, SW_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is not a Service Week Planner database"), path);
      return FALSE;
    }

  return TRUE;
}

/* Opens @path read-only.  A WAL database needs its -shm file; in a
 * folder that cannot be written (a read-only mount) it cannot be
 * created, so when there is no -wal file either (nothing is waiting to
 * be checkpointed) the file is opened as immutable instead.  When
 * @inspecting, a file without a -wal file is always opened immutable,
 * so that looking at it creates nothing. */
static int
open_read_only (const char  *path,
                gboolean     inspecting,
                sqlite3    **out_db)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *uri = NULL;
  g_autofree char *escaped = NULL;
  sqlite3 *db = NULL;
  int rc;

  /* Inspecting a file that may not be ours must leave no trace: a WAL
   * database read normally gets -wal and -shm files next to it. */
  if (!inspecting || g_file_test (wal, G_FILE_TEST_EXISTS))
    {
      rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL);
      if (rc == SQLITE_OK)
        rc = sqlite3_exec (db, "SELECT count(*) FROM sqlite_schema", NULL, NULL, NULL);
      if ((rc & 0xff) != SQLITE_CANTOPEN || g_file_test (wal, G_FILE_TEST_EXISTS))
        {
          *out_db = db;
          return rc;
        }

      sqlite3_close (db);
      db = NULL;
    }

  escaped = g_uri_escape_string (path, "/", FALSE);
  uri = g_strconcat ("file:", escaped, "?immutable=1", NULL);
  rc = sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
  *out_db = db;

  return rc;
}

/* Checks, through a read-only connection that cannot change a byte of
 * the file, that it is ours, not newer than us and not damaged. */
static gboolean
inspect (const char  *path,
         int         *out_version,
         GError     **error)
{
  const char *context = _("Could not open the database");
  g_autofree char *check = NULL;
  sqlite3 *db = NULL;
  gint64 application_id = 0;
  gint64 version = 0;
  int known = sw_store_get_schema_version ();
  int rc;

  rc = open_read_only (path, TRUE, &db);
  if (rc == SQLITE_OK)
    {
      sqlite3_busy_timeout (db, 5000);
      rc = sw_store_query_single (db, "PRAGMA application_id", &application_id, NULL);
    }
  if (rc == SQLITE_OK)
    rc = sw_store_query_single (db, "PRAGMA user_version", &version, NULL);
  if (rc != SQLITE_OK)
    {
      sw_store_set_sqlite_error (error, db, rc, path, context);
      sqlite3_close (db);
      return FALSE;
    }

  if (application_id != SW_STORE_APPLICATION_ID)
    {
      sqlite3_close (db);
      g_set_error (error, SW_STORE_ERROR, SW_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is an SQLite database of another program, not a Service Week Planner database"),
                   path);
      return FALSE;
    }

  /* No version of the program writes a negative one: the header was
   * damaged (and a migration would start before the first). */
  if (version < 0)
    {
      sqlite3_close (db);
      g_set_error (error, SW_STORE_ERROR, SW_STORE_ERROR_CORRUPT,
                   _("The database “%s” is damaged (database version %d)"),
                   path, (int) version);
      return FALSE;
    }

  if (version > known)
    {
      sqlite3_close (db);
      g_set_error (error, SW_STORE_ERROR, SW_STORE_ERROR_NEWER_VERSION,
                   _("“%s” was saved by a newer version of Service Week Planner "
                     "(database version %d; this version knows up to %d)"),
                   path, (int) version, known);
      return FALSE;
    }

  rc = sw_store_query_single (db, "PRAGMA quick_check", NULL, &check);
  if (rc != SQLITE_OK || g_strcmp0 (check, "ok") != 0)
    {
      if (rc != SQLITE_OK && sw_store_code_for_sqlite (rc) != SW_STORE_ERROR_CORRUPT &&
          sw_store_code_for_sqlite (rc) != SW_STORE_ERROR_NOT_A_DATABASE)
        sw_store_set_sqlite_error (error, db, rc, path, context);
      else
        g_set_error (error, SW_STORE_ERROR, SW_STORE_ERROR_CORRUPT,
                     _("The database “%s” is damaged (%s)"), path,
                     check != NULL ? check : sqlite3_errmsg (db));
      sqlite3_close (db);
      return FALSE;
    }

  sqlite3_close (db);
  *out_version = (int) version;

  return TRUE;
}

static gboolean
can_write (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  /* WAL needs to create its files next to the database. */
  return g_access (path, W_OK) == 0 && g_access (dir, W_OK | X_OK) == 0;
}

static gboolean
exec_setup (SwStore     *self,
            const char  *sql,
            GError     **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      sw_store_set_sqlite_error (error, self->db, rc, self->path, _("Could not open the database"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
open_connection (SwStore  *self,
                 int       version,
                 GError  **error)
{
  int rc;

  if (self->read_only)
    rc = open_read_only (self->path, FALSE, &self->db);
  else
    rc = sqlite3_open_v2 (self->path, &self->db, SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK)
    {
      sw_store_set_sqlite_error (error, self->db, rc, self->path, _("Could not open the database"));
      return FALSE;
    }

  sqlite3_extended_result_codes (self->db, TRUE);
  sqlite3_busy_timeout (self->db, 5000);

  if (test_trace != NULL)
    sqlite3_trace_v2 (self->db, SQLITE_TRACE_PROFILE, trace_cb, test_trace);

  if (self->read_only)
    return TRUE;

  return migrate (self->db, self->path, version, error) &&
         exec_setup (self, "PRAGMA foreign_keys = ON", error) &&
         exec_setup (self, "PRAGMA journal_mode = WAL", error);
}

SwStore *
sw_store_open (const char        *path,
               SwStoreOpenFlags   flags,
               GError           **error)
{
  g_autoptr(SwStore) self = NULL;
  GStatBuf st;
  int version = 0;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_stat (path, &st) != 0)
    {
      int saved_errno = errno;

      if (saved_errno != ENOENT)
        {
          g_set_error (error, SW_STORE_ERROR, SW_STORE_ERROR_IO,
                       _("Could not open the database “%s”: %s"), path, g_strerror (saved_errno));
          return NULL;
        }

      if ((flags & SW_STORE_OPEN_CREATE) == 0)
        {
          g_set_error (error, SW_STORE_ERROR, SW_STORE_ERROR_NOT_FOUND,
                       _("The database “%s” does not exist"), path);
          return NULL;
        }

      if (!create_database (path, error))
        return NULL;
    }
  else if (S_ISDIR (st.st_mode))
    {
      g_set_error (error, SW_STORE_ERROR, SW_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is a folder, not a database file"), path);
      return NULL;
    }
  else if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, SW_STORE_ERROR, SW_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is not a regular file"), path);
      return NULL;
    }

  if (!check_header (path, error) ||
      !inspect (path, &version, error))
    return NULL;

  self = g_object_new (SW_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  self->read_only = (flags & SW_STORE_OPEN_READ_ONLY) != 0 || !can_write (path);

  if (self->read_only && version < sw_store_get_schema_version ())
    {
      g_set_error (error, SW_STORE_ERROR, SW_STORE_ERROR_READ_ONLY,
                   _("The database “%s” needs to be upgraded, but it cannot be written"), path);
      return NULL;
    }

  if (!open_connection (self, version, error) || !sw_store_load (self, self->organisation, error))
    return NULL;
  sw_organisation_set_read_only (self->organisation, self->read_only);

  sw_undo_stack_set_commit_func (sw_organisation_get_undo_stack (self->organisation),
                                 sw_store_commit_command, self, NULL);

  return g_steal_pointer (&self);
}

/* ------------------------------------------------------------------ */
/* The object                                                         */

static void
sw_store_dispose (GObject *object)
{
  SwStore *self = SW_STORE (object);

  if (self->organisation != NULL)
    {
      /* The organisation may outlive us: later edits must fail, not vanish. */
      sw_undo_stack_set_commit_func (sw_organisation_get_undo_stack (self->organisation),
                                     sw_store_closed_commit, NULL, NULL);
      g_clear_object (&self->organisation);
    }

  G_OBJECT_CLASS (sw_store_parent_class)->dispose (object);
}

static void
sw_store_finalize (GObject *object)
{
  SwStore *self = SW_STORE (object);

  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    sqlite3_close (self->db);
  g_clear_pointer (&self->written, g_hash_table_unref);
  g_clear_pointer (&self->links_written, g_hash_table_unref);
  g_clear_pointer (&self->given_ids, g_ptr_array_unref);
  g_clear_pointer (&self->inserted, g_hash_table_unref);
  g_clear_pointer (&self->positions, g_hash_table_unref);
  g_clear_pointer (&self->dirty_lists, g_hash_table_unref);
  g_free (self->path);

  G_OBJECT_CLASS (sw_store_parent_class)->finalize (object);
}

static void
sw_store_class_init (SwStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sw_store_dispose;
  object_class->finalize = sw_store_finalize;

  /**
   * SwStore::reloaded:
   *
   * After sw_store_reload() replaced the organisation's departments,
   * people and plans with what the database holds now: views holding an
   * object of the old contents look it up again by id.
   */
  signals[RELOADED] =
    g_signal_new ("reloaded",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
sw_store_init (SwStore *self)
{
  self->organisation = sw_organisation_new ();
  self->statements = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) sqlite3_finalize);
  self->written = g_hash_table_new (NULL, NULL);
  self->links_written = g_hash_table_new (NULL, NULL);
  self->given_ids = g_ptr_array_new_with_free_func (g_object_unref);
  self->inserted = g_hash_table_new (NULL, NULL);
  self->positions = g_hash_table_new_full (NULL, NULL, g_object_unref,
                                           (GDestroyNotify) g_hash_table_unref);
  self->dirty_lists = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
}

char *
sw_store_default_path (void)
{
  const char *env = g_getenv ("SERVWEEK_DB");

  if (env != NULL && *env != '\0')
    return g_strdup (env);

  return g_build_filename (g_get_user_data_dir (), "servweek", "servweek.db", NULL);
}

SwOrganisation *
sw_store_get_organisation (SwStore *self)
{
  g_return_val_if_fail (SW_IS_STORE (self), NULL);

  return self->organisation;
}

const char *
sw_store_get_path (SwStore *self)
{
  g_return_val_if_fail (SW_IS_STORE (self), NULL);

  return self->path;
}

gboolean
sw_store_is_read_only (SwStore *self)
{
  g_return_val_if_fail (SW_IS_STORE (self), TRUE);

  return self->read_only;
}

gboolean
sw_store_is_empty (SwStore *self)
{
  sqlite3_stmt *stmt;
  gboolean empty;

  g_return_val_if_fail (SW_IS_STORE (self), FALSE);

  /* sqlite_sequence keeps the highest id ever given, even after deletes. */
  stmt = sw_store_get_stmt (self,
                            "SELECT 1 FROM sqlite_sequence WHERE name IN ('person', 'plan') AND seq > 0",
                            NULL);
  if (stmt == NULL)
    return FALSE;

  empty = sqlite3_step (stmt) != SQLITE_ROW;
  sqlite3_reset (stmt);

  return empty;
}

sqlite3 *
sw_store_get_connection (SwStore *self)
{
  g_return_val_if_fail (SW_IS_STORE (self), NULL);

  return self->db;
}

gboolean
sw_store_poll_external_change (SwStore   *self,
                               gboolean  *changed,
                               GError   **error)
{
  gint64 version = 0;
  int rc;

  g_return_val_if_fail (SW_IS_STORE (self), FALSE);
  g_return_val_if_fail (changed != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *changed = FALSE;

  rc = sw_store_query_single (self->db, "PRAGMA data_version", &version, NULL);
  if (rc != SQLITE_OK)
    {
      sw_store_set_sqlite_error (error, self->db, rc, self->path, _("Could not read the database"));
      return FALSE;
    }

  *changed = version != self->data_version;

  return TRUE;
}

/* Moves the items of @from into @to, replacing what @to held, in one
 * items-changed. */
static void
replace_list (GListModel *to,
              GListModel *from)
{
  guint n = g_list_model_get_n_items (from);
  g_autoptr(GPtrArray) items = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (from, i));

  g_list_store_splice (G_LIST_STORE (to), 0, g_list_model_get_n_items (to),
                       items->pdata, items->len);
  g_list_store_remove_all (G_LIST_STORE (from));
}

gboolean
sw_store_drop_deleted_plans_records (SwStore  *self,
                                     GError  **error)
{
  static const char orphans[] =
    "SELECT EXISTS (SELECT plan_id FROM calendar_state UNION ALL SELECT plan_id FROM publish_target "
    "UNION ALL SELECT plan_id FROM publish_calendar UNION ALL SELECT plan_id FROM publish_resource "
    "UNION ALL SELECT plan_id FROM received_person UNION ALL SELECT plan_id FROM received_duty "
    "EXCEPT SELECT id FROM plan)";
  gint64 any = 0;
  int rc;

  g_return_val_if_fail (SW_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->read_only)
    return TRUE;

  rc = sw_store_query_single (self->db, orphans, &any, NULL);
  if (rc == SQLITE_OK && any)
    rc = sqlite3_exec (self->db,
                       "DELETE FROM calendar_state WHERE plan_id NOT IN (SELECT id FROM plan);"
                       "DELETE FROM publish_target WHERE plan_id NOT IN (SELECT id FROM plan);"
                       "DELETE FROM publish_calendar WHERE plan_id NOT IN (SELECT id FROM plan);"
                       "DELETE FROM publish_resource WHERE plan_id NOT IN (SELECT id FROM plan);"
                       "DELETE FROM received_person WHERE plan_id NOT IN (SELECT id FROM plan);"
                       "DELETE FROM received_duty WHERE plan_id NOT IN (SELECT id FROM plan);",
                       NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      sw_store_set_sqlite_error (error, self->db, rc, self->path,
                                 _("Could not save the calendar export records"));
      return FALSE;
    }

  return TRUE;
}

gboolean
sw_store_reload (SwStore  *self,
                 GError  **error)
{
  g_autoptr(SwOrganisation) fresh = NULL;

  g_return_val_if_fail (SW_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  g_return_val_if_fail (self->db != NULL, FALSE);

  fresh = sw_organisation_new ();
  if (!sw_store_load (self, fresh, error))
    return FALSE;

  /* The commands on the stack point at the objects being replaced. */
  sw_undo_stack_clear (sw_organisation_get_undo_stack (self->organisation));

  replace_list (sw_organisation_get_plans (self->organisation),
                sw_organisation_get_plans (fresh));
  replace_list (sw_organisation_get_people (self->organisation),
                sw_organisation_get_people (fresh));
  replace_list (sw_organisation_get_departments (self->organisation),
                sw_organisation_get_departments (fresh));

  g_signal_emit (self, signals[RELOADED], 0);

  return TRUE;
}
