/* test-client.c — CertoClient against a real HTTP(S) server in this
 * process: conditional GET, redirects, errors, caps, timeouts, probes,
 * downloads (resume, sign-in pages, file names), offline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "certo-client.h"
#include "certo-download.h"
#include "certo-test-server.h"
#include "certo-test-util.h"

typedef struct
{
  CertoTestServer *server;
  GNetworkMonitor *monitor;
  GProxyResolver  *proxy;
  CertoClient     *client;
  char            *dir;
  GFile           *dest;
} Fixture;

typedef struct
{
  GArray       *received;
  gint64        total;
  GCancellable *cancel_at;
  guint64       cancel_after;
} Progress;

static const char pdf_head[] = "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n";

/* Helpers */

static GBytes *
make_pdf (gsize   length,
          guint32 seed)
{
  g_autoptr(GBytes) noise = certo_test_random_bytes (length, seed);
  guint8 *data = g_memdup2 (g_bytes_get_data (noise, NULL), length);

  memcpy (data, pdf_head, MIN (length, sizeof pdf_head - 1));
  return g_bytes_new_take (data, length);
}

static void
store_result (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
on_progress (guint64  received,
             gint64   total,
             gpointer user_data)
{
  Progress *progress = *(Progress **) user_data;

  if (progress == NULL)
    return;
  g_array_append_val (progress->received, received);
  progress->total = total;
  if (progress->cancel_at != NULL && received >= progress->cancel_after)
    g_cancellable_cancel (progress->cancel_at);
}

/* The user data of the operations below: where the result lands, then the
 * progress record (the callbacks share one pointer, as the API does) */
typedef struct
{
  GAsyncResult *result;
  Progress     *progress;
} Call;

static void
call_store (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Call *call = user_data;

  call->result = g_object_ref (result);
}

static void
call_progress (guint64  received,
               gint64   total,
               gpointer user_data)
{
  Call *call = user_data;

  on_progress (received, total, &call->progress);
}

static CertoFetchResult *
fetch_full (CertoClient  *client,
            const char   *url,
            const char   *etag,
            const char   *last_modified,
            GCancellable *cancellable,
            Progress     *progress,
            GError      **error)
{
  Call call = { NULL, progress };
  CertoFetchResult *result;

  certo_client_fetch_async (client, url, etag, last_modified, cancellable,
                            call_progress, call_store, &call);
  certo_test_wait_async (&call.result);
  result = certo_client_fetch_finish (client, call.result, error);
  g_object_unref (call.result);
  return result;
}

static CertoFetchResult *
fetch (Fixture     *f,
       const char  *path,
       const char  *etag,
       const char  *last_modified,
       GError     **error)
{
  g_autofree char *url = certo_test_server_url (f->server, path);

  return fetch_full (f->client, url, etag, last_modified, NULL, NULL, error);
}

static CertoProbeResult *
probe (Fixture     *f,
       const char  *path,
       GError     **error)
{
  g_autofree char *url = certo_test_server_url (f->server, path);
  GAsyncResult *result = NULL;
  CertoProbeResult *probe_result;

  certo_client_probe_async (f->client, url, NULL, store_result, &result);
  certo_test_wait_async (&result);
  probe_result = certo_client_probe_finish (f->client, result, error);
  g_object_unref (result);
  return probe_result;
}

static CertoDownloadResult *
download_full (Fixture      *f,
               const char   *url,
               const char   *suggested,
               const char   *expected_type,
               GCancellable *cancellable,
               Progress     *progress,
               GError      **error)
{
  Call call = { NULL, progress };
  CertoDownloadResult *result;

  certo_client_download_async (f->client, url, f->dest, suggested, expected_type,
                               cancellable, call_progress, call_store, &call);
  certo_test_wait_async (&call.result);
  result = certo_client_download_finish (f->client, call.result, error);
  g_object_unref (call.result);
  return result;
}

static CertoDownloadResult *
download (Fixture     *f,
          const char  *path,
          const char  *suggested,
          GError     **error)
{
  g_autofree char *url = certo_test_server_url (f->server, path);

  return download_full (f, url, suggested, "application/pdf", NULL, NULL, error);
}

static Progress *
progress_new (void)
{
  Progress *progress = g_new0 (Progress, 1);

  progress->received = g_array_new (FALSE, FALSE, sizeof (guint64));
  progress->total = -2;
  return progress;
}

static void
progress_free (Progress *progress)
{
  g_array_unref (progress->received);
  g_free (progress);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Progress, progress_free)

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (d != NULL && g_dir_read_name (d) != NULL)
    n++;
  return n;
}

static gboolean
has_part_file (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    if (g_str_has_suffix (name, ".part"))
      return TRUE;
  return FALSE;
}

static char *
file_basename (GFile *file)
{
  return g_file_get_basename (file);
}

static void
assert_sha256 (const char *sha256,
               GBytes     *bytes)
{
  g_autofree char *expected = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);

  g_assert_cmpstr (sha256, ==, expected);
}

static void
assert_file_bytes (GFile  *file,
                   GBytes *bytes)
{
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GBytes) contents = certo_test_load_bytes (path);

  g_assert_true (g_bytes_equal (contents, bytes));
}

/* Fixture */

static CertoClient *
make_client (Fixture      *f,
             GTlsDatabase *database)
{
  return certo_client_new_full (f->proxy, database, f->monitor);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->server = certo_test_server_new ();
  f->monitor = certo_test_network_monitor_new ();
  f->proxy = certo_test_no_proxy_resolver ();
  f->client = make_client (f, NULL);
  f->dir = g_dir_make_tmp ("certo-test-client-XXXXXX", &error);
  g_assert_no_error (error);
  f->dest = g_file_new_for_path (f->dir);
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_remove (path);
    }
  g_rmdir (dir);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_assert_finalize_object (f->client);
  certo_test_server_free (f->server);
  g_clear_object (&f->monitor);
  g_clear_object (&f->proxy);
  remove_dir (f->dir);
  g_free (f->dir);
  g_clear_object (&f->dest);
}

/* Conditional GET */

