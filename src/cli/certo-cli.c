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
  { "list", "services|families|documents|certificates|environments", N_("List what the catalog holds"), cli_command_list },
  { "show", N_("ID"), N_("Show every field of a document (12), service (s7), family (f3) or environment (e2)"), cli_command_show },
  { "search", N_("TEXT"), N_("Search titles, names, certificate numbers and environments in every language"), cli_command_search },
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
  { "workspace", "new|status|set|evidence|history|undo|… FILE", N_("Make, inspect, edit, migrate or export a certification workspace (*.certo)"), cli_command_workspace },
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

  g_printerr ("certo-cli: %s\n", cli_s (message));
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

  g_printerr ("certo-cli: %s\n", cli_s (message));
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
  g_printerr ("certo-cli: %s %s\n", _("warning:"), cli_s (message));
}

/**
 * cli_parse_options:
 * @command: the command's name, with its subcommand ("source add")
 * @parameter_string: what follows the options in the usage line
 * @entries: the command's options
 * @argc: (inout): arguments after the command name, the name included
 * @argv: (inout): the same
 * @out_status: (out): exit status when this returns %FALSE
 *
 * Parses a command's own options; `--help` prints the usage
 * ("certo-cli source add [OPTION…] URL") and exits with status 0.
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
  g_autofree char *program = g_strdup_printf ("certo-cli %s", command);

  /* GOption's usage line is "PRGNAME [OPTION…] PARAMETERS"; one process
   * runs one command, so the command may stand in the program's name */
  g_set_prgname (program);
  context = g_option_context_new (parameter_string);
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
 * cli_s:
 * @text: (nullable): text to print: from a source, the catalog or a file name
 *
 * Makes @text safe for a terminal: control characters, bidirectional
 * overrides and bytes that are not UTF-8 escaped
 * (certo_text_escape_unsafe()). Whatever the catalog holds, printing it
 * cannot move the cursor, change colours or reorder a line.
 *
 * Returns: (transfer none): @text itself when it needs nothing, else an
 *   escaped copy that lives until the program ends; "" for %NULL
 */
const char *
cli_s (const char *text)
{
  static GPtrArray *kept = NULL;
  gboolean safe = TRUE;
  char *escaped;

  if (text == NULL)
    return "";

  for (const char *p = text; *p != '\0' && safe; p++)
    safe = (guchar) *p >= 0x20 && (guchar) *p < 0x7f;
  if (safe)
    return text;

  escaped = certo_text_escape_unsafe (text);
  if (g_str_equal (escaped, text))
    {
      g_free (escaped);
      return text;
    }

  if (kept == NULL)
    kept = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (kept, escaped);
  return escaped;
}

/**
 * cli_pad:
 * @text: (nullable): a column's text
 * @width: the column's width, in terminal columns
 *
 * @text made safe (cli_s()) and padded with spaces to @width columns as
 * a terminal shows them: "—" and "…" take one column though they are
 * three bytes, a wide (CJK) character two (certo_text_display_width()).
 * A longer text is not cut.
 *
 * Returns: (transfer full): the padded text
 */
char *
cli_pad (const char *text,
         guint       width)
{
  const char *safe = cli_s (text);
  guint used = certo_text_display_width (safe);
  GString *out = g_string_new (safe);

  for (; used < width; used++)
    g_string_append_c (out, ' ');

  return g_string_free (out, FALSE);
}

/**
 * cli_ref:
 * @object: a #CertoDocument, #CertoService, #CertoFamily or #CertoEnvironment
 *
 * The id certo-cli prints for @object, which `show` takes back: a
 * document's row id as it is ("12"), the others' with a letter, since
 * each kind counts its ids on its own ("s7", "f3", "e2").
 *
 * Returns: (transfer full): the reference
 */
char *
cli_ref (GObject *object)
{
  if (CERTO_IS_DOCUMENT (object))
    return g_strdup_printf ("%" G_GINT64_FORMAT, certo_document_get_id (CERTO_DOCUMENT (object)));
  if (CERTO_IS_SERVICE (object))
    return g_strdup_printf ("s%" G_GINT64_FORMAT, certo_service_get_id (CERTO_SERVICE (object)));
  if (CERTO_IS_FAMILY (object))
    return g_strdup_printf ("f%" G_GINT64_FORMAT, certo_family_get_id (CERTO_FAMILY (object)));
  if (CERTO_IS_ENVIRONMENT (object))
    return g_strdup_printf ("e%" G_GINT64_FORMAT, certo_environment_get_id (CERTO_ENVIRONMENT (object)));
  g_return_val_if_reached (g_strdup (""));
}

/**
 * cli_source_label:
 * @ctx: the command context, its catalog loaded
 * @source: a source of the catalog
 *
 * The source's name; where another source has the same name, with its
 * location (or "built in") and content date, so the two can be told apart.
 *
 * Returns: (transfer full): the label, not yet made safe for printing
 */
