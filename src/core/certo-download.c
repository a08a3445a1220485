/* certo-download.c — saving documents: streamed into a temporary file,
 * checked, renamed into place only when complete, resumed with Range
 *
 * A download writes `.certo-download-<hash of the URL>.part` in the
 * destination folder (a name Certo controls, hidden, on the same file
 * system as the result so the final rename cannot half-happen) and, when
 * the server can resume, `.certo-download-<hash>.info` beside it (the URL
 * and the validator for If-Range). Both go away on success and on every
 * failure, except one: a transfer cut off by the network, from a server
 * that announced byte ranges and a validator, keeps them when
 * #CertoClient:resume-downloads is set, so the next download of the same
 * URL into the same folder asks only for the rest. Cancelling is the
 * user's choice and keeps nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "certo-download-private.h"

static void start_request   (GTask  *task);
static void read_next       (GTask  *task);
static void write_or_finish (GTask  *task,
                             GBytes *bytes);

G_DEFINE_BOXED_TYPE (CertoDownloadResult, certo_download_result,
                     certo_download_result_copy, certo_download_result_free)

/* Helpers */

static void
download_data_free (DownloadData *data)
{
  g_free (data->url);
  g_clear_object (&data->dest_dir);
  g_free (data->suggested);
  g_free (data->expected_type);
  g_clear_object (&data->part);
  g_clear_object (&data->info);
  g_free (data->validator);
  g_clear_pointer (&data->checksum, g_checksum_free);
  g_clear_pointer (&data->response, certo_response_free);
  g_clear_object (&data->output);
  g_clear_pointer (&data->head, g_byte_array_unref);
  g_clear_pointer (&data->pending, g_bytes_unref);
  g_free (data->content_type);
  g_free (data->server_filename);
  g_free (data->etag);
  g_free (data->last_modified);
  g_clear_error (&data->error);
  g_clear_pointer (&data->result, certo_download_result_free);
  g_free (data);
}

/* Runs @func on a worker thread (blocking file work), then @done on this
 * thread with @task as its user data; never cancelled half-way */
static void
run_in_thread (GTask               *task,
               GTaskThreadFunc      func,
               GAsyncReadyCallback  done)
{
  g_autoptr(GTask) job = g_task_new (NULL, NULL, done, task);

  g_task_set_task_data (job, g_task_get_task_data (task), NULL);
  g_task_run_in_thread (job, func);
}

static const char *
host_of (DownloadData *data)
{
  return data->response != NULL ? certo_response_get_host (data->response) : "";
}

static gboolean
is_html_type (const char *type)
{
  return type != NULL &&
         (strcmp (type, "text/html") == 0 || strcmp (type, "application/xhtml+xml") == 0);
}

/* Types servers send when they do not know better */
static gboolean
is_generic_type (const char *type)
{
  static const char * const generic[] = {
    "application/octet-stream", "binary/octet-stream", "application/binary",
    "application/download", "application/x-download", "application/force-download",
    "application/unknown", NULL
  };

  return type == NULL || g_strv_contains (generic, type);
}

static gboolean
type_is (const char *type,
         const char *expected)
{
  return type != NULL && g_content_type_is_mime_type (type, expected);
}

/* An HTML page, whatever the server called it: a sign-in page or an error
 * page served with 200 */
static gboolean
looks_like_html (const guint8 *bytes,
                 gsize         length)
{
  static const char * const starts[] = {
    "<!doctype html", "<html", "<head", "<body", "<title", "<meta", "<script", NULL
  };
  const char *text = (const char *) bytes;
  const char *end = text + length;

  if (length >= 3 && memcmp (text, "\xef\xbb\xbf", 3) == 0)
    text += 3;
  while (text < end && g_ascii_isspace (*text))
    text++;

  for (guint i = 0; starts[i] != NULL; i++)
    {
      gsize n = strlen (starts[i]);

      if ((gsize) (end - text) >= n && g_ascii_strncasecmp (text, starts[i], n) == 0)
        return TRUE;
    }

  return FALSE;
}

