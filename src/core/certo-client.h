/* certo-client.h — the HTTP(S) client: one libsoup session, conditional
 * GET, redirects that never rewrite a stored URL by accident, caps on size
 * and time, document probes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CERTO_CLIENT_ERROR (certo_client_error_quark ())

/**
 * CertoClientError:
 * @CERTO_CLIENT_ERROR_FAILED: anything not listed below (the message says what)
 * @CERTO_CLIENT_ERROR_INVALID_URL: not an http or https address, or no host
 * @CERTO_CLIENT_ERROR_OFFLINE: the network monitor says this computer is
 *   offline; a normal state: show the data last fetched
 * @CERTO_CLIENT_ERROR_DNS: the host name was not found
 * @CERTO_CLIENT_ERROR_CONNECT: the server refused the connection, could not be
 *   reached, or closed it before answering
 * @CERTO_CLIENT_ERROR_TLS: the server's certificate is not trusted; Certo
 *   never connects anyway (there is no bypass)
 * @CERTO_CLIENT_ERROR_TIMEOUT: no answer within #CertoClient:connect-timeout,
 *   or no data for #CertoClient:idle-timeout while reading
 * @CERTO_CLIENT_ERROR_HTTP_NOT_FOUND: HTTP 404 or 410: the provider removed it
 * @CERTO_CLIENT_ERROR_HTTP_RATE_LIMITED: HTTP 429; see
 *   certo_client_error_get_retry_after()
 * @CERTO_CLIENT_ERROR_HTTP_SERVER: HTTP 5xx; may carry a Retry-After too
 * @CERTO_CLIENT_ERROR_HTTP_OTHER: any other HTTP status Certo cannot use
 *   (403, 400, 300, …), or an answer libsoup could not parse
 * @CERTO_CLIENT_ERROR_TOO_LARGE: the body is over #CertoClient:max-body-size
 *   (found from Content-Length before reading, or while reading)
 * @CERTO_CLIENT_ERROR_TRUNCATED: the connection broke before the whole body
 *   arrived (shorter than its Content-Length, or cut mid-chunk)
 * @CERTO_CLIENT_ERROR_REDIRECT_LOOP: more than %CERTO_CLIENT_MAX_REDIRECTS
 *   redirects
 * @CERTO_CLIENT_ERROR_SIGN_IN_REQUIRED: an HTML page, HTTP 401, or a
 *   redirect to a sign-in page where a document or source was expected
 * @CERTO_CLIENT_ERROR_INSECURE_REDIRECT: an https address redirected to http
 * @CERTO_CLIENT_ERROR_UNEXPECTED_TYPE: a download is of another type than the
 *   one expected (a ZIP archive where a PDF was expected)
 * @CERTO_CLIENT_ERROR_WRITE: a download could not be written to its folder
 *   (disk full, no permission)
 *
 * Every failure of a #CertoClient operation, mapped from libsoup, GIO and
 * HTTP at the boundary. Cancellation is reported as %G_IO_ERROR_CANCELLED,
 * not in this domain. Messages are translated, one line, name the host and
 * say what the user can do.
 */
typedef enum
{
  CERTO_CLIENT_ERROR_FAILED,
  CERTO_CLIENT_ERROR_INVALID_URL,
  CERTO_CLIENT_ERROR_OFFLINE,
  CERTO_CLIENT_ERROR_DNS,
  CERTO_CLIENT_ERROR_CONNECT,
  CERTO_CLIENT_ERROR_TLS,
  CERTO_CLIENT_ERROR_TIMEOUT,
  CERTO_CLIENT_ERROR_HTTP_NOT_FOUND,
  CERTO_CLIENT_ERROR_HTTP_RATE_LIMITED,
  CERTO_CLIENT_ERROR_HTTP_SERVER,
  CERTO_CLIENT_ERROR_HTTP_OTHER,
  CERTO_CLIENT_ERROR_TOO_LARGE,
  CERTO_CLIENT_ERROR_TRUNCATED,
  CERTO_CLIENT_ERROR_REDIRECT_LOOP,
  CERTO_CLIENT_ERROR_SIGN_IN_REQUIRED,
  CERTO_CLIENT_ERROR_INSECURE_REDIRECT,
  CERTO_CLIENT_ERROR_UNEXPECTED_TYPE,
  CERTO_CLIENT_ERROR_WRITE,
} CertoClientError;

