/* certo-test-server.c — a real HTTP(S) server in the test process
 *
 * Everything runs on the test's main context: the client's requests and
 * the server's answers interleave while the test iterates it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <string.h>

#include "certo-test-server.h"

struct _CertoTestServer
{
  SoupServer      *server;
  GUri            *http_uri;
  GUri            *https_uri;
  GTlsDatabase    *tls_database;
  char            *tls_dir;
  GHashTable      *hits;
  GPtrArray       *documents;
  GPtrArray       *raw_services;
};

struct _CertoTestDocument
{
  CertoTestServer    *server;
  char               *content_type;
  GBytes             *body;
  char               *etag;
  char               *last_modified;
  char               *disposition;
  gboolean            ranges;
  gboolean            head;
  gboolean            chunked;
  gsize               cut_after;
  guint               generation;
  guint               requests;
  SoupMessageHeaders *last_request;
};

typedef struct
{
  guint  status;
  char  *location;
  char  *retry_after;
} Canned;

typedef struct
{
  GSocketService *service;
  GBytes         *response;
  gboolean        hold;
  GPtrArray      *held;
} RawServer;

typedef struct
{
  RawServer         *raw;
  GSocketConnection *connection;
  GString           *request;
  guint8             buffer[4096];
} RawClient;

/* A network monitor a test switches on and off */
#define TEST_TYPE_NETWORK_MONITOR (test_network_monitor_get_type ())
G_DECLARE_FINAL_TYPE (TestNetworkMonitor, test_network_monitor, TEST, NETWORK_MONITOR, GObject)

struct _TestNetworkMonitor
{
  GObject  parent_instance;
  gboolean available;
};

static void test_network_monitor_iface_init (GNetworkMonitorInterface *iface);
static void test_network_monitor_initable_init (GInitableIface *iface);

G_DEFINE_TYPE_WITH_CODE (TestNetworkMonitor, test_network_monitor, G_TYPE_OBJECT,
                         G_IMPLEMENT_INTERFACE (G_TYPE_INITABLE, test_network_monitor_initable_init)
                         G_IMPLEMENT_INTERFACE (G_TYPE_NETWORK_MONITOR, test_network_monitor_iface_init))

enum {
  MONITOR_PROP_0,
  MONITOR_PROP_AVAILABLE,
  MONITOR_PROP_METERED,
  MONITOR_PROP_CONNECTIVITY,
};

static gboolean
test_network_monitor_can_reach (GNetworkMonitor     *monitor,
                                GSocketConnectable  *connectable,
                                GCancellable        *cancellable,
                                GError             **error)
{
  if (!TEST_NETWORK_MONITOR (monitor)->available)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NETWORK_UNREACHABLE, "offline");
      return FALSE;
    }
  return TRUE;
}

static void
test_network_monitor_iface_init (GNetworkMonitorInterface *iface)
{
  iface->can_reach = test_network_monitor_can_reach;
}

static gboolean
test_network_monitor_init_initable (GInitable     *initable,
                                    GCancellable  *cancellable,
                                    GError       **error)
{
  return TRUE;
}

static void
test_network_monitor_initable_init (GInitableIface *iface)
{
  iface->init = test_network_monitor_init_initable;
}

