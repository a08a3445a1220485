/* certo-requirement.h — one control, enhancement or clause requirement of
 * a control catalog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* CertoRequirement: one control, enhancement or clause requirement; what a
 * workspace tracks. Immutable.
 * Read-only properties: "id", "label", "title", "group-id", "parent-id",
 * "is-annex-a", "is-new", "is-withdrawn" */

#define CERTO_TYPE_REQUIREMENT (certo_requirement_get_type ())

G_DECLARE_FINAL_TYPE (CertoRequirement, certo_requirement, CERTO, REQUIREMENT, GObject)

const char *certo_requirement_get_id           (CertoRequirement *self);
const char *certo_requirement_get_label        (CertoRequirement *self);
const char *certo_requirement_get_title        (CertoRequirement *self);
const char *certo_requirement_get_group_id     (CertoRequirement *self);
const char *certo_requirement_get_parent_id    (CertoRequirement *self);
gboolean    certo_requirement_get_is_annex_a   (CertoRequirement *self);
gboolean    certo_requirement_get_is_new       (CertoRequirement *self);
gboolean    certo_requirement_get_is_withdrawn (CertoRequirement *self);

G_END_DECLS
