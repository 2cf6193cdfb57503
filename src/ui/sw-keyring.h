/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/*
 * The calendar server's password in the desktop keyring (the Secret
 * Service, through libsecret), one per server address and user: never in
 * the database, the plan file or a log.
 */

/* The password kept for @user on @server; NULL (and no error) when the
 * keyring has none. */
void     sw_keyring_lookup_async  (const char           *server,
                                   const char           *user,
                                   GCancellable         *cancellable,
                                   GAsyncReadyCallback   callback,
                                   gpointer              user_data);
char    *sw_keyring_lookup_finish (GAsyncResult         *result,
                                   GError              **error);

void     sw_keyring_store_async   (const char           *server,
                                   const char           *user,
                                   const char           *password,
                                   GCancellable         *cancellable,
                                   GAsyncReadyCallback   callback,
                                   gpointer              user_data);
gboolean sw_keyring_store_finish  (GAsyncResult         *result,
                                   GError              **error);

G_END_DECLS
