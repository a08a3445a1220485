/* certo-test-server.h — a real HTTP(S) server in the test process
 * (SoupServer on 127.0.0.1), canned resources, raw sockets for broken
 * servers, and a network monitor a test can switch off
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

typedef struct _CertoTestServer CertoTestServer;
typedef struct _CertoTestDocument CertoTestDocument;

void               certo_test_server_prepare_environment (void);

CertoTestServer   *certo_test_server_new               (void);
void               certo_test_server_free              (CertoTestServer    *self);
SoupServer        *certo_test_server_get_soup_server   (CertoTestServer    *self);
char              *certo_test_server_url               (CertoTestServer    *self,
                                                        const char         *path);
guint16            certo_test_server_get_port          (CertoTestServer    *self);

gboolean           certo_test_server_enable_tls        (CertoTestServer    *self,
                                                        GError            **error);
char              *certo_test_server_https_url         (CertoTestServer    *self,
                                                        const char         *path);
GTlsDatabase      *certo_test_server_get_tls_database  (CertoTestServer    *self);

void               certo_test_server_add_handler       (CertoTestServer    *self,
                                                        const char         *path,
                                                        SoupServerCallback  callback,
                                                        gpointer            user_data,
                                                        GDestroyNotify      destroy);
void               certo_test_server_add_redirect      (CertoTestServer    *self,
                                                        const char         *path,
                                                        guint               status,
                                                        const char         *location);
void               certo_test_server_add_status        (CertoTestServer    *self,
                                                        const char         *path,
                                                        guint               status,
                                                        const char         *retry_after);
guint              certo_test_server_get_hits          (CertoTestServer    *self,
                                                        const char         *path);
char              *certo_test_server_add_raw           (CertoTestServer    *self,
                                                        const char         *response,
                                                        gssize              length,
                                                        gboolean            hold);

CertoTestDocument *certo_test_server_add_document      (CertoTestServer    *self,
                                                        const char         *path,
                                                        const char         *content_type,
                                                        GBytes             *body);
void               certo_test_document_set_body        (CertoTestDocument  *doc,
                                                        GBytes             *body);
void               certo_test_document_set_etag        (CertoTestDocument  *doc,
                                                        const char         *etag);
void               certo_test_document_set_last_modified (CertoTestDocument *doc,
                                                        const char         *last_modified);
void               certo_test_document_set_ranges      (CertoTestDocument  *doc,
                                                        gboolean            ranges);
void               certo_test_document_set_head        (CertoTestDocument  *doc,
                                                        gboolean            allowed);
void               certo_test_document_set_chunked     (CertoTestDocument  *doc,
                                                        gboolean            chunked);
void               certo_test_document_set_disposition (CertoTestDocument  *doc,
                                                        const char         *value);
void               certo_test_document_cut_next        (CertoTestDocument  *doc,
                                                        gsize               after);
guint              certo_test_document_get_requests    (CertoTestDocument  *doc);
const char        *certo_test_document_get_request_header (CertoTestDocument *doc,
                                                        const char         *name);
const char        *certo_test_document_get_etag        (CertoTestDocument  *doc);
const char        *certo_test_document_get_last_modified (CertoTestDocument *doc);

GProxyResolver    *certo_test_no_proxy_resolver        (void);
GNetworkMonitor   *certo_test_network_monitor_new      (void);
void               certo_test_network_monitor_set_available (GNetworkMonitor *monitor,
                                                        gboolean            available);
guint16            certo_test_unused_port              (void);
GBytes            *certo_test_random_bytes             (gsize               length,
                                                        guint32             seed);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CertoTestServer, certo_test_server_free)

G_END_DECLS
