/* certo-store-load-finish.c — the end of a load: derived values (labels,
 * counts, search texts, replaced sources) and the display order
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "certo-store-load-private.h"
#include "certo-text.h"

static const guint kind_rank[] = {
  [CERTO_DOCUMENT_KIND_CERTIFICATE] = 0,
  [CERTO_DOCUMENT_KIND_AUDIT_REPORT] = 1,
  [CERTO_DOCUMENT_KIND_SOA] = 2,
  [CERTO_DOCUMENT_KIND_WHITEPAPER] = 3,
  [CERTO_DOCUMENT_KIND_GUIDE] = 4,
  [CERTO_DOCUMENT_KIND_BACKGROUNDER] = 5,
  [CERTO_DOCUMENT_KIND_RESOURCE] = 6,
  [CERTO_DOCUMENT_KIND_OTHER] = 7,
};

G_STATIC_ASSERT (G_N_ELEMENTS (kind_rank) == CERTO_DOCUMENT_KIND_LAST + 1);

/* Derived values */

/* certo_text_fold() of every language's value of @text, cached by @owner */
static const char *
folded_names (Loader         *loader,
              gconstpointer   owner,
              CertoLocalized *text)
{
  char *folded = g_hash_table_lookup (loader->folded, owner);

  if (folded == NULL)
    {
      folded = certo_store_dup_folded_names (text);
      g_hash_table_insert (loader->folded, (gpointer) owner, folded);
    }

  return folded;
}

static const char *
folded_text (Loader     *loader,
             const char *text)
{
  char *folded = g_hash_table_lookup (loader->folded, text);

  if (folded == NULL)
    {
      folded = certo_text_fold (text);
      g_hash_table_insert (loader->folded, (gpointer) text, folded);
    }

  return folded;
}

/* The search text a row stored before folding changed (or one written by
 * hand) lacks; the same parts in the same order as the import's */
static char *
build_document_search_text (Loader        *loader,
                            CertoDocument *document)
{
  GString *search = g_string_sized_new (256);
  g_autofree char *titles = certo_store_dup_folded_names (document->title_localized);

  certo_store_search_append_folded (search, titles);
  certo_store_search_append (search, document->certificate_number);
  if (document->issuer != NULL)
    certo_store_search_append_folded (search, folded_text (loader, document->issuer));
  if (document->family_id > 0)
    {
      CertoFamily *family = certo_store_loader_lookup_id (loader->families, document->family_id);

      certo_store_search_append_folded (search, folded_names (loader, family, family->name_localized));
    }
  for (guint i = 0; i < document->n_service_ids; i++)
    {
      CertoService *service = certo_store_loader_lookup_id (loader->services, document->service_ids[i]);

      certo_store_search_append_folded (search, folded_names (loader, service, service->name_localized));
    }
  for (guint i = 0; document->service_names != NULL && document->service_names[i] != NULL; i++)
    certo_store_search_append (search, document->service_names[i]);

  return g_string_free (search, FALSE);
}

static void
finish_document (Loader        *loader,
                 CertoDocument *document)
{
  if (document->search_text == NULL)
    document->search_text = build_document_search_text (loader, document);

  document->sort_key = g_utf8_collate_key (document->title, -1);
  document->family_rank = G_MAXUINT;
  if (document->family_id > 0)
    document->family_rank = ((CertoFamily *) certo_store_loader_lookup_id (loader->families, document->family_id))->rank;
}

static int
compare_family_ids (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  Loader *loader = user_data;
  CertoFamily *fa = certo_store_loader_lookup_id (loader->families, *(const gint64 *) a);
  CertoFamily *fb = certo_store_loader_lookup_id (loader->families, *(const gint64 *) b);

  return (fa->rank > fb->rank) - (fa->rank < fb->rank);
}

