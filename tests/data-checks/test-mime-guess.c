/* test-mime-guess.c — the desktop recognises a workspace by name and by content
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Builds a private MIME database from the system's freedesktop.org.xml and
 * the package Certo installs (update-mime-database on a temporary copy),
 * points XDG_DATA_DIRS at it, and asks GIO — what Files and the file
 * chooser use, no xdg-mime — what a workspace made by `certo-cli workspace
 * new` is, and what other SQLite files are.
 *
 * Environment: CERTO_MIME_PACKAGE (the built package XML, required) and
 * CERTO_CLI_PATH (certo-cli; without it the workspace is made by hand with
 * the same PRAGMA application_id).
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#define WORKSPACE_TYPE "application/x-certo-workspace"
#define SQLITE_TYPE "application/vnd.sqlite3"
#define SYSTEM_PACKAGE "/usr/share/mime/packages/freedesktop.org.xml"

/* Enough of a file's head for every magic rule (GIO reads as much) */
#define SNIFF_LENGTH 4096

static char *tmp_dir;
static const char *skip_reason;

/* Helpers */

static void
remove_tree (GFile *file)
{
  g_autoptr(GFileEnumerator) children = NULL;

  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  while (children != NULL)
    {
      GFile *child = NULL;

      if (!g_file_enumerator_iterate (children, NULL, &child, NULL, NULL) || child == NULL)
        break;
      remove_tree (child);
    }
  g_file_delete (file, NULL, NULL);
}

static gboolean
build_mime_database (const char *package,
                     GError    **error)
{
  g_autofree char *mime = g_build_filename (tmp_dir, "share", "mime", NULL);
  g_autofree char *packages = g_build_filename (mime, "packages", NULL);
  g_autofree char *dest = g_build_filename (packages, "io.github.certo.Certo.xml", NULL);
  g_autofree char *tool = g_find_program_in_path ("update-mime-database");
  g_autofree char *err_text = NULL;
  g_autoptr(GFile) source = g_file_new_for_path (package);
  g_autoptr(GFile) target = g_file_new_for_path (dest);
  const char *argv[] = { NULL, mime, NULL };
  int status = 0;

  if (tool == NULL)
    {
      skip_reason = "update-mime-database is not installed (apt-get install shared-mime-info)";
      return TRUE;
    }
  if (!g_file_test (SYSTEM_PACKAGE, G_FILE_TEST_EXISTS))
    {
      skip_reason = SYSTEM_PACKAGE " is missing (apt-get install shared-mime-info)";
      return TRUE;
    }

  g_mkdir_with_parents (packages, 0700);
  if (!g_file_copy (source, target, G_FILE_COPY_NONE, NULL, NULL, NULL, error))
    return FALSE;
  {
    g_autoptr(GFile) sys_source = g_file_new_for_path (SYSTEM_PACKAGE);
    g_autofree char *sys_dest = g_build_filename (packages, "freedesktop.org.xml", NULL);
    g_autoptr(GFile) sys_target = g_file_new_for_path (sys_dest);

    if (!g_file_copy (sys_source, sys_target, G_FILE_COPY_NONE, NULL, NULL, NULL, error))
      return FALSE;
  }

  argv[0] = tool;
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL,
                     NULL, NULL, NULL, &err_text, &status, error))
    return FALSE;
  if (!g_spawn_check_wait_status (status, error))
    {
      g_prefix_error (error, "update-mime-database: %s: ", err_text);
      return FALSE;
    }

  return TRUE;
}

static void
make_sqlite (const char *path,
             const char *application_id_pragma)
{
  sqlite3 *db = NULL;
  char *message = NULL;
  g_autofree char *sql = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sql = g_strdup_printf ("%s CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1);",
                         application_id_pragma != NULL ? application_id_pragma : "");
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s", message);
  sqlite3_close (db);
}

/* A workspace as a user makes one; the name has no suffix, so only the
 * content can say what it is */
static char *
make_workspace (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "Client workspace", NULL);
  const char *cli = g_getenv ("CERTO_CLI_PATH");

  g_remove (path);
  if (cli != NULL && g_file_test (cli, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_autofree char *data_dir = g_build_filename (tmp_dir, "data", NULL);
      g_autofree char *err_text = NULL;
      g_autoptr(GError) error = NULL;
      g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "CERTO_DATA_DIR", data_dir, TRUE);
      const char *argv[] = { cli, "workspace", "new", path, "--organisation", "Esempio S.r.l.", NULL };
      int status = 0;

      g_assert_true (g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_STDOUT_TO_DEV_NULL,
                                   NULL, NULL, NULL, &err_text, &status, &error));
      g_assert_no_error (error);
      if (!g_spawn_check_wait_status (status, &error))
        g_error ("certo-cli workspace new: %s", err_text);
      g_test_message ("workspace made with %s", cli);
    }
  else
    {
      /* CERTO_WORKSPACE_APPLICATION_ID, "CrtW" */
      make_sqlite (path, "PRAGMA application_id = 1131573335;");
      g_test_message ("workspace made by hand (no certo-cli)");
    }

  return g_steal_pointer (&path);
}

