/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sw-store-internal.h"

/* ------------------------------------------------------------------ */
/* Entities                                                           */

SwStoreEntity
sw_store_entity_of (gpointer object)
{
  if (SW_IS_DEPARTMENT (object))
    return E_DEPARTMENT;
  if (SW_IS_PERSON (object))
    return E_PERSON;
  if (SW_IS_UNAVAILABILITY (object))
    return E_UNAVAILABILITY;
  if (SW_IS_PLAN (object))
    return E_PLAN;
  if (SW_IS_COMMITTEE (object))
    return E_COMMITTEE;
  if (SW_IS_COMMITTEE_MEMBER (object))
    return E_MEMBER;
  if (SW_IS_SLOT (object))
    return E_SLOT;
  if (SW_IS_DUTY (object))
    return E_DUTY;
  if (SW_IS_ASSIGNMENT (object))
    return E_ASSIGNMENT;
  if (SW_IS_VISIT_TARGET (object))
    return E_VISIT_TARGET;
  if (SW_IS_TASK (object))
    return E_TASK;
  if (SW_IS_ACCEPTANCE (object))
    return E_ACCEPTANCE;

  return E_NONE;
}

gint64
sw_store_entity_get_id (SwStoreEntity entity,
                        gpointer      object)
{
  switch (entity)
    {
    case E_DEPARTMENT: return sw_department_get_id (object);
    case E_PERSON: return sw_person_get_id (object);
    case E_UNAVAILABILITY: return sw_unavailability_get_id (object);
    case E_PLAN: return sw_plan_get_id (object);
    case E_COMMITTEE: return sw_committee_get_id (object);
    case E_MEMBER: return sw_committee_member_get_id (object);
    case E_SLOT: return sw_slot_get_id (object);
    case E_DUTY: return sw_duty_get_id (object);
    case E_ASSIGNMENT: return sw_assignment_get_id (object);
    case E_VISIT_TARGET: return sw_visit_target_get_id (object);
    case E_TASK: return sw_task_get_id (object);
    case E_ACCEPTANCE: return sw_acceptance_get_id (object);
    case E_NONE:
    default:
      g_assert_not_reached ();
    }
}

void
sw_store_entity_set_id (SwStoreEntity entity,
                        gpointer      object,
                        gint64        id)
{
  switch (entity)
    {
    case E_DEPARTMENT: sw_department_set_id (object, id); break;
    case E_PERSON: sw_person_set_id (object, id); break;
    case E_UNAVAILABILITY: sw_unavailability_set_id (object, id); break;
    case E_PLAN: sw_plan_set_id (object, id); break;
    case E_COMMITTEE: sw_committee_set_id (object, id); break;
    case E_MEMBER: sw_committee_member_set_id (object, id); break;
    case E_SLOT: sw_slot_set_id (object, id); break;
    case E_DUTY: sw_duty_set_id (object, id); break;
    case E_ASSIGNMENT: sw_assignment_set_id (object, id); break;
    case E_VISIT_TARGET: sw_visit_target_set_id (object, id); break;
    case E_TASK: sw_task_set_id (object, id); break;
    case E_ACCEPTANCE: sw_acceptance_set_id (object, id); break;
    case E_NONE:
    default:
      g_assert_not_reached ();
    }
}

static gint64
object_id (gpointer object)
{
  return object != NULL ? sw_store_entity_get_id (sw_store_entity_of (object), object) : 0;
}


static void
bind_department (sqlite3_stmt *stmt,
                 int           i,
                 gpointer      object)
{
  SwDepartment *d = object;

  sw_store_bind_text (stmt, i, sw_department_get_name (d));
  sw_store_bind_text (stmt, i + 1, sw_department_get_short_name (d));
  sw_store_bind_text (stmt, i + 2, sw_department_get_color (d));
  sqlite3_bind_int (stmt, i + 3, sw_department_get_position (d));
}

/* Skills are kept one a line (they hold no control characters). */
static void
bind_skills (sqlite3_stmt      *stmt,
             int                index,
             const char *const *skills)
{
  sqlite3_bind_text (stmt, index, sw_skills_join (skills, "\n"), -1, g_free);
}

