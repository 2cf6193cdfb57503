/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "sw-committee.h"
#include "sw-slot.h"
#include "sw-task.h"

G_BEGIN_DECLS

/* Properties: "id", "title", "theme", "organiser", "first-day",
 * "last-day" (int days, see sw-time.h; last >= first), "time-zone" (IANA
 * name, default "Asia/Shanghai"), "hotline", "description",
 * and the plan rules (see sw-rulebook.h): "travel-buffer" (int minutes
 * between slots at different places), "max-hours-per-day" (int hours of
 * duty per person and day, 0: no limit), "max-duties" (int duties per
 * person in the plan, 0: no limit), "name-order" (SwNameOrder: how
 * printed lists and committees order names; default roster order);
 * read-only lists "committees"
 * (SwCommittee), "slots" (SwSlot, kept in insertion order; views sort),
 * "tasks" (SwTask), "accepted" (SwAcceptance: the problems the
 * coordinator lives with). */
#define SW_TYPE_PLAN (sw_plan_get_type ())
G_DECLARE_FINAL_TYPE (SwPlan, sw_plan, SW, PLAN, GObject)

SwPlan     *sw_plan_new               (const char *title,
                                       int         first_day,
                                       int         last_day,
                                       const char *time_zone);
gint64      sw_plan_get_id            (SwPlan     *self);
void        sw_plan_set_id            (SwPlan     *self,
                                       gint64      id);
const char *sw_plan_get_title         (SwPlan     *self);
void        sw_plan_set_title         (SwPlan     *self,
                                       const char *title);
const char *sw_plan_get_theme         (SwPlan     *self);
void        sw_plan_set_theme         (SwPlan     *self,
                                       const char *theme);
const char *sw_plan_get_organiser     (SwPlan     *self);
void        sw_plan_set_organiser     (SwPlan     *self,
                                       const char *organiser);
int         sw_plan_get_first_day     (SwPlan     *self);
void        sw_plan_set_first_day     (SwPlan     *self,
                                       int         day);
int         sw_plan_get_last_day      (SwPlan     *self);
void        sw_plan_set_last_day      (SwPlan     *self,
                                       int         day);
const char *sw_plan_get_time_zone     (SwPlan     *self);
void        sw_plan_set_time_zone     (SwPlan     *self,
                                       const char *time_zone);
const char *sw_plan_get_hotline       (SwPlan     *self);
void        sw_plan_set_hotline       (SwPlan     *self,
                                       const char *hotline);
const char *sw_plan_get_description   (SwPlan     *self);
void        sw_plan_set_description   (SwPlan     *self,
                                       const char *description);
int         sw_plan_get_travel_buffer (SwPlan     *self);
void        sw_plan_set_travel_buffer (SwPlan     *self,
                                       int         minutes);
int         sw_plan_get_max_hours_per_day (SwPlan *self);
void        sw_plan_set_max_hours_per_day (SwPlan *self,
                                           int     hours);
int         sw_plan_get_max_duties    (SwPlan     *self);
void        sw_plan_set_max_duties    (SwPlan     *self,
                                       int         duties);
SwNameOrder sw_plan_get_name_order    (SwPlan     *self);
void        sw_plan_set_name_order    (SwPlan     *self,
                                       SwNameOrder order);
GListModel *sw_plan_get_committees    (SwPlan     *self);
GListModel *sw_plan_get_accepted      (SwPlan     *self);
GListModel *sw_plan_get_slots         (SwPlan     *self);
GListModel *sw_plan_get_tasks         (SwPlan     *self);

/* The slot with this UID, or NULL. */
SwSlot     *sw_plan_find_slot_by_uid  (SwPlan     *self,
                                       const char *uid);
/* The slots sorted by start, then end, then title (transfer container). */
GPtrArray  *sw_plan_dup_sorted_slots  (SwPlan     *self);
/* The days to go through the plan by, in order, each once (an array of
 * int days): every day of the plan when it spans at most @max_days days,
 * and every day one of its slots starts on. */
GArray     *sw_plan_dup_days          (SwPlan     *self,
                                       int         max_days);

G_END_DECLS
