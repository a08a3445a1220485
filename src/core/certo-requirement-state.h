/* certo-requirement-state.h — what a workspace records about one requirement
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "certo-workspace-item.h"
#include "certo-workspace-types.h"

G_BEGIN_DECLS

/**
 * CertoSoaIssues:
 * @CERTO_SOA_ISSUE_NONE: the SoA entry is complete
 * @CERTO_SOA_ISSUE_UNDECIDED: applicability not decided yet
 * @CERTO_SOA_ISSUE_NO_JUSTIFICATION: excluded without a justification
 * @CERTO_SOA_ISSUE_NO_REASON: included without a reason for inclusion
 *
 * What an Annex A control's Statement of Applicability entry still lacks
 * (ISO/IEC 27001:2022 clause 6.1.3 d asks for the justification of each
 * inclusion and each exclusion). An incomplete entry can be saved; the
 * status and the SoA export mark it.
 */
typedef enum /*< flags >*/
{
  CERTO_SOA_ISSUE_NONE             = 0,
  CERTO_SOA_ISSUE_UNDECIDED        = 1 << 0,
  CERTO_SOA_ISSUE_NO_JUSTIFICATION = 1 << 1,
  CERTO_SOA_ISSUE_NO_REASON        = 1 << 2,
} CertoSoaIssues;

#define CERTO_TYPE_SOA_ISSUES (certo_soa_issues_get_type ())
GType certo_soa_issues_get_type (void) G_GNUC_CONST;

#define CERTO_TYPE_REQUIREMENT_STATE (certo_requirement_state_get_type ())

G_DECLARE_FINAL_TYPE (CertoRequirementState, certo_requirement_state, CERTO, REQUIREMENT_STATE, CertoWorkspaceItem)

CertoRequirementState     *certo_requirement_state_new                      (const char  *key,
                                                                             const char  *label,
                                                                             const char  *title,
                                                                             const char  *group_key,
                                                                             const char  *group_title,
                                                                             gboolean     is_annex_a,
                                                                             gboolean     is_clause);

const char                *certo_requirement_state_get_key                  (CertoRequirementState *self);
const char                *certo_requirement_state_get_label                (CertoRequirementState *self);
const char                *certo_requirement_state_get_display_label        (CertoRequirementState *self);
const char                *certo_requirement_state_get_title                (CertoRequirementState *self);
const char                *certo_requirement_state_get_group_key            (CertoRequirementState *self);
const char                *certo_requirement_state_get_group_label          (CertoRequirementState *self);
const char                *certo_requirement_state_get_group_title          (CertoRequirementState *self);
gboolean                   certo_requirement_state_get_is_annex_a           (CertoRequirementState *self);
gboolean                   certo_requirement_state_get_is_clause            (CertoRequirementState *self);
gboolean                   certo_requirement_state_get_is_new               (CertoRequirementState *self);
guint                      certo_requirement_state_get_position             (CertoRequirementState *self);
guint                      certo_requirement_state_get_n_evidence           (CertoRequirementState *self);

CertoApplicability         certo_requirement_state_get_applicability        (CertoRequirementState *self);
gboolean                   certo_requirement_state_is_applicable            (CertoRequirementState *self);
CertoInclusionReasons      certo_requirement_state_get_inclusion_reasons    (CertoRequirementState *self);
const char                *certo_requirement_state_get_exclusion_justification (CertoRequirementState *self);
CertoImplementationStatus  certo_requirement_state_get_status               (CertoRequirementState *self);
CertoAuditResult           certo_requirement_state_get_audit_result         (CertoRequirementState *self);
CertoControlType           certo_requirement_state_get_control_type         (CertoRequirementState *self);
CertoObligation            certo_requirement_state_get_obligation           (CertoRequirementState *self);
const char                *certo_requirement_state_get_owner                (CertoRequirementState *self);
const char                *certo_requirement_state_get_due_date             (CertoRequirementState *self);
const char                *certo_requirement_state_get_notes                (CertoRequirementState *self);
CertoSoaIssues             certo_requirement_state_get_soa_issues           (CertoRequirementState *self);

gboolean                   certo_requirement_state_set_applicability        (CertoRequirementState *self,
                                                                             CertoApplicability     applicability,
                                                                             GError               **error);
void                       certo_requirement_state_set_inclusion_reasons    (CertoRequirementState *self,
                                                                             CertoInclusionReasons  reasons);
void                       certo_requirement_state_set_exclusion_justification (CertoRequirementState *self,
                                                                             const char            *justification);
void                       certo_requirement_state_set_status               (CertoRequirementState *self,
                                                                             CertoImplementationStatus status);
void                       certo_requirement_state_set_audit_result         (CertoRequirementState *self,
                                                                             CertoAuditResult       result);
void                       certo_requirement_state_set_control_type         (CertoRequirementState *self,
                                                                             CertoControlType       type);
void                       certo_requirement_state_set_obligation           (CertoRequirementState *self,
                                                                             CertoObligation        obligation);
void                       certo_requirement_state_set_owner                (CertoRequirementState *self,
                                                                             const char            *owner);
gboolean                   certo_requirement_state_set_due_date             (CertoRequirementState *self,
                                                                             const char            *date,
                                                                             GError               **error);
void                       certo_requirement_state_set_notes                (CertoRequirementState *self,
                                                                             const char            *notes);

G_END_DECLS
