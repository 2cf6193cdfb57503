/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sw-core.h"

G_BEGIN_DECLS

/* TRUE when the user reads Chinese (the first of the language names of
 * LC_MESSAGES / LANGUAGE is zh…): spreadsheets then get Chinese headers
 * and sheet names, which SwRosterImport recognises as well as English. */
gboolean  sw_roster_use_chinese     (void);

/*
 * The roster as CSV that Excel and WPS open with Chinese intact: UTF-8
 * with a BOM, CRLF line ends, the header 姓名,部门,职务,电话,邮箱,备注
 * (Name,Department,Title,Phone,Email,Notes in English), one row per
 * person in roster order (by department, people without one last),
 * quoted per RFC 4180 where needed.  Importing it back changes nothing.
 */
GBytes   *sw_roster_export          (SwOrganisation  *org);

/* Writes sw_roster_export() to @path atomically (mode 0600: the file
 * holds phone numbers); SW_ROSTER_ERROR_WRITE names the file. */
gboolean  sw_roster_export_to_file  (SwOrganisation  *org,
                                     const char      *path,
                                     GError         **error);

G_END_DECLS
