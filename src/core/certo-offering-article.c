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
 * The reader is one pass over the lines (here, with the front matter;
 * what a line holds in each section is certo-offering-article-sections.c),
 * then one pass over what it found (certo-offering-article-documents.c);
 * nothing in it recurses, every scan of a line is linear (a pathological
 * line of a megabyte of `[` or `<` costs one walk), and every list the input
 * grows is capped.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "certo-offering-article-private.h"
#include "certo-text.h"

/* Helpers: the first pass over the lines */

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

  _certo_offering_bi_line_init (&line);
  _certo_offering_split_languages (text, text + len, &line);

  en_indent = _certo_offering_leading_space (line.en->str);
  local_indent = _certo_offering_leading_space (line.local->str);
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
      _certo_offering_handle_heading (self, level, &line, local_indent + local_level, en_indent + level);
      goto out;
    }

  if (*en == '|')
    {
      _certo_offering_handle_table_row (self, &line);
      goto out;
    }
  self->in_env_table = FALSE;

  if (self->section == SECTION_FAQ)
    {
      _certo_offering_handle_links_in_faq (self, &line);
      goto out;
    }
  if (self->section == SECTION_BACKGROUNDER)
    {
      if (!self->backgrounder_done)
        _certo_offering_handle_backgrounder (self, &line);
      goto out;
    }

  marker = _certo_offering_list_marker (en);
  if (marker > 0)
    {
      gsize local_marker = _certo_offering_list_marker (local);

      if (local_marker == 0)
        {
          /* the local line lost its structure: use the English for both */
          local = en;
          local_marker = marker;
        }
      _certo_offering_handle_list_item (self, &line,
                                        local + local_marker, strlen (local + local_marker),
                                        en + marker, strlen (en + marker));
    }

out:
  _certo_offering_bi_line_clear (&line);
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
    const char *q = _certo_offering_next_line (p, end, &len);

    if (_certo_offering_is_fence (p, len, "---"))
      {
        /* front matter only when it is closed; else it was a rule */
        const char *scan = q;

        while (scan < end)
          {
            const char *line = scan;

            scan = _certo_offering_next_line (line, end, &len);
            if (_certo_offering_is_fence (line, len, "---") || _certo_offering_is_fence (line, len, "..."))
              {
                for (const char *fm = q; fm < line;)
                  {
                    const char *fm_next = _certo_offering_next_line (fm, end, &len);

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
      const char *next = _certo_offering_next_line (p, end, &len);

      handle_line (self, p, len);
      p = next;
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
  g_clear_pointer (&self->service_ids, _certo_offering_id_set_free);
  g_clear_pointer (&self->service_names, g_hash_table_unref);
  g_clear_pointer (&self->family_index, g_hash_table_unref);
  g_clear_pointer (&self->env_ids, _certo_offering_id_set_free);
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
  CertoCatalogUpdate *update;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!certo_parse_check_text (bytes, G_MAXSIZE, name, error))
    return NULL;

  text = g_bytes_get_data (bytes, &length);
  {
    g_autofree char *heading = NULL;
    CutKind cut = _certo_offering_find_cut (text, length, &heading);

    if (cut != CUT_NONE)
      {
        _certo_offering_set_cut_error (error, name, cut, heading);
        return NULL;
      }
  }
  self.name = name;
  self.update = certo_catalog_update_new (CERTO_UPDATE_FORMAT_ARTICLE);
  if (base_uri != NULL && certo_uri_is_web (base_uri))
    self.base = g_uri_parse (base_uri, G_URI_FLAGS_ENCODED, NULL);
  self.raw_docs = g_ptr_array_new_with_free_func (_certo_offering_raw_doc_free);
  self.service_ids = _certo_offering_id_set_new ();
  self.service_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self.family_index = g_hash_table_new (g_str_hash, g_str_equal);
  self.env_ids = _certo_offering_id_set_new ();

  read_lines (&self, text, length);

  if (!self.found_services && !self.found_documents)
    {
      if (name != NULL)
        g_set_error (error, CERTO_PARSE_ERROR, CERTO_PARSE_ERROR_NO_CONTENT,
                     _("“%s” has none of the sections of a compliance-offering article (in-scope services, certificates, reports); Certo reads Microsoft compliance-offering articles and Certo catalog feeds (data/certo-catalog.schema.json describes those)"),
                     name);
      else
        g_set_error_literal (error, CERTO_PARSE_ERROR, CERTO_PARSE_ERROR_NO_CONTENT,
                             _("The text has none of the sections of a compliance-offering article (in-scope services, certificates, reports); Certo reads Microsoft compliance-offering articles and Certo catalog feeds (data/certo-catalog.schema.json describes those)"));
      parser_clear (&self);
      return NULL;
    }

  main_std.found = _certo_offering_find_main_standard (self.h1_en, &main_std.number, &main_std.year) ||
                   _certo_offering_find_main_standard (self.fm_title, &main_std.number, &main_std.year);
  _certo_offering_build_documents (&self, &main_std);
  _certo_offering_find_standard_url (self.update, &main_std);

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
    update->title = _certo_offering_make_localized (&self, self.fm_title, self.local_lang ? NULL : self.fm_title, FALSE);

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
