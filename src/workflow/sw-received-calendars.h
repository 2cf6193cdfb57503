/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sw-store.h"

G_BEGIN_DECLS

/* The calendars of @keys ("person:ID", "department:ID"; "plan" counts for
 * nobody) reached their people: what each of them holds in @index (of
 * sw_received_index_plan (), taken when the calendars were built; NULL:
 * the plan as it is now) is what
 * they received, saved in @store for the change notices (replacing what
 * they had received; nobody else's record is read or written). */
gboolean sw_received_calendars_save (SwStore            *store,
                                     SwPlan             *plan,
                                     GHashTable         *index,
                                     const char * const *keys,
                                     GError            **error);

G_END_DECLS
