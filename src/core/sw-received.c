/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sw-assignment.h"
#include "sw-duty.h"
#include "sw-received.h"
#include "sw-slot.h"

struct _SwReceived
{
  GObject     parent_instance;

  GHashTable *people;    /* gint64 *person id → GPtrArray of SwReceivedDuty */
  GHashTable *changed;   /* gint64 *person id, set */
};

G_DEFINE_FINAL_TYPE (SwReceived, sw_received, G_TYPE_OBJECT)

void
sw_received_duty_free (SwReceivedDuty *duty)
{
  if (duty == NULL)
    return;
  g_free (duty->slot_uid);
  g_free (duty->title);
  g_free (duty->duty);
  g_free (duty->location);
  g_free (duty);
}

static SwReceivedDuty *
duty_copy (const SwReceivedDuty *duty)
{
  SwReceivedDuty *copy = g_new0 (SwReceivedDuty, 1);

  copy->slot_uid = g_strdup (duty->slot_uid);
  copy->duty_id = duty->duty_id;
  copy->title = g_strdup (duty->title != NULL ? duty->title : "");
  copy->duty = g_strdup (duty->duty != NULL ? duty->duty : "");
  copy->location = g_strdup (duty->location != NULL ? duty->location : "");
  copy->start = duty->start;
  copy->end = duty->end;
  return copy;
}

static gint64 *
id_key (gint64 id)
{
  return g_memdup2 (&id, sizeof id);
}

static GPtrArray *
duties_of (SwReceived *self,
           gint64      person_id)
{
  GPtrArray *duties = g_hash_table_lookup (self->people, &person_id);

  if (duties == NULL)
    {
      duties = g_ptr_array_new_with_free_func ((GDestroyNotify) sw_received_duty_free);
      g_hash_table_insert (self->people, id_key (person_id), duties);
    }
  return duties;
}

void
sw_received_mark (SwReceived *self,
                  gint64      person_id)
{
  g_return_if_fail (SW_IS_RECEIVED (self));

  duties_of (self, person_id);
}

void
sw_received_add (SwReceived           *self,
                 gint64                person_id,
                 const SwReceivedDuty *duty)
{
  g_return_if_fail (SW_IS_RECEIVED (self));
  g_return_if_fail (duty != NULL && duty->slot_uid != NULL);

  g_ptr_array_add (duties_of (self, person_id), duty_copy (duty));
}

/* @duty NULL: on the slot as an attendee (duty 0, no name). */
static SwReceivedDuty *
duty_now (SwSlot *slot,
          SwDuty *duty)
{
  SwReceivedDuty now = {
    (char *) sw_slot_get_uid (slot), duty != NULL ? sw_duty_get_id (duty) : 0,
    (char *) sw_slot_get_title (slot), duty != NULL ? (char *) sw_duty_get_name (duty) : "",
    (char *) sw_slot_get_location (slot), sw_slot_get_start (slot), sw_slot_get_end (slot),
  };

  return duty_copy (&now);
}

GHashTable *
sw_received_index_plan (SwPlan *plan)
{
  return sw_received_index_plan_for (plan, NULL);
}

GHashTable *
sw_received_index_plan_for (SwPlan     *plan,
                            GHashTable *people)
{
  GHashTable *index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                             (GDestroyNotify) g_ptr_array_unref);
  GListModel *slots;

  g_return_val_if_fail (SW_IS_PLAN (plan), index);

  slots = sw_plan_get_slots (plan);
  for (guint i = 0; i < g_list_model_get_n_items (slots); i++)
    {
      g_autoptr(SwSlot) slot = g_list_model_get_item (slots, i);
      GListModel *assignments = sw_slot_get_assignments (slot);

      for (guint j = 0; j < g_list_model_get_n_items (assignments); j++)
        {
          g_autoptr(SwAssignment) assignment = g_list_model_get_item (assignments, j);
          SwPerson *person = sw_assignment_get_person (assignment);
          SwDuty *duty = sw_assignment_get_duty (assignment);
          gint64 id;
          GPtrArray *duties;

          if (person == NULL)
            continue;
          id = sw_person_get_id (person);
          if (people != NULL && !g_hash_table_contains (people, &id))
            continue;
          duties = g_hash_table_lookup (index, &id);
          if (duties == NULL)
            {
              duties = g_ptr_array_new_with_free_func ((GDestroyNotify) sw_received_duty_free);
              g_hash_table_insert (index, id_key (id), duties);
            }
          g_ptr_array_add (duties, duty_now (slot, duty));
        }
    }
  return index;
}

