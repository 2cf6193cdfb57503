/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "sw-core.h"

/* ---- generic property checks ------------------------------------------ */

typedef struct
{
  const char *name;
  guint       count;
} NotifyCounter;

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           gpointer    user_data)
{
  NotifyCounter *counter = user_data;

  g_assert_cmpstr (pspec->name, ==, counter->name);
  counter->count++;
}

static GObject *
new_object_of_type (GType type)
{
  if (type == SW_TYPE_DEPARTMENT)
    return G_OBJECT (sw_department_new ("Other department"));
  if (type == SW_TYPE_PERSON)
    return G_OBJECT (sw_person_new ("Other person", NULL));
  if (type == SW_TYPE_DUTY)
    return G_OBJECT (sw_duty_new ("Other duty", 2, NULL));
  if (type == SW_TYPE_SLOT)
    return G_OBJECT (sw_slot_new (SW_SLOT_KIND_FORUM, "Other slot", 0, 60));

  g_assert_not_reached ();
}

/* A value of @pspec's type that differs from @current. */
/* g_param_values_cmp() compares boxed values by address. */
static int
values_cmp (GParamSpec   *pspec,
            const GValue *a,
            const GValue *b)
{
  if (G_PARAM_SPEC_VALUE_TYPE (pspec) == G_TYPE_STRV)
    return g_strv_equal (g_value_get_boxed (a), g_value_get_boxed (b)) ? 0 : 1;

  return g_param_values_cmp (pspec, a, b);
}

static void
make_other_value (GParamSpec   *pspec,
                  const GValue *current,
                  GValue       *value)
{
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);

  g_value_init (value, type);

  if (type == G_TYPE_STRING)
    {
      g_autofree char *text = g_strdup_printf ("%s “值” ✓ %s", pspec->name,
                                               g_value_get_string (current));
      g_value_set_string (value, text);
    }
  else if (type == G_TYPE_INT)
    {
      GParamSpecInt *ispec = G_PARAM_SPEC_INT (pspec);
      int v = g_value_get_int (current) + 17;

      if (v > ispec->maximum)
        v = ispec->minimum;
      g_value_set_int (value, v);
    }
  else if (type == G_TYPE_UINT)
    {
      GParamSpecUInt *uspec = G_PARAM_SPEC_UINT (pspec);
      guint v = g_value_get_uint (current) + 3;

      if (v > uspec->maximum)
        v = uspec->minimum;
      g_value_set_uint (value, v);
    }
  else if (type == G_TYPE_INT64)
    {
      gint64 v = g_value_get_int64 (current);

      g_value_set_int64 (value, v == SW_TIME_UNSET ? 29000000 : v + 123456);
    }
  else if (type == G_TYPE_BOOLEAN)
    {
      g_value_set_boolean (value, !g_value_get_boolean (current));
    }
  else if (type == G_TYPE_STRV)
    {
      const char *const *strv = g_value_get_boxed (current);
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

      for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
        g_strv_builder_add (builder, strv[i]);
      g_strv_builder_add (builder, "电工证");
      g_value_take_boxed (value, g_strv_builder_end (builder));
    }
  else if (G_TYPE_IS_ENUM (type))
    {
      GEnumClass *klass = g_type_class_ref (type);
      int v = g_value_get_enum (current);
      int next = (v + 1) % (int) klass->n_values;

      g_value_set_enum (value, klass->values[next].value);
      g_type_class_unref (klass);
    }
  else if (g_type_is_a (type, G_TYPE_OBJECT))
    {
      g_autoptr(GObject) obj = new_object_of_type (type);

      g_value_set_object (value, obj);
    }
  else
    {
      g_error ("No test value for property %s of type %s",
               pspec->name, g_type_name (type));
    }
}

/* Every writable property round-trips through g_object_set_property,
 * notifies once on a real change and never on a same-value set; string
 * properties turn NULL into "" (except where a default is restored). */
static void
check_properties (GObject    *object,
                  const char *const *expected_names,
                  const char *const *null_keeps_default)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs;

  for (guint i = 0; expected_names[i] != NULL; i++)
    {
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object),
                                                        expected_names[i]);

      if (pspec == NULL)
        g_error ("%s lacks property %s", G_OBJECT_TYPE_NAME (object), expected_names[i]);
      g_assert_true (pspec->flags & G_PARAM_WRITABLE);
      g_assert_true (pspec->flags & G_PARAM_EXPLICIT_NOTIFY);
      g_assert_false (pspec->flags & G_PARAM_CONSTRUCT_ONLY);
    }

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      GParamSpec *pspec = pspecs[i];
      g_auto(GValue) current = G_VALUE_INIT;
      g_auto(GValue) other = G_VALUE_INIT;
      g_auto(GValue) read_back = G_VALUE_INIT;
      NotifyCounter counter = { pspec->name, 0 };
      g_autofree char *signal = NULL;
      gulong handler;

      if (!(pspec->flags & G_PARAM_WRITABLE))
        continue;

      g_assert_true (g_strv_contains (expected_names, pspec->name));

      g_value_init (&current, G_PARAM_SPEC_VALUE_TYPE (pspec));
      g_object_get_property (object, pspec->name, &current);
      make_other_value (pspec, &current, &other);

      signal = g_strconcat ("notify::", pspec->name, NULL);
      handler = g_signal_connect (object, signal, G_CALLBACK (on_notify), &counter);

      g_object_set_property (object, pspec->name, &other);
      g_assert_cmpuint (counter.count, ==, 1);

      g_value_init (&read_back, G_PARAM_SPEC_VALUE_TYPE (pspec));
      g_object_get_property (object, pspec->name, &read_back);
      g_assert_cmpint (values_cmp (pspec, &read_back, &other), ==, 0);

      /* The same value again: no notification. */
      g_object_set_property (object, pspec->name, &other);
      g_assert_cmpuint (counter.count, ==, 1);

      /* Back to the old value: one more. */
      g_object_set_property (object, pspec->name, &current);
      g_assert_cmpuint (counter.count, ==, 2);
      g_value_reset (&read_back);
      g_object_get_property (object, pspec->name, &read_back);
      g_assert_cmpint (values_cmp (pspec, &read_back, &current), ==, 0);

      if (G_PARAM_SPEC_VALUE_TYPE (pspec) == G_TYPE_STRING &&
          (null_keeps_default == NULL || !g_strv_contains (null_keeps_default, pspec->name)))
        {
          g_auto(GValue) null_value = G_VALUE_INIT;
          g_autofree char *text = NULL;

          g_object_set_property (object, pspec->name, &other);
          g_assert_cmpuint (counter.count, ==, 3);
          g_value_init (&null_value, G_TYPE_STRING);
          g_object_set_property (object, pspec->name, &null_value);
          g_assert_cmpuint (counter.count, ==, 4);
          g_object_get (object, pspec->name, &text, NULL);
          g_assert_cmpstr (text, ==, "");
          /* NULL again is "" again: no notification. */
          g_object_set_property (object, pspec->name, &null_value);
          g_assert_cmpuint (counter.count, ==, 4);
          g_object_set_property (object, pspec->name, &current);
        }

      if (g_type_is_a (G_PARAM_SPEC_VALUE_TYPE (pspec), G_TYPE_OBJECT))
        {
          /* The object property holds a strong reference. */
          g_autoptr(GObject) held = new_object_of_type (G_PARAM_SPEC_VALUE_TYPE (pspec));
          GObject *weak = held;
          GValue *v = &other;
          g_auto(GValue) null_value = G_VALUE_INIT;
          g_auto(GValue) got = G_VALUE_INIT;

          g_value_set_object (v, held);
          g_object_set_property (object, pspec->name, v);
          g_value_reset (v);
          g_object_add_weak_pointer (weak, (gpointer *) &weak);
          g_clear_object (&held);
          g_assert_nonnull (weak);

          g_value_init (&got, G_PARAM_SPEC_VALUE_TYPE (pspec));
          g_object_get_property (object, pspec->name, &got);
          g_assert_true (g_value_get_object (&got) == weak);
          g_value_unset (&got);

          g_value_init (&null_value, G_PARAM_SPEC_VALUE_TYPE (pspec));
          g_object_set_property (object, pspec->name, &null_value);
          g_assert_null (weak);
          g_object_set_property (object, pspec->name, &current);
        }

      g_signal_handler_disconnect (object, handler);
    }
}

