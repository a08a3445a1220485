/* certo-offline-queue.c — the download queue, and copies put in place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "Save for offline" queues one job per document; at most
 * CERTO_OFFLINE_CONCURRENCY download at once, each into its staging
 * folder in the cache. A complete download, or a file the user attached,
 * is copied into the offline folder whole and verified
 * (certo-offline-files.c), then its row is written; if the row cannot be
 * written the file goes again, so the folder is as it was.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "certo-download.h"
#include "certo-model-private.h"
#include "certo-offline-private.h"
#include "certo-store-private.h"

static void pump (CertoOffline *self);

/* The callers of one certo_offline_save_async() */
typedef struct
{
  GTask *task;
  GPtrArray *jobs;
  guint remaining;
} Batch;

/* A document's copy being put in place */
typedef struct
{
  CertoOffline *self;
  CertoOfflineJob *job;          /* NULL for an attached copy */
  gint64 document_id;
  char *key;
  GFile *source;                 /* the downloaded or chosen file */
  GFile *staging;                /* the download's staging folder, removed after */
  char *wanted_name;
  char *expected_sha256;
  char *content_type;
  char *url;
  char *etag;
  char *last_modified;
  gboolean attached;

  char *name;                    /* placed under this name */
  char *sha256;
  guint64 size;
} Place;


static void
place_free (Place *p)
{
  g_clear_object (&p->self);
  g_clear_object (&p->job);
  g_free (p->key);
  g_clear_object (&p->source);
  g_clear_object (&p->staging);
  g_free (p->wanted_name);
  g_free (p->expected_sha256);
  g_free (p->content_type);
  g_free (p->url);
  g_free (p->etag);
  g_free (p->last_modified);
  g_free (p->name);
  g_free (p->sha256);
  g_free (p);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Place, place_free)

/* The queue */

static void
batch_job_done (Batch *batch)
{
  if (--batch->remaining > 0)
    return;

  g_task_return_pointer (batch->task, g_ptr_array_ref (batch->jobs), (GDestroyNotify) g_ptr_array_unref);
  g_object_unref (batch->task);
  g_ptr_array_unref (batch->jobs);
  g_free (batch);
}

/* Takes @error */
static void
job_done (CertoOffline         *self,
          CertoOfflineJob      *job,
          CertoOfflineDocument *doc,
          GError               *error)
{
  g_autoptr(CertoOffline) keep_self = g_object_ref (self);
  g_autoptr(CertoOfflineJob) keep = g_object_ref (job);
  g_autoptr(GPtrArray) waiters = NULL;

  if (job->state == CERTO_OFFLINE_JOB_RUNNING)
    self->n_running--;
  g_hash_table_remove (self->active, &job->document_id);
  certo_offline_job_finish (job, doc, error);
  g_object_set_data (G_OBJECT (job), "certo-offline", NULL);

  waiters = g_steal_pointer (&job->waiters);
  job->waiters = g_ptr_array_new ();
  for (guint i = 0; i < waiters->len; i++)
    batch_job_done (g_ptr_array_index (waiters, i));

  certo_offline_notify_queue (self);
  pump (self);
}

static void
on_row_added (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Place *p = g_task_get_task_data (task);
  CertoOffline *self = p->self;
  g_autoptr(CertoOfflineDocument) doc = NULL;
  GError *error = NULL;

  doc = certo_store_add_offline_finish (CERTO_STORE (object), result, &error);
  if (doc == NULL)
    {
      g_autofree char *path = g_build_filename (self->folder, p->name, NULL);

      /* No row names the file: it goes (one unlink), so the folder is as
       * it was */
      g_unlink (path);
      if (p->job != NULL)
        job_done (self, p->job, NULL, g_error_copy (error));
      g_task_return_error (task, error);
      return;
    }

  certo_offline_add_document (self, doc);
  certo_offline_remove_older_copies (self, doc);
  if (p->job != NULL)
    job_done (self, p->job, doc, NULL);

  g_task_return_pointer (task, g_steal_pointer (&doc), g_object_unref);
}

