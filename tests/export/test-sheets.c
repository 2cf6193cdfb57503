/* SPDX-License-Identifier: GPL-3.0-or-later */
#define _GNU_SOURCE
#include "config.h"

#include <errno.h>
#include <locale.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "sw-core.h"
#include "sw-generate.h"
#include "sw-plan-file.h"
#include "sw-sheet.h"

/*
 * The printed sheets, checked the way a reader would: through poppler's
 * command-line tools on the PDF files the sheets write.  The first pages
 * of every sheet are rendered to PNG in SW_RENDER_DIR for review.
 */

typedef struct
{
  char   *name;
  double  x0, y0, x1, y1;
} Word;

static void
word_clear (gpointer data)
{
  Word *w = data;

  g_free (w->name);
}

static SwOrganisation *sample_org;
static SwPlan *sample_plan;
static SwOrganisation *large_org;
static SwPlan *large_plan;

/* ------------------------------------------------------------------ tools */

static char *
run_tool (const char * const *argv)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                     &out, &err, &status, &error))
    g_error ("%s cannot run (poppler-utils must be installed): %s", argv[0], error->message);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("%s failed: %s\n%s", argv[0], error->message, err);

  return g_steal_pointer (&out);
}

static char *
strip_spaces (const char *text)
{
  GString *s = g_string_sized_new (strlen (text));

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* Lines may break anywhere in a wrapped cell, and Pango marks a word
       * broken between letters with a hyphen. */
      if (g_unichar_isspace (c) || c == '-' || c == 0x2010 || c == 0xad)
        continue;
      g_string_append_unichar (s, c);
    }

  return g_string_free (s, FALSE);
}

static guint
pdf_page_count (const char *pdf,
                double     *width,
                double     *height)
{
  const char *argv[] = { "pdfinfo", pdf, NULL };
  g_autofree char *info = run_tool (argv);
  g_auto(GStrv) lines = g_strsplit (info, "\n", -1);
  guint pages = 0;

  for (guint i = 0; lines[i]; i++)
    {
      if (g_str_has_prefix (lines[i], "Pages:"))
        pages = (guint) g_ascii_strtoull (lines[i] + 6, NULL, 10);
      else if (g_str_has_prefix (lines[i], "Page size:"))
        {
          char *end = NULL;

          *width = g_ascii_strtod (lines[i] + 10, &end);
          g_assert_nonnull (strstr (end, " x "));
          *height = g_ascii_strtod (strstr (end, " x ") + 3, NULL);
        }
    }
  g_assert_cmpuint (pages, >, 0);

  return pages;
}

static void
assert_fonts_embedded (const char *pdf)
{
  const char *argv[] = { "pdffonts", pdf, NULL };
  g_autofree char *out = run_tool (argv);
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);
  guint fonts = 0;
  gboolean cjk = FALSE;

  g_assert_nonnull (lines[0]);
  g_assert_nonnull (lines[1]);
  for (guint i = 2; lines[i]; i++)
    {
      g_auto(GStrv) tokens = g_strsplit_set (g_strstrip (lines[i]), " ", -1);
      g_autoptr(GPtrArray) words = g_ptr_array_new ();

      for (guint k = 0; tokens[k]; k++)
        if (tokens[k][0] != '\0')
          g_ptr_array_add (words, tokens[k]);
      if (words->len == 0)
        continue;
      /* name type… encoding emb sub uni object ID: emb is fifth from the end. */
      g_assert_cmpuint (words->len, >=, 7);
      if (!g_str_equal (words->pdata[words->len - 5], "yes"))
        g_error ("font not embedded: %s", lines[i]);
      if (strstr (words->pdata[0], "NotoSansCJK") != NULL)
        cjk = TRUE;
      fonts++;
    }
  g_assert_cmpuint (fonts, >, 0);
  g_assert_true (cjk);
}

static GPtrArray *
pdf_words (const char *pdf,
           guint       n_pages)
{
  g_autofree char *html_path = g_strconcat (pdf, ".bbox.html", NULL);
  const char *argv[] = { "pdftotext", "-bbox", pdf, html_path, NULL };
  g_autofree char *ignored = run_tool (argv);
  g_autofree char *html = NULL;
  GPtrArray *pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  GArray *page = NULL;
  const char *p;

  g_assert_true (g_file_get_contents (html_path, &html, NULL, NULL));
  g_unlink (html_path);

  /* <page …> starts a page; <word xMin="…" yMin="…" xMax="…" yMax="…">text</word>.
   * Scanned by hand: the file is large, and libc's string search under
   * AddressSanitizer measures the whole rest of it on every call. */
  for (p = html; *p != '\0'; p++)
    {
      if (*p != '<')
        continue;
      if (g_str_has_prefix (p, "<page "))
        {
          page = g_array_new (FALSE, FALSE, sizeof (Word));
          g_array_set_clear_func (page, word_clear);
          g_ptr_array_add (pages, page);
        }
      else if (g_str_has_prefix (p, "<word "))
        {
          static const char *keys[] = { "xMin=\"", "yMin=\"", "xMax=\"", "yMax=\"" };
          double values[4] = { 0, 0, 0, 0 };
          const char *q, *text;
          guint found = 0;
          Word w;

          for (q = p; *q != '\0' && *q != '>'; q++)
            for (guint k = 0; k < 4; k++)
              if (*q == keys[k][0] && g_str_has_prefix (q, keys[k]))
                {
                  values[k] = g_ascii_strtod (q + 6, NULL);
                  found++;
                }
          g_assert_cmpuint (found, ==, 4);
          g_assert_true (*q == '>');
          text = q + 1;
          for (q = text; *q != '\0' && *q != '<'; q++)
            ;
          g_assert_true (g_str_has_prefix (q, "</word>"));
          w.name = g_strndup (text, (gsize) (q - text));
          w.x0 = values[0];
          w.y0 = values[1];
          w.x1 = values[2];
          w.y1 = values[3];
          g_assert_nonnull (page);
          g_array_append_val (page, w);
          p = q;
        }
    }
  g_assert_cmpuint (pages->len, ==, n_pages);

  return pages;
}

/* Every word inside the printable area, and no two words on top of each
 * other (a cell that ran into its neighbour would show as overlap). */
static void
assert_words_placed (GPtrArray *pages,
                     SwSheet   *sheet)
{
  double top, right, bottom, left;
  double width = sw_sheet_get_page_width (sheet);
  double height = sw_sheet_get_page_height (sheet);
  const double slack = 0.6;

  sw_sheet_get_margins (sheet, &top, &right, &bottom, &left);
  for (guint p = 0; p < pages->len; p++)
    {
      GArray *words = pages->pdata[p];

      g_assert_cmpuint (words->len, >, 0);
      for (guint i = 0; i < words->len; i++)
        {
          Word *w = &g_array_index (words, Word, i);

          if (w->x0 < left - slack || w->x1 > width - right + slack ||
              w->y0 < top - slack || w->y1 > height - bottom + slack)
            g_error ("page %u: “%s” at %.1f,%.1f–%.1f,%.1f is outside the printable area",
                     p + 1, w->name, w->x0, w->y0, w->x1, w->y1);

          for (guint k = i + 1; k < words->len; k++)
            {
              Word *o = &g_array_index (words, Word, k);
              double ox = MIN (w->x1, o->x1) - MAX (w->x0, o->x0);
              double oy = MIN (w->y1, o->y1) - MAX (w->y0, o->y0);

              if (ox > 1.0 && oy > 2.0)
                g_error ("page %u: “%s” (%.1f,%.1f–%.1f,%.1f) overlaps “%s” (%.1f,%.1f–%.1f,%.1f)",
                         p + 1, w->name, w->x0, w->y0, w->x1, w->y1,
                         o->name, o->x0, o->y0, o->x1, o->y1);
            }
        }
    }
}

