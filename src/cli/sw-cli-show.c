/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sw-cli-common.h"
#include "sw-name-order.h"

/* Beyond this many days only the days that hold slots are listed. */
#define ALL_DAYS_LIMIT 92

static void
append_field (GString    *out,
              const char *label,
              const char *value)
{
  if (value == NULL || *value == '\0')
    return;
  g_string_append_printf (out, "%s: %s\n", label, value);
}

static void
append_person_list (GString   *out,
                    GPtrArray *people)
{
  for (guint i = 0; i < people->len; i++)
    {
      if (i > 0)
        g_string_append (out, ", ");
      g_string_append (out, sw_person_get_name (g_ptr_array_index (people, i)));
    }
}

static void
append_committees (GString *out,
                   SwPlan  *plan)
{
  static const SwRole role_order[] = {
    SW_ROLE_LEADER, SW_ROLE_DEPUTY, SW_ROLE_OFFICE_DIRECTOR, SW_ROLE_MEMBER,
  };
  GListModel *committees = sw_plan_get_committees (plan);
  guint n = g_list_model_get_n_items (committees);

  if (n == 0)
    return;

  g_string_append_printf (out, "\n%s\n", _("Committees"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwCommittee) committee = g_list_model_get_item (committees, i);
      g_autoptr(GPtrArray) members =
        sw_name_order_dup_committee_members (committee, sw_plan_get_name_order (plan));

      g_string_append_printf (out, "  %s\n", sw_committee_get_name (committee));
      for (guint r = 0; r < G_N_ELEMENTS (role_order); r++)
        {
          g_autoptr(GPtrArray) people = g_ptr_array_new ();

          for (guint m = 0; m < members->len; m++)
            {
              SwCommitteeMember *member = members->pdata[m];

              if (sw_committee_member_get_role (member) == role_order[r])
                g_ptr_array_add (people, sw_committee_member_get_person (member));
            }

          if (people->len == 0)
            continue;

          g_string_append_printf (out, "    %s: ", sw_role_get_label (role_order[r]));
          append_person_list (out, people);
          g_string_append_c (out, '\n');
        }
    }
}

static void
append_day_heading (GString *out,
                    int      day)
{
  g_autofree char *date = sw_time_format_date (day);
  /* The locale's day: "Wed 23 Sep", "9月23日 星期三". */
  g_autofree char *label = sw_time_format_day_label (day);

  g_string_append_printf (out, "\n%s %s\n", date, label);
}

/* The end of a slot as shown after its start. */
static char *
format_slot_end (SwSlot *slot)
{
  gint64 start = sw_slot_get_start (slot);
  gint64 end = sw_slot_get_end (slot);

  /* A slot running past midnight names its end day. */
  if (sw_time_day_of (end) == sw_time_day_of (start))
    return sw_time_format_hm (end);
  else if (sw_time_day_of (end) == sw_time_day_of (start) + 1
           && sw_time_minute_of_day (end) == 0)
    return g_strdup ("24:00");
  else
    {
      g_autofree char *end_date = sw_time_format_date (sw_time_day_of (end));
      g_autofree char *end_hm = sw_time_format_hm (end);

      return g_strdup_printf ("%s %s", end_date, end_hm);
    }
}

/* The slot's times, title, place, kind and fill on one line, then its UID. */
static void
append_slot_heading (GString *out,
                     SwSlot  *slot)
{
  g_autofree char *start_text = sw_time_format_hm (sw_slot_get_start (slot));
  g_autofree char *end_text = format_slot_end (slot);
  guint filled, needed;

  g_string_append_printf (out, "%s–%s  %s", start_text, end_text, sw_slot_get_title (slot));
  if (*sw_slot_get_location (slot) != '\0')
    g_string_append_printf (out, "  @ %s", sw_slot_get_location (slot));
  g_string_append_printf (out, "  [%s]",
                          sw_enum_to_nick (SW_TYPE_SLOT_KIND, sw_slot_get_kind (slot)));
  sw_slot_get_fill (slot, &filled, &needed);
  if (needed > 0)
    g_string_append_printf (out, "  %u/%u", filled, needed);
  g_string_append_c (out, '\n');

  g_string_append_printf (out, "    %s: %s\n", _("UID"), sw_slot_get_uid (slot));
}

static void
append_slot_organisers (GString *out,
                        SwSlot  *slot)
{
  GListModel *organisers = sw_slot_get_organisers (slot);
  g_autofree char *names = NULL;

  if (g_list_model_get_n_items (organisers) == 0)
    return;

  names = sw_department_join_names (organisers, ", ");
  g_string_append_printf (out, "    %s: %s\n", _("Organisers"), names);
}

