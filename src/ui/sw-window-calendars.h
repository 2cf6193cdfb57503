/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Installs the window's calendar actions on SwWindow's class:
 * "win.export-calendars" (the Export Calendars dialog for the shown plan)
 * and "win.import-busy" (the Import Busy Times dialog). */
void sw_window_calendars_class_init (GtkWidgetClass *window_class);

G_END_DECLS
