/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sw-duty.h"
#include "sw-skills.h"
#include "sw-text.h"

#define MIN_COUNT 1
#define MAX_COUNT 999

struct _SwDuty
{
  GObject       parent_instance;

  gint64        id;
  char         *name;
  guint         count;
  SwDepartment *department;
  int           position;
  char        **skills;
};

G_DEFINE_FINAL_TYPE (SwDuty, sw_duty, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_COUNT,
  PROP_DEPARTMENT,
  PROP_POSITION,
  PROP_SKILLS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sw_duty_dispose (GObject *object)
{
  SwDuty *self = SW_DUTY (object);

  g_clear_object (&self->department);

  G_OBJECT_CLASS (sw_duty_parent_class)->dispose (object);
}

static void
sw_duty_finalize (GObject *object)
{
  SwDuty *self = SW_DUTY (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->skills, g_strfreev);

  G_OBJECT_CLASS (sw_duty_parent_class)->finalize (object);
}

static void
sw_duty_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  SwDuty *self = SW_DUTY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_COUNT:
      g_value_set_uint (value, self->count);
      break;
    case PROP_DEPARTMENT:
      g_value_set_object (value, self->department);
      break;
    case PROP_POSITION:
      g_value_set_int (value, self->position);
      break;
    case PROP_SKILLS:
      g_value_set_boxed (value, self->skills);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sw_duty_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  SwDuty *self = SW_DUTY (object);

  switch (prop_id)
    {
    case PROP_ID:
      sw_duty_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_NAME:
      sw_duty_set_name (self, g_value_get_string (value));
      break;
    case PROP_COUNT:
      sw_duty_set_count (self, g_value_get_uint (value));
      break;
    case PROP_DEPARTMENT:
      sw_duty_set_department (self, g_value_get_object (value));
      break;
    case PROP_POSITION:
      sw_duty_set_position (self, g_value_get_int (value));
      break;
    case PROP_SKILLS:
      sw_duty_set_skills (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sw_duty_class_init (SwDutyClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->dispose = sw_duty_dispose;
  object_class->finalize = sw_duty_finalize;
  object_class->get_property = sw_duty_get_property;
  object_class->set_property = sw_duty_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, "", flags);
  properties[PROP_COUNT] =
    g_param_spec_uint ("count", NULL, NULL, MIN_COUNT, MAX_COUNT, 1, flags);
  properties[PROP_DEPARTMENT] =
    g_param_spec_object ("department", NULL, NULL, SW_TYPE_DEPARTMENT, flags);
  properties[PROP_POSITION] =
    g_param_spec_int ("position", NULL, NULL, G_MININT, G_MAXINT, 0, flags);
  properties[PROP_SKILLS] =
    g_param_spec_boxed ("skills", NULL, NULL, G_TYPE_STRV, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sw_duty_init (SwDuty *self)
{
  self->name = g_strdup ("");
  self->count = 1;
  self->skills = sw_skills_normalize (NULL);
}

SwDuty *
sw_duty_new (const char   *name,
             guint         count,
             SwDepartment *department)
{
  SwDuty *self;

  g_return_val_if_fail (department == NULL || SW_IS_DEPARTMENT (department), NULL);

  self = g_object_new (SW_TYPE_DUTY, NULL);
  sw_text_replace (&self->name, name);
  self->count = CLAMP (count, MIN_COUNT, MAX_COUNT);
  g_set_object (&self->department, department);

  return self;
}

gint64
sw_duty_get_id (SwDuty *self)
{
  g_return_val_if_fail (SW_IS_DUTY (self), 0);

  return self->id;
}

void
sw_duty_set_id (SwDuty *self,
                gint64  id)
{
  g_return_if_fail (SW_IS_DUTY (self));

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
sw_duty_get_name (SwDuty *self)
{
  g_return_val_if_fail (SW_IS_DUTY (self), "");

  return self->name;
}

void
sw_duty_set_name (SwDuty     *self,
                  const char *name)
{
  g_return_if_fail (SW_IS_DUTY (self));

  if (sw_text_replace (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

guint
sw_duty_get_count (SwDuty *self)
{
  g_return_val_if_fail (SW_IS_DUTY (self), 1);

  return self->count;
}

/* Counts outside 1 … 999 are clamped, as the property would. */
void
sw_duty_set_count (SwDuty *self,
                   guint   count)
{
  g_return_if_fail (SW_IS_DUTY (self));

  count = CLAMP (count, MIN_COUNT, MAX_COUNT);
  if (self->count == count)
    return;

  self->count = count;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNT]);
}

SwDepartment *
sw_duty_get_department (SwDuty *self)
{
  g_return_val_if_fail (SW_IS_DUTY (self), NULL);

  return self->department;
}

void
sw_duty_set_department (SwDuty       *self,
                        SwDepartment *department)
{
  g_return_if_fail (SW_IS_DUTY (self));
  g_return_if_fail (department == NULL || SW_IS_DEPARTMENT (department));

  if (g_set_object (&self->department, department))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEPARTMENT]);
}

int
sw_duty_get_position (SwDuty *self)
{
  g_return_val_if_fail (SW_IS_DUTY (self), 0);

  return self->position;
}

void
sw_duty_set_position (SwDuty *self,
                      int     position)
{
  g_return_if_fail (SW_IS_DUTY (self));

  if (self->position == position)
    return;

  self->position = position;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
}

const char *const *
sw_duty_get_skills (SwDuty *self)
{
  g_return_val_if_fail (SW_IS_DUTY (self), NULL);

  return (const char *const *) self->skills;
}

/* Stored normalised: trimmed, without empty or repeated skills. */
void
sw_duty_set_skills (SwDuty            *self,
                    const char *const *skills)
{
  g_return_if_fail (SW_IS_DUTY (self));

  if (sw_skills_replace (&self->skills, skills))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SKILLS]);
}