static void
place_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Place *p = task_data;
  g_autofree char *fallback = NULL;
  GError *error = NULL;

  if (p->attached)
    {
      g_autoptr(GFileInfo) info = g_file_query_info (p->source,
                                                     G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                                                     G_FILE_ATTRIBUTE_STANDARD_CONTENT_TYPE,
                                                     G_FILE_QUERY_INFO_NONE, cancellable, &error);

      if (info == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
      if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
        {
          g_autofree char *name = g_file_get_parse_name (p->source);

          g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                                   _("“%s” is not a file; choose the document you downloaded"), name);
          return;
        }
      {
        g_autofree char *guessed = NULL;

        if (g_file_info_get_content_type (info) != NULL)
          guessed = g_content_type_get_mime_type (g_file_info_get_content_type (info));
        p->content_type = certo_offline_sniff_type (p->source, guessed);
      }
    }

  fallback = certo_offline_fallback_name (p->key, p->content_type);
  p->name = certo_offline_place_file (p->self->folder, p->source, p->wanted_name, fallback,
                                      p->expected_sha256,
                                      p->attached ? CERTO_OFFLINE_MAX_ATTACH_SIZE : G_MAXUINT64,
                                      &p->sha256, &p->size, cancellable, &error);

  /* The staging folder has done its job, whatever happened */
  if (p->staging != NULL)
    {
      g_autofree char *staging = g_file_get_path (p->staging);

      if (p->name != NULL)
        g_file_delete (p->source, NULL, NULL);
      g_rmdir (staging);
    }

  if (p->name == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_placed (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Place *p = g_task_get_task_data (task);
  CertoStoreOfflineRow *row;
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (p->job != NULL)
        job_done (p->self, p->job, NULL, g_error_copy (error));
      g_task_return_error (task, error);
      return;
    }

  row = g_new0 (CertoStoreOfflineRow, 1);
  row->document_id = p->document_id;
  row->path = g_strdup (p->name);
  row->size = p->size;
  row->sha256 = g_strdup (p->sha256);
  row->content_type = g_strdup (p->content_type);
  row->source_url = g_strdup (p->url);
  row->attached = p->attached;
  row->etag = g_strdup (p->etag);
  row->last_modified = g_strdup (p->last_modified);

  certo_store_add_offline_async (certo_catalog_get_store (p->self->catalog), row, NULL,
                                 on_row_added, g_steal_pointer (&task));
}

/* Takes @p; @task (taken) gets the CertoOfflineDocument */
static void
place (Place *p,
       GTask *task)
{
  g_task_set_task_data (task, p, (GDestroyNotify) place_free);
  certo_offline_run_in_thread (p, g_task_get_cancellable (task), place_thread, on_placed, task);
}

static void
on_job_placed (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  /* job_done() already ran in on_placed() or on_row_added() */
  g_autoptr(GError) error = NULL;
  g_autoptr(CertoOfflineDocument) doc = g_task_propagate_pointer (G_TASK (result), &error);
}

static void
on_downloaded (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(CertoOfflineJob) job = user_data;
  CertoOffline *self = g_object_get_data (G_OBJECT (job), "certo-offline");
  g_autoptr(CertoDownloadResult) download = NULL;
  g_autofree char *staging = certo_offline_staging_folder (self, job->document_id);
  Place *p;
  GError *error = NULL;

  download = certo_client_download_finish (CERTO_CLIENT (object), result, &error);
  if (download == NULL)
    {
      /* Empty unless the client kept a partial file to resume */
      g_rmdir (staging);
      job_done (self, job, NULL, error);
      return;
    }

  p = g_new0 (Place, 1);
  p->self = g_object_ref (self);
  p->job = g_object_ref (job);
  p->document_id = job->document_id;
  p->key = g_strdup (job->key);
  p->source = g_object_ref (download->file);
  p->staging = g_file_new_for_path (staging);
  p->wanted_name = g_strdup (download->server_filename);
  p->expected_sha256 = g_strdup (download->sha256);
  p->content_type = g_strdup (download->content_type);
  p->url = g_strdup (job->url);
  p->etag = g_strdup (download->etag);
  p->last_modified = g_strdup (download->last_modified);

  /* Not cancellable once the bytes are here: putting them in place is quick */
  place (p, g_task_new (self, NULL, on_job_placed, NULL));
}

