/* certo-framework.h — control sets (OSCAL catalogs): the ISO/IEC 27001
 * editions Certo bundles, catalogs the user imports, the 2013→2022 mapping
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Errors
 *
 * Bytes that cannot be read as JSON at all (too large, empty, binary, not
 * UTF-8, nested too deep, a JSON syntax error) fail with CERTO_PARSE_ERROR,
 * as every other source does (certo-parse.h). JSON that is not a usable
 * OSCAL catalog, an unknown framework id and a failed import fail with
 * CERTO_FRAMEWORK_ERROR.
 */
#define CERTO_FRAMEWORK_ERROR (certo_framework_error_quark ())

/**
 * CertoFrameworkError:
 * @CERTO_FRAMEWORK_ERROR_NOT_FOUND: no builtin or imported framework has that id
 * @CERTO_FRAMEWORK_ERROR_NOT_OSCAL: valid JSON, but not an OSCAL catalog
 *   (no "catalog" object, or a catalog without "metadata"/"title")
 * @CERTO_FRAMEWORK_ERROR_EMPTY: an OSCAL catalog with no usable control
 * @CERTO_FRAMEWORK_ERROR_TOO_MANY: more groups or controls than
 *   %CERTO_FRAMEWORK_MAX_ITEMS
 * @CERTO_FRAMEWORK_ERROR_IO: an imported catalog could not be saved or listed
 *
 * Errors of the frameworks component.
 */
typedef enum
{
  CERTO_FRAMEWORK_ERROR_NOT_FOUND,
  CERTO_FRAMEWORK_ERROR_NOT_OSCAL,
  CERTO_FRAMEWORK_ERROR_EMPTY,
  CERTO_FRAMEWORK_ERROR_TOO_MANY,
  CERTO_FRAMEWORK_ERROR_IO,
} CertoFrameworkError;

/* The most groups plus controls one catalog may hold. NIST SP 800-53 rev 5
 * (every control and enhancement) has about 1,200. */
#define CERTO_FRAMEWORK_MAX_ITEMS 50000

/* Ids of the builtin frameworks (resources/frameworks/<id>.json) */
#define CERTO_FRAMEWORK_ISO27001_2022 "iso27001-2022"
#define CERTO_FRAMEWORK_ISO27001_2013 "iso27001-2013"

/* The "source" of a framework bundled with Certo */
#define CERTO_FRAMEWORK_SOURCE_BUILTIN "builtin"

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

/* CertoFramework: one catalog. Immutable once loaded.
 * Read-only properties: "id", "title", "version", "oscal-version",
 * "last-modified", "uuid", "source", "groups", "requirements" */

#define CERTO_TYPE_FRAMEWORK (certo_framework_get_type ())

G_DECLARE_FINAL_TYPE (CertoFramework, certo_framework, CERTO, FRAMEWORK, GObject)

GQuark                certo_framework_error_quark            (void);

const char * const   *certo_framework_list_builtin           (void);
CertoFramework       *certo_framework_load_builtin           (const char     *id,
                                                              GError        **error);
CertoFramework       *certo_framework_new_from_oscal         (GBytes         *bytes,
                                                              const char     *name,
                                                              GError        **error);
CertoFramework       *certo_framework_new_from_file          (GFile          *file,
                                                              GCancellable   *cancellable,
                                                              GError        **error);

/* Imported catalogs: <data dir>/frameworks/<id>.json */
char                 *certo_framework_dup_user_dir           (const char     *data_dir);
CertoFramework       *certo_framework_import_file            (GFile          *file,
                                                              const char     *data_dir,
                                                              char          **out_path,
                                                              GCancellable   *cancellable,
                                                              GError        **error);
GPtrArray            *certo_framework_list_all               (const char     *data_dir,
                                                              GPtrArray     **out_warnings);
CertoFramework       *certo_framework_load                   (const char     *id,
                                                              const char     *data_dir,
                                                              GError        **error);

const char           *certo_framework_get_id                 (CertoFramework *self);
const char           *certo_framework_get_title              (CertoFramework *self);
const char           *certo_framework_get_version            (CertoFramework *self);
const char           *certo_framework_get_oscal_version      (CertoFramework *self);
const char           *certo_framework_get_last_modified      (CertoFramework *self);
const char           *certo_framework_get_uuid               (CertoFramework *self);
const char           *certo_framework_get_source             (CertoFramework *self);
gboolean              certo_framework_is_builtin             (CertoFramework *self);
GListModel           *certo_framework_get_groups             (CertoFramework *self);
GListModel           *certo_framework_get_requirements       (CertoFramework *self);
const char * const   *certo_framework_get_warnings           (CertoFramework *self);

CertoRequirement     *certo_framework_lookup_requirement     (CertoFramework *self,
                                                              const char     *id);
CertoRequirement     *certo_framework_lookup_label           (CertoFramework *self,
                                                              const char     *label,
                                                              gboolean        annex_a);
CertoFrameworkGroup  *certo_framework_lookup_group           (CertoFramework *self,
                                                              const char     *id);
guint                 certo_framework_count_requirements     (CertoFramework *self,
                                                              const char     *group_id);

/* The ISO/IEC 27001:2013 → 2022 mapping (ISO/IEC 27002:2022 Annex B) */
char                **certo_framework_map_2013_to_2022       (const char     *label_2013);
char                **certo_framework_map_2022_to_2013       (const char     *label_2022);

G_END_DECLS
