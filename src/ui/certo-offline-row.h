/* certo-offline-row.h — one document saved for offline reading, in the
 * Downloads page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "certo.h"

G_BEGIN_DECLS

#define CERTO_TYPE_OFFLINE_ROW (certo_offline_row_get_type ())

G_DECLARE_FINAL_TYPE (CertoOfflineRow, certo_offline_row, CERTO, OFFLINE_ROW, GtkListBoxRow)

GtkWidget            *certo_offline_row_new          (CertoOfflineDocument *document,
                                                      CertoOffline         *offline);
CertoOfflineDocument *certo_offline_row_get_document (CertoOfflineRow      *self);

G_END_DECLS