static char *
pdf_text (const char *pdf)
{
  const char *argv[] = { "pdftotext", "-raw", "-enc", "UTF-8", pdf, "-", NULL };

  return run_tool (argv);
}

static void
render_pngs (const char *pdf,
             const char *name,
             guint       n_pages)
{
  g_autofree char *prefix = g_build_filename (SW_RENDER_DIR, name, NULL);
  g_autofree char *last = g_strdup_printf ("%u", MIN (n_pages, 3));
  const char *argv[] = { "pdftoppm", "-r", "80", "-png", "-f", "1", "-l", last, pdf, prefix, NULL };
  g_autofree char *ignored = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autofree char *first_prefix = g_strconcat (name, "-", NULL);
  const char *entry;
  gboolean found = FALSE;

  g_mkdir_with_parents (SW_RENDER_DIR, 0755);
  ignored = run_tool (argv);
  dir = g_dir_open (SW_RENDER_DIR, 0, NULL);
  g_assert_nonnull (dir);
  while ((entry = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (entry, first_prefix) && g_str_has_suffix (entry, ".png"))
      found = TRUE;
  g_assert_true (found);
}

/* ------------------------------------------------------------------ checks */

typedef struct
{
  SwSheet   *sheet;
  char      *pdf;
  guint      n_pages;
  char      *text;       /* whitespace removed */
  char      *raw_text;
  GPtrArray *words;      /* per page */
} Printed;

static void
printed_free (Printed *p)
{
  g_clear_object (&p->sheet);
  g_free (p->pdf);
  g_free (p->text);
  g_free (p->raw_text);
  g_clear_pointer (&p->words, g_ptr_array_unref);
  g_free (p);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Printed, printed_free)

/* Writes @sheet as NAME.pdf and reads it back. */
static Printed *
print_printed_sheet (SwSheet    *sheet,
                     const char *name)
{
  Printed *p = g_new0 (Printed, 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *file = g_strconcat (name, ".pdf", NULL);
  double width = 0, height = 0;

  g_mkdir_with_parents (SW_RENDER_DIR, 0755);
  p->pdf = g_build_filename (SW_RENDER_DIR, file, NULL);
  g_unlink (p->pdf);

  p->sheet = g_object_ref (sheet);
  g_assert_true (sw_sheet_write_pdf (p->sheet, p->pdf, &error));
  g_assert_no_error (error);
  p->n_pages = sw_sheet_get_n_pages (p->sheet);
  g_assert_cmpuint (p->n_pages, >=, 1);

  /* The page count is what the pagination predicted. */
  g_assert_cmpuint (pdf_page_count (p->pdf, &width, &height), ==, p->n_pages);
  g_assert_cmpfloat_with_epsilon (width, sw_sheet_get_page_width (p->sheet), 0.5);
  g_assert_cmpfloat_with_epsilon (height, sw_sheet_get_page_height (p->sheet), 0.5);

  assert_fonts_embedded (p->pdf);
  p->raw_text = pdf_text (p->pdf);
  p->text = strip_spaces (p->raw_text);
  p->words = pdf_words (p->pdf, p->n_pages);
  assert_words_placed (p->words, p->sheet);
  render_pngs (p->pdf, name, p->n_pages);

  return p;
}

static Printed *
print_sheet (SwPlan        *plan,
             SwSheetKind    kind,
             SwPaper        paper,
             SwOrientation  orientation,
             const char    *name)
{
  g_autoptr(SwSheet) sheet = sw_sheet_new (plan, kind);

  sw_sheet_set_paper (sheet, paper, orientation);

  return print_printed_sheet (sheet, name);
}

static void
assert_contains (Printed    *p,
                 const char *what)
{
  g_autofree char *needle = strip_spaces (what);

  /* memmem(), not strstr(): it does not measure the long text again on
   * every call (which matters under AddressSanitizer). */
  if (needle[0] != '\0' && memmem (p->text, strlen (p->text), needle, strlen (needle)) == NULL)
    g_error ("%s does not show “%s”", p->pdf, what);
}

/* Every assigned person's name and every slot title (the slips show only
 * the slots someone is on). */
static void
assert_plan_shown (Printed  *p,
                   SwPlan   *plan,
                   gboolean  only_staffed_slots)
{
  GListModel *slots = sw_plan_get_slots (plan);
  guint n = g_list_model_get_n_items (slots);
  guint names = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwSlot) slot = g_list_model_get_item (slots, i);
      GListModel *assignments = sw_slot_get_assignments (slot);
      guint n_assignments = g_list_model_get_n_items (assignments);

      if (!only_staffed_slots || n_assignments > 0)
        assert_contains (p, sw_slot_get_title (slot));
      for (guint k = 0; k < n_assignments; k++)
        {
          g_autoptr(SwAssignment) assignment = g_list_model_get_item (assignments, k);

          assert_contains (p, sw_person_get_name (sw_assignment_get_person (assignment)));
          names++;
        }
    }
  g_assert_cmpuint (names, >, 0);
}

/* The roles sheet repeats the table header on every page of the schedule. */
static void
assert_header_repeated (Printed    *p,
                        const char *label)
{
  g_auto(GStrv) pages = g_strsplit (p->raw_text, "\f", -1);
  gboolean in_schedule = FALSE;
  guint repeated = 0;

  for (guint i = 0; pages[i] && i < p->n_pages; i++)
    {
      gboolean has = strstr (pages[i], label) != NULL;

      if (has)
        in_schedule = TRUE;
      else if (in_schedule && strstr (pages[i], "Tasks") == NULL)
        g_error ("page %u of %s continues a table without its header row", i + 1, p->pdf);
      if (has && i > 0)
        repeated++;
    }
  g_assert_true (in_schedule);
  if (p->n_pages > 2)
    g_assert_cmpuint (repeated, >, 0);
}

/* ------------------------------------------------------------------ tests */

static void
test_sample_roles (void)
{
  g_autoptr(Printed) p = print_sheet (sample_plan, SW_SHEET_KIND_ROLES, SW_PAPER_A4,
                                      SW_ORIENTATION_AUTO, "sample-roles");
  GListModel *committees = sw_plan_get_committees (sample_plan);

  g_assert_cmpfloat_with_epsilon (sw_sheet_get_page_width (p->sheet), 595.28, 0.1);
  assert_plan_shown (p, sample_plan, FALSE);
  assert_contains (p, sw_plan_get_title (sample_plan));
  assert_contains (p, sw_plan_get_hotline (sample_plan));
  assert_contains (p, "Sunday 20 September");
  assert_contains (p, "Page 1 of");
  for (guint i = 0; i < g_list_model_get_n_items (committees); i++)
    {
      g_autoptr(SwCommittee) committee = g_list_model_get_item (committees, i);

      assert_contains (p, sw_committee_get_name (committee));
    }
  for (guint i = 0; i < g_list_model_get_n_items (sw_plan_get_tasks (sample_plan)); i++)
    {
      g_autoptr(SwTask) task = g_list_model_get_item (sw_plan_get_tasks (sample_plan), i);

      assert_contains (p, sw_task_get_title (task));
    }
}

/* Strokes of the sample's surnames, counted by hand apart from ICU so
 * that the check does not ask the code it checks.  The counts are those
 * of the simplified forms, except that the ear component 阝 counts three
 * strokes as in the Kangxi tradition, which is how ICU's stroke collation
 * (CLDR) counts it: 邓 5 and 郑 9, where a count by GB rules gives 4 and 8. */
