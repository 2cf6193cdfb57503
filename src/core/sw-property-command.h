/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sw-command.h"

G_BEGIN_DECLS

#define SW_TYPE_PROPERTY_COMMAND (sw_property_command_get_type ())
G_DECLARE_FINAL_TYPE (SwPropertyCommand, sw_property_command, SW, PROPERTY_COMMAND, SwCommand)

/* Sets @property of @object to @value; the old value is read when the
 * command is created. */
SwCommand  *sw_property_command_new           (GObject           *object,
                                               const char        *property,
                                               const GValue      *value);
GObject    *sw_property_command_get_object    (SwPropertyCommand *self);
const char *sw_property_command_get_property  (SwPropertyCommand *self);

G_END_DECLS
