/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "sw-calendar-state.h"
#include "sw-text.h"

typedef struct
{
  char     *hash;
  int       sequence;
  gint64    created;
  gint64    last_modified;
  gboolean  cancelled;
  gboolean  is_todo;
  char     *summary;
  gint64    start;
  gint64    end;
  gboolean  changed;   /* since the state was loaded or saved */
} Entry;

struct _SwCalendarState
{
  GObject     parent_instance;

  GHashTable *files;    /* char *file_key → GHashTable (char *uid → Entry *) */
  GHashTable *removed;  /* char *file_key set: forgotten since saved */
  guint       n_entries;
};

G_DEFINE_FINAL_TYPE (SwCalendarState, sw_calendar_state, G_TYPE_OBJECT)

static void
entry_free (Entry *entry)
{
  g_free (entry->hash);
  g_free (entry->summary);
  g_free (entry);
}

static void
sw_calendar_state_finalize (GObject *object)
{
  SwCalendarState *self = SW_CALENDAR_STATE (object);

  g_clear_pointer (&self->files, g_hash_table_unref);
  g_clear_pointer (&self->removed, g_hash_table_unref);

  G_OBJECT_CLASS (sw_calendar_state_parent_class)->finalize (object);
}

static void
sw_calendar_state_class_init (SwCalendarStateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sw_calendar_state_finalize;
}

static void
sw_calendar_state_init (SwCalendarState *self)
{
  self->files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify) g_hash_table_unref);
  self->removed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

SwCalendarState *
sw_calendar_state_new (void)
{
  return g_object_new (SW_TYPE_CALENDAR_STATE, NULL);
}

static void
entry_out (const Entry     *entry,
           SwCalendarEntry *out)
{
  out->hash = entry->hash;
  out->sequence = entry->sequence;
  out->created = entry->created;
  out->last_modified = entry->last_modified;
  out->cancelled = entry->cancelled;
  out->is_todo = entry->is_todo;
  out->summary = entry->summary;
  out->start = entry->start;
  out->end = entry->end;
}

gboolean
sw_calendar_state_lookup (SwCalendarState *self,
                          const char      *file_key,
                          const char      *uid,
                          SwCalendarEntry *out)
{
  GHashTable *items;
  Entry *entry;

  g_return_val_if_fail (SW_IS_CALENDAR_STATE (self), FALSE);
  g_return_val_if_fail (file_key != NULL, FALSE);
  g_return_val_if_fail (uid != NULL, FALSE);

  items = g_hash_table_lookup (self->files, file_key);
  entry = items != NULL ? g_hash_table_lookup (items, uid) : NULL;
  if (entry == NULL)
    return FALSE;

  if (out != NULL)
    entry_out (entry, out);

  return TRUE;
}

static gboolean
same_entry (const Entry           *a,
            const SwCalendarEntry *b)
{
  return g_strcmp0 (a->hash, b->hash != NULL ? b->hash : "") == 0 &&
         a->sequence == b->sequence &&
         a->created == b->created &&
         a->last_modified == b->last_modified &&
         a->cancelled == b->cancelled &&
         a->is_todo == b->is_todo &&
         g_strcmp0 (a->summary, b->summary != NULL ? b->summary : "") == 0 &&
         a->start == b->start &&
         a->end == b->end;
}

void
sw_calendar_state_set (SwCalendarState       *self,
                       const char            *file_key,
                       const char            *uid,
                       const SwCalendarEntry *entry)
{
  GHashTable *items;
  Entry *existing;
  Entry *copy;

  g_return_if_fail (SW_IS_CALENDAR_STATE (self));
  g_return_if_fail (file_key != NULL);
  g_return_if_fail (uid != NULL);
  g_return_if_fail (entry != NULL);

  items = g_hash_table_lookup (self->files, file_key);
  if (items == NULL)
    {
      items = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                     (GDestroyNotify) entry_free);
      g_hash_table_insert (self->files, g_strdup (file_key), items);
    }

  existing = g_hash_table_lookup (items, uid);
  if (existing != NULL && same_entry (existing, entry))
    return;

  copy = g_new0 (Entry, 1);
  copy->hash = g_strdup (entry->hash != NULL ? entry->hash : "");
  copy->sequence = entry->sequence;
  copy->created = entry->created;
  copy->last_modified = entry->last_modified;
  copy->cancelled = entry->cancelled;
  copy->is_todo = entry->is_todo;
  copy->summary = g_strdup (entry->summary != NULL ? entry->summary : "");
  copy->start = entry->start;
  copy->end = entry->end;
  copy->changed = TRUE;

  if (existing == NULL)
    self->n_entries++;
  /* The new entry may be built from the old one's borrowed strings. */
  g_hash_table_insert (items, g_strdup (uid), copy);
}

