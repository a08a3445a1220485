/* certo-sqlite.c — one SQLite connection owned by one worker thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The pattern of gnome-software's GsWorkerThread, made for SQLite: a
 * GAsyncQueue of jobs and one GThread that pops them in order, so the UI
 * thread never waits for the disk and writes never overtake each other.
 * What Liferea's db.c got wrong and this must not: SQLite on the UI thread,
 * statements re-prepared on every call, g_error() on a database error.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "certo-sqlite.h"

typedef struct
{
  CertoSqliteJobFunc func;   /* NULL: close the connection, end the thread */
  GTask *task;
} Job;

/* A finished job's task on its way back to its main context */
typedef struct
{
  CertoSqlite *sqlite;       /* a reference: @link is in its list */
  GTask *task;               /* NULL once dropped, under the lock */
  GSource *source;           /* the idle that drops it; borrowed: alive
                              * while @link is in the list */
  GList link;                /* in CertoSqlite.releases */
} Release;

struct _CertoSqlite
{
  char *name;
  GAsyncQueue *queue;          /* of Job */

  /* Owner side, under @lock */
  GMutex lock;
  GThread *thread;             /* NULL until the first job */
  gboolean shut_down;
  GQueue releases;             /* of Release, not yet dropped */

  /* Worker side */
  GThread *worker;             /* set by the worker itself, atomic */
  sqlite3 *db;
  char *path;
  GHashTable *statements;      /* SQL text → sqlite3_stmt */
  gpointer worker_data;
  GDestroyNotify worker_data_destroy;
  CertoSqliteErrorFunc error_func;
  int n_prepares;              /* atomic */
};

/* Helpers */

#ifndef G_DISABLE_ASSERT
/* Called by SQLite as each statement starts: catches a statement run off
 * the worker thread even when it bypasses the helpers below */
static int
trace_statement (unsigned int  type,
                 void         *user_data,
                 void         *p,
                 void         *x)
{
  certo_sqlite_assert_worker (user_data);
  return 0;
}
#endif

static void
sqlite_free (gpointer data)
{
  CertoSqlite *self = data;

  g_assert (self->db == NULL);
  g_assert (g_queue_is_empty (&self->releases));
  g_clear_pointer (&self->thread, g_thread_unref);
  g_mutex_clear (&self->lock);
  g_async_queue_unref (self->queue);
  g_hash_table_unref (self->statements);
  g_free (self->path);
  g_free (self->name);
}

static gboolean
release_dispatch (gpointer data)
{
  return G_SOURCE_REMOVE;
}

/* The idle source's destroy notify: runs in the task's main context after
 * the idle ran, or in certo_sqlite_shutdown() when that destroys it */
static void
release_free (gpointer data)
{
  Release *release = data;
  CertoSqlite *self = release->sqlite;
  GTask *task;

  g_mutex_lock (&self->lock);
  task = g_steal_pointer (&release->task);
  if (task != NULL)
    g_queue_unlink (&self->releases, &release->link);
  g_mutex_unlock (&self->lock);

  g_clear_object (&task);
  certo_sqlite_unref (self);
  g_free (release);
}

/* The worker's reference on a task may be the last one, and the task holds
 * its source object: dropping it here could finalize the owner (a
 * workspace, a store) on this thread, where it would wait for itself. The
 * reference goes back to the task's own main context instead. */
static void
release_task (CertoSqlite *self,
              GTask       *task)
{
  Release *release = g_new0 (Release, 1);
  GSource *source = g_idle_source_new ();

  release->sqlite = certo_sqlite_ref (self);
  release->task = task;
  release->source = source;
  release->link.data = release;

  g_mutex_lock (&self->lock);
  g_queue_push_tail_link (&self->releases, &release->link);
  g_mutex_unlock (&self->lock);

  g_source_set_name (source, "[certo] release SQLite job");
  g_source_set_callback (source, release_dispatch, release, release_free);
  g_source_attach (source, g_task_get_context (task));
  g_source_unref (source);
}

/* After the worker has ended: drops at once the tasks that would go back to
 * the calling thread's own main context, and their idles, so that an owner
 * closed there holds no reference from a finished job (a test can assert
 * that it is finalized) and no idle outlives the handle. Tasks of other
 * contexts still go back on their own. */
