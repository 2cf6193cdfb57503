/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sw-committee-member.h"

struct _SwCommitteeMember
{
  GObject   parent_instance;

  gint64    id;
  SwPerson *person;
  SwRole    role;
};

G_DEFINE_FINAL_TYPE (SwCommitteeMember, sw_committee_member, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_PERSON,
  PROP_ROLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sw_committee_member_dispose (GObject *object)
{
  SwCommitteeMember *self = SW_COMMITTEE_MEMBER (object);

  g_clear_object (&self->person);

  G_OBJECT_CLASS (sw_committee_member_parent_class)->dispose (object);
}

static void
sw_committee_member_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  SwCommitteeMember *self = SW_COMMITTEE_MEMBER (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_PERSON:
      g_value_set_object (value, self->person);
      break;
    case PROP_ROLE:
      g_value_set_enum (value, self->role);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sw_committee_member_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  SwCommitteeMember *self = SW_COMMITTEE_MEMBER (object);

  switch (prop_id)
    {
    case PROP_ID:
      sw_committee_member_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_PERSON:
      sw_committee_member_set_person (self, g_value_get_object (value));
      break;
    case PROP_ROLE:
      sw_committee_member_set_role (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sw_committee_member_class_init (SwCommitteeMemberClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->dispose = sw_committee_member_dispose;
  object_class->get_property = sw_committee_member_get_property;
  object_class->set_property = sw_committee_member_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_PERSON] =
    g_param_spec_object ("person", NULL, NULL, SW_TYPE_PERSON, flags);
  properties[PROP_ROLE] =
    g_param_spec_enum ("role", NULL, NULL, SW_TYPE_ROLE, SW_ROLE_MEMBER, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sw_committee_member_init (SwCommitteeMember *self)
{
  self->role = SW_ROLE_MEMBER;
}

SwCommitteeMember *
sw_committee_member_new (SwPerson *person,
                         SwRole    role)
{
  SwCommitteeMember *self;

  g_return_val_if_fail (person == NULL || SW_IS_PERSON (person), NULL);

  self = g_object_new (SW_TYPE_COMMITTEE_MEMBER, NULL);
  g_set_object (&self->person, person);
  self->role = role;

  return self;
}

gint64
sw_committee_member_get_id (SwCommitteeMember *self)
{
  g_return_val_if_fail (SW_IS_COMMITTEE_MEMBER (self), 0);

  return self->id;
}

void
sw_committee_member_set_id (SwCommitteeMember *self,
                            gint64             id)
{
  g_return_if_fail (SW_IS_COMMITTEE_MEMBER (self));

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

SwPerson *
sw_committee_member_get_person (SwCommitteeMember *self)
{
  g_return_val_if_fail (SW_IS_COMMITTEE_MEMBER (self), NULL);

  return self->person;
}

void
sw_committee_member_set_person (SwCommitteeMember *self,
                                SwPerson          *person)
{
  g_return_if_fail (SW_IS_COMMITTEE_MEMBER (self));
  g_return_if_fail (person == NULL || SW_IS_PERSON (person));

  if (g_set_object (&self->person, person))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSON]);
}

SwRole
sw_committee_member_get_role (SwCommitteeMember *self)
{
  g_return_val_if_fail (SW_IS_COMMITTEE_MEMBER (self), SW_ROLE_MEMBER);

  return self->role;
}

void
sw_committee_member_set_role (SwCommitteeMember *self,
                              SwRole             role)
{
  g_return_if_fail (SW_IS_COMMITTEE_MEMBER (self));

  if (self->role == role)
    return;

  self->role = role;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLE]);
}
