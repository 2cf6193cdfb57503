/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>
#ifdef G_OS_UNIX
#include <langinfo.h>
#endif

#include "sw-error.h"
#include "sw-time.h"

#define MINUTES_PER_DAY 1440
#define MIN_YEAR 1900
#define MAX_YEAR 9999

/* Floor division: the day of 1969-12-31T23:59 is -1, not 0. */
static inline gint64
floor_div (gint64 a,
           gint64 b)
{
  gint64 q = a / b;

  if ((a % b != 0) && ((a < 0) != (b < 0)))
    q--;

  return q;
}

static inline gint64
floor_mod (gint64 a,
           gint64 b)
{
  return a - floor_div (a, b) * b;
}

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's
 * days_from_civil). */
static gint64
days_from_civil (gint64 y,
                 gint64 m,
                 gint64 d)
{
  gint64 era, yoe, doy, doe;

  y -= m <= 2;
  era = floor_div (y, 400);
  yoe = y - era * 400;
  doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

  return era * 146097 + doe - 719468;
}

static void
civil_from_days (gint64  z,
                 gint64 *out_y,
                 gint64 *out_m,
                 gint64 *out_d)
{
  gint64 era, doe, yoe, y, doy, mp, d, m;

  z += 719468;
  era = floor_div (z, 146097);
  doe = z - era * 146097;
  yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  y = yoe + era * 400;
  doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  mp = (5 * doy + 2) / 153;
  d = doy - (153 * mp + 2) / 5 + 1;
  m = mp < 10 ? mp + 3 : mp - 9;

  *out_y = y + (m <= 2);
  *out_m = m;
  *out_d = d;
}

static gboolean
is_leap_year (int year)
{
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

static int
days_in_month (int year,
               int month)
{
  static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

  if (month == 2 && is_leap_year (year))
    return 29;

  return days[month - 1];
}

/* The input as it may appear in a message: valid UTF-8, not too long. */
static char *
quote_text (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);

  if (g_utf8_strlen (valid, -1) > 40)
    {
      g_autofree char *head = g_utf8_substring (valid, 0, 40);

      return g_strconcat (head, "…", NULL);
    }

  return g_steal_pointer (&valid);
}

static gboolean
parse_number (const char *p,
              int         digits,
              int        *out)
{
  int value = 0;

  for (int i = 0; i < digits; i++)
    {
      if (!g_ascii_isdigit (p[i]))
        return FALSE;
      value = value * 10 + (p[i] - '0');
    }

  *out = value;

  return TRUE;
}

/* Parses "YYYY-MM-DD" at the start of @text; the caller checks what
 * follows. */
static gboolean
parse_ymd (const char *text,
           int        *year,
           int        *month,
           int        *day)
{
  return parse_number (text, 4, year) && text[4] == '-' &&
         parse_number (text + 5, 2, month) && text[7] == '-' &&
         parse_number (text + 8, 2, day);
}

static gboolean
ymd_in_range (int year,
              int month,
              int day)
{
  return year >= MIN_YEAR && year <= MAX_YEAR &&
         month >= 1 && month <= 12 &&
         day >= 1 && day <= days_in_month (year, month);
}

gboolean
sw_time_parse_datetime (const char  *text,
                        gint64      *out_minutes,
                        GError     **error)
{
  g_autofree char *quoted = NULL;
  int year, month, day, hour, minute;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (text == NULL)
    text = "";

  if (strlen (text) != 16 ||
      !parse_ymd (text, &year, &month, &day) ||
      text[10] != 'T' ||
      !parse_number (text + 11, 2, &hour) ||
      text[13] != ':' ||
      !parse_number (text + 14, 2, &minute))
    {
      quoted = quote_text (text);
      g_set_error (error, SW_CORE_ERROR, SW_CORE_ERROR_INVALID,
                   _("“%s” is not a date and time of the form YYYY-MM-DDTHH:MM"),
                   quoted);
      return FALSE;
    }

  if (!ymd_in_range (year, month, day) ||
      hour > 23 || minute > 59)
    {
      quoted = quote_text (text);
      g_set_error (error, SW_CORE_ERROR, SW_CORE_ERROR_INVALID,
                   _("“%s” is not a valid date and time"), quoted);
      return FALSE;
    }

  if (out_minutes != NULL)
    *out_minutes = sw_time_from_ymdhm (year, month, day, hour, minute);

  return TRUE;
}

