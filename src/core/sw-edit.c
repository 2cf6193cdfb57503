/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sw-acceptance.h"
#include "sw-command-group.h"
#include "sw-committee.h"
#include "sw-committee-member.h"
#include "sw-edit.h"
#include "sw-list-model.h"
#include "sw-error.h"
#include "sw-list-command.h"
#include "sw-property-command.h"
#include "sw-unavailability.h"

static SwCommand *
set_object_command (gpointer    object,
                    const char *property,
                    gpointer    value)
{
  g_auto(GValue) v = G_VALUE_INIT;

  g_value_init (&v, G_TYPE_OBJECT);
  g_value_set_object (&v, value);

  return sw_property_command_new (object, property, &v);
}

static SwCommand *
set_int64_command (gpointer    object,
                   const char *property,
                   gint64      value)
{
  g_auto(GValue) v = G_VALUE_INIT;

  g_value_init (&v, G_TYPE_INT64);
  g_value_set_int64 (&v, value);

  return sw_property_command_new (object, property, &v);
}

/* Pushes @command into the open group; a no-op after an earlier failure so
 * that a sequence of pushes can be written as a chain. */
static gboolean
push (SwUndoStack  *stack,
      gboolean      ok,
      SwCommand    *command,
      GError      **error)
{
  if (!ok)
    {
      g_clear_object (&command);
      return FALSE;
    }

  return sw_undo_stack_push (stack, command, error);
}

/* Closes the group opened by an edit: commits it, or cancels it when a
 * push failed. */
static gboolean
finish (SwUndoStack  *stack,
        gboolean      ok,
        GError      **error)
{
  if (!ok)
    {
      sw_undo_stack_cancel_group (stack);
      return FALSE;
    }

  return sw_undo_stack_end_group (stack, error);
}

static const char *
person_label (SwPerson *person)
{
  const char *name = sw_person_get_name (person);

  return name[0] != '\0' ? name : _("Unnamed person");
}

static char *
item_label (GObject    *owner,
            const char *list,
            GObject    *item,
            gboolean    adding)
{
  const char *label;

  if (g_str_equal (list, "organisers"))
    label = adding ? _("Add organiser") : _("Remove organiser");
  else if (SW_IS_DEPARTMENT (item))
    label = adding ? _("Add department") : _("Delete department");
  else if (SW_IS_PERSON (item))
    label = adding ? _("Add person") : _("Delete person");
  else if (SW_IS_UNAVAILABILITY (item))
    label = adding ? _("Add busy time") : _("Delete busy time");
  else if (SW_IS_COMMITTEE (item))
    label = adding ? _("Add committee") : _("Delete committee");
  else if (SW_IS_COMMITTEE_MEMBER (item))
    label = adding ? _("Add committee member") : _("Remove committee member");
  else if (SW_IS_SLOT (item))
    label = adding ? _("Add slot") : _("Delete slot");
  else if (SW_IS_DUTY (item))
    label = adding ? _("Add duty") : _("Delete duty");
  else if (SW_IS_ASSIGNMENT (item))
    label = adding ? _("Add assignment") : _("Remove assignment");
  else if (SW_IS_VISIT_TARGET (item))
    label = adding ? _("Add visit target") : _("Delete visit target");
  else if (SW_IS_TASK (item))
    label = adding ? _("Add task") : _("Delete task");
  else if (SW_IS_PLAN (item))
    label = adding ? _("Add plan") : _("Delete plan");
  else if (SW_IS_ACCEPTANCE (item))
    label = adding ? _("Accept problem") : _("Stop accepting problem");
  else
    label = adding ? _("Add item") : _("Remove item");

  return g_strdup (label);
}

