/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "sw-core.h"

static gint64
parse_ok (const char *text)
{
  g_autoptr(GError) error = NULL;
  gint64 minutes = 0;

  g_assert_true (sw_time_parse_datetime (text, &minutes, &error));
  g_assert_no_error (error);

  return minutes;
}

static void
test_parse_datetime_good (void)
{
  struct { const char *text; int y, mo, d, h, mi; } cases[] = {
    { "2026-09-20T14:00", 2026, 9, 20, 14, 0 },
    { "1970-01-01T00:00", 1970, 1, 1, 0, 0 },
    { "1900-01-01T00:00", 1900, 1, 1, 0, 0 },
    { "9999-12-31T23:59", 9999, 12, 31, 23, 59 },
    { "2028-02-29T08:30", 2028, 2, 29, 8, 30 },
    { "2000-02-29T12:00", 2000, 2, 29, 12, 0 },
    { "2026-04-30T23:59", 2026, 4, 30, 23, 59 },
  };

  g_assert_cmpint (parse_ok ("1970-01-01T00:00"), ==, 0);
  g_assert_cmpint (parse_ok ("1970-01-02T01:01"), ==, 1440 + 61);
  g_assert_cmpint (parse_ok ("1969-12-31T23:59"), ==, -1);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gint64 minutes = parse_ok (cases[i].text);
      g_autofree char *back = sw_time_format_datetime (minutes);
      int y, mo, d;

      g_assert_cmpstr (back, ==, cases[i].text);
      g_assert_cmpint (minutes, ==, sw_time_from_ymdhm (cases[i].y, cases[i].mo, cases[i].d,
                                                        cases[i].h, cases[i].mi));
      sw_time_to_ymd (sw_time_day_of (minutes), &y, &mo, &d);
      g_assert_cmpint (y, ==, cases[i].y);
      g_assert_cmpint (mo, ==, cases[i].mo);
      g_assert_cmpint (d, ==, cases[i].d);
      g_assert_cmpint (sw_time_minute_of_day (minutes), ==, cases[i].h * 60 + cases[i].mi);
    }
}

static void
test_parse_datetime_bad (void)
{
  const char *bad[] = {
    "",
    "2026-02-29T10:00",   /* not a leap year */
    "1900-02-29T10:00",   /* century, not a leap year */
    "2026-09-20 14:00",   /* space instead of T */
    "2026-09-20T24:00",
    "2026-09-20T23:60",
    "2026-13-01T10:00",
    "2026-00-10T10:00",
    "2026-04-31T10:00",
    "2026-09-00T10:00",
    "1899-12-31T23:59",
    "2026-9-20T14:00",
    "2026-09-20T4:00",
    "2026-09-20T14:00:00",
    "2026-09-20T14:00Z",
    " 2026-09-20T14:00",
    "2026-09-20t14:00",
    "2026-09-20",
    "abcd-ef-ghTij:kl",
    "+026-09-20T14:00",
    "2026-09-2OT14:00",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 minutes = 42;

      g_assert_false (sw_time_parse_datetime (bad[i], &minutes, &error));
      g_assert_error (error, SW_CORE_ERROR, SW_CORE_ERROR_INVALID);
      g_assert_cmpint (minutes, ==, 42);
      /* The message names the bad text. */
      if (*bad[i] != '\0')
        g_assert_nonnull (strstr (error->message, bad[i]));
    }

  {
    g_autoptr(GError) error = NULL;

    g_assert_false (sw_time_parse_datetime (NULL, NULL, &error));
    g_assert_error (error, SW_CORE_ERROR, SW_CORE_ERROR_INVALID);
  }
}

static void
test_parse_long_and_invalid_text (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) long_text = g_string_new (NULL);

  for (int i = 0; i < 10000; i++)
    g_string_append_c (long_text, 'x');

  g_assert_false (sw_time_parse_datetime (long_text->str, NULL, &error));
  g_assert_error (error, SW_CORE_ERROR, SW_CORE_ERROR_INVALID);
  g_assert_cmpuint (strlen (error->message), <, 200);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_clear_error (&error);

  g_assert_false (sw_time_parse_datetime ("2026-09-20T14:0\xff", NULL, &error));
  g_assert_error (error, SW_CORE_ERROR, SW_CORE_ERROR_INVALID);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
}

