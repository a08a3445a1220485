/* certo-store-load.c — reading the whole catalog into model objects
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs on the store's worker thread, inside one read transaction. Each
 * table is read with one query; link tables are read in (owner, position)
 * order, which is their primary key order, so rows of one owner arrive
 * together. Display texts, labels, counts and search texts are computed
 * once, at the end (certo-store-load-finish.c), so list rows and searches
 * never compute them again.
 */
#include "config.h"

#include <string.h>

#include "certo-store-load-private.h"
#include "certo-text.h"

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
char *
certo_store_loader_pool_string (Loader     *loader,
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

gpointer
certo_store_loader_lookup_id (GHashTable *table,
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
  g_autoptr(CertoSqliteStmt) stmt = certo_sqlite_statement (loader->db, sql, error);
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
      certo_sqlite_set_error (loader->db, rc, error);
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

  source = certo_store_loader_lookup_id (loader->sources, family->source_id);
  if (source != NULL)
    family->publisher = certo_store_loader_pool_string (loader, source->publisher);

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
      source = certo_store_loader_lookup_id (loader->sources, sqlite3_column_int64 (stmt, 1));
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

  source = certo_store_loader_lookup_id (loader->sources, service->source_id);
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
  CertoService *service = certo_store_loader_lookup_id (loader->services, sqlite3_column_int64 (stmt, 0));
  gint64 family_id = sqlite3_column_int64 (stmt, 1);

  if (service != NULL && certo_store_loader_lookup_id (loader->families, family_id) != NULL)
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
      source = certo_store_loader_lookup_id (loader->sources, sqlite3_column_int64 (stmt, 1));
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
  document->issuer = certo_store_loader_pool_string (loader, column_text (stmt, 6));
  document->certificate_number = column_dup (stmt, 7);
  document->issued = certo_store_loader_pool_string (loader, column_text (stmt, 8));
  document->expires = certo_store_loader_pool_string (loader, column_text (stmt, 9));
  document->language = certo_store_loader_pool_string (loader, column_text (stmt, 10));
  document->search_text = column_dup (stmt, 11);
  document->withdrawn_at = column_dup (stmt, 12);
  document->updated_at = column_dup (stmt, 13);
  document->updated = document->updated_at != NULL &&
                      g_strcmp0 (document->updated_at, loader->updated_since) >= 0;
  document->checked = column_dup (stmt, 14);
  document->remote_type = certo_store_loader_pool_string (loader, column_text (stmt, 15));
  document->remote_size = sqlite3_column_type (stmt, 16) != SQLITE_NULL ? sqlite3_column_int64 (stmt, 16) : -1;

  family = document->family_id > 0 ? certo_store_loader_lookup_id (loader->families, document->family_id) : NULL;
  if (family != NULL)
    {
      document->family_name = certo_store_loader_pool_string (loader, family->name);
      family->n_documents++;
    }
  else
    {
      document->family_id = 0;
    }

  source = certo_store_loader_lookup_id (loader->sources, document->source_id);
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
      CertoStandard *standard = certo_store_loader_lookup_id (loader->standards, document->standard_ids[i]);

      if (label->len > 0)
        g_string_append (label, ", ");
      g_string_append (label, standard->name);
    }

  if (label->len > 0)
    document->standards_label = certo_store_loader_pool_string (loader, label->str);
  g_string_free (label, TRUE);
}

static gboolean
load_document_standards (Loader  *loader,
                         GError **error)
{
  g_autoptr(CertoSqliteStmt) stmt = NULL;
  CertoDocument *document = NULL;
  Group group;
  int rc;

  stmt = certo_sqlite_statement (loader->db,
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
          document = certo_store_loader_lookup_id (loader->documents, owner);
        }
      if (certo_store_loader_lookup_id (loader->standards, standard_id) != NULL)
        g_array_append_val (group.ids, standard_id);
    }
  if (document != NULL)
    flush_standards (loader, document, &group);
  group_clear (&group);

  if (rc != SQLITE_DONE)
    {
      certo_sqlite_set_error (loader->db, rc, error);
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
      CertoService *service = certo_store_loader_lookup_id (loader->services, document->service_ids[i]);

      /* A withdrawn copy kept offline still lists the service, but is no
       * current document of it ("No documents", not "1 document") */
      if (document->withdrawn_at == NULL)
        service->n_documents++;
      if (document->family_id > 0)
        service_add_family (loader, service, document->family_id);
    }
}

static gboolean
load_document_services (Loader  *loader,
                        GError **error)
{
  g_autoptr(CertoSqliteStmt) stmt = NULL;
  CertoDocument *document = NULL;
  Group group;
  int rc;

  stmt = certo_sqlite_statement (loader->db,
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
          document = certo_store_loader_lookup_id (loader->documents, owner);
        }

      if (sqlite3_column_type (stmt, 1) != SQLITE_NULL)
        {
          gint64 service_id = sqlite3_column_int64 (stmt, 1);

          if (certo_store_loader_lookup_id (loader->services, service_id) != NULL)
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
      certo_sqlite_set_error (loader->db, rc, error);
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
  g_autoptr(CertoSqliteStmt) stmt = NULL;
  gpointer owner_object = NULL;
  Group group;
  int rc;

  stmt = certo_sqlite_statement (loader->db, sql, error);
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
          owner_object = certo_store_loader_lookup_id (owners, owner);
        }
      g_ptr_array_add (group.texts, column_dup (stmt, 1));
    }
  if (owner_object != NULL)
    G_STRUCT_MEMBER (char **, owner_object, field_offset) = group_steal_texts (&group);
  group_clear (&group);

  if (rc != SQLITE_DONE)
    {
      certo_sqlite_set_error (loader->db, rc, error);
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

  family = environment->family_id > 0 ? certo_store_loader_lookup_id (loader->families, environment->family_id) : NULL;
  if (family != NULL)
    environment->family_name = certo_store_loader_pool_string (loader, family->name);
  else
    environment->family_id = 0;

  g_ptr_array_add (loader->snapshot->environments, environment);
}

static GHashTable *
id_table_new (void)
{
  return g_hash_table_new (g_int64_hash, g_int64_equal);
}

CertoCatalogSnapshot *
certo_store_db_load (CertoSqlite   *db,
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

  certo_sqlite_assert_worker (db);

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

  certo_store_loader_find_replaced (&loader);

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

  certo_store_loader_finish (&loader);

  return g_steal_pointer (&snapshot);
}
