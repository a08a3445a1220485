/* test-sync.c — sources kept up to date against a real HTTP server in
 * this process: first import, the diff of a changed feed, conditional
 * GET, redirects, every failure leaving rows and saved documents as they
 * were, joined syncs, browsing while a sync runs, articles with relative
 * links and includes, document checks, the upgrade of a version-1 catalog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "certo.h"
#include "certo-catalog-private.h"
#include "certo-store-private.h"
#include "certo-test-server.h"
#include "certo-test-util.h"

/* A feed of five documents and three services */
static const char feed_a[] =
  "{\"format\": \"certo-catalog\", \"version\": 1, \"id\": \"northwind\","
  " \"title\": {\"en\": \"Northwind\"}, \"publisher\": \"Northwind\", \"updated\": \"2024-01-01\","
  " \"standards\": [{\"id\": \"iso27001-2022\", \"name\": \"ISO/IEC 27001:2022\"}],"
  " \"families\": [{\"id\": \"cloud\", \"name\": \"Cloud\"}],"
  " \"services\": [{\"id\": \"storage\", \"name\": \"Storage\", \"families\": [\"cloud\"]},"
  "              {\"id\": \"mail\", \"name\": \"Mail\", \"families\": [\"cloud\"]},"
  "              {\"id\": \"docs\", \"name\": \"Docs\", \"families\": [\"cloud\"]}],"
  " \"documents\": ["
  "  {\"id\": \"cert\", \"kind\": \"certificate\", \"title\": \"Cloud certificate\", \"family\": \"cloud\","
  "   \"standards\": [\"iso27001-2022\"], \"services\": [\"storage\", \"mail\", \"docs\"], \"issuer\": \"BSI\","
  "   \"certificate_number\": \"IS 1\", \"issued\": \"2023-01-01\", \"expires\": \"2026-01-01\","
  "   \"url\": \"https://example.com/cert.pdf\"},"
  "  {\"id\": \"audit\", \"kind\": \"audit-report\", \"title\": \"Audit report\", \"family\": \"cloud\","
  "   \"issuer\": \"EY\", \"issued\": \"2023-02-01\", \"expires\": \"2024-02-01\", \"url\": \"https://example.com/audit.pdf\"},"
  "  {\"id\": \"soa\", \"kind\": \"soa\", \"title\": \"Statement of Applicability\", \"family\": \"cloud\","
  "   \"url\": \"https://example.com/soa.pdf\"},"
  "  {\"id\": \"old\", \"kind\": \"whitepaper\", \"title\": \"Old paper\", \"url\": \"https://example.com/old.pdf\"},"
  "  {\"id\": \"guide\", \"kind\": \"guide\", \"title\": \"Guide\", \"url\": \"https://example.com/guide.pdf\"}"
  " ]}";

/* The same feed a month later: the certificate renewed under another
 * number, the audit report by another issuer with new dates, the old paper
 * withdrawn, a new paper, Docs out of scope */
static const char feed_b[] =
  "{\"format\": \"certo-catalog\", \"version\": 1, \"id\": \"northwind\","
  " \"title\": {\"en\": \"Northwind\"}, \"publisher\": \"Northwind\", \"updated\": \"2024-02-01\","
  " \"standards\": [{\"id\": \"iso27001-2022\", \"name\": \"ISO/IEC 27001:2022\"}],"
  " \"families\": [{\"id\": \"cloud\", \"name\": \"Cloud\"}],"
  " \"services\": [{\"id\": \"storage\", \"name\": \"Storage\", \"families\": [\"cloud\"]},"
  "              {\"id\": \"mail\", \"name\": \"Mail\", \"families\": [\"cloud\"]}],"
  " \"documents\": ["
  "  {\"id\": \"cert\", \"kind\": \"certificate\", \"title\": \"Cloud certificate\", \"family\": \"cloud\","
  "   \"standards\": [\"iso27001-2022\"], \"services\": [\"storage\", \"mail\"], \"issuer\": \"BSI\","
  "   \"certificate_number\": \"IS 2\", \"issued\": \"2023-01-01\", \"expires\": \"2026-01-01\","
  "   \"url\": \"https://example.com/cert.pdf\"},"
  "  {\"id\": \"audit\", \"kind\": \"audit-report\", \"title\": \"Audit report\", \"family\": \"cloud\","
  "   \"issuer\": \"KPMG\", \"issued\": \"2024-02-01\", \"expires\": \"2025-02-01\", \"url\": \"https://example.com/audit.pdf\"},"
  "  {\"id\": \"soa\", \"kind\": \"soa\", \"title\": \"Statement of Applicability\", \"family\": \"cloud\","
  "   \"url\": \"https://example.com/soa.pdf\"},"
  "  {\"id\": \"new\", \"kind\": \"whitepaper\", \"title\": \"New paper\", \"url\": \"https://example.com/new.pdf\"},"
  "  {\"id\": \"guide\", \"kind\": \"guide\", \"title\": \"Guide\", \"url\": \"https://example.com/guide.pdf\"}"
  " ]}";

typedef enum
{
  MODE_OK,
  MODE_404,
  MODE_410,
  MODE_429,
  MODE_500,
  MODE_503,
  MODE_TRUNCATED,
  MODE_TOO_LARGE,
  MODE_TIMEOUT,
  MODE_WRONG_TYPE,
  MODE_LOGIN_PAGE,
  MODE_SLOW,
} Mode;

typedef struct
{
  CertoTestServer *server;
  GNetworkMonitor *monitor;
  GProxyResolver  *proxy;
  CertoClient     *client;
  char            *dir;
  char            *data_dir;
  char            *cache_dir;
  char            *db_path;
  CertoStore      *store;
  CertoCatalog    *catalog;
  CertoSync       *sync;
  CertoOffline    *offline;

  /* the "/flaky" resource */
  Mode             mode;
  GBytes          *flaky_body;
  guint            flaky_hits;
  GPtrArray       *paused;
  guint            n_started;
} Fixture;

/* Helpers: async calls made synchronous */

static const char login_page[] = "<!DOCTYPE html><html><form action=\"/login\">Sign in</form></html>";

static void
store_result (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static CertoSource *
find_source (Fixture *f,
             gint64   id)
{
  return certo_catalog_find_source (f->catalog, id);
}

static CertoSource *
add_source (Fixture          *f,
            const char       *location,
            CertoSourceFormat format)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  CertoSource *source;

  certo_sync_add_source_async (f->sync, location, NULL, format, NULL, store_result, &result);
  certo_test_wait_async (&result);
  source = certo_sync_add_source_finish (f->sync, result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (source);
  return source;
}

static void
remove_source (Fixture *f,
               gint64   source_id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  certo_catalog_remove_source_async (f->catalog, find_source (f, source_id), NULL, store_result, &result);
  certo_test_wait_async (&result);
  g_assert_true (certo_catalog_remove_source_finish (f->catalog, result, &error));
  g_assert_no_error (error);
}

static CertoSyncSummary *
refresh (Fixture  *f,
         gint64    source_id,
         GError  **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  certo_sync_refresh_async (f->sync, find_source (f, source_id), NULL, store_result, &result);
  certo_test_wait_async (&result);
  return certo_sync_refresh_finish (f->sync, result, error);
}

static CertoSyncSummary *
refresh_ok (Fixture *f,
            gint64   source_id)
{
  g_autoptr(GError) error = NULL;
  CertoSyncSummary *summary = refresh (f, source_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (summary);
  return summary;
}

static CertoSyncSummary *
check_documents (Fixture *f,
                 gint64   source_id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  CertoSyncSummary *summary;

  certo_sync_check_documents_async (f->sync, find_source (f, source_id), NULL, store_result, &result);
  certo_test_wait_async (&result);
  summary = certo_sync_check_documents_finish (f->sync, result, &error);
  g_assert_no_error (error);
  return summary;
}

static CertoDocument *
find_document (Fixture    *f,
               const char *key)
{
  GListModel *documents = certo_catalog_get_documents (f->catalog);

  for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
    {
      g_autoptr(CertoDocument) document = g_list_model_get_item (documents, i);

      if (g_str_equal (certo_document_get_key (document), key))
        return document;
    }

  return NULL;
}

static CertoChange *
find_change (Fixture         *f,
             CertoChangeKind  kind,
             const char      *key)
{
  GListModel *changes = certo_catalog_get_changes (f->catalog);

  for (guint i = 0; i < g_list_model_get_n_items (changes); i++)
    {
      g_autoptr(CertoChange) change = g_list_model_get_item (changes, i);

      if (certo_change_get_kind (change) == kind && g_str_equal (certo_change_get_key (change), key))
        return change;
    }

  return NULL;
}

static void
assert_field (CertoChange *change,
              const char  *field,
              const char  *old_value,
              const char  *new_value)
{
  guint n = 0;
  const CertoFieldChange *fields = certo_change_get_fields (change, &n);

  for (guint i = 0; i < n; i++)
    if (g_str_equal (fields[i].field, field))
      {
        g_assert_cmpstr (fields[i].old_value, ==, old_value);
        g_assert_cmpstr (fields[i].new_value, ==, new_value);
        return;
      }

  g_error ("field %s not in the change of %s", field, certo_change_get_key (change));
}

/* Every row of the catalog except the sources' status fields, in a
 * stable order, read through a connection of our own */
static char *
dump_rows (Fixture *f)
{
  static const char * const queries[] = {
    "SELECT id, key, kind, format, name, location, feed_id, publisher, title_json, homepage,"
    " content_date, content_hash, created, generation, requested_format FROM sources ORDER BY id",
    "SELECT * FROM standards ORDER BY id",
    "SELECT * FROM families ORDER BY id",
    "SELECT * FROM services ORDER BY id",
    "SELECT * FROM service_families ORDER BY 1, 2",
    "SELECT * FROM documents ORDER BY id",
    "SELECT * FROM document_standards ORDER BY 1, 2",
    "SELECT * FROM document_services ORDER BY 1, 2",
    "SELECT * FROM document_urls ORDER BY 1, 2",
    "SELECT * FROM environments ORDER BY id",
    "SELECT * FROM environment_service_names ORDER BY 1, 2",
    "SELECT * FROM sync_runs ORDER BY id",
    "SELECT * FROM changes ORDER BY id",
    "SELECT * FROM change_fields ORDER BY 1, 2",
    "SELECT * FROM document_probes ORDER BY 1",
    "SELECT * FROM offline_documents ORDER BY id",
    "SELECT * FROM source_texts ORDER BY 1, 2, 3",
  };
  GString *out = g_string_new (NULL);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (f->db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (db, queries[q], -1, &stmt, NULL), ==, SQLITE_OK);
      g_string_append_printf (out, "== %s\n", queries[q]);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            g_string_append_printf (out, "%s|", sqlite3_column_text (stmt, c) != NULL
                                                ? (const char *) sqlite3_column_text (stmt, c) : "∅");
          g_string_append_c (out, '\n');
        }
      sqlite3_finalize (stmt);
    }
  sqlite3_close (db);

  return g_string_free (out, FALSE);
}

