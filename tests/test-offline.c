/* test-offline.c — documents saved for offline reading, against a real
 * HTTP server in this process: downloads checked and renamed into place,
 * sign-in pages refused, resumed transfers, server file names that try to
 * leave the folder, attached copies, deletion, the startup sweep, the
 * download queue and the cache
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "certo.h"
#include "certo-catalog-private.h"
#include "certo-test-server.h"
#include "certo-test-util.h"

#define N_SLOW 6

static const char sign_in_message[] =
  "This document needs a sign-in at the provider; download it in your browser, then attach it";

typedef struct
{
  CertoTestServer   *server;
  GNetworkMonitor   *monitor;
  GProxyResolver    *proxy;
  CertoClient       *client;
  char              *dir;
  char              *data_dir;
  char              *cache_dir;
  CertoStore        *store;
  CertoCatalog      *catalog;
  CertoSync         *sync;
  CertoOffline      *offline;

  GBytes            *pdf;
  CertoTestDocument *cert;
  CertoTestDocument *cut;
  guint              in_flight;
  guint              max_in_flight;
  gboolean           hold;          /* slow resources wait until released */
  GPtrArray         *held;
} Fixture;

/* Helpers */

static void
store_result (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GBytes *
make_pdf (gsize   length,
          guint32 seed)
{
  static const char head[] = "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n";
  g_autoptr(GBytes) noise = certo_test_random_bytes (length, seed);
  guint8 *data = g_memdup2 (g_bytes_get_data (noise, NULL), length);

  memcpy (data, head, MIN (length, sizeof head - 1));
  return g_bytes_new_take (data, length);
}

static CertoDocument *
find_document (Fixture    *f,
               const char *key)
{
  GObject *found = certo_catalog_find_by_key (f->catalog, key);

  g_assert_true (CERTO_IS_DOCUMENT (found));
  return CERTO_DOCUMENT (found);
}

/* Saves the documents with these keys (NULL-terminated); returns the jobs */
static GPtrArray *
save_keys (Fixture    *f,
           const char *first,
           ...)
{
  g_autoptr(GListStore) documents = g_list_store_new (CERTO_TYPE_DOCUMENT);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *jobs;
  va_list ap;

  va_start (ap, first);
  for (const char *key = first; key != NULL; key = va_arg (ap, const char *))
    g_list_store_append (documents, find_document (f, key));
  va_end (ap);

  certo_offline_save_async (f->offline, G_LIST_MODEL (documents), NULL, store_result, &result);
  certo_test_wait_async (&result);
  jobs = certo_offline_save_finish (f->offline, result, &error);
  g_assert_no_error (error);
  return jobs;
}

static CertoOfflineJob *
save_one (Fixture    *f,
          const char *key)
{
  g_autoptr(GPtrArray) jobs = save_keys (f, key, NULL);

  g_assert_cmpuint (jobs->len, ==, 1);
  return g_object_ref (g_ptr_array_index (jobs, 0));
}

static void
list_files (const char *dir,
            const char *prefix,
            GString    *out)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *relative = g_build_filename (prefix, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        list_files (path, relative, out);
      else
        g_string_append_printf (out, "%s\n", relative);
    }
}

static char *
files_in (const char *dir)
{
  GString *out = g_string_new (NULL);

  list_files (dir, "", out);
  return g_string_free (out, FALSE);
}

static void
assert_file_bytes (const char *path,
                   GBytes     *bytes)
{
  g_autoptr(GBytes) contents = certo_test_load_bytes (path);

  g_assert_true (g_bytes_equal (contents, bytes));
}

static CertoOffline *
reload_offline (Fixture *f)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  CertoOffline *offline = certo_offline_new (f->catalog, f->client, f->data_dir, f->cache_dir);

  certo_offline_load_async (offline, NULL, store_result, &result);
  certo_test_wait_async (&result);
  g_assert_true (certo_offline_load_finish (offline, result, &error));
  g_assert_no_error (error);
  return offline;
}

/* Slow resources: answered 100 ms after they are asked for */

typedef struct
{
  Fixture *f;
  SoupServerMessage *msg;
} Held;

