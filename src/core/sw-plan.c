/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "sw-acceptance.h"
#include "sw-plan.h"
#include "sw-time.h"
#include "sw-text.h"

#define DEFAULT_TIME_ZONE "Asia/Shanghai"
#define MAX_TRAVEL_BUFFER 1440
#define MAX_HOURS_PER_DAY 24
#define MAX_DUTIES 999

struct _SwPlan
{
  GObject     parent_instance;

  gint64      id;
  char       *title;
  char       *theme;
  char       *organiser;
  int         first_day;
  int         last_day;
  char       *time_zone;
  char       *hotline;
  char       *description;
  int         travel_buffer;
  int         max_hours_per_day;
  int         max_duties;
  SwNameOrder name_order;

  GListStore *committees;
  GListStore *slots;
  GListStore *tasks;
  GListStore *accepted;
};

G_DEFINE_FINAL_TYPE (SwPlan, sw_plan, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_THEME,
  PROP_ORGANISER,
  PROP_FIRST_DAY,
  PROP_LAST_DAY,
  PROP_TIME_ZONE,
  PROP_HOTLINE,
  PROP_DESCRIPTION,
  PROP_TRAVEL_BUFFER,
  PROP_MAX_HOURS_PER_DAY,
  PROP_MAX_DUTIES,
  PROP_NAME_ORDER,
  PROP_COMMITTEES,
  PROP_SLOTS,
  PROP_TASKS,
  PROP_ACCEPTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sw_plan_finalize (GObject *object)
{
  SwPlan *self = SW_PLAN (object);

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->theme, g_free);
  g_clear_pointer (&self->organiser, g_free);
  g_clear_pointer (&self->time_zone, g_free);
  g_clear_pointer (&self->hotline, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_object (&self->committees);
  g_clear_object (&self->slots);
  g_clear_object (&self->tasks);
  g_clear_object (&self->accepted);

  G_OBJECT_CLASS (sw_plan_parent_class)->finalize (object);
}

static void
sw_plan_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  SwPlan *self = SW_PLAN (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_THEME:
      g_value_set_string (value, self->theme);
      break;
    case PROP_ORGANISER:
      g_value_set_string (value, self->organiser);
      break;
    case PROP_FIRST_DAY:
      g_value_set_int (value, self->first_day);
      break;
    case PROP_LAST_DAY:
      g_value_set_int (value, self->last_day);
      break;
    case PROP_TIME_ZONE:
      g_value_set_string (value, self->time_zone);
      break;
    case PROP_HOTLINE:
      g_value_set_string (value, self->hotline);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_TRAVEL_BUFFER:
      g_value_set_int (value, self->travel_buffer);
      break;
    case PROP_MAX_HOURS_PER_DAY:
      g_value_set_int (value, self->max_hours_per_day);
      break;
    case PROP_MAX_DUTIES:
      g_value_set_int (value, self->max_duties);
      break;
    case PROP_NAME_ORDER:
      g_value_set_enum (value, self->name_order);
      break;
    case PROP_COMMITTEES:
      g_value_set_object (value, self->committees);
      break;
    case PROP_SLOTS:
      g_value_set_object (value, self->slots);
      break;
    case PROP_TASKS:
      g_value_set_object (value, self->tasks);
      break;
    case PROP_ACCEPTED:
      g_value_set_object (value, self->accepted);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sw_plan_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  SwPlan *self = SW_PLAN (object);

  switch (prop_id)
    {
    case PROP_ID:
      sw_plan_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_TITLE:
      sw_plan_set_title (self, g_value_get_string (value));
      break;
    case PROP_THEME:
      sw_plan_set_theme (self, g_value_get_string (value));
      break;
    case PROP_ORGANISER:
      sw_plan_set_organiser (self, g_value_get_string (value));
      break;
    case PROP_FIRST_DAY:
      sw_plan_set_first_day (self, g_value_get_int (value));
      break;
    case PROP_LAST_DAY:
      sw_plan_set_last_day (self, g_value_get_int (value));
      break;
    case PROP_TIME_ZONE:
      sw_plan_set_time_zone (self, g_value_get_string (value));
      break;
    case PROP_HOTLINE:
      sw_plan_set_hotline (self, g_value_get_string (value));
      break;
    case PROP_DESCRIPTION:
      sw_plan_set_description (self, g_value_get_string (value));
      break;
    case PROP_TRAVEL_BUFFER:
      sw_plan_set_travel_buffer (self, g_value_get_int (value));
      break;
    case PROP_MAX_HOURS_PER_DAY:
      sw_plan_set_max_hours_per_day (self, g_value_get_int (value));
      break;
    case PROP_MAX_DUTIES:
      sw_plan_set_max_duties (self, g_value_get_int (value));
      break;
    case PROP_NAME_ORDER:
      sw_plan_set_name_order (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sw_plan_class_init (SwPlanClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;
  GParamFlags list_flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = sw_plan_finalize;
  object_class->get_property = sw_plan_get_property;
  object_class->set_property = sw_plan_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, "", flags);
  properties[PROP_THEME] =
    g_param_spec_string ("theme", NULL, NULL, "", flags);
  properties[PROP_ORGANISER] =
    g_param_spec_string ("organiser", NULL, NULL, "", flags);
  properties[PROP_FIRST_DAY] =
    g_param_spec_int ("first-day", NULL, NULL, G_MININT, G_MAXINT, 0, flags);
  properties[PROP_LAST_DAY] =
    g_param_spec_int ("last-day", NULL, NULL, G_MININT, G_MAXINT, 0, flags);
  properties[PROP_TIME_ZONE] =
    g_param_spec_string ("time-zone", NULL, NULL, DEFAULT_TIME_ZONE, flags);
  properties[PROP_HOTLINE] =
    g_param_spec_string ("hotline", NULL, NULL, "", flags);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, "", flags);
  properties[PROP_TRAVEL_BUFFER] =
    g_param_spec_int ("travel-buffer", NULL, NULL, 0, MAX_TRAVEL_BUFFER, 0, flags);
  properties[PROP_MAX_HOURS_PER_DAY] =
    g_param_spec_int ("max-hours-per-day", NULL, NULL, 0, MAX_HOURS_PER_DAY, 0, flags);
  properties[PROP_MAX_DUTIES] =
    g_param_spec_int ("max-duties", NULL, NULL, 0, MAX_DUTIES, 0, flags);
  properties[PROP_NAME_ORDER] =
    g_param_spec_enum ("name-order", NULL, NULL, SW_TYPE_NAME_ORDER, SW_NAME_ORDER_ROSTER, flags);
  properties[PROP_COMMITTEES] =
    g_param_spec_object ("committees", NULL, NULL, G_TYPE_LIST_MODEL, list_flags);
  properties[PROP_SLOTS] =
    g_param_spec_object ("slots", NULL, NULL, G_TYPE_LIST_MODEL, list_flags);
  properties[PROP_TASKS] =
    g_param_spec_object ("tasks", NULL, NULL, G_TYPE_LIST_MODEL, list_flags);
  properties[PROP_ACCEPTED] =
    g_param_spec_object ("accepted", NULL, NULL, G_TYPE_LIST_MODEL, list_flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sw_plan_init (SwPlan *self)
{
  self->title = g_strdup ("");
  self->theme = g_strdup ("");
  self->organiser = g_strdup ("");
  self->time_zone = g_strdup (DEFAULT_TIME_ZONE);
  self->hotline = g_strdup ("");
  self->description = g_strdup ("");
  self->committees = g_list_store_new (SW_TYPE_COMMITTEE);
  self->slots = g_list_store_new (SW_TYPE_SLOT);
  self->tasks = g_list_store_new (SW_TYPE_TASK);
  self->accepted = g_list_store_new (SW_TYPE_ACCEPTANCE);
}

SwPlan *
sw_plan_new (const char *title,
             int         first_day,
             int         last_day,
             const char *time_zone)
{
  SwPlan *self = g_object_new (SW_TYPE_PLAN, NULL);

  sw_text_replace (&self->title, title);
  self->first_day = first_day;
  self->last_day = last_day;
  if (time_zone != NULL && *time_zone != '\0')
    sw_text_replace (&self->time_zone, time_zone);

  return self;
}

gint64
sw_plan_get_id (SwPlan *self)
{
  g_return_val_if_fail (SW_IS_PLAN (self), 0);

  return self->id;
}

void
sw_plan_set_id (SwPlan *self,
                gint64  id)
{
  g_return_if_fail (SW_IS_PLAN (self));

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
sw_plan_get_title (SwPlan *self)
{
  g_return_val_if_fail (SW_IS_PLAN (self), "");

  return self->title;
}

void
sw_plan_set_title (SwPlan     *self,
                   const char *title)
{
  g_return_if_fail (SW_IS_PLAN (self));

  if (sw_text_replace (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
sw_plan_get_theme (SwPlan *self)
{
  g_return_val_if_fail (SW_IS_PLAN (self), "");

  return self->theme;
}

void
sw_plan_set_theme (SwPlan     *self,
                   const char *theme)
{
  g_return_if_fail (SW_IS_PLAN (self));

  if (sw_text_replace (&self->theme, theme))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_THEME]);
}

const char *
sw_plan_get_organiser (SwPlan *self)
{
  g_return_val_if_fail (SW_IS_PLAN (self), "");

  return self->organiser;
}

void
sw_plan_set_organiser (SwPlan     *self,
                       const char *organiser)
{
  g_return_if_fail (SW_IS_PLAN (self));

  if (sw_text_replace (&self->organiser, organiser))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORGANISER]);
}

int
sw_plan_get_first_day (SwPlan *self)
{
  g_return_val_if_fail (SW_IS_PLAN (self), 0);

  return self->first_day;
}

void
sw_plan_set_first_day (SwPlan *self,
                       int     day)
{
  g_return_if_fail (SW_IS_PLAN (self));

  if (self->first_day == day)
    return;

  self->first_day = day;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIRST_DAY]);
}

int
sw_plan_get_last_day (SwPlan *self)
{
  g_return_val_if_fail (SW_IS_PLAN (self), 0);

  return self->last_day;
}

void
sw_plan_set_last_day (SwPlan *self,
                      int     day)
{
  g_return_if_fail (SW_IS_PLAN (self));

  if (self->last_day == day)
    return;

  self->last_day = day;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_DAY]);
}

