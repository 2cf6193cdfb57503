/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sw-assign-candidate.h"

G_BEGIN_DECLS

/*
 * Who can fill a seat: pure functions of the model, tested without a
 * display.
 */

/* The active people of @org ranked for @duty of @slot (@duty NULL: an
 * attendee without a duty), as a GListStore of SwAssignCandidate: free
 * people of the required department first, then free people of other
 * departments ("other department"), people on an overlapping slot of @plan
 * ("busy: 服务台 9:00–11:00"), people unavailable then ("unavailable"), and
 * last the people already on @slot ("already on this slot").  Within a
 * rank, departments in roster order, then people in roster order. */
GListStore *sw_assign_rank           (SwOrganisation *org,
                                      SwPlan         *plan,
                                      SwSlot         *slot,
                                      SwDuty         *duty);

/* Where a person dropped on @slot goes: the first duty that still has a
 * free seat and takes @person's department (or any department), or NULL
 * (an attendee without a duty). */
SwDuty     *sw_assign_pick_duty      (SwSlot         *slot,
                                      SwPerson       *person);

/* "9:00–11:00" */
char       *sw_assign_format_span    (gint64          start,
                                      gint64          end);

G_END_DECLS
