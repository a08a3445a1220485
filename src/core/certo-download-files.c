/* certo-download-files.c — the files of a download: the part and its
 * information beside the result, the final name, and the blocking file
 * work done on worker threads
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "certo-download-private.h"

/* Helpers */

void
_certo_download_set_write_error (DownloadData  *data,
                                 const GError  *io_error,
                                 GError       **error)
{
  g_autofree char *folder = g_file_get_parse_name (data->dest_dir);

  g_set_error (error, CERTO_CLIENT_ERROR, CERTO_CLIENT_ERROR_WRITE,
               /* Translators: the first %s is a folder, the second the system's message */
               _("Certo could not save the document in “%s” (%s); free some space or choose another folder"),
               folder, io_error->message);
}

/* The name the server offered: Content-Disposition (RFC 6266; libsoup
 * decodes filename*= of RFC 8187), else the last segment of the URL path */
char *
_certo_download_server_filename (CertoResponse *response)
{
  g_autoptr(GHashTable) params = NULL;
  const char *path;
  const char *segment;
  g_autofree char *unescaped = NULL;

  if (soup_message_headers_get_content_disposition (soup_message_get_response_headers (response->message),
                                                    NULL, &params))
    {
      const char *name = g_hash_table_lookup (params, "filename");
      char *clean = certo_download_sanitize_filename (name);

      if (clean != NULL)
        return clean;
    }

  path = g_uri_get_path (response->uri);
  segment = strrchr (path, '/');
  segment = segment != NULL ? segment + 1 : path;
  unescaped = g_uri_unescape_string (segment, NULL);
  return certo_download_sanitize_filename (unescaped);
}