/* A read-only list property returning the GListStore of @item_type. */
static void
check_list (GObject    *object,
            const char *name,
            GType       item_type,
            GListModel *from_getter)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), name);
  g_autoptr(GListModel) model = NULL;

  g_assert_nonnull (pspec);
  g_assert_true (pspec->flags & G_PARAM_READABLE);
  g_assert_false (pspec->flags & G_PARAM_WRITABLE);
  g_assert_true (g_type_is_a (G_PARAM_SPEC_VALUE_TYPE (pspec), G_TYPE_LIST_MODEL));

  g_object_get (object, name, &model, NULL);
  g_assert_true (G_IS_LIST_STORE (model));
  g_assert_true (model == from_getter);
  g_assert_true (g_list_model_get_item_type (model) == item_type);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
}

/* ---- per class ---------------------------------------------------------- */

static void
test_department (void)
{
  const char *names[] = { "id", "name", "short-name", "color", "position", NULL };
  g_autoptr(SwDepartment) department = sw_department_new (NULL);
  g_autoptr(SwDepartment) named = sw_department_new ("党群办");

  g_assert_cmpstr (sw_department_get_name (department), ==, "");
  g_assert_cmpstr (sw_department_get_short_name (department), ==, "");
  g_assert_cmpstr (sw_department_get_color (department), ==, "");
  g_assert_cmpint (sw_department_get_id (department), ==, 0);
  g_assert_cmpstr (sw_department_get_name (named), ==, "党群办");

  check_properties (G_OBJECT (department), names, NULL);

  sw_department_set_position (department, -5);
  g_assert_cmpint (sw_department_get_position (department), ==, -5);
  sw_department_set_color (department, "#3465a4");
  g_assert_cmpstr (sw_department_get_color (department), ==, "#3465a4");
  sw_department_set_short_name (department, NULL);
  g_assert_cmpstr (sw_department_get_short_name (department), ==, "");

  {
    g_autoptr(GListStore) departments = g_list_store_new (SW_TYPE_DEPARTMENT);
    g_autoptr(SwDepartment) office = sw_department_new ("办公室");
    g_autoptr(SwDepartment) tax = sw_department_new ("税源管理科");
    g_autofree char *none = sw_department_join_names (G_LIST_MODEL (departments), "、");
    g_autofree char *one = NULL;
    g_autofree char *two = NULL;

    g_assert_cmpstr (none, ==, "");
    g_list_store_append (departments, office);
    one = sw_department_join_names (G_LIST_MODEL (departments), "、");
    g_assert_cmpstr (one, ==, "办公室");
    g_list_store_append (departments, tax);
    two = sw_department_join_names (G_LIST_MODEL (departments), "、");
    g_assert_cmpstr (two, ==, "办公室、税源管理科");
  }
}

static void
test_unavailability (void)
{
  const char *names[] = { "id", "start", "end", "reason", NULL };
  g_autoptr(SwUnavailability) u = sw_unavailability_new (100, 200, NULL);

  g_assert_cmpint (sw_unavailability_get_start (u), ==, 100);
  g_assert_cmpint (sw_unavailability_get_end (u), ==, 200);
  g_assert_cmpstr (sw_unavailability_get_reason (u), ==, "");

  check_properties (G_OBJECT (u), names, NULL);
}

