/* certo-export.c — the snapshot an export reads, the job that writes it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An export is a pure function of a snapshot: certo_export_async() copies
 * what it needs from the workspace's in-memory models on the main thread
 * (a few thousand strings at most; no SQL, no disk), then a GTask thread
 * writes a temporary file beside the destination and renames it into
 * place once complete and synced. The workspace is never written to: an
 * export is not a change, leaves no history row and does not make the
 * workspace dirty.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "certo-export-private.h"
#include "certo-util-private.h"
#include "certo-workspace-private.h"

typedef struct
{
  CertoExportSnapshot *snapshot;
  CertoExportFormat    format;
  GFile               *destination;
} ExportJob;

/**
 * certo_export_error_quark:
 *
 * Returns: the domain of #CertoExportError
 */
G_DEFINE_QUARK (certo-export-error-quark, certo_export_error)

/**
 * certo_export_snapshot_get_type:
 *
 * Returns: the boxed #GType of #CertoExportSnapshot (copied by reference)
 */
G_DEFINE_BOXED_TYPE (CertoExportSnapshot, certo_export_snapshot,
                     certo_export_snapshot_ref, certo_export_snapshot_unref)

static const GEnumValue format_values[] = {
  { CERTO_EXPORT_SOA_CSV, "CERTO_EXPORT_SOA_CSV", "csv" },
  { CERTO_EXPORT_SOA_XLSX, "CERTO_EXPORT_SOA_XLSX", "xlsx" },
  { CERTO_EXPORT_SOA_PDF, "CERTO_EXPORT_SOA_PDF", "pdf" },
  { CERTO_EXPORT_STATUS_PDF, "CERTO_EXPORT_STATUS_PDF", "report" },
  { 0, NULL, NULL }
};

static const struct
{
  const char        *extension;
  const char        *content_type;
  CertoExportWriter  write;
} formats[] = {
  [CERTO_EXPORT_SOA_CSV] = { ".csv", "text/csv", _certo_export_write_soa_csv },
  [CERTO_EXPORT_SOA_XLSX] = { ".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                              _certo_export_write_soa_xlsx },
  [CERTO_EXPORT_SOA_PDF] = { ".pdf", "application/pdf", _certo_export_write_soa_pdf },
  [CERTO_EXPORT_STATUS_PDF] = { ".pdf", "application/pdf", _certo_export_write_status_pdf },
};

/* Helpers */

static void
row_free (gpointer data)
{
  CertoExportRow *row = data;

  g_free (row->key);
  g_free (row->label);
  g_free (row->title);
  g_free (row->group_key);
  g_free (row->group_label);
  g_free (row->group_title);
  g_free (row->justification);
  g_free (row->owner);
  g_free (row->due_date);
  g_ptr_array_unref (row->evidence);
  g_free (row);
}

static void
evidence_free (gpointer data)
{
  CertoExportEvidence *evidence = data;

  g_free (evidence->title);
  g_free (evidence->effective_date);
  g_free (evidence->expiry_date);
  g_ptr_array_unref (evidence->labels);
  g_free (evidence);
}

static void
finding_free (gpointer data)
{
  CertoExportFinding *finding = data;

  g_free (finding->reference);
  g_free (finding->description);
  g_free (finding->due_date);
  g_ptr_array_unref (finding->labels);
  g_free (finding);
}

static void
export_job_free (gpointer data)
{
  ExportJob *job = data;

  certo_export_snapshot_unref (job->snapshot);
  g_object_unref (job->destination);
  g_free (job);
}

/* Requirement keys → the labels of the requirements they name; keys the
 * snapshot does not know (a requirement of another edition) stay as they are */
static GPtrArray *
labels_for_keys (CertoExportSnapshot *snapshot,
                 GHashTable          *by_key,
                 const char * const  *keys)
{
  GPtrArray *labels = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      CertoExportRow *row = g_hash_table_lookup (by_key, keys[i]);

      g_ptr_array_add (labels, g_strdup (row != NULL ? row->label : keys[i]));
    }

  return labels;
}

