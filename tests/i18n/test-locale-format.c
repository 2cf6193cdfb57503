/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>

#include "sw-core.h"

/* Runs the formats in @locale with the build tree's translations. */
static void
use_locale (const char *language,
            const char *locale)
{
  g_setenv ("LANGUAGE", language, TRUE);
  g_assert_nonnull (setlocale (LC_ALL, locale));
}

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

#define CHECK_FORMAT(expr, expected) \
  G_STMT_START { char *got_ = (expr); g_assert_cmpstr (got_, ==, (expected)); g_free (got_); } G_STMT_END

static void
test_chinese (void)
{
  use_locale ("zh_CN", "zh_CN.UTF-8");

  CHECK_FORMAT (sw_time_format_day_label (day_of ("2026-09-20")), "9月20日 星期日");
  CHECK_FORMAT (sw_time_format_day_time (minutes_of ("2026-09-20T14:30")), "9月20日 星期日 14:30");
  CHECK_FORMAT (sw_time_format_day_long (day_of ("2026-09-23")), "2026年9月23日 星期三");
  CHECK_FORMAT (sw_time_format_day_year (day_of ("2026-10-01")), "2026年10月1日");
  CHECK_FORMAT (sw_time_format_day_short (day_of ("2026-09-26")), "9月26日");
  CHECK_FORMAT (sw_time_format_weekday (day_of ("2026-09-26")), "星期六");
  CHECK_FORMAT (sw_time_format_day_time (SW_TIME_UNSET), "");
  /* The printed sheets' footer. */
  {
    char *footer = g_strdup_printf (_("Page %d of %d"), 1, 3);

    g_assert_cmpstr (footer, ==, "第 1 页 / 共 3 页");
    g_free (footer);
  }

  /* One English word, several Chinese ones: a person's title is a job
   * (职务), a plan's a heading (标题), a slot's or a task's a name (名称). */
  g_assert_cmpstr (g_dpgettext2 (GETTEXT_PACKAGE, "person", "Title"), ==, "职务");
  g_assert_cmpstr (g_dpgettext2 (GETTEXT_PACKAGE, "plan", "Title"), ==, "标题");
  g_assert_cmpstr (g_dpgettext2 (GETTEXT_PACKAGE, "slot", "Title"), ==, "名称");
  g_assert_cmpstr (g_dpgettext2 (GETTEXT_PACKAGE, "task", "Title"), ==, "名称");
  g_assert_cmpstr (g_dpgettext2 (GETTEXT_PACKAGE, "thing", "Name"), ==, "名称");
  g_assert_cmpstr (g_dgettext (GETTEXT_PACKAGE, "Name"), ==, "姓名");

  /* The week starts on Monday in China. */
  g_assert_cmpint (sw_time_locale_first_weekday (), ==, 1);
  g_assert_cmpint (sw_time_week_start (day_of ("2026-09-20")), ==, day_of ("2026-09-14"));
  g_assert_cmpint (sw_time_week_start (day_of ("2026-09-21")), ==, day_of ("2026-09-21"));
  g_assert_cmpint (sw_time_week_start (day_of ("2026-09-23")), ==, day_of ("2026-09-21"));
}

static void
test_english (void)
{
  use_locale ("en", "en_US.UTF-8");

  CHECK_FORMAT (sw_time_format_day_label (day_of ("2026-09-20")), "Sun 20 Sep");
  CHECK_FORMAT (sw_time_format_day_time (minutes_of ("2026-09-20T14:30")), "Sun 20 Sep 14:30");
  CHECK_FORMAT (sw_time_format_day_long (day_of ("2026-09-23")), "Wednesday 23 September 2026");
  CHECK_FORMAT (sw_time_format_day_year (day_of ("2026-10-01")), "1 Oct 2026");
  CHECK_FORMAT (sw_time_format_day_short (day_of ("2026-09-26")), "26 Sep");
  CHECK_FORMAT (sw_time_format_weekday (day_of ("2026-09-26")), "Saturday");
  /* Leap day and the turn of the year. */
  CHECK_FORMAT (sw_time_format_day_label (day_of ("2024-02-29")), "Thu 29 Feb");
  CHECK_FORMAT (sw_time_format_day_time (minutes_of ("2026-12-31T23:59")), "Thu 31 Dec 23:59");

  /* The week starts on Sunday in the United States. */
  g_assert_cmpint (sw_time_locale_first_weekday (), ==, 7);
  g_assert_cmpint (sw_time_week_start (day_of ("2026-09-20")), ==, day_of ("2026-09-20"));
  g_assert_cmpint (sw_time_week_start (day_of ("2026-09-26")), ==, day_of ("2026-09-20"));
  g_assert_cmpint (sw_time_week_start (day_of ("2026-09-27")), ==, day_of ("2026-09-27"));
}

static void
test_out_of_range (void)
{
  use_locale ("en", "en_US.UTF-8");

  /* Days GDateTime cannot hold fall back to the ISO date, never NULL. */
  {
    char *text = sw_time_format_day_label (G_MAXINT / 2);

    g_assert_nonnull (text);
    g_assert_cmpstr (text, !=, "");
    g_free (text);
  }
  g_assert_cmpint (sw_time_week_start (0), <=, 0);
  g_assert_cmpint (sw_time_week_start (0), >, -7);
}

static void
test_locale_dir (void)
{
  /* A test program runs from the build tree: its compiled translations. */
  g_autofree char *po = g_build_filename (SW_BUILD_ROOT, "po", NULL);

  g_assert_cmpstr (sw_locale_dir (), ==, po);
  g_assert_true (sw_locale_dir () == sw_locale_dir ());
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("SW_TEST_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_add_func ("/i18n/format/chinese", test_chinese);
  g_test_add_func ("/i18n/format/english", test_english);
  g_test_add_func ("/i18n/format/out-of-range", test_out_of_range);
  g_test_add_func ("/i18n/locale-dir", test_locale_dir);

  return g_test_run ();
}
