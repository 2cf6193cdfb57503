/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sw-caldav-error.h"

G_DEFINE_QUARK (sw-caldav-error-quark, sw_caldav_error)
