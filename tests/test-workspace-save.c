/* test-workspace-save.c — a save killed at any instant leaves a whole file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The parent runs this same program as a child that opens a workspace,
 * makes one change and saves; it kills the child with SIGKILL at a random
 * moment of the save, many times. After each kill the user's file must
 * open, pass `PRAGMA integrity_check`, and be either the version before
 * the change or the version after it.
 *
 * `test-workspace-save --bench` prints figures instead (not a test): the
 * time to open, edit and save a workspace of the 93 Annex A controls of
 * ISO/IEC 27001:2022 (and its clauses) holding 20 MB of evidence files.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <sqlite3.h>
#include <unistd.h>

#include "certo.h"
#include "certo-test-util.h"
#include "certo-workspace.h"

#define N_KILLS 200

static const char *self_path;

/* Helpers */

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

static void
write_random (const char *path,
              gsize       size,
              guint32     seed)
{
  g_autofree guint8 *data = g_malloc (size);
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GError) error = NULL;

  for (gsize i = 0; i < size; i += 4)
    {
      guint32 v = g_rand_int (rand);

      memcpy (data + i, &v, MIN (4, size - i));
    }
  g_file_set_contents (path, (const char *) data, size, &error);
  g_assert_no_error (error);
}

static CertoWorkspace *
create (const char *data_dir,
        const char *path)
{
  g_autoptr(CertoFramework) framework = certo_framework_load_builtin (CERTO_FRAMEWORK_ISO27001_2022, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  CertoWorkspace *ws = certo_workspace_new (data_dir);

  certo_workspace_create_async (ws, file, framework, "ACME", "Everything", CERTO_WORKSPACE_CREATE_REPLACE,
                                NULL, store_result, &result);
  wait_for (&result);
  certo_workspace_create_finish (ws, result, &error);
  g_assert_no_error (error);
  return ws;
}

static CertoWorkspace *
open_ws (const char  *data_dir,
         const char  *path,
         GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(CertoWorkspace) ws = certo_workspace_new (data_dir);

  certo_workspace_open_async (ws, file, NULL, store_result, &result);
  wait_for (&result);
  if (!certo_workspace_open_finish (ws, result, error))
    return NULL;
  return g_steal_pointer (&ws);
}

static gboolean
save (CertoWorkspace  *ws,
      GError         **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  certo_workspace_save_async (ws, CERTO_WORKSPACE_SAVE_NONE, NULL, store_result, &result);
  wait_for (&result);
  return certo_workspace_save_finish (ws, result, error);
}

static gboolean
close_ws (CertoWorkspace  *ws,
          GError         **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  certo_workspace_close_async (ws, CERTO_WORKSPACE_CLOSE_NONE, NULL, store_result, &result);
  wait_for (&result);
  return certo_workspace_close_finish (ws, result, error);
}

static CertoEvidence *
add_file (CertoWorkspace *ws,
          const char     *path,
          const char     *label)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  const char *keys[] = { label, NULL };
  CertoEvidenceSpec spec = { .requirement_keys = keys };
  CertoEvidence *evidence;

  certo_workspace_add_evidence_file_async (ws, file, &spec, NULL, store_result, &result);
  wait_for (&result);
  evidence = certo_workspace_add_evidence_file_finish (ws, result, &error);
  g_assert_no_error (error);
  return evidence;
}

/* The version number a saved file holds (A.5.1's notes), or -1 when the
 * file is not a whole, sound workspace */
static int
file_version (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int version = -1;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    goto out;

  if (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL) != SQLITE_OK ||
      sqlite3_step (stmt) != SQLITE_ROW ||
      g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") != 0)
    goto out;
  sqlite3_finalize (stmt);
  stmt = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT notes FROM requirement WHERE key = 'a5.1'", -1, &stmt, NULL) != SQLITE_OK ||
      sqlite3_step (stmt) != SQLITE_ROW)
    goto out;
  version = g_str_has_prefix ((const char *) sqlite3_column_text (stmt, 0), "version ")
            ? atoi ((const char *) sqlite3_column_text (stmt, 0) + 8) : 0;

out:
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return version;
}

/* The child: open, change, save; says "saving" just before the save */
static int
child_main (const char *path,
            const char *data_dir,
            const char *version)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CertoWorkspace) ws = open_ws (data_dir, path, &error);
  g_autofree char *notes = g_strdup_printf ("version %s", version);

  if (ws == NULL)
    {
      g_printerr ("child: %s\n", error->message);
      return 1;
    }

  certo_workspace_set_save_delay (ws, 600000);
  certo_requirement_state_set_notes (certo_workspace_find_requirement (ws, "A.5.1"), notes);

  g_print ("saving\n");
  fflush (stdout);
  if (!save (ws, &error))
    {
      g_printerr ("child: %s\n", error->message);
      return 1;
    }
  g_print ("saved\n");
  fflush (stdout);

  return close_ws (ws, &error) ? 0 : 1;
}

