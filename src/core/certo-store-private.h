/* certo-store-private.h — the store's worker connection, shared by
 * certo-store.c (thread, open, migrations, writes) and certo-store-load.c
 * (reading the whole catalog into objects); and hooks for tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "certo-article-text.h"
#include "certo-change.h"
#include "certo-client.h"
#include "certo-offline-document.h"
#include "certo-store.h"

G_BEGIN_DECLS

/* PRAGMA application_id of catalog.db: "CrtC" in ASCII. (The workspace
 * file, *.certo, needs an id of its own.) `file catalog.db` shows it. */
#define CERTO_STORE_APPLICATION_ID 1131574339 /* 0x43727443 */

/* PRAGMA user_version this code writes and reads up to */
#define CERTO_STORE_SCHEMA_VERSION 2

/**
 * CertoStoreDb:
 *
 * The connection and its statement cache. Lives on the store's worker
 * thread: every function below must be called there (and asserts so in
 * debug builds).
 */
typedef struct _CertoStoreDb CertoStoreDb;

/* A job: runs on the worker thread and must return a result on @task */
typedef void (*CertoStoreJobFunc) (CertoStoreDb *db,
                                   GTask        *task,
                                   gpointer      task_data,
                                   GCancellable *cancellable);

/* Queues @func with @task (transfer full); a closed store fails @task
 * with CERTO_STORE_ERROR_CLOSED */
void                  certo_store_run              (CertoStore        *self,
                                                    GTask             *task,
                                                    CertoStoreJobFunc  func);

sqlite3_stmt         *certo_store_db_statement     (CertoStoreDb  *db,
                                                    const char    *sql,
                                                    GError       **error);
void                  certo_store_db_release       (sqlite3_stmt  *stmt);
gboolean              certo_store_db_exec          (CertoStoreDb  *db,
                                                    const char    *sql,
                                                    GError       **error);
void                  certo_store_db_set_error     (CertoStoreDb  *db,
                                                    int            rc,
                                                    GError       **error);
void                  certo_store_db_assert_worker (CertoStoreDb  *db);

gboolean              certo_store_db_ensure_open   (CertoStoreDb  *db,
                                                    GError       **error);
void                  certo_store_db_rollback      (CertoStoreDb  *db);
void                  certo_store_db_release_memory (CertoStoreDb *db);
gboolean              certo_store_db_step_done     (CertoStoreDb  *db,
                                                    sqlite3_stmt  *stmt,
                                                    GError       **error);
void                  certo_store_db_bind_text     (sqlite3_stmt  *stmt,
                                                    int            index,
                                                    const char    *text);
void                  certo_store_db_bind_id       (sqlite3_stmt  *stmt,
                                                    int            index,
                                                    gint64         id);

/* A statement borrowed from the cache: g_autoptr(CertoCachedStmt) resets
 * it and clears its bindings at the end of the scope; it never finalizes. */
typedef sqlite3_stmt CertoCachedStmt;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CertoCachedStmt, certo_store_db_release)

/* certo-store-import.c: the task data of certo_store_import_async() and
 * certo_store_sync_import_async() */
typedef struct
{
  char *key;
  CertoSourceKind kind;
  CertoSourceFormat format;
  char *name;
  char *location;
  char *content_hash;
  CertoCatalogUpdate *update;
  gboolean accept_removals;    /* the shrink guard is off */

  /* A sync's: the source must still be the row @source_id (a sync never
   * brings back a source removed while it ran); its status is written in
   * the same transaction */
  gint64 source_id;
  char *checked;               /* ISO 8601 UTC: when fetched */
  gboolean set_validators;
  char *etag;
  char *last_modified;
  CertoArticleText *text;      /* nullable: the article's reader text */
} CertoStoreImportData;

void                  certo_store_import_data_free (gpointer       data);
void                  certo_store_db_job_import    (CertoStoreDb  *db,
                                                    GTask         *task,
                                                    gpointer       task_data,
                                                    GCancellable  *cancellable);
gboolean              certo_store_db_import        (CertoStoreDb          *db,
                                                    CertoStoreImportData  *data,
                                                    GCancellable          *cancellable,
                                                    CertoSyncSummary      *summary,
                                                    GError               **error);

/* certo-sync-diff.c: the difference between a source's rows and an
 * update, found while the update is imported, written as history in the
 * same transaction */
typedef struct _CertoStoreDiff CertoStoreDiff;

gboolean              certo_store_diff_prepare     (CertoStoreDb          *db,
                                                    GError               **error);
CertoStoreDiff       *certo_store_diff_new         (void);
void                  certo_store_diff_free        (CertoStoreDiff        *diff);
gboolean              certo_store_diff_read_old    (CertoStoreDiff        *diff,
                                                    CertoStoreDb          *db,
                                                    gint64                 source_id,
                                                    GError               **error);
void                  certo_store_diff_service     (CertoStoreDiff        *diff,
                                                    CertoUpdateService    *service,
                                                    const char            *name_json,
                                                    gint64                 id);
gboolean              certo_store_diff_document    (CertoStoreDiff        *diff,
                                                    CertoUpdateDocument   *document,
                                                    const char            *title_json,
                                                    gint64                 id);
gboolean              certo_store_diff_keep_withdrawn (CertoStoreDiff     *diff,
                                                    CertoStoreDb          *db,
                                                    CertoCatalogUpdate    *update,
                                                    gint64                 generation,
                                                    const char            *now,
                                                    GError               **error);
