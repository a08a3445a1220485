/* test-catalog.c — the catalog's list models, lookups, search, languages,
 * file imports and the embedded catalog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "certo.h"
#include "certo-catalog-private.h"
#include "certo-test-util.h"

typedef struct
{
  char *dir;
  CertoStore *store;
  CertoCatalog *catalog;
  guint changes[6];     /* items-changed emissions per model */
  guint loaded_notifies;
} Fixture;

enum { SOURCES, STANDARDS, FAMILIES, SERVICES, DOCUMENTS, ENVIRONMENTS };

/* Helpers */

static void
result_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static CertoLocalized *
text2 (const char *en,
       const char *it)
{
  CertoLocalized *text = certo_localized_new ();

  certo_localized_set (text, "en", en);
  if (it != NULL)
    certo_localized_set (text, "it", it);
  return text;
}

static void
strv_add (GPtrArray  *array,
          const char *first,
          ...)
{
  va_list args;

  va_start (args, first);
  for (const char *s = first; s != NULL; s = va_arg (args, const char *))
    g_ptr_array_add (array, g_strdup (s));
  va_end (args);
}

static CertoUpdateDocument *
add_document (CertoCatalogUpdate *update,
              const char         *id,
              CertoDocumentKind   kind,
              CertoLocalized     *title,
              const char         *family)
{
  CertoUpdateDocument *d = certo_update_document_new ();

  d->id = g_strdup (id);
  d->kind = kind;
  d->title = title;
  d->family = g_strdup (family);
  g_ptr_array_add (d->urls, g_strdup_printf ("https://example.com/%s", id));
  g_ptr_array_add (update->documents, d);
  return d;
}

static CertoUpdateService *
add_service (CertoCatalogUpdate *update,
             const char         *id,
             CertoLocalized     *name)
{
  CertoUpdateService *s = certo_update_service_new ();

  s->id = g_strdup (id);
  s->name = name;
  g_ptr_array_add (update->services, s);
  return s;
}

/* Shaped like the seed: the Azure certificate covers Intune, Genomics
 * ("Genòmica" in the Italian fixture), Power BI and the Microsoft
 * Datacenter (a name that matches no listed service) */
static CertoCatalogUpdate *
seed_like_update (void)
{
  CertoCatalogUpdate *update = certo_catalog_update_new (CERTO_UPDATE_FORMAT_ARTICLE);
  CertoUpdateStandard *standard;
  CertoUpdateFamily *family;
  CertoUpdateService *service;
  CertoUpdateDocument *d;
  CertoUpdateEnvironment *env;

  update->title = text2 ("ISO/IEC 27001:2013 Information Security Management Standards",
                         "Standard di gestione della sicurezza delle informazioni ISO/IEC 27001:2013");
  update->publisher = g_strdup ("Microsoft");

  standard = certo_update_standard_new ();
  standard->id = g_strdup ("iso27001-2013");
  standard->name = g_strdup ("ISO/IEC 27001:2013");
  g_ptr_array_add (update->standards, standard);
  standard = certo_update_standard_new ();
  standard->id = g_strdup ("iso27018");
  standard->name = g_strdup ("ISO/IEC 27018");
  g_ptr_array_add (update->standards, standard);

  family = certo_update_family_new ();
  family->id = g_strdup ("azure");
  family->name = certo_localized_new_plain ("Azure");
  g_ptr_array_add (update->families, family);
  family = certo_update_family_new ();
  family->id = g_strdup ("dynamics");
  family->name = certo_localized_new_plain ("Dynamics 365");
  g_ptr_array_add (update->families, family);
  family = certo_update_family_new ();
  family->id = g_strdup ("office365");
  family->name = certo_localized_new_plain ("Office 365");
  g_ptr_array_add (update->families, family);

  add_service (update, "intune", certo_localized_new_plain ("Intune"));
  add_service (update, "genomics", text2 ("Genomics", "Genòmica"));
  service = add_service (update, "power-bi", certo_localized_new_plain ("Power BI"));
  strv_add (service->families, "dynamics", NULL);
  add_service (update, "health-bot", text2 ("Health Bot", "Bot per i servizi sanitari"));
  add_service (update, "exchange", certo_localized_new_plain ("Exchange Online"));

  d = add_document (update, "azure-cert", CERTO_DOCUMENT_KIND_CERTIFICATE,
                    text2 ("Azure, Cloud App Security, Flow, Genomics, Graph, Health Bot, Intune, Power BI, "
                           "and Microsoft Datacenter — ISO 27001 Certificate",
                           "Azure, Cloud App Security, Flow, Genomica, Graph, Bot per i servizi sanitari, "
                           "Intune, Power BI e data center Microsoft - Certificato ISO 27001"),
                    "azure");
  strv_add (d->standards, "iso27001-2013", NULL);
  strv_add (d->services, "intune", "genomics", "power-bi", "health-bot", NULL);
  strv_add (d->service_names, "Microsoft Datacenter", NULL);
  d->issuer = g_strdup ("BSI");
  d->certificate_number = g_strdup ("IS 533913");

  d = add_document (update, "azure-report", CERTO_DOCUMENT_KIND_AUDIT_REPORT,
                    text2 ("Azure — ISO 27001 and 27018 Audit Assessment Report",
                           "Azure - Report di valutazione di controllo ISO 27001 e 27018"),
                    "azure");
  strv_add (d->standards, "iso27001-2013", "iso27018", NULL);
  strv_add (d->services, "intune", "genomics", NULL);

  d = add_document (update, "o365-cert", CERTO_DOCUMENT_KIND_CERTIFICATE,
                    text2 ("Office 365 — ISO 27001 Certificate", "Office 365 - Certificato ISO 27001"),
                    "office365");
  strv_add (d->standards, "iso27001-2013", NULL);
  strv_add (d->services, "exchange", NULL);
  d->issuer = g_strdup ("BSI");
  d->certificate_number = g_strdup ("IS 552878");

  d = add_document (update, "faq", CERTO_DOCUMENT_KIND_RESOURCE,
                    text2 ("Frequently asked questions", "Domande frequenti"), NULL);

  env = certo_update_environment_new ();
  env->id = g_strdup ("gcc-high");
  env->name = certo_localized_new_plain ("GCC High");
  env->family = g_strdup ("office365");
  strv_add (env->service_names, "Exchange Online", NULL);
  g_ptr_array_add (update->environments, env);

  return update;
}

