/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "sw-publish-state.h"
#include "sw-text.h"

typedef struct
{
  char       *token;
  char       *name;
  char       *digest;
  gboolean    created;
  char       *color;
  GHashTable *resources;   /* char *uid → Resource * */
} Calendar;

typedef struct
{
  char *etag;
  char *hash;
} Resource;

struct _SwPublishState
{
  GObject     parent_instance;

  char       *server;
  char       *user;
  gboolean    include_phones;
  GHashTable *calendars;   /* char *key → Calendar * */
};

G_DEFINE_FINAL_TYPE (SwPublishState, sw_publish_state, G_TYPE_OBJECT)

static void
resource_free (Resource *resource)
{
  g_free (resource->etag);
  g_free (resource->hash);
  g_free (resource);
}

static void
calendar_free (Calendar *calendar)
{
  g_free (calendar->token);
  g_free (calendar->name);
  g_free (calendar->digest);
  g_free (calendar->color);
  g_hash_table_unref (calendar->resources);
  g_free (calendar);
}

static void
sw_publish_state_finalize (GObject *object)
{
  SwPublishState *self = SW_PUBLISH_STATE (object);

  g_free (self->server);
  g_free (self->user);
  g_clear_pointer (&self->calendars, g_hash_table_unref);

  G_OBJECT_CLASS (sw_publish_state_parent_class)->finalize (object);
}

static void
sw_publish_state_class_init (SwPublishStateClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sw_publish_state_finalize;
}

static void
sw_publish_state_init (SwPublishState *self)
{
  self->server = g_strdup ("");
  self->user = g_strdup ("");
  self->calendars = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                           (GDestroyNotify) calendar_free);
}

SwPublishState *
sw_publish_state_new (void)
{
  return g_object_new (SW_TYPE_PUBLISH_STATE, NULL);
}

const char *
sw_publish_state_get_server (SwPublishState *self)
{
  g_return_val_if_fail (SW_IS_PUBLISH_STATE (self), NULL);

  return self->server;
}

void
sw_publish_state_set_server (SwPublishState *self,
                             const char     *server)
{
  g_return_if_fail (SW_IS_PUBLISH_STATE (self));

  g_free (self->server);
  self->server = g_strdup (server != NULL ? server : "");
}

const char *
sw_publish_state_get_user (SwPublishState *self)
{
  g_return_val_if_fail (SW_IS_PUBLISH_STATE (self), NULL);

  return self->user;
}

void
sw_publish_state_set_user (SwPublishState *self,
                           const char     *user)
{
  g_return_if_fail (SW_IS_PUBLISH_STATE (self));

  g_free (self->user);
  self->user = g_strdup (user != NULL ? user : "");
}

gboolean
sw_publish_state_get_include_phones (SwPublishState *self)
{
  g_return_val_if_fail (SW_IS_PUBLISH_STATE (self), FALSE);

  return self->include_phones;
}

void
sw_publish_state_set_include_phones (SwPublishState *self,
                                     gboolean        include_phones)
{
  g_return_if_fail (SW_IS_PUBLISH_STATE (self));

  self->include_phones = !!include_phones;
}

gboolean
sw_publish_state_lookup_calendar (SwPublishState    *self,
                                  const char        *key,
                                  SwPublishCalendar *out)
{
  Calendar *calendar;

  g_return_val_if_fail (SW_IS_PUBLISH_STATE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  calendar = g_hash_table_lookup (self->calendars, key);
  if (calendar == NULL)
    return FALSE;
  if (out != NULL)
    {
      out->token = calendar->token;
      out->name = calendar->name;
      out->digest = calendar->digest;
      out->created = calendar->created;
      out->color = calendar->color;
    }
  return TRUE;
}

void
sw_publish_state_set_calendar (SwPublishState          *self,
                               const char              *key,
                               const SwPublishCalendar *calendar)
{
  Calendar *kept;
  char *token, *name, *digest, *color;

  g_return_if_fail (SW_IS_PUBLISH_STATE (self));
  g_return_if_fail (key != NULL);
  g_return_if_fail (calendar != NULL && calendar->token != NULL && *calendar->token != '\0');

  /* Copied first: @calendar may hold the strings being replaced. */
  token = g_strdup (calendar->token);
  name = g_strdup (calendar->name);
  digest = g_strdup (calendar->digest);
  color = g_strdup (calendar->color);

  kept = g_hash_table_lookup (self->calendars, key);
  if (kept == NULL)
    {
      kept = g_new0 (Calendar, 1);
      kept->resources = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                               (GDestroyNotify) resource_free);
      g_hash_table_insert (self->calendars, g_strdup (key), kept);
    }
  g_free (kept->token);
  g_free (kept->name);
  g_free (kept->digest);
  g_free (kept->color);
  kept->token = token;
  kept->name = name;
  kept->digest = digest;
  kept->created = calendar->created;
  kept->color = color;
}

