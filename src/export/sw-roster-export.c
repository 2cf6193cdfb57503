/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <csv.h>
#include <glib/gi18n-lib.h>

#include "sw-roster-export.h"
#include "sw-roster-import.h"

gboolean
sw_roster_use_chinese (void)
{
  const char * const *languages = g_get_language_names_with_category ("LC_MESSAGES");

  return languages[0] != NULL && g_str_has_prefix (languages[0], "zh");
}

/* Appends @value as one CSV field, quoted when it holds a separator, a
 * quote, a line break or spaces at its ends. */
static void
append_field (GString    *out,
              const char *value)
{
  gsize length = strlen (value);
  gboolean quote = length > 0 && (g_ascii_isspace (value[0]) || g_ascii_isspace (value[length - 1]));

  for (gsize i = 0; i < length && !quote; i++)
    quote = strchr (",;\t\"\r\n", value[i]) != NULL;

  if (quote)
    {
      /* csv_write doubles the quotes and surrounds the field with them. */
      gsize needed = length * 2 + 2;
      gsize old_length = out->len;

      g_string_set_size (out, old_length + needed);
      g_string_set_size (out, old_length + csv_write (out->str + old_length, needed, value, length));
    }
  else
    g_string_append_len (out, value, length);
}

static void
append_person (GString  *out,
               SwPerson *person)
{
  SwDepartment *department = sw_person_get_department (person);
  g_autofree char *skills = sw_skills_join (sw_person_get_skills (person), "、");
  const char *values[] = {
    sw_person_get_name (person),
    department != NULL ? sw_department_get_name (department) : "",
    sw_person_get_title (person),
    sw_person_get_phone (person),
    sw_person_get_email (person),
    sw_person_get_notes (person),
    skills,
  };

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      append_field (out, values[i]);
    }
  g_string_append (out, "\r\n");
}

GBytes *
sw_roster_export (SwOrganisation *org)
{
  static const char *header_zh = "姓名,部门,职务,电话,邮箱,备注,技能/资质\r\n";
  static const char *header_en = "Name,Department,Title,Phone,Email,Notes,Skills\r\n";
  GString *out;
  GListModel *departments;
  GListModel *people;
  guint n;

  g_return_val_if_fail (SW_IS_ORGANISATION (org), NULL);

  out = g_string_new ("\xEF\xBB\xBF");
  g_string_append (out, sw_roster_use_chinese () ? header_zh : header_en);

  departments = sw_organisation_get_departments (org);
  n = g_list_model_get_n_items (departments);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwDepartment) department = g_list_model_get_item (departments, i);
      g_autoptr(GPtrArray) members = sw_organisation_dup_department_people (org, department);

      for (guint j = 0; j < members->len; j++)
        append_person (out, g_ptr_array_index (members, j));
    }

  people = sw_organisation_get_people (org);
  n = g_list_model_get_n_items (people);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwPerson) person = g_list_model_get_item (people, i);

      if (sw_person_get_department (person) == NULL)
        append_person (out, person);
    }

  return g_string_free_to_bytes (out);
}

gboolean
sw_roster_export_to_file (SwOrganisation  *org,
                          const char      *path,
                          GError         **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *dir = NULL;
  gsize length;
  const char *data;

  g_return_val_if_fail (SW_IS_ORGANISATION (org), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  dir = g_path_get_dirname (path);
  /* GLib would name its temporary file in the message. */
  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, SW_ROSTER_ERROR, SW_ROSTER_ERROR_WRITE,
                   _("Cannot write %s: the folder %s does not exist"), path, dir);
      return FALSE;
    }

  bytes = sw_roster_export (org);
  data = g_bytes_get_data (bytes, &length);

  if (!g_file_set_contents_full (path, data, length,
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, &local_error))
    {
      g_set_error (error, SW_ROSTER_ERROR, SW_ROSTER_ERROR_WRITE,
                   _("Cannot write %s: %s"), path, local_error->message);
      return FALSE;
    }

  return TRUE;
}
