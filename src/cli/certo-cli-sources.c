/* certo-cli-sources.c — sources, sync, document checks, what's new
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <stdio.h>
#include <unistd.h>

#include "certo-cli-sources-private.h"

static gboolean opt_json;
static char *opt_name;
static char *opt_type;
static gboolean opt_accept_removals;

static GOptionEntry json_entries[] = {
  { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json, N_("Print machine-readable JSON"), NULL },
  { NULL }
};

static GOptionEntry sync_entries[] = {
  { "accept-removals", 0, 0, G_OPTION_ARG_NONE, &opt_accept_removals,
    N_("Import even when a source now withdraws more than half of its documents"), NULL },
  { NULL }
};

static GOptionEntry add_entries[] = {
  { "name", 0, 0, G_OPTION_ARG_STRING, &opt_name, N_("The name to show"), N_("NAME") },
  { "type", 0, 0, G_OPTION_ARG_STRING, &opt_type, N_("Read it as a catalog feed or an article (default: detect)"), "catalog|article" },
  { NULL }
};

void
cli_tools_clear (CliTools *tools)
{
  g_clear_object (&tools->offline);
  g_clear_object (&tools->sync);
  g_clear_object (&tools->client);
}

/* Helpers */

/* The local day of a stored timestamp, in the locale's format ("%x"): a
 * change at 23:30 UTC belongs to the next day east of Greenwich */
static char *
format_day (const char *iso8601)
{
  g_autoptr(GDateTime) utc = iso8601 != NULL ? g_date_time_new_from_iso8601 (iso8601, NULL) : NULL;
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL)
    return g_strdup (iso8601);

  local = g_date_time_to_local (utc);
  return g_date_time_format (local, "%x");
}

/* A stored timestamp (ISO 8601, UTC) for people: the local time zone and
 * the locale's date and time, "today at 18:31:52" for today; --json keeps
 * ISO 8601. A value that does not parse is printed as it is. */
static char *
format_timestamp (const char *iso8601)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *time_text = NULL;

  if (iso8601 == NULL)
    return NULL;

  utc = g_date_time_new_from_iso8601 (iso8601, NULL);
  if (utc == NULL)
    return g_strdup (iso8601);

  local = g_date_time_to_local (utc);
  now = g_date_time_new_now_local ();
  if (g_date_time_get_year (local) == g_date_time_get_year (now) &&
      g_date_time_get_day_of_year (local) == g_date_time_get_day_of_year (now))
    {
      time_text = g_date_time_format (local, "%X");
      /* Translators: %s is a time of day in the locale's format */
      return g_strdup_printf (_("today at %s"), time_text);
    }

  /* The locale's date and time ("29/11/2026 18:31:52") */
  return g_date_time_format (local, "%x %X");
}

/* The client, the sync and (with @offline) the saved documents, loaded */
gboolean
cli_tools_init (CliContext  *ctx,
                CliTools    *tools,
                gboolean     offline,
                GError     **error)
{
  if (!cli_load_catalog (ctx, error))
    return FALSE;

  tools->client = certo_client_new ();
  tools->sync = certo_sync_new (ctx->catalog, tools->client);
  tools->progress = isatty (fileno (stderr));

  if (offline)
    {
      g_autoptr(GAsyncResult) result = NULL;
      g_autofree char *cache_dir = certo_paths_dup_cache_dir (NULL);

      tools->offline = certo_offline_new (ctx->catalog, tools->client, ctx->data_dir, cache_dir);
      certo_offline_load_async (tools->offline, NULL, cli_store_result, &result);
      cli_wait (&result);
      if (!certo_offline_load_finish (tools->offline, result, error))
        return FALSE;
    }

  return TRUE;
}

void
cli_json_add_string (JsonBuilder *builder,
                     const char  *member,
                     const char  *value)
{
  if (value == NULL)
    return;

  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, value);
}

void
cli_json_add_int (JsonBuilder *builder,
                  const char  *member,
                  gint64       value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_int_value (builder, value);
}

