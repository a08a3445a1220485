/* test-bad-input.c — whole files Certo must refuse, with a message naming them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "certo-parse.h"
#include "certo-test-util.h"

#define NAME "bad-input.x"

/* Helpers */

/* Parses @bytes as an unknown source and expects the whole file refused
 * with @code, and a one-line message that names it */
static char *
expect_refused_bytes (GBytes *bytes,
                      int     code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CertoCatalogUpdate) update = NULL;

  update = certo_parse_source (bytes, NAME, NULL, &error);
  g_assert_error (error, CERTO_PARSE_ERROR, code);
  g_assert_null (update);
  g_assert_nonnull (strstr (error->message, "“" NAME "”"));
  g_assert_null (strchr (error->message, '\n'));

  return g_strdup (error->message);
}

static char *
expect_refused_len (const char *data,
                    gsize       length,
                    int         code)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, length);

  return expect_refused_bytes (bytes, code);
}

static char *
expect_refused (const char *text,
                int         code)
{
  return expect_refused_len (text, strlen (text), code);
}

/* Tests: not text */

static void
test_empty (void)
{
  g_autofree char *message = expect_refused_len ("", 0, CERTO_PARSE_ERROR_EMPTY);

  g_assert_cmpstr (message, ==,
                   "“" NAME "” is empty; choose a catalog (.json) or a compliance-offering article (.md) with content");
}

static void
test_whitespace_only (void)
{
  g_autofree char *message = expect_refused (" \n\t\r\n  \n", CERTO_PARSE_ERROR_EMPTY);
  g_autofree char *with_bom = expect_refused ("\xef\xbb\xbf  \n", CERTO_PARSE_ERROR_EMPTY);

  /* Not "is empty": the file has bytes, the user would not believe it */
  g_assert_true (g_str_has_suffix (message, "contains only white space; choose a catalog (.json) or a compliance-offering article (.md) with content"));
  g_assert_true (g_str_has_suffix (with_bom, "contains only white space; choose a catalog (.json) or a compliance-offering article (.md) with content"));
}

static void
test_binary (void)
{
  /* The start of a PNG image: signature and IHDR chunk */
  static const guchar png[] = {
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d,
    0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01,
    0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4, 0x89,
  };
  g_autofree char *message = expect_refused_len ((const char *) png, sizeof png, CERTO_PARSE_ERROR_BINARY);

  g_assert_cmpstr (message, ==,
                   "“" NAME "” is a binary file, not a catalog or an article; choose a .json catalog or a .md article");
}

static void
test_not_utf8 (void)
{
  /* "Perché" in ISO-8859-1, on the second line */
  g_autofree char *message = expect_refused ("{\"format\": \"certo-catalog\",\n \"title\": \"Perch\xe9\"}",
                                             CERTO_PARSE_ERROR_NOT_UTF8);
  g_autofree char *utf16 = expect_refused_len ("\xff\xfe{\0}\0", 6, CERTO_PARSE_ERROR_NOT_UTF8);

  g_assert_cmpstr (message, ==,
                   "“" NAME "” is not UTF-8 text (byte 0xE9 at line 2, column 17, byte offset 44); save it as UTF-8 and try again");
  g_assert_cmpstr (utf16, ==, "“" NAME "” is UTF-16 text, not UTF-8; save it as UTF-8 and try again");
}

static void
test_over_cap (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static ("{\"format\": \"certo-catalog\", \"version\": 1}", 41);
  g_autoptr(GError) error = NULL;

  g_assert_true (certo_parse_check_text (bytes, 41, NAME, &error));
  g_assert_no_error (error);

  g_assert_false (certo_parse_check_text (bytes, 40, NAME, &error));
  g_assert_error (error, CERTO_PARSE_ERROR, CERTO_PARSE_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==,
                   "“" NAME "” is larger than 40 bytes, the largest source Certo reads; ask its publisher for a smaller file or raise the limit in Preferences");
}

/* Tests: JSON that is not a catalog */

static void
test_truncated_json (void)
{
  g_autofree char *message = expect_refused ("{\n  \"format\": \"certo-catalog\",\n  \"version\": 1,\n  \"documents\": [\n    {\"id\": \"a\", \"ti",
                                             CERTO_PARSE_ERROR_INVALID_JSON);

  g_assert_true (g_str_has_prefix (message, "The catalog “" NAME "” is not valid JSON (line 5, column "));
  g_assert_true (g_str_has_suffix (message, "; ask its publisher for a corrected file"));
}

