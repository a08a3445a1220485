/* test-store.c — the catalog database: schema, migrations, refusals,
 * imports with stable ids, atomicity, removal, statement cache
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <sys/stat.h>

#include "certo.h"
#include "certo-store-private.h"
#include "certo-test-util.h"

typedef struct
{
  char *dir;        /* the data folder; created by the store */
  char *path;
  CertoStore *store;
} Fixture;

/* Helpers */

static void
result_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static gboolean
open_sync (CertoStore  *store,
           GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  certo_store_open_async (store, NULL, result_cb, &result);
  certo_test_wait_async (&result);
  return certo_store_open_finish (store, result, error);
}

static gint64
import_sync (CertoStore         *store,
             const char         *key,
             CertoSourceKind     kind,
             CertoCatalogUpdate *update,
             GError            **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  CertoSourceSpec spec = {
    .key = key,
    .kind = kind,
    .format = CERTO_SOURCE_FORMAT_CATALOG,
    .content_hash = "0123abcd",
  };

  certo_store_import_async (store, &spec, update, NULL, result_cb, &result);
  certo_test_wait_async (&result);
  return certo_store_import_finish (store, result, error);
}

static CertoCatalogUpdate *
with_feed_id (CertoCatalogUpdate *update,
              const char         *id)
{
  g_free (update->id);
  update->id = g_strdup (id);
  return update;
}

static CertoCatalogSnapshot *
load_sync (CertoStore *store)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  CertoCatalogSnapshot *snapshot;

  certo_store_load_async (store, NULL, result_cb, &result);
  certo_test_wait_async (&result);
  snapshot = certo_store_load_finish (store, result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (snapshot);
  return snapshot;
}

