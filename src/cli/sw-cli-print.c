/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sw-cli-common.h"
#include "sw-print-sheet.h"
#include "sw-sheet.h"
#include "sw-workbook.h"

/* The options of print, as given and as read. */
typedef struct
{
  char          *plan_arg;
  char          *sheet_arg;
  char          *slot_arg;
  char          *pdf;
  char          *xlsx;
  char          *paper_arg;
  gboolean       landscape;
  gboolean       portrait;
  SwSheetKind    kind;
  SwPaper        paper;
  SwOrientation  orientation;
} PrintOptions;

static void
print_options_clear (PrintOptions *options)
{
  g_clear_pointer (&options->plan_arg, g_free);
  g_clear_pointer (&options->sheet_arg, g_free);
  g_clear_pointer (&options->slot_arg, g_free);
  g_clear_pointer (&options->pdf, g_free);
  g_clear_pointer (&options->xlsx, g_free);
  g_clear_pointer (&options->paper_arg, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PrintOptions, print_options_clear)

static gboolean
parse_paper (const char  *paper_arg,
             SwPaper     *paper,
             GError     **error)
{
  if (g_ascii_strcasecmp (paper_arg, "a4") == 0)
    *paper = SW_PAPER_A4;
  else if (g_ascii_strcasecmp (paper_arg, "letter") == 0)
    *paper = SW_PAPER_LETTER;
  else
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("print: unknown paper “%s” (a4 or letter)"), paper_arg);
      return FALSE;
    }

  return TRUE;
}

/* Checks the options against each other and reads the sheet, the paper
 * and the orientation from them. */
static gboolean
read_print_options (SwCliContext  *ctx,
                    PrintOptions  *options,
                    GError       **error)
{
  if (!sw_cli_require_option (ctx, "--sheet", options->sheet_arg, error))
    return FALSE;
  if (!sw_sheet_kind_from_nick (options->sheet_arg, &options->kind))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("print: unknown sheet “%s” (roles, week, slips, signin, subscriptions or changes)"),
                   options->sheet_arg);
      return FALSE;
    }
  if (sw_sheet_kind_needs_slot (options->kind) && options->slot_arg == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   _("print: the %s sheet is for one slot: give --slot SLOT"), options->sheet_arg);
      return FALSE;
    }
  if (!sw_sheet_kind_needs_slot (options->kind) && options->slot_arg != NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   _("print: --slot applies to the signin sheet only, not to %s"), options->sheet_arg);
      return FALSE;
    }
  if ((options->pdf == NULL) == (options->xlsx == NULL))
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("print: give either --pdf FILE or --xlsx FILE"));
      return FALSE;
    }
  if (options->xlsx != NULL && options->kind != SW_SHEET_KIND_ROLES)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("print: only the roles sheet is made as a workbook (--xlsx)"));
      return FALSE;
    }
  if (options->paper_arg != NULL && !parse_paper (options->paper_arg, &options->paper, error))
    return FALSE;
  if (options->landscape && options->portrait)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("print: --landscape and --portrait exclude each other"));
      return FALSE;
    }
  if (options->xlsx != NULL && (options->paper_arg != NULL || options->landscape || options->portrait))
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("print: --paper, --landscape and --portrait apply to --pdf only"));
      return FALSE;
    }
  if (options->landscape)
    options->orientation = SW_ORIENTATION_LANDSCAPE;
  else if (options->portrait)
    options->orientation = SW_ORIENTATION_PORTRAIT;

  return TRUE;
}

