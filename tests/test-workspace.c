/* test-workspace.c — the certification workspace: file, edits, rules, scores
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Real files in temporary folders: the user's *.certo file, Certo's data
 * folder with the working copies. What a user would notice: their file
 * unchanged until a save and complete after it, refused files left
 * exactly as they were, edits surviving a crash, history and undo, the
 * rules of ISO/IEC 27001, exact scores.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include "certo.h"
#include "certo-test-util.h"
#include "certo-workspace.h"
#include "certo-workspace-migrate.h"
#include "certo-workspace-score.h"
#include "certo-sqlite.h"

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

  f->tmp = g_dir_make_tmp ("certo-workspace-XXXXXX", &error);
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

  chmod (path, 0755);
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

static void
wait_for (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
}

static char *
doc_path (Fixture    *f,
          const char *name)
{
  return g_build_filename (f->docs, name, NULL);
}

static CertoWorkspace *
create_workspace (Fixture    *f,
                  const char *path,
                  const char *framework_id,
                  const char *organisation)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CertoFramework) framework = certo_framework_load_builtin (framework_id, &error);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;
  CertoWorkspace *ws;

  g_assert_no_error (error);
  ws = certo_workspace_new (f->data_dir);
  certo_workspace_set_user_name (ws, "Alice Auditor");
  certo_workspace_create_async (ws, file, framework, organisation, "Head office, all IT services",
                                CERTO_WORKSPACE_CREATE_NONE, NULL, store_result, &result);
  wait_for (&result);
  certo_workspace_create_finish (ws, result, &error);
  g_assert_no_error (error);
  g_assert_true (certo_workspace_get_is_open (ws));
  return ws;
}

static CertoWorkspace *
open_workspace (Fixture     *f,
                const char  *path,
                GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(CertoWorkspace) ws = certo_workspace_new (f->data_dir);

  certo_workspace_set_user_name (ws, "Alice Auditor");
  certo_workspace_open_async (ws, file, NULL, store_result, &result);
  wait_for (&result);
  if (!certo_workspace_open_finish (ws, result, error))
    return NULL;
  return g_steal_pointer (&ws);
}

static gboolean
close_workspace (CertoWorkspace            *ws,
                 CertoWorkspaceCloseFlags   flags,
                 GError                   **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  certo_workspace_close_async (ws, flags, NULL, store_result, &result);
  wait_for (&result);
  return certo_workspace_close_finish (ws, result, error);
}

static gboolean
save_workspace (CertoWorkspace  *ws,
                GError         **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  certo_workspace_save_async (ws, CERTO_WORKSPACE_SAVE_NONE, NULL, store_result, &result);
  wait_for (&result);
  return certo_workspace_save_finish (ws, result, error);
}

static void
flush_workspace (CertoWorkspace *ws)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  certo_workspace_flush_async (ws, NULL, store_result, &result);
  wait_for (&result);
  certo_workspace_flush_finish (ws, result, &error);
  g_assert_no_error (error);
}

static CertoRequirementState *
requirement (CertoWorkspace *ws,
             const char     *label)
{
  CertoRequirementState *state = certo_workspace_find_requirement (ws, label);

  g_assert_nonnull (state);
  return state;
}

/* Opens a saved file with plain SQLite, read-only, as any tool would */
static void
assert_valid_workspace_file (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  guint8 header[100];
  FILE *fp;

  fp = fopen (path, "rb");
  g_assert_nonnull (fp);
  g_assert_cmpuint (fread (header, 1, sizeof header, fp), ==, sizeof header);
  fclose (fp);
  g_assert_cmpmem (header, 16, "SQLite format 3", 16);
  /* Application id at 68, big-endian; rollback journal, not WAL (18, 19) */
  g_assert_cmphex ((header[68] << 24) | (header[69] << 16) | (header[70] << 8) | header[71],
                   ==, CERTO_WORKSPACE_APPLICATION_ID);
  g_assert_cmpint (header[18], ==, 1);
  g_assert_cmpint (header[19], ==, 1);

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, CERTO_WORKSPACE_SCHEMA_VERSION);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

