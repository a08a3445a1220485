/* certo-document-kind.h — kinds of provider documents
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * CertoDocumentKind:
 * @CERTO_DOCUMENT_KIND_OTHER: any kind Certo does not know ("other" in a feed)
 * @CERTO_DOCUMENT_KIND_CERTIFICATE: a certificate issued by a certification body
 *   (ISO/IEC 17021-1), with a certificate number
 * @CERTO_DOCUMENT_KIND_AUDIT_REPORT: an audit assessment report
 * @CERTO_DOCUMENT_KIND_SOA: a Statement of Applicability (ISO/IEC 27001 6.1.3 d)
 * @CERTO_DOCUMENT_KIND_WHITEPAPER: a white paper
 * @CERTO_DOCUMENT_KIND_GUIDE: a guide
 * @CERTO_DOCUMENT_KIND_BACKGROUNDER: an offering backgrounder
 * @CERTO_DOCUMENT_KIND_RESOURCE: any other linked resource
 *
 * What a document is; the feed's `kind` member.
 */
typedef enum
{
  CERTO_DOCUMENT_KIND_OTHER,
  CERTO_DOCUMENT_KIND_CERTIFICATE,
  CERTO_DOCUMENT_KIND_AUDIT_REPORT,
  CERTO_DOCUMENT_KIND_SOA,
  CERTO_DOCUMENT_KIND_WHITEPAPER,
  CERTO_DOCUMENT_KIND_GUIDE,
  CERTO_DOCUMENT_KIND_BACKGROUNDER,
  CERTO_DOCUMENT_KIND_RESOURCE,
} CertoDocumentKind;

#define CERTO_DOCUMENT_KIND_LAST CERTO_DOCUMENT_KIND_RESOURCE

const char        *certo_document_kind_to_string   (CertoDocumentKind  kind);
gboolean           certo_document_kind_from_string (const char        *text,
                                                    CertoDocumentKind *out_kind);
const char        *certo_document_kind_get_label   (CertoDocumentKind  kind);
const char        *certo_document_kind_get_plural_label (CertoDocumentKind kind);

G_END_DECLS
