/* certo-cli-catalog.c — import, list, show, search, convert
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "certo-cli-private.h"

static gboolean opt_json;

static GOptionEntry json_entries[] = {
  { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json, N_("Print machine-readable JSON"), NULL },
  { NULL }
};

/* Reads and parses a file the way the catalog would, without the store:
 * a bad file must fail before anything is opened or created. */
static CertoCatalogUpdate *
parse_file (const char  *path,
            GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = g_file_get_parse_name (file);

  bytes = certo_parse_load_file (file, CERTO_PARSE_DEFAULT_MAX_SIZE, NULL, error);
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

static void
build_service (JsonBuilder  *builder,
               CertoService *service)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, certo_service_get_id (service));
  add_string (builder, "key", certo_service_get_key (service));
  add_string (builder, "name", certo_service_get_name (service));
  add_localized (builder, "names", certo_service_get_name_localized (service));
  add_string (builder, "url", certo_service_get_url (service));
  add_string (builder, "families", certo_service_get_families_label (service));
  json_builder_set_member_name (builder, "documents");
  json_builder_add_int_value (builder, certo_service_get_n_documents (service));
  json_builder_end_object (builder);
}

static void
build_document (JsonBuilder   *builder,
                CertoCatalog  *catalog,
                CertoDocument *document,
                gboolean       full)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, certo_document_get_id (document));
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
      g_autoptr(GListModel) services = certo_catalog_list_services_for_document (catalog, document);
      g_autofree char *verify = certo_document_dup_verify_url (document);
      CertoSource *source = certo_catalog_find_source (catalog, certo_document_get_source_id (document));

      add_strv (builder, "urls", certo_document_get_urls (document));
      add_string (builder, "language", certo_document_get_language (document));
      add_string (builder, "verify_url", verify);
      json_builder_set_member_name (builder, "services");
      json_builder_begin_array (builder);
      for (guint i = 0; i < g_list_model_get_n_items (services); i++)
        {
          g_autoptr(CertoService) service = g_list_model_get_item (services, i);
          build_service (builder, service);
        }
      json_builder_end_array (builder);
      add_strv (builder, "other_services", certo_document_get_service_names (document));
      if (source != NULL)
        {
          add_string (builder, "source", certo_source_get_name (source));
          add_string (builder, "content_date", certo_source_get_content_date (source));
        }
    }

  json_builder_end_object (builder);
}

