/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sw-core.h"

G_BEGIN_DECLS

/* The fields of a person a roster column can hold. */
typedef enum
{
  SW_ROSTER_FIELD_IGNORE,      /* the column is not imported */
  SW_ROSTER_FIELD_NAME,
  SW_ROSTER_FIELD_DEPARTMENT,
  SW_ROSTER_FIELD_TITLE,
  SW_ROSTER_FIELD_PHONE,
  SW_ROSTER_FIELD_EMAIL,
  SW_ROSTER_FIELD_NOTES,
  SW_ROSTER_FIELD_SKILLS,   /* several, joined with 、 */
} SwRosterField;

#define SW_ROSTER_N_FIELDS (SW_ROSTER_FIELD_SKILLS + 1)

/* What importing a row does. */
typedef enum
{
  SW_ROSTER_ROW_NEW,           /* adds a person */
  SW_ROSTER_ROW_UPDATED,       /* changes fields of an existing person */
  SW_ROSTER_ROW_UNCHANGED,     /* matches an existing person exactly */
  SW_ROSTER_ROW_BAD,           /* not imported; see "reason" */
} SwRosterRowStatus;

/* "Name" / "姓名", … (translated; "Ignore" for SW_ROSTER_FIELD_IGNORE). */
const char *sw_roster_field_get_label      (SwRosterField     field);
/* "New", "Updated", "Unchanged", "Bad" (translated). */
const char *sw_roster_row_status_get_label (SwRosterRowStatus status);

/*
 * SwRosterRow: one record of a roster file as the import sees it.
 * Read-only properties: "line" (the physical line where the record
 * starts, 1 = the header), "status" (SwRosterRowStatus), "reason" (why the
 * row is bad, translated, "" otherwise), "name", "department", "title",
 * "phone", "email", "notes", "skills" (the cleaned values under the current column
 * mapping), "person" (the existing person the row matches, or NULL).
 * Rows are made and updated by SwRosterImport only.
 */
#define SW_TYPE_ROSTER_ROW (sw_roster_row_get_type ())
G_DECLARE_FINAL_TYPE (SwRosterRow, sw_roster_row, SW, ROSTER_ROW, GObject)

guint              sw_roster_row_get_line   (SwRosterRow   *self);
SwRosterRowStatus  sw_roster_row_get_status (SwRosterRow   *self);
const char        *sw_roster_row_get_reason (SwRosterRow   *self);
const char        *sw_roster_row_get_value  (SwRosterRow   *self,
                                             SwRosterField  field);
SwPerson          *sw_roster_row_get_person (SwRosterRow   *self);

/* For SwRosterImport. */
SwRosterRow       *sw_roster_row_new        (guint              line);
void               sw_roster_row_update     (SwRosterRow       *self,
                                             SwRosterRowStatus  status,
                                             const char        *reason,
                                             const char * const values[SW_ROSTER_N_FIELDS],
                                             SwPerson          *person);

G_END_DECLS
