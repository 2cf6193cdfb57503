/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "sw-accessible.h"
#include "sw-column-util.h"
#include "sw-name-dialog.h"
#include "sw-task-editor.h"
#include "sw-tasks-view.h"
#include "sw-ui-format.h"
#include "sw-ui-state.h"

struct _SwTasksView
{
  GtkWidget           parent_instance;

  SwOrganisation     *organisation;
  SwPlan             *plan;
  gint64              now;
  guint               clock_id;
  guint               populate_id;     /* fills the hidden view after start */

  GtkCustomFilter    *filter;
  GtkFilterListModel *filter_model;
  GtkSortListModel   *sort_model;
  GtkSingleSelection *selection;
  char               *query;

  GtkColumnViewColumn *done_column;
  GtkColumnViewColumn *title_column;
  GtkColumnViewColumn *due_column;

  GtkWidget          *box;
  GtkSearchEntry     *search_entry;
  GtkToggleButton    *hide_done_button;
  GtkLabel           *summary_label;
  GtkColumnView      *tasks_view;
};

G_DEFINE_FINAL_TYPE (SwTasksView, sw_tasks_view, GTK_TYPE_WIDGET)

static SwTask *
selected_task (SwTasksView *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

static void
sw_tasks_view_update_actions (SwTasksView *self)
{
  gboolean editable = self->plan != NULL && self->organisation != NULL &&
                      !sw_organisation_get_read_only (self->organisation);
  gboolean have_task = editable && selected_task (self) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tasks.add", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tasks.edit", have_task);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tasks.delete", have_task);
}

static void
sw_tasks_view_update_summary (SwTasksView *self)
{
  GListModel *tasks = self->plan != NULL ? sw_plan_get_tasks (self->plan) : NULL;
  guint n = tasks != NULL ? g_list_model_get_n_items (tasks) : 0;
  guint done = 0, overdue = 0;
  g_autofree char *text = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwTask) task = g_list_model_get_item (tasks, i);

      switch (sw_ui_state_due_state (sw_task_get_status (task), sw_task_get_due (task), self->now))
        {
        case SW_UI_DUE_DONE:
          done++;
          break;
        case SW_UI_DUE_OVERDUE:
          overdue++;
          break;
        case SW_UI_DUE_NONE:
        case SW_UI_DUE_LATER:
        default:
          break;
        }
    }

  if (overdue > 0)
    /* Translators: tasks done of all, and how many are overdue */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u done, %u overdue",
                                         "%u of %u done, %u overdue", overdue),
                            done, n, overdue);
  else
    /* Translators: tasks done of all */
    text = g_strdup_printf (_("%u of %u done"), done, n);
  gtk_label_set_label (self->summary_label, text);
}

static void
sw_tasks_view_update_now (SwTasksView *self)
{
  self->now = sw_time_now_in_zone (self->plan != NULL ? sw_plan_get_time_zone (self->plan) : "Asia/Shanghai");
}

static void
stack_changed (SwTasksView *self)
{
  sw_tasks_view_update_summary (self);
  sw_tasks_view_update_actions (self);
}

static gboolean
clock_tick (gpointer user_data)
{
  SwTasksView *self = user_data;

  /* A task becomes overdue by the clock alone. */
  sw_tasks_view_update_now (self);
  sw_column_util_refresh (self->due_column);
  sw_column_util_refresh (self->title_column);
  sw_tasks_view_update_summary (self);
  return G_SOURCE_CONTINUE;
}

/* Filter */

static gboolean
task_visible (gpointer item,
              gpointer user_data)
{
  SwTasksView *self = user_data;
  SwTask *task = item;
  g_autofree char *owner = NULL;
  g_autofree char *haystack = NULL;
  g_autofree char *folded = NULL;
  g_auto(GStrv) words = NULL;

  if (gtk_toggle_button_get_active (self->hide_done_button) &&
      sw_task_get_status (task) == SW_TASK_STATUS_DONE)
    return FALSE;

  if (self->query == NULL || self->query[0] == '\0')
    return TRUE;

  owner = sw_ui_format_owner (sw_task_get_person (task), sw_task_get_department (task));
  haystack = g_strjoin ("\n", sw_task_get_title (task), owner, sw_task_get_notes (task),
                        sw_task_get_slot (task) != NULL ? sw_slot_get_title (sw_task_get_slot (task)) : "",
                        NULL);
  folded = g_utf8_casefold (haystack, -1);
  words = g_strsplit (self->query, " ", -1);
  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0' && strstr (folded, words[i]) == NULL)
      return FALSE;

  return TRUE;
}

