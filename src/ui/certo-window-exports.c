/* certo-window-exports.c — the window's workspace jobs: exports, the SoA
 * import, approving the SoA
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Long work runs in the core with a progress bar at the bottom of the
 * window and Cancel; its outcome is told in a toast (with "Open" for an
 * export) or, when there is more to say, in a dialog.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "certo-date-row.h"
#include "certo-requirement-picker.h"
#include "certo-window-private.h"
#include "certo-workspace-util.h"

/* The import report lists at most this many rows */
#define MAX_ISSUES_SHOWN 200

/**
 * certo_window_set_job:
 * @self: the window
 * @text: (nullable): what runs ("Exporting “soa.pdf”…"), or %NULL when
 *   nothing does
 *
 * Shows or hides the progress bar of workspace jobs.
 */
void
certo_window_set_job (CertoWindow *self,
                      const char  *text)
{
  if (text != NULL)
    gtk_label_set_text (self->job_label, text);

  gtk_spinner_set_spinning (self->job_spinner, text != NULL);
  gtk_revealer_set_reveal_child (self->job_revealer, text != NULL);
  certo_window_update_actions (self);
}

/**
 * certo_window_begin_job:
 * @self: the window
 * @text: what runs, for the progress bar
 *
 * Starts a workspace job: writes text typed but not yet written, makes
 * `job_cancellable` (Cancel in the progress bar) and shows @text.
 *
 * Returns: %FALSE when there is no open workspace or a job runs already
 */
gboolean
certo_window_begin_job (CertoWindow *self,
                        const char  *text)
{
  if (self->workspace == NULL || !certo_workspace_get_is_open (self->workspace))
    return FALSE;

  if (self->job_cancellable != NULL)
    {
      certo_window_add_toast (self, certo_toast_new (_("Wait for the current task to finish")));
      return FALSE;
    }

  certo_workspace_view_commit (self->workspace_view);
  self->job_cancellable = g_cancellable_new ();
  certo_window_set_job (self, text);
  return TRUE;
}

/**
 * certo_window_end_job:
 * @self: the window
 *
 * Ends what certo_window_begin_job() started.
 */
void
certo_window_end_job (CertoWindow *self)
{
  g_clear_object (&self->job_cancellable);
  certo_window_set_job (self, NULL);
}

typedef struct
{
  CertoWindow    *self;
  GFile          *file;
  CertoWorkspace *target;
} JobData;

static void
job_data_free (JobData *data)
{
  g_clear_object (&data->self);
  g_clear_object (&data->file);
  g_clear_object (&data->target);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JobData, job_data_free)

static JobData *
job_data_new (CertoWindow *self,
              GFile       *file)
{
  JobData *data = g_new0 (JobData, 1);

  data->self = g_object_ref (self);
  data->file = g_object_ref (file);
  return data;
}

/**
 * certo_window_is_closed:
 * @self: the window
 *
 * Returns: whether the window went while a job ran (nothing to tell then)
 */
gboolean
certo_window_is_closed (CertoWindow *self)
{
  return self->cancellable == NULL || g_cancellable_is_cancelled (self->cancellable);
}

static GtkWidget *
scrolled_text (const char *text)
{
  GtkWidget *label = gtk_label_new (text);
  GtkWidget *scroller = gtk_scrolled_window_new ();

  /* Names of controls and cells of the user's file: plain text, selectable */
  gtk_label_set_use_markup (GTK_LABEL (label), FALSE);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_valign (label, GTK_ALIGN_START);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 320);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), label);

  return scroller;
}

/* Exports */

static const char *
format_title (CertoExportFormat format)
{
  switch (format)
    {
    case CERTO_EXPORT_SOA_CSV:
      return _("Export the Statement of Applicability as CSV");
    case CERTO_EXPORT_SOA_XLSX:
      return _("Export the Statement of Applicability as Excel");
    case CERTO_EXPORT_SOA_PDF:
      return _("Export the Statement of Applicability as PDF");
    case CERTO_EXPORT_STATUS_PDF:
    default:
      return _("Export the Status Report");
    }
}

