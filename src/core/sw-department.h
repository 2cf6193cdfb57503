/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Properties: "id" (gint64, 0 until stored), "name", "short-name",
 * "color" ("#rrggbb"), "position" (int, order in the roster). */
#define SW_TYPE_DEPARTMENT (sw_department_get_type ())
G_DECLARE_FINAL_TYPE (SwDepartment, sw_department, SW, DEPARTMENT, GObject)

SwDepartment *sw_department_new            (const char   *name);
gint64        sw_department_get_id         (SwDepartment *self);
void          sw_department_set_id         (SwDepartment *self,
                                            gint64        id);
const char   *sw_department_get_name       (SwDepartment *self);
void          sw_department_set_name       (SwDepartment *self,
                                            const char   *name);
const char   *sw_department_get_short_name (SwDepartment *self);
void          sw_department_set_short_name (SwDepartment *self,
                                            const char   *short_name);
const char   *sw_department_get_color      (SwDepartment *self);
void          sw_department_set_color      (SwDepartment *self,
                                            const char   *color);
int           sw_department_get_position   (SwDepartment *self);
void          sw_department_set_position   (SwDepartment *self,
                                            int           position);

/* The names of the departments in @departments, in order, joined by
 * @separator ("" for none). */
char         *sw_department_join_names     (GListModel   *departments,
                                            const char   *separator);

G_END_DECLS
