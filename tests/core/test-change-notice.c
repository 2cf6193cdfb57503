/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "sw-core.h"

/* Times of the week 2026-09-20 … 2026-09-26. */
#define T(d, h, m) sw_time_from_ymdhm (2026, 9, (d), (h), (m))

typedef struct
{
  SwOrganisation *org;
  SwPlan         *plan;
  SwReceived     *received;
  SwDepartment   *office;     /* 办公室 */
  SwDepartment   *station;    /* 供电所 */
  SwPerson       *zhou;       /* 周建国, 办公室 */
  SwPerson       *wu;         /* 吴志华, 办公室 */
  SwPerson       *sun;        /* 孙立平, 供电所 */
  SwSlot         *desk;       /* 广场服务台 23 Sep 09:00–11:00 */
  SwSlot         *visit;      /* 上门服务 24 Sep 08:30–17:30 */
  SwDuty         *guide;      /* the desk's 引导 */
  SwDuty         *repair;     /* the visit's 现场处理 */
  gint64          next_id;
} Fixture;

static void
add (Fixture    *fx,
     gpointer    owner,
     const char *list,
     gpointer    item)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sw_edit_add (fx->org, owner, list, item, &error));
  g_assert_no_error (error);
}

static SwPerson *
add_person (Fixture      *fx,
            const char   *name,
            SwDepartment *department)
{
  g_autoptr(SwPerson) person = sw_person_new (name, department);

  sw_person_set_id (person, ++fx->next_id);
  add (fx, fx->org, "people", person);
  return person;
}

static SwSlot *
add_slot (Fixture    *fx,
          const char *title,
          gint64      start,
          gint64      end,
          const char *location)
{
  g_autoptr(SwSlot) slot = sw_slot_new (SW_SLOT_KIND_SERVICE_DESK, title, start, end);

  sw_slot_set_id (slot, ++fx->next_id);
  sw_slot_set_location (slot, location);
  add (fx, fx->plan, "slots", slot);
  return slot;
}

static SwDuty *
add_duty (Fixture    *fx,
          SwSlot     *slot,
          const char *name)
{
  g_autoptr(SwDuty) duty = sw_duty_new (name, 3, NULL);

  sw_duty_set_id (duty, ++fx->next_id);
  add (fx, slot, "duties", duty);
  return duty;
}

static void
assign (Fixture  *fx,
        SwSlot   *slot,
        SwPerson *person,
        SwDuty   *duty)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sw_edit_assign (fx->org, slot, person, duty, &error));
  g_assert_no_error (error);
}

/* @people received their calendars just now. */
static void
hand_out (Fixture  *fx,
          SwPerson *first,
          ...)
{
  g_autoptr(GHashTable) index = sw_received_index_plan (fx->plan);
  va_list args;

  va_start (args, first);
  for (SwPerson *person = first; person != NULL; person = va_arg (args, SwPerson *))
    sw_received_record (fx->received, index, person);
  va_end (args);
}

static GPtrArray *
notices (Fixture *fx)
{
  return sw_change_notices (fx->org, fx->plan, fx->received, NULL);
}

static SwChangeNotice *
notice_of (GPtrArray *all,
           SwPerson  *person)
{
  for (guint i = 0; i < all->len; i++)
    {
      SwChangeNotice *notice = g_ptr_array_index (all, i);

      if (notice->person == person)
        return notice;
    }
  return NULL;
}

static SwChange *
only_change (SwChangeNotice *notice,
             SwChangeKind    kind)
{
  SwChange *change;

  g_assert_nonnull (notice);
  g_assert_cmpuint (notice->changes->len, ==, 1);
  change = g_ptr_array_index (notice->changes, 0);
  g_assert_cmpstr (sw_change_kind_to_nick (change->kind), ==, sw_change_kind_to_nick (kind));
  return change;
}

static void
fixture_setup (Fixture       *fx,
               gconstpointer  data)
{
  g_autoptr(SwPlan) plan = sw_plan_new ("“诚信工程”优质服务宣传周", sw_time_day_of (T (20, 0, 0)),
                                        sw_time_day_of (T (26, 0, 0)), "Asia/Shanghai");
  g_autoptr(SwDepartment) office = sw_department_new ("办公室");
  g_autoptr(SwDepartment) station = sw_department_new ("供电所");

  fx->org = sw_organisation_new ();
  fx->received = sw_received_new ();
  fx->plan = plan;
  sw_plan_set_id (plan, 1);
  sw_plan_set_hotline (plan, "0799-95598");
  add (fx, fx->org, "plans", plan);
  sw_department_set_id (office, 901);
  sw_department_set_id (station, 902);
  add (fx, fx->org, "departments", office);
  add (fx, fx->org, "departments", station);
  fx->office = office;
  fx->station = station;
  fx->zhou = add_person (fx, "周建国", office);
  fx->wu = add_person (fx, "吴志华", office);
  fx->sun = add_person (fx, "孙立平", station);
  fx->desk = add_slot (fx, "广场服务台", T (23, 9, 0), T (23, 11, 0), "临江市人民广场");
  fx->visit = add_slot (fx, "上门服务", T (24, 8, 30), T (24, 17, 30), "客户现场");
  fx->guide = add_duty (fx, fx->desk, "引导");
  fx->repair = add_duty (fx, fx->visit, "现场处理");
  assign (fx, fx->desk, fx->zhou, fx->guide);
  assign (fx, fx->visit, fx->zhou, fx->repair);
  assign (fx, fx->desk, fx->wu, fx->guide);
}

