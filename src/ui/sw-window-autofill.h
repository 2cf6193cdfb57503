/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Installs "win.autofill" on SwWindow's class: the Auto-fill dialog for
 * the window's plan, and a toast with Undo once it is applied. */
void sw_window_autofill_class_init (GtkWidgetClass *window_class);

G_END_DECLS
