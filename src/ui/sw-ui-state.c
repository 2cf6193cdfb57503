/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "sw-ui-state.h"

GHashTable *
sw_ui_state_minutes_by_person (SwPlan *plan)
{
  GHashTable *table = g_hash_table_new (NULL, NULL);
  GListModel *slots;
  guint n_slots;

  g_return_val_if_fail (plan == NULL || SW_IS_PLAN (plan), table);

  if (plan == NULL)
    return table;

  slots = sw_plan_get_slots (plan);
  n_slots = g_list_model_get_n_items (slots);
  for (guint i = 0; i < n_slots; i++)
    {
      g_autoptr(SwSlot) slot = g_list_model_get_item (slots, i);
      GListModel *assignments = sw_slot_get_assignments (slot);
      guint n = g_list_model_get_n_items (assignments);
      gint64 length = sw_slot_get_end (slot) - sw_slot_get_start (slot);

      if (length <= 0)
        continue;

      for (guint j = 0; j < n; j++)
        {
          g_autoptr(SwAssignment) assignment = g_list_model_get_item (assignments, j);
          SwPerson *person = sw_assignment_get_person (assignment);
          guint minutes;

          if (person == NULL)
            continue;

          minutes = GPOINTER_TO_UINT (g_hash_table_lookup (table, person));
          minutes = (guint) MIN ((gint64) G_MAXUINT / 2, (gint64) minutes + length);
          g_hash_table_insert (table, person, GUINT_TO_POINTER (minutes));
        }
    }

  return table;
}

char *
sw_ui_state_format_hours (guint minutes)
{
  if (minutes == 0)
    return g_strdup ("");

  if (minutes % 60 == 0)
    /* Translators: hours assigned, a whole number */
    return g_strdup_printf (_("%u h"), minutes / 60);

  {
    char number[G_ASCII_DTOSTR_BUF_SIZE];
    double hours = minutes / 60.0;

    /* One decimal, without trailing zeros: "2.5", "1.3". */
    g_snprintf (number, sizeof number, "%.1f", hours);
    if (g_str_has_suffix (number, ".0"))
      number[strlen (number) - 2] = '\0';
    /* Translators: hours assigned with a decimal, e.g. "2.5 h" */
    return g_strdup_printf (_("%s h"), number);
  }
}

GHashTable *
sw_ui_state_committees_by_person (SwPlan *plan)
{
  GHashTable *table = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  GListModel *committees;
  guint n_committees;

  g_return_val_if_fail (plan == NULL || SW_IS_PLAN (plan), table);

  if (plan == NULL)
    return table;

  committees = sw_plan_get_committees (plan);
  n_committees = g_list_model_get_n_items (committees);
  for (guint i = 0; i < n_committees; i++)
    {
      g_autoptr(SwCommittee) committee = g_list_model_get_item (committees, i);
      GListModel *members = sw_committee_get_members (committee);
      guint n = g_list_model_get_n_items (members);

      for (guint j = 0; j < n; j++)
        {
          g_autoptr(SwCommitteeMember) member = g_list_model_get_item (members, j);
          SwPerson *person = sw_committee_member_get_person (member);
          const char *before;
          char *text;

          if (person == NULL)
            continue;

          /* Translators: a committee and the person's role in it */
          text = g_strdup_printf (_("%s (%s)"), sw_committee_get_name (committee),
                                  sw_role_get_label (sw_committee_member_get_role (member)));
          before = g_hash_table_lookup (table, person);
          if (before != NULL)
            {
              char *joined = g_strconcat (before, ", ", text, NULL);

              g_free (text);
              text = joined;
            }
          g_hash_table_insert (table, person, text);
        }
    }

  return table;
}

SwUiDueState
sw_ui_state_due_state (SwTaskStatus status,
                       gint64       due,
                       gint64       now)
{
  if (status == SW_TASK_STATUS_DONE)
    return SW_UI_DUE_DONE;
  if (due == SW_TIME_UNSET)
    return SW_UI_DUE_NONE;
  if (due < now)
    return SW_UI_DUE_OVERDUE;
  return SW_UI_DUE_LATER;
}

static char *
fold (const char *text)
{
  g_autofree char *normalized = g_utf8_normalize (text, -1, G_NORMALIZE_ALL);

  return g_utf8_casefold (normalized != NULL ? normalized : "", -1);
}

char *
sw_ui_state_normalize_query (const char *query)
{
  g_autofree char *folded = NULL;
  g_auto(GStrv) words = NULL;
  GString *out;

  if (query == NULL || !g_utf8_validate (query, -1, NULL))
    return g_strdup ("");

  folded = fold (query);
  words = g_strsplit_set (folded, " \t\n\u3000", -1);
  out = g_string_new (NULL);
  for (guint i = 0; words[i] != NULL; i++)
    {
      if (words[i][0] == '\0')
        continue;
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, words[i]);
    }

  return g_string_free (out, FALSE);
}

static gboolean
contains_word (const char *haystack,
               const char *word,
               gsize       len)
{
  for (const char *p = strchr (haystack, word[0]); p != NULL; p = strchr (p + 1, word[0]))
    if (strncmp (p, word, len) == 0)
      return TRUE;

  return FALSE;
}

gboolean
sw_ui_state_haystack_matches (const char *haystack,
                              const char *normalized_query)
{
  const char *word;

  g_return_val_if_fail (haystack != NULL, FALSE);

  if (normalized_query == NULL || normalized_query[0] == '\0')
    return TRUE;

  /* Every space-separated word must occur, without allocating. */
  word = normalized_query;
  while (*word != '\0')
    {
      const char *end = strchr (word, ' ');
      gsize len = end != NULL ? (gsize) (end - word) : strlen (word);

      if (len > 0 && !contains_word (haystack, word, len))
        return FALSE;

      if (end == NULL)
        break;
      word = end + 1;
    }

  return TRUE;
}

