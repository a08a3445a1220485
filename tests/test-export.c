/* test-export.c — the SoA exports (CSV, XLSX, PDF), the status report,
 * and the CSV SoA import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Real workspaces made with the workspace API in temporary folders, real
 * files written and read back as a user's tools would: the CSV byte for
 * byte, the XLSX as a zip (read with GIO, and `unzip -t` when present),
 * the PDFs through poppler's pdftotext and pdfinfo (skipped, with a
 * message, when poppler-utils is absent). After every export the
 * workspace file and its history are exactly as before.
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "certo.h"
#include "certo-test-util.h"
#include "certo-export.h"
#include "certo-soa-import.h"
#include "certo-workspace.h"
#include "certo-workspace-score.h"

#define LONG_TEXT_START "START-OF-LONG-TEXT"
#define LONG_TEXT_END "END-OF-LONG-TEXT"

typedef struct
{
  char           *tmp;
  char           *data_dir;
  char           *docs;
  char           *out;
  char           *workspace_path;
  CertoWorkspace *ws;
  char           *sha256;        /* of the workspace file after setup */
  guint           n_history;
  char           *today;
} Fixture;

/* Helpers */

static void
store_result (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  chmod (path, 0755);
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

static CertoWorkspace *
create_workspace (Fixture    *f,
                  const char *name,
                  const char *framework_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CertoFramework) framework = certo_framework_load_builtin (framework_id, &error);
  g_autofree char *path = g_build_filename (f->docs, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;
  CertoWorkspace *ws;

  g_assert_no_error (error);
  ws = certo_workspace_new (f->data_dir);
  certo_workspace_set_user_name (ws, "Alice Auditor");
  /* Only explicit saves: the file's checksum must not move under the test */
  certo_workspace_set_save_delay (ws, 600000);
  certo_workspace_create_async (ws, file, framework, "Acme S.p.A.", "Head office, all IT services",
                                CERTO_WORKSPACE_CREATE_NONE, NULL, store_result, &result);
  certo_test_wait_async (&result);
  certo_workspace_create_finish (ws, result, &error);
  g_assert_no_error (error);
  certo_workspace_set_save_delay (ws, 600000);
  return ws;
}

static void
save_workspace (CertoWorkspace *ws)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  certo_workspace_save_async (ws, CERTO_WORKSPACE_SAVE_NONE, NULL, store_result, &result);
  certo_test_wait_async (&result);
  certo_workspace_save_finish (ws, result, &error);
  g_assert_no_error (error);
}

static void
close_workspace (CertoWorkspace *ws)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  certo_workspace_close_async (ws, CERTO_WORKSPACE_CLOSE_DISCARD, NULL, store_result, &result);
  certo_test_wait_async (&result);
  certo_workspace_close_finish (ws, result, &error);
  g_assert_no_error (error);
}

static guint
count_history (CertoWorkspace *ws)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) history = NULL;

  certo_workspace_load_history_async (ws, NULL, 0, NULL, store_result, &result);
  certo_test_wait_async (&result);
  history = certo_workspace_load_history_finish (ws, result, &error);
  g_assert_no_error (error);
  return g_list_model_get_n_items (history);
}

static CertoRequirementState *
control (CertoWorkspace *ws,
         const char     *label)
{
  CertoRequirementState *state = certo_workspace_find_requirement (ws, label);

  g_assert_nonnull (state);
  g_assert_true (certo_requirement_state_get_is_annex_a (state));
  return state;
}

static char *
days_from_today (int days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, days);

  return g_date_time_format (then, "%Y-%m-%d");
}

static char *
long_justification (void)
{
  GString *text = g_string_new (LONG_TEXT_START " ");

  /* One token per sentence, "P017:", which no line break can split */
  for (guint i = 0; i < 180; i++)
    g_string_append_printf (text, "P%03u: the organisation has no such activity in this scope.%s",
                            i, i % 6 == 5 ? "\n" : " ");
  g_string_append (text, LONG_TEXT_END);
  return g_string_free (text, FALSE);
}

/* The workspace every test starts from: ISO/IEC 27001:2022, a few
 * controls decided (some excluded, with awkward justifications), statuses,
 * points, evidence, an approved SoA version and a certificate */
static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *issued = days_from_today (-180);
  g_autofree char *expires = days_from_today (3 * 365 - 180);
  g_autofree char *soon = days_from_today (30);
  g_autofree char *long_text = long_justification ();
  CertoRequirementState *state;
  CertoEvidenceSpec spec = { 0 };
  const char *policy_keys[] = { "A.5.1", "A.8.1", NULL };
  const char *feed_keys[] = { "A.5.7", NULL };
  CertoEvidence *evidence;

  f->tmp = g_dir_make_tmp ("certo-export-XXXXXX", &error);
  g_assert_no_error (error);
  f->data_dir = g_build_filename (f->tmp, "data", NULL);
  f->docs = g_build_filename (f->tmp, "docs", NULL);
  f->out = g_build_filename (f->tmp, "out", NULL);
  g_assert_cmpint (g_mkdir_with_parents (f->docs, 0755), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (f->out, 0755), ==, 0);
  f->today = days_from_today (0);

  f->ws = create_workspace (f, "acme.certo", CERTO_FRAMEWORK_ISO27001_2022);
  f->workspace_path = g_build_filename (f->docs, "acme.certo", NULL);

  certo_workspace_set_certificate_number (f->ws, "IS 712345");
  certo_workspace_set_certification_body (f->ws, "BSI");
  g_assert_true (certo_workspace_set_certificate_issue_date (f->ws, issued, &error));
  g_assert_true (certo_workspace_set_certificate_expiry_date (f->ws, expires, &error));
  g_assert_nonnull (certo_workspace_add_soa_version (f->ws, "1.2", "Maria Rossi", "2026-01-15",
                                                     "Approved by the ISMS committee", &error));
  g_assert_no_error (error);

  state = control (f->ws, "A.5.1");
  g_assert_true (certo_requirement_state_set_applicability (state, CERTO_APPLICABILITY_APPLICABLE, &error));
  certo_requirement_state_set_inclusion_reasons (state, CERTO_INCLUSION_LEGAL | CERTO_INCLUSION_RISK_TREATMENT);
  certo_requirement_state_set_status (state, CERTO_STATUS_IMPLEMENTED);
  certo_requirement_state_set_control_type (state, CERTO_CONTROL_TYPE_PREVENTIVE);
  certo_requirement_state_set_obligation (state, CERTO_OBLIGATION_MANDATORY);

  state = control (f->ws, "A.5.2");
  g_assert_true (certo_requirement_state_set_applicability (state, CERTO_APPLICABILITY_EXCLUDED, &error));
  certo_requirement_state_set_exclusion_justification (state, long_text);

  state = control (f->ws, "A.5.7");
  g_assert_true (certo_requirement_state_set_applicability (state, CERTO_APPLICABILITY_APPLICABLE, &error));
  certo_requirement_state_set_inclusion_reasons (state, CERTO_INCLUSION_RISK_TREATMENT);
  certo_requirement_state_set_status (state, CERTO_STATUS_IN_PROGRESS);
  certo_requirement_state_set_control_type (state, CERTO_CONTROL_TYPE_DETECTIVE);
  certo_requirement_state_set_obligation (state, CERTO_OBLIGATION_MANDATORY);

  /* Excluded without a justification: an open point */
  state = control (f->ws, "A.6.3");
  g_assert_true (certo_requirement_state_set_applicability (state, CERTO_APPLICABILITY_EXCLUDED, &error));

  /* A comma, a quote and a line break */
  state = control (f->ws, "A.7.4");
  g_assert_true (certo_requirement_state_set_applicability (state, CERTO_APPLICABILITY_EXCLUDED, &error));
  certo_requirement_state_set_exclusion_justification (state,
                                                       "No premises of our own, only \"shared\" offices,\nsee the lease");

  /* What a spreadsheet would run as a formula */
  state = control (f->ws, "A.7.5");
  g_assert_true (certo_requirement_state_set_applicability (state, CERTO_APPLICABILITY_EXCLUDED, &error));
  certo_requirement_state_set_exclusion_justification (state, "=HYPERLINK(\"http://example.com\",\"x\")");
  certo_requirement_state_set_status (state, CERTO_STATUS_PLANNED);

  /* Applicable without a reason, and overdue */
  state = control (f->ws, "A.8.1");
  g_assert_true (certo_requirement_state_set_applicability (state, CERTO_APPLICABILITY_APPLICABLE, &error));
  certo_requirement_state_set_status (state, CERTO_STATUS_PLANNED);
  certo_requirement_state_set_control_type (state, CERTO_CONTROL_TYPE_PREVENTIVE);
  certo_requirement_state_set_obligation (state, CERTO_OBLIGATION_DISCRETIONARY);
  certo_requirement_state_set_owner (state, "Luca Bianchi");
  g_assert_true (certo_requirement_state_set_due_date (state, "2020-01-31", &error));

  spec.title = "Access control policy v3";
  spec.expiry_date = soon;
  spec.requirement_keys = policy_keys;
  evidence = certo_workspace_add_evidence_link (f->ws, "https://intranet.example.com/policies/access", &spec, &error);
  g_assert_no_error (error);
  g_assert_nonnull (evidence);

  spec = (CertoEvidenceSpec) { 0 };
  spec.title = "Threat feed subscription";
  spec.requirement_keys = feed_keys;
  evidence = certo_workspace_add_evidence_link (f->ws, "https://feeds.example.com/contract", &spec, &error);
  g_assert_no_error (error);
  g_assert_nonnull (evidence);

  save_workspace (f->ws);
  g_assert_false (certo_workspace_get_dirty (f->ws));
  f->sha256 = certo_test_file_sha256 (f->workspace_path);
  f->n_history = count_history (f->ws);
  g_assert_cmpuint (f->n_history, >, 0);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  if (f->ws != NULL && certo_workspace_get_is_open (f->ws))
    close_workspace (f->ws);
  g_clear_object (&f->ws);
  remove_tree (f->tmp);
  g_free (f->tmp);
  g_free (f->data_dir);
  g_free (f->docs);
  g_free (f->out);
  g_free (f->workspace_path);
  g_free (f->sha256);
  g_free (f->today);
}

