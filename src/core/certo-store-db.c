/* certo-store-db.c — the catalog database file, on the store's worker thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the store adds to CertoSqlite: the schema and its migrations (one
 * transaction each, user_version set in the same one), the checks that
 * refuse a file Certo must not touch, SQLite errors told as
 * CERTO_STORE_ERROR about "the catalog", and the helpers every job uses to
 * open the file and write in one transaction.
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <inttypes.h>

#include "certo-store-private.h"

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

/* Helpers */

static CertoStoreWorker *
get_worker (CertoSqlite *db)
{
  return certo_sqlite_get_worker_data (db);
}

static gboolean
migrate (CertoSqlite  *db,
         gint64        version,
         GError      **error)
{
  CertoStoreWorker *worker = get_worker (db);

  for (guint target = version + 1; target <= worker->n_migrations; target++)
    {
      g_autofree char *set_version = NULL;
      gint64 current = 0;
      g_autoptr(GError) local_error = NULL;

      if (!certo_sqlite_begin (db, error))
        return FALSE;

      /* Another process may have migrated while we waited for the lock */
      if (!certo_sqlite_query_int (db, "PRAGMA user_version", &current, &local_error))
        goto failed;
      if (current >= target)
        {
          if (!certo_sqlite_commit (db, &local_error))
            goto failed;
          continue;
        }

      /* The version is our own integer, not outside data */
      set_version = g_strdup_printf ("PRAGMA user_version = %u", target);
      if (!certo_sqlite_exec (db, worker->migrations[target - 1], &local_error) ||
          !certo_sqlite_exec (db, set_version, &local_error) ||
          !certo_sqlite_commit (db, &local_error))
        goto failed;

      g_debug ("Catalog “%s” migrated to schema %u", worker->path, target);
      continue;

    failed:
      if (local_error->domain == CERTO_STORE_ERROR &&
          local_error->code == CERTO_STORE_ERROR_FAILED)
        g_set_error (error, CERTO_STORE_ERROR, CERTO_STORE_ERROR_FAILED,
                     _("The catalog “%s” could not be upgraded to schema %u (%s). It was left as it was; please report this problem."),
                     worker->path, target, sqlite3_errmsg (certo_sqlite_get_handle (db)));
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      certo_sqlite_rollback (db);
      return FALSE;
    }

  return TRUE;
}

/* Reads the header without writing anything: a file Certo must refuse is
 * left exactly as it was (not even its journal mode changes). */
static gboolean
check_file (CertoSqlite  *db,
            gint64       *out_version,
            GError      **error)
{
  CertoStoreWorker *worker = get_worker (db);
  gint64 app_id = 0;
  gint64 version = 0;
  gint64 n_objects = 0;
  g_autoptr(GError) local_error = NULL;

  if (!certo_sqlite_query_int (db, "PRAGMA user_version", &version, &local_error) ||
      !certo_sqlite_query_int (db, "PRAGMA application_id", &app_id, &local_error) ||
      !certo_sqlite_query_int (db, "SELECT count(*) FROM sqlite_schema", &n_objects, &local_error))
    {
      if (g_error_matches (local_error, CERTO_STORE_ERROR, CERTO_STORE_ERROR_CORRUPT))
        g_set_error (error, CERTO_STORE_ERROR, CERTO_STORE_ERROR_CORRUPT,
                     _("The file “%s” is not a Certo catalog (it is not an SQLite database). Move it away so Certo can start a new catalog there."),
                     worker->path);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if ((app_id != 0 && app_id != CERTO_STORE_APPLICATION_ID) ||
      (app_id == 0 && n_objects > 0))
    {
      g_set_error (error, CERTO_STORE_ERROR, CERTO_STORE_ERROR_CORRUPT,
                   _("The file “%s” is a database of another program, not a Certo catalog. Move it away so Certo can start a new catalog there."),
                   worker->path);
      return FALSE;
    }

  if (version > worker->n_migrations)
    {
      g_set_error (error, CERTO_STORE_ERROR, CERTO_STORE_ERROR_NEWER_SCHEMA,
                   _("The catalog in “%s” was written by a newer version of Certo (schema %" PRId64 ", this version reads up to %u). Update Certo, or move the file away to start afresh."),
                   worker->path, (int64_t) version, worker->n_migrations);
      return FALSE;
    }

  *out_version = version;
  return TRUE;
}

/* Private API */

CertoStoreWorker *
certo_store_worker_new (const char *path)
{
  CertoStoreWorker *worker = g_new0 (CertoStoreWorker, 1);

  worker->path = g_strdup (path);
  worker->migrations = migrations;
  worker->n_migrations = G_N_ELEMENTS (migrations);
  return worker;
}

void
certo_store_worker_free (gpointer data)
{
  CertoStoreWorker *worker = data;

  g_free (worker->path);
  g_free (worker);
}

/* The store's CertoSqliteErrorFunc */
void
certo_store_db_error_from_code (int          rc,
                                const char  *path,
                                const char  *detail,
                                GError     **error)
{
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

gboolean
certo_store_db_ensure_open (CertoSqlite  *db,
                            GError      **error)
{
  CertoStoreWorker *worker = get_worker (db);
  g_autofree char *dir = NULL;
  gint64 version = 0;

  if (certo_sqlite_is_open (db))
    return TRUE;

  dir = g_path_get_dirname (worker->path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, CERTO_STORE_ERROR, CERTO_STORE_ERROR_CANNOT_OPEN,
                   _("The folder “%s” for the catalog could not be created: %s"),
                   dir, g_strerror (saved_errno));
      return FALSE;
    }

  /* Connection settings first: none of them writes to the file */
  if (!certo_sqlite_open (db, worker->path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, error))
    return FALSE;

  if (!check_file (db, &version, error) ||
      !certo_sqlite_exec (db, "PRAGMA foreign_keys = ON", error) ||
      !certo_sqlite_exec (db, "PRAGMA synchronous = NORMAL", error) ||
      /* 32 MiB of pages: a large import stays in memory until COMMIT */
      !certo_sqlite_exec (db, "PRAGMA cache_size = -32768", error) ||
      !certo_sqlite_exec (db, "PRAGMA journal_mode = WAL", error) ||
      !migrate (db, version, error))
    {
      certo_sqlite_close (db);
      return FALSE;
    }

  return TRUE;
}

/* Opens the catalog if needed and starts a write transaction */
gboolean
certo_store_db_begin (CertoSqlite  *db,
                      GError      **error)
{
  return certo_store_db_ensure_open (db, error) &&
         certo_sqlite_begin (db, error);
}

/* Commits when @ok and the commit succeeds; else rolls back. Returns
 * whether the transaction was committed. */
gboolean
certo_store_db_end (CertoSqlite  *db,
                    gboolean      ok,
                    GError      **error)
{
  if (ok && certo_sqlite_commit (db, error))
    return TRUE;

  certo_sqlite_rollback (db);
  return FALSE;
}

/* An id column that may be NULL: ids are from 1 */
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

/* The error for a source id that has no row */
gboolean
certo_store_source_not_found (gint64    source_id,
                              GError  **error)
{
  g_set_error (error, CERTO_STORE_ERROR, CERTO_STORE_ERROR_NOT_FOUND,
               _("The catalog has no source with id %" PRId64 "; it may have been removed already"),
               (int64_t) source_id);
  return FALSE;
}
