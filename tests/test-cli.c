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
#include <sys/stat.h>
#include <unistd.h>

#include "certo.h"

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


/* Runs certo-cli like run_cli(), but fails when it takes more than
 * @seconds (then it is killed): for inputs that used to hang */
static gboolean
on_timeout (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
on_communicated (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static void
run_cli_timeout (Fixture    *f,
                 Run        *run,
                 guint       seconds,
                 const char *first,
                 ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                      G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gboolean timed_out = FALSE;
  guint timeout_id;
  va_list ap;

  g_ptr_array_add (args, (char *) CERTO_CLI_PATH);
  g_ptr_array_add (args, (char *) "--data-dir");
  g_ptr_array_add (args, f->data_dir);
  va_start (ap, first);
  for (const char *a = first; a != NULL; a = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *) a);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  g_subprocess_launcher_setenv (launcher, "LANGUAGE", "en", TRUE);
  g_subprocess_launcher_unsetenv (launcher, "CERTO_DATA_DIR");
  proc = g_subprocess_launcher_spawnv (launcher, (const char * const *) args->pdata, &error);
  g_assert_no_error (error);
  timeout_id = g_timeout_add_seconds (seconds, on_timeout, &timed_out);
  g_subprocess_communicate_utf8_async (proc, NULL, NULL, on_communicated, &result);
  while (result == NULL && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (timed_out)
    {
      g_subprocess_force_exit (proc);
      while (result == NULL)
        g_main_context_iteration (NULL, TRUE);
      g_assert_not_reached ();
    }
  g_source_remove (timeout_id);
  g_subprocess_communicate_utf8_finish (proc, result, &run->out, &run->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (proc));
  run->status = g_subprocess_get_exit_status (proc);
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

/* The display column where @needle starts in @line */
static guint
column_of (const char *line,
           const char *needle)
{
  const char *at = strstr (line, needle);
  g_autofree char *prefix = NULL;

  g_assert_nonnull (at);
  prefix = g_strndup (line, at - line);
  return certo_text_display_width (prefix);
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


/* Finding: ids in the output were ambiguous ("7  Intune", but "show 7"
 * showed document 7). Every id any list prints, show takes back. */
static void
test_refs_resolvable (Fixture       *f,
                      gconstpointer  data)
{
  static const char * const kinds[] = { "services", "families", "documents", "environments" };
  g_auto(Run) search = { 0 };
  g_auto(Run) shown = { 0 };
  g_auto(Run) bare = { 0 };
  g_autofree char *intune_ref = NULL;
  guint n_checked = 0;

  run_cli (f, &search, "search", "Intune", NULL);
  g_assert_cmpint (search.status, ==, 0);
  {
    g_auto(GStrv) lines = g_strsplit (search.out, "\n", -1);

    for (guint i = 0; lines[i] != NULL; i++)
      if (g_str_has_suffix (lines[i], "  Intune"))
        intune_ref = g_strndup (lines[i], strcspn (lines[i], " "));
  }
  g_assert_nonnull (intune_ref);
  g_assert_true (intune_ref[0] == 's' && g_ascii_isdigit (intune_ref[1]));
  run_cli (f, &shown, "show", intune_ref, NULL);
  g_assert_cmpint (shown.status, ==, 0);
  g_assert_true (g_str_has_prefix (shown.out, "Intune\n"));
  /* the number alone is a document's, never the service */
  run_cli (f, &bare, "show", intune_ref + 1, NULL);
  g_assert_false (g_str_has_prefix (bare.out, "Intune\n"));

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_auto(Run) list = { 0 };
      g_auto(Run) text = { 0 };
      g_autoptr(JsonNode) root = NULL;
      JsonArray *items;

      run_cli (f, &list, "list", kinds[k], "--json", NULL);
      g_assert_cmpint (list.status, ==, 0);
      run_cli (f, &text, "list", kinds[k], NULL);
      root = parse_json (list.out);
      items = json_node_get_array (root);
      for (guint i = 0; i < json_array_get_length (items); i++)
        {
          JsonObject *item = json_array_get_object_element (items, i);
          const char *ref = json_object_get_string_member (item, "ref");
          g_autofree char *line_start = g_strdup_printf ("\n%s ", ref);
          g_auto(Run) one = { 0 };
          g_autoptr(JsonNode) one_root = NULL;
          JsonObject *got;

          /* the text list prints the same ref */
          g_assert_true (g_str_has_prefix (text.out, line_start + 1) || strstr (text.out, line_start) != NULL);
          if (k == 0 || k == 2)
            g_assert_cmpint (json_object_get_int_member (item, "id"), >, 0);

          run_cli (f, &one, "show", ref, "--json", NULL);
          g_assert_cmpint (one.status, ==, 0);
          one_root = parse_json (one.out);
          got = json_node_get_object (one_root);
          /* a service and a family come with their documents */
          if (json_object_has_member (got, "service"))
            got = json_object_get_object_member (got, "service");
          else if (json_object_get_member (got, "family") != NULL &&
                   JSON_NODE_HOLDS_OBJECT (json_object_get_member (got, "family")))
            got = json_object_get_object_member (got, "family");
          g_assert_cmpstr (json_object_get_string_member (got, "ref"), ==, ref);
          n_checked++;
        }
    }
  g_assert_cmpuint (n_checked, >, 40);

  /* "d12" is a document's too; keys still work */
  {
    g_auto(Run) by_key = { 0 };

    run_cli (f, &by_key, "show", "intune", NULL);
    g_assert_cmpint (by_key.status, ==, 0);
    g_assert_true (g_str_has_prefix (by_key.out, "Intune\n"));
  }
}

/* Finding: "show azure" said "not a document or a service" */
static void
test_show_family (Fixture       *f,
                  gconstpointer  data)
{
  g_auto(Run) text = { 0 };
  g_auto(Run) json = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;

  run_cli (f, &text, "show", "azure", NULL);
  g_assert_cmpint (text.status, ==, 0);
  g_assert_true (g_str_has_prefix (text.out, "Azure\n"));
  g_assert_nonnull (strstr (text.out, "Publisher:"));
  g_assert_nonnull (strstr (text.out, "Microsoft"));
  g_assert_nonnull (strstr (text.out, "Documents:"));
  g_assert_nonnull (strstr (text.out, "ISO 27001 Certificate"));
  g_assert_nonnull (strstr (text.out, "In-scope services:"));
  g_assert_nonnull (strstr (text.out, "Intune"));

  run_cli (f, &json, "show", "azure", "--json", NULL);
  g_assert_cmpint (json.status, ==, 0);
  root = parse_json (json.out);
  object = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (object, "family"), "name"), ==, "Azure");
  g_assert_true (g_str_has_prefix (json_object_get_string_member (json_object_get_object_member (object, "family"), "ref"), "f"));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (object, "family"), "publisher"), ==, "Microsoft");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "documents")), ==, 3);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "services")), >, 5);
}