/* An export is not a change: the file, its history, the dirty flag */
static void
assert_workspace_unchanged (Fixture *f)
{
  g_autofree char *sha256 = certo_test_file_sha256 (f->workspace_path);

  g_assert_cmpstr (sha256, ==, f->sha256);
  g_assert_cmpuint (count_history (f->ws), ==, f->n_history);
  g_assert_false (certo_workspace_get_dirty (f->ws));
}

static char *
export_to (Fixture            *f,
           CertoWorkspace     *ws,
           CertoExportFormat   format,
           const char         *name,
           GError            **error)
{
  g_autofree char *path = g_build_filename (f->out, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;

  certo_export_async (ws, format, file, NULL, store_result, &result);
  certo_test_wait_async (&result);
  if (!certo_export_finish (ws, result, error))
    return NULL;
  return g_steal_pointer (&path);
}

static char *
read_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

static CertoSoaImportReport *
import_file (CertoWorkspace  *ws,
             const char      *path,
             GError         **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;

  certo_soa_import_async (ws, file, NULL, store_result, &result);
  certo_test_wait_async (&result);
  return certo_soa_import_finish (ws, result, error);
}

static CertoSoaImportReport *
import_text (CertoWorkspace  *ws,
             const char      *text,
             gssize           length,
             GError         **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, length >= 0 ? (gsize) length : strlen (text));

  return certo_soa_import_bytes (ws, bytes, error);
}

/* A program's standard output, or NULL (the test is skipped) when it is
 * not installed */
static char *
run_tool (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *program = g_find_program_in_path (argv[0]);
  char *out = NULL;
  int status = 0;

  if (program == NULL)
    return NULL;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static gboolean
skip_unless_tool (const char *name)
{
  g_autofree char *program = g_find_program_in_path (name);

  if (program == NULL)
    {
      g_autofree char *message = g_strdup_printf ("%s not found (install poppler-utils or unzip)", name);

      g_test_skip (message);
      return TRUE;
    }
  return FALSE;
}

static guint
pdf_pages (const char *path)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *info = run_tool (argv);
  const char *pages = strstr (info, "\nPages:");

  g_assert_nonnull (pages);
  return (guint) g_ascii_strtoull (pages + strlen ("\nPages:"), NULL, 10);
}

static char *
pdf_text (const char *path,
          guint       page)
{
  g_autofree char *number = g_strdup_printf ("%u", page);
  const char *all[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  const char *one[] = { "pdftotext", "-enc", "UTF-8", "-f", number, "-l", number, path, "-", NULL };

  return run_tool (page == 0 ? all : one);
}

/* A zip's member, read with GIO: the end of central directory record,
 * the central directory, the local header, then stored or raw deflate
 * data (APPNOTE.TXT 4.3) */
static guint32
le32 (const guint8 *p)
{
  return p[0] | (p[1] << 8) | (p[2] << 16) | ((guint32) p[3] << 24);
}

static guint16
le16 (const guint8 *p)
{
  return p[0] | (p[1] << 8);
}

static GBytes *
zip_extract (GBytes     *zip,
             const char *member,
             guint      *out_n_entries)
{
  gsize length = 0;
  const guint8 *data = g_bytes_get_data (zip, &length);
  const guint8 *eocd = NULL;
  const guint8 *p;
  guint n_entries;

  g_assert_cmpuint (length, >, 22);
  g_assert_cmpmem (data, 4, "PK\x03\x04", 4);
  for (gssize i = length - 22; i >= 0 && i >= (gssize) length - 22 - 65535; i--)
    if (le32 (data + i) == 0x06054b50)
      {
        eocd = data + i;
        break;
      }
  g_assert_nonnull (eocd);

  n_entries = le16 (eocd + 10);
  if (out_n_entries != NULL)
    *out_n_entries = n_entries;
  g_assert_cmpuint (le32 (eocd + 16) + le32 (eocd + 12), <=, length);
  p = data + le32 (eocd + 16);

  for (guint i = 0; i < n_entries; i++)
    {
      guint16 method = le16 (p + 10);
      guint32 compressed = le32 (p + 20);
      guint32 size = le32 (p + 24);
      guint16 name_length = le16 (p + 28);
      const guint8 *local;

      g_assert_cmpuint (le32 (p), ==, 0x02014b50);
      if (name_length == strlen (member) && memcmp (p + 46, member, name_length) == 0)
        {
          g_autoptr(GConverter) inflater = NULL;
          g_autofree guint8 *out = g_malloc (size + 1);
          gsize read = 0, written = 0;
          const guint8 *payload;

          local = data + le32 (p + 42);
          g_assert_cmpuint (le32 (local), ==, 0x04034b50);
          payload = local + 30 + le16 (local + 26) + le16 (local + 28);
          g_assert_cmpuint (payload + compressed - data, <=, length);
          if (method == 0)
            return g_bytes_new (payload, compressed);

          g_assert_cmpuint (method, ==, 8);
          inflater = G_CONVERTER (g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_RAW));
          g_assert_cmpint (g_converter_convert (inflater, payload, compressed, out, size + 1,
                                                G_CONVERTER_INPUT_AT_END, &read, &written, NULL),
                           ==, G_CONVERTER_FINISHED);
          g_assert_cmpuint (written, ==, size);
          return g_bytes_new (out, written);
        }
      p += 46 + name_length + le16 (p + 30) + le16 (p + 32);
    }

  return NULL;
}

