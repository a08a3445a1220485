/* certo-workspace-score.c — readiness, points, and what is due
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Readiness is implemented ÷ applicable, as exact counts: an excluded
 * control leaves the denominator, an undecided one stays in it (so a
 * workspace cannot look readier by not deciding).
 *
 * The points score follows Microsoft Compliance Manager: a preventive
 * action is worth 27 points when mandatory and 9 when discretionary, a
 * detective or corrective one 3 and 1; points are earned when the
 * requirement is implemented and its audit result is not non-compliant.
 * A requirement whose type or obligation nobody has reviewed earns and
 * costs nothing and is counted as unreviewed: no defaults are guessed.
 *
 * The audit cycle follows ISO/IEC 17021-1:2015 9.6: the first
 * surveillance audit within 12 months of the certification decision
 * (taken as the certificate's issue date), the second in the following
 * year, and the recertification audit before the certificate expires,
 * three years after issue.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "certo-workspace-score.h"

/* Helpers */

static void
group_clear (CertoScoreGroup *group)
{
  g_clear_pointer (&group->key, g_free);
  g_clear_pointer (&group->label, g_free);
  g_clear_pointer (&group->title, g_free);
}

static void
group_free (gpointer data)
{
  group_clear (data);
  g_free (data);
}

static void
group_add (CertoScoreGroup       *group,
           CertoRequirementState *requirement)
{
  CertoControlType type = certo_requirement_state_get_control_type (requirement);
  CertoObligation obligation = certo_requirement_state_get_obligation (requirement);
  guint points;

  group->n_requirements++;

  if (!certo_requirement_state_is_applicable (requirement))
    {
      group->n_excluded++;
      return;
    }

  group->n_applicable++;
  if (certo_requirement_state_get_is_annex_a (requirement) &&
      certo_requirement_state_get_applicability (requirement) == CERTO_APPLICABILITY_UNREVIEWED)
    group->n_undecided++;
  if (certo_requirement_state_get_status (requirement) == CERTO_STATUS_IMPLEMENTED)
    group->n_implemented++;

  points = certo_score_points_for (type, obligation);
  if (points == 0)
    {
      group->n_unreviewed++;
      return;
    }

  group->points_possible += points;
  if (certo_score_earns_points (requirement))
    group->points_earned += points;
}

static void
group_finish (CertoScoreGroup *group)
{
  group->readiness = group->n_applicable > 0
                     ? (double) group->n_implemented / group->n_applicable : 0.0;
}

static gboolean
is_pending (CertoAudit *audit)
{
  return !certo_audit_is_done (audit);
}

/* Public API */

/**
 * certo_score_free:
 * @score: (transfer full) (nullable): a score
 */
void
certo_score_free (CertoScore *score)
{
  if (score == NULL)
    return;

  group_clear (&score->overall);
  group_clear (&score->clauses);
  group_clear (&score->annex_a);
  g_clear_pointer (&score->groups, g_ptr_array_unref);
  g_free (score);
}

/**
 * certo_score_points_for:
 * @type: a control type
 * @obligation: mandatory or discretionary
 *
 * The points of the Microsoft Compliance Manager scheme: preventive
 * 27/9, detective 3/1, corrective 3/1 (mandatory/discretionary).
 *
 * Returns: the points, or 0 when @type or @obligation is unreviewed
 */
guint
certo_score_points_for (CertoControlType type,
                        CertoObligation  obligation)
{
  gboolean mandatory = obligation == CERTO_OBLIGATION_MANDATORY;

  if (obligation == CERTO_OBLIGATION_UNREVIEWED)
    return 0;

  switch (type)
    {
    case CERTO_CONTROL_TYPE_PREVENTIVE:
      return mandatory ? 27 : 9;
    case CERTO_CONTROL_TYPE_DETECTIVE:
    case CERTO_CONTROL_TYPE_CORRECTIVE:
      return mandatory ? 3 : 1;
    case CERTO_CONTROL_TYPE_UNREVIEWED:
    default:
      return 0;
    }
}

