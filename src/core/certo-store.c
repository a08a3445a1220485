/* certo-store.c — the catalog database (SQLite, one worker thread)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every sqlite3_* call happens on one thread the store owns: callers queue
 * jobs (a GTask and a function) and get their results in their own
 * thread-default main context, as GTask delivers them. Statements are
 * prepared once per connection and cached by their SQL text. Each write
 * that spans rows is one transaction; migrations are one transaction each.
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "certo-model-private.h"
#include "certo-store-private.h"
#include "certo-text.h"

typedef struct
{
  CertoStoreJobFunc func;   /* NULL: close the connection and end the thread */
  GTask *task;
} Job;

struct _CertoStoreDb
{
  char *path;
  GAsyncQueue *queue;       /* of Job */
  GThread *thread;          /* set by the worker itself, first thing */
  sqlite3 *sqlite;          /* NULL until opened */
  GHashTable *statements;   /* SQL text → sqlite3_stmt */
  int n_prepares;           /* atomic */
  const char * const *migrations;
  guint n_migrations;
};

struct _CertoStore
{
  GObject parent_instance;

  char *path;
  CertoStoreDb *db;         /* NULL once closed; shared with the worker */
  GThread *thread;          /* NULL until the first job */
};

G_DEFINE_FINAL_TYPE (CertoStore, certo_store, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PATH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Migration i+1 takes the schema from version i to i+1. Append only: a
 * released migration never changes. Run by migrate() in one transaction
 * each, with user_version set in the same transaction. */
static const char * const migrations[] = {
  /* 1: the first schema */
  "PRAGMA application_id = " G_STRINGIFY (CERTO_STORE_APPLICATION_ID) ";"
  "CREATE TABLE sources ("
  "  id INTEGER PRIMARY KEY,"
  "  key TEXT NOT NULL UNIQUE,"
  "  kind TEXT NOT NULL,"
  "  format TEXT NOT NULL,"
  "  name TEXT,"              /* a name given by the user; else the title shows */
  "  location TEXT,"
  "  feed_id TEXT,"
  "  publisher TEXT,"
  "  title_json TEXT,"
  "  homepage TEXT,"
  "  content_date TEXT,"
  "  content_hash TEXT,"
  "  created TEXT NOT NULL,"
  "  last_refresh TEXT,"
  "  last_checked TEXT,"
  "  last_error TEXT,"
  "  etag TEXT,"
  "  last_modified TEXT,"
  "  generation INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE TABLE standards ("
  "  id INTEGER PRIMARY KEY,"
  "  source_id INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,"
  "  key TEXT NOT NULL,"
  "  generation INTEGER NOT NULL,"
  "  name TEXT NOT NULL,"
  "  url TEXT,"
  "  UNIQUE (source_id, key)"
  ");"
  "CREATE TABLE families ("
  "  id INTEGER PRIMARY KEY,"
  "  source_id INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,"
  "  key TEXT NOT NULL,"
  "  generation INTEGER NOT NULL,"
  "  name_json TEXT NOT NULL,"
  "  UNIQUE (source_id, key)"
  ");"
  "CREATE TABLE services ("
  "  id INTEGER PRIMARY KEY,"
  "  source_id INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,"
  "  key TEXT NOT NULL,"
  "  generation INTEGER NOT NULL,"
  "  name_json TEXT NOT NULL,"
  "  url TEXT,"
  "  search_text TEXT,"        /* see certo-store-private.h */
  "  UNIQUE (source_id, key)"
  ");"
  "CREATE TABLE service_families ("
  "  service_id INTEGER NOT NULL REFERENCES services (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  family_id INTEGER NOT NULL REFERENCES families (id) ON DELETE CASCADE,"
  "  PRIMARY KEY (service_id, position)"
  ") WITHOUT ROWID;"
  "CREATE INDEX service_families_family ON service_families (family_id);"
  "CREATE TABLE documents ("
  "  id INTEGER PRIMARY KEY,"
  "  source_id INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,"
  "  key TEXT NOT NULL,"
  "  generation INTEGER NOT NULL,"
  "  kind TEXT NOT NULL,"
  "  title_json TEXT NOT NULL,"
  "  family_id INTEGER REFERENCES families (id) ON DELETE SET NULL,"
  "  issuer TEXT,"
  "  certificate_number TEXT,"
  "  issued TEXT,"
  "  expires TEXT,"
  "  language TEXT,"
  "  search_text TEXT,"
  "  UNIQUE (source_id, key)"
  ");"
  "CREATE INDEX documents_family ON documents (family_id);"
  "CREATE TABLE document_standards ("
  "  document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  standard_id INTEGER NOT NULL REFERENCES standards (id) ON DELETE CASCADE,"
  "  PRIMARY KEY (document_id, position)"
  ") WITHOUT ROWID;"
  "CREATE INDEX document_standards_standard ON document_standards (standard_id);"
  /* A covered service is either one of the source's services or, when the
   * source names one it does not list, that name */
  "CREATE TABLE document_services ("
  "  document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  service_id INTEGER REFERENCES services (id) ON DELETE CASCADE,"
  "  name TEXT,"
  "  CHECK ((service_id IS NULL) <> (name IS NULL)),"
  "  PRIMARY KEY (document_id, position)"
  ") WITHOUT ROWID;"
  "CREATE INDEX document_services_service ON document_services (service_id);"
  "CREATE TABLE document_urls ("
  "  document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  url TEXT NOT NULL,"
  "  PRIMARY KEY (document_id, position)"
  ") WITHOUT ROWID;"
  "CREATE TABLE environments ("
  "  id INTEGER PRIMARY KEY,"
  "  source_id INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,"
  "  key TEXT NOT NULL,"
  "  generation INTEGER NOT NULL,"
  "  name_json TEXT NOT NULL,"
  "  family_id INTEGER REFERENCES families (id) ON DELETE SET NULL,"
  "  UNIQUE (source_id, key)"
  ");"
  "CREATE INDEX environments_family ON environments (family_id);"
  "CREATE TABLE environment_service_names ("
  "  environment_id INTEGER NOT NULL REFERENCES environments (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  name TEXT NOT NULL,"
  "  PRIMARY KEY (environment_id, position)"
  ") WITHOUT ROWID;",

  /* 2: sources kept up to date, change history, document probes, offline
   * documents, the reader text of articles (certo-store-sync.c and
   * certo-store-offline.c write these) */
  "ALTER TABLE sources ADD COLUMN requested_format TEXT NOT NULL DEFAULT 'auto';"
  "ALTER TABLE sources ADD COLUMN retry_after TEXT;"  /* not before, UTC */
  "ALTER TABLE documents ADD COLUMN withdrawn_at TEXT;"
  "ALTER TABLE documents ADD COLUMN updated_at TEXT;"
  /* One row per import or document check that changed something, or
   * the first import of a source (summarised, never listed) */
  "CREATE TABLE sync_runs ("
  "  id INTEGER PRIMARY KEY,"
  "  source_id INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,"
  "  kind TEXT NOT NULL,"            /* "import" or "check" */
  "  first INTEGER NOT NULL DEFAULT 0,"
  "  date TEXT NOT NULL,"
  "  n_documents INTEGER NOT NULL DEFAULT 0,"
  "  n_added INTEGER NOT NULL DEFAULT 0,"
  "  n_changed INTEGER NOT NULL DEFAULT 0,"
  "  n_withdrawn INTEGER NOT NULL DEFAULT 0,"
  "  n_services_added INTEGER NOT NULL DEFAULT 0,"
  "  n_services_removed INTEGER NOT NULL DEFAULT 0,"
  "  n_updated INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE INDEX sync_runs_source ON sync_runs (source_id);"
  "CREATE INDEX sync_runs_date ON sync_runs (date);"
  "CREATE TABLE changes ("
  "  id INTEGER PRIMARY KEY,"
  "  run_id INTEGER NOT NULL REFERENCES sync_runs (id) ON DELETE CASCADE,"
  "  kind TEXT NOT NULL,"
  "  entity_key TEXT NOT NULL,"
  "  document_id INTEGER REFERENCES documents (id) ON DELETE SET NULL,"
  "  service_id INTEGER REFERENCES services (id) ON DELETE SET NULL,"
  "  title_json TEXT"                /* the title or name at the time */
  ");"
  "CREATE INDEX changes_run ON changes (run_id);"
  "CREATE INDEX changes_document ON changes (document_id);"
  "CREATE INDEX changes_service ON changes (service_id);"
  "CREATE TABLE change_fields ("
  "  change_id INTEGER NOT NULL REFERENCES changes (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  field TEXT NOT NULL,"
  "  old_value TEXT,"
  "  new_value TEXT,"
  "  PRIMARY KEY (change_id, position)"
  ") WITHOUT ROWID;"
  "CREATE TABLE document_probes ("
  "  document_id INTEGER PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,"
  "  url TEXT NOT NULL,"
  "  final_url TEXT,"
  "  status INTEGER NOT NULL DEFAULT 0,"
  "  content_type TEXT,"
  "  size INTEGER,"
  "  etag TEXT,"
  "  last_modified TEXT,"
  "  checked TEXT NOT NULL,"
  "  error TEXT"
  ");"
  /* A saved copy outlives its document (a removed source): the title
   * and the address are kept with it */
  "CREATE TABLE offline_documents ("
  "  id INTEGER PRIMARY KEY,"
  "  document_id INTEGER REFERENCES documents (id) ON DELETE SET NULL,"
  "  source_id INTEGER REFERENCES sources (id) ON DELETE SET NULL,"
  "  document_key TEXT,"
  "  title_json TEXT,"
  "  path TEXT NOT NULL UNIQUE,"     /* a file name in the offline folder */
  "  size INTEGER NOT NULL,"
  "  sha256 TEXT NOT NULL,"
  "  content_type TEXT,"
  "  source_url TEXT,"
  "  origin TEXT NOT NULL,"          /* "downloaded" or "attached" */
  "  added TEXT NOT NULL,"
  "  etag TEXT,"
  "  last_modified TEXT"
  ");"
  "CREATE INDEX offline_documents_document ON offline_documents (document_id);"
  "CREATE TABLE source_texts ("
  "  source_id INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,"
  "  language TEXT NOT NULL,"
  "  position INTEGER NOT NULL,"
  "  section TEXT NOT NULL,"         /* "overview" or "faq" */
  "  kind TEXT NOT NULL,"            /* "heading", "paragraph" or "item" */
  "  level INTEGER NOT NULL DEFAULT 0,"
  "  text TEXT NOT NULL,"
  "  links TEXT,"                    /* "start end url" lines */
  "  PRIMARY KEY (source_id, language, position)"
  ") WITHOUT ROWID;",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == CERTO_STORE_SCHEMA_VERSION);

/* Helpers: the connection (worker thread only) */

void
certo_store_db_assert_worker (CertoStoreDb *db)
{
  g_assert (g_thread_self () == g_atomic_pointer_get (&db->thread));
}

#ifndef G_DISABLE_ASSERT
/* Called by SQLite as each statement starts: catches any statement run off
 * the worker thread, even one that bypasses the helpers below */
static int
trace_statement (unsigned int  type,
                 void         *user_data,
                 void         *p,
                 void         *x)
{
  certo_store_db_assert_worker (user_data);
  return 0;
}
#endif

void
certo_store_db_set_error (CertoStoreDb  *db,
                          int            rc,
                          GError       **error)
{
  const char *detail;
  const char *path = db->path;

  certo_store_db_assert_worker (db);

  if (error == NULL)
    return;

  if (db->sqlite != NULL && sqlite3_errcode (db->sqlite) != SQLITE_OK)
    detail = sqlite3_errmsg (db->sqlite);
  else
    detail = sqlite3_errstr (rc);

  switch (rc & 0xff)
    {
    case SQLITE_FULL:
      g_set_error (error, CERTO_STORE_ERROR, CERTO_STORE_ERROR_FULL,
                   _("The disk is full: the catalog “%s” could not be saved. Free some space and try again."),
                   path);
      break;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_AUTH:
      g_set_error (error, CERTO_STORE_ERROR, CERTO_STORE_ERROR_READ_ONLY,
                   _("The catalog “%s” cannot be written (%s). Check the permissions of the file and its folder."),
                   path, detail);
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, CERTO_STORE_ERROR, CERTO_STORE_ERROR_BUSY,
                   _("The catalog “%s” is locked by another program. Close other copies of Certo and try again."),
                   path);
      break;
    case SQLITE_CANTOPEN:
      g_set_error (error, CERTO_STORE_ERROR, CERTO_STORE_ERROR_CANNOT_OPEN,
                   _("The catalog “%s” could not be opened (%s). Check that its folder exists and can be written."),
                   path, detail);
      break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, CERTO_STORE_ERROR, CERTO_STORE_ERROR_CORRUPT,
                   _("The catalog “%s” is damaged or is not a database (%s). Move it away so Certo can start a new one, then import your sources again."),
                   path, detail);
      break;
    case SQLITE_CONSTRAINT:
    case SQLITE_TOOBIG:
      g_set_error (error, CERTO_STORE_ERROR, CERTO_STORE_ERROR_FAILED,
                   _("The catalog “%s” was not changed: the content breaks a rule of the database (%s). Please report this problem."),
                   path, detail);
      break;
    case SQLITE_INTERRUPT:
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                           _("The operation was cancelled"));
      break;
    default:
      g_set_error (error, CERTO_STORE_ERROR, CERTO_STORE_ERROR_FAILED,
                   _("The catalog “%s” could not be read or written: %s"),
                   path, detail);
      break;
    }
}

