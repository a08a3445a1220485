/* certo-cli-catalog.c — import, list, convert; the output the catalog
 * commands share (show and search: certo-cli-show.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every id printed here is one `show` takes back: documents by their row
 * id ("12"), services, families and environments, whose row ids overlap
 * those of documents, with a letter ("s7", "f3", "e2"; see cli_ref()).
 * Text from the catalog goes through cli_s() or cli_pad() before it
 * reaches the terminal.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <stdio.h>

#include "certo-cli-catalog-private.h"

static gboolean opt_json;
static gboolean opt_accept_removals;
static char *opt_max_size;

static GOptionEntry json_entries[] = {
  { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json, N_("Print machine-readable JSON"), NULL },
  { NULL }
};

static GOptionEntry import_entries[] = {
  { "accept-removals", 0, 0, G_OPTION_ARG_NONE, &opt_accept_removals,
    N_("Import even when the file withdraws more than half of the source’s documents"), NULL },
  { "max-size", 0, 0, G_OPTION_ARG_STRING, &opt_max_size,
    N_("Read files up to SIZE (bytes, or with K, M or G; default 64M, the application’s default)"), N_("SIZE") },
  { NULL }
};

static GOptionEntry convert_entries[] = {
  { "max-size", 0, 0, G_OPTION_ARG_STRING, &opt_max_size,
    N_("Read files up to SIZE (bytes, or with K, M or G; default 64M, the application’s default)"), N_("SIZE") },
  { NULL }
};

/* Helpers */

/* --max-size, or the default of the "max-source-size" setting */
static gboolean
max_size_option (const char *command,
                 guint      *out_size,
                 int        *out_status)
{
  *out_size = (guint) CERTO_PARSE_DEFAULT_MAX_SIZE;
  if (opt_max_size == NULL)
    return TRUE;
  if (cli_parse_size (opt_max_size, out_size) && *out_size >= 1024 * 1024 && *out_size <= 1024 * 1024 * 1024)
    return TRUE;

  *out_status = cli_usage_error (command, _("--max-size takes a size from 1M to 1G, such as 64M, not “%s”"),
                                 opt_max_size);
  return FALSE;
}

/* A file's error, with what certo-cli offers besides the application's
 * advice */
static int
file_error (const GError *error,
            const char   *command,
            const char   *path)
{
  if (g_error_matches (error, CERTO_PARSE_ERROR, CERTO_PARSE_ERROR_TOO_LARGE))
    /* Translators: the first %s is an error message, the second a command name ("import") */
    return cli_error (_("%s (certo-cli %s --max-size SIZE reads larger files)"), error->message, command);
  if (g_error_matches (error, CERTO_STORE_ERROR, CERTO_STORE_ERROR_WOULD_WITHDRAW))
    /* Translators: the first %s is an error message, the second a file name */
    return cli_error (_("%s (certo-cli import --accept-removals %s)"), error->message, path);
  return cli_error ("%s", error->message);
}

/* Reads and parses a file the way the catalog would, without the store:
 * a bad file must fail before anything is opened or created. */
static CertoCatalogUpdate *
parse_file (const char  *path,
            guint        max_size,
            GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = certo_parse_dup_display_name (file);

  bytes = certo_parse_load_file (file, max_size, NULL, error);
  if (bytes == NULL)
    return NULL;

  return certo_parse_source (bytes, name, NULL, error);
}

static void
add_localized (JsonBuilder    *builder,
               const char     *member,
               CertoLocalized *text)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_object (builder);
  for (guint i = 0; text != NULL && i < certo_localized_get_n_values (text); i++)
    {
      const char *lang = NULL;
      const char *value = certo_localized_get_nth (text, i, &lang);

      json_builder_set_member_name (builder, *lang ? lang : "und");
      json_builder_add_string_value (builder, value);
    }
  json_builder_end_object (builder);
}

static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  if (value == NULL || *value == '\0')
    return;

  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, value);
}

