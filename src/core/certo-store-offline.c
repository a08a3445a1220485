/* certo-store-offline.c — the rows of documents saved for offline reading
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Jobs for the store's worker thread. The files themselves are
 * CertoOffline's: it puts a file in place before its row is written, and
 * deletes a file only after its row is gone, so a crash leaves at worst a
 * file no row names, which the next start sweeps away.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>

#include "certo-model-private.h"
#include "certo-store-private.h"
#include "certo-util-private.h"

#define SELECT_OFFLINE \
  "SELECT o.id, o.document_id, o.source_id, o.document_key, COALESCE (d.title_json, o.title_json)," \
  "       o.path, o.size, o.sha256, o.content_type, o.source_url, o.origin, o.added, o.etag," \
  "       o.last_modified" \
  " FROM offline_documents o LEFT JOIN documents d ON d.id = o.document_id"

/* Helpers */

static char *
column_dup (sqlite3_stmt *stmt,
            int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

static CertoOfflineDocument *
row_offline (sqlite3_stmt *stmt)
{
  CertoOfflineDocument *doc = g_object_new (CERTO_TYPE_OFFLINE_DOCUMENT, NULL);
  const char *title_json = (const char *) sqlite3_column_text (stmt, 4);

  doc->id = sqlite3_column_int64 (stmt, 0);
  doc->document_id = sqlite3_column_int64 (stmt, 1);
  doc->source_id = sqlite3_column_int64 (stmt, 2);
  doc->document_key = column_dup (stmt, 3);
  if (title_json != NULL)
    doc->title_localized = certo_store_localized_from_json (title_json);
  doc->file_name = column_dup (stmt, 5);
  doc->size = sqlite3_column_int64 (stmt, 6);
  doc->sha256 = column_dup (stmt, 7);
  doc->content_type = column_dup (stmt, 8);
  doc->source_url = column_dup (stmt, 9);
  doc->attached = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 10), "attached") == 0;
  doc->added = column_dup (stmt, 11);
  doc->etag = column_dup (stmt, 12);
  doc->last_modified = column_dup (stmt, 13);

  if (doc->title_localized != NULL && !certo_localized_is_empty (doc->title_localized))
    doc->title = certo_localized_get_display (doc->title_localized);
  else
    doc->title = doc->file_name;

  return doc;
}

/* Jobs */

static gboolean
add_offline (CertoSqlite            *db,
             CertoStoreOfflineRow   *row,
             CertoOfflineDocument  **out_doc,
             GError                **error)
{
  g_autoptr(CertoSqliteStmt) insert = NULL;
  g_autoptr(CertoSqliteStmt) select = NULL;
  g_autofree char *now = certo_now_iso8601 ();
  gint64 id;
  int rc;

  /* The document's source, key and title are copied: the saved copy
   * outlives the document when its source is removed */
  insert = certo_sqlite_statement (db,
    "INSERT INTO offline_documents (document_id, source_id, document_key, title_json, path, size,"
    "                               sha256, content_type, source_url, origin, added, etag,"
    "                               last_modified)"
    " SELECT id, source_id, key, title_json, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10"
    " FROM documents WHERE id = ?1"
    " RETURNING id", error);
  if (insert == NULL)
    return FALSE;

  sqlite3_bind_int64 (insert, 1, row->document_id);
  certo_sqlite_bind_text (insert, 2, row->path);
  sqlite3_bind_int64 (insert, 3, row->size);
  certo_sqlite_bind_text (insert, 4, row->sha256);
  certo_sqlite_bind_text (insert, 5, row->content_type);
  certo_sqlite_bind_text (insert, 6, row->source_url);
  certo_sqlite_bind_text (insert, 7, row->attached ? "attached" : "downloaded");
  certo_sqlite_bind_text (insert, 8, now);
  certo_sqlite_bind_text (insert, 9, row->etag);
  certo_sqlite_bind_text (insert, 10, row->last_modified);

  rc = sqlite3_step (insert);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, CERTO_STORE_ERROR, CERTO_STORE_ERROR_NOT_FOUND,
                   _("The catalog has no document with id %" PRId64 "; it may have been removed with its source"),
                   (int64_t) row->document_id);
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    {
      certo_sqlite_set_error (db, rc, error);
      return FALSE;
    }
  id = sqlite3_column_int64 (insert, 0);
  certo_sqlite_release (insert);

  select = certo_sqlite_statement (db, SELECT_OFFLINE " WHERE o.id = ?1", error);
  if (select == NULL)
    return FALSE;
  sqlite3_bind_int64 (select, 1, id);
  if (!certo_sqlite_step_row (db, select, error))
    return FALSE;

  *out_doc = row_offline (select);
  return TRUE;
}

static void
job_add_offline (CertoSqlite  *db,
                 GTask        *task,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  CertoOfflineDocument *doc = NULL;
  GError *error = NULL;

  if (!certo_store_db_begin (db, &error) ||
      !certo_store_db_end (db, add_offline (db, task_data, &doc, &error), &error))
    {
      g_clear_object (&doc);
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, doc, g_object_unref);
}

