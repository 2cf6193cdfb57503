/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "sw-skills.h"

char **
sw_skills_normalize (const char *const *skills)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; skills != NULL && skills[i] != NULL; i++)
    {
      g_autofree char *skill = g_strdup (skills[i]);
      gboolean seen = FALSE;

      if (!g_utf8_validate (skill, -1, NULL))
        continue;
      /* One line each: a store or a file may keep them one a line. */
      for (char *c = skill; *c != '\0'; c++)
        if ((guchar) *c < 0x20 || *c == 0x7f)
          *c = ' ';
      g_strstrip (skill);
      if (skill[0] == '\0')
        continue;
      for (guint j = 0; j < out->len && !seen; j++)
        seen = g_str_equal (out->pdata[j], skill);
      if (!seen)
        g_ptr_array_add (out, g_steal_pointer (&skill));
    }
  g_ptr_array_add (out, NULL);
  g_ptr_array_set_free_func (out, NULL);

  return (char **) g_ptr_array_free (g_steal_pointer (&out), FALSE);
}

char **
sw_skills_parse (const char *text)
{
  static const char *const separators[] = { "、", "；", "，", ";", ",", "\n", "\r", NULL };
  g_autoptr(GString) joined = NULL;
  g_auto(GStrv) parts = NULL;

  if (text == NULL)
    return sw_skills_normalize (NULL);

  joined = g_string_new (text);
  for (guint i = 0; separators[i] != NULL; i++)
    g_string_replace (joined, separators[i], "\x1f", 0);
  parts = g_strsplit (joined->str, "\x1f", -1);

  return sw_skills_normalize ((const char *const *) parts);
}

char *
sw_skills_join (const char *const *skills,
                const char        *separator)
{
  if (skills == NULL)
    return g_strdup ("");

  return g_strjoinv (separator, (char **) skills);
}

gboolean
sw_skills_equal (const char *const *a,
                 const char *const *b)
{
  static const char *const none[] = { NULL };

  return g_strv_equal (a != NULL ? a : none, b != NULL ? b : none);
}

gboolean
sw_skills_contains (const char *const *skills,
                    const char        *skill)
{
  return skills != NULL && g_strv_contains (skills, skill);
}

gboolean
sw_skills_replace (char            ***field,
                   const char *const *skills)
{
  g_auto(GStrv) normal = sw_skills_normalize (skills);

  if (sw_skills_equal ((const char *const *) *field, (const char *const *) normal))
    return FALSE;

  g_strfreev (*field);
  *field = g_steal_pointer (&normal);

  return TRUE;
}
