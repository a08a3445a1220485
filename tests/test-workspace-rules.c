/* test-workspace-rules.c — what a workspace refuses, cleans and records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One test per finding of the workspace QA report, each with the input
 * that showed it: files that are not files, dates that cannot be, text
 * with control and bidirectional characters, links that are not web
 * addresses, findings without a requirement, merges that disagree,
 * working copies that pile up, evidence missing from the history, undo
 * across sessions. Each refused input leaves the workspace as it was.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "certo.h"
#include "certo-test-util.h"
#include "certo-soa-import.h"
#include "certo-workspace.h"
#include "certo-workspace-migrate.h"
#include "certo-workspace-score.h"

typedef struct
{
  char *tmp;
  char *data_dir;
  char *docs;
} Fixture;

/* Helpers */

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->tmp = g_dir_make_tmp ("certo-rules-XXXXXX", &error);
  g_assert_no_error (error);
  f->data_dir = g_build_filename (f->tmp, "data", NULL);
  f->docs = g_build_filename (f->tmp, "docs", NULL);
  g_assert_cmpint (g_mkdir_with_parents (f->docs, 0755), ==, 0);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  remove_tree (f->tmp);
  g_free (f->tmp);
  g_free (f->data_dir);
  g_free (f->docs);
}

static void
store_result (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static char *
doc_path (Fixture    *f,
          const char *name)
{
  return g_build_filename (f->docs, name, NULL);
}

static CertoWorkspace *
new_workspace (Fixture  *f,
               gboolean  recoverable)
{
  CertoWorkspace *ws = certo_workspace_new (f->data_dir);

  certo_workspace_set_user_name (ws, "Alice Auditor");
  certo_workspace_set_recoverable (ws, recoverable);
  return ws;
}

static CertoWorkspace *
create_workspace (Fixture    *f,
                  const char *name,
                  const char *framework_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CertoFramework) framework = certo_framework_load_builtin (framework_id, &error);
  g_autofree char *path = doc_path (f, name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;
  CertoWorkspace *ws = new_workspace (f, TRUE);

  g_assert_no_error (error);
  certo_workspace_create_async (ws, file, framework, "ACME", "Head office",
                                CERTO_WORKSPACE_CREATE_NONE, NULL, store_result, &result);
  certo_test_wait_async (&result);
  certo_workspace_create_finish (ws, result, &error);
  g_assert_no_error (error);
  certo_workspace_set_save_delay (ws, 600000);
  return ws;
}

static CertoWorkspace *
open_workspace (Fixture    *f,
                const char *name,
                gboolean    recoverable)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = doc_path (f, name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;
  CertoWorkspace *ws = new_workspace (f, recoverable);

  certo_workspace_open_async (ws, file, NULL, store_result, &result);
  certo_test_wait_async (&result);
  certo_workspace_open_finish (ws, result, &error);
  g_assert_no_error (error);
  certo_workspace_set_save_delay (ws, 600000);
  return ws;
}

static void
close_workspace (CertoWorkspace *ws)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  certo_workspace_close_async (ws, CERTO_WORKSPACE_CLOSE_NONE, NULL, store_result, &result);
  certo_test_wait_async (&result);
  certo_workspace_close_finish (ws, result, &error);
  g_assert_no_error (error);
}

static void
flush_workspace (CertoWorkspace *ws)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  certo_workspace_flush_async (ws, NULL, store_result, &result);
  certo_test_wait_async (&result);
  certo_workspace_flush_finish (ws, result, &error);
  g_assert_no_error (error);
}

/* Drops the last reference without closing, as a crash leaves it */
static void
drop_workspace (CertoWorkspace **ws)
{
  g_object_add_weak_pointer (G_OBJECT (*ws), (gpointer *) ws);
  g_object_unref (*ws);
  while (*ws != NULL)
    g_main_context_iteration (NULL, TRUE);
}

static CertoRequirementState *
requirement (CertoWorkspace *ws,
             const char     *label)
{
  CertoRequirementState *state = certo_workspace_find_requirement (ws, label);

  g_assert_nonnull (state);
  return state;
}

static CertoEvidence *
add_file (CertoWorkspace           *ws,
          const char               *path,
          const CertoEvidenceSpec  *spec,
          GError                  **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;

  certo_workspace_add_evidence_file_async (ws, file, spec, NULL, store_result, &result);
  certo_test_wait_async (&result);
  return certo_workspace_add_evidence_file_finish (ws, result, error);
}

static GListModel *
load_history (CertoWorkspace     *ws,
              CertoWorkspaceItem *item)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *history;

  certo_workspace_load_history_async (ws, item, 0, NULL, store_result, &result);
  certo_test_wait_async (&result);
  history = certo_workspace_load_history_finish (ws, result, &error);
  g_assert_no_error (error);
  return history;
}

