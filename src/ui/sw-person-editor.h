/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sw-core.h"

G_BEGIN_DECLS

/* Edits a person (or adds one when @person is NULL): name, department,
 * job title, phone, e-mail, notes, active, and unavailable times.  Save
 * applies everything as one undo step. */
#define SW_TYPE_PERSON_EDITOR (sw_person_editor_get_type ())
G_DECLARE_FINAL_TYPE (SwPersonEditor, sw_person_editor, SW, PERSON_EDITOR, AdwWindow)

SwPersonEditor *sw_person_editor_new        (GtkWindow      *parent,
                                             SwOrganisation *organisation,
                                             SwPerson       *person,
                                             SwDepartment   *department);

G_END_DECLS