static void
bind_person (sqlite3_stmt *stmt,
             int           i,
             gpointer      object)
{
  SwPerson *p = object;

  sw_store_bind_text (stmt, i, sw_person_get_name (p));
  sw_store_bind_id (stmt, i + 1, object_id (sw_person_get_department (p)));
  sw_store_bind_text (stmt, i + 2, sw_person_get_title (p));
  sw_store_bind_text (stmt, i + 3, sw_person_get_phone (p));
  sw_store_bind_text (stmt, i + 4, sw_person_get_email (p));
  sw_store_bind_text (stmt, i + 5, sw_person_get_notes (p));
  sqlite3_bind_int (stmt, i + 6, sw_person_get_active (p) ? 1 : 0);
  bind_skills (stmt, i + 7, sw_person_get_skills (p));
}

static void
bind_unavailability (sqlite3_stmt *stmt,
                     int           i,
                     gpointer      object)
{
  SwUnavailability *u = object;

  sw_store_bind_time (stmt, i, sw_unavailability_get_start (u));
  sw_store_bind_time (stmt, i + 1, sw_unavailability_get_end (u));
  sw_store_bind_text (stmt, i + 2, sw_unavailability_get_reason (u));
}

static void
bind_plan (sqlite3_stmt *stmt,
           int           i,
           gpointer      object)
{
  SwPlan *p = object;

  sw_store_bind_text (stmt, i, sw_plan_get_title (p));
  sw_store_bind_text (stmt, i + 1, sw_plan_get_theme (p));
  sw_store_bind_text (stmt, i + 2, sw_plan_get_organiser (p));
  sw_store_bind_day (stmt, i + 3, sw_plan_get_first_day (p));
  sw_store_bind_day (stmt, i + 4, sw_plan_get_last_day (p));
  sw_store_bind_text (stmt, i + 5, sw_plan_get_time_zone (p));
  sw_store_bind_text (stmt, i + 6, sw_plan_get_hotline (p));
  sw_store_bind_text (stmt, i + 7, sw_plan_get_description (p));
  sqlite3_bind_int (stmt, i + 8, sw_plan_get_travel_buffer (p));
  sqlite3_bind_int (stmt, i + 9, sw_plan_get_max_hours_per_day (p));
  sqlite3_bind_int (stmt, i + 10, sw_plan_get_max_duties (p));
  sw_store_bind_nick (stmt, i + 11, SW_TYPE_NAME_ORDER, sw_plan_get_name_order (p));
}

static void
bind_committee (sqlite3_stmt *stmt,
                int           i,
                gpointer      object)
{
  SwCommittee *c = object;

  sw_store_bind_text (stmt, i, sw_committee_get_name (c));
  sqlite3_bind_int (stmt, i + 1, sw_committee_get_position (c));
}

static void
bind_member (sqlite3_stmt *stmt,
             int           i,
             gpointer      object)
{
  SwCommitteeMember *m = object;

  sw_store_bind_id (stmt, i, object_id (sw_committee_member_get_person (m)));
  sw_store_bind_nick (stmt, i + 1, SW_TYPE_ROLE, sw_committee_member_get_role (m));
}

static void
bind_slot (sqlite3_stmt *stmt,
           int           i,
           gpointer      object)
{
  SwSlot *s = object;

  sw_store_bind_text (stmt, i, sw_slot_get_uid (s));
  sqlite3_bind_int (stmt, i + 1, sw_slot_get_sequence (s));
  sw_store_bind_nick (stmt, i + 2, SW_TYPE_SLOT_KIND, sw_slot_get_kind (s));
  sw_store_bind_text (stmt, i + 3, sw_slot_get_title (s));
  sw_store_bind_time (stmt, i + 4, sw_slot_get_start (s));
  sw_store_bind_time (stmt, i + 5, sw_slot_get_end (s));
  sw_store_bind_text (stmt, i + 6, sw_slot_get_location (s));
  sw_store_bind_text (stmt, i + 7, sw_slot_get_description (s));
}

static void
bind_duty (sqlite3_stmt *stmt,
           int           i,
           gpointer      object)
{
  SwDuty *d = object;

  sw_store_bind_text (stmt, i, sw_duty_get_name (d));
  sqlite3_bind_int64 (stmt, i + 1, sw_duty_get_count (d));
  sw_store_bind_id (stmt, i + 2, object_id (sw_duty_get_department (d)));
  sqlite3_bind_int (stmt, i + 3, sw_duty_get_position (d));
  bind_skills (stmt, i + 4, sw_duty_get_skills (d));
}