static void
add_strv (JsonBuilder        *builder,
          const char         *member,
          const char * const *values)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    json_builder_add_string_value (builder, values[i]);
  json_builder_end_array (builder);
}

/* "id" (the row id, an integer, as before) and "ref" (what `show` takes) */
static void
add_ids (JsonBuilder *builder,
         GObject     *object,
         gint64       id)
{
  g_autofree char *ref = cli_ref (object);

  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, id);
  add_string (builder, "ref", ref);
}

void
cli_catalog_build_service (JsonBuilder  *builder,
                           CertoService *service)
{
  json_builder_begin_object (builder);
  add_ids (builder, G_OBJECT (service), certo_service_get_id (service));
  add_string (builder, "key", certo_service_get_key (service));
  add_string (builder, "name", certo_service_get_name (service));
  add_localized (builder, "names", certo_service_get_name_localized (service));
  add_string (builder, "url", certo_service_get_url (service));
  add_string (builder, "families", certo_service_get_families_label (service));
  json_builder_set_member_name (builder, "documents");
  json_builder_add_int_value (builder, certo_service_get_n_documents (service));
  json_builder_end_object (builder);
}

void
cli_catalog_build_family (JsonBuilder *builder,
                          CertoFamily *family)
{
  json_builder_begin_object (builder);
  add_ids (builder, G_OBJECT (family), certo_family_get_id (family));
  add_string (builder, "key", certo_family_get_key (family));
  add_string (builder, "name", certo_family_get_name (family));
  add_localized (builder, "names", certo_family_get_name_localized (family));
  add_string (builder, "publisher", certo_family_get_publisher (family));
  json_builder_set_member_name (builder, "documents");
  json_builder_add_int_value (builder, certo_family_get_n_documents (family));
  json_builder_end_object (builder);
}

/* @names: (nullable): only these of its services (a search's matches) */
void
cli_catalog_build_environment (JsonBuilder        *builder,
                               CertoEnvironment   *environment,
                               const char * const *names)
{
  json_builder_begin_object (builder);
  add_ids (builder, G_OBJECT (environment), certo_environment_get_id (environment));
  add_string (builder, "key", certo_environment_get_key (environment));
  add_string (builder, "name", certo_environment_get_name (environment));
  add_localized (builder, "names", certo_environment_get_name_localized (environment));
  add_string (builder, "family", certo_environment_get_family_name (environment));
  add_strv (builder, "services", names != NULL ? names : certo_environment_get_service_names (environment));
  json_builder_end_object (builder);
}

void
cli_catalog_build_document (JsonBuilder   *builder,
                            CliContext    *ctx,
                            CertoDocument *document,
                            gboolean       full)
{
  json_builder_begin_object (builder);
  add_ids (builder, G_OBJECT (document), certo_document_get_id (document));
  add_string (builder, "key", certo_document_get_key (document));
  add_string (builder, "kind", certo_document_kind_to_string (certo_document_get_kind (document)));
  add_string (builder, "title", certo_document_get_title (document));
  add_localized (builder, "titles", certo_document_get_title_localized (document));
  add_string (builder, "family", certo_document_get_family_name (document));
  add_string (builder, "standards", certo_document_get_standards_label (document));
  add_string (builder, "certificate_number", certo_document_get_certificate_number (document));
  add_string (builder, "issuer", certo_document_get_issuer (document));
  add_string (builder, "issued", certo_document_get_issued (document));
  add_string (builder, "expires", certo_document_get_expires (document));
  add_string (builder, "url", certo_document_get_url (document));

  if (full)
    {
      g_autoptr(GListModel) services = certo_catalog_list_services_for_document (ctx->catalog, document);
      g_autofree char *verify = certo_document_dup_verify_url (document);
      CertoSource *source = certo_catalog_find_source (ctx->catalog, certo_document_get_source_id (document));

      add_strv (builder, "urls", certo_document_get_urls (document));
      add_string (builder, "language", certo_document_get_language (document));
      add_string (builder, "verify_url", verify);
      json_builder_set_member_name (builder, "services");
      json_builder_begin_array (builder);
      for (guint i = 0; i < g_list_model_get_n_items (services); i++)
        {
          g_autoptr(CertoService) service = g_list_model_get_item (services, i);
          cli_catalog_build_service (builder, service);
        }
      json_builder_end_array (builder);
      add_strv (builder, "other_services", certo_document_get_service_names (document));
      if (source != NULL)
        {
          add_string (builder, "source", certo_source_get_name (source));
          add_string (builder, "source_location", certo_source_get_location (source));
          add_string (builder, "content_date", certo_source_get_content_date (source));
        }
    }

  json_builder_end_object (builder);
}

