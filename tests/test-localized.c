/* test-localized.c — text in several languages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "certo-localized.h"

static CertoLocalized *
make_title (void)
{
  CertoLocalized *t = certo_localized_new ();

  certo_localized_set (t, "en", "Statement of Applicability");
  certo_localized_set (t, "it", "Dichiarazione di applicabilità");
  return t;
}

static void
test_lookup (void)
{
  g_autoptr(CertoLocalized) t = make_title ();
  const char *it_IT[] = { "it_IT.UTF-8", "it_IT", "it", "C", NULL };
  const char *pt_BR[] = { "pt_BR", "pt", "C", NULL };
  const char *c[] = { "C", NULL };
  const char *it_CH[] = { "it-CH", NULL };

  g_assert_cmpstr (certo_localized_lookup (t, it_IT), ==, "Dichiarazione di applicabilità");
  g_assert_cmpstr (certo_localized_lookup (t, it_CH), ==, "Dichiarazione di applicabilità");
  g_assert_cmpstr (certo_localized_lookup (t, pt_BR), ==, "Statement of Applicability");
  g_assert_cmpstr (certo_localized_lookup (t, c), ==, "Statement of Applicability");
  g_assert_cmpstr (certo_localized_lookup (t, NULL), ==, "Statement of Applicability");
  g_assert_cmpstr (certo_localized_get (t, "IT"), ==, "Dichiarazione di applicabilità");
  g_assert_null (certo_localized_get (t, "de"));
}

static void
test_display_follows_language (void)
{
  g_autoptr(CertoLocalized) t = make_title ();

  g_setenv ("LANGUAGE", "it", TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_assert_cmpstr (certo_localized_get_display (t), ==, "Dichiarazione di applicabilità");
  g_setenv ("LANGUAGE", "en", TRUE);
  g_assert_cmpstr (certo_localized_get_display (t), ==, "Statement of Applicability");
}

static void
test_plain_and_fallbacks (void)
{
  g_autoptr(CertoLocalized) plain = certo_localized_new_plain ("Intune");
  g_autoptr(CertoLocalized) german = certo_localized_new ();
  g_autoptr(CertoLocalized) empty = certo_localized_new ();
  const char *it[] = { "it", NULL };

  g_assert_cmpstr (certo_localized_lookup (plain, it), ==, "Intune");
  certo_localized_set (german, "de", "Zertifikat");
  g_assert_cmpstr (certo_localized_lookup (german, it), ==, "Zertifikat");
  g_assert_null (certo_localized_lookup (empty, it));
  g_assert_true (certo_localized_is_empty (empty));
  g_assert_true (certo_localized_is_empty (NULL));
  certo_localized_set (german, "de", NULL);
  g_assert_true (certo_localized_is_empty (german));
}

static void
test_json_round_trip (void)
{
  g_autoptr(CertoLocalized) t = make_title ();
  g_autoptr(CertoLocalized) markup = certo_localized_new_plain ("<b>&amp;</b>");
  g_autofree char *json = certo_localized_to_json (t);
  g_autofree char *plain_json = certo_localized_to_json (markup);
  g_autoptr(CertoLocalized) back = certo_localized_new_from_json (json);
  g_autoptr(CertoLocalized) plain_back = certo_localized_new_from_json (plain_json);
  g_autoptr(CertoLocalized) bad = certo_localized_new_from_json ("[1, 2]");
  g_autoptr(CertoLocalized) garbage = certo_localized_new_from_json ("{not json");

  g_assert_cmpstr (json, ==, "{\"en\":\"Statement of Applicability\",\"it\":\"Dichiarazione di applicabilità\"}");
  g_assert_true (certo_localized_equal (t, back));
  g_assert_cmpstr (certo_localized_get (plain_back, ""), ==, "<b>&amp;</b>");
  g_assert_null (bad);
  g_assert_null (garbage);
}

static void
test_order_and_equal (void)
{
  g_autoptr(CertoLocalized) a = certo_localized_new ();
  g_autoptr(CertoLocalized) b = certo_localized_new ();
  g_autofree char *all = NULL;
  const char *lang = NULL;

  certo_localized_set (a, "it", "uno");
  certo_localized_set (a, "en", "one");
  certo_localized_set (b, "en", "one");
  certo_localized_set (b, "it", "uno");
  g_assert_true (certo_localized_equal (a, b));
  g_assert_cmpstr (certo_localized_get_nth (a, 0, &lang), ==, "one");
  g_assert_cmpstr (lang, ==, "en");
  all = certo_localized_dup_all_text (a, " | ");
  g_assert_cmpstr (all, ==, "one | uno");
  certo_localized_set (b, "it", "due");
  g_assert_false (certo_localized_equal (a, b));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/localized/lookup", test_lookup);
  g_test_add_func ("/localized/display-follows-language", test_display_follows_language);
  g_test_add_func ("/localized/plain-and-fallbacks", test_plain_and_fallbacks);
  g_test_add_func ("/localized/json-round-trip", test_json_round_trip);
  g_test_add_func ("/localized/order-and-equal", test_order_and_equal);

  return g_test_run ();
}