static void
test_person (void)
{
  const char *names[] = { "id", "name", "department", "title", "phone", "email",
                          "notes", "active", "skills", NULL };
  g_autoptr(SwDepartment) department = sw_department_new ("用电科");
  g_autoptr(SwPerson) person = sw_person_new ("张伟", department);
  g_autoptr(SwUnavailability) morning = NULL;
  GListStore *store;

  g_assert_cmpstr (sw_person_get_name (person), ==, "张伟");
  g_assert_true (sw_person_get_department (person) == department);
  g_assert_true (sw_person_get_active (person));
  g_assert_cmpstr (sw_person_get_title (person), ==, "");
  g_assert_cmpstr (sw_person_get_email (person), ==, "");

  check_list (G_OBJECT (person), "unavailability", SW_TYPE_UNAVAILABILITY,
              sw_person_get_unavailability (person));
  check_properties (G_OBJECT (person), names, NULL);

  /* Busy 08:00–12:00: touching periods are free. */
  store = G_LIST_STORE (sw_person_get_unavailability (person));
  morning = sw_unavailability_new (8 * 60, 12 * 60, "会议");
  g_list_store_append (store, morning);
  g_assert_true (sw_rulebook_find_busy (person, 9 * 60, 10 * 60) != NULL);
  g_assert_true (sw_rulebook_find_busy (person, 7 * 60, 8 * 60 + 1) != NULL);
  g_assert_true (sw_rulebook_find_busy (person, 11 * 60 + 59, 14 * 60) != NULL);
  g_assert_true (sw_rulebook_find_busy (person, 0, 24 * 60) != NULL);
  g_assert_false (sw_rulebook_find_busy (person, 12 * 60, 14 * 60) != NULL);
  g_assert_false (sw_rulebook_find_busy (person, 6 * 60, 8 * 60) != NULL);
}

static void
test_committee (void)
{
  const char *names[] = { "id", "name", "position", NULL };
  const char *member_names[] = { "id", "person", "role", NULL };
  g_autoptr(SwCommittee) committee = sw_committee_new ("领导小组");
  g_autoptr(SwPerson) leader = sw_person_new ("王强", NULL);
  g_autoptr(SwPerson) outsider = sw_person_new ("李娜", NULL);
  g_autoptr(SwCommitteeMember) member = sw_committee_member_new (leader, SW_ROLE_LEADER);

  g_assert_cmpstr (sw_committee_get_name (committee), ==, "领导小组");
  check_list (G_OBJECT (committee), "members", SW_TYPE_COMMITTEE_MEMBER,
              sw_committee_get_members (committee));
  check_properties (G_OBJECT (committee), names, NULL);

  g_assert_true (sw_committee_member_get_person (member) == leader);
  g_assert_cmpint (sw_committee_member_get_role (member), ==, SW_ROLE_LEADER);
  check_properties (G_OBJECT (member), member_names, NULL);

  g_assert_null (sw_committee_find_member (committee, leader));
  g_list_store_append (G_LIST_STORE (sw_committee_get_members (committee)), member);
  g_assert_true (sw_committee_find_member (committee, leader) == member);
  g_assert_null (sw_committee_find_member (committee, outsider));
  g_assert_null (sw_committee_find_member (committee, NULL));
}

static void
test_duty (void)
{
  const char *names[] = { "id", "name", "count", "department", "position", "skills", NULL };
  g_autoptr(SwDepartment) department = sw_department_new ("直属供电所");
  g_autoptr(SwDuty) duty = sw_duty_new ("受理报装/咨询", 2, department);
  g_autoptr(SwDuty) zero = sw_duty_new (NULL, 0, NULL);
  GParamSpec *count_pspec;
  NotifyCounter counter = { "count", 0 };

  g_assert_cmpstr (sw_duty_get_name (duty), ==, "受理报装/咨询");
  g_assert_cmpuint (sw_duty_get_count (duty), ==, 2);
  g_assert_true (sw_duty_get_department (duty) == department);
  g_assert_cmpuint (sw_duty_get_count (zero), ==, 1);
  g_assert_cmpstr (sw_duty_get_name (zero), ==, "");

  count_pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (duty), "count");
  g_assert_cmpuint (G_PARAM_SPEC_UINT (count_pspec)->minimum, ==, 1);
  g_assert_cmpuint (G_PARAM_SPEC_UINT (count_pspec)->maximum, ==, 999);

  check_properties (G_OBJECT (duty), names, NULL);

  /* Out-of-range counts are clamped, never asserted on. */
  g_signal_connect (duty, "notify::count", G_CALLBACK (on_notify), &counter);
  sw_duty_set_count (duty, 0);
  g_assert_cmpuint (sw_duty_get_count (duty), ==, 1);
  g_assert_cmpuint (counter.count, ==, 1);
  sw_duty_set_count (duty, 5000);
  g_assert_cmpuint (sw_duty_get_count (duty), ==, 999);
  g_assert_cmpuint (counter.count, ==, 2);
  sw_duty_set_count (duty, 999);
  g_assert_cmpuint (counter.count, ==, 2);
}

static void
test_assignment (void)
{
  const char *names[] = { "id", "person", "duty", "note", "pinned", NULL };
  g_autoptr(SwPerson) person = sw_person_new ("赵敏", NULL);
  g_autoptr(SwDuty) duty = sw_duty_new ("现场抢修", 2, NULL);
  g_autoptr(SwAssignment) assignment = sw_assignment_new (person, duty);
  g_autoptr(SwAssignment) attendee = sw_assignment_new (person, NULL);

  g_assert_true (sw_assignment_get_person (assignment) == person);
  g_assert_true (sw_assignment_get_duty (assignment) == duty);
  g_assert_null (sw_assignment_get_duty (attendee));
  g_assert_cmpstr (sw_assignment_get_note (assignment), ==, "");
  g_assert_false (sw_assignment_get_pinned (assignment));

  check_properties (G_OBJECT (assignment), names, NULL);
}

static void
test_visit_target (void)
{
  const char *names[] = { "id", "name", "address", "contact", "phone", NULL };
  g_autoptr(SwVisitTarget) target = sw_visit_target_new ("某某钢铁有限公司");

  g_assert_cmpstr (sw_visit_target_get_name (target), ==, "某某钢铁有限公司");
  g_assert_cmpstr (sw_visit_target_get_address (target), ==, "");
  check_properties (G_OBJECT (target), names, NULL);
}

