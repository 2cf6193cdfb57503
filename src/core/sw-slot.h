/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "sw-assignment.h"
#include "sw-duty.h"
#include "sw-enums.h"
#include "sw-visit-target.h"

G_BEGIN_DECLS

/* An event of the plan.  Properties: "id", "uid" (a UUID given once at
 * creation, never derived from other fields), "sequence" (int, for
 * calendars), "kind" (SwSlotKind), "title", "start", "end" (gint64 local
 * minutes, end > start), "location", "description"; read-only lists
 * "organisers" (SwDepartment references), "duties" (SwDuty),
 * "assignments" (SwAssignment), "visit-targets" (SwVisitTarget). */
#define SW_TYPE_SLOT (sw_slot_get_type ())
G_DECLARE_FINAL_TYPE (SwSlot, sw_slot, SW, SLOT, GObject)

/* A new slot with a fresh UID. */
SwSlot       *sw_slot_new                (SwSlotKind    kind,
                                          const char   *title,
                                          gint64        start,
                                          gint64        end);
gint64        sw_slot_get_id             (SwSlot       *self);
void          sw_slot_set_id             (SwSlot       *self,
                                          gint64        id);
const char   *sw_slot_get_uid            (SwSlot       *self);
void          sw_slot_set_uid            (SwSlot       *self,
                                          const char   *uid);
int           sw_slot_get_sequence       (SwSlot       *self);
void          sw_slot_set_sequence       (SwSlot       *self,
                                          int           sequence);
SwSlotKind    sw_slot_get_kind           (SwSlot       *self);
void          sw_slot_set_kind           (SwSlot       *self,
                                          SwSlotKind    kind);
const char   *sw_slot_get_title          (SwSlot       *self);
void          sw_slot_set_title          (SwSlot       *self,
                                          const char   *title);
gint64        sw_slot_get_start          (SwSlot       *self);
void          sw_slot_set_start          (SwSlot       *self,
                                          gint64        start);
gint64        sw_slot_get_end            (SwSlot       *self);
void          sw_slot_set_end            (SwSlot       *self,
                                          gint64        end);
const char   *sw_slot_get_location       (SwSlot       *self);
void          sw_slot_set_location       (SwSlot       *self,
                                          const char   *location);
const char   *sw_slot_get_description    (SwSlot       *self);
void          sw_slot_set_description    (SwSlot       *self,
                                          const char   *description);
GListModel   *sw_slot_get_organisers     (SwSlot       *self);
GListModel   *sw_slot_get_duties         (SwSlot       *self);
GListModel   *sw_slot_get_assignments    (SwSlot       *self);
GListModel   *sw_slot_get_visit_targets  (SwSlot       *self);

/* The assignment of @person on this slot, or NULL. */
SwAssignment *sw_slot_find_assignment    (SwSlot       *self,
                                          SwPerson     *person);
/* The duty named @name, or NULL. */
SwDuty       *sw_slot_find_duty          (SwSlot       *self,
                                          const char   *name);
/* How many people hold @duty. */
guint         sw_slot_count_duty         (SwSlot       *self,
                                          SwDuty       *duty);
/* The people holding @duty, in assignment order (transfer container). */
GPtrArray    *sw_slot_dup_duty_people    (SwSlot       *self,
                                          SwDuty       *duty);
/* Seats filled and seats needed over all duties ("3/5"). */
void          sw_slot_get_fill           (SwSlot       *self,
                                          guint        *filled,
                                          guint        *needed);

G_END_DECLS
