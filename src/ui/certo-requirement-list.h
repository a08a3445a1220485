/* certo-requirement-list.h — the Statement of Applicability as a table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "certo.h"

G_BEGIN_DECLS

/**
 * CertoRequirementScope:
 * @CERTO_REQUIREMENT_SCOPE_ALL: every requirement
 * @CERTO_REQUIREMENT_SCOPE_CLAUSES: clauses 4–10 only
 * @CERTO_REQUIREMENT_SCOPE_ANNEX_A: Annex A controls only
 *
 * The first entries of the list's "Show" menu; the clauses and themes
 * of the workspace follow them.
 */
typedef enum
{
  CERTO_REQUIREMENT_SCOPE_ALL,
  CERTO_REQUIREMENT_SCOPE_CLAUSES,
  CERTO_REQUIREMENT_SCOPE_ANNEX_A,
} CertoRequirementScope;

#define CERTO_TYPE_REQUIREMENT_LIST (certo_requirement_list_get_type ())

G_DECLARE_FINAL_TYPE (CertoRequirementList, certo_requirement_list, CERTO, REQUIREMENT_LIST, AdwBin)

CertoWorkspace        *certo_requirement_list_get_workspace  (CertoRequirementList  *self);
void                   certo_requirement_list_set_workspace  (CertoRequirementList  *self,
                                                              CertoWorkspace        *workspace);
CertoRequirementState *certo_requirement_list_get_selected   (CertoRequirementList  *self);
void                   certo_requirement_list_select         (CertoRequirementList  *self,
                                                              CertoRequirementState *requirement);
GListModel            *certo_requirement_list_get_model      (CertoRequirementList  *self);
void                   certo_requirement_list_focus_selected (CertoRequirementList  *self);
void                   certo_requirement_list_set_scope      (CertoRequirementList  *self,
                                                              CertoRequirementScope  scope);
void                   certo_requirement_list_set_group      (CertoRequirementList  *self,
                                                              const char            *group_key);
void                   certo_requirement_list_set_needs_attention (CertoRequirementList *self,
                                                              gboolean               needs_attention);
void                   certo_requirement_list_begin_search   (CertoRequirementList  *self);
void                   certo_requirement_list_set_compact    (CertoRequirementList  *self,
                                                              gboolean               compact);

G_END_DECLS
