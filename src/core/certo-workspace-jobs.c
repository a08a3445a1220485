/* certo-workspace-jobs.c — what a workspace runs on its worker thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opening (copy the user's file in, check it, load it), creating,
 * recovering, writing each change, saving (backup API → private copy →
 * atomic replace of the user's file), evidence file I/O and closing. The
 * jobs run in the order they were queued, so a save contains every change
 * queued before it and none after.
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "certo-workspace-private.h"

#define BLOB_CHUNK (256 * 1024)

typedef struct
{
  CertoWorkingCopy *wc;    /* NULL until opened */
} Worker;

/* Requests */

void
_certo_open_request_free (CertoOpenRequest *request)
{
  if (request == NULL)
    return;

  g_free (request->data_dir);
  g_clear_object (&request->file);
  g_free (request->recover_path);
  g_clear_object (&request->save_as);
  _certo_workspace_values_free (request->workspace_values);
  g_clear_pointer (&request->requirements, g_ptr_array_unref);
  g_clear_pointer (&request->seed, _certo_workspace_seed_free);
  g_free (request->target_path);
  g_free (request->working_copy);
  g_free (request);
}

void
_certo_save_request_free (CertoSaveRequest *request)
{
  if (request == NULL)
    return;

  g_clear_object (&request->save_as);
  g_free (request->target_path);
  g_free (request);
}

void
_certo_add_file_request_free (CertoAddFileRequest *request)
{
  if (request == NULL)
    return;

  _certo_workspace_change_free (request->change);
  g_clear_object (&request->source);
  g_free (request->file_name);
  g_free (request->content_type);
  g_free (request->sha256);
  g_free (request);
}

void
_certo_export_request_free (CertoExportRequest *request)
{
  if (request == NULL)
    return;

  g_free (request->sha256);
  g_clear_object (&request->destination);
  g_free (request);
}

void
_certo_history_request_free (CertoHistoryRequest *request)
{
  if (request == NULL)
    return;

  g_free (request->entity);
  g_free (request);
}

gpointer
_certo_workspace_worker_new (void)
{
  return g_new0 (Worker, 1);
}

/* Runs on the worker as it ends: the lock goes with the process's claim,
 * the files stay (a working copy with unsaved changes is recoverable) */
void
_certo_workspace_worker_free (gpointer data)
{
  Worker *worker = data;

  g_clear_pointer (&worker->wc, _certo_working_copy_free);
  g_free (worker);
}

/* Helpers */

static Worker *
get_worker (CertoSqlite *sqlite)
{
  return certo_sqlite_get_worker_data (sqlite);
}

static gboolean
ensure_open (CertoSqlite  *sqlite,
             GError      **error)
{
  if (certo_sqlite_is_open (sqlite) && get_worker (sqlite)->wc != NULL)
    return TRUE;

  g_set_error_literal (error, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_NOT_OPEN,
                       _("The workspace is not open"));
  return FALSE;
}

/* Undoes a failed open: nothing of this session may stay behind */
static void
abandon (CertoSqlite *sqlite,
         gboolean     remove_files)
{
  Worker *worker = get_worker (sqlite);

  certo_sqlite_close (sqlite);
  if (worker->wc == NULL)
    return;

  if (remove_files)
    _certo_working_copy_remove_files (worker->wc);
  _certo_working_copy_unlock (worker->wc);
  g_clear_pointer (&worker->wc, _certo_working_copy_free);
}

static gboolean
set_dirty (Worker    *worker,
           gboolean   dirty,
           GError   **error)
{
  /* Only transitions are written: the first change after a save, and
   * the save */
  if (worker->wc->dirty == dirty)
    return TRUE;

  worker->wc->dirty = dirty;
  if (dirty)
    {
      g_free (worker->wc->changed_at);
      worker->wc->changed_at = certo_iso_timestamp_now ();
    }
  else
    {
      worker->wc->n_edits = 0;
      g_clear_pointer (&worker->wc->edited_at, g_free);
    }
  return _certo_working_copy_write_sidecar (worker->wc, error);
}

