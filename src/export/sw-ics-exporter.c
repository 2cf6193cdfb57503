/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <libical/ical.h>

#include "sw-file-name.h"
#include "sw-atomic-write.h"
#include "sw-ics-exporter-internal.h"

G_DEFINE_FINAL_TYPE (SwIcsExporter, sw_ics_exporter, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ORGANISATION,
  PROP_PLAN,
  PROP_STATE,
  PROP_INCLUDE_TASKS,
  PROP_REMINDER_MINUTES,
  PROP_NOW,
  PROP_INCLUDE_PHONES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
sw_ics_file_free (SwIcsFile *file)
{
  if (file == NULL)
    return;

  g_free (file->file_name);
  g_free (file->file_key);
  g_clear_pointer (&file->bytes, g_bytes_unref);
  g_free (file);
}

/* ------------------------------------------------------------------ */
/* Files                                                              */

/* A property whose value is TEXT that libical 3.0 knows by name only as
 * an extension (X-WR-CALNAME, X-WR-TIMEZONE). */
static icalproperty *
new_x_property (const char *name,
                const char *value)
{
  icalproperty *property = icalproperty_new_x (value);

  icalproperty_set_x_name (property, name);

  return property;
}

/* The calendar of a file with its own properties: its name and zone. */
static icalcomponent *
new_calendar (SwIcsExporter *self,
              const char    *calendar_name)
{
  icalcomponent *calendar = icalcomponent_new (ICAL_VCALENDAR_COMPONENT);

  icalcomponent_add_property (calendar, icalproperty_new_version ("2.0"));
  icalcomponent_add_property (calendar, icalproperty_new_prodid (PRODID));
  icalcomponent_add_property (calendar, icalproperty_new_calscale ("GREGORIAN"));
  icalcomponent_add_property (calendar, new_x_property ("X-WR-CALNAME", calendar_name));
  icalcomponent_add_property (calendar, icalproperty_new_name (calendar_name));
  icalcomponent_add_property (calendar, new_x_property ("X-WR-TIMEZONE", self->tzid));

  return calendar;
}

/* The items that @file_key carried before and holds no longer (not in
 * @present): cancelled, once, and sent as cancelled in every later
 * export. */
static void
add_cancelled (SwIcsExporter *self,
               GString       *out,
               const char    *file_key,
               GHashTable    *present)
{
  g_auto(GStrv) known = sw_calendar_state_dup_uids (self->state, file_key);

  for (guint i = 0; known[i] != NULL; i++)
    {
      SwCalendarEntry entry;
      SwIcsItem item = { NULL, NULL };

      if (g_hash_table_contains (present, known[i]))
        continue;
      if (!sw_calendar_state_lookup (self->state, file_key, known[i], &entry))
        continue;
      /* Leaving tasks out of an export is not deleting them. */
      if (entry.is_todo && !self->include_tasks)
        continue;

      if (!entry.cancelled)
        {
          g_autofree char *hash = g_strdup (entry.hash);
          g_autofree char *summary = g_strdup (entry.summary);

          entry.hash = hash;
          entry.summary = summary;
          entry.sequence++;
          entry.last_modified = self->stamp;
          entry.cancelled = TRUE;
          sw_calendar_state_set (self->state, file_key, known[i], &entry);
          sw_calendar_state_lookup (self->state, file_key, known[i], &entry);
        }

      sw_ics_item_set_component (&item, sw_ics_exporter_cancelled_component (self, known[i], &entry));
      g_string_append_len (out, item.head->str, (gssize) item.head->len);
      sw_ics_append_stamps (out, &entry);
      g_string_append_len (out, item.tail->str, (gssize) item.tail->len);
      sw_ics_item_clear (&item);
    }
}

void
sw_ics_exporter_build_items (SwIcsExporter *self,
                             const char    *file_key,
                             GPtrArray     *slots,
                             SwPerson      *person,
                             GPtrArray     *tasks,
                             GString       *out,
                             GPtrArray     *each)
{
  g_autoptr(GHashTable) present = g_hash_table_new (g_str_hash, g_str_equal);
  SwIcsItem item = { NULL, NULL };

  for (guint i = 0; slots != NULL && i < slots->len; i++)
    {
      SwSlot *slot = g_ptr_array_index (slots, i);
      const char *uid = sw_slot_get_uid (slot);
      g_autofree char *summary = NULL;

      if (*uid == '\0' || g_hash_table_contains (present, uid))
        continue;
      g_hash_table_add (present, (gpointer) uid);

      summary = sw_ics_slot_summary (slot, person);
      sw_ics_exporter_slot_item (self, slot, person, summary, &item);
      if (each != NULL)
        g_ptr_array_add (each, out = g_string_new (NULL));
      sw_ics_exporter_add_item (self, out, file_key, uid, &item,
                                FALSE, summary, sw_slot_get_start (slot), sw_slot_get_end (slot));
    }

  for (guint i = 0; self->include_tasks && tasks != NULL && i < tasks->len; i++)
    {
      SwTask *task = g_ptr_array_index (tasks, i);
      const char *uid = sw_task_get_uid (task);
      g_autofree char *summary = NULL;

      if (*uid == '\0' || g_hash_table_contains (present, uid))
        continue;
      g_hash_table_add (present, (gpointer) uid);

      summary = sw_ics_clean_text (sw_task_get_title (task), FALSE);
      sw_ics_item_set_component (&item, sw_ics_exporter_task_component (self, task, summary));
      if (each != NULL)
        g_ptr_array_add (each, out = g_string_new (NULL));
      sw_ics_exporter_add_item (self, out, file_key, uid, &item,
                                TRUE, summary, sw_task_get_due (task), SW_TIME_UNSET);
    }

  /* A calendar on a server has its removed items deleted instead. */
  if (each == NULL)
    add_cancelled (self, out, file_key, present);
}

/* One file: its calendar's properties, the plan's zone and its items,
 * each as libical writes it (the parts of an event the same in every file
 * written once per export), folded by our rules once. */
static GBytes *
build_file (SwIcsExporter *self,
            const char    *file_key,
            const char    *calendar_name,
            GPtrArray     *slots,
            SwPerson      *person,
            GPtrArray     *tasks,
            gboolean       with_digest)
{
  g_autoptr(GString) items = g_string_new (NULL);
  icalcomponent *calendar;
  SwIcsItem file = { NULL, NULL };
  g_autoptr(GString) out = NULL;

  sw_ics_exporter_build_items (self, file_key, slots, person, tasks, items, NULL);

  calendar = new_calendar (self, calendar_name);
  if (with_digest)
    {
      g_autofree char *digest = sw_ics_exporter_file_digest (self, file_key, calendar_name, slots, tasks);

      sw_ics_exporter_add_digest (calendar, digest);
    }
  sw_ics_item_set_component (&file, calendar);
  g_string_append (file.head, self->vtimezone_text);
  g_string_append_len (file.head, items->str, (gssize) items->len);
  g_string_append_len (file.head, file.tail->str, (gssize) file.tail->len);

  out = g_string_sized_new (file.head->len + file.head->len / 64 + 16);
  sw_ics_append_refolded (out, file.head->str);
  sw_ics_item_clear (&file);

  return g_string_free_to_bytes (g_steal_pointer (&out));
}

char *
sw_ics_exporter_calendar_name (SwIcsExporter *self,
                               const char    *part)
{
  g_autofree char *clean = sw_ics_clean_text (part, FALSE);

  if (*clean == '\0')
    return g_strdup (self->title);

  return g_strdup_printf ("%s · %s", self->title, clean);
}

static SwIcsFile *
new_file (const char *name,
          const char *file_key,
          GBytes     *bytes)
{
  SwIcsFile *file = g_new0 (SwIcsFile, 1);

  file->file_name = g_strdup (name);
  file->file_key = g_strdup (file_key);
  file->bytes = bytes;

  return file;
}

static char *
person_file_key (SwIcsExporter *self,
                 SwPerson      *person)
{
  return g_strconcat ("person:", sw_ics_exporter_key_of (self, person), NULL);
}

static char *
department_file_key (SwIcsExporter *self,
                     SwDepartment  *department)
{
  return g_strconcat ("department:", sw_ics_exporter_key_of (self, department), NULL);
}

/* The file of a person or a department: left in the folder when it would
 * come out the same, else built. */
static SwIcsFile *
owner_file (SwIcsExporter *self,
            const char    *file_name,
            const char    *file_key,
            const char    *part,
            GPtrArray     *slots,
            SwPerson      *person,
            GPtrArray     *tasks)
{
  g_autofree char *name = sw_ics_exporter_calendar_name (self, part);
  SwIcsFile *file;

  if (self->folder != NULL && self->folder_fd >= 0)
    {
      g_autofree char *digest = sw_ics_exporter_file_digest (self, file_key, name, slots, tasks);

      if (sw_ics_exporter_file_has_digest (self->folder_fd, file_name, digest))
        {
          file = new_file (file_name, file_key, NULL);
          file->unchanged = TRUE;
          return file;
        }
    }

  return new_file (file_name, file_key, build_file (self, file_key, name, slots, person, tasks, TRUE));
}

static SwIcsFile *
person_file (SwIcsExporter *self,
             const char    *file_name,
             SwPerson      *person,
             const char    *file_key)
{
  return owner_file (self, file_name, file_key, sw_person_get_name (person),
                     g_hash_table_lookup (self->person_slots, person), person,
                     g_hash_table_lookup (self->person_tasks, person));
}

static SwIcsFile *
department_file (SwIcsExporter *self,
                 const char    *file_name,
                 SwDepartment  *department,
                 const char    *file_key)
{
  return owner_file (self, file_name, file_key, sw_department_get_name (department),
                     g_hash_table_lookup (self->department_slots, department), NULL,
                     g_hash_table_lookup (self->department_tasks, department));
}

/* A name not yet in @used (case-insensitively): @candidate, else with
 * " (2)", " (3)" … kept within the length limit.  @candidate_folded is
 * its case fold when known, else NULL. */
static char *
unique_name (GHashTable *used,
             const char *candidate,
             const char *candidate_folded)
{
  g_autofree char *folded = candidate_folded != NULL ? g_strdup (candidate_folded)
                                                     : g_utf8_casefold (candidate, -1);

  if (!g_hash_table_contains (used, folded))
    {
      g_hash_table_add (used, g_steal_pointer (&folded));
      return g_strdup (candidate);
    }

  for (guint n = 2;; n++)
    {
      g_autofree char *suffix = g_strdup_printf (" (%u)", n);
      gsize room = SW_FILE_NAME_MAX_BYTES - strlen (suffix);
      g_autoptr(GString) stem = g_string_new (candidate);
      g_autofree char *name = NULL;
      g_autofree char *name_folded = NULL;

      if (stem->len > room)
        {
          gsize cut = room;

          while (cut > 0 && ((guchar) stem->str[cut] & 0xc0) == 0x80)
            cut--;
          g_string_truncate (stem, cut);
        }
      g_string_append (stem, suffix);
      name = sw_file_name_make_safe (stem->str, suffix);
      name_folded = g_utf8_casefold (name, -1);
      if (!g_hash_table_contains (used, name_folded))
        {
          g_hash_table_add (used, g_steal_pointer (&name_folded));
          return g_steal_pointer (&name);
        }
    }
}

static gboolean
has_content (SwIcsExporter *self,
             GHashTable    *slots,
             GHashTable    *tasks,
             gpointer       owner,
             const char    *file_key)
{
  return g_hash_table_contains (slots, owner) ||
         (self->include_tasks && g_hash_table_contains (tasks, owner)) ||
         sw_calendar_state_has_file (self->state, file_key);
}

/* Safe, unique file names for @owners named by @names: a name shared by
 * several gets @qualifiers added, then a number. */
static GPtrArray *
file_names (GPtrArray  *names,
            GPtrArray  *qualifiers,
            const char *fallback)
{
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) safe = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) safe_folded = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *result = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < names->len; i++)
    {
      char *name = sw_file_name_make_safe (g_ptr_array_index (names, i), fallback);
      char *folded = g_utf8_casefold (name, -1);

      g_ptr_array_add (safe, name);
      g_ptr_array_add (safe_folded, folded);
      g_hash_table_insert (counts, g_strdup (folded),
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, folded)) + 1));
    }

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (safe, i);
      const char *folded = g_ptr_array_index (safe_folded, i);
      g_autofree char *candidate = NULL;
      g_autofree char *unique = NULL;
      const char *qualifier = qualifiers != NULL ? g_ptr_array_index (qualifiers, i) : "";

      if (GPOINTER_TO_UINT (g_hash_table_lookup (counts, folded)) > 1 && *qualifier != '\0')
        {
          g_autofree char *qualified = g_strdup_printf ("%s (%s)",
                                                        (const char *) g_ptr_array_index (names, i),
                                                        qualifier);

          candidate = sw_file_name_make_safe (qualified, fallback);
        }
      else
        candidate = g_strdup (name);

      unique = unique_name (used, candidate, g_str_equal (candidate, name) ? folded : NULL);
      g_ptr_array_add (result, g_strconcat (unique, ".ics", NULL));
    }

  return result;
}

