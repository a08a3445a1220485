/* certo-export-soa-pdf.c — the Statement of Applicability as PDF, on the
 * page engine of certo-export-pdf.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs on the export's worker thread.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "certo-export-private.h"

static const double soa_widths[] = { 44, 150, 58, 112, 196, 70, 140 };   /* 770 */

static double
soa_page_header (CertoPdf *pdf,
                 gpointer  user_data)
{
  CertoExportSnapshot *snapshot = user_data;
  g_autofree char *version = _certo_export_dup_soa_version (snapshot);
  g_autofree char *date = _certo_export_format_date (snapshot->soa_approval_date);
  const char *pairs[] = {
    _("Organisation"), snapshot->organisation,
    _("Scope"), snapshot->scope,
    _("Framework"), snapshot->framework_title,
    _("SoA version"), version,
    _("Approved by"), snapshot->soa_approver,
    _("Approval date"), date,
    NULL
  };
  double y = _certo_pdf_get_y (pdf);
  double height;

  height = _certo_pdf_text (pdf, _certo_pdf_get_left (pdf), y, _certo_pdf_get_body_width (pdf),
                            _("Statement of Applicability"), CERTO_PDF_FONT_TITLE, FALSE, 1);
  height += 4;
  height += _certo_pdf_key_values (pdf, y + height, pairs, 3);
  return height;
}

static char *
join_lines (GPtrArray *items)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < items->len; i++)
    {
      if (i > 0)
        g_string_append_c (out, '\n');
      g_string_append (out, g_ptr_array_index (items, i));
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
reasons_lines (CertoInclusionReasons reasons)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint bit = 0; bit < 8 * sizeof (reasons); bit++)
    {
      g_autofree char *label = NULL;

      if ((reasons & (1u << bit)) == 0)
        continue;
      label = certo_inclusion_reasons_to_label (1u << bit);
      if (out->len > 0)
        g_string_append_c (out, '\n');
      g_string_append (out, label);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean
soa_content (CertoPdf      *pdf,
             gpointer       user_data,
             GCancellable  *cancellable,
             GError       **error)
{
  CertoExportSnapshot *snapshot = user_data;
  const char *titles[G_N_ELEMENTS (soa_widths)];
  CertoPdfTable table = { G_N_ELEMENTS (soa_widths), soa_widths, titles };
  const char *group = NULL;
  guint n_applicable = 0, n_excluded = 0, n_undecided = 0;
  g_autofree char *summary = NULL;

  for (guint c = 0; c < G_N_ELEMENTS (soa_widths); c++)
    titles[c] = _certo_export_column_title (c);

  _certo_pdf_begin_table (pdf, &table);
  for (guint i = 0; i < snapshot->rows->len; i++)
    {
      const CertoExportRow *row = g_ptr_array_index (snapshot->rows, i);
      g_autofree char *reasons = NULL;
      g_autofree char *evidence = NULL;
      CertoPdfCell cells[G_N_ELEMENTS (soa_widths)] = { { 0 } };
      gboolean excluded = row->applicability == CERTO_APPLICABILITY_EXCLUDED;

      if (!row->is_annex_a)
        continue;

      if (g_strcmp0 (group, row->group_key) != 0 && row->group_key != NULL)
        {
          /* "A.5 Organizational controls", as the window names a theme */
          g_autofree char *heading = g_strdup_printf ("%s%s %s",
                                                      row->group_label != NULL && g_ascii_isdigit (row->group_label[0])
                                                      ? "A." : "",
                                                      row->group_label != NULL ? row->group_label : "",
                                                      row->group_title != NULL ? row->group_title : "");

          group = row->group_key;
          _certo_pdf_table_group_row (pdf, g_strstrip (heading), 30);
        }

      reasons = reasons_lines (row->reasons);
      evidence = join_lines (row->evidence);

      cells[0] = (CertoPdfCell) { row->label, CERTO_PDF_FONT_BOLD, FALSE };
      cells[1] = (CertoPdfCell) { row->title, CERTO_PDF_FONT_BODY, FALSE };
      switch (row->applicability)
        {
        case CERTO_APPLICABILITY_APPLICABLE:
          n_applicable++;
          cells[2] = (CertoPdfCell) { _certo_export_yes (), CERTO_PDF_FONT_BODY, FALSE };
          break;
        case CERTO_APPLICABILITY_EXCLUDED:
          n_excluded++;
          cells[2] = (CertoPdfCell) { _certo_export_no (), CERTO_PDF_FONT_BODY, FALSE };
          break;
        case CERTO_APPLICABILITY_UNREVIEWED:
        default:
          n_undecided++;
          cells[2] = (CertoPdfCell) { certo_enum_to_label (CERTO_TYPE_APPLICABILITY, row->applicability),
                                      CERTO_PDF_FONT_ITALIC, TRUE };
          break;
        }

      /* What the entry lacks is said in words, where it is missing */
      if (row->soa_issues & CERTO_SOA_ISSUE_NO_REASON)
        cells[3] = (CertoPdfCell) { _("Reason for inclusion missing"), CERTO_PDF_FONT_ITALIC, TRUE };
      else
        cells[3] = (CertoPdfCell) { reasons, CERTO_PDF_FONT_BODY, FALSE };

      if (row->soa_issues & CERTO_SOA_ISSUE_NO_JUSTIFICATION)
        cells[4] = (CertoPdfCell) { _("Justification for exclusion missing"), CERTO_PDF_FONT_ITALIC, TRUE };
      else
        cells[4] = (CertoPdfCell) { row->justification, CERTO_PDF_FONT_BODY, FALSE };

      /* An excluded control's status is kept, but it is not the point */
      cells[5] = (CertoPdfCell) { certo_enum_to_label (CERTO_TYPE_IMPLEMENTATION_STATUS, row->status),
                                  CERTO_PDF_FONT_BODY, excluded };
      cells[6] = (CertoPdfCell) { evidence, CERTO_PDF_FONT_BODY, FALSE };

      _certo_pdf_table_row (pdf, cells);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
    }
  _certo_pdf_end_table (pdf);

  summary = g_strdup_printf (/* Translators: under the SoA table; the numbers count controls */
                             _("%u controls: %u applicable, %u excluded, %u not decided."),
                             n_applicable + n_excluded + n_undecided, n_applicable, n_excluded, n_undecided);
  _certo_pdf_paragraph (pdf, summary, CERTO_PDF_FONT_BODY, FALSE);

  return TRUE;
}

/**
 * _certo_export_write_soa_pdf:
 * @snapshot: the workspace
 * @fd: the temporary file
 * @path: its name (unused)
 * @cancellable: (nullable): a #GCancellable
 * @error: (out) (optional): %CERTO_EXPORT_ERROR_PDF,
 *   %CERTO_EXPORT_ERROR_CANNOT_WRITE
 *
 * Writes the SoA as an A4 landscape PDF: on every page a header with the
 * organisation, scope, framework, SoA version, approver and approval
 * date, the table's header row, and "Page N of M" at the foot.
 *
 * Returns: %TRUE on success
 */
gboolean
_certo_export_write_soa_pdf (CertoExportSnapshot  *snapshot,
                             int                   fd,
                             const char           *path,
                             GCancellable         *cancellable,
                             GError              **error)
{
  g_autoptr(CertoPdf) pdf = _certo_pdf_new (TRUE, soa_page_header, snapshot);

  _certo_pdf_set_title (pdf, _("Statement of Applicability"));
  return _certo_pdf_run (pdf, fd, soa_content, snapshot, cancellable, error);
}
