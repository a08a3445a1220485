/* test-workspace-cli.c — `certo-cli workspace …` run as a user would
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A real process, a real data folder, real files; exit codes 0 (ok), 1
 * (error, message on stderr), 2 (usage).
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/stat.h>

#include "certo.h"
#include "certo-test-util.h"

typedef struct
{
  char *tmp;
  char *data_dir;
  char *cli;
} Fixture;

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  const char *build = g_getenv ("CERTO_BUILD_DIR");

  f->tmp = g_dir_make_tmp ("certo-ws-cli-XXXXXX", NULL);
  f->data_dir = g_build_filename (f->tmp, "data", NULL);
  f->cli = g_build_filename (build != NULL ? build : ".", "src", "cli", "certo-cli", NULL);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
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
  g_free (f->cli);
}

/* Runs certo-cli --data-dir DATA workspace ARGS… */
static Run
cli (Fixture    *f,
     const char *first,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  Run run = { 0 };
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, f->cli);
  g_ptr_array_add (argv, (char *) "--data-dir");
  g_ptr_array_add (argv, f->data_dir);
  g_ptr_array_add (argv, (char *) "workspace");
  va_start (args, first);
  for (arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &run.out, &run.err, &error);
  g_assert_no_error (error);
  run.status = g_subprocess_get_exit_status (process);
  return run;
}

static JsonObject *
parse (JsonParser *parser,
       const char *text)
{
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (parser));
}

static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->tmp, "acme.certo", NULL);
  g_autofree char *path2022 = g_build_filename (f->tmp, "acme-2022.certo", NULL);
  g_autofree char *png = g_build_filename (f->tmp, "photo.certo", NULL);
  g_autofree char *before = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;
  JsonObject *overall;
  JsonArray *audits;
  Run run;

  if (!g_file_test (f->cli, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("certo-cli is not built");
      return;
    }

  run = cli (f, "new", path, "--organisation", "ACME", "--framework", "iso27001-2013",
             "--scope", "Head office", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "142 requirements of ISO/IEC 27001:2013"));
  run_clear (&run);

  run = cli (f, "new", path, "--organisation", "ACME", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "already exists"));
  run_clear (&run);

  run = cli (f, "new", path, NULL);
  g_assert_cmpint (run.status, ==, 2);
  run_clear (&run);

  run = cli (f, "set", path, "A.5.1.1", "status=implemented", "owner=Bob", "applicable=yes",
             "reasons=legal,risk-treatment", "type=preventive", "obligation=mandatory", "audit=compliant",
             "--user", "Script", NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);

  /* Refused edits change nothing, not even the ones before them */
  before = certo_test_file_sha256 (path);
  run = cli (f, "set", path, "4.1", "owner=Eve", "applicable=no", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "always applies"));
  run_clear (&run);
  run = cli (f, "set", path, "A.5.1.2", "status=done", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "in-progress"));
  run_clear (&run);
  run = cli (f, "set", path, "A.99", "status=planned", NULL);
  g_assert_cmpint (run.status, ==, 1);
  run_clear (&run);
  {
    g_autofree char *after = certo_test_file_sha256 (path);

    g_assert_cmpstr (after, ==, before);
  }

  run = cli (f, "set", path, "workspace", "certificate-number=IS 123456", "certification-body=BSI",
             "certificate-issue-date=2024-01-15", NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  run = cli (f, "set", path, "A.12.6.1", "due=2024-06-30", "owner=Ops", NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);

  run = cli (f, "status", path, "--json", "--today", "2025-03-01", NULL);
  g_assert_cmpint (run.status, ==, 0);
  root = parse (parser, run.out);
  g_assert_cmpstr (json_object_get_string_member (root, "organisation"), ==, "ACME");
  g_assert_cmpstr (json_object_get_string_member (root, "framework"), ==, "iso27001-2013");
  overall = json_object_get_object_member (root, "overall");
  g_assert_cmpint (json_object_get_int_member (overall, "requirements"), ==, 142);
  g_assert_cmpint (json_object_get_int_member (overall, "implemented"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (overall, "points_earned"), ==, 27);
  g_assert_cmpint (json_object_get_int_member (overall, "points_possible"), ==, 27);
  g_assert_cmpint (json_object_get_int_member (overall, "unreviewed"), ==, 141);
  g_assert_cmpint (json_array_get_length (json_object_get_array_member (root, "groups")), ==, 7 + 14);
  g_assert_cmpint (json_array_get_length (json_object_get_array_member (root, "overdue_requirements")), ==, 1);
  audits = json_object_get_array_member (root, "audits");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (audits, 0), "kind"), ==,
                   "surveillance-1");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (audits, 0), "due"), ==,
                   "2025-01-15");
  g_assert_true (json_object_get_boolean_member (json_array_get_object_element (audits, 0), "overdue"));
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (root, "soa"), "undecided"), ==, 113);
  run_clear (&run);

  run = cli (f, "status", path, "--today", "2025-03-01", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Readiness: 1 of 142 applicable requirements implemented"));
  g_assert_nonnull (strstr (run.out, "A.12.6.1"));
  g_assert_nonnull (strstr (run.out, "IS 123456"));
  run_clear (&run);

  run = cli (f, "migrate", path, path2022, "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  root = parse (parser, run.out);
  g_assert_cmpint (json_object_get_int_member (root, "requirements"), ==, 127);
  g_assert_cmpint (json_array_get_length (json_object_get_array_member (root, "decisions")), >=, 11);
  {
    JsonArray *decisions = json_object_get_array_member (root, "decisions");
    gboolean found = FALSE;

    /* A.5.1.1 implemented, A.5.1.2 not started: 5.1 keeps "not started" */
    for (guint i = 0; i < json_array_get_length (decisions); i++)
      {
        JsonObject *decision = json_array_get_object_element (decisions, i);

        if (g_str_equal (json_object_get_string_member (decision, "label"), "A.5.1") &&
            g_str_equal (json_object_get_string_member (decision, "kind"), "status-differs"))
          found = TRUE;
      }
    g_assert_true (found);
  }
  run_clear (&run);

  run = cli (f, "status", path2022, "--json", "--today", "2025-03-01", NULL);
  g_assert_cmpint (run.status, ==, 0);
  root = parse (parser, run.out);
  g_assert_cmpstr (json_object_get_string_member (root, "edition"), ==, "2022");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (root, "overall"), "implemented"), ==, 0);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (root, "certificate"), "number"), ==,
                   "IS 123456");
  run_clear (&run);

  /* Not a workspace: a clear error, the file untouched */
  g_file_set_contents (png, "\x89PNG\r\n\x1a\n", 8, NULL);
  run = cli (f, "status", png, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "is not a Certo workspace"));
  run_clear (&run);

  run = cli (f, "frobnicate", NULL);
  g_assert_cmpint (run.status, ==, 2);
  run_clear (&run);
}

