/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sw-plan-file-internal.h"

/* Export: the plan, its departments and people, as JSON. */

static gboolean acceptance_is_exported (SwPlan       *plan,
                                        SwAcceptance *acceptance);

typedef struct
{
  SwOrganisation *org;
  SwPlan         *plan;
  GHashTable     *person_keys;   /* SwPerson → "p1" … */
  GPtrArray      *people;        /* SwPerson, in key order */
  GPtrArray      *departments;   /* SwDepartment, in roster order */
} Exporter;

static void
add_string_member (JsonBuilder *builder,
                   const char  *name,
                   const char  *value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value != NULL ? value : "");
}

/* Optional strings are left out when empty. */
static void
add_optional_string (JsonBuilder *builder,
                     const char  *name,
                     const char  *value)
{
  if (value != NULL && *value != '\0')
    add_string_member (builder, name, value);
}

static void
add_datetime_member (JsonBuilder *builder,
                     const char  *name,
                     gint64       minutes)
{
  g_autofree char *text = sw_time_format_datetime (minutes);

  add_string_member (builder, name, text);
}

static void
add_date_member (JsonBuilder *builder,
                 const char  *name,
                 int          day)
{
  g_autofree char *text = sw_time_format_date (day);

  add_string_member (builder, name, text);
}

static void
note_person (GHashTable *seen,
             GPtrArray  *order,
             SwPerson   *person)
{
  if (person == NULL || g_hash_table_contains (seen, person))
    return;

  g_hash_table_add (seen, person);
  g_ptr_array_add (order, person);
}

static void
note_department (GHashTable   *seen,
                 SwDepartment *department)
{
  if (department != NULL)
    g_hash_table_add (seen, department);
}

typedef struct
{
  GHashTable *department_index;   /* SwDepartment → index + 1 */
  GHashTable *person_index;       /* SwPerson → index + 1 */
  GHashTable *encounter_index;    /* SwPerson → index + 1 */
} PersonOrder;

static guint
lookup_index (GHashTable *table,
              gpointer    key)
{
  guint value = GPOINTER_TO_UINT (g_hash_table_lookup (table, key));

  return value == 0 ? G_MAXUINT : value - 1;
}

static int
compare_uint (guint a,
              guint b)
{
  return a < b ? -1 : a > b ? 1 : 0;
}

static int
compare_people (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  PersonOrder *order = user_data;
  SwPerson *pa = *(SwPerson * const *) a;
  SwPerson *pb = *(SwPerson * const *) b;
  SwDepartment *da = sw_person_get_department (pa);
  SwDepartment *db = sw_person_get_department (pb);
  int cmp;

  cmp = compare_uint (da != NULL ? lookup_index (order->department_index, da) : G_MAXUINT,
                      db != NULL ? lookup_index (order->department_index, db) : G_MAXUINT);
  if (cmp != 0)
    return cmp;

  cmp = compare_uint (lookup_index (order->person_index, pa),
                      lookup_index (order->person_index, pb));
  if (cmp != 0)
    return cmp;

  return compare_uint (lookup_index (order->encounter_index, pa),
                       lookup_index (order->encounter_index, pb));
}

static int
compare_slots (gconstpointer a,
               gconstpointer b)
{
  SwSlot *sa = *(SwSlot * const *) a;
  SwSlot *sb = *(SwSlot * const *) b;
  int cmp;

  if (sw_slot_get_start (sa) != sw_slot_get_start (sb))
    return sw_slot_get_start (sa) < sw_slot_get_start (sb) ? -1 : 1;
  if (sw_slot_get_end (sa) != sw_slot_get_end (sb))
    return sw_slot_get_end (sa) < sw_slot_get_end (sb) ? -1 : 1;
  cmp = g_strcmp0 (sw_slot_get_title (sa), sw_slot_get_title (sb));
  if (cmp != 0)
    return cmp;
  return g_strcmp0 (sw_slot_get_uid (sa), sw_slot_get_uid (sb));
}

