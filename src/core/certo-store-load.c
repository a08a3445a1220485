/* certo-store-load.c — reading the whole catalog into model objects
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs on the store's worker thread, inside one read transaction. Each
 * table is read with one query; link tables are read in (owner, position)
 * order, which is their primary key order, so rows of one owner arrive
 * together. Display texts, labels, counts and search texts are computed
 * here once, so list rows and searches never compute them again.
 */
#include "config.h"

#include <string.h>

#include "certo-model-private.h"
#include "certo-store-private.h"
#include "certo-text.h"

typedef struct
{
  CertoStoreDb *db;
  GCancellable *cancellable;
  CertoCatalogSnapshot *snapshot;

  /* row id → object, borrowed from the snapshot's arrays */
  GHashTable *sources;
  GHashTable *standards;
  GHashTable *families;
  GHashTable *services;
  GHashTable *documents;

  GHashTable *strings;          /* text → GRefString, shared by objects */
  GHashTable *service_families; /* CertoService → GArray of family ids */
  GHashTable *folded;           /* object or text → certo_text_fold() of its names */
  char *updated_since;          /* documents updated since then show as updated */
  GHashTable *hidden;           /* ids of built-in sources a user source replaces */
} Loader;

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

static char *
column_dup (sqlite3_stmt *stmt,
            int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

/* A GRefString for @text shared with every other object of this load
 * that has the same text; %NULL for %NULL */
static char *
pool_string (Loader     *loader,
             const char *text)
{
  char *shared;

  if (text == NULL)
    return NULL;

  shared = g_hash_table_lookup (loader->strings, text);
  if (shared == NULL)
    {
      shared = g_ref_string_new (text);
      g_hash_table_add (loader->strings, shared);
    }

  return g_ref_string_acquire (shared);
}

/* Localized text as stored by the import; a value that does not read back
 * (a damaged row) shows as @fallback rather than failing the whole load */
static CertoLocalized *
localized_from_column (sqlite3_stmt *stmt,
                       int           column,
                       const char   *fallback)
{
  const char *json = column_text (stmt, column);
  CertoLocalized *text = NULL;

  if (json != NULL)
    text = certo_store_localized_from_json (json);
  if (text == NULL || certo_localized_is_empty (text))
    {
      g_clear_pointer (&text, certo_localized_unref);
      text = certo_localized_new_plain (fallback);
    }

  return text;
}

static gpointer
lookup_id (GHashTable *table,
           gint64      id)
{
  return g_hash_table_lookup (table, &id);
}

/* Rows of a built-in source that a user source replaces are not shown */
static gboolean
is_hidden (Loader *loader,
           gint64  source_id)
{
  return g_hash_table_size (loader->hidden) > 0 && g_hash_table_contains (loader->hidden, &source_id);
}

/* Runs @sql and calls @row for each row; FALSE on error or cancellation */
typedef void (*RowFunc) (Loader *loader, sqlite3_stmt *stmt);

static gboolean
for_each_row (Loader      *loader,
              const char  *sql,
              RowFunc      row,
              GError     **error)
{
  g_autoptr(CertoCachedStmt) stmt = certo_store_db_statement (loader->db, sql, error);
  guint n = 0;
  int rc;

  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if ((++n & 4095) == 0 && g_cancellable_set_error_if_cancelled (loader->cancellable, error))
        return FALSE;
      row (loader, stmt);
    }

  if (rc != SQLITE_DONE)
    {
      certo_store_db_set_error (loader->db, rc, error);
      return FALSE;
    }

  return TRUE;
}

/* Rows of link tables, grouped by owner */

typedef struct
{
  gint64 owner;
  GArray *ids;        /* gint64 */
  GPtrArray *texts;   /* char*, owned */
} Group;

static void
group_init (Group *group)
{
  group->owner = 0;
  group->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  group->texts = g_ptr_array_new ();
}

/* Drops what a group holds: rows of an owner that was not loaded */
static void
group_reset (Group *group)
{
  g_array_set_size (group->ids, 0);
  for (guint i = 0; i < group->texts->len; i++)
    g_free (g_ptr_array_index (group->texts, i));
  g_ptr_array_set_size (group->texts, 0);
}