/* Checks the first bytes against what was expected; sets the type kept */
static gboolean
check_content (DownloadData  *data,
               GError       **error)
{
  const char *declared = data->content_type;
  g_autofree char *sniffed = NULL;
  gboolean uncertain = TRUE;
  gboolean expect_html = is_html_type (data->expected_type);
  const guint8 *bytes = data->head->data;
  gsize length = data->head->len;

  /* PDF first by its magic (ISO 32000-1 §7.5.2): most of what Certo saves,
   * and known even where shared-mime-info is missing */
  if (length >= 5 && memcmp (bytes, "%PDF-", 5) == 0)
    {
      sniffed = g_strdup ("application/pdf");
      uncertain = FALSE;
    }
  else if (length > 0)
    {
      sniffed = g_content_type_guess (NULL, bytes, length, &uncertain);
    }

  if (!expect_html &&
      (is_html_type (declared) || looks_like_html (bytes, length) ||
       (!uncertain && is_html_type (sniffed))))
    {
      certo_client_set_sign_in (host_of (data), CERTO_REQUEST_DOCUMENT, error);
      return FALSE;
    }

  if (data->expected_type != NULL &&
      !type_is (declared, data->expected_type) &&
      !(!uncertain && type_is (sniffed, data->expected_type)) &&
      !(is_generic_type (declared) && uncertain))
    {
      const char *sent_type = is_generic_type (declared) ? sniffed : declared;
      g_autofree char *wanted = g_content_type_get_description (data->expected_type);

      if (sent_type != NULL)
        {
          g_autofree char *sent = g_content_type_get_description (sent_type);

          g_set_error (error, CERTO_CLIENT_ERROR, CERTO_CLIENT_ERROR_UNEXPECTED_TYPE,
                       /* Translators: %s is a host name, then two file types ("ZIP archive", "PDF document") */
                       _("%s sent a file of type “%s” where “%s” was expected; nothing was saved, check the link with the provider"),
                       host_of (data), sent, wanted);
        }
      else
        {
          g_set_error (error, CERTO_CLIENT_ERROR, CERTO_CLIENT_ERROR_UNEXPECTED_TYPE,
                       /* Translators: %s is a host name, then a file type ("PDF document") */
                       _("%s sent a file of unknown type where “%s” was expected; nothing was saved, check the link with the provider"),
                       host_of (data), wanted);
        }
      return FALSE;
    }

  if (is_generic_type (declared) && sniffed != NULL && !uncertain)
    {
      g_free (data->content_type);
      data->content_type = g_steal_pointer (&sniffed);
    }

  return TRUE;
}

/* RFC 9110 §13.1.5: If-Range takes a strong ETag or a date */
static char *
pick_validator (const char *etag,
                const char *last_modified)
{
  if (etag != NULL && !g_str_has_prefix (etag, "W/"))
    return g_strdup (etag);
  return g_strdup (last_modified);
}

static gboolean
accepts_byte_ranges (CertoResponse *response)
{
  const char *ranges;

  ranges = soup_message_headers_get_list (soup_message_get_response_headers (response->message),
                                          "Accept-Ranges");
  return ranges != NULL && soup_header_contains (ranges, "bytes");
}

