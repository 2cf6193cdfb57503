/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sw-text.h"

gboolean
sw_text_replace (char       **field,
                 const char  *value)
{
  g_return_val_if_fail (field != NULL, FALSE);

  if (value == NULL)
    value = "";

  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);

  return TRUE;
}
