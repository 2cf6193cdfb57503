/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <unicode/ustring.h>
#include <unicode/utrans.h>

#include "sw-person-search.h"
#include "sw-ui-state.h"

typedef struct
{
  char *fields;  /* the fields it was worked out from, joined */
  char *text;    /* what is searched */
} Cached;

static GQuark
cached_quark (void)
{
  return g_quark_from_static_string ("sw-person-search");
}

static void
cached_free (Cached *cached)
{
  g_free (cached->fields);
  g_free (cached->text);
  g_free (cached);
}

/* ICU's Chinese to pinyin, reading a name's first character as a surname
 * (曾 zeng, 单 shan, 解 xie), and the pinyin lines of each name worked
 * out so far.  Opening the transliterator takes ICU a tenth of a second
 * and each name some microseconds, so sw_person_search_prepare () works
 * out a roster's names in a thread; the lock keeps the two (and the
 * main loop, for a name not ready yet) from using them at once. */
static GMutex pinyin_lock;
static UTransliterator *pinyin_transliterator;
static gboolean pinyin_opened;
static GHashTable *pinyin_lines;  /* name → its pinyin lines; kept */

static UTransliterator *
transliterator_locked (void)
{
  if (!pinyin_opened)
    {
      UErrorCode status = U_ZERO_ERROR;
      UChar id[32];

      pinyin_opened = TRUE;
      u_uastrcpy (id, "Han-Latin/Names");
      pinyin_transliterator = utrans_openU (id, -1, UTRANS_FORWARD, NULL, 0, NULL, &status);
      if (U_FAILURE (status))
        {
          g_warning ("No pinyin for the people search: %s", u_errorName (status));
          pinyin_transliterator = NULL;
        }
    }

  return pinyin_transliterator;
}

static char *
pinyin_locked (const char *text)
{
  UTransliterator *transliterator = transliterator_locked ();
  UErrorCode status = U_ZERO_ERROR;
  g_autofree UChar *buffer = NULL;
  int32_t length = 0, capacity, limit;
  char *out;
  int32_t out_length = 0;

  if (transliterator == NULL || !g_utf8_validate (text, -1, NULL))
    return g_strdup (text);

  u_strFromUTF8 (NULL, 0, &length, text, -1, &status);
  if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE (status))
    return g_strdup (text);
  /* A character becomes at most a syllable of six letters and a space. */
  capacity = length * 8 + 16;
  buffer = g_new (UChar, capacity);
  status = U_ZERO_ERROR;
  u_strFromUTF8 (buffer, capacity, &length, text, -1, &status);
  limit = length;
  utrans_transUChars (transliterator, buffer, &length, capacity, 0, &limit, &status);
  if (U_FAILURE (status))
    return g_strdup (text);

  u_strToUTF8 (NULL, 0, &out_length, buffer, length, &status);
  status = U_ZERO_ERROR;
  out = g_malloc ((gsize) out_length + 1);
  u_strToUTF8 (out, out_length + 1, NULL, buffer, length, &status);
  if (U_FAILURE (status))
    {
      g_free (out);
      return g_strdup (text);
    }

  return out;
}

char *
sw_person_search_pinyin (const char *text)
{
  char *pinyin;

  g_return_val_if_fail (text != NULL, NULL);

  g_mutex_lock (&pinyin_lock);
  pinyin = pinyin_locked (text);
  g_mutex_unlock (&pinyin_lock);

  return pinyin;
}

/* "zhou jian guo" → "zjg". */
static char *
initials (const char *syllables)
{
  GString *out = g_string_new (NULL);
  gboolean start = TRUE;

  for (const char *p = syllables; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        {
          if (start)
            g_string_append_c (out, *p);
          start = FALSE;
        }
      else
        start = TRUE;
    }

  return g_string_free (out, FALSE);
}

static char *
without_spaces (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    if (*p != ' ')
      g_string_append_c (out, *p);

  return g_string_free (out, FALSE);
}

/* ü (with any tone) as v, the way pinyin input methods type it. */
static char *
u_umlaut_as_v (const char *pinyin)
{
  static const char *const umlauts[] = { "ü", "ǖ", "ǘ", "ǚ", "ǜ", "Ü", "Ǖ", "Ǘ", "Ǚ", "Ǜ" };
  GString *out = g_string_new (pinyin);

  for (guint i = 0; i < G_N_ELEMENTS (umlauts); i++)
    g_string_replace (out, umlauts[i], "v", 0);

  return g_string_free (out, FALSE);
}

