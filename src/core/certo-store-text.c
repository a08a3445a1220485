/* certo-store-text.c — localized text as the catalog database stores it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A localized text is stored as the JSON certo_localized_to_json() writes:
 * {"en": "…", "it": "…"}, or a plain JSON string for a text of unknown
 * language. Titles are read for every document at every start, and
 * json-glib builds a parser and a node tree per value; these two functions
 * handle exactly that shape directly, a few times faster and with a
 * handful of allocations. Anything else (a value written by hand, a
 * future form) falls back to certo_localized_new_from_json().
 */
#include "config.h"

#include <string.h>

#include "certo-store-private.h"
#include "certo-text.h"

static void
append_json_string (GString    *out,
                    const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      switch (c)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, (char) c);
        }
    }
  g_string_append_c (out, '"');
}

/**
 * certo_store_localized_to_json:
 * @text: (nullable): a localized text
 *
 * Writes @text as RFC 8259 JSON, in the form certo_localized_to_json()
 * gives (an object of language tags, or a string when the only value has
 * the unknown tag ""), which certo_localized_new_from_json() reads.
 *
 * Returns: (transfer full) (nullable): the JSON, or %NULL for %NULL
 */
char *
certo_store_localized_to_json (const CertoLocalized *text)
{
  GString *out;
  guint n;

  if (text == NULL)
    return NULL;

  n = certo_localized_get_n_values (text);
  out = g_string_sized_new (64);

  if (n == 1)
    {
      const char *lang = NULL;
      const char *value = certo_localized_get_nth (text, 0, &lang);

      if (*lang == '\0')
        {
          append_json_string (out, value);
          return g_string_free (out, FALSE);
        }
    }

  g_string_append_c (out, '{');
  for (guint i = 0; i < n; i++)
    {
      const char *lang = NULL;
      const char *value = certo_localized_get_nth (text, i, &lang);

      if (i > 0)
        g_string_append_c (out, ',');
      append_json_string (out, lang);
      g_string_append_c (out, ':');
      append_json_string (out, value);
    }
  g_string_append_c (out, '}');

  return g_string_free (out, FALSE);
}

static const char *
skip_space (const char *p)
{
  while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
    p++;
  return p;
}

static int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

static gboolean
read_hex4 (const char *p,
           gunichar   *out)
{
  gunichar value = 0;

  for (guint i = 0; i < 4; i++)
    {
      int digit = hex_value (p[i]);

      if (digit < 0)
        return FALSE;
      value = value * 16 + digit;
    }

  *out = value;
  return TRUE;
}

/* Reads a JSON string at @p (its opening quote) into @out; returns the
 * position after the closing quote, or NULL when it is not one */
static const char *
read_json_string (const char *p,
                  GString    *out)
{
  g_string_truncate (out, 0);

  if (*p != '"')
    return NULL;
  p++;

  while (*p != '"')
    {
      const char *run = p;

      while (*p != '"' && *p != '\\' && *p != '\0')
        {
          if ((guchar) *p < 0x20)
            return NULL;
          p++;
        }
      g_string_append_len (out, run, p - run);

      if (*p == '\0')
        return NULL;
      if (*p == '\\')
        {
          gunichar c;

          p++;
          switch (*p)
            {
            case '"': g_string_append_c (out, '"'); break;
            case '\\': g_string_append_c (out, '\\'); break;
            case '/': g_string_append_c (out, '/'); break;
            case 'b': g_string_append_c (out, '\b'); break;
            case 'f': g_string_append_c (out, '\f'); break;
            case 'n': g_string_append_c (out, '\n'); break;
            case 'r': g_string_append_c (out, '\r'); break;
            case 't': g_string_append_c (out, '\t'); break;
            case 'u':
              if (!read_hex4 (p + 1, &c))
                return NULL;
              p += 4;
              if (c >= 0xd800 && c < 0xdc00)
                {
                  gunichar low;

                  /* A surrogate pair (RFC 8259 §7) */
                  if (p[1] != '\\' || p[2] != 'u' || !read_hex4 (p + 3, &low) ||
                      low < 0xdc00 || low >= 0xe000)
                    return NULL;
                  c = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
                  p += 6;
                }
              else if (c >= 0xdc00 && c < 0xe000)
                {
                  return NULL;
                }
              if (c == 0)
                return NULL;
              g_string_append_unichar (out, c);
              break;
            default:
              return NULL;
            }
          p++;
        }
    }

  return p + 1;
}