/**
 * cli_command_import:
 *
 * `certo-cli import PATH`: imports an article or catalog file. Bad entries
 * are reported as warnings and skipped; a bad file changes nothing.
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
  int status;

  if (!cli_parse_options ("import", _("PATH"), NULL, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return cli_usage_error ("import", _("import takes one file"));

  update = parse_file (argv[1], &error);
  if (update == NULL)
    return cli_error ("%s", error->message);

  if (!cli_load_catalog (ctx, &error))
    return cli_error ("%s", error->message);

  file = g_file_new_for_commandline_arg (argv[1]);
  certo_catalog_import_file_async (ctx->catalog, file, NULL, cli_store_result, &result);
  cli_wait (&result);
  imported = certo_catalog_import_file_finish (ctx->catalog, result, &error);
  if (imported == NULL)
    return cli_error ("%s", error->message);

  for (guint i = 0; i < imported->warnings->len; i++)
    cli_warning ("%s", (const char *) g_ptr_array_index (imported->warnings, i));

  g_print (g_dngettext (GETTEXT_PACKAGE,
                        "Imported %u document",
                        "Imported %u documents",
                        imported->n_documents),
           imported->n_documents);
  g_print (" ");
  g_print (g_dngettext (GETTEXT_PACKAGE,
                        "and %u in-scope service",
                        "and %u in-scope services",
                        imported->n_services),
           imported->n_services);
  if (imported->warnings->len > 0)
    {
      g_print (" ");
      g_print (g_dngettext (GETTEXT_PACKAGE,
                            "(%u entry skipped or trimmed)",
                            "(%u entries skipped or trimmed)",
                            imported->warnings->len),
               imported->warnings->len);
    }
  g_print ("\n");

  return CLI_EXIT_OK;
}

static void
print_documents (GListModel *documents,
                 gboolean    certificates)
{
  for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
    {
      g_autoptr(CertoDocument) document = g_list_model_get_item (documents, i);
      const char *number = certo_document_get_certificate_number (document);
      const char *issuer = certo_document_get_issuer (document);

      if (certificates && certo_document_get_kind (document) != CERTO_DOCUMENT_KIND_CERTIFICATE)
        continue;

      if (certificates)
        g_print ("%-6" G_GINT64_FORMAT "  %-10s  %-6s  %s\n",
                 certo_document_get_id (document),
                 number ? number : "—",
                 issuer ? issuer : "—",
                 certo_document_get_title (document));
      else
        g_print ("%-6" G_GINT64_FORMAT "  %-28s  %s%s%s\n",
                 certo_document_get_id (document),
                 certo_document_get_kind_label (document),
                 certo_document_get_title (document),
                 number ? "  · " : "",
                 number ? number : "");
    }
}

static void
print_services (GListModel *services)
{
  for (guint i = 0; i < g_list_model_get_n_items (services); i++)
    {
      g_autoptr(CertoService) service = g_list_model_get_item (services, i);

      g_print ("%-6" G_GINT64_FORMAT "  %s\n",
               certo_service_get_id (service),
               certo_service_get_name (service));
    }
}

static void
build_documents (JsonBuilder  *builder,
                 CertoCatalog *catalog,
                 GListModel   *documents,
                 gboolean      certificates)
{
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
    {
      g_autoptr(CertoDocument) document = g_list_model_get_item (documents, i);

      if (!certificates || certo_document_get_kind (document) == CERTO_DOCUMENT_KIND_CERTIFICATE)
        build_document (builder, catalog, document, FALSE);
    }
  json_builder_end_array (builder);
}

static void
build_services (JsonBuilder *builder,
                GListModel  *services)
{
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (services); i++)
    {
      g_autoptr(CertoService) service = g_list_model_get_item (services, i);
      build_service (builder, service);
    }
  json_builder_end_array (builder);
}

/**
 * cli_command_list:
 *
 * `certo-cli list services|families|documents|certificates [--json]`
 */
