/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <string.h>

#include "sw-locale.h"

static char *
find_locale_dir (void)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *bindir = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *candidate = NULL;

  if (exe == NULL)
    return g_strdup (LOCALEDIR);

  bindir = g_path_get_dirname (exe);
  /* Installed where it was built for: nothing to find. */
  if (g_str_equal (bindir, SW_BINDIR))
    return g_strdup (LOCALEDIR);

  /* Run from the build tree (build-aux/run): its compiled translations. */
  if (g_str_has_prefix (bindir, SW_BUILD_ROOT "/"))
    {
      g_autofree char *po = g_build_filename (SW_BUILD_ROOT, "po", NULL);

      if (g_file_test (po, G_FILE_TEST_IS_DIR))
        return g_steal_pointer (&po);
      return g_strdup (LOCALEDIR);
    }

  if (!g_str_has_suffix (bindir, "/" SW_BINDIR_NAME))
    return g_strdup (LOCALEDIR);

  prefix = g_strndup (bindir, strlen (bindir) - strlen ("/" SW_BINDIR_NAME));
  candidate = g_build_filename (prefix, SW_LOCALEDIR_NAME, NULL);
  if (g_file_test (candidate, G_FILE_TEST_IS_DIR))
    return g_steal_pointer (&candidate);

  return g_strdup (LOCALEDIR);
}

const char *
sw_locale_dir (void)
{
  static gsize dir = 0;

  if (g_once_init_enter (&dir))
    g_once_init_leave (&dir, (gsize) find_locale_dir ());

  return (const char *) dir;
}

void
sw_locale_init (void)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, sw_locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}