/* Each duty with its department, its fill and the people on it. */
static void
append_slot_duties (GString *out,
                    SwSlot  *slot)
{
  GListModel *duties = sw_slot_get_duties (slot);
  guint n = g_list_model_get_n_items (duties);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwDuty) duty = g_list_model_get_item (duties, i);
      g_autoptr(GPtrArray) people = sw_slot_dup_duty_people (slot, duty);
      SwDepartment *dept = sw_duty_get_department (duty);

      g_string_append_printf (out, "    %s", sw_duty_get_name (duty));
      if (dept != NULL)
        g_string_append_printf (out, " (%s)", sw_department_get_name (dept));
      g_string_append_printf (out, " %u/%u", people->len, sw_duty_get_count (duty));
      if (people->len > 0)
        {
          g_string_append (out, ": ");
          append_person_list (out, people);
        }
      g_string_append_c (out, '\n');
    }
}

/* The people on the slot without a duty. */
static void
append_slot_attendees (GString *out,
                       SwSlot  *slot)
{
  GListModel *assignments = sw_slot_get_assignments (slot);
  g_autoptr(GPtrArray) attendees = g_ptr_array_new ();
  guint n = g_list_model_get_n_items (assignments);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwAssignment) assignment = g_list_model_get_item (assignments, i);

      if (sw_assignment_get_duty (assignment) == NULL)
        g_ptr_array_add (attendees, sw_assignment_get_person (assignment));
    }
  if (attendees->len > 0)
    {
      g_string_append_printf (out, "    %s: ", _("Attending"));
      append_person_list (out, attendees);
      g_string_append_c (out, '\n');
    }
}

static void
append_slot_visit_targets (GString *out,
                           SwSlot  *slot)
{
  GListModel *targets = sw_slot_get_visit_targets (slot);
  guint n = g_list_model_get_n_items (targets);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwVisitTarget) target = g_list_model_get_item (targets, i);
      const char *parts[] = {
        sw_visit_target_get_address (target),
        sw_visit_target_get_contact (target),
        sw_visit_target_get_phone (target),
      };

      g_string_append_printf (out, "    %s: %s", _("Visit"), sw_visit_target_get_name (target));
      for (guint p = 0; p < G_N_ELEMENTS (parts); p++)
        if (*parts[p] != '\0')
          g_string_append_printf (out, ", %s", parts[p]);
      g_string_append_c (out, '\n');
    }
}

static void
append_slot (GString *out,
             SwSlot  *slot)
{
  append_slot_heading (out, slot);
  append_slot_organisers (out, slot);
  append_slot_duties (out, slot);
  append_slot_attendees (out, slot);
  append_slot_visit_targets (out, slot);
}

static void
append_days (GString *out,
             SwPlan  *plan)
{
  g_autoptr(GPtrArray) slots = sw_plan_dup_sorted_slots (plan);
  /* Every day of the plan (for plans of up to three months), and every day
   * a slot starts on, inside the plan's dates or not. */
  g_autoptr(GArray) days = sw_plan_dup_days (plan, ALL_DAYS_LIMIT);
  guint next = 0;

  if (days->len == 0)
    {
      g_string_append_printf (out, "\n%s\n", _("No slots."));
      return;
    }

  for (guint i = 0; i < days->len; i++)
    {
      int day = g_array_index (days, int, i);
      gboolean any = FALSE;

      append_day_heading (out, day);
      while (next < slots->len
             && sw_time_day_of (sw_slot_get_start (g_ptr_array_index (slots, next))) == day)
        {
          g_string_append (out, "  ");
          append_slot (out, g_ptr_array_index (slots, next));
          next++;
          any = TRUE;
        }
      if (!any)
        g_string_append_printf (out, "  %s\n", _("(nothing planned)"));
    }
}

static void
append_tasks (GString *out,
              SwPlan  *plan)
{
  GListModel *tasks = sw_plan_get_tasks (plan);
  guint n = g_list_model_get_n_items (tasks);

  if (n == 0)
    return;

  g_string_append_printf (out, "\n%s\n", _("Tasks"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwTask) task = g_list_model_get_item (tasks, i);
      SwDepartment *dept = sw_task_get_department (task);
      SwPerson *person = sw_task_get_person (task);
      SwSlot *slot = sw_task_get_slot (task);
      gint64 due = sw_task_get_due (task);

      g_string_append_printf (out, "  [%s] %s",
                              sw_task_status_get_label (sw_task_get_status (task)),
                              sw_task_get_title (task));
      if (dept != NULL || person != NULL)
        {
          g_string_append_printf (out, "  %s: ", _("owner"));
          if (dept != NULL)
            g_string_append (out, sw_department_get_name (dept));
          if (dept != NULL && person != NULL)
            g_string_append (out, " / ");
          if (person != NULL)
            g_string_append (out, sw_person_get_name (person));
        }
      if (due != SW_TIME_UNSET)
        {
          g_autofree char *date = sw_time_format_date (sw_time_day_of (due));
          g_autofree char *hm = sw_time_format_hm (due);

          g_string_append_printf (out, "  %s: %s %s", _("due"), date, hm);
        }
      if (slot != NULL)
        g_string_append_printf (out, "  %s: %s", _("slot"), sw_slot_get_title (slot));
      g_string_append_c (out, '\n');
    }
}

