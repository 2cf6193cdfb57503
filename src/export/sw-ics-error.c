/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sw-ics-error.h"

G_DEFINE_QUARK (sw-ics-error-quark, sw_ics_error)
