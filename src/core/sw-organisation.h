/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "sw-department.h"
#include "sw-person.h"
#include "sw-plan.h"
#include "sw-undo-stack.h"

G_BEGIN_DECLS

/* Everything one database holds: the roster (departments, people) and any
 * number of plans, plus the undo stack through which every change goes.
 * Read-only list properties "departments" (kept sorted by position),
 * "people", "plans"; "undo-stack"; "read-only", TRUE when what holds the
 * organisation cannot keep changes (a read-only database): the views then
 * offer no editing. */
#define SW_TYPE_ORGANISATION (sw_organisation_get_type ())
G_DECLARE_FINAL_TYPE (SwOrganisation, sw_organisation, SW, ORGANISATION, GObject)

SwOrganisation *sw_organisation_new                (void);
GListModel     *sw_organisation_get_departments    (SwOrganisation *self);
GListModel     *sw_organisation_get_people         (SwOrganisation *self);
GListModel     *sw_organisation_get_plans          (SwOrganisation *self);
SwUndoStack    *sw_organisation_get_undo_stack     (SwOrganisation *self);
gboolean        sw_organisation_get_read_only      (SwOrganisation *self);
void            sw_organisation_set_read_only      (SwOrganisation *self,
                                                    gboolean        read_only);

SwDepartment   *sw_organisation_find_department    (SwOrganisation *self,
                                                    const char     *name);
/* The person named @name, in @department when given.  With @department
 * NULL and two people of that name, sets SW_CORE_ERROR_AMBIGUOUS. */
SwPerson       *sw_organisation_find_person        (SwOrganisation *self,
                                                    const char     *name,
                                                    SwDepartment   *department,
                                                    GError        **error);
SwPlan         *sw_organisation_find_plan          (SwOrganisation *self,
                                                    gint64          id);
/* The people of @department in roster order (transfer container). */
GPtrArray      *sw_organisation_dup_department_people (SwOrganisation *self,
                                                       SwDepartment   *department);

G_END_DECLS
