/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sw-unavailability.h"
#include "sw-text.h"

struct _SwUnavailability
{
  GObject  parent_instance;

  gint64   id;
  gint64   start;
  gint64   end;
  char    *reason;
};

G_DEFINE_FINAL_TYPE (SwUnavailability, sw_unavailability, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_START,
  PROP_END,
  PROP_REASON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sw_unavailability_finalize (GObject *object)
{
  SwUnavailability *self = SW_UNAVAILABILITY (object);

  g_clear_pointer (&self->reason, g_free);

  G_OBJECT_CLASS (sw_unavailability_parent_class)->finalize (object);
}

static void
sw_unavailability_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SwUnavailability *self = SW_UNAVAILABILITY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_START:
      g_value_set_int64 (value, self->start);
      break;
    case PROP_END:
      g_value_set_int64 (value, self->end);
      break;
    case PROP_REASON:
      g_value_set_string (value, self->reason);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sw_unavailability_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SwUnavailability *self = SW_UNAVAILABILITY (object);

  switch (prop_id)
    {
    case PROP_ID:
      sw_unavailability_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_START:
      sw_unavailability_set_start (self, g_value_get_int64 (value));
      break;
    case PROP_END:
      sw_unavailability_set_end (self, g_value_get_int64 (value));
      break;
    case PROP_REASON:
      sw_unavailability_set_reason (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sw_unavailability_class_init (SwUnavailabilityClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = sw_unavailability_finalize;
  object_class->get_property = sw_unavailability_get_property;
  object_class->set_property = sw_unavailability_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_START] =
    g_param_spec_int64 ("start", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_END] =
    g_param_spec_int64 ("end", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_REASON] =
    g_param_spec_string ("reason", NULL, NULL, "", flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sw_unavailability_init (SwUnavailability *self)
{
  self->reason = g_strdup ("");
}

SwUnavailability *
sw_unavailability_new (gint64      start,
                       gint64      end,
                       const char *reason)
{
  SwUnavailability *self = g_object_new (SW_TYPE_UNAVAILABILITY, NULL);

  self->start = start;
  self->end = end;
  sw_text_replace (&self->reason, reason);

  return self;
}

gint64
sw_unavailability_get_id (SwUnavailability *self)
{
  g_return_val_if_fail (SW_IS_UNAVAILABILITY (self), 0);

  return self->id;
}

void
sw_unavailability_set_id (SwUnavailability *self,
                          gint64            id)
{
  g_return_if_fail (SW_IS_UNAVAILABILITY (self));

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
sw_unavailability_get_start (SwUnavailability *self)
{
  g_return_val_if_fail (SW_IS_UNAVAILABILITY (self), 0);

  return self->start;
}

void
sw_unavailability_set_start (SwUnavailability *self,
                             gint64            start)
{
  g_return_if_fail (SW_IS_UNAVAILABILITY (self));

  if (self->start == start)
    return;

  self->start = start;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_START]);
}

gint64
sw_unavailability_get_end (SwUnavailability *self)
{
  g_return_val_if_fail (SW_IS_UNAVAILABILITY (self), 0);

  return self->end;
}

void
sw_unavailability_set_end (SwUnavailability *self,
                           gint64            end)
{
  g_return_if_fail (SW_IS_UNAVAILABILITY (self));

  if (self->end == end)
    return;

  self->end = end;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_END]);
}

const char *
sw_unavailability_get_reason (SwUnavailability *self)
{
  g_return_val_if_fail (SW_IS_UNAVAILABILITY (self), "");

  return self->reason;
}

void
sw_unavailability_set_reason (SwUnavailability *self,
                              const char       *reason)
{
  g_return_if_fail (SW_IS_UNAVAILABILITY (self));

  if (sw_text_replace (&self->reason, reason))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REASON]);
}
