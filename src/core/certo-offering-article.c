/* certo-offering-article.c — compliance-offering articles (markdown) to catalog updates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads the markdown Microsoft publishes for its compliance offerings
 * (`offering-*.md`, YAML front matter, plain English or localised with
 * `<span data-ttu-id>LOCAL</span><span class="sxs-lookup"><span
 * data-stu-id>ENGLISH</span></span>` pairs) and keeps only facts: names,
 * titles, links, numbers. Overview and FAQ prose are never copied.
 *
 * The reader is one pass over the lines, then one pass over what it found;
 * nothing in it recurses, every scan of a line is linear (a pathological
 * line of a megabyte of `[` or `<` costs one walk), and every list the input
 * grows is capped.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "certo-parse.h"
#include "certo-text.h"

typedef enum
{
  SECTION_NONE,
  SECTION_OTHER,
  SECTION_SERVICES,
  SECTION_CERTIFICATES,
  SECTION_REPORTS,
  SECTION_FAQ,
  SECTION_RESOURCES,
  SECTION_WHITEPAPERS,
  SECTION_BACKGROUNDER,
  SECTION_APPLICABILITY,
} Section;

typedef enum
{
  SPAN_OTHER,
  SPAN_LOCAL,
  SPAN_WRAP,
  SPAN_EN,
} SpanKind;

/* One markdown line in both languages, the spans resolved */
typedef struct
{
  GString *local;
  GString *en;
  char *anchor;            /* the first <a name="…">, or NULL */
  gboolean localized;      /* the line had a translated span */
} BiLine;

typedef struct
{
  char *text;              /* flattened link text */
  char *url;               /* as written */
} Link;

/* Ids handed out, and the next numeric suffix for each base */
typedef struct
{
  GHashTable *taken;
  GHashTable *next;
} IdSet;

/* A document as read, before the second pass derives its facts */
typedef struct
{
  Section section;
  CertoDocumentKind kind;  /* fixed by the section, or OTHER: from the title */
  CertoLocalized *title;
  char *en_title;
  char *family_id;         /* nullable */
  char *family_name;       /* nullable, English */
  GPtrArray *urls;         /* web links, first primary */
} RawDoc;

typedef struct
{
  CertoCatalogUpdate *update;
  const char *name;
  GUri *base;                  /* nullable: only a web base resolves relative links */
  char *local_lang;            /* nullable: "it" from ms.contentlocale */
  gboolean local_known;        /* ms.contentlocale was given */

  /* front matter */
  char *fm_title;
  char *fm_date;
  char *fm_lasthandoff;
  gboolean fm_microsoft;

  CertoLocalized *h1;
  char *h1_en;

  Section section;
  Section h2_section;
  char *h2_family_name;        /* "Office 365" from "## Office 365 and ISO 27001" */
  char *family_id;             /* the current ### family in certificates/reports */
  char *family_name;
  CertoLocalized *family_label;
  CertoLocalized *heading;     /* the current ## or ### heading */
  gboolean found_services;
  gboolean found_documents;
  gboolean backgrounder_done;

  gboolean in_env_table;
  gboolean env_header_seen;

  GPtrArray *raw_docs;         /* of RawDoc */
  IdSet *service_ids;
  GHashTable *service_names;   /* folded English name → TRUE */
  GHashTable *family_index;    /* id → CertoUpdateFamily (owned by update) */
  IdSet *env_ids;
  gboolean warned_services;
  gboolean warned_documents;
  gboolean warned_environments;
} Parser;

/* Caps: a real article has about 25 services and 40 links; matching
 * titles against service names costs services × documents */
#define MAX_SERVICES 500
#define MAX_DOCUMENTS 1000
#define MAX_ENVIRONMENTS 500
#define MAX_ENV_SERVICES 2000
#define MAX_SPAN_DEPTH 32
#define MAX_ID_LEN 64
#define MAX_SERVICE_ID_LEN 48

/* Certification bodies by the host of their certificate directories */
static const struct {
  const char *domain;
  const char *issuer;
} issuers[] = {
  { "bsigroup.com", "BSI" },
  { "schellman.com", "Schellman" },
  { "coalfire.com", "Coalfire" },
  { "a-lign.com", "A-LIGN" },
  { "dnv.com", "DNV" },
  { "tuvsud.com", "TÜV SÜD" },
  { "tuv.com", "TÜV Rheinland" },
  { "lrqa.com", "LRQA" },
  { "sgs.com", "SGS" },
  { "bureauveritas.com", "Bureau Veritas" },
  { "nqa.com", "NQA" },
};

/* The standards a document's title may mention, besides the article's own */
static const guint known_standards[] = { 27001, 27017, 27018 };

static void
bi_line_init (BiLine *line)
{
  line->local = g_string_new (NULL);
  line->en = g_string_new (NULL);
  line->anchor = NULL;
  line->localized = FALSE;
}

static void
bi_line_clear (BiLine *line)
{
  g_string_free (line->local, TRUE);
  g_string_free (line->en, TRUE);
  g_clear_pointer (&line->anchor, g_free);
}

static void
link_free (gpointer data)
{
  Link *link = data;

  g_free (link->text);
  g_free (link->url);
  g_free (link);
}