/**
 * certo_score_earns_points:
 * @requirement: a requirement state
 *
 * Returns: whether it earns its points: applicable, implemented, and not
 *   found non-compliant by the latest internal audit
 */
gboolean
certo_score_earns_points (CertoRequirementState *requirement)
{
  return certo_requirement_state_is_applicable (requirement) &&
         certo_requirement_state_get_status (requirement) == CERTO_STATUS_IMPLEMENTED &&
         certo_requirement_state_get_audit_result (requirement) != CERTO_AUDIT_RESULT_NON_COMPLIANT;
}

/**
 * certo_score_compute:
 * @requirements: a #GListModel of #CertoRequirementState
 *   (certo_workspace_get_requirements(), or a hand-made set)
 *
 * Computes readiness and points, overall, for clauses and Annex A, and
 * per top group (clause, theme or domain) in the order groups first
 * appear.
 *
 * Returns: (transfer full): the score
 */
CertoScore *
certo_score_compute (GListModel *requirements)
{
  CertoScore *score = g_new0 (CertoScore, 1);
  g_autoptr(GHashTable) by_key = g_hash_table_new (g_str_hash, g_str_equal);

  g_return_val_if_fail (G_IS_LIST_MODEL (requirements), score);

  score->groups = g_ptr_array_new_with_free_func (group_free);

  for (guint i = 0; i < g_list_model_get_n_items (requirements); i++)
    {
      g_autoptr(CertoRequirementState) requirement = g_list_model_get_item (requirements, i);
      const char *key = certo_requirement_state_get_group_key (requirement);
      CertoScoreGroup *group;

      if (key == NULL)
        key = "";

      group = g_hash_table_lookup (by_key, key);
      if (group == NULL)
        {
          group = g_new0 (CertoScoreGroup, 1);
          group->key = g_strdup (key);
          group->label = g_strdup (certo_requirement_state_get_group_label (requirement));
          group->title = g_strdup (certo_requirement_state_get_group_title (requirement));
          group->is_annex_a = certo_requirement_state_get_is_annex_a (requirement);
          g_ptr_array_add (score->groups, group);
          g_hash_table_insert (by_key, group->key, group);
        }

      group_add (group, requirement);
      group_add (&score->overall, requirement);
      if (certo_requirement_state_get_is_clause (requirement))
        group_add (&score->clauses, requirement);
      if (certo_requirement_state_get_is_annex_a (requirement))
        group_add (&score->annex_a, requirement);
    }

  group_finish (&score->overall);
  group_finish (&score->clauses);
  group_finish (&score->annex_a);
  for (guint i = 0; i < score->groups->len; i++)
    group_finish (g_ptr_array_index (score->groups, i));

  return score;
}

/**
 * certo_scheduled_audit_free:
 * @audit: (transfer full) (nullable): a scheduled audit
 */
void
certo_scheduled_audit_free (CertoScheduledAudit *audit)
{
  if (audit == NULL)
    return;

  g_free (audit->due_date);
  g_free (audit->planned_date);
  g_free (audit->performed_date);
  g_free (audit->rule);
  g_free (audit);
}

/* The latest audit of @kind performed on or after @since, and the next
 * planned one not performed yet */
static void
find_audits (CertoWorkspace  *self,
             CertoAuditKind   kind,
             const char      *since,
             CertoAudit     **out_done,
             CertoAudit     **out_planned)
{
  GListModel *audits = certo_workspace_get_audits (self);

  *out_done = NULL;
  *out_planned = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (audits); i++)
    {
      g_autoptr(CertoAudit) audit = g_list_model_get_item (audits, i);
      const char *performed = certo_audit_get_performed_date (audit);

      if (certo_audit_get_kind (audit) != kind)
        continue;

      if (performed != NULL)
        {
          if ((since == NULL || certo_iso_date_compare (performed, since) >= 0) &&
              (*out_done == NULL ||
               certo_iso_date_compare (performed, certo_audit_get_performed_date (*out_done)) > 0))
            *out_done = audit;
        }
      else if (*out_planned == NULL ||
               certo_iso_date_compare (certo_audit_get_planned_date (audit),
                                       certo_audit_get_planned_date (*out_planned)) < 0)
        *out_planned = audit;
    }
}