static void
group_clear (Group *group)
{
  group_reset (group);
  g_clear_pointer (&group->ids, g_array_unref);
  g_clear_pointer (&group->texts, g_ptr_array_unref);
}

static gint64 *
group_steal_ids (Group *group,
                 guint *n_ids)
{
  gint64 *ids = NULL;

  *n_ids = group->ids->len;
  if (group->ids->len > 0)
    ids = g_memdup2 (group->ids->data, group->ids->len * sizeof (gint64));
  g_array_set_size (group->ids, 0);

  return ids;
}

static char **
group_steal_texts (Group *group)
{
  char **texts = NULL;

  if (group->texts->len > 0)
    {
      texts = g_new (char *, group->texts->len + 1);
      memcpy (texts, group->texts->pdata, group->texts->len * sizeof (char *));
      texts[group->texts->len] = NULL;
    }
  g_ptr_array_set_size (group->texts, 0);

  return texts;
}

/* Sources, standards, families, services */

static void
row_source (Loader       *loader,
            sqlite3_stmt *stmt)
{
  CertoSource *source = g_object_new (CERTO_TYPE_SOURCE, NULL);
  const char *title_json = column_text (stmt, 7);

  source->id = sqlite3_column_int64 (stmt, 0);
  source->key = column_dup (stmt, 1);
  source->kind = certo_source_kind_from_string (column_text (stmt, 2));
  source->format = certo_source_format_from_string (column_text (stmt, 3));
  source->location = column_dup (stmt, 5);
  source->publisher = column_dup (stmt, 6);
  source->title = title_json != NULL ? certo_store_localized_from_json (title_json) : NULL;

  /* A name the user gave, else the content's title in the user's
   * language, else the feed's id, else the key */
  if (column_text (stmt, 4) != NULL)
    source->name = column_dup (stmt, 4);
  else if (!certo_localized_is_empty (source->title))
    source->name = g_strdup (certo_localized_get_display (source->title));
  else if (column_text (stmt, 13) != NULL)
    source->name = column_dup (stmt, 13);
  else
    source->name = g_strdup (source->key);
  source->feed_id = column_dup (stmt, 13);
  source->homepage = column_dup (stmt, 8);
  source->content_date = column_dup (stmt, 9);
  source->content_hash = column_dup (stmt, 10);
  source->last_refresh = column_dup (stmt, 11);
  source->last_error = column_dup (stmt, 12);
  source->last_checked = column_dup (stmt, 14);
  source->etag = column_dup (stmt, 15);
  source->last_modified = column_dup (stmt, 16);
  source->retry_after = column_dup (stmt, 17);
  source->requested_format = certo_source_format_from_string (column_text (stmt, 18));

  g_ptr_array_add (loader->snapshot->sources, source);
  g_hash_table_insert (loader->sources, &source->id, source);
}

static void
row_standard (Loader       *loader,
              sqlite3_stmt *stmt)
{
  CertoStandard *standard;

  if (is_hidden (loader, sqlite3_column_int64 (stmt, 1)))
    return;

  standard = g_object_new (CERTO_TYPE_STANDARD, NULL);
  standard->id = sqlite3_column_int64 (stmt, 0);
  standard->source_id = sqlite3_column_int64 (stmt, 1);
  standard->key = column_dup (stmt, 2);
  standard->name = column_dup (stmt, 3);
  standard->url = column_dup (stmt, 4);

  g_ptr_array_add (loader->snapshot->standards, standard);
  g_hash_table_insert (loader->standards, &standard->id, standard);
}

static void
row_family (Loader       *loader,
            sqlite3_stmt *stmt)
{
  CertoFamily *family;
  CertoSource *source;

  if (is_hidden (loader, sqlite3_column_int64 (stmt, 1)))
    return;

  family = g_object_new (CERTO_TYPE_FAMILY, NULL);
  family->id = sqlite3_column_int64 (stmt, 0);
  family->source_id = sqlite3_column_int64 (stmt, 1);
  family->key = column_dup (stmt, 2);
  family->name_localized = localized_from_column (stmt, 3, family->key);
  family->name = certo_localized_get_display (family->name_localized);

  source = lookup_id (loader->sources, family->source_id);
  if (source != NULL)
    family->publisher = pool_string (loader, source->publisher);

  g_ptr_array_add (loader->snapshot->families, family);
  g_hash_table_insert (loader->families, &family->id, family);
}

