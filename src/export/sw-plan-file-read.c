/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sw-plan-file-internal.h"

/* A department named in the file must be listed in "departments". */
static gboolean
lookup_department (SwPlanFileImporter  *self,
                   const char          *name,
                   const char          *place,
                   SwDepartment       **out,
                   GError             **error)
{
  *out = g_hash_table_lookup (self->departments, name);

  if (*out == NULL)
    return sw_plan_file_fail_value (error, SW_IMPORT_ERROR_REFERENCE, place,
                 _("department “%s” is not listed in “departments”"), name);

  return TRUE;
}

static gboolean
lookup_person (SwPlanFileImporter  *self,
               const char          *key,
               const char          *place,
               SwPerson           **out,
               GError             **error)
{
  *out = g_hash_table_lookup (self->people, key);

  if (*out == NULL)
    return sw_plan_file_fail_value (error, SW_IMPORT_ERROR_REFERENCE, place,
                 _("no person with the key “%s” in “people”"), key);

  return TRUE;
}

gboolean
sw_plan_file_read_header (JsonObject  *root,
                          GError     **error)
{
  JsonNode *format = sw_plan_file_get_member (root, "format");
  JsonNode *version = sw_plan_file_get_member (root, "version");

  if (format == NULL ||
      !JSON_NODE_HOLDS_VALUE (format) ||
      json_node_get_value_type (format) != G_TYPE_STRING ||
      g_strcmp0 (json_node_get_string (format), FORMAT_NAME) != 0)
    return sw_plan_file_fail (error, SW_IMPORT_ERROR_FORMAT, "format",
                              _("not a plan file (expected “%s”)"), FORMAT_NAME);

  if (version == NULL ||
      !JSON_NODE_HOLDS_VALUE (version) ||
      json_node_get_value_type (version) != G_TYPE_INT64)
    return sw_plan_file_fail (error, SW_IMPORT_ERROR_VERSION, "version",
                              _("missing or not a whole number"));

  if (json_node_get_int (version) < 1 || json_node_get_int (version) > FORMAT_VERSION)
    {
      /* The number formatted apart: a format macro inside _() hides the
       * message from xgettext. */
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (version));

      /* TRANSLATORS: %s is the file's version number, %d ours */
      return sw_plan_file_fail (error, SW_IMPORT_ERROR_VERSION, "version",
                                _("version %s is not supported (this program reads versions up to %d)"),
                                number, FORMAT_VERSION);
    }

  return TRUE;
}

