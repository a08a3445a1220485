/* certo-store.h — the catalog database (SQLite, one worker thread)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "certo-article-text.h"
#include "certo-catalog-update.h"
#include "certo-change.h"
#include "certo-source.h"

G_BEGIN_DECLS

#define CERTO_STORE_ERROR (certo_store_error_quark ())

/**
 * CertoStoreError:
 * @CERTO_STORE_ERROR_FAILED: any other SQLite failure (the message has SQLite's)
 * @CERTO_STORE_ERROR_CANNOT_OPEN: the file or its folder cannot be created or opened
 * @CERTO_STORE_ERROR_CORRUPT: the file is not a database or is damaged
 * @CERTO_STORE_ERROR_NEWER_SCHEMA: written by a newer Certo; refused, left untouched
 * @CERTO_STORE_ERROR_FULL: the disk is full
 * @CERTO_STORE_ERROR_READ_ONLY: the file cannot be written
 * @CERTO_STORE_ERROR_BUSY: another program holds the database locked
 * @CERTO_STORE_ERROR_NOT_FOUND: no row with that id
 * @CERTO_STORE_ERROR_CLOSED: the store was closed
 * @CERTO_STORE_ERROR_NOT_REMOVABLE: the source is built into Certo and
 *   cannot be removed
 * @CERTO_STORE_ERROR_EXISTS: a source with that address, or with that
 *   content (the same feed id), is already in the catalog
 * @CERTO_STORE_ERROR_WOULD_WITHDRAW: the new content of a source would
 *   withdraw more than half of its documents (and at least
 *   %CERTO_STORE_SHRINK_MIN): refused unless the caller accepts removals
 */
typedef enum
{
  CERTO_STORE_ERROR_FAILED,
  CERTO_STORE_ERROR_CANNOT_OPEN,
  CERTO_STORE_ERROR_CORRUPT,
  CERTO_STORE_ERROR_NEWER_SCHEMA,
  CERTO_STORE_ERROR_FULL,
  CERTO_STORE_ERROR_READ_ONLY,
  CERTO_STORE_ERROR_BUSY,
  CERTO_STORE_ERROR_NOT_FOUND,
  CERTO_STORE_ERROR_CLOSED,
  CERTO_STORE_ERROR_NOT_REMOVABLE,
  CERTO_STORE_ERROR_EXISTS,
  CERTO_STORE_ERROR_WOULD_WITHDRAW,
} CertoStoreError;

/* The shrink guard: an import that would withdraw more than half of a
 * source's documents, and at least this many, is refused unless
 * #CertoSourceSpec.accept_removals is set */
#define CERTO_STORE_SHRINK_MIN 5

/**
 * CertoSourceSpec:
 * @key: identifies the source across imports: "builtin:microsoft-iso27001",
 *   "file:///home/…/offering.md", "https://…"; importing the same key again
 *   replaces that source's rows and keeps their ids
 * @kind: builtin, file or URL
 * @format: the format the content was parsed as
 * @name: (nullable): the name shown; %NULL keeps the name stored before,
 *   if any; a source with no name shows the update's title in the user's
 *   language (then its feed id, then @key)
 * @location: (nullable): path or URL the content was read from
 * @content_hash: (nullable): SHA-256 of the bytes imported, so a caller can
 *   skip an import of unchanged content
 * @accept_removals: import even when the update would withdraw more than
 *   half of the source's documents (%CERTO_STORE_ERROR_WOULD_WITHDRAW);
 *   %FALSE, the safe default, for anything the user did not confirm
 *
 * Describes the source an update is imported into.
 *
 * A file or URL import whose update has an identity
 * (certo_catalog_update_get_identity()) goes into the file or URL source
 * with the same feed id, if there is one, whatever its key: that source's
 * rows are replaced (ids kept for unchanged keys, the differences written
 * as history) and its location, kind and (when no other source has it)
 * key become @location, @kind and @key. A built-in source with that feed
 * id is then replaced: see certo_source_get_replaced_by().
 */
