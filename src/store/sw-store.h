/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sw-core.h"

G_BEGIN_DECLS

#define SW_STORE_ERROR (sw_store_error_quark ())

typedef enum
{
  SW_STORE_ERROR_NOT_FOUND,       /* no such file and not asked to create it */
  SW_STORE_ERROR_NOT_A_DATABASE,  /* not SQLite, or SQLite but not ours */
  SW_STORE_ERROR_CORRUPT,         /* integrity check or a read failed */
  SW_STORE_ERROR_NEWER_VERSION,   /* schema newer than this build knows */
  SW_STORE_ERROR_READ_ONLY,       /* opened read-only, or the file cannot be written */
  SW_STORE_ERROR_FULL,            /* the disk (or page limit) is full */
  SW_STORE_ERROR_IO,              /* any other failure to read or write */
  SW_STORE_ERROR_CHANGED,         /* another program saved since the last load */
} SwStoreError;

typedef enum
{
  SW_STORE_OPEN_DEFAULT   = 0,
  SW_STORE_OPEN_CREATE    = 1 << 0, /* create the file (mode 0600) when missing */
  SW_STORE_OPEN_READ_ONLY = 1 << 1,
} SwStoreOpenFlags;

/*
 * SwStore: one SQLite database (schema in PRAGMA user_version, forward
 * migrations, foreign keys, WAL).  Opening loads the whole organisation
 * (one query per table) and attaches itself to the organisation's undo
 * stack as its commit function, so each user action is one transaction.
 */
#define SW_TYPE_STORE (sw_store_get_type ())
G_DECLARE_FINAL_TYPE (SwStore, sw_store, SW, STORE, GObject)

GQuark          sw_store_error_quark      (void);

/* $SERVWEEK_DB when set, else $XDG_DATA_HOME/servweek/servweek.db. */
char           *sw_store_default_path     (void);

SwStore        *sw_store_open             (const char        *path,
                                           SwStoreOpenFlags   flags,
                                           GError           **error);
SwOrganisation *sw_store_get_organisation (SwStore           *self);
const char     *sw_store_get_path         (SwStore           *self);
gboolean        sw_store_is_read_only     (SwStore           *self);
/* TRUE when the database has never held a plan or a person (fresh file). */
gboolean        sw_store_is_empty         (SwStore           *self);

/*
 * The memory of exported calendar files of @plan (sw-store-calendar.c).
 * Saving writes what changed in the state since it was loaded or last
 * saved (sw_calendar_state_foreach_changed ()), in one transaction of its
 * own: exporting is not an undoable edit.  A plan not yet stored has an
 * empty state.
 */
SwCalendarState *sw_store_load_calendar_state (SwStore          *self,
                                               SwPlan           *plan,
                                               GError          **error);
gboolean         sw_store_save_calendar_state (SwStore          *self,
                                               SwPlan           *plan,
                                               SwCalendarState  *state,
                                               GError          **error);
/*
 * Where @plan's calendars are published and what the server confirmed
 * (sw-store-publish.c), outside the undo stack.  The settings are saved
 * on their own; a calendar with its items is saved whole, in one
 * transaction, as soon as the server confirmed them (gone from @state:
 * its rows go).  A plan not yet stored has an empty state.
 */
SwPublishState  *sw_store_load_publish_state    (SwStore          *self,
                                                 SwPlan           *plan,
                                                 GError          **error);
gboolean         sw_store_save_publish_settings (SwStore          *self,
                                                 SwPlan           *plan,
                                                 SwPublishState   *state,
                                                 GError          **error);
gboolean         sw_store_save_publish_calendar (SwStore          *self,
                                                 SwPlan           *plan,
                                                 SwPublishState   *state,
                                                 const char       *key,
                                                 GError          **error);
/*
 * What each person last received in a calendar of @plan (the change
 * notices' "before", sw-store-received.c), outside the undo stack; the
 * people recorded since loading are saved, in one transaction.
 */
SwReceived      *sw_store_load_received         (SwStore          *self,
                                                 SwPlan           *plan,
                                                 GError          **error);
gboolean         sw_store_save_received         (SwStore          *self,
                                                 SwPlan           *plan,
                                                 SwReceived       *received,
                                                 GError          **error);
/* The records of a deleted plan stay while an undo can bring the plan
 * back with its id (its staff calendars then go on from the sequence
 * numbers they had).  This drops the records of every deleted plan: for
 * a program starting with an empty undo history, such as the window,
 * not for one that may run while another has an undo history.  Does
 * nothing on a read-only database. */
gboolean         sw_store_drop_deleted_plans_records (SwStore   *self,
                                                      GError   **error);

/*
 * Two programs on one file.  Each save checks, inside its transaction,
 * that no other connection committed since the organisation was loaded
 * (else SW_STORE_ERROR_CHANGED and nothing is written).  Poll sets
 * @changed when another connection committed since (PRAGMA data_version;
 * cheap, meant for a timer of about a second); reload then re-reads the
 * database and replaces the organisation's departments, people and plans
 * in place (one items-changed each), clears the undo stack, and emits
 * "reloaded".  On failure the organisation is left as it was.
 */
gboolean         sw_store_poll_external_change (SwStore   *self,
                                                gboolean  *changed,
                                                GError   **error);
gboolean         sw_store_reload               (SwStore   *self,
                                                GError   **error);

G_END_DECLS