gboolean
sw_plan_file_read_plan (SwPlanFileImporter  *self,
                        JsonObject          *root,
                        GError             **error)
{
  JsonNode *node = sw_plan_file_get_member (root, "plan");
  JsonObject *object;
  const char *title, *theme, *organiser, *time_zone, *hotline, *description;
  int first_day, last_day;
  int travel_buffer = 0, max_hours = 0, max_duties = 0;
  int name_order = SW_NAME_ORDER_ROSTER;

  if (node == NULL)
    return sw_plan_file_fail (error, SW_IMPORT_ERROR_INVALID, "plan", _("missing"));
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return sw_plan_file_fail (error, SW_IMPORT_ERROR_INVALID, "plan", _("expected an object"));

  object = json_node_get_object (node);

  if (!sw_plan_file_read_string (object, "plan", "title", TRUE, &title, error) ||
      !sw_plan_file_read_string (object, "plan", "theme", FALSE, &theme, error) ||
      !sw_plan_file_read_string (object, "plan", "organiser", FALSE, &organiser, error) ||
      !sw_plan_file_read_date (object, "plan", "first_day", &first_day, error) ||
      !sw_plan_file_read_date (object, "plan", "last_day", &last_day, error) ||
      !sw_plan_file_read_string (object, "plan", "time_zone", FALSE, &time_zone, error) ||
      !sw_plan_file_read_string (object, "plan", "hotline", FALSE, &hotline, error) ||
      !sw_plan_file_read_string (object, "plan", "description", FALSE, &description, error) ||
      !sw_plan_file_read_enum (object, "plan", "name_order", SW_TYPE_NAME_ORDER,
                               SW_NAME_ORDER_ROSTER, &name_order, error))
    return FALSE;

  if (last_day < first_day)
    return sw_plan_file_fail (error, SW_IMPORT_ERROR_INVALID, "plan.last_day",
                              _("the last day is before the first day"));

  if (*time_zone == '\0')
    time_zone = "Asia/Shanghai";
  else if (!sw_time_zone_is_valid (time_zone))
    return sw_plan_file_fail_value (error, SW_IMPORT_ERROR_INVALID, "plan.time_zone",
                 _("unknown time zone “%s”"), time_zone);

  {
    JsonNode *rules_node = sw_plan_file_get_member (object, "rules");

    if (rules_node != NULL)
      {
        JsonObject *rules;

        if (!JSON_NODE_HOLDS_OBJECT (rules_node))
          return sw_plan_file_fail (error, SW_IMPORT_ERROR_INVALID, "plan.rules", _("expected an object"));
        rules = json_node_get_object (rules_node);
        if (!sw_plan_file_read_limit (rules, "plan.rules", "travel_buffer", MAX_TRAVEL_BUFFER,
                                      &travel_buffer, error) ||
            !sw_plan_file_read_limit (rules, "plan.rules", "max_hours_per_day", MAX_HOURS_PER_DAY,
                                      &max_hours, error) ||
            !sw_plan_file_read_limit (rules, "plan.rules", "max_duties_per_person", MAX_DUTIES,
                                      &max_duties, error))
          return FALSE;
      }
  }

  self->plan = sw_plan_new (title, first_day, last_day, time_zone);
  sw_plan_set_travel_buffer (self->plan, travel_buffer);
  sw_plan_set_max_hours_per_day (self->plan, max_hours);
  sw_plan_set_max_duties (self->plan, max_duties);
  sw_plan_set_name_order (self->plan, name_order);
  sw_plan_set_theme (self->plan, theme);
  sw_plan_set_organiser (self->plan, organiser);
  sw_plan_set_hotline (self->plan, hotline);
  sw_plan_set_description (self->plan, description);

  return TRUE;
}

gboolean
sw_plan_file_read_departments (SwPlanFileImporter  *self,
                               JsonObject          *root,
                               GError             **error)
{
  JsonArray *array;
  int next_position = 0;
  g_autoptr(GPtrArray) roster = NULL;

  if (!sw_plan_file_read_array (root, NULL, "departments", &array, error))
    return FALSE;

  roster = sw_plan_file_dup_model_items (sw_organisation_get_departments (self->org));
  for (guint i = 0; i < roster->len; i++)
    next_position = MAX (next_position,
                         sw_department_get_position (g_ptr_array_index (roster, i)) + 1);

  for (guint i = 0; i < sw_plan_file_array_length (array); i++)
    {
      g_autofree char *place = sw_plan_file_place_at ("departments", i);
      g_autofree char *name_place = NULL;
      JsonObject *object;
      const char *name, *short_name, *color;
      SwDepartment *department;

      if (!sw_plan_file_element_object (array, i, place, &object, error) ||
          !sw_plan_file_read_name (object, place, "name", &name, error) ||
          !sw_plan_file_read_string (object, place, "short_name", FALSE, &short_name, error) ||
          !sw_plan_file_read_string (object, place, "color", FALSE, &color, error))
        return FALSE;

      name_place = sw_plan_file_place_of (place, "name");
      if (g_hash_table_contains (self->departments, name))
        return sw_plan_file_fail_value (error, SW_IMPORT_ERROR_INVALID, name_place,
                     _("the department “%s” is listed twice"), name);

      if (*color != '\0')
        {
          gboolean ok = strlen (color) == 7 && color[0] == '#';

          for (guint j = 1; ok && j < 7; j++)
            ok = g_ascii_isxdigit (color[j]);
          if (!ok)
            {
              g_autofree char *color_place = sw_plan_file_place_of (place, "color");

              return sw_plan_file_fail_value (error, SW_IMPORT_ERROR_INVALID, color_place,
                           _("“%s” is not a colour (#rrggbb)"), color);
            }
        }

      department = sw_organisation_find_department (self->org, name);
      if (department == NULL)
        {
          department = sw_department_new (name);
          sw_department_set_short_name (department, short_name);
          sw_department_set_color (department, color);
          sw_department_set_position (department, next_position++);
          g_ptr_array_add (self->new_departments, department);
        }

      g_hash_table_insert (self->departments, (gpointer) sw_department_get_name (department),
                           department);
    }

  return TRUE;
}

