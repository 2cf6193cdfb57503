/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <unistd.h>

#include <glib/gstdio.h>

#include "sw-core.h"
#include "sw-store.h"

#include "fuzz-common.h"

static char *path;

static void
remove_files (void)
{
  const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_unlink (file);
    }
}

/* Any bytes as a database file: it opens (and then takes an edit), or
 * it is refused with an error; either way nothing crashes. */
int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SwStore) store = NULL;

  sw_fuzz_init ();

  if (path == NULL)
    {
      g_autofree char *name = g_strdup_printf ("sw-fuzz-store-%d.db", (int) getpid ());
      path = g_build_filename (g_get_tmp_dir (), name, NULL);
      atexit (remove_files);
    }

  remove_files ();
  g_assert (g_file_set_contents (path, (const char *) data, size, NULL));

  store = sw_store_open (path, SW_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    g_assert (error != NULL && error->domain == SW_STORE_ERROR);
  else
    {
      SwOrganisation *org = sw_store_get_organisation (store);
      g_autoptr(SwDepartment) department = sw_department_new ("Fuzz");

      /* Saving into whatever the file was may fail, but cleanly. */
      if (!sw_edit_add (org, org, "departments", department, &error))
        g_assert (error != NULL);
    }

  g_clear_object (&store);
  remove_files ();

  return 0;
}
