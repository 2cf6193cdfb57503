/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/*
 * Every change of the model is a command.  There are three kinds, which
 * together express every edit of every entity:
 *
 *  - SwPropertyCommand: set one property of one object;
 *  - SwListCommand: insert an item into, or remove it from, a list property
 *    of its owner ("slots" of a plan, "duties" of a slot, …);
 *  - SwCommandGroup: several commands that are one user action.
 *
 * The store persists a command by looking at these three kinds only.
 */
#define SW_TYPE_COMMAND (sw_command_get_type ())
G_DECLARE_DERIVABLE_TYPE (SwCommand, sw_command, SW, COMMAND, GObject)

struct _SwCommandClass
{
  GObjectClass parent_class;

  void (*apply)  (SwCommand *self);
  void (*revert) (SwCommand *self);
};

const char *sw_command_get_label (SwCommand  *self);
void        sw_command_set_label (SwCommand  *self,
                                  const char *label);
void        sw_command_apply     (SwCommand  *self);
void        sw_command_revert    (SwCommand  *self);

G_END_DECLS
