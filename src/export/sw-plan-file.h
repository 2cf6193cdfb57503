/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sw-core.h"

G_BEGIN_DECLS

#define SW_IMPORT_ERROR (sw_import_error_quark ())

typedef enum
{
  SW_IMPORT_ERROR_SYNTAX,       /* not JSON */
  SW_IMPORT_ERROR_FORMAT,       /* "format" is not "servweek-plan" */
  SW_IMPORT_ERROR_VERSION,      /* unsupported "version" */
  SW_IMPORT_ERROR_INVALID,      /* a bad value: date, kind, role, end before start, … */
  SW_IMPORT_ERROR_REFERENCE,    /* a person key, department or slot uid that does not exist */
  SW_IMPORT_ERROR_NOT_FOUND,    /* no such template */
} SwImportError;

GQuark  sw_import_error_quark   (void);

/*
 * The plan exchange file (DESIGN §7).  Export writes deterministic bytes:
 * export → import → export gives identical bytes.
 */
GBytes *sw_plan_file_export     (SwOrganisation  *org,
                                 SwPlan          *plan);

/*
 * Imports a plan file into @org as one undo step: departments are merged by
 * name, people by name within their department; the plan is added.  Any
 * error names the place in the file ("slots[3].duties[0].department: …")
 * and leaves @org unchanged.  Returns the new plan (transfer none).
 */
SwPlan *sw_plan_file_import     (SwOrganisation  *org,
                                 GBytes          *bytes,
                                 GError         **error);

/*
 * A new plan from a built-in template ("service-week", "empty"): the
 * template's plan is shifted so that it starts on @first_day (G_MININT:
 * the template's own month and day in the current year) and given @title
 * (NULL: the template's).  @last_day G_MININT keeps the template's length;
 * @time_zone NULL keeps the template's.  One undo step.
 */
SwPlan *sw_plan_file_new_from_template (SwOrganisation  *org,
                                        const char      *template_name,
                                        const char      *title,
                                        int              first_day,
                                        int              last_day,
                                        const char      *time_zone,
                                        GError         **error);
/* The names of the built-in templates (NULL-terminated, static). */
const char * const *sw_plan_file_list_templates (void);

G_END_DECLS