/* Finding: the same content imported twice was duplicated. The seed,
 * the 2020 and the 2023 article are one source, which replaces the
 * built-in one */
static void
test_import_one_source (Fixture       *f,
                        gconstpointer  data)
{
  static const char * const files[] = {
    "seeds/000_075bc22780f9941d.txt",
    "data/offerings/offering-ISO-27001.en-2020.md",
    "data/offerings/offering-ISO-27001.en-2023.md",
  };
  g_auto(Run) list = { 0 };
  g_auto(Run) text = { 0 };
  g_auto(Run) search = { 0 };
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) found = NULL;
  JsonArray *sources;
  guint n_user = 0;
  gint64 user_id = 0;

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    if (certo_test_skip_unless_shared (files[i]))
      return;

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = certo_test_shared_path (files[i]);
      g_auto(Run) run = { 0 };

      run_cli (f, &run, "import", path, NULL);
      if (i == 2)
        {
          /* 2023 withdraws 19 of 28 documents: confirmed, not silent */
          g_autofree char *hint = g_strdup_printf ("(certo-cli import --accept-removals %s)", path);

          g_assert_cmpint (run.status, ==, 1);
          g_assert_nonnull (strstr (run.err, "would withdraw"));
          g_assert_nonnull (strstr (run.err, hint));
          g_assert_cmpuint (count_lines (run.err), ==, 1);
          run_clear (&run);
          run_cli (f, &run, "import", "--accept-removals", path, NULL);
        }
      g_assert_cmpint (run.status, ==, 0);
    }

  run_cli (f, &list, "source", "list", "--json", NULL);
  g_assert_cmpint (list.status, ==, 0);
  root = parse_json (list.out);
  sources = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (sources); i++)
    {
      JsonObject *source = json_array_get_object_element (sources, i);

      if (!g_str_equal (json_object_get_string_member (source, "kind"), "builtin"))
        {
          n_user++;
          user_id = json_object_get_int_member (source, "id");
          g_assert_cmpstr (json_object_get_string_member (source, "feed_id"), ==, "microsoft-iso27001");
          g_assert_true (g_str_has_suffix (json_object_get_string_member (source, "location"), "offering-ISO-27001.en-2023.md"));
        }
    }
  g_assert_cmpuint (n_user, ==, 1);
  for (guint i = 0; i < json_array_get_length (sources); i++)
    {
      JsonObject *source = json_array_get_object_element (sources, i);

      if (g_str_equal (json_object_get_string_member (source, "kind"), "builtin"))
        g_assert_cmpint (json_object_get_int_member (source, "replaced_by"), ==, user_id);
    }

  /* the names are the same: the list says which is which */
  run_cli (f, &text, "source", "list", NULL);
  g_assert_nonnull (strstr (text.out, "replaced by source"));
  g_assert_nonnull (strstr (text.out, "(built in, as of 2020-02-07)"));
  g_assert_nonnull (strstr (text.out, "offering-ISO-27001.en-2023.md)"));

  run_cli (f, &search, "search", "Intune", "--json", NULL);
  found = parse_json (search.out);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (found), "services")), ==, 1);

  /* What's new tells the first import once, from the source now shown,
   * not again from the built-in catalog it replaced */
  {
    g_auto(Run) news = { 0 };
    g_autoptr(JsonNode) news_root = NULL;
    JsonArray *entries;
    guint n_first = 0;

    run_cli (f, &news, "whatsnew", "--json", NULL);
    g_assert_cmpint (news.status, ==, 0);
    news_root = parse_json (news.out);
    entries = json_node_get_array (news_root);
    for (guint i = 0; i < json_array_get_length (entries); i++)
      {
        JsonObject *entry = json_array_get_object_element (entries, i);

        if (g_str_equal (json_object_get_string_member (entry, "kind"), "first-import"))
          {
            n_first++;
            g_assert_cmpint (json_object_get_int_member (entry, "source_id"), ==, user_id);
          }
      }
    g_assert_cmpuint (n_first, ==, 1);
  }
}

