/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sw-command.h"

G_BEGIN_DECLS

/*
 * The undo/redo stack.  Pushing a command applies it; while a group is open
 * (begin_group … end_group, nestable) the commands are applied at once but
 * committed together when the outermost group ends, and they are one undo
 * step.
 *
 * The commit function (set by the store) makes a command durable; when it
 * fails the command is reverted in memory, nothing is recorded, and the
 * error is returned: the model never differs from what was saved.
 *
 * Properties: "can-undo", "can-redo", "undo-label", "redo-label".
 * Signal "changed" (SwCommand *command, gboolean reverting): after each
 * successful push (outside groups), end_group, undo and redo.
 */
#define SW_TYPE_UNDO_STACK (sw_undo_stack_get_type ())
G_DECLARE_FINAL_TYPE (SwUndoStack, sw_undo_stack, SW, UNDO_STACK, GObject)

typedef gboolean (*SwCommitFunc) (SwCommand  *command,
                                  gboolean    reverting,
                                  gpointer    user_data,
                                  GError    **error);

SwUndoStack *sw_undo_stack_new             (void);
void         sw_undo_stack_set_commit_func (SwUndoStack    *self,
                                            SwCommitFunc    func,
                                            gpointer        user_data,
                                            GDestroyNotify  destroy);
/* Takes ownership of @command (a floating-free GObject: transfer full). */
gboolean     sw_undo_stack_push            (SwUndoStack    *self,
                                            SwCommand      *command,
                                            GError        **error);
void         sw_undo_stack_begin_group     (SwUndoStack    *self,
                                            const char     *label);
gboolean     sw_undo_stack_end_group       (SwUndoStack    *self,
                                            GError        **error);
/* Reverts everything pushed since the outermost begin_group and closes
 * it, for an action that fails half-way. */
void         sw_undo_stack_cancel_group    (SwUndoStack    *self);
gboolean     sw_undo_stack_undo            (SwUndoStack    *self,
                                            GError        **error);
gboolean     sw_undo_stack_redo            (SwUndoStack    *self,
                                            GError        **error);
gboolean     sw_undo_stack_get_can_undo    (SwUndoStack    *self);
gboolean     sw_undo_stack_get_can_redo    (SwUndoStack    *self);
const char  *sw_undo_stack_get_undo_label  (SwUndoStack    *self);
const char  *sw_undo_stack_get_redo_label  (SwUndoStack    *self);
void         sw_undo_stack_clear           (SwUndoStack    *self);

/* Convenience: push a SwPropertyCommand setting one property, with the
 * value given as in g_object_set (one property, one value). */
gboolean     sw_undo_stack_set             (SwUndoStack    *self,
                                            GError        **error,
                                            gpointer        object,
                                            const char     *property,
                                            ...);

G_END_DECLS
