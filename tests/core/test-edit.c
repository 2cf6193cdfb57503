/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "sw-core.h"

/* A commit function standing in for the store: counts its calls and fails
 * on demand, like a full disk would. */
typedef struct
{
  gboolean  fail;
  guint     calls;
} Committer;

static gboolean
committer_commit (SwCommand  *command,
                  gboolean    reverting,
                  gpointer    user_data,
                  GError    **error)
{
  Committer *c = user_data;

  c->calls++;
  if (c->fail)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE, "disk full");
      return FALSE;
    }
  return TRUE;
}

/* The whole organisation as text: every readable property of every object,
 * lists recursed into, object references by identity.  Two equal
 * snapshots mean the model is exactly the same. */
static void
snapshot_object (GString *out,
                 GObject *object,
                 int      depth);

static void
snapshot_list (GString    *out,
               GListModel *model,
               int         depth)
{
  guint n = g_list_model_get_n_items (model);

  g_string_append_printf (out, "[%u]\n", n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      snapshot_object (out, item, depth + 1);
    }
}

static void
snapshot_object (GString *out,
                 GObject *object,
                 int      depth)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs;

  g_string_append_printf (out, "%*s%s %p\n", depth * 2, "", G_OBJECT_TYPE_NAME (object), object);

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      GParamSpec *pspec = pspecs[i];
      g_auto(GValue) value = G_VALUE_INIT;

      if ((pspec->flags & G_PARAM_READABLE) == 0)
        continue;
      if (g_type_is_a (G_PARAM_SPEC_VALUE_TYPE (pspec), SW_TYPE_UNDO_STACK))
        continue;

      g_value_init (&value, G_PARAM_SPEC_VALUE_TYPE (pspec));
      g_object_get_property (object, pspec->name, &value);

      g_string_append_printf (out, "%*s.%s = ", depth * 2 + 1, "", pspec->name);

      if (g_type_is_a (G_PARAM_SPEC_VALUE_TYPE (pspec), G_TYPE_LIST_MODEL))
        snapshot_list (out, g_value_get_object (&value), depth + 1);
      else if (G_VALUE_HOLDS_OBJECT (&value))
        g_string_append_printf (out, "%p\n", g_value_get_object (&value));
      else
        {
          g_autofree char *contents = g_strdup_value_contents (&value);
          g_string_append_printf (out, "%s\n", contents);
        }
    }
}

static char *
snapshot (SwOrganisation *org)
{
  GString *out = g_string_new (NULL);

  snapshot_object (out, G_OBJECT (org), 0);
  return g_string_free (out, FALSE);
}

typedef struct
{
  SwOrganisation *org;
  SwUndoStack    *stack;
  Committer       committer;

  SwDepartment   *party;
  SwDepartment   *sales;
  SwDepartment   *safety;      /* no people, referred to from the plan */
  SwPerson       *alice;       /* party */
  SwPerson       *bob;         /* sales */
  SwPerson       *carol;       /* sales */
  SwUnavailability *busy;      /* carol's */
  SwPlan         *plan;
  SwPlan         *plan2;       /* a second plan where bob also serves */
  SwCommittee    *committee;   /* alice leader, bob member */
  SwCommitteeMember *leader;
  SwSlot         *desk;        /* duties accept (sales ×2), hand-out (party), repair (safety) */
  SwDuty         *accept;
  SwDuty         *hand_out;
  SwDuty         *repair;
  SwSlot         *visit;       /* carol attends; organisers party, safety */
  SwVisitTarget  *target;
  SwSlot         *meeting;     /* in plan2, bob attends */
  SwTask         *task1;       /* sales, bob, desk */
  SwTask         *task2;       /* safety, alice, visit */
  SwTask         *task3;       /* plan2: bob, meeting */
} Fixture;

#define T(y, mo, d, h, mi) sw_time_from_ymdhm (y, mo, d, h, mi)

