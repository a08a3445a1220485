/* certo-store-import.c — replacing a source's content in one transaction
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs on the store's worker thread. The source row is upserted by key;
 * every entity by (source, key), so rows keep their ids across
 * re-imports; the source's link rows are rewritten; rows whose keys are
 * gone are deleted last. A generation number, bumped per import of the
 * source, marks the rows this import wrote.
 *
 * Every import also finds what changed (certo-sync-diff.c) and writes it
 * as history in the same transaction; which source it goes into is
 * certo-store-import-target.c. A document that left its source but
 * is saved for offline reading is kept, flagged withdrawn, with its links.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "certo-model-private.h"
#include "certo-store-private.h"
#include "certo-text.h"
#include "certo-util-private.h"

/* Folded names, computed once per import: a service's names fold once,
 * not once per document that covers it */
typedef struct
{
  GHashTable *families;   /* update id → folded names */
  GHashTable *services;   /* update id → folded names */
  GHashTable *texts;      /* text → folded text */
} Folds;

static void
folds_init (Folds *folds)
{
  folds->families = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  folds->services = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  folds->texts = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
}

static void
folds_clear (Folds *folds)
{
  g_clear_pointer (&folds->families, g_hash_table_unref);
  g_clear_pointer (&folds->services, g_hash_table_unref);
  g_clear_pointer (&folds->texts, g_hash_table_unref);
}

static const char *
fold_text (Folds      *folds,
           const char *text)
{
  char *folded;

  if (text == NULL)
    return NULL;

  folded = g_hash_table_lookup (folds->texts, text);
  if (folded == NULL)
    {
      folded = certo_text_fold (text);
      g_hash_table_insert (folds->texts, (gpointer) text, folded);
    }

  return folded;
}

/* Maps an update's ids to row ids */
static GHashTable *
id_map_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
}

static void
id_map_add (GHashTable *map,
            const char *key,
            gint64      id)
{
  g_hash_table_insert (map, (gpointer) key, g_memdup2 (&id, sizeof id));
}

static gint64
id_map_get (GHashTable *map,
            const char *key)
{
  gint64 *id = key != NULL ? g_hash_table_lookup (map, key) : NULL;

  return id != NULL ? *id : 0;
}

static char *
dup_localized_json (CertoLocalized *text)
{
  return certo_store_localized_to_json (text);
}

/* Runs an upsert … RETURNING id */
static gboolean
step_returning_id (CertoSqlite   *db,
                   sqlite3_stmt  *stmt,
                   gint64        *out_id,
                   GError       **error)
{
  gboolean ok = certo_sqlite_step_row (db, stmt, error);

  if (ok)
    *out_id = sqlite3_column_int64 (stmt, 0);
  certo_sqlite_release (stmt);
  return ok;
}

/* Runs a statement bound to (?1 = a source id, ?2 = generation) to the end */
static gboolean
run_for_source (CertoSqlite   *db,
                const char    *sql,
                gint64         source_id,
                gint64         generation,
                GError       **error)
{
  g_autoptr(CertoSqliteStmt) stmt = certo_sqlite_statement (db, sql, error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, source_id);
  if (sqlite3_bind_parameter_count (stmt) >= 2)
    sqlite3_bind_int64 (stmt, 2, generation);

  return certo_sqlite_step_done (db, stmt, error);
}

static gboolean
insert_link (CertoSqlite   *db,
             sqlite3_stmt  *stmt,
             gint64         owner_id,
             guint          position,
             gint64         target_id,
             const char    *text,
             GError       **error)
{
  gboolean ok;

  sqlite3_bind_int64 (stmt, 1, owner_id);
  sqlite3_bind_int (stmt, 2, position);
  if (target_id > 0)
    sqlite3_bind_int64 (stmt, 3, target_id);
  else
    certo_sqlite_bind_text (stmt, 3, text);

  ok = certo_sqlite_step_done (db, stmt, error);
  certo_sqlite_release (stmt);
  return ok;
}

static gboolean
check_cancelled (GCancellable  *cancellable,
                 guint          i,
                 GError       **error)
{
  return (i & 1023) == 0 && g_cancellable_set_error_if_cancelled (cancellable, error);
}

