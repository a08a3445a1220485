/* certo-soa-import.c — a Statement of Applicability from CSV into a workspace
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads Certo's own SoA export and the spreadsheets people keep their SoA
 * in: the header row is found among the first rows by its headings
 * (English or Italian, common synonyms, the current translation of
 * Certo's own headings), the separator (comma, semicolon, tab) is the one
 * under which such a header appears, quoted fields may hold separators,
 * quotes and line breaks (RFC 4180). Values are read loosely: Yes/No/Y/N/
 * True/False/1/0/Sì, statuses in English and Italian ("In progress",
 * "In corso"), control ids with or without "A." ("A.5.1", "5.1", "a5.1").
 *
 * Reading and parsing run on a worker thread; matching the rows to the
 * workspace's controls and applying them run on the main thread, as one
 * group of changes, so a single undo reverts the whole import.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "certo-soa-import-private.h"
#include "certo-workspace-private.h"

/**
 * certo_soa_import_error_quark:
 *
 * Returns: the domain of #CertoSoaImportError
 */
G_DEFINE_QUARK (certo-soa-import-error-quark, certo_soa_import_error)

/**
 * certo_soa_import_report_get_type:
 *
 * Returns: the boxed #GType of #CertoSoaImportReport
 */
G_DEFINE_BOXED_TYPE (CertoSoaImportReport, certo_soa_import_report,
                     certo_soa_import_report_copy, certo_soa_import_report_free)


/* Helpers */

static CertoSoaImportReport *
report_new (void)
{
  CertoSoaImportReport *report = g_new0 (CertoSoaImportReport, 1);

  report->unmatched = g_ptr_array_new_with_free_func (_certo_soa_import_issue_free);
  report->invalid = g_ptr_array_new_with_free_func (_certo_soa_import_issue_free);
  return report;
}

/* Main thread: the Annex A controls by normalised label */
static GHashTable *
index_controls (CertoWorkspace *workspace)
{
  GHashTable *index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GListModel *model = certo_workspace_get_requirements (workspace);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CertoRequirementState) state = g_list_model_get_item (model, i);
      char *label;

      if (!certo_requirement_state_get_is_annex_a (state))
        continue;

      label = _certo_soa_import_normalize_id (certo_requirement_state_get_label (state));
      if (g_hash_table_contains (index, label))
        g_free (label);
      else
        g_hash_table_insert (index, label, state);
    }

  return index;
}

static CertoRequirementState *
match_control (GHashTable *index,
               const char *id)
{
  g_autofree char *normal = _certo_soa_import_normalize_id (id);
  CertoRequirementState *state = g_hash_table_lookup (index, normal);
  const char *space;

  /* "5.1 Policies for information security": the number, then the title */
  if (state == NULL && (space = strpbrk (id, " \t")) != NULL)
    {
      g_autofree char *first = g_strndup (id, space - id);

      g_free (normal);
      normal = _certo_soa_import_normalize_id (first);
      state = g_hash_table_lookup (index, normal);
    }

  return state;
}

static int
compare_issues (gconstpointer a,
                gconstpointer b)
{
  const CertoSoaImportIssue *ia = *(CertoSoaImportIssue * const *) a;
  const CertoSoaImportIssue *ib = *(CertoSoaImportIssue * const *) b;

  return (ia->line > ib->line) - (ia->line < ib->line);
}

/* Applies one matched row. Returns FALSE, with @error, when the workspace
 * refuses a value; what was set before stays (it is valid). */
static gboolean
apply_row (CertoRequirementState  *state,
           const CertoSoaRow        *row,
           gboolean               *out_changed,
           GError                **error)
{
  if (row->applicability >= 0 &&
      (CertoApplicability) row->applicability != certo_requirement_state_get_applicability (state))
    {
      if (!certo_requirement_state_set_applicability (state, row->applicability, error))
        return FALSE;
      *out_changed = TRUE;
    }

  if (row->has_reasons && row->reasons != certo_requirement_state_get_inclusion_reasons (state))
    {
      certo_requirement_state_set_inclusion_reasons (state, row->reasons);
      *out_changed = TRUE;
    }

  if (row->justification != NULL &&
      g_strcmp0 (row->justification, certo_requirement_state_get_exclusion_justification (state)) != 0)
    {
      certo_requirement_state_set_exclusion_justification (state, row->justification);
      *out_changed = TRUE;
    }

  if (row->status >= 0 &&
      (CertoImplementationStatus) row->status != certo_requirement_state_get_status (state))
    {
      certo_requirement_state_set_status (state, row->status);
      *out_changed = TRUE;
    }

  return TRUE;
}