static CertoScheduledAudit *
scheduled (CertoWorkspace *self,
           CertoAuditKind  kind,
           char           *due_date,
           const char     *since,
           const char     *rule,
           const char     *today)
{
  CertoScheduledAudit *item = g_new0 (CertoScheduledAudit, 1);
  CertoAudit *done = NULL;
  CertoAudit *planned = NULL;

  find_audits (self, kind, since, &done, &planned);

  item->kind = kind;
  item->due_date = due_date;
  item->rule = g_strdup (rule);
  if (done != NULL)
    item->performed_date = g_strdup (certo_audit_get_performed_date (done));
  if (planned != NULL)
    item->planned_date = g_strdup (certo_audit_get_planned_date (planned));

  item->overdue = item->performed_date == NULL && due_date != NULL &&
                  certo_iso_date_compare (due_date, today) < 0;
  return item;
}

static int
compare_scheduled (gconstpointer a,
                   gconstpointer b)
{
  const CertoScheduledAudit *sa = *(CertoScheduledAudit * const *) a;
  const CertoScheduledAudit *sb = *(CertoScheduledAudit * const *) b;
  const char *da = sa->due_date != NULL ? sa->due_date : sa->planned_date;
  const char *db = sb->due_date != NULL ? sb->due_date : sb->planned_date;
  int cmp = certo_iso_date_compare (da, db);

  return cmp != 0 ? cmp : (int) sa->kind - (int) sb->kind;
}

/**
 * certo_workspace_compute_audit_schedule:
 * @self: a workspace
 * @today: (nullable): `YYYY-MM-DD`; %NULL for today
 *
 * The audits still to come, with their deadlines. With a certificate
 * (issue date set): the first surveillance audit by issue + 12 months,
 * the second by issue + 24 months (ISO/IEC 17021-1 9.6.2.2), and the
 * recertification audit before expiry (the certificate's expiry date, or
 * the end of the three-year cycle, certo_workspace_dup_certificate_expiry();
 * ISO/IEC 17021-1 9.6.3). Without one: stage 1 and
 * stage 2 as planned. Internal audits and management reviews that are
 * planned and not yet performed are listed with their planned date as
 * the deadline ("at planned intervals", ISO/IEC 27001:2022 9.2.2, 9.3.1).
 * Entries already performed in this cycle are included with their date,
 * so the UI can show the whole cycle; sorted by deadline.
 *
 * Returns: (transfer full) (element-type CertoScheduledAudit): the schedule
 */