/* Makes the private copy to publish: backup, removed items purged, checked */
static gboolean
make_save_copy (CertoSqlite  *sqlite,
                const char   *temp_path,
                GError      **error)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean purged = FALSE;
  const char *result = NULL;
  int rc;

  g_unlink (temp_path);
  if (!certo_sqlite_backup_to_file (sqlite, temp_path, error))
    return FALSE;

  rc = sqlite3_open_v2 (temp_path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    goto failed;

  if (!_certo_workspace_db_purge_removed (db, &purged, error))
    {
      sqlite3_close (db);
      return FALSE;
    }

  /* What is published must be a sound workspace */
  rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL);
  if (rc == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    result = (const char *) sqlite3_column_text (stmt, 0);
  if (result == NULL || !g_str_equal (result, "ok"))
    {
      g_set_error (error, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_CANNOT_SAVE,
                   _("The copy to save failed its check (%s). Your changes are kept in the working copy; try again."),
                   result != NULL ? result : sqlite3_errmsg (db));
      sqlite3_finalize (stmt);
      sqlite3_close (db);
      return FALSE;
    }
  sqlite3_finalize (stmt);

  rc = sqlite3_close (db);
  if (rc != SQLITE_OK)
    {
      db = NULL;
      goto failed;
    }

  return TRUE;

failed:
  certo_sqlite_error_from_code (rc, temp_path, db != NULL ? sqlite3_errmsg (db) : NULL, error);
  if (db != NULL)
    sqlite3_close (db);
  return FALSE;
}

static gboolean
save_to_target (CertoSqlite  *sqlite,
                gboolean      overwrite,
                GError      **error)
{
  Worker *worker = get_worker (sqlite);
  g_autofree char *temp_path = g_strconcat (worker->wc->db_path, ".saving", NULL);
  gboolean ok;

  ok = make_save_copy (sqlite, temp_path, error) &&
       _certo_working_copy_publish (worker->wc, temp_path, overwrite, error);

  g_unlink (temp_path);
  return ok;
}

static gboolean
load_into (CertoSqlite             *sqlite,
           GTask                   *task,
           CertoWorkspaceSnapshot **out_snapshot,
           GError                 **error)
{
  Worker *worker = get_worker (sqlite);
  CertoOpenRequest *request = g_task_get_task_data (task);
  CertoWorkspaceSnapshot *snapshot;

  snapshot = _certo_workspace_db_load (sqlite, error);
  if (snapshot == NULL)
    return FALSE;

  g_free (worker->wc->organisation);
  worker->wc->organisation = g_strdup (snapshot->workspace_values[CERTO_WS_ORGANISATION]);
  g_free (request->target_path);
  request->target_path = g_strdup (worker->wc->target_path);
  g_free (request->working_copy);
  request->working_copy = g_strdup (worker->wc->db_path);

  *out_snapshot = snapshot;
  return TRUE;
}

/* Opens the working copy's database, checks it, brings its schema up to
 * date and loads it; then the sidecar says whether it has unsaved
 * changes (@dirty) */
static CertoWorkspaceSnapshot *
open_working_copy (CertoSqlite  *sqlite,
                   GTask        *task,
                   gboolean      dirty,
                   GError      **error)
{
  Worker *worker = get_worker (sqlite);
  CertoWorkspaceSnapshot *snapshot = NULL;
  gint64 version = 0;

  if (!certo_sqlite_open (sqlite, worker->wc->db_path, SQLITE_OPEN_READWRITE, error) ||
      !_certo_workspace_db_check (sqlite, worker->wc->display_name, &version, error) ||
      !_certo_workspace_db_prepare (sqlite, version, error) ||
      !load_into (sqlite, task, &snapshot, error))
    return NULL;

  snapshot->schema_version = version;
  worker->wc->dirty = dirty;
  if (!_certo_working_copy_write_sidecar (worker->wc, error))
    {
      _certo_workspace_snapshot_free (snapshot);
      return NULL;
    }

  return snapshot;
}