static void
drop_own_releases (CertoSqlite *self)
{
  g_autoptr(GMainContext) context = g_main_context_ref_thread_default ();
  g_autoptr(GPtrArray) sources = g_ptr_array_new_with_free_func ((GDestroyNotify) g_source_unref);
  GList *l;

  g_mutex_lock (&self->lock);
  l = self->releases.head;
  while (l != NULL)
    {
      Release *release = l->data;

      l = l->next;
      if (g_task_get_context (release->task) == context)
        g_ptr_array_add (sources, g_source_ref (release->source));
    }
  g_mutex_unlock (&self->lock);

  /* Each source's destroy notify (release_free()) drops its task */
  for (guint i = 0; i < sources->len; i++)
    g_source_destroy (g_ptr_array_index (sources, i));
}

static gpointer
worker_main (gpointer data)
{
  CertoSqlite *self = data;   /* the worker's own reference */

  g_atomic_pointer_set (&self->worker, g_thread_self ());

  while (TRUE)
    {
      Job *job = g_async_queue_pop (self->queue);
      GTask *task = job->task;
      CertoSqliteJobFunc func = job->func;

      g_free (job);
      if (func == NULL)
        break;

      if (!g_task_return_error_if_cancelled (task))
        func (self, task, g_task_get_task_data (task), g_task_get_cancellable (task));

      release_task (self, task);
    }

  certo_sqlite_close (self);
  if (self->worker_data_destroy != NULL)
    self->worker_data_destroy (self->worker_data);
  self->worker_data = NULL;
  self->worker_data_destroy = NULL;

  certo_sqlite_unref (self);
  return NULL;
}

/* Public API: any thread */

/**
 * certo_sqlite_new:
 * @name: what the connection is for, in messages and the thread's name
 *   ("workspace", "catalog")
 *
 * Makes a handle with no connection and no thread yet: the thread starts
 * with the first job, and a job opens the database with certo_sqlite_open().
 *
 * Returns: (transfer full): a new handle; free with certo_sqlite_unref()
 *   after certo_sqlite_shutdown()
 */
CertoSqlite *
certo_sqlite_new (const char *name)
{
  CertoSqlite *self = g_atomic_rc_box_new0 (CertoSqlite);

  self->name = g_strdup (name);
  self->queue = g_async_queue_new ();
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_mutex_init (&self->lock);

  return self;
}

/**
 * certo_sqlite_ref:
 * @self: a handle
 *
 * Returns: (transfer full): @self
 */
CertoSqlite *
certo_sqlite_ref (CertoSqlite *self)
{
  return g_atomic_rc_box_acquire (self);
}

/**
 * certo_sqlite_unref:
 * @self: (transfer full): a handle
 *
 * Drops a reference. The worker holds its own until it ends, so dropping
 * the last outside reference without certo_sqlite_shutdown() leaves the
 * thread waiting for jobs: always shut down first.
 */
void
certo_sqlite_unref (CertoSqlite *self)
{
  g_atomic_rc_box_release_full (self, sqlite_free);
}

/**
 * certo_sqlite_get_name:
 * @self: a handle
 *
 * Returns: (transfer none): the name given to certo_sqlite_new()
 */
const char *
certo_sqlite_get_name (CertoSqlite *self)
{
  return self->name;
}

/**
 * certo_sqlite_set_worker_data:
 * @self: a handle
 * @data: (nullable): state only jobs use (certo_sqlite_get_worker_data())
 * @destroy: (nullable): frees @data on the worker thread when it ends
 *
 * Attaches the owner's worker-side state. Call before the first job.
 */
void
certo_sqlite_set_worker_data (CertoSqlite    *self,
                              gpointer        data,
                              GDestroyNotify  destroy)
{
  g_mutex_lock (&self->lock);
  g_assert (self->thread == NULL);
  self->worker_data = data;
  self->worker_data_destroy = destroy;
  g_mutex_unlock (&self->lock);
}

/**
 * certo_sqlite_set_error_func:
 * @self: a handle
 * @func: (nullable): maps the connection's SQLite failures to the owner's
 *   error domain; %NULL for #CERTO_SQLITE_ERROR (certo_sqlite_error_from_code())
 *
 * Sets how certo_sqlite_set_error(), and so every worker-only function,
 * reports a failure. Call before the first job.
 */
