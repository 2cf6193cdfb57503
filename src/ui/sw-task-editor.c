/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sw-accessible.h"
#include "sw-date-time.h"
#include "sw-task-editor.h"
#include "sw-ui-format.h"
#include "sw-ui-state.h"

struct _SwTaskEditor
{
  AdwWindow       parent_instance;

  SwOrganisation *organisation;
  SwPlan         *plan;
  SwTask         *task;
  /* The choices of the drop-downs; index 0 of each is "none". */
  GPtrArray      *departments;
  GPtrArray      *people;
  GPtrArray      *slots;

  AdwEntryRow    *title_row;
  AdwComboRow    *status_row;
  AdwExpanderRow *due_row;
  SwDateTime     *due_time;
  AdwComboRow    *department_row;
  GtkDropDown    *person_drop_down;
  GtkDropDown    *slot_drop_down;
  AdwEntryRow    *notes_row;
  GtkLabel       *message_label;
};

G_DEFINE_FINAL_TYPE (SwTaskEditor, sw_task_editor, ADW_TYPE_WINDOW)

static const char *
text_of (gpointer editable)
{
  return gtk_editable_get_text (GTK_EDITABLE (editable));
}

/* New tasks are usually preparations, due at 17:00 the day before. */
static gint64
default_due (SwPlan *plan)
{
  return sw_time_from_day (sw_plan_get_first_day (plan) - 1) + 17 * 60;
}

static gboolean
read_due (SwTaskEditor *self,
          gint64       *out_due)
{
  if (!adw_expander_row_get_enable_expansion (self->due_row))
    {
      *out_due = SW_TIME_UNSET;
      return TRUE;
    }

  if (!sw_date_time_get_valid (self->due_time))
    return FALSE;

  *out_due = sw_date_time_get_time (self->due_time);
  return TRUE;
}

static void
fields_changed (SwTaskEditor *self)
{
  g_autofree char *title = g_strstrip (g_strdup (text_of (self->title_row)));
  gint64 due;
  gboolean due_ok = read_due (self, &due);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "task.save", title[0] != '\0' && due_ok);
}

static gpointer
choice (GPtrArray *items,
        guint      selected)
{
  if (selected == GTK_INVALID_LIST_POSITION || selected == 0 || selected > items->len)
    return NULL;
  return items->pdata[selected - 1];
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SwTaskEditor *self = SW_TASK_EDITOR (widget);
  SwUndoStack *stack = sw_organisation_get_undo_stack (self->organisation);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = g_strstrip (g_strdup (text_of (self->title_row)));
  SwDepartment *department = choice (self->departments, adw_combo_row_get_selected (self->department_row));
  SwPerson *person = choice (self->people, gtk_drop_down_get_selected (self->person_drop_down));
  SwSlot *slot = choice (self->slots, gtk_drop_down_get_selected (self->slot_drop_down));
  SwTaskStatus status = adw_combo_row_get_selected (self->status_row);
  gint64 due;
  gboolean ok;

  if (title[0] == '\0' || !read_due (self, &due))
    return;
  if (status > SW_TASK_STATUS_DONE)
    status = SW_TASK_STATUS_TODO;

  if (self->task == NULL)
    {
      g_autoptr(SwTask) task = sw_task_new (title);

      sw_task_set_department (task, department);
      sw_task_set_person (task, person);
      sw_task_set_due (task, due);
      sw_task_set_status (task, status);
      sw_task_set_slot (task, slot);
      sw_task_set_notes (task, text_of (self->notes_row));

      sw_undo_stack_begin_group (stack, _("Add task"));
      ok = sw_edit_add (self->organisation, self->plan, "tasks", task, &error);
    }
  else
    {
      sw_undo_stack_begin_group (stack, _("Edit task"));
      ok = sw_undo_stack_set (stack, &error, self->task, "title", title) &&
           sw_undo_stack_set (stack, &error, self->task, "department", department) &&
           sw_undo_stack_set (stack, &error, self->task, "person", person) &&
           sw_undo_stack_set (stack, &error, self->task, "due", due) &&
           sw_undo_stack_set (stack, &error, self->task, "status", status) &&
           sw_undo_stack_set (stack, &error, self->task, "slot", slot) &&
           sw_undo_stack_set (stack, &error, self->task, "notes", text_of (self->notes_row));
    }

  if (ok)
    ok = sw_undo_stack_end_group (stack, &error);
  else
    sw_undo_stack_cancel_group (stack);

  if (!ok)
    {
      gtk_label_set_label (self->message_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->message_label), TRUE);
      return;
    }

  gtk_window_destroy (GTK_WINDOW (self));
}

/* Fills @items and returns a string list "none" + one label per item. */
static GListModel *
choices_model (GPtrArray  *items,
               const char *none)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  gtk_string_list_append (list, none);
  for (guint i = 0; i < items->len; i++)
    {
      gpointer item = items->pdata[i];

      if (SW_IS_DEPARTMENT (item))
        gtk_string_list_append (list, sw_department_get_name (item));
      else if (SW_IS_PERSON (item))
        {
          SwDepartment *department = sw_person_get_department (item);
          g_autofree char *text = department != NULL
                                  ? g_strdup_printf ("%s (%s)", sw_person_get_name (item),
                                                     sw_department_get_name (department))
                                  : g_strdup (sw_person_get_name (item));

          gtk_string_list_append (list, text);
        }
      else if (SW_IS_SLOT (item))
        {
          g_autofree char *day = sw_ui_format_day (sw_time_day_of (sw_slot_get_start (item)));
          g_autofree char *time = sw_time_format_hm (sw_slot_get_start (item));
          g_autofree char *text = g_strdup_printf ("%s %s · %s", day, time, sw_slot_get_title (item));

          gtk_string_list_append (list, text);
        }
    }

  return G_LIST_MODEL (list);
}