/* Jobs */

/* Open: read the user's file into a new working copy and check it there */
void
_certo_workspace_job_open (CertoSqlite  *sqlite,
                           GTask        *task,
                           gpointer      data,
                           GCancellable *cancellable)
{
  CertoOpenRequest *request = data;
  Worker *worker = get_worker (sqlite);
  CertoWorkspaceSnapshot *snapshot = NULL;
  g_autofree char *target_path = NULL;
  GError *error = NULL;

  target_path = _certo_workspace_dup_target_path (request->file, &error);
  if (target_path == NULL)
    goto failed;

  if (request->read_only)
    {
      /* A snapshot of the saved file, in a folder of its own: no other
       * session sees it, claims the file or offers it for recovery. Saves
       * replace the file atomically, so the copy is one whole version */
      g_autofree char *scratch = g_dir_make_tmp ("certo-snapshot-XXXXXX", &error);

      if (scratch == NULL)
        goto failed;
      worker->wc = _certo_working_copy_new (scratch, target_path, &error);
      if (worker->wc == NULL)
        {
          g_rmdir (scratch);
          goto failed;
        }
      worker->wc->scratch_dir = g_steal_pointer (&scratch);
      worker->wc->recoverable = FALSE;
      if (!_certo_working_copy_lock (worker->wc, &error))
        goto failed;
    }
  else
    {
      worker->wc = _certo_working_copy_new (request->data_dir, target_path, &error);
      if (worker->wc == NULL)
        goto failed;
      worker->wc->recoverable = request->recoverable;

      if (!_certo_working_copy_lock (worker->wc, &error))
        goto failed;

      /* This session alone holds the file now: a save of an earlier one that
       * was killed half-way may have left its temporary copy beside it */
      _certo_workspace_file_remove_temporaries (worker->wc->target_path);
    }

  if (!_certo_working_copy_copy_in (worker->wc, &error))
    goto failed;

  snapshot = open_working_copy (sqlite, task, FALSE, &error);
  if (snapshot == NULL)
    goto failed;

  g_task_return_pointer (task, snapshot, (GDestroyNotify) _certo_workspace_snapshot_free);
  return;

failed:
  abandon (sqlite, !g_error_matches (error, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_ALREADY_OPEN));
  g_task_return_error (task, error);
}

