/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sw-ics-exporter-internal.h"

/* Adds a date-time property (DTSTART, DTEND, DUE) in the plan's zone. */
static void
add_local_time (SwIcsExporter  *self,
                icalcomponent  *component,
                icalproperty *(*new_property) (struct icaltimetype),
                gint64          minutes)
{
  icalcomponent_add_property (component,
                              sw_ics_with_tzid (new_property (sw_ics_local_time (minutes)), self->tzid));
}

/* ------------------------------------------------------------------ */
/* Components                                                         */

static char *
person_address (SwIcsExporter *self,
                SwPerson      *person)
{
  g_autofree char *email = sw_ics_clean_parameter (sw_person_get_email (person));

  g_strdelimit (email, " ", '_');
  if (*email != '\0')
    return g_strconcat ("mailto:", email, NULL);

  /* Unique per person, so that clients keep attendees apart. */
  return g_strconcat ("urn:x-servweek:person:", sw_ics_exporter_key_of (self, person), NULL);
}

static icalproperty *
new_organizer (SwIcsExporter *self)
{
  g_autofree char *address = NULL;
  g_autofree char *cn = NULL;
  icalproperty *property;

  if (self->organizer != NULL)
    {
      address = person_address (self, self->organizer);
      cn = sw_ics_clean_parameter (sw_person_get_name (self->organizer));
    }
  else if (*sw_plan_get_organiser (self->plan) != '\0')
    {
      address = g_strdup ("urn:x-servweek:organiser");
      cn = sw_ics_clean_parameter (sw_plan_get_organiser (self->plan));
    }
  else
    return NULL;

  property = icalproperty_new_organizer (address);
  if (*cn != '\0')
    icalproperty_add_parameter (property, icalparameter_new_cn (cn));

  return property;
}

static icalproperty *
new_attendee (SwIcsExporter *self,
              SwPerson      *person)
{
  g_autofree char *address = person_address (self, person);
  g_autofree char *cn = sw_ics_clean_parameter (sw_person_get_name (person));
  icalproperty *property = icalproperty_new_attendee (address);

  icalproperty_add_parameter (property, icalparameter_new_cn (*cn != '\0' ? cn : address));
  icalproperty_add_parameter (property, icalparameter_new_cutype (ICAL_CUTYPE_INDIVIDUAL));
  icalproperty_add_parameter (property,
                              icalparameter_new_role (g_hash_table_contains (self->leaders, person)
                                                      ? ICAL_ROLE_CHAIR
                                                      : ICAL_ROLE_REQPARTICIPANT));
  icalproperty_add_parameter (property, icalparameter_new_partstat (ICAL_PARTSTAT_ACCEPTED));

  return property;
}

/* A TEXT property of @text cleaned, or NULL when nothing is left. */
static icalproperty *
text_property (icalproperty *(*new_property) (const char *),
               const char    *text,
               gboolean       multiline)
{
  g_autofree char *clean = sw_ics_clean_text (text, multiline);

  g_strchomp (clean);
  return *clean != '\0' ? new_property (clean) : NULL;
}

static void
add_text (icalcomponent *component,
          icalproperty  *(*new_property) (const char *),
          const char    *text,
          gboolean       multiline)
{
  icalproperty *property = text_property (new_property, text, multiline);

  if (property != NULL)
    icalcomponent_add_property (component, property);
}

/* Appends @property as libical writes it, and frees it. */
static void
append_property (GString      *out,
                 icalproperty *property)
{
  char *text;

  if (property == NULL)
    return;
  text = icalproperty_as_ical_string_r (property);
  g_string_append (out, text);
  icalmemory_free_buffer (text);
  icalproperty_free (property);
}

void
sw_ics_item_clear (SwIcsItem *item)
{
  if (item->head != NULL)
    g_string_free (item->head, TRUE);
  if (item->tail != NULL)
    g_string_free (item->tail, TRUE);
  item->head = item->tail = NULL;
}

