/* certo-store-private.h — the store's worker connection, shared by
 * certo-store.c (thread, open, migrations, writes) and certo-store-load.c
 * (reading the whole catalog into objects); and hooks for tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "certo-store.h"

G_BEGIN_DECLS

/* PRAGMA application_id of catalog.db: "CrtC" in ASCII. (The workspace
 * file, *.certo, needs an id of its own.) `file catalog.db` shows it. */
#define CERTO_STORE_APPLICATION_ID 1131574339 /* 0x43727443 */

/* PRAGMA user_version this code writes and reads up to */
#define CERTO_STORE_SCHEMA_VERSION 1

/**
 * CertoStoreDb:
 *
 * The connection and its statement cache. Lives on the store's worker
 * thread: every function below must be called there (and asserts so in
 * debug builds).
 */
typedef struct _CertoStoreDb CertoStoreDb;

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

/* certo-store-import.c: the task data of certo_store_import_async() */
typedef struct
{
  char *key;
  CertoSourceKind kind;
  CertoSourceFormat format;
  char *name;
  char *location;
  char *content_hash;
  CertoCatalogUpdate *update;
} CertoStoreImportData;

void                  certo_store_import_data_free (gpointer       data);
void                  certo_store_db_job_import    (CertoStoreDb  *db,
                                                    GTask         *task,
                                                    gpointer       task_data,
                                                    GCancellable  *cancellable);

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
