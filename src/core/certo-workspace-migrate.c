/* certo-workspace-migrate.c — an ISO/IEC 27001:2022 workspace from a 2013 one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A new 2022 workspace file is made; the 2013 workspace is only read.
 * Each 2022 Annex A control takes its values from the 2013 controls that
 * ISO/IEC 27002:2022 Annex B maps to it (certo_framework_map_2022_to_2013()):
 *
 * - applicability: applicable if any source is; excluded only if all are
 *   (their justifications joined); sources that disagree are listed, and
 *   the justifications of the excluded ones are kept (not shown while the
 *   control is applicable, back if it is excluded again)
 * - status: the same when all sources agree; otherwise the least advanced,
 *   listed as needing a decision (an "implemented" merged with a "planned"
 *   is not implemented yet)
 * - owners and notes: joined, duplicates dropped; notes of several sources
 *   are prefixed with their 2013 number
 * - due date: the earliest; reasons for inclusion: all of them
 * - internal-audit result: the same when all sources agree, else the
 *   most conservative: non-compliant if any source is, else partially
 *   compliant if any is, else not assessed (a merged control is
 *   compliant only when every source was found compliant; a
 *   nonconformity found in one source is never lost), listed with every
 *   source's result
 * - control type, obligation: kept when all agree, else unreviewed
 *   (never guessed), listed with every source's value
 * - open nonconformities are carried, relinked, and each is listed
 * - evidence: linked to every 2022 control its 2013 controls map to;
 *   files are copied with their bytes and SHA-256
 *
 * Every decision is listed in the report and kept in the history of its
 * 2022 requirement (action "migrate"), so the rule a merge followed can
 * be read there later. The 11 controls new in 2022 are listed as needing
 * a decision. Clauses
 * 4–10 are carried by number and title: 2022 swapped 10.1 and 10.2 (so the
 * title decides), split 9.2 and 9.3 into sub-clauses (carried from the
 * parent, listed), and added 6.3 (listed). Audits, findings (relinked) and
 * the certificate are carried; the SoA versions are not: the 2022 SoA is
 * a new document that needs its own approval.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "certo-workspace-private.h"

typedef struct
{
  CertoWorkspace       *source;
  GFile                *file;
  CertoWorkspaceCreateFlags flags;
  CertoFramework       *framework;
  CertoMigrationReport *report;
  CertoWorkspaceSeed   *seed;
} MigrateData;

/* Helpers */

static void
migrate_data_free (gpointer data)
{
  MigrateData *md = data;

  g_clear_object (&md->source);
  g_clear_object (&md->file);
  g_clear_object (&md->framework);
  g_clear_pointer (&md->report, certo_migration_report_free);
  g_clear_pointer (&md->seed, _certo_workspace_seed_free);
  g_free (md);
}

static void
decision_free (gpointer data)
{
  CertoMigrationDecision *decision = data;

  g_free (decision->key);
  g_free (decision->label);
  g_free (decision->title);
  g_strfreev (decision->sources);
  g_free (decision->message);
  g_free (decision);
}

static void
add_decision (CertoMigrationReport       *report,
              CertoMigrationDecisionKind  kind,
              CertoRequirementState      *target,
              GPtrArray                  *sources,
              char                       *message)
{
  CertoMigrationDecision *decision = g_new0 (CertoMigrationDecision, 1);
  GStrvBuilder *builder = g_strv_builder_new ();

  for (guint i = 0; sources != NULL && i < sources->len; i++)
    g_strv_builder_add (builder, certo_requirement_state_get_display_label (g_ptr_array_index (sources, i)));

  decision->kind = kind;
  decision->key = g_strdup (certo_requirement_state_get_key (target));
  decision->label = g_strdup (certo_requirement_state_get_display_label (target));
  decision->title = g_strdup (certo_requirement_state_get_title (target));
  decision->sources = g_strv_builder_end (builder);
  decision->message = message;
  g_ptr_array_add (report->decisions, decision);
  g_strv_builder_unref (builder);
}