static const struct { const char *surname; int strokes; } surname_strokes[] = {
  { "冯", 5 }, { "邓", 5 }, { "孙", 6 }, { "许", 6 }, { "吴", 7 }, { "周", 8 },
  { "罗", 8 }, { "郑", 9 }, { "袁", 10 }, { "唐", 10 }, { "曹", 11 },
  { "曾", 12 }, { "彭", 12 }, { "韩", 12 },
};

static int
strokes_of_surname (const char *name)
{
  g_autofree char *first = g_strndup (name, g_utf8_next_char (name) - name);

  for (guint i = 0; i < G_N_ELEMENTS (surname_strokes); i++)
    if (g_str_equal (surname_strokes[i].surname, first))
      return surname_strokes[i].strokes;
  g_error ("no stroke count for the surname of %s", name);
}

/* The sample's roles sheet in 姓氏笔画 order: each role of 领导小组 lists
 * its people by the strokes of their surnames, fewest first, as read
 * back from the PDF; in roster order the members are not in that order. */
static void
test_sample_roles_stroke_order (void)
{
  const SwRole roles[] = { SW_ROLE_DEPUTY, SW_ROLE_MEMBER };
  SwCommittee *leading = NULL;
  GListModel *committees = sw_plan_get_committees (sample_plan);
  g_autoptr(Printed) p = NULL;
  gboolean roster_was_in_order = TRUE;

  for (guint i = 0; i < g_list_model_get_n_items (committees); i++)
    {
      g_autoptr(SwCommittee) committee = g_list_model_get_item (committees, i);

      if (g_str_equal (sw_committee_get_name (committee), "领导小组"))
        leading = committee;
    }
  g_assert_nonnull (leading);

  sw_plan_set_name_order (sample_plan, SW_NAME_ORDER_STROKE);
  p = print_sheet (sample_plan, SW_SHEET_KIND_ROLES, SW_PAPER_A4, SW_ORIENTATION_AUTO,
                   "sample-roles-stroke");
  sw_plan_set_name_order (sample_plan, SW_NAME_ORDER_ROSTER);

  for (guint r = 0; r < G_N_ELEMENTS (roles); r++)
    {
      GListModel *members = sw_committee_get_members (leading);
      g_autoptr(GPtrArray) names = g_ptr_array_new ();
      g_autoptr(GArray) at = g_array_new (FALSE, FALSE, sizeof (gsize));
      const char *committee_at = strstr (p->text, "领导小组");

      g_assert_nonnull (committee_at);
      for (guint i = 0; i < g_list_model_get_n_items (members); i++)
        {
          g_autoptr(SwCommitteeMember) member = g_list_model_get_item (members, i);

          if (sw_committee_member_get_role (member) == roles[r])
            g_ptr_array_add (names, (gpointer) sw_person_get_name (sw_committee_member_get_person (member)));
        }
      g_assert_cmpuint (names->len, >=, 4);
      for (guint i = 1; i < names->len; i++)
        if (strokes_of_surname (names->pdata[i - 1]) > strokes_of_surname (names->pdata[i]))
          roster_was_in_order = FALSE;

      /* Where each name first shows after the committee's name. */
      for (guint i = 0; i < names->len; i++)
        {
          const char *found = strstr (committee_at, names->pdata[i]);
          gsize offset;

          g_assert_nonnull (found);
          offset = found - p->text;
          g_array_append_val (at, offset);
        }
      /* Sorting the names by where the sheet shows them must give
       * surname strokes that never go down. */
      for (guint i = 0; i < names->len; i++)
        for (guint k = i + 1; k < names->len; k++)
          {
            gsize oi = g_array_index (at, gsize, i), ok = g_array_index (at, gsize, k);
            int si = strokes_of_surname (names->pdata[i]), sk = strokes_of_surname (names->pdata[k]);

            if ((oi < ok && si > sk) || (ok < oi && sk > si))
              g_error ("%s (%d strokes) and %s (%d strokes) are out of stroke order on %s",
                       (char *) names->pdata[oi < ok ? i : k], oi < ok ? si : sk,
                       (char *) names->pdata[oi < ok ? k : i], oi < ok ? sk : si, p->pdf);
          }
    }
  /* Otherwise the check would pass without the order doing anything. */
  g_assert_false (roster_was_in_order);

  /* The deputies have four different stroke counts: their order is
   * exactly 冯 (5) 孙 (6) 吴 (7) 郑 (9). */
  assert_contains (p, "冯丽君");
  {
    const char *feng = strstr (p->text, "冯丽君");
    const char *sun = strstr (p->text, "孙立平");
    const char *wu = strstr (p->text, "吴志华");
    const char *zheng = strstr (p->text, "郑海涛");

    g_assert_true (feng < sun && sun < wu && wu < zheng);
  }
}

static void
test_sample_week (void)
{
  g_autoptr(Printed) p = print_sheet (sample_plan, SW_SHEET_KIND_WEEK, SW_PAPER_A4,
                                      SW_ORIENTATION_AUTO, "sample-week");

  /* Landscape by default, one page for the sample's single week. */
  g_assert_cmpfloat (sw_sheet_get_page_width (p->sheet), >, sw_sheet_get_page_height (p->sheet));
  g_assert_cmpuint (p->n_pages, ==, 1);
  assert_plan_shown (p, sample_plan, FALSE);
  assert_contains (p, "Service desk");
}

static void
test_sample_slips (void)
{
  g_autoptr(Printed) p = print_sheet (sample_plan, SW_SHEET_KIND_SLIPS, SW_PAPER_A4,
                                      SW_ORIENTATION_AUTO, "sample-slips");

  assert_plan_shown (p, sample_plan, TRUE);
  assert_contains (p, "Together with");
}

static guint count_occurrences (Printed    *p,
                               const char *what);

/* The subscription addresses of three people with duties, made up as a
 * publish makes them. */
static GPtrArray *
sample_subscribers (SwSheet *sheet)
{
  GPtrArray *urls = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  GListModel *slots = sw_plan_get_slots (sample_plan);

  for (guint i = 0; i < g_list_model_get_n_items (slots) && urls->len < 3; i++)
    {
      g_autoptr(SwSlot) slot = g_list_model_get_item (slots, i);
      GListModel *assignments = sw_slot_get_assignments (slot);

      for (guint k = 0; k < g_list_model_get_n_items (assignments) && urls->len < 3; k++)
        {
          g_autoptr(SwAssignment) assignment = g_list_model_get_item (assignments, k);
          SwPerson *person = sw_assignment_get_person (assignment);
          char *url;

          if (g_hash_table_contains (seen, person))
            continue;
          g_hash_table_add (seen, person);
          url = g_strdup_printf ("https://dav.example.cn/coordinator/%032x/", g_str_hash (sw_person_get_name (person)));
          sw_sheet_add_subscription (sheet, person, url);
          g_ptr_array_add (urls, url);
        }
    }
  g_assert_cmpuint (urls->len, ==, 3);
  g_assert_cmpuint (sw_sheet_get_n_subscriptions (sheet), ==, 3);

  return urls;
}

