/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <unicode/ucol.h>
#include <unicode/uloc.h>

#include "sw-name-order.h"

typedef enum
{
  COLLATOR_STROKE,
  COLLATOR_PINYIN,
  COLLATOR_LOCALE,
  N_COLLATORS,
} CollatorKind;

static const char * const collator_locales[N_COLLATORS] = {
  "zh@collation=stroke",
  "zh@collation=pinyin",
  NULL,   /* the default locale */
};

/* Opened on first use and kept for the life of the program: ICU
 * collators may be shared between threads for comparing. */
static UCollator *
collator_get (CollatorKind kind)
{
  static gsize collators[N_COLLATORS];

  if (g_once_init_enter (&collators[kind]))
    {
      UErrorCode status = U_ZERO_ERROR;
      const char *locale = collator_locales[kind] != NULL ? collator_locales[kind] : uloc_getDefault ();
      UCollator *collator = ucol_open (locale, &status);

      if (U_FAILURE (status))
        {
          g_warning ("Cannot open the collation of %s: %s", locale, u_errorName (status));
          status = U_ZERO_ERROR;
          collator = ucol_open ("", &status);
        }
      g_assert (collator != NULL);
      g_once_init_leave (&collators[kind], (gsize) collator);
    }

  return (UCollator *) collators[kind];
}

static UCollator *
collator_for (SwNameOrder order,
              gboolean    chinese)
{
  if (!chinese)
    return collator_get (COLLATOR_LOCALE);

  return collator_get (order == SW_NAME_ORDER_PINYIN ? COLLATOR_PINYIN : COLLATOR_STROKE);
}

gboolean
sw_name_order_has_han (const char *text)
{
  if (text == NULL)
    return FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if ((guchar) *p >= 0x80 && g_unichar_get_script (g_utf8_get_char (p)) == G_UNICODE_SCRIPT_HAN)
      return TRUE;

  return FALSE;
}

int
sw_name_order_compare (SwNameOrder  order,
                       gboolean     chinese,
                       const char  *a,
                       const char  *b)
{
  UErrorCode status = U_ZERO_ERROR;
  UCollationResult result;

  if (order == SW_NAME_ORDER_ROSTER)
    return 0;

  result = ucol_strcollUTF8 (collator_for (order, chinese), a != NULL ? a : "", -1,
                             b != NULL ? b : "", -1, &status);
  if (U_FAILURE (status))
    return g_strcmp0 (a, b);

  return result == UCOL_LESS ? -1 : result == UCOL_GREATER ? 1 : 0;
}

typedef struct
{
  gpointer  item;
  guint     index;
  guint8   *key;
  gsize     key_len;
} Keyed;

static guint8 *
sort_key (const UCollator *collator,
          const char      *name,
          gsize           *key_len)
{
  g_autofree gunichar2 *utf16 = NULL;
  glong len = 0;
  guint8 *key;
  int32_t n;

  utf16 = g_utf8_to_utf16 (name != NULL ? name : "", -1, NULL, &len, NULL);
  if (utf16 == NULL)
    {
      *key_len = 0;
      return NULL;
    }
  n = ucol_getSortKey (collator, (const UChar *) utf16, (int32_t) len, NULL, 0);
  key = g_malloc (MAX (n, 1));
  ucol_getSortKey (collator, (const UChar *) utf16, (int32_t) len, key, n);
  *key_len = (gsize) MAX (n, 0);

  return key;
}

static int
compare_keyed (gconstpointer a,
               gconstpointer b)
{
  const Keyed *ka = a;
  const Keyed *kb = b;
  int c = memcmp (ka->key, kb->key, MIN (ka->key_len, kb->key_len));

  if (c != 0)
    return c;
  if (ka->key_len != kb->key_len)
    return ka->key_len < kb->key_len ? -1 : 1;

  return ka->index < kb->index ? -1 : ka->index > kb->index ? 1 : 0;
}