static void
row_service (Loader       *loader,
             sqlite3_stmt *stmt)
{
  CertoService *service;
  CertoSource *source;

  if (is_hidden (loader, sqlite3_column_int64 (stmt, 1)))
    {
      source = lookup_id (loader->sources, sqlite3_column_int64 (stmt, 1));
      source->n_services++;
      return;
    }

  service = g_object_new (CERTO_TYPE_SERVICE, NULL);
  service->id = sqlite3_column_int64 (stmt, 0);
  service->source_id = sqlite3_column_int64 (stmt, 1);
  service->key = column_dup (stmt, 2);
  service->name_localized = localized_from_column (stmt, 3, service->key);
  service->name = certo_localized_get_display (service->name_localized);
  service->url = column_dup (stmt, 4);
  service->search_text = column_dup (stmt, 5);

  source = lookup_id (loader->sources, service->source_id);
  if (source != NULL)
    source->n_services++;

  g_ptr_array_add (loader->snapshot->services, service);
  g_hash_table_insert (loader->services, &service->id, service);
}

/* Adds a family to a service's set, once */
static void
service_add_family (Loader       *loader,
                    CertoService *service,
                    gint64        family_id)
{
  GArray *ids = g_hash_table_lookup (loader->service_families, service);

  if (ids == NULL)
    {
      ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_hash_table_insert (loader->service_families, service, ids);
    }

  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == family_id)
      return;

  g_array_append_val (ids, family_id);
}

static void
row_service_family (Loader       *loader,
                    sqlite3_stmt *stmt)
{
  CertoService *service = lookup_id (loader->services, sqlite3_column_int64 (stmt, 0));
  gint64 family_id = sqlite3_column_int64 (stmt, 1);

  if (service != NULL && lookup_id (loader->families, family_id) != NULL)
    service_add_family (loader, service, family_id);
}

/* Documents */

static void
row_document (Loader       *loader,
              sqlite3_stmt *stmt)
{
  CertoDocument *document;
  CertoFamily *family;
  CertoSource *source;

  /* Counted for the source list ("29 documents, replaced by …") */
  if (is_hidden (loader, sqlite3_column_int64 (stmt, 1)))
    {
      source = lookup_id (loader->sources, sqlite3_column_int64 (stmt, 1));
      if (sqlite3_column_type (stmt, 12) == SQLITE_NULL)
        source->n_documents++;
      else
        source->n_withdrawn++;
      return;
    }

  document = g_object_new (CERTO_TYPE_DOCUMENT, NULL);
  document->id = sqlite3_column_int64 (stmt, 0);
  document->source_id = sqlite3_column_int64 (stmt, 1);
  document->key = column_dup (stmt, 2);
  certo_document_kind_from_string (column_text (stmt, 3), &document->kind);
  document->kind_label = certo_document_kind_get_label (document->kind);
  document->title_localized = localized_from_column (stmt, 4, document->key);
  document->title = certo_localized_get_display (document->title_localized);
  document->family_id = sqlite3_column_int64 (stmt, 5);
  document->issuer = pool_string (loader, column_text (stmt, 6));
  document->certificate_number = column_dup (stmt, 7);
  document->issued = pool_string (loader, column_text (stmt, 8));
  document->expires = pool_string (loader, column_text (stmt, 9));
  document->language = pool_string (loader, column_text (stmt, 10));
  document->search_text = column_dup (stmt, 11);
  document->withdrawn_at = column_dup (stmt, 12);
  document->updated_at = column_dup (stmt, 13);
  document->updated = document->updated_at != NULL &&
                      g_strcmp0 (document->updated_at, loader->updated_since) >= 0;
  document->checked = column_dup (stmt, 14);
  document->remote_type = pool_string (loader, column_text (stmt, 15));
  document->remote_size = sqlite3_column_type (stmt, 16) != SQLITE_NULL ? sqlite3_column_int64 (stmt, 16) : -1;

  family = document->family_id > 0 ? lookup_id (loader->families, document->family_id) : NULL;
  if (family != NULL)
    {
      document->family_name = pool_string (loader, family->name);
      family->n_documents++;
    }
  else
    {
      document->family_id = 0;
    }

  source = lookup_id (loader->sources, document->source_id);
  if (source != NULL && document->withdrawn_at == NULL)
    source->n_documents++;
  else if (source != NULL)
    source->n_withdrawn++;

  g_ptr_array_add (loader->snapshot->documents, document);
  g_hash_table_insert (loader->documents, &document->id, document);
}