/* Finding: a cut-off article replaced a good one (28 → 8 documents) */
static void
test_import_cut_off (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autofree char *cut_path = NULL;
  g_autofree char *lines_path = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_auto(Run) full = { 0 };
  g_auto(Run) cut = { 0 };
  g_auto(Run) lines = { 0 };
  g_auto(Run) accepted = { 0 };
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const char *text;
  const char *section;
  gsize length = 0;

  if (certo_test_skip_unless_shared ("data/offerings/offering-ISO-27001.en-2020.md"))
    return;
  path = certo_test_shared_path ("data/offerings/offering-ISO-27001.en-2020.md");
  bytes = certo_test_load_bytes (path);
  text = g_bytes_get_data (bytes, &length);
  cut_path = write_temp (f, "a.md", text, 6138);
  section = g_strstr_len (text, length, "\n## Assessments and reports");
  lines_path = write_temp (f, "b.md", text, section + 1 - text);

  run_cli (f, &full, "import", path, NULL);
  g_assert_cmpint (full.status, ==, 0);
  g_assert_nonnull (strstr (full.out, "Imported 28 documents"));
  before = certo_test_dir_digest (f->data_dir);

  run_cli (f, &cut, "import", cut_path, NULL);
  g_assert_cmpint (cut.status, ==, 1);
  g_assert_nonnull (strstr (cut.err, "a.md” seems cut off (it ends in the middle of a link); download it again"));

  run_cli (f, &lines, "import", lines_path, NULL);
  g_assert_cmpint (lines.status, ==, 1);
  g_assert_nonnull (strstr (lines.err, "would withdraw"));
  g_assert_nonnull (strstr (lines.err, "--accept-removals"));
  after = certo_test_dir_digest (f->data_dir);
  g_assert_cmpstr (before, ==, after);

  run_cli (f, &accepted, "import", "--accept-removals", lines_path, NULL);
  g_assert_cmpint (accepted.status, ==, 0);
}

