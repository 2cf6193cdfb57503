/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sw-core.h"

G_BEGIN_DECLS

/* Edits a task of a plan (or adds one when @task is NULL): title, status,
 * due time, owner department and person, linked slot, notes.  Save applies
 * everything as one undo step. */
#define SW_TYPE_TASK_EDITOR (sw_task_editor_get_type ())
G_DECLARE_FINAL_TYPE (SwTaskEditor, sw_task_editor, SW, TASK_EDITOR, AdwWindow)

SwTaskEditor *sw_task_editor_new (GtkWindow      *parent,
                                  SwOrganisation *organisation,
                                  SwPlan         *plan,
                                  SwTask         *task);

G_END_DECLS