static char *
join_labels (GPtrArray *sources)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < sources->len; i++)
    {
      if (i > 0)
        g_string_append (out, ", ");
      g_string_append (out, certo_requirement_state_get_display_label (g_ptr_array_index (sources, i)));
    }

  return g_string_free (out, FALSE);
}

/* "A.13.2.1 implemented, A.13.2.2 planned" */
static char *
describe (GPtrArray   *sources,
          const char  *property,
          GType        enum_type)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < sources->len; i++)
    {
      CertoRequirementState *state = g_ptr_array_index (sources, i);
      int value = 0;

      g_object_get (state, property, &value, NULL);
      if (i > 0)
        g_string_append (out, ", ");
      g_string_append_printf (out, "%s %s", certo_requirement_state_get_display_label (state),
                              certo_enum_to_label (enum_type, value));
    }

  return g_string_free (out, FALSE);
}

static void
put (GHashTable *values,
     const char *property,
     char       *text)
{
  g_hash_table_insert (values, (gpointer) property, text);
}

static void
put_enum (GHashTable *values,
          const char *property,
          GType       type,
          int         value)
{
  put (values, property, g_strdup (certo_enum_to_nick (type, value)));
}

/* Joins distinct non-empty texts; with @prefix_labels, each is prefixed
 * with its source's number */
static char *
join_texts (GPtrArray  *sources,
            const char *(*getter) (CertoRequirementState *),
            const char *separator,
            gboolean    prefix_labels)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < sources->len; i++)
    {
      CertoRequirementState *state = g_ptr_array_index (sources, i);
      const char *text = getter (state);

      if (text == NULL || *text == '\0' || !g_hash_table_add (seen, (gpointer) text))
        continue;
      if (out->len > 0)
        g_string_append (out, separator);
      if (prefix_labels)
        g_string_append_printf (out, "%s: ", certo_requirement_state_get_display_label (state));
      g_string_append (out, text);
    }

  return g_string_free (out, FALSE);
}

static gboolean
all_equal (GPtrArray  *sources,
           const char *property)
{
  int first = 0;

  for (guint i = 0; i < sources->len; i++)
    {
      int value = 0;

      g_object_get (g_ptr_array_index (sources, i), property, &value, NULL);
      if (i == 0)
        first = value;
      else if (value != first)
        return FALSE;
    }

  return TRUE;
}

/* Internal-audit results from the least to the most conservative: a
 * merged control that was not assessed in part is not compliant as a
 * whole */
static int
audit_rank (CertoAuditResult result)
{
  switch (result)
    {
    case CERTO_AUDIT_RESULT_NON_COMPLIANT: return 3;
    case CERTO_AUDIT_RESULT_PARTIALLY_COMPLIANT: return 2;
    case CERTO_AUDIT_RESULT_NOT_ASSESSED: return 1;
    case CERTO_AUDIT_RESULT_COMPLIANT:
    default: return 0;
    }
}

static CertoAuditResult
audit_from_rank (int rank)
{
  static const CertoAuditResult by_rank[] = {
    CERTO_AUDIT_RESULT_COMPLIANT, CERTO_AUDIT_RESULT_NOT_ASSESSED,
    CERTO_AUDIT_RESULT_PARTIALLY_COMPLIANT, CERTO_AUDIT_RESULT_NON_COMPLIANT,
  };

  return by_rank[CLAMP (rank, 0, 3)];
}