static void
test_fetch_etag (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GBytes) body = g_bytes_new_static ("{\"format\": \"certo-catalog\"}", 27);
  g_autoptr(GBytes) body2 = g_bytes_new_static ("{\"format\": \"certo-catalog\", \"v\": 2}", 35);
  CertoTestDocument *doc = certo_test_server_add_document (f->server, "/feed.json",
                                                           "application/json", body);
  g_autoptr(CertoFetchResult) first = NULL;
  g_autoptr(CertoFetchResult) second = NULL;
  g_autoptr(CertoFetchResult) third = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = certo_test_server_url (f->server, "/feed.json");

  first = fetch (f, "/feed.json", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (first->status, ==, 200);
  g_assert_false (first->not_modified);
  g_assert_true (g_bytes_equal (first->body, body));
  g_assert_cmpstr (first->etag, ==, certo_test_document_get_etag (doc));
  g_assert_cmpstr (first->content_type, ==, "application/json");
  g_assert_cmpstr (first->url, ==, url);
  g_assert_cmpstr (first->final_url, ==, url);
  g_assert_null (first->permanent_url);
  g_assert_cmpint (first->retry_after, ==, -1);
  g_assert_null (certo_test_document_get_request_header (doc, "If-None-Match"));

  /* Same ETag: 304, no body, the validator carried over */
  second = fetch (f, "/feed.json", first->etag, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (second->status, ==, 304);
  g_assert_true (second->not_modified);
  g_assert_null (second->body);
  g_assert_cmpstr (second->etag, ==, first->etag);
  g_assert_cmpstr (certo_test_document_get_request_header (doc, "If-None-Match"), ==, first->etag);

  /* Changed behind the same URL: 200 with the new body */
  certo_test_document_set_body (doc, body2);
  third = fetch (f, "/feed.json", first->etag, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (third->status, ==, 200);
  g_assert_true (g_bytes_equal (third->body, body2));
  g_assert_cmpstr (third->etag, !=, first->etag);
}

static void
test_fetch_last_modified (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GBytes) body = g_bytes_new_static ("# Offering\n", 11);
  CertoTestDocument *doc = certo_test_server_add_document (f->server, "/offering.md",
                                                           "text/markdown", body);
  g_autoptr(CertoFetchResult) first = NULL;
  g_autoptr(CertoFetchResult) second = NULL;
  g_autoptr(GError) error = NULL;

  certo_test_document_set_etag (doc, NULL);

  first = fetch (f, "/offering.md", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (first->etag);
  g_assert_cmpstr (first->last_modified, ==, certo_test_document_get_last_modified (doc));

  second = fetch (f, "/offering.md", NULL, first->last_modified, &error);
  g_assert_no_error (error);
  g_assert_true (second->not_modified);
  g_assert_null (second->body);
  g_assert_cmpstr (second->last_modified, ==, first->last_modified);
  g_assert_cmpstr (certo_test_document_get_request_header (doc, "If-Modified-Since"), ==,
                   first->last_modified);
}

static void
test_user_agent (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GBytes) body = g_bytes_new_static ("{}", 2);
  CertoTestDocument *doc = certo_test_server_add_document (f->server, "/ua", "application/json", body);
  g_autoptr(CertoFetchResult) result = NULL;
  g_autoptr(GError) error = NULL;

  result = fetch (f, "/ua", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (certo_client_get_user_agent (f->client), ==, "Certo/" PACKAGE_VERSION);
  g_assert_cmpstr (certo_test_document_get_request_header (doc, "User-Agent"), ==,
                   "Certo/" PACKAGE_VERSION);
  g_assert_cmpuint (certo_client_get_max_body_size (f->client), ==, 64 * 1024 * 1024);
}

static void
test_invalid_url (Fixture       *f,
                  gconstpointer  data)
{
  const char *urls[] = { "ftp://example.com/feed.json", "file:///etc/passwd", "not a url",
                         "http:///nohost", "javascript:alert(1)" };
  g_autofree char *before = certo_test_dir_digest (f->dir);

  for (guint i = 0; i < G_N_ELEMENTS (urls); i++)
    {
      g_autoptr(CertoFetchResult) fetched = NULL;
      g_autoptr(CertoDownloadResult) saved = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *after = NULL;

      fetched = fetch_full (f->client, urls[i], NULL, NULL, NULL, NULL, &error);
      g_assert_error (error, CERTO_CLIENT_ERROR, CERTO_CLIENT_ERROR_INVALID_URL);
      g_assert_null (fetched);
      g_clear_error (&error);

      saved = download_full (f, urls[i], NULL, NULL, NULL, NULL, &error);
      g_assert_error (error, CERTO_CLIENT_ERROR, CERTO_CLIENT_ERROR_INVALID_URL);
      after = certo_test_dir_digest (f->dir);
      g_assert_cmpstr (before, ==, after);
    }
}

/* Redirects */

static void
test_redirect_permanent (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GBytes) body = g_bytes_new_static ("{}", 2);
  g_autoptr(CertoFetchResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *target = certo_test_server_url (f->server, "/new/feed.json");

  certo_test_server_add_document (f->server, "/new/feed.json", "application/json", body);
  certo_test_server_add_redirect (f->server, "/old/feed.json", 301, "/middle/feed.json");
  certo_test_server_add_redirect (f->server, "/middle/feed.json", 308, target);

  result = fetch (f, "/old/feed.json", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (result->body, body));
  g_assert_cmpstr (result->final_url, ==, target);
  g_assert_cmpstr (result->permanent_url, ==, target);
}

static void
test_redirect_temporary (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GBytes) body = g_bytes_new_static ("{}", 2);
  g_autofree char *target = certo_test_server_url (f->server, "/feed.json");
  const struct { const char *path; guint status; } chains[] = {
    { "/r302", 302 }, { "/r303", 303 }, { "/r307", 307 },
  };

  certo_test_server_add_document (f->server, "/feed.json", "application/json", body);
  /* 301 then 302: one temporary hop is enough to keep the stored URL */
  certo_test_server_add_redirect (f->server, "/moved", 301, "/r302");

  for (guint i = 0; i < G_N_ELEMENTS (chains); i++)
    certo_test_server_add_redirect (f->server, chains[i].path, chains[i].status, "/feed.json");

  for (guint i = 0; i < G_N_ELEMENTS (chains); i++)
    {
      g_autoptr(CertoFetchResult) result = NULL;
      g_autoptr(GError) error = NULL;

      result = fetch (f, chains[i].path, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (result->final_url, ==, target);
      g_assert_null (result->permanent_url);
    }

  {
    g_autoptr(CertoFetchResult) result = NULL;
    g_autoptr(GError) error = NULL;

    result = fetch (f, "/moved", NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (result->final_url, ==, target);
    g_assert_null (result->permanent_url);
  }
}

static void
test_redirect_loop (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(CertoFetchResult) result = NULL;
  g_autoptr(GError) error = NULL;

  certo_test_server_add_redirect (f->server, "/a", 302, "/b");
  certo_test_server_add_redirect (f->server, "/b", 301, "/a");

  result = fetch (f, "/a", NULL, NULL, &error);
  g_assert_error (error, CERTO_CLIENT_ERROR, CERTO_CLIENT_ERROR_REDIRECT_LOOP);
  g_assert_null (result);
  g_assert_nonnull (strstr (error->message, "127.0.0.1"));
}

/* TLS */

static gboolean
skip_unless_tls (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  if (!certo_test_server_enable_tls (f->server, &error))
    {
      g_test_skip (error->message);
      return TRUE;
    }
  return FALSE;
}

static void
test_tls (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(GBytes) body = g_bytes_new_static ("{}", 2);
  g_autoptr(CertoClient) trusting = NULL;
  g_autoptr(CertoFetchResult) result = NULL;
  g_autoptr(CertoFetchResult) refused = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;

  if (skip_unless_tls (f))
    return;

  certo_test_server_add_document (f->server, "/feed.json", "application/json", body);
  url = certo_test_server_https_url (f->server, "/feed.json");

  /* Trusted through the database the test passes */
  trusting = make_client (f, certo_test_server_get_tls_database (f->server));
  result = fetch_full (trusting, url, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (result->body, body));

  /* The system's database does not know the self-signed certificate */
  refused = fetch_full (f->client, url, NULL, NULL, NULL, NULL, &error);
  g_assert_error (error, CERTO_CLIENT_ERROR, CERTO_CLIENT_ERROR_TLS);
  g_assert_null (refused);
  g_assert_nonnull (strstr (error->message, "will not connect"));
  g_assert_nonnull (strstr (error->message, "127.0.0.1"));

  g_clear_object (&trusting);
}

static void
test_redirect_insecure (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GBytes) body = g_bytes_new_static ("{}", 2);
  g_autoptr(CertoClient) trusting = NULL;
  g_autoptr(CertoFetchResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *plain = NULL;
  g_autofree char *url = NULL;

  if (skip_unless_tls (f))
    return;

  /* The same server answers on both schemes: the downgrade is refused
   * before the plain address is asked */
  certo_test_server_add_document (f->server, "/plain.json", "application/json", body);
  plain = certo_test_server_url (f->server, "/plain.json");
  certo_test_server_add_redirect (f->server, "/secure.json", 301, plain);
  url = certo_test_server_https_url (f->server, "/secure.json");

  trusting = make_client (f, certo_test_server_get_tls_database (f->server));
  result = fetch_full (trusting, url, NULL, NULL, NULL, NULL, &error);
  g_assert_error (error, CERTO_CLIENT_ERROR, CERTO_CLIENT_ERROR_INSECURE_REDIRECT);
  g_assert_null (result);
  g_assert_cmpuint (certo_test_server_get_hits (f->server, "/plain.json"), ==, 0);

  g_clear_object (&trusting);
}

/* HTTP errors */

static void
test_status_errors (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) later = g_date_time_add_hours (now, 1);
  g_autofree char *date = soup_date_time_to_string (later, SOUP_DATE_HTTP);
  const struct {
    const char *path;
    guint status;
    const char *retry_after;
    CertoClientError code;
    gint64 min_wait, max_wait;
    const char *in_message;
  } cases[] = {
    { "/404", 404, NULL, CERTO_CLIENT_ERROR_HTTP_NOT_FOUND, -1, -1, "removed" },
    { "/410", 410, NULL, CERTO_CLIENT_ERROR_HTTP_NOT_FOUND, -1, -1, "removed" },
    { "/429", 429, "120", CERTO_CLIENT_ERROR_HTTP_RATE_LIMITED, 120, 120, "2 minutes" },
    { "/429-bare", 429, NULL, CERTO_CLIENT_ERROR_HTTP_RATE_LIMITED, -1, -1, "too many requests" },
    { "/500", 500, NULL, CERTO_CLIENT_ERROR_HTTP_SERVER, -1, -1, "500" },
    { "/503", 503, date, CERTO_CLIENT_ERROR_HTTP_SERVER, 3500, 3600, "1 hour" },
    { "/403", 403, NULL, CERTO_CLIENT_ERROR_HTTP_OTHER, -1, -1, "403" },
    { "/401", 401, NULL, CERTO_CLIENT_ERROR_SIGN_IN_REQUIRED, -1, -1, "sign-in" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    certo_test_server_add_status (f->server, cases[i].path, cases[i].status, cases[i].retry_after);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CertoFetchResult) result = NULL;
      g_autoptr(GError) error = NULL;
      gint64 wait;

      result = fetch (f, cases[i].path, NULL, NULL, &error);
      g_assert_null (result);
      g_assert_error (error, CERTO_CLIENT_ERROR, (gint) cases[i].code);
      g_test_message ("%s: %s", cases[i].path, error->message);
      g_assert_nonnull (strstr (error->message, cases[i].in_message));
      g_assert_null (strchr (error->message, '\n'));
      g_assert_cmpuint (certo_client_error_get_http_status (error), ==, cases[i].status);
      wait = certo_client_error_get_retry_after (error);
      g_assert_cmpint (wait, >=, cases[i].min_wait);
      g_assert_cmpint (wait, <=, cases[i].max_wait);
    }
}

/* Broken bodies, caps, time */

static void
test_truncated (Fixture       *f,
                gconstpointer  data)
{
  static const char response[] =
    "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n"
    "Connection: close\r\n\r\n{\"format\": \"certo-catalog\", \"documents\": [";
  g_autofree char *url = certo_test_server_add_raw (f->server, response, -1, FALSE);
  g_autoptr(CertoFetchResult) result = NULL;
  g_autoptr(GError) error = NULL;

  result = fetch_full (f->client, url, NULL, NULL, NULL, NULL, &error);
  g_assert_error (error, CERTO_CLIENT_ERROR, CERTO_CLIENT_ERROR_TRUNCATED);
  g_assert_null (result);
}

static void
test_too_large (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GBytes) body = certo_test_random_bytes (5000, 1);
  CertoTestDocument *chunked = NULL;
  g_autoptr(Progress) progress = progress_new ();
  g_autoptr(Progress) progress2 = progress_new ();
  g_autoptr(CertoFetchResult) result = NULL;
  g_autoptr(CertoFetchResult) result2 = NULL;
  g_autoptr(CertoFetchResult) fits = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = certo_test_server_url (f->server, "/big");
  g_autofree char *url2 = certo_test_server_url (f->server, "/big-chunked");

  certo_test_server_add_document (f->server, "/big", "application/json", body);
  chunked = certo_test_server_add_document (f->server, "/big-chunked", "application/json", body);
  certo_test_document_set_chunked (chunked, TRUE);
  certo_client_set_max_body_size (f->client, 1000);

  /* Content-Length over the cap: refused before a byte is read */
  result = fetch_full (f->client, url, NULL, NULL, NULL, progress, &error);
  g_assert_error (error, CERTO_CLIENT_ERROR, CERTO_CLIENT_ERROR_TOO_LARGE);
  g_assert_null (result);
  g_assert_cmpuint (progress->received->len, ==, 0);
  g_assert_nonnull (strstr (error->message, "1000 bytes"));
  g_clear_error (&error);

  /* Chunked, no length: refused once the count passes the cap */
  result2 = fetch_full (f->client, url2, NULL, NULL, NULL, progress2, &error);
  g_assert_error (error, CERTO_CLIENT_ERROR, CERTO_CLIENT_ERROR_TOO_LARGE);
  g_assert_null (result2);
  g_assert_cmpint (progress2->total, ==, -1);
  g_clear_error (&error);

  /* At the cap it fits */
  certo_client_set_max_body_size (f->client, 5000);
  fits = fetch_full (f->client, url2, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (fits->body, body));
}

static void
test_timeout_no_answer (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *url = certo_test_server_add_raw (f->server, NULL, 0, TRUE);
  g_autoptr(CertoFetchResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  certo_client_set_connect_timeout (f->client, 1);
  certo_client_set_idle_timeout (f->client, 1);

  result = fetch_full (f->client, url, NULL, NULL, NULL, NULL, &error);
  g_assert_error (error, CERTO_CLIENT_ERROR, CERTO_CLIENT_ERROR_TIMEOUT);
  g_assert_null (result);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
}

static void
test_timeout_stalled_body (Fixture       *f,
                           gconstpointer  data)
{
  static const char response[] =
    "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"format\":";
  g_autofree char *url = certo_test_server_add_raw (f->server, response, -1, TRUE);
  g_autoptr(CertoFetchResult) result = NULL;
  g_autoptr(GError) error = NULL;

  certo_client_set_idle_timeout (f->client, 1);

  result = fetch_full (f->client, url, NULL, NULL, NULL, NULL, &error);
  g_assert_error (error, CERTO_CLIENT_ERROR, CERTO_CLIENT_ERROR_TIMEOUT);
  g_assert_null (result);
}

static void
test_connect_refused (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%u/feed.json", certo_test_unused_port ());
  g_autoptr(CertoFetchResult) result = NULL;
  g_autoptr(GError) error = NULL;

  result = fetch_full (f->client, url, NULL, NULL, NULL, NULL, &error);
  g_assert_error (error, CERTO_CLIENT_ERROR, CERTO_CLIENT_ERROR_CONNECT);
  g_assert_null (result);
  g_assert_nonnull (strstr (error->message, "refused"));
}

static void
test_dns (Fixture       *f,
          gconstpointer  data)
{
  /* RFC 6761 §6.4: .invalid never resolves */
  g_autoptr(CertoFetchResult) result = NULL;
  g_autoptr(GError) error = NULL;

  result = fetch_full (f->client, "http://certo-test.invalid/feed.json", NULL, NULL, NULL, NULL, &error);
  g_assert_error (error, CERTO_CLIENT_ERROR, CERTO_CLIENT_ERROR_DNS);
  g_assert_null (result);
  g_assert_nonnull (strstr (error->message, "certo-test.invalid"));
}

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           guint      *count)
{
  (*count)++;
}

static void
test_offline (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GBytes) body = g_bytes_new_static ("{}", 2);
  g_autoptr(CertoFetchResult) result = NULL;
  g_autoptr(CertoFetchResult) local = NULL;
  g_autoptr(GError) error = NULL;
  guint notified = 0;

  certo_test_server_add_document (f->server, "/feed.json", "application/json", body);
  g_signal_connect (f->client, "notify::online", G_CALLBACK (on_notify), &notified);
  g_assert_true (certo_client_get_online (f->client));

  certo_test_network_monitor_set_available (f->monitor, FALSE);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_false (certo_client_get_online (f->client));

  /* Fails at once, without a DNS query */
  result = fetch_full (f->client, "https://certo.example/feed.json", NULL, NULL, NULL, NULL, &error);
  g_assert_error (error, CERTO_CLIENT_ERROR, CERTO_CLIENT_ERROR_OFFLINE);
  g_assert_null (result);
  g_assert_nonnull (strstr (error->message, "certo.example"));

  /* This computer stays reachable */
  local = fetch (f, "/feed.json", NULL, NULL, NULL);
  g_assert_nonnull (local);

  certo_test_network_monitor_set_available (f->monitor, TRUE);
  g_assert_cmpuint (notified, ==, 2);
  g_assert_true (certo_client_get_online (f->client));
  g_signal_handlers_disconnect_by_func (f->client, on_notify, &notified);
}

