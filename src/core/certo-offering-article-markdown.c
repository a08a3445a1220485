/* certo-offering-article-markdown.c — the article reader's text: spans,
 * inline markdown, tables, lines
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A localised article pairs each translated span with its English one;
 * _certo_offering_split_languages() resolves a line into both languages,
 * parse_inline() reads links and emphasis, and the rest cuts tables, lists
 * and lines.
 * Every scan is linear in the line.
 */
#include "config.h"

#include <string.h>

#include "certo-offering-article-private.h"
#include "certo-text.h"

typedef enum
{
  SPAN_OTHER,
  SPAN_LOCAL,
  SPAN_WRAP,
  SPAN_EN,
} SpanKind;

void
_certo_offering_bi_line_init (BiLine *line)
{
  line->local = g_string_new (NULL);
  line->en = g_string_new (NULL);
  line->anchor = NULL;
  line->localized = FALSE;
}

void
_certo_offering_bi_line_clear (BiLine *line)
{
  g_string_free (line->local, TRUE);
  g_string_free (line->en, TRUE);
  g_clear_pointer (&line->anchor, g_free);
}

void
_certo_offering_link_free (gpointer data)
{
  Link *link = data;

  g_free (link->text);
  g_free (link->url);
  g_free (link);
}

static gboolean
has_prefix_ci (const char *s,
               const char *end,
               const char *prefix)
{
  gsize n = strlen (prefix);

  return (gsize) (end - s) >= n && g_ascii_strncasecmp (s, prefix, n) == 0;
}

