/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sw-organisation.h"
#include "sw-received.h"

G_BEGIN_DECLS

typedef enum
{
  SW_CHANGE_NEW_DUTY,        /* a duty they did not have */
  SW_CHANGE_DUTY_REMOVED,    /* a duty taken off them, the slot still on */
  SW_CHANGE_SLOT_CANCELLED,  /* the slot of a duty is gone */
  SW_CHANGE_TIME,            /* the slot moved: old → new time */
  SW_CHANGE_PLACE,           /* old → new place */
  SW_CHANGE_DUTY_NAME,       /* their duty renamed: old → new */
  SW_CHANGE_TITLE,           /* the slot renamed: old → new */
} SwChangeKind;

/* "new", "removed", "cancelled", "time", "place", "duty", "title". */
const char *sw_change_kind_to_nick (SwChangeKind kind);

/* One change for one person: @old and @new as they read (a time as
 * "9月23日 09:00–11:00" when the day moved, else "09:00–11:00"); empty
 * where the kind has no old or new. */
typedef struct
{
  SwChangeKind  kind;
  char         *slot_uid;
  gint64        start;     /* of the slot now, or as received when gone */
  char         *old;
  char         *new;
  char         *text;      /* the change in words, as in the notice */
} SwChange;

/* Everything one person must be told, and the whole notice in words. */
typedef struct
{
  SwPerson  *person;
  GPtrArray *changes;      /* SwChange, by the slots' start */
  char      *text;
} SwChangeNotice;

void sw_change_notice_free (SwChangeNotice *notice);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SwChangeNotice, sw_change_notice_free)

/*
 * The change notices of @plan: for each person of @organisation who once
 * received a calendar (@received) and whose duties now differ from it, in
 * roster order; only @person's when not NULL.  An edit and its undo give
 * none, two edits of one slot one, with the end result.
 *
 *   周建国：您在“诚信工程”优质服务宣传周的安排有变动：9月23日 广场服务台
 *   时间由 09:00–11:00 改为 10:00–12:00；…。如有疑问请致电 0799-95598。
 */
GPtrArray *sw_change_notices (SwOrganisation *organisation,
                              SwPlan         *plan,
                              SwReceived     *received,
                              SwPerson       *person);

G_END_DECLS
