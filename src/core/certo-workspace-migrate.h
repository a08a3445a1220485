/* certo-workspace-migrate.h — an ISO/IEC 27001:2022 workspace from a 2013 one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "certo-workspace.h"

G_BEGIN_DECLS

/**
 * CertoMigrationDecisionKind:
 * @CERTO_MIGRATION_NEW_CONTROL: a control new in 2022 (no 2013 source):
 *   applicability and status must be decided
 * @CERTO_MIGRATION_STATUS_DIFFERS: several 2013 controls merged into this
 *   one and their statuses differ; the lowest was kept
 * @CERTO_MIGRATION_APPLICABILITY_DIFFERS: merged 2013 controls disagree
 *   on applicability; it was kept applicable
 * @CERTO_MIGRATION_NEW_CLAUSE: a clause requirement new in 2022 (6.3)
 * @CERTO_MIGRATION_SPLIT_CLAUSE: a 2022 sub-clause (9.2.1, 9.3.2) that
 *   took its values from the 2013 clause it was split from
 * @CERTO_MIGRATION_AUDIT_DIFFERS: merged 2013 controls had different
 *   internal-audit results; the most conservative was kept
 *   (non-compliant, then partially compliant, then compliant, then not
 *   assessed)
 * @CERTO_MIGRATION_TYPE_DIFFERS: merged 2013 controls had different
 *   control types or obligations; left unreviewed (never guessed)
 * @CERTO_MIGRATION_OPEN_FINDING: an open nonconformity of the 2013
 *   workspace, carried and relinked: check it against the 2022 control
 *
 * Why a requirement of the new workspace needs a person's decision.
 */
typedef enum
{
  CERTO_MIGRATION_NEW_CONTROL,
  CERTO_MIGRATION_STATUS_DIFFERS,
  CERTO_MIGRATION_APPLICABILITY_DIFFERS,
  CERTO_MIGRATION_NEW_CLAUSE,
  CERTO_MIGRATION_SPLIT_CLAUSE,
  CERTO_MIGRATION_AUDIT_DIFFERS,
  CERTO_MIGRATION_TYPE_DIFFERS,
  CERTO_MIGRATION_OPEN_FINDING,
} CertoMigrationDecisionKind;

const char *certo_migration_decision_kind_to_nick (CertoMigrationDecisionKind kind);

/**
 * CertoMigrationDecision:
 * @kind: why a decision is needed
 * @key: the 2022 requirement's key
 * @label: its number as people write it ("A.5.14")
 * @title: its title
 * @sources: (array zero-terminated=1): the 2013 requirements it came from
 *   ("A.13.2.1", …), empty for a new one
 * @message: a sentence for people saying what to decide
 */
typedef struct
{
  CertoMigrationDecisionKind kind;
  char  *key;
  char  *label;
  char  *title;
  char **sources;
  char  *message;
} CertoMigrationDecision;

/**
 * CertoMigrationReport:
 * @n_requirements: requirements in the new workspace
 * @n_carried: requirements that received values from 2013 ones
 * @n_evidence: evidence items carried (each linked to every target)
 * @n_audits: audits carried
 * @n_findings: findings carried (relinked to the 2022 requirements)
 * @decisions: (element-type CertoMigrationDecision): what needs a decision,
 *   in the 2022 order
 *
 * What a migration did.
 */
typedef struct
{
  guint      n_requirements;
  guint      n_carried;
  guint      n_evidence;
  guint      n_audits;
  guint      n_findings;
  GPtrArray *decisions;
} CertoMigrationReport;

void                  certo_migration_report_free    (CertoMigrationReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CertoMigrationReport, certo_migration_report_free)

void                  certo_workspace_migrate_async  (CertoWorkspace            *source,
                                                      CertoWorkspace            *target,
                                                      GFile                     *file,
                                                      CertoWorkspaceCreateFlags  flags,
                                                      GCancellable              *cancellable,
                                                      GAsyncReadyCallback        callback,
                                                      gpointer                   user_data);
CertoMigrationReport *certo_workspace_migrate_finish (CertoWorkspace            *target,
                                                      GAsyncResult              *result,
                                                      GError                   **error);

G_END_DECLS
