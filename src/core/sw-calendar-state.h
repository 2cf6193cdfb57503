/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/*
 * What each exported calendar file of one plan last said about each of its
 * events and to-dos, so that the next export can raise SEQUENCE and move
 * LAST-MODIFIED exactly for the items that changed, and can still carry,
 * as cancelled, the items the file no longer holds.
 *
 * Files are named by a key ("plan", "person:<id>", "department:<id>"),
 * items by their UID.  A plain in-memory map: the store loads and saves
 * it; exporting is not an undoable edit.
 */
typedef struct
{
  const char *hash;           /* digest of the exported content */
  int         sequence;
  gint64      created;        /* first export, seconds since the epoch (UTC) */
  gint64      last_modified;  /* seconds since the epoch (UTC) */
  gboolean    cancelled;
  /* What a cancelled copy repeats. */
  gboolean    is_todo;
  const char *summary;
  gint64      start;          /* local minutes (DUE for a to-do), or SW_TIME_UNSET */
  gint64      end;            /* local minutes, or SW_TIME_UNSET */
} SwCalendarEntry;

typedef void (*SwCalendarStateFunc) (const char            *file_key,
                                     const char            *uid,
                                     const SwCalendarEntry *entry,
                                     gpointer               user_data);

#define SW_TYPE_CALENDAR_STATE (sw_calendar_state_get_type ())
G_DECLARE_FINAL_TYPE (SwCalendarState, sw_calendar_state, SW, CALENDAR_STATE, GObject)

SwCalendarState *sw_calendar_state_new         (void);

/* Fills @out (strings borrowed from @self until the entry changes) and
 * returns TRUE when the file @file_key has carried @uid. */
gboolean         sw_calendar_state_lookup      (SwCalendarState       *self,
                                                const char            *file_key,
                                                const char            *uid,
                                                SwCalendarEntry       *out);
/* Records (copies) @entry for @uid in @file_key; it counts as changed
 * unless the same entry was there. */
void             sw_calendar_state_set         (SwCalendarState       *self,
                                                const char            *file_key,
                                                const char            *uid,
                                                const SwCalendarEntry *entry);
/* Forgets every entry of @file_key. */
void             sw_calendar_state_remove_file (SwCalendarState       *self,
                                                const char            *file_key);
gboolean         sw_calendar_state_has_file    (SwCalendarState       *self,
                                                const char            *file_key);
/* The UIDs that @file_key has carried, sorted (transfer full). */
GStrv            sw_calendar_state_dup_uids    (SwCalendarState       *self,
                                                const char            *file_key);
guint            sw_calendar_state_get_n_entries (SwCalendarState     *self);
/* Calls @func for every entry, by file key, then UID. */
void             sw_calendar_state_foreach     (SwCalendarState       *self,
                                                SwCalendarStateFunc    func,
                                                gpointer               user_data);

/* Calls @func for every entry of @file_key, by UID. */
void             sw_calendar_state_foreach_in_file (SwCalendarState     *self,
                                                    const char          *file_key,
                                                    SwCalendarStateFunc  func,
                                                    gpointer             user_data);

/* What changed since the state was loaded or last saved: the entries
 * recorded anew, and the files forgotten (sorted, transfer full).  The
 * store saves just these, then calls sw_calendar_state_mark_saved (). */
void             sw_calendar_state_foreach_changed   (SwCalendarState     *self,
                                                      SwCalendarStateFunc  func,
                                                      gpointer             user_data);
GStrv            sw_calendar_state_dup_removed_files (SwCalendarState     *self);
void             sw_calendar_state_mark_saved        (SwCalendarState     *self);

G_END_DECLS