/* The values a 2022 requirement takes from its sources */
static GHashTable *
merge (CertoMigrationReport  *report,
       CertoRequirementState *target,
       GPtrArray             *sources)
{
  GHashTable *values = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  CertoRequirementState *first = g_ptr_array_index (sources, 0);
  guint n_applicable = 0;
  guint n_excluded = 0;
  guint reasons = 0;
  int status = CERTO_STATUS_IMPLEMENTED;
  const char *due = NULL;

  for (guint i = 0; i < sources->len; i++)
    {
      CertoRequirementState *state = g_ptr_array_index (sources, i);
      CertoApplicability applicability = certo_requirement_state_get_applicability (state);
      const char *date = certo_requirement_state_get_due_date (state);

      n_applicable += applicability == CERTO_APPLICABILITY_APPLICABLE;
      n_excluded += applicability == CERTO_APPLICABILITY_EXCLUDED;
      if (applicability != CERTO_APPLICABILITY_EXCLUDED)
        reasons |= certo_requirement_state_get_inclusion_reasons (state);
      status = MIN (status, (int) certo_requirement_state_get_status (state));
      if (date != NULL && (due == NULL || certo_iso_date_compare (date, due) < 0))
        due = date;
    }

  if (certo_requirement_state_get_is_annex_a (target))
    {
      if (n_applicable > 0)
        put_enum (values, "applicability", CERTO_TYPE_APPLICABILITY, CERTO_APPLICABILITY_APPLICABLE);
      else if (n_excluded == sources->len)
        put_enum (values, "applicability", CERTO_TYPE_APPLICABILITY, CERTO_APPLICABILITY_EXCLUDED);
      /* The reasons an exclusion was justified are kept even when the
       * merge is not excluded: a decision to take again, not text to lose */
      if (n_excluded > 0)
        put (values, "exclusion-justification",
             join_texts (sources, certo_requirement_state_get_exclusion_justification, "; ", FALSE));
      put (values, "inclusion-reasons", certo_inclusion_reasons_to_string (reasons));

      if (n_excluded > 0 && n_excluded < sources->len)
        {
          g_autofree char *labels = join_labels (sources);
          g_autofree char *states = describe (sources, "applicability", CERTO_TYPE_APPLICABILITY);

          if (n_applicable > 0)
            add_decision (report, CERTO_MIGRATION_APPLICABILITY_DIFFERS, target, sources,
                          g_strdup_printf (_("Merged from %s, which disagree on applicability (%s); it was kept applicable, with the justification for exclusion kept aside. Check the decision and its reasons."),
                                           labels, states));
          else
            add_decision (report, CERTO_MIGRATION_APPLICABILITY_DIFFERS, target, sources,
                          g_strdup_printf (_("Merged from %s, which disagree on applicability (%s); it was left not decided, with the justification for exclusion kept. Decide whether it applies."),
                                           labels, states));
        }
    }

  put_enum (values, "status", CERTO_TYPE_IMPLEMENTATION_STATUS, status);
  if (!all_equal (sources, "status"))
    {
      g_autofree char *labels = join_labels (sources);
      g_autofree char *states = describe (sources, "status", CERTO_TYPE_IMPLEMENTATION_STATUS);

      add_decision (report, CERTO_MIGRATION_STATUS_DIFFERS, target, sources,
                    g_strdup_printf (_("Merged from %s, whose statuses differ (%s); “%s”, the least advanced, was kept. Decide the status of the merged control."),
                                     labels, states,
                                     certo_enum_to_label (CERTO_TYPE_IMPLEMENTATION_STATUS, status)));
    }

  if (all_equal (sources, "audit-result"))
    put_enum (values, "audit-result", CERTO_TYPE_AUDIT_RESULT,
              certo_requirement_state_get_audit_result (first));
  else
    {
      int rank = 0;
      CertoAuditResult kept;
      g_autofree char *labels = join_labels (sources);
      g_autofree char *results = describe (sources, "audit-result", CERTO_TYPE_AUDIT_RESULT);

      for (guint i = 0; i < sources->len; i++)
        rank = MAX (rank, audit_rank (certo_requirement_state_get_audit_result (g_ptr_array_index (sources, i))));
      kept = audit_from_rank (rank);
      put_enum (values, "audit-result", CERTO_TYPE_AUDIT_RESULT, kept);
      add_decision (report, CERTO_MIGRATION_AUDIT_DIFFERS, target, sources,
                    g_strdup_printf (_("Merged from %s, whose internal-audit results differ (%s); “%s”, the most conservative, was kept. Audit the merged control again."),
                                     labels, results, certo_enum_to_label (CERTO_TYPE_AUDIT_RESULT, kept)));
    }

  if (all_equal (sources, "control-type"))
    put_enum (values, "control-type", CERTO_TYPE_CONTROL_TYPE,
              certo_requirement_state_get_control_type (first));
  if (all_equal (sources, "obligation"))
    put_enum (values, "obligation", CERTO_TYPE_OBLIGATION,
              certo_requirement_state_get_obligation (first));
  if (!all_equal (sources, "control-type") || !all_equal (sources, "obligation"))
    {
      g_autofree char *labels = join_labels (sources);
      g_autoptr(GString) values_text = g_string_new (NULL);

      if (!all_equal (sources, "control-type"))
        {
          g_autofree char *types = describe (sources, "control-type", CERTO_TYPE_CONTROL_TYPE);

          /* Translators: part of a migration decision: "control type A.12.1.2 Preventive, A.14.2.2 Unreviewed" */
          g_string_append_printf (values_text, _("control type %s"), types);
        }
      if (!all_equal (sources, "obligation"))
        {
          g_autofree char *obligations = describe (sources, "obligation", CERTO_TYPE_OBLIGATION);

          if (values_text->len > 0)
            g_string_append (values_text, "; ");
          /* Translators: part of a migration decision: "obligation A.12.1.2 Mandatory, A.14.2.2 Discretionary" */
          g_string_append_printf (values_text, _("obligation %s"), obligations);
        }
      add_decision (report, CERTO_MIGRATION_TYPE_DIFFERS, target, sources,
                    g_strdup_printf (_("Merged from %s, which disagree (%s); left unreviewed, so it scores no points until you choose."),
                                     labels, values_text->str));
    }

  put (values, "owner", join_texts (sources, certo_requirement_state_get_owner, ", ", FALSE));
  put (values, "notes", join_texts (sources, certo_requirement_state_get_notes, "\n", sources->len > 1));
  if (due != NULL)
    put (values, "due-date", g_strdup (due));

  return values;
}