void
certo_sqlite_set_error_func (CertoSqlite          *self,
                             CertoSqliteErrorFunc  func)
{
  g_mutex_lock (&self->lock);
  g_assert (self->thread == NULL);
  self->error_func = func;
  g_mutex_unlock (&self->lock);
}

/**
 * certo_sqlite_run:
 * @self: a handle
 * @task: (transfer full): the job's task, with its task data set
 * @func: the job
 *
 * Queues @func to run on the worker thread after every job queued before
 * it. A job whose cancellable is already cancelled when its turn comes is
 * skipped with %G_IO_ERROR_CANCELLED; a job queued after
 * certo_sqlite_shutdown() fails with %CERTO_SQLITE_ERROR_CLOSED.
 */
void
certo_sqlite_run (CertoSqlite        *self,
                  GTask              *task,
                  CertoSqliteJobFunc  func)
{
  Job *job;

  g_return_if_fail (G_IS_TASK (task));
  g_return_if_fail (func != NULL);

  g_mutex_lock (&self->lock);

  if (self->shut_down)
    {
      g_mutex_unlock (&self->lock);
      g_task_return_new_error (task, CERTO_SQLITE_ERROR, CERTO_SQLITE_ERROR_CLOSED,
                               "%s", _("The database was already closed"));
      g_object_unref (task);
      return;
    }

  if (self->thread == NULL)
    {
      g_autofree char *thread_name = g_strdup_printf ("certo-%s", self->name);

      self->thread = g_thread_new (thread_name, worker_main, certo_sqlite_ref (self));
    }

  job = g_new0 (Job, 1);
  job->func = func;
  job->task = task;
  g_async_queue_push (self->queue, job);

  g_mutex_unlock (&self->lock);
}

/**
 * certo_sqlite_shutdown:
 * @self: a handle
 *
 * Lets every queued job run, closes the connection (finalizing the cached
 * statements) and ends the worker thread; blocks until it has ended. Their
 * results still reach the callers through their main contexts; the
 * finished jobs' tasks of the calling thread's main context are released
 * before this returns. Safe to call twice. Called from a job, it does not
 * wait: the thread ends after the jobs queued so far.
 */
void
certo_sqlite_shutdown (CertoSqlite *self)
{
  GThread *thread = NULL;

  g_mutex_lock (&self->lock);
  if (!self->shut_down)
    {
      self->shut_down = TRUE;
      thread = g_steal_pointer (&self->thread);
      if (thread != NULL)
        g_async_queue_push (self->queue, g_new0 (Job, 1));
    }
  g_mutex_unlock (&self->lock);

  if (thread == NULL)
    return;

  if (certo_sqlite_is_worker (self))
    {
      g_thread_unref (thread);
      return;
    }

  g_thread_join (thread);
  drop_own_releases (self);
}

/**
 * certo_sqlite_bind_text:
 * @stmt: a statement
 * @index: the parameter, from 1
 * @text: (nullable): the value; %NULL binds SQL NULL
 *
 * Binds @text without copying it: the caller keeps it alive until the
 * statement is released (certo_sqlite_release()), which clears bindings.
 */
void
certo_sqlite_bind_text (sqlite3_stmt *stmt,
                        int           index,
                        const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, index);
}

/**
 * certo_sqlite_release:
 * @stmt: (nullable): a statement from certo_sqlite_statement()
 *
 * Resets @stmt and clears its bindings, so it holds no read transaction
 * and no pointer into freed strings. The cache keeps it.
 */