static int
compare_expiry (gconstpointer a,
                gconstpointer b)
{
  const CertoExportEvidence *ea = *(CertoExportEvidence * const *) a;
  const CertoExportEvidence *eb = *(CertoExportEvidence * const *) b;

  return certo_iso_date_compare (ea->expiry_date, eb->expiry_date);
}

static char *
evidence_title (CertoEvidence *evidence)
{
  const char *title = certo_evidence_get_title (evidence);

  if (title != NULL && *title != '\0')
    return g_strdup (title);
  return g_strdup_printf ("#%" G_GINT64_FORMAT, certo_workspace_item_get_id (CERTO_WORKSPACE_ITEM (evidence)));
}

static void
join_into (GString            *out,
           const char         *separator,
           const char         *text)
{
  if (out->len > 0)
    g_string_append (out, separator);
  g_string_append (out, text);
}

static gboolean
sync_folder (const char *dir)
{
  int dir_fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (dir_fd < 0)
    return FALSE;
  /* Some file systems cannot fsync a folder (EINVAL); the rename stands */
  (void) fsync (dir_fd);
  close (dir_fd);
  return TRUE;
}

/* @display_name: the file or folder, or %NULL when a writer fails (the
 * user knows which file they chose) */
static gboolean
set_io_error (GError     **error,
              int          saved_errno,
              const char  *display_name)
{
  if (display_name == NULL)
    {
      if (saved_errno == ENOSPC || saved_errno == EDQUOT)
        g_set_error_literal (error, CERTO_EXPORT_ERROR, CERTO_EXPORT_ERROR_CANNOT_WRITE,
                             _("Could not write the export: the disk is full. Free some space and export again."));
      else
        g_set_error (error, CERTO_EXPORT_ERROR, CERTO_EXPORT_ERROR_CANNOT_WRITE,
                     /* Translators: %s is the system's reason */
                     _("Could not write the export: %s"), g_strerror (saved_errno));
    }
  else if (saved_errno == ENOSPC || saved_errno == EDQUOT)
    g_set_error (error, CERTO_EXPORT_ERROR, CERTO_EXPORT_ERROR_CANNOT_WRITE,
                 /* Translators: %s is a file name */
                 _("Could not write “%s”: the disk is full. Free some space and export again."),
                 display_name);
  else if (saved_errno == EACCES || saved_errno == EPERM || saved_errno == EROFS)
    g_set_error (error, CERTO_EXPORT_ERROR, CERTO_EXPORT_ERROR_CANNOT_WRITE,
                 /* Translators: %s is a file or folder name */
                 _("Could not write in “%s”: you do not have permission to write there. Choose another folder."),
                 display_name);
  else
    g_set_error (error, CERTO_EXPORT_ERROR, CERTO_EXPORT_ERROR_CANNOT_WRITE,
                 /* Translators: the first %s is a file name, the second the system's reason */
                 _("Could not write “%s”: %s"),
                 display_name, g_strerror (saved_errno));
  return FALSE;
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  GError *error = NULL;

  if (!certo_export_snapshot_write (job->snapshot, job->format, job->destination,
                                    cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/* Labels shared by the writers */

/**
 * _certo_export_column_title:
 * @column: a column of the SoA
 *
 * Returns: (transfer none): its heading, translated
 */
const char *
_certo_export_column_title (CertoSoaColumn column)
{
  switch (column)
    {
    /* Translators: SoA column heading: the control's number ("5.7") */
    case CERTO_SOA_COLUMN_ID: return _("Control");
    /* Translators: SoA column heading: the control's short title */
    case CERTO_SOA_COLUMN_TITLE: return _("Title");
    /* Translators: SoA column heading: Yes or No */
    case CERTO_SOA_COLUMN_APPLICABLE: return _("Applicable");
    /* Translators: SoA column heading (ISO/IEC 27001 6.1.3 d) */
    case CERTO_SOA_COLUMN_REASONS: return _("Reasons for inclusion");
    /* Translators: SoA column heading (ISO/IEC 27001 6.1.3 d) */
    case CERTO_SOA_COLUMN_JUSTIFICATION: return _("Justification for exclusion");
    /* Translators: SoA column heading */
    case CERTO_SOA_COLUMN_STATUS: return _("Implementation status");
    /* Translators: SoA column heading: the evidence items that support the control */
    case CERTO_SOA_COLUMN_EVIDENCE: return _("Evidence");
    /* Translators: SoA column heading: what the entry still lacks */
    case CERTO_SOA_COLUMN_OPEN_POINTS: return _("Open points");
    case CERTO_SOA_N_COLUMNS:
    default:
      g_return_val_if_reached ("");
    }
}

/**
 * _certo_export_yes:
 *
 * Returns: (transfer none): "Yes" (a control is applicable), translated
 */
const char *
_certo_export_yes (void)
{
  /* Translators: in the SoA's "Applicable" column */
  return _("Yes");
}

/**
 * _certo_export_no:
 *
 * Returns: (transfer none): "No" (a control is excluded), translated
 */
const char *
_certo_export_no (void)
{
  /* Translators: in the SoA's "Applicable" column */
  return _("No");
}

/**
 * _certo_export_cell:
 * @row: a requirement
 * @column: a column of the SoA
 *
 * The text of one SoA cell, as CSV and XLSX write it. Lists (reasons,
 * evidence, open points) are joined by "; ".
 *
 * Returns: (transfer full): the text; "" when empty
 */
char *
_certo_export_cell (const CertoExportRow *row,
                    CertoSoaColumn        column)
{
  GString *out;

  switch (column)
    {
    case CERTO_SOA_COLUMN_ID:
      return g_strdup (row->label);
    case CERTO_SOA_COLUMN_TITLE:
      return g_strdup (row->title != NULL ? row->title : "");
    case CERTO_SOA_COLUMN_APPLICABLE:
      if (row->applicability == CERTO_APPLICABILITY_APPLICABLE)
        return g_strdup (_certo_export_yes ());
      if (row->applicability == CERTO_APPLICABILITY_EXCLUDED)
        return g_strdup (_certo_export_no ());
      return g_strdup (certo_enum_to_label (CERTO_TYPE_APPLICABILITY, row->applicability));
    case CERTO_SOA_COLUMN_REASONS:
      out = g_string_new (NULL);
      for (guint bit = 0; bit < 8 * sizeof (row->reasons); bit++)
        {
          g_autofree char *label = NULL;

          if ((row->reasons & (1u << bit)) == 0)
            continue;
          label = certo_inclusion_reasons_to_label (1u << bit);
          join_into (out, "; ", label);
        }
      return g_string_free (out, FALSE);
    case CERTO_SOA_COLUMN_JUSTIFICATION:
      return g_strdup (row->justification != NULL ? row->justification : "");
    case CERTO_SOA_COLUMN_STATUS:
      return g_strdup (certo_enum_to_label (CERTO_TYPE_IMPLEMENTATION_STATUS, row->status));
    case CERTO_SOA_COLUMN_EVIDENCE:
      out = g_string_new (NULL);
      for (guint i = 0; i < row->evidence->len; i++)
        join_into (out, "; ", g_ptr_array_index (row->evidence, i));
      return g_string_free (out, FALSE);
    case CERTO_SOA_COLUMN_OPEN_POINTS:
      out = g_string_new (NULL);
      if (row->soa_issues & CERTO_SOA_ISSUE_UNDECIDED)
        join_into (out, "; ", _("Applicability not decided"));
      if (row->soa_issues & CERTO_SOA_ISSUE_NO_JUSTIFICATION)
        join_into (out, "; ", _("Justification for exclusion missing"));
      if (row->soa_issues & CERTO_SOA_ISSUE_NO_REASON)
        join_into (out, "; ", _("Reason for inclusion missing"));
      return g_string_free (out, FALSE);
    case CERTO_SOA_N_COLUMNS:
    default:
      g_return_val_if_reached (g_strdup (""));
    }
}

/**
 * _certo_export_format_date:
 * @iso_date: (nullable): `YYYY-MM-DD`
 *
 * A date as the PDF prints it: in the reader's language (the order from
 * the translation, month names from the locale).
 *
 * Returns: (transfer full) (nullable): the date, @iso_date itself when it
 *   is not a date, %NULL for %NULL
 */
char *
_certo_export_format_date (const char *iso_date)
{
  g_autoptr(GDateTime) date = NULL;
  GDate parsed;

  if (iso_date == NULL)
    return NULL;
  if (!certo_iso_date_parse (iso_date, &parsed))
    return g_strdup (iso_date);

  date = g_date_time_new_local (g_date_get_year (&parsed), g_date_get_month (&parsed),
                                g_date_get_day (&parsed), 12, 0, 0);
  /* Translators: a date in the PDF exports, in g_date_time_format() syntax;
   * "29 November 2026". Reorder to your language's usual written form. */
  /* xgettext:no-c-format */
  return g_date_time_format (date, _("%-d %B %Y"));
}

/**
 * _certo_export_dup_soa_version:
 * @snapshot: a snapshot
 *
 * Returns: (transfer full): the approved SoA version ("1.2"), a note that
 *   it was changed since (ISO/IEC 27001:2022 clause 7.5.2 c: the content
 *   exported is not the content approved), or a note that there is none
 *   yet
 */
char *
_certo_export_dup_soa_version (CertoExportSnapshot *snapshot)
{
  if (snapshot->soa_version != NULL && snapshot->soa_changed)
    /* Translators: the SoA version when it was edited after its approval;
     * %s is the version approved ("1.0") */
    return g_strdup_printf (_("Draft — changed since version %s was approved"), snapshot->soa_version);
  if (snapshot->soa_version != NULL)
    return g_strdup (snapshot->soa_version);
  /* Translators: the SoA version when no version has been approved */
  return g_strdup (_("Draft (not approved)"));
}

/**
 * _certo_export_write_all:
 * @fd: a file open for writing
 * @data: bytes
 * @length: how many
 * @error: (out) (optional): %CERTO_EXPORT_ERROR_CANNOT_WRITE
 *
 * Returns: %TRUE when all were written
 */
gboolean
_certo_export_write_all (int          fd,
                         const char  *data,
                         gsize        length,
                         GError     **error)
{
  while (length > 0)
    {
      gssize written = write (fd, data, length);

      if (written < 0)
        {
          if (errno == EINTR)
            continue;
          return set_io_error (error, errno, NULL);
        }
      data += written;
      length -= written;
    }

  return TRUE;
}

/* Public API */

/**
 * certo_export_format_get_type:
 *
 * Returns: the #GType of #CertoExportFormat
 */
GType
certo_export_format_get_type (void)
{
  static gsize type_id = 0;

  if (g_once_init_enter (&type_id))
    g_once_init_leave (&type_id, g_enum_register_static ("CertoExportFormat", format_values));

  return type_id;
}

/**
 * certo_export_format_to_nick:
 * @format: a format
 *
 * Returns: (transfer none): its name on the command line: "csv", "xlsx",
 *   "pdf" (the SoA) or "report" (the status report)
 */
const char *
certo_export_format_to_nick (CertoExportFormat format)
{
  g_return_val_if_fail (format <= CERTO_EXPORT_STATUS_PDF, NULL);
  return format_values[format].value_nick;
}

/**
 * certo_export_format_from_nick:
 * @nick: "csv", "xlsx", "pdf" or "report" (case ignored)
 * @out_format: (out): the format
 *
 * Returns: %TRUE when @nick names a format
 */
gboolean
certo_export_format_from_nick (const char        *nick,
                               CertoExportFormat *out_format)
{
  g_return_val_if_fail (out_format != NULL, FALSE);

  for (guint i = 0; nick != NULL && format_values[i].value_nick != NULL; i++)
    {
      if (g_ascii_strcasecmp (nick, format_values[i].value_nick) == 0)
        {
          *out_format = format_values[i].value;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * certo_export_format_get_extension:
 * @format: a format
 *
 * Returns: (transfer none): the file name suffix, with its dot (".csv")
 */
const char *
certo_export_format_get_extension (CertoExportFormat format)
{
  g_return_val_if_fail (format < G_N_ELEMENTS (formats), NULL);
  return formats[format].extension;
}

/**
 * certo_export_format_get_content_type:
 * @format: a format
 *
 * Returns: (transfer none): the MIME type ("text/csv"), for a file
 *   chooser's filter
 */
const char *
certo_export_format_get_content_type (CertoExportFormat format)
{
  g_return_val_if_fail (format < G_N_ELEMENTS (formats), NULL);
  return formats[format].content_type;
}

/**
 * certo_export_snapshot_new:
 * @workspace: an open workspace
 * @error: (out) (optional): %CERTO_EXPORT_ERROR_NOT_OPEN
 *
 * Copies what the exports need from @workspace's in-memory models:
 * organisation, scope, framework, certificate, the current approved SoA
 * version (its number, approver and approval date), every requirement
 * with its SoA entry (applicability, reasons for inclusion, justification
 * for exclusion — ISO/IEC 27001:2022 clause 6.1.3 d), status, owner and
 * due date, the evidence that supports it, the audits and findings, and
 * today's date. Call it on the thread that owns @workspace (the main
 * thread); it reads no file and changes nothing.
 *
 * Returns: (transfer full) (nullable): a snapshot; unref it with
 *   certo_export_snapshot_unref()
 */
CertoExportSnapshot *
certo_export_snapshot_new (CertoWorkspace  *workspace,
                           GError         **error)
{
  g_autoptr(CertoExportSnapshot) snapshot = NULL;
  g_autoptr(GHashTable) by_key = NULL;
  g_autoptr(GPtrArray) items = NULL;
  CertoSoaVersion *version;
  GListModel *model;

  g_return_val_if_fail (CERTO_IS_WORKSPACE (workspace), NULL);

  if (!certo_workspace_get_is_open (workspace))
    {
      g_set_error_literal (error, CERTO_EXPORT_ERROR, CERTO_EXPORT_ERROR_NOT_OPEN,
                           _("The workspace is not open; open it and export again."));
      return NULL;
    }

  snapshot = g_new0 (CertoExportSnapshot, 1);
  g_atomic_ref_count_init (&snapshot->ref_count);
  snapshot->rows = g_ptr_array_new_with_free_func (row_free);
  snapshot->overdue_findings = g_ptr_array_new_with_free_func (finding_free);
  snapshot->expiring = g_ptr_array_new_with_free_func (evidence_free);
  snapshot->today = certo_iso_date_today ();

  snapshot->organisation = certo_dup_nonempty (certo_workspace_get_organisation (workspace));
  snapshot->scope = certo_dup_nonempty (certo_workspace_get_scope (workspace));
  snapshot->framework_id = certo_dup_nonempty (certo_workspace_get_framework_id (workspace));
  snapshot->framework_title = certo_dup_nonempty (certo_workspace_get_framework_title (workspace));
  snapshot->certificate_number = certo_dup_nonempty (certo_workspace_get_certificate_number (workspace));
  snapshot->certification_body = certo_dup_nonempty (certo_workspace_get_certification_body (workspace));
  snapshot->certificate_issue_date = certo_dup_nonempty (certo_workspace_get_certificate_issue_date (workspace));
  snapshot->certificate_expiry_date = certo_dup_nonempty (certo_workspace_get_certificate_expiry_date (workspace));

  version = certo_workspace_get_current_soa_version (workspace);
  if (version != NULL)
    {
      snapshot->soa_version = certo_dup_nonempty (certo_soa_version_get_version (version));
      snapshot->soa_approver = certo_dup_nonempty (certo_soa_version_get_approver (version));
      snapshot->soa_approval_date = certo_dup_nonempty (certo_soa_version_get_approval_date (version));
      snapshot->soa_changed = certo_workspace_get_soa_changed_since_approval (workspace);
    }

  by_key = g_hash_table_new (g_str_hash, g_str_equal);
  model = certo_workspace_get_requirements (workspace);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CertoRequirementState) state = g_list_model_get_item (model, i);
      CertoExportRow *row;

      if (certo_workspace_item_get_removed (CERTO_WORKSPACE_ITEM (state)))
        continue;

      row = g_new0 (CertoExportRow, 1);
      row->key = g_strdup (certo_requirement_state_get_key (state));
      /* As the window shows it: "A.5.1" for an Annex A control of either
       * edition (ISO/IEC 27001:2022 Annex A numbers its controls 5.1–8.34
       * under the "A." of the annex), "6.1.2" for a clause */
      row->label = g_strdup (certo_requirement_state_get_display_label (state));
      row->title = certo_dup_nonempty (certo_requirement_state_get_title (state));
      row->group_key = certo_dup_nonempty (certo_requirement_state_get_group_key (state));
      row->group_label = certo_dup_nonempty (certo_requirement_state_get_group_label (state));
      row->group_title = certo_dup_nonempty (certo_requirement_state_get_group_title (state));
      row->is_annex_a = certo_requirement_state_get_is_annex_a (state);
      row->is_clause = certo_requirement_state_get_is_clause (state);
      row->applicability = certo_requirement_state_get_applicability (state);
      row->reasons = certo_requirement_state_get_inclusion_reasons (state);
      row->justification = certo_dup_nonempty (certo_requirement_state_get_exclusion_justification (state));
      row->status = certo_requirement_state_get_status (state);
      row->control_type = certo_requirement_state_get_control_type (state);
      row->obligation = certo_requirement_state_get_obligation (state);
      row->owner = certo_dup_nonempty (certo_requirement_state_get_owner (state));
      row->due_date = certo_dup_nonempty (certo_requirement_state_get_due_date (state));
      row->soa_issues = certo_requirement_state_get_soa_issues (state);
      row->evidence = g_ptr_array_new_with_free_func (g_free);
      if (row->label == NULL)
        row->label = g_strdup (row->key);

      g_ptr_array_add (snapshot->rows, row);
      g_hash_table_insert (by_key, row->key, row);
    }

  model = certo_workspace_get_evidence (workspace);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CertoEvidence) item = g_list_model_get_item (model, i);
      const char * const *keys = certo_evidence_get_requirement_keys (item);
      g_autofree char *title = NULL;

      if (certo_workspace_item_get_removed (CERTO_WORKSPACE_ITEM (item)))
        continue;

      title = evidence_title (item);
      for (guint k = 0; keys != NULL && keys[k] != NULL; k++)
        {
          CertoExportRow *row = g_hash_table_lookup (by_key, keys[k]);

          if (row != NULL)
            g_ptr_array_add (row->evidence, g_strdup (title));
        }
    }

  /* The status report: the workspace's own figures, so they read as in the UI */
  snapshot->score = certo_score_compute (certo_workspace_get_requirements (workspace));
  snapshot->schedule = certo_workspace_compute_audit_schedule (workspace, snapshot->today);

  items = certo_workspace_list_overdue_requirements (workspace, snapshot->today);
  for (guint i = 0; i < items->len; i++)
    {
      CertoExportRow *row = g_hash_table_lookup (by_key,
                                                 certo_requirement_state_get_key (g_ptr_array_index (items, i)));

      if (row != NULL)
        row->overdue = TRUE;
    }
  g_clear_pointer (&items, g_ptr_array_unref);

  items = certo_workspace_list_overdue_findings (workspace, snapshot->today);
  for (guint i = 0; i < items->len; i++)
    {
      CertoFinding *item = g_ptr_array_index (items, i);
      CertoExportFinding *finding = g_new0 (CertoExportFinding, 1);

      finding->kind = certo_finding_get_kind (item);
      finding->reference = certo_dup_nonempty (certo_finding_get_reference (item));
      finding->description = certo_dup_nonempty (certo_finding_get_description (item));
      finding->due_date = certo_dup_nonempty (certo_finding_get_due_date (item));
      finding->labels = labels_for_keys (snapshot, by_key, certo_finding_get_requirement_keys (item));
      g_ptr_array_add (snapshot->overdue_findings, finding);
    }
  g_clear_pointer (&items, g_ptr_array_unref);

  items = certo_workspace_list_expiring_evidence (workspace, snapshot->today, CERTO_EXPORT_EXPIRY_DAYS);
  for (guint i = 0; i < items->len; i++)
    {
      CertoEvidence *item = g_ptr_array_index (items, i);
      CertoExportEvidence *evidence = g_new0 (CertoExportEvidence, 1);

      evidence->title = evidence_title (item);
      evidence->effective_date = certo_dup_nonempty (certo_evidence_get_effective_date (item));
      evidence->expiry_date = certo_dup_nonempty (certo_evidence_get_expiry_date (item));
      evidence->labels = labels_for_keys (snapshot, by_key, certo_evidence_get_requirement_keys (item));
      g_ptr_array_add (snapshot->expiring, evidence);
    }
  g_clear_pointer (&items, g_ptr_array_unref);
  g_ptr_array_sort (snapshot->expiring, compare_expiry);

  return g_steal_pointer (&snapshot);
}

/**
 * certo_export_snapshot_ref:
 * @snapshot: a snapshot
 *
 * Returns: (transfer full): @snapshot, with one more reference
 */
CertoExportSnapshot *
certo_export_snapshot_ref (CertoExportSnapshot *snapshot)
{
  g_return_val_if_fail (snapshot != NULL, NULL);

  g_atomic_ref_count_inc (&snapshot->ref_count);
  return snapshot;
}

/**
 * certo_export_snapshot_unref:
 * @snapshot: (transfer full): a snapshot
 *
 * Drops a reference; the last one frees it. Safe from any thread.
 */
void
certo_export_snapshot_unref (CertoExportSnapshot *snapshot)
{
  g_return_if_fail (snapshot != NULL);

  if (!g_atomic_ref_count_dec (&snapshot->ref_count))
    return;

  g_free (snapshot->organisation);
  g_free (snapshot->scope);
  g_free (snapshot->framework_id);
  g_free (snapshot->framework_title);
  g_free (snapshot->certificate_number);
  g_free (snapshot->certification_body);
  g_free (snapshot->certificate_issue_date);
  g_free (snapshot->certificate_expiry_date);
  g_free (snapshot->soa_version);
  g_free (snapshot->soa_approver);
  g_free (snapshot->soa_approval_date);
  g_free (snapshot->today);
  g_ptr_array_unref (snapshot->rows);
  g_clear_pointer (&snapshot->score, certo_score_free);
  g_clear_pointer (&snapshot->schedule, g_ptr_array_unref);
  g_ptr_array_unref (snapshot->overdue_findings);
  g_ptr_array_unref (snapshot->expiring);
  g_free (snapshot);
}

/**
 * certo_export_snapshot_get_n_controls:
 * @snapshot: a snapshot
 *
 * Returns: how many rows the SoA has: the Annex A controls (every control
 *   of an imported catalog)
 */
guint
certo_export_snapshot_get_n_controls (CertoExportSnapshot *snapshot)
{
  guint n = 0;

  g_return_val_if_fail (snapshot != NULL, 0);

  for (guint i = 0; i < snapshot->rows->len; i++)
    if (((CertoExportRow *) g_ptr_array_index (snapshot->rows, i))->is_annex_a)
      n++;

  return n;
}

/**
 * certo_export_snapshot_write:
 * @snapshot: a snapshot
 * @format: what to write
 * @destination: the file to write; it must have a local path (a document
 *   portal path is local); an existing file is replaced
 * @cancellable: (nullable): a #GCancellable
 * @error: (out) (optional): %CERTO_EXPORT_ERROR_NOT_LOCAL,
 *   %CERTO_EXPORT_ERROR_NO_FOLDER, %CERTO_EXPORT_ERROR_CANNOT_WRITE,
 *   %CERTO_EXPORT_ERROR_XLSX, %CERTO_EXPORT_ERROR_PDF, or
 *   %G_IO_ERROR_CANCELLED
 *
 * Writes @format into a temporary file in @destination's folder, syncs it
 * and renames it over @destination, so a reader sees either the old file
 * or the complete new one; on any failure the temporary file is removed
 * and @destination is untouched. Blocking: call it from a worker thread
 * (certo_export_async() does), or from a program with no UI.
 *
 * Returns: %TRUE when @destination holds the export
 */
gboolean
certo_export_snapshot_write (CertoExportSnapshot  *snapshot,
                             CertoExportFormat     format,
                             GFile                *destination,
                             GCancellable         *cancellable,
                             GError              **error)
{
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *temp_path = NULL;
  g_autofree char *display_name = NULL;
  g_autofree char *temp_name = NULL;
  gboolean ok;
  int fd;

  g_return_val_if_fail (snapshot != NULL, FALSE);
  g_return_val_if_fail (format < G_N_ELEMENTS (formats), FALSE);
  g_return_val_if_fail (G_IS_FILE (destination), FALSE);

  path = g_file_get_path (destination);
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (destination);

      g_set_error (error, CERTO_EXPORT_ERROR, CERTO_EXPORT_ERROR_NOT_LOCAL,
                   /* Translators: %s is a location (URI) */
                   _("Cannot export to “%s”: choose a folder on this computer."), uri);
      return FALSE;
    }

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  display_name = g_filename_display_name (path);
  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *dir_name = g_filename_display_name (dir);

      g_set_error (error, CERTO_EXPORT_ERROR, CERTO_EXPORT_ERROR_NO_FOLDER,
                   /* Translators: %s is a folder */
                   _("The folder “%s” does not exist; choose another folder."), dir_name);
      return FALSE;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  /* Replacing a named pipe or a device by a file is not what was meant */
  {
    g_autoptr(GError) local_error = NULL;

    if (!_certo_check_writable_destination (destination, &local_error))
      {
        g_set_error_literal (error, CERTO_EXPORT_ERROR, CERTO_EXPORT_ERROR_CANNOT_WRITE,
                             local_error->message);
        return FALSE;
      }
  }

  /* A hidden name in the same folder, so the rename cannot cross file
   * systems and a file manager does not show a half-written file */
  temp_name = g_strdup_printf (".%s.XXXXXX", base);
  temp_path = g_build_filename (dir, temp_name, NULL);
  fd = g_mkstemp_full (temp_path, O_WRONLY | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      g_autofree char *dir_name = g_filename_display_name (dir);

      return set_io_error (error, errno, dir_name);
    }

  ok = formats[format].write (snapshot, fd, temp_path, cancellable, error);
  if (ok && g_cancellable_set_error_if_cancelled (cancellable, error))
    ok = FALSE;
  if (ok && fsync (fd) != 0)
    ok = set_io_error (error, errno, display_name);
  if (close (fd) != 0 && ok)
    ok = set_io_error (error, errno, display_name);
  if (ok && g_rename (temp_path, path) != 0)
    ok = set_io_error (error, errno, display_name);

  if (!ok)
    {
      g_unlink (temp_path);
      return FALSE;
    }

  sync_folder (dir);
  return TRUE;
}

/**
 * certo_export_async:
 * @workspace: an open workspace
 * @format: what to write
 * @destination: the file to write (see certo_export_snapshot_write())
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on the calling thread's main context when done
 * @user_data: data for @callback
 *
 * Exports @workspace: a snapshot is taken at once, on the calling (main)
 * thread, so edits made while the file is written do not reach it; the
 * file is written on a worker thread. Never changes @workspace.
 *
 * The SoA formats hold one row per Annex A control with its number,
 * title, applicability, reasons for inclusion, justification for
 * exclusion, implementation status and evidence (ISO/IEC 27001:2022
 * clause 6.1.3 d); CSV and XLSX add what the entry still lacks. Labels
 * are in the user's language; dates are ISO 8601 in CSV and XLSX and
 * written out in the PDFs.
 */
void
certo_export_async (CertoWorkspace      *workspace,
                    CertoExportFormat    format,
                    GFile               *destination,
                    GCancellable        *cancellable,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;
  ExportJob *job;
  CertoExportSnapshot *snapshot;

  g_return_if_fail (CERTO_IS_WORKSPACE (workspace));
  g_return_if_fail (format < G_N_ELEMENTS (formats));
  g_return_if_fail (G_IS_FILE (destination));

  task = g_task_new (workspace, cancellable, callback, user_data);
  g_task_set_source_tag (task, certo_export_async);
  g_task_set_name (task, "certo_export_async");

  snapshot = certo_export_snapshot_new (workspace, &error);
  if (snapshot == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  job = g_new0 (ExportJob, 1);
  job->snapshot = snapshot;
  job->format = format;
  job->destination = g_object_ref (destination);
  g_task_set_task_data (task, job, export_job_free);
  g_task_run_in_thread (task, export_thread);
}

/**
 * certo_export_finish:
 * @workspace: the workspace
 * @result: the result
 * @error: (out) (optional): see certo_export_snapshot_write()
 *
 * Returns: %TRUE when the file was written
 */
gboolean
certo_export_finish (CertoWorkspace  *workspace,
                     GAsyncResult    *result,
                     GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, workspace), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == certo_export_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
