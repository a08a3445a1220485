/* certo-catalog-query.c — the catalog's models, lookups and searches
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything here reads what the last load left (see certo-catalog.c) and
 * runs on the thread that owns the catalog; no call touches the database.
 */
#include "config.h"

#include <string.h>

#include "certo-catalog-private.h"
#include "certo-model-private.h"
#include "certo-text.h"

static gpointer
lookup_id (GHashTable *table,
           gint64      id)
{
  return table != NULL ? g_hash_table_lookup (table, &id) : NULL;
}

/**
 * certo_catalog_get_sources:
 * @self: a #CertoCatalog
 *
 * Returns: (transfer none): a #GListModel of #CertoSource, sorted by name
 */
GListModel *
certo_catalog_get_sources (CertoCatalog *self)
{
  g_return_val_if_fail (CERTO_IS_CATALOG (self), NULL);
  return G_LIST_MODEL (self->sources);
}

/**
 * certo_catalog_get_standards:
 * @self: a #CertoCatalog
 *
 * Returns: (transfer none): a #GListModel of #CertoStandard, sorted by name
 */
GListModel *
certo_catalog_get_standards (CertoCatalog *self)
{
  g_return_val_if_fail (CERTO_IS_CATALOG (self), NULL);
  return G_LIST_MODEL (self->standards);
}

/**
 * certo_catalog_get_families:
 * @self: a #CertoCatalog
 *
 * Returns: (transfer none): a #GListModel of #CertoFamily, sorted by name
 */
GListModel *
certo_catalog_get_families (CertoCatalog *self)
{
  g_return_val_if_fail (CERTO_IS_CATALOG (self), NULL);
  return G_LIST_MODEL (self->families);
}

/**
 * certo_catalog_get_services:
 * @self: a #CertoCatalog
 *
 * Returns: (transfer none): a #GListModel of #CertoService, sorted by name
 */
GListModel *
certo_catalog_get_services (CertoCatalog *self)
{
  g_return_val_if_fail (CERTO_IS_CATALOG (self), NULL);
  return G_LIST_MODEL (self->services);
}

/**
 * certo_catalog_get_documents:
 * @self: a #CertoCatalog
 *
 * Returns: (transfer none): a #GListModel of #CertoDocument, sorted by
 *   family, kind (certificates first) and title
 */
GListModel *
certo_catalog_get_documents (CertoCatalog *self)
{
  g_return_val_if_fail (CERTO_IS_CATALOG (self), NULL);
  return G_LIST_MODEL (self->documents);
}

/**
 * certo_catalog_get_environments:
 * @self: a #CertoCatalog
 *
 * Returns: (transfer none): a #GListModel of #CertoEnvironment, sorted by
 *   family and name
 */
GListModel *
certo_catalog_get_environments (CertoCatalog *self)
{
  g_return_val_if_fail (CERTO_IS_CATALOG (self), NULL);
  return G_LIST_MODEL (self->environments);
}

/**
 * certo_catalog_get_changes:
 * @self: a #CertoCatalog
 *
 * "What's new": what syncs and document checks changed in the last 90
 * days, newest first, as of the last load. A source's first import is one
 * entry (%CERTO_CHANGE_FIRST_IMPORT), not one per document.
 *
 * Returns: (transfer none): a #GListModel of #CertoChange
 */
GListModel *
certo_catalog_get_changes (CertoCatalog *self)
{
  g_return_val_if_fail (CERTO_IS_CATALOG (self), NULL);

  return G_LIST_MODEL (self->changes);
}

/**
 * certo_catalog_find_source:
 * @self: a #CertoCatalog
 * @id: a row id
 *
 * Returns: (transfer none) (nullable): the source with @id
 */
CertoSource *
certo_catalog_find_source (CertoCatalog *self,
                           gint64        id)
{
  g_return_val_if_fail (CERTO_IS_CATALOG (self), NULL);
  return lookup_id (self->source_ids, id);
}

/**
 * certo_catalog_find_standard:
 * @self: a #CertoCatalog
 * @id: a row id
 *
 * Returns: (transfer none) (nullable): the standard with @id
 */