/* Progress and cancellation */

static void
test_progress (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GBytes) body = make_pdf (300 * 1024 + 7, 2);
  g_autoptr(Progress) progress = progress_new ();
  g_autoptr(Progress) saved_progress = progress_new ();
  g_autoptr(CertoFetchResult) result = NULL;
  g_autoptr(CertoDownloadResult) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = certo_test_server_url (f->server, "/report.pdf");
  guint64 last = 0;

  certo_test_server_add_document (f->server, "/report.pdf", "application/pdf", body);

  result = fetch_full (f->client, url, NULL, NULL, NULL, progress, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (progress->received->len, >, 1);
  for (guint i = 0; i < progress->received->len; i++)
    {
      guint64 received = g_array_index (progress->received, guint64, i);

      g_assert_cmpuint (received, >, last);
      last = received;
    }
  g_assert_cmpuint (last, ==, g_bytes_get_size (body));
  g_assert_cmpint (progress->total, ==, (gint64) g_bytes_get_size (body));

  saved = download_full (f, url, NULL, "application/pdf", NULL, saved_progress, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_array_index (saved_progress->received, guint64, saved_progress->received->len - 1),
                    ==, g_bytes_get_size (body));
  g_assert_cmpint (saved_progress->total, ==, (gint64) g_bytes_get_size (body));
}

