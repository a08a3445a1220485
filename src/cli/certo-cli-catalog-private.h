/* certo-cli-catalog-private.h — what the catalog commands share: the
 * JSON and terminal output of documents, services, families and
 * environments (certo-cli-catalog.c for certo-cli-show.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "certo-cli-private.h"

G_BEGIN_DECLS

/* Column widths of the lists, in terminal columns */
#define ID_WIDTH     6
#define KIND_WIDTH   28
#define NUMBER_WIDTH 10
#define ISSUER_WIDTH 6

/* certo-cli-catalog.c */
void     cli_catalog_build_service          (JsonBuilder  *builder,
                                             CertoService *service);
void     cli_catalog_build_family           (JsonBuilder *builder,
                                             CertoFamily *family);
void     cli_catalog_build_environment      (JsonBuilder        *builder,
                                             CertoEnvironment   *environment,
                                             const char * const *names);
void     cli_catalog_build_document         (JsonBuilder   *builder,
                                             CliContext    *ctx,
                                             CertoDocument *document,
                                             gboolean       full);
void     cli_catalog_build_documents        (JsonBuilder *builder,
                                             CliContext  *ctx,
                                             GListModel  *documents,
                                             gboolean     certificates);
void     cli_catalog_build_services         (JsonBuilder *builder,
                                             GListModel  *services);
void     cli_catalog_print_documents        (GListModel *documents,
                                             gboolean    certificates);
void     cli_catalog_print_services         (GListModel *services);
void     cli_catalog_print_environment_line (CertoEnvironment *environment);
void     cli_catalog_print_field            (const char *label,
                                             const char *value);

G_END_DECLS
