/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sw-enums.h"
#include "sw-slot.h"

G_BEGIN_DECLS

/*
 * A coordinator's decision to live with one person-related problem ("the
 * deputy director really will do both").  It names the problem by "kind",
 * "person", "slot" (the problem's slot, may be NULL) and "situation": the
 * rulebook's locale-free description of the circumstances (the times, the
 * other slot, the hours…).  It covers the problem only while the problem
 * has exactly that situation: when another slot moves into the overlap,
 * the situation changes and the problem is back.  "note" is the
 * coordinator's reason.  Kept in the plan's "accepted" list.
 */
#define SW_TYPE_ACCEPTANCE (sw_acceptance_get_type ())
G_DECLARE_FINAL_TYPE (SwAcceptance, sw_acceptance, SW, ACCEPTANCE, GObject)

SwAcceptance  *sw_acceptance_new           (SwProblemKind  kind,
                                            SwPerson      *person,
                                            SwSlot        *slot,
                                            const char    *situation,
                                            const char    *note);
gint64         sw_acceptance_get_id        (SwAcceptance  *self);
void           sw_acceptance_set_id        (SwAcceptance  *self,
                                            gint64         id);
SwProblemKind  sw_acceptance_get_kind      (SwAcceptance  *self);
SwPerson      *sw_acceptance_get_person    (SwAcceptance  *self);
SwSlot        *sw_acceptance_get_slot      (SwAcceptance  *self);
const char    *sw_acceptance_get_situation (SwAcceptance  *self);
const char    *sw_acceptance_get_note      (SwAcceptance  *self);
void           sw_acceptance_set_note      (SwAcceptance  *self,
                                            const char    *note);

G_END_DECLS