/* A source by row id, key or address */
static CertoSource *
find_source (CliContext *ctx,
             const char *text)
{
  GListModel *sources = certo_catalog_get_sources (ctx->catalog);
  guint64 id = 0;

  if (g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &id, NULL))
    return certo_catalog_find_source (ctx->catalog, (gint64) id);

  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(CertoSource) source = g_list_model_get_item (sources, i);

      if (g_strcmp0 (certo_source_get_key (source), text) == 0 ||
          g_strcmp0 (certo_source_get_location (source), text) == 0)
        return source;   /* the catalog keeps a reference */
    }

  return NULL;
}

static int
no_source (const char *text)
{
  return cli_error (_("No source has the id “%s”; “certo-cli source list” shows the ids"), text);
}

static const char *
format_label (CertoSourceFormat format)
{
  switch (format)
    {
    case CERTO_SOURCE_FORMAT_CATALOG:
      return _("catalog");
    case CERTO_SOURCE_FORMAT_ARTICLE:
      return _("article");
    case CERTO_SOURCE_FORMAT_AUTO:
    default:
      return _("not read yet");
    }
}

static void
on_sync_progress (CertoSync *sync,
                  gint64     source_id,
                  guint64    received,
                  gint64     total,
                  gpointer   user_data)
{
  CliTools *tools = user_data;
  g_autofree char *got = g_format_size (received);

  if (!tools->progress)
    return;

  if (total > 0)
    {
      g_autofree char *all = g_format_size (total);

      g_printerr ("\r\033[K");
      /* Translators: progress on the terminal: "Source 3: 1.2 MB of 4.0 MB" */
      g_printerr (_("Source %" PRId64 ": %s of %s"), (int64_t) source_id, got, all);
    }
  else
    {
      g_printerr ("\r\033[K");
      /* Translators: progress on the terminal: "Source 3: 1.2 MB" */
      g_printerr (_("Source %" PRId64 ": %s"), (int64_t) source_id, got);
    }
  tools->progress_shown = TRUE;
}

void
cli_tools_end_progress (CliTools *tools)
{
  if (tools->progress_shown)
    g_printerr ("\r\033[K");
  tools->progress_shown = FALSE;
}

/* Refreshes one source and prints what happened; FALSE when it failed */
static gboolean
sync_one (CliTools         *tools,
          CertoSource      *source,
          CertoImportFlags  flags)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(CertoSyncSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup (certo_source_get_name (source));
  g_autofree char *line = NULL;

  certo_sync_refresh_full_async (tools->sync, source, flags, NULL, cli_store_result, &result);
  cli_wait (&result);
  summary = certo_sync_refresh_finish (tools->sync, result, &error);
  cli_tools_end_progress (tools);

  if (g_error_matches (error, CERTO_STORE_ERROR, CERTO_STORE_ERROR_WOULD_WITHDRAW))
    {
      /* Translators: a source's name, an error message, then the source's id */
      cli_error (_("%s: %s (certo-cli sync --accept-removals %" PRId64 ")"),
                 name, error->message, (int64_t) certo_source_get_id (source));
      return FALSE;
    }
  if (summary == NULL)
    {
      cli_error ("%s: %s", name, error->message);
      return FALSE;
    }

  for (guint i = 0; i < summary->warnings->len; i++)
    cli_warning ("%s: %s", name, (const char *) g_ptr_array_index (summary->warnings, i));

  if (summary->source_name != NULL)
    {
      g_free (name);
      name = g_strdup (summary->source_name);
    }

  line = certo_sync_summary_describe (summary);
  if (summary->outcome == CERTO_SYNC_OUTCOME_FIRST_IMPORT)
    /* Translators: "Source name: 120 documents added (first import)" */
    g_print (_("%s: %s (first import)\n"), cli_s (name), cli_s (line));
  else
    g_print ("%s: %s\n", cli_s (name), cli_s (line));
  if (summary->permanent_url != NULL)
    g_print (_("%s: moved permanently; its address is now %s\n"), cli_s (name), cli_s (summary->permanent_url));

  return TRUE;
}

/* source add */

