/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The string fields of the model's objects: never NULL, "" when empty. */

/* Replaces the string in @field (owned) by a copy of @value, NULL read as
 * ""; FALSE when @field held that text already (nothing to notify). */
gboolean sw_text_replace (char       **field,
                          const char  *value);

/* The string keys of @table (may be NULL), sorted by byte: borrowed from
 * the table (free only the array), or copied (transfer full). */
const char **sw_text_sorted_keys     (GHashTable  *table);
GStrv        sw_text_dup_sorted_keys (GHashTable  *table);

G_END_DECLS
