/* certo-workspace-overview.h — readiness, points, and what is due
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "certo.h"

G_BEGIN_DECLS

#define CERTO_TYPE_WORKSPACE_OVERVIEW (certo_workspace_overview_get_type ())

G_DECLARE_FINAL_TYPE (CertoWorkspaceOverview, certo_workspace_overview, CERTO, WORKSPACE_OVERVIEW, AdwBin)

CertoWorkspace *certo_workspace_overview_get_workspace      (CertoWorkspaceOverview *self);
void            certo_workspace_overview_set_workspace      (CertoWorkspaceOverview *self,
                                                             CertoWorkspace         *workspace);
void            certo_workspace_overview_refresh            (CertoWorkspaceOverview *self);
const char     *certo_workspace_overview_get_readiness_text (CertoWorkspaceOverview *self);

G_END_DECLS
