/* bench-catalog.c — how the catalog store scales: import, load, search, memory
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-catalog [N_DOCUMENTS]   (default 100,000)
 *
 * Builds a feed-shaped update of N documents (bilingual titles, families,
 * standards, covered services, links), imports it into a catalog database
 * in a temporary folder, imports it again (the re-import path that keeps
 * ids), loads it into a CertoCatalog, searches every document, and prints
 * the figures. A program that prints numbers, not a test. Set
 * CERTO_BENCH_KEEP=1 to keep the database for a look.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <malloc.h>
#include <stdio.h>
#include <sys/resource.h>
#include <stdlib.h>
#include <string.h>

#include "certo.h"
#include "certo-catalog-private.h"

#define N_FAMILIES 12
#define N_SERVICES 240

static const char * const words_en[] = {
  "Azure", "Cloud", "Security", "Dynamics", "Office", "Intune", "Graph", "Stream",
  "Genomics", "Flow", "Datacenter", "Report", "Assessment", "Audit", "Bot", "Health",
};
static const char * const words_it[] = {
  "Azure", "Cloud", "Sicurezza", "Dynamics", "Office", "Intune", "Graph", "Stream",
  "Genòmica", "Flusso", "Data center", "Rapporto", "Valutazione", "Controllo", "Bot", "Salute",
};

static void
result_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static void
wait_for (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
}

/* CPU seconds of every thread so far: wall time alone misleads on a busy machine */
static double
cpu_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 +
         usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
}

static char *
words (const char * const *table,
       guint               seed,
       guint               n)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (s, ' ');
      g_string_append (s, table[(seed * 7 + i * 13 + i * seed) % G_N_ELEMENTS (words_en)]);
    }
  return g_string_free (s, FALSE);
}

static CertoCatalogUpdate *
make_update (guint n_documents,
             guint64 *out_rows)
{
  CertoCatalogUpdate *update = certo_catalog_update_new (CERTO_UPDATE_FORMAT_CATALOG);
  const char *standards[] = { "iso27001-2013", "iso27017", "iso27018" };
  guint64 rows = 1;

  update->id = g_strdup ("bench");
  update->title = certo_localized_new_plain ("Benchmark catalog");
  update->publisher = g_strdup ("Bench");

  for (guint i = 0; i < G_N_ELEMENTS (standards); i++)
    {
      CertoUpdateStandard *s = certo_update_standard_new ();

      s->id = g_strdup (standards[i]);
      s->name = g_strdup_printf ("ISO/IEC %s", standards[i] + 3);
      g_ptr_array_add (update->standards, s);
      rows++;
    }

  for (guint i = 0; i < N_FAMILIES; i++)
    {
      CertoUpdateFamily *f = certo_update_family_new ();

      f->id = g_strdup_printf ("family-%u", i);
      f->name = certo_localized_new_plain (words_en[i % G_N_ELEMENTS (words_en)]);
      g_ptr_array_add (update->families, f);
      rows++;
    }

  for (guint i = 0; i < N_SERVICES; i++)
    {
      CertoUpdateService *s = certo_update_service_new ();
      g_autofree char *en = words (words_en, i, 2);
      g_autofree char *it = words (words_it, i, 2);

      s->id = g_strdup_printf ("service-%u", i);
      s->name = certo_localized_new ();
      certo_localized_set (s->name, "en", en);
      certo_localized_set (s->name, "it", it);
      g_ptr_array_add (s->families, g_strdup_printf ("family-%u", i % N_FAMILIES));
      g_ptr_array_add (update->services, s);
      rows += 2;
    }

  for (guint i = 0; i < n_documents; i++)
    {
      CertoUpdateDocument *d = certo_update_document_new ();
      g_autofree char *en = words (words_en, i, 8);
      g_autofree char *it = words (words_it, i, 8);
      g_autofree char *title_en = g_strdup_printf ("%s — ISO 27001 Certificate %u", en, i);
      g_autofree char *title_it = g_strdup_printf ("%s - Certificato ISO 27001 %u", it, i);

      d->id = g_strdup_printf ("document-%u", i);
      d->kind = 1 + i % CERTO_DOCUMENT_KIND_LAST;
      d->title = certo_localized_new ();
      certo_localized_set (d->title, "en", title_en);
      certo_localized_set (d->title, "it", title_it);
      d->family = g_strdup_printf ("family-%u", i % N_FAMILIES);
      g_ptr_array_add (d->standards, g_strdup (standards[0]));
      if (i % 3 == 0)
        g_ptr_array_add (d->standards, g_strdup (standards[2]));
      for (guint j = 0; j < 3; j++)
        g_ptr_array_add (d->services, g_strdup_printf ("service-%u", (i * 3 + j * 17) % N_SERVICES));
      g_ptr_array_add (d->service_names, g_strdup ("Microsoft Datacenter"));
      if (d->kind == CERTO_DOCUMENT_KIND_CERTIFICATE)
        {
          d->issuer = g_strdup ("BSI");
          d->certificate_number = g_strdup_printf ("IS %06u", i);
          d->issued = g_strdup ("2019-11-05");
          d->expires = g_strdup ("2022-11-05");
        }
      g_ptr_array_add (d->urls, g_strdup_printf ("https://example.com/documents/%u.pdf", i));
      if (i % 4 == 0)
        g_ptr_array_add (d->urls, g_strdup_printf ("https://mirror.example.com/documents/%u.pdf", i));
      d->language = g_strdup ("en");
      rows += 1 + d->standards->len + d->services->len + d->service_names->len + d->urls->len;
      g_ptr_array_add (update->documents, d);
    }

  *out_rows = rows;
  return update;
}

