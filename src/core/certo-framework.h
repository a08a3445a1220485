/* certo-framework.h — control sets (OSCAL catalogs): the ISO/IEC 27001
 * editions Certo bundles, catalogs the user imports, the 2013→2022 mapping
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "certo-framework-group.h"
#include "certo-requirement.h"

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