static gboolean
all_strings (JsonArray  *array,
             const char *member)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (json_object_get_member (object, member)) ||
          json_object_get_string_member (object, member) == NULL)
        return FALSE;
    }
  return TRUE;
}

/* The column where the readiness figures start, for each group line */
static void
assert_columns_aligned (const char *status)
{
  g_auto(GStrv) lines = g_strsplit (status, "\n", -1);
  glong column = -1;
  guint n = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *points = strstr (lines[i], " points");
      const char *slash;

      if (points == NULL || !g_str_has_prefix (lines[i], "  "))
        continue;
      slash = strchr (lines[i], '/');
      g_assert_nonnull (slash);
      if (column < 0)
        column = g_utf8_pointer_to_offset (lines[i], slash);
      g_assert_cmpint (g_utf8_pointer_to_offset (lines[i], slash), ==, column);
      n++;
    }
  g_assert_cmpuint (n, >, 4);
}

/* The QA report's CLI findings: Save As semantics for exports, history
 * and undo, evidence, what is refused and how it is said */
static void
test_cli_qa (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->tmp, "acme.certo", NULL);
  g_autofree char *old = g_build_filename (f->tmp, "old.certo", NULL);
  g_autofree char *migrated = g_build_filename (f->tmp, "new.certo", NULL);
  g_autofree char *csv = g_build_filename (f->tmp, "soa.csv", NULL);
  g_autofree char *fifo = g_build_filename (f->tmp, "pipe.csv", NULL);
  g_autofree char *policy = g_build_filename (f->tmp, "policy.txt", NULL);
  g_autofree char *workspace_sha = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;
  Run run;

  if (!g_file_test (f->cli, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("certo-cli is not built");
      return;
    }

  /* An organisation made of nothing is no organisation */
  run = cli (f, "new", path, "--organisation", " \u202e", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "organisation cannot be empty"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  run_clear (&run);

  run = cli (f, "new", path, "--organisation", "ACME", "--scope", "Head office", NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  run = cli (f, "new", path, "--organisation", "ACME", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "--force"));
  run_clear (&run);

  /* Undo across commands: one `set` is one step */
  run = cli (f, "set", path, "A.5.1", "status=implemented", "owner=Bob", "--user", "Alice", NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  run = cli (f, "undo", path, "--user", "Carol", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "A.5.1 — status: implemented → not-started"));
  g_assert_nonnull (strstr (run.out, "A.5.1 — owner: Bob → —"));
  run_clear (&run);
  run = cli (f, "undo", path, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "Nothing to undo"));
  run_clear (&run);

  /* Evidence: a pipe is refused at once, a file and a link are added */
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  run = cli (f, "evidence", "add", path, "A.5.1", fifo, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "named pipe"));
  run_clear (&run);
  run = cli (f, "evidence", "add", path, "A.5.1", "javascript:alert(1)", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "javascript:"));
  run_clear (&run);
  g_assert_true (g_file_set_contents (policy, "Access control policy v3", -1, NULL));
  run = cli (f, "evidence", "add", path, "A.5.1,A.5.15", policy, "--user", "Alice", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "24 bytes"));
  run_clear (&run);
  run = cli (f, "evidence", "add", path, "A.5.15", "https://intranet.example.com/access", NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  run = cli (f, "evidence", "remove", path, "1", "--user", "Bob", NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);

  /* The history of A.5.1 has its evidence, added and removed */
  run = cli (f, "history", path, "A.5.1", "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  {
    g_autoptr(JsonParser) history_parser = json_parser_new ();
    JsonArray *entries;
    guint n_added = 0, n_removed = 0, n_undone = 0;

    json_parser_load_from_data (history_parser, run.out, -1, NULL);
    entries = json_node_get_array (json_parser_get_root (history_parser));
    for (guint i = 0; i < json_array_get_length (entries); i++)
      {
        JsonObject *entry = json_array_get_object_element (entries, i);
        const char *entity = json_object_get_string_member (entry, "entity");
        const char *action = json_object_get_string_member (entry, "action");

        n_added += g_str_equal (entity, "evidence") && g_str_equal (action, "add");
        n_removed += g_str_equal (entity, "evidence") && g_str_equal (action, "remove");
        n_undone += g_str_equal (action, "undo");
      }
    g_assert_cmpuint (n_added, ==, 1);
    g_assert_cmpuint (n_removed, ==, 1);
    g_assert_cmpuint (n_undone, ==, 2);
  }
  run_clear (&run);
  run = cli (f, "history", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "remove  evidence policy.txt"));
  g_assert_nonnull (strstr (run.out, "for A.5.1, A.5.15"));
  run_clear (&run);

  /* Export: a new file, or --force; never the workspace, never a pipe */
  run = cli (f, "export", path, "-o", csv, NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  run = cli (f, "export", path, "-o", csv, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "already exists"));
  g_assert_nonnull (strstr (run.err, "--force"));
  run_clear (&run);
  run = cli (f, "export", path, "-o", csv, "--force", NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  workspace_sha = certo_test_file_sha256 (path);
  run = cli (f, "export", path, "-o", path, "--format", "pdf", "--force", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "workspace itself"));
  run_clear (&run);
  {
    g_autofree char *after = certo_test_file_sha256 (path);

    g_assert_cmpstr (after, ==, workspace_sha);
  }
  run = cli (f, "export", path, "-o", fifo, "--format", "csv", "--force", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "named pipe"));
  run_clear (&run);

  /* Status: the SoA's state, columns that line up */
  run = cli (f, "status", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Statement of Applicability: Draft (not approved)"));
  assert_columns_aligned (run.out);
  run_clear (&run);

  /* A 2013 workspace's status table, whose domain titles are long */
  run = cli (f, "new", old, "--organisation", "ACME", "--framework", "iso27001-2013", NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  run = cli (f, "set", old, "A.5.1.1", "status=implemented", "audit=compliant", NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  run = cli (f, "set", old, "workspace", "certificate-issue-date=2024-02-29", NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  run = cli (f, "set", old, "workspace", "certificate-expiry-date=2024-02-28", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "after the issue date"));
  run_clear (&run);
  run = cli (f, "status", old, NULL);
  g_assert_cmpint (run.status, ==, 0);
  assert_columns_aligned (run.out);
  run_clear (&run);

  /* Every decision of a migration has a kind */
  run = cli (f, "migrate", old, migrated, "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  root = parse (parser, run.out);
  g_assert_true (all_strings (json_object_get_array_member (root, "decisions"), "kind"));
  g_assert_true (all_strings (json_object_get_array_member (root, "decisions"), "label"));
  run_clear (&run);
  run = cli (f, "migrate", old, migrated, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "--force"));
  run_clear (&run);

  /* No working copy of these commands is left behind */
  {
    g_autofree char *workspaces = g_build_filename (f->data_dir, "workspaces", NULL);
    g_autoptr(GDir) dir = g_dir_open (workspaces, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      g_assert_true (g_str_has_suffix (name, ".gate"));
  }
}

static void
store_result (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static gboolean
has_snapshot_left (const char *tmp_dir)
{
  g_autoptr(GDir) dir = g_dir_open (tmp_dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, "certo-snapshot-"))
      return TRUE;
  return FALSE;
}

/* A file open in a window: the commands that only read work on the
 * saved file and say that unsaved changes are not included; those that
 * write keep refusing. An excluded control gets no status. */
static void
test_cli_open_in_window (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->tmp, "open.certo", NULL);
  g_autofree char *out_csv = g_build_filename (f->tmp, "soa.csv", NULL);
  g_autofree char *tmp_dir = g_build_filename (f->tmp, "tmp", NULL);
  g_autofree char *sha_before = NULL;
  g_autoptr(CertoWorkspace) window = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *old_tmpdir = g_strdup (g_getenv ("TMPDIR"));
  Run run;

  if (!g_file_test (f->cli, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("certo-cli is not built");
      return;
    }

  run = cli (f, "new", path, "--organisation", "ACME", NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  run = cli (f, "set", path, "A.5.1", "owner=Alice", NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);

  /* An excluded control has no implementation status */
  run = cli (f, "set", path, "A.5.2", "applicable=no", "status=in-progress", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "excluded"));
  g_assert_nonnull (strstr (run.err, "applicable=yes"));
  run_clear (&run);

  /* The window: this process holds the file, with a change not saved */
  window = certo_workspace_new (f->data_dir);
  g_object_set (window, "save-delay", 600000, NULL);
  file = g_file_new_for_path (path);
  certo_workspace_open_async (window, file, NULL, store_result, &result);
  certo_test_wait_async (&result);
  g_assert_true (certo_workspace_open_finish (window, result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  certo_requirement_state_set_owner (certo_workspace_find_requirement (window, "A.5.1"), "Bob (unsaved)");
  sha_before = certo_test_file_sha256 (path);

  g_assert_cmpint (g_mkdir_with_parents (tmp_dir, 0700), ==, 0);
  g_setenv ("TMPDIR", tmp_dir, TRUE);

  run = cli (f, "status", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "ACME"));
  g_assert_nonnull (strstr (run.err, "is open in Certo"));
  g_assert_nonnull (strstr (run.err, "not included"));
  g_assert_null (strstr (run.out, "open in Certo"));
  run_clear (&run);

  run = cli (f, "history", path, "A.5.1", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Alice"));
  g_assert_null (strstr (run.out, "Bob"));
  g_assert_nonnull (strstr (run.err, "not included"));
  run_clear (&run);

  run = cli (f, "evidence", "list", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.err, "not included"));
  run_clear (&run);

  run = cli (f, "export", path, "--format", "csv", "--output", out_csv, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_test (out_csv, G_FILE_TEST_IS_REGULAR));
  run_clear (&run);

  /* Writing commands still refuse: the window would overwrite them */
  run = cli (f, "set", path, "A.5.1", "owner=Carol", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "already open in Certo"));
  run_clear (&run);
  run = cli (f, "undo", path, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "already open in Certo"));
  run_clear (&run);

  /* Nothing written, nothing left behind */
  {
    g_autofree char *sha_after = certo_test_file_sha256 (path);

    g_assert_cmpstr (sha_after, ==, sha_before);
  }
  g_assert_false (has_snapshot_left (tmp_dir));
  if (old_tmpdir != NULL)
    g_setenv ("TMPDIR", old_tmpdir, TRUE);
  else
    g_unsetenv ("TMPDIR");

  /* The window saves and closes as ever */
  certo_workspace_close_async (window, CERTO_WORKSPACE_CLOSE_NONE, NULL, store_result, &result);
  certo_test_wait_async (&result);
  g_assert_true (certo_workspace_close_finish (window, result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  run = cli (f, "history", path, "A.5.1", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Bob"));
  g_assert_null (strstr (run.err, "open in Certo"));
  run_clear (&run);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/workspace-cli/new-set-status-migrate", Fixture, NULL,
              fixture_setup, test_cli, fixture_teardown);
  g_test_add ("/workspace-cli/qa", Fixture, NULL,
              fixture_setup, test_cli_qa, fixture_teardown);
  g_test_add ("/workspace-cli/open-in-window", Fixture, NULL,
              fixture_setup, test_cli_open_in_window, fixture_teardown);

  return g_test_run ();
}
