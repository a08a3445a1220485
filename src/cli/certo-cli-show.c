/* certo-cli-show.c — show and search
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `show` takes back every id the lists print (see cli_ref()); text from
 * the catalog goes through cli_s() or cli_pad() before it reaches the
 * terminal.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "certo-cli-catalog-private.h"

static gboolean opt_json;

static GOptionEntry json_entries[] = {
  { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json, N_("Print machine-readable JSON"), NULL },
  { NULL }
};

/* Helpers */

static void
print_source (CliContext *ctx,
              gint64      source_id)
{
  CertoSource *source = certo_catalog_find_source (ctx->catalog, source_id);
  g_autofree char *label = NULL;

  if (source == NULL)
    return;

  label = cli_source_label (ctx, source);
  cli_catalog_print_field (_("Source:"), label);
  cli_catalog_print_field (_("Content as of:"), certo_source_get_content_date (source));
}

static void
show_document (CliContext    *ctx,
               CertoDocument *document)
{
  g_autoptr(GListModel) services = certo_catalog_list_services_for_document (ctx->catalog, document);
  const char * const *names = certo_document_get_service_names (document);
  const char * const *urls = certo_document_get_urls (document);
  g_autofree char *verify = certo_document_dup_verify_url (document);
  g_autofree char *id = cli_ref (G_OBJECT (document));

  g_print ("%s\n\n", cli_s (certo_document_get_title (document)));
  cli_catalog_print_field (_("Id:"), id);
  cli_catalog_print_field (_("Kind:"), certo_document_get_kind_label (document));
  cli_catalog_print_field (_("Family:"), certo_document_get_family_name (document));
  cli_catalog_print_field (_("Standards:"), certo_document_get_standards_label (document));
  cli_catalog_print_field (_("Certificate number:"), certo_document_get_certificate_number (document));
  cli_catalog_print_field (_("Issuer:"), certo_document_get_issuer (document));
  cli_catalog_print_field (_("Issued:"), certo_document_get_issued (document));
  cli_catalog_print_field (_("Expires:"), certo_document_get_expires (document));
  cli_catalog_print_field (_("Language:"), certo_document_get_language (document));
  for (guint i = 0; urls != NULL && urls[i] != NULL; i++)
    cli_catalog_print_field (i == 0 ? _("Link:") : "", urls[i]);
  cli_catalog_print_field (_("Verify with issuer:"), verify);
  print_source (ctx, certo_document_get_source_id (document));

  if (g_list_model_get_n_items (services) > 0 || (names != NULL && names[0] != NULL))
    {
      g_print ("\n%s\n", _("Covers these services:"));
      for (guint i = 0; i < g_list_model_get_n_items (services); i++)
        {
          g_autoptr(CertoService) service = g_list_model_get_item (services, i);
          g_autofree char *ref = cli_ref (G_OBJECT (service));

          g_print ("  %s  (%s)\n", cli_s (certo_service_get_name (service)), ref);
        }
      for (guint i = 0; names != NULL && names[i] != NULL; i++)
        g_print ("  %s\n", cli_s (names[i]));
    }
}

static void
show_service (CliContext   *ctx,
              CertoService *service)
{
  g_autoptr(GListModel) documents = certo_catalog_list_documents_for_service (ctx->catalog, service);
  g_autofree char *id = cli_ref (G_OBJECT (service));

  g_print ("%s\n\n", cli_s (certo_service_get_name (service)));
  cli_catalog_print_field (_("Id:"), id);
  cli_catalog_print_field (_("Families:"), certo_service_get_families_label (service));
  cli_catalog_print_field (_("Link:"), certo_service_get_url (service));
  print_source (ctx, certo_service_get_source_id (service));
  g_print ("\n%s\n", _("Covered by:"));
  cli_catalog_print_documents (documents, FALSE);
}

/* The services of a family: declared, or covered by one of its documents */
static GListModel *
services_of_family (CliContext  *ctx,
                    CertoFamily *family)
{
  GListModel *services = certo_catalog_get_services (ctx->catalog);
  GListStore *out = g_list_store_new (CERTO_TYPE_SERVICE);

  for (guint i = 0; i < g_list_model_get_n_items (services); i++)
    {
      g_autoptr(CertoService) service = g_list_model_get_item (services, i);
      guint n = 0;
      const gint64 *ids = certo_service_get_family_ids (service, &n);

      for (guint j = 0; j < n; j++)
        if (ids[j] == certo_family_get_id (family))
          {
            g_list_store_append (out, service);
            break;
          }
    }

  return G_LIST_MODEL (out);
}

static GListModel *
documents_of_family (CliContext  *ctx,
                     CertoFamily *family)
{
  GListModel *documents = certo_catalog_get_documents (ctx->catalog);
  GListStore *out = g_list_store_new (CERTO_TYPE_DOCUMENT);

  for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
    {
      g_autoptr(CertoDocument) document = g_list_model_get_item (documents, i);

      if (certo_document_get_family_id (document) == certo_family_get_id (family))
        g_list_store_append (out, document);
    }

  return G_LIST_MODEL (out);
}