static gint64
import_update (Fixture            *fixture,
               const char         *key,
               CertoCatalogUpdate *update)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  CertoSourceSpec spec = { .key = key, .kind = CERTO_SOURCE_KIND_FILE, .format = CERTO_SOURCE_FORMAT_ARTICLE };
  gint64 id;

  certo_store_import_async (fixture->store, &spec, update, NULL, result_cb, &result);
  certo_test_wait_async (&result);
  id = certo_store_import_finish (fixture->store, result, &error);
  g_assert_no_error (error);
  return id;
}

static gboolean
load_catalog (CertoCatalog  *catalog,
              GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  certo_catalog_load_async (catalog, NULL, result_cb, &result);
  certo_test_wait_async (&result);
  return certo_catalog_load_finish (catalog, result, error);
}

static void
load (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (load_catalog (fixture->catalog, &error));
  g_assert_no_error (error);
}

static CertoImportResult *
import_file (Fixture     *fixture,
             const char  *path,
             GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);

  certo_catalog_import_file_async (fixture->catalog, file, NULL, result_cb, &result);
  certo_test_wait_async (&result);
  return certo_catalog_import_file_finish (fixture->catalog, result, error);
}

static gpointer
find (Fixture    *fixture,
      const char *key)
{
  GObject *obj = certo_catalog_find_by_key (fixture->catalog, key);

  g_assert_nonnull (obj);
  return obj;
}

/* The keys of a model's items, joined with spaces */
static char *
keys_of (GListModel *model)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) obj = g_list_model_get_item (model, i);
      g_autofree char *key = NULL;

      g_object_get (obj, "key", &key, NULL);
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, key);
    }
  g_object_unref (model);

  return g_string_free (out, FALSE);
}

#define assert_keys(model, expected)              \
  G_STMT_START {                                  \
    g_autofree char *_keys = keys_of (model);     \
    g_assert_cmpstr (_keys, ==, expected);        \
  } G_STMT_END

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *counter)
{
  (*counter)++;
}

static void
loaded_cb (GObject    *object,
           GParamSpec *pspec,
           Fixture    *fixture)
{
  fixture->loaded_notifies++;
}

static void
watch_models (Fixture *fixture)
{
  GListModel *models[] = {
    certo_catalog_get_sources (fixture->catalog),
    certo_catalog_get_standards (fixture->catalog),
    certo_catalog_get_families (fixture->catalog),
    certo_catalog_get_services (fixture->catalog),
    certo_catalog_get_documents (fixture->catalog),
    certo_catalog_get_environments (fixture->catalog),
  };

  for (guint i = 0; i < G_N_ELEMENTS (models); i++)
    g_signal_connect (models[i], "items-changed", G_CALLBACK (items_changed_cb), &fixture->changes[i]);
  g_signal_connect (fixture->catalog, "notify::loaded", G_CALLBACK (loaded_cb), fixture);
}

static void
assert_changes (Fixture *fixture,
                guint    expected)
{
  for (guint i = 0; i < G_N_ELEMENTS (fixture->changes); i++)
    g_assert_cmpuint (fixture->changes[i], ==, expected);
}

static void
write_file (const char *path,
            const char *text)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
}

/* Fixture */

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *path = NULL;

  g_setenv ("LANGUAGE", "en", TRUE);
  fixture->dir = g_build_filename (g_get_user_data_dir (), "certo", NULL);
  path = g_build_filename (fixture->dir, "catalog.db", NULL);
  fixture->store = certo_store_new (path);
  fixture->catalog = certo_catalog_new (fixture->store);
  /* Only this file's fixtures, unless a test asks for the embedded catalog */
  certo_catalog_set_builtin_path (fixture->catalog, NULL);
  watch_models (fixture);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_assert_finalize_object (fixture->catalog);
  certo_store_close (fixture->store);
  g_assert_finalize_object (fixture->store);
  g_free (fixture->dir);
}

/* Tests */

static void
test_load_one_change_per_model (Fixture       *fixture,
                                gconstpointer  data)
{
  import_update (fixture, "file:///seed.md", seed_like_update ());

  g_assert_false (certo_catalog_get_loaded (fixture->catalog));
  load (fixture);
  g_assert_true (certo_catalog_get_loaded (fixture->catalog));
  g_assert_cmpuint (fixture->loaded_notifies, ==, 1);
  assert_changes (fixture, 1);

  g_assert_cmpuint (g_list_model_get_n_items (certo_catalog_get_documents (fixture->catalog)), ==, 4);
  g_assert_cmpuint (g_list_model_get_n_items (certo_catalog_get_services (fixture->catalog)), ==, 5);
  g_assert_cmpuint (g_list_model_get_n_items (certo_catalog_get_families (fixture->catalog)), ==, 3);

  /* A reload is again one change per model; "loaded" does not change */
  load (fixture);
  assert_changes (fixture, 2);
  g_assert_cmpuint (fixture->loaded_notifies, ==, 1);
}

