/* certo-article-text-extract.c — reading the overview and FAQ of a
 * compliance-offering article from its markdown
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Kept for offline reading of *that* article, which the user fetched
 * (DESIGN.md, "Compliance-offering article"); Certo ships no such text.
 * The markdown is reduced to blocks of plain text: headings, paragraphs,
 * list items; links survive only as http(s) addresses, relative ones
 * resolved against the article's own web address. A localised article
 * (`<span data-ttu-id>LOCAL</span><span class="sxs-lookup">…ENGLISH…`)
 * gives one block list per language. One pass over the lines, every scan
 * linear, every list capped.
 */
#include "config.h"

#include <string.h>

#include "certo-article-text.h"
#include "certo-catalog-update.h"

/* Caps: far above a real article's overview and FAQ */
#define MAX_BLOCKS 2000
#define MAX_BLOCK_BYTES (64 * 1024)
#define MAX_LINKS_PER_BLOCK 64

typedef struct
{
  const char *base;        /* nullable: an http(s) URI */
  char *local_lang;        /* the language of a localised article's local text */
  gboolean bilingual;
  CertoArticleText *text;

  /* the section being read */
  gboolean in_section;
  CertoTextSection section;
  guint section_level;

  /* the block being gathered, as markdown */
  GString *pending;
  CertoTextBlockKind pending_kind;
  guint n_blocks;
} Extractor;

/* Helpers */

static void
link_clear (gpointer data)
{
  g_free (((CertoTextLink *) data)->url);
}

/* Helpers: inline markdown to plain text */

static gboolean
is_web_url (const char *url)
{
  return g_str_has_prefix (url, "https://") || g_str_has_prefix (url, "http://");
}

/* An absolute http(s) URL for a link target, or NULL: relative targets
 * resolve only against a web base (a local file's stay text) */
static char *
resolve_link (Extractor  *self,
              const char *target)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (target));
  g_autoptr(GUri) uri = NULL;
  char *space;

  /* [text](url "title") */
  space = strchr (trimmed, ' ');
  if (space != NULL)
    *space = '\0';
  if (*trimmed == '<' && trimmed[strlen (trimmed) - 1] == '>')
    {
      trimmed[strlen (trimmed) - 1] = '\0';
      memmove (trimmed, trimmed + 1, strlen (trimmed));
    }
  if (*trimmed == '\0' || *trimmed == '#')
    return NULL;

  if (g_uri_peek_scheme (trimmed) != NULL)
    uri = g_uri_parse (trimmed, G_URI_FLAGS_ENCODED | G_URI_FLAGS_PARSE_RELAXED, NULL);
  else if (self->base != NULL)
    {
      g_autoptr(GUri) base = g_uri_parse (self->base, G_URI_FLAGS_ENCODED, NULL);

      if (base != NULL)
        uri = g_uri_parse_relative (base, trimmed, G_URI_FLAGS_ENCODED | G_URI_FLAGS_PARSE_RELAXED, NULL);
    }

  if (uri == NULL || g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
    return NULL;

  {
    char *text = g_uri_to_string (uri);

    if (!is_web_url (text))
      {
        g_free (text);
        return NULL;
      }
    return text;
  }
}

static const struct {
  const char *name;
  const char *text;
} entities[] = {
  { "amp;", "&" }, { "lt;", "<" }, { "gt;", ">" }, { "quot;", "\"" },
  { "apos;", "'" }, { "#39;", "'" }, { "nbsp;", " " },
};

/* Appends the entity at @p (just past '&') to @out; returns the bytes read */
static gsize
append_entity (GString    *out,
               const char *p)
{
  for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
    if (g_str_has_prefix (p, entities[i].name))
      {
        g_string_append (out, entities[i].text);
        return strlen (entities[i].name);
      }

  if (*p == '#')
    {
      const char *q = p + 1;
      gboolean hex = *q == 'x' || *q == 'X';
      guint64 value = 0;
      char *end = NULL;

      if (hex)
        q++;
      value = g_ascii_strtoull (q, &end, hex ? 16 : 10);
      if (end != q && *end == ';' && value > 0x1f && value <= 0x10ffff &&
          g_unichar_validate ((gunichar) value))
        {
          g_string_append_unichar (out, (gunichar) value);
          return end + 1 - p;
        }
    }

  g_string_append_c (out, '&');
  return 0;
}

