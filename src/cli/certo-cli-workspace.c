/* certo-cli-workspace.c — workspace new, status, set, migrate (export and
 * import-soa are in certo-cli-export.c; history, undo and evidence in
 * certo-cli-workspace-edit.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "certo-cli-private.h"
#include "certo-workspace.h"
#include "certo-workspace-migrate.h"
#include "certo-workspace-score.h"

#define EXPIRY_HORIZON_DAYS 30

static char *opt_organisation;
static char *opt_framework;
static char *opt_scope;
static char *opt_user;
static char *opt_today;
static gboolean opt_force;
static gboolean opt_json;

/* Set by the dispatcher for the commands that only read (status, history,
 * evidence list, export): they read the saved file even while a window
 * has it open */
static gboolean reading_only;

static GOptionEntry new_entries[] = {
  { "organisation", 0, 0, G_OPTION_ARG_STRING, &opt_organisation, N_("The organisation"), N_("NAME") },
  { "framework", 0, 0, G_OPTION_ARG_STRING, &opt_framework, N_("iso27001-2022 (default) or iso27001-2013"), N_("ID") },
  { "scope", 0, 0, G_OPTION_ARG_STRING, &opt_scope, N_("The scope of the ISMS"), N_("TEXT") },
  { "force", 0, 0, G_OPTION_ARG_NONE, &opt_force, N_("Replace an existing file"), NULL },
  { NULL }
};

static GOptionEntry status_entries[] = {
  { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json, N_("Print machine-readable JSON"), NULL },
  { "today", 0, 0, G_OPTION_ARG_STRING, &opt_today, N_("Compute due dates as of this day"), N_("YYYY-MM-DD") },
  { NULL }
};

static GOptionEntry set_entries[] = {
  { "user", 0, 0, G_OPTION_ARG_STRING, &opt_user, N_("The name recorded in the history"), N_("NAME") },
  { NULL }
};

static GOptionEntry migrate_entries[] = {
  { "force", 0, 0, G_OPTION_ARG_NONE, &opt_force, N_("Replace an existing file"), NULL },
  { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json, N_("Print machine-readable JSON"), NULL },
  { NULL }
};

/* Helpers */

static void
reset_options (void)
{
  g_clear_pointer (&opt_organisation, g_free);
  g_clear_pointer (&opt_framework, g_free);
  g_clear_pointer (&opt_scope, g_free);
  g_clear_pointer (&opt_user, g_free);
  g_clear_pointer (&opt_today, g_free);
  opt_force = FALSE;
  opt_json = FALSE;
}

/**
 * cli_workspace_new:
 * @ctx: the command context
 * @user: (nullable): the name the history records (--user)
 *
 * A workspace object as every certo-cli command uses it: not
 * recoverable, since a command that dies has nobody to offer its
 * unsaved changes to (its working copy is swept by the next session).
 *
 * Returns: (transfer full): the workspace, not open yet
 */
CertoWorkspace *
cli_workspace_new (CliContext *ctx,
                   const char *user)
{
  CertoWorkspace *ws = certo_workspace_new (ctx->data_dir);

  certo_workspace_set_recoverable (ws, FALSE);
  if (user != NULL)
    certo_workspace_set_user_name (ws, user);
  return ws;
}

/**
 * cli_workspace_open:
 * @ctx: the command context
 * @path: the workspace file, as typed
 * @user: (nullable): the name the history records
 * @error: (out) (optional): why it could not be opened
 *
 * Returns: (transfer full) (nullable): the open workspace
 */
CertoWorkspace *
cli_workspace_open (CliContext  *ctx,
                    const char  *path,
                    const char  *user,
                    GError     **error)
{
  g_autoptr(CertoWorkspace) ws = cli_workspace_new (ctx, user);
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) local_error = NULL;

  certo_workspace_open_async (ws, file, NULL, cli_store_result, &result);
  cli_wait (&result);
  if (certo_workspace_open_finish (ws, result, &local_error))
    return g_steal_pointer (&ws);

  /* Open in a window: a command that only reads reads the saved file (a
   * consistent snapshot: saves replace it atomically); one that writes
   * keeps refusing, as the window would overwrite its change */
  if (!reading_only ||
      !g_error_matches (local_error, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_ALREADY_OPEN))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  g_clear_object (&ws);
  g_clear_object (&result);
  ws = cli_workspace_new (ctx, user);
  certo_workspace_open_read_only_async (ws, file, NULL, cli_store_result, &result);
  cli_wait (&result);
  if (!certo_workspace_open_finish (ws, result, error))
    return NULL;

  {
    g_autofree char *name = g_filename_display_basename (path);

    /* Translators: %s is a file name; said on stderr, the output stays clean */
    g_printerr (_("Note: “%s” is open in Certo: this reads the file as last saved; changes not saved yet in that window are not included.\n"),
                name);
  }

  return g_steal_pointer (&ws);
}