void
sw_ics_item_set_component (SwIcsItem     *item,
                           icalcomponent *component)
{
  const char *kind = icalcomponent_kind_to_string (icalcomponent_isa (component));

  sw_ics_item_clear (item);
  item->head = g_string_new ("BEGIN:");
  g_string_append_printf (item->head, "%s\r\n", kind);
  for (icalproperty *p = icalcomponent_get_first_property (component, ICAL_ANY_PROPERTY);
       p != NULL;
       p = icalcomponent_get_next_property (component, ICAL_ANY_PROPERTY))
    {
      char *text = icalproperty_as_ical_string_r (p);

      g_string_append (item->head, text);
      icalmemory_free_buffer (text);
    }

  item->tail = g_string_new (NULL);
  for (icalcomponent *c = icalcomponent_get_first_component (component, ICAL_ANY_COMPONENT);
       c != NULL;
       c = icalcomponent_get_next_component (component, ICAL_ANY_COMPONENT))
    {
      char *text = icalcomponent_as_ical_string_r (c);

      g_string_append (item->tail, text);
      icalmemory_free_buffer (text);
    }
  g_string_append_printf (item->tail, "END:%s\r\n", kind);
  icalcomponent_free (component);
}

/* "name · detail · phone", leaving out empty parts. */
static void
append_joined (GString    *out,
               const char *first,
               ...)
{
  gboolean any = FALSE;
  va_list args;

  va_start (args, first);
  for (const char *part = first; part != NULL; part = va_arg (args, const char *))
    {
      if (*part == '\0')
        continue;
      if (any)
        g_string_append (out, " · ");
      g_string_append (out, part);
      any = TRUE;
    }
  va_end (args);
}

static void
append_organisers (GString *out,
                   SwSlot  *slot)
{
  GListModel *organisers = sw_slot_get_organisers (slot);
  g_autofree char *names = NULL;

  if (g_list_model_get_n_items (organisers) == 0)
    return;

  names = sw_department_join_names (organisers, _(", "));
  g_string_append_printf (out, "%s %s\n", _("Organised by:"), names);
}

static void
append_visit_targets (GString *out,
                      SwSlot  *slot)
{
  GListModel *targets = sw_slot_get_visit_targets (slot);
  guint n = g_list_model_get_n_items (targets);

  if (n == 0)
    return;

  g_string_append_printf (out, "%s\n", _("Visit targets:"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwVisitTarget) target = g_list_model_get_item (targets, i);

      g_string_append (out, "- ");
      append_joined (out,
                     sw_visit_target_get_name (target),
                     sw_visit_target_get_address (target),
                     sw_visit_target_get_contact (target),
                     sw_visit_target_get_phone (target),
                     NULL);
      g_string_append_c (out, '\n');
    }
}

static void
append_tail (SwIcsExporter *self,
             GString       *out,
             SwSlot        *slot)
{
  append_organisers (out, slot);
  append_visit_targets (out, slot);

  if (*sw_plan_get_hotline (self->plan) != '\0')
    g_string_append_printf (out, "%s %s\n", _("Hotline:"), sw_plan_get_hotline (self->plan));

  if (*sw_slot_get_description (slot) != '\0')
    g_string_append_printf (out, "\n%s", sw_slot_get_description (slot));
}

/* The description in @person's own file: their duty, the teammates with
 * phones, organisers, visit targets and the hotline. */