static void
search_changed (SwTasksView *self)
{
  g_free (self->query);
  self->query = sw_ui_state_normalize_query (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

/* Columns */

static void
done_toggled (GtkCheckButton *check,
              SwTasksView    *self)
{
  SwTask *task = sw_column_util_get_item (GTK_WIDGET (check));
  g_autoptr(GError) error = NULL;
  SwTaskStatus status;

  if (task == NULL || self->organisation == NULL)
    return;

  status = gtk_check_button_get_active (check) ? SW_TASK_STATUS_DONE : SW_TASK_STATUS_TODO;
  if (status == sw_task_get_status (task) ||
      (status == SW_TASK_STATUS_TODO && sw_task_get_status (task) != SW_TASK_STATUS_DONE))
    return;

  if (!sw_undo_stack_set (sw_organisation_get_undo_stack (self->organisation), &error,
                          task, "status", status))
    {
      sw_name_dialog_message (GTK_WIDGET (self), _("Could Not Change the Task"), error->message);
      gtk_check_button_set_active (check, sw_task_get_status (task) == SW_TASK_STATUS_DONE);
    }
}

static GtkWidget *
done_setup (gpointer user_data)
{
  GtkWidget *check = gtk_check_button_new ();

  gtk_widget_set_halign (check, GTK_ALIGN_CENTER);
  g_signal_connect_object (check, "toggled", G_CALLBACK (done_toggled), user_data, 0);
  return check;
}

static void
fill_done (GtkWidget *cell,
           gpointer   item,
           gpointer   user_data)
{
  SwTasksView *self = user_data;
  SwTask *task = item;
  g_autofree char *label = NULL;

  g_signal_handlers_block_by_func (cell, done_toggled, user_data);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (cell), sw_task_get_status (task) == SW_TASK_STATUS_DONE);
  g_signal_handlers_unblock_by_func (cell, done_toggled, user_data);
  gtk_widget_set_sensitive (cell, self->organisation == NULL ||
                                  !sw_organisation_get_read_only (self->organisation));

  /* Translators: the done check box of a task, for screen readers */
  label = g_strdup_printf (_("Done: %s"), sw_task_get_title (task));
  gtk_accessible_update_property (GTK_ACCESSIBLE (cell),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

static void
set_state_classes (GtkWidget    *cell,
                   SwUiDueState  state)
{
  if (state == SW_UI_DUE_OVERDUE)
    gtk_widget_add_css_class (cell, "error");
  else
    gtk_widget_remove_css_class (cell, "error");

  if (state == SW_UI_DUE_DONE)
    gtk_widget_add_css_class (cell, "task-done");
  else
    gtk_widget_remove_css_class (cell, "task-done");
}

static void
fill_title (GtkWidget *cell,
            gpointer   item,
            gpointer   user_data)
{
  SwTasksView *self = user_data;
  SwTask *task = item;

  sw_column_util_set_text (cell, sw_task_get_title (task));
  /* The row takes the focus: it reads the task. */
  sw_accessible_label_row (cell, sw_task_get_title (task));
  set_state_classes (cell, sw_ui_state_due_state (sw_task_get_status (task), sw_task_get_due (task), self->now));
}

static void
fill_owner (GtkWidget *cell,
            gpointer   item,
            gpointer   user_data)
{
  g_autofree char *owner = sw_ui_format_owner (sw_task_get_person (item), sw_task_get_department (item));

  sw_column_util_set_text (cell, owner);
}

static void
fill_due (GtkWidget *cell,
          gpointer   item,
          gpointer   user_data)
{
  SwTasksView *self = user_data;
  SwTask *task = item;
  SwUiDueState state = sw_ui_state_due_state (sw_task_get_status (task), sw_task_get_due (task), self->now);
  g_autofree char *due = sw_ui_format_due (sw_task_get_due (task));

  if (state == SW_UI_DUE_OVERDUE)
    {
      /* Translators: a due time that has passed */
      g_autofree char *text = g_strdup_printf (_("%s (overdue)"), due);

      sw_column_util_set_text (cell, text);
    }
  else
    sw_column_util_set_text (cell, due);
  set_state_classes (cell, state);
}

static void
fill_status (GtkWidget *cell,
             gpointer   item,
             gpointer   user_data)
{
  sw_column_util_set_text (cell, sw_task_status_get_label (sw_task_get_status (item)));
}

static void
fill_slot (GtkWidget *cell,
           gpointer   item,
           gpointer   user_data)
{
  SwSlot *slot = sw_task_get_slot (item);
  g_autofree char *day = NULL;
  g_autofree char *text = NULL;

  if (slot == NULL)
    {
      sw_column_util_set_text (cell, "");
      return;
    }

  day = sw_ui_format_day (sw_time_day_of (sw_slot_get_start (slot)));
  text = g_strdup_printf ("%s · %s", sw_slot_get_title (slot), day);
  sw_column_util_set_text (cell, text);
}

static char *
owner_text (GObject      *item,
            SwPerson     *person,
            SwDepartment *department,
            gpointer      user_data)
{
  return sw_ui_format_owner (person, department);
}

static char *
slot_text (GObject *item,
           SwSlot  *slot,
           gpointer user_data)
{
  return g_strdup (slot != NULL ? sw_slot_get_title (slot) : "");
}

static int
compare_due (gconstpointer a,
             gconstpointer b,
             gpointer      user_data)
{
  gint64 da = sw_task_get_due ((SwTask *) a);
  gint64 db = sw_task_get_due ((SwTask *) b);

  /* Tasks without a due time last. */
  if ((da == SW_TIME_UNSET) != (db == SW_TIME_UNSET))
    return da == SW_TIME_UNSET ? 1 : -1;
  return da < db ? -1 : da > db ? 1 : 0;
}

static int
compare_status (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  SwTaskStatus sa = sw_task_get_status ((SwTask *) a);
  SwTaskStatus sb = sw_task_get_status ((SwTask *) b);

  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

static void
sw_tasks_view_setup_columns (SwTasksView *self)
{
  GtkExpression *owner_params[2];
  GtkExpression *slot_params[1];
  GtkColumnViewColumn *column;

  self->filter = gtk_custom_filter_new (task_visible, self, NULL);
  self->filter_model = gtk_filter_list_model_new (NULL, g_object_ref (GTK_FILTER (self->filter)));
  self->sort_model = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filter_model)), NULL);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->sort_model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->tasks_view, GTK_SELECTION_MODEL (self->selection));
  gtk_sort_list_model_set_sorter (self->sort_model, gtk_column_view_get_sorter (self->tasks_view));
  g_signal_connect_object (self->selection, "notify::selected",
                           G_CALLBACK (sw_tasks_view_update_actions), self, G_CONNECT_SWAPPED);

  sw_accessible_label_column_titles (self->tasks_view, _("Task Columns"));
  self->done_column = sw_column_util_add (self->tasks_view, _("Done"), done_setup, fill_done, self,
                                          GTK_SORTER (gtk_custom_sorter_new (compare_status, NULL, NULL)),
                                          FALSE);
  self->title_column = sw_column_util_add (self->tasks_view, _("Task"), NULL, fill_title, self,
                                           GTK_SORTER (gtk_string_sorter_new (gtk_property_expression_new (SW_TYPE_TASK, NULL, "title"))),
                                           TRUE);
  sw_column_util_set_text_chars (self->title_column, 30);
  owner_params[0] = gtk_property_expression_new (SW_TYPE_TASK, NULL, "person");
  owner_params[1] = gtk_property_expression_new (SW_TYPE_TASK, NULL, "department");
  sw_column_util_add (self->tasks_view, _("Owner"), NULL, fill_owner, self,
                      GTK_SORTER (gtk_string_sorter_new (gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 2, owner_params,
                                                                                      G_CALLBACK (owner_text), NULL, NULL))),
                      TRUE);
  self->due_column = sw_column_util_add (self->tasks_view, _("Due"), NULL, fill_due, self,
                                         GTK_SORTER (gtk_custom_sorter_new (compare_due, NULL, NULL)),
                                         FALSE);
  gtk_column_view_column_set_fixed_width (self->due_column, 240);
  column = sw_column_util_add (self->tasks_view, _("Status"), NULL, fill_status, self,
                               GTK_SORTER (gtk_custom_sorter_new (compare_status, NULL, NULL)),
                               FALSE);
  gtk_column_view_column_set_fixed_width (column, 100);
  slot_params[0] = gtk_property_expression_new (SW_TYPE_TASK, NULL, "slot");
  column = sw_column_util_add (self->tasks_view, _("Slot"), NULL, fill_slot, self,
                               GTK_SORTER (gtk_string_sorter_new (gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 1, slot_params,
                                                                                               G_CALLBACK (slot_text), NULL, NULL))),
                               TRUE);
  sw_column_util_set_text_chars (column, 26);

  gtk_column_view_sort_by_column (self->tasks_view, self->due_column, GTK_SORT_ASCENDING);
}

