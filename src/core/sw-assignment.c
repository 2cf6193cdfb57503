/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sw-assignment.h"
#include "sw-text.h"

struct _SwAssignment
{
  GObject   parent_instance;

  gint64    id;
  SwPerson *person;
  SwDuty   *duty;
  char     *note;
  guint     pinned : 1;
};

G_DEFINE_FINAL_TYPE (SwAssignment, sw_assignment, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_PERSON,
  PROP_DUTY,
  PROP_NOTE,
  PROP_PINNED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sw_assignment_dispose (GObject *object)
{
  SwAssignment *self = SW_ASSIGNMENT (object);

  g_clear_object (&self->person);
  g_clear_object (&self->duty);

  G_OBJECT_CLASS (sw_assignment_parent_class)->dispose (object);
}

static void
sw_assignment_finalize (GObject *object)
{
  SwAssignment *self = SW_ASSIGNMENT (object);

  g_clear_pointer (&self->note, g_free);

  G_OBJECT_CLASS (sw_assignment_parent_class)->finalize (object);
}

static void
sw_assignment_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  SwAssignment *self = SW_ASSIGNMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_PERSON:
      g_value_set_object (value, self->person);
      break;
    case PROP_DUTY:
      g_value_set_object (value, self->duty);
      break;
    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;
    case PROP_PINNED:
      g_value_set_boolean (value, self->pinned);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sw_assignment_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  SwAssignment *self = SW_ASSIGNMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      sw_assignment_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_PERSON:
      sw_assignment_set_person (self, g_value_get_object (value));
      break;
    case PROP_DUTY:
      sw_assignment_set_duty (self, g_value_get_object (value));
      break;
    case PROP_NOTE:
      sw_assignment_set_note (self, g_value_get_string (value));
      break;
    case PROP_PINNED:
      sw_assignment_set_pinned (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sw_assignment_class_init (SwAssignmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->dispose = sw_assignment_dispose;
  object_class->finalize = sw_assignment_finalize;
  object_class->get_property = sw_assignment_get_property;
  object_class->set_property = sw_assignment_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_PERSON] =
    g_param_spec_object ("person", NULL, NULL, SW_TYPE_PERSON, flags);
  properties[PROP_DUTY] =
    g_param_spec_object ("duty", NULL, NULL, SW_TYPE_DUTY, flags);
  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, "", flags);
  properties[PROP_PINNED] =
    g_param_spec_boolean ("pinned", NULL, NULL, FALSE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sw_assignment_init (SwAssignment *self)
{
  self->note = g_strdup ("");
}

SwAssignment *
sw_assignment_new (SwPerson *person,
                   SwDuty   *duty)
{
  SwAssignment *self;

  g_return_val_if_fail (person == NULL || SW_IS_PERSON (person), NULL);
  g_return_val_if_fail (duty == NULL || SW_IS_DUTY (duty), NULL);

  self = g_object_new (SW_TYPE_ASSIGNMENT, NULL);
  g_set_object (&self->person, person);
  g_set_object (&self->duty, duty);

  return self;
}

gint64
sw_assignment_get_id (SwAssignment *self)
{
  g_return_val_if_fail (SW_IS_ASSIGNMENT (self), 0);

  return self->id;
}

void
sw_assignment_set_id (SwAssignment *self,
                      gint64        id)
{
  g_return_if_fail (SW_IS_ASSIGNMENT (self));

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

SwPerson *
sw_assignment_get_person (SwAssignment *self)
{
  g_return_val_if_fail (SW_IS_ASSIGNMENT (self), NULL);

  return self->person;
}

void
sw_assignment_set_person (SwAssignment *self,
                          SwPerson     *person)
{
  g_return_if_fail (SW_IS_ASSIGNMENT (self));
  g_return_if_fail (person == NULL || SW_IS_PERSON (person));

  if (g_set_object (&self->person, person))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSON]);
}

SwDuty *
sw_assignment_get_duty (SwAssignment *self)
{
  g_return_val_if_fail (SW_IS_ASSIGNMENT (self), NULL);

  return self->duty;
}

void
sw_assignment_set_duty (SwAssignment *self,
                        SwDuty       *duty)
{
  g_return_if_fail (SW_IS_ASSIGNMENT (self));
  g_return_if_fail (duty == NULL || SW_IS_DUTY (duty));

  if (g_set_object (&self->duty, duty))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DUTY]);
}

const char *
sw_assignment_get_note (SwAssignment *self)
{
  g_return_val_if_fail (SW_IS_ASSIGNMENT (self), "");

  return self->note;
}

void
sw_assignment_set_note (SwAssignment *self,
                        const char   *note)
{
  g_return_if_fail (SW_IS_ASSIGNMENT (self));

  if (sw_text_replace (&self->note, note))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
}

gboolean
sw_assignment_get_pinned (SwAssignment *self)
{
  g_return_val_if_fail (SW_IS_ASSIGNMENT (self), FALSE);

  return self->pinned;
}

void
sw_assignment_set_pinned (SwAssignment *self,
                          gboolean      pinned)
{
  g_return_if_fail (SW_IS_ASSIGNMENT (self));

  pinned = !!pinned;
  if (self->pinned == (guint) pinned)
    return;

  self->pinned = pinned;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PINNED]);
}
