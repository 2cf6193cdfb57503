/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sw-command.h"

G_BEGIN_DECLS

#define SW_TYPE_COMMAND_GROUP (sw_command_group_get_type ())
G_DECLARE_FINAL_TYPE (SwCommandGroup, sw_command_group, SW, COMMAND_GROUP, SwCommand)

/* Applies its children in order and reverts them in reverse order.
 * sw_command_group_add takes ownership of @command (transfer full). */
SwCommand *sw_command_group_new       (const char     *label);
void       sw_command_group_add       (SwCommandGroup *self,
                                       SwCommand      *command);
guint      sw_command_group_get_size  (SwCommandGroup *self);
SwCommand *sw_command_group_get_child (SwCommandGroup *self,
                                       guint           index);

G_END_DECLS