/* The list property @list of @owner, checked to hold items like @item. */
static GListModel *
dup_list (GObject     *owner,
          const char  *list,
          GObject     *item,
          GError     **error)
{
  g_autoptr(GListModel) model = NULL;
  GParamSpec *pspec;

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (owner), list);
  if (pspec == NULL ||
      !g_type_is_a (G_PARAM_SPEC_VALUE_TYPE (pspec), G_TYPE_LIST_MODEL) ||
      (pspec->flags & G_PARAM_READABLE) == 0)
    {
      g_set_error (error, SW_CORE_ERROR, SW_CORE_ERROR_INVALID,
                   _("%s has no list “%s”"), G_OBJECT_TYPE_NAME (owner), list);
      return NULL;
    }

  g_object_get (owner, list, &model, NULL);

  if (!G_IS_LIST_STORE (model) ||
      !G_TYPE_CHECK_INSTANCE_TYPE (item, g_list_model_get_item_type (model)))
    {
      g_set_error (error, SW_CORE_ERROR, SW_CORE_ERROR_INVALID,
                   _("A %s cannot be put in the list “%s” of %s"),
                   G_OBJECT_TYPE_NAME (item), list, G_OBJECT_TYPE_NAME (owner));
      return NULL;
    }

  return g_steal_pointer (&model);
}

static gboolean
check_assignment (SwSlot        *slot,
                  SwPerson      *person,
                  SwDuty        *duty,
                  GError       **error)
{
  if (person == NULL)
    {
      g_set_error_literal (error, SW_CORE_ERROR, SW_CORE_ERROR_INVALID,
                           _("An assignment needs a person"));
      return FALSE;
    }

  if (sw_slot_find_assignment (slot, person) != NULL)
    {
      g_set_error (error, SW_CORE_ERROR, SW_CORE_ERROR_CONFLICT,
                   _("%s is already on “%s”"),
                   person_label (person), sw_slot_get_title (slot));
      return FALSE;
    }

  if (duty != NULL && !sw_list_model_find (sw_slot_get_duties (slot), duty, NULL))
    {
      g_set_error (error, SW_CORE_ERROR, SW_CORE_ERROR_CONFLICT,
                   _("The duty “%s” is not one of “%s”"),
                   sw_duty_get_name (duty), sw_slot_get_title (slot));
      return FALSE;
    }

  return TRUE;
}

/* Where @item goes in @model: lists documented as kept in order (the
 * roster's departments by position, a person's busy times by start) keep
 * that order, after equal items; every other list appends. */
static guint
insert_position (GObject    *owner,
                 const char *list,
                 GObject    *item,
                 GListModel *model)
{
  guint n = g_list_model_get_n_items (model);

  if (SW_IS_ORGANISATION (owner) && SW_IS_DEPARTMENT (item) &&
      g_str_equal (list, "departments"))
    {
      int position = sw_department_get_position (SW_DEPARTMENT (item));

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(SwDepartment) other = g_list_model_get_item (model, i);

          if (sw_department_get_position (other) > position)
            return i;
        }
    }
  else if (SW_IS_PERSON (owner) && SW_IS_UNAVAILABILITY (item) &&
           g_str_equal (list, "unavailability"))
    {
      gint64 start = sw_unavailability_get_start (SW_UNAVAILABILITY (item));

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(SwUnavailability) other = g_list_model_get_item (model, i);

          if (sw_unavailability_get_start (other) > start)
            return i;
        }
    }

  return G_MAXUINT;
}

