/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sw-department.h"
#include "sw-enums.h"
#include "sw-person.h"
#include "sw-slot.h"

G_BEGIN_DECLS

/* Properties: "id", "uid", "sequence", "title", "department" (owner
 * department or NULL), "person" (owner person or NULL), "due" (gint64 local
 * minutes or SW_TIME_UNSET), "status" (SwTaskStatus), "slot" (linked SwSlot
 * of the same plan or NULL), "notes". */
#define SW_TYPE_TASK (sw_task_get_type ())
G_DECLARE_FINAL_TYPE (SwTask, sw_task, SW, TASK, GObject)

/* A new task with a fresh UID. */
SwTask       *sw_task_new            (const char   *title);
gint64        sw_task_get_id         (SwTask       *self);
void          sw_task_set_id         (SwTask       *self,
                                      gint64        id);
const char   *sw_task_get_uid        (SwTask       *self);
void          sw_task_set_uid        (SwTask       *self,
                                      const char   *uid);
int           sw_task_get_sequence   (SwTask       *self);
void          sw_task_set_sequence   (SwTask       *self,
                                      int           sequence);
const char   *sw_task_get_title      (SwTask       *self);
void          sw_task_set_title      (SwTask       *self,
                                      const char   *title);
SwDepartment *sw_task_get_department (SwTask       *self);
void          sw_task_set_department (SwTask       *self,
                                      SwDepartment *department);
SwPerson     *sw_task_get_person     (SwTask       *self);
void          sw_task_set_person     (SwTask       *self,
                                      SwPerson     *person);
gint64        sw_task_get_due        (SwTask       *self);
void          sw_task_set_due        (SwTask       *self,
                                      gint64        due);
SwTaskStatus  sw_task_get_status     (SwTask       *self);
void          sw_task_set_status     (SwTask       *self,
                                      SwTaskStatus  status);
SwSlot       *sw_task_get_slot       (SwTask       *self);
void          sw_task_set_slot       (SwTask       *self,
                                      SwSlot       *slot);
const char   *sw_task_get_notes      (SwTask       *self);
void          sw_task_set_notes      (SwTask       *self,
                                      const char   *notes);

G_END_DECLS
