/* certo-offering-article-cut.c — an article cut off by an interrupted
 * download or copy
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A file that stops without its last newline in the middle of a link, a
 * tag, a translated span, a table row or a list item, inside an HTML
 * comment or the front matter, or after a heading with nothing under it,
 * is refused (CERTO_PARSE_ERROR_TRUNCATED) before it can replace a good
 * copy.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "certo-offering-article-private.h"
#include "certo-text.h"

/* The first @needle in @p … @end, or NULL */
static const char *
find_bytes (const char *p,
            const char *end,
            const char *needle)
{
  gsize n = strlen (needle);

  for (; p + n <= end; p++)
    {
      p = memchr (p, needle[0], end - p);
      if (p == NULL || p + n > end)
        return NULL;
      if (memcmp (p, needle, n) == 0)
        return p;
    }
  return NULL;
}

static guint
count_bytes (const char *p,
             const char *end,
             const char *needle)
{
  gsize n = strlen (needle);
  guint count = 0;

  while ((p = find_bytes (p, end, needle)) != NULL)
    {
      count++;
      p += n;
    }
  return count;
}

/* What a line that stops without its newline was in the middle of: an
 * unclosed `[text` or `](url`, an unclosed `<tag`, more `<span>` opened
 * than closed, a table row without its closing `|`, a bare list marker */
static CutKind
line_cut (const char *line,
          const char *end)
{
  const char *lt = NULL;
  const char *gt = NULL;
  guint brackets = 0;
  guint parens = 0;
  gboolean in_url = FALSE;
  const char *p;

  for (p = line; p < end; p++)
    {
      switch (*p)
        {
        case '[':
          if (!in_url)
            brackets++;
          break;
        case ']':
          if (!in_url && brackets > 0)
            {
              brackets--;
              if (p + 1 < end && p[1] == '(')
                {
                  in_url = TRUE;
                  parens = 1;
                  p++;
                }
            }
          break;
        case '(':
          if (in_url)
            parens++;
          break;
        case ')':
          if (in_url && --parens == 0)
            in_url = FALSE;
          break;
        case '<':
          lt = p;
          break;
        case '>':
          gt = p;
          break;
        default:
          break;
        }
    }

  if (brackets > 0 || in_url)
    return CUT_LINK;
  if (lt != NULL && (gt == NULL || gt < lt))
    return CUT_TAG;
  if (count_bytes (line, end, "<span") > count_bytes (line, end, "</span>"))
    return CUT_SPAN;

  p = line;
  while (p < end && (*p == ' ' || *p == '\t'))
    p++;
  if (p < end && *p == '|' && end[-1] != '|')
    return CUT_TABLE_ROW;
  if (end - p == 1 && (*p == '-' || *p == '*' || *p == '+'))
    return CUT_LIST_ITEM;
  if (end > p && end[-1] == '.' && p < end - 1)
    {
      const char *q = p;

      while (q < end - 1 && g_ascii_isdigit (*q))
        q++;
      if (q == end - 1)
        return CUT_LIST_ITEM;
    }

  /* A list item is complete when it ends with its link (or the span
   * around it); a name or a sentence, when it ends with punctuation */
  if (_certo_offering_list_marker (p) > 0)
    return end[-1] == ')' || end[-1] == '>' ? CUT_NONE : CUT_LIST_ITEM;
  if (*p != '#' && (g_ascii_isalnum (end[-1]) || end[-1] == ',' || end[-1] == ';' ||
                    (guchar) end[-1] >= 0x80))
    return CUT_SENTENCE;

  return CUT_NONE;
}

/*
 * Notices an article that was cut off, where the cut shows: the text ends
 * inside an HTML comment that opens a line, or inside its front matter; ends without a newline in
 * the middle of a link, a tag, a translated span, a table row, a list
 * item (one that does not end with its link) or a sentence (a letter, a
 * digit or a comma last); or its last line is a section heading with
 * nothing after it. A complete last line without a newline is fine:
 * editors save them so.
 * A cut that falls between two complete lines cannot be told from a
 * short article; the import's shrink guard catches those.
 */