static const char *
find_line (const char *text,
           const char *start)
{
  g_autofree char *needle = g_strconcat ("\r\n", start, NULL);
  const char *found = strstr (text, needle);

  g_assert_nonnull (found);
  return found + 2;
}

/* The record that starts with @start, up to and with its CRLF (the
 * records asserted here have no CRLF inside) */
static char *
csv_record (const char *text,
            const char *start)
{
  const char *line = find_line (text, start);
  const char *end = strstr (line, "\r\n");

  g_assert_nonnull (end);
  return g_strndup (line, end + 2 - line);
}

/* Tests: CSV */

static void
test_csv_content (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = export_to (f, f->ws, CERTO_EXPORT_SOA_CSV, "soa.csv", &error);
  g_autofree char *text = NULL;
  g_autofree char *record = NULL;
  g_autofree char *long_text = long_justification ();
  guint n_records = 0;
  gboolean quoted = FALSE;

  g_assert_no_error (error);
  text = read_text (path);

  /* A byte order mark, then the header */
  g_assert_true (g_str_has_prefix (text,
                                   "\xEF\xBB\xBF" "Control,Title,Applicable,Reasons for inclusion,"
                                   "Justification for exclusion,Implementation status,Evidence,Open points\r\n"));

  /* One record per Annex A control, each ending in CRLF, no bare LF
   * outside quotes */
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (!quoted && *p == '\n')
        {
          g_assert_true (p > text && p[-1] == '\r');
          n_records++;
        }
    }
  g_assert_false (quoted);
  g_assert_cmpuint (n_records, ==, 1 + 93);
  g_assert_true (g_str_has_suffix (text, "\r\n"));

  record = csv_record (text, "A.5.1,");
  g_assert_cmpstr (record, ==,
                   "A.5.1,Policies for information security,Yes,Legal or regulatory requirement; Risk treatment,,"
                   "Implemented,Access control policy v3,\r\n");
  g_clear_pointer (&record, g_free);
  record = csv_record (text, "A.5.7,");
  g_assert_cmpstr (record, ==,
                   "A.5.7,Threat intelligence,Yes,Risk treatment,,In progress,Threat feed subscription,\r\n");
  g_clear_pointer (&record, g_free);
  record = csv_record (text, "A.6.3,");
  g_assert_cmpstr (record, ==,
                   "A.6.3,\"Information security awareness, education and training\",No,,,Not started,,"
                   "Justification for exclusion missing\r\n");
  g_clear_pointer (&record, g_free);
  /* Quotes doubled, the comma and the line break kept inside quotes */
  g_assert_nonnull (strstr (text,
                            "\r\nA.7.4,Physical security monitoring,No,,"
                            "\"No premises of our own, only \"\"shared\"\" offices,\nsee the lease\","
                            "Not started,,\r\n"));
  /* The formula guard: an apostrophe first */
  record = csv_record (text, "A.7.5,");
  g_assert_cmpstr (record, ==,
                   "A.7.5,Protecting against physical and environmental threats,No,,"
                   "\"'=HYPERLINK(\"\"http://example.com\"\",\"\"x\"\")\",Planned,,\r\n");
  g_clear_pointer (&record, g_free);
  record = csv_record (text, "A.8.1,");
  g_assert_cmpstr (record, ==,
                   "A.8.1,User endpoint devices,Yes,,,Planned,Access control policy v3,Reason for inclusion missing\r\n");
  g_clear_pointer (&record, g_free);
  record = csv_record (text, "A.8.28,");
  g_assert_cmpstr (record, ==, "A.8.28,Secure coding,Not decided,,,Not started,,Applicability not decided\r\n");
  g_clear_pointer (&record, g_free);
  g_assert_nonnull (strstr (text, long_text));
  /* No clause rows: clause 4.1 is not in the SoA */
  g_assert_null (strstr (text, "\r\n4.1,"));

  assert_workspace_unchanged (f);
}

/* Export, import into a fresh workspace: the same SoA, and one undo
 * takes the whole import back */
