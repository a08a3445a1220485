/* certo-audit-dialog.h — add or edit an audit of the certification cycle
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "certo.h"

G_BEGIN_DECLS

#define CERTO_TYPE_AUDIT_DIALOG (certo_audit_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CertoAuditDialog, certo_audit_dialog, CERTO, AUDIT_DIALOG, AdwWindow)

CertoAuditDialog *certo_audit_dialog_new   (GtkWindow        *parent,
                                            CertoWorkspace   *workspace,
                                            CertoAudit       *audit,
                                            CertoAuditKind    kind,
                                            const char       *planned_date);
CertoAudit       *certo_audit_dialog_apply (CertoAuditDialog *self,
                                            GError          **error);

G_END_DECLS