static void
finish_service (Loader       *loader,
                CertoService *service)
{
  GArray *ids = g_hash_table_lookup (loader->service_families, service);

  if (service->search_text == NULL)
    service->search_text = g_strdup (folded_names (loader, service, service->name_localized));
  service->sort_key = g_utf8_collate_key (service->name, -1);

  if (ids != NULL && ids->len > 0)
    {
      GString *label = g_string_new (NULL);

      g_array_sort_with_data (ids, compare_family_ids, loader);
      service->n_family_ids = ids->len;
      service->family_ids = g_memdup2 (ids->data, ids->len * sizeof (gint64));
      for (guint i = 0; i < ids->len; i++)
        {
          CertoFamily *family = certo_store_loader_lookup_id (loader->families, g_array_index (ids, gint64, i));

          if (label->len > 0)
            g_string_append (label, ", ");
          g_string_append (label, family->name);
        }
      service->families_label = certo_store_loader_pool_string (loader, label->str);
      g_string_free (label, TRUE);
    }
}

/* An environment is found by its names and its family's, and by the
 * name of each of its in-scope services ("Exchange Online") */
static void
finish_environment (Loader           *loader,
                    CertoEnvironment *environment)
{
  CertoFamily *family = environment->family_id > 0 ? certo_store_loader_lookup_id (loader->families, environment->family_id) : NULL;
  GString *search = g_string_sized_new (64);
  guint n = environment->service_names != NULL ? g_strv_length (environment->service_names) : 0;

  certo_store_search_append_folded (search, folded_names (loader, environment, environment->name_localized));
  if (family != NULL)
    certo_store_search_append_folded (search, folded_names (loader, family, family->name_localized));
  environment->search_text = g_string_free (search, FALSE);

  if (n > 0)
    {
      environment->folded_service_names = g_new0 (char *, n + 1);
      for (guint i = 0; i < n; i++)
        environment->folded_service_names[i] = certo_text_fold (environment->service_names[i]);
    }

  environment->sort_key = g_utf8_collate_key (environment->name, -1);
  environment->family_rank = family != NULL ? family->rank : G_MAXUINT;
}

/* A built-in source is replaced by a file or URL source whose content has
 * the same feed id: the user chose a newer copy of the same content.
 * Its rows stay in the database and come back when that source goes. */
void
certo_store_loader_find_replaced (Loader *loader)
{
  GPtrArray *sources = loader->snapshot->sources;
  g_autoptr(GHashTable) users = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < sources->len; i++)
    {
      CertoSource *source = g_ptr_array_index (sources, i);
      CertoSource *first;

      if (source->kind == CERTO_SOURCE_KIND_BUILTIN || source->feed_id == NULL ||
          source->last_refresh == NULL)
        continue;
      first = g_hash_table_lookup (users, source->feed_id);
      if (first == NULL || source->id < first->id)
        g_hash_table_insert (users, source->feed_id, source);
    }

  for (guint i = 0; i < sources->len; i++)
    {
      CertoSource *source = g_ptr_array_index (sources, i);
      CertoSource *user;

      if (source->kind != CERTO_SOURCE_KIND_BUILTIN || source->feed_id == NULL)
        continue;
      user = g_hash_table_lookup (users, source->feed_id);
      if (user == NULL)
        continue;
      source->replaced_by = user->id;
      g_hash_table_add (loader->hidden, &source->id);
    }
}

/* Sorting */

#define SORT_KEY(type, obj) (((type *) (obj))->sort_key)

static int
compare_ids (gint64 a,
             gint64 b)
{
  return (a > b) - (a < b);
}

static int
compare_sources (gconstpointer a,
                 gconstpointer b)
{
  CertoSource *sa = *(CertoSource **) a;
  CertoSource *sb = *(CertoSource **) b;
  int cmp = strcmp (sa->sort_key, sb->sort_key);

  return cmp != 0 ? cmp : compare_ids (sa->id, sb->id);
}

static int
compare_standards (gconstpointer a,
                   gconstpointer b)
{
  CertoStandard *sa = *(CertoStandard **) a;
  CertoStandard *sb = *(CertoStandard **) b;
  int cmp = strcmp (sa->sort_key, sb->sort_key);

  return cmp != 0 ? cmp : compare_ids (sa->id, sb->id);
}