/* Worth keeping the partial file for: the network failed, not the document */
static gboolean
is_transient (const GError *error)
{
  return g_error_matches (error, CERTO_CLIENT_ERROR, CERTO_CLIENT_ERROR_TRUNCATED) ||
         g_error_matches (error, CERTO_CLIENT_ERROR, CERTO_CLIENT_ERROR_TIMEOUT) ||
         g_error_matches (error, CERTO_CLIENT_ERROR, CERTO_CLIENT_ERROR_OFFLINE) ||
         g_error_matches (error, CERTO_CLIENT_ERROR, CERTO_CLIENT_ERROR_DNS) ||
         g_error_matches (error, CERTO_CLIENT_ERROR, CERTO_CLIENT_ERROR_CONNECT) ||
         g_error_matches (error, CERTO_CLIENT_ERROR, CERTO_CLIENT_ERROR_HTTP_SERVER) ||
         g_error_matches (error, CERTO_CLIENT_ERROR, CERTO_CLIENT_ERROR_HTTP_RATE_LIMITED);
}

static void
on_cleaned_up (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  DownloadData *data = g_task_get_task_data (task);

  if (data->claimed)
    certo_client_release_part (g_task_get_source_object (task), data->part);
  data->claimed = FALSE;
  g_task_return_error (task, g_steal_pointer (&data->error));
}

/* Every failure ends here: takes @owned and @error */
static void
fail (GTask  *owned,
      GError *error)
{
  g_autoptr(GTask) task = owned;
  CertoClient *self = g_task_get_source_object (task);
  DownloadData *data = g_task_get_task_data (task);

  g_assert (data->error == NULL);
  data->error = error;

  if (data->response != NULL)
    certo_response_close (data->response);

  /* Resumable: a network failure, a server that promised ranges with a
   * validator, and bytes on disk (from now or an earlier attempt) */
  data->keep_part = data->resume && data->validator != NULL &&
                    (data->offset + (data->output != NULL ? data->received : 0)) > 0 &&
                    is_transient (error) &&
                    certo_client_get_resume_downloads (self);

  if (data->part == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&data->error));
      return;
    }

  run_in_thread (g_steal_pointer (&task), _certo_download_cleanup_thread, on_cleaned_up);
}

static void
on_finished (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  DownloadData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  CertoDownloadResult *download;

  certo_client_release_part (g_task_get_source_object (task), data->part);
  data->claimed = FALSE;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  download = g_steal_pointer (&data->result);
  download->content_type = g_strdup (data->content_type);
  download->server_filename = g_strdup (data->server_filename);
  download->final_url = g_strdup (data->response->final_url);
  download->permanent_url = g_strdup (data->response->permanent_url);
  download->etag = g_strdup (data->etag);
  download->last_modified = g_strdup (data->last_modified);
  download->resumed = data->resumed;
  g_task_return_pointer (task, download, (GDestroyNotify) certo_download_result_free);
}

static void
on_output_closed (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  DownloadData *data = g_task_get_task_data (task);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_output_stream_close_finish (G_OUTPUT_STREAM (source), result, &local_error))
    {
      g_clear_object (&data->output);
      _certo_download_set_write_error (data, local_error, &error);
      fail (g_steal_pointer (&task), g_steal_pointer (&error));
      return;
    }

  g_clear_object (&data->output);
  run_in_thread (g_steal_pointer (&task), _certo_download_finish_thread, on_finished);
}

static void
on_written (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  DownloadData *data = g_task_get_task_data (task);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&data->pending, g_bytes_unref);

  if (!g_output_stream_write_all_finish (G_OUTPUT_STREAM (source), result, NULL, &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        error = g_steal_pointer (&local_error);
      else
        _certo_download_set_write_error (data, local_error, &error);
      fail (g_steal_pointer (&task), g_steal_pointer (&error));
      return;
    }

  if (data->at_eof)
    write_or_finish (g_steal_pointer (&task), NULL);
  else
    read_next (g_steal_pointer (&task));
}