static void
show_family (CliContext  *ctx,
             CertoFamily *family,
             JsonBuilder *builder)
{
  g_autoptr(GListModel) documents = documents_of_family (ctx, family);
  g_autoptr(GListModel) services = services_of_family (ctx, family);
  g_autofree char *id = NULL;

  if (builder != NULL)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "family");
      cli_catalog_build_family (builder, family);
      json_builder_set_member_name (builder, "documents");
      cli_catalog_build_documents (builder, ctx, documents, FALSE);
      json_builder_set_member_name (builder, "services");
      cli_catalog_build_services (builder, services);
      json_builder_end_object (builder);
      return;
    }

  id = cli_ref (G_OBJECT (family));
  g_print ("%s\n\n", cli_s (certo_family_get_name (family)));
  cli_catalog_print_field (_("Id:"), id);
  cli_catalog_print_field (_("Publisher:"), certo_family_get_publisher (family));
  print_source (ctx, certo_family_get_source_id (family));
  if (g_list_model_get_n_items (documents) > 0)
    {
      g_print ("\n%s\n", _("Documents:"));
      cli_catalog_print_documents (documents, FALSE);
    }
  if (g_list_model_get_n_items (services) > 0)
    {
      g_print ("\n%s\n", _("In-scope services:"));
      cli_catalog_print_services (services);
    }
}

static void
show_environment (CliContext       *ctx,
                  CertoEnvironment *environment,
                  JsonBuilder      *builder)
{
  const char * const *names = certo_environment_get_service_names (environment);
  g_autofree char *id = NULL;

  if (builder != NULL)
    {
      cli_catalog_build_environment (builder, environment, NULL);
      return;
    }

  id = cli_ref (G_OBJECT (environment));
  g_print ("%s\n\n", cli_s (certo_environment_get_name (environment)));
  cli_catalog_print_field (_("Id:"), id);
  cli_catalog_print_field (_("Family:"), certo_environment_get_family_name (environment));
  print_source (ctx, certo_environment_get_source_id (environment));
  if (names[0] != NULL)
    {
      g_print ("\n%s\n", _("In-scope services:"));
      for (guint i = 0; names[i] != NULL; i++)
        g_print ("  %s\n", cli_s (names[i]));
    }
}

/**
 * cli_command_show:
 *
 * `certo-cli show ID [--json]`: ID is what list and search print (a
 * document's number, "s7", "f3", "e2", also "d12") or a key.
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
        cli_catalog_build_document (builder, ctx, CERTO_DOCUMENT (found), TRUE);
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
          cli_catalog_build_service (builder, CERTO_SERVICE (found));
          json_builder_set_member_name (builder, "documents");
          cli_catalog_build_documents (builder, ctx, documents, FALSE);
          json_builder_end_object (builder);
        }
      else
        {
          show_service (ctx, CERTO_SERVICE (found));
        }
    }
  else if (CERTO_IS_FAMILY (found))
    {
      show_family (ctx, CERTO_FAMILY (found), opt_json ? builder : NULL);
    }
  else if (CERTO_IS_ENVIRONMENT (found))
    {
      show_environment (ctx, CERTO_ENVIRONMENT (found), opt_json ? builder : NULL);
    }
  else
    {
      return cli_error (_("“%s” is a source; “certo-cli source list” shows the sources"), argv[1]);
    }

  if (opt_json)
    cli_print_json (builder);

  return CLI_EXIT_OK;
}

/* The in-scope service names of an environment that match @query */
static GStrv
matching_service_names (CertoEnvironment       *environment,
                        const CertoSearchQuery *query)
{
  const char * const *names = certo_environment_get_service_names (environment);
  g_autoptr(GStrvBuilder) matching = g_strv_builder_new ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *folded = certo_text_fold (names[i]);

      if (certo_search_query_matches (query, folded))
        g_strv_builder_add (matching, names[i]);
    }

  return g_strv_builder_end (matching);
}

static int
compare_environment_ids (gconstpointer a,
                         gconstpointer b)
{
  gint64 ia = certo_environment_get_id (*(CertoEnvironment **) a);
  gint64 ib = certo_environment_get_id (*(CertoEnvironment **) b);

  return (ia > ib) - (ia < ib);
}

/* "Exchange Online — in-scope in Office 365 Commercial, GCC, GCC High,
 * DoD": one line per service name, the environments in the source's
 * order (their ids), grouped by family */
