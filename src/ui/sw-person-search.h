/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sw-core.h"

G_BEGIN_DECLS

/*
 * The one people search of the window: the roster, the Assign picker,
 * the schedule's sidebar and the committees' picker.  The query is split
 * into words (sw_ui_state_normalize_query ()); a person matches when
 * every word is found, ignoring case, in their name, phone, e-mail,
 * title, department or skills, or in the pinyin of their name: whole
 * ("zhoujianguo"), by syllables ("zhou jian guo") or by initials ("zjg"),
 * the surname read as a surname (曾 zeng, 单 shan) and ü also typed as v.
 *
 * What is searched is worked out once per person and kept with the
 * person until their fields change.
 */
gboolean    sw_person_search_matches  (SwPerson   *person,
                                       const char *normalized_query);
/* The folded text a query is looked for in (transfer none: kept with
 * @person until its fields change). */
const char *sw_person_search_text     (SwPerson   *person);
/* Works out, in a thread, what the names of @people (SwPerson) are
 * searched by, so that the first search does not wait for it; the views
 * that search people call it as they are given them (once for the same
 * list). */
void        sw_person_search_prepare  (GListModel *people);
/* The pinyin of @text's Chinese characters, syllables separated by
 * spaces, each character of a name read as in a name (transfer full);
 * other characters are kept. */
char       *sw_person_search_pinyin   (const char *text);

G_END_DECLS