gboolean
sw_edit_add (SwOrganisation  *org,
             gpointer         owner,
             const char      *list,
             gpointer         item,
             GError         **error)
{
  g_autoptr(GListModel) model = NULL;
  g_autofree char *label = NULL;
  SwUndoStack *stack;
  gboolean ok;

  g_return_val_if_fail (SW_IS_ORGANISATION (org), FALSE);
  g_return_val_if_fail (G_IS_OBJECT (owner), FALSE);
  g_return_val_if_fail (list != NULL, FALSE);
  g_return_val_if_fail (G_IS_OBJECT (item), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  model = dup_list (owner, list, item, error);
  if (model == NULL)
    return FALSE;

  if (sw_list_model_find (model, item, NULL))
    {
      g_set_error (error, SW_CORE_ERROR, SW_CORE_ERROR_CONFLICT,
                   _("The %s is already in the list “%s”"),
                   G_OBJECT_TYPE_NAME (item), list);
      return FALSE;
    }

  if (SW_IS_SLOT (owner) && SW_IS_ASSIGNMENT (item) &&
      !check_assignment (owner,
                         sw_assignment_get_person (item),
                         sw_assignment_get_duty (item),
                         error))
    return FALSE;

  stack = sw_organisation_get_undo_stack (org);
  label = item_label (owner, list, item, TRUE);

  sw_undo_stack_begin_group (stack, label);
  ok = push (stack, TRUE,
             sw_list_command_new_insert (owner, list, item,
                                         insert_position (owner, list, item, model)),
             error);

  return finish (stack, ok, error);
}

gboolean
sw_edit_assign (SwOrganisation  *org,
                SwSlot          *slot,
                SwPerson        *person,
                SwDuty          *duty,
                GError         **error)
{
  g_autoptr(SwAssignment) assignment = NULL;
  g_autofree char *label = NULL;
  SwUndoStack *stack;
  gboolean ok;

  g_return_val_if_fail (SW_IS_ORGANISATION (org), FALSE);
  g_return_val_if_fail (SW_IS_SLOT (slot), FALSE);
  g_return_val_if_fail (SW_IS_PERSON (person), FALSE);
  g_return_val_if_fail (duty == NULL || SW_IS_DUTY (duty), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_assignment (slot, person, duty, error))
    return FALSE;

  assignment = sw_assignment_new (person, duty);
  sw_assignment_set_pinned (assignment, TRUE);

  stack = sw_organisation_get_undo_stack (org);
  if (duty != NULL)
    /* Translators: an assignment, as its toast and undo step name it:
     * the person, the duty, then the slot; "韩小军 → 受理报装/咨询（广场服务台）". */
    label = g_strdup_printf (_("%s → %s (%s)"), person_label (person),
                             sw_duty_get_name (duty), sw_slot_get_title (slot));
  else
    /* Translators: a person added to a slot's attendees, as its toast and
     * undo step name it: the person, then the slot. */
    label = g_strdup_printf (_("%s → %s"), person_label (person), sw_slot_get_title (slot));

  sw_undo_stack_begin_group (stack, label);
  ok = push (stack, TRUE,
             sw_list_command_new_insert (G_OBJECT (slot), "assignments", assignment, G_MAXUINT),
             error);

  return finish (stack, ok, error);
}

gboolean
sw_edit_unassign (SwOrganisation  *org,
                  SwSlot          *slot,
                  SwPerson        *person,
                  GError         **error)
{
  g_autofree char *label = NULL;
  SwAssignment *assignment;
  SwUndoStack *stack;
  gboolean ok;

  g_return_val_if_fail (SW_IS_ORGANISATION (org), FALSE);
  g_return_val_if_fail (SW_IS_SLOT (slot), FALSE);
  g_return_val_if_fail (SW_IS_PERSON (person), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  assignment = sw_slot_find_assignment (slot, person);
  if (assignment == NULL)
    {
      g_set_error (error, SW_CORE_ERROR, SW_CORE_ERROR_NOT_FOUND,
                   _("%s is not on “%s”"),
                   person_label (person), sw_slot_get_title (slot));
      return FALSE;
    }

  stack = sw_organisation_get_undo_stack (org);
  label = g_strdup_printf (_("Unassign %s"), person_label (person));

  sw_undo_stack_begin_group (stack, label);
  ok = push (stack, TRUE,
             sw_list_command_new_remove (G_OBJECT (slot), "assignments", assignment),
             error);

  return finish (stack, ok, error);
}

gboolean
sw_edit_move_slot (SwOrganisation  *org,
                   SwSlot          *slot,
                   gint64           start,
                   gint64           end,
                   GError         **error)
{
  SwUndoStack *stack;
  gint64 old_start;
  gint64 old_end;
  gboolean ok = TRUE;

  g_return_val_if_fail (SW_IS_ORGANISATION (org), FALSE);
  g_return_val_if_fail (SW_IS_SLOT (slot), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (end <= start)
    {
      g_set_error_literal (error, SW_CORE_ERROR, SW_CORE_ERROR_INVALID,
                           _("A slot must end after it starts"));
      return FALSE;
    }

  old_start = sw_slot_get_start (slot);
  old_end = sw_slot_get_end (slot);

  if (start == old_start && end == old_end)
    return TRUE;

  stack = sw_organisation_get_undo_stack (org);
  sw_undo_stack_begin_group (stack, _("Move slot"));

  /* Order the two changes so that the slot never ends before it starts,
   * neither on the way there nor, reverted in reverse order, on the way
   * back. */
  if (start < old_end)
    {
      if (start != old_start)
        ok = push (stack, ok, set_int64_command (slot, "start", start), error);
      if (end != old_end)
        ok = push (stack, ok, set_int64_command (slot, "end", end), error);
    }
  else
    {
      if (end != old_end)
        ok = push (stack, ok, set_int64_command (slot, "end", end), error);
      if (start != old_start)
        ok = push (stack, ok, set_int64_command (slot, "start", start), error);
    }

  return finish (stack, ok, error);
}

/* Pushes the commands that delete @slot from @plan, in the open group. */
/* Removes the acceptances of @plan that name @person or @slot (either may
 * be NULL): they go with what they name. */
static gboolean
push_forget_acceptances (SwUndoStack  *stack,
                         SwPlan       *plan,
                         SwPerson     *person,
                         SwSlot       *slot,
                         gboolean      ok,
                         GError      **error)
{
  GListModel *accepted = sw_plan_get_accepted (plan);
  g_autoptr(GPtrArray) doomed = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (accepted);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwAcceptance) acceptance = g_list_model_get_item (accepted, i);

      if ((person != NULL && sw_acceptance_get_person (acceptance) == person) ||
          (slot != NULL && sw_acceptance_get_slot (acceptance) == slot))
        g_ptr_array_add (doomed, g_steal_pointer (&acceptance));
    }

  for (guint i = 0; i < doomed->len; i++)
    ok = push (stack, ok,
               sw_list_command_new_remove (G_OBJECT (plan), "accepted",
                                           g_ptr_array_index (doomed, i)),
               error);

  return ok;
}

static gboolean
push_delete_slot (SwUndoStack  *stack,
                  SwPlan       *plan,
                  SwSlot       *slot,
                  GError      **error)
{
  GListModel *tasks = sw_plan_get_tasks (plan);
  guint n = g_list_model_get_n_items (tasks);
  gboolean ok = TRUE;

  ok = push_forget_acceptances (stack, plan, NULL, slot, ok, error);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwTask) task = g_list_model_get_item (tasks, i);

      if (sw_task_get_slot (task) == slot)
        ok = push (stack, ok, set_object_command (task, "slot", NULL), error);
    }

  return push (stack, ok,
               sw_list_command_new_remove (G_OBJECT (plan), "slots", slot),
               error);
}

