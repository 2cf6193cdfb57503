/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "sw-committee-member.h"

G_BEGIN_DECLS

/* Properties: "id", "name", "position", "members" (read-only GListModel of
 * SwCommitteeMember, in the order they are listed). */
#define SW_TYPE_COMMITTEE (sw_committee_get_type ())
G_DECLARE_FINAL_TYPE (SwCommittee, sw_committee, SW, COMMITTEE, GObject)

SwCommittee *sw_committee_new          (const char  *name);
gint64       sw_committee_get_id       (SwCommittee *self);
void         sw_committee_set_id       (SwCommittee *self,
                                        gint64       id);
const char  *sw_committee_get_name     (SwCommittee *self);
void         sw_committee_set_name     (SwCommittee *self,
                                        const char  *name);
int          sw_committee_get_position (SwCommittee *self);
void         sw_committee_set_position (SwCommittee *self,
                                        int          position);
GListModel  *sw_committee_get_members  (SwCommittee *self);
/* The member entry of @person, or NULL. */
SwCommitteeMember *sw_committee_find_member (SwCommittee *self,
                                             SwPerson    *person);

G_END_DECLS