static gboolean
import_source_row (CertoSqlite           *db,
                   CertoStoreImportData  *data,
                   gint64                *out_source_id,
                   gint64                *out_generation,
                   GError               **error)
{
  CertoCatalogUpdate *update = data->update;
  g_autofree char *now_text = certo_now_iso8601 ();
  g_autofree char *title_json = dup_localized_json (update->title);
  g_autoptr(CertoSqliteStmt) stmt = NULL;

  stmt = certo_sqlite_statement (db,
    "INSERT INTO sources (key, kind, format, name, location, feed_id, publisher, title_json,"
    "                     homepage, content_date, content_hash, created, last_refresh,"
    "                     generation)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12, 1)"
    " ON CONFLICT (key) DO UPDATE SET"
    "   kind = excluded.kind, format = excluded.format, name = COALESCE (?4, name),"
    "   location = COALESCE (?5, location), feed_id = excluded.feed_id,"
    "   publisher = excluded.publisher, title_json = excluded.title_json,"
    "   homepage = excluded.homepage, content_date = excluded.content_date,"
    "   content_hash = excluded.content_hash, last_refresh = excluded.last_refresh,"
    "   last_error = NULL, generation = generation + 1"
    " RETURNING id, generation", error);
  if (stmt == NULL)
    return FALSE;

  certo_sqlite_bind_text (stmt, 1, data->key);
  certo_sqlite_bind_text (stmt, 2, certo_source_kind_to_string (data->kind));
  certo_sqlite_bind_text (stmt, 3, certo_source_format_to_string (data->format));
  certo_sqlite_bind_text (stmt, 4, data->name);
  certo_sqlite_bind_text (stmt, 5, data->location);
  /* Only an id the content gives identifies it (see certo_store_import_resolve_target()) */
  certo_sqlite_bind_text (stmt, 6, certo_catalog_update_get_identity (update));
  certo_sqlite_bind_text (stmt, 7, update->publisher);
  certo_sqlite_bind_text (stmt, 8, title_json);
  certo_sqlite_bind_text (stmt, 9, update->homepage);
  certo_sqlite_bind_text (stmt, 10, update->updated);
  certo_sqlite_bind_text (stmt, 11, data->content_hash);
  certo_sqlite_bind_text (stmt, 12, now_text);

  if (!certo_sqlite_step_row (db, stmt, error))
    return FALSE;

  *out_source_id = sqlite3_column_int64 (stmt, 0);
  *out_generation = sqlite3_column_int64 (stmt, 1);
  return TRUE;
}

static gboolean
import_standards (CertoSqlite   *db,
                  GPtrArray     *standards,
                  gint64         source_id,
                  gint64         generation,
                  GHashTable    *ids,
                  GError       **error)
{
  g_autoptr(CertoSqliteStmt) stmt = certo_sqlite_statement (db,
    "INSERT INTO standards (source_id, key, generation, name, url) VALUES (?1, ?2, ?3, ?4, ?5)"
    " ON CONFLICT (source_id, key) DO UPDATE SET"
    "   generation = excluded.generation, name = excluded.name, url = excluded.url"
    " RETURNING id", error);

  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < standards->len; i++)
    {
      CertoUpdateStandard *s = g_ptr_array_index (standards, i);
      gint64 id = 0;

      sqlite3_bind_int64 (stmt, 1, source_id);
      certo_sqlite_bind_text (stmt, 2, s->id);
      sqlite3_bind_int64 (stmt, 3, generation);
      certo_sqlite_bind_text (stmt, 4, s->name);
      certo_sqlite_bind_text (stmt, 5, s->url);
      if (!step_returning_id (db, stmt, &id, error))
        return FALSE;
      id_map_add (ids, s->id, id);
    }

  return TRUE;
}

static gboolean
import_families (CertoSqlite   *db,
                 GPtrArray     *families,
                 gint64         source_id,
                 gint64         generation,
                 GHashTable    *ids,
                 Folds         *folds,
                 GError       **error)
{
  g_autoptr(CertoSqliteStmt) stmt = certo_sqlite_statement (db,
    "INSERT INTO families (source_id, key, generation, name_json) VALUES (?1, ?2, ?3, ?4)"
    " ON CONFLICT (source_id, key) DO UPDATE SET"
    "   generation = excluded.generation, name_json = excluded.name_json"
    " RETURNING id", error);

  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < families->len; i++)
    {
      CertoUpdateFamily *f = g_ptr_array_index (families, i);
      g_autofree char *name_json = dup_localized_json (f->name);
      gint64 id = 0;

      sqlite3_bind_int64 (stmt, 1, source_id);
      certo_sqlite_bind_text (stmt, 2, f->id);
      sqlite3_bind_int64 (stmt, 3, generation);
      certo_sqlite_bind_text (stmt, 4, name_json);
      if (!step_returning_id (db, stmt, &id, error))
        return FALSE;
      id_map_add (ids, f->id, id);
      g_hash_table_replace (folds->families, f->id, certo_store_dup_folded_names (f->name));
    }

  return TRUE;
}

