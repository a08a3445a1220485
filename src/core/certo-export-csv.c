/* certo-export-csv.c — the Statement of Applicability as CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * RFC 4180: records end with CRLF; a field holding a comma, a double
 * quote, CR or LF is enclosed in double quotes and its quotes doubled;
 * the first record is the header. The file starts with a UTF-8 byte
 * order mark: without it Excel reads CSV in the legacy code page of the
 * user's system, and every accent ("Sì", "attività") comes out garbled;
 * LibreOffice, Numbers and Python's csv (utf-8-sig) take it as intended.
 */
#include "config.h"

#include <string.h>

#include "certo-export-private.h"

#define UTF8_BOM "\xEF\xBB\xBF"

/**
 * _certo_csv_append_cell:
 * @out: the record so far
 * @text: (nullable): the cell's text
 *
 * Appends one field, quoted when RFC 4180 requires it. A cell that a
 * spreadsheet would take for a formula — starting with `=`, `+`, `-`,
 * `@`, a tab or CR — gets a leading apostrophe first (OWASP "CSV
 * Injection"), so opening the SoA never runs what a justification or an
 * evidence title says; the SoA importer removes that apostrophe again.
 */
void
_certo_csv_append_cell (GString    *out,
                        const char *text)
{
  gboolean guard;
  gboolean quote;

  if (text == NULL)
    text = "";

  guard = strchr ("=+-@\t\r", text[0]) != NULL && text[0] != '\0';
  quote = strpbrk (text, ",\"\r\n") != NULL;

  if (quote)
    g_string_append_c (out, '"');
  if (guard)
    g_string_append_c (out, '\'');

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }

  if (quote)
    g_string_append_c (out, '"');
}

/**
 * _certo_export_write_soa_csv:
 * @snapshot: the workspace
 * @fd: the temporary file
 * @path: its name (unused)
 * @cancellable: (nullable): a #GCancellable
 * @error: (out) (optional): %CERTO_EXPORT_ERROR_CANNOT_WRITE
 *
 * Writes the header and one record per Annex A control, in the
 * framework's order.
 *
 * Returns: %TRUE on success
 */
gboolean
_certo_export_write_soa_csv (CertoExportSnapshot  *snapshot,
                             int                   fd,
                             const char           *path,
                             GCancellable         *cancellable,
                             GError              **error)
{
  g_autoptr(GString) out = g_string_sized_new (256 * (snapshot->rows->len + 1));

  g_string_append (out, UTF8_BOM);
  for (guint c = 0; c < CERTO_SOA_N_COLUMNS; c++)
    {
      if (c > 0)
        g_string_append_c (out, ',');
      _certo_csv_append_cell (out, _certo_export_column_title (c));
    }
  g_string_append (out, "\r\n");

  for (guint i = 0; i < snapshot->rows->len; i++)
    {
      const CertoExportRow *row = g_ptr_array_index (snapshot->rows, i);

      if (!row->is_annex_a)
        continue;

      for (guint c = 0; c < CERTO_SOA_N_COLUMNS; c++)
        {
          g_autofree char *cell = _certo_export_cell (row, c);

          if (c > 0)
            g_string_append_c (out, ',');
          _certo_csv_append_cell (out, cell);
        }
      g_string_append (out, "\r\n");

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
    }

  return _certo_export_write_all (fd, out->str, out->len, error);
}