static void
add_link (GArray     *links,
          guint       start,
          guint       end,
          char       *url)
{
  CertoTextLink link = { start, end, url };

  if (url == NULL || end <= start || links->len >= MAX_LINKS_PER_BLOCK)
    {
      g_free (url);
      return;
    }
  g_array_append_val (links, link);
}

/* A quoted attribute value: href="…" */
static char *
attribute (const char *tag,
           gsize       length,
           const char *name)
{
  g_autofree char *copy = g_strndup (tag, length);
  g_autofree char *pattern = g_strconcat (name, "=", NULL);
  const char *p = strstr (copy, pattern);
  const char *end;
  char quote;

  if (p == NULL)
    return NULL;
  p += strlen (pattern);
  quote = *p;
  if (quote != '"' && quote != '\'')
    return NULL;
  end = strchr (p + 1, quote);
  if (end == NULL)
    return NULL;

  return g_strndup (p + 1, end - p - 1);
}

/* Markdown inline text to plain text and links. Emphasis markers, code
 * spans and HTML tags go; link texts stay, their targets become links. */
static char *
inline_to_plain (Extractor   *self,
                 const char  *markdown,
                 GArray     **out_links)
{
  GString *out = g_string_sized_new (strlen (markdown));
  GArray *links = g_array_new (FALSE, TRUE, sizeof (CertoTextLink));
  const char *p = markdown;
  gssize link_start = -1;   /* where the text of an open <a> began */
  char *link_href = NULL;
  g_autofree char *collapsed = NULL;

  g_array_set_clear_func (links, link_clear);

  while (*p != '\0')
    {
      if (*p == '\\' && p[1] != '\0' && g_ascii_ispunct (p[1]))
        {
          g_string_append_c (out, p[1]);
          p += 2;
        }
      else if (*p == '!' && p[1] == '[')
        {
          /* An image: keep its alt text */
          p++;
        }
      else if (*p == '[')
        {
          const char *close = strchr (p + 1, ']');
          const char *paren_end;

          /* [text](target): nested brackets are not followed */
          if (close != NULL && close[1] == '(' && (paren_end = strchr (close + 2, ')')) != NULL &&
              memchr (p + 1, '[', close - p - 1) == NULL)
            {
              g_autofree char *label = g_strndup (p + 1, close - p - 1);
              g_autofree char *target = g_strndup (close + 2, paren_end - close - 2);
              g_autoptr(GArray) inner_links = NULL;
              g_autofree char *plain = inline_to_plain (self, label, &inner_links);
              guint start = out->len;

              g_string_append (out, plain);
              add_link (links, start, out->len, resolve_link (self, target));
              p = paren_end + 1;
            }
          else
            {
              g_string_append_c (out, *p);
              p++;
            }
        }
      else if (*p == '<')
        {
          const char *close = strchr (p, '>');

          if (close == NULL)
            {
              g_string_append_c (out, *p);
              p++;
              continue;
            }

          if (g_ascii_strncasecmp (p, "<a ", 3) == 0)
            {
              g_free (link_href);
              link_href = attribute (p, close - p, "href");
              link_start = out->len;
            }
          else if (g_ascii_strncasecmp (p, "</a>", 4) == 0 && link_start >= 0)
            {
              add_link (links, link_start, out->len,
                        link_href != NULL ? resolve_link (self, link_href) : NULL);
              g_clear_pointer (&link_href, g_free);
              link_start = -1;
            }
          else if (g_ascii_strncasecmp (p, "<br", 3) == 0)
            {
              g_string_append_c (out, ' ');
            }
          else if (g_str_has_prefix (p, "<http://") || g_str_has_prefix (p, "<https://"))
            {
              /* An autolink: the address is its own text */
              g_autofree char *url = g_strndup (p + 1, close - p - 1);
              guint start = out->len;

              g_string_append (out, url);
              add_link (links, start, out->len, resolve_link (self, url));
            }
          p = close + 1;
        }
      else if (*p == '&')
        {
          p += 1 + append_entity (out, p + 1);
        }
      else if (*p == '*' || *p == '`' || (*p == '_' && p[1] == '_'))
        {
          p += (*p == '_') ? 2 : 1;
        }
      else
        {
          g_string_append_c (out, *p);
          p++;
        }
    }
  g_free (link_href);

  /* White space collapsed; link offsets moved with the text */
  {
    GString *tight = g_string_sized_new (out->len);
    guint *map = g_new (guint, out->len + 1);
    gboolean space = TRUE;

    for (guint i = 0; i < out->len; i++)
      {
        char c = out->str[i];

        map[i] = tight->len;
        if (g_ascii_isspace (c))
          {
            if (!space)
              g_string_append_c (tight, ' ');
            space = TRUE;
          }
        else
          {
            g_string_append_c (tight, c);
            space = FALSE;
          }
      }
    map[out->len] = tight->len;
    while (tight->len > 0 && tight->str[tight->len - 1] == ' ')
      g_string_truncate (tight, tight->len - 1);

    for (guint i = 0; i < links->len; i++)
      {
        CertoTextLink *link = &g_array_index (links, CertoTextLink, i);

        link->start = MIN (map[link->start], tight->len);
        link->end = MIN (map[link->end], tight->len);
        /* A link's text does not start or end with a space */
        while (link->start < link->end && tight->str[link->start] == ' ')
          link->start++;
        while (link->end > link->start && tight->str[link->end - 1] == ' ')
          link->end--;
      }
    for (guint i = links->len; i > 0; i--)
      if (g_array_index (links, CertoTextLink, i - 1).end <= g_array_index (links, CertoTextLink, i - 1).start)
        g_array_remove_index (links, i - 1);

    g_free (map);
    g_string_free (out, TRUE);
    collapsed = g_string_free (tight, FALSE);
  }

  *out_links = links;
  return g_utf8_make_valid (collapsed, -1);
}