sqlite3_stmt *
certo_store_db_statement (CertoStoreDb  *db,
                          const char    *sql,
                          GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  certo_store_db_assert_worker (db);
  g_assert (db->sqlite != NULL);

  stmt = g_hash_table_lookup (db->statements, sql);
  if (stmt != NULL)
    return stmt;

  rc = sqlite3_prepare_v3 (db->sqlite, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      certo_store_db_set_error (db, rc, error);
      return NULL;
    }

  g_atomic_int_inc (&db->n_prepares);
  g_hash_table_insert (db->statements, g_strdup (sql), stmt);
  return stmt;
}

void
certo_store_db_release (sqlite3_stmt *stmt)
{
  if (stmt == NULL)
    return;

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

/* Runs SQL with no values and no result rows: transaction control,
 * pragmas with constant arguments, migration scripts */
gboolean
certo_store_db_exec (CertoStoreDb  *db,
                     const char    *sql,
                     GError       **error)
{
  int rc;

  certo_store_db_assert_worker (db);

  rc = sqlite3_exec (db->sqlite, sql, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      certo_store_db_set_error (db, rc, error);
      return FALSE;
    }

  return TRUE;
}

void
certo_store_db_rollback (CertoStoreDb *db)
{
  if (sqlite3_get_autocommit (db->sqlite))
    return;

  if (sqlite3_exec (db->sqlite, "ROLLBACK", NULL, NULL, NULL) != SQLITE_OK)
    g_debug ("Rollback of “%s” failed: %s", db->path, sqlite3_errmsg (db->sqlite));
}

gboolean
certo_store_db_step_done (CertoStoreDb  *db,
                          sqlite3_stmt  *stmt,
                          GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      certo_store_db_set_error (db, rc, error);
      return FALSE;
    }

  return TRUE;
}

