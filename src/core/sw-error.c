/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "sw-error.h"

G_DEFINE_QUARK (sw-core-error-quark, sw_core_error)