static void
flush_standards (Loader        *loader,
                 CertoDocument *document,
                 Group         *group)
{
  GString *label = g_string_new (NULL);

  document->standard_ids = group_steal_ids (group, &document->n_standard_ids);
  for (guint i = 0; i < document->n_standard_ids; i++)
    {
      CertoStandard *standard = lookup_id (loader->standards, document->standard_ids[i]);

      if (label->len > 0)
        g_string_append (label, ", ");
      g_string_append (label, standard->name);
    }

  if (label->len > 0)
    document->standards_label = pool_string (loader, label->str);
  g_string_free (label, TRUE);
}

static gboolean
load_document_standards (Loader  *loader,
                         GError **error)
{
  g_autoptr(CertoCachedStmt) stmt = NULL;
  CertoDocument *document = NULL;
  Group group;
  int rc;

  stmt = certo_store_db_statement (loader->db,
                                   "SELECT document_id, standard_id FROM document_standards"
                                   " ORDER BY document_id, position", error);
  if (stmt == NULL)
    return FALSE;

  group_init (&group);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 owner = sqlite3_column_int64 (stmt, 0);
      gint64 standard_id = sqlite3_column_int64 (stmt, 1);

      if (owner != group.owner)
        {
          if (document != NULL)
            flush_standards (loader, document, &group);
          group_reset (&group);
          group.owner = owner;
          document = lookup_id (loader->documents, owner);
        }
      if (lookup_id (loader->standards, standard_id) != NULL)
        g_array_append_val (group.ids, standard_id);
    }
  if (document != NULL)
    flush_standards (loader, document, &group);
  group_clear (&group);

  if (rc != SQLITE_DONE)
    {
      certo_store_db_set_error (loader->db, rc, error);
      return FALSE;
    }

  return TRUE;
}

static void
flush_services (Loader        *loader,
                CertoDocument *document,
                Group         *group)
{
  document->service_ids = group_steal_ids (group, &document->n_service_ids);
  document->service_names = group_steal_texts (group);

  for (guint i = 0; i < document->n_service_ids; i++)
    {
      CertoService *service = lookup_id (loader->services, document->service_ids[i]);

      service->n_documents++;
      if (document->family_id > 0)
        service_add_family (loader, service, document->family_id);
    }
}

static gboolean
load_document_services (Loader  *loader,
                        GError **error)
{
  g_autoptr(CertoCachedStmt) stmt = NULL;
  CertoDocument *document = NULL;
  Group group;
  int rc;

  stmt = certo_store_db_statement (loader->db,
                                   "SELECT document_id, service_id, name FROM document_services"
                                   " ORDER BY document_id, position", error);
  if (stmt == NULL)
    return FALSE;

  group_init (&group);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 owner = sqlite3_column_int64 (stmt, 0);

      if (owner != group.owner)
        {
          if (document != NULL)
            flush_services (loader, document, &group);
          group_reset (&group);
          group.owner = owner;
          document = lookup_id (loader->documents, owner);
        }

      if (sqlite3_column_type (stmt, 1) != SQLITE_NULL)
        {
          gint64 service_id = sqlite3_column_int64 (stmt, 1);

          if (lookup_id (loader->services, service_id) != NULL)
            g_array_append_val (group.ids, service_id);
        }
      else if (column_text (stmt, 2) != NULL)
        {
          g_ptr_array_add (group.texts, column_dup (stmt, 2));
        }
    }
  if (document != NULL)
    flush_services (loader, document, &group);
  group_clear (&group);

  if (rc != SQLITE_DONE)
    {
      certo_store_db_set_error (loader->db, rc, error);
      return FALSE;
    }

  return TRUE;
}

