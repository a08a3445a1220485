/* certo-offering-article-sections.c — the article reader's first pass:
 * what each section holds
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Headings name the section (in-scope services, certificates, reports,
 * FAQ, resources, white papers, the backgrounder, the Office 365
 * applicability table) and the product family; tables, list items and
 * links in them become services, raw documents and environments, with
 * stable ids. Every list is capped (MAX_* in the private header).
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "certo-offering-article-private.h"
#include "certo-text.h"

void
_certo_offering_raw_doc_free (gpointer data)
{
  RawDoc *doc = data;

  g_clear_pointer (&doc->title, certo_localized_unref);
  g_free (doc->en_title);
  g_free (doc->family_id);
  g_free (doc->family_name);
  g_ptr_array_unref (doc->urls);
  g_free (doc);
}

/* ISO/IEC standards: "ISO/IEC 27001:2013" → number 27001, year 2013 */
gboolean
_certo_offering_find_main_standard (const char *text,
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

CertoLocalized *
_certo_offering_make_localized (Parser     *self,
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

IdSet *
_certo_offering_id_set_new (void)
{
  IdSet *set = g_new0 (IdSet, 1);

  set->taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  set->next = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return set;
}

void
_certo_offering_id_set_free (IdSet *set)
{
  g_hash_table_unref (set->taken);
  g_hash_table_unref (set->next);
  g_free (set);
}

/* @base, or @base-2, @base-3…: the next suffix is remembered per base, so
 * a thousand entries with one title cost a thousand lookups, not a million */
char *
_certo_offering_unique_id (IdSet      *set,
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
  g_autoptr(GPtrArray) links = g_ptr_array_new_with_free_func (_certo_offering_link_free);
  g_autofree char *en = _certo_offering_flatten (en_text, en_len, links);
  g_autofree char *local = _certo_offering_flatten (local_text, local_len, NULL);
  g_autofree char *folded = certo_text_fold (en);
  g_autofree char *slug = NULL;
  CertoUpdateService *service;

  if (*folded == '\0' || g_hash_table_contains (self->service_names, folded))
    return;
  if (self->update->services->len >= MAX_SERVICES)
    {
      if (!self->warned_services)
        {
          if (self->name != NULL)
            certo_catalog_update_add_warning (self->update, _("“%s” lists more than %u in-scope services; the rest were ignored"),
                                              self->name, MAX_SERVICES);
          else
            certo_catalog_update_add_warning (self->update, _("The article lists more than %u in-scope services; the rest were ignored"),
                                              MAX_SERVICES);
        }
      self->warned_services = TRUE;
      return;
    }

  service = certo_update_service_new ();
  slug = service_slug (en);
  service->id = _certo_offering_unique_id (self->service_ids, *slug != '\0' ? slug : "service");
  service->name = _certo_offering_make_localized (self, local, en, line->localized);
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
        {
          if (self->name != NULL)
            certo_catalog_update_add_warning (self->update, _("“%s” links more than %u documents; the rest were ignored"),
                                              self->name, MAX_DOCUMENTS);
          else
            certo_catalog_update_add_warning (self->update, _("The article links more than %u documents; the rest were ignored"),
                                              MAX_DOCUMENTS);
        }
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
void
_certo_offering_strip_closing_hashes (char *text)
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

void
_certo_offering_handle_heading (Parser   *self,
                                guint     level,
                                BiLine   *line,
                                gsize     local_skip,
                                gsize     en_skip)
{
  g_autofree char *en = _certo_offering_flatten (line->en->str + en_skip, line->en->len - en_skip, NULL);
  g_autofree char *local = _certo_offering_flatten (line->local->str + MIN (local_skip, line->local->len),
                                                    line->local->len - MIN (local_skip, line->local->len), NULL);
  g_autoptr(CertoLocalized) label = NULL;
  Section section;

  _certo_offering_strip_closing_hashes (en);
  _certo_offering_strip_closing_hashes (local);

  label = _certo_offering_make_localized (self, local, en, line->localized);
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

void
_certo_offering_handle_table_row (Parser *self,
                                  BiLine *line)
{
  g_autoptr(GPtrArray) en_cells = _certo_offering_split_cells (line->en->str);
  g_autoptr(GPtrArray) local_cells = _certo_offering_split_cells (line->local->str);
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
  first = _certo_offering_flatten (g_ptr_array_index (en_cells, 0), strlen (g_ptr_array_index (en_cells, 0)), NULL);
  folded = certo_text_fold (first);

  if (!self->in_env_table)
    {
      /* only a table whose first column is "Applicability" lists environments */
      self->in_env_table = TRUE;
      self->env_header_seen = g_str_equal (folded, "applicability");
      return;
    }
  if (!self->env_header_seen || _certo_offering_is_delimiter_row (en_cells) || en_cells->len < 2 || *first == '\0')
    return;
  if (self->update->environments->len >= MAX_ENVIRONMENTS)
    {
      if (!self->warned_environments)
        {
          if (self->name != NULL)
            certo_catalog_update_add_warning (self->update, _("“%s” has more than %u environments; the rest were ignored"),
                                              self->name, MAX_ENVIRONMENTS);
          else
            certo_catalog_update_add_warning (self->update, _("The article has more than %u environments; the rest were ignored"),
                                              MAX_ENVIRONMENTS);
        }
      self->warned_environments = TRUE;
      return;
    }

  if (local_cells->len == en_cells->len)
    local_first = _certo_offering_flatten (g_ptr_array_index (local_cells, 0), strlen (g_ptr_array_index (local_cells, 0)), NULL);
  services = _certo_offering_flatten (g_ptr_array_index (en_cells, 1), strlen (g_ptr_array_index (en_cells, 1)), NULL);

  env = certo_update_environment_new ();
  env->name = _certo_offering_make_localized (self, local_first, first, line->localized);
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
  env->id = _certo_offering_unique_id (self->env_ids, base);
  _certo_offering_split_outside_parens (services, env->service_names, MAX_ENV_SERVICES);
  g_ptr_array_add (self->update->environments, env);
}

void
_certo_offering_handle_links_in_faq (Parser *self,
                                     BiLine *line)
{
  g_autoptr(GPtrArray) en_links = g_ptr_array_new_with_free_func (_certo_offering_link_free);
  g_autoptr(GPtrArray) local_links = g_ptr_array_new_with_free_func (_certo_offering_link_free);
  g_autofree char *en = _certo_offering_flatten (line->en->str, line->en->len, en_links);
  g_autofree char *local = _certo_offering_flatten (line->local->str, line->local->len, local_links);

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
      title = _certo_offering_make_localized (self, local_text, link->text, line->localized);
      g_ptr_array_add (one, link);
      doc = add_raw_doc (self, title, link->text, one, 0);
      if (doc != NULL)
        doc->kind = CERTO_DOCUMENT_KIND_CERTIFICATE;
    }
}

void
_certo_offering_handle_backgrounder (Parser *self,
                                     BiLine *line)
{
  g_autoptr(GPtrArray) links = g_ptr_array_new_with_free_func (_certo_offering_link_free);
  g_autofree char *en = _certo_offering_flatten (line->en->str, line->en->len, links);
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

void
_certo_offering_handle_list_item (Parser     *self,
                                  BiLine     *line,
                                  const char *local_text,
                                  gsize       local_len,
                                  const char *en_text,
                                  gsize       en_len)
{
  g_autoptr(GPtrArray) links = g_ptr_array_new_with_free_func (_certo_offering_link_free);
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

  en = _certo_offering_flatten (en_text, en_len, links);
  local = _certo_offering_flatten (local_text, local_len, NULL);
  if (*en == '\0')
    return;
  if (links->len == 0)
    {
      if (self->section == SECTION_CERTIFICATES || self->section == SECTION_REPORTS)
        certo_catalog_update_add_warning (self->update, _("Skipped “%s”: it has no link"), en);
      return;
    }

  title = _certo_offering_make_localized (self, local, en, line->localized);
  doc = add_raw_doc (self, title, en, links, 0);
  if (doc == NULL)
    return;
  if (self->section == SECTION_RESOURCES)
    doc->kind = CERTO_DOCUMENT_KIND_RESOURCE;
  else if (self->section == SECTION_WHITEPAPERS)
    doc->kind = CERTO_DOCUMENT_KIND_WHITEPAPER;
}
