/* certo-workspace-watch.h — one "changed" signal for any change to a workspace
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "certo.h"

G_BEGIN_DECLS

#define CERTO_TYPE_WORKSPACE_WATCH (certo_workspace_watch_get_type ())

G_DECLARE_FINAL_TYPE (CertoWorkspaceWatch, certo_workspace_watch, CERTO, WORKSPACE_WATCH, GObject)

CertoWorkspaceWatch *certo_workspace_watch_new           (void);
CertoWorkspace      *certo_workspace_watch_get_workspace (CertoWorkspaceWatch *self);
void                 certo_workspace_watch_set_workspace (CertoWorkspaceWatch *self,
                                                          CertoWorkspace      *workspace);

G_END_DECLS
