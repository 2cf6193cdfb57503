/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sw-ui-format.h"

static GDateTime *
date_time_of_day (int day,
                  int minute_of_day)
{
  int year, month, mday;

  sw_time_to_ymd (day, &year, &month, &mday);
  return g_date_time_new_utc (year, month, mday,
                              minute_of_day / 60, minute_of_day % 60, 0);
}

static char *
format_day_with (int         day,
                 const char *format)
{
  g_autoptr(GDateTime) dt = date_time_of_day (day, 0);
  char *text = dt != NULL ? g_date_time_format (dt, format) : NULL;

  return text != NULL ? text : sw_time_format_date (day);
}

char *
sw_ui_format_day (int day)
{
  /* Translators: a day in the schedule, see g_date_time_format();
   * for Chinese e.g. "%-m月%-d日 %a" */
  return format_day_with (day, _("%a, %b %-d"));
}

char *
sw_ui_format_day_range (int first_day,
                        int last_day)
{
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  /* Translators: a date with year, see g_date_time_format();
   * for Chinese e.g. "%Y年%-m月%-d日" */
  first = format_day_with (first_day, _("%b %-d, %Y"));
  if (last_day <= first_day)
    return g_steal_pointer (&first);

  last = format_day_with (last_day, _("%b %-d, %Y"));
  /* Translators: the dates of a plan, first day – last day */
  return g_strdup_printf (_("%s – %s"), first, last);
}

char *
sw_ui_format_time_range (gint64 start,
                         gint64 end)
{
  g_autofree char *from = sw_time_format_hm (start);
  g_autofree char *to = sw_time_format_hm (end);
  int start_day = sw_time_day_of (start);
  int end_day = sw_time_day_of (end);

  /* A slot ending at midnight belongs to its first day. */
  if (end_day > start_day && sw_time_minute_of_day (end) == 0)
    {
      end_day--;
      g_free (to);
      to = g_strdup ("24:00");
    }

  if (end_day > start_day)
    {
      g_autofree char *end_date = sw_ui_format_day (end_day);

      /* Translators: a slot from a time to a time on a later day */
      return g_strdup_printf (_("%s – %s %s"), from, end_date, to);
    }

  return g_strdup_printf ("%s – %s", from, to);
}

char *
sw_ui_format_fill (guint filled,
                   guint needed)
{
  if (needed == 0)
    return g_strdup ("");

  return g_strdup_printf ("%u/%u", filled, needed);
}

char *
sw_ui_format_due (gint64 due)
{
  g_autofree char *date = NULL;
  g_autofree char *time = NULL;

  if (due == SW_TIME_UNSET)
    return g_strdup ("");

  /* Translators: the due date of a task, see g_date_time_format() */
  date = format_day_with (sw_time_day_of (due), _("%b %-d"));
  time = sw_time_format_hm (due);
  /* Translators: due date, then time */
  return g_strdup_printf (_("%s, %s"), date, time);
}

char *
sw_ui_format_owner (SwPerson     *person,
                    SwDepartment *department)
{
  g_return_val_if_fail (person == NULL || SW_IS_PERSON (person), NULL);
  g_return_val_if_fail (department == NULL || SW_IS_DEPARTMENT (department), NULL);

  if (person != NULL && sw_person_get_name (person)[0] != '\0')
    return g_strdup (sw_person_get_name (person));
  if (department != NULL)
    return g_strdup (sw_department_get_name (department));
  return g_strdup ("");
}