/* Sync passes through the same guard */
static void
test_sync_shrink_guard (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *feed = g_strdup ("{\"format\": \"certo-catalog\", \"version\": 1, \"id\": \"guarded\", \"title\": \"Guarded\","
                                    " \"documents\": ["
                                    "  {\"id\": \"a\", \"kind\": \"soa\", \"title\": \"A\", \"url\": \"https://example.com/a\"},"
                                    "  {\"id\": \"b\", \"kind\": \"soa\", \"title\": \"B\", \"url\": \"https://example.com/b\"},"
                                    "  {\"id\": \"c\", \"kind\": \"soa\", \"title\": \"C\", \"url\": \"https://example.com/c\"},"
                                    "  {\"id\": \"d\", \"kind\": \"soa\", \"title\": \"D\", \"url\": \"https://example.com/d\"},"
                                    "  {\"id\": \"e\", \"kind\": \"soa\", \"title\": \"E\", \"url\": \"https://example.com/e\"},"
                                    "  {\"id\": \"f\", \"kind\": \"soa\", \"title\": \"F\", \"url\": \"https://example.com/f\"}]}");
  static const char empty[] = "{\"format\": \"certo-catalog\", \"version\": 1, \"id\": \"guarded\", \"title\": \"Guarded\","
                              " \"documents\": [{\"id\": \"z\", \"kind\": \"soa\", \"title\": \"Z\", \"url\": \"https://example.com/z\"}]}";
  g_autofree char *path = write_temp (f, "guarded.json", feed, -1);
  g_auto(Run) add = { 0 };
  g_auto(Run) refused = { 0 };
  g_auto(Run) accepted = { 0 };
  g_auto(Run) docs = { 0 };

  run_cli (f, &add, "source", "add", path, NULL);
  g_assert_cmpint (add.status, ==, 0);
  g_free (write_temp (f, "guarded.json", empty, -1));

  run_cli (f, &refused, "sync", NULL);
  g_assert_cmpint (refused.status, ==, 1);
  g_assert_nonnull (strstr (refused.err, "would withdraw 6 of the 6 documents"));
  g_assert_nonnull (strstr (refused.err, "(certo-cli sync --accept-removals "));
  run_cli (f, &docs, "list", "documents", NULL);
  g_assert_nonnull (strstr (docs.out, "  F\n"));

  run_cli (f, &accepted, "sync", "--accept-removals", NULL);
  g_assert_cmpint (accepted.status, ==, 0);
}

/* Finding: a named pipe made import wait forever; /dev/zero was "larger
 * than 64 MiB"; a folder */
static void
test_import_not_regular (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *fifo = g_build_filename (f->work_dir, "f.md", NULL);
  const char *paths[3];

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  paths[0] = fifo;
  paths[1] = "/dev/zero";
  paths[2] = f->work_dir;

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_auto(Run) run = { 0 };

      if (i == 1 && !g_file_test (paths[i], G_FILE_TEST_EXISTS))
        continue;
      run_cli_timeout (f, &run, 20, "import", paths[i], NULL);
      g_assert_cmpint (run.status, ==, 1);
      g_assert_cmpuint (count_lines (run.err), ==, 1);
      g_assert_nonnull (strstr (run.err, "is not a regular file"));
      g_assert_null (strstr (run.err, "larger than"));
    }
}

/* Finding: environments' services were not searchable */
static void
test_search_environments (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_auto(Run) import = { 0 };
  g_auto(Run) search = { 0 };
  g_auto(Run) json = { 0 };
  g_auto(Run) list = { 0 };
  g_auto(Run) shown = { 0 };
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *ref = NULL;

  if (certo_test_skip_unless_shared ("data/offerings/offering-ISO-27001.en-2023.md"))
    return;
  path = certo_test_shared_path ("data/offerings/offering-ISO-27001.en-2023.md");

  run_cli (f, &import, "import", path, NULL);
  g_assert_cmpint (import.status, ==, 0);

  run_cli (f, &search, "search", "exchange online", NULL);
  g_assert_cmpint (search.status, ==, 0);
  g_assert_nonnull (strstr (search.out, "Exchange Online — in-scope in Office 365 Commercial, GCC, GCC High, DoD\n"));
  g_assert_null (strstr (search.out, "Nothing matches"));

  run_cli (f, &json, "search", "exchange online", "--json", NULL);
  root = parse_json (json.out);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (root), "environments")), ==, 4);

  run_cli (f, &list, "list", "environments", NULL);
  g_assert_cmpint (list.status, ==, 0);
  g_assert_cmpuint (count_lines (list.out), ==, 4);
  g_assert_nonnull (strstr (list.out, "Office 365 — GCC High"));
  {
    g_auto(GStrv) lines = g_strsplit (list.out, "\n", -1);

    for (guint i = 0; lines[i] != NULL; i++)
      if (strstr (lines[i], "GCC High") != NULL)
        ref = g_strndup (lines[i], strcspn (lines[i], " "));
  }
  g_assert_true (ref != NULL && ref[0] == 'e');
  run_cli (f, &shown, "show", ref, NULL);
  g_assert_cmpint (shown.status, ==, 0);
  g_assert_true (g_str_has_prefix (shown.out, "GCC High\n"));
  g_assert_nonnull (strstr (shown.out, "In-scope services:"));
  g_assert_nonnull (strstr (shown.out, "  Exchange Online\n"));
}