CertoStandard *
certo_catalog_find_standard (CertoCatalog *self,
                             gint64        id)
{
  g_return_val_if_fail (CERTO_IS_CATALOG (self), NULL);
  return lookup_id (self->standard_ids, id);
}

/**
 * certo_catalog_find_family:
 * @self: a #CertoCatalog
 * @id: a row id
 *
 * Returns: (transfer none) (nullable): the family with @id
 */
CertoFamily *
certo_catalog_find_family (CertoCatalog *self,
                           gint64        id)
{
  g_return_val_if_fail (CERTO_IS_CATALOG (self), NULL);
  return lookup_id (self->family_ids, id);
}

/**
 * certo_catalog_find_service:
 * @self: a #CertoCatalog
 * @id: a row id
 *
 * Returns: (transfer none) (nullable): the service with @id
 */
CertoService *
certo_catalog_find_service (CertoCatalog *self,
                            gint64        id)
{
  g_return_val_if_fail (CERTO_IS_CATALOG (self), NULL);
  return lookup_id (self->service_ids, id);
}

/**
 * certo_catalog_find_document:
 * @self: a #CertoCatalog
 * @id: a row id
 *
 * Returns: (transfer none) (nullable): the document with @id
 */
CertoDocument *
certo_catalog_find_document (CertoCatalog *self,
                             gint64        id)
{
  g_return_val_if_fail (CERTO_IS_CATALOG (self), NULL);
  return lookup_id (self->document_ids, id);
}

/**
 * certo_catalog_find_environment:
 * @self: a #CertoCatalog
 * @id: a row id
 *
 * Returns: (transfer none) (nullable): the environment with @id
 */
CertoEnvironment *
certo_catalog_find_environment (CertoCatalog *self,
                                gint64        id)
{
  g_return_val_if_fail (CERTO_IS_CATALOG (self), NULL);
  return lookup_id (self->environment_ids, id);
}

/* "d12", "s7", "f3", "e2": a typed reference, as certo-cli prints them */
static GObject *
find_by_reference (CertoCatalog *self,
                   const char   *text)
{
  guint64 id = 0;

  if (text[0] == '\0' || !g_ascii_isdigit (text[1]) ||
      !g_ascii_string_to_unsigned (text + 1, 10, 1, G_MAXINT64, &id, NULL))
    return NULL;

  switch (text[0])
    {
    case 'd':
      return lookup_id (self->document_ids, (gint64) id);
    case 's':
      return lookup_id (self->service_ids, (gint64) id);
    case 'f':
      return lookup_id (self->family_ids, (gint64) id);
    case 'e':
      return lookup_id (self->environment_ids, (gint64) id);
    default:
      return NULL;
    }
}

/**
 * certo_catalog_find_by_key:
 * @self: a #CertoCatalog
 * @key: a typed reference ("d12" a document, "s7" a service, "f3" a
 *   family, "e2" an environment: the row id after a letter), a document's
 *   row id in decimal ("12"), or a key as the source gives it
 *   ("azure-iso27001-certificate", "intune", "azure", a source key)
 *
 * Looks @key up as a typed reference, then a bare number as a document
 * id (services, families and environments have ids of their own, which
 * a bare number never means: they overlap), then as a key of a
 * document, a service, a family, an environment and a source, in that
 * order; the first in display order wins when several sources use a
 * key. Every id certo-cli prints is found so.
 *
 * Returns: (transfer none) (nullable): a #CertoDocument, #CertoService,
 *   #CertoFamily, #CertoEnvironment or #CertoSource; %NULL when nothing
 *   matches
 */