static void
add (Fixture *f, gpointer owner, const char *list, gpointer item)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sw_edit_add (f->org, owner, list, item, &error));
  g_assert_no_error (error);
}

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  int first = sw_time_day_of (T (2026, 9, 20, 0, 0));

  f->org = sw_organisation_new ();
  f->stack = sw_organisation_get_undo_stack (f->org);
  sw_undo_stack_set_commit_func (f->stack, committer_commit, &f->committer, NULL);

  f->party = sw_department_new ("Party office");
  f->sales = sw_department_new ("Sales");
  f->safety = sw_department_new ("Safety");
  add (f, f->org, "departments", f->party);
  add (f, f->org, "departments", f->sales);
  add (f, f->org, "departments", f->safety);

  f->alice = sw_person_new ("Alice", f->party);
  f->bob = sw_person_new ("Bob", f->sales);
  f->carol = sw_person_new ("Carol", f->sales);
  add (f, f->org, "people", f->alice);
  add (f, f->org, "people", f->bob);
  add (f, f->org, "people", f->carol);
  f->busy = sw_unavailability_new (T (2026, 9, 21, 8, 0), T (2026, 9, 21, 12, 0), "Dentist");
  add (f, f->carol, "unavailability", f->busy);

  f->plan = sw_plan_new ("Service week", first, first + 6, "Asia/Shanghai");
  f->plan2 = sw_plan_new ("Second week", first + 14, first + 20, "Asia/Shanghai");
  add (f, f->org, "plans", f->plan);
  add (f, f->org, "plans", f->plan2);

  f->committee = sw_committee_new ("Leading group");
  add (f, f->plan, "committees", f->committee);
  f->leader = sw_committee_member_new (f->alice, SW_ROLE_LEADER);
  add (f, f->committee, "members", f->leader);
  {
    g_autoptr(SwCommitteeMember) m = sw_committee_member_new (f->bob, SW_ROLE_MEMBER);
    add (f, f->committee, "members", m);
  }

  f->desk = sw_slot_new (SW_SLOT_KIND_SERVICE_DESK, "Service desk",
                         T (2026, 9, 23, 9, 0), T (2026, 9, 23, 11, 0));
  add (f, f->plan, "slots", f->desk);
  add (f, f->desk, "organisers", f->party);
  add (f, f->desk, "organisers", f->sales);
  f->accept = sw_duty_new ("Accept applications", 2, f->sales);
  f->hand_out = sw_duty_new ("Hand out leaflets", 1, f->party);
  f->repair = sw_duty_new ("Repairs", 1, f->safety);
  add (f, f->desk, "duties", f->accept);
  add (f, f->desk, "duties", f->hand_out);
  add (f, f->desk, "duties", f->repair);
  g_assert_true (sw_edit_assign (f->org, f->desk, f->bob, f->accept, &error));
  g_assert_true (sw_edit_assign (f->org, f->desk, f->alice, f->hand_out, &error));

  f->visit = sw_slot_new (SW_SLOT_KIND_VISIT, "Customer visits",
                          T (2026, 9, 21, 14, 0), T (2026, 9, 21, 17, 0));
  add (f, f->plan, "slots", f->visit);
  add (f, f->visit, "organisers", f->party);
  add (f, f->visit, "organisers", f->safety);
  f->target = sw_visit_target_new ("Steel works");
  add (f, f->visit, "visit-targets", f->target);
  g_assert_true (sw_edit_assign (f->org, f->visit, f->carol, NULL, &error));

  f->meeting = sw_slot_new (SW_SLOT_KIND_MEETING, "Summary meeting",
                            T (2026, 10, 5, 9, 0), T (2026, 10, 5, 10, 0));
  add (f, f->plan2, "slots", f->meeting);
  g_assert_true (sw_edit_assign (f->org, f->meeting, f->bob, NULL, &error));
  /* An attendee's step names the person and the slot. */
  g_assert_cmpstr (sw_undo_stack_get_undo_label (f->stack), ==, "Bob → Summary meeting");

  f->task1 = sw_task_new ("Leaflets on electricity use");
  sw_task_set_department (f->task1, f->sales);
  sw_task_set_person (f->task1, f->bob);
  sw_task_set_slot (f->task1, f->desk);
  add (f, f->plan, "tasks", f->task1);
  f->task2 = sw_task_new ("Announce the visits");
  sw_task_set_department (f->task2, f->safety);
  sw_task_set_person (f->task2, f->alice);
  sw_task_set_slot (f->task2, f->visit);
  add (f, f->plan, "tasks", f->task2);
  f->task3 = sw_task_new ("Write the summary");
  sw_task_set_person (f->task3, f->bob);
  sw_task_set_slot (f->task3, f->meeting);
  add (f, f->plan2, "tasks", f->task3);

  g_assert_no_error (error);

  /* Everything above was made through the stack; start from a clean
   * history. */
  sw_undo_stack_clear (f->stack);
  f->committer.calls = 0;
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_object_unref (f->party); g_object_unref (f->sales); g_object_unref (f->safety);
  g_object_unref (f->alice); g_object_unref (f->bob); g_object_unref (f->carol);
  g_object_unref (f->busy);
  g_object_unref (f->plan); g_object_unref (f->plan2);
  g_object_unref (f->committee); g_object_unref (f->leader);
  g_object_unref (f->desk); g_object_unref (f->accept); g_object_unref (f->hand_out);
  g_object_unref (f->repair);
  g_object_unref (f->visit); g_object_unref (f->target); g_object_unref (f->meeting);
  g_object_unref (f->task1); g_object_unref (f->task2); g_object_unref (f->task3);
  g_clear_object (&f->org);
}

/* After one successful edit made from the state @before: the edit is one
 * undo step, undo gives back exactly @before, redo gives back exactly the
 * edited state, and the store saw each direction once. */
static void
assert_one_step (Fixture *f, const char *before)
{
  g_autofree char *after = snapshot (f->org);
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;
  g_autoptr(GError) error = NULL;
  guint calls = f->committer.calls;

  g_assert_cmpstr (after, !=, before);
  g_assert_true (sw_undo_stack_get_can_undo (f->stack));

  g_assert_true (sw_undo_stack_undo (f->stack, &error));
  g_assert_no_error (error);
  undone = snapshot (f->org);
  g_assert_cmpstr (undone, ==, before);
  g_assert_false (sw_undo_stack_get_can_undo (f->stack));

  g_assert_true (sw_undo_stack_redo (f->stack, &error));
  g_assert_no_error (error);
  redone = snapshot (f->org);
  g_assert_cmpstr (redone, ==, after);
  g_assert_cmpuint (f->committer.calls, ==, calls + 2);
}

/* After a refused edit: nothing changed, nothing recorded or saved. */
static void
assert_nothing_done (Fixture *f, const char *before)
{
  g_autofree char *now = snapshot (f->org);

  g_assert_cmpstr (now, ==, before);
  g_assert_false (sw_undo_stack_get_can_undo (f->stack));
  g_assert_cmpuint (f->committer.calls, ==, 0);
}

static void
test_snapshot (Fixture *f, gconstpointer data)
{
  g_autofree char *before = snapshot (f->org);
  g_autofree char *after = NULL;

  /* The snapshot reaches the deepest objects and sees small changes. */
  g_assert_nonnull (strstr (before, "\"Steel works\""));
  g_assert_nonnull (strstr (before, "\"Dentist\""));
  g_assert_nonnull (strstr (before, "\"Accept applications\""));
  sw_visit_target_set_phone (f->target, "1");
  after = snapshot (f->org);
  g_assert_cmpstr (before, !=, after);
}