void
cli_catalog_build_documents (JsonBuilder *builder,
                             CliContext  *ctx,
                             GListModel  *documents,
                             gboolean     certificates)
{
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
    {
      g_autoptr(CertoDocument) document = g_list_model_get_item (documents, i);

      if (!certificates || certo_document_get_kind (document) == CERTO_DOCUMENT_KIND_CERTIFICATE)
        cli_catalog_build_document (builder, ctx, document, FALSE);
    }
  json_builder_end_array (builder);
}

void
cli_catalog_build_services (JsonBuilder *builder,
                            GListModel  *services)
{
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (services); i++)
    {
      g_autoptr(CertoService) service = g_list_model_get_item (services, i);
      cli_catalog_build_service (builder, service);
    }
  json_builder_end_array (builder);
}

/* The first column of a list: the reference, padded */
static void
print_ref (GObject *object)
{
  g_autofree char *ref = cli_ref (object);
  g_autofree char *padded = cli_pad (ref, ID_WIDTH);

  g_print ("%s  ", padded);
}

void
cli_catalog_print_documents (GListModel *documents,
                             gboolean    certificates)
{
  for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
    {
      g_autoptr(CertoDocument) document = g_list_model_get_item (documents, i);
      const char *number = certo_document_get_certificate_number (document);
      const char *issuer = certo_document_get_issuer (document);

      if (certificates && certo_document_get_kind (document) != CERTO_DOCUMENT_KIND_CERTIFICATE)
        continue;

      print_ref (G_OBJECT (document));
      if (certificates)
        {
          g_autofree char *number_column = cli_pad (number ? number : "—", NUMBER_WIDTH);
          g_autofree char *issuer_column = cli_pad (issuer ? issuer : "—", ISSUER_WIDTH);

          g_print ("%s  %s  %s\n", number_column, issuer_column, cli_s (certo_document_get_title (document)));
        }
      else
        {
          g_autofree char *kind_column = cli_pad (certo_document_get_kind_label (document), KIND_WIDTH);

          g_print ("%s  %s%s%s\n", kind_column, cli_s (certo_document_get_title (document)),
                   number ? "  · " : "", cli_s (number));
        }
    }
}

void
cli_catalog_print_services (GListModel *services)
{
  for (guint i = 0; i < g_list_model_get_n_items (services); i++)
    {
      g_autoptr(CertoService) service = g_list_model_get_item (services, i);

      print_ref (G_OBJECT (service));
      g_print ("%s\n", cli_s (certo_service_get_name (service)));
    }
}

/* "Office 365 — GCC High" */
static char *
environment_title (CertoEnvironment *environment)
{
  const char *family = certo_environment_get_family_name (environment);

  if (family == NULL)
    return g_strdup (certo_environment_get_name (environment));
  /* Translators: a product family and one of its environments ("Office 365 — GCC High") */
  return g_strdup_printf (_("%s — %s"), family, certo_environment_get_name (environment));
}

void
cli_catalog_print_environment_line (CertoEnvironment *environment)
{
  g_autofree char *title = environment_title (environment);
  guint n = g_strv_length ((char **) certo_environment_get_service_names (environment));

  print_ref (G_OBJECT (environment));
  g_print ("%s  (", cli_s (title));
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u in-scope service", "%u in-scope services", n), n);
  g_print (")\n");
}

