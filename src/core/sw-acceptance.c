/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sw-acceptance.h"
#include "sw-text.h"

struct _SwAcceptance
{
  GObject        parent_instance;

  gint64         id;
  SwProblemKind  kind;
  SwPerson      *person;
  SwSlot        *slot;
  char          *situation;
  char          *note;
};

G_DEFINE_FINAL_TYPE (SwAcceptance, sw_acceptance, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_KIND,
  PROP_PERSON,
  PROP_SLOT,
  PROP_SITUATION,
  PROP_NOTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sw_acceptance_dispose (GObject *object)
{
  SwAcceptance *self = SW_ACCEPTANCE (object);

  g_clear_object (&self->person);
  g_clear_object (&self->slot);

  G_OBJECT_CLASS (sw_acceptance_parent_class)->dispose (object);
}

static void
sw_acceptance_finalize (GObject *object)
{
  SwAcceptance *self = SW_ACCEPTANCE (object);

  g_clear_pointer (&self->situation, g_free);
  g_clear_pointer (&self->note, g_free);

  G_OBJECT_CLASS (sw_acceptance_parent_class)->finalize (object);
}

static void
sw_acceptance_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  SwAcceptance *self = SW_ACCEPTANCE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_PERSON:
      g_value_set_object (value, self->person);
      break;
    case PROP_SLOT:
      g_value_set_object (value, self->slot);
      break;
    case PROP_SITUATION:
      g_value_set_string (value, self->situation);
      break;
    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sw_acceptance_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  SwAcceptance *self = SW_ACCEPTANCE (object);

  switch (prop_id)
    {
    case PROP_ID:
      sw_acceptance_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_NOTE:
      sw_acceptance_set_note (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sw_acceptance_class_init (SwAcceptanceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;
  GParamFlags read_flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->dispose = sw_acceptance_dispose;
  object_class->finalize = sw_acceptance_finalize;
  object_class->get_property = sw_acceptance_get_property;
  object_class->set_property = sw_acceptance_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, SW_TYPE_PROBLEM_KIND, SW_PROBLEM_DOUBLE_BOOKING, read_flags);
  properties[PROP_PERSON] =
    g_param_spec_object ("person", NULL, NULL, SW_TYPE_PERSON, read_flags);
  properties[PROP_SLOT] =
    g_param_spec_object ("slot", NULL, NULL, SW_TYPE_SLOT, read_flags);
  properties[PROP_SITUATION] =
    g_param_spec_string ("situation", NULL, NULL, "", read_flags);
  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, "", flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sw_acceptance_init (SwAcceptance *self)
{
  self->kind = SW_PROBLEM_DOUBLE_BOOKING;
  self->situation = g_strdup ("");
  self->note = g_strdup ("");
}

SwAcceptance *
sw_acceptance_new (SwProblemKind  kind,
                   SwPerson      *person,
                   SwSlot        *slot,
                   const char    *situation,
                   const char    *note)
{
  SwAcceptance *self;

  g_return_val_if_fail (SW_IS_PERSON (person), NULL);
  g_return_val_if_fail (slot == NULL || SW_IS_SLOT (slot), NULL);

  self = g_object_new (SW_TYPE_ACCEPTANCE, NULL);
  self->kind = kind;
  self->person = g_object_ref (person);
  g_set_object (&self->slot, slot);
  sw_text_replace (&self->situation, situation);
  sw_acceptance_set_note (self, note);

  return self;
}

gint64
sw_acceptance_get_id (SwAcceptance *self)
{
  g_return_val_if_fail (SW_IS_ACCEPTANCE (self), 0);

  return self->id;
}

void
sw_acceptance_set_id (SwAcceptance *self,
                      gint64        id)
{
  g_return_if_fail (SW_IS_ACCEPTANCE (self));

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

SwProblemKind
sw_acceptance_get_kind (SwAcceptance *self)
{
  g_return_val_if_fail (SW_IS_ACCEPTANCE (self), 0);

  return self->kind;
}

SwPerson *
sw_acceptance_get_person (SwAcceptance *self)
{
  g_return_val_if_fail (SW_IS_ACCEPTANCE (self), NULL);

  return self->person;
}

SwSlot *
sw_acceptance_get_slot (SwAcceptance *self)
{
  g_return_val_if_fail (SW_IS_ACCEPTANCE (self), NULL);

  return self->slot;
}

const char *
sw_acceptance_get_situation (SwAcceptance *self)
{
  g_return_val_if_fail (SW_IS_ACCEPTANCE (self), "");

  return self->situation;
}

const char *
sw_acceptance_get_note (SwAcceptance *self)
{
  g_return_val_if_fail (SW_IS_ACCEPTANCE (self), "");

  return self->note;
}

void
sw_acceptance_set_note (SwAcceptance *self,
                        const char   *note)
{
  g_return_if_fail (SW_IS_ACCEPTANCE (self));

  if (sw_text_replace (&self->note, note))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
}
