/* certo-catalog-load.c — loading the catalog: the catalogs built into
 * Certo imported when they changed, the built-in sources of an older
 * Certo removed, then a reload
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "certo-catalog-private.h"
#include "certo-model-private.h"
#include "certo-parse.h"
#include "certo-store-private.h"

/* Load: built-in catalogs imported when changed, then a reload */

typedef struct
{
  GPtrArray *names;     /* file names of the built-in catalogs */
  guint next;
  GBytes *bytes;        /* of names[next] */
  char *hash;
  GArray *stale;        /* ids of built-in sources no longer built in */
  gboolean stale_checked;
} LoadData;

static void
load_data_free (gpointer data)
{
  LoadData *d = data;

  g_clear_pointer (&d->names, g_ptr_array_unref);
  g_clear_pointer (&d->bytes, g_bytes_unref);
  g_free (d->hash);
  g_clear_pointer (&d->stale, g_array_unref);
  g_free (d);
}

static void load_next_builtin (GTask *task);

static char *
builtin_key (const char *file_name)
{
  g_autofree char *base = g_strndup (file_name, strlen (file_name) - strlen (".json"));

  return g_strconcat ("builtin:", base, NULL);
}

static void remove_next_stale (GTask *task);

static void
stale_removed_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!certo_store_remove_source_finish (CERTO_STORE (object), result, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  remove_next_stale (g_steal_pointer (&task));
}

/* Removes the built-in sources of an older Certo that this one no longer
 * ships, then loads again; rare, so it costs a second load only then */
static void
remove_next_stale (GTask *task)
{
  CertoCatalog *self = g_task_get_source_object (task);
  LoadData *data = g_task_get_task_data (task);

  if (data->stale->len == 0)
    {
      certo_catalog_reload_async (self, g_task_get_cancellable (task), certo_catalog_reload_return_cb, task);
      return;
    }

  certo_store_remove_builtin_source_async (self->store,
                                           g_array_index (data->stale, gint64, data->stale->len - 1),
                                           g_task_get_cancellable (task),
                                           stale_removed_cb, task);
  g_array_set_size (data->stale, data->stale->len - 1);
}

static void
load_snapshot_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CertoCatalog *self = g_task_get_source_object (task);
  LoadData *data = g_task_get_task_data (task);
  CertoCatalogSnapshot *snapshot;
  GError *error = NULL;

  snapshot = certo_store_load_finish (CERTO_STORE (object), result, &error);
  if (snapshot == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (self->builtin_path != NULL && !data->stale_checked)
    {
      data->stale_checked = TRUE;
      data->stale = g_array_new (FALSE, FALSE, sizeof (gint64));

      for (guint i = 0; i < snapshot->sources->len; i++)
        {
          CertoSource *source = g_ptr_array_index (snapshot->sources, i);
          gboolean shipped = FALSE;

          if (source->kind != CERTO_SOURCE_KIND_BUILTIN)
            continue;
          for (guint j = 0; j < data->names->len && !shipped; j++)
            {
              g_autofree char *key = builtin_key (g_ptr_array_index (data->names, j));
              shipped = g_str_equal (key, source->key);
            }
          if (!shipped)
            g_array_append_val (data->stale, source->id);
        }

      if (data->stale->len > 0)
        {
          certo_catalog_snapshot_free (snapshot);
          remove_next_stale (g_steal_pointer (&task));
          return;
        }
    }

  certo_catalog_apply_snapshot (self, snapshot);
  g_task_return_boolean (task, TRUE);
}

static void
builtin_imported_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  LoadData *data = g_task_get_task_data (task);
  GError *error = NULL;

  if (certo_store_import_finish (CERTO_STORE (object), result, &error) == 0)
    {
      g_task_return_error (task, error);
      return;
    }

  data->next++;
  load_next_builtin (g_steal_pointer (&task));
}

static void
parse_builtin_thread (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  GBytes *bytes = task_data;
  CertoCatalogUpdate *update;
  GError *error = NULL;

  update = certo_catalog_feed_parse (bytes, g_object_get_data (G_OBJECT (task), "name"), &error);
  if (update == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, update, (GDestroyNotify) certo_catalog_update_free);
}

static void
builtin_parsed_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CertoCatalog *self = g_task_get_source_object (task);
  LoadData *data = g_task_get_task_data (task);
  const char *name = g_ptr_array_index (data->names, data->next);
  g_autofree char *key = builtin_key (name);
  g_autofree char *location = g_strconcat ("resource://", self->builtin_path, name, NULL);
  CertoCatalogUpdate *update;
  CertoSourceSpec spec = { 0 };
  GCancellable *cancellable;
  GError *error = NULL;

  update = g_task_propagate_pointer (G_TASK (result), &error);
  if (update == NULL)
    {
      /* A packaging mistake, which test-embedded catches: the rest of the
       * catalog still loads */
      g_warning ("The built-in catalog “%s” could not be read: %s", name, error->message);
      g_error_free (error);
      data->next++;
      load_next_builtin (g_steal_pointer (&task));
      return;
    }

  spec.key = key;
  spec.kind = CERTO_SOURCE_KIND_BUILTIN;
  spec.format = CERTO_SOURCE_FORMAT_CATALOG;
  spec.location = location;
  spec.content_hash = data->hash;

  cancellable = g_task_get_cancellable (task);
  certo_store_import_async (self->store, &spec, update, cancellable,
                            builtin_imported_cb, g_steal_pointer (&task));
}