/* The files in a folder and its subfolders (names only) */
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

/* The flaky resource: what it answers depends on the fixture's mode */

static void
on_cut_written (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GIOStream) io = user_data;

  g_output_stream_write_all_finish (G_OUTPUT_STREAM (source), result, NULL, NULL);
  g_io_stream_close (io, NULL, NULL);
}

static gboolean
unpause_later (gpointer user_data)
{
  SoupServerMessage *msg = user_data;

  soup_server_message_unpause (msg);
  return G_SOURCE_REMOVE;
}

static void
flaky_handler (SoupServer        *server,
               SoupServerMessage *msg,
               const char        *path,
               GHashTable        *query,
               gpointer           user_data)
{
  Fixture *f = user_data;
  SoupMessageHeaders *response = soup_server_message_get_response_headers (msg);
  gsize length = 0;
  const char *body = g_bytes_get_data (f->flaky_body, &length);

  f->flaky_hits++;

  switch (f->mode)
    {
    case MODE_OK:
    case MODE_SLOW:
      soup_message_headers_replace (response, "ETag", "\"flaky\"");
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, body, length);
      if (f->mode == MODE_SLOW)
        {
          soup_server_message_pause (msg);
          g_timeout_add (300, unpause_later, msg);
        }
      return;
    case MODE_404:
    case MODE_410:
    case MODE_500:
    case MODE_503:
      soup_server_message_set_status (msg, f->mode == MODE_404 ? 404 : f->mode == MODE_410 ? 410
                                           : f->mode == MODE_500 ? 500 : 503, NULL);
      if (f->mode == MODE_503)
        soup_message_headers_replace (response, "Retry-After", "60");
      soup_server_message_set_response (msg, "text/plain", SOUP_MEMORY_STATIC, "no", 2);
      return;
    case MODE_429:
      soup_server_message_set_status (msg, 429, NULL);
      soup_message_headers_replace (response, "Retry-After", "120");
      soup_server_message_set_response (msg, "text/plain", SOUP_MEMORY_STATIC, "slow down", 9);
      return;
    case MODE_TRUNCATED:
      {
        GIOStream *io = soup_server_message_steal_connection (msg);
        char *data = g_strdup_printf ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                                      "Content-Length: %" G_GSIZE_FORMAT "\r\nConnection: close\r\n\r\n%.*s",
                                      length, (int) (length / 2), body);

        g_object_set_data_full (G_OBJECT (io), "data", data, g_free);
        g_output_stream_write_all_async (g_io_stream_get_output_stream (io), data, strlen (data),
                                         G_PRIORITY_DEFAULT, NULL, on_cut_written, io);
        return;
      }
    case MODE_TOO_LARGE:
      {
        GString *big = g_string_new ("{\"format\": \"certo-catalog\", \"version\": 1, \"pad\": \"");

        while (big->len < 200 * 1024)
          g_string_append (big, "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx");
        g_string_append (big, "\"}");
        soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
        soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, big->str, big->len);
        g_string_free (big, TRUE);
        return;
      }
    case MODE_TIMEOUT:
      /* Accepted, never answered */
      soup_server_message_pause (msg);
      g_ptr_array_add (f->paused, g_object_ref (msg));
      return;
    case MODE_WRONG_TYPE:
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "image/png", SOUP_MEMORY_STATIC, "\x89PNG\r\n\x1a\n", 8);
      return;
    case MODE_LOGIN_PAGE:
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "text/html", SOUP_MEMORY_STATIC,
                                        login_page, strlen (login_page));
      return;
    default:
      g_assert_not_reached ();
    }
}

/* Fixture */

static void
load_catalog (Fixture *f)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  certo_catalog_load_async (f->catalog, NULL, store_result, &result);
  certo_test_wait_async (&result);
  certo_catalog_load_finish (f->catalog, result, &error);
  g_assert_no_error (error);
}

static void
load_offline (Fixture *f)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  certo_offline_load_async (f->offline, NULL, store_result, &result);
  certo_test_wait_async (&result);
  certo_offline_load_finish (f->offline, result, &error);
  g_assert_no_error (error);
}

static void
on_started (CertoSync *sync,
            gint64     source_id,
            gpointer   user_data)
{
  ((Fixture *) user_data)->n_started++;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->server = certo_test_server_new ();
  f->monitor = certo_test_network_monitor_new ();
  f->proxy = certo_test_no_proxy_resolver ();
  f->client = certo_client_new_full (f->proxy, NULL, f->monitor);
  f->dir = g_dir_make_tmp ("certo-test-sync-XXXXXX", &error);
  g_assert_no_error (error);
  f->data_dir = g_build_filename (f->dir, "data", NULL);
  f->cache_dir = g_build_filename (f->dir, "cache", NULL);
  f->db_path = certo_paths_dup_catalog_db (f->data_dir);

  f->store = certo_store_new (f->db_path);
  f->catalog = certo_catalog_new (f->store);
  certo_catalog_set_builtin_path (f->catalog, NULL);
  load_catalog (f);
  f->sync = certo_sync_new (f->catalog, f->client);
  g_signal_connect (f->sync, "source-started", G_CALLBACK (on_started), f);
  f->offline = certo_offline_new (f->catalog, f->client, f->data_dir, f->cache_dir);
  load_offline (f);

  f->flaky_body = g_bytes_new_static (feed_a, strlen (feed_a));
  f->paused = g_ptr_array_new_with_free_func (g_object_unref);
  certo_test_server_add_handler (f->server, "/flaky", flaky_handler, f, NULL);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", f->dir);

  for (guint i = 0; i < f->paused->len; i++)
    soup_server_message_unpause (g_ptr_array_index (f->paused, i));
  g_assert_finalize_object (f->offline);
  g_assert_finalize_object (f->sync);
  g_assert_finalize_object (f->catalog);
  certo_store_close (f->store);
  g_assert_finalize_object (f->store);
  g_clear_pointer (&f->paused, g_ptr_array_unref);
  certo_test_server_free (f->server);
  g_assert_finalize_object (f->client);
  g_clear_object (&f->monitor);
  g_clear_object (&f->proxy);
  g_clear_pointer (&f->flaky_body, g_bytes_unref);
  g_assert_cmpint (system (cmd), ==, 0);
  g_free (f->dir);
  g_free (f->data_dir);
  g_free (f->cache_dir);
  g_free (f->db_path);
}

/* A feed served at /feed.json, as a CertoTestDocument (ETag,
 * Last-Modified, conditional GET) */
static CertoTestDocument *
serve_feed (Fixture    *f,
            const char *path,
            const char *json)
{
  g_autoptr(GBytes) body = g_bytes_new (json, strlen (json));

  return certo_test_server_add_document (f->server, path, "application/json", body);
}

