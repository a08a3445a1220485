/* certo-document-details.h — every field of one document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "certo.h"

G_BEGIN_DECLS

#define CERTO_TYPE_DOCUMENT_DETAILS (certo_document_details_get_type ())

G_DECLARE_FINAL_TYPE (CertoDocumentDetails, certo_document_details, CERTO, DOCUMENT_DETAILS, AdwBin)

CertoCatalog  *certo_document_details_get_catalog  (CertoDocumentDetails *self);
void           certo_document_details_set_catalog  (CertoDocumentDetails *self,
                                                    CertoCatalog         *catalog);
void           certo_document_details_set_offline  (CertoDocumentDetails *self,
                                                    CertoOffline         *offline);
CertoDocument *certo_document_details_get_document (CertoDocumentDetails *self);
void           certo_document_details_set_document (CertoDocumentDetails *self,
                                                    CertoDocument        *document);
gboolean       certo_document_details_copy_link    (CertoDocumentDetails *self);
gboolean       certo_document_details_focus_first  (CertoDocumentDetails *self);

void           certo_label_make_unfocusable        (GtkLabel             *label);

char          *certo_format_date                   (const char           *iso8601);

G_END_DECLS