gboolean
sw_edit_delete_slot (SwOrganisation  *org,
                     SwPlan          *plan,
                     SwSlot          *slot,
                     GError         **error)
{
  SwUndoStack *stack;
  gboolean ok;

  g_return_val_if_fail (SW_IS_ORGANISATION (org), FALSE);
  g_return_val_if_fail (SW_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (SW_IS_SLOT (slot), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!sw_list_model_find (sw_plan_get_slots (plan), slot, NULL))
    {
      g_set_error (error, SW_CORE_ERROR, SW_CORE_ERROR_NOT_FOUND,
                   _("“%s” is not a slot of “%s”"),
                   sw_slot_get_title (slot), sw_plan_get_title (plan));
      return FALSE;
    }

  stack = sw_organisation_get_undo_stack (org);
  sw_undo_stack_begin_group (stack, _("Delete slot"));
  ok = push_delete_slot (stack, plan, slot, error);

  return finish (stack, ok, error);
}

static gboolean
push_delete_duty (SwUndoStack  *stack,
                  SwSlot       *slot,
                  SwDuty       *duty,
                  GError      **error)
{
  g_autoptr(GPtrArray) doomed = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *assignments = sw_slot_get_assignments (slot);
  guint n = g_list_model_get_n_items (assignments);
  gboolean ok = TRUE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwAssignment) assignment = g_list_model_get_item (assignments, i);

      if (sw_assignment_get_duty (assignment) == duty)
        g_ptr_array_add (doomed, g_steal_pointer (&assignment));
    }

  for (guint i = 0; i < doomed->len; i++)
    ok = push (stack, ok,
               sw_list_command_new_remove (G_OBJECT (slot), "assignments",
                                           g_ptr_array_index (doomed, i)),
               error);

  return push (stack, ok,
               sw_list_command_new_remove (G_OBJECT (slot), "duties", duty),
               error);
}

