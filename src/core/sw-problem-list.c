/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sw-problem-list.h"
#include "sw-problems.h"
#include "sw-time.h"

struct _SwProblemList
{
  GObject         parent_instance;

  SwOrganisation *org;
  SwPlan         *plan;
  GPtrArray      *items;   /* SwProblem */
  guint           n_open;  /* items without an acceptance */
};

static void sw_problem_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SwProblemList, sw_problem_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      sw_problem_list_model_init))

enum {
  PROP_0,
  PROP_ORGANISATION,
  PROP_PLAN,
  PROP_N_ITEMS,
  PROP_N_OPEN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
sw_problem_list_get_item_type (GListModel *model)
{
  return SW_TYPE_PROBLEM;
}

static guint
sw_problem_list_get_n_items (GListModel *model)
{
  SwProblemList *self = SW_PROBLEM_LIST (model);

  return self->items->len;
}

static gpointer
sw_problem_list_get_item (GListModel *model,
                          guint       position)
{
  SwProblemList *self = SW_PROBLEM_LIST (model);

  if (position >= self->items->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
sw_problem_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = sw_problem_list_get_item_type;
  iface->get_n_items = sw_problem_list_get_n_items;
  iface->get_item = sw_problem_list_get_item;
}

static gboolean
plan_is_in_organisation (SwProblemList *self)
{
  GListModel *plans = sw_organisation_get_plans (self->org);
  guint n = g_list_model_get_n_items (plans);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwPlan) plan = g_list_model_get_item (plans, i);

      if (plan == self->plan)
        return TRUE;
    }

  return FALSE;
}

static guint
count_open (GPtrArray *items)
{
  guint n = 0;

  for (guint i = 0; i < items->len; i++)
    n += sw_problem_get_acceptance (g_ptr_array_index (items, i)) == NULL;

  return n;
}

static gboolean
problems_equal (SwProblem *a,
                SwProblem *b)
{
  return sw_problem_get_kind (a) == sw_problem_get_kind (b) &&
         sw_problem_get_slot (a) == sw_problem_get_slot (b) &&
         sw_problem_get_other_slot (a) == sw_problem_get_other_slot (b) &&
         sw_problem_get_duty (a) == sw_problem_get_duty (b) &&
         sw_problem_get_person (a) == sw_problem_get_person (b) &&
         sw_problem_get_task (a) == sw_problem_get_task (b) &&
         sw_problem_get_acceptance (a) == sw_problem_get_acceptance (b) &&
         g_strcmp0 (sw_problem_get_situation (a), sw_problem_get_situation (b)) == 0 &&
         g_strcmp0 (sw_problem_get_message (a), sw_problem_get_message (b)) == 0;
}

/* Replaces the items with @items (transfer full) when they differ, with a
 * single items-changed for the whole list. */
static void
sw_problem_list_replace (SwProblemList *self,
                         GPtrArray     *items)
{
  g_autoptr(GPtrArray) old = NULL;
  gboolean same = items->len == self->items->len;
  guint old_open;

  for (guint i = 0; same && i < items->len; i++)
    same = problems_equal (g_ptr_array_index (items, i), g_ptr_array_index (self->items, i));

  if (same)
    {
      g_ptr_array_unref (items);
      return;
    }

  old = g_steal_pointer (&self->items);
  self->items = items;
  old_open = self->n_open;
  self->n_open = count_open (items);

  g_list_model_items_changed (G_LIST_MODEL (self), 0, old->len, items->len);
  if (old->len != items->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
  if (old_open != self->n_open)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_OPEN]);
}

static GPtrArray *
sw_problem_list_compute (SwProblemList *self)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);

  /* A plan deleted from the organisation has no problems to show. */
  if (plan_is_in_organisation (self))
    {
      gint64 now = sw_time_now_in_zone (sw_plan_get_time_zone (self->plan));
      g_autoptr(GListStore) store = sw_problems_compute (self->plan, now);
      guint n = g_list_model_get_n_items (G_LIST_MODEL (store));

      for (guint i = 0; i < n; i++)
        g_ptr_array_add (items, g_list_model_get_item (G_LIST_MODEL (store), i));
    }

  return items;
}

