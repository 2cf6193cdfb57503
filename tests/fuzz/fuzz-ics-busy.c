/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sw-core.h"
#include "sw-ics-busy.h"

#include "fuzz-common.h"

/* Any bytes as a person's calendar file: busy periods inside the plan's
 * days, or an error; periods found are added to a person and undone. */
int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  static SwPlan *plan = NULL;
  g_autoptr(SwOrganisation) org = NULL;
  g_autoptr(SwPerson) person = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) periods = NULL;
  guint added = 0;

  sw_fuzz_init ();

  if (plan == NULL)
    {
      int first_day;

      g_assert (sw_time_parse_date ("2026-09-20", &first_day, NULL));
      plan = sw_plan_new ("Fuzz", first_day, first_day + 6, "Asia/Shanghai");
    }

  bytes = g_bytes_new (data, size);
  periods = sw_ics_busy_read (bytes, plan, &error);
  if (periods == NULL)
    {
      g_assert (error != NULL);
      return 0;
    }

  org = sw_organisation_new ();
  person = sw_person_new ("王芳", NULL);
  g_list_store_append (G_LIST_STORE (sw_organisation_get_people (org)), person);
  if (sw_ics_busy_add (org, person, periods, &added, &error) && added > 0)
    {
      g_assert (g_list_model_get_n_items (sw_person_get_unavailability (person)) == added);
      g_assert (sw_undo_stack_undo (sw_organisation_get_undo_stack (org), NULL));
      g_assert (g_list_model_get_n_items (sw_person_get_unavailability (person)) == 0);
    }

  return 0;
}