static void
bind_assignment (sqlite3_stmt *stmt,
                 int           i,
                 gpointer      object)
{
  SwAssignment *a = object;

  sw_store_bind_id (stmt, i, object_id (sw_assignment_get_person (a)));
  sw_store_bind_id (stmt, i + 1, object_id (sw_assignment_get_duty (a)));
  sw_store_bind_text (stmt, i + 2, sw_assignment_get_note (a));
  sqlite3_bind_int (stmt, i + 3, sw_assignment_get_pinned (a) ? 1 : 0);
}

static void
bind_visit_target (sqlite3_stmt *stmt,
                   int           i,
                   gpointer      object)
{
  SwVisitTarget *v = object;

  sw_store_bind_text (stmt, i, sw_visit_target_get_name (v));
  sw_store_bind_text (stmt, i + 1, sw_visit_target_get_address (v));
  sw_store_bind_text (stmt, i + 2, sw_visit_target_get_contact (v));
  sw_store_bind_text (stmt, i + 3, sw_visit_target_get_phone (v));
}

static void
bind_task (sqlite3_stmt *stmt,
           int           i,
           gpointer      object)
{
  SwTask *t = object;

  sw_store_bind_text (stmt, i, sw_task_get_uid (t));
  sqlite3_bind_int (stmt, i + 1, sw_task_get_sequence (t));
  sw_store_bind_text (stmt, i + 2, sw_task_get_title (t));
  sw_store_bind_id (stmt, i + 3, object_id (sw_task_get_department (t)));
  sw_store_bind_id (stmt, i + 4, object_id (sw_task_get_person (t)));
  sw_store_bind_time (stmt, i + 5, sw_task_get_due (t));
  sw_store_bind_nick (stmt, i + 6, SW_TYPE_TASK_STATUS, sw_task_get_status (t));
  sw_store_bind_id (stmt, i + 7, object_id (sw_task_get_slot (t)));
  sw_store_bind_text (stmt, i + 8, sw_task_get_notes (t));
}

static void
bind_acceptance (sqlite3_stmt *stmt,
                 int           i,
                 gpointer      object)
{
  SwAcceptance *a = object;

  sw_store_bind_nick (stmt, i, SW_TYPE_PROBLEM_KIND, sw_acceptance_get_kind (a));
  sw_store_bind_id (stmt, i + 1, object_id (sw_acceptance_get_person (a)));
  sw_store_bind_id (stmt, i + 2, object_id (sw_acceptance_get_slot (a)));
  sw_store_bind_text (stmt, i + 3, sw_acceptance_get_situation (a));
  sw_store_bind_text (stmt, i + 4, sw_acceptance_get_note (a));
}

#define ORDER_SQL(t) \
  "SELECT list_order FROM " t " WHERE id = ?1", \
  "UPDATE " t " SET list_order = ?2 WHERE id = ?1"

