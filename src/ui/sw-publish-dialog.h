/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sw-core.h"
#include "sw-store.h"

G_BEGIN_DECLS

/*
 * The Publish Calendars dialog: the CalDAV server, user and password (kept
 * in the desktop keyring once a publish succeeded), whether phone numbers
 * go out; Publish runs SwPublishJob in the background with a progress bar
 * and Cancel.  Events someone changed on the server are listed, to
 * overwrite or keep.  Once published, each person's subscription address
 * is listed with Copy and New Address (the old address stops working).
 *
 * Properties: "plan", "store" (construct-only).  Signal "published"
 * (guint n_calendars, guint n_conflicts) after each publish that reached
 * the server.
 */
#define SW_TYPE_PUBLISH_DIALOG (sw_publish_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SwPublishDialog, sw_publish_dialog, SW, PUBLISH_DIALOG, AdwWindow)

SwPublishDialog *sw_publish_dialog_new      (GtkWindow       *parent,
                                             SwPlan          *plan,
                                             SwStore         *store);
/* Whether a publish is under way (the database must not be reloaded). */
gboolean         sw_publish_dialog_get_busy (SwPublishDialog *self);

G_END_DECLS
