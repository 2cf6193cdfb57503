/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sw-export-job.h"
#include "sw-received-calendars.h"

/* Files built per turn of the main loop: a few milliseconds. */
#define FILES_PER_STEP 16
/* Building counts for this much of the progress, writing for the rest. */
#define BUILD_SHARE 0.8

struct _SwExportJob
{
  GObject          parent_instance;

  SwOrganisation  *organisation;
  SwPlan          *plan;
  SwStore         *store;
  SwIcsScope       scope;
  gboolean         include_tasks;
  int              reminder_minutes;

  /* while running */
  GTask           *task;
  char            *path;
  SwCalendarState *state;
  SwIcsExporter   *exporter;
  GPtrArray       *files;
  GHashTable      *duties;     /* everyone's duties as the files give them */
  guint            idle_id;
  gulong           stack_changed_id;
  double           progress;
  gboolean         writing;
  guint            n_written;
};

G_DEFINE_FINAL_TYPE (SwExportJob, sw_export_job, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PROGRESS,
  PROP_WRITING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_progress (SwExportJob *self,
              double       progress)
{
  if (progress == self->progress)
    return;
  self->progress = progress;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
}

/* Back to no work in progress. */
static void
stop (SwExportJob *self)
{
  g_clear_handle_id (&self->idle_id, g_source_remove);
  if (self->stack_changed_id != 0)
    g_clear_signal_handler (&self->stack_changed_id, sw_organisation_get_undo_stack (self->organisation));
  g_clear_object (&self->exporter);
  g_clear_object (&self->state);
  g_clear_pointer (&self->files, g_ptr_array_unref);
  g_clear_pointer (&self->duties, g_hash_table_unref);
  g_clear_pointer (&self->path, g_free);
}

static void
fail (SwExportJob *self,
      GError      *error)
{
  g_autoptr(GTask) task = g_steal_pointer (&self->task);

  stop (self);
  g_task_return_error (task, error);
}

/* The state the export starts from, and an exporter on it. */
static gboolean
begin (SwExportJob  *self,
       GError      **error)
{
  g_clear_object (&self->exporter);
  g_clear_object (&self->state);
  if (self->store != NULL)
    {
      self->state = sw_store_load_calendar_state (self->store, self->plan, error);
      if (self->state == NULL)
        return FALSE;
    }
  else
    self->state = sw_calendar_state_new ();

  self->exporter = sw_ics_exporter_new (self->organisation, self->plan, self->state);
  sw_ics_exporter_set_include_tasks (self->exporter, self->include_tasks);
  sw_ics_exporter_set_reminder_minutes (self->exporter, self->reminder_minutes);
  if (self->scope != SW_ICS_SCOPE_PLAN)
    sw_ics_exporter_set_folder (self->exporter, self->path);
  set_progress (self, 0.0);

  return sw_ics_exporter_begin (self->exporter, self->scope, error);
}

/* Only once every file is written: what the files now say, and what
 * the people they went to now know. */
static gboolean
remember (SwExportJob  *self,
          GPtrArray    *files,
          GError      **error)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();

  if (self->store == NULL)
    return TRUE;
  if (!sw_store_save_calendar_state (self->store, self->plan, self->state, error))
    return FALSE;
  /* A file the folder had already went out before, with what it says. */
  for (guint i = 0; i < files->len; i++)
    if (!((SwIcsFile *) g_ptr_array_index (files, i))->unchanged)
      g_ptr_array_add (keys, ((SwIcsFile *) g_ptr_array_index (files, i))->file_key);
  g_ptr_array_add (keys, NULL);
  return sw_received_calendars_save (self->store, self->plan, self->duties,
                                     (const char * const *) keys->pdata, error);
}

/* The plan changed while its files were built: build them all again. */
static void
stack_changed (SwExportJob *self)
{
  g_autoptr(GError) error = NULL;

  if (self->exporter == NULL || self->writing)
    return;
  if (!begin (self, &error))
    fail (self, g_steal_pointer (&error));
}