static void
test_parse_date (void)
{
  g_autoptr(GError) error = NULL;
  int day = -7;
  const char *bad[] = {
    "2026-02-29", "2026-9-20", "2026-09-20T00:00", "", "2026/09/20",
    "10000-01-01", "1899-12-31", "2026-12-32", "2026-06-31",
  };

  g_assert_true (sw_time_parse_date ("1970-01-01", &day, &error));
  g_assert_no_error (error);
  g_assert_cmpint (day, ==, 0);

  g_assert_true (sw_time_parse_date ("2028-02-29", &day, &error));
  g_assert_no_error (error);
  {
    g_autofree char *text = sw_time_format_date (day);
    g_assert_cmpstr (text, ==, "2028-02-29");
  }

  g_assert_true (sw_time_parse_date ("2026-09-20", &day, &error));
  g_assert_cmpint (sw_time_from_day (day), ==, parse_ok ("2026-09-20T00:00"));

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      int out = 99;

      g_assert_false (sw_time_parse_date (bad[i], &out, &error));
      g_assert_error (error, SW_CORE_ERROR, SW_CORE_ERROR_INVALID);
      g_assert_cmpint (out, ==, 99);
      g_clear_error (&error);
    }
}

static void
test_format (void)
{
  g_autofree char *hm = sw_time_format_hm (parse_ok ("2026-09-23T09:05"));
  g_autofree char *midnight = sw_time_format_hm (parse_ok ("2026-09-23T00:00"));
  g_autofree char *negative = sw_time_format_datetime (-1);
  g_autofree char *before = sw_time_format_date (-1);
  g_autofree char *unset = sw_time_format_datetime (SW_TIME_UNSET);

  g_assert_cmpstr (hm, ==, "09:05");
  g_assert_cmpstr (midnight, ==, "00:00");
  g_assert_cmpstr (negative, ==, "1969-12-31T23:59");
  g_assert_cmpstr (before, ==, "1969-12-31");
  g_assert_cmpstr (unset, ==, "");
}

static void
test_day_arithmetic (void)
{
  gint64 minutes = parse_ok ("2026-09-20T14:00");
  int day = sw_time_day_of (minutes);
  int y, m, d;

  g_assert_cmpint (sw_time_from_day (day) + 14 * 60, ==, minutes);
  g_assert_cmpint (sw_time_day_of (sw_time_from_day (day) + 1439), ==, day);
  g_assert_cmpint (sw_time_day_of (sw_time_from_day (day) + 1440), ==, day + 1);
  g_assert_cmpint (sw_time_day_of (-1), ==, -1);
  g_assert_cmpint (sw_time_minute_of_day (-1), ==, 1439);

  /* Month carry-over in from_ymdhm. */
  g_assert_cmpint (sw_time_from_ymdhm (2026, 13, 1, 0, 0), ==,
                   parse_ok ("2027-01-01T00:00"));
  g_assert_cmpint (sw_time_from_ymdhm (2026, 2, 29, 0, 0), ==,
                   parse_ok ("2026-03-01T00:00"));

  sw_time_to_ymd (day + 11, &y, &m, &d);
  g_assert_cmpint (y, ==, 2026);
  g_assert_cmpint (m, ==, 10);
  g_assert_cmpint (d, ==, 1);

  sw_time_to_ymd (sw_time_day_of (parse_ok ("2024-12-31T12:00")) + 1, &y, &m, &d);
  g_assert_cmpint (y, ==, 2025);
  g_assert_cmpint (m, ==, 1);
  g_assert_cmpint (d, ==, 1);
}