/* Collapses runs of white space to one space and trims */
char *
_certo_offering_squeeze (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        {
          space = TRUE;
          continue;
        }
      if (space && out->len > 0)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

/* Appends text with the common HTML entities decoded */
static void
append_decoded (GString    *out,
                const char *p,
                const char *end)
{
  static const struct { const char *name; const char *text; } entities[] = {
    { "amp;", "&" }, { "lt;", "<" }, { "gt;", ">" }, { "quot;", "\"" },
    { "apos;", "'" }, { "nbsp;", " " }, { "#39;", "'" },
  };

  while (p < end)
    {
      const char *amp = memchr (p, '&', end - p);
      gboolean done = FALSE;

      if (amp == NULL)
        {
          g_string_append_len (out, p, end - p);
          return;
        }
      g_string_append_len (out, p, amp - p);
      p = amp + 1;

      for (guint i = 0; i < G_N_ELEMENTS (entities) && !done; i++)
        if (has_prefix_ci (p, end, entities[i].name))
          {
            g_string_append (out, entities[i].text);
            p += strlen (entities[i].name);
            done = TRUE;
          }

      if (!done && p < end && *p == '#')
        {
          const char *q = p + 1;
          gboolean hex = q < end && (*q == 'x' || *q == 'X');
          guint64 value = 0;
          guint digits = 0;

          if (hex)
            q++;
          for (; q < end && digits < 8 && g_ascii_isxdigit (*q) && (hex || g_ascii_isdigit (*q)); q++, digits++)
            value = value * (hex ? 16 : 10) + (hex ? (guint64) g_ascii_xdigit_value (*q) : (guint64) (*q - '0'));
          if (digits > 0 && q < end && *q == ';' && value > 0 && value <= 0x10FFFF &&
              g_unichar_validate ((gunichar) value))
            {
              g_string_append_unichar (out, (gunichar) value);
              p = q + 1;
              done = TRUE;
            }
        }

      if (!done)
        g_string_append_c (out, '&');
    }
}

/* The value of attribute @attr inside one tag, or NULL */
static char *
tag_attribute (const char *tag,
               const char *end,
               const char *attr)
{
  gsize n = strlen (attr);

  for (const char *p = tag; p + n < end; p++)
    {
      const char *q;
      char quote;
      const char *close;

      if (g_ascii_strncasecmp (p, attr, n) != 0 || (p > tag && !g_ascii_isspace (p[-1])))
        continue;
      q = p + n;
      while (q < end && g_ascii_isspace (*q))
        q++;
      if (q >= end || *q != '=')
        continue;
      q++;
      while (q < end && g_ascii_isspace (*q))
        q++;
      if (q >= end)
        return NULL;
      quote = *q;
      if (quote == '"' || quote == '\'')
        {
          close = memchr (q + 1, quote, end - q - 1);
          return close ? g_strndup (q + 1, close - q - 1) : NULL;
        }
      for (close = q; close < end && !g_ascii_isspace (*close) && *close != '/'; close++)
        ;
      return g_strndup (q, close - q);
    }

  return NULL;
}

static void
flush_pending (GString **pending,
               GString  *en)
{
  if (*pending == NULL)
    return;
  g_string_append_len (en, (*pending)->str, (*pending)->len);
  g_string_free (*pending, TRUE);
  *pending = NULL;
}

/*
 * Resolves the translation spans of one line into the article's language
 * and English. Text outside span pairs belongs to both. A translated span
 * without its English partner counts for both languages. Other tags are
 * dropped; `<a name>` gives the heading's anchor; entities are decoded.
 */
void
_certo_offering_split_languages (const char *p,
                                 const char *end,
                                 BiLine     *line)
{
  SpanKind stack[MAX_SPAN_DEPTH];
  guint depth = 0;
  guint overflow = 0;
  guint n_local = 0;
  guint n_en = 0;
  GString *pending = NULL;
  const char *next_gt = NULL;
  gboolean no_gt = FALSE;

  while (p < end)
    {
      const char *run_end;
      gboolean all_space = TRUE;

      if (*p == '<' && p + 1 < end &&
          (g_ascii_isalpha (p[1]) || p[1] == '/' || p[1] == '!'))
        {
          const char *gt;
          const char *name;
          const char *name_end;
          gboolean closing;

          if (p + 3 < end && memcmp (p, "<!--", 4) == 0)
            {
              const char *close = g_strstr_len (p + 4, end - p - 4, "-->");

              p = close ? close + 3 : end;
              continue;
            }

          /* The first '>' after p: reuse the last search while it is ahead */
          if (next_gt == NULL || next_gt < p)
            next_gt = no_gt ? NULL : memchr (p, '>', end - p);
          if (next_gt == NULL)
            no_gt = TRUE;
          gt = next_gt;
          if (gt == NULL)
            goto text;

          closing = p[1] == '/';
          name = p + (closing ? 2 : 1);
          for (name_end = name; name_end < gt && g_ascii_isalnum (*name_end); name_end++)
            ;

          if (name_end - name == 4 && g_ascii_strncasecmp (name, "span", 4) == 0)
            {
              if (closing)
                {
                  if (overflow > 0)
                    overflow--;
                  else if (depth > 0)
                    {
                      SpanKind kind = stack[--depth];

                      if (kind == SPAN_LOCAL)
                        n_local--;
                      else if (kind == SPAN_WRAP || kind == SPAN_EN)
                        n_en--;
                    }
                }
              else
                {
                  g_autofree char *ttu = tag_attribute (name_end, gt, "data-ttu-id");
                  g_autofree char *stu = tag_attribute (name_end, gt, "data-stu-id");
                  g_autofree char *klass = tag_attribute (name_end, gt, "class");
                  SpanKind kind = SPAN_OTHER;
                  gboolean top = n_local == 0 && n_en == 0;

                  if (ttu != NULL)
                    kind = SPAN_LOCAL;
                  else if (stu != NULL)
                    kind = SPAN_EN;
                  else if (klass != NULL && strstr (klass, "sxs-lookup") != NULL)
                    kind = SPAN_WRAP;

                  if (top && (kind == SPAN_WRAP || kind == SPAN_EN) && pending != NULL)
                    {
                      /* the English partner follows: the pending text was local only */
                      g_string_free (pending, TRUE);
                      pending = NULL;
                    }
                  else if (top)
                    flush_pending (&pending, line->en);

                  if (top && kind == SPAN_LOCAL)
                    {
                      pending = g_string_new (NULL);
                      line->localized = TRUE;
                    }
                  /* only a top-level span chooses a language; inner ones inherit */
                  if (!top)
                    kind = SPAN_OTHER;

                  if (depth < MAX_SPAN_DEPTH)
                    {
                      stack[depth++] = kind;
                      if (kind == SPAN_LOCAL)
                        n_local++;
                      else if (kind == SPAN_WRAP || kind == SPAN_EN)
                        n_en++;
                    }
                  else
                    overflow++;
                }
            }
          else if (!closing && name_end - name == 1 && g_ascii_tolower (*name) == 'a' &&
                   line->anchor == NULL)
            {
              line->anchor = tag_attribute (name_end, gt, "name");
              if (line->anchor == NULL)
                line->anchor = tag_attribute (name_end, gt, "id");
            }

          p = gt + 1;
          continue;
        }

    text:
      /* a run of text up to the next possible tag */
      run_end = p + 1;
      while (run_end < end && *run_end != '<')
        run_end++;
      for (const char *q = p; q < run_end && all_space; q++)
        all_space = g_ascii_isspace (*q);

      if (n_en > 0)
        append_decoded (line->en, p, run_end);
      else if (n_local > 0)
        {
          append_decoded (line->local, p, run_end);
          if (pending != NULL)
            append_decoded (pending, p, run_end);
        }
      else if (pending != NULL && all_space)
        {
          append_decoded (line->local, p, run_end);
          append_decoded (pending, p, run_end);
        }
      else
        {
          flush_pending (&pending, line->en);
          append_decoded (line->local, p, run_end);
          append_decoded (line->en, p, run_end);
        }
      p = run_end;
    }

  flush_pending (&pending, line->en);
}

/* For each '[' of @s, the offset of its matching ']' (or G_MAXSIZE): one
 * pass with a stack, so balanced brackets inside a link text cost nothing */
static gsize *
match_brackets (const char *s,
                gsize       len)
{
  gsize *close_of = NULL;
  g_autoptr(GArray) stack = NULL;

  if (memchr (s, '[', len) == NULL)
    return NULL;

  close_of = g_new (gsize, len);
  stack = g_array_new (FALSE, FALSE, sizeof (gsize));
  for (gsize i = 0; i < len; i++)
    {
      close_of[i] = G_MAXSIZE;
      if (s[i] == '\\' && i + 1 < len && g_ascii_ispunct (s[i + 1]))
        {
          close_of[++i] = G_MAXSIZE;
          continue;
        }
      if (s[i] == '[')
        g_array_append_val (stack, i);
      else if (s[i] == ']' && stack->len > 0)
        {
          gsize open = g_array_index (stack, gsize, stack->len - 1);

          g_array_set_size (stack, stack->len - 1);
          close_of[open] = i;
        }
    }
  return close_of;
}

/* Appends a link's text: brackets and emphasis gone, nested links as text */
static void
append_link_text (GString    *out,
                  const char *p,
                  const char *end)
{
  for (; p < end; p++)
    {
      if (*p == '\\' && p + 1 < end && g_ascii_ispunct (p[1]))
        g_string_append_c (out, *++p);
      else if ((*p == '*' || *p == '_') && p + 1 < end && p[1] == *p)
        p++;
      else if (*p != '`' && *p != '[' && *p != ']')
        g_string_append_c (out, *p);
    }
}

/*
 * Flattens inline markdown to plain text: links and images become their
 * text, emphasis markers and code ticks go, backslash escapes resolve.
 * Links (not images) are collected into @links when it is not NULL. A
 * link inside a link's text stays text (as CommonMark §6.3 has it), so
 * nothing here recurses.
 */
static void
parse_inline (const char *s,
              const char *end,
              GString    *flat,
              GPtrArray  *links)
{
  g_autofree gsize *close_of = match_brackets (s, end - s);
  const char *p = s;

  while (p < end)
    {
      gboolean image = *p == '!' && p + 1 < end && p[1] == '[';
      const char *open = image ? p + 1 : p;

      if (*p == '\\' && p + 1 < end && g_ascii_ispunct (p[1]))
        {
          g_string_append_c (flat, p[1]);
          p += 2;
          continue;
        }

      if (*open == '[')
        {
          gsize close_at = close_of != NULL ? close_of[open - s] : G_MAXSIZE;
          const char *close = close_at != G_MAXSIZE ? s + close_at : NULL;
          const char *dest;
          const char *url_start;
          const char *url_end;
          guint paren = 0;
          gboolean ok = FALSE;

          if (close != NULL && close + 1 < end && close[1] == '(')
            {
              dest = close + 2;
              while (dest < end && (*dest == ' ' || *dest == '\t'))
                dest++;
              url_start = dest;
              if (dest < end && *dest == '<')
                {
                  url_start = ++dest;
                  while (dest < end && *dest != '>' && *dest != '<' && *dest != '\n')
                    dest++;
                  url_end = dest;
                  if (dest < end && *dest == '>')
                    dest++;
                  else
                    dest = end;
                }
              else
                {
                  while (dest < end && !g_ascii_isspace (*dest) && *dest != '[' &&
                         *dest != ']' && *dest != '<' && !(*dest == ')' && paren == 0))
                    {
                      if (*dest == '(')
                        paren++;
                      else if (*dest == ')')
                        paren--;
                      dest++;
                    }
                  url_end = dest;
                }
              while (dest < end && (*dest == ' ' || *dest == '\t'))
                dest++;
              if (dest < end && (*dest == '"' || *dest == '\''))
                {
                  const char *q = memchr (dest + 1, *dest, end - dest - 1);

                  dest = q ? q + 1 : end;
                  while (dest < end && (*dest == ' ' || *dest == '\t'))
                    dest++;
                }
              if (dest < end && *dest == ')')
                {
                  g_autoptr(GString) text = g_string_new (NULL);

                  append_link_text (text, open + 1, close);
                  g_string_append_len (flat, text->str, text->len);
                  if (links != NULL && !image)
                    {
                      Link *link = g_new0 (Link, 1);

                      link->text = _certo_offering_squeeze (text->str);
                      link->url = g_strndup (url_start, url_end - url_start);
                      g_ptr_array_add (links, link);
                    }
                  p = dest + 1;
                  ok = TRUE;
                }
            }

          if (!ok)
            {
              g_string_append_len (flat, p, open - p + 1);
              p = open + 1;
            }
          continue;
        }

      if ((*p == '*' || *p == '_') && p + 1 < end && p[1] == *p)
        {
          p += 2;
          continue;
        }
      if (*p == '`')
        {
          p++;
          continue;
        }

      g_string_append_c (flat, *p);
      p++;
    }
}

char *
_certo_offering_flatten (const char *text,
                         gsize       len,
                         GPtrArray  *links)
{
  g_autoptr(GString) flat = g_string_new (NULL);

  parse_inline (text, text + len, flat, links);
  return _certo_offering_squeeze (flat->str);
}

/* Cells of a table row, '|' escaped with a backslash kept in its cell */
GPtrArray *
_certo_offering_split_cells (const char *row)
{
  GPtrArray *cells = g_ptr_array_new_with_free_func (g_free);
  const char *p = row;
  GString *cell = g_string_new (NULL);

  while (*p == ' ' || *p == '\t')
    p++;
  if (*p == '|')
    p++;
  for (; *p != '\0'; p++)
    {
      if (*p == '\\' && p[1] == '|')
        {
          g_string_append_c (cell, '|');
          p++;
        }
      else if (*p == '|')
        {
          g_ptr_array_add (cells, g_string_free (cell, FALSE));
          cell = g_string_new (NULL);
        }
      else
        g_string_append_c (cell, *p);
    }
  {
    g_autofree char *last = g_string_free (cell, FALSE);

    g_strstrip (last);
    if (*last != '\0')
      g_ptr_array_add (cells, g_steal_pointer (&last));
  }
  return cells;
}

gboolean
_certo_offering_is_delimiter_row (GPtrArray *cells)
{
  for (guint i = 0; i < cells->len; i++)
    for (const char *p = g_ptr_array_index (cells, i); *p != '\0'; p++)
      if (*p != '-' && *p != ':' && *p != ' ' && *p != '\t')
        return FALSE;
  return cells->len > 0;
}

/* "A, B (including C, D), E" → A / B (including C, D) / E */
void
_certo_offering_split_outside_parens (const char *text,
                                      GPtrArray  *out,
                                      guint       max)
{
  const char *start = text;
  guint paren = 0;

  for (const char *p = text;; p++)
    {
      if (*p == '(')
        paren++;
      else if (*p == ')' && paren > 0)
        paren--;

      if (*p == '\0' || (*p == ',' && paren == 0))
        {
          g_autofree char *item = g_strndup (start, p - start);
          g_autofree char *name = _certo_offering_squeeze (item);
          const char *n = name;

          if (g_str_has_prefix (n, "and "))
            n += 4;
          if (*n != '\0' && out->len < max)
            g_ptr_array_add (out, g_strdup (n));
          if (*p == '\0')
            break;
          start = p + 1;
        }
    }
}

/* Length of a list marker ("- ", "* ", "12. ") at @p, or 0 */
gsize
_certo_offering_list_marker (const char *p)
{
  const char *q = p;

  if ((*q == '-' || *q == '*' || *q == '+') && (q[1] == ' ' || q[1] == '\t'))
    q += 2;
  else if (g_ascii_isdigit (*q))
    {
      guint digits = 0;

      while (g_ascii_isdigit (*q) && digits < 9)
        q++, digits++;
      if ((*q != '.' && *q != ')') || (q[1] != ' ' && q[1] != '\t'))
        return 0;
      q += 2;
    }
  else
    return 0;

  while (*q == ' ' || *q == '\t')
    q++;
  return q - p;
}

gsize
_certo_offering_leading_space (const char *p)
{
  const char *q = p;

  while (*q == ' ' || *q == '\t')
    q++;
  return q - p;
}

/* The end of the line at @p and the start of the next: \n, \r\n or \r */
const char *
_certo_offering_next_line (const char  *p,
                           const char  *end,
                           gsize       *len)
{
  const char *eol = p;

  while (eol < end && *eol != '\n' && *eol != '\r')
    eol++;
  *len = eol - p;
  while (*len > 0 && (p[*len - 1] == ' ' || p[*len - 1] == '\t'))
    (*len)--;
  if (eol < end && *eol == '\r' && eol + 1 < end && eol[1] == '\n')
    return eol + 2;
  return eol < end ? eol + 1 : end;
}

gboolean
_certo_offering_is_fence (const char *p,
                          gsize       len,
                          const char *fence)
{
  return len == 3 && memcmp (p, fence, 3) == 0;
}
