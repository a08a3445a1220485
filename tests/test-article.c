/* test-article.c — the compliance-offering article importer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Exact values from the real articles in ../shared (skipped when absent),
 * then the project's own fixtures in tests/data/articles (always run):
 * the rules one by one, and input that must not crash.
 */
#include "config.h"

#include <string.h>

#include "certo-parse.h"
#include "certo-test-util.h"

#define SEED "seeds/000_075bc22780f9941d.txt"
#define EN_2020 "data/offerings/offering-ISO-27001.en-2020.md"
#define EN_2023 "data/offerings/offering-ISO-27001.en-2023.md"
#define EN_27017 "data/offerings/offering-ISO-27017.en-2023.md"

/* --- helpers --- */

static CertoCatalogUpdate *
parse_bytes (GBytes     *bytes,
             const char *name,
             const char *base_uri)
{
  g_autoptr(GError) error = NULL;
  CertoCatalogUpdate *update = certo_offering_article_parse (bytes, name, base_uri, &error);

  g_assert_no_error (error);
  g_assert_nonnull (update);
  g_assert_cmpint (update->format, ==, CERTO_UPDATE_FORMAT_ARTICLE);
  return update;
}

static CertoCatalogUpdate *
parse_path (const char *path,
            const char *base_uri)
{
  g_autoptr(GBytes) bytes = certo_test_load_bytes (path);
  g_autofree char *name = g_path_get_basename (path);

  return parse_bytes (bytes, name, base_uri);
}

/* NULL (and the test skipped) when ../shared is absent */
static CertoCatalogUpdate *
parse_shared (const char *relative)
{
  g_autofree char *path = NULL;

  if (certo_test_skip_unless_shared (relative))
    return NULL;
  path = certo_test_shared_path (relative);
  return parse_path (path, NULL);
}

static CertoCatalogUpdate *
parse_fixture (const char *name,
               const char *base_uri)
{
  g_autofree char *relative = g_build_filename ("articles", name, NULL);
  g_autofree char *path = certo_test_data_path (relative);

  return parse_path (path, base_uri);
}

static guint
count_kind (CertoCatalogUpdate *update,
            CertoDocumentKind   kind)
{
  guint n = 0;

  for (guint i = 0; i < update->documents->len; i++)
    if (((CertoUpdateDocument *) g_ptr_array_index (update->documents, i))->kind == kind)
      n++;
  return n;
}

static CertoUpdateDocument *
doc_by_title (CertoCatalogUpdate *update,
              const char         *en_title)
{
  for (guint i = 0; i < update->documents->len; i++)
    {
      CertoUpdateDocument *doc = g_ptr_array_index (update->documents, i);

      if (g_strcmp0 (certo_localized_get (doc->title, "en"), en_title) == 0)
        return doc;
    }
  g_test_message ("no document titled “%s”", en_title);
  return NULL;
}

static CertoUpdateDocument *
doc_by_number (CertoCatalogUpdate *update,
               const char         *number)
{
  for (guint i = 0; i < update->documents->len; i++)
    {
      CertoUpdateDocument *doc = g_ptr_array_index (update->documents, i);

      if (g_strcmp0 (doc->certificate_number, number) == 0)
        return doc;
    }
  return NULL;
}

static CertoUpdateService *
service_by_name (CertoCatalogUpdate *update,
                 const char         *en_name)
{
  for (guint i = 0; i < update->services->len; i++)
    {
      CertoUpdateService *service = g_ptr_array_index (update->services, i);

      if (g_strcmp0 (certo_localized_get (service->name, "en"), en_name) == 0)
        return service;
    }
  g_test_message ("no service named “%s”", en_name);
  return NULL;
}

static gboolean
has_string (GPtrArray  *array,
            const char *value)
{
  for (guint i = 0; i < array->len; i++)
    if (g_strcmp0 (g_ptr_array_index (array, i), value) == 0)
      return TRUE;
  return FALSE;
}

/* @expected: NULL-terminated; compares as one string so a failure shows both */
static void
assert_strings (GPtrArray         *array,
                const char * const *expected)
{
  g_autoptr(GString) got = g_string_new (NULL);
  g_autofree char *want = g_strjoinv ("|", (char **) expected);

  for (guint i = 0; i < array->len; i++)
    g_string_append_printf (got, "%s%s", i ? "|" : "", (char *) g_ptr_array_index (array, i));
  g_assert_cmpstr (got->str, ==, want);
}

static char *
ids_of (GPtrArray *entries)
{
  GString *out = g_string_new (NULL);

  /* every entry struct starts with its id */
  for (guint i = 0; i < entries->len; i++)
    g_string_append_printf (out, "%s%s", i ? "|" : "", *(char **) g_ptr_array_index (entries, i));
  return g_string_free (out, FALSE);
}

/* Documents covering @service_id, as "id|id" */
static char *
covering (CertoCatalogUpdate *update,
          const char         *service_id)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < update->documents->len; i++)
    {
      CertoUpdateDocument *doc = g_ptr_array_index (update->documents, i);

      if (has_string (doc->services, service_id))
        g_string_append_printf (out, "%s%s", out->len ? "|" : "", doc->id);
    }
  return g_string_free (out, FALSE);
}

/* Everything an update holds, one fact a line: compares two parses */
static char *
digest (CertoCatalogUpdate *u)
{
  GString *out = g_string_new (NULL);
  g_autofree char *title = u->title ? certo_localized_to_json (u->title) : g_strdup ("-");

  g_string_append_printf (out, "%s %s %s %s %s\n", u->id, title, u->publisher, u->updated, u->homepage);
  for (guint i = 0; i < u->standards->len; i++)
    {
      CertoUpdateStandard *s = g_ptr_array_index (u->standards, i);
      g_string_append_printf (out, "std %s %s %s\n", s->id, s->name, s->url);
    }
  for (guint i = 0; i < u->families->len; i++)
    {
      CertoUpdateFamily *f = g_ptr_array_index (u->families, i);
      g_autofree char *name = certo_localized_to_json (f->name);
      g_string_append_printf (out, "family %s %s\n", f->id, name);
    }
  for (guint i = 0; i < u->services->len; i++)
    {
      CertoUpdateService *s = g_ptr_array_index (u->services, i);
      g_autofree char *name = certo_localized_to_json (s->name);
      g_string_append_printf (out, "service %s %s %s", s->id, name, s->url);
      for (guint j = 0; j < s->families->len; j++)
        g_string_append_printf (out, " %s", (char *) g_ptr_array_index (s->families, j));
      g_string_append_c (out, '\n');
    }
  for (guint i = 0; i < u->documents->len; i++)
    {
      CertoUpdateDocument *d = g_ptr_array_index (u->documents, i);
      g_autofree char *t = certo_localized_to_json (d->title);
      GPtrArray *lists[] = { d->standards, d->services, d->service_names, d->urls };

      g_string_append_printf (out, "doc %s %d %s %s %s %s", d->id, d->kind, t, d->family, d->issuer, d->certificate_number);
      for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
        for (guint j = 0; j < lists[l]->len; j++)
          g_string_append_printf (out, " %u:%s", l, (char *) g_ptr_array_index (lists[l], j));
      g_string_append_c (out, '\n');
    }
  for (guint i = 0; i < u->environments->len; i++)
    {
      CertoUpdateEnvironment *e = g_ptr_array_index (u->environments, i);
      g_autofree char *name = certo_localized_to_json (e->name);
      g_string_append_printf (out, "env %s %s %s %u\n", e->id, name, e->family, e->service_names->len);
    }
  for (guint i = 0; i < u->warnings->len; i++)
    g_string_append_printf (out, "warning %s\n", (char *) g_ptr_array_index (u->warnings, i));
  return g_string_free (out, FALSE);
}

/* What any parse must give: unique ids, web links only, known references */
static void
assert_valid (CertoCatalogUpdate *u)
{
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < u->documents->len; i++)
    {
      CertoUpdateDocument *d = g_ptr_array_index (u->documents, i);

      g_assert_true (g_hash_table_add (ids, d->id));
      g_assert_cmpuint (d->urls->len, >, 0);
      for (guint j = 0; j < d->urls->len; j++)
        g_assert_true (certo_uri_is_web (g_ptr_array_index (d->urls, j)));
      for (guint j = 0; j < d->services->len; j++)
        g_assert_nonnull (certo_catalog_update_find_service (u, g_ptr_array_index (d->services, j)));
      for (guint j = 0; j < d->standards->len; j++)
        g_assert_nonnull (certo_catalog_update_find_standard (u, g_ptr_array_index (d->standards, j)));
      g_assert_true (d->family == NULL || certo_catalog_update_find_family (u, d->family) != NULL);
      g_assert_true (strlen (d->id) <= 72);
    }
  for (guint i = 0; i < u->services->len; i++)
    {
      CertoUpdateService *s = g_ptr_array_index (u->services, i);

      g_assert_true (s->url == NULL || certo_uri_is_web (s->url));
      g_assert_false (certo_localized_is_empty (s->name));
    }
}