/* Writes @bytes (or, when NULL, finishes the file) */
static void
write_or_finish (GTask  *task,
                 GBytes *bytes)
{
  DownloadData *data = g_task_get_task_data (task);
  gsize length;
  const guint8 *contents;

  if (bytes == NULL || g_bytes_get_size (bytes) == 0)
    {
      g_output_stream_close_async (G_OUTPUT_STREAM (data->output), G_PRIORITY_DEFAULT,
                                   NULL, on_output_closed, task);
      return;
    }

  contents = g_bytes_get_data (bytes, &length);
  g_checksum_update (data->checksum, contents, length);
  data->pending = g_bytes_ref (bytes);
  g_output_stream_write_all_async (G_OUTPUT_STREAM (data->output), contents, length,
                                   G_PRIORITY_DEFAULT, g_task_get_cancellable (task),
                                   on_written, task);
}

static void
on_output_opened (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  DownloadData *data = g_task_get_task_data (task);
  g_autoptr(GBytes) bytes = g_steal_pointer (&data->pending);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &local_error))
    {
      _certo_download_set_write_error (data, local_error, &error);
      fail (g_steal_pointer (&task), g_steal_pointer (&error));
      return;
    }

  if (g_cancellable_set_error_if_cancelled (g_task_get_cancellable (task), &error))
    {
      fail (g_steal_pointer (&task), g_steal_pointer (&error));
      return;
    }

  if (bytes != NULL && g_bytes_get_size (bytes) > 0)
    write_or_finish (g_steal_pointer (&task), bytes);
  else if (data->at_eof)
    write_or_finish (g_steal_pointer (&task), NULL);
  else
    read_next (g_steal_pointer (&task));
}

/* Opens the part (new, or appended to when resuming), then writes @bytes
 * (taken) */
static void
open_output (GTask  *task,
             GBytes *bytes)
{
  DownloadData *data = g_task_get_task_data (task);

  data->pending = bytes;
  run_in_thread (task, _certo_download_open_thread, on_output_opened);
}

static void
on_read (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CertoClient *self = g_task_get_source_object (task);
  DownloadData *data = g_task_get_task_data (task);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  bytes = g_input_stream_read_bytes_finish (G_INPUT_STREAM (source), result, &local_error);
  if (bytes == NULL)
    {
      certo_client_set_read_error (self, host_of (data), g_steal_pointer (&local_error), &error);
      fail (g_steal_pointer (&task), g_steal_pointer (&error));
      return;
    }

  length = g_bytes_get_size (bytes);
  if (length == 0 && data->expected >= 0 && data->received < (guint64) data->expected)
    {
      certo_client_set_truncated (host_of (data), &error);
      fail (g_steal_pointer (&task), g_steal_pointer (&error));
      return;
    }

  data->received += length;
  if (data->offset + data->received > certo_client_get_max_body_size (self))
    {
      certo_client_set_too_large (self, host_of (data), &error);
      fail (g_steal_pointer (&task), g_steal_pointer (&error));
      return;
    }

  data->at_eof = length == 0;
  if (length > 0 && data->progress != NULL)
    data->progress (data->offset + data->received, data->total, data->progress_data);

  if (!data->sniffed)
    {
      g_byte_array_append (data->head, g_bytes_get_data (bytes, NULL), length);
      if (length > 0 && data->head->len < SNIFF_SIZE)
        {
          read_next (g_steal_pointer (&task));
          return;
        }

      /* Nothing touches the disk before the first bytes pass */
      data->sniffed = TRUE;
      if (!check_content (data, &error))
        {
          fail (g_steal_pointer (&task), g_steal_pointer (&error));
          return;
        }
      open_output (g_steal_pointer (&task),
                   g_byte_array_free_to_bytes (g_steal_pointer (&data->head)));
      return;
    }

  if (data->output == NULL)
    open_output (g_steal_pointer (&task), g_steal_pointer (&bytes));
  else
    write_or_finish (g_steal_pointer (&task), length > 0 ? bytes : NULL);
}

static void
read_next (GTask *task)
{
  DownloadData *data = g_task_get_task_data (task);

  g_input_stream_read_bytes_async (data->response->stream, CERTO_CLIENT_READ_CHUNK,
                                   G_PRIORITY_DEFAULT, g_task_get_cancellable (task),
                                   on_read, task);
}

