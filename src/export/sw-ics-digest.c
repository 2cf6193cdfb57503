/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sw-atomic-write.h"
#include "sw-ics-exporter-internal.h"

/*
 * A file's digest: SHA-1 over everything its bytes are made from — the
 * plan's settings, the export's options, the texts in the reader's
 * language, the calendar's name and time zone, each of its slots and
 * tasks, and what the state says about each of its items after it was
 * written.  The digest goes into the file (X-SERVWEEK-DIGEST); when the
 * next export computes the same one for the file already in the folder,
 * that file would come out byte for byte the same, so it is neither
 * built nor written again.
 *
 * slot_digest () and task_digest () read what sw-ics-components.c reads:
 * a field that goes into an item goes into its digest too (the test
 * /ics/reuse-matches-rebuild builds every file anew after random edits
 * and compares).
 */

#define DIGEST_PROPERTY "X-SERVWEEK-DIGEST"
/* The start of a file that holds the digest line: it comes before the
 * time zone. */
#define HEADER_BYTES 2048

/* What a digest is taken of is gathered first and hashed in one go. */
static void
add_string (GString    *input,
            const char *text)
{
  gsize length = text != NULL ? strlen (text) : 0;
  /* Length-prefixed: ("ab", "c") and ("a", "bc") differ; and NULL (no
   * slot, no department) is not "" (one without a name). */
  guint32 prefix = GUINT32_TO_LE (text != NULL ? (guint32) length + 1 : 0);

  g_string_append_len (input, (const char *) &prefix, sizeof prefix);
  if (length > 0)
    g_string_append_len (input, text, (gssize) length);
}

static void
add_int (GString *input,
         gint64   value)
{
  gint64 le = GINT64_TO_LE (value);

  g_string_append_len (input, (const char *) &le, sizeof le);
}

/* The SHA-1 of @input, in hex; @input is emptied for the next one. */
static char *
digest_of (GString *input)
{
  char *digest = g_compute_checksum_for_data (G_CHECKSUM_SHA1, (const guchar *) input->str, input->len);

  g_string_truncate (input, 0);

  return digest;
}

static void
add_department (GString      *input,
                SwDepartment *department)
{
  add_string (input, department != NULL ? sw_department_get_name (department) : NULL);
}

static void
add_person (SwIcsExporter *self,
            GString       *input,
            SwPerson      *person)
{
  if (person == NULL)
    {
      add_string (input, NULL);
      return;
    }
  add_string (input, sw_ics_exporter_key_of (self, person));
  add_string (input, sw_person_get_name (person));
  add_string (input, sw_person_get_phone (person));
  add_string (input, sw_person_get_email (person));
  add_department (input, sw_person_get_department (person));
  add_int (input, g_hash_table_contains (self->leaders, person));
}

static char *
slot_digest (SwIcsExporter *self,
             GString       *input,
             SwSlot        *slot)
{
  GListModel *duties = sw_slot_get_duties (slot);
  GListModel *assignments = sw_slot_get_assignments (slot);
  GListModel *organisers = sw_slot_get_organisers (slot);
  GListModel *targets = sw_slot_get_visit_targets (slot);

  add_string (input, sw_slot_get_uid (slot));
  add_string (input, sw_slot_get_title (slot));
  add_string (input, sw_slot_kind_get_label (sw_slot_get_kind (slot)));
  add_int (input, sw_slot_get_start (slot));
  add_int (input, sw_slot_get_end (slot));
  add_string (input, sw_slot_get_location (slot));
  add_string (input, sw_slot_get_description (slot));

  add_int (input, g_list_model_get_n_items (duties));
  for (guint i = 0; i < g_list_model_get_n_items (duties); i++)
    {
      g_autoptr(SwDuty) duty = g_list_model_get_item (duties, i);

      add_string (input, sw_duty_get_name (duty));
      add_int (input, sw_duty_get_count (duty));
      add_department (input, sw_duty_get_department (duty));
    }
  add_int (input, g_list_model_get_n_items (assignments));
  for (guint i = 0; i < g_list_model_get_n_items (assignments); i++)
    {
      g_autoptr(SwAssignment) assignment = g_list_model_get_item (assignments, i);
      SwDuty *duty = sw_assignment_get_duty (assignment);
      guint position = 0;

      add_person (self, input, sw_assignment_get_person (assignment));
      add_int (input, duty != NULL && sw_list_model_find (duties, duty, &position) ? (gint64) position : -1);
      add_string (input, duty != NULL ? sw_duty_get_name (duty) : NULL);
      add_string (input, sw_assignment_get_note (assignment));
    }
  add_int (input, g_list_model_get_n_items (organisers));
  for (guint i = 0; i < g_list_model_get_n_items (organisers); i++)
    {
      g_autoptr(SwDepartment) department = g_list_model_get_item (organisers, i);

      add_department (input, department);
    }
  add_int (input, g_list_model_get_n_items (targets));
  for (guint i = 0; i < g_list_model_get_n_items (targets); i++)
    {
      g_autoptr(SwVisitTarget) target = g_list_model_get_item (targets, i);

      add_string (input, sw_visit_target_get_name (target));
      add_string (input, sw_visit_target_get_address (target));
      add_string (input, sw_visit_target_get_contact (target));
      add_string (input, sw_visit_target_get_phone (target));
    }

  return digest_of (input);
}

