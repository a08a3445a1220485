/* certo-source.h — where catalog content comes from: the embedded catalog,
 * a file, or a URL
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "certo-localized.h"

G_BEGIN_DECLS

/**
 * CertoSourceKind:
 * @CERTO_SOURCE_KIND_BUILTIN: the catalog embedded in Certo
 * @CERTO_SOURCE_KIND_FILE: a local file the user imported
 * @CERTO_SOURCE_KIND_URL: an http(s) address the user subscribed to
 */
typedef enum
{
  CERTO_SOURCE_KIND_BUILTIN,
  CERTO_SOURCE_KIND_FILE,
  CERTO_SOURCE_KIND_URL,
} CertoSourceKind;

/**
 * CertoSourceFormat:
 * @CERTO_SOURCE_FORMAT_AUTO: detect from the content
 * @CERTO_SOURCE_FORMAT_CATALOG: a native catalog feed (JSON v1)
 * @CERTO_SOURCE_FORMAT_ARTICLE: a compliance-offering article (markdown)
 */
typedef enum
{
  CERTO_SOURCE_FORMAT_AUTO,
  CERTO_SOURCE_FORMAT_CATALOG,
  CERTO_SOURCE_FORMAT_ARTICLE,
} CertoSourceFormat;

#define CERTO_TYPE_SOURCE (certo_source_get_type ())

G_DECLARE_FINAL_TYPE (CertoSource, certo_source, CERTO, SOURCE, GObject)

/* Read-only properties: "id", "key", "name", "location", "content-date",
 * "last-refresh", "last-error"; added: "kind" (CertoSourceKind as int),
 * "publisher", "n-documents", "n-services", "removable"; added with
 * sync: "last-checked", "requested-format" (CertoSourceFormat as int),
 * "n-withdrawn" */

gint64              certo_source_get_id            (CertoSource *self);
const char         *certo_source_get_key           (CertoSource *self);
CertoSourceKind     certo_source_get_kind          (CertoSource *self);
CertoSourceFormat   certo_source_get_format        (CertoSource *self);
const char         *certo_source_get_name          (CertoSource *self);
const char         *certo_source_get_location      (CertoSource *self);
const char         *certo_source_get_publisher     (CertoSource *self);
const char         *certo_source_get_homepage      (CertoSource *self);
const char         *certo_source_get_content_date  (CertoSource *self);
const char         *certo_source_get_last_refresh  (CertoSource *self);
const char         *certo_source_get_last_error    (CertoSource *self);
const char         *certo_source_get_content_hash  (CertoSource *self);
CertoLocalized     *certo_source_get_title_localized (CertoSource *self);
guint               certo_source_get_n_documents   (CertoSource *self);
guint               certo_source_get_n_services    (CertoSource *self);
gboolean            certo_source_is_removable      (CertoSource *self);
const char         *certo_source_get_last_checked  (CertoSource *self);
const char         *certo_source_get_etag          (CertoSource *self);
const char         *certo_source_get_last_modified (CertoSource *self);
const char         *certo_source_get_retry_after   (CertoSource *self);
CertoSourceFormat   certo_source_get_requested_format (CertoSource *self);
guint               certo_source_get_n_withdrawn   (CertoSource *self);
gboolean            certo_source_can_sync          (CertoSource *self);
const char         *certo_source_get_feed_id       (CertoSource *self);
gint64              certo_source_get_replaced_by   (CertoSource *self);

const char         *certo_source_kind_to_string    (CertoSourceKind   kind);
const char         *certo_source_format_to_string  (CertoSourceFormat format);

G_END_DECLS
