/* certo-download.h — saving documents: streamed into a temporary file,
 * checked, renamed into place only when complete, resumed with Range
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "certo-client.h"

G_BEGIN_DECLS

/**
 * CertoDownloadResult:
 * @file: the saved document, in the folder the caller gave
 * @size: its size in bytes
 * @sha256: its SHA-256, lower-case hex (computed while writing, covering the
 *   bytes of a resumed part as well)
 * @content_type: (nullable): the media type: the server's Content-Type, or
 *   the sniffed type when the server sent only a generic one
 *   ("application/octet-stream")
 * @server_filename: (nullable): the file name the server offered
 *   (Content-Disposition, RFC 6266; else the last segment of the URL's
 *   path), sanitised with certo_download_sanitize_filename()
 * @final_url: the address that answered, after redirects
 * @permanent_url: (nullable): as #CertoFetchResult.permanent_url
 * @etag: (nullable): the document's ETag
 * @last_modified: (nullable): its Last-Modified value as the server wrote it
 * @resumed: %TRUE when the bytes of an earlier, interrupted attempt were
 *   kept and only the rest was fetched (HTTP 206)
 * @reused: %TRUE when a file with the same name and the same bytes was
 *   already in the folder: it is returned as is and nothing was written
 *
 * What certo_client_download_finish() returns. Free with
 * certo_download_result_free().
 */
typedef struct
{
  GFile    *file;
  guint64   size;
  char     *sha256;
  char     *content_type;
  char     *server_filename;
  char     *final_url;
  char     *permanent_url;
  char     *etag;
  char     *last_modified;
  gboolean  resumed;
  gboolean  reused;
} CertoDownloadResult;

#define CERTO_TYPE_DOWNLOAD_RESULT (certo_download_result_get_type ())

GType                certo_download_result_get_type    (void) G_GNUC_CONST;
CertoDownloadResult *certo_download_result_copy        (const CertoDownloadResult *result);
void                 certo_download_result_free        (CertoDownloadResult       *result);

char                *certo_download_sanitize_filename  (const char                *name);
char                *certo_download_part_basename      (const char                *url);

void                 certo_client_download_async       (CertoClient          *self,
                                                        const char           *url,
                                                        GFile                *dest_dir,
                                                        const char           *suggested_basename,
                                                        const char           *expected_type,
                                                        GCancellable         *cancellable,
                                                        CertoClientProgress   progress,
                                                        GAsyncReadyCallback   callback,
                                                        gpointer              user_data);
CertoDownloadResult *certo_client_download_finish      (CertoClient          *self,
                                                        GAsyncResult         *result,
                                                        GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CertoDownloadResult, certo_download_result_free)

G_END_DECLS
