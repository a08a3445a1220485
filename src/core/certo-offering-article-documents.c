/* certo-offering-article-documents.c — the article reader's second pass:
 * documents from what the first found
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * From each raw document's English title and links: its kind, the
 * certificate number, the certification body (by the host of its
 * directory), the standards it mentions, a stable id, the services it
 * covers; and the main standard's page.
 */
#include "config.h"

#include <string.h>

#include "certo-offering-article-private.h"
#include "certo-text.h"

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
          g_autofree char *squeezed = _certo_offering_squeeze (value);
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
          return _certo_offering_unique_id (taken, base);
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
  return _certo_offering_unique_id (taken, base);
}

static gboolean
says_certificate (const char *en_title)
{
  g_autofree char *folded = certo_text_fold (en_title);
  g_autofree char *padded = g_strdup_printf (" %s ", folded);

  return contains_word (padded, "certificate");
}

void
_certo_offering_build_documents (Parser             *self,
                                 const MainStandard *main_std)
{
  CertoCatalogUpdate *update = self->update;
  ServiceIndex index;
  g_autoptr(IdSet) doc_ids = _certo_offering_id_set_new ();
  g_autoptr(GHashTable) by_number = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) listed = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) used = g_array_new (FALSE, FALSE, sizeof (guint));

  _certo_offering_service_index_init (&index, update);

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
        from_list = _certo_offering_cover_services (update, &index, doc, raw);

      /* one certificate, several links: merge by certificate number */
      same = doc->certificate_number ? g_hash_table_lookup (by_number, doc->certificate_number) : NULL;
      if (same != NULL)
        {
          _certo_offering_union_into (same->urls, doc->urls);
          _certo_offering_union_into (same->standards, doc->standards);
          /* a title's explicit list beats the family rule's guess */
          if (from_list && !g_hash_table_contains (listed, same))
            {
              g_ptr_array_set_size (same->services, 0);
              g_ptr_array_set_size (same->service_names, 0);
              g_hash_table_add (listed, same);
            }
          if (from_list || !g_hash_table_contains (listed, same))
            {
              _certo_offering_union_into (same->services, doc->services);
              _certo_offering_union_into (same->service_names, doc->service_names);
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
void
_certo_offering_find_standard_url (CertoCatalogUpdate *update,
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
