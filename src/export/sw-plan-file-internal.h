/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "sw-plan-file.h"

G_BEGIN_DECLS

/*
 * What the files of the plan exchange format share: its name and limits,
 * the importer's state, and the readers each part calls.  Nothing outside
 * src/export includes this.
 */

#define FORMAT_NAME "servweek-plan"
#define FORMAT_VERSION 2
#define MAX_TRAVEL_BUFFER 1440
#define MAX_HOURS_PER_DAY 24
#define MAX_DUTIES 999
#define MAX_COUNT 999

/* What an import has read: objects not yet part of the organisation. */
typedef struct
{
  SwOrganisation *org;

  GHashTable     *departments;      /* name → SwDepartment (listed in the file) */
  GPtrArray      *new_departments;  /* SwDepartment, owned */
  GHashTable     *people;           /* key → SwPerson */
  GPtrArray      *new_people;       /* SwPerson, owned */
  GPtrArray      *added_periods;    /* (SwPerson, SwUnavailability) pairs for people already on the roster */
  GPtrArray      *periods;          /* every SwUnavailability read, owned */
  GHashTable     *slots;            /* uid → SwSlot */
  GHashTable     *task_uids;        /* uid → SwTask */
  SwPlan         *plan;             /* owned */
} SwPlanFileImporter;

/* sw-plan-file-export.c: helpers the reader shares */
int       sw_plan_file_compare_unavailability (gconstpointer   a,
                                               gconstpointer   b);
GPtrArray *sw_plan_file_dup_model_items       (GListModel     *model);

/* sw-plan-file-json.c: members read with messages that say where */
gboolean sw_plan_file_fail                 (GError      **error,
                                            int           code,
                                            const char   *place,
                                            const char   *format,
                                            ...) G_GNUC_PRINTF (4, 5);
gboolean sw_plan_file_fail_value           (GError      **error,
                                            int           code,
                                            const char   *place,
                                            const char   *format,
                                            const char   *value);
char     *sw_plan_file_place_of            (const char   *parent,
                                            const char   *member);
char     *sw_plan_file_place_at            (const char   *parent,
                                            guint         index);
JsonNode *sw_plan_file_get_member          (JsonObject   *object,
                                            const char   *name);
gboolean sw_plan_file_read_string          (JsonObject   *object,
                                            const char   *parent,
                                            const char   *name,
                                            gboolean      required,
                                            const char  **out,
                                            GError      **error);
gboolean sw_plan_file_read_name            (JsonObject   *object,
                                            const char   *parent,
                                            const char   *name,
                                            const char  **out,
                                            GError      **error);
gboolean sw_plan_file_read_array           (JsonObject   *object,
                                            const char   *parent,
                                            const char   *name,
                                            JsonArray   **out,
                                            GError      **error);
guint    sw_plan_file_array_length         (JsonArray    *array);
gboolean sw_plan_file_element_object       (JsonArray    *array,
                                            guint         index,
                                            const char   *place,
                                            JsonObject  **out,
                                            GError      **error);
gboolean sw_plan_file_element_string       (JsonArray    *array,
                                            guint         index,
                                            const char   *place,
                                            const char  **out,
                                            GError      **error);
gboolean sw_plan_file_read_datetime        (JsonObject   *object,
                                            const char   *parent,
                                            const char   *name,
                                            gboolean      required,
                                            gint64       *out,
                                            GError      **error);
gboolean sw_plan_file_read_date            (JsonObject   *object,
                                            const char   *parent,
                                            const char   *name,
                                            int          *out,
                                            GError      **error);
gboolean sw_plan_file_read_enum            (JsonObject   *object,
                                            const char   *parent,
                                            const char   *name,
                                            GType         enum_type,
                                            int           fallback,
                                            int          *out,
                                            GError      **error);
gboolean sw_plan_file_read_skills          (JsonObject   *object,
                                            const char   *parent,
                                            char       ***out,
                                            GError      **error);
gboolean sw_plan_file_read_limit           (JsonObject   *object,
                                            const char   *parent,
                                            const char   *name,
                                            int           max,
                                            int          *out,
                                            GError      **error);
gboolean sw_plan_file_has_text_after_value (const char   *data,
                                            gsize         size);

/* sw-plan-file-read.c: each part of the file, read and checked */
gboolean sw_plan_file_read_header      (JsonObject          *root,
                                        GError             **error);
gboolean sw_plan_file_read_plan        (SwPlanFileImporter  *self,
                                        JsonObject          *root,
                                        GError             **error);
gboolean sw_plan_file_read_departments (SwPlanFileImporter  *self,
                                        JsonObject          *root,
                                        GError             **error);
gboolean sw_plan_file_read_people      (SwPlanFileImporter  *self,
                                        JsonObject          *root,
                                        GError             **error);
gboolean sw_plan_file_read_committees  (SwPlanFileImporter  *self,
                                        JsonObject          *root,
                                        GError             **error);
gboolean sw_plan_file_read_slots       (SwPlanFileImporter  *self,
                                        JsonObject          *root,
                                        GError             **error);
gboolean sw_plan_file_read_tasks       (SwPlanFileImporter  *self,
                                        JsonObject          *root,
                                        GError             **error);
gboolean sw_plan_file_read_accepted    (SwPlanFileImporter  *self,
                                        JsonObject          *root,
                                        GError             **error);

/* sw-plan-file-import.c: the importer from bytes to one undo step */
void     sw_plan_file_importer_clear      (SwPlanFileImporter  *self);
void     sw_plan_file_importer_init       (SwPlanFileImporter  *self,
                                           SwOrganisation      *org);
gboolean sw_plan_file_importer_read       (SwPlanFileImporter  *self,
                                           GBytes              *bytes,
                                           GError             **error);
void     sw_plan_file_importer_renew_uids (SwPlanFileImporter  *self,
                                           gboolean             always);
void     sw_plan_file_importer_shift      (SwPlanFileImporter  *self,
                                           int                  days);
SwPlan   *sw_plan_file_importer_commit    (SwPlanFileImporter  *self,
                                           const char          *label,
                                           GError             **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SwPlanFileImporter, sw_plan_file_importer_clear)

G_END_DECLS