static void
sort_with (GPtrArray           *items,
           const UCollator     *collator,
           SwNameOrderNameFunc  get_name)
{
  g_autofree Keyed *keyed = NULL;

  if (items->len < 2)
    return;

  /* One sort key a name, compared bytewise, rather than a collation of
   * both names at every comparison. */
  keyed = g_new0 (Keyed, items->len);
  for (guint i = 0; i < items->len; i++)
    {
      keyed[i].item = items->pdata[i];
      keyed[i].index = i;
      keyed[i].key = sort_key (collator, get_name (items->pdata[i]), &keyed[i].key_len);
    }
  qsort (keyed, items->len, sizeof (Keyed), compare_keyed);
  for (guint i = 0; i < items->len; i++)
    {
      items->pdata[i] = keyed[i].item;
      g_free (keyed[i].key);
    }
}

void
sw_name_order_sort (GPtrArray           *items,
                    SwNameOrder          order,
                    SwNameOrderNameFunc  get_name)
{
  gboolean chinese = FALSE;

  g_return_if_fail (items != NULL);
  g_return_if_fail (get_name != NULL);

  if (order == SW_NAME_ORDER_ROSTER || items->len < 2)
    return;

  for (guint i = 0; i < items->len && !chinese; i++)
    chinese = sw_name_order_has_han (get_name (items->pdata[i]));
  sort_with (items, collator_for (order, chinese), get_name);
}

static const char *
person_name (gpointer item)
{
  return sw_person_get_name (item);
}

void
sw_name_order_sort_people (GPtrArray   *people,
                           SwNameOrder  order)
{
  sw_name_order_sort (people, order, person_name);
}

guint
sw_name_order_role_rank (SwRole role)
{
  switch (role)
    {
    case SW_ROLE_LEADER:
      return 0;
    case SW_ROLE_DEPUTY:
      return 1;
    case SW_ROLE_OFFICE_DIRECTOR:
      return 2;
    case SW_ROLE_MEMBER:
    default:
      return 3;
    }
}

static const char *
member_name (gpointer item)
{
  SwPerson *person = sw_committee_member_get_person (item);

  return person != NULL ? sw_person_get_name (person) : "";
}

GPtrArray *
sw_name_order_dup_committee_members (SwCommittee *committee,
                                     SwNameOrder  order)
{
  GListModel *members;
  GPtrArray *sorted;
  guint n;

  g_return_val_if_fail (SW_IS_COMMITTEE (committee), NULL);

  members = sw_committee_get_members (committee);
  n = g_list_model_get_n_items (members);
  sorted = g_ptr_array_new_full (n, g_object_unref);
  if (order == SW_NAME_ORDER_ROSTER)
    {
      for (guint i = 0; i < n; i++)
        g_ptr_array_add (sorted, g_list_model_get_item (members, i));
      return sorted;
    }

  /* Role by role, so that each role's names are ordered among themselves
   * by the rule of the whole committee. */
  {
    g_autoptr(GPtrArray) all = g_ptr_array_new_full (n, g_object_unref);
    gboolean chinese = FALSE;

    for (guint i = 0; i < n; i++)
      {
        SwCommitteeMember *member = g_list_model_get_item (members, i);

        g_ptr_array_add (all, member);
        chinese = chinese || sw_name_order_has_han (member_name (member));
      }
    for (guint rank = 0; rank <= sw_name_order_role_rank (SW_ROLE_MEMBER); rank++)
      {
        g_autoptr(GPtrArray) role = g_ptr_array_new ();

        for (guint i = 0; i < all->len; i++)
          if (sw_name_order_role_rank (sw_committee_member_get_role (all->pdata[i])) == rank)
            g_ptr_array_add (role, all->pdata[i]);
        sort_with (role, collator_for (order, chinese), member_name);
        for (guint i = 0; i < role->len; i++)
          g_ptr_array_add (sorted, g_object_ref (role->pdata[i]));
      }
  }

  return sorted;
}
