/* certo-export-xlsx.c — the Statement of Applicability as an Excel workbook
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One worksheet: a header block (organisation, scope, framework, SoA
 * version, approver, approval date), then the table with the same columns
 * as the CSV, a bold header row, frozen panes, an autofilter, wrapped
 * text, and print settings (A4 landscape, one page wide, the header row
 * repeated, "Page N of M"). Every cell is written with
 * worksheet_write_string(), so it is a text cell: a value starting with
 * "=" is shown as text, never evaluated — the CSV's apostrophe guard is
 * not needed here.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <xlsxwriter.h>

#include "certo-export-private.h"

/* Excel's limit for one cell, in characters */
#define XLSX_MAX_CELL_CHARS 32767

/* Row of the table's header; the header block fills the rows above */
#define HEADER_ROW 8

/* Column widths, in characters of the default font */
static const double column_widths[CERTO_SOA_N_COLUMNS] = {
  [CERTO_SOA_COLUMN_ID] = 18,
  [CERTO_SOA_COLUMN_TITLE] = 40,
  [CERTO_SOA_COLUMN_APPLICABLE] = 12,
  [CERTO_SOA_COLUMN_REASONS] = 30,
  [CERTO_SOA_COLUMN_JUSTIFICATION] = 50,
  [CERTO_SOA_COLUMN_STATUS] = 18,
  [CERTO_SOA_COLUMN_EVIDENCE] = 40,
  [CERTO_SOA_COLUMN_OPEN_POINTS] = 30,
};

typedef struct
{
  lxw_workbook  *workbook;
  lxw_worksheet *sheet;
  lxw_format    *title;
  lxw_format    *label;
  lxw_format    *value;
  lxw_format    *header;
  lxw_format    *cell;
  lxw_format    *open_point;
  lxw_error      status;          /* the first error */
} Xlsx;

/* Helpers */

static gboolean
set_lxw_error (GError    **error,
               lxw_error   status)
{
  if (status == LXW_ERROR_CREATING_XLSX_FILE || status == LXW_ERROR_CREATING_TMPFILE ||
      status == LXW_ERROR_READING_TMPFILE || status == LXW_ERROR_ZIP_FILE_OPERATION)
    g_set_error (error, CERTO_EXPORT_ERROR, CERTO_EXPORT_ERROR_CANNOT_WRITE,
                 /* Translators: %s is libxlsxwriter's reason, in English */
                 _("Could not write the workbook (%s). Check the free space and the folder’s permissions, then export again."),
                 lxw_strerror (status));
  else
    g_set_error (error, CERTO_EXPORT_ERROR, CERTO_EXPORT_ERROR_XLSX,
                 /* Translators: %s is libxlsxwriter's reason, in English */
                 _("Could not make the workbook: %s"),
                 lxw_strerror (status));
  return FALSE;
}

static void
keep_error (Xlsx      *xlsx,
            lxw_error  status)
{
  if (xlsx->status == LXW_NO_ERROR)
    xlsx->status = status;
}

static void
write_text (Xlsx        *xlsx,
            lxw_row_t    row,
            lxw_col_t    col,
            const char  *text,
            lxw_format  *format)
{
  g_autofree char *cut = NULL;

  if (text == NULL)
    text = "";

  /* Longer text is refused (LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED): keep
   * what fits and mark the cut */
  if (g_utf8_strlen (text, -1) > XLSX_MAX_CELL_CHARS)
    {
      g_autofree char *head = g_utf8_substring (text, 0, XLSX_MAX_CELL_CHARS - 1);

      cut = g_strconcat (head, "…", NULL);
      text = cut;
    }

  keep_error (xlsx, worksheet_write_string (xlsx->sheet, row, col, text, format));
}

/* "&" starts a code in Excel's header and footer syntax */
static char *
escape_header_footer (const char *text)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '&')
        g_string_append_c (out, '&');
      g_string_append_c (out, *p);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