/**
 * cli_workspace_close:
 * @ws: an open workspace
 * @discard: %TRUE to drop what changed (a command that failed half-way)
 * @error: (out) (optional): why what changed could not be saved
 *
 * Saves what changed to the file (atomically) and closes.
 *
 * Returns: %TRUE when saved and closed
 */
gboolean
cli_workspace_close (CertoWorkspace  *ws,
                     gboolean         discard,
                     GError         **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  certo_workspace_close_async (ws, discard ? CERTO_WORKSPACE_CLOSE_DISCARD : CERTO_WORKSPACE_CLOSE_NONE,
                               NULL, cli_store_result, &result);
  cli_wait (&result);
  return certo_workspace_close_finish (ws, result, error);
}

/**
 * cli_workspace_error:
 * @error: an error of a workspace command
 * @path: the file it is about, as typed
 *
 * Prints @error, in the terminal's terms where the window's would not
 * fit ("use --force" rather than "confirm").
 *
 * Returns: %CLI_EXIT_ERROR
 */
int
cli_workspace_error (const GError *error,
                     const char   *path)
{
  if (g_error_matches (error, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_EXISTS))
    return cli_error (_("%s already exists; choose another name, or add --force to replace it"), path);
  return cli_error ("%s", error->message);
}

static CertoWorkspace *
open_workspace (CliContext  *ctx,
                const char  *path,
                GError     **error)
{
  return cli_workspace_open (ctx, path, opt_user, error);
}

static gboolean
close_workspace (CertoWorkspace  *ws,
                 GError         **error)
{
  return cli_workspace_close (ws, FALSE, error);
}

/* "A.5.19, A.5.20": requirement keys as the workspace shows them */
static char *
requirement_labels (CertoWorkspace     *ws,
                    const char * const *keys)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      CertoRequirementState *state = certo_workspace_find_requirement (ws, keys[i]);

      if (out->len > 0)
        g_string_append (out, ", ");
      g_string_append (out, state != NULL ? certo_requirement_state_get_display_label (state) : keys[i]);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
group_name (const CertoScoreGroup *group)
{
  if (group->is_annex_a && group->label != NULL && !g_str_has_prefix (group->label, "A."))
    return g_strdup_printf ("A.%s %s", group->label, group->title ? group->title : "");
  if (group->is_annex_a)
    return g_strdup_printf ("%s %s", group->label ? group->label : "", group->title ? group->title : "");
  /* Translators: a clause of ISO/IEC 27001, "Clause 9 Performance evaluation" */
  return g_strdup_printf (_("Clause %s %s"), group->label ? group->label : "", group->title ? group->title : "");
}

static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_int (JsonBuilder *builder,
         const char  *member,
         gint64       value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_int_value (builder, value);
}

static void
build_group (JsonBuilder           *builder,
             const CertoScoreGroup *group)
{
  json_builder_begin_object (builder);
  if (group->key != NULL)
    {
      add_string (builder, "key", group->key);
      add_string (builder, "label", group->label);
      add_string (builder, "title", group->title);
      json_builder_set_member_name (builder, "annex_a");
      json_builder_add_boolean_value (builder, group->is_annex_a);
    }
  add_int (builder, "requirements", group->n_requirements);
  add_int (builder, "applicable", group->n_applicable);
  add_int (builder, "excluded", group->n_excluded);
  add_int (builder, "undecided", group->n_undecided);
  add_int (builder, "implemented", group->n_implemented);
  json_builder_set_member_name (builder, "readiness");
  json_builder_add_double_value (builder, group->readiness);
  add_int (builder, "points_earned", group->points_earned);
  add_int (builder, "points_possible", group->points_possible);
  add_int (builder, "unreviewed", group->n_unreviewed);
  json_builder_end_object (builder);
}

/* The widest a group's name may be before it is cut with "…": the
 * figures then stay in one column on an 80-column terminal */
#define GROUP_NAME_MAX_COLUMNS 46

static void
print_group (const CertoScoreGroup *group,
             const char            *name,
             guint                  width)
{
  /* Padded by terminal columns, after cutting names longer than the
   * column ("A.17 Information security aspects of business continuity…") */
  g_autofree char *cut = certo_text_truncate (cli_s (name), width, NULL);
  g_autofree char *padded = cli_pad (cut, width);

  /* Translators: one line of the score: name (padded already),
   * implemented of applicable, percentage, points earned of possible */
  g_print (_("  %s %3u/%-3u %5.1f %%  %4u/%-4u points"),
           padded, group->n_implemented, group->n_applicable, 100.0 * group->readiness,
           group->points_earned, group->points_possible);
  if (group->n_unreviewed > 0)
    g_print (g_dngettext (GETTEXT_PACKAGE, "  (%u unreviewed)", "  (%u unreviewed)", group->n_unreviewed),
             group->n_unreviewed);
  g_print ("\n");
}