static char *
person_identity (SwDepartment *department,
                 const char   *name)
{
  return g_strdup_printf ("%p\x1f%s", (gpointer) department, name);
}

static gboolean
read_periods (SwPlanFileImporter  *self,
              JsonObject          *object,
              const char          *place,
              SwPerson            *person,
              gboolean             is_new,
              GError             **error)
{
  g_autofree char *list_place = sw_plan_file_place_of (place, "unavailable");
  g_autoptr(GPtrArray) periods = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) existing = sw_plan_file_dup_model_items (sw_person_get_unavailability (person));
  JsonArray *array;

  if (!sw_plan_file_read_array (object, place, "unavailable", &array, error))
    return FALSE;

  for (guint i = 0; i < sw_plan_file_array_length (array); i++)
    {
      g_autofree char *item_place = sw_plan_file_place_at (list_place, i);
      g_autofree char *end_place = NULL;
      JsonObject *item;
      gint64 start, end;
      const char *reason;
      gboolean duplicate = FALSE;

      if (!sw_plan_file_element_object (array, i, item_place, &item, error) ||
          !sw_plan_file_read_datetime (item, item_place, "start", TRUE, &start, error) ||
          !sw_plan_file_read_datetime (item, item_place, "end", TRUE, &end, error) ||
          !sw_plan_file_read_string (item, item_place, "reason", FALSE, &reason, error))
        return FALSE;

      if (end <= start)
        {
          end_place = sw_plan_file_place_of (item_place, "end");
          return sw_plan_file_fail (error, SW_IMPORT_ERROR_INVALID, end_place,
                                    _("the end is not after the start"));
        }

      /* A person already on the roster keeps what they have. */
      for (guint j = 0; !is_new && j < existing->len; j++)
        {
          SwUnavailability *old = g_ptr_array_index (existing, j);

          if (sw_unavailability_get_start (old) == start &&
              sw_unavailability_get_end (old) == end)
            duplicate = TRUE;
        }
      if (duplicate)
        continue;

      g_ptr_array_add (periods, sw_unavailability_new (start, end, reason));
    }

  g_ptr_array_sort (periods, sw_plan_file_compare_unavailability);

  for (guint i = 0; i < periods->len; i++)
    {
      SwUnavailability *period = g_ptr_array_index (periods, i);

      g_ptr_array_add (self->periods, g_object_ref (period));
      if (is_new)
        {
          g_list_store_append (G_LIST_STORE (sw_person_get_unavailability (person)), period);
        }
      else
        {
          g_ptr_array_add (self->added_periods, g_object_ref (person));
          g_ptr_array_add (self->added_periods, g_object_ref (period));
        }
    }

  return TRUE;
}

