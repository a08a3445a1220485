/* certo-offline.h — documents saved for offline reading: a download
 * queue, attached copies, the offline folder, the cache
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "certo-catalog.h"
#include "certo-client.h"
#include "certo-offline-document.h"

G_BEGIN_DECLS

/**
 * CERTO_OFFLINE_CONCURRENCY:
 *
 * Downloads of the queue running at once.
 */
#define CERTO_OFFLINE_CONCURRENCY 3

/**
 * CertoOfflineJobState:
 * @CERTO_OFFLINE_JOB_QUEUED: waiting for its turn
 * @CERTO_OFFLINE_JOB_RUNNING: downloading (see #CertoOfflineJob:received)
 * @CERTO_OFFLINE_JOB_DONE: saved (see certo_offline_job_get_document())
 * @CERTO_OFFLINE_JOB_FAILED: not saved; nothing was kept
 *   (certo_offline_job_get_error() says why)
 * @CERTO_OFFLINE_JOB_CANCELLED: cancelled; nothing was kept
 */
typedef enum
{
  CERTO_OFFLINE_JOB_QUEUED,
  CERTO_OFFLINE_JOB_RUNNING,
  CERTO_OFFLINE_JOB_DONE,
  CERTO_OFFLINE_JOB_FAILED,
  CERTO_OFFLINE_JOB_CANCELLED,
} CertoOfflineJobState;

#define CERTO_TYPE_OFFLINE_JOB (certo_offline_job_get_type ())
#define CERTO_TYPE_OFFLINE (certo_offline_get_type ())

G_DECLARE_FINAL_TYPE (CertoOfflineJob, certo_offline_job, CERTO, OFFLINE_JOB, GObject)
G_DECLARE_FINAL_TYPE (CertoOffline, certo_offline, CERTO, OFFLINE, GObject)

/* CertoOfflineJob read-only properties, notified on the main context:
 * "document-id", "title", "url", "state" (CertoOfflineJobState as int),
 * "received" (guint64 bytes), "total" (gint64 bytes, -1 unknown),
 * "fraction" (0–1, -1 unknown), "error-message", "document"
 * (CertoOfflineDocument once done) */

gint64                certo_offline_job_get_document_id  (CertoOfflineJob *self);
const char           *certo_offline_job_get_title        (CertoOfflineJob *self);
const char           *certo_offline_job_get_url          (CertoOfflineJob *self);
CertoOfflineJobState  certo_offline_job_get_state        (CertoOfflineJob *self);
guint64               certo_offline_job_get_received     (CertoOfflineJob *self);
gint64                certo_offline_job_get_total        (CertoOfflineJob *self);
double                certo_offline_job_get_fraction     (CertoOfflineJob *self);
const GError         *certo_offline_job_get_error        (CertoOfflineJob *self);
CertoOfflineDocument *certo_offline_job_get_document     (CertoOfflineJob *self);
void                  certo_offline_job_cancel           (CertoOfflineJob *self);

/* CertoOffline properties: "catalog", "client", "data-dir", "cache-dir"
 * (construct-only); "total-size" (guint64 bytes), "n-active" (guint),
 * "fraction" (double, the queue's overall progress, -1 unknown) */

CertoOffline         *certo_offline_new                  (CertoCatalog        *catalog,
                                                          CertoClient         *client,
                                                          const char          *data_dir,
                                                          const char          *cache_dir);
const char           *certo_offline_get_folder           (CertoOffline        *self);
const char           *certo_offline_get_cache_folder     (CertoOffline        *self);
GListModel           *certo_offline_get_documents        (CertoOffline        *self);
GListModel           *certo_offline_get_queue            (CertoOffline        *self);
guint64               certo_offline_get_total_size       (CertoOffline        *self);
guint                 certo_offline_get_n_active         (CertoOffline        *self);
double                certo_offline_get_fraction         (CertoOffline        *self);
CertoOfflineDocument *certo_offline_lookup               (CertoOffline        *self,
                                                          gint64               document_id);
CertoOfflineDocument *certo_offline_find                 (CertoOffline        *self,
                                                          gint64               offline_id);

void                  certo_offline_load_async           (CertoOffline        *self,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
gboolean              certo_offline_load_finish          (CertoOffline        *self,
                                                          GAsyncResult        *result,
                                                          GError             **error);

void                  certo_offline_save_async           (CertoOffline        *self,
                                                          GListModel          *documents,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
GPtrArray            *certo_offline_save_finish          (CertoOffline        *self,
                                                          GAsyncResult        *result,
                                                          GError             **error);
void                  certo_offline_watch                (CertoOffline        *self);
void                  certo_offline_cancel_all           (CertoOffline        *self);
void                  certo_offline_clear_finished       (CertoOffline        *self);

void                  certo_offline_attach_async         (CertoOffline        *self,
                                                          CertoDocument       *document,
                                                          GFile               *file,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
CertoOfflineDocument *certo_offline_attach_finish        (CertoOffline        *self,
                                                          GAsyncResult        *result,
                                                          GError             **error);

void                  certo_offline_remove_async         (CertoOffline        *self,
                                                          CertoOfflineDocument *document,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
gboolean              certo_offline_remove_finish        (CertoOffline        *self,
                                                          GAsyncResult        *result,
                                                          GError             **error);

void                  certo_offline_clear_cache_async    (CertoOffline        *self,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
gboolean              certo_offline_clear_cache_finish   (CertoOffline        *self,
                                                          GAsyncResult        *result,
                                                          guint64             *out_freed,
                                                          GError             **error);

G_END_DECLS