static gboolean
answer_held (gpointer user_data)
{
  Held *held = user_data;
  Fixture *f = held->f;

  if (f->hold)
    return G_SOURCE_CONTINUE;

  f->in_flight--;
  soup_server_message_set_status (held->msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (held->msg, "application/pdf", SOUP_MEMORY_COPY,
                                    g_bytes_get_data (f->pdf, NULL), g_bytes_get_size (f->pdf));
  soup_server_message_unpause (held->msg);
  g_object_unref (held->msg);
  g_free (held);
  return G_SOURCE_REMOVE;
}

static void
slow_handler (SoupServer        *server,
              SoupServerMessage *msg,
              const char        *path,
              GHashTable        *query,
              gpointer           user_data)
{
  Fixture *f = user_data;
  Held *held = g_new0 (Held, 1);

  f->in_flight++;
  f->max_in_flight = MAX (f->max_in_flight, f->in_flight);
  held->f = f;
  held->msg = g_object_ref (msg);
  soup_server_message_pause (msg);
  g_timeout_add (100, answer_held, held);
}

/* Fixture */

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GString) json = g_string_new ("{\"format\": \"certo-catalog\", \"version\": 1, \"id\": \"files\","
                                          " \"families\": [{\"id\": \"slow\", \"name\": \"Slow\"}],"
                                          " \"documents\": [");
  static const struct {
    const char *key;
    const char *path;
  } documents[] = {
    { "cert", "/files/cert.pdf" },
    { "signin", "/files/signin" },
    { "missing", "/files/missing.pdf" },
    { "cut", "/files/cut.pdf" },
    { "dots", "/files/d1" },
    { "slash", "/files/d2" },
    { "unicode", "/files/d3" },
  };
  g_autoptr(GBytes) login = g_bytes_new_static ("<!DOCTYPE html><html><form>Sign in</form></html>", 48);
  g_autoptr(GAsyncResult) loaded = NULL;
  g_autoptr(GAsyncResult) added = NULL;
  g_autoptr(GAsyncResult) synced = NULL;
  g_autoptr(GAsyncResult) offline_loaded = NULL;
  g_autoptr(CertoSource) source = NULL;
  g_autoptr(CertoSyncSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *feed_url = NULL;
  CertoTestDocument *doc;

  f->server = certo_test_server_new ();
  f->monitor = certo_test_network_monitor_new ();
  f->proxy = certo_test_no_proxy_resolver ();
  f->client = certo_client_new_full (f->proxy, NULL, f->monitor);
  f->dir = g_dir_make_tmp ("certo-test-offline-XXXXXX", &error);
  g_assert_no_error (error);
  f->data_dir = g_build_filename (f->dir, "data", NULL);
  f->cache_dir = g_build_filename (f->dir, "cache", NULL);
  f->held = g_ptr_array_new ();

  /* The documents */
  f->pdf = make_pdf (200 * 1024, 7);
  f->cert = certo_test_server_add_document (f->server, "/files/cert.pdf", "application/pdf", f->pdf);
  certo_test_server_add_document (f->server, "/files/signin", "text/html", login);
  f->cut = certo_test_server_add_document (f->server, "/files/cut.pdf", "application/pdf", f->pdf);
  certo_test_document_set_ranges (f->cut, FALSE);
  doc = certo_test_server_add_document (f->server, "/files/d1", "application/pdf", f->pdf);
  certo_test_document_set_disposition (doc, "attachment; filename=\"../../evil.pdf\"");
  doc = certo_test_server_add_document (f->server, "/files/d2", "application/pdf", f->pdf);
  certo_test_document_set_disposition (doc, "attachment; filename=\"/etc/passwd\"");
  doc = certo_test_server_add_document (f->server, "/files/d3", "application/pdf", f->pdf);
  certo_test_document_set_disposition (doc, "attachment; filename=\"fallback.pdf\"; "
                                            "filename*=UTF-8''..%2FZertifikat%20f%C3%BCr%20Stra%C3%9Fe.pdf");
  certo_test_server_add_handler (f->server, "/slow", slow_handler, f, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (documents); i++)
    {
      g_autofree char *url = certo_test_server_url (f->server, documents[i].path);

      g_string_append_printf (json, "{\"id\": \"%s\", \"kind\": \"certificate\", \"title\": \"Document %s\","
                              " \"url\": \"%s\"},", documents[i].key, documents[i].key, url);
    }
  for (guint i = 0; i < N_SLOW; i++)
    {
      g_autofree char *path = g_strdup_printf ("/slow/%u.pdf", i);
      g_autofree char *url = certo_test_server_url (f->server, path);

      g_string_append_printf (json, "{\"id\": \"slow%u\", \"kind\": \"guide\", \"title\": \"Slow %u\","
                              " \"family\": \"slow\", \"url\": \"%s\"}%s", i, i, url, i + 1 < N_SLOW ? "," : "");
    }
  g_string_append (json, "]}");
  {
    g_autoptr(GBytes) body = g_bytes_new (json->str, json->len);
    certo_test_server_add_document (f->server, "/feed.json", "application/json", body);
  }

  /* The catalog, its source, the offline documents */
  {
    g_autofree char *db = certo_paths_dup_catalog_db (f->data_dir);

    f->store = certo_store_new (db);
  }
  f->catalog = certo_catalog_new (f->store);
  certo_catalog_set_builtin_path (f->catalog, NULL);
  certo_catalog_load_async (f->catalog, NULL, store_result, &loaded);
  certo_test_wait_async (&loaded);
  g_assert_true (certo_catalog_load_finish (f->catalog, loaded, &error));

  f->sync = certo_sync_new (f->catalog, f->client);
  feed_url = certo_test_server_url (f->server, "/feed.json");
  certo_sync_add_source_async (f->sync, feed_url, NULL, CERTO_SOURCE_FORMAT_AUTO, NULL, store_result, &added);
  certo_test_wait_async (&added);
  source = certo_sync_add_source_finish (f->sync, added, &error);
  g_assert_no_error (error);
  certo_sync_refresh_async (f->sync, source, NULL, store_result, &synced);
  certo_test_wait_async (&synced);
  summary = certo_sync_refresh_finish (f->sync, synced, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->n_documents, ==, G_N_ELEMENTS (documents) + N_SLOW);

  f->offline = certo_offline_new (f->catalog, f->client, f->data_dir, f->cache_dir);
  certo_offline_load_async (f->offline, NULL, store_result, &offline_loaded);
  certo_test_wait_async (&offline_loaded);
  g_assert_true (certo_offline_load_finish (f->offline, offline_loaded, &error));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", f->dir);

  f->hold = FALSE;
  while (f->in_flight > 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_finalize_object (f->offline);
  g_assert_finalize_object (f->sync);
  g_assert_finalize_object (f->catalog);
  certo_store_close (f->store);
  g_assert_finalize_object (f->store);
  certo_test_server_free (f->server);
  g_assert_finalize_object (f->client);
  g_clear_object (&f->monitor);
  g_clear_object (&f->proxy);
  g_clear_pointer (&f->pdf, g_bytes_unref);
  g_clear_pointer (&f->held, g_ptr_array_unref);
  g_assert_cmpint (system (cmd), ==, 0);
  g_free (f->dir);
  g_free (f->data_dir);
  g_free (f->cache_dir);
}

/* Tests */

static void
on_received (CertoOfflineJob *job,
             GParamSpec      *pspec,
             gpointer         user_data)
{
  (*(guint *) user_data)++;
}

static void
on_queue_added (GListModel *queue,
                guint       position,
                guint       removed,
                guint       added,
                gpointer    user_data)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(CertoOfflineJob) job = g_list_model_get_item (queue, i);

      g_signal_connect (job, "notify::received", G_CALLBACK (on_received), user_data);
    }
}