/* The 2013 clause a 2022 clause requirement comes from */
static CertoRequirementState *
clause_source (CertoWorkspace        *source,
               CertoRequirementState *target,
               gboolean              *out_split)
{
  GListModel *model = certo_workspace_get_requirements (source);
  const char *label = certo_requirement_state_get_label (target);
  const char *title = certo_requirement_state_get_title (target);
  CertoRequirementState *same_number = NULL;
  CertoRequirementState *same_title = NULL;
  guint n_same_title = 0;

  *out_split = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CertoRequirementState) state = g_list_model_get_item (model, i);

      if (!certo_requirement_state_get_is_clause (state))
        continue;
      if (g_str_equal (certo_requirement_state_get_label (state), label))
        same_number = state;
      if (g_utf8_collate (certo_requirement_state_get_title (state), title) == 0)
        {
          same_title = state;
          n_same_title++;
        }
    }

  /* Same number and title; or a unique title elsewhere (10.1 ↔ 10.2) */
  if (same_number != NULL &&
      g_utf8_collate (certo_requirement_state_get_title (same_number), title) == 0)
    return same_number;
  if (n_same_title == 1)
    return same_title;

  /* A sub-clause 2022 split out of a 2013 clause: 9.2.1 from 9.2 */
  if (strrchr (label, '.') != NULL)
    {
      g_autofree char *parent = g_strndup (label, strrchr (label, '.') - label);
      CertoRequirementState *state = certo_workspace_find_requirement (source, parent);

      if (state != NULL && certo_requirement_state_get_is_clause (state) && same_number == NULL)
        {
          *out_split = TRUE;
          return state;
        }
    }

  /* Otherwise by number */
  return same_number;
}

static void
map_keys (GHashTable         *forward,
          const char * const *keys_2013,
          GHashTable         *out,
          gint64              id)
{
  g_autoptr(GPtrArray) targets = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; keys_2013 != NULL && keys_2013[i] != NULL; i++)
    {
      GPtrArray *to = g_hash_table_lookup (forward, keys_2013[i]);

      for (guint j = 0; to != NULL && j < to->len; j++)
        if (g_hash_table_add (seen, g_ptr_array_index (to, j)))
          g_ptr_array_add (targets, g_ptr_array_index (to, j));
    }

  g_ptr_array_add (targets, NULL);
  g_hash_table_insert (out, g_memdup2 (&id, sizeof id), g_strjoinv (",", (char **) targets->pdata));
}

