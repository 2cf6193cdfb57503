/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sw-plan-file-internal.h"

G_GNUC_PRINTF (4, 5)
gboolean
sw_plan_file_fail (GError    **error,
                   int         code,
                   const char *place,
                   const char *format,
                   ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  /* TRANSLATORS: a place in a plan file, then what is wrong there:
   * "slots[2].duties[0].count: 0 is not between 1 and 999" */
  g_set_error (error, SW_IMPORT_ERROR, code, _("%s: %s"), place, message);

  return FALSE;
}

/* Like sw_plan_file_fail(), for a message that quotes one value from the
 * file (its only %s): the value is shown valid and not too long. */
gboolean
sw_plan_file_fail_value (GError    **error,
                         int         code,
                         const char *place,
                         const char *format,
                         const char *value)
{
  g_autofree char *valid = g_utf8_make_valid (value, -1);
  g_autofree char *message = NULL;

  if (g_utf8_strlen (valid, -1) > 40)
    {
      g_autofree char *head = g_utf8_substring (valid, 0, 40);

      g_free (valid);
      valid = g_strconcat (head, "…", NULL);
    }

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  message = g_strdup_printf (format, valid);
#pragma GCC diagnostic pop

  return sw_plan_file_fail (error, code, place, "%s", message);
}

char *
sw_plan_file_place_of (const char *parent,
                       const char *member)
{
  if (parent == NULL || *parent == '\0')
    return g_strdup (member);
  return g_strconcat (parent, ".", member, NULL);
}

char *
sw_plan_file_place_at (const char *parent,
                       guint       index)
{
  return g_strdup_printf ("%s[%u]", parent, index);
}

/* A member, or NULL when absent or null. */
JsonNode *
sw_plan_file_get_member (JsonObject *object,
                         const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;

  return node;
}

/* Reads a text member; *out is "" when absent and not required. */
gboolean
sw_plan_file_read_string (JsonObject  *object,
                          const char  *parent,
                          const char  *name,
                          gboolean     required,
                          const char **out,
                          GError     **error)
{
  JsonNode *node = sw_plan_file_get_member (object, name);
  g_autofree char *place = NULL;

  *out = "";

  if (node == NULL)
    {
      if (!required)
        return TRUE;
      place = sw_plan_file_place_of (parent, name);
      return sw_plan_file_fail (error, SW_IMPORT_ERROR_INVALID, place, _("missing"));
    }

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      place = sw_plan_file_place_of (parent, name);
      return sw_plan_file_fail (error, SW_IMPORT_ERROR_INVALID, place, _("expected a text"));
    }

  *out = json_node_get_string (node);
  return TRUE;
}

/* Reads a text member that must not be empty. */
gboolean
sw_plan_file_read_name (JsonObject  *object,
                        const char  *parent,
                        const char  *name,
                        const char **out,
                        GError     **error)
{
  g_autofree char *place = NULL;

  if (!sw_plan_file_read_string (object, parent, name, TRUE, out, error))
    return FALSE;

  if (**out == '\0')
    {
      place = sw_plan_file_place_of (parent, name);
      return sw_plan_file_fail (error, SW_IMPORT_ERROR_INVALID, place, _("must not be empty"));
    }

  return TRUE;
}

/* An array member, NULL (and TRUE) when absent. */
gboolean
sw_plan_file_read_array (JsonObject  *object,
                         const char  *parent,
                         const char  *name,
                         JsonArray  **out,
                         GError     **error)
{
  JsonNode *node = sw_plan_file_get_member (object, name);
  g_autofree char *place = NULL;

  *out = NULL;

  if (node == NULL)
    return TRUE;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      place = sw_plan_file_place_of (parent, name);
      return sw_plan_file_fail (error, SW_IMPORT_ERROR_INVALID, place, _("expected a list"));
    }

  *out = json_node_get_array (node);
  return TRUE;
}

guint
sw_plan_file_array_length (JsonArray *array)
{
  return array != NULL ? json_array_get_length (array) : 0;
}

gboolean
sw_plan_file_element_object (JsonArray   *array,
                             guint        index,
                             const char  *place,
                             JsonObject **out,
                             GError     **error)
{
  JsonNode *node = json_array_get_element (array, index);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return sw_plan_file_fail (error, SW_IMPORT_ERROR_INVALID, place, _("expected an object"));

  *out = json_node_get_object (node);
  return TRUE;
}

gboolean
sw_plan_file_element_string (JsonArray   *array,
                             guint        index,
                             const char  *place,
                             const char **out,
                             GError     **error)
{
  JsonNode *node = json_array_get_element (array, index);

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return sw_plan_file_fail (error, SW_IMPORT_ERROR_INVALID, place, _("expected a text"));

  *out = json_node_get_string (node);
  return TRUE;
}

gboolean
sw_plan_file_read_datetime (JsonObject  *object,
                            const char  *parent,
                            const char  *name,
                            gboolean     required,
                            gint64      *out,
                            GError     **error)
{
  g_autofree char *place = NULL;
  const char *text;

  *out = SW_TIME_UNSET;

  if (!sw_plan_file_read_string (object, parent, name, required, &text, error))
    return FALSE;

  if (!required && *text == '\0')
    return TRUE;

  if (!sw_time_parse_datetime (text, out, NULL))
    {
      place = sw_plan_file_place_of (parent, name);
      return sw_plan_file_fail_value (error, SW_IMPORT_ERROR_INVALID, place,
                   _("“%s” is not a date and time (YYYY-MM-DDTHH:MM)"), text);
    }

  return TRUE;
}

