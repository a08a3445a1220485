/* certo-standard.h — a standard a document refers to ("ISO/IEC 27001:2013")
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CERTO_TYPE_STANDARD (certo_standard_get_type ())

G_DECLARE_FINAL_TYPE (CertoStandard, certo_standard, CERTO, STANDARD, GObject)

/* Read-only properties: "id", "key", "name", "url" */

gint64              certo_standard_get_id               (CertoStandard *self);
const char         *certo_standard_get_key              (CertoStandard *self);
gint64              certo_standard_get_source_id        (CertoStandard *self);
const char         *certo_standard_get_name             (CertoStandard *self);
const char         *certo_standard_get_url              (CertoStandard *self);
gboolean            certo_standard_is_iso27001_2013     (CertoStandard *self);

G_END_DECLS