static void
add_forward (GHashTable *forward,
             const char *key_2013,
             const char *key_2022)
{
  GPtrArray *to = g_hash_table_lookup (forward, key_2013);

  if (to == NULL)
    {
      to = g_ptr_array_new_with_free_func (g_free);
      g_hash_table_insert (forward, g_strdup (key_2013), to);
    }
  g_ptr_array_add (to, g_strdup (key_2022));
}

/* Lists an open nonconformity with the 2022 requirements it now concerns */
static void
note_open_finding (CertoMigrationReport *report,
                   CertoWorkspace       *source,
                   CertoFinding         *finding,
                   const char           *keys_2022,
                   GListModel           *targets)
{
  CertoMigrationDecision *decision = g_new0 (CertoMigrationDecision, 1);
  g_autoptr(GStrvBuilder) sources = g_strv_builder_new ();
  g_auto(GStrv) keys = g_strsplit (keys_2022 != NULL ? keys_2022 : "", ",", -1);
  const char * const *keys_2013 = certo_finding_get_requirement_keys (finding);
  g_autoptr(GString) now = g_string_new (NULL);
  g_autoptr(GString) before = g_string_new (NULL);
  const char *reference = certo_finding_get_reference (finding);
  const char *description = certo_finding_get_description (finding);
  g_autofree char *name = NULL;

  for (guint i = 0; keys_2013 != NULL && keys_2013[i] != NULL; i++)
    {
      CertoRequirementState *state = certo_workspace_find_requirement (source, keys_2013[i]);
      const char *label = state != NULL ? certo_requirement_state_get_display_label (state) : keys_2013[i];

      g_strv_builder_add (sources, label);
      if (before->len > 0)
        g_string_append (before, ", ");
      g_string_append (before, label);
    }

  for (guint i = 0; keys[i] != NULL; i++)
    for (guint j = 0; *keys[i] != '\0' && j < g_list_model_get_n_items (targets); j++)
      {
        g_autoptr(CertoRequirement) requirement = g_list_model_get_item (targets, j);
        g_autofree char *label = NULL;

        if (!g_str_equal (certo_requirement_get_id (requirement), keys[i]))
          continue;

        label = certo_requirement_get_is_annex_a (requirement) &&
                g_ascii_isdigit (certo_requirement_get_label (requirement)[0])
                ? g_strconcat ("A.", certo_requirement_get_label (requirement), NULL)
                : g_strdup (certo_requirement_get_label (requirement));
        if (decision->key == NULL)
          {
            decision->key = g_strdup (keys[i]);
            decision->label = g_strdup (label);
            decision->title = g_strdup (certo_requirement_get_title (requirement));
          }
        if (now->len > 0)
          g_string_append (now, ", ");
        g_string_append (now, label);
        break;
      }

  name = certo_nonempty (reference) != NULL
         ? g_strdup_printf ("%s “%s”", certo_enum_to_label (CERTO_TYPE_FINDING_KIND, certo_finding_get_kind (finding)), reference)
         : g_strdup (certo_enum_to_label (CERTO_TYPE_FINDING_KIND, certo_finding_get_kind (finding)));

  decision->kind = CERTO_MIGRATION_OPEN_FINDING;
  if (decision->label == NULL)
    {
      decision->label = g_strdup ("—");
      decision->title = g_strdup (description != NULL ? description : "");
    }
  decision->sources = g_strv_builder_end (sources);
  if (now->len > 0)
    decision->message = g_strdup_printf (/* Translators: "Open Minor nonconformity “NC-3” (was against A.11.2.8): now against A.7.8, A.8.1. Check its corrective action against the 2022 controls." */
                                         _("Open %s (was against %s): now against %s. Check its corrective action against the 2022 controls; it stays open until it is closed."),
                                         name, before->len > 0 ? before->str : "—", now->str);
  else
    decision->message = g_strdup_printf (_("Open %s (was against %s): no 2022 requirement matches, so it concerns none now. Choose the requirements it concerns; it stays open until it is closed."),
                                         name, before->len > 0 ? before->str : "—");
  g_ptr_array_add (report->decisions, decision);
}