const SwStoreEntityInfo sw_store_entities[N_ENTITIES] = {
  [E_DEPARTMENT] = {
    "department", FALSE,
    "INSERT INTO department (id, list_order, name, short_name, color, position) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
    "ON CONFLICT (id) DO UPDATE SET list_order = excluded.list_order, name = excluded.name, "
    "short_name = excluded.short_name, color = excluded.color, position = excluded.position",
    "UPDATE department SET name = ?3, short_name = ?4, color = ?5, position = ?6 WHERE id = ?1",
    "DELETE FROM department WHERE id = ?1",
    ORDER_SQL ("department"),
    bind_department,
  },
  [E_PERSON] = {
    "person", FALSE,
    "INSERT INTO person (id, list_order, name, department_id, title, phone, email, notes, active, "
    "skills) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) "
    "ON CONFLICT (id) DO UPDATE SET list_order = excluded.list_order, name = excluded.name, "
    "department_id = excluded.department_id, title = excluded.title, phone = excluded.phone, "
    "email = excluded.email, notes = excluded.notes, active = excluded.active, "
    "skills = excluded.skills",
    "UPDATE person SET name = ?3, department_id = ?4, title = ?5, phone = ?6, email = ?7, "
    "notes = ?8, active = ?9, skills = ?10 WHERE id = ?1",
    "DELETE FROM person WHERE id = ?1",
    ORDER_SQL ("person"),
    bind_person,
  },
  [E_UNAVAILABILITY] = {
    "unavailability", TRUE,
    "INSERT INTO unavailability (id, list_order, person_id, start, \"end\", reason) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
    "ON CONFLICT (id) DO UPDATE SET list_order = excluded.list_order, person_id = excluded.person_id, "
    "start = excluded.start, \"end\" = excluded.\"end\", reason = excluded.reason",
    "UPDATE unavailability SET start = ?4, \"end\" = ?5, reason = ?6 WHERE id = ?1",
    "DELETE FROM unavailability WHERE id = ?1",
    ORDER_SQL ("unavailability"),
    bind_unavailability,
  },
  [E_PLAN] = {
    "plan", FALSE,
    "INSERT INTO plan (id, list_order, title, theme, organiser, first_day, last_day, time_zone, "
    "hotline, description, travel_buffer, max_hours_per_day, max_duties, name_order) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14) "
    "ON CONFLICT (id) DO UPDATE SET list_order = excluded.list_order, title = excluded.title, "
    "theme = excluded.theme, organiser = excluded.organiser, first_day = excluded.first_day, "
    "last_day = excluded.last_day, time_zone = excluded.time_zone, hotline = excluded.hotline, "
    "description = excluded.description, travel_buffer = excluded.travel_buffer, "
    "max_hours_per_day = excluded.max_hours_per_day, max_duties = excluded.max_duties, "
    "name_order = excluded.name_order",
    "UPDATE plan SET title = ?3, theme = ?4, organiser = ?5, first_day = ?6, last_day = ?7, "
    "time_zone = ?8, hotline = ?9, description = ?10, travel_buffer = ?11, "
    "max_hours_per_day = ?12, max_duties = ?13, name_order = ?14 WHERE id = ?1",
    "DELETE FROM plan WHERE id = ?1",
    ORDER_SQL ("plan"),
    bind_plan,
  },
  [E_COMMITTEE] = {
    "committee", TRUE,
    "INSERT INTO committee (id, list_order, plan_id, name, position) "
    "VALUES (?1, ?2, ?3, ?4, ?5) "
    "ON CONFLICT (id) DO UPDATE SET list_order = excluded.list_order, plan_id = excluded.plan_id, "
    "name = excluded.name, position = excluded.position",
    "UPDATE committee SET name = ?4, position = ?5 WHERE id = ?1",
    "DELETE FROM committee WHERE id = ?1",
    ORDER_SQL ("committee"),
    bind_committee,
  },
  [E_MEMBER] = {
    "committee_member", TRUE,
    "INSERT INTO committee_member (id, list_order, committee_id, person_id, role) "
    "VALUES (?1, ?2, ?3, ?4, ?5) "
    "ON CONFLICT (id) DO UPDATE SET list_order = excluded.list_order, "
    "committee_id = excluded.committee_id, person_id = excluded.person_id, role = excluded.role",
    "UPDATE committee_member SET person_id = ?4, role = ?5 WHERE id = ?1",
    "DELETE FROM committee_member WHERE id = ?1",
    ORDER_SQL ("committee_member"),
    bind_member,
  },
  [E_SLOT] = {
    "slot", TRUE,
    "INSERT INTO slot (id, list_order, plan_id, uid, sequence, kind, title, start, \"end\", "
    "location, description) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) "
    "ON CONFLICT (id) DO UPDATE SET list_order = excluded.list_order, plan_id = excluded.plan_id, "
    "uid = excluded.uid, sequence = excluded.sequence, kind = excluded.kind, "
    "title = excluded.title, start = excluded.start, \"end\" = excluded.\"end\", "
    "location = excluded.location, description = excluded.description",
    "UPDATE slot SET uid = ?4, sequence = ?5, kind = ?6, title = ?7, start = ?8, \"end\" = ?9, "
    "location = ?10, description = ?11 WHERE id = ?1",
    "DELETE FROM slot WHERE id = ?1",
    ORDER_SQL ("slot"),
    bind_slot,
  },
  [E_DUTY] = {
    "duty", TRUE,
    "INSERT INTO duty (id, list_order, slot_id, name, count, department_id, position, skills) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) "
    "ON CONFLICT (id) DO UPDATE SET list_order = excluded.list_order, slot_id = excluded.slot_id, "
    "name = excluded.name, count = excluded.count, department_id = excluded.department_id, "
    "position = excluded.position, skills = excluded.skills",
    "UPDATE duty SET name = ?4, count = ?5, department_id = ?6, position = ?7, skills = ?8 "
    "WHERE id = ?1",
    "DELETE FROM duty WHERE id = ?1",
    ORDER_SQL ("duty"),
    bind_duty,
  },
  [E_ASSIGNMENT] = {
    "assignment", TRUE,
    "INSERT INTO assignment (id, list_order, slot_id, person_id, duty_id, note, pinned) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) "
    "ON CONFLICT (id) DO UPDATE SET list_order = excluded.list_order, slot_id = excluded.slot_id, "
    "person_id = excluded.person_id, duty_id = excluded.duty_id, note = excluded.note, "
    "pinned = excluded.pinned",
    "UPDATE assignment SET person_id = ?4, duty_id = ?5, note = ?6, pinned = ?7 WHERE id = ?1",
    "DELETE FROM assignment WHERE id = ?1",
    ORDER_SQL ("assignment"),
    bind_assignment,
  },
  [E_VISIT_TARGET] = {
    "visit_target", TRUE,
    "INSERT INTO visit_target (id, list_order, slot_id, name, address, contact, phone) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) "
    "ON CONFLICT (id) DO UPDATE SET list_order = excluded.list_order, slot_id = excluded.slot_id, "
    "name = excluded.name, address = excluded.address, contact = excluded.contact, "
    "phone = excluded.phone",
    "UPDATE visit_target SET name = ?4, address = ?5, contact = ?6, phone = ?7 WHERE id = ?1",
    "DELETE FROM visit_target WHERE id = ?1",
    ORDER_SQL ("visit_target"),
    bind_visit_target,
  },
  [E_TASK] = {
    "task", TRUE,
    "INSERT INTO task (id, list_order, plan_id, uid, sequence, title, department_id, person_id, "
    "due, status, slot_id, notes) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) "
    "ON CONFLICT (id) DO UPDATE SET list_order = excluded.list_order, plan_id = excluded.plan_id, "
    "uid = excluded.uid, sequence = excluded.sequence, title = excluded.title, "
    "department_id = excluded.department_id, person_id = excluded.person_id, due = excluded.due, "
    "status = excluded.status, slot_id = excluded.slot_id, notes = excluded.notes",
    "UPDATE task SET uid = ?4, sequence = ?5, title = ?6, department_id = ?7, person_id = ?8, "
    "due = ?9, status = ?10, slot_id = ?11, notes = ?12 WHERE id = ?1",
    "DELETE FROM task WHERE id = ?1",
    ORDER_SQL ("task"),
    bind_task,
  },
  [E_ACCEPTANCE] = {
    "acceptance", TRUE,
    "INSERT INTO acceptance (id, list_order, plan_id, kind, person_id, slot_id, situation, note) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) "
    "ON CONFLICT (id) DO UPDATE SET list_order = excluded.list_order, plan_id = excluded.plan_id, "
    "kind = excluded.kind, person_id = excluded.person_id, slot_id = excluded.slot_id, "
    "situation = excluded.situation, note = excluded.note",
    "UPDATE acceptance SET kind = ?4, person_id = ?5, slot_id = ?6, situation = ?7, note = ?8 "
    "WHERE id = ?1",
    "DELETE FROM acceptance WHERE id = ?1",
    ORDER_SQL ("acceptance"),
    bind_acceptance,
  },
};

