/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sw-core.h"

G_BEGIN_DECLS

/* The Schedule page of the window: a collapsible roster sidebar
 * (SwScheduleSidebar), the week grid (SwWeekGrid) with week navigation
 * and a month popover, and the slot pane (SwSlotPane) of the selected
 * slot.  Every change goes through the organisation's undo stack.
 * Properties: "organisation", "plan". */
#define SW_TYPE_SCHEDULE_VIEW (sw_schedule_view_get_type ())
G_DECLARE_FINAL_TYPE (SwScheduleView, sw_schedule_view, SW, SCHEDULE_VIEW, GtkWidget)

GtkWidget      *sw_schedule_view_new              (void);
void            sw_schedule_view_set_organisation (SwScheduleView *self,
                                                   SwOrganisation *organisation);
void            sw_schedule_view_set_plan         (SwScheduleView *self,
                                                   SwPlan         *plan);
/* The plan's problems (an SwProblemList), for the slot pane. */
void            sw_schedule_view_set_problems     (SwScheduleView *self,
                                                   GListModel     *problems);
/* Pages to @slot's week, highlights its card and opens its pane (NULL:
 * closes the pane). */
void            sw_schedule_view_select_slot      (SwScheduleView *self,
                                                   SwSlot         *slot);
/* Opens the roster sidebar and focuses its search entry. */
void            sw_schedule_view_search_people    (SwScheduleView *self);
/* Selects @slot and opens the Assign picker of its @duty (for benchmarks
 * and tests); FALSE when the duty is not the slot's. */
gboolean        sw_schedule_view_open_assign      (SwScheduleView *self,
                                                   SwSlot         *slot,
                                                   SwDuty         *duty);

/* Shows @heading and the error's message over the window holding
 * @widget (the Schedule view's widgets report failed edits with it). */
void            sw_schedule_view_show_error       (GtkWidget      *widget,
                                                   const char     *heading,
                                                   const GError   *error);

/* Sets @object's string @property to @value as one undo step of
 * @organisation, unless it holds that already; a failure is shown with
 * @heading over @widget's window. */
void            sw_schedule_view_commit_string    (GtkWidget      *widget,
                                                   SwOrganisation *organisation,
                                                   gpointer        object,
                                                   const char     *property,
                                                   const char     *value,
                                                   const char     *heading);
/* Shows @text in @editable, unless the user is typing in it; an entry
 * row's apply button then shows nothing pending. */
void            sw_schedule_view_set_entry_text   (GtkEditable    *editable,
                                                   const char     *text);
/* Makes typing in @row (an entry row with an apply button) never lost:
 * text typed and not applied is applied, as one undo step, when the
 * focus leaves the row or sw_schedule_view_flush_entries() is called. */
void            sw_schedule_view_track_entry      (AdwEntryRow    *row);
/* Shows @text in @row even while the user types in it, with nothing
 * pending: for a row that now edits another object (flush first). */
void            sw_schedule_view_reset_entry      (AdwEntryRow    *row,
                                                   const char     *text);
/* Applies the typing pending in the tracked entry rows below @root, before
 * the object they edit changes or they close. */
void            sw_schedule_view_flush_entries    (GtkWidget      *root);

G_END_DECLS