static int
compare_tasks (gconstpointer a,
               gconstpointer b)
{
  SwTask *ta = *(SwTask * const *) a;
  SwTask *tb = *(SwTask * const *) b;
  gint64 due_a = sw_task_get_due (ta);
  gint64 due_b = sw_task_get_due (tb);
  int cmp;

  /* Tasks without a due time come last. */
  if (due_a != due_b)
    {
      if (due_a == SW_TIME_UNSET)
        return 1;
      if (due_b == SW_TIME_UNSET)
        return -1;
      return due_a < due_b ? -1 : 1;
    }
  cmp = g_strcmp0 (sw_task_get_title (ta), sw_task_get_title (tb));
  if (cmp != 0)
    return cmp;
  return g_strcmp0 (sw_task_get_uid (ta), sw_task_get_uid (tb));
}

int
sw_plan_file_compare_unavailability (gconstpointer a,
                                     gconstpointer b)
{
  SwUnavailability *ua = *(SwUnavailability * const *) a;
  SwUnavailability *ub = *(SwUnavailability * const *) b;

  if (sw_unavailability_get_start (ua) != sw_unavailability_get_start (ub))
    return sw_unavailability_get_start (ua) < sw_unavailability_get_start (ub) ? -1 : 1;
  if (sw_unavailability_get_end (ua) != sw_unavailability_get_end (ub))
    return sw_unavailability_get_end (ua) < sw_unavailability_get_end (ub) ? -1 : 1;
  return g_strcmp0 (sw_unavailability_get_reason (ua),
                    sw_unavailability_get_reason (ub));
}

GPtrArray *
sw_plan_file_dup_model_items (GListModel *model)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (model, i));

  return items;
}

/* Notes the people the plan refers to, in the order it refers to them,
 * and the departments its slots and tasks name. */
static void
exporter_note_references (Exporter   *self,
                          GHashTable *seen_people,
                          GHashTable *seen_departments)
{
  g_autoptr(GPtrArray) committees = sw_plan_file_dup_model_items (sw_plan_get_committees (self->plan));
  g_autoptr(GPtrArray) slots = sw_plan_file_dup_model_items (sw_plan_get_slots (self->plan));
  g_autoptr(GPtrArray) tasks = sw_plan_file_dup_model_items (sw_plan_get_tasks (self->plan));
  g_autoptr(GPtrArray) accepted = NULL;

  for (guint i = 0; i < committees->len; i++)
    {
      GListModel *members = sw_committee_get_members (g_ptr_array_index (committees, i));
      g_autoptr(GPtrArray) items = sw_plan_file_dup_model_items (members);

      for (guint j = 0; j < items->len; j++)
        note_person (seen_people, self->people,
                     sw_committee_member_get_person (g_ptr_array_index (items, j)));
    }

  for (guint i = 0; i < slots->len; i++)
    {
      SwSlot *slot = g_ptr_array_index (slots, i);
      g_autoptr(GPtrArray) organisers = sw_plan_file_dup_model_items (sw_slot_get_organisers (slot));
      g_autoptr(GPtrArray) duties = sw_plan_file_dup_model_items (sw_slot_get_duties (slot));
      g_autoptr(GPtrArray) assignments = sw_plan_file_dup_model_items (sw_slot_get_assignments (slot));

      for (guint j = 0; j < organisers->len; j++)
        note_department (seen_departments, g_ptr_array_index (organisers, j));
      for (guint j = 0; j < duties->len; j++)
        note_department (seen_departments,
                         sw_duty_get_department (g_ptr_array_index (duties, j)));
      for (guint j = 0; j < assignments->len; j++)
        note_person (seen_people, self->people,
                     sw_assignment_get_person (g_ptr_array_index (assignments, j)));
    }

  for (guint i = 0; i < tasks->len; i++)
    {
      SwTask *task = g_ptr_array_index (tasks, i);

      note_department (seen_departments, sw_task_get_department (task));
      note_person (seen_people, self->people, sw_task_get_person (task));
    }

  accepted = sw_plan_file_dup_model_items (sw_plan_get_accepted (self->plan));
  for (guint i = 0; i < accepted->len; i++)
    if (acceptance_is_exported (self->plan, g_ptr_array_index (accepted, i)))
      note_person (seen_people, self->people,
                   sw_acceptance_get_person (g_ptr_array_index (accepted, i)));
}

