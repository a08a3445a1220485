/* certo-offline.c — documents saved for offline reading
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Where things live (DESIGN.md, "Storage"): saved documents are user data,
 * in `<data dir>/offline/`; a download streams into its own staging folder
 * in the cache (`<cache dir>/downloads/<document id>/`), where
 * CertoClient keeps an interrupted transfer for resuming — a re-fetchable
 * leftover, which "Clear cache" may remove. Only a complete, verified file
 * reaches the offline folder (certo-offline-files.c), and its row is
 * written after it; a row is deleted before its file. A failed or
 * cancelled download changes nothing in the offline folder.
 */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>

#include "certo-download.h"
#include "certo-model-private.h"
#include "certo-offline-private.h"
#include "certo-paths.h"
#include "certo-store-private.h"

G_DEFINE_FINAL_TYPE (CertoOffline, certo_offline, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CATALOG,
  PROP_CLIENT,
  PROP_DATA_DIR,
  PROP_CACHE_DIR,
  PROP_TOTAL_SIZE,
  PROP_N_ACTIVE,
  PROP_FRACTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers */

static void
set_total_size (CertoOffline *self,
                guint64       total)
{
  if (self->total_size == total)
    return;

  self->total_size = total;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOTAL_SIZE]);
}

void
certo_offline_add_document (CertoOffline         *self,
                            CertoOfflineDocument *doc)
{
  g_free (doc->path);
  doc->path = g_build_filename (self->folder, doc->file_name, NULL);
  g_list_store_insert (self->documents, 0, doc);
  set_total_size (self, self->total_size + doc->size);
}

static gboolean
find_document (CertoOffline         *self,
               gint64                offline_id,
               guint                *out_position)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->documents));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CertoOfflineDocument) doc = g_list_model_get_item (G_LIST_MODEL (self->documents), i);

      if (doc->id == offline_id)
        {
          *out_position = i;
          return TRUE;
        }
    }

  return FALSE;
}

char *
certo_offline_staging_folder (CertoOffline *self,
                              gint64        document_id)
{
  g_autofree char *name = g_strdup_printf ("%" G_GINT64_FORMAT, document_id);

  return g_build_filename (self->staging, name, NULL);
}

void
certo_offline_notify_queue (CertoOffline *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ACTIVE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);
}

/* Runs @func in a worker thread with @data (not freed), then @callback */
void
certo_offline_run_in_thread (gpointer             data,
               GCancellable        *cancellable,
               GTaskThreadFunc      func,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_task_data (task, data, NULL);
  g_task_run_in_thread (task, func);
}

/* Removing a copy: row first (in a transaction), then the file */

typedef struct
{
  CertoOffline *self;
  CertoOfflineDocument *doc;
  char *path;
} Removal;

static void
removal_free (gpointer data)
{
  Removal *r = data;

  g_clear_object (&r->self);
  g_clear_object (&r->doc);
  g_free (r->path);
  g_free (r);
}

static void
delete_file_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  Removal *r = task_data;

  /* Gone already is fine: the row is what counts, and it is gone */
  if (g_unlink (r->path) != 0 && errno != ENOENT)
    g_debug ("The saved copy “%s” could not be deleted: %s; the next start removes it",
             r->path, g_strerror (errno));
  g_task_return_boolean (task, TRUE);
}

static void
on_removed_reloaded (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!certo_catalog_reload_finish (CERTO_CATALOG (object), result, &error))
    g_warning ("The catalog could not be reloaded: %s", error->message);
  g_task_return_boolean (task, TRUE);
}

