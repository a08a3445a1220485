/* certo-text.c — text helpers: search folding, search queries, slugs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "certo-text.h"

struct _CertoSearchQuery
{
  GStrv words;
};

/* Plain ASCII needs no normalisation: the common case for titles, names
 * and certificate numbers, and what imports of 100,000 documents spend
 * their time on. */
static gboolean
fold_ascii (const char *text,
            GString    *out)
{
  gboolean pending_space = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    if ((guchar) *p >= 0x80)
      return FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        {
          if (pending_space && out->len > 0)
            g_string_append_c (out, ' ');
          pending_space = FALSE;
          g_string_append_c (out, g_ascii_tolower (*p));
        }
      else
        {
          pending_space = TRUE;
        }
    }

  return TRUE;
}

/**
 * certo_text_fold:
 * @text: (nullable): UTF-8 text
 *
 * Folds @text for case- and accent-insensitive matching: compatibility
 * decomposition (Unicode NFKD), combining marks dropped, case folded, every
 * run of spaces and punctuation other than letters and digits made one
 * space. "Genòmica — IS 619017" becomes "genomica is 619017". Invalid UTF-8
 * is folded as far as it is valid.
 *
 * Returns: (transfer full): the folded text, never %NULL
 */
char *
certo_text_fold (const char *text)
{
  g_autofree char *decomposed = NULL;
  const char *end = NULL;
  GString *out;
  gboolean pending_space = FALSE;
  char *folded;

  if (text == NULL)
    return g_strdup ("");

  out = g_string_sized_new (strlen (text));
  if (fold_ascii (text, out))
    return g_string_free (out, FALSE);

  if (!g_utf8_validate (text, -1, &end))
    {
      g_autofree char *valid = g_strndup (text, end - text);

      g_string_free (out, TRUE);
      return certo_text_fold (valid);
    }

  decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_ALL);
  if (decomposed == NULL)
    return g_string_free (out, FALSE);

  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      GUnicodeType type = g_unichar_type (c);

      if (type == G_UNICODE_NON_SPACING_MARK ||
          type == G_UNICODE_SPACING_MARK ||
          type == G_UNICODE_ENCLOSING_MARK)
        continue;

      if (g_unichar_isalnum (c))
        {
          if (pending_space && out->len > 0)
            g_string_append_c (out, ' ');
          pending_space = FALSE;
          g_string_append_unichar (out, c);
        }
      else
        {
          pending_space = TRUE;
        }
    }

  /* Case folding maps letters to letters ("ß" → "ss"), so folding the
   * whole result once keeps the word boundaries found above. */
  folded = g_utf8_casefold (out->str, out->len);
  g_string_free (out, TRUE);
  return folded;
}

/**
 * certo_text_slugify:
 * @text: (nullable): UTF-8 text
 * @max_len: the longest slug wanted, in bytes; 0 for no limit
 *
 * Makes a stable identifier from a name: certo_text_fold(), non-ASCII
 * letters dropped, words joined by "-", cut at a word boundary within
 * @max_len. "Azure DevOps Services" becomes "azure-devops-services".
 *
 * Returns: (transfer full): the slug; "" when @text has no ASCII letter or digit
 */
char *
certo_text_slugify (const char *text,
                    gsize       max_len)
{
  g_autofree char *folded = certo_text_fold (text);
  GString *out = g_string_new (NULL);
  gboolean pending_dash = FALSE;

  for (const char *p = folded; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        {
          if (pending_dash && out->len > 0)
            g_string_append_c (out, '-');
          pending_dash = FALSE;
          g_string_append_c (out, *p);
        }
      else if (*p == ' ')
        {
          pending_dash = TRUE;
        }
    }

  if (max_len > 0 && out->len > max_len)
    {
      gboolean at_boundary = out->str[max_len] == '-';
      char *cut;

      g_string_truncate (out, max_len);
      cut = strrchr (out->str, '-');
      if (!at_boundary && cut != NULL && cut != out->str)
        g_string_truncate (out, cut - out->str);
    }

  return g_string_free (out, FALSE);
}

/**
 * certo_search_query_new:
 * @text: (nullable): what the user typed
 *
 * Prepares a search: @text folded with certo_text_fold() and split into
 * words.
 *
 * Returns: (transfer full): a new #CertoSearchQuery
 */
CertoSearchQuery *
certo_search_query_new (const char *text)
{
  CertoSearchQuery *self = g_new0 (CertoSearchQuery, 1);
  g_autofree char *folded = certo_text_fold (text);

  self->words = g_strsplit (folded, " ", -1);
  /* g_strsplit ("") gives an empty vector; folded text has no empty words */

  return self;
}

/**
 * certo_search_query_free:
 * @self: (transfer full): a #CertoSearchQuery
 */
void
certo_search_query_free (CertoSearchQuery *self)
{
  if (self == NULL)
    return;

  g_strfreev (self->words);
  g_free (self);
}

/**
 * certo_search_query_is_empty:
 * @self: a #CertoSearchQuery
 *
 * Returns: %TRUE when the query has no word, so everything matches
 */
gboolean
certo_search_query_is_empty (const CertoSearchQuery *self)
{
  return self->words[0] == NULL;
}

/**
 * certo_search_query_matches:
 * @self: a #CertoSearchQuery
 * @folded_text: a text already folded with certo_text_fold()
 *
 * Returns: %TRUE when @folded_text contains every word of @self, anywhere
 *   (so "tune" finds "Intune")
 */
gboolean
certo_search_query_matches (const CertoSearchQuery *self,
                            const char             *folded_text)
{
  if (folded_text == NULL)
    return certo_search_query_is_empty (self);

  for (guint i = 0; self->words[i] != NULL; i++)
    if (strstr (folded_text, self->words[i]) == NULL)
      return FALSE;

  return TRUE;
}
