/* certo-client-request.c — CertoClient's request engine: redirects
 * followed by hand, errors mapped at the boundary, answers' headers read
 *
 * Redirects are followed here, not by libsoup (every message has
 * SOUP_MESSAGE_NO_REDIRECT): that is the only way to see the status of
 * every hop, to refuse an https→http hop before anything is sent over
 * plain http, and to stop at a sign-in page without loading it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "certo-client-private.h"
#include "certo-util-private.h"

typedef struct
{
  guint  http_status;
  gint64 retry_after;
} CertoClientErrorPrivate;

/* One request and its redirects */
typedef struct
{
  char               *method;
  GUri               *uri;
  char               *url;
  SoupMessageHeaders *request_headers;
  CertoRequestKind    kind;
  gboolean            decode;
  guint               hops;
  gboolean            all_permanent;
  SoupMessage        *message;
  GCancellable       *cancellable;
  GCancellable       *user_cancellable;
  gulong              cancelled_id;
  GSource            *timer;
  gboolean            timed_out;
} SendData;

/* RFC 6585 §4; libsoup 3.2 has no name for it */
#define STATUS_TOO_MANY_REQUESTS 429
/* A Retry-After further away than a week is treated as a week */
#define MAX_RETRY_AFTER ((gint64) 7 * 24 * 3600)

/* The extended error domain: an error carries the HTTP status and the
 * Retry-After of the answer that caused it */

static void
certo_client_error_private_init (CertoClientErrorPrivate *priv)
{
  priv->http_status = 0;
  priv->retry_after = -1;
}

static void
certo_client_error_private_copy (const CertoClientErrorPrivate *src,
                                 CertoClientErrorPrivate       *dest)
{
  *dest = *src;
}

static void
certo_client_error_private_clear (CertoClientErrorPrivate *priv)
{
}

G_DEFINE_EXTENDED_ERROR (CertoClientError, certo_client_error)

/* Helpers */

static void
send_data_free (SendData *data)
{
  if (data->timer != NULL)
    {
      g_source_destroy (data->timer);
      g_source_unref (data->timer);
    }
  if (data->user_cancellable != NULL)
    g_cancellable_disconnect (data->user_cancellable, data->cancelled_id);
  g_clear_object (&data->user_cancellable);
  g_clear_object (&data->cancellable);
  g_clear_object (&data->message);
  g_clear_pointer (&data->request_headers, soup_message_headers_unref);
  g_clear_pointer (&data->uri, g_uri_unref);
  g_free (data->url);
  g_free (data->method);
  g_free (data);
}

static gboolean
is_loopback_host (const char *host)
{
  g_autoptr(GInetAddress) address = NULL;

  if (host == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (host, "localhost") == 0 ||
      g_str_has_suffix (host, ".localhost"))
    return TRUE;

  address = g_inet_address_new_from_string (host);
  return address != NULL && g_inet_address_get_is_loopback (address);
}

static gboolean
is_redirect (guint status)
{
  return status == SOUP_STATUS_MOVED_PERMANENTLY ||
         status == SOUP_STATUS_FOUND ||
         status == SOUP_STATUS_SEE_OTHER ||
         status == SOUP_STATUS_TEMPORARY_REDIRECT ||
         status == SOUP_STATUS_PERMANENT_REDIRECT;
}

/* A redirect to a sign-in page: the document is behind a login. The
 * identity providers Microsoft's documents use, hosts named for signing
 * in, and paths with a segment that is a sign-in word ("/login",
 * "/Account/SignIn?…", "/signin-oidc", "/login.aspx"), but not a word that
 * merely starts like one ("/code-signing.pdf", "/logins-report.pdf"). */
static gboolean
is_sign_in_uri (GUri *uri)
{
  static const char * const hosts[] = {
    "login.microsoftonline.com", "login.microsoft.com", "login.live.com",
    "login.windows.net", "accounts.google.com", NULL
  };
  static const char * const words[] = {
    "login", "signin", "sign-in", "logon", "saml2", "sso", NULL
  };
  const char *host = g_uri_get_host (uri);
  g_autofree char *path = NULL;
  g_auto(GStrv) segments = NULL;

  if (host != NULL &&
      (g_strv_contains (hosts, host) ||
       g_str_has_prefix (host, "login.") ||
       g_str_has_prefix (host, "signin.")))
    return TRUE;

  path = g_ascii_strdown (g_uri_get_path (uri), -1);
  if (strstr (path, "/oauth2/") != NULL)
    return TRUE;

  segments = g_strsplit (path, "/", -1);
  for (guint i = 0; segments[i] != NULL; i++)
    for (guint w = 0; words[w] != NULL; w++)
      {
        gsize n = strlen (words[w]);

        if (strncmp (segments[i], words[w], n) == 0 &&
            !g_ascii_isalnum (segments[i][n]))
          return TRUE;
      }

  return FALSE;
}