void
certo_sqlite_release (sqlite3_stmt *stmt)
{
  if (stmt == NULL)
    return;

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

/* Public API: worker only */

/**
 * certo_sqlite_get_worker_data:
 * @self: a handle
 *
 * Worker only.
 *
 * Returns: (transfer none) (nullable): the data of certo_sqlite_set_worker_data()
 */
gpointer
certo_sqlite_get_worker_data (CertoSqlite *self)
{
  certo_sqlite_assert_worker (self);
  return self->worker_data;
}

/**
 * certo_sqlite_is_worker:
 * @self: a handle
 *
 * Returns: whether the calling thread is @self's worker thread
 */
gboolean
certo_sqlite_is_worker (CertoSqlite *self)
{
  return g_thread_self () == g_atomic_pointer_get (&self->worker);
}

/**
 * certo_sqlite_assert_worker:
 * @self: a handle
 *
 * Aborts a debug build when called off the worker thread: a programming
 * error, never a data error.
 */
void
certo_sqlite_assert_worker (CertoSqlite *self)
{
  g_assert (certo_sqlite_is_worker (self));
}

/**
 * certo_sqlite_open:
 * @self: a handle
 * @path: the database file (a filename, or a `file:` URI with
 *   %SQLITE_OPEN_URI)
 * @flags: sqlite3_open_v2() flags (%SQLITE_OPEN_READWRITE,
 *   %SQLITE_OPEN_CREATE, %SQLITE_OPEN_READONLY, %SQLITE_OPEN_URI)
 * @error: (out) (optional): a #CERTO_SQLITE_ERROR
 *
 * Worker only. Opens the connection (closing any open one first), with a
 * 5 s busy timeout and extended result codes. Nothing is written to the
 * file: pragmas are the caller's business.
 *
 * Returns: %TRUE when open
 */
gboolean
certo_sqlite_open (CertoSqlite  *self,
                   const char   *path,
                   int           flags,
                   GError      **error)
{
  int rc;

  certo_sqlite_assert_worker (self);
  certo_sqlite_close (self);

  g_free (self->path);
  self->path = g_strdup (path);

  rc = sqlite3_open_v2 (path, &self->db,
                        flags | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE, NULL);
  if (rc != SQLITE_OK)
    {
      certo_sqlite_set_error (self, rc, error);
      certo_sqlite_close (self);
      return FALSE;
    }

#ifndef G_DISABLE_ASSERT
  sqlite3_trace_v2 (self->db, SQLITE_TRACE_STMT, trace_statement, self);
#endif
  sqlite3_busy_timeout (self->db, 5000);

  return TRUE;
}

/**
 * certo_sqlite_is_open:
 * @self: a handle
 *
 * Worker only.
 *
 * Returns: whether a connection is open
 */
gboolean
certo_sqlite_is_open (CertoSqlite *self)
{
  certo_sqlite_assert_worker (self);
  return self->db != NULL;
}

/**
 * certo_sqlite_close:
 * @self: a handle
 *
 * Worker only. Finalizes the cached statements and closes the connection,
 * if open. A transaction still open is rolled back by SQLite.
 */
void
certo_sqlite_close (CertoSqlite *self)
{
  GHashTableIter iter;
  gpointer stmt;
  int rc;

  certo_sqlite_assert_worker (self);

  if (self->db == NULL)
    return;

  g_hash_table_iter_init (&iter, self->statements);
  while (g_hash_table_iter_next (&iter, NULL, &stmt))
    sqlite3_finalize (stmt);
  g_hash_table_remove_all (self->statements);

  rc = sqlite3_close (self->db);
  if (rc != SQLITE_OK)
    g_warning ("Closing “%s” failed: %s", self->path, sqlite3_errstr (rc));
  self->db = NULL;
}

/**
 * certo_sqlite_get_handle:
 * @self: a handle
 *
 * Worker only: for what the helpers do not cover (blob I/O, backups).
 *
 * Returns: (transfer none) (nullable): the connection
 */
sqlite3 *
certo_sqlite_get_handle (CertoSqlite *self)
{
  certo_sqlite_assert_worker (self);
  return self->db;
}

/**
 * certo_sqlite_get_path:
 * @self: a handle
 *
 * Worker only.
 *
 * Returns: (transfer none) (nullable): the path given to certo_sqlite_open()
 */
const char *
certo_sqlite_get_path (CertoSqlite *self)
{
  certo_sqlite_assert_worker (self);
  return self->path;
}

/**
 * certo_sqlite_set_error:
 * @self: a handle
 * @rc: the SQLite result code of the call that failed
 * @error: (out) (optional): where the error goes
 *
 * Worker only. As certo_sqlite_error_from_code() (or the function of
 * certo_sqlite_set_error_func()), naming the open file and quoting the
 * connection's last message.
 */
void
certo_sqlite_set_error (CertoSqlite  *self,
                        int           rc,
                        GError      **error)
{
  const char *detail = NULL;

  certo_sqlite_assert_worker (self);

  if (error == NULL)
    return;

  if (self->db != NULL && sqlite3_errcode (self->db) != SQLITE_OK)
    detail = sqlite3_errmsg (self->db);

  if (self->error_func != NULL)
    self->error_func (rc, self->path, detail != NULL ? detail : sqlite3_errstr (rc), error);
  else
    certo_sqlite_error_from_code (rc, self->path, detail, error);
}

/**
 * certo_sqlite_statement:
 * @self: a handle with an open connection
 * @sql: one SQL statement; every outside value must be a `?` parameter
 * @error: (out) (optional): a #CERTO_SQLITE_ERROR
 *
 * Worker only. Returns the statement for @sql, prepared once per
 * connection (%SQLITE_PREPARE_PERSISTENT) and cached by its text. Borrow
 * it with `g_autoptr(CertoSqliteStmt)` so it is reset after use.
 *
 * Returns: (transfer none) (nullable): the statement
 */
sqlite3_stmt *
certo_sqlite_statement (CertoSqlite  *self,
                        const char   *sql,
                        GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  certo_sqlite_assert_worker (self);
  g_return_val_if_fail (self->db != NULL, NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    return stmt;

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      certo_sqlite_set_error (self, rc, error);
      return NULL;
    }

  g_atomic_int_inc (&self->n_prepares);
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

/**
 * certo_sqlite_exec:
 * @self: a handle with an open connection
 * @sql: SQL with no outside values and no result rows: transaction
 *   control, pragmas with constant arguments, schema scripts
 * @error: (out) (optional): a #CERTO_SQLITE_ERROR
 *
 * Worker only.
 *
 * Returns: %TRUE on success
 */
gboolean
certo_sqlite_exec (CertoSqlite  *self,
                   const char   *sql,
                   GError      **error)
{
  int rc;

  certo_sqlite_assert_worker (self);

  rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      certo_sqlite_set_error (self, rc, error);
      return FALSE;
    }

  return TRUE;
}

/**
 * certo_sqlite_step_done:
 * @self: a handle
 * @stmt: a statement with its values bound
 * @error: (out) (optional): a #CERTO_SQLITE_ERROR
 *
 * Worker only. Steps a statement that returns no rows (or whose rows are
 * not needed).
 *
 * Returns: %TRUE on success
 */
gboolean
certo_sqlite_step_done (CertoSqlite   *self,
                        sqlite3_stmt  *stmt,
                        GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      certo_sqlite_set_error (self, rc, error);
      return FALSE;
    }

  return TRUE;
}