static void
on_file_deleted (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Removal *r = g_task_get_task_data (task);
  CertoOffline *self = r->self;
  CertoDocument *document;
  guint position;

  if (find_document (self, r->doc->id, &position))
    {
      g_list_store_remove (self->documents, position);
      set_total_size (self, self->total_size - MIN (self->total_size, r->doc->size));
    }

  /* A withdrawn document stayed only for its copy: it went with it */
  document = r->doc->document_id > 0 ? certo_catalog_find_document (self->catalog, r->doc->document_id) : NULL;
  if (document != NULL && certo_document_get_withdrawn (document) &&
      certo_offline_lookup (self, r->doc->document_id) == NULL)
    {
      certo_catalog_reload_async (self->catalog, NULL, on_removed_reloaded, g_steal_pointer (&task));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static void
on_row_removed (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Removal *r = g_task_get_task_data (task);
  g_autofree char *name = NULL;
  GError *error = NULL;

  name = certo_store_remove_offline_finish (CERTO_STORE (object), result, &error);
  if (name == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  /* The name comes from our own row; still, only a plain name is joined */
  if (strchr (name, '/') != NULL || name[0] == '.' || *name == '\0')
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  r->path = g_build_filename (r->self->folder, name, NULL);
  certo_offline_run_in_thread (r, NULL, delete_file_thread, on_file_deleted, g_steal_pointer (&task));
}

static void
remove_copy (CertoOffline         *self,
             CertoOfflineDocument *doc,
             GCancellable         *cancellable,
             GTask                *task)
{
  Removal *r = g_new0 (Removal, 1);

  r->self = g_object_ref (self);
  r->doc = g_object_ref (doc);
  g_task_set_task_data (task, r, removal_free);
  certo_store_remove_offline_async (certo_catalog_get_store (self->catalog), doc->id, cancellable,
                                    on_row_removed, task);
}

static void
on_replaced (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    g_warning ("An older saved copy could not be removed: %s", error->message);
}

/* A document has one saved copy: a new one replaces the others */
void
certo_offline_remove_older_copies (CertoOffline         *self,
                                   CertoOfflineDocument *kept)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->documents));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CertoOfflineDocument) doc = g_list_model_get_item (G_LIST_MODEL (self->documents), i);

      if (doc->document_id == kept->document_id && doc->id != kept->id)
        remove_copy (self, doc, NULL, g_task_new (self, NULL, on_replaced, NULL));
    }
}

/* Load and sweep */

typedef struct
{
  char *folder;
  GPtrArray *docs;
} Sweep;

static void
sweep_free (gpointer data)
{
  Sweep *s = data;

  g_free (s->folder);
  g_clear_pointer (&s->docs, g_ptr_array_unref);
  g_free (s);
}

static void
sweep_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Sweep *s = task_data;
  g_autoptr(GHashTable) known = g_hash_table_new (g_str_hash, g_str_equal);
  guint removed;

  for (guint i = 0; i < s->docs->len; i++)
    g_hash_table_add (known, ((CertoOfflineDocument *) g_ptr_array_index (s->docs, i))->file_name);

  removed = certo_offline_sweep (s->folder, known);
  if (removed > 0)
    g_debug ("Removed %u file(s) no saved document names from “%s”", removed, s->folder);

  g_task_return_boolean (task, TRUE);
}

static void
on_swept (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CertoOffline *self = g_task_get_source_object (task);
  Sweep *s = g_task_get_task_data (G_TASK (result));
  guint64 total = 0;

  for (guint i = 0; i < s->docs->len; i++)
    {
      CertoOfflineDocument *doc = g_ptr_array_index (s->docs, i);

      g_free (doc->path);
      doc->path = g_build_filename (self->folder, doc->file_name, NULL);
      total += doc->size;
    }

  g_list_store_splice (self->documents, 0, g_list_model_get_n_items (G_LIST_MODEL (self->documents)),
                       s->docs->pdata, s->docs->len);
  set_total_size (self, total);
  g_task_return_boolean (task, TRUE);
}