/* The QR codes on page @page of @p, as a reader decodes them. */
static GStrv
decode_qr_codes (Printed *p,
                 guint    page)
{
  g_autofree char *page_text = g_strdup_printf ("%u", page);
  g_autofree char *prefix = g_strconcat (p->pdf, "-qr", NULL);
  g_autofree char *png = NULL;
  const char *render[] = { "pdftoppm", "-r", "300", "-png", "-f", page_text, "-l", page_text,
                           "-singlefile", p->pdf, prefix, NULL };
  g_autofree char *ignored = run_tool (render);
  g_autofree char *out = NULL;

  const char *zbar[] = { "zbarimg", "-q", "--raw", NULL, NULL };
  g_autoptr(GError) error = NULL;
  int status = 0;

  png = g_strconcat (prefix, ".png", NULL);
  zbar[3] = png;
  if (!g_spawn_sync (NULL, (char **) zbar, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, &out, NULL, &status, &error))
    g_error ("zbarimg cannot run (zbar-tools must be installed): %s", error->message);
  /* 4: no code on the page. */
  g_assert_true (WIFEXITED (status) && (WEXITSTATUS (status) == 0 || WEXITSTATUS (status) == 4));
  return g_strsplit (g_strstrip (out), "\n", -1);
}

/* Once published, each duty slip carries its person's subscription as a
 * QR code that a reader decodes; the others none. */
static void
test_sample_slips_subscriptions (void)
{
  g_autoptr(SwSheet) sheet = sw_sheet_new (sample_plan, SW_SHEET_KIND_SLIPS);
  g_autoptr(GPtrArray) urls = sample_subscribers (sheet);
  g_autoptr(GHashTable) decoded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(Printed) p = print_printed_sheet (sheet, "sample-slips-subscriptions");

  g_assert_cmpuint (count_occurrences (p, "Scan to subscribe"), ==, 3);
  for (guint page = 1; page <= p->n_pages; page++)
    {
      g_auto(GStrv) codes = decode_qr_codes (p, page);

      for (guint i = 0; codes[i] != NULL; i++)
        if (*codes[i] != '\0')
          g_hash_table_add (decoded, g_strdup (codes[i]));
    }
  g_assert_cmpuint (g_hash_table_size (decoded), ==, 3);
  for (guint i = 0; i < urls->len; i++)
    g_assert_true (g_hash_table_contains (decoded, urls->pdata[i]));
}

/* The sheet to pin up: a line per subscriber with name and QR code; with
 * nobody published, it says so. */
static void
test_subscriptions_sheet (void)
{
  g_autoptr(SwSheet) sheet = sw_sheet_new (sample_plan, SW_SHEET_KIND_SUBSCRIPTIONS);
  g_autoptr(SwSheet) none = sw_sheet_new (sample_plan, SW_SHEET_KIND_SUBSCRIPTIONS);
  g_autoptr(GPtrArray) urls = sample_subscribers (sheet);
  g_autoptr(Printed) p = print_printed_sheet (sheet, "sample-subscriptions");
  g_autoptr(Printed) empty = print_printed_sheet (none, "empty-subscriptions");
  g_auto(GStrv) codes = decode_qr_codes (p, 1);

  assert_contains (p, "Calendar subscriptions");
  g_assert_cmpuint (g_strv_length (codes), ==, 3);
  for (guint i = 0; i < urls->len; i++)
    {
      assert_contains (p, urls->pdata[i]);
      g_assert_true (g_strv_contains ((const char * const *) codes, urls->pdata[i]));
    }
  assert_contains (empty, "No calendars are published yet");
  g_assert_cmpuint (count_occurrences (empty, "dav.example.cn"), ==, 0);
}

static void
test_large_roles (void)
{
  g_autoptr(Printed) p = print_sheet (large_plan, SW_SHEET_KIND_ROLES, SW_PAPER_A4,
                                      SW_ORIENTATION_AUTO, "large-roles");

  g_assert_cmpuint (p->n_pages, >, 10);
  assert_plan_shown (p, large_plan, FALSE);
  assert_header_repeated (p, "Organised by");
}

static void
test_large_week (void)
{
  g_autoptr(Printed) p = print_sheet (large_plan, SW_SHEET_KIND_WEEK, SW_PAPER_A4,
                                      SW_ORIENTATION_AUTO, "large-week");

  g_assert_cmpuint (p->n_pages, >, 1);
  assert_plan_shown (p, large_plan, FALSE);
}

static void
test_large_slips (void)
{
  g_autoptr(Printed) p = print_sheet (large_plan, SW_SHEET_KIND_SLIPS, SW_PAPER_A4,
                                      SW_ORIENTATION_AUTO, "large-slips");

  assert_plan_shown (p, large_plan, TRUE);
}

static void
test_letter_landscape (void)
{
  g_autoptr(Printed) letter = print_sheet (sample_plan, SW_SHEET_KIND_ROLES, SW_PAPER_LETTER,
                                           SW_ORIENTATION_AUTO, "sample-roles-letter");
  g_autoptr(Printed) wide = print_sheet (sample_plan, SW_SHEET_KIND_ROLES, SW_PAPER_A4,
                                         SW_ORIENTATION_LANDSCAPE, "sample-roles-landscape");
  g_autoptr(Printed) tall = print_sheet (sample_plan, SW_SHEET_KIND_WEEK, SW_PAPER_LETTER,
                                         SW_ORIENTATION_PORTRAIT, "sample-week-portrait");

  g_assert_cmpfloat_with_epsilon (sw_sheet_get_page_width (letter->sheet), 612, 0.01);
  g_assert_cmpfloat_with_epsilon (sw_sheet_get_page_height (letter->sheet), 792, 0.01);
  g_assert_cmpfloat_with_epsilon (sw_sheet_get_page_width (wide->sheet), 841.89, 0.1);
  g_assert_cmpfloat_with_epsilon (sw_sheet_get_page_height (wide->sheet), 595.28, 0.1);
  g_assert_cmpfloat (sw_sheet_get_page_width (tall->sheet), <, sw_sheet_get_page_height (tall->sheet));
  assert_plan_shown (letter, sample_plan, FALSE);
  assert_plan_shown (wide, sample_plan, FALSE);
  assert_plan_shown (tall, sample_plan, FALSE);
}

static void
test_margins (void)
{
  g_autoptr(SwSheet) sheet = sw_sheet_new (sample_plan, SW_SHEET_KIND_ROLES);
  guint normal, wide;
  double top, right, bottom, left;

  sw_sheet_get_margins (sheet, &top, &right, &bottom, &left);
  g_assert_cmpfloat_with_epsilon (left, 15 * 72 / 25.4, 0.01);
  normal = sw_sheet_paginate (sheet, NULL);
  sw_sheet_set_margins (sheet, 90, 90, 90, 90);
  g_assert_cmpuint (sw_sheet_get_n_pages (sheet), ==, 0);  /* dropped */
  wide = sw_sheet_paginate (sheet, NULL);
  g_assert_cmpuint (wide, >, normal);

  {
    g_autoptr(Printed) p = g_new0 (Printed, 1);
    g_autoptr(GError) error = NULL;

    p->pdf = g_build_filename (SW_RENDER_DIR, "sample-roles-wide-margins.pdf", NULL);
    p->sheet = g_object_ref (sheet);
    g_assert_true (sw_sheet_write_pdf (sheet, p->pdf, &error));
    g_assert_no_error (error);
    p->words = pdf_words (p->pdf, wide);
    assert_words_placed (p->words, sheet);
  }
}

