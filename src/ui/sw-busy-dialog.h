/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sw-core.h"

G_BEGIN_DECLS

/*
 * The Import Busy Times dialog: pick the person, choose their own calendar
 * file (.ics), see how many busy times fall inside the plan's days, and
 * store them as the person's unavailability in one undo step.  A file that
 * is malformed, empty, uses unknown time zones or has nothing in the
 * plan's days is explained in the dialog and nothing is stored.
 *
 * Properties: "organisation", "plan" (construct-only), "person" (the
 * person chosen).  Signal "imported" (SwPerson *person, guint n_added)
 * after a successful import, just before the dialog closes.
 */
#define SW_TYPE_BUSY_DIALOG (sw_busy_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SwBusyDialog, sw_busy_dialog, SW, BUSY_DIALOG, AdwWindow)

SwBusyDialog *sw_busy_dialog_new        (GtkWindow      *parent,
                                         SwOrganisation *organisation,
                                         SwPlan         *plan);
SwPerson     *sw_busy_dialog_get_person (SwBusyDialog   *self);
void          sw_busy_dialog_set_person (SwBusyDialog   *self,
                                         SwPerson       *person);
/* Reads a calendar file's bytes; FALSE with @error (also shown in the
 * dialog) when it cannot be used. */
gboolean      sw_busy_dialog_load_bytes (SwBusyDialog   *self,
                                         const char     *display_name,
                                         GBytes         *bytes,
                                         GError        **error);
/* The line shown under the file: what was found, or what is wrong. */
const char   *sw_busy_dialog_get_status (SwBusyDialog   *self);
/* Stores the busy times read for the chosen person. */
gboolean      sw_busy_dialog_import     (SwBusyDialog   *self,
                                         guint          *n_added,
                                         GError        **error);

G_END_DECLS