/* "5 minutes", "2 hours": how long a server asked to wait */
static char *
format_wait (gint64 seconds)
{
  guint n;

  if (seconds < 60)
    {
      n = (guint) MAX (seconds, 1);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u second", "%u seconds", n), n);
    }
  if (seconds < 3600)
    {
      n = (guint) ((seconds + 59) / 60);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u minute", "%u minutes", n), n);
    }
  if (seconds < 2 * 86400)
    {
      n = (guint) ((seconds + 3599) / 3600);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u hour", "%u hours", n), n);
    }
  n = (guint) ((seconds + 86399) / 86400);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u day", "%u days", n), n);
}

static const char *
describe_tls_flags (GTlsCertificateFlags flags)
{
  if (flags & G_TLS_CERTIFICATE_UNKNOWN_CA)
    return _("it is not signed by an authority this computer trusts");
  if (flags & G_TLS_CERTIFICATE_BAD_IDENTITY)
    return _("it belongs to another site");
  if (flags & G_TLS_CERTIFICATE_EXPIRED)
    return _("it has expired");
  if (flags & G_TLS_CERTIFICATE_NOT_ACTIVATED)
    return _("it is not valid yet");
  if (flags & G_TLS_CERTIFICATE_REVOKED)
    return _("it was revoked");
  if (flags & G_TLS_CERTIFICATE_INSECURE)
    return _("it uses insecure cryptography");
  return _("it could not be verified");
}

/* Sets an error of this domain with the HTTP status and Retry-After of the
 * answer that caused it */
G_GNUC_PRINTF (5, 6)
static void
set_error_full (GError         **error,
                CertoClientError code,
                guint            http_status,
                gint64           retry_after,
                const char      *format,
                ...)
{
  CertoClientErrorPrivate *priv;
  GError *new_error;
  va_list args;

  va_start (args, format);
  new_error = g_error_new_valist (CERTO_CLIENT_ERROR, code, format, args);
  va_end (args);

  priv = certo_client_error_get_private (new_error);
  priv->http_status = http_status;
  priv->retry_after = retry_after;
  g_propagate_error (error, new_error);
}