static void
raw_doc_free (gpointer data)
{
  RawDoc *doc = data;

  g_clear_pointer (&doc->title, certo_localized_unref);
  g_free (doc->en_title);
  g_free (doc->family_id);
  g_free (doc->family_name);
  g_ptr_array_unref (doc->urls);
  g_free (doc);
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
static char *
squeeze (const char *text)
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
static void
split_languages (const char *p,
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

                      link->text = squeeze (text->str);
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

static char *
flatten (const char *text,
         gsize       len,
         GPtrArray  *links)
{
  g_autoptr(GString) flat = g_string_new (NULL);

  parse_inline (text, text + len, flat, links);
  return squeeze (flat->str);
}

/* ISO/IEC standards: "ISO/IEC 27001:2013" → number 27001, year 2013 */
static gboolean
find_main_standard (const char *text,
                    guint      *number,
                    guint      *year)
{
  g_autoptr(GRegex) regex = NULL;
  g_autoptr(GMatchInfo) match = NULL;

  if (text == NULL)
    return FALSE;

  regex = g_regex_new ("ISO(?:/IEC)?[ -]?(\\d{5})(?:\\s*:\\s*(\\d{4}))?", G_REGEX_CASELESS, 0, NULL);
  if (!g_regex_match (regex, text, 0, &match))
    return FALSE;

  {
    g_autofree char *num = g_match_info_fetch (match, 1);
    g_autofree char *yr = g_match_info_fetch (match, 2);

    *number = (guint) g_ascii_strtoull (num, NULL, 10);
    *year = (yr != NULL && *yr != '\0') ? (guint) g_ascii_strtoull (yr, NULL, 10) : 0;
  }
  return TRUE;
}

static Section
classify_heading (const char *text)
{
  g_autofree char *folded = certo_text_fold (text);
  g_autofree char *padded = g_strdup_printf (" %s ", folded);

  if (*folded == '\0')
    return SECTION_OTHER;
  if (strstr (padded, " in scope ") != NULL)
    return strstr (padded, " applicability ") != NULL ? SECTION_APPLICABILITY : SECTION_SERVICES;
  if (strstr (padded, " audit") != NULL && strstr (padded, " certificate") != NULL)
    return SECTION_CERTIFICATES;
  if (strstr (padded, " assessments and reports ") != NULL ||
      strstr (padded, " assessment reports ") != NULL)
    return SECTION_REPORTS;
  if (strstr (padded, " frequently asked questions ") != NULL || strstr (padded, " faq ") != NULL)
    return SECTION_FAQ;
  if (strstr (padded, " white paper") != NULL || strstr (padded, " whitepaper") != NULL)
    return SECTION_WHITEPAPERS;
  if (strstr (padded, " backgrounder ") != NULL)
    return SECTION_BACKGROUNDER;
  if (g_str_equal (folded, "resources") || g_str_has_suffix (padded, " resources "))
    return SECTION_RESOURCES;

  return SECTION_OTHER;
}

static gboolean
is_document_section (Section section)
{
  return section == SECTION_CERTIFICATES || section == SECTION_REPORTS ||
         section == SECTION_FAQ || section == SECTION_RESOURCES ||
         section == SECTION_WHITEPAPERS || section == SECTION_BACKGROUNDER;
}

/* A link target as a web address: relative links resolve only against a web base */
static char *
web_url (Parser     *self,
         const char *url)
{
  g_autofree char *resolved = NULL;

  if (url == NULL || *url == '\0')
    return NULL;
  if (certo_uri_is_web (url))
    return g_strdup (url);
  if (self->base == NULL || g_uri_peek_scheme (url) != NULL)
    return NULL;

  {
    g_autoptr(GUri) uri = g_uri_parse_relative (self->base, url, G_URI_FLAGS_ENCODED, NULL);

    if (uri != NULL)
      resolved = g_uri_to_string (uri);
  }
  return certo_uri_is_web (resolved) ? g_steal_pointer (&resolved) : NULL;
}

static CertoLocalized *
make_localized (Parser     *self,
                const char *local,
                const char *en,
                gboolean    localized)
{
  CertoLocalized *text = certo_localized_new ();

  if (en != NULL && *en != '\0')
    certo_localized_set (text, "en", en);
  if (self->local_lang != NULL && local != NULL && *local != '\0')
    certo_localized_set (text, self->local_lang, local);
  else if (!self->local_known && localized && local != NULL && *local != '\0' &&
           g_strcmp0 (local, en) != 0)
    certo_localized_set (text, "", local);

  return text;
}

static void
register_family (Parser         *self,
                 const char     *id,
                 CertoLocalized *name)
{
  CertoUpdateFamily *family;

  if (id == NULL || g_hash_table_contains (self->family_index, id))
    return;

  family = certo_update_family_new ();
  family->id = g_strdup (id);
  family->name = certo_localized_ref (name);
  g_ptr_array_add (self->update->families, family);
  g_hash_table_insert (self->family_index, family->id, family);
}

static IdSet *
id_set_new (void)
{
  IdSet *set = g_new0 (IdSet, 1);

  set->taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  set->next = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return set;
}

static void
id_set_free (IdSet *set)
{
  g_hash_table_unref (set->taken);
  g_hash_table_unref (set->next);
  g_free (set);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IdSet, id_set_free)

/* @base, or @base-2, @base-3…: the next suffix is remembered per base, so
 * a thousand entries with one title cost a thousand lookups, not a million */
static char *
unique_id (IdSet      *set,
           const char *base)
{
  char *id;
  guint n;

  if (!g_hash_table_contains (set->taken, base))
    {
      g_hash_table_add (set->taken, g_strdup (base));
      return g_strdup (base);
    }

  n = GPOINTER_TO_UINT (g_hash_table_lookup (set->next, base));
  if (n < 2)
    n = 2;
  for (id = g_strdup_printf ("%s-%u", base, n); g_hash_table_contains (set->taken, id);
       id = g_strdup_printf ("%s-%u", base, ++n))
    g_free (id);
  g_hash_table_insert (set->next, g_strdup (base), GUINT_TO_POINTER (n + 1));
  g_hash_table_add (set->taken, g_strdup (id));
  return id;
}

/* "Power BI cloud service either as…" → "power-bi": the id is the name
 * without its description, "(formerly …)" or "— features" */
static char *
service_slug (const char *en)
{
  static const char *const cuts[] = { " cloud service", "—", " (formerly " };
  gsize len = strlen (en);
  g_autofree char *name = NULL;
  char *slug;

  for (guint i = 0; i < G_N_ELEMENTS (cuts); i++)
    {
      const char *hit = strstr (en, cuts[i]);

      if (hit != NULL && hit > en && (gsize) (hit - en) < len)
        len = hit - en;
    }
  name = g_strndup (en, len);
  slug = certo_text_slugify (name, MAX_SERVICE_ID_LEN);
  if (*slug == '\0')
    {
      g_free (slug);
      slug = certo_text_slugify (en, MAX_SERVICE_ID_LEN);
    }
  return slug;
}

static void
add_service (Parser     *self,
             BiLine     *line,
             const char *local_text,
             gsize       local_len,
             const char *en_text,
             gsize       en_len)
{
  g_autoptr(GPtrArray) links = g_ptr_array_new_with_free_func (link_free);
  g_autofree char *en = flatten (en_text, en_len, links);
  g_autofree char *local = flatten (local_text, local_len, NULL);
  g_autofree char *folded = certo_text_fold (en);
  g_autofree char *slug = NULL;
  CertoUpdateService *service;

  if (*folded == '\0' || g_hash_table_contains (self->service_names, folded))
    return;
  if (self->update->services->len >= MAX_SERVICES)
    {
      if (!self->warned_services)
        certo_catalog_update_add_warning (self->update, _("“%s” lists more than %u in-scope services; the rest were ignored"),
                                          self->name, MAX_SERVICES);
      self->warned_services = TRUE;
      return;
    }

  service = certo_update_service_new ();
  slug = service_slug (en);
  service->id = unique_id (self->service_ids, *slug != '\0' ? slug : "service");
  service->name = make_localized (self, local, en, line->localized);
  for (guint i = 0; i < links->len && service->url == NULL; i++)
    service->url = web_url (self, ((Link *) g_ptr_array_index (links, i))->url);
  g_ptr_array_add (self->update->services, service);
  g_hash_table_add (self->service_names, g_steal_pointer (&folded));
}

static RawDoc *
add_raw_doc (Parser         *self,
             CertoLocalized *title,
             const char     *en_title,
             GPtrArray      *links,
             guint           first_link)
{
  RawDoc *doc;
  g_autoptr(GPtrArray) urls = g_ptr_array_new_with_free_func (g_free);

  for (guint i = first_link; i < links->len; i++)
    {
      Link *link = g_ptr_array_index (links, i);
      char *url = web_url (self, link->url);

      if (url != NULL)
        g_ptr_array_add (urls, url);
    }

  if (urls->len == 0)
    {
      if (links->len > first_link)
        certo_catalog_update_add_warning (self->update, _("Skipped “%s”: its link “%s” is not an http or https address"),
                                          en_title, ((Link *) g_ptr_array_index (links, first_link))->url);
      return NULL;
    }
  if (self->raw_docs->len >= MAX_DOCUMENTS)
    {
      if (!self->warned_documents)
        certo_catalog_update_add_warning (self->update, _("“%s” links more than %u documents; the rest were ignored"),
                                          self->name, MAX_DOCUMENTS);
      self->warned_documents = TRUE;
      return NULL;
    }

  doc = g_new0 (RawDoc, 1);
  doc->section = self->section;
  doc->kind = CERTO_DOCUMENT_KIND_OTHER;
  doc->title = certo_localized_ref (title);
  doc->en_title = g_strdup (en_title);
  doc->urls = g_steal_pointer (&urls);
  if (self->section == SECTION_CERTIFICATES || self->section == SECTION_REPORTS)
    {
      if (self->family_id != NULL)
        {
          doc->family_id = g_strdup (self->family_id);
          doc->family_name = g_strdup (self->family_name);
          register_family (self, self->family_id, self->family_label);
        }
      else if (self->h2_family_name != NULL)
        {
          g_autoptr(CertoLocalized) label = certo_localized_new ();
          g_autofree char *id = certo_text_slugify (self->h2_family_name, 32);

          if (*id != '\0')
            {
              certo_localized_set (label, "en", self->h2_family_name);
              doc->family_id = g_steal_pointer (&id);
              doc->family_name = g_strdup (self->h2_family_name);
              register_family (self, doc->family_id, label);
            }
        }
    }
  g_ptr_array_add (self->raw_docs, doc);
  return doc;
}

/* "Office 365 and ISO 27001" → "Office 365": the family of a 2023-layout section */
static char *
family_from_heading (const char *en)
{
  const char *p;

  for (p = en; (p = strstr (p, " and ISO")) != NULL; p++)
    {
      char next = p[8];

      if (next == ' ' || next == '/' || next == '-' || next == '\0')
        {
          g_autofree char *name = g_strndup (en, p - en);
          char *end;

          g_strstrip (name);
          end = name + strlen (name);
          while (end > name && (end[-1] == ',' || end[-1] == ' '))
            *--end = '\0';
          return *name != '\0' ? g_steal_pointer (&name) : NULL;
        }
    }
  return NULL;
}

/* The optional closing sequence of an ATX heading (CommonMark §4.2) */
static void
strip_closing_hashes (char *text)
{
  gsize len = strlen (text);

  while (len > 0 && g_ascii_isspace (text[len - 1]))
    len--;
  while (len > 0 && text[len - 1] == '#')
    len--;
  while (len > 0 && g_ascii_isspace (text[len - 1]))
    len--;
  text[len] = '\0';
}

static void
handle_heading (Parser   *self,
                guint     level,
                BiLine   *line,
                gsize     local_skip,
                gsize     en_skip)
{
  g_autofree char *en = flatten (line->en->str + en_skip, line->en->len - en_skip, NULL);
  g_autofree char *local = flatten (line->local->str + MIN (local_skip, line->local->len),
                                    line->local->len - MIN (local_skip, line->local->len), NULL);
  g_autoptr(CertoLocalized) label = NULL;
  Section section;

  strip_closing_hashes (en);
  strip_closing_hashes (local);

  label = make_localized (self, local, en, line->localized);
  self->in_env_table = FALSE;

  if (level == 1)
    {
      if (self->h1 == NULL && *en != '\0')
        {
          self->h1 = certo_localized_ref (label);
          self->h1_en = g_strdup (en);
        }
      self->section = SECTION_NONE;
      return;
    }
  if (level > 3)
    return;

  section = classify_heading (en);
  if (section == SECTION_OTHER && line->anchor != NULL)
    section = classify_heading (line->anchor);

  g_clear_pointer (&self->heading, certo_localized_unref);
  self->heading = certo_localized_ref (label);

  if (level == 2)
    {
      g_clear_pointer (&self->h2_family_name, g_free);
      g_clear_pointer (&self->family_id, g_free);
      g_clear_pointer (&self->family_name, g_free);
      g_clear_pointer (&self->family_label, certo_localized_unref);
      if (section == SECTION_OTHER)
        self->h2_family_name = family_from_heading (en);
      self->h2_section = section;
      self->section = section;
    }
  else if (section != SECTION_OTHER)
    {
      self->section = section;
      g_clear_pointer (&self->family_id, g_free);
      g_clear_pointer (&self->family_name, g_free);
      g_clear_pointer (&self->family_label, certo_localized_unref);
    }
  else if (self->h2_section == SECTION_CERTIFICATES || self->h2_section == SECTION_REPORTS)
    {
      g_autofree char *id = certo_text_slugify (line->anchor != NULL ? line->anchor : en, 32);

      self->section = self->h2_section;
      g_clear_pointer (&self->family_id, g_free);
      g_clear_pointer (&self->family_name, g_free);
      g_clear_pointer (&self->family_label, certo_localized_unref);
      if (*id == '\0')
        {
          g_free (id);
          id = certo_text_slugify (en, 32);
        }
      if (*id != '\0' && *en != '\0')
        {
          self->family_id = g_steal_pointer (&id);
          self->family_name = g_strdup (en);
          self->family_label = certo_localized_ref (label);
        }
    }
  else if (!is_document_section (self->h2_section) && self->h2_section != SECTION_SERVICES)
    {
      self->section = SECTION_OTHER;
    }

  if (section == SECTION_SERVICES)
    self->found_services = TRUE;
  if (section == SECTION_CERTIFICATES || section == SECTION_REPORTS)
    self->found_documents = TRUE;
}

/* Cells of a table row, '|' escaped with a backslash kept in its cell */
static GPtrArray *
split_cells (const char *row)
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

static gboolean
is_delimiter_row (GPtrArray *cells)
{
  for (guint i = 0; i < cells->len; i++)
    for (const char *p = g_ptr_array_index (cells, i); *p != '\0'; p++)
      if (*p != '-' && *p != ':' && *p != ' ' && *p != '\t')
        return FALSE;
  return cells->len > 0;
}

/* "A, B (including C, D), E" → A / B (including C, D) / E */
static void
split_outside_parens (const char *text,
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
          g_autofree char *name = squeeze (item);
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

static void
handle_table_row (Parser *self,
                  BiLine *line)
{
  g_autoptr(GPtrArray) en_cells = split_cells (line->en->str);
  g_autoptr(GPtrArray) local_cells = split_cells (line->local->str);
  g_autofree char *first = NULL;
  g_autofree char *local_first = NULL;
  g_autofree char *services = NULL;
  g_autofree char *slug = NULL;
  g_autofree char *family_id = NULL;
  g_autofree char *base = NULL;
  g_autofree char *folded = NULL;
  CertoUpdateEnvironment *env;

  if (en_cells->len == 0)
    return;
  first = flatten (g_ptr_array_index (en_cells, 0), strlen (g_ptr_array_index (en_cells, 0)), NULL);
  folded = certo_text_fold (first);

  if (!self->in_env_table)
    {
      /* only a table whose first column is "Applicability" lists environments */
      self->in_env_table = TRUE;
      self->env_header_seen = g_str_equal (folded, "applicability");
      return;
    }
  if (!self->env_header_seen || is_delimiter_row (en_cells) || en_cells->len < 2 || *first == '\0')
    return;
  if (self->update->environments->len >= MAX_ENVIRONMENTS)
    {
      if (!self->warned_environments)
        certo_catalog_update_add_warning (self->update, _("“%s” has more than %u environments; the rest were ignored"),
                                          self->name, MAX_ENVIRONMENTS);
      self->warned_environments = TRUE;
      return;
    }

  if (local_cells->len == en_cells->len)
    local_first = flatten (g_ptr_array_index (local_cells, 0), strlen (g_ptr_array_index (local_cells, 0)), NULL);
  services = flatten (g_ptr_array_index (en_cells, 1), strlen (g_ptr_array_index (en_cells, 1)), NULL);

  env = certo_update_environment_new ();
  env->name = make_localized (self, local_first, first, line->localized);
  if (self->h2_family_name != NULL)
    {
      g_autoptr(CertoLocalized) label = certo_localized_new ();

      family_id = certo_text_slugify (self->h2_family_name, 32);
      if (*family_id != '\0')
        {
          certo_localized_set (label, "en", self->h2_family_name);
          register_family (self, family_id, label);
          env->family = g_strdup (family_id);
        }
    }
  slug = certo_text_slugify (first, 48);
  base = g_strdup_printf ("%s-%s", env->family != NULL ? env->family : "environment",
                          *slug != '\0' ? slug : "unnamed");
  env->id = unique_id (self->env_ids, base);
  split_outside_parens (services, env->service_names, MAX_ENV_SERVICES);
  g_ptr_array_add (self->update->environments, env);
}

static void
handle_links_in_faq (Parser *self,
                     BiLine *line)
{
  g_autoptr(GPtrArray) en_links = g_ptr_array_new_with_free_func (link_free);
  g_autoptr(GPtrArray) local_links = g_ptr_array_new_with_free_func (link_free);
  g_autofree char *en = flatten (line->en->str, line->en->len, en_links);
  g_autofree char *local = flatten (line->local->str, line->local->len, local_links);

  for (guint i = 0; i < en_links->len; i++)
    {
      Link *link = g_ptr_array_index (en_links, i);
      g_autofree char *folded = certo_text_fold (link->text);
      g_autofree char *padded = g_strdup_printf (" %s ", folded);
      g_autoptr(GPtrArray) one = g_ptr_array_new ();
      g_autoptr(CertoLocalized) title = NULL;
      const char *local_text = link->text;
      RawDoc *doc;

      if (strstr (padded, " certificate ") == NULL)
        continue;
      if (local_links->len == en_links->len)
        local_text = ((Link *) g_ptr_array_index (local_links, i))->text;
      title = make_localized (self, local_text, link->text, line->localized);
      g_ptr_array_add (one, link);
      doc = add_raw_doc (self, title, link->text, one, 0);
      if (doc != NULL)
        doc->kind = CERTO_DOCUMENT_KIND_CERTIFICATE;
    }
}

static void
handle_backgrounder (Parser *self,
                     BiLine *line)
{
  g_autoptr(GPtrArray) links = g_ptr_array_new_with_free_func (link_free);
  g_autofree char *en = flatten (line->en->str, line->en->len, links);
  const char *en_title;
  RawDoc *doc;

  if (links->len == 0 || self->heading == NULL)
    return;
  en_title = certo_localized_get (self->heading, "en");
  g_ptr_array_set_size (links, 1);
  doc = add_raw_doc (self, self->heading, en_title ? en_title : "", links, 0);
  if (doc != NULL)
    {
      doc->kind = CERTO_DOCUMENT_KIND_BACKGROUNDER;
      self->backgrounder_done = TRUE;
    }
}

static void
handle_list_item (Parser     *self,
                  BiLine     *line,
                  const char *local_text,
                  gsize       local_len,
                  const char *en_text,
                  gsize       en_len)
{
  g_autoptr(GPtrArray) links = g_ptr_array_new_with_free_func (link_free);
  g_autofree char *en = NULL;
  g_autofree char *local = NULL;
  g_autoptr(CertoLocalized) title = NULL;
  RawDoc *doc;

  if (self->section == SECTION_SERVICES)
    {
      add_service (self, line, local_text, local_len, en_text, en_len);
      return;
    }
  if (self->section != SECTION_CERTIFICATES && self->section != SECTION_REPORTS &&
      self->section != SECTION_RESOURCES && self->section != SECTION_WHITEPAPERS)
    return;

  en = flatten (en_text, en_len, links);
  local = flatten (local_text, local_len, NULL);
  if (*en == '\0')
    return;
  if (links->len == 0)
    {
      if (self->section == SECTION_CERTIFICATES || self->section == SECTION_REPORTS)
        certo_catalog_update_add_warning (self->update, _("Skipped “%s”: it has no link"), en);
      return;
    }

  title = make_localized (self, local, en, line->localized);
  doc = add_raw_doc (self, title, en, links, 0);
  if (doc == NULL)
    return;
  if (self->section == SECTION_RESOURCES)
    doc->kind = CERTO_DOCUMENT_KIND_RESOURCE;
  else if (self->section == SECTION_WHITEPAPERS)
    doc->kind = CERTO_DOCUMENT_KIND_WHITEPAPER;
}

/* Length of a list marker ("- ", "* ", "12. ") at @p, or 0 */
static gsize
list_marker (const char *p)
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

static gsize
leading_space (const char *p)
{
  const char *q = p;

  while (*q == ' ' || *q == '\t')
    q++;
  return q - p;
}

static void
handle_line (Parser     *self,
             const char *text,
             gsize       len)
{
  BiLine line;
  const char *en;
  const char *local;
  gsize en_indent;
  gsize local_indent;
  gsize marker;
  guint level = 0;

  bi_line_init (&line);
  split_languages (text, text + len, &line);

  en_indent = leading_space (line.en->str);
  local_indent = leading_space (line.local->str);
  en = line.en->str + en_indent;
  local = line.local->str + local_indent;

  if (*en == '\0')
    {
      self->in_env_table = FALSE;
      goto out;
    }

  while (en[level] == '#' && level < 7)
    level++;
  if (en_indent < 4 && level >= 1 && level <= 6 && (en[level] == ' ' || en[level] == '\t' || en[level] == '\0'))
    {
      gsize local_level = 0;

      while (local[local_level] == '#')
        local_level++;
      handle_heading (self, level, &line, local_indent + local_level, en_indent + level);
      goto out;
    }

  if (*en == '|')
    {
      handle_table_row (self, &line);
      goto out;
    }
  self->in_env_table = FALSE;

  if (self->section == SECTION_FAQ)
    {
      handle_links_in_faq (self, &line);
      goto out;
    }
  if (self->section == SECTION_BACKGROUNDER)
    {
      if (!self->backgrounder_done)
        handle_backgrounder (self, &line);
      goto out;
    }

  marker = list_marker (en);
  if (marker > 0)
    {
      gsize local_marker = list_marker (local);

      if (local_marker == 0)
        {
          /* the local line lost its structure: use the English for both */
          local = en;
          local_marker = marker;
        }
      handle_list_item (self, &line,
                        local + local_marker, strlen (local + local_marker),
                        en + marker, strlen (en + marker));
    }

out:
  bi_line_clear (&line);
}

static void
set_str (char       **slot,
         const char  *value)
{
  g_free (*slot);
  *slot = g_strdup (value);
}

static char *
unquote (const char *value)
{
  g_autofree char *v = g_strstrip (g_strdup (value));
  gsize n = strlen (v);

  if (n >= 2 && (v[0] == '"' || v[0] == '\'') && v[n - 1] == v[0])
    return g_strndup (v + 1, n - 2);
  return g_steal_pointer (&v);
}

static void
handle_front_matter_line (Parser     *self,
                          const char *text,
                          gsize       len)
{
  g_autofree char *line = g_strndup (text, len);
  char *colon = strchr (line, ':');
  g_autofree char *value = NULL;
  char *key;

  if (colon == NULL || line[0] == ' ' || line[0] == '\t' || line[0] == '-' || line[0] == '#')
    return;
  *colon = '\0';
  key = g_strstrip (line);
  value = unquote (colon + 1);

  if (g_str_has_prefix (key, "ms."))
    self->fm_microsoft = TRUE;
  if (g_str_equal (key, "titleSuffix") && strstr (value, "Microsoft") != NULL)
    self->fm_microsoft = TRUE;

  if (g_str_equal (key, "title") && *value != '\0')
    set_str (&self->fm_title, value);
  else if (g_str_equal (key, "ms.date"))
    set_str (&self->fm_date, value);
  else if (g_str_equal (key, "ms.lasthandoff"))
    set_str (&self->fm_lasthandoff, value);
  else if (g_str_equal (key, "ms.contentlocale") && *value != '\0')
    {
      g_auto(GStrv) parts = g_strsplit_set (value, "-_", 2);
      g_autofree char *lang = g_ascii_strdown (parts[0], -1);
      gboolean ok = *lang != '\0' && strlen (lang) <= 3;

      for (const char *p = lang; *p != '\0' && ok; p++)
        ok = g_ascii_isalpha (*p);
      if (!ok)
        return;
      self->local_known = TRUE;
      g_clear_pointer (&self->local_lang, g_free);
      /* Chinese and Portuguese are written differently by region */
      if ((g_str_equal (lang, "zh") || g_str_equal (lang, "pt")) && parts[1] != NULL)
        self->local_lang = g_strdup_printf ("%s-%s", lang, parts[1]);
      else if (!g_str_equal (lang, "en"))
        self->local_lang = g_steal_pointer (&lang);
    }
}

/* "02/07/2020" (the Docs MM/DD/YYYY form) or "2020-02-07" → "2020-02-07" */
static char *
parse_date (const char *text)
{
  guint y = 0, m = 0, d = 0;
  char tail = 0;

  if (text == NULL)
    return NULL;
  if (sscanf (text, "%2u/%2u/%4u%c", &m, &d, &y, &tail) != 3 &&
      sscanf (text, "%4u-%2u-%2u%c", &y, &m, &d, &tail) != 3)
    return NULL;
  if (y < 1900 || y > 9999 || !g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    return NULL;
  return g_strdup_printf ("%04u-%02u-%02u", y, m, d);
}

/* The end of the line at @p and the start of the next: \n, \r\n or \r */
static const char *
next_line (const char  *p,
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

static gboolean
is_fence (const char *p,
          gsize       len,
          const char *fence)
{
  return len == 3 && memcmp (p, fence, 3) == 0;
}

/* Front matter first (when the text opens with "---"), then markdown lines */
static void
read_lines (Parser     *self,
            const char *text,
            gsize       length)
{
  const char *p = text;
  const char *end = text + length;
  const char *body;
  gsize len;

  if (length >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    p += 3;

  body = p;
  {
    const char *q = next_line (p, end, &len);

    if (is_fence (p, len, "---"))
      {
        /* front matter only when it is closed; else it was a rule */
        const char *scan = q;

        while (scan < end)
          {
            const char *line = scan;

            scan = next_line (line, end, &len);
            if (is_fence (line, len, "---") || is_fence (line, len, "..."))
              {
                for (const char *fm = q; fm < line;)
                  {
                    const char *fm_next = next_line (fm, end, &len);

                    handle_front_matter_line (self, fm, len);
                    fm = fm_next;
                  }
                body = scan;
                break;
              }
          }
      }
  }

  for (p = body; p < end;)
    {
      const char *next = next_line (p, end, &len);

      handle_line (self, p, len);
      p = next;
    }
}

/* --- an article cut off: an interrupted download or copy --- */

typedef enum
{
  CUT_NONE,
  CUT_LINK,
  CUT_TAG,
  CUT_SPAN,
  CUT_TABLE_ROW,
  CUT_LIST_ITEM,
  CUT_HEADING,
  CUT_COMMENT,
  CUT_FRONT_MATTER,
  CUT_SENTENCE,
} CutKind;

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
  if (list_marker (p) > 0)
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
static CutKind
find_cut (const char  *text,
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
      const char *p = next_line (text, end, &len);
      gboolean closed = FALSE;

      while (p < end && !closed)
        {
          const char *q = next_line (p, end, &len);

          closed = is_fence (p, len, "---") || is_fence (p, len, "...");
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

    bi_line_init (&bi);
    split_languages (line, content_end, &bi);
    en = bi.en->str + leading_space (bi.en->str);
    while (en[level] == '#' && level < 7)
      level++;
    if (level >= 2 && level <= 6 && (en[level] == ' ' || en[level] == '\t'))
      {
        g_autofree char *heading = flatten (en + level, strlen (en + level), NULL);

        strip_closing_hashes (heading);
        if (*heading != '\0')
          {
            kind = CUT_HEADING;
            if (out_heading != NULL)
              *out_heading = g_steal_pointer (&heading);
          }
      }
    bi_line_clear (&bi);
    return kind;
  }
}

static void
set_cut_error (GError     **error,
               const char  *name,
               CutKind      kind,
               const char  *heading)
{
  const char *format;

  switch (kind)
    {
    case CUT_LINK:
      format = _("“%s” seems cut off (it ends in the middle of a link); download it again");
      break;
    case CUT_TAG:
      format = _("“%s” seems cut off (it ends in the middle of an HTML tag); download it again");
      break;
    case CUT_SPAN:
      format = _("“%s” seems cut off (it ends in the middle of a translated sentence); download it again");
      break;
    case CUT_TABLE_ROW:
      format = _("“%s” seems cut off (it ends in the middle of a table row); download it again");
      break;
    case CUT_LIST_ITEM:
      format = _("“%s” seems cut off (it ends in the middle of a list item); download it again");
      break;
    case CUT_COMMENT:
      format = _("“%s” seems cut off (it ends inside an HTML comment); download it again");
      break;
    case CUT_FRONT_MATTER:
      format = _("“%s” seems cut off (it ends inside its front matter); download it again");
      break;
    case CUT_SENTENCE:
      format = _("“%s” seems cut off (it ends in the middle of a sentence); download it again");
      break;
    case CUT_HEADING:
      {
        g_autofree char *shown = certo_text_escape_unsafe (heading);

        g_set_error (error, CERTO_PARSE_ERROR, CERTO_PARSE_ERROR_TRUNCATED,
                     /* Translators: the first %s is a file name, the second a heading of the article */
                     _("“%s” seems cut off (it ends with the heading “%s” and nothing after it); download it again"),
                     name, shown);
        return;
      }
    case CUT_NONE:
    default:
      g_return_if_reached ();
    }

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  g_set_error (error, CERTO_PARSE_ERROR, CERTO_PARSE_ERROR_TRUNCATED, format, name);
#pragma GCC diagnostic pop
}

/* --- second pass: facts from the English titles --- */

typedef struct
{
  GHashTable *forms;        /* folded match form → CertoUpdateService (first wins) */
  GHashTable *by_id;        /* id → CertoUpdateService */
  GPtrArray *folded;        /* folded English name of each service, in order */
} ServiceIndex;

static void
add_form (GPtrArray  *list,
          const char *form)
{
  g_autofree char *folded = certo_text_fold (form);

  if (*folded == '\0')
    return;
  if (g_str_has_prefix (folded, "microsoft ") && folded[10] != '\0')
    g_ptr_array_add (list, g_strdup (folded + 10));
  g_ptr_array_add (list, g_steal_pointer (&folded));
}

/* Names by which a title's list may name a service (see the file's tests) */
static GPtrArray *
service_forms (const char *name)
{
  GPtrArray *candidates = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *forms = g_ptr_array_new_with_free_func (g_free);
  const char *p;
  guint n;

  g_ptr_array_add (candidates, g_strdup (name));
  if ((p = strstr (name, " cloud service")) != NULL)
    g_ptr_array_add (candidates, g_strndup (name, p - name));
  for (n = candidates->len; n-- > 0;)
    {
      const char *c = g_ptr_array_index (candidates, n);

      if ((p = strstr (c, "—")) != NULL || (p = strstr (c, " - ")) != NULL)
        g_ptr_array_add (candidates, g_strstrip (g_strndup (c, p - c)));
    }
  for (n = candidates->len; n-- > 0;)
    {
      const char *c = g_ptr_array_index (candidates, n);

      if ((p = strchr (c, ',')) != NULL)
        g_ptr_array_add (candidates, g_strstrip (g_strndup (c, p - c)));
    }
  for (n = candidates->len; n-- > 0;)
    {
      const char *c = g_ptr_array_index (candidates, n);
      const char *open = strstr (c, "(formerly ");
      const char *close = open ? strchr (open, ')') : NULL;

      if (open != NULL && close != NULL)
        {
          g_autofree char *before = g_strndup (c, open - c);

          g_ptr_array_add (candidates, g_strndup (open + 10, close - open - 10));
          g_ptr_array_add (candidates, g_strstrip (g_strconcat (before, close + 1, NULL)));
        }
    }

  for (n = 0; n < candidates->len; n++)
    add_form (forms, g_ptr_array_index (candidates, n));
  g_ptr_array_unref (candidates);
  return forms;
}

static void
service_index_init (ServiceIndex       *index,
                    CertoCatalogUpdate *update)
{
  index->forms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  index->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  index->folded = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < update->services->len; i++)
    {
      CertoUpdateService *service = g_ptr_array_index (update->services, i);

      g_hash_table_insert (index->by_id, service->id, service);
      g_ptr_array_add (index->folded, certo_text_fold (certo_localized_get (service->name, "en")));
    }

  /* full names first, so a full name beats another service's short form */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < update->services->len; i++)
      {
        CertoUpdateService *service = g_ptr_array_index (update->services, i);
        const char *en = certo_localized_get (service->name, "en");
        g_autoptr(GPtrArray) forms = service_forms (en ? en : "");

        for (guint f = 0; f < forms->len; f++)
          {
            const char *form = g_ptr_array_index (forms, f);
            g_autofree char *full = certo_text_fold (en);

            if ((pass == 0) != g_str_equal (form, full))
              continue;
            if (!g_hash_table_contains (index->forms, form))
              g_hash_table_insert (index->forms, g_strdup (form), service);
          }
      }
}

static CertoUpdateService *
service_index_lookup (ServiceIndex *index,
                      const char   *item)
{
  g_autofree char *folded = certo_text_fold (item);
  CertoUpdateService *service = g_hash_table_lookup (index->forms, folded);

  if (service == NULL && g_str_has_prefix (folded, "microsoft "))
    service = g_hash_table_lookup (index->forms, folded + 10);
  return service;
}

/* Appends the strings of @src missing from @dest, in order: O(n + m) */
static void
union_into (GPtrArray *dest,
            GPtrArray *src)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < dest->len; i++)
    g_hash_table_add (seen, g_ptr_array_index (dest, i));
  for (guint i = 0; i < src->len; i++)
    {
      char *value = g_ptr_array_index (src, i);

      if (g_hash_table_add (seen, value))
        g_ptr_array_add (dest, g_strdup (value));
    }
}

/* Services whose English name begins with the family's */
static void
cover_family (CertoCatalogUpdate  *update,
              ServiceIndex        *index,
              CertoUpdateDocument *doc,
              const char          *family_name)
{
  g_autofree char *family = certo_text_fold (family_name);
  gsize n = strlen (family);

  if (n == 0 || doc->services->len > 0)
    return;
  for (guint i = 0; i < update->services->len; i++)
    {
      const char *folded = g_ptr_array_index (index->folded, i);

      if (strncmp (folded, family, n) == 0 && (folded[n] == '\0' || folded[n] == ' '))
        g_ptr_array_add (doc->services, g_strdup (((CertoUpdateService *) g_ptr_array_index (update->services, i))->id));
    }
}

/* The text before the first "—" or ": " names the covered services.
 * Returns TRUE when it did, FALSE when the family rule was used. */
static gboolean
cover_services (CertoCatalogUpdate  *update,
                ServiceIndex        *index,
                CertoUpdateDocument *doc,
                const RawDoc        *raw)
{
  const char *title = raw->en_title;
  const char *dash = strstr (title, "—");
  const char *colon = strstr (title, ": ");
  const char *sep = dash;
  g_autofree char *pre = NULL;
  g_autofree char *folded_pre = NULL;
  g_autofree char *folded_family = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (colon != NULL && (sep == NULL || colon < sep))
    sep = colon;
  if (sep == NULL)
    goto family_rule;

  pre = g_strstrip (g_strndup (title, sep - title));
  folded_pre = certo_text_fold (pre);
  folded_family = certo_text_fold (raw->family_name);
  if (*folded_pre == '\0' || g_str_equal (folded_pre, folded_family))
    goto family_rule;

  split_outside_parens (pre, items, MAX_SERVICES);
  for (guint i = 0; i < items->len; i++)
    {
      g_auto(GStrv) parts = g_strsplit (g_ptr_array_index (items, i), " and ", -1);

      for (guint j = 0; parts[j] != NULL; j++)
        {
          g_autofree char *name = squeeze (parts[j]);
          CertoUpdateService *service;

          if (*name == '\0')
            continue;
          if (ids->len + names->len >= MAX_SERVICES)
            break;
          service = service_index_lookup (index, name);
          if (!g_hash_table_add (seen, g_strdup (service != NULL ? service->id : name)))
            continue;
          g_ptr_array_add (service != NULL ? ids : names, g_strdup (service != NULL ? service->id : name));
        }
    }

  /* a list that names no in-scope service is a description, not a list */
  if (ids->len > 0)
    {
      union_into (doc->services, ids);
      union_into (doc->service_names, names);
      return TRUE;
    }

family_rule:
  if (raw->family_name != NULL)
    cover_family (update, index, doc, raw->family_name);
  return FALSE;
}

static gboolean
contains_word (const char *padded_folded,
               const char *words)
{
  g_autofree char *needle = g_strdup_printf (" %s ", words);

  return strstr (padded_folded, needle) != NULL;
}

static CertoDocumentKind
kind_from_title (const char *en_title,
                 gboolean    numbered,
                 Section     section)
{
  g_autofree char *folded = certo_text_fold (en_title);
  g_autofree char *padded = g_strdup_printf (" %s ", folded);

  if (contains_word (padded, "statement of applicability") ||
      contains_word (padded, "statement of authority") || contains_word (padded, "soa"))
    return CERTO_DOCUMENT_KIND_SOA;
  if (contains_word (padded, "audit assessment report") || contains_word (padded, "audit report") ||
      contains_word (padded, "assessment report"))
    return CERTO_DOCUMENT_KIND_AUDIT_REPORT;
  if (contains_word (padded, "certificate") || numbered)
    return CERTO_DOCUMENT_KIND_CERTIFICATE;
  return section == SECTION_CERTIFICATES ? CERTO_DOCUMENT_KIND_CERTIFICATE : CERTO_DOCUMENT_KIND_OTHER;
}

/* "IS 619017" from a title, or from an issuer URL's licencenumber= */
static char *
certificate_number (const RawDoc *raw)
{
  g_autoptr(GRegex) regex = g_regex_new ("\\bIS ?(\\d{4,10})\\b", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;

  if (g_regex_match (regex, raw->en_title, 0, &match))
    {
      g_autofree char *digits = g_match_info_fetch (match, 1);

      return g_strdup_printf ("IS %s", digits);
    }

  for (guint i = 0; i < raw->urls->len; i++)
    {
      g_autoptr(GUri) uri = g_uri_parse (g_ptr_array_index (raw->urls, i), G_URI_FLAGS_ENCODED, NULL);
      g_autoptr(GHashTable) params = NULL;
      const char *value = NULL;

      if (uri == NULL || g_uri_get_query (uri) == NULL)
        continue;
      params = g_uri_parse_params (g_uri_get_query (uri), -1, "&;",
                                   G_URI_PARAMS_CASE_INSENSITIVE | G_URI_PARAMS_WWW_FORM, NULL);
      if (params == NULL)
        continue;
      value = g_hash_table_lookup (params, "licencenumber");
      if (value == NULL)
        value = g_hash_table_lookup (params, "licensenumber");
      if (value != NULL && g_utf8_validate (value, -1, NULL))
        {
          g_autofree char *squeezed = squeeze (value);
          g_autoptr(GRegex) number = g_regex_new ("^([A-Za-z]{1,8}) ?(\\d{1,12})$", 0, 0, NULL);
          g_autoptr(GMatchInfo) m = NULL;

          if (g_regex_match (number, squeezed, 0, &m))
            {
              g_autofree char *prefix = g_match_info_fetch (m, 1);
              g_autofree char *digits = g_match_info_fetch (m, 2);
              g_autofree char *upper = g_ascii_strup (prefix, -1);

              return g_strdup_printf ("%s %s", upper, digits);
            }
          if (*squeezed != '\0' && strlen (squeezed) <= 32)
            return g_steal_pointer (&squeezed);
        }
    }
  return NULL;
}

static const char *
issuer_for (GPtrArray *urls)
{
  for (guint i = 0; i < urls->len; i++)
    {
      g_autoptr(GUri) uri = g_uri_parse (g_ptr_array_index (urls, i), G_URI_FLAGS_ENCODED, NULL);
      const char *host = uri ? g_uri_get_host (uri) : NULL;

      if (host == NULL)
        continue;
      for (guint j = 0; j < G_N_ELEMENTS (issuers); j++)
        {
          gsize hl = strlen (host);
          gsize dl = strlen (issuers[j].domain);

          if (g_ascii_strcasecmp (host, issuers[j].domain) == 0 ||
              (hl > dl && host[hl - dl - 1] == '.' &&
               g_ascii_strcasecmp (host + hl - dl, issuers[j].domain) == 0))
            return issuers[j].issuer;
        }
    }
  return NULL;
}

typedef struct
{
  guint number;
  guint year;
  gboolean found;
} MainStandard;

static char *
standard_id (const MainStandard *main_std,
             guint               number)
{
  if (main_std->found && number == main_std->number && main_std->year > 0)
    return g_strdup_printf ("iso%u-%u", number, main_std->year);
  return g_strdup_printf ("iso%u", number);
}

static void
declare_standard (CertoCatalogUpdate *update,
                  const MainStandard *main_std,
                  guint               number)
{
  g_autofree char *id = standard_id (main_std, number);
  CertoUpdateStandard *standard;

  if (certo_catalog_update_find_standard (update, id) != NULL)
    return;
  standard = certo_update_standard_new ();
  standard->id = g_steal_pointer (&id);
  if (main_std->found && number == main_std->number && main_std->year > 0)
    standard->name = g_strdup_printf ("ISO/IEC %u:%u", number, main_std->year);
  else
    standard->name = g_strdup_printf ("ISO/IEC %u", number);
  g_ptr_array_add (update->standards, standard);
}

/* The standards a title mentions, in the order 27001, 27017, 27018 (the main one included) */
static void
title_standards (const char         *en_title,
                 const MainStandard *main_std,
                 GArray             *numbers)
{
  guint candidates[G_N_ELEMENTS (known_standards) + 1];
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (known_standards); i++)
    candidates[n++] = known_standards[i];
  if (main_std->found)
    {
      gboolean known = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (known_standards); i++)
        known |= known_standards[i] == main_std->number;
      if (!known)
        candidates[n++] = main_std->number;
    }

  for (guint i = 0; i < n; i++)
    {
      char digits[16];
      const char *p = en_title;

      g_snprintf (digits, sizeof digits, "%u", candidates[i]);
      while ((p = strstr (p, digits)) != NULL)
        {
          gsize dl = strlen (digits);

          if ((p == en_title || !g_ascii_isdigit (p[-1])) && !g_ascii_isdigit (p[dl]))
            {
              g_array_append_val (numbers, candidates[i]);
              break;
            }
          p += dl;
        }
    }
}

static int
compare_uint (gconstpointer a,
              gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return x < y ? -1 : x > y;
}

static char *
document_id (IdSet               *taken,
             CertoUpdateDocument *doc,
             const char          *en_title)
{
  g_autofree char *prefix = NULL;
  g_autofree char *title_slug = NULL;
  g_autofree char *slug = NULL;
  g_autofree char *base = NULL;
  const char *rest;
  gsize budget;

  if (doc->certificate_number != NULL)
    {
      g_autofree char *number = certo_text_slugify (doc->certificate_number, 32);

      if (*number != '\0')
        {
          base = g_strdup_printf ("cert-%s", number);
          return unique_id (taken, base);
        }
    }

  prefix = g_strdup_printf ("%s-%s%s", certo_document_kind_to_string (doc->kind),
                            doc->family ? doc->family : "", doc->family ? "-" : "");
  title_slug = certo_text_slugify (en_title, 0);
  rest = title_slug;
  /* "office-365-office-365-iso-27001…" reads badly: drop the family's words once */
  if (doc->family != NULL && g_str_has_prefix (rest, doc->family) && rest[strlen (doc->family)] == '-')
    rest += strlen (doc->family) + 1;
  budget = strlen (prefix) + 16 < MAX_ID_LEN ? MAX_ID_LEN - strlen (prefix) : 16;
  slug = certo_text_slugify (rest, budget);
  /* slugify of a slug is the slug itself, cut at a word boundary */
  base = g_strconcat (prefix, *slug != '\0' ? slug : "untitled", NULL);
  return unique_id (taken, base);
}

static gboolean
says_certificate (const char *en_title)
{
  g_autofree char *folded = certo_text_fold (en_title);
  g_autofree char *padded = g_strdup_printf (" %s ", folded);

  return contains_word (padded, "certificate");
}

static void
build_documents (Parser             *self,
                 const MainStandard *main_std)
{
  CertoCatalogUpdate *update = self->update;
  ServiceIndex index;
  g_autoptr(IdSet) doc_ids = id_set_new ();
  g_autoptr(GHashTable) by_number = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) listed = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) used = g_array_new (FALSE, FALSE, sizeof (guint));

  service_index_init (&index, update);

  for (guint i = 0; i < self->raw_docs->len; i++)
    {
      RawDoc *raw = g_ptr_array_index (self->raw_docs, i);
      g_autoptr(GArray) numbers = g_array_new (FALSE, FALSE, sizeof (guint));
      g_autofree char *number = certificate_number (raw);
      CertoUpdateDocument *doc = certo_update_document_new ();
      CertoUpdateDocument *same;
      gboolean from_list = FALSE;

      doc->kind = raw->kind;
      if (raw->section == SECTION_CERTIFICATES || raw->section == SECTION_REPORTS)
        doc->kind = kind_from_title (raw->en_title, number != NULL, raw->section);
      doc->title = certo_localized_ref (raw->title);
      doc->family = g_strdup (raw->family_id);
      for (guint u = 0; u < raw->urls->len; u++)
        g_ptr_array_add (doc->urls, g_strdup (g_ptr_array_index (raw->urls, u)));

      title_standards (raw->en_title, main_std, numbers);
      if (numbers->len == 0 && main_std->found)
        g_array_append_val (numbers, main_std->number);
      for (guint s = 0; s < numbers->len; s++)
        {
          guint n = g_array_index (numbers, guint, s);

          g_ptr_array_add (doc->standards, standard_id (main_std, n));
          g_array_append_val (used, n);
        }

      if (doc->kind == CERTO_DOCUMENT_KIND_CERTIFICATE)
        {
          doc->certificate_number = g_steal_pointer (&number);
          doc->issuer = g_strdup (issuer_for (doc->urls));
        }

      if (raw->section == SECTION_CERTIFICATES || raw->section == SECTION_REPORTS)
        from_list = cover_services (update, &index, doc, raw);

      /* one certificate, several links: merge by certificate number */
      same = doc->certificate_number ? g_hash_table_lookup (by_number, doc->certificate_number) : NULL;
      if (same != NULL)
        {
          union_into (same->urls, doc->urls);
          union_into (same->standards, doc->standards);
          /* a title's explicit list beats the family rule's guess */
          if (from_list && !g_hash_table_contains (listed, same))
            {
              g_ptr_array_set_size (same->services, 0);
              g_ptr_array_set_size (same->service_names, 0);
              g_hash_table_add (listed, same);
            }
          if (from_list || !g_hash_table_contains (listed, same))
            {
              union_into (same->services, doc->services);
              union_into (same->service_names, doc->service_names);
            }
          if (same->family == NULL)
            same->family = g_strdup (doc->family);
          if (same->issuer == NULL)
            same->issuer = g_strdup (doc->issuer);
          /* prefer the title that says what the document is */
          if (!says_certificate (certo_localized_get (same->title, "en")) && says_certificate (raw->en_title))
            {
              certo_localized_unref (same->title);
              same->title = certo_localized_ref (doc->title);
            }
          certo_update_document_free (doc);
          continue;
        }

      doc->id = document_id (doc_ids, doc, raw->en_title);
      g_ptr_array_add (update->documents, doc);
      if (doc->certificate_number != NULL)
        g_hash_table_insert (by_number, doc->certificate_number, doc);
      if (from_list)
        g_hash_table_add (listed, doc);
    }

  /* standards: the article's own first, then by number */
  if (main_std->found)
    declare_standard (update, main_std, main_std->number);
  g_array_sort (used, compare_uint);
  for (guint i = 0; i < used->len; i++)
    declare_standard (update, main_std, g_array_index (used, guint, i));

  /* a service's families are those of the documents covering it */
  {
    g_autoptr(GHashTable) pairs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

    for (guint i = 0; i < update->documents->len; i++)
      {
        CertoUpdateDocument *doc = g_ptr_array_index (update->documents, i);

        if (doc->family == NULL)
          continue;
        for (guint s = 0; s < doc->services->len; s++)
          {
            const char *id = g_ptr_array_index (doc->services, s);
            CertoUpdateService *service = g_hash_table_lookup (index.by_id, id);

            if (service != NULL && g_hash_table_add (pairs, g_strconcat (id, "\n", doc->family, NULL)))
              g_ptr_array_add (service->families, g_strdup (doc->family));
          }
      }
  }

  g_hash_table_unref (index.forms);
  g_hash_table_unref (index.by_id);
  g_ptr_array_unref (index.folded);
}

