/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "sw-core.h"
#include "sw-store.h"

G_BEGIN_DECLS

/* The header bar's "N to Tell" button: how many people have changes they
 * have not been sent (sw_change_notices () against what the store says
 * each last received), shown only when there are any; it opens the
 * Changes to Send dialog ("win.show-changes").  Counted again a moment
 * after each edit, and read again from the store by
 * sw_changes_button_reload () after an export or a publish. */
#define SW_TYPE_CHANGES_BUTTON (sw_changes_button_get_type ())
G_DECLARE_FINAL_TYPE (SwChangesButton, sw_changes_button, SW, CHANGES_BUTTON, GtkButton)

GtkWidget *sw_changes_button_new      (void);
void       sw_changes_button_set_plan (SwChangesButton *self,
                                       SwStore         *store,
                                       SwPlan          *plan);
void       sw_changes_button_reload   (SwChangesButton *self);
guint      sw_changes_button_get_count (SwChangesButton *self);

G_END_DECLS