static void
test_syntax_error_position (void)
{
  g_autofree char *message = expect_refused ("{\n  \"format\": \"certo-catalog\",\n  \"version\": tru\n}",
                                             CERTO_PARSE_ERROR_INVALID_JSON);

  g_assert_true (g_str_has_prefix (message, "The catalog “" NAME "” is not valid JSON (line 3, column "));
  g_assert_nonnull (strstr (message, "tru"));
}

/* json-glib 1.6.6 overflows the stack near 100,000 levels: the depth is
 * refused before it parses anything */
static void
test_deep_nesting (void)
{
  gsize depth = 100000;
  g_autofree char *text = g_malloc (depth);
  g_autofree char *message = NULL;
  g_autofree char *objects = NULL;

  memset (text, '[', depth);
  message = expect_refused_len (text, depth, CERTO_PARSE_ERROR_TOO_DEEP);
  g_assert_cmpstr (message, ==,
                   "“" NAME "” is nested more than 64 levels deep (line 1), far more than a catalog needs; it is damaged or not a catalog");

  /* Objects count too, inside a feed that starts well */
  {
    GString *s = g_string_new ("{\"format\": \"certo-catalog\", \"version\": 1, \"x\":");
    for (guint i = 0; i < depth; i++)
      g_string_append (s, "{\"a\":");
    objects = g_string_free (s, FALSE);
  }
  g_clear_pointer (&message, g_free);
  message = expect_refused (objects, CERTO_PARSE_ERROR_TOO_DEEP);
}