gboolean              certo_store_diff_write       (CertoStoreDiff        *diff,
                                                    CertoStoreDb          *db,
                                                    gint64                 source_id,
                                                    const char            *now,
                                                    CertoSyncSummary      *summary,
                                                    GError               **error);
gboolean              certo_store_db_insert_change (CertoStoreDb          *db,
                                                    gint64                 run_id,
                                                    CertoChangeKind        kind,
                                                    const char            *key,
                                                    gint64                 document_id,
                                                    gint64                 service_id,
                                                    const char            *title_json,
                                                    gint64                *out_id,
                                                    GError               **error);
gboolean              certo_store_db_insert_field  (CertoStoreDb          *db,
                                                    gint64                 change_id,
                                                    guint                  position,
                                                    const char            *field,
                                                    const char            *old_value,
                                                    const char            *new_value,
                                                    GError               **error);

/* certo-store-sync.c: what a sync writes besides an import */
void                  certo_store_sync_import_async  (CertoStore          *self,
                                                      CertoStoreImportData *data,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
CertoSyncSummary     *certo_store_sync_import_finish (CertoStore          *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);

/* The status of a source after a fetch that imports nothing: a 304, the
 * same bytes again, or a failure (rows untouched) */
typedef struct
{
  gint64 source_id;
  char *checked;            /* ISO 8601 UTC */
  char *error;              /* nullable: the failure, for last_error */
  char *retry_after;        /* nullable: not before (ISO 8601 UTC) */
  gboolean refreshed;       /* the content was read and is the same */
  gboolean set_validators;
  char *etag;
  char *last_modified;
  char *location;           /* nullable: a permanent redirect's address */
} CertoStoreStatus;

void                  certo_store_status_free        (CertoStoreStatus    *status);
void                  certo_store_set_status_async   (CertoStore          *self,
                                                      CertoStoreStatus    *status,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
gboolean              certo_store_set_status_finish  (CertoStore          *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);

/* One document probed by a check: @result or @error */
typedef struct
{
  gint64 document_id;
  char *url;
  CertoProbeResult *result;
  char *error;
} CertoStoreProbe;

void                  certo_store_probe_free         (CertoStoreProbe     *probe);
void                  certo_store_record_probes_async (CertoStore         *self,
                                                      gint64               source_id,
                                                      GPtrArray           *probes,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
CertoSyncSummary     *certo_store_record_probes_finish (CertoStore        *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);

/* certo-store-offline.c: rows of saved documents */
typedef struct
{
  gint64 document_id;
  char *path;               /* a file name in the offline folder */
  guint64 size;
  char *sha256;
  char *content_type;
  char *source_url;         /* nullable: attached copies have none */
  gboolean attached;
  char *etag;
  char *last_modified;
} CertoStoreOfflineRow;

void                  certo_store_offline_row_free   (CertoStoreOfflineRow *row);
void                  certo_store_add_offline_async  (CertoStore          *self,
                                                      CertoStoreOfflineRow *row,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
CertoOfflineDocument *certo_store_add_offline_finish (CertoStore          *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);
void                  certo_store_remove_offline_async (CertoStore        *self,
                                                      gint64               offline_id,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
char                 *certo_store_remove_offline_finish (CertoStore       *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);
void                  certo_store_list_offline_async (CertoStore          *self,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
GPtrArray            *certo_store_list_offline_finish (CertoStore         *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);

/* certo-store-sync.c: the name a source shows, as certo-store-load.c
 * chooses it */
char                 *certo_store_db_dup_source_name (CertoStoreDb        *db,
                                                      gint64               source_id);

/* certo-store-history.c: the recent changes, read with the catalog */
gboolean              certo_store_db_load_changes  (CertoStoreDb          *db,
                                                    GHashTable            *sources,
                                                    GPtrArray             *changes,
                                                    GError               **error);

/* certo-store-text.c */
char                 *certo_store_localized_to_json   (const CertoLocalized *text);
CertoLocalized       *certo_store_localized_from_json (const char           *json);

/* A document's search text is certo_text_fold() of, in this order: every
 * language's title, the certificate number, the issuer, the family's
 * names, each covered service's names, each unmatched service name. A
 * service's is its names. Computed at import (folding is the costly part
 * of a load) and stored; a load computes it only where it is NULL, so a
 * change to certo_text_fold() needs a migration that clears the columns. */
void                  certo_store_search_append        (GString              *search,
                                                        const char           *text);
void                  certo_store_search_append_folded (GString              *search,
                                                        const char           *folded);
char                 *certo_store_dup_folded_names     (const CertoLocalized *text);

/* certo-store-load.c */
CertoCatalogSnapshot *certo_store_db_load          (CertoStoreDb  *db,
                                                    GCancellable  *cancellable,
                                                    GError       **error);

/* Removes a source even when it is built in: for a catalog no longer
 * built into this version. Finish with certo_store_remove_source_finish(). */
void                  certo_store_remove_builtin_source_async (CertoStore          *self,
                                                               gint64               source_id,
                                                               GCancellable        *cancellable,
                                                               GAsyncReadyCallback  callback,
                                                               gpointer             user_data);

/* For tests: replace the schema migrations (an array of SQL scripts,
 * migration i+1 is @migrations[i]) before the store first opens; the
 * array must outlive the store. */
void                  certo_store_set_migrations_for_testing (CertoStore         *self,
                                                              const char * const *migrations,
                                                              guint               n_migrations);

/* For tests: how many statements the connection has prepared so far */
guint                 certo_store_get_n_prepares   (CertoStore    *self);

G_END_DECLS