/* --- the seed: the Italian-localised ISO/IEC 27001 article --- */

static const char *const seed_services[][2] = {
  { "Azure, Azure Government, and Azure Germany", "Azure, Azure per enti pubblici e Azure Germania" },
  { "Cloud App Security", "Cloud App Security" },
  { "Dynamics 365 and Dynamics 365 U.S. Government", "Dynamics 365 e Dynamics 365 U.S. Government" },
  { "Genomics", "Genomica" },
  { "Graph", "Graph" },
  { "Health Bot", "Bot per i servizi sanitari" },
  { "Intune", "Intune" },
  { "Microsoft Managed Desktop", "Microsoft Managed Desktop" },
  { "Microsoft Flow cloud service either as a standalone service or as included in an Office 365 or Dynamics 365 branded plan or suite",
    "Servizio cloud Microsoft Flow, autonomo o incluso in un piano o in una famiglia di prodotti Office 365 o Dynamics 365" },
  { "Office 365, Office 365 U.S. Government, and Office 365 U.S. Government Defense",
    "Office 365, Office 365 U.S. Government e Office 365 U.S. Government Defense" },
  { "Office 365 Germany", "Office 365 Germany" },
  { "OMS Service Map", "Mapping dei servizi OMS" },
  { "PowerApps cloud service either as a standalone service or as included in an Office 365 or Dynamics 365 branded plan or suite",
    "Servizio cloud PowerApps, autonomo o incluso in un piano o in una famiglia di prodotti con marchio Office 365 o Dynamics 365" },
  { "Power BI cloud service either as a standalone service or as included in an Office 365 branded plan or suite",
    "Servizio cloud Power BI, autonomo o incluso in un piano o in una famiglia di prodotti con marchio Office 365" },
  { "Microsoft Professional Services", "Microsoft Professional Services" },
  { "Stream", "Stream" },
  { "Azure DevOps Services", "Azure DevOps Services" },
  { "Windows Defender ATP — Endpoint Detection & Response, Automatic Investigation & Remediation, Secure Score",
    "Windows Defender ATP - Rilevamento e reazione dagli endpoint, Analisi e risoluzione automatiche, Secure Score" },
};

static const char *const seed_azure_services[] = {
  "azure-azure-government-and-azure-germany", "cloud-app-security", "microsoft-flow", "genomics",
  "graph", "health-bot", "intune", "microsoft-managed-desktop", "oms-service-map", "powerapps",
  "power-bi", "stream", NULL,
};

static void
test_seed_summary (void)
{
  g_autoptr(CertoCatalogUpdate) u = parse_shared (SEED);
  g_autofree char *families = NULL;
  g_autofree char *standards = NULL;

  if (u == NULL)
    return;
  assert_valid (u);

  g_assert_cmpstr (u->id, ==, "microsoft-iso27001");
  g_assert_cmpstr (u->publisher, ==, "Microsoft");
  g_assert_cmpstr (u->updated, ==, "2020-02-07");
  g_assert_null (u->homepage);
  g_assert_cmpstr (certo_localized_get (u->title, "en"), ==, "ISO/IEC 27001:2013 Information Security Management Standards");
  g_assert_cmpstr (certo_localized_get (u->title, "it"), ==, "Standard di gestione della sicurezza delle informazioni ISO/IEC 27001:2013");

  standards = ids_of (u->standards);
  g_assert_cmpstr (standards, ==, "iso27001-2013|iso27017|iso27018");
  g_assert_cmpstr (((CertoUpdateStandard *) g_ptr_array_index (u->standards, 0))->name, ==, "ISO/IEC 27001:2013");
  g_assert_cmpstr (((CertoUpdateStandard *) g_ptr_array_index (u->standards, 2))->name, ==, "ISO/IEC 27018");

  families = ids_of (u->families);
  g_assert_cmpstr (families, ==, "azure|office-365|dynamics-365|azure-devops-services|microsoft-professional-services|windows-defender-atp");
  g_assert_cmpstr (certo_localized_get (((CertoUpdateFamily *) g_ptr_array_index (u->families, 3))->name, "en"), ==, "Azure DevOps Services");

  g_assert_cmpuint (u->services->len, ==, 18);
  g_assert_cmpuint (count_kind (u, CERTO_DOCUMENT_KIND_CERTIFICATE), ==, 9);
  g_assert_cmpuint (count_kind (u, CERTO_DOCUMENT_KIND_AUDIT_REPORT), ==, 5);
  g_assert_cmpuint (count_kind (u, CERTO_DOCUMENT_KIND_SOA), ==, 4);
  g_assert_cmpuint (count_kind (u, CERTO_DOCUMENT_KIND_RESOURCE), ==, 8);
  g_assert_cmpuint (count_kind (u, CERTO_DOCUMENT_KIND_WHITEPAPER), ==, 2);
  g_assert_cmpuint (count_kind (u, CERTO_DOCUMENT_KIND_BACKGROUNDER), ==, 1);
  g_assert_cmpuint (count_kind (u, CERTO_DOCUMENT_KIND_OTHER), ==, 0);
  g_assert_cmpuint (u->documents->len, ==, 29);
  g_assert_cmpuint (u->environments->len, ==, 0);
  g_assert_cmpuint (u->warnings->len, ==, 0);
}

static void
test_seed_services (void)
{
  g_autoptr(CertoCatalogUpdate) u = parse_shared (SEED);

  if (u == NULL)
    return;

  g_assert_cmpuint (u->services->len, ==, G_N_ELEMENTS (seed_services));
  for (guint i = 0; i < G_N_ELEMENTS (seed_services); i++)
    {
      CertoUpdateService *s = g_ptr_array_index (u->services, i);

      g_assert_cmpstr (certo_localized_get (s->name, "en"), ==, seed_services[i][0]);
      g_assert_cmpstr (certo_localized_get (s->name, "it"), ==, seed_services[i][1]);
      g_assert_cmpuint (s->families->len, ==, 1);
    }

  g_assert_cmpstr (service_by_name (u, "Azure, Azure Government, and Azure Germany")->url, ==, "https://aka.ms/AzureCompliance");
  g_assert_cmpstr (service_by_name (u, "Microsoft Professional Services")->url, ==, "https://go.microsoft.com/fwlink/p/?linkid=2100022");
  g_assert_null (service_by_name (u, "Intune")->url);
  g_assert_cmpstr (service_by_name (u, "Intune")->id, ==, "intune");
  g_assert_cmpstr (g_ptr_array_index (service_by_name (u, "Intune")->families, 0), ==, "azure");
  g_assert_cmpstr (g_ptr_array_index (service_by_name (u, "Office 365 Germany")->families, 0), ==, "office-365");
  g_assert_cmpstr (g_ptr_array_index (service_by_name (u, "Azure DevOps Services")->families, 0), ==, "azure-devops-services");
}

