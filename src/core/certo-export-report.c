/* certo-export-report.c — the status report (PDF): readiness per theme and
 * clause, the points score, overdue items, expiring evidence, next audits
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every figure comes from the workspace's own computations
 * (certo-workspace-score.h: readiness, the Microsoft Compliance Manager
 * points, the ISO/IEC 17021-1 audit cycle, what is overdue or expiring),
 * copied into the snapshot on the main thread, so the report says what
 * the Workspace view says. This file only lays them out.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "certo-export-private.h"

static int
days_between (const char *from,
              const char *to)
{
  GDate a, b;

  if (!certo_iso_date_parse (from, &a) || !certo_iso_date_parse (to, &b))
    return 0;
  return g_date_days_between (&a, &b);
}

static guint
percent (guint part,
         guint whole)
{
  return whole > 0 ? (part * 100 + whole / 2) / whole : 0;
}

/* "A.5.7 Threat intelligence": the label as the window shows it */
static char *
row_name (CertoExportSnapshot  *snapshot,
          const CertoExportRow *row)
{
  return g_strdup_printf ("%s %s", row->label, row->title != NULL ? row->title : "");
}

static char *
join (GPtrArray  *items,
      const char *separator)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      if (i > 0)
        g_string_append (out, separator);
      g_string_append (out, g_ptr_array_index (items, i));
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
describe_group (const CertoScoreGroup *group)
{
  g_autoptr(GString) out = g_string_new (NULL);

  g_string_append_printf (out,
                          /* Translators: readiness of a theme or clause: implemented, applicable, percent */
                          _("%u of %u implemented (%u%%)"),
                          group->n_implemented, group->n_applicable,
                          percent (group->n_implemented, group->n_applicable));
  if (group->n_excluded > 0)
    {
      g_string_append (out, " · ");
      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u excluded", "%u excluded", group->n_excluded),
                              group->n_excluded);
    }
  if (group->n_undecided > 0)
    {
      g_string_append (out, " · ");
      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u not decided", "%u not decided",
                                                group->n_undecided),
                              group->n_undecided);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Content */

static double
report_page_header (CertoPdf *pdf,
                    gpointer  user_data)
{
  CertoExportSnapshot *snapshot = user_data;
  g_autofree char *expiry = _certo_export_format_date (snapshot->certificate_expiry_date);
  g_autofree char *today = _certo_export_format_date (snapshot->today);
  g_autofree char *certificate = NULL;
  const char *pairs[13];
  double y = _certo_pdf_get_y (pdf);
  double height;

  if (snapshot->certificate_number != NULL && snapshot->certification_body != NULL)
    certificate = g_strdup_printf ("%s (%s)", snapshot->certificate_number, snapshot->certification_body);
  else if (snapshot->certificate_number != NULL || snapshot->certification_body != NULL)
    certificate = g_strdup (snapshot->certificate_number != NULL ? snapshot->certificate_number
                                                                 : snapshot->certification_body);

  pairs[0] = _("Organisation");
  pairs[1] = snapshot->organisation;
  pairs[2] = _("Scope");
  pairs[3] = snapshot->scope;
  pairs[4] = _("Framework");
  pairs[5] = snapshot->framework_title;
  pairs[6] = _("Certificate");
  pairs[7] = certificate;
  pairs[8] = _("Certificate expires");
  pairs[9] = expiry;
  pairs[10] = _("Report date");
  pairs[11] = today;
  pairs[12] = NULL;

  height = _certo_pdf_text (pdf, _certo_pdf_get_left (pdf), y, _certo_pdf_get_body_width (pdf),
                            _("Certification status report"), CERTO_PDF_FONT_TITLE, FALSE, 1);
  height += 4;
  height += _certo_pdf_key_values (pdf, y + height, pairs, 3);
  return height;
}

