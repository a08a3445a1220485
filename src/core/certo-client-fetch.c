/* certo-client-fetch.c — what the client asks of a server: a conditional
 * GET of a source, with progress and the size cap, and a probe of a
 * document's link
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "certo-client-private.h"
#include "certo-util-private.h"

typedef struct
{
  CertoResponse       *response;
  GByteArray          *buffer;
  guint64              received;
  gint64               total;
  CertoClientProgress  progress;
  gpointer             progress_data;
  char                *etag_sent;
  char                *last_modified_sent;
} FetchData;

typedef struct
{
  gboolean used_range;
  char    *url;
} ProbeData;

G_DEFINE_BOXED_TYPE (CertoFetchResult, certo_fetch_result,
                     certo_fetch_result_copy, certo_fetch_result_free)
G_DEFINE_BOXED_TYPE (CertoProbeResult, certo_probe_result,
                     certo_probe_result_copy, certo_probe_result_free)

/* Helpers */

static void
fetch_data_free (FetchData *data)
{
  g_clear_pointer (&data->response, certo_response_free);
  g_clear_pointer (&data->buffer, g_byte_array_unref);
  g_free (data->etag_sent);
  g_free (data->last_modified_sent);
  g_free (data);
}

static void
probe_data_free (ProbeData *data)
{
  g_free (data->url);
  g_free (data);
}

/* Takes @owned */
static void
fetch_complete (GTask *owned)
{
  g_autoptr(GTask) task = owned;
  FetchData *data = g_task_get_task_data (task);
  CertoResponse *response = data->response;
  g_autoptr(CertoFetchResult) result = g_new0 (CertoFetchResult, 1);

  result->status = soup_message_get_status (response->message);
  result->not_modified = result->status == SOUP_STATUS_NOT_MODIFIED;
  result->url = g_strdup (response->url);
  result->final_url = g_strdup (response->final_url);
  result->permanent_url = g_strdup (response->permanent_url);
  result->etag = certo_response_dup_header (response, "ETag");
  result->last_modified = certo_response_dup_header (response, "Last-Modified");
  result->content_type = certo_response_dup_content_type (response);
  result->retry_after = certo_response_get_retry_after (response);

  if (result->not_modified)
    {
      /* A 304 need not repeat the validators (RFC 9110 §15.4.5) */
      if (result->etag == NULL)
        result->etag = g_strdup (data->etag_sent);
      if (result->last_modified == NULL)
        result->last_modified = g_strdup (data->last_modified_sent);
    }
  else
    {
      result->body = g_byte_array_free_to_bytes (g_steal_pointer (&data->buffer));
    }

  certo_response_close (response);
  g_task_return_pointer (task, g_steal_pointer (&result), (GDestroyNotify) certo_fetch_result_free);
}

static void on_fetch_read (GObject      *source,
                           GAsyncResult *result,
                           gpointer      user_data);

/* Takes @task */
static void
fetch_read_next (GTask *task)
{
  FetchData *data = g_task_get_task_data (task);

  g_input_stream_read_bytes_async (data->response->stream, CERTO_CLIENT_READ_CHUNK,
                                   G_PRIORITY_DEFAULT, g_task_get_cancellable (task),
                                   on_fetch_read, task);
}

