/* bench-export.c — how long the SoA exports, the status report and the
 * SoA import take
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-export [N_CONTROLS]   (default 1,000)
 *
 * Builds two workspaces in a temporary folder: ISO/IEC 27001:2022 (93
 * Annex A controls) and an imported OSCAL catalog of N_CONTROLS controls,
 * every control decided (some excluded with a justification), statuses,
 * points, owners, due dates and evidence. Then times, for each: the
 * snapshot (main thread), each export format end to end (snapshot, worker
 * thread, temporary file, rename), and the CSV import of the workspace's
 * own export into a fresh workspace. A program that prints numbers, not a
 * test. Set CERTO_BENCH_KEEP=1 to keep the files for a look.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "certo.h"
#include "certo-export.h"
#include "certo-soa-import.h"
#include "certo-workspace.h"

#define RUNS 5

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

static void
check (GError *error)
{
  if (error != NULL)
    {
      fprintf (stderr, "bench-export: %s\n", error->message);
      exit (1);
    }
}

/* An OSCAL catalog of @n controls in groups of 50, with ISO-like labels */
static GBytes *
make_catalog (guint n)
{
  GString *json = g_string_new (NULL);
  guint n_groups = (n + 49) / 50;

  g_string_append (json, "{\"catalog\":{\"uuid\":\"00000000-0000-4000-8000-000000000001\","
                         "\"metadata\":{\"title\":\"Bench catalog\",\"last-modified\":\"2026-01-01T00:00:00Z\","
                         "\"version\":\"1\",\"oscal-version\":\"1.1.2\"},\"groups\":[");
  for (guint g = 0; g < n_groups; g++)
    {
      g_string_append_printf (json, "%s{\"id\":\"g%u\",\"class\":\"family\",\"title\":\"Family %u of the bench\","
                                    "\"props\":[{\"name\":\"label\",\"value\":\"G%u\"}],\"controls\":[",
                              g > 0 ? "," : "", g + 1, g + 1, g + 1);
      for (guint c = 0; c < 50 && g * 50 + c < n; c++)
        g_string_append_printf (json, "%s{\"id\":\"g%u-%u\",\"class\":\"control\","
                                      "\"title\":\"Control %u of family %u, with a title of some length\","
                                      "\"props\":[{\"name\":\"label\",\"value\":\"G%u-%u\"}]}",
                                c > 0 ? "," : "", g + 1, c + 1, c + 1, g + 1, g + 1, c + 1);
      g_string_append (json, "]}");
    }
  g_string_append (json, "]}}");

  return g_string_free_to_bytes (json);
}

static CertoWorkspace *
create (const char     *data_dir,
        const char     *path,
        CertoFramework *framework)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  CertoWorkspace *ws = certo_workspace_new (data_dir);

  certo_workspace_set_save_delay (ws, 600000);
  certo_workspace_create_async (ws, file, framework, "Acme S.p.A.", "Head office, all IT services",
                                CERTO_WORKSPACE_CREATE_NONE, NULL, result_cb, &result);
  wait_for (&result);
  certo_workspace_create_finish (ws, result, &error);
  check (error);
  return ws;
}

/* Every control decided, in a fixed pattern */
static void
fill (CertoWorkspace *ws)
{
  GListModel *model = certo_workspace_get_requirements (ws);
  g_autoptr(GError) error = NULL;
  guint n = g_list_model_get_n_items (model);
  guint n_evidence = 0;

  certo_workspace_set_certificate_number (ws, "IS 712345");
  certo_workspace_set_certification_body (ws, "BSI");
  certo_workspace_set_certificate_issue_date (ws, "2026-03-01", NULL);
  certo_workspace_add_soa_version (ws, "2.0", "Maria Rossi", "2026-02-15", NULL, &error);
  check (error);

  certo_workspace_begin_changes (ws);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CertoRequirementState) state = g_list_model_get_item (model, i);

      if (!certo_requirement_state_get_is_annex_a (state))
        continue;

      if (i % 9 == 4)
        {
          certo_requirement_state_set_applicability (state, CERTO_APPLICABILITY_EXCLUDED, NULL);
          certo_requirement_state_set_exclusion_justification (state,
            "Not relevant: the organisation has no activity of this kind in the scope, "
            "as the risk assessment of 2026 records (section 4.2, \"out of scope\").");
        }
      else
        {
          certo_requirement_state_set_applicability (state, CERTO_APPLICABILITY_APPLICABLE, NULL);
          certo_requirement_state_set_inclusion_reasons (state, (i % 3 == 0 ? CERTO_INCLUSION_LEGAL : 0) |
                                                                CERTO_INCLUSION_RISK_TREATMENT);
        }
      certo_requirement_state_set_status (state, i % 4);
      certo_requirement_state_set_control_type (state, 1 + i % 3);
      certo_requirement_state_set_obligation (state, 1 + i % 2);
      certo_requirement_state_set_owner (state, i % 2 ? "Luca Bianchi" : "Giulia Verdi");
      if (i % 10 == 0)
        certo_requirement_state_set_due_date (state, "2025-12-31", NULL);

      if (i % 5 == 0 && n_evidence < 200)
        {
          const char *keys[] = { certo_requirement_state_get_key (state), NULL };
          g_autofree char *title = g_strdup_printf ("Evidence record %u (procedure and logs)", ++n_evidence);
          CertoEvidenceSpec spec = { title, NULL, NULL, i % 15 == 0 ? "2027-01-10" : NULL, keys };
          g_autofree char *url = g_strdup_printf ("https://intranet.example.com/evidence/%u", n_evidence);

          certo_workspace_add_evidence_link (ws, url, &spec, &error);
          check (error);
        }
    }
  certo_workspace_end_changes (ws);
}

