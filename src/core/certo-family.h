/* certo-family.h — a provider's product family ("Azure", "Office 365")
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "certo-localized.h"

G_BEGIN_DECLS

#define CERTO_TYPE_FAMILY (certo_family_get_type ())

G_DECLARE_FINAL_TYPE (CertoFamily, certo_family, CERTO, FAMILY, GObject)

/* Read-only properties: "id", "key", "name", "publisher", "n-documents" */

gint64              certo_family_get_id              (CertoFamily *self);
const char         *certo_family_get_key             (CertoFamily *self);
gint64              certo_family_get_source_id       (CertoFamily *self);
CertoLocalized     *certo_family_get_name_localized  (CertoFamily *self);
const char         *certo_family_get_name            (CertoFamily *self);
const char         *certo_family_get_publisher       (CertoFamily *self);
guint               certo_family_get_n_documents     (CertoFamily *self);

G_END_DECLS
