/* certo-soa-import-private.h — shared by the SoA importer's two halves
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * certo-soa-import-csv.c  worker thread: bytes → rows (encoding, CSV,
 *                         header, values)
 * certo-soa-import.c      main thread: rows → the workspace, and the API
 */
#pragma once

#include "certo-soa-import.h"

G_BEGIN_DECLS

/* One data row, read; matched and applied on the main thread */
typedef struct
{
  guint                  line;
  char                  *id;
  int                    applicability;    /* -1: leave as it is */
  int                    status;           /* -1: leave as it is */
  gboolean               has_reasons;
  CertoInclusionReasons  reasons;
  char                  *justification;    /* NULL: leave as it is */
  GPtrArray             *issues;           /* CertoSoaImportIssue */
} CertoSoaRow;

typedef struct
{
  GPtrArray *rows;                         /* CertoSoaRow */
  char      *id_heading;
  guint      header_line;
  char       separator;
} CertoSoaTable;

CertoSoaImportIssue *_certo_soa_import_issue_new   (guint                      line,
                                                    const char                *column,
                                                    const char                *value,
                                                    char                      *message);
CertoSoaImportIssue *_certo_soa_import_issue_copy  (const CertoSoaImportIssue *issue);
void                 _certo_soa_import_issue_free  (gpointer                   issue);
void                 _certo_soa_import_parsed_free (CertoSoaTable                 *parsed);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CertoSoaTable, _certo_soa_import_parsed_free)

char                *_certo_soa_import_normalize_id (const char               *text);
CertoSoaTable           *_certo_soa_import_parse        (GBytes                   *bytes,
                                                     GError                  **error);

G_END_DECLS