/* Finding: "search %" listed the whole catalog */
static void
test_search_no_words (Fixture       *f,
                      gconstpointer  data)
{
  static const char * const queries[] = { "%", "_", "'", " ", "—", "%_ ' …" };

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_auto(Run) run = { 0 };

      run_cli (f, &run, "search", queries[i], NULL);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_nonnull (strstr (run.err, "search needs letters or digits"));
    }
}

/* Finding: columns were aligned by bytes, so "—" and "…" shifted them */
static void
test_columns (Fixture       *f,
              gconstpointer  data)
{
  g_auto(Run) json = { 0 };
  g_auto(Run) text = { 0 };
  g_auto(Run) help = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonArray *certificates;
  g_auto(GStrv) lines = NULL;
  gboolean in_commands = FALSE;
  guint n_help = 0;

  run_cli (f, &json, "list", "certificates", "--json", NULL);
  run_cli (f, &text, "list", "certificates", NULL);
  root = parse_json (json.out);
  certificates = json_node_get_array (root);
  lines = g_strsplit (text.out, "\n", -1);
  for (guint i = 0; i < json_array_get_length (certificates); i++)
    {
      const char *title = json_object_get_string_member (json_array_get_object_element (certificates, i), "title");

      /* the title column starts at the same place whether the number
       * and issuer columns hold "—" or text */
      g_assert_cmpuint (column_of (lines[i], title), ==, 6 + 2 + 10 + 2 + 6 + 2);
    }

  /* --help: every summary at the same column, "…" or not */
  run_cli (NULL, &help, "--help", NULL);
  g_strfreev (lines);
  lines = g_strsplit (help.out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *p;
      guint column = 0;

      if (g_str_equal (lines[i], "Commands:") || g_str_equal (lines[i], "Options:"))
        {
          in_commands = TRUE;
          continue;
        }
      if (!in_commands || lines[i][0] == '\0')
        {
          in_commands = FALSE;
          continue;
        }
      /* the summary starts after the first run of two spaces past the head */
      p = strstr (lines[i] + 2, "  ");
      g_assert_nonnull (p);
      while (*p == ' ')
        p++;
      {
        g_autofree char *prefix = g_strndup (lines[i], p - lines[i]);

        column = certo_text_display_width (prefix);
      }
      g_assert_cmpuint (column, ==, 2 + 60 + 1);
      n_help++;
    }
  g_assert_cmpuint (n_help, >, 15);
}

/* Finding: "source --help" and "offline --help" failed with a message
 * pointing at themselves; usage lines read "import [OPTION…] import
 * PATH". Every command and subcommand prints its usage and exits 0. */