static void
on_info_written (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  DownloadData *data = g_task_get_task_data (task);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_file_replace_contents_finish (G_FILE (source), result, NULL, &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        error = g_steal_pointer (&local_error);
      else
        _certo_download_set_write_error (data, local_error, &error);
      fail (g_steal_pointer (&task), g_steal_pointer (&error));
      return;
    }

  read_next (g_steal_pointer (&task));
}

/* Starts over without Range: the kept bytes are of no use */
static void
restart (GTask *task)
{
  DownloadData *data = g_task_get_task_data (task);

  data->retried = TRUE;
  data->offset = 0;
  g_clear_pointer (&data->validator, g_free);
  g_checksum_reset (data->checksum);
  certo_response_close (data->response);
  g_clear_pointer (&data->response, certo_response_free);
  start_request (task);
}

static void
on_sent (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CertoClient *self = CERTO_CLIENT (source);
  DownloadData *data = g_task_get_task_data (task);
  SoupMessageHeaders *headers;
  g_autoptr(GError) error = NULL;
  guint status;
  goffset start = 0, end = 0, total = -1;
  gint64 length;

  data->response = certo_client_send_finish (self, result, &error);
  if (data->response == NULL)
    {
      fail (g_steal_pointer (&task), g_steal_pointer (&error));
      return;
    }

  headers = soup_message_get_response_headers (data->response->message);
  status = soup_message_get_status (data->response->message);

  if (data->offset > 0 && !data->retried)
    {
      /* 416: the kept part is no prefix of this document; a 206 of another
       * range is no use either; a 200 means the document changed (If-Range
       * failed) or ranges are not supported: both start over */
      if (status == SOUP_STATUS_REQUESTED_RANGE_NOT_SATISFIABLE ||
          (status == SOUP_STATUS_PARTIAL_CONTENT &&
           (!soup_message_headers_get_content_range (headers, &start, &end, &total) ||
            (guint64) start != data->offset)))
        {
          restart (g_steal_pointer (&task));
          return;
        }
    }

  if (!certo_client_check_status (self, data->response, CERTO_REQUEST_DOCUMENT, &error))
    {
      fail (g_steal_pointer (&task), g_steal_pointer (&error));
      return;
    }

  if (status == SOUP_STATUS_PARTIAL_CONTENT && data->offset > 0)
    {
      data->resumed = TRUE;
    }
  else if (status == SOUP_STATUS_OK)
    {
      if (data->offset > 0)
        {
          data->offset = 0;
          g_checksum_reset (data->checksum);
        }
    }
  else
    {
      certo_client_set_unusable_status (data->response, &error);
      fail (g_steal_pointer (&task), g_steal_pointer (&error));
      return;
    }

  data->content_type = certo_response_dup_content_type (data->response);
  data->etag = certo_response_dup_header (data->response, "ETag");
  data->last_modified = certo_response_dup_header (data->response, "Last-Modified");
  data->server_filename = _certo_download_server_filename (data->response);

  /* Refused before a byte is read: a page where a document was expected */
  if (is_html_type (data->content_type) && !is_html_type (data->expected_type))
    {
      certo_client_set_sign_in (host_of (data), CERTO_REQUEST_DOCUMENT, &error);
      fail (g_steal_pointer (&task), g_steal_pointer (&error));
      return;
    }

  length = certo_response_get_content_length (data->response);
  data->expected = certo_response_is_encoded (data->response) ? -1 : length;
  if (data->resumed)
    data->total = total >= 0 ? total : -1;
  else
    data->total = data->expected;

  if ((data->total >= 0 && (guint64) data->total > certo_client_get_max_body_size (self)) ||
      (length >= 0 && data->offset + (guint64) length > certo_client_get_max_body_size (self)))
    {
      certo_client_set_too_large (self, host_of (data), &error);
      fail (g_steal_pointer (&task), g_steal_pointer (&error));
      return;
    }

  /* A resumed answer continues a document already checked */
  data->sniffed = data->resumed;
  data->head = g_byte_array_new ();

  g_clear_pointer (&data->validator, g_free);
  if (data->resumed || accepts_byte_ranges (data->response))
    data->validator = pick_validator (data->etag, data->last_modified);
  data->resumable = data->validator != NULL;

  if (data->resume && data->resumable && certo_client_get_resume_downloads (self))
    {
      g_autoptr(GBytes) info = NULL;
      g_autofree char *text = g_strdup_printf ("%s\n%s\n", data->url, data->validator);
      GCancellable *cancellable = g_task_get_cancellable (task);
      gsize text_length = strlen (text);

      info = g_bytes_new_take (g_steal_pointer (&text), text_length);
      g_file_replace_contents_bytes_async (data->info, info, NULL, FALSE, G_FILE_CREATE_NONE,
                                           cancellable, on_info_written, g_steal_pointer (&task));
      return;
    }

  read_next (g_steal_pointer (&task));
}