/* Rows of (owner, text) into each owner's NULL-terminated vector */
static gboolean
load_texts (Loader      *loader,
            const char  *sql,
            GHashTable  *owners,
            gsize        field_offset,
            GError     **error)
{
  g_autoptr(CertoCachedStmt) stmt = NULL;
  gpointer owner_object = NULL;
  Group group;
  int rc;

  stmt = certo_store_db_statement (loader->db, sql, error);
  if (stmt == NULL)
    return FALSE;

  group_init (&group);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 owner = sqlite3_column_int64 (stmt, 0);

      if (owner != group.owner)
        {
          if (owner_object != NULL)
            G_STRUCT_MEMBER (char **, owner_object, field_offset) = group_steal_texts (&group);
          group_reset (&group);
          group.owner = owner;
          owner_object = lookup_id (owners, owner);
        }
      g_ptr_array_add (group.texts, column_dup (stmt, 1));
    }
  if (owner_object != NULL)
    G_STRUCT_MEMBER (char **, owner_object, field_offset) = group_steal_texts (&group);
  group_clear (&group);

  if (rc != SQLITE_DONE)
    {
      certo_store_db_set_error (loader->db, rc, error);
      return FALSE;
    }

  return TRUE;
}

static void
row_environment (Loader       *loader,
                 sqlite3_stmt *stmt)
{
  CertoEnvironment *environment;
  CertoFamily *family;

  if (is_hidden (loader, sqlite3_column_int64 (stmt, 1)))
    return;

  environment = g_object_new (CERTO_TYPE_ENVIRONMENT, NULL);
  environment->id = sqlite3_column_int64 (stmt, 0);
  environment->source_id = sqlite3_column_int64 (stmt, 1);
  environment->key = column_dup (stmt, 2);
  environment->name_localized = localized_from_column (stmt, 3, environment->key);
  environment->name = certo_localized_get_display (environment->name_localized);
  environment->family_id = sqlite3_column_int64 (stmt, 4);

  family = environment->family_id > 0 ? lookup_id (loader->families, environment->family_id) : NULL;
  if (family != NULL)
    environment->family_name = pool_string (loader, family->name);
  else
    environment->family_id = 0;

  g_ptr_array_add (loader->snapshot->environments, environment);
}

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
      CertoFamily *family = lookup_id (loader->families, document->family_id);

      certo_store_search_append_folded (search, folded_names (loader, family, family->name_localized));
    }
  for (guint i = 0; i < document->n_service_ids; i++)
    {
      CertoService *service = lookup_id (loader->services, document->service_ids[i]);

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
    document->family_rank = ((CertoFamily *) lookup_id (loader->families, document->family_id))->rank;
}

static int
compare_family_ids (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  Loader *loader = user_data;
  CertoFamily *fa = lookup_id (loader->families, *(const gint64 *) a);
  CertoFamily *fb = lookup_id (loader->families, *(const gint64 *) b);

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
          CertoFamily *family = lookup_id (loader->families, g_array_index (ids, gint64, i));

          if (label->len > 0)
            g_string_append (label, ", ");
          g_string_append (label, family->name);
        }
      service->families_label = pool_string (loader, label->str);
      g_string_free (label, TRUE);
    }
}

/* An environment is found by its names and its family's, and by the
 * name of each of its in-scope services ("Exchange Online") */