int
cli_command_list (CliContext  *ctx,
                  int          argc,
                  char       **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const char *what;
  int status;

  opt_json = FALSE;
  if (!cli_parse_options ("list", "services|families|documents|certificates", json_entries, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return cli_usage_error ("list", _("list takes one of: services, families, documents, certificates"));

  what = argv[1];
  if (!g_str_equal (what, "services") && !g_str_equal (what, "families") &&
      !g_str_equal (what, "documents") && !g_str_equal (what, "certificates"))
    return cli_usage_error ("list", _("Cannot list “%s”: choose services, families, documents or certificates"), what);

  if (!cli_load_catalog (ctx, &error))
    return cli_error ("%s", error->message);

  if (g_str_equal (what, "services"))
    {
      GListModel *services = certo_catalog_get_services (ctx->catalog);

      if (!opt_json)
        print_services (services);
      else
        build_services (builder, services);
    }
  else if (g_str_equal (what, "families"))
    {
      GListModel *families = certo_catalog_get_families (ctx->catalog);

      if (opt_json)
        json_builder_begin_array (builder);
      for (guint i = 0; i < g_list_model_get_n_items (families); i++)
        {
          g_autoptr(CertoFamily) family = g_list_model_get_item (families, i);

          if (!opt_json)
            {
              g_print ("%-6" G_GINT64_FORMAT "  %s  (", certo_family_get_id (family), certo_family_get_name (family));
              g_print (g_dngettext (GETTEXT_PACKAGE, "%u document", "%u documents",
                                    certo_family_get_n_documents (family)),
                       certo_family_get_n_documents (family));
              g_print (")\n");
              continue;
            }
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "id");
          json_builder_add_int_value (builder, certo_family_get_id (family));
          add_string (builder, "key", certo_family_get_key (family));
          add_string (builder, "name", certo_family_get_name (family));
          add_localized (builder, "names", certo_family_get_name_localized (family));
          add_string (builder, "publisher", certo_family_get_publisher (family));
          json_builder_set_member_name (builder, "documents");
          json_builder_add_int_value (builder, certo_family_get_n_documents (family));
          json_builder_end_object (builder);
        }
      if (opt_json)
        json_builder_end_array (builder);
    }
  else
    {
      gboolean certificates = g_str_equal (what, "certificates");
      GListModel *documents = certo_catalog_get_documents (ctx->catalog);

      if (!opt_json)
        print_documents (documents, certificates);
      else
        build_documents (builder, ctx->catalog, documents, certificates);
    }

  if (opt_json)
    cli_print_json (builder);

  return CLI_EXIT_OK;
}

static void
print_field (const char *label,
             const char *value)
{
  if (value == NULL || *value == '\0')
    return;

  g_print ("%-22s %s\n", label, value);
}

static void
show_document (CliContext    *ctx,
               CertoDocument *document)
{
  g_autoptr(GListModel) services = certo_catalog_list_services_for_document (ctx->catalog, document);
  const char * const *names = certo_document_get_service_names (document);
  const char * const *urls = certo_document_get_urls (document);
  g_autofree char *verify = certo_document_dup_verify_url (document);
  CertoSource *source = certo_catalog_find_source (ctx->catalog, certo_document_get_source_id (document));
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, certo_document_get_id (document));

  g_print ("%s\n\n", certo_document_get_title (document));
  print_field (_("Id:"), id);
  print_field (_("Kind:"), certo_document_get_kind_label (document));
  print_field (_("Family:"), certo_document_get_family_name (document));
  print_field (_("Standards:"), certo_document_get_standards_label (document));
  print_field (_("Certificate number:"), certo_document_get_certificate_number (document));
  print_field (_("Issuer:"), certo_document_get_issuer (document));
  print_field (_("Issued:"), certo_document_get_issued (document));
  print_field (_("Expires:"), certo_document_get_expires (document));
  print_field (_("Language:"), certo_document_get_language (document));
  for (guint i = 0; urls != NULL && urls[i] != NULL; i++)
    print_field (i == 0 ? _("Link:") : "", urls[i]);
  print_field (_("Verify with issuer:"), verify);
  if (source != NULL)
    {
      print_field (_("Source:"), certo_source_get_name (source));
      print_field (_("Content as of:"), certo_source_get_content_date (source));
    }

  if (g_list_model_get_n_items (services) > 0 || (names != NULL && names[0] != NULL))
    {
      g_print ("\n%s\n", _("Covers these services:"));
      for (guint i = 0; i < g_list_model_get_n_items (services); i++)
        {
          g_autoptr(CertoService) service = g_list_model_get_item (services, i);
          g_print ("  %s\n", certo_service_get_name (service));
        }
      for (guint i = 0; names != NULL && names[i] != NULL; i++)
        g_print ("  %s\n", names[i]);
    }
}

static void
show_service (CliContext   *ctx,
              CertoService *service)
{
  g_autoptr(GListModel) documents = certo_catalog_list_documents_for_service (ctx->catalog, service);
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, certo_service_get_id (service));

  g_print ("%s\n\n", certo_service_get_name (service));
  print_field (_("Id:"), id);
  print_field (_("Families:"), certo_service_get_families_label (service));
  print_field (_("Link:"), certo_service_get_url (service));
  g_print ("\n%s\n", _("Covered by:"));
  print_documents (documents, FALSE);
}

/**
 * cli_command_show:
 *
 * `certo-cli show ID [--json]`: ID is a row id or a key.
 */