static void
test_cross_references (Fixture       *fixture,
                       gconstpointer  data)
{
  CertoService *intune, *power_bi, *exchange;
  CertoDocument *cert;

  import_update (fixture, "file:///seed.md", seed_like_update ());
  load (fixture);

  intune = find (fixture, "intune");
  power_bi = find (fixture, "power-bi");
  exchange = find (fixture, "exchange");
  cert = find (fixture, "azure-cert");

  assert_keys (certo_catalog_list_documents_for_service (fixture->catalog, intune),
               "azure-cert azure-report");
  assert_keys (certo_catalog_list_documents_for_service (fixture->catalog, exchange), "o365-cert");
  assert_keys (certo_catalog_list_services_for_document (fixture->catalog, cert),
               "intune genomics power-bi health-bot");
  g_assert_cmpstrv (certo_document_get_service_names (cert),
                    ((const char *[]) { "Microsoft Datacenter", NULL }));
  assert_keys (certo_catalog_list_standards_for_document (fixture->catalog, find (fixture, "azure-report")),
               "iso27001-2013 iso27018");

  /* Families: Power BI is declared Dynamics 365 and covered by an Azure document */
  assert_keys (certo_catalog_list_families_for_service (fixture->catalog, intune), "azure");
  assert_keys (certo_catalog_list_families_for_service (fixture->catalog, power_bi), "azure dynamics");
  g_assert_cmpstr (certo_service_get_families_label (power_bi), ==, "Azure, Dynamics 365");
  g_assert_cmpuint (certo_service_get_n_documents (intune), ==, 2);
  g_assert_cmpuint (certo_service_get_n_documents (power_bi), ==, 1);
  g_assert_cmpuint (certo_family_get_n_documents (find (fixture, "azure")), ==, 2);
  g_assert_cmpstr (certo_document_get_family_name (cert), ==, "Azure");

  /* Display order: by family, certificates first, then title; no family last */
  assert_keys (g_object_ref (certo_catalog_get_documents (fixture->catalog)),
               "azure-cert azure-report o365-cert faq");
  assert_keys (g_object_ref (certo_catalog_get_services (fixture->catalog)),
               "exchange genomics health-bot intune power-bi");
}

static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  import_update (fixture, "file:///seed.md", seed_like_update ());
  load (fixture);

  /* Exactly the documents that name Intune */
  assert_keys (certo_catalog_search_documents (fixture->catalog, "INTUNE"), "azure-cert azure-report");
  assert_keys (certo_catalog_search_documents (fixture->catalog, "intune"), "azure-cert azure-report");
  /* Accents either way, in any language the catalog has */
  assert_keys (certo_catalog_search_documents (fixture->catalog, "genomica"), "azure-cert azure-report");
  assert_keys (certo_catalog_search_documents (fixture->catalog, "GENÒMICA"), "azure-cert azure-report");
  assert_keys (certo_catalog_search_documents (fixture->catalog, "domande"), "faq");
  assert_keys (certo_catalog_search_documents (fixture->catalog, "frequently"), "faq");
  /* Certificate numbers, issuers, family names, unmatched service names */
  assert_keys (certo_catalog_search_documents (fixture->catalog, "is 552878"), "o365-cert");
  assert_keys (certo_catalog_search_documents (fixture->catalog, "bsi"), "azure-cert o365-cert");
  assert_keys (certo_catalog_search_documents (fixture->catalog, "office 365"), "o365-cert");
  assert_keys (certo_catalog_search_documents (fixture->catalog, "datacenter"), "azure-cert");
  /* Every word must match */
  assert_keys (certo_catalog_search_documents (fixture->catalog, "intune 27018"), "azure-report");
  assert_keys (certo_catalog_search_documents (fixture->catalog, "intune nothing"), "");
  assert_keys (certo_catalog_search_documents (fixture->catalog, ""), "azure-cert azure-report o365-cert faq");

  assert_keys (certo_catalog_search_services (fixture->catalog, "genomica"), "genomics");
  assert_keys (certo_catalog_search_services (fixture->catalog, "SANITARI"), "health-bot");
  assert_keys (certo_catalog_search_services (fixture->catalog, "online"), "exchange");
}

static void
test_language (Fixture       *fixture,
               gconstpointer  data)
{
  CertoDocument *cert;
  CertoService *genomics;
  g_autofree char *title = NULL;

  import_update (fixture, "file:///seed.md", seed_like_update ());

  g_setenv ("LANGUAGE", "it", TRUE);
  load (fixture);
  cert = find (fixture, "azure-cert");
  genomics = find (fixture, "genomics");
  g_assert_true (g_str_has_suffix (certo_document_get_title (cert), "Certificato ISO 27001"));
  g_assert_cmpstr (certo_service_get_name (genomics), ==, "Genòmica");
  g_object_get (cert, "title", &title, NULL);
  g_assert_cmpstr (title, ==, certo_document_get_title (cert));
  /* Sorted in the user's language: "Bot per i servizi sanitari" first */
  assert_keys (g_object_ref (certo_catalog_get_services (fixture->catalog)),
               "health-bot exchange genomics intune power-bi");
  {
    g_autoptr(CertoSource) source = g_list_model_get_item (certo_catalog_get_sources (fixture->catalog), 0);

    g_assert_cmpstr (certo_source_get_name (source), ==,
                     "Standard di gestione della sicurezza delle informazioni ISO/IEC 27001:2013");
  }

  g_setenv ("LANGUAGE", "en", TRUE);
  load (fixture);
  cert = find (fixture, "azure-cert");
  genomics = find (fixture, "genomics");
  g_assert_true (g_str_has_suffix (certo_document_get_title (cert), "ISO 27001 Certificate"));
  g_assert_cmpstr (certo_service_get_name (genomics), ==, "Genomics");
  /* A source with no name of its own shows its title in the user's language */
  g_assert_cmpstr (certo_source_get_name (certo_catalog_find_source (fixture->catalog, certo_document_get_source_id (cert))),
                   ==, "ISO/IEC 27001:2013 Information Security Management Standards");
}

