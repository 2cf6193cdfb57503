/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sw-list-model.h"

gboolean
sw_list_model_find (GListModel *model,
                    gpointer    item,
                    guint      *position)
{
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (model), FALSE);

  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) other = g_list_model_get_item (model, i);

      if ((gpointer) other == item)
        {
          if (position != NULL)
            *position = i;
          return TRUE;
        }
    }

  return FALSE;
}