/* Actions */

static void
open_editor (SwTasksView *self,
             SwTask      *task)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  SwTaskEditor *editor;

  editor = sw_task_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                               self->organisation, self->plan, task);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  SwTasksView *self = SW_TASKS_VIEW (widget);

  if (self->plan != NULL)
    open_editor (self, NULL);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SwTasksView *self = SW_TASKS_VIEW (widget);
  SwTask *task = selected_task (self);

  if (task != NULL)
    open_editor (self, task);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SwTasksView *self = SW_TASKS_VIEW (widget);
  SwTask *task = selected_task (self);
  g_autoptr(GError) error = NULL;

  if (task == NULL)
    return;

  if (!sw_edit_remove (self->organisation, self->plan, "tasks", task, &error))
    sw_name_dialog_message (widget, _("Could Not Delete the Task"), error->message);
}

static void
task_activated (SwTasksView   *self,
                guint          position,
                GtkColumnView *view)
{
  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self), "tasks.edit", NULL);
}

static gboolean
populate_idle (gpointer data)
{
  SwTasksView *self = data;

  self->populate_id = 0;
  gtk_filter_list_model_set_model (self->filter_model,
                                   self->plan != NULL ? sw_plan_get_tasks (self->plan) : NULL);
  return G_SOURCE_REMOVE;
}

