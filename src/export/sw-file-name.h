/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The longest name sw_file_name_make_safe() returns, in bytes, before the
 * caller's extension (".ics" keeps the whole name within 100 bytes). */
#define SW_FILE_NAME_MAX_BYTES 96

/*
 * A file name made from @name that every common file system accepts and
 * that cannot leave the folder it is put in: valid UTF-8, no / \ : * ? " <
 * > | or control characters (each becomes "_"), no leading dots or spaces,
 * no trailing dots or spaces, not a Windows device name (CON, NUL, COM1 …,
 * with or without an extension), never empty (@fallback then, itself made
 * safe), at most SW_FILE_NAME_MAX_BYTES bytes cut between whole characters.
 */
char     *sw_file_name_make_safe    (const char *name,
                                     const char *fallback);

/* TRUE when @a and @b name the same file on a case-insensitive file
 * system. */
gboolean  sw_file_name_equal        (const char *a,
                                     const char *b);

G_END_DECLS
