/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sw-problem.h"
#include "sw-rulebook.h"
#include "sw-text.h"

struct _SwProblem
{
  GObject        parent_instance;

  SwProblemKind  kind;
  char          *message;
  SwSlot        *slot;
  SwSlot        *other_slot;
  SwDuty        *duty;
  SwPerson      *person;
  SwTask        *task;
  char          *situation;
  SwAcceptance  *acceptance;
};

G_DEFINE_FINAL_TYPE (SwProblem, sw_problem, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_MESSAGE,
  PROP_SLOT,
  PROP_OTHER_SLOT,
  PROP_DUTY,
  PROP_PERSON,
  PROP_TASK,
  PROP_SITUATION,
  PROP_HARD,
  PROP_ACCEPTANCE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sw_problem_dispose (GObject *object)
{
  SwProblem *self = SW_PROBLEM (object);

  g_clear_object (&self->slot);
  g_clear_object (&self->other_slot);
  g_clear_object (&self->duty);
  g_clear_object (&self->person);
  g_clear_object (&self->task);
  g_clear_object (&self->acceptance);

  G_OBJECT_CLASS (sw_problem_parent_class)->dispose (object);
}

static void
sw_problem_finalize (GObject *object)
{
  SwProblem *self = SW_PROBLEM (object);

  g_clear_pointer (&self->message, g_free);
  g_clear_pointer (&self->situation, g_free);

  G_OBJECT_CLASS (sw_problem_parent_class)->finalize (object);
}

static void
sw_problem_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  SwProblem *self = SW_PROBLEM (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;
    case PROP_SLOT:
      g_value_set_object (value, self->slot);
      break;
    case PROP_OTHER_SLOT:
      g_value_set_object (value, self->other_slot);
      break;
    case PROP_DUTY:
      g_value_set_object (value, self->duty);
      break;
    case PROP_PERSON:
      g_value_set_object (value, self->person);
      break;
    case PROP_TASK:
      g_value_set_object (value, self->task);
      break;
    case PROP_SITUATION:
      g_value_set_string (value, self->situation);
      break;
    case PROP_HARD:
      g_value_set_boolean (value, sw_problem_get_hard (self));
      break;
    case PROP_ACCEPTANCE:
      g_value_set_object (value, self->acceptance);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sw_problem_class_init (SwProblemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->dispose = sw_problem_dispose;
  object_class->finalize = sw_problem_finalize;
  object_class->get_property = sw_problem_get_property;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, SW_TYPE_PROBLEM_KIND,
                       SW_PROBLEM_UNFILLED_DUTY, flags);
  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL, "", flags);
  properties[PROP_SLOT] =
    g_param_spec_object ("slot", NULL, NULL, SW_TYPE_SLOT, flags);
  properties[PROP_OTHER_SLOT] =
    g_param_spec_object ("other-slot", NULL, NULL, SW_TYPE_SLOT, flags);
  properties[PROP_DUTY] =
    g_param_spec_object ("duty", NULL, NULL, SW_TYPE_DUTY, flags);
  properties[PROP_PERSON] =
    g_param_spec_object ("person", NULL, NULL, SW_TYPE_PERSON, flags);
  properties[PROP_TASK] =
    g_param_spec_object ("task", NULL, NULL, SW_TYPE_TASK, flags);
  properties[PROP_SITUATION] =
    g_param_spec_string ("situation", NULL, NULL, "", flags);
  properties[PROP_HARD] =
    g_param_spec_boolean ("hard", NULL, NULL, FALSE, flags);
  properties[PROP_ACCEPTANCE] =
    g_param_spec_object ("acceptance", NULL, NULL, SW_TYPE_ACCEPTANCE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sw_problem_init (SwProblem *self)
{
  self->message = g_strdup ("");
  self->situation = g_strdup ("");
}

SwProblem *
sw_problem_new (SwProblemKind  kind,
                const char    *message,
                SwSlot        *slot,
                SwSlot        *other_slot,
                SwDuty        *duty,
                SwPerson      *person,
                SwTask        *task,
                const char    *situation)
{
  SwProblem *self;

  g_return_val_if_fail (slot == NULL || SW_IS_SLOT (slot), NULL);
  g_return_val_if_fail (other_slot == NULL || SW_IS_SLOT (other_slot), NULL);
  g_return_val_if_fail (duty == NULL || SW_IS_DUTY (duty), NULL);
  g_return_val_if_fail (person == NULL || SW_IS_PERSON (person), NULL);
  g_return_val_if_fail (task == NULL || SW_IS_TASK (task), NULL);

  self = g_object_new (SW_TYPE_PROBLEM, NULL);
  self->kind = kind;
  sw_text_replace (&self->message, message);
  g_set_object (&self->slot, slot);
  g_set_object (&self->other_slot, other_slot);
  g_set_object (&self->duty, duty);
  g_set_object (&self->person, person);
  g_set_object (&self->task, task);
  sw_text_replace (&self->situation, situation);

  return self;
}

SwProblemKind
sw_problem_get_kind (SwProblem *self)
{
  g_return_val_if_fail (SW_IS_PROBLEM (self), SW_PROBLEM_UNFILLED_DUTY);

  return self->kind;
}

const char *
sw_problem_get_message (SwProblem *self)
{
  g_return_val_if_fail (SW_IS_PROBLEM (self), "");

  return self->message;
}

SwSlot *
sw_problem_get_slot (SwProblem *self)
{
  g_return_val_if_fail (SW_IS_PROBLEM (self), NULL);

  return self->slot;
}

SwSlot *
sw_problem_get_other_slot (SwProblem *self)
{
  g_return_val_if_fail (SW_IS_PROBLEM (self), NULL);

  return self->other_slot;
}

SwDuty *
sw_problem_get_duty (SwProblem *self)
{
  g_return_val_if_fail (SW_IS_PROBLEM (self), NULL);

  return self->duty;
}

SwPerson *
sw_problem_get_person (SwProblem *self)
{
  g_return_val_if_fail (SW_IS_PROBLEM (self), NULL);

  return self->person;
}

SwTask *
sw_problem_get_task (SwProblem *self)
{
  g_return_val_if_fail (SW_IS_PROBLEM (self), NULL);

  return self->task;
}

const char *
sw_problem_get_situation (SwProblem *self)
{
  g_return_val_if_fail (SW_IS_PROBLEM (self), "");

  return self->situation;
}

gboolean
sw_problem_get_hard (SwProblem *self)
{
  g_return_val_if_fail (SW_IS_PROBLEM (self), FALSE);

  return sw_rulebook_kind_is_hard (self->kind);
}

SwAcceptance *
sw_problem_get_acceptance (SwProblem *self)
{
  g_return_val_if_fail (SW_IS_PROBLEM (self), NULL);

  return self->acceptance;
}

void
sw_problem_set_acceptance (SwProblem    *self,
                           SwAcceptance *acceptance)
{
  g_return_if_fail (SW_IS_PROBLEM (self));
  g_return_if_fail (acceptance == NULL || SW_IS_ACCEPTANCE (acceptance));

  if (g_set_object (&self->acceptance, acceptance))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCEPTANCE]);
}

gboolean
sw_problem_matches (SwProblem    *self,
                    SwAcceptance *acceptance)
{
  g_return_val_if_fail (SW_IS_PROBLEM (self), FALSE);
  g_return_val_if_fail (SW_IS_ACCEPTANCE (acceptance), FALSE);

  return self->person != NULL &&
         self->kind == sw_acceptance_get_kind (acceptance) &&
         self->person == sw_acceptance_get_person (acceptance) &&
         self->slot == sw_acceptance_get_slot (acceptance) &&
         g_str_equal (self->situation, sw_acceptance_get_situation (acceptance));
}

char *
sw_problem_make_key (SwProblemKind  kind,
                     SwPerson      *person,
                     SwSlot        *slot,
                     const char    *situation)
{
  return g_strdup_printf ("%d|%p|%p|%s", kind, (gpointer) person, (gpointer) slot,
                          situation != NULL ? situation : "");
}

char *
sw_problem_dup_key (SwProblem *self)
{
  g_return_val_if_fail (SW_IS_PROBLEM (self), NULL);

  return sw_problem_make_key (self->kind, self->person, self->slot, self->situation);
}