static guint
index_of (GPtrArray *items,
          gpointer   item)
{
  guint index;

  if (item != NULL && g_ptr_array_find (items, item, &index))
    return index + 1;
  return 0;
}

static void
add_all (GPtrArray  *items,
         GListModel *model)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (model, i));
}

SwTaskEditor *
sw_task_editor_new (GtkWindow      *parent,
                    SwOrganisation *organisation,
                    SwPlan         *plan,
                    SwTask         *task)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  g_autoptr(GListModel) departments = NULL;
  g_autoptr(GListModel) people = NULL;
  g_autoptr(GListModel) slots = NULL;
  g_autoptr(GPtrArray) sorted_slots = NULL;
  GtkExpression *expression;
  SwTaskEditor *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SW_IS_ORGANISATION (organisation), NULL);
  g_return_val_if_fail (SW_IS_PLAN (plan), NULL);
  g_return_val_if_fail (task == NULL || SW_IS_TASK (task), NULL);

  self = g_object_new (SW_TYPE_TASK_EDITOR,
                       "transient-for", parent,
                       "title", task != NULL ? _("Edit Task") : _("Add Task"),
                       NULL);
  self->organisation = g_object_ref (organisation);
  self->plan = g_object_ref (plan);
  self->task = task != NULL ? g_object_ref (task) : NULL;

  for (int status = SW_TASK_STATUS_TODO; status <= SW_TASK_STATUS_DONE; status++)
    gtk_string_list_append (statuses, sw_task_status_get_label (status));
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (statuses));

  add_all (self->departments, sw_organisation_get_departments (organisation));
  add_all (self->people, sw_organisation_get_people (organisation));
  sorted_slots = sw_plan_dup_sorted_slots (plan);
  for (guint i = 0; i < sorted_slots->len; i++)
    g_ptr_array_add (self->slots, g_object_ref (sorted_slots->pdata[i]));

  departments = choices_model (self->departments, _("No department"));
  people = choices_model (self->people, _("Nobody"));
  slots = choices_model (self->slots, _("No slot"));
  adw_combo_row_set_model (self->department_row, departments);

  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  gtk_drop_down_set_expression (self->person_drop_down, expression);
  gtk_drop_down_set_expression (self->slot_drop_down, expression);
  gtk_expression_unref (expression);
  gtk_drop_down_set_model (self->person_drop_down, people);
  gtk_drop_down_set_model (self->slot_drop_down, slots);

  if (task != NULL)
    {
      gint64 due = sw_task_get_due (task);

      gtk_editable_set_text (GTK_EDITABLE (self->title_row), sw_task_get_title (task));
      gtk_editable_set_text (GTK_EDITABLE (self->notes_row), sw_task_get_notes (task));
      adw_combo_row_set_selected (self->status_row, sw_task_get_status (task));
      adw_combo_row_set_selected (self->department_row, index_of (self->departments, sw_task_get_department (task)));
      gtk_drop_down_set_selected (self->person_drop_down, index_of (self->people, sw_task_get_person (task)));
      gtk_drop_down_set_selected (self->slot_drop_down, index_of (self->slots, sw_task_get_slot (task)));
      adw_expander_row_set_enable_expansion (self->due_row, due != SW_TIME_UNSET);
      sw_date_time_set_time (self->due_time, due != SW_TIME_UNSET ? due : default_due (plan));
    }
  else
    {
      sw_date_time_set_time (self->due_time, default_due (plan));
      gtk_drop_down_set_selected (self->person_drop_down, 0);
      gtk_drop_down_set_selected (self->slot_drop_down, 0);
    }

  fields_changed (self);
  return self;
}

static void
sw_task_editor_dispose (GObject *object)
{
  SwTaskEditor *self = SW_TASK_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SW_TYPE_TASK_EDITOR);
  g_clear_pointer (&self->departments, g_ptr_array_unref);
  g_clear_pointer (&self->people, g_ptr_array_unref);
  g_clear_pointer (&self->slots, g_ptr_array_unref);
  g_clear_object (&self->task);
  g_clear_object (&self->plan);
  g_clear_object (&self->organisation);

  G_OBJECT_CLASS (sw_task_editor_parent_class)->dispose (object);
}

static void
sw_task_editor_class_init (SwTaskEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sw_task_editor_dispose;

  g_type_ensure (SW_TYPE_DATE_TIME);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/servweek/Planner/sw-task-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, SwTaskEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, SwTaskEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, SwTaskEditor, due_row);
  gtk_widget_class_bind_template_child (widget_class, SwTaskEditor, due_time);
  gtk_widget_class_bind_template_child (widget_class, SwTaskEditor, department_row);
  gtk_widget_class_bind_template_child (widget_class, SwTaskEditor, person_drop_down);
  gtk_widget_class_bind_template_child (widget_class, SwTaskEditor, slot_drop_down);
  gtk_widget_class_bind_template_child (widget_class, SwTaskEditor, notes_row);
  gtk_widget_class_bind_template_child (widget_class, SwTaskEditor, message_label);
  gtk_widget_class_bind_template_callback (widget_class, fields_changed);

  gtk_widget_class_install_action (widget_class, "task.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sw_task_editor_init (SwTaskEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  sw_accessible_label_expander_row (self->due_row, _("Due"), _("Has a Due Time"));

  self->departments = g_ptr_array_new_with_free_func (g_object_unref);
  self->people = g_ptr_array_new_with_free_func (g_object_unref);
  self->slots = g_ptr_array_new_with_free_func (g_object_unref);
}