/**
 * CERTO_CLIENT_DEFAULT_MAX_BODY_SIZE:
 *
 * 64 MiB, the default of #CertoClient:max-body-size (the same as the
 * parsers' default cap).
 */
#define CERTO_CLIENT_DEFAULT_MAX_BODY_SIZE ((guint64) 64 * 1024 * 1024)

/**
 * CERTO_CLIENT_MAX_REDIRECTS:
 *
 * Redirects followed for one request before failing with
 * %CERTO_CLIENT_ERROR_REDIRECT_LOOP (RFC 9110 §15.4 suggests detecting
 * cycles; browsers stop at about 20, a feed needs one or two).
 */
#define CERTO_CLIENT_MAX_REDIRECTS 10

/**
 * CertoClientProgress:
 * @received: bytes of the body so far (for a resumed download, counting the
 *   bytes already on disk)
 * @total: the body's full size in bytes, or -1 when the server did not say
 * @user_data: the user data passed to the operation
 *
 * Called on the thread-default main context of the call, zero or more times
 * with @received growing, and never after the operation's
 * #GAsyncReadyCallback. When the size is known the last call has
 * @received == @total.
 */
typedef void (*CertoClientProgress) (guint64  received,
                                     gint64   total,
                                     gpointer user_data);

/**
 * CertoFetchResult:
 * @status: the final HTTP status: 200 (or another 2xx), or 304
 * @not_modified: %TRUE on 304: the validators sent still hold; nothing
 *   changed except the source's "last checked" time
 * @body: (nullable): the whole body (decoded if the server compressed it);
 *   %NULL when @not_modified
 * @url: the address asked for
 * @final_url: the address that answered, after redirects
 * @permanent_url: (nullable): @final_url when every hop of the redirect chain
 *   was 301 or 308 (RFC 9110 §15.4.2, §15.4.9) and none went from https to
 *   http; %NULL when there was no redirect or any hop was 302, 303 or 307.
 *   Only this value may replace a stored URL.
 * @etag: (nullable): the ETag to send next time (from the answer, or on 304
 *   without one, the ETag that was sent)
 * @last_modified: (nullable): the Last-Modified value to send next time, as
 *   the server wrote it (same rule as @etag)
 * @content_type: (nullable): the media type without parameters ("application/json")
 * @retry_after: seconds the server asked to wait (Retry-After, RFC 9110
 *   §10.2.3), or -1
 *
 * What certo_client_fetch_finish() returns. Free with certo_fetch_result_free().
 */
typedef struct
{
  guint     status;
  gboolean  not_modified;
  GBytes   *body;
  char     *url;
  char     *final_url;
  char     *permanent_url;
  char     *etag;
  char     *last_modified;
  char     *content_type;
  gint64    retry_after;
} CertoFetchResult;

/**
 * CertoProbeResult:
 * @status: the final HTTP status of the HEAD (or ranged GET)
 * @used_range: %TRUE when the server refused HEAD (405, 501) and a GET of
 *   `Range: bytes=0-0` answered instead
 * @final_url: the address that answered, after redirects
 * @permanent_url: (nullable): as #CertoFetchResult.permanent_url
 * @content_type: (nullable): the media type without parameters
 * @size: the document's size in bytes (Content-Length, or the total of
 *   Content-Range on a 206), or -1 when unknown
 * @etag: (nullable): the ETag
 * @last_modified: (nullable): the Last-Modified value as written by the server
 *
 * What certo_client_probe_finish() returns: enough to tell whether the
 * document behind a link changed (see certo_probe_result_changed()).
 * Free with certo_probe_result_free().
 */
