/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sw-core.h"
#include "sw-roster-import.h"

#include "fuzz-common.h"

/* Any bytes as a roster CSV file, read into an organisation with one
 * department and one person; when rows are usable they are applied and
 * undone. */
int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(SwOrganisation) org = NULL;
  g_autoptr(SwRosterImport) import = NULL;
  g_autoptr(SwDepartment) department = NULL;
  g_autoptr(SwPerson) person = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  sw_fuzz_init ();

  org = sw_organisation_new ();
  department = sw_department_new ("党群办");
  g_list_store_append (G_LIST_STORE (sw_organisation_get_departments (org)), department);
  person = sw_person_new ("王芳", department);
  g_list_store_append (G_LIST_STORE (sw_organisation_get_people (org)), person);

  import = sw_roster_import_new (org);
  bytes = g_bytes_new (data, size);
  if (!sw_roster_import_load (import, bytes, &error))
    {
      g_assert (error != NULL);
      return 0;
    }

  g_free (sw_roster_import_format_report (import));
  for (guint i = 0; i < sw_roster_import_get_n_columns (import); i++)
    g_assert (sw_roster_import_get_header (import, i) != NULL);

  if (sw_roster_import_get_n_usable (import) > 0)
    {
      guint changed = 0;

      if (sw_roster_import_apply (import, &changed, &error))
        {
          if (changed > 0)
            g_assert (sw_undo_stack_undo (sw_organisation_get_undo_stack (org), NULL));
          g_assert (g_list_model_get_n_items (sw_organisation_get_people (org)) == 1);
        }
      g_clear_error (&error);
    }

  return 0;
}
