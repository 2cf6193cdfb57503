/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <gobject/gvaluecollector.h>

#include "sw-command-group.h"
#include "sw-committee.h"
#include "sw-committee-member.h"
#include "sw-error.h"
#include "sw-organisation.h"
#include "sw-property-command.h"
#include "sw-undo-stack.h"
#include "sw-unavailability.h"

struct _SwUndoStack
{
  GObject         parent_instance;

  GPtrArray      *undo;       /* SwCommand, oldest first */
  GPtrArray      *redo;       /* SwCommand, next to redo last */

  SwCommandGroup *group;      /* the open outermost group, or NULL */
  guint           depth;      /* how many begin_group are open */
  gboolean        cancelled;  /* an inner level cancelled the open group */

  SwCommitFunc    commit_func;
  gpointer        commit_data;
  GDestroyNotify  commit_destroy;
};

G_DEFINE_FINAL_TYPE (SwUndoStack, sw_undo_stack, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_UNDO_LABEL,
  PROP_REDO_LABEL,
  N_PROPS
};

enum
{
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

typedef struct
{
  gboolean  can_undo;
  gboolean  can_redo;
  char     *undo_label;
  char     *redo_label;
} State;

static void
state_save (SwUndoStack *self,
            State       *state)
{
  state->can_undo = sw_undo_stack_get_can_undo (self);
  state->can_redo = sw_undo_stack_get_can_redo (self);
  state->undo_label = g_strdup (sw_undo_stack_get_undo_label (self));
  state->redo_label = g_strdup (sw_undo_stack_get_redo_label (self));
}

/* Notifies what differs from @state, then frees it. */
static void
state_notify (SwUndoStack *self,
              State       *state)
{
  GObject *object = G_OBJECT (self);

  g_object_freeze_notify (object);
  if (state->can_undo != sw_undo_stack_get_can_undo (self))
    g_object_notify_by_pspec (object, properties[PROP_CAN_UNDO]);
  if (state->can_redo != sw_undo_stack_get_can_redo (self))
    g_object_notify_by_pspec (object, properties[PROP_CAN_REDO]);
  if (g_strcmp0 (state->undo_label, sw_undo_stack_get_undo_label (self)) != 0)
    g_object_notify_by_pspec (object, properties[PROP_UNDO_LABEL]);
  if (g_strcmp0 (state->redo_label, sw_undo_stack_get_redo_label (self)) != 0)
    g_object_notify_by_pspec (object, properties[PROP_REDO_LABEL]);
  g_object_thaw_notify (object);

  g_clear_pointer (&state->undo_label, g_free);
  g_clear_pointer (&state->redo_label, g_free);
}

static gboolean
commit (SwUndoStack  *self,
        SwCommand    *command,
        gboolean      reverting,
        GError      **error)
{
  g_autoptr(GError) local_error = NULL;

  if (self->commit_func == NULL)
    return TRUE;

  if (self->commit_func (command, reverting, self->commit_data, &local_error))
    return TRUE;

  if (local_error == NULL)
    g_set_error_literal (&local_error, SW_CORE_ERROR, SW_CORE_ERROR_INVALID,
                         _("The change could not be saved"));

  g_propagate_error (error, g_steal_pointer (&local_error));

  return FALSE;
}

/* Records a committed command as the newest undo step. */
static void
record (SwUndoStack *self,
        SwCommand   *command)
{
  State state;

  state_save (self, &state);
  g_ptr_array_add (self->undo, g_object_ref (command));
  g_ptr_array_set_size (self->redo, 0);
  state_notify (self, &state);

  g_signal_emit (self, signals[CHANGED], 0, command, FALSE);
}

static void
sw_undo_stack_dispose (GObject *object)
{
  SwUndoStack *self = SW_UNDO_STACK (object);

  if (self->undo != NULL)
    g_ptr_array_set_size (self->undo, 0);
  if (self->redo != NULL)
    g_ptr_array_set_size (self->redo, 0);
  g_clear_object (&self->group);
  sw_undo_stack_set_commit_func (self, NULL, NULL, NULL);

  G_OBJECT_CLASS (sw_undo_stack_parent_class)->dispose (object);
}

static void
sw_undo_stack_finalize (GObject *object)
{
  SwUndoStack *self = SW_UNDO_STACK (object);

  g_clear_pointer (&self->undo, g_ptr_array_unref);
  g_clear_pointer (&self->redo, g_ptr_array_unref);

  G_OBJECT_CLASS (sw_undo_stack_parent_class)->finalize (object);
}

static void
sw_undo_stack_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  SwUndoStack *self = SW_UNDO_STACK (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, sw_undo_stack_get_can_undo (self));
      break;

