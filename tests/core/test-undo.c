/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gio/gio.h>

#include "sw-command-group.h"
#include "sw-error.h"
#include "sw-list-command.h"
#include "sw-property-command.h"
#include "sw-undo-stack.h"

/* A small model object with the property shapes the entities use: a
 * string, a ranged int, an object reference and a list. */
#define TEST_TYPE_THING (test_thing_get_type ())
G_DECLARE_FINAL_TYPE (TestThing, test_thing, TEST, THING, GObject)

struct _TestThing
{
  GObject     parent_instance;
  char       *name;
  int         count;
  TestThing  *other;
  GListStore *items;
};

G_DEFINE_FINAL_TYPE (TestThing, test_thing, G_TYPE_OBJECT)

enum { PROP_0, PROP_NAME, PROP_COUNT, PROP_OTHER, PROP_ITEMS, N_PROPS };
static GParamSpec *thing_props[N_PROPS];

static void
test_thing_finalize (GObject *object)
{
  TestThing *self = TEST_THING (object);

  g_free (self->name);
  g_clear_object (&self->other);
  g_clear_object (&self->items);
  G_OBJECT_CLASS (test_thing_parent_class)->finalize (object);
}

static void
test_thing_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  TestThing *self = TEST_THING (object);

  switch (prop_id)
    {
    case PROP_NAME: g_value_set_string (value, self->name); break;
    case PROP_COUNT: g_value_set_int (value, self->count); break;
    case PROP_OTHER: g_value_set_object (value, self->other); break;
    case PROP_ITEMS: g_value_set_object (value, self->items); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
test_thing_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  TestThing *self = TEST_THING (object);

  switch (prop_id)
    {
    case PROP_NAME:
      {
        const char *name = g_value_get_string (value);
        if (name == NULL)
          name = "";
        if (g_strcmp0 (name, self->name) != 0)
          {
            g_free (self->name);
            self->name = g_strdup (name);
            g_object_notify_by_pspec (object, pspec);
          }
      }
      break;
    case PROP_COUNT:
      if (self->count != g_value_get_int (value))
        {
          self->count = g_value_get_int (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_OTHER:
      if (g_set_object (&self->other, g_value_get_object (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
test_thing_class_init (TestThingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = test_thing_finalize;
  object_class->get_property = test_thing_get_property;
  object_class->set_property = test_thing_set_property;

  thing_props[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  thing_props[PROP_COUNT] =
    g_param_spec_int ("count", NULL, NULL, 0, 10, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  thing_props[PROP_OTHER] =
    g_param_spec_object ("other", NULL, NULL, TEST_TYPE_THING,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  thing_props[PROP_ITEMS] =
    g_param_spec_object ("items", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, thing_props);
}

static void
test_thing_init (TestThing *self)
{
  self->name = g_strdup ("");
  self->items = g_list_store_new (TEST_TYPE_THING);
}

static TestThing *
thing_new (const char *name)
{
  TestThing *self = g_object_new (TEST_TYPE_THING, NULL);

  g_free (self->name);
  self->name = g_strdup (name);
  return self;
}

static void
append_things (TestThing *owner, guint n)
{
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("t%u", i);
      g_autoptr(TestThing) t = thing_new (name);
      g_list_store_append (owner->items, t);
    }
}

/* The names of the items, joined by commas, to compare whole lists. */
static char *
items_string (TestThing *owner)
{
  GString *s = g_string_new (NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (owner->items));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TestThing) t = g_list_model_get_item (G_LIST_MODEL (owner->items), i);
      if (i > 0)
        g_string_append_c (s, ',');
      g_string_append (s, t->name);
    }
  return g_string_free (s, FALSE);
}

#define assert_items(owner, expected) \
  G_STMT_START { \
    g_autofree char *__s = items_string (owner); \
    g_assert_cmpstr (__s, ==, expected); \
  } G_STMT_END

/* A commit function that records its calls and can be told to fail, like
 * the store would when the disk is full. */
typedef struct
{
  gboolean  fail;
  guint     calls;
  gboolean  last_reverting;
  SwCommand *last_command;
} Committer;

static gboolean
committer_commit (SwCommand *command, gboolean reverting, gpointer user_data, GError **error)
{
  Committer *c = user_data;

  c->calls++;
  c->last_reverting = reverting;
  c->last_command = command;

  if (c->fail)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE, "disk full");
      return FALSE;
    }
  return TRUE;
}

typedef struct
{
  guint     count;
  SwCommand *command;
  gboolean  reverting;
} ChangedLog;

static void
on_changed (SwUndoStack *stack, SwCommand *command, gboolean reverting, ChangedLog *log)
{
  log->count++;
  log->command = command;
  log->reverting = reverting;
}

static void
count_notify (GObject *object, GParamSpec *pspec, guint *count)
{
  (*count)++;
}

static SwCommand *
set_name_command (TestThing *t, const char *name)
{
  g_auto(GValue) v = G_VALUE_INIT;

  g_value_init (&v, G_TYPE_STRING);
  g_value_set_string (&v, name);
  return sw_property_command_new (G_OBJECT (t), "name", &v);
}

static void
test_property_command (void)
{
  g_autoptr(TestThing) t = thing_new ("old");
  g_autoptr(TestThing) o = thing_new ("o");
  g_autoptr(SwCommand) cmd = NULL;
  g_autoptr(SwCommand) ocmd = NULL;
  g_auto(GValue) v = G_VALUE_INIT;

  cmd = set_name_command (t, "new");
  g_assert_true (SW_IS_PROPERTY_COMMAND (cmd));
  g_assert_true (sw_property_command_get_object (SW_PROPERTY_COMMAND (cmd)) == G_OBJECT (t));
  g_assert_cmpstr (sw_property_command_get_property (SW_PROPERTY_COMMAND (cmd)), ==, "name");
  /* Nothing happens before apply. */
  g_assert_cmpstr (t->name, ==, "old");

  sw_command_apply (cmd);
  g_assert_cmpstr (t->name, ==, "new");
  sw_command_revert (cmd);
  g_assert_cmpstr (t->name, ==, "old");
  sw_command_apply (cmd);
  g_assert_cmpstr (t->name, ==, "new");

  /* Object property given as a plain G_TYPE_OBJECT value. */
  g_value_init (&v, G_TYPE_OBJECT);
  g_value_set_object (&v, o);
  ocmd = sw_property_command_new (G_OBJECT (t), "other", &v);
  g_assert_nonnull (ocmd);
  sw_command_apply (ocmd);
  g_assert_true (t->other == o);
  sw_command_revert (ocmd);
  g_assert_null (t->other);

  sw_command_set_label (cmd, "Rename");
  g_assert_cmpstr (sw_command_get_label (cmd), ==, "Rename");
  sw_command_set_label (cmd, NULL);
  g_assert_cmpstr (sw_command_get_label (cmd), ==, "");
}

static void
test_list_command (void)
{
  g_autoptr(TestThing) owner = thing_new ("owner");
  g_autoptr(TestThing) x = thing_new ("x");
  g_autoptr(TestThing) y = thing_new ("y");
  g_autoptr(SwCommand) ins = NULL;
  g_autoptr(SwCommand) app = NULL;
  g_autoptr(SwCommand) rem = NULL;

  append_things (owner, 3);

  ins = sw_list_command_new_insert (G_OBJECT (owner), "items", x, 1);
  g_assert_true (SW_IS_LIST_COMMAND (ins));
  g_assert_true (sw_list_command_get_owner (SW_LIST_COMMAND (ins)) == G_OBJECT (owner));
  g_assert_cmpstr (sw_list_command_get_list (SW_LIST_COMMAND (ins)), ==, "items");
  g_assert_true (sw_list_command_get_item (SW_LIST_COMMAND (ins)) == G_OBJECT (x));
  g_assert_true (sw_list_command_adds_item (SW_LIST_COMMAND (ins), FALSE));
  g_assert_false (sw_list_command_adds_item (SW_LIST_COMMAND (ins), TRUE));

  sw_command_apply (ins);
  assert_items (owner, "t0,x,t1,t2");
  sw_command_revert (ins);
  assert_items (owner, "t0,t1,t2");

  app = sw_list_command_new_insert (G_OBJECT (owner), "items", y, G_MAXUINT);
  sw_command_apply (app);
  assert_items (owner, "t0,t1,t2,y");

  rem = sw_list_command_new_remove (G_OBJECT (owner), "items", y);
  g_assert_false (sw_list_command_adds_item (SW_LIST_COMMAND (rem), FALSE));
  g_assert_true (sw_list_command_adds_item (SW_LIST_COMMAND (rem), TRUE));
  /* The position is taken when the command is applied, not created. */
  sw_command_revert (app);
  sw_command_apply (ins);
  g_list_store_insert (owner->items, 0, y);
  assert_items (owner, "y,t0,x,t1,t2");
  sw_command_apply (rem);
  assert_items (owner, "t0,x,t1,t2");
  sw_command_revert (rem);
  assert_items (owner, "y,t0,x,t1,t2");
}

static void
test_command_group (void)
{
  g_autoptr(TestThing) owner = thing_new ("a");
  g_autoptr(TestThing) x = thing_new ("x");
  g_autoptr(SwCommand) group = sw_command_group_new ("Both");
  SwCommandGroup *g = SW_COMMAND_GROUP (group);

  g_assert_cmpstr (sw_command_get_label (group), ==, "Both");
  g_assert_cmpuint (sw_command_group_get_size (g), ==, 0);

  sw_command_group_add (g, sw_list_command_new_insert (G_OBJECT (owner), "items", x, G_MAXUINT));
  /* The second command depends on the first: removing x needs it in. */
  sw_command_group_add (g, sw_list_command_new_remove (G_OBJECT (owner), "items", x));
  sw_command_group_add (g, set_name_command (owner, "b"));
  g_assert_cmpuint (sw_command_group_get_size (g), ==, 3);
  g_assert_true (SW_IS_PROPERTY_COMMAND (sw_command_group_get_child (g, 2)));

  sw_command_apply (group);
  assert_items (owner, "");
  g_assert_cmpstr (owner->name, ==, "b");
  sw_command_revert (group);
  assert_items (owner, "");
  g_assert_cmpstr (owner->name, ==, "a");
}

static void
test_stack_push_undo_redo (void)
{
  g_autoptr(SwUndoStack) stack = sw_undo_stack_new ();
  g_autoptr(TestThing) t = thing_new ("a");
  g_autoptr(GError) error = NULL;
  Committer c = { 0 };
  ChangedLog log = { 0 };
  guint n_can_undo = 0, n_can_redo = 0, n_undo_label = 0, n_redo_label = 0;
  SwCommand *cmd;

  sw_undo_stack_set_commit_func (stack, committer_commit, &c, NULL);
  g_signal_connect (stack, "changed", G_CALLBACK (on_changed), &log);
  g_signal_connect (stack, "notify::can-undo", G_CALLBACK (count_notify), &n_can_undo);
  g_signal_connect (stack, "notify::can-redo", G_CALLBACK (count_notify), &n_can_redo);
  g_signal_connect (stack, "notify::undo-label", G_CALLBACK (count_notify), &n_undo_label);
  g_signal_connect (stack, "notify::redo-label", G_CALLBACK (count_notify), &n_redo_label);

  g_assert_false (sw_undo_stack_get_can_undo (stack));
  g_assert_false (sw_undo_stack_get_can_redo (stack));
  g_assert_cmpstr (sw_undo_stack_get_undo_label (stack), ==, "");

  g_assert_false (sw_undo_stack_undo (stack, &error));
  g_assert_error (error, SW_CORE_ERROR, SW_CORE_ERROR_NOTHING_TO_DO);
  g_clear_error (&error);
  g_assert_false (sw_undo_stack_redo (stack, &error));
  g_assert_error (error, SW_CORE_ERROR, SW_CORE_ERROR_NOTHING_TO_DO);
  g_clear_error (&error);

  cmd = set_name_command (t, "b");
  sw_command_set_label (cmd, "Rename");
  g_assert_true (sw_undo_stack_push (stack, cmd, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (t->name, ==, "b");
  g_assert_cmpuint (c.calls, ==, 1);
  g_assert_false (c.last_reverting);
  g_assert_true (c.last_command == cmd);
  g_assert_cmpuint (log.count, ==, 1);
  g_assert_true (log.command == cmd);
  g_assert_false (log.reverting);
  g_assert_true (sw_undo_stack_get_can_undo (stack));
  g_assert_cmpstr (sw_undo_stack_get_undo_label (stack), ==, "Rename");
  g_assert_cmpuint (n_can_undo, ==, 1);
  g_assert_cmpuint (n_undo_label, ==, 1);
  g_assert_cmpuint (n_can_redo, ==, 0);

  g_assert_true (sw_undo_stack_undo (stack, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (t->name, ==, "a");
  g_assert_cmpuint (c.calls, ==, 2);
  g_assert_true (c.last_reverting);
  g_assert_cmpuint (log.count, ==, 2);
  g_assert_true (log.reverting);
  g_assert_false (sw_undo_stack_get_can_undo (stack));
  g_assert_true (sw_undo_stack_get_can_redo (stack));
  g_assert_cmpstr (sw_undo_stack_get_redo_label (stack), ==, "Rename");
  g_assert_cmpstr (sw_undo_stack_get_undo_label (stack), ==, "");
  g_assert_cmpuint (n_can_undo, ==, 2);
  g_assert_cmpuint (n_can_redo, ==, 1);
  g_assert_cmpuint (n_redo_label, ==, 1);

  g_assert_true (sw_undo_stack_redo (stack, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (t->name, ==, "b");
  g_assert_false (c.last_reverting);
  g_assert_cmpuint (log.count, ==, 3);
  g_assert_false (log.reverting);
  g_assert_true (sw_undo_stack_get_can_undo (stack));
  g_assert_false (sw_undo_stack_get_can_redo (stack));
  g_assert_cmpuint (n_can_redo, ==, 2);

  /* Pushing after an undo drops the redo list. */
  g_assert_true (sw_undo_stack_undo (stack, NULL));
  g_assert_true (sw_undo_stack_get_can_redo (stack));
  g_assert_true (sw_undo_stack_push (stack, set_name_command (t, "c"), NULL));
  g_assert_false (sw_undo_stack_get_can_redo (stack));
  g_assert_cmpstr (sw_undo_stack_get_redo_label (stack), ==, "");
  g_assert_false (sw_undo_stack_redo (stack, &error));
  g_assert_error (error, SW_CORE_ERROR, SW_CORE_ERROR_NOTHING_TO_DO);
  g_clear_error (&error);
  g_assert_cmpstr (t->name, ==, "c");
  g_assert_true (sw_undo_stack_undo (stack, NULL));
  g_assert_cmpstr (t->name, ==, "a");
  g_assert_false (sw_undo_stack_get_can_undo (stack));

  /* Clear forgets the history but keeps the model. */
  g_assert_true (sw_undo_stack_redo (stack, NULL));
  sw_undo_stack_clear (stack);
  g_assert_false (sw_undo_stack_get_can_undo (stack));
  g_assert_false (sw_undo_stack_get_can_redo (stack));
  g_assert_cmpstr (t->name, ==, "c");
}

static void
test_stack_without_commit_func (void)
{
  g_autoptr(SwUndoStack) stack = sw_undo_stack_new ();
  g_autoptr(TestThing) t = thing_new ("a");

  g_assert_true (sw_undo_stack_push (stack, set_name_command (t, "b"), NULL));
  g_assert_cmpstr (t->name, ==, "b");
  g_assert_true (sw_undo_stack_undo (stack, NULL));
  g_assert_cmpstr (t->name, ==, "a");
}

static void
test_stack_groups (void)
{
  g_autoptr(SwUndoStack) stack = sw_undo_stack_new ();
  g_autoptr(TestThing) t = thing_new ("a");
  g_autoptr(TestThing) x = thing_new ("x");
  g_autoptr(GError) error = NULL;
  Committer c = { 0 };
  ChangedLog log = { 0 };

  sw_undo_stack_set_commit_func (stack, committer_commit, &c, NULL);
  g_signal_connect (stack, "changed", G_CALLBACK (on_changed), &log);

  sw_undo_stack_begin_group (stack, "Outer");
  g_assert_true (sw_undo_stack_push (stack, set_name_command (t, "b"), NULL));
  /* Applied at once, committed later. */
  g_assert_cmpstr (t->name, ==, "b");
  g_assert_cmpuint (c.calls, ==, 0);
  g_assert_cmpuint (log.count, ==, 0);

  sw_undo_stack_begin_group (stack, "Inner");
  g_assert_true (sw_undo_stack_push (stack, sw_list_command_new_insert (G_OBJECT (t), "items", x, 0), NULL));
  g_assert_true (sw_undo_stack_end_group (stack, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (c.calls, ==, 0);
  g_assert_false (sw_undo_stack_get_can_undo (stack));

  /* Undo is refused while an action is open. */
  g_assert_false (sw_undo_stack_undo (stack, &error));
  g_assert_error (error, SW_CORE_ERROR, SW_CORE_ERROR_CONFLICT);
  g_clear_error (&error);

  g_assert_true (sw_undo_stack_push (stack, set_name_command (t, "c"), NULL));
  g_assert_true (sw_undo_stack_end_group (stack, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (c.calls, ==, 1);
  g_assert_true (SW_IS_COMMAND_GROUP (c.last_command));
  g_assert_cmpuint (sw_command_group_get_size (SW_COMMAND_GROUP (c.last_command)), ==, 3);
  g_assert_cmpuint (log.count, ==, 1);
  g_assert_true (log.command == c.last_command);
  g_assert_cmpstr (sw_undo_stack_get_undo_label (stack), ==, "Outer");
  g_assert_cmpstr (t->name, ==, "c");
  assert_items (t, "x");

  /* One undo step for the whole group. */
  g_assert_true (sw_undo_stack_undo (stack, NULL));
  g_assert_cmpstr (t->name, ==, "a");
  assert_items (t, "");
  g_assert_false (sw_undo_stack_get_can_undo (stack));
  g_assert_true (sw_undo_stack_redo (stack, NULL));
  g_assert_cmpstr (t->name, ==, "c");
  assert_items (t, "x");

  /* An empty group records nothing and commits nothing. */
  c.calls = 0;
  log.count = 0;
  sw_undo_stack_begin_group (stack, "Empty");
  sw_undo_stack_begin_group (stack, "Empty inner");
  g_assert_true (sw_undo_stack_end_group (stack, NULL));
  g_assert_true (sw_undo_stack_end_group (stack, NULL));
  g_assert_cmpuint (c.calls, ==, 0);
  g_assert_cmpuint (log.count, ==, 0);
  g_assert_cmpstr (sw_undo_stack_get_undo_label (stack), ==, "Outer");
}

static void
test_stack_cancel_group (void)
{
  g_autoptr(SwUndoStack) stack = sw_undo_stack_new ();
  g_autoptr(TestThing) t = thing_new ("a");
  g_autoptr(TestThing) x = thing_new ("x");
  g_autoptr(GError) error = NULL;
  Committer c = { 0 };

  sw_undo_stack_set_commit_func (stack, committer_commit, &c, NULL);

  sw_undo_stack_begin_group (stack, "Cancelled");
  g_assert_true (sw_undo_stack_push (stack, set_name_command (t, "b"), NULL));
  g_assert_true (sw_undo_stack_push (stack, sw_list_command_new_insert (G_OBJECT (t), "items", x, 0), NULL));
  sw_undo_stack_cancel_group (stack);
  g_assert_cmpstr (t->name, ==, "a");
  assert_items (t, "");
  g_assert_cmpuint (c.calls, ==, 0);
  g_assert_false (sw_undo_stack_get_can_undo (stack));

  /* The stack works normally afterwards. */
  g_assert_true (sw_undo_stack_push (stack, set_name_command (t, "d"), NULL));
  g_assert_true (sw_undo_stack_get_can_undo (stack));
  g_assert_true (sw_undo_stack_undo (stack, NULL));

  /* An inner level cancelling dooms the outer action: everything is
   * reverted, later pushes are refused and the outer end reports it. */
  c.calls = 0;
  sw_undo_stack_begin_group (stack, "Outer");
  g_assert_true (sw_undo_stack_push (stack, set_name_command (t, "b"), NULL));
  sw_undo_stack_begin_group (stack, "Inner");
  g_assert_true (sw_undo_stack_push (stack, sw_list_command_new_insert (G_OBJECT (t), "items", x, 0), NULL));
  sw_undo_stack_cancel_group (stack);
  g_assert_cmpstr (t->name, ==, "a");
  assert_items (t, "");
  g_assert_false (sw_undo_stack_push (stack, set_name_command (t, "z"), &error));
  g_assert_error (error, SW_CORE_ERROR, SW_CORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpstr (t->name, ==, "a");
  g_assert_false (sw_undo_stack_end_group (stack, &error));
  g_assert_error (error, SW_CORE_ERROR, SW_CORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (c.calls, ==, 0);
  g_assert_false (sw_undo_stack_get_can_undo (stack));

  /* And an outer cancel after an inner cancel closes quietly. */
  sw_undo_stack_begin_group (stack, "Outer");
  sw_undo_stack_begin_group (stack, "Inner");
  g_assert_true (sw_undo_stack_push (stack, set_name_command (t, "b"), NULL));
  sw_undo_stack_cancel_group (stack);
  sw_undo_stack_cancel_group (stack);
  g_assert_cmpstr (t->name, ==, "a");
  g_assert_true (sw_undo_stack_push (stack, set_name_command (t, "e"), NULL));
  g_assert_cmpstr (t->name, ==, "e");
  g_assert_cmpuint (c.calls, ==, 1);
}

static void
test_stack_commit_failure (void)
{
  g_autoptr(SwUndoStack) stack = sw_undo_stack_new ();
  g_autoptr(TestThing) t = thing_new ("a");
  g_autoptr(TestThing) x = thing_new ("x");
  g_autoptr(GError) error = NULL;
  Committer c = { 0 };
  ChangedLog log = { 0 };
  guint n_can_undo = 0;

  sw_undo_stack_set_commit_func (stack, committer_commit, &c, NULL);
  g_signal_connect (stack, "changed", G_CALLBACK (on_changed), &log);
  g_signal_connect (stack, "notify::can-undo", G_CALLBACK (count_notify), &n_can_undo);

  /* Push: the model stays as it was, nothing is recorded. */
  c.fail = TRUE;
  g_assert_false (sw_undo_stack_push (stack, set_name_command (t, "b"), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_clear_error (&error);
  g_assert_cmpstr (t->name, ==, "a");
  g_assert_false (sw_undo_stack_get_can_undo (stack));
  g_assert_cmpuint (log.count, ==, 0);
  g_assert_cmpuint (n_can_undo, ==, 0);

  /* A group. */
  sw_undo_stack_begin_group (stack, "Group");
  g_assert_true (sw_undo_stack_push (stack, set_name_command (t, "b"), NULL));
  g_assert_true (sw_undo_stack_push (stack, sw_list_command_new_insert (G_OBJECT (t), "items", x, 0), NULL));
  g_assert_false (sw_undo_stack_end_group (stack, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_clear_error (&error);
  g_assert_cmpstr (t->name, ==, "a");
  assert_items (t, "");
  g_assert_false (sw_undo_stack_get_can_undo (stack));
  g_assert_cmpuint (log.count, ==, 0);

  /* Undo: the change stays applied and stays undoable. */
  c.fail = FALSE;
  g_assert_true (sw_undo_stack_push (stack, set_name_command (t, "b"), NULL));
  g_assert_true (sw_undo_stack_push (stack, sw_list_command_new_insert (G_OBJECT (t), "items", x, 0), NULL));
  log.count = 0;
  n_can_undo = 0;
  c.fail = TRUE;
  g_assert_false (sw_undo_stack_undo (stack, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_clear_error (&error);
  assert_items (t, "x");
  g_assert_cmpstr (t->name, ==, "b");
  g_assert_true (sw_undo_stack_get_can_undo (stack));
  g_assert_false (sw_undo_stack_get_can_redo (stack));
  g_assert_cmpuint (log.count, ==, 0);

  /* Redo: the change stays reverted and stays redoable. */
  c.fail = FALSE;
  g_assert_true (sw_undo_stack_undo (stack, NULL));
  assert_items (t, "");
  c.fail = TRUE;
  log.count = 0;
  g_assert_false (sw_undo_stack_redo (stack, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_clear_error (&error);
  assert_items (t, "");
  g_assert_cmpstr (t->name, ==, "b");
  g_assert_true (sw_undo_stack_get_can_redo (stack));
  g_assert_cmpuint (log.count, ==, 0);

  c.fail = FALSE;
  g_assert_true (sw_undo_stack_redo (stack, NULL));
  assert_items (t, "x");
}

static gboolean
silent_failure (SwCommand *command, gboolean reverting, gpointer user_data, GError **error)
{
  return FALSE;
}

static void
test_stack_commit_failure_without_error (void)
{
  g_autoptr(SwUndoStack) stack = sw_undo_stack_new ();
  g_autoptr(TestThing) t = thing_new ("a");
  g_autoptr(GError) error = NULL;

  sw_undo_stack_set_commit_func (stack, silent_failure, NULL, NULL);
  g_assert_false (sw_undo_stack_push (stack, set_name_command (t, "b"), &error));
  g_assert_nonnull (error);
  g_assert_cmpstr (t->name, ==, "a");
}

static void
count_destroy (gpointer data)
{
  (*(guint *) data)++;
}

static void
test_stack_commit_func_destroy (void)
{
  SwUndoStack *stack = sw_undo_stack_new ();
  guint destroyed = 0;

  sw_undo_stack_set_commit_func (stack, silent_failure, &destroyed, count_destroy);
  g_assert_cmpuint (destroyed, ==, 0);
  sw_undo_stack_set_commit_func (stack, silent_failure, &destroyed, count_destroy);
  g_assert_cmpuint (destroyed, ==, 1);
  g_object_unref (stack);
  g_assert_cmpuint (destroyed, ==, 2);
}

static void
test_stack_set (void)
{
  g_autoptr(SwUndoStack) stack = sw_undo_stack_new ();
  g_autoptr(TestThing) t = thing_new ("a");
  g_autoptr(TestThing) o = thing_new ("o");
  g_autoptr(GError) error = NULL;
  Committer c = { 0 };

  sw_undo_stack_set_commit_func (stack, committer_commit, &c, NULL);

  g_assert_true (sw_undo_stack_set (stack, &error, t, "name", "b"));
  g_assert_no_error (error);
  g_assert_cmpstr (t->name, ==, "b");
  g_assert_true (SW_IS_PROPERTY_COMMAND (c.last_command));
  g_assert_cmpstr (sw_undo_stack_get_undo_label (stack), !=, "");

  g_assert_true (sw_undo_stack_set (stack, &error, t, "count", 7));
  g_assert_cmpint (t->count, ==, 7);
  g_assert_true (sw_undo_stack_set (stack, &error, t, "other", o));
  g_assert_true (t->other == o);
  g_assert_cmpuint (c.calls, ==, 3);

  /* The current value pushes nothing. */
  g_assert_true (sw_undo_stack_set (stack, &error, t, "name", "b"));
  g_assert_true (sw_undo_stack_set (stack, &error, t, "count", 7));
  g_assert_true (sw_undo_stack_set (stack, &error, t, "other", o));
  g_assert_cmpuint (c.calls, ==, 3);
  /* NULL means "" for strings. */
  g_assert_true (sw_undo_stack_set (stack, &error, t, "name", ""));
  g_assert_cmpuint (c.calls, ==, 4);
  g_assert_true (sw_undo_stack_set (stack, &error, t, "name", NULL));
  g_assert_cmpuint (c.calls, ==, 4);

  /* Unknown, read-only and out-of-range are refused without a change. */
  g_assert_false (sw_undo_stack_set (stack, &error, t, "colour", "red"));
  g_assert_error (error, SW_CORE_ERROR, SW_CORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sw_undo_stack_set (stack, &error, t, "items", NULL));
  g_assert_error (error, SW_CORE_ERROR, SW_CORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sw_undo_stack_set (stack, &error, t, "count", 11));
  g_assert_error (error, SW_CORE_ERROR, SW_CORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (t->count, ==, 7);
  g_assert_cmpuint (c.calls, ==, 4);

  /* Undo walks back through every set. */
  g_assert_true (sw_undo_stack_undo (stack, NULL));
  g_assert_cmpstr (t->name, ==, "b");
  g_assert_true (sw_undo_stack_undo (stack, NULL));
  g_assert_null (t->other);
  g_assert_true (sw_undo_stack_undo (stack, NULL));
  g_assert_cmpint (t->count, ==, 0);
  g_assert_true (sw_undo_stack_undo (stack, NULL));
  g_assert_cmpstr (t->name, ==, "a");
  g_assert_false (sw_undo_stack_get_can_undo (stack));

  /* A commit failure through set leaves the value. */
  c.fail = TRUE;
  g_assert_false (sw_undo_stack_set (stack, &error, t, "count", 3));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_assert_cmpint (t->count, ==, 0);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/undo/property-command", test_property_command);
  g_test_add_func ("/undo/list-command", test_list_command);
  g_test_add_func ("/undo/command-group", test_command_group);
  g_test_add_func ("/undo/stack/push-undo-redo", test_stack_push_undo_redo);
  g_test_add_func ("/undo/stack/without-commit-func", test_stack_without_commit_func);
  g_test_add_func ("/undo/stack/groups", test_stack_groups);
  g_test_add_func ("/undo/stack/cancel-group", test_stack_cancel_group);
  g_test_add_func ("/undo/stack/commit-failure", test_stack_commit_failure);
  g_test_add_func ("/undo/stack/commit-failure-without-error", test_stack_commit_failure_without_error);
  g_test_add_func ("/undo/stack/commit-func-destroy", test_stack_commit_func_destroy);
  g_test_add_func ("/undo/stack/set", test_stack_set);

  return g_test_run ();
}
