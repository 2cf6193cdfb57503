/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sw-core.h"

G_BEGIN_DECLS

/*
 * The order of names in official lists (SwNameOrder): roster order keeps
 * a list as it is; stroke order is 姓氏笔画 (ICU's zh@collation=stroke:
 * fewer strokes of the surname first, then the following characters),
 * pinyin is zh@collation=pinyin.  Names without any Han character (an
 * English plan) are ordered by the current locale's collation instead.
 * The collators are opened once and shared; every call is thread-safe.
 */

typedef const char * (*SwNameOrderNameFunc) (gpointer item);

/* TRUE when @text holds a Han (CJK ideograph) character. */
gboolean   sw_name_order_has_han               (const char          *text);

/* Compares @a and @b as @order sorts them, with the Chinese collations
 * when @chinese, else the locale's; 0 for SW_NAME_ORDER_ROSTER. */
int        sw_name_order_compare               (SwNameOrder          order,
                                                gboolean             chinese,
                                                const char          *a,
                                                const char          *b);

/* Sorts @items in place by the names @get_name gives them; equal names
 * keep their order, and SW_NAME_ORDER_ROSTER leaves the array alone.
 * The Chinese collations are used when any of the names has a Han
 * character, so one list is ordered by one rule. */
void       sw_name_order_sort                  (GPtrArray           *items,
                                                SwNameOrder          order,
                                                SwNameOrderNameFunc  get_name);

/* sw_name_order_sort() for an array of SwPerson. */
void       sw_name_order_sort_people           (GPtrArray           *people,
                                                SwNameOrder          order);

/* The members of @committee (SwCommitteeMember, transfer container) in
 * the order a plan lists them: in roster order as the committee has
 * them; otherwise by role (leader, deputy leaders, office director,
 * members), each role's people by name. */
GPtrArray *sw_name_order_dup_committee_members (SwCommittee         *committee,
                                                SwNameOrder          order);

/* The rank of @role in a committee's list: the leader first. */
guint      sw_name_order_role_rank             (SwRole               role);

G_END_DECLS