static void
sw_tasks_view_map (GtkWidget *widget)
{
  SwTasksView *self = SW_TASKS_VIEW (widget);

  if (self->populate_id != 0)
    {
      g_clear_handle_id (&self->populate_id, g_source_remove);
      populate_idle (self);
    }

  GTK_WIDGET_CLASS (sw_tasks_view_parent_class)->map (widget);
}

/* Public */

void
sw_tasks_view_set_plan (SwTasksView    *self,
                        SwOrganisation *organisation,
                        SwPlan         *plan)
{
  g_return_if_fail (SW_IS_TASKS_VIEW (self));

  if (self->organisation != organisation)
    {
      if (self->organisation != NULL)
        g_signal_handlers_disconnect_by_data (sw_organisation_get_undo_stack (self->organisation), self);
      g_set_object (&self->organisation, organisation);
      if (organisation != NULL)
        g_signal_connect_object (sw_organisation_get_undo_stack (organisation), "changed",
                                 G_CALLBACK (stack_changed), self, G_CONNECT_SWAPPED);
    }

  g_set_object (&self->plan, plan);
  sw_tasks_view_update_now (self);
  /* A hidden table gets its rows when the main loop is idle (or when it is
   * shown, if sooner): they would only delay the window's first frame. */
  g_clear_handle_id (&self->populate_id, g_source_remove);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) || plan == NULL)
    gtk_filter_list_model_set_model (self->filter_model, plan != NULL ? sw_plan_get_tasks (plan) : NULL);
  else
    {
      gtk_filter_list_model_set_model (self->filter_model, NULL);
      self->populate_id = g_idle_add_full (G_PRIORITY_LOW, populate_idle, self, NULL);
    }
  sw_tasks_view_update_summary (self);
  sw_tasks_view_update_actions (self);
}

void
sw_tasks_view_select_task (SwTasksView *self,
                           SwTask      *task)
{
  guint position;

  g_return_if_fail (SW_IS_TASKS_VIEW (self));
  g_return_if_fail (SW_IS_TASK (task));

  if (!task_visible (task, self))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      gtk_toggle_button_set_active (self->hide_done_button, FALSE);
      search_changed (self);
    }

  if (sw_list_model_find (G_LIST_MODEL (self->sort_model), task, &position))
    {
      gtk_single_selection_set_selected (self->selection, position);
      gtk_widget_activate_action (GTK_WIDGET (self->tasks_view), "list.scroll-to-item", "u", position);
      gtk_widget_grab_focus (GTK_WIDGET (self->tasks_view));
    }
}

void
sw_tasks_view_focus_search (SwTasksView *self)
{
  g_return_if_fail (SW_IS_TASKS_VIEW (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* GObject */

static void
sw_tasks_view_dispose (GObject *object)
{
  SwTasksView *self = SW_TASKS_VIEW (object);

  g_clear_handle_id (&self->clock_id, g_source_remove);
  g_clear_handle_id (&self->populate_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), SW_TYPE_TASKS_VIEW);

  g_clear_object (&self->selection);
  g_clear_object (&self->sort_model);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->filter);
  g_clear_pointer (&self->query, g_free);
  g_clear_object (&self->plan);
  g_clear_object (&self->organisation);

  G_OBJECT_CLASS (sw_tasks_view_parent_class)->dispose (object);
}

static void
sw_tasks_view_class_init (SwTasksViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sw_tasks_view_dispose;
  widget_class->map = sw_tasks_view_map;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/servweek/Planner/sw-tasks-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SwTasksView, box);
  gtk_widget_class_bind_template_child (widget_class, SwTasksView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SwTasksView, hide_done_button);
  gtk_widget_class_bind_template_child (widget_class, SwTasksView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, SwTasksView, tasks_view);
  gtk_widget_class_bind_template_callback (widget_class, search_changed);
  gtk_widget_class_bind_template_callback (widget_class, task_activated);

  gtk_widget_class_install_action (widget_class, "tasks.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "tasks.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "tasks.delete", NULL, delete_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "tasks.delete", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "tasksview");
}

static void
sw_tasks_view_init (SwTasksView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  sw_tasks_view_setup_columns (self);
  sw_tasks_view_update_now (self);
  self->clock_id = g_timeout_add_seconds (60, clock_tick, self);
  sw_tasks_view_update_actions (self);
}
