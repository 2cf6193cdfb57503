/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sw-core.h"
#include "sw-ics-exporter.h"

G_BEGIN_DECLS

/* Shared by the calendar tests: sample and awkward plans, and checks of
 * the bytes of an .ics file. */

/* 2026-09-20, the first day of every test plan. */
int             ics_test_first_day      (void);
/* The sample service week as a new plan of @org (must be empty or hold a
 * roster), with every duty that its template leaves open filled. */
SwPlan         *ics_test_add_sample     (SwOrganisation *org);
/* A plan full of awkward text (commas, semicolons, backslashes, quotes,
 * newlines, emoji, a 300-character Chinese title) in @time_zone. */
SwPlan         *ics_test_add_awkward    (SwOrganisation *org,
                                         const char     *time_zone);
/* Asserts the byte rules: CRLF only, lines of at most 75 octets holding
 * whole UTF-8 characters, no empty lines or continuation lines, no
 * METHOD, the calendar names, and a plain-named VTIMEZONE for @tzid
 * without seconds in its offsets. */
void            ics_test_assert_bytes   (GBytes         *bytes,
                                         const char     *tzid);
/* The unfolded content lines of @bytes (transfer full). */
GStrv           ics_test_unfold         (GBytes         *bytes);
/* The components (VEVENT / VTODO) of @bytes, each as its unfolded lines
 * (GPtrArray of GStrv). */
GPtrArray      *ics_test_components     (GBytes         *bytes);
/* The component with @uid, or NULL. */
GStrv           ics_test_find           (GPtrArray      *components,
                                         const char     *uid);
/* The raw value of the first property @name of @component (after the
 * colon that ends its parameters), or NULL; @params, when not NULL,
 * receives the parameters (";A=b;C=d" or ""). */
char           *ics_test_dup_value      (GStrv           component,
                                         const char     *name,
                                         char          **params);
/* How many properties @name @component has. */
guint           ics_test_count          (GStrv           component,
                                         const char     *name);

G_END_DECLS