/* The row goes, and a withdrawn document with no other saved copy goes
 * with it (it stayed only because it was saved) */
static gboolean
remove_offline (CertoSqlite   *db,
                gint64         offline_id,
                char         **out_path,
                GError       **error)
{
  g_autoptr(CertoSqliteStmt) select = NULL;
  g_autoptr(CertoSqliteStmt) delete = NULL;
  g_autoptr(CertoSqliteStmt) withdrawn = NULL;
  g_autofree char *path = NULL;
  gint64 document_id;
  int rc;

  select = certo_sqlite_statement (db,
    "SELECT path, document_id FROM offline_documents WHERE id = ?1", error);
  if (select == NULL)
    return FALSE;
  sqlite3_bind_int64 (select, 1, offline_id);
  rc = sqlite3_step (select);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, CERTO_STORE_ERROR, CERTO_STORE_ERROR_NOT_FOUND,
                   _("No saved document has the id %" PRId64 "; it may have been deleted already"),
                   (int64_t) offline_id);
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    {
      certo_sqlite_set_error (db, rc, error);
      return FALSE;
    }
  path = column_dup (select, 0);
  document_id = sqlite3_column_int64 (select, 1);

  delete = certo_sqlite_statement (db, "DELETE FROM offline_documents WHERE id = ?1", error);
  if (delete == NULL)
    return FALSE;
  sqlite3_bind_int64 (delete, 1, offline_id);
  if (!certo_sqlite_step_done (db, delete, error))
    return FALSE;

  if (document_id > 0)
    {
      withdrawn = certo_sqlite_statement (db,
        "DELETE FROM documents WHERE id = ?1 AND withdrawn_at IS NOT NULL"
        " AND NOT EXISTS (SELECT 1 FROM offline_documents WHERE document_id = ?1)", error);
      if (withdrawn == NULL)
        return FALSE;
      sqlite3_bind_int64 (withdrawn, 1, document_id);
      if (!certo_sqlite_step_done (db, withdrawn, error))
        return FALSE;
    }

  *out_path = g_steal_pointer (&path);
  return TRUE;
}

static void
job_remove_offline (CertoSqlite  *db,
                    GTask        *task,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  char *path = NULL;
  GError *error = NULL;

  if (!certo_store_db_begin (db, &error) ||
      !certo_store_db_end (db, remove_offline (db, *(gint64 *) task_data, &path, &error), &error))
    {
      g_free (path);
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, path, g_free);
}

static void
job_list_offline (CertoSqlite  *db,
                  GTask        *task,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  g_autoptr(CertoSqliteStmt) stmt = NULL;
  g_autoptr(GPtrArray) docs = g_ptr_array_new_with_free_func (g_object_unref);
  GError *error = NULL;
  int rc;

  if (!certo_store_db_ensure_open (db, &error) ||
      (stmt = certo_sqlite_statement (db, SELECT_OFFLINE " ORDER BY o.added DESC, o.id DESC",
                                      &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (docs, row_offline (stmt));
  if (rc != SQLITE_DONE)
    {
      certo_sqlite_set_error (db, rc, &error);
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, g_steal_pointer (&docs), (GDestroyNotify) g_ptr_array_unref);
}

/* Private API (certo-store-private.h) */

void
certo_store_offline_row_free (CertoStoreOfflineRow *row)
{
  if (row == NULL)
    return;

  g_free (row->path);
  g_free (row->sha256);
  g_free (row->content_type);
  g_free (row->source_url);
  g_free (row->etag);
  g_free (row->last_modified);
  g_free (row);
}

void
certo_store_add_offline_async (CertoStore           *self,
                               CertoStoreOfflineRow *row,
                               GCancellable         *cancellable,
                               GAsyncReadyCallback   callback,
                               gpointer              user_data)
{
  GTask *task;

  g_return_if_fail (CERTO_IS_STORE (self));
  g_return_if_fail (row != NULL && row->path != NULL && row->sha256 != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, certo_store_add_offline_async);
  g_task_set_task_data (task, row, (GDestroyNotify) certo_store_offline_row_free);
  certo_store_run (self, task, job_add_offline);
}

CertoOfflineDocument *
certo_store_add_offline_finish (CertoStore    *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == certo_store_add_offline_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
certo_store_remove_offline_async (CertoStore          *self,
                                  gint64               offline_id,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (CERTO_IS_STORE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, certo_store_remove_offline_async);
  g_task_set_task_data (task, g_memdup2 (&offline_id, sizeof offline_id), g_free);
  certo_store_run (self, task, job_remove_offline);
}

/* Returns the file name the row named, for the caller to delete */
char *
certo_store_remove_offline_finish (CertoStore    *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == certo_store_remove_offline_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
certo_store_list_offline_async (CertoStore          *self,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (CERTO_IS_STORE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, certo_store_list_offline_async);
  certo_store_run (self, task, job_list_offline);
}

GPtrArray *
certo_store_list_offline_finish (CertoStore    *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == certo_store_list_offline_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