static gboolean
cancel_later (gpointer user_data)
{
  g_cancellable_cancel (user_data);
  return G_SOURCE_REMOVE;
}

static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *silent = certo_test_server_add_raw (f->server, NULL, 0, TRUE);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GCancellable) cancellable2 = g_cancellable_new ();
  g_autoptr(CertoFetchResult) result = NULL;
  g_autoptr(CertoDownloadResult) saved = NULL;
  g_autoptr(Progress) progress = progress_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = certo_test_dir_digest (f->dir);
  g_autofree char *after = NULL;
  g_autofree char *stalled = NULL;
  g_autoptr(GString) response = g_string_new (NULL);
  g_autoptr(GBytes) head = make_pdf (8192, 3);

  /* Waiting for an answer */
  g_timeout_add (100, cancel_later, cancellable);
  result = fetch_full (f->client, silent, NULL, NULL, cancellable, NULL, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (result);
  g_clear_error (&error);

  /* Half-way through a resumable download: cancelling keeps nothing */
  g_string_append (response, "HTTP/1.1 200 OK\r\nContent-Type: application/pdf\r\n"
                             "Content-Length: 100000\r\nAccept-Ranges: bytes\r\nETag: \"v1\"\r\n\r\n");
  g_string_append_len (response, g_bytes_get_data (head, NULL), g_bytes_get_size (head));
  stalled = certo_test_server_add_raw (f->server, response->str, response->len, TRUE);
  progress->cancel_at = cancellable2;
  progress->cancel_after = 8192;

  saved = download_full (f, stalled, "report.pdf", "application/pdf", cancellable2, progress, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (saved);
  after = certo_test_dir_digest (f->dir);
  g_assert_cmpstr (before, ==, after);
}

/* Probes */

static void
test_probe (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GBytes) body = make_pdf (20000, 4);
  g_autoptr(GBytes) body2 = make_pdf (20500, 5);
  CertoTestDocument *doc = certo_test_server_add_document (f->server, "/report.pdf",
                                                           "application/pdf", body);
  g_autoptr(CertoProbeResult) first = NULL;
  g_autoptr(CertoProbeResult) again = NULL;
  g_autoptr(CertoProbeResult) changed = NULL;
  g_autoptr(GError) error = NULL;

  first = probe (f, "/report.pdf", &error);
  g_assert_no_error (error);
  g_assert_false (first->used_range);
  g_assert_cmpuint (first->status, ==, 200);
  g_assert_cmpint (first->size, ==, 20000);
  g_assert_cmpstr (first->content_type, ==, "application/pdf");
  g_assert_cmpstr (first->etag, ==, certo_test_document_get_etag (doc));
  g_assert_cmpstr (first->last_modified, ==, certo_test_document_get_last_modified (doc));

  again = probe (f, "/report.pdf", &error);
  g_assert_no_error (error);
  g_assert_false (certo_probe_result_changed (again, first->etag, first->last_modified, first->size));

  /* A new PDF behind the same link is reported as updated */
  certo_test_document_set_body (doc, body2);
  changed = probe (f, "/report.pdf", &error);
  g_assert_no_error (error);
  g_assert_cmpint (changed->size, ==, 20500);
  g_assert_cmpstr (changed->etag, !=, first->etag);
  g_assert_true (certo_probe_result_changed (changed, first->etag, first->last_modified, first->size));
  /* Any one value is enough */
  g_assert_true (certo_probe_result_changed (changed, NULL, NULL, first->size));
  g_assert_true (certo_probe_result_changed (changed, NULL, first->last_modified, -1));
  g_assert_false (certo_probe_result_changed (changed, NULL, NULL, -1));
}