static void
test_network_monitor_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  TestNetworkMonitor *self = TEST_NETWORK_MONITOR (object);

  switch (prop_id)
    {
    case MONITOR_PROP_AVAILABLE:
      g_value_set_boolean (value, self->available);
      break;
    case MONITOR_PROP_METERED:
      g_value_set_boolean (value, FALSE);
      break;
    case MONITOR_PROP_CONNECTIVITY:
      g_value_set_enum (value, self->available ? G_NETWORK_CONNECTIVITY_FULL
                                               : G_NETWORK_CONNECTIVITY_LOCAL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
test_network_monitor_class_init (TestNetworkMonitorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = test_network_monitor_get_property;
  g_object_class_override_property (object_class, MONITOR_PROP_AVAILABLE, "network-available");
  g_object_class_override_property (object_class, MONITOR_PROP_METERED, "network-metered");
  g_object_class_override_property (object_class, MONITOR_PROP_CONNECTIVITY, "connectivity");
}

static void
test_network_monitor_init (TestNetworkMonitor *self)
{
  self->available = TRUE;
}

GNetworkMonitor *
certo_test_network_monitor_new (void)
{
  return g_initable_new (TEST_TYPE_NETWORK_MONITOR, NULL, NULL, NULL);
}

void
certo_test_network_monitor_set_available (GNetworkMonitor *monitor,
                                          gboolean         available)
{
  TestNetworkMonitor *self = TEST_NETWORK_MONITOR (monitor);

  if (self->available == available)
    return;
  self->available = available;
  g_object_notify (G_OBJECT (self), "network-available");
  g_signal_emit_by_name (self, "network-changed", available);
}

/* Call first in main(), before g_test_init() and any thread.
 *
 * GSocketClient asks for the default proxy resolver on every connection,
 * even when the SoupSession has its own; with G_TEST_OPTION_ISOLATE_DIRS
 * glib-networking's GNOME resolver then finds no GSettings schema and
 * aborts the test. The built-in "dummy" resolver (no proxy) is what a test
 * wants anyway. */
void
certo_test_server_prepare_environment (void)
{
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
}

/* A resolver that never uses a proxy, whatever the environment says */
GProxyResolver *
certo_test_no_proxy_resolver (void)
{
  return g_simple_proxy_resolver_new (NULL, NULL);
}

/* A port nothing listens on (closed right after binding) */
guint16
certo_test_unused_port (void)
{
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;

  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  g_socket_bind (socket, address, FALSE, &error);
  g_assert_no_error (error);
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);

  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
}

/* Reproducible bytes that no sniffer takes for text */
GBytes *
certo_test_random_bytes (gsize   length,
                         guint32 seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  guint8 *data = g_malloc (length);

  for (gsize i = 0; i < length; i++)
    data[i] = (guint8) g_rand_int_range (rand, 0, 256);

  return g_bytes_new_take (data, length);
}

static void
count_hit (CertoTestServer *self,
           const char      *path)
{
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (self->hits, path));

  g_hash_table_insert (self->hits, g_strdup (path), GUINT_TO_POINTER (n + 1));
}

guint
certo_test_server_get_hits (CertoTestServer *self,
                            const char      *path)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (self->hits, path));
}

static void
canned_free (Canned *canned)
{
  g_free (canned->location);
  g_free (canned->retry_after);
  g_free (canned);
}

static void
canned_handler (SoupServer        *server,
                SoupServerMessage *msg,
                const char        *path,
                GHashTable        *query,
                gpointer           user_data)
{
  Canned *canned = user_data;
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  static const char page[] = "<!DOCTYPE html><html><body><p>An error page</p></body></html>";

  if (canned->location != NULL)
    {
      soup_server_message_set_status (msg, canned->status, NULL);
      soup_message_headers_replace (headers, "Location", canned->location);
      return;
    }

  if (canned->retry_after != NULL)
    soup_message_headers_replace (headers, "Retry-After", canned->retry_after);
  soup_server_message_set_status (msg, canned->status, NULL);
  soup_server_message_set_response (msg, "text/html", SOUP_MEMORY_STATIC, page, strlen (page));
}

static void
counting_handler (SoupServer        *server,
                  SoupServerMessage *msg,
                  const char        *path,
                  GHashTable        *query,
                  gpointer           user_data)
{
  CertoTestServer *self = user_data;

  count_hit (self, path);
  soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
}

/* The server itself */

static void document_free   (CertoTestDocument *doc);
static void raw_server_free (RawServer         *raw);

