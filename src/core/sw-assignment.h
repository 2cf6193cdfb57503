/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sw-duty.h"
#include "sw-person.h"

G_BEGIN_DECLS

/* A person on a slot (the slot owns its assignments): "id", "person",
 * "duty" (SwDuty of the same slot, or NULL for an attendee without a
 * duty), "note", "pinned" (TRUE when made by hand; auto-fill never moves
 * pinned assignments). */
#define SW_TYPE_ASSIGNMENT (sw_assignment_get_type ())
G_DECLARE_FINAL_TYPE (SwAssignment, sw_assignment, SW, ASSIGNMENT, GObject)

SwAssignment *sw_assignment_new        (SwPerson     *person,
                                        SwDuty       *duty);
gint64        sw_assignment_get_id     (SwAssignment *self);
void          sw_assignment_set_id     (SwAssignment *self,
                                        gint64        id);
SwPerson     *sw_assignment_get_person (SwAssignment *self);
void          sw_assignment_set_person (SwAssignment *self,
                                        SwPerson     *person);
SwDuty       *sw_assignment_get_duty   (SwAssignment *self);
void          sw_assignment_set_duty   (SwAssignment *self,
                                        SwDuty       *duty);
const char   *sw_assignment_get_note   (SwAssignment *self);
void          sw_assignment_set_note   (SwAssignment *self,
                                        const char   *note);
gboolean      sw_assignment_get_pinned (SwAssignment *self);
void          sw_assignment_set_pinned (SwAssignment *self,
                                        gboolean      pinned);

G_END_DECLS