gboolean
sw_plan_file_read_people (SwPlanFileImporter  *self,
                          JsonObject          *root,
                          GError             **error)
{
  g_autoptr(GHashTable) roster = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) in_file = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) people = sw_plan_file_dup_model_items (sw_organisation_get_people (self->org));
  JsonArray *array;

  if (!sw_plan_file_read_array (root, NULL, "people", &array, error))
    return FALSE;

  for (guint i = 0; i < people->len; i++)
    {
      SwPerson *person = g_ptr_array_index (people, i);
      char *identity = person_identity (sw_person_get_department (person),
                                        sw_person_get_name (person));

      /* With duplicates on the roster the first one wins. */
      if (!g_hash_table_contains (roster, identity))
        g_hash_table_insert (roster, identity, person);
      else
        g_free (identity);
    }

  for (guint i = 0; i < sw_plan_file_array_length (array); i++)
    {
      g_autofree char *place = sw_plan_file_place_at ("people", i);
      g_autofree char *identity = NULL;
      JsonObject *object;
      const char *key, *name, *department_name, *title, *phone, *email;
      SwDepartment *department = NULL;
      SwPerson *person;
      gboolean is_new = FALSE;
      g_auto(GStrv) skills = NULL;

      if (!sw_plan_file_element_object (array, i, place, &object, error) ||
          !sw_plan_file_read_skills (object, place, &skills, error) ||
          !sw_plan_file_read_name (object, place, "name", &name, error) ||
          !sw_plan_file_read_string (object, place, "key", FALSE, &key, error) ||
          !sw_plan_file_read_string (object, place, "department", FALSE, &department_name, error) ||
          !sw_plan_file_read_string (object, place, "title", FALSE, &title, error) ||
          !sw_plan_file_read_string (object, place, "phone", FALSE, &phone, error) ||
          !sw_plan_file_read_string (object, place, "email", FALSE, &email, error))
        return FALSE;

      if (*key == '\0')
        key = name;

      if (g_hash_table_contains (self->people, key))
        {
          const char *member = sw_plan_file_get_member (object, "key") != NULL ? "key" : "name";
          g_autofree char *key_place = sw_plan_file_place_of (place, member);

          return sw_plan_file_fail_value (error, SW_IMPORT_ERROR_INVALID, key_place,
                       _("the key “%s” is used twice"), key);
        }

      if (*department_name != '\0')
        {
          g_autofree char *department_place = sw_plan_file_place_of (place, "department");

          if (!lookup_department (self, department_name, department_place, &department, error))
            return FALSE;
        }

      identity = person_identity (department, name);
      if (g_hash_table_contains (in_file, identity))
        {
          g_autofree char *name_place = sw_plan_file_place_of (place, "name");

          return sw_plan_file_fail_value (error, SW_IMPORT_ERROR_INVALID, name_place,
                       _("“%s” of the same department is listed twice"), name);
        }

      person = g_hash_table_lookup (roster, identity);
      if (person == NULL)
        {
          person = sw_person_new (name, department);
          sw_person_set_title (person, title);
          sw_person_set_phone (person, phone);
          sw_person_set_email (person, email);
          sw_person_set_skills (person, (const char *const *) skills);
          g_ptr_array_add (self->new_people, person);
          is_new = TRUE;
        }

      if (!read_periods (self, object, place, person, is_new, error))
        return FALSE;

      g_hash_table_insert (in_file, g_steal_pointer (&identity), person);
      g_hash_table_insert (self->people, g_strdup (key), person);
    }

  return TRUE;
}

gboolean
sw_plan_file_read_committees (SwPlanFileImporter  *self,
                              JsonObject          *root,
                              GError             **error)
{
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  GListStore *store = G_LIST_STORE (sw_plan_get_committees (self->plan));
  JsonArray *array;

  if (!sw_plan_file_read_array (root, NULL, "committees", &array, error))
    return FALSE;

  for (guint i = 0; i < sw_plan_file_array_length (array); i++)
    {
      g_autofree char *place = sw_plan_file_place_at ("committees", i);
      g_autofree char *members_place = NULL;
      g_autoptr(SwCommittee) committee = NULL;
      JsonObject *object;
      JsonArray *members;
      const char *name;

      if (!sw_plan_file_element_object (array, i, place, &object, error) ||
          !sw_plan_file_read_name (object, place, "name", &name, error) ||
          !sw_plan_file_read_array (object, place, "members", &members, error))
        return FALSE;

      if (g_hash_table_contains (names, name))
        {
          g_autofree char *name_place = sw_plan_file_place_of (place, "name");

          return sw_plan_file_fail_value (error, SW_IMPORT_ERROR_INVALID, name_place,
                       _("the committee “%s” is listed twice"), name);
        }
      g_hash_table_add (names, (gpointer) name);

      committee = sw_committee_new (name);
      sw_committee_set_position (committee, i);

      members_place = sw_plan_file_place_of (place, "members");
      for (guint j = 0; j < sw_plan_file_array_length (members); j++)
        {
          g_autofree char *member_place = sw_plan_file_place_at (members_place, j);
          g_autofree char *person_place = sw_plan_file_place_of (member_place, "person");
          g_autoptr(SwCommitteeMember) member = NULL;
          JsonObject *member_object;
          const char *key;
          SwPerson *person;
          int role;

          if (!sw_plan_file_element_object (members, j, member_place, &member_object, error) ||
              !sw_plan_file_read_name (member_object, member_place, "person", &key, error) ||
              !lookup_person (self, key, person_place, &person, error) ||
              !sw_plan_file_read_enum (member_object, member_place, "role", SW_TYPE_ROLE,
                                       SW_ROLE_MEMBER, &role, error))
            return FALSE;

          if (sw_committee_find_member (committee, person) != NULL)
            return sw_plan_file_fail_value (error, SW_IMPORT_ERROR_INVALID, person_place,
                         _("“%s” is already a member"), key);

          member = sw_committee_member_new (person, role);
          g_list_store_append (G_LIST_STORE (sw_committee_get_members (committee)), member);
        }

      g_list_store_append (store, committee);
    }

  return TRUE;
}