static GUri *
listen_on_loopback (SoupServer            *server,
                    SoupServerListenOptions options,
                    GError               **error)
{
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  GSList *uris;
  GUri *found = NULL;
  const char *scheme = (options & SOUP_SERVER_LISTEN_HTTPS) ? "https" : "http";

  if (!soup_server_listen (server, address, options, error))
    return NULL;

  uris = soup_server_get_uris (server);
  for (GSList *l = uris; l != NULL; l = l->next)
    if (g_strcmp0 (g_uri_get_scheme (l->data), scheme) == 0)
      found = g_uri_ref (l->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  return found;
}

CertoTestServer *
certo_test_server_new (void)
{
  CertoTestServer *self = g_new0 (CertoTestServer, 1);
  g_autoptr(GError) error = NULL;

  self->server = soup_server_new ("server-header", "certo-test ", NULL);
  self->hits = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->documents = g_ptr_array_new_with_free_func ((GDestroyNotify) document_free);
  self->raw_services = g_ptr_array_new_with_free_func ((GDestroyNotify) raw_server_free);

  /* Anything unknown: 404, counted, so a test can assert a path was never asked */
  soup_server_add_handler (self->server, NULL, counting_handler, self, NULL);

  self->http_uri = listen_on_loopback (self->server, 0, &error);
  g_assert_no_error (error);
  g_assert_nonnull (self->http_uri);

  return self;
}

static void
document_free (CertoTestDocument *doc)
{
  g_free (doc->content_type);
  g_clear_pointer (&doc->body, g_bytes_unref);
  g_free (doc->etag);
  g_free (doc->last_modified);
  g_free (doc->disposition);
  g_clear_pointer (&doc->last_request, soup_message_headers_unref);
  g_free (doc);
}

static void
raw_server_free (RawServer *raw)
{
  g_socket_service_stop (raw->service);
  g_socket_listener_close (G_SOCKET_LISTENER (raw->service));
  g_clear_object (&raw->service);
  g_clear_pointer (&raw->response, g_bytes_unref);
  g_ptr_array_unref (raw->held);
  g_free (raw);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      g_remove (child);
    }
  g_rmdir (path);
}

void
certo_test_server_free (CertoTestServer *self)
{
  if (self == NULL)
    return;

  soup_server_disconnect (self->server);
  g_clear_object (&self->server);
  g_clear_pointer (&self->http_uri, g_uri_unref);
  g_clear_pointer (&self->https_uri, g_uri_unref);
  g_clear_object (&self->tls_database);
  if (self->tls_dir != NULL)
    remove_tree (self->tls_dir);
  g_free (self->tls_dir);
  g_hash_table_unref (self->hits);
  g_ptr_array_unref (self->documents);
  g_ptr_array_unref (self->raw_services);

  /* Let closing connections finish before the next test */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_free (self);
}

SoupServer *
certo_test_server_get_soup_server (CertoTestServer *self)
{
  return self->server;
}

guint16
certo_test_server_get_port (CertoTestServer *self)
{
  return (guint16) g_uri_get_port (self->http_uri);
}

char *
certo_test_server_url (CertoTestServer *self,
                       const char      *path)
{
  return g_strdup_printf ("http://127.0.0.1:%d%s", g_uri_get_port (self->http_uri), path);
}

/* A self-signed certificate for 127.0.0.1, made with openssl now, on a
 * second, https, listener of the same server. FALSE with
 * G_IO_ERROR_NOT_SUPPORTED when openssl or a TLS backend is missing (the
 * test then skips). */
gboolean
certo_test_server_enable_tls (CertoTestServer  *self,
                              GError          **error)
{
  g_autofree char *openssl = g_find_program_in_path ("openssl");
  g_autofree char *cert_path = NULL;
  g_autofree char *key_path = NULL;
  g_autoptr(GTlsCertificate) certificate = NULL;
  int wait_status = 0;

  if (self->https_uri != NULL)
    return TRUE;

  if (openssl == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           "openssl is not installed: cannot make a test certificate");
      return FALSE;
    }
  if (!g_tls_backend_supports_tls (g_tls_backend_get_default ()))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           "no TLS backend (glib-networking is not installed)");
      return FALSE;
    }

  self->tls_dir = g_dir_make_tmp ("certo-test-tls-XXXXXX", error);
  if (self->tls_dir == NULL)
    return FALSE;
  cert_path = g_build_filename (self->tls_dir, "cert.pem", NULL);
  key_path = g_build_filename (self->tls_dir, "key.pem", NULL);

  {
    const char *argv[] = {
      openssl, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
      "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1",
      "-addext", "subjectAltName=IP:127.0.0.1",
      "-keyout", key_path, "-out", cert_path, NULL
    };

    if (!g_spawn_sync (self->tls_dir, (char **) argv, NULL,
                       G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                       NULL, NULL, NULL, NULL, &wait_status, error) ||
        !g_spawn_check_wait_status (wait_status, error))
      return FALSE;
  }

  certificate = g_tls_certificate_new_from_files (cert_path, key_path, error);
  if (certificate == NULL)
    return FALSE;
  self->tls_database = g_tls_file_database_new (cert_path, error);
  if (self->tls_database == NULL)
    return FALSE;

  soup_server_set_tls_certificate (self->server, certificate);
  self->https_uri = listen_on_loopback (self->server, SOUP_SERVER_LISTEN_HTTPS, error);
  return self->https_uri != NULL;
}

