/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sw-organisation.h"
#include "sw-problem.h"
#include "sw-unavailability.h"

G_BEGIN_DECLS

/*
 * The rulebook: the one place where the rules that decide whether a
 * person may hold a seat are written.  The problems engine, the Assign
 * picker's ranking, auto-fill and the command line all ask it.
 *
 * The person rules, each a problem kind:
 *   double-booking   two slots that overlap (hard);
 *   travel-time      two slots at different places with less than the
 *                    plan's travel buffer between them (hard);
 *   unavailable      the person's busy time (hard);
 *   wrong-department the duty needs someone of another department (hard);
 *   missing-skill    the duty needs a qualification the person lacks (hard);
 *   too-many-hours   more than the plan's hours of duty on one day (hard);
 *   too-many-duties  more duties in the plan than the plan allows (soft).
 * Hard rules are never broken by auto-fill; a soft one it keeps where it
 * can.  A coordinator may accept any of them (SwAcceptance).
 *
 * A rulebook is a snapshot of one plan's assignments, made for one
 * question or one computation: make a new one after the plan changes.
 */
#define SW_TYPE_RULEBOOK (sw_rulebook_get_type ())
G_DECLARE_FINAL_TYPE (SwRulebook, sw_rulebook, SW, RULEBOOK, GObject)

SwRulebook *sw_rulebook_new           (SwPlan         *plan);

/* Every problem that @person holding @duty (NULL: an attendee) on @slot
 * brings, with @person's other assignments as they are (an assignment of
 * @person on @slot itself is left out), in the order of the kinds.  These
 * are exactly the problems that sw_problems_compute() reports for the
 * assignment once it is made.  (transfer full: SwProblem) */
GPtrArray  *sw_rulebook_check         (SwRulebook     *self,
                                       SwPerson       *person,
                                       SwSlot         *slot,
                                       SwDuty         *duty);

/* The person problems of the plan's assignments, each once, appended to
 * @out (SwProblem, transfer full). */
void        sw_rulebook_collect       (SwRulebook     *self,
                                       GPtrArray      *out);

/* The active people of @org ranked for @duty of @slot (@duty NULL: an
 * attendee), a GListStore of SwAssignCandidate: people who fit first,
 * then people against whom only soft rules stand, then those against
 * whom hard rules stand (fewest first), and last the people already on
 * @slot.  Within a rank, departments in roster order, then people in
 * roster order. */
GListStore *sw_rulebook_rank          (SwRulebook     *self,
                                       SwOrganisation *org,
                                       SwSlot         *slot,
                                       SwDuty         *duty);

/* Where a person dropped on @slot goes: the first duty that still has a
 * free seat and whose own rules (department, skills) @person meets, or
 * NULL (an attendee without a duty). */
SwDuty     *sw_rulebook_pick_duty     (SwRulebook     *self,
                                       SwSlot         *slot,
                                       SwPerson       *person);

/* The rules themselves, for auto-fill, which keeps its own index of the
 * plan and asks them as it goes. */

typedef enum
{
  SW_CLASH_NONE,
  SW_CLASH_OVERLAP,   /* double-booking */
  SW_CLASH_TRAVEL,    /* travel-time */
} SwClash;

gboolean          sw_rulebook_kind_is_hard       (SwProblemKind  kind);
/* Whether the kind is about one person (and so can be accepted). */
gboolean          sw_rulebook_kind_is_personal   (SwProblemKind  kind);
/* How two slots of one person stand to each other: overlapping
 * (non-empty spans that share a minute), or too close for the journey
 * between two different places (a place left empty is no journey). */
SwClash           sw_rulebook_clash              (gint64         a_start,
                                                  gint64         a_end,
                                                  const char    *a_place,
                                                  gint64         b_start,
                                                  gint64         b_end,
                                                  const char    *b_place,
                                                  int            travel_buffer);
gboolean          sw_rulebook_spans_overlap      (gint64         a_start,
                                                  gint64         a_end,
                                                  gint64         b_start,
                                                  gint64         b_end);
/* The minutes of [start, end) that fall on @day. */
int               sw_rulebook_minutes_on_day     (gint64         start,
                                                  gint64         end,
                                                  int            day);
/* @person's first busy time that overlaps [start, end), or NULL. */
SwUnavailability *sw_rulebook_find_busy          (SwPerson      *person,
                                                  gint64         start,
                                                  gint64         end);
gboolean          sw_rulebook_department_fits    (SwPerson      *person,
                                                  SwDuty        *duty);
/* The skills @duty needs that @person lacks, or NULL when none. */
char            **sw_rulebook_missing_skills     (SwPerson      *person,
                                                  SwDuty        *duty);
/* Whether @minutes of duty on one day, or @n_duties in the plan, are
 * more than @plan allows. */
gboolean          sw_rulebook_over_hours         (SwPlan        *plan,
                                                  int            minutes);
gboolean          sw_rulebook_over_duties        (SwPlan        *plan,
                                                  guint          n_duties);

G_END_DECLS