static void
test_seed_certificates (void)
{
  g_autoptr(CertoCatalogUpdate) u = parse_shared (SEED);
  CertoUpdateDocument *devops, *mps, *mcio;
  guint in_section = 0;

  if (u == NULL)
    return;

  devops = doc_by_number (u, "IS 619017");
  mps = doc_by_number (u, "IS 601002");
  mcio = doc_by_number (u, "IS 533913");
  g_assert_nonnull (devops);
  g_assert_nonnull (mps);
  g_assert_nonnull (mcio);

  /* the Azure DevOps certificate is linked twice: one certificate, two links */
  g_assert_cmpstr (devops->id, ==, "cert-is-619017");
  g_assert_cmpuint (devops->urls->len, ==, 2);
  g_assert_true (strstr (g_ptr_array_index (devops->urls, 0), "Visual%2bStudio%2bOnline") != NULL);
  g_assert_true (strstr (g_ptr_array_index (devops->urls, 1), "Visual%2bStudio%2bTeam%2bServices") != NULL);
  g_assert_cmpstr (certo_localized_get (devops->title, "en"), ==, "Azure DevOps Services ISO 27001 Certificate IS 619017");
  g_assert_cmpstr (devops->issuer, ==, "BSI");
  g_assert_cmpstr (devops->family, ==, "azure-devops-services");
  assert_strings (devops->services, (const char *[]) { "azure-devops-services", NULL });
  assert_strings (devops->standards, (const char *[]) { "iso27001-2013", NULL });

  /* number from the issuer URL only */
  g_assert_cmpstr (mps->id, ==, "cert-is-601002");
  g_assert_cmpstr (mps->issuer, ==, "BSI");
  g_assert_cmpstr (certo_localized_get (mps->title, "en"), ==, "Microsoft Professional Services");
  assert_strings (mps->services, (const char *[]) { "microsoft-professional-services", NULL });

  /* the FAQ's certificate: no family, no in-scope service */
  g_assert_cmpstr (mcio->issuer, ==, "BSI");
  g_assert_null (mcio->family);
  g_assert_cmpuint (mcio->services->len, ==, 0);
  g_assert_cmpstr (certo_localized_get (mcio->title, "en"), ==, "ISO/IEC 27001:2013 certificate for Microsoft Cloud Infrastructure and Operations");
  g_assert_cmpstr (certo_localized_get (mcio->title, "it"), ==, "Certificato ISO/IEC 27001:2013 per Microsoft Cloud Infrastructure and Operations");

  for (guint i = 0; i < u->documents->len; i++)
    {
      CertoUpdateDocument *d = g_ptr_array_index (u->documents, i);

      if (d->kind != CERTO_DOCUMENT_KIND_CERTIFICATE)
        continue;
      if (d->family != NULL)
        in_section++;
      if (d != devops && d != mps && d != mcio)
        {
          g_assert_null (d->certificate_number);
          g_assert_null (d->issuer);
        }
      assert_strings (d->standards, (const char *[]) { "iso27001-2013", NULL });
    }
  /* the 8 of "Audits, reports, and certificates" (DevOps' second link merged) */
  g_assert_cmpuint (in_section, ==, 8);

  g_assert_cmpuint (doc_by_title (u, "Office 365 — Global and Germany ISO 27001 — Information Security Management Standards — Certificate")->services->len, ==, 2);
  assert_strings (doc_by_title (u, "Dynamics 365 — (formerly Dynamics CRM) ISO 27001 — Information Security Management Standards — Certificate")->services,
                  (const char *[]) { "dynamics-365-and-dynamics-365-u-s-government", NULL });
  assert_strings (doc_by_title (u, "Windows Defender ATP — Endpoint Detection & Response, Automatic Investigation & Remediation, Secure Score — ISO 27001 certificate")->services,
                  (const char *[]) { "windows-defender-atp", NULL });
}

static void
test_seed_coverage (void)
{
  g_autoptr(CertoCatalogUpdate) u = parse_shared (SEED);
  CertoUpdateDocument *cert, *report, *soa;
  g_autofree char *intune = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GPtrArray) without_mmd = g_ptr_array_new ();

  if (u == NULL)
    return;

  cert = doc_by_title (u, "Azure, Cloud App Security, Flow, Genomics, Graph, Health Bot, Intune, Microsoft Managed Desktop, OMS Service Map, PowerApps, Power BI, Stream, and Microsoft Datacenter — ISO 27001 Certificate");
  report = doc_by_title (u, "Azure, Cloud App Security, Flow, Genomics, Graph, Health Bot, Intune, Microsoft Managed Desktop, OMS Service Map, PowerApps, Power BI, Stream, and Microsoft Datacenter — ISO 27001 and 27018 Audit Assessment Report");
  soa = doc_by_title (u, "Azure, Cloud App Security, Flow, Genomics, Graph, Health Bot, Intune, OMS Service Map, PowerApps, Power BI, Stream, and Microsoft Datacenter — ISO 27001 and 27018 Statement of Applicability (SOA)");
  g_assert_nonnull (cert);
  g_assert_nonnull (report);
  g_assert_nonnull (soa);

  g_assert_cmpint (cert->kind, ==, CERTO_DOCUMENT_KIND_CERTIFICATE);
  g_assert_cmpstr (cert->family, ==, "azure");
  assert_strings (cert->services, seed_azure_services);
  assert_strings (cert->service_names, (const char *[]) { "Microsoft Datacenter", NULL });
  assert_strings (report->services, seed_azure_services);
  assert_strings (report->service_names, (const char *[]) { "Microsoft Datacenter", NULL });

  for (guint i = 0; seed_azure_services[i] != NULL; i++)
    if (!g_str_equal (seed_azure_services[i], "microsoft-managed-desktop"))
      g_ptr_array_add (without_mmd, (gpointer) seed_azure_services[i]);
  g_ptr_array_add (without_mmd, NULL);
  assert_strings (soa->services, (const char * const *) without_mmd->pdata);
  assert_strings (soa->service_names, (const char *[]) { "Microsoft Datacenter", NULL });

  /* Intune: exactly the Azure certificate, audit report and SoA */
  intune = covering (u, "intune");
  expected = g_strjoin ("|", cert->id, report->id, soa->id, NULL);
  g_assert_cmpstr (intune, ==, expected);
}

static void
test_seed_reports (void)
{
  g_autoptr(CertoCatalogUpdate) u = parse_shared (SEED);
  static const struct { const char *title; CertoDocumentKind kind; const char *standards; const char *family; } expected[] = {
    { "Azure, Cloud App Security, Flow, Genomics, Graph, Health Bot, Intune, Microsoft Managed Desktop, OMS Service Map, PowerApps, Power BI, Stream, and Microsoft Datacenter — ISO 27001 and 27018 Audit Assessment Report",
      CERTO_DOCUMENT_KIND_AUDIT_REPORT, "iso27001-2013|iso27018", "azure" },
    { "Azure, Cloud App Security, Flow, Genomics, Graph, Health Bot, Intune, OMS Service Map, PowerApps, Power BI, Stream, and Microsoft Datacenter — ISO 27001 and 27018 Statement of Applicability (SOA)",
      CERTO_DOCUMENT_KIND_SOA, "iso27001-2013|iso27018", "azure" },
    { "Office 365 — ISO 27001, ISO 27018, and ISO 27017 Audit Assessment Report",
      CERTO_DOCUMENT_KIND_AUDIT_REPORT, "iso27001-2013|iso27017|iso27018", "office-365" },
    { "Office 365 Information Security Management System (ISMS) — Statement Of Applicability for Security and Privacy",
      CERTO_DOCUMENT_KIND_SOA, "iso27001-2013", "office-365" },
    { "Office 365 — Germany ISO 27001 ISO 27017 and ISO 27018 Audit Assessment Report",
      CERTO_DOCUMENT_KIND_AUDIT_REPORT, "iso27001-2013|iso27017|iso27018", "office-365" },
    { "Yammer ISO 27001 Audit Assessment Report",
      CERTO_DOCUMENT_KIND_AUDIT_REPORT, "iso27001-2013", "office-365" },
    { "Dynamics 365 — ISO 27001 Statement of Applicability (SOA)",
      CERTO_DOCUMENT_KIND_SOA, "iso27001-2013", "dynamics-365" },
    { "Windows Defender ATP — Endpoint Detection & Response, Automatic Investigation & Remediation, Secure Score — ISO 27001 Audit Assessment Report",
      CERTO_DOCUMENT_KIND_AUDIT_REPORT, "iso27001-2013", "windows-defender-atp" },
    { "Windows Defender ATP — Endpoint Detection & Response, Automatic Investigation & Remediation, Secure Score — ISO 27001 and 27018 SOA",
      CERTO_DOCUMENT_KIND_SOA, "iso27001-2013|iso27018", "windows-defender-atp" },
  };

  if (u == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      CertoUpdateDocument *d = doc_by_title (u, expected[i].title);
      g_auto(GStrv) standards = g_strsplit (expected[i].standards, "|", -1);

      g_assert_nonnull (d);
      g_assert_cmpint (d->kind, ==, expected[i].kind);
      g_assert_cmpstr (d->family, ==, expected[i].family);
      assert_strings (d->standards, (const char * const *) standards);
      g_assert_null (d->certificate_number);
    }

  /* the Office 365 ISMS list names no in-scope service: the family rule applies */
  assert_strings (doc_by_title (u, expected[3].title)->services,
                  (const char *[]) { "office-365-office-365-u-s-government-and-office", "office-365-germany", NULL });
  g_assert_cmpuint (doc_by_title (u, expected[3].title)->service_names->len, ==, 0);
  g_assert_cmpstr (certo_localized_get (doc_by_title (u, expected[5].title)->title, "it"), ==,
                   "Report di valutazione di controllo ISO 27001 per Yammer");
}

