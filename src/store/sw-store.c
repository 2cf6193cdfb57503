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

#include "sw-store-private.h"

/*
 * How the store writes.  The undo stack calls commit_command() after it
 * has applied (or reverted) a command in memory, so the model already is
 * the state to save.  A command is saved in one transaction by walking it:
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

typedef enum
{
  E_DEPARTMENT,
  E_PERSON,
  E_UNAVAILABILITY,
  E_PLAN,
  E_COMMITTEE,
  E_MEMBER,
  E_SLOT,
  E_DUTY,
  E_ASSIGNMENT,
  E_VISIT_TARGET,
  E_TASK,
  E_ACCEPTANCE,
  N_ENTITIES,
  E_NONE = N_ENTITIES,
} Entity;

struct _SwStore
{
  GObject         parent_instance;

  char           *path;
  sqlite3        *db;
  SwOrganisation *organisation;
  GHashTable     *statements;     /* const char *sql (static) → sqlite3_stmt */
  gboolean        read_only;
  gint64          data_version;   /* PRAGMA data_version when last loaded */

  /* State of the transaction being written. */
  GHashTable     *written;        /* objects whose row is up to date */
  GHashTable     *links_written;  /* slots whose organiser rows are */
  GPtrArray      *given_ids;      /* objects that got their id in it */
  GHashTable     *inserted;       /* objects upserted in it */
  GHashTable     *positions;      /* GListModel → (item → position + 1) */
  GHashTable     *dirty_lists;    /* GListModel → Entity, to renumber */
  gint64          next_id[N_ENTITIES];
};

G_DEFINE_FINAL_TYPE (SwStore, sw_store, G_TYPE_OBJECT)

enum
{
  RELOADED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_QUARK (sw-store-error-quark, sw_store_error)

static int query_single (sqlite3     *db,
                         const char  *sql,
                         gint64      *out_int,
                         char       **out_text);

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
/* Errors                                                             */

static SwStoreError
code_for_sqlite (int rc)
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
static void
set_sqlite_error (GError     **error,
                  sqlite3     *db,
                  int          rc,
                  const char  *path,
                  const char  *context)
{
  SwStoreError code = code_for_sqlite (rc);
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

static void
set_save_error (SwStore  *self,
                GError  **error,
                int       rc)
{
  set_sqlite_error (error, self->db, rc, self->path, _("Could not save the change"));
}

/* ------------------------------------------------------------------ */
/* Statements                                                         */

/* The cached statement for @sql, which must be a string constant: the
 * cache is keyed by its address. */
static sqlite3_stmt *
get_stmt (SwStore     *self,
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
      set_save_error (self, error, rc);
      sqlite3_finalize (stmt);
      return NULL;
    }

  g_hash_table_insert (self->statements, (gpointer) sql, stmt);

  return stmt;
}

/* Runs a statement that returns no rows. */
static gboolean
step_done (SwStore       *self,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      rc = sqlite3_reset (stmt);
      set_save_error (self, error, rc);
      return FALSE;
    }

  sqlite3_reset (stmt);

  return TRUE;
}

static gboolean
exec_cached (SwStore     *self,
             const char  *sql,
             GError     **error)
{
  sqlite3_stmt *stmt = get_stmt (self, sql, error);

  return stmt != NULL && step_done (self, stmt, error);
}

static void
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *text)
{
  /* The text belongs to an object that outlives the step. */
  sqlite3_bind_text (stmt, index, text != NULL ? text : "", -1, SQLITE_STATIC);
}

static void
bind_id (sqlite3_stmt *stmt,
         int           index,
         gint64        id)
{
  if (id > 0)
    sqlite3_bind_int64 (stmt, index, id);
  else
    sqlite3_bind_null (stmt, index);
}

static void
bind_time (sqlite3_stmt *stmt,
           int           index,
           gint64        minutes)
{
  if (minutes == SW_TIME_UNSET)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, sw_time_format_datetime (minutes), -1, g_free);
}

static void
bind_day (sqlite3_stmt *stmt,
          int           index,
          int           day)
{
  sqlite3_bind_text (stmt, index, sw_time_format_date (day), -1, g_free);
}

static void
bind_nick (sqlite3_stmt *stmt,
           int           index,
           GType         type,
           int           value)
{
  bind_text (stmt, index, sw_enum_to_nick (type, value));
}

/* ------------------------------------------------------------------ */
/* Entities                                                           */

static Entity
entity_of (gpointer object)
{
  if (SW_IS_DEPARTMENT (object))
    return E_DEPARTMENT;
  if (SW_IS_PERSON (object))
    return E_PERSON;
  if (SW_IS_UNAVAILABILITY (object))
    return E_UNAVAILABILITY;
  if (SW_IS_PLAN (object))
    return E_PLAN;
  if (SW_IS_COMMITTEE (object))
    return E_COMMITTEE;
  if (SW_IS_COMMITTEE_MEMBER (object))
    return E_MEMBER;
  if (SW_IS_SLOT (object))
    return E_SLOT;
  if (SW_IS_DUTY (object))
    return E_DUTY;
  if (SW_IS_ASSIGNMENT (object))
    return E_ASSIGNMENT;
  if (SW_IS_VISIT_TARGET (object))
    return E_VISIT_TARGET;
  if (SW_IS_TASK (object))
    return E_TASK;
  if (SW_IS_ACCEPTANCE (object))
    return E_ACCEPTANCE;

  return E_NONE;
}

static gint64
entity_get_id (Entity   entity,
               gpointer object)
{
  switch (entity)
    {
    case E_DEPARTMENT: return sw_department_get_id (object);
    case E_PERSON: return sw_person_get_id (object);
    case E_UNAVAILABILITY: return sw_unavailability_get_id (object);
    case E_PLAN: return sw_plan_get_id (object);
    case E_COMMITTEE: return sw_committee_get_id (object);
    case E_MEMBER: return sw_committee_member_get_id (object);
    case E_SLOT: return sw_slot_get_id (object);
    case E_DUTY: return sw_duty_get_id (object);
    case E_ASSIGNMENT: return sw_assignment_get_id (object);
    case E_VISIT_TARGET: return sw_visit_target_get_id (object);
    case E_TASK: return sw_task_get_id (object);
    case E_ACCEPTANCE: return sw_acceptance_get_id (object);
    case E_NONE:
    default:
      g_assert_not_reached ();
    }
}

static void
entity_set_id (Entity   entity,
               gpointer object,
               gint64   id)
{
  switch (entity)
    {
    case E_DEPARTMENT: sw_department_set_id (object, id); break;
    case E_PERSON: sw_person_set_id (object, id); break;
    case E_UNAVAILABILITY: sw_unavailability_set_id (object, id); break;
    case E_PLAN: sw_plan_set_id (object, id); break;
    case E_COMMITTEE: sw_committee_set_id (object, id); break;
    case E_MEMBER: sw_committee_member_set_id (object, id); break;
    case E_SLOT: sw_slot_set_id (object, id); break;
    case E_DUTY: sw_duty_set_id (object, id); break;
    case E_ASSIGNMENT: sw_assignment_set_id (object, id); break;
    case E_VISIT_TARGET: sw_visit_target_set_id (object, id); break;
    case E_TASK: sw_task_set_id (object, id); break;
    case E_ACCEPTANCE: sw_acceptance_set_id (object, id); break;
    case E_NONE:
    default:
      g_assert_not_reached ();
    }
}

