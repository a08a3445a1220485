/* certo-cli-offline.c — documents saved for offline reading, and the
 * cache, from the terminal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "certo-cli-sources-private.h"

static gboolean opt_json;
static char *opt_family;
static gboolean opt_all;

static GOptionEntry json_entries[] = {
  { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json, N_("Print machine-readable JSON"), NULL },
  { NULL }
};

static GOptionEntry download_entries[] = {
  { "family", 0, 0, G_OPTION_ARG_STRING, &opt_family, N_("Save every document of a family"), N_("ID") },
  { "all", 0, 0, G_OPTION_ARG_NONE, &opt_all, N_("Save every document of the catalog"), NULL },
  { NULL }
};

/* download, attach */

static void
on_job_progress (CertoOfflineJob *job,
                 GParamSpec      *pspec,
                 gpointer         user_data)
{
  CliTools *tools = user_data;
  g_autofree char *got = g_format_size (certo_offline_job_get_received (job));

  if (!tools->progress || certo_offline_job_get_state (job) != CERTO_OFFLINE_JOB_RUNNING)
    return;

  g_printerr ("\r\033[K%s  %s", got, cli_s (certo_offline_job_get_title (job)));
  tools->progress_shown = TRUE;
}

static void
on_queue_changed (GListModel *queue,
                  guint       position,
                  guint       removed,
                  guint       added,
                  gpointer    user_data)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(CertoOfflineJob) job = g_list_model_get_item (queue, i);

      g_signal_connect (job, "notify::received", G_CALLBACK (on_job_progress), user_data);
    }
}

static void
print_saved (CertoOfflineDocument *doc)
{
  g_autofree char *size = g_format_size (certo_offline_document_get_size (doc));

  /* Translators: "Saved TITLE: PATH (1.2 MB, SHA-256 abc…)" */
  g_print (_("Saved %s: %s (%s, SHA-256 %s)\n"), cli_s (certo_offline_document_get_title (doc)),
           cli_s (certo_offline_document_get_path (doc)), size, certo_offline_document_get_sha256 (doc));
}

/**
 * cli_command_download:
 *
 * `certo-cli download ID`, `download --family ID`, `download --all`:
 * saves documents for offline reading.
 */
int
cli_command_download (CliContext  *ctx,
                      int          argc,
                      char       **argv)
{
  g_auto(CliTools) tools = { 0 };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) jobs = NULL;
  g_autoptr(GListStore) wanted = g_list_store_new (CERTO_TYPE_DOCUMENT);
  g_autoptr(GError) error = NULL;
  guint n_failed = 0;
  guint n_before = 0;
  int status;

  g_clear_pointer (&opt_family, g_free);
  opt_all = FALSE;
  if (!cli_parse_options ("download", _("ID | --family ID | --all"), download_entries, &argc, &argv, &status))
    return status;
  if ((argc == 2) + (opt_family != NULL) + opt_all != 1 || argc > 2)
    return cli_usage_error ("download", _("download takes one document id, or --family ID, or --all"));

  if (!cli_tools_init (ctx, &tools, TRUE, &error))
    return cli_error ("%s", error->message);

  if (argc == 2)
    {
      GObject *found = certo_catalog_find_by_key (ctx->catalog, argv[1]);

      if (!CERTO_IS_DOCUMENT (found))
        return cli_error (_("No document has the id “%s”; “certo-cli search TEXT” finds ids"), argv[1]);
      g_list_store_append (wanted, found);
    }
  else
    {
      GListModel *documents = certo_catalog_get_documents (ctx->catalog);
      CertoFamily *family = NULL;

      if (opt_family != NULL)
        {
          GObject *found = certo_catalog_find_by_key (ctx->catalog, opt_family);

          if (!CERTO_IS_FAMILY (found))
            return cli_error (_("No family has the id “%s”; “certo-cli list families” shows the ids"), opt_family);
          family = CERTO_FAMILY (found);
        }

      for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
        {
          g_autoptr(CertoDocument) document = g_list_model_get_item (documents, i);

          if (family == NULL || certo_document_get_family_id (document) == certo_family_get_id (family))
            g_list_store_append (wanted, document);
        }
    }

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (wanted)); i++)
    {
      g_autoptr(CertoDocument) document = g_list_model_get_item (G_LIST_MODEL (wanted), i);
      CertoOfflineDocument *saved = certo_offline_lookup (tools.offline, certo_document_get_id (document));

      if (saved != NULL)
        {
          n_before++;
          if (argc == 2)
            g_print (_("Already saved: %s (%s)\n"), cli_s (certo_offline_document_get_title (saved)),
                     cli_s (certo_offline_document_get_path (saved)));
        }
    }

  g_signal_connect (certo_offline_get_queue (tools.offline), "items-changed",
                    G_CALLBACK (on_queue_changed), &tools);
  certo_offline_save_async (tools.offline, G_LIST_MODEL (wanted), NULL, cli_store_result, &result);
  cli_wait (&result);
  jobs = certo_offline_save_finish (tools.offline, result, &error);
  cli_tools_end_progress (&tools);
  if (jobs == NULL)
    return cli_error ("%s", error->message);

  for (guint i = 0; i < jobs->len; i++)
    {
      CertoOfflineJob *job = g_ptr_array_index (jobs, i);

      if (certo_offline_job_get_state (job) == CERTO_OFFLINE_JOB_DONE)
        {
          print_saved (certo_offline_job_get_document (job));
          continue;
        }

      n_failed++;
      cli_error ("%s: %s", certo_offline_job_get_title (job),
                 certo_offline_job_get_error (job) != NULL ? certo_offline_job_get_error (job)->message
                                                           : _("not saved"));
    }

  if (argc != 2 && n_before > 0)
    g_print (g_dngettext (GETTEXT_PACKAGE, "%u document was saved already\n",
                          "%u documents were saved already\n", n_before),
             n_before);

  return n_failed > 0 ? CLI_EXIT_ERROR : CLI_EXIT_OK;
}