static void
print_environment_matches (GListModel             *environments,
                           const CertoSearchQuery *query)
{
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  g_autoptr(GHashTable) lines = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                       (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) whole = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (environments); i++)
    {
      g_autoptr(CertoEnvironment) environment = g_list_model_get_item (environments, i);
      g_auto(GStrv) names = matching_service_names (environment, query);
      const char * const *all = certo_environment_get_service_names (environment);

      if (names[0] == NULL)
        {
          /* Found by its own name */
          g_ptr_array_add (whole, g_steal_pointer (&environment));
          continue;
        }

      for (guint j = 0; names[j] != NULL; j++)
        {
          /* The name as the environment holds it: it outlives this loop */
          const char *name = NULL;
          GPtrArray *where;

          for (guint k = 0; all[k] != NULL && name == NULL; k++)
            if (g_str_equal (all[k], names[j]))
              name = all[k];

          where = g_hash_table_lookup (lines, name);
          if (where == NULL)
            {
              where = g_ptr_array_new ();
              g_hash_table_insert (lines, (gpointer) name, where);
              g_ptr_array_add (order, (gpointer) name);
            }
          g_ptr_array_add (where, environment);
        }
    }

  for (guint i = 0; i < order->len; i++)
    {
      const char *name = g_ptr_array_index (order, i);
      GPtrArray *where = g_hash_table_lookup (lines, name);
      g_autoptr(GString) places = g_string_new (NULL);
      const char *last_family = NULL;

      g_ptr_array_sort (where, compare_environment_ids);
      for (guint j = 0; j < where->len; j++)
        {
          CertoEnvironment *environment = g_ptr_array_index (where, j);
          const char *family = certo_environment_get_family_name (environment);

          if (j > 0)
            g_string_append (places, g_strcmp0 (family, last_family) == 0 ? ", " : "; ");
          if (j == 0 || g_strcmp0 (family, last_family) != 0)
            {
              if (family != NULL)
                g_string_append_printf (places, "%s ", family);
            }
          g_string_append (places, certo_environment_get_name (environment));
          last_family = family;
        }

      /* Translators: "Exchange Online — in-scope in Office 365 Commercial, GCC, GCC High, DoD" */
      g_print (_("%s — in-scope in %s\n"), cli_s (name), cli_s (places->str));
    }

  for (guint i = 0; i < whole->len; i++)
    cli_catalog_print_environment_line (g_ptr_array_index (whole, i));
}

/**
 * cli_command_search:
 *
 * `certo-cli search TEXT [--json]`: services, environments and documents
 * whose names, titles (any language), certificate numbers or in-scope
 * services contain every word. A search with no letter or digit (only
 * punctuation or spaces) would find everything: it is a usage error.
 */
int
cli_command_search (CliContext  *ctx,
                    int          argc,
                    char       **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) services = NULL;
  g_autoptr(GListModel) documents = NULL;
  g_autoptr(GListModel) environments = NULL;
  g_autoptr(CertoSearchQuery) query = NULL;
  g_autofree char *text = NULL;
  guint n_found;
  int status;

  opt_json = FALSE;
  if (!cli_parse_options ("search", _("TEXT"), json_entries, &argc, &argv, &status))
    return status;
  if (argc < 2)
    return cli_usage_error ("search", _("search needs some text"));

  text = g_strjoinv (" ", argv + 1);
  query = certo_search_query_new (text);
  if (certo_search_query_is_empty (query))
    return cli_usage_error ("search", _("search needs letters or digits; “%s” has none"), text);

  if (!cli_load_catalog (ctx, &error))
    return cli_error ("%s", error->message);

  services = certo_catalog_search_services (ctx->catalog, text);
  environments = certo_catalog_search_environments (ctx->catalog, text);
  documents = certo_catalog_search_documents (ctx->catalog, text);

  if (opt_json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "services");
      cli_catalog_build_services (builder, services);
      json_builder_set_member_name (builder, "environments");
      json_builder_begin_array (builder);
      for (guint i = 0; i < g_list_model_get_n_items (environments); i++)
        {
          g_autoptr(CertoEnvironment) environment = g_list_model_get_item (environments, i);
          g_auto(GStrv) names = matching_service_names (environment, query);

          cli_catalog_build_environment (builder, environment, names[0] != NULL ? (const char * const *) names : NULL);
        }
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "documents");
      cli_catalog_build_documents (builder, ctx, documents, FALSE);
      json_builder_end_object (builder);
      cli_print_json (builder);
      return CLI_EXIT_OK;
    }

  n_found = g_list_model_get_n_items (services) + g_list_model_get_n_items (environments) +
            g_list_model_get_n_items (documents);
  if (n_found == 0)
    {
      g_print (_("Nothing matches “%s”.\n"), cli_s (text));
      return CLI_EXIT_OK;
    }

  if (g_list_model_get_n_items (services) > 0)
    {
      g_print ("%s\n", _("In-scope services:"));
      cli_catalog_print_services (services);
    }
  if (g_list_model_get_n_items (environments) > 0)
    {
      if (g_list_model_get_n_items (services) > 0)
        g_print ("\n");
      g_print ("%s\n", _("Environments:"));
      print_environment_matches (environments, query);
    }
  if (g_list_model_get_n_items (documents) > 0)
    {
      if (g_list_model_get_n_items (services) + g_list_model_get_n_items (environments) > 0)
        g_print ("\n");
      g_print ("%s\n", _("Documents:"));
      cli_catalog_print_documents (documents, FALSE);
    }

  return CLI_EXIT_OK;
}