static void
readiness_row (CertoPdf              *pdf,
               const CertoScoreGroup *group,
               const char            *name,
               gboolean               total)
{
  g_autofree char *figures = describe_group (group);
  g_autofree char *share = g_strdup_printf ("%u%%", percent (group->n_implemented, group->n_applicable));
  g_autofree char *own_name = NULL;
  CertoPdfCell cells[3] = { { 0 } };

  if (name == NULL)
    /* "A.5 Organizational controls", as the window names a theme */
    name = own_name = g_strstrip (g_strdup_printf ("%s%s %s",
                                                   group->is_annex_a && group->label != NULL &&
                                                   g_ascii_isdigit (group->label[0]) ? "A." : "",
                                                   group->label != NULL ? group->label : "",
                                                   group->title != NULL ? group->title : ""));

  cells[0] = (CertoPdfCell) { name, total ? CERTO_PDF_FONT_BOLD : CERTO_PDF_FONT_BODY, FALSE };
  cells[1] = (CertoPdfCell) { share, CERTO_PDF_FONT_SMALL, FALSE, TRUE, group->readiness, 0 };
  cells[2] = (CertoPdfCell) { figures, total ? CERTO_PDF_FONT_BOLD : CERTO_PDF_FONT_BODY, FALSE };
  _certo_pdf_table_row (pdf, cells);
}

static gboolean
group_is_clause (CertoExportSnapshot *snapshot,
                 const char          *key)
{
  for (guint i = 0; i < snapshot->rows->len; i++)
    {
      const CertoExportRow *row = g_ptr_array_index (snapshot->rows, i);

      if (g_strcmp0 (row->group_key != NULL ? row->group_key : "", key) == 0)
        return !row->is_annex_a;
    }
  return FALSE;
}

static void
readiness_section (CertoPdf            *pdf,
                   CertoExportSnapshot *snapshot)
{
  static const double widths[] = { 200, 110, 213 };
  const char *titles[] = { _("Theme or clause"), _("Implemented"), _("In figures") };
  CertoPdfTable table = { G_N_ELEMENTS (widths), widths, titles };
  const CertoScore *score = snapshot->score;
  gboolean iso = g_str_has_prefix (snapshot->framework_id != NULL ? snapshot->framework_id : "", "iso27001-");

  _certo_pdf_heading (pdf, _("Readiness"), 60);
  _certo_pdf_paragraph (pdf,
                        _("Implemented requirements out of the applicable ones; a control not decided yet "
                          "counts as applicable, an excluded one is left out."),
                        CERTO_PDF_FONT_BODY, TRUE);
  _certo_pdf_begin_table (pdf, &table);

  for (int pass = 0; pass < 2; pass++)
    {
      gboolean clauses = pass == 0;
      const CertoScoreGroup *total = clauses ? &score->clauses : &score->annex_a;

      if (total->n_requirements == 0)
        continue;

      _certo_pdf_table_group_row (pdf,
                                  clauses ? _("Management system clauses")
                                          : iso ? _("Annex A controls") : _("Controls"),
                                  24);
      for (guint i = 0; i < score->groups->len; i++)
        {
          const CertoScoreGroup *group = g_ptr_array_index (score->groups, i);

          if (group_is_clause (snapshot, group->key) == clauses)
            readiness_row (pdf, group, NULL, FALSE);
        }
      readiness_row (pdf, total,
                     clauses ? _("All clauses") : iso ? _("All Annex A controls") : _("All controls"),
                     TRUE);
    }

  _certo_pdf_end_table (pdf);
  _certo_pdf_space (pdf, 6);
}