static void
test_assign (Fixture *f, gconstpointer data)
{
  g_autofree char *before = snapshot (f->org);
  g_autoptr(GError) error = NULL;
  SwAssignment *a;

  g_assert_true (sw_edit_assign (f->org, f->desk, f->carol, f->accept, &error));
  g_assert_no_error (error);
  a = sw_slot_find_assignment (f->desk, f->carol);
  g_assert_nonnull (a);
  g_assert_true (sw_assignment_get_duty (a) == f->accept);
  g_assert_true (sw_assignment_get_pinned (a));
  g_assert_cmpuint (sw_slot_count_duty (f->desk, f->accept), ==, 2);
  g_assert_cmpstr (sw_undo_stack_get_undo_label (f->stack), ==, "Carol → Accept applications (Service desk)");
  g_assert_cmpuint (f->committer.calls, ==, 1);
  assert_one_step (f, before);
}

static void
test_assign_refused (Fixture *f, gconstpointer data)
{
  g_autofree char *before = snapshot (f->org);
  g_autoptr(GError) error = NULL;

  /* Bob already holds a duty on the desk. */
  g_assert_false (sw_edit_assign (f->org, f->desk, f->bob, f->hand_out, &error));
  g_assert_error (error, SW_CORE_ERROR, SW_CORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_false (sw_edit_assign (f->org, f->desk, f->bob, NULL, &error));
  g_assert_error (error, SW_CORE_ERROR, SW_CORE_ERROR_CONFLICT);
  g_clear_error (&error);
  /* The duty belongs to another slot. */
  g_assert_false (sw_edit_assign (f->org, f->visit, f->alice, f->accept, &error));
  g_assert_error (error, SW_CORE_ERROR, SW_CORE_ERROR_CONFLICT);
  g_clear_error (&error);
  /* The same through the generic add. */
  {
    g_autoptr(SwAssignment) a = sw_assignment_new (f->bob, NULL);
    g_assert_false (sw_edit_add (f->org, f->desk, "assignments", a, &error));
    g_assert_error (error, SW_CORE_ERROR, SW_CORE_ERROR_CONFLICT);
    g_clear_error (&error);
  }

  assert_nothing_done (f, before);
}

static void
test_unassign (Fixture *f, gconstpointer data)
{
  g_autofree char *before = snapshot (f->org);
  g_autoptr(GError) error = NULL;

  g_assert_false (sw_edit_unassign (f->org, f->desk, f->carol, &error));
  g_assert_error (error, SW_CORE_ERROR, SW_CORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  assert_nothing_done (f, before);

  g_assert_true (sw_edit_unassign (f->org, f->desk, f->bob, &error));
  g_assert_no_error (error);
  g_assert_null (sw_slot_find_assignment (f->desk, f->bob));
  g_assert_cmpuint (sw_slot_count_duty (f->desk, f->accept), ==, 0);
  g_assert_cmpstr (sw_undo_stack_get_undo_label (f->stack), ==, "Unassign Bob");
  assert_one_step (f, before);
}

static void
test_move_slot (Fixture *f, gconstpointer data)
{
  g_autofree char *before = snapshot (f->org);
  g_autoptr(GError) error = NULL;
  gint64 start = sw_slot_get_start (f->desk);
  gint64 end = sw_slot_get_end (f->desk);

  /* Refused: zero length and backwards. */
  g_assert_false (sw_edit_move_slot (f->org, f->desk, start, start, &error));
  g_assert_error (error, SW_CORE_ERROR, SW_CORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sw_edit_move_slot (f->org, f->desk, end, start, &error));
  g_assert_error (error, SW_CORE_ERROR, SW_CORE_ERROR_INVALID);
  g_clear_error (&error);
  /* The same times: nothing to record. */
  g_assert_true (sw_edit_move_slot (f->org, f->desk, start, end, &error));
  g_assert_no_error (error);
  assert_nothing_done (f, before);

  /* A day later, well past the old end. */
  g_assert_true (sw_edit_move_slot (f->org, f->desk, start + 1440, end + 1440, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sw_slot_get_start (f->desk), ==, start + 1440);
  g_assert_cmpint (sw_slot_get_end (f->desk), ==, end + 1440);
  g_assert_cmpstr (sw_undo_stack_get_undo_label (f->stack), ==, "Move slot");
  assert_one_step (f, before);
}

static void
test_move_slot_earlier_and_resize (Fixture *f, gconstpointer data)
{
  g_autofree char *before = snapshot (f->org);
  g_autofree char *moved = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = sw_slot_get_start (f->desk);
  gint64 end = sw_slot_get_end (f->desk);

  g_assert_true (sw_edit_move_slot (f->org, f->desk, start - 1440, end - 1440, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sw_slot_get_start (f->desk), ==, start - 1440);
  g_assert_cmpint (sw_slot_get_end (f->desk), ==, end - 1440);
  assert_one_step (f, before);

  /* Resize only: one property changes. */
  moved = snapshot (f->org);
  g_assert_true (sw_edit_move_slot (f->org, f->desk, start - 1440, end - 1440 + 30, &error));
  g_assert_cmpint (sw_slot_get_end (f->desk), ==, end - 1440 + 30);
  g_assert_true (sw_undo_stack_undo (f->stack, &error));
  {
    g_autofree char *now = snapshot (f->org);
    g_assert_cmpstr (now, ==, moved);
  }
}

static void
test_delete_slot (Fixture *f, gconstpointer data)
{
  g_autofree char *before = snapshot (f->org);
  g_autoptr(GError) error = NULL;

  g_assert_false (sw_edit_delete_slot (f->org, f->plan2, f->desk, &error));
  g_assert_error (error, SW_CORE_ERROR, SW_CORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  assert_nothing_done (f, before);

  g_assert_true (sw_edit_delete_slot (f->org, f->plan, f->desk, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (sw_plan_get_slots (f->plan)), ==, 1);
  g_assert_null (sw_task_get_slot (f->task1));
  g_assert_true (sw_task_get_slot (f->task2) == f->visit);
  g_assert_cmpstr (sw_undo_stack_get_undo_label (f->stack), ==, "Delete slot");
  g_assert_cmpuint (f->committer.calls, ==, 1);
  assert_one_step (f, before);
}

static void
test_delete_duty (Fixture *f, gconstpointer data)
{
  g_autofree char *before = snapshot (f->org);
  g_autoptr(GError) error = NULL;

  g_assert_false (sw_edit_delete_duty (f->org, f->visit, f->accept, &error));
  g_assert_error (error, SW_CORE_ERROR, SW_CORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  assert_nothing_done (f, before);

  g_assert_true (sw_edit_delete_duty (f->org, f->desk, f->accept, &error));
  g_assert_no_error (error);
  g_assert_null (sw_slot_find_assignment (f->desk, f->bob));
  g_assert_nonnull (sw_slot_find_assignment (f->desk, f->alice));
  g_assert_null (sw_slot_find_duty (f->desk, "Accept applications"));
  g_assert_cmpuint (g_list_model_get_n_items (sw_slot_get_duties (f->desk)), ==, 2);
  assert_one_step (f, before);
}

static void
test_delete_person (Fixture *f, gconstpointer data)
{
  g_autofree char *before = snapshot (f->org);
  g_autoptr(GError) error = NULL;
  g_autoptr(SwPerson) stranger = sw_person_new ("Stranger", NULL);

  g_assert_false (sw_edit_delete_person (f->org, stranger, &error));
  g_assert_error (error, SW_CORE_ERROR, SW_CORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  assert_nothing_done (f, before);

  g_assert_true (sw_edit_delete_person (f->org, f->bob, &error));
  g_assert_no_error (error);
  g_assert_null (sw_slot_find_assignment (f->desk, f->bob));
  g_assert_null (sw_slot_find_assignment (f->meeting, f->bob));
  g_assert_null (sw_committee_find_member (f->committee, f->bob));
  g_assert_nonnull (sw_committee_find_member (f->committee, f->alice));
  g_assert_null (sw_task_get_person (f->task1));
  g_assert_null (sw_task_get_person (f->task3));
  g_assert_true (sw_task_get_person (f->task2) == f->alice);
  g_assert_true (sw_task_get_department (f->task1) == f->sales);
  g_assert_cmpuint (g_list_model_get_n_items (sw_organisation_get_people (f->org)), ==, 2);
  g_assert_cmpuint (f->committer.calls, ==, 1);
  assert_one_step (f, before);
}

static void
test_delete_department (Fixture *f, gconstpointer data)
{
  g_autofree char *before = snapshot (f->org);
  g_autoptr(GError) error = NULL;
  g_autoptr(SwDepartment) other = sw_department_new ("Elsewhere");
  GListModel *organisers;

  g_assert_false (sw_edit_delete_department (f->org, f->sales, &error));
  g_assert_error (error, SW_CORE_ERROR, SW_CORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_false (sw_edit_delete_department (f->org, other, &error));
  g_assert_error (error, SW_CORE_ERROR, SW_CORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  assert_nothing_done (f, before);

  g_assert_true (sw_edit_delete_department (f->org, f->safety, &error));
  g_assert_no_error (error);
  g_assert_null (sw_duty_get_department (f->repair));
  g_assert_true (sw_duty_get_department (f->accept) == f->sales);
  organisers = sw_slot_get_organisers (f->visit);
  g_assert_cmpuint (g_list_model_get_n_items (organisers), ==, 1);
  {
    g_autoptr(SwDepartment) d = g_list_model_get_item (organisers, 0);
    g_assert_true (d == f->party);
  }
  g_assert_null (sw_task_get_department (f->task2));
  g_assert_true (sw_task_get_department (f->task1) == f->sales);
  g_assert_null (sw_organisation_find_department (f->org, "Safety"));
  g_assert_cmpuint (f->committer.calls, ==, 1);
  assert_one_step (f, before);
}

static void
test_delete_department_after_moving_people (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  /* Moving the only member out makes the department deletable; the two
   * user actions are two undo steps. */
  g_assert_true (sw_undo_stack_set (f->stack, &error, f->alice, "department", f->sales));
  g_assert_true (sw_edit_delete_department (f->org, f->party, &error));
  g_assert_no_error (error);
  g_assert_null (sw_duty_get_department (f->hand_out));
  g_assert_true (sw_undo_stack_undo (f->stack, &error));
  g_assert_true (sw_duty_get_department (f->hand_out) == f->party);
  g_assert_true (sw_person_get_department (f->alice) == f->sales);
  g_assert_true (sw_undo_stack_undo (f->stack, &error));
  g_assert_true (sw_person_get_department (f->alice) == f->party);
  g_assert_false (sw_undo_stack_get_can_undo (f->stack));
}

static void
test_delete_plan (Fixture *f, gconstpointer data)
{
  g_autofree char *before = snapshot (f->org);
  g_autoptr(GError) error = NULL;
  g_autoptr(SwPlan) stray = sw_plan_new ("Stray", 20000, 20001, "Asia/Shanghai");

  g_assert_false (sw_edit_delete_plan (f->org, stray, &error));
  g_assert_error (error, SW_CORE_ERROR, SW_CORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  assert_nothing_done (f, before);

  g_assert_true (sw_edit_delete_plan (f->org, f->plan, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (sw_organisation_get_plans (f->org)), ==, 1);
  assert_one_step (f, before);
}

/* One kind of entity: where it lives, a fresh one, and one property edit. */
typedef struct
{
  const char *name;
  gpointer  (*owner) (Fixture *f);
  const char *list;
  gpointer  (*make)  (Fixture *f);
  gpointer  (*existing) (Fixture *f);
} EntityKind;

static gpointer owner_org (Fixture *f) { return f->org; }
static gpointer owner_carol (Fixture *f) { return f->carol; }
static gpointer owner_plan (Fixture *f) { return f->plan; }
static gpointer owner_committee (Fixture *f) { return f->committee; }
static gpointer owner_desk (Fixture *f) { return f->desk; }
static gpointer owner_visit (Fixture *f) { return f->visit; }

static gpointer make_department (Fixture *f) { return sw_department_new ("Audit"); }
static gpointer make_person (Fixture *f) { return sw_person_new ("Dave", f->party); }
static gpointer make_unavailability (Fixture *f) { return sw_unavailability_new (T (2026, 9, 22, 8, 0), T (2026, 9, 22, 9, 0), "Training"); }
static gpointer make_committee (Fixture *f) { return sw_committee_new ("Publicity group"); }
static gpointer make_member (Fixture *f) { return sw_committee_member_new (f->carol, SW_ROLE_DEPUTY); }
static gpointer make_slot (Fixture *f) { return sw_slot_new (SW_SLOT_KIND_FORUM, "Forum", T (2026, 9, 22, 9, 0), T (2026, 9, 22, 11, 0)); }
static gpointer make_duty (Fixture *f) { return sw_duty_new ("Set up", 4, NULL); }
static gpointer make_assignment (Fixture *f) { return sw_assignment_new (f->carol, f->repair); }
static gpointer make_target (Fixture *f) { return sw_visit_target_new ("Textile mill"); }
static gpointer make_task (Fixture *f) { return sw_task_new ("Print posters"); }
static gpointer make_plan (Fixture *f) { return sw_plan_new ("Third week", 20600, 20606, "Asia/Shanghai"); }
static gpointer make_organiser (Fixture *f) { return g_object_ref (f->safety); }

static gpointer existing_department (Fixture *f) { return f->safety; }
static gpointer existing_person (Fixture *f) { return f->carol; }
static gpointer existing_unavailability (Fixture *f) { return f->busy; }
static gpointer existing_committee (Fixture *f) { return f->committee; }
static gpointer existing_member (Fixture *f) { return f->leader; }
static gpointer existing_slot (Fixture *f) { return f->visit; }
static gpointer existing_duty (Fixture *f) { return f->repair; }
static gpointer existing_assignment (Fixture *f) { return sw_slot_find_assignment (f->desk, f->alice); }
static gpointer existing_target (Fixture *f) { return f->target; }
static gpointer existing_task (Fixture *f) { return f->task2; }
static gpointer existing_plan (Fixture *f) { return f->plan2; }
static gpointer existing_organiser (Fixture *f) { return f->party; }

static const EntityKind kinds[] = {
  { "department", owner_org, "departments", make_department, existing_department },
  { "person", owner_org, "people", make_person, existing_person },
  { "unavailability", owner_carol, "unavailability", make_unavailability, existing_unavailability },
  { "committee", owner_plan, "committees", make_committee, existing_committee },
  { "committee-member", owner_committee, "members", make_member, existing_member },
  { "slot", owner_plan, "slots", make_slot, existing_slot },
  { "duty", owner_desk, "duties", make_duty, existing_duty },
  { "assignment", owner_desk, "assignments", make_assignment, existing_assignment },
  { "visit-target", owner_visit, "visit-targets", make_target, existing_target },
  { "task", owner_plan, "tasks", make_task, existing_task },
  { "plan", owner_org, "plans", make_plan, existing_plan },
  { "organiser", owner_desk, "organisers", make_organiser, existing_organiser },
};

static gboolean
model_contains (GListModel *model, gpointer item)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) other = g_list_model_get_item (model, i);
      if ((gpointer) other == item)
        return TRUE;
    }
  return FALSE;
}

static GListModel *
get_list (gpointer owner, const char *list)
{
  g_autoptr(GListModel) model = NULL;

  g_object_get (owner, list, &model, NULL);
  /* The owner keeps the list alive. */
  return model;
}

static void
test_add_remove (Fixture *f, gconstpointer data)
{
  const EntityKind *kind = data;
  gpointer owner = kind->owner (f);
  g_autoptr(GObject) item = kind->make (f);
  g_autoptr(GObject) existing = g_object_ref (kind->existing (f));
  g_autoptr(GError) error = NULL;
  g_autofree char *before = snapshot (f->org);

  g_test_message ("entity kind %s", kind->name);

  /* Add. */
  g_assert_true (sw_edit_add (f->org, owner, kind->list, item, &error));
  g_assert_no_error (error);
  g_assert_true (model_contains (get_list (owner, kind->list), item));
  g_assert_cmpstr (sw_undo_stack_get_undo_label (f->stack), !=, "");
  assert_one_step (f, before);
  sw_undo_stack_clear (f->stack);
  f->committer.calls = 0;

  /* Adding it twice is refused. */
  {
    g_autofree char *now = snapshot (f->org);
    g_assert_false (sw_edit_add (f->org, owner, kind->list, item, &error));
    g_assert_error (error, SW_CORE_ERROR, SW_CORE_ERROR_CONFLICT);
    g_clear_error (&error);
    assert_nothing_done (f, now);
  }

  /* Remove an existing one (with everything that refers to it). */
  g_clear_pointer (&before, g_free);
  before = snapshot (f->org);
  g_assert_true (sw_edit_remove (f->org, owner, kind->list, existing, &error));
  g_assert_no_error (error);
  g_assert_false (model_contains (get_list (owner, kind->list), existing));
  assert_one_step (f, before);

  /* Removing what is not there is refused. */
  sw_undo_stack_clear (f->stack);
  f->committer.calls = 0;
  {
    g_autofree char *now = snapshot (f->org);
    g_assert_false (sw_edit_remove (f->org, owner, kind->list, existing, &error));
    g_assert_error (error, SW_CORE_ERROR, SW_CORE_ERROR_NOT_FOUND);
    g_clear_error (&error);
    assert_nothing_done (f, now);
  }
}

static void
test_add_sorted (Fixture *f, gconstpointer data)
{
  g_autoptr(SwDepartment) first = sw_department_new ("General office");
  g_autoptr(SwDepartment) last = sw_department_new ("Logistics");
  g_autoptr(SwUnavailability) early = sw_unavailability_new (T (2026, 9, 20, 8, 0), T (2026, 9, 20, 9, 0), "");
  g_autoptr(SwUnavailability) late = sw_unavailability_new (T (2026, 9, 25, 8, 0), T (2026, 9, 25, 9, 0), "");
  GListModel *departments = sw_organisation_get_departments (f->org);
  GListModel *busy = sw_person_get_unavailability (f->carol);
  g_autoptr(GObject) item = NULL;
  guint n;

  /* Departments keep their roster order, busy times their start order. */
  sw_department_set_position (f->party, 1);
  sw_department_set_position (f->sales, 2);
  sw_department_set_position (f->safety, 3);
  sw_department_set_position (first, 0);
  sw_department_set_position (last, 9);
  add (f, f->org, "departments", last);
  add (f, f->org, "departments", first);
  n = g_list_model_get_n_items (departments);
  g_assert_cmpuint (n, ==, 5);
  item = g_list_model_get_item (departments, 0);
  g_assert_true (item == G_OBJECT (first));
  g_clear_object (&item);
  item = g_list_model_get_item (departments, n - 1);
  g_assert_true (item == G_OBJECT (last));
  g_clear_object (&item);

  add (f, f->carol, "unavailability", late);
  add (f, f->carol, "unavailability", early);
  g_assert_cmpuint (g_list_model_get_n_items (busy), ==, 3);
  item = g_list_model_get_item (busy, 0);
  g_assert_true (item == G_OBJECT (early));
  g_clear_object (&item);
  item = g_list_model_get_item (busy, 1);
  g_assert_true (item == G_OBJECT (f->busy));
  g_clear_object (&item);

  /* Undo takes out exactly the item added. */
  g_assert_true (sw_undo_stack_undo (f->stack, NULL));
  item = g_list_model_get_item (busy, 0);
  g_assert_true (item == G_OBJECT (f->busy));
  g_clear_object (&item);
}

static void
test_add_refused (Fixture *f, gconstpointer data)
{
  g_autofree char *before = snapshot (f->org);
  g_autoptr(GError) error = NULL;
  g_autoptr(SwTask) task = sw_task_new ("Misplaced");

  /* No such list. */
  g_assert_false (sw_edit_add (f->org, f->plan, "gadgets", task, &error));
  g_assert_error (error, SW_CORE_ERROR, SW_CORE_ERROR_INVALID);
  g_clear_error (&error);
  /* A list of something else. */
  g_assert_false (sw_edit_add (f->org, f->plan, "slots", task, &error));
  g_assert_error (error, SW_CORE_ERROR, SW_CORE_ERROR_INVALID);
  g_clear_error (&error);
  /* Not a list. */
  g_assert_false (sw_edit_add (f->org, f->plan, "title", task, &error));
  g_assert_error (error, SW_CORE_ERROR, SW_CORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sw_edit_remove (f->org, f->plan, "gadgets", task, &error));
  g_assert_error (error, SW_CORE_ERROR, SW_CORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sw_edit_remove (f->org, f->plan, "tasks", task, &error));
  g_assert_error (error, SW_CORE_ERROR, SW_CORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  assert_nothing_done (f, before);
}

/* One property edit made with sw_undo_stack_set, checked to be one undo
 * step that undoes and redoes exactly. */
#define EDIT_STEP(...) \
  G_STMT_START { \
    g_autofree char *__before = snapshot (f->org); \
    g_autoptr(GError) __error = NULL; \
    g_assert_true (sw_undo_stack_set (f->stack, &__error, __VA_ARGS__)); \
    g_assert_no_error (__error); \
    assert_one_step (f, __before); \
    sw_undo_stack_clear (f->stack); \
    f->committer.calls = 0; \
  } G_STMT_END

static void
test_edit_properties (Fixture *f, gconstpointer data)
{
  SwAssignment *assignment = sw_slot_find_assignment (f->desk, f->alice);
  SwCommitteeMember *member = f->leader;

  EDIT_STEP (f->party, "name", "Party and mass work office");
  g_assert_cmpstr (sw_undo_stack_get_redo_label (f->stack), ==, "");
  g_assert_true (sw_undo_stack_set (f->stack, NULL, f->desk, "location", "Hall"));
  g_assert_cmpstr (sw_undo_stack_get_undo_label (f->stack), ==, "Edit slot");
  g_assert_true (sw_undo_stack_undo (f->stack, NULL));
  sw_undo_stack_clear (f->stack);
  f->committer.calls = 0;
  EDIT_STEP (f->party, "short-name", "PMO");
  EDIT_STEP (f->party, "color", "#3465a4");
  EDIT_STEP (f->party, "position", 7);
  g_assert_cmpstr (sw_department_get_short_name (f->party), ==, "PMO");

  EDIT_STEP (f->carol, "name", "Carol Chen");
  EDIT_STEP (f->carol, "department", f->party);
  EDIT_STEP (f->carol, "department", (gpointer) NULL);
  EDIT_STEP (f->carol, "title", "Engineer");
  EDIT_STEP (f->carol, "phone", "13800000000");
  EDIT_STEP (f->carol, "email", "carol@example.com");
  EDIT_STEP (f->carol, "notes", "Speaks Cantonese");
  EDIT_STEP (f->carol, "active", FALSE);
  g_assert_false (sw_person_get_active (f->carol));
  g_assert_null (sw_person_get_department (f->carol));

  EDIT_STEP (f->busy, "start", (gint64) T (2026, 9, 21, 7, 0));
  EDIT_STEP (f->busy, "end", (gint64) T (2026, 9, 21, 13, 0));
  EDIT_STEP (f->busy, "reason", "Doctor");
  g_assert_cmpint (sw_unavailability_get_end (f->busy), ==, T (2026, 9, 21, 13, 0));

  EDIT_STEP (f->committee, "name", "Leadership group");
  EDIT_STEP (f->committee, "position", 3);
  EDIT_STEP (member, "role", SW_ROLE_OFFICE_DIRECTOR);
  EDIT_STEP (member, "person", f->carol);
  g_assert_cmpint (sw_committee_member_get_role (member), ==, SW_ROLE_OFFICE_DIRECTOR);

  EDIT_STEP (f->desk, "title", "Public service desk");
  EDIT_STEP (f->desk, "kind", SW_SLOT_KIND_FORUM);
  EDIT_STEP (f->desk, "location", "Square");
  EDIT_STEP (f->desk, "description", "Bring the banner");
  EDIT_STEP (f->desk, "end", (gint64) T (2026, 9, 23, 12, 0));
  g_assert_cmpint (sw_slot_get_kind (f->desk), ==, SW_SLOT_KIND_FORUM);

  EDIT_STEP (f->accept, "name", "Applications and questions");
  EDIT_STEP (f->accept, "count", (guint) 5);
  EDIT_STEP (f->accept, "department", (gpointer) NULL);
  EDIT_STEP (f->accept, "position", 2);
  g_assert_cmpuint (sw_duty_get_count (f->accept), ==, 5);

  EDIT_STEP (assignment, "note", "Brings forms");
  EDIT_STEP (assignment, "pinned", FALSE);
  EDIT_STEP (assignment, "duty", f->repair);
  g_assert_true (sw_assignment_get_duty (assignment) == f->repair);

  EDIT_STEP (f->target, "name", "Steel works no. 2");
  EDIT_STEP (f->target, "address", "1 Foundry Road");
  EDIT_STEP (f->target, "contact", "Mr Wang");
  EDIT_STEP (f->target, "phone", "0571-1234567");

  EDIT_STEP (f->task1, "title", "Leaflets, second print");
  EDIT_STEP (f->task1, "status", SW_TASK_STATUS_DONE);
  EDIT_STEP (f->task1, "due", (gint64) T (2026, 9, 19, 17, 0));
  EDIT_STEP (f->task1, "department", f->party);
  EDIT_STEP (f->task1, "person", f->alice);
  EDIT_STEP (f->task1, "slot", (gpointer) NULL);
  EDIT_STEP (f->task1, "notes", "A5, colour");
  g_assert_cmpint (sw_task_get_status (f->task1), ==, SW_TASK_STATUS_DONE);

  EDIT_STEP (f->plan, "title", "Integrity service week");
  EDIT_STEP (f->plan, "theme", "Service first");
  EDIT_STEP (f->plan, "organiser", "County power supply company");
  EDIT_STEP (f->plan, "last-day", sw_plan_get_last_day (f->plan) + 1);
  EDIT_STEP (f->plan, "time-zone", "Asia/Urumqi");
  EDIT_STEP (f->plan, "hotline", "95598");
  EDIT_STEP (f->plan, "description", "Seven days");
  EDIT_STEP (f->plan, "travel-buffer", 30);
  g_assert_cmpstr (sw_plan_get_hotline (f->plan), ==, "95598");
}
#undef EDIT_STEP

static void
test_edit_refused (Fixture *f, gconstpointer data)
{
  g_autofree char *before = snapshot (f->org);
  g_autoptr(GError) error = NULL;

  g_assert_false (sw_undo_stack_set (f->stack, &error, f->desk, "colour", "red"));
  g_assert_error (error, SW_CORE_ERROR, SW_CORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sw_undo_stack_set (f->stack, &error, f->accept, "count", (guint) 0));
  g_assert_error (error, SW_CORE_ERROR, SW_CORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sw_undo_stack_set (f->stack, &error, f->plan, "slots", (gpointer) NULL));
  g_assert_error (error, SW_CORE_ERROR, SW_CORE_ERROR_INVALID);
  g_clear_error (&error);
  /* The current value is no change. */
  g_assert_true (sw_undo_stack_set (f->stack, &error, f->desk, "title", "Service desk"));
  g_assert_true (sw_undo_stack_set (f->stack, &error, f->bob, "department", f->sales));
  g_assert_no_error (error);

  assert_nothing_done (f, before);
}

static void
test_commit_failure (Fixture *f, gconstpointer data)
{
  g_autofree char *before = snapshot (f->org);
  g_autoptr(GError) error = NULL;
  g_autoptr(SwTask) task = sw_task_new ("Never saved");

  f->committer.fail = TRUE;

  g_assert_false (sw_edit_assign (f->org, f->desk, f->carol, f->accept, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_clear_error (&error);
  g_assert_false (sw_edit_delete_person (f->org, f->bob, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_clear_error (&error);
  g_assert_false (sw_edit_delete_department (f->org, f->safety, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_clear_error (&error);
  g_assert_false (sw_edit_move_slot (f->org, f->desk, 0, 60, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_clear_error (&error);
  g_assert_false (sw_edit_add (f->org, f->plan, "tasks", task, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_clear_error (&error);
  g_assert_false (sw_undo_stack_set (f->stack, &error, f->plan, "title", "Unsaved"));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_clear_error (&error);

  {
    g_autofree char *now = snapshot (f->org);
    g_assert_cmpstr (now, ==, before);
  }
  g_assert_false (sw_undo_stack_get_can_undo (f->stack));

  /* Undo and redo that cannot be saved leave memory as saved. */
  f->committer.fail = FALSE;
  g_assert_true (sw_edit_delete_person (f->org, f->bob, &error));
  {
    g_autofree char *deleted = snapshot (f->org);
    g_autofree char *now = NULL;
    g_autofree char *again = NULL;

    f->committer.fail = TRUE;
    g_assert_false (sw_undo_stack_undo (f->stack, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
    g_clear_error (&error);
    now = snapshot (f->org);
    g_assert_cmpstr (now, ==, deleted);
    g_assert_true (sw_undo_stack_get_can_undo (f->stack));
    g_assert_false (sw_undo_stack_get_can_redo (f->stack));

    f->committer.fail = FALSE;
    g_assert_true (sw_undo_stack_undo (f->stack, &error));
    f->committer.fail = TRUE;
    g_assert_false (sw_undo_stack_redo (f->stack, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
    g_clear_error (&error);
    again = snapshot (f->org);
    g_assert_cmpstr (again, ==, before);
    g_assert_true (sw_undo_stack_get_can_redo (f->stack));
    g_assert_false (sw_undo_stack_get_can_undo (f->stack));
  }
}

static void
test_user_group (Fixture *f, gconstpointer data)
{
  g_autofree char *before = snapshot (f->org);
  g_autoptr(GError) error = NULL;

  /* One user action made of several edits (each a group of its own) is
   * one undo step with the outer label, saved once. */
  sw_undo_stack_begin_group (f->stack, "Swap Bob and Carol");
  g_assert_true (sw_edit_unassign (f->org, f->desk, f->bob, &error));
  g_assert_true (sw_edit_assign (f->org, f->desk, f->carol, f->accept, &error));
  g_assert_true (sw_undo_stack_set (f->stack, &error, f->task1, "person", f->carol));
  g_assert_cmpuint (f->committer.calls, ==, 0);
  g_assert_true (sw_undo_stack_end_group (f->stack, &error));
  g_assert_no_error (error);

  g_assert_true (sw_task_get_person (f->task1) == f->carol);
  g_assert_nonnull (sw_slot_find_assignment (f->desk, f->carol));
  g_assert_cmpstr (sw_undo_stack_get_undo_label (f->stack), ==, "Swap Bob and Carol");
  g_assert_cmpuint (f->committer.calls, ==, 1);
  assert_one_step (f, before);

  /* A refused edit inside a user action leaves the rest of it intact. */
  sw_undo_stack_clear (f->stack);
  g_clear_pointer (&before, g_free);
  before = snapshot (f->org);
  sw_undo_stack_begin_group (f->stack, "Two things");
  g_assert_true (sw_edit_move_slot (f->org, f->visit, T (2026, 9, 21, 15, 0), T (2026, 9, 21, 18, 0), &error));
  g_assert_false (sw_edit_assign (f->org, f->visit, f->carol, NULL, &error));
  g_assert_error (error, SW_CORE_ERROR, SW_CORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_true (sw_undo_stack_end_group (f->stack, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sw_slot_get_start (f->visit), ==, T (2026, 9, 21, 15, 0));
  assert_one_step (f, before);

  /* Cancelling a user action puts everything back. */
  sw_undo_stack_clear (f->stack);
  g_clear_pointer (&before, g_free);
  before = snapshot (f->org);
  f->committer.calls = 0;
  sw_undo_stack_begin_group (f->stack, "Abandoned");
  g_assert_true (sw_edit_delete_slot (f->org, f->plan, f->desk, &error));
  g_assert_true (sw_edit_delete_person (f->org, f->alice, &error));
  sw_undo_stack_cancel_group (f->stack);
  assert_nothing_done (f, before);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/edit/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("snapshot", test_snapshot);
  ADD ("assign", test_assign);
  ADD ("assign-refused", test_assign_refused);
  ADD ("unassign", test_unassign);
  ADD ("move-slot", test_move_slot);
  ADD ("move-slot-earlier", test_move_slot_earlier_and_resize);
  ADD ("delete-slot", test_delete_slot);
  ADD ("delete-duty", test_delete_duty);
  ADD ("delete-person", test_delete_person);
  ADD ("delete-department", test_delete_department);
  ADD ("delete-department-after-moving-people", test_delete_department_after_moving_people);
  ADD ("delete-plan", test_delete_plan);
  ADD ("add-sorted", test_add_sorted);
  ADD ("add-refused", test_add_refused);
  ADD ("edit-properties", test_edit_properties);
  ADD ("edit-refused", test_edit_refused);
  ADD ("commit-failure", test_commit_failure);
  ADD ("user-group", test_user_group);
#undef ADD

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autofree char *path = g_strdup_printf ("/edit/add-remove/%s", kinds[i].name);
      g_test_add (path, Fixture, &kinds[i], fixture_setup, test_add_remove, fixture_teardown);
    }

  return g_test_run ();
}
