/* test-cli.c — certo-cli run as a user runs it: a real process, a real
 * data folder, real files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "certo-test-util.h"

typedef struct
{
  char *data_dir;
  char *work_dir;
} Fixture;

typedef struct
{
  int status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->work_dir = g_dir_make_tmp ("certo-cli-XXXXXX", &error);
  g_assert_no_error (error);
  f->data_dir = g_build_filename (f->work_dir, "data", NULL);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", f->work_dir);

  g_assert_cmpint (system (cmd), ==, 0);
  g_free (f->data_dir);
  g_free (f->work_dir);
}

/* Runs certo-cli with --data-dir and the arguments; NULL-terminated */
static void
run_cli (Fixture    *f,
         Run        *run,
         const char *first,
         ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                      G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  va_list ap;

  g_ptr_array_add (args, (char *) CERTO_CLI_PATH);
  if (f != NULL)
    {
      g_ptr_array_add (args, (char *) "--data-dir");
      g_ptr_array_add (args, f->data_dir);
    }
  va_start (ap, first);
  for (const char *a = first; a != NULL; a = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *) a);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  g_subprocess_launcher_setenv (launcher, "LANGUAGE", "en", TRUE);
  g_subprocess_launcher_unsetenv (launcher, "CERTO_DATA_DIR");
  proc = g_subprocess_launcher_spawnv (launcher, (const char * const *) args->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (proc));
  run->status = g_subprocess_get_exit_status (proc);
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    if (*p == '\n')
      n++;
  return n;
}

static char *
write_temp (Fixture    *f,
            const char *name,
            const char *contents,
            gssize      length)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (f->work_dir, name, NULL);

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
  return path;
}

