/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sw-slot.h"
#include "sw-text.h"

struct _SwSlot
{
  GObject     parent_instance;

  gint64      id;
  char       *uid;
  int         sequence;
  SwSlotKind  kind;
  char       *title;
  gint64      start;
  gint64      end;
  char       *location;
  char       *description;

  GListStore *organisers;
  GListStore *duties;
  GListStore *assignments;
  GListStore *visit_targets;
};

G_DEFINE_FINAL_TYPE (SwSlot, sw_slot, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_UID,
  PROP_SEQUENCE,
  PROP_KIND,
  PROP_TITLE,
  PROP_START,
  PROP_END,
  PROP_LOCATION,
  PROP_DESCRIPTION,
  PROP_ORGANISERS,
  PROP_DUTIES,
  PROP_ASSIGNMENTS,
  PROP_VISIT_TARGETS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sw_slot_finalize (GObject *object)
{
  SwSlot *self = SW_SLOT (object);

  g_clear_pointer (&self->uid, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->location, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_object (&self->organisers);
  g_clear_object (&self->duties);
  g_clear_object (&self->assignments);
  g_clear_object (&self->visit_targets);

  G_OBJECT_CLASS (sw_slot_parent_class)->finalize (object);
}

static void
sw_slot_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  SwSlot *self = SW_SLOT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_UID:
      g_value_set_string (value, self->uid);
      break;
    case PROP_SEQUENCE:
      g_value_set_int (value, self->sequence);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_START:
      g_value_set_int64 (value, self->start);
      break;
    case PROP_END:
      g_value_set_int64 (value, self->end);
      break;
    case PROP_LOCATION:
      g_value_set_string (value, self->location);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_ORGANISERS:
      g_value_set_object (value, self->organisers);
      break;
    case PROP_DUTIES:
      g_value_set_object (value, self->duties);
      break;
    case PROP_ASSIGNMENTS:
      g_value_set_object (value, self->assignments);
      break;
    case PROP_VISIT_TARGETS:
      g_value_set_object (value, self->visit_targets);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sw_slot_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  SwSlot *self = SW_SLOT (object);

  switch (prop_id)
    {
    case PROP_ID:
      sw_slot_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_UID:
      sw_slot_set_uid (self, g_value_get_string (value));
      break;
    case PROP_SEQUENCE:
      sw_slot_set_sequence (self, g_value_get_int (value));
      break;
    case PROP_KIND:
      sw_slot_set_kind (self, g_value_get_enum (value));
      break;
    case PROP_TITLE:
      sw_slot_set_title (self, g_value_get_string (value));
      break;
    case PROP_START:
      sw_slot_set_start (self, g_value_get_int64 (value));
      break;
    case PROP_END:
      sw_slot_set_end (self, g_value_get_int64 (value));
      break;
    case PROP_LOCATION:
      sw_slot_set_location (self, g_value_get_string (value));
      break;
    case PROP_DESCRIPTION:
      sw_slot_set_description (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sw_slot_class_init (SwSlotClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;
  GParamFlags list_flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = sw_slot_finalize;
  object_class->get_property = sw_slot_get_property;
  object_class->set_property = sw_slot_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_UID] =
    g_param_spec_string ("uid", NULL, NULL, "", flags);
  properties[PROP_SEQUENCE] =
    g_param_spec_int ("sequence", NULL, NULL, G_MININT, G_MAXINT, 0, flags);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, SW_TYPE_SLOT_KIND, SW_SLOT_KIND_OTHER, flags);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, "", flags);
  properties[PROP_START] =
    g_param_spec_int64 ("start", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_END] =
    g_param_spec_int64 ("end", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_LOCATION] =
    g_param_spec_string ("location", NULL, NULL, "", flags);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, "", flags);
  properties[PROP_ORGANISERS] =
    g_param_spec_object ("organisers", NULL, NULL, G_TYPE_LIST_MODEL, list_flags);
  properties[PROP_DUTIES] =
    g_param_spec_object ("duties", NULL, NULL, G_TYPE_LIST_MODEL, list_flags);
  properties[PROP_ASSIGNMENTS] =
    g_param_spec_object ("assignments", NULL, NULL, G_TYPE_LIST_MODEL, list_flags);
  properties[PROP_VISIT_TARGETS] =
    g_param_spec_object ("visit-targets", NULL, NULL, G_TYPE_LIST_MODEL, list_flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sw_slot_init (SwSlot *self)
{
  self->uid = g_strdup ("");
  self->kind = SW_SLOT_KIND_OTHER;
  self->title = g_strdup ("");
  self->location = g_strdup ("");
  self->description = g_strdup ("");
  self->organisers = g_list_store_new (SW_TYPE_DEPARTMENT);
  self->duties = g_list_store_new (SW_TYPE_DUTY);
  self->assignments = g_list_store_new (SW_TYPE_ASSIGNMENT);
  self->visit_targets = g_list_store_new (SW_TYPE_VISIT_TARGET);
}

SwSlot *
sw_slot_new (SwSlotKind  kind,
             const char *title,
             gint64      start,
             gint64      end)
{
  SwSlot *self = g_object_new (SW_TYPE_SLOT, NULL);

  g_free (self->uid);
  self->uid = g_uuid_string_random ();
  self->kind = kind;
  sw_text_replace (&self->title, title);
  self->start = start;
  self->end = end;

  return self;
}

gint64
sw_slot_get_id (SwSlot *self)
{
  g_return_val_if_fail (SW_IS_SLOT (self), 0);

  return self->id;
}

void
sw_slot_set_id (SwSlot *self,
                gint64  id)
{
  g_return_if_fail (SW_IS_SLOT (self));

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
sw_slot_get_uid (SwSlot *self)
{
  g_return_val_if_fail (SW_IS_SLOT (self), "");

  return self->uid;
}

void
sw_slot_set_uid (SwSlot     *self,
                 const char *uid)
{
  g_return_if_fail (SW_IS_SLOT (self));

  if (sw_text_replace (&self->uid, uid))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UID]);
}

int
sw_slot_get_sequence (SwSlot *self)
{
  g_return_val_if_fail (SW_IS_SLOT (self), 0);

  return self->sequence;
}

void
sw_slot_set_sequence (SwSlot *self,
                      int     sequence)
{
  g_return_if_fail (SW_IS_SLOT (self));

  if (self->sequence == sequence)
    return;

  self->sequence = sequence;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEQUENCE]);
}

