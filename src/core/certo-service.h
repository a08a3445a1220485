/* certo-service.h — an in-scope cloud service
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "certo-localized.h"

G_BEGIN_DECLS

#define CERTO_TYPE_SERVICE (certo_service_get_type ())

G_DECLARE_FINAL_TYPE (CertoService, certo_service, CERTO, SERVICE, GObject)

/* Read-only properties: "id", "key", "name" (user's language), "url",
 * "families-label", "n-documents" (guint) */

gint64              certo_service_get_id              (CertoService *self);
const char         *certo_service_get_key             (CertoService *self);
gint64              certo_service_get_source_id       (CertoService *self);
CertoLocalized     *certo_service_get_name_localized  (CertoService *self);
const char         *certo_service_get_name            (CertoService *self);
const char         *certo_service_get_url             (CertoService *self);
const gint64       *certo_service_get_family_ids      (CertoService *self,
                                                       guint        *n_ids);
const char         *certo_service_get_families_label  (CertoService *self);
guint               certo_service_get_n_documents     (CertoService *self);
const char         *certo_service_get_search_text     (CertoService *self);

G_END_DECLS
