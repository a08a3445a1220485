/* certo-offline-private.h — what certo-offline.c, certo-offline-job.c and
 * certo-offline-files.c share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "certo-offline.h"

G_BEGIN_DECLS

/* The offline folder under the data folder, the staging folder of
 * downloads under the cache folder */
#define CERTO_OFFLINE_FOLDER "offline"
#define CERTO_OFFLINE_STAGING_FOLDER "downloads"

/* Temporary files in the offline folder start so; the sweep removes them */
#define CERTO_OFFLINE_TEMP_PREFIX ".certo-offline-"

/* The largest file "Attach a downloaded copy…" takes: 2 GiB */
#define CERTO_OFFLINE_MAX_ATTACH_SIZE ((guint64) 2 * 1024 * 1024 * 1024)

struct _CertoOffline
{
  GObject parent_instance;

  CertoCatalog *catalog;
  CertoClient *client;
  char *data_dir;
  char *cache_dir;
  char *folder;            /* <data dir>/offline */
  char *staging;           /* <cache dir>/downloads */

  GListStore *documents;   /* of CertoOfflineDocument, newest first */
  GListStore *queue;       /* of CertoOfflineJob */
  GQueue pending;          /* jobs waiting for their turn */
  GHashTable *active;      /* document id → CertoOfflineJob, queued or running */
  guint n_running;
  guint64 total_size;

  /* certo_offline_watch(): another process (certo-cli) may save or delete
   * copies while this one runs */
  GFileMonitor *folder_monitor;
  GFileMonitor *db_monitor;
  GCancellable *reload_cancellable;
  guint reload_source;
  gboolean reloading;
  gboolean reload_again;
};

/* certo-offline.c */
void             certo_offline_add_document     (CertoOffline         *self,
                                                 CertoOfflineDocument *doc);
void             certo_offline_remove_older_copies (CertoOffline      *self,
                                                 CertoOfflineDocument *kept);
char            *certo_offline_staging_folder   (CertoOffline         *self,
                                                 gint64                document_id);
void             certo_offline_notify_queue     (CertoOffline         *self);
void             certo_offline_run_in_thread    (gpointer              data,
                                                 GCancellable         *cancellable,
                                                 GTaskThreadFunc       func,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);

struct _CertoOfflineJob
{
  GObject parent_instance;

  gint64 document_id;
  char *key;
  char *title;
  char *url;
  CertoOfflineJobState state;
  guint64 received;
  gint64 total;
  GError *error;
  CertoOfflineDocument *document;
  GCancellable *cancellable;
  GPtrArray *waiters;      /* batches (certo-offline.c) waiting for the job */
};

CertoOfflineJob *certo_offline_job_new          (CertoDocument        *document);
void             certo_offline_job_set_state    (CertoOfflineJob      *self,
                                                 CertoOfflineJobState  state);
void             certo_offline_job_set_progress (CertoOfflineJob      *self,
                                                 guint64               received,
                                                 gint64                total);
void             certo_offline_job_finish       (CertoOfflineJob      *self,
                                                 CertoOfflineDocument *document,
                                                 GError               *error);

/* certo-offline-files.c: blocking file work, for worker threads */
char            *certo_offline_place_file       (const char           *folder,
                                                 GFile                *source,
                                                 const char           *wanted_name,
                                                 const char           *fallback_name,
                                                 const char           *expected_sha256,
                                                 guint64               max_size,
                                                 char                **out_sha256,
                                                 guint64              *out_size,
                                                 GCancellable         *cancellable,
                                                 GError              **error);
guint            certo_offline_sweep            (const char           *folder,
                                                 GHashTable           *known_names);
guint64          certo_offline_clear_folder     (const char           *folder,
                                                 GHashTable           *keep_paths,
                                                 GCancellable         *cancellable);
char            *certo_offline_sniff_type       (GFile                *file,
                                                 const char           *guessed);
char            *certo_offline_fallback_name    (const char           *key,
                                                 const char           *content_type);

G_END_DECLS