static int
compare_families (gconstpointer a,
                  gconstpointer b)
{
  CertoFamily *fa = *(CertoFamily **) a;
  CertoFamily *fb = *(CertoFamily **) b;
  int cmp = strcmp (fa->sort_key, fb->sort_key);

  return cmp != 0 ? cmp : compare_ids (fa->id, fb->id);
}

static int
compare_services (gconstpointer a,
                  gconstpointer b)
{
  CertoService *sa = *(CertoService **) a;
  CertoService *sb = *(CertoService **) b;
  int cmp = strcmp (sa->sort_key, sb->sort_key);

  return cmp != 0 ? cmp : compare_ids (sa->id, sb->id);
}

static int
compare_documents (gconstpointer a,
                   gconstpointer b)
{
  CertoDocument *da = *(CertoDocument **) a;
  CertoDocument *db = *(CertoDocument **) b;
  int cmp;

  if (da->family_rank != db->family_rank)
    return da->family_rank < db->family_rank ? -1 : 1;
  if (kind_rank[da->kind] != kind_rank[db->kind])
    return kind_rank[da->kind] < kind_rank[db->kind] ? -1 : 1;
  cmp = strcmp (da->sort_key, db->sort_key);

  return cmp != 0 ? cmp : compare_ids (da->id, db->id);
}

static int
compare_environments (gconstpointer a,
                      gconstpointer b)
{
  CertoEnvironment *ea = *(CertoEnvironment **) a;
  CertoEnvironment *eb = *(CertoEnvironment **) b;
  int cmp;

  if (ea->family_rank != eb->family_rank)
    return ea->family_rank < eb->family_rank ? -1 : 1;
  cmp = strcmp (ea->sort_key, eb->sort_key);

  return cmp != 0 ? cmp : compare_ids (ea->id, eb->id);
}

void
certo_store_loader_finish (Loader *loader)
{
  CertoCatalogSnapshot *s = loader->snapshot;

  for (guint i = 0; i < s->sources->len; i++)
    {
      CertoSource *source = g_ptr_array_index (s->sources, i);
      source->sort_key = g_utf8_collate_key (source->name, -1);
    }
  g_ptr_array_sort (s->sources, compare_sources);

  for (guint i = 0; i < s->standards->len; i++)
    {
      CertoStandard *standard = g_ptr_array_index (s->standards, i);
      standard->sort_key = g_utf8_collate_key (standard->name, -1);
    }
  g_ptr_array_sort (s->standards, compare_standards);

  for (guint i = 0; i < s->families->len; i++)
    {
      CertoFamily *family = g_ptr_array_index (s->families, i);
      family->sort_key = g_utf8_collate_key (family->name, -1);
    }
  g_ptr_array_sort (s->families, compare_families);
  for (guint i = 0; i < s->families->len; i++)
    ((CertoFamily *) g_ptr_array_index (s->families, i))->rank = i;

  for (guint i = 0; i < s->services->len; i++)
    finish_service (loader, g_ptr_array_index (s->services, i));
  g_ptr_array_sort (s->services, compare_services);

  for (guint i = 0; i < s->documents->len; i++)
    finish_document (loader, g_ptr_array_index (s->documents, i));
  g_ptr_array_sort (s->documents, compare_documents);

  for (guint i = 0; i < s->environments->len; i++)
    finish_environment (loader, g_ptr_array_index (s->environments, i));
  g_ptr_array_sort (s->environments, compare_environments);

  /* The keys only served the sort */
#define DROP_SORT_KEYS(array, type)                                   \
  for (guint i = 0; i < (array)->len; i++)                           \
    g_clear_pointer (&SORT_KEY (type, g_ptr_array_index ((array), i)), g_free)
  DROP_SORT_KEYS (s->sources, CertoSource);
  DROP_SORT_KEYS (s->standards, CertoStandard);
  DROP_SORT_KEYS (s->families, CertoFamily);
  DROP_SORT_KEYS (s->services, CertoService);
  DROP_SORT_KEYS (s->documents, CertoDocument);
  DROP_SORT_KEYS (s->environments, CertoEnvironment);
#undef DROP_SORT_KEYS
}