static char *
format_plan (SwPlan *plan)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *first = sw_time_format_date (sw_plan_get_first_day (plan));
  g_autofree char *last = sw_time_format_date (sw_plan_get_last_day (plan));
  g_autofree char *dates = NULL;

  g_string_append_printf (out, "%s\n", sw_plan_get_title (plan));
  dates = g_strdup_printf ("%s – %s (%s)", first, last, sw_plan_get_time_zone (plan));
  append_field (out, _("Dates"), dates);
  append_field (out, _("Theme"), sw_plan_get_theme (plan));
  append_field (out, _("Organiser"), sw_plan_get_organiser (plan));
  append_field (out, _("Hotline"), sw_plan_get_hotline (plan));
  append_field (out, _("Description"), sw_plan_get_description (plan));
  append_field (out, _("Name order"), sw_name_order_get_label (sw_plan_get_name_order (plan)));

  append_committees (out, plan);
  append_days (out, plan);
  append_tasks (out, plan);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

int
sw_cli_cmd_show (SwCliContext  *ctx,
                 int            argc,
                 char         **argv,
                 GError       **error)
{
  g_autofree char *plan_arg = NULL;
  g_autoptr(SwStore) store = NULL;
  g_autofree char *text = NULL;
  SwPlan *plan;

  if (!sw_cli_parse_plan_options (ctx, &plan_arg, NULL, &argc, &argv, 0, error))
    return SW_CLI_EXIT_FAILURE;

  plan = sw_cli_open_plan (ctx, TRUE, plan_arg, &store, error);
  if (plan == NULL)
    return SW_CLI_EXIT_FAILURE;

  text = format_plan (plan);
  g_print ("%s", text);
  return SW_CLI_EXIT_OK;
}

int
sw_cli_cmd_check (SwCliContext  *ctx,
                  int            argc,
                  char         **argv,
                  GError       **error)
{
  g_autofree char *plan_arg = NULL;
  gboolean show_accepted = FALSE;
  const GOptionEntry entries[] = {
    { "accepted", 0, 0, G_OPTION_ARG_NONE, &show_accepted,
      N_("List the accepted problems too, after the open ones"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(SwStore) store = NULL;
  g_autoptr(GListStore) problems = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  SwPlan *plan;
  guint n;
  guint n_open = 0;

  if (!sw_cli_parse_plan_options (ctx, &plan_arg, entries, &argc, &argv, 0, error))
    return SW_CLI_EXIT_FAILURE;

  plan = sw_cli_open_plan (ctx, TRUE, plan_arg, &store, error);
  if (plan == NULL)
    return SW_CLI_EXIT_FAILURE;

  problems = sw_problems_compute (plan, sw_time_now_in_zone (sw_plan_get_time_zone (plan)));
  n = g_list_model_get_n_items (G_LIST_MODEL (problems));

  /* Open problems come first, then the accepted ones. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwProblem) problem = g_list_model_get_item (G_LIST_MODEL (problems), i);

      if (sw_problem_get_acceptance (problem) != NULL)
        continue;
      n_open++;
      g_string_append_printf (out, "%s: %s\n",
                              sw_enum_to_nick (SW_TYPE_PROBLEM_KIND, sw_problem_get_kind (problem)),
                              sw_problem_get_message (problem));
    }

  if (n_open == 0)
    g_string_append_printf (out, "%s\n", _("No problems."));

  for (guint i = 0; show_accepted && i < n; i++)
    {
      g_autoptr(SwProblem) problem = g_list_model_get_item (G_LIST_MODEL (problems), i);
      SwAcceptance *acceptance = sw_problem_get_acceptance (problem);
      const char *note;

      if (acceptance == NULL)
        continue;
      note = sw_acceptance_get_note (acceptance);
      g_string_append_printf (out, "accepted: %s: %s",
                              sw_enum_to_nick (SW_TYPE_PROBLEM_KIND, sw_problem_get_kind (problem)),
                              sw_problem_get_message (problem));
      if (note != NULL && *note != '\0')
        g_string_append_printf (out, " — %s", note);
      g_string_append_c (out, '\n');
    }

  g_print ("%s", out->str);

  return n_open > 0 ? SW_CLI_EXIT_PROBLEMS : SW_CLI_EXIT_OK;
}