static void
test_weekday (void)
{
  int day;

  g_assert_cmpint (sw_time_weekday (0), ==, 4);        /* 1970-01-01 Thursday */
  g_assert_cmpint (sw_time_weekday (-1), ==, 3);       /* Wednesday */
  g_assert_cmpint (sw_time_weekday (-4), ==, 7);       /* Sunday */
  g_assert_true (sw_time_parse_date ("2026-09-20", &day, NULL));
  g_assert_cmpint (sw_time_weekday (day), ==, 7);      /* Sunday */
  g_assert_cmpint (sw_time_weekday (day + 1), ==, 1);  /* Monday */
  g_assert_true (sw_time_parse_date ("2000-01-01", &day, NULL));
  g_assert_cmpint (sw_time_weekday (day), ==, 6);      /* Saturday */
}

static int
date (const char *text)
{
  int day = 0;

  g_assert_true (sw_time_parse_date (text, &day, NULL));
  return day;
}

/* Asserts that week @week of first … last is @from … @to. */
static void
assert_week (int         first,
             int         last,
             int         week_start,
             guint       week,
             const char *from,
             const char *to)
{
  int f = 0, l = 0;

  sw_time_span_week (first, last, week_start, week, &f, &l);
  g_assert_cmpint (f, ==, date (from));
  g_assert_cmpint (l, ==, date (to));
}

static void
test_span_weeks (void)
{
  int sun20 = date ("2026-09-20"), sat26 = date ("2026-09-26");
  int last;

  /* A service week from Sunday to Saturday is one week whatever day the
   * locale's week begins on. */
  for (int week_start = 1; week_start <= 7; week_start++)
    {
      g_assert_cmpuint (sw_time_span_n_weeks (sun20, sat26, week_start), ==, 1);
      assert_week (sun20, sat26, week_start, 0, "2026-09-20", "2026-09-26");
      g_assert_cmpuint (sw_time_span_week_of_day (sun20, sat26, week_start, date ("2026-09-23")), ==, 0);
    }

  /* One day. */
  g_assert_cmpuint (sw_time_span_n_weeks (sun20, sun20, 1), ==, 1);
  assert_week (sun20, sun20, 1, 0, "2026-09-20", "2026-09-20");

  /* 21 days from a Sunday: with weeks from Monday (zh_CN), the Sunday
   * alone, two whole weeks, then Monday … Saturday. */
  last = date ("2026-10-10");
  g_assert_cmpuint (sw_time_span_n_weeks (sun20, last, 1), ==, 4);
  assert_week (sun20, last, 1, 0, "2026-09-20", "2026-09-20");
  assert_week (sun20, last, 1, 1, "2026-09-21", "2026-09-27");
  assert_week (sun20, last, 1, 2, "2026-09-28", "2026-10-04");
  assert_week (sun20, last, 1, 3, "2026-10-05", "2026-10-10");
  g_assert_cmpuint (sw_time_span_week_of_day (sun20, last, 1, sun20), ==, 0);
  g_assert_cmpuint (sw_time_span_week_of_day (sun20, last, 1, date ("2026-09-21")), ==, 1);
  g_assert_cmpuint (sw_time_span_week_of_day (sun20, last, 1, date ("2026-10-04")), ==, 2);
  g_assert_cmpuint (sw_time_span_week_of_day (sun20, last, 1, last), ==, 3);

  /* The same days with weeks from Sunday (en_US): three whole weeks. */
  g_assert_cmpuint (sw_time_span_n_weeks (sun20, last, 7), ==, 3);
  assert_week (sun20, last, 7, 0, "2026-09-20", "2026-09-26");
  assert_week (sun20, last, 7, 2, "2026-10-04", "2026-10-10");
  g_assert_cmpuint (sw_time_span_week_of_day (sun20, last, 7, date ("2026-09-27")), ==, 1);

  /* Eight days from a Monday with weeks from Monday: a week and a day. */
  g_assert_cmpuint (sw_time_span_n_weeks (date ("2026-09-21"), date ("2026-09-28"), 1), ==, 2);
  assert_week (date ("2026-09-21"), date ("2026-09-28"), 1, 1, "2026-09-28", "2026-09-28");

  /* Out of range: clamped. */
  g_assert_cmpuint (sw_time_span_week_of_day (sun20, last, 1, date ("2026-09-01")), ==, 0);
  g_assert_cmpuint (sw_time_span_week_of_day (sun20, last, 1, date ("2026-12-01")), ==, 3);
  assert_week (sun20, last, 1, 99, "2026-10-05", "2026-10-10");

  /* A reversed range counts as its first day. */
  g_assert_cmpuint (sw_time_span_n_weeks (last, sun20, 1), ==, 1);
  assert_week (last, sun20, 1, 0, "2026-10-10", "2026-10-10");
  g_assert_cmpuint (sw_time_span_week_of_day (last, sun20, 1, sun20), ==, 0);
}