static gboolean
remove_sync (CertoStore  *store,
             gint64       source_id,
             GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  certo_store_remove_source_async (store, source_id, NULL, result_cb, &result);
  certo_test_wait_async (&result);
  return certo_store_remove_source_finish (store, result, error);
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

/* Shaped like the seed: an Azure certificate covering Intune and more */
static CertoCatalogUpdate *
fixture_update (void)
{
  CertoCatalogUpdate *update = certo_catalog_update_new (CERTO_UPDATE_FORMAT_CATALOG);
  CertoUpdateStandard *standard;
  CertoUpdateFamily *family;
  CertoUpdateService *service;
  CertoUpdateDocument *d;
  CertoUpdateEnvironment *env;

  update->id = g_strdup ("fixture");
  update->title = text2 ("Fixture — ISO/IEC 27001", "Fixture — ISO/IEC 27001 (it)");
  update->publisher = g_strdup ("Microsoft");
  update->updated = g_strdup ("2020-02-07");

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
  family->id = g_strdup ("office365");
  family->name = certo_localized_new_plain ("Office 365");
  g_ptr_array_add (update->families, family);

  service = certo_update_service_new ();
  service->id = g_strdup ("intune");
  service->name = certo_localized_new_plain ("Intune");
  g_ptr_array_add (update->services, service);
  service = certo_update_service_new ();
  service->id = g_strdup ("genomics");
  service->name = text2 ("Genomics", "Genòmica");
  g_ptr_array_add (update->services, service);
  service = certo_update_service_new ();
  service->id = g_strdup ("power-bi");
  service->name = certo_localized_new_plain ("Power BI");
  strv_add (service->families, "office365", NULL);
  g_ptr_array_add (update->services, service);

  d = add_document (update, "azure-cert", CERTO_DOCUMENT_KIND_CERTIFICATE,
                    text2 ("Azure, Genomics, Intune — ISO 27001 Certificate",
                           "Azure, Genomica, Intune - Certificato ISO 27001"),
                    "azure");
  strv_add (d->standards, "iso27001-2013", "iso27018", NULL);
  strv_add (d->services, "intune", "genomics", NULL);
  strv_add (d->service_names, "Microsoft Datacenter", NULL);
  d->issuer = g_strdup ("BSI");
  d->certificate_number = g_strdup ("IS 533913");
  d->issued = g_strdup ("2019-11-05");
  d->expires = g_strdup ("2022-11-05");
  g_ptr_array_add (d->urls, g_strdup ("https://example.com/mirror"));

  d = add_document (update, "azure-report", CERTO_DOCUMENT_KIND_AUDIT_REPORT,
                    text2 ("Azure — ISO 27001 Audit Assessment Report",
                           "Azure - Report di valutazione di controllo ISO 27001"),
                    "azure");
  strv_add (d->standards, "iso27001-2013", NULL);
  strv_add (d->services, "intune", "power-bi", NULL);

  d = add_document (update, "o365-cert", CERTO_DOCUMENT_KIND_CERTIFICATE,
                    text2 ("Office 365 — ISO 27001 Certificate", NULL), "office365");
  strv_add (d->standards, "iso27001-2013", NULL);

  env = certo_update_environment_new ();
  env->id = g_strdup ("o365-gcc");
  env->name = certo_localized_new_plain ("GCC");
  env->family = g_strdup ("office365");
  strv_add (env->service_names, "Exchange Online", "SharePoint Online", NULL);
  g_ptr_array_add (update->environments, env);

  return update;
}

static gpointer
find_key (GPtrArray  *objects,
          const char *key)
{
  for (guint i = 0; i < objects->len; i++)
    {
      g_autofree char *k = NULL;

      g_object_get (g_ptr_array_index (objects, i), "key", &k, NULL);
      if (g_strcmp0 (k, key) == 0)
        return g_ptr_array_index (objects, i);
    }
  return NULL;
}

static gint64
id_of (GPtrArray  *objects,
       const char *key)
{
  gpointer obj = find_key (objects, key);
  gint64 id = 0;

  g_assert_nonnull (obj);
  g_object_get (obj, "id", &id, NULL);
  return id;
}

/* A raw connection, to look at the file the way another program would */
static sqlite3 *
raw_open (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  return db;
}

static gint64
raw_int (sqlite3    *db,
         const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static char *
raw_text (sqlite3    *db,
          const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

static void
raw_exec (const char *path,
          const char *sql)
{
  sqlite3 *db = raw_open (path);

  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

/* Fixture */

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  /* Isolated per test by G_TEST_OPTION_ISOLATE_DIRS; not created yet, so
   * the store must create it */
  fixture->dir = g_build_filename (g_get_user_data_dir (), "certo", NULL);
  fixture->path = g_build_filename (fixture->dir, "catalog.db", NULL);
  fixture->store = certo_store_new (fixture->path);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  certo_store_close (fixture->store);
  g_assert_finalize_object (fixture->store);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static void
reopen (Fixture *fixture)
{
  certo_store_close (fixture->store);
  g_assert_finalize_object (fixture->store);
  fixture->store = certo_store_new (fixture->path);
}

/* Tests */

static void
test_schema_created (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *journal = NULL;
  GStatBuf st;
  sqlite3 *db;

  g_assert_false (g_file_test (fixture->dir, G_FILE_TEST_EXISTS));
  g_assert_true (open_sync (fixture->store, &error));
  g_assert_no_error (error);

  g_assert_cmpint (g_stat (fixture->dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);

  certo_store_close (fixture->store);
  db = raw_open (fixture->path);
  g_assert_cmpint (raw_int (db, "PRAGMA user_version"), ==, CERTO_STORE_SCHEMA_VERSION);
  g_assert_cmpint (raw_int (db, "PRAGMA application_id"), ==, CERTO_STORE_APPLICATION_ID);
  journal = raw_text (db, "PRAGMA journal_mode");
  g_assert_cmpstr (journal, ==, "wal");
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name IN"
                                " ('sources', 'standards', 'families', 'services', 'documents',"
                                "  'environments', 'document_standards', 'document_services',"
                                "  'document_urls', 'service_families', 'environment_service_names')"),
                   ==, 11);
  sqlite3_close (db);
}

static void
test_reopen_keeps_data (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CertoCatalogSnapshot) before = NULL;
  g_autoptr(CertoCatalogSnapshot) after = NULL;
  gint64 source_id;

  source_id = import_sync (fixture->store, "file:///fixture.json", CERTO_SOURCE_KIND_FILE,
                           fixture_update (), &error);
  g_assert_no_error (error);
  g_assert_cmpint (source_id, >, 0);
  before = load_sync (fixture->store);

  reopen (fixture);
  after = load_sync (fixture->store);

  g_assert_cmpuint (after->documents->len, ==, 3);
  g_assert_cmpuint (after->services->len, ==, 3);
  g_assert_cmpuint (after->families->len, ==, 2);
  g_assert_cmpuint (after->standards->len, ==, 2);
  g_assert_cmpuint (after->environments->len, ==, 1);
  g_assert_cmpuint (after->sources->len, ==, 1);
  for (guint i = 0; i < before->documents->len; i++)
    {
      CertoDocument *a = g_ptr_array_index (before->documents, i);
      CertoDocument *b = g_ptr_array_index (after->documents, i);

      g_assert_cmpint (certo_document_get_id (a), ==, certo_document_get_id (b));
      g_assert_cmpstr (certo_document_get_title (a), ==, certo_document_get_title (b));
    }
}

static void
test_snapshot_content (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CertoCatalogSnapshot) s = NULL;
  CertoDocument *cert;
  CertoService *service;
  CertoSource *source;
  CertoEnvironment *env;
  const gint64 *ids;
  guint n_ids = 0;

  g_setenv ("LANGUAGE", "en", TRUE);
  import_sync (fixture->store, "file:///fixture.json", CERTO_SOURCE_KIND_FILE, fixture_update (), &error);
  g_assert_no_error (error);
  s = load_sync (fixture->store);

  /* Documents by family (Azure, Office 365), kind (certificates first), title */
  g_assert_cmpstr (certo_document_get_key (g_ptr_array_index (s->documents, 0)), ==, "azure-cert");
  g_assert_cmpstr (certo_document_get_key (g_ptr_array_index (s->documents, 1)), ==, "azure-report");
  g_assert_cmpstr (certo_document_get_key (g_ptr_array_index (s->documents, 2)), ==, "o365-cert");
  g_assert_cmpstr (certo_service_get_name (g_ptr_array_index (s->services, 0)), ==, "Genomics");
  g_assert_cmpstr (certo_service_get_name (g_ptr_array_index (s->services, 1)), ==, "Intune");
  g_assert_cmpstr (certo_service_get_name (g_ptr_array_index (s->services, 2)), ==, "Power BI");

  cert = find_key (s->documents, "azure-cert");
  g_assert_cmpint (certo_document_get_kind (cert), ==, CERTO_DOCUMENT_KIND_CERTIFICATE);
  g_assert_cmpstr (certo_document_get_kind_label (cert), ==, "Certificate");
  g_assert_cmpstr (certo_document_get_family_name (cert), ==, "Azure");
  g_assert_cmpstr (certo_document_get_standards_label (cert), ==, "ISO/IEC 27001:2013, ISO/IEC 27018");
  g_assert_cmpstr (certo_document_get_issuer (cert), ==, "BSI");
  g_assert_cmpstr (certo_document_get_certificate_number (cert), ==, "IS 533913");
  g_assert_cmpstr (certo_document_get_issued (cert), ==, "2019-11-05");
  g_assert_cmpstr (certo_document_get_expires (cert), ==, "2022-11-05");
  g_assert_cmpstr (certo_document_get_url (cert), ==, "https://example.com/azure-cert");
  g_assert_cmpstrv (certo_document_get_urls (cert),
                    ((const char *[]) { "https://example.com/azure-cert", "https://example.com/mirror", NULL }));
  g_assert_cmpstrv (certo_document_get_service_names (cert),
                    ((const char *[]) { "Microsoft Datacenter", NULL }));
  ids = certo_document_get_service_ids (cert, &n_ids);
  g_assert_cmpuint (n_ids, ==, 2);
  g_assert_cmpint (ids[0], ==, id_of (s->services, "intune"));
  g_assert_cmpint (ids[1], ==, id_of (s->services, "genomics"));
  g_assert_nonnull (strstr (certo_document_get_search_text (cert), "genomica"));
  g_assert_nonnull (strstr (certo_document_get_search_text (cert), "microsoft datacenter"));
  g_assert_nonnull (strstr (certo_document_get_search_text (cert), "is 533913"));

  /* The BSI directory search for the certificate number */
  {
    g_autofree char *verify = certo_document_dup_verify_url (cert);

    g_assert_cmpstr (verify, ==, "https://www.bsigroup.com/en-GB/validate-bsi-issued-certificates/"
                                 "client-directory-results/?searchkey=licencenumber%3DIS%20533913");
  }

  /* Power BI: declared Office 365, and Azure through the Azure report */
  service = find_key (s->services, "power-bi");
  g_assert_cmpstr (certo_service_get_families_label (service), ==, "Azure, Office 365");
  g_assert_cmpuint (certo_service_get_n_documents (service), ==, 1);
  service = find_key (s->services, "intune");
  g_assert_cmpstr (certo_service_get_families_label (service), ==, "Azure");
  g_assert_cmpuint (certo_service_get_n_documents (service), ==, 2);
  ids = certo_service_get_family_ids (service, &n_ids);
  g_assert_cmpuint (n_ids, ==, 1);
  g_assert_cmpint (ids[0], ==, id_of (s->families, "azure"));

  g_assert_cmpuint (certo_family_get_n_documents (find_key (s->families, "azure")), ==, 2);
  g_assert_cmpstr (certo_family_get_publisher (find_key (s->families, "azure")), ==, "Microsoft");
  g_assert_true (certo_standard_is_iso27001_2013 (find_key (s->standards, "iso27001-2013")));
  g_assert_false (certo_standard_is_iso27001_2013 (find_key (s->standards, "iso27018")));

  env = g_ptr_array_index (s->environments, 0);
  g_assert_cmpstr (certo_environment_get_name (env), ==, "GCC");
  g_assert_cmpstr (certo_environment_get_family_name (env), ==, "Office 365");
  g_assert_cmpstrv (certo_environment_get_service_names (env),
                    ((const char *[]) { "Exchange Online", "SharePoint Online", NULL }));

  source = g_ptr_array_index (s->sources, 0);
  g_assert_cmpstr (certo_source_get_key (source), ==, "file:///fixture.json");
  g_assert_cmpstr (certo_source_get_name (source), ==, "Fixture — ISO/IEC 27001");
  g_assert_cmpint (certo_source_get_kind (source), ==, CERTO_SOURCE_KIND_FILE);
  g_assert_cmpstr (certo_source_get_content_date (source), ==, "2020-02-07");
  g_assert_cmpstr (certo_source_get_content_hash (source), ==, "0123abcd");
  g_assert_nonnull (certo_source_get_last_refresh (source));
  g_assert_cmpuint (certo_source_get_n_documents (source), ==, 3);
  g_assert_true (certo_source_is_removable (source));
}

static const char * const good_migrations[] = {
  "PRAGMA application_id = 1131574339; CREATE TABLE a (x INTEGER);",
  "INSERT INTO a VALUES (1);",   /* needs migration 1 first */
  "CREATE TABLE b (y INTEGER);",
};

static const char * const failing_migrations[] = {
  "PRAGMA application_id = 1131574339; CREATE TABLE a (x INTEGER);",
  "INSERT INTO a VALUES (1);",
  /* Creates a table, then fails: the whole migration must vanish */
  "CREATE TABLE b (y INTEGER); INSERT INTO nowhere VALUES (1);",
};

static void
test_migrations (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db;

  certo_store_set_migrations_for_testing (fixture->store, failing_migrations,
                                          G_N_ELEMENTS (failing_migrations));
  g_assert_false (open_sync (fixture->store, &error));
  g_assert_error (error, CERTO_STORE_ERROR, CERTO_STORE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "schema 3"));
  g_test_message ("%s", error->message);
  g_clear_error (&error);

  certo_store_close (fixture->store);
  db = raw_open (fixture->path);
  g_assert_cmpint (raw_int (db, "PRAGMA user_version"), ==, 2);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM a"), ==, 1);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM sqlite_schema WHERE name = 'b'"), ==, 0);
  sqlite3_close (db);

  /* The fixed migration 3 runs alone; 1 and 2 are not run again */
  reopen (fixture);
  certo_store_set_migrations_for_testing (fixture->store, good_migrations,
                                          G_N_ELEMENTS (good_migrations));
  g_assert_true (open_sync (fixture->store, &error));
  g_assert_no_error (error);
  certo_store_close (fixture->store);

  db = raw_open (fixture->path);
  g_assert_cmpint (raw_int (db, "PRAGMA user_version"), ==, 3);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM a"), ==, 1);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM b"), ==, 0);
  sqlite3_close (db);
}