int
sw_store_first_field (SwStoreEntity entity)
{
  return sw_store_entities[entity].has_owner ? 4 : 3;
}

/* ------------------------------------------------------------------ */
/* Walking what an object owns                                        */


static gboolean
foreach_in_list (SwStore           *self,
                 GListModel        *list,
                 SwStoreEntity      entity,
                 gint64             owner_id,
                 SwStoreChildFunc   func,
                 GError           **error)
{
  guint n = g_list_model_get_n_items (list);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) child = g_list_model_get_item (list, i);

      if (!func (self, entity, child, owner_id, (int) i, error))
        return FALSE;
    }

  return TRUE;
}

/* Calls @func on every object @object owns directly, owners before what
 * refers to them (duties before assignments, slots before tasks). */
gboolean
sw_store_foreach_child (SwStore           *self,
                        SwStoreEntity      entity,
                        gpointer           object,
                        SwStoreChildFunc   func,
                        GError           **error)
{
  gint64 id = sw_store_entity_get_id (entity, object);

  switch (entity)
    {
    case E_PERSON:
      return foreach_in_list (self, sw_person_get_unavailability (object), E_UNAVAILABILITY, id, func, error);

    case E_PLAN:
      return foreach_in_list (self, sw_plan_get_committees (object), E_COMMITTEE, id, func, error) &&
             foreach_in_list (self, sw_plan_get_slots (object), E_SLOT, id, func, error) &&
             foreach_in_list (self, sw_plan_get_tasks (object), E_TASK, id, func, error) &&
             foreach_in_list (self, sw_plan_get_accepted (object), E_ACCEPTANCE, id, func, error);

    case E_COMMITTEE:
      return foreach_in_list (self, sw_committee_get_members (object), E_MEMBER, id, func, error);

    case E_SLOT:
      return foreach_in_list (self, sw_slot_get_duties (object), E_DUTY, id, func, error) &&
             foreach_in_list (self, sw_slot_get_assignments (object), E_ASSIGNMENT, id, func, error) &&
             foreach_in_list (self, sw_slot_get_visit_targets (object), E_VISIT_TARGET, id, func, error);

    case E_DEPARTMENT:
    case E_UNAVAILABILITY:
    case E_MEMBER:
    case E_DUTY:
    case E_ASSIGNMENT:
    case E_VISIT_TARGET:
    case E_TASK:
    case E_ACCEPTANCE:
      return TRUE;

    case E_NONE:
    default:
      g_assert_not_reached ();
    }
}

