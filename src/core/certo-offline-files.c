/* certo-offline-files.c — the files of the offline folder: put in place
 * whole and verified, swept, cleared
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything here blocks: call it from a worker thread. A file reaches
 * the offline folder in two steps: its bytes are copied into a hidden
 * temporary file of that folder (created exclusively, never following a
 * name planted there) while their SHA-256 is computed, then the temporary
 * file gets its final name with link(), which never replaces a file.
 * A crash in between leaves only a temporary file, which the next sweep
 * removes. Names come from certo_download_sanitize_filename() and are
 * checked again here: nothing from outside chooses the folder.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "certo-download.h"
#include "certo-offline-private.h"
#include "certo-text.h"

#define COPY_CHUNK ((gsize) 64 * 1024)
#define MAX_NAME_TRIES 999

/* Helpers */

/* A plain file name, no folder part, not hidden: the last line of defence
 * after certo_download_sanitize_filename() */
static char *
safe_name (const char *name)
{
  g_autofree char *clean = certo_download_sanitize_filename (name);

  if (clean == NULL || strchr (clean, '/') != NULL || strchr (clean, '\\') != NULL ||
      clean[0] == '.' || g_str_has_prefix (clean, CERTO_OFFLINE_TEMP_PREFIX))
    return NULL;

  return g_steal_pointer (&clean);
}

/* "name.pdf", "name (2).pdf", … */
static char *
numbered (const char *name,
          guint       n)
{
  const char *dot = strrchr (name, '.');

  if (n == 1)
    return g_strdup (name);
  if (dot == NULL || dot == name)
    return g_strdup_printf ("%s (%u)", name, n);

  return g_strdup_printf ("%.*s (%u)%s", (int) (dot - name), name, n, dot);
}

static gboolean
set_io_error (GError     **error,
              int          saved_errno,
              const char  *folder)
{
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _("The offline folder “%s” could not be written (%s); check that the disk has room and the folder can be written"),
               folder, g_strerror (saved_errno));
  return FALSE;
}

/* Copies @source into @fd, hashing it; at most @max_size bytes */
static gboolean
copy_hashing (GFile         *source,
              int            fd,
              guint64        max_size,
              GChecksum     *checksum,
              guint64       *out_size,
              const char    *folder,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GFileInputStream) in = NULL;
  g_autofree guint8 *buffer = g_malloc (COPY_CHUNK);
  guint64 size = 0;

  in = g_file_read (source, cancellable, error);
  if (in == NULL)
    return FALSE;

  while (TRUE)
    {
      gssize n = g_input_stream_read (G_INPUT_STREAM (in), buffer, COPY_CHUNK, cancellable, error);
      gsize written = 0;

      if (n < 0)
        return FALSE;
      if (n == 0)
        break;

      size += n;
      if (size > max_size)
        {
          g_autofree char *limit = g_format_size (max_size);

          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                       _("The file is larger than %s, more than Certo keeps for offline reading"), limit);
          return FALSE;
        }

      g_checksum_update (checksum, buffer, n);
      while (written < (gsize) n)
        {
          gssize w = write (fd, buffer + written, n - written);

          if (w < 0 && errno == EINTR)
            continue;
          if (w < 0)
            return set_io_error (error, errno, folder);
          written += w;
        }
    }

  if (fsync (fd) != 0 && errno != EINVAL)
    return set_io_error (error, errno, folder);

  *out_size = size;
  return TRUE;
}

/* Gives @temp (in @folder) a final name derived from @name, never
 * replacing a file; returns the name */
static char *
link_into_place (const char  *folder,
                 const char  *temp,
                 const char  *name,
                 GError     **error)
{
  for (guint n = 1; n <= MAX_NAME_TRIES; n++)
    {
      g_autofree char *candidate = numbered (name, n);
      g_autofree char *path = g_build_filename (folder, candidate, NULL);

      if (link (temp, path) == 0)
        {
          g_unlink (temp);
          return g_steal_pointer (&candidate);
        }
      if (errno == EEXIST)
        continue;

      /* No hard links on this file system (FAT, some network shares):
       * a rename after a check is the next best; only Certo writes here */
      if (g_file_test (path, G_FILE_TEST_EXISTS))
        continue;
      if (g_rename (temp, path) == 0)
        return g_steal_pointer (&candidate);

      set_io_error (error, errno, folder);
      return NULL;
    }

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
               _("The offline folder “%s” has too many files named “%s”"), folder, name);
  return NULL;
}

/* Private API (certo-offline-private.h) */

/* A name for a document whose server gave none: its id in the source and
 * an extension for its type */
char *
certo_offline_fallback_name (const char *key,
                             const char *content_type)
{
  g_autofree char *slug = certo_text_slugify (key != NULL ? key : "", 80);
  const char *extension = "";

  if (g_strcmp0 (content_type, "application/pdf") == 0)
    extension = ".pdf";
  else if (g_strcmp0 (content_type, "application/zip") == 0)
    extension = ".zip";
  else if (content_type != NULL && g_str_has_prefix (content_type, "application/vnd.openxmlformats-officedocument.wordprocessingml"))
    extension = ".docx";
  else if (content_type != NULL && g_str_has_prefix (content_type, "application/vnd.openxmlformats-officedocument.spreadsheetml"))
    extension = ".xlsx";

  return g_strconcat (*slug != '\0' ? slug : "document", extension, NULL);
}