/* Helpers: the two languages of a localised line */

/* The end of the </span> that closes the span whose content starts at
 * @p (spans nest: the English text sits in a span inside a span) */
static const char *
span_end (const char *p,
          const char **out_content_end)
{
  guint depth = 1;

  while (*p != '\0')
    {
      if (g_str_has_prefix (p, "<span"))
        depth++;
      else if (g_str_has_prefix (p, "</span>"))
        {
          if (--depth == 0)
            {
              *out_content_end = p;
              return p + strlen ("</span>");
            }
        }
      p++;
    }

  return NULL;
}

/* Splits a line of `<span data-ttu-id>LOCAL</span><span
 * class="sxs-lookup"><span data-stu-id>ENGLISH</span></span>` pairs into
 * its local and English texts; text outside the pairs goes to both */
static void
split_languages (const char  *line,
                 char       **out_local,
                 char       **out_english)
{
  GString *local = g_string_new (NULL);
  GString *english = g_string_new (NULL);
  const char *p = line;

  while (*p != '\0')
    {
      const char *open_end;
      const char *content_end = NULL;
      const char *after;

      if (!g_str_has_prefix (p, "<span data-ttu-id") ||
          (open_end = strchr (p, '>')) == NULL ||
          (after = span_end (open_end + 1, &content_end)) == NULL)
        {
          g_string_append_c (local, *p);
          g_string_append_c (english, *p);
          p++;
          continue;
        }

      g_string_append_len (local, open_end + 1, content_end - open_end - 1);
      p = after;

      if (g_str_has_prefix (p, "<span class=\"sxs-lookup\">"))
        {
          const char *outer_after = span_end (p + strlen ("<span class=\"sxs-lookup\">"), &content_end);
          const char *inner = p + strlen ("<span class=\"sxs-lookup\">");
          const char *inner_open_end = strchr (inner, '>');
          const char *inner_content_end = NULL;

          if (outer_after != NULL && inner_open_end != NULL &&
              g_str_has_prefix (inner, "<span") &&
              span_end (inner_open_end + 1, &inner_content_end) != NULL)
            {
              g_string_append_len (english, inner_open_end + 1, inner_content_end - inner_open_end - 1);
              p = outer_after;
              continue;
            }
        }

      /* No English twin: the local text stands for both */
      g_string_append_len (english, local->str + local->len - (content_end - open_end - 1),
                           content_end - open_end - 1);
    }

  *out_local = g_string_free (local, FALSE);
  *out_english = g_string_free (english, FALSE);
}

