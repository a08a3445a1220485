/* certo-sync.c — keeping sources up to date
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A refresh of one source: fetch (CertoClient, conditional GET) or read
 * the file; check what came; read the article's includes from its own
 * folder; parse on a worker thread; hand the update to the store, which
 * diffs it against the source's rows and writes rows and history in one
 * transaction; reload the catalog's models; return a summary. A 304, or
 * the same bytes again, writes only the source's status; a failure writes
 * only its status (last checked, last error) and leaves every row as it
 * was. Requests for a source already being refreshed join the running
 * refresh: one source is never synced twice at once.
 *
 * This file runs the jobs (refreshes and document checks) and reloads the
 * catalog after them; the steps of a refresh are in certo-sync-refresh.c,
 * those of a check in certo-sync-check.c.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "certo-client-private.h"
#include "certo-model-private.h"
#include "certo-parse.h"
#include "certo-sync-private.h"

struct _CertoSync
{
  GObject parent_instance;

  CertoCatalog *catalog;
  CertoClient *client;
  GHashTable *jobs;            /* job key → CertoSyncJob */

  gboolean reloading;
  GPtrArray *reload_waiting;   /* jobs waiting for the running reload */
  GPtrArray *reload_next;      /* jobs waiting for the next one */
};

G_DEFINE_FINAL_TYPE (CertoSync, certo_sync, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CATALOG,
  PROP_CLIENT,
  PROP_BUSY,
  N_PROPS
};