char *
cli_source_label (CliContext  *ctx,
                  CertoSource *source)
{
  GListModel *sources = certo_catalog_get_sources (ctx->catalog);
  const char *name = certo_source_get_name (source);
  const char *date = certo_source_get_content_date (source);
  const char *where;
  gboolean collides = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (sources) && !collides; i++)
    {
      g_autoptr(CertoSource) other = g_list_model_get_item (sources, i);

      collides = other != source && g_strcmp0 (certo_source_get_name (other), name) == 0;
    }
  if (!collides)
    return g_strdup (name);

  if (certo_source_get_kind (source) == CERTO_SOURCE_KIND_BUILTIN)
    {
      if (date != NULL)
        /* Translators: a source's name and the date of its content */
        return g_strdup_printf (_("%s (built in, as of %s)"), name, date);
      /* Translators: a source's name */
      return g_strdup_printf (_("%s (built in)"), name);
    }

  where = certo_source_get_location (source);
  if (date != NULL)
    /* Translators: a source's name, where it is read from, and the date of its content */
    return g_strdup_printf (_("%s (%s, as of %s)"), name, where, date);
  /* Translators: a source's name and where it is read from */
  return g_strdup_printf (_("%s (%s)"), name, where);
}

/**
 * cli_parse_size:
 * @text: a size: bytes, or a number followed by K, M or G (KiB, MiB, GiB;
 *   "KiB", "MB" and the like are taken too)
 * @out_size: (out): the size in bytes
 *
 * Returns: %TRUE when @text is a size from 1 byte to 4 GiB − 1
 */
gboolean
cli_parse_size (const char *text,
                guint      *out_size)
{
  g_autofree char *number = NULL;
  const char *unit = text;
  guint64 value = 0;
  guint64 factor = 1;

  while (g_ascii_isdigit (*unit))
    unit++;
  if (unit == text)
    return FALSE;
  number = g_strndup (text, unit - text);
  if (!g_ascii_string_to_unsigned (number, 10, 1, G_MAXUINT, &value, NULL))
    return FALSE;

  switch (g_ascii_toupper (*unit))
    {
    case '\0':
      break;
    case 'K':
      factor = 1024;
      break;
    case 'M':
      factor = 1024 * 1024;
      break;
    case 'G':
      factor = 1024 * 1024 * 1024;
      break;
    default:
      return FALSE;
    }
  if (*unit != '\0' && unit[1] != '\0' &&
      g_ascii_strcasecmp (unit + 1, "iB") != 0 && g_ascii_strcasecmp (unit + 1, "B") != 0)
    return FALSE;
  if (value > G_MAXUINT / factor)
    return FALSE;

  *out_size = (guint) (value * factor);
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
  /* Not through g_print(): JSON escapes what it must itself, and the
   * print handler's escapes would make it invalid */
  fputs (text, stdout);
  fputs ("\n", stdout);
  fflush (stdout);
}

/* Where the summaries of --help start */
#define HELP_COLUMN 60

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
      g_autofree char *padded = cli_pad (head, HELP_COLUMN);

      g_print ("  %s %s\n", padded, _(commands[i].summary));
    }
  g_print ("\n%s\n", _("Options:"));
  {
    const char *options[][2] = {
      { "--data-dir DIR", N_("Keep the catalog in DIR (default: $CERTO_DATA_DIR, else ~/.local/share/certo)") },
      { "--json", N_("Print machine-readable JSON (list, show, search)") },
      { "-h, --help", N_("Show this help; “certo-cli COMMAND --help” shows a command’s") },
      { "--version", N_("Show the version") },
    };

    for (guint i = 0; i < G_N_ELEMENTS (options); i++)
      {
        g_autofree char *padded = cli_pad (options[i][0], HELP_COLUMN);

        g_print ("  %s %s\n", padded, _(options[i][1]));
      }
  }
  g_print ("\n%s\n", _("Exit status: 0 success, 1 error (message on standard error), 2 wrong usage."));
}

/* Everything g_print() writes (lists, fields, messages, the workspace and
 * framework commands' output) goes through here: a control character or a
 * bidirectional override that reached the catalog, a workspace or a
 * framework in spite of the import's checks is escaped, never sent to the
 * terminal. Line breaks are the output's own. */
static void
print_safe (const char *text)
{
  const char *p = text;

  while (*p != '\0')
    {
      const char *eol = strchr (p, '\n');
      g_autofree char *line = eol != NULL ? g_strndup (p, eol - p) : g_strdup (p);
      g_autofree char *escaped = certo_text_escape_unsafe (line);

      fputs (escaped, stdout);
      if (eol == NULL)
        break;
      fputc ('\n', stdout);
      p = eol + 1;
    }
  fflush (stdout);
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
  g_set_prgname ("certo-cli");
  g_set_print_handler (print_safe);
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
