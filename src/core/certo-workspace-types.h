/* certo-workspace-types.h — the values a certification workspace records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * CertoApplicability:
 * @CERTO_APPLICABILITY_UNREVIEWED: no decision yet; counted as applicable
 *   for readiness, so an undecided control never raises the score
 * @CERTO_APPLICABILITY_APPLICABLE: included in the Statement of Applicability
 * @CERTO_APPLICABILITY_EXCLUDED: excluded; needs a justification
 *
 * Whether a requirement applies (ISO/IEC 27001:2022 clause 6.1.3 d: the
 * SoA lists every Annex A control, whether it is included and why, and the
 * justification of each exclusion). Clauses 4–10 are always applicable.
 */
typedef enum
{
  CERTO_APPLICABILITY_UNREVIEWED,
  CERTO_APPLICABILITY_APPLICABLE,
  CERTO_APPLICABILITY_EXCLUDED,
} CertoApplicability;

/**
 * CertoInclusionReasons:
 * @CERTO_INCLUSION_NONE: no reason given
 * @CERTO_INCLUSION_LEGAL: a legal or regulatory requirement
 * @CERTO_INCLUSION_CONTRACTUAL: a contractual obligation
 * @CERTO_INCLUSION_BUSINESS: a business requirement
 * @CERTO_INCLUSION_RISK_TREATMENT: the risk treatment plan (clause 6.1.3)
 * @CERTO_INCLUSION_BEST_PRACTICE: good practice
 *
 * Why an applicable control is included (clause 6.1.3 d); a set.
 */
typedef enum /*< flags >*/
{
  CERTO_INCLUSION_NONE           = 0,
  CERTO_INCLUSION_LEGAL          = 1 << 0,
  CERTO_INCLUSION_CONTRACTUAL    = 1 << 1,
  CERTO_INCLUSION_BUSINESS       = 1 << 2,
  CERTO_INCLUSION_RISK_TREATMENT = 1 << 3,
  CERTO_INCLUSION_BEST_PRACTICE  = 1 << 4,
} CertoInclusionReasons;

/**
 * CertoImplementationStatus:
 * @CERTO_STATUS_NOT_STARTED: nothing done yet
 * @CERTO_STATUS_PLANNED: planned
 * @CERTO_STATUS_IN_PROGRESS: being implemented
 * @CERTO_STATUS_IMPLEMENTED: implemented
 *
 * Implementation status, in order of progress (a migration that merges
 * several statuses keeps the lowest).
 */
typedef enum
{
  CERTO_STATUS_NOT_STARTED,
  CERTO_STATUS_PLANNED,
  CERTO_STATUS_IN_PROGRESS,
  CERTO_STATUS_IMPLEMENTED,
} CertoImplementationStatus;

/**
 * CertoAuditResult:
 * @CERTO_AUDIT_RESULT_NOT_ASSESSED: not audited yet
 * @CERTO_AUDIT_RESULT_COMPLIANT: found compliant
 * @CERTO_AUDIT_RESULT_PARTIALLY_COMPLIANT: partly compliant
 * @CERTO_AUDIT_RESULT_NON_COMPLIANT: a nonconformity
 *
 * The latest internal-audit result (clause 9.2).
 */
typedef enum
{
  CERTO_AUDIT_RESULT_NOT_ASSESSED,
  CERTO_AUDIT_RESULT_COMPLIANT,
  CERTO_AUDIT_RESULT_PARTIALLY_COMPLIANT,
  CERTO_AUDIT_RESULT_NON_COMPLIANT,
} CertoAuditResult;

/**
 * CertoControlType:
 * @CERTO_CONTROL_TYPE_UNREVIEWED: not reviewed: scores no points and is
 *   counted as unreviewed (never guessed)
 * @CERTO_CONTROL_TYPE_PREVENTIVE: prevents an incident
 * @CERTO_CONTROL_TYPE_DETECTIVE: detects one
 * @CERTO_CONTROL_TYPE_CORRECTIVE: corrects one
 *
 * The control type of the points score, as in Microsoft Compliance
 * Manager (ISO/IEC 27002:2022 also tags controls preventive, detective,
 * corrective).
 */
typedef enum
{
  CERTO_CONTROL_TYPE_UNREVIEWED,
  CERTO_CONTROL_TYPE_PREVENTIVE,
  CERTO_CONTROL_TYPE_DETECTIVE,
  CERTO_CONTROL_TYPE_CORRECTIVE,
} CertoControlType;

/**
 * CertoObligation:
 * @CERTO_OBLIGATION_UNREVIEWED: not reviewed: scores no points
 * @CERTO_OBLIGATION_MANDATORY: must be done
 * @CERTO_OBLIGATION_DISCRETIONARY: left to the organisation's judgement
 *
 * Whether a requirement is mandatory, for the points score.
 */
typedef enum
{
  CERTO_OBLIGATION_UNREVIEWED,
  CERTO_OBLIGATION_MANDATORY,
  CERTO_OBLIGATION_DISCRETIONARY,
} CertoObligation;

/**
 * CertoEvidenceKind:
 * @CERTO_EVIDENCE_FILE: a file stored inside the workspace
 * @CERTO_EVIDENCE_LINK: a link (http or https)
 * @CERTO_EVIDENCE_LIBRARY: a Library document, snapshotted
 *
 * What an evidence item is.
 */
