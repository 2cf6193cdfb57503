/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sw-ui-format.h"

char *
sw_ui_format_day (int day)
{
  return sw_time_format_day_label (day);
}

char *
sw_ui_format_day_range (int first_day,
                        int last_day)
{
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  first = sw_time_format_day_year (first_day);
  if (last_day <= first_day)
    return g_steal_pointer (&first);

  last = sw_time_format_day_year (last_day);
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
  /* "Sat 19 Sep 17:00", "9月19日 星期六 17:00"; "" when unset */
  return sw_time_format_day_time (due);
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
