/* test-cli-sources.c — `certo-cli source|sync|check|download|attach|
 * offline|whatsnew|cache` run as a user runs them: a real process, a real
 * data folder, a real HTTP server in this process
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "certo-test-server.h"
#include "certo-test-util.h"

static const char sign_in_message[] =
  "This document needs a sign-in at the provider; download it in your browser, then attach it";

typedef struct
{
  CertoTestServer   *server;
  CertoTestDocument *feed;
  char              *work_dir;
  char              *data_dir;
  char              *cache_dir;
  GBytes            *pdf;
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

/* Helpers */

static char *
make_feed (Fixture    *f,
           const char *number,
           const char *issuer)
{
  g_autofree char *cert = certo_test_server_url (f->server, "/files/cert.pdf");
  g_autofree char *signin = certo_test_server_url (f->server, "/files/signin");

  return g_strdup_printf ("{\"format\": \"certo-catalog\", \"version\": 1, \"id\": \"northwind\","
                          " \"title\": \"Northwind\","
                          " \"services\": [{\"id\": \"storage\", \"name\": \"Storage\"}],"
                          " \"documents\": ["
                          "  {\"id\": \"cert\", \"kind\": \"certificate\", \"title\": \"Northwind certificate\","
                          "   \"certificate_number\": \"%s\", \"issuer\": \"%s\", \"url\": \"%s\"},"
                          "  {\"id\": \"signin\", \"kind\": \"audit-report\", \"title\": \"Northwind audit report\","
                          "   \"url\": \"%s\"}]}",
                          number, issuer, cert, signin);
}

static void
on_communicated (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* Runs certo-cli with --data-dir and the arguments (NULL-terminated),
 * while this process's server answers */
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
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  va_list ap;

  g_ptr_array_add (args, (char *) CERTO_CLI_PATH);
  g_ptr_array_add (args, (char *) "--data-dir");
  g_ptr_array_add (args, f->data_dir);
  va_start (ap, first);
  for (const char *a = first; a != NULL; a = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *) a);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  run_clear (run);
  g_subprocess_launcher_setenv (launcher, "LANGUAGE", "en", TRUE);
  g_subprocess_launcher_setenv (launcher, "CERTO_CACHE_DIR", f->cache_dir, TRUE);
  g_subprocess_launcher_unsetenv (launcher, "CERTO_DATA_DIR");
  proc = g_subprocess_launcher_spawnv (launcher, (const char * const *) args->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8_async (proc, NULL, NULL, on_communicated, &result);
  certo_test_wait_async (&result);
  g_subprocess_communicate_utf8_finish (proc, result, &run->out, &run->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (proc));
  run->status = g_subprocess_get_exit_status (proc);
  g_test_message ("exit %d\nstdout: %s\nstderr: %s", run->status, run->out, run->err);
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

/* The row id of the source with @key, from `source list --json` */
static gint64
source_id (Fixture    *f,
           const char *key)
{
  g_auto(Run) run = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonArray *sources;

  run_cli (f, &run, "source", "list", "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  root = parse_json (run.out);
  sources = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (sources); i++)
    {
      JsonObject *source = json_array_get_object_element (sources, i);

      if (g_str_equal (json_object_get_string_member (source, "key"), key))
        return json_object_get_int_member (source, "id");
    }

  return 0;
}

static JsonObject *
source_json (Fixture *f,
             gint64   id,
             JsonNode **out_root)
{
  g_auto(Run) run = { 0 };
  JsonArray *sources;

  run_cli (f, &run, "source", "list", "--json", NULL);
  *out_root = parse_json (run.out);
  sources = json_node_get_array (*out_root);
  for (guint i = 0; i < json_array_get_length (sources); i++)
    {
      JsonObject *source = json_array_get_object_element (sources, i);

      if (json_object_get_int_member (source, "id") == id)
        return source;
    }

  return NULL;
}

static gboolean
one_line (const char *text)
{
  const char *nl = strchr (text, '\n');

  return nl != NULL && nl[1] == '\0';
}

/* Fixture */

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) login = g_bytes_new_static ("<!DOCTYPE html><html><form>Sign in</form></html>", 48);
  g_autofree char *json = NULL;
  g_autoptr(GBytes) body = NULL;

  f->server = certo_test_server_new ();
  f->work_dir = g_dir_make_tmp ("certo-cli-sources-XXXXXX", &error);
  g_assert_no_error (error);
  f->data_dir = g_build_filename (f->work_dir, "data", NULL);
  f->cache_dir = g_build_filename (f->work_dir, "cache", NULL);

  f->pdf = g_bytes_new_static ("%PDF-1.7 a certificate of Northwind", 35);
  certo_test_server_add_document (f->server, "/files/cert.pdf", "application/pdf", f->pdf);
  certo_test_server_add_document (f->server, "/files/signin", "text/html", login);
  certo_test_server_add_status (f->server, "/gone.json", 404, NULL);

  json = make_feed (f, "IS 1", "BSI");
  body = g_bytes_new (json, strlen (json));
  f->feed = certo_test_server_add_document (f->server, "/feed.json", "application/json", body);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", f->work_dir);

  certo_test_server_free (f->server);
  g_assert_cmpint (system (cmd), ==, 0);
  g_clear_pointer (&f->pdf, g_bytes_unref);
  g_free (f->work_dir);
  g_free (f->data_dir);
  g_free (f->cache_dir);
}