char *
certo_test_server_https_url (CertoTestServer *self,
                             const char      *path)
{
  g_assert_nonnull (self->https_uri);
  return g_strdup_printf ("https://127.0.0.1:%d%s", g_uri_get_port (self->https_uri), path);
}

/* Trusts the server's self-signed certificate, and nothing else */
GTlsDatabase *
certo_test_server_get_tls_database (CertoTestServer *self)
{
  return self->tls_database;
}

void
certo_test_server_add_handler (CertoTestServer    *self,
                               const char         *path,
                               SoupServerCallback  callback,
                               gpointer            user_data,
                               GDestroyNotify      destroy)
{
  soup_server_add_handler (self->server, path, callback, user_data, destroy);
}

/* @location as given (relative or absolute) */
void
certo_test_server_add_redirect (CertoTestServer *self,
                                const char      *path,
                                guint            status,
                                const char      *location)
{
  Canned *canned = g_new0 (Canned, 1);

  canned->status = status;
  canned->location = g_strdup (location);
  soup_server_add_handler (self->server, path, canned_handler, canned, (GDestroyNotify) canned_free);
}

/* @status with a small HTML body and, when given, a Retry-After */
void
certo_test_server_add_status (CertoTestServer *self,
                              const char      *path,
                              guint            status,
                              const char      *retry_after)
{
  Canned *canned = g_new0 (Canned, 1);

  canned->status = status;
  canned->retry_after = g_strdup (retry_after);
  soup_server_add_handler (self->server, path, canned_handler, canned, (GDestroyNotify) canned_free);
}

/* Documents: conditional GET, HEAD, byte ranges, a connection cut */

static void
on_cut_written (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GIOStream) io = user_data;

  g_output_stream_write_all_finish (G_OUTPUT_STREAM (source), result, NULL, NULL);
  g_io_stream_close (io, NULL, NULL);
}

/* Answers 200 with the full Content-Length, sends @after bytes of the body
 * and closes the connection */
static void
send_cut (CertoTestDocument *doc,
          SoupServerMessage *msg)
{
  GIOStream *io = soup_server_message_steal_connection (msg);
  GString *out = g_string_new (NULL);
  gsize length;
  const char *body = g_bytes_get_data (doc->body, &length);
  gsize size;
  char *data;

  g_string_append_printf (out, "HTTP/1.1 200 OK\r\nContent-Type: %s\r\nContent-Length: %" G_GSIZE_FORMAT "\r\n",
                          doc->content_type, length);
  if (doc->etag != NULL)
    g_string_append_printf (out, "ETag: %s\r\n", doc->etag);
  if (doc->last_modified != NULL)
    g_string_append_printf (out, "Last-Modified: %s\r\n", doc->last_modified);
  if (doc->ranges)
    g_string_append (out, "Accept-Ranges: bytes\r\n");
  g_string_append (out, "Connection: close\r\n\r\n");
  g_string_append_len (out, body, MIN (doc->cut_after, length));

  size = out->len;
  data = g_string_free (out, FALSE);
  g_object_set_data_full (G_OBJECT (io), "certo-test-data", data, g_free);
  g_output_stream_write_all_async (g_io_stream_get_output_stream (io), data, size,
                                   G_PRIORITY_DEFAULT, NULL, on_cut_written, io);
}