static gint64
query_int (const char *path,
           const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static void
exec_sql (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
write_file (const char *path,
            gsize       size,
            guint32     seed)
{
  g_autofree guint8 *data = g_malloc (size);
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GError) error = NULL;

  for (gsize i = 0; i < size; i++)
    data[i] = g_rand_int (rand) & 0xff;
  g_file_set_contents (path, (const char *) data, size, &error);
  g_assert_no_error (error);
}

static void
copy_file (const char *from,
           const char *to)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (from, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (to, contents, length, &error);
  g_assert_no_error (error);
}

static gboolean
timeout_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until the workspace has no unsaved change */
static void
wait_until_saved (CertoWorkspace *ws)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (20, timeout_cb, &timed_out);

  while ((certo_workspace_get_dirty (ws) || certo_workspace_get_saving (ws)) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (id);
}

/* Drops the last reference without closing: the working copy stays as
 * a crash leaves it (the lock goes with the object) */
static void
drop_workspace (CertoWorkspace **ws)
{
  g_object_add_weak_pointer (G_OBJECT (*ws), (gpointer *) ws);
  g_object_unref (*ws);
  while (*ws != NULL)
    g_main_context_iteration (NULL, TRUE);
}

/* Tests */

static void
test_create_open_round_trip (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *path = doc_path (f, "acme.certo");
  g_autoptr(CertoWorkspace) ws = create_workspace (f, path, CERTO_FRAMEWORK_ISO27001_2022, "ACME S.p.A.");
  g_autoptr(CertoWorkspace) again = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *requirements = certo_workspace_get_requirements (ws);
  guint n_annex = 0;
  guint n_clauses = 0;
  CertoRequirementState *req;

  /* ISO/IEC 27001:2022: 93 Annex A controls, and the clause requirements */
  for (guint i = 0; i < g_list_model_get_n_items (requirements); i++)
    {
      g_autoptr(CertoRequirementState) state = g_list_model_get_item (requirements, i);

      n_annex += certo_requirement_state_get_is_annex_a (state);
      n_clauses += certo_requirement_state_get_is_clause (state);
      g_assert_cmpuint (certo_requirement_state_get_position (state), ==, i);
    }
  g_assert_cmpuint (n_annex, ==, 93);
  g_assert_cmpuint (n_clauses, >, 20);
  g_assert_cmpuint (n_annex + n_clauses, ==, g_list_model_get_n_items (requirements));
  g_assert_cmpstr (certo_workspace_get_framework_id (ws), ==, "iso27001-2022");
  g_assert_cmpstr (certo_workspace_get_edition (ws), ==, "2022");
  assert_valid_workspace_file (path);

  /* Numbers as people write them: A.5.1 is the control, 5.1 the clause */
  req = requirement (ws, "A.5.14");
  g_assert_cmpstr (certo_requirement_state_get_display_label (req), ==, "A.5.14");
  g_assert_cmpstr (certo_requirement_state_get_title (req), ==, "Information transfer");
  g_assert_true (certo_requirement_state_get_is_annex_a (req));
  g_assert_true (requirement (ws, "5.14") == req);
  g_assert_false (certo_requirement_state_get_is_annex_a (requirement (ws, "5.1")));
  g_assert_true (certo_requirement_state_get_is_annex_a (requirement (ws, "a.5.1")));
  g_assert_cmpint (certo_requirement_state_get_applicability (req), ==, CERTO_APPLICABILITY_UNREVIEWED);
  g_assert_cmpint (certo_requirement_state_get_applicability (requirement (ws, "9.2")), ==,
                   CERTO_APPLICABILITY_APPLICABLE);

  certo_requirement_state_set_status (req, CERTO_STATUS_IN_PROGRESS);
  certo_requirement_state_set_owner (req, "Bob Builder");
  certo_requirement_state_set_due_date (req, "2025-06-30", &error);
  g_assert_no_error (error);
  certo_requirement_state_set_notes (req, "TLS everywhere; «mail» still open");
  certo_requirement_state_set_applicability (req, CERTO_APPLICABILITY_APPLICABLE, &error);
  g_assert_no_error (error);
  certo_requirement_state_set_inclusion_reasons (req, CERTO_INCLUSION_LEGAL | CERTO_INCLUSION_RISK_TREATMENT);
  certo_requirement_state_set_control_type (req, CERTO_CONTROL_TYPE_PREVENTIVE);
  certo_requirement_state_set_obligation (req, CERTO_OBLIGATION_MANDATORY);
  certo_requirement_state_set_audit_result (req, CERTO_AUDIT_RESULT_PARTIALLY_COMPLIANT);
  g_assert_true (certo_requirement_state_set_applicability (requirement (ws, "A.7.4"),
                                                            CERTO_APPLICABILITY_EXCLUDED, NULL));
  certo_requirement_state_set_exclusion_justification (requirement (ws, "A.7.4"),
                                                       "No physical premises in scope");
  certo_workspace_set_scope (ws, "Cloud services only");
  g_assert_nonnull (certo_workspace_add_soa_version (ws, "1.0", "Carla CISO", "2025-01-15", "First issue", &error));
  g_assert_no_error (error);
  g_assert_true (certo_workspace_get_dirty (ws));

  g_assert_true (close_workspace (ws, CERTO_WORKSPACE_CLOSE_NONE, &error));
  g_assert_no_error (error);
  g_assert_false (certo_workspace_get_is_open (ws));
  assert_valid_workspace_file (path);

  again = open_workspace (f, path, &error);
  g_assert_no_error (error);
  req = requirement (again, "A.5.14");
  g_assert_cmpint (certo_requirement_state_get_status (req), ==, CERTO_STATUS_IN_PROGRESS);
  g_assert_cmpstr (certo_requirement_state_get_owner (req), ==, "Bob Builder");
  g_assert_cmpstr (certo_requirement_state_get_due_date (req), ==, "2025-06-30");
  g_assert_cmpstr (certo_requirement_state_get_notes (req), ==, "TLS everywhere; «mail» still open");
  g_assert_cmpint (certo_requirement_state_get_inclusion_reasons (req), ==,
                   CERTO_INCLUSION_LEGAL | CERTO_INCLUSION_RISK_TREATMENT);
  g_assert_cmpint (certo_requirement_state_get_control_type (req), ==, CERTO_CONTROL_TYPE_PREVENTIVE);
  g_assert_cmpint (certo_requirement_state_get_obligation (req), ==, CERTO_OBLIGATION_MANDATORY);
  g_assert_cmpint (certo_requirement_state_get_audit_result (req), ==, CERTO_AUDIT_RESULT_PARTIALLY_COMPLIANT);
  g_assert_cmpint (certo_requirement_state_get_soa_issues (req), ==, CERTO_SOA_ISSUE_NONE);
  g_assert_cmpint (certo_requirement_state_get_applicability (requirement (again, "A.7.4")), ==,
                   CERTO_APPLICABILITY_EXCLUDED);
  g_assert_cmpstr (certo_workspace_get_organisation (again), ==, "ACME S.p.A.");
  g_assert_cmpstr (certo_workspace_get_scope (again), ==, "Cloud services only");
  g_assert_cmpstr (certo_soa_version_get_approver (certo_workspace_get_current_soa_version (again)), ==,
                   "Carla CISO");
  g_assert_true (close_workspace (again, CERTO_WORKSPACE_CLOSE_NONE, &error));

  /* A closed workspace leaves nothing in the data folder */
  {
    g_autoptr(GPtrArray) recoverable = certo_workspace_list_recoverable (f->data_dir, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (recoverable->len, ==, 0);
  }
}

static void
test_untouched_until_save (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *path = doc_path (f, "acme.certo");
  g_autoptr(CertoWorkspace) ws = create_workspace (f, path, CERTO_FRAMEWORK_ISO27001_2022, "ACME");
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *dir_before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *dir_after = NULL;

  g_assert_true (close_workspace (ws, CERTO_WORKSPACE_CLOSE_NONE, &error));
  g_clear_object (&ws);

  before = certo_test_file_sha256 (path);
  dir_before = certo_test_dir_digest (f->docs);

  ws = open_workspace (f, path, &error);
  g_assert_no_error (error);
  certo_workspace_set_save_delay (ws, 600000);
  certo_requirement_state_set_status (requirement (ws, "A.8.1"), CERTO_STATUS_IMPLEMENTED);
  g_assert_true (certo_workspace_set_organisation (ws, "ACME Ltd", NULL));
  flush_workspace (ws);

  /* Committed to the working copy, nothing written beside the user's
   * file, the file itself byte for byte as it was */
  g_autofree char *still = certo_test_file_sha256 (path);
  g_autofree char *dir_still = certo_test_dir_digest (f->docs);
  g_assert_cmpstr (still, ==, before);
  g_assert_cmpstr (dir_still, ==, dir_before);
  g_assert_true (certo_workspace_get_dirty (ws));

  g_assert_true (save_workspace (ws, &error));
  g_assert_no_error (error);
  g_assert_false (certo_workspace_get_dirty (ws));
  after = certo_test_file_sha256 (path);
  g_assert_cmpstr (after, !=, before);
  assert_valid_workspace_file (path);
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM requirement WHERE key = 'a8.1' AND status = 'implemented'"),
                   ==, 1);
  /* Only the file itself is in its folder: no temporary, no journal */
  dir_after = certo_test_dir_digest (f->docs);
  g_assert_cmpuint (strlen (dir_after), ==, strlen (dir_before));

  g_assert_true (close_workspace (ws, CERTO_WORKSPACE_CLOSE_NONE, &error));
}

static void
test_autosave (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *path = doc_path (f, "auto.certo");
  g_autoptr(CertoWorkspace) ws = create_workspace (f, path, CERTO_FRAMEWORK_ISO27001_2022, "ACME");
  g_autoptr(CertoWorkspace) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = certo_test_file_sha256 (path);

  certo_workspace_set_save_delay (ws, 50);
  certo_requirement_state_set_owner (requirement (ws, "A.5.15"), "Dana");
  g_assert_true (certo_workspace_get_dirty (ws));
  wait_until_saved (ws);

  g_autofree char *after = certo_test_file_sha256 (path);
  g_assert_cmpstr (after, !=, before);
  assert_valid_workspace_file (path);

  /* Keep the workspace open and read the saved file as another machine would */
  {
    g_autofree char *copy = doc_path (f, "mailed.certo");

    copy_file (path, copy);
    again = open_workspace (f, copy, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (certo_requirement_state_get_owner (requirement (again, "A.5.15")), ==, "Dana");
    g_assert_true (close_workspace (again, CERTO_WORKSPACE_CLOSE_NONE, &error));
  }

  g_assert_true (close_workspace (ws, CERTO_WORKSPACE_CLOSE_NONE, &error));
}

static void
test_crash_recovery (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *path = doc_path (f, "crash.certo");
  g_autoptr(CertoWorkspace) ws = create_workspace (f, path, CERTO_FRAMEWORK_ISO27001_2022, "ACME");
  g_autoptr(CertoWorkspace) recovered = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = certo_test_file_sha256 (path);
  CertoRecoverable *rec;

  certo_workspace_set_save_delay (ws, 600000);
  certo_requirement_state_set_status (requirement (ws, "A.5.1"), CERTO_STATUS_IMPLEMENTED);
  certo_requirement_state_set_owner (requirement (ws, "A.5.1"), "Erin");
  flush_workspace (ws);

  /* The session ends without saving or closing (the process died) */
  drop_workspace (&ws);
  {
    g_autofree char *now = certo_test_file_sha256 (path);

    g_assert_cmpstr (now, ==, saved);
  }

  list = certo_workspace_list_recoverable (f->data_dir, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  rec = g_ptr_array_index (list, 0);
  g_assert_cmpstr (rec->display_name, ==, "crash.certo");
  g_assert_cmpstr (rec->organisation, ==, "ACME");
  g_assert_true (rec->original_exists);
  g_assert_nonnull (rec->changed_at);

  /* Opening the file meanwhile works and does not hide the recoverable copy */
  {
    g_autoptr(CertoWorkspace) plain = open_workspace (f, path, &error);
    g_autoptr(GPtrArray) still = NULL;

    g_assert_no_error (error);
    g_assert_cmpint (certo_requirement_state_get_status (requirement (plain, "A.5.1")), ==,
                     CERTO_STATUS_NOT_STARTED);
    g_assert_true (close_workspace (plain, CERTO_WORKSPACE_CLOSE_NONE, &error));
    still = certo_workspace_list_recoverable (f->data_dir, &error);
    g_assert_cmpuint (still->len, ==, 1);
  }

  recovered = certo_workspace_new (f->data_dir);
  certo_workspace_recover_async (recovered, rec, NULL, NULL, store_result, &result);
  wait_for (&result);
  g_assert_true (certo_workspace_recover_finish (recovered, result, &error));
  g_assert_no_error (error);
  g_assert_cmpint (certo_requirement_state_get_status (requirement (recovered, "A.5.1")), ==,
                   CERTO_STATUS_IMPLEMENTED);
  g_assert_cmpstr (certo_requirement_state_get_owner (requirement (recovered, "A.5.1")), ==, "Erin");

  /* Recovering writes the edits back to the user's file */
  wait_until_saved (recovered);
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM requirement WHERE key = 'a5.1' AND owner = 'Erin'"), ==, 1);
  g_assert_true (close_workspace (recovered, CERTO_WORKSPACE_CLOSE_NONE, &error));

  g_clear_pointer (&list, g_ptr_array_unref);
  list = certo_workspace_list_recoverable (f->data_dir, &error);
  g_assert_cmpuint (list->len, ==, 0);
}

static void
assert_refused (Fixture    *f,
                const char *path,
                GQuark      domain,
                int         code,
                const char *fragment)
{
  g_autofree char *before = certo_test_file_sha256 (path);
  g_autofree char *dir_before = certo_test_dir_digest (f->docs);
  g_autoptr(CertoWorkspace) ws = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;

  ws = open_workspace (f, path, &error);
  g_assert_null (ws);
  g_assert_error (error, domain, code);
  g_test_message ("%s", error->message);
  if (fragment != NULL)
    g_assert_nonnull (strstr (error->message, fragment));

  {
    g_autofree char *after = certo_test_file_sha256 (path);
    g_autofree char *dir_after = certo_test_dir_digest (f->docs);

    g_assert_cmpstr (after, ==, before);
    g_assert_cmpstr (dir_after, ==, dir_before);
  }

  /* No working copy left behind either */
  list = certo_workspace_list_recoverable (f->data_dir, NULL);
  g_assert_cmpuint (list->len, ==, 0);
  {
    g_autofree char *wdir = g_build_filename (f->data_dir, "workspaces", NULL);
    g_autoptr(GDir) dir = g_dir_open (wdir, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      g_assert_true (g_str_has_suffix (name, ".gate"));
  }
}

static void
test_refuse_not_workspace (Fixture       *f,
                           gconstpointer  data)
{
  static const guint8 png[] = {
    0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
    0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89,
  };
  g_autofree char *png_path = doc_path (f, "logo.certo");
  g_autofree char *other = doc_path (f, "other.certo");
  g_autofree char *empty = doc_path (f, "empty.certo");
  g_autoptr(GError) error = NULL;

  g_file_set_contents (png_path, (const char *) png, sizeof png, &error);
  g_assert_no_error (error);
  assert_refused (f, png_path, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_NOT_A_WORKSPACE,
                  "is not a Certo workspace");

  /* An SQLite database of another program (another application id) */
  exec_sql (other, "PRAGMA application_id = 1234; CREATE TABLE t (x); INSERT INTO t VALUES (1);");
  assert_refused (f, other, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_NOT_A_WORKSPACE,
                  "database of another program");

  g_file_set_contents (empty, "", 0, &error);
  assert_refused (f, empty, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_NOT_A_WORKSPACE, "empty");

  /* And a folder */
  assert_refused (f, f->docs, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_NOT_A_WORKSPACE, NULL);
}

static void
test_refuse_corrupt_and_newer (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *path = doc_path (f, "good.certo");
  g_autofree char *truncated = doc_path (f, "truncated.certo");
  g_autofree char *newer = doc_path (f, "newer.certo");
  g_autofree char *scrambled = doc_path (f, "scrambled.certo");
  g_autoptr(CertoWorkspace) ws = create_workspace (f, path, CERTO_FRAMEWORK_ISO27001_2022, "ACME");
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (close_workspace (ws, CERTO_WORKSPACE_CLOSE_NONE, &error));
  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 8192);

  /* Cut in the middle, as an interrupted copy or download leaves it */
  g_file_set_contents (truncated, contents, length / 2 + 100, &error);
  g_assert_no_error (error);
  assert_refused (f, truncated, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_CORRUPT, "incomplete");

  /* Whole length, but pages overwritten */
  memset (contents + 4096 + 10, 0x5a, MIN (length - 4106, 8000));
  g_file_set_contents (scrambled, contents, length, &error);
  g_assert_no_error (error);
  assert_refused (f, scrambled, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_CORRUPT, "damaged");

  /* Made by a newer Certo */
  copy_file (path, newer);
  exec_sql (newer, "PRAGMA user_version = 99");
  assert_refused (f, newer, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_NEWER_VERSION,
                  "newer version of Certo");
}

static void
test_already_open (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = doc_path (f, "busy.certo");
  g_autofree char *link_path = doc_path (f, "link.certo");
  g_autoptr(CertoWorkspace) ws = create_workspace (f, path, CERTO_FRAMEWORK_ISO27001_2022, "ACME");
  g_autoptr(CertoWorkspace) second = NULL;
  g_autoptr(GError) error = NULL;

  second = open_workspace (f, path, &error);
  g_assert_null (second);
  g_assert_error (error, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_ALREADY_OPEN);
  g_clear_error (&error);

  /* Through a symbolic link it is the same file */
  g_assert_cmpint (symlink (path, link_path), ==, 0);
  second = open_workspace (f, link_path, &error);
  g_assert_error (error, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_ALREADY_OPEN);
  g_clear_error (&error);

  g_assert_true (close_workspace (ws, CERTO_WORKSPACE_CLOSE_NONE, &error));
  second = open_workspace (f, path, &error);
  g_assert_no_error (error);
  g_assert_true (close_workspace (second, CERTO_WORKSPACE_CLOSE_NONE, &error));
}

static void
read_only_folder_body (Fixture *f)
{
  g_autofree char *folder = g_build_filename (f->docs, "shared", NULL);
  g_autofree char *path = NULL;
  g_autoptr(CertoWorkspace) ws = NULL;
  g_autoptr(CertoWorkspace) elsewhere = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *other = doc_path (f, "rescued.certo");

  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  path = g_build_filename (folder, "ro.certo", NULL);
  ws = create_workspace (f, path, CERTO_FRAMEWORK_ISO27001_2022, "ACME");
  before = certo_test_file_sha256 (path);

  certo_workspace_set_save_delay (ws, 600000);
  certo_requirement_state_set_status (requirement (ws, "A.8.8"), CERTO_STATUS_PLANNED);
  g_assert_cmpint (chmod (folder, 0555), ==, 0);

  g_assert_false (save_workspace (ws, &error));
  g_assert_error (error, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_CANNOT_SAVE);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "cannot be written"));
  g_assert_nonnull (strstr (error->message, "folder you can write to"));
  g_clear_error (&error);
  g_assert_true (certo_workspace_get_dirty (ws));
  {
    g_autofree char *after = certo_test_file_sha256 (path);

    g_assert_cmpstr (after, ==, before);
  }

  /* Closing refuses to lose the edit; the workspace stays open */
  g_assert_false (close_workspace (ws, CERTO_WORKSPACE_CLOSE_NONE, &error));
  g_assert_error (error, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_CANNOT_SAVE);
  g_clear_error (&error);
  g_assert_true (certo_workspace_get_is_open (ws));
  g_assert_cmpint (certo_requirement_state_get_status (requirement (ws, "A.8.8")), ==, CERTO_STATUS_PLANNED);

  /* Save As somewhere writable keeps everything */
  {
    g_autoptr(GFile) file = g_file_new_for_path (other);
    g_autoptr(GAsyncResult) result = NULL;

    certo_workspace_save_as_async (ws, file, NULL, store_result, &result);
    wait_for (&result);
    g_assert_true (certo_workspace_save_as_finish (ws, result, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_equal (certo_workspace_get_file (ws), file));
  }
  g_assert_true (close_workspace (ws, CERTO_WORKSPACE_CLOSE_NONE, &error));
  elsewhere = open_workspace (f, other, &error);
  g_assert_no_error (error);
  g_assert_cmpint (certo_requirement_state_get_status (requirement (elsewhere, "A.8.8")), ==, CERTO_STATUS_PLANNED);
  g_assert_true (close_workspace (elsewhere, CERTO_WORKSPACE_CLOSE_NONE, &error));
  chmod (folder, 0755);
}

static void
test_read_only_folder (Fixture       *f,
                       gconstpointer  data)
{
  /* root writes into read-only folders: run the test as "nobody" */
  if (geteuid () == 0)
    {
      if (g_test_subprocess ())
        {
          g_assert_cmpint (chmod (f->tmp, 0777), ==, 0);
          g_assert_cmpint (chmod (f->docs, 0777), ==, 0);
          if (setgid (65534) != 0 || setuid (65534) != 0)
            {
              g_test_skip ("cannot drop root privileges");
              return;
            }
          read_only_folder_body (f);
          return;
        }

      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  read_only_folder_body (f);
}

static void
test_create_refuses_existing (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *path = doc_path (f, "notes.certo");
  g_autoptr(CertoFramework) framework = certo_framework_load_builtin (CERTO_FRAMEWORK_ISO27001_2022, NULL);
  g_autoptr(CertoWorkspace) ws = certo_workspace_new (f->data_dir);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;

  g_file_set_contents (path, "my own notes", -1, &error);
  before = certo_test_file_sha256 (path);
  certo_workspace_create_async (ws, file, framework, "ACME", NULL, CERTO_WORKSPACE_CREATE_NONE,
                                NULL, store_result, &result);
  wait_for (&result);
  g_assert_false (certo_workspace_create_finish (ws, result, &error));
  g_assert_error (error, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_EXISTS);
  {
    g_autofree char *after = certo_test_file_sha256 (path);

    g_assert_cmpstr (after, ==, before);
  }
}

static void
add_file_done (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static CertoEvidence *
add_file (CertoWorkspace           *ws,
          const char               *path,
          const CertoEvidenceSpec  *spec,
          GError                  **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;

  certo_workspace_add_evidence_file_async (ws, file, spec, NULL, add_file_done, &result);
  wait_for (&result);
  return certo_workspace_add_evidence_file_finish (ws, result, error);
}

static void
test_evidence_files (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *path = doc_path (f, "evidence.certo");
  g_autofree char *pdf = doc_path (f, "policy.pdf");
  g_autofree char *huge = doc_path (f, "scan.pdf");
  g_autofree char *out = doc_path (f, "policy-exported.pdf");
  g_autoptr(CertoWorkspace) ws = create_workspace (f, path, CERTO_FRAMEWORK_ISO27001_2022, "ACME");
  g_autoptr(CertoWorkspace) again = NULL;
  g_autoptr(CertoEvidence) evidence = NULL;
  g_autoptr(CertoEvidence) refused = NULL;
  g_autoptr(GError) error = NULL;
  const char * const keys[] = { "A.5.1", "A.5.14", "a5.1", NULL };
  CertoEvidenceSpec spec = { .title = "Information security policy", .effective_date = "2025-01-01",
                             .expiry_date = "2026-01-01", .requirement_keys = keys };
  g_autofree char *expected = NULL;
  g_autofree char *undo_sha = NULL;
  int fd;

  write_file (pdf, 3 * 1024 * 1024 + 17, 42);
  expected = certo_test_file_sha256 (pdf);

  evidence = add_file (ws, pdf, &spec, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (certo_evidence_get_sha256 (evidence), ==, expected);
  g_assert_cmpint (certo_evidence_get_size (evidence), ==, 3 * 1024 * 1024 + 17);
  g_assert_cmpstr (certo_evidence_get_file_name (evidence), ==, "policy.pdf");
  g_assert_cmpstr (certo_evidence_get_added_by (evidence), ==, "Alice Auditor");
  g_assert_cmpstrv (certo_evidence_get_requirement_keys (evidence),
                    ((const char * const[]) { "a5.1", "a5.14", NULL }));
  g_assert_cmpuint (certo_requirement_state_get_n_evidence (requirement (ws, "A.5.14")), ==, 1);
  {
    g_autoptr(GListModel) for_req = certo_workspace_list_evidence_for (ws, requirement (ws, "A.5.1"));

    g_assert_cmpuint (g_list_model_get_n_items (for_req), ==, 1);
  }

  /* Over the cap (default 50 MiB): refused with a message that says what to do */
  fd = g_open (huge, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, 73 * 1000 * 1000), ==, 0);
  close (fd);
  refused = add_file (ws, huge, NULL, &error);
  g_assert_null (refused);
  g_assert_error (error, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==,
                   "“scan.pdf” is 69.6\u00a0MiB; evidence files can be at most 50.0\u00a0MiB. Link to it instead.");
  g_clear_error (&error);
  g_assert_cmpuint (g_list_model_get_n_items (certo_workspace_get_evidence (ws)), ==, 1);

  /* A lower cap, set by the UI */
  certo_workspace_set_max_evidence_size (ws, 1024 * 1024);
  refused = add_file (ws, pdf, NULL, &error);
  g_assert_error (error, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_TOO_LARGE);
  g_clear_error (&error);

  /* Links: web addresses only */
  g_assert_null (certo_workspace_add_evidence_link (ws, "javascript:alert(1)", NULL, &error));
  g_assert_error (error, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_null (certo_workspace_add_evidence_link (ws, "file:///etc/passwd", NULL, &error));
  g_clear_error (&error);
  g_assert_nonnull (certo_workspace_add_evidence_link (ws, "https://intranet.example/isms/policy",
                                                       &(CertoEvidenceSpec) { .requirement_keys = (const char *[]) { "A.5.1", NULL } },
                                                       &error));
  g_assert_no_error (error);

  /* A Library document, snapshotted */
  {
    CertoLibrarySnapshot snapshot = {
      .title = "Azure ISO/IEC 27001 certificate", .certificate_number = "IS 533913",
      .issuer = "BSI", .issue_date = "2022-11-05", .expiry_date = "2025-11-05",
      .url = "https://learn.microsoft.com/compliance/iso-27001", .source_name = "Microsoft",
      .document_key = "azure-iso27001-certificate",
    };
    CertoEvidence *lib = certo_workspace_add_evidence_library (ws, &snapshot,
                                                               &(CertoEvidenceSpec) { .requirement_keys = (const char *[]) { "A.5.23", NULL } },
                                                               &error);
    g_autoptr(CertoLibrarySnapshot) copy = NULL;

    g_assert_no_error (error);
    g_assert_cmpstr (certo_evidence_get_expiry_date (lib), ==, "2025-11-05");
    copy = certo_evidence_dup_snapshot (lib);
    g_assert_cmpstr (copy->certificate_number, ==, "IS 533913");
    g_assert_cmpstr (copy->issuer, ==, "BSI");
  }

  /* Exported back out, byte for byte */
  {
    g_autoptr(GFile) dest = g_file_new_for_path (out);
    g_autoptr(GAsyncResult) result = NULL;
    g_autofree char *exported = NULL;

    certo_workspace_export_evidence_file_async (ws, evidence, dest, NULL, store_result, &result);
    wait_for (&result);
    g_assert_true (certo_workspace_export_evidence_file_finish (ws, result, &error));
    g_assert_no_error (error);
    exported = certo_test_file_sha256 (out);
    g_assert_cmpstr (exported, ==, expected);
  }

  g_assert_true (close_workspace (ws, CERTO_WORKSPACE_CLOSE_NONE, &error));
  assert_valid_workspace_file (path);
  g_assert_cmpint (query_int (path, "SELECT length (data) FROM evidence_file"), ==, 3 * 1024 * 1024 + 17);

  again = open_workspace (f, path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (certo_workspace_get_evidence (again)), ==, 3);
  g_assert_cmpuint (certo_requirement_state_get_n_evidence (requirement (again, "A.5.1")), ==, 2);
  {
    g_autoptr(CertoEvidence) first = g_list_model_get_item (certo_workspace_get_evidence (again), 0);

    g_assert_cmpstr (certo_evidence_get_sha256 (first), ==, expected);
    g_assert_cmpstr (certo_evidence_get_expiry_date (first), ==, "2026-01-01");

    /* Removing it leaves it out of the saved file at once; undo brings it back */
    certo_workspace_set_save_delay (again, 600000);
    g_assert_true (certo_workspace_remove_item (again, CERTO_WORKSPACE_ITEM (first), &error));
    g_assert_cmpuint (g_list_model_get_n_items (certo_workspace_get_evidence (again)), ==, 2);
    g_assert_cmpuint (certo_requirement_state_get_n_evidence (requirement (again, "A.5.14")), ==, 0);
    g_assert_true (save_workspace (again, &error));
    g_assert_cmpint (query_int (path, "SELECT count(*) FROM evidence_file"), ==, 0);
    g_assert_cmpint (query_int (path, "SELECT count(*) FROM evidence"), ==, 2);
    assert_valid_workspace_file (path);

    g_assert_true (certo_workspace_undo (again, &error));
    g_assert_cmpuint (g_list_model_get_n_items (certo_workspace_get_evidence (again)), ==, 3);
    g_assert_cmpuint (certo_requirement_state_get_n_evidence (requirement (again, "A.5.14")), ==, 1);
    g_assert_true (save_workspace (again, &error));
    g_assert_cmpint (query_int (path, "SELECT length (data) FROM evidence_file"), ==, 3 * 1024 * 1024 + 17);
    undo_sha = g_strdup (certo_evidence_get_sha256 (first));
  }
  g_assert_cmpstr (undo_sha, ==, expected);
  g_assert_true (close_workspace (again, CERTO_WORKSPACE_CLOSE_NONE, &error));
}

static void
history_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GListModel *
load_history (CertoWorkspace     *ws,
              CertoWorkspaceItem *item)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *history;

  certo_workspace_load_history_async (ws, item, 0, NULL, history_done, &result);
  wait_for (&result);
  history = certo_workspace_load_history_finish (ws, result, &error);
  g_assert_no_error (error);
  return history;
}

static CertoHistoryEntry *
history_at (GListModel *history,
            guint       position)
{
  static CertoHistoryEntry *last;

  g_clear_object (&last);
  if (history != NULL)
    last = g_list_model_get_item (history, position);
  return last;
}

static void
test_history_and_undo (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *path = doc_path (f, "history.certo");
  g_autoptr(CertoWorkspace) ws = create_workspace (f, path, CERTO_FRAMEWORK_ISO27001_2022, "ACME");
  g_autoptr(GListModel) history = NULL;
  g_autoptr(GError) error = NULL;
  CertoRequirementState *req = requirement (ws, "A.8.24");
  CertoHistoryEntry *entry;
  guint n_notify = 0;

  certo_workspace_set_save_delay (ws, 600000);
  g_assert_false (certo_workspace_get_can_undo (ws));
  g_signal_connect_swapped (ws, "notify::can-undo", G_CALLBACK (g_atomic_int_inc), &n_notify);

  /* Three edits by Alice */
  certo_requirement_state_set_status (req, CERTO_STATUS_PLANNED);
  g_assert_true (certo_workspace_set_field (ws, G_OBJECT (req), "owner", "Frank", &error));
  g_assert_true (certo_workspace_set_field (ws, G_OBJECT (req), "due", "2025-09-30", &error));
  g_assert_no_error (error);
  g_assert_true (certo_workspace_get_can_undo (ws));
  g_assert_cmpuint (n_notify, ==, 1);

  history = load_history (ws, CERTO_WORKSPACE_ITEM (req));
  g_assert_cmpuint (g_list_model_get_n_items (history), ==, 3);
  entry = history_at (history, 0);
  g_assert_cmpstr (certo_history_entry_get_action (entry), ==, "edit");
  g_assert_cmpstr (certo_history_entry_get_entity (entry), ==, "requirement");
  g_assert_cmpstr (certo_history_entry_get_entity_name (entry), ==, "A.8.24");
  g_assert_cmpstr (certo_history_entry_get_field (entry), ==, "due-date");
  g_assert_null (certo_history_entry_get_old_value (entry));
  g_assert_cmpstr (certo_history_entry_get_new_value (entry), ==, "2025-09-30");
  g_assert_cmpstr (certo_history_entry_get_user (entry), ==, "Alice Auditor");
  g_assert_true (g_str_has_suffix (certo_history_entry_get_timestamp (entry), "Z"));
  entry = history_at (history, 2);
  g_assert_cmpstr (certo_history_entry_get_field (entry), ==, "status");
  g_assert_cmpstr (certo_history_entry_get_old_value (entry), ==, "not-started");
  g_assert_cmpstr (certo_history_entry_get_new_value (entry), ==, "planned");
  g_clear_object (&history);

  /* Bob undoes all three, newest first */
  certo_workspace_set_user_name (ws, "Bob Builder");
  g_assert_true (certo_workspace_undo (ws, &error));
  g_assert_null (certo_requirement_state_get_due_date (req));
  g_assert_cmpstr (certo_requirement_state_get_owner (req), ==, "Frank");
  g_assert_true (certo_workspace_undo (ws, &error));
  g_assert_cmpstr (certo_requirement_state_get_owner (req), ==, "");
  g_assert_true (certo_workspace_undo (ws, &error));
  g_assert_cmpint (certo_requirement_state_get_status (req), ==, CERTO_STATUS_NOT_STARTED);
  g_assert_false (certo_workspace_get_can_undo (ws));
  g_assert_cmpuint (n_notify, ==, 2);
  g_assert_false (certo_workspace_undo (ws, &error));
  g_assert_error (error, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_NOTHING_TO_UNDO);
  g_clear_error (&error);

  /* Each undo is a change in the history too */
  history = load_history (ws, CERTO_WORKSPACE_ITEM (req));
  g_assert_cmpuint (g_list_model_get_n_items (history), ==, 6);
  entry = history_at (history, 0);
  g_assert_cmpstr (certo_history_entry_get_action (entry), ==, "undo");
  g_assert_cmpstr (certo_history_entry_get_field (entry), ==, "status");
  g_assert_cmpstr (certo_history_entry_get_old_value (entry), ==, "planned");
  g_assert_cmpstr (certo_history_entry_get_new_value (entry), ==, "not-started");
  g_assert_cmpstr (certo_history_entry_get_user (entry), ==, "Bob Builder");
  g_clear_object (&history);

  /* A group is one step */
  certo_workspace_begin_changes (ws);
  certo_requirement_state_set_status (req, CERTO_STATUS_IMPLEMENTED);
  certo_workspace_set_certificate_number (ws, "IS 700001");
  certo_workspace_end_changes (ws);
  g_assert_true (certo_workspace_undo (ws, &error));
  g_assert_cmpint (certo_requirement_state_get_status (req), ==, CERTO_STATUS_NOT_STARTED);
  g_assert_cmpstr (certo_workspace_get_certificate_number (ws), ==, "");

  /* Only the last 100 steps are kept */
  for (guint i = 0; i < 150; i++)
    {
      g_autofree char *note = g_strdup_printf ("note %u", i);

      certo_requirement_state_set_notes (req, note);
    }
  for (guint i = 0; i < CERTO_WORKSPACE_UNDO_LIMIT; i++)
    g_assert_true (certo_workspace_undo (ws, NULL));
  g_assert_false (certo_workspace_get_can_undo (ws));
  g_assert_cmpstr (certo_requirement_state_get_notes (req), ==, "note 49");

  /* The history is saved with the file */
  g_assert_true (close_workspace (ws, CERTO_WORKSPACE_CLOSE_NONE, &error));
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM history WHERE action = 'undo'"), ==, 3 + 2 + 100);
  history_at (NULL, 0);
}

static void
test_clause_applicability (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *path = doc_path (f, "soa.certo");
  g_autoptr(CertoWorkspace) ws = create_workspace (f, path, CERTO_FRAMEWORK_ISO27001_2022, "ACME");
  g_autoptr(GError) error = NULL;
  CertoRequirementState *clause = requirement (ws, "6.1.3");
  CertoRequirementState *control = requirement (ws, "A.7.6");
  guint n_undecided;

  g_assert_true (certo_requirement_state_get_is_clause (clause));
  g_assert_false (certo_requirement_state_set_applicability (clause, CERTO_APPLICABILITY_EXCLUDED, &error));
  g_assert_error (error, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_ALWAYS_APPLICABLE);
  g_assert_nonnull (strstr (error->message, "6.1.3"));
  g_clear_error (&error);

  g_assert_false (certo_workspace_set_field (ws, G_OBJECT (clause), "applicable", "no", &error));
  g_assert_error (error, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_ALWAYS_APPLICABLE);
  g_clear_error (&error);

  g_object_set (clause, "applicability", CERTO_APPLICABILITY_EXCLUDED, NULL);
  g_assert_cmpint (certo_requirement_state_get_applicability (clause), ==, CERTO_APPLICABILITY_APPLICABLE);
  g_assert_false (certo_workspace_get_can_undo (ws));

  /* An Annex A exclusion saves without a justification, flagged */
  n_undecided = certo_workspace_count_soa_issues (ws, CERTO_SOA_ISSUE_UNDECIDED);
  g_assert_cmpuint (n_undecided, ==, 93);
  g_assert_true (certo_workspace_set_field (ws, G_OBJECT (control), "applicable", "no", &error));
  g_assert_no_error (error);
  g_assert_cmpint (certo_requirement_state_get_soa_issues (control), ==, CERTO_SOA_ISSUE_NO_JUSTIFICATION);
  g_assert_cmpuint (certo_workspace_count_soa_issues (ws, CERTO_SOA_ISSUE_NO_JUSTIFICATION), ==, 1);
  certo_requirement_state_set_exclusion_justification (control, "Clear desk covered by A.7.7 in scope");
  g_assert_cmpint (certo_requirement_state_get_soa_issues (control), ==, CERTO_SOA_ISSUE_NONE);

  /* Included without a reason is flagged too; reasons are a set */
  g_assert_true (certo_workspace_set_field (ws, G_OBJECT (requirement (ws, "A.5.7")), "applicable", "yes", &error));
  g_assert_cmpint (certo_requirement_state_get_soa_issues (requirement (ws, "A.5.7")), ==, CERTO_SOA_ISSUE_NO_REASON);
  g_assert_true (certo_workspace_set_field (ws, G_OBJECT (requirement (ws, "A.5.7")), "reasons",
                                            "legal, best_practice", &error));
  g_assert_cmpint (certo_requirement_state_get_inclusion_reasons (requirement (ws, "A.5.7")), ==,
                   CERTO_INCLUSION_LEGAL | CERTO_INCLUSION_BEST_PRACTICE);
  g_assert_cmpuint (certo_workspace_count_soa_issues (ws, CERTO_SOA_ISSUE_UNDECIDED), ==, 91);

  /* Bad values are refused with a message that lists the good ones */
  g_assert_false (certo_workspace_set_field (ws, G_OBJECT (control), "status", "done", &error));
  g_assert_error (error, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_INVALID_VALUE);
  g_assert_nonnull (strstr (error->message, "in-progress"));
  g_clear_error (&error);
  g_assert_false (certo_workspace_set_field (ws, G_OBJECT (control), "due", "31/12/2025", &error));
  g_assert_error (error, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_false (certo_workspace_set_field (ws, G_OBJECT (control), "colour", "red", &error));
  g_assert_error (error, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (certo_workspace_set_field (ws, G_OBJECT (control), "title", "x", &error));
  g_assert_error (error, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (close_workspace (ws, CERTO_WORKSPACE_CLOSE_NONE, &error));
}

static CertoRequirementState *
hand_made (GListStore       *store,
           const char       *label,
           const char       *group,
           gboolean          annex_a,
           CertoControlType  type,
           CertoObligation   obligation,
           CertoImplementationStatus status,
           CertoAuditResult  result,
           CertoApplicability applicability)
{
  g_autoptr(CertoRequirementState) state =
    certo_requirement_state_new (label, label, label, group, group, annex_a, !annex_a);

  certo_requirement_state_set_control_type (state, type);
  certo_requirement_state_set_obligation (state, obligation);
  certo_requirement_state_set_status (state, status);
  certo_requirement_state_set_audit_result (state, result);
  if (annex_a)
    certo_requirement_state_set_applicability (state, applicability, NULL);
  g_list_store_append (store, state);
  return state;
}

static void
test_scores (void)
{
  g_autoptr(GListStore) store = g_list_store_new (CERTO_TYPE_REQUIREMENT_STATE);
  g_autoptr(CertoScore) score = NULL;
  CertoScoreGroup *group;

  g_assert_cmpuint (certo_score_points_for (CERTO_CONTROL_TYPE_PREVENTIVE, CERTO_OBLIGATION_MANDATORY), ==, 27);
  g_assert_cmpuint (certo_score_points_for (CERTO_CONTROL_TYPE_PREVENTIVE, CERTO_OBLIGATION_DISCRETIONARY), ==, 9);
  g_assert_cmpuint (certo_score_points_for (CERTO_CONTROL_TYPE_DETECTIVE, CERTO_OBLIGATION_MANDATORY), ==, 3);
  g_assert_cmpuint (certo_score_points_for (CERTO_CONTROL_TYPE_CORRECTIVE, CERTO_OBLIGATION_DISCRETIONARY), ==, 1);
  g_assert_cmpuint (certo_score_points_for (CERTO_CONTROL_TYPE_UNREVIEWED, CERTO_OBLIGATION_MANDATORY), ==, 0);
  g_assert_cmpuint (certo_score_points_for (CERTO_CONTROL_TYPE_PREVENTIVE, CERTO_OBLIGATION_UNREVIEWED), ==, 0);

  /* Clause 9: 27 of 27 */
  hand_made (store, "9.2", "c9", FALSE, CERTO_CONTROL_TYPE_PREVENTIVE, CERTO_OBLIGATION_MANDATORY,
             CERTO_STATUS_IMPLEMENTED, CERTO_AUDIT_RESULT_COMPLIANT, CERTO_APPLICABILITY_APPLICABLE);
  /* Theme 5: implemented but found non-compliant: 0 of 9 */
  hand_made (store, "5.1", "a5", TRUE, CERTO_CONTROL_TYPE_PREVENTIVE, CERTO_OBLIGATION_DISCRETIONARY,
             CERTO_STATUS_IMPLEMENTED, CERTO_AUDIT_RESULT_NON_COMPLIANT, CERTO_APPLICABILITY_APPLICABLE);
  /* partially compliant still earns: 3 of 3 */
  hand_made (store, "5.2", "a5", TRUE, CERTO_CONTROL_TYPE_DETECTIVE, CERTO_OBLIGATION_MANDATORY,
             CERTO_STATUS_IMPLEMENTED, CERTO_AUDIT_RESULT_PARTIALLY_COMPLIANT, CERTO_APPLICABILITY_APPLICABLE);
  /* not implemented: 0 of 1 */
  hand_made (store, "5.3", "a5", TRUE, CERTO_CONTROL_TYPE_CORRECTIVE, CERTO_OBLIGATION_DISCRETIONARY,
             CERTO_STATUS_IN_PROGRESS, CERTO_AUDIT_RESULT_NOT_ASSESSED, CERTO_APPLICABILITY_UNREVIEWED);
  /* Theme 8: excluded: counts nowhere */
  hand_made (store, "8.1", "a8", TRUE, CERTO_CONTROL_TYPE_PREVENTIVE, CERTO_OBLIGATION_MANDATORY,
             CERTO_STATUS_IMPLEMENTED, CERTO_AUDIT_RESULT_COMPLIANT, CERTO_APPLICABILITY_EXCLUDED);
  /* unreviewed type, and unreviewed obligation: no points, counted */
  hand_made (store, "8.2", "a8", TRUE, CERTO_CONTROL_TYPE_UNREVIEWED, CERTO_OBLIGATION_MANDATORY,
             CERTO_STATUS_IMPLEMENTED, CERTO_AUDIT_RESULT_COMPLIANT, CERTO_APPLICABILITY_APPLICABLE);
  hand_made (store, "8.3", "a8", TRUE, CERTO_CONTROL_TYPE_PREVENTIVE, CERTO_OBLIGATION_UNREVIEWED,
             CERTO_STATUS_NOT_STARTED, CERTO_AUDIT_RESULT_NOT_ASSESSED, CERTO_APPLICABILITY_APPLICABLE);

  score = certo_score_compute (G_LIST_MODEL (store));
  g_assert_cmpuint (score->overall.n_requirements, ==, 7);
  g_assert_cmpuint (score->overall.n_applicable, ==, 6);
  g_assert_cmpuint (score->overall.n_excluded, ==, 1);
  g_assert_cmpuint (score->overall.n_undecided, ==, 1);
  g_assert_cmpuint (score->overall.n_implemented, ==, 4);
  g_assert_cmpfloat_with_epsilon (score->overall.readiness, 4.0 / 6.0, 1e-12);
  g_assert_cmpuint (score->overall.points_earned, ==, 27 + 3);
  g_assert_cmpuint (score->overall.points_possible, ==, 27 + 9 + 3 + 1);
  g_assert_cmpuint (score->overall.n_unreviewed, ==, 2);

  g_assert_cmpuint (score->clauses.n_requirements, ==, 1);
  g_assert_cmpuint (score->clauses.points_earned, ==, 27);
  g_assert_cmpuint (score->annex_a.n_applicable, ==, 5);
  g_assert_cmpuint (score->annex_a.n_implemented, ==, 3);

  g_assert_cmpuint (score->groups->len, ==, 3);
  group = g_ptr_array_index (score->groups, 1);
  g_assert_cmpstr (group->key, ==, "a5");
  g_assert_cmpuint (group->n_applicable, ==, 3);
  g_assert_cmpuint (group->n_implemented, ==, 2);
  g_assert_cmpuint (group->points_earned, ==, 3);
  g_assert_cmpuint (group->points_possible, ==, 13);
  group = g_ptr_array_index (score->groups, 2);
  g_assert_cmpstr (group->key, ==, "a8");
  g_assert_cmpuint (group->n_requirements, ==, 3);
  g_assert_cmpuint (group->n_applicable, ==, 2);
  g_assert_cmpuint (group->n_implemented, ==, 1);
  g_assert_cmpfloat_with_epsilon (group->readiness, 0.5, 1e-12);
  g_assert_cmpuint (group->points_possible, ==, 0);
  g_assert_cmpuint (group->n_unreviewed, ==, 2);
}

static void
test_audit_cycle (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *path = doc_path (f, "cycle.certo");
  g_autoptr(CertoWorkspace) ws = create_workspace (f, path, CERTO_FRAMEWORK_ISO27001_2022, "ACME");
  g_autoptr(GPtrArray) schedule = NULL;
  g_autoptr(GPtrArray) overdue = NULL;
  g_autoptr(GError) error = NULL;
  CertoScheduledAudit *item;
  CertoAudit *stage2;
  CertoAudit *surveillance;
  CertoFinding *finding;

  certo_workspace_set_save_delay (ws, 600000);

  /* Before certification: stage 1 and 2 as planned */
  stage2 = certo_workspace_add_audit (ws, CERTO_AUDIT_STAGE_2, "2024-03-01", NULL, &error);
  g_assert_no_error (error);
  schedule = certo_workspace_compute_audit_schedule (ws, "2024-01-10");
  g_assert_cmpuint (schedule->len, ==, 2);
  item = g_ptr_array_index (schedule, 0);
  g_assert_cmpint (item->kind, ==, CERTO_AUDIT_STAGE_2);
  g_assert_cmpstr (item->planned_date, ==, "2024-03-01");
  g_clear_pointer (&schedule, g_ptr_array_unref);

  certo_audit_set_performed_date (stage2, "2024-03-02", &error);
  finding = certo_workspace_add_finding (ws, CERTO_FINDING_MINOR_NONCONFORMITY, stage2,
                                         "Access reviews not documented",
                                         (const char * const[]) { "A.5.18", "9.2", NULL },
                                         "2024-05-31", &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (certo_finding_get_requirement_keys (finding),
                    ((const char * const[]) { "c9.2", "a5.18", NULL }));

  /* Certified on 29 February 2024: the cycle follows from the date */
  g_assert_true (certo_workspace_set_certificate_issue_date (ws, "2024-02-29", &error));
  certo_workspace_set_certificate_number (ws, "IS 700001");
  certo_workspace_set_certification_body (ws, "BSI");
  schedule = certo_workspace_compute_audit_schedule (ws, "2025-01-10");
  g_assert_cmpuint (schedule->len, ==, 3);
  item = g_ptr_array_index (schedule, 0);
  g_assert_cmpint (item->kind, ==, CERTO_AUDIT_SURVEILLANCE_1);
  g_assert_cmpstr (item->due_date, ==, "2025-02-28");
  g_assert_false (item->overdue);
  item = g_ptr_array_index (schedule, 1);
  g_assert_cmpint (item->kind, ==, CERTO_AUDIT_SURVEILLANCE_2);
  g_assert_cmpstr (item->due_date, ==, "2026-02-28");
  item = g_ptr_array_index (schedule, 2);
  g_assert_cmpint (item->kind, ==, CERTO_AUDIT_RECERTIFICATION);
  g_assert_cmpstr (item->due_date, ==, "2027-02-28");
  g_clear_pointer (&schedule, g_ptr_array_unref);

  /* The first surveillance took place; a year later the second is overdue */
  surveillance = certo_workspace_add_audit (ws, CERTO_AUDIT_SURVEILLANCE_1, "2025-02-10", "2025-02-12", &error);
  g_assert_nonnull (surveillance);
  certo_workspace_add_audit (ws, CERTO_AUDIT_INTERNAL, "2026-01-15", NULL, &error);
  certo_workspace_set_certificate_expiry_date (ws, "2027-02-27", &error);
  schedule = certo_workspace_compute_audit_schedule (ws, "2026-03-15");
  g_assert_cmpuint (schedule->len, ==, 4);
  item = g_ptr_array_index (schedule, 0);
  g_assert_cmpint (item->kind, ==, CERTO_AUDIT_SURVEILLANCE_1);
  g_assert_cmpstr (item->performed_date, ==, "2025-02-12");
  g_assert_false (item->overdue);
  item = g_ptr_array_index (schedule, 1);
  g_assert_cmpint (item->kind, ==, CERTO_AUDIT_INTERNAL);
  g_assert_true (item->overdue);
  item = g_ptr_array_index (schedule, 2);
  g_assert_cmpint (item->kind, ==, CERTO_AUDIT_SURVEILLANCE_2);
  g_assert_true (item->overdue);
  item = g_ptr_array_index (schedule, 3);
  g_assert_cmpint (item->kind, ==, CERTO_AUDIT_RECERTIFICATION);
  g_assert_cmpstr (item->due_date, ==, "2027-02-27");

  /* The finding's corrective action is overdue until it is closed */
  overdue = certo_workspace_list_overdue_findings (ws, "2024-06-01");
  g_assert_cmpuint (overdue->len, ==, 1);
  g_clear_pointer (&overdue, g_ptr_array_unref);
  certo_finding_set_closed_date (finding, "2024-05-20", &error);
  overdue = certo_workspace_list_overdue_findings (ws, "2024-06-01");
  g_assert_cmpuint (overdue->len, ==, 0);
  g_clear_pointer (&overdue, g_ptr_array_unref);

  /* Overdue requirements: applicable, not implemented, past due */
  certo_requirement_state_set_due_date (requirement (ws, "A.8.2"), "2024-01-01", NULL);
  certo_requirement_state_set_due_date (requirement (ws, "A.8.3"), "2024-01-01", NULL);
  certo_requirement_state_set_status (requirement (ws, "A.8.3"), CERTO_STATUS_IMPLEMENTED);
  overdue = certo_workspace_list_overdue_requirements (ws, "2024-06-01");
  g_assert_cmpuint (overdue->len, ==, 1);
  g_assert_true (g_ptr_array_index (overdue, 0) == requirement (ws, "A.8.2"));

  g_assert_true (close_workspace (ws, CERTO_WORKSPACE_CLOSE_NONE, &error));
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM finding_requirement"), ==, 2);
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM audit"), ==, 3);
}

static void
test_statement_cache (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *path = doc_path (f, "cache.certo");
  g_autoptr(CertoWorkspace) ws = create_workspace (f, path, CERTO_FRAMEWORK_ISO27001_2022, "ACME");
  g_autoptr(GError) error = NULL;
  GListModel *requirements = certo_workspace_get_requirements (ws);
  g_autofree char *sum = NULL;

  certo_workspace_set_save_delay (ws, 600000);
  for (guint i = 0; i < g_list_model_get_n_items (requirements); i++)
    {
      g_autoptr(CertoRequirementState) state = g_list_model_get_item (requirements, i);

      certo_requirement_state_set_status (state, CERTO_STATUS_PLANNED);
      certo_requirement_state_set_owner (state, "Gina");
    }
  flush_workspace (ws);
  g_assert_true (close_workspace (ws, CERTO_WORKSPACE_CLOSE_NONE, &error));
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM requirement WHERE owner = 'Gina' AND status = 'planned'"),
                   ==, g_list_model_get_n_items (requirements));
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM history"), ==, 2 * g_list_model_get_n_items (requirements));
}

static void
sqlite_job (CertoSqlite  *sqlite,
            GTask        *task,
            gpointer      data,
            GCancellable *cancellable)
{
  GError *error = NULL;
  gint64 value = 0;

  if (!certo_sqlite_is_open (sqlite) &&
      !certo_sqlite_open (sqlite, ":memory:", SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  for (guint i = 0; i < 50; i++)
    if (!certo_sqlite_query_int (sqlite, "SELECT 6 * 7", &value, &error))
      {
        g_task_return_error (task, error);
        return;
      }

  g_task_return_int (task, value);
}

static void
failing_job (CertoSqlite  *sqlite,
             GTask        *task,
             gpointer      data,
             GCancellable *cancellable)
{
  GError *error = NULL;

  certo_sqlite_exec (sqlite, "SELECT * FROM no_such_table", &error);
  g_task_return_error (task, error);
}

static void
test_sqlite_worker (void)
{
  g_autoptr(CertoSqlite) sqlite = certo_sqlite_new ("test");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GTask *task;

  task = g_task_new (NULL, NULL, store_result, &result);
  certo_sqlite_run (sqlite, task, sqlite_job);
  wait_for (&result);
  g_assert_cmpint (g_task_propagate_int (G_TASK (result), &error), ==, 42);
  g_assert_no_error (error);
  g_assert_cmpuint (certo_sqlite_get_n_prepares (sqlite), ==, 1);
  g_clear_object (&result);

  task = g_task_new (NULL, NULL, store_result, &result);
  certo_sqlite_run (sqlite, task, failing_job);
  wait_for (&result);
  g_task_propagate_int (G_TASK (result), &error);
  g_assert_error (error, CERTO_SQLITE_ERROR, CERTO_SQLITE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "no_such_table"));
  g_clear_error (&error);
  g_clear_object (&result);

  certo_sqlite_shutdown (sqlite);
  task = g_task_new (NULL, NULL, store_result, &result);
  certo_sqlite_run (sqlite, task, sqlite_job);
  wait_for (&result);
  g_task_propagate_int (G_TASK (result), &error);
  g_assert_error (error, CERTO_SQLITE_ERROR, CERTO_SQLITE_ERROR_CLOSED);

  /* Errors a person can act on */
  g_clear_error (&error);
  certo_sqlite_error_from_code (SQLITE_FULL, "/home/a/acme.certo", NULL, &error);
  g_assert_error (error, CERTO_SQLITE_ERROR, CERTO_SQLITE_ERROR_FULL);
  g_assert_cmpstr (error->message, ==,
                   "The disk is full: “/home/a/acme.certo” could not be written. Free some space and try again.");
  g_clear_error (&error);
  certo_sqlite_error_from_code (SQLITE_IOERR_WRITE, "/x.certo", "disk I/O error", &error);
  g_assert_nonnull (strstr (error->message, "Check the disk"));
}

static void
test_dates (void)
{
  g_autofree char *a = certo_iso_date_add_months ("2024-01-31", 1);
  g_autofree char *b = certo_iso_date_add_months ("2024-02-29", 12);
  g_autofree char *c = certo_iso_date_add_months ("2023-05-10", 36);

  g_assert_cmpstr (a, ==, "2024-02-29");
  g_assert_cmpstr (b, ==, "2025-02-28");
  g_assert_cmpstr (c, ==, "2026-05-10");
  g_assert_true (certo_iso_date_is_valid ("2024-02-29"));
  g_assert_false (certo_iso_date_is_valid ("2023-02-29"));
  g_assert_false (certo_iso_date_is_valid ("2023-2-9"));
  g_assert_false (certo_iso_date_is_valid ("2023-02-09T00:00"));
  g_assert_cmpint (certo_iso_date_compare (NULL, "2024-01-01"), >, 0);
}

static void
set_fields (CertoWorkspace *ws,
            const char     *label,
            ...)
{
  CertoRequirementState *req = requirement (ws, label);
  g_autoptr(GError) error = NULL;
  const char *field;
  va_list args;

  va_start (args, label);
  while ((field = va_arg (args, const char *)) != NULL)
    {
      const char *value = va_arg (args, const char *);

      if (!certo_workspace_set_field (ws, G_OBJECT (req), field, value, &error))
        g_error ("%s %s=%s: %s", label, field, value, error->message);
    }
  va_end (args);
}

static guint
count_decisions (CertoMigrationReport       *report,
                 CertoMigrationDecisionKind  kind)
{
  guint n = 0;

  for (guint i = 0; i < report->decisions->len; i++)
    n += ((CertoMigrationDecision *) g_ptr_array_index (report->decisions, i))->kind == kind;
  return n;
}

static CertoMigrationDecision *
find_decision (CertoMigrationReport       *report,
               CertoMigrationDecisionKind  kind,
               const char                 *label)
{
  for (guint i = 0; i < report->decisions->len; i++)
    {
      CertoMigrationDecision *decision = g_ptr_array_index (report->decisions, i);

      if (decision->kind == kind && g_str_equal (decision->label, label))
        return decision;
    }

  return NULL;
}

static void
test_migration (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *old_path = doc_path (f, "acme-2013.certo");
  g_autofree char *new_path = doc_path (f, "acme-2022.certo");
  g_autofree char *pdf = doc_path (f, "tls.pdf");
  g_autofree char *pdf_sum = NULL;
  g_autofree char *old_sum = NULL;
  g_autoptr(CertoWorkspace) old = create_workspace (f, old_path, CERTO_FRAMEWORK_ISO27001_2013, "ACME");
  g_autoptr(CertoWorkspace) migrated = certo_workspace_new (f->data_dir);
  g_autoptr(CertoMigrationReport) report = NULL;
  g_autoptr(CertoEvidence) evidence = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) new_file = g_file_new_for_path (new_path);
  CertoMigrationDecision *decision;
  CertoAudit *audit;
  static const char * const new_controls[] = {
    "A.5.7", "A.5.23", "A.5.30", "A.7.4", "A.8.9", "A.8.10", "A.8.11", "A.8.12", "A.8.16", "A.8.23", "A.8.28",
  };

  g_assert_cmpuint (g_list_model_get_n_items (certo_workspace_get_requirements (old)), ==, 28 + 114);

  /* A.13.2.1–3 become 5.14, with statuses that disagree */
  set_fields (old, "A.13.2.1", "applicable", "yes", "reasons", "legal", "status", "implemented",
              "owner", "Bob", "notes", "Mail over TLS", "type", "preventive", "obligation", "mandatory", NULL);
  set_fields (old, "A.13.2.2", "applicable", "yes", "reasons", "contractual", "status", "planned",
              "owner", "Carol", "notes", "NDA template", "due", "2025-03-31", "type", "preventive",
              "obligation", "mandatory", NULL);
  set_fields (old, "A.13.2.3", "applicable", "yes", "status", "implemented", "owner", "Bob", "due", "2025-01-31",
              "type", "preventive", "obligation", "discretionary", NULL);
  /* A.5.1.1 and A.5.1.2 become 5.1 and agree */
  set_fields (old, "A.5.1.1", "applicable", "yes", "status", "implemented", "owner", "Dana", NULL);
  set_fields (old, "A.5.1.2", "applicable", "yes", "status", "implemented", "owner", "Dana", NULL);
  /* One to one, excluded */
  set_fields (old, "A.7.1.1", "applicable", "no", "justification", "No staff hired in scope", NULL);
  /* A.8.1.1 and A.8.1.2 become 5.9 and disagree on applicability */
  set_fields (old, "A.8.1.1", "applicable", "yes", NULL);
  set_fields (old, "A.8.1.2", "applicable", "no", "justification", "Owners are not assigned", NULL);
  /* Clauses: 2013's 10.1 is 2022's 10.2; 9.2 was split */
  set_fields (old, "10.1", "status", "implemented", "owner", "Quality team", NULL);
  set_fields (old, "9.2", "status", "in-progress", "owner", "Ivan", NULL);
  certo_workspace_set_certificate_number (old, "IS 100200");
  certo_workspace_set_certificate_issue_date (old, "2023-05-10", NULL);

  write_file (pdf, 200 * 1024, 7);
  pdf_sum = certo_test_file_sha256 (pdf);
  evidence = add_file (old, pdf, &(CertoEvidenceSpec) { .requirement_keys = (const char *[]) { "A.13.2.1", "10.1", NULL } },
                       &error);
  g_assert_no_error (error);
  audit = certo_workspace_add_audit (old, CERTO_AUDIT_INTERNAL, "2024-10-01", "2024-10-02", &error);
  certo_workspace_add_finding (old, CERTO_FINDING_MINOR_NONCONFORMITY, audit, "NDA not signed by a supplier",
                               (const char * const[]) { "A.13.2.4", NULL }, "2024-12-31", &error);
  g_assert_no_error (error);

  g_assert_true (save_workspace (old, &error));
  old_sum = certo_test_file_sha256 (old_path);

  certo_workspace_migrate_async (old, migrated, new_file, CERTO_WORKSPACE_CREATE_NONE, NULL, store_result, &result);
  wait_for (&result);
  report = certo_workspace_migrate_finish (migrated, result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);

  /* The 2013 workspace is only read */
  {
    g_autofree char *now = certo_test_file_sha256 (old_path);

    g_assert_cmpstr (now, ==, old_sum);
  }
  assert_valid_workspace_file (new_path);
  g_assert_cmpstr (certo_workspace_get_framework_id (migrated), ==, "iso27001-2022");
  g_assert_cmpstr (certo_workspace_get_organisation (migrated), ==, "ACME");
  g_assert_cmpstr (certo_workspace_get_certificate_number (migrated), ==, "IS 100200");
  g_assert_cmpstr (certo_workspace_get_certificate_issue_date (migrated), ==, "2023-05-10");
  g_assert_cmpuint (report->n_requirements, ==, g_list_model_get_n_items (certo_workspace_get_requirements (migrated)));
  g_assert_cmpuint (report->n_evidence, ==, 1);
  g_assert_cmpuint (report->n_findings, ==, 1);
  g_assert_cmpuint (report->n_audits, ==, 1);

  /* The 11 new controls need a decision, and only they have no source */
  g_assert_cmpuint (count_decisions (report, CERTO_MIGRATION_NEW_CONTROL), ==, 11);
  for (guint i = 0; i < G_N_ELEMENTS (new_controls); i++)
    {
      CertoRequirementState *req = requirement (migrated, new_controls[i]);

      g_assert_nonnull (find_decision (report, CERTO_MIGRATION_NEW_CONTROL, new_controls[i]));
      g_assert_true (certo_requirement_state_get_is_new (req));
      g_assert_cmpint (certo_requirement_state_get_applicability (req), ==, CERTO_APPLICABILITY_UNREVIEWED);
      g_assert_cmpint (certo_requirement_state_get_status (req), ==, CERTO_STATUS_NOT_STARTED);
    }
  g_assert_cmpuint (report->n_carried, ==, report->n_requirements - 11 - 1);

  /* 5.14 from A.13.2.1–3: the least advanced status, owners and notes joined */
  {
    CertoRequirementState *req = requirement (migrated, "A.5.14");

    g_assert_cmpint (certo_requirement_state_get_status (req), ==, CERTO_STATUS_PLANNED);
    g_assert_cmpint (certo_requirement_state_get_applicability (req), ==, CERTO_APPLICABILITY_APPLICABLE);
    g_assert_cmpint (certo_requirement_state_get_inclusion_reasons (req), ==,
                     CERTO_INCLUSION_LEGAL | CERTO_INCLUSION_CONTRACTUAL);
    g_assert_cmpstr (certo_requirement_state_get_owner (req), ==, "Bob, Carol");
    g_assert_cmpstr (certo_requirement_state_get_notes (req), ==, "A.13.2.1: Mail over TLS\nA.13.2.2: NDA template");
    g_assert_cmpstr (certo_requirement_state_get_due_date (req), ==, "2025-01-31");
    g_assert_cmpint (certo_requirement_state_get_control_type (req), ==, CERTO_CONTROL_TYPE_PREVENTIVE);
    /* mandatory and discretionary disagree: not guessed */
    g_assert_cmpint (certo_requirement_state_get_obligation (req), ==, CERTO_OBLIGATION_UNREVIEWED);
    g_assert_cmpuint (certo_requirement_state_get_n_evidence (req), ==, 1);
  }
  decision = find_decision (report, CERTO_MIGRATION_STATUS_DIFFERS, "A.5.14");
  g_assert_nonnull (decision);
  g_assert_cmpstrv (decision->sources, ((const char * const[]) { "A.13.2.1", "A.13.2.2", "A.13.2.3", NULL }));
  g_test_message ("%s: %s", decision->label, decision->message);
  g_assert_nonnull (strstr (decision->message, "A.13.2.2 Planned"));
  g_assert_null (find_decision (report, CERTO_MIGRATION_STATUS_DIFFERS, "A.5.1"));
  g_assert_cmpint (certo_requirement_state_get_status (requirement (migrated, "A.5.1")), ==, CERTO_STATUS_IMPLEMENTED);
  g_assert_cmpstr (certo_requirement_state_get_owner (requirement (migrated, "A.5.1")), ==, "Dana");

  /* Applicability: excluded one to one, kept applicable when merged ones disagree */
  g_assert_cmpint (certo_requirement_state_get_applicability (requirement (migrated, "A.6.1")), ==,
                   CERTO_APPLICABILITY_EXCLUDED);
  g_assert_cmpstr (certo_requirement_state_get_exclusion_justification (requirement (migrated, "A.6.1")), ==,
                   "No staff hired in scope");
  g_assert_cmpint (certo_requirement_state_get_applicability (requirement (migrated, "A.5.9")), ==,
                   CERTO_APPLICABILITY_APPLICABLE);
  g_assert_nonnull (find_decision (report, CERTO_MIGRATION_APPLICABILITY_DIFFERS, "A.5.9"));

  /* Clauses: by title across the 10.1/10.2 swap, split ones from their parent, 6.3 new */
  g_assert_cmpint (certo_requirement_state_get_status (requirement (migrated, "10.2")), ==, CERTO_STATUS_IMPLEMENTED);
  g_assert_cmpstr (certo_requirement_state_get_owner (requirement (migrated, "10.2")), ==, "Quality team");
  g_assert_cmpint (certo_requirement_state_get_status (requirement (migrated, "10.1")), ==, CERTO_STATUS_NOT_STARTED);
  g_assert_cmpint (certo_requirement_state_get_status (requirement (migrated, "9.2.2")), ==, CERTO_STATUS_IN_PROGRESS);
  g_assert_nonnull (find_decision (report, CERTO_MIGRATION_SPLIT_CLAUSE, "9.2.1"));
  g_assert_nonnull (find_decision (report, CERTO_MIGRATION_SPLIT_CLAUSE, "9.3.3"));
  g_assert_null (find_decision (report, CERTO_MIGRATION_SPLIT_CLAUSE, "9.2"));
  g_assert_nonnull (find_decision (report, CERTO_MIGRATION_NEW_CLAUSE, "6.3"));
  g_assert_cmpuint (count_decisions (report, CERTO_MIGRATION_NEW_CLAUSE), ==, 1);

  /* Evidence: the file with its bytes, linked to every target */
  {
    g_autoptr(CertoEvidence) carried = g_list_model_get_item (certo_workspace_get_evidence (migrated), 0);
    g_autofree char *out = doc_path (f, "tls-out.pdf");
    g_autoptr(GFile) dest = g_file_new_for_path (out);
    g_autoptr(GAsyncResult) exported = NULL;
    g_autofree char *out_sum = NULL;

    g_assert_cmpstrv (certo_evidence_get_requirement_keys (carried),
                      ((const char * const[]) { "c10.2", "a5.14", NULL }));
    g_assert_cmpstr (certo_evidence_get_sha256 (carried), ==, pdf_sum);
    certo_workspace_export_evidence_file_async (migrated, carried, dest, NULL, store_result, &exported);
    wait_for (&exported);
    g_assert_true (certo_workspace_export_evidence_file_finish (migrated, exported, &error));
    out_sum = certo_test_file_sha256 (out);
    g_assert_cmpstr (out_sum, ==, pdf_sum);
  }
  {
    g_autoptr(CertoFinding) finding = g_list_model_get_item (certo_workspace_get_findings (migrated), 0);

    g_assert_cmpstrv (certo_finding_get_requirement_keys (finding), ((const char * const[]) { "a6.6", NULL }));
    g_assert_cmpint (certo_finding_get_audit_id (finding), ==,
                     certo_workspace_item_get_id (CERTO_WORKSPACE_ITEM (audit)));
  }
  g_assert_cmpuint (g_list_model_get_n_items (certo_workspace_get_soa_versions (migrated)), ==, 0);
  /* One row for the workspace, one in each requirement's history per decision */
  g_assert_cmpint (query_int (new_path, "SELECT count(*) FROM history WHERE action = 'migrate' AND entity = 'workspace'"), ==, 1);
  {
    guint n_keyed = 0;

    for (guint i = 0; i < report->decisions->len; i++)
      n_keyed += ((CertoMigrationDecision *) g_ptr_array_index (report->decisions, i))->key != NULL;
    g_assert_cmpint (query_int (new_path, "SELECT count(*) FROM history WHERE action = 'migrate' AND entity = 'requirement'"), ==,
                     n_keyed);
  }

  g_assert_true (close_workspace (migrated, CERTO_WORKSPACE_CLOSE_NONE, &error));
  g_assert_true (close_workspace (old, CERTO_WORKSPACE_CLOSE_NONE, &error));
}

static void
test_changed_on_disk (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *path = doc_path (f, "shared.certo");
  g_autofree char *theirs = doc_path (f, "theirs.certo");
  g_autoptr(CertoWorkspace) ws = create_workspace (f, path, CERTO_FRAMEWORK_ISO27001_2022, "ACME");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *their_sum = NULL;

  certo_workspace_set_save_delay (ws, 600000);
  certo_requirement_state_set_owner (requirement (ws, "A.5.2"), "Mine");

  /* A colleague saves their copy over the file meanwhile (a new file
   * renamed into place, as any careful program does) */
  copy_file (path, theirs);
  exec_sql (theirs, "UPDATE requirement SET owner = 'Theirs' WHERE key = 'a5.2'");
  g_assert_cmpint (g_rename (theirs, path), ==, 0);
  their_sum = certo_test_file_sha256 (path);

  g_assert_false (save_workspace (ws, &error));
  g_assert_error (error, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_CHANGED_ON_DISK);
  g_test_message ("%s", error->message);
  g_clear_error (&error);
  {
    g_autofree char *now = certo_test_file_sha256 (path);

    g_assert_cmpstr (now, ==, their_sum);
  }

  /* The user chose to replace their version */
  certo_workspace_save_async (ws, CERTO_WORKSPACE_SAVE_OVERWRITE, NULL, store_result, &result);
  wait_for (&result);
  g_assert_true (certo_workspace_save_finish (ws, result, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM requirement WHERE key = 'a5.2' AND owner = 'Mine'"), ==, 1);

  /* From then on saves go through again */
  certo_requirement_state_set_owner (requirement (ws, "A.5.2"), "Mine again");
  g_assert_true (save_workspace (ws, &error));
  g_assert_true (close_workspace (ws, CERTO_WORKSPACE_CLOSE_NONE, &error));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add ("/workspace/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("create-open-round-trip", test_create_open_round_trip);
  ADD ("untouched-until-save", test_untouched_until_save);
  ADD ("autosave", test_autosave);
  ADD ("crash-recovery", test_crash_recovery);
  ADD ("refuse/not-a-workspace", test_refuse_not_workspace);
  ADD ("refuse/corrupt-and-newer", test_refuse_corrupt_and_newer);
  ADD ("refuse/already-open", test_already_open);
  ADD ("refuse/existing-file", test_create_refuses_existing);
  ADD ("read-only-folder", test_read_only_folder);
  ADD ("evidence", test_evidence_files);
  ADD ("history-and-undo", test_history_and_undo);
  ADD ("clause-applicability", test_clause_applicability);
  ADD ("audit-cycle", test_audit_cycle);
  ADD ("statement-cache", test_statement_cache);
  ADD ("changed-on-disk", test_changed_on_disk);
  ADD ("migration-2013-to-2022", test_migration);
  g_test_add_func ("/workspace/scores", test_scores);
  g_test_add_func ("/workspace/sqlite-worker", test_sqlite_worker);
  g_test_add_func ("/workspace/dates", test_dates);

  return g_test_run ();
}
