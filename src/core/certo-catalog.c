/* certo-catalog.c — the catalog as list models, and questions about it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Holds the last snapshot the store loaded, as one GListStore per kind of
 * object plus lookup tables. A reload replaces each model's content with
 * one splice, so a view sees one items-changed per model per reload.
 * Loading the built-in catalogs: certo-catalog-load.c.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "certo-catalog-private.h"
#include "certo-model-private.h"
#include "certo-parse.h"
#include "certo-store-private.h"
#include "certo-text.h"

#define BUILTIN_PATH "/io/github/certo/Certo/catalogs/"

G_DEFINE_FINAL_TYPE (CertoCatalog, certo_catalog, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_LOADED,
  PROP_MAX_SOURCE_SIZE,
  N_PROPS
};

/* The range of the "max-source-size" setting's ceiling */
#define MIN_SOURCE_SIZE ((guint) 1024 * 1024)
#define MAX_SOURCE_SIZE ((guint) 1024 * 1024 * 1024)

static GParamSpec *properties[N_PROPS];

/* Helpers */

static GHashTable *
id_table_new (void)
{
  return g_hash_table_new (g_int64_hash, g_int64_equal);
}

static void
replace_items (GListStore *store,
               GPtrArray  *items)
{
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (store));

  if (n_old == 0 && items->len == 0)
    return;

  g_list_store_splice (store, 0, n_old, items->pdata, items->len);
}

#define INDEX_IDS(table, array, Type)                                   \
  G_STMT_START {                                                        \
    for (guint i = 0; i < (array)->len; i++)                            \
      {                                                                 \
        Type *obj = g_ptr_array_index ((array), i);                     \
        g_hash_table_insert ((table), &obj->id, obj);                   \
      }                                                                 \
  } G_STMT_END

#define INDEX_KEYS(table, array, Type)                                  \
  G_STMT_START {                                                        \
    for (guint i = 0; i < (array)->len; i++)                            \
      {                                                                 \
        Type *obj = g_ptr_array_index ((array), i);                     \
        if (!g_hash_table_contains ((table), obj->key))                 \
          g_hash_table_insert ((table), obj->key, obj);                 \
      }                                                                 \
  } G_STMT_END

/* Shows @snapshot (transfer full): lookup tables first, so a handler of
 * items-changed already finds the new objects */
void
certo_catalog_apply_snapshot (CertoCatalog         *self,
                              CertoCatalogSnapshot *snapshot)
{
  g_autoptr(CertoCatalogSnapshot) old = NULL;

  g_clear_pointer (&self->source_ids, g_hash_table_unref);
  g_clear_pointer (&self->standard_ids, g_hash_table_unref);
  g_clear_pointer (&self->family_ids, g_hash_table_unref);
  g_clear_pointer (&self->service_ids, g_hash_table_unref);
  g_clear_pointer (&self->document_ids, g_hash_table_unref);
  g_clear_pointer (&self->environment_ids, g_hash_table_unref);
  g_clear_pointer (&self->keys, g_hash_table_unref);

  self->source_ids = id_table_new ();
  self->standard_ids = id_table_new ();
  self->family_ids = id_table_new ();
  self->service_ids = id_table_new ();
  self->document_ids = id_table_new ();
  self->environment_ids = id_table_new ();
  self->keys = g_hash_table_new (g_str_hash, g_str_equal);

  INDEX_IDS (self->source_ids, snapshot->sources, CertoSource);
  INDEX_IDS (self->standard_ids, snapshot->standards, CertoStandard);
  INDEX_IDS (self->family_ids, snapshot->families, CertoFamily);
  INDEX_IDS (self->service_ids, snapshot->services, CertoService);
  INDEX_IDS (self->document_ids, snapshot->documents, CertoDocument);
  INDEX_IDS (self->environment_ids, snapshot->environments, CertoEnvironment);

  /* The order of precedence for a key found in several kinds */
  INDEX_KEYS (self->keys, snapshot->documents, CertoDocument);
  INDEX_KEYS (self->keys, snapshot->services, CertoService);
  INDEX_KEYS (self->keys, snapshot->families, CertoFamily);
  INDEX_KEYS (self->keys, snapshot->environments, CertoEnvironment);
  INDEX_KEYS (self->keys, snapshot->sources, CertoSource);

  /* The old objects stay alive until every model has let go of them */
  old = g_steal_pointer (&self->snapshot);
  self->snapshot = snapshot;

  replace_items (self->sources, snapshot->sources);
  replace_items (self->standards, snapshot->standards);
  replace_items (self->families, snapshot->families);
  replace_items (self->services, snapshot->services);
  replace_items (self->documents, snapshot->documents);
  replace_items (self->environments, snapshot->environments);
  replace_items (self->changes, snapshot->changes);

  if (!self->loaded)
    {
      self->loaded = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
    }
}