static void
test_empty_plan (void)
{
  g_autoptr(SwOrganisation) org = sw_organisation_new ();
  g_autoptr(GError) error = NULL;
  SwPlan *plan;
  const SwSheetKind kinds[] = { SW_SHEET_KIND_ROLES, SW_SHEET_KIND_WEEK, SW_SHEET_KIND_SLIPS };

  plan = sw_plan_file_new_from_template (org, "empty", "Empty plan", 20716, 20722, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (plan);
  g_assert_cmpuint (g_list_model_get_n_items (sw_plan_get_slots (plan)), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autofree char *name = g_strdup_printf ("empty-%s", sw_sheet_kind_to_nick (kinds[i]));
      g_autoptr(Printed) p = print_sheet (plan, kinds[i], SW_PAPER_A4, SW_ORIENTATION_AUTO, name);

      g_assert_cmpuint (p->n_pages, ==, 1);
      assert_contains (p, "No slots yet");
      assert_contains (p, "Empty plan");
      assert_contains (p, "Page 1 of 1");
    }
}

/* The printed week grid cuts a plan into the weeks the window pages by:
 * ten days from Sunday 20 September are three weeks where weeks begin on
 * Monday (zh_CN) and two where they begin on Sunday (en_US). */
static void
test_weeks_follow_locale (void)
{
  g_autoptr(SwOrganisation) org = sw_organisation_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = g_strdup (setlocale (LC_TIME, NULL));
  const struct { const char *locale; guint weeks; } cases[] = {
    { "zh_CN.UTF-8", 3 },
    { "en_US.UTF-8", 2 },
  };
  SwPlan *plan;

  plan = sw_plan_file_new_from_template (org, "empty", "Ten days", 20716, 20725, NULL, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SwSheet) sheet = NULL;

      g_assert_nonnull (setlocale (LC_TIME, cases[i].locale));
      g_assert_cmpuint (sw_time_span_n_weeks (20716, 20725, sw_time_locale_first_weekday ()), ==,
                        cases[i].weeks);
      sheet = sw_sheet_new (plan, SW_SHEET_KIND_WEEK);
      g_assert_cmpuint (sw_sheet_paginate (sheet, NULL), ==, cases[i].weeks);
    }
  setlocale (LC_TIME, saved);
}

static void
test_long_title (void)
{
  g_autoptr(SwOrganisation) org = sw_organisation_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SwPlan) plan = sw_plan_new ("Long titles", 20716, 20722, "Asia/Shanghai");
  g_autoptr(SwDepartment) dept = sw_department_new ("直属供电所");
  g_autoptr(SwPerson) person = sw_person_new ("欧阳明远", dept);
  g_autoptr(SwDuty) duty = sw_duty_new ("受理报装/咨询 Application desk", 2, dept);
  g_autoptr(GString) title = g_string_new (NULL);
  g_autoptr(SwSlot) slot = NULL;
  const SwSheetKind kinds[] = { SW_SHEET_KIND_ROLES, SW_SHEET_KIND_WEEK, SW_SHEET_KIND_SLIPS };
  const char *piece = "诚信服务宣传周Service Week广场服务台受理报装咨询";

  while (g_utf8_strlen (title->str, -1) < 300)
    g_string_append (title, piece);
  {
    char *end = g_utf8_offset_to_pointer (title->str, 300);

    g_string_truncate (title, end - title->str);
  }
  g_assert_cmpint (g_utf8_strlen (title->str, -1), ==, 300);

  slot = sw_slot_new (SW_SLOT_KIND_SERVICE_DESK, title->str,
                      sw_time_from_day (20718) + 9 * 60, sw_time_from_day (20718) + 11 * 60);
  sw_slot_set_location (slot, "人民广场东侧 People's Square, east side, next to the fountain and the bus stop");
  sw_person_set_phone (person, "13912345678");

  g_assert_true (sw_edit_add (org, org, "departments", dept, &error));
  g_assert_true (sw_edit_add (org, org, "people", person, &error));
  g_assert_true (sw_edit_add (org, org, "plans", plan, &error));
  g_assert_true (sw_edit_add (org, plan, "slots", slot, &error));
  g_assert_true (sw_edit_add (org, slot, "duties", duty, &error));
  g_assert_true (sw_edit_assign (org, slot, person, duty, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autofree char *name = g_strdup_printf ("long-title-%s", sw_sheet_kind_to_nick (kinds[i]));
      g_autoptr(Printed) p = print_sheet (plan, kinds[i], SW_PAPER_A4, SW_ORIENTATION_AUTO, name);

      /* The whole title is there (it wrapped, nothing was cut) and the
       * checks in print_sheet() found no word outside the page or on top
       * of another. */
      assert_contains (p, title->str);
      assert_contains (p, "欧阳明远");
      g_assert_cmpuint (p->n_pages, ==, 1);
    }
}

static void
assert_write_fails (SwSheet    *sheet,
                    const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GDir) listing = NULL;

  g_assert_false (sw_sheet_write_pdf (sheet, path, &error));
  g_assert_error (error, SW_SHEET_ERROR, SW_SHEET_ERROR_WRITE);
  /* The message names the file. */
  g_assert_nonnull (strstr (error->message, path));
  g_assert_false (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  /* No temporary file left behind either. */
  listing = g_dir_open (dir, 0, NULL);
  if (listing != NULL)
    {
      g_autofree char *base = g_path_get_basename (path);
      g_autofree char *tmp_prefix = g_strconcat (".", base, ".", NULL);
      const char *entry;

      while ((entry = g_dir_read_name (listing)) != NULL)
        g_assert_false (g_str_has_prefix (entry, tmp_prefix));
    }
}

static void
test_bad_destination (void)
{
  g_autoptr(SwSheet) sheet = sw_sheet_new (sample_plan, SW_SHEET_KIND_ROLES);
  g_autofree char *base = g_build_filename (SW_RENDER_DIR, "bad-destination", NULL);
  g_autofree char *missing = g_build_filename (base, "no-such-dir", "roles.pdf", NULL);
  g_autofree char *locked_dir = g_build_filename (base, "read-only", NULL);
  g_autofree char *locked = g_build_filename (locked_dir, "roles.pdf", NULL);
  g_autofree char *good = g_build_filename (base, "roles.pdf", NULL);
  g_autoptr(GError) error = NULL;

  g_mkdir_with_parents (locked_dir, 0755);

  /* A missing folder. */
  assert_write_fails (sheet, missing);
  /* A folder in the way of the file. */
  assert_write_fails (sheet, locked_dir);
  /* A place nobody may write, root included. */
  assert_write_fails (sheet, "/proc/servweek-roles.pdf");
  /* A read-only folder (root may write anywhere: then only the others). */
  g_assert_cmpint (g_chmod (locked_dir, 0555), ==, 0);
  if (geteuid () != 0)
    assert_write_fails (sheet, locked);
  g_chmod (locked_dir, 0755);

  /* The same sheet still writes where it can, over an older file too. */
  g_assert_true (g_file_set_contents (good, "old", -1, NULL));
  g_assert_true (sw_sheet_write_pdf (sheet, good, &error));
  g_assert_no_error (error);
  {
    g_autofree char *bytes = NULL;
    gsize len = 0;

    g_assert_true (g_file_get_contents (good, &bytes, &len, NULL));
    g_assert_cmpuint (len, >, 1000);
    g_assert_true (g_str_has_prefix (bytes, "%PDF-"));
  }
}

