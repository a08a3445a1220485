/* certo-cli-export.c — workspace export, workspace import-soa
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "certo-cli-private.h"
#include "certo-export.h"
#include "certo-soa-import.h"
#include "certo-workspace.h"

static char *opt_format;
static char *opt_output;
static gboolean opt_force;
static gboolean opt_json;

static GOptionEntry export_entries[] = {
  { "format", 'f', 0, G_OPTION_ARG_STRING, &opt_format,
    N_("What to write: csv, xlsx or pdf (the Statement of Applicability), or report (the status report)"),
    "csv|xlsx|pdf|report" },
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, &opt_output, N_("The file to write (a new file, unless --force)"), N_("OUT") },
  { "force", 0, 0, G_OPTION_ARG_NONE, &opt_force, N_("Replace OUT if it exists"), NULL },
  { NULL }
};

static GOptionEntry import_entries[] = {
  { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json, N_("Print the report as JSON"), NULL },
  { NULL }
};

/* Helpers */

static CertoWorkspace *
open_workspace (CliContext  *ctx,
                const char  *path,
                GError     **error)
{
  return cli_workspace_open (ctx, path, NULL, error);
}

/* Saves what changed (an import) and closes; an export changed nothing */
static gboolean
close_workspace (CertoWorkspace  *workspace,
                 GError         **error)
{
  return cli_workspace_close (workspace, FALSE, error);
}

/* Save As, not Save: OUT must be a new file unless --force says to
 * replace it, and never the workspace itself (a PDF written over it
 * would lose everything) */
static gboolean
check_output (GFile       *workspace_file,
              GFile       *output,
              const char  *output_arg,
              GError     **error)
{
  g_autoptr(GFileInfo) out_info = NULL;
  g_autoptr(GFileInfo) ws_info = NULL;
  const char *id_attributes = G_FILE_ATTRIBUTE_ID_FILE "," G_FILE_ATTRIBUTE_STANDARD_TYPE;

  out_info = g_file_query_info (output, id_attributes, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (out_info == NULL)
    return TRUE;

  ws_info = g_file_query_info (workspace_file, id_attributes, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (g_file_equal (workspace_file, output) ||
      (ws_info != NULL &&
       g_strcmp0 (g_file_info_get_attribute_string (ws_info, G_FILE_ATTRIBUTE_ID_FILE),
                  g_file_info_get_attribute_string (out_info, G_FILE_ATTRIBUTE_ID_FILE)) == 0))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("%s is the workspace itself; write the export to another file"), output_arg);
      return FALSE;
    }

  /* A named pipe or a device is refused by the export itself, with its
   * own message: --force would not make it a file */
  if (g_file_info_get_file_type (out_info) == G_FILE_TYPE_REGULAR && !opt_force)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("%s already exists; choose another name, or add --force to replace it"), output_arg);
      return FALSE;
    }

  return TRUE;
}

static gboolean
guess_format (const char        *output,
              CertoExportFormat *out_format)
{
  g_autofree char *lower = g_ascii_strdown (output, -1);

  if (g_str_has_suffix (lower, ".csv"))
    *out_format = CERTO_EXPORT_SOA_CSV;
  else if (g_str_has_suffix (lower, ".xlsx"))
    *out_format = CERTO_EXPORT_SOA_XLSX;
  else if (g_str_has_suffix (lower, ".pdf"))
    *out_format = CERTO_EXPORT_SOA_PDF;
  else
    return FALSE;
  return TRUE;
}

static void
print_issues (const char *heading,
              GPtrArray  *issues)
{
  if (issues->len == 0)
    return;

  g_print ("%s\n", heading);
  for (guint i = 0; i < issues->len; i++)
    {
      const CertoSoaImportIssue *issue = g_ptr_array_index (issues, i);

      if (issue->column != NULL)
        /* Translators: one cell the SoA import left out: line, column heading, value, reason */
        g_print (_("  line %u, “%s”: “%s” — %s\n"), issue->line, issue->column, issue->value, issue->message);
      else
        /* Translators: one row the SoA import could not match: line, control id, reason */
        g_print (_("  line %u: “%s” — %s\n"), issue->line, issue->value, issue->message);
    }
}

static void
build_issues (JsonBuilder *builder,
              const char  *member,
              GPtrArray   *issues)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; i < issues->len; i++)
    {
      const CertoSoaImportIssue *issue = g_ptr_array_index (issues, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "line");
      json_builder_add_int_value (builder, issue->line);
      if (issue->column != NULL)
        {
          json_builder_set_member_name (builder, "column");
          json_builder_add_string_value (builder, issue->column);
        }
      json_builder_set_member_name (builder, "value");
      json_builder_add_string_value (builder, issue->value);
      json_builder_set_member_name (builder, "message");
      json_builder_add_string_value (builder, issue->message);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
print_report_json (const CertoSoaImportReport *report)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  char separator[2] = { report->separator, '\0' };

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "rows");
  json_builder_add_int_value (builder, report->n_rows);
  json_builder_set_member_name (builder, "applied");
  json_builder_add_int_value (builder, report->n_applied);
  json_builder_set_member_name (builder, "changed");
  json_builder_add_int_value (builder, report->n_changed);
  json_builder_set_member_name (builder, "header_line");
  json_builder_add_int_value (builder, report->header_line);
  json_builder_set_member_name (builder, "separator");
  json_builder_add_string_value (builder, separator);
  build_issues (builder, "unmatched", report->unmatched);
  build_issues (builder, "invalid", report->invalid);
  json_builder_end_object (builder);

  cli_print_json (builder);
}

