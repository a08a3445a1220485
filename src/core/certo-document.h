/* certo-document.h — a provider document: certificate, report, SoA, …
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "certo-document-kind.h"
#include "certo-localized.h"

G_BEGIN_DECLS

#define CERTO_TYPE_DOCUMENT (certo_document_get_type ())

G_DECLARE_FINAL_TYPE (CertoDocument, certo_document, CERTO, DOCUMENT, GObject)

/*
 * Read-only properties (for GtkExpression lookups in list templates):
 * "id" (gint64), "key", "kind" (CertoDocumentKind as int), "kind-label",
 * "title" (in the user's language), "family-name", "standards-label",
 * "issuer", "certificate-number", "issued", "expires", "url"; with sync:
 * "withdrawn", "updated" (the "Updated" badge, see certo_document_is_updated()).
 */

gint64                certo_document_get_id                 (CertoDocument *self);
const char           *certo_document_get_key                (CertoDocument *self);
gint64                certo_document_get_source_id          (CertoDocument *self);
CertoDocumentKind     certo_document_get_kind               (CertoDocument *self);
const char           *certo_document_get_kind_label         (CertoDocument *self);
CertoLocalized       *certo_document_get_title_localized    (CertoDocument *self);
const char           *certo_document_get_title              (CertoDocument *self);
gint64                certo_document_get_family_id          (CertoDocument *self);
const char           *certo_document_get_family_name        (CertoDocument *self);
const gint64         *certo_document_get_standard_ids       (CertoDocument *self,
                                                             guint         *n_ids);
const char           *certo_document_get_standards_label    (CertoDocument *self);
const gint64         *certo_document_get_service_ids        (CertoDocument *self,
                                                             guint         *n_ids);
const char * const   *certo_document_get_service_names      (CertoDocument *self);
const char           *certo_document_get_issuer             (CertoDocument *self);
const char           *certo_document_get_certificate_number (CertoDocument *self);
const char           *certo_document_get_issued             (CertoDocument *self);
const char           *certo_document_get_expires            (CertoDocument *self);
const char * const   *certo_document_get_urls               (CertoDocument *self);
const char           *certo_document_get_url                (CertoDocument *self);
const char           *certo_document_get_language           (CertoDocument *self);
const char           *certo_document_get_search_text        (CertoDocument *self);
char                 *certo_document_dup_verify_url         (CertoDocument *self);
gboolean              certo_document_get_withdrawn          (CertoDocument *self);
const char           *certo_document_get_withdrawn_at       (CertoDocument *self);
const char           *certo_document_get_updated_at         (CertoDocument *self);
gboolean              certo_document_is_updated             (CertoDocument *self);
const char           *certo_document_get_checked            (CertoDocument *self);
const char           *certo_document_get_remote_content_type (CertoDocument *self);
gint64                certo_document_get_remote_size        (CertoDocument *self);

G_END_DECLS
