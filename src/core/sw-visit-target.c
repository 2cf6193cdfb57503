/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sw-visit-target.h"
#include "sw-text.h"

struct _SwVisitTarget
{
  GObject  parent_instance;

  gint64   id;
  char    *name;
  char    *address;
  char    *contact;
  char    *phone;
};

G_DEFINE_FINAL_TYPE (SwVisitTarget, sw_visit_target, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_ADDRESS,
  PROP_CONTACT,
  PROP_PHONE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sw_visit_target_finalize (GObject *object)
{
  SwVisitTarget *self = SW_VISIT_TARGET (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->address, g_free);
  g_clear_pointer (&self->contact, g_free);
  g_clear_pointer (&self->phone, g_free);

  G_OBJECT_CLASS (sw_visit_target_parent_class)->finalize (object);
}

static void
sw_visit_target_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SwVisitTarget *self = SW_VISIT_TARGET (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_ADDRESS:
      g_value_set_string (value, self->address);
      break;
    case PROP_CONTACT:
      g_value_set_string (value, self->contact);
      break;
    case PROP_PHONE:
      g_value_set_string (value, self->phone);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sw_visit_target_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  SwVisitTarget *self = SW_VISIT_TARGET (object);

  switch (prop_id)
    {
    case PROP_ID:
      sw_visit_target_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_NAME:
      sw_visit_target_set_name (self, g_value_get_string (value));
      break;
    case PROP_ADDRESS:
      sw_visit_target_set_address (self, g_value_get_string (value));
      break;
    case PROP_CONTACT:
      sw_visit_target_set_contact (self, g_value_get_string (value));
      break;
    case PROP_PHONE:
      sw_visit_target_set_phone (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sw_visit_target_class_init (SwVisitTargetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = sw_visit_target_finalize;
  object_class->get_property = sw_visit_target_get_property;
  object_class->set_property = sw_visit_target_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, "", flags);
  properties[PROP_ADDRESS] =
    g_param_spec_string ("address", NULL, NULL, "", flags);
  properties[PROP_CONTACT] =
    g_param_spec_string ("contact", NULL, NULL, "", flags);
  properties[PROP_PHONE] =
    g_param_spec_string ("phone", NULL, NULL, "", flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sw_visit_target_init (SwVisitTarget *self)
{
  self->name = g_strdup ("");
  self->address = g_strdup ("");
  self->contact = g_strdup ("");
  self->phone = g_strdup ("");
}

SwVisitTarget *
sw_visit_target_new (const char *name)
{
  SwVisitTarget *self = g_object_new (SW_TYPE_VISIT_TARGET, NULL);

  sw_text_replace (&self->name, name);

  return self;
}

gint64
sw_visit_target_get_id (SwVisitTarget *self)
{
  g_return_val_if_fail (SW_IS_VISIT_TARGET (self), 0);

  return self->id;
}

void
sw_visit_target_set_id (SwVisitTarget *self,
                        gint64         id)
{
  g_return_if_fail (SW_IS_VISIT_TARGET (self));

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
sw_visit_target_get_name (SwVisitTarget *self)
{
  g_return_val_if_fail (SW_IS_VISIT_TARGET (self), "");

  return self->name;
}

void
sw_visit_target_set_name (SwVisitTarget *self,
                          const char    *name)
{
  g_return_if_fail (SW_IS_VISIT_TARGET (self));

  if (sw_text_replace (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
sw_visit_target_get_address (SwVisitTarget *self)
{
  g_return_val_if_fail (SW_IS_VISIT_TARGET (self), "");

  return self->address;
}

void
sw_visit_target_set_address (SwVisitTarget *self,
                             const char    *address)
{
  g_return_if_fail (SW_IS_VISIT_TARGET (self));

  if (sw_text_replace (&self->address, address))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ADDRESS]);
}

const char *
sw_visit_target_get_contact (SwVisitTarget *self)
{
  g_return_val_if_fail (SW_IS_VISIT_TARGET (self), "");

  return self->contact;
}

void
sw_visit_target_set_contact (SwVisitTarget *self,
                             const char    *contact)
{
  g_return_if_fail (SW_IS_VISIT_TARGET (self));

  if (sw_text_replace (&self->contact, contact))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTACT]);
}

const char *
sw_visit_target_get_phone (SwVisitTarget *self)
{
  g_return_val_if_fail (SW_IS_VISIT_TARGET (self), "");

  return self->phone;
}

void
sw_visit_target_set_phone (SwVisitTarget *self,
                           const char    *phone)
{
  g_return_if_fail (SW_IS_VISIT_TARGET (self));

  if (sw_text_replace (&self->phone, phone))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHONE]);
}
