/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sw-core.h"

G_BEGIN_DECLS

/* One row of the Roster view's table and the person it shows now
 * ("person").  The view keeps as many rows as people shown and, when the
 * search or the sort order changes, gives its rows other people rather
 * than making new rows: GTK 4.8's column view makes new widgets for new
 * items but only fills its cells again for a row whose item notifies.
 * The row also notifies "person" when a property of its person changes. */
#define SW_TYPE_PEOPLE_ROW (sw_people_row_get_type ())
G_DECLARE_FINAL_TYPE (SwPeopleRow, sw_people_row, SW, PEOPLE_ROW, GObject)

SwPeopleRow *sw_people_row_new        (SwPerson    *person);
SwPerson    *sw_people_row_get_person (SwPeopleRow *self);
void         sw_people_row_set_person (SwPeopleRow *self,
                                       SwPerson    *person);

G_END_DECLS
