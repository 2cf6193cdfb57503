/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sw-person.h"
#include "sw-plan.h"

G_BEGIN_DECLS

/* One duty as a person's calendar last gave it to them: the slot (by UID)
 * and the duty (by id; 0 and no name for an attendee of the slot), with
 * what the calendar said of them. */
typedef struct
{
  char   *slot_uid;
  gint64  duty_id;
  char   *title;      /* the slot's */
  char   *duty;       /* the duty's name */
  char   *location;
  gint64  start;      /* local minutes */
  gint64  end;
} SwReceivedDuty;

void sw_received_duty_free (SwReceivedDuty *duty);

/*
 * What each person of a plan last received in a calendar — their own
 * file, their department's, or their published calendar — so that the
 * change notices compare what they hold now with what they were told, not
 * with a log of edits.  People are named by id; one who never received a
 * calendar has no entry (their first calendar is no change).  A plain map
 * in memory: the store loads it and saves the people recorded anew;
 * recording is not an undoable edit.
 */
#define SW_TYPE_RECEIVED (sw_received_get_type ())
G_DECLARE_FINAL_TYPE (SwReceived, sw_received, SW, RECEIVED, GObject)

SwReceived *sw_received_new          (void);

/* What the store read: @person_id received a calendar (maybe without a
 * duty), with @duty among its duties. */
void        sw_received_mark         (SwReceived           *self,
                                      gint64                person_id);
void        sw_received_add          (SwReceived           *self,
                                      gint64                person_id,
                                      const SwReceivedDuty *duty);

/* @person received a calendar just now: their duties in @index (of
 * sw_received_index_plan ()) replace what they had received. */
void        sw_received_record       (SwReceived           *self,
                                      GHashTable           *index,
                                      SwPerson             *person);

/* The duties @person_id last received (SwReceivedDuty, borrowed), or NULL
 * when they never received a calendar. */
GPtrArray  *sw_received_lookup       (SwReceived           *self,
                                      gint64                person_id);
guint       sw_received_get_n_people (SwReceived           *self);

/* The people recorded since loading or the last save, sorted (transfer
 * full); then sw_received_mark_saved (). */
GArray     *sw_received_dup_changed  (SwReceived           *self);
void        sw_received_mark_saved   (SwReceived           *self);

/* Each person's duties in @plan now: person id (gint64 *) → GPtrArray of
 * SwReceivedDuty, in the plan's slot order; one pass over the plan. */
GHashTable *sw_received_index_plan   (SwPlan               *plan);
/* The same for the people of @people only (gint64 * ids, a set). */
GHashTable *sw_received_index_plan_for (SwPlan             *plan,
                                        GHashTable         *people);

G_END_DECLS