GPtrArray *
certo_workspace_compute_audit_schedule (CertoWorkspace *self,
                                        const char     *today)
{
  GPtrArray *schedule = g_ptr_array_new_with_free_func ((GDestroyNotify) certo_scheduled_audit_free);
  g_autofree char *now = today != NULL ? g_strdup (today) : certo_iso_date_today ();
  const char *issued = certo_workspace_get_certificate_issue_date (self);
  GListModel *audits = certo_workspace_get_audits (self);

  if (issued != NULL)
    {
      g_autofree char *expires = certo_workspace_dup_certificate_expiry (self, NULL);

      g_ptr_array_add (schedule,
                       scheduled (self, CERTO_AUDIT_SURVEILLANCE_1, certo_iso_date_add_months (issued, 12), issued,
                                  _("ISO/IEC 17021-1 9.6.2.2: within 12 months of the certification decision"), now));
      g_ptr_array_add (schedule,
                       scheduled (self, CERTO_AUDIT_SURVEILLANCE_2, certo_iso_date_add_months (issued, 24), issued,
                                  _("ISO/IEC 17021-1 9.6.2.2: at least once in each calendar year of the cycle"), now));
      g_ptr_array_add (schedule,
                       scheduled (self, CERTO_AUDIT_RECERTIFICATION, g_steal_pointer (&expires), issued,
                                  _("ISO/IEC 17021-1 9.6.3: completed before the certificate expires"), now));
    }
  else
    {
      g_ptr_array_add (schedule, scheduled (self, CERTO_AUDIT_STAGE_1, NULL, NULL,
                                            _("ISO/IEC 17021-1 9.3.1.2: initial certification, stage 1"), now));
      g_ptr_array_add (schedule, scheduled (self, CERTO_AUDIT_STAGE_2, NULL, NULL,
                                            _("ISO/IEC 17021-1 9.3.1.3: initial certification, stage 2"), now));
    }

  for (guint i = 0; i < g_list_model_get_n_items (audits); i++)
    {
      g_autoptr(CertoAudit) audit = g_list_model_get_item (audits, i);
      CertoAuditKind kind = certo_audit_get_kind (audit);
      CertoScheduledAudit *item;

      if ((kind != CERTO_AUDIT_INTERNAL && kind != CERTO_AUDIT_MANAGEMENT_REVIEW) ||
          !is_pending (audit) || certo_audit_get_planned_date (audit) == NULL)
        continue;

      item = g_new0 (CertoScheduledAudit, 1);
      item->kind = kind;
      item->due_date = g_strdup (certo_audit_get_planned_date (audit));
      item->planned_date = g_strdup (item->due_date);
      item->overdue = certo_iso_date_compare (item->due_date, now) < 0;
      item->rule = g_strdup (kind == CERTO_AUDIT_INTERNAL
                             ? _("ISO/IEC 27001:2022 9.2.2: internal audits at planned intervals")
                             : _("ISO/IEC 27001:2022 9.3.1: management reviews at planned intervals"));
      g_ptr_array_add (schedule, item);
    }

  g_ptr_array_sort (schedule, compare_scheduled);
  return schedule;
}

/**
 * certo_workspace_list_overdue_requirements:
 * @self: a workspace
 * @today: (nullable): `YYYY-MM-DD`; %NULL for today
 *
 * Returns: (transfer container) (element-type CertoRequirementState):
 *   applicable requirements not implemented whose due date has passed,
 *   in the framework's order
 */
GPtrArray *
certo_workspace_list_overdue_requirements (CertoWorkspace *self,
                                           const char     *today)
{
  GListModel *model = certo_workspace_get_requirements (self);
  GPtrArray *out = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *now = today != NULL ? g_strdup (today) : certo_iso_date_today ();

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CertoRequirementState) requirement = g_list_model_get_item (model, i);
      const char *due = certo_requirement_state_get_due_date (requirement);

      if (due != NULL && certo_iso_date_compare (due, now) < 0 &&
          certo_requirement_state_is_applicable (requirement) &&
          certo_requirement_state_get_status (requirement) != CERTO_STATUS_IMPLEMENTED)
        g_ptr_array_add (out, g_steal_pointer (&requirement));
    }

  return out;
}

/**
 * certo_workspace_list_overdue_findings:
 * @self: a workspace
 * @today: (nullable): `YYYY-MM-DD`; %NULL for today
 *
 * Returns: (transfer container) (element-type CertoFinding): open findings
 *   whose corrective action is past due
 */
GPtrArray *
certo_workspace_list_overdue_findings (CertoWorkspace *self,
                                       const char     *today)
{
  GListModel *model = certo_workspace_get_findings (self);
  GPtrArray *out = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *now = today != NULL ? g_strdup (today) : certo_iso_date_today ();

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CertoFinding) finding = g_list_model_get_item (model, i);
      const char *due = certo_finding_get_due_date (finding);

      if (certo_finding_is_open (finding) && due != NULL && certo_iso_date_compare (due, now) < 0)
        g_ptr_array_add (out, g_steal_pointer (&finding));
    }

  return out;
}