/* Maps what went wrong before an answer arrived */
static void
set_transport_error (CertoClient *self,
                     SendData    *data,
                     GError      *io_error,
                     GError     **error)
{
  const char *host = g_uri_get_host (data->uri);

  if (data->timed_out ||
      g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    {
      /* Ours, or libsoup's when the socket fell silent first */
      guint seconds = data->timed_out ? certo_client_get_connect_timeout (self) : certo_client_get_idle_timeout (self);

      g_set_error (error, CERTO_CLIENT_ERROR, CERTO_CLIENT_ERROR_TIMEOUT,
                   /* Translators: %s is a host name ("learn.microsoft.com"), %u seconds */
                   g_dngettext (GETTEXT_PACKAGE,
                                "%s did not answer within %u second; try again later",
                                "%s did not answer within %u seconds; try again later",
                                seconds),
                   host, seconds);
    }
  else if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, g_error_copy (io_error));
    }
  else if (!certo_client_get_online (self) && !is_loopback_host (host))
    {
      g_set_error (error, CERTO_CLIENT_ERROR, CERTO_CLIENT_ERROR_OFFLINE,
                   /* Translators: %s is a host name */
                   _("This computer is offline, so Certo cannot reach %s; connect to a network and try again"),
                   host);
    }
  else if (io_error->domain == G_RESOLVER_ERROR)
    {
      g_set_error (error, CERTO_CLIENT_ERROR, CERTO_CLIENT_ERROR_DNS,
                   _("Certo could not find the server %s; check the address and your network connection"),
                   host);
    }
  else if (io_error->domain == G_TLS_ERROR)
    {
      GTlsCertificateFlags flags = 0;

      if (data->message != NULL)
        flags = soup_message_get_tls_peer_certificate_errors (data->message);
      if (g_error_matches (io_error, G_TLS_ERROR, G_TLS_ERROR_BAD_CERTIFICATE) || flags != 0)
        g_set_error (error, CERTO_CLIENT_ERROR, CERTO_CLIENT_ERROR_TLS,
                     /* Translators: the first %s is a host name, the second a reason ("it has expired") */
                     _("The security certificate of %s is not trusted (%s), so Certo will not connect; check the address, or tell the provider"),
                     host, describe_tls_flags (flags));
      else
        g_set_error (error, CERTO_CLIENT_ERROR, CERTO_CLIENT_ERROR_TLS,
                     _("Certo could not set up a secure connection to %s (%s), so it will not connect; try again later or tell the provider"),
                     host, io_error->message);
    }
  else if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED))
    {
      g_set_error (error, CERTO_CLIENT_ERROR, CERTO_CLIENT_ERROR_CONNECT,
                   _("%s refused the connection; the server may be down, try again later"),
                   host);
    }
  else if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_HOST_UNREACHABLE) ||
           g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_NETWORK_UNREACHABLE))
    {
      g_set_error (error, CERTO_CLIENT_ERROR, CERTO_CLIENT_ERROR_CONNECT,
                   _("Certo cannot reach %s from this network; check your connection and try again"),
                   host);
    }
  else if (io_error->domain == G_IO_ERROR)
    {
      g_set_error (error, CERTO_CLIENT_ERROR, CERTO_CLIENT_ERROR_CONNECT,
                   /* Translators: the first %s is a host name, the second the system's message */
                   _("The connection to %s failed before it answered (%s); try again later"),
                   host, io_error->message);
    }
  else
    {
      g_set_error (error, CERTO_CLIENT_ERROR, CERTO_CLIENT_ERROR_HTTP_OTHER,
                   _("%s sent an answer Certo cannot read (%s); try again later or tell the provider"),
                   host, io_error->message);
    }
}

static void send_hop (GTask *task);

/* Signal callbacks */

static gboolean
on_connect_timeout (gpointer user_data)
{
  SendData *data = user_data;

  data->timed_out = TRUE;
  g_cancellable_cancel (data->cancellable);
  g_clear_pointer (&data->timer, g_source_unref);
  return G_SOURCE_REMOVE;
}

static void
on_user_cancelled (GCancellable *user_cancellable,
                   GCancellable *cancellable)
{
  g_cancellable_cancel (cancellable);
}

static void
copy_header (const char *name,
             const char *value,
             gpointer    user_data)
{
  soup_message_headers_append (user_data, name, value);
}