add_formats (Xlsx *xlsx)
{
  xlsx->title = workbook_add_format (xlsx->workbook);
  format_set_bold (xlsx->title);
  format_set_font_size (xlsx->title, 14);

  xlsx->label = workbook_add_format (xlsx->workbook);
  format_set_bold (xlsx->label);
  format_set_align (xlsx->label, LXW_ALIGN_VERTICAL_TOP);

  xlsx->value = workbook_add_format (xlsx->workbook);
  format_set_align (xlsx->value, LXW_ALIGN_VERTICAL_TOP);

  xlsx->header = workbook_add_format (xlsx->workbook);
  format_set_bold (xlsx->header);
  format_set_text_wrap (xlsx->header);
  format_set_align (xlsx->header, LXW_ALIGN_VERTICAL_TOP);
  format_set_pattern (xlsx->header, LXW_PATTERN_SOLID);
  format_set_bg_color (xlsx->header, 0xDDE3EA);
  format_set_border (xlsx->header, LXW_BORDER_THIN);

  xlsx->cell = workbook_add_format (xlsx->workbook);
  format_set_text_wrap (xlsx->cell);
  format_set_align (xlsx->cell, LXW_ALIGN_VERTICAL_TOP);
  format_set_border (xlsx->cell, LXW_BORDER_THIN);
  format_set_border_color (xlsx->cell, 0xBFBFBF);

  xlsx->open_point = workbook_add_format (xlsx->workbook);
  format_set_text_wrap (xlsx->open_point);
  format_set_italic (xlsx->open_point);
  format_set_align (xlsx->open_point, LXW_ALIGN_VERTICAL_TOP);
  format_set_border (xlsx->open_point, LXW_BORDER_THIN);
  format_set_border_color (xlsx->open_point, 0xBFBFBF);
}