/* The lines of pinyin a name is found by, each after a newline. */
static char *
new_pinyin_lines (const char *name)
{
  g_autofree char *pinyin = pinyin_locked (name);
  g_autofree char *with_v = u_umlaut_as_v (pinyin);
  const char *spellings[] = { pinyin, with_v };
  GString *lines = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (spellings); i++)
    {
      /* Tone marks off: "lǚ" is typed "lu" (or "lv"). */
      g_autofree char *ascii = g_str_to_ascii (spellings[i], "C");
      g_autofree char *folded = g_ascii_strdown (ascii, -1);
      g_autofree char *joined = without_spaces (folded);
      g_autofree char *first = initials (folded);

      if (i > 0 && g_str_equal (with_v, pinyin))
        break;
      g_string_append_printf (lines, "\n%s\n%s\n%s", folded, joined, first);
    }

  return g_string_free (lines, FALSE);
}

/* The pinyin lines of @name (transfer none: kept for the program's life). */
static const char *
pinyin_lines_of (const char *name)
{
  const char *lines;

  g_mutex_lock (&pinyin_lock);
  if (pinyin_lines == NULL)
    pinyin_lines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  lines = g_hash_table_lookup (pinyin_lines, name);
  if (lines == NULL)
    {
      char *made = new_pinyin_lines (name);

      g_hash_table_insert (pinyin_lines, g_strdup (name), made);
      lines = made;
    }
  g_mutex_unlock (&pinyin_lock);

  return lines;
}

static gpointer
prepare_thread (gpointer data)
{
  g_auto(GStrv) names = data;

  for (guint i = 0; names[i] != NULL; i++)
    pinyin_lines_of (names[i]);

  return NULL;
}

void
sw_person_search_prepare (GListModel *people)
{
  /* The views of one window each ask for the same people. */
  static GListModel *prepared = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  guint n;

  g_return_if_fail (G_IS_LIST_MODEL (people));

  if (people == prepared)
    return;
  g_set_weak_pointer (&prepared, people);
  builder = g_strv_builder_new ();

  n = g_list_model_get_n_items (people);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwPerson) person = g_list_model_get_item (people, i);
      const char *name = sw_person_get_name (person);

      if (!g_str_is_ascii (name))
        g_strv_builder_add (builder, name);
    }

  /* The names are copies: the thread reads nothing of the model. */
  g_thread_unref (g_thread_new ("servweek-pinyin", prepare_thread, g_strv_builder_end (builder)));
}

static char *
search_text (const char *name,
             const char *fields)
{
  g_autofree char *normalized = g_utf8_normalize (fields, -1, G_NORMALIZE_ALL);
  g_autofree char *folded = g_utf8_casefold (normalized != NULL ? normalized : "", -1);
  GString *text = g_string_new (folded);

  if (!g_str_is_ascii (name))
    g_string_append (text, pinyin_lines_of (name));

  return g_string_free (text, FALSE);
}

const char *
sw_person_search_text (SwPerson *person)
{
  SwDepartment *department;
  g_autofree char *skills = NULL;
  g_autofree char *fields = NULL;
  Cached *cached;

  g_return_val_if_fail (SW_IS_PERSON (person), "");

  department = sw_person_get_department (person);
  skills = sw_skills_join (sw_person_get_skills (person), "\n");
  /* Fields on lines of their own: a word never matches across two. */
  fields = g_strjoin ("\n",
                      sw_person_get_name (person),
                      sw_person_get_phone (person),
                      sw_person_get_email (person),
                      sw_person_get_title (person),
                      department != NULL ? sw_department_get_name (department) : "",
                      department != NULL ? sw_department_get_short_name (department) : "",
                      skills,
                      NULL);

  cached = g_object_get_qdata (G_OBJECT (person), cached_quark ());
  if (cached != NULL && g_str_equal (cached->fields, fields))
    return cached->text;

  cached = g_new0 (Cached, 1);
  cached->text = search_text (sw_person_get_name (person), fields);
  cached->fields = g_steal_pointer (&fields);
  g_object_set_qdata_full (G_OBJECT (person), cached_quark (), cached, (GDestroyNotify) cached_free);

  return cached->text;
}

gboolean
sw_person_search_matches (SwPerson   *person,
                          const char *normalized_query)
{
  g_return_val_if_fail (SW_IS_PERSON (person), FALSE);

  if (normalized_query == NULL || normalized_query[0] == '\0')
    return TRUE;

  return sw_ui_state_haystack_matches (sw_person_search_text (person), normalized_query);
}