static void
test_depth_check (void)
{
  const struct {
    const char *text;
    guint max_depth;
    gboolean ok;
  } cases[] = {
    { "[[[]]]", 3, TRUE },
    { "[[[[]]]]", 3, FALSE },
    { "{\"a\": {\"b\": [1]}}", 3, TRUE },
    { "{\"a\": {\"b\": [{}]}}", 3, FALSE },
    { "[\"[[[[[[\"]", 1, TRUE },                    /* brackets in strings */
    { "[\"\\\"[[[[\", \"]]]\"]", 1, TRUE },         /* escaped quotes */
    { "[\"\\\\\", [[]]]", 2, FALSE },               /* an escaped backslash ends the escape */
    { "[] [] [] []", 1, TRUE },                     /* depth, not count */
    { "]]]] [[", 2, TRUE },                         /* stray closers do not go below 0 */
    { "", 0, TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean ok = certo_parse_check_json_depth (cases[i].text, strlen (cases[i].text),
                                                  cases[i].max_depth, NAME, &error);

      g_test_message ("%s", cases[i].text);
      g_assert_cmpint (ok, ==, cases[i].ok);
      if (!ok)
        g_assert_error (error, CERTO_PARSE_ERROR, CERTO_PARSE_ERROR_TOO_DEEP);
      else
        g_assert_no_error (error);
    }

  /* Exactly the limit passes; one more fails */
  {
    g_autofree char *at_limit = g_strnfill (CERTO_PARSE_MAX_DEPTH, '[');
    g_autofree char *over = g_strnfill (CERTO_PARSE_MAX_DEPTH + 1, '[');

    g_assert_true (certo_parse_check_json_depth (at_limit, strlen (at_limit), CERTO_PARSE_MAX_DEPTH, NAME, NULL));
    g_assert_false (certo_parse_check_json_depth (over, strlen (over), CERTO_PARSE_MAX_DEPTH, NAME, NULL));
  }
}

static void
test_newer_version (void)
{
  g_autofree char *message = expect_refused ("{\"format\": \"certo-catalog\", \"version\": 2, \"documents\": {\"new\": \"shape\"}}",
                                             CERTO_PARSE_ERROR_NEWER_VERSION);

  g_assert_cmpstr (message, ==,
                   "The catalog “" NAME "” was written for a newer Certo (format version 2); update Certo to read it");
}

static void
test_other_json (void)
{
  g_autofree char *other = expect_refused ("{\"format\": \"oscal-catalog\", \"catalog\": {}}",
                                           CERTO_PARSE_ERROR_WRONG_FORMAT);
  g_autofree char *no_format = expect_refused ("{\"name\": \"certo\", \"version\": \"1.0.0\"}",
                                               CERTO_PARSE_ERROR_WRONG_FORMAT);
  g_autofree char *typed_format = expect_refused ("{\"format\": 1}", CERTO_PARSE_ERROR_WRONG_FORMAT);

  g_assert_cmpstr (other, ==,
                   "“" NAME "” is JSON but not a Certo catalog (its “format” is “oscal-catalog”); choose a file in the certo-catalog format");
  g_assert_cmpstr (no_format, ==,
                   "“" NAME "” is JSON but not a Certo catalog (it has no “format” member); choose a file in the certo-catalog format");
  g_assert_cmpstr (typed_format, ==,
                   "“" NAME "” is JSON but not a Certo catalog (its “format” is not text); choose a file in the certo-catalog format");
}

static void
test_top_level_array (void)
{
  g_autofree char *message = expect_refused ("[{\"format\": \"certo-catalog\", \"version\": 1}]",
                                             CERTO_PARSE_ERROR_WRONG_FORMAT);

  g_assert_cmpstr (message, ==,
                   "“" NAME "” is JSON but not a Certo catalog (it is a list, not an object); choose a file in the certo-catalog format");
}

static void
test_top_level_string (void)
{
  g_autofree char *message = expect_refused ("  \"certo-catalog\"\n", CERTO_PARSE_ERROR_WRONG_FORMAT);

  g_assert_cmpstr (message, ==,
                   "“" NAME "” is JSON but not a Certo catalog (it is a single value, not an object); choose a file in the certo-catalog format");
}

/* Tests: neither JSON nor an article */

static void
test_html_page (void)
{
  g_autofree char *message = expect_refused ("<!DOCTYPE html>\n<html><head><title>Sign in</title></head></html>\n",
                                             CERTO_PARSE_ERROR_WRONG_FORMAT);

  g_assert_true (g_str_has_prefix (message, "“" NAME "” is a web page, not a catalog or an article"));
}

static void
test_plain_text (void)
{
  g_autofree char *message = expect_refused ("Just some notes\nabout ISO/IEC 27001.\n",
                                             CERTO_PARSE_ERROR_WRONG_FORMAT);

  g_assert_cmpstr (message, ==,
                   "“" NAME "” is neither a Certo catalog nor a compliance-offering article; choose a .json catalog feed or an offering .md article");
}

/* Depends on the offering-article parser (certo-offering-article.c):
 * markdown with none of the sections of a compliance-offering article
 * must be refused as NO_CONTENT. */
static void
test_markdown_without_sections (void)
{
  g_autofree char *message = expect_refused ("---\ntitle: Meeting notes\n---\n\n# Meeting notes\n\n"
                                             "## Agenda\n\n- Lunch\n- [A link](https://example.com/)\n",
                                             CERTO_PARSE_ERROR_NO_CONTENT);
  /* Markdown may open with an HTML comment: still markdown, not a web page */
  g_autofree char *commented = expect_refused ("<!-- Shared by every offering page -->\n\n# Notes\n\nNothing here.\n",
                                               CERTO_PARSE_ERROR_NO_CONTENT);
}

/* Tests: loading files */

static char *
make_temp_file (const char *contents,
                gsize       length,
                gsize       sparse_size)
{
  g_autoptr(GError) error = NULL;
  char *path = NULL;
  int fd = g_file_open_tmp ("certo-bad-input-XXXXXX", &path, &error);

  g_assert_no_error (error);
  if (length > 0)
    g_assert_cmpint (write (fd, contents, length), ==, (gssize) length);
  /* A hole: the size is real, the disk blocks are not */
  if (sparse_size > 0)
    g_assert_cmpint (ftruncate (fd, (off_t) sparse_size), ==, 0);
  g_assert_no_errno (close (fd));

  return path;
}

static void
test_load_file (void)
{
  const char *text = "{\"format\": \"certo-catalog\", \"version\": 1}\n";
  g_autofree char *path = make_temp_file (text, strlen (text), 0);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize length = strlen (text);

  /* Exactly at the cap is fine, one byte over is not */
  bytes = certo_parse_load_file (file, length, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), text, length);

  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = certo_parse_load_file (file, length - 1, NULL, &error);
  g_assert_error (error, CERTO_PARSE_ERROR, CERTO_PARSE_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_null (bytes);

  g_unlink (path);
}

/* A sparse 65 MiB file, refused by the default 64 MiB cap; the size is
 * written as g_format_size() writes it, with a no-break space */
static void
test_load_file_over_cap (void)
{
  g_autofree char *path = make_temp_file ("{\"format\": ", 11, (gsize) 65 * 1024 * 1024);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *expected = g_strdup_printf ("“%s” is larger than 64.0\302\240MiB, the largest source Certo reads; ask its publisher for a smaller file or raise the limit in Preferences", path);

  bytes = certo_parse_load_file (file, CERTO_PARSE_DEFAULT_MAX_SIZE, NULL, &error);
  g_assert_error (error, CERTO_PARSE_ERROR, CERTO_PARSE_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==, expected);
  g_assert_null (bytes);

  g_unlink (path);
}

/* An endless stream whose size the file system reports as 0: the cap is
 * checked on what is read, so this returns instead of reading forever */
static void
test_load_file_endless (void)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/dev/zero");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  if (!g_file_test ("/dev/zero", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no /dev/zero");
      return;
    }

  /* A device is refused for what it is, not read until the cap */
  bytes = certo_parse_load_file (file, 1024 * 1024, NULL, &error);
  g_assert_error (error, CERTO_PARSE_ERROR, CERTO_PARSE_ERROR_NOT_REGULAR);
  g_assert_cmpstr (error->message, ==,
                   "“/dev/zero” is not a regular file (it is a device); choose a catalog (.json) or an article (.md) saved as a file");
  g_assert_null (bytes);
}