gboolean
sw_ui_state_move_department (GListModel    *departments,
                             SwDepartment  *department,
                             int            delta,
                             SwDepartment **out_departments,
                             int           *out_positions)
{
  guint n, index;
  gint64 target;
  g_autoptr(SwDepartment) neighbour = NULL;
  int mine, theirs;

  g_return_val_if_fail (G_IS_LIST_MODEL (departments), FALSE);
  g_return_val_if_fail (SW_IS_DEPARTMENT (department), FALSE);
  g_return_val_if_fail (delta == -1 || delta == 1, FALSE);

  n = g_list_model_get_n_items (departments);
  if (!sw_list_model_find (departments, department, &index))
    return FALSE;

  target = (gint64) index + delta;
  if (target < 0 || target >= n)
    return FALSE;

  neighbour = g_list_model_get_item (departments, (guint) target);
  mine = sw_department_get_position (department);
  theirs = sw_department_get_position (neighbour);

  /* Equal positions (an old roster) cannot be swapped: give the pair
   * distinct ones in the wanted order. */
  if (mine == theirs)
    {
      if (delta < 0)
        mine = theirs - 1;
      else
        mine = theirs + 1;
    }
  else
    {
      int tmp = mine;

      mine = theirs;
      theirs = tmp;
    }

  out_departments[0] = department;
  out_positions[0] = mine;
  out_departments[1] = neighbour;
  out_positions[1] = theirs;
  return TRUE;
}

int
sw_ui_state_next_position (GListModel *departments)
{
  guint n;
  int max = -1;

  g_return_val_if_fail (G_IS_LIST_MODEL (departments), 0);

  n = g_list_model_get_n_items (departments);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwDepartment) item = g_list_model_get_item (departments, i);

      max = MAX (max, sw_department_get_position (item));
    }

  return max + 1;
}

static void
count_list_commands (SwCommand *command,
                     guint     *removes,
                     guint     *assignment_inserts,
                     guint     *other_inserts)
{
  if (SW_IS_COMMAND_GROUP (command))
    {
      guint n = sw_command_group_get_size (SW_COMMAND_GROUP (command));

      for (guint i = 0; i < n; i++)
        count_list_commands (sw_command_group_get_child (SW_COMMAND_GROUP (command), i),
                             removes, assignment_inserts, other_inserts);
    }
  else if (SW_IS_LIST_COMMAND (command))
    {
      SwListCommand *list_command = SW_LIST_COMMAND (command);

      if (!sw_list_command_adds_item (list_command, FALSE))
        (*removes)++;
      else if (g_str_equal (sw_list_command_get_list (list_command), "assignments"))
        (*assignment_inserts)++;
      else
        (*other_inserts)++;
    }
}

SwUiToastKind
sw_ui_state_toast_kind (SwCommand *command)
{
  guint removes = 0, assignment_inserts = 0, other_inserts = 0;

  g_return_val_if_fail (SW_IS_COMMAND (command), SW_UI_TOAST_NONE);

  count_list_commands (command, &removes, &assignment_inserts, &other_inserts);

  if (removes > 0)
    return SW_UI_TOAST_DELETION;
  if (assignment_inserts == 1 && other_inserts == 0)
    return SW_UI_TOAST_ASSIGNMENT;
  return SW_UI_TOAST_NONE;
}

gboolean
sw_ui_state_parse_time_of_day (const char *text,
                               int        *out_minute)
{
  g_autofree char *stripped = NULL;
  const char *p;
  int hour = 0, minute = 0, digits = 0;

  g_return_val_if_fail (out_minute != NULL, FALSE);

  if (text == NULL)
    return FALSE;

  stripped = g_strstrip (g_strdup (text));
  p = stripped;

  if (strchr (p, ':') != NULL || strchr (p, '.') != NULL)
    {
      while (g_ascii_isdigit (*p) && digits < 2)
        hour = hour * 10 + (*p++ - '0'), digits++;
      if (digits == 0 || (*p != ':' && *p != '.'))
        return FALSE;
      p++;
      digits = 0;
      while (g_ascii_isdigit (*p) && digits < 2)
        minute = minute * 10 + (*p++ - '0'), digits++;
      if (digits != 2 || *p != '\0')
        return FALSE;
    }
  else
    {
      gsize len = strlen (p);

      for (gsize i = 0; i < len; i++)
        if (!g_ascii_isdigit (p[i]))
          return FALSE;
      if (len == 1 || len == 2)
        hour = atoi (p);
      else if (len == 3 || len == 4)
        {
          int value = atoi (p);

          hour = value / 100;
          minute = value % 100;
        }
      else
        return FALSE;
    }

  if (hour > 23 || minute > 59)
    return FALSE;

  *out_minute = hour * 60 + minute;
  return TRUE;
}

const char *
sw_ui_state_check_plan (const char *title,
                        int         first_day,
                        int         last_day,
                        const char *time_zone)
{
  g_autofree char *stripped = g_strstrip (g_strdup (title != NULL ? title : ""));

  if (stripped[0] == '\0')
    return _("The plan needs a title");
  if (last_day < first_day)
    return _("The last day is before the first day");
  if (time_zone == NULL || !sw_time_zone_is_valid (time_zone))
    return _("Unknown time zone; use a name such as Asia/Shanghai");
  return NULL;
}

char *
sw_ui_state_format_problem_count (guint n)
{
  if (n == 0)
    return g_strdup (_("No problems"));

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u problem", "%u problems", n), n);
}