static void
on_download_progress (guint64  received,
                      gint64   total,
                      gpointer user_data)
{
  CertoOfflineJob *job = user_data;
  CertoOffline *self = g_object_get_data (G_OBJECT (job), "certo-offline");

  certo_offline_job_set_progress (job, received, total);
  g_object_notify (G_OBJECT (self), "fraction");
}

static void
start_job (CertoOffline    *self,
           CertoOfflineJob *job)
{
  g_autofree char *staging = certo_offline_staging_folder (self, job->document_id);
  g_autoptr(GFile) dest = g_file_new_for_path (staging);

  self->n_running++;
  certo_offline_job_set_state (job, CERTO_OFFLINE_JOB_RUNNING);
  /* Released when the job ends */
  g_object_set_data_full (G_OBJECT (job), "certo-offline", g_object_ref (self), g_object_unref);

  /* Any type but a web page: a sign-in page is refused by the client */
  certo_client_download_async (self->client, job->url, dest, NULL, NULL, job->cancellable,
                               on_download_progress, on_downloaded, g_object_ref (job));
}

static void
pump (CertoOffline *self)
{
  while (self->n_running < CERTO_OFFLINE_CONCURRENCY && !g_queue_is_empty (&self->pending))
    {
      g_autoptr(CertoOfflineJob) job = g_queue_pop_head (&self->pending);

      if (g_cancellable_is_cancelled (job->cancellable))
        {
          job_done (self, job, NULL, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                                          _("The download was cancelled")));
          continue;
        }

      start_job (self, job);
    }
}

/* Public API */

/**
 * certo_offline_save_async:
 * @self: a #CertoOffline
 * @documents: a #GListModel of #CertoDocument: one document, a family's
 *   (certo_catalog_list_documents_for_service() or a filter), or everything
 *   (certo_catalog_get_documents())
 * @cancellable: (nullable): cancels every download of this call
 * @callback: called when every download of this call has ended
 * @user_data: data for @callback
 *
 * "Save for offline": queues a download of each document not saved yet
 * (a document already queued is not queued twice), at most
 * %CERTO_OFFLINE_CONCURRENCY at a time, each shown in
 * certo_offline_get_queue() with its progress. Each download streams into
 * a staging folder in the cache and is resumed there after an
 * interruption (HTTP Range, RFC 9110 §14); a complete one is checked
 * (size, SHA-256) and copied into the offline folder under a sanitised
 * name (never one that leaves the folder), then recorded. A sign-in page
 * in place of the document fails the job with "This document needs a
 * sign-in at the provider; download it in your browser, then attach it"
 * and keeps nothing.
 */
void
certo_offline_save_async (CertoOffline        *self,
                          GListModel          *documents,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  Batch *batch;
  guint n;

  g_return_if_fail (CERTO_IS_OFFLINE (self));
  g_return_if_fail (G_IS_LIST_MODEL (documents));

  batch = g_new0 (Batch, 1);
  batch->task = g_task_new (self, cancellable, callback, user_data);
  batch->jobs = g_ptr_array_new_with_free_func (g_object_unref);
  g_task_set_source_tag (batch->task, certo_offline_save_async);

  n = g_list_model_get_n_items (documents);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CertoDocument) document = g_list_model_get_item (documents, i);
      gint64 id = certo_document_get_id (document);
      CertoOfflineJob *job;

      if (!CERTO_IS_DOCUMENT (document) || certo_document_get_url (document) == NULL ||
          certo_offline_lookup (self, id) != NULL)
        continue;

      job = g_hash_table_lookup (self->active, &id);
      if (job == NULL)
        {
          job = certo_offline_job_new (document);
          g_hash_table_insert (self->active, &job->document_id, job);
          g_list_store_append (self->queue, job);
          g_queue_push_tail (&self->pending, g_object_ref (job));
          g_object_unref (job);   /* the queue model holds it */
        }

      if (cancellable != NULL)
        {
          g_signal_connect_object (cancellable, "cancelled", G_CALLBACK (certo_offline_job_cancel),
                                   job, G_CONNECT_SWAPPED);
          if (g_cancellable_is_cancelled (cancellable))
            certo_offline_job_cancel (job);
        }
      g_ptr_array_add (job->waiters, batch);
      g_ptr_array_add (batch->jobs, g_object_ref (job));
      batch->remaining++;
    }

  if (batch->remaining == 0)
    {
      batch->remaining = 1;
      batch_job_done (batch);
      return;
    }

  certo_offline_notify_queue (self);
  pump (self);
}