static void
test_probe_range_fallback (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GBytes) body = make_pdf (12345, 6);
  CertoTestDocument *doc = certo_test_server_add_document (f->server, "/nohead.pdf",
                                                           "application/pdf", body);
  g_autoptr(CertoProbeResult) result = NULL;
  g_autoptr(GError) error = NULL;

  certo_test_document_set_head (doc, FALSE);
  certo_test_server_add_redirect (f->server, "/go/nohead", 308, "/nohead.pdf");

  result = probe (f, "/go/nohead", &error);
  g_assert_no_error (error);
  g_assert_true (result->used_range);
  g_assert_cmpuint (result->status, ==, 206);
  g_assert_cmpint (result->size, ==, 12345);
  g_assert_cmpstr (result->etag, ==, certo_test_document_get_etag (doc));
  g_assert_cmpstr (certo_test_document_get_request_header (doc, "Range"), ==, "bytes=0-0");
  g_assert_nonnull (result->permanent_url);
  g_assert_true (g_str_has_suffix (result->permanent_url, "/nohead.pdf"));
}

/* Downloads */

static void
test_download (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GBytes) body = make_pdf (70000, 7);
  CertoTestDocument *doc = certo_test_server_add_document (f->server, "/files/iso-27001-cert.pdf",
                                                           "application/pdf", body);
  g_autoptr(CertoDownloadResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  result = download (f, "/files/iso-27001-cert.pdf", NULL, &error);
  g_assert_no_error (error);
  name = file_basename (result->file);
  g_assert_cmpstr (name, ==, "iso-27001-cert.pdf");
  g_assert_cmpstr (result->server_filename, ==, "iso-27001-cert.pdf");
  g_assert_cmpuint (result->size, ==, 70000);
  assert_sha256 (result->sha256, body);
  assert_file_bytes (result->file, body);
  g_assert_cmpstr (result->content_type, ==, "application/pdf");
  g_assert_cmpstr (result->etag, ==, certo_test_document_get_etag (doc));
  g_assert_false (result->resumed);
  g_assert_false (result->reused);
  g_assert_cmpuint (count_files (f->dir), ==, 1);
}

static void
test_download_generic_type (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GBytes) body = make_pdf (4000, 8);
  g_autoptr(CertoDownloadResult) result = NULL;
  g_autoptr(GError) error = NULL;

  certo_test_server_add_document (f->server, "/blob", "application/octet-stream", body);

  result = download (f, "/blob", "Statement of Applicability.pdf", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (result->content_type, ==, "application/pdf");
}

