/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sw-organisation.h"

G_BEGIN_DECLS

/*
 * Auto-fill: a proposal that fills the empty duty seats of a plan (or of
 * one day, or one slot) with active people, and says why the seats it
 * leaves empty cannot be filled.
 *
 * Hard rules: a duty's required department; no person on two slots that
 * overlap, or that follow each other at different places with less than
 * the plan's "travel-buffer" minutes between them; never during a
 * person's unavailability; at most one assignment per person and slot.
 * Existing assignments (pinned or not) are never moved or removed and
 * count toward the seats and the people's time, so that running it again
 * on an unchanged plan proposes nothing.
 *
 * Goals, in order: as many filled seats as possible (exact when no two
 * slots conflict: each slot is then a maximum matching of seats and
 * people); then fairness: the smallest largest number of hours per
 * person, then the most even spread.
 *
 * The proposal is computed when the object is made and keeps strong
 * references to what it names.  Properties: "organisation", "plan",
 * "day", "slot" (construct-only: the scope), "stale" (read-only, TRUE once
 * the organisation's undo stack has changed since the proposal was made).
 */
#define SW_TYPE_AUTOFILL (sw_autofill_get_type ())
G_DECLARE_FINAL_TYPE (SwAutofill, sw_autofill, SW, AUTOFILL, GObject)

/* The "day" of a proposal that covers every day. */
#define SW_AUTOFILL_ALL_DAYS G_MININT

/* Computes a proposal for the slots of @plan that start on @day
 * (SW_AUTOFILL_ALL_DAYS: every slot), or for @slot alone when it is not
 * NULL (it must be one of @plan's).  Never changes the model. */
SwAutofill     *sw_autofill_new              (SwOrganisation *org,
                                              SwPlan         *plan,
                                              int             day,
                                              SwSlot         *slot);

SwPlan         *sw_autofill_get_plan         (SwAutofill     *self);
int             sw_autofill_get_day          (SwAutofill     *self);
SwSlot         *sw_autofill_get_slot         (SwAutofill     *self);
gboolean        sw_autofill_get_stale        (SwAutofill     *self);

/* Seats that were empty in the scope, and how many of them stay empty. */
guint           sw_autofill_get_n_seats      (SwAutofill     *self);
guint           sw_autofill_get_n_unfilled   (SwAutofill     *self);

/* The proposed assignments, ordered by slot start, then by duty, then by
 * person name.  Out parameters may be NULL (transfer none). */
guint           sw_autofill_get_n_fills      (SwAutofill     *self);
void            sw_autofill_get_fill         (SwAutofill     *self,
                                              guint           index,
                                              SwSlot        **slot,
                                              SwDuty        **duty,
                                              SwPerson      **person);

/* The duties that keep empty seats, in the same order, with how many
 * seats stay empty and why, in words a coordinator understands:
 * "no free person of 直属供电所 on Sep 23 9:00–11:00 (4 of 4 already on
 * 服务台)". */
guint           sw_autofill_get_n_gaps       (SwAutofill     *self);
void            sw_autofill_get_gap          (SwAutofill     *self,
                                              guint           index,
                                              SwSlot        **slot,
                                              SwDuty        **duty,
                                              guint          *n_empty,
                                              const char    **reason);

/* The minutes of slots each person of the organisation would hold in the
 * plan with the proposal applied (existing assignments included), the
 * largest of them, and the proposal's share for @person. */
int             sw_autofill_get_max_minutes  (SwAutofill     *self);
int             sw_autofill_get_person_minutes (SwAutofill   *self,
                                                SwPerson     *person);

/* Applies the proposal as one undo step ("Auto-fill"): new assignments
 * with "pinned" FALSE.  An empty proposal changes nothing and succeeds.
 * Fails with SW_CORE_ERROR_CONFLICT, changing nothing, when the proposal
 * is stale. */
gboolean        sw_autofill_apply            (SwAutofill     *self,
                                              GError        **error);

/* "Sep 23 9:00–11:00": a slot's time as the explanations write it. */
char           *sw_autofill_format_when      (gint64          start,
                                              gint64          end);

G_END_DECLS