static void
fixture_teardown (Fixture       *fx,
                  gconstpointer  data)
{
  sw_undo_stack_clear (sw_organisation_get_undo_stack (fx->org));
  g_clear_object (&fx->received);
  g_clear_object (&fx->org);
}

/* Nobody received anything: nothing to tell, whatever changes. */
static void
test_never_received (Fixture       *fx,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (sw_edit_move_slot (fx->org, fx->desk, T (23, 10, 0), T (23, 12, 0), &error));
  all = notices (fx);
  g_assert_cmpuint (all->len, ==, 0);
}

/* The desk moves an hour: its two people, and only they, are told, in
 * the words of the example. */
static void
test_time (Fixture       *fx,
           gconstpointer  data)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;
  SwChange *change;

  hand_out (fx, fx->zhou, fx->wu, fx->sun, NULL);
  all = notices (fx);
  g_assert_cmpuint (all->len, ==, 0);
  g_clear_pointer (&all, g_ptr_array_unref);

  g_assert_true (sw_edit_move_slot (fx->org, fx->desk, T (23, 10, 0), T (23, 12, 0), &error));
  all = notices (fx);
  g_assert_cmpuint (all->len, ==, 2);
  change = only_change (notice_of (all, fx->zhou), SW_CHANGE_TIME);
  g_assert_cmpstr (change->old, ==, "09:00–11:00");
  g_assert_cmpstr (change->new, ==, "10:00–12:00");
  g_assert_cmpstr (change->slot_uid, ==, sw_slot_get_uid (fx->desk));
  only_change (notice_of (all, fx->wu), SW_CHANGE_TIME);
  g_assert_null (notice_of (all, fx->sun));
  g_assert_cmpstr (notice_of (all, fx->zhou)->text, ==,
                   "周建国: your duties in “诚信工程”优质服务宣传周 have changed: 23 Sep 广场服务台: the time "
                   "changes from 09:00–11:00 to 10:00–12:00. Questions: call 0799-95598.");

  /* Moved to another day, the old time says its day. */
  g_clear_pointer (&all, g_ptr_array_unref);
  g_assert_true (sw_edit_move_slot (fx->org, fx->desk, T (25, 10, 0), T (25, 12, 0), &error));
  all = notices (fx);
  change = only_change (notice_of (all, fx->zhou), SW_CHANGE_TIME);
  g_assert_cmpstr (change->old, ==, "23 Sep 09:00–11:00");
  g_assert_cmpstr (change->new, ==, "10:00–12:00");
}

/* An edit and its undo: nothing; two edits of one slot: one notice,
 * with the end result. */
static void
test_undo_and_twice (Fixture       *fx,
                     gconstpointer  data)
{
  SwUndoStack *stack = sw_organisation_get_undo_stack (fx->org);
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;
  SwChange *change;

  hand_out (fx, fx->zhou, fx->wu, NULL);
  g_assert_true (sw_edit_move_slot (fx->org, fx->desk, T (23, 10, 0), T (23, 12, 0), &error));
  g_assert_true (sw_undo_stack_undo (stack, &error));
  g_assert_no_error (error);
  all = notices (fx);
  g_assert_cmpuint (all->len, ==, 0);
  g_clear_pointer (&all, g_ptr_array_unref);

  g_assert_true (sw_edit_move_slot (fx->org, fx->desk, T (23, 10, 0), T (23, 12, 0), &error));
  g_assert_true (sw_edit_move_slot (fx->org, fx->desk, T (23, 14, 0), T (23, 16, 0), &error));
  all = notices (fx);
  change = only_change (notice_of (all, fx->zhou), SW_CHANGE_TIME);
  g_assert_cmpstr (change->old, ==, "09:00–11:00");
  g_assert_cmpstr (change->new, ==, "14:00–16:00");
}