/* SW_TIME_UNSET has no text: it formats as "". */
char *
sw_time_format_datetime (gint64 minutes)
{
  gint64 y, m, d;
  gint64 of_day;

  if (minutes == SW_TIME_UNSET)
    return g_strdup ("");

  civil_from_days (floor_div (minutes, MINUTES_PER_DAY), &y, &m, &d);
  of_day = floor_mod (minutes, MINUTES_PER_DAY);

  return g_strdup_printf ("%04" G_GINT64_FORMAT "-%02" G_GINT64_FORMAT
                          "-%02" G_GINT64_FORMAT "T%02d:%02d",
                          y, m, d, (int) (of_day / 60), (int) (of_day % 60));
}

gboolean
sw_time_parse_date (const char  *text,
                    int         *out_day,
                    GError     **error)
{
  g_autofree char *quoted = NULL;
  int year, month, day;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (text == NULL)
    text = "";

  if (strlen (text) != 10 || !parse_ymd (text, &year, &month, &day))
    {
      quoted = quote_text (text);
      g_set_error (error, SW_CORE_ERROR, SW_CORE_ERROR_INVALID,
                   _("“%s” is not a date of the form YYYY-MM-DD"), quoted);
      return FALSE;
    }

  if (!ymd_in_range (year, month, day))
    {
      quoted = quote_text (text);
      g_set_error (error, SW_CORE_ERROR, SW_CORE_ERROR_INVALID,
                   _("“%s” is not a valid date"), quoted);
      return FALSE;
    }

  if (out_day != NULL)
    *out_day = (int) days_from_civil (year, month, day);

  return TRUE;
}

char *
sw_time_format_date (int day)
{
  gint64 y, m, d;

  civil_from_days (day, &y, &m, &d);

  return g_strdup_printf ("%04" G_GINT64_FORMAT "-%02" G_GINT64_FORMAT
                          "-%02" G_GINT64_FORMAT, y, m, d);
}

char *
sw_time_format_hm (gint64 minutes)
{
  int of_day = sw_time_minute_of_day (minutes);

  return g_strdup_printf ("%02d:%02d", of_day / 60, of_day % 60);
}

int
sw_time_day_of (gint64 minutes)
{
  return (int) CLAMP (floor_div (minutes, MINUTES_PER_DAY), G_MININT, G_MAXINT);
}

gint64
sw_time_from_day (int day)
{
  return (gint64) day * MINUTES_PER_DAY;
}

int
sw_time_minute_of_day (gint64 minutes)
{
  return (int) floor_mod (minutes, MINUTES_PER_DAY);
}

gint64
sw_time_from_ymdhm (int year,
                    int month,
                    int day,
                    int hour,
                    int minute)
{
  gint64 y = year;
  gint64 m = month;

  /* Normalise the month so that days_from_civil sees 1 … 12; days, hours
   * and minutes out of range simply carry over. */
  y += floor_div (m - 1, 12);
  m = floor_mod (m - 1, 12) + 1;

  return (days_from_civil (y, m, 1) + day - 1) * MINUTES_PER_DAY +
         (gint64) hour * 60 + minute;
}

void
sw_time_to_ymd (int  day,
                int *year,
                int *month,
                int *mday)
{
  gint64 y, m, d;

  civil_from_days (day, &y, &m, &d);

  if (year != NULL)
    *year = (int) y;
  if (month != NULL)
    *month = (int) m;
  if (mday != NULL)
    *mday = (int) d;
}

int
sw_time_weekday (int day)
{
  /* 1970-01-01 was a Thursday (4). */
  return (int) floor_mod ((gint64) day + 3, 7) + 1;
}