/* "bytes=N-" or "bytes=N-M" (one range is all a client of ours asks for) */
static gboolean
parse_range (const char *value,
             gsize       length,
             guint64    *out_start,
             guint64    *out_end)
{
  g_auto(GStrv) parts = NULL;
  guint64 start, end = length > 0 ? length - 1 : 0;

  if (value == NULL || !g_str_has_prefix (value, "bytes="))
    return FALSE;
  parts = g_strsplit (value + strlen ("bytes="), "-", 2);
  if (g_strv_length (parts) != 2 ||
      !g_ascii_string_to_unsigned (parts[0], 10, 0, G_MAXUINT64, &start, NULL))
    return FALSE;
  if (*parts[1] != '\0' &&
      !g_ascii_string_to_unsigned (parts[1], 10, 0, G_MAXUINT64, &end, NULL))
    return FALSE;
  if (length > 0 && end >= length)
    end = length - 1;

  *out_start = start;
  *out_end = end;
  return TRUE;
}

static void
copy_header (const char *name,
             const char *value,
             gpointer    user_data)
{
  soup_message_headers_append (user_data, name, value);
}

static void
document_handler (SoupServer        *server,
                  SoupServerMessage *msg,
                  const char        *path,
                  GHashTable        *query,
                  gpointer           user_data)
{
  CertoTestDocument *doc = user_data;
  const char *method = soup_server_message_get_method (msg);
  SoupMessageHeaders *request = soup_server_message_get_request_headers (msg);
  SoupMessageHeaders *response = soup_server_message_get_response_headers (msg);
  const char *if_none_match = soup_message_headers_get_one (request, "If-None-Match");
  const char *if_modified = soup_message_headers_get_one (request, "If-Modified-Since");
  const char *if_range = soup_message_headers_get_one (request, "If-Range");
  const char *range = soup_message_headers_get_one (request, "Range");
  gsize length;
  const char *body = g_bytes_get_data (doc->body, &length);
  guint64 start, end;
  gboolean is_head = strcmp (method, SOUP_METHOD_HEAD) == 0;

  doc->requests++;
  count_hit (doc->server, path);
  g_clear_pointer (&doc->last_request, soup_message_headers_unref);
  doc->last_request = soup_message_headers_new (SOUP_MESSAGE_HEADERS_REQUEST);
  soup_message_headers_foreach (request, copy_header, doc->last_request);

  if ((is_head && !doc->head) || (!is_head && strcmp (method, SOUP_METHOD_GET) != 0))
    {
      soup_server_message_set_status (msg, SOUP_STATUS_METHOD_NOT_ALLOWED, NULL);
      return;
    }

  if (doc->etag != NULL)
    soup_message_headers_replace (response, "ETag", doc->etag);
  if (doc->last_modified != NULL)
    soup_message_headers_replace (response, "Last-Modified", doc->last_modified);
  if (doc->disposition != NULL)
    soup_message_headers_replace (response, "Content-Disposition", doc->disposition);
  if (doc->ranges)
    soup_message_headers_replace (response, "Accept-Ranges", "bytes");

  /* RFC 9110 §13.2.2: If-None-Match first; If-Modified-Since only without it */
  if ((if_none_match != NULL && g_strcmp0 (if_none_match, doc->etag) == 0) ||
      (if_none_match == NULL && if_modified != NULL && g_strcmp0 (if_modified, doc->last_modified) == 0))
    {
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_MODIFIED, NULL);
      return;
    }

  if (!is_head && doc->cut_after > 0)
    {
      send_cut (doc, msg);
      doc->cut_after = 0;
      return;
    }

  if (!is_head && doc->ranges && range != NULL &&
      (if_range == NULL || g_strcmp0 (if_range, doc->etag) == 0 ||
       g_strcmp0 (if_range, doc->last_modified) == 0) &&
      parse_range (range, length, &start, &end))
    {
      if (start >= length)
        {
          g_autofree char *value = g_strdup_printf ("bytes */%" G_GSIZE_FORMAT, length);

          soup_message_headers_replace (response, "Content-Range", value);
          soup_server_message_set_status (msg, SOUP_STATUS_REQUESTED_RANGE_NOT_SATISFIABLE, NULL);
          return;
        }

      soup_message_headers_set_content_range (response, start, end, length);
      soup_server_message_set_status (msg, SOUP_STATUS_PARTIAL_CONTENT, NULL);
      soup_server_message_set_response (msg, doc->content_type, SOUP_MEMORY_COPY,
                                        body + start, end - start + 1);
      return;
    }

  /* Without ranges, Range is ignored (RFC 9110 §14.2). SoupServer would
   * answer it by itself from a complete 200 body: hide it. */
  soup_message_headers_remove (request, "Range");
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);

  if (doc->chunked && !is_head)
    {
      SoupMessageBody *out = soup_server_message_get_response_body (msg);

      soup_message_headers_set_content_type (response, doc->content_type, NULL);
      soup_message_headers_set_encoding (response, SOUP_ENCODING_CHUNKED);
      for (gsize at = 0; at < length; at += 1000)
        soup_message_body_append (out, SOUP_MEMORY_COPY, body + at, MIN (1000, length - at));
      soup_message_body_complete (out);
      return;
    }

  soup_server_message_set_response (msg, doc->content_type, SOUP_MEMORY_COPY, body, length);
}