static void
on_exported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(JobData) data = user_data;
  CertoWindow *self = data->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = certo_file_display_name (data->file);
  g_autofree char *title = NULL;
  g_autofree char *uri = NULL;
  AdwToast *toast;
  gboolean ok;

  ok = certo_export_finish (CERTO_WORKSPACE (source), result, &error);
  if (certo_window_is_closed (self))
    return;
  certo_window_end_job (self);

  if (!ok)
    {
      g_autofree char *heading = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          certo_window_add_toast (self, certo_toast_new (_("Export cancelled")));
          return;
        }
      /* Translators: %s is a file name */
      heading = g_strdup_printf (_("Could Not Export “%s”"), name);
      certo_show_message (GTK_WIDGET (self), heading, error->message);
      return;
    }

  /* Translators: %s is a file name */
  title = g_strdup_printf (_("Exported “%s”"), name);
  toast = certo_toast_new (title);
  uri = g_file_get_uri (data->file);
  adw_toast_set_button_label (toast, _("_Open"));
  adw_toast_set_action_name (toast, "win.show-file");
  adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
  certo_window_add_toast (self, toast);
}

/**
 * certo_window_export:
 * @self: a #CertoWindow
 * @format: the Statement of Applicability as CSV, XLSX or PDF, or the
 *   status report
 * @file: where to write it (replaced when it exists: the chooser asked)
 *
 * Exports in the background with a progress bar and Cancel; the
 * workspace is not changed.
 */