static void
score_section (CertoPdf            *pdf,
               CertoExportSnapshot *snapshot)
{
  const CertoScoreGroup *overall = &snapshot->score->overall;
  g_autofree char *headline = NULL;
  g_autofree char *unreviewed = NULL;
  g_autofree char *soa = NULL;
  guint n_controls = 0, n_complete = 0, n_undecided = 0, n_no_justification = 0, n_no_reason = 0;

  for (guint i = 0; i < snapshot->rows->len; i++)
    {
      const CertoExportRow *row = g_ptr_array_index (snapshot->rows, i);

      if (!row->is_annex_a)
        continue;
      n_controls++;
      if (row->soa_issues == CERTO_SOA_ISSUE_NONE)
        n_complete++;
      if (row->soa_issues & CERTO_SOA_ISSUE_UNDECIDED)
        n_undecided++;
      if (row->soa_issues & CERTO_SOA_ISSUE_NO_JUSTIFICATION)
        n_no_justification++;
      if (row->soa_issues & CERTO_SOA_ISSUE_NO_REASON)
        n_no_reason++;
    }

  _certo_pdf_heading (pdf, _("Points score"), 40);
  headline = g_strdup_printf (/* Translators: the points score; earned, possible, percent */
                              _("Score: %u of %u points (%u%%)"),
                              overall->points_earned, overall->points_possible,
                              percent (overall->points_earned, overall->points_possible));
  _certo_pdf_paragraph (pdf, headline, CERTO_PDF_FONT_BOLD, FALSE);

  unreviewed = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "Not reviewed: %u applicable requirement has no control type or obligation yet and scores no points.",
                                             "Not reviewed: %u applicable requirements have no control type or obligation yet and score no points.",
                                             overall->n_unreviewed),
                                overall->n_unreviewed);
  _certo_pdf_paragraph (pdf, unreviewed, CERTO_PDF_FONT_BODY, FALSE);
  _certo_pdf_paragraph (pdf,
                        _("Points as in Microsoft Compliance Manager: preventive 27 if mandatory, 9 if discretionary; "
                          "detective and corrective 3 or 1. A requirement earns its points when implemented and "
                          "not found non-compliant."),
                        CERTO_PDF_FONT_SMALL, TRUE);

  soa = g_strdup_printf (/* Translators: SoA completeness; the numbers count Annex A controls */
                         _("Statement of Applicability: %u of %u entries complete (%u not decided, %u excluded without a justification, %u included without a reason)."),
                         n_complete, n_controls, n_undecided, n_no_justification, n_no_reason);
  _certo_pdf_paragraph (pdf, soa, CERTO_PDF_FONT_BODY, FALSE);
  _certo_pdf_space (pdf, 6);
}