SwSlotKind
sw_slot_get_kind (SwSlot *self)
{
  g_return_val_if_fail (SW_IS_SLOT (self), SW_SLOT_KIND_OTHER);

  return self->kind;
}

void
sw_slot_set_kind (SwSlot     *self,
                  SwSlotKind  kind)
{
  g_return_if_fail (SW_IS_SLOT (self));

  if (self->kind == kind)
    return;

  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

const char *
sw_slot_get_title (SwSlot *self)
{
  g_return_val_if_fail (SW_IS_SLOT (self), "");

  return self->title;
}

void
sw_slot_set_title (SwSlot     *self,
                   const char *title)
{
  g_return_if_fail (SW_IS_SLOT (self));

  if (sw_text_replace (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

gint64
sw_slot_get_start (SwSlot *self)
{
  g_return_val_if_fail (SW_IS_SLOT (self), 0);

  return self->start;
}

/* Start and end are set one after the other when a slot moves, so neither
 * setter insists on end > start; sw_edit_move_slot() checks the pair. */
void
sw_slot_set_start (SwSlot *self,
                   gint64  start)
{
  g_return_if_fail (SW_IS_SLOT (self));

  if (self->start == start)
    return;

  self->start = start;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_START]);
}

gint64
sw_slot_get_end (SwSlot *self)
{
  g_return_val_if_fail (SW_IS_SLOT (self), 0);

  return self->end;
}

void
sw_slot_set_end (SwSlot *self,
                 gint64  end)
{
  g_return_if_fail (SW_IS_SLOT (self));

  if (self->end == end)
    return;

  self->end = end;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_END]);
}

const char *
sw_slot_get_location (SwSlot *self)
{
  g_return_val_if_fail (SW_IS_SLOT (self), "");

  return self->location;
}