GObject *
certo_catalog_find_by_key (CertoCatalog *self,
                           const char   *key)
{
  GObject *found;
  guint64 id = 0;

  g_return_val_if_fail (CERTO_IS_CATALOG (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  if (self->keys == NULL)
    return NULL;

  if ((found = find_by_reference (self, key)) != NULL)
    return found;

  if (g_ascii_string_to_unsigned (key, 10, 1, G_MAXINT64, &id, NULL) &&
      (found = lookup_id (self->document_ids, (gint64) id)) != NULL)
    return found;

  return g_hash_table_lookup (self->keys, key);
}

/**
 * certo_catalog_list_documents_for_service:
 * @self: a #CertoCatalog
 * @service: a service of this catalog
 *
 * Returns: (transfer full): a new #GListModel of the #CertoDocument that
 *   cover @service, in display order
 */
GListModel *
certo_catalog_list_documents_for_service (CertoCatalog *self,
                                          CertoService *service)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  GListStore *out;

  g_return_val_if_fail (CERTO_IS_CATALOG (self), NULL);
  g_return_val_if_fail (CERTO_IS_SERVICE (service), NULL);

  out = g_list_store_new (CERTO_TYPE_DOCUMENT);
  if (self->snapshot == NULL)
    return G_LIST_MODEL (out);

  for (guint i = 0; i < self->snapshot->documents->len; i++)
    {
      CertoDocument *document = g_ptr_array_index (self->snapshot->documents, i);

      for (guint j = 0; j < document->n_service_ids; j++)
        {
          if (document->service_ids[j] == service->id)
            {
              g_ptr_array_add (found, document);
              break;
            }
        }
    }

  g_list_store_splice (out, 0, 0, found->pdata, found->len);
  return G_LIST_MODEL (out);
}

/* The objects of @ids found in @table, in the order of @ids */
static GListModel *
list_ids (GType         type,
          GHashTable   *table,
          const gint64 *ids,
          guint         n_ids)
{
  GListStore *out = g_list_store_new (type);

  for (guint i = 0; i < n_ids; i++)
    {
      gpointer obj = lookup_id (table, ids[i]);

      if (obj != NULL)
        g_list_store_append (out, obj);
    }

  return G_LIST_MODEL (out);
}

/**
 * certo_catalog_list_services_for_document:
 * @self: a #CertoCatalog
 * @document: a document of this catalog
 *
 * The in-scope services @document covers that the source lists; names of
 * services it lists nowhere else come from
 * certo_document_get_service_names().
 *
 * Returns: (transfer full): a new #GListModel of #CertoService, in the
 *   source's order
 */
GListModel *
certo_catalog_list_services_for_document (CertoCatalog  *self,
                                          CertoDocument *document)
{
  g_return_val_if_fail (CERTO_IS_CATALOG (self), NULL);
  g_return_val_if_fail (CERTO_IS_DOCUMENT (document), NULL);

  return list_ids (CERTO_TYPE_SERVICE, self->service_ids,
                   document->service_ids, document->n_service_ids);
}

/**
 * certo_catalog_list_families_for_service:
 * @self: a #CertoCatalog
 * @service: a service of this catalog
 *
 * Returns: (transfer full): a new #GListModel of the #CertoFamily of
 *   @service (declared, or of a document covering it), by name
 */
GListModel *
certo_catalog_list_families_for_service (CertoCatalog *self,
                                         CertoService *service)
{
  g_return_val_if_fail (CERTO_IS_CATALOG (self), NULL);
  g_return_val_if_fail (CERTO_IS_SERVICE (service), NULL);

  return list_ids (CERTO_TYPE_FAMILY, self->family_ids,
                   service->family_ids, service->n_family_ids);
}

/**
 * certo_catalog_list_standards_for_document:
 * @self: a #CertoCatalog
 * @document: a document of this catalog
 *
 * Returns: (transfer full): a new #GListModel of the #CertoStandard
 *   @document is about, in the source's order
 */
GListModel *
certo_catalog_list_standards_for_document (CertoCatalog  *self,
                                           CertoDocument *document)
{
  g_return_val_if_fail (CERTO_IS_CATALOG (self), NULL);
  g_return_val_if_fail (CERTO_IS_DOCUMENT (document), NULL);

  return list_ids (CERTO_TYPE_STANDARD, self->standard_ids,
                   document->standard_ids, document->n_standard_ids);
}

static GListModel *
search (GType       type,
        GPtrArray  *items,
        gsize       search_text_offset,
        const char *text)
{
  g_autoptr(CertoSearchQuery) query = certo_search_query_new (text);
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  GListStore *out = g_list_store_new (type);

  if (items == NULL)
    return G_LIST_MODEL (out);

  for (guint i = 0; i < items->len; i++)
    {
      gpointer obj = g_ptr_array_index (items, i);

      if (certo_search_query_matches (query, G_STRUCT_MEMBER (const char *, obj, search_text_offset)))
        g_ptr_array_add (found, obj);
    }

  g_list_store_splice (out, 0, 0, found->pdata, found->len);
  return G_LIST_MODEL (out);
}

/**
 * certo_catalog_search_documents:
 * @self: a #CertoCatalog
 * @text: (nullable): what the user typed
 *
 * Finds the documents whose title (in any language), certificate number,
 * issuer, family or covered services contain every word of @text,
 * ignoring case and accents ("genomica" finds "Genòmica"). An empty
 * @text finds every document.
 *
 * Returns: (transfer full): a new #GListModel of #CertoDocument, in
 *   display order
 */
GListModel *
certo_catalog_search_documents (CertoCatalog *self,
                                const char   *text)
{
  g_return_val_if_fail (CERTO_IS_CATALOG (self), NULL);

  return search (CERTO_TYPE_DOCUMENT, self->snapshot ? self->snapshot->documents : NULL,
                 G_STRUCT_OFFSET (CertoDocument, search_text), text);
}

/**
 * certo_catalog_search_services:
 * @self: a #CertoCatalog
 * @text: (nullable): what the user typed
 *
 * Finds the services whose name, in any language, contains every word of
 * @text, ignoring case and accents. An empty @text finds every service.
 *
 * Returns: (transfer full): a new #GListModel of #CertoService, by name
 */
GListModel *
certo_catalog_search_services (CertoCatalog *self,
                               const char   *text)
{
  g_return_val_if_fail (CERTO_IS_CATALOG (self), NULL);

  return search (CERTO_TYPE_SERVICE, self->snapshot ? self->snapshot->services : NULL,
                 G_STRUCT_OFFSET (CertoService, search_text), text);
}

/* An environment matches by its names and its family's, or by the name
 * of one of its in-scope services: each name on its own, so "exchange
 * online" does not match "Exchange Online Protection" and "SharePoint
 * Online" put together */
static gboolean
environment_matches (CertoEnvironment       *environment,
                     const CertoSearchQuery *query)
{
  if (certo_search_query_matches (query, environment->search_text))
    return TRUE;

  for (guint i = 0; environment->folded_service_names != NULL && environment->folded_service_names[i] != NULL; i++)
    if (certo_search_query_matches (query, environment->folded_service_names[i]))
      return TRUE;

  return FALSE;
}

/**
 * certo_catalog_search_environments:
 * @self: a #CertoCatalog
 * @text: (nullable): what the user typed
 *
 * Finds the environments (Office 365 Commercial, GCC, GCC High, DoD …)
 * whose name or family, or the name of one of whose in-scope services,
 * contains every word of @text, ignoring case and accents: "exchange
 * online" finds every environment Exchange Online is in scope in. An
 * empty @text finds every environment.
 *
 * Returns: (transfer full): a new #GListModel of #CertoEnvironment, by
 *   family and name
 */
GListModel *
certo_catalog_search_environments (CertoCatalog *self,
                                   const char   *text)
{
  g_autoptr(CertoSearchQuery) query = NULL;
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  GListStore *out;

  g_return_val_if_fail (CERTO_IS_CATALOG (self), NULL);

  out = g_list_store_new (CERTO_TYPE_ENVIRONMENT);
  if (self->snapshot == NULL)
    return G_LIST_MODEL (out);

  query = certo_search_query_new (text);
  for (guint i = 0; i < self->snapshot->environments->len; i++)
    {
      CertoEnvironment *environment = g_ptr_array_index (self->snapshot->environments, i);

      if (environment_matches (environment, query))
        g_ptr_array_add (found, environment);
    }

  g_list_store_splice (out, 0, 0, found->pdata, found->len);
  return G_LIST_MODEL (out);
}
