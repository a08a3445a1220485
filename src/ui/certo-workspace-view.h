/* certo-workspace-view.h — the Workspace page: sections, table, editor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "certo.h"
#include "certo-audit-list.h"
#include "certo-finding-list.h"
#include "certo-requirement-editor.h"
#include "certo-requirement-list.h"
#include "certo-workspace-overview.h"

G_BEGIN_DECLS

#define CERTO_TYPE_WORKSPACE_VIEW (certo_workspace_view_get_type ())

G_DECLARE_FINAL_TYPE (CertoWorkspaceView, certo_workspace_view, CERTO, WORKSPACE_VIEW, AdwBin)

CertoWorkspace         *certo_workspace_view_get_workspace        (CertoWorkspaceView *self);
void                    certo_workspace_view_set_workspace        (CertoWorkspaceView *self,
                                                                   CertoWorkspace     *workspace);
void                    certo_workspace_view_set_catalog          (CertoWorkspaceView *self,
                                                                   CertoCatalog       *catalog);
void                    certo_workspace_view_set_opening          (CertoWorkspaceView *self,
                                                                   const char         *name);
void                    certo_workspace_view_set_n_recoverable    (CertoWorkspaceView *self,
                                                                   guint               n_recoverable);
void                    certo_workspace_view_set_save_error       (CertoWorkspaceView *self,
                                                                   const GError       *error);
const char             *certo_workspace_view_get_save_text        (CertoWorkspaceView *self);
void                    certo_workspace_view_show_section         (CertoWorkspaceView *self,
                                                                   const char         *section);
const char             *certo_workspace_view_get_section          (CertoWorkspaceView *self);
void                    certo_workspace_view_show_requirement     (CertoWorkspaceView *self,
                                                                   CertoRequirementState *requirement);
void                    certo_workspace_view_begin_search         (CertoWorkspaceView *self);
void                    certo_workspace_view_commit               (CertoWorkspaceView *self);
CertoRequirementList   *certo_workspace_view_get_requirement_list (CertoWorkspaceView *self);
CertoRequirementEditor *certo_workspace_view_get_editor           (CertoWorkspaceView *self);
CertoWorkspaceOverview *certo_workspace_view_get_overview         (CertoWorkspaceView *self);

G_END_DECLS