static void
test_zone_shanghai (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Asia/Shanghai");
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  gint64 minutes = parse_ok ("2026-09-20T14:00");
  g_autoptr(GDateTime) dt = NULL;
  g_autoptr(GDateTime) in_utc = NULL;

  g_assert_nonnull (tz);
  dt = sw_time_to_date_time (minutes, tz);
  g_assert_nonnull (dt);
  in_utc = g_date_time_to_timezone (dt, utc);
  g_assert_cmpint (g_date_time_get_hour (in_utc), ==, 6);
  g_assert_cmpint (g_date_time_get_day_of_month (in_utc), ==, 20);

  g_assert_cmpint (sw_time_from_date_time (dt, tz), ==, minutes);
  g_assert_cmpint (sw_time_from_date_time (dt, utc), ==, minutes - 8 * 60);

  /* Seconds are dropped. */
  {
    g_autoptr(GDateTime) with_seconds = g_date_time_new (utc, 2026, 9, 20, 6, 0, 59.5);
    g_assert_cmpint (sw_time_from_date_time (with_seconds, tz), ==, minutes);
  }
}

static void
test_zone_berlin_dst (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) before = NULL;
  g_autoptr(GDateTime) after = NULL;
  g_autoptr(GDateTime) before_utc = NULL;
  g_autoptr(GDateTime) after_utc = NULL;
  gint64 before_minutes = parse_ok ("2026-03-29T01:30");
  gint64 after_minutes = parse_ok ("2026-03-29T03:30");

  g_assert_nonnull (tz);

  /* Winter time (UTC+1) before 02:00, summer time (UTC+2) after. */
  before = sw_time_to_date_time (before_minutes, tz);
  after = sw_time_to_date_time (after_minutes, tz);
  before_utc = g_date_time_to_timezone (before, utc);
  after_utc = g_date_time_to_timezone (after, utc);
  g_assert_cmpint (g_date_time_get_hour (before_utc), ==, 0);
  g_assert_cmpint (g_date_time_get_minute (before_utc), ==, 30);
  g_assert_cmpint (g_date_time_get_hour (after_utc), ==, 1);
  g_assert_cmpint (g_date_time_get_minute (after_utc), ==, 30);

  /* Two wall-clock hours apart, one real hour apart. */
  g_assert_cmpint (g_date_time_difference (after, before), ==, G_TIME_SPAN_HOUR);

  g_assert_cmpint (sw_time_from_date_time (before, tz), ==, before_minutes);
  g_assert_cmpint (sw_time_from_date_time (after, tz), ==, after_minutes);

  /* 02:30 does not exist that night: read with the offset before the gap
   * (RFC 5545), it is 01:30 UTC, 03:30 summer time. */
  {
    g_autoptr(GDateTime) gap = sw_time_to_date_time (parse_ok ("2026-03-29T02:30"), tz);
    g_autoptr(GDateTime) gap_utc = NULL;

    g_assert_nonnull (gap);
    gap_utc = g_date_time_to_timezone (gap, utc);
    g_assert_cmpint (g_date_time_get_day_of_month (gap_utc), ==, 29);
    g_assert_cmpint (g_date_time_get_hour (gap_utc), ==, 1);
    g_assert_cmpint (g_date_time_get_minute (gap_utc), ==, 30);
    g_assert_cmpint (g_date_time_get_hour (gap), ==, 3);
    g_assert_cmpint (g_date_time_get_minute (gap), ==, 30);
  }

  /* 02:30 happens twice on 2026-10-25: the first one (summer time,
   * 00:30 UTC) is meant, as RFC 5545 says. */
  {
    g_autoptr(GDateTime) twice = sw_time_to_date_time (parse_ok ("2026-10-25T02:30"), tz);
    g_autoptr(GDateTime) twice_utc = g_date_time_to_timezone (twice, utc);

    g_assert_cmpint (g_date_time_get_hour (twice_utc), ==, 0);
    g_assert_cmpint (g_date_time_get_minute (twice_utc), ==, 30);
    g_assert_cmpint (sw_time_from_date_time (twice, tz), ==, parse_ok ("2026-10-25T02:30"));
  }

  /* An unset time has no instant. */
  g_assert_null (sw_time_to_date_time (SW_TIME_UNSET, tz));

  /* An instant given in UTC lands on the right wall clock. */
  {
    g_autoptr(GDateTime) instant = g_date_time_new (utc, 2026, 3, 29, 1, 0, 0);
    g_assert_cmpint (sw_time_from_date_time (instant, tz), ==,
                     parse_ok ("2026-03-29T03:00"));
  }
}