static void
test_seed_other_documents (void)
{
  g_autoptr(CertoCatalogUpdate) u = parse_shared (SEED);
  CertoUpdateDocument *backgrounder = NULL;
  CertoUpdateStandard *main_standard;

  if (u == NULL)
    return;

  for (guint i = 0; i < u->documents->len; i++)
    {
      CertoUpdateDocument *d = g_ptr_array_index (u->documents, i);

      if (d->kind == CERTO_DOCUMENT_KIND_BACKGROUNDER)
        backgrounder = d;
      if (d->kind == CERTO_DOCUMENT_KIND_RESOURCE || d->kind == CERTO_DOCUMENT_KIND_WHITEPAPER ||
          d->kind == CERTO_DOCUMENT_KIND_BACKGROUNDER)
        {
          g_assert_null (d->family);
          g_assert_cmpuint (d->services->len, ==, 0);
          g_assert_null (d->issuer);
          assert_strings (d->standards, (const char *[]) { "iso27001-2013", NULL });
        }
      /* links outside a known section's list are not documents */
      g_assert_false (has_string (d->urls, "https://aka.ms/auditreports"));
      g_assert_false (has_string (d->urls, "https://go.microsoft.com/fwlink/p/?linkid=2100068"));
      g_assert_false (has_string (d->urls, "https://www.27000.org/index.htm") && d->kind != CERTO_DOCUMENT_KIND_RESOURCE);
    }

  g_assert_nonnull (backgrounder);
  g_assert_cmpstr (certo_localized_get (backgrounder->title, "en"), ==, "Download the offering backgrounder");
  g_assert_cmpstr (certo_localized_get (backgrounder->title, "it"), ==, "Scaricare il documento di informazioni di base sull'offerta");
  g_assert_cmpstr (g_ptr_array_index (backgrounder->urls, 0), ==,
                   "https://download.microsoft.com/download/1/2/9/12926039-8F90-4BAF-AC8F-7124D48F400B/ISOIEC_27001_Compliance_Backgrounder.pdf");

  g_assert_nonnull (doc_by_title (u, "Microsoft sets a high bar for information security (BSI case study)"));
  g_assert_cmpint (doc_by_title (u, "Azure DevOps Services data protection overview")->kind, ==, CERTO_DOCUMENT_KIND_WHITEPAPER);
  g_assert_cmpstr (certo_localized_get (doc_by_title (u, "Microsoft Online Services Terms")->title, "it"), ==, "Condizioni di Microsoft Online Services");

  main_standard = certo_catalog_update_find_standard (u, "iso27001-2013");
  g_assert_cmpstr (main_standard->url, ==, "https://www.iso.org/iso/home/store/catalogue_tc/catalogue_detail.htm?csnumber=54534");
}

/* Re-importing the same text gives the same ids (DESIGN.md, "Storage") */
static void
test_seed_deterministic (void)
{
  g_autoptr(CertoCatalogUpdate) a = parse_shared (SEED);
  g_autoptr(CertoCatalogUpdate) b = NULL;
  g_autofree char *da = NULL;
  g_autofree char *db = NULL;

  if (a == NULL)
    return;
  b = parse_shared (SEED);
  da = digest (a);
  db = digest (b);
  g_assert_cmpstr (da, ==, db);
}

/* --- the English 2020 article: same structure, later names --- */

static void
test_en_2020 (void)
{
  g_autoptr(CertoCatalogUpdate) u = parse_shared (EN_2020);
  CertoUpdateDocument *cert;
  g_autofree char *families = NULL;
  g_autofree char *intune = NULL;

  if (u == NULL)
    return;
  assert_valid (u);

  g_assert_cmpstr (u->id, ==, "microsoft-iso27001");
  g_assert_cmpstr (u->publisher, ==, "Microsoft");
  g_assert_null (u->updated);
  g_assert_cmpstr (certo_localized_get (u->title, "en"), ==, "ISO/IEC 27001:2013 Information Security Management Standards");
  g_assert_null (certo_localized_get (u->title, "it"));

  families = ids_of (u->families);
  g_assert_cmpstr (families, ==, "azure|office-365|dynamics-365|azure-devops-services|microsoft-professional-services|microsoft-defender-atp");
  g_assert_cmpuint (u->services->len, ==, 18);
  g_assert_cmpuint (count_kind (u, CERTO_DOCUMENT_KIND_CERTIFICATE), ==, 9);
  g_assert_cmpuint (count_kind (u, CERTO_DOCUMENT_KIND_AUDIT_REPORT), ==, 5);
  g_assert_cmpuint (count_kind (u, CERTO_DOCUMENT_KIND_SOA), ==, 4);
  g_assert_cmpuint (count_kind (u, CERTO_DOCUMENT_KIND_RESOURCE), ==, 8);
  g_assert_cmpuint (count_kind (u, CERTO_DOCUMENT_KIND_WHITEPAPER), ==, 2);
  g_assert_cmpuint (count_kind (u, CERTO_DOCUMENT_KIND_BACKGROUNDER), ==, 0);
  g_assert_cmpuint (u->documents->len, ==, 28);
  g_assert_cmpuint (u->warnings->len, ==, 0);

  g_assert_cmpstr (doc_by_number (u, "IS 619017")->issuer, ==, "BSI");
  g_assert_cmpuint (doc_by_number (u, "IS 619017")->urls->len, ==, 2);
  g_assert_nonnull (doc_by_number (u, "IS 601002"));
  g_assert_nonnull (doc_by_number (u, "IS 533913"));

  /* "Flow" is now "Power Automate (formerly Microsoft Flow) …" */
  g_assert_cmpstr (service_by_name (u, "Power Automate (formerly Microsoft Flow) cloud service either as a standalone service or as included in an Office 365 or Dynamics 365 branded plan or suite")->id, ==, "power-automate");
  cert = doc_by_title (u, "Azure, Microsoft Cloud App Security, Flow, Genomics, Microsoft Graph, Microsoft Healthcare Bot, Intune, Microsoft Managed Desktop, OMS Service Map, PowerApps, Power BI, Microsoft Stream, and Microsoft Datacenter — ISO 27001 Certificate");
  assert_strings (cert->services, (const char *[]) {
    "azure-azure-government-and-azure-germany", "microsoft-cloud-app-security", "power-automate", "genomics",
    "microsoft-graph", "microsoft-healthcare-bot", "intune", "microsoft-managed-desktop", "oms-service-map",
    "powerapps", "power-bi", "microsoft-stream", NULL });
  assert_strings (cert->service_names, (const char *[]) { "Microsoft Datacenter", NULL });

  intune = covering (u, "intune");
  g_assert_cmpstr (intune, ==, "certificate-azure-microsoft-cloud-app-security-flow-genomics|"
                               "audit-report-azure-microsoft-cloud-app-security-flow-genomics|"
                               "soa-azure-microsoft-cloud-app-security-flow-genomics-microsoft");
  assert_strings (doc_by_title (u, "Microsoft Defender ATP — Endpoint Detection & Response, Automatic Investigation & Remediation, Secure Score — ISO 27001 and 27018 SOA")->services,
                  (const char *[]) { "microsoft-defender-atp", NULL });
}

/* --- the English 2023 ISO/IEC 27001 article: the new layout --- */

