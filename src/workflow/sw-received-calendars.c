/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "sw-received-calendars.h"

#define PERSON_PREFIX "person:"
#define DEPARTMENT_PREFIX "department:"

static void
index_by_id (GListModel *model,
             GHashTable *table,
             gint64    (*get_id) (gpointer))
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      gint64 id = get_id (item);

      g_hash_table_insert (table, g_memdup2 (&id, sizeof id), item);
    }
}

static gint64
id_after (const char *key,
          const char *prefix)
{
  return g_ascii_strtoll (key + strlen (prefix), NULL, 10);
}

gboolean
sw_received_calendars_save (SwStore            *store,
                            SwPlan             *plan,
                            GHashTable         *index,
                            const char * const *keys,
                            GError            **error)
{
  SwOrganisation *org;
  g_autoptr(SwReceived) received = NULL;
  g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) departments = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) covered = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) built = NULL;
  g_autoptr(GPtrArray) people = g_ptr_array_new ();

  g_return_val_if_fail (SW_IS_STORE (store), FALSE);
  g_return_val_if_fail (SW_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (keys != NULL, FALSE);

  if (keys[0] == NULL)
    return TRUE;
  org = sw_store_get_organisation (store);
  index_by_id (sw_organisation_get_people (org), by_id, (gint64 (*) (gpointer)) sw_person_get_id);
  index_by_id (sw_organisation_get_departments (org), departments,
               (gint64 (*) (gpointer)) sw_department_get_id);

  /* Who the calendars reached. */
  for (guint i = 0; keys[i] != NULL; i++)
    {
      if (g_str_has_prefix (keys[i], PERSON_PREFIX))
        {
          gint64 id = id_after (keys[i], PERSON_PREFIX);
          SwPerson *person = g_hash_table_lookup (by_id, &id);

          if (person != NULL)
            g_ptr_array_add (people, person);
        }
      else if (g_str_has_prefix (keys[i], DEPARTMENT_PREFIX))
        {
          gint64 id = id_after (keys[i], DEPARTMENT_PREFIX);
          SwDepartment *department = g_hash_table_lookup (departments, &id);
          g_autoptr(GPtrArray) members = NULL;

          if (department == NULL)
            continue;
          members = sw_organisation_dup_department_people (org, department);
          for (guint j = 0; j < members->len; j++)
            g_ptr_array_add (people, g_ptr_array_index (members, j));
        }
    }
  for (guint i = 0; i < people->len; i++)
    {
      gint64 id = sw_person_get_id (g_ptr_array_index (people, i));

      g_hash_table_add (covered, g_memdup2 (&id, sizeof id));
    }
  /* Without the duties as built, the plan as it is (nothing changed it
   * since, for a caller that builds and saves in one go). */
  if (index == NULL)
    index = built = sw_received_index_plan_for (plan, covered);

  /* Only the people reached are saved: what the others received stays
   * as it is, unread. */
  received = sw_received_new ();
  for (guint i = 0; i < people->len; i++)
    sw_received_record (received, index, g_ptr_array_index (people, i));

  return sw_store_save_received (store, plan, received, error);
}