static int
print_status (CertoWorkspace *ws,
              const char     *today)
{
  g_autoptr(CertoScore) score = certo_score_compute (certo_workspace_get_requirements (ws));
  g_autoptr(GPtrArray) overdue = certo_workspace_list_overdue_requirements (ws, today);
  g_autoptr(GPtrArray) findings = certo_workspace_list_overdue_findings (ws, today);
  g_autoptr(GPtrArray) expiring = certo_workspace_list_expiring_evidence (ws, today, EXPIRY_HORIZON_DAYS);
  g_autoptr(GPtrArray) schedule = certo_workspace_compute_audit_schedule (ws, today);
  g_autoptr(GPtrArray) open_findings = certo_workspace_list_open_findings (ws);
  g_autofree char *soa_state = certo_workspace_dup_soa_state (ws, NULL);
  guint n_undecided = certo_workspace_count_soa_issues (ws, CERTO_SOA_ISSUE_UNDECIDED);
  guint n_unjustified = certo_workspace_count_soa_issues (ws, CERTO_SOA_ISSUE_NO_JUSTIFICATION);
  guint n_no_reason = certo_workspace_count_soa_issues (ws, CERTO_SOA_ISSUE_NO_REASON);
  const char *number = certo_workspace_get_certificate_number (ws);
  guint width = 0;

  g_print ("%s — %s\n", certo_workspace_get_organisation (ws), certo_workspace_get_framework_title (ws));
  if (certo_workspace_get_scope (ws) != NULL && *certo_workspace_get_scope (ws) != '\0')
    g_print (_("Scope: %s\n"), certo_workspace_get_scope (ws));
  if (number != NULL && *number != '\0')
    {
      const char *issued = certo_workspace_get_certificate_issue_date (ws);
      gboolean is_default = FALSE;
      g_autofree char *expires = certo_workspace_dup_certificate_expiry (ws, &is_default);

      /* The same date as the recertification audit below */
      if (is_default)
        /* Translators: the certificate's number, its certification body, then two dates */
        g_print (_("Certificate: %s (%s), issued %s, valid until %s (end of the three-year cycle)\n"), number,
                 cli_s (certo_workspace_get_certification_body (ws)), issued, expires);
      else
        /* Translators: the certificate's number, its certification body, then two dates */
        g_print (_("Certificate: %s (%s), issued %s, valid until %s\n"), number,
                 cli_s (certo_workspace_get_certification_body (ws)),
                 issued != NULL ? issued : "—",
                 expires != NULL ? expires : "—");
    }

  g_print ("\n");
  g_print (_("Readiness: %u of %u applicable requirements implemented (%.1f %%)\n"),
           score->overall.n_implemented, score->overall.n_applicable, 100.0 * score->overall.readiness);
  g_print (_("Points: %u of %u"), score->overall.points_earned, score->overall.points_possible);
  if (score->overall.n_unreviewed > 0)
    {
      g_print ("; ");
      g_print (g_dngettext (GETTEXT_PACKAGE,
                            "%u requirement has no reviewed control type or obligation and scores nothing",
                            "%u requirements have no reviewed control type or obligation and score nothing",
                            score->overall.n_unreviewed),
               score->overall.n_unreviewed);
    }
  g_print ("\n");
  for (guint i = 0; i < score->groups->len; i++)
    {
      g_autofree char *name = group_name (g_ptr_array_index (score->groups, i));

      width = MAX (width, certo_text_display_width (cli_s (name)));
    }
  width = MIN (width, GROUP_NAME_MAX_COLUMNS);
  for (guint i = 0; i < score->groups->len; i++)
    {
      CertoScoreGroup *group = g_ptr_array_index (score->groups, i);
      g_autofree char *name = group_name (group);

      print_group (group, name, width);
    }

  g_print ("\n");
  /* Translators: %s says which version is approved, or that the SoA is a draft */
  g_print (_("Statement of Applicability: %s\n"), soa_state);
  if (n_undecided + n_unjustified + n_no_reason > 0)
    g_print (_("  Incomplete: %u undecided, %u excluded without justification, %u included without a reason\n"),
             n_undecided, n_unjustified, n_no_reason);

  if (overdue->len > 0)
    {
      g_print ("\n%s\n", _("Overdue requirements:"));
      for (guint i = 0; i < overdue->len; i++)
        {
          CertoRequirementState *req = g_ptr_array_index (overdue, i);
          const char *owner = certo_requirement_state_get_owner (req);

          g_autofree char *label = cli_pad (certo_requirement_state_get_display_label (req), 8);

          g_print ("  %s %s — %s %s%s%s\n",
                   label,
                   cli_s (certo_requirement_state_get_title (req)),
                   _("due"), certo_requirement_state_get_due_date (req),
                   *owner ? ", " : "", cli_s (owner));
        }
    }

  if (open_findings->len > 0)
    {
      g_print ("\n%s\n", _("Open findings:"));
      for (guint i = 0; i < open_findings->len; i++)
        {
          CertoFinding *finding = g_ptr_array_index (open_findings, i);
          g_autofree char *labels = requirement_labels (ws, certo_finding_get_requirement_keys (finding));
          const char *due = certo_finding_get_due_date (finding);

          /* Translators: an open finding: its grade, the requirements it concerns, what was found */
          g_print (_("  %s (%s): %s"),
                   certo_enum_to_label (CERTO_TYPE_FINDING_KIND, certo_finding_get_kind (finding)),
                   labels, cli_s (certo_finding_get_description (finding)));
          if (due != NULL)
            /* Translators: follows an open finding: when its corrective action is due */
            g_print (_(" — due %s"), due);
          g_print ("\n");
        }
    }

  if (findings->len > 0)
    {
      g_print ("\n%s\n", _("Overdue corrective actions:"));
      for (guint i = 0; i < findings->len; i++)
        {
          CertoFinding *finding = g_ptr_array_index (findings, i);

          g_print ("  %s: %s — %s %s\n",
                   certo_enum_to_label (CERTO_TYPE_FINDING_KIND, certo_finding_get_kind (finding)),
                   cli_s (certo_finding_get_description (finding)),
                   _("due"), certo_finding_get_due_date (finding));
        }
    }

  if (expiring->len > 0)
    {
      g_print ("\n");
      g_print (g_dngettext (GETTEXT_PACKAGE,
                            "Evidence expired or expiring within %u day:\n",
                            "Evidence expired or expiring within %u days:\n",
                            EXPIRY_HORIZON_DAYS),
               EXPIRY_HORIZON_DAYS);
      for (guint i = 0; i < expiring->len; i++)
        {
          CertoEvidence *evidence = g_ptr_array_index (expiring, i);

          /* Translators: a piece of evidence's title, then a date */
          g_print (_("  %s — expires %s\n"), cli_s (certo_evidence_get_title (evidence)),
                   certo_evidence_get_expiry_date (evidence));
        }
    }

  g_print ("\n%s\n", _("Audits:"));
  for (guint i = 0; i < schedule->len; i++)
    {
      CertoScheduledAudit *item = g_ptr_array_index (schedule, i);
      g_autofree char *kind = cli_pad (certo_enum_to_label (CERTO_TYPE_AUDIT_KIND, item->kind), 28);

      /* Translators: the first %s is the kind of audit, padded to line up */
      if (item->performed_date != NULL)
        g_print (_("  %-28s done %s\n"), kind, item->performed_date);
      else if (item->due_date != NULL && item->planned_date != NULL &&
               g_strcmp0 (item->planned_date, item->due_date) != 0)
        g_print (_("  %-28s due by %s, planned %s\n"), kind, item->due_date, item->planned_date);
      else if (item->due_date != NULL)
        g_print (_("  %-28s due by %s\n"), kind, item->due_date);
      else if (item->planned_date != NULL)
        g_print ("  %-28s %s\n", kind, item->planned_date);
      else
        g_print (_("  %-28s not planned\n"), kind);
      if (item->overdue)
        {
          g_autofree char *blank = cli_pad ("", 28);

          g_print ("  %s %s\n", blank, _("overdue"));
        }
    }

  return CLI_EXIT_OK;
}