static void
test_en_2023 (void)
{
  g_autoptr(CertoCatalogUpdate) u = parse_shared (EN_2023);
  static const struct { const char *id; const char *name; guint n; } envs[] = {
    { "office-365-commercial", "Commercial", 31 },
    { "office-365-gcc", "GCC", 21 },
    { "office-365-gcc-high", "GCC High", 17 },
    { "office-365-dod", "DoD", 15 },
  };
  CertoUpdateEnvironment *commercial;
  CertoUpdateDocument *faq_cert = NULL;
  g_autofree char *families = NULL;

  if (u == NULL)
    return;
  assert_valid (u);

  g_assert_cmpstr (u->id, ==, "microsoft-iso27001");
  g_assert_cmpuint (u->services->len, ==, 22);
  g_assert_null (service_by_name (u, "Microsoft Managed Desktop")->url);
  g_assert_cmpstr (service_by_name (u, "Microsoft Professional Services")->url, ==, "https://go.microsoft.com/fwlink/p/?linkid=2100022");
  g_assert_nonnull (service_by_name (u, "Windows 365"));

  families = ids_of (u->families);
  g_assert_cmpstr (families, ==, "office-365");

  g_assert_cmpuint (u->environments->len, ==, G_N_ELEMENTS (envs));
  for (guint i = 0; i < G_N_ELEMENTS (envs); i++)
    {
      CertoUpdateEnvironment *e = g_ptr_array_index (u->environments, i);

      g_assert_cmpstr (e->id, ==, envs[i].id);
      g_assert_cmpstr (certo_localized_get (e->name, "en"), ==, envs[i].name);
      g_assert_cmpstr (e->family, ==, "office-365");
      g_assert_cmpuint (e->service_names->len, ==, envs[i].n);
    }
  commercial = g_ptr_array_index (u->environments, 0);
  g_assert_cmpstr (g_ptr_array_index (commercial->service_names, 0), ==, "Access Online");
  g_assert_true (has_string (commercial->service_names, "Lockbox (Torus)"));
  g_assert_true (has_string (commercial->service_names,
                             "Office 365 Microservices (including but not limited to Kaizala, ObjectStore, Sway, Power Automate, "
                             "PowerPoint Online Document Service, Query Annotation Service, School Data Sync, Siphon, Speech, "
                             "StaffHub, eXtensible Application Program)"));
  g_assert_false (has_string (commercial->service_names, "Sway"));

  g_assert_cmpuint (count_kind (u, CERTO_DOCUMENT_KIND_CERTIFICATE), ==, 2);
  g_assert_cmpuint (count_kind (u, CERTO_DOCUMENT_KIND_AUDIT_REPORT), ==, 2);
  g_assert_cmpuint (count_kind (u, CERTO_DOCUMENT_KIND_SOA), ==, 2);
  g_assert_cmpuint (count_kind (u, CERTO_DOCUMENT_KIND_RESOURCE), ==, 7);
  g_assert_cmpuint (count_kind (u, CERTO_DOCUMENT_KIND_WHITEPAPER), ==, 0);
  g_assert_cmpuint (u->documents->len, ==, 13);
  g_assert_cmpuint (u->warnings->len, ==, 0);

  g_assert_cmpint (doc_by_title (u, "Office 365: ISO 27001, 27018, and 27017 Statement of Authority (SOA)")->kind, ==, CERTO_DOCUMENT_KIND_SOA);
  assert_strings (doc_by_title (u, "Office 365—Global and Germany ISO 27001: Information Security Management Standards Certificate")->services,
                  (const char *[]) { "office-365-office-365-u-s-government-and-office", "office-365-germany", NULL });
  assert_strings (doc_by_title (u, "Office 365 Germany: ISO 27001, 27017, and 27018 Audit Assessment Report")->services,
                  (const char *[]) { "office-365-germany", NULL });

  for (guint i = 0; i < u->documents->len; i++)
    {
      CertoUpdateDocument *d = g_ptr_array_index (u->documents, i);

      if (d->kind == CERTO_DOCUMENT_KIND_CERTIFICATE && d->family == NULL)
        faq_cert = d;
      /* the include file is never read: none of its links shows up */
      g_assert_false (has_string (d->urls, "https://products.office.com/business/international-availability"));
      g_assert_null (d->certificate_number);
    }
  g_assert_nonnull (faq_cert);
  g_assert_cmpstr (faq_cert->issuer, ==, "BSI");
  g_assert_cmpuint (faq_cert->services->len, ==, 0);

  for (guint i = 0; i < u->environments->len; i++)
    g_assert_cmpstr (certo_localized_get (((CertoUpdateEnvironment *) g_ptr_array_index (u->environments, i))->name, "en"), !=, "Client");
}

/* With the article's own web address, relative links resolve (DESIGN.md, "Network") */
static void
test_en_2023_base_uri (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(CertoCatalogUpdate) web = NULL;
  g_autoptr(CertoCatalogUpdate) local = NULL;
  g_autofree char *path = NULL;

  if (certo_test_skip_unless_shared (EN_2023))
    return;
  path = certo_test_shared_path (EN_2023);
  bytes = certo_test_load_bytes (path);

  web = parse_bytes (bytes, "offering-iso-27001.md", "https://learn.microsoft.com/en-us/compliance/regulatory/offering-iso-27001");
  g_assert_cmpstr (service_by_name (web, "Microsoft Managed Desktop")->url, ==,
                   "https://learn.microsoft.com/microsoft-365/managed-desktop/intro/compliance");
  g_assert_cmpstr (web->homepage, ==, "https://learn.microsoft.com/en-us/compliance/regulatory/offering-iso-27001");

  local = parse_bytes (bytes, "offering-iso-27001.md", "file:///tmp/offering-iso-27001.md");
  g_assert_null (service_by_name (local, "Microsoft Managed Desktop")->url);
  g_assert_null (local->homepage);
}

/* --- the English 2023 ISO/IEC 27017 article --- */

static void
test_en_27017 (void)
{
  g_autoptr(CertoCatalogUpdate) u = parse_shared (EN_27017);
  g_autofree char *standards = NULL;
  CertoUpdateDocument *report, *cert;
  static const guint env_sizes[] = { 32, 21, 17, 15 };

  if (u == NULL)
    return;
  assert_valid (u);

  g_assert_cmpstr (u->id, ==, "microsoft-iso27017");
  g_assert_cmpstr (certo_localized_get (u->title, "en"), ==, "ISO/IEC 27017:2015 Code of Practice for Information Security Controls");
  standards = ids_of (u->standards);
  g_assert_cmpstr (standards, ==, "iso27017-2015|iso27001|iso27018");
  g_assert_cmpstr (((CertoUpdateStandard *) g_ptr_array_index (u->standards, 0))->url, ==,
                   "https://www.iso.org/iso/iso_catalogue/catalogue_tc/catalogue_detail.htm?csnumber=43757");

  g_assert_cmpuint (u->services->len, ==, 14);
  g_assert_cmpuint (u->environments->len, ==, 4);
  for (guint i = 0; i < G_N_ELEMENTS (env_sizes); i++)
    g_assert_cmpuint (((CertoUpdateEnvironment *) g_ptr_array_index (u->environments, i))->service_names->len, ==, env_sizes[i]);

  g_assert_cmpuint (u->documents->len, ==, 5);
  g_assert_cmpuint (count_kind (u, CERTO_DOCUMENT_KIND_AUDIT_REPORT), ==, 1);
  g_assert_cmpuint (count_kind (u, CERTO_DOCUMENT_KIND_CERTIFICATE), ==, 1);
  g_assert_cmpuint (count_kind (u, CERTO_DOCUMENT_KIND_RESOURCE), ==, 3);

  report = doc_by_title (u, "Office 365: ISO 27001, 27018, and 27017 Audit Assessment Report");
  assert_strings (report->standards, (const char *[]) { "iso27001", "iso27017-2015", "iso27018", NULL });
  assert_strings (report->services, (const char *[]) { "office-365-office-365-u-s-government-office-365", NULL });
  g_assert_cmpstr (report->family, ==, "office-365");

  /* the FAQ links its certificate from a paragraph */
  cert = doc_by_title (u, "ISO/IEC 27017:2015 certificate");
  g_assert_cmpint (cert->kind, ==, CERTO_DOCUMENT_KIND_CERTIFICATE);
  assert_strings (cert->standards, (const char *[]) { "iso27017-2015", NULL });
  g_assert_null (cert->issuer);
  g_assert_null (cert->family);
}

/* --- fixtures of our own --- */