/* A one-integer query with no parameters (pragmas) */
/* Drops the page cache after a big read or write: the cache may grow to
 * cache_size during an import, and nothing reads those pages again soon */
void
certo_store_db_release_memory (CertoStoreDb *db)
{
  certo_store_db_assert_worker (db);

  if (db->sqlite != NULL)
    sqlite3_db_release_memory (db->sqlite);
}

static gboolean
query_int (CertoStoreDb  *db,
           const char    *sql,
           gint64        *out_value,
           GError       **error)
{
  g_autoptr(CertoCachedStmt) stmt = NULL;
  int rc;

  stmt = certo_store_db_statement (db, sql, error);
  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      certo_store_db_set_error (db, rc == SQLITE_DONE ? SQLITE_CORRUPT : rc, error);
      return FALSE;
    }

  *out_value = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

void
certo_store_db_bind_text (sqlite3_stmt *stmt,
                          int           index,
                          const char   *text)
{
  /* Static: every statement is reset and its bindings cleared before the
   * bound strings are freed */
  if (text != NULL)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, index);
}

void
certo_store_db_bind_id (sqlite3_stmt *stmt,
                        int           index,
                        gint64        id)
{
  if (id > 0)
    sqlite3_bind_int64 (stmt, index, id);
  else
    sqlite3_bind_null (stmt, index);
}

