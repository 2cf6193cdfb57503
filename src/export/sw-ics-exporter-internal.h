/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libical/ical.h>

#include "sw-ics-exporter.h"

G_BEGIN_DECLS

/*
 * What the files of SwIcsExporter share: the object, and the helpers each
 * part calls in another.  Nothing outside src/export includes this.
 */

#define PRODID SW_ICS_PRODID
#define LINE_OCTETS 75
#define DAY_MINUTES (24 * 60)

typedef struct _SwIcsSlotTexts SwIcsSlotTexts;

/* An item's text as libical writes its component, in two parts: the
 * BEGIN line with the properties, and the sub-components with the END
 * line.  Its stamps go between them. */
typedef struct
{
  GString *head;
  GString *tail;
} SwIcsItem;

struct _SwIcsExporter
{
  GObject          parent_instance;

  SwOrganisation  *organisation;
  SwPlan          *plan;
  SwCalendarState *state;
  gboolean         include_tasks;
  int              reminder_minutes;
  gboolean         include_phones;
  gint64           now;

  /* Prepared at the start of each export. */
  gint64           stamp;
  char            *title;            /* the plan's title, cleaned */
  int              folder_fd;        /* the folder, open; or -1 */
  char            *tzid;
  icalcomponent   *vtimezone;        /* the plan's zone, trimmed to the plan */
  char            *vtimezone_text;
  GHashTable      *slot_texts;       /* SwSlot → SwIcsSlotTexts, made once */
  GPtrArray       *slots;            /* SwSlot, sorted by start */
  GHashTable      *person_slots;     /* SwPerson → GPtrArray of SwSlot */
  GHashTable      *department_slots; /* SwDepartment → GPtrArray of SwSlot */
  GHashTable      *person_tasks;     /* SwPerson → GPtrArray of SwTask */
  GHashTable      *department_tasks; /* SwDepartment → GPtrArray of SwTask */
  GPtrArray       *tasks;            /* SwTask, in plan order */
  GHashTable      *leaders;          /* SwPerson set */
  GHashTable      *keys;             /* SwPerson / SwDepartment → char *key */
  SwPerson        *organizer;
  char            *base_digest;      /* what every file is made from */
  GHashTable      *item_digests;     /* SwSlot / SwTask → char *digest */

  /* An export in steps: the owners of the files (people, departments
   * or the plan), their keys and file names, and the files built. */
  SwIcsScope       scope;
  GPtrArray       *owners;
  GPtrArray       *owner_keys;
  GPtrArray       *owner_files;
  GPtrArray       *files;
  guint            next;

  /* Where the files go, when known: files there that a new export would
   * write byte for byte the same are left as they are, not built. */
  char            *folder;
};

/* sw-ics-exporter.c: the steps of an export, shared by its files and its
 * calendars */
/* The items of the file or calendar @file_key (the slots of @person, or
 * of the plan or a department when NULL, and the tasks), each compared
 * with the state and recorded: appended to @out, or each to a GString of
 * its own added to @each (then @out is not used and removed items are
 * left out, not cancelled). */
void       sw_ics_exporter_build_items    (SwIcsExporter  *self,
                                           const char     *file_key,
                                           GPtrArray      *slots,
                                           SwPerson       *person,
                                           GPtrArray      *tasks,
                                           GString        *out,
                                           GPtrArray      *each);
/* "plan title · @part", or the title alone. */
char      *sw_ics_exporter_calendar_name  (SwIcsExporter  *self,
                                           const char     *part);
void       sw_ics_exporter_clear_steps    (SwIcsExporter  *self);

/* sw-ics-text.c: clean text, folding, times */
char                *sw_ics_clean_text      (const char    *text,
                                             gboolean       multiline);
char                *sw_ics_clean_parameter (const char    *text);
void                sw_ics_append_refolded  (GString       *out,
                                             const char    *text);
char                *sw_ics_component_text  (icalcomponent *component);
struct icaltimetype sw_ics_local_time       (gint64         minutes);
icalproperty        *sw_ics_with_tzid       (icalproperty  *property,
                                             const char    *tzid);
struct icaltimetype sw_ics_utc_time         (gint64         seconds);

/* sw-ics-prepare.c: what one export needs, computed once */
void       sw_ics_exporter_clear_prepared (SwIcsExporter  *self);
gboolean   sw_ics_exporter_prepare        (SwIcsExporter  *self,
                                           GError        **error);
const char *sw_ics_exporter_key_of        (SwIcsExporter  *self,
                                           gpointer        object);

/* sw-ics-digest.c: what a file is made from */
void       sw_ics_exporter_prepare_digests (SwIcsExporter *self);
char      *sw_ics_exporter_file_digest     (SwIcsExporter *self,
                                            const char    *file_key,
                                            const char    *calendar_name,
                                            GPtrArray     *slots,
                                            GPtrArray     *tasks);
void       sw_ics_exporter_add_digest      (icalcomponent *calendar,
                                            const char    *digest);
/* Whether the file @name in the folder open as @dir carries @digest. */
gboolean   sw_ics_exporter_file_has_digest (int            dir,
                                            const char    *name,
                                            const char    *digest);

/* sw-ics-components.c: the items of a file (what an item is made of goes
 * into its digest in sw-ics-digest.c too) */
void           sw_ics_item_clear                   (SwIcsItem             *item);
/* @item as libical writes @component; takes @component. */
void           sw_ics_item_set_component           (SwIcsItem             *item,
                                                    icalcomponent         *component);
void           sw_ics_slot_texts_free              (SwIcsSlotTexts        *texts);
char          *sw_ics_slot_summary                 (SwSlot                *slot,
                                                    SwPerson              *person);
void           sw_ics_exporter_slot_item           (SwIcsExporter         *self,
                                                    SwSlot                *slot,
                                                    SwPerson              *person,
                                                    const char            *summary,
                                                    SwIcsItem             *item);
icalcomponent *sw_ics_exporter_task_component      (SwIcsExporter         *self,
                                                    SwTask                *task,
                                                    const char            *summary);
icalcomponent *sw_ics_exporter_cancelled_component (SwIcsExporter         *self,
                                                    const char            *uid,
                                                    const SwCalendarEntry *entry);
void           sw_ics_append_stamps                (GString               *out,
                                                    const SwCalendarEntry *entry);
void           sw_ics_exporter_add_item            (SwIcsExporter         *self,
                                                    GString               *out,
                                                    const char            *file_key,
                                                    const char            *uid,
                                                    SwIcsItem             *item,
                                                    gboolean               is_todo,
                                                    const char            *summary,
                                                    gint64                 start,
                                                    gint64                 end);

G_END_DECLS
