/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Called with the stripped, non-empty name the user confirmed. */
typedef void (*SwNameCallback) (GObject    *owner,
                                const char *name,
                                gpointer    data);

/* Asks for a name in a message dialog over @owner's window ("Add
 * Department", "Rename Committee", …).  @owner and @data (a GObject or
 * NULL) are kept alive until the dialog closes. */
void sw_name_dialog_ask     (GtkWidget      *owner,
                             const char     *heading,
                             const char     *ok_label,
                             const char     *initial,
                             SwNameCallback  callback,
                             gpointer        data);

/* Shows @heading and @body in a message dialog over @owner's window. */
void sw_name_dialog_message (GtkWidget      *owner,
                             const char     *heading,
                             const char     *body);

G_END_DECLS
