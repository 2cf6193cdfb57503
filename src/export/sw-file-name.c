/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "sw-file-name.h"

static gboolean
is_forbidden (gunichar c)
{
  if (c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f))
    return TRUE;
  if (c == 0x2028 || c == 0x2029 || c == 0xfeff)
    return TRUE;

  return c < 0x80 && c != 0 && strchr ("/\\:*?\"<>|", (int) c) != NULL;
}

static gboolean
is_trimmed_at_end (gunichar c)
{
  return c == '.' || g_unichar_isspace (c);
}

/* Windows refuses these as names, whatever follows the first dot. */
static gboolean
is_device_name (const char *name)
{
  static const char * const devices[] = {
    "CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$",
    "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
    "COM¹", "COM²", "COM³",
    "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    "LPT¹", "LPT²", "LPT³",
  };
  const char *dot = strchr (name, '.');
  g_autofree char *stem = g_strndup (name, dot != NULL ? (gsize) (dot - name) : strlen (name));
  g_autofree char *upper = NULL;

  /* Trailing spaces before the dot are ignored by Windows too. */
  g_strchomp (stem);
  upper = g_utf8_strup (stem, -1);

  for (guint i = 0; i < G_N_ELEMENTS (devices); i++)
    if (strcmp (upper, devices[i]) == 0)
      return TRUE;

  return FALSE;
}

/* Cuts @text to at most @max bytes between whole characters. */
static void
truncate_utf8 (GString *text,
               gsize    max)
{
  gsize cut;

  if (text->len <= max)
    return;

  cut = max;
  while (cut > 0 && ((guchar) text->str[cut] & 0xc0) == 0x80)
    cut--;
  g_string_truncate (text, cut);
}

static void
trim_end (GString *text)
{
  while (text->len > 0)
    {
      const char *last = g_utf8_find_prev_char (text->str, text->str + text->len);

      if (last == NULL || !is_trimmed_at_end (g_utf8_get_char (last)))
        break;
      g_string_truncate (text, (gsize) (last - text->str));
    }
}

static char *
make_safe (const char *name)
{
  g_autofree char *valid = g_utf8_make_valid (name != NULL ? name : "", -1);
  g_autofree char *normal = g_utf8_normalize (valid, -1, G_NORMALIZE_DEFAULT_COMPOSE);
  g_autoptr(GString) out = g_string_new (NULL);
  const char *p;

  for (p = normal != NULL ? normal : valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* Leading dots would hide the file or name "." and "..". */
      if (out->len == 0 && (c == '.' || g_unichar_isspace (c)))
        continue;

      if (is_forbidden (c))
        g_string_append_c (out, '_');
      else if (g_unichar_isspace (c))
        g_string_append_c (out, ' ');
      else
        g_string_append_unichar (out, c);
    }

  truncate_utf8 (out, SW_FILE_NAME_MAX_BYTES);
  trim_end (out);

  if (out->len > 0 && is_device_name (out->str))
    {
      g_string_prepend_c (out, '_');
      truncate_utf8 (out, SW_FILE_NAME_MAX_BYTES);
      trim_end (out);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
sw_file_name_make_safe (const char *name,
                        const char *fallback)
{
  g_autofree char *safe = make_safe (name);

  if (*safe != '\0')
    return g_steal_pointer (&safe);

  g_free (safe);
  safe = make_safe (fallback);
  if (*safe != '\0')
    return g_steal_pointer (&safe);

  return g_strdup ("_");
}

gboolean
sw_file_name_equal (const char *a,
                    const char *b)
{
  g_autofree char *fa = g_utf8_casefold (a, -1);
  g_autofree char *fb = g_utf8_casefold (b, -1);

  return strcmp (fa, fb) == 0;
}