static void
overdue_section (CertoPdf            *pdf,
                 CertoExportSnapshot *snapshot)
{
  static const double widths[] = { 250, 100, 80, 93 };
  const char *titles[] = { _("Item"), _("Owner"), _("Due"), _("Status") };
  CertoPdfTable table = { G_N_ELEMENTS (widths), widths, titles };
  gboolean any = FALSE;

  _certo_pdf_heading (pdf, _("Overdue items"), 40);

  for (guint i = 0; i < snapshot->rows->len; i++)
    {
      const CertoExportRow *row = g_ptr_array_index (snapshot->rows, i);
      g_autofree char *name = NULL;
      g_autofree char *due = NULL;
      CertoPdfCell cells[4] = { { 0 } };

      if (!row->overdue)
        continue;

      if (!any)
        _certo_pdf_begin_table (pdf, &table);
      any = TRUE;

      name = row_name (snapshot, row);
      due = _certo_export_format_date (row->due_date);
      cells[0] = (CertoPdfCell) { name, CERTO_PDF_FONT_BODY, FALSE };
      cells[1] = (CertoPdfCell) { row->owner != NULL ? row->owner : "—", CERTO_PDF_FONT_BODY, row->owner == NULL };
      cells[2] = (CertoPdfCell) { due, CERTO_PDF_FONT_BODY, FALSE };
      cells[3] = (CertoPdfCell) { certo_enum_to_label (CERTO_TYPE_IMPLEMENTATION_STATUS, row->status),
                                  CERTO_PDF_FONT_BODY, FALSE };
      _certo_pdf_table_row (pdf, cells);
    }

  for (guint i = 0; i < snapshot->overdue_findings->len; i++)
    {
      const CertoExportFinding *finding = g_ptr_array_index (snapshot->overdue_findings, i);
      g_autofree char *labels = join (finding->labels, ", ");
      g_autofree char *name = NULL;
      g_autofree char *due = NULL;
      CertoPdfCell cells[4] = { { 0 } };

      if (!any)
        _certo_pdf_begin_table (pdf, &table);
      any = TRUE;

      name = g_strdup_printf ("%s%s%s — %s%s%s",
                              certo_enum_to_label (CERTO_TYPE_FINDING_KIND, finding->kind),
                              finding->reference != NULL ? " " : "",
                              finding->reference != NULL ? finding->reference : "",
                              finding->description != NULL ? finding->description : "",
                              *labels != '\0' ? " · " : "", labels);
      due = _certo_export_format_date (finding->due_date);
      cells[0] = (CertoPdfCell) { name, CERTO_PDF_FONT_BODY, FALSE };
      cells[1] = (CertoPdfCell) { "—", CERTO_PDF_FONT_BODY, TRUE };
      cells[2] = (CertoPdfCell) { due, CERTO_PDF_FONT_BODY, FALSE };
      /* Translators: the status of an audit finding whose corrective action is not closed */
      cells[3] = (CertoPdfCell) { _("Open"), CERTO_PDF_FONT_BODY, FALSE };
      _certo_pdf_table_row (pdf, cells);
    }

  if (any)
    _certo_pdf_end_table (pdf);
  else
    _certo_pdf_paragraph (pdf, _("Nothing is overdue."), CERTO_PDF_FONT_BODY, TRUE);
  _certo_pdf_space (pdf, 6);
}

static void
evidence_section (CertoPdf            *pdf,
                  CertoExportSnapshot *snapshot)
{
  static const double widths[] = { 200, 120, 90, 113 };
  const char *titles[] = { _("Evidence"), _("Supports"), _("Expires"), _("When") };
  CertoPdfTable table = { G_N_ELEMENTS (widths), widths, titles };
  GPtrArray *expiring = snapshot->expiring;
  g_autofree char *heading = NULL;

  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Evidence expired or expiring within %u day",
                                          "Evidence expired or expiring within %u days",
                                          CERTO_EXPORT_EXPIRY_DAYS),
                             CERTO_EXPORT_EXPIRY_DAYS);
  _certo_pdf_heading (pdf, heading, 40);

  if (expiring->len == 0)
    {
      _certo_pdf_paragraph (pdf, _("No evidence expires within that time."), CERTO_PDF_FONT_BODY, TRUE);
      _certo_pdf_space (pdf, 6);
      return;
    }

  _certo_pdf_begin_table (pdf, &table);
  for (guint i = 0; i < expiring->len; i++)
    {
      const CertoExportEvidence *evidence = g_ptr_array_index (expiring, i);
      int days = days_between (snapshot->today, evidence->expiry_date);
      g_autofree char *labels = join (evidence->labels, ", ");
      g_autofree char *date = _certo_export_format_date (evidence->expiry_date);
      g_autofree char *when = NULL;
      CertoPdfCell cells[4] = { { 0 } };

      if (days < 0)
        when = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Expired %d day ago", "Expired %d days ago", -days),
                                -days);
      else if (days == 0)
        when = g_strdup (_("Expires today"));
      else
        when = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "In %d day", "In %d days", days), days);

      cells[0] = (CertoPdfCell) { evidence->title, CERTO_PDF_FONT_BODY, FALSE };
      cells[1] = (CertoPdfCell) { labels, CERTO_PDF_FONT_BODY, FALSE };
      cells[2] = (CertoPdfCell) { date, CERTO_PDF_FONT_BODY, FALSE };
      cells[3] = (CertoPdfCell) { when, days < 0 ? CERTO_PDF_FONT_BOLD : CERTO_PDF_FONT_BODY, FALSE };
      _certo_pdf_table_row (pdf, cells);
    }
  _certo_pdf_end_table (pdf);
}