static gboolean
import_services (CertoSqlite     *db,
                 GPtrArray       *services,
                 gint64           source_id,
                 gint64           generation,
                 GHashTable      *family_ids,
                 GHashTable      *ids,
                 Folds           *folds,
                 CertoStoreDiff  *diff,
                 GError         **error)
{
  g_autoptr(CertoSqliteStmt) stmt = NULL;
  g_autoptr(CertoSqliteStmt) link = NULL;

  stmt = certo_sqlite_statement (db,
    "INSERT INTO services (source_id, key, generation, name_json, url, search_text)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
    " ON CONFLICT (source_id, key) DO UPDATE SET"
    "   generation = excluded.generation, name_json = excluded.name_json, url = excluded.url,"
    "   search_text = excluded.search_text"
    " RETURNING id", error);
  if (stmt == NULL)
    return FALSE;
  link = certo_sqlite_statement (db,
    "INSERT INTO service_families (service_id, position, family_id) VALUES (?1, ?2, ?3)", error);
  if (link == NULL)
    return FALSE;

  for (guint i = 0; i < services->len; i++)
    {
      CertoUpdateService *s = g_ptr_array_index (services, i);
      g_autofree char *name_json = dup_localized_json (s->name);
      char *folded = certo_store_dup_folded_names (s->name);
      gint64 id = 0;
      guint position = 0;

      g_hash_table_replace (folds->services, s->id, folded);

      sqlite3_bind_int64 (stmt, 1, source_id);
      certo_sqlite_bind_text (stmt, 2, s->id);
      sqlite3_bind_int64 (stmt, 3, generation);
      certo_sqlite_bind_text (stmt, 4, name_json);
      certo_sqlite_bind_text (stmt, 5, s->url);
      certo_sqlite_bind_text (stmt, 6, folded);
      if (!step_returning_id (db, stmt, &id, error))
        return FALSE;
      id_map_add (ids, s->id, id);
      certo_store_diff_service (diff, s, name_json, id);

      for (guint j = 0; s->families != NULL && j < s->families->len; j++)
        {
          gint64 family_id = id_map_get (family_ids, g_ptr_array_index (s->families, j));

          /* validated updates only refer to declared families */
          if (family_id > 0 &&
              !insert_link (db, link, id, position++, family_id, NULL, error))
            return FALSE;
        }
    }

  return TRUE;
}

/* A withdrawn document kept its links; one that comes back gets new ones */
static const char * const clear_document_links_sql[] = {
  "DELETE FROM document_standards WHERE document_id = ?1",
  "DELETE FROM document_services WHERE document_id = ?1",
  "DELETE FROM document_urls WHERE document_id = ?1",
};

static gboolean
clear_document_links (CertoSqlite   *db,
                      gint64         document_id,
                      GError       **error)
{
  const char * const *sql = clear_document_links_sql;

  for (guint i = 0; i < G_N_ELEMENTS (clear_document_links_sql); i++)
    if (!run_for_source (db, sql[i], document_id, 0, error))
      return FALSE;

  return TRUE;
}