static void
test_download_sign_in (Fixture       *f,
                       gconstpointer  data)
{
  static const char page[] = "\n  <!DOCTYPE html>\n<html><head><title>Sign in to your account</title>"
                             "</head><body><form>…</form></body></html>";
  g_autoptr(GBytes) html = g_bytes_new_static (page, sizeof page - 1);
  g_autofree char *login = certo_test_server_url (f->server, "/common/login?return=/doc.pdf");
  g_autofree char *before = certo_test_dir_digest (f->dir);
  const char *paths[] = { "/html-as-html.pdf", "/html-as-pdf.pdf", "/behind-login.pdf",
                          "/behind-microsoft.pdf", "/needs-auth.pdf" };

  certo_test_server_add_document (f->server, "/html-as-html.pdf", "text/html", html);
  /* The server claims a PDF; the body says otherwise */
  certo_test_server_add_document (f->server, "/html-as-pdf.pdf", "application/pdf", html);
  certo_test_server_add_redirect (f->server, "/behind-login.pdf", 302, login);
  certo_test_server_add_redirect (f->server, "/behind-microsoft.pdf", 302,
                                  "https://login.microsoftonline.com/common/oauth2/authorize?client_id=x");
  certo_test_server_add_status (f->server, "/needs-auth.pdf", 401, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(CertoDownloadResult) result = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *after = NULL;

      result = download (f, paths[i], NULL, &error);
      g_assert_error (error, CERTO_CLIENT_ERROR, CERTO_CLIENT_ERROR_SIGN_IN_REQUIRED);
      g_assert_null (result);
      g_assert_cmpstr (error->message, ==,
                       "This document needs a sign-in at the provider; download it in your browser, then attach it");
      after = certo_test_dir_digest (f->dir);
      g_assert_cmpstr (before, ==, after);
    }

  /* The sign-in page itself is never loaded */
  g_assert_cmpuint (certo_test_server_get_hits (f->server, "/common/login"), ==, 0);

  /* A word that only starts like a sign-in word is no sign-in */
  {
    g_autoptr(GBytes) pdf = make_pdf (2000, 17);
    g_autoptr(CertoDownloadResult) result = NULL;
    g_autoptr(GError) error = NULL;

    certo_test_server_add_document (f->server, "/security/code-signing.pdf", "application/pdf", pdf);
    certo_test_server_add_redirect (f->server, "/go/signing", 302, "/security/code-signing.pdf");
    result = download (f, "/go/signing", NULL, &error);
    g_assert_no_error (error);
    assert_file_bytes (result->file, pdf);
  }
}

static void
test_download_wrong_type (Fixture       *f,
                          gconstpointer  data)
{
  static const char zip[] = "PK\x03\x04\x14\x00\x00\x00\x08\x00" "0123456789abcdefghijklmnopqrstuvwxyz";
  g_autoptr(GBytes) body = g_bytes_new_static (zip, sizeof zip - 1);
  g_autoptr(CertoDownloadResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = certo_test_dir_digest (f->dir);
  g_autofree char *after = NULL;

  certo_test_server_add_document (f->server, "/report.pdf", "application/zip", body);

  result = download (f, "/report.pdf", NULL, &error);
  g_assert_error (error, CERTO_CLIENT_ERROR, CERTO_CLIENT_ERROR_UNEXPECTED_TYPE);
  g_assert_null (result);
  g_test_message ("%s", error->message);
  after = certo_test_dir_digest (f->dir);
  g_assert_cmpstr (before, ==, after);
}

static void
test_download_resume (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GBytes) body = make_pdf (100000, 9);
  CertoTestDocument *doc = certo_test_server_add_document (f->server, "/big.pdf",
                                                           "application/pdf", body);
  g_autoptr(CertoDownloadResult) failed = NULL;
  g_autoptr(CertoDownloadResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = certo_test_server_url (f->server, "/big.pdf");
  g_autofree char *part_name = certo_download_part_basename (url);
  g_autofree char *part = g_build_filename (f->dir, part_name, NULL);
  GStatBuf st;

  certo_test_document_cut_next (doc, 40000);

  failed = download (f, "/big.pdf", "report.pdf", &error);
  g_assert_error (error, CERTO_CLIENT_ERROR, CERTO_CLIENT_ERROR_TRUNCATED);
  g_assert_null (failed);
  g_clear_error (&error);

  /* Kept for resuming: the part and its validator, nothing else */
  g_assert_cmpint (g_stat (part, &st), ==, 0);
  g_assert_cmpint (st.st_size, ==, 40000);
  g_assert_cmpuint (count_files (f->dir), ==, 2);

  result = download (f, "/big.pdf", "report.pdf", &error);
  g_assert_no_error (error);
  g_assert_true (result->resumed);
  g_assert_cmpstr (certo_test_document_get_request_header (doc, "Range"), ==, "bytes=40000-");
  g_assert_cmpstr (certo_test_document_get_request_header (doc, "If-Range"), ==,
                   certo_test_document_get_etag (doc));
  g_assert_cmpuint (result->size, ==, 100000);
  assert_sha256 (result->sha256, body);
  assert_file_bytes (result->file, body);
  g_assert_cmpuint (count_files (f->dir), ==, 1);
}

static void
test_download_restart (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GBytes) body = make_pdf (100000, 10);
  g_autoptr(GBytes) body2 = make_pdf (90000, 11);
  CertoTestDocument *doc = certo_test_server_add_document (f->server, "/big.pdf",
                                                           "application/pdf", body);
  g_autoptr(CertoDownloadResult) norange = NULL;
  g_autoptr(CertoDownloadResult) changed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = certo_test_dir_digest (f->dir);
  g_autofree char *after = NULL;

  /* A server without ranges: nothing worth keeping after a cut */
  certo_test_document_set_ranges (doc, FALSE);
  certo_test_document_cut_next (doc, 40000);
  norange = download (f, "/big.pdf", "report.pdf", &error);
  g_assert_error (error, CERTO_CLIENT_ERROR, CERTO_CLIENT_ERROR_TRUNCATED);
  after = certo_test_dir_digest (f->dir);
  g_assert_cmpstr (before, ==, after);
  g_clear_error (&error);

  /* A part kept, then the server stops answering ranges: a clean restart */
  certo_test_document_set_ranges (doc, TRUE);
  certo_test_document_cut_next (doc, 40000);
  g_assert_null (download (f, "/big.pdf", "report.pdf", &error));
  g_assert_error (error, CERTO_CLIENT_ERROR, CERTO_CLIENT_ERROR_TRUNCATED);
  g_clear_error (&error);
  g_assert_true (has_part_file (f->dir));
  certo_test_document_set_ranges (doc, FALSE);
  {
    g_autoptr(CertoDownloadResult) restarted = download (f, "/big.pdf", "report.pdf", &error);

    g_assert_no_error (error);
    g_assert_false (restarted->resumed);
    assert_sha256 (restarted->sha256, body);
    assert_file_bytes (restarted->file, body);
    g_assert_cmpuint (count_files (f->dir), ==, 1);
    g_file_delete (restarted->file, NULL, NULL);
  }

  /* A part kept, then the document changes: If-Range fails, the new one
   * comes whole */
  certo_test_document_set_ranges (doc, TRUE);
  certo_test_document_cut_next (doc, 40000);
  g_assert_null (download (f, "/big.pdf", "report.pdf", &error));
  g_clear_error (&error);
  certo_test_document_set_body (doc, body2);
  changed = download (f, "/big.pdf", "report.pdf", &error);
  g_assert_no_error (error);
  g_assert_false (changed->resumed);
  g_assert_cmpuint (changed->size, ==, 90000);
  assert_sha256 (changed->sha256, body2);
  assert_file_bytes (changed->file, body2);
  g_assert_cmpuint (count_files (f->dir), ==, 1);
}

