/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sw-window.h"

G_BEGIN_DECLS

/*
 * A file given to the application (from a file manager, `servweek FILE`):
 * a plan exchange file (*.servweek.json, application/x-servweek-plan) is
 * imported after asking "Import plan “…”?"; a calendar file (.ics,
 * text/calendar) opens the Import Busy Times dialog with the file read, so
 * the user picks whose busy times they are.  Errors are shown over @window.
 */
void sw_application_open_file (SwWindow *window,
                               GFile    *file);

/* TRUE when @file looks like a calendar (by content type or by name). */
gboolean sw_application_file_is_calendar (GFile *file);

G_END_DECLS