static void
document_new_version (CertoTestDocument *doc)
{
  g_autofree char *sum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, doc->body);
  g_autoptr(GDateTime) base = g_date_time_new_utc (2024, 1, 1, 0, 0, 0);
  g_autoptr(GDateTime) date = g_date_time_add_hours (base, doc->generation++);

  g_free (doc->etag);
  doc->etag = g_strdup_printf ("\"%.16s\"", sum);
  g_free (doc->last_modified);
  doc->last_modified = soup_date_time_to_string (date, SOUP_DATE_HTTP);
}

/* A resource with an ETag and a Last-Modified (both change with its body),
 * HEAD and byte ranges on */
CertoTestDocument *
certo_test_server_add_document (CertoTestServer *self,
                                const char      *path,
                                const char      *content_type,
                                GBytes          *body)
{
  CertoTestDocument *doc = g_new0 (CertoTestDocument, 1);

  doc->server = self;
  doc->content_type = g_strdup (content_type);
  doc->body = g_bytes_ref (body);
  doc->ranges = TRUE;
  doc->head = TRUE;
  document_new_version (doc);
  g_ptr_array_add (self->documents, doc);
  soup_server_add_handler (self->server, path, document_handler, doc, NULL);

  return doc;
}

void
certo_test_document_set_body (CertoTestDocument *doc,
                              GBytes            *body)
{
  g_bytes_unref (doc->body);
  doc->body = g_bytes_ref (body);
  document_new_version (doc);
}

void
certo_test_document_set_etag (CertoTestDocument *doc,
                              const char        *etag)
{
  g_free (doc->etag);
  doc->etag = g_strdup (etag);
}

void
certo_test_document_set_last_modified (CertoTestDocument *doc,
                                       const char        *last_modified)
{
  g_free (doc->last_modified);
  doc->last_modified = g_strdup (last_modified);
}

void
certo_test_document_set_ranges (CertoTestDocument *doc,
                                gboolean           ranges)
{
  doc->ranges = ranges;
}

void
certo_test_document_set_head (CertoTestDocument *doc,
                              gboolean           allowed)
{
  doc->head = allowed;
}

void
certo_test_document_set_chunked (CertoTestDocument *doc,
                                 gboolean           chunked)
{
  doc->chunked = chunked;
}

/* The Content-Disposition header's value, as sent */
void
certo_test_document_set_disposition (CertoTestDocument *doc,
                                     const char        *value)
{
  g_free (doc->disposition);
  doc->disposition = g_strdup (value);
}

/* The next GET is answered with the full Content-Length but only @after
 * bytes, then the connection closes */
void
certo_test_document_cut_next (CertoTestDocument *doc,
                              gsize              after)
{
  doc->cut_after = after;
}

