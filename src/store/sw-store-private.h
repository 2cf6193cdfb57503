/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "sw-store.h"

G_BEGIN_DECLS

/* PRAGMA application_id of every servweek database ("SWWP"). */
#define SW_STORE_APPLICATION_ID 0x53575750

/*
 * The schema is built by an ordered list of migrations: step i (counting
 * from 0) takes a database from PRAGMA user_version i to i + 1.  Each step
 * is SQL run in its own transaction together with the version bump.
 */
typedef struct
{
  const char *sql;
} SwStoreMigration;

/* The store's connection, for the parts of SwStore in other files. */
sqlite3 *sw_store_get_connection (SwStore *self);

/* The built-in migrations (sw-schema.c). */
const SwStoreMigration *sw_schema_get_migrations (guint *n_migrations);

/* Test hooks.  Replace the migrations used by sw_store_open() (NULL
 * restores the built-in ones); the array must outlive its use. */
void     sw_store_set_migrations_for_testing (const SwStoreMigration *migrations,
                                              guint                   n_migrations);
/* The schema version the store upgrades to (the number of migrations). */
int      sw_store_get_schema_version         (void);
/* When @statements is not NULL, every SQL statement run by stores opened
 * afterwards is appended to it (as a newly allocated string). */
void     sw_store_set_trace_for_testing      (GPtrArray              *statements);
/* The store's connection, to simulate failures (PRAGMA max_page_count). */
sqlite3 *sw_store_get_connection_for_testing (SwStore                *self);

G_END_DECLS
