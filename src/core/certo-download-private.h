/* certo-download-private.h — what the files of a download share: its
 * state, and the file work done on worker threads
 * (certo-download-files.c) for the transfer (certo-download.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "certo-client-private.h"
#include "certo-download.h"

G_BEGIN_DECLS

typedef struct
{
  char                *url;
  GFile               *dest_dir;
  char                *suggested;
  char                *expected_type;
  CertoClientProgress  progress;
  gpointer             progress_data;
  gboolean             resume;

  GFile               *part;
  GFile               *info;
  gboolean             claimed;

  /* A partial file kept from an earlier attempt */
  guint64              offset;
  char                *validator;
  gboolean             retried;

  GChecksum           *checksum;
  CertoResponse       *response;
  GFileOutputStream   *output;
  GByteArray          *head;
  GBytes              *pending;
  gboolean             sniffed;
  gboolean             at_eof;
  guint64              received;
  gint64               expected;
  gint64               total;
  gboolean             resumable;
  gboolean             resumed;
  char                *content_type;
  char                *server_filename;
  char                *etag;
  char                *last_modified;

  GError              *error;
  gboolean             keep_part;
  CertoDownloadResult *result;
} DownloadData;

/* Bytes looked at to tell a document from an HTML page */
#define SNIFF_SIZE 1024
/* Longest file name written, in bytes (most file systems allow 255) */
#define MAX_NAME_BYTES 200
/* An extension longer than this is part of the name */
#define MAX_EXTENSION_BYTES 16
/* "name (2).pdf" … "name (999).pdf" */
#define MAX_NAME_TRIES 999
#define FALLBACK_NAME "document"

/* certo-download-files.c */
void     _certo_download_set_write_error (DownloadData  *data,
                                          const GError  *io_error,
                                          GError       **error);
char    *_certo_download_server_filename (CertoResponse *response);
void     _certo_download_prepare_thread  (GTask        *job,
                                          gpointer      source,
                                          gpointer      task_data,
                                          GCancellable *cancellable);
void     _certo_download_finish_thread   (GTask        *job,
                                          gpointer      source,
                                          gpointer      task_data,
                                          GCancellable *cancellable);
void     _certo_download_cleanup_thread  (GTask        *job,
                                          gpointer      source,
                                          gpointer      task_data,
                                          GCancellable *cancellable);
void     _certo_download_open_thread     (GTask        *job,
                                          gpointer      source,
                                          gpointer      task_data,
                                          GCancellable *cancellable);

G_END_DECLS