static void
test_help_every_command (Fixture       *f,
                         gconstpointer  data)
{
  g_auto(Run) top = { 0 };
  g_auto(GStrv) lines = NULL;
  gboolean in_commands = FALSE;
  guint n_commands = 0;
  guint n_subcommands = 0;

  run_cli (NULL, &top, "--help", NULL);
  g_assert_cmpint (top.status, ==, 0);
  lines = g_strsplit (top.out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) words = NULL;
      g_auto(GStrv) alternatives = NULL;
      g_auto(Run) help = { 0 };
      g_autofree char *usage = NULL;
      g_autofree char *doubled = NULL;
      const char *name;

      if (g_str_equal (lines[i], "Commands:"))
        {
          in_commands = TRUE;
          continue;
        }
      if (!in_commands)
        continue;
      if (lines[i][0] == '\0')
        break;

      words = g_strsplit (g_strstrip (lines[i]), " ", 3);
      name = words[0];
      run_cli (f, &help, name, "--help", NULL);
      g_test_message ("%s --help: %d", name, help.status);
      g_assert_cmpint (help.status, ==, 0);
      g_assert_cmpstr (help.err, ==, "");
      g_assert_true (g_str_has_prefix (help.out, "Usage:\n"));
      usage = g_strdup_printf ("  certo-cli %s ", name);
      g_assert_nonnull (strstr (help.out, usage));
      doubled = g_strdup_printf ("%s [OPTION…] %s ", name, name);
      g_assert_null (strstr (help.out, doubled));
      n_commands++;

      /* "source add URL|list|remove ID|rename ID NAME": each subcommand */
      if (g_str_equal (name, "list") || words[1] == NULL)
        continue;
      alternatives = g_strsplit (words[1], "|", -1);
      for (guint j = 0; alternatives[j] != NULL; j++)
        {
          g_auto(Run) sub = { 0 };
          const char *word = alternatives[j];

          if (!g_ascii_islower (word[0]) || strchr (word, '[') != NULL)
            continue;
          run_cli (f, &sub, name, word, "--help", NULL);
          g_test_message ("%s %s --help: %d", name, word, sub.status);
          g_assert_cmpint (sub.status, ==, 0);
          g_assert_true (g_str_has_prefix (sub.out, "Usage:\n"));
          g_assert_nonnull (strstr (sub.out, usage));
          n_subcommands++;
        }
    }

  g_assert_cmpuint (n_commands, >=, 15);
  g_assert_cmpuint (n_subcommands, >=, 12);
}

/* Finding: messages that did not say what to do, or named a file as a
 * percent-encoded URI */
static void
test_messages (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *blank = write_temp (f, "blank.json", " \n\t\n", -1);
  g_autofree char *newline = write_temp (f, "two\nlines.json", "{", -1);
  g_autofree char *notes = certo_test_data_path ("cli/notes.md");
  g_auto(Run) blank_run = { 0 };
  g_auto(Run) newline_run = { 0 };
  g_auto(Run) notes_run = { 0 };

  run_cli (f, &blank_run, "import", blank, NULL);
  g_assert_cmpint (blank_run.status, ==, 1);
  g_assert_nonnull (strstr (blank_run.err, "blank.json” contains only white space;"));

  run_cli (f, &newline_run, "import", newline, NULL);
  g_assert_cmpint (newline_run.status, ==, 1);
  g_assert_cmpuint (count_lines (newline_run.err), ==, 1);
  g_assert_nonnull (strstr (newline_run.err, "/two\\nlines.json”"));
  g_assert_null (strstr (newline_run.err, "%0A"));
  g_assert_null (strstr (newline_run.err, "file://"));

  run_cli (f, &notes_run, "import", notes, NULL);
  g_assert_cmpint (notes_run.status, ==, 1);
  g_assert_nonnull (strstr (notes_run.err, "Certo reads Microsoft compliance-offering articles and Certo catalog feeds"));
}