enum {
  SOURCE_STARTED,
  SOURCE_PROGRESS,
  SOURCE_FINISHED,
  CHECK_PROGRESS,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

typedef struct
{
  CertoSyncJob *job;
  GTask *task;
  GCancellable *cancellable;
  gulong handler;
  gboolean cancelled;
} Caller;

static void reload_start (CertoSync *self);

/* Helpers */

static gint64
job_key (gint64           source_id,
         CertoSyncJobKind kind)
{
  return source_id * 2 + kind;
}

static void
job_free (CertoSyncJob *job)
{
  g_clear_object (&job->source);
  g_clear_object (&job->cancellable);
  g_clear_pointer (&job->callers, g_ptr_array_unref);
  g_clear_pointer (&job->summary, certo_sync_summary_free);
  g_clear_error (&job->error);
  if (job->data_free != NULL)
    g_clear_pointer (&job->data, job->data_free);
  g_clear_object (&job->self);
  g_free (job);
}

static void
caller_free (gpointer data)
{
  Caller *caller = data;

  g_clear_object (&caller->task);
  g_clear_object (&caller->cancellable);
  g_free (caller);
}

/* A caller gave up: the job goes on for the others, and stops only
 * when every caller gave up. Runs in the cancelling thread. */
static void
on_caller_cancelled (GCancellable *cancellable,
                     gpointer      user_data)
{
  Caller *caller = user_data;
  CertoSyncJob *job = caller->job;
  gboolean all = TRUE;

  caller->cancelled = TRUE;
  for (guint i = 0; i < job->callers->len && all; i++)
    all = ((Caller *) g_ptr_array_index (job->callers, i))->cancelled;

  if (all)
    g_cancellable_cancel (job->cancellable);
}

static void
job_add_caller (CertoSyncJob *job,
                GTask        *task)
{
  Caller *caller = g_new0 (Caller, 1);
  GCancellable *cancellable = g_task_get_cancellable (task);

  caller->job = job;
  caller->task = task;
  g_ptr_array_add (job->callers, caller);

  if (cancellable != NULL)
    {
      caller->cancellable = g_object_ref (cancellable);
      caller->handler = g_cancellable_connect (cancellable, G_CALLBACK (on_caller_cancelled), caller, NULL);
    }
}

static void
set_busy_changed (CertoSync *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* Hands the result to every caller and ends the job */
static void
job_return (CertoSyncJob *job)
{
  CertoSync *self = job->self;
  gint64 key = job_key (job->source_id, job->kind);

  g_hash_table_remove (self->jobs, &key);

  for (guint i = 0; i < job->callers->len; i++)
    {
      Caller *caller = g_ptr_array_index (job->callers, i);

      if (caller->cancellable != NULL)
        g_cancellable_disconnect (caller->cancellable, caller->handler);
      caller->handler = 0;

      if (job->error != NULL)
        g_task_return_error (caller->task, g_error_copy (job->error));
      else
        g_task_return_pointer (caller->task, certo_sync_summary_copy (job->summary),
                               (GDestroyNotify) certo_sync_summary_free);
    }

  if (job->kind == CERTO_SYNC_JOB_REFRESH)
    g_signal_emit (self, signals[SOURCE_FINISHED], 0, job->source_id, job->summary, job->error);

  if (g_hash_table_size (self->jobs) == 0)
    set_busy_changed (self);

  job_free (job);
}

/* The reload that shows a job's writes */

static void
on_reloaded (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(CertoSync) self = user_data;
  g_autoptr(GPtrArray) done = NULL;
  g_autoptr(GError) error = NULL;

  if (!certo_catalog_reload_finish (CERTO_CATALOG (object), result, &error))
    g_warning ("The catalog could not be reloaded after a sync: %s", error->message);

  done = g_steal_pointer (&self->reload_waiting);
  self->reload_waiting = g_steal_pointer (&self->reload_next);
  self->reload_next = g_ptr_array_new ();
  self->reloading = FALSE;

  if (self->reload_waiting->len > 0)
    reload_start (self);

  for (guint i = 0; i < done->len; i++)
    job_return (g_ptr_array_index (done, i));
}

static void
reload_start (CertoSync *self)
{
  self->reloading = TRUE;
  certo_catalog_reload_async (self->catalog, NULL, on_reloaded, g_object_ref (self));
}

/* Private API: jobs */

/* Ends a job: after a reload when it wrote to the store, so callers see
 * the new models (a reload running already may have started before the
 * write: the job waits for the next one) */
void
certo_sync_job_complete (CertoSyncJob *job)
{
  CertoSync *self = job->self;

  if (!job->wrote)
    {
      job_return (job);
      return;
    }

  if (self->reloading)
    {
      g_ptr_array_add (self->reload_next, job);
      return;
    }

  g_ptr_array_add (self->reload_waiting, job);
  reload_start (self);
}

void
certo_sync_job_progress (CertoSyncJob *job,
                         guint64       received,
                         gint64        total)
{
  g_signal_emit (job->self, signals[SOURCE_PROGRESS], 0, job->source_id, received, total);
}

void
certo_sync_emit_check_progress (CertoSync *self,
                                guint      done,
                                guint      total)
{
  g_signal_emit (self, signals[CHECK_PROGRESS], 0, done, total);
}

void
certo_sync_request_job (CertoSync        *self,
                        CertoSyncJobKind  kind,
                        CertoSource      *source,
                        GTask            *task)
{
  certo_sync_request_job_full (self, kind, source, CERTO_IMPORT_FLAGS_NONE, task);
}

/* Starts a job, or joins @task to the one running for the same (whose
 * @flags then apply) */
void
certo_sync_request_job_full (CertoSync        *self,
                             CertoSyncJobKind  kind,
                             CertoSource      *source,
                             CertoImportFlags  flags,
                             GTask            *task)
{
  gint64 key = job_key (certo_source_get_id (source), kind);
  CertoSyncJob *job = g_hash_table_lookup (self->jobs, &key);
  gboolean was_idle = g_hash_table_size (self->jobs) == 0;

  if (job != NULL)
    {
      job_add_caller (job, task);
      return;
    }

  job = g_new0 (CertoSyncJob, 1);
  job->self = g_object_ref (self);
  job->kind = kind;
  job->flags = flags;
  job->source_id = certo_source_get_id (source);
  job->source = g_object_ref (source);
  job->cancellable = g_cancellable_new ();
  job->callers = g_ptr_array_new_with_free_func (caller_free);
  g_hash_table_insert (self->jobs, g_memdup2 (&key, sizeof key), job);
  job_add_caller (job, task);

  if (was_idle)
    set_busy_changed (self);

  if (kind == CERTO_SYNC_JOB_REFRESH)
    certo_sync_refresh_start (job);
  else
    certo_sync_check_start (job);
}

void
certo_sync_emit_started (CertoSync *self,
                         gint64     source_id)
{
  g_signal_emit (self, signals[SOURCE_STARTED], 0, source_id);
}

/* Adding and renaming sources */

static void
on_added_reloaded (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  gint64 *id = g_task_get_task_data (task);
  CertoSource *source;
  GError *error = NULL;

  if (!certo_catalog_reload_finish (CERTO_CATALOG (object), result, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  source = certo_catalog_find_source (CERTO_CATALOG (object), *id);
  if (source == NULL)
    g_task_return_new_error (task, CERTO_STORE_ERROR, CERTO_STORE_ERROR_NOT_FOUND,
                             _("The new source was removed before it could be shown"));
  else
    g_task_return_pointer (task, g_object_ref (source), g_object_unref);
}

static void
on_source_added (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CertoSync *self = g_task_get_source_object (task);
  GCancellable *cancellable;
  GError *error = NULL;
  gint64 id;

  id = certo_store_add_source_finish (CERTO_STORE (object), result, &error);
  if (id == 0)
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_set_task_data (task, g_memdup2 (&id, sizeof id), g_free);
  cancellable = g_task_get_cancellable (task);
  certo_catalog_reload_async (self->catalog, cancellable, on_added_reloaded, g_steal_pointer (&task));
}

static void
on_source_renamed (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CertoSync *self = g_task_get_source_object (task);
  GCancellable *cancellable;
  GError *error = NULL;

  if (!certo_store_rename_source_finish (CERTO_STORE (object), result, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  cancellable = g_task_get_cancellable (task);
  certo_catalog_reload_async (self->catalog, cancellable, certo_catalog_reload_return_cb,
                              g_steal_pointer (&task));
}

/* GObject */

static void
certo_sync_dispose (GObject *object)
{
  CertoSync *self = CERTO_SYNC (object);

  /* Running jobs hold a reference: nothing runs by now */
  g_clear_object (&self->catalog);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (certo_sync_parent_class)->dispose (object);
}

static void
certo_sync_finalize (GObject *object)
{
  CertoSync *self = CERTO_SYNC (object);

  g_hash_table_unref (self->jobs);
  g_ptr_array_unref (self->reload_waiting);
  g_ptr_array_unref (self->reload_next);

  G_OBJECT_CLASS (certo_sync_parent_class)->finalize (object);
}

static void
certo_sync_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  CertoSync *self = CERTO_SYNC (object);

  switch (prop_id)
    {
    case PROP_CATALOG:
      g_value_set_object (value, self->catalog);
      break;
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, certo_sync_get_busy (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
certo_sync_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  CertoSync *self = CERTO_SYNC (object);

  switch (prop_id)
    {
    case PROP_CATALOG:
      self->catalog = g_value_dup_object (value);
      break;
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
certo_sync_class_init (CertoSyncClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = certo_sync_dispose;
  object_class->finalize = certo_sync_finalize;
  object_class->get_property = certo_sync_get_property;
  object_class->set_property = certo_sync_set_property;

  /**
   * CertoSync:catalog:
   *
   * The catalog whose sources are kept up to date, and whose models are
   * reloaded after each sync.
   */
  properties[PROP_CATALOG] =
    g_param_spec_object ("catalog", NULL, NULL, CERTO_TYPE_CATALOG,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * CertoSync:client:
   *
   * The HTTP client every fetch and probe goes through.
   */
  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, CERTO_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * CertoSync:busy:
   *
   * Whether a refresh or a document check is running (for a spinner).
   */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CertoSync::source-started:
   * @self: the sync
   * @source_id: the source's row id
   *
   * A refresh of the source began (a request that joins a running one
   * does not emit it again).
   */
  signals[SOURCE_STARTED] =
    g_signal_new ("source-started", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  /**
   * CertoSync::source-progress:
   * @self: the sync
   * @source_id: the source's row id
   * @received: bytes received so far
   * @total: the body's size in bytes, or -1 when unknown
   *
   * Bytes of a source's content arrived.
   */
  signals[SOURCE_PROGRESS] =
    g_signal_new ("source-progress", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_INT64, G_TYPE_UINT64, G_TYPE_INT64);

  /**
   * CertoSync::source-finished:
   * @self: the sync
   * @source_id: the source's row id
   * @summary: (nullable): what the refresh did; when
   *   certo_sync_summary_has_news() says so, a #GNotification can tell
   *   the user with certo_sync_summary_describe()
   * @error: (nullable): why it failed (also stored as the source's last error)
   *
   * A refresh ended, after the catalog's models show its result.
   */
  signals[SOURCE_FINISHED] =
    g_signal_new ("source-finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_INT64,
                  CERTO_TYPE_SYNC_SUMMARY | G_SIGNAL_TYPE_STATIC_SCOPE,
                  G_TYPE_ERROR | G_SIGNAL_TYPE_STATIC_SCOPE);

  /**
   * CertoSync::check-progress:
   * @self: the sync
   * @done: documents probed so far
   * @total: documents to probe
   *
   * "Check documents" went on.
   */
  signals[CHECK_PROGRESS] =
    g_signal_new ("check-progress", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);
}

static void
certo_sync_init (CertoSync *self)
{
  self->jobs = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->reload_waiting = g_ptr_array_new ();
  self->reload_next = g_ptr_array_new ();
}

/* Public API */

/**
 * certo_sync_new:
 * @catalog: the catalog (loaded, see certo_catalog_load_async())
 * @client: the HTTP client
 *
 * Returns: (transfer full): a new #CertoSync
 */
CertoSync *
certo_sync_new (CertoCatalog *catalog,
                CertoClient  *client)
{
  g_return_val_if_fail (CERTO_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (CERTO_IS_CLIENT (client), NULL);

  return g_object_new (CERTO_TYPE_SYNC, "catalog", catalog, "client", client, NULL);
}

/**
 * certo_sync_get_catalog:
 * @self: a #CertoSync
 *
 * Returns: (transfer none): the catalog
 */
CertoCatalog *
certo_sync_get_catalog (CertoSync *self)
{
  g_return_val_if_fail (CERTO_IS_SYNC (self), NULL);
  return self->catalog;
}

/**
 * certo_sync_get_client:
 * @self: a #CertoSync
 *
 * Returns: (transfer none): the HTTP client
 */
CertoClient *
certo_sync_get_client (CertoSync *self)
{
  g_return_val_if_fail (CERTO_IS_SYNC (self), NULL);
  return self->client;
}

/**
 * certo_sync_get_busy:
 * @self: a #CertoSync
 *
 * Returns: %TRUE while a refresh or a document check runs
 */
gboolean
certo_sync_get_busy (CertoSync *self)
{
  g_return_val_if_fail (CERTO_IS_SYNC (self), FALSE);
  return g_hash_table_size (self->jobs) > 0;
}

/**
 * certo_sync_is_running:
 * @self: a #CertoSync
 * @source_id: a source's row id
 *
 * Returns: %TRUE while that source is being refreshed
 */
gboolean
certo_sync_is_running (CertoSync *self,
                       gint64     source_id)
{
  gint64 key = job_key (source_id, CERTO_SYNC_JOB_REFRESH);

  g_return_val_if_fail (CERTO_IS_SYNC (self), FALSE);
  return g_hash_table_contains (self->jobs, &key);
}

/**
 * certo_sync_normalize_location:
 * @location: what the user typed: an http or https URL, a `file://` URI,
 *   or a path (relative to the current folder)
 * @out_kind: (out) (optional): %CERTO_SOURCE_KIND_URL or %CERTO_SOURCE_KIND_FILE
 * @out_display: (out) (optional) (transfer full): the URL, or the file's path
 * @error: return location for %CERTO_CLIENT_ERROR_INVALID_URL
 *
 * The key a source of @location is stored under: the URL as GLib
 * normalises it (RFC 3986), or the file's `file://` URI (the same key
 * certo_catalog_import_file_async() uses).
 *
 * Returns: (transfer full) (nullable): the key, or %NULL when @location is
 *   another kind of address (ftp:, data:, …)
 */
char *
certo_sync_normalize_location (const char       *location,
                               CertoSourceKind  *out_kind,
                               char            **out_display,
                               GError          **error)
{
  g_autofree char *scheme = NULL;

  g_return_val_if_fail (location != NULL, NULL);

  scheme = g_uri_parse_scheme (location);
  if (scheme != NULL && (g_ascii_strcasecmp (scheme, "http") == 0 || g_ascii_strcasecmp (scheme, "https") == 0))
    {
      g_autoptr(GUri) uri = certo_client_parse_url (location, error);

      if (uri == NULL)
        return NULL;
      if (out_kind != NULL)
        *out_kind = CERTO_SOURCE_KIND_URL;
      if (out_display != NULL)
        *out_display = g_uri_to_string (uri);
      return g_uri_to_string (uri);
    }

  if (scheme == NULL || g_ascii_strcasecmp (scheme, "file") == 0)
    {
      g_autoptr(GFile) file = scheme != NULL ? g_file_new_for_uri (location)
                                              : g_file_new_for_commandline_arg (location);
      g_autofree char *path = g_file_get_path (file);

      if (path == NULL)
        {
          g_set_error (error, CERTO_CLIENT_ERROR, CERTO_CLIENT_ERROR_INVALID_URL,
                       _("“%s” is not a file Certo can read; give a path or a file:// address"), location);
          return NULL;
        }
      if (out_kind != NULL)
        *out_kind = CERTO_SOURCE_KIND_FILE;
      if (out_display != NULL)
        *out_display = g_steal_pointer (&path);
      return g_file_get_uri (file);
    }

  g_set_error (error, CERTO_CLIENT_ERROR, CERTO_CLIENT_ERROR_INVALID_URL,
               _("“%s” is not an http, https or file address; a source must be one"), location);
  return NULL;
}

/**
 * certo_sync_add_source_async:
 * @self: a #CertoSync
 * @location: an http or https URL, a `file://` URI or a path (see
 *   certo_sync_normalize_location())
 * @name: (nullable): the name to show; %NULL for the content's own title
 * @format: %CERTO_SOURCE_FORMAT_AUTO to detect the format from the content
 *   (a catalog feed is JSON, anything else is read as an article), or the
 *   format to read it as
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Adds a source with no content yet and reloads the catalog; refresh it
 * with certo_sync_refresh_async(). Its first refresh is summarised in the
 * history ("120 documents added"), not listed as news.
 */
void
certo_sync_add_source_async (CertoSync           *self,
                             const char          *location,
                             const char          *name,
                             CertoSourceFormat    format,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *key = NULL;
  g_autofree char *display = NULL;
  CertoSourceSpec spec = { 0 };
  CertoSourceKind kind = CERTO_SOURCE_KIND_URL;
  GError *error = NULL;

  g_return_if_fail (CERTO_IS_SYNC (self));
  g_return_if_fail (location != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, certo_sync_add_source_async);

  key = certo_sync_normalize_location (location, &kind, &display, &error);
  if (key == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  spec.key = key;
  spec.kind = kind;
  spec.format = format;
  spec.name = name;
  spec.location = display;
  certo_store_add_source_async (certo_catalog_get_store (self->catalog), &spec, cancellable,
                                on_source_added, g_steal_pointer (&task));
}

/**
 * certo_sync_add_source_finish:
 * @self: a #CertoSync
 * @result: the result given to the callback
 * @error: return location for %CERTO_CLIENT_ERROR_INVALID_URL,
 *   %CERTO_STORE_ERROR_EXISTS or another #CertoStoreError
 *
 * Returns: (transfer full) (nullable): the new source, as the reloaded
 *   catalog shows it
 */
CertoSource *
certo_sync_add_source_finish (CertoSync     *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == certo_sync_add_source_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * certo_sync_rename_source_async:
 * @self: a #CertoSync
 * @source: a source of the catalog
 * @name: (nullable): the new name; %NULL or "" for the content's own title
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Renames @source and reloads the catalog. Built-in sources can be
 * renamed too.
 */
void
certo_sync_rename_source_async (CertoSync           *self,
                                CertoSource         *source,
                                const char          *name,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (CERTO_IS_SYNC (self));
  g_return_if_fail (CERTO_IS_SOURCE (source));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, certo_sync_rename_source_async);
  certo_store_rename_source_async (certo_catalog_get_store (self->catalog), certo_source_get_id (source),
                                   name, cancellable, on_source_renamed, task);
}

/**
 * certo_sync_rename_source_finish:
 * @self: a #CertoSync
 * @result: the result given to the callback
 * @error: return location for a #CertoStoreError
 *
 * Returns: %TRUE when renamed
 */
gboolean
certo_sync_rename_source_finish (CertoSync     *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == certo_sync_rename_source_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * certo_sync_refresh_async:
 * @self: a #CertoSync
 * @source: a URL or file source (certo_source_can_sync())
 * @cancellable: (nullable): a #GCancellable; the refresh stops only when
 *   every caller waiting for it cancelled
 * @callback: called after the catalog's models show the result
 * @user_data: data for @callback
 *
 * certo_sync_refresh_full_async() with %CERTO_IMPORT_FLAGS_NONE: the
 * shrink guard is on.
 */
void
certo_sync_refresh_async (CertoSync           *self,
                          CertoSource         *source,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  certo_sync_refresh_full_async (self, source, CERTO_IMPORT_FLAGS_NONE, cancellable, callback, user_data);
}

/**
 * certo_sync_refresh_full_async:
 * @self: a #CertoSync
 * @source: a URL or file source (certo_source_can_sync())
 * @flags: %CERTO_IMPORT_ACCEPT_REMOVALS only when the user confirmed that
 *   the new content may withdraw most of the source's documents
 * @cancellable: (nullable): a #GCancellable; the refresh stops only when
 *   every caller waiting for it cancelled
 * @callback: called after the catalog's models show the result
 * @user_data: data for @callback
 *
 * Refreshes @source: a conditional GET with the stored ETag and
 * Last-Modified (RFC 9110 §13.1), or a read of the file; parsing on a
 * worker thread; then one transaction that writes the new rows and what
 * changed as history (see #CertoChange). A 304 changes only the time last
 * checked; a permanent redirect (301, 308) updates the stored address, a
 * temporary one (302, 303, 307) never does. On any failure the source's
 * last error is recorded and every row stays as it was: among them, new
 * content that would withdraw more than half of the source's documents
 * (%CERTO_STORE_ERROR_WOULD_WITHDRAW, unless @flags accepts it), and
 * content that another source of the catalog already has (the same feed
 * id, %CERTO_STORE_ERROR_EXISTS). A refresh of @source already running
 * is joined, not repeated, and keeps its own flags. Finish with
 * certo_sync_refresh_finish().
 */
void
certo_sync_refresh_full_async (CertoSync           *self,
                               CertoSource         *source,
                               CertoImportFlags     flags,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (CERTO_IS_SYNC (self));
  g_return_if_fail (CERTO_IS_SOURCE (source));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, certo_sync_refresh_async);

  if (!certo_source_can_sync (source))
    {
      g_task_return_new_error (task, CERTO_STORE_ERROR, CERTO_STORE_ERROR_FAILED,
                               _("“%s” is built into Certo and is updated with Certo itself"),
                               certo_source_get_name (source));
      g_object_unref (task);
      return;
    }

  certo_sync_request_job_full (self, CERTO_SYNC_JOB_REFRESH, source, flags, task);
}

/**
 * certo_sync_refresh_finish:
 * @self: a #CertoSync
 * @result: the result given to the callback
 * @error: return location for a #CertoClientError (the fetch), a
 *   #CertoParseError (the content), a #CertoStoreError, or
 *   %G_IO_ERROR_CANCELLED; %CERTO_CLIENT_ERROR_OFFLINE when this computer
 *   is offline (a normal state: nothing is recorded)
 *
 * Finishes certo_sync_refresh_async() and certo_sync_refresh_full_async().
 *
 * Returns: (transfer full) (nullable): what the refresh did
 */
CertoSyncSummary *
certo_sync_refresh_finish (CertoSync     *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == certo_sync_refresh_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