void
sw_problem_list_refresh (SwProblemList *self)
{
  g_return_if_fail (SW_IS_PROBLEM_LIST (self));

  sw_problem_list_replace (self, sw_problem_list_compute (self));
}

static void
on_undo_stack_changed (SwProblemList *self,
                       SwCommand     *command,
                       gboolean       reverting)
{
  sw_problem_list_refresh (self);
}

static void
on_plans_changed (SwProblemList *self,
                  guint          position,
                  guint          removed,
                  guint          added)
{
  /* Plans also leave the organisation outside the undo stack (a store
   * reload): the list must not keep problems of a plan that is gone. */
  if (removed > 0 && self->items->len > 0 && !plan_is_in_organisation (self))
    sw_problem_list_replace (self, g_ptr_array_new_with_free_func (g_object_unref));
}

static void
sw_problem_list_constructed (GObject *object)
{
  SwProblemList *self = SW_PROBLEM_LIST (object);

  G_OBJECT_CLASS (sw_problem_list_parent_class)->constructed (object);

  g_assert (SW_IS_ORGANISATION (self->org));
  g_assert (SW_IS_PLAN (self->plan));

  g_signal_connect_object (sw_organisation_get_undo_stack (self->org), "changed",
                           G_CALLBACK (on_undo_stack_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (sw_organisation_get_plans (self->org), "items-changed",
                           G_CALLBACK (on_plans_changed), self,
                           G_CONNECT_SWAPPED);

  /* The first computation emits nothing: nobody can be listening yet. */
  g_ptr_array_unref (self->items);
  self->items = sw_problem_list_compute (self);
  self->n_open = count_open (self->items);
}

static void
sw_problem_list_dispose (GObject *object)
{
  SwProblemList *self = SW_PROBLEM_LIST (object);

  g_clear_object (&self->plan);
  g_clear_object (&self->org);

  G_OBJECT_CLASS (sw_problem_list_parent_class)->dispose (object);
}

static void
sw_problem_list_finalize (GObject *object)
{
  SwProblemList *self = SW_PROBLEM_LIST (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (sw_problem_list_parent_class)->finalize (object);
}

static void
sw_problem_list_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SwProblemList *self = SW_PROBLEM_LIST (object);

  switch (prop_id)
    {
    case PROP_ORGANISATION:
      g_value_set_object (value, self->org);
      break;

    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->items->len);
      break;

    case PROP_N_OPEN:
      g_value_set_uint (value, self->n_open);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sw_problem_list_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  SwProblemList *self = SW_PROBLEM_LIST (object);

  switch (prop_id)
    {
    case PROP_ORGANISATION:
      self->org = g_value_dup_object (value);
      break;

    case PROP_PLAN:
      self->plan = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sw_problem_list_class_init (SwProblemListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = sw_problem_list_constructed;
  object_class->dispose = sw_problem_list_dispose;
  object_class->finalize = sw_problem_list_finalize;
  object_class->get_property = sw_problem_list_get_property;
  object_class->set_property = sw_problem_list_set_property;

  properties[PROP_ORGANISATION] =
    g_param_spec_object ("organisation", NULL, NULL,
                         SW_TYPE_ORGANISATION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL,
                         SW_TYPE_PLAN,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /* The number of problems, for a count badge. */
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS |
                       G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_N_OPEN] =
    g_param_spec_uint ("n-open", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sw_problem_list_init (SwProblemList *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

SwProblemList *
sw_problem_list_new (SwOrganisation *org,
                     SwPlan         *plan)
{
  g_return_val_if_fail (SW_IS_ORGANISATION (org), NULL);
  g_return_val_if_fail (SW_IS_PLAN (plan), NULL);

  return g_object_new (SW_TYPE_PROBLEM_LIST,
                       "organisation", org,
                       "plan", plan,
                       NULL);
}
