/* certo-audit-list.h — the certificate, the audit cycle, and the audits
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "certo.h"

G_BEGIN_DECLS

#define CERTO_TYPE_AUDIT_LIST (certo_audit_list_get_type ())

G_DECLARE_FINAL_TYPE (CertoAuditList, certo_audit_list, CERTO, AUDIT_LIST, AdwBin)

CertoWorkspace *certo_audit_list_get_workspace (CertoAuditList *self);
void            certo_audit_list_set_workspace (CertoAuditList *self,
                                                CertoWorkspace *workspace);
void            certo_audit_list_commit        (CertoAuditList *self);

G_END_DECLS