static gint64
object_id (gpointer object)
{
  return object != NULL ? entity_get_id (entity_of (object), object) : 0;
}

/*
 * Statements per entity.  Parameters: ?1 id, ?2 list_order, ?3 the owner's
 * id for tables with an owner; the fields follow (first_field).  The
 * UPDATE uses the same numbering for the fields, so one bind function
 * serves both.
 */
typedef void (*BindFunc) (sqlite3_stmt *stmt,
                          int           first,
                          gpointer      object);

typedef struct
{
  const char *table;
  gboolean    has_owner;
  const char *upsert_sql;
  const char *update_sql;
  const char *delete_sql;
  const char *get_order_sql;
  const char *set_order_sql;
  BindFunc    bind;
} EntityInfo;

static void
bind_department (sqlite3_stmt *stmt,
                 int           i,
                 gpointer      object)
{
  SwDepartment *d = object;

  bind_text (stmt, i, sw_department_get_name (d));
  bind_text (stmt, i + 1, sw_department_get_short_name (d));
  bind_text (stmt, i + 2, sw_department_get_color (d));
  sqlite3_bind_int (stmt, i + 3, sw_department_get_position (d));
}

/* Skills are kept one a line (they hold no control characters). */
static void
bind_skills (sqlite3_stmt      *stmt,
             int                index,
             const char *const *skills)
{
  sqlite3_bind_text (stmt, index, sw_skills_join (skills, "\n"), -1, g_free);
}

static void
bind_person (sqlite3_stmt *stmt,
             int           i,
             gpointer      object)
{
  SwPerson *p = object;

  bind_text (stmt, i, sw_person_get_name (p));
  bind_id (stmt, i + 1, object_id (sw_person_get_department (p)));
  bind_text (stmt, i + 2, sw_person_get_title (p));
  bind_text (stmt, i + 3, sw_person_get_phone (p));
  bind_text (stmt, i + 4, sw_person_get_email (p));
  bind_text (stmt, i + 5, sw_person_get_notes (p));
  sqlite3_bind_int (stmt, i + 6, sw_person_get_active (p) ? 1 : 0);
  bind_skills (stmt, i + 7, sw_person_get_skills (p));
}

static void
bind_unavailability (sqlite3_stmt *stmt,
                     int           i,
                     gpointer      object)
{
  SwUnavailability *u = object;

  bind_time (stmt, i, sw_unavailability_get_start (u));
  bind_time (stmt, i + 1, sw_unavailability_get_end (u));
  bind_text (stmt, i + 2, sw_unavailability_get_reason (u));
}

static void
bind_plan (sqlite3_stmt *stmt,
           int           i,
           gpointer      object)
{
  SwPlan *p = object;

  bind_text (stmt, i, sw_plan_get_title (p));
  bind_text (stmt, i + 1, sw_plan_get_theme (p));
  bind_text (stmt, i + 2, sw_plan_get_organiser (p));
  bind_day (stmt, i + 3, sw_plan_get_first_day (p));
  bind_day (stmt, i + 4, sw_plan_get_last_day (p));
  bind_text (stmt, i + 5, sw_plan_get_time_zone (p));
  bind_text (stmt, i + 6, sw_plan_get_hotline (p));
  bind_text (stmt, i + 7, sw_plan_get_description (p));
  sqlite3_bind_int (stmt, i + 8, sw_plan_get_travel_buffer (p));
  sqlite3_bind_int (stmt, i + 9, sw_plan_get_max_hours_per_day (p));
  sqlite3_bind_int (stmt, i + 10, sw_plan_get_max_duties (p));
}

static void
bind_committee (sqlite3_stmt *stmt,
                int           i,
                gpointer      object)
{
  SwCommittee *c = object;

  bind_text (stmt, i, sw_committee_get_name (c));
  sqlite3_bind_int (stmt, i + 1, sw_committee_get_position (c));
}

static void
bind_member (sqlite3_stmt *stmt,
             int           i,
             gpointer      object)
{
  SwCommitteeMember *m = object;

  bind_id (stmt, i, object_id (sw_committee_member_get_person (m)));
  bind_nick (stmt, i + 1, SW_TYPE_ROLE, sw_committee_member_get_role (m));
}

static void
bind_slot (sqlite3_stmt *stmt,
           int           i,
           gpointer      object)
{
  SwSlot *s = object;

  bind_text (stmt, i, sw_slot_get_uid (s));
  sqlite3_bind_int (stmt, i + 1, sw_slot_get_sequence (s));
  bind_nick (stmt, i + 2, SW_TYPE_SLOT_KIND, sw_slot_get_kind (s));
  bind_text (stmt, i + 3, sw_slot_get_title (s));
  bind_time (stmt, i + 4, sw_slot_get_start (s));
  bind_time (stmt, i + 5, sw_slot_get_end (s));
  bind_text (stmt, i + 6, sw_slot_get_location (s));
  bind_text (stmt, i + 7, sw_slot_get_description (s));
}

static void
bind_duty (sqlite3_stmt *stmt,
           int           i,
           gpointer      object)
{
  SwDuty *d = object;

  bind_text (stmt, i, sw_duty_get_name (d));
  sqlite3_bind_int64 (stmt, i + 1, sw_duty_get_count (d));
  bind_id (stmt, i + 2, object_id (sw_duty_get_department (d)));
  sqlite3_bind_int (stmt, i + 3, sw_duty_get_position (d));
  bind_skills (stmt, i + 4, sw_duty_get_skills (d));
}

static void
bind_assignment (sqlite3_stmt *stmt,
                 int           i,
                 gpointer      object)
{
  SwAssignment *a = object;

  bind_id (stmt, i, object_id (sw_assignment_get_person (a)));
  bind_id (stmt, i + 1, object_id (sw_assignment_get_duty (a)));
  bind_text (stmt, i + 2, sw_assignment_get_note (a));
  sqlite3_bind_int (stmt, i + 3, sw_assignment_get_pinned (a) ? 1 : 0);
}

static void
bind_visit_target (sqlite3_stmt *stmt,
                   int           i,
                   gpointer      object)
{
  SwVisitTarget *v = object;

  bind_text (stmt, i, sw_visit_target_get_name (v));
  bind_text (stmt, i + 1, sw_visit_target_get_address (v));
  bind_text (stmt, i + 2, sw_visit_target_get_contact (v));
  bind_text (stmt, i + 3, sw_visit_target_get_phone (v));
}

static void
bind_task (sqlite3_stmt *stmt,
           int           i,
           gpointer      object)
{
  SwTask *t = object;

  bind_text (stmt, i, sw_task_get_uid (t));
  sqlite3_bind_int (stmt, i + 1, sw_task_get_sequence (t));
  bind_text (stmt, i + 2, sw_task_get_title (t));
  bind_id (stmt, i + 3, object_id (sw_task_get_department (t)));
  bind_id (stmt, i + 4, object_id (sw_task_get_person (t)));
  bind_time (stmt, i + 5, sw_task_get_due (t));
  bind_nick (stmt, i + 6, SW_TYPE_TASK_STATUS, sw_task_get_status (t));
  bind_id (stmt, i + 7, object_id (sw_task_get_slot (t)));
  bind_text (stmt, i + 8, sw_task_get_notes (t));
}

