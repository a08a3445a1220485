/* certo-downloads-view.h — the Downloads page: the download queue, the
 * documents saved for offline reading, the disk they use
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "certo.h"

G_BEGIN_DECLS

#define CERTO_TYPE_DOWNLOADS_VIEW (certo_downloads_view_get_type ())

G_DECLARE_FINAL_TYPE (CertoDownloadsView, certo_downloads_view, CERTO, DOWNLOADS_VIEW, AdwBin)

void          certo_downloads_view_set_sources   (CertoDownloadsView *self,
                                                  CertoSync          *sync,
                                                  CertoOffline       *offline);
CertoOffline *certo_downloads_view_get_offline   (CertoDownloadsView *self);
const char   *certo_downloads_view_get_usage     (CertoDownloadsView *self);

G_END_DECLS
