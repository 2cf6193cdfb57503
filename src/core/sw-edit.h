/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sw-organisation.h"

G_BEGIN_DECLS

/*
 * The user actions that touch more than one object, each pushed onto the
 * organisation's undo stack as one undoable step (a group), and checked
 * before anything changes: on error nothing is pushed.
 *
 * Single-property edits go through sw_undo_stack_set(); single inserts
 * through sw_edit_add().
 */

/* Insert @item into the list @list of @owner at the end (one step); the
 * organisation's "departments" stay sorted by position and a person's
 * "unavailability" by start. */
gboolean sw_edit_add              (SwOrganisation *org,
                                   gpointer        owner,
                                   const char     *list,
                                   gpointer        item,
                                   GError        **error);

/* Assign @person to @slot, filling @duty (NULL: attendee).  Fails with
 * SW_CORE_ERROR_CONFLICT when the person is already on the slot or the
 * duty is not one of the slot's. */
gboolean sw_edit_assign           (SwOrganisation *org,
                                   SwSlot         *slot,
                                   SwPerson       *person,
                                   SwDuty         *duty,
                                   GError        **error);
/* Remove @person from @slot; SW_CORE_ERROR_NOT_FOUND when not on it. */
gboolean sw_edit_unassign         (SwOrganisation *org,
                                   SwSlot         *slot,
                                   SwPerson       *person,
                                   GError        **error);
/* Move or resize @slot; end must be after start. */
gboolean sw_edit_move_slot        (SwOrganisation *org,
                                   SwSlot         *slot,
                                   gint64          start,
                                   gint64          end,
                                   GError        **error);

/* Deletions that keep the model consistent: a slot (its tasks lose the
 * link), a duty (its assignments go), a person (their assignments,
 * committee seats and task ownership go), a department (refused while it
 * has people; duties, organiser lists and tasks lose it), a committee, a
 * task, a plan. */
gboolean sw_edit_delete_slot       (SwOrganisation *org,
                                    SwPlan         *plan,
                                    SwSlot         *slot,
                                    GError        **error);
gboolean sw_edit_delete_duty       (SwOrganisation *org,
                                    SwSlot         *slot,
                                    SwDuty         *duty,
                                    GError        **error);
gboolean sw_edit_delete_person     (SwOrganisation *org,
                                    SwPerson       *person,
                                    GError        **error);
gboolean sw_edit_delete_department (SwOrganisation *org,
                                    SwDepartment   *department,
                                    GError        **error);
gboolean sw_edit_delete_plan       (SwOrganisation *org,
                                    SwPlan         *plan,
                                    GError        **error);
/* Remove @item from the list @list of @owner (committees, tasks, visit
 * targets, unavailability, committee members, organisers). */
gboolean sw_edit_remove            (SwOrganisation *org,
                                    gpointer        owner,
                                    const char     *list,
                                    gpointer        item,
                                    GError        **error);

G_END_DECLS