void
sw_publish_state_remove_calendar (SwPublishState *self,
                                  const char     *key)
{
  g_return_if_fail (SW_IS_PUBLISH_STATE (self));
  g_return_if_fail (key != NULL);

  g_hash_table_remove (self->calendars, key);
}

GStrv
sw_publish_state_dup_keys (SwPublishState *self)
{
  g_return_val_if_fail (SW_IS_PUBLISH_STATE (self), NULL);

  return sw_text_dup_sorted_keys (self->calendars);
}

void
sw_publish_state_foreach_resource (SwPublishState        *self,
                                   const char            *key,
                                   SwPublishResourceFunc  func,
                                   gpointer               user_data)
{
  Calendar *calendar;
  g_auto(GStrv) uids = NULL;

  g_return_if_fail (SW_IS_PUBLISH_STATE (self));
  g_return_if_fail (key != NULL && func != NULL);

  calendar = g_hash_table_lookup (self->calendars, key);
  if (calendar == NULL)
    return;
  uids = sw_text_dup_sorted_keys (calendar->resources);
  for (guint i = 0; uids[i] != NULL; i++)
    {
      Resource *resource = g_hash_table_lookup (calendar->resources, uids[i]);
      SwPublishResource out = { resource->etag, resource->hash };

      func (uids[i], &out, user_data);
    }
}

gboolean
sw_publish_state_lookup_resource (SwPublishState    *self,
                                  const char        *key,
                                  const char        *uid,
                                  SwPublishResource *out)
{
  Calendar *calendar;
  Resource *resource;

  g_return_val_if_fail (SW_IS_PUBLISH_STATE (self), FALSE);
  g_return_val_if_fail (key != NULL && uid != NULL, FALSE);

  calendar = g_hash_table_lookup (self->calendars, key);
  resource = calendar != NULL ? g_hash_table_lookup (calendar->resources, uid) : NULL;
  if (resource == NULL)
    return FALSE;
  if (out != NULL)
    {
      out->etag = resource->etag;
      out->hash = resource->hash;
    }
  return TRUE;
}

void
sw_publish_state_set_resource (SwPublishState          *self,
                               const char              *key,
                               const char              *uid,
                               const SwPublishResource *resource)
{
  Calendar *calendar;
  Resource *kept;

  g_return_if_fail (SW_IS_PUBLISH_STATE (self));
  g_return_if_fail (key != NULL && uid != NULL && resource != NULL);
  g_return_if_fail (resource->etag != NULL && resource->hash != NULL);

  calendar = g_hash_table_lookup (self->calendars, key);
  g_return_if_fail (calendar != NULL);

  kept = g_new0 (Resource, 1);
  kept->etag = g_strdup (resource->etag);
  kept->hash = g_strdup (resource->hash);
  g_hash_table_replace (calendar->resources, g_strdup (uid), kept);
}

void
sw_publish_state_remove_resource (SwPublishState *self,
                                  const char     *key,
                                  const char     *uid)
{
  Calendar *calendar;

  g_return_if_fail (SW_IS_PUBLISH_STATE (self));
  g_return_if_fail (key != NULL && uid != NULL);

  calendar = g_hash_table_lookup (self->calendars, key);
  if (calendar != NULL)
    g_hash_table_remove (calendar->resources, uid);
}

GStrv
sw_publish_state_dup_uids (SwPublishState *self,
                           const char     *key)
{
  Calendar *calendar;

  g_return_val_if_fail (SW_IS_PUBLISH_STATE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  calendar = g_hash_table_lookup (self->calendars, key);
  if (calendar == NULL)
    return g_new0 (char *, 1);

  return sw_text_dup_sorted_keys (calendar->resources);
}
