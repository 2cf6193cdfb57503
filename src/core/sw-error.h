/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SW_CORE_ERROR (sw_core_error_quark ())

typedef enum
{
  SW_CORE_ERROR_INVALID,        /* a value out of range or malformed */
  SW_CORE_ERROR_NOT_FOUND,      /* a named slot, person, duty … does not exist */
  SW_CORE_ERROR_AMBIGUOUS,      /* a name matches more than one object */
  SW_CORE_ERROR_CONFLICT,       /* the change breaks a rule (second duty on a slot, …) */
  SW_CORE_ERROR_NOTHING_TO_DO,  /* undo with an empty stack, … */
} SwCoreError;

GQuark sw_core_error_quark (void);

G_END_DECLS
