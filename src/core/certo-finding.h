/* certo-finding.h — an audit finding and its corrective action
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "certo-workspace-item.h"
#include "certo-workspace-types.h"

G_BEGIN_DECLS

#define CERTO_TYPE_FINDING (certo_finding_get_type ())

G_DECLARE_FINAL_TYPE (CertoFinding, certo_finding, CERTO, FINDING, CertoWorkspaceItem)

CertoFindingKind    certo_finding_get_kind               (CertoFinding *self);
gint64              certo_finding_get_audit_id           (CertoFinding *self);
const char         *certo_finding_get_reference          (CertoFinding *self);
const char         *certo_finding_get_description        (CertoFinding *self);
const char * const *certo_finding_get_requirement_keys   (CertoFinding *self);
const char         *certo_finding_get_corrective_action  (CertoFinding *self);
const char         *certo_finding_get_due_date           (CertoFinding *self);
const char         *certo_finding_get_closed_date        (CertoFinding *self);
gboolean            certo_finding_is_open                (CertoFinding *self);
gboolean            certo_finding_is_nonconformity       (CertoFinding *self);

void                certo_finding_set_kind               (CertoFinding     *self,
                                                          CertoFindingKind  kind);
void                certo_finding_set_audit_id           (CertoFinding     *self,
                                                          gint64            audit_id);
void                certo_finding_set_reference          (CertoFinding     *self,
                                                          const char       *reference);
void                certo_finding_set_description        (CertoFinding     *self,
                                                          const char       *description);
gboolean            certo_finding_set_requirement_keys   (CertoFinding       *self,
                                                          const char * const *keys,
                                                          GError            **error);
void                certo_finding_set_corrective_action  (CertoFinding     *self,
                                                          const char       *action);
gboolean            certo_finding_set_due_date           (CertoFinding     *self,
                                                          const char       *date,
                                                          GError          **error);
gboolean            certo_finding_set_closed_date        (CertoFinding     *self,
                                                          const char       *date,
                                                          GError          **error);

G_END_DECLS