const char *
sw_plan_get_time_zone (SwPlan *self)
{
  g_return_val_if_fail (SW_IS_PLAN (self), DEFAULT_TIME_ZONE);

  return self->time_zone;
}

/* A plan always has a zone: NULL or "" restores the default. */
void
sw_plan_set_time_zone (SwPlan     *self,
                       const char *time_zone)
{
  g_return_if_fail (SW_IS_PLAN (self));

  if (time_zone == NULL || *time_zone == '\0')
    time_zone = DEFAULT_TIME_ZONE;

  if (sw_text_replace (&self->time_zone, time_zone))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIME_ZONE]);
}

const char *
sw_plan_get_hotline (SwPlan *self)
{
  g_return_val_if_fail (SW_IS_PLAN (self), "");

  return self->hotline;
}

void
sw_plan_set_hotline (SwPlan     *self,
                     const char *hotline)
{
  g_return_if_fail (SW_IS_PLAN (self));

  if (sw_text_replace (&self->hotline, hotline))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HOTLINE]);
}

const char *
sw_plan_get_description (SwPlan *self)
{
  g_return_val_if_fail (SW_IS_PLAN (self), "");

  return self->description;
}

void
sw_plan_set_description (SwPlan     *self,
                         const char *description)
{
  g_return_if_fail (SW_IS_PLAN (self));

  if (sw_text_replace (&self->description, description))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}