static gboolean
import_documents (CertoSqlite     *db,
                  GPtrArray       *documents,
                  gint64           source_id,
                  gint64           generation,
                  GHashTable      *standard_ids,
                  GHashTable      *family_ids,
                  GHashTable      *service_ids,
                  Folds           *folds,
                  CertoStoreDiff  *diff,
                  GCancellable    *cancellable,
                  GError         **error)
{
  g_autoptr(GString) search = g_string_sized_new (512);
  g_autoptr(CertoSqliteStmt) stmt = NULL;
  g_autoptr(CertoSqliteStmt) standard_link = NULL;
  g_autoptr(CertoSqliteStmt) service_link = NULL;
  g_autoptr(CertoSqliteStmt) url_link = NULL;

  stmt = certo_sqlite_statement (db,
    "INSERT INTO documents (source_id, key, generation, kind, title_json, family_id, issuer,"
    "                       certificate_number, issued, expires, language, search_text)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)"
    " ON CONFLICT (source_id, key) DO UPDATE SET"
    "   generation = excluded.generation, kind = excluded.kind,"
    "   title_json = excluded.title_json, family_id = excluded.family_id,"
    "   issuer = excluded.issuer, certificate_number = excluded.certificate_number,"
    "   issued = excluded.issued, expires = excluded.expires, language = excluded.language,"
    "   search_text = excluded.search_text, withdrawn_at = NULL"
    " RETURNING id", error);
  if (stmt == NULL)
    return FALSE;
  standard_link = certo_sqlite_statement (db,
    "INSERT INTO document_standards (document_id, position, standard_id) VALUES (?1, ?2, ?3)", error);
  if (standard_link == NULL)
    return FALSE;
  service_link = certo_sqlite_statement (db,
    "INSERT INTO document_services (document_id, position, service_id, name) VALUES (?1, ?2, ?3, ?4)", error);
  if (service_link == NULL)
    return FALSE;
  url_link = certo_sqlite_statement (db,
    "INSERT INTO document_urls (document_id, position, url) VALUES (?1, ?2, ?3)", error);
  if (url_link == NULL)
    return FALSE;

  for (guint i = 0; i < documents->len; i++)
    {
      CertoUpdateDocument *d = g_ptr_array_index (documents, i);
      g_autofree char *title_json = dup_localized_json (d->title);
      g_autofree char *titles = certo_store_dup_folded_names (d->title);
      gint64 id = 0;
      guint position = 0;

      if (check_cancelled (cancellable, i, error))
        return FALSE;

      /* The order certo-store-private.h gives */
      g_string_truncate (search, 0);
      certo_store_search_append_folded (search, titles);
      certo_store_search_append (search, d->certificate_number);
      certo_store_search_append_folded (search, fold_text (folds, d->issuer));
      if (d->family != NULL)
        certo_store_search_append_folded (search, g_hash_table_lookup (folds->families, d->family));
      for (guint j = 0; d->services != NULL && j < d->services->len; j++)
        certo_store_search_append_folded (search, g_hash_table_lookup (folds->services,
                                                                       g_ptr_array_index (d->services, j)));
      for (guint j = 0; d->service_names != NULL && j < d->service_names->len; j++)
        certo_store_search_append_folded (search, fold_text (folds, g_ptr_array_index (d->service_names, j)));

      sqlite3_bind_int64 (stmt, 1, source_id);
      certo_sqlite_bind_text (stmt, 2, d->id);
      sqlite3_bind_int64 (stmt, 3, generation);
      certo_sqlite_bind_text (stmt, 4, certo_document_kind_to_string (d->kind));
      certo_sqlite_bind_text (stmt, 5, title_json);
      certo_store_db_bind_id (stmt, 6, id_map_get (family_ids, d->family));
      certo_sqlite_bind_text (stmt, 7, d->issuer);
      certo_sqlite_bind_text (stmt, 8, d->certificate_number);
      certo_sqlite_bind_text (stmt, 9, d->issued);
      certo_sqlite_bind_text (stmt, 10, d->expires);
      certo_sqlite_bind_text (stmt, 11, d->language);
      certo_sqlite_bind_text (stmt, 12, search->str);
      if (!step_returning_id (db, stmt, &id, error))
        return FALSE;

      if (certo_store_diff_document (diff, d, title_json, id) &&
          !clear_document_links (db, id, error))
        return FALSE;

      for (guint j = 0; d->standards != NULL && j < d->standards->len; j++)
        {
          gint64 standard_id = id_map_get (standard_ids, g_ptr_array_index (d->standards, j));

          if (standard_id > 0 &&
              !insert_link (db, standard_link, id, position++, standard_id, NULL, error))
            return FALSE;
        }

      /* Matched services first, then the names that match none */
      position = 0;
      for (guint j = 0; d->services != NULL && j < d->services->len; j++)
        {
          gint64 service_id = id_map_get (service_ids, g_ptr_array_index (d->services, j));

          if (service_id > 0 &&
              !insert_link (db, service_link, id, position++, service_id, NULL, error))
            return FALSE;
        }
      for (guint j = 0; d->service_names != NULL && j < d->service_names->len; j++)
        {
          sqlite3_bind_null (service_link, 3);
          certo_sqlite_bind_text (service_link, 4, g_ptr_array_index (d->service_names, j));
          if (!insert_link (db, service_link, id, position++, 0, NULL, error))
            return FALSE;
        }

      position = 0;
      for (guint j = 0; d->urls != NULL && j < d->urls->len; j++)
        if (!insert_link (db, url_link, id, position++, 0, g_ptr_array_index (d->urls, j), error))
          return FALSE;
    }

  return TRUE;
}

