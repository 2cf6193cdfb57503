/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>

#include "sw-core.h"
#include "sw-name-order.h"

/*
 * The name order, on names whose order is worked out here by hand: the
 * surnames' strokes (邓 counts 5 in ICU's data, which counts 阝 as three
 * strokes) and their pinyin.
 */

static const char *
identity (gpointer item)
{
  return item;
}

static void
assert_sorted (SwNameOrder         order,
               const char * const *input,
               const char * const *expected)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; input[i] != NULL; i++)
    g_ptr_array_add (names, (gpointer) input[i]);
  sw_name_order_sort (names, order, identity);
  for (guint i = 0; expected[i] != NULL; i++)
    {
      g_assert_cmpuint (i, <, names->len);
      g_assert_cmpstr (names->pdata[i], ==, expected[i]);
    }
  g_assert_cmpuint (names->len, ==, g_strv_length ((char **) expected));
}

static void
test_stroke (void)
{
  /* 丁 2, 王 4, 田 5, 孙 6, 吴 7, 周 8, 曹 11, 曾 12. */
  const char *input[] = { "曾庆华", "周建国", "丁一", "曹雪梅", "吴志华", "王伟", "孙立平", "田七", NULL };
  const char *expected[] = { "丁一", "王伟", "田七", "孙立平", "吴志华", "周建国", "曹雪梅", "曾庆华", NULL };

  assert_sorted (SW_NAME_ORDER_STROKE, input, expected);
}

static void
test_same_surname (void)
{
  /* One surname: the given names decide, by their own strokes:
   * 王一 (1) 王力 (2) 王丽 (7) 王德 (15). */
  const char *input[] = { "王德", "王丽", "王一", "王力", NULL };
  const char *expected[] = { "王一", "王力", "王丽", "王德", NULL };

  assert_sorted (SW_NAME_ORDER_STROKE, input, expected);
}

static void
test_pinyin (void)
{
  /* cao, deng, feng, han, luo, peng, zhang, zhou.  (Not 曾: ICU reads
   * it céng, not the surname's zēng.) */
  const char *input[] = { "周建国", "罗文斌", "曹雪梅", "张伟", "邓海燕", "彭永刚", "韩小军", "冯德胜", NULL };
  const char *expected[] = { "曹雪梅", "邓海燕", "冯德胜", "韩小军", "罗文斌", "彭永刚", "张伟", "周建国", NULL };

  assert_sorted (SW_NAME_ORDER_PINYIN, input, expected);
}

static void
test_roster (void)
{
  const char *input[] = { "周建国", "冯丽君", "Adams", "", NULL };

  assert_sorted (SW_NAME_ORDER_ROSTER, input, input);
  g_assert_cmpint (sw_name_order_compare (SW_NAME_ORDER_ROSTER, TRUE, "周", "冯"), ==, 0);
}

static void
test_english (void)
{
  /* No Han character: the locale's alphabet (C.UTF-8 in the tests). */
  const char *input[] = { "Zoe Brown", "Liu Yang", "Adam Smith", "Liu Wei", NULL };
  const char *expected[] = { "Adam Smith", "Liu Wei", "Liu Yang", "Zoe Brown", NULL };

  assert_sorted (SW_NAME_ORDER_STROKE, input, expected);
  assert_sorted (SW_NAME_ORDER_PINYIN, input, expected);
  g_assert_false (sw_name_order_has_han ("Liu Wei"));
  g_assert_true (sw_name_order_has_han ("Liu 伟"));
  g_assert_false (sw_name_order_has_han (""));
}