static void
test_download_names (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GBytes) body = make_pdf (3000, 12);
  const struct { const char *disposition; const char *expected; } cases[] = {
    { "attachment; filename=\"../../evil.pdf\"", "evil.pdf" },
    { "attachment; filename=\"/etc/cron.d/x.pdf\"", "x.pdf" },
    { "attachment; filename=\"..\\\\..\\\\win.pdf\"", "win.pdf" },
    { "attachment; filename*=UTF-8''..%2F..%2Fcertificat%C3%A9%20%C3%BC%E2%80%AE.pdf",
      "certificaté ü.pdf" },
    { "attachment; filename=\"...\"", "dl" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/name-%u/dl", i);
      CertoTestDocument *doc = certo_test_server_add_document (f->server, path, "application/pdf", body);
      g_autoptr(CertoDownloadResult) result = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GFile) parent = NULL;
      g_autofree char *name = NULL;

      certo_test_document_set_disposition (doc, cases[i].disposition);
      result = download (f, path, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (result->server_filename, ==, cases[i].expected);
      name = file_basename (result->file);
      g_assert_cmpstr (name, ==, cases[i].expected);
      parent = g_file_get_parent (result->file);
      g_assert_true (g_file_equal (parent, f->dest));
      g_file_delete (result->file, NULL, NULL);
    }

  g_assert_cmpuint (count_files (f->dir), ==, 0);
}

static void
test_download_collision (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GBytes) a = make_pdf (3000, 13);
  g_autoptr(GBytes) b = make_pdf (3000, 14);
  g_autoptr(CertoDownloadResult) first = NULL;
  g_autoptr(CertoDownloadResult) other = NULL;
  g_autoptr(CertoDownloadResult) same = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name1 = NULL;
  g_autofree char *name2 = NULL;
  g_autofree char *name3 = NULL;

  certo_test_server_add_document (f->server, "/a", "application/pdf", a);
  certo_test_server_add_document (f->server, "/b", "application/pdf", b);

  first = download (f, "/a", "SoA.pdf", &error);
  g_assert_no_error (error);
  other = download (f, "/b", "SoA.pdf", &error);
  g_assert_no_error (error);
  same = download (f, "/a", "SoA.pdf", &error);
  g_assert_no_error (error);

  name1 = file_basename (first->file);
  name2 = file_basename (other->file);
  name3 = file_basename (same->file);
  g_assert_cmpstr (name1, ==, "SoA.pdf");
  g_assert_cmpstr (name2, ==, "SoA (2).pdf");
  g_assert_cmpstr (name3, ==, "SoA.pdf");
  g_assert_true (same->reused);
  assert_file_bytes (first->file, a);
  assert_file_bytes (other->file, b);
  g_assert_cmpuint (count_files (f->dir), ==, 2);
}

static void
test_download_failures_leave_nothing (Fixture       *f,
                                      gconstpointer  data)
{
  g_autoptr(GBytes) body = make_pdf (50000, 15);
  CertoTestDocument *cut = NULL;
  g_autofree char *before = NULL;
  g_autofree char *refused = g_strdup_printf ("http://127.0.0.1:%u/x.pdf", certo_test_unused_port ());
  g_autofree char *not_found = certo_test_server_url (f->server, "/missing.pdf");
  g_autofree char *server_error = certo_test_server_url (f->server, "/broken.pdf");
  g_autofree char *cut_url = certo_test_server_url (f->server, "/cut.pdf");
  g_autofree char *large = certo_test_server_url (f->server, "/large.pdf");
  g_autofree char *chunked_url = certo_test_server_url (f->server, "/chunked.pdf");
  CertoTestDocument *chunked = NULL;
  g_autofree char *truncated_raw = NULL;
  g_autofree char *mine = g_build_filename (f->dir, "mine.pdf", NULL);
  const char *urls[8];

  /* Something of the user's is already there and must stay untouched */
  g_assert_true (g_file_set_contents (mine, "mine", 4, NULL));
  before = certo_test_dir_digest (f->dir);

  certo_test_server_add_status (f->server, "/broken.pdf", 500, NULL);
  cut = certo_test_server_add_document (f->server, "/cut.pdf", "application/pdf", body);
  certo_test_document_set_ranges (cut, FALSE);
  certo_test_server_add_document (f->server, "/large.pdf", "application/pdf", body);
  chunked = certo_test_server_add_document (f->server, "/chunked.pdf", "application/pdf", body);
  certo_test_document_set_chunked (chunked, TRUE);
  truncated_raw = certo_test_server_add_raw (f->server,
                                             "HTTP/1.1 200 OK\r\nContent-Type: application/pdf\r\n"
                                             "Content-Length: 5000\r\nAccept-Ranges: bytes\r\n\r\n"
                                             "%PDF-1.7\n short", -1, FALSE);

  urls[0] = refused;
  urls[1] = not_found;
  urls[2] = server_error;
  urls[3] = cut_url;
  urls[4] = large;
  urls[5] = chunked_url;
  urls[6] = truncated_raw;
  urls[7] = "http://certo-test.invalid/x.pdf";

  for (guint i = 0; i < G_N_ELEMENTS (urls); i++)
    {
      g_autoptr(CertoDownloadResult) result = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *after = NULL;

      if (i == 3)
        certo_test_document_cut_next (cut, 30000);
      certo_client_set_max_body_size (f->client, i == 4 || i == 5 ? 20000 : 1000000);

      result = download_full (f, urls[i], "mine.pdf", "application/pdf", NULL, NULL, &error);
      g_assert_nonnull (error);
      g_assert_null (result);
      g_test_message ("%s: %s", urls[i], error->message);
      after = certo_test_dir_digest (f->dir);
      g_assert_cmpstr (before, ==, after);
    }
}