static gboolean
import_environments (CertoSqlite   *db,
                     GPtrArray     *environments,
                     gint64         source_id,
                     gint64         generation,
                     GHashTable    *family_ids,
                     GError       **error)
{
  g_autoptr(CertoSqliteStmt) stmt = NULL;
  g_autoptr(CertoSqliteStmt) link = NULL;

  stmt = certo_sqlite_statement (db,
    "INSERT INTO environments (source_id, key, generation, name_json, family_id)"
    " VALUES (?1, ?2, ?3, ?4, ?5)"
    " ON CONFLICT (source_id, key) DO UPDATE SET"
    "   generation = excluded.generation, name_json = excluded.name_json,"
    "   family_id = excluded.family_id"
    " RETURNING id", error);
  if (stmt == NULL)
    return FALSE;
  link = certo_sqlite_statement (db,
    "INSERT INTO environment_service_names (environment_id, position, name) VALUES (?1, ?2, ?3)", error);
  if (link == NULL)
    return FALSE;

  for (guint i = 0; i < environments->len; i++)
    {
      CertoUpdateEnvironment *e = g_ptr_array_index (environments, i);
      g_autofree char *name_json = dup_localized_json (e->name);
      gint64 id = 0;

      sqlite3_bind_int64 (stmt, 1, source_id);
      certo_sqlite_bind_text (stmt, 2, e->id);
      sqlite3_bind_int64 (stmt, 3, generation);
      certo_sqlite_bind_text (stmt, 4, name_json);
      certo_store_db_bind_id (stmt, 5, id_map_get (family_ids, e->family));
      if (!step_returning_id (db, stmt, &id, error))
        return FALSE;

      for (guint j = 0; e->service_names != NULL && j < e->service_names->len; j++)
        if (!insert_link (db, link, id, j, 0, g_ptr_array_index (e->service_names, j), error))
          return FALSE;
    }

  return TRUE;
}

/* The source row as it is before the import: whether it exists, and
 * whether it was ever imported (a source added but never synced was not) */
gboolean
certo_store_import_find_source (CertoSqlite   *db,
                                const char    *key,
                                gint64        *out_id,
                                gint64        *out_generation,
                                GError       **error)
{
  g_autoptr(CertoSqliteStmt) stmt = certo_sqlite_statement (db,
    "SELECT id, generation FROM sources WHERE key = ?1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  certo_sqlite_bind_text (stmt, 1, key);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      certo_sqlite_set_error (db, rc, error);
      return FALSE;
    }

  *out_id = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  *out_generation = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 1) : 0;
  return TRUE;
}

/* A sync's status fields, in the same transaction as its rows: checked
 * when refreshed */
