/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sw-enums.h"

G_DEFINE_ENUM_TYPE (SwSlotKind, sw_slot_kind,
  G_DEFINE_ENUM_VALUE (SW_SLOT_KIND_MOBILISATION, "mobilisation"),
  G_DEFINE_ENUM_VALUE (SW_SLOT_KIND_VISIT, "visit"),
  G_DEFINE_ENUM_VALUE (SW_SLOT_KIND_FORUM, "forum"),
  G_DEFINE_ENUM_VALUE (SW_SLOT_KIND_SERVICE_DESK, "service-desk"),
  G_DEFINE_ENUM_VALUE (SW_SLOT_KIND_ON_SITE, "on-site"),
  G_DEFINE_ENUM_VALUE (SW_SLOT_KIND_PUBLICITY, "publicity"),
  G_DEFINE_ENUM_VALUE (SW_SLOT_KIND_MEETING, "meeting"),
  G_DEFINE_ENUM_VALUE (SW_SLOT_KIND_OTHER, "other"))

G_DEFINE_ENUM_TYPE (SwRole, sw_role,
  G_DEFINE_ENUM_VALUE (SW_ROLE_LEADER, "leader"),
  G_DEFINE_ENUM_VALUE (SW_ROLE_DEPUTY, "deputy"),
  G_DEFINE_ENUM_VALUE (SW_ROLE_MEMBER, "member"),
  G_DEFINE_ENUM_VALUE (SW_ROLE_OFFICE_DIRECTOR, "office-director"))

G_DEFINE_ENUM_TYPE (SwTaskStatus, sw_task_status,
  G_DEFINE_ENUM_VALUE (SW_TASK_STATUS_TODO, "todo"),
  G_DEFINE_ENUM_VALUE (SW_TASK_STATUS_DOING, "doing"),
  G_DEFINE_ENUM_VALUE (SW_TASK_STATUS_DONE, "done"))

G_DEFINE_ENUM_TYPE (SwProblemKind, sw_problem_kind,
  G_DEFINE_ENUM_VALUE (SW_PROBLEM_UNFILLED_DUTY, "unfilled-duty"),
  G_DEFINE_ENUM_VALUE (SW_PROBLEM_DOUBLE_BOOKING, "double-booking"),
  G_DEFINE_ENUM_VALUE (SW_PROBLEM_TRAVEL_TIME, "travel-time"),
  G_DEFINE_ENUM_VALUE (SW_PROBLEM_UNAVAILABLE, "unavailable"),
  G_DEFINE_ENUM_VALUE (SW_PROBLEM_WRONG_DEPARTMENT, "wrong-department"),
  G_DEFINE_ENUM_VALUE (SW_PROBLEM_MISSING_SKILL, "missing-skill"),
  G_DEFINE_ENUM_VALUE (SW_PROBLEM_TOO_MANY_HOURS, "too-many-hours"),
  G_DEFINE_ENUM_VALUE (SW_PROBLEM_TOO_MANY_DUTIES, "too-many-duties"),
  G_DEFINE_ENUM_VALUE (SW_PROBLEM_OVERDUE_TASK, "overdue-task"),
  G_DEFINE_ENUM_VALUE (SW_PROBLEM_OUTSIDE_PLAN, "outside-plan"))

G_DEFINE_ENUM_TYPE (SwNameOrder, sw_name_order,
  G_DEFINE_ENUM_VALUE (SW_NAME_ORDER_ROSTER, "roster"),
  G_DEFINE_ENUM_VALUE (SW_NAME_ORDER_STROKE, "stroke"),
  G_DEFINE_ENUM_VALUE (SW_NAME_ORDER_PINYIN, "pinyin"))

/* Enum classes of static types live as long as the type system, so the
 * reference taken here is never dropped. */
static GEnumClass *
enum_class_get (GType enum_type)
{
  gpointer klass = g_type_class_peek (enum_type);

  if (klass == NULL)
    klass = g_type_class_ref (enum_type);

  return klass;
}

