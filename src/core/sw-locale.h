/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * The folder of the translations: LOCALEDIR of the build; when the program
 * runs from the build tree, the build tree's po folder; when it runs from a
 * copy of the installed tree moved elsewhere (an install with DESTDIR, a
 * relocated prefix), the same folder relative to the program's own bin
 * folder when that exists.  Never NULL, static.
 */
const char *sw_locale_dir (void);

/* setlocale (LC_ALL, "") and bind the text domain to sw_locale_dir(). */
void        sw_locale_init (void);

G_END_DECLS