static gboolean
write_sync_status (CertoSqlite           *db,
                   CertoStoreImportData  *data,
                   gint64                 source_id,
                   GError               **error)
{
  g_autoptr(CertoSqliteStmt) stmt = certo_sqlite_statement (db,
    "UPDATE sources SET last_checked = last_refresh, retry_after = NULL,"
    "  etag = CASE WHEN ?2 THEN ?3 ELSE etag END,"
    "  last_modified = CASE WHEN ?2 THEN ?4 ELSE last_modified END"
    " WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, source_id);
  sqlite3_bind_int (stmt, 2, data->set_validators);
  certo_sqlite_bind_text (stmt, 3, data->etag);
  certo_sqlite_bind_text (stmt, 4, data->last_modified);
  return certo_sqlite_step_done (db, stmt, error);
}

/* Replaces the reader text of an article source */
static gboolean
write_text (CertoSqlite       *db,
            gint64             source_id,
            CertoArticleText  *text,
            GError           **error)
{
  g_autoptr(CertoSqliteStmt) clear = NULL;
  g_autoptr(CertoSqliteStmt) insert = NULL;
  const char * const *languages;

  clear = certo_sqlite_statement (db, "DELETE FROM source_texts WHERE source_id = ?1", error);
  if (clear == NULL)
    return FALSE;
  sqlite3_bind_int64 (clear, 1, source_id);
  if (!certo_sqlite_step_done (db, clear, error))
    return FALSE;

  if (text == NULL)
    return TRUE;

  insert = certo_sqlite_statement (db,
    "INSERT INTO source_texts (source_id, language, position, section, kind, level, text, links)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", error);
  if (insert == NULL)
    return FALSE;

  languages = certo_article_text_get_languages (text);
  for (guint i = 0; languages[i] != NULL; i++)
    {
      GPtrArray *blocks = certo_article_text_get_blocks (text, languages[i]);

      for (guint j = 0; j < blocks->len; j++)
        {
          CertoTextBlock *block = g_ptr_array_index (blocks, j);
          g_autoptr(GString) links = g_string_new (NULL);
          gboolean ok;

          for (guint k = 0; block->links != NULL && k < block->links->len; k++)
            {
              CertoTextLink *link = &g_array_index (block->links, CertoTextLink, k);

              g_string_append_printf (links, "%u %u %s\n", link->start, link->end, link->url);
            }

          sqlite3_bind_int64 (insert, 1, source_id);
          certo_sqlite_bind_text (insert, 2, languages[i]);
          sqlite3_bind_int (insert, 3, j);
          certo_sqlite_bind_text (insert, 4, certo_text_section_to_string (block->section));
          certo_sqlite_bind_text (insert, 5, certo_text_block_kind_to_string (block->kind));
          sqlite3_bind_int (insert, 6, block->level);
          certo_sqlite_bind_text (insert, 7, block->text);
          certo_sqlite_bind_text (insert, 8, links->len > 0 ? links->str : NULL);
          ok = certo_sqlite_step_done (db, insert, error);
          certo_sqlite_release (insert);
          if (!ok)
            return FALSE;
        }
    }

  return TRUE;
}

/* Inside one transaction: the source row, then every entity upserted by
 * (source, key) so row ids survive re-imports, links rewritten, the rows
 * whose keys are gone deleted (their links go with them), except the
 * documents saved offline, which stay withdrawn; then the history */
static gboolean
import_in_transaction (CertoSqlite           *db,
                       CertoStoreImportData  *data,
                       GCancellable          *cancellable,
                       gint64                *out_source_id,
                       CertoSyncSummary      *summary,
                       GError               **error)
{
  CertoCatalogUpdate *update = data->update;
  g_autoptr(GHashTable) standard_ids = id_map_new ();
  g_autoptr(GHashTable) family_ids = id_map_new ();
  g_autoptr(GHashTable) service_ids = id_map_new ();
  g_autofree char *now = certo_now_iso8601 ();
  static const char * const clear_links[] = {
    "DELETE FROM service_families WHERE service_id IN (SELECT id FROM services WHERE source_id = ?1)",
    "DELETE FROM document_standards WHERE document_id IN"
    " (SELECT id FROM documents WHERE source_id = ?1 AND withdrawn_at IS NULL)",
    "DELETE FROM document_services WHERE document_id IN"
    " (SELECT id FROM documents WHERE source_id = ?1 AND withdrawn_at IS NULL)",
    "DELETE FROM document_urls WHERE document_id IN"
    " (SELECT id FROM documents WHERE source_id = ?1 AND withdrawn_at IS NULL)",
    "DELETE FROM environment_service_names WHERE environment_id IN (SELECT id FROM environments WHERE source_id = ?1)",
  };
  /* Referring rows first, so no row points at one about to go */
  static const char * const delete_gone[] = {
    "DELETE FROM environments WHERE source_id = ?1 AND generation <> ?2",
    "DELETE FROM documents WHERE source_id = ?1 AND generation <> ?2",
    "DELETE FROM services WHERE source_id = ?1 AND generation <> ?2",
    "DELETE FROM families WHERE source_id = ?1 AND generation <> ?2",
    "DELETE FROM standards WHERE source_id = ?1 AND generation <> ?2",
  };
  CertoStoreDiff *diff = NULL;
  gint64 old_id = 0;
  gint64 old_generation = 0;
  gint64 source_id = 0;
  gint64 generation = 0;
  gint64 replaced_id = 0;
  Folds folds;
  gboolean ok;

  if (!certo_store_import_resolve_target (db, data, &replaced_id, error) ||
      !certo_store_import_check_shrink (db, data, replaced_id, error))
    return FALSE;

  if (!certo_store_import_find_source (db, data->key, &old_id, &old_generation, error) ||
      !certo_store_diff_prepare (db, error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (clear_document_links_sql); i++)
    if (certo_sqlite_statement (db, clear_document_links_sql[i], error) == NULL)
      return FALSE;

  if (data->source_id > 0 && old_id != data->source_id)
    {
      g_set_error (error, CERTO_STORE_ERROR, CERTO_STORE_ERROR_NOT_FOUND,
                   _("The source “%s” was removed while it was being refreshed; nothing was saved"),
                   data->name != NULL ? data->name : data->key);
      return FALSE;
    }

  diff = certo_store_diff_new ();
  if (old_id > 0 && old_generation > 0 &&
      !certo_store_diff_read_old (diff, db, old_id, error))
    goto failed;

  if (!import_source_row (db, data, &source_id, &generation, error) ||
      !certo_store_diff_keep_withdrawn (diff, db, update, generation, now, error))
    goto failed;

  for (guint i = 0; i < G_N_ELEMENTS (clear_links); i++)
    if (!run_for_source (db, clear_links[i], source_id, generation, error))
      goto failed;

  folds_init (&folds);
  ok = import_standards (db, update->standards, source_id, generation, standard_ids, error) &&
       import_families (db, update->families, source_id, generation, family_ids, &folds, error) &&
       import_services (db, update->services, source_id, generation, family_ids, service_ids,
                        &folds, diff, error) &&
       import_documents (db, update->documents, source_id, generation,
                         standard_ids, family_ids, service_ids, &folds, diff, cancellable, error) &&
       import_environments (db, update->environments, source_id, generation, family_ids, error);
  folds_clear (&folds);
  if (!ok)
    goto failed;

  for (guint i = 0; i < G_N_ELEMENTS (delete_gone); i++)
    if (!run_for_source (db, delete_gone[i], source_id, generation, error))
      goto failed;

  summary->source_id = source_id;
  summary->n_documents = update->documents->len;
  summary->n_services = update->services->len;
  if (!certo_store_diff_write (diff, db, source_id, now, summary, error))
    goto failed;

  if (data->checked != NULL && !write_sync_status (db, data, source_id, error))
    goto failed;

  if (data->source_id > 0 && !write_text (db, source_id, data->text, error))
    goto failed;

  certo_store_diff_free (diff);
  *out_source_id = source_id;
  return TRUE;

failed:
  certo_store_diff_free (diff);
  return FALSE;
}

void
certo_store_import_data_free (gpointer data)
{
  CertoStoreImportData *d = data;

  g_free (d->key);
  g_free (d->name);
  g_free (d->location);
  g_free (d->content_hash);
  g_clear_pointer (&d->update, certo_catalog_update_free);
  g_free (d->checked);
  g_free (d->etag);
  g_free (d->last_modified);
  g_clear_pointer (&d->text, certo_article_text_unref);
  g_free (d);
}

/* The whole import in one transaction; on any error nothing changes */
gboolean
certo_store_db_import (CertoSqlite           *db,
                       CertoStoreImportData  *data,
                       GCancellable          *cancellable,
                       CertoSyncSummary      *summary,
                       GError               **error)
{
  gint64 source_id = 0;

  if (!certo_store_db_begin (db, error) ||
      !certo_store_db_end (db, import_in_transaction (db, data, cancellable, &source_id,
                                                      summary, error),
                           error))
    return FALSE;

  certo_sqlite_release_memory (db);
  return TRUE;
}

void
certo_store_db_job_import (CertoSqlite  *db,
                           GTask        *task,
                           gpointer      task_data,
                           GCancellable *cancellable)
{
  g_autoptr(CertoSyncSummary) summary = certo_sync_summary_new ();
  GError *error = NULL;

  if (!certo_store_db_import (db, task_data, cancellable, summary, &error))
    g_task_return_error (task, error);
  else
    g_task_return_int (task, summary->source_id);
}