GDateTime *
sw_time_to_date_time (gint64     minutes,
                      GTimeZone *tz)
{
  g_autoptr(GDateTime) utc = NULL;
  GDateTime *dt;
  gint64 y, m, d;
  gint64 of_day;
  gint32 offset;
  int interval;

  g_return_val_if_fail (tz != NULL, NULL);

  if (minutes == SW_TIME_UNSET)
    return NULL;

  civil_from_days (floor_div (minutes, MINUTES_PER_DAY), &y, &m, &d);
  of_day = floor_mod (minutes, MINUTES_PER_DAY);

  if (y < 1 || y > MAX_YEAR)
    return NULL;

  dt = g_date_time_new (tz, (int) y, (int) m, (int) d,
                        (int) (of_day / 60), (int) (of_day % 60), 0);
  if (dt == NULL)
    return NULL;

  if (sw_time_from_date_time (dt, tz) == minutes)
    {
      gint64 earlier;

      /* A wall-clock time that happens twice (02:30 on a fall-back night)
       * means the first one (RFC 5545); GLib picks the second. */
      interval = g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL,
                                            g_date_time_to_unix (dt));
      if (interval <= 0)
        return dt;

      earlier = minutes * 60 - g_time_zone_get_offset (tz, interval - 1);
      if (earlier >= g_date_time_to_unix (dt) ||
          g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, earlier) != interval - 1)
        return dt;

      g_date_time_unref (dt);
      utc = g_date_time_new_from_unix_utc (earlier);
      if (utc == NULL)
        return NULL;

      return g_date_time_to_timezone (utc, tz);
    }

  /* A wall-clock time skipped by a DST change (02:30 on a spring-forward
   * night): as RFC 5545 says, read it with the offset in force before the
   * gap, so 02:30 becomes 03:30 summer time, as calendar clients do. */
  interval = g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL,
                                        g_date_time_to_unix (dt) - 1);
  if (interval < 0)
    return dt;

  offset = g_time_zone_get_offset (tz, interval);
  g_date_time_unref (dt);
  utc = g_date_time_new_from_unix_utc (minutes * 60 - offset);
  if (utc == NULL)
    return NULL;

  return g_date_time_to_timezone (utc, tz);
}

gint64
sw_time_from_date_time (GDateTime *dt,
                        GTimeZone *tz)
{
  g_autoptr(GDateTime) local = NULL;

  g_return_val_if_fail (dt != NULL, SW_TIME_UNSET);

  local = tz != NULL ? g_date_time_to_timezone (dt, tz) : g_date_time_ref (dt);
  if (local == NULL)
    return SW_TIME_UNSET;

  return sw_time_from_ymdhm (g_date_time_get_year (local),
                             g_date_time_get_month (local),
                             g_date_time_get_day_of_month (local),
                             g_date_time_get_hour (local),
                             g_date_time_get_minute (local));
}

gint64
sw_time_now_in_zone (const char *tzid)
{
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GDateTime) now = NULL;

  if (tzid != NULL && *tzid != '\0')
    tz = g_time_zone_new_identifier (tzid);
  if (tz == NULL)
    tz = g_time_zone_new_local ();

  now = g_date_time_new_now (tz);

  return sw_time_from_date_time (now, NULL);
}

static gboolean
zone_name_is_well_formed (const char *tzid)
{
  if (*tzid == '\0' || *tzid == '/' || strlen (tzid) > 64)
    return FALSE;

  for (const char *p = tzid; *p != '\0'; p++)
    {
      if (!g_ascii_isalnum (*p) && strchr ("/_+-", *p) == NULL)
        return FALSE;
    }

  /* Every IANA name starts with a letter; the rest would be offsets or
   * POSIX TZ rules, which g_time_zone_new_identifier() also accepts. */
  if (!g_ascii_isalpha (tzid[0]))
    return FALSE;

  return strstr (tzid, "//") == NULL && !g_str_has_suffix (tzid, "/");
}

gboolean
sw_time_zone_is_valid (const char *tzid)
{
  g_autoptr(GTimeZone) tz = NULL;
  const char *tzdir;
  g_autofree char *path = NULL;

  if (tzid == NULL || !zone_name_is_well_formed (tzid))
    return FALSE;

  tz = g_time_zone_new_identifier (tzid);
  if (tz == NULL)
    return FALSE;

  /* GLib also builds zones from POSIX rules such as "CST6", so a name
   * only counts when the zone database has a file for it. */
  tzdir = g_getenv ("TZDIR");
  if (tzdir == NULL || *tzdir == '\0')
    tzdir = "/usr/share/zoneinfo";

  if (!g_file_test (tzdir, G_FILE_TEST_IS_DIR))
    return TRUE;

  path = g_build_filename (tzdir, tzid, NULL);

  return g_file_test (path, G_FILE_TEST_IS_REGULAR);
}

/* The day at noon UTC: only used for names of months and days. */
static char *
format_day_with (int         day,
                 const char *format)
{
  gint64 y, m, d;
  g_autoptr(GDateTime) dt = NULL;
  char *text = NULL;

  civil_from_days (day, &y, &m, &d);
  if (y >= 1 && y <= MAX_YEAR)
    dt = g_date_time_new_utc ((int) y, (int) m, (int) d, 12, 0, 0);
  if (dt != NULL)
    text = g_date_time_format (dt, format);

  return text != NULL ? text : sw_time_format_date (day);
}