int
sw_plan_get_travel_buffer (SwPlan *self)
{
  g_return_val_if_fail (SW_IS_PLAN (self), 0);

  return self->travel_buffer;
}

/* Values outside 0 … 1440 minutes are clamped, as the property would. */
void
sw_plan_set_travel_buffer (SwPlan *self,
                           int     minutes)
{
  g_return_if_fail (SW_IS_PLAN (self));

  minutes = CLAMP (minutes, 0, MAX_TRAVEL_BUFFER);
  if (self->travel_buffer == minutes)
    return;

  self->travel_buffer = minutes;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TRAVEL_BUFFER]);
}

int
sw_plan_get_max_hours_per_day (SwPlan *self)
{
  g_return_val_if_fail (SW_IS_PLAN (self), 0);

  return self->max_hours_per_day;
}

/* Values outside 0 … 24 hours are clamped, as the property would. */
void
sw_plan_set_max_hours_per_day (SwPlan *self,
                               int     hours)
{
  g_return_if_fail (SW_IS_PLAN (self));

  hours = CLAMP (hours, 0, MAX_HOURS_PER_DAY);
  if (self->max_hours_per_day == hours)
    return;

  self->max_hours_per_day = hours;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_HOURS_PER_DAY]);
}

int
sw_plan_get_max_duties (SwPlan *self)
{
  g_return_val_if_fail (SW_IS_PLAN (self), 0);

  return self->max_duties;
}

/* Values outside 0 … 999 are clamped, as the property would. */
void
sw_plan_set_max_duties (SwPlan *self,
                        int     duties)
{
  g_return_if_fail (SW_IS_PLAN (self));

  duties = CLAMP (duties, 0, MAX_DUTIES);
  if (self->max_duties == duties)
    return;

  self->max_duties = duties;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_DUTIES]);
}

GListModel *
sw_plan_get_accepted (SwPlan *self)
{
  g_return_val_if_fail (SW_IS_PLAN (self), NULL);

  return G_LIST_MODEL (self->accepted);
}