static void
test_save (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(CertoOfflineJob) job = NULL;
  g_autoptr(CertoOffline) again = NULL;
  g_autofree char *expected = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, f->pdf);
  g_autofree char *folder = g_build_filename (f->data_dir, "offline", NULL);
  g_autofree char *dirname = NULL;
  g_autofree char *cache = NULL;
  g_autofree char *url = certo_test_server_url (f->server, "/files/cert.pdf");
  CertoOfflineDocument *doc;
  guint progress = 0;

  g_signal_connect (certo_offline_get_queue (f->offline), "items-changed", G_CALLBACK (on_queue_added), &progress);
  job = save_one (f, "cert");
  g_assert_cmpint (certo_offline_job_get_state (job), ==, CERTO_OFFLINE_JOB_DONE);
  g_assert_cmpuint (progress, >, 0);
  g_assert_cmpuint (certo_offline_job_get_received (job), ==, g_bytes_get_size (f->pdf));
  g_assert_cmpint (certo_offline_job_get_total (job), ==, g_bytes_get_size (f->pdf));
  g_assert_cmpfloat (certo_offline_job_get_fraction (job), ==, 1.0);
  g_assert_cmpuint (certo_offline_get_n_active (f->offline), ==, 0);

  doc = certo_offline_job_get_document (job);
  g_assert_nonnull (doc);
  g_assert_cmpstr (certo_offline_document_get_file_name (doc), ==, "cert.pdf");
  dirname = g_path_get_dirname (certo_offline_document_get_path (doc));
  g_assert_cmpstr (dirname, ==, folder);
  g_assert_cmpstr (certo_offline_get_folder (f->offline), ==, folder);
  assert_file_bytes (certo_offline_document_get_path (doc), f->pdf);
  g_assert_cmpstr (certo_offline_document_get_sha256 (doc), ==, expected);
  g_assert_cmpuint (certo_offline_document_get_size (doc), ==, g_bytes_get_size (f->pdf));
  g_assert_cmpstr (certo_offline_document_get_content_type (doc), ==, "application/pdf");
  g_assert_cmpstr (certo_offline_document_get_source_url (doc), ==, url);
  g_assert_cmpstr (certo_offline_document_get_title (doc), ==, "Document cert");
  g_assert_false (certo_offline_document_get_attached (doc));
  g_assert_nonnull (certo_offline_document_get_added (doc));
  g_assert_cmpuint (certo_offline_get_total_size (f->offline), ==, g_bytes_get_size (f->pdf));
  g_assert_true (certo_offline_lookup (f->offline, certo_document_get_id (find_document (f, "cert"))) == doc);

  /* Nothing left in the cache; the data folder holds the file */
  cache = files_in (f->cache_dir);
  g_assert_cmpstr (cache, ==, "");

  /* Saved already: not downloaded again */
  {
    g_autoptr(GPtrArray) none = save_keys (f, "cert", NULL);
    g_assert_cmpuint (none->len, ==, 0);
    g_assert_cmpuint (certo_test_document_get_requests (f->cert), ==, 1);
  }

  /* Read back by another instance, as at the next start */
  again = reload_offline (f);
  g_assert_cmpuint (g_list_model_get_n_items (certo_offline_get_documents (again)), ==, 1);
  g_assert_cmpstr (certo_offline_document_get_sha256 (certo_offline_find (again, certo_offline_document_get_id (doc))), ==,
                   expected);
}