int
cli_command_show (CliContext  *ctx,
                  int          argc,
                  char       **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  GObject *found;
  int status;

  opt_json = FALSE;
  if (!cli_parse_options ("show", _("ID"), json_entries, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return cli_usage_error ("show", _("show takes one id"));

  if (!cli_load_catalog (ctx, &error))
    return cli_error ("%s", error->message);

  found = certo_catalog_find_by_key (ctx->catalog, argv[1]);
  if (found == NULL)
    return cli_error (_("Nothing has the id “%s”; “certo-cli search TEXT” finds ids"), argv[1]);

  if (CERTO_IS_DOCUMENT (found))
    {
      if (opt_json)
        build_document (builder, ctx->catalog, CERTO_DOCUMENT (found), TRUE);
      else
        show_document (ctx, CERTO_DOCUMENT (found));
    }
  else if (CERTO_IS_SERVICE (found))
    {
      if (opt_json)
        {
          g_autoptr(GListModel) documents = certo_catalog_list_documents_for_service (ctx->catalog, CERTO_SERVICE (found));

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "service");
          build_service (builder, CERTO_SERVICE (found));
          json_builder_set_member_name (builder, "documents");
          build_documents (builder, ctx->catalog, documents, FALSE);
          json_builder_end_object (builder);
        }
      else
        {
          show_service (ctx, CERTO_SERVICE (found));
        }
    }
  else
    {
      return cli_error (_("“%s” is not a document or a service"), argv[1]);
    }

  if (opt_json)
    cli_print_json (builder);

  return CLI_EXIT_OK;
}

/**
 * cli_command_search:
 *
 * `certo-cli search TEXT [--json]`: services and documents whose names,
 * titles (any language) or certificate numbers contain every word.
 */
int
cli_command_search (CliContext  *ctx,
                    int          argc,
                    char       **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) services = NULL;
  g_autoptr(GListModel) documents = NULL;
  g_autofree char *text = NULL;
  int status;

  opt_json = FALSE;
  if (!cli_parse_options ("search", _("TEXT"), json_entries, &argc, &argv, &status))
    return status;
  if (argc < 2)
    return cli_usage_error ("search", _("search needs some text"));

  text = g_strjoinv (" ", argv + 1);

  if (!cli_load_catalog (ctx, &error))
    return cli_error ("%s", error->message);

  services = certo_catalog_search_services (ctx->catalog, text);
  documents = certo_catalog_search_documents (ctx->catalog, text);

  if (opt_json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "services");
      build_services (builder, services);
      json_builder_set_member_name (builder, "documents");
      build_documents (builder, ctx->catalog, documents, FALSE);
      json_builder_end_object (builder);
      cli_print_json (builder);
      return CLI_EXIT_OK;
    }

  if (g_list_model_get_n_items (services) == 0 && g_list_model_get_n_items (documents) == 0)
    {
      g_print (_("Nothing matches “%s”.\n"), text);
      return CLI_EXIT_OK;
    }

  if (g_list_model_get_n_items (services) > 0)
    {
      g_print ("%s\n", _("In-scope services:"));
      print_services (services);
    }
  if (g_list_model_get_n_items (documents) > 0)
    {
      if (g_list_model_get_n_items (services) > 0)
        g_print ("\n");
      g_print ("%s\n", _("Documents:"));
      print_documents (documents, FALSE);
    }

  return CLI_EXIT_OK;
}

/**
 * cli_command_convert:
 *
 * `certo-cli convert PATH`: prints the file as a native catalog feed, so a
 * publisher can turn an offering article into a feed. Warnings on stderr.
 */
int
cli_command_convert (CliContext  *ctx,
                     int          argc,
                     char       **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CertoCatalogUpdate) update = NULL;
  g_autofree char *json = NULL;
  int status;

  if (!cli_parse_options ("convert", _("PATH"), NULL, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return cli_usage_error ("convert", _("convert takes one file"));

  update = parse_file (argv[1], &error);
  if (update == NULL)
    return cli_error ("%s", error->message);

  for (guint i = 0; i < update->warnings->len; i++)
    cli_warning ("%s", (const char *) g_ptr_array_index (update->warnings, i));

  json = certo_catalog_feed_write (update);
  g_print ("%s", json);

  return CLI_EXIT_OK;
}
