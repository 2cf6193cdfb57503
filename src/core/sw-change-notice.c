/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sw-change-notice.h"
#include "sw-slot.h"
#include "sw-time.h"

const char *
sw_change_kind_to_nick (SwChangeKind kind)
{
  static const char * const nicks[] = { "new", "removed", "cancelled", "time", "place", "duty", "title" };

  g_return_val_if_fail (kind <= SW_CHANGE_TITLE, "");

  return nicks[kind];
}

static void
change_free (SwChange *change)
{
  g_free (change->slot_uid);
  g_free (change->old);
  g_free (change->new);
  g_free (change->text);
  g_free (change);
}

void
sw_change_notice_free (SwChangeNotice *notice)
{
  if (notice == NULL)
    return;
  g_clear_object (&notice->person);
  g_clear_pointer (&notice->changes, g_ptr_array_unref);
  g_free (notice->text);
  g_free (notice);
}

/* "09:00–11:00", with the day first when it is not @day. */
static char *
span_text (gint64 start,
           gint64 end,
           int    day)
{
  g_autofree char *from = sw_time_format_hm (start);
  g_autofree char *to = sw_time_format_hm (end);
  g_autofree char *date = NULL;

  if (sw_time_day_of (start) == day)
    return g_strdup_printf ("%s–%s", from, to);
  date = sw_time_format_day_short (sw_time_day_of (start));
  return g_strdup_printf ("%s %s–%s", date, from, to);
}

static char *
key_of (const SwReceivedDuty *duty)
{
  return g_strdup_printf ("%s\n%" G_GINT64_FORMAT, duty->slot_uid, duty->duty_id);
}

/* Adds a change at the slot of @at (its start orders it, its day and
 * title begin its words).  A new duty has no old value: @old brings its
 * time into the words, and the change keeps "" as old. */
static void
add (GPtrArray            *changes,
     SwChangeKind          kind,
     const SwReceivedDuty *at,
     const char           *old,
     const char           *new)
{
  SwChange *change = g_new0 (SwChange, 1);
  g_autofree char *day = sw_time_format_day_short (sw_time_day_of (at->start));

  change->kind = kind;
  change->slot_uid = g_strdup (at->slot_uid);
  change->start = at->start;
  change->old = g_strdup (old != NULL ? old : "");
  change->new = g_strdup (new != NULL ? new : "");
  switch (kind)
    {
    case SW_CHANGE_NEW_DUTY:
      if (*new != '\0')
        /* Translators: day, slot, duty, time: "9月23日 广场服务台 新增您的岗位“引导”（09:00–11:00）" */
        change->text = g_strdup_printf (_("%s %s: a new duty for you, “%s” (%s)"), day, at->title, new,
                                        old);
      else
        /* Translators: day, slot, time; the person attends: "9月21日 动员会 请您出席（09:00–10:00）" */
        change->text = g_strdup_printf (_("%s %s: you are expected there (%s)"), day, at->title, old);
      g_free (change->old);
      change->old = g_strdup ("");
      break;
    case SW_CHANGE_DUTY_REMOVED:
      if (*old != '\0')
        /* Translators: day, slot, duty: "9月24日 上门服务 已取消您的岗位“现场处理”" */
        change->text = g_strdup_printf (_("%s %s: your duty “%s” is taken off you"), day, at->title, old);
      else
        /* Translators: day, slot; the person attended */
        change->text = g_strdup_printf (_("%s %s: you are no longer expected there"), day, at->title);
      break;
    case SW_CHANGE_SLOT_CANCELLED:
      /* Translators: day, slot, time: "9月24日 上门服务（08:30–17:30）已取消" */
      change->text = g_strdup_printf (_("%s %s (%s) is cancelled"), day, at->title, new);
      g_free (change->new);
      change->new = g_strdup ("");
      break;
    case SW_CHANGE_TIME:
      /* Translators: day, slot, old and new time: "9月23日 广场服务台 时间由 09:00–11:00 改为 10:00–12:00" */
      change->text = g_strdup_printf (_("%s %s: the time changes from %s to %s"), day, at->title, old, new);
      break;
    case SW_CHANGE_PLACE:
      /* Translators: day, slot, old and new place */
      change->text = g_strdup_printf (_("%s %s: the place changes from “%s” to “%s”"), day, at->title, old, new);
      break;
    case SW_CHANGE_DUTY_NAME:
      /* Translators: day, slot, the duty's old and new name */
      change->text = g_strdup_printf (_("%s %s: your duty “%s” is now called “%s”"), day, at->title, old, new);
      break;
    case SW_CHANGE_TITLE:
    default:
      /* Translators: day, the slot's old and new title */
      change->text = g_strdup_printf (_("%s: “%s” is now called “%s”"), day, old, new);
      break;
    }
  g_ptr_array_add (changes, change);
}

static int
compare_changes (gconstpointer a,
                 gconstpointer b)
{
  const SwChange *x = *(SwChange * const *) a;
  const SwChange *y = *(SwChange * const *) b;
  int by_slot;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  by_slot = g_strcmp0 (x->slot_uid, y->slot_uid);
  return by_slot != 0 ? by_slot : (int) x->kind - (int) y->kind;
}

/* What @person must be told: @then (received) against @now (may be
 * NULL: no duty now); @slots the plan's slots by UID. */