static void
test_kind_nicks (void)
{
  SwSheetKind kind = SW_SHEET_KIND_ROLES;

  g_assert_true (sw_sheet_kind_from_nick ("week", &kind));
  g_assert_cmpint (kind, ==, SW_SHEET_KIND_WEEK);
  g_assert_true (sw_sheet_kind_from_nick ("slips", &kind));
  g_assert_cmpint (kind, ==, SW_SHEET_KIND_SLIPS);
  g_assert_true (sw_sheet_kind_from_nick ("roles", &kind));
  g_assert_cmpint (kind, ==, SW_SHEET_KIND_ROLES);
  g_assert_true (sw_sheet_kind_from_nick ("subscriptions", &kind));
  g_assert_cmpint (kind, ==, SW_SHEET_KIND_SUBSCRIPTIONS);
  g_assert_true (sw_sheet_kind_from_nick ("signin", &kind));
  g_assert_cmpint (kind, ==, SW_SHEET_KIND_SIGNIN);
  g_assert_true (sw_sheet_kind_from_nick ("changes", &kind));
  g_assert_cmpint (kind, ==, SW_SHEET_KIND_CHANGES);
  g_assert_cmpstr (sw_sheet_kind_get_label (SW_SHEET_KIND_CHANGES), ==, "Change notices");
  g_assert_cmpstr (sw_sheet_kind_get_label (SW_SHEET_KIND_SIGNIN), ==, "Sign-in sheet");
  g_assert_false (sw_sheet_kind_from_nick ("xlsx", &kind));
  g_assert_false (sw_sheet_kind_from_nick (NULL, &kind));
  g_assert_cmpstr (sw_sheet_kind_to_nick (SW_SHEET_KIND_WEEK), ==, "week");
  g_assert_cmpstr (sw_sheet_kind_get_label (SW_SHEET_KIND_ROLES), ==, "Role assignment sheet");
}

static void
test_draw_matches_paginate (void)
{
  g_autoptr(SwSheet) sheet = sw_sheet_new (sample_plan, SW_SHEET_KIND_SLIPS);
  cairo_surface_t *surface;
  cairo_t *cr;
  guint n;

  /* Drawing every page on a raster target works like the print dialog's
   * preview does, with the same pagination. */
  n = sw_sheet_paginate (sheet, NULL);
  g_assert_cmpuint (n, >=, 1);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 595, 842);
  cr = cairo_create (surface);
  for (guint i = 0; i < n; i++)
    {
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      sw_sheet_draw_page (sheet, cr, i);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
    }
  g_assert_cmpuint (sw_sheet_get_n_pages (sheet), ==, n);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}


/* ------------------------------------------------------------------ sign-in sheet */

static Printed *
print_signin (SwPlan     *plan,
              SwSlot     *slot,
              const char *name)
{
  g_autoptr(SwSheet) sheet = sw_sheet_new_for_slot (plan, slot);

  return print_printed_sheet (sheet, name);
}

/* The slot of @plan titled @title (the template's slots get fresh UIDs). */
static SwSlot *
find_slot (SwPlan     *plan,
           const char *title)
{
  GListModel *slots = sw_plan_get_slots (plan);

  for (guint i = 0; i < g_list_model_get_n_items (slots); i++)
    {
      g_autoptr(SwSlot) slot = g_list_model_get_item (slots, i);

      if (g_str_equal (sw_slot_get_title (slot), title))
        return slot;
    }
  g_error ("no slot “%s”", title);
}

/* How often @what shows in the text, spaces aside. */
static guint
count_occurrences (Printed    *p,
                   const char *what)
{
  g_autofree char *needle = strip_spaces (what);
  gsize len = strlen (needle);
  const char *at = p->text;
  const char *end = p->text + strlen (p->text);
  guint n = 0;

  g_assert_cmpuint (len, >, 0);
  while ((at = memmem (at, (gsize) (end - at), needle, len)) != NULL)
    {
      n++;
      at += len;
    }

  return n;
}

/* The people of @slot, each once (a person holds at most one place on a
 * slot, but the sheet must not depend on it). */
static GPtrArray *
slot_people (SwSlot *slot)
{
  GListModel *assignments = sw_slot_get_assignments (slot);
  GPtrArray *people = g_ptr_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (assignments); i++)
    {
      g_autoptr(SwAssignment) assignment = g_list_model_get_item (assignments, i);

      if (!g_ptr_array_find (people, sw_assignment_get_person (assignment), NULL))
        g_ptr_array_add (people, sw_assignment_get_person (assignment));
    }

  return people;
}

/* The words of page @page that are row numbers in the first column, in
 * order down the page, with the y of each. */
static GArray *
row_numbers (Printed *p,
             guint    page)
{
  GArray *words = p->words->pdata[page];
  GArray *numbers = g_array_new (FALSE, FALSE, sizeof (Word));
  double top, right, bottom, left;
  double column_right;

  sw_sheet_get_margins (p->sheet, &top, &right, &bottom, &left);
  column_right = left + (sw_sheet_get_page_width (p->sheet) - left - right) * 0.07;
  for (guint i = 0; i < words->len; i++)
    {
      Word *w = &g_array_index (words, Word, i);
      guint64 value;

      if (w->x1 <= column_right + 0.5 &&
          g_ascii_string_to_unsigned (w->name, 10, 1, 100000, &value, NULL))
        g_array_append_val (numbers, *w);
    }

  return numbers;
}

/* On every page: the header row above the first row, rows numbered on
 * from the page before, the last row near the page's foot; no row cut
 * ("continued" only marks a block split between pages).  Returns the
 * number of rows. */
static guint
assert_signin_pages (Printed    *p,
                     const char *header_label)
{
  g_auto(GStrv) pages = g_strsplit (p->raw_text, "\f", -1);
  guint next = 1;
  double top, right, bottom, left;

  sw_sheet_get_margins (p->sheet, &top, &right, &bottom, &left);
  g_assert_null (strstr (p->raw_text, "continued on the next page"));
  for (guint i = 0; i < p->n_pages; i++)
    {
      g_autoptr(GArray) numbers = row_numbers (p, i);
      GArray *words = p->words->pdata[i];
      double header_y = -1;

      g_assert_nonnull (pages[i]);
      for (guint k = 0; k < words->len; k++)
        if (g_str_equal (g_array_index (words, Word, k).name, header_label))
          header_y = g_array_index (words, Word, k).y0;
      if (header_y < 0)
        g_error ("page %u of %s has no header row", i + 1, p->pdf);
      g_assert_cmpuint (numbers->len, >, 0);
      for (guint k = 0; k < numbers->len; k++)
        {
          Word *w = &g_array_index (numbers, Word, k);
          g_autofree char *expected = g_strdup_printf ("%u", next++);

          g_assert_cmpstr (w->name, ==, expected);
          g_assert_cmpfloat (w->y0, >, header_y);
        }
      /* Filled down to the footer: less than two rows' height is left. */
      g_assert_cmpfloat (g_array_index (numbers, Word, numbers->len - 1).y1, >,
                         sw_sheet_get_page_height (p->sheet) - bottom - 16 - 8 - 2 * 26 - 13);
    }

  return next - 1;
}

