/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sw-plan-file-internal.h"

void
sw_plan_file_importer_clear (SwPlanFileImporter *self)
{
  g_clear_pointer (&self->departments, g_hash_table_unref);
  g_clear_pointer (&self->new_departments, g_ptr_array_unref);
  g_clear_pointer (&self->people, g_hash_table_unref);
  g_clear_pointer (&self->new_people, g_ptr_array_unref);
  g_clear_pointer (&self->added_periods, g_ptr_array_unref);
  g_clear_pointer (&self->periods, g_ptr_array_unref);
  g_clear_pointer (&self->slots, g_hash_table_unref);
  g_clear_pointer (&self->task_uids, g_hash_table_unref);
  g_clear_object (&self->plan);
}

void
sw_plan_file_importer_init (SwPlanFileImporter *self,
                            SwOrganisation     *org)
{
  self->org = org;
  self->departments = g_hash_table_new (g_str_hash, g_str_equal);
  self->new_departments = g_ptr_array_new_with_free_func (g_object_unref);
  self->people = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->new_people = g_ptr_array_new_with_free_func (g_object_unref);
  self->added_periods = g_ptr_array_new_with_free_func (g_object_unref);
  self->periods = g_ptr_array_new_with_free_func (g_object_unref);
  self->slots = g_hash_table_new (g_str_hash, g_str_equal);
  self->task_uids = g_hash_table_new (g_str_hash, g_str_equal);
  self->plan = NULL;
}

/* Reads and checks the whole file into objects that are not yet part of
 * the organisation. */
gboolean
sw_plan_file_importer_read (SwPlanFileImporter  *self,
                            GBytes              *bytes,
                            GError             **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  const char *data;
  gsize size;
  JsonNode *root;
  JsonObject *object;

  data = g_bytes_get_data (bytes, &size);

  if (data == NULL || size == 0)
    return sw_plan_file_fail (error, SW_IMPORT_ERROR_SYNTAX, _("file"), _("empty"));

  if (!g_utf8_validate (data, size, NULL))
    return sw_plan_file_fail (error, SW_IMPORT_ERROR_SYNTAX, _("file"), _("not UTF-8 text"));

  /* json-glib 1.6 loses memory on a text holding two values (“1{}”),
   * which is not JSON anyway: turned away before parsing. */
  if (sw_plan_file_has_text_after_value (data, size))
    return sw_plan_file_fail (error, SW_IMPORT_ERROR_SYNTAX, _("file"),
                              _("not JSON: more text after the end of the first value"));

  if (!json_parser_load_from_data (parser, data, size, &local_error))
    return sw_plan_file_fail (error, SW_IMPORT_ERROR_SYNTAX, _("file"),
                              _("not JSON: %s"), local_error->message);

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return sw_plan_file_fail (error, SW_IMPORT_ERROR_FORMAT, _("file"),
                              _("not a plan file (expected an object)"));

  object = json_node_get_object (root);

  return sw_plan_file_read_header (object, error) &&
         sw_plan_file_read_plan (self, object, error) &&
         sw_plan_file_read_departments (self, object, error) &&
         sw_plan_file_read_people (self, object, error) &&
         sw_plan_file_read_committees (self, object, error) &&
         sw_plan_file_read_slots (self, object, error) &&
         sw_plan_file_read_tasks (self, object, error) &&
         sw_plan_file_read_accepted (self, object, error);
}

static gboolean
uid_is_taken (SwOrganisation *org,
              const char     *uid)
{
  GListModel *plans = sw_organisation_get_plans (org);
  guint n_plans = g_list_model_get_n_items (plans);

  for (guint i = 0; i < n_plans; i++)
    {
      g_autoptr(SwPlan) plan = g_list_model_get_item (plans, i);
      GListModel *tasks;
      guint n_tasks;

      if (sw_plan_find_slot_by_uid (plan, uid) != NULL)
        return TRUE;

      tasks = sw_plan_get_tasks (plan);
      n_tasks = g_list_model_get_n_items (tasks);
      for (guint j = 0; j < n_tasks; j++)
        {
          g_autoptr(SwTask) task = g_list_model_get_item (tasks, j);

          if (g_strcmp0 (sw_task_get_uid (task), uid) == 0)
            return TRUE;
        }
    }

  return FALSE;
}

/* Calendar UIDs must stay unique in the database: a plan imported twice
 * gets fresh ones. */
void
sw_plan_file_importer_renew_uids (SwPlanFileImporter *self,
                                  gboolean            always)
{
  GListModel *slots = sw_plan_get_slots (self->plan);
  GListModel *tasks = sw_plan_get_tasks (self->plan);
  guint n_slots = g_list_model_get_n_items (slots);
  guint n_tasks = g_list_model_get_n_items (tasks);
  gboolean renew = always;

  for (guint i = 0; !renew && i < n_slots; i++)
    {
      g_autoptr(SwSlot) slot = g_list_model_get_item (slots, i);

      renew = uid_is_taken (self->org, sw_slot_get_uid (slot));
    }
  for (guint i = 0; !renew && i < n_tasks; i++)
    {
      g_autoptr(SwTask) task = g_list_model_get_item (tasks, i);

      renew = uid_is_taken (self->org, sw_task_get_uid (task));
    }

  if (!renew)
    return;

  /* The uid tables point into the objects' strings. */
  g_hash_table_remove_all (self->slots);
  g_hash_table_remove_all (self->task_uids);

  for (guint i = 0; i < n_slots; i++)
    {
      g_autoptr(SwSlot) slot = g_list_model_get_item (slots, i);
      g_autofree char *uid = g_uuid_string_random ();

      sw_slot_set_uid (slot, uid);
    }
  for (guint i = 0; i < n_tasks; i++)
    {
      g_autoptr(SwTask) task = g_list_model_get_item (tasks, i);
      g_autofree char *uid = g_uuid_string_random ();

      sw_task_set_uid (task, uid);
    }
}