typedef enum
{
  CERTO_EVIDENCE_FILE,
  CERTO_EVIDENCE_LINK,
  CERTO_EVIDENCE_LIBRARY,
} CertoEvidenceKind;

/**
 * CertoAuditKind:
 * @CERTO_AUDIT_INTERNAL: an internal audit (clause 9.2)
 * @CERTO_AUDIT_MANAGEMENT_REVIEW: a management review (clause 9.3)
 * @CERTO_AUDIT_STAGE_1: initial certification, stage 1 (ISO/IEC 17021-1 9.3.1.2)
 * @CERTO_AUDIT_STAGE_2: initial certification, stage 2 (ISO/IEC 17021-1 9.3.1.3)
 * @CERTO_AUDIT_SURVEILLANCE_1: first surveillance audit, within 12 months
 *   of the certification decision (ISO/IEC 17021-1 9.6.2.2)
 * @CERTO_AUDIT_SURVEILLANCE_2: second surveillance audit, in the second year
 * @CERTO_AUDIT_RECERTIFICATION: recertification audit, before the
 *   certificate expires (ISO/IEC 17021-1 9.6.3)
 *
 * The events of a certification cycle.
 */
typedef enum
{
  CERTO_AUDIT_INTERNAL,
  CERTO_AUDIT_MANAGEMENT_REVIEW,
  CERTO_AUDIT_STAGE_1,
  CERTO_AUDIT_STAGE_2,
  CERTO_AUDIT_SURVEILLANCE_1,
  CERTO_AUDIT_SURVEILLANCE_2,
  CERTO_AUDIT_RECERTIFICATION,
} CertoAuditKind;

/**
 * CertoFindingKind:
 * @CERTO_FINDING_MAJOR_NONCONFORMITY: a major nonconformity
 * @CERTO_FINDING_MINOR_NONCONFORMITY: a minor nonconformity
 * @CERTO_FINDING_OBSERVATION: an observation
 * @CERTO_FINDING_OPPORTUNITY: an opportunity for improvement
 *
 * The grade of an audit finding (ISO/IEC 17021-1 9.4.5).
 */
typedef enum
{
  CERTO_FINDING_MAJOR_NONCONFORMITY,
  CERTO_FINDING_MINOR_NONCONFORMITY,
  CERTO_FINDING_OBSERVATION,
  CERTO_FINDING_OPPORTUNITY,
} CertoFindingKind;

#define CERTO_TYPE_APPLICABILITY          (certo_applicability_get_type ())
#define CERTO_TYPE_INCLUSION_REASONS      (certo_inclusion_reasons_get_type ())
#define CERTO_TYPE_IMPLEMENTATION_STATUS  (certo_implementation_status_get_type ())
#define CERTO_TYPE_AUDIT_RESULT           (certo_audit_result_get_type ())
#define CERTO_TYPE_CONTROL_TYPE           (certo_control_type_get_type ())
#define CERTO_TYPE_OBLIGATION             (certo_obligation_get_type ())
#define CERTO_TYPE_EVIDENCE_KIND          (certo_evidence_kind_get_type ())
#define CERTO_TYPE_AUDIT_KIND             (certo_audit_kind_get_type ())
#define CERTO_TYPE_FINDING_KIND           (certo_finding_kind_get_type ())

GType       certo_applicability_get_type          (void) G_GNUC_CONST;
GType       certo_inclusion_reasons_get_type      (void) G_GNUC_CONST;
GType       certo_implementation_status_get_type  (void) G_GNUC_CONST;
GType       certo_audit_result_get_type           (void) G_GNUC_CONST;
GType       certo_control_type_get_type           (void) G_GNUC_CONST;
GType       certo_obligation_get_type             (void) G_GNUC_CONST;
GType       certo_evidence_kind_get_type          (void) G_GNUC_CONST;
GType       certo_audit_kind_get_type             (void) G_GNUC_CONST;
GType       certo_finding_kind_get_type           (void) G_GNUC_CONST;

const char *certo_enum_to_nick                    (GType        enum_type,
                                                   int          value);
gboolean    certo_enum_from_nick                  (GType        enum_type,
                                                   const char  *nick,
                                                   int         *out_value);
const char *certo_enum_to_label                   (GType        enum_type,
                                                   int          value);
char       *certo_inclusion_reasons_to_string     (CertoInclusionReasons reasons);
gboolean    certo_inclusion_reasons_from_string   (const char  *text,
                                                   CertoInclusionReasons *out_reasons);
char       *certo_inclusion_reasons_to_label      (CertoInclusionReasons reasons);

gboolean    certo_iso_date_parse                  (const char  *text,
                                                   GDate       *out_date);
gboolean    certo_iso_date_is_valid               (const char  *text);
char       *certo_iso_date_format                 (const GDate *date);
char       *certo_iso_date_add_months             (const char  *text,
                                                   int          months);
int         certo_iso_date_compare                (const char  *a,
                                                   const char  *b);
char       *certo_iso_date_today                  (void);
char       *certo_iso_timestamp_now               (void);

G_END_DECLS
