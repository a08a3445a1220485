/* certo-test-util.c — helpers shared by the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "certo-test-util.h"

/* A path under ../shared (CERTO_SHARED_DIR), the real public inputs */
char *
certo_test_shared_path (const char *relative)
{
  const char *dir = g_getenv ("CERTO_SHARED_DIR");

  if (dir == NULL)
    return NULL;

  return g_build_filename (dir, relative, NULL);
}

/* Skips the running test with a message when a real input is absent.
 * Returns TRUE when the test must stop. */
gboolean
certo_test_skip_unless_shared (const char *relative)
{
  g_autofree char *path = certo_test_shared_path (relative);

  if (path == NULL || !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *msg = g_strdup_printf ("real input %s not found (../shared is absent)",
                                              path ? path : relative);
      g_test_skip (msg);
      return TRUE;
    }

  return FALSE;
}

/* A path under tests/data, the project's own fixtures */
char *
certo_test_data_path (const char *relative)
{
  return g_build_filename (TEST_SRCDIR, "data", relative, NULL);
}

GBytes *
certo_test_load_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, length);
}

/* SHA-256 of a file, or "absent" */
char *
certo_test_file_sha256 (const char *path)
{
  char *contents = NULL;
  gsize length = 0;
  char *sum;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return g_strdup ("absent");

  sum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
  g_free (contents);
  return sum;
}

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

/* One line per file in @dir (name and SHA-256), sorted: compare two calls to
 * prove a folder is byte-for-byte unchanged and has no leftover files. */
char *
certo_test_dir_digest (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  GString *out = g_string_new (NULL);
  const char *name;

  if (d == NULL)
    return g_string_free (out, FALSE);

  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *sum = NULL;

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        sum = certo_test_dir_digest (path);
      else
        sum = certo_test_file_sha256 (path);
      g_ptr_array_add (lines, g_strdup_printf ("%s %s", name, sum));
    }

  g_ptr_array_sort (lines, compare_lines);
  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (out, "%s\n", (char *) g_ptr_array_index (lines, i));

  return g_string_free (out, FALSE);
}

/* Iterates the default main context until *result is set by an async
 * callback that stores a ref to its GAsyncResult there. */
void
certo_test_wait_async (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
}
