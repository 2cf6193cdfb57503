/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sw-command.h"

G_BEGIN_DECLS

#define SW_TYPE_LIST_COMMAND (sw_list_command_get_type ())
G_DECLARE_FINAL_TYPE (SwListCommand, sw_list_command, SW, LIST_COMMAND, SwCommand)

/* Inserts @item at @position (G_MAXUINT: at the end) of the list property
 * @list ("slots", "duties", …) of @owner. */
SwCommand  *sw_list_command_new_insert      (GObject       *owner,
                                             const char    *list,
                                             gpointer       item,
                                             guint          position);
/* Removes @item from the list property @list of @owner; reverting puts it
 * back where it was. */
SwCommand  *sw_list_command_new_remove      (GObject       *owner,
                                             const char    *list,
                                             gpointer       item);
GObject    *sw_list_command_get_owner       (SwListCommand *self);
const char *sw_list_command_get_list        (SwListCommand *self);
GObject    *sw_list_command_get_item        (SwListCommand *self);
/* TRUE when the command, run in this direction, puts the item into the
 * list (an insert applied, or a remove reverted). */
gboolean    sw_list_command_adds_item       (SwListCommand *self,
                                             gboolean       reverting);

G_END_DECLS