static int
source_add (CliContext  *ctx,
            int          argc,
            char       **argv)
{
  g_auto(CliTools) tools = { 0 };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(CertoSource) source = NULL;
  g_autoptr(GError) error = NULL;
  CertoSourceFormat format = CERTO_SOURCE_FORMAT_AUTO;
  g_autofree char *key = NULL;
  int status;

  g_clear_pointer (&opt_name, g_free);
  g_clear_pointer (&opt_type, g_free);
  if (!cli_parse_options ("source add", "URL", add_entries, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return cli_usage_error ("source", _("source add takes one address or file"));

  if (opt_type != NULL && g_str_equal (opt_type, "catalog"))
    format = CERTO_SOURCE_FORMAT_CATALOG;
  else if (opt_type != NULL && g_str_equal (opt_type, "article"))
    format = CERTO_SOURCE_FORMAT_ARTICLE;
  else if (opt_type != NULL)
    return cli_usage_error ("source", _("--type takes “catalog” or “article”, not “%s”"), opt_type);

  /* A bad address is refused before anything is opened */
  key = certo_sync_normalize_location (argv[1], NULL, NULL, &error);
  if (key == NULL)
    return cli_error ("%s", error->message);

  if (!cli_tools_init (ctx, &tools, FALSE, &error))
    return cli_error ("%s", error->message);
  g_signal_connect (tools.sync, "source-progress", G_CALLBACK (on_sync_progress), &tools);

  certo_sync_add_source_async (tools.sync, argv[1], opt_name, format, NULL, cli_store_result, &result);
  cli_wait (&result);
  source = certo_sync_add_source_finish (tools.sync, result, &error);
  if (source == NULL)
    return cli_error ("%s", error->message);

  g_print (_("Added source %" PRId64 ": %s\n"), (int64_t) certo_source_get_id (source),
           cli_s (certo_source_get_location (source)));

  if (!sync_one (&tools, source, CERTO_IMPORT_FLAGS_NONE))
    {
      cli_warning (_("the source stays in the list; fix the problem, then run “certo-cli sync %" PRId64 "”"),
                   (int64_t) certo_source_get_id (source));
      return CLI_EXIT_ERROR;
    }

  return CLI_EXIT_OK;
}

/* source list */

static void
build_source (JsonBuilder *builder,
              CertoSource *source)
{
  json_builder_begin_object (builder);
  cli_json_add_int (builder, "id", certo_source_get_id (source));
  cli_json_add_string (builder, "key", certo_source_get_key (source));
  cli_json_add_string (builder, "kind", certo_source_kind_to_string (certo_source_get_kind (source)));
  cli_json_add_string (builder, "format", certo_source_format_to_string (certo_source_get_format (source)));
  cli_json_add_string (builder, "requested_format", certo_source_format_to_string (certo_source_get_requested_format (source)));
  cli_json_add_string (builder, "name", certo_source_get_name (source));
  cli_json_add_string (builder, "location", certo_source_get_location (source));
  cli_json_add_string (builder, "publisher", certo_source_get_publisher (source));
  cli_json_add_string (builder, "content_date", certo_source_get_content_date (source));
  cli_json_add_string (builder, "last_refresh", certo_source_get_last_refresh (source));
  cli_json_add_string (builder, "last_checked", certo_source_get_last_checked (source));
  cli_json_add_string (builder, "last_error", certo_source_get_last_error (source));
  cli_json_add_string (builder, "etag", certo_source_get_etag (source));
  cli_json_add_string (builder, "last_modified", certo_source_get_last_modified (source));
  cli_json_add_string (builder, "retry_after", certo_source_get_retry_after (source));
  cli_json_add_int (builder, "documents", certo_source_get_n_documents (source));
  cli_json_add_int (builder, "services", certo_source_get_n_services (source));
  cli_json_add_int (builder, "withdrawn", certo_source_get_n_withdrawn (source));
  cli_json_add_string (builder, "feed_id", certo_source_get_feed_id (source));
  if (certo_source_get_replaced_by (source) > 0)
    cli_json_add_int (builder, "replaced_by", certo_source_get_replaced_by (source));
  json_builder_set_member_name (builder, "removable");
  json_builder_add_boolean_value (builder, certo_source_is_removable (source));
  json_builder_end_object (builder);
}

static int
source_list (CliContext  *ctx,
             int          argc,
             char       **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  GListModel *sources;
  int status;

  opt_json = FALSE;
  if (!cli_parse_options ("source list", "", json_entries, &argc, &argv, &status))
    return status;
  if (argc != 1)
    return cli_usage_error ("source", _("source list takes no argument"));

  if (!cli_load_catalog (ctx, &error))
    return cli_error ("%s", error->message);

  sources = certo_catalog_get_sources (ctx->catalog);
  if (opt_json)
    json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(CertoSource) source = g_list_model_get_item (sources, i);
      const char *checked = certo_source_get_last_checked (source);
      const char *refreshed = certo_source_get_last_refresh (source);

      if (opt_json)
        {
          build_source (builder, source);
          continue;
        }

      {
        g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, certo_source_get_id (source));
        g_autofree char *id_column = cli_pad (id, 4);
        g_autofree char *kind_column = cli_pad (certo_source_kind_to_string (certo_source_get_kind (source)), 7);
        g_autofree char *format_column = cli_pad (format_label (certo_source_get_format (source)), 12);
        g_autofree char *label = cli_source_label (ctx, source);

        g_print ("%s  %s  %s  %s\n", id_column, kind_column, format_column, cli_s (label));
      }
      if (certo_source_get_kind (source) != CERTO_SOURCE_KIND_BUILTIN)
        g_print ("      %s\n", cli_s (certo_source_get_location (source)));
      if (certo_source_get_replaced_by (source) > 0)
        {
          CertoSource *by = certo_catalog_find_source (ctx->catalog, certo_source_get_replaced_by (source));
          g_autofree char *by_label = by != NULL ? cli_source_label (ctx, by) : NULL;

          /* Translators: "replaced by source 4, “Name (path, as of date)”" */
          g_print (_("      replaced by source %" PRId64 ", “%s”; its documents are hidden until you remove that one\n"),
                   (int64_t) certo_source_get_replaced_by (source), cli_s (by_label));
        }
      /* One sentence a line, each with its own number: a translation
       * never joins pieces */
      g_print (g_dngettext (GETTEXT_PACKAGE, "      %u document\n", "      %u documents\n",
                            certo_source_get_n_documents (source)),
               certo_source_get_n_documents (source));
      if (certo_source_get_n_withdrawn (source) > 0)
        g_print (g_dngettext (GETTEXT_PACKAGE,
                              "      %u of them is withdrawn from the source and kept offline\n",
                              "      %u of them are withdrawn from the source and kept offline\n",
                              certo_source_get_n_withdrawn (source)),
                 certo_source_get_n_withdrawn (source));
      if (checked != NULL && g_strcmp0 (checked, refreshed) == 0)
        checked = NULL;
      {
        g_autofree char *refreshed_text = format_timestamp (refreshed);
        g_autofree char *checked_text = format_timestamp (checked);

        if (refreshed_text != NULL && checked_text != NULL)
          g_print (_("      Refreshed %s, checked %s\n"), refreshed_text, checked_text);
        else if (refreshed_text != NULL)
          g_print (_("      Refreshed %s\n"), refreshed_text);
        else if (checked_text != NULL)
          g_print (_("      Checked %s\n"), checked_text);
      }
      if (certo_source_get_last_error (source) != NULL)
        g_print (_("      Last error: %s\n"), cli_s (certo_source_get_last_error (source)));
    }

  if (opt_json)
    {
      json_builder_end_array (builder);
      cli_print_json (builder);
    }

  return CLI_EXIT_OK;
}

