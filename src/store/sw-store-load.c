/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sw-store-internal.h"

/* ------------------------------------------------------------------ */
/* Loading                                                            */

typedef struct
{
  SwStore        *self;
  SwOrganisation *target;        /* the organisation being filled */
  GHashTable     *maps[N_ENTITIES];  /* gint64 id → object (borrowed) */
  GHashTable     *pending;       /* list → GPtrArray of the items a table adds to it */
} Loader;

static void
loader_add (Loader        *loader,
            SwStoreEntity  entity,
            gint64         id,
            gpointer       object)
{
  g_hash_table_insert (loader->maps[entity], g_memdup2 (&id, sizeof id), object);
}

static gpointer
loader_find (Loader        *loader,
             SwStoreEntity  entity,
             sqlite3_stmt  *stmt,
             int            column)
{
  gint64 id;

  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return NULL;
  id = sqlite3_column_int64 (stmt, column);

  return g_hash_table_lookup (loader->maps[entity], &id);
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text != NULL ? text : "";
}

static void
set_corrupt (Loader      *loader,
             GError     **error,
             const char  *table,
             const char  *what)
{
  if (error != NULL && *error != NULL)
    return;

  g_set_error (error, SW_STORE_ERROR, SW_STORE_ERROR_CORRUPT,
               _("The database “%s” is damaged: bad %s in table %s"),
               loader->self->path, what, table);
}

static gboolean
column_time (Loader        *loader,
             sqlite3_stmt  *stmt,
             int            column,
             const char    *table,
             gint64        *out,
             GError       **error)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    {
      *out = SW_TIME_UNSET;
      return TRUE;
    }

  if (!sw_time_parse_datetime (column_text (stmt, column), out, NULL))
    {
      set_corrupt (loader, error, table, sqlite3_column_name (stmt, column));
      return FALSE;
    }

  return TRUE;
}

static gboolean
column_day (Loader        *loader,
            sqlite3_stmt  *stmt,
            int            column,
            const char    *table,
            int           *out,
            GError       **error)
{
  if (!sw_time_parse_date (column_text (stmt, column), out, NULL))
    {
      set_corrupt (loader, error, table, sqlite3_column_name (stmt, column));
      return FALSE;
    }

  return TRUE;
}

static gboolean
column_nick (Loader        *loader,
             sqlite3_stmt  *stmt,
             int            column,
             const char    *table,
             GType          type,
             int           *out,
             GError       **error)
{
  if (!sw_enum_from_nick (type, column_text (stmt, column), out))
    {
      set_corrupt (loader, error, table, sqlite3_column_name (stmt, column));
      return FALSE;
    }

  return TRUE;
}

/* Rows come by position across all parents, so each list's new items
 * are kept until the table is read, then added in one go: one
 * items-changed per list rather than one per row. */
static void
list_append (Loader     *loader,
             GListModel *list,
             gpointer    item)
{
  GPtrArray *items = g_hash_table_lookup (loader->pending, list);

  if (items == NULL)
    {
      items = g_ptr_array_new_with_free_func (g_object_unref);
      g_hash_table_insert (loader->pending, list, items);
    }
  g_ptr_array_add (items, g_object_ref (item));
}

static void
add_pending (Loader *loader)
{
  GHashTableIter iter;
  gpointer list, items;

  g_hash_table_iter_init (&iter, loader->pending);
  while (g_hash_table_iter_next (&iter, &list, &items))
    {
      GListStore *store = G_LIST_STORE (list);
      GPtrArray *array = items;

      g_list_store_splice (store, g_list_model_get_n_items (list), 0, array->pdata, array->len);
    }
  g_hash_table_remove_all (loader->pending);
}

typedef gboolean (*RowFunc) (Loader        *loader,
                             sqlite3_stmt  *stmt,
                             GError       **error);

static gboolean
load_table (Loader      *loader,
            const char  *sql,
            RowFunc      func,
            GError     **error)
{
  SwStore *self = loader->self;
  sqlite3_stmt *stmt;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      sw_store_set_sqlite_error (error, self->db, rc, self->path, _("Could not read the database"));
      sqlite3_finalize (stmt);
      return FALSE;
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (!func (loader, stmt, error))
        {
          sqlite3_finalize (stmt);
          return FALSE;
        }
    }

  if (rc != SQLITE_DONE)
    {
      sw_store_set_sqlite_error (error, self->db, rc, self->path, _("Could not read the database"));
      sqlite3_finalize (stmt);
      return FALSE;
    }

  sqlite3_finalize (stmt);
  add_pending (loader);

  return TRUE;
}