void
cli_catalog_print_field (const char *label,
                         const char *value)
{
  g_autofree char *padded = NULL;

  if (value == NULL || *value == '\0')
    return;

  padded = cli_pad (label, 22);
  g_print ("%s %s\n", padded, cli_s (value));
}

/**
 * cli_command_import:
 *
 * `certo-cli import PATH [--accept-removals] [--max-size SIZE]`: imports
 * an article or catalog file. Bad entries are reported as warnings and
 * skipped; a bad file changes nothing, and so does one that would
 * withdraw most of a source's documents unless --accept-removals.
 */
int
cli_command_import (CliContext  *ctx,
                    int          argc,
                    char       **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CertoCatalogUpdate) update = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(CertoImportResult) imported = NULL;
  g_autoptr(GFile) file = NULL;
  GListModel *sources;
  guint max_size = 0;
  int status;

  opt_accept_removals = FALSE;
  g_clear_pointer (&opt_max_size, g_free);
  if (!cli_parse_options ("import", _("PATH"), import_entries, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return cli_usage_error ("import", _("import takes one file"));
  if (!max_size_option ("import", &max_size, &status))
    return status;

  update = parse_file (argv[1], max_size, &error);
  if (update == NULL)
    return file_error (error, "import", argv[1]);

  if (!cli_load_catalog (ctx, &error))
    return cli_error ("%s", error->message);

  certo_catalog_set_max_source_size (ctx->catalog, max_size);
  file = g_file_new_for_commandline_arg (argv[1]);
  certo_catalog_import_file_full_async (ctx->catalog, file,
                                        opt_accept_removals ? CERTO_IMPORT_ACCEPT_REMOVALS : CERTO_IMPORT_FLAGS_NONE,
                                        NULL, cli_store_result, &result);
  cli_wait (&result);
  imported = certo_catalog_import_file_finish (ctx->catalog, result, &error);
  if (imported == NULL)
    return file_error (error, "import", argv[1]);

  for (guint i = 0; i < imported->warnings->len; i++)
    cli_warning ("%s", (const char *) g_ptr_array_index (imported->warnings, i));

  /* A sentence per number: each has its own plural forms */
  g_print (g_dngettext (GETTEXT_PACKAGE,
                        "Imported %u document.\n",
                        "Imported %u documents.\n",
                        imported->n_documents),
           imported->n_documents);
  g_print (g_dngettext (GETTEXT_PACKAGE,
                        "Imported %u in-scope service.\n",
                        "Imported %u in-scope services.\n",
                        imported->n_services),
           imported->n_services);
  if (imported->warnings->len > 0)
    g_print (g_dngettext (GETTEXT_PACKAGE,
                          "Skipped or trimmed %u entry (see the warnings above).\n",
                          "Skipped or trimmed %u entries (see the warnings above).\n",
                          imported->warnings->len),
             imported->warnings->len);

  /* Where it went, when that is not a new source of its own */
  sources = certo_catalog_get_sources (ctx->catalog);
  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(CertoSource) source = g_list_model_get_item (sources, i);

      if (certo_source_get_replaced_by (source) == imported->source_id)
        g_print (_("It replaces the built-in “%s”; removing source %" PRId64 " brings that back.\n"),
                 cli_s (certo_source_get_name (source)), (int64_t) imported->source_id);
    }

  return CLI_EXIT_OK;
}

