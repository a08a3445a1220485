/* bench-catalog.c — how the catalog store scales: import, load, search, memory
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-catalog [--runs K] [--db PATH] [N_DOCUMENTS]   (default 100,000)
 *
 * Builds a feed-shaped update of N documents (bilingual titles, families,
 * standards, covered services, links), imports it into a catalog database
 * in a temporary folder, imports it again (the re-import path that keeps
 * ids), loads it into a CertoCatalog from a new store as the application
 * does at start, then times the store's snapshot alone, the swap of a
 * snapshot into the catalog's models, a whole reload and searches, K times
 * each (default 3), and prints the median. With --db it loads an existing
 * catalog database instead of building one (for a profiler, or a real
 * catalog). A program that prints numbers, not a test. Set
 * CERTO_BENCH_KEEP=1 to keep the database for a look.
 *
 * Times are wall clock with the process's CPU time beside them: on a busy
 * machine the CPU time is the steadier figure. Sorting follows the
 * locale's collation, as in the application: run it under the locale
 * users have (LC_ALL=en_US.UTF-8), not C.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
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
             guint       n_documents,
             guint64    *out_rows)
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
  printf ("  %-34s %8.0f ms  (CPU %.0f ms; %" G_GUINT64_FORMAT " rows, %.0f rows/s)\n",
          label, seconds * 1000, cpu * 1000, rows, rows / seconds);
  if (out_rows != NULL)
    *out_rows = rows;
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

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double da = *(const double *) a;
  double db = *(const double *) b;

  return (da > db) - (da < db);
}

/* Median of @n values (sorts them) */
static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

typedef struct
{
  double wall_ms;
  double cpu_ms;
} Timing;

static Timing
timing_start (void)
{
  return (Timing) { g_get_monotonic_time () / 1e3, cpu_seconds () * 1e3 };
}

static void
timing_stop (Timing *t)
{
  t->wall_ms = g_get_monotonic_time () / 1e3 - t->wall_ms;
  t->cpu_ms = cpu_seconds () * 1e3 - t->cpu_ms;
}

/* Median wall and CPU of @runs timings */
static Timing
timing_median (Timing *runs,
               guint   n)
{
  g_autofree double *wall = g_new (double, n);
  g_autofree double *cpu = g_new (double, n);

  for (guint i = 0; i < n; i++)
    {
      wall[i] = runs[i].wall_ms;
      cpu[i] = runs[i].cpu_ms;
    }
  return (Timing) { median (wall, n), median (cpu, n) };
}

static void
load_catalog (CertoCatalog *catalog)
{
  g_autoptr(GAsyncResult) loaded = NULL;
  g_autoptr(GError) error = NULL;

  certo_catalog_load_async (catalog, NULL, result_cb, &loaded);
  wait_for (&loaded);
  if (!certo_catalog_load_finish (catalog, loaded, &error))
    {
      g_printerr ("bench-catalog: load failed: %s\n", error->message);
      exit (1);
    }
}

static CertoCatalogSnapshot *
load_snapshot (CertoStore *store)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  CertoCatalogSnapshot *snapshot;

  certo_store_load_async (store, NULL, result_cb, &result);
  wait_for (&result);
  snapshot = certo_store_load_finish (store, result, &error);
  if (snapshot == NULL)
    {
      g_printerr ("bench-catalog: load failed: %s\n", error->message);
      exit (1);
    }
  return snapshot;
}

static void
print_timing (const char *label,
              Timing      t,
              const char *what)
{
  printf ("  %-34s %8.0f ms  (CPU %.0f ms; %s)\n", label, t.wall_ms, t.cpu_ms, what);
}

