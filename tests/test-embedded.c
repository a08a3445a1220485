/* test-embedded.c — the catalog Certo ships, generated from the seed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * resources/catalogs/microsoft-iso27001.json is the seed article run through
 * certo_offering_article_parse() and certo_catalog_feed_write(). When the
 * parser or the writer changes, regenerate it with
 *
 *   CERTO_UPDATE_EMBEDDED=1 meson test -C builddir test-embedded
 *
 * review the diff (facts only: names, titles, links, numbers) and commit it.
 */
#include "config.h"

#include <string.h>

#include "certo-parse.h"
#include "certo-test-util.h"

#define SEED "seeds/000_075bc22780f9941d.txt"
#define EMBEDDED_FILE "resources/catalogs/microsoft-iso27001.json"
#define EMBEDDED_RESOURCE "/io/github/certo/Certo/catalogs/microsoft-iso27001.json"

static char *
embedded_source_path (void)
{
  const char *source_dir = g_getenv ("CERTO_SOURCE_DIR");

  if (source_dir != NULL)
    return g_build_filename (source_dir, EMBEDDED_FILE, NULL);
  return g_build_filename (TEST_SRCDIR, "..", EMBEDDED_FILE, NULL);
}

/* "line N: expected … / got …" for the first line that differs */
static char *
first_difference (const char *expected,
                  const char *got)
{
  g_auto(GStrv) a = g_strsplit (expected, "\n", -1);
  g_auto(GStrv) b = g_strsplit (got, "\n", -1);
  guint i;

  for (i = 0; a[i] != NULL && b[i] != NULL; i++)
    if (!g_str_equal (a[i], b[i]))
      break;
  return g_strdup_printf ("line %u: the file has “%s”, the parser gives “%s”",
                          i + 1, a[i] ? a[i] : "(end)", b[i] ? b[i] : "(end)");
}

static void
test_seed_matches_file (void)
{
  g_autofree char *seed_path = NULL;
  g_autofree char *file_path = embedded_source_path ();
  g_autoptr(GBytes) seed = NULL;
  g_autoptr(CertoCatalogUpdate) update = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *written = NULL;
  g_autofree char *on_disk = NULL;

  if (certo_test_skip_unless_shared (SEED))
    return;

  seed_path = certo_test_shared_path (SEED);
  seed = certo_test_load_bytes (seed_path);
  update = certo_offering_article_parse (seed, "offering-iso-27001.it-IT.md", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (update->id, ==, "microsoft-iso27001");

  written = certo_catalog_feed_write (update);
  g_assert_nonnull (written);

  if (g_strcmp0 (g_getenv ("CERTO_UPDATE_EMBEDDED"), "1") == 0)
    {
      g_file_set_contents (file_path, written, -1, &error);
      g_assert_no_error (error);
      g_test_message ("rewrote %s; review the diff and rebuild", file_path);
      return;
    }

  if (!g_file_get_contents (file_path, &on_disk, NULL, &error))
    {
      g_test_fail_printf ("cannot read %s (%s); generate it with CERTO_UPDATE_EMBEDDED=1 meson test -C <builddir> test-embedded",
                          file_path, error->message);
      return;
    }

  if (!g_str_equal (on_disk, written))
    {
      g_autofree char *where = first_difference (on_disk, written);

      g_test_fail_printf ("%s is out of date (%s); regenerate it with "
                          "CERTO_UPDATE_EMBEDDED=1 meson test -C <builddir> test-embedded, "
                          "review the diff and commit it",
                          EMBEDDED_FILE, where);
    }
}

/* What Certo ships reads back as a valid catalog of facts, with no warning */
static void
test_resource_is_valid (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_resources_lookup_data (EMBEDDED_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_autoptr(CertoCatalogUpdate) update = NULL;
  g_autofree char *rewritten = NULL;
  const char *text;
  gsize length = 0;
  guint certificates = 0;

  g_assert_no_error (error);
  text = g_bytes_get_data (bytes, &length);

  update = certo_catalog_feed_parse (bytes, "microsoft-iso27001.json", &error);
  g_assert_no_error (error);
  g_assert_cmpint (update->format, ==, CERTO_UPDATE_FORMAT_CATALOG);
  g_assert_cmpstr (update->id, ==, "microsoft-iso27001");
  g_assert_cmpstr (update->publisher, ==, "Microsoft");
  g_assert_cmpstr (update->updated, ==, "2020-02-07");
  g_assert_cmpstr (certo_localized_get (update->title, "it"), ==, "Standard di gestione della sicurezza delle informazioni ISO/IEC 27001:2013");
  g_assert_cmpuint (update->warnings->len, ==, 0);
  g_assert_cmpuint (update->standards->len, ==, 3);
  g_assert_cmpuint (update->families->len, ==, 6);
  g_assert_cmpuint (update->services->len, ==, 18);
  g_assert_cmpuint (update->documents->len, ==, 29);
  for (guint i = 0; i < update->documents->len; i++)
    if (((CertoUpdateDocument *) g_ptr_array_index (update->documents, i))->kind == CERTO_DOCUMENT_KIND_CERTIFICATE)
      certificates++;
  g_assert_cmpuint (certificates, ==, 9);
  g_assert_cmpstr (((CertoUpdateDocument *) certo_catalog_update_find_document (update, "cert-is-619017"))->issuer, ==, "BSI");

  /* facts only: none of the article's prose is shipped */
  g_assert_null (g_strstr_len (text, length, "nongovernmental"));
  g_assert_null (g_strstr_len (text, length, "certification points up"));
  g_assert_null (g_strstr_len (text, length, "Audit cycle"));
  g_assert_null (g_strstr_len (text, length, "compliance-score.md"));

  /* reading and writing again changes nothing */
  rewritten = certo_catalog_feed_write (update);
  g_assert_cmpstr (rewritten, ==, text);
}

/* The build embeds the file in the source tree, not a stale copy */
static void
test_resource_matches_file (void)
{
  g_autofree char *file_path = embedded_source_path ();
  g_autoptr(GBytes) bytes = g_resources_lookup_data (EMBEDDED_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autofree char *on_disk = NULL;
  gsize length = 0;

  if (!g_file_get_contents (file_path, &on_disk, &length, NULL))
    {
      g_test_skip ("the source tree is not available");
      return;
    }
  g_assert_nonnull (bytes);
  g_assert_cmpmem (on_disk, length, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/embedded/seed-matches-file", test_seed_matches_file);
  g_test_add_func ("/embedded/resource-is-valid", test_resource_is_valid);
  g_test_add_func ("/embedded/resource-matches-file", test_resource_matches_file);

  return g_test_run ();
}