/* The people with a file (slots, tasks, or a file before), their keys,
 * and names for their files. */
static void
choose_people (SwIcsExporter *self)
{
  GListModel *people = sw_organisation_get_people (self->organisation);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GPtrArray) qualifiers = g_ptr_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      SwPerson *person = g_list_model_get_item (people, i);
      g_autofree char *file_key = person_file_key (self, person);
      SwDepartment *department = sw_person_get_department (person);

      if (!has_content (self, self->person_slots, self->person_tasks, person, file_key))
        {
          g_object_unref (person);
          continue;
        }
      g_ptr_array_add (self->owners, person);
      g_ptr_array_add (names, (gpointer) sw_person_get_name (person));
      g_ptr_array_add (qualifiers, (gpointer) (department != NULL ? sw_department_get_name (department) : ""));
      g_ptr_array_add (self->owner_keys, g_steal_pointer (&file_key));
    }
  self->owner_files = file_names (names, qualifiers, _("person"));
}

static void
choose_departments (SwIcsExporter *self)
{
  GListModel *departments = sw_organisation_get_departments (self->organisation);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (departments); i++)
    {
      SwDepartment *department = g_list_model_get_item (departments, i);
      g_autofree char *file_key = department_file_key (self, department);

      if (!has_content (self, self->department_slots, self->department_tasks, department, file_key))
        {
          g_object_unref (department);
          continue;
        }
      g_ptr_array_add (self->owners, department);
      g_ptr_array_add (names, (gpointer) sw_department_get_name (department));
      g_ptr_array_add (self->owner_keys, g_steal_pointer (&file_key));
    }
  self->owner_files = file_names (names, NULL, _("department"));
}