static gboolean
row_department (Loader        *loader,
                sqlite3_stmt  *stmt,
                GError       **error)
{
  g_autoptr(SwDepartment) d = sw_department_new (column_text (stmt, 1));
  gint64 id = sqlite3_column_int64 (stmt, 0);

  sw_department_set_id (d, id);
  sw_department_set_short_name (d, column_text (stmt, 2));
  sw_department_set_color (d, column_text (stmt, 3));
  sw_department_set_position (d, sqlite3_column_int (stmt, 4));
  loader_add (loader, E_DEPARTMENT, id, d);
  list_append (loader, sw_organisation_get_departments (loader->target), d);

  return TRUE;
}

static char **
column_skills (sqlite3_stmt *stmt,
               int           index)
{
  g_auto(GStrv) lines = g_strsplit (column_text (stmt, index), "\n", -1);

  return sw_skills_normalize ((const char *const *) lines);
}

static gboolean
row_person (Loader        *loader,
            sqlite3_stmt  *stmt,
            GError       **error)
{
  g_autoptr(SwPerson) p = NULL;
  gint64 id = sqlite3_column_int64 (stmt, 0);

  p = sw_person_new (column_text (stmt, 1), loader_find (loader, E_DEPARTMENT, stmt, 2));
  sw_person_set_id (p, id);
  sw_person_set_title (p, column_text (stmt, 3));
  sw_person_set_phone (p, column_text (stmt, 4));
  sw_person_set_email (p, column_text (stmt, 5));
  sw_person_set_notes (p, column_text (stmt, 6));
  sw_person_set_active (p, sqlite3_column_int (stmt, 7) != 0);
  {
    g_auto(GStrv) skills = column_skills (stmt, 8);

    sw_person_set_skills (p, (const char *const *) skills);
  }
  loader_add (loader, E_PERSON, id, p);
  list_append (loader, sw_organisation_get_people (loader->target), p);

  return TRUE;
}

static gboolean
row_unavailability (Loader        *loader,
                    sqlite3_stmt  *stmt,
                    GError       **error)
{
  g_autoptr(SwUnavailability) u = NULL;
  SwPerson *person = loader_find (loader, E_PERSON, stmt, 1);
  gint64 start, end;

  if (person == NULL)
    {
      set_corrupt (loader, error, "unavailability", "person_id");
      return FALSE;
    }
  if (!column_time (loader, stmt, 2, "unavailability", &start, error) ||
      !column_time (loader, stmt, 3, "unavailability", &end, error))
    return FALSE;

  u = sw_unavailability_new (start, end, column_text (stmt, 4));
  sw_unavailability_set_id (u, sqlite3_column_int64 (stmt, 0));
  list_append (loader, sw_person_get_unavailability (person), u);

  return TRUE;
}

static gboolean
row_plan (Loader        *loader,
          sqlite3_stmt  *stmt,
          GError       **error)
{
  g_autoptr(SwPlan) p = NULL;
  gint64 id = sqlite3_column_int64 (stmt, 0);
  int first, last, name_order;

  if (!column_day (loader, stmt, 4, "plan", &first, error) ||
      !column_day (loader, stmt, 5, "plan", &last, error) ||
      !column_nick (loader, stmt, 12, "plan", SW_TYPE_NAME_ORDER, &name_order, error))
    return FALSE;

  p = sw_plan_new (column_text (stmt, 1), first, last, column_text (stmt, 6));
  sw_plan_set_id (p, id);
  sw_plan_set_theme (p, column_text (stmt, 2));
  sw_plan_set_organiser (p, column_text (stmt, 3));
  sw_plan_set_hotline (p, column_text (stmt, 7));
  sw_plan_set_description (p, column_text (stmt, 8));
  sw_plan_set_travel_buffer (p, sqlite3_column_int (stmt, 9));
  sw_plan_set_max_hours_per_day (p, sqlite3_column_int (stmt, 10));
  sw_plan_set_max_duties (p, sqlite3_column_int (stmt, 11));
  sw_plan_set_name_order (p, name_order);
  loader_add (loader, E_PLAN, id, p);
  list_append (loader, sw_organisation_get_plans (loader->target), p);

  return TRUE;
}