static void
test_find (Fixture       *fixture,
           gconstpointer  data)
{
  CertoDocument *cert;
  g_autofree char *id_text = NULL;
  gint64 source_id;

  source_id = import_update (fixture, "file:///seed.md", seed_like_update ());
  load (fixture);

  cert = find (fixture, "azure-cert");
  g_assert_true (CERTO_IS_DOCUMENT (cert));
  g_assert_true (CERTO_IS_SERVICE (find (fixture, "intune")));
  g_assert_true (CERTO_IS_FAMILY (find (fixture, "office365")));
  g_assert_true (CERTO_IS_SOURCE (find (fixture, "file:///seed.md")));
  g_assert_null (certo_catalog_find_by_key (fixture->catalog, "no-such-key"));
  g_assert_null (certo_catalog_find_by_key (fixture->catalog, "99999"));
  g_assert_null (certo_catalog_find_by_key (fixture->catalog, "-1"));

  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, certo_document_get_id (cert));
  g_assert_true (certo_catalog_find_by_key (fixture->catalog, id_text) == G_OBJECT (cert));
  g_assert_true (certo_catalog_find_document (fixture->catalog, certo_document_get_id (cert)) == cert);
  g_assert_true (certo_catalog_find_family (fixture->catalog, certo_document_get_family_id (cert)) ==
                 find (fixture, "azure"));
  g_assert_nonnull (certo_catalog_find_source (fixture->catalog, source_id));
  g_assert_null (certo_catalog_find_document (fixture->catalog, 424242));
  g_assert_nonnull (certo_catalog_find_standard (fixture->catalog,
                                                 certo_document_get_standard_ids (cert, &(guint) { 0 })[0]));
}

static const char good_feed[] =
  "{\n"
  "  \"format\": \"certo-catalog\", \"version\": 1, \"id\": \"good\",\n"
  "  \"title\": {\"en\": \"Good feed\", \"it\": \"Feed buono\"},\n"
  "  \"publisher\": \"Example\",\n"
  "  \"families\": [{\"id\": \"cloud\", \"name\": \"Example Cloud\"}],\n"
  "  \"services\": [{\"id\": \"storage\", \"name\": \"Storage\", \"families\": [\"cloud\"]},\n"
  "               {\"id\": \"mail\", \"name\": {\"en\": \"Mail\", \"it\": \"Posta\"}}],\n"
  "  \"documents\": [\n"
  "    {\"id\": \"cert\", \"kind\": \"certificate\", \"title\": \"Example certificate\", \"family\": \"cloud\",\n"
  "     \"services\": [\"storage\", \"mail\"], \"issuer\": \"BSI\", \"certificate_number\": \"IS 1\",\n"
  "     \"url\": \"https://example.com/cert.pdf\"},\n"
  "    {\"id\": \"bad-link\", \"kind\": \"guide\", \"title\": \"Has no web link\", \"url\": \"javascript:alert(1)\"}\n"
  "  ]\n"
  "}\n";

static void
test_import_file (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CertoImportResult) first = NULL;
  g_autoptr(CertoImportResult) second = NULL;
  g_autofree char *path = g_build_filename (g_get_user_config_dir (), "good.json", NULL);
  CertoSource *source;

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_config_dir (), 0700), ==, 0);
  write_file (path, good_feed);
  load (fixture);
  assert_changes (fixture, 0);   /* empty before and after: nothing to tell */

  first = import_file (fixture, path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (first);
  g_assert_cmpint (first->source_id, >, 0);
  g_assert_cmpuint (first->n_documents, ==, 1);
  g_assert_cmpuint (first->n_services, ==, 2);
  g_assert_cmpuint (first->warnings->len, >=, 1);
  g_test_message ("warning: %s", (char *) g_ptr_array_index (first->warnings, 0));

  g_assert_cmpuint (g_list_model_get_n_items (certo_catalog_get_documents (fixture->catalog)), ==, 1);
  g_assert_cmpuint (fixture->changes[DOCUMENTS], ==, 1);
  g_assert_cmpuint (fixture->changes[SERVICES], ==, 1);

  source = certo_catalog_find_source (fixture->catalog, first->source_id);
  g_assert_nonnull (source);
  g_assert_cmpint (certo_source_get_kind (source), ==, CERTO_SOURCE_KIND_FILE);
  g_assert_cmpint (certo_source_get_format (source), ==, CERTO_SOURCE_FORMAT_CATALOG);
  g_assert_cmpstr (certo_source_get_location (source), ==, path);
  g_assert_cmpstr (certo_source_get_name (source), ==, "Good feed");
  g_assert_nonnull (certo_source_get_content_hash (source));
  assert_keys (certo_catalog_search_documents (fixture->catalog, "posta"), "cert");

  /* The same file again: the same source, the same ids */
  {
    gint64 cert_id = certo_document_get_id (find (fixture, "cert"));

    second = import_file (fixture, path, &error);
    g_assert_no_error (error);
    g_assert_cmpint (second->source_id, ==, first->source_id);
    g_assert_cmpint (certo_document_get_id (find (fixture, "cert")), ==, cert_id);
  }
}

static void
test_import_bad_file (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_get_user_config_dir (), "bad.json", NULL);
  g_autofree char *missing = g_build_filename (g_get_user_config_dir (), "missing.json", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  CertoImportResult *result;

  import_update (fixture, "file:///seed.md", seed_like_update ());
  load (fixture);
  /* Close the store so its files are complete and quiet, then compare */
  g_assert_cmpint (g_mkdir_with_parents (g_get_user_config_dir (), 0700), ==, 0);
  write_file (path, "{\"format\": \"certo-catalog\", \"version\": 1, \"documents\": [ {\"id\": ");
  before = certo_test_dir_digest (fixture->dir);

  result = import_file (fixture, path, &error);
  g_assert_null (result);
  g_assert_error (error, CERTO_PARSE_ERROR, CERTO_PARSE_ERROR_INVALID_JSON);
  g_test_message ("%s", error->message);
  g_clear_error (&error);

  result = import_file (fixture, missing, &error);
  g_assert_null (result);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_clear_error (&error);

  after = certo_test_dir_digest (fixture->dir);
  g_assert_cmpstr (before, ==, after);
  assert_changes (fixture, 1);   /* only the first load */
  g_assert_cmpuint (g_list_model_get_n_items (certo_catalog_get_documents (fixture->catalog)), ==, 4);
}

