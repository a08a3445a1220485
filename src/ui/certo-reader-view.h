/* certo-reader-view.h — the overview and FAQ of a compliance-offering
 * article, read offline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "certo.h"

G_BEGIN_DECLS

#define CERTO_TYPE_READER_VIEW (certo_reader_view_get_type ())

G_DECLARE_FINAL_TYPE (CertoReaderView, certo_reader_view, CERTO, READER_VIEW, AdwBin)

GtkWidget          *certo_reader_view_new           (CertoCatalog    *catalog,
                                                     CertoSource     *source);
const char         *certo_reader_view_get_language  (CertoReaderView *self);
void                certo_reader_view_set_language  (CertoReaderView *self,
                                                     const char      *language);
const char * const *certo_reader_view_get_languages (CertoReaderView *self);
const char         *certo_reader_view_get_text      (CertoReaderView *self);
gboolean            certo_reader_view_get_loaded    (CertoReaderView *self);
GtkWindow          *certo_reader_view_present       (GtkWidget       *parent,
                                                     CertoCatalog    *catalog,
                                                     CertoSource     *source);

G_END_DECLS