static void
test_slot_properties (void)
{
  const char *names[] = { "id", "uid", "sequence", "kind", "title", "start", "end",
                          "location", "description", NULL };
  g_autoptr(SwSlot) slot = sw_slot_new (SW_SLOT_KIND_SERVICE_DESK, "广场服务台", 600, 720);
  g_autoptr(SwSlot) other = sw_slot_new (SW_SLOT_KIND_SERVICE_DESK, "广场服务台", 600, 720);
  const char *uid = sw_slot_get_uid (slot);

  g_assert_cmpint (sw_slot_get_kind (slot), ==, SW_SLOT_KIND_SERVICE_DESK);
  g_assert_cmpstr (sw_slot_get_title (slot), ==, "广场服务台");
  g_assert_cmpint (sw_slot_get_start (slot), ==, 600);
  g_assert_cmpint (sw_slot_get_end (slot), ==, 720);
  g_assert_cmpint (sw_slot_get_sequence (slot), ==, 0);
  g_assert_true (g_uuid_string_is_valid (uid));
  /* Never derived from the fields. */
  g_assert_cmpstr (uid, !=, sw_slot_get_uid (other));

  check_list (G_OBJECT (slot), "organisers", SW_TYPE_DEPARTMENT, sw_slot_get_organisers (slot));
  check_list (G_OBJECT (slot), "duties", SW_TYPE_DUTY, sw_slot_get_duties (slot));
  check_list (G_OBJECT (slot), "assignments", SW_TYPE_ASSIGNMENT, sw_slot_get_assignments (slot));
  check_list (G_OBJECT (slot), "visit-targets", SW_TYPE_VISIT_TARGET,
              sw_slot_get_visit_targets (slot));
  check_properties (G_OBJECT (slot), names, NULL);
}

static SwSlot *
slot_at (gint64 start,
         gint64 end)
{
  return sw_slot_new (SW_SLOT_KIND_OTHER, "s", start, end);
}

static gboolean
slots_overlap (SwSlot *a,
               SwSlot *b)
{
  return sw_rulebook_spans_overlap (sw_slot_get_start (a), sw_slot_get_end (a),
                                    sw_slot_get_start (b), sw_slot_get_end (b));
}

static void
test_slot_overlaps (void)
{
  g_autoptr(SwSlot) a = slot_at (600, 720);
  g_autoptr(SwSlot) touching_after = slot_at (720, 800);
  g_autoptr(SwSlot) touching_before = slot_at (500, 600);
  g_autoptr(SwSlot) one_minute = slot_at (719, 720);
  g_autoptr(SwSlot) inside = slot_at (650, 660);
  g_autoptr(SwSlot) around = slot_at (0, 2000);
  g_autoptr(SwSlot) same = slot_at (600, 720);
  g_autoptr(SwSlot) partial = slot_at (700, 800);
  g_autoptr(SwSlot) later = slot_at (900, 1000);
  g_autoptr(SwSlot) empty = slot_at (650, 650);

  g_assert_false (slots_overlap (a, touching_after));
  g_assert_false (slots_overlap (touching_after, a));
  g_assert_false (slots_overlap (a, touching_before));
  g_assert_false (slots_overlap (touching_before, a));
  g_assert_false (slots_overlap (a, later));
  g_assert_false (slots_overlap (a, empty));
  g_assert_true (slots_overlap (a, one_minute));
  g_assert_true (slots_overlap (a, inside));
  g_assert_true (slots_overlap (inside, a));
  g_assert_true (slots_overlap (a, around));
  g_assert_true (slots_overlap (a, same));
  g_assert_true (slots_overlap (a, partial));
  g_assert_true (slots_overlap (partial, a));
}

static void
test_slot_duties (void)
{
  g_autoptr(SwSlot) slot = slot_at (600, 720);
  g_autoptr(SwDuty) desk = sw_duty_new ("受理报装/咨询", 2, NULL);
  g_autoptr(SwDuty) repair = sw_duty_new ("现场抢修", 2, NULL);
  g_autoptr(SwDuty) complaints = sw_duty_new ("受理举报投诉", 1, NULL);
  g_autoptr(SwDuty) foreign = sw_duty_new ("其他", 1, NULL);
  g_autoptr(SwPerson) p1 = sw_person_new ("甲", NULL);
  g_autoptr(SwPerson) p2 = sw_person_new ("乙", NULL);
  g_autoptr(SwPerson) p3 = sw_person_new ("丙", NULL);
  g_autoptr(SwPerson) p4 = sw_person_new ("丁", NULL);
  g_autoptr(SwPerson) p5 = sw_person_new ("戊", NULL);
  g_autoptr(SwPerson) nobody = sw_person_new ("己", NULL);
  GListStore *duties = G_LIST_STORE (sw_slot_get_duties (slot));
  GListStore *assignments = G_LIST_STORE (sw_slot_get_assignments (slot));
  SwPerson *order[] = { p1, p2, p3, p4, p5 };
  SwDuty *duty_of[] = { desk, desk, desk, repair, NULL };
  guint filled = 99, needed = 99;

  sw_slot_get_fill (slot, &filled, &needed);
  g_assert_cmpuint (filled, ==, 0);
  g_assert_cmpuint (needed, ==, 0);

  g_list_store_append (duties, desk);
  g_list_store_append (duties, repair);
  g_list_store_append (duties, complaints);

  g_assert_true (sw_slot_find_duty (slot, "现场抢修") == repair);
  g_assert_null (sw_slot_find_duty (slot, "nothing"));
  g_assert_null (sw_slot_find_duty (slot, NULL));

  sw_slot_get_fill (slot, &filled, &needed);
  g_assert_cmpuint (filled, ==, 0);
  g_assert_cmpuint (needed, ==, 5);

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      g_autoptr(SwAssignment) assignment = sw_assignment_new (order[i], duty_of[i]);

      g_list_store_append (assignments, assignment);
    }

  /* Three on a duty of two count as two; the attendee counts for nothing. */
  sw_slot_get_fill (slot, &filled, &needed);
  g_assert_cmpuint (filled, ==, 3);
  g_assert_cmpuint (needed, ==, 5);

  g_assert_cmpuint (sw_slot_count_duty (slot, desk), ==, 3);
  g_assert_cmpuint (sw_slot_count_duty (slot, repair), ==, 1);
  g_assert_cmpuint (sw_slot_count_duty (slot, complaints), ==, 0);
  g_assert_cmpuint (sw_slot_count_duty (slot, foreign), ==, 0);
  g_assert_cmpuint (sw_slot_count_duty (slot, NULL), ==, 1);

  {
    g_autoptr(GPtrArray) people = sw_slot_dup_duty_people (slot, desk);

    g_assert_cmpuint (people->len, ==, 3);
    g_assert_true (g_ptr_array_index (people, 0) == p1);
    g_assert_true (g_ptr_array_index (people, 1) == p2);
    g_assert_true (g_ptr_array_index (people, 2) == p3);
  }
  {
    g_autoptr(GPtrArray) people = sw_slot_dup_duty_people (slot, complaints);

    g_assert_cmpuint (people->len, ==, 0);
  }
  {
    g_autoptr(GPtrArray) people = sw_slot_dup_duty_people (slot, NULL);

    g_assert_cmpuint (people->len, ==, 1);
    g_assert_true (g_ptr_array_index (people, 0) == p5);
  }

  {
    SwAssignment *found = sw_slot_find_assignment (slot, p4);

    g_assert_nonnull (found);
    g_assert_true (sw_assignment_get_person (found) == p4);
    g_assert_true (sw_assignment_get_duty (found) == repair);
  }
  g_assert_null (sw_slot_find_assignment (slot, nobody));
  g_assert_null (sw_slot_find_assignment (slot, NULL));

  /* A full slot. */
  {
    g_autoptr(SwAssignment) second_repair = sw_assignment_new (nobody, repair);
    g_autoptr(SwPerson) extra = sw_person_new ("庚", NULL);
    g_autoptr(SwAssignment) complaint = sw_assignment_new (extra, complaints);

    g_list_store_append (assignments, second_repair);
    g_list_store_append (assignments, complaint);
    sw_slot_get_fill (slot, &filled, &needed);
    g_assert_cmpuint (filled, ==, 5);
    g_assert_cmpuint (needed, ==, 5);
  }

  /* A raised count shows in the fill at once. */
  sw_duty_set_count (complaints, 3);
  sw_slot_get_fill (slot, &filled, &needed);
  g_assert_cmpuint (filled, ==, 5);
  g_assert_cmpuint (needed, ==, 7);
}