gboolean
sw_edit_delete_duty (SwOrganisation  *org,
                     SwSlot          *slot,
                     SwDuty          *duty,
                     GError         **error)
{
  SwUndoStack *stack;
  gboolean ok;

  g_return_val_if_fail (SW_IS_ORGANISATION (org), FALSE);
  g_return_val_if_fail (SW_IS_SLOT (slot), FALSE);
  g_return_val_if_fail (SW_IS_DUTY (duty), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!sw_list_model_find (sw_slot_get_duties (slot), duty, NULL))
    {
      g_set_error (error, SW_CORE_ERROR, SW_CORE_ERROR_NOT_FOUND,
                   _("The duty “%s” is not one of “%s”"),
                   sw_duty_get_name (duty), sw_slot_get_title (slot));
      return FALSE;
    }

  stack = sw_organisation_get_undo_stack (org);
  sw_undo_stack_begin_group (stack, _("Delete duty"));
  ok = push_delete_duty (stack, slot, duty, error);

  return finish (stack, ok, error);
}

/* Pushes, for every plan, the removal of @person's assignments and
 * committee seats and the clearing of their task ownership. */
static gboolean
push_forget_person (SwUndoStack     *stack,
                    SwOrganisation  *org,
                    SwPerson        *person,
                    GError         **error)
{
  GListModel *plans = sw_organisation_get_plans (org);
  guint n_plans = g_list_model_get_n_items (plans);
  gboolean ok = TRUE;

  for (guint p = 0; p < n_plans && ok; p++)
    {
      g_autoptr(SwPlan) plan = g_list_model_get_item (plans, p);
      GListModel *slots = sw_plan_get_slots (plan);
      GListModel *committees = sw_plan_get_committees (plan);
      GListModel *tasks = sw_plan_get_tasks (plan);

      ok = push_forget_acceptances (stack, plan, person, NULL, ok, error);
      for (guint i = 0; i < g_list_model_get_n_items (slots) && ok; i++)
        {
          g_autoptr(SwSlot) slot = g_list_model_get_item (slots, i);
          SwAssignment *assignment;

          /* A person holds at most one assignment per slot, but a model
           * loaded from elsewhere may break that rule: remove them all. */
          while (ok && (assignment = sw_slot_find_assignment (slot, person)) != NULL)
            ok = push (stack, ok,
                       sw_list_command_new_remove (G_OBJECT (slot), "assignments", assignment),
                       error);
        }

      for (guint i = 0; i < g_list_model_get_n_items (committees) && ok; i++)
        {
          g_autoptr(SwCommittee) committee = g_list_model_get_item (committees, i);
          SwCommitteeMember *member;

          while (ok && (member = sw_committee_find_member (committee, person)) != NULL)
            ok = push (stack, ok,
                       sw_list_command_new_remove (G_OBJECT (committee), "members", member),
                       error);
        }

      for (guint i = 0; i < g_list_model_get_n_items (tasks) && ok; i++)
        {
          g_autoptr(SwTask) task = g_list_model_get_item (tasks, i);

          if (sw_task_get_person (task) == person)
            ok = push (stack, ok, set_object_command (task, "person", NULL), error);
        }
    }

  return ok;
}

