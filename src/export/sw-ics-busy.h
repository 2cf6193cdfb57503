/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sw-core.h"
#include "sw-ics-error.h"

G_BEGIN_DECLS

/*
 * Reads a person's own calendar file (iCalendar) and returns the times it
 * marks as busy within @plan's days, as new SwUnavailability objects in
 * the plan's wall-clock time (transfer full, sorted by start, without
 * repeats).  Recurring events are expanded (RRULE, RDATE, EXDATE and
 * changed occurrences); cancelled and transparent (free) events are left
 * out; floating times and all-day events are taken as the plan's wall
 * clock.
 *
 * Errors (SW_ICS_ERROR): MALFORMED for what is not a readable iCalendar
 * file, EMPTY for one without events, UNKNOWN_ZONE for a TZID that
 * neither the file nor the system defines, NOTHING_IN_PERIOD when no busy
 * time falls inside the plan's days.
 */
GPtrArray *sw_ics_busy_read (GBytes   *bytes,
                             SwPlan   *plan,
                             GError  **error);

/*
 * Adds the @periods (from sw_ics_busy_read()) to @person's unavailability
 * as one undo step labelled "Import Busy Times", leaving out those that
 * @person already has (same start and end), so that importing a file
 * twice adds nothing.  Sets @n_added (may be 0: then nothing is pushed).
 * On error nothing is added.
 */
gboolean   sw_ics_busy_add  (SwOrganisation  *org,
                             SwPerson        *person,
                             GPtrArray       *periods,
                             guint           *n_added,
                             GError         **error);

G_END_DECLS