static int
print_status_json (CertoWorkspace *ws,
                   const char     *today)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(CertoScore) score = certo_score_compute (certo_workspace_get_requirements (ws));
  g_autoptr(GPtrArray) overdue = certo_workspace_list_overdue_requirements (ws, today);
  g_autoptr(GPtrArray) findings = certo_workspace_list_overdue_findings (ws, today);
  g_autoptr(GPtrArray) expiring = certo_workspace_list_expiring_evidence (ws, today, EXPIRY_HORIZON_DAYS);
  g_autoptr(GPtrArray) schedule = certo_workspace_compute_audit_schedule (ws, today);
  g_autoptr(GPtrArray) open_findings = certo_workspace_list_open_findings (ws);
  CertoSoaVersion *soa = certo_workspace_get_current_soa_version (ws);
  g_autofree char *uri = g_file_get_uri (certo_workspace_get_file (ws));
  g_autofree char *expires = certo_workspace_dup_certificate_expiry (ws, NULL);
  gboolean changed = certo_workspace_get_soa_changed_since_approval (ws);

  json_builder_begin_object (builder);
  add_string (builder, "file", uri);
  add_string (builder, "organisation", certo_workspace_get_organisation (ws));
  add_string (builder, "scope", certo_workspace_get_scope (ws));
  add_string (builder, "framework", certo_workspace_get_framework_id (ws));
  add_string (builder, "framework_title", certo_workspace_get_framework_title (ws));
  add_string (builder, "edition", certo_workspace_get_edition (ws));
  add_string (builder, "today", today);

  json_builder_set_member_name (builder, "certificate");
  json_builder_begin_object (builder);
  add_string (builder, "number", certo_workspace_get_certificate_number (ws));
  add_string (builder, "certification_body", certo_workspace_get_certification_body (ws));
  add_string (builder, "issued", certo_workspace_get_certificate_issue_date (ws));
  add_string (builder, "expires", certo_workspace_get_certificate_expiry_date (ws));
  add_string (builder, "valid_until", expires);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "overall");
  build_group (builder, &score->overall);
  json_builder_set_member_name (builder, "clauses");
  build_group (builder, &score->clauses);
  json_builder_set_member_name (builder, "annex_a");
  build_group (builder, &score->annex_a);
  json_builder_set_member_name (builder, "groups");
  json_builder_begin_array (builder);
  for (guint i = 0; i < score->groups->len; i++)
    build_group (builder, g_ptr_array_index (score->groups, i));
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "soa");
  json_builder_begin_object (builder);
  add_string (builder, "version", soa != NULL ? certo_soa_version_get_version (soa) : NULL);
  add_string (builder, "approver", soa != NULL ? certo_soa_version_get_approver (soa) : NULL);
  add_string (builder, "approval_date", soa != NULL ? certo_soa_version_get_approval_date (soa) : NULL);
  /* "approved": exports show the version approved; "changed": edited
   * since, a draft again; "draft": never approved */
  add_string (builder, "state", soa == NULL ? "draft" : changed ? "changed" : "approved");
  add_int (builder, "undecided", certo_workspace_count_soa_issues (ws, CERTO_SOA_ISSUE_UNDECIDED));
  add_int (builder, "excluded_without_justification",
           certo_workspace_count_soa_issues (ws, CERTO_SOA_ISSUE_NO_JUSTIFICATION));
  add_int (builder, "included_without_reason", certo_workspace_count_soa_issues (ws, CERTO_SOA_ISSUE_NO_REASON));
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "overdue_requirements");
  json_builder_begin_array (builder);
  for (guint i = 0; i < overdue->len; i++)
    {
      CertoRequirementState *req = g_ptr_array_index (overdue, i);

      json_builder_begin_object (builder);
      add_string (builder, "key", certo_requirement_state_get_key (req));
      add_string (builder, "label", certo_requirement_state_get_display_label (req));
      add_string (builder, "title", certo_requirement_state_get_title (req));
      add_string (builder, "status", certo_enum_to_nick (CERTO_TYPE_IMPLEMENTATION_STATUS,
                                                         certo_requirement_state_get_status (req)));
      add_string (builder, "owner", certo_requirement_state_get_owner (req));
      add_string (builder, "due", certo_requirement_state_get_due_date (req));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "open_findings");
  json_builder_begin_array (builder);
  for (guint i = 0; i < open_findings->len; i++)
    {
      CertoFinding *finding = g_ptr_array_index (open_findings, i);
      const char * const *keys = certo_finding_get_requirement_keys (finding);

      json_builder_begin_object (builder);
      add_int (builder, "id", certo_workspace_item_get_id (CERTO_WORKSPACE_ITEM (finding)));
      add_string (builder, "kind", certo_enum_to_nick (CERTO_TYPE_FINDING_KIND, certo_finding_get_kind (finding)));
      add_string (builder, "reference",
                  certo_finding_get_reference (finding) != NULL && *certo_finding_get_reference (finding) != '\0'
                  ? certo_finding_get_reference (finding) : NULL);
      add_string (builder, "description", certo_finding_get_description (finding));
      json_builder_set_member_name (builder, "requirements");
      json_builder_begin_array (builder);
      for (guint j = 0; keys != NULL && keys[j] != NULL; j++)
        {
          CertoRequirementState *state = certo_workspace_find_requirement (ws, keys[j]);

          json_builder_add_string_value (builder, state != NULL ? certo_requirement_state_get_display_label (state)
                                                                : keys[j]);
        }
      json_builder_end_array (builder);
      add_string (builder, "due", certo_finding_get_due_date (finding));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "overdue_findings");
  json_builder_begin_array (builder);
  for (guint i = 0; i < findings->len; i++)
    {
      CertoFinding *finding = g_ptr_array_index (findings, i);

      json_builder_begin_object (builder);
      add_int (builder, "id", certo_workspace_item_get_id (CERTO_WORKSPACE_ITEM (finding)));
      add_string (builder, "kind", certo_enum_to_nick (CERTO_TYPE_FINDING_KIND, certo_finding_get_kind (finding)));
      add_string (builder, "description", certo_finding_get_description (finding));
      add_string (builder, "due", certo_finding_get_due_date (finding));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "expiring_evidence");
  json_builder_begin_array (builder);
  for (guint i = 0; i < expiring->len; i++)
    {
      CertoEvidence *evidence = g_ptr_array_index (expiring, i);

      json_builder_begin_object (builder);
      add_int (builder, "id", certo_workspace_item_get_id (CERTO_WORKSPACE_ITEM (evidence)));
      add_string (builder, "title", certo_evidence_get_title (evidence));
      add_string (builder, "kind", certo_enum_to_nick (CERTO_TYPE_EVIDENCE_KIND, certo_evidence_get_kind (evidence)));
      add_string (builder, "expires", certo_evidence_get_expiry_date (evidence));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "audits");
  json_builder_begin_array (builder);
  for (guint i = 0; i < schedule->len; i++)
    {
      CertoScheduledAudit *item = g_ptr_array_index (schedule, i);

      json_builder_begin_object (builder);
      add_string (builder, "kind", certo_enum_to_nick (CERTO_TYPE_AUDIT_KIND, item->kind));
      add_string (builder, "due", item->due_date);
      add_string (builder, "planned", item->planned_date);
      add_string (builder, "performed", item->performed_date);
      json_builder_set_member_name (builder, "overdue");
      json_builder_add_boolean_value (builder, item->overdue);
      add_string (builder, "rule", item->rule);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_end_object (builder);
  cli_print_json (builder);
  return CLI_EXIT_OK;
}