static void
test_task (void)
{
  const char *names[] = { "id", "uid", "sequence", "title", "department", "person",
                          "due", "status", "slot", "notes", NULL };
  g_autoptr(SwTask) task = sw_task_new ("总结材料");
  g_autoptr(SwTask) other = sw_task_new ("总结材料");
  GParamSpec *due;

  g_assert_cmpstr (sw_task_get_title (task), ==, "总结材料");
  g_assert_cmpint (sw_task_get_due (task), ==, SW_TIME_UNSET);
  g_assert_cmpint (sw_task_get_status (task), ==, SW_TASK_STATUS_TODO);
  g_assert_null (sw_task_get_department (task));
  g_assert_null (sw_task_get_person (task));
  g_assert_null (sw_task_get_slot (task));
  g_assert_true (g_uuid_string_is_valid (sw_task_get_uid (task)));
  g_assert_cmpstr (sw_task_get_uid (task), !=, sw_task_get_uid (other));

  due = g_object_class_find_property (G_OBJECT_GET_CLASS (task), "due");
  g_assert_cmpint (G_PARAM_SPEC_INT64 (due)->default_value, ==, SW_TIME_UNSET);
  g_assert_cmpint (G_PARAM_SPEC_INT64 (due)->minimum, ==, G_MININT64);
  g_assert_cmpint (G_PARAM_SPEC_INT64 (due)->maximum, ==, G_MAXINT64);

  check_properties (G_OBJECT (task), names, NULL);

  sw_task_set_due (task, 12345);
  sw_task_set_due (task, SW_TIME_UNSET);
  g_assert_cmpint (sw_task_get_due (task), ==, SW_TIME_UNSET);
}

static void
test_plan_properties (void)
{
  const char *names[] = { "id", "title", "theme", "organiser", "first-day", "last-day",
                          "time-zone", "hotline", "description", "travel-buffer",
                          "max-hours-per-day", "max-duties", "name-order", NULL };
  const char *keeps_default[] = { "time-zone", NULL };
  g_autoptr(SwPlan) plan = sw_plan_new ("诚信工程优质服务宣传周", 20716, 20722, NULL);
  g_autoptr(SwPlan) berlin = sw_plan_new (NULL, 1, 2, "Europe/Berlin");
  GParamSpec *buffer;
  NotifyCounter counter = { "time-zone", 0 };

  g_assert_cmpstr (sw_plan_get_title (plan), ==, "诚信工程优质服务宣传周");
  g_assert_cmpint (sw_plan_get_first_day (plan), ==, 20716);
  g_assert_cmpint (sw_plan_get_last_day (plan), ==, 20722);
  g_assert_cmpstr (sw_plan_get_time_zone (plan), ==, "Asia/Shanghai");
  g_assert_cmpstr (sw_plan_get_time_zone (berlin), ==, "Europe/Berlin");
  g_assert_cmpstr (sw_plan_get_title (berlin), ==, "");
  g_assert_cmpint (sw_plan_get_travel_buffer (plan), ==, 0);

  buffer = g_object_class_find_property (G_OBJECT_GET_CLASS (plan), "travel-buffer");
  g_assert_cmpint (G_PARAM_SPEC_INT (buffer)->minimum, ==, 0);
  g_assert_cmpint (G_PARAM_SPEC_INT (buffer)->maximum, ==, 1440);

  check_list (G_OBJECT (plan), "committees", SW_TYPE_COMMITTEE, sw_plan_get_committees (plan));
  check_list (G_OBJECT (plan), "slots", SW_TYPE_SLOT, sw_plan_get_slots (plan));
  check_list (G_OBJECT (plan), "tasks", SW_TYPE_TASK, sw_plan_get_tasks (plan));
  check_properties (G_OBJECT (plan), names, keeps_default);

  /* A plan always has a zone. */
  g_signal_connect (berlin, "notify::time-zone", G_CALLBACK (on_notify), &counter);
  sw_plan_set_time_zone (berlin, NULL);
  g_assert_cmpstr (sw_plan_get_time_zone (berlin), ==, "Asia/Shanghai");
  g_assert_cmpuint (counter.count, ==, 1);
  sw_plan_set_time_zone (berlin, "");
  g_assert_cmpuint (counter.count, ==, 1);

  /* Names in roster order until the plan says otherwise. */
  g_assert_cmpint (sw_plan_get_name_order (plan), ==, SW_NAME_ORDER_ROSTER);
  sw_plan_set_name_order (plan, SW_NAME_ORDER_STROKE);
  g_assert_cmpint (sw_plan_get_name_order (plan), ==, SW_NAME_ORDER_STROKE);

  sw_plan_set_travel_buffer (plan, -10);
  g_assert_cmpint (sw_plan_get_travel_buffer (plan), ==, 0);
  sw_plan_set_travel_buffer (plan, 100000);
  g_assert_cmpint (sw_plan_get_travel_buffer (plan), ==, 1440);
}

