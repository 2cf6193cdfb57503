/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sw-print-sheet.h"
#include "sw-publisher.h"

static void
add_subscription (SwPerson   *person,
                  const char *url,
                  gpointer    sheet)
{
  sw_sheet_add_subscription (sheet, person, url);
}

SwSheet *
sw_print_sheet_new (SwStore      *store,
                    SwPlan       *plan,
                    SwSheetKind   kind,
                    GError      **error)
{
  g_autoptr(SwSheet) sheet = NULL;
  g_autoptr(SwPublishState) published = NULL;

  g_return_val_if_fail (store == NULL || SW_IS_STORE (store), NULL);
  g_return_val_if_fail (SW_IS_PLAN (plan), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  sheet = sw_sheet_new (plan, kind);
  if (store == NULL)
    return g_steal_pointer (&sheet);

  published = sw_store_load_publish_state (store, plan, error);
  if (published == NULL)
    return NULL;
  sw_publish_foreach_subscription (sw_store_get_organisation (store), published, FALSE,
                                   add_subscription, sheet);

  if (kind == SW_SHEET_KIND_CHANGES)
    {
      g_autoptr(SwReceived) received = sw_store_load_received (store, plan, error);
      g_autoptr(GPtrArray) notices = NULL;

      if (received == NULL)
        return NULL;
      notices = sw_change_notices (sw_store_get_organisation (store), plan, received, NULL);
      for (guint i = 0; i < notices->len; i++)
        {
          SwChangeNotice *notice = g_ptr_array_index (notices, i);

          sw_sheet_add_notice (sheet, notice->person, notice->text);
        }
    }
  return g_steal_pointer (&sheet);
}
