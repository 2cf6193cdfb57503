/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sw-enums.h"
#include "sw-person.h"

G_BEGIN_DECLS

/* Properties: "id", "person" (SwPerson), "role" (SwRole). */
#define SW_TYPE_COMMITTEE_MEMBER (sw_committee_member_get_type ())
G_DECLARE_FINAL_TYPE (SwCommitteeMember, sw_committee_member, SW, COMMITTEE_MEMBER, GObject)

SwCommitteeMember *sw_committee_member_new        (SwPerson          *person,
                                                   SwRole             role);
gint64             sw_committee_member_get_id     (SwCommitteeMember *self);
void               sw_committee_member_set_id     (SwCommitteeMember *self,
                                                   gint64             id);
SwPerson          *sw_committee_member_get_person (SwCommitteeMember *self);
void               sw_committee_member_set_person (SwCommitteeMember *self,
                                                   SwPerson          *person);
SwRole             sw_committee_member_get_role   (SwCommitteeMember *self);
void               sw_committee_member_set_role   (SwCommitteeMember *self,
                                                   SwRole             role);

G_END_DECLS