static GPtrArray *
compare (GPtrArray  *then,
         GPtrArray  *now,
         GHashTable *slots)
{
  GPtrArray *changes = g_ptr_array_new_with_free_func ((GDestroyNotify) change_free);
  g_autoptr(GHashTable) received = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) held = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) told = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < then->len; i++)
    g_hash_table_insert (received, key_of (g_ptr_array_index (then, i)), g_ptr_array_index (then, i));

  for (guint i = 0; now != NULL && i < now->len; i++)
    {
      SwReceivedDuty *duty = g_ptr_array_index (now, i);
      g_autofree char *key = key_of (duty);
      SwReceivedDuty *was = g_hash_table_lookup (received, key);

      g_hash_table_add (held, g_steal_pointer (&key));
      if (was == NULL)
        {
          g_autofree char *span = span_text (duty->start, duty->end, sw_time_day_of (duty->start));

          add (changes, SW_CHANGE_NEW_DUTY, duty, span, duty->duty);
          continue;
        }
      /* What the slot says once for the slot, whatever the duties. */
      if (!g_hash_table_contains (told, duty->slot_uid))
        {
          g_hash_table_add (told, duty->slot_uid);
          if (was->start != duty->start || was->end != duty->end)
            {
              int day = sw_time_day_of (duty->start);
              g_autofree char *old = span_text (was->start, was->end, day);
              g_autofree char *new = span_text (duty->start, duty->end, day);

              add (changes, SW_CHANGE_TIME, duty, old, new);
            }
          if (g_strcmp0 (was->location, duty->location) != 0)
            add (changes, SW_CHANGE_PLACE, duty, was->location, duty->location);
          if (g_strcmp0 (was->title, duty->title) != 0)
            add (changes, SW_CHANGE_TITLE, duty, was->title, duty->title);
        }
      if (g_strcmp0 (was->duty, duty->duty) != 0)
        add (changes, SW_CHANGE_DUTY_NAME, duty, was->duty, duty->duty);
    }

  g_hash_table_remove_all (told);
  for (guint i = 0; i < then->len; i++)
    {
      SwReceivedDuty *was = g_ptr_array_index (then, i);
      g_autofree char *key = key_of (was);

      if (g_hash_table_contains (held, key))
        continue;
      if (g_hash_table_contains (slots, was->slot_uid))
        add (changes, SW_CHANGE_DUTY_REMOVED, was, was->duty, NULL);
      else if (!g_hash_table_contains (told, was->slot_uid))
        {
          g_autofree char *span = span_text (was->start, was->end, sw_time_day_of (was->start));

          g_hash_table_add (told, was->slot_uid);
          add (changes, SW_CHANGE_SLOT_CANCELLED, was, was->title, span);
        }
    }

  g_ptr_array_sort (changes, compare_changes);
  return changes;
}

static char *
notice_text (SwPlan    *plan,
             SwPerson  *person,
             GPtrArray *changes)
{
  g_autoptr(GString) parts = g_string_new (NULL);
  const char *hotline = sw_plan_get_hotline (plan);
  g_autofree char *text = NULL;

  for (guint i = 0; i < changes->len; i++)
    {
      SwChange *change = g_ptr_array_index (changes, i);

      if (i > 0)
        /* Translators: between two changes of a notice */
        g_string_append (parts, C_("between changes", "; "));
      g_string_append (parts, change->text);
    }
  /* Translators: the person, the plan's title (with its own quotes), the
   * changes: "周建国：您在“诚信工程”优质服务宣传周的安排有变动：…。" */
  text = g_strdup_printf (_("%s: your duties in %s have changed: %s."), sw_person_get_name (person),
                          sw_plan_get_title (plan), parts->str);
  if (*hotline == '\0')
    return g_steal_pointer (&text);
  /* Translators: after a notice, the plan's hotline: "如有疑问请致电 0799-95598。" */
  return g_strdup_printf (_("%s Questions: call %s."), text, hotline);
}

GPtrArray *
sw_change_notices (SwOrganisation *organisation,
                   SwPlan         *plan,
                   SwReceived     *received,
                   SwPerson       *person)
{
  GPtrArray *notices = g_ptr_array_new_with_free_func ((GDestroyNotify) sw_change_notice_free);
  g_autoptr(GHashTable) index = NULL;
  g_autoptr(GHashTable) slots = NULL;
  GListModel *people;
  GListModel *plan_slots;

  g_return_val_if_fail (SW_IS_ORGANISATION (organisation), notices);
  g_return_val_if_fail (SW_IS_PLAN (plan), notices);
  g_return_val_if_fail (SW_IS_RECEIVED (received), notices);
  g_return_val_if_fail (person == NULL || SW_IS_PERSON (person), notices);

  if (sw_received_get_n_people (received) == 0)
    return notices;

  index = sw_received_index_plan (plan);
  slots = g_hash_table_new (g_str_hash, g_str_equal);
  plan_slots = sw_plan_get_slots (plan);
  for (guint i = 0; i < g_list_model_get_n_items (plan_slots); i++)
    {
      g_autoptr(SwSlot) slot = g_list_model_get_item (plan_slots, i);

      /* The plan holds its slots: the UIDs stay valid. */
      g_hash_table_add (slots, (gpointer) sw_slot_get_uid (slot));
    }

  people = sw_organisation_get_people (organisation);
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(SwPerson) someone = g_list_model_get_item (people, i);
      gint64 id = sw_person_get_id (someone);
      GPtrArray *then = sw_received_lookup (received, id);
      g_autoptr(GPtrArray) changes = NULL;
      SwChangeNotice *notice;

      if ((person != NULL && someone != person) || then == NULL)
        continue;
      changes = compare (then, g_hash_table_lookup (index, &id), slots);
      if (changes->len == 0)
        continue;
      notice = g_new0 (SwChangeNotice, 1);
      notice->person = g_object_ref (someone);
      notice->text = notice_text (plan, someone, changes);
      notice->changes = g_steal_pointer (&changes);
      g_ptr_array_add (notices, notice);
    }
  return notices;
}