static void
write_header_block (Xlsx                *xlsx,
                    CertoExportSnapshot *snapshot)
{
  g_autofree char *version = _certo_export_dup_soa_version (snapshot);
  const struct
  {
    const char *label;
    const char *value;
  } fields[] = {
    { _("Organisation"), snapshot->organisation },
    { _("Scope"), snapshot->scope },
    { _("Framework"), snapshot->framework_title },
    { _("SoA version"), version },
    { _("Approved by"), snapshot->soa_approver },
    /* ISO 8601, as every date in the CSV and XLSX exports */
    { _("Approval date"), snapshot->soa_approval_date },
  };

  write_text (xlsx, 0, 0, _("Statement of Applicability"), xlsx->title);
  keep_error (xlsx, worksheet_set_row (xlsx->sheet, 0, 20, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      write_text (xlsx, 1 + i, 0, fields[i].label, xlsx->label);
      write_text (xlsx, 1 + i, 1, fields[i].value != NULL ? fields[i].value : "—", xlsx->value);
    }
}

static void
set_print_options (Xlsx                *xlsx,
                   CertoExportSnapshot *snapshot)
{
  g_autofree char *organisation = escape_header_footer (snapshot->organisation != NULL
                                                        ? snapshot->organisation : "");
  g_autofree char *header = NULL;

  worksheet_set_landscape (xlsx->sheet);
  worksheet_set_paper (xlsx->sheet, 9 /* A4 */);
  worksheet_fit_to_pages (xlsx->sheet, 1, 0);
  keep_error (xlsx, worksheet_repeat_rows (xlsx->sheet, HEADER_ROW, HEADER_ROW));

  /* Header and footer are capped at 255 characters by Excel */
  header = g_strdup_printf ("&L%s&R%s", organisation, _("Statement of Applicability"));
  if (g_utf8_strlen (header, -1) <= 255)
    keep_error (xlsx, worksheet_set_header (xlsx->sheet, header));
  /* Translators: the printed workbook's footer; keep "&P" (this page) and
   * "&N" (the number of pages) as they are */
  keep_error (xlsx, worksheet_set_footer (xlsx->sheet, _("&CPage &P of &N")));
}

static void
set_properties (Xlsx                *xlsx,
                CertoExportSnapshot *snapshot)
{
  g_autofree char *title = NULL;
  lxw_doc_properties properties = { 0 };

  title = snapshot->organisation != NULL
          /* Translators: the workbook's title; %s is the organisation */
          ? g_strdup_printf (_("Statement of Applicability — %s"), snapshot->organisation)
          : g_strdup (_("Statement of Applicability"));
  properties.title = title;
  properties.subject = snapshot->framework_title;
  properties.company = snapshot->organisation;
  properties.author = snapshot->soa_approver;
  properties.comments = (char *) _("Exported by Certo");

  keep_error (xlsx, workbook_set_properties (xlsx->workbook, &properties));
}

/**
 * _certo_export_write_soa_xlsx:
 * @snapshot: the workspace
 * @fd: the temporary file (unused: libxlsxwriter opens it by name)
 * @path: the temporary file's name
 * @cancellable: (nullable): a #GCancellable
 * @error: (out) (optional): %CERTO_EXPORT_ERROR_XLSX for a libxlsxwriter
 *   error, %CERTO_EXPORT_ERROR_CANNOT_WRITE when it cannot write the file
 *
 * Writes the workbook. Every libxlsxwriter return code is checked; the
 * first failure becomes the #GError.
 *
 * Returns: %TRUE on success
 */
gboolean
_certo_export_write_soa_xlsx (CertoExportSnapshot  *snapshot,
                              int                   fd,
                              const char           *path,
                              GCancellable         *cancellable,
                              GError              **error)
{
  lxw_workbook_options options = { .constant_memory = LXW_FALSE, .tmpdir = NULL, .use_zip64 = LXW_FALSE };
  const char *sheet_name = _("Statement of Applicability");
  Xlsx xlsx = { 0 };
  lxw_row_t row = HEADER_ROW + 1;
  lxw_error status;

  xlsx.workbook = workbook_new_opt (path, &options);
  if (xlsx.workbook == NULL)
    return set_lxw_error (error, LXW_ERROR_MEMORY_MALLOC_FAILED);

  /* A translation may be longer than Excel's 31 characters for a name */
  if (workbook_validate_sheet_name (xlsx.workbook, sheet_name) != LXW_NO_ERROR)
    sheet_name = "SoA";
  xlsx.sheet = workbook_add_worksheet (xlsx.workbook, sheet_name);
  if (xlsx.sheet == NULL)
    {
      lxw_workbook_free (xlsx.workbook);
      return set_lxw_error (error, LXW_ERROR_PARAMETER_VALIDATION);
    }

  add_formats (&xlsx);
  set_properties (&xlsx, snapshot);
  write_header_block (&xlsx, snapshot);

  for (guint c = 0; c < CERTO_SOA_N_COLUMNS; c++)
    {
      keep_error (&xlsx, worksheet_set_column (xlsx.sheet, c, c, column_widths[c], NULL));
      write_text (&xlsx, HEADER_ROW, c, _certo_export_column_title (c), xlsx.header);
    }

  for (guint i = 0; i < snapshot->rows->len; i++)
    {
      const CertoExportRow *soa_row = g_ptr_array_index (snapshot->rows, i);

      if (!soa_row->is_annex_a)
        continue;

      for (guint c = 0; c < CERTO_SOA_N_COLUMNS; c++)
        {
          g_autofree char *cell = _certo_export_cell (soa_row, c);

          write_text (&xlsx, row, c, cell,
                      c == CERTO_SOA_COLUMN_OPEN_POINTS ? xlsx.open_point : xlsx.cell);
        }
      row++;

      if (g_cancellable_is_cancelled (cancellable) || xlsx.status != LXW_NO_ERROR)
        break;
    }

  worksheet_freeze_panes (xlsx.sheet, HEADER_ROW + 1, 1);
  keep_error (&xlsx, worksheet_autofilter (xlsx.sheet, HEADER_ROW, 0,
                                           MAX (row - 1, HEADER_ROW), CERTO_SOA_N_COLUMNS - 1));
  set_print_options (&xlsx, snapshot);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      lxw_workbook_free (xlsx.workbook);
      return FALSE;
    }
  if (xlsx.status != LXW_NO_ERROR)
    {
      lxw_workbook_free (xlsx.workbook);
      return set_lxw_error (error, xlsx.status);
    }

  /* Writes the file, and frees the workbook whatever happens */
  status = workbook_close (xlsx.workbook);
  if (status != LXW_NO_ERROR)
    return set_lxw_error (error, status);

  return TRUE;
}