/**
 * cli_command_attach:
 *
 * `certo-cli attach ID FILE`: keeps a copy of a file the user downloaded
 * (from behind a sign-in) as the document's offline copy.
 */
int
cli_command_attach (CliContext  *ctx,
                    int          argc,
                    char       **argv)
{
  g_auto(CliTools) tools = { 0 };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(CertoOfflineDocument) doc = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  GObject *found;
  int status;

  if (!cli_parse_options ("attach", _("ID FILE"), NULL, &argc, &argv, &status))
    return status;
  if (argc != 3)
    return cli_usage_error ("attach", _("attach takes a document id and a file"));

  file = g_file_new_for_commandline_arg (argv[2]);
  if (g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, NULL) != G_FILE_TYPE_REGULAR)
    return cli_error (_("“%s” is not a file that can be read; give the path of the document you downloaded"), argv[2]);

  if (!cli_tools_init (ctx, &tools, TRUE, &error))
    return cli_error ("%s", error->message);

  found = certo_catalog_find_by_key (ctx->catalog, argv[1]);
  if (!CERTO_IS_DOCUMENT (found))
    return cli_error (_("No document has the id “%s”; “certo-cli search TEXT” finds ids"), argv[1]);

  certo_offline_attach_async (tools.offline, CERTO_DOCUMENT (found), file, NULL, cli_store_result, &result);
  cli_wait (&result);
  doc = certo_offline_attach_finish (tools.offline, result, &error);
  if (doc == NULL)
    return cli_error ("%s: %s", argv[2], error->message);

  print_saved (doc);
  return CLI_EXIT_OK;
}

/* offline list, offline remove */

static int
offline_list (CliContext  *ctx,
              int          argc,
              char       **argv)
{
  g_auto(CliTools) tools = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *total = NULL;
  GListModel *docs;
  int status;

  opt_json = FALSE;
  if (!cli_parse_options ("offline list", "", json_entries, &argc, &argv, &status))
    return status;
  if (argc != 1)
    return cli_usage_error ("offline", _("offline list takes no argument"));

  if (!cli_tools_init (ctx, &tools, TRUE, &error))
    return cli_error ("%s", error->message);

  docs = certo_offline_get_documents (tools.offline);
  if (opt_json)
    {
      json_builder_begin_object (builder);
      cli_json_add_string (builder, "folder", certo_offline_get_folder (tools.offline));
      cli_json_add_int (builder, "total_size", certo_offline_get_total_size (tools.offline));
      json_builder_set_member_name (builder, "documents");
      json_builder_begin_array (builder);
    }

  for (guint i = 0; i < g_list_model_get_n_items (docs); i++)
    {
      g_autoptr(CertoOfflineDocument) doc = g_list_model_get_item (docs, i);
      g_autofree char *size = g_format_size (certo_offline_document_get_size (doc));

      if (!opt_json)
        {
          g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, certo_offline_document_get_id (doc));
          g_autofree char *id_column = cli_pad (id, 4);
          /* g_format_size() puts a no-break space, two bytes, one column */
          g_autofree char *size_column = cli_pad (size, 9);

          g_print ("%s  %s  %s  %s\n", id_column, size_column,
                   cli_s (certo_offline_document_get_sha256 (doc)), cli_s (certo_offline_document_get_title (doc)));
          if (certo_offline_document_get_attached (doc))
            /* Translators: %s is a file name */
            g_print (_("      %s (attached)\n"), cli_s (certo_offline_document_get_path (doc)));
          else
            g_print ("      %s\n", cli_s (certo_offline_document_get_path (doc)));
          continue;
        }

      json_builder_begin_object (builder);
      cli_json_add_int (builder, "id", certo_offline_document_get_id (doc));
      if (certo_offline_document_get_document_id (doc) > 0)
        cli_json_add_int (builder, "document_id", certo_offline_document_get_document_id (doc));
      cli_json_add_string (builder, "document_key", certo_offline_document_get_document_key (doc));
      cli_json_add_string (builder, "title", certo_offline_document_get_title (doc));
      cli_json_add_string (builder, "path", certo_offline_document_get_path (doc));
      cli_json_add_string (builder, "file_name", certo_offline_document_get_file_name (doc));
      cli_json_add_int (builder, "size", certo_offline_document_get_size (doc));
      cli_json_add_string (builder, "sha256", certo_offline_document_get_sha256 (doc));
      cli_json_add_string (builder, "content_type", certo_offline_document_get_content_type (doc));
      cli_json_add_string (builder, "source_url", certo_offline_document_get_source_url (doc));
      cli_json_add_string (builder, "origin", certo_offline_document_get_attached (doc) ? "attached" : "downloaded");
      cli_json_add_string (builder, "added", certo_offline_document_get_added (doc));
      json_builder_end_object (builder);
    }

  if (opt_json)
    {
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      cli_print_json (builder);
      return CLI_EXIT_OK;
    }

  total = g_format_size (certo_offline_get_total_size (tools.offline));
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u document saved, %s in %s\n",
                        "%u documents saved, %s in %s\n", g_list_model_get_n_items (docs)),
           g_list_model_get_n_items (docs), total, certo_offline_get_folder (tools.offline));
  return CLI_EXIT_OK;
}