/* The main standard's page at iso.org, from the article's own resources */
static void
find_standard_url (CertoCatalogUpdate *update,
                   const MainStandard *main_std)
{
  g_autofree char *id = NULL;
  g_autofree char *digits = NULL;
  CertoUpdateStandard *standard;

  if (!main_std->found)
    return;
  id = standard_id (main_std, main_std->number);
  standard = certo_catalog_update_find_standard (update, id);
  digits = g_strdup_printf ("%u", main_std->number);
  for (guint i = 0; standard != NULL && i < update->documents->len; i++)
    {
      CertoUpdateDocument *doc = g_ptr_array_index (update->documents, i);
      const char *url = g_ptr_array_index (doc->urls, 0);
      g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_ENCODED, NULL);
      const char *host = uri ? g_uri_get_host (uri) : NULL;
      const char *en = certo_localized_get (doc->title, "en");

      if (doc->kind == CERTO_DOCUMENT_KIND_RESOURCE && host != NULL && en != NULL &&
          (g_ascii_strcasecmp (host, "iso.org") == 0 || g_str_has_suffix (host, ".iso.org")) &&
          strstr (en, digits) != NULL)
        {
          standard->url = g_strdup (url);
          return;
        }
    }
}

static void
parser_clear (Parser *self)
{
  g_clear_pointer (&self->update, certo_catalog_update_free);
  g_clear_pointer (&self->base, g_uri_unref);
  g_clear_pointer (&self->local_lang, g_free);
  g_clear_pointer (&self->fm_title, g_free);
  g_clear_pointer (&self->fm_date, g_free);
  g_clear_pointer (&self->fm_lasthandoff, g_free);
  g_clear_pointer (&self->h1, certo_localized_unref);
  g_clear_pointer (&self->h1_en, g_free);
  g_clear_pointer (&self->h2_family_name, g_free);
  g_clear_pointer (&self->family_id, g_free);
  g_clear_pointer (&self->family_name, g_free);
  g_clear_pointer (&self->family_label, certo_localized_unref);
  g_clear_pointer (&self->heading, certo_localized_unref);
  g_clear_pointer (&self->raw_docs, g_ptr_array_unref);
  g_clear_pointer (&self->service_ids, id_set_free);
  g_clear_pointer (&self->service_names, g_hash_table_unref);
  g_clear_pointer (&self->family_index, g_hash_table_unref);
  g_clear_pointer (&self->env_ids, id_set_free);
}

