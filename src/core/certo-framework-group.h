/* certo-framework-group.h — a heading of a control catalog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * CertoFrameworkGroupKind:
 * @CERTO_FRAMEWORK_GROUP_OTHER: any other OSCAL group class
 * @CERTO_FRAMEWORK_GROUP_CLAUSE: a management-system clause (ISO/IEC 27001
 *   clauses 4–10) or one of its sub-clauses that has sub-clauses ("6.1")
 * @CERTO_FRAMEWORK_GROUP_THEME: an Annex A theme of ISO/IEC 27001:2022
 *   ("5" Organizational controls)
 * @CERTO_FRAMEWORK_GROUP_DOMAIN: an Annex A domain of ISO/IEC 27001:2013
 *   ("A.5" Information security policies)
 * @CERTO_FRAMEWORK_GROUP_OBJECTIVE: a control objective of ISO/IEC
 *   27001:2013 Annex A ("A.5.1")
 * @CERTO_FRAMEWORK_GROUP_FAMILY: a control family (NIST SP 800-53 "AC")
 *
 * What a group is, from its OSCAL `class` ("clause", "theme", "domain",
 * "objective", "family"; anything else is @CERTO_FRAMEWORK_GROUP_OTHER).
 */
typedef enum
{
  CERTO_FRAMEWORK_GROUP_OTHER,
  CERTO_FRAMEWORK_GROUP_CLAUSE,
  CERTO_FRAMEWORK_GROUP_THEME,
  CERTO_FRAMEWORK_GROUP_DOMAIN,
  CERTO_FRAMEWORK_GROUP_OBJECTIVE,
  CERTO_FRAMEWORK_GROUP_FAMILY,
} CertoFrameworkGroupKind;

#define CERTO_TYPE_FRAMEWORK_GROUP_KIND (certo_framework_group_kind_get_type ())
GType certo_framework_group_kind_get_type (void) G_GNUC_CONST;

/* CertoFrameworkGroup: a heading of a catalog. Immutable.
 * Read-only properties: "id", "label", "title", "kind", "parent-id", "depth" */

#define CERTO_TYPE_FRAMEWORK_GROUP (certo_framework_group_get_type ())

G_DECLARE_FINAL_TYPE (CertoFrameworkGroup, certo_framework_group, CERTO, FRAMEWORK_GROUP, GObject)

const char              *certo_framework_group_get_id        (CertoFrameworkGroup *self);
const char              *certo_framework_group_get_label     (CertoFrameworkGroup *self);
const char              *certo_framework_group_get_title     (CertoFrameworkGroup *self);
CertoFrameworkGroupKind  certo_framework_group_get_kind      (CertoFrameworkGroup *self);
const char              *certo_framework_group_get_parent_id (CertoFrameworkGroup *self);
guint                    certo_framework_group_get_depth     (CertoFrameworkGroup *self);

G_END_DECLS