/* A sign-in page, a missing document, a cut transfer: nothing kept,
 * anywhere */
static void
test_failures (Fixture       *f,
               gconstpointer  data)
{
  static const struct {
    const char *key;
    int code;
  } cases[] = {
    { "signin", CERTO_CLIENT_ERROR_SIGN_IN_REQUIRED },
    { "missing", CERTO_CLIENT_ERROR_HTTP_NOT_FOUND },
    { "cut", CERTO_CLIENT_ERROR_TRUNCATED },
  };
  g_autoptr(CertoOfflineJob) saved = save_one (f, "cert");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *offline = certo_test_dir_digest (certo_offline_get_folder (f->offline));
      g_autofree char *offline_after = NULL;
      g_autofree char *cache = NULL;
      g_autoptr(CertoOfflineJob) job = NULL;
      const GError *error;

      /* Without byte ranges: nothing worth keeping for a resume */
      if (g_str_equal (cases[i].key, "cut"))
        certo_test_document_cut_next (f->cut, 1000);
      job = save_one (f, cases[i].key);
      error = certo_offline_job_get_error (job);
      g_test_message ("%s: %s", cases[i].key, error != NULL ? error->message : "(none)");
      g_assert_cmpint (certo_offline_job_get_state (job), ==, CERTO_OFFLINE_JOB_FAILED);
      g_assert_error ((GError *) error, CERTO_CLIENT_ERROR, cases[i].code);
      if (cases[i].code == CERTO_CLIENT_ERROR_SIGN_IN_REQUIRED)
        g_assert_cmpstr (error->message, ==, sign_in_message);

      offline_after = certo_test_dir_digest (certo_offline_get_folder (f->offline));
      g_assert_cmpstr (offline_after, ==, offline);
      cache = files_in (f->cache_dir);
      g_assert_cmpstr (cache, ==, "");
      g_assert_cmpuint (g_list_model_get_n_items (certo_offline_get_documents (f->offline)), ==, 1);
    }
}