static void
test_csv_round_trip (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = export_to (f, f->ws, CERTO_EXPORT_SOA_CSV, "soa.csv", &error);
  g_autoptr(CertoWorkspace) fresh = create_workspace (f, "fresh.certo", CERTO_FRAMEWORK_ISO27001_2022);
  g_autoptr(CertoSoaImportReport) report = NULL;
  GListModel *before = certo_workspace_get_requirements (f->ws);
  GListModel *after = certo_workspace_get_requirements (fresh);
  guint n_controls = 0;

  g_assert_no_error (error);
  report = import_file (fresh, path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  g_assert_cmpuint (report->n_rows, ==, 93);
  g_assert_cmpuint (report->n_applied, ==, 93);
  g_assert_cmpuint (report->unmatched->len, ==, 0);
  g_assert_cmpuint (report->invalid->len, ==, 0);
  g_assert_cmpuint (report->header_line, ==, 1);
  g_assert_cmpint (report->separator, ==, ',');

  g_assert_cmpuint (g_list_model_get_n_items (before), ==, g_list_model_get_n_items (after));
  for (guint i = 0; i < g_list_model_get_n_items (before); i++)
    {
      g_autoptr(CertoRequirementState) a = g_list_model_get_item (before, i);
      g_autoptr(CertoRequirementState) b = g_list_model_get_item (after, i);

      g_assert_cmpstr (certo_requirement_state_get_key (a), ==, certo_requirement_state_get_key (b));
      if (!certo_requirement_state_get_is_annex_a (a))
        continue;
      n_controls++;
      g_assert_cmpint (certo_requirement_state_get_applicability (a), ==, certo_requirement_state_get_applicability (b));
      g_assert_cmpint (certo_requirement_state_get_inclusion_reasons (a), ==, certo_requirement_state_get_inclusion_reasons (b));
      g_assert_cmpstr (certo_requirement_state_get_exclusion_justification (a), ==,
                       certo_requirement_state_get_exclusion_justification (b));
      g_assert_cmpint (certo_requirement_state_get_status (a), ==, certo_requirement_state_get_status (b));
    }
  g_assert_cmpuint (n_controls, ==, 93);
  /* 7 controls were decided or set: that many rows changed something */
  g_assert_cmpuint (report->n_changed, ==, 7);

  /* One undo step reverts the whole import */
  g_assert_true (certo_workspace_undo (fresh, &error));
  g_assert_no_error (error);
  g_assert_cmpint (certo_requirement_state_get_applicability (control (fresh, "A.7.4")), ==,
                   CERTO_APPLICABILITY_UNREVIEWED);
  /* (undo may restore "" for "no value") */
  g_assert_cmpstr (certo_requirement_state_get_exclusion_justification (control (fresh, "A.7.4")) ?: "", ==, "");
  g_assert_cmpint (certo_requirement_state_get_status (control (fresh, "A.5.1")), ==, CERTO_STATUS_NOT_STARTED);
  g_assert_cmpint (certo_requirement_state_get_inclusion_reasons (control (fresh, "A.5.1")), ==, CERTO_INCLUSION_NONE);
  g_assert_false (certo_workspace_get_can_undo (fresh));

  close_workspace (fresh);
  assert_workspace_unchanged (f);
}

/* Tests: import */

static void
assert_issue (GPtrArray  *issues,
              guint       index,
              guint       line,
              const char *column,
              const char *value)
{
  const CertoSoaImportIssue *issue;

  g_assert_cmpuint (index, <, issues->len);
  issue = g_ptr_array_index (issues, index);
  g_assert_cmpuint (issue->line, ==, line);
  g_assert_cmpstr (issue->column, ==, column);
  g_assert_cmpstr (issue->value, ==, value);
  g_assert_nonnull (issue->message);
  g_assert_cmpstr (issue->message, !=, "");
}

static void
test_import_foreign (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = certo_test_data_path ("soa/foreign-it.csv");
  g_autoptr(CertoWorkspace) ws = create_workspace (f, "foreign.certo", CERTO_FRAMEWORK_ISO27001_2022);
  g_autoptr(CertoSoaImportReport) report = import_file (ws, path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  g_assert_cmpint (report->separator, ==, ';');
  g_assert_cmpuint (report->header_line, ==, 3);
  g_assert_cmpuint (report->n_rows, ==, 12);
  g_assert_cmpuint (report->n_applied, ==, 6);
  g_assert_cmpuint (report->n_changed, ==, 6);

  g_assert_cmpuint (report->unmatched->len, ==, 3);
  assert_issue (report->unmatched, 0, 8, NULL, "A.5.99");
  assert_issue (report->unmatched, 1, 11, NULL, "A.14.2.1");
  assert_issue (report->unmatched, 2, 16, NULL, "X-1");

  g_assert_cmpuint (report->invalid->len, ==, 3);
  assert_issue (report->invalid, 0, 12, "Applicabile", "Forse");
  assert_issue (report->invalid, 1, 13, "Stato di attuazione", "Boh");
  assert_issue (report->invalid, 2, 14, "Riferimento", "A.5.1");

  g_assert_cmpint (certo_requirement_state_get_applicability (control (ws, "A.5.1")), ==, CERTO_APPLICABILITY_APPLICABLE);
  g_assert_cmpint (certo_requirement_state_get_status (control (ws, "A.5.1")), ==, CERTO_STATUS_IMPLEMENTED);
  g_assert_cmpint (certo_requirement_state_get_status (control (ws, "A.5.2")), ==, CERTO_STATUS_IN_PROGRESS);
  g_assert_cmpint (certo_requirement_state_get_status (control (ws, "A.5.3")), ==, CERTO_STATUS_PLANNED);
  g_assert_cmpint (certo_requirement_state_get_applicability (control (ws, "A.5.7")), ==, CERTO_APPLICABILITY_APPLICABLE);
  g_assert_cmpint (certo_requirement_state_get_applicability (control (ws, "A.7.4")), ==, CERTO_APPLICABILITY_EXCLUDED);
  g_assert_cmpstr (certo_requirement_state_get_exclusion_justification (control (ws, "A.7.4")), ==,
                   "Nessuna sede propria; uffici \"condivisi\"\nin coworking");
  /* The apostrophe of a guarded cell is taken off */
  g_assert_cmpstr (certo_requirement_state_get_exclusion_justification (control (ws, "A.7.5")), ==, "=SOMMA(A1:A2)");
  g_assert_cmpint (certo_requirement_state_get_applicability (control (ws, "A.7.5")), ==, CERTO_APPLICABILITY_EXCLUDED);
  /* Rows with a bad value are left out whole */
  g_assert_cmpint (certo_requirement_state_get_applicability (control (ws, "A.8.1")), ==, CERTO_APPLICABILITY_UNREVIEWED);
  g_assert_cmpint (certo_requirement_state_get_status (control (ws, "A.8.1")), ==, CERTO_STATUS_NOT_STARTED);
  g_assert_cmpint (certo_requirement_state_get_applicability (control (ws, "A.8.2")), ==, CERTO_APPLICABILITY_UNREVIEWED);

  close_workspace (ws);
}

static void
test_import_2013 (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = certo_test_data_path ("soa/iso2013-tab.csv");
  g_autoptr(CertoWorkspace) ws = create_workspace (f, "old.certo", CERTO_FRAMEWORK_ISO27001_2013);
  g_autoptr(CertoSoaImportReport) report = import_file (ws, path, &error);

  g_assert_no_error (error);
  g_assert_cmpint (report->separator, ==, '\t');
  g_assert_cmpuint (report->n_rows, ==, 4);
  g_assert_cmpuint (report->n_applied, ==, 3);
  g_assert_cmpuint (report->unmatched->len, ==, 1);
  /* "5.1" is an objective in 2013, not a control */
  assert_issue (report->unmatched, 0, 5, NULL, "5.1");
  g_assert_cmpuint (report->invalid->len, ==, 0);

  g_assert_cmpint (certo_requirement_state_get_applicability (control (ws, "A.5.1.1")), ==, CERTO_APPLICABILITY_APPLICABLE);
  g_assert_cmpint (certo_requirement_state_get_applicability (control (ws, "A.5.1.2")), ==, CERTO_APPLICABILITY_EXCLUDED);
  g_assert_cmpstr (certo_requirement_state_get_exclusion_justification (control (ws, "A.5.1.2")), ==,
                   "Reviewed by the group, not by us");
  g_assert_cmpint (certo_requirement_state_get_applicability (control (ws, "A.6.1.1")), ==, CERTO_APPLICABILITY_APPLICABLE);

  close_workspace (ws);
}

static void
assert_import_fails (Fixture     *f,
                     const char  *text,
                     gssize       length,
                     int          code,
                     const char  *in_message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CertoSoaImportReport) report = import_text (f->ws, text, length, &error);

  g_assert_null (report);
  g_assert_error (error, CERTO_SOA_IMPORT_ERROR, code);
  if (in_message != NULL && strstr (error->message, in_message) == NULL)
    g_error ("“%s” does not say “%s”", error->message, in_message);
}

/* Bad files are refused whole, with a message that names the line, and
 * change nothing */
static void
test_import_bad_files (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CertoSoaImportReport) report = NULL;
  g_autoptr(GString) many = g_string_new ("Control,Applicable\n");
  g_autofree char *huge = NULL;
  const char latin1[] = "Control;Applicable;Justification\n5.1;S\xec;\n5.2;No;Gi\xf9 coperto\n";
  const char utf16[] = "\xff\xfe" "C\0o\0n\0";

  assert_import_fails (f, latin1, sizeof latin1 - 1, CERTO_SOA_IMPORT_ERROR_NOT_UTF8, "Line 2");
  assert_import_fails (f, utf16, sizeof utf16 - 1, CERTO_SOA_IMPORT_ERROR_NOT_UTF8, "UTF-16");
  assert_import_fails (f, "Control,Applicable\n5.1,Yes\n5.2,\"No\n5.3,Yes\n", -1,
                       CERTO_SOA_IMPORT_ERROR_SYNTAX, "line 3");
  assert_import_fails (f, "Name,Colour\nBob,blue\n", -1, CERTO_SOA_IMPORT_ERROR_NO_HEADER, NULL);
  assert_import_fails (f, "", 0, CERTO_SOA_IMPORT_ERROR_NO_HEADER, NULL);
  assert_import_fails (f, "\0\0\0\0", 4, CERTO_SOA_IMPORT_ERROR_NOT_UTF8, "Line 1");

  for (guint i = 0; i <= CERTO_SOA_IMPORT_MAX_ROWS; i++)
    g_string_append (many, "5.1,Yes\n");
  assert_import_fails (f, many->str, many->len, CERTO_SOA_IMPORT_ERROR_TOO_LARGE, NULL);

  huge = g_malloc (CERTO_SOA_IMPORT_MAX_SIZE + 1);
  memset (huge, 'x', CERTO_SOA_IMPORT_MAX_SIZE + 1);
  assert_import_fails (f, huge, CERTO_SOA_IMPORT_MAX_SIZE + 1, CERTO_SOA_IMPORT_ERROR_TOO_LARGE, NULL);

  /* A cell over the cap leaves its row out, and only its row */
  g_string_assign (many, "Control,Applicable,Justification\n5.1,No,");
  for (guint i = 0; i < CERTO_SOA_IMPORT_MAX_FIELD + 10; i++)
    g_string_append_c (many, 'j');
  g_string_append (many, "\n5.2,Yes,\n");
  report = import_text (f->ws, many->str, many->len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_applied, ==, 1);
  assert_issue (report->invalid, 0, 2, "Justification", "…");
  g_clear_pointer (&report, certo_soa_import_report_free);

  /* Undo what that applied, so the workspace is as set up */
  g_assert_true (certo_workspace_undo (f->ws, &error));
  g_assert_no_error (error);
  save_workspace (f->ws);
  f->n_history = count_history (f->ws);
  g_free (f->sha256);
  f->sha256 = certo_test_file_sha256 (f->workspace_path);

  /* A missing file */
  {
    g_autofree char *missing = g_build_filename (f->tmp, "no-such.csv", NULL);

    report = import_file (f->ws, missing, &error);
    g_assert_null (report);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  }

  assert_workspace_unchanged (f);
}