static double
time_export (CertoWorkspace    *ws,
             CertoExportFormat  format,
             const char        *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  double best = G_MAXDOUBLE;

  for (guint run = 0; run < RUNS; run++)
    {
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();

      certo_export_async (ws, format, file, NULL, result_cb, &result);
      wait_for (&result);
      certo_export_finish (ws, result, &error);
      check (error);
      best = MIN (best, (g_get_monotonic_time () - start) / 1000.0);
    }

  return best;
}

static double
time_snapshot (CertoWorkspace *ws)
{
  double best = G_MAXDOUBLE;

  for (guint run = 0; run < RUNS; run++)
    {
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();
      g_autoptr(CertoExportSnapshot) snapshot = certo_export_snapshot_new (ws, &error);

      check (error);
      best = MIN (best, (g_get_monotonic_time () - start) / 1000.0);
    }

  return best;
}

static gint64
file_size (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? (gint64) st.st_size : -1;
}

static void
bench_workspace (const char     *label,
                 const char     *tmp,
                 const char     *data_dir,
                 CertoFramework *framework)
{
  g_autofree char *ws_path = g_strdup_printf ("%s/%s.certo", tmp, label);
  g_autofree char *fresh_path = g_strdup_printf ("%s/%s-fresh.certo", tmp, label);
  g_autoptr(CertoWorkspace) ws = create (data_dir, ws_path, framework);
  g_autoptr(CertoWorkspace) fresh = NULL;
  g_autoptr(CertoExportSnapshot) snapshot = NULL;
  g_autoptr(CertoSoaImportReport) report = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *csv_path = NULL;
  g_autoptr(GFile) csv = NULL;
  gint64 start;
  double import_ms;

  fill (ws);
  snapshot = certo_export_snapshot_new (ws, &error);
  check (error);

  printf ("\n%s: %u controls in the SoA\n", label, certo_export_snapshot_get_n_controls (snapshot));
  printf ("  %-26s %9.2f ms (main thread)\n", "snapshot", time_snapshot (ws));

  for (CertoExportFormat format = CERTO_EXPORT_SOA_CSV; format <= CERTO_EXPORT_STATUS_PDF; format++)
    {
      g_autofree char *path = g_strdup_printf ("%s/%s-%s%s", tmp, label, certo_export_format_to_nick (format),
                                               certo_export_format_get_extension (format));
      double ms = time_export (ws, format, path);
      g_autofree char *what = g_strdup_printf ("export %s", certo_export_format_to_nick (format));

      printf ("  %-26s %9.2f ms   %8" G_GINT64_FORMAT " bytes\n", what, ms, file_size (path));
    }

  /* The CSV back into a fresh workspace */
  csv_path = g_strdup_printf ("%s/%s-csv.csv", tmp, label);
  csv = g_file_new_for_path (csv_path);
  fresh = create (data_dir, fresh_path, framework);
  start = g_get_monotonic_time ();
  certo_soa_import_async (fresh, csv, NULL, result_cb, &result);
  wait_for (&result);
  report = certo_soa_import_finish (fresh, result, &error);
  check (error);
  import_ms = (g_get_monotonic_time () - start) / 1000.0;
  printf ("  %-26s %9.2f ms   %u rows applied, %u changed, %u unmatched, %u invalid\n", "import csv (fresh)",
          import_ms, report->n_applied, report->n_changed, report->unmatched->len, report->invalid->len);

  g_clear_object (&result);
  certo_workspace_close_async (fresh, CERTO_WORKSPACE_CLOSE_DISCARD, NULL, result_cb, &result);
  wait_for (&result);
  certo_workspace_close_finish (fresh, result, NULL);
  g_clear_object (&result);
  certo_workspace_close_async (ws, CERTO_WORKSPACE_CLOSE_DISCARD, NULL, result_cb, &result);
  wait_for (&result);
  certo_workspace_close_finish (ws, result, NULL);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = g_dir_make_tmp ("certo-bench-export-XXXXXX", &error);
  g_autofree char *data_dir = NULL;
  g_autoptr(CertoFramework) iso = NULL;
  g_autoptr(CertoFramework) big = NULL;
  g_autoptr(GBytes) catalog = NULL;
  guint n = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 1000;

  check (error);
  data_dir = g_build_filename (tmp, "data", NULL);

  iso = certo_framework_load_builtin (CERTO_FRAMEWORK_ISO27001_2022, &error);
  check (error);
  catalog = make_catalog (n);
  big = certo_framework_new_from_oscal (catalog, "bench.json", &error);
  check (error);

  printf ("bench-export: best of %d runs; the SoA's three formats and the status report\n", RUNS);
  bench_workspace ("iso27001-2022", tmp, data_dir, iso);
  bench_workspace ("imported", tmp, data_dir, big);

  if (g_getenv ("CERTO_BENCH_KEEP") != NULL)
    printf ("\nFiles kept in %s\n", tmp);
  else
    remove_tree (tmp);

  return 0;
}