/* Reload: the store's snapshot into the models */

static void
reload_loaded_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CertoCatalogSnapshot *snapshot;
  GError *error = NULL;

  snapshot = certo_store_load_finish (CERTO_STORE (object), result, &error);
  if (snapshot == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  certo_catalog_apply_snapshot (g_task_get_source_object (task), snapshot);
  g_task_return_boolean (task, TRUE);
}

static void
catalog_reload_async (CertoCatalog        *self,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, catalog_reload_async);
  certo_store_load_async (self->store, cancellable, reload_loaded_cb, task);
}

static gboolean
catalog_reload_finish (CertoCatalog  *self,
                       GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == catalog_reload_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Private API (certo-catalog-private.h) */

/* A #GAsyncReadyCallback of certo_catalog_reload_async() that returns the
 * reload's outcome, a boolean, on @user_data (a #GTask, transfer full) */
void
certo_catalog_reload_return_cb (GObject      *object,
                                GAsyncResult *result,
                                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!catalog_reload_finish (CERTO_CATALOG (object), result, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/* Import of a file */

typedef struct
{
  CertoCatalogUpdate *update;
  char *hash;
} ParsedFile;

static void
parsed_file_free (gpointer data)
{
  ParsedFile *p = data;

  g_clear_pointer (&p->update, certo_catalog_update_free);
  g_free (p->hash);
  g_free (p);
}

/* What the parsing thread needs: nothing of the catalog itself */
typedef struct
{
  GFile *file;
  guint max_size;
  CertoImportFlags flags;
} ImportRequest;

static void
import_request_free (gpointer data)
{
  ImportRequest *request = data;

  g_clear_object (&request->file);
  g_free (request);
}

static void
parse_file_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  ImportRequest *request = task_data;
  GFile *file = request->file;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = certo_parse_dup_display_name (file);
  ParsedFile *parsed;
  GError *error = NULL;

  bytes = certo_parse_load_file (file, request->max_size, cancellable, &error);
  if (bytes == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  parsed = g_new0 (ParsedFile, 1);
  parsed->hash = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  parsed->update = certo_parse_source (bytes, name, NULL, &error);
  if (parsed->update == NULL)
    {
      parsed_file_free (parsed);
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, parsed, parsed_file_free);
}

typedef struct
{
  CertoImportResult *result;
} ImportFileData;

static void
import_file_data_free (gpointer data)
{
  ImportFileData *d = data;

  g_clear_pointer (&d->result, certo_import_result_free);
  g_free (d);
}

static void
import_reloaded_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ImportFileData *data = g_task_get_task_data (task);
  GError *error = NULL;

  if (!catalog_reload_finish (CERTO_CATALOG (object), result, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, g_steal_pointer (&data->result),
                         (GDestroyNotify) certo_import_result_free);
}

static void
file_imported_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CertoCatalog *self = g_task_get_source_object (task);
  CertoImportResult *import_result = ((ImportFileData *) g_task_get_task_data (task))->result;
  GCancellable *cancellable;
  GError *error = NULL;

  import_result->source_id = certo_store_import_finish (CERTO_STORE (object), result, &error);
  if (import_result->source_id == 0)
    {
      g_task_return_error (task, error);
      return;
    }

  cancellable = g_task_get_cancellable (task);
  catalog_reload_async (self, cancellable, import_reloaded_cb, g_steal_pointer (&task));
}

static void
file_parsed_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CertoCatalog *self = g_task_get_source_object (task);
  ImportRequest *request = g_task_get_task_data (G_TASK (result));
  GFile *file = request->file;
  ParsedFile *parsed;
  CertoImportResult *import_result;
  ImportFileData *data;
  CertoCatalogUpdate *update;
  g_autofree char *uri = NULL;
  g_autofree char *path = NULL;
  g_autofree char *base_name = NULL;
  CertoSourceSpec spec = { 0 };
  GCancellable *cancellable;
  GError *error = NULL;

  parsed = g_task_propagate_pointer (G_TASK (result), &error);
  if (parsed == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  update = g_steal_pointer (&parsed->update);

  import_result = g_new0 (CertoImportResult, 1);
  import_result->n_documents = update->documents->len;
  import_result->n_services = update->services->len;
  import_result->warnings = g_steal_pointer (&update->warnings);
  update->warnings = g_ptr_array_new_with_free_func (g_free);
  data = g_new0 (ImportFileData, 1);
  data->result = import_result;
  g_task_set_task_data (task, data, import_file_data_free);

  uri = g_file_get_uri (file);
  path = g_file_get_path (file);
  if (certo_localized_is_empty (update->title))
    base_name = g_file_get_basename (file);

  spec.key = uri;
  spec.kind = CERTO_SOURCE_KIND_FILE;
  spec.format = update->format == CERTO_UPDATE_FORMAT_ARTICLE ? CERTO_SOURCE_FORMAT_ARTICLE
                                                              : CERTO_SOURCE_FORMAT_CATALOG;
  spec.name = base_name;
  spec.location = path != NULL ? path : uri;
  spec.content_hash = parsed->hash;
  spec.accept_removals = (request->flags & CERTO_IMPORT_ACCEPT_REMOVALS) != 0;

  cancellable = g_task_get_cancellable (task);
  certo_store_import_async (self->store, &spec, update, cancellable,
                            file_imported_cb, g_steal_pointer (&task));
  parsed_file_free (parsed);
}

/* Removal of a source */

static void
source_removed_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CertoCatalog *self = g_task_get_source_object (task);
  GCancellable *cancellable;
  GError *error = NULL;

  if (!certo_store_remove_source_finish (CERTO_STORE (object), result, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  cancellable = g_task_get_cancellable (task);
  catalog_reload_async (self, cancellable, certo_catalog_reload_return_cb, g_steal_pointer (&task));
}

/* GObject */

static void
certo_catalog_dispose (GObject *object)
{
  CertoCatalog *self = CERTO_CATALOG (object);

  g_clear_pointer (&self->source_ids, g_hash_table_unref);
  g_clear_pointer (&self->standard_ids, g_hash_table_unref);
  g_clear_pointer (&self->family_ids, g_hash_table_unref);
  g_clear_pointer (&self->service_ids, g_hash_table_unref);
  g_clear_pointer (&self->document_ids, g_hash_table_unref);
  g_clear_pointer (&self->environment_ids, g_hash_table_unref);
  g_clear_pointer (&self->keys, g_hash_table_unref);
  g_clear_object (&self->sources);
  g_clear_object (&self->standards);
  g_clear_object (&self->families);
  g_clear_object (&self->services);
  g_clear_object (&self->documents);
  g_clear_object (&self->environments);
  g_clear_object (&self->changes);
  g_clear_pointer (&self->snapshot, certo_catalog_snapshot_free);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (certo_catalog_parent_class)->dispose (object);
}

static void
certo_catalog_finalize (GObject *object)
{
  CertoCatalog *self = CERTO_CATALOG (object);

  g_free (self->builtin_path);

  G_OBJECT_CLASS (certo_catalog_parent_class)->finalize (object);
}

static void
certo_catalog_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CertoCatalog *self = CERTO_CATALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_LOADED:
      g_value_set_boolean (value, self->loaded);
      break;
    case PROP_MAX_SOURCE_SIZE:
      g_value_set_uint (value, self->max_source_size);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
certo_catalog_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  CertoCatalog *self = CERTO_CATALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_MAX_SOURCE_SIZE:
      certo_catalog_set_max_source_size (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
certo_catalog_class_init (CertoCatalogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = certo_catalog_dispose;
  object_class->finalize = certo_catalog_finalize;
  object_class->get_property = certo_catalog_get_property;
  object_class->set_property = certo_catalog_set_property;

  /**
   * CertoCatalog:store:
   *
   * The catalog database the catalog reads and imports into.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, CERTO_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * CertoCatalog:loaded:
   *
   * Whether the models show the database's content (after the first
   * successful certo_catalog_load_async()).
   */
  properties[PROP_LOADED] =
    g_param_spec_boolean ("loaded", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * CertoCatalog:max-source-size:
   *
   * The largest file certo_catalog_import_file_async() reads, in bytes
   * (%CERTO_PARSE_DEFAULT_MAX_SIZE, 64 MiB, by default; 1 MiB to 1 GiB).
   * The application binds it to the "max-source-size" setting, so the
   * limit the size error names is the one Preferences shows.
   */
  properties[PROP_MAX_SOURCE_SIZE] =
    g_param_spec_uint ("max-source-size", NULL, NULL,
                       MIN_SOURCE_SIZE, MAX_SOURCE_SIZE, (guint) CERTO_PARSE_DEFAULT_MAX_SIZE,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
certo_catalog_init (CertoCatalog *self)
{
  self->max_source_size = (guint) CERTO_PARSE_DEFAULT_MAX_SIZE;
  self->builtin_path = g_strdup (BUILTIN_PATH);
  self->sources = g_list_store_new (CERTO_TYPE_SOURCE);
  self->standards = g_list_store_new (CERTO_TYPE_STANDARD);
  self->families = g_list_store_new (CERTO_TYPE_FAMILY);
  self->services = g_list_store_new (CERTO_TYPE_SERVICE);
  self->documents = g_list_store_new (CERTO_TYPE_DOCUMENT);
  self->environments = g_list_store_new (CERTO_TYPE_ENVIRONMENT);
  self->changes = g_list_store_new (CERTO_TYPE_CHANGE);
}

/* Public API */

/**
 * certo_import_result_free:
 * @self: (transfer full) (nullable): an import result
 */
void
certo_import_result_free (CertoImportResult *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->warnings, g_ptr_array_unref);
  g_free (self);
}

void
certo_catalog_set_builtin_path (CertoCatalog *self,
                                const char   *resource_path)
{
  g_return_if_fail (CERTO_IS_CATALOG (self));

  g_free (self->builtin_path);
  self->builtin_path = g_strdup (resource_path);
}

/**
 * certo_catalog_new:
 * @store: the catalog database
 *
 * Creates a catalog over @store. Its models are empty until
 * certo_catalog_load_async() finishes.
 *
 * Returns: (transfer full): a new #CertoCatalog
 */
CertoCatalog *
certo_catalog_new (CertoStore *store)
{
  g_return_val_if_fail (CERTO_IS_STORE (store), NULL);

  return g_object_new (CERTO_TYPE_CATALOG, "store", store, NULL);
}

/**
 * certo_catalog_get_store:
 * @self: a #CertoCatalog
 *
 * Returns: (transfer none): the catalog database
 */
CertoStore *
certo_catalog_get_store (CertoCatalog *self)
{
  g_return_val_if_fail (CERTO_IS_CATALOG (self), NULL);

  return self->store;
}

/**
 * certo_catalog_get_loaded:
 * @self: a #CertoCatalog
 *
 * Returns: %TRUE once the models show the database's content
 */
gboolean
certo_catalog_get_loaded (CertoCatalog *self)
{
  g_return_val_if_fail (CERTO_IS_CATALOG (self), FALSE);

  return self->loaded;
}

/**
 * certo_catalog_get_max_source_size:
 * @self: a #CertoCatalog
 *
 * Returns: the largest file an import reads, in bytes
 */
guint
certo_catalog_get_max_source_size (CertoCatalog *self)
{
  g_return_val_if_fail (CERTO_IS_CATALOG (self), 0);

  return self->max_source_size;
}

/**
 * certo_catalog_set_max_source_size:
 * @self: a #CertoCatalog
 * @max_size: the largest file an import reads, in bytes, from 1 MiB to
 *   1 GiB (the value is clamped to that range)
 *
 * Sets #CertoCatalog:max-source-size; imports already running keep the
 * limit they started with.
 */
void
certo_catalog_set_max_source_size (CertoCatalog *self,
                                   guint         max_size)
{
  g_return_if_fail (CERTO_IS_CATALOG (self));

  max_size = CLAMP (max_size, MIN_SOURCE_SIZE, MAX_SOURCE_SIZE);
  if (self->max_source_size == max_size)
    return;

  self->max_source_size = max_size;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_SOURCE_SIZE]);
}

/**
 * certo_catalog_import_file_async:
 * @self: a #CertoCatalog
 * @file: a catalog feed (JSON) or a compliance-offering article (markdown)
 *   the user chose
 * @cancellable: (nullable): a #GCancellable
 * @callback: called in the caller's thread-default main context
 * @user_data: data for @callback
 *
 * certo_catalog_import_file_full_async() with %CERTO_IMPORT_FLAGS_NONE:
 * the shrink guard is on.
 */
void
certo_catalog_import_file_async (CertoCatalog        *self,
                                 GFile               *file,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  certo_catalog_import_file_full_async (self, file, CERTO_IMPORT_FLAGS_NONE,
                                        cancellable, callback, user_data);
}

/**
 * certo_catalog_import_file_full_async:
 * @self: a #CertoCatalog
 * @file: a catalog feed (JSON) or a compliance-offering article (markdown)
 *   the user chose
 * @flags: %CERTO_IMPORT_ACCEPT_REMOVALS only when the user confirmed that
 *   the new content may withdraw most of the source's documents
 * @cancellable: (nullable): a #GCancellable
 * @callback: called in the caller's thread-default main context
 * @user_data: data for @callback
 *
 * Reads @file on a worker thread (at most #CertoCatalog:max-source-size
 * bytes, and only a regular file: see certo_parse_load_file()), detects
 * and parses its format and imports it, then reloads the models.
 *
 * Which source it goes into: content with a feed id (the native feed's
 * "id", the article's, certo_catalog_update_get_identity()) updates the
 * file or URL source with that id, wherever that was read from, and
 * records @file as its location; a built-in source with that id is then
 * replaced (certo_source_get_replaced_by()). Content without one is the
 * source keyed by @file's URI. Either way importing the same content
 * again keeps the ids of what did not change, and the differences are
 * written to the change history.
 *
 * A file that cannot be read or parsed never reaches the store, and an
 * import that would withdraw more than half of the documents of the
 * source it replaces is refused (unless @flags accepts it): the catalog
 * then stays exactly as it was. Finish with
 * certo_catalog_import_file_finish().
 */
void
certo_catalog_import_file_full_async (CertoCatalog        *self,
                                      GFile               *file,
                                      CertoImportFlags     flags,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  ImportRequest *request;
  GTask *task;
  GTask *parse;

  g_return_if_fail (CERTO_IS_CATALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, certo_catalog_import_file_full_async);

  request = g_new0 (ImportRequest, 1);
  request->file = g_object_ref (file);
  request->max_size = self->max_source_size;
  request->flags = flags;

  /* No source object: see builtin_hash_cb() */
  parse = g_task_new (NULL, cancellable, file_parsed_cb, task);
  g_task_set_source_tag (parse, parse_file_thread);
  g_task_set_task_data (parse, request, import_request_free);
  g_task_run_in_thread (parse, parse_file_thread);
  g_object_unref (parse);
}

/**
 * certo_catalog_import_file_finish:
 * @self: a #CertoCatalog
 * @result: the result given to the callback
 * @error: return location for a #CertoParseError (the file is unusable;
 *   the message names it and says why) or a #CertoStoreError
 *   (%CERTO_STORE_ERROR_WOULD_WITHDRAW from the shrink guard)
 *
 * Finishes certo_catalog_import_file_async() and
 * certo_catalog_import_file_full_async().
 *
 * Returns: (transfer full) (nullable): what was imported, with the
 *   parser's warnings about entries skipped or trimmed; %NULL on error
 */
CertoImportResult *
certo_catalog_import_file_finish (CertoCatalog  *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == certo_catalog_import_file_full_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * certo_catalog_remove_source_async:
 * @self: a #CertoCatalog
 * @source: a source of this catalog; certo_source_is_removable() must be %TRUE
 * @cancellable: (nullable): a #GCancellable
 * @callback: called in the caller's thread-default main context
 * @user_data: data for @callback
 *
 * Removes @source and everything imported from it, then reloads the models.
 */
void
certo_catalog_remove_source_async (CertoCatalog        *self,
                                   CertoSource         *source,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (CERTO_IS_CATALOG (self));
  g_return_if_fail (CERTO_IS_SOURCE (source));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, certo_catalog_remove_source_async);
  certo_store_remove_source_async (self->store, source->id, cancellable, source_removed_cb, task);
}

/**
 * certo_catalog_remove_source_finish:
 * @self: a #CertoCatalog
 * @result: the result given to the callback
 * @error: return location for a #CertoStoreError
 *   (%CERTO_STORE_ERROR_NOT_REMOVABLE for a built-in source)
 *
 * Returns: %TRUE when the source was removed
 */
gboolean
certo_catalog_remove_source_finish (CertoCatalog  *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == certo_catalog_remove_source_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * certo_catalog_reload_async:
 * @self: a #CertoCatalog
 * @cancellable: (nullable): a #GCancellable
 * @callback: called in the caller's thread-default main context
 * @user_data: data for @callback
 *
 * Loads the whole catalog again (on the store's worker thread) and
 * replaces the models' content, one items-changed per model: how changes
 * written to the store (a sync, a rename) reach the models.
 */
void
certo_catalog_reload_async (CertoCatalog        *self,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_return_if_fail (CERTO_IS_CATALOG (self));

  catalog_reload_async (self, cancellable, callback, user_data);
}

/**
 * certo_catalog_reload_finish:
 * @self: a #CertoCatalog
 * @result: the result given to the callback
 * @error: return location for a #CertoStoreError
 *
 * Returns: %TRUE when the models show the database's content
 */
gboolean
certo_catalog_reload_finish (CertoCatalog  *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  return catalog_reload_finish (self, result, error);
}
