/* certo-cli.c — Certo for the terminal: entry point and shared helpers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "certo-cli-private.h"

static const CliCommand commands[] = {
  { "import", N_("PATH"), N_("Import a compliance-offering article or a catalog file"), cli_command_import },
  { "list", "services|families|documents|certificates", N_("List what the catalog holds"), cli_command_list },
  { "show", N_("ID"), N_("Show every field of a document, service or family"), cli_command_show },
  { "search", N_("TEXT"), N_("Search titles, names and certificate numbers in every language"), cli_command_search },
  { "convert", N_("PATH"), N_("Print an article or catalog file as a native catalog feed (JSON)"), cli_command_convert },
  { "framework", "list|show ID|import FILE", N_("List, show or import control frameworks (OSCAL catalogs)"), cli_command_framework },
  { "source", "add URL|list|remove ID|rename ID NAME", N_("Add, list, remove or rename the sources the catalog is kept from"), cli_command_source },
  { "sync", N_("[ID…]"), N_("Refresh sources over HTTP(S) or from their files, and record what changed"), cli_command_sync },
  { "check", N_("[ID…]"), N_("Check whether the documents behind the links changed"), cli_command_check },
  { "download", N_("ID | --family ID | --all"), N_("Save documents for offline reading"), cli_command_download },
  { "attach", N_("ID FILE"), N_("Keep a copy you downloaded yourself as a document’s offline copy"), cli_command_attach },
  { "offline", "list|remove ID", N_("List or delete documents saved for offline reading"), cli_command_offline },
  { "whatsnew", "[--json]", N_("Show what the last syncs changed"), cli_command_whatsnew },
  { "cache", "clear", N_("Remove partial downloads and other leftovers that can be fetched again"), cli_command_cache },
  { "workspace", "new|status|set|migrate|export|import-soa FILE …", N_("Make, inspect, edit, migrate or export a certification workspace (*.certo)"), cli_command_workspace },
};

/**
 * cli_error:
 * @format: printf() format of a one-line, translated message
 *
 * Prints "certo-cli: MESSAGE" on stderr.
 *
 * Returns: %CLI_EXIT_ERROR, to return from a command
 */
int
cli_error (const char *format,
           ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("certo-cli: %s\n", message);
  return CLI_EXIT_ERROR;
}

/**
 * cli_usage_error:
 * @command: (nullable): the command the usage is for
 * @format: printf() format of a one-line, translated message
 *
 * Returns: %CLI_EXIT_USAGE
 */
int
cli_usage_error (const char *command,
                 const char *format,
                 ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("certo-cli: %s\n", message);
  if (command != NULL)
    g_printerr (_("Try “certo-cli %s --help”.\n"), command);
  else
    g_printerr (_("Try “certo-cli --help”.\n"));
  return CLI_EXIT_USAGE;
}

/**
 * cli_warning:
 * @format: printf() format of a one-line, translated message
 *
 * Prints "certo-cli: warning: MESSAGE" on stderr; the command goes on.
 */
void
cli_warning (const char *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  /* Translators: prefix of a warning line on the terminal */
  g_printerr ("certo-cli: %s %s\n", _("warning:"), message);
}

/**
 * cli_parse_options:
 * @command: the command's name
 * @parameter_string: what follows the options in the usage line
 * @entries: the command's options
 * @argc: (inout): arguments after the command name, the name included
 * @argv: (inout): the same
 * @out_status: (out): exit status when this returns %FALSE
 *
 * Parses a command's own options; `--help` prints the usage and succeeds.
 *
 * Returns: %TRUE when the command should run
 */
gboolean
cli_parse_options (const char    *command,
                   const char    *parameter_string,
                   GOptionEntry  *entries,
                   int           *argc,
                   char        ***argv,
                   int           *out_status)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *param = g_strdup_printf ("%s %s", command, parameter_string);

  context = g_option_context_new (param);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *out_status = cli_usage_error (command, "%s", error->message);
      return FALSE;
    }

  return TRUE;
}

/**
 * cli_store_result:
 * @source: the source object
 * @result: the result
 * @user_data: a `GAsyncResult **` to fill
 *
 * A #GAsyncReadyCallback that keeps the result for cli_wait().
 */
