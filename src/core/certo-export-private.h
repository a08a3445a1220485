/* certo-export-private.h — shared by the export writers only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * certo-export.c         the snapshot, the async job, the temporary file
 * certo-export-csv.c     the SoA as CSV (RFC 4180)
 * certo-export-xlsx.c    the SoA as XLSX (libxlsxwriter)
 * certo-export-pdf.c     the page engine (cairo + pango)
 * certo-export-soa-pdf.c the SoA as PDF
 * certo-export-report.c  the status report: its figures and its PDF
 */
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include "certo-export.h"
#include "certo-workspace-score.h"

G_BEGIN_DECLS

/* One requirement, as the export sees it */
typedef struct
{
  char                     *key;
  char                     *label;          /* "A.5.7", "A.5.1.1", "6.1.2", "AC-2" */
  char                     *title;
  char                     *group_key;
  char                     *group_label;
  char                     *group_title;
  gboolean                  is_annex_a;
  gboolean                  is_clause;
  CertoApplicability        applicability;
  CertoInclusionReasons     reasons;
  char                     *justification;
  CertoImplementationStatus status;
  CertoControlType          control_type;
  CertoObligation           obligation;
  char                     *owner;
  char                     *due_date;
  CertoSoaIssues            soa_issues;
  gboolean                  overdue;        /* in scope, not implemented, due date past */
  GPtrArray                *evidence;       /* char *: evidence titles */
} CertoExportRow;

typedef struct
{
  char      *title;
  char      *effective_date;
  char      *expiry_date;
  GPtrArray *labels;                        /* char *: requirement labels */
} CertoExportEvidence;

typedef struct
{
  CertoFindingKind  kind;
  char             *reference;
  char             *description;
  char             *due_date;
  GPtrArray        *labels;                 /* char *: requirement labels */
} CertoExportFinding;

struct _CertoExportSnapshot
{
  gatomicrefcount ref_count;

  char *organisation;
  char *scope;
  char *framework_id;
  char *framework_title;
  char *certificate_number;
  char *certification_body;
  char *certificate_issue_date;
  char *certificate_expiry_date;
  char *soa_version;                        /* NULL: no approved version */
  char *soa_approver;
  char *soa_approval_date;
  gboolean soa_changed;                     /* edited since that approval: a draft */
  char *today;                              /* YYYY-MM-DD, local */

  GPtrArray *rows;                          /* CertoExportRow, framework order */

  /* The status report's figures, as the workspace computes them for the
   * UI (certo-workspace-score.h), copied as plain values */
  CertoScore *score;
  GPtrArray  *schedule;                     /* CertoScheduledAudit */
  GPtrArray  *overdue_findings;             /* CertoExportFinding */
  GPtrArray  *expiring;                     /* CertoExportEvidence */
};

/* Evidence expiring this close (or expired) is in the status report */
#define CERTO_EXPORT_EXPIRY_DAYS 90

/* The SoA's columns, in order (CSV and XLSX; the PDF shows the first 7) */
typedef enum
{
  CERTO_SOA_COLUMN_ID,
  CERTO_SOA_COLUMN_TITLE,
  CERTO_SOA_COLUMN_APPLICABLE,
  CERTO_SOA_COLUMN_REASONS,
  CERTO_SOA_COLUMN_JUSTIFICATION,
  CERTO_SOA_COLUMN_STATUS,
  CERTO_SOA_COLUMN_EVIDENCE,
  CERTO_SOA_COLUMN_OPEN_POINTS,
  CERTO_SOA_N_COLUMNS
} CertoSoaColumn;

/* Labels, translated when called (certo-export.c) */
const char *_certo_export_column_title     (CertoSoaColumn        column);
const char *_certo_export_yes              (void);
const char *_certo_export_no               (void);
char       *_certo_export_cell             (const CertoExportRow *row,
                                            CertoSoaColumn        column);
char       *_certo_export_format_date      (const char           *iso_date);
char       *_certo_export_dup_soa_version  (CertoExportSnapshot  *snapshot);

/* Each writer fills @path, an empty temporary file it may reopen by
 * name, or write through @fd (open, write-only); the caller syncs and
 * renames it, or removes it on failure. */
typedef gboolean (*CertoExportWriter) (CertoExportSnapshot  *snapshot,
                                       int                   fd,
                                       const char           *path,
                                       GCancellable         *cancellable,
                                       GError              **error);

gboolean _certo_export_write_all      (int                   fd,
                                       const char           *data,
                                       gsize                 length,
                                       GError              **error);
gboolean _certo_export_write_soa_csv  (CertoExportSnapshot  *snapshot,
                                       int                   fd,
                                       const char           *path,
                                       GCancellable         *cancellable,
                                       GError              **error);