typedef struct
{
  GFile *file;
  GError *error;
  GBytes *bytes;
  gint done;
} LoadJob;

static gpointer
load_thread (gpointer data)
{
  LoadJob *job = data;

  job->bytes = certo_parse_load_file (job->file, CERTO_PARSE_DEFAULT_MAX_SIZE, NULL, &job->error);
  g_atomic_int_set (&job->done, 1);
  return NULL;
}

/* A named pipe with no writer: opening it would wait forever */
static void
test_load_file_fifo (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("certo-fifo-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(GThread) thread = NULL;
  LoadJob job = { 0 };

  g_assert_no_error (error);
  path = g_build_filename (dir, "catalog.md", NULL);
  g_assert_cmpint (mkfifo (path, 0600), ==, 0);
  job.file = g_file_new_for_path (path);

  thread = g_thread_new ("load", load_thread, &job);
  for (guint i = 0; i < 500 && !g_atomic_int_get (&job.done); i++)
    g_usleep (10 * 1000);
  if (!g_atomic_int_get (&job.done))
    {
      /* Let the blocked open() return, then fail */
      int fd = open (path, O_WRONLY | O_NONBLOCK);

      g_thread_join (g_steal_pointer (&thread));
      if (fd >= 0)
        close (fd);
      g_assert_not_reached ();
    }
  g_thread_join (g_steal_pointer (&thread));

  g_assert_error (job.error, CERTO_PARSE_ERROR, CERTO_PARSE_ERROR_NOT_REGULAR);
  g_assert_nonnull (strstr (job.error->message, "catalog.md” is not a regular file (it is a named pipe)"));
  g_assert_null (job.bytes);

  g_clear_error (&job.error);
  g_object_unref (job.file);
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_load_file_directory (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("certo-dir-XXXXXX", &error);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *expected = NULL;

  g_assert_no_error (error);
  file = g_file_new_for_path (dir);
  expected = g_strdup_printf ("“%s” is not a regular file (it is a folder); choose a catalog (.json) or an article (.md) saved as a file", dir);
  bytes = certo_parse_load_file (file, CERTO_PARSE_DEFAULT_MAX_SIZE, NULL, &error);
  g_assert_error (error, CERTO_PARSE_ERROR, CERTO_PARSE_ERROR_NOT_REGULAR);
  g_assert_cmpstr (error->message, ==, expected);
  g_assert_null (bytes);
  g_rmdir (dir);
}

/* A link to a regular file is read; a link to a device is not */
static void
test_load_file_symlink (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("certo-link-XXXXXX", &error);
  g_autofree char *target = g_build_filename (dir, "target.json", NULL);
  g_autofree char *link = g_build_filename (dir, "link.json", NULL);
  g_autofree char *zero = g_build_filename (dir, "zero.json", NULL);
  g_autoptr(GFile) link_file = g_file_new_for_path (link);
  g_autoptr(GFile) zero_file = g_file_new_for_path (zero);
  g_autoptr(GBytes) bytes = NULL;

  g_assert_no_error (error);
  g_file_set_contents (target, "{}", 2, &error);
  g_assert_no_error (error);
  g_assert_cmpint (symlink (target, link), ==, 0);
  g_assert_cmpint (symlink ("/dev/zero", zero), ==, 0);

  bytes = certo_parse_load_file (link_file, CERTO_PARSE_DEFAULT_MAX_SIZE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (bytes), ==, 2);
  g_clear_pointer (&bytes, g_bytes_unref);

  bytes = certo_parse_load_file (zero_file, CERTO_PARSE_DEFAULT_MAX_SIZE, NULL, &error);
  g_assert_error (error, CERTO_PARSE_ERROR, CERTO_PARSE_ERROR_NOT_REGULAR);
  g_assert_null (bytes);

  g_unlink (link);
  g_unlink (zero);
  g_unlink (target);
  g_rmdir (dir);
}

/* A file name with a line break is shown as a path, on one line, not as
 * a percent-encoded file:// URI */
static void
test_load_file_name_with_newline (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("certo-name-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "two\nlines.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(CertoCatalogUpdate) update = NULL;
  g_autofree char *display = certo_parse_dup_display_name (file);
  g_autofree char *expected = g_strdup_printf ("%s/two\\nlines.json", dir);

  g_assert_no_error (error);
  g_assert_cmpstr (display, ==, expected);

  g_file_set_contents (path, " \n", 2, &error);
  g_assert_no_error (error);
  bytes = certo_parse_load_file (file, CERTO_PARSE_DEFAULT_MAX_SIZE, NULL, &error);
  g_assert_no_error (error);
  update = certo_parse_source (bytes, display, NULL, &error);
  g_assert_null (update);
  g_assert_error (error, CERTO_PARSE_ERROR, CERTO_PARSE_ERROR_EMPTY);
  g_assert_nonnull (strstr (error->message, expected));
  g_assert_null (strchr (error->message, '\n'));
  g_assert_null (strstr (error->message, "%0A"));
  g_clear_error (&error);

  /* and so in the loader's own messages */
  g_unlink (path);
  g_assert_cmpint (mkdir (path, 0700), ==, 0);
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = certo_parse_load_file (file, CERTO_PARSE_DEFAULT_MAX_SIZE, NULL, &error);
  g_assert_error (error, CERTO_PARSE_ERROR, CERTO_PARSE_ERROR_NOT_REGULAR);
  g_assert_nonnull (strstr (error->message, expected));
  g_assert_null (strchr (error->message, '\n'));

  g_rmdir (path);
  g_rmdir (dir);
}

static void
test_load_file_missing (void)
{
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "certo-no-such-file.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *expected = g_strdup_printf ("Could not read “%s”: %s; check that the file exists and that you may read it",
                                               path, g_strerror (ENOENT));

  bytes = certo_parse_load_file (file, CERTO_PARSE_DEFAULT_MAX_SIZE, NULL, &error);
  g_assert_error (error, CERTO_PARSE_ERROR, CERTO_PARSE_ERROR_IO);
  g_assert_cmpstr (error->message, ==, expected);
  g_assert_null (bytes);
}

static void
test_load_file_cancelled (void)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/dev/zero");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_cancellable_cancel (cancellable);
  bytes = certo_parse_load_file (file, 1024, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (bytes);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/bad-input/empty", test_empty);
  g_test_add_func ("/bad-input/whitespace-only", test_whitespace_only);
  g_test_add_func ("/bad-input/binary", test_binary);
  g_test_add_func ("/bad-input/not-utf8", test_not_utf8);
  g_test_add_func ("/bad-input/over-cap", test_over_cap);
  g_test_add_func ("/bad-input/truncated-json", test_truncated_json);
  g_test_add_func ("/bad-input/syntax-error-position", test_syntax_error_position);
  g_test_add_func ("/bad-input/deep-nesting", test_deep_nesting);
  g_test_add_func ("/bad-input/depth-check", test_depth_check);
  g_test_add_func ("/bad-input/newer-version", test_newer_version);
  g_test_add_func ("/bad-input/other-json", test_other_json);
  g_test_add_func ("/bad-input/top-level-array", test_top_level_array);
  g_test_add_func ("/bad-input/top-level-string", test_top_level_string);
  g_test_add_func ("/bad-input/html-page", test_html_page);
  g_test_add_func ("/bad-input/plain-text", test_plain_text);
  g_test_add_func ("/bad-input/markdown-without-sections", test_markdown_without_sections);
  g_test_add_func ("/bad-input/load-file", test_load_file);
  g_test_add_func ("/bad-input/load-file-over-cap", test_load_file_over_cap);
  g_test_add_func ("/bad-input/load-file-endless", test_load_file_endless);
  g_test_add_func ("/bad-input/load-file-fifo", test_load_file_fifo);
  g_test_add_func ("/bad-input/load-file-directory", test_load_file_directory);
  g_test_add_func ("/bad-input/load-file-symlink", test_load_file_symlink);
  g_test_add_func ("/bad-input/load-file-name-with-newline", test_load_file_name_with_newline);
  g_test_add_func ("/bad-input/load-file-missing", test_load_file_missing);
  g_test_add_func ("/bad-input/load-file-cancelled", test_load_file_cancelled);

  return g_test_run ();
}
