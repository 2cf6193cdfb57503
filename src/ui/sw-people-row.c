/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sw-people-row.h"

struct _SwPeopleRow
{
  GObject   parent_instance;

  SwPerson *person;
  gulong    notify_id;
};

G_DEFINE_FINAL_TYPE (SwPeopleRow, sw_people_row, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PERSON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
person_notify (SwPeopleRow *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSON]);
}

static void
sw_people_row_dispose (GObject *object)
{
  SwPeopleRow *self = SW_PEOPLE_ROW (object);

  if (self->person != NULL)
    g_clear_signal_handler (&self->notify_id, self->person);
  g_clear_object (&self->person);

  G_OBJECT_CLASS (sw_people_row_parent_class)->dispose (object);
}

static void
sw_people_row_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  SwPeopleRow *self = SW_PEOPLE_ROW (object);

  switch (prop_id)
    {
    case PROP_PERSON:
      g_value_set_object (value, self->person);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sw_people_row_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  SwPeopleRow *self = SW_PEOPLE_ROW (object);

  switch (prop_id)
    {
    case PROP_PERSON:
      sw_people_row_set_person (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sw_people_row_class_init (SwPeopleRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sw_people_row_dispose;
  object_class->get_property = sw_people_row_get_property;
  object_class->set_property = sw_people_row_set_property;

  properties[PROP_PERSON] =
    g_param_spec_object ("person", NULL, NULL,
                         SW_TYPE_PERSON,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sw_people_row_init (SwPeopleRow *self)
{
}

SwPeopleRow *
sw_people_row_new (SwPerson *person)
{
  g_return_val_if_fail (SW_IS_PERSON (person), NULL);

  return g_object_new (SW_TYPE_PEOPLE_ROW, "person", person, NULL);
}

SwPerson *
sw_people_row_get_person (SwPeopleRow *self)
{
  g_return_val_if_fail (SW_IS_PEOPLE_ROW (self), NULL);

  return self->person;
}

void
sw_people_row_set_person (SwPeopleRow *self,
                          SwPerson    *person)
{
  g_return_if_fail (SW_IS_PEOPLE_ROW (self));
  g_return_if_fail (SW_IS_PERSON (person));

  if (self->person == person)
    return;

  if (self->person != NULL)
    g_clear_signal_handler (&self->notify_id, self->person);
  g_set_object (&self->person, person);
  self->notify_id = g_signal_connect_swapped (person, "notify", G_CALLBACK (person_notify), self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSON]);
}