static void
assert_refused_unchanged (Fixture    *fixture,
                          int         code,
                          const char *message_part)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sum_before = certo_test_file_sha256 (fixture->path);
  g_autofree char *dir_before = certo_test_dir_digest (fixture->dir);
  g_autofree char *sum_after = NULL;
  g_autofree char *dir_after = NULL;

  g_assert_false (open_sync (fixture->store, &error));
  g_assert_error (error, CERTO_STORE_ERROR, code);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, fixture->path));
  if (message_part != NULL)
    g_assert_nonnull (strstr (error->message, message_part));

  /* Refused again on a second try, still without touching anything */
  g_clear_error (&error);
  g_assert_false (open_sync (fixture->store, &error));
  g_assert_error (error, CERTO_STORE_ERROR, code);

  certo_store_close (fixture->store);
  sum_after = certo_test_file_sha256 (fixture->path);
  dir_after = certo_test_dir_digest (fixture->dir);
  g_assert_cmpstr (sum_before, ==, sum_after);
  g_assert_cmpstr (dir_before, ==, dir_after);
}

static void
test_newer_schema_refused (Fixture       *fixture,
                           gconstpointer  data)
{
  g_assert_cmpint (g_mkdir_with_parents (fixture->dir, 0700), ==, 0);
  raw_exec (fixture->path,
            "PRAGMA application_id = 1131574339;"
            "CREATE TABLE future (x);"
            "INSERT INTO future VALUES ('from Certo 9');"
            "PRAGMA user_version = 7;");

  assert_refused_unchanged (fixture, CERTO_STORE_ERROR_NEWER_SCHEMA,
                            "newer version of Certo (schema 7, this version reads up to "
                            G_STRINGIFY (CERTO_STORE_SCHEMA_VERSION) ")");
}