static guint
count_history (GListModel *history,
               const char *entity,
               const char *action)
{
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (history); i++)
    {
      g_autoptr(CertoHistoryEntry) entry = g_list_model_get_item (history, i);

      if (g_strcmp0 (certo_history_entry_get_entity (entry), entity) == 0 &&
          g_strcmp0 (certo_history_entry_get_action (entry), action) == 0)
        n++;
    }
  return n;
}

static int
restore_undo (CertoWorkspace *ws)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  int n;

  certo_workspace_restore_undo_async (ws, NULL, store_result, &result);
  certo_test_wait_async (&result);
  n = certo_workspace_restore_undo_finish (ws, result, &error);
  g_assert_no_error (error);
  return n;
}

static guint
count_files (const char *dir_path,
             const char *suffix)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint n = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    n += g_str_has_suffix (name, suffix);
  return n;
}

/* Tests */

/* 1: a named pipe or a device as evidence, CSV or destination hung the
 * worker (and every save queued behind it) */
static void
test_not_regular_files (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(CertoWorkspace) ws = create_workspace (f, "pipes.certo", CERTO_FRAMEWORK_ISO27001_2022);
  g_autofree char *fifo = doc_path (f, "evidence.pdf");
  g_autofree char *out_fifo = doc_path (f, "out.pdf");
  g_autofree char *real = doc_path (f, "real.txt");
  g_autoptr(GError) error = NULL;
  const char *keys[] = { "A.5.1", NULL };
  CertoEvidenceSpec spec = { .requirement_keys = keys };
  g_autoptr(CertoEvidence) evidence = NULL;

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  evidence = add_file (ws, fifo, &spec, &error);
  g_assert_null (evidence);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "named pipe"));
  g_assert_nonnull (strstr (error->message, "evidence.pdf"));
  g_clear_error (&error);

  evidence = add_file (ws, "/dev/null", &spec, &error);
  g_assert_null (evidence);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_assert_nonnull (strstr (error->message, "device"));
  g_clear_error (&error);

  evidence = add_file (ws, f->docs, &spec, &error);
  g_assert_null (evidence);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_assert_nonnull (strstr (error->message, "folder"));
  g_clear_error (&error);
  g_assert_cmpuint (g_list_model_get_n_items (certo_workspace_get_evidence (ws)), ==, 0);

  /* The SoA import refuses the pipe as well */
  {
    g_autoptr(GFile) csv = g_file_new_for_path (fifo);
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(CertoSoaImportReport) report = NULL;

    certo_soa_import_async (ws, csv, NULL, store_result, &result);
    certo_test_wait_async (&result);
    report = certo_soa_import_finish (ws, result, &error);
    g_assert_null (report);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
    g_clear_error (&error);
  }

  /* A stored file written back out over a pipe */
  g_assert_true (g_file_set_contents (real, "policy", -1, NULL));
  evidence = add_file (ws, real, &spec, &error);
  g_assert_no_error (error);
  g_assert_cmpint (mkfifo (out_fifo, 0600), ==, 0);
  {
    g_autoptr(GFile) destination = g_file_new_for_path (out_fifo);
    g_autoptr(GAsyncResult) result = NULL;

    certo_workspace_export_evidence_file_async (ws, evidence, destination, NULL, store_result, &result);
    certo_test_wait_async (&result);
    g_assert_false (certo_workspace_export_evidence_file_finish (ws, result, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  }

  /* The worker is not stuck: the workspace still saves and closes */
  close_workspace (ws);
}

/* 2: the approval is measured against the content it approved, and that
 * content survives closing and opening */
static void
test_approval_goes_stale (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(CertoWorkspace) ws = create_workspace (f, "soa.certo", CERTO_FRAMEWORK_ISO27001_2022);
  g_autoptr(CertoWorkspace) again = NULL;
  g_autoptr(GError) error = NULL;
  CertoSoaVersion *version;

  g_assert_true (certo_requirement_state_set_applicability (requirement (ws, "A.5.23"), CERTO_APPLICABILITY_APPLICABLE, &error));
  certo_requirement_state_set_inclusion_reasons (requirement (ws, "A.5.23"), CERTO_INCLUSION_RISK_TREATMENT);
  version = certo_workspace_add_soa_version (ws, "1.0", "Erin Rossi", "2026-03-03", NULL, &error);
  g_assert_no_error (error);
  g_assert_false (certo_workspace_get_soa_changed_since_approval (ws));
  {
    g_autofree char *state = certo_workspace_dup_soa_state (ws, NULL);

    g_assert_cmpstr (state, ==, "Version 1.0, approved by Erin Rossi on 2026-03-03");
  }

  /* Owner and notes are not in the SoA */
  certo_requirement_state_set_owner (requirement (ws, "A.5.23"), "Ops");
  g_assert_false (certo_workspace_get_soa_changed_since_approval (ws));

  /* An exclusion is */
  g_assert_true (certo_requirement_state_set_applicability (requirement (ws, "A.7.4"), CERTO_APPLICABILITY_EXCLUDED, &error));
  g_assert_true (certo_workspace_get_soa_changed_since_approval (ws));
  {
    g_autofree char *state = certo_workspace_dup_soa_state (ws, NULL);

    g_assert_cmpstr (state, ==, "Draft — changed since version 1.0 approved by Erin Rossi on 2026-03-03");
  }
  g_assert_cmpstr (certo_soa_version_get_version (version), ==, "1.0");
  g_assert_cmpstr (certo_soa_version_get_approval_date (version), ==, "2026-03-03");
  close_workspace (ws);

  again = open_workspace (f, "soa.certo", TRUE);
  g_assert_true (certo_workspace_get_soa_changed_since_approval (again));
  g_assert_true (certo_requirement_state_set_applicability (requirement (again, "A.7.4"), CERTO_APPLICABILITY_UNREVIEWED, &error));
  g_assert_false (certo_workspace_get_soa_changed_since_approval (again));
  close_workspace (again);
}

/* 4: a finding names what was found and the requirements it concerns,
 * which must exist; the open ones are listed, majors first */
static void
test_findings (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(CertoWorkspace) ws = create_workspace (f, "findings.certo", CERTO_FRAMEWORK_ISO27001_2022);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) open = NULL;
  const char *none[] = { NULL };
  const char *unknown[] = { "A.9.9", NULL };
  const char *suppliers[] = { "A.5.19", NULL };
  const char *backup[] = { "8.13", NULL };
  CertoAudit *audit;
  CertoFinding *minor;
  CertoFinding *major;
  CertoFinding *closed;

  audit = certo_workspace_add_audit (ws, CERTO_AUDIT_STAGE_2, "2026-05-05", "2026-05-06", &error);
  g_assert_no_error (error);

  g_assert_null (certo_workspace_add_finding (ws, CERTO_FINDING_MINOR_NONCONFORMITY, audit, "No review", none, NULL, &error));
  g_assert_error (error, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_null (certo_workspace_add_finding (ws, CERTO_FINDING_MINOR_NONCONFORMITY, audit, "No review", unknown, NULL, &error));
  g_assert_error (error, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "A.9.9"));
  g_clear_error (&error);
  g_assert_null (certo_workspace_add_finding (ws, CERTO_FINDING_MINOR_NONCONFORMITY, audit, " \u202e\t", suppliers, NULL, &error));
  g_assert_error (error, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_cmpuint (g_list_model_get_n_items (certo_workspace_get_findings (ws)), ==, 0);

  minor = certo_workspace_add_finding (ws, CERTO_FINDING_MINOR_NONCONFORMITY, audit, "No review of suppliers",
                                       suppliers, "2026-07-01", &error);
  g_assert_no_error (error);
  major = certo_workspace_add_finding (ws, CERTO_FINDING_MAJOR_NONCONFORMITY, audit, "Backups never restored",
                                       backup, "2026-09-01", &error);
  g_assert_no_error (error);
  closed = certo_workspace_add_finding (ws, CERTO_FINDING_OBSERVATION, audit, "Old screensaver policy",
                                        suppliers, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (certo_finding_set_closed_date (closed, "2026-06-01", &error));

  /* Its requirements cannot be emptied by name either */
  g_assert_false (certo_workspace_set_field (ws, G_OBJECT (minor), "requirements", "", &error));
  g_assert_error (error, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_cmpstr (certo_finding_get_requirement_keys (minor)[0], ==, "a5.19");

  open = certo_workspace_list_open_findings (ws);
  g_assert_cmpuint (open->len, ==, 2);
  g_assert_true (g_ptr_array_index (open, 0) == major);
  g_assert_true (g_ptr_array_index (open, 1) == minor);
  close_workspace (ws);
}

/* 5: several 2013 controls merged into one 2022 control decide by a
 * stated rule, and the report lists each disagreement */
static void
test_migration_merges (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(CertoWorkspace) old = create_workspace (f, "old.certo", CERTO_FRAMEWORK_ISO27001_2013);
  g_autoptr(CertoWorkspace) target = new_workspace (f, TRUE);
  g_autoptr(CertoMigrationReport) report = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = doc_path (f, "new.certo");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  gboolean status_listed = FALSE, audit_listed = FALSE, applicability_listed = FALSE;

  /* 5.1 ← A.5.1.1 (implemented, compliant) + A.5.1.2 (planned, not assessed) */
  certo_requirement_state_set_status (requirement (old, "A.5.1.1"), CERTO_STATUS_IMPLEMENTED);
  certo_requirement_state_set_audit_result (requirement (old, "A.5.1.1"), CERTO_AUDIT_RESULT_COMPLIANT);
  certo_requirement_state_set_status (requirement (old, "A.5.1.2"), CERTO_STATUS_PLANNED);
  /* 7.2 ← A.11.1.2 (excluded, with a reason) + A.11.1.6 (not decided) */
  g_assert_true (certo_requirement_state_set_applicability (requirement (old, "A.11.1.2"), CERTO_APPLICABILITY_EXCLUDED, &error));
  certo_requirement_state_set_exclusion_justification (requirement (old, "A.11.1.2"), "No premises");
  /* 8.7 ← A.12.2.1 only: nothing to decide */

  certo_workspace_migrate_async (old, target, file, CERTO_WORKSPACE_CREATE_NONE, NULL, store_result, &result);
  certo_test_wait_async (&result);
  report = certo_workspace_migrate_finish (target, result, &error);
  g_assert_no_error (error);

  /* The least advanced status; compliant only when every source was */
  g_assert_cmpint (certo_requirement_state_get_status (requirement (target, "A.5.1")), ==, CERTO_STATUS_PLANNED);
  g_assert_cmpint (certo_requirement_state_get_audit_result (requirement (target, "A.5.1")), ==,
                   CERTO_AUDIT_RESULT_NOT_ASSESSED);
  /* The justification is not lost while the merge is undecided */
  g_assert_cmpint (certo_requirement_state_get_applicability (requirement (target, "A.7.2")), ==,
                   CERTO_APPLICABILITY_UNREVIEWED);
  g_assert_cmpstr (certo_requirement_state_get_exclusion_justification (requirement (target, "A.7.2")), ==,
                   "No premises");

  for (guint i = 0; i < report->decisions->len; i++)
    {
      CertoMigrationDecision *decision = g_ptr_array_index (report->decisions, i);

      g_assert_nonnull (certo_migration_decision_kind_to_nick (decision->kind));
      if (g_strcmp0 (decision->label, "A.5.1") == 0 && decision->kind == CERTO_MIGRATION_STATUS_DIFFERS)
        status_listed = strstr (decision->message, "least advanced") != NULL;
      if (g_strcmp0 (decision->label, "A.5.1") == 0 && decision->kind == CERTO_MIGRATION_AUDIT_DIFFERS)
        audit_listed = strstr (decision->message, "Not assessed") != NULL;
      if (g_strcmp0 (decision->label, "A.7.2") == 0 && decision->kind == CERTO_MIGRATION_APPLICABILITY_DIFFERS)
        applicability_listed = TRUE;
    }
  g_assert_true (status_listed);
  g_assert_true (audit_listed);
  g_assert_true (applicability_listed);

  /* And kept in the history of the requirement */
  {
    g_autoptr(GListModel) history = load_history (target, CERTO_WORKSPACE_ITEM (requirement (target, "A.5.1")));
    guint n_migrate = 0;

    for (guint i = 0; i < g_list_model_get_n_items (history); i++)
      {
        g_autoptr(CertoHistoryEntry) entry = g_list_model_get_item (history, i);

        if (g_str_equal (certo_history_entry_get_action (entry), "migrate"))
          {
            g_assert_nonnull (strstr (certo_history_entry_get_new_value (entry), "A.5.1.1"));
            n_migrate++;
          }
      }
    g_assert_cmpuint (n_migrate, >=, 2);
  }

  close_workspace (target);
  close_workspace (old);
}

/* 6: dates that cannot be, and periods that end before they start */
static void
test_dates (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(CertoWorkspace) ws = create_workspace (f, "dates.certo", CERTO_FRAMEWORK_ISO27001_2022);
  g_autoptr(GError) error = NULL;
  const char *keys[] = { "A.5.1", NULL };
  CertoEvidenceSpec spec = { .requirement_keys = keys };
  const char *impossible[] = { "2026-02-30", "2026-13-01", "0026-01-01", "2026-1-1", "tomorrow" };
  CertoAudit *audit;
  CertoFinding *finding;
  CertoEvidence *evidence;

  for (guint i = 0; i < G_N_ELEMENTS (impossible); i++)
    {
      g_assert_false (certo_workspace_set_certificate_issue_date (ws, impossible[i], &error));
      g_assert_error (error, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_INVALID_VALUE);
      g_clear_error (&error);
      g_assert_false (certo_requirement_state_set_due_date (requirement (ws, "A.5.1"), impossible[i], &error));
      g_clear_error (&error);
    }
  g_assert_null (certo_workspace_get_certificate_issue_date (ws));

  /* A certificate expires after it was issued: each setter, set_field and both at once */
  g_assert_true (certo_workspace_set_certificate_issue_date (ws, "2026-03-15", &error));
  g_assert_false (certo_workspace_set_certificate_expiry_date (ws, "2026-03-14", &error));
  g_assert_error (error, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_INVALID_VALUE);
  g_test_message ("%s", error->message);
  g_clear_error (&error);
  g_assert_false (certo_workspace_set_field (ws, G_OBJECT (ws), "certificate-expiry-date", "2025-01-01", &error));
  g_clear_error (&error);
  g_assert_false (certo_workspace_set_certificate_dates (ws, "2029-03-15", "2029-03-01", &error));
  g_clear_error (&error);
  g_assert_cmpstr (certo_workspace_get_certificate_issue_date (ws), ==, "2026-03-15");
  g_assert_null (certo_workspace_get_certificate_expiry_date (ws));
  /* A recertification moves both past the old expiry at once */
  g_assert_true (certo_workspace_set_certificate_dates (ws, "2029-03-15", "2032-03-14", &error));
  g_assert_no_error (error);

  /* A corrective action is not due, or closed, before the audit that found it */
  audit = certo_workspace_add_audit (ws, CERTO_AUDIT_INTERNAL, "2026-04-01", "2026-04-02", &error);
  g_assert_no_error (error);
  g_assert_null (certo_workspace_add_finding (ws, CERTO_FINDING_MINOR_NONCONFORMITY, audit, "Gap", keys,
                                              "2026-03-01", &error));
  g_assert_error (error, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  finding = certo_workspace_add_finding (ws, CERTO_FINDING_MINOR_NONCONFORMITY, audit, "Gap", keys, "2026-05-01", &error);
  g_assert_no_error (error);
  g_assert_false (certo_finding_set_closed_date (finding, "2026-03-31", &error));
  g_assert_error (error, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_true (certo_finding_set_closed_date (finding, "2026-04-20", &error));

  /* Evidence expires after it becomes valid */
  spec.effective_date = "2026-06-01";
  spec.expiry_date = "2026-05-01";
  g_assert_null (certo_workspace_add_evidence_link (ws, "https://example.com/policy", &spec, &error));
  g_assert_error (error, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  spec.expiry_date = "2027-05-01";
  evidence = certo_workspace_add_evidence_link (ws, "https://example.com/policy", &spec, &error);
  g_assert_no_error (error);
  g_assert_false (certo_evidence_set_expiry_date (evidence, "2026-01-01", &error));
  g_clear_error (&error);
  g_assert_false (certo_workspace_set_field (ws, G_OBJECT (evidence), "effective-date", "2028-01-01", &error));
  g_clear_error (&error);
  g_assert_cmpstr (certo_evidence_get_expiry_date (evidence), ==, "2027-05-01");

  /* Undo restores what was valid together, one field at a time */
  while (certo_workspace_get_can_undo (ws))
    g_assert_true (certo_workspace_undo (ws, NULL));
  g_assert_null (certo_workspace_get_certificate_issue_date (ws));
  close_workspace (ws);
}

/* 7: working copies of sessions that died pile up no more: those of
 * programs that cannot offer recovery go, the others are listed with
 * what tells them apart */
static void
test_working_copies (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(CertoWorkspace) ws = create_workspace (f, "copies.certo", CERTO_FRAMEWORK_ISO27001_2022);
  g_autofree char *workspaces = g_build_filename (f->data_dir, "workspaces", NULL);
  g_autofree char *path = doc_path (f, "copies.certo");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  CertoWorkspace *first;
  CertoWorkspace *second;
  CertoWorkspace *script;

  close_workspace (ws);

  /* Two sessions of the app die with edits, one certo-cli session too */
  first = open_workspace (f, "copies.certo", TRUE);
  certo_requirement_state_set_status (requirement (first, "A.5.1"), CERTO_STATUS_PLANNED);
  certo_requirement_state_set_owner (requirement (first, "A.5.1"), "Erin");
  flush_workspace (first);
  drop_workspace (&first);
  second = open_workspace (f, "copies.certo", TRUE);
  certo_requirement_state_set_status (requirement (second, "A.5.2"), CERTO_STATUS_PLANNED);
  flush_workspace (second);
  drop_workspace (&second);
  script = open_workspace (f, "copies.certo", FALSE);
  certo_requirement_state_set_status (requirement (script, "A.5.3"), CERTO_STATUS_PLANNED);
  flush_workspace (script);
  drop_workspace (&script);
  g_assert_cmpuint (count_files (workspaces, ".certo"), ==, 3);

  list = certo_workspace_list_recoverable_for (f->data_dir, file, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  for (guint i = 0; i < list->len; i++)
    {
      CertoRecoverable *rec = g_ptr_array_index (list, i);

      g_assert_cmpint (rec->size, >, 0);
      g_assert_cmpuint (rec->n_edits, >=, 1);
      g_assert_true (rec->original_exists);
    }
  /* The certo-cli session's copy is gone */
  g_assert_cmpuint (count_files (workspaces, ".certo"), ==, 2);

  /* Discarding every one leaves nothing behind but the gate */
  for (guint i = 0; i < list->len; i++)
    {
      g_assert_true (certo_workspace_discard_recoverable (g_ptr_array_index (list, i), &error));
      g_assert_no_error (error);
    }
  g_clear_pointer (&list, g_ptr_array_unref);
  list = certo_workspace_list_recoverable (f->data_dir, &error);
  g_assert_cmpuint (list->len, ==, 0);
  g_assert_cmpuint (count_files (workspaces, ".certo"), ==, 0);
  g_assert_cmpuint (count_files (workspaces, ".json"), ==, 0);
}

/* 8: sizes in binary units, exact when the rounding would hide the
 * difference */
static void
test_size_units (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(CertoWorkspace) ws = create_workspace (f, "sizes.certo", CERTO_FRAMEWORK_ISO27001_2022);
  g_autofree char *big = doc_path (f, "scan.pdf");
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = g_malloc0 (1024 * 1024 + 1);
  CertoEvidence *evidence;

  certo_workspace_set_max_evidence_size (ws, 1024 * 1024);
  g_assert_true (g_file_set_contents (big, contents, 1024 * 1024 + 1, NULL));
  evidence = add_file (ws, big, NULL, &error);
  g_assert_null (evidence);
  g_assert_error (error, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_TOO_LARGE);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "MiB"));
  g_assert_null (strstr (error->message, " MB"));
  /* Digits grouped as the locale groups them (none in C.UTF-8) */
  g_assert_true (strstr (error->message, "1048577 bytes") != NULL ||
                 strstr (error->message, "1,048,577 bytes") != NULL);
  g_assert_true (strstr (error->message, "1048576 bytes") != NULL ||
                 strstr (error->message, "1,048,576 bytes") != NULL);
  close_workspace (ws);
}

/* 10: evidence links are web addresses of a sane length */
static void
test_links (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(CertoWorkspace) ws = create_workspace (f, "links.certo", CERTO_FRAMEWORK_ISO27001_2022);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) long_url = g_string_new ("https://example.com/");
  const char *refused[] = {
    "javascript:alert(1)", "file:///etc/passwd", "data:text/html,<b>x</b>", "ftp://example.com/a",
    "https://", "example.com/policy", "https://example.com/a b", "https://example.com/\nx",
    "https://example.com/\u202e", "",
  };
  CertoEvidence *evidence;

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_assert_null (certo_workspace_add_evidence_link (ws, refused[i], NULL, &error));
      g_assert_error (error, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_INVALID_VALUE);
      g_test_message ("%s", error->message);
      g_clear_error (&error);
    }
  g_assert_false (certo_evidence_check_link ("javascript:alert(1)", &error));
  g_assert_nonnull (strstr (error->message, "javascript:"));
  g_clear_error (&error);

  while (long_url->len <= CERTO_EVIDENCE_MAX_URL_BYTES)
    g_string_append (long_url, "a");
  g_assert_null (certo_workspace_add_evidence_link (ws, long_url->str, NULL, &error));
  g_assert_error (error, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_cmpuint (g_list_model_get_n_items (certo_workspace_get_evidence (ws)), ==, 0);

  evidence = certo_workspace_add_evidence_link (ws, "HTTPS://intranet.example.com/policies/access%20control?v=3#top",
                                                NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (certo_evidence_get_title (evidence), ==, "intranet.example.com/policies/access control");
  close_workspace (ws);
}

/* 11: control and bidirectional characters never reach a field: the
 * same rule as the catalog import */
static void
test_text_cleaned (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(CertoWorkspace) ws = create_workspace (f, "text.certo", CERTO_FRAMEWORK_ISO27001_2022);
  g_autoptr(CertoWorkspace) again = NULL;
  g_autoptr(GError) error = NULL;
  CertoRequirementState *state = requirement (ws, "A.5.1");
  const char *keys[] = { "A.5.1", NULL };
  CertoEvidenceSpec spec = { .title = "Policy\u202e fdp.exe\x1b[31m", .requirement_keys = keys };
  CertoEvidence *evidence;

  certo_requirement_state_set_owner (state, "Bob\u202eecilA\x07\tOps\n");
  g_assert_cmpstr (certo_requirement_state_get_owner (state), ==, "BobecilA Ops ");
  certo_requirement_state_set_notes (state, "line 1\r\nline 2\rline 3\u2028\x00ignored");
  g_assert_cmpstr (certo_requirement_state_get_notes (state), ==, "line 1\nline 2\nline 3\n");
  g_assert_true (certo_workspace_set_field (ws, G_OBJECT (state), "justification", "\u2066Not\u2069 used\x7f", &error));
  g_assert_cmpstr (certo_requirement_state_get_exclusion_justification (state), ==, "Not used");
  /* An implicit mark is kept, as the catalog keeps it (certo_text_is_unsafe_char()) */
  g_assert_true (certo_workspace_set_organisation (ws, "ACME\u202b S.p.A.\x1b\u200f", &error));
  g_assert_cmpstr (certo_workspace_get_organisation (ws), ==, "ACME S.p.A.\u200f");
  certo_workspace_set_scope (ws, "Head office\n\u202dall services");
  g_assert_cmpstr (certo_workspace_get_scope (ws), ==, "Head office\nall services");
  evidence = certo_workspace_add_evidence_link (ws, "https://example.com/policy", &spec, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (certo_evidence_get_title (evidence), ==, "Policy fdp.exe[31m");
  close_workspace (ws);

  /* As stored */
  again = open_workspace (f, "text.certo", TRUE);
  g_assert_cmpstr (certo_requirement_state_get_owner (requirement (again, "A.5.1")), ==, "BobecilA Ops ");
  g_assert_cmpstr (certo_workspace_get_organisation (again), ==, "ACME S.p.A.\u200f");
  close_workspace (again);
}

/* 12: evidence added and removed is in the history of the requirements
 * it supports; undo works across sessions, as `certo-cli workspace undo` needs */
static void
test_evidence_history_and_undo (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(CertoWorkspace) ws = create_workspace (f, "history.certo", CERTO_FRAMEWORK_ISO27001_2022);
  g_autoptr(CertoWorkspace) again = NULL;
  g_autoptr(GListModel) history = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = doc_path (f, "policy.txt");
  const char *both[] = { "A.5.1", "A.5.2", NULL };
  const char *one[] = { "A.5.1", NULL };
  CertoEvidenceSpec spec = { .requirement_keys = both };
  g_autoptr(CertoEvidence) file_evidence = NULL;
  CertoEvidence *link;

  g_assert_true (g_file_set_contents (text, "policy", -1, NULL));
  file_evidence = add_file (ws, text, &spec, &error);
  g_assert_no_error (error);
  spec.requirement_keys = one;
  link = certo_workspace_add_evidence_link (ws, "https://example.com/a", &spec, &error);
  g_assert_no_error (error);
  g_assert_true (certo_workspace_remove_item (ws, CERTO_WORKSPACE_ITEM (file_evidence), &error));
  flush_workspace (ws);

  history = load_history (ws, CERTO_WORKSPACE_ITEM (requirement (ws, "A.5.1")));
  g_assert_cmpuint (count_history (history, "evidence", "add"), ==, 2);
  g_assert_cmpuint (count_history (history, "evidence", "remove"), ==, 1);
  g_clear_object (&history);
  history = load_history (ws, CERTO_WORKSPACE_ITEM (requirement (ws, "A.5.2")));
  g_assert_cmpuint (count_history (history, "evidence", "add"), ==, 1);
  g_assert_cmpuint (count_history (history, "evidence", "remove"), ==, 1);
  g_clear_object (&history);
  history = load_history (ws, CERTO_WORKSPACE_ITEM (requirement (ws, "A.5.3")));
  g_assert_cmpuint (g_list_model_get_n_items (history), ==, 0);
  g_clear_object (&history);

  /* Unlinking is in both histories' terms too */
  g_assert_true (certo_workspace_link_evidence (ws, link, requirement (ws, "A.5.3"), TRUE, &error));
  history = load_history (ws, CERTO_WORKSPACE_ITEM (requirement (ws, "A.5.3")));
  g_assert_cmpuint (g_list_model_get_n_items (history), ==, 1);
  g_clear_object (&history);

  certo_requirement_state_set_status (requirement (ws, "A.5.1"), CERTO_STATUS_IMPLEMENTED);
  close_workspace (ws);

  /* A later session undoes what is still in effect, newest first: the
   * status, the link to A.5.3, the link's addition; the file's removal
   * and addition are passed over (a removed file left the saved
   * workspace) */
  again = open_workspace (f, "history.certo", FALSE);
  g_assert_false (certo_workspace_get_can_undo (again));
  g_assert_cmpint (restore_undo (again), ==, 3);
  {
    g_autofree char *description = certo_workspace_dup_undo_description (again);

    g_assert_cmpstr (description, ==, "A.5.1 — status: implemented → not-started");
  }
  g_assert_true (certo_workspace_undo (again, &error));
  g_assert_cmpint (certo_requirement_state_get_status (requirement (again, "A.5.1")), ==, CERTO_STATUS_NOT_STARTED);
  close_workspace (again);
  g_clear_object (&again);

  again = open_workspace (f, "history.certo", FALSE);
  g_assert_cmpint (restore_undo (again), ==, 2);
  g_assert_true (certo_workspace_undo (again, &error));
  g_assert_false (certo_evidence_has_requirement (CERTO_EVIDENCE (certo_workspace_find_item (again, CERTO_TYPE_EVIDENCE, 2)),
                                                  "a5.3"));
  g_assert_true (certo_workspace_undo (again, &error));
  g_assert_cmpuint (g_list_model_get_n_items (certo_workspace_get_evidence (again)), ==, 0);
  close_workspace (again);
  g_clear_object (&again);

  /* Every step is undone, or about an item that is gone: nothing left */
  again = open_workspace (f, "history.certo", FALSE);
  g_assert_cmpint (restore_undo (again), ==, 0);
  g_assert_false (certo_workspace_undo (again, &error));
  g_assert_error (error, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_NOTHING_TO_UNDO);
  close_workspace (again);
}

/* 13: a workspace records one organisation's certification: no name, no
 * workspace, and no file made */
static void
test_organisation_required (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(CertoFramework) framework = certo_framework_load_builtin (CERTO_FRAMEWORK_ISO27001_2022, NULL);
  const char *empty[] = { "", "   ", "\u202e\u200f", "\t\n" };
  g_autoptr(CertoWorkspace) ws = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (empty); i++)
    {
      g_autoptr(CertoWorkspace) attempt = new_workspace (f, TRUE);
      g_autofree char *path = doc_path (f, "nameless.certo");
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GAsyncResult) result = NULL;

      certo_workspace_create_async (attempt, file, framework, empty[i], NULL, CERTO_WORKSPACE_CREATE_NONE,
                                    NULL, store_result, &result);
      certo_test_wait_async (&result);
      g_assert_false (certo_workspace_create_finish (attempt, result, &error));
      g_assert_error (error, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_INVALID_VALUE);
      g_clear_error (&error);
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    }

  ws = create_workspace (f, "named.certo", CERTO_FRAMEWORK_ISO27001_2022);
  g_assert_false (certo_workspace_set_organisation (ws, " ", &error));
  g_assert_error (error, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_false (certo_workspace_set_field (ws, G_OBJECT (ws), "organisation", "", &error));
  g_clear_error (&error);
  g_assert_cmpstr (certo_workspace_get_organisation (ws), ==, "ACME");
  close_workspace (ws);
}

/* 14: an excluded control has no implementation status: set_field
 * (`certo-cli workspace set`) refuses a new one and says what to do;
 * the status kept aside comes back when the control is included again */
static void
test_excluded_status (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(CertoWorkspace) ws = create_workspace (f, "excluded.certo", CERTO_FRAMEWORK_ISO27001_2022);
  g_autoptr(GError) error = NULL;
  CertoRequirementState *state = requirement (ws, "A.5.1");

  g_assert_true (certo_workspace_set_field (ws, G_OBJECT (state), "status", "implemented", &error));
  g_assert_no_error (error);
  g_assert_true (certo_workspace_set_field (ws, G_OBJECT (state), "applicable", "no", &error));
  g_assert_no_error (error);

  g_assert_false (certo_workspace_set_field (ws, G_OBJECT (state), "status", "in-progress", &error));
  g_assert_error (error, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_INVALID_VALUE);
  g_assert_nonnull (strstr (error->message, "A.5.1"));
  g_assert_nonnull (strstr (error->message, "applicable=yes"));
  g_clear_error (&error);
  g_assert_cmpint (certo_requirement_state_get_status (state), ==, CERTO_STATUS_IMPLEMENTED);

  /* Setting what it already is changes nothing and is no error */
  g_assert_true (certo_workspace_set_field (ws, G_OBJECT (state), "status", "implemented", &error));
  g_assert_no_error (error);

  /* Included again first, in the same command: allowed */
  g_assert_true (certo_workspace_set_field (ws, G_OBJECT (state), "applicable", "yes", &error));
  g_assert_true (certo_workspace_set_field (ws, G_OBJECT (state), "status", "in-progress", &error));
  g_assert_no_error (error);
  g_assert_cmpint (certo_requirement_state_get_status (state), ==, CERTO_STATUS_IN_PROGRESS);
  close_workspace (ws);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add ("/workspace-rules/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("not-regular-files", test_not_regular_files);
  ADD ("approval-goes-stale", test_approval_goes_stale);
  ADD ("findings", test_findings);
  ADD ("migration-merges", test_migration_merges);
  ADD ("dates", test_dates);
  ADD ("working-copies", test_working_copies);
  ADD ("size-units", test_size_units);
  ADD ("links", test_links);
  ADD ("text-cleaned", test_text_cleaned);
  ADD ("evidence-history-and-undo", test_evidence_history_and_undo);
  ADD ("organisation-required", test_organisation_required);
  ADD ("excluded-status", test_excluded_status);
#undef ADD

  return g_test_run ();
}
