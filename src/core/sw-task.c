/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sw-task.h"
#include "sw-text.h"
#include "sw-time.h"

struct _SwTask
{
  GObject       parent_instance;

  gint64        id;
  char         *uid;
  int           sequence;
  char         *title;
  SwDepartment *department;
  SwPerson     *person;
  gint64        due;
  SwTaskStatus  status;
  SwSlot       *slot;
  char         *notes;
};

G_DEFINE_FINAL_TYPE (SwTask, sw_task, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_UID,
  PROP_SEQUENCE,
  PROP_TITLE,
  PROP_DEPARTMENT,
  PROP_PERSON,
  PROP_DUE,
  PROP_STATUS,
  PROP_SLOT,
  PROP_NOTES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sw_task_dispose (GObject *object)
{
  SwTask *self = SW_TASK (object);

  g_clear_object (&self->department);
  g_clear_object (&self->person);
  g_clear_object (&self->slot);

  G_OBJECT_CLASS (sw_task_parent_class)->dispose (object);
}

static void
sw_task_finalize (GObject *object)
{
  SwTask *self = SW_TASK (object);

  g_clear_pointer (&self->uid, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->notes, g_free);

  G_OBJECT_CLASS (sw_task_parent_class)->finalize (object);
}

static void
sw_task_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  SwTask *self = SW_TASK (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_UID:
      g_value_set_string (value, self->uid);
      break;
    case PROP_SEQUENCE:
      g_value_set_int (value, self->sequence);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_DEPARTMENT:
      g_value_set_object (value, self->department);
      break;
    case PROP_PERSON:
      g_value_set_object (value, self->person);
      break;
    case PROP_DUE:
      g_value_set_int64 (value, self->due);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_SLOT:
      g_value_set_object (value, self->slot);
      break;
    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sw_task_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  SwTask *self = SW_TASK (object);

  switch (prop_id)
    {
    case PROP_ID:
      sw_task_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_UID:
      sw_task_set_uid (self, g_value_get_string (value));
      break;
    case PROP_SEQUENCE:
      sw_task_set_sequence (self, g_value_get_int (value));
      break;
    case PROP_TITLE:
      sw_task_set_title (self, g_value_get_string (value));
      break;
    case PROP_DEPARTMENT:
      sw_task_set_department (self, g_value_get_object (value));
      break;
    case PROP_PERSON:
      sw_task_set_person (self, g_value_get_object (value));
      break;
    case PROP_DUE:
      sw_task_set_due (self, g_value_get_int64 (value));
      break;
    case PROP_STATUS:
      sw_task_set_status (self, g_value_get_enum (value));
      break;
    case PROP_SLOT:
      sw_task_set_slot (self, g_value_get_object (value));
      break;
    case PROP_NOTES:
      sw_task_set_notes (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sw_task_class_init (SwTaskClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->dispose = sw_task_dispose;
  object_class->finalize = sw_task_finalize;
  object_class->get_property = sw_task_get_property;
  object_class->set_property = sw_task_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_UID] =
    g_param_spec_string ("uid", NULL, NULL, "", flags);
  properties[PROP_SEQUENCE] =
    g_param_spec_int ("sequence", NULL, NULL, G_MININT, G_MAXINT, 0, flags);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, "", flags);
  properties[PROP_DEPARTMENT] =
    g_param_spec_object ("department", NULL, NULL, SW_TYPE_DEPARTMENT, flags);
  properties[PROP_PERSON] =
    g_param_spec_object ("person", NULL, NULL, SW_TYPE_PERSON, flags);
  properties[PROP_DUE] =
    g_param_spec_int64 ("due", NULL, NULL, G_MININT64, G_MAXINT64, SW_TIME_UNSET, flags);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, SW_TYPE_TASK_STATUS, SW_TASK_STATUS_TODO, flags);
  properties[PROP_SLOT] =
    g_param_spec_object ("slot", NULL, NULL, SW_TYPE_SLOT, flags);
  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL, "", flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sw_task_init (SwTask *self)
{
  self->uid = g_strdup ("");
  self->title = g_strdup ("");
  self->notes = g_strdup ("");
  self->due = SW_TIME_UNSET;
  self->status = SW_TASK_STATUS_TODO;
}

SwTask *
sw_task_new (const char *title)
{
  SwTask *self = g_object_new (SW_TYPE_TASK, NULL);

  g_free (self->uid);
  self->uid = g_uuid_string_random ();
  sw_text_replace (&self->title, title);

  return self;
}

gint64
sw_task_get_id (SwTask *self)
{
  g_return_val_if_fail (SW_IS_TASK (self), 0);

  return self->id;
}

void
sw_task_set_id (SwTask *self,
                gint64  id)
{
  g_return_if_fail (SW_IS_TASK (self));

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
sw_task_get_uid (SwTask *self)
{
  g_return_val_if_fail (SW_IS_TASK (self), "");

  return self->uid;
}

void
sw_task_set_uid (SwTask     *self,
                 const char *uid)
{
  g_return_if_fail (SW_IS_TASK (self));

  if (sw_text_replace (&self->uid, uid))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UID]);
}

int
sw_task_get_sequence (SwTask *self)
{
  g_return_val_if_fail (SW_IS_TASK (self), 0);

  return self->sequence;
}

void
sw_task_set_sequence (SwTask *self,
                      int     sequence)
{
  g_return_if_fail (SW_IS_TASK (self));

  if (self->sequence == sequence)
    return;

  self->sequence = sequence;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEQUENCE]);
}