static gboolean
assign_person (SwPlanFileImporter  *self,
               SwSlot              *slot,
               SwDuty              *duty,
               JsonArray           *array,
               guint                index,
               const char          *place,
               GError             **error)
{
  g_autoptr(SwAssignment) assignment = NULL;
  const char *key;
  SwPerson *person;

  if (!sw_plan_file_element_string (array, index, place, &key, error) ||
      !lookup_person (self, key, place, &person, error))
    return FALSE;

  if (sw_slot_find_assignment (slot, person) != NULL)
    return sw_plan_file_fail_value (error, SW_IMPORT_ERROR_INVALID, place,
                 _("“%s” is already on this slot"), key);

  assignment = sw_assignment_new (person, duty);
  sw_assignment_set_pinned (assignment, TRUE);
  g_list_store_append (G_LIST_STORE (sw_slot_get_assignments (slot)), assignment);

  return TRUE;
}

static gboolean
read_duties (SwPlanFileImporter  *self,
             JsonObject          *object,
             const char          *place,
             SwSlot              *slot,
             GError             **error)
{
  g_autofree char *list_place = sw_plan_file_place_of (place, "duties");
  JsonArray *array;

  if (!sw_plan_file_read_array (object, place, "duties", &array, error))
    return FALSE;

  for (guint i = 0; i < sw_plan_file_array_length (array); i++)
    {
      g_autofree char *duty_place = sw_plan_file_place_at (list_place, i);
      g_autofree char *count_place = sw_plan_file_place_of (duty_place, "count");
      g_autofree char *people_place = sw_plan_file_place_of (duty_place, "people");
      g_autoptr(SwDuty) duty = NULL;
      JsonObject *duty_object;
      JsonArray *people;
      JsonNode *count_node;
      const char *name, *department_name;
      SwDepartment *department = NULL;
      gint64 count;
      g_auto(GStrv) skills = NULL;

      if (!sw_plan_file_element_object (array, i, duty_place, &duty_object, error) ||
          !sw_plan_file_read_name (duty_object, duty_place, "name", &name, error) ||
          !sw_plan_file_read_skills (duty_object, duty_place, &skills, error) ||
          !sw_plan_file_read_string (duty_object, duty_place, "department", FALSE, &department_name, error) ||
          !sw_plan_file_read_array (duty_object, duty_place, "people", &people, error))
        return FALSE;

      if (sw_slot_find_duty (slot, name) != NULL)
        {
          g_autofree char *name_place = sw_plan_file_place_of (duty_place, "name");

          return sw_plan_file_fail_value (error, SW_IMPORT_ERROR_INVALID, name_place,
                       _("the duty “%s” is listed twice"), name);
        }

      count_node = sw_plan_file_get_member (duty_object, "count");
      if (count_node == NULL)
        return sw_plan_file_fail (error, SW_IMPORT_ERROR_INVALID, count_place, _("missing"));
      if (!JSON_NODE_HOLDS_VALUE (count_node) ||
          json_node_get_value_type (count_node) != G_TYPE_INT64)
        return sw_plan_file_fail (error, SW_IMPORT_ERROR_INVALID, count_place,
                                  _("expected a whole number"));
      count = json_node_get_int (count_node);
      if (count < 1 || count > MAX_COUNT)
        {
          g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, count);

          /* TRANSLATORS: a duty's number of people out of range */
          return sw_plan_file_fail (error, SW_IMPORT_ERROR_INVALID, count_place,
                                    _("%s is not between 1 and %d"), number, MAX_COUNT);
        }

      if (*department_name != '\0')
        {
          g_autofree char *department_place = sw_plan_file_place_of (duty_place, "department");

          if (!lookup_department (self, department_name, department_place, &department, error))
            return FALSE;
        }

      duty = sw_duty_new (name, (guint) count, department);
      sw_duty_set_position (duty, i);
      sw_duty_set_skills (duty, (const char *const *) skills);
      g_list_store_append (G_LIST_STORE (sw_slot_get_duties (slot)), duty);

      for (guint j = 0; j < sw_plan_file_array_length (people); j++)
        {
          g_autofree char *person_place = sw_plan_file_place_at (people_place, j);

          if (!assign_person (self, slot, duty, people, j, person_place, error))
            return FALSE;
        }
    }

  return TRUE;
}

