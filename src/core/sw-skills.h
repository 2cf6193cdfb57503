/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * Skills (资质): free-text qualifications a person holds (电工证, 驾驶证)
 * and a duty may require.  A list of skills is a NULL-terminated string
 * array, each skill trimmed, none empty, none twice, in the order given.
 */

/* @skills (may be NULL) made into such a list. */
char     **sw_skills_normalize (const char *const *skills);
/* Skills typed as one text: separated by 、 ; ； , ， or new lines. */
char     **sw_skills_parse     (const char        *text);
/* The skills joined by @separator ("" for none). */
char      *sw_skills_join      (const char *const *skills,
                                const char        *separator);
gboolean   sw_skills_equal     (const char *const *a,
                                const char *const *b);
gboolean   sw_skills_contains  (const char *const *skills,
                                const char        *skill);
/* Stores @skills, normalised, in *@field (a list owned by the caller's
 * object); TRUE when that changed it. */
gboolean   sw_skills_replace   (char            ***field,
                                const char *const *skills);

G_END_DECLS