static void
on_sent (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CertoClient *self = g_task_get_source_object (task);
  SendData *data = g_task_get_task_data (task);
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GUri) next = NULL;
  CertoResponse *response;
  const char *location;
  guint status;

  stream = soup_session_send_finish (SOUP_SESSION (source), result, &local_error);

  if (data->timer != NULL)
    {
      g_source_destroy (data->timer);
      g_clear_pointer (&data->timer, g_source_unref);
    }

  if (stream == NULL)
    {
      set_transport_error (self, data, local_error, &error);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  status = soup_message_get_status (data->message);

  if (!is_redirect (status))
    {
      response = g_new0 (CertoResponse, 1);
      response->message = g_object_ref (data->message);
      response->stream = g_steal_pointer (&stream);
      response->uri = g_uri_ref (data->uri);
      response->url = g_strdup (data->url);
      response->final_url = g_uri_to_string (data->uri);
      if (data->hops > 0 && data->all_permanent)
        response->permanent_url = g_strdup (response->final_url);
      g_task_return_pointer (task, response, (GDestroyNotify) certo_response_free);
      return;
    }

  /* A redirect: its body is of no use */
  g_input_stream_close_async (stream, G_PRIORITY_DEFAULT, NULL, NULL, NULL);

  location = soup_message_headers_get_one (soup_message_get_response_headers (data->message),
                                           "Location");
  if (location != NULL)
    next = g_uri_parse_relative (data->uri, location, SOUP_HTTP_URI_FLAGS, NULL);

  if (next == NULL ||
      (g_strcmp0 (g_uri_get_scheme (next), "http") != 0 &&
       g_strcmp0 (g_uri_get_scheme (next), "https") != 0) ||
      g_uri_get_host (next) == NULL || *g_uri_get_host (next) == '\0')
    {
      set_error_full (&error, CERTO_CLIENT_ERROR_HTTP_OTHER, status, -1,
                      /* Translators: %s is a host name, %u an HTTP status */
                      _("%s redirects to an address Certo cannot open (HTTP %u); tell the provider"),
                      g_uri_get_host (data->uri), status);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (g_strcmp0 (g_uri_get_scheme (data->uri), "https") == 0 &&
      g_strcmp0 (g_uri_get_scheme (next), "http") == 0)
    {
      set_error_full (&error, CERTO_CLIENT_ERROR_INSECURE_REDIRECT, status, -1,
                      _("%s redirects a secure (https) address to an insecure (http) one; Certo will not follow it, ask the provider for a secure link"),
                      g_uri_get_host (data->uri));
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (++data->hops > CERTO_CLIENT_MAX_REDIRECTS)
    {
      set_error_full (&error, CERTO_CLIENT_ERROR_REDIRECT_LOOP, status, -1,
                      /* Translators: %s is a host name, %u a count (10) */
                      _("%s redirects more than %u times; the address is probably wrong, check it with the provider"),
                      g_uri_get_host (data->uri), CERTO_CLIENT_MAX_REDIRECTS);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (is_sign_in_uri (next))
    {
      certo_client_set_sign_in (g_uri_get_host (data->uri), data->kind, &error);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* RFC 9110 §15.4.4: a 303 is answered with a GET (a HEAD stays a HEAD) */
  if (status == SOUP_STATUS_SEE_OTHER && g_strcmp0 (data->method, SOUP_METHOD_HEAD) != 0)
    {
      g_free (data->method);
      data->method = g_strdup (SOUP_METHOD_GET);
    }

  if (status != SOUP_STATUS_MOVED_PERMANENTLY && status != SOUP_STATUS_PERMANENT_REDIRECT)
    data->all_permanent = FALSE;

  g_uri_unref (data->uri);
  data->uri = g_steal_pointer (&next);
  send_hop (g_steal_pointer (&task));
}

static void
send_hop (GTask *task)
{
  CertoClient *self = g_task_get_source_object (task);
  SendData *data = g_task_get_task_data (task);

  g_clear_object (&data->message);
  data->message = soup_message_new_from_uri (data->method, data->uri);
  soup_message_add_flags (data->message, SOUP_MESSAGE_NO_REDIRECT);
  if (!data->decode)
    soup_message_disable_feature (data->message, SOUP_TYPE_CONTENT_DECODER);
  if (data->request_headers != NULL)
    soup_message_headers_foreach (data->request_headers, copy_header,
                                  soup_message_get_request_headers (data->message));

  /* libsoup's own timeout (the session's "timeout") only notices a silent
   * socket; this one bounds connecting, the TLS handshake and waiting for
   * the status line together */
  data->timer = g_timeout_source_new_seconds (certo_client_get_connect_timeout (self));
  g_source_set_callback (data->timer, on_connect_timeout, data, NULL);
  g_source_set_static_name (data->timer, "[certo] connect timeout");
  g_source_attach (data->timer, g_main_context_get_thread_default ());

  soup_session_send_async (certo_client_get_session (self), data->message, G_PRIORITY_DEFAULT,
                           data->cancellable, on_sent, task);
}

/* The engine (certo-client-private.h) */

void
certo_response_free (CertoResponse *response)
{
  g_clear_object (&response->message);
  g_clear_object (&response->stream);
  g_clear_pointer (&response->uri, g_uri_unref);
  g_free (response->url);
  g_free (response->final_url);
  g_free (response->permanent_url);
  g_free (response);
}

const char *
certo_response_get_host (CertoResponse *response)
{
  return g_uri_get_host (response->uri);
}

char *
certo_response_dup_header (CertoResponse *response,
                           const char    *name)
{
  return certo_dup_nonempty (soup_message_headers_get_one (soup_message_get_response_headers (response->message),
                                                     name));
}

/* The media type without parameters, lower-case, or NULL */
char *
certo_response_dup_content_type (CertoResponse *response)
{
  const char *type;

  type = soup_message_headers_get_content_type (soup_message_get_response_headers (response->message),
                                                NULL);
  if (type == NULL || *type == '\0')
    return NULL;
  return g_ascii_strdown (type, -1);
}

/* The Content-Length header as sent, or -1. Read from the header itself,
 * the same way for a HEAD (no body follows) as for a GET. */
gint64
certo_response_get_content_length (CertoResponse *response)
{
  g_autofree char *value = NULL;
  guint64 length;

  value = certo_response_dup_header (response, "Content-Length");
  if (value == NULL ||
      !g_ascii_string_to_unsigned (g_strstrip (value), 10, 0, G_MAXINT64, &length, NULL))
    return -1;
  return (gint64) length;
}

gboolean
certo_response_is_encoded (CertoResponse *response)
{
  const char *encoding;

  encoding = soup_message_headers_get_one (soup_message_get_response_headers (response->message),
                                           "Content-Encoding");
  return encoding != NULL && g_ascii_strcasecmp (encoding, "identity") != 0;
}

/* Retry-After (RFC 9110 §10.2.3): delay-seconds or an HTTP date; seconds
 * from now, at most a week, or -1 */
gint64
certo_response_get_retry_after (CertoResponse *response)
{
  const char *value;
  guint64 seconds;
  g_autoptr(GDateTime) date = NULL;
  g_autoptr(GDateTime) now = NULL;

  value = soup_message_headers_get_one (soup_message_get_response_headers (response->message),
                                        "Retry-After");
  if (value == NULL)
    return -1;

  if (g_ascii_string_to_unsigned (value, 10, 0, G_MAXUINT64, &seconds, NULL))
    return (gint64) MIN (seconds, (guint64) MAX_RETRY_AFTER);

  date = soup_date_time_new_from_http_string (value);
  if (date == NULL)
    return -1;
  now = g_date_time_new_now_utc ();
  return CLAMP ((g_date_time_difference (date, now) + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC,
                0, MAX_RETRY_AFTER);
}

/* Closes the body stream without waiting; libsoup drops the connection
 * when the body was not read to its end */
void
certo_response_close (CertoResponse *response)
{
  if (response->stream != NULL && !g_input_stream_is_closed (response->stream))
    g_input_stream_close_async (response->stream, G_PRIORITY_DEFAULT, NULL, NULL, NULL);
}

/* An http or https URL with a host, or NULL and %CERTO_CLIENT_ERROR_INVALID_URL */
GUri *
certo_client_parse_url (const char  *url,
                        GError     **error)
{
  g_autoptr(GUri) uri = NULL;

  if (url != NULL)
    uri = g_uri_parse (url, SOUP_HTTP_URI_FLAGS, NULL);

  if (uri == NULL ||
      (g_strcmp0 (g_uri_get_scheme (uri), "http") != 0 &&
       g_strcmp0 (g_uri_get_scheme (uri), "https") != 0) ||
      g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
    {
      g_set_error (error, CERTO_CLIENT_ERROR, CERTO_CLIENT_ERROR_INVALID_URL,
                   /* Translators: %s is what the user or a feed gave as an address */
                   _("“%s” is not a web address Certo can open; only http and https addresses work"),
                   url != NULL ? url : "");
      return NULL;
    }

  return g_steal_pointer (&uri);
}

/* Sends @method to @url and follows redirects (at most
 * CERTO_CLIENT_MAX_REDIRECTS); @request_headers are sent on every hop.
 * Completes with the first answer that is not a redirect, whatever its
 * status, or with an error of CERTO_CLIENT_ERROR. @decode: let libsoup
 * decompress the body (not for downloads and probes, whose sizes and
 * ranges count the bytes as stored). */
void
certo_client_send_async (CertoClient        *self,
                         const char         *method,
                         const char         *url,
                         SoupMessageHeaders *request_headers,
                         CertoRequestKind    kind,
                         gboolean            decode,
                         GCancellable       *cancellable,
                         GAsyncReadyCallback callback,
                         gpointer            user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GUri) uri = NULL;
  SendData *data;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, certo_client_send_async);

  uri = certo_client_parse_url (url, &error);
  if (uri == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (!certo_client_get_online (self) && !is_loopback_host (g_uri_get_host (uri)))
    {
      g_set_error (&error, CERTO_CLIENT_ERROR, CERTO_CLIENT_ERROR_OFFLINE,
                   _("This computer is offline, so Certo cannot reach %s; connect to a network and try again"),
                   g_uri_get_host (uri));
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  data = g_new0 (SendData, 1);
  data->method = g_strdup (method);
  data->url = g_strdup (url);
  data->uri = g_steal_pointer (&uri);
  data->request_headers = request_headers ? soup_message_headers_ref (request_headers) : NULL;
  data->kind = kind;
  data->decode = decode;
  data->all_permanent = TRUE;
  data->cancellable = g_cancellable_new ();
  if (cancellable != NULL)
    {
      data->user_cancellable = g_object_ref (cancellable);
      data->cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (on_user_cancelled),
                                                  g_object_ref (data->cancellable),
                                                  g_object_unref);
    }
  g_task_set_task_data (task, data, (GDestroyNotify) send_data_free);

  send_hop (g_steal_pointer (&task));
}

CertoResponse *
certo_client_send_finish (CertoClient   *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == certo_client_send_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Maps an answer's HTTP status to an error. 2xx and 304 pass. */
gboolean
certo_client_check_status (CertoClient      *self,
                           CertoResponse    *response,
                           CertoRequestKind  kind,
                           GError          **error)
{
  guint status = soup_message_get_status (response->message);
  const char *reason = soup_message_get_reason_phrase (response->message);
  const char *host = certo_response_get_host (response);
  gint64 retry_after = certo_response_get_retry_after (response);
  g_autofree char *wait = NULL;

  if (SOUP_STATUS_IS_SUCCESSFUL (status) || status == SOUP_STATUS_NOT_MODIFIED)
    return TRUE;

  if (reason == NULL || *reason == '\0')
    reason = soup_status_get_phrase (status);
  if (retry_after >= 0)
    wait = format_wait (retry_after);

  if (status == SOUP_STATUS_NOT_FOUND || status == SOUP_STATUS_GONE)
    {
      if (kind == CERTO_REQUEST_DOCUMENT)
        set_error_full (error, CERTO_CLIENT_ERROR_HTTP_NOT_FOUND, status, retry_after,
                        /* Translators: %s is a host name, %u the HTTP status (404) */
                        _("The provider removed this document from %s (HTTP %u); look for a new link on the provider’s site"),
                        host, status);
      else
        set_error_full (error, CERTO_CLIENT_ERROR_HTTP_NOT_FOUND, status, retry_after,
                        _("The provider removed this source from %s (HTTP %u); check the address with the provider"),
                        host, status);
    }
  else if (status == SOUP_STATUS_UNAUTHORIZED)
    {
      CertoClientErrorPrivate *priv;

      certo_client_set_sign_in (host, kind, error);
      if (error != NULL && *error != NULL)
        {
          priv = certo_client_error_get_private (*error);
          priv->http_status = status;
        }
    }
  else if (status == STATUS_TOO_MANY_REQUESTS)
    {
      if (wait != NULL)
        set_error_full (error, CERTO_CLIENT_ERROR_HTTP_RATE_LIMITED, status, retry_after,
                        /* Translators: %s is a host name, the second %s a duration ("5 minutes") */
                        _("%s has had too many requests and asks Certo to wait %s; try again after that"),
                        host, wait);
      else
        set_error_full (error, CERTO_CLIENT_ERROR_HTTP_RATE_LIMITED, status, retry_after,
                        _("%s has had too many requests; wait a while, then try again"),
                        host);
    }
  else if (SOUP_STATUS_IS_SERVER_ERROR (status))
    {
      if (wait != NULL)
        set_error_full (error, CERTO_CLIENT_ERROR_HTTP_SERVER, status, retry_after,
                        /* Translators: %s is a host name, then a status phrase, its number, and a duration */
                        _("%s has a problem of its own (“%s”, HTTP %u); try again in %s"),
                        host, reason, status, wait);
      else
        set_error_full (error, CERTO_CLIENT_ERROR_HTTP_SERVER, status, retry_after,
                        _("%s has a problem of its own (“%s”, HTTP %u); try again later"),
                        host, reason, status);
    }
  else if (status == SOUP_STATUS_FORBIDDEN)
    {
      set_error_full (error, CERTO_CLIENT_ERROR_HTTP_OTHER, status, retry_after,
                      _("%s refused access (HTTP %u); the provider may have restricted it, check the address with them"),
                      host, status);
    }
  else
    {
      certo_client_set_unusable_status (response, error);
    }

  return FALSE;
}

/* An answer whose status is of no use here (a 304 nobody asked for, a 3xx
 * that is no redirect, a 4xx without a meaning of its own) */
void
certo_client_set_unusable_status (CertoResponse  *response,
                                  GError        **error)
{
  guint status = soup_message_get_status (response->message);
  const char *reason = soup_message_get_reason_phrase (response->message);

  if (reason == NULL || *reason == '\0')
    reason = soup_status_get_phrase (status);

  set_error_full (error, CERTO_CLIENT_ERROR_HTTP_OTHER, status,
                  certo_response_get_retry_after (response),
                  /* Translators: %s is a host name, then a status phrase and its number */
                  _("%s answered “%s” (HTTP %u), which Certo cannot use; tell the provider"),
                  certo_response_get_host (response), reason, status);
}

/* Maps an error while reading a body; takes @io_error */
void
certo_client_set_read_error (CertoClient *self,
                             const char  *host,
                             GError      *io_error,
                             GError     **error)
{
  g_autoptr(GError) owned = io_error;

  if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_propagate_error (error, g_steal_pointer (&owned));
  else if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    g_set_error (error, CERTO_CLIENT_ERROR, CERTO_CLIENT_ERROR_TIMEOUT,
                 g_dngettext (GETTEXT_PACKAGE,
                              "%s stopped sending data for %u second; try again later",
                              "%s stopped sending data for %u seconds; try again later",
                              certo_client_get_idle_timeout (self)),
                 host, certo_client_get_idle_timeout (self));
  else if (io_error->domain == G_IO_ERROR || io_error->domain == SOUP_SESSION_ERROR)
    certo_client_set_truncated (host, error);
  else
    g_set_error (error, CERTO_CLIENT_ERROR, CERTO_CLIENT_ERROR_FAILED,
                 _("Reading the answer of %s failed (%s); try again later"),
                 host, io_error->message);
}

void
certo_client_set_too_large (CertoClient *self,
                            const char  *host,
                            GError     **error)
{
  g_autofree char *limit = g_format_size_full (certo_client_get_max_body_size (self), G_FORMAT_SIZE_IEC_UNITS);

  g_set_error (error, CERTO_CLIENT_ERROR, CERTO_CLIENT_ERROR_TOO_LARGE,
               /* Translators: %s is a host name, the second %s a size ("64 MiB") */
               _("%s sent more than %s, the most Certo accepts; raise the limit in Preferences if you trust this provider"),
               host, limit);
}

void
certo_client_set_truncated (const char  *host,
                            GError     **error)
{
  g_set_error (error, CERTO_CLIENT_ERROR, CERTO_CLIENT_ERROR_TRUNCATED,
               _("The connection to %s broke before everything arrived; try again"),
               host);
}

void
certo_client_set_sign_in (const char        *host,
                          CertoRequestKind   kind,
                          GError           **error)
{
  if (kind == CERTO_REQUEST_DOCUMENT)
    g_set_error_literal (error, CERTO_CLIENT_ERROR, CERTO_CLIENT_ERROR_SIGN_IN_REQUIRED,
                         _("This document needs a sign-in at the provider; download it in your browser, then attach it"));
  else
    g_set_error (error, CERTO_CLIENT_ERROR, CERTO_CLIENT_ERROR_SIGN_IN_REQUIRED,
                 _("%s asks for a sign-in; Certo can only read sources open to everyone"),
                 host);
}

/**
 * certo_client_error_get_retry_after:
 * @error: an error of %CERTO_CLIENT_ERROR
 *
 * The Retry-After of the answer that caused @error (RFC 9110 §10.2.3,
 * either form), so a caller can schedule the next attempt; set on
 * %CERTO_CLIENT_ERROR_HTTP_RATE_LIMITED and %CERTO_CLIENT_ERROR_HTTP_SERVER
 * when the server sent one.
 *
 * Returns: seconds to wait (0 to a week), or -1 when none was given or
 *   @error is of another domain
 */
gint64
certo_client_error_get_retry_after (const GError *error)
{
  g_return_val_if_fail (error != NULL, -1);

  if (error->domain != CERTO_CLIENT_ERROR)
    return -1;
  return certo_client_error_get_private (error)->retry_after;
}

/**
 * certo_client_error_get_http_status:
 * @error: an error of %CERTO_CLIENT_ERROR
 *
 * Returns: the HTTP status of the answer that caused @error, or 0 when the
 *   error did not come from an HTTP status
 */
guint
certo_client_error_get_http_status (const GError *error)
{
  g_return_val_if_fail (error != NULL, 0);

  if (error->domain != CERTO_CLIENT_ERROR)
    return 0;
  return certo_client_error_get_private (error)->http_status;
}