typedef struct
{
  char *tmp;
  char *docs;
  char *data_dir;
  char *path;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->tmp = g_dir_make_tmp ("certo-save-XXXXXX", NULL);
  f->docs = g_build_filename (f->tmp, "docs", NULL);
  f->data_dir = g_build_filename (f->tmp, "data", NULL);
  f->path = g_build_filename (f->docs, "acme.certo", NULL);
  g_mkdir_with_parents (f->docs, 0755);
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
  g_free (f->docs);
  g_free (f->data_dir);
  g_free (f->path);
}

/* Runs a child; kills it @delay_us after it says "saving" (-1: never).
 * Returns the microseconds from "saving" to "saved", or -1 if killed. */
static gint64
run_child (Fixture *f,
           int      version,
           gint64   delay_us)
{
  g_autofree char *arg = g_strdup_printf ("%d", version);
  const char *argv[] = { self_path, "--save-child", f->path, f->data_dir, arg, NULL };
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  gint64 started;
  gint64 elapsed = -1;

  child = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (child));

  line = g_data_input_stream_read_line (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (line, ==, "saving");
  started = g_get_monotonic_time ();

  if (delay_us >= 0)
    {
      if (delay_us > 0)
        g_usleep (delay_us);
      g_subprocess_send_signal (child, SIGKILL);
      g_subprocess_wait (child, NULL, &error);
      g_assert_no_error (error);
      return -1;
    }

  g_clear_pointer (&line, g_free);
  line = g_data_input_stream_read_line (out, NULL, NULL, &error);
  elapsed = g_get_monotonic_time () - started;
  g_assert_cmpstr (line, ==, "saved");
  g_subprocess_wait_check (child, NULL, &error);
  g_assert_no_error (error);
  return elapsed;
}

static void
discard_leftovers (Fixture *f)
{
  g_autoptr(GPtrArray) list = certo_workspace_list_recoverable (f->data_dir, NULL);

  for (guint i = 0; list != NULL && i < list->len; i++)
    g_assert_true (certo_workspace_discard_recoverable (g_ptr_array_index (list, i), NULL));
}

/* Tests */

static void
test_killed_saves (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(CertoWorkspace) ws = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new ();
  g_autofree char *evidence = g_build_filename (f->tmp, "evidence.bin", NULL);
  gint64 duration = 0;
  guint n_old = 0;
  guint n_new = 0;
  int current;

  /* A workspace with enough in it that a save takes a while */
  ws = create (f->data_dir, f->path);
  write_random (evidence, 1000 * 1000, 1);
  g_assert_true (close_ws (ws, &error));
  g_clear_object (&ws);
  ws = open_ws (f->data_dir, f->path, &error);
  g_assert_no_error (error);
  g_object_unref (add_file (ws, evidence, "A.5.1"));
  certo_requirement_state_set_notes (certo_workspace_find_requirement (ws, "A.5.1"), "version 1");
  g_assert_true (close_ws (ws, &error));
  current = file_version (f->path);
  g_assert_cmpint (current, ==, 1);

  /* How long an undisturbed save takes here */
  for (int i = 0; i < 3; i++)
    {
      duration = MAX (duration, run_child (f, current + 1, -1));
      current = file_version (f->path);
    }
  g_assert_cmpint (current, ==, 4);
  g_test_message ("an undisturbed save of %s takes %.1f ms here",
                  "the workspace", duration / 1000.0);

  for (int i = 0; i < N_KILLS; i++)
    {
      /* Over the whole save and a little after: kills before, during and
       * after the rename */
      gint64 delay = g_rand_int_range (rand, 0, (gint32) MIN (G_MAXINT32, duration * 3 / 2 + 1));
      int version;

      run_child (f, current + 1, delay);

      /* The user's file: the old version or the new one, whole */
      version = file_version (f->path);
      if (version != current && version != current + 1)
        g_error ("after a kill %" G_GINT64_FORMAT " µs into the save the file holds version %d, "
                 "expected %d or %d", delay, version, current, current + 1);
      if (version == current)
        n_old++;
      else
        n_new++;
      current = version;

      /* Nothing SQLite writes beside it */
      {
        g_autofree char *journal = g_strconcat (f->path, "-journal", NULL);
        g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);

        g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
        g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
      }

      discard_leftovers (f);
    }

  g_test_message ("%d kills: %u left the old version, %u the new one", N_KILLS, n_old, n_new);
  g_assert_cmpuint (n_old + n_new, ==, N_KILLS);
  g_assert_cmpuint (n_old, >, 0);
  g_assert_cmpuint (n_new, >, 0);

  /* A save that completes cleans up what killed ones left beside the file */
  run_child (f, current + 1, -1);
  {
    g_autoptr(GDir) dir = g_dir_open (f->docs, 0, NULL);
    const char *name;
    guint n = 0;

    while ((name = g_dir_read_name (dir)) != NULL)
      n++;
    g_assert_cmpuint (n, ==, 1);
  }
}