typedef struct
{
  const char        *key;
  CertoSourceKind    kind;
  CertoSourceFormat  format;
  const char        *name;
  const char        *location;
  const char        *content_hash;
  gboolean           accept_removals;
} CertoSourceSpec;

/**
 * CertoCatalogSnapshot:
 * @sources: (element-type CertoSource)
 * @standards: (element-type CertoStandard)
 * @families: (element-type CertoFamily)
 * @services: (element-type CertoService)
 * @documents: (element-type CertoDocument)
 * @environments: (element-type CertoEnvironment)
 * @changes: (element-type CertoChange): the recent history, newest first
 *   (the last 90 days, at most 2000 entries)
 *
 * Everything in the catalog database, as objects built on the worker thread
 * and handed over whole, except the rows of a built-in source that a
 * user source replaces (certo_source_get_replaced_by(); the source itself
 * is listed); each array is sorted for display (sources and
 * families by name, services by name, documents by family, kind and title,
 * all in the user's language). Cross references (a document's family name,
 * a service's families and document count) are already resolved.
 */
typedef struct
{
  GPtrArray *sources;
  GPtrArray *standards;
  GPtrArray *families;
  GPtrArray *services;
  GPtrArray *documents;
  GPtrArray *environments;
  GPtrArray *changes;
} CertoCatalogSnapshot;

void certo_catalog_snapshot_free (CertoCatalogSnapshot *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CertoCatalogSnapshot, certo_catalog_snapshot_free)

#define CERTO_TYPE_STORE (certo_store_get_type ())

G_DECLARE_FINAL_TYPE (CertoStore, certo_store, CERTO, STORE, GObject)

GQuark                certo_store_error_quark            (void);

CertoStore           *certo_store_new                    (const char          *path);
const char           *certo_store_get_path               (CertoStore          *self);

void                  certo_store_open_async             (CertoStore          *self,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
gboolean              certo_store_open_finish            (CertoStore          *self,
                                                          GAsyncResult        *result,
                                                          GError             **error);

void                  certo_store_import_async           (CertoStore          *self,
                                                          const CertoSourceSpec *spec,
                                                          CertoCatalogUpdate  *update,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
gint64                certo_store_import_finish          (CertoStore          *self,
                                                          GAsyncResult        *result,
                                                          GError             **error);

void                  certo_store_get_source_hash_async  (CertoStore          *self,
                                                          const char          *key,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
char                 *certo_store_get_source_hash_finish (CertoStore          *self,
                                                          GAsyncResult        *result,
                                                          gboolean            *out_exists,
                                                          GError             **error);

void                  certo_store_remove_source_async    (CertoStore          *self,
                                                          gint64               source_id,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
gboolean              certo_store_remove_source_finish   (CertoStore          *self,
                                                          GAsyncResult        *result,
                                                          GError             **error);

void                  certo_store_add_source_async       (CertoStore          *self,
                                                          const CertoSourceSpec *spec,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
gint64                certo_store_add_source_finish      (CertoStore          *self,
                                                          GAsyncResult        *result,
                                                          GError             **error);

void                  certo_store_rename_source_async    (CertoStore          *self,
                                                          gint64               source_id,
                                                          const char          *name,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
gboolean              certo_store_rename_source_finish   (CertoStore          *self,
                                                          GAsyncResult        *result,
                                                          GError             **error);

void                  certo_store_get_source_text_async  (CertoStore          *self,
                                                          gint64               source_id,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
CertoArticleText     *certo_store_get_source_text_finish (CertoStore          *self,
                                                          GAsyncResult        *result,
                                                          GError             **error);

void                  certo_store_load_async             (CertoStore          *self,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
CertoCatalogSnapshot *certo_store_load_finish            (CertoStore          *self,
                                                          GAsyncResult        *result,
                                                          GError             **error);

void                  certo_store_close                  (CertoStore          *self);

G_END_DECLS