static void
bind_acceptance (sqlite3_stmt *stmt,
                 int           i,
                 gpointer      object)
{
  SwAcceptance *a = object;

  bind_nick (stmt, i, SW_TYPE_PROBLEM_KIND, sw_acceptance_get_kind (a));
  bind_id (stmt, i + 1, object_id (sw_acceptance_get_person (a)));
  bind_id (stmt, i + 2, object_id (sw_acceptance_get_slot (a)));
  bind_text (stmt, i + 3, sw_acceptance_get_situation (a));
  bind_text (stmt, i + 4, sw_acceptance_get_note (a));
}

#define ORDER_SQL(t) \
  "SELECT list_order FROM " t " WHERE id = ?1", \
  "UPDATE " t " SET list_order = ?2 WHERE id = ?1"

static const EntityInfo entities[N_ENTITIES] = {
  [E_DEPARTMENT] = {
    "department", FALSE,
    "INSERT INTO department (id, list_order, name, short_name, color, position) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
    "ON CONFLICT (id) DO UPDATE SET list_order = excluded.list_order, name = excluded.name, "
    "short_name = excluded.short_name, color = excluded.color, position = excluded.position",
    "UPDATE department SET name = ?3, short_name = ?4, color = ?5, position = ?6 WHERE id = ?1",
    "DELETE FROM department WHERE id = ?1",
    ORDER_SQL ("department"),
    bind_department,
  },
  [E_PERSON] = {
    "person", FALSE,
    "INSERT INTO person (id, list_order, name, department_id, title, phone, email, notes, active, "
    "skills) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) "
    "ON CONFLICT (id) DO UPDATE SET list_order = excluded.list_order, name = excluded.name, "
    "department_id = excluded.department_id, title = excluded.title, phone = excluded.phone, "
    "email = excluded.email, notes = excluded.notes, active = excluded.active, "
    "skills = excluded.skills",
    "UPDATE person SET name = ?3, department_id = ?4, title = ?5, phone = ?6, email = ?7, "
    "notes = ?8, active = ?9, skills = ?10 WHERE id = ?1",
    "DELETE FROM person WHERE id = ?1",
    ORDER_SQL ("person"),
    bind_person,
  },
  [E_UNAVAILABILITY] = {
    "unavailability", TRUE,
    "INSERT INTO unavailability (id, list_order, person_id, start, \"end\", reason) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
    "ON CONFLICT (id) DO UPDATE SET list_order = excluded.list_order, person_id = excluded.person_id, "
    "start = excluded.start, \"end\" = excluded.\"end\", reason = excluded.reason",
    "UPDATE unavailability SET start = ?4, \"end\" = ?5, reason = ?6 WHERE id = ?1",
    "DELETE FROM unavailability WHERE id = ?1",
    ORDER_SQL ("unavailability"),
    bind_unavailability,
  },
  [E_PLAN] = {
    "plan", FALSE,
    "INSERT INTO plan (id, list_order, title, theme, organiser, first_day, last_day, time_zone, "
    "hotline, description, travel_buffer, max_hours_per_day, max_duties) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13) "
    "ON CONFLICT (id) DO UPDATE SET list_order = excluded.list_order, title = excluded.title, "
    "theme = excluded.theme, organiser = excluded.organiser, first_day = excluded.first_day, "
    "last_day = excluded.last_day, time_zone = excluded.time_zone, hotline = excluded.hotline, "
    "description = excluded.description, travel_buffer = excluded.travel_buffer, "
    "max_hours_per_day = excluded.max_hours_per_day, max_duties = excluded.max_duties",
    "UPDATE plan SET title = ?3, theme = ?4, organiser = ?5, first_day = ?6, last_day = ?7, "
    "time_zone = ?8, hotline = ?9, description = ?10, travel_buffer = ?11, "
    "max_hours_per_day = ?12, max_duties = ?13 WHERE id = ?1",
    "DELETE FROM plan WHERE id = ?1",
    ORDER_SQL ("plan"),
    bind_plan,
  },
  [E_COMMITTEE] = {
    "committee", TRUE,
    "INSERT INTO committee (id, list_order, plan_id, name, position) "
    "VALUES (?1, ?2, ?3, ?4, ?5) "
    "ON CONFLICT (id) DO UPDATE SET list_order = excluded.list_order, plan_id = excluded.plan_id, "
    "name = excluded.name, position = excluded.position",
    "UPDATE committee SET name = ?4, position = ?5 WHERE id = ?1",
    "DELETE FROM committee WHERE id = ?1",
    ORDER_SQL ("committee"),
    bind_committee,
  },
  [E_MEMBER] = {
    "committee_member", TRUE,
    "INSERT INTO committee_member (id, list_order, committee_id, person_id, role) "
    "VALUES (?1, ?2, ?3, ?4, ?5) "
    "ON CONFLICT (id) DO UPDATE SET list_order = excluded.list_order, "
    "committee_id = excluded.committee_id, person_id = excluded.person_id, role = excluded.role",
    "UPDATE committee_member SET person_id = ?4, role = ?5 WHERE id = ?1",
    "DELETE FROM committee_member WHERE id = ?1",
    ORDER_SQL ("committee_member"),
    bind_member,
  },
  [E_SLOT] = {
    "slot", TRUE,
    "INSERT INTO slot (id, list_order, plan_id, uid, sequence, kind, title, start, \"end\", "
    "location, description) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) "
    "ON CONFLICT (id) DO UPDATE SET list_order = excluded.list_order, plan_id = excluded.plan_id, "
    "uid = excluded.uid, sequence = excluded.sequence, kind = excluded.kind, "
    "title = excluded.title, start = excluded.start, \"end\" = excluded.\"end\", "
    "location = excluded.location, description = excluded.description",
    "UPDATE slot SET uid = ?4, sequence = ?5, kind = ?6, title = ?7, start = ?8, \"end\" = ?9, "
    "location = ?10, description = ?11 WHERE id = ?1",
    "DELETE FROM slot WHERE id = ?1",
    ORDER_SQL ("slot"),
    bind_slot,
  },
  [E_DUTY] = {
    "duty", TRUE,
    "INSERT INTO duty (id, list_order, slot_id, name, count, department_id, position, skills) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) "
    "ON CONFLICT (id) DO UPDATE SET list_order = excluded.list_order, slot_id = excluded.slot_id, "
    "name = excluded.name, count = excluded.count, department_id = excluded.department_id, "
    "position = excluded.position, skills = excluded.skills",
    "UPDATE duty SET name = ?4, count = ?5, department_id = ?6, position = ?7, skills = ?8 "
    "WHERE id = ?1",
    "DELETE FROM duty WHERE id = ?1",
    ORDER_SQL ("duty"),
    bind_duty,
  },
  [E_ASSIGNMENT] = {
    "assignment", TRUE,
    "INSERT INTO assignment (id, list_order, slot_id, person_id, duty_id, note, pinned) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) "
    "ON CONFLICT (id) DO UPDATE SET list_order = excluded.list_order, slot_id = excluded.slot_id, "
    "person_id = excluded.person_id, duty_id = excluded.duty_id, note = excluded.note, "
    "pinned = excluded.pinned",
    "UPDATE assignment SET person_id = ?4, duty_id = ?5, note = ?6, pinned = ?7 WHERE id = ?1",
    "DELETE FROM assignment WHERE id = ?1",
    ORDER_SQL ("assignment"),
    bind_assignment,
  },
  [E_VISIT_TARGET] = {
    "visit_target", TRUE,
    "INSERT INTO visit_target (id, list_order, slot_id, name, address, contact, phone) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) "
    "ON CONFLICT (id) DO UPDATE SET list_order = excluded.list_order, slot_id = excluded.slot_id, "
    "name = excluded.name, address = excluded.address, contact = excluded.contact, "
    "phone = excluded.phone",
    "UPDATE visit_target SET name = ?4, address = ?5, contact = ?6, phone = ?7 WHERE id = ?1",
    "DELETE FROM visit_target WHERE id = ?1",
    ORDER_SQL ("visit_target"),
    bind_visit_target,
  },
  [E_TASK] = {
    "task", TRUE,
    "INSERT INTO task (id, list_order, plan_id, uid, sequence, title, department_id, person_id, "
    "due, status, slot_id, notes) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) "
    "ON CONFLICT (id) DO UPDATE SET list_order = excluded.list_order, plan_id = excluded.plan_id, "
    "uid = excluded.uid, sequence = excluded.sequence, title = excluded.title, "
    "department_id = excluded.department_id, person_id = excluded.person_id, due = excluded.due, "
    "status = excluded.status, slot_id = excluded.slot_id, notes = excluded.notes",
    "UPDATE task SET uid = ?4, sequence = ?5, title = ?6, department_id = ?7, person_id = ?8, "
    "due = ?9, status = ?10, slot_id = ?11, notes = ?12 WHERE id = ?1",
    "DELETE FROM task WHERE id = ?1",
    ORDER_SQL ("task"),
    bind_task,
  },
  [E_ACCEPTANCE] = {
    "acceptance", TRUE,
    "INSERT INTO acceptance (id, list_order, plan_id, kind, person_id, slot_id, situation, note) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) "
    "ON CONFLICT (id) DO UPDATE SET list_order = excluded.list_order, plan_id = excluded.plan_id, "
    "kind = excluded.kind, person_id = excluded.person_id, slot_id = excluded.slot_id, "
    "situation = excluded.situation, note = excluded.note",
    "UPDATE acceptance SET kind = ?4, person_id = ?5, slot_id = ?6, situation = ?7, note = ?8 "
    "WHERE id = ?1",
    "DELETE FROM acceptance WHERE id = ?1",
    ORDER_SQL ("acceptance"),
    bind_acceptance,
  },
};

