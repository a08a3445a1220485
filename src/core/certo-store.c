/* certo-store.c — the catalog database (SQLite, one worker thread)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every sqlite3_* call happens on the one thread of the store's CertoSqlite:
 * callers queue jobs (a GTask and a function) and get their results in
 * their own thread-default main context, as GTask delivers them.
 * Statements are prepared once per connection and cached by their SQL
 * text. Each write that spans rows is one transaction; migrations
 * (certo-store-db.c) are one transaction each.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "certo-model-private.h"
#include "certo-store-private.h"

struct _CertoStore
{
  GObject parent_instance;

  char *path;
  CertoSqlite *db;          /* NULL once closed */
  CertoStoreWorker *worker; /* the worker data of @db: touched here only
                             * before the first job */
  gboolean started;         /* a job was queued */
};

G_DEFINE_FINAL_TYPE (CertoStore, certo_store, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PATH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers */

/* Queues @func with @task (transfer full); it runs on the worker thread and
 * must return a result on @task */
void
certo_store_run (CertoStore         *self,
                 GTask              *task,
                 CertoSqliteJobFunc  func)
{
  if (self->db == NULL)
    {
      g_task_return_new_error (task, CERTO_STORE_ERROR, CERTO_STORE_ERROR_CLOSED,
                               _("The catalog “%s” is closed"), self->path);
      g_object_unref (task);
      return;
    }

  self->started = TRUE;
  certo_sqlite_run (self->db, task, func);
}

/* Jobs */

static void
job_open (CertoSqlite  *db,
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
job_get_source_hash (CertoSqlite  *db,
                     GTask        *task,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  g_autoptr(CertoSqliteStmt) stmt = NULL;
  GError *error = NULL;
  HashResult *result;
  int rc;

  if (!certo_store_db_ensure_open (db, &error) ||
      (stmt = certo_sqlite_statement (db, "SELECT content_hash FROM sources WHERE key = ?1", &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  certo_sqlite_bind_text (stmt, 1, task_data);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      certo_sqlite_set_error (db, rc, &error);
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
remove_source (CertoSqlite   *db,
               gint64         source_id,
               gboolean       allow_builtin,
               GError       **error)
{
  g_autoptr(CertoSqliteStmt) select = NULL;
  g_autoptr(CertoSqliteStmt) delete = NULL;
  CertoSourceKind kind;
  int rc;

  select = certo_sqlite_statement (db, "SELECT kind, COALESCE (name, feed_id, key) FROM sources WHERE id = ?1", error);
  if (select == NULL)
    return FALSE;
  sqlite3_bind_int64 (select, 1, source_id);
  rc = sqlite3_step (select);
  if (rc == SQLITE_DONE)
    return certo_store_source_not_found (source_id, error);
  if (rc != SQLITE_ROW)
    {
      certo_sqlite_set_error (db, rc, error);
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

  delete = certo_sqlite_statement (db, "DELETE FROM sources WHERE id = ?1", error);
  if (delete == NULL)
    return FALSE;
  sqlite3_bind_int64 (delete, 1, source_id);

  return certo_sqlite_step_done (db, delete, error);
}

typedef struct
{
  gint64 source_id;
  gboolean allow_builtin;
} RemoveData;

static void
job_remove_source (CertoSqlite  *db,
                   GTask        *task,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  RemoveData *data = task_data;
  GError *error = NULL;

  if (!certo_store_db_begin (db, &error) ||
      !certo_store_db_end (db, remove_source (db, data->source_id, data->allow_builtin, &error),
                           &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
job_load (CertoSqlite  *db,
          GTask        *task,
          gpointer      task_data,
          GCancellable *cancellable)
{
  CertoCatalogSnapshot *snapshot = NULL;
  GError *error = NULL;

  /* One read transaction: a consistent view even if another process writes */
  if (!certo_store_db_ensure_open (db, &error) ||
      !certo_sqlite_exec (db, "BEGIN", &error))
    {
      g_task_return_error (task, error);
      return;
    }

  snapshot = certo_store_db_load (db, cancellable, &error);
  certo_sqlite_rollback (db);

  /* Every page was read once into the cache; the objects hold it all now */
  certo_sqlite_release_memory (db);

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

  self->db = certo_sqlite_new ("catalog");
  self->worker = certo_store_worker_new (self->path);
  certo_sqlite_set_worker_data (self->db, self->worker, certo_store_worker_free);
  certo_sqlite_set_error_func (self->db, certo_store_db_error_from_code);
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
  g_autoptr(CertoSqlite) db = NULL;

  g_return_if_fail (CERTO_IS_STORE (self));

  db = g_steal_pointer (&self->db);
  self->worker = NULL;
  if (db != NULL)
    certo_sqlite_shutdown (db);
}

void
certo_store_set_migrations_for_testing (CertoStore         *self,
                                        const char * const *test_migrations,
                                        guint               n_migrations)
{
  g_return_if_fail (CERTO_IS_STORE (self));
  g_return_if_fail (self->db != NULL && !self->started);

  self->worker->migrations = test_migrations;
  self->worker->n_migrations = n_migrations;
}

guint
certo_store_get_n_prepares (CertoStore *self)
{
  g_return_val_if_fail (CERTO_IS_STORE (self), 0);

  if (self->db == NULL)
    return 0;
  return certo_sqlite_get_n_prepares (self->db);
}