static char *
person_description (SwIcsExporter *self,
                    SwSlot        *slot,
                    SwPerson      *person)
{
  GListModel *assignments = sw_slot_get_assignments (slot);
  SwAssignment *own = sw_slot_find_assignment (slot, person);
  SwDuty *duty = own != NULL ? sw_assignment_get_duty (own) : NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean header = FALSE;

  g_string_append_printf (out, "%s %s\n", _("Duty:"),
                          duty != NULL ? sw_duty_get_name (duty) : _("Attendee"));
  if (own != NULL && *sw_assignment_get_note (own) != '\0')
    g_string_append_printf (out, "%s %s\n", _("Note:"), sw_assignment_get_note (own));

  for (guint i = 0; i < g_list_model_get_n_items (assignments); i++)
    {
      g_autoptr(SwAssignment) assignment = g_list_model_get_item (assignments, i);
      SwPerson *mate = sw_assignment_get_person (assignment);
      SwDuty *mate_duty = sw_assignment_get_duty (assignment);
      SwDepartment *department;

      if (mate == NULL || mate == person)
        continue;

      if (!header)
        {
          g_string_append_printf (out, "%s\n", _("Teammates:"));
          header = TRUE;
        }
      department = sw_person_get_department (mate);
      g_string_append (out, "- ");
      append_joined (out,
                     sw_person_get_name (mate),
                     department != NULL ? sw_department_get_name (department) : "",
                     mate_duty != NULL ? sw_duty_get_name (mate_duty) : _("Attendee"),
                     self->include_phones ? sw_person_get_phone (mate) : "",
                     NULL);
      g_string_append_c (out, '\n');
    }

  append_tail (self, out, slot);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The description in the plan's and departments' files: every duty with
 * its people, the attendees, organisers, visit targets and the hotline. */
static char *
slot_description (SwIcsExporter *self,
                  SwSlot        *slot)
{
  GListModel *duties = sw_slot_get_duties (slot);
  GListModel *assignments = sw_slot_get_assignments (slot);
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean header = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (duties); i++)
    {
      g_autoptr(SwDuty) duty = g_list_model_get_item (duties, i);
      g_autoptr(GPtrArray) people = sw_slot_dup_duty_people (slot, duty);
      SwDepartment *department = sw_duty_get_department (duty);

      if (!header)
        {
          g_string_append_printf (out, "%s\n", _("Duties:"));
          header = TRUE;
        }
      g_string_append_printf (out, "- %s (%u/%u", sw_duty_get_name (duty),
                              people->len, sw_duty_get_count (duty));
      if (department != NULL)
        g_string_append_printf (out, ", %s", sw_department_get_name (department));
      g_string_append (out, ")");
      for (guint p = 0; p < people->len; p++)
        {
          SwPerson *person = g_ptr_array_index (people, p);

          g_string_append (out, p == 0 ? ": " : _(", "));
          append_joined (out, sw_person_get_name (person),
                         self->include_phones ? sw_person_get_phone (person) : "", NULL);
        }
      g_string_append_c (out, '\n');
    }

  header = FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (assignments); i++)
    {
      g_autoptr(SwAssignment) assignment = g_list_model_get_item (assignments, i);
      SwPerson *person = sw_assignment_get_person (assignment);

      if (person == NULL || sw_assignment_get_duty (assignment) != NULL)
        continue;
      if (!header)
        {
          g_string_append_printf (out, "%s\n", _("Attendees:"));
          header = TRUE;
        }
      g_string_append (out, "- ");
      append_joined (out, sw_person_get_name (person),
                     self->include_phones ? sw_person_get_phone (person) : "", NULL);
      g_string_append_c (out, '\n');
    }

  append_tail (self, out, slot);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
sw_ics_slot_summary (SwSlot   *slot,
                     SwPerson *person)
{
  SwAssignment *own = person != NULL ? sw_slot_find_assignment (slot, person) : NULL;
  SwDuty *duty = own != NULL ? sw_assignment_get_duty (own) : NULL;
  g_autofree char *title = sw_ics_clean_text (sw_slot_get_title (slot), FALSE);
  g_autofree char *duty_name = duty != NULL ? sw_ics_clean_text (sw_duty_get_name (duty), FALSE) : NULL;

  if (duty_name != NULL && *duty_name != '\0')
    return g_strdup_printf ("%s · %s", title, duty_name);

  return g_steal_pointer (&title);
}

/* The parts of a slot's event that are the same in every file: its UID;
 * its times and place; its status, category, organiser and attendees. */
struct _SwIcsSlotTexts
{
  char *uid;
  char *when;
  char *who;
};

void
sw_ics_slot_texts_free (SwIcsSlotTexts *texts)
{
  g_free (texts->uid);
  g_free (texts->when);
  g_free (texts->who);
  g_free (texts);
}

static SwIcsSlotTexts *
slot_texts_new (SwIcsExporter *self,
                SwSlot        *slot)
{
  SwIcsSlotTexts *texts = g_new0 (SwIcsSlotTexts, 1);
  GListModel *assignments = sw_slot_get_assignments (slot);
  g_autofree char *category = sw_ics_clean_text (sw_slot_kind_get_label (sw_slot_get_kind (slot)), FALSE);
  GString *out;

  out = g_string_new (NULL);
  append_property (out, icalproperty_new_uid (sw_slot_get_uid (slot)));
  texts->uid = g_string_free (out, FALSE);

  out = g_string_new (NULL);
  append_property (out, sw_ics_with_tzid (icalproperty_new_dtstart (sw_ics_local_time (sw_slot_get_start (slot))),
                                          self->tzid));
  append_property (out, sw_ics_with_tzid (icalproperty_new_dtend (sw_ics_local_time (sw_slot_get_end (slot))),
                                          self->tzid));
  append_property (out, text_property (icalproperty_new_location, sw_slot_get_location (slot), FALSE));
  texts->when = g_string_free (out, FALSE);

  out = g_string_new (NULL);
  append_property (out, icalproperty_new_status (ICAL_STATUS_CONFIRMED));
  g_strdelimit (category, ",", ' ');
  if (*category != '\0')
    append_property (out, icalproperty_new_categories (category));
  append_property (out, new_organizer (self));
  for (guint i = 0; i < g_list_model_get_n_items (assignments); i++)
    {
      g_autoptr(SwAssignment) assignment = g_list_model_get_item (assignments, i);
      SwPerson *attendee = sw_assignment_get_person (assignment);

      if (attendee != NULL)
        append_property (out, new_attendee (self, attendee));
    }
  texts->who = g_string_free (out, FALSE);

  return texts;
}