/**
 * certo_offering_article_parse:
 * @bytes: the article, markdown with YAML front matter (UTF-8)
 * @name: (nullable): how to name the source in messages ("offering-iso-27001.md")
 * @base_uri: (nullable): the article's own address; relative links resolve
 *   against it only when it is an http or https URI (DESIGN.md, "Network"),
 *   otherwise they are dropped and their text kept
 *
 * Reads a compliance-offering article as Microsoft publishes them (DESIGN.md,
 * "Compliance-offering article"): the in-scope services, the certificates,
 * audit assessment reports and Statements of Applicability per product
 * family, the FAQ's certificate links, resources, white papers and the
 * backgrounder; the Office 365 applicability table as environments. Facts
 * are read from the English text of a localised article and both languages
 * are kept. Nothing is fetched: `[!INCLUDE]` lines and relative links stay
 * text. Prose is not copied.
 *
 * The update's id is "<publisher>-iso<number>" ("microsoft-iso27001") when
 * the publisher and the article's standard are known, so the English and
 * a localised article of one offering, and the article as it changes
 * over the years, are one source; otherwise the slug of the front-matter
 * title; failing that, the slug of @name, marked
 * #CertoCatalogUpdate.id_from_name: it identifies nothing
 * (certo_catalog_update_get_identity()).
 *
 * Returns: (transfer full) (nullable): a validated update of format
 *   %CERTO_UPDATE_FORMAT_ARTICLE, or %NULL with @error set: the errors of
 *   certo_parse_check_text(), %CERTO_PARSE_ERROR_TRUNCATED when the
 *   article seems cut off (it ends inside an HTML comment or its front
 *   matter; without its newline in the middle of a link, a tag, a
 *   translated span, a table row or a list item; or with a section
 *   heading and nothing after it), or %CERTO_PARSE_ERROR_NO_CONTENT when
 *   the markdown has no in-scope services, certificates or reports section
 */