static void
builtin_hash_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CertoCatalog *self = g_task_get_source_object (task);
  LoadData *data = g_task_get_task_data (task);
  g_autofree char *stored = NULL;
  g_autoptr(GTask) parse = NULL;
  gboolean exists = FALSE;
  GCancellable *cancellable;
  GError *error = NULL;

  stored = certo_store_get_source_hash_finish (CERTO_STORE (object), result, &exists, &error);
  if (error != NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (exists && g_strcmp0 (stored, data->hash) == 0)
    {
      data->next++;
      load_next_builtin (g_steal_pointer (&task));
      return;
    }

  /* Parsing a feed can take a while: not on the caller's thread */
  cancellable = g_task_get_cancellable (task);
  /* No source object: the thread pool may drop its reference to this task
   * after the callback ran, and must not hold the catalog alive then */
  parse = g_task_new (NULL, cancellable, builtin_parsed_cb, g_steal_pointer (&task));
  g_task_set_source_tag (parse, parse_builtin_thread);
  g_task_set_task_data (parse, g_bytes_ref (data->bytes), (GDestroyNotify) g_bytes_unref);
  g_object_set_data_full (G_OBJECT (parse), "name",
                          g_strconcat (self->builtin_path, g_ptr_array_index (data->names, data->next), NULL),
                          g_free);
  g_task_run_in_thread (parse, parse_builtin_thread);
}

static void
load_next_builtin (GTask *task)
{
  CertoCatalog *self = g_task_get_source_object (task);
  LoadData *data = g_task_get_task_data (task);
  g_autofree char *path = NULL;
  g_autofree char *key = NULL;
  GError *error = NULL;

  if (data->names == NULL || data->next >= data->names->len)
    {
      certo_store_load_async (self->store, g_task_get_cancellable (task), load_snapshot_cb, task);
      return;
    }

  path = g_strconcat (self->builtin_path, g_ptr_array_index (data->names, data->next), NULL);
  g_clear_pointer (&data->bytes, g_bytes_unref);
  g_clear_pointer (&data->hash, g_free);
  data->bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (data->bytes == NULL)
    {
      g_warning ("The built-in catalog “%s” could not be read: %s", path, error->message);
      g_error_free (error);
      data->next++;
      load_next_builtin (task);
      return;
    }

  data->hash = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, data->bytes);
  key = builtin_key (g_ptr_array_index (data->names, data->next));
  certo_store_get_source_hash_async (self->store, key, g_task_get_cancellable (task),
                                     builtin_hash_cb, task);
}

static void
load_opened_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!certo_store_open_finish (CERTO_STORE (object), result, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  load_next_builtin (g_steal_pointer (&task));
}

static GPtrArray *
list_builtins (const char *resource_path)
{
  g_auto(GStrv) children = NULL;
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);

  if (resource_path == NULL)
    return names;

  /* No such folder: a program built without the core resource */
  children = g_resources_enumerate_children (resource_path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  for (guint i = 0; children != NULL && children[i] != NULL; i++)
    if (g_str_has_suffix (children[i], ".json") && strlen (children[i]) > strlen (".json"))
      g_ptr_array_add (names, g_strdup (children[i]));

  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  return names;
}

/**
 * certo_catalog_load_async:
 * @self: a #CertoCatalog
 * @cancellable: (nullable): a #GCancellable
 * @callback: called in the caller's thread-default main context
 * @user_data: data for @callback
 *
 * Opens the store if needed; imports each catalog built into Certo (every
 * `*.json` under the GResource folder `/io/github/certo/Certo/catalogs/`,
 * as the source "builtin:<name>") when its SHA-256 differs from the one
 * stored, parsing it on a worker thread; then loads the whole catalog and
 * replaces the models' content, one items-changed per model. Also the
 * way to show changes made to the store directly.
 */
void
certo_catalog_load_async (CertoCatalog        *self,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  GTask *task;
  LoadData *data;

  g_return_if_fail (CERTO_IS_CATALOG (self));

  data = g_new0 (LoadData, 1);
  data->names = list_builtins (self->builtin_path);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, certo_catalog_load_async);
  g_task_set_task_data (task, data, load_data_free);

  certo_store_open_async (self->store, cancellable, load_opened_cb, task);
}

/**
 * certo_catalog_load_finish:
 * @self: a #CertoCatalog
 * @result: the result given to the callback
 * @error: return location for a #CertoStoreError (a built-in catalog that
 *   cannot be parsed is logged and skipped, not an error)
 *
 * Returns: %TRUE when the models show the catalog
 */
gboolean
certo_catalog_load_finish (CertoCatalog  *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == certo_catalog_load_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