/* Every day of a short plan once, and the days slots start on outside
 * it; of a long plan, only the days with slots. */
static void
test_plan_days (void)
{
  g_autoptr(SwPlan) plan = sw_plan_new ("周", 10, 12, "Asia/Shanghai");
  GListStore *slots = G_LIST_STORE (sw_plan_get_slots (plan));
  g_autoptr(SwSlot) after = sw_slot_new (SW_SLOT_KIND_OTHER, "总结", sw_time_from_day (15) + 600,
                                         sw_time_from_day (15) + 660);
  g_autoptr(SwSlot) inside = sw_slot_new (SW_SLOT_KIND_VISIT, "走访", sw_time_from_day (11) + 540,
                                          sw_time_from_day (11) + 600);
  g_autoptr(SwSlot) inside_too = sw_slot_new (SW_SLOT_KIND_VISIT, "走访", sw_time_from_day (11) + 900,
                                              sw_time_from_day (11) + 960);
  g_autoptr(SwSlot) before = sw_slot_new (SW_SLOT_KIND_MOBILISATION, "动员", sw_time_from_day (8),
                                          sw_time_from_day (8) + 60);
  g_autoptr(GArray) all = NULL;
  g_autoptr(GArray) with_slots = NULL;
  const int expected_all[] = { 8, 10, 11, 12, 15 };
  const int expected_with_slots[] = { 8, 11, 15 };

  g_list_store_append (slots, after);
  g_list_store_append (slots, inside);
  g_list_store_append (slots, before);
  g_list_store_append (slots, inside_too);

  all = sw_plan_dup_days (plan, 3);
  g_assert_cmpmem (all->data, all->len * sizeof (int), expected_all, sizeof expected_all);
  with_slots = sw_plan_dup_days (plan, 2);
  g_assert_cmpmem (with_slots->data, with_slots->len * sizeof (int),
                   expected_with_slots, sizeof expected_with_slots);
}

static void
test_plan_slots (void)
{
  g_autoptr(SwPlan) plan = sw_plan_new ("周", 0, 6, "Asia/Shanghai");
  GListStore *slots = G_LIST_STORE (sw_plan_get_slots (plan));
  g_autoptr(SwSlot) late = sw_slot_new (SW_SLOT_KIND_VISIT, "走访", 900, 1000);
  g_autoptr(SwSlot) early = sw_slot_new (SW_SLOT_KIND_MOBILISATION, "动员大会", 600, 700);
  g_autoptr(SwSlot) early_long = sw_slot_new (SW_SLOT_KIND_FORUM, "座谈会", 600, 800);
  g_autoptr(SwSlot) early_b = sw_slot_new (SW_SLOT_KIND_OTHER, "B", 600, 700);
  g_autoptr(SwSlot) early_a = sw_slot_new (SW_SLOT_KIND_OTHER, "A", 600, 700);
  g_autoptr(GPtrArray) sorted = NULL;

  g_list_store_append (slots, late);
  g_list_store_append (slots, early_long);
  g_list_store_append (slots, early);
  g_list_store_append (slots, early_b);
  g_list_store_append (slots, early_a);

  /* Insertion order is kept in the list. */
  {
    g_autoptr(SwSlot) first = g_list_model_get_item (G_LIST_MODEL (slots), 0);
    g_assert_true (first == late);
  }

  sorted = sw_plan_dup_sorted_slots (plan);
  g_assert_cmpuint (sorted->len, ==, 5);
  g_assert_true (g_ptr_array_index (sorted, 0) == early_a);
  g_assert_true (g_ptr_array_index (sorted, 1) == early_b);
  /* "动员大会" sorts after ASCII titles in byte order. */
  g_assert_true (g_ptr_array_index (sorted, 2) == early);
  g_assert_true (g_ptr_array_index (sorted, 3) == early_long);
  g_assert_true (g_ptr_array_index (sorted, 4) == late);

  g_assert_true (sw_plan_find_slot_by_uid (plan, sw_slot_get_uid (early)) == early);
  g_assert_null (sw_plan_find_slot_by_uid (plan, "no-such-uid"));
  g_assert_null (sw_plan_find_slot_by_uid (plan, ""));
  g_assert_null (sw_plan_find_slot_by_uid (plan, NULL));
}

static void
test_problem (void)
{
  g_autoptr(SwSlot) slot = slot_at (0, 60);
  g_autoptr(SwSlot) other = slot_at (30, 90);
  g_autoptr(SwPerson) person = sw_person_new ("甲", NULL);
  g_autoptr(SwProblem) problem = sw_problem_new (SW_PROBLEM_DOUBLE_BOOKING, "msg",
                                                 slot, other, NULL, person, NULL, "s");
  g_autoptr(SwProblem) empty = sw_problem_new (SW_PROBLEM_OVERDUE_TASK, NULL,
                                               NULL, NULL, NULL, NULL, NULL, NULL);
  g_autoptr(SwSlot) via_property = NULL;
  SwProblemKind kind;

  g_assert_cmpint (sw_problem_get_kind (problem), ==, SW_PROBLEM_DOUBLE_BOOKING);
  g_assert_cmpstr (sw_problem_get_message (problem), ==, "msg");
  g_assert_true (sw_problem_get_slot (problem) == slot);
  g_assert_true (sw_problem_get_other_slot (problem) == other);
  g_assert_true (sw_problem_get_person (problem) == person);
  g_assert_null (sw_problem_get_duty (problem));
  g_assert_null (sw_problem_get_task (problem));
  g_assert_cmpstr (sw_problem_get_message (empty), ==, "");
  g_assert_null (sw_problem_get_slot (empty));

  g_object_get (problem, "other-slot", &via_property, "kind", &kind, NULL);
  g_assert_true (via_property == other);
  g_assert_cmpint (kind, ==, SW_PROBLEM_DOUBLE_BOOKING);
}