/* Helpers: blocks */

static void
emit (Extractor          *self,
      const char         *language,
      CertoTextBlockKind  kind,
      guint               level,
      const char         *markdown)
{
  g_autoptr(GArray) links = NULL;
  g_autofree char *plain = inline_to_plain (self, markdown, &links);

  if (*plain == '\0' || self->n_blocks >= MAX_BLOCKS)
    return;

  if (strlen (plain) > MAX_BLOCK_BYTES)
    {
      const char *end = g_utf8_find_prev_char (plain, plain + MAX_BLOCK_BYTES);

      plain[end - plain] = '\0';
      for (guint i = links->len; i > 0; i--)
        if (g_array_index (links, CertoTextLink, i - 1).end > (guint) (end - plain))
          g_array_remove_index (links, i - 1);
    }

  certo_article_text_add_block (self->text, language, self->section, kind, level, plain,
                                g_steal_pointer (&links));
}

/* A block in every language the article has */
static void
emit_all (Extractor          *self,
          CertoTextBlockKind  kind,
          guint               level,
          const char         *markdown)
{
  if (self->bilingual)
    {
      g_autofree char *local = NULL;
      g_autofree char *english = NULL;

      split_languages (markdown, &local, &english);
      emit (self, self->local_lang, kind, level, local);
      emit (self, "en", kind, level, english);
    }
  else
    {
      emit (self, self->local_lang, kind, level, markdown);
    }
  self->n_blocks++;
}

static void
flush (Extractor *self)
{
  if (self->pending->len > 0 && self->in_section)
    emit_all (self, self->pending_kind, 0, self->pending->str);
  g_string_truncate (self->pending, 0);
}

/* The English words of a heading, folded, to find the sections */
static char *
heading_words (Extractor  *self,
               const char *markdown)
{
  g_autofree char *local = NULL;
  g_autofree char *english = NULL;
  g_autoptr(GArray) links = NULL;
  g_autofree char *plain = NULL;

  split_languages (markdown, &local, &english);
  plain = inline_to_plain (self, english, &links);
  return g_utf8_strdown (plain, -1);
}

static gboolean
starts_section (Extractor        *self,
                const char       *markdown,
                CertoTextSection *out_section)
{
  g_autofree char *words = heading_words (self, markdown);

  if (g_str_has_suffix (words, "overview") || strstr (markdown, "overview\"") != NULL)
    {
      *out_section = CERTO_TEXT_SECTION_OVERVIEW;
      return TRUE;
    }
  if (strstr (words, "frequently asked questions") != NULL || g_str_equal (words, "faq") ||
      strstr (markdown, "\"frequently-asked-questions\"") != NULL)
    {
      *out_section = CERTO_TEXT_SECTION_FAQ;
      return TRUE;
    }

  return FALSE;
}

static void
read_heading (Extractor  *self,
              guint       level,
              const char *markdown)
{
  CertoTextSection section;

  flush (self);

  if (self->in_section && level <= self->section_level)
    self->in_section = FALSE;

  if (!self->in_section && starts_section (self, markdown, &section))
    {
      self->in_section = TRUE;
      self->section = section;
      self->section_level = level;
      emit_all (self, CERTO_TEXT_BLOCK_HEADING, 1, markdown);
      return;
    }

  if (self->in_section)
    emit_all (self, CERTO_TEXT_BLOCK_HEADING, MIN (1 + level - self->section_level, 4), markdown);
}

/* "- item", "* item", "+ item", "1. item": the item's text, or NULL */
static const char *
list_item (const char *line)
{
  const char *p = line;

  if ((*p == '-' || *p == '*' || *p == '+') && p[1] == ' ')
    return p + 2;

  while (g_ascii_isdigit (*p))
    p++;
  if (p != line && p - line <= 9 && (*p == '.' || *p == ')') && p[1] == ' ')
    return p + 2;

  return NULL;
}