static char *
guess_file (const char *path,
            const char *name,
            gboolean   *uncertain)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);

  return g_content_type_guess (name, (const guchar *) contents, MIN (length, SNIFF_LENGTH), uncertain);
}

static gboolean
skipped (void)
{
  if (skip_reason == NULL)
    return FALSE;
  g_test_skip (skip_reason);
  return TRUE;
}

/* Tests */

static void
test_workspace_by_content (void)
{
  g_autofree char *path = NULL;
  g_autofree char *type = NULL;
  gboolean uncertain = TRUE;

  if (skipped ())
    return;

  path = make_workspace ();
  type = guess_file (path, NULL, &uncertain);
  g_assert_cmpstr (type, ==, WORKSPACE_TYPE);
  g_assert_false (uncertain);
}

static void
test_workspace_by_name (void)
{
  g_autofree char *path = NULL;
  g_autofree char *by_name = NULL;
  g_autofree char *by_both = NULL;
  gboolean uncertain = TRUE;

  if (skipped ())
    return;

  /* Name only: a file chooser filter, a file not downloaded yet */
  by_name = g_content_type_guess ("Audit 2026.certo", NULL, 0, &uncertain);
  g_assert_cmpstr (by_name, ==, WORKSPACE_TYPE);

  path = make_workspace ();
  by_both = guess_file (path, "Audit 2026.certo", &uncertain);
  g_assert_cmpstr (by_both, ==, WORKSPACE_TYPE);
  g_assert_false (uncertain);
}

static void
test_hand_made_workspace (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "hand-made", NULL);
  g_autofree char *type = NULL;

  if (skipped ())
    return;

  make_sqlite (path, "PRAGMA application_id = 0x43727457;");
  type = guess_file (path, NULL, NULL);
  g_assert_cmpstr (type, ==, WORKSPACE_TYPE);
}

/* Other SQLite files are not workspaces: a plain database, and Certo's own
 * catalog ("CrtC"), which the user never opens as a document */
static void
test_other_sqlite (void)
{
  g_autofree char *plain = g_build_filename (tmp_dir, "plain", NULL);
  g_autofree char *catalog = g_build_filename (tmp_dir, "catalog", NULL);
  g_autofree char *plain_type = NULL;
  g_autofree char *catalog_type = NULL;

  if (skipped ())
    return;

  make_sqlite (plain, NULL);
  make_sqlite (catalog, "PRAGMA application_id = 0x43727443;");
  plain_type = guess_file (plain, NULL, NULL);
  catalog_type = guess_file (catalog, NULL, NULL);
  g_assert_cmpstr (plain_type, ==, SQLITE_TYPE);
  g_assert_cmpstr (catalog_type, ==, SQLITE_TYPE);
}

static void
test_type_info (void)
{
  g_autofree char *description = NULL;

  if (skipped ())
    return;

  /* Apps that open any SQLite database see workspaces too */
  g_assert_true (g_content_type_is_a (WORKSPACE_TYPE, SQLITE_TYPE));
  g_assert_true (g_content_type_is_mime_type (WORKSPACE_TYPE, "application/x-sqlite3"));

  description = g_content_type_get_description (WORKSPACE_TYPE);
  g_assert_cmpstr (description, ==, "Certo certification workspace");
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  const char *package = g_getenv ("CERTO_MIME_PACKAGE");
  g_autofree char *share = NULL;
  g_autofree char *home = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  /* A failure goes on to the end, so the temporary folder is removed */
  g_test_set_nonfatal_assertions ();

  /* Before GIO reads any MIME data: it loads the database once */
  tmp_dir = g_dir_make_tmp ("certo-mime-XXXXXX", &error);
  g_assert_no_error (error);
  share = g_build_filename (tmp_dir, "share", NULL);
  home = g_build_filename (tmp_dir, "home", NULL);
  g_setenv ("XDG_DATA_DIRS", share, TRUE);
  g_setenv ("XDG_DATA_HOME", home, TRUE);
  g_setenv ("LANGUAGE", "C", TRUE);

  if (package == NULL || !g_file_test (package, G_FILE_TEST_EXISTS))
    skip_reason = "CERTO_MIME_PACKAGE does not name the built MIME package";
  else if (!build_mime_database (package, &error))
    g_error ("Cannot build the MIME database: %s", error->message);

  g_test_add_func ("/mime/workspace-by-content", test_workspace_by_content);
  g_test_add_func ("/mime/workspace-by-name", test_workspace_by_name);
  g_test_add_func ("/mime/hand-made-workspace", test_hand_made_workspace);
  g_test_add_func ("/mime/other-sqlite", test_other_sqlite);
  g_test_add_func ("/mime/type-info", test_type_info);

  status = g_test_run ();

  {
    g_autoptr(GFile) dir = g_file_new_for_path (tmp_dir);

    remove_tree (dir);
  }
  g_clear_pointer (&tmp_dir, g_free);

  return status;
}