/* ---- enums -------------------------------------------------------------- */

static void
check_nicks (GType              type,
             const char *const *nicks)
{
  GEnumClass *klass = g_type_class_ref (type);
  guint n = g_strv_length ((char **) nicks);

  g_assert_cmpuint (klass->n_values, ==, n);
  for (guint i = 0; i < n; i++)
    {
      int value = -1;

      g_assert_cmpstr (sw_enum_to_nick (type, (int) i), ==, nicks[i]);
      g_assert_true (sw_enum_from_nick (type, nicks[i], &value));
      g_assert_cmpint (value, ==, (int) i);
    }
  g_assert_null (sw_enum_to_nick (type, (int) n));
  g_assert_null (sw_enum_to_nick (type, -1));

  g_type_class_unref (klass);
}

static void
test_enums (void)
{
  const char *kinds[] = { "mobilisation", "visit", "forum", "service-desk", "on-site",
                          "publicity", "meeting", "other", NULL };
  const char *roles[] = { "leader", "deputy", "member", "office-director", NULL };
  const char *statuses[] = { "todo", "doing", "done", NULL };
  const char *problems[] = { "unfilled-duty", "double-booking", "travel-time", "unavailable",
                             "wrong-department", "missing-skill", "too-many-hours",
                             "too-many-duties", "overdue-task", "outside-plan", NULL };
  int value = 42;

  check_nicks (SW_TYPE_SLOT_KIND, kinds);
  check_nicks (SW_TYPE_ROLE, roles);
  check_nicks (SW_TYPE_TASK_STATUS, statuses);
  check_nicks (SW_TYPE_PROBLEM_KIND, problems);
  g_assert_cmpint (SW_N_SLOT_KINDS, ==, 8);

  g_assert_false (sw_enum_from_nick (SW_TYPE_SLOT_KIND, "Service-Desk", &value));
  g_assert_false (sw_enum_from_nick (SW_TYPE_SLOT_KIND, "service_desk", &value));
  g_assert_false (sw_enum_from_nick (SW_TYPE_ROLE, "", &value));
  g_assert_false (sw_enum_from_nick (SW_TYPE_ROLE, NULL, &value));
  g_assert_false (sw_enum_from_nick (SW_TYPE_TASK_STATUS, "leader", &value));
  g_assert_cmpint (value, ==, 42);

  /* LANGUAGE=en in the test environment: the English source strings. */
  g_assert_cmpstr (sw_slot_kind_get_label (SW_SLOT_KIND_MOBILISATION), ==, "Mobilisation meeting");
  g_assert_cmpstr (sw_slot_kind_get_label (SW_SLOT_KIND_SERVICE_DESK), ==, "Service desk");
  g_assert_cmpstr (sw_slot_kind_get_label (SW_SLOT_KIND_ON_SITE), ==, "On-site service");
  g_assert_cmpstr (sw_role_get_label (SW_ROLE_DEPUTY), ==, "Deputy leader");
  g_assert_cmpstr (sw_role_get_label (SW_ROLE_OFFICE_DIRECTOR), ==, "Office director");
  g_assert_cmpstr (sw_task_status_get_label (SW_TASK_STATUS_TODO), ==, "To do");
  g_assert_cmpstr (sw_task_status_get_label (SW_TASK_STATUS_DOING), ==, "In progress");
  g_assert_cmpstr (sw_task_status_get_label (SW_TASK_STATUS_DONE), ==, "Done");

  /* Every kind has its own label and its own "#rrggbb" colour. */
  for (int i = 0; i < SW_N_SLOT_KINDS; i++)
    {
      const char *color = sw_slot_kind_get_color (i);

      g_assert_cmpuint (strlen (color), ==, 7);
      g_assert_cmpint (color[0], ==, '#');
      for (int k = 1; k < 7; k++)
        g_assert_true (g_ascii_isxdigit (color[k]));
      g_assert_cmpstr (sw_slot_kind_get_label (i), !=, "");

      for (int j = 0; j < i; j++)
        {
          g_assert_cmpstr (sw_slot_kind_get_color (j), !=, color);
          g_assert_cmpstr (sw_slot_kind_get_label (j), !=, sw_slot_kind_get_label (i));
        }
    }
}

/* ---- organisation ------------------------------------------------------- */