static void
close_connection (CertoStoreDb *db)
{
  GHashTableIter iter;
  gpointer stmt;
  int rc;

  if (db->sqlite == NULL)
    return;

  g_hash_table_iter_init (&iter, db->statements);
  while (g_hash_table_iter_next (&iter, NULL, &stmt))
    sqlite3_finalize (stmt);
  g_hash_table_remove_all (db->statements);

  rc = sqlite3_close (db->sqlite);
  if (rc != SQLITE_OK)
    g_warning ("Closing the catalog “%s” failed: %s", db->path, sqlite3_errstr (rc));
  db->sqlite = NULL;
}

static void
db_free (gpointer data)
{
  CertoStoreDb *db = data;

  g_assert (db->sqlite == NULL);
  g_free (db->path);
  g_async_queue_unref (db->queue);
  g_hash_table_unref (db->statements);
}

/* Opening and migrating */

static gboolean
migrate (CertoStoreDb  *db,
         gint64         version,
         GError       **error)
{
  for (guint target = version + 1; target <= db->n_migrations; target++)
    {
      g_autofree char *set_version = NULL;
      gint64 current = 0;
      g_autoptr(GError) local_error = NULL;

      if (!certo_store_db_exec (db, "BEGIN IMMEDIATE", error))
        return FALSE;

      /* Another process may have migrated while we waited for the lock */
      if (!query_int (db, "PRAGMA user_version", &current, &local_error))
        goto failed;
      if (current >= target)
        {
          if (!certo_store_db_exec (db, "COMMIT", &local_error))
            goto failed;
          continue;
        }

      /* The version is our own integer, not outside data */
      set_version = g_strdup_printf ("PRAGMA user_version = %u", target);
      if (!certo_store_db_exec (db, db->migrations[target - 1], &local_error) ||
          !certo_store_db_exec (db, set_version, &local_error) ||
          !certo_store_db_exec (db, "COMMIT", &local_error))
        goto failed;

      g_debug ("Catalog “%s” migrated to schema %u", db->path, target);
      continue;

    failed:
      if (local_error->domain == CERTO_STORE_ERROR &&
          local_error->code == CERTO_STORE_ERROR_FAILED)
        g_set_error (error, CERTO_STORE_ERROR, CERTO_STORE_ERROR_FAILED,
                     _("The catalog “%s” could not be upgraded to schema %u (%s). It was left as it was; please report this problem."),
                     db->path, target, sqlite3_errmsg (db->sqlite));
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      certo_store_db_rollback (db);
      return FALSE;
    }

  return TRUE;
}

/* Reads the header without writing anything: a file Certo must refuse is
 * left exactly as it was (not even its journal mode changes). */