/* Plans the migration: the values of every 2022 requirement, the links of
 * every evidence item and finding, the decisions */
static CertoWorkspaceSeed *
plan (CertoWorkspace        *source,
      CertoFramework        *framework,
      CertoMigrationReport  *report)
{
  CertoWorkspaceSeed *seed = g_new0 (CertoWorkspaceSeed, 1);
  GListModel *targets = certo_framework_get_requirements (framework);
  g_autoptr(GHashTable) forward = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                         (GDestroyNotify) g_ptr_array_unref);
  GListModel *evidence = certo_workspace_get_evidence (source);
  GListModel *findings = certo_workspace_get_findings (source);
  GFile *file = certo_workspace_get_file (source);

  seed->requirement_values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                    (GDestroyNotify) g_hash_table_unref);
  seed->evidence_keys = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  seed->finding_keys = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  seed->source_db = _certo_workspace_dup_working_copy_path (source);
  seed->history_note = file != NULL ? g_file_get_basename (file) : g_strdup ("");
  seed->user = g_strdup (certo_workspace_get_user_name (source));

  seed->workspace_values = g_new0 (char *, CERTO_WS_N_FIELDS + 1);
  seed->workspace_values[CERTO_WS_CERTIFICATE_NUMBER] = g_strdup (certo_workspace_get_certificate_number (source));
  seed->workspace_values[CERTO_WS_CERTIFICATION_BODY] = g_strdup (certo_workspace_get_certification_body (source));
  seed->workspace_values[CERTO_WS_CERTIFICATE_ISSUE_DATE] = g_strdup (certo_workspace_get_certificate_issue_date (source));
  seed->workspace_values[CERTO_WS_CERTIFICATE_EXPIRY_DATE] = g_strdup (certo_workspace_get_certificate_expiry_date (source));

  for (guint i = 0; i < g_list_model_get_n_items (targets); i++)
    {
      g_autoptr(CertoRequirement) requirement = g_list_model_get_item (targets, i);
      g_autoptr(CertoRequirementState) target = NULL;
      g_autoptr(GPtrArray) sources = g_ptr_array_new ();
      const char *key = certo_requirement_get_id (requirement);
      gboolean split = FALSE;

      if (certo_requirement_get_is_withdrawn (requirement))
        continue;
      report->n_requirements++;

      /* A stand-in with the 2022 identity, for labels and messages */
      target = certo_requirement_state_new (key, certo_requirement_get_label (requirement),
                                            certo_requirement_get_title (requirement), NULL, NULL,
                                            certo_requirement_get_is_annex_a (requirement),
                                            !certo_requirement_get_is_annex_a (requirement));

      if (certo_requirement_get_is_annex_a (requirement))
        {
          g_auto(GStrv) labels = certo_framework_map_2022_to_2013 (certo_requirement_get_label (requirement));

          for (guint j = 0; labels != NULL && labels[j] != NULL; j++)
            {
              CertoRequirementState *state = certo_workspace_find_requirement (source, labels[j]);

              if (state != NULL)
                g_ptr_array_add (sources, state);
            }

          if (sources->len == 0)
            add_decision (report, CERTO_MIGRATION_NEW_CONTROL, target, NULL,
                          g_strdup (_("New in ISO/IEC 27001:2022: decide whether it applies and why, then plan it.")));
        }
      else
        {
          CertoRequirementState *state = clause_source (source, target, &split);

          if (state != NULL)
            g_ptr_array_add (sources, state);
          if (state == NULL)
            add_decision (report, CERTO_MIGRATION_NEW_CLAUSE, target, NULL,
                          g_strdup (_("A requirement new in ISO/IEC 27001:2022: plan how it is met.")));
          else if (split)
            add_decision (report, CERTO_MIGRATION_SPLIT_CLAUSE, target, sources,
                          g_strdup_printf (_("ISO/IEC 27001:2022 split this out of clause %s, whose values were carried over. Check them against the new sub-clause."),
                                           certo_requirement_state_get_display_label (state)));
        }

      if (sources->len == 0)
        continue;

      report->n_carried++;
      g_hash_table_insert (seed->requirement_values, g_strdup (key), merge (report, target, sources));
      for (guint j = 0; j < sources->len; j++)
        add_forward (forward, certo_requirement_state_get_key (g_ptr_array_index (sources, j)), key);
    }

  for (guint i = 0; i < g_list_model_get_n_items (evidence); i++)
    {
      g_autoptr(CertoEvidence) item = g_list_model_get_item (evidence, i);

      map_keys (forward, certo_evidence_get_requirement_keys (item), seed->evidence_keys,
                certo_workspace_item_get_id (CERTO_WORKSPACE_ITEM (item)));
      report->n_evidence++;
    }

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(CertoFinding) item = g_list_model_get_item (findings, i);
      gint64 id = certo_workspace_item_get_id (CERTO_WORKSPACE_ITEM (item));

      map_keys (forward, certo_finding_get_requirement_keys (item), seed->finding_keys, id);
      report->n_findings++;

      /* An open nonconformity must be followed up whatever the edition:
       * never carried silently */
      if (certo_finding_is_open (item) && certo_finding_is_nonconformity (item))
        note_open_finding (report, source, item, g_hash_table_lookup (seed->finding_keys, &id), targets);
    }

  report->n_audits = g_list_model_get_n_items (certo_workspace_get_audits (source));

  /* Each decision stays in the history of its requirement, where the
   * merge it explains can be looked up later */
  seed->decisions = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  for (guint i = 0; i < report->decisions->len; i++)
    {
      CertoMigrationDecision *decision = g_ptr_array_index (report->decisions, i);
      GStrvBuilder *builder;

      if (decision->key == NULL)
        continue;
      builder = g_strv_builder_new ();
      g_strv_builder_add_many (builder, decision->key, decision->label != NULL ? decision->label : decision->key,
                               decision->message != NULL ? decision->message : "", NULL);
      g_ptr_array_add (seed->decisions, g_strv_builder_end (builder));
      g_strv_builder_unref (builder);
    }

  return seed;
}

