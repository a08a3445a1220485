/* certo-sync.h — keeping sources up to date: fetch, parse off the main
 * thread, diff, one transaction; document checks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "certo-catalog.h"
#include "certo-change.h"
#include "certo-client.h"

G_BEGIN_DECLS

/**
 * CERTO_SYNC_DEFAULT_INTERVAL:
 *
 * How old a source may get before certo_sync_refresh_stale_async()
 * refreshes it: one day, in seconds (the default of the refresh setting).
 */
#define CERTO_SYNC_DEFAULT_INTERVAL ((gint64) 24 * 60 * 60)

#define CERTO_TYPE_SYNC (certo_sync_get_type ())

G_DECLARE_FINAL_TYPE (CertoSync, certo_sync, CERTO, SYNC, GObject)

/* Properties: "catalog", "client" (construct-only), "busy" (gboolean).
 * Signals: "source-started" (gint64 id), "source-progress" (gint64 id,
 * guint64 received, gint64 total), "source-finished" (gint64 id,
 * CertoSyncSummary *nullable, GError *nullable), "check-progress"
 * (guint done, guint total). */

CertoSync        *certo_sync_new                     (CertoCatalog        *catalog,
                                                      CertoClient         *client);
CertoCatalog     *certo_sync_get_catalog             (CertoSync           *self);
CertoClient      *certo_sync_get_client              (CertoSync           *self);
gboolean          certo_sync_get_busy                (CertoSync           *self);
gboolean          certo_sync_is_running              (CertoSync           *self,
                                                      gint64               source_id);

char             *certo_sync_normalize_location      (const char          *location,
                                                      CertoSourceKind     *out_kind,
                                                      char               **out_display,
                                                      GError             **error);

void              certo_sync_add_source_async        (CertoSync           *self,
                                                      const char          *location,
                                                      const char          *name,
                                                      CertoSourceFormat    format,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
CertoSource      *certo_sync_add_source_finish       (CertoSync           *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);

void              certo_sync_rename_source_async     (CertoSync           *self,
                                                      CertoSource         *source,
                                                      const char          *name,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
gboolean          certo_sync_rename_source_finish    (CertoSync           *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);

void              certo_sync_refresh_async           (CertoSync           *self,
                                                      CertoSource         *source,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
void              certo_sync_refresh_full_async      (CertoSync           *self,
                                                      CertoSource         *source,
                                                      CertoImportFlags     flags,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
CertoSyncSummary *certo_sync_refresh_finish          (CertoSync           *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);

void              certo_sync_refresh_stale_async     (CertoSync           *self,
                                                      gint64               interval,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
GPtrArray        *certo_sync_refresh_stale_finish    (CertoSync           *self,
                                                      GAsyncResult        *result,
                                                      guint               *out_n_failed,
                                                      GError             **error);

void              certo_sync_check_documents_async   (CertoSync           *self,
                                                      CertoSource         *source,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
CertoSyncSummary *certo_sync_check_documents_finish  (CertoSync           *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);

G_END_DECLS