static void
test_fixture_rules (void)
{
  g_autoptr(CertoCatalogUpdate) u = parse_fixture ("plain.md", NULL);
  CertoUpdateDocument *d;
  g_autofree char *families = NULL;
  g_autofree char *standards = NULL;

  assert_valid (u);
  g_assert_cmpstr (u->id, ==, "northwind-iso-iec-27001-2022-assurance");
  g_assert_null (u->publisher);
  g_assert_null (u->updated);
  standards = ids_of (u->standards);
  g_assert_cmpstr (standards, ==, "iso27001-2022|iso27017|iso27018");
  g_assert_cmpstr (((CertoUpdateStandard *) g_ptr_array_index (u->standards, 0))->url, ==, "https://www.iso.org/standard/27001");
  families = ids_of (u->families);
  g_assert_cmpstr (families, ==, "northwind-storage|northwind-mail|sentinel-desk");

  g_assert_cmpuint (u->services->len, ==, 8);
  g_assert_cmpstr (service_by_name (u, "Tallyboard (formerly Northwind Charts) cloud service offered alone or inside a Northwind suite")->id, ==, "tallyboard");
  g_assert_cmpstr (service_by_name (u, "Sentinel Desk — Triage & Response, Scoring")->id, ==, "sentinel-desk");
  g_assert_null (service_by_name (u, "Northwind Portal")->url);
  g_assert_cmpuint (service_by_name (u, "Northwind Portal")->families->len, ==, 0);

  /* a title's list: first comma part, "(formerly X)", before " cloud service"; the rest kept as text */
  d = doc_by_title (u, "Northwind Storage, Northwind Queue, Northwind Charts, Ledger, and Northwind Datacenter — ISO 27001 Certificate");
  assert_strings (d->services, (const char *[]) { "northwind-storage-northwind-storage-gov-and", "northwind-queue", "tallyboard", "ledger", NULL });
  assert_strings (d->service_names, (const char *[]) { "Northwind Datacenter", NULL });

  /* the part before the dash is the family's name: the family rule */
  d = doc_by_title (u, "Northwind Mail — Global ISO 27001 — Certificate");
  assert_strings (d->services, (const char *[]) { "northwind-mail", "northwind-mail-sovereign", NULL });

  /* a list naming no in-scope service is no list: the family rule, no names kept */
  d = doc_by_title (u, "Storage and Queue — ISO 27001 Statement of Applicability (SOA)");
  g_assert_cmpint (d->kind, ==, CERTO_DOCUMENT_KIND_SOA);
  assert_strings (d->services, (const char *[]) { "northwind-storage-northwind-storage-gov-and", NULL });
  g_assert_cmpuint (d->service_names->len, ==, 0);

  /* ": " after the leading name; a number in the title; merged with its second link,
   * whose family-rule guess does not widen the explicit list */
  d = doc_by_number (u, "IS 700001");
  g_assert_cmpstr (d->id, ==, "cert-is-700001");
  g_assert_cmpstr (certo_localized_get (d->title, "en"), ==, "Northwind Mail Sovereign: ISO 27001 Certificate IS 700001");
  assert_strings (d->services, (const char *[]) { "northwind-mail-sovereign", NULL });
  assert_strings (d->urls, (const char *[]) { "https://example.com/certs/mail-sovereign", "https://example.com/certs/mail-sovereign-copy", NULL });
  g_assert_null (d->issuer);

  /* a number from the issuer URL; the issuer from its host */
  d = doc_by_number (u, "IS 700002");
  g_assert_cmpstr (d->issuer, ==, "Schellman");
  assert_strings (d->services, (const char *[]) { "sentinel-desk", NULL });
  d = doc_by_number (u, "IS 700003");
  g_assert_cmpstr (d->issuer, ==, "BSI");
  g_assert_null (d->family);

  d = doc_by_title (u, "Northwind Mail — ISO 27017 readiness notes");
  g_assert_cmpint (d->kind, ==, CERTO_DOCUMENT_KIND_OTHER);
  assert_strings (d->standards, (const char *[]) { "iso27017", NULL });

  d = doc_by_title (u, "Get the offering backgrounder");
  g_assert_cmpint (d->kind, ==, CERTO_DOCUMENT_KIND_BACKGROUNDER);
  assert_strings (d->urls, (const char *[]) { "https://example.com/backgrounder.pdf", NULL });

  g_assert_cmpuint (count_kind (u, CERTO_DOCUMENT_KIND_CERTIFICATE), ==, 5);
  g_assert_cmpuint (count_kind (u, CERTO_DOCUMENT_KIND_AUDIT_REPORT), ==, 1);
  g_assert_cmpuint (count_kind (u, CERTO_DOCUMENT_KIND_SOA), ==, 2);
  g_assert_cmpuint (count_kind (u, CERTO_DOCUMENT_KIND_RESOURCE), ==, 1);
  g_assert_cmpuint (count_kind (u, CERTO_DOCUMENT_KIND_WHITEPAPER), ==, 1);
  g_assert_cmpuint (u->documents->len, ==, 12);
  g_assert_null (doc_by_title (u, "More reports, not a document"));
  g_assert_null (doc_by_title (u, "portal"));

  /* each skipped entry is named in a warning */
  g_assert_cmpuint (u->warnings->len, ==, 2);
  g_assert_nonnull (strstr (g_ptr_array_index (u->warnings, 0), "Sentinel Desk certificate without a link"));
  g_assert_nonnull (strstr (g_ptr_array_index (u->warnings, 1), "../somewhere.md"));

  /* prose is never copied */
  for (guint i = 0; i < u->documents->len; i++)
    {
      g_autofree char *all = certo_localized_dup_all_text (((CertoUpdateDocument *) g_ptr_array_index (u->documents, i))->title, " ");
      g_assert_null (strstr (all, "prose"));
      g_assert_null (strstr (all, "invented"));
    }
}

static void
test_fixture_base_uri (void)
{
  g_autoptr(CertoCatalogUpdate) u = parse_fixture ("plain.md", "https://example.com/offerings/northwind");

  g_assert_cmpstr (u->homepage, ==, "https://example.com/offerings/northwind");
  g_assert_cmpstr (service_by_name (u, "Northwind Portal")->url, ==, "https://example.com/portal/compliance");
  g_assert_cmpstr (g_ptr_array_index (doc_by_title (u, "Relative resource")->urls, 0), ==, "https://example.com/somewhere.md");
  g_assert_cmpuint (u->warnings->len, ==, 1);
}

static void
test_fixture_localized (void)
{
  g_autoptr(CertoCatalogUpdate) u = parse_fixture ("localized.md", NULL);
  CertoUpdateDocument *d;
  CertoUpdateFamily *family;

  assert_valid (u);
  g_assert_cmpstr (u->id, ==, "microsoft-iso27017");
  g_assert_cmpstr (u->publisher, ==, "Microsoft");
  g_assert_cmpstr (u->updated, ==, "2021-11-30");
  g_assert_cmpstr (certo_localized_get (u->title, "it"), ==, "Garanzie ISO/IEC 27017:2015 di Northwind");
  g_assert_cmpstr (certo_localized_get (u->title, "en"), ==, "Northwind ISO/IEC 27017:2015 assurances");

  g_assert_cmpuint (u->services->len, ==, 4);
  g_assert_cmpstr (certo_localized_get (service_by_name (u, "Northwind Archive")->name, "it"), ==, "Archivio Northwind");
  g_assert_cmpstr (service_by_name (u, "Northwind Archive")->url, ==, "https://example.com/archive");
  g_assert_cmpstr (certo_localized_get (service_by_name (u, "Northwind Queue")->name, "it"), ==, "Coda Northwind");
  /* a span without its English partner counts for both languages */
  g_assert_cmpstr (certo_localized_get (service_by_name (u, "Servizio senza partner inglese")->name, "it"), ==, "Servizio senza partner inglese");
  /* entities decoded; white space between the pair dropped */
  g_assert_cmpstr (certo_localized_get (service_by_name (u, "Mail & Calendar")->name, "it"), ==, "Posta & Calendario");

  family = certo_catalog_update_find_family (u, "northwind-archive");
  g_assert_cmpstr (certo_localized_get (family->name, "it"), ==, "Archivio Northwind");

  d = doc_by_title (u, "Northwind Archive, Northwind Queue — ISO 27017 Certificate");
  g_assert_cmpstr (certo_localized_get (d->title, "it"), ==, "Archivio e coda Northwind - Certificato ISO 27017");
  assert_strings (d->services, (const char *[]) { "northwind-archive", "northwind-queue", NULL });
  assert_strings (d->standards, (const char *[]) { "iso27017-2015", NULL });

  /* a markdown link in each language: the English one's address */
  d = doc_by_number (u, "CLOUD 700010");
  g_assert_cmpstr (d->id, ==, "cert-cloud-700010");
  g_assert_cmpstr (d->issuer, ==, "BSI");
  g_assert_cmpstr (certo_localized_get (d->title, "it"), ==, "certificato ISO/IEC 27017:2015 delle operazioni");
  g_assert_cmpstr (certo_localized_get (d->title, "en"), ==, "ISO/IEC 27017:2015 certificate for operations");
  assert_strings (d->urls, (const char *[]) { "https://www.bsigroup.com/en-GB/x?licencenumber=CLOUD%20700010", NULL });

  /* a heading with no English text is found by its anchor */
  d = doc_by_title (u, "Guide in English");
  g_assert_cmpint (d->kind, ==, CERTO_DOCUMENT_KIND_RESOURCE);
  g_assert_cmpstr (certo_localized_get (d->title, "it"), ==, "Guida in italiano");
}