void
certo_window_export (CertoWindow       *self,
                     CertoExportFormat  format,
                     GFile             *file)
{
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;

  g_return_if_fail (CERTO_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  name = certo_file_display_name (file);
  /* Translators: %s is a file name */
  text = g_strdup_printf (_("Exporting “%s”…"), name);
  if (!certo_window_begin_job (self, text))
    return;

  certo_export_async (self->workspace, format, file, self->job_cancellable, on_exported,
                      job_data_new (self, file));
}

typedef struct
{
  CertoWindow       *self;
  CertoExportFormat  format;
} ExportChoice;

static void
on_export_chosen (GtkNativeDialog *dialog,
                  int              response,
                  gpointer         user_data)
{
  ExportChoice *choice = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *suffix = g_strconcat (".", certo_export_format_get_extension (choice->format), NULL);

      if (chosen != NULL)
        {
          g_autoptr(GFile) file = certo_file_with_suffix (chosen, suffix);

          certo_window_export (choice->self, choice->format, file);
        }
    }

  g_object_unref (choice->self);
  g_free (choice);
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
export_action (GSimpleAction *action,
               GVariant      *param,
               gpointer       user_data)
{
  CertoWindow *self = user_data;
  CertoExportFormat format;
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *base = NULL;
  g_autofree char *name = NULL;
  const char *extension;
  ExportChoice *choice;

  if (self->workspace == NULL
      || !certo_export_format_from_nick (g_variant_get_string (param, NULL), &format))
    return;

  extension = certo_export_format_get_extension (format);
  chooser = gtk_file_chooser_native_new (format_title (format), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_add_mime_type (filter, certo_export_format_get_content_type (format));
  gtk_file_filter_add_suffix (filter, extension);
  gtk_file_filter_set_name (filter, extension);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  /* Translators: the first part of an export's file name, after the organisation */
  base = g_strdup_printf ("%s - %s", certo_workspace_get_organisation (self->workspace),
                          format == CERTO_EXPORT_STATUS_PDF ? _("Status Report") : _("Statement of Applicability"));
  name = g_strdelimit (g_strconcat (base, ".", extension, NULL), "/\\", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);

  choice = g_new0 (ExportChoice, 1);
  choice->self = g_object_ref (self);
  choice->format = format;
  g_signal_connect (chooser, "response", G_CALLBACK (on_export_chosen), choice);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
show_file_action (GSimpleAction *action,
                  GVariant      *param,
                  gpointer       user_data)
{
  CertoWindow *self = user_data;
  const char *uri = g_variant_get_string (param, NULL);

  /* Only a file the user chose to export: "file" URIs of local files */
  if (g_str_has_prefix (uri, "file:"))
    gtk_show_uri (GTK_WINDOW (self), uri, GDK_CURRENT_TIME);
}

/* The SoA import */

static void
append_issues (GString    *text,
               GPtrArray  *issues,
               guint      *shown)
{
  for (guint i = 0; issues != NULL && i < issues->len && *shown < MAX_ISSUES_SHOWN; i++, (*shown)++)
    {
      CertoSoaImportIssue *issue = g_ptr_array_index (issues, i);

      if (text->len > 0)
        g_string_append_c (text, '\n');
      /* Translators: a row left out of an import: "Line 12: “A.9.9” — no such control" */
      g_string_append_printf (text, _("Line %u: “%s” — %s"), issue->line,
                              issue->value != NULL ? issue->value : "", issue->message);
    }
}

static void
on_import_report_response (AdwMessageDialog *dialog,
                           const char       *response,
                           CertoWindow      *self)
{
  if (g_str_equal (response, "undo"))
    certo_window_undo (self);
}

static void
on_soa_imported (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(JobData) data = user_data;
  CertoWindow *self = data->self;
  g_autoptr(CertoSoaImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = certo_file_display_name (data->file);
  g_autofree char *heading = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  g_autoptr(GString) details = g_string_new (NULL);
  guint n_unmatched, n_invalid, shown = 0;
  GtkWidget *dialog;

  report = certo_soa_import_finish (CERTO_WORKSPACE (source), result, &error);
  if (certo_window_is_closed (self))
    return;
  certo_window_end_job (self);

  if (report == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          certo_window_add_toast (self, certo_toast_new (_("Import cancelled")));
          return;
        }
      /* Translators: %s is a file name */
      heading = g_strdup_printf (_("Could Not Import “%s”"), name);
      certo_show_message (GTK_WIDGET (self), heading, error->message);
      return;
    }

  n_unmatched = report->unmatched != NULL ? report->unmatched->len : 0;
  n_invalid = report->invalid != NULL ? report->invalid->len : 0;

  /* Translators: %s is a file name */
  heading = g_strdup_printf (_("Imported “%s”"), name);
  g_string_append_printf (body, g_dngettext (GETTEXT_PACKAGE,
                                             "%u row applied, %u of them changed the workspace.",
                                             "%u rows applied, %u of them changed the workspace.",
                                             report->n_applied),
                          report->n_applied, report->n_changed);
  if (n_unmatched > 0)
    {
      g_string_append_c (body, ' ');
      g_string_append_printf (body, g_dngettext (GETTEXT_PACKAGE,
                                                 "%u row names no control of this workspace.",
                                                 "%u rows name no control of this workspace.",
                                                 n_unmatched),
                              n_unmatched);
    }
  if (n_invalid > 0)
    {
      g_string_append_c (body, ' ');
      g_string_append_printf (body, g_dngettext (GETTEXT_PACKAGE,
                                                 "%u row has a value Certo cannot read and was left out.",
                                                 "%u rows have values Certo cannot read and were left out.",
                                                 n_invalid),
                              n_invalid);
    }
  if (report->n_changed > 0)
    {
      g_string_append_c (body, ' ');
      g_string_append (body, _("The whole import can be undone at once (Ctrl+Z)."));
    }

  append_issues (details, report->unmatched, &shown);
  append_issues (details, report->invalid, &shown);
  if (n_unmatched + n_invalid > shown)
    {
      g_string_append_c (details, '\n');
      g_string_append_printf (details, g_dngettext (GETTEXT_PACKAGE, "… and %u more", "… and %u more",
                                                    n_unmatched + n_invalid - shown),
                              n_unmatched + n_invalid - shown);
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body->str);
  if (details->len > 0)
    adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scrolled_text (details->str));
  if (report->n_changed > 0)
    adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "undo", _("_Undo Import"));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_import_report_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * certo_window_import_soa:
 * @self: a #CertoWindow
 * @file: a CSV Statement of Applicability (Certo's own export, or a
 *   spreadsheet with columns for control, applicability, status and
 *   justification)
 *
 * Imports it into the workspace in the background, then shows what was
 * applied and which rows were left out; one Ctrl+Z undoes it all.
 */
void
certo_window_import_soa (CertoWindow *self,
                         GFile       *file)
{
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;

  g_return_if_fail (CERTO_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  name = certo_file_display_name (file);
  /* Translators: %s is a file name */
  text = g_strdup_printf (_("Importing “%s”…"), name);
  if (!certo_window_begin_job (self, text))
    return;

  certo_soa_import_async (self->workspace, file, self->job_cancellable, on_soa_imported,
                          job_data_new (self, file));
}

static void
on_import_chosen (GtkNativeDialog *dialog,
                  int              response,
                  CertoWindow     *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file != NULL)
        certo_window_import_soa (self, file);
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (self);
}

static void
import_soa_action (GSimpleAction *action,
                   GVariant      *param,
                   gpointer       user_data)
{
  CertoWindow *self = user_data;
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Import a Statement of Applicability"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (csv, _("CSV files"));
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_filter_add_suffix (csv, "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), csv);
  g_signal_connect (chooser, "response", G_CALLBACK (on_import_chosen), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Approving the SoA */

/**
 * certo_window_approve_soa:
 * @self: a #CertoWindow
 * @version: the version ("1.1")
 * @approver: (nullable): who approved it
 * @approval_date: (nullable): `YYYY-MM-DD`
 * @error: (out) (optional): a #CERTO_WORKSPACE_ERROR
 *
 * Records an approved version of the Statement of Applicability
 * (ISO/IEC 27001:2022 clauses 6.1.3 d and 7.5.2); undoable.
 *
 * Returns: (transfer none) (nullable): the new version
 */
CertoSoaVersion *
certo_window_approve_soa (CertoWindow  *self,
                          const char   *version,
                          const char   *approver,
                          const char   *approval_date,
                          GError      **error)
{
  CertoSoaVersion *soa;
  g_autofree char *title = NULL;
  AdwToast *toast;

  g_return_val_if_fail (CERTO_IS_WINDOW (self), NULL);

  if (self->workspace == NULL)
    {
      g_set_error_literal (error, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_NOT_OPEN,
                           _("Open a workspace first"));
      return NULL;
    }

  soa = certo_workspace_add_soa_version (self->workspace, version, approver, approval_date, NULL, error);
  if (soa == NULL)
    return NULL;

  /* Translators: %s is a version number */
  title = g_strdup_printf (_("Approved version %s of the Statement of Applicability"), version);
  toast = certo_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  certo_window_add_toast (self, toast);

  return soa;
}

/* The version after @current: "1.0" → "1.1", "3" → "4", "draft" → "draft.1" */
static char *
next_version (const char *current)
{
  const char *end;
  const char *start;
  guint64 number;
  g_autofree char *head = NULL;

  if (current == NULL || *current == '\0')
    return g_strdup ("1.0");

  end = current + strlen (current);
  start = end;
  while (start > current && g_ascii_isdigit (start[-1]))
    start--;
  if (start == end || end - start > 9)
    return g_strdup_printf ("%s.1", current);

  number = g_ascii_strtoull (start, NULL, 10);
  head = g_strndup (current, start - current);
  return g_strdup_printf ("%s%" G_GUINT64_FORMAT, head, number + 1);
}

typedef struct
{
  CertoWindow  *self;
  AdwEntryRow  *version_row;
  AdwEntryRow  *approver_row;
  CertoDateRow *date_row;
} ApproveDialog;

static void
approve_dialog_free (gpointer  user_data,
                     GClosure *closure)
{
  ApproveDialog *data = user_data;

  g_clear_object (&data->self);
  g_free (data);
}

static void
on_approve_version_changed (GtkEditable      *editable,
                            AdwMessageDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (editable)));

  adw_message_dialog_set_response_enabled (dialog, "approve", *text != '\0');
}

static void
on_approve_response (AdwMessageDialog *dialog,
                     const char       *response,
                     ApproveDialog    *data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *version = NULL;
  g_autofree char *approver = NULL;

  if (!g_str_equal (response, "approve"))
    return;

  version = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (data->version_row))));
  approver = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (data->approver_row))));
  if (certo_window_approve_soa (data->self, version, approver, certo_date_row_get_date (data->date_row), &error) == NULL)
    certo_show_message (GTK_WIDGET (data->self), _("Could Not Approve the Statement of Applicability"), error->message);
}

