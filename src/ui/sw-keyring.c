/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsecret/secret.h>

#include "sw-keyring.h"

static const SecretSchema *
password_schema (void)
{
  static const SecretSchema schema = {
    APP_ID ".CalDav", SECRET_SCHEMA_NONE,
    {
      { "server", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "user", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    }
  };

  return &schema;
}

void
sw_keyring_lookup_async (const char          *server,
                         const char          *user,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_return_if_fail (server != NULL && user != NULL);

  secret_password_lookup (password_schema (), cancellable, callback, user_data,
                          "server", server, "user", user, NULL);
}

char *
sw_keyring_lookup_finish (GAsyncResult  *result,
                          GError       **error)
{
  char *password = secret_password_lookup_finish (result, error);
  char *copy;

  if (password == NULL)
    return NULL;
  /* The keyring's copy is wiped as it is freed. */
  copy = g_strdup (password);
  secret_password_free (password);
  return copy;
}

void
sw_keyring_store_async (const char          *server,
                        const char          *user,
                        const char          *password,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autofree char *label = NULL;

  g_return_if_fail (server != NULL && user != NULL && password != NULL);

  /* Translators: the name of the password in the keyring (Seahorse) */
  label = g_strdup_printf (_("Service Week Planner: %s on %s"), user, server);
  secret_password_store (password_schema (), SECRET_COLLECTION_DEFAULT, label, password,
                         cancellable, callback, user_data, "server", server, "user", user, NULL);
}

gboolean
sw_keyring_store_finish (GAsyncResult  *result,
                         GError       **error)
{
  return secret_password_store_finish (result, error);
}
