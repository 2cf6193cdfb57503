/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>
#include <string.h>

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

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

const char **
sw_text_sorted_keys (GHashTable *table)
{
  guint n = 0;
  const char **keys;

  if (table == NULL)
    return g_new0 (const char *, 1);

  keys = (const char **) g_hash_table_get_keys_as_array (table, &n);
  qsort (keys, n, sizeof (char *), compare_strings);

  return keys;
}

GStrv
sw_text_dup_sorted_keys (GHashTable *table)
{
  g_autofree const char **keys = sw_text_sorted_keys (table);

  return g_strdupv ((GStrv) keys);
}