/* The event of @slot in @person's file (NULL: the plan's or a
 * department's), as libical writes a VEVENT whose properties are UID,
 * SUMMARY, DTSTART, DTEND, LOCATION, DESCRIPTION, STATUS, CATEGORIES,
 * ORGANIZER and the ATTENDEEs, with a VALARM: the parts the same in every
 * file are made once per export. */
void
sw_ics_exporter_slot_item (SwIcsExporter *self,
                           SwSlot        *slot,
                           SwPerson      *person,
                           const char    *summary,
                           SwIcsItem     *item)
{
  SwIcsSlotTexts *texts = g_hash_table_lookup (self->slot_texts, slot);
  g_autofree char *description = NULL;

  if (texts == NULL)
    {
      texts = slot_texts_new (self, slot);
      g_hash_table_insert (self->slot_texts, slot, texts);
    }

  sw_ics_item_clear (item);
  item->head = g_string_new ("BEGIN:VEVENT\r\n");
  g_string_append (item->head, texts->uid);
  append_property (item->head, icalproperty_new_summary (summary));
  g_string_append (item->head, texts->when);
  description = person != NULL ? person_description (self, slot, person)
                               : slot_description (self, slot);
  append_property (item->head, text_property (icalproperty_new_description, description, TRUE));
  g_string_append (item->head, texts->who);

  item->tail = g_string_new (NULL);
  if (self->reminder_minutes >= 0)
    {
      icalcomponent *alarm = icalcomponent_new_valarm ();
      struct icaltriggertype trigger;
      char *text;

      trigger.time = icaltime_null_time ();
      trigger.duration = icaldurationtype_from_int (-self->reminder_minutes * 60);
      icalcomponent_add_property (alarm, icalproperty_new_action (ICAL_ACTION_DISPLAY));
      icalcomponent_add_property (alarm, icalproperty_new_trigger (trigger));
      icalcomponent_add_property (alarm, icalproperty_new_description (summary));
      text = icalcomponent_as_ical_string_r (alarm);
      g_string_append (item->tail, text);
      icalmemory_free_buffer (text);
      icalcomponent_free (alarm);
    }
  g_string_append (item->tail, "END:VEVENT\r\n");
}

static icalproperty_status
task_status (SwTask *task)
{
  switch (sw_task_get_status (task))
    {
    case SW_TASK_STATUS_DOING:
      return ICAL_STATUS_INPROCESS;
    case SW_TASK_STATUS_DONE:
      return ICAL_STATUS_COMPLETED;
    case SW_TASK_STATUS_TODO:
    default:
      return ICAL_STATUS_NEEDSACTION;
    }
}