CutKind
_certo_offering_find_cut (const char  *text,
                          gsize        length,
                          char       **out_heading)
{
  const char *end = text + length;
  const char *content_end;
  const char *line;
  const char *comment;
  gboolean newline_at_end;
  gsize len = 0;

  /* An HTML comment that opens a line (an HTML block, CommonMark §4.6)
   * and never closes: everything after it would be swallowed anyway */
  for (comment = find_bytes (text, end, "<!--"); comment != NULL;)
    {
      const char *close = find_bytes (comment + 4, end, "-->");
      const char *start = comment;

      while (start > text && (start[-1] == ' ' || start[-1] == '\t'))
        start--;
      if (close == NULL)
        {
          if (start == text || start[-1] == '\n' || start[-1] == '\r')
            return CUT_COMMENT;
          break;
        }
      comment = find_bytes (close + 3, end, "<!--");
    }

  /* Front matter opened and never closed, with nothing else */
  if (length >= 3 && memcmp (text, "---", 3) == 0 && (length == 3 || text[3] == '\n' || text[3] == '\r'))
    {
      const char *p = _certo_offering_next_line (text, end, &len);
      gboolean closed = FALSE;

      while (p < end && !closed)
        {
          const char *q = _certo_offering_next_line (p, end, &len);

          closed = _certo_offering_is_fence (p, len, "---") || _certo_offering_is_fence (p, len, "...");
          p = q;
        }
      if (!closed && find_bytes (text, end, "\n#") == NULL)
        return CUT_FRONT_MATTER;
    }

  content_end = end;
  while (content_end > text && (content_end[-1] == ' ' || content_end[-1] == '\t'))
    content_end--;
  newline_at_end = content_end > text && (content_end[-1] == '\n' || content_end[-1] == '\r');
  while (content_end > text && g_ascii_isspace (content_end[-1]))
    content_end--;
  if (content_end == text)
    return CUT_NONE;

  line = content_end;
  while (line > text && line[-1] != '\n' && line[-1] != '\r')
    line--;

  if (!newline_at_end)
    {
      CutKind kind = line_cut (line, content_end);

      if (kind != CUT_NONE)
        return kind;
    }

  /* The last line a section heading ("## …", "### …") */
  {
    BiLine bi;
    const char *en;
    guint level = 0;
    CutKind kind = CUT_NONE;

    _certo_offering_bi_line_init (&bi);
    _certo_offering_split_languages (line, content_end, &bi);
    en = bi.en->str + _certo_offering_leading_space (bi.en->str);
    while (en[level] == '#' && level < 7)
      level++;
    if (level >= 2 && level <= 6 && (en[level] == ' ' || en[level] == '\t'))
      {
        g_autofree char *heading = _certo_offering_flatten (en + level, strlen (en + level), NULL);

        _certo_offering_strip_closing_hashes (heading);
        if (*heading != '\0')
          {
            kind = CUT_HEADING;
            if (out_heading != NULL)
              *out_heading = g_steal_pointer (&heading);
          }
      }
    _certo_offering_bi_line_clear (&bi);
    return kind;
  }
}

void
_certo_offering_set_cut_error (GError     **error,
                               const char  *name,
                               CutKind      kind,
                               const char  *heading)
{
  /* With and without a name: whole sentences for the translators */
  static const struct { CutKind kind; const char *named; const char *unnamed; } messages[] = {
    { CUT_LINK,
      N_("“%s” seems cut off (it ends in the middle of a link); download it again"),
      N_("The article seems cut off (it ends in the middle of a link); download it again") },
    { CUT_TAG,
      N_("“%s” seems cut off (it ends in the middle of an HTML tag); download it again"),
      N_("The article seems cut off (it ends in the middle of an HTML tag); download it again") },
    { CUT_SPAN,
      N_("“%s” seems cut off (it ends in the middle of a translated sentence); download it again"),
      N_("The article seems cut off (it ends in the middle of a translated sentence); download it again") },
    { CUT_TABLE_ROW,
      N_("“%s” seems cut off (it ends in the middle of a table row); download it again"),
      N_("The article seems cut off (it ends in the middle of a table row); download it again") },
    { CUT_LIST_ITEM,
      N_("“%s” seems cut off (it ends in the middle of a list item); download it again"),
      N_("The article seems cut off (it ends in the middle of a list item); download it again") },
    { CUT_COMMENT,
      N_("“%s” seems cut off (it ends inside an HTML comment); download it again"),
      N_("The article seems cut off (it ends inside an HTML comment); download it again") },
    { CUT_FRONT_MATTER,
      N_("“%s” seems cut off (it ends inside its front matter); download it again"),
      N_("The article seems cut off (it ends inside its front matter); download it again") },
    { CUT_SENTENCE,
      N_("“%s” seems cut off (it ends in the middle of a sentence); download it again"),
      N_("The article seems cut off (it ends in the middle of a sentence); download it again") },
  };

  if (kind == CUT_HEADING)
    {
      g_autofree char *shown = certo_text_escape_unsafe (heading);

      if (name != NULL)
        g_set_error (error, CERTO_PARSE_ERROR, CERTO_PARSE_ERROR_TRUNCATED,
                     /* Translators: the first %s is a file name, the second a heading of the article */
                     _("“%s” seems cut off (it ends with the heading “%s” and nothing after it); download it again"),
                     name, shown);
      else
        g_set_error (error, CERTO_PARSE_ERROR, CERTO_PARSE_ERROR_TRUNCATED,
                     /* Translators: %s is a heading of the article */
                     _("The article seems cut off (it ends with the heading “%s” and nothing after it); download it again"),
                     shown);
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (messages); i++)
    {
      if (messages[i].kind != kind)
        continue;

      if (name == NULL)
        {
          g_set_error_literal (error, CERTO_PARSE_ERROR, CERTO_PARSE_ERROR_TRUNCATED,
                               _(messages[i].unnamed));
          return;
        }

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
      g_set_error (error, CERTO_PARSE_ERROR, CERTO_PARSE_ERROR_TRUNCATED,
                   _(messages[i].named), name);
#pragma GCC diagnostic pop
      return;
    }

  g_return_if_reached ();
}
