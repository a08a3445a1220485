/* certo-soa-import.h — a Statement of Applicability from CSV into a workspace
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "certo-workspace.h"

G_BEGIN_DECLS

#define CERTO_SOA_IMPORT_ERROR (certo_soa_import_error_quark ())

/**
 * CertoSoaImportError:
 * @CERTO_SOA_IMPORT_ERROR_TOO_LARGE: the file is over
 *   %CERTO_SOA_IMPORT_MAX_SIZE, or has more than %CERTO_SOA_IMPORT_MAX_ROWS
 *   rows
 * @CERTO_SOA_IMPORT_ERROR_NOT_UTF8: the file is not UTF-8 text (the
 *   message names the first line that is not)
 * @CERTO_SOA_IMPORT_ERROR_SYNTAX: a quoted field never ends (the message
 *   names the line where it starts)
 * @CERTO_SOA_IMPORT_ERROR_NO_HEADER: no header row with a control column
 *   and an applicability, status or justification column
 * @CERTO_SOA_IMPORT_ERROR_NOT_OPEN: the workspace is not open
 *
 * Errors that stop an import before anything is changed. Problems with
 * single rows do not stop it: they are in the #CertoSoaImportReport.
 */
typedef enum
{
  CERTO_SOA_IMPORT_ERROR_TOO_LARGE,
  CERTO_SOA_IMPORT_ERROR_NOT_UTF8,
  CERTO_SOA_IMPORT_ERROR_SYNTAX,
  CERTO_SOA_IMPORT_ERROR_NO_HEADER,
  CERTO_SOA_IMPORT_ERROR_NOT_OPEN,
} CertoSoaImportError;

/* Caps: a whole SoA of 1,000 controls is far below each */
#define CERTO_SOA_IMPORT_MAX_SIZE (10 * 1024 * 1024)   /* bytes */
#define CERTO_SOA_IMPORT_MAX_ROWS 50000
#define CERTO_SOA_IMPORT_MAX_FIELD (64 * 1024)         /* bytes of one cell */
#define CERTO_SOA_IMPORT_MAX_COLUMNS 256               /* more are ignored */

/**
 * CertoSoaImportIssue:
 * @line: the line of the file where the row starts (1 is the first line)
 * @column: (nullable): the heading of the cell's column, as the file
 *   writes it; %NULL for an unmatched control
 * @value: the cell's text: the control id for an unmatched row, the bad
 *   value otherwise
 * @message: what is wrong, translated, one line
 *
 * A row the import left out.
 */
typedef struct
{
  guint  line;
  char  *column;
  char  *value;
  char  *message;
} CertoSoaImportIssue;

/**
 * CertoSoaImportReport:
 * @n_rows: data rows read (after the header; blank rows not counted)
 * @n_applied: rows matched to a control and applied
 * @n_changed: of those, the rows that changed at least one field
 * @header_line: the line of the header row
 * @separator: the field separator found: ',', ';' or '\t'
 * @unmatched: (element-type CertoSoaImportIssue): rows whose control id
 *   names no Annex A control of the workspace, in file order
 * @invalid: (element-type CertoSoaImportIssue): cells with a value that
 *   cannot be read (a row with one is left out whole), and rows naming a
 *   control already imported from an earlier row, in file order
 *
 * What certo_soa_import_finish() did.
 */
typedef struct
{
  guint      n_rows;
  guint      n_applied;
  guint      n_changed;
  guint      header_line;
  char       separator;
  GPtrArray *unmatched;
  GPtrArray *invalid;
} CertoSoaImportReport;

#define CERTO_TYPE_SOA_IMPORT_REPORT (certo_soa_import_report_get_type ())

GType                 certo_soa_import_report_get_type (void) G_GNUC_CONST;
CertoSoaImportReport *certo_soa_import_report_copy     (const CertoSoaImportReport *report);
void                  certo_soa_import_report_free     (CertoSoaImportReport       *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CertoSoaImportReport, certo_soa_import_report_free)

GQuark                certo_soa_import_error_quark     (void);

void                  certo_soa_import_async           (CertoWorkspace       *workspace,
                                                        GFile                *file,
                                                        GCancellable         *cancellable,
                                                        GAsyncReadyCallback   callback,
                                                        gpointer              user_data);
CertoSoaImportReport *certo_soa_import_finish          (CertoWorkspace       *workspace,
                                                        GAsyncResult         *result,
                                                        GError              **error);
CertoSoaImportReport *certo_soa_import_bytes           (CertoWorkspace       *workspace,
                                                        GBytes               *bytes,
                                                        GError              **error);

G_END_DECLS
