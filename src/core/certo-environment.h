/* certo-environment.h — a cloud environment with its own in-scope services
 * ("Commercial", "GCC", "GCC High", "DoD" for Office 365)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "certo-localized.h"

G_BEGIN_DECLS

#define CERTO_TYPE_ENVIRONMENT (certo_environment_get_type ())

G_DECLARE_FINAL_TYPE (CertoEnvironment, certo_environment, CERTO, ENVIRONMENT, GObject)

/* Read-only properties: "id", "key", "name", "family-name" */

gint64              certo_environment_get_id              (CertoEnvironment *self);
const char         *certo_environment_get_key             (CertoEnvironment *self);
gint64              certo_environment_get_source_id       (CertoEnvironment *self);
CertoLocalized     *certo_environment_get_name_localized  (CertoEnvironment *self);
const char         *certo_environment_get_name            (CertoEnvironment *self);
gint64              certo_environment_get_family_id       (CertoEnvironment *self);
const char         *certo_environment_get_family_name     (CertoEnvironment *self);
const char * const *certo_environment_get_service_names   (CertoEnvironment *self);

G_END_DECLS