void
sw_calendar_state_remove_file (SwCalendarState *self,
                               const char      *file_key)
{
  GHashTable *items;

  g_return_if_fail (SW_IS_CALENDAR_STATE (self));
  g_return_if_fail (file_key != NULL);

  items = g_hash_table_lookup (self->files, file_key);
  if (items == NULL)
    return;

  self->n_entries -= g_hash_table_size (items);
  g_hash_table_remove (self->files, file_key);
  g_hash_table_add (self->removed, g_strdup (file_key));
}

gboolean
sw_calendar_state_has_file (SwCalendarState *self,
                            const char      *file_key)
{
  g_return_val_if_fail (SW_IS_CALENDAR_STATE (self), FALSE);
  g_return_val_if_fail (file_key != NULL, FALSE);

  return g_hash_table_contains (self->files, file_key);
}

GStrv
sw_calendar_state_dup_uids (SwCalendarState *self,
                            const char      *file_key)
{
  g_return_val_if_fail (SW_IS_CALENDAR_STATE (self), NULL);
  g_return_val_if_fail (file_key != NULL, NULL);

  return sw_text_dup_sorted_keys (g_hash_table_lookup (self->files, file_key));
}

guint
sw_calendar_state_get_n_entries (SwCalendarState *self)
{
  g_return_val_if_fail (SW_IS_CALENDAR_STATE (self), 0);

  return self->n_entries;
}

static void
foreach_in_file (const char          *file_key,
                 GHashTable          *items,
                 gboolean             changed_only,
                 SwCalendarStateFunc  func,
                 gpointer             user_data)
{
  g_autofree const char **uids = sw_text_sorted_keys (items);

  for (guint u = 0; uids[u] != NULL; u++)
    {
      Entry *entry = g_hash_table_lookup (items, uids[u]);
      SwCalendarEntry out;

      if (changed_only && !entry->changed)
        continue;
      entry_out (entry, &out);
      func (file_key, uids[u], &out, user_data);
    }
}

static void
foreach_entry (SwCalendarState     *self,
               gboolean             changed_only,
               SwCalendarStateFunc  func,
               gpointer             user_data)
{
  g_autofree const char **files = sw_text_sorted_keys (self->files);

  for (guint f = 0; files[f] != NULL; f++)
    foreach_in_file (files[f], g_hash_table_lookup (self->files, files[f]), changed_only,
                     func, user_data);
}

void
sw_calendar_state_foreach_in_file (SwCalendarState     *self,
                                   const char          *file_key,
                                   SwCalendarStateFunc  func,
                                   gpointer             user_data)
{
  GHashTable *items;

  g_return_if_fail (SW_IS_CALENDAR_STATE (self));
  g_return_if_fail (file_key != NULL);
  g_return_if_fail (func != NULL);

  items = g_hash_table_lookup (self->files, file_key);
  if (items != NULL)
    foreach_in_file (file_key, items, FALSE, func, user_data);
}

void
sw_calendar_state_foreach_changed (SwCalendarState     *self,
                                   SwCalendarStateFunc  func,
                                   gpointer             user_data)
{
  g_return_if_fail (SW_IS_CALENDAR_STATE (self));
  g_return_if_fail (func != NULL);

  foreach_entry (self, TRUE, func, user_data);
}

GStrv
sw_calendar_state_dup_removed_files (SwCalendarState *self)
{
  g_return_val_if_fail (SW_IS_CALENDAR_STATE (self), NULL);

  return sw_text_dup_sorted_keys (self->removed);
}

void
sw_calendar_state_mark_saved (SwCalendarState *self)
{
  GHashTableIter files;
  gpointer items;

  g_return_if_fail (SW_IS_CALENDAR_STATE (self));

  g_hash_table_remove_all (self->removed);
  g_hash_table_iter_init (&files, self->files);
  while (g_hash_table_iter_next (&files, NULL, &items))
    {
      GHashTableIter iter;
      gpointer entry;

      g_hash_table_iter_init (&iter, items);
      while (g_hash_table_iter_next (&iter, NULL, &entry))
        ((Entry *) entry)->changed = FALSE;
    }
}

void
sw_calendar_state_foreach (SwCalendarState     *self,
                           SwCalendarStateFunc  func,
                           gpointer             user_data)
{
  g_return_if_fail (SW_IS_CALENDAR_STATE (self));
  g_return_if_fail (func != NULL);

  foreach_entry (self, FALSE, func, user_data);
}