static void
approve_soa_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  CertoWindow *self = user_data;
  CertoSoaVersion *current;
  g_autofree char *version = NULL;
  g_autofree char *today = certo_iso_date_today ();
  g_autoptr(GString) body = g_string_new (NULL);
  guint n_issues;
  GtkWidget *dialog;
  GtkWidget *list;
  ApproveDialog *data;

  if (self->workspace == NULL)
    return;

  certo_workspace_view_commit (self->workspace_view);
  current = certo_workspace_get_current_soa_version (self->workspace);
  version = next_version (current != NULL ? certo_soa_version_get_version (current) : NULL);
  n_issues = certo_workspace_count_soa_issues (self->workspace,
                                               CERTO_SOA_ISSUE_UNDECIDED | CERTO_SOA_ISSUE_NO_JUSTIFICATION
                                               | CERTO_SOA_ISSUE_NO_REASON);

  g_string_append (body, _("Records who approved this state of the Statement of Applicability and when; exports show the version in their header."));
  if (n_issues > 0)
    {
      g_string_append (body, "\n\n");
      g_string_append_printf (body, g_dngettext (GETTEXT_PACKAGE,
                                                 "%u control’s entry is still incomplete (undecided, or without a justification or reason). You can approve it anyway.",
                                                 "%u controls’ entries are still incomplete (undecided, or without a justification or reason). You can approve it anyway.",
                                                 n_issues),
                              n_issues);
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Approve the Statement of Applicability"), body->str);
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");

  data = g_new0 (ApproveDialog, 1);
  data->self = g_object_ref (self);
  data->version_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (data->version_row), _("Version"));
  gtk_editable_set_text (GTK_EDITABLE (data->version_row), version);
  data->approver_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (data->approver_row), _("Approved By"));
  gtk_editable_set_text (GTK_EDITABLE (data->approver_row), certo_user_name_from_settings (self->settings));
  data->date_row = CERTO_DATE_ROW (certo_date_row_new (_("Approval Date")));
  certo_date_row_set_clearable (data->date_row, FALSE);
  certo_date_row_set_date (data->date_row, today);
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (data->version_row));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (data->approver_row));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (data->date_row));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "approve", _("_Approve"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "approve", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "approve");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (data->version_row, "changed", G_CALLBACK (on_approve_version_changed), dialog);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_approve_response), data, approve_dialog_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
cancel_job_action (GSimpleAction *action,
                   GVariant      *param,
                   gpointer       user_data)
{
  CertoWindow *self = user_data;

  if (self->job_cancellable != NULL)
    g_cancellable_cancel (self->job_cancellable);
}

static const GActionEntry export_actions[] = {
  { "export", export_action, "s" },
  { "show-file", show_file_action, "s" },
  { "import-soa", import_soa_action },
  { "approve-soa", approve_soa_action },
  { "cancel-job", cancel_job_action },
};

/**
 * certo_window_exports_actions_init:
 * @self: the window
 *
 * Adds `win.export`, `win.show-file`, `win.import-soa`,
 * `win.approve-soa` and `win.cancel-job`.
 */
void
certo_window_exports_actions_init (CertoWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), export_actions,
                                   G_N_ELEMENTS (export_actions), self);
}