static gboolean
check_file (CertoStoreDb  *db,
            gint64        *out_version,
            GError       **error)
{
  gint64 app_id = 0;
  gint64 version = 0;
  gint64 n_objects = 0;
  g_autoptr(GError) local_error = NULL;

  if (!query_int (db, "PRAGMA user_version", &version, &local_error) ||
      !query_int (db, "PRAGMA application_id", &app_id, &local_error) ||
      !query_int (db, "SELECT count(*) FROM sqlite_schema", &n_objects, &local_error))
    {
      if (g_error_matches (local_error, CERTO_STORE_ERROR, CERTO_STORE_ERROR_CORRUPT))
        g_set_error (error, CERTO_STORE_ERROR, CERTO_STORE_ERROR_CORRUPT,
                     _("The file “%s” is not a Certo catalog (it is not an SQLite database). Move it away so Certo can start a new catalog there."),
                     db->path);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if ((app_id != 0 && app_id != CERTO_STORE_APPLICATION_ID) ||
      (app_id == 0 && n_objects > 0))
    {
      g_set_error (error, CERTO_STORE_ERROR, CERTO_STORE_ERROR_CORRUPT,
                   _("The file “%s” is a database of another program, not a Certo catalog. Move it away so Certo can start a new catalog there."),
                   db->path);
      return FALSE;
    }

  if (version > db->n_migrations)
    {
      g_set_error (error, CERTO_STORE_ERROR, CERTO_STORE_ERROR_NEWER_SCHEMA,
                   _("The catalog in “%s” was written by a newer version of Certo (schema %" G_GINT64_FORMAT ", this version reads up to %u). Update Certo, or move the file away to start afresh."),
                   db->path, version, db->n_migrations);
      return FALSE;
    }

  *out_version = version;
  return TRUE;
}

gboolean
certo_store_db_ensure_open (CertoStoreDb  *db,
                            GError       **error)
{
  g_autofree char *dir = NULL;
  gint64 version = 0;
  int flags;
  int rc;

  certo_store_db_assert_worker (db);

  if (db->sqlite != NULL)
    return TRUE;

  dir = g_path_get_dirname (db->path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, CERTO_STORE_ERROR, CERTO_STORE_ERROR_CANNOT_OPEN,
                   _("The folder “%s” for the catalog could not be created: %s"),
                   dir, g_strerror (saved_errno));
      return FALSE;
    }

  flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE;
  rc = sqlite3_open_v2 (db->path, &db->sqlite, flags, NULL);
  if (rc != SQLITE_OK)
    goto failed;

#ifndef G_DISABLE_ASSERT
  sqlite3_trace_v2 (db->sqlite, SQLITE_TRACE_STMT, trace_statement, db);
#endif

  /* Connection settings first: none of them writes to the file */
  rc = sqlite3_busy_timeout (db->sqlite, 5000);
  if (rc != SQLITE_OK)
    goto failed;

  if (!check_file (db, &version, error))
    {
      close_connection (db);
      return FALSE;
    }

  if (!certo_store_db_exec (db, "PRAGMA foreign_keys = ON", error) ||
      !certo_store_db_exec (db, "PRAGMA synchronous = NORMAL", error) ||
      /* 32 MiB of pages: a large import stays in memory until COMMIT */
      !certo_store_db_exec (db, "PRAGMA cache_size = -32768", error) ||
      !certo_store_db_exec (db, "PRAGMA journal_mode = WAL", error) ||
      !migrate (db, version, error))
    {
      close_connection (db);
      return FALSE;
    }

  return TRUE;

failed:
  certo_store_db_set_error (db, rc, error);
  close_connection (db);
  return FALSE;
}

/* The worker thread */

static gpointer
worker_main (gpointer data)
{
  CertoStoreDb *db = data;   /* the worker's reference */

  g_atomic_pointer_set (&db->thread, g_thread_self ());

  while (TRUE)
    {
      Job *job = g_async_queue_pop (db->queue);

      if (job->func == NULL)
        {
          g_free (job);
          break;
        }

      if (!g_task_return_error_if_cancelled (job->task))
        job->func (db, job->task, g_task_get_task_data (job->task),
                   g_task_get_cancellable (job->task));

      g_object_unref (job->task);
      g_free (job);
    }

  close_connection (db);
  g_atomic_rc_box_release_full (db, db_free);

  return NULL;
}

/* Queues @func with @task (transfer full); it runs on the worker thread and
 * must return a result on @task */
void
certo_store_run (CertoStore        *self,
                 GTask             *task,
                 CertoStoreJobFunc  func)
{
  Job *job;

  if (self->db == NULL)
    {
      g_task_return_new_error (task, CERTO_STORE_ERROR, CERTO_STORE_ERROR_CLOSED,
                               _("The catalog “%s” is closed"), self->path);
      g_object_unref (task);
      return;
    }

  if (self->thread == NULL)
    self->thread = g_thread_new ("certo-store", worker_main, g_atomic_rc_box_acquire (self->db));

  job = g_new0 (Job, 1);
  job->func = func;
  job->task = task;
  g_async_queue_push (self->db->queue, job);
}

/* Jobs */