/* The departments that organise @slot, from the list at @place. */
static gboolean
read_organisers (SwPlanFileImporter  *self,
                 SwSlot              *slot,
                 JsonArray           *organisers,
                 const char          *place,
                 GError             **error)
{
  for (guint i = 0; i < sw_plan_file_array_length (organisers); i++)
    {
      g_autofree char *item_place = sw_plan_file_place_at (place, i);
      GListStore *store = G_LIST_STORE (sw_slot_get_organisers (slot));
      const char *name;
      SwDepartment *department;

      if (!sw_plan_file_element_string (organisers, i, item_place, &name, error) ||
          !lookup_department (self, name, item_place, &department, error))
        return FALSE;

      if (g_list_store_find (store, department, NULL))
        return sw_plan_file_fail_value (error, SW_IMPORT_ERROR_INVALID, item_place,
                     _("the department “%s” is listed twice"), name);

      g_list_store_append (store, department);
    }

  return TRUE;
}

/* The people on @slot without a duty, from the list at @place. */
static gboolean
read_attendees (SwPlanFileImporter  *self,
                SwSlot              *slot,
                JsonArray           *attendees,
                const char          *place,
                GError             **error)
{
  for (guint i = 0; i < sw_plan_file_array_length (attendees); i++)
    {
      g_autofree char *item_place = sw_plan_file_place_at (place, i);

      if (!assign_person (self, slot, NULL, attendees, i, item_place, error))
        return FALSE;
    }

  return TRUE;
}

/* The places @slot visits, from the list at @place. */
static gboolean
read_visit_targets (SwSlot     *slot,
                    JsonArray  *targets,
                    const char *place,
                    GError    **error)
{
  for (guint i = 0; i < sw_plan_file_array_length (targets); i++)
    {
      g_autofree char *item_place = sw_plan_file_place_at (place, i);
      g_autoptr(SwVisitTarget) target = NULL;
      JsonObject *item;
      const char *name, *address, *contact, *phone;

      if (!sw_plan_file_element_object (targets, i, item_place, &item, error) ||
          !sw_plan_file_read_string (item, item_place, "name", TRUE, &name, error) ||
          !sw_plan_file_read_string (item, item_place, "address", FALSE, &address, error) ||
          !sw_plan_file_read_string (item, item_place, "contact", FALSE, &contact, error) ||
          !sw_plan_file_read_string (item, item_place, "phone", FALSE, &phone, error))
        return FALSE;

      target = sw_visit_target_new (name);
      sw_visit_target_set_address (target, address);
      sw_visit_target_set_contact (target, contact);
      sw_visit_target_set_phone (target, phone);
      g_list_store_append (G_LIST_STORE (sw_slot_get_visit_targets (slot)), target);
    }

  return TRUE;
}