/* A transfer cut off is resumed where it stopped (RFC 9110 §14.2) */
static void
test_resume (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *expected = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, f->pdf);
  g_autofree char *offline = certo_test_dir_digest (certo_offline_get_folder (f->offline));
  g_autofree char *offline_after = NULL;
  g_autofree char *cache = NULL;
  g_autofree char *cache_after = NULL;
  g_autoptr(CertoOfflineJob) first = NULL;
  g_autoptr(CertoOfflineJob) second = NULL;
  CertoOfflineDocument *doc;

  certo_test_document_cut_next (f->cert, 64 * 1024);
  first = save_one (f, "cert");
  g_assert_cmpint (certo_offline_job_get_state (first), ==, CERTO_OFFLINE_JOB_FAILED);
  g_assert_error ((GError *) certo_offline_job_get_error (first), CERTO_CLIENT_ERROR, CERTO_CLIENT_ERROR_TRUNCATED);

  /* The offline folder as it was; the part kept in the cache */
  offline_after = certo_test_dir_digest (certo_offline_get_folder (f->offline));
  g_assert_cmpstr (offline_after, ==, offline);
  cache = files_in (f->cache_dir);
  g_assert_nonnull (strstr (cache, ".part"));

  second = save_one (f, "cert");
  g_assert_cmpint (certo_offline_job_get_state (second), ==, CERTO_OFFLINE_JOB_DONE);
  g_assert_cmpstr (certo_test_document_get_request_header (f->cert, "Range"), ==, "bytes=65536-");
  doc = certo_offline_job_get_document (second);
  g_assert_cmpstr (certo_offline_document_get_sha256 (doc), ==, expected);
  assert_file_bytes (certo_offline_document_get_path (doc), f->pdf);
  cache_after = files_in (f->cache_dir);
  g_assert_cmpstr (cache_after, ==, "");
}

/* A name from the server never chooses the folder */
static void
test_server_names (Fixture       *f,
                   gconstpointer  data)
{
  static const struct {
    const char *key;
    const char *name;
  } cases[] = {
    { "dots", "evil.pdf" },
    { "slash", "passwd" },
    { "unicode", "Zertifikat für Straße.pdf" },
  };
  g_autofree char *folder = g_strdup (certo_offline_get_folder (f->offline));
  g_autofree char *everything = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CertoOfflineJob) job = save_one (f, cases[i].key);
      CertoOfflineDocument *doc = certo_offline_job_get_document (job);
      g_autofree char *dirname = NULL;

      g_assert_cmpint (certo_offline_job_get_state (job), ==, CERTO_OFFLINE_JOB_DONE);
      g_assert_cmpstr (certo_offline_document_get_file_name (doc), ==, cases[i].name);
      dirname = g_path_get_dirname (certo_offline_document_get_path (doc));
      g_assert_cmpstr (dirname, ==, folder);
    }

  /* Nothing anywhere else: only the database and the three files */
  everything = files_in (f->dir);
  g_test_message ("%s", everything);
  g_assert_null (strstr (everything, "etc"));
  g_assert_nonnull (strstr (everything, "data/offline/evil.pdf\n"));
  g_assert_nonnull (strstr (everything, "data/offline/passwd\n"));
  {
    g_autofree char *outside = g_build_filename (f->dir, "evil.pdf", NULL);
    g_autofree char *outside2 = g_build_filename (f->data_dir, "evil.pdf", NULL);

    g_assert_false (g_file_test (outside, G_FILE_TEST_EXISTS));
    g_assert_false (g_file_test (outside2, G_FILE_TEST_EXISTS));
  }
}

