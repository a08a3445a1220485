/* certo-store-sync.c — what keeping sources up to date writes: sources
 * added and renamed, a sync's import and status, document checks, the
 * reader text of articles
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Jobs for the store's worker thread (see certo-store.c). Each write is
 * one transaction; a failure leaves the database as it was.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>

#include "certo-model-private.h"
#include "certo-store-private.h"
#include "certo-util-private.h"

/* Helpers */

/* The name a source shows, as certo-store-load.c chooses it */
char *
certo_store_db_dup_source_name (CertoSqlite  *db,
                                gint64        source_id)
{
  g_autoptr(CertoSqliteStmt) stmt = certo_sqlite_statement (db,
    "SELECT name, title_json, feed_id, key FROM sources WHERE id = ?1", NULL);
  g_autoptr(CertoLocalized) title = NULL;
  const char *json;

  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, source_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;

  if (sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    return g_strdup ((const char *) sqlite3_column_text (stmt, 0));

  json = (const char *) sqlite3_column_text (stmt, 1);
  if (json != NULL)
    title = certo_store_localized_from_json (json);
  if (title != NULL && !certo_localized_is_empty (title))
    return g_strdup (certo_localized_get_display (title));

  if (sqlite3_column_type (stmt, 2) != SQLITE_NULL)
    return g_strdup ((const char *) sqlite3_column_text (stmt, 2));

  return g_strdup ((const char *) sqlite3_column_text (stmt, 3));
}

/* Sources added and renamed */

typedef struct
{
  char *key;
  CertoSourceKind kind;
  CertoSourceFormat format;
  char *name;
  char *location;
} AddData;

static void
add_data_free (gpointer data)
{
  AddData *d = data;

  g_free (d->key);
  g_free (d->name);
  g_free (d->location);
  g_free (d);
}

static gboolean
add_source (CertoSqlite   *db,
            AddData       *data,
            gint64        *out_id,
            GError       **error)
{
  g_autoptr(CertoSqliteStmt) find = NULL;
  g_autoptr(CertoSqliteStmt) insert = NULL;
  g_autofree char *now = certo_now_iso8601 ();
  int rc;

  find = certo_sqlite_statement (db, "SELECT id FROM sources WHERE key = ?1", error);
  if (find == NULL)
    return FALSE;
  certo_sqlite_bind_text (find, 1, data->key);
  rc = sqlite3_step (find);
  if (rc == SQLITE_ROW)
    {
      g_set_error (error, CERTO_STORE_ERROR, CERTO_STORE_ERROR_EXISTS,
                   _("“%s” is already a source of the catalog (id %" PRId64 ")"),
                   data->location != NULL ? data->location : data->key,
                   (int64_t) sqlite3_column_int64 (find, 0));
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    {
      certo_sqlite_set_error (db, rc, error);
      return FALSE;
    }

  /* Generation 0: never imported, so its first sync is summarised */
  insert = certo_sqlite_statement (db,
    "INSERT INTO sources (key, kind, format, requested_format, name, location, created, generation)"
    " VALUES (?1, ?2, ?3, ?3, ?4, ?5, ?6, 0) RETURNING id", error);
  if (insert == NULL)
    return FALSE;
  certo_sqlite_bind_text (insert, 1, data->key);
  certo_sqlite_bind_text (insert, 2, certo_source_kind_to_string (data->kind));
  certo_sqlite_bind_text (insert, 3, certo_source_format_to_string (data->format));
  certo_sqlite_bind_text (insert, 4, data->name);
  certo_sqlite_bind_text (insert, 5, data->location);
  certo_sqlite_bind_text (insert, 6, now);
  if (!certo_sqlite_step_row (db, insert, error))
    return FALSE;

  *out_id = sqlite3_column_int64 (insert, 0);
  return TRUE;
}

static void
job_add_source (CertoSqlite  *db,
                GTask        *task,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GError *error = NULL;
  gint64 id = 0;

  if (!certo_store_db_begin (db, &error) ||
      !certo_store_db_end (db, add_source (db, task_data, &id, &error), &error))
    g_task_return_error (task, error);
  else
    g_task_return_int (task, id);
}

typedef struct
{
  gint64 source_id;
  char *name;
} RenameData;

static void
rename_data_free (gpointer data)
{
  RenameData *d = data;

  g_free (d->name);
  g_free (d);
}

static gboolean
rename_source (CertoSqlite   *db,
               RenameData    *data,
               GError       **error)
{
  g_autoptr(CertoSqliteStmt) stmt = certo_sqlite_statement (db,
    "UPDATE sources SET name = ?2 WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, data->source_id);
  certo_sqlite_bind_text (stmt, 2, data->name);
  if (!certo_sqlite_step_done (db, stmt, error))
    return FALSE;

  if (sqlite3_changes (sqlite3_db_handle (stmt)) == 0)
    return certo_store_source_not_found (data->source_id, error);

  return TRUE;
}

static void
job_rename_source (CertoSqlite  *db,
                   GTask        *task,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  GError *error = NULL;

  if (!certo_store_db_begin (db, &error) ||
      !certo_store_db_end (db, rename_source (db, task_data, &error), &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/* A sync's import */

static void
job_sync_import (CertoSqlite  *db,
                 GTask        *task,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  CertoStoreImportData *data = task_data;
  g_autoptr(CertoSyncSummary) summary = certo_sync_summary_new ();
  GError *error = NULL;

  if (!certo_store_db_import (db, data, cancellable, summary, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  summary->source_name = certo_store_db_dup_source_name (db, summary->source_id);
  g_task_return_pointer (task, g_steal_pointer (&summary), (GDestroyNotify) certo_sync_summary_free);
}

/* A sync's status */

void
certo_store_status_free (CertoStoreStatus *status)
{
  if (status == NULL)
    return;

  g_free (status->checked);
  g_free (status->error);
  g_free (status->retry_after);
  g_free (status->etag);
  g_free (status->last_modified);
  g_free (status->location);
  g_free (status);
}

static gboolean
set_status (CertoSqlite       *db,
            CertoStoreStatus  *status,
            GError           **error)
{
  g_autoptr(CertoSqliteStmt) stmt = certo_sqlite_statement (db,
    "UPDATE sources SET last_checked = ?2, last_error = ?3, retry_after = ?4,"
    "  last_refresh = CASE WHEN ?5 THEN ?2 ELSE last_refresh END,"
    "  etag = CASE WHEN ?6 THEN ?7 ELSE etag END,"
    "  last_modified = CASE WHEN ?6 THEN ?8 ELSE last_modified END,"
    "  location = COALESCE (?9, location)"
    " WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, status->source_id);
  certo_sqlite_bind_text (stmt, 2, status->checked);
  certo_sqlite_bind_text (stmt, 3, status->error);
  certo_sqlite_bind_text (stmt, 4, status->retry_after);
  sqlite3_bind_int (stmt, 5, status->refreshed);
  sqlite3_bind_int (stmt, 6, status->set_validators);
  certo_sqlite_bind_text (stmt, 7, status->etag);
  certo_sqlite_bind_text (stmt, 8, status->last_modified);
  certo_sqlite_bind_text (stmt, 9, status->location);
  if (!certo_sqlite_step_done (db, stmt, error))
    return FALSE;

  if (sqlite3_changes (sqlite3_db_handle (stmt)) == 0)
    return certo_store_source_not_found (status->source_id, error);

  return TRUE;
}

static void
job_set_status (CertoSqlite  *db,
                GTask        *task,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GError *error = NULL;

  if (!certo_store_db_begin (db, &error) ||
      !certo_store_db_end (db, set_status (db, task_data, &error), &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/* Document checks */

void
certo_store_probe_free (CertoStoreProbe *probe)
{
  if (probe == NULL)
    return;

  g_free (probe->url);
  g_clear_pointer (&probe->result, certo_probe_result_free);
  g_free (probe->error);
  g_free (probe);
}

typedef struct
{
  gint64 source_id;
  GPtrArray *probes;
} ProbesData;

static void
probes_data_free (gpointer data)
{
  ProbesData *d = data;

  g_ptr_array_unref (d->probes);
  g_free (d);
}

static char *
size_text (gint64 size)
{
  return size >= 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, size) : NULL;
}

/* The change a probe shows, if any: compared with the previous probe of
 * the same address */
static gboolean
record_probe (CertoSqlite       *db,
              CertoStoreProbe   *probe,
              const char        *now,
              gint64            *run_id,
              CertoSyncSummary  *summary,
              GError           **error)
{
  g_autoptr(CertoSqliteStmt) document = NULL;
  g_autoptr(CertoSqliteStmt) previous = NULL;
  g_autoptr(CertoSqliteStmt) upsert = NULL;
  CertoProbeResult *r = probe->result;
  g_autofree char *old_etag = NULL;
  g_autofree char *old_modified = NULL;
  g_autofree char *key = NULL;
  g_autofree char *title_json = NULL;
  gint64 old_size = -1;
  gboolean have_previous = FALSE;
  int rc;

  /* Removed while it was probed: nothing to record */
  document = certo_sqlite_statement (db, "SELECT key, title_json FROM documents WHERE id = ?1", error);
  if (document == NULL)
    return FALSE;
  sqlite3_bind_int64 (document, 1, probe->document_id);
  rc = sqlite3_step (document);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc != SQLITE_ROW)
    {
      certo_sqlite_set_error (db, rc, error);
      return FALSE;
    }
  key = g_strdup ((const char *) sqlite3_column_text (document, 0));
  title_json = g_strdup ((const char *) sqlite3_column_text (document, 1));

  previous = certo_sqlite_statement (db,
    "SELECT etag, last_modified, size FROM document_probes"
    " WHERE document_id = ?1 AND url = ?2 AND error IS NULL", error);
  if (previous == NULL)
    return FALSE;
  sqlite3_bind_int64 (previous, 1, probe->document_id);
  certo_sqlite_bind_text (previous, 2, probe->url);
  rc = sqlite3_step (previous);
  if (rc == SQLITE_ROW)
    {
      have_previous = TRUE;
      old_etag = g_strdup ((const char *) sqlite3_column_text (previous, 0));
      old_modified = g_strdup ((const char *) sqlite3_column_text (previous, 1));
      old_size = sqlite3_column_type (previous, 2) == SQLITE_NULL ? -1 : sqlite3_column_int64 (previous, 2);
    }
  else if (rc != SQLITE_DONE)
    {
      certo_sqlite_set_error (db, rc, error);
      return FALSE;
    }

  if (r != NULL && have_previous && certo_probe_result_changed (r, old_etag, old_modified, old_size))
    {
      g_autofree char *old_size_text = size_text (old_size);
      g_autofree char *new_size_text = size_text (r->size);
      gint64 change_id = 0;
      guint position = 0;

      if (*run_id == 0)
        {
          g_autoptr(CertoSqliteStmt) run = certo_sqlite_statement (db,
            "INSERT INTO sync_runs (source_id, kind, date) VALUES (?1, 'check', ?2) RETURNING id", error);

          if (run == NULL)
            return FALSE;
          sqlite3_bind_int64 (run, 1, summary->source_id);
          certo_sqlite_bind_text (run, 2, now);
          if (!certo_sqlite_step_row (db, run, error))
            return FALSE;
          *run_id = sqlite3_column_int64 (run, 0);
        }

      if (!certo_store_db_insert_change (db, *run_id, CERTO_CHANGE_DOCUMENT_UPDATED, key,
                                         probe->document_id, 0, title_json, &change_id, error))
        return FALSE;
      if (g_strcmp0 (old_etag, r->etag) != 0 &&
          !certo_store_db_insert_field (db, change_id, position++, "etag", old_etag, r->etag, error))
        return FALSE;
      if (g_strcmp0 (old_size_text, new_size_text) != 0 &&
          !certo_store_db_insert_field (db, change_id, position++, "size", old_size_text, new_size_text, error))
        return FALSE;
      if (g_strcmp0 (old_modified, r->last_modified) != 0 &&
          !certo_store_db_insert_field (db, change_id, position++, "last_modified",
                                        old_modified, r->last_modified, error))
        return FALSE;

      {
        g_autoptr(CertoSqliteStmt) mark = certo_sqlite_statement (db,
          "UPDATE documents SET updated_at = ?2 WHERE id = ?1", error);

        if (mark == NULL)
          return FALSE;
        sqlite3_bind_int64 (mark, 1, probe->document_id);
        certo_sqlite_bind_text (mark, 2, now);
        if (!certo_sqlite_step_done (db, mark, error))
          return FALSE;
      }
      summary->n_updated++;
    }

  /* A failed probe keeps the validators of the last good one */
  if (r != NULL)
    upsert = certo_sqlite_statement (db,
      "INSERT OR REPLACE INTO document_probes (document_id, url, final_url, status, content_type,"
      "                                        size, etag, last_modified, checked, error)"
      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, NULL)", error);
  else
    upsert = certo_sqlite_statement (db,
      "INSERT INTO document_probes (document_id, url, checked, error) VALUES (?1, ?2, ?9, ?10)"
      " ON CONFLICT (document_id) DO UPDATE SET checked = excluded.checked, error = excluded.error", error);
  if (upsert == NULL)
    return FALSE;

  sqlite3_bind_int64 (upsert, 1, probe->document_id);
  certo_sqlite_bind_text (upsert, 2, probe->url);
  certo_sqlite_bind_text (upsert, 9, now);
  if (r != NULL)
    {
      certo_sqlite_bind_text (upsert, 3, r->final_url);
      sqlite3_bind_int (upsert, 4, r->status);
      certo_sqlite_bind_text (upsert, 5, r->content_type);
      if (r->size >= 0)
        sqlite3_bind_int64 (upsert, 6, r->size);
      certo_sqlite_bind_text (upsert, 7, r->etag);
      certo_sqlite_bind_text (upsert, 8, r->last_modified);
      summary->n_checked++;
    }
  else
    {
      certo_sqlite_bind_text (upsert, 10, probe->error);
      summary->n_check_failed++;
    }

  return certo_sqlite_step_done (db, upsert, error);
}

static gboolean
record_probes (CertoSqlite       *db,
               ProbesData        *data,
               CertoSyncSummary  *summary,
               GError           **error)
{
  g_autofree char *now = certo_now_iso8601 ();
  gint64 run_id = 0;

  summary->source_id = data->source_id;
  for (guint i = 0; i < data->probes->len; i++)
    if (!record_probe (db, g_ptr_array_index (data->probes, i), now, &run_id, summary, error))
      return FALSE;

  if (run_id > 0)
    {
      g_autoptr(CertoSqliteStmt) count = certo_sqlite_statement (db,
        "UPDATE sync_runs SET n_updated = ?2 WHERE id = ?1", error);

      if (count == NULL)
        return FALSE;
      sqlite3_bind_int64 (count, 1, run_id);
      sqlite3_bind_int64 (count, 2, summary->n_updated);
      if (!certo_sqlite_step_done (db, count, error))
        return FALSE;
    }

  summary->outcome = summary->n_updated > 0 ? CERTO_SYNC_OUTCOME_CHANGED : CERTO_SYNC_OUTCOME_UNCHANGED;
  return TRUE;
}

static void
job_record_probes (CertoSqlite  *db,
                   GTask        *task,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  g_autoptr(CertoSyncSummary) summary = certo_sync_summary_new ();
  GError *error = NULL;

  if (!certo_store_db_begin (db, &error) ||
      !certo_store_db_end (db, record_probes (db, task_data, summary, &error), &error))
    {
      g_task_return_error (task, error);
      return;
    }

  summary->source_name = certo_store_db_dup_source_name (db, summary->source_id);
  g_task_return_pointer (task, g_steal_pointer (&summary), (GDestroyNotify) certo_sync_summary_free);
}

/* Reader text */

static void
link_clear (gpointer data)
{
  g_free (((CertoTextLink *) data)->url);
}

static GArray *
parse_links (const char *text)
{
  g_auto(GStrv) lines = NULL;
  GArray *links;

  if (text == NULL)
    return NULL;

  links = g_array_new (FALSE, TRUE, sizeof (CertoTextLink));
  g_array_set_clear_func (links, link_clear);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (lines[i], " ", 3);
      guint64 start, end;
      CertoTextLink link;

      if (g_strv_length (parts) != 3 ||
          !g_ascii_string_to_unsigned (parts[0], 10, 0, G_MAXUINT, &start, NULL) ||
          !g_ascii_string_to_unsigned (parts[1], 10, start, G_MAXUINT, &end, NULL))
        continue;

      link.start = start;
      link.end = end;
      link.url = g_strdup (parts[2]);
      g_array_append_val (links, link);
    }

  return links;
}

static CertoTextSection
section_from_string (const char *text)
{
  return g_strcmp0 (text, "faq") == 0 ? CERTO_TEXT_SECTION_FAQ : CERTO_TEXT_SECTION_OVERVIEW;
}

static CertoTextBlockKind
block_kind_from_string (const char *text)
{
  if (g_strcmp0 (text, "heading") == 0)
    return CERTO_TEXT_BLOCK_HEADING;
  if (g_strcmp0 (text, "item") == 0)
    return CERTO_TEXT_BLOCK_ITEM;
  return CERTO_TEXT_BLOCK_PARAGRAPH;
}

static void
job_get_source_text (CertoSqlite  *db,
                     GTask        *task,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  g_autoptr(CertoSqliteStmt) stmt = NULL;
  g_autoptr(CertoArticleText) text = certo_article_text_new ();
  gint64 source_id = *(gint64 *) task_data;
  GError *error = NULL;
  int rc;

  if (!certo_store_db_ensure_open (db, &error) ||
      (stmt = certo_sqlite_statement (db,
         "SELECT language, section, kind, level, text, links FROM source_texts"
         " WHERE source_id = ?1 ORDER BY language, position", &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  sqlite3_bind_int64 (stmt, 1, source_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GArray *links = parse_links ((const char *) sqlite3_column_text (stmt, 5));

      certo_article_text_add_block (text,
                                    (const char *) sqlite3_column_text (stmt, 0),
                                    section_from_string ((const char *) sqlite3_column_text (stmt, 1)),
                                    block_kind_from_string ((const char *) sqlite3_column_text (stmt, 2)),
                                    sqlite3_column_int (stmt, 3),
                                    (const char *) sqlite3_column_text (stmt, 4),
                                    links);
    }
  if (rc != SQLITE_DONE)
    {
      certo_sqlite_set_error (db, rc, &error);
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, g_steal_pointer (&text), (GDestroyNotify) certo_article_text_unref);
}

/* Public API */

/**
 * certo_store_add_source_async:
 * @self: a #CertoStore
 * @spec: the source: @spec->key (the address, a file URI), @spec->kind
 *   (%CERTO_SOURCE_KIND_URL or %CERTO_SOURCE_KIND_FILE), @spec->format
 *   (the format chosen by the user, or %CERTO_SOURCE_FORMAT_AUTO),
 *   @spec->name (nullable), @spec->location; copied
 * @cancellable: (nullable): a #GCancellable
 * @callback: called in the caller's thread-default main context
 * @user_data: data for @callback
 *
 * Adds a source with no content yet; its first sync imports the content
 * and is summarised in the history rather than listed. Fails with
 * %CERTO_STORE_ERROR_EXISTS when @spec->key is already a source.
 */
void
certo_store_add_source_async (CertoStore            *self,
                              const CertoSourceSpec *spec,
                              GCancellable          *cancellable,
                              GAsyncReadyCallback    callback,
                              gpointer               user_data)
{
  AddData *data;
  GTask *task;

  g_return_if_fail (CERTO_IS_STORE (self));
  g_return_if_fail (spec != NULL && spec->key != NULL);

  data = g_new0 (AddData, 1);
  data->key = g_strdup (spec->key);
  data->kind = spec->kind;
  data->format = spec->format;
  data->name = certo_dup_nonempty (spec->name);
  data->location = g_strdup (spec->location);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, certo_store_add_source_async);
  g_task_set_task_data (task, data, add_data_free);
  certo_store_run (self, task, job_add_source);
}

/**
 * certo_store_add_source_finish:
 * @self: a #CertoStore
 * @result: the result given to the callback
 * @error: return location for a #CertoStoreError (%CERTO_STORE_ERROR_EXISTS, …)
 *
 * Returns: the new source's row id, or 0 on error
 */
gint64
certo_store_add_source_finish (CertoStore    *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  gssize id;

  g_return_val_if_fail (g_task_is_valid (result, self), 0);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == certo_store_add_source_async, 0);

  id = g_task_propagate_int (G_TASK (result), error);
  return id > 0 ? id : 0;
}

/**
 * certo_store_rename_source_async:
 * @self: a #CertoStore
 * @source_id: the row id of a source
 * @name: (nullable): the name to show; %NULL or "" shows the content's own
 *   title again
 * @cancellable: (nullable): a #GCancellable
 * @callback: called in the caller's thread-default main context
 * @user_data: data for @callback
 *
 * Sets the name a source shows. Syncs keep it.
 */
void
certo_store_rename_source_async (CertoStore          *self,
                                 gint64               source_id,
                                 const char          *name,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  RenameData *data;
  GTask *task;

  g_return_if_fail (CERTO_IS_STORE (self));

  data = g_new0 (RenameData, 1);
  data->source_id = source_id;
  data->name = certo_dup_nonempty (name);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, certo_store_rename_source_async);
  g_task_set_task_data (task, data, rename_data_free);
  certo_store_run (self, task, job_rename_source);
}

/**
 * certo_store_rename_source_finish:
 * @self: a #CertoStore
 * @result: the result given to the callback
 * @error: return location for a #CertoStoreError (%CERTO_STORE_ERROR_NOT_FOUND, …)
 *
 * Returns: %TRUE when the source was renamed
 */
gboolean
certo_store_rename_source_finish (CertoStore    *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == certo_store_rename_source_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * certo_store_get_source_text_async:
 * @self: a #CertoStore
 * @source_id: the row id of a compliance-offering article source
 * @cancellable: (nullable): a #GCancellable
 * @callback: called in the caller's thread-default main context
 * @user_data: data for @callback
 *
 * Reads the overview and FAQ kept from the article the user fetched, for
 * offline reading. Empty for other sources and for articles not synced
 * since Certo started keeping it.
 */
void
certo_store_get_source_text_async (CertoStore          *self,
                                   gint64               source_id,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (CERTO_IS_STORE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, certo_store_get_source_text_async);
  g_task_set_task_data (task, g_memdup2 (&source_id, sizeof source_id), g_free);
  certo_store_run (self, task, job_get_source_text);
}

/**
 * certo_store_get_source_text_finish:
 * @self: a #CertoStore
 * @result: the result given to the callback
 * @error: return location for a #CertoStoreError
 *
 * Returns: (transfer full) (nullable): the text (possibly empty, see
 *   certo_article_text_is_empty()), or %NULL on error
 */
CertoArticleText *
certo_store_get_source_text_finish (CertoStore    *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == certo_store_get_source_text_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Private API (certo-store-private.h) */

void
certo_store_sync_import_async (CertoStore           *self,
                               CertoStoreImportData *data,
                               GCancellable         *cancellable,
                               GAsyncReadyCallback   callback,
                               gpointer              user_data)
{
  GTask *task;

  g_return_if_fail (CERTO_IS_STORE (self));
  g_return_if_fail (data != NULL && data->source_id > 0 && data->update != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, certo_store_sync_import_async);
  g_task_set_task_data (task, data, certo_store_import_data_free);
  certo_store_run (self, task, job_sync_import);
}

CertoSyncSummary *
certo_store_sync_import_finish (CertoStore    *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == certo_store_sync_import_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
certo_store_set_status_async (CertoStore          *self,
                              CertoStoreStatus    *status,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (CERTO_IS_STORE (self));
  g_return_if_fail (status != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, certo_store_set_status_async);
  g_task_set_task_data (task, status, (GDestroyNotify) certo_store_status_free);
  certo_store_run (self, task, job_set_status);
}

gboolean
certo_store_set_status_finish (CertoStore    *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == certo_store_set_status_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
certo_store_record_probes_async (CertoStore          *self,
                                 gint64               source_id,
                                 GPtrArray           *probes,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  ProbesData *data;
  GTask *task;

  g_return_if_fail (CERTO_IS_STORE (self));
  g_return_if_fail (probes != NULL);

  data = g_new0 (ProbesData, 1);
  data->source_id = source_id;
  data->probes = probes;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, certo_store_record_probes_async);
  g_task_set_task_data (task, data, probes_data_free);
  certo_store_run (self, task, job_record_probes);
}

CertoSyncSummary *
certo_store_record_probes_finish (CertoStore    *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == certo_store_record_probes_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
