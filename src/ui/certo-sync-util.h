/* certo-sync-util.h — small helpers the sources, What's New, downloads and
 * reader widgets share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "certo.h"

G_BEGIN_DECLS

char       *certo_format_relative_time      (const char           *iso8601);
char       *certo_format_day                (const char           *iso8601);
const char *certo_source_format_label       (CertoSourceFormat     format);
const char *certo_change_kind_label         (CertoChangeKind       kind);
const char *certo_change_kind_icon_name     (CertoChangeKind       kind);
const char *certo_language_name             (const char           *tag);
char       *certo_dup_last_refresh          (CertoCatalog         *catalog);
const char *certo_offline_reason            (void);
void        certo_open_offline_document     (GtkWidget            *widget,
                                             CertoOffline         *offline,
                                             CertoOfflineDocument *document);
gboolean    certo_settings_has_key          (GSettings            *settings,
                                             const char           *key);

G_END_DECLS