static void
remove_dir (const char *dir)
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

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *db_path = NULL;
  g_autoptr(CertoStore) store = NULL;
  g_autoptr(CertoCatalog) catalog = NULL;
  const char *queries[] = { "intune", "GENÒMICA controllo", "is 000042", "nothing matches" };
  double search_medians[G_N_ELEMENTS (queries)];
  g_autofree Timing *runs = NULL;
  int n_runs = 3;
  guint n_documents = 100000;
  double import_rate = 0;
  double rss_mib_per_100k;
  long rss_before;
  long rss_delta;
  Timing first;
  Timing snapshot_t;
  Timing swap_t;
  Timing reload_t;
  GStatBuf st;
  guint n_loaded;
  GOptionEntry entries[] = {
    { "runs", 'r', 0, G_OPTION_ARG_INT, &n_runs, "Time each step K times, print the median (default 3)", "K" },
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, "Load this catalog database instead of building one", "PATH" },
    { NULL }
  };

  context = g_option_context_new ("[N_DOCUMENTS] — how the catalog store scales");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("bench-catalog: %s\n", error->message);
      return 2;
    }
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
  if (n_runs < 1 || n_runs > 100)
    {
      g_printerr ("bench-catalog: --runs takes 1 to 100\n");
      return 2;
    }
  runs = g_new (Timing, n_runs);

  /* As the application does: collation follows the user's locale
   * (LC_COLLATE), display languages LANGUAGE */
  setlocale (LC_ALL, "");
  g_setenv ("LANGUAGE", "en", TRUE);

  if (db_path != NULL)
    {
      path = g_canonicalize_filename (db_path, NULL);
      printf ("Certo catalog benchmark: %s, %d runs\n", path, n_runs);
    }
  else
    {
      dir = g_dir_make_tmp ("certo-bench-XXXXXX", &error);
      g_assert_no_error (error);
      path = g_build_filename (dir, "catalog.db", NULL);
      store = certo_store_new (path);

      printf ("Certo catalog benchmark: %u documents, %u services, %u families, %d runs\n",
              n_documents, N_SERVICES, N_FAMILIES, n_runs);
      {
        guint64 rows = 0;
        double seconds = import_once (store, "import (new rows)", n_documents, &rows);

        import_rate = rows / seconds;
      }
      import_once (store, "re-import (same keys, same ids)", n_documents, NULL);

      certo_store_close (store);
      g_clear_object (&store);
    }

  /* Start over as the application does at start: a new store on the
   * existing file. malloc_trim() returns what the imports freed, so the
   * RSS difference is what the loaded catalog holds. */
  malloc_trim (0);
  rss_before = status_kib ("VmRSS:");
  store = certo_store_new (path);
  catalog = certo_catalog_new (store);
  certo_catalog_set_builtin_path (catalog, NULL);

  first = timing_start ();
  load_catalog (catalog);
  timing_stop (&first);
  n_loaded = g_list_model_get_n_items (certo_catalog_get_documents (catalog));
  print_timing ("catalog load, first (to models)", first, "open, check, snapshot, models");
  rss_delta = status_kib ("VmRSS:") - rss_before;
  rss_mib_per_100k = n_loaded > 0 ? rss_delta / 1024.0 * 100000 / n_loaded : 0;
  printf ("  %-34s %8ld KiB (+%ld KiB for the catalog: %.0f MiB per 100k documents)\n",
          "RSS after load", status_kib ("VmRSS:"), rss_delta, rss_mib_per_100k);
  if (g_getenv ("CERTO_BENCH_TRIM") != NULL)
    {
      malloc_trim (0);
      printf ("  %-34s %8ld KiB (+%ld KiB)\n", "RSS after malloc_trim()", status_kib ("VmRSS:"),
              status_kib ("VmRSS:") - rss_before);
    }

  /* The store's part alone: a snapshot built on the worker thread */
  for (int i = 0; i < n_runs; i++)
    {
      CertoCatalogSnapshot *snapshot;

      runs[i] = timing_start ();
      snapshot = load_snapshot (store);
      timing_stop (&runs[i]);
      certo_catalog_snapshot_free (snapshot);
    }
  snapshot_t = timing_median (runs, n_runs);
  print_timing ("store load (snapshot only)", snapshot_t, "worker thread");

  /* The main thread's part: a snapshot into the models, the old one freed */
  for (int i = 0; i < n_runs; i++)
    {
      CertoCatalogSnapshot *snapshot = load_snapshot (store);

      runs[i] = timing_start ();
      certo_catalog_apply_snapshot (catalog, snapshot);
      timing_stop (&runs[i]);
    }
  swap_t = timing_median (runs, n_runs);
  print_timing ("swap into models (main thread)", swap_t, "lookup tables, splices, old objects freed");

  for (int i = 0; i < n_runs; i++)
    {
      runs[i] = timing_start ();
      load_catalog (catalog);
      timing_stop (&runs[i]);
    }
  reload_t = timing_median (runs, n_runs);
  print_timing ("catalog load again (to models)", reload_t, "snapshot and swap");

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      g_autofree char *label = g_strdup_printf ("search \"%s\"", queries[q]);
      g_autofree double *ms = g_new (double, n_runs);
      guint n_found = 0;

      for (int i = 0; i < n_runs; i++)
        ms[i] = search_ms (catalog, queries[q], &n_found);
      search_medians[q] = median (ms, n_runs);
      printf ("  %-34s %8.1f ms  (%u found)\n", label, search_medians[q], n_found);
    }

  printf ("  %-34s %8ld KiB\n", "peak RSS (imports included)", status_kib ("VmHWM:"));
  if (g_stat (path, &st) == 0)
    printf ("  %-34s %8lld KiB\n", "catalog.db", (long long) st.st_size / 1024);

  /* One line a note can quote */
  {
    double lo = search_medians[0];
    double hi = search_medians[0];

    for (guint q = 1; q < G_N_ELEMENTS (queries); q++)
      {
        lo = MIN (lo, search_medians[q]);
        hi = MAX (hi, search_medians[q]);
      }
    printf ("Summary for %u documents:", n_loaded);
    if (import_rate > 0)
      printf (" import %.0fk rows/s;", import_rate / 1000);
    printf (" first load %.0f ms to models (CPU %.0f ms); snapshot %.0f ms; swap %.0f ms;"
            " reload %.0f ms; search %.1f–%.1f ms; +%.0f MiB RSS per 100k documents;"
            " catalog.db %.0f MiB\n",
            first.wall_ms, first.cpu_ms, snapshot_t.wall_ms, swap_t.wall_ms, reload_t.wall_ms,
            lo, hi, rss_mib_per_100k, st.st_size / 1048576.0);
  }

  g_clear_object (&catalog);
  certo_store_close (store);
  g_clear_object (&store);

  if (dir == NULL)
    return 0;
  if (g_getenv ("CERTO_BENCH_KEEP") != NULL)
    {
      printf ("  kept %s\n", path);
      return 0;
    }
  remove_dir (dir);

  return 0;
}