/* The same for a file in WAL mode, as a newer Certo leaves it: reading
 * it creates -wal and -shm files, which must be gone again */
static void
test_newer_schema_wal_refused (Fixture       *fixture,
                               gconstpointer  data)
{
  g_assert_cmpint (g_mkdir_with_parents (fixture->dir, 0700), ==, 0);
  raw_exec (fixture->path,
            "PRAGMA journal_mode = WAL;"
            "PRAGMA application_id = 1131574339;"
            "CREATE TABLE future (x);"
            "PRAGMA user_version = 6;");

  assert_refused_unchanged (fixture, CERTO_STORE_ERROR_NEWER_SCHEMA, "(schema 6, ");
}

static void
test_not_a_database_refused (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < 200; i++)
    g_string_append (text, "This is a text file, not a catalog. ");
  g_assert_cmpint (g_mkdir_with_parents (fixture->dir, 0700), ==, 0);
  g_file_set_contents (fixture->path, text->str, text->len, &error);
  g_assert_no_error (error);

  assert_refused_unchanged (fixture, CERTO_STORE_ERROR_CORRUPT, "not an SQLite database");
}

static void
test_other_database_refused (Fixture       *fixture,
                             gconstpointer  data)
{
  g_assert_cmpint (g_mkdir_with_parents (fixture->dir, 0700), ==, 0);
  raw_exec (fixture->path, "CREATE TABLE invoices (amount); INSERT INTO invoices VALUES (12);");

  assert_refused_unchanged (fixture, CERTO_STORE_ERROR_CORRUPT, "another program");
}

static CertoCatalogUpdate *
changed_update (void)
{
  CertoCatalogUpdate *update = fixture_update ();

  /* azure-report goes, new-doc comes */
  g_ptr_array_remove_index (update->documents, 1);
  add_document (update, "new-doc", CERTO_DOCUMENT_KIND_WHITEPAPER,
                certo_localized_new_plain ("A new white paper"), "azure");
  return update;
}