    case PROP_CAN_REDO:
      g_value_set_boolean (value, sw_undo_stack_get_can_redo (self));
      break;

    case PROP_UNDO_LABEL:
      g_value_set_string (value, sw_undo_stack_get_undo_label (self));
      break;

    case PROP_REDO_LABEL:
      g_value_set_string (value, sw_undo_stack_get_redo_label (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sw_undo_stack_class_init (SwUndoStackClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sw_undo_stack_dispose;
  object_class->finalize = sw_undo_stack_finalize;
  object_class->get_property = sw_undo_stack_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  properties[PROP_UNDO_LABEL] =
    g_param_spec_string ("undo-label", NULL, NULL,
                         "",
                         (G_PARAM_READABLE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_REDO_LABEL] =
    g_param_spec_string ("redo-label", NULL, NULL,
                         "",
                         (G_PARAM_READABLE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SwUndoStack::changed:
   * @command: the command that was applied or reverted
   * @reverting: TRUE for an undo
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 2,
                  SW_TYPE_COMMAND,
                  G_TYPE_BOOLEAN);
}

static void
sw_undo_stack_init (SwUndoStack *self)
{
  self->undo = g_ptr_array_new_with_free_func (g_object_unref);
  self->redo = g_ptr_array_new_with_free_func (g_object_unref);
}

SwUndoStack *
sw_undo_stack_new (void)
{
  return g_object_new (SW_TYPE_UNDO_STACK, NULL);
}

void
sw_undo_stack_set_commit_func (SwUndoStack    *self,
                               SwCommitFunc    func,
                               gpointer        user_data,
                               GDestroyNotify  destroy)
{
  GDestroyNotify old_destroy;
  gpointer old_data;

  g_return_if_fail (SW_IS_UNDO_STACK (self));

  old_destroy = self->commit_destroy;
  old_data = self->commit_data;

  self->commit_func = func;
  self->commit_data = user_data;
  self->commit_destroy = destroy;

  if (old_destroy != NULL)
    old_destroy (old_data);
}

gboolean
sw_undo_stack_push (SwUndoStack  *self,
                    SwCommand    *command,
                    GError      **error)
{
  g_autoptr(SwCommand) owned = command;

  g_return_val_if_fail (SW_IS_UNDO_STACK (self), FALSE);
  g_return_val_if_fail (SW_IS_COMMAND (command), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->group != NULL)
    {
      if (self->cancelled)
        {
          g_set_error_literal (error, SW_CORE_ERROR, SW_CORE_ERROR_INVALID,
                               _("The action was cancelled"));
          return FALSE;
        }

      sw_command_apply (command);
      sw_command_group_add (self->group, g_steal_pointer (&owned));
      return TRUE;
    }

  sw_command_apply (command);

  if (!commit (self, command, FALSE, error))
    {
      sw_command_revert (command);
      return FALSE;
    }

  record (self, command);

  return TRUE;
}

void
sw_undo_stack_begin_group (SwUndoStack *self,
                           const char  *label)
{
  g_return_if_fail (SW_IS_UNDO_STACK (self));

  if (self->depth++ == 0)
    {
      g_assert (self->group == NULL);
      self->group = SW_COMMAND_GROUP (sw_command_group_new (label));
      self->cancelled = FALSE;
    }
}

gboolean
sw_undo_stack_end_group (SwUndoStack  *self,
                         GError      **error)
{
  g_autoptr(SwCommandGroup) group = NULL;
  gboolean cancelled;

  g_return_val_if_fail (SW_IS_UNDO_STACK (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (--self->depth > 0)
    {
      if (self->cancelled)
        {
          g_set_error_literal (error, SW_CORE_ERROR, SW_CORE_ERROR_INVALID,
                               _("The action was cancelled"));
          return FALSE;
        }
      return TRUE;
    }

  group = g_steal_pointer (&self->group);
  cancelled = self->cancelled;
  self->cancelled = FALSE;

  if (cancelled)
    {
      /* Anything pushed after an inner level gave up is undone too. */
      sw_command_revert (SW_COMMAND (group));
      g_set_error_literal (error, SW_CORE_ERROR, SW_CORE_ERROR_INVALID,
                           _("The action was cancelled"));
      return FALSE;
    }

  if (sw_command_group_get_size (group) == 0)
    return TRUE;

  if (!commit (self, SW_COMMAND (group), FALSE, error))
    {
      sw_command_revert (SW_COMMAND (group));
      return FALSE;
    }

  record (self, SW_COMMAND (group));

  return TRUE;
}

void
sw_undo_stack_cancel_group (SwUndoStack *self)
{
  g_return_if_fail (SW_IS_UNDO_STACK (self));
  g_return_if_fail (self->depth > 0);

  if (!self->cancelled)
    {
      g_autoptr(SwCommandGroup) reverted = NULL;
      const char *label = sw_command_get_label (SW_COMMAND (self->group));

      sw_command_revert (SW_COMMAND (self->group));

      /* Keep an empty group open for the outer levels. */
      reverted = g_steal_pointer (&self->group);
      self->group = SW_COMMAND_GROUP (sw_command_group_new (label));
      self->cancelled = TRUE;
    }

  if (--self->depth == 0)
    {
      g_clear_object (&self->group);
      self->cancelled = FALSE;
    }
}

/* Moves the last command of @from to @to, reverting it (undo) or applying
 * it again (redo), once the commit function has made that durable. */
static gboolean
step (SwUndoStack  *self,
      GPtrArray    *from,
      GPtrArray    *to,
      gboolean      reverting,
      GError      **error)
{
  g_autoptr(SwCommand) command = NULL;
  State state;

  if (self->group != NULL)
    {
      g_set_error_literal (error, SW_CORE_ERROR, SW_CORE_ERROR_CONFLICT,
                           reverting ? _("Cannot undo during an unfinished action")
                                     : _("Cannot redo during an unfinished action"));
      return FALSE;
    }

  if (from->len == 0)
    {
      g_set_error_literal (error, SW_CORE_ERROR, SW_CORE_ERROR_NOTHING_TO_DO,
                           reverting ? _("Nothing to undo") : _("Nothing to redo"));
      return FALSE;
    }

  command = g_object_ref (g_ptr_array_index (from, from->len - 1));

  if (reverting)
    sw_command_revert (command);
  else
    sw_command_apply (command);

  if (!commit (self, command, reverting, error))
    {
      if (reverting)
        sw_command_apply (command);
      else
        sw_command_revert (command);
      return FALSE;
    }

  state_save (self, &state);
  g_ptr_array_set_size (from, from->len - 1);
  g_ptr_array_add (to, g_object_ref (command));
  state_notify (self, &state);

  g_signal_emit (self, signals[CHANGED], 0, command, reverting);

  return TRUE;
}

gboolean
sw_undo_stack_undo (SwUndoStack  *self,
                    GError      **error)
{
  g_return_val_if_fail (SW_IS_UNDO_STACK (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return step (self, self->undo, self->redo, TRUE, error);
}

gboolean
sw_undo_stack_redo (SwUndoStack  *self,
                    GError      **error)
{
  g_return_val_if_fail (SW_IS_UNDO_STACK (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return step (self, self->redo, self->undo, FALSE, error);
}

gboolean
sw_undo_stack_get_can_undo (SwUndoStack *self)
{
  g_return_val_if_fail (SW_IS_UNDO_STACK (self), FALSE);

  return self->undo->len > 0;
}

gboolean
sw_undo_stack_get_can_redo (SwUndoStack *self)
{
  g_return_val_if_fail (SW_IS_UNDO_STACK (self), FALSE);

  return self->redo->len > 0;
}

/* The label of the next undo step, "" when there is none. */
const char *
sw_undo_stack_get_undo_label (SwUndoStack *self)
{
  g_return_val_if_fail (SW_IS_UNDO_STACK (self), "");

  if (self->undo->len == 0)
    return "";

  return sw_command_get_label (g_ptr_array_index (self->undo, self->undo->len - 1));
}

/* The label of the next redo step, "" when there is none. */
const char *
sw_undo_stack_get_redo_label (SwUndoStack *self)
{
  g_return_val_if_fail (SW_IS_UNDO_STACK (self), "");

  if (self->redo->len == 0)
    return "";

  return sw_command_get_label (g_ptr_array_index (self->redo, self->redo->len - 1));
}

/* Forgets the history; what is applied stays applied. */
void
sw_undo_stack_clear (SwUndoStack *self)
{
  State state;

  g_return_if_fail (SW_IS_UNDO_STACK (self));

  state_save (self, &state);
  g_ptr_array_set_size (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);
  state_notify (self, &state);
}

/* What the user sees as the undo step of a one-property edit. */
static const char *
edit_label (GObject *object)
{
  if (SW_IS_DEPARTMENT (object))
    return _("Edit department");
  if (SW_IS_PERSON (object))
    return _("Edit person");
  if (SW_IS_UNAVAILABILITY (object))
    return _("Edit busy time");
  if (SW_IS_COMMITTEE (object))
    return _("Edit committee");
  if (SW_IS_COMMITTEE_MEMBER (object))
    return _("Edit committee member");
  if (SW_IS_SLOT (object))
    return _("Edit slot");
  if (SW_IS_DUTY (object))
    return _("Edit duty");
  if (SW_IS_ASSIGNMENT (object))
    return _("Edit assignment");
  if (SW_IS_VISIT_TARGET (object))
    return _("Edit visit target");
  if (SW_IS_TASK (object))
    return _("Edit task");
  if (SW_IS_PLAN (object))
    return _("Edit plan");

  return _("Edit");
}

gboolean
sw_undo_stack_set (SwUndoStack  *self,
                   GError      **error,
                   gpointer      object,
                   const char   *property,
                   ...)
{
  g_auto(GValue) value = G_VALUE_INIT;
  g_auto(GValue) current = G_VALUE_INIT;
  g_autofree char *collect_error = NULL;
  SwCommand *command;
  GParamSpec *pspec;
  va_list args;

  g_return_val_if_fail (SW_IS_UNDO_STACK (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  g_return_val_if_fail (G_IS_OBJECT (object), FALSE);
  g_return_val_if_fail (property != NULL, FALSE);

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);
  if (pspec == NULL)
    {
      g_set_error (error, SW_CORE_ERROR, SW_CORE_ERROR_INVALID,
                   _("%s has no property “%s”"),
                   G_OBJECT_TYPE_NAME (object), property);
      return FALSE;
    }

  if ((pspec->flags & G_PARAM_WRITABLE) == 0 ||
      (pspec->flags & G_PARAM_CONSTRUCT_ONLY) != 0)
    {
      g_set_error (error, SW_CORE_ERROR, SW_CORE_ERROR_INVALID,
                   _("Property “%s” cannot be changed"), property);
      return FALSE;
    }

  va_start (args, property);
  G_VALUE_COLLECT_INIT (&value, G_PARAM_SPEC_VALUE_TYPE (pspec), args, 0, &collect_error);
  va_end (args);

  if (collect_error != NULL)
    {
      g_set_error (error, SW_CORE_ERROR, SW_CORE_ERROR_INVALID,
                   _("Bad value for property “%s”: %s"), property, collect_error);
      return FALSE;
    }

  if (G_VALUE_HOLDS_STRING (&value) && g_value_get_string (&value) == NULL)
    g_value_set_static_string (&value, "");

  if (g_param_value_validate (pspec, &value))
    {
      g_set_error (error, SW_CORE_ERROR, SW_CORE_ERROR_INVALID,
                   _("Value out of range for property “%s”"), property);
      return FALSE;
    }

  g_value_init (&current, G_PARAM_SPEC_VALUE_TYPE (pspec));
  g_object_get_property (object, pspec->name, &current);

  if (g_param_values_cmp (pspec, &value, &current) == 0)
    return TRUE;

  command = sw_property_command_new (object, pspec->name, &value);
  sw_command_set_label (command, edit_label (object));

  return sw_undo_stack_push (self, command, error);
}