static gboolean
same_duty (const SwReceivedDuty *a,
           const SwReceivedDuty *b)
{
  return g_str_equal (a->slot_uid, b->slot_uid) && a->duty_id == b->duty_id &&
         g_str_equal (a->title, b->title) && g_str_equal (a->duty, b->duty) &&
         g_str_equal (a->location, b->location) && a->start == b->start && a->end == b->end;
}

/* @then and @now (may be NULL: none) hold the same duties, in any order. */
static gboolean
same_duties (GPtrArray *then,
             GPtrArray *now)
{
  guint n = now != NULL ? now->len : 0;

  if (then->len != n)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      gboolean found = FALSE;

      /* A person holds a handful of duties: a plain search. */
      for (guint j = 0; j < then->len && !found; j++)
        found = same_duty (g_ptr_array_index (now, i), g_ptr_array_index (then, j));
      if (!found)
        return FALSE;
    }
  return TRUE;
}

void
sw_received_record (SwReceived *self,
                    GHashTable *index,
                    SwPerson   *person)
{
  GPtrArray *duties;
  GPtrArray *now;
  gint64 id;

  g_return_if_fail (SW_IS_RECEIVED (self));
  g_return_if_fail (index != NULL);
  g_return_if_fail (SW_IS_PERSON (person));

  id = sw_person_get_id (person);
  now = g_hash_table_lookup (index, &id);
  duties = g_hash_table_lookup (self->people, &id);
  /* The same again: nothing to save. */
  if (duties != NULL && same_duties (duties, now))
    return;
  duties = duties_of (self, id);
  g_ptr_array_set_size (duties, 0);
  for (guint i = 0; now != NULL && i < now->len; i++)
    g_ptr_array_add (duties, duty_copy (g_ptr_array_index (now, i)));
  g_hash_table_add (self->changed, id_key (id));
}

GPtrArray *
sw_received_lookup (SwReceived *self,
                    gint64      person_id)
{
  g_return_val_if_fail (SW_IS_RECEIVED (self), NULL);

  return g_hash_table_lookup (self->people, &person_id);
}

guint
sw_received_get_n_people (SwReceived *self)
{
  g_return_val_if_fail (SW_IS_RECEIVED (self), 0);

  return g_hash_table_size (self->people);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

GArray *
sw_received_dup_changed (SwReceived *self)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (SW_IS_RECEIVED (self), ids);

  g_hash_table_iter_init (&iter, self->changed);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_array_append_val (ids, *(gint64 *) key);
  g_array_sort (ids, compare_ids);
  return ids;
}

void
sw_received_mark_saved (SwReceived *self)
{
  g_return_if_fail (SW_IS_RECEIVED (self));

  g_hash_table_remove_all (self->changed);
}

static void
sw_received_finalize (GObject *object)
{
  SwReceived *self = SW_RECEIVED (object);

  g_hash_table_unref (self->people);
  g_hash_table_unref (self->changed);

  G_OBJECT_CLASS (sw_received_parent_class)->finalize (object);
}

static void
sw_received_class_init (SwReceivedClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sw_received_finalize;
}

static void
sw_received_init (SwReceived *self)
{
  self->people = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                        (GDestroyNotify) g_ptr_array_unref);
  self->changed = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

SwReceived *
sw_received_new (void)
{
  return g_object_new (SW_TYPE_RECEIVED, NULL);
}