/* Yes/No in every form the issue lists, statuses loose and Italian */
static void
test_import_values (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CertoWorkspace) ws = create_workspace (f, "values.certo", CERTO_FRAMEWORK_ISO27001_2022);
  g_autoptr(CertoSoaImportReport) report = NULL;
  const struct
  {
    const char                *label;
    CertoApplicability         applicability;
    CertoImplementationStatus  status;
  } expected[] = {
    { "5.1", CERTO_APPLICABILITY_APPLICABLE, CERTO_STATUS_IMPLEMENTED },
    { "5.2", CERTO_APPLICABILITY_EXCLUDED, CERTO_STATUS_IN_PROGRESS },
    { "5.3", CERTO_APPLICABILITY_APPLICABLE, CERTO_STATUS_NOT_STARTED },
    { "5.4", CERTO_APPLICABILITY_EXCLUDED, CERTO_STATUS_PLANNED },
    { "5.5", CERTO_APPLICABILITY_APPLICABLE, CERTO_STATUS_IN_PROGRESS },
    { "5.6", CERTO_APPLICABILITY_EXCLUDED, CERTO_STATUS_IMPLEMENTED },
    { "5.7", CERTO_APPLICABILITY_APPLICABLE, CERTO_STATUS_PLANNED },
    { "5.8", CERTO_APPLICABILITY_EXCLUDED, CERTO_STATUS_NOT_STARTED },
    { "5.9", CERTO_APPLICABILITY_APPLICABLE, CERTO_STATUS_IN_PROGRESS },
    { "5.10", CERTO_APPLICABILITY_EXCLUDED, CERTO_STATUS_NOT_STARTED },
  };

  report = import_text (ws,
                        "Control ID,Included,Implementation status,Reason for exclusion,Reason for inclusion\r\n"
                        "A.5.1,Yes,Implemented,,Legal; Contractual\r\n"
                        "a5.2,No,in-progress,Out of scope,\r\n"
                        "A 5.3,Y,Not started,,\r\n"
                        "5.4,N,planned,,\r\n"
                        "A.5.5,True,partially implemented,,\r\n"
                        "A.5.6,False,Implementato,,\r\n"
                        "A.5.7,1,Pianificato,,\r\n"
                        "A.5.8,0,Non iniziato,,\r\n"
                        "A.5.9,Sì,In corso,,\r\n"
                        "A.5.10.,no,N/A,,\r\n",
                        -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_applied, ==, G_N_ELEMENTS (expected));
  g_assert_cmpuint (report->invalid->len, ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *label = g_strconcat ("A.", expected[i].label, NULL);
      CertoRequirementState *state = control (ws, label);

      g_assert_cmpint (certo_requirement_state_get_applicability (state), ==, expected[i].applicability);
      g_assert_cmpint (certo_requirement_state_get_status (state), ==, expected[i].status);
    }
  g_assert_cmpint (certo_requirement_state_get_inclusion_reasons (control (ws, "A.5.1")), ==,
                   CERTO_INCLUSION_LEGAL | CERTO_INCLUSION_CONTRACTUAL);
  g_assert_cmpstr (certo_requirement_state_get_exclusion_justification (control (ws, "A.5.2")), ==, "Out of scope");

  close_workspace (ws);
}

/* Tests: XLSX */

static void
test_xlsx (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = export_to (f, f->ws, CERTO_EXPORT_SOA_XLSX, "soa.xlsx", &error);
  g_autoptr(GBytes) zip = NULL;
  g_autoptr(GBytes) strings = NULL;
  g_autoptr(GBytes) sheet = NULL;
  g_autoptr(GBytes) content_types = NULL;
  g_autofree char *strings_text = NULL;
  g_autofree char *sheet_text = NULL;
  guint n_entries = 0;

  g_assert_no_error (error);
  zip = certo_test_load_bytes (path);
  strings = zip_extract (zip, "xl/sharedStrings.xml", &n_entries);
  sheet = zip_extract (zip, "xl/worksheets/sheet1.xml", NULL);
  g_assert_nonnull (strings);
  g_assert_nonnull (sheet);
  content_types = zip_extract (zip, "[Content_Types].xml", NULL);
  g_assert_nonnull (content_types);
  g_assert_cmpuint (n_entries, >=, 8);

  strings_text = g_strndup (g_bytes_get_data (strings, NULL), g_bytes_get_size (strings));
  sheet_text = g_strndup (g_bytes_get_data (sheet, NULL), g_bytes_get_size (sheet));
  g_assert_nonnull (strstr (strings_text, "<t>A.5.7</t>"));
  g_assert_nonnull (strstr (strings_text, "<t>A.8.28</t>"));
  g_assert_nonnull (strstr (strings_text, "<t>Threat intelligence</t>"));
  g_assert_nonnull (strstr (strings_text, "<t>Acme S.p.A.</t>"));
  g_assert_nonnull (strstr (strings_text, "<t>Maria Rossi</t>"));
  g_assert_nonnull (strstr (strings_text, "<t>2026-01-15</t>"));
  g_assert_nonnull (strstr (strings_text, "Justification for exclusion"));
  /* A text cell, never a formula: no apostrophe needed in XLSX */
  g_assert_nonnull (strstr (strings_text, "<t>=HYPERLINK("));
  g_assert_null (strstr (sheet_text, "<f>"));
  /* Frozen panes under the header row, an autofilter over the table */
  g_assert_nonnull (strstr (sheet_text, "state=\"frozen\""));
  g_assert_nonnull (strstr (sheet_text, "<autoFilter ref=\"A9:H102\""));

  /* Info-ZIP's own check, CRCs included, when it is installed */
  {
    const char *argv[] = { "unzip", "-t", path, NULL };
    g_autofree char *out = run_tool (argv);

    if (out != NULL)
      g_assert_nonnull (strstr (out, "No errors detected"));
    else
      g_test_message ("unzip not found: the zip was checked with GIO only");
  }

  assert_workspace_unchanged (f);
}

/* Tests: PDF */