static void
test_signin_sample (void)
{
  SwSlot *slot = find_slot (sample_plan, "“诚信工程”优质服务宣传周动员大会");
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(Printed) p = NULL;
  const char *labels[] = { "No.", "Name", "Department", "Title", "Sign-in time", "Signature" };
  guint rows;

  g_assert_nonnull (slot);
  people = slot_people (slot);
  /* The meeting's duty holder and its attendees. */
  g_assert_cmpuint (people->len, ==, 15);

  p = print_signin (sample_plan, slot, "sample-signin");
  g_assert_cmpuint (p->n_pages, ==, 1);
  g_assert_cmpfloat_with_epsilon (sw_sheet_get_page_width (p->sheet), 595.28, 0.1);
  g_assert_cmpfloat (sw_sheet_get_page_width (p->sheet), <, sw_sheet_get_page_height (p->sheet));
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    assert_contains (p, labels[i]);
  assert_contains (p, sw_slot_get_title (slot));
  assert_contains (p, sw_slot_get_location (slot));
  assert_contains (p, "Sunday 20 September 2026 14:30–16:30");
  assert_contains (p, "15 people");
  assert_contains (p, "Page 1 of 1");
  for (guint i = 0; i < people->len; i++)
    {
      SwPerson *person = people->pdata[i];

      if (count_occurrences (p, sw_person_get_name (person)) != 1)
        g_error ("%s shows %s %u times", p->pdf, sw_person_get_name (person),
                 count_occurrences (p, sw_person_get_name (person)));
    }
  /* The duty holder: title and duty; an attendee: title. */
  assert_contains (p, "魏晨党群办专责(会务)");
  assert_contains (p, "周建国公司领导总经理");
  /* Nobody of the plan who is not on the slot. */
  g_assert_cmpuint (count_occurrences (p, "曹雪梅"), ==, 0);

  rows = assert_signin_pages (p, "Signature");
  g_assert_cmpuint (rows, >=, people->len + 5);
}

/* gettext keeps what it found until the locale is set again. */
static void
set_language (const char *language)
{
  g_setenv ("LANGUAGE", language, TRUE);
  setlocale (LC_MESSAGES, "");
}

static void
test_signin_chinese (void)
{
  SwSlot *slot = find_slot (sample_plan, "客户座谈会");
  g_autoptr(Printed) p = NULL;
  const char *labels[] = { "序号", "姓名", "部门", "职务", "签到时间", "签名" };

  /* The translations of the build tree, as servweek-cli finds them. */
  bindtextdomain (GETTEXT_PACKAGE, sw_locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  set_language ("zh_CN");
  p = print_signin (sample_plan, slot, "sample-signin-zh");
  set_language ("en");

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    assert_contains (p, labels[i]);
  assert_contains (p, "签到表");
  assert_contains (p, "应到");
  assert_contains (p, "3 人");
  assert_contains (p, "第 1 页");
  assert_signin_pages (p, "签名");
}

/* A slot of 120 people spans pages: the header row atop each, every
 * name once, the rows numbered on without a gap or a cut. */
static void
test_signin_large (void)
{
  g_autoptr(SwOrganisation) org = sw_organisation_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SwPlan) plan = sw_plan_new ("大型会议", 20716, 20722, "Asia/Shanghai");
  g_autoptr(SwDepartment) dept = sw_department_new ("临江市供电有限责任公司城郊供电所营销服务班");
  g_autoptr(SwDepartment) other = sw_department_new ("党群办");
  g_autoptr(SwSlot) slot = sw_slot_new (SW_SLOT_KIND_MOBILISATION, "全员动员大会",
                                        sw_time_from_day (20716) + 9 * 60, sw_time_from_day (20716) + 11 * 60);
  g_autoptr(SwDuty) duty = sw_duty_new ("会务", 2, other);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(Printed) p = NULL;
  guint rows;

  g_assert_true (sw_edit_add (org, org, "departments", other, &error));
  g_assert_true (sw_edit_add (org, org, "departments", dept, &error));
  g_assert_true (sw_edit_add (org, org, "plans", plan, &error));
  g_assert_true (sw_edit_add (org, plan, "slots", slot, &error));
  g_assert_true (sw_edit_add (org, slot, "duties", duty, &error));
  for (guint i = 0; i < 120; i++)
    {
      g_autofree char *name = g_strdup_printf ("参会人%03u", i + 1);
      g_autoptr(SwPerson) person = sw_person_new (name, i < 2 ? other : dept);

      sw_person_set_title (person, i % 7 == 0 ? "副主任（主持日常工作）兼安全员" : "专责");
      g_assert_true (sw_edit_add (org, org, "people", person, &error));
      g_assert_true (sw_edit_assign (org, slot, person, i < 2 ? duty : NULL, &error));
      g_ptr_array_add (names, g_steal_pointer (&name));
    }
  g_assert_no_error (error);

  p = print_signin (plan, slot, "large-signin");
  g_assert_cmpuint (p->n_pages, >, 2);
  for (guint i = 0; i < names->len; i++)
    g_assert_cmpuint (count_occurrences (p, names->pdata[i]), ==, 1);
  rows = assert_signin_pages (p, "Signature");
  g_assert_cmpuint (rows, >=, 125);
  /* The title on the first page only; the caption of the others. */
  g_assert_cmpuint (count_occurrences (p, "120 people"), ==, 1);
  g_assert_cmpuint (count_occurrences (p, "全员动员大会 (continued)"), ==, p->n_pages - 1);
}

/* A slot with nobody on it: the header and empty rows to sign in. */
static void
test_signin_empty_slot (void)
{
  g_autoptr(SwOrganisation) org = sw_organisation_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SwPlan) plan = sw_plan_new ("Empty", 20716, 20722, "Asia/Shanghai");
  g_autoptr(SwSlot) empty = sw_slot_new (SW_SLOT_KIND_FORUM, "Walk-in forum",
                                         sw_time_from_day (20717) + 23 * 60, sw_time_from_day (20718) + 60);
  g_autoptr(Printed) p = NULL;
  guint rows;

  g_assert_true (sw_edit_add (org, org, "plans", plan, &error));
  g_assert_true (sw_edit_add (org, plan, "slots", empty, &error));
  g_assert_no_error (error);

  p = print_signin (plan, empty, "empty-signin");
  g_assert_cmpuint (p->n_pages, ==, 1);
  assert_contains (p, "0 people");
  assert_contains (p, "Walk-in forum");
  /* Over midnight: the end's day is given. */
  assert_contains (p, "23:00–");
  rows = assert_signin_pages (p, "Signature");
  g_assert_cmpuint (rows, >, 15);
}

static void
test_signin_no_slot (void)
{
  g_autoptr(SwSheet) sheet = sw_sheet_new (sample_plan, SW_SHEET_KIND_SIGNIN);
  g_autoptr(SwOrganisation) org = sw_organisation_new ();
  g_autoptr(SwSlot) stray = sw_slot_new (SW_SLOT_KIND_FORUM, "Not in the plan", 60 * 24 * 20716,
                                         60 * 24 * 20716 + 60);
  g_autofree char *path = g_build_filename (SW_RENDER_DIR, "no-slot-signin.pdf", NULL);
  g_autoptr(GError) error = NULL;
  SwSlot *slot = find_slot (sample_plan, "客户座谈会");

  g_mkdir_with_parents (SW_RENDER_DIR, 0755);
  g_unlink (path);
  g_assert_true (sw_sheet_kind_needs_slot (SW_SHEET_KIND_SIGNIN));
  g_assert_false (sw_sheet_kind_needs_slot (SW_SHEET_KIND_ROLES));
  g_assert_null (sw_sheet_get_slot (sheet));

  g_assert_false (sw_sheet_check (sheet, &error));
  g_assert_error (error, SW_SHEET_ERROR, SW_SHEET_ERROR_NO_SLOT);
  g_assert_nonnull (strstr (error->message, "one slot"));
  g_clear_error (&error);
  g_assert_false (sw_sheet_write_pdf (sheet, path, &error));
  g_assert_error (error, SW_SHEET_ERROR, SW_SHEET_ERROR_NO_SLOT);
  g_clear_error (&error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  /* Laid out anyway (as a print preview would), it says why it is empty. */
  g_assert_cmpuint (sw_sheet_paginate (sheet, NULL), ==, 1);

  /* A slot of no plan, or of another. */
  sw_sheet_set_slot (sheet, stray);
  g_assert_cmpuint (sw_sheet_get_n_pages (sheet), ==, 0);
  g_assert_false (sw_sheet_check (sheet, &error));
  g_assert_error (error, SW_SHEET_ERROR, SW_SHEET_ERROR_NO_SLOT);
  g_assert_nonnull (strstr (error->message, "Not in the plan"));
  g_clear_error (&error);
  g_assert_false (sw_sheet_write_pdf (sheet, path, &error));
  g_clear_error (&error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  sw_sheet_set_slot (sheet, slot);
  g_assert_true (sw_sheet_get_slot (sheet) == slot);
  g_assert_true (sw_sheet_check (sheet, &error));
  g_assert_no_error (error);
  g_assert_true (sw_sheet_write_pdf (sheet, path, &error));
  g_assert_no_error (error);

  /* The other sheets need no slot. */
  {
    g_autoptr(SwSheet) roles = sw_sheet_new (sample_plan, SW_SHEET_KIND_ROLES);

    g_assert_true (sw_sheet_check (roles, &error));
    g_assert_no_error (error);
  }
}


#ifdef SW_CLI
static int
run_cli (const char * const *args,
         char              **out,
         char              **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *ignored_out = NULL;
  g_autofree char *ignored_err = NULL;
  int status = 0;

  /* The test's own output stays clean of the command's. */
  if (out == NULL)
    out = &ignored_out;
  if (err == NULL)
    err = &ignored_err;

  g_ptr_array_add (argv, (char *) SW_CLI);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               out, err, &status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));

  return WEXITSTATUS (status);
}

