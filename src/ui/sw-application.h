/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sw-store.h"

G_BEGIN_DECLS

/* The application: opens the default database once (creating it with the
 * sample plan on first start) and shows it in a SwWindow. */
#define SW_TYPE_APPLICATION (sw_application_get_type ())
G_DECLARE_FINAL_TYPE (SwApplication, sw_application, SW, APPLICATION, AdwApplication)

SwApplication *sw_application_new       (void);
/* The open database, or NULL before activation or when it failed to open. */
SwStore       *sw_application_get_store (SwApplication *self);

G_END_DECLS