static void
test_attach (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "..signed report?.pdf", NULL);
  g_autoptr(GBytes) bytes = make_pdf (5000, 3);
  g_autofree char *expected = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(CertoOfflineDocument) doc = NULL;
  g_autoptr(CertoOfflineJob) downloaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GAsyncResult) dir_result = NULL;
  g_autofree char *downloaded_path = NULL;

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));

  /* The signed-in copy replaces what was downloaded before */
  downloaded = save_one (f, "cert");
  downloaded_path = g_strdup (certo_offline_document_get_path (certo_offline_job_get_document (downloaded)));

  certo_offline_attach_async (f->offline, find_document (f, "cert"), file, NULL, store_result, &result);
  certo_test_wait_async (&result);
  doc = certo_offline_attach_finish (f->offline, result, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (certo_offline_document_get_file_name (doc), ==, "signed report_.pdf");
  g_assert_cmpstr (certo_offline_document_get_sha256 (doc), ==, expected);
  g_assert_cmpuint (certo_offline_document_get_size (doc), ==, 5000);
  g_assert_true (certo_offline_document_get_attached (doc));
  g_assert_null (certo_offline_document_get_source_url (doc));
  g_assert_cmpstr (certo_offline_document_get_content_type (doc), ==, "application/pdf");
  g_assert_nonnull (certo_offline_document_get_added (doc));
  assert_file_bytes (certo_offline_document_get_path (doc), bytes);
  assert_file_bytes (path, bytes);   /* the user's file is left alone */

  /* The replaced copy goes, row and file */
  while (g_list_model_get_n_items (certo_offline_get_documents (f->offline)) > 1 ||
         g_file_test (downloaded_path, G_FILE_TEST_EXISTS))
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (certo_offline_lookup (f->offline, certo_document_get_id (find_document (f, "cert"))) == doc);
  g_assert_cmpuint (certo_offline_get_total_size (f->offline), ==, 5000);

  /* Not a file */
  g_clear_object (&result);
  folder = g_file_new_for_path (f->dir);
  certo_offline_attach_async (f->offline, find_document (f, "signin"), folder, NULL, store_result, &dir_result);
  certo_test_wait_async (&dir_result);
  g_assert_null (certo_offline_attach_finish (f->offline, dir_result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
}

static void
test_remove (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(CertoOfflineJob) job = save_one (f, "cert");
  CertoOfflineDocument *doc = certo_offline_job_get_document (job);
  g_autofree char *path = g_strdup (certo_offline_document_get_path (doc));
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(CertoOffline) again = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  certo_offline_remove_async (f->offline, doc, NULL, store_result, &result);
  certo_test_wait_async (&result);
  g_assert_true (certo_offline_remove_finish (f->offline, result, &error));
  g_assert_no_error (error);

  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (g_list_model_get_n_items (certo_offline_get_documents (f->offline)), ==, 0);
  g_assert_cmpuint (certo_offline_get_total_size (f->offline), ==, 0);
  g_assert_null (certo_offline_lookup (f->offline, certo_document_get_id (find_document (f, "cert"))));

  again = reload_offline (f);
  g_assert_cmpuint (g_list_model_get_n_items (certo_offline_get_documents (again)), ==, 0);
}

/* Files no row names (a crash between file and row) and temporary files
 * are swept at start; saved ones stay */
static void
test_sweep (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(CertoOfflineJob) job = save_one (f, "cert");
  const char *folder = certo_offline_get_folder (f->offline);
  g_autofree char *orphan = g_build_filename (folder, "orphan.pdf", NULL);
  g_autofree char *temp = g_build_filename (folder, ".certo-offline-abc123.tmp", NULL);
  g_autofree char *kept = g_strdup (certo_offline_document_get_path (certo_offline_job_get_document (job)));
  g_autoptr(CertoOffline) again = NULL;

  g_assert_true (g_file_set_contents (orphan, "left by a crash", -1, NULL));
  g_assert_true (g_file_set_contents (temp, "half a file", -1, NULL));

  again = reload_offline (f);
  g_assert_false (g_file_test (orphan, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (temp, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (kept, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (g_list_model_get_n_items (certo_offline_get_documents (again)), ==, 1);
}

static gboolean
on_watch_timeout (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
count_changes (GListModel *model,
               guint       position,
               guint       removed,
               guint       added,
               gpointer    user_data)
{
  (*(guint *) user_data)++;
}

/* Waits, at most 5 s, until @offline lists @n copies */
static gboolean
wait_for_n_saved (CertoOffline *offline,
                  guint         n)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (5, on_watch_timeout, &timed_out);

  while (!timed_out && g_list_model_get_n_items (certo_offline_get_documents (offline)) != n)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);

  return !timed_out;
}

/* QA: `certo-cli download` while the window is open; the window's list
 * (another CertoOffline on the same folder and database) follows */
static void
test_watch (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(CertoOffline) window = reload_offline (f);
  g_autoptr(CertoOfflineJob) job = NULL;
  g_autoptr(CertoOfflineDocument) listed = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  guint changes = 0;

  certo_offline_watch (window);
  job = save_one (f, "cert");
  while (certo_offline_job_get_state (job) != CERTO_OFFLINE_JOB_DONE &&
         certo_offline_job_get_state (job) != CERTO_OFFLINE_JOB_FAILED)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (certo_offline_job_get_state (job), ==, CERTO_OFFLINE_JOB_DONE);

  g_assert_true (wait_for_n_saved (window, 1));
  listed = g_list_model_get_item (certo_offline_get_documents (window), 0);
  g_assert_cmpint (certo_offline_document_get_document_id (listed), ==,
                   certo_document_get_id (find_document (f, "cert")));
  g_assert_nonnull (certo_offline_lookup (window, certo_document_get_id (find_document (f, "cert"))));
  g_assert_cmpuint (certo_offline_get_total_size (window), ==, certo_offline_get_total_size (f->offline));
  g_assert_true (g_file_test (certo_offline_document_get_path (listed), G_FILE_TEST_EXISTS));

  /* A later unrelated commit keeps the same objects: no items-changed */
  g_signal_connect (certo_offline_get_documents (window), "items-changed",
                    G_CALLBACK (count_changes), &changes);
  certo_offline_clear_cache_async (f->offline, NULL, store_result, &result);
  certo_test_wait_async (&result);
  g_clear_object (&result);

  /* Deleted elsewhere: gone here too */
  certo_offline_remove_async (f->offline, certo_offline_job_get_document (job), NULL, store_result, &result);
  certo_test_wait_async (&result);
  g_assert_true (certo_offline_remove_finish (f->offline, result, &error));
  g_assert_no_error (error);
  g_assert_true (wait_for_n_saved (window, 0));
  g_assert_null (certo_offline_lookup (window, certo_document_get_id (find_document (f, "cert"))));
  g_assert_cmpuint (certo_offline_get_total_size (window), ==, 0);
  g_assert_cmpuint (changes, ==, 1);
}

/* "Clear cache" frees only the cache folder */
static void
test_clear_cache (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(CertoOfflineJob) job = save_one (f, "cert");
  g_autofree char *offline = certo_test_dir_digest (certo_offline_get_folder (f->offline));
  g_autofree char *offline_after = NULL;
  g_autofree char *staging = g_build_filename (f->cache_dir, "downloads", "99", NULL);
  g_autofree char *part = g_build_filename (staging, ".certo-download-0123456789abcdef.part", NULL);
  g_autofree char *other = g_build_filename (f->cache_dir, "leftover", NULL);
  g_autofree char *db = certo_paths_dup_catalog_db (f->data_dir);
  g_autofree char *db_sum = certo_test_file_sha256 (db);
  g_autofree char *db_sum_after = NULL;
  g_autofree char *cache = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) thousand = certo_test_random_bytes (1000, 1);
  guint64 freed = 0;

  g_assert_cmpint (g_mkdir_with_parents (staging, 0700), ==, 0);
  g_assert_true (g_file_set_contents (part, g_bytes_get_data (thousand, NULL), 1000, NULL));
  g_assert_true (g_file_set_contents (other, "12345", 5, NULL));

  certo_offline_clear_cache_async (f->offline, NULL, store_result, &result);
  certo_test_wait_async (&result);
  g_assert_true (certo_offline_clear_cache_finish (f->offline, result, &freed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (freed, ==, 1005);

  cache = files_in (f->cache_dir);
  g_assert_cmpstr (cache, ==, "");
  g_assert_true (g_file_test (f->cache_dir, G_FILE_TEST_IS_DIR));
  offline_after = certo_test_dir_digest (certo_offline_get_folder (f->offline));
  g_assert_cmpstr (offline_after, ==, offline);
  db_sum_after = certo_test_file_sha256 (db);
  g_assert_cmpstr (db_sum_after, ==, db_sum);
}

/* "Save for offline" on a family: a queue, a few at a time */
static void
test_queue (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) jobs = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) family = g_list_store_new (CERTO_TYPE_DOCUMENT);
  GListModel *documents = certo_catalog_get_documents (f->catalog);
  GListModel *queue = certo_offline_get_queue (f->offline);
  g_autofree char *names = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
    {
      g_autoptr(CertoDocument) document = g_list_model_get_item (documents, i);

      if (g_strcmp0 (certo_document_get_family_name (document), "Slow") == 0)
        g_list_store_append (family, document);
    }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (family)), ==, N_SLOW);

  certo_offline_save_async (f->offline, G_LIST_MODEL (family), NULL, store_result, &result);
  g_assert_cmpuint (certo_offline_get_n_active (f->offline), ==, N_SLOW);
  g_assert_cmpuint (g_list_model_get_n_items (queue), ==, N_SLOW);
  certo_test_wait_async (&result);
  jobs = certo_offline_save_finish (f->offline, result, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (jobs->len, ==, N_SLOW);
  for (guint i = 0; i < jobs->len; i++)
    g_assert_cmpint (certo_offline_job_get_state (g_ptr_array_index (jobs, i)), ==, CERTO_OFFLINE_JOB_DONE);
  g_assert_cmpuint (f->max_in_flight, >, 1);
  g_assert_cmpuint (f->max_in_flight, <=, CERTO_OFFLINE_CONCURRENCY);
  g_assert_cmpuint (certo_offline_get_n_active (f->offline), ==, 0);
  g_assert_cmpfloat (certo_offline_get_fraction (f->offline), ==, 1.0);
  g_assert_cmpuint (certo_offline_get_total_size (f->offline), ==, N_SLOW * g_bytes_get_size (f->pdf));

  /* Each under the name its URL gives */
  names = files_in (certo_offline_get_folder (f->offline));
  g_test_message ("%s", names);
  g_assert_nonnull (strstr (names, "0.pdf\n"));
  g_assert_nonnull (strstr (names, "5.pdf\n"));

  certo_offline_clear_finished (f->offline);
  g_assert_cmpuint (g_list_model_get_n_items (queue), ==, 0);
}

static void
on_state (CertoOfflineJob *job,
          GParamSpec      *pspec,
          gpointer         user_data)
{
  if (certo_offline_job_get_state (job) == CERTO_OFFLINE_JOB_RUNNING)
    certo_offline_job_cancel (job);
}

static void
on_queue_cancel (GListModel *queue,
                 guint       position,
                 guint       removed,
                 guint       added,
                 gpointer    user_data)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(CertoOfflineJob) job = g_list_model_get_item (queue, i);

      g_signal_connect (job, "notify::state", G_CALLBACK (on_state), NULL);
    }
}

/* Cancelled: one running, the rest of the queue; nothing kept */
static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *offline = certo_test_dir_digest (certo_offline_get_folder (f->offline));
  g_autofree char *offline_after = NULL;
  g_autofree char *cache = NULL;
  g_autoptr(GPtrArray) jobs = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GListStore) many = g_list_store_new (CERTO_TYPE_DOCUMENT);
  g_autoptr(GError) error = NULL;
  gulong handler;

  handler = g_signal_connect (certo_offline_get_queue (f->offline), "items-changed",
                              G_CALLBACK (on_queue_cancel), NULL);
  f->hold = TRUE;
  jobs = save_keys (f, "slow0", NULL);
  g_signal_handler_disconnect (certo_offline_get_queue (f->offline), handler);
  g_assert_cmpint (certo_offline_job_get_state (g_ptr_array_index (jobs, 0)), ==, CERTO_OFFLINE_JOB_CANCELLED);

  for (guint i = 1; i < N_SLOW; i++)
    {
      g_autofree char *key = g_strdup_printf ("slow%u", i);
      g_list_store_append (many, find_document (f, key));
    }
  certo_offline_save_async (f->offline, G_LIST_MODEL (many), NULL, store_result, &result);
  certo_offline_cancel_all (f->offline);
  certo_test_wait_async (&result);
  all = certo_offline_save_finish (f->offline, result, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < all->len; i++)
    g_assert_cmpint (certo_offline_job_get_state (g_ptr_array_index (all, i)), ==, CERTO_OFFLINE_JOB_CANCELLED);

  f->hold = FALSE;
  while (f->in_flight > 0)
    g_main_context_iteration (NULL, TRUE);

  offline_after = certo_test_dir_digest (certo_offline_get_folder (f->offline));
  g_assert_cmpstr (offline_after, ==, offline);
  cache = files_in (f->cache_dir);
  g_assert_cmpstr (cache, ==, "");
  g_assert_cmpuint (g_list_model_get_n_items (certo_offline_get_documents (f->offline)), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  certo_test_server_prepare_environment ();
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/offline/save", test_save);
  ADD ("/offline/failures-keep-nothing", test_failures);
  ADD ("/offline/resume", test_resume);
  ADD ("/offline/server-names", test_server_names);
  ADD ("/offline/attach", test_attach);
  ADD ("/offline/remove", test_remove);
  ADD ("/offline/sweep", test_sweep);
  ADD ("/offline/clear-cache", test_clear_cache);
  ADD ("/offline/queue", test_queue);
  ADD ("/offline/cancel", test_cancel);
  ADD ("/offline/watch", test_watch);

#undef ADD

  return g_test_run ();
}