/* Main thread: rows → the workspace, as one group of changes */
static CertoSoaImportReport *
apply_soa (CertoWorkspace  *workspace,
           CertoSoaTable       *parsed,
           GError         **error)
{
  g_autoptr(CertoSoaImportReport) report = report_new ();
  g_autoptr(GHashTable) index = NULL;
  g_autoptr(GHashTable) seen = NULL;

  if (!certo_workspace_get_is_open (workspace))
    {
      g_set_error_literal (error, CERTO_SOA_IMPORT_ERROR, CERTO_SOA_IMPORT_ERROR_NOT_OPEN,
                           _("The workspace is not open; open it and import again."));
      return NULL;
    }

  report->n_rows = parsed->rows->len;
  report->header_line = parsed->header_line;
  report->separator = parsed->separator;

  index = index_controls (workspace);
  seen = g_hash_table_new (NULL, NULL);

  certo_workspace_begin_changes (workspace);
  for (guint i = 0; i < parsed->rows->len; i++)
    {
      CertoSoaRow *row = g_ptr_array_index (parsed->rows, i);
      CertoRequirementState *state = match_control (index, row->id);
      g_autoptr(GError) local_error = NULL;
      gboolean changed = FALSE;
      gpointer first_line;

      if (state == NULL)
        {
          g_ptr_array_add (report->unmatched,
                           _certo_soa_import_issue_new (row->line, NULL, row->id,
                                      *row->id == '\0'
                                      ? g_strdup (_("The row has no control id"))
                                      /* Translators: %s is a control id from the file ("A.5.99") */
                                      : g_strdup_printf (_("No Annex A control “%s” in this workspace"), row->id)));
          continue;
        }

      if (row->issues->len > 0)
        {
          for (guint j = 0; j < row->issues->len; j++)
            g_ptr_array_add (report->invalid, _certo_soa_import_issue_copy (g_ptr_array_index (row->issues, j)));
          continue;
        }

      if (g_hash_table_lookup_extended (seen, state, NULL, &first_line))
        {
          g_ptr_array_add (report->invalid,
                           _certo_soa_import_issue_new (row->line, parsed->id_heading, row->id,
                                      /* Translators: %u is a line number */
                                      g_strdup_printf (_("The control is already on line %u; this row was left out"),
                                                       GPOINTER_TO_UINT (first_line))));
          continue;
        }
      g_hash_table_insert (seen, state, GUINT_TO_POINTER (row->line));

      if (!apply_row (state, row, &changed, &local_error))
        {
          g_ptr_array_add (report->invalid,
                           _certo_soa_import_issue_new (row->line, parsed->id_heading, row->id, g_strdup (local_error->message)));
          if (changed)
            report->n_changed++;
          continue;
        }

      report->n_applied++;
      if (changed)
        report->n_changed++;
    }
  certo_workspace_end_changes (workspace);

  g_ptr_array_sort (report->invalid, compare_issues);
  return g_steal_pointer (&report);
}

/* Reads at most the cap and one byte more (to tell "too large" from
 * "exactly the cap"); only a regular file: a named pipe or a device
 * chosen by mistake is refused before anything waits on it */
static GBytes *
read_capped (GFile         *file,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(CertoRegularFile) in = NULL;
  g_autofree guint8 *buffer = NULL;
  gssize n_read;

  in = _certo_regular_file_open (file, cancellable, error);
  if (in == NULL)
    return NULL;

  buffer = g_malloc (CERTO_SOA_IMPORT_MAX_SIZE + 1);
  n_read = _certo_regular_file_read (in, buffer, CERTO_SOA_IMPORT_MAX_SIZE + 1, cancellable, error);
  if (n_read < 0)
    return NULL;

  return g_bytes_new_take (g_realloc (g_steal_pointer (&buffer), MAX (n_read, 1)), n_read);
}

static void
parse_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  GFile *file = task_data;
  g_autoptr(GBytes) bytes = NULL;
  GError *error = NULL;
  CertoSoaTable *parsed;

  bytes = read_capped (file, cancellable, &error);
  if (bytes == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  parsed = _certo_soa_import_parse (bytes, &error);
  if (parsed == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, parsed, (GDestroyNotify) _certo_soa_import_parsed_free);
}