/* Tests */

static void
test_add_sync_whatsnew (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *url = certo_test_server_url (f->server, "/feed.json");
  g_autofree char *json = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) changes = NULL;
  g_auto(Run) run = { 0 };
  g_autofree char *id_text = NULL;
  JsonObject *source;
  JsonArray *list;
  gboolean found = FALSE;
  gint64 id;

  run_cli (f, &run, "source", "add", url, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Added source"));
  g_assert_nonnull (strstr (run.out, "Northwind: 2 documents added (first import)"));

  id = source_id (f, url);
  g_assert_cmpint (id, >, 0);
  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  source = source_json (f, id, &root);
  g_assert_cmpstr (json_object_get_string_member (source, "kind"), ==, "url");
  g_assert_cmpstr (json_object_get_string_member (source, "format"), ==, "catalog");
  g_assert_cmpint (json_object_get_int_member (source, "documents"), ==, 2);
  g_assert_nonnull (json_object_get_string_member (source, "etag"));
  g_assert_false (json_object_has_member (source, "last_error"));

  /* Again: a 304 */
  run_cli (f, &run, "sync", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Northwind: Not modified since the last sync"));

  /* The feed changes */
  json = make_feed (f, "IS 2", "BSI Group");
  body = g_bytes_new (json, strlen (json));
  certo_test_document_set_body (f->feed, body);
  run_cli (f, &run, "sync", id_text, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "Northwind: 1 document changed\n");

  run_cli (f, &run, "whatsnew", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Northwind certificate: Certificate number: IS 1 → IS 2; Issuer: BSI → BSI Group"));
  g_assert_nonnull (strstr (run.out, "First import: 2 documents added"));

  run_cli (f, &run, "whatsnew", "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  changes = parse_json (run.out);
  list = json_node_get_array (changes);
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonObject *change = json_array_get_object_element (list, i);
      JsonArray *fields = json_object_get_array_member (change, "fields");

      if (!g_str_equal (json_object_get_string_member (change, "kind"), "document-changed"))
        continue;
      found = TRUE;
      g_assert_cmpstr (json_object_get_string_member (change, "key"), ==, "cert");
      g_assert_cmpuint (json_array_get_length (fields), ==, 2);
      g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (fields, 0), "old"), ==, "IS 1");
      g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (fields, 0), "new"), ==, "IS 2");
    }
  g_assert_true (found);

  /* Rename; checks */
  run_cli (f, &run, "source", "rename", id_text, "My feed", NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_cli (f, &run, "source", "list", NULL);
  g_assert_nonnull (strstr (run.out, "My feed"));
  /* QA: dates for people (local time, the locale's format), not
   * "Refreshed 2026-11-29T18:31:52.930360Z"; --json keeps ISO 8601 */
  g_assert_nonnull (strstr (run.out, "Refreshed today at "));
  g_assert_false (g_regex_match_simple ("Refreshed [0-9]{4}-[0-9]{2}-[0-9]{2}T", run.out, 0, 0));
  run_cli (f, &run, "source", "list", "--json", NULL);
  g_assert_true (g_regex_match_simple ("\"last_refresh\" *: *\"[0-9]{4}-[0-9]{2}-[0-9]{2}T", run.out, 0, 0));
  run_cli (f, &run, "check", id_text, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "My feed: 2 documents checked"));

  /* Remove it; the built-in catalog cannot be */
  run_cli (f, &run, "source", "remove", id_text, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpint (source_id (f, url), ==, 0);
  run_cli (f, &run, "source", "remove", "builtin:microsoft-iso27001", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "built into Certo"));
}

static void
test_errors (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *gone = certo_test_server_url (f->server, "/gone.json");
  g_autoptr(JsonNode) root = NULL;
  g_auto(Run) run = { 0 };
  JsonObject *source;
  gint64 id;

  /* Wrong usage: 2 */
  run_cli (f, &run, "source", NULL);
  g_assert_cmpint (run.status, ==, 2);
  run_cli (f, &run, "source", "bogus", NULL);
  g_assert_cmpint (run.status, ==, 2);
  run_cli (f, &run, "download", NULL);
  g_assert_cmpint (run.status, ==, 2);
  run_cli (f, &run, "source", "add", "x", "--type", "pdf", NULL);
  g_assert_cmpint (run.status, ==, 2);

  /* Errors: 1, one line, naming what is wrong */
  run_cli (f, &run, "source", "add", "ftp://example.com/feed.json", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_true (one_line (run.err));
  g_assert_nonnull (strstr (run.err, "ftp://example.com/feed.json"));
  g_assert_false (g_file_test (f->data_dir, G_FILE_TEST_EXISTS));

  run_cli (f, &run, "sync", "99", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "certo-cli source list"));

  /* A source that fails stays, with its error */
  run_cli (f, &run, "source", "add", gone, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "127.0.0.1"));
  g_assert_nonnull (strstr (run.err, "HTTP 404"));
  id = source_id (f, gone);
  g_assert_cmpint (id, >, 0);
  source = source_json (f, id, &root);
  g_assert_nonnull (strstr (json_object_get_string_member (source, "last_error"), "HTTP 404"));

  run_cli (f, &run, "sync", NULL);
  g_assert_cmpint (run.status, ==, 1);

  run_cli (f, &run, "sync", "1", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "built into Certo"));
}