static int
compare_department_names (gconstpointer a,
                          gconstpointer b)
{
  SwDepartment *da = *(SwDepartment * const *) a;
  SwDepartment *db = *(SwDepartment * const *) b;

  return g_strcmp0 (sw_department_get_name (da), sw_department_get_name (db));
}

/* Lists the departments noted in @seen_departments (which it empties)
 * in roster order, any the roster does not list after them (by name),
 * and gives each its place in @department_index. */
static void
exporter_order_departments (Exporter   *self,
                            GHashTable *seen_departments,
                            GHashTable *department_index)
{
  g_autoptr(GPtrArray) roster_departments =
    sw_plan_file_dup_model_items (sw_organisation_get_departments (self->org));

  /* Departments in roster order; any the roster does not list follow. */
  for (guint i = 0; i < roster_departments->len; i++)
    {
      SwDepartment *department = g_ptr_array_index (roster_departments, i);

      g_hash_table_insert (department_index, department, GUINT_TO_POINTER (i + 1));
      if (g_hash_table_remove (seen_departments, department))
        g_ptr_array_add (self->departments, department);
    }
  if (g_hash_table_size (seen_departments) > 0)
    {
      g_autoptr(GPtrArray) rest = g_ptr_array_new ();
      GHashTableIter iter;
      gpointer key;

      g_hash_table_iter_init (&iter, seen_departments);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        g_ptr_array_add (rest, key);
      g_ptr_array_sort (rest, compare_department_names);
      for (guint i = 0; i < rest->len; i++)
        {
          SwDepartment *department = g_ptr_array_index (rest, i);

          g_hash_table_insert (department_index, department,
                               GUINT_TO_POINTER (roster_departments->len + i + 1));
          g_ptr_array_add (self->departments, department);
        }
    }
}

/* Sorts the people by their department's place, then by their own in the
 * roster, then by when the plan first refers to them. */
static void
exporter_sort_people (Exporter   *self,
                      GHashTable *department_index,
                      GHashTable *encounter_index)
{
  g_autoptr(GPtrArray) roster_people = sw_plan_file_dup_model_items (sw_organisation_get_people (self->org));
  g_autoptr(GHashTable) person_index = g_hash_table_new (NULL, NULL);
  PersonOrder order;

  for (guint i = 0; i < roster_people->len; i++)
    g_hash_table_insert (person_index, g_ptr_array_index (roster_people, i),
                         GUINT_TO_POINTER (i + 1));

  order.department_index = department_index;
  order.person_index = person_index;
  order.encounter_index = encounter_index;
  g_ptr_array_sort_with_data (self->people, compare_people, &order);
}

/* Finds the people and departments the plan refers to and gives the
 * people their keys, both in roster order. */
static void
exporter_collect (Exporter *self)
{
  g_autoptr(GHashTable) seen_people = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) seen_departments = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) department_index = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) encounter_index = g_hash_table_new (NULL, NULL);

  exporter_note_references (self, seen_people, seen_departments);

  for (guint i = 0; i < self->people->len; i++)
    {
      SwPerson *person = g_ptr_array_index (self->people, i);

      note_department (seen_departments, sw_person_get_department (person));
      g_hash_table_insert (encounter_index, person, GUINT_TO_POINTER (i + 1));
    }

  exporter_order_departments (self, seen_departments, department_index);
  exporter_sort_people (self, department_index, encounter_index);

  for (guint i = 0; i < self->people->len; i++)
    g_hash_table_insert (self->person_keys, g_ptr_array_index (self->people, i),
                         g_strdup_printf ("p%u", i + 1));
}