static gboolean
delete_if_exists (GFile   *file,
                  GError **error)
{
  g_autoptr(GError) local_error = NULL;

  if (g_file_delete (file, NULL, &local_error) ||
      g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    return TRUE;

  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/* "name (2).pdf" */
static char *
numbered_name (const char *name,
               guint       n)
{
  const char *dot = strrchr (name, '.');

  if (n <= 1)
    return g_strdup (name);
  if (dot == NULL || dot == name || strlen (dot) > MAX_EXTENSION_BYTES)
    return g_strdup_printf ("%s (%u)", name, n);
  return g_strdup_printf ("%.*s (%u)%s", (int) (dot - name), name, n, dot);
}

/* Adds the bytes of @file to @checksum; FALSE when it cannot be read to
 * its end */
static gboolean
checksum_file (GFile         *file,
               GChecksum     *checksum,
               guint64       *out_size,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(GFileInputStream) input = NULL;
  g_autofree guint8 *buffer = g_malloc (CERTO_CLIENT_READ_CHUNK);
  guint64 size = 0;
  gssize n;

  input = g_file_read (file, cancellable, error);
  if (input == NULL)
    return FALSE;

  while ((n = g_input_stream_read (G_INPUT_STREAM (input), buffer, CERTO_CLIENT_READ_CHUNK,
                                   cancellable, error)) > 0)
    {
      g_checksum_update (checksum, buffer, n);
      size += n;
    }
  if (n < 0)
    return FALSE;

  *out_size = size;
  return TRUE;
}

static char *
file_sha256 (GFile         *file,
             GCancellable  *cancellable,
             guint64       *out_size,
             GError       **error)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  guint64 size = 0;

  if (!checksum_file (file, checksum, &size, cancellable, error))
    return NULL;

  if (out_size != NULL)
    *out_size = size;
  return g_strdup (g_checksum_get_string (checksum));
}

/* Worker thread: the folder, and what is left of an earlier attempt */
void
_certo_download_prepare_thread (GTask        *job,
                                gpointer      source,
                                gpointer      task_data,
                                GCancellable *cancellable)
{
  DownloadData *data = task_data;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;

  if (!g_file_make_directory_with_parents (data->dest_dir, NULL, &local_error) &&
      !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      _certo_download_set_write_error (data, local_error, &error);
      g_task_return_error (job, g_steal_pointer (&error));
      return;
    }

  if (data->resume &&
      g_file_load_contents (data->info, NULL, &contents, NULL, NULL, NULL) &&
      (lines = g_strsplit (contents, "\n", 3)) != NULL &&
      g_strv_length (lines) >= 2 &&
      strcmp (lines[0], data->url) == 0 && *lines[1] != '\0')
    {
      g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
      guint64 size = 0;

      /* The hash of the whole document covers the kept bytes too */
      if (checksum_file (data->part, checksum, &size, NULL, NULL) && size > 0)
        {
          data->offset = size;
          data->validator = g_strdup (lines[1]);
          g_checksum_free (data->checksum);
          data->checksum = g_steal_pointer (&checksum);
          g_task_return_boolean (job, TRUE);
          return;
        }
    }

  /* Nothing usable: start clean */
  delete_if_exists (data->part, NULL);
  delete_if_exists (data->info, NULL);
  g_task_return_boolean (job, TRUE);
}

/* Worker thread: pick the final name and move the part there */
void
_certo_download_finish_thread (GTask        *job,
                               gpointer      source,
                               gpointer      task_data,
                               GCancellable *cancellable)
{
  DownloadData *data = task_data;
  g_autoptr(CertoDownloadResult) result = g_new0 (CertoDownloadResult, 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  result->size = data->offset + data->received;
  result->sha256 = g_strdup (g_checksum_get_string (data->checksum));

  name = certo_download_sanitize_filename (data->suggested);
  if (name == NULL)
    name = g_strdup (data->server_filename);
  if (name == NULL)
    name = g_strdup (FALLBACK_NAME);

  for (guint n = 1; n <= MAX_NAME_TRIES && result->file == NULL; n++)
    {
      g_autofree char *candidate = numbered_name (name, n);
      g_autoptr(GFile) target = g_file_get_child (data->dest_dir, candidate);
      g_autoptr(GError) local_error = NULL;

      /* The name never leaves the folder (it has no separator; checked
       * anyway, as the last line of defence) */
      if (!g_file_has_parent (target, data->dest_dir))
        continue;

      if (g_file_query_exists (target, NULL))
        {
          g_autofree char *sum = NULL;
          guint64 size = 0;

          /* The same bytes are already there: keep that file */
          sum = file_sha256 (target, NULL, &size, NULL);
          if (sum != NULL && size == result->size && strcmp (sum, result->sha256) == 0)
            {
              delete_if_exists (data->part, NULL);
              result->file = g_steal_pointer (&target);
              result->reused = TRUE;
            }
          continue;
        }

      if (g_file_move (data->part, target, G_FILE_COPY_NONE, NULL, NULL, NULL, &local_error))
        {
          result->file = g_steal_pointer (&target);
        }
      else if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        {
          _certo_download_set_write_error (data, local_error, &error);
          break;
        }
    }

  if (result->file == NULL && error == NULL)
    g_set_error (&error, CERTO_CLIENT_ERROR, CERTO_CLIENT_ERROR_WRITE,
                 _("Certo could not find a free name for “%s” in its folder; tidy the folder up and try again"),
                 name);

  delete_if_exists (data->info, NULL);
  if (error != NULL)
    {
      delete_if_exists (data->part, NULL);
      g_task_return_error (job, g_steal_pointer (&error));
      return;
    }

  data->result = g_steal_pointer (&result);
  g_task_return_boolean (job, TRUE);
}

/* Worker thread: close and, unless kept for resuming, delete */
void
_certo_download_cleanup_thread (GTask        *job,
                                gpointer      source,
                                gpointer      task_data,
                                GCancellable *cancellable)
{
  DownloadData *data = task_data;

  if (data->output != NULL)
    g_output_stream_close (G_OUTPUT_STREAM (data->output), NULL, NULL);

  if (!data->keep_part)
    {
      delete_if_exists (data->part, NULL);
      delete_if_exists (data->info, NULL);
    }

  g_task_return_boolean (job, TRUE);
}

/* Worker thread: the part opened for writing. A fresh part is created with
 * O_EXCL (g_file_create) after any old one is gone, so nothing planted
 * under its name is followed and no temporary file of GIO's (as
 * g_file_replace() makes) can outlive a crash. */
void
_certo_download_open_thread (GTask        *job,
                             gpointer      source,
                             gpointer      task_data,
                             GCancellable *cancellable)
{
  DownloadData *data = task_data;
  GError *error = NULL;

  if (data->offset > 0)
    {
      data->output = g_file_append_to (data->part, G_FILE_CREATE_NONE, NULL, &error);
    }
  else if (delete_if_exists (data->part, &error))
    {
      data->output = g_file_create (data->part, G_FILE_CREATE_NONE, NULL, &error);
    }

  if (data->output == NULL)
    {
      g_task_return_error (job, error);
      return;
    }
  g_task_return_boolean (job, TRUE);
}

/* Public API */

/**
 * certo_download_sanitize_filename:
 * @name: (nullable): a file name from outside: a server's
 *   Content-Disposition, a URL, a document title
 *
 * Makes @name safe to create in a folder Certo chose: only the part after
 * the last `/` or `\` is kept (so `../` and absolute paths cannot choose
 * the folder), invalid UTF-8 is repaired, control and invisible formatting
 * characters (bidirectional overrides that disguise an extension) are
 * dropped, characters other systems reserve (`<>:"|?*`) become `_`,
 * leading dots and spaces (hidden files, `..`) and trailing dots and
 * spaces go, and the result is cut to 200 bytes on a character boundary,
 * keeping the extension. Non-ASCII letters are kept (NFC).
 *
 * Returns: (transfer full) (nullable): the safe name, never empty, or %NULL
 *   when nothing usable is left; the caller then picks a name of its own
 */
char *
certo_download_sanitize_filename (const char *name)
{
  g_autofree char *valid = NULL;
  g_autofree char *normal = NULL;
  g_autoptr(GString) out = NULL;
  const char *base;
  const char *p;
  gsize start;

  if (name == NULL)
    return NULL;

  valid = g_utf8_make_valid (name, -1);
  base = valid;
  for (p = valid; *p != '\0'; p++)
    if (*p == '/' || *p == '\\')
      base = p + 1;

  normal = g_utf8_normalize (base, -1, G_NORMALIZE_NFC);
  if (normal == NULL)
    return NULL;

  out = g_string_new (NULL);
  for (p = normal; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c) || g_unichar_type (c) == G_UNICODE_FORMAT ||
          g_unichar_type (c) == G_UNICODE_LINE_SEPARATOR ||
          g_unichar_type (c) == G_UNICODE_PARAGRAPH_SEPARATOR)
        continue;
      if (c < 0x80 && strchr ("<>:\"|?*", (char) c) != NULL)
        g_string_append_c (out, '_');
      else if (g_unichar_isspace (c))
        g_string_append_c (out, ' ');
      else
        g_string_append_unichar (out, c);
    }

  /* No hidden files, no "..", no name Windows would trim */
  for (start = 0; start < out->len && (out->str[start] == '.' || out->str[start] == ' '); start++)
    ;
  g_string_erase (out, 0, start);
  while (out->len > 0 && (out->str[out->len - 1] == '.' || out->str[out->len - 1] == ' '))
    g_string_truncate (out, out->len - 1);

  if (out->len > MAX_NAME_BYTES)
    {
      const char *dot = strrchr (out->str, '.');
      g_autofree char *extension = NULL;
      gsize keep;

      if (dot != NULL && strlen (dot) <= MAX_EXTENSION_BYTES)
        extension = g_strdup (dot);
      keep = MAX_NAME_BYTES - (extension != NULL ? strlen (extension) : 0);
      /* Back to the start of a character */
      while (keep > 0 && (out->str[keep] & 0xc0) == 0x80)
        keep--;
      g_string_truncate (out, keep);
      while (out->len > 0 && (out->str[out->len - 1] == '.' || out->str[out->len - 1] == ' '))
        g_string_truncate (out, out->len - 1);
      if (extension != NULL && out->len > 0)
        g_string_append (out, extension);
    }

  if (out->len == 0)
    return NULL;

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * certo_download_part_basename:
 * @url: a document's URL
 *
 * The name of the partial file a download of @url writes in its
 * destination folder: `.certo-download-` and 16 hex digits of the URL's
 * SHA-256, then `.part`. The information for resuming it sits beside it,
 * with `.info` in place of `.part`.
 *
 * Returns: (transfer full): the file name
 */
char *
certo_download_part_basename (const char *url)
{
  g_autofree char *sum = NULL;

  g_return_val_if_fail (url != NULL, NULL);

  sum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, url, -1);
  return g_strdup_printf (".certo-download-%.16s.part", sum);
}