/* Subcommands */

static int
workspace_new (CliContext  *ctx,
               int          argc,
               char       **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CertoFramework) framework = NULL;
  g_autoptr(CertoWorkspace) ws = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  int status;

  if (!cli_parse_options ("workspace new", _("FILE --organisation NAME"), new_entries, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return cli_usage_error ("workspace", _("workspace new takes one file"));
  if (opt_organisation == NULL)
    return cli_usage_error ("workspace", _("workspace new needs --organisation NAME"));
  if (opt_framework == NULL)
    opt_framework = g_strdup (CERTO_FRAMEWORK_ISO27001_2022);
  if (!g_str_equal (opt_framework, CERTO_FRAMEWORK_ISO27001_2022) &&
      !g_str_equal (opt_framework, CERTO_FRAMEWORK_ISO27001_2013))
    return cli_usage_error ("workspace", _("Unknown framework “%s”: use iso27001-2022 or iso27001-2013"),
                            opt_framework);

  framework = certo_framework_load_builtin (opt_framework, &error);
  if (framework == NULL)
    return cli_error ("%s", error->message);

  ws = cli_workspace_new (ctx, opt_user);
  file = g_file_new_for_commandline_arg (argv[1]);
  certo_workspace_create_async (ws, file, framework, opt_organisation, opt_scope,
                                opt_force ? CERTO_WORKSPACE_CREATE_REPLACE : CERTO_WORKSPACE_CREATE_NONE,
                                NULL, cli_store_result, &result);
  cli_wait (&result);
  if (!certo_workspace_create_finish (ws, result, &error))
    return cli_workspace_error (error, argv[1]);

  g_print (g_dngettext (GETTEXT_PACKAGE,
                        "Created %s: %u requirement of %s\n",
                        "Created %s: %u requirements of %s\n",
                        g_list_model_get_n_items (certo_workspace_get_requirements (ws))),
           argv[1], g_list_model_get_n_items (certo_workspace_get_requirements (ws)),
           certo_framework_get_title (framework));

  if (!close_workspace (ws, &error))
    return cli_error ("%s", error->message);
  return CLI_EXIT_OK;
}

static int
workspace_status (CliContext  *ctx,
                  int          argc,
                  char       **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CertoWorkspace) ws = NULL;
  g_autofree char *today = NULL;
  int status;

  if (!cli_parse_options ("workspace status", _("FILE"), status_entries, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return cli_usage_error ("workspace", _("workspace status takes one file"));
  if (opt_today != NULL && !certo_iso_date_is_valid (opt_today))
    return cli_usage_error ("workspace", _("--today needs a date written YYYY-MM-DD"));

  today = opt_today != NULL ? g_strdup (opt_today) : certo_iso_date_today ();
  ws = open_workspace (ctx, argv[1], &error);
  if (ws == NULL)
    return cli_error ("%s", error->message);

  status = opt_json ? print_status_json (ws, today) : print_status (ws, today);

  if (!close_workspace (ws, &error))
    return cli_error ("%s", error->message);
  return status;
}

static int
workspace_set (CliContext  *ctx,
               int          argc,
               char       **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CertoWorkspace) ws = NULL;
  GObject *target;
  int status;

  if (!cli_parse_options ("workspace set", _("FILE REQUIREMENT|workspace FIELD=VALUE…"), set_entries,
                          &argc, &argv, &status))
    return status;
  if (argc < 4)
    return cli_usage_error ("workspace", _("workspace set takes a file, a requirement (or “workspace”) and FIELD=VALUE pairs"));

  for (int i = 3; i < argc; i++)
    if (strchr (argv[i], '=') == NULL)
      return cli_usage_error ("workspace", _("“%s” is not FIELD=VALUE"), argv[i]);

  ws = open_workspace (ctx, argv[1], &error);
  if (ws == NULL)
    return cli_error ("%s", error->message);

  if (g_str_equal (argv[2], "workspace"))
    target = G_OBJECT (ws);
  else
    target = G_OBJECT (certo_workspace_find_requirement (ws, argv[2]));

  if (target == NULL)
    {
      cli_workspace_close (ws, TRUE, NULL);
      return cli_error (_("%s has no requirement “%s”; use its number, as in A.5.14 or 9.2"), argv[1], argv[2]);
    }

  /* All or nothing: one undo group, and nothing saved if a value is bad */
  certo_workspace_begin_changes (ws);
  for (int i = 3; i < argc; i++)
    {
      g_auto(GStrv) pair = g_strsplit (argv[i], "=", 2);

      if (!certo_workspace_set_field (ws, target, pair[0], pair[1], &error))
        {
          certo_workspace_end_changes (ws);
          cli_workspace_close (ws, TRUE, NULL);
          return cli_error ("%s: %s", argv[i], error->message);
        }
    }
  certo_workspace_end_changes (ws);

  if (!close_workspace (ws, &error))
    return cli_error ("%s", error->message);
  return CLI_EXIT_OK;
}

static int
workspace_migrate (CliContext  *ctx,
                   int          argc,
                   char       **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CertoWorkspace) source = NULL;
  g_autoptr(CertoWorkspace) target = NULL;
  g_autoptr(CertoMigrationReport) report = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GFile) file = NULL;
  int status;

  if (!cli_parse_options ("workspace migrate", _("FILE-2013 FILE-2022"), migrate_entries, &argc, &argv, &status))
    return status;
  if (argc != 3)
    return cli_usage_error ("workspace", _("workspace migrate takes the 2013 workspace and the file to make"));

  source = open_workspace (ctx, argv[1], &error);
  if (source == NULL)
    return cli_error ("%s", error->message);

  target = cli_workspace_new (ctx, NULL);
  file = g_file_new_for_commandline_arg (argv[2]);
  certo_workspace_migrate_async (source, target, file,
                                 opt_force ? CERTO_WORKSPACE_CREATE_REPLACE : CERTO_WORKSPACE_CREATE_NONE,
                                 NULL, cli_store_result, &result);
  cli_wait (&result);
  report = certo_workspace_migrate_finish (target, result, &error);
  cli_workspace_close (source, TRUE, NULL);
  if (report == NULL)
    return cli_workspace_error (error, argv[2]);

  if (opt_json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      add_int (builder, "requirements", report->n_requirements);
      add_int (builder, "carried", report->n_carried);
      add_int (builder, "evidence", report->n_evidence);
      add_int (builder, "audits", report->n_audits);
      add_int (builder, "findings", report->n_findings);
      json_builder_set_member_name (builder, "decisions");
      json_builder_begin_array (builder);
      for (guint i = 0; i < report->decisions->len; i++)
        {
          CertoMigrationDecision *decision = g_ptr_array_index (report->decisions, i);

          json_builder_begin_object (builder);
          add_string (builder, "kind", certo_migration_decision_kind_to_nick (decision->kind));
          add_string (builder, "key", decision->key);
          add_string (builder, "label", decision->label);
          add_string (builder, "title", decision->title);
          json_builder_set_member_name (builder, "sources");
          json_builder_begin_array (builder);
          for (guint j = 0; decision->sources[j] != NULL; j++)
            json_builder_add_string_value (builder, decision->sources[j]);
          json_builder_end_array (builder);
          add_string (builder, "message", decision->message);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      cli_print_json (builder);
    }
  else
    {
      g_print (_("Made %s: %u requirements, %u carried over from 2013; %u evidence items, %u audits, %u findings\n"),
               argv[2], report->n_requirements, report->n_carried, report->n_evidence,
               report->n_audits, report->n_findings);
      g_print (g_dngettext (GETTEXT_PACKAGE, "%u needs a decision:\n", "%u need a decision:\n",
                            report->decisions->len),
               report->decisions->len);
      for (guint i = 0; i < report->decisions->len; i++)
        {
          CertoMigrationDecision *decision = g_ptr_array_index (report->decisions, i);

          g_autofree char *label = cli_pad (decision->label, 8);

          g_print ("  %s %s — %s\n", label, cli_s (decision->title), cli_s (decision->message));
        }
    }

  if (!close_workspace (target, &error))
    return cli_error ("%s", error->message);
  return CLI_EXIT_OK;
}