static double
import_once (CertoStore *store,
             const char *label,
             guint       n_documents)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  CertoSourceSpec spec = { .key = "file:///bench.json", .kind = CERTO_SOURCE_KIND_FILE,
                           .format = CERTO_SOURCE_FORMAT_CATALOG };
  guint64 rows = 0;
  CertoCatalogUpdate *update = make_update (n_documents, &rows);
  gint64 start = g_get_monotonic_time ();
  double cpu = cpu_seconds ();
  double seconds;

  certo_store_import_async (store, &spec, update, NULL, result_cb, &result);
  wait_for (&result);
  if (certo_store_import_finish (store, result, &error) == 0)
    {
      g_printerr ("bench-catalog: import failed: %s\n", error->message);
      exit (1);
    }
  seconds = (g_get_monotonic_time () - start) / 1e6;
  cpu = cpu_seconds () - cpu;
  printf ("  %-32s %9.0f ms  (CPU %.0f ms; %" G_GUINT64_FORMAT " rows, %.0f rows/s)\n",
          label, seconds * 1000, cpu * 1000, rows, rows / seconds);
  return seconds;
}

static long
status_kib (const char *field)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, field);
  if (line == NULL)
    return -1;
  return strtol (line + strlen (field), NULL, 10);
}

static double
search_ms (CertoCatalog *catalog,
           const char   *text,
           guint        *n_found)
{
  gint64 start = g_get_monotonic_time ();
  g_autoptr(GListModel) found = certo_catalog_search_documents (catalog, text);
  double ms = (g_get_monotonic_time () - start) / 1e3;

  *n_found = g_list_model_get_n_items (found);
  return ms;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(CertoStore) store = NULL;
  g_autoptr(CertoCatalog) catalog = NULL;
  g_autoptr(GAsyncResult) loaded = NULL;
  g_autoptr(GAsyncResult) snapshot_result = NULL;
  g_autoptr(CertoCatalogSnapshot) snapshot = NULL;
  guint n_documents = 100000;
  long rss_before;
  gint64 start;
  double cpu;
  GStatBuf st;
  guint n_found = 0;

  if (argc > 1)
    {
      guint64 n = 0;

      if (!g_ascii_string_to_unsigned (argv[1], 10, 1, 10000000, &n, &error))
        {
          g_printerr ("Usage: bench-catalog [N_DOCUMENTS]: %s\n", error->message);
          return 2;
        }
      n_documents = n;
    }

  g_setenv ("LANGUAGE", "en", TRUE);
  dir = g_dir_make_tmp ("certo-bench-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "catalog.db", NULL);
  store = certo_store_new (path);
  rss_before = status_kib ("VmRSS:");

  printf ("Certo catalog benchmark: %u documents, %u services, %u families\n",
          n_documents, N_SERVICES, N_FAMILIES);
  import_once (store, "import (new rows)", n_documents);
  import_once (store, "re-import (same keys, same ids)", n_documents);

  /* Start over as the application does at start: a new store on the
   * existing file. malloc_trim() returns what the imports freed, so the
   * RSS difference is what the loaded catalog holds. */
  certo_store_close (store);
  g_clear_object (&store);
  malloc_trim (0);
  rss_before = status_kib ("VmRSS:");
  store = certo_store_new (path);

  catalog = certo_catalog_new (store);
  certo_catalog_set_builtin_path (catalog, NULL);
  start = g_get_monotonic_time ();
  cpu = cpu_seconds ();
  certo_catalog_load_async (catalog, NULL, result_cb, &loaded);
  wait_for (&loaded);
  if (!certo_catalog_load_finish (catalog, loaded, &error))
    {
      g_printerr ("bench-catalog: load failed: %s\n", error->message);
      return 1;
    }
  printf ("  %-32s %9.0f ms  (CPU %.0f ms; open, check, snapshot, models)\n", "catalog load (first)",
          (g_get_monotonic_time () - start) / 1e3, (cpu_seconds () - cpu) * 1000);
  printf ("  %-32s %9ld KiB (%ld KiB more than before the load)\n", "RSS after load",
          status_kib ("VmRSS:"), status_kib ("VmRSS:") - rss_before);

  {
    const char *queries[] = { "intune", "GENÒMICA controllo", "is 000042", "nothing matches" };

    for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
      {
        g_autofree char *label = g_strdup_printf ("search \"%s\"", queries[i]);
        double ms = search_ms (catalog, queries[i], &n_found);

        printf ("  %-32s %9.1f ms  (%u found)\n", label, ms, n_found);
      }
  }

  /* The store's part alone: a snapshot built on the worker thread */
  start = g_get_monotonic_time ();
  cpu = cpu_seconds ();
  certo_store_load_async (store, NULL, result_cb, &snapshot_result);
  wait_for (&snapshot_result);
  snapshot = certo_store_load_finish (store, snapshot_result, &error);
  g_assert_no_error (error);
  printf ("  %-32s %9.0f ms  (CPU %.0f ms; %u documents)\n", "store load (snapshot only)",
          (g_get_monotonic_time () - start) / 1e3, (cpu_seconds () - cpu) * 1000,
          snapshot->documents->len);
  g_clear_pointer (&snapshot, certo_catalog_snapshot_free);

  printf ("  %-32s %9ld KiB\n", "peak RSS (imports included)", status_kib ("VmHWM:"));
  if (g_stat (path, &st) == 0)
    printf ("  %-32s %9lld KiB\n", "catalog.db", (long long) st.st_size / 1024);

  g_clear_object (&catalog);
  certo_store_close (store);
  g_clear_object (&store);

  if (g_getenv ("CERTO_BENCH_KEEP") != NULL)
    {
      printf ("  kept %s\n", path);
      return 0;
    }

  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while (d != NULL && (name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *file = g_build_filename (dir, name, NULL);
        g_unlink (file);
      }
    g_rmdir (dir);
  }

  return 0;
}
