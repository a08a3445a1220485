/* certo-oscal-private.h — the OSCAL catalog reader and the constructors it
 * uses; the frameworks component only (certo-framework*.c,
 * certo-requirement.c, certo-oscal.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "certo-framework.h"

G_BEGIN_DECLS

/* The OSCAL namespace: a prop with this "ns", or none, is an OSCAL prop */
#define CERTO_OSCAL_NS "http://csrc.nist.gov/ns/oscal"

/* Certo's own props in the bundled catalogs ("new-in-edition") */
#define CERTO_OSCAL_CERTO_NS "https://certo.github.io/ns/oscal"

/* The most warnings one catalog keeps; the rest are counted in a last line */
#define CERTO_OSCAL_MAX_WARNINGS 100

/* certo-oscal.c */
CertoFramework      *certo_oscal_parse_catalog        (GBytes              *bytes,
                                                       const char          *name,
                                                       GError             **error);

/* certo-framework-group.c, certo-requirement.c, certo-framework.c:
 * constructors for the reader. Strings are copied; %NULL and "" are kept
 * as %NULL (certo_dup_nonempty()). */
CertoFrameworkGroup *certo_framework_group_new        (const char          *id,
                                                       const char          *label,
                                                       const char          *title,
                                                       CertoFrameworkGroupKind kind,
                                                       const char          *parent_id,
                                                       guint                depth);
CertoRequirement    *certo_requirement_new            (const char          *id,
                                                       const char          *label,
                                                       const char          *title,
                                                       const char          *group_id,
                                                       const char          *parent_id,
                                                       gboolean             is_annex_a,
                                                       gboolean             is_new,
                                                       gboolean             is_withdrawn);

/* Takes @groups and @requirements (arrays of full references, in document
 * order, ids unique) and @warnings (a NULL-terminated array of strings) */
CertoFramework      *certo_framework_new_internal     (const char          *id,
                                                       const char          *title,
                                                       const char          *version,
                                                       const char          *oscal_version,
                                                       const char          *last_modified,
                                                       const char          *uuid,
                                                       const char          *source,
                                                       GPtrArray           *groups,
                                                       GPtrArray           *requirements,
                                                       GStrv                warnings);
gboolean             certo_framework_is_builtin_id    (const char          *id);
void                 certo_framework_set_not_found    (GError             **error,
                                                       const char          *id);
void                 certo_framework_set_origin       (CertoFramework      *self,
                                                       const char          *id,
                                                       const char          *source);

G_END_DECLS