gboolean
sw_edit_delete_person (SwOrganisation  *org,
                       SwPerson        *person,
                       GError         **error)
{
  g_autofree char *label = NULL;
  SwUndoStack *stack;
  gboolean ok;

  g_return_val_if_fail (SW_IS_ORGANISATION (org), FALSE);
  g_return_val_if_fail (SW_IS_PERSON (person), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!sw_list_model_find (sw_organisation_get_people (org), person, NULL))
    {
      g_set_error (error, SW_CORE_ERROR, SW_CORE_ERROR_NOT_FOUND,
                   _("%s is not on the roster"), person_label (person));
      return FALSE;
    }

  stack = sw_organisation_get_undo_stack (org);
  label = g_strdup_printf (_("Delete %s"), person_label (person));

  sw_undo_stack_begin_group (stack, label);
  ok = push_forget_person (stack, org, person, error);
  ok = push (stack, ok,
             sw_list_command_new_remove (G_OBJECT (org), "people", person),
             error);

  return finish (stack, ok, error);
}

static gboolean
push_forget_department (SwUndoStack     *stack,
                        SwOrganisation  *org,
                        SwDepartment    *department,
                        GError         **error)
{
  GListModel *plans = sw_organisation_get_plans (org);
  guint n_plans = g_list_model_get_n_items (plans);
  gboolean ok = TRUE;

  for (guint p = 0; p < n_plans && ok; p++)
    {
      g_autoptr(SwPlan) plan = g_list_model_get_item (plans, p);
      GListModel *slots = sw_plan_get_slots (plan);
      GListModel *tasks = sw_plan_get_tasks (plan);

      for (guint i = 0; i < g_list_model_get_n_items (slots) && ok; i++)
        {
          g_autoptr(SwSlot) slot = g_list_model_get_item (slots, i);
          GListModel *duties = sw_slot_get_duties (slot);

          for (guint d = 0; d < g_list_model_get_n_items (duties) && ok; d++)
            {
              g_autoptr(SwDuty) duty = g_list_model_get_item (duties, d);

              if (sw_duty_get_department (duty) == department)
                ok = push (stack, ok, set_object_command (duty, "department", NULL), error);
            }

          while (ok && sw_list_model_find (sw_slot_get_organisers (slot), department, NULL))
            ok = push (stack, ok,
                       sw_list_command_new_remove (G_OBJECT (slot), "organisers", department),
                       error);
        }

      for (guint i = 0; i < g_list_model_get_n_items (tasks) && ok; i++)
        {
          g_autoptr(SwTask) task = g_list_model_get_item (tasks, i);

          if (sw_task_get_department (task) == department)
            ok = push (stack, ok, set_object_command (task, "department", NULL), error);
        }
    }

  return ok;
}