/* Place, slot title and duty name, each in its own words. */
static void
test_place_title_duty (Fixture       *fx,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) all = NULL;
  SwChangeNotice *notice;
  SwChange *change;

  hand_out (fx, fx->zhou, fx->wu, NULL);
  sw_slot_set_location (fx->desk, "东门广场");
  sw_slot_set_title (fx->desk, "广场咨询台");
  sw_duty_set_name (fx->repair, "抢修");
  all = notices (fx);
  notice = notice_of (all, fx->zhou);
  g_assert_nonnull (notice);
  g_assert_cmpuint (notice->changes->len, ==, 3);
  change = g_ptr_array_index (notice->changes, 0);
  g_assert_true (change->kind == SW_CHANGE_PLACE);
  g_assert_cmpstr (change->old, ==, "临江市人民广场");
  g_assert_cmpstr (change->new, ==, "东门广场");
  change = g_ptr_array_index (notice->changes, 1);
  g_assert_true (change->kind == SW_CHANGE_TITLE);
  g_assert_cmpstr (change->old, ==, "广场服务台");
  g_assert_cmpstr (change->new, ==, "广场咨询台");
  change = g_ptr_array_index (notice->changes, 2);
  g_assert_true (change->kind == SW_CHANGE_DUTY_NAME);
  g_assert_cmpstr (change->old, ==, "现场处理");
  g_assert_cmpstr (change->new, ==, "抢修");
  g_assert_nonnull (strstr (notice->text, "your duty “现场处理” is now called “抢修”"));
  /* 吴志华 is not on the visit: told of the desk only. */
  g_assert_cmpuint (notice_of (all, fx->wu)->changes->len, ==, 2);
}

/* A new duty, a duty taken off, a person taken off every duty (still
 * told, with no calendar to send), a slot deleted. */
static void
test_new_removed_cancelled (Fixture       *fx,
                            gconstpointer  data)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;
  SwChange *change;

  hand_out (fx, fx->zhou, fx->wu, fx->sun, NULL);
  assign (fx, fx->visit, fx->sun, fx->repair);
  g_assert_true (sw_edit_unassign (fx->org, fx->desk, fx->wu, &error));
  g_assert_true (sw_edit_delete_slot (fx->org, fx->plan, fx->visit, &error));
  g_assert_no_error (error);
  all = notices (fx);

  /* 孙立平 got the visit, which is gone again: nothing to tell. */
  g_assert_null (notice_of (all, fx->sun));
  change = only_change (notice_of (all, fx->wu), SW_CHANGE_DUTY_REMOVED);
  g_assert_cmpstr (change->old, ==, "引导");
  change = only_change (notice_of (all, fx->zhou), SW_CHANGE_SLOT_CANCELLED);
  g_assert_cmpstr (change->old, ==, "上门服务");
  g_assert_cmpstr (change->new, ==, "");
  g_assert_nonnull (strstr (notice_of (all, fx->zhou)->text, "24 Sep 上门服务 (08:30–17:30) is cancelled"));
  g_clear_pointer (&all, g_ptr_array_unref);

  assign (fx, fx->desk, fx->sun, fx->guide);
  all = sw_change_notices (fx->org, fx->plan, fx->received, fx->sun);
  g_assert_cmpuint (all->len, ==, 1);
  change = only_change (notice_of (all, fx->sun), SW_CHANGE_NEW_DUTY);
  g_assert_cmpstr (change->new, ==, "引导");
  g_assert_nonnull (strstr (notice_of (all, fx->sun)->text, "a new duty for you, “引导” (09:00–11:00)"));
}

/* Once handed out again, nothing is left to tell; what was recorded is
 * what the calendar said when it was built. */
static void
test_handed_out_again (Fixture       *fx,
                       gconstpointer  data)
{
  g_autoptr(GHashTable) built = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;

  hand_out (fx, fx->zhou, fx->wu, NULL);
  g_assert_true (sw_edit_move_slot (fx->org, fx->desk, T (23, 10, 0), T (23, 12, 0), &error));
  built = sw_received_index_plan (fx->plan);
  /* An edit after the calendars were built, before they were out. */
  g_assert_true (sw_edit_move_slot (fx->org, fx->desk, T (23, 13, 0), T (23, 15, 0), &error));
  sw_received_record (fx->received, built, fx->zhou);
  all = notices (fx);
  only_change (notice_of (all, fx->zhou), SW_CHANGE_TIME);
  g_assert_cmpstr (((SwChange *) g_ptr_array_index (notice_of (all, fx->zhou)->changes, 0))->old, ==,
                   "10:00–12:00");
  g_clear_pointer (&all, g_ptr_array_unref);
  hand_out (fx, fx->zhou, fx->wu, NULL);
  all = notices (fx);
  g_assert_cmpuint (all->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", "en", TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add ("/change-notice/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("never-received", test_never_received);
  ADD ("time", test_time);
  ADD ("undo-and-twice", test_undo_and_twice);
  ADD ("place-title-duty", test_place_title_duty);
  ADD ("new-removed-cancelled", test_new_removed_cancelled);
  ADD ("handed-out-again", test_handed_out_again);
#undef ADD

  return g_test_run ();
}