static void
add_person_ref (Exporter    *self,
                JsonBuilder *builder,
                SwPerson    *person)
{
  json_builder_add_string_value (builder, g_hash_table_lookup (self->person_keys, person));
}

static void
add_skills_member (JsonBuilder        *builder,
                   const char *const  *skills)
{
  json_builder_set_member_name (builder, "skills");
  json_builder_begin_array (builder);
  for (guint i = 0; skills != NULL && skills[i] != NULL; i++)
    json_builder_add_string_value (builder, skills[i]);
  json_builder_end_array (builder);
}

static void
add_int_member (JsonBuilder *builder,
                const char  *name,
                gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

static void
export_plan_fields (Exporter    *self,
                    JsonBuilder *builder)
{
  SwPlan *plan = self->plan;

  json_builder_set_member_name (builder, "plan");
  json_builder_begin_object (builder);
  add_string_member (builder, "title", sw_plan_get_title (plan));
  add_optional_string (builder, "theme", sw_plan_get_theme (plan));
  add_optional_string (builder, "organiser", sw_plan_get_organiser (plan));
  add_date_member (builder, "first_day", sw_plan_get_first_day (plan));
  add_date_member (builder, "last_day", sw_plan_get_last_day (plan));
  add_string_member (builder, "time_zone", sw_plan_get_time_zone (plan));
  add_optional_string (builder, "hotline", sw_plan_get_hotline (plan));
  add_optional_string (builder, "description", sw_plan_get_description (plan));
  /* Written only when not the default, so files of plans that never chose
   * stay as older versions wrote them. */
  if (sw_plan_get_name_order (plan) != SW_NAME_ORDER_ROSTER)
    add_string_member (builder, "name_order",
                       sw_enum_to_nick (SW_TYPE_NAME_ORDER, sw_plan_get_name_order (plan)));
  json_builder_set_member_name (builder, "rules");
  json_builder_begin_object (builder);
  add_int_member (builder, "travel_buffer", sw_plan_get_travel_buffer (plan));
  add_int_member (builder, "max_hours_per_day", sw_plan_get_max_hours_per_day (plan));
  add_int_member (builder, "max_duties_per_person", sw_plan_get_max_duties (plan));
  json_builder_end_object (builder);
  json_builder_end_object (builder);
}

static void
export_departments (Exporter    *self,
                    JsonBuilder *builder)
{
  if (self->departments->len == 0)
    return;

  json_builder_set_member_name (builder, "departments");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->departments->len; i++)
    {
      SwDepartment *department = g_ptr_array_index (self->departments, i);

      json_builder_begin_object (builder);
      add_string_member (builder, "name", sw_department_get_name (department));
      add_optional_string (builder, "short_name", sw_department_get_short_name (department));
      add_optional_string (builder, "color", sw_department_get_color (department));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
export_people (Exporter    *self,
               JsonBuilder *builder)
{
  gint64 plan_start = sw_time_from_day (sw_plan_get_first_day (self->plan));
  gint64 plan_end = sw_time_from_day (sw_plan_get_last_day (self->plan) + 1);

  if (self->people->len == 0)
    return;

  json_builder_set_member_name (builder, "people");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->people->len; i++)
    {
      SwPerson *person = g_ptr_array_index (self->people, i);
      SwDepartment *department = sw_person_get_department (person);
      g_autoptr(GPtrArray) periods = sw_plan_file_dup_model_items (sw_person_get_unavailability (person));
      g_autoptr(GPtrArray) in_plan = g_ptr_array_new ();

      json_builder_begin_object (builder);
      add_string_member (builder, "key", g_hash_table_lookup (self->person_keys, person));
      add_string_member (builder, "name", sw_person_get_name (person));
      if (department != NULL)
        add_string_member (builder, "department", sw_department_get_name (department));
      add_optional_string (builder, "title", sw_person_get_title (person));
      add_optional_string (builder, "phone", sw_person_get_phone (person));
      add_optional_string (builder, "email", sw_person_get_email (person));
      add_skills_member (builder, sw_person_get_skills (person));

      /* Only the busy times that touch the plan's days travel with it. */
      for (guint j = 0; j < periods->len; j++)
        {
          SwUnavailability *period = g_ptr_array_index (periods, j);

          if (sw_unavailability_get_start (period) < plan_end &&
              sw_unavailability_get_end (period) > plan_start)
            g_ptr_array_add (in_plan, period);
        }
      g_ptr_array_sort (in_plan, sw_plan_file_compare_unavailability);

      if (in_plan->len > 0)
        {
          json_builder_set_member_name (builder, "unavailable");
          json_builder_begin_array (builder);
          for (guint j = 0; j < in_plan->len; j++)
            {
              SwUnavailability *period = g_ptr_array_index (in_plan, j);

              json_builder_begin_object (builder);
              add_datetime_member (builder, "start", sw_unavailability_get_start (period));
              add_datetime_member (builder, "end", sw_unavailability_get_end (period));
              add_optional_string (builder, "reason", sw_unavailability_get_reason (period));
              json_builder_end_object (builder);
            }
          json_builder_end_array (builder);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
export_committees (Exporter    *self,
                   JsonBuilder *builder)
{
  g_autoptr(GPtrArray) committees = sw_plan_file_dup_model_items (sw_plan_get_committees (self->plan));

  if (committees->len == 0)
    return;

  json_builder_set_member_name (builder, "committees");
  json_builder_begin_array (builder);
  for (guint i = 0; i < committees->len; i++)
    {
      SwCommittee *committee = g_ptr_array_index (committees, i);
      g_autoptr(GPtrArray) members = sw_plan_file_dup_model_items (sw_committee_get_members (committee));

      json_builder_begin_object (builder);
      add_string_member (builder, "name", sw_committee_get_name (committee));
      if (members->len > 0)
        {
          json_builder_set_member_name (builder, "members");
          json_builder_begin_array (builder);
          for (guint j = 0; j < members->len; j++)
            {
              SwCommitteeMember *member = g_ptr_array_index (members, j);

              json_builder_begin_object (builder);
              json_builder_set_member_name (builder, "person");
              add_person_ref (self, builder, sw_committee_member_get_person (member));
              add_string_member (builder, "role",
                                 sw_enum_to_nick (SW_TYPE_ROLE,
                                                  sw_committee_member_get_role (member)));
              json_builder_end_object (builder);
            }
          json_builder_end_array (builder);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
export_slot (Exporter    *self,
             JsonBuilder *builder,
             SwSlot      *slot)
{
  g_autoptr(GPtrArray) organisers = sw_plan_file_dup_model_items (sw_slot_get_organisers (slot));
  g_autoptr(GPtrArray) duties = sw_plan_file_dup_model_items (sw_slot_get_duties (slot));
  g_autoptr(GPtrArray) assignments = sw_plan_file_dup_model_items (sw_slot_get_assignments (slot));
  g_autoptr(GPtrArray) targets = sw_plan_file_dup_model_items (sw_slot_get_visit_targets (slot));
  g_autoptr(GPtrArray) attendees = g_ptr_array_new ();

  json_builder_begin_object (builder);
  add_string_member (builder, "uid", sw_slot_get_uid (slot));
  add_string_member (builder, "kind", sw_enum_to_nick (SW_TYPE_SLOT_KIND, sw_slot_get_kind (slot)));
  add_string_member (builder, "title", sw_slot_get_title (slot));
  add_datetime_member (builder, "start", sw_slot_get_start (slot));
  add_datetime_member (builder, "end", sw_slot_get_end (slot));
  add_optional_string (builder, "location", sw_slot_get_location (slot));
  add_optional_string (builder, "description", sw_slot_get_description (slot));

  if (organisers->len > 0)
    {
      json_builder_set_member_name (builder, "organisers");
      json_builder_begin_array (builder);
      for (guint i = 0; i < organisers->len; i++)
        json_builder_add_string_value (builder,
                                       sw_department_get_name (g_ptr_array_index (organisers, i)));
      json_builder_end_array (builder);
    }

  if (duties->len > 0)
    {
      json_builder_set_member_name (builder, "duties");
      json_builder_begin_array (builder);
      for (guint i = 0; i < duties->len; i++)
        {
          SwDuty *duty = g_ptr_array_index (duties, i);
          SwDepartment *department = sw_duty_get_department (duty);
          g_autoptr(GPtrArray) people = sw_slot_dup_duty_people (slot, duty);

          json_builder_begin_object (builder);
          add_string_member (builder, "name", sw_duty_get_name (duty));
          json_builder_set_member_name (builder, "count");
          json_builder_add_int_value (builder, sw_duty_get_count (duty));
          if (department != NULL)
            add_string_member (builder, "department", sw_department_get_name (department));
          add_skills_member (builder, sw_duty_get_skills (duty));
          if (people != NULL && people->len > 0)
            {
              json_builder_set_member_name (builder, "people");
              json_builder_begin_array (builder);
              for (guint j = 0; j < people->len; j++)
                add_person_ref (self, builder, g_ptr_array_index (people, j));
              json_builder_end_array (builder);
            }
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }

  for (guint i = 0; i < assignments->len; i++)
    {
      SwAssignment *assignment = g_ptr_array_index (assignments, i);

      if (sw_assignment_get_duty (assignment) == NULL)
        g_ptr_array_add (attendees, sw_assignment_get_person (assignment));
    }
  if (attendees->len > 0)
    {
      json_builder_set_member_name (builder, "attendees");
      json_builder_begin_array (builder);
      for (guint i = 0; i < attendees->len; i++)
        add_person_ref (self, builder, g_ptr_array_index (attendees, i));
      json_builder_end_array (builder);
    }

  if (targets->len > 0)
    {
      json_builder_set_member_name (builder, "visit_targets");
      json_builder_begin_array (builder);
      for (guint i = 0; i < targets->len; i++)
        {
          SwVisitTarget *target = g_ptr_array_index (targets, i);

          json_builder_begin_object (builder);
          add_string_member (builder, "name", sw_visit_target_get_name (target));
          add_optional_string (builder, "address", sw_visit_target_get_address (target));
          add_optional_string (builder, "contact", sw_visit_target_get_contact (target));
          add_optional_string (builder, "phone", sw_visit_target_get_phone (target));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }

  json_builder_end_object (builder);
}

static void
export_slots (Exporter    *self,
              JsonBuilder *builder)
{
  g_autoptr(GPtrArray) slots = sw_plan_file_dup_model_items (sw_plan_get_slots (self->plan));

  if (slots->len == 0)
    return;

  g_ptr_array_sort (slots, compare_slots);

  json_builder_set_member_name (builder, "slots");
  json_builder_begin_array (builder);
  for (guint i = 0; i < slots->len; i++)
    export_slot (self, builder, g_ptr_array_index (slots, i));
  json_builder_end_array (builder);
}

static void
export_tasks (Exporter    *self,
              JsonBuilder *builder)
{
  g_autoptr(GPtrArray) tasks = sw_plan_file_dup_model_items (sw_plan_get_tasks (self->plan));

  if (tasks->len == 0)
    return;

  g_ptr_array_sort (tasks, compare_tasks);

  json_builder_set_member_name (builder, "tasks");
  json_builder_begin_array (builder);
  for (guint i = 0; i < tasks->len; i++)
    {
      SwTask *task = g_ptr_array_index (tasks, i);
      SwDepartment *department = sw_task_get_department (task);
      SwPerson *person = sw_task_get_person (task);
      SwSlot *slot = sw_task_get_slot (task);

      json_builder_begin_object (builder);
      add_string_member (builder, "uid", sw_task_get_uid (task));
      add_string_member (builder, "title", sw_task_get_title (task));
      if (department != NULL)
        add_string_member (builder, "department", sw_department_get_name (department));
      if (person != NULL)
        {
          json_builder_set_member_name (builder, "person");
          add_person_ref (self, builder, person);
        }
      if (sw_task_get_due (task) != SW_TIME_UNSET)
        add_datetime_member (builder, "due", sw_task_get_due (task));
      add_string_member (builder, "status",
                         sw_enum_to_nick (SW_TYPE_TASK_STATUS, sw_task_get_status (task)));
      /* A link to a slot of another plan cannot be written down. */
      if (slot != NULL && sw_plan_find_slot_by_uid (self->plan, sw_slot_get_uid (slot)) == slot)
        add_string_member (builder, "slot", sw_slot_get_uid (slot));
      add_optional_string (builder, "notes", sw_task_get_notes (task));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/* An acceptance is written down when its slot, if any, is of the plan. */
static gboolean
acceptance_is_exported (SwPlan       *plan,
                        SwAcceptance *acceptance)
{
  SwSlot *slot = sw_acceptance_get_slot (acceptance);

  return slot == NULL || sw_plan_find_slot_by_uid (plan, sw_slot_get_uid (slot)) == slot;
}

static void
export_accepted (Exporter    *self,
                 JsonBuilder *builder)
{
  g_autoptr(GPtrArray) accepted = sw_plan_file_dup_model_items (sw_plan_get_accepted (self->plan));
  gboolean any = FALSE;

  for (guint i = 0; i < accepted->len; i++)
    any = any || acceptance_is_exported (self->plan, g_ptr_array_index (accepted, i));
  if (!any)
    return;

  json_builder_set_member_name (builder, "accepted");
  json_builder_begin_array (builder);
  for (guint i = 0; i < accepted->len; i++)
    {
      SwAcceptance *acceptance = g_ptr_array_index (accepted, i);
      SwSlot *slot = sw_acceptance_get_slot (acceptance);

      if (!acceptance_is_exported (self->plan, acceptance))
        continue;

      json_builder_begin_object (builder);
      add_string_member (builder, "kind",
                         sw_enum_to_nick (SW_TYPE_PROBLEM_KIND,
                                          sw_acceptance_get_kind (acceptance)));
      json_builder_set_member_name (builder, "person");
      add_person_ref (self, builder, sw_acceptance_get_person (acceptance));
      if (slot != NULL)
        add_string_member (builder, "slot", sw_slot_get_uid (slot));
      add_optional_string (builder, "situation", sw_acceptance_get_situation (acceptance));
      add_optional_string (builder, "note", sw_acceptance_get_note (acceptance));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

GBytes *
sw_plan_file_export (SwOrganisation *org,
                     SwPlan         *plan)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GHashTable) person_keys = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GPtrArray) departments = NULL;
  g_autofree char *text = NULL;
  Exporter self;
  gsize length = 0;
  GString *out;

  g_return_val_if_fail (SW_IS_ORGANISATION (org), NULL);
  g_return_val_if_fail (SW_IS_PLAN (plan), NULL);

  person_keys = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  people = g_ptr_array_new ();
  departments = g_ptr_array_new ();

  self.org = org;
  self.plan = plan;
  self.person_keys = person_keys;
  self.people = people;
  self.departments = departments;

  exporter_collect (&self);

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  add_string_member (builder, "format", FORMAT_NAME);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, FORMAT_VERSION);
  export_plan_fields (&self, builder);
  export_departments (&self, builder);
  export_people (&self, builder);
  export_committees (&self, builder);
  export_slots (&self, builder);
  export_tasks (&self, builder);
  export_accepted (&self, builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_indent_char (generator, ' ');
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, &length);

  out = g_string_new_len (text, length);
  g_string_append_c (out, '\n');

  return g_string_free_to_bytes (out);
}