static gboolean
read_slot (SwPlanFileImporter  *self,
           JsonObject          *object,
           const char          *place,
           GError             **error)
{
  g_autoptr(SwSlot) slot = NULL;
  g_autofree char *organisers_place = sw_plan_file_place_of (place, "organisers");
  g_autofree char *attendees_place = sw_plan_file_place_of (place, "attendees");
  g_autofree char *targets_place = sw_plan_file_place_of (place, "visit_targets");
  const char *uid, *title, *location, *description;
  JsonArray *organisers, *attendees, *targets;
  gint64 start, end;
  int kind;

  /* Every member is checked before any of the lists is read. */
  if (!sw_plan_file_read_string (object, place, "uid", FALSE, &uid, error) ||
      !sw_plan_file_read_enum (object, place, "kind", SW_TYPE_SLOT_KIND, -1, &kind, error) ||
      !sw_plan_file_read_string (object, place, "title", TRUE, &title, error) ||
      !sw_plan_file_read_datetime (object, place, "start", TRUE, &start, error) ||
      !sw_plan_file_read_datetime (object, place, "end", TRUE, &end, error) ||
      !sw_plan_file_read_string (object, place, "location", FALSE, &location, error) ||
      !sw_plan_file_read_string (object, place, "description", FALSE, &description, error) ||
      !sw_plan_file_read_array (object, place, "organisers", &organisers, error) ||
      !sw_plan_file_read_array (object, place, "attendees", &attendees, error) ||
      !sw_plan_file_read_array (object, place, "visit_targets", &targets, error))
    return FALSE;

  if (end <= start)
    {
      g_autofree char *end_place = sw_plan_file_place_of (place, "end");

      return sw_plan_file_fail (error, SW_IMPORT_ERROR_INVALID, end_place,
                                _("the end is not after the start"));
    }

  slot = sw_slot_new (kind, title, start, end);
  if (*uid != '\0')
    {
      if (g_hash_table_contains (self->slots, uid))
        {
          g_autofree char *uid_place = sw_plan_file_place_of (place, "uid");

          return sw_plan_file_fail_value (error, SW_IMPORT_ERROR_INVALID, uid_place,
                       _("the uid “%s” is used twice"), uid);
        }
      sw_slot_set_uid (slot, uid);
    }
  sw_slot_set_location (slot, location);
  sw_slot_set_description (slot, description);

  if (!read_organisers (self, slot, organisers, organisers_place, error) ||
      !read_duties (self, object, place, slot, error) ||
      !read_attendees (self, slot, attendees, attendees_place, error) ||
      !read_visit_targets (slot, targets, targets_place, error))
    return FALSE;

  g_hash_table_insert (self->slots, (gpointer) sw_slot_get_uid (slot), slot);
  g_list_store_append (G_LIST_STORE (sw_plan_get_slots (self->plan)), slot);

  return TRUE;
}