/**
 * certo_sqlite_step_row:
 * @self: a handle
 * @stmt: a statement with its values bound that must return a row: an
 *   `INSERT … RETURNING`, a lookup of a row the caller knows exists
 * @error: (out) (optional): a #CERTO_SQLITE_ERROR; no row at all is
 *   reported as %SQLITE_INTERNAL (a bug, not a data error)
 *
 * Worker only. Steps @stmt once; on success its columns hold the row.
 *
 * Returns: %TRUE when a row came
 */
gboolean
certo_sqlite_step_row (CertoSqlite   *self,
                       sqlite3_stmt  *stmt,
                       GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_ROW)
    {
      certo_sqlite_set_error (self, rc == SQLITE_DONE ? SQLITE_INTERNAL : rc, error);
      return FALSE;
    }

  return TRUE;
}

/**
 * certo_sqlite_query_int:
 * @self: a handle
 * @sql: a query with no parameters that returns one integer (a pragma)
 * @out_value: (out): the integer
 * @error: (out) (optional): a #CERTO_SQLITE_ERROR
 *
 * Worker only.
 *
 * Returns: %TRUE on success
 */
gboolean
certo_sqlite_query_int (CertoSqlite  *self,
                        const char   *sql,
                        gint64       *out_value,
                        GError      **error)
{
  g_autoptr(CertoSqliteStmt) stmt = NULL;
  int rc;

  stmt = certo_sqlite_statement (self, sql, error);
  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      certo_sqlite_set_error (self, rc == SQLITE_DONE ? SQLITE_CORRUPT : rc, error);
      return FALSE;
    }

  *out_value = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

/**
 * certo_sqlite_begin:
 * @self: a handle
 * @error: (out) (optional): a #CERTO_SQLITE_ERROR
 *
 * Worker only. Starts a write transaction (`BEGIN IMMEDIATE`: the write
 * lock is taken now, so the transaction cannot fail half-way on a lock).
 * End it with certo_sqlite_commit() or certo_sqlite_rollback().
 *
 * Returns: %TRUE on success
 */