void
sw_slot_set_location (SwSlot     *self,
                      const char *location)
{
  g_return_if_fail (SW_IS_SLOT (self));

  if (sw_text_replace (&self->location, location))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOCATION]);
}

const char *
sw_slot_get_description (SwSlot *self)
{
  g_return_val_if_fail (SW_IS_SLOT (self), "");

  return self->description;
}

void
sw_slot_set_description (SwSlot     *self,
                         const char *description)
{
  g_return_if_fail (SW_IS_SLOT (self));

  if (sw_text_replace (&self->description, description))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}

GListModel *
sw_slot_get_organisers (SwSlot *self)
{
  g_return_val_if_fail (SW_IS_SLOT (self), NULL);

  return G_LIST_MODEL (self->organisers);
}

GListModel *
sw_slot_get_duties (SwSlot *self)
{
  g_return_val_if_fail (SW_IS_SLOT (self), NULL);

  return G_LIST_MODEL (self->duties);
}

GListModel *
sw_slot_get_assignments (SwSlot *self)
{
  g_return_val_if_fail (SW_IS_SLOT (self), NULL);

  return G_LIST_MODEL (self->assignments);
}

GListModel *
sw_slot_get_visit_targets (SwSlot *self)
{
  g_return_val_if_fail (SW_IS_SLOT (self), NULL);

  return G_LIST_MODEL (self->visit_targets);
}

SwAssignment *
sw_slot_find_assignment (SwSlot   *self,
                         SwPerson *person)
{
  GListModel *model;
  guint n;

  g_return_val_if_fail (SW_IS_SLOT (self), NULL);

  if (person == NULL)
    return NULL;

  model = G_LIST_MODEL (self->assignments);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwAssignment) assignment = g_list_model_get_item (model, i);

      /* The store keeps its reference: the pointer stays valid. */
      if (sw_assignment_get_person (assignment) == person)
        return assignment;
    }

  return NULL;
}

SwDuty *
sw_slot_find_duty (SwSlot     *self,
                   const char *name)
{
  GListModel *model;
  guint n;

  g_return_val_if_fail (SW_IS_SLOT (self), NULL);

  if (name == NULL)
    return NULL;

  model = G_LIST_MODEL (self->duties);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwDuty) duty = g_list_model_get_item (model, i);

      if (g_strcmp0 (sw_duty_get_name (duty), name) == 0)
        return duty;
    }

  return NULL;
}

/* With @duty NULL, counts the attendees without a duty. */
guint
sw_slot_count_duty (SwSlot *self,
                    SwDuty *duty)
{
  GListModel *model;
  guint n;
  guint count = 0;

  g_return_val_if_fail (SW_IS_SLOT (self), 0);

  model = G_LIST_MODEL (self->assignments);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwAssignment) assignment = g_list_model_get_item (model, i);

      if (sw_assignment_get_duty (assignment) == duty)
        count++;
    }

  return count;
}

GPtrArray *
sw_slot_dup_duty_people (SwSlot *self,
                         SwDuty *duty)
{
  GPtrArray *people;
  GListModel *model;
  guint n;

  g_return_val_if_fail (SW_IS_SLOT (self), NULL);

  people = g_ptr_array_new ();
  model = G_LIST_MODEL (self->assignments);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwAssignment) assignment = g_list_model_get_item (model, i);
      SwPerson *person = sw_assignment_get_person (assignment);

      if (sw_assignment_get_duty (assignment) == duty && person != NULL)
        g_ptr_array_add (people, person);
    }

  return people;
}

/* Extra people on a duty do not make up for a missing one elsewhere. */
void
sw_slot_get_fill (SwSlot *self,
                  guint  *filled,
                  guint  *needed)
{
  GListModel *model;
  guint n;
  guint total_filled = 0;
  guint total_needed = 0;

  g_return_if_fail (SW_IS_SLOT (self));

  model = G_LIST_MODEL (self->duties);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwDuty) duty = g_list_model_get_item (model, i);
      guint count = sw_duty_get_count (duty);

      total_needed += count;
      total_filled += MIN (sw_slot_count_duty (self, duty), count);
    }

  if (filled != NULL)
    *filled = total_filled;
  if (needed != NULL)
    *needed = total_needed;
}
