/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sw-ics-exporter-internal.h"

/* ------------------------------------------------------------------ */
/* Text and lines                                                     */

/* Valid UTF-8 without control characters; CR LF and CR become LF, and
 * with @multiline FALSE every line break becomes a space. */
char *
sw_ics_clean_text (const char *text,
                   gboolean    multiline)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);
  GString *out = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\r')
        {
          if (p[1] == '\n')
            continue;
          c = '\n';
        }

      if (c == '\n' || c == 0x2028 || c == 0x2029)
        g_string_append_c (out, multiline ? '\n' : ' ');
      else if (c == '\t')
        g_string_append_c (out, ' ');
      else if (c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f))
        continue;
      else
        g_string_append_unichar (out, c);
    }

  if (!multiline)
    g_strstrip (out->str), out->len = strlen (out->str);

  return g_string_free (out, FALSE);
}

/* A parameter value may hold neither line breaks nor double quotes. */
char *
sw_ics_clean_parameter (const char *text)
{
  char *clean = sw_ics_clean_text (text, FALSE);

  g_strdelimit (clean, "\"", '\'');

  return clean;
}

char *
sw_ics_escape_text (const char *text)
{
  g_autofree char *clean = sw_ics_clean_text (text, TRUE);
  GString *out = g_string_sized_new (strlen (clean) + 8);

  for (const char *p = clean; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case ';':
          g_string_append (out, "\\;");
          break;
        case ',':
          g_string_append (out, "\\,");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        default:
          g_string_append_c (out, *p);
        }
    }

  return g_string_free (out, FALSE);
}

void
sw_ics_append_folded_line (GString    *out,
                           const char *line,
                           gsize       length)
{
  gsize limit = LINE_OCTETS;
  gsize pos = 0;

  while (length - pos > limit)
    {
      gsize cut = pos + limit;

      /* Never split a UTF-8 sequence: back up to its lead byte. */
      while (cut > pos && ((guchar) line[cut] & 0xc0) == 0x80)
        cut--;
      g_assert (cut > pos);

      g_string_append_len (out, line + pos, (gssize) (cut - pos));
      g_string_append (out, "\r\n ");
      pos = cut;
      limit = LINE_OCTETS - 1;
    }

  g_string_append_len (out, line + pos, (gssize) (length - pos));
  g_string_append (out, "\r\n");
}

/* Appends libical's output unfolded and folded again by our rules:
 * libical 3.0 folds inside UTF-8 characters and sometimes leaves stray
 * CRs and empty continuation lines. */
void
sw_ics_append_refolded (GString    *out,
                        const char *text)
{
  g_autoptr(GString) line = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\r')
        continue;

      if (*p == '\n')
        {
          if (p[1] == ' ' || p[1] == '\t')
            {
              p++;
              continue;
            }
          if (line->len > 0)
            sw_ics_append_folded_line (out, line->str, line->len);
          g_string_truncate (line, 0);
          continue;
        }

      g_string_append_c (line, *p);
    }

  if (line->len > 0)
    sw_ics_append_folded_line (out, line->str, line->len);
}

char *
sw_ics_component_text (icalcomponent *component)
{
  char *ical = icalcomponent_as_ical_string_r (component);
  char *text = g_strdup (ical);

  icalmemory_free_buffer (ical);

  return text;
}

/* ------------------------------------------------------------------ */
/* Times                                                              */

struct icaltimetype
sw_ics_local_time (gint64 minutes)
{
  struct icaltimetype t = icaltime_null_time ();
  int minute = sw_time_minute_of_day (minutes);

  sw_time_to_ymd (sw_time_day_of (minutes), &t.year, &t.month, &t.day);
  t.hour = minute / 60;
  t.minute = minute % 60;
  t.second = 0;
  t.is_date = 0;
  t.zone = NULL;

  return t;
}

icalproperty *
sw_ics_with_tzid (icalproperty *property,
                  const char   *tzid)
{
  icalproperty_add_parameter (property, icalparameter_new_tzid (tzid));

  return property;
}

struct icaltimetype
sw_ics_utc_time (gint64 seconds)
{
  /* With the UTC zone the result is UTC, as it must be for stamps. */
  return icaltime_from_timet_with_zone ((time_t) seconds, 0,
                                        icaltimezone_get_utc_timezone ());
}