static void
test_reimport_keeps_ids (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CertoCatalogSnapshot) a = NULL;
  g_autoptr(CertoCatalogSnapshot) b = NULL;
  gint64 first, second;

  first = import_sync (fixture->store, "file:///f.json", CERTO_SOURCE_KIND_FILE, fixture_update (), &error);
  g_assert_no_error (error);
  a = load_sync (fixture->store);

  second = import_sync (fixture->store, "file:///f.json", CERTO_SOURCE_KIND_FILE, changed_update (), &error);
  g_assert_no_error (error);
  g_assert_cmpint (first, ==, second);
  b = load_sync (fixture->store);

  g_assert_cmpuint (b->documents->len, ==, 3);
  g_assert_cmpint (id_of (a->documents, "azure-cert"), ==, id_of (b->documents, "azure-cert"));
  g_assert_cmpint (id_of (a->documents, "o365-cert"), ==, id_of (b->documents, "o365-cert"));
  g_assert_null (find_key (b->documents, "azure-report"));
  g_assert_nonnull (find_key (b->documents, "new-doc"));
  g_assert_cmpint (id_of (b->documents, "new-doc"), >, id_of (a->documents, "azure-report"));
  for (guint i = 0; i < a->services->len; i++)
    {
      const char *key = certo_service_get_key (g_ptr_array_index (a->services, i));
      g_assert_cmpint (id_of (a->services, key), ==, id_of (b->services, key));
    }
  g_assert_cmpint (id_of (a->families, "azure"), ==, id_of (b->families, "azure"));
  g_assert_cmpint (id_of (a->standards, "iso27018"), ==, id_of (b->standards, "iso27018"));

  /* The links of the gone report went with it: Power BI has no document */
  g_assert_cmpuint (certo_service_get_n_documents (find_key (b->services, "power-bi")), ==, 0);
  g_assert_cmpstr (certo_service_get_families_label (find_key (b->services, "power-bi")), ==, "Office 365");
  /* …and the unchanged certificate kept its links */
  g_assert_cmpstr (certo_document_get_standards_label (find_key (b->documents, "azure-cert")),
                   ==, "ISO/IEC 27001:2013, ISO/IEC 27018");
}

static void
test_failed_import_keeps_old (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CertoCatalogSnapshot) before = NULL;
  g_autoptr(CertoCatalogSnapshot) after = NULL;
  CertoCatalogUpdate *bad;
  CertoUpdateDocument *d;

  import_sync (fixture->store, "file:///f.json", CERTO_SOURCE_KIND_FILE, fixture_update (), &error);
  g_assert_no_error (error);
  before = load_sync (fixture->store);

  /* Rows change, one goes, then the last document breaks a NOT NULL rule
   * (an update that skipped validation): the import fails half-way */
  bad = changed_update ();
  certo_localized_set (((CertoUpdateDocument *) g_ptr_array_index (bad->documents, 0))->title, "en", "Changed");
  d = add_document (bad, "broken", CERTO_DOCUMENT_KIND_OTHER, NULL, NULL);
  g_assert_null (d->title);
  g_assert_cmpint (import_sync (fixture->store, "file:///f.json", CERTO_SOURCE_KIND_FILE, bad, &error), ==, 0);
  g_assert_error (error, CERTO_STORE_ERROR, CERTO_STORE_ERROR_FAILED);
  g_test_message ("%s", error->message);
  g_clear_error (&error);

  after = load_sync (fixture->store);
  g_assert_cmpuint (after->documents->len, ==, before->documents->len);
  for (guint i = 0; i < before->documents->len; i++)
    {
      CertoDocument *a = g_ptr_array_index (before->documents, i);
      CertoDocument *b = g_ptr_array_index (after->documents, i);

      g_assert_cmpint (certo_document_get_id (a), ==, certo_document_get_id (b));
      g_assert_cmpstr (certo_document_get_title (a), ==, certo_document_get_title (b));
      g_assert_cmpstr (certo_document_get_standards_label (a), ==, certo_document_get_standards_label (b));
    }
  g_assert_null (find_key (after->documents, "new-doc"));
  g_assert_cmpstr (certo_source_get_last_refresh (g_ptr_array_index (before->sources, 0)), ==,
                   certo_source_get_last_refresh (g_ptr_array_index (after->sources, 0)));

  /* The connection is still usable afterwards */
  import_sync (fixture->store, "file:///f.json", CERTO_SOURCE_KIND_FILE, changed_update (), &error);
  g_assert_no_error (error);
}

static void
test_cancelled_import (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(CertoCatalogSnapshot) s = NULL;
  CertoSourceSpec spec = { .key = "file:///f.json", .kind = CERTO_SOURCE_KIND_FILE };

  g_cancellable_cancel (cancellable);
  certo_store_import_async (fixture->store, &spec, fixture_update (), cancellable, result_cb, &result);
  certo_test_wait_async (&result);
  g_assert_cmpint (certo_store_import_finish (fixture->store, result, &error), ==, 0);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  s = load_sync (fixture->store);
  g_assert_cmpuint (s->sources->len, ==, 0);
}

