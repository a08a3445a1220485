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

/* Appends the fold of @run, @len bytes of valid UTF-8 none of which is
 * ASCII, to @out. Folding one such run at a time gives what folding the
 * whole text at once gives: decomposition is per character, canonical
 * reordering only moves combining marks (which are dropped) and never
 * across an ASCII character, and case folding is per character. */
static void
fold_run (const char *run,
          gssize      len,
          GString    *out,
          gboolean   *pending_space)
{
  g_autofree char *decomposed = g_utf8_normalize (run, len, G_NORMALIZE_ALL);
  gsize start = out->len;

  if (decomposed == NULL)
    return;

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
          if (*pending_space && out->len > 0)
            g_string_append_c (out, ' ');
          *pending_space = FALSE;
          g_string_append_unichar (out, c);
        }
      else
        {
          *pending_space = TRUE;
        }
    }

  /* Case folding maps letters to letters ("ß" → "ss"), so folding what
   * this run added keeps the word boundaries found above */
  if (out->len > start)
    {
      g_autofree char *folded = g_utf8_casefold (out->str + start, out->len - start);

      g_string_truncate (out, start);
      g_string_append (out, folded);
    }
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
  const char *end = NULL;
  GString *out;
  gboolean pending_space = FALSE;
  const char *p;

  if (text == NULL)
    return g_strdup ("");

  if (!g_utf8_validate (text, -1, &end))
    {
      g_autofree char *valid = g_strndup (text, end - text);

      return certo_text_fold (valid);
    }

  /* ASCII needs no normalisation: the common case for titles, names and
   * certificate numbers, and what imports of 100,000 documents spend
   * their time on. Only the runs of other characters go through NFKD. */
  out = g_string_sized_new (end - text);
  p = text;
  while (*p != '\0')
    {
      if ((guchar) *p < 0x80)
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
          p++;
        }
      else
        {
          const char *run = p;

          while ((guchar) *p >= 0x80)
            p++;
          fold_run (run, p - run, out, &pending_space);
        }
    }

  return g_string_free (out, FALSE);
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

/**
 * certo_text_is_unsafe_char:
 * @c: a Unicode character
 *
 * The characters Certo never keeps in a one-line text from a source:
 * C0 controls (U+0000–U+001F, line breaks and tabs included), DEL
 * (U+007F), C1 controls (U+0080–U+009F), the line and paragraph
 * separators (U+2028, U+2029), and the bidirectional embeddings,
 * overrides and isolates (U+202A–U+202E, U+2066–U+2069; Unicode
 * Standard Annex #9 §2.1–2.4), which reorder the text around them, so
 * that a title can show as something it is not ("Trojan Source",
 * CVE-2021-42574), or move a terminal's cursor (ECMA-48 escapes).
 *
 * The implicit marks U+200E LEFT-TO-RIGHT MARK, U+200F RIGHT-TO-LEFT MARK
 * and U+061C ARABIC LETTER MARK are kept: they change the direction of
 * one neutral character only, cannot hide or reorder text beyond it, and
 * mixed Arabic or Hebrew and Latin names need them (UAX #9 §2.6).
 *
 * Returns: %TRUE when @c must not be shown or stored as it is
 */
gboolean
certo_text_is_unsafe_char (gunichar c)
{
  return c < 0x20 || (c >= 0x7f && c <= 0x9f) ||
         c == 0x2028 || c == 0x2029 ||
         (c >= 0x202a && c <= 0x202e) ||
         (c >= 0x2066 && c <= 0x2069);
}

static gboolean
is_ascii_safe (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if ((guchar) *p < 0x20 || (guchar) *p >= 0x7f)
      return FALSE;
  return TRUE;
}

/**
 * certo_text_strip_unsafe:
 * @text: (nullable): UTF-8 text meant for one line
 * @out_changed: (out) (optional): set to %TRUE when anything was changed
 *
 * Makes @text safe to store and show: every character
 * certo_text_is_unsafe_char() names is dropped, except tabs, line
 * breaks and the separators U+2028/U+2029, which become a space so that
 * the words on either side stay apart. Invalid UTF-8 becomes U+FFFD.
 *
 * Returns: (transfer full) (nullable): the cleaned text; %NULL for %NULL
 */
