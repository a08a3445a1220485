/* certo-audit.h — an audit or review of the certification cycle
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "certo-workspace-item.h"
#include "certo-workspace-types.h"

G_BEGIN_DECLS

#define CERTO_TYPE_AUDIT (certo_audit_get_type ())

G_DECLARE_FINAL_TYPE (CertoAudit, certo_audit, CERTO, AUDIT, CertoWorkspaceItem)

CertoAuditKind  certo_audit_get_kind            (CertoAudit  *self);
const char     *certo_audit_get_title           (CertoAudit  *self);
const char     *certo_audit_get_planned_date    (CertoAudit  *self);
const char     *certo_audit_get_performed_date  (CertoAudit  *self);
const char     *certo_audit_get_auditor         (CertoAudit  *self);
const char     *certo_audit_get_notes           (CertoAudit  *self);
gboolean        certo_audit_is_done             (CertoAudit  *self);

void            certo_audit_set_kind            (CertoAudit     *self,
                                                 CertoAuditKind  kind);
void            certo_audit_set_title           (CertoAudit     *self,
                                                 const char     *title);
gboolean        certo_audit_set_planned_date    (CertoAudit     *self,
                                                 const char     *date,
                                                 GError        **error);
gboolean        certo_audit_set_performed_date  (CertoAudit     *self,
                                                 const char     *date,
                                                 GError        **error);
void            certo_audit_set_auditor         (CertoAudit     *self,
                                                 const char     *auditor);
void            certo_audit_set_notes           (CertoAudit     *self,
                                                 const char     *notes);

G_END_DECLS
