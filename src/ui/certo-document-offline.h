/* certo-document-offline.h — a document's offline copy in its details:
 * save, attach, progress, open, delete
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "certo.h"

G_BEGIN_DECLS

#define CERTO_TYPE_DOCUMENT_OFFLINE (certo_document_offline_get_type ())

G_DECLARE_FINAL_TYPE (CertoDocumentOffline, certo_document_offline, CERTO, DOCUMENT_OFFLINE, AdwBin)

CertoOffline  *certo_document_offline_get_offline  (CertoDocumentOffline *self);
void           certo_document_offline_set_offline  (CertoDocumentOffline *self,
                                                    CertoOffline         *offline);
CertoDocument *certo_document_offline_get_document (CertoDocumentOffline *self);
void           certo_document_offline_set_document (CertoDocumentOffline *self,
                                                    CertoDocument        *document);
const char    *certo_document_offline_get_state    (CertoDocumentOffline *self);
void           certo_document_offline_save         (CertoDocumentOffline *self);

void           certo_offline_save_documents        (GtkWidget            *widget,
                                                    CertoOffline         *offline,
                                                    GListModel           *documents,
                                                    const char           *what);
void           certo_offline_choose_attachment     (GtkWidget            *widget,
                                                    CertoOffline         *offline,
                                                    CertoDocument        *document);

G_END_DECLS
