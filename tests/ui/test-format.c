/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>

#include "sw-ui-format.h"

static int
day_of (const char *text)
{
  int day = 0;

  g_assert_true (sw_time_parse_date (text, &day, NULL));
  return day;
}

static gint64
minutes_of (const char *text)
{
  gint64 minutes = 0;

  g_assert_true (sw_time_parse_datetime (text, &minutes, NULL));
  return minutes;
}

static void
test_day (void)
{
  g_autofree char *sunday = sw_ui_format_day (day_of ("2026-09-20"));
  g_autofree char *leap = sw_ui_format_day (day_of ("2024-02-29"));

  g_assert_cmpstr (sunday, ==, "Sun 20 Sep");
  g_assert_cmpstr (leap, ==, "Thu 29 Feb");
}

static void
test_day_range (void)
{
  g_autofree char *week = sw_ui_format_day_range (day_of ("2026-09-20"), day_of ("2026-09-26"));
  g_autofree char *one = sw_ui_format_day_range (day_of ("2026-09-23"), day_of ("2026-09-23"));
  g_autofree char *years = sw_ui_format_day_range (day_of ("2026-12-28"), day_of ("2027-01-03"));

  g_assert_cmpstr (week, ==, "20 Sep 2026 – 26 Sep 2026");
  g_assert_cmpstr (one, ==, "23 Sep 2026");
  g_assert_cmpstr (years, ==, "28 Dec 2026 – 3 Jan 2027");
}

static void
test_time_range (void)
{
  g_autofree char *desk = sw_ui_format_time_range (minutes_of ("2026-09-23T09:00"),
                                                   minutes_of ("2026-09-23T11:00"));
  g_autofree char *midnight = sw_ui_format_time_range (minutes_of ("2026-09-23T20:00"),
                                                       minutes_of ("2026-09-24T00:00"));
  g_autofree char *overnight = sw_ui_format_time_range (minutes_of ("2026-09-23T22:00"),
                                                        minutes_of ("2026-09-24T06:30"));

  g_assert_cmpstr (desk, ==, "09:00 – 11:00");
  g_assert_cmpstr (midnight, ==, "20:00 – 24:00");
  g_assert_cmpstr (overnight, ==, "22:00 – Thu 24 Sep 06:30");
}

static void
test_fill (void)
{
  g_autofree char *partial = sw_ui_format_fill (3, 5);
  g_autofree char *full = sw_ui_format_fill (11, 11);
  g_autofree char *none = sw_ui_format_fill (0, 0);

  g_assert_cmpstr (partial, ==, "3/5");
  g_assert_cmpstr (full, ==, "11/11");
  g_assert_cmpstr (none, ==, "");
}

static void
test_due (void)
{
  g_autofree char *due = sw_ui_format_due (minutes_of ("2026-09-19T17:00"));
  g_autofree char *unset = sw_ui_format_due (SW_TIME_UNSET);

  g_assert_cmpstr (due, ==, "Sat 19 Sep 17:00");
  g_assert_cmpstr (unset, ==, "");
}

static void
test_owner (void)
{
  g_autoptr(SwDepartment) department = sw_department_new ("用电科");
  g_autoptr(SwPerson) person = sw_person_new ("李明", department);
  g_autoptr(SwPerson) nameless = sw_person_new (NULL, department);
  g_autofree char *by_person = sw_ui_format_owner (person, department);
  g_autofree char *by_department = sw_ui_format_owner (NULL, department);
  g_autofree char *by_nameless = sw_ui_format_owner (nameless, department);
  g_autofree char *nobody = sw_ui_format_owner (NULL, NULL);

  g_assert_cmpstr (by_person, ==, "李明");
  g_assert_cmpstr (by_department, ==, "用电科");
  g_assert_cmpstr (by_nameless, ==, "用电科");
  g_assert_cmpstr (nobody, ==, "");
}

int
main (int   argc,
      char *argv[])
{
  /* The expected strings are the untranslated English formats. */
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", "en", TRUE);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ui/format/day", test_day);
  g_test_add_func ("/ui/format/day-range", test_day_range);
  g_test_add_func ("/ui/format/time-range", test_time_range);
  g_test_add_func ("/ui/format/fill", test_fill);
  g_test_add_func ("/ui/format/due", test_due);
  g_test_add_func ("/ui/format/owner", test_owner);

  return g_test_run ();
}