static void
job_open (CertoStoreDb *db,
          GTask        *task,
          gpointer      task_data,
          GCancellable *cancellable)
{
  GError *error = NULL;

  if (!certo_store_db_ensure_open (db, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

typedef struct
{
  char *hash;
  gboolean exists;
} HashResult;

static void
hash_result_free (gpointer data)
{
  HashResult *r = data;

  g_free (r->hash);
  g_free (r);
}

static void
job_get_source_hash (CertoStoreDb *db,
                     GTask        *task,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  g_autoptr(CertoCachedStmt) stmt = NULL;
  GError *error = NULL;
  HashResult *result;
  int rc;

  if (!certo_store_db_ensure_open (db, &error) ||
      (stmt = certo_store_db_statement (db, "SELECT content_hash FROM sources WHERE key = ?1", &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  certo_store_db_bind_text (stmt, 1, task_data);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      certo_store_db_set_error (db, rc, &error);
      g_task_return_error (task, error);
      return;
    }

  result = g_new0 (HashResult, 1);
  result->exists = rc == SQLITE_ROW;
  if (result->exists)
    result->hash = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  g_task_return_pointer (task, result, hash_result_free);
}

static gboolean
remove_source (CertoStoreDb  *db,
               gint64         source_id,
               gboolean       allow_builtin,
               GError       **error)
{
  g_autoptr(CertoCachedStmt) select = NULL;
  g_autoptr(CertoCachedStmt) delete = NULL;
  CertoSourceKind kind;
  int rc;

  select = certo_store_db_statement (db, "SELECT kind, COALESCE (name, feed_id, key) FROM sources WHERE id = ?1", error);
  if (select == NULL)
    return FALSE;
  sqlite3_bind_int64 (select, 1, source_id);
  rc = sqlite3_step (select);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, CERTO_STORE_ERROR, CERTO_STORE_ERROR_NOT_FOUND,
                   _("The catalog has no source with id %" G_GINT64_FORMAT "; it may have been removed already"),
                   source_id);
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    {
      certo_store_db_set_error (db, rc, error);
      return FALSE;
    }

  kind = certo_source_kind_from_string ((const char *) sqlite3_column_text (select, 0));
  if (kind == CERTO_SOURCE_KIND_BUILTIN && !allow_builtin)
    {
      g_set_error (error, CERTO_STORE_ERROR, CERTO_STORE_ERROR_NOT_REMOVABLE,
                   _("“%s” is built into Certo and cannot be removed"),
                   (const char *) sqlite3_column_text (select, 1));
      return FALSE;
    }

  delete = certo_store_db_statement (db, "DELETE FROM sources WHERE id = ?1", error);
  if (delete == NULL)
    return FALSE;
  sqlite3_bind_int64 (delete, 1, source_id);

  return certo_store_db_step_done (db, delete, error);
}

typedef struct
{
  gint64 source_id;
  gboolean allow_builtin;
} RemoveData;

static void
job_remove_source (CertoStoreDb *db,
                   GTask        *task,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  RemoveData *data = task_data;
  GError *error = NULL;

  if (!certo_store_db_ensure_open (db, &error) ||
      !certo_store_db_exec (db, "BEGIN IMMEDIATE", &error))
    {
      g_task_return_error (task, error);
      return;
    }

  if (!remove_source (db, data->source_id, data->allow_builtin, &error) ||
      !certo_store_db_exec (db, "COMMIT", &error))
    {
      certo_store_db_rollback (db);
      g_task_return_error (task, error);
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static void
job_load (CertoStoreDb *db,
          GTask        *task,
          gpointer      task_data,
          GCancellable *cancellable)
{
  CertoCatalogSnapshot *snapshot = NULL;
  GError *error = NULL;

  /* One read transaction: a consistent view even if another process writes */
  if (!certo_store_db_ensure_open (db, &error) ||
      !certo_store_db_exec (db, "BEGIN", &error))
    {
      g_task_return_error (task, error);
      return;
    }

  snapshot = certo_store_db_load (db, cancellable, &error);
  certo_store_db_rollback (db);

  /* Every page was read once into the cache; the objects hold it all now */
  certo_store_db_release_memory (db);

  if (snapshot == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, snapshot, (GDestroyNotify) certo_catalog_snapshot_free);
}

/* GObject */

static void
certo_store_dispose (GObject *object)
{
  certo_store_close (CERTO_STORE (object));

  G_OBJECT_CLASS (certo_store_parent_class)->dispose (object);
}

static void
certo_store_finalize (GObject *object)
{
  CertoStore *self = CERTO_STORE (object);

  g_free (self->path);

  G_OBJECT_CLASS (certo_store_parent_class)->finalize (object);
}

static void
certo_store_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  CertoStore *self = CERTO_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
certo_store_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  CertoStore *self = CERTO_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      self->path = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
certo_store_constructed (GObject *object)
{
  CertoStore *self = CERTO_STORE (object);

  G_OBJECT_CLASS (certo_store_parent_class)->constructed (object);

  g_return_if_fail (self->path != NULL);

  self->db = g_atomic_rc_box_new0 (CertoStoreDb);
  self->db->path = g_strdup (self->path);
  self->db->queue = g_async_queue_new ();
  self->db->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->db->migrations = migrations;
  self->db->n_migrations = G_N_ELEMENTS (migrations);
}

static void
certo_store_class_init (CertoStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = certo_store_constructed;
  object_class->dispose = certo_store_dispose;
  object_class->finalize = certo_store_finalize;
  object_class->get_property = certo_store_get_property;
  object_class->set_property = certo_store_set_property;

  /**
   * CertoStore:path:
   *
   * The catalog database file. Its folder is created (mode 0700) on open.
   */
  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
certo_store_init (CertoStore *self)
{
}

/* Public API */

G_DEFINE_QUARK (certo-store-error-quark, certo_store_error)

/**
 * certo_catalog_snapshot_free:
 * @self: (transfer full) (nullable): a snapshot
 */
void
certo_catalog_snapshot_free (CertoCatalogSnapshot *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->sources, g_ptr_array_unref);
  g_clear_pointer (&self->standards, g_ptr_array_unref);
  g_clear_pointer (&self->families, g_ptr_array_unref);
  g_clear_pointer (&self->services, g_ptr_array_unref);
  g_clear_pointer (&self->documents, g_ptr_array_unref);
  g_clear_pointer (&self->environments, g_ptr_array_unref);
  g_clear_pointer (&self->changes, g_ptr_array_unref);
  g_free (self);
}

/**
 * certo_store_new:
 * @path: the catalog database file, usually from certo_paths_dup_catalog_db()
 *
 * Creates a store for @path. Nothing is opened until the first operation
 * (or certo_store_open_async()); every operation runs on the store's own
 * worker thread.
 *
 * Returns: (transfer full): a new #CertoStore
 */
CertoStore *
certo_store_new (const char *path)
{
  g_return_val_if_fail (path != NULL, NULL);

  return g_object_new (CERTO_TYPE_STORE, "path", path, NULL);
}

/**
 * certo_store_get_path:
 * @self: a #CertoStore
 *
 * Returns: (transfer none): the database file
 */
const char *
certo_store_get_path (CertoStore *self)
{
  g_return_val_if_fail (CERTO_IS_STORE (self), NULL);

  return self->path;
}

/**
 * certo_store_open_async:
 * @self: a #CertoStore
 * @cancellable: (nullable): a #GCancellable
 * @callback: called in the caller's thread-default main context
 * @user_data: data for @callback
 *
 * Opens the database (creating it and its folder if needed), checks that
 * it is a Certo catalog of a schema this version reads, switches it to
 * WAL and runs the pending migrations, each in one transaction. A file
 * that is refused is left byte-for-byte unchanged. Every other operation
 * opens the store by itself when needed; calling this first only lets a
 * caller report open errors on their own.
 */
void
certo_store_open_async (CertoStore          *self,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (CERTO_IS_STORE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, certo_store_open_async);
  certo_store_run (self, task, job_open);
}

/**
 * certo_store_open_finish:
 * @self: a #CertoStore
 * @result: the result given to the callback
 * @error: return location for a #CertoStoreError: %CERTO_STORE_ERROR_CANNOT_OPEN,
 *   %CERTO_STORE_ERROR_CORRUPT (not an SQLite database, or another
 *   program's), %CERTO_STORE_ERROR_NEWER_SCHEMA, %CERTO_STORE_ERROR_READ_ONLY,
 *   %CERTO_STORE_ERROR_BUSY, %CERTO_STORE_ERROR_FULL, %CERTO_STORE_ERROR_CLOSED
 *
 * Returns: %TRUE when the store is open
 */
gboolean
certo_store_open_finish (CertoStore    *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == certo_store_open_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * certo_store_import_async:
 * @self: a #CertoStore
 * @spec: the source to import into; copied
 * @update: (transfer full): what a parser found
 * @cancellable: (nullable): a #GCancellable
 * @callback: called in the caller's thread-default main context
 * @user_data: data for @callback
 *
 * Replaces the content of the source @spec->key with @update, in one
 * transaction: the source row is created or updated; every standard,
 * family, service, document and environment is matched by its id within
 * the source, so rows keep their ids across re-imports; rows whose ids are
 * gone from @update are deleted. Content with the feed id of a file or URL
 * source already in the catalog goes into that source (see
 * #CertoSourceSpec). On any error (or cancellation) nothing changes.
 *
 * The shrink guard: when @update would withdraw more than half of the
 * documents of the file or URL source it goes into, and at least
 * %CERTO_STORE_SHRINK_MIN, the import fails with
 * %CERTO_STORE_ERROR_WOULD_WITHDRAW unless @spec->accept_removals is set:
 * a cut-off download must not silently replace a good copy. (A built-in
 * source it replaces is not compared with: its rows are only hidden.)
 */
void
certo_store_import_async (CertoStore            *self,
                          const CertoSourceSpec *spec,
                          CertoCatalogUpdate    *update,
                          GCancellable          *cancellable,
                          GAsyncReadyCallback    callback,
                          gpointer               user_data)
{
  GTask *task;
  CertoStoreImportData *data;

  g_return_if_fail (CERTO_IS_STORE (self));
  g_return_if_fail (spec != NULL && spec->key != NULL);
  g_return_if_fail (update != NULL);

  data = g_new0 (CertoStoreImportData, 1);
  data->key = g_strdup (spec->key);
  data->kind = spec->kind;
  data->format = spec->format;
  data->name = g_strdup (spec->name);
  data->location = g_strdup (spec->location);
  data->content_hash = g_strdup (spec->content_hash);
  data->update = update;
  data->accept_removals = spec->accept_removals;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, certo_store_import_async);
  g_task_set_task_data (task, data, certo_store_import_data_free);
  certo_store_run (self, task, certo_store_db_job_import);
}

/**
 * certo_store_import_finish:
 * @self: a #CertoStore
 * @result: the result given to the callback
 * @error: return location for a #CertoStoreError (or %G_IO_ERROR_CANCELLED)
 *
 * Returns: the row id of the source, or 0 on error
 */
gint64
certo_store_import_finish (CertoStore    *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  gssize source_id;

  g_return_val_if_fail (g_task_is_valid (result, self), 0);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == certo_store_import_async, 0);

  /* g_task_propagate_int() gives -1 on error */
  source_id = g_task_propagate_int (G_TASK (result), error);
  return source_id > 0 ? source_id : 0;
}

/**
 * certo_store_get_source_hash_async:
 * @self: a #CertoStore
 * @key: a source key
 * @cancellable: (nullable): a #GCancellable
 * @callback: called in the caller's thread-default main context
 * @user_data: data for @callback
 *
 * Looks up the content hash stored with the source @key, so a caller can
 * skip importing content that has not changed.
 */
void
certo_store_get_source_hash_async (CertoStore          *self,
                                   const char          *key,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (CERTO_IS_STORE (self));
  g_return_if_fail (key != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, certo_store_get_source_hash_async);
  g_task_set_task_data (task, g_strdup (key), g_free);
  certo_store_run (self, task, job_get_source_hash);
}

/**
 * certo_store_get_source_hash_finish:
 * @self: a #CertoStore
 * @result: the result given to the callback
 * @out_exists: (out) (optional): set to whether the source exists
 * @error: return location for a #CertoStoreError
 *
 * Returns: (transfer full) (nullable): the SHA-256 stored with the source,
 *   or %NULL when it has none, does not exist, or on error
 */
char *
certo_store_get_source_hash_finish (CertoStore    *self,
                                    GAsyncResult  *result,
                                    gboolean      *out_exists,
                                    GError       **error)
{
  HashResult *r;
  char *hash;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == certo_store_get_source_hash_async, NULL);

  if (out_exists != NULL)
    *out_exists = FALSE;

  r = g_task_propagate_pointer (G_TASK (result), error);
  if (r == NULL)
    return NULL;

  if (out_exists != NULL)
    *out_exists = r->exists;
  hash = g_steal_pointer (&r->hash);
  hash_result_free (r);
  return hash;
}

static void
remove_source_async (CertoStore          *self,
                     gint64               source_id,
                     gboolean             allow_builtin,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  GTask *task;
  RemoveData *data;

  data = g_new0 (RemoveData, 1);
  data->source_id = source_id;
  data->allow_builtin = allow_builtin;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, certo_store_remove_source_async);
  g_task_set_task_data (task, data, g_free);
  certo_store_run (self, task, job_remove_source);
}

/**
 * certo_store_remove_source_async:
 * @self: a #CertoStore
 * @source_id: the row id of a source
 * @cancellable: (nullable): a #GCancellable
 * @callback: called in the caller's thread-default main context
 * @user_data: data for @callback
 *
 * Removes a source and everything imported from it, in one transaction.
 * The catalog built into Certo cannot be removed
 * (%CERTO_STORE_ERROR_NOT_REMOVABLE; see certo_source_is_removable()).
 */
void
certo_store_remove_source_async (CertoStore          *self,
                                 gint64               source_id,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_return_if_fail (CERTO_IS_STORE (self));

  remove_source_async (self, source_id, FALSE, cancellable, callback, user_data);
}

/**
 * certo_store_remove_source_finish:
 * @self: a #CertoStore
 * @result: the result given to the callback
 * @error: return location for a #CertoStoreError:
 *   %CERTO_STORE_ERROR_NOT_FOUND, %CERTO_STORE_ERROR_NOT_REMOVABLE, …
 *
 * Returns: %TRUE when the source was removed
 */
gboolean
certo_store_remove_source_finish (CertoStore    *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == certo_store_remove_source_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * certo_store_remove_builtin_source_async:
 * @self: a #CertoStore
 * @source_id: the row id of a source
 * @cancellable: (nullable): a #GCancellable
 * @callback: called in the caller's thread-default main context
 * @user_data: data for @callback
 *
 * Like certo_store_remove_source_async(), but also removes a built-in
 * source: for #CertoCatalog, when a catalog is no longer built into this
 * version of Certo. Finish with certo_store_remove_source_finish().
 */
void
certo_store_remove_builtin_source_async (CertoStore          *self,
                                         gint64               source_id,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_return_if_fail (CERTO_IS_STORE (self));

  remove_source_async (self, source_id, TRUE, cancellable, callback, user_data);
}

/**
 * certo_store_load_async:
 * @self: a #CertoStore
 * @cancellable: (nullable): a #GCancellable
 * @callback: called in the caller's thread-default main context
 * @user_data: data for @callback
 *
 * Reads the whole catalog, in one read transaction, into objects built on
 * the worker thread (see #CertoCatalogSnapshot). Display texts are chosen
 * for the user's languages at this moment (g_get_language_names()).
 */
void
certo_store_load_async (CertoStore          *self,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (CERTO_IS_STORE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, certo_store_load_async);
  certo_store_run (self, task, job_load);
}

/**
 * certo_store_load_finish:
 * @self: a #CertoStore
 * @result: the result given to the callback
 * @error: return location for a #CertoStoreError
 *
 * Returns: (transfer full) (nullable): the catalog, or %NULL on error
 */
CertoCatalogSnapshot *
certo_store_load_finish (CertoStore    *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == certo_store_load_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * certo_store_close:
 * @self: a #CertoStore
 *
 * Runs the jobs already queued, then finalizes the cached statements,
 * closes the database and ends the worker thread; blocks until then
 * (except when called from a job's own thread, when the thread finishes
 * on its own). Operations started afterwards fail with
 * %CERTO_STORE_ERROR_CLOSED. Safe to call more than once; dispose calls it.
 */
void
certo_store_close (CertoStore *self)
{
  CertoStoreDb *db;
  GThread *thread;

  g_return_if_fail (CERTO_IS_STORE (self));

  db = g_steal_pointer (&self->db);
  thread = g_steal_pointer (&self->thread);
  if (db == NULL)
    return;

  if (thread != NULL)
    {
      g_async_queue_push (db->queue, g_new0 (Job, 1));

      if (g_thread_self () == g_atomic_pointer_get (&db->thread))
        g_thread_unref (thread);
      else
        g_thread_join (thread);
    }

  g_atomic_rc_box_release_full (db, db_free);
}

void
certo_store_set_migrations_for_testing (CertoStore         *self,
                                        const char * const *test_migrations,
                                        guint               n_migrations)
{
  g_return_if_fail (CERTO_IS_STORE (self));
  g_return_if_fail (self->db != NULL && self->thread == NULL);

  self->db->migrations = test_migrations;
  self->db->n_migrations = n_migrations;
}

guint
certo_store_get_n_prepares (CertoStore *self)
{
  g_return_val_if_fail (CERTO_IS_STORE (self), 0);

  if (self->db == NULL)
    return 0;
  return g_atomic_int_get (&self->db->n_prepares);
}