static int
first_field (Entity entity)
{
  return entities[entity].has_owner ? 4 : 3;
}

/* ------------------------------------------------------------------ */
/* Walking what an object owns                                        */

typedef gboolean (*ChildFunc) (SwStore  *self,
                               Entity    entity,
                               gpointer  child,
                               gint64    owner_id,
                               int       index,
                               GError  **error);

static gboolean
foreach_in_list (SwStore     *self,
                 GListModel  *list,
                 Entity       entity,
                 gint64       owner_id,
                 ChildFunc    func,
                 GError     **error)
{
  guint n = g_list_model_get_n_items (list);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) child = g_list_model_get_item (list, i);

      if (!func (self, entity, child, owner_id, (int) i, error))
        return FALSE;
    }

  return TRUE;
}

/* Calls @func on every object @object owns directly, owners before what
 * refers to them (duties before assignments, slots before tasks). */
static gboolean
foreach_child (SwStore   *self,
               Entity     entity,
               gpointer   object,
               ChildFunc  func,
               GError   **error)
{
  gint64 id = entity_get_id (entity, object);

  switch (entity)
    {
    case E_PERSON:
      return foreach_in_list (self, sw_person_get_unavailability (object), E_UNAVAILABILITY, id, func, error);

    case E_PLAN:
      return foreach_in_list (self, sw_plan_get_committees (object), E_COMMITTEE, id, func, error) &&
             foreach_in_list (self, sw_plan_get_slots (object), E_SLOT, id, func, error) &&
             foreach_in_list (self, sw_plan_get_tasks (object), E_TASK, id, func, error) &&
             foreach_in_list (self, sw_plan_get_accepted (object), E_ACCEPTANCE, id, func, error);

    case E_COMMITTEE:
      return foreach_in_list (self, sw_committee_get_members (object), E_MEMBER, id, func, error);

    case E_SLOT:
      return foreach_in_list (self, sw_slot_get_duties (object), E_DUTY, id, func, error) &&
             foreach_in_list (self, sw_slot_get_assignments (object), E_ASSIGNMENT, id, func, error) &&
             foreach_in_list (self, sw_slot_get_visit_targets (object), E_VISIT_TARGET, id, func, error);

    case E_DEPARTMENT:
    case E_UNAVAILABILITY:
    case E_MEMBER:
    case E_DUTY:
    case E_ASSIGNMENT:
    case E_VISIT_TARGET:
    case E_TASK:
    case E_ACCEPTANCE:
      return TRUE;

    case E_NONE:
    default:
      g_assert_not_reached ();
    }
}

/* ------------------------------------------------------------------ */
/* Ids                                                                */

static gboolean
give_id (SwStore  *self,
         Entity    entity,
         gpointer  object,
         GError  **error)
{
  if (entity_get_id (entity, object) != 0)
    return TRUE;

  if (self->next_id[entity] == 0)
    {
      sqlite3_stmt *stmt;
      int rc;

      stmt = get_stmt (self, "SELECT seq FROM sqlite_sequence WHERE name = ?1", error);
      if (stmt == NULL)
        return FALSE;
      bind_text (stmt, 1, entities[entity].table);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        self->next_id[entity] = sqlite3_column_int64 (stmt, 0) + 1;
      else if (rc == SQLITE_DONE)
        self->next_id[entity] = 1;
      else
        {
          set_save_error (self, error, sqlite3_reset (stmt));
          return FALSE;
        }
      sqlite3_reset (stmt);
    }

  entity_set_id (entity, object, self->next_id[entity]++);
  g_ptr_array_add (self->given_ids, g_object_ref (object));

  return TRUE;
}

static gboolean
give_ids_cb (SwStore  *self,
             Entity    entity,
             gpointer  object,
             gint64    owner_id,
             int       index,
             GError  **error)
{
  return give_id (self, entity, object, error) &&
         foreach_child (self, entity, object, give_ids_cb, error);
}

static gboolean
is_organiser_list (SwListCommand *command)
{
  return g_str_equal (sw_list_command_get_list (command), "organisers");
}

