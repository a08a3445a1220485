/* certo-requirement-editor.h — a requirement's entry: applicability,
 * implementation, score, evidence, notes and history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "certo.h"

G_BEGIN_DECLS

#define CERTO_TYPE_REQUIREMENT_EDITOR (certo_requirement_editor_get_type ())

G_DECLARE_FINAL_TYPE (CertoRequirementEditor, certo_requirement_editor, CERTO, REQUIREMENT_EDITOR, AdwBin)

CertoWorkspace        *certo_requirement_editor_get_workspace    (CertoRequirementEditor *self);
void                   certo_requirement_editor_set_workspace    (CertoRequirementEditor *self,
                                                                  CertoWorkspace         *workspace);
CertoCatalog          *certo_requirement_editor_get_catalog      (CertoRequirementEditor *self);
void                   certo_requirement_editor_set_catalog      (CertoRequirementEditor *self,
                                                                  CertoCatalog           *catalog);
CertoRequirementState *certo_requirement_editor_get_requirement  (CertoRequirementEditor *self);
void                   certo_requirement_editor_set_requirement  (CertoRequirementEditor *self,
                                                                  CertoRequirementState  *requirement);
void                   certo_requirement_editor_commit           (CertoRequirementEditor *self);
GListModel            *certo_requirement_editor_get_evidence     (CertoRequirementEditor *self);
CertoEvidence         *certo_requirement_editor_add_library_document (CertoRequirementEditor *self,
                                                                  CertoDocument          *document,
                                                                  GError                **error);
CertoEvidence         *certo_requirement_editor_add_link         (CertoRequirementEditor *self,
                                                                  const char             *url,
                                                                  const char             *title,
                                                                  const char             *expiry_date,
                                                                  GError                **error);
void                   certo_requirement_editor_add_file         (CertoRequirementEditor *self,
                                                                  GFile                  *file);
gboolean               certo_requirement_editor_is_adding        (CertoRequirementEditor *self);
void                   certo_requirement_editor_undo_begin       (CertoRequirementEditor *self);
void                   certo_requirement_editor_undo_end         (CertoRequirementEditor *self);
gboolean               certo_requirement_editor_focus_field      (CertoRequirementEditor *self,
                                                                  const char             *field);

G_END_DECLS
