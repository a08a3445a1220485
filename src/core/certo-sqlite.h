/* certo-sqlite.h — one SQLite connection owned by one worker thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

G_BEGIN_DECLS

#define CERTO_SQLITE_ERROR (certo_sqlite_error_quark ())

/**
 * CertoSqliteError:
 * @CERTO_SQLITE_ERROR_FAILED: any other SQLite failure (the message has SQLite's)
 * @CERTO_SQLITE_ERROR_CANNOT_OPEN: the file or its folder cannot be opened or created
 * @CERTO_SQLITE_ERROR_CORRUPT: the file is damaged or is not a database
 * @CERTO_SQLITE_ERROR_FULL: the disk is full
 * @CERTO_SQLITE_ERROR_READ_ONLY: the file or its folder cannot be written
 * @CERTO_SQLITE_ERROR_BUSY: another program holds the database locked
 * @CERTO_SQLITE_ERROR_CONSTRAINT: a value broke a rule of the schema
 * @CERTO_SQLITE_ERROR_TOO_BIG: a value is larger than SQLite allows
 * @CERTO_SQLITE_ERROR_CLOSED: the connection was shut down before the job ran
 *
 * SQLite result codes mapped to errors a person can act on
 * (certo_sqlite_set_error()).
 */
typedef enum
{
  CERTO_SQLITE_ERROR_FAILED,
  CERTO_SQLITE_ERROR_CANNOT_OPEN,
  CERTO_SQLITE_ERROR_CORRUPT,
  CERTO_SQLITE_ERROR_FULL,
  CERTO_SQLITE_ERROR_READ_ONLY,
  CERTO_SQLITE_ERROR_BUSY,
  CERTO_SQLITE_ERROR_CONSTRAINT,
  CERTO_SQLITE_ERROR_TOO_BIG,
  CERTO_SQLITE_ERROR_CLOSED,
} CertoSqliteError;

/**
 * CertoSqlite:
 *
 * A reference-counted handle on one SQLite connection and the one thread
 * that uses it. Jobs (a #GTask and a #CertoSqliteJobFunc) run on that
 * thread one at a time, in the order they were queued; each job returns its
 * result on its task, which GTask delivers in the main context the task was
 * made in. Nothing else may touch the connection: the functions marked
 * "worker only" assert that they run on the worker thread (unless
 * `G_DISABLE_ASSERT`), and a statement trace catches any statement run
 * elsewhere.
 *
 * The handle is generic (any database, any schema) so that the catalog
 * store and the workspace share one implementation of the worker, the
 * statement cache, transactions and the mapping of SQLite errors.
 */
typedef struct _CertoSqlite CertoSqlite;

/**
 * CertoSqliteJobFunc:
 * @sqlite: the connection's handle
 * @task: the job's task; the function must return a result on it
 * @task_data: g_task_get_task_data() of @task
 * @cancellable: (nullable): g_task_get_cancellable() of @task
 *
 * A job. Runs on the worker thread.
 */
typedef void (*CertoSqliteJobFunc) (CertoSqlite  *sqlite,
                                    GTask        *task,
                                    gpointer      task_data,
                                    GCancellable *cancellable);

/**
 * CertoSqliteErrorFunc:
 * @rc: the SQLite result code of the call that failed
 * @path: (nullable): the database file
 * @detail: SQLite's own message for @rc
 * @error: (out): where the error goes; never %NULL
 *
 * Maps an SQLite failure of the connection to the owner's error domain
 * (certo_sqlite_set_error_func()): the catalog store reports
 * #CERTO_STORE_ERROR codes, with messages about "the catalog". Runs on the
 * worker thread.
 */
typedef void (*CertoSqliteErrorFunc) (int          rc,
                                      const char  *path,
                                      const char  *detail,
                                      GError     **error);

GQuark        certo_sqlite_error_quark      (void);

CertoSqlite  *certo_sqlite_new              (const char          *name);
CertoSqlite  *certo_sqlite_ref              (CertoSqlite         *self);
void          certo_sqlite_unref            (CertoSqlite         *self);
const char   *certo_sqlite_get_name         (CertoSqlite         *self);
void          certo_sqlite_set_worker_data  (CertoSqlite         *self,
                                             gpointer             data,
                                             GDestroyNotify       destroy);
void          certo_sqlite_set_error_func   (CertoSqlite         *self,
                                             CertoSqliteErrorFunc func);

void          certo_sqlite_run              (CertoSqlite         *self,
                                             GTask               *task,
                                             CertoSqliteJobFunc   func);
void          certo_sqlite_shutdown         (CertoSqlite         *self);

/* Worker only */
gpointer      certo_sqlite_get_worker_data  (CertoSqlite         *self);
gboolean      certo_sqlite_is_worker        (CertoSqlite         *self);
void          certo_sqlite_assert_worker    (CertoSqlite         *self);
gboolean      certo_sqlite_open             (CertoSqlite         *self,
                                             const char          *path,
                                             int                  flags,
                                             GError             **error);
gboolean      certo_sqlite_is_open          (CertoSqlite         *self);
void          certo_sqlite_close            (CertoSqlite         *self);
sqlite3      *certo_sqlite_get_handle       (CertoSqlite         *self);
const char   *certo_sqlite_get_path         (CertoSqlite         *self);
sqlite3_stmt *certo_sqlite_statement        (CertoSqlite         *self,
                                             const char          *sql,
                                             GError             **error);
gboolean      certo_sqlite_exec             (CertoSqlite         *self,
                                             const char          *sql,
                                             GError             **error);
gboolean      certo_sqlite_step_done        (CertoSqlite         *self,
                                             sqlite3_stmt        *stmt,
                                             GError             **error);
gboolean      certo_sqlite_step_row         (CertoSqlite         *self,
                                             sqlite3_stmt        *stmt,
                                             GError             **error);
gboolean      certo_sqlite_query_int        (CertoSqlite         *self,
                                             const char          *sql,
                                             gint64              *out_value,
                                             GError             **error);
gboolean      certo_sqlite_begin            (CertoSqlite         *self,
                                             GError             **error);
gboolean      certo_sqlite_commit           (CertoSqlite         *self,
                                             GError             **error);
void          certo_sqlite_rollback         (CertoSqlite         *self);
void          certo_sqlite_release_memory   (CertoSqlite         *self);
void          certo_sqlite_set_error        (CertoSqlite         *self,
                                             int                  rc,
                                             GError             **error);
gboolean      certo_sqlite_backup_to_file   (CertoSqlite         *self,
                                             const char          *dest_path,
                                             GError             **error);
guint         certo_sqlite_get_n_prepares   (CertoSqlite         *self);

/* Any thread */
void          certo_sqlite_error_from_code  (int                  rc,
                                             const char          *path,
                                             const char          *detail,
                                             GError             **error);
void          certo_sqlite_bind_text        (sqlite3_stmt        *stmt,
                                             int                  index,
                                             const char          *text);
void          certo_sqlite_release          (sqlite3_stmt        *stmt);

/**
 * CertoSqliteStmt:
 *
 * A statement borrowed from the cache (certo_sqlite_statement()):
 * `g_autoptr(CertoSqliteStmt)` resets it and clears its bindings at the
 * end of the scope; it is never finalized there.
 */
typedef sqlite3_stmt CertoSqliteStmt;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CertoSqliteStmt, certo_sqlite_release)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CertoSqlite, certo_sqlite_unref)

G_END_DECLS