static void
test_pdf_soa (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = export_to (f, f->ws, CERTO_EXPORT_SOA_PDF, "soa.pdf", &error);
  g_autofree char *all = NULL;
  guint n_pages;

  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  assert_workspace_unchanged (f);

  if (skip_unless_tool ("pdftotext") || skip_unless_tool ("pdfinfo"))
    return;

  n_pages = pdf_pages (path);
  /* 93 rows and a justification three pages long */
  g_assert_cmpuint (n_pages, >=, 5);
  g_assert_cmpuint (n_pages, <=, 30);

  for (guint page = 1; page <= n_pages; page++)
    {
      g_autofree char *text = pdf_text (path, page);
      g_autofree char *footer = g_strdup_printf ("Page %u of %u", page, n_pages);

      /* The page header, the repeated table header, the footer */
      g_assert_nonnull (strstr (text, "Statement of Applicability"));
      g_assert_nonnull (strstr (text, "Acme S.p.A."));
      g_assert_nonnull (strstr (text, "Head office, all IT services"));
      g_assert_nonnull (strstr (text, "ISO/IEC 27001:2022"));
      g_assert_nonnull (strstr (text, "Maria Rossi"));
      g_assert_nonnull (strstr (text, "15 January 2026"));
      g_assert_nonnull (strstr (text, "Justification for exclusion"));
      if (strstr (text, footer) == NULL)
        g_error ("page %u has no “%s”:\n%s", page, footer, text);
    }

  all = pdf_text (path, 0);
  g_assert_nonnull (strstr (all, "5.7"));
  g_assert_nonnull (strstr (all, "Threat intelligence"));
  g_assert_nonnull (strstr (all, "8.28"));
  g_assert_nonnull (strstr (all, "Justification for exclusion missing"));
  g_assert_nonnull (strstr (all, "93 controls: 3 applicable, 4 excluded, 86 not decided."));
  /* A row taller than a page goes on over pages, every line kept */
  g_assert_nonnull (strstr (all, LONG_TEXT_START));
  g_assert_nonnull (strstr (all, LONG_TEXT_END));
  for (guint i = 0; i < 180; i++)
    {
      g_autofree char *token = g_strdup_printf ("P%03u:", i);

      if (strstr (all, token) == NULL)
        g_error ("“%s” of the long justification is missing from the PDF", token);
    }
}

static void
test_pdf_report (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = export_to (f, f->ws, CERTO_EXPORT_STATUS_PDF, "report.pdf", &error);
  g_autoptr(CertoScore) score = certo_score_compute (certo_workspace_get_requirements (f->ws));
  g_autofree char *all = NULL;
  g_autofree char *headline = NULL;
  g_autofree char *unreviewed = NULL;
  guint n_pages;

  g_assert_no_error (error);
  assert_workspace_unchanged (f);

  /* 5.1 earns 27 (preventive, mandatory); 5.7 (detective, mandatory) 3
   * and 8.1 (preventive, discretionary) 9 are possible, not earned */
  g_assert_cmpuint (score->overall.points_earned, ==, 27);
  g_assert_cmpuint (score->overall.points_possible, ==, 39);

  if (skip_unless_tool ("pdftotext") || skip_unless_tool ("pdfinfo"))
    return;

  n_pages = pdf_pages (path);
  all = pdf_text (path, 0);
  headline = g_strdup_printf ("Score: 27 of 39 points (69%%)");
  unreviewed = g_strdup_printf ("Not reviewed: %u applicable requirements", score->overall.n_unreviewed);
  g_assert_nonnull (strstr (all, "Certification status report"));
  g_assert_nonnull (strstr (all, "Acme S.p.A."));
  g_assert_nonnull (strstr (all, headline));
  g_assert_nonnull (strstr (all, unreviewed));
  /* Readiness per theme, in figures */
  g_assert_nonnull (strstr (all, "Organizational controls"));
  g_assert_nonnull (strstr (all, "1 of 36 implemented (3%)"));
  g_assert_nonnull (strstr (all, "Technological controls"));
  /* Overdue, expiring, next audits */
  g_assert_nonnull (strstr (all, "A.8.1 User endpoint devices"));
  g_assert_nonnull (strstr (all, "Luca Bianchi"));
  g_assert_nonnull (strstr (all, "Access control policy v3"));
  g_assert_nonnull (strstr (all, "In 30 days"));
  g_assert_nonnull (strstr (all, "First surveillance audit"));
  g_assert_nonnull (strstr (all, "Recertification audit"));
  g_assert_nonnull (strstr (all, "Statement of Applicability: 5 of 93 entries complete"));
  {
    g_autofree char *footer = g_strdup_printf ("Page %u of %u", n_pages, n_pages);

    g_assert_nonnull (strstr (all, footer));
  }
}

/* Tests: failures leave nothing behind */