static void
test_organisation (void)
{
  g_autoptr(SwOrganisation) org = sw_organisation_new ();
  g_autoptr(SwDepartment) office = sw_department_new ("党群办");
  g_autoptr(SwDepartment) audit = sw_department_new ("稽审科");
  g_autoptr(SwDepartment) empty = sw_department_new ("保卫科");
  g_autoptr(SwPerson) wang_office = sw_person_new ("王芳", office);
  g_autoptr(SwPerson) wang_audit = sw_person_new ("王芳", audit);
  g_autoptr(SwPerson) li = sw_person_new ("李明", audit);
  g_autoptr(SwPerson) nobody_dept = sw_person_new ("周杰", NULL);
  g_autoptr(SwPlan) plan = sw_plan_new ("周", 0, 6, NULL);
  g_autoptr(SwPlan) other_plan = sw_plan_new ("月", 0, 30, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SwUndoStack) stack = NULL;
  GListStore *departments;
  GListStore *people;
  SwPerson *found;

  check_list (G_OBJECT (org), "departments", SW_TYPE_DEPARTMENT,
              sw_organisation_get_departments (org));
  check_list (G_OBJECT (org), "people", SW_TYPE_PERSON, sw_organisation_get_people (org));
  check_list (G_OBJECT (org), "plans", SW_TYPE_PLAN, sw_organisation_get_plans (org));
  g_assert_true (SW_IS_UNDO_STACK (sw_organisation_get_undo_stack (org)));
  g_object_get (org, "undo-stack", &stack, NULL);
  g_assert_true (stack == sw_organisation_get_undo_stack (org));

  departments = G_LIST_STORE (sw_organisation_get_departments (org));
  people = G_LIST_STORE (sw_organisation_get_people (org));

  /* The list keeps the order it is given. */
  sw_department_set_position (office, 5);
  sw_department_set_position (audit, 1);
  g_list_store_append (departments, office);
  g_list_store_append (departments, audit);
  g_list_store_append (departments, empty);
  {
    g_autoptr(SwDepartment) first = g_list_model_get_item (G_LIST_MODEL (departments), 0);
    g_assert_true (first == office);
  }

  g_list_store_append (people, wang_office);
  g_list_store_append (people, li);
  g_list_store_append (people, wang_audit);
  g_list_store_append (people, nobody_dept);

  g_assert_true (sw_organisation_find_department (org, "稽审科") == audit);
  g_assert_null (sw_organisation_find_department (org, "安监科"));
  g_assert_null (sw_organisation_find_department (org, NULL));

  found = sw_organisation_find_person (org, "李明", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (found == li);

  found = sw_organisation_find_person (org, "王芳", NULL, &error);
  g_assert_error (error, SW_CORE_ERROR, SW_CORE_ERROR_AMBIGUOUS);
  g_assert_null (found);
  g_assert_nonnull (strstr (error->message, "王芳"));
  g_clear_error (&error);

  found = sw_organisation_find_person (org, "王芳", audit, &error);
  g_assert_no_error (error);
  g_assert_true (found == wang_audit);
  found = sw_organisation_find_person (org, "王芳", office, &error);
  g_assert_no_error (error);
  g_assert_true (found == wang_office);

  found = sw_organisation_find_person (org, "李明", office, &error);
  g_assert_no_error (error);
  g_assert_null (found);
  found = sw_organisation_find_person (org, "nobody", NULL, &error);
  g_assert_no_error (error);
  g_assert_null (found);
  found = sw_organisation_find_person (org, "王芳", empty, NULL);
  g_assert_null (found);

  {
    g_autoptr(GPtrArray) in_audit = sw_organisation_dup_department_people (org, audit);
    g_autoptr(GPtrArray) in_empty = sw_organisation_dup_department_people (org, empty);
    g_autoptr(GPtrArray) without = sw_organisation_dup_department_people (org, NULL);

    g_assert_cmpuint (in_audit->len, ==, 2);
    g_assert_true (g_ptr_array_index (in_audit, 0) == li);
    g_assert_true (g_ptr_array_index (in_audit, 1) == wang_audit);
    g_assert_cmpuint (in_empty->len, ==, 0);
    g_assert_cmpuint (without->len, ==, 1);
    g_assert_true (g_ptr_array_index (without, 0) == nobody_dept);
  }

  sw_plan_set_id (plan, 7);
  sw_plan_set_id (other_plan, 9);
  g_list_store_append (G_LIST_STORE (sw_organisation_get_plans (org)), plan);
  g_list_store_append (G_LIST_STORE (sw_organisation_get_plans (org)), other_plan);
  g_assert_true (sw_organisation_find_plan (org, 9) == other_plan);
  g_assert_true (sw_organisation_find_plan (org, 7) == plan);
  g_assert_null (sw_organisation_find_plan (org, 8));
}

/* Entities die with their last reference: no cycles between them. */
static void
test_no_reference_cycles (void)
{
  SwPlan *plan = sw_plan_new ("周", 0, 6, NULL);
  SwDepartment *department = sw_department_new ("用电科");
  SwPerson *person = sw_person_new ("甲", department);
  SwSlot *slot = sw_slot_new (SW_SLOT_KIND_SERVICE_DESK, "服务台", 0, 60);
  SwDuty *duty = sw_duty_new ("发放资料", 1, department);
  SwAssignment *assignment = sw_assignment_new (person, duty);
  SwTask *task = sw_task_new ("宣传报道");
  gpointer weak_plan = plan, weak_slot = slot, weak_person = person;

  g_object_add_weak_pointer (G_OBJECT (plan), &weak_plan);
  g_object_add_weak_pointer (G_OBJECT (slot), &weak_slot);
  g_object_add_weak_pointer (G_OBJECT (person), &weak_person);

  g_list_store_append (G_LIST_STORE (sw_slot_get_duties (slot)), duty);
  g_list_store_append (G_LIST_STORE (sw_slot_get_assignments (slot)), assignment);
  g_list_store_append (G_LIST_STORE (sw_slot_get_organisers (slot)), department);
  g_list_store_append (G_LIST_STORE (sw_plan_get_slots (plan)), slot);
  sw_task_set_slot (task, slot);
  sw_task_set_person (task, person);
  g_list_store_append (G_LIST_STORE (sw_plan_get_tasks (plan)), task);

  g_object_unref (task);
  g_object_unref (assignment);
  g_object_unref (duty);
  g_object_unref (slot);
  g_object_unref (person);
  g_object_unref (department);
  g_assert_nonnull (weak_slot);

  g_object_unref (plan);
  g_assert_null (weak_plan);
  g_assert_null (weak_slot);
  g_assert_null (weak_person);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/entities/department", test_department);
  g_test_add_func ("/entities/unavailability", test_unavailability);
  g_test_add_func ("/entities/person", test_person);
  g_test_add_func ("/entities/committee", test_committee);
  g_test_add_func ("/entities/duty", test_duty);
  g_test_add_func ("/entities/assignment", test_assignment);
  g_test_add_func ("/entities/visit-target", test_visit_target);
  g_test_add_func ("/entities/slot/properties", test_slot_properties);
  g_test_add_func ("/entities/slot/overlaps", test_slot_overlaps);
  g_test_add_func ("/entities/slot/duties", test_slot_duties);
  g_test_add_func ("/entities/task", test_task);
  g_test_add_func ("/entities/plan/properties", test_plan_properties);
  g_test_add_func ("/entities/plan/slots", test_plan_slots);
  g_test_add_func ("/entities/plan/days", test_plan_days);
  g_test_add_func ("/entities/problem", test_problem);
  g_test_add_func ("/entities/enums", test_enums);
  g_test_add_func ("/entities/organisation", test_organisation);
  g_test_add_func ("/entities/no-reference-cycles", test_no_reference_cycles);

  return g_test_run ();
}