static void
start_request (GTask *task)
{
  CertoClient *self = g_task_get_source_object (task);
  DownloadData *data = g_task_get_task_data (task);
  g_autoptr(SoupMessageHeaders) headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_REQUEST);

  if (data->offset > 0)
    {
      /* RFC 9110 §14.2, §13.1.5: the rest, if the document is unchanged */
      soup_message_headers_set_range (headers, data->offset, -1);
      soup_message_headers_replace (headers, "If-Range", data->validator);
    }

  certo_client_send_async (self, SOUP_METHOD_GET, data->url, headers,
                           CERTO_REQUEST_DOCUMENT, FALSE,
                           g_task_get_cancellable (task), on_sent, task);
}

static void
on_prepared (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      fail (g_steal_pointer (&task), g_steal_pointer (&error));
      return;
    }

  if (g_cancellable_set_error_if_cancelled (g_task_get_cancellable (task), &error))
    {
      fail (g_steal_pointer (&task), g_steal_pointer (&error));
      return;
    }

  start_request (g_steal_pointer (&task));
}

/* Public API */

/**
 * certo_download_result_copy:
 * @result: a #CertoDownloadResult
 *
 * Returns: (transfer full): a deep copy of @result
 */
CertoDownloadResult *
certo_download_result_copy (const CertoDownloadResult *result)
{
  CertoDownloadResult *copy;

  g_return_val_if_fail (result != NULL, NULL);

  copy = g_memdup2 (result, sizeof *result);
  copy->file = result->file ? g_object_ref (result->file) : NULL;
  copy->sha256 = g_strdup (result->sha256);
  copy->content_type = g_strdup (result->content_type);
  copy->server_filename = g_strdup (result->server_filename);
  copy->final_url = g_strdup (result->final_url);
  copy->permanent_url = g_strdup (result->permanent_url);
  copy->etag = g_strdup (result->etag);
  copy->last_modified = g_strdup (result->last_modified);
  return copy;
}

/**
 * certo_download_result_free:
 * @result: (transfer full): a #CertoDownloadResult
 *
 * Frees @result (the file stays on disk).
 */
void
certo_download_result_free (CertoDownloadResult *result)
{
  if (result == NULL)
    return;

  g_clear_object (&result->file);
  g_free (result->sha256);
  g_free (result->content_type);
  g_free (result->server_filename);
  g_free (result->final_url);
  g_free (result->permanent_url);
  g_free (result->etag);
  g_free (result->last_modified);
  g_free (result);
}