char *
sw_time_format_day_label (int day)
{
  /* TRANSLATORS: a day with its weekday, as g_date_time_format() takes
   * it: "Sun 20 Sep".  Used for the week grid's columns, the days of the
   * sheets and of `servweek-cli show`.  Chinese: "%-m月%-d日 %A", which
   * gives "9月20日 星期日". */
  return format_day_with (day, _("%a %-d %b"));
}

char *
sw_time_format_day_long (int day)
{
  /* TRANSLATORS: a full date with weekday and year, as
   * g_date_time_format() takes it: "Sunday 20 September 2026".
   * Chinese: "%Y年%-m月%-d日 %A" ("2026年9月20日 星期日"). */
  return format_day_with (day, _("%A %-d %B %Y"));
}

char *
sw_time_format_day_short (int day)
{
  /* TRANSLATORS: a day without weekday or year, as g_date_time_format()
   * takes it: "20 Sep".  Chinese: "%-m月%-d日" ("9月20日"). */
  return format_day_with (day, _("%-d %b"));
}

char *
sw_time_format_day_year (int day)
{
  /* TRANSLATORS: a date with year, as g_date_time_format() takes it:
   * "20 Sep 2026".  Chinese: "%Y年%-m月%-d日" ("2026年9月20日"). */
  return format_day_with (day, _("%-d %b %Y"));
}

char *
sw_time_format_weekday (int day)
{
  return format_day_with (day, "%A");
}

char *
sw_time_format_day_time (gint64 minutes)
{
  g_autofree char *date = NULL;
  g_autofree char *hm = NULL;

  if (minutes == SW_TIME_UNSET)
    return g_strdup ("");

  date = sw_time_format_day_label (sw_time_day_of (minutes));
  hm = sw_time_format_hm (minutes);
  /* TRANSLATORS: a day (as "Sun 20 Sep") followed by a time ("14:30") */
  return g_strdup_printf (C_("day and time", "%s %s"), date, hm);
}

int
sw_time_locale_first_weekday (void)
{
#if defined(G_OS_UNIX) && defined(__GLIBC__)
  union { unsigned int word; char *string; } langinfo;
  int first_weekday;
  int week_1stday = 0;   /* 0 = Sunday */
  unsigned int week_origin;

  langinfo.string = nl_langinfo (_NL_TIME_FIRST_WEEKDAY);
  first_weekday = langinfo.string[0];
  langinfo.string = nl_langinfo (_NL_TIME_WEEK_1STDAY);
  week_origin = langinfo.word;
  if (week_origin == 19971130)        /* a Sunday */
    week_1stday = 0;
  else if (week_origin == 19971201)   /* a Monday */
    week_1stday = 1;
  else
    return 1;

  if (first_weekday < 1 || first_weekday > 7)
    return 1;

  /* 0 = Sunday … 6 = Saturday, then 1 = Monday … 7 = Sunday. */
  {
    int start = (week_1stday + first_weekday - 1) % 7;
    return start == 0 ? 7 : start;
  }
#else
  return 1;
#endif
}

static int
week_start_before (int day,
                   int week_start)
{
  return day - (sw_time_weekday (day) - week_start + 7) % 7;
}

int
sw_time_week_start (int day)
{
  return week_start_before (day, sw_time_locale_first_weekday ());
}

guint
sw_time_span_n_weeks (int first,
                      int last,
                      int week_start)
{
  if (last - first < 7)
    return 1;

  return (guint) ((last - week_start_before (first, week_start)) / 7) + 1;
}

guint
sw_time_span_week_of_day (int first,
                          int last,
                          int week_start,
                          int day)
{
  if (last - first < 7)
    return 0;

  day = CLAMP (day, first, last);
  return (guint) ((day - week_start_before (first, week_start)) / 7);
}

void
sw_time_span_week (int    first,
                   int    last,
                   int    week_start,
                   guint  week,
                   int   *out_first,
                   int   *out_last)
{
  int from = first, to = MAX (first, last);

  if (last - first >= 7)
    {
      guint n_weeks = sw_time_span_n_weeks (first, last, week_start);
      int start = week_start_before (first, week_start) + 7 * (int) MIN (week, n_weeks - 1);

      from = MAX (start, first);
      to = MIN (start + 6, last);
    }

  if (out_first != NULL)
    *out_first = from;
  if (out_last != NULL)
    *out_last = to;
}
