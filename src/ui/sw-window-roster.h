/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Installs the window's roster actions on SwWindow's class:
 * "win.import-roster" (the Import Roster dialog), "win.export-roster"
 * (the roster as CSV) and "win.export-workbook" (the shown plan's role
 * assignment sheet as .xlsx). */
void sw_window_roster_class_init (GtkWidgetClass *window_class);

G_END_DECLS
