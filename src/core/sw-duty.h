/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sw-department.h"

G_BEGIN_DECLS

/* A need of a slot: "id", "name" (受理报装/咨询), "count" (people needed,
 * 1 … 999), "department" (SwDepartment the people must come from, or NULL),
 * "position", "skills" (GStrv: the qualifications each person needs). */
#define SW_TYPE_DUTY (sw_duty_get_type ())
G_DECLARE_FINAL_TYPE (SwDuty, sw_duty, SW, DUTY, GObject)

SwDuty       *sw_duty_new            (const char   *name,
                                      guint         count,
                                      SwDepartment *department);
gint64        sw_duty_get_id         (SwDuty       *self);
void          sw_duty_set_id         (SwDuty       *self,
                                      gint64        id);
const char   *sw_duty_get_name       (SwDuty       *self);
void          sw_duty_set_name       (SwDuty       *self,
                                      const char   *name);
guint         sw_duty_get_count      (SwDuty       *self);
void          sw_duty_set_count      (SwDuty       *self,
                                      guint         count);
SwDepartment *sw_duty_get_department (SwDuty       *self);
void          sw_duty_set_department (SwDuty       *self,
                                      SwDepartment *department);
int           sw_duty_get_position   (SwDuty       *self);
void          sw_duty_set_position   (SwDuty       *self,
                                      int           position);
const char *const *sw_duty_get_skills (SwDuty      *self);
void          sw_duty_set_skills     (SwDuty       *self,
                                      const char *const *skills);

G_END_DECLS