/**
 * certo_client_download_async:
 * @self: a #CertoClient
 * @url: the document's http or https URL
 * @dest_dir: the folder to save into (created when missing); the server
 *   never chooses another
 * @suggested_basename: (nullable): the file name wanted (sanitised);
 *   %NULL for the server's (Content-Disposition, else the URL), else
 *   "document"
 * @expected_type: (nullable): the media type expected ("application/pdf");
 *   another specific type fails with %CERTO_CLIENT_ERROR_UNEXPECTED_TYPE
 * @cancellable: (nullable): a #GCancellable
 * @progress: (nullable) (scope notified): called as bytes arrive, with @user_data
 * @callback: called when done
 * @user_data: data for @callback and @progress
 *
 * Saves a document. The body streams into a partial file in @dest_dir
 * (see certo_download_part_basename()) while its SHA-256 is computed; the
 * first kilobyte is checked first, and an HTML page (by Content-Type or by
 * its content), HTTP 401 or a redirect to a sign-in page fails with
 * %CERTO_CLIENT_ERROR_SIGN_IN_REQUIRED before anything is written. When
 * complete the file is renamed into @dest_dir without replacing a
 * different file: "name (2).pdf" is used instead, and a file with the same
 * bytes is returned as it is.
 *
 * Resuming: when an earlier download of @url into @dest_dir was cut off by
 * the network and #CertoClient:resume-downloads is set, the kept bytes are
 * continued with `Range` and `If-Range` (RFC 9110 §14.2, §13.1.5); a 200
 * answer (the document changed, or no range support) or a 416 starts over
 * cleanly. Every other failure, and cancellation, leaves @dest_dir as it
 * was.
 */
void
certo_client_download_async (CertoClient         *self,
                             const char          *url,
                             GFile               *dest_dir,
                             const char          *suggested_basename,
                             const char          *expected_type,
                             GCancellable        *cancellable,
                             CertoClientProgress  progress,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GUri) uri = NULL;
  g_autofree char *part_name = NULL;
  g_autofree char *info_name = NULL;
  DownloadData *data;

  g_return_if_fail (CERTO_IS_CLIENT (self));
  g_return_if_fail (url != NULL);
  g_return_if_fail (G_IS_FILE (dest_dir));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, certo_client_download_async);

  data = g_new0 (DownloadData, 1);
  data->url = g_strdup (url);
  data->dest_dir = g_object_ref (dest_dir);
  data->suggested = g_strdup (suggested_basename);
  data->expected_type = expected_type != NULL && *expected_type != '\0'
                        ? g_ascii_strdown (expected_type, -1) : NULL;
  data->progress = progress;
  data->progress_data = user_data;
  data->resume = certo_client_get_resume_downloads (self);
  data->checksum = g_checksum_new (G_CHECKSUM_SHA256);
  data->expected = -1;
  data->total = -1;
  g_task_set_task_data (task, data, (GDestroyNotify) download_data_free);

  uri = certo_client_parse_url (url, &error);
  if (uri == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  part_name = certo_download_part_basename (url);
  info_name = g_strdup (part_name);
  strcpy (info_name + strlen (info_name) - strlen ("part"), "info");
  data->part = g_file_get_child (dest_dir, part_name);
  data->info = g_file_get_child (dest_dir, info_name);

  if (!certo_client_claim_part (self, data->part))
    {
      g_clear_object (&data->part);
      g_set_error (&error, CERTO_CLIENT_ERROR, CERTO_CLIENT_ERROR_FAILED,
                   _("Certo is already saving this document in this folder; wait for it to finish"));
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  data->claimed = TRUE;

  run_in_thread (g_steal_pointer (&task), _certo_download_prepare_thread, on_prepared);
}

/**
 * certo_client_download_finish:
 * @self: a #CertoClient
 * @result: the #GAsyncResult passed to the callback
 * @error: return location for a #CertoClientError, or %G_IO_ERROR_CANCELLED
 *
 * Returns: (transfer full): the saved file and what was checked, or %NULL
 *   with @error set
 */
CertoDownloadResult *
certo_client_download_finish (CertoClient   *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (CERTO_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == certo_client_download_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