void
sw_ics_exporter_clear_steps (SwIcsExporter *self)
{
  g_clear_pointer (&self->owners, g_ptr_array_unref);
  g_clear_pointer (&self->owner_keys, g_ptr_array_unref);
  g_clear_pointer (&self->owner_files, g_ptr_array_unref);
  g_clear_pointer (&self->files, g_ptr_array_unref);
  self->next = 0;
}

gboolean
sw_ics_exporter_begin (SwIcsExporter  *self,
                       SwIcsScope      scope,
                       GError        **error)
{
  g_return_val_if_fail (SW_IS_ICS_EXPORTER (self), FALSE);
  g_return_val_if_fail (scope <= SW_ICS_SCOPE_DEPARTMENT, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  sw_ics_exporter_clear_steps (self);
  if (!sw_ics_exporter_prepare (self, error))
    return FALSE;

  self->scope = scope;
  self->owners = g_ptr_array_new_with_free_func (g_object_unref);
  self->owner_keys = g_ptr_array_new_with_free_func (g_free);
  self->files = g_ptr_array_new_with_free_func ((GDestroyNotify) sw_ics_file_free);
  if (scope == SW_ICS_SCOPE_PERSON)
    choose_people (self);
  else if (scope == SW_ICS_SCOPE_DEPARTMENT)
    choose_departments (self);
  else
    {
      g_autofree char *name = sw_file_name_make_safe (self->title, _("calendar"));

      /* One file, whose owner is the plan. */
      g_ptr_array_add (self->owners, g_object_ref (self->plan));
      g_ptr_array_add (self->owner_keys, g_strdup ("plan"));
      self->owner_files = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (self->owner_files, g_strconcat (name, ".ics", NULL));
    }

  return TRUE;
}

gboolean
sw_ics_exporter_step (SwIcsExporter *self,
                      guint          n_files)
{
  g_return_val_if_fail (SW_IS_ICS_EXPORTER (self), FALSE);
  g_return_val_if_fail (self->owners != NULL, FALSE);

  for (guint done = 0; done < n_files && self->next < self->owners->len; done++, self->next++)
    {
      gpointer owner = g_ptr_array_index (self->owners, self->next);
      const char *file_name = g_ptr_array_index (self->owner_files, self->next);
      const char *file_key = g_ptr_array_index (self->owner_keys, self->next);

      if (self->scope == SW_ICS_SCOPE_PERSON)
        g_ptr_array_add (self->files, person_file (self, file_name, owner, file_key));
      else if (self->scope == SW_ICS_SCOPE_DEPARTMENT)
        g_ptr_array_add (self->files, department_file (self, file_name, owner, file_key));
      else
        g_ptr_array_add (self->files, new_file (file_name, file_key,
                                                build_file (self, file_key, self->title, self->slots,
                                                            NULL, self->tasks, FALSE)));
    }

  return self->next < self->owners->len;
}

void
sw_ics_exporter_get_progress (SwIcsExporter *self,
                              guint         *done,
                              guint         *total)
{
  g_return_if_fail (SW_IS_ICS_EXPORTER (self));

  if (done != NULL)
    *done = self->owners != NULL ? self->next : 0;
  if (total != NULL)
    *total = self->owners != NULL ? self->owners->len : 0;
}

GPtrArray *
sw_ics_exporter_finish (SwIcsExporter *self)
{
  GPtrArray *files;

  g_return_val_if_fail (SW_IS_ICS_EXPORTER (self), NULL);
  g_return_val_if_fail (self->owners != NULL, NULL);

  while (sw_ics_exporter_step (self, G_MAXUINT))
    ;
  files = g_steal_pointer (&self->files);
  sw_ics_exporter_clear_steps (self);
  sw_ics_exporter_clear_prepared (self);

  return files;
}

GPtrArray *
sw_ics_exporter_export (SwIcsExporter  *self,
                        SwIcsScope      scope,
                        GError        **error)
{
  g_return_val_if_fail (SW_IS_ICS_EXPORTER (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!sw_ics_exporter_begin (self, scope, error))
    return NULL;

  return sw_ics_exporter_finish (self);
}

SwIcsFile *
sw_ics_exporter_export_person (SwIcsExporter  *self,
                               SwPerson       *person,
                               GError        **error)
{
  g_autofree char *file_key = NULL;
  g_autofree char *name = NULL;
  g_autofree char *file_name = NULL;
  g_autofree char *folder = NULL;
  SwIcsFile *file;

  g_return_val_if_fail (SW_IS_ICS_EXPORTER (self), NULL);
  g_return_val_if_fail (SW_IS_PERSON (person), NULL);

  if (!sw_ics_exporter_prepare (self, error))
    return NULL;

  file_key = person_file_key (self, person);
  name = sw_file_name_make_safe (sw_person_get_name (person), _("person"));
  file_name = g_strconcat (name, ".ics", NULL);
  /* Always built: its file's place is not the exporter's folder. */
  folder = g_steal_pointer (&self->folder);
  file = person_file (self, file_name, person, file_key);
  self->folder = g_steal_pointer (&folder);
  sw_ics_exporter_clear_prepared (self);

  return file;
}

/* ------------------------------------------------------------------ */
/* Writing                                                            */

static gboolean
write_files (const char   *folder,
             SwIcsFile   **files,
             guint         n_files,
             guint        *n_written,
             GError      **error)
{
  g_autofree SwAtomicFile *atomic = g_new0 (SwAtomicFile, MAX (n_files, 1));
  g_autoptr(GError) local_error = NULL;
  guint n = 0, written = 0;

  /* Those left alone in the folder are there already. */
  for (guint i = 0; i < n_files; i++)
    if (!files[i]->unchanged)
      {
        atomic[n].name = files[i]->file_name;
        atomic[n].bytes = files[i]->bytes;
        n++;
      }
  if (!sw_atomic_write_files (folder, atomic, n, &local_error))
    {
      g_set_error_literal (error, SW_ICS_ERROR, SW_ICS_ERROR_IO, local_error->message);
      return FALSE;
    }

  for (guint i = 0; i < n; i++)
    written += atomic[i].written ? 1 : 0;
  if (n_written != NULL)
    *n_written = written;
  return TRUE;
}

gboolean
sw_ics_file_write (SwIcsFile   *file,
                   const char  *path,
                   gboolean    *written,
                   GError     **error)
{
  g_autofree char *folder = NULL;
  g_autofree char *name = NULL;
  SwIcsFile named;
  SwIcsFile *files[1] = { &named };
  guint n_written = 0;

  g_return_val_if_fail (file != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  folder = g_path_get_dirname (path);
  name = g_path_get_basename (path);
  /* "/", "." and "..": folders, not files. */
  if (strchr (name, '/') != NULL || g_str_equal (name, ".") || g_str_equal (name, ".."))
    {
      g_set_error (error, SW_ICS_ERROR, SW_ICS_ERROR_IO, _("Could not write “%s”: %s"),
                   path, g_strerror (EISDIR));
      return FALSE;
    }
  named = *file;
  named.file_name = name;
  if (!write_files (folder, files, 1, &n_written, error))
    return FALSE;

  if (written != NULL)
    *written = n_written > 0;
  return TRUE;
}

gboolean
sw_ics_files_write_to_folder (GPtrArray   *files,
                              const char  *folder,
                              guint       *n_written,
                              GError     **error)
{
  g_return_val_if_fail (files != NULL, FALSE);
  g_return_val_if_fail (folder != NULL, FALSE);

  if (g_mkdir_with_parents (folder, 0777) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, SW_ICS_ERROR, SW_ICS_ERROR_IO,
                   _("Could not create the folder “%s”: %s"), folder, g_strerror (saved_errno));
      return FALSE;
    }
  if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, SW_ICS_ERROR, SW_ICS_ERROR_IO,
                   _("“%s” is not a folder"), folder);
      return FALSE;
    }

  /* Names come from sw_file_name_make_safe(): no separators, no "..". */
  return write_files (folder, (SwIcsFile **) files->pdata, files->len, n_written, error);
}