static void
test_download_resume_disabled (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GBytes) body = make_pdf (50000, 16);
  CertoTestDocument *doc = certo_test_server_add_document (f->server, "/big.pdf",
                                                           "application/pdf", body);
  g_autoptr(CertoDownloadResult) result = NULL;
  g_autoptr(GError) error = NULL;

  certo_client_set_resume_downloads (f->client, FALSE);
  certo_test_document_cut_next (doc, 30000);
  result = download (f, "/big.pdf", NULL, &error);
  g_assert_error (error, CERTO_CLIENT_ERROR, CERTO_CLIENT_ERROR_TRUNCATED);
  g_assert_cmpuint (count_files (f->dir), ==, 0);
}

/* File names */

static void
test_sanitize (void)
{
  g_autofree char *long_name = NULL;
  g_autofree char *long_utf8 = NULL;
  g_autoptr(GString) builder = g_string_new (NULL);
  const struct { const char *in; const char *out; } cases[] = {
    { "report.pdf", "report.pdf" },
    { "../../etc/passwd", "passwd" },
    { "/absolute/path/doc.pdf", "doc.pdf" },
    { "C:\\Users\\x\\doc.pdf", "doc.pdf" },
    { "..\\..\\doc.pdf", "doc.pdf" },
    { ".hidden.pdf", "hidden.pdf" },
    { "...", NULL },
    { "..", NULL },
    { "/", NULL },
    { "dir/", NULL },
    { "", NULL },
    { "  . ", NULL },
    { "a\x01\x1f" "b\x7f.pdf", "ab.pdf" },
    { "line\nbreak\t.pdf", "linebreak.pdf" },
    { "invoice\xe2\x80\xae" "fdp.exe", "invoicefdp.exe" },
    { "what?.pdf", "what_.pdf" },
    { "a<b>c:d\"e|f*.pdf", "a_b_c_d_e_f_.pdf" },
    { "Zertifikat für Azure.pdf", "Zertifikat für Azure.pdf" },
    { "certificato \xe2\x80\x94 ISO 27001.pdf", "certificato — ISO 27001.pdf" },
    { "trailing dots...", "trailing dots" },
    { "bad\xff" "utf8.pdf", "bad\xef\xbf\xbd" "utf8.pdf" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = certo_download_sanitize_filename (cases[i].in);

      g_assert_cmpstr (out, ==, cases[i].out);
    }
  g_assert_null (certo_download_sanitize_filename (NULL));

  /* Long names are cut, the extension kept */
  for (guint i = 0; i < 300; i++)
    g_string_append_c (builder, 'x');
  g_string_append (builder, ".pdf");
  long_name = certo_download_sanitize_filename (builder->str);
  g_assert_cmpuint (strlen (long_name), <=, 200);
  g_assert_true (g_str_has_suffix (long_name, "xx.pdf"));

  /* … on a character boundary */
  g_string_truncate (builder, 0);
  for (guint i = 0; i < 150; i++)
    g_string_append (builder, "é");
  long_utf8 = certo_download_sanitize_filename (builder->str);
  g_assert_cmpuint (strlen (long_utf8), <=, 200);
  g_assert_true (g_utf8_validate (long_utf8, -1, NULL));
}

int
main (int    argc,
      char **argv)
{
  certo_test_server_prepare_environment ();
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/client/fetch/etag", test_fetch_etag);
  ADD ("/client/fetch/last-modified", test_fetch_last_modified);
  ADD ("/client/fetch/user-agent", test_user_agent);
  ADD ("/client/fetch/invalid-url", test_invalid_url);
  ADD ("/client/redirect/permanent", test_redirect_permanent);
  ADD ("/client/redirect/temporary", test_redirect_temporary);
  ADD ("/client/redirect/loop", test_redirect_loop);
  ADD ("/client/redirect/insecure", test_redirect_insecure);
  ADD ("/client/tls", test_tls);
  ADD ("/client/errors/status", test_status_errors);
  ADD ("/client/errors/truncated", test_truncated);
  ADD ("/client/errors/too-large", test_too_large);
  ADD ("/client/errors/timeout-no-answer", test_timeout_no_answer);
  ADD ("/client/errors/timeout-stalled-body", test_timeout_stalled_body);
  ADD ("/client/errors/connect-refused", test_connect_refused);
  ADD ("/client/errors/dns", test_dns);
  ADD ("/client/offline", test_offline);
  ADD ("/client/progress", test_progress);
  ADD ("/client/cancel", test_cancel);
  ADD ("/client/probe/head", test_probe);
  ADD ("/client/probe/range-fallback", test_probe_range_fallback);
  ADD ("/client/download/basic", test_download);
  ADD ("/client/download/generic-type", test_download_generic_type);
  ADD ("/client/download/sign-in", test_download_sign_in);
  ADD ("/client/download/wrong-type", test_download_wrong_type);
  ADD ("/client/download/resume", test_download_resume);
  ADD ("/client/download/restart", test_download_restart);
  ADD ("/client/download/resume-disabled", test_download_resume_disabled);
  ADD ("/client/download/names", test_download_names);
  ADD ("/client/download/collision", test_download_collision);
  ADD ("/client/download/failures-leave-nothing", test_download_failures_leave_nothing);
  g_test_add_func ("/client/download/sanitize", test_sanitize);

#undef ADD

  return g_test_run ();
}