const char *
sw_task_get_title (SwTask *self)
{
  g_return_val_if_fail (SW_IS_TASK (self), "");

  return self->title;
}

void
sw_task_set_title (SwTask     *self,
                   const char *title)
{
  g_return_if_fail (SW_IS_TASK (self));

  if (sw_text_replace (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

SwDepartment *
sw_task_get_department (SwTask *self)
{
  g_return_val_if_fail (SW_IS_TASK (self), NULL);

  return self->department;
}

void
sw_task_set_department (SwTask       *self,
                        SwDepartment *department)
{
  g_return_if_fail (SW_IS_TASK (self));
  g_return_if_fail (department == NULL || SW_IS_DEPARTMENT (department));

  if (g_set_object (&self->department, department))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEPARTMENT]);
}

SwPerson *
sw_task_get_person (SwTask *self)
{
  g_return_val_if_fail (SW_IS_TASK (self), NULL);

  return self->person;
}

void
sw_task_set_person (SwTask   *self,
                    SwPerson *person)
{
  g_return_if_fail (SW_IS_TASK (self));
  g_return_if_fail (person == NULL || SW_IS_PERSON (person));

  if (g_set_object (&self->person, person))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSON]);
}

gint64
sw_task_get_due (SwTask *self)
{
  g_return_val_if_fail (SW_IS_TASK (self), SW_TIME_UNSET);

  return self->due;
}

void
sw_task_set_due (SwTask *self,
                 gint64  due)
{
  g_return_if_fail (SW_IS_TASK (self));

  if (self->due == due)
    return;

  self->due = due;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DUE]);
}

SwTaskStatus
sw_task_get_status (SwTask *self)
{
  g_return_val_if_fail (SW_IS_TASK (self), SW_TASK_STATUS_TODO);

  return self->status;
}

void
sw_task_set_status (SwTask       *self,
                    SwTaskStatus  status)
{
  g_return_if_fail (SW_IS_TASK (self));

  if (self->status == status)
    return;

  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

SwSlot *
sw_task_get_slot (SwTask *self)
{
  g_return_val_if_fail (SW_IS_TASK (self), NULL);

  return self->slot;
}

void
sw_task_set_slot (SwTask *self,
                  SwSlot *slot)
{
  g_return_if_fail (SW_IS_TASK (self));
  g_return_if_fail (slot == NULL || SW_IS_SLOT (slot));

  if (g_set_object (&self->slot, slot))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SLOT]);
}

const char *
sw_task_get_notes (SwTask *self)
{
  g_return_val_if_fail (SW_IS_TASK (self), "");

  return self->notes;
}

void
sw_task_set_notes (SwTask     *self,
                   const char *notes)
{
  g_return_if_fail (SW_IS_TASK (self));

  if (sw_text_replace (&self->notes, notes))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES]);
}