/* Gives an id to every object the command adds that has none yet. */
static gboolean
give_ids (SwStore    *self,
          SwCommand  *command,
          gboolean    reverting,
          GError    **error)
{
  if (SW_IS_COMMAND_GROUP (command))
    {
      guint n = sw_command_group_get_size (SW_COMMAND_GROUP (command));

      for (guint i = 0; i < n; i++)
        if (!give_ids (self, sw_command_group_get_child (SW_COMMAND_GROUP (command), i),
                       reverting, error))
          return FALSE;
    }
  else if (SW_IS_LIST_COMMAND (command))
    {
      SwListCommand *list_command = SW_LIST_COMMAND (command);
      GObject *item = sw_list_command_get_item (list_command);
      Entity entity = entity_of (item);

      if (entity != E_NONE &&
          !is_organiser_list (list_command) &&
          sw_list_command_adds_item (list_command, reverting))
        return give_ids_cb (self, entity, item, 0, 0, error);
    }

  return TRUE;
}

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

  stmt = get_stmt (self, "DELETE FROM slot_organiser WHERE slot_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, slot_id);
  if (!step_done (self, stmt, error))
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwDepartment) department = g_list_model_get_item (organisers, i);
      gint64 department_id = sw_department_get_id (department);

      if (department_id == 0)
        continue;

      stmt = get_stmt (self,
                       "INSERT OR IGNORE INTO slot_organiser (slot_id, department_id, list_order) "
                       "VALUES (?1, ?2, ?3)",
                       error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, slot_id);
      sqlite3_bind_int64 (stmt, 2, department_id);
      sqlite3_bind_int (stmt, 3, (int) i);
      if (!step_done (self, stmt, error))
        return FALSE;
    }

  g_hash_table_add (self->links_written, slot);

  return TRUE;
}