/* The type of a file the user chose: the system's guess, or "%PDF-" for
 * what most provider documents are when the guess is generic (no MIME
 * database, an unusual extension) */
char *
certo_offline_sniff_type (GFile      *file,
                          const char *guessed)
{
  g_autoptr(GFileInputStream) in = NULL;
  char head[5] = { 0 };
  gsize n = 0;

  if (guessed != NULL && g_strcmp0 (guessed, "application/octet-stream") != 0 &&
      g_strcmp0 (guessed, "text/plain") != 0)
    return g_strdup (guessed);

  in = g_file_read (file, NULL, NULL);
  if (in != NULL && g_input_stream_read_all (G_INPUT_STREAM (in), head, sizeof head, &n, NULL, NULL) &&
      n == sizeof head && memcmp (head, "%PDF-", 5) == 0)
    return g_strdup ("application/pdf");

  return g_strdup (guessed);
}

/**
 * certo_offline_place_file:
 * @folder: the offline folder (created, mode 0700, when missing)
 * @source: the bytes to keep: a finished download, a file the user chose
 * @wanted_name: (nullable): the name offered (sanitised again here)
 * @fallback_name: the name when @wanted_name gives none
 * @expected_sha256: (nullable): the SHA-256 the bytes must have
 * @max_size: the largest size taken, in bytes
 * @out_sha256: (out) (transfer full): the SHA-256 of the bytes placed
 * @out_size: (out): their size in bytes
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Copies @source into @folder under a name of its own, whole and
 * verified, or not at all.
 *
 * Returns: (transfer full) (nullable): the file name in @folder
 */
char *
certo_offline_place_file (const char    *folder,
                          GFile         *source,
                          const char    *wanted_name,
                          const char    *fallback_name,
                          const char    *expected_sha256,
                          guint64        max_size,
                          char         **out_sha256,
                          guint64       *out_size,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *temp = NULL;
  g_autofree char *name = NULL;
  char *placed;
  guint64 size = 0;
  int fd;

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      set_io_error (error, errno, folder);
      return NULL;
    }

  name = safe_name (wanted_name);
  if (name == NULL)
    name = safe_name (fallback_name);
  if (name == NULL)
    name = g_strdup ("document");

  temp = g_build_filename (folder, CERTO_OFFLINE_TEMP_PREFIX "XXXXXX.tmp", NULL);
  fd = g_mkstemp_full (temp, O_WRONLY, 0600);
  if (fd < 0)
    {
      set_io_error (error, errno, folder);
      return NULL;
    }

  if (!copy_hashing (source, fd, max_size, checksum, &size, folder, cancellable, error))
    {
      close (fd);
      g_unlink (temp);
      return NULL;
    }
  if (close (fd) != 0)
    {
      set_io_error (error, errno, folder);
      g_unlink (temp);
      return NULL;
    }

  if (expected_sha256 != NULL && g_ascii_strcasecmp (expected_sha256, g_checksum_get_string (checksum)) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The copy of “%s” does not match the bytes downloaded; nothing was kept, try again"),
                   name);
      g_unlink (temp);
      return NULL;
    }

  placed = link_into_place (folder, temp, name, error);
  if (placed == NULL)
    {
      g_unlink (temp);
      return NULL;
    }

  *out_sha256 = g_strdup (g_checksum_get_string (checksum));
  *out_size = size;
  return placed;
}

/* Removes the temporary files of the offline folder and every file no
 * row names (left by a crash between a file and its row). Returns how
 * many files went. */
guint
certo_offline_sweep (const char *folder,
                     GHashTable *known_names)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;
  guint n = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);
      GStatBuf st;

      if (g_lstat (path, &st) != 0 || S_ISDIR (st.st_mode))
        continue;
      if (!g_str_has_prefix (name, CERTO_OFFLINE_TEMP_PREFIX) && g_hash_table_contains (known_names, name))
        continue;

      if (g_unlink (path) == 0)
        n++;
    }

  return n;
}

static guint64
clear_tree (const char   *path,
            const char   *relative,
            GHashTable   *keep_paths,
            GCancellable *cancellable)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;
  guint64 freed = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL &&
         !g_cancellable_is_cancelled (cancellable))
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      g_autofree char *child_relative = relative != NULL ? g_build_filename (relative, name, NULL)
                                                         : g_strdup (name);
      GStatBuf st;

      if (keep_paths != NULL && g_hash_table_contains (keep_paths, child_relative))
        continue;
      if (g_lstat (child, &st) != 0)
        continue;

      if (S_ISDIR (st.st_mode))
        {
          freed += clear_tree (child, child_relative, keep_paths, cancellable);
          g_rmdir (child);
        }
      else if (g_unlink (child) == 0 && S_ISREG (st.st_mode))
        {
          freed += st.st_size;
        }
    }

  return freed;
}

/* Empties @folder (which stays), except the paths in @keep_paths
 * (relative to it: the staging folders of running downloads); symbolic
 * links are removed, never followed. Returns the bytes freed. */
guint64
certo_offline_clear_folder (const char   *folder,
                            GHashTable   *keep_paths,
                            GCancellable *cancellable)
{
  return clear_tree (folder, NULL, keep_paths, cancellable);
}
