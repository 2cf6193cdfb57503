/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "sw-assign-candidate.h"
#include "sw-problem.h"

struct _SwAssignCandidate
{
  GObject      parent_instance;

  SwPerson    *person;
  SwAssignFit  fit;
  char        *reason;
  char        *kinds;
  GPtrArray   *problems;
};

G_DEFINE_FINAL_TYPE (SwAssignCandidate, sw_assign_candidate, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PERSON,
  PROP_FIT,
  PROP_REASON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sw_assign_candidate_finalize (GObject *object)
{
  SwAssignCandidate *self = SW_ASSIGN_CANDIDATE (object);

  g_clear_object (&self->person);
  g_clear_pointer (&self->reason, g_free);
  g_clear_pointer (&self->kinds, g_free);
  g_clear_pointer (&self->problems, g_ptr_array_unref);

  G_OBJECT_CLASS (sw_assign_candidate_parent_class)->finalize (object);
}

static void
sw_assign_candidate_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  SwAssignCandidate *self = SW_ASSIGN_CANDIDATE (object);

  switch (prop_id)
    {
    case PROP_PERSON:
      g_value_set_object (value, self->person);
      break;

    case PROP_FIT:
      g_value_set_int (value, self->fit);
      break;

    case PROP_REASON:
      g_value_set_string (value, self->reason);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sw_assign_candidate_class_init (SwAssignCandidateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sw_assign_candidate_finalize;
  object_class->get_property = sw_assign_candidate_get_property;

  properties[PROP_PERSON] =
    g_param_spec_object ("person", NULL, NULL, SW_TYPE_PERSON,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_FIT] =
    g_param_spec_int ("fit", NULL, NULL,
                      SW_ASSIGN_FIT_GOOD, SW_ASSIGN_FIT_ON_SLOT, SW_ASSIGN_FIT_GOOD,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_REASON] =
    g_param_spec_string ("reason", NULL, NULL, "",
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sw_assign_candidate_init (SwAssignCandidate *self)
{
}

/* @problems: the problems the assignment would bring (transfer none, may
 * be NULL); @reason: the words when there are none (“already on this
 * slot”). */
SwAssignCandidate *
sw_assign_candidate_new (SwPerson    *person,
                         SwAssignFit  fit,
                         GPtrArray   *problems,
                         const char  *reason)
{
  SwAssignCandidate *self;
  g_autoptr(GString) reasons = g_string_new (reason);
  g_autoptr(GString) kinds = g_string_new (NULL);

  g_return_val_if_fail (SW_IS_PERSON (person), NULL);

  self = g_object_new (SW_TYPE_ASSIGN_CANDIDATE, NULL);
  self->person = g_object_ref (person);
  self->fit = fit;
  self->problems = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      SwProblem *problem = g_ptr_array_index (problems, i);
      const char *nick = sw_enum_to_nick (SW_TYPE_PROBLEM_KIND, sw_problem_get_kind (problem));
      g_autofree char *mark = g_strconcat (",", nick, ",", NULL);
      g_autofree char *listed = g_strconcat (",", kinds->str, ",", NULL);

      g_ptr_array_add (self->problems, g_object_ref (problem));
      if (reasons->len > 0)
        g_string_append_c (reasons, '\n');
      g_string_append (reasons, sw_problem_get_message (problem));
      if (strstr (listed, mark) == NULL)
        g_string_append_printf (kinds, "%s%s", kinds->len > 0 ? "," : "", nick);
    }
  self->reason = g_string_free (g_steal_pointer (&reasons), FALSE);
  self->kinds = g_string_free (g_steal_pointer (&kinds), FALSE);

  return self;
}

SwPerson *
sw_assign_candidate_get_person (SwAssignCandidate *self)
{
  g_return_val_if_fail (SW_IS_ASSIGN_CANDIDATE (self), NULL);

  return self->person;
}

SwAssignFit
sw_assign_candidate_get_fit (SwAssignCandidate *self)
{
  g_return_val_if_fail (SW_IS_ASSIGN_CANDIDATE (self), SW_ASSIGN_FIT_GOOD);

  return self->fit;
}

const char *
sw_assign_candidate_get_reason (SwAssignCandidate *self)
{
  g_return_val_if_fail (SW_IS_ASSIGN_CANDIDATE (self), "");

  return self->reason;
}

GPtrArray *
sw_assign_candidate_get_problems (SwAssignCandidate *self)
{
  g_return_val_if_fail (SW_IS_ASSIGN_CANDIDATE (self), NULL);

  return self->problems;
}

const char *
sw_assign_candidate_get_kinds (SwAssignCandidate *self)
{
  g_return_val_if_fail (SW_IS_ASSIGN_CANDIDATE (self), "");

  return self->kinds;
}
