/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sw-error.h"
#include "sw-organisation.h"

struct _SwOrganisation
{
  GObject      parent_instance;

  GListStore  *departments;
  GListStore  *people;
  GListStore  *plans;
  SwUndoStack *undo_stack;
  gboolean     read_only;
};

G_DEFINE_FINAL_TYPE (SwOrganisation, sw_organisation, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DEPARTMENTS,
  PROP_PEOPLE,
  PROP_PLANS,
  PROP_UNDO_STACK,
  PROP_READ_ONLY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sw_organisation_dispose (GObject *object)
{
  SwOrganisation *self = SW_ORGANISATION (object);

  /* The stack's commands refer to the model: let them go first. */
  g_clear_object (&self->undo_stack);

  G_OBJECT_CLASS (sw_organisation_parent_class)->dispose (object);
}

static void
sw_organisation_finalize (GObject *object)
{
  SwOrganisation *self = SW_ORGANISATION (object);

  g_clear_object (&self->departments);
  g_clear_object (&self->people);
  g_clear_object (&self->plans);

  G_OBJECT_CLASS (sw_organisation_parent_class)->finalize (object);
}

static void
sw_organisation_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SwOrganisation *self = SW_ORGANISATION (object);

  switch (prop_id)
    {
    case PROP_DEPARTMENTS:
      g_value_set_object (value, self->departments);
      break;
    case PROP_PEOPLE:
      g_value_set_object (value, self->people);
      break;
    case PROP_PLANS:
      g_value_set_object (value, self->plans);
      break;
    case PROP_UNDO_STACK:
      g_value_set_object (value, self->undo_stack);
      break;
    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sw_organisation_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  SwOrganisation *self = SW_ORGANISATION (object);

  switch (prop_id)
    {
    case PROP_READ_ONLY:
      sw_organisation_set_read_only (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sw_organisation_class_init (SwOrganisationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->dispose = sw_organisation_dispose;
  object_class->finalize = sw_organisation_finalize;
  object_class->get_property = sw_organisation_get_property;
  object_class->set_property = sw_organisation_set_property;

  properties[PROP_DEPARTMENTS] =
    g_param_spec_object ("departments", NULL, NULL, G_TYPE_LIST_MODEL, flags);
  properties[PROP_PEOPLE] =
    g_param_spec_object ("people", NULL, NULL, G_TYPE_LIST_MODEL, flags);
  properties[PROP_PLANS] =
    g_param_spec_object ("plans", NULL, NULL, G_TYPE_LIST_MODEL, flags);
  properties[PROP_UNDO_STACK] =
    g_param_spec_object ("undo-stack", NULL, NULL, SW_TYPE_UNDO_STACK, flags);
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sw_organisation_init (SwOrganisation *self)
{
  self->departments = g_list_store_new (SW_TYPE_DEPARTMENT);
  self->people = g_list_store_new (SW_TYPE_PERSON);
  self->plans = g_list_store_new (SW_TYPE_PLAN);
  self->undo_stack = sw_undo_stack_new ();
}

SwOrganisation *
sw_organisation_new (void)
{
  return g_object_new (SW_TYPE_ORGANISATION, NULL);
}

gboolean
sw_organisation_get_read_only (SwOrganisation *self)
{
  g_return_val_if_fail (SW_IS_ORGANISATION (self), FALSE);

  return self->read_only;
}

void
sw_organisation_set_read_only (SwOrganisation *self,
                               gboolean        read_only)
{
  g_return_if_fail (SW_IS_ORGANISATION (self));

  read_only = !!read_only;
  if (self->read_only == read_only)
    return;
  self->read_only = read_only;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
}

GListModel *
sw_organisation_get_departments (SwOrganisation *self)
{
  g_return_val_if_fail (SW_IS_ORGANISATION (self), NULL);

  return G_LIST_MODEL (self->departments);
}

GListModel *
sw_organisation_get_people (SwOrganisation *self)
{
  g_return_val_if_fail (SW_IS_ORGANISATION (self), NULL);

  return G_LIST_MODEL (self->people);
}

GListModel *
sw_organisation_get_plans (SwOrganisation *self)
{
  g_return_val_if_fail (SW_IS_ORGANISATION (self), NULL);

  return G_LIST_MODEL (self->plans);
}

SwUndoStack *
sw_organisation_get_undo_stack (SwOrganisation *self)
{
  g_return_val_if_fail (SW_IS_ORGANISATION (self), NULL);

  return self->undo_stack;
}

SwDepartment *
sw_organisation_find_department (SwOrganisation *self,
                                 const char     *name)
{
  GListModel *departments;
  guint n;

  g_return_val_if_fail (SW_IS_ORGANISATION (self), NULL);

  if (name == NULL)
    return NULL;

  departments = G_LIST_MODEL (self->departments);
  n = g_list_model_get_n_items (departments);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwDepartment) department = g_list_model_get_item (departments, i);

      /* The store keeps its reference: the pointer stays valid. */
      if (strcmp (sw_department_get_name (department), name) == 0)
        return department;
    }

  return NULL;
}

/* Not finding anyone is no error: the result is NULL and @error stays
 * unset, so that callers can look up before they create. */
SwPerson *
sw_organisation_find_person (SwOrganisation  *self,
                             const char      *name,
                             SwDepartment    *department,
                             GError         **error)
{
  GListModel *people;
  SwPerson *found = NULL;
  guint n;

  g_return_val_if_fail (SW_IS_ORGANISATION (self), NULL);
  g_return_val_if_fail (department == NULL || SW_IS_DEPARTMENT (department), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (name == NULL)
    return NULL;

  people = G_LIST_MODEL (self->people);
  n = g_list_model_get_n_items (people);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwPerson) person = g_list_model_get_item (people, i);

      if (strcmp (sw_person_get_name (person), name) != 0)
        continue;

      if (department != NULL)
        {
          if (sw_person_get_department (person) == department)
            return person;
          continue;
        }

      if (found != NULL)
        {
          g_set_error (error, SW_CORE_ERROR, SW_CORE_ERROR_AMBIGUOUS,
                       _("More than one person is named “%s”; give the department too"),
                       name);
          return NULL;
        }

      found = person;
    }

  return found;
}

SwPlan *
sw_organisation_find_plan (SwOrganisation *self,
                           gint64          id)
{
  GListModel *plans;
  guint n;

  g_return_val_if_fail (SW_IS_ORGANISATION (self), NULL);

  plans = G_LIST_MODEL (self->plans);
  n = g_list_model_get_n_items (plans);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwPlan) plan = g_list_model_get_item (plans, i);

      if (sw_plan_get_id (plan) == id)
        return plan;
    }

  return NULL;
}

GPtrArray *
sw_organisation_dup_department_people (SwOrganisation *self,
                                       SwDepartment   *department)
{
  GListModel *people;
  GPtrArray *result;
  guint n;

  g_return_val_if_fail (SW_IS_ORGANISATION (self), NULL);
  g_return_val_if_fail (department == NULL || SW_IS_DEPARTMENT (department), NULL);

  result = g_ptr_array_new ();
  people = G_LIST_MODEL (self->people);
  n = g_list_model_get_n_items (people);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwPerson) person = g_list_model_get_item (people, i);

      if (sw_person_get_department (person) == department)
        g_ptr_array_add (result, person);
    }

  return result;
}
