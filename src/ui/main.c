/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>

#include "sw-application.h"
#include "sw-locale.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SwApplication) app = NULL;

  sw_locale_init ();

  app = sw_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