/**
 * certo_offline_save_finish:
 * @self: a #CertoOffline
 * @result: the result given to the callback
 * @error: return location for a #GError (the downloads' own errors are in
 *   their jobs)
 *
 * Returns: (transfer full) (element-type CertoOfflineJob): the jobs of the
 *   call, each done, failed or cancelled; empty when every document was
 *   saved already
 */
GPtrArray *
certo_offline_save_finish (CertoOffline  *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == certo_offline_save_async, NULL);

  /* Cancelling the call is reported in each job, not here */
  g_task_set_check_cancellable (G_TASK (result), FALSE);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * certo_offline_cancel_all:
 * @self: a #CertoOffline
 *
 * Cancels every download queued or running; nothing of them is kept.
 */
void
certo_offline_cancel_all (CertoOffline *self)
{
  GHashTableIter iter;
  gpointer value;

  g_return_if_fail (CERTO_IS_OFFLINE (self));

  g_hash_table_iter_init (&iter, self->active);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    certo_offline_job_cancel (value);
}

/**
 * certo_offline_clear_finished:
 * @self: a #CertoOffline
 *
 * Removes the jobs that ended from certo_offline_get_queue().
 */
void
certo_offline_clear_finished (CertoOffline *self)
{
  guint n;

  g_return_if_fail (CERTO_IS_OFFLINE (self));

  n = g_list_model_get_n_items (G_LIST_MODEL (self->queue));
  for (guint i = n; i > 0; i--)
    {
      g_autoptr(CertoOfflineJob) job = g_list_model_get_item (G_LIST_MODEL (self->queue), i - 1);

      if (job->state != CERTO_OFFLINE_JOB_QUEUED && job->state != CERTO_OFFLINE_JOB_RUNNING)
        g_list_store_remove (self->queue, i - 1);
    }
}

/**
 * certo_offline_attach_async:
 * @self: a #CertoOffline
 * @document: the document @file is a copy of
 * @file: a file the user chose (one they downloaded in their browser)
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * "Attach a downloaded copy…": copies @file into the offline folder
 * under its own name, sanitised (at most 2 GiB), and records it with its
 * SHA-256, type and today's date. @file itself is left alone. A copy
 * saved before for @document is replaced.
 */
void
certo_offline_attach_async (CertoOffline        *self,
                            CertoDocument       *document,
                            GFile               *file,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  GTask *task;
  Place *p;

  g_return_if_fail (CERTO_IS_OFFLINE (self));
  g_return_if_fail (CERTO_IS_DOCUMENT (document));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, certo_offline_attach_async);

  p = g_new0 (Place, 1);
  p->self = g_object_ref (self);
  p->document_id = certo_document_get_id (document);
  p->key = g_strdup (certo_document_get_key (document));
  p->source = g_object_ref (file);
  p->wanted_name = g_file_get_basename (file);
  p->attached = TRUE;
  place (p, task);
}

/**
 * certo_offline_attach_finish:
 * @self: a #CertoOffline
 * @result: the result given to the callback
 * @error: return location for a #GIOError (the file cannot be read, is
 *   not a regular file, is too large; the disk is full) or a
 *   #CertoStoreError
 *
 * Returns: (transfer full) (nullable): the saved copy
 */
CertoOfflineDocument *
certo_offline_attach_finish (CertoOffline  *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == certo_offline_attach_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
