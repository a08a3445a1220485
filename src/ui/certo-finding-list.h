/* certo-finding-list.h — audit findings and their corrective actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "certo.h"

G_BEGIN_DECLS

#define CERTO_TYPE_FINDING_LIST (certo_finding_list_get_type ())

G_DECLARE_FINAL_TYPE (CertoFindingList, certo_finding_list, CERTO, FINDING_LIST, AdwBin)

CertoWorkspace *certo_finding_list_get_workspace (CertoFindingList *self);
void            certo_finding_list_set_workspace (CertoFindingList *self,
                                                  CertoWorkspace   *workspace);
guint           certo_finding_list_get_n_open    (CertoFindingList *self);

G_END_DECLS