/* Moves every day and time of the plan by @days days. */
void
sw_plan_file_importer_shift (SwPlanFileImporter *self,
                             int                 days)
{
  GListModel *slots = sw_plan_get_slots (self->plan);
  GListModel *tasks = sw_plan_get_tasks (self->plan);
  gint64 minutes = (gint64) days * 24 * 60;
  guint n;

  if (days == 0)
    return;

  /* Keep last >= first at every step. */
  if (days > 0)
    {
      sw_plan_set_last_day (self->plan, sw_plan_get_last_day (self->plan) + days);
      sw_plan_set_first_day (self->plan, sw_plan_get_first_day (self->plan) + days);
    }
  else
    {
      sw_plan_set_first_day (self->plan, sw_plan_get_first_day (self->plan) + days);
      sw_plan_set_last_day (self->plan, sw_plan_get_last_day (self->plan) + days);
    }

  n = g_list_model_get_n_items (slots);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwSlot) slot = g_list_model_get_item (slots, i);
      gint64 start = sw_slot_get_start (slot) + minutes;
      gint64 end = sw_slot_get_end (slot) + minutes;

      if (days > 0)
        {
          sw_slot_set_end (slot, end);
          sw_slot_set_start (slot, start);
        }
      else
        {
          sw_slot_set_start (slot, start);
          sw_slot_set_end (slot, end);
        }
    }

  n = g_list_model_get_n_items (tasks);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwTask) task = g_list_model_get_item (tasks, i);

      if (sw_task_get_due (task) != SW_TIME_UNSET)
        sw_task_set_due (task, sw_task_get_due (task) + minutes);
    }

  for (guint i = 0; i < self->periods->len; i++)
    {
      SwUnavailability *period = g_ptr_array_index (self->periods, i);
      gint64 start = sw_unavailability_get_start (period) + minutes;
      gint64 end = sw_unavailability_get_end (period) + minutes;

      if (days > 0)
        {
          sw_unavailability_set_end (period, end);
          sw_unavailability_set_start (period, start);
        }
      else
        {
          sw_unavailability_set_start (period, start);
          sw_unavailability_set_end (period, end);
        }
    }
}

/* Where @period goes in the sorted busy times of @person, counting those
 * this import puts in before it. */
static guint
period_position (SwPerson         *person,
                 SwUnavailability *period,
                 guint             added_before)
{
  GListModel *model = sw_person_get_unavailability (person);
  guint n = g_list_model_get_n_items (model);
  guint position = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwUnavailability) old = g_list_model_get_item (model, i);

      if (sw_unavailability_get_start (old) <= sw_unavailability_get_start (period))
        position++;
    }

  return position + added_before;
}

/* Puts everything read into the organisation as one undo step. */
SwPlan *
sw_plan_file_importer_commit (SwPlanFileImporter  *self,
                              const char          *label,
                              GError             **error)
{
  g_autoptr(SwCommand) group = sw_command_group_new (label);
  g_autoptr(GHashTable) added_per_person = g_hash_table_new (NULL, NULL);
  SwUndoStack *stack = sw_organisation_get_undo_stack (self->org);
  SwPlan *plan = self->plan;

  for (guint i = 0; i < self->new_departments->len; i++)
    sw_command_group_add (SW_COMMAND_GROUP (group),
                          sw_list_command_new_insert (G_OBJECT (self->org), "departments",
                                                      g_ptr_array_index (self->new_departments, i),
                                                      G_MAXUINT));

  for (guint i = 0; i < self->new_people->len; i++)
    sw_command_group_add (SW_COMMAND_GROUP (group),
                          sw_list_command_new_insert (G_OBJECT (self->org), "people",
                                                      g_ptr_array_index (self->new_people, i),
                                                      G_MAXUINT));

  for (guint i = 0; i + 1 < self->added_periods->len; i += 2)
    {
      SwPerson *person = g_ptr_array_index (self->added_periods, i);
      SwUnavailability *period = g_ptr_array_index (self->added_periods, i + 1);
      guint before = GPOINTER_TO_UINT (g_hash_table_lookup (added_per_person, person));

      sw_command_group_add (SW_COMMAND_GROUP (group),
                            sw_list_command_new_insert (G_OBJECT (person), "unavailability",
                                                        period,
                                                        period_position (person, period, before)));
      g_hash_table_insert (added_per_person, person, GUINT_TO_POINTER (before + 1));
    }

  sw_command_group_add (SW_COMMAND_GROUP (group),
                        sw_list_command_new_insert (G_OBJECT (self->org), "plans",
                                                    plan, G_MAXUINT));

  if (!sw_undo_stack_push (stack, g_steal_pointer (&group), error))
    return NULL;

  /* The organisation holds the plan now. */
  return plan;
}

SwPlan *
sw_plan_file_import (SwOrganisation  *org,
                     GBytes          *bytes,
                     GError         **error)
{
  g_auto(SwPlanFileImporter) self = { 0 };
  g_autofree char *label = NULL;

  g_return_val_if_fail (SW_IS_ORGANISATION (org), NULL);
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  sw_plan_file_importer_init (&self, org);

  if (!sw_plan_file_importer_read (&self, bytes, error))
    return NULL;

  sw_plan_file_importer_renew_uids (&self, FALSE);

  label = g_strdup_printf (_("Import plan “%s”"), sw_plan_get_title (self.plan));

  return sw_plan_file_importer_commit (&self, label, error);
}