static void
on_fetch_read (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CertoClient *self = g_task_get_source_object (task);
  FetchData *data = g_task_get_task_data (task);
  const char *host = certo_response_get_host (data->response);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  bytes = g_input_stream_read_bytes_finish (G_INPUT_STREAM (source), result, &local_error);
  if (bytes == NULL)
    {
      certo_client_set_read_error (self, host, g_steal_pointer (&local_error), &error);
      certo_response_close (data->response);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  length = g_bytes_get_size (bytes);
  if (length == 0)
    {
      if (data->total >= 0 && data->received < (guint64) data->total)
        {
          certo_client_set_truncated (host, &error);
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      fetch_complete (g_steal_pointer (&task));
      return;
    }

  data->received += length;
  if (data->received > certo_client_get_max_body_size (self))
    {
      certo_client_set_too_large (self, host, &error);
      certo_response_close (data->response);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_byte_array_append (data->buffer, g_bytes_get_data (bytes, NULL), length);
  if (data->progress != NULL)
    data->progress (data->received, data->total, data->progress_data);

  fetch_read_next (g_steal_pointer (&task));
}

static void
on_fetch_sent (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CertoClient *self = CERTO_CLIENT (source);
  FetchData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  gint64 length;
  guint status;

  data->response = certo_client_send_finish (self, result, &error);
  if (data->response == NULL ||
      !certo_client_check_status (self, data->response, CERTO_REQUEST_SOURCE, &error))
    {
      if (data->response != NULL)
        certo_response_close (data->response);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  status = soup_message_get_status (data->response->message);
  if (status == SOUP_STATUS_NOT_MODIFIED)
    {
      if (data->etag_sent == NULL && data->last_modified_sent == NULL)
        {
          /* Nothing was asked conditionally: a 304 is nonsense */
          certo_client_set_unusable_status (data->response, &error);
          certo_response_close (data->response);
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      fetch_complete (g_steal_pointer (&task));
      return;
    }

  length = certo_response_get_content_length (data->response);
  if (length > 0 && (guint64) length > certo_client_get_max_body_size (self))
    {
      certo_client_set_too_large (self, certo_response_get_host (data->response), &error);
      certo_response_close (data->response);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* A compressed body's Content-Length counts the compressed bytes */
  data->total = certo_response_is_encoded (data->response) ? -1 : length;
  data->buffer = g_byte_array_sized_new (data->total > 0 ? (guint) data->total : 4096);

  fetch_read_next (g_steal_pointer (&task));
}

/* Takes @owned */
static void
probe_complete (GTask         *owned,
                CertoResponse *response)
{
  g_autoptr(GTask) task = owned;
  ProbeData *data = g_task_get_task_data (task);
  SoupMessageHeaders *headers = soup_message_get_response_headers (response->message);
  g_autoptr(CertoProbeResult) result = g_new0 (CertoProbeResult, 1);
  goffset start, end, total;

  result->status = soup_message_get_status (response->message);
  result->used_range = data->used_range;
  result->final_url = g_strdup (response->final_url);
  result->permanent_url = g_strdup (response->permanent_url);
  result->content_type = certo_response_dup_content_type (response);
  result->etag = certo_response_dup_header (response, "ETag");
  result->last_modified = certo_response_dup_header (response, "Last-Modified");
  result->size = -1;

  if (result->status == SOUP_STATUS_PARTIAL_CONTENT)
    {
      if (soup_message_headers_get_content_range (headers, &start, &end, &total) && total >= 0)
        result->size = total;
    }
  else
    {
      result->size = certo_response_get_content_length (response);
    }

  certo_response_close (response);
  g_task_return_pointer (task, g_steal_pointer (&result), (GDestroyNotify) certo_probe_result_free);
}

static void
on_probe_sent (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CertoClient *self = CERTO_CLIENT (source);
  ProbeData *data = g_task_get_task_data (task);
  g_autoptr(CertoResponse) response = NULL;
  g_autoptr(GError) error = NULL;
  guint status;

  response = certo_client_send_finish (self, result, &error);
  if (response == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  status = soup_message_get_status (response->message);
  if (!data->used_range &&
      (status == SOUP_STATUS_METHOD_NOT_ALLOWED || status == SOUP_STATUS_NOT_IMPLEMENTED))
    {
      g_autoptr(SoupMessageHeaders) headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_REQUEST);
      GCancellable *cancellable = g_task_get_cancellable (task);

      /* HEAD refused: ask for the first byte only */
      certo_response_close (response);
      data->used_range = TRUE;
      soup_message_headers_set_range (headers, 0, 0);
      certo_client_send_async (self, SOUP_METHOD_GET, data->url, headers,
                               CERTO_REQUEST_DOCUMENT, FALSE, cancellable,
                               on_probe_sent, g_steal_pointer (&task));
      return;
    }

  if (!certo_client_check_status (self, response, CERTO_REQUEST_DOCUMENT, &error) ||
      status == SOUP_STATUS_NOT_MODIFIED)
    {
      if (error == NULL)
        certo_client_set_unusable_status (response, &error);
      certo_response_close (response);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  probe_complete (g_steal_pointer (&task), response);
}

/* Public API */

/**
 * certo_fetch_result_copy:
 * @result: a #CertoFetchResult
 *
 * Returns: (transfer full): a deep copy of @result
 */
CertoFetchResult *
certo_fetch_result_copy (const CertoFetchResult *result)
{
  CertoFetchResult *copy;

  g_return_val_if_fail (result != NULL, NULL);

  copy = g_memdup2 (result, sizeof *result);
  copy->body = result->body ? g_bytes_ref (result->body) : NULL;
  copy->url = g_strdup (result->url);
  copy->final_url = g_strdup (result->final_url);
  copy->permanent_url = g_strdup (result->permanent_url);
  copy->etag = g_strdup (result->etag);
  copy->last_modified = g_strdup (result->last_modified);
  copy->content_type = g_strdup (result->content_type);
  return copy;
}

/**
 * certo_fetch_result_free:
 * @result: (transfer full): a #CertoFetchResult
 *
 * Frees @result and its body.
 */
void
certo_fetch_result_free (CertoFetchResult *result)
{
  if (result == NULL)
    return;

  g_clear_pointer (&result->body, g_bytes_unref);
  g_free (result->url);
  g_free (result->final_url);
  g_free (result->permanent_url);
  g_free (result->etag);
  g_free (result->last_modified);
  g_free (result->content_type);
  g_free (result);
}

/**
 * certo_probe_result_copy:
 * @result: a #CertoProbeResult
 *
 * Returns: (transfer full): a deep copy of @result
 */
CertoProbeResult *
certo_probe_result_copy (const CertoProbeResult *result)
{
  CertoProbeResult *copy;

  g_return_val_if_fail (result != NULL, NULL);

  copy = g_memdup2 (result, sizeof *result);
  copy->final_url = g_strdup (result->final_url);
  copy->permanent_url = g_strdup (result->permanent_url);
  copy->content_type = g_strdup (result->content_type);
  copy->etag = g_strdup (result->etag);
  copy->last_modified = g_strdup (result->last_modified);
  return copy;
}

/**
 * certo_probe_result_free:
 * @result: (transfer full): a #CertoProbeResult
 *
 * Frees @result.
 */
void
certo_probe_result_free (CertoProbeResult *result)
{
  if (result == NULL)
    return;

  g_free (result->final_url);
  g_free (result->permanent_url);
  g_free (result->content_type);
  g_free (result->etag);
  g_free (result->last_modified);
  g_free (result);
}

/* Weak and strong forms of one tag compare equal (RFC 9110 §8.8.3.2, weak
 * comparison): a probe only asks "is it the same document?" */
static gboolean
etags_equal (const char *a,
             const char *b)
{
  if (g_str_has_prefix (a, "W/"))
    a += 2;
  if (g_str_has_prefix (b, "W/"))
    b += 2;
  return strcmp (a, b) == 0;
}

/**
 * certo_probe_result_changed:
 * @result: a fresh probe of a document's URL
 * @etag: (nullable): the ETag recorded last time
 * @last_modified: (nullable): the Last-Modified value recorded last time
 * @size: the size recorded last time, or -1
 *
 * Whether the document behind an unchanged link changed since the values
 * were recorded: %TRUE when any value known on both sides differs (ETags
 * compared weakly, dates as dates). With nothing to compare, %FALSE.
 *
 * Returns: %TRUE when the document changed
 */
gboolean
certo_probe_result_changed (const CertoProbeResult *result,
                            const char             *etag,
                            const char             *last_modified,
                            gint64                  size)
{
  g_return_val_if_fail (result != NULL, FALSE);

  if (result->etag != NULL && etag != NULL && *etag != '\0' &&
      !etags_equal (result->etag, etag))
    return TRUE;

  if (result->last_modified != NULL && last_modified != NULL && *last_modified != '\0')
    {
      g_autoptr(GDateTime) before = soup_date_time_new_from_http_string (last_modified);
      g_autoptr(GDateTime) now = soup_date_time_new_from_http_string (result->last_modified);

      if (before != NULL && now != NULL ? !g_date_time_equal (before, now)
                                        : strcmp (result->last_modified, last_modified) != 0)
        return TRUE;
    }

  if (result->size >= 0 && size >= 0 && result->size != size)
    return TRUE;

  return FALSE;
}

/**
 * certo_client_fetch_async:
 * @self: a #CertoClient
 * @url: an http or https URL
 * @etag: (nullable): the ETag of the copy the caller has; sent as If-None-Match
 * @last_modified: (nullable): its Last-Modified value, exactly as the server
 *   wrote it; sent as If-Modified-Since (RFC 9110 §13.1)
 * @cancellable: (nullable): a #GCancellable
 * @progress: (nullable) (scope notified): called as the body arrives, with @user_data
 * @callback: called when done
 * @user_data: data for @callback and @progress
 *
 * Fetches @url into memory (a catalog feed, an article), conditionally when
 * a validator is given: a 304 answer completes with
 * #CertoFetchResult.not_modified and no body, and the caller changes
 * nothing but the time it last checked. Redirects are followed; only an
 * all-permanent chain yields #CertoFetchResult.permanent_url. The body is
 * read as a stream with #CertoClient:max-body-size enforced before reading
 * (Content-Length) and while reading (chunked or unannounced bodies).
 */
void
certo_client_fetch_async (CertoClient         *self,
                          const char          *url,
                          const char          *etag,
                          const char          *last_modified,
                          GCancellable        *cancellable,
                          CertoClientProgress  progress,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(SoupMessageHeaders) headers = NULL;
  FetchData *data;

  g_return_if_fail (CERTO_IS_CLIENT (self));
  g_return_if_fail (url != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, certo_client_fetch_async);

  data = g_new0 (FetchData, 1);
  data->progress = progress;
  data->progress_data = user_data;
  data->total = -1;
  data->etag_sent = certo_dup_nonempty (etag);
  data->last_modified_sent = certo_dup_nonempty (last_modified);
  g_task_set_task_data (task, data, (GDestroyNotify) fetch_data_free);

  headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_REQUEST);
  if (data->etag_sent != NULL)
    soup_message_headers_replace (headers, "If-None-Match", data->etag_sent);
  if (data->last_modified_sent != NULL)
    soup_message_headers_replace (headers, "If-Modified-Since", data->last_modified_sent);

  certo_client_send_async (self, SOUP_METHOD_GET, url, headers, CERTO_REQUEST_SOURCE, TRUE,
                           cancellable, on_fetch_sent, g_steal_pointer (&task));
}

/**
 * certo_client_fetch_finish:
 * @self: a #CertoClient
 * @result: the #GAsyncResult passed to the callback
 * @error: return location for a #CertoClientError, or %G_IO_ERROR_CANCELLED
 *
 * Returns: (transfer full): the answer, or %NULL with @error set
 */
CertoFetchResult *
certo_client_fetch_finish (CertoClient   *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (CERTO_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == certo_client_fetch_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * certo_client_probe_async:
 * @self: a #CertoClient
 * @url: a document's http or https URL
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Asks about a document without downloading it ("Check documents"): a
 * HEAD, or, when the server refuses HEAD (405, 501), a GET of
 * `Range: bytes=0-0` (RFC 9110 §14.2) whose body is not read. The result
 * tells the final URL, type, size, Last-Modified and ETag; compare with
 * certo_probe_result_changed(). Errors as certo_client_fetch_async(); a
 * redirect to a sign-in page fails with
 * %CERTO_CLIENT_ERROR_SIGN_IN_REQUIRED.
 */
void
certo_client_probe_async (CertoClient         *self,
                          const char          *url,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ProbeData *data;

  g_return_if_fail (CERTO_IS_CLIENT (self));
  g_return_if_fail (url != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, certo_client_probe_async);

  data = g_new0 (ProbeData, 1);
  data->url = g_strdup (url);
  g_task_set_task_data (task, data, (GDestroyNotify) probe_data_free);

  certo_client_send_async (self, SOUP_METHOD_HEAD, url, NULL, CERTO_REQUEST_DOCUMENT, FALSE,
                           cancellable, on_probe_sent, g_steal_pointer (&task));
}

/**
 * certo_client_probe_finish:
 * @self: a #CertoClient
 * @result: the #GAsyncResult passed to the callback
 * @error: return location for a #CertoClientError, or %G_IO_ERROR_CANCELLED
 *
 * Returns: (transfer full): what the server said about the document, or
 *   %NULL with @error set
 */
CertoProbeResult *
certo_client_probe_finish (CertoClient   *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (CERTO_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == certo_client_probe_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