/* ------------------------------------------------------------------ */
/* The object                                                         */

static void
sw_ics_exporter_dispose (GObject *object)
{
  SwIcsExporter *self = SW_ICS_EXPORTER (object);

  sw_ics_exporter_clear_steps (self);
  sw_ics_exporter_clear_prepared (self);
  g_clear_object (&self->organisation);
  g_clear_object (&self->plan);
  g_clear_object (&self->state);
  g_clear_pointer (&self->folder, g_free);

  G_OBJECT_CLASS (sw_ics_exporter_parent_class)->dispose (object);
}

static void
sw_ics_exporter_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SwIcsExporter *self = SW_ICS_EXPORTER (object);

  switch (prop_id)
    {
    case PROP_ORGANISATION:
      g_value_set_object (value, self->organisation);
      break;
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;
    case PROP_STATE:
      g_value_set_object (value, self->state);
      break;
    case PROP_INCLUDE_TASKS:
      g_value_set_boolean (value, self->include_tasks);
      break;
    case PROP_REMINDER_MINUTES:
      g_value_set_int (value, self->reminder_minutes);
      break;
    case PROP_NOW:
      g_value_set_int64 (value, self->now);
      break;
    case PROP_INCLUDE_PHONES:
      g_value_set_boolean (value, self->include_phones);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sw_ics_exporter_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  SwIcsExporter *self = SW_ICS_EXPORTER (object);

  switch (prop_id)
    {
    case PROP_ORGANISATION:
      self->organisation = g_value_dup_object (value);
      break;
    case PROP_PLAN:
      self->plan = g_value_dup_object (value);
      break;
    case PROP_STATE:
      self->state = g_value_dup_object (value);
      break;
    case PROP_INCLUDE_TASKS:
      sw_ics_exporter_set_include_tasks (self, g_value_get_boolean (value));
      break;
    case PROP_REMINDER_MINUTES:
      sw_ics_exporter_set_reminder_minutes (self, g_value_get_int (value));
      break;
    case PROP_NOW:
      sw_ics_exporter_set_now (self, g_value_get_int64 (value));
      break;
    case PROP_INCLUDE_PHONES:
      sw_ics_exporter_set_include_phones (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sw_ics_exporter_class_init (SwIcsExporterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sw_ics_exporter_dispose;
  object_class->get_property = sw_ics_exporter_get_property;
  object_class->set_property = sw_ics_exporter_set_property;

  properties[PROP_ORGANISATION] =
    g_param_spec_object ("organisation", NULL, NULL, SW_TYPE_ORGANISATION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, SW_TYPE_PLAN,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] =
    g_param_spec_object ("state", NULL, NULL, SW_TYPE_CALENDAR_STATE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_INCLUDE_TASKS] =
    g_param_spec_boolean ("include-tasks", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REMINDER_MINUTES] =
    g_param_spec_int ("reminder-minutes", NULL, NULL, -1, 7 * DAY_MINUTES, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOW] =
    g_param_spec_int64 ("now", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_INCLUDE_PHONES] =
    g_param_spec_boolean ("include-phones", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sw_ics_exporter_init (SwIcsExporter *self)
{
  self->reminder_minutes = -1;
  self->include_phones = TRUE;
  self->folder_fd = -1;
}

SwIcsExporter *
sw_ics_exporter_new (SwOrganisation  *organisation,
                     SwPlan          *plan,
                     SwCalendarState *state)
{
  g_return_val_if_fail (SW_IS_ORGANISATION (organisation), NULL);
  g_return_val_if_fail (SW_IS_PLAN (plan), NULL);
  g_return_val_if_fail (SW_IS_CALENDAR_STATE (state), NULL);

  return g_object_new (SW_TYPE_ICS_EXPORTER,
                       "organisation", organisation,
                       "plan", plan,
                       "state", state,
                       NULL);
}

void
sw_ics_exporter_set_include_tasks (SwIcsExporter *self,
                                   gboolean       include_tasks)
{
  g_return_if_fail (SW_IS_ICS_EXPORTER (self));

  include_tasks = !!include_tasks;
  if (self->include_tasks == include_tasks)
    return;

  self->include_tasks = include_tasks;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INCLUDE_TASKS]);
}

void
sw_ics_exporter_set_include_phones (SwIcsExporter *self,
                                    gboolean       include_phones)
{
  g_return_if_fail (SW_IS_ICS_EXPORTER (self));

  include_phones = !!include_phones;
  if (self->include_phones == include_phones)
    return;

  self->include_phones = include_phones;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INCLUDE_PHONES]);
}

void
sw_ics_exporter_set_reminder_minutes (SwIcsExporter *self,
                                      int            minutes)
{
  g_return_if_fail (SW_IS_ICS_EXPORTER (self));

  minutes = CLAMP (minutes, -1, 7 * DAY_MINUTES);
  if (self->reminder_minutes == minutes)
    return;

  self->reminder_minutes = minutes;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REMINDER_MINUTES]);
}

void
sw_ics_exporter_set_folder (SwIcsExporter *self,
                            const char    *folder)
{
  g_return_if_fail (SW_IS_ICS_EXPORTER (self));

  g_free (self->folder);
  self->folder = g_strdup (folder);
}

void
sw_ics_exporter_set_now (SwIcsExporter *self,
                         gint64         now)
{
  g_return_if_fail (SW_IS_ICS_EXPORTER (self));

  now = MAX (now, 0);
  if (self->now == now)
    return;

  self->now = now;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOW]);
}
