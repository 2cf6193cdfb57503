/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sw-core.h"

G_BEGIN_DECLS

/*
 * View state computed from model values: pure functions (apart from the
 * current translation), so tests call them without a display.
 */

/* Minutes each person is on a slot of @plan: a new table SwPerson* →
 * GUINT_TO_POINTER (minutes); people without assignments are missing. */
GHashTable *sw_ui_state_minutes_by_person    (SwPlan       *plan);
/* "6 h", "2.5 h", "" for 0 minutes. */
char       *sw_ui_state_format_hours         (guint         minutes);

/* The committees of @plan each person sits on: a new table SwPerson* →
 * "Leading group (Leader), Publicity group (Member)". */
GHashTable *sw_ui_state_committees_by_person (SwPlan       *plan);

typedef enum
{
  SW_UI_DUE_NONE,      /* no due time */
  SW_UI_DUE_DONE,      /* done, whatever the due time */
  SW_UI_DUE_LATER,     /* due in the future */
  SW_UI_DUE_OVERDUE,   /* not done and past due */
} SwUiDueState;

SwUiDueState sw_ui_state_due_state           (SwTaskStatus  status,
                                              gint64        due,
                                              gint64        now);

/* A people or tasks search's query: folded, split into words at spaces
 * (of any width); "" for a NULL, blank or invalid one. */
char       *sw_ui_state_normalize_query      (const char   *query);
/* Whether every word of @normalized_query is found in @haystack (folded
 * text); a NULL or "" query is found in anything. */
gboolean    sw_ui_state_haystack_matches     (const char   *haystack,
                                              const char   *normalized_query);

/* Moving @department by @delta places (−1 up, +1 down) in @departments
 * (sorted by position): fills @out_departments and @out_positions with the
 * departments whose "position" must change and their new values (the
 * moved one and its neighbour).  FALSE when it cannot move further. */
gboolean    sw_ui_state_move_department      (GListModel   *departments,
                                              SwDepartment *department,
                                              int           delta,
                                              SwDepartment **out_departments,
                                              int          *out_positions);
/* The position a new department gets: after the last one. */
int         sw_ui_state_next_position        (GListModel   *departments);

typedef enum
{
  SW_UI_TOAST_NONE,
  SW_UI_TOAST_DELETION,    /* something was removed */
  SW_UI_TOAST_ASSIGNMENT,  /* one person was put on a slot */
} SwUiToastKind;

/* Whether the window offers Undo in a toast after @command was applied:
 * commands that remove anything, and single assignments.  Bulk inserts
 * (auto-fill, imports) show their own toasts. */
SwUiToastKind sw_ui_state_toast_kind         (SwCommand    *command);

/* "9:30", "09:30", "930" → minute of the day; FALSE when not a time. */
gboolean    sw_ui_state_parse_time_of_day    (const char   *text,
                                              int          *out_minute);

/* Checks the fields of a plan: a title, last day not before the first, a
 * known time zone.  Returns NULL when valid, else a translated message. */
const char *sw_ui_state_check_plan           (const char   *title,
                                              int           first_day,
                                              int           last_day,
                                              const char   *time_zone);

/* A one-line summary of a problem count: "No problems", "1 problem", … */
char       *sw_ui_state_format_problem_count (guint         n);

G_END_DECLS