guint
certo_test_document_get_requests (CertoTestDocument *doc)
{
  return doc->requests;
}

const char *
certo_test_document_get_request_header (CertoTestDocument *doc,
                                        const char        *name)
{
  if (doc->last_request == NULL)
    return NULL;
  return soup_message_headers_get_one (doc->last_request, name);
}

const char *
certo_test_document_get_etag (CertoTestDocument *doc)
{
  return doc->etag;
}

const char *
certo_test_document_get_last_modified (CertoTestDocument *doc)
{
  return doc->last_modified;
}

/* Raw sockets: servers that misbehave below HTTP */

static void raw_read_request (RawClient *client);

static void
raw_client_free (RawClient *client)
{
  g_clear_object (&client->connection);
  g_string_free (client->request, TRUE);
  g_free (client);
}

static void
on_raw_written (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  RawClient *client = user_data;

  g_output_stream_write_all_finish (G_OUTPUT_STREAM (source), result, NULL, NULL);
  if (client->raw->hold)
    g_ptr_array_add (client->raw->held, g_object_ref (client->connection));
  else
    g_io_stream_close (G_IO_STREAM (client->connection), NULL, NULL);
  raw_client_free (client);
}

static void
on_raw_read (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  RawClient *client = user_data;
  gssize n = g_input_stream_read_finish (G_INPUT_STREAM (source), result, NULL);
  GOutputStream *out;
  gsize length;
  const void *data;

  if (n <= 0)
    {
      raw_client_free (client);
      return;
    }

  g_string_append_len (client->request, (const char *) client->buffer, n);
  if (strstr (client->request->str, "\r\n\r\n") == NULL)
    {
      raw_read_request (client);
      return;
    }

  if (client->raw->response == NULL)
    {
      /* Accepted, never answered */
      g_ptr_array_add (client->raw->held, g_object_ref (client->connection));
      raw_client_free (client);
      return;
    }

  out = g_io_stream_get_output_stream (G_IO_STREAM (client->connection));
  data = g_bytes_get_data (client->raw->response, &length);
  g_output_stream_write_all_async (out, data, length, G_PRIORITY_DEFAULT, NULL,
                                   on_raw_written, client);
}

static void
raw_read_request (RawClient *client)
{
  GInputStream *in = g_io_stream_get_input_stream (G_IO_STREAM (client->connection));

  g_input_stream_read_async (in, client->buffer, sizeof client->buffer, G_PRIORITY_DEFAULT,
                             NULL, on_raw_read, client);
}

static gboolean
on_raw_incoming (GSocketService    *service,
                 GSocketConnection *connection,
                 GObject           *source,
                 gpointer           user_data)
{
  RawClient *client = g_new0 (RawClient, 1);

  client->raw = user_data;
  client->connection = g_object_ref (connection);
  client->request = g_string_new (NULL);
  raw_read_request (client);
  return TRUE;
}

/* A listener on its own port that reads a request, writes @response
 * (NULL: nothing) and then closes, or with @hold keeps the connection
 * open until the server is freed. Returns its http URL. */
char *
certo_test_server_add_raw (CertoTestServer *self,
                           const char      *response,
                           gssize           length,
                           gboolean         hold)
{
  RawServer *raw = g_new0 (RawServer, 1);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) effective = NULL;
  g_autoptr(GError) error = NULL;

  raw->service = g_socket_service_new ();
  raw->hold = hold;
  raw->held = g_ptr_array_new_with_free_func (g_object_unref);
  if (response != NULL)
    raw->response = g_bytes_new (response, length < 0 ? strlen (response) : (gsize) length);

  g_socket_listener_add_address (G_SOCKET_LISTENER (raw->service), address,
                                 G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP,
                                 NULL, &effective, &error);
  g_assert_no_error (error);
  g_signal_connect (raw->service, "incoming", G_CALLBACK (on_raw_incoming), raw);
  g_socket_service_start (raw->service);
  g_ptr_array_add (self->raw_services, raw);

  return g_strdup_printf ("http://127.0.0.1:%u/",
                          g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (effective)));
}