gboolean
sw_edit_delete_department (SwOrganisation  *org,
                           SwDepartment    *department,
                           GError         **error)
{
  GListModel *people;
  SwUndoStack *stack;
  gboolean ok;

  g_return_val_if_fail (SW_IS_ORGANISATION (org), FALSE);
  g_return_val_if_fail (SW_IS_DEPARTMENT (department), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!sw_list_model_find (sw_organisation_get_departments (org), department, NULL))
    {
      g_set_error (error, SW_CORE_ERROR, SW_CORE_ERROR_NOT_FOUND,
                   _("“%s” is not a department of the organisation"),
                   sw_department_get_name (department));
      return FALSE;
    }

  people = sw_organisation_get_people (org);
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(SwPerson) person = g_list_model_get_item (people, i);

      if (sw_person_get_department (person) == department)
        {
          g_set_error (error, SW_CORE_ERROR, SW_CORE_ERROR_CONFLICT,
                       _("“%s” still has people, for example %s"),
                       sw_department_get_name (department), person_label (person));
          return FALSE;
        }
    }

  stack = sw_organisation_get_undo_stack (org);
  sw_undo_stack_begin_group (stack, _("Delete department"));
  ok = push_forget_department (stack, org, department, error);
  ok = push (stack, ok,
             sw_list_command_new_remove (G_OBJECT (org), "departments", department),
             error);

  return finish (stack, ok, error);
}

gboolean
sw_edit_delete_plan (SwOrganisation  *org,
                     SwPlan          *plan,
                     GError         **error)
{
  SwUndoStack *stack;
  gboolean ok;

  g_return_val_if_fail (SW_IS_ORGANISATION (org), FALSE);
  g_return_val_if_fail (SW_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!sw_list_model_find (sw_organisation_get_plans (org), plan, NULL))
    {
      g_set_error (error, SW_CORE_ERROR, SW_CORE_ERROR_NOT_FOUND,
                   _("“%s” is not a plan of the organisation"),
                   sw_plan_get_title (plan));
      return FALSE;
    }

  stack = sw_organisation_get_undo_stack (org);
  sw_undo_stack_begin_group (stack, _("Delete plan"));
  ok = push (stack, TRUE,
             sw_list_command_new_remove (G_OBJECT (org), "plans", plan),
             error);

  return finish (stack, ok, error);
}

gboolean
sw_edit_remove (SwOrganisation  *org,
                gpointer         owner,
                const char      *list,
                gpointer         item,
                GError         **error)
{
  g_autoptr(GListModel) model = NULL;
  g_autofree char *label = NULL;
  SwUndoStack *stack;
  gboolean ok;

  g_return_val_if_fail (SW_IS_ORGANISATION (org), FALSE);
  g_return_val_if_fail (G_IS_OBJECT (owner), FALSE);
  g_return_val_if_fail (list != NULL, FALSE);
  g_return_val_if_fail (G_IS_OBJECT (item), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  model = dup_list (owner, list, item, error);
  if (model == NULL)
    return FALSE;

  if (!sw_list_model_find (model, item, NULL))
    {
      g_set_error (error, SW_CORE_ERROR, SW_CORE_ERROR_NOT_FOUND,
                   _("The %s is not in the list “%s”"),
                   G_OBJECT_TYPE_NAME (item), list);
      return FALSE;
    }

  /* Removing an object that others refer to goes through the edit that
   * keeps the model consistent. */
  if (SW_IS_PLAN (owner) && SW_IS_SLOT (item) && g_str_equal (list, "slots"))
    return sw_edit_delete_slot (org, owner, item, error);
  if (SW_IS_SLOT (owner) && SW_IS_DUTY (item) && g_str_equal (list, "duties"))
    return sw_edit_delete_duty (org, owner, item, error);
  if (SW_IS_ORGANISATION (owner) && SW_IS_PERSON (item))
    return sw_edit_delete_person (org, item, error);
  if (SW_IS_ORGANISATION (owner) && SW_IS_DEPARTMENT (item))
    return sw_edit_delete_department (org, item, error);
  if (SW_IS_ORGANISATION (owner) && SW_IS_PLAN (item))
    return sw_edit_delete_plan (org, item, error);

  stack = sw_organisation_get_undo_stack (org);
  label = item_label (owner, list, item, FALSE);

  sw_undo_stack_begin_group (stack, label);
  ok = push (stack, TRUE,
             sw_list_command_new_remove (owner, list, item),
             error);

  return finish (stack, ok, error);
}