/* Create: a new working copy, filled, saved to the user's file at once */
void
_certo_workspace_job_create (CertoSqlite  *sqlite,
                             GTask        *task,
                             gpointer      data,
                             GCancellable *cancellable)
{
  CertoOpenRequest *request = data;
  Worker *worker = get_worker (sqlite);
  CertoWorkspaceSnapshot *snapshot = NULL;
  g_autofree char *target_path = NULL;
  GError *error = NULL;

  target_path = _certo_workspace_dup_target_path (request->file, &error);
  if (target_path == NULL)
    goto failed;

  if (!request->replace && g_file_test (target_path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *name = g_filename_display_basename (target_path);

      g_set_error (&error, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_EXISTS,
                   _("“%s” already exists. Choose another name, or confirm that it should be replaced."),
                   name);
      goto failed;
    }

  worker->wc = _certo_working_copy_new (request->data_dir, target_path, &error);
  if (worker->wc == NULL)
    goto failed;
  worker->wc->recoverable = request->recoverable;
  if (!_certo_working_copy_lock (worker->wc, &error))
    goto failed;

  worker->wc->dirty = TRUE;
  if (!_certo_working_copy_write_sidecar (worker->wc, &error) ||
      !certo_sqlite_open (sqlite, worker->wc->db_path,
                          SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, &error) ||
      !_certo_workspace_db_create (sqlite, (const char * const *) request->workspace_values,
                                   request->requirements, &error) ||
      (request->seed != NULL && !_certo_workspace_db_apply_seed (sqlite, request->seed, &error)) ||
      !save_to_target (sqlite, TRUE, &error) ||
      !load_into (sqlite, task, &snapshot, &error))
    goto failed;

  snapshot->schema_version = CERTO_WORKSPACE_SCHEMA_VERSION;
  if (!set_dirty (worker, FALSE, &error))
    {
      _certo_workspace_snapshot_free (snapshot);
      goto failed;
    }

  g_task_return_pointer (task, snapshot, (GDestroyNotify) _certo_workspace_snapshot_free);
  return;

failed:
  abandon (sqlite, !g_error_matches (error, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_ALREADY_OPEN));
  g_task_return_error (task, error);
}

/* Recover: take over a crashed session's working copy as it is */
void
_certo_workspace_job_recover (CertoSqlite  *sqlite,
                              GTask        *task,
                              gpointer      data,
                              GCancellable *cancellable)
{
  CertoOpenRequest *request = data;
  Worker *worker = get_worker (sqlite);
  CertoWorkspaceSnapshot *snapshot = NULL;
  GError *error = NULL;

  worker->wc = _certo_working_copy_adopt (request->recover_path, &error);
  if (worker->wc == NULL || !_certo_working_copy_lock (worker->wc, &error))
    goto failed;
  worker->wc->recoverable = request->recoverable;

  if (request->save_as != NULL)
    {
      g_autofree char *target_path = _certo_workspace_dup_target_path (request->save_as, &error);

      if (target_path == NULL)
        goto failed;
      _certo_working_copy_set_target (worker->wc, target_path);
    }

  snapshot = open_working_copy (sqlite, task, TRUE, &error);
  if (snapshot == NULL)
    goto failed;

  g_task_return_pointer (task, snapshot, (GDestroyNotify) _certo_workspace_snapshot_free);
  return;

failed:
  /* Never delete what is being recovered */
  certo_sqlite_close (sqlite);
  if (worker->wc != NULL)
    {
      _certo_working_copy_unlock (worker->wc);
      g_clear_pointer (&worker->wc, _certo_working_copy_free);
    }
  g_task_return_error (task, error);
}

/* One change: committed to the working copy at once, with its history row */
void
_certo_workspace_job_write (CertoSqlite  *sqlite,
                            GTask        *task,
                            gpointer      data,
                            GCancellable *cancellable)
{
  CertoWorkspaceChange *change = data;
  GError *error = NULL;

  /* The sidecar says "unsaved changes" before the first one is written,
   * so a crash right after the commit is recoverable */
  if (!ensure_open (sqlite, &error) ||
      !set_dirty (get_worker (sqlite), TRUE, &error) ||
      !certo_sqlite_begin (sqlite, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  if (!_certo_workspace_db_apply (sqlite, change, &error) ||
      !certo_sqlite_commit (sqlite, &error))
    {
      certo_sqlite_rollback (sqlite);
      g_task_return_error (task, error);
      return;
    }

  _certo_working_copy_note_edit (get_worker (sqlite)->wc);
  g_task_return_boolean (task, TRUE);
}

/* Save: the whole workspace to the user's file, atomically */
void
_certo_workspace_job_save (CertoSqlite  *sqlite,
                           GTask        *task,
                           gpointer      data,
                           GCancellable *cancellable)
{
  CertoSaveRequest *request = data;
  Worker *worker = get_worker (sqlite);
  g_autofree char *old_target = NULL;
  GError *error = NULL;

  if (!ensure_open (sqlite, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  /* A read-only snapshot never writes the user's file */
  if (worker->wc->scratch_dir != NULL)
    {
      g_task_return_new_error (task, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_CANNOT_SAVE,
                               _("This copy of the workspace was opened only for reading and cannot be saved; make changes in the Certo window that has the file open"));
      return;
    }

  if (request->save_as != NULL)
    {
      g_autofree char *target_path = _certo_workspace_dup_target_path (request->save_as, &error);

      if (target_path == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
      old_target = g_strdup (worker->wc->target_path);
      _certo_working_copy_set_target (worker->wc, target_path);
    }

  if (!save_to_target (sqlite, request->overwrite || request->save_as != NULL, &error))
    {
      /* A failed Save As leaves the workspace saving where it was */
      if (old_target != NULL)
        _certo_working_copy_set_target (worker->wc, old_target);
      g_task_return_error (task, error);
      return;
    }

  request->target_path = g_strdup (worker->wc->target_path);

  /* Only now is "no unsaved changes" true; a change queued after this
   * save sets it again when it runs */
  if (!set_dirty (worker, FALSE, &error))
    {
      g_debug ("Sidecar of “%s” not updated: %s", worker->wc->display_name, error->message);
      g_clear_error (&error);
    }

  g_task_return_boolean (task, TRUE);
}

static gboolean
insert_blob (CertoSqlite          *sqlite,
             CertoAddFileRequest  *request,
             CertoRegularFile     *in,
             gint64                size,
             GCancellable         *cancellable,
             GError              **error)
{
  g_autoptr(CertoSqliteStmt) stmt = NULL;
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree guint8 *buffer = g_malloc (BLOB_CHUNK);
  sqlite3_blob *blob = NULL;
  gint64 offset = 0;
  int rc;

  stmt = certo_sqlite_statement (sqlite,
                                 "INSERT INTO evidence_file (evidence_id, data) VALUES (?1, zeroblob (?2))",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, request->change->id);
  sqlite3_bind_int64 (stmt, 2, size);
  if (!certo_sqlite_step_done (sqlite, stmt, error))
    return FALSE;

  /* Streamed in chunks: a 50 MiB file never sits in memory whole */
  if (size > 0)
    {
      rc = sqlite3_blob_open (certo_sqlite_get_handle (sqlite), "main", "evidence_file", "data",
                              request->change->id, 1, &blob);
      if (rc != SQLITE_OK)
        {
          certo_sqlite_set_error (sqlite, rc, error);
          return FALSE;
        }
    }

  while (TRUE)
    {
      /* Cancel is honoured between chunks: the transaction is rolled
       * back and nothing of the file stays */
      gssize n = _certo_regular_file_read (in, buffer, BLOB_CHUNK, cancellable, error);

      if (n < 0)
        goto failed;
      if (n == 0)
        break;

      if (offset == 0)
        {
          g_autofree char *type = g_content_type_guess (request->file_name, buffer, n, NULL);

          request->content_type = type != NULL ? g_content_type_get_mime_type (type) : NULL;
        }

      if (offset + (gint64) n > size)
        {
          g_set_error (error, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_FAILED,
                       _("“%s” changed while it was being added. Add it again when it is complete."),
                       request->file_name);
          goto failed;
        }

      rc = sqlite3_blob_write (blob, buffer, n, offset);
      if (rc != SQLITE_OK)
        {
          certo_sqlite_set_error (sqlite, rc, error);
          goto failed;
        }
      g_checksum_update (checksum, buffer, n);
      offset += n;
    }

  if (offset != size)
    {
      g_set_error (error, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_FAILED,
                   _("“%s” changed while it was being added. Add it again when it is complete."),
                   request->file_name);
      goto failed;
    }

  if (blob != NULL && (rc = sqlite3_blob_close (blob)) != SQLITE_OK)
    {
      blob = NULL;
      certo_sqlite_set_error (sqlite, rc, error);
      return FALSE;
    }

  if (request->content_type == NULL)
    {
      g_autofree char *type = g_content_type_guess (request->file_name, NULL, 0, NULL);

      request->content_type = type != NULL ? g_content_type_get_mime_type (type) : NULL;
    }
  request->sha256 = g_strdup (g_checksum_get_string (checksum));
  return TRUE;

failed:
  if (blob != NULL)
    sqlite3_blob_close (blob);
  return FALSE;
}

/* Add a file: its bytes go into the workspace with its SHA-256. Only a
 * regular file is read (a named pipe would hold the worker, and every
 * save behind it, forever) */
void
_certo_workspace_job_add_file (CertoSqlite  *sqlite,
                               GTask        *task,
                               gpointer      data,
                               GCancellable *cancellable)
{
  CertoAddFileRequest *request = data;
  CertoWorkspaceChange *change = request->change;
  g_autoptr(CertoRegularFile) in = NULL;
  g_autoptr(CertoSqliteStmt) stmt = NULL;
  GError *error = NULL;
  gint64 size;

  if (!ensure_open (sqlite, &error))
    goto failed;

  in = _certo_regular_file_open (request->source, cancellable, &error);
  if (in == NULL)
    goto failed;

  size = _certo_regular_file_get_size (in);
  if (size > request->max_size)
    {
      g_autofree char *max_text = NULL;
      g_autofree char *size_text = _certo_format_size_pair (size, request->max_size, &max_text);

      g_set_error (&error, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_TOO_LARGE,
                   _("“%s” is %s; evidence files can be at most %s. Link to it instead."),
                   request->file_name, size_text, max_text);
      goto failed;
    }
  request->size = size;

  if (!set_dirty (get_worker (sqlite), TRUE, &error) ||
      !certo_sqlite_begin (sqlite, &error))
    goto failed;

  if (!_certo_workspace_db_apply (sqlite, change, &error) ||
      !insert_blob (sqlite, request, in, size, cancellable, &error))
    goto rollback;

  stmt = certo_sqlite_statement (sqlite,
                                 "UPDATE evidence SET size = ?1, sha256 = ?2, content_type = ?3 WHERE id = ?4",
                                 &error);
  if (stmt == NULL)
    goto rollback;
  sqlite3_bind_int64 (stmt, 1, request->size);
  certo_sqlite_bind_text (stmt, 2, request->sha256);
  certo_sqlite_bind_text (stmt, 3, request->content_type);
  sqlite3_bind_int64 (stmt, 4, change->id);
  if (!certo_sqlite_step_done (sqlite, stmt, &error))
    goto rollback;
  certo_sqlite_release (g_steal_pointer (&stmt));

  if (!certo_sqlite_commit (sqlite, &error))
    goto failed;

  g_task_return_boolean (task, TRUE);
  return;

rollback:
  certo_sqlite_release (g_steal_pointer (&stmt));
  certo_sqlite_rollback (sqlite);
failed:
  g_task_return_error (task, error);
}

static gboolean
read_blob (sqlite3_blob   *blob,
           gint64          size,
           GOutputStream  *out,
           GChecksum      *checksum,
           GCancellable   *cancellable,
           GError        **error)
{
  g_autofree guint8 *buffer = g_malloc (BLOB_CHUNK);

  for (gint64 offset = 0; offset < size; offset += BLOB_CHUNK)
    {
      int n = (int) MIN (BLOB_CHUNK, size - offset);
      int rc = sqlite3_blob_read (blob, buffer, n, offset);

      if (rc != SQLITE_OK)
        {
          certo_sqlite_error_from_code (rc, NULL, NULL, error);
          return FALSE;
        }
      g_checksum_update (checksum, buffer, n);
      if (out != NULL && !g_output_stream_write_all (out, buffer, n, NULL, cancellable, error))
        return FALSE;
    }

  return TRUE;
}

/* Export a stored file: checked against its SHA-256 before anything is
 * written, then written with replace semantics (a temporary, renamed) */
void
_certo_workspace_job_export_file (CertoSqlite  *sqlite,
                                  GTask        *task,
                                  gpointer      data,
                                  GCancellable *cancellable)
{
  CertoExportRequest *request = data;
  g_autoptr(GChecksum) check = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GChecksum) again = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GFileOutputStream) out = NULL;
  sqlite3_blob *blob = NULL;
  GError *error = NULL;
  gint64 size;
  int rc;

  if (!ensure_open (sqlite, &error))
    goto failed;

  rc = sqlite3_blob_open (certo_sqlite_get_handle (sqlite), "main", "evidence_file", "data",
                          request->id, 0, &blob);
  if (rc != SQLITE_OK)
    {
      g_set_error (&error, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_NOT_FOUND,
                   _("The stored file of this evidence item is missing from the workspace"));
      goto failed;
    }
  size = sqlite3_blob_bytes (blob);

  if (!read_blob (blob, size, NULL, check, cancellable, &error))
    goto failed;
  if (request->sha256 != NULL && g_strcmp0 (g_checksum_get_string (check), request->sha256) != 0)
    {
      g_set_error (&error, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_DAMAGED_EVIDENCE,
                   _("The stored file no longer matches the SHA-256 recorded when it was added; it was not exported. Add the file again from its source."));
      goto failed;
    }

  if (!_certo_check_writable_destination (request->destination, &error))
    goto failed;

  out = g_file_replace (request->destination, NULL, FALSE, G_FILE_CREATE_NONE, cancellable, &error);
  if (out == NULL ||
      !read_blob (blob, size, G_OUTPUT_STREAM (out), again, cancellable, &error) ||
      !g_output_stream_close (G_OUTPUT_STREAM (out), cancellable, &error))
    goto failed;

  sqlite3_blob_close (blob);
  g_task_return_boolean (task, TRUE);
  return;

failed:
  if (blob != NULL)
    sqlite3_blob_close (blob);
  g_task_return_error (task, error);
}

void
_certo_workspace_job_history (CertoSqlite  *sqlite,
                              GTask        *task,
                              gpointer      data,
                              GCancellable *cancellable)
{
  CertoHistoryRequest *request = data;
  GPtrArray *entries;
  GError *error = NULL;

  if (!ensure_open (sqlite, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  entries = _certo_workspace_db_load_history (sqlite, request->entity, request->entity_id,
                                              request->limit, &error);
  if (entries == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, entries, (GDestroyNotify) g_ptr_array_unref);
}

/* The undo steps of earlier sessions (certo-workspace-undo.c); @data is
 * the number of groups, as a pointer */
void
_certo_workspace_job_load_undo (CertoSqlite  *sqlite,
                                GTask        *task,
                                gpointer      data,
                                GCancellable *cancellable)
{
  GPtrArray *rows;
  GError *error = NULL;

  if (!ensure_open (sqlite, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  rows = _certo_workspace_db_load_undo (sqlite, GPOINTER_TO_UINT (data), &error);
  if (rows == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, rows, (GDestroyNotify) g_ptr_array_unref);
}

void
_certo_workspace_job_flush (CertoSqlite  *sqlite,
                            GTask        *task,
                            gpointer      data,
                            GCancellable *cancellable)
{
  Worker *worker = get_worker (sqlite);

  if (worker != NULL && worker->wc != NULL)
    _certo_working_copy_sync_counts (worker->wc);
  g_task_return_boolean (task, TRUE);
}

/* Close: after a successful save (or to discard), the session's private
 * files go */
void
_certo_workspace_job_close (CertoSqlite  *sqlite,
                            GTask        *task,
                            gpointer      data,
                            GCancellable *cancellable)
{
  Worker *worker = get_worker (sqlite);

  certo_sqlite_close (sqlite);
  if (worker->wc != NULL)
    {
      _certo_working_copy_remove_files (worker->wc);
      _certo_working_copy_unlock (worker->wc);
      g_clear_pointer (&worker->wc, _certo_working_copy_free);
    }

  g_task_return_boolean (task, TRUE);
}