static void
test_failure_leaves_nothing (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *missing = g_build_filename (f->out, "no-such-folder", "soa.csv", NULL);
  g_autofree char *before = certo_test_dir_digest (f->tmp);
  g_autofree char *existing = g_build_filename (f->out, "old.pdf", NULL);
  g_autofree char *existing_sum = NULL;
  g_autofree char *as_folder = g_build_filename (f->out, "folder.csv", NULL);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;

  /* The destination's folder does not exist */
  file = g_file_new_for_path (missing);
  certo_export_async (f->ws, CERTO_EXPORT_SOA_CSV, file, NULL, store_result, &result);
  certo_test_wait_async (&result);
  g_assert_false (certo_export_finish (f->ws, result, &error));
  g_assert_error (error, CERTO_EXPORT_ERROR, CERTO_EXPORT_ERROR_NO_FOLDER);
  g_clear_error (&error);
  g_clear_object (&result);
  g_clear_object (&file);
  {
    g_autofree char *after = certo_test_dir_digest (f->tmp);

    g_assert_cmpstr (after, ==, before);
  }

  /* The destination is a folder: the rename fails, the temporary goes */
  g_assert_cmpint (g_mkdir (as_folder, 0755), ==, 0);
  g_free (before);
  before = certo_test_dir_digest (f->out);
  for (CertoExportFormat format = CERTO_EXPORT_SOA_CSV; format <= CERTO_EXPORT_STATUS_PDF; format++)
    {
      file = g_file_new_for_path (as_folder);
      certo_export_async (f->ws, format, file, NULL, store_result, &result);
      certo_test_wait_async (&result);
      g_assert_false (certo_export_finish (f->ws, result, &error));
      g_assert_error (error, CERTO_EXPORT_ERROR, CERTO_EXPORT_ERROR_CANNOT_WRITE);
      g_clear_error (&error);
      g_clear_object (&result);
      g_clear_object (&file);
    }
  {
    g_autofree char *after = certo_test_dir_digest (f->out);

    g_assert_cmpstr (after, ==, before);
  }

  /* Cancelled: an existing file is left as it was */
  g_assert_true (g_file_set_contents (existing, "old", -1, NULL));
  existing_sum = certo_test_file_sha256 (existing);
  g_free (before);
  before = certo_test_dir_digest (f->out);
  g_cancellable_cancel (cancellable);
  file = g_file_new_for_path (existing);
  certo_export_async (f->ws, CERTO_EXPORT_SOA_PDF, file, cancellable, store_result, &result);
  certo_test_wait_async (&result);
  g_assert_false (certo_export_finish (f->ws, result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_clear_object (&result);
  {
    g_autofree char *after = certo_test_dir_digest (f->out);
    g_autofree char *sum = certo_test_file_sha256 (existing);

    g_assert_cmpstr (after, ==, before);
    g_assert_cmpstr (sum, ==, existing_sum);
  }

  /* A read-only folder (root writes anyway: then there is nothing to test) */
  if (geteuid () != 0)
    {
      g_autofree char *locked = g_build_filename (f->out, "locked", NULL);
      g_autofree char *inside = g_build_filename (locked, "soa.xlsx", NULL);
      g_autoptr(GFile) locked_file = g_file_new_for_path (inside);
      g_autoptr(GDir) dir = NULL;

      g_assert_cmpint (g_mkdir (locked, 0555), ==, 0);
      certo_export_async (f->ws, CERTO_EXPORT_SOA_XLSX, locked_file, NULL, store_result, &result);
      certo_test_wait_async (&result);
      g_assert_false (certo_export_finish (f->ws, result, &error));
      g_assert_error (error, CERTO_EXPORT_ERROR, CERTO_EXPORT_ERROR_CANNOT_WRITE);
      g_clear_object (&result);
      dir = g_dir_open (locked, 0, NULL);
      g_assert_null (g_dir_read_name (dir));
    }

  assert_workspace_unchanged (f);
}

/* The snapshot is taken when the export starts: an edit made while the
 * file is being written is not in it */
static void
test_snapshot_isolation (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->out, "soa.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *text = NULL;
  g_autofree char *record = NULL;

  certo_export_async (f->ws, CERTO_EXPORT_SOA_CSV, file, NULL, store_result, &result);
  certo_requirement_state_set_status (control (f->ws, "A.5.7"), CERTO_STATUS_IMPLEMENTED);
  certo_test_wait_async (&result);
  g_assert_true (certo_export_finish (f->ws, result, &error));
  g_assert_no_error (error);

  text = read_text (path);
  record = csv_record (text, "A.5.7,");
  g_assert_cmpstr (record, ==,
                   "A.5.7,Threat intelligence,Yes,Risk treatment,,In progress,Threat feed subscription,\r\n");

  g_assert_true (certo_workspace_undo (f->ws, &error));
}

/* Every export, one after the other: the workspace file and its history
 * stay byte for byte the same */
static void
test_workspace_unchanged (Fixture       *f,
                          gconstpointer  data)
{
  for (CertoExportFormat format = CERTO_EXPORT_SOA_CSV; format <= CERTO_EXPORT_STATUS_PDF; format++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *name = g_strdup_printf ("export-%d%s", format, certo_export_format_get_extension (format));
      g_autofree char *path = export_to (f, f->ws, format, name, &error);

      g_assert_no_error (error);
      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
      assert_workspace_unchanged (f);
    }

  /* Saving after exports has nothing to save */
  g_assert_false (certo_workspace_get_dirty (f->ws));
}

/* LANGUAGE=it: Italian headings, Yes/No and statuses; and the Italian
 * file imports back */
static void
test_italian (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *po = certo_test_data_path ("soa/it.po");
  g_autofree char *locale_dir = g_build_filename (f->tmp, "locale", NULL);
  g_autofree char *messages = g_build_filename (locale_dir, "it", "LC_MESSAGES", NULL);
  g_autofree char *mo = g_build_filename (messages, GETTEXT_PACKAGE ".mo", NULL);
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *record = NULL;
  g_autoptr(CertoWorkspace) fresh = NULL;
  g_autoptr(CertoSoaImportReport) report = NULL;
  const char *argv[] = { "msgfmt", "-o", mo, po, NULL };
  g_autofree char *msgfmt_out = NULL;

  if (skip_unless_tool ("msgfmt"))
    return;

  g_assert_cmpint (g_mkdir_with_parents (messages, 0755), ==, 0);
  msgfmt_out = run_tool (argv);
  bindtextdomain (GETTEXT_PACKAGE, locale_dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_setenv ("LANGUAGE", "it", TRUE);

  if (g_strcmp0 (g_dgettext (GETTEXT_PACKAGE, "Yes"), "Sì") != 0)
    {
      g_setenv ("LANGUAGE", "en", TRUE);
      bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
      g_test_skip ("gettext ignores LANGUAGE in this locale");
      return;
    }

  path = export_to (f, f->ws, CERTO_EXPORT_SOA_CSV, "soa-it.csv", &error);
  g_assert_no_error (error);
  text = read_text (path);
  g_assert_true (g_str_has_prefix (text,
                                   "\xEF\xBB\xBF" "Controllo,Titolo,Applicabile,Motivi dell'inclusione,"
                                   "Giustificazione dell'esclusione,Stato di attuazione,Evidenze,Punti aperti\r\n"));
  record = csv_record (text, "A.5.1,");
  g_assert_cmpstr (record, ==,
                   "A.5.1,Policies for information security,Sì,Requisito legale o regolamentare; "
                   "Trattamento del rischio,,Implementato,Access control policy v3,\r\n");
  g_clear_pointer (&record, g_free);
  record = csv_record (text, "A.8.28,");
  g_assert_cmpstr (record, ==, "A.8.28,Secure coding,Non deciso,,,Non iniziato,,Applicabilità non decisa\r\n");

  /* The PDF too */
  {
    g_autofree char *pdf = export_to (f, f->ws, CERTO_EXPORT_SOA_PDF, "soa-it.pdf", &error);

    g_assert_no_error (error);
    g_autofree char *all = pdf_text (pdf, 0);

    if (all != NULL)
      {

        g_assert_nonnull (strstr (all, "Dichiarazione di applicabilità"));
        g_assert_nonnull (strstr (all, "Pagina 1 di"));
        g_assert_nonnull (strstr (all, "Giustificazione dell'esclusione"));
      }
  }

  /* Read back in English: the Italian words are known without a catalog */
  g_setenv ("LANGUAGE", "en", TRUE);
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  fresh = create_workspace (f, "from-italian.certo", CERTO_FRAMEWORK_ISO27001_2022);
  report = import_file (fresh, path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_applied, ==, 93);
  g_assert_cmpuint (report->invalid->len, ==, 0);
  g_assert_cmpint (certo_requirement_state_get_inclusion_reasons (control (fresh, "A.5.1")), ==,
                   CERTO_INCLUSION_LEGAL | CERTO_INCLUSION_RISK_TREATMENT);
  g_assert_cmpint (certo_requirement_state_get_status (control (fresh, "A.5.7")), ==, CERTO_STATUS_IN_PROGRESS);
  g_assert_cmpint (certo_requirement_state_get_applicability (control (fresh, "A.7.4")), ==, CERTO_APPLICABILITY_EXCLUDED);
  close_workspace (fresh);

  assert_workspace_unchanged (f);
}

/* A closed workspace is refused at once */
static void
test_not_open (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CertoWorkspace) ws = certo_workspace_new (f->data_dir);
  g_autoptr(CertoExportSnapshot) snapshot = certo_export_snapshot_new (ws, &error);
  g_autoptr(CertoSoaImportReport) report = NULL;

  g_assert_null (snapshot);
  g_assert_error (error, CERTO_EXPORT_ERROR, CERTO_EXPORT_ERROR_NOT_OPEN);
  g_clear_error (&error);

  report = import_text (ws, "Control,Applicable\n5.1,Yes\n", -1, &error);
  g_assert_null (report);
  g_assert_error (error, CERTO_SOA_IMPORT_ERROR, CERTO_SOA_IMPORT_ERROR_NOT_OPEN);
}

static void
test_formats (void)
{
  CertoExportFormat format;

  g_assert_true (certo_export_format_from_nick ("CSV", &format));
  g_assert_cmpint (format, ==, CERTO_EXPORT_SOA_CSV);
  g_assert_true (certo_export_format_from_nick ("report", &format));
  g_assert_cmpint (format, ==, CERTO_EXPORT_STATUS_PDF);
  g_assert_false (certo_export_format_from_nick ("docx", &format));
  g_assert_cmpstr (certo_export_format_to_nick (CERTO_EXPORT_SOA_XLSX), ==, "xlsx");
  g_assert_cmpstr (certo_export_format_get_extension (CERTO_EXPORT_STATUS_PDF), ==, ".pdf");
  g_assert_cmpstr (certo_export_format_get_content_type (CERTO_EXPORT_SOA_CSV), ==, "text/csv");
}

static char *
xlsx_strings (const char *path)
{
  g_autoptr(GBytes) zip = certo_test_load_bytes (path);
  g_autoptr(GBytes) strings = zip_extract (zip, "xl/sharedStrings.xml", NULL);

  g_assert_nonnull (strings);
  return g_strndup (g_bytes_get_data (strings, NULL), g_bytes_get_size (strings));
}

/* QA finding: an SoA edited after its approval was exported as the
 * approved version. The approval approves the content of its moment
 * (ISO/IEC 27001:2022 7.5.2 c); a later edit makes the export a draft,
 * the version approved stays as it was, and undoing the edit or a new
 * approval makes it current again */
static void
test_stale_approval (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *strings = NULL;
  CertoSoaVersion *version;

  /* The fixture approved 1.2 before deciding its controls */
  g_assert_true (certo_workspace_get_soa_changed_since_approval (f->ws));
  path = export_to (f, f->ws, CERTO_EXPORT_SOA_XLSX, "stale.xlsx", &error);
  g_assert_no_error (error);
  strings = xlsx_strings (path);
  g_assert_nonnull (strstr (strings, "Draft — changed since version 1.2 was approved"));
  g_assert_nonnull (strstr (strings, "<t>Maria Rossi</t>"));
  g_clear_pointer (&strings, g_free);
  g_clear_pointer (&path, g_free);

  /* Approving now: current, and the header says so */
  version = certo_workspace_add_soa_version (f->ws, "1.3", "Maria Rossi", f->today, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (certo_soa_version_get_content_sha256 (version));
  g_assert_false (certo_workspace_get_soa_changed_since_approval (f->ws));
  path = export_to (f, f->ws, CERTO_EXPORT_SOA_XLSX, "current.xlsx", &error);
  g_assert_no_error (error);
  strings = xlsx_strings (path);
  g_assert_nonnull (strstr (strings, "<t>1.3</t>"));
  g_assert_null (strstr (strings, "Draft"));
  g_clear_pointer (&strings, g_free);
  g_clear_pointer (&path, g_free);

  /* An edit after it: a draft again, 1.3 unchanged */
  certo_requirement_state_set_status (control (f->ws, "A.5.7"), CERTO_STATUS_IMPLEMENTED);
  g_assert_true (certo_workspace_get_soa_changed_since_approval (f->ws));
  g_assert_true (certo_workspace_get_current_soa_version (f->ws) == version);
  g_assert_cmpstr (certo_soa_version_get_version (version), ==, "1.3");
  g_assert_cmpstr (certo_soa_version_get_approval_date (version), ==, f->today);
  {
    g_autofree char *state = certo_workspace_dup_soa_state (f->ws, NULL);

    g_assert_true (g_str_has_prefix (state, "Draft — changed since version 1.3 approved by Maria Rossi"));
  }
  if (!skip_unless_tool ("pdftotext"))
    {
      g_autofree char *pdf = export_to (f, f->ws, CERTO_EXPORT_SOA_PDF, "stale.pdf", &error);
      g_autofree char *text = NULL;

      g_assert_no_error (error);
      text = pdf_text (pdf, 1);
      g_assert_nonnull (strstr (text, "Draft — changed since version 1.3 was approved"));
    }

  /* Fields an export does not show change nothing; undo gives the
   * approved content back */
  certo_requirement_state_set_owner (control (f->ws, "A.5.7"), "Luca Bianchi");
  g_assert_true (certo_workspace_undo (f->ws, &error));
  g_assert_true (certo_workspace_undo (f->ws, &error));
  g_assert_no_error (error);
  g_assert_false (certo_workspace_get_soa_changed_since_approval (f->ws));
}

/* QA finding: excluded controls must be in every SoA export, with their
 * justification (ISO/IEC 27001:2022 6.1.3 d asks for the justification
 * of each exclusion), never dropped */
static void
test_excluded_in_every_format (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = export_to (f, f->ws, CERTO_EXPORT_SOA_CSV, "soa.csv", &error);
  g_autofree char *xlsx = export_to (f, f->ws, CERTO_EXPORT_SOA_XLSX, "soa.xlsx", &error);
  g_autofree char *csv_text = NULL;
  g_autofree char *strings = NULL;

  g_assert_no_error (error);
  csv_text = read_text (csv);
  g_assert_nonnull (strstr (csv_text, "\r\nA.7.5,Protecting against physical and environmental threats,No,,"));
  g_assert_nonnull (strstr (csv_text, "\r\nA.6.3,"));
  strings = xlsx_strings (xlsx);
  g_assert_nonnull (strstr (strings, "<t>A.7.4</t>"));
  g_assert_nonnull (strstr (strings, "No premises of our own"));
  g_assert_nonnull (strstr (strings, "<t>A.6.3</t>"));

  if (!skip_unless_tool ("pdftotext"))
    {
      g_autofree char *pdf = export_to (f, f->ws, CERTO_EXPORT_SOA_PDF, "soa.pdf", &error);
      g_autofree char *text = NULL;

      g_assert_no_error (error);
      text = pdf_text (pdf, 0);
      g_assert_nonnull (strstr (text, "A.7.4"));
      g_assert_nonnull (strstr (text, "No premises of our own"));
      g_assert_nonnull (strstr (text, "A.6.3"));
      g_assert_nonnull (strstr (text, "Justification for exclusion missing"));
    }
  assert_workspace_unchanged (f);
}

/* QA finding: a named pipe or a device chosen as the export's file hung
 * the export; it is refused at once, and nothing is written beside it */
static guint
count_entries (const char *dir_path)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static void
test_export_to_pipe (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *fifo = g_build_filename (f->out, "pipe.csv", NULL);
  g_autofree char *path = NULL;

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  path = export_to (f, f->ws, CERTO_EXPORT_SOA_CSV, "pipe.csv", &error);
  g_assert_null (path);
  g_assert_error (error, CERTO_EXPORT_ERROR, CERTO_EXPORT_ERROR_CANNOT_WRITE);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "named pipe"));
  /* No temporary file left beside it, the pipe still a pipe */
  g_assert_cmpuint (count_entries (f->out), ==, 1);
  g_assert_false (g_file_test (fifo, G_FILE_TEST_IS_REGULAR));
  assert_workspace_unchanged (f);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_setenv ("LANGUAGE", "en", TRUE);

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  g_test_add_func ("/export/formats", test_formats);
  ADD ("/export/csv/content", test_csv_content);
  ADD ("/export/csv/round-trip", test_csv_round_trip);
  ADD ("/export/csv/snapshot", test_snapshot_isolation);
  ADD ("/export/xlsx", test_xlsx);
  ADD ("/export/pdf/soa", test_pdf_soa);
  ADD ("/export/pdf/report", test_pdf_report);
  ADD ("/export/failure", test_failure_leaves_nothing);
  ADD ("/export/unchanged", test_workspace_unchanged);
  ADD ("/export/italian", test_italian);
  ADD ("/export/not-open", test_not_open);
  ADD ("/export/stale-approval", test_stale_approval);
  ADD ("/export/excluded", test_excluded_in_every_format);
  ADD ("/export/pipe", test_export_to_pipe);
  ADD ("/import/foreign", test_import_foreign);
  ADD ("/import/iso2013", test_import_2013);
  ADD ("/import/values", test_import_values);
  ADD ("/import/bad-files", test_import_bad_files);
#undef ADD

  return g_test_run ();
}