static void
test_fixture_not_article (void)
{
  g_autofree char *path = certo_test_data_path ("articles/not-article.md");
  g_autoptr(GBytes) bytes = certo_test_load_bytes (path);
  g_autoptr(GError) error = NULL;
  CertoCatalogUpdate *u = certo_offering_article_parse (bytes, "not-article.md", NULL, &error);

  g_assert_null (u);
  g_assert_error (error, CERTO_PARSE_ERROR, CERTO_PARSE_ERROR_NO_CONTENT);
  /* The message says what Certo does read, so the user knows what to choose */
  g_assert_cmpstr (error->message, ==, "“not-article.md” has none of the sections of a compliance-offering article (in-scope services, certificates, reports); Certo reads Microsoft compliance-offering articles and Certo catalog feeds (data/certo-catalog.schema.json describes those)");
}

static void
test_fixture_broken (void)
{
  g_autoptr(CertoCatalogUpdate) u = parse_fixture ("broken.md", NULL);
  g_autofree char *docs = NULL;

  assert_valid (u);
  g_assert_null (u->updated);   /* 13/45/2020 is no date */
  g_assert_cmpuint (u->families->len, ==, 0);
  g_assert_cmpuint (u->environments->len, ==, 0);
  g_assert_cmpstr (service_by_name (u, "Linked service")->url, ==, "https://example.com/ok");
  g_assert_nonnull (service_by_name (u, "Only local, never closed"));
  g_assert_nonnull (service_by_name (u, "Orphan English"));
  g_assert_nonnull (service_by_name (u, "Tabbed service"));
  g_assert_null (service_by_name (u, "Name with [!INCLUDE fragment] inside")->url);
  g_assert_nonnull (service_by_name (u, "[Unclosed link text]("));
  g_assert_cmpuint (u->services->len, ==, 9);

  docs = ids_of (u->documents);
  g_assert_cmpstr (docs, ==, "certificate-nested-brackets-certificate|certificate-deep-parens-certificate");
  g_assert_cmpstr (g_ptr_array_index (doc_by_title (u, "Deep ((((parens)))) certificate")->urls, 0), ==, "https://example.com/p(a(r)e)n");
  g_assert_cmpuint (u->warnings->len, ==, 2);
  g_assert_nonnull (strstr (g_ptr_array_index (u->warnings, 1), "javascript:alert(1)"));
}

/* CRLF, CR, a BOM and tabs change nothing */
static void
test_fixture_line_endings (void)
{
  g_autofree char *path = certo_test_data_path ("articles/plain.md");
  g_autoptr(GBytes) bytes = certo_test_load_bytes (path);
  g_autoptr(CertoCatalogUpdate) plain = parse_bytes (bytes, "plain.md", NULL);
  g_autofree char *expected = digest (plain);
  const char *text = g_bytes_get_data (bytes, NULL);
  const char *endings[] = { "\r\n", "\r" };

  for (guint e = 0; e < G_N_ELEMENTS (endings); e++)
    {
      g_autoptr(GString) other = g_string_new ("\xEF\xBB\xBF");
      g_autoptr(GBytes) other_bytes = NULL;
      g_autoptr(CertoCatalogUpdate) u = NULL;
      g_autofree char *got = NULL;

      for (const char *p = text; *p != '\0'; p++)
        {
          if (*p == '\n')
            g_string_append (other, endings[e]);
          else if (p[0] == '-' && p[1] == ' ' && (p == text || p[-1] == '\n'))
            {
              g_string_append (other, "-\t");
              p++;
            }
          else
            g_string_append_c (other, *p);
        }
      other_bytes = g_bytes_new (other->str, other->len);
      u = parse_bytes (other_bytes, "plain.md", NULL);
      got = digest (u);
      g_assert_cmpstr (got, ==, expected);
    }
}

static void
test_text_errors (void)
{
  static const struct { const char *text; gsize len; int code; } cases[] = {
    { "", 0, CERTO_PARSE_ERROR_EMPTY },
    { " \n\t\n", 4, CERTO_PARSE_ERROR_EMPTY },
    { "## In-scope services\n- a\0b\n", 27, CERTO_PARSE_ERROR_BINARY },
    { "## In-scope services\n- caf\xe9\n", 28, CERTO_PARSE_ERROR_NOT_UTF8 },
    /* the first byte of "è" and the end: cut off, not Latin-1 */
    { "## In-scope services\n- caf\xc3", 27, CERTO_PARSE_ERROR_TRUNCATED },
    { "---\ntitle: only front matter\n---\n", 33, CERTO_PARSE_ERROR_NO_CONTENT },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (cases[i].text, cases[i].len);
      g_autoptr(GError) error = NULL;
      CertoCatalogUpdate *u = certo_offering_article_parse (bytes, "case.md", NULL, &error);

      g_assert_null (u);
      g_assert_error (error, CERTO_PARSE_ERROR, cases[i].code);
      g_assert_nonnull (strstr (error->message, "case.md"));
    }
}


/* A download cut off: the article parser notices where it can */

static GError *
parse_prefix (const char *text,
              gsize       length)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, length);
  g_autoptr(CertoCatalogUpdate) update = NULL;
  GError *error = NULL;

  update = certo_offering_article_parse (bytes, "cut.md", NULL, &error);
  g_assert_true ((update == NULL) == (error != NULL));
  return error;
}

static void
assert_cut (const char *text,
            gsize       length,
            const char *what)
{
  g_autoptr(GError) error = parse_prefix (text, length);

  if (!g_error_matches (error, CERTO_PARSE_ERROR, CERTO_PARSE_ERROR_TRUNCATED))
    {
      g_autofree char *tail = g_strndup (text + (length > 80 ? length - 80 : 0), MIN (length, 80));

      g_test_message ("cut at %" G_GSIZE_FORMAT " (%s), after: %s", length, what, tail);
    }
  g_assert_error (error, CERTO_PARSE_ERROR, CERTO_PARSE_ERROR_TRUNCATED);
  g_assert_nonnull (strstr (error->message, "“cut.md” seems cut off ("));
  g_assert_true (g_str_has_suffix (error->message, "); download it again"));
}

/* The reporter's file: the 2020 article cut after 6,138 bytes, in the
 * middle of a link, used to import as 8 documents */
static void
test_cut_off_reported (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) cut = NULL;
  g_autoptr(GError) error = NULL;
  CertoCatalogUpdate *update;

  if (certo_test_skip_unless_shared ("data/offerings/offering-ISO-27001.en-2020.md"))
    return;
  path = certo_test_shared_path ("data/offerings/offering-ISO-27001.en-2020.md");
  bytes = certo_test_load_bytes (path);
  cut = g_bytes_new_from_bytes (bytes, 0, 6138);

  update = certo_offering_article_parse (cut, "a.md", NULL, &error);
  g_assert_null (update);
  g_assert_error (error, CERTO_PARSE_ERROR, CERTO_PARSE_ERROR_TRUNCATED);
  g_assert_cmpstr (error->message, ==, "“a.md” seems cut off (it ends in the middle of a link); download it again");
}

/* Every real article cut in the middle of each of its links, tags,
 * spans, list items and sentences, and after each of its section
 * headings, is refused; the whole article is not */
