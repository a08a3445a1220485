/* certo-source-row.h — one source in the Sources page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "certo.h"

G_BEGIN_DECLS

#define CERTO_TYPE_SOURCE_ROW (certo_source_row_get_type ())

G_DECLARE_FINAL_TYPE (CertoSourceRow, certo_source_row, CERTO, SOURCE_ROW, GtkListBoxRow)

GtkWidget   *certo_source_row_new            (CertoSource    *source,
                                              CertoCatalog   *catalog);
CertoSource *certo_source_row_get_source     (CertoSourceRow *self);
void         certo_source_row_set_progress   (CertoSourceRow *self,
                                              const char     *text,
                                              double          fraction);
void         certo_source_row_clear_progress (CertoSourceRow *self);
gboolean     certo_source_row_get_busy       (CertoSourceRow *self);
void         certo_source_row_set_refused    (CertoSourceRow *self,
                                              gboolean        refused);
void         certo_source_row_set_online     (CertoSourceRow *self,
                                              gboolean        online);

G_END_DECLS
