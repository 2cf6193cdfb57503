/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sw-cli-common.h"
#include "sw-sheet.h"
#include "sw-workbook.h"

/* servweek-cli print [--plan ID] --sheet roles|week|slips
 *                    (--pdf FILE | --xlsx FILE) [--paper a4|letter]
 *                    [--landscape | --portrait] */
int
sw_cli_cmd_print (SwCliContext  *ctx,
                  int            argc,
                  char         **argv,
                  GError       **error)
{
  g_autofree char *plan_arg = NULL;
  g_autofree char *sheet_arg = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *xlsx = NULL;
  g_autofree char *paper_arg = NULL;
  gboolean landscape = FALSE;
  gboolean portrait = FALSE;
  const GOptionEntry entries[] = {
    { "plan", 0, 0, G_OPTION_ARG_STRING, &plan_arg,
      N_("The plan (may be left out when the database holds one)"), N_("ID") },
    { "sheet", 0, 0, G_OPTION_ARG_STRING, &sheet_arg,
      N_("The sheet: roles, week or slips"), N_("SHEET") },
    { "pdf", 0, 0, G_OPTION_ARG_FILENAME, &pdf,
      N_("Write the sheet as a PDF file"), N_("FILE") },
    { "xlsx", 0, 0, G_OPTION_ARG_FILENAME, &xlsx,
      N_("Write the roles sheet as an Excel workbook"), N_("FILE") },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &paper_arg,
      N_("Paper size: a4 (default) or letter"), N_("PAPER") },
    { "landscape", 0, 0, G_OPTION_ARG_NONE, &landscape,
      N_("Print across the page (the week grid does by default)"), NULL },
    { "portrait", 0, 0, G_OPTION_ARG_NONE, &portrait,
      N_("Print down the page (the roles sheet and slips do by default)"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(SwStore) store = NULL;
  g_autoptr(SwSheet) sheet = NULL;
  SwSheetKind kind = SW_SHEET_KIND_ROLES;
  SwPaper paper = SW_PAPER_A4;
  SwOrientation orientation = SW_ORIENTATION_AUTO;
  SwOrganisation *org;
  SwPlan *plan;
  guint n_pages;

  if (!sw_cli_parse_options (ctx, entries, &argc, &argv, 0, error))
    return SW_CLI_EXIT_FAILURE;

  /* Every argument is checked before the database is opened. */
  if (!sw_cli_require_option (ctx, "--sheet", sheet_arg, error))
    return SW_CLI_EXIT_FAILURE;
  if (!sw_sheet_kind_from_nick (sheet_arg, &kind))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("print: unknown sheet “%s” (roles, week or slips)"), sheet_arg);
      return SW_CLI_EXIT_FAILURE;
    }
  if ((pdf == NULL) == (xlsx == NULL))
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("print: give either --pdf FILE or --xlsx FILE"));
      return SW_CLI_EXIT_FAILURE;
    }
  if (xlsx != NULL && kind != SW_SHEET_KIND_ROLES)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("print: only the roles sheet is made as a workbook (--xlsx)"));
      return SW_CLI_EXIT_FAILURE;
    }
  if (paper_arg != NULL)
    {
      if (g_ascii_strcasecmp (paper_arg, "a4") == 0)
        paper = SW_PAPER_A4;
      else if (g_ascii_strcasecmp (paper_arg, "letter") == 0)
        paper = SW_PAPER_LETTER;
      else
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("print: unknown paper “%s” (a4 or letter)"), paper_arg);
          return SW_CLI_EXIT_FAILURE;
        }
    }
  if (landscape && portrait)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("print: --landscape and --portrait exclude each other"));
      return SW_CLI_EXIT_FAILURE;
    }
  if (xlsx != NULL && (paper_arg != NULL || landscape || portrait))
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("print: --paper, --landscape and --portrait apply to --pdf only"));
      return SW_CLI_EXIT_FAILURE;
    }
  if (landscape)
    orientation = SW_ORIENTATION_LANDSCAPE;
  else if (portrait)
    orientation = SW_ORIENTATION_PORTRAIT;

  store = sw_cli_open_store (ctx, TRUE, error);
  if (store == NULL)
    return SW_CLI_EXIT_FAILURE;
  org = sw_store_get_organisation (store);
  plan = sw_cli_resolve_plan (org, plan_arg, error);
  if (plan == NULL)
    return SW_CLI_EXIT_FAILURE;

  if (xlsx != NULL)
    return sw_workbook_write_roles (org, plan, xlsx, error) ? SW_CLI_EXIT_OK : SW_CLI_EXIT_FAILURE;

  sheet = sw_sheet_new (plan, kind);
  sw_sheet_set_paper (sheet, paper, orientation);
  if (!sw_sheet_write_pdf (sheet, pdf, error))
    return SW_CLI_EXIT_FAILURE;

  n_pages = sw_sheet_get_n_pages (sheet);
  g_print (g_dngettext (GETTEXT_PACKAGE, "%s: %u page\n", "%s: %u pages\n", n_pages), pdf, n_pages);

  return SW_CLI_EXIT_OK;
}