/**
 * cli_command_workspace:
 * @ctx: the command context
 * @argc: arguments, "workspace" first
 * @argv: the same
 *
 * `certo-cli workspace new|status|set|evidence|history|undo|migrate|export|import-soa …`: the certification
 * workspace from the terminal, for scripts and tests.
 */
int
cli_command_workspace (CliContext  *ctx,
                       int          argc,
                       char       **argv)
{
  static const struct
  {
    const char *name;
    int (*func) (CliContext *ctx, int argc, char **argv);
  } subcommands[] = {
    { "new", workspace_new },
    { "status", workspace_status },
    { "set", workspace_set },
    { "migrate", workspace_migrate },
    { "export", cli_workspace_export },
    { "import-soa", cli_workspace_import_soa },
    { "history", cli_workspace_history },
    { "undo", cli_workspace_undo },
    { "evidence", cli_workspace_evidence },
  };
  int status;

  if (argc < 2 || g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"))
    {
      g_print ("%s\n", _("Usage:"));
      g_print ("  certo-cli workspace new FILE --organisation NAME [--framework iso27001-2022|iso27001-2013] [--scope TEXT] [--force]\n");
      g_print ("  certo-cli workspace status FILE [--json] [--today YYYY-MM-DD]\n");
      g_print ("  certo-cli workspace set FILE REQUIREMENT|workspace FIELD=VALUE… [--user NAME]\n");
      g_print ("  certo-cli workspace migrate FILE-2013 FILE-2022 [--force] [--json]\n");
      g_print ("  certo-cli workspace export FILE --format csv|xlsx|pdf|report --output OUT [--force]\n");
      g_print ("  certo-cli workspace import-soa FILE CSV [--json]\n");
      g_print ("  certo-cli workspace evidence add FILE REQUIREMENT[,REQUIREMENT…] PATH|URL [--title TEXT] [--effective YYYY-MM-DD] [--expires YYYY-MM-DD]\n");
      g_print ("  certo-cli workspace evidence remove FILE ID\n");
      g_print ("  certo-cli workspace evidence list FILE [--json]\n");
      g_print ("  certo-cli workspace history FILE [REQUIREMENT] [--limit N] [--json]\n");
      g_print ("  certo-cli workspace undo FILE\n");
      g_print ("\n%s\n", _("Fields: status, applicable, reasons, justification, type, obligation, audit, owner, due, notes;"));
      g_print ("%s\n", _("for “workspace”: organisation, scope, certificate-number, certification-body, certificate-issue-date, certificate-expiry-date."));
      return argc < 2 ? CLI_EXIT_USAGE : CLI_EXIT_OK;
    }

  for (guint i = 0; i < G_N_ELEMENTS (subcommands); i++)
    {
      if (!g_str_equal (argv[1], subcommands[i].name))
        continue;

      reset_options ();
      reading_only = g_str_equal (argv[1], "status") || g_str_equal (argv[1], "history") ||
                     g_str_equal (argv[1], "export") ||
                     (g_str_equal (argv[1], "evidence") && argc > 2 && g_str_equal (argv[2], "list"));
      status = subcommands[i].func (ctx, argc - 1, argv + 1);
      reading_only = FALSE;
      reset_options ();
      return status;
    }

  return cli_usage_error ("workspace", _("Unknown workspace command “%s”: use new, status, set, evidence, history, undo, migrate, export or import-soa"), argv[1]);
}
