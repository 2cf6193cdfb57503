/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sw-person.h"
#include "sw-text.h"
#include "sw-skills.h"
#include "sw-unavailability.h"

struct _SwPerson
{
  GObject       parent_instance;

  gint64        id;
  char         *name;
  SwDepartment *department;
  char         *title;
  char         *phone;
  char         *email;
  char         *notes;
  char        **skills;
  GListStore   *unavailability;
  guint         active : 1;
};

G_DEFINE_FINAL_TYPE (SwPerson, sw_person, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_DEPARTMENT,
  PROP_TITLE,
  PROP_PHONE,
  PROP_EMAIL,
  PROP_NOTES,
  PROP_ACTIVE,
  PROP_SKILLS,
  PROP_UNAVAILABILITY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sw_person_dispose (GObject *object)
{
  SwPerson *self = SW_PERSON (object);

  g_clear_object (&self->department);

  G_OBJECT_CLASS (sw_person_parent_class)->dispose (object);
}

static void
sw_person_finalize (GObject *object)
{
  SwPerson *self = SW_PERSON (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->phone, g_free);
  g_clear_pointer (&self->email, g_free);
  g_clear_pointer (&self->notes, g_free);
  g_clear_pointer (&self->skills, g_strfreev);
  g_clear_object (&self->unavailability);

  G_OBJECT_CLASS (sw_person_parent_class)->finalize (object);
}

static void
sw_person_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  SwPerson *self = SW_PERSON (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_DEPARTMENT:
      g_value_set_object (value, self->department);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_PHONE:
      g_value_set_string (value, self->phone);
      break;
    case PROP_EMAIL:
      g_value_set_string (value, self->email);
      break;
    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;
    case PROP_ACTIVE:
      g_value_set_boolean (value, self->active);
      break;
    case PROP_SKILLS:
      g_value_set_boxed (value, self->skills);
      break;
    case PROP_UNAVAILABILITY:
      g_value_set_object (value, self->unavailability);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sw_person_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  SwPerson *self = SW_PERSON (object);

  switch (prop_id)
    {
    case PROP_ID:
      sw_person_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_NAME:
      sw_person_set_name (self, g_value_get_string (value));
      break;
    case PROP_DEPARTMENT:
      sw_person_set_department (self, g_value_get_object (value));
      break;
    case PROP_TITLE:
      sw_person_set_title (self, g_value_get_string (value));
      break;
    case PROP_PHONE:
      sw_person_set_phone (self, g_value_get_string (value));
      break;
    case PROP_EMAIL:
      sw_person_set_email (self, g_value_get_string (value));
      break;
    case PROP_NOTES:
      sw_person_set_notes (self, g_value_get_string (value));
      break;
    case PROP_SKILLS:
      sw_person_set_skills (self, g_value_get_boxed (value));
      break;
    case PROP_ACTIVE:
      sw_person_set_active (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sw_person_class_init (SwPersonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->dispose = sw_person_dispose;
  object_class->finalize = sw_person_finalize;
  object_class->get_property = sw_person_get_property;
  object_class->set_property = sw_person_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, "", flags);
  properties[PROP_DEPARTMENT] =
    g_param_spec_object ("department", NULL, NULL, SW_TYPE_DEPARTMENT, flags);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, "", flags);
  properties[PROP_PHONE] =
    g_param_spec_string ("phone", NULL, NULL, "", flags);
  properties[PROP_EMAIL] =
    g_param_spec_string ("email", NULL, NULL, "", flags);
  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL, "", flags);
  properties[PROP_ACTIVE] =
    g_param_spec_boolean ("active", NULL, NULL, TRUE, flags);
  properties[PROP_SKILLS] =
    g_param_spec_boxed ("skills", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_UNAVAILABILITY] =
    g_param_spec_object ("unavailability", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sw_person_init (SwPerson *self)
{
  self->name = g_strdup ("");
  self->title = g_strdup ("");
  self->phone = g_strdup ("");
  self->email = g_strdup ("");
  self->notes = g_strdup ("");
  self->active = TRUE;
  self->skills = sw_skills_normalize (NULL);
  self->unavailability = g_list_store_new (SW_TYPE_UNAVAILABILITY);
}

SwPerson *
sw_person_new (const char   *name,
               SwDepartment *department)
{
  SwPerson *self;

  g_return_val_if_fail (department == NULL || SW_IS_DEPARTMENT (department), NULL);

  self = g_object_new (SW_TYPE_PERSON, NULL);
  sw_text_replace (&self->name, name);
  g_set_object (&self->department, department);

  return self;
}

gint64
sw_person_get_id (SwPerson *self)
{
  g_return_val_if_fail (SW_IS_PERSON (self), 0);

  return self->id;
}

void
sw_person_set_id (SwPerson *self,
                  gint64    id)
{
  g_return_if_fail (SW_IS_PERSON (self));

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
sw_person_get_name (SwPerson *self)
{
  g_return_val_if_fail (SW_IS_PERSON (self), "");

  return self->name;
}

void
sw_person_set_name (SwPerson   *self,
                    const char *name)
{
  g_return_if_fail (SW_IS_PERSON (self));

  if (sw_text_replace (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

SwDepartment *
sw_person_get_department (SwPerson *self)
{
  g_return_val_if_fail (SW_IS_PERSON (self), NULL);

  return self->department;
}

void
sw_person_set_department (SwPerson     *self,
                          SwDepartment *department)
{
  g_return_if_fail (SW_IS_PERSON (self));
  g_return_if_fail (department == NULL || SW_IS_DEPARTMENT (department));

  if (g_set_object (&self->department, department))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEPARTMENT]);
}

const char *
sw_person_get_title (SwPerson *self)
{
  g_return_val_if_fail (SW_IS_PERSON (self), "");

  return self->title;
}

void
sw_person_set_title (SwPerson   *self,
                     const char *title)
{
  g_return_if_fail (SW_IS_PERSON (self));

  if (sw_text_replace (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
sw_person_get_phone (SwPerson *self)
{
  g_return_val_if_fail (SW_IS_PERSON (self), "");

  return self->phone;
}

void
sw_person_set_phone (SwPerson   *self,
                     const char *phone)
{
  g_return_if_fail (SW_IS_PERSON (self));

  if (sw_text_replace (&self->phone, phone))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHONE]);
}

const char *
sw_person_get_email (SwPerson *self)
{
  g_return_val_if_fail (SW_IS_PERSON (self), "");

  return self->email;
}

void
sw_person_set_email (SwPerson   *self,
                     const char *email)
{
  g_return_if_fail (SW_IS_PERSON (self));

  if (sw_text_replace (&self->email, email))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMAIL]);
}

const char *
sw_person_get_notes (SwPerson *self)
{
  g_return_val_if_fail (SW_IS_PERSON (self), "");

  return self->notes;
}

void
sw_person_set_notes (SwPerson   *self,
                     const char *notes)
{
  g_return_if_fail (SW_IS_PERSON (self));

  if (sw_text_replace (&self->notes, notes))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES]);
}

gboolean
sw_person_get_active (SwPerson *self)
{
  g_return_val_if_fail (SW_IS_PERSON (self), FALSE);

  return self->active;
}

void
sw_person_set_active (SwPerson *self,
                      gboolean  active)
{
  g_return_if_fail (SW_IS_PERSON (self));

  active = !!active;
  if (self->active == (guint) active)
    return;

  self->active = active;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
}

const char *const *
sw_person_get_skills (SwPerson *self)
{
  g_return_val_if_fail (SW_IS_PERSON (self), NULL);

  return (const char *const *) self->skills;
}

/* Stored normalised: trimmed, without empty or repeated skills. */
void
sw_person_set_skills (SwPerson          *self,
                      const char *const *skills)
{
  g_return_if_fail (SW_IS_PERSON (self));

  if (sw_skills_replace (&self->skills, skills))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SKILLS]);
}

GListModel *
sw_person_get_unavailability (SwPerson *self)
{
  g_return_val_if_fail (SW_IS_PERSON (self), NULL);

  return G_LIST_MODEL (self->unavailability);
}
