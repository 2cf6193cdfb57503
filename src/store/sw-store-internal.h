/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "sw-store-private.h"

G_BEGIN_DECLS

/*
 * What the files of SwStore share: the object, the table of entities (one
 * a table of the schema) and the helpers each part calls in another.
 * Nothing outside src/store includes this.
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
} SwStoreEntity;

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
  GHashTable     *dirty_lists;    /* GListModel → SwStoreEntity, to renumber */
  gint64          next_id[N_ENTITIES];
};

/*
 * Statements per entity.  Parameters: ?1 id, ?2 list_order, ?3 the owner's
 * id for tables with an owner; the fields follow (sw_store_first_field).  The
 * UPDATE uses the same numbering for the fields, so one bind function
 * serves both.
 */
typedef void (*SwStoreBindFunc) (sqlite3_stmt *stmt,
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
  SwStoreBindFunc    bind;
} SwStoreEntityInfo;

typedef gboolean (*SwStoreChildFunc) (SwStore  *self,
                               SwStoreEntity    entity,
                               gpointer  child,
                               gint64    owner_id,
                               int       index,
                               GError  **error);

/* Columns, statements and binding of each entity (sw-store-entity.c). */
extern const SwStoreEntityInfo sw_store_entities[N_ENTITIES];

/* sw-store-sql.c: errors, the cached statements, binding values */
SwStoreError sw_store_code_for_sqlite  (int            rc);
void         sw_store_set_sqlite_error (GError       **error,
                                        sqlite3       *db,
                                        int            rc,
                                        const char    *path,
                                        const char    *context);
void         sw_store_set_save_error   (SwStore       *self,
                                        GError       **error,
                                        int            rc);
sqlite3_stmt *sw_store_get_stmt        (SwStore       *self,
                                        const char    *sql,
                                        GError       **error);
gboolean     sw_store_step_done        (SwStore       *self,
                                        sqlite3_stmt  *stmt,
                                        GError       **error);
gboolean     sw_store_exec_cached      (SwStore       *self,
                                        const char    *sql,
                                        GError       **error);
void         sw_store_bind_text        (sqlite3_stmt  *stmt,
                                        int            index,
                                        const char    *text);
void         sw_store_bind_id          (sqlite3_stmt  *stmt,
                                        int            index,
                                        gint64         id);
void         sw_store_bind_time        (sqlite3_stmt  *stmt,
                                        int            index,
                                        gint64         minutes);
void         sw_store_bind_day         (sqlite3_stmt  *stmt,
                                        int            index,
                                        int            day);
void         sw_store_bind_nick        (sqlite3_stmt  *stmt,
                                        int            index,
                                        GType          type,
                                        int            value);
int          sw_store_query_single     (sqlite3       *db,
                                        const char    *sql,
                                        gint64        *out_int,
                                        char         **out_text);

/* sw-store-entity.c: the table of entities, what an object owns, ids */
SwStoreEntity sw_store_entity_of         (gpointer           object);
gint64        sw_store_entity_get_id     (SwStoreEntity      entity,
                                          gpointer           object);
void          sw_store_entity_set_id     (SwStoreEntity      entity,
                                          gpointer           object,
                                          gint64             id);
int           sw_store_first_field       (SwStoreEntity      entity);
gboolean      sw_store_foreach_child     (SwStore           *self,
                                          SwStoreEntity      entity,
                                          gpointer           object,
                                          SwStoreChildFunc   func,
                                          GError           **error);
gboolean      sw_store_is_organiser_list (SwListCommand     *command);
gboolean      sw_store_give_ids          (SwStore           *self,
                                          SwCommand         *command,
                                          gboolean           reverting,
                                          GError           **error);

/* sw-store-write.c: saving a command in one transaction */
gboolean sw_store_commit_command (SwCommand  *command,
                                  gboolean    reverting,
                                  gpointer    user_data,
                                  GError    **error);
gboolean sw_store_closed_commit  (SwCommand  *command,
                                  gboolean    reverting,
                                  gpointer    user_data,
                                  GError    **error);

/* sw-store-load.c: reading every table into an organisation */
gboolean sw_store_load (SwStore         *self,
                        SwOrganisation  *target,
                        GError         **error);

G_END_DECLS
