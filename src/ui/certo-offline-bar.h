/* certo-offline-bar.h — "Offline — showing data from …" above a page's
 * content while the computer is offline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "certo.h"

G_BEGIN_DECLS

#define CERTO_TYPE_OFFLINE_BAR (certo_offline_bar_get_type ())

G_DECLARE_FINAL_TYPE (CertoOfflineBar, certo_offline_bar, CERTO, OFFLINE_BAR, AdwBin)

CertoSync  *certo_offline_bar_get_sync  (CertoOfflineBar *self);
void        certo_offline_bar_set_sync  (CertoOfflineBar *self,
                                         CertoSync       *sync);
const char *certo_offline_bar_get_text  (CertoOfflineBar *self);

G_END_DECLS