static gint64
add_and_sync_feed (Fixture            *f,
                   CertoTestDocument **out_doc)
{
  g_autofree char *url = certo_test_server_url (f->server, "/feed.json");
  CertoTestDocument *doc = serve_feed (f, "/feed.json", feed_a);
  g_autoptr(CertoSource) source = add_source (f, url, CERTO_SOURCE_FORMAT_AUTO);
  g_autoptr(CertoSyncSummary) summary = refresh_ok (f, certo_source_get_id (source));

  if (out_doc != NULL)
    *out_doc = doc;
  return certo_source_get_id (source);
}

/* Tests */

static void
test_first_sync (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *url = certo_test_server_url (f->server, "/feed.json");
  g_autoptr(CertoSource) added = NULL;
  g_autoptr(CertoSyncSummary) summary = NULL;
  g_autofree char *line = NULL;
  GListModel *changes;
  g_autoptr(CertoChange) first = NULL;
  CertoSource *source;

  serve_feed (f, "/feed.json", feed_a);
  added = add_source (f, url, CERTO_SOURCE_FORMAT_AUTO);
  g_assert_cmpint (certo_source_get_kind (added), ==, CERTO_SOURCE_KIND_URL);
  g_assert_null (certo_source_get_last_refresh (added));

  summary = refresh_ok (f, certo_source_get_id (added));
  g_assert_cmpint (summary->outcome, ==, CERTO_SYNC_OUTCOME_FIRST_IMPORT);
  g_assert_cmpuint (summary->n_added, ==, 5);
  g_assert_cmpuint (summary->n_documents, ==, 5);
  g_assert_false (certo_sync_summary_has_news (summary));
  line = certo_sync_summary_describe (summary);
  g_assert_cmpstr (line, ==, "5 documents added");
  g_assert_cmpstr (summary->source_name, ==, "Northwind");

  /* Summarised, not listed: one entry, no "Updated" badge */
  changes = certo_catalog_get_changes (f->catalog);
  g_assert_cmpuint (g_list_model_get_n_items (changes), ==, 1);
  first = g_list_model_get_item (changes, 0);
  g_assert_cmpint (certo_change_get_kind (first), ==, CERTO_CHANGE_FIRST_IMPORT);
  g_assert_cmpuint (certo_change_get_count (first), ==, 5);
  g_assert_false (certo_document_is_updated (find_document (f, "cert")));

  source = find_source (f, certo_source_get_id (added));
  g_assert_cmpstr (certo_source_get_name (source), ==, "Northwind");
  g_assert_cmpint (certo_source_get_format (source), ==, CERTO_SOURCE_FORMAT_CATALOG);
  g_assert_nonnull (certo_source_get_etag (source));
  g_assert_nonnull (certo_source_get_last_refresh (source));
  g_assert_null (certo_source_get_last_error (source));
  g_assert_cmpuint (certo_source_get_n_documents (source), ==, 5);
}

static void
test_diff (Fixture       *f,
           gconstpointer  data)
{
  CertoTestDocument *doc = NULL;
  gint64 id = add_and_sync_feed (f, &doc);
  g_autoptr(GBytes) changed = g_bytes_new_static (feed_b, strlen (feed_b));
  g_autoptr(CertoSyncSummary) summary = NULL;
  g_autofree char *line = NULL;
  CertoChange *change;
  gint64 cert_id = certo_document_get_id (find_document (f, "cert"));

  certo_test_document_set_body (doc, changed);
  summary = refresh_ok (f, id);

  g_assert_cmpint (summary->outcome, ==, CERTO_SYNC_OUTCOME_CHANGED);
  g_assert_cmpuint (summary->n_added, ==, 1);
  g_assert_cmpuint (summary->n_changed, ==, 2);
  g_assert_cmpuint (summary->n_withdrawn, ==, 1);
  g_assert_cmpuint (summary->n_services_added, ==, 0);
  g_assert_cmpuint (summary->n_services_removed, ==, 1);
  g_assert_true (certo_sync_summary_has_news (summary));
  line = certo_sync_summary_describe (summary);
  g_assert_cmpstr (line, ==, "1 document added, 2 documents changed, 1 document withdrawn, 1 service left the scope");

  /* Exactly these five changes, and the first import */
  g_assert_cmpuint (g_list_model_get_n_items (certo_catalog_get_changes (f->catalog)), ==, 6);

  change = find_change (f, CERTO_CHANGE_DOCUMENT_CHANGED, "cert");
  g_assert_nonnull (change);
  {
    guint n = 0;
    certo_change_get_fields (change, &n);
    g_assert_cmpuint (n, ==, 1);
  }
  assert_field (change, "certificate_number", "IS 1", "IS 2");
  g_assert_cmpint (certo_change_get_document_id (change), ==, cert_id);

  change = find_change (f, CERTO_CHANGE_DOCUMENT_CHANGED, "audit");
  g_assert_nonnull (change);
  {
    guint n = 0;
    certo_change_get_fields (change, &n);
    g_assert_cmpuint (n, ==, 3);
  }
  assert_field (change, "issuer", "EY", "KPMG");
  assert_field (change, "issued", "2023-02-01", "2024-02-01");
  assert_field (change, "expires", "2024-02-01", "2025-02-01");

  g_assert_nonnull (find_change (f, CERTO_CHANGE_DOCUMENT_ADDED, "new"));
  change = find_change (f, CERTO_CHANGE_DOCUMENT_WITHDRAWN, "old");
  g_assert_nonnull (change);
  g_assert_cmpstr (certo_change_get_title (change), ==, "Old paper");
  g_assert_cmpint (certo_change_get_document_id (change), ==, 0);
  change = find_change (f, CERTO_CHANGE_SERVICE_REMOVED, "docs");
  g_assert_nonnull (change);
  g_assert_cmpstr (certo_change_get_title (change), ==, "Docs");
  g_assert_null (find_change (f, CERTO_CHANGE_DOCUMENT_CHANGED, "soa"));
  g_assert_null (find_change (f, CERTO_CHANGE_DOCUMENT_CHANGED, "guide"));

  /* Ids kept; "Updated" on the changed ones only; the withdrawn one gone
   * (nobody saved it) */
  g_assert_cmpint (certo_document_get_id (find_document (f, "cert")), ==, cert_id);
  g_assert_true (certo_document_is_updated (find_document (f, "cert")));
  g_assert_true (certo_document_is_updated (find_document (f, "audit")));
  g_assert_false (certo_document_is_updated (find_document (f, "soa")));
  g_assert_false (certo_document_is_updated (find_document (f, "new")));
  g_assert_null (find_document (f, "old"));
  g_assert_cmpuint (g_list_model_get_n_items (certo_catalog_get_services (f->catalog)), ==, 2);

  /* The same feed again: nothing new */
  g_clear_pointer (&summary, certo_sync_summary_free);
  summary = refresh_ok (f, id);
  g_assert_cmpint (summary->outcome, ==, CERTO_SYNC_OUTCOME_NOT_MODIFIED);
  g_assert_cmpuint (g_list_model_get_n_items (certo_catalog_get_changes (f->catalog)), ==, 6);
}

/* A withdrawn document stays while a copy of it is saved, and leaves with
 * its copy */