static void
on_listed (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CertoOffline *self = g_task_get_source_object (task);
  g_autoptr(GTask) sweep = NULL;
  GCancellable *cancellable;
  Sweep *s;
  GPtrArray *docs;
  GError *error = NULL;

  docs = certo_store_list_offline_finish (CERTO_STORE (object), result, &error);
  if (docs == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  s = g_new0 (Sweep, 1);
  s->folder = g_strdup (self->folder);
  s->docs = docs;
  cancellable = g_task_get_cancellable (task);
  sweep = g_task_new (NULL, cancellable, on_swept, g_steal_pointer (&task));
  g_task_set_task_data (sweep, s, sweep_free);
  g_task_run_in_thread (sweep, sweep_thread);
}

/* Watching for changes made by another process */

#define RELOAD_DELAY_MS 300

static void schedule_reload (CertoOffline *self);

/* Keeps the objects already listed (rows and the details pane hold them)
 * and emits items-changed only when the list really changed */
static void
merge_documents (CertoOffline *self,
                 GPtrArray    *docs)
{
  GListModel *model = G_LIST_MODEL (self->documents);
  guint n = g_list_model_get_n_items (model);
  g_autoptr(GHashTable) known = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_object_unref);
  g_autoptr(GPtrArray) merged = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean same = n == docs->len;
  guint64 total = 0;

  for (guint i = 0; i < n; i++)
    {
      CertoOfflineDocument *doc = g_list_model_get_item (model, i);

      g_hash_table_insert (known, &doc->id, doc);
    }

  for (guint i = 0; i < docs->len; i++)
    {
      CertoOfflineDocument *doc = g_ptr_array_index (docs, i);
      CertoOfflineDocument *old = g_hash_table_lookup (known, &doc->id);

      if (old == NULL)
        {
          g_free (doc->path);
          doc->path = g_build_filename (self->folder, doc->file_name, NULL);
          g_ptr_array_add (merged, g_object_ref (doc));
          same = FALSE;
        }
      else
        {
          g_autoptr(CertoOfflineDocument) at = NULL;

          if (same)
            {
              at = g_list_model_get_item (model, i);
              same = at == old;
            }
          g_ptr_array_add (merged, g_object_ref (old));
        }
      total += doc->size;
    }

  if (!same)
    g_list_store_splice (self->documents, 0, n, merged->pdata, merged->len);
  set_total_size (self, total);
}

static void
on_reloaded (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(CertoOffline) self = user_data;
  g_autoptr(GPtrArray) docs = NULL;
  g_autoptr(GError) error = NULL;

  self->reloading = FALSE;
  docs = certo_store_list_offline_finish (CERTO_STORE (object), result, &error);
  if (docs == NULL)
    {
      /* Best effort: the list stays as it was (the store may be closing) */
      g_debug ("The saved documents could not be listed again: %s", error->message);
      return;
    }

  if (self->documents != NULL)
    merge_documents (self, docs);
  if (self->reload_again)
    schedule_reload (self);
}

static gboolean
reload_timeout (gpointer user_data)
{
  CertoOffline *self = user_data;

  self->reload_source = 0;
  if (self->reloading)
    {
      self->reload_again = TRUE;
      return G_SOURCE_REMOVE;
    }

  self->reloading = TRUE;
  self->reload_again = FALSE;
  /* Listing runs on the store's worker thread, not here */
  certo_store_list_offline_async (certo_catalog_get_store (self->catalog), self->reload_cancellable,
                                  on_reloaded, g_object_ref (self));
  return G_SOURCE_REMOVE;
}

/* Debounced: a save is a temporary file, a rename and a commit */
static void
schedule_reload (CertoOffline *self)
{
  self->reload_again = FALSE;
  g_clear_handle_id (&self->reload_source, g_source_remove);
  self->reload_source = g_timeout_add (RELOAD_DELAY_MS, reload_timeout, self);
}

static void
on_watched_changed (GFileMonitor      *monitor,
                    GFile             *file,
                    GFile             *other_file,
                    GFileMonitorEvent  event,
                    gpointer           user_data)
{
  CertoOffline *self = user_data;

  if (event == G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED)
    return;

  schedule_reload (self);
}

static GFileMonitor *
watch_path (CertoOffline *self,
            const char   *path,
            gboolean      directory)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GFileMonitor *monitor;

  if (directory)
    monitor = g_file_monitor_directory (file, G_FILE_MONITOR_WATCH_MOVES, NULL, &error);
  else
    monitor = g_file_monitor_file (file, G_FILE_MONITOR_NONE, NULL, &error);
  if (monitor == NULL)
    {
      g_debug ("“%s” cannot be watched: %s", path, error->message);
      return NULL;
    }

  g_signal_connect_object (monitor, "changed", G_CALLBACK (on_watched_changed), self, 0);
  return monitor;
}

