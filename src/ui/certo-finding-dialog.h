/* certo-finding-dialog.h — add or edit an audit finding
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "certo.h"
#include "certo-requirement-picker.h"

G_BEGIN_DECLS

#define CERTO_TYPE_FINDING_DIALOG (certo_finding_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CertoFindingDialog, certo_finding_dialog, CERTO, FINDING_DIALOG, AdwWindow)

CertoFindingDialog *certo_finding_dialog_new   (GtkWindow          *parent,
                                                CertoWorkspace     *workspace,
                                                CertoFinding       *finding);
CertoFinding       *certo_finding_dialog_apply (CertoFindingDialog *self,
                                                GError            **error);
CertoRequirementPicker *certo_finding_dialog_choose_requirements (CertoFindingDialog *self);

G_END_DECLS