const char *
sw_enum_to_nick (GType enum_type,
                 int   value)
{
  GEnumValue *enum_value;

  g_return_val_if_fail (G_TYPE_IS_ENUM (enum_type), NULL);

  enum_value = g_enum_get_value (enum_class_get (enum_type), value);

  return enum_value != NULL ? enum_value->value_nick : NULL;
}

gboolean
sw_enum_from_nick (GType       enum_type,
                   const char *nick,
                   int        *out_value)
{
  GEnumValue *enum_value;

  g_return_val_if_fail (G_TYPE_IS_ENUM (enum_type), FALSE);

  if (nick == NULL)
    return FALSE;

  enum_value = g_enum_get_value_by_nick (enum_class_get (enum_type), nick);
  if (enum_value == NULL)
    return FALSE;

  if (out_value != NULL)
    *out_value = enum_value->value;

  return TRUE;
}

const char *
sw_slot_kind_get_label (SwSlotKind kind)
{
  switch (kind)
    {
    case SW_SLOT_KIND_MOBILISATION:
      return _("Mobilisation meeting");
    case SW_SLOT_KIND_VISIT:
      return _("Visit");
    case SW_SLOT_KIND_FORUM:
      return _("Forum");
    case SW_SLOT_KIND_SERVICE_DESK:
      return _("Service desk");
    case SW_SLOT_KIND_ON_SITE:
      return _("On-site service");
    case SW_SLOT_KIND_PUBLICITY:
      return _("Publicity");
    case SW_SLOT_KIND_MEETING:
      return _("Meeting");
    case SW_SLOT_KIND_OTHER:
    default:
      return _("Other");
    }
}

/* Mid-tone colours from the GNOME palette: dark enough for white text on a
 * light background and light enough to stand out on a dark one. */
const char *
sw_slot_kind_get_color (SwSlotKind kind)
{
  switch (kind)
    {
    case SW_SLOT_KIND_MOBILISATION:
      return "#c01c28";   /* red */
    case SW_SLOT_KIND_VISIT:
      return "#1c71d8";   /* blue */
    case SW_SLOT_KIND_FORUM:
      return "#813d9c";   /* purple */
    case SW_SLOT_KIND_SERVICE_DESK:
      return "#26a269";   /* green */
    case SW_SLOT_KIND_ON_SITE:
      return "#e66100";   /* orange */
    case SW_SLOT_KIND_PUBLICITY:
      return "#c88800";   /* amber */
    case SW_SLOT_KIND_MEETING:
      return "#1a8a8f";   /* teal */
    case SW_SLOT_KIND_OTHER:
    default:
      return "#77767b";   /* grey */
    }
}

const char *
sw_role_get_label (SwRole role)
{
  switch (role)
    {
    case SW_ROLE_LEADER:
      return _("Leader");
    case SW_ROLE_DEPUTY:
      return _("Deputy leader");
    case SW_ROLE_OFFICE_DIRECTOR:
      return _("Office director");
    case SW_ROLE_MEMBER:
    default:
      return _("Member");
    }
}

const char *
sw_task_status_get_label (SwTaskStatus status)
{
  switch (status)
    {
    case SW_TASK_STATUS_DOING:
      return _("In progress");
    case SW_TASK_STATUS_DONE:
      return _("Done");
    case SW_TASK_STATUS_TODO:
    default:
      return _("To do");
    }
}

const char *
sw_name_order_get_label (SwNameOrder order)
{
  switch (order)
    {
    case SW_NAME_ORDER_STROKE:
      /* TRANSLATORS: names ordered by the strokes of the surname, 姓氏笔画 */
      return _("Surname strokes");
    case SW_NAME_ORDER_PINYIN:
      /* TRANSLATORS: names ordered by their pinyin spelling */
      return _("Pinyin");
    case SW_NAME_ORDER_ROSTER:
    default:
      return _("Roster order");
    }
}