/* Clearing the cache */

typedef struct
{
  char *folder;
  GHashTable *keep;
  guint64 freed;
} Clear;

static void
clear_free (gpointer data)
{
  Clear *c = data;

  g_free (c->folder);
  g_hash_table_unref (c->keep);
  g_free (c);
}

static void
clear_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Clear *c = task_data;

  c->freed = certo_offline_clear_folder (c->folder, c->keep, cancellable);
  g_task_return_boolean (task, TRUE);
}

/* The thread's task has no source object: the thread pool may drop its
 * reference after the callback ran, and must not keep @self alive then */
static void
on_cleared (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/* GObject */

static void
certo_offline_dispose (GObject *object)
{
  CertoOffline *self = CERTO_OFFLINE (object);

  g_cancellable_cancel (self->reload_cancellable);
  g_clear_handle_id (&self->reload_source, g_source_remove);
  if (self->folder_monitor != NULL)
    g_file_monitor_cancel (self->folder_monitor);
  if (self->db_monitor != NULL)
    g_file_monitor_cancel (self->db_monitor);
  g_clear_object (&self->folder_monitor);
  g_clear_object (&self->db_monitor);
  g_clear_object (&self->reload_cancellable);
  g_queue_clear_full (&self->pending, g_object_unref);
  g_clear_object (&self->documents);
  g_clear_object (&self->queue);
  g_clear_object (&self->catalog);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (certo_offline_parent_class)->dispose (object);
}

static void
certo_offline_finalize (GObject *object)
{
  CertoOffline *self = CERTO_OFFLINE (object);

  g_hash_table_unref (self->active);
  g_free (self->data_dir);
  g_free (self->cache_dir);
  g_free (self->folder);
  g_free (self->staging);

  G_OBJECT_CLASS (certo_offline_parent_class)->finalize (object);
}

static void
certo_offline_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CertoOffline *self = CERTO_OFFLINE (object);

  switch (prop_id)
    {
    case PROP_CATALOG:
      g_value_set_object (value, self->catalog);
      break;
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    case PROP_DATA_DIR:
      g_value_set_string (value, self->data_dir);
      break;
    case PROP_CACHE_DIR:
      g_value_set_string (value, self->cache_dir);
      break;
    case PROP_TOTAL_SIZE:
      g_value_set_uint64 (value, self->total_size);
      break;
    case PROP_N_ACTIVE:
      g_value_set_uint (value, certo_offline_get_n_active (self));
      break;
    case PROP_FRACTION:
      g_value_set_double (value, certo_offline_get_fraction (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
certo_offline_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  CertoOffline *self = CERTO_OFFLINE (object);

  switch (prop_id)
    {
    case PROP_CATALOG:
      self->catalog = g_value_dup_object (value);
      break;
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;
    case PROP_DATA_DIR:
      self->data_dir = g_value_dup_string (value);
      break;
    case PROP_CACHE_DIR:
      self->cache_dir = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
certo_offline_constructed (GObject *object)
{
  CertoOffline *self = CERTO_OFFLINE (object);

  G_OBJECT_CLASS (certo_offline_parent_class)->constructed (object);

  if (self->data_dir == NULL)
    self->data_dir = certo_paths_dup_data_dir (NULL);
  if (self->cache_dir == NULL)
    self->cache_dir = certo_paths_dup_cache_dir (NULL);
  self->folder = g_build_filename (self->data_dir, CERTO_OFFLINE_FOLDER, NULL);
  self->staging = g_build_filename (self->cache_dir, CERTO_OFFLINE_STAGING_FOLDER, NULL);
}

static void
certo_offline_class_init (CertoOfflineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags construct = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;
  const GParamFlags readable = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = certo_offline_constructed;
  object_class->dispose = certo_offline_dispose;
  object_class->finalize = certo_offline_finalize;
  object_class->get_property = certo_offline_get_property;
  object_class->set_property = certo_offline_set_property;

  properties[PROP_CATALOG] = g_param_spec_object ("catalog", NULL, NULL, CERTO_TYPE_CATALOG, construct);
  properties[PROP_CLIENT] = g_param_spec_object ("client", NULL, NULL, CERTO_TYPE_CLIENT, construct);
  properties[PROP_DATA_DIR] = g_param_spec_string ("data-dir", NULL, NULL, NULL, construct);
  properties[PROP_CACHE_DIR] = g_param_spec_string ("cache-dir", NULL, NULL, NULL, construct);

  /**
   * CertoOffline:total-size:
   *
   * The disk space the saved documents take, in bytes.
   */
  properties[PROP_TOTAL_SIZE] = g_param_spec_uint64 ("total-size", NULL, NULL, 0, G_MAXUINT64, 0, readable);

  /**
   * CertoOffline:n-active:
   *
   * Downloads queued or running.
   */
  properties[PROP_N_ACTIVE] = g_param_spec_uint ("n-active", NULL, NULL, 0, G_MAXUINT, 0, readable);

  /**
   * CertoOffline:fraction:
   *
   * The progress of the downloads queued or running, from 0 to 1, or -1
   * while no size is known.
   */
  properties[PROP_FRACTION] = g_param_spec_double ("fraction", NULL, NULL, -1, 1, -1, readable);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
certo_offline_init (CertoOffline *self)
{
  self->documents = g_list_store_new (CERTO_TYPE_OFFLINE_DOCUMENT);
  self->queue = g_list_store_new (CERTO_TYPE_OFFLINE_JOB);
  self->active = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_queue_init (&self->pending);
  self->reload_cancellable = g_cancellable_new ();
}

/* Public API */

/**
 * certo_offline_new:
 * @catalog: the catalog whose documents are saved
 * @client: the HTTP client downloads go through
 * @data_dir: (nullable): the data folder (certo_paths_dup_data_dir());
 *   saved documents go in its `offline` folder
 * @cache_dir: (nullable): the cache folder (certo_paths_dup_cache_dir());
 *   downloads are staged in its `downloads` folder
 *
 * Returns: (transfer full): a new #CertoOffline; call
 *   certo_offline_load_async() before using its lists
 */
CertoOffline *
certo_offline_new (CertoCatalog *catalog,
                   CertoClient  *client,
                   const char   *data_dir,
                   const char   *cache_dir)
{
  g_return_val_if_fail (CERTO_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (CERTO_IS_CLIENT (client), NULL);

  return g_object_new (CERTO_TYPE_OFFLINE,
                       "catalog", catalog,
                       "client", client,
                       "data-dir", data_dir,
                       "cache-dir", cache_dir,
                       NULL);
}

/**
 * certo_offline_get_folder:
 * @self: a #CertoOffline
 *
 * Returns: (transfer none): the offline folder, `<data dir>/offline`
 */
const char *
certo_offline_get_folder (CertoOffline *self)
{
  g_return_val_if_fail (CERTO_IS_OFFLINE (self), NULL);
  return self->folder;
}

/**
 * certo_offline_get_cache_folder:
 * @self: a #CertoOffline
 *
 * Returns: (transfer none): the cache folder "Clear cache" empties
 */
const char *
certo_offline_get_cache_folder (CertoOffline *self)
{
  g_return_val_if_fail (CERTO_IS_OFFLINE (self), NULL);
  return self->cache_dir;
}

/**
 * certo_offline_get_documents:
 * @self: a #CertoOffline
 *
 * Returns: (transfer none): a #GListModel of #CertoOfflineDocument,
 *   newest first
 */
GListModel *
certo_offline_get_documents (CertoOffline *self)
{
  g_return_val_if_fail (CERTO_IS_OFFLINE (self), NULL);
  return G_LIST_MODEL (self->documents);
}

/**
 * certo_offline_get_queue:
 * @self: a #CertoOffline
 *
 * The Downloads view's list: every download asked for since the last
 * certo_offline_clear_finished(), in the order asked, with its state and
 * progress.
 *
 * Returns: (transfer none): a #GListModel of #CertoOfflineJob
 */
GListModel *
certo_offline_get_queue (CertoOffline *self)
{
  g_return_val_if_fail (CERTO_IS_OFFLINE (self), NULL);
  return G_LIST_MODEL (self->queue);
}

/**
 * certo_offline_get_total_size:
 * @self: a #CertoOffline
 *
 * Returns: the bytes the saved documents take on disk
 */
guint64
certo_offline_get_total_size (CertoOffline *self)
{
  g_return_val_if_fail (CERTO_IS_OFFLINE (self), 0);
  return self->total_size;
}

/**
 * certo_offline_get_n_active:
 * @self: a #CertoOffline
 *
 * Returns: downloads queued or running
 */
guint
certo_offline_get_n_active (CertoOffline *self)
{
  g_return_val_if_fail (CERTO_IS_OFFLINE (self), 0);
  return g_hash_table_size (self->active);
}

/**
 * certo_offline_get_fraction:
 * @self: a #CertoOffline
 *
 * Returns: the overall progress of the downloads queued or running, from
 *   0 to 1 (bytes received over bytes expected, of the downloads whose
 *   size is known); -1 when none is known; 1 when nothing runs
 */
double
certo_offline_get_fraction (CertoOffline *self)
{
  GHashTableIter iter;
  gpointer value;
  guint64 received = 0;
  guint64 total = 0;

  g_return_val_if_fail (CERTO_IS_OFFLINE (self), -1);

  if (g_hash_table_size (self->active) == 0)
    return 1.0;

  g_hash_table_iter_init (&iter, self->active);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      CertoOfflineJob *job = value;

      if (job->total > 0)
        {
          received += MIN (job->received, (guint64) job->total);
          total += job->total;
        }
    }

  return total > 0 ? (double) received / (double) total : -1.0;
}

/**
 * certo_offline_lookup:
 * @self: a #CertoOffline
 * @document_id: a document's row id
 *
 * Returns: (transfer none) (nullable): the saved copy of the document
 */
CertoOfflineDocument *
certo_offline_lookup (CertoOffline *self,
                      gint64        document_id)
{
  guint n;

  g_return_val_if_fail (CERTO_IS_OFFLINE (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->documents));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CertoOfflineDocument) doc = g_list_model_get_item (G_LIST_MODEL (self->documents), i);

      if (document_id > 0 && doc->document_id == document_id)
        return doc;   /* the store keeps a reference */
    }

  return NULL;
}

/**
 * certo_offline_find:
 * @self: a #CertoOffline
 * @offline_id: a saved copy's id (certo_offline_document_get_id())
 *
 * Returns: (transfer none) (nullable): the saved copy
 */
CertoOfflineDocument *
certo_offline_find (CertoOffline *self,
                    gint64        offline_id)
{
  guint position;
  g_autoptr(CertoOfflineDocument) doc = NULL;

  g_return_val_if_fail (CERTO_IS_OFFLINE (self), NULL);

  if (!find_document (self, offline_id, &position))
    return NULL;

  doc = g_list_model_get_item (G_LIST_MODEL (self->documents), position);
  return doc;   /* the store keeps a reference */
}

/**
 * certo_offline_load_async:
 * @self: a #CertoOffline
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Reads the saved documents into certo_offline_get_documents() and sweeps
 * the offline folder: temporary files and files no saved document names
 * (left by a crash between a file and its row) are removed. Call it once
 * at start, before any download.
 */
void
certo_offline_load_async (CertoOffline        *self,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (CERTO_IS_OFFLINE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, certo_offline_load_async);
  certo_store_list_offline_async (certo_catalog_get_store (self->catalog), cancellable, on_listed, task);
}

/**
 * certo_offline_load_finish:
 * @self: a #CertoOffline
 * @result: the result given to the callback
 * @error: return location for a #CertoStoreError
 *
 * Returns: %TRUE when the list is loaded
 */
gboolean
certo_offline_load_finish (CertoOffline  *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == certo_offline_load_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * certo_offline_watch:
 * @self: a #CertoOffline, loaded
 *
 * Keeps certo_offline_get_documents() current while another process
 * (`certo-cli download`, `certo-cli offline remove`, a second window)
 * saves or deletes copies: the offline folder and the catalog database
 * are watched, and changes are listed again on the store's worker thread
 * 300 ms after the last one. Objects already in the list stay the same;
 * the list changes (one items-changed) only when rows came or went.
 * Nothing is swept: a file still without its row may be another
 * process's save in progress. Calling it again does nothing.
 */
void
certo_offline_watch (CertoOffline *self)
{
  const char *db_path;

  g_return_if_fail (CERTO_IS_OFFLINE (self));

  if (self->folder_monitor != NULL || self->db_monitor != NULL)
    return;

  g_mkdir_with_parents (self->folder, 0700);
  self->folder_monitor = watch_path (self, self->folder, TRUE);

  /* WAL mode: every commit writes the -wal file */
  db_path = certo_store_get_path (certo_catalog_get_store (self->catalog));
  if (db_path != NULL)
    {
      g_autofree char *wal = g_strconcat (db_path, "-wal", NULL);

      self->db_monitor = watch_path (self, wal, FALSE);
    }
}

/**
 * certo_offline_remove_async:
 * @self: a #CertoOffline
 * @document: a saved copy
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Deletes a saved copy in one step for the user, in the safe order: its
 * row first (one transaction), then its file (a file left by a crash in
 * between is swept at the next start). A withdrawn document whose only
 * copy this was leaves the catalog with it.
 */
void
certo_offline_remove_async (CertoOffline         *self,
                            CertoOfflineDocument *document,
                            GCancellable         *cancellable,
                            GAsyncReadyCallback   callback,
                            gpointer              user_data)
{
  GTask *task;

  g_return_if_fail (CERTO_IS_OFFLINE (self));
  g_return_if_fail (CERTO_IS_OFFLINE_DOCUMENT (document));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, certo_offline_remove_async);
  remove_copy (self, document, cancellable, task);
}

/**
 * certo_offline_remove_finish:
 * @self: a #CertoOffline
 * @result: the result given to the callback
 * @error: return location for a #CertoStoreError
 *
 * Returns: %TRUE when the copy is gone
 */
gboolean
certo_offline_remove_finish (CertoOffline  *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == certo_offline_remove_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * certo_offline_clear_cache_async:
 * @self: a #CertoOffline
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * "Clear cache": empties the cache folder (`$XDG_CACHE_HOME/certo`), which
 * holds only what can be fetched again — partial downloads kept for
 * resuming — except the staging folders of downloads running now. The
 * catalog database and saved documents, in the data folder, are never
 * touched.
 */
void
certo_offline_clear_cache_async (CertoOffline        *self,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  GHashTableIter iter;
  gpointer value;
  g_autoptr(GTask) task = NULL;
  Clear *c;

  g_return_if_fail (CERTO_IS_OFFLINE (self));

  c = g_new0 (Clear, 1);
  c->folder = g_strdup (self->cache_dir);
  c->keep = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_iter_init (&iter, self->active);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, ((CertoOfflineJob *) value)->document_id);

      g_hash_table_add (c->keep, g_build_filename (CERTO_OFFLINE_STAGING_FOLDER, id, NULL));
    }

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, certo_offline_clear_cache_async);
  g_task_set_task_data (task, c, clear_free);
  certo_offline_run_in_thread (c, cancellable, clear_thread, on_cleared, g_steal_pointer (&task));
}

/**
 * certo_offline_clear_cache_finish:
 * @self: a #CertoOffline
 * @result: the result given to the callback
 * @out_freed: (out) (optional): the bytes freed
 * @error: return location for %G_IO_ERROR_CANCELLED
 *
 * Returns: %TRUE when done
 */
gboolean
certo_offline_clear_cache_finish (CertoOffline  *self,
                                  GAsyncResult  *result,
                                  guint64       *out_freed,
                                  GError       **error)
{
  Clear *c;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == certo_offline_clear_cache_async, FALSE);

  c = g_task_get_task_data (G_TASK (result));
  if (out_freed != NULL)
    *out_freed = c->freed;

  return g_task_propagate_boolean (G_TASK (result), error);
}