/* Inserts or rewrites the row of @object and everything it owns. */
static gboolean
upsert_cb (SwStore  *self,
           Entity    entity,
           gpointer  object,
           gint64    owner_id,
           int       list_order,
           GError  **error)
{
  const EntityInfo *info = &entities[entity];
  gint64 id = entity_get_id (entity, object);
  sqlite3_stmt *stmt;

  if (g_hash_table_contains (self->written, object))
    return TRUE;

  if (id == 0)
    {
      /* give_ids() saw every added object; nothing else may be new. */
      g_set_error (error, SW_STORE_ERROR, SW_STORE_ERROR_IO,
                   _("Could not save the change: an object has no id (%s)"), info->table);
      return FALSE;
    }

  stmt = get_stmt (self, info->upsert_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int (stmt, 2, list_order);
  if (info->has_owner)
    bind_id (stmt, 3, owner_id);
  info->bind (stmt, first_field (entity), object);
  if (!step_done (self, stmt, error))
    return FALSE;

  g_hash_table_add (self->written, object);
  g_hash_table_add (self->inserted, object);

  if (entity == E_SLOT && !write_organisers (self, object, error))
    return FALSE;

  return foreach_child (self, entity, object, upsert_cb, error);
}

static gboolean
update_object (SwStore  *self,
               GObject  *object,
               GError  **error)
{
  Entity entity = entity_of (object);
  sqlite3_stmt *stmt;
  gint64 id;

  if (entity == E_NONE || g_hash_table_contains (self->written, object))
    return TRUE;

  id = entity_get_id (entity, object);
  if (id == 0)
    return TRUE;  /* not stored (yet): the insert writes it whole */

  stmt = get_stmt (self, entities[entity].update_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  entities[entity].bind (stmt, first_field (entity), object);
  if (!step_done (self, stmt, error))
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
list_order_for (SwStore     *self,
                Entity       entity,
                GListModel  *list,
                guint        position,
                int         *out_order,
                GError     **error)
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

      stmt = get_stmt (self, entities[entity].get_order_sql, error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, entity_get_id (entity, previous));
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
          set_save_error (self, error, rc);
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
      Entity entity = GPOINTER_TO_INT (value);
      guint n = g_list_model_get_n_items (list);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GObject) sibling = g_list_model_get_item (list, i);
          gint64 id = entity_get_id (entity, sibling);
          sqlite3_stmt *stmt;

          if (id == 0)
            continue;

          stmt = get_stmt (self, entities[entity].set_order_sql, error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, id);
          sqlite3_bind_int (stmt, 2, (int) i);
          if (!step_done (self, stmt, error))
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
  Entity entity = entity_of (item);
  g_autoptr(GListModel) list = NULL;
  gboolean adds = sw_list_command_adds_item (command, reverting);
  gint64 owner_id = 0;
  guint position;
  gboolean present;

  if (is_organiser_list (command))
    {
      /* The slot's link rows are written from its list as it is now. */
      return !SW_IS_SLOT (owner) || write_organisers (self, SW_SLOT (owner), error);
    }

  if (entity == E_NONE)
    return TRUE;

  if (adds && g_hash_table_contains (self->written, item))
    return TRUE;

  if (entities[entity].has_owner)
    {
      Entity owner_entity = entity_of (owner);

      if (owner_entity == E_NONE)
        return TRUE;
      owner_id = entity_get_id (owner_entity, owner);
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
      gint64 id = entity_get_id (entity, item);

      if (present || id == 0)
        return TRUE;  /* put back later in the same action */

      stmt = get_stmt (self, entities[entity].delete_sql, error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      if (!step_done (self, stmt, error))
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

  rc = query_single (self->db, "PRAGMA data_version", &version, NULL);
  if (rc != SQLITE_OK)
    {
      set_save_error (self, error, rc);
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

static gboolean
commit_command (SwCommand  *command,
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

  if (!exec_cached (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  ok = check_unchanged (self, error) &&
       exec_cached (self, "PRAGMA defer_foreign_keys = ON", error) &&
       give_ids (self, command, reverting, error) &&
       write_command (self, command, reverting, error) &&
       renumber_dirty_lists (self, error) &&
       exec_cached (self, "COMMIT", error);

  if (!ok && !sqlite3_get_autocommit (self->db))
    exec_cached (self, "ROLLBACK", NULL);

  /* Objects that are not stored after all (the transaction failed, or
   * they belong to an owner that is not stored) keep no id. */
  for (guint i = 0; i < self->given_ids->len; i++)
    {
      GObject *object = g_ptr_array_index (self->given_ids, i);

      if (!ok || !g_hash_table_contains (self->inserted, object))
        entity_set_id (entity_of (object), object, 0);
    }

  end_transaction_state (self);

  return ok;
}

static gboolean
closed_commit (SwCommand  *command,
               gboolean    reverting,
               gpointer    user_data,
               GError    **error)
{
  g_set_error_literal (error, SW_STORE_ERROR, SW_STORE_ERROR_IO,
                       _("The database is closed; the change was not saved"));
  return FALSE;
}

/* ------------------------------------------------------------------ */
/* Loading                                                            */

typedef struct
{
  SwStore        *self;
  SwOrganisation *target;        /* the organisation being filled */
  GHashTable     *maps[N_ENTITIES];  /* gint64 id → object (borrowed) */
} Loader;

static void
loader_add (Loader   *loader,
            Entity    entity,
            gint64    id,
            gpointer  object)
{
  g_hash_table_insert (loader->maps[entity], g_memdup2 (&id, sizeof id), object);
}

static gpointer
loader_find (Loader       *loader,
             Entity        entity,
             sqlite3_stmt *stmt,
             int           column)
{
  gint64 id;

  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return NULL;
  id = sqlite3_column_int64 (stmt, column);

  return g_hash_table_lookup (loader->maps[entity], &id);
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text != NULL ? text : "";
}

static void
set_corrupt (Loader      *loader,
             GError     **error,
             const char  *table,
             const char  *what)
{
  if (error != NULL && *error != NULL)
    return;

  g_set_error (error, SW_STORE_ERROR, SW_STORE_ERROR_CORRUPT,
               _("The database “%s” is damaged: bad %s in table %s"),
               loader->self->path, what, table);
}

static gboolean
column_time (Loader        *loader,
             sqlite3_stmt  *stmt,
             int            column,
             const char    *table,
             gint64        *out,
             GError       **error)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    {
      *out = SW_TIME_UNSET;
      return TRUE;
    }

  if (!sw_time_parse_datetime (column_text (stmt, column), out, NULL))
    {
      set_corrupt (loader, error, table, sqlite3_column_name (stmt, column));
      return FALSE;
    }

  return TRUE;
}

static gboolean
column_day (Loader        *loader,
            sqlite3_stmt  *stmt,
            int            column,
            const char    *table,
            int           *out,
            GError       **error)
{
  if (!sw_time_parse_date (column_text (stmt, column), out, NULL))
    {
      set_corrupt (loader, error, table, sqlite3_column_name (stmt, column));
      return FALSE;
    }

  return TRUE;
}

static gboolean
column_nick (Loader        *loader,
             sqlite3_stmt  *stmt,
             int            column,
             const char    *table,
             GType          type,
             int           *out,
             GError       **error)
{
  if (!sw_enum_from_nick (type, column_text (stmt, column), out))
    {
      set_corrupt (loader, error, table, sqlite3_column_name (stmt, column));
      return FALSE;
    }

  return TRUE;
}

static void
list_append (GListModel *list,
             gpointer    item)
{
  g_list_store_append (G_LIST_STORE (list), item);
}

typedef gboolean (*RowFunc) (Loader        *loader,
                             sqlite3_stmt  *stmt,
                             GError       **error);

static gboolean
load_table (Loader      *loader,
            const char  *sql,
            RowFunc      func,
            GError     **error)
{
  SwStore *self = loader->self;
  sqlite3_stmt *stmt;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, self->db, rc, self->path, _("Could not read the database"));
      sqlite3_finalize (stmt);
      return FALSE;
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (!func (loader, stmt, error))
        {
          sqlite3_finalize (stmt);
          return FALSE;
        }
    }

  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (error, self->db, rc, self->path, _("Could not read the database"));
      sqlite3_finalize (stmt);
      return FALSE;
    }

  sqlite3_finalize (stmt);

  return TRUE;
}

static gboolean
row_department (Loader        *loader,
                sqlite3_stmt  *stmt,
                GError       **error)
{
  g_autoptr(SwDepartment) d = sw_department_new (column_text (stmt, 1));
  gint64 id = sqlite3_column_int64 (stmt, 0);

  sw_department_set_id (d, id);
  sw_department_set_short_name (d, column_text (stmt, 2));
  sw_department_set_color (d, column_text (stmt, 3));
  sw_department_set_position (d, sqlite3_column_int (stmt, 4));
  loader_add (loader, E_DEPARTMENT, id, d);
  list_append (sw_organisation_get_departments (loader->target), d);

  return TRUE;
}

static char **
column_skills (sqlite3_stmt *stmt,
               int           index)
{
  g_auto(GStrv) lines = g_strsplit (column_text (stmt, index), "\n", -1);

  return sw_skills_normalize ((const char *const *) lines);
}

static gboolean
row_person (Loader        *loader,
            sqlite3_stmt  *stmt,
            GError       **error)
{
  g_autoptr(SwPerson) p = NULL;
  gint64 id = sqlite3_column_int64 (stmt, 0);

  p = sw_person_new (column_text (stmt, 1), loader_find (loader, E_DEPARTMENT, stmt, 2));
  sw_person_set_id (p, id);
  sw_person_set_title (p, column_text (stmt, 3));
  sw_person_set_phone (p, column_text (stmt, 4));
  sw_person_set_email (p, column_text (stmt, 5));
  sw_person_set_notes (p, column_text (stmt, 6));
  sw_person_set_active (p, sqlite3_column_int (stmt, 7) != 0);
  {
    g_auto(GStrv) skills = column_skills (stmt, 8);

    sw_person_set_skills (p, (const char *const *) skills);
  }
  loader_add (loader, E_PERSON, id, p);
  list_append (sw_organisation_get_people (loader->target), p);

  return TRUE;
}

static gboolean
row_unavailability (Loader        *loader,
                    sqlite3_stmt  *stmt,
                    GError       **error)
{
  g_autoptr(SwUnavailability) u = NULL;
  SwPerson *person = loader_find (loader, E_PERSON, stmt, 1);
  gint64 start, end;

  if (person == NULL)
    {
      set_corrupt (loader, error, "unavailability", "person_id");
      return FALSE;
    }
  if (!column_time (loader, stmt, 2, "unavailability", &start, error) ||
      !column_time (loader, stmt, 3, "unavailability", &end, error))
    return FALSE;

  u = sw_unavailability_new (start, end, column_text (stmt, 4));
  sw_unavailability_set_id (u, sqlite3_column_int64 (stmt, 0));
  list_append (sw_person_get_unavailability (person), u);

  return TRUE;
}

static gboolean
row_plan (Loader        *loader,
          sqlite3_stmt  *stmt,
          GError       **error)
{
  g_autoptr(SwPlan) p = NULL;
  gint64 id = sqlite3_column_int64 (stmt, 0);
  int first, last;

  if (!column_day (loader, stmt, 4, "plan", &first, error) ||
      !column_day (loader, stmt, 5, "plan", &last, error))
    return FALSE;

  p = sw_plan_new (column_text (stmt, 1), first, last, column_text (stmt, 6));
  sw_plan_set_id (p, id);
  sw_plan_set_theme (p, column_text (stmt, 2));
  sw_plan_set_organiser (p, column_text (stmt, 3));
  sw_plan_set_hotline (p, column_text (stmt, 7));
  sw_plan_set_description (p, column_text (stmt, 8));
  sw_plan_set_travel_buffer (p, sqlite3_column_int (stmt, 9));
  sw_plan_set_max_hours_per_day (p, sqlite3_column_int (stmt, 10));
  sw_plan_set_max_duties (p, sqlite3_column_int (stmt, 11));
  loader_add (loader, E_PLAN, id, p);
  list_append (sw_organisation_get_plans (loader->target), p);

  return TRUE;
}

static gboolean
row_committee (Loader        *loader,
               sqlite3_stmt  *stmt,
               GError       **error)
{
  g_autoptr(SwCommittee) c = NULL;
  SwPlan *plan = loader_find (loader, E_PLAN, stmt, 1);
  gint64 id = sqlite3_column_int64 (stmt, 0);

  if (plan == NULL)
    {
      set_corrupt (loader, error, "committee", "plan_id");
      return FALSE;
    }

  c = sw_committee_new (column_text (stmt, 2));
  sw_committee_set_id (c, id);
  sw_committee_set_position (c, sqlite3_column_int (stmt, 3));
  loader_add (loader, E_COMMITTEE, id, c);
  list_append (sw_plan_get_committees (plan), c);

  return TRUE;
}

static gboolean
row_member (Loader        *loader,
            sqlite3_stmt  *stmt,
            GError       **error)
{
  g_autoptr(SwCommitteeMember) m = NULL;
  SwCommittee *committee = loader_find (loader, E_COMMITTEE, stmt, 1);
  SwPerson *person = loader_find (loader, E_PERSON, stmt, 2);
  int role;

  if (committee == NULL || person == NULL)
    {
      set_corrupt (loader, error, "committee_member", committee == NULL ? "committee_id" : "person_id");
      return FALSE;
    }
  if (!column_nick (loader, stmt, 3, "committee_member", SW_TYPE_ROLE, &role, error))
    return FALSE;

  m = sw_committee_member_new (person, role);
  sw_committee_member_set_id (m, sqlite3_column_int64 (stmt, 0));
  list_append (sw_committee_get_members (committee), m);

  return TRUE;
}

static gboolean
row_slot (Loader        *loader,
          sqlite3_stmt  *stmt,
          GError       **error)
{
  g_autoptr(SwSlot) s = NULL;
  SwPlan *plan = loader_find (loader, E_PLAN, stmt, 1);
  gint64 id = sqlite3_column_int64 (stmt, 0);
  gint64 start, end;
  int kind;

  if (plan == NULL)
    {
      set_corrupt (loader, error, "slot", "plan_id");
      return FALSE;
    }
  if (!column_nick (loader, stmt, 4, "slot", SW_TYPE_SLOT_KIND, &kind, error) ||
      !column_time (loader, stmt, 6, "slot", &start, error) ||
      !column_time (loader, stmt, 7, "slot", &end, error))
    return FALSE;
  if (start == SW_TIME_UNSET || end == SW_TIME_UNSET)
    {
      set_corrupt (loader, error, "slot", "start");
      return FALSE;
    }

  s = sw_slot_new (kind, column_text (stmt, 5), start, end);
  sw_slot_set_id (s, id);
  sw_slot_set_uid (s, column_text (stmt, 2));
  sw_slot_set_sequence (s, sqlite3_column_int (stmt, 3));
  sw_slot_set_location (s, column_text (stmt, 8));
  sw_slot_set_description (s, column_text (stmt, 9));
  loader_add (loader, E_SLOT, id, s);
  list_append (sw_plan_get_slots (plan), s);

  return TRUE;
}

static gboolean
row_organiser (Loader        *loader,
               sqlite3_stmt  *stmt,
               GError       **error)
{
  SwSlot *slot = loader_find (loader, E_SLOT, stmt, 0);
  SwDepartment *department = loader_find (loader, E_DEPARTMENT, stmt, 1);

  if (slot == NULL || department == NULL)
    {
      set_corrupt (loader, error, "slot_organiser", slot == NULL ? "slot_id" : "department_id");
      return FALSE;
    }

  list_append (sw_slot_get_organisers (slot), department);

  return TRUE;
}

static gboolean
row_duty (Loader        *loader,
          sqlite3_stmt  *stmt,
          GError       **error)
{
  g_autoptr(SwDuty) d = NULL;
  SwSlot *slot = loader_find (loader, E_SLOT, stmt, 1);
  gint64 id = sqlite3_column_int64 (stmt, 0);
  gint64 count = sqlite3_column_int64 (stmt, 3);

  if (slot == NULL)
    {
      set_corrupt (loader, error, "duty", "slot_id");
      return FALSE;
    }
  if (count < 0 || count > G_MAXUINT)
    {
      set_corrupt (loader, error, "duty", "count");
      return FALSE;
    }

  d = sw_duty_new (column_text (stmt, 2), (guint) count, loader_find (loader, E_DEPARTMENT, stmt, 4));
  sw_duty_set_id (d, id);
  sw_duty_set_position (d, sqlite3_column_int (stmt, 5));
  {
    g_auto(GStrv) skills = column_skills (stmt, 6);

    sw_duty_set_skills (d, (const char *const *) skills);
  }
  loader_add (loader, E_DUTY, id, d);
  list_append (sw_slot_get_duties (slot), d);

  return TRUE;
}

static gboolean
row_assignment (Loader        *loader,
                sqlite3_stmt  *stmt,
                GError       **error)
{
  g_autoptr(SwAssignment) a = NULL;
  SwSlot *slot = loader_find (loader, E_SLOT, stmt, 1);
  SwPerson *person = loader_find (loader, E_PERSON, stmt, 2);

  if (slot == NULL || person == NULL)
    {
      set_corrupt (loader, error, "assignment", slot == NULL ? "slot_id" : "person_id");
      return FALSE;
    }

  a = sw_assignment_new (person, loader_find (loader, E_DUTY, stmt, 3));
  sw_assignment_set_id (a, sqlite3_column_int64 (stmt, 0));
  sw_assignment_set_note (a, column_text (stmt, 4));
  sw_assignment_set_pinned (a, sqlite3_column_int (stmt, 5) != 0);
  list_append (sw_slot_get_assignments (slot), a);

  return TRUE;
}

static gboolean
row_visit_target (Loader        *loader,
                  sqlite3_stmt  *stmt,
                  GError       **error)
{
  g_autoptr(SwVisitTarget) v = NULL;
  SwSlot *slot = loader_find (loader, E_SLOT, stmt, 1);

  if (slot == NULL)
    {
      set_corrupt (loader, error, "visit_target", "slot_id");
      return FALSE;
    }

  v = sw_visit_target_new (column_text (stmt, 2));
  sw_visit_target_set_id (v, sqlite3_column_int64 (stmt, 0));
  sw_visit_target_set_address (v, column_text (stmt, 3));
  sw_visit_target_set_contact (v, column_text (stmt, 4));
  sw_visit_target_set_phone (v, column_text (stmt, 5));
  list_append (sw_slot_get_visit_targets (slot), v);

  return TRUE;
}

static gboolean
row_task (Loader        *loader,
          sqlite3_stmt  *stmt,
          GError       **error)
{
  g_autoptr(SwTask) t = NULL;
  SwPlan *plan = loader_find (loader, E_PLAN, stmt, 1);
  gint64 due;
  int status;

  if (plan == NULL)
    {
      set_corrupt (loader, error, "task", "plan_id");
      return FALSE;
    }
  if (!column_time (loader, stmt, 7, "task", &due, error) ||
      !column_nick (loader, stmt, 8, "task", SW_TYPE_TASK_STATUS, &status, error))
    return FALSE;

  t = sw_task_new (column_text (stmt, 4));
  sw_task_set_id (t, sqlite3_column_int64 (stmt, 0));
  sw_task_set_uid (t, column_text (stmt, 2));
  sw_task_set_sequence (t, sqlite3_column_int (stmt, 3));
  sw_task_set_department (t, loader_find (loader, E_DEPARTMENT, stmt, 5));
  sw_task_set_person (t, loader_find (loader, E_PERSON, stmt, 6));
  sw_task_set_due (t, due);
  sw_task_set_status (t, status);
  sw_task_set_slot (t, loader_find (loader, E_SLOT, stmt, 9));
  sw_task_set_notes (t, column_text (stmt, 10));
  list_append (sw_plan_get_tasks (plan), t);

  return TRUE;
}

static gboolean
row_acceptance (Loader        *loader,
                sqlite3_stmt  *stmt,
                GError       **error)
{
  g_autoptr(SwAcceptance) a = NULL;
  SwPlan *plan = loader_find (loader, E_PLAN, stmt, 1);
  SwPerson *person = loader_find (loader, E_PERSON, stmt, 3);
  SwSlot *slot = loader_find (loader, E_SLOT, stmt, 4);
  gint64 id = sqlite3_column_int64 (stmt, 0);
  int kind;

  if (plan == NULL)
    {
      set_corrupt (loader, error, "acceptance", "plan_id");
      return FALSE;
    }
  if (person == NULL)
    {
      set_corrupt (loader, error, "acceptance", "person_id");
      return FALSE;
    }
  /* The slot, when there is one, is of the acceptance's own plan: it
   * goes with the plan's slot when that is deleted. */
  if ((slot == NULL && sqlite3_column_type (stmt, 4) != SQLITE_NULL) ||
      (slot != NULL && sqlite3_column_int64 (stmt, 7) != sw_plan_get_id (plan)))
    {
      set_corrupt (loader, error, "acceptance", "slot_id");
      return FALSE;
    }
  if (!column_nick (loader, stmt, 2, "acceptance", SW_TYPE_PROBLEM_KIND, &kind, error))
    return FALSE;

  a = sw_acceptance_new (kind, person, slot, column_text (stmt, 5), column_text (stmt, 6));
  sw_acceptance_set_id (a, id);
  loader_add (loader, E_ACCEPTANCE, id, a);
  list_append (sw_plan_get_accepted (plan), a);

  return TRUE;
}

/* Fills @target with one query per table, in one read transaction so
 * that the tables agree with each other and with the data_version noted
 * in it. */
static gboolean
load (SwStore         *self,
      SwOrganisation  *target,
      GError         **error)
{
  static const struct
  {
    const char *sql;
    RowFunc     func;
  } tables[] = {
    { "SELECT id, name, short_name, color, position FROM department "
      "ORDER BY list_order, id", row_department },
    { "SELECT id, name, department_id, title, phone, email, notes, active, skills FROM person "
      "ORDER BY list_order, id", row_person },
    { "SELECT id, person_id, start, \"end\", reason FROM unavailability "
      "ORDER BY list_order, id", row_unavailability },
    { "SELECT id, title, theme, organiser, first_day, last_day, time_zone, hotline, "
      "description, travel_buffer, max_hours_per_day, max_duties FROM plan "
      "ORDER BY list_order, id", row_plan },
    { "SELECT id, plan_id, name, position FROM committee "
      "ORDER BY list_order, id", row_committee },
    { "SELECT id, committee_id, person_id, role FROM committee_member "
      "ORDER BY list_order, id", row_member },
    { "SELECT id, plan_id, uid, sequence, kind, title, start, \"end\", location, description "
      "FROM slot ORDER BY list_order, id", row_slot },
    { "SELECT slot_id, department_id FROM slot_organiser "
      "ORDER BY list_order", row_organiser },
    { "SELECT id, slot_id, name, count, department_id, position, skills FROM duty "
      "ORDER BY list_order, id", row_duty },
    { "SELECT id, slot_id, person_id, duty_id, note, pinned FROM assignment "
      "ORDER BY list_order, id", row_assignment },
    { "SELECT id, slot_id, name, address, contact, phone FROM visit_target "
      "ORDER BY list_order, id", row_visit_target },
    { "SELECT id, plan_id, uid, sequence, title, department_id, person_id, due, status, "
      "slot_id, notes FROM task ORDER BY list_order, id", row_task },
    { "SELECT a.id, a.plan_id, a.kind, a.person_id, a.slot_id, a.situation, a.note, s.plan_id "
      "FROM acceptance AS a LEFT JOIN slot AS s ON s.id = a.slot_id "
      "ORDER BY a.list_order, a.id", row_acceptance },
  };
  Loader loader = { self, target, { NULL } };
  gboolean ok = TRUE;
  gint64 data_version = 0;
  int rc;

  for (guint i = 0; i < N_ENTITIES; i++)
    loader.maps[i] = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  rc = sqlite3_exec (self->db, "BEGIN", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, self->db, rc, self->path, _("Could not read the database"));
      ok = FALSE;
    }

  for (guint i = 0; ok && i < G_N_ELEMENTS (tables); i++)
    ok = load_table (&loader, tables[i].sql, tables[i].func, error);

  /* Read inside the transaction: the version of what was just read. */
  if (ok)
    {
      int version_rc = query_single (self->db, "PRAGMA data_version", &data_version, NULL);

      if (version_rc != SQLITE_OK)
        {
          set_sqlite_error (error, self->db, version_rc, self->path,
                            _("Could not read the database"));
          ok = FALSE;
        }
      else
        self->data_version = data_version;
    }

  if (rc == SQLITE_OK)
    sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL);

  for (guint i = 0; i < N_ENTITIES; i++)
    g_hash_table_unref (loader.maps[i]);

  return ok;
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
          set_sqlite_error (error, db, rc, path, context);
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
      set_sqlite_error (error, db, rc, path, _("Could not create the database"));
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

/* The first column of the first row of @sql as an integer or text. */
static int
query_single (sqlite3     *db,
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
      rc = query_single (db, "PRAGMA application_id", &application_id, NULL);
    }
  if (rc == SQLITE_OK)
    rc = query_single (db, "PRAGMA user_version", &version, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, db, rc, path, context);
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

  rc = query_single (db, "PRAGMA quick_check", NULL, &check);
  if (rc != SQLITE_OK || g_strcmp0 (check, "ok") != 0)
    {
      if (rc != SQLITE_OK && code_for_sqlite (rc) != SW_STORE_ERROR_CORRUPT &&
          code_for_sqlite (rc) != SW_STORE_ERROR_NOT_A_DATABASE)
        set_sqlite_error (error, db, rc, path, context);
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
      set_sqlite_error (error, self->db, rc, self->path, _("Could not open the database"));
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
      set_sqlite_error (error, self->db, rc, self->path, _("Could not open the database"));
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

  if (!open_connection (self, version, error) || !load (self, self->organisation, error))
    return NULL;
  sw_organisation_set_read_only (self->organisation, self->read_only);

  sw_undo_stack_set_commit_func (sw_organisation_get_undo_stack (self->organisation),
                                 commit_command, self, NULL);

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
                                     closed_commit, NULL, NULL);
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
  stmt = get_stmt (self,
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

  rc = query_single (self->db, "PRAGMA data_version", &version, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, self->db, rc, self->path, _("Could not read the database"));
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
    "SELECT EXISTS (SELECT 1 FROM calendar_state "
    "WHERE plan_id NOT IN (SELECT id FROM plan))";
  gint64 any = 0;
  int rc;

  g_return_val_if_fail (SW_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->read_only)
    return TRUE;

  rc = query_single (self->db, orphans, &any, NULL);
  if (rc == SQLITE_OK && any)
    rc = sqlite3_exec (self->db, "DELETE FROM calendar_state WHERE plan_id NOT IN (SELECT id FROM plan)",
                       NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, self->db, rc, self->path, _("Could not save the calendar export records"));
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
  if (!load (self, fresh, error))
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