CertoCatalogUpdate *
certo_offering_article_parse (GBytes      *bytes,
                              const char  *name,
                              const char  *base_uri,
                              GError     **error)
{
  Parser self = { 0 };
  MainStandard main_std = { 0 };
  const char *text;
  gsize length = 0;
  g_autofree char *display_name = NULL;
  CertoCatalogUpdate *update;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display_name = g_strdup (name != NULL ? name : _("the article"));
  if (!certo_parse_check_text (bytes, G_MAXSIZE, display_name, error))
    return NULL;

  text = g_bytes_get_data (bytes, &length);
  {
    g_autofree char *heading = NULL;
    CutKind cut = find_cut (text, length, &heading);

    if (cut != CUT_NONE)
      {
        set_cut_error (error, display_name, cut, heading);
        return NULL;
      }
  }
  self.name = display_name;
  self.update = certo_catalog_update_new (CERTO_UPDATE_FORMAT_ARTICLE);
  if (base_uri != NULL && certo_uri_is_web (base_uri))
    self.base = g_uri_parse (base_uri, G_URI_FLAGS_ENCODED, NULL);
  self.raw_docs = g_ptr_array_new_with_free_func (raw_doc_free);
  self.service_ids = id_set_new ();
  self.service_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self.family_index = g_hash_table_new (g_str_hash, g_str_equal);
  self.env_ids = id_set_new ();

  read_lines (&self, text, length);

  if (!self.found_services && !self.found_documents)
    {
      g_set_error (error, CERTO_PARSE_ERROR, CERTO_PARSE_ERROR_NO_CONTENT,
                   _("“%s” has none of the sections of a compliance-offering article (in-scope services, certificates, reports); Certo reads Microsoft compliance-offering articles and Certo catalog feeds (data/certo-catalog.schema.json describes those)"),
                   display_name);
      parser_clear (&self);
      return NULL;
    }

  main_std.found = find_main_standard (self.h1_en, &main_std.number, &main_std.year) ||
                   find_main_standard (self.fm_title, &main_std.number, &main_std.year);
  build_documents (&self, &main_std);
  find_standard_url (self.update, &main_std);

  update = self.update;
  if (self.fm_microsoft)
    update->publisher = g_strdup ("Microsoft");
  update->updated = parse_date (self.fm_date);
  if (update->updated == NULL)
    update->updated = parse_date (self.fm_lasthandoff);
  if (self.base != NULL)
    update->homepage = g_strdup (base_uri);

  if (self.h1 != NULL)
    update->title = certo_localized_ref (self.h1);
  else if (self.fm_title != NULL)
    update->title = make_localized (&self, self.fm_title, self.local_lang ? NULL : self.fm_title, FALSE);

  if (update->publisher != NULL && main_std.found)
    {
      g_autofree char *publisher = certo_text_slugify (update->publisher, 32);

      update->id = g_strdup_printf ("%s-iso%u", publisher, main_std.number);
    }
  else
    {
      g_autofree char *slug = certo_text_slugify (self.fm_title, MAX_ID_LEN);

      if (*slug == '\0' && name != NULL)
        {
          g_autofree char *base = g_path_get_basename (name);
          char *dot = strrchr (base, '.');

          if (dot != NULL && dot != base)
            *dot = '\0';
          g_free (slug);
          slug = certo_text_slugify (base, MAX_ID_LEN);
          update->id_from_name = TRUE;
        }
      if (*slug == '\0')
        update->id_from_name = TRUE;
      update->id = g_strdup (*slug != '\0' ? slug : "article");
    }

  self.update = NULL;
  parser_clear (&self);

  certo_catalog_update_validate (update);
  return update;
}
