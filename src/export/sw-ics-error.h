/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SW_ICS_ERROR (sw_ics_error_quark ())

typedef enum
{
  SW_ICS_ERROR_UNKNOWN_ZONE,       /* a time zone that neither the file nor the system defines */
  SW_ICS_ERROR_MALFORMED,          /* not an iCalendar file, or a broken one */
  SW_ICS_ERROR_EMPTY,              /* an empty file, or one without events */
  SW_ICS_ERROR_NOTHING_IN_PERIOD,  /* no busy time inside the plan's days */
  SW_ICS_ERROR_IO,                 /* a calendar file could not be written */
} SwIcsError;

GQuark sw_ics_error_quark (void);

G_END_DECLS