static gboolean
has_unsafe (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (*p != '\n' && certo_text_is_unsafe_char (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

/* Finding: control characters and bidirectional overrides passed
 * through, to the terminal among others */
static void
test_unsafe_text (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *feed = write_temp (f, "unsafe.json",
    "{\"format\": \"certo-catalog\", \"version\": 1, \"id\": \"unsafe\","
    " \"documents\": [{\"id\": \"evil\", \"kind\": \"soa\","
    "  \"title\": \"Clear\\u001b[2J\\u001b]0;owned\\u0007 screen \\u202egnp.exe\", \"url\": \"https://example.com/e\"}]}", -1);
  g_auto(Run) import = { 0 };
  g_auto(Run) list = { 0 };
  g_auto(Run) stored_list = { 0 };
  g_auto(Run) stored_show = { 0 };
  g_auto(Run) stored_search = { 0 };

  /* at import: stripped, with a warning */
  run_cli (f, &import, "import", feed, NULL);
  g_assert_cmpint (import.status, ==, 0);
  g_assert_nonnull (strstr (import.err, "Document “evil”: removed control characters or bidirectional overrides"));
  run_cli (f, &list, "list", "documents", NULL);
  g_assert_false (has_unsafe (list.out));
  g_assert_nonnull (strstr (list.out, "Clear[2J]0;owned screen gnp.exe"));

  /* whatever is stored already (an older Certo, a damaged file) is
   * escaped when printed */
  {
    g_autofree char *db = certo_paths_dup_catalog_db (f->data_dir);
    g_autoptr(CertoStore) store = certo_store_new (db);
    g_autoptr(CertoCatalogUpdate) update = certo_catalog_update_new (CERTO_UPDATE_FORMAT_CATALOG);
    CertoUpdateDocument *document = certo_update_document_new ();
    CertoSourceSpec spec = { .key = "file:///stored.json", .kind = CERTO_SOURCE_KIND_FILE,
                             .format = CERTO_SOURCE_FORMAT_CATALOG };
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GError) error = NULL;

    document->id = g_strdup ("stored");
    document->kind = CERTO_DOCUMENT_KIND_SOA;
    document->title = certo_localized_new_plain ("Stored\x1b[31m red \xe2\x80\xae" "txt.exe");
    document->issuer = g_strdup ("Bell\x07");
    g_ptr_array_add (document->urls, g_strdup ("https://example.com/stored"));
    g_ptr_array_add (update->documents, document);
    /* not validated: straight into the store */
    certo_store_import_async (store, &spec, g_steal_pointer (&update), NULL, on_communicated, &result);
    while (result == NULL)
      g_main_context_iteration (NULL, TRUE);
    g_assert_cmpint (certo_store_import_finish (store, result, &error), >, 0);
    g_assert_no_error (error);
    certo_store_close (store);
  }

  run_cli (f, &stored_list, "list", "documents", NULL);
  g_assert_cmpint (stored_list.status, ==, 0);
  g_assert_false (has_unsafe (stored_list.out));
  g_assert_nonnull (strstr (stored_list.out, "Stored\\e[31m red \\u{202E}txt.exe"));
  run_cli (f, &stored_show, "show", "stored", NULL);
  g_assert_false (has_unsafe (stored_show.out));
  g_assert_nonnull (strstr (stored_show.out, "Bell\\x07"));
  run_cli (f, &stored_search, "search", "stored", "red", NULL);
  g_assert_false (has_unsafe (stored_search.out));
}

/* Finding: the size limit; the CLI reads the application's default, or
 * --max-size */
static void
test_max_size (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new ("{\"format\": \"certo-catalog\", \"version\": 1, \"id\": \"big\", \"documents\": []");
  g_autofree char *path = NULL;
  g_auto(Run) small = { 0 };
  g_auto(Run) large = { 0 };
  g_auto(Run) bad = { 0 };
  g_auto(Run) help = { 0 };

  while (text->len < 2 * 1024 * 1024)
    g_string_append (text, "                                                                ");
  g_string_append (text, "}");
  path = write_temp (f, "big.json", text->str, text->len);

  run_cli (f, &small, "import", "--max-size", "1M", path, NULL);
  g_assert_cmpint (small.status, ==, 1);
  g_assert_cmpuint (count_lines (small.err), ==, 1);
  g_assert_nonnull (strstr (small.err, "is larger than 1.0"));
  g_assert_nonnull (strstr (small.err, "--max-size"));

  run_cli (f, &large, "import", "--max-size", "3M", path, NULL);
  g_assert_cmpint (large.status, ==, 0);

  run_cli (f, &bad, "import", "--max-size", "12X", path, NULL);
  g_assert_cmpint (bad.status, ==, 2);

  run_cli (f, &help, "import", "--help", NULL);
  g_assert_nonnull (strstr (help.out, "default 64M"));
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
  ADD ("/cli/refs-resolvable", test_refs_resolvable, NULL);
  ADD ("/cli/show-family", test_show_family, NULL);
  ADD ("/cli/import/one-source", test_import_one_source, NULL);
  ADD ("/cli/import/cut-off", test_import_cut_off, NULL);
  ADD ("/cli/import/not-regular", test_import_not_regular, NULL);
  ADD ("/cli/import/max-size", test_max_size, NULL);
  ADD ("/cli/sync/shrink-guard", test_sync_shrink_guard, NULL);
  ADD ("/cli/search/environments", test_search_environments, NULL);
  ADD ("/cli/search/no-words", test_search_no_words, NULL);
  ADD ("/cli/columns", test_columns, NULL);
  ADD ("/cli/help-every-command", test_help_every_command, NULL);
  ADD ("/cli/messages", test_messages, NULL);
  ADD ("/cli/unsafe-text", test_unsafe_text, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      g_autofree char *base = g_path_get_basename (bad_files[i]);
      g_autofree char *path = g_strdup_printf ("/cli/import/bad-file/%s", base);
      ADD (path, test_bad_file, bad_files[i]);
    }

  return g_test_run ();
}