/**
 * certo_workspace_list_expiring_evidence:
 * @self: a workspace
 * @today: (nullable): `YYYY-MM-DD`; %NULL for today
 * @days: how far ahead to look
 *
 * Returns: (transfer container) (element-type CertoEvidence): evidence
 *   whose expiry date is within @days of @today, or already past
 */
GPtrArray *
certo_workspace_list_expiring_evidence (CertoWorkspace *self,
                                        const char     *today,
                                        guint           days)
{
  GListModel *model = certo_workspace_get_evidence (self);
  GPtrArray *out = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *now = today != NULL ? g_strdup (today) : certo_iso_date_today ();
  g_autofree char *horizon = NULL;
  GDate date;

  if (!certo_iso_date_parse (now, &date))
    return out;
  g_date_add_days (&date, days);
  horizon = certo_iso_date_format (&date);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CertoEvidence) evidence = g_list_model_get_item (model, i);
      const char *expiry = certo_evidence_get_expiry_date (evidence);

      if (expiry != NULL && certo_iso_date_compare (expiry, horizon) <= 0)
        g_ptr_array_add (out, g_steal_pointer (&evidence));
    }

  return out;
}

/**
 * certo_workspace_count_soa_issues:
 * @self: a workspace
 * @issues: which issues to count (any of them)
 *
 * Returns: how many requirements have any of @issues (undecided
 *   applicability, an exclusion without justification, an inclusion
 *   without reason)
 */
guint
certo_workspace_count_soa_issues (CertoWorkspace *self,
                                  CertoSoaIssues  issues)
{
  GListModel *model = certo_workspace_get_requirements (self);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CertoRequirementState) requirement = g_list_model_get_item (model, i);

      if (certo_requirement_state_get_soa_issues (requirement) & issues)
        n++;
    }

  return n;
}

static int
compare_open_findings (gconstpointer a,
                       gconstpointer b)
{
  CertoFinding *fa = *(CertoFinding * const *) a;
  CertoFinding *fb = *(CertoFinding * const *) b;
  const char *da = certo_finding_get_due_date (fa);
  const char *db = certo_finding_get_due_date (fb);
  gint64 ia, ib;

  /* Major before minor before observations, then the earliest due */
  if (certo_finding_get_kind (fa) != certo_finding_get_kind (fb))
    return (int) certo_finding_get_kind (fa) - (int) certo_finding_get_kind (fb);
  if ((da == NULL) != (db == NULL))
    return da == NULL ? 1 : -1;
  if (da != NULL && certo_iso_date_compare (da, db) != 0)
    return certo_iso_date_compare (da, db);

  ia = certo_workspace_item_get_id (CERTO_WORKSPACE_ITEM (fa));
  ib = certo_workspace_item_get_id (CERTO_WORKSPACE_ITEM (fb));
  return (ia > ib) - (ia < ib);
}

/**
 * certo_workspace_list_open_findings:
 * @self: a workspace
 *
 * Every finding not closed yet, due or not: the nonconformities an
 * auditor follows up at the next audit (ISO/IEC 17021-1 9.4.9, 9.6.2.2),
 * majors first, then by due date (none last).
 *
 * Returns: (transfer container) (element-type CertoFinding): the findings
 */
GPtrArray *
certo_workspace_list_open_findings (CertoWorkspace *self)
{
  GListModel *model = certo_workspace_get_findings (self);
  GPtrArray *out = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CertoFinding) finding = g_list_model_get_item (model, i);

      if (certo_finding_is_open (finding))
        g_ptr_array_add (out, g_steal_pointer (&finding));
    }

  g_ptr_array_sort (out, compare_open_findings);
  return out;
}