static void
test_withdrawn_kept_offline (Fixture       *f,
                             gconstpointer  data)
{
  CertoTestDocument *doc = NULL;
  gint64 id = add_and_sync_feed (f, &doc);
  g_autoptr(GBytes) changed = g_bytes_new_static (feed_b, strlen (feed_b));
  g_autofree char *copy = g_build_filename (f->dir, "old paper.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (copy);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) removed = NULL;
  g_autoptr(CertoOfflineDocument) saved = NULL;
  g_autoptr(CertoSyncSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  CertoDocument *old;
  CertoChange *change;
  gint64 old_id;

  g_assert_true (g_file_set_contents (copy, "%PDF-1.4 old paper", -1, NULL));
  old = find_document (f, "old");
  old_id = certo_document_get_id (old);
  certo_offline_attach_async (f->offline, old, file, NULL, store_result, &result);
  certo_test_wait_async (&result);
  saved = certo_offline_attach_finish (f->offline, result, &error);
  g_assert_no_error (error);

  certo_test_document_set_body (doc, changed);
  summary = refresh_ok (f, id);
  g_assert_cmpuint (summary->n_withdrawn, ==, 1);
  g_assert_cmpuint (summary->n_documents, ==, 5);

  old = find_document (f, "old");
  g_assert_nonnull (old);
  g_assert_cmpint (certo_document_get_id (old), ==, old_id);
  g_assert_true (certo_document_get_withdrawn (old));
  g_assert_nonnull (certo_document_get_withdrawn_at (old));
  g_assert_cmpstr (certo_document_get_url (old), ==, "https://example.com/old.pdf");
  g_assert_cmpuint (certo_source_get_n_withdrawn (find_source (f, id)), ==, 1);
  g_assert_cmpuint (certo_source_get_n_documents (find_source (f, id)), ==, 5);
  change = find_change (f, CERTO_CHANGE_DOCUMENT_WITHDRAWN, "old");
  g_assert_cmpint (certo_change_get_document_id (change), ==, old_id);

  /* Synced again with the document still gone: not reported twice */
  certo_test_document_set_etag (doc, "\"other\"");
  g_clear_pointer (&summary, certo_sync_summary_free);
  summary = refresh_ok (f, id);
  g_assert_cmpint (summary->outcome, ==, CERTO_SYNC_OUTCOME_UNCHANGED);
  g_assert_true (certo_document_get_withdrawn (find_document (f, "old")));

  /* Its copy deleted: it leaves */
  certo_offline_remove_async (f->offline, saved, NULL, store_result, &removed);
  certo_test_wait_async (&removed);
  g_assert_true (certo_offline_remove_finish (f->offline, removed, &error));
  g_assert_no_error (error);
  g_assert_null (find_document (f, "old"));
}

static guint
service_n_documents (Fixture    *f,
                     const char *name)
{
  GListModel *services = certo_catalog_get_services (f->catalog);

  for (guint i = 0; i < g_list_model_get_n_items (services); i++)
    {
      g_autoptr(CertoService) service = g_list_model_get_item (services, i);

      if (g_strcmp0 (certo_service_get_name (service), name) == 0)
        return certo_service_get_n_documents (service);
    }

  g_error ("no service named %s", name);
  return 0;
}

/* QA: a service (still in scope: its provider lists it) whose only
 * document was withdrawn said "1 document" while the copy was kept, the
 * withdrawn copy counted as if current; it has no current document */
static void
test_withdrawn_service_count (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *url = certo_test_server_url (f->server, "/feed.json");
  g_autoptr(GString) before = g_string_new (feed_a);
  g_autoptr(GString) after = g_string_new (feed_b);
  g_autofree char *copy = g_build_filename (f->dir, "old paper.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (copy);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(CertoOfflineDocument) saved = NULL;
  g_autoptr(CertoSyncSummary) first = NULL;
  g_autoptr(CertoSyncSummary) summary = NULL;
  g_autoptr(CertoSource) source = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  CertoTestDocument *doc;

  /* Docs: covered by the old paper only, and still in scope afterwards */
  g_string_replace (before, "[\"storage\", \"mail\", \"docs\"]", "[\"storage\", \"mail\"]", 0);
  g_string_replace (before, "\"title\": \"Old paper\",", "\"title\": \"Old paper\", \"services\": [\"docs\"],", 0);
  g_string_replace (after, "{\"id\": \"mail\", \"name\": \"Mail\", \"families\": [\"cloud\"]}]",
                    "{\"id\": \"mail\", \"name\": \"Mail\", \"families\": [\"cloud\"]},"
                    " {\"id\": \"docs\", \"name\": \"Docs\", \"families\": [\"cloud\"]}]", 0);
  doc = serve_feed (f, "/feed.json", before->str);
  source = add_source (f, url, CERTO_SOURCE_FORMAT_AUTO);
  first = refresh_ok (f, certo_source_get_id (source));
  g_assert_cmpuint (service_n_documents (f, "Docs"), ==, 1);

  g_assert_true (g_file_set_contents (copy, "%PDF-1.4 old paper", -1, NULL));
  certo_offline_attach_async (f->offline, find_document (f, "old"), file, NULL, store_result, &result);
  certo_test_wait_async (&result);
  saved = certo_offline_attach_finish (f->offline, result, &error);
  g_assert_no_error (error);

  body = g_bytes_new (after->str, after->len);
  certo_test_document_set_body (doc, body);
  summary = refresh_ok (f, certo_source_get_id (source));
  g_assert_cmpuint (summary->n_withdrawn, ==, 1);
  g_assert_cmpuint (summary->n_services_removed, ==, 0);
  g_assert_true (certo_document_get_withdrawn (find_document (f, "old")));
  g_assert_cmpuint (service_n_documents (f, "Docs"), ==, 0);
  g_assert_cmpuint (service_n_documents (f, "Mail"), ==, 1);
}

static void
test_not_modified (Fixture       *f,
                   gconstpointer  data)
{
  CertoTestDocument *doc = NULL;
  gint64 id = add_and_sync_feed (f, &doc);
  g_autofree char *rows = dump_rows (f);
  g_autofree char *refreshed = g_strdup (certo_source_get_last_refresh (find_source (f, id)));
  g_autofree char *checked = g_strdup (certo_source_get_last_checked (find_source (f, id)));
  g_autofree char *after = NULL;
  g_autoptr(CertoSyncSummary) summary = NULL;
  CertoSource *source;

  g_usleep (2000);
  summary = refresh_ok (f, id);
  g_assert_cmpint (summary->outcome, ==, CERTO_SYNC_OUTCOME_NOT_MODIFIED);
  g_assert_cmpstr (certo_test_document_get_request_header (doc, "If-None-Match"), ==,
                   certo_test_document_get_etag (doc));

  after = dump_rows (f);
  g_assert_cmpstr (after, ==, rows);
  source = find_source (f, id);
  g_assert_cmpstr (certo_source_get_last_refresh (source), ==, refreshed);
  g_assert_cmpstr (certo_source_get_last_checked (source), >, checked);

  /* Last-Modified alone works the same (RFC 9110 §13.1.3) */
  certo_test_document_set_etag (doc, NULL);
  g_clear_pointer (&summary, certo_sync_summary_free);
  summary = refresh_ok (f, id);   /* 200: the stored ETag no longer matches */
  g_assert_cmpint (summary->outcome, ==, CERTO_SYNC_OUTCOME_UNCHANGED);
  g_clear_pointer (&summary, certo_sync_summary_free);
  g_clear_pointer (&after, g_free);
  summary = refresh_ok (f, id);
  g_assert_cmpint (summary->outcome, ==, CERTO_SYNC_OUTCOME_NOT_MODIFIED);
  g_assert_cmpstr (certo_test_document_get_request_header (doc, "If-Modified-Since"), ==,
                   certo_test_document_get_last_modified (doc));
  g_assert_null (certo_test_document_get_request_header (doc, "If-None-Match"));
  after = dump_rows (f);
  g_assert_cmpstr (after, ==, rows);
}

static void
test_redirects (Fixture       *f,
                gconstpointer  data)
{
  static const struct {
    guint status;
    gboolean moves;
  } cases[] = {
    { 301, TRUE }, { 308, TRUE }, { 302, FALSE }, { 307, FALSE }, { 303, FALSE },
  };
  g_autofree char *target = certo_test_server_url (f->server, "/feed.json");

  serve_feed (f, "/feed.json", feed_a);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/moved-%u", cases[i].status);
      g_autofree char *url = certo_test_server_url (f->server, path);
      g_autoptr(CertoSource) source = NULL;
      g_autoptr(CertoSyncSummary) summary = NULL;
      CertoSource *now;

      certo_test_server_add_redirect (f->server, path, cases[i].status, "/feed.json");
      source = add_source (f, url, CERTO_SOURCE_FORMAT_AUTO);
      summary = refresh_ok (f, certo_source_get_id (source));
      now = find_source (f, certo_source_get_id (source));

      g_test_message ("%u: %s", cases[i].status, certo_source_get_location (now));
      /* The key (and so the ids) never change; only the address fetched */
      g_assert_cmpstr (certo_source_get_key (now), ==, url);
      if (cases[i].moves)
        {
          g_assert_cmpstr (certo_source_get_location (now), ==, target);
          g_assert_cmpstr (summary->permanent_url, ==, target);
        }
      else
        {
          g_assert_cmpstr (certo_source_get_location (now), ==, url);
          g_assert_null (summary->permanent_url);
        }

      /* The next address serves the same feed: one source at a time
       * may have it */
      remove_source (f, certo_source_get_id (source));
    }
}

/* Every failure leaves the rows and the offline folder exactly as they
 * were: only the source's status changes, and no temporary file stays */
static void
test_failures (Fixture       *f,
               gconstpointer  data)
{
  static const struct {
    Mode mode;
    GQuark (*domain) (void);
    int code;
    const char *words;
  } cases[] = {
    { MODE_404, certo_client_error_quark, CERTO_CLIENT_ERROR_HTTP_NOT_FOUND, NULL },
    { MODE_410, certo_client_error_quark, CERTO_CLIENT_ERROR_HTTP_NOT_FOUND, NULL },
    { MODE_429, certo_client_error_quark, CERTO_CLIENT_ERROR_HTTP_RATE_LIMITED, NULL },
    { MODE_500, certo_client_error_quark, CERTO_CLIENT_ERROR_HTTP_SERVER, NULL },
    { MODE_503, certo_client_error_quark, CERTO_CLIENT_ERROR_HTTP_SERVER, NULL },
    { MODE_TRUNCATED, certo_client_error_quark, CERTO_CLIENT_ERROR_TRUNCATED, NULL },
    { MODE_TOO_LARGE, certo_client_error_quark, CERTO_CLIENT_ERROR_TOO_LARGE, NULL },
    { MODE_TIMEOUT, certo_client_error_quark, CERTO_CLIENT_ERROR_TIMEOUT, NULL },
    { MODE_WRONG_TYPE, certo_client_error_quark, CERTO_CLIENT_ERROR_UNEXPECTED_TYPE, "image/png" },
    { MODE_LOGIN_PAGE, certo_client_error_quark, CERTO_CLIENT_ERROR_SIGN_IN_REQUIRED, "sign-in" },
  };
  g_autofree char *url = certo_test_server_url (f->server, "/flaky");
  g_autofree char *offline_folder = NULL;
  g_autofree char *copy = g_build_filename (f->dir, "certificate.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (copy);
  g_autoptr(CertoSource) added = NULL;
  g_autoptr(CertoSyncSummary) first = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(CertoOfflineDocument) saved = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  certo_client_set_max_body_size (f->client, 64 * 1024);
  certo_client_set_connect_timeout (f->client, 1);
  certo_client_set_idle_timeout (f->client, 1);

  added = add_source (f, url, CERTO_SOURCE_FORMAT_AUTO);
  id = certo_source_get_id (added);
  first = refresh_ok (f, id);
  g_assert_cmpint (first->outcome, ==, CERTO_SYNC_OUTCOME_FIRST_IMPORT);

  /* A saved document, so the offline folder has something to keep */
  g_assert_true (g_file_set_contents (copy, "%PDF-1.4 certificate", -1, NULL));
  certo_offline_attach_async (f->offline, find_document (f, "cert"), file, NULL, store_result, &result);
  certo_test_wait_async (&result);
  saved = certo_offline_attach_finish (f->offline, result, &error);
  g_assert_no_error (error);
  offline_folder = g_strdup (certo_offline_get_folder (f->offline));

  /* A feed that would change everything, were it read */
  g_clear_pointer (&f->flaky_body, g_bytes_unref);
  f->flaky_body = g_bytes_new_static (feed_b, strlen (feed_b));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *rows = dump_rows (f);
      g_autofree char *offline = certo_test_dir_digest (offline_folder);
      g_autofree char *files = files_in (f->dir);
      g_autofree char *rows_after = NULL;
      g_autofree char *offline_after = NULL;
      g_autofree char *files_after = NULL;
      g_autoptr(CertoSyncSummary) summary = NULL;
      g_autoptr(GError) sync_error = NULL;
      CertoSource *source;

      f->mode = cases[i].mode;
      summary = refresh (f, id, &sync_error);
      g_test_message ("mode %d: %s", cases[i].mode, sync_error != NULL ? sync_error->message : "(none)");
      g_assert_null (summary);
      g_assert_error (sync_error, cases[i].domain (), cases[i].code);
      if (cases[i].words != NULL)
        g_assert_nonnull (strstr (sync_error->message, cases[i].words));
      /* One line, naming the host */
      g_assert_null (strchr (sync_error->message, '\n'));
      g_assert_nonnull (strstr (sync_error->message, "127.0.0.1"));

      rows_after = dump_rows (f);
      offline_after = certo_test_dir_digest (offline_folder);
      files_after = files_in (f->dir);
      g_assert_cmpstr (rows_after, ==, rows);
      g_assert_cmpstr (offline_after, ==, offline);
      g_assert_cmpstr (files_after, ==, files);

      source = find_source (f, id);
      g_assert_cmpstr (certo_source_get_last_error (source), ==, sync_error->message);
      if (cases[i].mode == MODE_429 || cases[i].mode == MODE_503)
        g_assert_nonnull (certo_source_get_retry_after (source));
    }

  /* Back to normal: the change goes through, the error is cleared */
  f->mode = MODE_OK;
  {
    g_autoptr(CertoSyncSummary) summary = refresh_ok (f, id);

    g_assert_cmpint (summary->outcome, ==, CERTO_SYNC_OUTCOME_CHANGED);
    g_assert_null (certo_source_get_last_error (find_source (f, id)));
    g_assert_null (certo_source_get_retry_after (find_source (f, id)));
  }
}

/* Offline is a normal state: nothing is recorded (this computer stays
 * reachable, so the source is elsewhere) */
static void
test_offline_state (Fixture       *f,
                    gconstpointer  data)
{
  gint64 synced = add_and_sync_feed (f, NULL);
  g_autoptr(CertoSource) remote = add_source (f, "https://certo.example/feed.json", CERTO_SOURCE_FORMAT_AUTO);
  g_autofree char *rows = dump_rows (f);
  g_autofree char *after = NULL;
  g_autoptr(CertoSyncSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  CertoSource *source;

  certo_test_network_monitor_set_available (f->monitor, FALSE);
  summary = refresh (f, certo_source_get_id (remote), &error);
  g_assert_error (error, CERTO_CLIENT_ERROR, CERTO_CLIENT_ERROR_OFFLINE);
  g_assert_nonnull (strstr (error->message, "certo.example"));
  after = dump_rows (f);
  g_assert_cmpstr (after, ==, rows);
  source = find_source (f, certo_source_get_id (remote));
  g_assert_null (certo_source_get_last_checked (source));
  g_assert_null (certo_source_get_last_error (source));
  g_assert_nonnull (find_source (f, synced));
}

typedef struct
{
  GAsyncResult *results[3];
} Joined;

static void
store_joined (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  *slot = g_object_ref (result);
}

static void
test_joined (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *url = certo_test_server_url (f->server, "/flaky");
  g_autoptr(CertoSource) source = NULL;
  g_autoptr(GCancellable) cancelled = g_cancellable_new ();
  Joined joined = { { NULL } };
  g_autoptr(CertoSyncSummary) a = NULL;
  g_autoptr(CertoSyncSummary) b = NULL;
  g_autoptr(CertoSyncSummary) c = NULL;
  g_autoptr(GError) error = NULL;

  source = add_source (f, url, CERTO_SOURCE_FORMAT_AUTO);
  f->mode = MODE_SLOW;

  certo_sync_refresh_async (f->sync, source, NULL, store_joined, &joined.results[0]);
  g_assert_true (certo_sync_is_running (f->sync, certo_source_get_id (source)));
  g_assert_true (certo_sync_get_busy (f->sync));
  certo_sync_refresh_async (f->sync, source, NULL, store_joined, &joined.results[1]);
  /* A caller that gives up does not stop the others */
  certo_sync_refresh_async (f->sync, source, cancelled, store_joined, &joined.results[2]);
  g_cancellable_cancel (cancelled);

  for (guint i = 0; i < 3; i++)
    certo_test_wait_async (&joined.results[i]);

  a = certo_sync_refresh_finish (f->sync, joined.results[0], &error);
  g_assert_no_error (error);
  b = certo_sync_refresh_finish (f->sync, joined.results[1], &error);
  g_assert_no_error (error);
  c = certo_sync_refresh_finish (f->sync, joined.results[2], &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (c);

  g_assert_cmpuint (f->flaky_hits, ==, 1);
  g_assert_cmpuint (f->n_started, ==, 1);
  g_assert_cmpint (a->outcome, ==, CERTO_SYNC_OUTCOME_FIRST_IMPORT);
  g_assert_cmpint (b->outcome, ==, CERTO_SYNC_OUTCOME_FIRST_IMPORT);
  g_assert_cmpuint (a->n_added, ==, b->n_added);
  g_assert_false (certo_sync_get_busy (f->sync));

  for (guint i = 0; i < 3; i++)
    g_object_unref (joined.results[i]);
}

/* A big feed: searching and browsing while it syncs see one consistent
 * catalog, and removing the source meanwhile wins */
static void
test_browse_while_syncing (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *url = certo_test_server_url (f->server, "/flaky");
  g_autoptr(GString) big = g_string_new ("{\"format\": \"certo-catalog\", \"version\": 1, \"id\": \"big\","
                                         " \"documents\": [");
  g_autoptr(CertoSource) source = NULL;
  g_autoptr(GAsyncResult) synced = NULL;
  g_autoptr(GAsyncResult) removed = NULL;
  g_autoptr(CertoSyncSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;
  guint searches = 0;

  for (guint i = 0; i < 3000; i++)
    g_string_append_printf (big, "%s{\"id\": \"d%u\", \"kind\": \"guide\", \"title\": \"Guide number %u\","
                            " \"url\": \"https://example.com/%u.pdf\"}", i > 0 ? "," : "", i, i, i);
  g_string_append (big, "]}");
  g_clear_pointer (&f->flaky_body, g_bytes_unref);
  f->flaky_body = g_bytes_new (big->str, big->len);

  /* A first sync to have rows to browse */
  source = add_source (f, url, CERTO_SOURCE_FORMAT_AUTO);
  id = certo_source_get_id (source);
  summary = refresh_ok (f, id);
  g_assert_cmpuint (summary->n_documents, ==, 3000);

  /* The second one waits at the server while the source is removed */
  g_string_replace (big, "Guide number", "Guide nr.", 0);
  g_clear_pointer (&f->flaky_body, g_bytes_unref);
  f->flaky_body = g_bytes_new (big->str, big->len);
  f->mode = MODE_SLOW;
  certo_sync_refresh_async (f->sync, find_source (f, id), NULL, store_result, &synced);

  while (searches < 20)
    {
      g_autoptr(GListModel) found = certo_catalog_search_documents (f->catalog, "guide 12");

      g_assert_cmpuint (g_list_model_get_n_items (found), >, 0);
      g_main_context_iteration (NULL, FALSE);
      searches++;
    }
  certo_catalog_remove_source_async (f->catalog, find_source (f, id), NULL, store_result, &removed);
  certo_test_wait_async (&removed);
  g_assert_true (certo_catalog_remove_source_finish (f->catalog, removed, &error));
  g_assert_no_error (error);

  certo_test_wait_async (&synced);
  g_clear_pointer (&summary, certo_sync_summary_free);
  summary = certo_sync_refresh_finish (f->sync, synced, &error);
  g_assert_null (summary);
  g_assert_error (error, CERTO_STORE_ERROR, CERTO_STORE_ERROR_NOT_FOUND);

  /* The source stays removed: the sync did not bring it back */
  g_assert_null (find_source (f, id));
  g_assert_cmpuint (g_list_model_get_n_items (certo_catalog_get_documents (f->catalog)), ==, 0);
}


/* A sync passes through the same import, so the same shrink guard: a
 * feed that suddenly lists one document of five is refused, the rows
 * stay, the source says why; accepting it imports it */
static void
test_shrink_guard (Fixture       *f,
                   gconstpointer  data)
{
  static const char cut_feed[] =
    "{\"format\": \"certo-catalog\", \"version\": 1, \"id\": \"northwind\","
    " \"title\": {\"en\": \"Northwind\"}, \"publisher\": \"Northwind\","
    " \"documents\": [{\"id\": \"new\", \"kind\": \"guide\", \"title\": \"New\", \"url\": \"https://example.com/new.pdf\"}]}";
  CertoTestDocument *doc = NULL;
  gint64 id = add_and_sync_feed (f, &doc);
  g_autoptr(GBytes) cut = g_bytes_new_static (cut_feed, strlen (cut_feed));
  g_autoptr(CertoSyncSummary) refused = NULL;
  g_autoptr(CertoSyncSummary) accepted = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  const char *last_error;

  certo_test_document_set_body (doc, cut);
  refused = refresh (f, id, &error);
  g_assert_null (refused);
  g_assert_error (error, CERTO_STORE_ERROR, CERTO_STORE_ERROR_WOULD_WITHDRAW);
  g_assert_nonnull (strstr (error->message, "would withdraw 5 of the 5 documents of “Northwind”"));
  g_clear_error (&error);
  g_assert_cmpuint (certo_source_get_n_documents (find_source (f, id)), ==, 5);
  g_assert_nonnull (find_document (f, "cert"));
  last_error = certo_source_get_last_error (find_source (f, id));
  g_assert_nonnull (last_error);
  g_assert_nonnull (strstr (last_error, "would withdraw"));

  certo_sync_refresh_full_async (f->sync, find_source (f, id), CERTO_IMPORT_ACCEPT_REMOVALS,
                                 NULL, store_result, &result);
  certo_test_wait_async (&result);
  accepted = certo_sync_refresh_finish (f->sync, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (accepted->n_withdrawn, ==, 5);
  g_assert_cmpuint (certo_source_get_n_documents (find_source (f, id)), ==, 1);
  g_assert_null (certo_source_get_last_error (find_source (f, id)));
}

static void
test_refresh_stale (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *url = certo_test_server_url (f->server, "/flaky");
  gint64 synced = add_and_sync_feed (f, NULL);
  g_autoptr(CertoSource) never = add_source (f, url, CERTO_SOURCE_FORMAT_AUTO);
  g_autoptr(GString) other = g_string_new (feed_a);

  /* Another feed: the same one at two addresses would be one source */
  g_string_replace (other, "\"id\": \"northwind\"", "\"id\": \"southwind\"", 1);
  g_bytes_unref (f->flaky_body);
  f->flaky_body = g_bytes_new (other->str, other->len);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) all = NULL;
  g_autoptr(GPtrArray) summaries = NULL;
  g_autoptr(GError) error = NULL;
  guint n_failed = 99;

  /* A day: only the source never synced */
  certo_sync_refresh_stale_async (f->sync, CERTO_SYNC_DEFAULT_INTERVAL, NULL, store_result, &result);
  certo_test_wait_async (&result);
  summaries = certo_sync_refresh_stale_finish (f->sync, result, &n_failed, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_failed, ==, 0);
  g_assert_cmpuint (summaries->len, ==, 1);
  g_assert_cmpint (((CertoSyncSummary *) g_ptr_array_index (summaries, 0))->source_id, ==,
                   certo_source_get_id (never));
  g_assert_cmpuint (f->flaky_hits, ==, 1);

  /* On demand: every one */
  g_clear_pointer (&summaries, g_ptr_array_unref);
  certo_sync_refresh_stale_async (f->sync, 0, NULL, store_result, &all);
  certo_test_wait_async (&all);
  summaries = certo_sync_refresh_stale_finish (f->sync, all, &n_failed, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summaries->len, ==, 2);
  g_assert_cmpuint (f->flaky_hits, ==, 2);
  g_assert_nonnull (find_source (f, synced));
}

static void
test_file_source (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "feed.json", NULL);
  g_autofree char *uri = NULL;
  g_autoptr(CertoSource) source = NULL;
  g_autoptr(CertoSyncSummary) first = NULL;
  g_autoptr(CertoSyncSummary) same = NULL;
  g_autoptr(CertoSyncSummary) changed = NULL;
  g_autoptr(CertoSyncSummary) missing = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_assert_true (g_file_set_contents (path, feed_a, -1, NULL));
  source = add_source (f, path, CERTO_SOURCE_FORMAT_CATALOG);
  id = certo_source_get_id (source);
  g_assert_cmpint (certo_source_get_kind (source), ==, CERTO_SOURCE_KIND_FILE);
  g_assert_cmpint (certo_source_get_requested_format (source), ==, CERTO_SOURCE_FORMAT_CATALOG);
  uri = g_filename_to_uri (path, NULL, NULL);
  g_assert_cmpstr (certo_source_get_key (source), ==, uri);

  first = refresh_ok (f, id);
  g_assert_cmpint (first->outcome, ==, CERTO_SYNC_OUTCOME_FIRST_IMPORT);
  same = refresh_ok (f, id);
  g_assert_cmpint (same->outcome, ==, CERTO_SYNC_OUTCOME_UNCHANGED);

  g_assert_true (g_file_set_contents (path, feed_b, -1, NULL));
  changed = refresh_ok (f, id);
  g_assert_cmpint (changed->outcome, ==, CERTO_SYNC_OUTCOME_CHANGED);
  g_assert_cmpuint (changed->n_changed, ==, 2);

  /* The same file again by URI is the same source */
  {
    g_autoptr(GAsyncResult) result = NULL;

    certo_sync_add_source_async (f->sync, uri, NULL, CERTO_SOURCE_FORMAT_AUTO, NULL, store_result, &result);
    certo_test_wait_async (&result);
    g_assert_null (certo_sync_add_source_finish (f->sync, result, &error));
    g_assert_error (error, CERTO_STORE_ERROR, CERTO_STORE_ERROR_EXISTS);
    g_clear_error (&error);
  }

  /* A file that went: the rows stay, the error names the file */
  g_assert_cmpint (g_unlink (path), ==, 0);
  missing = refresh (f, id, &error);
  g_assert_null (missing);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (certo_source_get_last_error (find_source (f, id)), "feed.json"));
  g_assert_cmpuint (certo_source_get_n_documents (find_source (f, id)), ==, 5);
}


/* The same content imported from another file moves the source there:
 * its next sync reads that file */
static void
test_file_source_moved (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *old_path = g_build_filename (f->dir, "old.json", NULL);
  g_autofree char *new_path = g_build_filename (f->dir, "new.json", NULL);
  g_autoptr(CertoSource) source = NULL;
  g_autoptr(CertoSyncSummary) first = NULL;
  g_autoptr(CertoSyncSummary) again = NULL;
  g_autoptr(CertoImportResult) imported = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (new_path);
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_assert_true (g_file_set_contents (old_path, feed_a, -1, NULL));
  g_assert_true (g_file_set_contents (new_path, feed_a, -1, NULL));
  source = add_source (f, old_path, CERTO_SOURCE_FORMAT_AUTO);
  id = certo_source_get_id (source);
  first = refresh_ok (f, id);

  certo_catalog_import_file_async (f->catalog, file, NULL, store_result, &result);
  certo_test_wait_async (&result);
  imported = certo_catalog_import_file_finish (f->catalog, result, &error);
  g_assert_no_error (error);
  g_assert_cmpint (imported->source_id, ==, id);
  g_assert_cmpstr (certo_source_get_location (find_source (f, id)), ==, new_path);

  g_assert_cmpint (g_unlink (old_path), ==, 0);
  g_assert_true (g_file_set_contents (new_path, feed_b, -1, NULL));
  again = refresh_ok (f, id);
  g_assert_cmpint (again->outcome, ==, CERTO_SYNC_OUTCOME_CHANGED);
  g_assert_cmpuint (again->n_changed, ==, 2);
}

static void
test_bad_locations (Fixture       *f,
                    gconstpointer  data)
{
  static const char * const bad[] = { "ftp://example.com/feed.json", "javascript:alert(1)", "https://" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *key = certo_sync_normalize_location (bad[i], NULL, NULL, &error);

      g_assert_null (key);
      g_assert_error (error, CERTO_CLIENT_ERROR, CERTO_CLIENT_ERROR_INVALID_URL);
    }
}

/* An article over HTTP: relative links against its own address; an
 * include from its folder read, one from another folder not */
static void
test_article_http (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *article_path = certo_test_data_path ("sync/offering-sync.md");
  g_autofree char *services_path = certo_test_data_path ("sync/offering-sync-services.md");
  g_autofree char *forbidden_path = certo_test_data_path ("sync/offering-sync-forbidden.md");
  g_autoptr(GBytes) article = certo_test_load_bytes (article_path);
  g_autoptr(GBytes) services = certo_test_load_bytes (services_path);
  g_autoptr(GBytes) forbidden = certo_test_load_bytes (forbidden_path);
  g_autofree char *url = certo_test_server_url (f->server, "/docs/compliance/offering-sync.md");
  g_autofree char *cert_url = certo_test_server_url (f->server, "/docs/compliance/certs/storage-cert.pdf");
  g_autofree char *scope_url = certo_test_server_url (f->server, "/docs/compliance/scope/statement.html");
  g_autofree char *portal_url = certo_test_server_url (f->server, "/portal/certificates");
  g_autoptr(CertoSource) source = NULL;
  g_autoptr(CertoSyncSummary) summary = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(CertoArticleText) text = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *plain = NULL;
  g_autofree char *markup = NULL;
  GListModel *all_services;
  gboolean included = FALSE;
  gboolean refused = FALSE;
  CertoDocument *cert;

  certo_test_server_add_document (f->server, "/docs/compliance/offering-sync.md", "text/markdown", article);
  certo_test_server_add_document (f->server, "/docs/compliance/offering-sync-services.md", "text/markdown", services);
  certo_test_server_add_document (f->server, "/docs/includes/offering-sync-forbidden.md", "text/markdown", forbidden);

  source = add_source (f, url, CERTO_SOURCE_FORMAT_AUTO);
  summary = refresh_ok (f, certo_source_get_id (source));
  g_assert_cmpint (summary->outcome, ==, CERTO_SYNC_OUTCOME_FIRST_IMPORT);

  /* The include of its folder was read, the other was not even asked for */
  g_assert_cmpuint (certo_test_server_get_hits (f->server, "/docs/compliance/offering-sync-services.md"), ==, 1);
  g_assert_cmpuint (certo_test_server_get_hits (f->server, "/docs/includes/offering-sync-forbidden.md"), ==, 0);
  for (guint i = 0; i < summary->warnings->len; i++)
    refused |= strstr (g_ptr_array_index (summary->warnings, i), "../includes/offering-sync-forbidden.md") != NULL;
  g_assert_true (refused);

  all_services = certo_catalog_get_services (f->catalog);
  for (guint i = 0; i < g_list_model_get_n_items (all_services); i++)
    {
      g_autoptr(CertoService) service = g_list_model_get_item (all_services, i);

      g_assert_cmpstr (certo_service_get_name (service), !=, "Northwind Forbidden Service");
      included |= g_str_equal (certo_service_get_name (service), "Northwind Included Queue");
    }
  g_assert_true (included);

  /* A relative link resolved against the article's own address */
  cert = NULL;
  for (guint i = 0; i < g_list_model_get_n_items (certo_catalog_get_documents (f->catalog)); i++)
    {
      g_autoptr(CertoDocument) document = g_list_model_get_item (certo_catalog_get_documents (f->catalog), i);

      if (g_strcmp0 (certo_document_get_certificate_number (document), "IS 700001") == 0)
        cert = document;
    }
  g_assert_nonnull (cert);
  g_assert_cmpstr (certo_document_get_url (cert), ==, cert_url);

  /* The overview and FAQ, kept for offline reading */
  certo_store_get_source_text_async (f->store, certo_source_get_id (source), NULL, store_result, &result);
  certo_test_wait_async (&result);
  text = certo_store_get_source_text_finish (f->store, result, &error);
  g_assert_no_error (error);
  g_assert_false (certo_article_text_is_empty (text));
  g_assert_cmpstr (certo_article_text_get_languages (text)[0], ==, "en");
  plain = certo_article_text_to_plain (text, "en");
  g_test_message ("%s", plain);
  g_assert_nonnull (strstr (plain, "# Northwind ISO/IEC 27001 overview"));
  g_assert_nonnull (strstr (plain, "information security management system"));
  g_assert_nonnull (strstr (plain, scope_url));
  g_assert_nonnull (strstr (plain, "# Frequently asked questions"));
  g_assert_nonnull (strstr (plain, portal_url));
  g_assert_null (strstr (plain, "mailto:"));
  g_assert_null (strstr (plain, "Northwind Storage — ISO 27001"));   /* not the overview or FAQ */
  markup = certo_article_text_to_markup (text, NULL);
  g_assert_nonnull (strstr (markup, "<a href=\"https://www.iso.org/standard/27001\">standard</a>"));
  g_assert_null (strstr (markup, "<form"));
}

/* The real articles: the 2023 one with relative links and an include
 * outside its folder, the bilingual seed with its two languages */
static void
test_real_articles (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *path_2023 = NULL;
  g_autofree char *path_seed = NULL;
  g_autofree char *include_path = NULL;
  g_autoptr(GBytes) article = NULL;
  g_autoptr(GBytes) seed = NULL;
  g_autoptr(GBytes) include = NULL;
  g_autofree char *url = certo_test_server_url (f->server, "/compliance/regulatory/offering-ISO-27001.md");
  g_autofree char *seed_url = certo_test_server_url (f->server, "/it-it/offering-iso-27001.md");
  g_autofree char *managed = certo_test_server_url (f->server, "/microsoft-365/managed-desktop/intro/compliance");
  g_autoptr(CertoSource) source = NULL;
  g_autoptr(CertoSource) seed_source = NULL;
  g_autoptr(CertoSyncSummary) summary = NULL;
  g_autoptr(CertoSyncSummary) seed_summary = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(CertoArticleText) text = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *services;
  gboolean resolved = FALSE;
  const char * const *languages;

  if (certo_test_skip_unless_shared ("data/offerings/offering-ISO-27001.en-2023.md") ||
      certo_test_skip_unless_shared ("seeds/000_075bc22780f9941d.txt"))
    return;

  path_2023 = certo_test_shared_path ("data/offerings/offering-ISO-27001.en-2023.md");
  path_seed = certo_test_shared_path ("seeds/000_075bc22780f9941d.txt");
  include_path = certo_test_shared_path ("data/offerings/includes-o365-offering-introduction.md");
  article = certo_test_load_bytes (path_2023);
  seed = certo_test_load_bytes (path_seed);
  include = certo_test_load_bytes (include_path);
  certo_test_server_add_document (f->server, "/compliance/regulatory/offering-ISO-27001.md", "text/markdown", article);
  certo_test_server_add_document (f->server, "/compliance/includes/o365-offering-introduction.md", "text/markdown", include);
  certo_test_server_add_document (f->server, "/it-it/offering-iso-27001.md", "text/plain", seed);

  source = add_source (f, url, CERTO_SOURCE_FORMAT_AUTO);
  summary = refresh_ok (f, certo_source_get_id (source));
  g_assert_cmpuint (summary->n_documents, >, 0);
  g_assert_cmpuint (certo_test_server_get_hits (f->server, "/compliance/includes/o365-offering-introduction.md"), ==, 0);

  services = certo_catalog_get_services (f->catalog);
  for (guint i = 0; i < g_list_model_get_n_items (services); i++)
    {
      g_autoptr(CertoService) service = g_list_model_get_item (services, i);

      resolved |= g_strcmp0 (certo_service_get_url (service), managed) == 0;
    }
  g_assert_true (resolved);

  /* The Italian article is the same content (microsoft-iso27001): while
   * the English one is a source, it is refused; then it replaces it */
  seed_source = add_source (f, seed_url, CERTO_SOURCE_FORMAT_ARTICLE);
  {
    g_autoptr(CertoSyncSummary) refused = refresh (f, certo_source_get_id (seed_source), &error);

    g_assert_null (refused);
    g_assert_error (error, CERTO_STORE_ERROR, CERTO_STORE_ERROR_EXISTS);
    /* QA: only the feed ids match; the message must not say more */
    g_assert_null (strstr (error->message, "same content"));
    g_assert_nonnull (strstr (error->message, "same catalog (feed id “microsoft-iso27001”)"));
    g_assert_nonnull (strstr (error->message, "remove one of the two sources"));
    g_clear_error (&error);
  }
  remove_source (f, certo_source_get_id (source));
  seed_summary = refresh_ok (f, certo_source_get_id (seed_source));
  g_assert_cmpuint (seed_summary->n_documents, >, 10);

  certo_store_get_source_text_async (f->store, certo_source_get_id (seed_source), NULL, store_result, &result);
  certo_test_wait_async (&result);
  text = certo_store_get_source_text_finish (f->store, result, &error);
  g_assert_no_error (error);
  languages = certo_article_text_get_languages (text);
  g_assert_cmpstr (languages[0], ==, "en");
  g_assert_cmpstr (languages[1], ==, "it");
  {
    g_autofree char *en = certo_article_text_to_plain (text, "en");
    g_autofree char *it = certo_article_text_to_plain (text, "it");

    g_assert_nonnull (strstr (en, "ISO/IEC 27001 overview"));
    g_assert_nonnull (strstr (en, "Frequently asked questions"));
    g_assert_nonnull (strstr (it, "Panoramica di ISO/IEC 27001"));
    g_assert_nonnull (strstr (it, "Domande frequenti"));
    g_assert_null (strstr (it, "data-ttu-id"));
    g_assert_null (strstr (en, "<span"));
  }
}

/* "Check documents": a file changed behind the same link is an update */
static void
test_check_documents (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GBytes) pdf = g_bytes_new_static ("%PDF-1.7 first version", 22);
  g_autoptr(GBytes) pdf2 = g_bytes_new_static ("%PDF-1.7 second version, longer", 31);
  CertoTestDocument *cert_pdf = certo_test_server_add_document (f->server, "/files/cert.pdf", "application/pdf", pdf);
  g_autofree char *cert_url = certo_test_server_url (f->server, "/files/cert.pdf");
  g_autofree char *gone_url = certo_test_server_url (f->server, "/files/gone.pdf");
  g_autofree char *json = g_strdup_printf ("{\"format\": \"certo-catalog\", \"version\": 1, \"id\": \"probe\","
                                           " \"documents\": ["
                                           "  {\"id\": \"cert\", \"kind\": \"certificate\", \"title\": \"Certificate\", \"url\": \"%s\"},"
                                           "  {\"id\": \"gone\", \"kind\": \"guide\", \"title\": \"Gone\", \"url\": \"%s\"}]}",
                                           cert_url, gone_url);
  g_autofree char *url = certo_test_server_url (f->server, "/probe.json");
  g_autoptr(CertoSource) source = NULL;
  g_autoptr(CertoSyncSummary) synced = NULL;
  g_autoptr(CertoSyncSummary) first = NULL;
  g_autoptr(CertoSyncSummary) same = NULL;
  g_autoptr(CertoSyncSummary) changed = NULL;
  CertoChange *change;
  CertoDocument *cert;

  serve_feed (f, "/probe.json", json);
  source = add_source (f, url, CERTO_SOURCE_FORMAT_AUTO);
  synced = refresh_ok (f, certo_source_get_id (source));

  first = check_documents (f, certo_source_get_id (source));
  g_assert_cmpuint (first->n_checked, ==, 1);
  g_assert_cmpuint (first->n_check_failed, ==, 1);
  g_assert_cmpuint (first->n_updated, ==, 0);
  cert = find_document (f, "cert");
  g_assert_cmpstr (certo_document_get_remote_content_type (cert), ==, "application/pdf");
  g_assert_cmpint (certo_document_get_remote_size (cert), ==, 22);
  g_assert_nonnull (certo_document_get_checked (cert));
  g_assert_false (certo_document_is_updated (cert));

  same = check_documents (f, certo_source_get_id (source));
  g_assert_cmpuint (same->n_updated, ==, 0);

  certo_test_document_set_body (cert_pdf, pdf2);
  changed = check_documents (f, certo_source_get_id (source));
  g_assert_cmpuint (changed->n_updated, ==, 1);
  g_assert_true (certo_sync_summary_has_news (changed));

  change = find_change (f, CERTO_CHANGE_DOCUMENT_UPDATED, "cert");
  g_assert_nonnull (change);
  assert_field (change, "size", "22", "31");
  {
    guint n = 0;
    const CertoFieldChange *fields = certo_change_get_fields (change, &n);
    gboolean etag = FALSE;

    for (guint i = 0; i < n; i++)
      if (g_str_equal (fields[i].field, "etag"))
        {
          etag = TRUE;
          g_assert_cmpstr (fields[i].new_value, ==, certo_test_document_get_etag (cert_pdf));
          g_assert_cmpstr (fields[i].old_value, !=, fields[i].new_value);
        }
    g_assert_true (etag);
  }
  g_assert_true (certo_document_is_updated (find_document (f, "cert")));
  g_assert_cmpint (certo_document_get_remote_size (find_document (f, "cert")), ==, 31);
}

/* A catalog written by the previous version (schema 1) opens, upgrades in
 * place and keeps every id */
static void
test_upgrade_v1 (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *fixture = certo_test_data_path ("store/catalog-v1.db");
  g_autofree char *path = g_build_filename (f->dir, "old", "catalog.db", NULL);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GBytes) bytes = certo_test_load_bytes (fixture);
  g_autoptr(CertoStore) store = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(CertoCatalogSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  CertoDocument *first = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));

  store = certo_store_new (path);
  certo_store_load_async (store, NULL, store_result, &result);
  certo_test_wait_async (&result);
  snapshot = certo_store_load_finish (store, result, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (snapshot->sources->len, ==, 2);
  g_assert_cmpuint (snapshot->documents->len, ==, 8);
  g_assert_cmpuint (snapshot->changes->len, ==, 0);
  for (guint i = 0; i < snapshot->documents->len; i++)
    {
      CertoDocument *document = g_ptr_array_index (snapshot->documents, i);

      g_assert_false (certo_document_get_withdrawn (document));
      g_assert_false (certo_document_is_updated (document));
      if (g_str_equal (certo_document_get_key (document), "cloud-iso27001-certificate"))
        first = document;
    }
  g_assert_nonnull (first);
  g_assert_cmpint (certo_document_get_id (first), ==, 1);
  g_assert_cmpstr (certo_document_get_certificate_number (first), ==, "IS 533913");
  certo_store_close (store);

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, CERTO_STORE_SCHEMA_VERSION);
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT requested_format FROM sources WHERE id = 2", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "auto");
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

int
main (int    argc,
      char **argv)
{
  certo_test_server_prepare_environment ();
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/sync/first-import-summarised", test_first_sync);
  ADD ("/sync/diff", test_diff);
  ADD ("/sync/withdrawn-kept-while-offline", test_withdrawn_kept_offline);
  ADD ("/sync/withdrawn-service-count", test_withdrawn_service_count);
  ADD ("/sync/not-modified", test_not_modified);
  ADD ("/sync/redirects", test_redirects);
  ADD ("/sync/failures-change-nothing", test_failures);
  ADD ("/sync/offline-records-nothing", test_offline_state);
  ADD ("/sync/joined", test_joined);
  ADD ("/sync/browse-while-syncing", test_browse_while_syncing);
  ADD ("/sync/refresh-stale", test_refresh_stale);
  ADD ("/sync/shrink-guard", test_shrink_guard);
  ADD ("/sync/file-source", test_file_source);
  ADD ("/sync/file-source-moved", test_file_source_moved);
  ADD ("/sync/bad-locations", test_bad_locations);
  ADD ("/sync/article/http", test_article_http);
  ADD ("/sync/article/real", test_real_articles);
  ADD ("/sync/check-documents", test_check_documents);
  ADD ("/sync/store/upgrade-v1", test_upgrade_v1);

#undef ADD

  return g_test_run ();
}
