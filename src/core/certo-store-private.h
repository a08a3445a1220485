/* certo-store-private.h — what the store's files share: the connection
 * (a CertoSqlite), opened and migrated by certo-store-db.c, the jobs of
 * certo-store*.c and certo-sync-diff.c; and hooks for tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "certo-article-text.h"
#include "certo-change.h"
#include "certo-client.h"
#include "certo-offline-document.h"
#include "certo-sqlite.h"
#include "certo-store.h"

G_BEGIN_DECLS

/* PRAGMA application_id of catalog.db: "CrtC" in ASCII. (The workspace
 * file, *.certo, needs an id of its own.) `file catalog.db` shows it. */
#define CERTO_STORE_APPLICATION_ID 1131574339 /* 0x43727443 */

/* PRAGMA user_version this code writes and reads up to */
#define CERTO_STORE_SCHEMA_VERSION 2

/* The store's state on its worker thread (certo_sqlite_get_worker_data()
 * of its connection); certo-store-db.c */
typedef struct
{
  char *path;
  const char * const *migrations;   /* migration i+1 is @migrations[i] */
  guint n_migrations;
} CertoStoreWorker;

CertoStoreWorker     *certo_store_worker_new       (const char    *path);
void                  certo_store_worker_free      (gpointer       data);

/* The connection's CertoSqliteErrorFunc: SQLite failures as
 * CERTO_STORE_ERROR about the catalog */
void                  certo_store_db_error_from_code (int          rc,
                                                      const char  *path,
                                                      const char  *detail,
                                                      GError     **error);

/* Worker only: opens the catalog the first time (creating its folder,
 * refusing a file Certo must not touch, migrating) */
gboolean              certo_store_db_ensure_open   (CertoSqlite   *db,
                                                    GError       **error);
/* Worker only: opens if needed and starts a write transaction */
gboolean              certo_store_db_begin         (CertoSqlite   *db,
                                                    GError       **error);
/* Worker only: commits when @ok, else (or when the commit fails) rolls
 * back; returns whether the transaction was committed */
gboolean              certo_store_db_end           (CertoSqlite   *db,
                                                    gboolean       ok,
                                                    GError       **error);
/* Binds @id, or NULL when it is not a row id (0) */
void                  certo_store_db_bind_id       (sqlite3_stmt  *stmt,
                                                    int            index,
                                                    gint64         id);
/* Sets CERTO_STORE_ERROR_NOT_FOUND for a source; returns FALSE */
gboolean              certo_store_source_not_found (gint64         source_id,
                                                    GError       **error);

/* Queues @func with @task (transfer full) on the store's connection; a
 * closed store fails @task with CERTO_STORE_ERROR_CLOSED */
void                  certo_store_run              (CertoStore         *self,
                                                    GTask              *task,
                                                    CertoSqliteJobFunc  func);

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
void                  certo_store_db_job_import    (CertoSqlite   *db,
                                                    GTask         *task,
                                                    gpointer       task_data,
                                                    GCancellable  *cancellable);
gboolean              certo_store_db_import        (CertoSqlite           *db,
                                                    CertoStoreImportData  *data,
                                                    GCancellable          *cancellable,
                                                    CertoSyncSummary      *summary,
                                                    GError               **error);
/* certo-store-import.c: the source row @key, if any (0 when none) */
gboolean              certo_store_import_find_source (CertoSqlite         *db,
                                                      const char          *key,
                                                      gint64              *out_id,
                                                      gint64              *out_generation,
                                                      GError             **error);
/* certo-store-import-target.c: which source @data goes into, and the
 * shrink guard */
gboolean              certo_store_import_resolve_target (CertoSqlite           *db,
                                                         CertoStoreImportData  *data,
                                                         gint64                *out_replaced_id,
                                                         GError               **error);
gboolean              certo_store_import_check_shrink (CertoSqlite           *db,
                                                       CertoStoreImportData  *data,
                                                       gint64                 replaced_id,
                                                       GError               **error);

/* certo-sync-diff.c: the difference between a source's rows and an
 * update, found while the update is imported, written as history in the
 * same transaction */
typedef struct _CertoStoreDiff CertoStoreDiff;

gboolean              certo_store_diff_prepare     (CertoSqlite           *db,
                                                    GError               **error);
CertoStoreDiff       *certo_store_diff_new         (void);
void                  certo_store_diff_free        (CertoStoreDiff        *diff);
gboolean              certo_store_diff_read_old    (CertoStoreDiff        *diff,
                                                    CertoSqlite           *db,
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
                                                    CertoSqlite           *db,
                                                    CertoCatalogUpdate    *update,
                                                    gint64                 generation,
                                                    const char            *now,
                                                    GError               **error);
gboolean              certo_store_diff_write       (CertoStoreDiff        *diff,
                                                    CertoSqlite           *db,
                                                    gint64                 source_id,
                                                    const char            *now,
                                                    CertoSyncSummary      *summary,
                                                    GError               **error);
gboolean              certo_store_db_insert_change (CertoSqlite           *db,
                                                    gint64                 run_id,
                                                    CertoChangeKind        kind,
                                                    const char            *key,
                                                    gint64                 document_id,
                                                    gint64                 service_id,
                                                    const char            *title_json,
                                                    gint64                *out_id,
                                                    GError               **error);
gboolean              certo_store_db_insert_field  (CertoSqlite           *db,
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
char                 *certo_store_db_dup_source_name (CertoSqlite         *db,
                                                      gint64               source_id);

/* certo-store-history.c: the recent changes, read with the catalog */
gboolean              certo_store_db_load_changes  (CertoSqlite           *db,
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
CertoCatalogSnapshot *certo_store_db_load          (CertoSqlite   *db,
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
