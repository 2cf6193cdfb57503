/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "sw-print-operation.h"
#include "sw-print-sheet.h"

struct _SwPrintOperation
{
  GtkPrintOperation parent_instance;

  SwStore          *store;
  SwPlan           *plan;
  SwSheetKind       kind;
  SwSlot           *slot;
  SwSheet          *sheet;
};

G_DEFINE_FINAL_TYPE (SwPrintOperation, sw_print_operation, GTK_TYPE_PRINT_OPERATION)

enum
{
  PROP_0,
  PROP_STORE,
  PROP_PLAN,
  PROP_KIND,
  PROP_SLOT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sw_print_operation_begin_print (GtkPrintOperation *operation,
                                GtkPrintContext   *context)
{
  SwPrintOperation *self = SW_PRINT_OPERATION (operation);
  g_autoptr(GError) error = NULL;
  guint n_pages;

  /* With full-page drawing in points, the context is the whole sheet of
   * paper, as the PDF writer's is; SwSheet keeps its own margins. */
  g_clear_object (&self->sheet);
  self->sheet = sw_print_sheet_new (self->store, self->plan, self->kind, &error);
  if (self->sheet == NULL)
    {
      /* Read a moment ago, before the dialog opened. */
      g_warning ("The published calendars could not be read: %s", error->message);
      self->sheet = sw_sheet_new (self->plan, self->kind);
    }
  sw_sheet_set_slot (self->sheet, self->slot);
  sw_sheet_set_page_size (self->sheet,
                          gtk_print_context_get_width (context),
                          gtk_print_context_get_height (context));
  /* The sheet's own fonts and unhinted metrics, as in the PDF the CLI
   * writes: the printout and the file have the same pages. */
  n_pages = sw_sheet_paginate (self->sheet, NULL);
  gtk_print_operation_set_n_pages (operation, (int) n_pages);
}

static void
sw_print_operation_draw_page (GtkPrintOperation *operation,
                              GtkPrintContext   *context,
                              int                page_nr)
{
  SwPrintOperation *self = SW_PRINT_OPERATION (operation);

  g_return_if_fail (self->sheet != NULL);
  g_return_if_fail (page_nr >= 0 && (guint) page_nr < sw_sheet_get_n_pages (self->sheet));

  sw_sheet_draw_page (self->sheet, gtk_print_context_get_cairo_context (context), (guint) page_nr);
}

static void
sw_print_operation_end_print (GtkPrintOperation *operation,
                              GtkPrintContext   *context)
{
  SwPrintOperation *self = SW_PRINT_OPERATION (operation);

  g_clear_object (&self->sheet);
}

static void
sw_print_operation_constructed (GObject *object)
{
  SwPrintOperation *self = SW_PRINT_OPERATION (object);
  GtkPrintOperation *operation = GTK_PRINT_OPERATION (object);
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  g_autofree char *job = NULL;

  G_OBJECT_CLASS (sw_print_operation_parent_class)->constructed (object);

  gtk_page_setup_set_paper_size (setup, a4);
  gtk_page_setup_set_orientation (setup, self->kind == SW_SHEET_KIND_WEEK
                                         ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                         : GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_show_progress (operation, TRUE);

  if (self->slot != NULL)
    job = g_strdup_printf ("%s – %s – %s", sw_plan_get_title (self->plan),
                           sw_sheet_kind_get_label (self->kind), sw_slot_get_title (self->slot));
  else
    job = g_strdup_printf ("%s – %s", sw_plan_get_title (self->plan), sw_sheet_kind_get_label (self->kind));
  gtk_print_operation_set_job_name (operation, job);
}

static void
sw_print_operation_finalize (GObject *object)
{
  SwPrintOperation *self = SW_PRINT_OPERATION (object);

  g_clear_object (&self->sheet);
  g_clear_object (&self->slot);
  g_clear_object (&self->plan);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sw_print_operation_parent_class)->finalize (object);
}

static void
sw_print_operation_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  SwPrintOperation *self = SW_PRINT_OPERATION (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;
    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;
    case PROP_SLOT:
      g_value_set_object (value, self->slot);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sw_print_operation_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  SwPrintOperation *self = SW_PRINT_OPERATION (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_PLAN:
      self->plan = g_value_dup_object (value);
      break;
    case PROP_KIND:
      self->kind = (SwSheetKind) g_value_get_int (value);
      break;
    case PROP_SLOT:
      self->slot = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sw_print_operation_class_init (SwPrintOperationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *operation_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->constructed = sw_print_operation_constructed;
  object_class->finalize = sw_print_operation_finalize;
  object_class->get_property = sw_print_operation_get_property;
  object_class->set_property = sw_print_operation_set_property;

  operation_class->begin_print = sw_print_operation_begin_print;
  operation_class->draw_page = sw_print_operation_draw_page;
  operation_class->end_print = sw_print_operation_end_print;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SW_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, SW_TYPE_PLAN,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL, SW_SHEET_KIND_ROLES, SW_SHEET_KIND_CHANGES, SW_SHEET_KIND_ROLES,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SLOT] =
    g_param_spec_object ("slot", NULL, NULL, SW_TYPE_SLOT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sw_print_operation_init (SwPrintOperation *self)
{
}

SwPrintOperation *
sw_print_operation_new (SwPlan      *plan,
                        SwSheetKind  kind)
{
  g_return_val_if_fail (SW_IS_PLAN (plan), NULL);
  g_return_val_if_fail (kind <= SW_SHEET_KIND_CHANGES, NULL);

  return g_object_new (SW_TYPE_PRINT_OPERATION, "plan", plan, "kind", kind, NULL);
}

SwPrintOperation *
sw_print_operation_new_for_slot (SwPlan *plan,
                                 SwSlot *slot)
{
  g_return_val_if_fail (SW_IS_PLAN (plan), NULL);
  g_return_val_if_fail (SW_IS_SLOT (slot), NULL);

  return g_object_new (SW_TYPE_PRINT_OPERATION, "plan", plan, "kind", SW_SHEET_KIND_SIGNIN,
                       "slot", slot, NULL);
}

SwPlan *
sw_print_operation_get_plan (SwPrintOperation *self)
{
  g_return_val_if_fail (SW_IS_PRINT_OPERATION (self), NULL);

  return self->plan;
}

SwSheetKind
sw_print_operation_get_kind (SwPrintOperation *self)
{
  g_return_val_if_fail (SW_IS_PRINT_OPERATION (self), SW_SHEET_KIND_ROLES);

  return self->kind;
}

SwSlot *
sw_print_operation_get_slot (SwPrintOperation *self)
{
  g_return_val_if_fail (SW_IS_PRINT_OPERATION (self), NULL);

  return self->slot;
}

SwSheet *
sw_print_operation_get_sheet (SwPrintOperation *self)
{
  g_return_val_if_fail (SW_IS_PRINT_OPERATION (self), NULL);

  return self->sheet;
}

static void
show_error (GtkWindow    *parent,
            const GError *error)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, _("Could Not Print"), error->message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_done (GtkPrintOperation       *operation,
         GtkPrintOperationResult  result,
         gpointer                 user_data)
{
  g_object_set_data (G_OBJECT (operation), "sw-done", GINT_TO_POINTER (TRUE));
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;

      gtk_print_operation_get_error (operation, &error);
      if (error != NULL)
        show_error (g_object_get_data (G_OBJECT (operation), "sw-parent"), error);
    }
  /* The reference sw_print_operation_run() handed over. */
  g_object_unref (operation);
}

void
sw_print_operation_run (GtkWindow   *parent,
                        SwStore     *store,
                        SwPlan      *plan,
                        SwSheetKind  kind)
{
  sw_print_operation_run_for_slot (parent, store, plan, kind, NULL);
}

void
sw_print_operation_run_for_slot (GtkWindow   *parent,
                                 SwStore     *store,
                                 SwPlan      *plan,
                                 SwSheetKind  kind,
                                 SwSlot      *slot)
{
  g_autoptr(SwPrintOperation) self = NULL;
  g_autoptr(SwSheet) check = NULL;
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (store == NULL || SW_IS_STORE (store));
  g_return_if_fail (SW_IS_PLAN (plan));
  g_return_if_fail (slot == NULL || SW_IS_SLOT (slot));

  /* A sheet that cannot be laid out says why before the dialog opens. */
  check = sw_print_sheet_new (store, plan, kind, &error);
  if (check != NULL)
    sw_sheet_set_slot (check, slot);
  /* Printed before a publish, the subscriptions sheet would be one line
   * saying there is nothing on it. */
  if (check != NULL && kind == SW_SHEET_KIND_SUBSCRIPTIONS && sw_sheet_get_n_subscriptions (check) == 0)
    g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                         _("The plan’s calendars are not published yet: publish them, then print who "
                           "subscribes where"));
  if (check != NULL && kind == SW_SHEET_KIND_CHANGES && sw_sheet_get_n_notices (check) == 0)
    g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                         _("Nobody has changes to be told: everybody has the calendar of their duties "
                           "as they are now"));
  if (check == NULL || error != NULL || !sw_sheet_check (check, &error))
    {
      show_error (parent, error);
      return;
    }

  self = g_object_new (SW_TYPE_PRINT_OPERATION, "store", store, "plan", plan, "kind", kind, "slot", slot, NULL);
  if (parent != NULL)
    g_object_set_data_full (G_OBJECT (self), "sw-parent", g_object_ref (parent), g_object_unref);
  gtk_print_operation_set_allow_async (GTK_PRINT_OPERATION (self), TRUE);
  /* One more reference, dropped by "done": the dialog outlives this call. */
  g_signal_connect (g_object_ref (self), "done", G_CALLBACK (on_done), NULL);

  result = gtk_print_operation_run (GTK_PRINT_OPERATION (self), GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    parent, &error);
  if (result != GTK_PRINT_OPERATION_RESULT_IN_PROGRESS &&
      g_object_get_data (G_OBJECT (self), "sw-done") == NULL)
    {
      if (result == GTK_PRINT_OPERATION_RESULT_ERROR && error != NULL)
        show_error (parent, error);
      g_signal_handlers_disconnect_by_func (self, on_done, NULL);
      g_object_unref (self);
    }
}
