/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sw-core.h"
#include "sw-store.h"

G_BEGIN_DECLS

/* The main window: one plan of an organisation in three views (Schedule,
 * Roster, Tasks), undo/redo through the organisation's stack.
 * Properties: "organisation" (construct-only, may be NULL when the
 * database could not be opened), "plan" (the plan shown, may be NULL). */
#define SW_TYPE_WINDOW (sw_window_get_type ())
G_DECLARE_FINAL_TYPE (SwWindow, sw_window, SW, WINDOW, AdwApplicationWindow)

SwWindow       *sw_window_new              (GtkApplication *application,
                                            SwOrganisation *organisation);
SwOrganisation *sw_window_get_organisation (SwWindow       *self);
SwPlan         *sw_window_get_plan         (SwWindow       *self);
/* Calendars went out (an export, a publish): who must be told what is
 * counted again from what the store says each person received. */
void            sw_window_calendars_sent   (SwWindow       *self);
/* The database of the window's application (NULL without one). */
SwStore        *sw_window_get_store        (SwWindow       *self);
void            sw_window_set_plan         (SwWindow       *self,
                                            SwPlan         *plan);
/* Shows @heading and the error's message in a message dialog over the
 * window. */
void            sw_window_show_error       (SwWindow       *self,
                                            const char     *heading,
                                            const GError   *error);
/* Shows @toast over the window's content (takes ownership). */
void            sw_window_add_toast        (SwWindow       *self,
                                            AdwToast       *toast);
/* Shows @title in a toast over the window with an Undo button (win.undo),
 * for a change the user may take back at once. */
void            sw_window_add_undo_toast   (SwWindow       *self,
                                            const char     *title);
/* Presents @dialog, a new window over this one, and calls @callback on its
 * @signal_name with the window as the last argument while the window
 * lives. */
void            sw_window_present_dialog   (SwWindow       *self,
                                            gpointer        dialog,
                                            const char     *signal_name,
                                            GCallback       callback);

/* The file of the database shown, named by the banner the window shows
 * while the organisation is read-only (its editing actions are disabled
 * then). */
void            sw_window_set_database_path (SwWindow      *self,
                                             const char    *path);
/* TRUE while the organisation shown cannot be changed. */
gboolean        sw_window_get_read_only    (SwWindow       *self);

G_END_DECLS