static void
audits_section (CertoPdf            *pdf,
                CertoExportSnapshot *snapshot)
{
  static const double widths[] = { 130, 80, 80, 233 };
  const char *titles[] = { _("Audit"), _("Due by"), _("Planned"), _("Basis") };
  CertoPdfTable table = { G_N_ELEMENTS (widths), widths, titles };
  gboolean any = FALSE;

  _certo_pdf_heading (pdf, _("Next audits"), 40);

  for (guint i = 0; i < snapshot->schedule->len; i++)
    {
      const CertoScheduledAudit *audit = g_ptr_array_index (snapshot->schedule, i);
      g_autofree char *due = _certo_export_format_date (audit->due_date);
      g_autofree char *planned = _certo_export_format_date (audit->planned_date);
      g_autofree char *name = NULL;
      CertoPdfCell cells[4] = { { 0 } };

      if (audit->performed_date != NULL)
        continue;

      if (!any)
        _certo_pdf_begin_table (pdf, &table);
      any = TRUE;

      name = audit->overdue
             /* Translators: an audit of the cycle whose deadline has passed; %s is its kind */
             ? g_strdup_printf (_("%s (overdue)"), certo_enum_to_label (CERTO_TYPE_AUDIT_KIND, audit->kind))
             : g_strdup (certo_enum_to_label (CERTO_TYPE_AUDIT_KIND, audit->kind));
      cells[0] = (CertoPdfCell) { name, audit->overdue ? CERTO_PDF_FONT_BOLD : CERTO_PDF_FONT_BODY, FALSE };
      cells[1] = (CertoPdfCell) { due != NULL ? due : "—", CERTO_PDF_FONT_BODY, due == NULL };
      cells[2] = (CertoPdfCell) { planned != NULL ? planned : _("Not planned"), CERTO_PDF_FONT_BODY, planned == NULL };
      cells[3] = (CertoPdfCell) { audit->rule, CERTO_PDF_FONT_SMALL, TRUE };
      _certo_pdf_table_row (pdf, cells);
    }

  if (any)
    _certo_pdf_end_table (pdf);
  else
    _certo_pdf_paragraph (pdf, _("No audit is due. Record the certificate’s dates to follow the certification cycle."),
                          CERTO_PDF_FONT_BODY, TRUE);
}

static gboolean
report_content (CertoPdf      *pdf,
                gpointer       user_data,
                GCancellable  *cancellable,
                GError       **error)
{
  CertoExportSnapshot *snapshot = user_data;

  readiness_section (pdf, snapshot);
  score_section (pdf, snapshot);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  overdue_section (pdf, snapshot);
  evidence_section (pdf, snapshot);
  audits_section (pdf, snapshot);

  return !g_cancellable_set_error_if_cancelled (cancellable, error);
}

/**
 * _certo_export_write_status_pdf:
 * @snapshot: the workspace
 * @fd: the temporary file
 * @path: its name (unused)
 * @cancellable: (nullable): a #GCancellable
 * @error: (out) (optional): %CERTO_EXPORT_ERROR_PDF,
 *   %CERTO_EXPORT_ERROR_CANNOT_WRITE
 *
 * Writes the status report, A4 portrait.
 *
 * Returns: %TRUE on success
 */
gboolean
_certo_export_write_status_pdf (CertoExportSnapshot  *snapshot,
                                int                   fd,
                                const char           *path,
                                GCancellable         *cancellable,
                                GError              **error)
{
  g_autoptr(CertoPdf) pdf = _certo_pdf_new (FALSE, report_page_header, snapshot);

  _certo_pdf_set_title (pdf, _("Certification status report"));
  return _certo_pdf_run (pdf, fd, report_content, snapshot, cancellable, error);
}
