/* certo-window.h — the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "certo.h"

G_BEGIN_DECLS

#define CERTO_TYPE_WINDOW (certo_window_get_type ())

G_DECLARE_FINAL_TYPE (CertoWindow, certo_window, CERTO, WINDOW, AdwApplicationWindow)

CertoWindow  *certo_window_new         (AdwApplication *application,
                                        CertoCatalog   *catalog,
                                        GSettings      *settings);
CertoCatalog *certo_window_get_catalog (CertoWindow    *self);
void          certo_window_load        (CertoWindow    *self);
void          certo_window_set_load_result (CertoWindow  *self,
                                        const GError   *error);
void          certo_window_import_file (CertoWindow    *self,
                                        GFile          *file);
gboolean      certo_window_is_importing (CertoWindow   *self);

G_END_DECLS