/* source remove, source rename */

static int
source_remove (CliContext  *ctx,
               int          argc,
               char       **argv)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  CertoSource *source;
  int status;

  if (!cli_parse_options ("source remove", _("ID"), NULL, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return cli_usage_error ("source", _("source remove takes one source id"));

  if (!cli_load_catalog (ctx, &error))
    return cli_error ("%s", error->message);

  source = find_source (ctx, argv[1]);
  if (source == NULL)
    return no_source (argv[1]);
  name = g_strdup (certo_source_get_name (source));

  certo_catalog_remove_source_async (ctx->catalog, source, NULL, cli_store_result, &result);
  cli_wait (&result);
  if (!certo_catalog_remove_source_finish (ctx->catalog, result, &error))
    return cli_error ("%s", error->message);

  g_print (_("Removed source “%s” and its documents (copies saved offline stay until you remove them)\n"), cli_s (name));
  return CLI_EXIT_OK;
}

static int
source_rename (CliContext  *ctx,
               int          argc,
               char       **argv)
{
  g_auto(CliTools) tools = { 0 };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  CertoSource *source;
  int status;

  if (!cli_parse_options ("source rename", _("ID NAME"), NULL, &argc, &argv, &status))
    return status;
  if (argc != 3)
    return cli_usage_error ("source", _("source rename takes a source id and a name"));

  if (!cli_tools_init (ctx, &tools, FALSE, &error))
    return cli_error ("%s", error->message);

  source = find_source (ctx, argv[1]);
  if (source == NULL)
    return no_source (argv[1]);

  certo_sync_rename_source_async (tools.sync, source, argv[2], NULL, cli_store_result, &result);
  cli_wait (&result);
  if (!certo_sync_rename_source_finish (tools.sync, result, &error))
    return cli_error ("%s", error->message);

  return CLI_EXIT_OK;
}

/**
 * cli_command_source:
 *
 * `certo-cli source add URL [--name N] [--type catalog|article]`,
 * `source list [--json]`, `source remove ID`, `source rename ID NAME`
 */
int
cli_command_source (CliContext  *ctx,
                    int          argc,
                    char       **argv)
{
  if (argc >= 2 && (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h")))
    {
      g_print ("%s\n", _("Usage:"));
      g_print ("  certo-cli source add [--name NAME] [--type catalog|article] URL\n");
      g_print ("  certo-cli source list [--json]\n");
      g_print ("  certo-cli source remove ID\n");
      g_print ("  certo-cli source rename ID NAME\n");
      g_print ("\n%s\n", _("“certo-cli source COMMAND --help” shows the options of one."));
      return CLI_EXIT_OK;
    }
  if (argc < 2)
    return cli_usage_error ("source", _("source needs one of: add, list, remove, rename"));

  if (g_str_equal (argv[1], "add"))
    return source_add (ctx, argc - 1, argv + 1);
  if (g_str_equal (argv[1], "list"))
    return source_list (ctx, argc - 1, argv + 1);
  if (g_str_equal (argv[1], "remove"))
    return source_remove (ctx, argc - 1, argv + 1);
  if (g_str_equal (argv[1], "rename"))
    return source_rename (ctx, argc - 1, argv + 1);

  return cli_usage_error ("source", _("Unknown source command “%s”: choose add, list, remove or rename"), argv[1]);
}

/* The sources named on the command line, or every one that syncs */
static GPtrArray *
pick_sources (CliContext  *ctx,
              int          argc,
              char       **argv,
              int         *out_status)
{
  g_autoptr(GPtrArray) picked = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *sources = certo_catalog_get_sources (ctx->catalog);

  if (argc < 2)
    {
      for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
        {
          g_autoptr(CertoSource) source = g_list_model_get_item (sources, i);

          if (certo_source_can_sync (source))
            g_ptr_array_add (picked, g_steal_pointer (&source));
        }
      return g_steal_pointer (&picked);
    }

  for (int i = 1; i < argc; i++)
    {
      CertoSource *source = find_source (ctx, argv[i]);

      if (source == NULL)
        {
          *out_status = no_source (argv[i]);
          return NULL;
        }
      if (!certo_source_can_sync (source))
        {
          *out_status = cli_error (_("“%s” is built into Certo and is updated with Certo itself"),
                                   certo_source_get_name (source));
          return NULL;
        }
      g_ptr_array_add (picked, g_object_ref (source));
    }

  return g_steal_pointer (&picked);
}

/**
 * cli_command_sync:
 *
 * `certo-cli sync [ID…] [--accept-removals]`: refreshes the sources
 * given, or every URL and file source; a source whose new content would
 * withdraw more than half of its documents is left as it was unless
 * --accept-removals. Progress on stderr when it is a terminal, one line per
 * source on stdout; exit status 1 when any failed.
 */
int
cli_command_sync (CliContext  *ctx,
                  int          argc,
                  char       **argv)
{
  g_auto(CliTools) tools = { 0 };
  g_autoptr(GPtrArray) sources = NULL;
  g_autoptr(GError) error = NULL;
  int status = CLI_EXIT_OK;

  opt_accept_removals = FALSE;
  if (!cli_parse_options ("sync", _("[ID…]"), sync_entries, &argc, &argv, &status))
    return status;

  if (!cli_tools_init (ctx, &tools, FALSE, &error))
    return cli_error ("%s", error->message);
  g_signal_connect (tools.sync, "source-progress", G_CALLBACK (on_sync_progress), &tools);

  sources = pick_sources (ctx, argc, argv, &status);
  if (sources == NULL)
    return status;
  if (sources->len == 0)
    {
      g_print ("%s\n", _("No source to sync; add one with “certo-cli source add URL”"));
      return CLI_EXIT_OK;
    }

  /* One at a time, in order: the output reads like a log */
  for (guint i = 0; i < sources->len; i++)
    {
      /* The catalog reloaded after each sync: look the source up again */
      gint64 id = certo_source_get_id (g_ptr_array_index (sources, i));
      CertoSource *source = certo_catalog_find_source (ctx->catalog, id);

      if (source != NULL &&
          !sync_one (&tools, source, opt_accept_removals ? CERTO_IMPORT_ACCEPT_REMOVALS : CERTO_IMPORT_FLAGS_NONE))
        status = CLI_EXIT_ERROR;
    }

  return status;
}

/**
 * cli_command_check:
 *
 * `certo-cli check [ID…]`: probes the link of every document of the
 * sources given (or of every source).
 */
int
cli_command_check (CliContext  *ctx,
                   int          argc,
                   char       **argv)
{
  g_auto(CliTools) tools = { 0 };
  g_autoptr(GPtrArray) sources = NULL;
  g_autoptr(GError) error = NULL;
  int status = CLI_EXIT_OK;

  if (!cli_parse_options ("check", _("[ID…]"), NULL, &argc, &argv, &status))
    return status;

  if (!cli_tools_init (ctx, &tools, FALSE, &error))
    return cli_error ("%s", error->message);

  sources = pick_sources (ctx, argc, argv, &status);
  if (sources == NULL)
    return status;
  if (argc < 2)
    {
      /* Every source has documents to check, built-in ones too */
      GListModel *all = certo_catalog_get_sources (ctx->catalog);

      g_ptr_array_set_size (sources, 0);
      for (guint i = 0; i < g_list_model_get_n_items (all); i++)
        g_ptr_array_add (sources, g_list_model_get_item (all, i));
    }

  for (guint i = 0; i < sources->len; i++)
    {
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(CertoSyncSummary) summary = NULL;
      g_autoptr(GError) check_error = NULL;
      gint64 id = certo_source_get_id (g_ptr_array_index (sources, i));
      CertoSource *source = certo_catalog_find_source (ctx->catalog, id);
      g_autofree char *name = NULL;

      if (source == NULL)
        continue;
      name = g_strdup (certo_source_get_name (source));

      certo_sync_check_documents_async (tools.sync, source, NULL, cli_store_result, &result);
      cli_wait (&result);
      summary = certo_sync_check_documents_finish (tools.sync, result, &check_error);
      if (summary == NULL)
        {
          cli_error ("%s: %s", name, check_error->message);
          status = CLI_EXIT_ERROR;
          continue;
        }

      g_print ("%s: ", cli_s (name));
      g_print (g_dngettext (GETTEXT_PACKAGE, "%u document checked", "%u documents checked",
                            summary->n_checked),
               summary->n_checked);
      if (summary->n_check_failed > 0)
        {
          g_print (", ");
          g_print (g_dngettext (GETTEXT_PACKAGE, "%u could not be reached", "%u could not be reached",
                                summary->n_check_failed),
                   summary->n_check_failed);
        }
      if (summary->n_updated > 0)
        {
          g_print (", ");
          g_print (g_dngettext (GETTEXT_PACKAGE, "%u changed behind its link", "%u changed behind their links",
                                summary->n_updated),
                   summary->n_updated);
        }
      g_print ("\n");
    }

  return status;
}

/* whatsnew */

static void
build_change (JsonBuilder *builder,
              CertoChange *change)
{
  const CertoFieldChange *fields;
  guint n_fields = 0;

  fields = certo_change_get_fields (change, &n_fields);
  json_builder_begin_object (builder);
  cli_json_add_int (builder, "id", certo_change_get_id (change));
  cli_json_add_string (builder, "kind", certo_change_kind_to_string (certo_change_get_kind (change)));
  cli_json_add_string (builder, "date", certo_change_get_date (change));
  cli_json_add_int (builder, "source_id", certo_change_get_source_id (change));
  cli_json_add_string (builder, "source", certo_change_get_source_name (change));
  cli_json_add_string (builder, "key", certo_change_get_key (change));
  cli_json_add_string (builder, "title", certo_change_get_title (change));
  if (certo_change_get_document_id (change) > 0)
    cli_json_add_int (builder, "document_id", certo_change_get_document_id (change));
  if (certo_change_get_service_id (change) > 0)
    cli_json_add_int (builder, "service_id", certo_change_get_service_id (change));
  if (certo_change_get_kind (change) == CERTO_CHANGE_FIRST_IMPORT)
    cli_json_add_int (builder, "count", certo_change_get_count (change));
  json_builder_set_member_name (builder, "fields");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n_fields; i++)
    {
      json_builder_begin_object (builder);
      cli_json_add_string (builder, "field", fields[i].field);
      json_builder_set_member_name (builder, "old");
      if (fields[i].old_value != NULL)
        json_builder_add_string_value (builder, fields[i].old_value);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "new");
      if (fields[i].new_value != NULL)
        json_builder_add_string_value (builder, fields[i].new_value);
      else
        json_builder_add_null_value (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

/**
 * cli_command_whatsnew:
 *
 * `certo-cli whatsnew [--json]`: what the syncs and checks of the last 90
 * days changed, newest first.
 */
int
cli_command_whatsnew (CliContext  *ctx,
                      int          argc,
                      char       **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  GListModel *changes;
  int status;

  opt_json = FALSE;
  if (!cli_parse_options ("whatsnew", "", json_entries, &argc, &argv, &status))
    return status;
  if (argc != 1)
    return cli_usage_error ("whatsnew", _("whatsnew takes no argument"));

  if (!cli_load_catalog (ctx, &error))
    return cli_error ("%s", error->message);

  changes = certo_catalog_get_changes (ctx->catalog);
  if (opt_json)
    json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (changes); i++)
    {
      g_autoptr(CertoChange) change = g_list_model_get_item (changes, i);
      g_autofree char *description = NULL;
      g_autofree char *date = format_day (certo_change_get_date (change));

      if (opt_json)
        {
          build_change (builder, change);
          continue;
        }

      description = certo_change_describe (change);
      if (certo_change_get_kind (change) == CERTO_CHANGE_FIRST_IMPORT)
        {
          g_print ("%s  %s — %s\n", cli_s (date), cli_s (certo_change_get_title (change)), cli_s (description));
        }
      else
        {
          /* Where two sources have one name, which one */
          CertoSource *source = certo_catalog_find_source (ctx->catalog, certo_change_get_source_id (change));
          g_autofree char *label = source != NULL ? cli_source_label (ctx, source)
                                                  : g_strdup (certo_change_get_source_name (change));

          g_print ("%s  %s — %s: %s\n", cli_s (date), cli_s (label),
                   cli_s (certo_change_get_title (change)), cli_s (description));
        }
    }

  if (opt_json)
    {
      json_builder_end_array (builder);
      cli_print_json (builder);
    }
  else if (g_list_model_get_n_items (changes) == 0)
    {
      g_print ("%s\n", _("Nothing new in the last 90 days"));
    }

  return CLI_EXIT_OK;
}