SwNameOrder
sw_plan_get_name_order (SwPlan *self)
{
  g_return_val_if_fail (SW_IS_PLAN (self), SW_NAME_ORDER_ROSTER);

  return self->name_order;
}

void
sw_plan_set_name_order (SwPlan      *self,
                        SwNameOrder  order)
{
  g_return_if_fail (SW_IS_PLAN (self));
  g_return_if_fail (order >= SW_NAME_ORDER_ROSTER && order <= SW_NAME_ORDER_PINYIN);

  if (self->name_order == order)
    return;

  self->name_order = order;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME_ORDER]);
}

GListModel *
sw_plan_get_committees (SwPlan *self)
{
  g_return_val_if_fail (SW_IS_PLAN (self), NULL);

  return G_LIST_MODEL (self->committees);
}

GListModel *
sw_plan_get_slots (SwPlan *self)
{
  g_return_val_if_fail (SW_IS_PLAN (self), NULL);

  return G_LIST_MODEL (self->slots);
}

GListModel *
sw_plan_get_tasks (SwPlan *self)
{
  g_return_val_if_fail (SW_IS_PLAN (self), NULL);

  return G_LIST_MODEL (self->tasks);
}

SwSlot *
sw_plan_find_slot_by_uid (SwPlan     *self,
                          const char *uid)
{
  GListModel *slots;
  guint n;

  g_return_val_if_fail (SW_IS_PLAN (self), NULL);

  if (uid == NULL || *uid == '\0')
    return NULL;

  slots = G_LIST_MODEL (self->slots);
  n = g_list_model_get_n_items (slots);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwSlot) slot = g_list_model_get_item (slots, i);

      /* The store keeps its reference: the pointer stays valid. */
      if (strcmp (sw_slot_get_uid (slot), uid) == 0)
        return slot;
    }

  return NULL;
}

static int
compare_slots (gconstpointer a,
               gconstpointer b)
{
  SwSlot *slot_a = *(SwSlot **) a;
  SwSlot *slot_b = *(SwSlot **) b;
  gint64 start_a = sw_slot_get_start (slot_a);
  gint64 start_b = sw_slot_get_start (slot_b);
  gint64 end_a = sw_slot_get_end (slot_a);
  gint64 end_b = sw_slot_get_end (slot_b);
  int cmp;

  if (start_a != start_b)
    return start_a < start_b ? -1 : 1;
  if (end_a != end_b)
    return end_a < end_b ? -1 : 1;

  /* Byte order, not collation: exports must not depend on the locale. */
  cmp = strcmp (sw_slot_get_title (slot_a), sw_slot_get_title (slot_b));
  if (cmp != 0)
    return cmp;

  return strcmp (sw_slot_get_uid (slot_a), sw_slot_get_uid (slot_b));
}

GPtrArray *
sw_plan_dup_sorted_slots (SwPlan *self)
{
  GListModel *slots;
  GPtrArray *sorted;
  guint n;

  g_return_val_if_fail (SW_IS_PLAN (self), NULL);

  slots = G_LIST_MODEL (self->slots);
  n = g_list_model_get_n_items (slots);
  sorted = g_ptr_array_sized_new (n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwSlot) slot = g_list_model_get_item (slots, i);

      g_ptr_array_add (sorted, slot);
    }

  g_ptr_array_sort (sorted, compare_slots);

  return sorted;
}

static int
compare_days (gconstpointer a,
              gconstpointer b)
{
  int x = *(const int *) a;
  int y = *(const int *) b;

  return (x > y) - (x < y);
}

GArray *
sw_plan_dup_days (SwPlan *self,
                  int     max_days)
{
  GArray *days;
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  GListModel *slots;

  g_return_val_if_fail (SW_IS_PLAN (self), NULL);

  days = g_array_new (FALSE, FALSE, sizeof (int));
  if ((gint64) self->last_day - self->first_day < max_days)
    for (int day = self->first_day; day <= self->last_day; day++)
      {
        g_array_append_val (days, day);
        g_hash_table_add (seen, GINT_TO_POINTER (day));
      }

  slots = G_LIST_MODEL (self->slots);
  for (guint i = 0; i < g_list_model_get_n_items (slots); i++)
    {
      g_autoptr(SwSlot) slot = g_list_model_get_item (slots, i);
      int day = sw_time_day_of (sw_slot_get_start (slot));

      if (g_hash_table_add (seen, GINT_TO_POINTER (day)))
        g_array_append_val (days, day);
    }
  g_array_sort (days, compare_days);

  return days;
}