static void
test_remove_source (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  CertoSource *source;

  import_update (fixture, "file:///seed.md", seed_like_update ());
  load (fixture);
  source = find (fixture, "file:///seed.md");
  g_assert_true (certo_source_is_removable (source));

  certo_catalog_remove_source_async (fixture->catalog, source, NULL, result_cb, &result);
  certo_test_wait_async (&result);
  g_assert_true (certo_catalog_remove_source_finish (fixture->catalog, result, &error));
  g_assert_no_error (error);

  assert_changes (fixture, 2);
  g_assert_cmpuint (g_list_model_get_n_items (certo_catalog_get_documents (fixture->catalog)), ==, 0);
  g_assert_null (certo_catalog_find_by_key (fixture->catalog, "intune"));
}

static void
test_embedded (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CertoCatalog) again = NULL;
  g_autofree char *refreshed = NULL;
  GListModel *sources;
  CertoSource *builtin;
  guint n_services;

  certo_catalog_set_builtin_path (fixture->catalog, "/io/github/certo/Certo/catalogs/");
  load (fixture);

  builtin = CERTO_SOURCE (certo_catalog_find_by_key (fixture->catalog, "builtin:microsoft-iso27001"));
  g_assert_nonnull (builtin);
  g_assert_cmpint (certo_source_get_kind (builtin), ==, CERTO_SOURCE_KIND_BUILTIN);
  g_assert_false (certo_source_is_removable (builtin));
  refreshed = g_strdup (certo_source_get_last_refresh (builtin));

  n_services = g_list_model_get_n_items (certo_catalog_get_services (fixture->catalog));
  g_test_message ("embedded catalog: %u services, %u documents", n_services,
                  g_list_model_get_n_items (certo_catalog_get_documents (fixture->catalog)));
  g_assert_cmpuint (n_services, >=, 18);
  {
    g_autoptr(GListModel) found = certo_catalog_search_documents (fixture->catalog, "intune");

    g_assert_cmpuint (g_list_model_get_n_items (found), >=, 1);
  }

  /* Unchanged content is not imported again */
  again = certo_catalog_new (fixture->store);
  g_assert_true (load_catalog (again, &error));
  g_assert_no_error (error);
  builtin = CERTO_SOURCE (certo_catalog_find_by_key (again, "builtin:microsoft-iso27001"));
  g_assert_cmpstr (certo_source_get_last_refresh (builtin), ==, refreshed);
  sources = certo_catalog_get_sources (again);
  g_assert_cmpuint (g_list_model_get_n_items (sources), ==, 1);
}

/* A built-in source this version no longer ships is removed on load */
static void
test_stale_builtin_removed (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  CertoSourceSpec spec = { .key = "builtin:gone", .kind = CERTO_SOURCE_KIND_BUILTIN };

  certo_store_import_async (fixture->store, &spec, seed_like_update (), NULL, result_cb, &result);
  certo_test_wait_async (&result);
  g_assert_cmpint (certo_store_import_finish (fixture->store, result, &error), >, 0);
  g_assert_no_error (error);

  /* No built-in folder: nothing is judged stale */
  load (fixture);
  g_assert_nonnull (certo_catalog_find_by_key (fixture->catalog, "builtin:gone"));

  certo_catalog_set_builtin_path (fixture->catalog, "/io/github/certo/Certo/no-such-folder/");
  load (fixture);
  g_assert_null (certo_catalog_find_by_key (fixture->catalog, "builtin:gone"));
  g_assert_cmpuint (g_list_model_get_n_items (certo_catalog_get_documents (fixture->catalog)), ==, 0);
}


/* Identity: the feed id, not the location */

/* A feed "northwind" of @n documents ("doc-0" …), each covering
 * "storage" */
static char *
numbered_feed (const char *id,
               guint       first,
               guint       n)
{
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, "{\"format\": \"certo-catalog\", \"version\": 1, \"id\": \"%s\","
                          " \"title\": \"Northwind\","
                          " \"services\": [{\"id\": \"storage\", \"name\": \"Storage\"}], \"documents\": [", id);
  for (guint i = first; i < first + n; i++)
    g_string_append_printf (text, "%s{\"id\": \"doc-%u\", \"kind\": \"soa\", \"title\": \"Document %u\","
                            " \"services\": [\"storage\"], \"url\": \"https://example.com/%u\"}",
                            i > first ? "," : "", i, i, i);
  g_string_append (text, "]}");
  return g_string_free (text, FALSE);
}

static char *
write_config_file (const char *name,
                   const char *text)
{
  char *path = g_build_filename (g_get_user_config_dir (), name, NULL);

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_config_dir (), 0700), ==, 0);
  write_file (path, text);
  return path;
}

static CertoImportResult *
import_file_flags (Fixture          *fixture,
                   const char       *path,
                   CertoImportFlags  flags,
                   GError          **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);

  certo_catalog_import_file_full_async (fixture->catalog, file, flags, NULL, result_cb, &result);
  certo_test_wait_async (&result);
  return certo_catalog_import_file_finish (fixture->catalog, result, error);
}

static guint
count_user_sources (Fixture *fixture)
{
  GListModel *sources = certo_catalog_get_sources (fixture->catalog);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(CertoSource) source = g_list_model_get_item (sources, i);

      n += certo_source_get_kind (source) != CERTO_SOURCE_KIND_BUILTIN;
    }
  return n;
}

/* The same feed from another file is the same source: rows replaced,
 * ids kept, the new location recorded, the change in the history */