static CertoLocalized *
parse_fast (const char *json)
{
  g_autoptr(CertoLocalized) text = certo_localized_new ();
  g_autoptr(GString) key = g_string_sized_new (8);
  g_autoptr(GString) value = g_string_sized_new (128);
  const char *p = skip_space (json);

  if (*p == '"')
    {
      p = read_json_string (p, value);
      if (p == NULL || *skip_space (p) != '\0')
        return NULL;
      certo_localized_set (text, "", value->str);
      return g_steal_pointer (&text);
    }

  if (*p != '{')
    return NULL;
  p = skip_space (p + 1);
  if (*p == '}')
    return *skip_space (p + 1) == '\0' ? g_steal_pointer (&text) : NULL;

  while (TRUE)
    {
      p = read_json_string (p, key);
      if (p == NULL)
        return NULL;
      p = skip_space (p);
      if (*p != ':')
        return NULL;
      p = read_json_string (skip_space (p + 1), value);
      if (p == NULL)
        return NULL;
      if (!g_utf8_validate_len (key->str, key->len, NULL) ||
          !g_utf8_validate_len (value->str, value->len, NULL))
        return NULL;
      certo_localized_set (text, key->str, value->str);

      p = skip_space (p);
      if (*p == '}')
        break;
      if (*p != ',')
        return NULL;
      p = skip_space (p + 1);
    }

  if (*skip_space (p + 1) != '\0')
    return NULL;

  return g_steal_pointer (&text);
}

/**
 * certo_store_localized_from_json:
 * @json: JSON as certo_store_localized_to_json() or certo_localized_to_json()
 *   writes it
 *
 * Returns: (transfer full) (nullable): the text, or %NULL when @json is not
 *   a JSON string or an object of strings
 */
CertoLocalized *
certo_store_localized_from_json (const char *json)
{
  CertoLocalized *text;

  g_return_val_if_fail (json != NULL, NULL);

  text = parse_fast (json);
  if (text == NULL)
    text = certo_localized_new_from_json (json);

  return text;
}

/**
 * certo_store_search_append:
 * @search: the search text being built
 * @text: (nullable): a text to add
 *
 * Adds certo_text_fold() of @text to @search. Folding works word by word,
 * so folded parts joined by one space equal the fold of the joined text.
 */
void
certo_store_search_append (GString    *search,
                           const char *text)
{
  g_autofree char *folded = NULL;

  if (text == NULL || *text == '\0')
    return;

  folded = certo_text_fold (text);
  certo_store_search_append_folded (search, folded);
}

/**
 * certo_store_search_append_folded:
 * @search: the search text being built
 * @folded: (nullable): a text already folded with certo_text_fold()
 */
void
certo_store_search_append_folded (GString    *search,
                                  const char *folded)
{
  if (folded == NULL || *folded == '\0')
    return;

  if (search->len > 0)
    g_string_append_c (search, ' ');
  g_string_append (search, folded);
}

/**
 * certo_store_dup_folded_names:
 * @text: (nullable): a localized text
 *
 * Returns: (transfer full): certo_text_fold() of every language's value
 */
char *
certo_store_dup_folded_names (const CertoLocalized *text)
{
  g_autofree char *all = NULL;

  if (text == NULL)
    return g_strdup ("");

  all = certo_localized_dup_all_text (text, " ");
  return certo_text_fold (all);
}