static void
save_and_return (SwExportJob *self)
{
  g_autoptr(GTask) task = g_steal_pointer (&self->task);
  g_autoptr(GError) error = NULL;
  guint n_files = self->files->len;

  if (!remember (self, self->files, &error))
    {
      stop (self);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  stop (self);
  set_progress (self, 1.0);
  g_task_return_int (task, n_files);
}

typedef struct
{
  GPtrArray  *files;
  char       *path;
  SwIcsScope  scope;
  guint       n_written;
} WriteData;

static void
write_data_free (WriteData *data)
{
  g_ptr_array_unref (data->files);
  g_free (data->path);
  g_free (data);
}

/* The files are bytes and names, nothing of the model: any thread. */
static gboolean
write_files (GPtrArray   *files,
             const char  *path,
             SwIcsScope   scope,
             guint       *n_written,
             GError     **error)
{
  gboolean written = FALSE;

  if (scope != SW_ICS_SCOPE_PLAN)
    return sw_ics_files_write_to_folder (files, path, n_written, error);
  if (!sw_ics_file_write (g_ptr_array_index (files, 0), path, &written, error))
    return FALSE;
  *n_written = written ? 1 : 0;
  return TRUE;
}

static void
write_in_thread (GTask        *task,
                 gpointer      source,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  WriteData *data = task_data;
  GError *error = NULL;
  gboolean ok = write_files (data->files, data->path, data->scope, &data->n_written, &error);

  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
written (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(SwExportJob) self = user_data;
  WriteData *data = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;

  self->writing = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WRITING]);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      fail (self, error);
      return;
    }
  self->n_written = data->n_written;
  save_and_return (self);
}

static void
start_writing (SwExportJob *self)
{
  /* The job is held by the callback, on the main loop, not by the task:
   * the thread may drop the task last, and the job (its store, the
   * model) is let go of on the main loop only. */
  g_autoptr(GTask) write = g_task_new (NULL, NULL, written, g_object_ref (self));
  WriteData *data = g_new0 (WriteData, 1);

  if (self->stack_changed_id != 0)
    g_clear_signal_handler (&self->stack_changed_id, sw_organisation_get_undo_stack (self->organisation));
  self->files = sw_ics_exporter_finish (self->exporter);
  self->duties = sw_received_index_plan (self->plan);
  g_clear_object (&self->exporter);

  data->files = g_ptr_array_ref (self->files);
  data->path = g_strdup (self->path);
  data->scope = self->scope;
  g_task_set_task_data (write, data, (GDestroyNotify) write_data_free);
  g_task_set_name (write, "[servweek] write calendar files");

  self->writing = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WRITING]);
  set_progress (self, BUILD_SHARE);
  g_task_run_in_thread (write, write_in_thread);
}

static gboolean
build_step (gpointer data)
{
  SwExportJob *self = data;
  guint done = 0, total = 0;
  gboolean more;

  if (g_cancellable_is_cancelled (g_task_get_cancellable (self->task)))
    {
      self->idle_id = 0;
      fail (self, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, _("The export was cancelled")));
      return G_SOURCE_REMOVE;
    }

  more = sw_ics_exporter_step (self->exporter, FILES_PER_STEP);
  sw_ics_exporter_get_progress (self->exporter, &done, &total);
  set_progress (self, total > 0 ? BUILD_SHARE * done / total : BUILD_SHARE);
  if (more)
    return G_SOURCE_CONTINUE;

  self->idle_id = 0;
  start_writing (self);
  return G_SOURCE_REMOVE;
}

void
sw_export_job_run_async (SwExportJob         *self,
                         const char          *path,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (SW_IS_EXPORT_JOB (self));
  g_return_if_fail (path != NULL);
  g_return_if_fail (self->task == NULL);

  self->task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (self->task, sw_export_job_run_async);
  self->path = g_strdup (path);

  if (self->store != NULL && sw_store_is_read_only (self->store))
    {
      fail (self, g_error_new_literal (SW_STORE_ERROR, SW_STORE_ERROR_READ_ONLY,
                                       _("The database cannot be written, so the export could not be "
                                         "remembered for the next one")));
      return;
    }
  if (!begin (self, &error))
    {
      fail (self, g_steal_pointer (&error));
      return;
    }

  self->stack_changed_id = g_signal_connect_swapped (sw_organisation_get_undo_stack (self->organisation),
                                                     "changed", G_CALLBACK (stack_changed), self);
  self->idle_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, build_step, self, NULL);
}

