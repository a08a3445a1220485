/* test-text.c — search folding, queries and slugs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "certo-text.h"

static void
test_fold (void)
{
  static const struct { const char *in; const char *out; } cases[] = {
    { "Genòmica", "genomica" },
    { "INTUNE", "intune" },
    { "Azure DevOps Services — IS 619017", "azure devops services is 619017" },
    { "  Endpoint Detection & Response,  Secure Score ", "endpoint detection response secure score" },
    { "Straße", "strasse" },
    { "ﬁle", "file" },                       /* compatibility ligature */
    { "Ünïcödé Ñ", "unicode n" },
    { "<b>&amp;</b>", "b amp b" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *folded = certo_text_fold (cases[i].in);
      g_assert_cmpstr (folded, ==, cases[i].out);
    }

  {
    g_autofree char *null_folded = certo_text_fold (NULL);
    /* invalid UTF-8 is folded up to the first bad byte, never crashes */
    g_autofree char *bad = certo_text_fold ("Abc\xff\xfe def");

    g_assert_cmpstr (null_folded, ==, "");
    g_assert_cmpstr (bad, ==, "abc");
  }
}

static void
test_query (void)
{
  g_autofree char *haystack = certo_text_fold ("Azure, Genòmica, Intune — Certificato ISO 27001 IS 533913");
  g_autoptr(CertoSearchQuery) empty = certo_search_query_new ("   ");
  g_autoptr(CertoSearchQuery) one = certo_search_query_new ("tune");
  g_autoptr(CertoSearchQuery) two = certo_search_query_new ("GENOMICA  certificato");
  g_autoptr(CertoSearchQuery) number = certo_search_query_new ("is 533913");
  g_autoptr(CertoSearchQuery) miss = certo_search_query_new ("intune dynamics");

  g_assert_true (certo_search_query_is_empty (empty));
  g_assert_true (certo_search_query_matches (empty, haystack));
  g_assert_false (certo_search_query_is_empty (one));
  g_assert_true (certo_search_query_matches (one, haystack));
  g_assert_true (certo_search_query_matches (two, haystack));
  g_assert_true (certo_search_query_matches (number, haystack));
  g_assert_false (certo_search_query_matches (miss, haystack));
  g_assert_false (certo_search_query_matches (one, NULL));
}

static void
test_slugify (void)
{
  static const struct { const char *in; gsize max; const char *out; } cases[] = {
    { "Azure DevOps Services", 0, "azure-devops-services" },
    { "Office 365 — Global and Germany", 0, "office-365-global-and-germany" },
    { "Windows Defender ATP — Endpoint Detection & Response", 20, "windows-defender-atp" },
    { "Genòmica", 0, "genomica" },
    { "日本語", 0, "" },
    { "a", 0, "a" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *slug = certo_text_slugify (cases[i].in, cases[i].max);
      g_assert_cmpstr (slug, ==, cases[i].out);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/text/fold", test_fold);
  g_test_add_func ("/text/query", test_query);
  g_test_add_func ("/text/slugify", test_slugify);

  return g_test_run ();
}