static char *
task_digest (SwIcsExporter *self,
             GString       *input,
             SwTask        *task)
{
  SwSlot *slot = sw_task_get_slot (task);

  add_string (input, sw_task_get_uid (task));
  add_string (input, sw_task_get_title (task));
  add_int (input, sw_task_get_due (task));
  add_int (input, sw_task_get_status (task));
  add_person (self, input, sw_task_get_person (task));
  add_department (input, sw_task_get_department (task));
  add_string (input, slot != NULL ? sw_slot_get_title (slot) : NULL);
  add_string (input, sw_task_get_notes (task));

  return digest_of (input);
}

/* What every file of the export is made from. */
static char *
base_digest (SwIcsExporter *self,
             GString       *input)
{
  static const char *const labels[] = {
    N_("Duty:"), N_("Attendee"), N_("Note:"), N_("Teammates:"), N_("Organised by:"), N_(", "),
    N_("Visit targets:"), N_("Hotline:"), N_("Duties:"), N_("Attendees:"), N_("Owner:"), N_("For:"),
  };

  /* Another version of the program, or of libical, may write other
   * bytes. */
  add_string (input, PACKAGE_VERSION);
  add_string (input, ICAL_VERSION);
  add_string (input, PRODID);
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    add_string (input, _(labels[i]));
  add_string (input, sw_plan_get_title (self->plan));
  add_string (input, sw_plan_get_hotline (self->plan));
  add_string (input, sw_plan_get_organiser (self->plan));
  add_string (input, self->tzid);
  add_string (input, self->vtimezone_text);
  add_person (self, input, self->organizer);
  add_int (input, self->include_tasks);
  add_int (input, self->reminder_minutes);
  add_int (input, self->include_phones);

  return digest_of (input);
}

void
sw_ics_exporter_prepare_digests (SwIcsExporter *self)
{
  g_autoptr(GString) input = g_string_sized_new (4096);

  self->base_digest = base_digest (self, input);
  self->item_digests = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  for (guint i = 0; i < self->slots->len; i++)
    {
      SwSlot *slot = g_ptr_array_index (self->slots, i);

      g_hash_table_insert (self->item_digests, slot, slot_digest (self, input, slot));
    }
  for (guint i = 0; i < self->tasks->len; i++)
    {
      SwTask *task = g_ptr_array_index (self->tasks, i);

      g_hash_table_insert (self->item_digests, task, task_digest (self, input, task));
    }
}

static void
add_items (SwIcsExporter *self,
           GString       *input,
           GPtrArray     *items)
{
  add_int (input, items != NULL ? items->len : 0);
  for (guint i = 0; items != NULL && i < items->len; i++)
    add_string (input, g_hash_table_lookup (self->item_digests, g_ptr_array_index (items, i)));
}

static void
add_entry (const char            *file_key,
           const char            *uid,
           const SwCalendarEntry *entry,
           gpointer               user_data)
{
  GString *input = user_data;

  add_string (input, uid);
  add_string (input, entry->hash);
  add_int (input, entry->sequence);
  add_int (input, entry->created);
  add_int (input, entry->last_modified);
  add_int (input, entry->cancelled);
  add_int (input, entry->is_todo);
  add_string (input, entry->summary);
  add_int (input, entry->start);
  add_int (input, entry->end);
}

char *
sw_ics_exporter_file_digest (SwIcsExporter *self,
                             const char    *file_key,
                             const char    *calendar_name,
                             GPtrArray     *slots,
                             GPtrArray     *tasks)
{
  g_autoptr(GString) input = g_string_sized_new (2048);

  add_string (input, self->base_digest);
  add_string (input, file_key);
  add_string (input, calendar_name);
  add_items (self, input, slots);
  add_items (self, input, self->include_tasks ? tasks : NULL);
  /* The stamps and the cancelled items come from the state. */
  sw_calendar_state_foreach_in_file (self->state, file_key, add_entry, input);

  /* 160 bits: the line stays within 75 octets. */
  return digest_of (input);
}

void
sw_ics_exporter_add_digest (icalcomponent *calendar,
                            const char    *digest)
{
  icalproperty *property = icalproperty_new_x (digest);

  icalproperty_set_x_name (property, DIGEST_PROPERTY);
  icalcomponent_add_property (calendar, property);
}

gboolean
sw_ics_exporter_file_has_digest (int         dir,
                                 const char *name,
                                 const char *digest)
{
  char line[sizeof "\r\n" DIGEST_PROPERTY ":\r\n" + 64];
  char header[HEADER_BYTES + 1];
  gssize length;
  char *end;

  if (g_snprintf (line, sizeof line, "\r\n" DIGEST_PROPERTY ":%s\r\n", digest) >= (int) sizeof line)
    return FALSE;

  length = sw_atomic_read_head (dir, name, header, HEADER_BYTES, NULL);
  if (length < 0)
    return FALSE;
  header[length] = '\0';

  /* Only in the calendar's own properties, before its first component. */
  end = strstr (header, "\r\nBEGIN:");
  if (end == NULL)
    return FALSE;
  end[2] = '\0';
  return strstr (header, line) != NULL;
}