static void
test_ties_and_empty (void)
{
  /* Equal names keep their order (told apart by the pointer). */
  static const char first[] = "王伟", second[] = "王伟", third[] = "王伟";
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GPtrArray) none = g_ptr_array_new ();
  const char *with_empty[] = { "周建国", "", "丁一", NULL };
  const char *empty_first[] = { "", "丁一", "周建国", NULL };

  g_ptr_array_add (names, (gpointer) "周建国");
  g_ptr_array_add (names, (gpointer) first);
  g_ptr_array_add (names, (gpointer) second);
  g_ptr_array_add (names, (gpointer) "丁一");
  g_ptr_array_add (names, (gpointer) third);
  sw_name_order_sort (names, SW_NAME_ORDER_STROKE, identity);
  g_assert_cmpstr (names->pdata[0], ==, "丁一");
  g_assert_true (names->pdata[1] == first);
  g_assert_true (names->pdata[2] == second);
  g_assert_true (names->pdata[3] == third);
  g_assert_cmpstr (names->pdata[4], ==, "周建国");

  sw_name_order_sort (none, SW_NAME_ORDER_STROKE, identity);
  g_assert_cmpuint (none->len, ==, 0);
  assert_sorted (SW_NAME_ORDER_STROKE, with_empty, empty_first);

  g_assert_cmpint (sw_name_order_compare (SW_NAME_ORDER_STROKE, TRUE, "王伟", "王伟"), ==, 0);
  g_assert_cmpint (sw_name_order_compare (SW_NAME_ORDER_STROKE, TRUE, "丁一", "王伟"), <, 0);
  g_assert_cmpint (sw_name_order_compare (SW_NAME_ORDER_PINYIN, TRUE, "周建国", "曹雪梅"), >, 0);
}

static void
test_committee (void)
{
  g_autoptr(SwCommittee) committee = sw_committee_new ("领导小组");
  const struct { const char *name; SwRole role; } members[] = {
    { "罗文斌", SW_ROLE_MEMBER }, { "周建国", SW_ROLE_LEADER }, { "郑海涛", SW_ROLE_DEPUTY },
    { "邓海燕", SW_ROLE_MEMBER }, { "冯丽君", SW_ROLE_DEPUTY }, { "黄晓燕", SW_ROLE_OFFICE_DIRECTOR },
  };
  const char *stroke[] = { "周建国", "冯丽君", "郑海涛", "黄晓燕", "邓海燕", "罗文斌" };
  g_autoptr(GPtrArray) roster = NULL;
  g_autoptr(GPtrArray) sorted = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    {
      g_autoptr(SwPerson) person = sw_person_new (members[i].name, NULL);
      g_autoptr(SwCommitteeMember) member = sw_committee_member_new (person, members[i].role);

      g_list_store_append (G_LIST_STORE (sw_committee_get_members (committee)), member);
    }

  roster = sw_name_order_dup_committee_members (committee, SW_NAME_ORDER_ROSTER);
  g_assert_cmpuint (roster->len, ==, G_N_ELEMENTS (members));
  for (guint i = 0; i < roster->len; i++)
    g_assert_cmpstr (sw_person_get_name (sw_committee_member_get_person (roster->pdata[i])), ==,
                     members[i].name);

  sorted = sw_name_order_dup_committee_members (committee, SW_NAME_ORDER_STROKE);
  g_assert_cmpuint (sorted->len, ==, G_N_ELEMENTS (stroke));
  for (guint i = 0; i < sorted->len; i++)
    g_assert_cmpstr (sw_person_get_name (sw_committee_member_get_person (sorted->pdata[i])), ==,
                     stroke[i]);
}

static gpointer
sort_in_thread (gpointer data)
{
  for (guint i = 0; i < 200; i++)
    test_pinyin ();

  return NULL;
}

static void
test_threads (void)
{
  GThread *threads[4];

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("sort", sort_in_thread, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_thread_join (threads[i]);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/name-order/stroke", test_stroke);
  g_test_add_func ("/name-order/same-surname", test_same_surname);
  g_test_add_func ("/name-order/pinyin", test_pinyin);
  g_test_add_func ("/name-order/roster", test_roster);
  g_test_add_func ("/name-order/english", test_english);
  g_test_add_func ("/name-order/ties-and-empty", test_ties_and_empty);
  g_test_add_func ("/name-order/committee", test_committee);
  g_test_add_func ("/name-order/threads", test_threads);

  return g_test_run ();
}