static void
test_two_sources_independent (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CertoCatalogSnapshot) a = NULL;
  g_autoptr(CertoCatalogSnapshot) b = NULL;
  gint64 one, two;
  guint n_one = 0;

  /* Two feeds with the same entries but ids of their own: two sources
   * (the same id would be one source, see test_same_feed_id_one_source) */
  one = import_sync (fixture->store, "file:///one.json", CERTO_SOURCE_KIND_FILE, fixture_update (), &error);
  g_assert_no_error (error);
  two = import_sync (fixture->store, "https://example.com/two.json", CERTO_SOURCE_KIND_URL,
                     with_feed_id (fixture_update (), "two"), &error);
  g_assert_no_error (error);
  g_assert_cmpint (one, !=, two);
  a = load_sync (fixture->store);
  g_assert_cmpuint (a->documents->len, ==, 6);
  g_assert_cmpuint (a->services->len, ==, 6);

  /* Re-importing the second with fewer rows leaves the first alone */
  import_sync (fixture->store, "https://example.com/two.json", CERTO_SOURCE_KIND_URL,
               with_feed_id (changed_update (), "two"), &error);
  g_assert_no_error (error);
  b = load_sync (fixture->store);
  g_assert_cmpuint (b->documents->len, ==, 6);
  for (guint i = 0; i < b->documents->len; i++)
    {
      CertoDocument *d = g_ptr_array_index (b->documents, i);

      if (certo_document_get_source_id (d) == one)
        n_one++;
      else
        g_assert_cmpstr (certo_document_get_key (d), !=, "azure-report");
    }
  g_assert_cmpuint (n_one, ==, 3);
  for (guint i = 0; i < a->documents->len; i++)
    {
      CertoDocument *d = g_ptr_array_index (a->documents, i);
      gboolean found = FALSE;

      if (certo_document_get_source_id (d) != one)
        continue;
      for (guint j = 0; j < b->documents->len; j++)
        found |= certo_document_get_id (g_ptr_array_index (b->documents, j)) == certo_document_get_id (d);
      g_assert_true (found);
    }
}

static void
test_remove_source (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CertoCatalogSnapshot) s = NULL;
  gint64 file_id, builtin_id;
  sqlite3 *db;

  builtin_id = import_sync (fixture->store, "builtin:fixture", CERTO_SOURCE_KIND_BUILTIN, fixture_update (), &error);
  g_assert_no_error (error);
  file_id = import_sync (fixture->store, "file:///f.json", CERTO_SOURCE_KIND_FILE, fixture_update (), &error);
  g_assert_no_error (error);

  g_assert_true (remove_sync (fixture->store, file_id, &error));
  g_assert_no_error (error);
  g_assert_false (remove_sync (fixture->store, file_id, &error));
  g_assert_error (error, CERTO_STORE_ERROR, CERTO_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (remove_sync (fixture->store, builtin_id, &error));
  g_assert_error (error, CERTO_STORE_ERROR, CERTO_STORE_ERROR_NOT_REMOVABLE);
  g_clear_error (&error);

  s = load_sync (fixture->store);
  g_assert_cmpuint (s->sources->len, ==, 1);
  g_assert_cmpuint (s->documents->len, ==, 3);
  g_assert_false (certo_source_is_removable (g_ptr_array_index (s->sources, 0)));

  /* Nothing of the removed source is left in any table */
  certo_store_close (fixture->store);
  db = raw_open (fixture->path);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM documents"), ==, 3);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM services"), ==, 3);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM families"), ==, 2);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM standards"), ==, 2);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM environments"), ==, 1);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM document_urls"), ==, 4);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM document_services"), ==, 5);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM document_standards"), ==, 4);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM service_families"), ==, 1);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM environment_service_names"), ==, 2);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
  sqlite3_close (db);
}

static void
test_source_hash (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) r1 = NULL;
  g_autoptr(GAsyncResult) r2 = NULL;
  g_autofree char *missing = NULL;
  g_autofree char *hash = NULL;
  gboolean exists = TRUE;

  certo_store_get_source_hash_async (fixture->store, "builtin:fixture", NULL, result_cb, &r1);
  certo_test_wait_async (&r1);
  missing = certo_store_get_source_hash_finish (fixture->store, r1, &exists, &error);
  g_assert_no_error (error);
  g_assert_null (missing);
  g_assert_false (exists);

  import_sync (fixture->store, "builtin:fixture", CERTO_SOURCE_KIND_BUILTIN, fixture_update (), &error);
  g_assert_no_error (error);
  certo_store_get_source_hash_async (fixture->store, "builtin:fixture", NULL, result_cb, &r2);
  certo_test_wait_async (&r2);
  hash = certo_store_get_source_hash_finish (fixture->store, r2, &exists, &error);
  g_assert_no_error (error);
  g_assert_true (exists);
  g_assert_cmpstr (hash, ==, "0123abcd");
}

static void
test_statement_cache (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint after_first;

  import_sync (fixture->store, "file:///f.json", CERTO_SOURCE_KIND_FILE, fixture_update (), &error);
  g_assert_no_error (error);
  certo_catalog_snapshot_free (load_sync (fixture->store));
  after_first = certo_store_get_n_prepares (fixture->store);
  g_assert_cmpuint (after_first, >, 10);

  for (guint i = 0; i < 3; i++)
    {
      import_sync (fixture->store, "file:///f.json", CERTO_SOURCE_KIND_FILE, changed_update (), &error);
      g_assert_no_error (error);
      certo_catalog_snapshot_free (load_sync (fixture->store));
    }
  g_assert_cmpuint (certo_store_get_n_prepares (fixture->store), ==, after_first);
}

