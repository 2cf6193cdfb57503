/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sw-committee.h"
#include "sw-text.h"

struct _SwCommittee
{
  GObject     parent_instance;

  gint64      id;
  char       *name;
  int         position;
  GListStore *members;
};

G_DEFINE_FINAL_TYPE (SwCommittee, sw_committee, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_POSITION,
  PROP_MEMBERS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sw_committee_finalize (GObject *object)
{
  SwCommittee *self = SW_COMMITTEE (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_object (&self->members);

  G_OBJECT_CLASS (sw_committee_parent_class)->finalize (object);
}

static void
sw_committee_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  SwCommittee *self = SW_COMMITTEE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_POSITION:
      g_value_set_int (value, self->position);
      break;
    case PROP_MEMBERS:
      g_value_set_object (value, self->members);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sw_committee_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  SwCommittee *self = SW_COMMITTEE (object);

  switch (prop_id)
    {
    case PROP_ID:
      sw_committee_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_NAME:
      sw_committee_set_name (self, g_value_get_string (value));
      break;
    case PROP_POSITION:
      sw_committee_set_position (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sw_committee_class_init (SwCommitteeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = sw_committee_finalize;
  object_class->get_property = sw_committee_get_property;
  object_class->set_property = sw_committee_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, "", flags);
  properties[PROP_POSITION] =
    g_param_spec_int ("position", NULL, NULL, G_MININT, G_MAXINT, 0, flags);
  properties[PROP_MEMBERS] =
    g_param_spec_object ("members", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sw_committee_init (SwCommittee *self)
{
  self->name = g_strdup ("");
  self->members = g_list_store_new (SW_TYPE_COMMITTEE_MEMBER);
}

SwCommittee *
sw_committee_new (const char *name)
{
  SwCommittee *self = g_object_new (SW_TYPE_COMMITTEE, NULL);

  sw_committee_set_name (self, name);

  return self;
}

gint64
sw_committee_get_id (SwCommittee *self)
{
  g_return_val_if_fail (SW_IS_COMMITTEE (self), 0);

  return self->id;
}

void
sw_committee_set_id (SwCommittee *self,
                     gint64       id)
{
  g_return_if_fail (SW_IS_COMMITTEE (self));

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
sw_committee_get_name (SwCommittee *self)
{
  g_return_val_if_fail (SW_IS_COMMITTEE (self), "");

  return self->name;
}

void
sw_committee_set_name (SwCommittee *self,
                       const char  *name)
{
  g_return_if_fail (SW_IS_COMMITTEE (self));

  if (sw_text_replace (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

int
sw_committee_get_position (SwCommittee *self)
{
  g_return_val_if_fail (SW_IS_COMMITTEE (self), 0);

  return self->position;
}

void
sw_committee_set_position (SwCommittee *self,
                           int          position)
{
  g_return_if_fail (SW_IS_COMMITTEE (self));

  if (self->position == position)
    return;

  self->position = position;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
}

GListModel *
sw_committee_get_members (SwCommittee *self)
{
  g_return_val_if_fail (SW_IS_COMMITTEE (self), NULL);

  return G_LIST_MODEL (self->members);
}

SwCommitteeMember *
sw_committee_find_member (SwCommittee *self,
                          SwPerson    *person)
{
  GListModel *members;
  guint n;

  g_return_val_if_fail (SW_IS_COMMITTEE (self), NULL);

  if (person == NULL)
    return NULL;

  members = G_LIST_MODEL (self->members);
  n = g_list_model_get_n_items (members);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwCommitteeMember) member = g_list_model_get_item (members, i);

      if (sw_committee_member_get_person (member) == person)
        return member;
    }

  return NULL;
}