/* Commands */

/**
 * cli_workspace_export:
 * @ctx: the command context
 * @argc: arguments, the subcommand's name ("export") first
 * @argv: the same
 *
 * `certo-cli workspace export FILE --format csv|xlsx|pdf|report -o OUT`:
 * writes the Statement of Applicability (CSV, XLSX, PDF) or the status
 * report (PDF) of the workspace FILE. The format defaults to OUT's suffix
 * (.csv, .xlsx, .pdf for the SoA). FILE is opened read-only in effect:
 * an export changes nothing in it. OUT is written like Save As: complete
 * or not at all (a temporary file renamed into place); an existing OUT is
 * replaced only with --force, and never when it is FILE itself.
 *
 * Returns: an exit status
 */
int
cli_workspace_export (CliContext  *ctx,
                      int          argc,
                      char       **argv)
{
  g_autoptr(CertoWorkspace) workspace = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) output = NULL;
  g_autofree char *output_path = NULL;
  CertoExportFormat format;
  gboolean ok;
  int status;

  g_clear_pointer (&opt_format, g_free);
  g_clear_pointer (&opt_output, g_free);
  opt_force = FALSE;
  if (!cli_parse_options ("workspace export", _("FILE --format csv|xlsx|pdf|report -o OUT"),
                          export_entries, &argc, &argv, &status))
    return status;

  if (argc != 2)
    return cli_usage_error ("workspace export", _("workspace export takes one workspace file"));
  if (opt_output == NULL)
    return cli_usage_error ("workspace export", _("Say where to write the export with -o OUT"));

  if (opt_format != NULL)
    {
      if (!certo_export_format_from_nick (opt_format, &format))
        return cli_usage_error ("workspace export",
                                _("Unknown format “%s”: use csv, xlsx, pdf or report"), opt_format);
    }
  else if (!guess_format (opt_output, &format))
    {
      return cli_usage_error ("workspace export", _("Give the format with --format csv|xlsx|pdf|report"));
    }

  output = g_file_new_for_commandline_arg (opt_output);
  {
    g_autoptr(GFile) workspace_file = g_file_new_for_commandline_arg (argv[1]);

    if (!check_output (workspace_file, output, opt_output, &error))
      return cli_error ("%s", error->message);
  }

  workspace = open_workspace (ctx, argv[1], &error);
  if (workspace == NULL)
    return cli_error ("%s", error->message);

  certo_export_async (workspace, format, output, NULL, cli_store_result, &result);
  cli_wait (&result);
  ok = certo_export_finish (workspace, result, &error);

  if (!close_workspace (workspace, ok ? &error : NULL) && ok)
    return cli_error ("%s", error->message);
  if (!ok)
    return cli_error ("%s", error->message);

  output_path = g_file_get_parse_name (output);
  /* Translators: %s is the file written */
  g_print (_("Wrote %s"), cli_s (output_path));
  g_print ("\n");
  return CLI_EXIT_OK;
}

/**
 * cli_workspace_import_soa:
 * @ctx: the command context
 * @argc: arguments, the subcommand's name ("import-soa") first
 * @argv: the same
 *
 * `certo-cli workspace import-soa FILE SOA.csv [--json]`: applies a
 * Statement of Applicability in CSV (Certo's export, or a spreadsheet
 * with columns for the control, applicability, status and justification)
 * to the workspace FILE and saves it; prints the rows applied and those
 * left out, with their line numbers. Rows left out are not an error.
 *
 * Returns: an exit status: 1 when the CSV cannot be read at all (nothing
 *   changed)
 */
int
cli_workspace_import_soa (CliContext  *ctx,
                          int          argc,
                          char       **argv)
{
  g_autoptr(CertoWorkspace) workspace = NULL;
  g_autoptr(CertoSoaImportReport) report = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) csv = NULL;
  int status;

  opt_json = FALSE;
  if (!cli_parse_options ("workspace import-soa", _("FILE SOA.csv"), import_entries, &argc, &argv, &status))
    return status;

  if (argc != 3)
    return cli_usage_error ("workspace import-soa", _("workspace import-soa takes a workspace file and a CSV file"));

  workspace = open_workspace (ctx, argv[1], &error);
  if (workspace == NULL)
    return cli_error ("%s", error->message);

  csv = g_file_new_for_commandline_arg (argv[2]);
  certo_soa_import_async (workspace, csv, NULL, cli_store_result, &result);
  cli_wait (&result);
  report = certo_soa_import_finish (workspace, result, &error);
  if (report == NULL)
    {
      g_autofree char *message = g_strdup (error->message);

      close_workspace (workspace, NULL);
      return cli_error ("%s", message);
    }

  if (!close_workspace (workspace, &error))
    return cli_error ("%s", error->message);

  if (opt_json)
    {
      print_report_json (report);
      return CLI_EXIT_OK;
    }

  g_print (g_dngettext (GETTEXT_PACKAGE,
                        "Applied %u of %u row (%u changed something).",
                        "Applied %u of %u rows (%u changed something).",
                        report->n_rows),
           report->n_applied, report->n_rows, report->n_changed);
  g_print ("\n");
  print_issues (_("Not matched to a control:"), report->unmatched);
  print_issues (_("Left out:"), report->invalid);

  return CLI_EXIT_OK;
}
