/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sw-core.h"
#include "sw-plan-file.h"

#include "fuzz-common.h"

/* Any bytes as a plan exchange file: a plan, or an error and an
 * organisation left as it was.  A plan that imports exports again. */
int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(SwOrganisation) org = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  SwPlan *plan;

  sw_fuzz_init ();

  org = sw_organisation_new ();
  bytes = g_bytes_new (data, size);
  plan = sw_plan_file_import (org, bytes, &error);
  if (plan == NULL)
    {
      g_assert (error != NULL);
      g_assert (g_list_model_get_n_items (sw_organisation_get_plans (org)) == 0);
      g_assert (g_list_model_get_n_items (sw_organisation_get_people (org)) == 0);
      g_assert (!sw_undo_stack_get_can_undo (sw_organisation_get_undo_stack (org)));
    }
  else
    {
      g_autoptr(GBytes) exported = sw_plan_file_export (org, plan);

      g_assert (exported != NULL);
      g_assert (sw_undo_stack_undo (sw_organisation_get_undo_stack (org), NULL));
      g_assert (g_list_model_get_n_items (sw_organisation_get_plans (org)) == 0);
    }

  return 0;
}