/* Figures: not a test */
static int
bench_main (void)
{
  g_autofree char *tmp = g_dir_make_tmp ("certo-bench-XXXXXX", NULL);
  g_autofree char *data_dir = g_build_filename (tmp, "data", NULL);
  g_autofree char *path = g_build_filename (tmp, "bench.certo", NULL);
  g_autoptr(CertoWorkspace) ws = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *requirements;
  gint64 t0, t1;
  guint n_annex = 0;

  ws = create (data_dir, path);
  requirements = certo_workspace_get_requirements (ws);
  for (guint i = 0; i < g_list_model_get_n_items (requirements); i++)
    {
      g_autoptr(CertoRequirementState) req = g_list_model_get_item (requirements, i);

      n_annex += certo_requirement_state_get_is_annex_a (req);
    }

  /* 20 MB of evidence: ten files of 2 MB */
  t0 = g_get_monotonic_time ();
  for (int i = 0; i < 10; i++)
    {
      g_autofree char *file = g_strdup_printf ("%s/evidence-%d.pdf", tmp, i);
      g_autofree char *label = g_strdup_printf ("A.8.%d", i + 1);

      write_random (file, 2 * 1000 * 1000, i);
      g_object_unref (add_file (ws, file, label));
    }
  t1 = g_get_monotonic_time ();
  g_print ("add 10 evidence files of 2 MB:            %8.1f ms\n", (t1 - t0) / 1000.0);

  for (int round = 0; round < 3; round++)
    {
      certo_requirement_state_set_status (certo_workspace_find_requirement (ws, "A.5.1"), round % 2 + 1);
      t0 = g_get_monotonic_time ();
      if (!save (ws, &error))
        g_error ("%s", error->message);
      t1 = g_get_monotonic_time ();
      g_print ("save (%u requirements, %u Annex A, 20 MB): %8.1f ms\n",
               g_list_model_get_n_items (requirements), n_annex, (t1 - t0) / 1000.0);
    }

  t0 = g_get_monotonic_time ();
  close_ws (ws, &error);
  g_clear_object (&ws);
  ws = open_ws (data_dir, path, &error);
  t1 = g_get_monotonic_time ();
  requirements = certo_workspace_get_requirements (ws);
  g_print ("close, then open (copy in, checks, load):  %8.1f ms\n", (t1 - t0) / 1000.0);

  t0 = g_get_monotonic_time ();
  for (guint i = 0; i < g_list_model_get_n_items (requirements); i++)
    {
      g_autoptr(CertoRequirementState) req = g_list_model_get_item (requirements, i);

      certo_requirement_state_set_owner (req, "Bench");
    }
  {
    g_autoptr(GAsyncResult) result = NULL;

    certo_workspace_flush_async (ws, NULL, store_result, &result);
    wait_for (&result);
  }
  t1 = g_get_monotonic_time ();
  g_print ("%u edits committed to the working copy:  %8.1f ms\n",
           g_list_model_get_n_items (requirements), (t1 - t0) / 1000.0);

  {
    GStatBuf st;

    g_stat (path, &st);
    g_print ("file size:                                 %8.1f MB\n", st.st_size / 1e6);
  }

  close_ws (ws, &error);
  g_clear_object (&ws);
  return 0;
}

int
main (int    argc,
      char **argv)
{
  self_path = argv[0];

  if (argc == 5 && g_str_equal (argv[1], "--save-child"))
    return child_main (argv[2], argv[3], argv[4]);
  if (argc == 2 && g_str_equal (argv[1], "--bench"))
    return bench_main ();

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/workspace-save/killed-saves", Fixture, NULL,
              fixture_setup, test_killed_saves, fixture_teardown);

  return g_test_run ();
}
