/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

/* What every fuzz target does once: a critical (a broken precondition in
 * our code) is a crash like any other, and the log stays quiet. */
static inline void
sw_fuzz_init (void)
{
  static gsize once = 0;

  if (g_once_init_enter (&once))
    {
      g_setenv ("LC_ALL", "C.UTF-8", TRUE);
      g_setenv ("LANGUAGE", "en", TRUE);
      g_setenv ("G_SLICE", "always-malloc", TRUE);
      g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_ERROR);
      g_log_set_writer_func (g_log_writer_default, NULL, NULL);
      g_once_init_leave (&once, 1);
    }
}

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);
