/* certo-offline-document.h — a document saved for offline reading
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "certo-localized.h"

G_BEGIN_DECLS

#define CERTO_TYPE_OFFLINE_DOCUMENT (certo_offline_document_get_type ())

G_DECLARE_FINAL_TYPE (CertoOfflineDocument, certo_offline_document, CERTO, OFFLINE_DOCUMENT, GObject)

/* Read-only properties: "id", "document-id", "title", "path" (absolute),
 * "file-name", "size", "sha256", "content-type", "source-url",
 * "attached", "added" */

gint64          certo_offline_document_get_id               (CertoOfflineDocument *self);
gint64          certo_offline_document_get_document_id      (CertoOfflineDocument *self);
gint64          certo_offline_document_get_source_id        (CertoOfflineDocument *self);
const char     *certo_offline_document_get_document_key     (CertoOfflineDocument *self);
const char     *certo_offline_document_get_title            (CertoOfflineDocument *self);
CertoLocalized *certo_offline_document_get_title_localized  (CertoOfflineDocument *self);
const char     *certo_offline_document_get_file_name        (CertoOfflineDocument *self);
const char     *certo_offline_document_get_path             (CertoOfflineDocument *self);
GFile          *certo_offline_document_get_file             (CertoOfflineDocument *self);
guint64         certo_offline_document_get_size             (CertoOfflineDocument *self);
const char     *certo_offline_document_get_sha256           (CertoOfflineDocument *self);
const char     *certo_offline_document_get_content_type     (CertoOfflineDocument *self);
const char     *certo_offline_document_get_source_url       (CertoOfflineDocument *self);
gboolean        certo_offline_document_get_attached         (CertoOfflineDocument *self);
const char     *certo_offline_document_get_added            (CertoOfflineDocument *self);
const char     *certo_offline_document_get_etag             (CertoOfflineDocument *self);
const char     *certo_offline_document_get_last_modified    (CertoOfflineDocument *self);

G_END_DECLS
