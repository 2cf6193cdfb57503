/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "sw-department.h"

G_BEGIN_DECLS

/* Properties: "id", "name", "department" (SwDepartment, may be NULL),
 * "title", "phone", "email", "notes", "active" (gboolean, default TRUE),
 * "skills" (GStrv of qualifications, see sw-skills.h),
 * "unavailability" (read-only GListModel of SwUnavailability, a GListStore
 * kept sorted by start by the code that inserts). */
#define SW_TYPE_PERSON (sw_person_get_type ())
G_DECLARE_FINAL_TYPE (SwPerson, sw_person, SW, PERSON, GObject)

SwPerson     *sw_person_new                (const char   *name,
                                            SwDepartment *department);
gint64        sw_person_get_id             (SwPerson     *self);
void          sw_person_set_id             (SwPerson     *self,
                                            gint64        id);
const char   *sw_person_get_name           (SwPerson     *self);
void          sw_person_set_name           (SwPerson     *self,
                                            const char   *name);
SwDepartment *sw_person_get_department     (SwPerson     *self);
void          sw_person_set_department     (SwPerson     *self,
                                            SwDepartment *department);
const char   *sw_person_get_title          (SwPerson     *self);
void          sw_person_set_title          (SwPerson     *self,
                                            const char   *title);
const char   *sw_person_get_phone          (SwPerson     *self);
void          sw_person_set_phone          (SwPerson     *self,
                                            const char   *phone);
const char   *sw_person_get_email          (SwPerson     *self);
void          sw_person_set_email          (SwPerson     *self,
                                            const char   *email);
const char   *sw_person_get_notes          (SwPerson     *self);
void          sw_person_set_notes          (SwPerson     *self,
                                            const char   *notes);
gboolean      sw_person_get_active         (SwPerson     *self);
void          sw_person_set_active         (SwPerson     *self,
                                            gboolean      active);
const char *const *sw_person_get_skills    (SwPerson     *self);
void          sw_person_set_skills         (SwPerson     *self,
                                            const char *const *skills);
GListModel   *sw_person_get_unavailability (SwPerson     *self);

G_END_DECLS