static int
write_pdf_sheet (SwStore       *store,
                 SwPlan        *plan,
                 PrintOptions  *options,
                 GError       **error)
{
  g_autoptr(SwSheet) sheet = NULL;
  guint n_pages;

  /* Once the plan is published, the slips carry each person's QR code. */
  sheet = sw_print_sheet_new (store, plan, options->kind, error);
  if (sheet == NULL)
    return SW_CLI_EXIT_FAILURE;
  if (options->kind == SW_SHEET_KIND_CHANGES && sw_sheet_get_n_notices (sheet) == 0)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("print: nobody has changes to be told (servweek-cli changes)"));
      return SW_CLI_EXIT_FAILURE;
    }
  if (options->kind == SW_SHEET_KIND_SUBSCRIPTIONS && sw_sheet_get_n_subscriptions (sheet) == 0)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("print: the plan’s calendars are not published yet (servweek-cli publish)"));
      return SW_CLI_EXIT_FAILURE;
    }

  if (options->slot_arg != NULL)
    {
      SwSlot *slot = sw_cli_resolve_slot (plan, options->slot_arg, error);

      if (slot == NULL)
        return SW_CLI_EXIT_FAILURE;
      sw_sheet_set_slot (sheet, slot);
    }
  sw_sheet_set_paper (sheet, options->paper, options->orientation);
  if (!sw_sheet_write_pdf (sheet, options->pdf, error))
    return SW_CLI_EXIT_FAILURE;

  n_pages = sw_sheet_get_n_pages (sheet);
  g_print (g_dngettext (GETTEXT_PACKAGE, "%s: %u page\n", "%s: %u pages\n", n_pages),
           options->pdf, n_pages);

  return SW_CLI_EXIT_OK;
}

/* servweek-cli print [--plan ID] --sheet roles|week|slips|signin|subscriptions|changes [--slot SLOT]
 *                    (--pdf FILE | --xlsx FILE) [--paper a4|letter]
 *                    [--landscape | --portrait] */
int
sw_cli_cmd_print (SwCliContext  *ctx,
                  int            argc,
                  char         **argv,
                  GError       **error)
{
  g_auto(PrintOptions) options = {
    .kind = SW_SHEET_KIND_ROLES,
    .paper = SW_PAPER_A4,
    .orientation = SW_ORIENTATION_AUTO,
  };
  const GOptionEntry entries[] = {
    { "sheet", 0, 0, G_OPTION_ARG_STRING, &options.sheet_arg,
      N_("The sheet: roles, week, slips, signin, subscriptions or changes"), N_("SHEET") },
    { "slot", 0, 0, G_OPTION_ARG_STRING, &options.slot_arg,
      N_("The slot of the signin sheet: its UID, or its title when that is unique"), N_("SLOT") },
    { "pdf", 0, 0, G_OPTION_ARG_FILENAME, &options.pdf,
      N_("Write the sheet as a PDF file"), N_("FILE") },
    { "xlsx", 0, 0, G_OPTION_ARG_FILENAME, &options.xlsx,
      N_("Write the roles sheet as an Excel workbook"), N_("FILE") },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &options.paper_arg,
      N_("Paper size: a4 (default) or letter"), N_("PAPER") },
    { "landscape", 0, 0, G_OPTION_ARG_NONE, &options.landscape,
      N_("Print across the page (the week grid does by default)"), NULL },
    { "portrait", 0, 0, G_OPTION_ARG_NONE, &options.portrait,
      N_("Print down the page (the other sheets do by default)"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(SwStore) store = NULL;
  SwOrganisation *org;
  SwPlan *plan;

  if (!sw_cli_parse_plan_options (ctx, &options.plan_arg, entries, &argc, &argv, 0, error))
    return SW_CLI_EXIT_FAILURE;

  /* Every argument is checked before the database is opened. */
  if (!read_print_options (ctx, &options, error))
    return SW_CLI_EXIT_FAILURE;

  plan = sw_cli_open_plan (ctx, TRUE, options.plan_arg, &store, error);
  if (plan == NULL)
    return SW_CLI_EXIT_FAILURE;
  org = sw_store_get_organisation (store);

  if (options.xlsx != NULL)
    return sw_workbook_write_roles (org, plan, options.xlsx, error) ? SW_CLI_EXIT_OK : SW_CLI_EXIT_FAILURE;

  return write_pdf_sheet (store, plan, &options, error);
}