gboolean _certo_export_write_soa_xlsx (CertoExportSnapshot  *snapshot,
                                       int                   fd,
                                       const char           *path,
                                       GCancellable         *cancellable,
                                       GError              **error);
gboolean _certo_export_write_soa_pdf  (CertoExportSnapshot  *snapshot,
                                       int                   fd,
                                       const char           *path,
                                       GCancellable         *cancellable,
                                       GError              **error);
gboolean _certo_export_write_status_pdf (CertoExportSnapshot *snapshot,
                                       int                   fd,
                                       const char           *path,
                                       GCancellable         *cancellable,
                                       GError              **error);

/* CSV cells (certo-export-csv.c) */
void     _certo_csv_append_cell       (GString              *out,
                                       const char           *text);

/* The page engine (certo-export-pdf.c) */
typedef struct _CertoPdf CertoPdf;

typedef enum
{
  CERTO_PDF_FONT_BODY,
  CERTO_PDF_FONT_BOLD,
  CERTO_PDF_FONT_ITALIC,
  CERTO_PDF_FONT_SMALL,
  CERTO_PDF_FONT_SMALL_BOLD,
  CERTO_PDF_FONT_HEADING,
  CERTO_PDF_FONT_TITLE,
  CERTO_PDF_N_FONTS
} CertoPdfFont;

typedef struct
{
  const char   *text;
  CertoPdfFont  font;
  gboolean      muted;        /* grey text: a missing value, "None" */
  gboolean      has_bar;      /* a progress bar under the text */
  double        bar;          /* its filled share, 0–1 */
  double        bar_partial;  /* a lighter share after it, 0–1 */
} CertoPdfCell;

/* Draws the top of every page (the header block) when @pdf draws, and
 * returns its height either way */
typedef double (*CertoPdfHeaderFunc) (CertoPdf *pdf,
                                      gpointer  user_data);

typedef struct
{
  guint          n_columns;
  const double  *widths;      /* points; they add up to the body's width */
  const char   **titles;      /* repeated at the top of each page */
} CertoPdfTable;

CertoPdf *_certo_pdf_new                (gboolean            landscape,
                                         CertoPdfHeaderFunc  header,
                                         gpointer            header_data);
void      _certo_pdf_free               (CertoPdf           *pdf);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CertoPdf, _certo_pdf_free)

gboolean  _certo_pdf_run                (CertoPdf           *pdf,
                                         int                 fd,
                                         gboolean          (*content) (CertoPdf     *pdf,
                                                                       gpointer      data,
                                                                       GCancellable *cancellable,
                                                                       GError      **error),
                                         gpointer            data,
                                         GCancellable       *cancellable,
                                         GError            **error);
void      _certo_pdf_set_title          (CertoPdf           *pdf,
                                         const char         *title);
gboolean  _certo_pdf_is_drawing         (CertoPdf           *pdf);
cairo_t  *_certo_pdf_get_cairo          (CertoPdf           *pdf);
double    _certo_pdf_get_left           (CertoPdf           *pdf);
double    _certo_pdf_get_body_width     (CertoPdf           *pdf);
double    _certo_pdf_get_y              (CertoPdf           *pdf);
void      _certo_pdf_set_y              (CertoPdf           *pdf,
                                         double              y);
double    _certo_pdf_text               (CertoPdf           *pdf,
                                         double              x,
                                         double              y,
                                         double              width,
                                         const char         *text,
                                         CertoPdfFont        font,
                                         gboolean            muted,
                                         int                 max_lines);
void      _certo_pdf_ensure_space       (CertoPdf           *pdf,
                                         double              height);
void      _certo_pdf_paragraph          (CertoPdf           *pdf,
                                         const char         *text,
                                         CertoPdfFont        font,
                                         gboolean            muted);
void      _certo_pdf_heading            (CertoPdf           *pdf,
                                         const char         *text,
                                         double              keep_with_next);
void      _certo_pdf_space              (CertoPdf           *pdf,
                                         double              height);
void      _certo_pdf_begin_table        (CertoPdf           *pdf,
                                         const CertoPdfTable *table);
void      _certo_pdf_table_row          (CertoPdf           *pdf,
                                         const CertoPdfCell *cells);
void      _certo_pdf_table_group_row    (CertoPdf           *pdf,
                                         const char         *text,
                                         double              keep_with_next);
void      _certo_pdf_end_table          (CertoPdf           *pdf);
double    _certo_pdf_key_values         (CertoPdf           *pdf,
                                         double              y,
                                         const char * const *pairs,
                                         guint               n_columns);

G_END_DECLS