gboolean
certo_sqlite_begin (CertoSqlite  *self,
                    GError      **error)
{
  return certo_sqlite_exec (self, "BEGIN IMMEDIATE", error);
}

/**
 * certo_sqlite_commit:
 * @self: a handle
 * @error: (out) (optional): a #CERTO_SQLITE_ERROR
 *
 * Worker only. Commits; on failure the transaction is rolled back, so the
 * database is left as it was before certo_sqlite_begin().
 *
 * Returns: %TRUE on success
 */
gboolean
certo_sqlite_commit (CertoSqlite  *self,
                     GError      **error)
{
  if (!certo_sqlite_exec (self, "COMMIT", error))
    {
      certo_sqlite_rollback (self);
      return FALSE;
    }

  return TRUE;
}

/**
 * certo_sqlite_rollback:
 * @self: a handle
 *
 * Worker only. Rolls back the open transaction, if any.
 */
void
certo_sqlite_rollback (CertoSqlite *self)
{
  certo_sqlite_assert_worker (self);

  if (self->db == NULL || sqlite3_get_autocommit (self->db))
    return;

  if (sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL) != SQLITE_OK)
    g_debug ("Rollback of “%s” failed: %s", self->path, sqlite3_errmsg (self->db));
}

/**
 * certo_sqlite_release_memory:
 * @self: a handle
 *
 * Worker only. Drops the connection's page cache, after a big read or write
 * whose pages nothing reads again soon (the cache may grow to its
 * `cache_size` meanwhile).
 */
void
certo_sqlite_release_memory (CertoSqlite *self)
{
  certo_sqlite_assert_worker (self);

  if (self->db != NULL)
    sqlite3_db_release_memory (self->db);
}

/**
 * certo_sqlite_backup_to_file:
 * @self: a handle with an open connection
 * @dest_path: a new file to write (an existing one is overwritten)
 * @error: (out) (optional): a #CERTO_SQLITE_ERROR
 *
 * Worker only. Copies the whole database, with every committed change, to
 * @dest_path with the SQLite online backup API, in one step (no other job
 * can write meanwhile: this is the only thread). The copy is a rollback-
 * journal database (journal mode DELETE), even when the source is in WAL
 * mode, so it opens anywhere without a `-wal` file beside it. It is not
 * synced to disk: a caller that publishes it must fsync it.
 *
 * Returns: %TRUE when @dest_path holds a complete copy
 */
gboolean
certo_sqlite_backup_to_file (CertoSqlite  *self,
                             const char   *dest_path,
                             GError      **error)
{
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int rc;

  certo_sqlite_assert_worker (self);
  g_return_val_if_fail (self->db != NULL, FALSE);

  rc = sqlite3_open_v2 (dest_path, &dest,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
                        SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE, NULL);
  if (rc != SQLITE_OK)
    goto failed;

  /* The copy is a temporary file: no journal is needed while it is written,
   * only a complete result, which the caller checks and syncs */
  rc = sqlite3_exec (dest, "PRAGMA journal_mode = OFF", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    goto failed;

  backup = sqlite3_backup_init (dest, "main", self->db, "main");
  if (backup == NULL)
    {
      rc = sqlite3_errcode (dest);
      goto failed;
    }

  rc = sqlite3_backup_step (backup, -1);
  sqlite3_backup_finish (backup);
  if (rc != SQLITE_DONE)
    goto failed;

  /* The pages came with the source's header, WAL flag included */
  rc = sqlite3_exec (dest, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    goto failed;

  rc = sqlite3_close (dest);
  dest = NULL;
  if (rc != SQLITE_OK)
    goto failed;

  return TRUE;

failed:
  certo_sqlite_error_from_code (rc, dest_path,
                                dest != NULL ? sqlite3_errmsg (dest) : NULL, error);
  if (dest != NULL)
    sqlite3_close (dest);
  return FALSE;
}

/**
 * certo_sqlite_get_n_prepares:
 * @self: a handle
 *
 * For tests: how many statements the connection has prepared so far; a
 * number that stops growing shows that statements are cached.
 *
 * Returns: the count
 */
guint
certo_sqlite_get_n_prepares (CertoSqlite *self)
{
  return g_atomic_int_get (&self->n_prepares);
}
