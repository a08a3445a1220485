/* certo-client-private.h — the request engine certo-client.c and
 * certo-download.c share: send with manual redirects, map errors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libsoup/soup.h>

#include "certo-client.h"

G_BEGIN_DECLS

/* What was asked for decides the wording of some errors: a source (a feed,
 * an article) or a document (a PDF the user wants to read) */
typedef enum
{
  CERTO_REQUEST_SOURCE,
  CERTO_REQUEST_DOCUMENT,
} CertoRequestKind;

/* Bytes asked of a body stream at a time */
#define CERTO_CLIENT_READ_CHUNK ((gsize) 64 * 1024)

/* The final answer of a request after its redirects: status and headers in
 * @message, the body not read yet */
typedef struct
{
  SoupMessage  *message;
  GInputStream *stream;
  GUri         *uri;
  char         *url;
  char         *final_url;
  char         *permanent_url;
} CertoResponse;

void           certo_response_free             (CertoResponse      *response);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CertoResponse, certo_response_free)

const char    *certo_response_get_host         (CertoResponse      *response);
char          *certo_response_dup_header       (CertoResponse      *response,
                                                const char         *name);
char          *certo_response_dup_content_type (CertoResponse      *response);
gint64         certo_response_get_content_length (CertoResponse    *response);
gboolean       certo_response_is_encoded       (CertoResponse      *response);
gint64         certo_response_get_retry_after  (CertoResponse      *response);
void           certo_response_close            (CertoResponse      *response);

GUri          *certo_client_parse_url          (const char         *url,
                                                GError            **error);

void           certo_client_send_async         (CertoClient        *self,
                                                const char         *method,
                                                const char         *url,
                                                SoupMessageHeaders *request_headers,
                                                CertoRequestKind    kind,
                                                gboolean            decode,
                                                GCancellable       *cancellable,
                                                GAsyncReadyCallback callback,
                                                gpointer            user_data);
CertoResponse *certo_client_send_finish        (CertoClient        *self,
                                                GAsyncResult       *result,
                                                GError            **error);

SoupSession   *certo_client_get_session        (CertoClient        *self);

gboolean       certo_client_claim_part         (CertoClient        *self,
                                                GFile              *part);
void           certo_client_release_part       (CertoClient        *self,
                                                GFile              *part);

gboolean       certo_client_check_status       (CertoClient        *self,
                                                CertoResponse      *response,
                                                CertoRequestKind    kind,
                                                GError            **error);
void           certo_client_set_unusable_status (CertoResponse     *response,
                                                GError            **error);
void           certo_client_set_read_error     (CertoClient        *self,
                                                const char         *host,
                                                GError             *io_error,
                                                GError            **error);
void           certo_client_set_too_large      (CertoClient        *self,
                                                const char         *host,
                                                GError            **error);
void           certo_client_set_truncated      (const char         *host,
                                                GError            **error);
void           certo_client_set_sign_in        (const char         *host,
                                                CertoRequestKind    kind,
                                                GError            **error);

G_END_DECLS