static void
read_line (Extractor  *self,
           const char *raw)
{
  g_autofree char *copy = g_strdup (raw);
  char *line = g_strstrip (copy);
  const char *item;
  guint level = 0;

  /* Quotes and notes read as their text */
  while (*line == '>')
    line = g_strchug (line + 1);
  if (g_str_has_prefix (line, "[!NOTE]") || g_str_has_prefix (line, "[!TIP]") ||
      g_str_has_prefix (line, "[!IMPORTANT]") || g_str_has_prefix (line, "[!WARNING]"))
    line = g_strchug (strchr (line, ']') + 1);

  while (line[level] == '#')
    level++;
  if (level > 0 && level <= 6 && line[level] == ' ')
    {
      read_heading (self, level, line + level + 1);
      return;
    }

  if (!self->in_section)
    return;

  /* Blank lines end blocks; tables, comments and includes are not prose */
  if (*line == '\0' || *line == '|' || g_str_has_prefix (line, "<!--") ||
      g_str_has_prefix (line, "[!INCLUDE") || g_str_has_prefix (line, "---"))
    {
      flush (self);
      return;
    }

  item = list_item (line);
  if (item != NULL)
    {
      flush (self);
      self->pending_kind = CERTO_TEXT_BLOCK_ITEM;
      g_string_append (self->pending, item);
      return;
    }

  if (self->pending->len == 0)
    self->pending_kind = CERTO_TEXT_BLOCK_PARAGRAPH;
  else
    g_string_append_c (self->pending, ' ');
  g_string_append (self->pending, line);
}

/* "ms.contentlocale: it-IT" → "it" */
static char *
read_front_matter_language (const char *line)
{
  g_autofree char *value = NULL;
  g_autofree char *tag = NULL;
  char *dash;

  if (!g_str_has_prefix (line, "ms.contentlocale:"))
    return NULL;

  value = g_strstrip (g_strdup (line + strlen ("ms.contentlocale:")));
  tag = g_ascii_strdown (value, -1);
  dash = strchr (tag, '-');
  if (dash != NULL)
    *dash = '\0';
  if (*tag == '\0' || strlen (tag) > 8)
    return NULL;

  return g_steal_pointer (&tag);
}
/* Public API */

/**
 * certo_article_text_extract:
 * @markdown: a compliance-offering article (markdown, UTF-8), its
 *   `[!INCLUDE]` lines already expanded or not
 * @base_uri: (nullable): the article's own address; relative links resolve
 *   against it only when it is an http or https URI (DESIGN.md, "Network")
 *
 * Keeps the overview (the section whose English heading ends in
 * "overview") and the FAQ ("Frequently asked questions") of the article,
 * with their sub-headings, paragraphs and list items, as plain text: no
 * markup, no HTML, links only to http and https addresses. A localised
 * article gives its local text (tagged with the language of
 * `ms.contentlocale`) and its English text; a plain one, one language
 * ("en" unless the front matter says otherwise).
 *
 * Returns: (transfer full): the text; empty when the article has neither
 *   section
 */
CertoArticleText *
certo_article_text_extract (GBytes     *markdown,
                            const char *base_uri)
{
  Extractor self = { 0 };
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  gsize length = 0;
  const char *data;
  guint first = 0;

  g_return_val_if_fail (markdown != NULL, NULL);

  data = g_bytes_get_data (markdown, &length);
  text = g_utf8_make_valid (data != NULL ? data : "", length);
  lines = g_strsplit (text, "\n", -1);

  self.base = base_uri != NULL && certo_uri_is_web (base_uri) ? base_uri : NULL;
  self.text = certo_article_text_new ();
  self.pending = g_string_new (NULL);
  self.bilingual = strstr (text, "class=\"sxs-lookup\"") != NULL;

  /* YAML front matter: only its language is read */
  if (lines[0] != NULL && g_str_equal (g_strstrip (lines[0]), "---"))
    {
      for (first = 1; lines[first] != NULL; first++)
        {
          char *line = g_strstrip (lines[first]);

          if (g_str_equal (line, "---"))
            {
              first++;
              break;
            }
          if (self.local_lang == NULL)
            self.local_lang = read_front_matter_language (line);
        }
    }
  if (self.local_lang == NULL || (self.bilingual && g_str_equal (self.local_lang, "en")))
    {
      g_free (self.local_lang);
      self.local_lang = g_strdup (self.bilingual ? "und" : "en");
    }

  for (guint i = first; lines[i] != NULL; i++)
    read_line (&self, lines[i]);
  flush (&self);

  g_string_free (self.pending, TRUE);
  g_free (self.local_lang);
  return self.text;
}