static void
finish_environment (Loader           *loader,
                    CertoEnvironment *environment)
{
  CertoFamily *family = environment->family_id > 0 ? lookup_id (loader->families, environment->family_id) : NULL;
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
static void
find_replaced (Loader *loader)
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

static void
finish (Loader *loader)
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

static GHashTable *
id_table_new (void)
{
  return g_hash_table_new (g_int64_hash, g_int64_equal);
}

CertoCatalogSnapshot *
certo_store_db_load (CertoStoreDb  *db,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(CertoCatalogSnapshot) snapshot = g_new0 (CertoCatalogSnapshot, 1);
  g_autoptr(GHashTable) sources = id_table_new ();
  g_autoptr(GHashTable) standards = id_table_new ();
  g_autoptr(GHashTable) families = id_table_new ();
  g_autoptr(GHashTable) services = id_table_new ();
  g_autoptr(GHashTable) documents = id_table_new ();
  g_autoptr(GHashTable) environments = id_table_new ();
  g_autoptr(GHashTable) strings = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                         (GDestroyNotify) g_ref_string_release, NULL);
  g_autoptr(GHashTable) service_families = g_hash_table_new_full (NULL, NULL, NULL,
                                                                  (GDestroyNotify) g_array_unref);
  g_autoptr(GHashTable) folded = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) since = g_date_time_add_days (now, -CERTO_DOCUMENT_UPDATED_DAYS);
  g_autofree char *updated_since = g_date_time_format_iso8601 (since);
  g_autoptr(GHashTable) hidden = g_hash_table_new (g_int64_hash, g_int64_equal);
  Loader loader = {
    .db = db,
    .cancellable = cancellable,
    .snapshot = snapshot,
    .sources = sources,
    .standards = standards,
    .families = families,
    .services = services,
    .documents = documents,
    .strings = strings,
    .service_families = service_families,
    .folded = folded,
    .updated_since = updated_since,
    .hidden = hidden,
  };

  certo_store_db_assert_worker (db);

  snapshot->sources = g_ptr_array_new_with_free_func (g_object_unref);
  snapshot->standards = g_ptr_array_new_with_free_func (g_object_unref);
  snapshot->families = g_ptr_array_new_with_free_func (g_object_unref);
  snapshot->services = g_ptr_array_new_with_free_func (g_object_unref);
  snapshot->documents = g_ptr_array_new_with_free_func (g_object_unref);
  snapshot->environments = g_ptr_array_new_with_free_func (g_object_unref);
  snapshot->changes = g_ptr_array_new_with_free_func (g_object_unref);

  if (!for_each_row (&loader,
                     "SELECT id, key, kind, format, name, location, publisher, title_json, homepage,"
                     "       content_date, content_hash, last_refresh, last_error, feed_id,"
                     "       last_checked, etag, last_modified, retry_after, requested_format"
                     " FROM sources",
                     row_source, error))
    return NULL;

  find_replaced (&loader);

  if (!for_each_row (&loader, "SELECT id, source_id, key, name, url FROM standards",
                     row_standard, error) ||
      !for_each_row (&loader, "SELECT id, source_id, key, name_json FROM families",
                     row_family, error) ||
      !for_each_row (&loader, "SELECT id, source_id, key, name_json, url, search_text FROM services",
                     row_service, error) ||
      !for_each_row (&loader,
                     "SELECT service_id, family_id FROM service_families ORDER BY service_id, position",
                     row_service_family, error) ||
      !for_each_row (&loader,
                     "SELECT d.id, d.source_id, d.key, d.kind, d.title_json, d.family_id, d.issuer,"
                     "       d.certificate_number, d.issued, d.expires, d.language, d.search_text,"
                     "       d.withdrawn_at, d.updated_at, p.checked, p.content_type, p.size"
                     " FROM documents d LEFT JOIN document_probes p ON p.document_id = d.id",
                     row_document, error) ||
      !load_document_standards (&loader, error) ||
      !load_document_services (&loader, error) ||
      !load_texts (&loader,
                   "SELECT document_id, url FROM document_urls ORDER BY document_id, position",
                   documents, G_STRUCT_OFFSET (CertoDocument, urls), error) ||
      !for_each_row (&loader,
                     "SELECT id, source_id, key, name_json, family_id FROM environments",
                     row_environment, error))
    return NULL;

  for (guint i = 0; i < snapshot->environments->len; i++)
    {
      CertoEnvironment *environment = g_ptr_array_index (snapshot->environments, i);
      g_hash_table_insert (environments, &environment->id, environment);
    }
  if (!load_texts (&loader,
                   "SELECT environment_id, name FROM environment_service_names"
                   " ORDER BY environment_id, position",
                   environments, G_STRUCT_OFFSET (CertoEnvironment, service_names), error))
    return NULL;

  if (!certo_store_db_load_changes (db, sources, snapshot->changes, error))
    return NULL;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  finish (&loader);

  return g_steal_pointer (&snapshot);
}
