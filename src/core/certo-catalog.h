/* certo-catalog.h — the catalog as list models, and questions about it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "certo-change.h"
#include "certo-document.h"
#include "certo-environment.h"
#include "certo-family.h"
#include "certo-service.h"
#include "certo-source.h"
#include "certo-standard.h"
#include "certo-store.h"

G_BEGIN_DECLS

/**
 * CertoImportResult:
 * @source_id: the row id of the source imported into
 * @n_documents: documents the source now has
 * @n_services: in-scope services the source now has
 * @warnings: (element-type utf8): one line per entry skipped or trimmed
 *
 * What an import did, for the user.
 */
typedef struct
{
  gint64     source_id;
  guint      n_documents;
  guint      n_services;
  GPtrArray *warnings;
} CertoImportResult;

void certo_import_result_free (CertoImportResult *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CertoImportResult, certo_import_result_free)

/**
 * CertoImportFlags:
 * @CERTO_IMPORT_FLAGS_NONE: the safe default
 * @CERTO_IMPORT_ACCEPT_REMOVALS: import even when the new content would
 *   withdraw more than half of the source's documents (the shrink guard,
 *   %CERTO_STORE_ERROR_WOULD_WITHDRAW); only when the user confirmed it
 *
 * How an import or a sync treats the content it replaces.
 */
typedef enum
{
  CERTO_IMPORT_FLAGS_NONE = 0,
  CERTO_IMPORT_ACCEPT_REMOVALS = 1 << 0,
} CertoImportFlags;

#define CERTO_TYPE_CATALOG (certo_catalog_get_type ())

G_DECLARE_FINAL_TYPE (CertoCatalog, certo_catalog, CERTO, CATALOG, GObject)

/* Properties: "store" (CertoStore, construct-only), "loaded" (gboolean),
 * "max-source-size" (guint, bytes: bind the "max-source-size" setting) */

CertoCatalog      *certo_catalog_new                        (CertoStore          *store);
CertoStore        *certo_catalog_get_store                  (CertoCatalog        *self);
gboolean           certo_catalog_get_loaded                 (CertoCatalog        *self);
guint              certo_catalog_get_max_source_size        (CertoCatalog        *self);
void               certo_catalog_set_max_source_size        (CertoCatalog        *self,
                                                             guint                max_size);

void               certo_catalog_load_async                 (CertoCatalog        *self,
                                                             GCancellable        *cancellable,
                                                             GAsyncReadyCallback  callback,
                                                             gpointer             user_data);
gboolean           certo_catalog_load_finish                (CertoCatalog        *self,
                                                             GAsyncResult        *result,
                                                             GError             **error);

void               certo_catalog_import_file_async          (CertoCatalog        *self,
                                                             GFile               *file,
                                                             GCancellable        *cancellable,
                                                             GAsyncReadyCallback  callback,
                                                             gpointer             user_data);
void               certo_catalog_import_file_full_async     (CertoCatalog        *self,
                                                             GFile               *file,
                                                             CertoImportFlags     flags,
                                                             GCancellable        *cancellable,
                                                             GAsyncReadyCallback  callback,
                                                             gpointer             user_data);
CertoImportResult *certo_catalog_import_file_finish         (CertoCatalog        *self,
                                                             GAsyncResult        *result,
                                                             GError             **error);

void               certo_catalog_remove_source_async        (CertoCatalog        *self,
                                                             CertoSource         *source,
                                                             GCancellable        *cancellable,
                                                             GAsyncReadyCallback  callback,
                                                             gpointer             user_data);
gboolean           certo_catalog_remove_source_finish       (CertoCatalog        *self,
                                                             GAsyncResult        *result,
                                                             GError             **error);

GListModel        *certo_catalog_get_sources                (CertoCatalog        *self);
GListModel        *certo_catalog_get_standards              (CertoCatalog        *self);
GListModel        *certo_catalog_get_families               (CertoCatalog        *self);
GListModel        *certo_catalog_get_services               (CertoCatalog        *self);
GListModel        *certo_catalog_get_documents              (CertoCatalog        *self);
GListModel        *certo_catalog_get_environments           (CertoCatalog        *self);
GListModel        *certo_catalog_get_changes                (CertoCatalog        *self);

void               certo_catalog_reload_async               (CertoCatalog        *self,
                                                             GCancellable        *cancellable,
                                                             GAsyncReadyCallback  callback,
                                                             gpointer             user_data);
gboolean           certo_catalog_reload_finish              (CertoCatalog        *self,
                                                             GAsyncResult        *result,
                                                             GError             **error);

CertoSource       *certo_catalog_find_source                (CertoCatalog        *self,
                                                             gint64               id);
CertoStandard     *certo_catalog_find_standard              (CertoCatalog        *self,
                                                             gint64               id);
CertoFamily       *certo_catalog_find_family                (CertoCatalog        *self,
                                                             gint64               id);
CertoService      *certo_catalog_find_service               (CertoCatalog        *self,
                                                             gint64               id);
CertoDocument     *certo_catalog_find_document              (CertoCatalog        *self,
                                                             gint64               id);
CertoEnvironment  *certo_catalog_find_environment           (CertoCatalog        *self,
                                                             gint64               id);
GObject           *certo_catalog_find_by_key                (CertoCatalog        *self,
                                                             const char          *key);

GListModel        *certo_catalog_list_documents_for_service (CertoCatalog        *self,
                                                             CertoService        *service);
GListModel        *certo_catalog_list_services_for_document (CertoCatalog        *self,
                                                             CertoDocument       *document);
GListModel        *certo_catalog_list_families_for_service  (CertoCatalog        *self,
                                                             CertoService        *service);
GListModel        *certo_catalog_list_standards_for_document (CertoCatalog       *self,
                                                             CertoDocument       *document);
GListModel        *certo_catalog_search_documents           (CertoCatalog        *self,
                                                             const char          *text);
GListModel        *certo_catalog_search_services            (CertoCatalog        *self,
                                                             const char          *text);
GListModel        *certo_catalog_search_environments        (CertoCatalog        *self,
                                                             const char          *text);

G_END_DECLS