icalcomponent *
sw_ics_exporter_task_component (SwIcsExporter *self,
                                SwTask        *task,
                                const char    *summary)
{
  icalcomponent *todo = icalcomponent_new_vtodo ();
  SwPerson *person = sw_task_get_person (task);
  SwDepartment *department = sw_task_get_department (task);
  SwSlot *slot = sw_task_get_slot (task);
  g_autoptr(GString) description = g_string_new (NULL);

  icalcomponent_add_property (todo, icalproperty_new_uid (sw_task_get_uid (task)));
  icalcomponent_add_property (todo, icalproperty_new_summary (summary));
  if (sw_task_get_due (task) != SW_TIME_UNSET)
    add_local_time (self, todo, icalproperty_new_due, sw_task_get_due (task));
  icalcomponent_add_property (todo, icalproperty_new_status (task_status (task)));
  if (sw_task_get_status (task) == SW_TASK_STATUS_DONE)
    icalcomponent_add_property (todo, icalproperty_new_percentcomplete (100));

  if (person != NULL || department != NULL)
    {
      g_string_append_printf (description, "%s ", _("Owner:"));
      append_joined (description,
                     department != NULL ? sw_department_get_name (department) : "",
                     person != NULL ? sw_person_get_name (person) : "",
                     person != NULL && self->include_phones ? sw_person_get_phone (person) : "",
                     NULL);
      g_string_append_c (description, '\n');
    }
  if (slot != NULL)
    g_string_append_printf (description, "%s %s\n", _("For:"), sw_slot_get_title (slot));
  if (*sw_plan_get_hotline (self->plan) != '\0')
    g_string_append_printf (description, "%s %s\n", _("Hotline:"), sw_plan_get_hotline (self->plan));
  if (*sw_task_get_notes (task) != '\0')
    g_string_append_printf (description, "\n%s", sw_task_get_notes (task));
  add_text (todo, icalproperty_new_description, description->str, TRUE);

  return todo;
}

icalcomponent *
sw_ics_exporter_cancelled_component (SwIcsExporter         *self,
                                     const char            *uid,
                                     const SwCalendarEntry *entry)
{
  icalcomponent *component = entry->is_todo ? icalcomponent_new_vtodo () : icalcomponent_new_vevent ();

  icalcomponent_add_property (component, icalproperty_new_uid (uid));
  if (*entry->summary != '\0')
    icalcomponent_add_property (component, icalproperty_new_summary (entry->summary));

  if (entry->is_todo)
    {
      if (entry->start != SW_TIME_UNSET)
        add_local_time (self, component, icalproperty_new_due, entry->start);
    }
  else
    {
      add_local_time (self, component, icalproperty_new_dtstart, entry->start);
      if (entry->end != SW_TIME_UNSET && entry->end > entry->start)
        add_local_time (self, component, icalproperty_new_dtend, entry->end);
    }
  icalcomponent_add_property (component, icalproperty_new_status (ICAL_STATUS_CANCELLED));

  return component;
}

void
sw_ics_append_stamps (GString               *out,
                      const SwCalendarEntry *entry)
{
  append_property (out, icalproperty_new_dtstamp (sw_ics_utc_time (entry->last_modified)));
  append_property (out, icalproperty_new_created (sw_ics_utc_time (entry->created)));
  append_property (out, icalproperty_new_lastmodified (sw_ics_utc_time (entry->last_modified)));
  append_property (out, icalproperty_new_sequence (entry->sequence));
}

/* Compares @item with what @file_key said about it last time (the hash
 * of its text without the stamps), records the new state, and appends it
 * to @out with the stamps after its properties.  Clears @item. */
void
sw_ics_exporter_add_item (SwIcsExporter *self,
                          GString       *out,
                          const char    *file_key,
                          const char    *uid,
                          SwIcsItem     *item,
                          gboolean       is_todo,
                          const char    *summary,
                          gint64         start,
                          gint64         end)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  const char *hash;
  SwCalendarEntry old;
  SwCalendarEntry entry = { 0, };

  /* The digest of head and tail one after the other is that of the
   * item's whole text. */
  g_checksum_update (checksum, (const guchar *) item->head->str, (gssize) item->head->len);
  g_checksum_update (checksum, (const guchar *) item->tail->str, (gssize) item->tail->len);
  hash = g_checksum_get_string (checksum);

  entry.hash = hash;
  entry.is_todo = is_todo;
  entry.summary = summary;
  entry.start = start;
  entry.end = end;
  entry.cancelled = FALSE;

  if (sw_calendar_state_lookup (self->state, file_key, uid, &old))
    {
      entry.created = old.created;
      if (old.cancelled || strcmp (old.hash, hash) != 0)
        {
          entry.sequence = old.sequence + 1;
          entry.last_modified = self->stamp;
        }
      else
        {
          entry.sequence = old.sequence;
          entry.last_modified = old.last_modified;
        }
    }
  else
    {
      entry.created = self->stamp;
      entry.last_modified = self->stamp;
      entry.sequence = 0;
    }

  sw_calendar_state_set (self->state, file_key, uid, &entry);

  g_string_append_len (out, item->head->str, (gssize) item->head->len);
  sw_ics_append_stamps (out, &entry);
  g_string_append_len (out, item->tail->str, (gssize) item->tail->len);
  sw_ics_item_clear (item);
}