static void
created (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  MigrateData *md = g_task_get_task_data (task);
  GError *error = NULL;

  if (!certo_workspace_create_finish (CERTO_WORKSPACE (object), result, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, g_steal_pointer (&md->report), (GDestroyNotify) certo_migration_report_free);
}

static void
flushed (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  MigrateData *md = g_task_get_task_data (task);
  CertoWorkspace *target = g_task_get_source_object (task);
  GError *error = NULL;

  if (!certo_workspace_flush_finish (CERTO_WORKSPACE (object), result, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  md->seed = plan (md->source, md->framework, md->report);
  certo_workspace_set_user_name (target, certo_workspace_get_user_name (md->source));
  _certo_workspace_create_seeded_async (target, md->file, md->framework,
                                        certo_workspace_get_organisation (md->source),
                                        certo_workspace_get_scope (md->source),
                                        md->flags, g_steal_pointer (&md->seed),
                                        g_task_get_cancellable (task), created,
                                        g_object_ref (task));
}

/* Public API */

/**
 * certo_migration_report_free:
 * @report: (transfer full) (nullable): a report
 */
void
certo_migration_report_free (CertoMigrationReport *report)
{
  if (report == NULL)
    return;

  g_clear_pointer (&report->decisions, g_ptr_array_unref);
  g_free (report);
}

/**
 * certo_workspace_migrate_async:
 * @source: an open ISO/IEC 27001:2013 workspace; only read
 * @target: a new workspace object, to hold the 2022 workspace
 * @file: where to make the 2022 workspace
 * @flags: %CERTO_WORKSPACE_CREATE_REPLACE to replace an existing file
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: for @callback
 *
 * Makes an ISO/IEC 27001:2022 workspace from a 2013 one, through the
 * mapping of ISO/IEC 27002:2022 Annex B (see the top of this file for
 * the rules), saves it to @file and leaves it open in @target. The
 * report lists what needs a decision: the 11 new controls, merges whose
 * statuses or applicability disagree, the new and split clauses.
 */
void
certo_workspace_migrate_async (CertoWorkspace            *source,
                               CertoWorkspace            *target,
                               GFile                     *file,
                               CertoWorkspaceCreateFlags  flags,
                               GCancellable              *cancellable,
                               GAsyncReadyCallback        callback,
                               gpointer                   user_data)
{
  g_autoptr(GTask) task = NULL;
  MigrateData *md;
  GError *error = NULL;

  g_return_if_fail (CERTO_IS_WORKSPACE (source));
  g_return_if_fail (CERTO_IS_WORKSPACE (target));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (target, cancellable, callback, user_data);
  g_task_set_source_tag (task, certo_workspace_migrate_async);

  if (!_certo_workspace_check_open (source, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  if (g_strcmp0 (certo_workspace_get_framework_id (source), CERTO_FRAMEWORK_ISO27001_2013) != 0)
    {
      g_task_return_new_error (task, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_INVALID_VALUE,
                               _("Only ISO/IEC 27001:2013 workspaces can be migrated to the 2022 edition; this one tracks “%s”."),
                               certo_workspace_get_framework_title (source));
      return;
    }

  md = g_new0 (MigrateData, 1);
  md->source = g_object_ref (source);
  md->file = g_object_ref (file);
  md->flags = flags;
  md->report = g_new0 (CertoMigrationReport, 1);
  md->report->decisions = g_ptr_array_new_with_free_func (decision_free);
  md->framework = certo_framework_load_builtin (CERTO_FRAMEWORK_ISO27001_2022, &error);
  g_task_set_task_data (task, md, migrate_data_free);
  if (md->framework == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  /* Every change made so far must be in the working copy it reads */
  certo_workspace_flush_async (source, cancellable, flushed, g_steal_pointer (&task));
}

/**
 * certo_workspace_migrate_finish:
 * @target: the workspace object given as target
 * @result: the result
 * @error: (out) (optional): %CERTO_WORKSPACE_ERROR_INVALID_VALUE (not a
 *   2013 workspace), or an error of certo_workspace_create_finish()
 *
 * Returns: (transfer full) (nullable): what was carried and what needs a
 *   decision
 */
CertoMigrationReport *
certo_workspace_migrate_finish (CertoWorkspace  *target,
                                GAsyncResult    *result,
                                GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, target), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == certo_workspace_migrate_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * _certo_workspace_seed_free:
 * @seed: (transfer full) (nullable): a migration's data
 */
void
_certo_workspace_seed_free (CertoWorkspaceSeed *seed)
{
  if (seed == NULL)
    return;

  g_clear_pointer (&seed->requirement_values, g_hash_table_unref);
  g_free (seed->source_db);
  g_clear_pointer (&seed->evidence_keys, g_hash_table_unref);
  g_clear_pointer (&seed->finding_keys, g_hash_table_unref);
  _certo_workspace_values_free (seed->workspace_values);
  g_free (seed->history_note);
  g_free (seed->user);
  g_clear_pointer (&seed->decisions, g_ptr_array_unref);
  g_free (seed);
}

/**
 * certo_migration_decision_kind_to_nick:
 * @kind: a decision's kind
 *
 * Returns: (transfer none): its name in certo-cli's JSON
 *   ("status-differs", "open-finding", …)
 */
const char *
certo_migration_decision_kind_to_nick (CertoMigrationDecisionKind kind)
{
  static const char * const nicks[] = {
    [CERTO_MIGRATION_NEW_CONTROL] = "new-control",
    [CERTO_MIGRATION_STATUS_DIFFERS] = "status-differs",
    [CERTO_MIGRATION_APPLICABILITY_DIFFERS] = "applicability-differs",
    [CERTO_MIGRATION_NEW_CLAUSE] = "new-clause",
    [CERTO_MIGRATION_SPLIT_CLAUSE] = "split-clause",
    [CERTO_MIGRATION_AUDIT_DIFFERS] = "audit-differs",
    [CERTO_MIGRATION_TYPE_DIFFERS] = "type-differs",
    [CERTO_MIGRATION_OPEN_FINDING] = "open-finding",
  };

  g_return_val_if_fail (kind < G_N_ELEMENTS (nicks), "");
  return nicks[kind];
}