gboolean
sw_plan_file_read_slots (SwPlanFileImporter  *self,
                         JsonObject          *root,
                         GError             **error)
{
  JsonArray *array;

  if (!sw_plan_file_read_array (root, NULL, "slots", &array, error))
    return FALSE;

  for (guint i = 0; i < sw_plan_file_array_length (array); i++)
    {
      g_autofree char *place = sw_plan_file_place_at ("slots", i);
      JsonObject *object;

      if (!sw_plan_file_element_object (array, i, place, &object, error) ||
          !read_slot (self, object, place, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
sw_plan_file_read_tasks (SwPlanFileImporter  *self,
                         JsonObject          *root,
                         GError             **error)
{
  JsonArray *array;

  if (!sw_plan_file_read_array (root, NULL, "tasks", &array, error))
    return FALSE;

  for (guint i = 0; i < sw_plan_file_array_length (array); i++)
    {
      g_autofree char *place = sw_plan_file_place_at ("tasks", i);
      g_autoptr(SwTask) task = NULL;
      JsonObject *object;
      const char *uid, *title, *department_name, *person_key, *slot_uid, *notes;
      SwDepartment *department = NULL;
      SwPerson *person = NULL;
      SwSlot *slot = NULL;
      gint64 due;
      int status;

      if (!sw_plan_file_element_object (array, i, place, &object, error) ||
          !sw_plan_file_read_string (object, place, "uid", FALSE, &uid, error) ||
          !sw_plan_file_read_string (object, place, "title", TRUE, &title, error) ||
          !sw_plan_file_read_string (object, place, "department", FALSE, &department_name, error) ||
          !sw_plan_file_read_string (object, place, "person", FALSE, &person_key, error) ||
          !sw_plan_file_read_datetime (object, place, "due", FALSE, &due, error) ||
          !sw_plan_file_read_enum (object, place, "status", SW_TYPE_TASK_STATUS,
                                   SW_TASK_STATUS_TODO, &status, error) ||
          !sw_plan_file_read_string (object, place, "slot", FALSE, &slot_uid, error) ||
          !sw_plan_file_read_string (object, place, "notes", FALSE, &notes, error))
        return FALSE;

      if (*department_name != '\0')
        {
          g_autofree char *item_place = sw_plan_file_place_of (place, "department");

          if (!lookup_department (self, department_name, item_place, &department, error))
            return FALSE;
        }

      if (*person_key != '\0')
        {
          g_autofree char *item_place = sw_plan_file_place_of (place, "person");

          if (!lookup_person (self, person_key, item_place, &person, error))
            return FALSE;
        }

      if (*slot_uid != '\0')
        {
          slot = g_hash_table_lookup (self->slots, slot_uid);
          if (slot == NULL)
            {
              g_autofree char *item_place = sw_plan_file_place_of (place, "slot");

              return sw_plan_file_fail_value (error, SW_IMPORT_ERROR_REFERENCE, item_place,
                           _("no slot with the uid “%s”"), slot_uid);
            }
        }

      task = sw_task_new (title);
      if (*uid != '\0')
        {
          if (g_hash_table_contains (self->task_uids, uid) ||
              g_hash_table_contains (self->slots, uid))
            {
              g_autofree char *uid_place = sw_plan_file_place_of (place, "uid");

              return sw_plan_file_fail_value (error, SW_IMPORT_ERROR_INVALID, uid_place,
                           _("the uid “%s” is used twice"), uid);
            }
          sw_task_set_uid (task, uid);
        }
      sw_task_set_department (task, department);
      sw_task_set_person (task, person);
      sw_task_set_due (task, due);
      sw_task_set_status (task, status);
      sw_task_set_slot (task, slot);
      sw_task_set_notes (task, notes);

      g_hash_table_insert (self->task_uids, (gpointer) sw_task_get_uid (task), task);
      g_list_store_append (G_LIST_STORE (sw_plan_get_tasks (self->plan)), task);
    }

  return TRUE;
}

gboolean
sw_plan_file_read_accepted (SwPlanFileImporter  *self,
                            JsonObject          *root,
                            GError             **error)
{
  GListStore *store = G_LIST_STORE (sw_plan_get_accepted (self->plan));
  JsonArray *array;

  if (!sw_plan_file_read_array (root, NULL, "accepted", &array, error))
    return FALSE;

  for (guint i = 0; i < sw_plan_file_array_length (array); i++)
    {
      g_autofree char *place = sw_plan_file_place_at ("accepted", i);
      g_autofree char *person_place = sw_plan_file_place_of (place, "person");
      g_autoptr(SwAcceptance) acceptance = NULL;
      JsonObject *object;
      const char *key, *uid, *situation, *note;
      SwPerson *person;
      SwSlot *slot = NULL;
      int kind;

      if (!sw_plan_file_element_object (array, i, place, &object, error) ||
          !sw_plan_file_read_enum (object, place, "kind", SW_TYPE_PROBLEM_KIND, -1, &kind, error) ||
          !sw_plan_file_read_name (object, place, "person", &key, error) ||
          !lookup_person (self, key, person_place, &person, error) ||
          !sw_plan_file_read_string (object, place, "slot", FALSE, &uid, error) ||
          !sw_plan_file_read_string (object, place, "situation", FALSE, &situation, error) ||
          !sw_plan_file_read_string (object, place, "note", FALSE, &note, error))
        return FALSE;

      if (*uid != '\0')
        {
          slot = g_hash_table_lookup (self->slots, uid);
          if (slot == NULL)
            {
              g_autofree char *slot_place = sw_plan_file_place_of (place, "slot");

              return sw_plan_file_fail_value (error, SW_IMPORT_ERROR_REFERENCE, slot_place,
                                              _("no slot with the uid “%s” in “slots”"), uid);
            }
        }

      acceptance = sw_acceptance_new (kind, person, slot, situation, note);
      g_list_store_append (store, acceptance);
    }

  return TRUE;
}
