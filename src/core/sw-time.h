/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * Times in core are local wall-clock times in the plan's time zone, counted
 * as minutes since 1970-01-01T00:00 of that wall clock (no zone, no DST
 * arithmetic).  Days are counted since 1970-01-01.  They are converted to
 * real instants only at the edges (calendar export and import).
 */

#define SW_TIME_UNSET G_MININT64   /* a task without a due time */

gboolean  sw_time_parse_datetime (const char  *text,     /* "YYYY-MM-DDTHH:MM" */
                                  gint64      *out_minutes,
                                  GError     **error);
char     *sw_time_format_datetime (gint64      minutes); /* "YYYY-MM-DDTHH:MM" */
gboolean  sw_time_parse_date     (const char  *text,     /* "YYYY-MM-DD" */
                                  int         *out_day,
                                  GError     **error);
char     *sw_time_format_date    (int          day);     /* "YYYY-MM-DD" */
char     *sw_time_format_hm      (gint64       minutes); /* "09:00" */

int       sw_time_day_of         (gint64       minutes); /* the day a minute falls on */
gint64    sw_time_from_day       (int          day);     /* 00:00 of that day */
int       sw_time_minute_of_day  (gint64       minutes); /* 0 … 1439 */
gint64    sw_time_from_ymdhm     (int year, int month, int day, int hour, int minute);
void      sw_time_to_ymd         (int          day,
                                  int         *year,
                                  int         *month,
                                  int         *mday);
int       sw_time_weekday        (int          day);     /* 1 = Monday … 7 = Sunday */

/* The real instant of a wall-clock time in @tz. */
GDateTime *sw_time_to_date_time  (gint64       minutes,
                                  GTimeZone   *tz);
/* The wall-clock time of an instant in @tz (seconds dropped). */
gint64    sw_time_from_date_time (GDateTime   *dt,
                                  GTimeZone   *tz);
/* Now, as wall-clock time in the IANA zone @tzid. */
gint64    sw_time_now_in_zone    (const char  *tzid);
/* TRUE when @tzid names an IANA zone known to the system. */
gboolean  sw_time_zone_is_valid  (const char  *tzid);

/*
 * Text for people, in the language and formats of the locale the program
 * runs in (LC_MESSAGES picks the format, LC_TIME the month and day names):
 * "Sun 20 Sep 14:30" in English, "9月20日 星期日 14:30" in Chinese.  Every
 * face (window, sheets, calendars, CLI, problems, auto-fill) uses these.
 */
char     *sw_time_format_day_label   (int     day);     /* "Sun 20 Sep" */
char     *sw_time_format_day_long    (int     day);     /* "Sunday 20 September 2026" */
char     *sw_time_format_day_short   (int     day);     /* "20 Sep" */
char     *sw_time_format_day_year    (int     day);     /* "20 Sep 2026" */
char     *sw_time_format_day_time    (gint64  minutes); /* "Sun 20 Sep 14:30" */
char     *sw_time_format_weekday     (int     day);     /* "Sunday" */
/* The first day of the week of the locale (LC_TIME): 1 = Monday … 7 = Sunday. */
int       sw_time_locale_first_weekday (void);
/* The first day, on or before @day, of the locale's week holding @day. */
int       sw_time_week_start         (int     day);

/*
 * The weeks of the days @first … @last, as the week grid pages them and
 * the printed week grid cuts them: days that fit in seven are one week of
 * their own (a service week may begin on any day); more are cut into
 * calendar weeks beginning on @week_start (1 = Monday … 7 = Sunday, see
 * sw_time_locale_first_weekday()), the first and last cut to the days.
 * A reversed range counts as its first day; weeks and days out of range
 * are clamped.
 */
guint     sw_time_span_n_weeks       (int     first,
                                      int     last,
                                      int     week_start);
guint     sw_time_span_week_of_day   (int     first,
                                      int     last,
                                      int     week_start,
                                      int     day);
void      sw_time_span_week          (int     first,
                                      int     last,
                                      int     week_start,
                                      guint   week,
                                      int    *out_first,
                                      int    *out_last);

G_END_DECLS