static void
test_offline (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *url = certo_test_server_url (f->server, "/feed.json");
  g_autofree char *expected = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, f->pdf);
  g_autofree char *copy = g_build_filename (f->work_dir, "my copy.pdf", NULL);
  g_autofree char *part = NULL;
  g_autofree char *offline_id = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_auto(Run) run = { 0 };
  JsonObject *list;
  JsonArray *docs;
  JsonObject *doc;

  run_cli (f, &run, "source", "add", url, NULL);
  g_assert_cmpint (run.status, ==, 0);

  run_cli (f, &run, "download", "cert", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Saved Northwind certificate: "));
  g_assert_nonnull (strstr (run.out, expected));

  run_cli (f, &run, "download", "signin", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, sign_in_message));

  run_cli (f, &run, "offline", "list", "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  root = parse_json (run.out);
  list = json_node_get_object (root);
  g_assert_cmpint (json_object_get_int_member (list, "total_size"), ==, g_bytes_get_size (f->pdf));
  docs = json_object_get_array_member (list, "documents");
  g_assert_cmpuint (json_array_get_length (docs), ==, 1);
  doc = json_array_get_object_element (docs, 0);
  g_assert_cmpstr (json_object_get_string_member (doc, "sha256"), ==, expected);
  g_assert_cmpstr (json_object_get_string_member (doc, "origin"), ==, "downloaded");
  g_assert_cmpstr (json_object_get_string_member (doc, "file_name"), ==, "cert.pdf");
  g_assert_true (g_str_has_prefix (json_object_get_string_member (doc, "path"), f->data_dir));

  /* A copy the user fetched behind the sign-in */
  g_assert_true (g_file_set_contents (copy, "%PDF-1.7 the audit report", -1, NULL));
  run_cli (f, &run, "attach", "signin", copy, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "my copy.pdf"));
  run_cli (f, &run, "attach", "signin", "/nonexistent/file.pdf", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "/nonexistent/file.pdf"));

  run_cli (f, &run, "offline", "list", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "2 documents saved"));
  g_assert_nonnull (strstr (run.out, "(attached)"));

  /* Delete the download */
  offline_id = g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (doc, "id"));
  run_cli (f, &run, "offline", "remove", offline_id, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_false (g_file_test (json_object_get_string_member (doc, "path"), G_FILE_TEST_EXISTS));
  run_cli (f, &run, "offline", "remove", offline_id, NULL);
  g_assert_cmpint (run.status, ==, 1);

  /* Clear cache: only the cache */
  part = g_build_filename (f->cache_dir, "downloads", "7", NULL);
  g_assert_cmpint (g_mkdir_with_parents (part, 0700), ==, 0);
  g_clear_pointer (&part, g_free);
  part = g_build_filename (f->cache_dir, "downloads", "7", ".certo-download-00.part", NULL);
  g_assert_true (g_file_set_contents (part, "0123456789", 10, NULL));
  run_cli (f, &run, "cache", "clear", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Freed 10 bytes"));
  g_assert_false (g_file_test (part, G_FILE_TEST_EXISTS));
  run_cli (f, &run, "offline", "list", NULL);
  g_assert_nonnull (strstr (run.out, "1 document saved"));
}

static void
test_file_source (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->work_dir, "feed.json", NULL);
  g_autofree char *json = make_feed (f, "IS 1", "BSI");
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr(JsonNode) root = NULL;
  g_auto(Run) run = { 0 };
  JsonObject *source;

  g_assert_true (g_file_set_contents (path, json, -1, NULL));
  run_cli (f, &run, "source", "add", path, "--name", "Local feed", "--type", "catalog", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Local feed: 2 documents added (first import)"));

  source = source_json (f, source_id (f, uri), &root);
  g_assert_nonnull (source);
  g_assert_cmpstr (json_object_get_string_member (source, "kind"), ==, "file");
  g_assert_cmpstr (json_object_get_string_member (source, "requested_format"), ==, "catalog");
  g_assert_cmpstr (json_object_get_string_member (source, "location"), ==, path);

  run_cli (f, &run, "source", "add", uri, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "already a source"));
}

int
main (int    argc,
      char **argv)
{
  certo_test_server_prepare_environment ();
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/cli-sources/add-sync-whatsnew", test_add_sync_whatsnew);
  ADD ("/cli-sources/errors", test_errors);
  ADD ("/cli-sources/offline", test_offline);
  ADD ("/cli-sources/file-source", test_file_source);

#undef ADD

  return g_test_run ();
}