static void
test_text_round_trip (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CertoCatalogSnapshot) s = NULL;
  CertoCatalogUpdate *update = certo_catalog_update_new (CERTO_UPDATE_FORMAT_CATALOG);
  CertoLocalized *title;
  CertoDocument *d;

  add_document (update, "markup", CERTO_DOCUMENT_KIND_OTHER,
                certo_localized_new_plain ("<b>&amp;</b>"), NULL);
  add_document (update, "bilingual", CERTO_DOCUMENT_KIND_CERTIFICATE,
                text2 ("Certificate for Genomics", "Certificato per Genòmica — «ISO»"), NULL);
  add_document (update, "quotes", CERTO_DOCUMENT_KIND_OTHER,
                certo_localized_new_plain ("\"quoted\" \\ back\tslash\nnew line '; DROP TABLE documents; --"), NULL);

  import_sync (fixture->store, "file:///f.json", CERTO_SOURCE_KIND_FILE, update, &error);
  g_assert_no_error (error);
  s = load_sync (fixture->store);

  d = find_key (s->documents, "markup");
  g_assert_cmpstr (certo_document_get_title (d), ==, "<b>&amp;</b>");
  d = find_key (s->documents, "quotes");
  g_assert_cmpstr (certo_document_get_title (d), ==,
                   "\"quoted\" \\ back\tslash\nnew line '; DROP TABLE documents; --");
  d = find_key (s->documents, "bilingual");
  title = certo_document_get_title_localized (d);
  g_assert_cmpuint (certo_localized_get_n_values (title), ==, 2);
  g_assert_cmpstr (certo_localized_get (title, "en"), ==, "Certificate for Genomics");
  g_assert_cmpstr (certo_localized_get (title, "it"), ==, "Certificato per Genòmica — «ISO»");
}

static void
test_verify_url (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CertoCatalogSnapshot) s = NULL;
  CertoCatalogUpdate *update = certo_catalog_update_new (CERTO_UPDATE_FORMAT_CATALOG);
  CertoUpdateDocument *d;
  struct { const char *key; const char *verify; } expected[] = {
    { "bsi-number", "https://www.bsigroup.com/en-GB/validate-bsi-issued-certificates/client-directory-results/"
                    "?searchkey=licencenumber%3DIS%20619017%2F%26x" },
    { "bsi-report", NULL },
    { "schellman", "https://www.schellman.com/certificate-directory?id=42" },
    { "unknown-issuer", NULL },
    { "no-issuer", NULL },
  };

  d = add_document (update, "bsi-number", CERTO_DOCUMENT_KIND_CERTIFICATE, certo_localized_new_plain ("A"), NULL);
  d->issuer = g_strdup ("BSI Group");
  d->certificate_number = g_strdup ("IS 619017/&x");
  d = add_document (update, "bsi-report", CERTO_DOCUMENT_KIND_AUDIT_REPORT, certo_localized_new_plain ("B"), NULL);
  d->issuer = g_strdup ("BSI");
  d = add_document (update, "schellman", CERTO_DOCUMENT_KIND_CERTIFICATE, certo_localized_new_plain ("C"), NULL);
  d->issuer = g_strdup ("Schellman & Company");
  d->certificate_number = g_strdup ("1234");
  g_ptr_array_add (d->urls, g_strdup ("https://www.schellman.com/certificate-directory?id=42"));
  d = add_document (update, "unknown-issuer", CERTO_DOCUMENT_KIND_CERTIFICATE, certo_localized_new_plain ("D"), NULL);
  d->issuer = g_strdup ("Some Body");
  d->certificate_number = g_strdup ("99");
  add_document (update, "no-issuer", CERTO_DOCUMENT_KIND_CERTIFICATE, certo_localized_new_plain ("E"), NULL);

  import_sync (fixture->store, "file:///f.json", CERTO_SOURCE_KIND_FILE, update, &error);
  g_assert_no_error (error);
  s = load_sync (fixture->store);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *verify = certo_document_dup_verify_url (find_key (s->documents, expected[i].key));

      g_assert_cmpstr (verify, ==, expected[i].verify);
    }
}