static void
test_same_feed_id_one_source (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *first_text = numbered_feed ("northwind", 0, 6);
  g_autofree char *second_text = numbered_feed ("northwind", 1, 6);
  g_autofree char *other_text = numbered_feed ("southwind", 0, 2);
  g_autofree char *a = write_config_file ("northwind-2020.json", first_text);
  g_autofree char *b = write_config_file ("northwind-2023.json", second_text);
  g_autofree char *c = write_config_file ("southwind.json", other_text);
  g_autoptr(CertoImportResult) first = NULL;
  g_autoptr(CertoImportResult) second = NULL;
  g_autoptr(CertoImportResult) other = NULL;
  g_autoptr(GError) error = NULL;
  CertoSource *source;
  gint64 doc_id, storage_id;
  gboolean recorded = FALSE;

  load (fixture);
  first = import_file (fixture, a, &error);
  g_assert_no_error (error);
  doc_id = certo_document_get_id (find (fixture, "doc-3"));
  storage_id = certo_service_get_id (find (fixture, "storage"));

  second = import_file (fixture, b, &error);
  g_assert_no_error (error);
  g_assert_cmpint (second->source_id, ==, first->source_id);
  g_assert_cmpuint (count_user_sources (fixture), ==, 1);
  source = certo_catalog_find_source (fixture->catalog, second->source_id);
  g_assert_cmpstr (certo_source_get_location (source), ==, b);
  g_assert_cmpstr (certo_source_get_feed_id (source), ==, "northwind");
  g_assert_cmpuint (certo_source_get_n_documents (source), ==, 6);
  g_assert_cmpint (certo_document_get_id (find (fixture, "doc-3")), ==, doc_id);
  g_assert_cmpint (certo_service_get_id (find (fixture, "storage")), ==, storage_id);
  g_assert_null (certo_catalog_find_by_key (fixture->catalog, "doc-0"));
  {
    g_autoptr(GListModel) found = certo_catalog_search_services (fixture->catalog, "storage");

    g_assert_cmpuint (g_list_model_get_n_items (found), ==, 1);
  }

  /* what changed is history: doc-0 withdrawn, doc-6 added */
  for (guint i = 0; i < g_list_model_get_n_items (certo_catalog_get_changes (fixture->catalog)); i++)
    {
      g_autoptr(CertoChange) change = g_list_model_get_item (certo_catalog_get_changes (fixture->catalog), i);

      recorded |= g_strcmp0 (certo_change_get_key (change), "doc-6") == 0 &&
                  certo_change_get_kind (change) == CERTO_CHANGE_DOCUMENT_ADDED;
    }
  g_assert_true (recorded);

  /* The first file again: still the one source, back at that location */
  g_clear_pointer (&first, certo_import_result_free);
  first = import_file (fixture, a, &error);
  g_assert_no_error (error);
  g_assert_cmpint (first->source_id, ==, second->source_id);
  g_assert_cmpstr (certo_source_get_location (certo_catalog_find_source (fixture->catalog, first->source_id)), ==, a);
  g_assert_cmpuint (count_user_sources (fixture), ==, 1);

  /* Another feed id: another source */
  other = import_file (fixture, c, &error);
  g_assert_no_error (error);
  g_assert_cmpint (other->source_id, !=, first->source_id);
  g_assert_cmpuint (count_user_sources (fixture), ==, 2);
}

/* Content with the id of a built-in source replaces it: its rows are
 * hidden, not deleted, and come back when the user's source goes */
static void
test_replaces_builtin (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *text = numbered_feed ("microsoft-iso27001", 0, 2);
  g_autofree char *path = write_config_file ("mine.json", text);
  g_autoptr(CertoImportResult) imported = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  CertoSource *builtin;
  guint n_builtin_documents;

  certo_catalog_set_builtin_path (fixture->catalog, "/io/github/certo/Certo/catalogs/");
  load (fixture);
  n_builtin_documents = g_list_model_get_n_items (certo_catalog_get_documents (fixture->catalog));
  g_assert_cmpuint (n_builtin_documents, >, 2);
  g_assert_nonnull (certo_catalog_find_by_key (fixture->catalog, "intune"));

  imported = import_file (fixture, path, &error);
  g_assert_no_error (error);
  builtin = CERTO_SOURCE (certo_catalog_find_by_key (fixture->catalog, "builtin:microsoft-iso27001"));
  g_assert_cmpint (certo_source_get_replaced_by (builtin), ==, imported->source_id);
  g_assert_cmpuint (certo_source_get_n_documents (builtin), ==, n_builtin_documents);
  g_assert_cmpuint (g_list_model_get_n_items (certo_catalog_get_documents (fixture->catalog)), ==, 2);
  g_assert_null (certo_catalog_find_by_key (fixture->catalog, "intune"));
  {
    g_autoptr(GListModel) found = certo_catalog_search_services (fixture->catalog, "intune");

    g_assert_cmpuint (g_list_model_get_n_items (found), ==, 0);
  }

  certo_catalog_remove_source_async (fixture->catalog,
                                     certo_catalog_find_source (fixture->catalog, imported->source_id),
                                     NULL, result_cb, &result);
  certo_test_wait_async (&result);
  g_assert_true (certo_catalog_remove_source_finish (fixture->catalog, result, &error));
  g_assert_no_error (error);

  builtin = CERTO_SOURCE (certo_catalog_find_by_key (fixture->catalog, "builtin:microsoft-iso27001"));
  g_assert_cmpint (certo_source_get_replaced_by (builtin), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (certo_catalog_get_documents (fixture->catalog)), ==, n_builtin_documents);
  g_assert_nonnull (certo_catalog_find_by_key (fixture->catalog, "intune"));
}

/* The reporter's files: the seed (what the built-in catalog is made
 * from), the 2020 article and the 2023 one, all microsoft-iso27001 */