static int
list_families (CliContext  *ctx,
               JsonBuilder *builder)
{
  GListModel *families = certo_catalog_get_families (ctx->catalog);

  if (opt_json)
    json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (families); i++)
    {
      g_autoptr(CertoFamily) family = g_list_model_get_item (families, i);

      if (opt_json)
        {
          cli_catalog_build_family (builder, family);
          continue;
        }

      print_ref (G_OBJECT (family));
      g_print ("%s  (", cli_s (certo_family_get_name (family)));
      g_print (g_dngettext (GETTEXT_PACKAGE, "%u document", "%u documents",
                            certo_family_get_n_documents (family)),
               certo_family_get_n_documents (family));
      g_print (")\n");
    }
  if (opt_json)
    json_builder_end_array (builder);

  return CLI_EXIT_OK;
}

static int
list_environments (CliContext  *ctx,
                   JsonBuilder *builder)
{
  GListModel *environments = certo_catalog_get_environments (ctx->catalog);

  if (opt_json)
    json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (environments); i++)
    {
      g_autoptr(CertoEnvironment) environment = g_list_model_get_item (environments, i);

      if (opt_json)
        cli_catalog_build_environment (builder, environment, NULL);
      else
        cli_catalog_print_environment_line (environment);
    }
  if (opt_json)
    json_builder_end_array (builder);

  return CLI_EXIT_OK;
}

/**
 * cli_command_list:
 *
 * `certo-cli list services|families|documents|certificates|environments [--json]`
 */
int
cli_command_list (CliContext  *ctx,
                  int          argc,
                  char       **argv)
{
  static const char * const kinds[] = { "services", "families", "documents", "certificates", "environments" };
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  gboolean known = FALSE;
  const char *what;
  int status;

  opt_json = FALSE;
  if (!cli_parse_options ("list", "services|families|documents|certificates|environments", json_entries, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return cli_usage_error ("list", _("list takes one of: services, families, documents, certificates, environments"));

  what = argv[1];
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    known |= g_str_equal (what, kinds[i]);
  if (!known)
    return cli_usage_error ("list", _("Cannot list “%s”: choose services, families, documents, certificates or environments"), what);

  if (!cli_load_catalog (ctx, &error))
    return cli_error ("%s", error->message);

  if (g_str_equal (what, "services"))
    {
      GListModel *services = certo_catalog_get_services (ctx->catalog);

      if (!opt_json)
        cli_catalog_print_services (services);
      else
        cli_catalog_build_services (builder, services);
    }
  else if (g_str_equal (what, "families"))
    {
      list_families (ctx, builder);
    }
  else if (g_str_equal (what, "environments"))
    {
      list_environments (ctx, builder);
    }
  else
    {
      gboolean certificates = g_str_equal (what, "certificates");
      GListModel *documents = certo_catalog_get_documents (ctx->catalog);

      if (!opt_json)
        cli_catalog_print_documents (documents, certificates);
      else
        cli_catalog_build_documents (builder, ctx, documents, certificates);
    }

  if (opt_json)
    cli_print_json (builder);

  return CLI_EXIT_OK;
}

/**
 * cli_command_convert:
 *
 * `certo-cli convert PATH [--max-size SIZE]`: prints the file as a native
 * catalog feed, so a publisher can turn an offering article into a feed.
 * Warnings on stderr.
 */
int
cli_command_convert (CliContext  *ctx,
                     int          argc,
                     char       **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CertoCatalogUpdate) update = NULL;
  g_autofree char *json = NULL;
  guint max_size = 0;
  int status;

  g_clear_pointer (&opt_max_size, g_free);
  if (!cli_parse_options ("convert", _("PATH"), convert_entries, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return cli_usage_error ("convert", _("convert takes one file"));
  if (!max_size_option ("convert", &max_size, &status))
    return status;

  update = parse_file (argv[1], max_size, &error);
  if (update == NULL)
    return file_error (error, "convert", argv[1]);

  for (guint i = 0; i < update->warnings->len; i++)
    cli_warning ("%s", (const char *) g_ptr_array_index (update->warnings, i));

  json = certo_catalog_feed_write (update);
  /* JSON, not through the print handler (see cli_print_json()) */
  fputs (json, stdout);
  fflush (stdout);

  return CLI_EXIT_OK;
}