typedef struct
{
  guint     status;
  gboolean  used_range;
  char     *final_url;
  char     *permanent_url;
  char     *content_type;
  gint64    size;
  char     *etag;
  char     *last_modified;
} CertoProbeResult;

#define CERTO_TYPE_FETCH_RESULT (certo_fetch_result_get_type ())
#define CERTO_TYPE_PROBE_RESULT (certo_probe_result_get_type ())
#define CERTO_TYPE_CLIENT (certo_client_get_type ())

/**
 * CertoClient:
 *
 * Certo's only way onto the network: one #SoupSession with a user agent
 * of "Certo/VERSION", connect and idle timeouts, a cap on every body, the
 * system's (or a given) TLS database with no way to bypass it, and a
 * #GNetworkMonitor. It fetches sources into memory
 * (certo_client_fetch_async()), probes documents
 * (certo_client_probe_async()) and saves them
 * (certo_client_download_async() in certo-download.h). Every operation is
 * asynchronous, runs on the caller's thread-default main context and can
 * be cancelled. No SQLite, no UI: callers store what it returns.
 */

G_DECLARE_FINAL_TYPE (CertoClient, certo_client, CERTO, CLIENT, GObject)

GQuark            certo_client_error_quark            (void);
gint64            certo_client_error_get_retry_after  (const GError *error);
guint             certo_client_error_get_http_status  (const GError *error);

GType             certo_fetch_result_get_type         (void) G_GNUC_CONST;
CertoFetchResult *certo_fetch_result_copy             (const CertoFetchResult *result);
void              certo_fetch_result_free             (CertoFetchResult       *result);

GType             certo_probe_result_get_type         (void) G_GNUC_CONST;
CertoProbeResult *certo_probe_result_copy             (const CertoProbeResult *result);
void              certo_probe_result_free             (CertoProbeResult       *result);
gboolean          certo_probe_result_changed          (const CertoProbeResult *result,
                                                       const char             *etag,
                                                       const char             *last_modified,
                                                       gint64                  size);

CertoClient      *certo_client_new                    (void);
CertoClient      *certo_client_new_full               (GProxyResolver   *proxy_resolver,
                                                       GTlsDatabase     *tls_database,
                                                       GNetworkMonitor  *network_monitor);

guint64           certo_client_get_max_body_size      (CertoClient      *self);
void              certo_client_set_max_body_size      (CertoClient      *self,
                                                       guint64           max_body_size);
guint             certo_client_get_connect_timeout    (CertoClient      *self);
void              certo_client_set_connect_timeout    (CertoClient      *self,
                                                       guint             seconds);
guint             certo_client_get_idle_timeout       (CertoClient      *self);
void              certo_client_set_idle_timeout       (CertoClient      *self,
                                                       guint             seconds);
gboolean          certo_client_get_resume_downloads   (CertoClient      *self);
void              certo_client_set_resume_downloads   (CertoClient      *self,
                                                       gboolean          resume);
const char       *certo_client_get_user_agent         (CertoClient      *self);
gboolean          certo_client_get_online             (CertoClient      *self);

void              certo_client_fetch_async            (CertoClient          *self,
                                                       const char           *url,
                                                       const char           *etag,
                                                       const char           *last_modified,
                                                       GCancellable         *cancellable,
                                                       CertoClientProgress   progress,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
CertoFetchResult *certo_client_fetch_finish           (CertoClient          *self,
                                                       GAsyncResult         *result,
                                                       GError              **error);

void              certo_client_probe_async            (CertoClient          *self,
                                                       const char           *url,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
CertoProbeResult *certo_client_probe_finish           (CertoClient          *self,
                                                       GAsyncResult         *result,
                                                       GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CertoFetchResult, certo_fetch_result_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CertoProbeResult, certo_probe_result_free)

G_END_DECLS