static gboolean
row_committee (Loader        *loader,
               sqlite3_stmt  *stmt,
               GError       **error)
{
  g_autoptr(SwCommittee) c = NULL;
  SwPlan *plan = loader_find (loader, E_PLAN, stmt, 1);
  gint64 id = sqlite3_column_int64 (stmt, 0);

  if (plan == NULL)
    {
      set_corrupt (loader, error, "committee", "plan_id");
      return FALSE;
    }

  c = sw_committee_new (column_text (stmt, 2));
  sw_committee_set_id (c, id);
  sw_committee_set_position (c, sqlite3_column_int (stmt, 3));
  loader_add (loader, E_COMMITTEE, id, c);
  list_append (loader, sw_plan_get_committees (plan), c);

  return TRUE;
}

static gboolean
row_member (Loader        *loader,
            sqlite3_stmt  *stmt,
            GError       **error)
{
  g_autoptr(SwCommitteeMember) m = NULL;
  SwCommittee *committee = loader_find (loader, E_COMMITTEE, stmt, 1);
  SwPerson *person = loader_find (loader, E_PERSON, stmt, 2);
  int role;

  if (committee == NULL || person == NULL)
    {
      set_corrupt (loader, error, "committee_member", committee == NULL ? "committee_id" : "person_id");
      return FALSE;
    }
  if (!column_nick (loader, stmt, 3, "committee_member", SW_TYPE_ROLE, &role, error))
    return FALSE;

  m = sw_committee_member_new (person, role);
  sw_committee_member_set_id (m, sqlite3_column_int64 (stmt, 0));
  list_append (loader, sw_committee_get_members (committee), m);

  return TRUE;
}

static gboolean
row_slot (Loader        *loader,
          sqlite3_stmt  *stmt,
          GError       **error)
{
  g_autoptr(SwSlot) s = NULL;
  SwPlan *plan = loader_find (loader, E_PLAN, stmt, 1);
  gint64 id = sqlite3_column_int64 (stmt, 0);
  gint64 start, end;
  int kind;

  if (plan == NULL)
    {
      set_corrupt (loader, error, "slot", "plan_id");
      return FALSE;
    }
  if (!column_nick (loader, stmt, 4, "slot", SW_TYPE_SLOT_KIND, &kind, error) ||
      !column_time (loader, stmt, 6, "slot", &start, error) ||
      !column_time (loader, stmt, 7, "slot", &end, error))
    return FALSE;
  if (start == SW_TIME_UNSET || end == SW_TIME_UNSET)
    {
      set_corrupt (loader, error, "slot", "start");
      return FALSE;
    }

  s = sw_slot_new (kind, column_text (stmt, 5), start, end);
  sw_slot_set_id (s, id);
  sw_slot_set_uid (s, column_text (stmt, 2));
  sw_slot_set_sequence (s, sqlite3_column_int (stmt, 3));
  sw_slot_set_location (s, column_text (stmt, 8));
  sw_slot_set_description (s, column_text (stmt, 9));
  loader_add (loader, E_SLOT, id, s);
  list_append (loader, sw_plan_get_slots (plan), s);

  return TRUE;
}

static gboolean
row_organiser (Loader        *loader,
               sqlite3_stmt  *stmt,
               GError       **error)
{
  SwSlot *slot = loader_find (loader, E_SLOT, stmt, 0);
  SwDepartment *department = loader_find (loader, E_DEPARTMENT, stmt, 1);

  if (slot == NULL || department == NULL)
    {
      set_corrupt (loader, error, "slot_organiser", slot == NULL ? "slot_id" : "department_id");
      return FALSE;
    }

  list_append (loader, sw_slot_get_organisers (slot), department);

  return TRUE;
}

static gboolean
row_duty (Loader        *loader,
          sqlite3_stmt  *stmt,
          GError       **error)
{
  g_autoptr(SwDuty) d = NULL;
  SwSlot *slot = loader_find (loader, E_SLOT, stmt, 1);
  gint64 id = sqlite3_column_int64 (stmt, 0);
  gint64 count = sqlite3_column_int64 (stmt, 3);

  if (slot == NULL)
    {
      set_corrupt (loader, error, "duty", "slot_id");
      return FALSE;
    }
  if (count < 0 || count > G_MAXUINT)
    {
      set_corrupt (loader, error, "duty", "count");
      return FALSE;
    }

  d = sw_duty_new (column_text (stmt, 2), (guint) count, loader_find (loader, E_DEPARTMENT, stmt, 4));
  sw_duty_set_id (d, id);
  sw_duty_set_position (d, sqlite3_column_int (stmt, 5));
  {
    g_auto(GStrv) skills = column_skills (stmt, 6);

    sw_duty_set_skills (d, (const char *const *) skills);
  }
  loader_add (loader, E_DUTY, id, d);
  list_append (loader, sw_slot_get_duties (slot), d);

  return TRUE;
}

