/* certo-application.h — the application: owns the store and the catalog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "certo.h"

G_BEGIN_DECLS

#define CERTO_TYPE_APPLICATION (certo_application_get_type ())

G_DECLARE_FINAL_TYPE (CertoApplication, certo_application, CERTO, APPLICATION, AdwApplication)

CertoApplication *certo_application_new            (void);
CertoCatalog     *certo_application_get_catalog    (CertoApplication *self);
CertoSync        *certo_application_get_sync       (CertoApplication *self);
CertoOffline     *certo_application_get_offline    (CertoApplication *self);
GSettings        *certo_application_get_settings   (CertoApplication *self);
gint64            certo_application_get_start_time (CertoApplication *self);
void              certo_application_load_catalog   (CertoApplication *self);

G_END_DECLS