gboolean
sw_export_job_run_finish (SwExportJob   *self,
                          GAsyncResult  *result,
                          guint         *n_files,
                          guint         *n_written,
                          GError       **error)
{
  gssize files;

  g_return_val_if_fail (SW_IS_EXPORT_JOB (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  files = g_task_propagate_int (G_TASK (result), error);
  if (files < 0)
    return FALSE;
  if (n_files != NULL)
    *n_files = (guint) files;
  if (n_written != NULL)
    *n_written = self->n_written;
  return TRUE;
}

/* Builds every file at once, for the callers that need no main loop. */
static GPtrArray *
build_all (SwExportJob  *self,
           const char   *path,
           GError      **error)
{
  g_clear_pointer (&self->path, g_free);
  self->path = g_strdup (path);
  if (self->store != NULL && sw_store_is_read_only (self->store))
    {
      g_set_error_literal (error, SW_STORE_ERROR, SW_STORE_ERROR_READ_ONLY,
                           _("The database cannot be written, so the export could not be "
                             "remembered for the next one"));
      return NULL;
    }
  if (!begin (self, error))
    return NULL;
  while (sw_ics_exporter_step (self->exporter, G_MAXUINT))
    ;
  /* Nothing changes the plan before the files are saved: the duties
   * are read from it then (remember ()), for just the people reached. */
  return sw_ics_exporter_finish (self->exporter);
}

GPtrArray *
sw_export_job_run (SwExportJob  *self,
                   const char   *path,
                   guint        *n_written,
                   GError      **error)
{
  g_autoptr(GPtrArray) files = NULL;
  guint written = 0;
  gboolean ok;

  g_return_val_if_fail (SW_IS_EXPORT_JOB (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (self->task == NULL, NULL);

  files = build_all (self, path, error);
  ok = files != NULL && write_files (files, path, self->scope, &written, error) && remember (self, files, error);
  stop (self);
  if (!ok)
    return NULL;
  if (n_written != NULL)
    *n_written = written;
  return g_steal_pointer (&files);
}

gboolean
sw_export_job_run_to_stream (SwExportJob    *self,
                             GOutputStream  *stream,
                             GCancellable   *cancellable,
                             GError        **error)
{
  g_autoptr(GPtrArray) files = NULL;
  gboolean ok;

  g_return_val_if_fail (SW_IS_EXPORT_JOB (self), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (self->scope == SW_ICS_SCOPE_PLAN, FALSE);
  g_return_val_if_fail (self->task == NULL, FALSE);

  files = build_all (self, "", error);
  if (files != NULL)
    {
      GBytes *bytes = ((SwIcsFile *) g_ptr_array_index (files, 0))->bytes;
      gsize length;
      const void *data = g_bytes_get_data (bytes, &length);

      ok = g_output_stream_write_all (stream, data, length, NULL, cancellable, error) &&
           g_output_stream_flush (stream, cancellable, error) &&
           remember (self, files, error);
    }
  else
    ok = FALSE;
  stop (self);
  return ok;
}

char *
sw_export_job_run_for_person (SwExportJob  *self,
                              SwPerson     *person,
                              const char   *folder,
                              GError      **error)
{
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GHashTable) duties = NULL;
  g_autofree char *key = NULL;
  g_autofree char *path = NULL;
  SwIcsFile *file = NULL;

  g_return_val_if_fail (SW_IS_EXPORT_JOB (self), NULL);
  g_return_val_if_fail (SW_IS_PERSON (person), NULL);
  g_return_val_if_fail (self->scope == SW_ICS_SCOPE_PERSON, NULL);
  g_return_val_if_fail (self->task == NULL, NULL);

  key = g_strdup_printf ("person:%" G_GINT64_FORMAT, sw_person_get_id (person));
  files = build_all (self, folder, error);
  for (guint i = 0; files != NULL && i < files->len && file == NULL; i++)
    if (g_str_equal (((SwIcsFile *) g_ptr_array_index (files, i))->file_key, key))
      file = g_ptr_array_index (files, i);
  if (files != NULL && file == NULL)
    g_set_error (error, SW_ICS_ERROR, SW_ICS_ERROR_IO, _("%s has no duty in the plan “%s”"),
                 sw_person_get_name (person), sw_plan_get_title (self->plan));
  if (file != NULL)
    {
      path = g_build_filename (folder, file->file_name, NULL);
      if (g_mkdir_with_parents (folder, 0700) != 0 || !sw_ics_file_write (file, path, NULL, error) ||
          (self->store != NULL && !sw_store_save_calendar_state (self->store, self->plan, self->state, error)))
        g_clear_pointer (&path, g_free);
    }
  /* What the file says, for sw_export_job_mark_received (). */
  {
    g_autoptr(GHashTable) only = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
    gint64 id = sw_person_get_id (person);

    g_hash_table_add (only, g_memdup2 (&id, sizeof id));
    duties = sw_received_index_plan_for (self->plan, only);
  }
  stop (self);
  self->duties = g_steal_pointer (&duties);
  if (path == NULL && error != NULL && *error == NULL)
    g_set_error (error, SW_ICS_ERROR, SW_ICS_ERROR_IO, _("Could not make the folder “%s”"), folder);
  return g_steal_pointer (&path);
}

gboolean
sw_export_job_mark_received (SwExportJob  *self,
                             SwPerson     *person,
                             GError      **error)
{
  g_autofree char *key = NULL;
  const char *keys[2] = { NULL, NULL };

  g_return_val_if_fail (SW_IS_EXPORT_JOB (self), FALSE);
  g_return_val_if_fail (SW_IS_PERSON (person), FALSE);

  if (self->store == NULL)
    return TRUE;
  key = g_strdup_printf ("person:%" G_GINT64_FORMAT, sw_person_get_id (person));
  keys[0] = key;
  return sw_received_calendars_save (self->store, self->plan, self->duties, keys, error);
}

double
sw_export_job_get_progress (SwExportJob *self)
{
  g_return_val_if_fail (SW_IS_EXPORT_JOB (self), 0.0);

  return self->progress;
}

gboolean
sw_export_job_get_writing (SwExportJob *self)
{
  g_return_val_if_fail (SW_IS_EXPORT_JOB (self), FALSE);

  return self->writing;
}

/* GObject */

static void
sw_export_job_dispose (GObject *object)
{
  SwExportJob *self = SW_EXPORT_JOB (object);

  stop (self);
  g_clear_object (&self->task);
  g_clear_object (&self->organisation);
  g_clear_object (&self->plan);
  g_clear_object (&self->store);
  g_clear_pointer (&self->duties, g_hash_table_unref);

  G_OBJECT_CLASS (sw_export_job_parent_class)->dispose (object);
}

static void
sw_export_job_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  SwExportJob *self = SW_EXPORT_JOB (object);

  switch (prop_id)
    {
    case PROP_PROGRESS:
      g_value_set_double (value, self->progress);
      break;
    case PROP_WRITING:
      g_value_set_boolean (value, self->writing);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sw_export_job_class_init (SwExportJobClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sw_export_job_dispose;
  object_class->get_property = sw_export_job_get_property;

  properties[PROP_PROGRESS] =
    g_param_spec_double ("progress", NULL, NULL, 0.0, 1.0, 0.0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_WRITING] =
    g_param_spec_boolean ("writing", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sw_export_job_init (SwExportJob *self)
{
}

SwExportJob *
sw_export_job_new (SwOrganisation *organisation,
                   SwPlan         *plan,
                   SwStore        *store,
                   SwIcsScope      scope,
                   gboolean        include_tasks,
                   int             reminder_minutes)
{
  SwExportJob *self;

  g_return_val_if_fail (SW_IS_ORGANISATION (organisation), NULL);
  g_return_val_if_fail (SW_IS_PLAN (plan), NULL);
  g_return_val_if_fail (store == NULL || SW_IS_STORE (store), NULL);

  self = g_object_new (SW_TYPE_EXPORT_JOB, NULL);
  self->organisation = g_object_ref (organisation);
  self->plan = g_object_ref (plan);
  self->store = store != NULL ? g_object_ref (store) : NULL;
  self->scope = scope;
  self->include_tasks = include_tasks;
  self->reminder_minutes = reminder_minutes;
  return self;
}