static gboolean
row_assignment (Loader        *loader,
                sqlite3_stmt  *stmt,
                GError       **error)
{
  g_autoptr(SwAssignment) a = NULL;
  SwSlot *slot = loader_find (loader, E_SLOT, stmt, 1);
  SwPerson *person = loader_find (loader, E_PERSON, stmt, 2);

  if (slot == NULL || person == NULL)
    {
      set_corrupt (loader, error, "assignment", slot == NULL ? "slot_id" : "person_id");
      return FALSE;
    }

  a = sw_assignment_new (person, loader_find (loader, E_DUTY, stmt, 3));
  sw_assignment_set_id (a, sqlite3_column_int64 (stmt, 0));
  sw_assignment_set_note (a, column_text (stmt, 4));
  sw_assignment_set_pinned (a, sqlite3_column_int (stmt, 5) != 0);
  list_append (loader, sw_slot_get_assignments (slot), a);

  return TRUE;
}

static gboolean
row_visit_target (Loader        *loader,
                  sqlite3_stmt  *stmt,
                  GError       **error)
{
  g_autoptr(SwVisitTarget) v = NULL;
  SwSlot *slot = loader_find (loader, E_SLOT, stmt, 1);

  if (slot == NULL)
    {
      set_corrupt (loader, error, "visit_target", "slot_id");
      return FALSE;
    }

  v = sw_visit_target_new (column_text (stmt, 2));
  sw_visit_target_set_id (v, sqlite3_column_int64 (stmt, 0));
  sw_visit_target_set_address (v, column_text (stmt, 3));
  sw_visit_target_set_contact (v, column_text (stmt, 4));
  sw_visit_target_set_phone (v, column_text (stmt, 5));
  list_append (loader, sw_slot_get_visit_targets (slot), v);

  return TRUE;
}

static gboolean
row_task (Loader        *loader,
          sqlite3_stmt  *stmt,
          GError       **error)
{
  g_autoptr(SwTask) t = NULL;
  SwPlan *plan = loader_find (loader, E_PLAN, stmt, 1);
  gint64 due;
  int status;

  if (plan == NULL)
    {
      set_corrupt (loader, error, "task", "plan_id");
      return FALSE;
    }
  if (!column_time (loader, stmt, 7, "task", &due, error) ||
      !column_nick (loader, stmt, 8, "task", SW_TYPE_TASK_STATUS, &status, error))
    return FALSE;

  t = sw_task_new (column_text (stmt, 4));
  sw_task_set_id (t, sqlite3_column_int64 (stmt, 0));
  sw_task_set_uid (t, column_text (stmt, 2));
  sw_task_set_sequence (t, sqlite3_column_int (stmt, 3));
  sw_task_set_department (t, loader_find (loader, E_DEPARTMENT, stmt, 5));
  sw_task_set_person (t, loader_find (loader, E_PERSON, stmt, 6));
  sw_task_set_due (t, due);
  sw_task_set_status (t, status);
  sw_task_set_slot (t, loader_find (loader, E_SLOT, stmt, 9));
  sw_task_set_notes (t, column_text (stmt, 10));
  list_append (loader, sw_plan_get_tasks (plan), t);

  return TRUE;
}

