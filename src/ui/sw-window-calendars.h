/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sw-window.h"

G_BEGIN_DECLS

/* Installs the window's calendar actions on SwWindow's class:
 * "win.export-calendars" (the Export Calendars dialog for the shown plan),
 * "win.publish-calendars" (the Publish Calendars dialog) and
 * "win.import-busy" (the Import Busy Times dialog). */
void sw_window_calendars_class_init (GtkWidgetClass *window_class);

/* Shows the Import Busy Times dialog for the window's plan, with the
 * calendar @bytes (named @display_name) already read when not NULL; a
 * toast says what was added. */
void sw_window_import_busy          (SwWindow       *window,
                                     const char     *display_name,
                                     GBytes         *bytes);

G_END_DECLS