static void
test_real_articles_one_source (Fixture       *fixture,
                               gconstpointer  data)
{
  static const char * const files[] = {
    "seeds/000_075bc22780f9941d.txt",
    "data/offerings/offering-ISO-27001.en-2020.md",
    "data/offerings/offering-ISO-27001.en-2023.md",
  };
  g_autoptr(GError) error = NULL;
  gint64 source_id = 0;
  gint64 intune_id = 0;
  CertoSource *builtin;

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    if (certo_test_skip_unless_shared (files[i]))
      return;

  certo_catalog_set_builtin_path (fixture->catalog, "/io/github/certo/Certo/catalogs/");
  load (fixture);

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = certo_test_shared_path (files[i]);
      g_autoptr(CertoImportResult) imported = NULL;
      g_autoptr(GListModel) intune = NULL;

      /* 2023 restructured the article and dropped many documents: the
       * shrink guard asks for a confirmation */
      imported = import_file (fixture, path, &error);
      if (i == 2)
        {
          g_assert_null (imported);
          g_assert_error (error, CERTO_STORE_ERROR, CERTO_STORE_ERROR_WOULD_WITHDRAW);
          g_clear_error (&error);
          imported = import_file_flags (fixture, path, CERTO_IMPORT_ACCEPT_REMOVALS, &error);
        }
      g_assert_no_error (error);
      if (source_id == 0)
        source_id = imported->source_id;
      g_assert_cmpint (imported->source_id, ==, source_id);
      g_assert_cmpuint (count_user_sources (fixture), ==, 1);
      {
        g_autofree char *canonical = g_canonicalize_filename (path, NULL);

        g_assert_cmpstr (certo_source_get_location (certo_catalog_find_source (fixture->catalog, source_id)), ==, canonical);
      }

      intune = certo_catalog_search_services (fixture->catalog, "Intune");
      g_assert_cmpuint (g_list_model_get_n_items (intune), ==, 1);
      /* the same service, the same id, from one file to the next */
      {
        g_autoptr(CertoService) service = g_list_model_get_item (intune, 0);

        if (intune_id == 0)
          intune_id = certo_service_get_id (service);
        g_assert_cmpint (certo_service_get_id (service), ==, intune_id);
      }
    }

  builtin = CERTO_SOURCE (certo_catalog_find_by_key (fixture->catalog, "builtin:microsoft-iso27001"));
  g_assert_cmpint (certo_source_get_replaced_by (builtin), ==, source_id);
}

/* A file that withdraws most of a source's documents is refused, and
 * leaves everything as it was, unless the caller accepts it */
static void
test_shrink_guard (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *full = numbered_feed ("northwind", 0, 10);
  g_autofree char *few = numbered_feed ("northwind", 0, 4);
  g_autofree char *some = numbered_feed ("northwind", 0, 6);
  g_autofree char *path = write_config_file ("northwind.json", full);
  g_autofree char *cut_path = write_config_file ("northwind-cut.json", few);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(CertoImportResult) first = NULL;
  g_autoptr(CertoImportResult) refused = NULL;
  g_autoptr(CertoImportResult) accepted = NULL;
  g_autoptr(CertoImportResult) fewer = NULL;
  g_autoptr(GError) error = NULL;

  load (fixture);
  first = import_file (fixture, path, &error);
  g_assert_no_error (error);
  before = certo_test_dir_digest (fixture->dir);

  /* 6 of 10 withdrawn: refused, nothing changed */
  refused = import_file (fixture, cut_path, &error);
  g_assert_null (refused);
  g_assert_error (error, CERTO_STORE_ERROR, CERTO_STORE_ERROR_WOULD_WITHDRAW);
  g_assert_nonnull (strstr (error->message, "northwind-cut.json” would withdraw 6 of the 10 documents of “Northwind”"));
  g_assert_nonnull (strstr (error->message, "accepting the removals"));
  g_clear_error (&error);
  after = certo_test_dir_digest (fixture->dir);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (g_list_model_get_n_items (certo_catalog_get_documents (fixture->catalog)), ==, 10);
  g_assert_cmpstr (certo_source_get_location (certo_catalog_find_source (fixture->catalog, first->source_id)), ==, path);

  /* accepted */
  accepted = import_file_flags (fixture, cut_path, CERTO_IMPORT_ACCEPT_REMOVALS, &error);
  g_assert_no_error (error);
  g_assert_cmpint (accepted->source_id, ==, first->source_id);
  g_assert_cmpuint (g_list_model_get_n_items (certo_catalog_get_documents (fixture->catalog)), ==, 4);

  /* growing back, and small changes, need nothing */
  write_file (path, some);
  fewer = import_file (fixture, path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (certo_catalog_get_documents (fixture->catalog)), ==, 6);
  g_clear_pointer (&fewer, certo_import_result_free);
  write_file (path, few);
  fewer = import_file (fixture, path, &error);   /* 2 of 6: under half */
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (certo_catalog_get_documents (fixture->catalog)), ==, 4);
}

