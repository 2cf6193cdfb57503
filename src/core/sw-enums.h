/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  SW_SLOT_KIND_MOBILISATION,
  SW_SLOT_KIND_VISIT,
  SW_SLOT_KIND_FORUM,
  SW_SLOT_KIND_SERVICE_DESK,
  SW_SLOT_KIND_ON_SITE,
  SW_SLOT_KIND_PUBLICITY,
  SW_SLOT_KIND_MEETING,
  SW_SLOT_KIND_OTHER,
} SwSlotKind;

#define SW_N_SLOT_KINDS (SW_SLOT_KIND_OTHER + 1)

typedef enum
{
  SW_ROLE_LEADER,
  SW_ROLE_DEPUTY,
  SW_ROLE_MEMBER,
  SW_ROLE_OFFICE_DIRECTOR,
} SwRole;

typedef enum
{
  SW_TASK_STATUS_TODO,
  SW_TASK_STATUS_DOING,
  SW_TASK_STATUS_DONE,
} SwTaskStatus;

typedef enum
{
  SW_PROBLEM_UNFILLED_DUTY,
  SW_PROBLEM_DOUBLE_BOOKING,
  SW_PROBLEM_TRAVEL_TIME,
  SW_PROBLEM_UNAVAILABLE,
  SW_PROBLEM_WRONG_DEPARTMENT,
  SW_PROBLEM_MISSING_SKILL,
  SW_PROBLEM_TOO_MANY_HOURS,
  SW_PROBLEM_TOO_MANY_DUTIES,
  SW_PROBLEM_OVERDUE_TASK,
  SW_PROBLEM_OUTSIDE_PLAN,
} SwProblemKind;

/* How printed lists and the committees order people's names: as the
 * roster has them, by the strokes of the surname (姓氏笔画) or by pinyin. */
typedef enum
{
  SW_NAME_ORDER_ROSTER,
  SW_NAME_ORDER_STROKE,
  SW_NAME_ORDER_PINYIN,
} SwNameOrder;

#define SW_TYPE_SLOT_KIND (sw_slot_kind_get_type ())
#define SW_TYPE_ROLE (sw_role_get_type ())
#define SW_TYPE_TASK_STATUS (sw_task_status_get_type ())
#define SW_TYPE_PROBLEM_KIND (sw_problem_kind_get_type ())
#define SW_TYPE_NAME_ORDER (sw_name_order_get_type ())

GType sw_slot_kind_get_type (void) G_GNUC_CONST;
GType sw_role_get_type (void) G_GNUC_CONST;
GType sw_task_status_get_type (void) G_GNUC_CONST;
GType sw_problem_kind_get_type (void) G_GNUC_CONST;
GType sw_name_order_get_type (void) G_GNUC_CONST;

/* The nicks are the words of the plan file ("service-desk", "leader",
 * "todo", …).  from_nick returns FALSE for an unknown word. */
const char *sw_enum_to_nick   (GType        enum_type,
                               int          value);
gboolean    sw_enum_from_nick (GType        enum_type,
                               const char  *nick,
                               int         *out_value);

/* Translated names for display: "Service desk" / "服务台", "Leader" / "组长". */
const char *sw_slot_kind_get_label   (SwSlotKind   kind);
const char *sw_slot_kind_get_color   (SwSlotKind   kind);  /* "#rrggbb" */
const char *sw_role_get_label        (SwRole       role);
const char *sw_task_status_get_label (SwTaskStatus status);
const char *sw_name_order_get_label  (SwNameOrder  order);

G_END_DECLS
