/* certo-workspace-score.h — readiness, points, and what is due
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "certo-workspace.h"

G_BEGIN_DECLS

/**
 * CertoScoreGroup:
 * @key: (nullable): the group's key ("a5", "c9"); %NULL for the overall line
 * @label: (nullable): its number ("5", "A.13", "9")
 * @title: (nullable): its title
 * @is_annex_a: whether it is an Annex A theme or domain (its number is
 *   then written "A.5")
 * @n_requirements: requirements in the group
 * @n_applicable: applicable ones (undecided ones count as applicable)
 * @n_excluded: excluded ones (not counted in readiness)
 * @n_undecided: Annex A controls whose applicability is not decided yet
 * @n_implemented: applicable ones that are implemented
 * @readiness: @n_implemented ÷ @n_applicable, from 0 to 1 (0 when nothing
 *   applies)
 * @points_earned: points of applicable, reviewed requirements that are
 *   implemented and not found non-compliant
 * @points_possible: points of applicable, reviewed requirements
 * @n_unreviewed: applicable requirements whose control type or obligation
 *   is not reviewed: they score nothing, and are counted here instead of
 *   guessed
 *
 * One line of the score: a clause, an Annex A theme (2022) or domain
 * (2013), or the whole workspace.
 */
typedef struct
{
  char  *key;
  char  *label;
  char  *title;
  gboolean is_annex_a;
  guint  n_requirements;
  guint  n_applicable;
  guint  n_excluded;
  guint  n_undecided;
  guint  n_implemented;
  double readiness;
  guint  points_earned;
  guint  points_possible;
  guint  n_unreviewed;
} CertoScoreGroup;

/**
 * CertoScore:
 * @overall: the whole workspace
 * @clauses: clauses 4–10 together (management system requirements)
 * @annex_a: Annex A together
 * @groups: (element-type CertoScoreGroup): per top group, in the
 *   framework's order
 *
 * Scores computed from requirement states.
 */
typedef struct
{
  CertoScoreGroup  overall;
  CertoScoreGroup  clauses;
  CertoScoreGroup  annex_a;
  GPtrArray       *groups;
} CertoScore;

void        certo_score_free               (CertoScore            *score);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CertoScore, certo_score_free)

guint       certo_score_points_for         (CertoControlType       type,
                                            CertoObligation        obligation);
gboolean    certo_score_earns_points       (CertoRequirementState *requirement);
CertoScore *certo_score_compute            (GListModel            *requirements);

/**
 * CertoScheduledAudit:
 * @kind: which audit
 * @due_date: (nullable): the latest date it may take place (`YYYY-MM-DD`);
 *   %NULL when the cycle does not fix one
 * @planned_date: (nullable): when it is planned, from the workspace's audits
 * @performed_date: (nullable): when it took place
 * @overdue: not performed and past @due_date
 * @rule: (nullable): where the date comes from, for people
 *
 * One audit of the certification cycle, with its deadline.
 */
typedef struct
{
  CertoAuditKind  kind;
  char           *due_date;
  char           *planned_date;
  char           *performed_date;
  gboolean        overdue;
  char           *rule;
} CertoScheduledAudit;

void        certo_scheduled_audit_free     (CertoScheduledAudit   *audit);

GPtrArray  *certo_workspace_compute_audit_schedule     (CertoWorkspace *self,
                                                        const char     *today);
GPtrArray  *certo_workspace_list_overdue_requirements  (CertoWorkspace *self,
                                                        const char     *today);
GPtrArray  *certo_workspace_list_overdue_findings      (CertoWorkspace *self,
                                                        const char     *today);
GPtrArray  *certo_workspace_list_open_findings         (CertoWorkspace *self);
GPtrArray  *certo_workspace_list_expiring_evidence     (CertoWorkspace *self,
                                                        const char     *today,
                                                        guint           days);
guint       certo_workspace_count_soa_issues           (CertoWorkspace *self,
                                                        CertoSoaIssues  issues);

G_END_DECLS