/* The properties list-item templates look up (GtkExpression) exist */
static void
test_properties (void)
{
  struct { GType type; const char *names; } classes[] = {
    { CERTO_TYPE_DOCUMENT, "id key kind kind-label title family-name standards-label issuer "
                           "certificate-number issued expires url" },
    { CERTO_TYPE_SERVICE, "id key name url families-label n-documents" },
    { CERTO_TYPE_FAMILY, "id key name publisher n-documents" },
    { CERTO_TYPE_STANDARD, "id key name url" },
    { CERTO_TYPE_ENVIRONMENT, "id key name family-name" },
    { CERTO_TYPE_SOURCE, "id key name location content-date last-refresh last-error" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    {
      g_autoptr(GTypeClass) klass = g_type_class_ref (classes[i].type);
      g_auto(GStrv) names = g_strsplit (classes[i].names, " ", -1);

      for (guint j = 0; names[j] != NULL; j++)
        {
          GParamSpec *pspec = g_object_class_find_property (G_OBJECT_CLASS (klass), names[j]);

          g_assert_nonnull (pspec);
          g_assert_true (pspec->flags & G_PARAM_READABLE);
          g_assert_false (pspec->flags & G_PARAM_WRITABLE);
        }
    }
}

/* The store's own JSON codec agrees with json-glib's both ways */
static void
test_localized_json (void)
{
  const char *texts[] = {
    "plain", "<b>&amp;</b>", "\"quoted\" \\ back\tslash\nline\r", "Genòmica — «ISO» 😀",
    "control \x01\x1f chars", "", "/slash/", NULL,
  };
  const char *bad[] = { "", "{", "{\"en\": 3}", "[\"x\"]", "\"unterminated", "{\"en\": \"x\"} trailing", NULL };

  for (guint i = 0; texts[i] != NULL; i++)
    {
      g_autoptr(CertoLocalized) both = certo_localized_new ();
      g_autoptr(CertoLocalized) plain = certo_localized_new_plain (texts[i]);
      CertoLocalized *cases[] = { both, plain };

      certo_localized_set (both, "en", texts[i]);
      certo_localized_set (both, "it", "testo");
      certo_localized_set (both, "pt-BR", texts[i]);

      for (guint j = 0; j < G_N_ELEMENTS (cases); j++)
        {
          g_autofree char *ours = certo_store_localized_to_json (cases[j]);
          g_autofree char *glib = certo_localized_to_json (cases[j]);
          g_autoptr(CertoLocalized) a = certo_store_localized_from_json (ours);
          g_autoptr(CertoLocalized) b = certo_localized_new_from_json (ours);
          g_autoptr(CertoLocalized) c = certo_store_localized_from_json (glib);

          g_assert_true (certo_localized_equal (a, cases[j]));
          g_assert_true (certo_localized_equal (b, cases[j]));
          g_assert_true (certo_localized_equal (c, cases[j]));
        }
    }

  {
    g_autoptr(CertoLocalized) pair = certo_store_localized_from_json ("{\"en\": \"\\ud83d\\ude00 \\u00e8\"}");

    g_assert_cmpstr (certo_localized_get (pair, "en"), ==, "😀 è");
  }

  for (guint i = 0; bad[i] != NULL; i++)
    {
      g_autoptr(CertoLocalized) text = certo_store_localized_from_json (bad[i]);

      g_assert_true (text == NULL || certo_localized_get_n_values (text) == 0);
    }
}

static void
test_closed (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (open_sync (fixture->store, &error));
  certo_store_close (fixture->store);
  certo_store_close (fixture->store);

  g_assert_cmpint (import_sync (fixture->store, "file:///f.json", CERTO_SOURCE_KIND_FILE,
                                fixture_update (), &error), ==, 0);
  g_assert_error (error, CERTO_STORE_ERROR, CERTO_STORE_ERROR_CLOSED);
}

/* Jobs queued before close still run; dropping the last reference from a
 * callback (so the worker may hold the last one) must not deadlock */
static void
drop_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  gboolean *done = user_data;

  g_assert_cmpint (certo_store_import_finish (CERTO_STORE (object), result, NULL), >, 0);
  *done = TRUE;
}

static void
test_close_runs_queued_jobs (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  CertoSourceSpec spec = { .key = "file:///f.json", .kind = CERTO_SOURCE_KIND_FILE };
  gboolean done = FALSE;
  CertoStore *store = certo_store_new (fixture->path);
  g_autoptr(CertoCatalogSnapshot) s = NULL;

  certo_store_import_async (store, &spec, fixture_update (), NULL, drop_cb, &done);
  certo_store_close (store);
  g_object_unref (store);
  while (!done)
    g_main_context_iteration (NULL, TRUE);

  s = load_sync (fixture->store);
  g_assert_cmpuint (s->documents->len, ==, 3);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(name, func) \
  g_test_add ("/store/" name, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("schema-created", test_schema_created);
  ADD ("reopen-keeps-data", test_reopen_keeps_data);
  ADD ("snapshot-content", test_snapshot_content);
  ADD ("migrations-in-order-and-atomic", test_migrations);
  ADD ("newer-schema-refused-unchanged", test_newer_schema_refused);
  ADD ("newer-schema-wal-refused-unchanged", test_newer_schema_wal_refused);
  ADD ("not-a-database-refused-unchanged", test_not_a_database_refused);
  ADD ("other-database-refused-unchanged", test_other_database_refused);
  ADD ("reimport-keeps-ids", test_reimport_keeps_ids);
  ADD ("failed-import-keeps-old-rows", test_failed_import_keeps_old);
  ADD ("cancelled-import-changes-nothing", test_cancelled_import);
  ADD ("two-sources-independent", test_two_sources_independent);
  ADD ("remove-source-cascades", test_remove_source);
  ADD ("source-hash", test_source_hash);
  ADD ("statement-cache", test_statement_cache);
  ADD ("text-round-trip", test_text_round_trip);
  g_test_add_func ("/store/localized-json", test_localized_json);
  g_test_add_func ("/store/properties", test_properties);
  ADD ("verify-url", test_verify_url);
  ADD ("closed", test_closed);
  ADD ("close-runs-queued-jobs", test_close_runs_queued_jobs);

  return g_test_run ();
}