/* A cut-off copy of a good article, imported over it, changes nothing */
static void
test_cut_off_article_changes_nothing (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autofree char *cut_path = g_build_filename (g_get_user_config_dir (), "a.md", NULL);
  g_autofree char *lines_path = g_build_filename (g_get_user_config_dir (), "lines.md", NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(CertoImportResult) full = NULL;
  g_autoptr(CertoImportResult) cut = NULL;
  g_autoptr(GError) error = NULL;
  const char *text;
  const char *end_of_lines;
  gsize length = 0;
  guint n_documents;

  if (certo_test_skip_unless_shared ("data/offerings/offering-ISO-27001.en-2020.md"))
    return;
  path = certo_test_shared_path ("data/offerings/offering-ISO-27001.en-2020.md");
  bytes = certo_test_load_bytes (path);
  text = g_bytes_get_data (bytes, &length);
  g_assert_cmpint (g_mkdir_with_parents (g_get_user_config_dir (), 0700), ==, 0);

  load (fixture);
  full = import_file (fixture, path, &error);
  g_assert_no_error (error);
  n_documents = g_list_model_get_n_items (certo_catalog_get_documents (fixture->catalog));
  g_assert_cmpuint (n_documents, ==, 28);

  /* head -c 6138: cut in a link */
  g_assert_true (g_file_set_contents (cut_path, text, 6138, NULL));
  cut = import_file (fixture, cut_path, &error);
  g_assert_null (cut);
  g_assert_error (error, CERTO_PARSE_ERROR, CERTO_PARSE_ERROR_TRUNCATED);
  g_clear_error (&error);
  g_assert_cmpuint (g_list_model_get_n_items (certo_catalog_get_documents (fixture->catalog)), ==, n_documents);

  /* cut between two lines, which the parser cannot tell: the guard */
  end_of_lines = g_strstr_len (text, length, "\n## Assessments and reports");
  g_assert_nonnull (end_of_lines);
  g_assert_true (g_file_set_contents (lines_path, text, end_of_lines + 1 - text, NULL));
  cut = import_file (fixture, lines_path, &error);
  g_assert_null (cut);
  g_assert_error (error, CERTO_STORE_ERROR, CERTO_STORE_ERROR_WOULD_WITHDRAW);
  g_assert_cmpuint (g_list_model_get_n_items (certo_catalog_get_documents (fixture->catalog)), ==, n_documents);
}

/* Environments are found by their in-scope services' names */
static void
test_search_environments (Fixture       *fixture,
                          gconstpointer  data)
{
  CertoCatalogUpdate *update = seed_like_update ();
  CertoUpdateEnvironment *env = certo_update_environment_new ();

  env->id = g_strdup ("commercial");
  env->name = certo_localized_new_plain ("Commercial");
  env->family = g_strdup ("office365");
  strv_add (env->service_names, "Exchange Online Protection", "SharePoint Online", NULL);
  g_ptr_array_add (update->environments, env);
  import_update (fixture, "file:///seed.md", update);
  load (fixture);

  assert_keys (certo_catalog_search_environments (fixture->catalog, "exchange online"), "commercial gcc-high");
  assert_keys (certo_catalog_search_environments (fixture->catalog, "EXCHANGE online protection"), "commercial");
  /* every word in one service's name, not across two */
  assert_keys (certo_catalog_search_environments (fixture->catalog, "protection sharepoint"), "");
  /* the environment's own name, and its family's */
  assert_keys (certo_catalog_search_environments (fixture->catalog, "gcc high"), "gcc-high");
  assert_keys (certo_catalog_search_environments (fixture->catalog, "office 365 commercial"), "commercial");
}

/* A bare number is a document's id; other kinds need their letter, so
 * the ids certo-cli prints are never ambiguous */
static void
test_find_references (Fixture       *fixture,
                      gconstpointer  data)
{
  CertoDocument *document;
  CertoService *service;
  CertoFamily *family;
  CertoEnvironment *environment;
  g_autofree char *d = NULL;
  g_autofree char *bare = NULL;
  g_autofree char *s = NULL;
  g_autofree char *f = NULL;
  g_autofree char *e = NULL;

  import_update (fixture, "file:///seed.md", seed_like_update ());
  load (fixture);
  document = find (fixture, "azure-cert");
  service = find (fixture, "intune");
  family = find (fixture, "azure");
  environment = find (fixture, "gcc-high");
  g_assert_true (CERTO_IS_ENVIRONMENT (environment));

  d = g_strdup_printf ("d%" G_GINT64_FORMAT, certo_document_get_id (document));
  bare = g_strdup_printf ("%" G_GINT64_FORMAT, certo_document_get_id (document));
  s = g_strdup_printf ("s%" G_GINT64_FORMAT, certo_service_get_id (service));
  f = g_strdup_printf ("f%" G_GINT64_FORMAT, certo_family_get_id (family));
  e = g_strdup_printf ("e%" G_GINT64_FORMAT, certo_environment_get_id (environment));
  g_assert_true (certo_catalog_find_by_key (fixture->catalog, d) == G_OBJECT (document));
  g_assert_true (certo_catalog_find_by_key (fixture->catalog, bare) == G_OBJECT (document));
  g_assert_true (certo_catalog_find_by_key (fixture->catalog, s) == G_OBJECT (service));
  g_assert_true (certo_catalog_find_by_key (fixture->catalog, f) == G_OBJECT (family));
  g_assert_true (certo_catalog_find_by_key (fixture->catalog, e) == G_OBJECT (environment));
  g_assert_true (certo_catalog_find_environment (fixture->catalog, certo_environment_get_id (environment)) == environment);

  /* The service's row id alone names a document, or nothing */
  {
    g_autofree char *service_number = g_strdup_printf ("%" G_GINT64_FORMAT, certo_service_get_id (service));
    GObject *found = certo_catalog_find_by_key (fixture->catalog, service_number);

    g_assert_true (found == NULL || CERTO_IS_DOCUMENT (found));
  }
  g_assert_null (certo_catalog_find_by_key (fixture->catalog, "s99999"));
  g_assert_null (certo_catalog_find_by_key (fixture->catalog, "x1"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(name, func) \
  g_test_add ("/catalog/" name, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("load-one-change-per-model", test_load_one_change_per_model);
  ADD ("cross-references", test_cross_references);
  ADD ("search", test_search);
  ADD ("language", test_language);
  ADD ("find", test_find);
  ADD ("import-file", test_import_file);
  ADD ("import-bad-file-changes-nothing", test_import_bad_file);
  ADD ("remove-source", test_remove_source);
  ADD ("stale-builtin-removed", test_stale_builtin_removed);
  ADD ("embedded-catalog", test_embedded);
  ADD ("identity/same-feed-id-one-source", test_same_feed_id_one_source);
  ADD ("identity/replaces-builtin", test_replaces_builtin);
  ADD ("identity/real-articles-one-source", test_real_articles_one_source);
  ADD ("shrink-guard", test_shrink_guard);
  ADD ("shrink-guard/cut-off-article", test_cut_off_article_changes_nothing);
  ADD ("search-environments", test_search_environments);
  ADD ("find-references", test_find_references);

  return g_test_run ();
}
