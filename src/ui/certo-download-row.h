/* certo-download-row.h — one download of the Downloads page's queue
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "certo.h"

G_BEGIN_DECLS

#define CERTO_TYPE_DOWNLOAD_ROW (certo_download_row_get_type ())

G_DECLARE_FINAL_TYPE (CertoDownloadRow, certo_download_row, CERTO, DOWNLOAD_ROW, GtkListBoxRow)

GtkWidget       *certo_download_row_new     (CertoOfflineJob  *job,
                                             CertoOffline     *offline);
CertoOfflineJob *certo_download_row_get_job (CertoDownloadRow *self);

G_END_DECLS