char *
certo_text_strip_unsafe (const char *text,
                         gboolean   *out_changed)
{
  g_autofree char *valid = NULL;
  gboolean changed = FALSE;
  GString *out;

  if (out_changed != NULL)
    *out_changed = FALSE;
  if (text == NULL)
    return NULL;

  /* The common case: printable ASCII, nothing to do */
  if (is_ascii_safe (text))
    return g_strdup (text);

  if (!g_utf8_validate (text, -1, NULL))
    {
      valid = g_utf8_make_valid (text, -1);
      text = valid;
      changed = TRUE;
    }

  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!certo_text_is_unsafe_char (c))
        {
          g_string_append_unichar (out, c);
          continue;
        }

      changed = TRUE;
      if (c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' ||
          c == 0x2028 || c == 0x2029)
        g_string_append_c (out, ' ');
    }

  if (out_changed != NULL)
    *out_changed = changed;
  return g_string_free (out, FALSE);
}

/**
 * certo_text_escape_unsafe:
 * @text: (nullable): text to show on a terminal or in a message, possibly
 *   not UTF-8 (a file name)
 *
 * Escapes what certo_text_is_unsafe_char() names, so that text already
 * stored, or a file name, can neither move a terminal's cursor nor
 * reorder what is shown: `\n`, `\r`, `\t`, `\e` for the usual ones,
 * `\xHH` for other C0 and C1 controls and for bytes that are not UTF-8,
 * `\u{HHHH}` for the bidirectional controls and separators.
 *
 * Returns: (transfer full): the escaped text; "" for %NULL
 */
char *
certo_text_escape_unsafe (const char *text)
{
  GString *out;
  const char *p;
  const char *end;

  if (text == NULL)
    return g_strdup ("");
  if (is_ascii_safe (text))
    return g_strdup (text);

  end = text + strlen (text);
  out = g_string_sized_new (end - text + 16);
  for (p = text; p < end;)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append_printf (out, "\\x%02X", (guchar) *p);
          p++;
          continue;
        }

      p = g_utf8_next_char (p);
      if (!certo_text_is_unsafe_char (c))
        g_string_append_unichar (out, c);
      else if (c == '\n')
        g_string_append (out, "\\n");
      else if (c == '\r')
        g_string_append (out, "\\r");
      else if (c == '\t')
        g_string_append (out, "\\t");
      else if (c == 0x1b)
        g_string_append (out, "\\e");
      else if (c <= 0x9f)
        g_string_append_printf (out, "\\x%02X", c);
      else
        g_string_append_printf (out, "\\u{%04X}", c);
    }

  return g_string_free (out, FALSE);
}

/**
 * certo_text_truncate:
 * @text: (nullable): valid UTF-8
 * @max_chars: the most characters kept, the ellipsis included (at least 1)
 * @out_cut: (out) (optional): set to %TRUE when @text was cut
 *
 * Cuts @text to @max_chars characters, at a character boundary, ending
 * with "…" when anything was cut.
 *
 * Returns: (transfer full) (nullable): the text, cut or whole; %NULL for %NULL
 */
char *
certo_text_truncate (const char *text,
                     guint       max_chars,
                     gboolean   *out_cut)
{
  const char *p;
  guint n = 0;

  if (out_cut != NULL)
    *out_cut = FALSE;
  if (text == NULL)
    return NULL;

  max_chars = MAX (max_chars, 1);
  /* Fast: a text shorter in bytes than the cap is shorter in characters */
  if (strlen (text) <= max_chars)
    return g_strdup (text);

  for (p = text; *p != '\0' && n < max_chars - 1; p = g_utf8_next_char (p))
    n++;
  if (*p == '\0' || (n == max_chars - 1 && *g_utf8_next_char (p) == '\0'))
    return g_strdup (text);

  if (out_cut != NULL)
    *out_cut = TRUE;
  {
    GString *out = g_string_new_len (text, p - text);

    g_string_append (out, "…");
    return g_string_free (out, FALSE);
  }
}

/**
 * certo_text_display_width:
 * @text: (nullable): UTF-8 text
 *
 * The number of terminal columns @text takes: one per character, two for
 * a wide or fullwidth one (East Asian Width W or F, UAX #11), none for a
 * combining mark or a zero-width character. Invalid UTF-8 counts one
 * column per byte.
 *
 * Returns: the width in columns
 */
guint
certo_text_display_width (const char *text)
{
  const char *p;
  const char *end;
  guint width = 0;

  if (text == NULL)
    return 0;

  end = text + strlen (text);
  for (p = text; p < end;)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          width++;
          p++;
          continue;
        }
      p = g_utf8_next_char (p);

      if (g_unichar_iszerowidth (c))
        continue;
      width += g_unichar_iswide (c) ? 2 : 1;
    }

  return width;
}