static void
test_fresh_list_services (Fixture       *f,
                          gconstpointer  data)
{
  g_auto(Run) run = { 0 };

  run_cli (f, &run, "list", "services", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpuint (count_lines (run.out), ==, 18);
  g_assert_nonnull (strstr (run.out, "Intune"));
  g_assert_nonnull (strstr (run.out, "Azure DevOps Services"));
}

static void
test_search_intune (Fixture       *f,
                    gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  JsonArray *documents;
  JsonArray *services;
  gboolean kinds[3] = { FALSE, FALSE, FALSE };

  run_cli (f, &run, "search", "Intune", "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  json_parser_load_from_data (parser, run.out, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  services = json_object_get_array_member (root, "services");
  documents = json_object_get_array_member (root, "documents");

  g_assert_cmpuint (json_array_get_length (services), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (services, 0), "name"), ==, "Intune");

  /* exactly the Azure certificate, audit assessment report and SoA */
  g_assert_cmpuint (json_array_get_length (documents), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      JsonObject *doc = json_array_get_object_element (documents, i);
      const char *kind = json_object_get_string_member (doc, "kind");
      const char *title = json_object_get_string_member (doc, "title");

      g_assert_true (g_str_has_prefix (title, "Azure, "));
      if (g_str_equal (kind, "certificate"))
        kinds[0] = TRUE;
      else if (g_str_equal (kind, "audit-report"))
        kinds[1] = TRUE;
      else if (g_str_equal (kind, "soa"))
        kinds[2] = TRUE;
    }
  g_assert_true (kinds[0] && kinds[1] && kinds[2]);

  /* case and accents do not matter */
  {
    g_auto(Run) upper = { 0 };
    run_cli (f, &upper, "search", "INTÜNE", NULL);
    g_assert_cmpint (upper.status, ==, 0);
    g_assert_nonnull (strstr (upper.out, "Intune"));
  }
}

static void
test_certificates (Fixture       *f,
                   gconstpointer  data)
{
  g_auto(Run) run = { 0 };

  run_cli (f, &run, "list", "certificates", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpuint (count_lines (run.out), ==, 9);
  g_assert_nonnull (strstr (run.out, "IS 619017"));
  g_assert_nonnull (strstr (run.out, "IS 601002"));
  g_assert_nonnull (strstr (run.out, "IS 533913"));
  g_assert_nonnull (strstr (run.out, "BSI"));
}

static void
test_show_json (Fixture       *f,
                gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_auto(Run) shown = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *doc = NULL;
  JsonArray *all;
  g_autofree char *id = NULL;

  run_cli (f, &run, "list", "certificates", "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  json_parser_load_from_data (parser, run.out, -1, &error);
  g_assert_no_error (error);
  all = json_node_get_array (json_parser_get_root (parser));
  for (guint i = 0; i < json_array_get_length (all); i++)
    {
      JsonObject *o = json_array_get_object_element (all, i);
      if (g_strcmp0 (json_object_get_string_member_with_default (o, "certificate_number", ""), "IS 601002") == 0)
        doc = o;
    }
  g_assert_nonnull (doc);
  g_assert_cmpstr (json_object_get_string_member (doc, "issuer"), ==, "BSI");
  id = g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (doc, "id"));

  run_cli (f, &shown, "show", id, "--json", NULL);
  g_assert_cmpint (shown.status, ==, 0);
  g_assert_nonnull (strstr (shown.out, "\"verify_url\""));
  g_assert_nonnull (strstr (shown.out, "bsigroup.com"));

  {
    g_auto(Run) text = { 0 };
    run_cli (f, &text, "show", id, NULL);
    g_assert_cmpint (text.status, ==, 0);
    g_assert_nonnull (strstr (text.out, "IS 601002"));
    g_assert_nonnull (strstr (text.out, "Microsoft Professional Services"));
  }
}

static void
test_ids_stable (Fixture       *f,
                 gconstpointer  data)
{
  g_auto(Run) first = { 0 };
  g_auto(Run) again = { 0 };
  g_auto(Run) second = { 0 };
  g_autofree char *seed = NULL;

  if (certo_test_skip_unless_shared ("seeds/000_075bc22780f9941d.txt"))
    return;
  seed = certo_test_shared_path ("seeds/000_075bc22780f9941d.txt");

  run_cli (f, &first, "import", seed, NULL);
  g_assert_cmpint (first.status, ==, 0);
  run_cli (f, &again, "list", "documents", "--json", NULL);
  run_cli (f, &first, "import", seed, NULL);
  g_assert_cmpint (first.status, ==, 0);
  run_cli (f, &second, "list", "documents", "--json", NULL);
  g_assert_cmpstr (again.out, ==, second.out);
}

static void
test_bad_entries (Fixture       *f,
                  gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_auto(Run) found = { 0 };
  g_autofree char *path = certo_test_data_path ("cli/entries.json");

  run_cli (f, &run, "import", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  /* each bad entry is named on stderr */
  g_assert_nonnull (strstr (run.err, "warning"));
  g_assert_nonnull (strstr (run.err, "no-title"));
  g_assert_nonnull (strstr (run.err, "file-link"));
  g_assert_nonnull (strstr (run.err, "ghost"));
  g_assert_nonnull (strstr (run.err, "markup"));
  g_assert_nonnull (strstr (run.err, "javascript:alert(1)"));
  g_assert_nonnull (strstr (run.out, "Imported 2 documents"));

  /* text is never markup: the title keeps its exact characters */
  run_cli (f, &found, "search", "EX 4242", "--json", NULL);
  g_assert_cmpint (found.status, ==, 0);
  g_assert_nonnull (strstr (found.out, "\"<b>&amp;</b>\""));
}

typedef struct
{
  const char *name;
  const char *fixture;   /* under tests/data/cli, or NULL for generated */
} BadFile;

static char *
make_deep_json (Fixture *f)
{
  GString *s = g_string_new (NULL);
  char *path;

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (s, '[');
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (s, ']');
  path = write_temp (f, "deep.json", s->str, s->len);
  g_string_free (s, TRUE);
  return path;
}

static char *
make_huge (Fixture *f)
{
  g_autofree char *path = g_build_filename (f->work_dir, "huge.json", NULL);
  int fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0600);

  /* 65 MiB, sparse: costs no disk */
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (write (fd, "{", 1), ==, 1);
  g_assert_cmpint (ftruncate (fd, (off_t) 65 * 1024 * 1024), ==, 0);
  close (fd);
  return g_steal_pointer (&path);
}

static char *
bad_file_path (Fixture    *f,
               const char *which)
{
  static const guchar png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R' };

  if (g_str_equal (which, "binary"))
    return write_temp (f, "image.png", (const char *) png, sizeof png);
  if (g_str_equal (which, "deep"))
    return make_deep_json (f);
  if (g_str_equal (which, "huge"))
    return make_huge (f);
  if (g_str_equal (which, "missing"))
    return g_build_filename (f->work_dir, "no-such-file.json", NULL);
  return certo_test_data_path (which);
}

static const char *bad_files[] = {
  "cli/empty.json", "binary", "cli/latin1.txt", "cli/notes.md", "cli/truncated.json",
  "deep", "cli/newer.json", "huge", "missing",
};

/* A bad file: exit 1, one line on stderr naming the file, and the data
 * folder byte-for-byte as it was — both when it holds a catalog and when
 * it did not exist yet. */
static void
test_bad_file (Fixture       *f,
               gconstpointer  data)
{
  const char *which = data;
  g_autofree char *path = bad_file_path (f, which);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *base = g_path_get_basename (path);

  {
    g_auto(Run) fresh = { 0 };

    run_cli (f, &fresh, "import", path, NULL);
    g_assert_cmpint (fresh.status, ==, 1);
    g_assert_cmpuint (count_lines (fresh.err), ==, 1);
    g_assert_true (g_str_has_prefix (fresh.err, "certo-cli: "));
    g_assert_nonnull (strstr (fresh.err, base));
    g_assert_false (g_file_test (f->data_dir, G_FILE_TEST_EXISTS));
  }

  {
    g_auto(Run) setup = { 0 };
    g_auto(Run) run = { 0 };

    run_cli (f, &setup, "list", "families", NULL);
    g_assert_cmpint (setup.status, ==, 0);
    before = certo_test_dir_digest (f->data_dir);
    run_cli (f, &run, "import", path, NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_cmpuint (count_lines (run.err), ==, 1);
    after = certo_test_dir_digest (f->data_dir);
    g_assert_cmpstr (before, ==, after);
  }
}

static void
test_usage (Fixture       *f,
            gconstpointer  data)
{
  g_auto(Run) none = { 0 };
  g_auto(Run) unknown = { 0 };
  g_auto(Run) list = { 0 };
  g_auto(Run) help = { 0 };
  g_auto(Run) version = { 0 };
  g_auto(Run) missing = { 0 };

  run_cli (NULL, &none, NULL);
  g_assert_cmpint (none.status, ==, 2);
  run_cli (f, &unknown, "frobnicate", NULL);
  g_assert_cmpint (unknown.status, ==, 2);
  run_cli (f, &list, "list", "cats", NULL);
  g_assert_cmpint (list.status, ==, 2);
  run_cli (NULL, &help, "--help", NULL);
  g_assert_cmpint (help.status, ==, 0);
  g_assert_nonnull (strstr (help.out, "search"));
  run_cli (NULL, &version, "--version", NULL);
  g_assert_cmpint (version.status, ==, 0);
  g_assert_true (g_str_has_prefix (version.out, "certo-cli "));
  run_cli (f, &missing, "show", "no-such-thing", NULL);
  g_assert_cmpint (missing.status, ==, 1);
  g_assert_nonnull (strstr (missing.err, "no-such-thing"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func, data) \
  g_test_add (path, Fixture, data, fixture_setup, func, fixture_teardown)

  ADD ("/cli/fresh/list-services", test_fresh_list_services, NULL);
  ADD ("/cli/fresh/search-intune", test_search_intune, NULL);
  ADD ("/cli/fresh/certificates", test_certificates, NULL);
  ADD ("/cli/show-json", test_show_json, NULL);
  ADD ("/cli/import/ids-stable", test_ids_stable, NULL);
  ADD ("/cli/import/bad-entries", test_bad_entries, NULL);
  ADD ("/cli/usage", test_usage, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      g_autofree char *base = g_path_get_basename (bad_files[i]);
      g_autofree char *path = g_strdup_printf ("/cli/import/bad-file/%s", base);
      ADD (path, test_bad_file, bad_files[i]);
    }

  return g_test_run ();
}
