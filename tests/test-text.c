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
    { "Cafe\u0301 ＩＳＯ ½", "cafe iso 1 2" },     /* combining mark after ASCII, full width, fraction */
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

/* What may not reach the store or a terminal: C0, DEL, C1, the line
 * separators and the bidirectional embeddings, overrides and isolates;
 * the implicit marks stay */
static void
test_unsafe (void)
{
  static const struct { const char *in; const char *stripped; const char *escaped; } cases[] = {
    { "Plain ASCII", "Plain ASCII", "Plain ASCII" },
    { "Red\x1b[31m alert", "Red[31m alert", "Red\\e[31m alert" },
    { "two\nlines\tand\rtab", "two lines and tab", "two\\nlines\\tand\\rtab" },
    { "bell\x07 del\x7f", "bell del", "bell\\x07 del\\x7F" },
    { "c1 \xc2\x85 next line \xc2\x9b csi", "c1  next line  csi", "c1 \\x85 next line \\x9B csi" },
    { "cod\xe2\x80\xaegnp.exe", "codgnp.exe", "cod\\u{202E}gnp.exe" },
    { "iso\xe2\x81\xa6late\xe2\x81\xa9", "isolate", "iso\\u{2066}late\\u{2069}" },
    { "line\xe2\x80\xa8sep", "line sep", "line\\u{2028}sep" },
    /* LRM, RLM: kept */
    { "\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d\xe2\x80\x8e 365\xe2\x80\x8f", "\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d\xe2\x80\x8e 365\xe2\x80\x8f",
      "\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d\xe2\x80\x8e 365\xe2\x80\x8f" },
    { "Genòmica — “ok” …", "Genòmica — “ok” …", "Genòmica — “ok” …" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gboolean changed = FALSE;
      g_autofree char *stripped = certo_text_strip_unsafe (cases[i].in, &changed);
      g_autofree char *escaped = certo_text_escape_unsafe (cases[i].in);

      g_assert_cmpstr (stripped, ==, cases[i].stripped);
      g_assert_cmpint (changed, ==, !g_str_equal (cases[i].in, cases[i].stripped));
      g_assert_cmpstr (escaped, ==, cases[i].escaped);
    }

  {
    /* A file name need not be UTF-8: escaped byte by byte */
    g_autofree char *escaped = certo_text_escape_unsafe ("caf\xe9.md");
    g_autofree char *stripped = certo_text_strip_unsafe ("caf\xe9", NULL);
    g_autofree char *null_escaped = certo_text_escape_unsafe (NULL);

    g_assert_cmpstr (escaped, ==, "caf\\xE9.md");
    g_assert_cmpstr (stripped, ==, "caf\xef\xbf\xbd");
    g_assert_cmpstr (null_escaped, ==, "");
    g_assert_null (certo_text_strip_unsafe (NULL, NULL));
  }
}

static void
test_truncate (void)
{
  gboolean cut = TRUE;
  g_autofree char *same = certo_text_truncate ("abc", 3, &cut);
  g_autofree char *ascii = NULL;
  g_autofree char *wide = NULL;
  g_autofree char *long_text = g_strnfill (10 * 1000 * 1000, 'x');
  g_autofree char *long_cut = NULL;

  g_assert_cmpstr (same, ==, "abc");
  g_assert_false (cut);
  ascii = certo_text_truncate ("abcdef", 4, &cut);
  g_assert_cmpstr (ascii, ==, "abc…");
  g_assert_true (cut);
  /* never in the middle of a character: "è" is two bytes */
  wide = certo_text_truncate ("èèèèè", 3, &cut);
  g_assert_cmpstr (wide, ==, "èè…");
  g_assert_true (g_utf8_validate (wide, -1, NULL));
  long_cut = certo_text_truncate (long_text, 1000, &cut);
  g_assert_cmpuint (g_utf8_strlen (long_cut, -1), ==, 1000);
  g_assert_true (g_str_has_suffix (long_cut, "…"));
}

/* Terminal columns, not bytes: "—" and "…" are one, CJK two */
static void
test_display_width (void)
{
  g_assert_cmpuint (certo_text_display_width ("abc"), ==, 3);
  g_assert_cmpuint (certo_text_display_width ("—"), ==, 1);
  g_assert_cmpuint (certo_text_display_width ("a…b"), ==, 3);
  g_assert_cmpuint (certo_text_display_width ("64\xc2\xa0MB"), ==, 5);
  g_assert_cmpuint (certo_text_display_width ("日本"), ==, 4);
  g_assert_cmpuint (certo_text_display_width ("e\xcc\x81"), ==, 1);   /* e + combining acute */
  g_assert_cmpuint (certo_text_display_width (NULL), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/text/fold", test_fold);
  g_test_add_func ("/text/query", test_query);
  g_test_add_func ("/text/slugify", test_slugify);
  g_test_add_func ("/text/unsafe", test_unsafe);
  g_test_add_func ("/text/truncate", test_truncate);
  g_test_add_func ("/text/display-width", test_display_width);

  return g_test_run ();
}