static void
test_zone_validity (void)
{
  const char *good[] = { "Asia/Shanghai", "Europe/Berlin", "UTC", "America/New_York",
                         "Etc/GMT+8", "Asia/Urumqi" };
  const char *bad[] = { NULL, "", "Mars/Olympus_Mons", "Asia/Atlantis", "Not a zone",
                        "/etc/passwd", "../../etc/passwd", "Asia/../Asia/Shanghai",
                        "CST6", "+08:00", "Asia/", "asia/shanghai_x", "Asia//Shanghai" };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    g_assert_true (sw_time_zone_is_valid (good[i]));

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    g_assert_false (sw_time_zone_is_valid (bad[i]));
}

static void
test_now_in_zone (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Asia/Shanghai");
  g_autoptr(GDateTime) now = g_date_time_new_now (tz);
  gint64 expected = sw_time_from_date_time (now, tz);
  gint64 got = sw_time_now_in_zone ("Asia/Shanghai");
  gint64 utc_now = sw_time_now_in_zone ("UTC");

  g_assert_cmpint (got - expected, >=, 0);
  g_assert_cmpint (got - expected, <=, 1);
  g_assert_cmpint (got - utc_now, >=, 8 * 60);
  g_assert_cmpint (got - utc_now, <=, 8 * 60 + 1);

  /* An unknown zone still yields a time (the local one), never garbage. */
  g_assert_cmpint (sw_time_now_in_zone ("Mars/Olympus_Mons"), >, parse_ok ("2020-01-01T00:00"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/time/parse-datetime/good", test_parse_datetime_good);
  g_test_add_func ("/time/parse-datetime/bad", test_parse_datetime_bad);
  g_test_add_func ("/time/parse-datetime/long-and-invalid", test_parse_long_and_invalid_text);
  g_test_add_func ("/time/parse-date", test_parse_date);
  g_test_add_func ("/time/format", test_format);
  g_test_add_func ("/time/day-arithmetic", test_day_arithmetic);
  g_test_add_func ("/time/weekday", test_weekday);
  g_test_add_func ("/time/span-weeks", test_span_weeks);
  g_test_add_func ("/time/zone/shanghai", test_zone_shanghai);
  g_test_add_func ("/time/zone/berlin-dst", test_zone_berlin_dst);
  g_test_add_func ("/time/zone/validity", test_zone_validity);
  g_test_add_func ("/time/now-in-zone", test_now_in_zone);

  return g_test_run ();
}