gboolean
sw_plan_file_read_date (JsonObject  *object,
                        const char  *parent,
                        const char  *name,
                        int         *out,
                        GError     **error)
{
  g_autofree char *place = NULL;
  const char *text;

  if (!sw_plan_file_read_string (object, parent, name, TRUE, &text, error))
    return FALSE;

  if (!sw_time_parse_date (text, out, NULL))
    {
      place = sw_plan_file_place_of (parent, name);
      return sw_plan_file_fail_value (error, SW_IMPORT_ERROR_INVALID, place,
                   _("“%s” is not a date (YYYY-MM-DD)"), text);
    }

  return TRUE;
}

gboolean
sw_plan_file_read_enum (JsonObject  *object,
                        const char  *parent,
                        const char  *name,
                        GType        enum_type,
                        int          fallback,
                        int         *out,
                        GError     **error)
{
  g_autofree char *place = NULL;
  const char *text;

  if (!sw_plan_file_read_string (object, parent, name, fallback < 0, &text, error))
    return FALSE;

  if (*text == '\0' && fallback >= 0)
    {
      *out = fallback;
      return TRUE;
    }

  if (!sw_enum_from_nick (enum_type, text, out))
    {
      place = sw_plan_file_place_of (parent, name);
      if (enum_type == SW_TYPE_SLOT_KIND)
        return sw_plan_file_fail_value (error, SW_IMPORT_ERROR_INVALID, place,
                                        _("unknown kind “%s”"), text);
      else if (enum_type == SW_TYPE_ROLE)
        return sw_plan_file_fail_value (error, SW_IMPORT_ERROR_INVALID, place,
                                        _("unknown role “%s”"), text);
      else if (enum_type == SW_TYPE_PROBLEM_KIND)
        return sw_plan_file_fail_value (error, SW_IMPORT_ERROR_INVALID, place,
                                        _("unknown kind of problem “%s”"), text);
      else if (enum_type == SW_TYPE_NAME_ORDER)
        /* TRANSLATORS: keep roster, stroke and pinyin in English: they are the file's words */
        return sw_plan_file_fail_value (error, SW_IMPORT_ERROR_INVALID, place,
                                        _("unknown name order “%s” (roster, stroke or pinyin)"), text);
      else
        return sw_plan_file_fail_value (error, SW_IMPORT_ERROR_INVALID, place,
                                        _("unknown status “%s”"), text);
    }

  return TRUE;
}

/* An optional list of texts, normalised; NULL when absent. */
gboolean
sw_plan_file_read_skills (JsonObject   *object,
                          const char   *parent,
                          char       ***out,
                          GError      **error)
{
  g_autofree char *list_place = sw_plan_file_place_of (parent, "skills");
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  JsonArray *array;

  *out = NULL;

  if (!sw_plan_file_read_array (object, parent, "skills", &array, error))
    return FALSE;

  for (guint i = 0; i < sw_plan_file_array_length (array); i++)
    {
      g_autofree char *place = sw_plan_file_place_at (list_place, i);
      const char *skill;

      if (!sw_plan_file_element_string (array, i, place, &skill, error))
        return FALSE;
      g_ptr_array_add (items, (gpointer) skill);
    }
  g_ptr_array_add (items, NULL);

  *out = sw_skills_normalize ((const char *const *) items->pdata);
  return TRUE;
}

/* An optional whole number between 0 and @max; 0 when absent. */
gboolean
sw_plan_file_read_limit (JsonObject  *object,
                         const char  *parent,
                         const char  *name,
                         int          max,
                         int         *out,
                         GError     **error)
{
  JsonNode *node = sw_plan_file_get_member (object, name);
  g_autofree char *place = sw_plan_file_place_of (parent, name);
  gint64 value;

  *out = 0;

  if (node == NULL)
    return TRUE;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return sw_plan_file_fail (error, SW_IMPORT_ERROR_INVALID, place, _("expected a whole number"));

  value = json_node_get_int (node);
  if (value < 0 || value > max)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, value);

      /* TRANSLATORS: a plan rule's number out of range */
      return sw_plan_file_fail (error, SW_IMPORT_ERROR_INVALID, place,
                                _("%s is not between 0 and %d"), number, max);
    }

  *out = (int) value;
  return TRUE;
}

/* TRUE when more than whitespace follows the first JSON value of @data
 * ("1{}", "{}{}").  Text that ends inside the value is left to the
 * parser to describe. */
gboolean
sw_plan_file_has_text_after_value (const char *data,
                                   gsize       size)
{
  gsize i = 0;
  int depth = 0;
  gboolean in_string = FALSE;

  if (size >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    i = 3;
  while (i < size && g_ascii_isspace (data[i]))
    i++;
  if (i == size)
    return FALSE;

  if (data[i] == '{' || data[i] == '[' || data[i] == '"')
    {
      for (; i < size; i++)
        {
          char c = data[i];

          if (in_string)
            {
              if (c == '\\')
                i++;
              else if (c == '"')
                {
                  in_string = FALSE;
                  if (depth == 0)
                    break;
                }
            }
          else if (c == '"')
            in_string = TRUE;
          else if (c == '{' || c == '[')
            depth++;
          else if ((c == '}' || c == ']') && --depth == 0)
            break;
        }
      if (i >= size)
        return FALSE;
      i++;
    }
  else
    {
      /* A number, true, false or null: up to a space or a bracket. */
      while (i < size && !g_ascii_isspace (data[i]) && strchr ("{}[]\",:", data[i]) == NULL)
        i++;
    }

  for (; i < size; i++)
    if (!g_ascii_isspace (data[i]) && data[i] != '\0')
      return TRUE;

  return FALSE;
}