/* ------------------------------------------------------------------ */
/* Ids                                                                */

static gboolean
give_id (SwStore        *self,
         SwStoreEntity   entity,
         gpointer        object,
         GError        **error)
{
  if (sw_store_entity_get_id (entity, object) != 0)
    return TRUE;

  if (self->next_id[entity] == 0)
    {
      sqlite3_stmt *stmt;
      int rc;

      stmt = sw_store_get_stmt (self, "SELECT seq FROM sqlite_sequence WHERE name = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sw_store_bind_text (stmt, 1, sw_store_entities[entity].table);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        self->next_id[entity] = sqlite3_column_int64 (stmt, 0) + 1;
      else if (rc == SQLITE_DONE)
        self->next_id[entity] = 1;
      else
        {
          sw_store_set_save_error (self, error, sqlite3_reset (stmt));
          return FALSE;
        }
      sqlite3_reset (stmt);
    }

  sw_store_entity_set_id (entity, object, self->next_id[entity]++);
  g_ptr_array_add (self->given_ids, g_object_ref (object));

  return TRUE;
}

static gboolean
give_ids_cb (SwStore        *self,
             SwStoreEntity   entity,
             gpointer        object,
             gint64          owner_id,
             int             index,
             GError        **error)
{
  return give_id (self, entity, object, error) &&
         sw_store_foreach_child (self, entity, object, give_ids_cb, error);
}

gboolean
sw_store_is_organiser_list (SwListCommand *command)
{
  return g_str_equal (sw_list_command_get_list (command), "organisers");
}

/* Gives an id to every object the command adds that has none yet. */
gboolean
sw_store_give_ids (SwStore    *self,
                   SwCommand  *command,
                   gboolean    reverting,
                   GError    **error)
{
  if (SW_IS_COMMAND_GROUP (command))
    {
      guint n = sw_command_group_get_size (SW_COMMAND_GROUP (command));

      for (guint i = 0; i < n; i++)
        if (!sw_store_give_ids (self, sw_command_group_get_child (SW_COMMAND_GROUP (command), i),
                                reverting, error))
          return FALSE;
    }
  else if (SW_IS_LIST_COMMAND (command))
    {
      SwListCommand *list_command = SW_LIST_COMMAND (command);
      GObject *item = sw_list_command_get_item (list_command);
      SwStoreEntity entity = sw_store_entity_of (item);

      if (entity != E_NONE &&
          !sw_store_is_organiser_list (list_command) &&
          sw_list_command_adds_item (list_command, reverting))
        return give_ids_cb (self, entity, item, 0, 0, error);
    }

  return TRUE;
}