static int
offline_remove (CliContext  *ctx,
                int          argc,
                char       **argv)
{
  g_auto(CliTools) tools = { 0 };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  CertoOfflineDocument *doc;
  guint64 id = 0;
  int status;

  if (!cli_parse_options ("offline remove", _("ID"), NULL, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return cli_usage_error ("offline", _("offline remove takes one id from “certo-cli offline list”"));
  if (!g_ascii_string_to_unsigned (argv[1], 10, 1, G_MAXINT64, &id, NULL))
    return cli_usage_error ("offline", _("“%s” is not an id from “certo-cli offline list”"), argv[1]);

  if (!cli_tools_init (ctx, &tools, TRUE, &error))
    return cli_error ("%s", error->message);

  doc = certo_offline_find (tools.offline, (gint64) id);
  if (doc == NULL)
    return cli_error (_("No saved document has the id “%s”; “certo-cli offline list” shows the ids"), argv[1]);
  path = g_strdup (certo_offline_document_get_path (doc));

  certo_offline_remove_async (tools.offline, doc, NULL, cli_store_result, &result);
  cli_wait (&result);
  if (!certo_offline_remove_finish (tools.offline, result, &error))
    return cli_error ("%s", error->message);

  g_print (_("Deleted %s\n"), cli_s (path));
  return CLI_EXIT_OK;
}

/**
 * cli_command_offline:
 *
 * `certo-cli offline list [--json]`, `offline remove ID`
 */
int
cli_command_offline (CliContext  *ctx,
                     int          argc,
                     char       **argv)
{
  if (argc >= 2 && (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h")))
    {
      g_print ("%s\n", _("Usage:"));
      g_print ("  certo-cli offline list [--json]\n");
      g_print ("  certo-cli offline remove ID\n");
      g_print ("\n%s\n", _("“certo-cli offline COMMAND --help” shows the options of one."));
      return CLI_EXIT_OK;
    }
  if (argc < 2)
    return cli_usage_error ("offline", _("offline needs one of: list, remove"));

  if (g_str_equal (argv[1], "list"))
    return offline_list (ctx, argc - 1, argv + 1);
  if (g_str_equal (argv[1], "remove"))
    return offline_remove (ctx, argc - 1, argv + 1);

  return cli_usage_error ("offline", _("Unknown offline command “%s”: choose list or remove"), argv[1]);
}

/**
 * cli_command_cache:
 *
 * `certo-cli cache clear`: empties the cache folder (partial downloads),
 * never the catalog or saved documents.
 */
int
cli_command_cache (CliContext  *ctx,
                   int          argc,
                   char       **argv)
{
  g_auto(CliTools) tools = { 0 };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *size = NULL;
  guint64 freed = 0;
  int status;

  if (!cli_parse_options ("cache", "clear", NULL, &argc, &argv, &status))
    return status;
  if (argc != 2 || !g_str_equal (argv[1], "clear"))
    return cli_usage_error ("cache", _("cache takes: clear"));

  if (!cli_tools_init (ctx, &tools, TRUE, &error))
    return cli_error ("%s", error->message);

  certo_offline_clear_cache_async (tools.offline, NULL, cli_store_result, &result);
  cli_wait (&result);
  if (!certo_offline_clear_cache_finish (tools.offline, result, &freed, &error))
    return cli_error ("%s", error->message);

  size = g_format_size (freed);
  g_print (_("Freed %s from %s\n"), size, certo_offline_get_cache_folder (tools.offline));
  return CLI_EXIT_OK;
}
