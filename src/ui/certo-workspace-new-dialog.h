/* certo-workspace-new-dialog.h — organisation, scope and framework of a new workspace
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "certo.h"

G_BEGIN_DECLS

#define CERTO_TYPE_WORKSPACE_NEW_DIALOG (certo_workspace_new_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CertoWorkspaceNewDialog, certo_workspace_new_dialog, CERTO, WORKSPACE_NEW_DIALOG, AdwWindow)

CertoWorkspaceNewDialog *certo_workspace_new_dialog_new (GtkWindow  *parent,
                                                         const char *data_dir);

G_END_DECLS