static gboolean
row_acceptance (Loader        *loader,
                sqlite3_stmt  *stmt,
                GError       **error)
{
  g_autoptr(SwAcceptance) a = NULL;
  SwPlan *plan = loader_find (loader, E_PLAN, stmt, 1);
  SwPerson *person = loader_find (loader, E_PERSON, stmt, 3);
  SwSlot *slot = loader_find (loader, E_SLOT, stmt, 4);
  gint64 id = sqlite3_column_int64 (stmt, 0);
  int kind;

  if (plan == NULL)
    {
      set_corrupt (loader, error, "acceptance", "plan_id");
      return FALSE;
    }
  if (person == NULL)
    {
      set_corrupt (loader, error, "acceptance", "person_id");
      return FALSE;
    }
  /* The slot, when there is one, is of the acceptance's own plan: it
   * goes with the plan's slot when that is deleted. */
  if ((slot == NULL && sqlite3_column_type (stmt, 4) != SQLITE_NULL) ||
      (slot != NULL && sqlite3_column_int64 (stmt, 7) != sw_plan_get_id (plan)))
    {
      set_corrupt (loader, error, "acceptance", "slot_id");
      return FALSE;
    }
  if (!column_nick (loader, stmt, 2, "acceptance", SW_TYPE_PROBLEM_KIND, &kind, error))
    return FALSE;

  a = sw_acceptance_new (kind, person, slot, column_text (stmt, 5), column_text (stmt, 6));
  sw_acceptance_set_id (a, id);
  loader_add (loader, E_ACCEPTANCE, id, a);
  list_append (loader, sw_plan_get_accepted (plan), a);

  return TRUE;
}

/* Fills @target with one query per table, in one read transaction so
 * that the tables agree with each other and with the data_version noted
 * in it. */
gboolean
sw_store_load (SwStore         *self,
               SwOrganisation  *target,
               GError         **error)
{
  static const struct
  {
    const char *sql;
    RowFunc     func;
  } tables[] = {
    { "SELECT id, name, short_name, color, position FROM department "
      "ORDER BY list_order, id", row_department },
    { "SELECT id, name, department_id, title, phone, email, notes, active, skills FROM person "
      "ORDER BY list_order, id", row_person },
    { "SELECT id, person_id, start, \"end\", reason FROM unavailability "
      "ORDER BY list_order, id", row_unavailability },
    { "SELECT id, title, theme, organiser, first_day, last_day, time_zone, hotline, "
      "description, travel_buffer, max_hours_per_day, max_duties, name_order FROM plan "
      "ORDER BY list_order, id", row_plan },
    { "SELECT id, plan_id, name, position FROM committee "
      "ORDER BY list_order, id", row_committee },
    { "SELECT id, committee_id, person_id, role FROM committee_member "
      "ORDER BY list_order, id", row_member },
    { "SELECT id, plan_id, uid, sequence, kind, title, start, \"end\", location, description "
      "FROM slot ORDER BY list_order, id", row_slot },
    { "SELECT slot_id, department_id FROM slot_organiser "
      "ORDER BY list_order", row_organiser },
    { "SELECT id, slot_id, name, count, department_id, position, skills FROM duty "
      "ORDER BY list_order, id", row_duty },
    { "SELECT id, slot_id, person_id, duty_id, note, pinned FROM assignment "
      "ORDER BY list_order, id", row_assignment },
    { "SELECT id, slot_id, name, address, contact, phone FROM visit_target "
      "ORDER BY list_order, id", row_visit_target },
    { "SELECT id, plan_id, uid, sequence, title, department_id, person_id, due, status, "
      "slot_id, notes FROM task ORDER BY list_order, id", row_task },
    { "SELECT a.id, a.plan_id, a.kind, a.person_id, a.slot_id, a.situation, a.note, s.plan_id "
      "FROM acceptance AS a LEFT JOIN slot AS s ON s.id = a.slot_id "
      "ORDER BY a.list_order, a.id", row_acceptance },
  };
  Loader loader = { self, target, { NULL }, NULL };
  gboolean ok = TRUE;
  gint64 data_version = 0;
  int rc;

  for (guint i = 0; i < N_ENTITIES; i++)
    loader.maps[i] = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  loader.pending = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);

  rc = sqlite3_exec (self->db, "BEGIN", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      sw_store_set_sqlite_error (error, self->db, rc, self->path, _("Could not read the database"));
      ok = FALSE;
    }

  for (guint i = 0; ok && i < G_N_ELEMENTS (tables); i++)
    ok = load_table (&loader, tables[i].sql, tables[i].func, error);

  /* Read inside the transaction: the version of what was just read. */
  if (ok)
    {
      int version_rc = sw_store_query_single (self->db, "PRAGMA data_version", &data_version, NULL);

      if (version_rc != SQLITE_OK)
        {
          sw_store_set_sqlite_error (error, self->db, version_rc, self->path,
                                     _("Could not read the database"));
          ok = FALSE;
        }
      else
        self->data_version = data_version;
    }

  if (rc == SQLITE_OK)
    sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL);

  for (guint i = 0; i < N_ENTITIES; i++)
    g_hash_table_unref (loader.maps[i]);
  g_hash_table_unref (loader.pending);

  return ok;
}