static void
test_cut_off_everywhere (void)
{
  static const char * const files[] = {
    "data/offerings/offering-ISO-27001.en-2020.md",
    "data/offerings/offering-ISO-27001.en-2023.md",
    "data/offerings/offering-ISO-27017.en-2023.md",
    "seeds/000_075bc22780f9941d.txt",
  };
  guint n_cuts = 0;

  for (guint f = 0; f < G_N_ELEMENTS (files); f++)
    {
      g_autofree char *path = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) whole = NULL;
      const char *text;
      gsize length = 0;
      const char *line;

      if (certo_test_skip_unless_shared (files[f]))
        return;
      path = certo_test_shared_path (files[f]);
      bytes = certo_test_load_bytes (path);
      text = g_bytes_get_data (bytes, &length);

      whole = parse_prefix (text, length);
      g_assert_no_error (whole);

      for (line = text; line < text + length;)
        {
          const char *eol = memchr (line, '\n', text + length - line);
          const char *end = eol != NULL ? eol : text + length;
          gsize offset = line - text;
          const char *p;

          /* inside the first link of the line: after "](" and after "[x" */
          if ((p = g_strstr_len (line, end - line, "](")) != NULL && p + 4 < end)
            {
              assert_cut (text, p + 4 - text, "in a link's address");
              n_cuts++;
            }
          if ((p = memchr (line, '[', end - line)) != NULL && p + 3 < end && p[1] != '!')
            {
              assert_cut (text, p + 3 - text, "in a link's text");
              n_cuts++;
            }
          /* inside a tag, and inside a translated span */
          if ((p = g_strstr_len (line, end - line, "<span")) != NULL)
            {
              assert_cut (text, p + 5 - text, "in a tag");
              n_cuts++;
              p = memchr (p, '>', end - p);
              if (p != NULL && p + 3 < end)
                {
                  assert_cut (text, p + 3 - text, "in a span");
                  n_cuts++;
                }
            }
          /* a plain list item or a sentence, in the middle of a word */
          if (end - line > 12 && g_strstr_len (line, end - line, "[") == NULL &&
              g_strstr_len (line, end - line, "<") == NULL && line[0] != '#' && line[0] != '|' &&
              g_ascii_isalpha (line[end - line - 4]) && g_ascii_isalpha (line[end - line - 5]) &&
              offset > 0 && !g_str_has_prefix (line, "ms.") && !g_str_has_prefix (line, "---"))
            {
              /* only past the front matter */
              if (g_strstr_len (text, offset, "\n---") != NULL || text[0] != '-')
                {
                  assert_cut (text, end - 4 - text, "in a word");
                  n_cuts++;
                }
            }
          /* a section heading with nothing after it */
          if (g_str_has_prefix (line, "## ") || g_str_has_prefix (line, "### "))
            {
              assert_cut (text, eol != NULL ? (gsize) (eol + 1 - text) : length, "after a heading");
              n_cuts++;
            }

          line = eol != NULL ? eol + 1 : text + length;
        }
    }

  g_test_message ("%u cuts refused", n_cuts);
  g_assert_cmpuint (n_cuts, >, 100);
}

/* Cuts of the markup itself */
static void
test_cut_off_fixtures (void)
{
  static const struct { const char *text; const char *message; } cases[] = {
    { "---\ntitle: Cut in the front matter\nms.date: 02/0",
      "“cut.md” seems cut off (it ends inside its front matter); download it again" },
    { "## In-scope services\n\n- Intune\n\n<!-- a comment that",
      "“cut.md” seems cut off (it ends inside an HTML comment); download it again" },
    { "## In-scope services\n\n- Intune\n\n## Audits, reports, and certificates\n\n### Azure\n",
      "“cut.md” seems cut off (it ends with the heading “Azure” and nothing after it); download it again" },
    { "## In-scope services\n\n- Intune\n\n## Office 365 applicability\n\n| Environment | Services |\n|---|---|\n| GCC | Exchange",
      "“cut.md” seems cut off (it ends in the middle of a table row); download it again" },
    { "## In-scope services\n\n- Intune\n- Power",
      "“cut.md” seems cut off (it ends in the middle of a list item); download it again" },
    { "## In-scope services\n\n- Intune\n-",
      "“cut.md” seems cut off (it ends in the middle of a list item); download it again" },
    { "## In-scope services\n\n- Intune\n\n## Audits\n\n- [Azure certificate](https://example.com/c",
      "“cut.md” seems cut off (it ends in the middle of a link); download it again" },
    { "## In-scope services\n\n- <span data-ttu-id=\"a\">Intune</span><span class=\"sxs-lookup\"><span data-stu-id=\"a\">Int",
      "“cut.md” seems cut off (it ends in the middle of a translated sentence); download it again" },
    { "## In-scope services\n\n- Intune\n\nMicrosoft services are audited every",
      "“cut.md” seems cut off (it ends in the middle of a sentence); download it again" },
  };
  /* complete, with or without a last newline */
  static const char * const whole[] = {
    "## In-scope services\n\n- Intune\n- [Power BI](https://example.com/pbi)",
    "## In-scope services\n\n- Intune\n\nMicrosoft services are audited every year.",
    "## In-scope services\n\n- Intune\n",
    "## In-scope services\n\n- Intune <!-- not a comment block\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = parse_prefix (cases[i].text, strlen (cases[i].text));

      g_assert_error (error, CERTO_PARSE_ERROR, CERTO_PARSE_ERROR_TRUNCATED);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }
  for (guint i = 0; i < G_N_ELEMENTS (whole); i++)
    {
      g_autoptr(GError) error = parse_prefix (whole[i], strlen (whole[i]));

      g_assert_no_error (error);
    }
}

/* One line or many lines of about 1 MB each: linear work, capped lists, no crash */
static void
test_large_inputs (void)
{
  static const char *const units[] = {
    "- x\n", "-\n", "- [a](https://example.com/a)\n", "[", "<", "<span data-ttu-id=\"a\">",
    "</span>", "](", "![", "&#", "((", "<!--", "\\", "| a | b |\n", "## Resources\n", "### F\n",
    "#", "a, ", "- a — b: c\n", "<a name=\"x\">",
  };
  const gsize target = 1024 * 1024;

  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    for (guint section = 0; section < 3; section++)
      {
        static const char *const prefixes[] = {
          "## In-scope services\n- ",
          "## Audits, reports, and certificates\n### Family\n- [",
          "## Audits, reports, and certificates\n### ",
        };
        g_autoptr(GString) text = g_string_new (prefixes[section]);
        g_autoptr(GBytes) bytes = NULL;
        g_autoptr(GError) error = NULL;
        g_autoptr(CertoCatalogUpdate) u = NULL;

        while (text->len < target)
          g_string_append (text, units[i]);
        if (section == 1)
          g_string_append (text, " — ISO 27001 Certificate](https://example.com/c)\n");
        bytes = g_bytes_new (text->str, text->len);
        u = certo_offering_article_parse (bytes, "large.md", NULL, &error);
        /* A megabyte of "[" with no end reads as a cut-off article */
        if (g_error_matches (error, CERTO_PARSE_ERROR, CERTO_PARSE_ERROR_TRUNCATED))
          continue;
        g_assert_no_error (error);
        assert_valid (u);
        g_assert_cmpuint (u->services->len, <=, 500);
        g_assert_cmpuint (u->documents->len, <=, 1000);
      }

  /* a title listing a hundred thousand services */
  {
    g_autoptr(GString) text = g_string_new ("## In-scope services\n- Alpha\n## Audits, reports, and certificates\n### Alpha\n- [");
    g_autoptr(GBytes) bytes = NULL;
    g_autoptr(CertoCatalogUpdate) u = NULL;

    for (guint n = 0; n < 100000; n++)
      g_string_append_printf (text, "Name %u, and ", n);
    g_string_append (text, "Alpha — Certificate](https://example.com/c)\n");
    bytes = g_bytes_new (text->str, text->len);
    u = parse_bytes (bytes, "list.md", NULL);
    g_assert_cmpuint (u->documents->len, ==, 1);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/article/seed/summary", test_seed_summary);
  g_test_add_func ("/article/seed/services", test_seed_services);
  g_test_add_func ("/article/seed/certificates", test_seed_certificates);
  g_test_add_func ("/article/seed/coverage", test_seed_coverage);
  g_test_add_func ("/article/seed/reports", test_seed_reports);
  g_test_add_func ("/article/seed/other-documents", test_seed_other_documents);
  g_test_add_func ("/article/seed/deterministic", test_seed_deterministic);
  g_test_add_func ("/article/en-2020", test_en_2020);
  g_test_add_func ("/article/en-2023", test_en_2023);
  g_test_add_func ("/article/en-2023/base-uri", test_en_2023_base_uri);
  g_test_add_func ("/article/en-27017", test_en_27017);
  g_test_add_func ("/article/fixture/rules", test_fixture_rules);
  g_test_add_func ("/article/fixture/base-uri", test_fixture_base_uri);
  g_test_add_func ("/article/fixture/localized", test_fixture_localized);
  g_test_add_func ("/article/fixture/not-article", test_fixture_not_article);
  g_test_add_func ("/article/fixture/broken", test_fixture_broken);
  g_test_add_func ("/article/fixture/line-endings", test_fixture_line_endings);
  g_test_add_func ("/article/text-errors", test_text_errors);
  g_test_add_func ("/article/large-inputs", test_large_inputs);
  g_test_add_func ("/article/cut-off/reported", test_cut_off_reported);
  g_test_add_func ("/article/cut-off/everywhere", test_cut_off_everywhere);
  g_test_add_func ("/article/cut-off/fixtures", test_cut_off_fixtures);

  return g_test_run ();
}