static void
parse_done (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(CertoSoaTable) parsed = NULL;
  CertoSoaImportReport *report;
  GError *error = NULL;

  parsed = g_task_propagate_pointer (G_TASK (result), &error);
  if (parsed == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (g_task_return_error_if_cancelled (task))
    return;

  report = apply_soa (CERTO_WORKSPACE (source), parsed, &error);
  if (report == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, report, (GDestroyNotify) certo_soa_import_report_free);
}

/* Public API */

/**
 * certo_soa_import_report_copy:
 * @report: a report
 *
 * Returns: (transfer full): a deep copy
 */
CertoSoaImportReport *
certo_soa_import_report_copy (const CertoSoaImportReport *report)
{
  CertoSoaImportReport *copy;

  g_return_val_if_fail (report != NULL, NULL);

  copy = report_new ();
  copy->n_rows = report->n_rows;
  copy->n_applied = report->n_applied;
  copy->n_changed = report->n_changed;
  copy->header_line = report->header_line;
  copy->separator = report->separator;
  for (guint i = 0; i < report->unmatched->len; i++)
    g_ptr_array_add (copy->unmatched, _certo_soa_import_issue_copy (g_ptr_array_index (report->unmatched, i)));
  for (guint i = 0; i < report->invalid->len; i++)
    g_ptr_array_add (copy->invalid, _certo_soa_import_issue_copy (g_ptr_array_index (report->invalid, i)));

  return copy;
}

/**
 * certo_soa_import_report_free:
 * @report: (transfer full): a report
 */
void
certo_soa_import_report_free (CertoSoaImportReport *report)
{
  if (report == NULL)
    return;

  g_ptr_array_unref (report->unmatched);
  g_ptr_array_unref (report->invalid);
  g_free (report);
}

/**
 * certo_soa_import_async:
 * @workspace: an open workspace
 * @file: a CSV file: Certo's SoA export, or a spreadsheet saved as CSV
 *   (UTF-8, with or without a byte order mark; comma, semicolon or tab
 *   separated; RFC 4180 quoting)
 * @cancellable: (nullable): a #GCancellable; cancelling before the rows
 *   are applied leaves @workspace unchanged
 * @callback: called on the calling thread's main context when done
 * @user_data: data for @callback
 *
 * Imports a Statement of Applicability (ISO/IEC 27001:2022 clause
 * 6.1.3 d): for each row that names an Annex A control of @workspace,
 * sets its applicability, reasons for inclusion, justification for
 * exclusion and implementation status from the columns the file has. An
 * empty cell leaves its field as it is. All rows are applied as one group
 * of changes: certo_workspace_undo() reverts the whole import.
 *
 * The file is read and parsed on a worker thread (at most
 * %CERTO_SOA_IMPORT_MAX_SIZE bytes, %CERTO_SOA_IMPORT_MAX_ROWS rows,
 * %CERTO_SOA_IMPORT_MAX_FIELD bytes a cell); the rows are applied on the
 * calling thread, which must own @workspace.
 */
void
certo_soa_import_async (CertoWorkspace      *workspace,
                        GFile               *file,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) parse = NULL;

  g_return_if_fail (CERTO_IS_WORKSPACE (workspace));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (workspace, cancellable, callback, user_data);
  g_task_set_source_tag (task, certo_soa_import_async);
  g_task_set_name (task, "certo_soa_import_async");

  parse = g_task_new (workspace, cancellable, parse_done, g_steal_pointer (&task));
  g_task_set_task_data (parse, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (parse, parse_thread);
}

/**
 * certo_soa_import_finish:
 * @workspace: the workspace
 * @result: the result
 * @error: (out) (optional): a #CERTO_SOA_IMPORT_ERROR, a %G_IO_ERROR
 *   reading the file (%G_IO_ERROR_NOT_REGULAR_FILE for a folder, a
 *   named pipe, a device), or %G_IO_ERROR_CANCELLED; nothing was changed
 *   then
 *
 * Returns: (transfer full) (nullable): what was applied and which rows
 *   were left out; free with certo_soa_import_report_free()
 */
CertoSoaImportReport *
certo_soa_import_finish (CertoWorkspace  *workspace,
                         GAsyncResult    *result,
                         GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, workspace), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == certo_soa_import_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * certo_soa_import_bytes:
 * @workspace: an open workspace
 * @bytes: the CSV file's contents
 * @error: (out) (optional): as certo_soa_import_finish()
 *
 * Like certo_soa_import_async(), all on the calling thread: for tests,
 * benchmarks and programs without a main loop to spare.
 *
 * Returns: (transfer full) (nullable): the report
 */
CertoSoaImportReport *
certo_soa_import_bytes (CertoWorkspace  *workspace,
                        GBytes          *bytes,
                        GError         **error)
{
  g_autoptr(CertoSoaTable) parsed = NULL;

  g_return_val_if_fail (CERTO_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (bytes != NULL, NULL);

  parsed = _certo_soa_import_parse (bytes, error);
  if (parsed == NULL)
    return NULL;

  return apply_soa (workspace, parsed, error);
}
