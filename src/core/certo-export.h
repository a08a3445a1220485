/* certo-export.h — the Statement of Applicability (CSV, XLSX, PDF) and
 * the status report (PDF), written from a snapshot of a workspace
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "certo-workspace.h"

G_BEGIN_DECLS

#define CERTO_EXPORT_ERROR (certo_export_error_quark ())

/**
 * CertoExportError:
 * @CERTO_EXPORT_ERROR_FAILED: anything else; the message says what
 * @CERTO_EXPORT_ERROR_NOT_OPEN: the workspace is not open
 * @CERTO_EXPORT_ERROR_NOT_LOCAL: the destination has no local path
 * @CERTO_EXPORT_ERROR_NO_FOLDER: the destination's folder does not exist
 * @CERTO_EXPORT_ERROR_CANNOT_WRITE: the file could not be written (no
 *   permission, disk full, …); nothing was left behind
 * @CERTO_EXPORT_ERROR_XLSX: libxlsxwriter refused the workbook
 * @CERTO_EXPORT_ERROR_PDF: cairo could not draw the document
 *
 * Errors of the exports. Cancellation comes as %G_IO_ERROR_CANCELLED.
 * Whatever the error, the destination is as it was before the export.
 */
typedef enum
{
  CERTO_EXPORT_ERROR_FAILED,
  CERTO_EXPORT_ERROR_NOT_OPEN,
  CERTO_EXPORT_ERROR_NOT_LOCAL,
  CERTO_EXPORT_ERROR_NO_FOLDER,
  CERTO_EXPORT_ERROR_CANNOT_WRITE,
  CERTO_EXPORT_ERROR_XLSX,
  CERTO_EXPORT_ERROR_PDF,
} CertoExportError;

/**
 * CertoExportFormat:
 * @CERTO_EXPORT_SOA_CSV: the Statement of Applicability as CSV (RFC 4180,
 *   UTF-8 with a byte order mark, CRLF line ends)
 * @CERTO_EXPORT_SOA_XLSX: the Statement of Applicability as an Excel
 *   workbook (Office Open XML)
 * @CERTO_EXPORT_SOA_PDF: the Statement of Applicability as a paginated
 *   A4 PDF
 * @CERTO_EXPORT_STATUS_PDF: the status report as an A4 PDF: readiness per
 *   theme and clause, the points score, overdue items, expiring evidence,
 *   the next audits
 *
 * What certo_export_async() writes. The three SoA formats hold the same
 * rows: one per Annex A control (ISO/IEC 27001:2022 clause 6.1.3 d).
 */
typedef enum
{
  CERTO_EXPORT_SOA_CSV,
  CERTO_EXPORT_SOA_XLSX,
  CERTO_EXPORT_SOA_PDF,
  CERTO_EXPORT_STATUS_PDF,
} CertoExportFormat;

#define CERTO_TYPE_EXPORT_FORMAT (certo_export_format_get_type ())
GType        certo_export_format_get_type          (void) G_GNUC_CONST;

/**
 * CertoExportSnapshot:
 *
 * An immutable copy of everything an export reads from a workspace,
 * taken on the main thread; the writers read only this, on any thread.
 * Reference counted (atomically).
 */
typedef struct _CertoExportSnapshot CertoExportSnapshot;

#define CERTO_TYPE_EXPORT_SNAPSHOT (certo_export_snapshot_get_type ())
GType                certo_export_snapshot_get_type   (void) G_GNUC_CONST;

GQuark               certo_export_error_quark         (void);

const char          *certo_export_format_to_nick      (CertoExportFormat    format);
gboolean             certo_export_format_from_nick    (const char          *nick,
                                                       CertoExportFormat   *out_format);
const char          *certo_export_format_get_extension    (CertoExportFormat format);
const char          *certo_export_format_get_content_type (CertoExportFormat format);

CertoExportSnapshot *certo_export_snapshot_new        (CertoWorkspace      *workspace,
                                                       GError             **error);
CertoExportSnapshot *certo_export_snapshot_ref        (CertoExportSnapshot *snapshot);
void                 certo_export_snapshot_unref      (CertoExportSnapshot *snapshot);
guint                certo_export_snapshot_get_n_controls (CertoExportSnapshot *snapshot);
gboolean             certo_export_snapshot_write      (CertoExportSnapshot *snapshot,
                                                       CertoExportFormat    format,
                                                       GFile               *destination,
                                                       GCancellable        *cancellable,
                                                       GError             **error);

void                 certo_export_async               (CertoWorkspace      *workspace,
                                                       CertoExportFormat    format,
                                                       GFile               *destination,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
gboolean             certo_export_finish              (CertoWorkspace      *workspace,
                                                       GAsyncResult        *result,
                                                       GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CertoExportSnapshot, certo_export_snapshot_unref)

G_END_DECLS
