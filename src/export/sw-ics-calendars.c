/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sw-ics-exporter-internal.h"

/*
 * The calendars of an export for a CalDAV server: the owners are those of
 * the files (sw_ics_exporter_begin ()), the items are built by the same
 * code as the files' and recorded in the same state, so SEQUENCE moves
 * once for a change whichever way the calendar goes out.
 */

void
sw_ics_resource_free (SwIcsResource *resource)
{
  if (resource == NULL)
    return;

  g_free (resource->uid);
  g_clear_pointer (&resource->bytes, g_bytes_unref);
  g_free (resource->hash);
  g_free (resource);
}

void
sw_ics_calendar_free (SwIcsCalendar *calendar)
{
  if (calendar == NULL)
    return;

  g_free (calendar->key);
  g_free (calendar->name);
  g_clear_object (&calendar->owner);
  g_free (calendar->digest);
  g_clear_pointer (&calendar->resources, g_ptr_array_unref);
  g_free (calendar);
}

/* The UID of an item's text: its first UID line (libical writes the UID
 * of the component before its sub-components). */
static char *
item_uid (const char *text)
{
  const char *line = strstr (text, "\r\nUID:");
  const char *end;

  if (line == NULL)
    return NULL;
  line += strlen ("\r\nUID:");
  end = strstr (line, "\r\n");

  return end != NULL ? g_strndup (line, (gsize) (end - line)) : NULL;
}

/* A whole iCalendar object around one item: the version and product, the
 * plan's zone, the item; folded as the files are. */
static SwIcsResource *
resource_new (SwIcsExporter *self,
              GString       *item)
{
  SwIcsResource *resource = g_new0 (SwIcsResource, 1);
  g_autoptr(GString) text = g_string_sized_new (item->len + strlen (self->vtimezone_text) + 128);
  g_autoptr(GString) out = NULL;

  g_string_append (text, "BEGIN:VCALENDAR\r\n"
                         "VERSION:2.0\r\n"
                         "PRODID:" PRODID "\r\n"
                         "CALSCALE:GREGORIAN\r\n");
  g_string_append (text, self->vtimezone_text);
  g_string_append_len (text, item->str, (gssize) item->len);
  g_string_append (text, "END:VCALENDAR\r\n");

  out = g_string_sized_new (text->len + text->len / 64 + 16);
  sw_ics_append_refolded (out, text->str);

  resource->uid = item_uid (item->str);
  resource->hash = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) out->str, out->len);
  resource->bytes = g_string_free_to_bytes (g_steal_pointer (&out));

  return resource;
}

static SwIcsCalendar *
build_calendar (SwIcsExporter *self,
                GObject       *owner,
                const char    *key,
                GHashTable    *known)
{
  SwIcsCalendar *calendar = g_new0 (SwIcsCalendar, 1);
  GPtrArray *slots = NULL, *tasks = NULL;
  SwPerson *person = NULL;
  g_autoptr(GPtrArray) items = NULL;

  if (SW_IS_PERSON (owner))
    {
      person = SW_PERSON (owner);
      slots = g_hash_table_lookup (self->person_slots, owner);
      tasks = g_hash_table_lookup (self->person_tasks, owner);
      calendar->name = sw_ics_exporter_calendar_name (self, sw_person_get_name (person));
    }
  else if (SW_IS_DEPARTMENT (owner))
    {
      slots = g_hash_table_lookup (self->department_slots, owner);
      tasks = g_hash_table_lookup (self->department_tasks, owner);
      calendar->name = sw_ics_exporter_calendar_name (self, sw_department_get_name (SW_DEPARTMENT (owner)));
    }
  else
    {
      slots = self->slots;
      tasks = self->tasks;
      calendar->name = g_strdup (self->title);
    }

  calendar->key = g_strdup (key);
  calendar->owner = g_object_ref (owner);
  /* Unchanged content leaves the state as it is: the digest before
   * building is the one after. */
  if (known != NULL && g_hash_table_contains (known, key))
    {
      calendar->digest = sw_ics_exporter_file_digest (self, key, calendar->name, slots, tasks);
      if (g_str_equal (g_hash_table_lookup (known, key), calendar->digest))
        {
          calendar->unchanged = TRUE;
          return calendar;
        }
      g_clear_pointer (&calendar->digest, g_free);
    }

  items = g_ptr_array_new ();
  sw_ics_exporter_build_items (self, key, slots, person, tasks, NULL, items);
  calendar->resources = g_ptr_array_new_full (items->len, (GDestroyNotify) sw_ics_resource_free);
  for (guint i = 0; i < items->len; i++)
    {
      GString *item = g_ptr_array_index (items, i);

      g_ptr_array_add (calendar->resources, resource_new (self, item));
      g_string_free (item, TRUE);
    }
  /* The digest is of the state after the items are recorded. */
  calendar->digest = sw_ics_exporter_file_digest (self, key, calendar->name, slots, tasks);

  return calendar;
}

GPtrArray *
sw_ics_exporter_export_calendars (SwIcsExporter  *self,
                                  SwIcsScope      scope,
                                  GHashTable     *known,
                                  GError        **error)
{
  GPtrArray *calendars;

  g_return_val_if_fail (SW_IS_ICS_EXPORTER (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!sw_ics_exporter_begin (self, scope, error))
    return NULL;

  calendars = g_ptr_array_new_full (self->owners->len, (GDestroyNotify) sw_ics_calendar_free);
  for (guint i = 0; i < self->owners->len; i++)
    g_ptr_array_add (calendars, build_calendar (self, g_ptr_array_index (self->owners, i),
                                                g_ptr_array_index (self->owner_keys, i), known));

  sw_ics_exporter_clear_steps (self);
  sw_ics_exporter_clear_prepared (self);

  return calendars;
}