void
cli_store_result (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/**
 * cli_wait:
 * @result: (inout): where cli_store_result() puts the result
 *
 * Runs the main context until an async call has finished.
 */
void
cli_wait (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
}

/**
 * cli_load_catalog:
 * @ctx: the command context
 * @error: a #GError
 *
 * Opens the store in the data folder and loads the catalog, importing the
 * embedded catalog on first use.
 *
 * Returns: %TRUE on success
 */
gboolean
cli_load_catalog (CliContext  *ctx,
                  GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *db = NULL;

  if (ctx->catalog != NULL)
    return TRUE;

  db = certo_paths_dup_catalog_db (ctx->data_dir);
  ctx->store = certo_store_new (db);
  ctx->catalog = certo_catalog_new (ctx->store);

  certo_catalog_load_async (ctx->catalog, NULL, cli_store_result, &result);
  cli_wait (&result);

  return certo_catalog_load_finish (ctx->catalog, result, error);
}

/**
 * cli_print_json:
 * @builder: a builder holding a complete value
 *
 * Prints the value, pretty, on stdout.
 */
void
cli_print_json (JsonBuilder *builder)
{
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);
}

static void
print_help (void)
{
  g_print ("%s\n", _("Usage:"));
  g_print ("  certo-cli [--data-dir DIR] %s\n\n", _("COMMAND [ARGS…]"));
  g_print ("%s\n", _("Browse the ISO/IEC 27001 catalog of cloud providers from the terminal."));
  g_print ("\n%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *head = g_strdup_printf ("%s %s", commands[i].name, _(commands[i].args));
      g_print ("  %-52s %s\n", head, _(commands[i].summary));
    }
  g_print ("\n%s\n", _("Options:"));
  g_print ("  %-52s %s\n", "--data-dir DIR", _("Keep the catalog in DIR (default: $CERTO_DATA_DIR, else ~/.local/share/certo)"));
  g_print ("  %-52s %s\n", "--json", _("Print machine-readable JSON (list, show, search)"));
  g_print ("  %-52s %s\n", "-h, --help", _("Show this help"));
  g_print ("  %-52s %s\n", "--version", _("Show the version"));
  g_print ("\n%s\n", _("Exit status: 0 success, 1 error (message on standard error), 2 wrong usage."));
}

static void
cli_context_clear (CliContext *ctx)
{
  if (ctx->store != NULL)
    certo_store_close (ctx->store);
  g_clear_object (&ctx->catalog);
  g_clear_object (&ctx->store);
  g_clear_pointer (&ctx->data_dir, g_free);
}

int
main (int    argc,
      char **argv)
{
  CliContext ctx = { 0 };
  const char *data_dir = NULL;
  int first = 1;
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Global options come before the command, so a command's own
   * arguments (a search for "--json", say) are never taken for them. */
  while (first < argc && argv[first][0] == '-')
    {
      const char *arg = argv[first];

      if (g_str_equal (arg, "--help") || g_str_equal (arg, "-h"))
        {
          print_help ();
          return CLI_EXIT_OK;
        }
      else if (g_str_equal (arg, "--version"))
        {
          g_print ("certo-cli %s\n", PACKAGE_VERSION);
          return CLI_EXIT_OK;
        }
      else if (g_str_equal (arg, "--data-dir"))
        {
          if (first + 1 >= argc)
            return cli_usage_error (NULL, _("--data-dir needs a folder"));
          data_dir = argv[first + 1];
          first += 2;
        }
      else if (g_str_has_prefix (arg, "--data-dir="))
        {
          data_dir = arg + strlen ("--data-dir=");
          first += 1;
        }
      else
        {
          return cli_usage_error (NULL, _("Unknown option “%s”"), arg);
        }
    }

  if (first >= argc)
    return cli_usage_error (NULL, _("No command given"));

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (!g_str_equal (argv[first], commands[i].name))
        continue;

      ctx.data_dir = certo_paths_dup_data_dir (data_dir);
      status = commands[i].func (&ctx, argc - first, argv + first);
      cli_context_clear (&ctx);
      return status;
    }

  return cli_usage_error (NULL, _("Unknown command “%s”"), argv[first]);
}
