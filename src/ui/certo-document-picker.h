/* certo-document-picker.h — choose a Library document, with a search
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "certo.h"

G_BEGIN_DECLS

#define CERTO_TYPE_DOCUMENT_PICKER (certo_document_picker_get_type ())

G_DECLARE_FINAL_TYPE (CertoDocumentPicker, certo_document_picker, CERTO, DOCUMENT_PICKER, AdwWindow)

CertoDocumentPicker *certo_document_picker_new        (GtkWindow           *parent,
                                                       CertoCatalog        *catalog);
GListModel          *certo_document_picker_get_model  (CertoDocumentPicker *self);

G_END_DECLS