static void
assert_cli_fails (const char * const *args,
                  const char         *pdf,
                  const char         *message)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_cli (args, &out, &err), ==, 2);
  /* One line on stderr, naming the trouble. */
  g_assert_nonnull (strstr (err, message));
  g_assert_nonnull (strchr (err, '\n'));
  g_assert_cmpstr (strchr (err, '\n') + 1, ==, "");
  if (pdf != NULL)
    g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
}

static void
test_cli_print (void)
{
  g_autofree char *dir = g_build_filename (SW_RENDER_DIR, "cli", NULL);
  g_autofree char *db = g_build_filename (dir, "sample.db", NULL);
  g_autofree char *roles = g_build_filename (dir, "roles.pdf", NULL);
  g_autofree char *week = g_build_filename (dir, "week-letter.pdf", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing", "x.pdf", NULL);
  g_autofree char *bad = g_build_filename (dir, "bad.pdf", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *expected = NULL;
  double width = 0, height = 0;
  guint pages;

  g_mkdir_with_parents (dir, 0755);
  g_unlink (db);
  g_unlink (roles);
  g_unlink (week);
  {
    const char *args[] = { "--db", db, "init", "--sample", NULL };

    g_assert_cmpint (run_cli (args, NULL, NULL), ==, 0);
  }

  {
    const char *args[] = { "--db", db, "print", "--sheet", "roles", "--pdf", roles, NULL };

    g_assert_cmpint (run_cli (args, &out, &err), ==, 0);
    pages = pdf_page_count (roles, &width, &height);
    expected = g_strdup_printf ("%s: %u pages\n", roles, pages);
    g_assert_cmpstr (out, ==, expected);
    g_assert_cmpfloat_with_epsilon (width, 595.28, 0.1);
    assert_fonts_embedded (roles);
  }
  {
    const char *args[] = { "--db", db, "print", "--sheet", "week", "--pdf", week,
                           "--paper", "letter", NULL };

    g_assert_cmpint (run_cli (args, NULL, NULL), ==, 0);
    pdf_page_count (week, &width, &height);
    g_assert_cmpfloat_with_epsilon (width, 792, 0.1);   /* landscape by default */
    g_assert_cmpfloat_with_epsilon (height, 612, 0.1);
  }
  {
    const char *args[] = { "--db", db, "print", "--sheet", "slips", "--pdf", missing, NULL };

    assert_cli_fails (args, missing, "does not exist");
  }
  {
    const char *args[] = { "--db", db, "print", "--sheet", "grid", "--pdf", bad, NULL };

    assert_cli_fails (args, bad, "grid");
  }
  {
    const char *args[] = { "--db", db, "print", "--pdf", bad, NULL };

    assert_cli_fails (args, bad, "--sheet");
  }
  {
    const char *args[] = { "--db", db, "print", "--sheet", "roles", NULL };

    assert_cli_fails (args, NULL, "--pdf");
  }
  {
    const char *args[] = { "--db", db, "print", "--sheet", "roles", "--pdf", bad, "--paper", "a3", NULL };

    assert_cli_fails (args, bad, "a3");
  }
  {
    const char *args[] = { "--db", db, "print", "--sheet", "roles", "--pdf", bad,
                           "--landscape", "--portrait", NULL };

    assert_cli_fails (args, bad, "--landscape");
  }
  {
    const char *args[] = { "--db", db, "print", "--sheet", "week", "--xlsx", bad, NULL };

    assert_cli_fails (args, bad, "workbook");
  }
  {
    const char *args[] = { "--db", db, "print", "--plan", "99", "--sheet", "roles", "--pdf", bad, NULL };

    assert_cli_fails (args, bad, "99");
  }
}
#endif

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  sample_org = sw_organisation_new ();
  sample_plan = sw_plan_file_new_from_template (sample_org, "service-week", NULL,
                                                G_MININT, G_MININT, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (sample_plan);
  large_org = sw_generate_organisation (1, 42);
  g_assert_nonnull (large_org);
  large_plan = g_list_model_get_item (sw_organisation_get_plans (large_org), 0);

  g_test_add_func ("/sheets/kind-nicks", test_kind_nicks);
  g_test_add_func ("/sheets/sample/roles", test_sample_roles);
  g_test_add_func ("/sheets/sample/roles-stroke-order", test_sample_roles_stroke_order);
  g_test_add_func ("/sheets/sample/week", test_sample_week);
  g_test_add_func ("/sheets/sample/slips", test_sample_slips);
  g_test_add_func ("/sheets/sample/slips-subscriptions", test_sample_slips_subscriptions);
  g_test_add_func ("/sheets/sample/subscriptions", test_subscriptions_sheet);
  g_test_add_func ("/sheets/paper", test_letter_landscape);
  g_test_add_func ("/sheets/margins", test_margins);
  g_test_add_func ("/sheets/empty-plan", test_empty_plan);
  g_test_add_func ("/sheets/weeks-follow-locale", test_weeks_follow_locale);
  g_test_add_func ("/sheets/long-title", test_long_title);
  g_test_add_func ("/sheets/bad-destination", test_bad_destination);
  g_test_add_func ("/sheets/draw", test_draw_matches_paginate);
  g_test_add_func ("/sheets/signin/sample", test_signin_sample);
  g_test_add_func ("/sheets/signin/chinese", test_signin_chinese);
  g_test_add_func ("/sheets/signin/large", test_signin_large);
  g_test_add_func ("/sheets/signin/empty-slot", test_signin_empty_slot);
  g_test_add_func ("/sheets/signin/no-slot", test_signin_no_slot);
#ifdef SW_CLI
  g_test_add_func ("/sheets/cli", test_cli_print);
#endif
  g_test_add_func ("/sheets/large/roles", test_large_roles);
  g_test_add_func ("/sheets/large/week", test_large_week);
  g_test_add_func ("/sheets/large/slips", test_large_slips);

  status = g_test_run ();

  g_clear_object (&large_plan);
  g_clear_object (&large_org);
  g_clear_object (&sample_org);

  return status;
}
