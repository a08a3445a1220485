/* certo-workspace-file.c — the user's file: read into the working copy,
 * checked, and written back whole
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Certo never opens the user's *.certo file with SQLite: SQLite cannot
 * lock through the Flatpak document portal or on many network file
 * systems, and it would leave -journal/-wal files beside the document.
 * Instead:
 *
 * - Opening reads the file once, with plain read(), into a private working
 *   copy in `<data dir>/workspaces/` and checks it there. The user's file is
 *   only read; nothing is created beside it.
 * - Every edit is committed to the working copy at once.
 * - Saving copies the working copy (SQLite backup API) to a private
 *   temporary file, checks it, then writes it to `.NAME.XXXXXX` in the
 *   user's folder, fsyncs it and renames it over the user's file, then
 *   fsyncs the folder: a crash at any instant leaves the old file or the
 *   new one, whole.
 * - A sidecar (JSON) beside the working copy says which file it belongs
 *   to and whether it has unsaved changes; a lock file held with flock()
 *   tells a live session from one that crashed (certo-workspace-copy.c).
 *
 * Everything here runs on the workspace's worker thread, or before it
 * starts.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "certo-parse.h"
#include "certo-workspace-private.h"

#define COPY_CHUNK (256 * 1024)

struct _CertoRegularFile
{
  GInputStream *stream;       /* a file without a local path, or NULL */
  int           fd;           /* a local file, or -1 */
  gint64        size;
  char         *display_name;
};
#define SQLITE_HEADER_SIZE 100

static const char sqlite_magic[16] = "SQLite format 3";

/* Helpers */

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

char *
_certo_workspace_file_display_name_of (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);

  return g_filename_display_name (base);
}

gint64
_certo_workspace_file_mtime_ns (const struct stat *st)
{
  return (gint64) st->st_mtim.tv_sec * G_GINT64_CONSTANT (1000000000) + st->st_mtim.tv_nsec;
}

static gboolean
write_all (int            fd,
           const guint8  *data,
           gsize          length)
{
  while (length > 0)
    {
      gssize n = write (fd, data, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      data += n;
      length -= n;
    }

  return TRUE;
}

static gssize
read_full (int     fd,
           guint8 *buffer,
           gsize   length)
{
  gsize done = 0;

  while (done < length)
    {
      gssize n = read (fd, buffer + done, length - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return -1;
      if (n == 0)
        break;
      done += n;
    }

  return done;
}

/* Copies @in from its current offset to @out; errno is set on failure,
 * *out_read_failed says which side failed */
static gboolean
copy_fd (int       in,
         int       out,
         gboolean *out_read_failed)
{
  g_autofree guint8 *buffer = g_malloc (COPY_CHUNK);

  while (TRUE)
    {
      gssize n = read_full (in, buffer, COPY_CHUNK);

      if (n < 0)
        {
          *out_read_failed = TRUE;
          return FALSE;
        }
      if (n == 0)
        return TRUE;
      if (!write_all (out, buffer, n))
        {
          *out_read_failed = FALSE;
          return FALSE;
        }
    }
}

static void
set_save_error (GError     **error,
                int          saved_errno,
                const char  *target_path)
{
  g_autofree char *name = _certo_workspace_file_display_name_of (target_path);
  g_autofree char *dir = g_path_get_dirname (target_path);
  g_autofree char *dir_name = g_filename_display_name (dir);

  if (saved_errno == ENOSPC || saved_errno == EDQUOT)
    g_set_error (error, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_CANNOT_SAVE,
                 _("The disk is full: “%s” could not be saved. Free some space, or save it to another folder."),
                 name);
  else if (saved_errno == EACCES || saved_errno == EPERM || saved_errno == EROFS)
    g_set_error (error, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_CANNOT_SAVE,
                 _("“%s” could not be saved: the folder “%s” cannot be written (%s). Save it to a folder you can write to."),
                 name, dir_name, g_strerror (saved_errno));
  else
    g_set_error (error, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_CANNOT_SAVE,
                 _("“%s” could not be saved (%s). Try again, or save it to another folder."),
                 name, g_strerror (saved_errno));
}

/* Whether @a describes the same file, unchanged, as @wc recorded */
static gboolean
same_as_recorded (CertoWorkingCopy  *wc,
                  const struct stat *st)
{
  return wc->target_dev == st->st_dev &&
         wc->target_ino == st->st_ino &&
         wc->target_size == st->st_size &&
         wc->target_mtime_ns == _certo_workspace_file_mtime_ns (st);
}

static gboolean
check_unchanged (CertoWorkingCopy  *wc,
                 GError           **error)
{
  struct stat st;

  if (!wc->have_target_stat || g_stat (wc->target_path, &st) != 0)
    return TRUE;

  if (same_as_recorded (wc, &st))
    return TRUE;

  g_set_error (error, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_CHANGED_ON_DISK,
               _("“%s” was changed by another program since Certo read it. Save your work under another name, or save again to replace that version."),
               wc->display_name);
  return FALSE;
}

/**
 * _certo_workspace_file_remove_temporaries:
 * @target_path: the user's file
 *
 * Removes temporary files an interrupted save of ours left in the user's
 * folder: hidden, named after the file, and holding a Certo workspace (or
 * empty: killed before its first write). Call it only while this session
 * holds the file, so no save of another session can be under way.
 */
void
_certo_workspace_file_remove_temporaries (const char *target_path)
{
  g_autofree char *dir_path = g_path_get_dirname (target_path);
  g_autofree char *name = g_path_get_basename (target_path);
  g_autofree char *prefix = g_strconcat (".", name, ".", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *entry;

  while (dir != NULL && (entry = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      guint8 header[SQLITE_HEADER_SIZE];
      gssize n;
      int fd;

      if (!g_str_has_prefix (entry, prefix) || strlen (entry) != strlen (prefix) + 6)
        continue;

      path = g_build_filename (dir_path, entry, NULL);
      fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW, 0);
      if (fd < 0)
        continue;
      n = read_full (fd, header, sizeof header);
      close (fd);

      /* A save killed before its first write leaves an empty file */
      if (n == 0 ||
          (n == sizeof header && memcmp (header, sqlite_magic, 16) == 0 &&
           read_be32 (header + 68) == CERTO_WORKSPACE_APPLICATION_ID))
        g_unlink (path);
    }
}

/* Public (private) API */

/**
 * _certo_workspace_dup_workspaces_dir:
 * @data_dir: Certo's data folder (certo_paths_dup_data_dir())
 *
 * Returns: (transfer full): the folder of working copies
 */
char *
_certo_workspace_dup_workspaces_dir (const char *data_dir)
{
  return g_build_filename (data_dir, "workspaces", NULL);
}

/**
 * _certo_workspace_dup_target_path:
 * @file: the user's workspace file
 * @error: (out) (optional): %CERTO_WORKSPACE_ERROR_NOT_LOCAL
 *
 * Resolves where the file really is: a symbolic link is followed, so that
 * saving replaces the file it points to rather than the link.
 *
 * Returns: (transfer full) (nullable): an absolute path
 */
char *
_certo_workspace_dup_target_path (GFile   *file,
                                  GError **error)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  char *resolved;

  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_set_error (error, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_NOT_LOCAL,
                   _("Certo can only open workspaces in local or mounted folders, not “%s”. Copy the file to your computer first."),
                   uri);
      return NULL;
    }

  resolved = realpath (path, NULL);
  if (resolved != NULL)
    {
      char *copy = g_strdup (resolved);

      free (resolved);
      return copy;
    }

  /* A new file: resolve its folder */
  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  resolved = realpath (dir, NULL);
  if (resolved != NULL)
    {
      char *full = g_build_filename (resolved, base, NULL);

      free (resolved);
      return full;
    }

  return g_canonicalize_filename (path, NULL);
}

/**
 * _certo_workspace_file_check_header:
 * @header: the file's first bytes
 * @length: how many (100 or more for a database)
 * @file_size: the file's size in bytes
 * @display_name: the file's name for messages
 * @error: (out) (optional): %CERTO_WORKSPACE_ERROR_NOT_A_WORKSPACE,
 *   %CERTO_WORKSPACE_ERROR_NEWER_VERSION or %CERTO_WORKSPACE_ERROR_CORRUPT
 *
 * Checks the SQLite header (https://www.sqlite.org/fileformat.html §1.3):
 * the magic string, the application id at offset 68, the user version at
 * 60, and that the file is as long as the header says (a truncated copy
 * is refused before SQLite sees it).
 *
 * Returns: %TRUE when the header is a workspace this version reads
 */
gboolean
_certo_workspace_file_check_header (const guint8  *header,
                                    gsize          length,
                                    gint64         file_size,
                                    const char    *display_name,
                                    GError       **error)
{
  guint32 page_size;
  guint32 n_pages;
  guint32 version;

  if (file_size == 0)
    {
      g_set_error (error, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_NOT_A_WORKSPACE,
                   _("“%s” is empty, not a Certo workspace. It was not changed."),
                   display_name);
      return FALSE;
    }

  if (length < SQLITE_HEADER_SIZE || memcmp (header, sqlite_magic, 16) != 0)
    {
      g_set_error (error, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_NOT_A_WORKSPACE,
                   _("“%s” is not a Certo workspace. It was not changed."),
                   display_name);
      return FALSE;
    }

  if (read_be32 (header + 68) != CERTO_WORKSPACE_APPLICATION_ID)
    {
      g_set_error (error, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_NOT_A_WORKSPACE,
                   _("“%s” is not a Certo workspace: it is a database of another program. It was not changed."),
                   display_name);
      return FALSE;
    }

  version = read_be32 (header + 60);
  if (version > CERTO_WORKSPACE_SCHEMA_VERSION)
    {
      g_set_error (error, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_NEWER_VERSION,
                   _("“%s” was made by a newer version of Certo (format %u, this version reads up to %d). Update Certo to open it; the file was not changed."),
                   display_name, version, CERTO_WORKSPACE_SCHEMA_VERSION);
      return FALSE;
    }

  page_size = ((guint32) header[16] << 8) | header[17];
  if (page_size == 1)
    page_size = 65536;
  n_pages = read_be32 (header + 28);

  if (page_size < 512 || (page_size & (page_size - 1)) != 0 ||
      file_size % page_size != 0 ||
      /* The in-header size is valid when the two counters agree */
      (read_be32 (header + 24) == read_be32 (header + 92) &&
       (gint64) n_pages * page_size > file_size))
    {
      g_set_error (error, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_CORRUPT,
                   _("“%s” is incomplete: the file ends early, as if it was copied or downloaded only in part. Open a complete copy; this file was not changed."),
                   display_name);
      return FALSE;
    }

  return TRUE;
}

/**
 * _certo_working_copy_copy_in:
 * @wc: a working copy whose db_path does not exist yet
 * @error: (out) (optional): a #CERTO_WORKSPACE_ERROR or #G_IO_ERROR
 *
 * Reads the user's file, once, into the working copy, after checking its
 * header. The user's file is opened read-only and nothing is created
 * beside it. Its identity and time are recorded.
 *
 * Returns: %TRUE when the working copy holds the file's bytes
 */
gboolean
_certo_working_copy_copy_in (CertoWorkingCopy  *wc,
                             GError           **error)
{
  guint8 header[SQLITE_HEADER_SIZE];
  struct stat st;
  gboolean read_failed = FALSE;
  gssize n;
  int in;
  int out = -1;

  in = g_open (wc->target_path, O_RDONLY | O_CLOEXEC, 0);
  if (in < 0)
    {
      int saved_errno = errno;

      if (saved_errno == ENOENT)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                     _("“%s” does not exist. It may have been moved or deleted."),
                     wc->display_name);
      else
        g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                     _("“%s” could not be opened: %s"),
                     wc->display_name, g_strerror (saved_errno));
      return FALSE;
    }

  if (fstat (in, &st) != 0 || !S_ISREG (st.st_mode))
    {
      g_set_error (error, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_NOT_A_WORKSPACE,
                   _("“%s” is not a Certo workspace. It was not changed."),
                   wc->display_name);
      close (in);
      return FALSE;
    }

  n = read_full (in, header, sizeof header);
  if (n < 0)
    {
      read_failed = TRUE;
      goto io_failed;
    }
  if (!_certo_workspace_file_check_header (header, n, st.st_size, wc->display_name, error))
    {
      close (in);
      return FALSE;
    }

  out = g_open (wc->db_path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (out < 0 || !write_all (out, header, n) || !copy_fd (in, out, &read_failed))
    goto io_failed;

  if (close (out) != 0)
    {
      out = -1;
      goto io_failed;
    }
  close (in);

  _certo_working_copy_record_target (wc, &st);
  return TRUE;

io_failed:
  {
    int saved_errno = errno;
    g_autofree char *dir_name = g_filename_display_name (wc->dir);

    if (read_failed)
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("“%s” could not be read: %s"),
                   wc->display_name, g_strerror (saved_errno));
    else
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Certo could not make its working copy of “%s” in “%s”: %s"),
                   wc->display_name, dir_name, g_strerror (saved_errno));
    close (in);
    if (out >= 0)
      close (out);
    g_unlink (wc->db_path);
    return FALSE;
  }
}

/**
 * _certo_working_copy_publish:
 * @wc: a working copy
 * @temp_db: a complete, checked copy of the workspace, in the private folder
 * @overwrite: replace the user's file even if another program changed it
 * @error: (out) (optional): %CERTO_WORKSPACE_ERROR_CANNOT_SAVE or
 *   %CERTO_WORKSPACE_ERROR_CHANGED_ON_DISK
 *
 * Replaces the user's file with @temp_db atomically: written to
 * `.NAME.XXXXXX` in the same folder (so the rename cannot cross file
 * systems), fsync()ed, renamed over the file, and the folder fsync()ed.
 * The file keeps its permissions. On failure the user's file is as it was.
 *
 * Returns: %TRUE when the user's file is the new version
 */
gboolean
_certo_working_copy_publish (CertoWorkingCopy  *wc,
                             const char        *temp_db,
                             gboolean           overwrite,
                             GError           **error)
{
  g_autofree char *dir_path = g_path_get_dirname (wc->target_path);
  g_autofree char *name = g_path_get_basename (wc->target_path);
  g_autofree char *temp_path = g_strdup_printf ("%s/.%s.XXXXXX", dir_path, name);
  gboolean read_failed = FALSE;
  gboolean created = FALSE;
  struct stat old_st;
  struct stat new_st;
  gboolean had_file;
  int saved_errno;
  int in = -1;
  int out = -1;
  int dir_fd;

  if (!overwrite && !check_unchanged (wc, error))
    return FALSE;

  had_file = g_stat (wc->target_path, &old_st) == 0;

  in = g_open (temp_db, O_RDONLY | O_CLOEXEC, 0);
  if (in < 0)
    {
      saved_errno = errno;
      set_save_error (error, saved_errno, wc->target_path);
      return FALSE;
    }

  out = g_mkstemp_full (temp_path, O_WRONLY | O_CLOEXEC, 0666);
  if (out < 0)
    goto failed;
  created = TRUE;

  if (had_file && fchmod (out, old_st.st_mode & 07777) != 0 && errno != EPERM)
    goto failed;

  if (!copy_fd (in, out, &read_failed) || fsync (out) != 0)
    goto failed;

  if (close (out) != 0)
    {
      out = -1;
      goto failed;
    }
  out = -1;
  close (in);
  in = -1;

  /* The window between the first check and the rename is small; check
   * again so a save by another program a moment ago is not lost */
  if (!overwrite && !check_unchanged (wc, error))
    {
      g_unlink (temp_path);
      return FALSE;
    }

  if (g_rename (temp_path, wc->target_path) != 0)
    goto failed;

  /* The rename itself must reach the disk */
  dir_fd = g_open (dir_path, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
  if (dir_fd >= 0)
    {
      if (fsync (dir_fd) != 0 && errno != EINVAL)
        g_debug ("fsync of “%s” failed: %s", dir_path, g_strerror (errno));
      close (dir_fd);
    }

  if (g_stat (wc->target_path, &new_st) == 0)
    _certo_working_copy_record_target (wc, &new_st);

  _certo_workspace_file_remove_temporaries (wc->target_path);
  return TRUE;

failed:
  saved_errno = errno;
  if (in >= 0)
    close (in);
  if (out >= 0)
    close (out);
  if (created)
    g_unlink (temp_path);

  if (read_failed)
    {
      g_autofree char *temp_name = g_filename_display_name (temp_db);

      g_set_error (error, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_CANNOT_SAVE,
                   _("“%s” could not be saved: its copy “%s” could not be read (%s). Your changes are kept; try again."),
                   wc->display_name, temp_name, g_strerror (saved_errno));
    }
  else
    set_save_error (error, saved_errno, wc->target_path);
  return FALSE;
}

/* A file chosen by the user: only regular files are read */

/* What a file that is not a regular one is, for the message */
static const char *
describe_type (GFileType type,
               guint32   mode)
{
  if (type == G_FILE_TYPE_DIRECTORY || S_ISDIR (mode))
    /* Translators: completes "“x” is not a regular file (%s)" */
    return _("it is a folder");
  if (S_ISFIFO (mode))
    /* Translators: completes "“x” is not a regular file (%s)" */
    return _("it is a named pipe");
  if (S_ISCHR (mode) || S_ISBLK (mode))
    /* Translators: completes "“x” is not a regular file (%s)" */
    return _("it is a device");
  if (S_ISSOCK (mode))
    /* Translators: completes "“x” is not a regular file (%s)" */
    return _("it is a socket");
  /* Translators: completes "“x” is not a regular file (%s)" */
  return _("it is a special file");
}

static void
set_not_regular (GError     **error,
                 const char  *display_name,
                 const char  *what)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
               /* Translators: the first %s is a file name, the second says what it is ("it is a named pipe") */
               _("“%s” is not a regular file (%s); choose a file saved on a disk."),
               display_name, what);
}

/**
 * _certo_regular_file_open:
 * @file: a file the user chose (evidence, a CSV to import)
 * @cancellable: (nullable): a #GCancellable
 * @error: (out) (optional): %G_IO_ERROR_NOT_REGULAR_FILE for a folder,
 *   a named pipe, a device or a socket; another %G_IO_ERROR when it
 *   cannot be opened
 *
 * Opens a file for reading only when it is a regular file (a symbolic
 * link to one is followed). Its type is asked first (stat, nothing
 * opened), and a local file is then opened without blocking and checked
 * again on the descriptor: a named pipe, whose open() waits for a writer
 * forever, cannot hang the caller even if it replaced the file in
 * between. Blocks otherwise: call it on a worker thread.
 *
 * Returns: (transfer full) (nullable): the open file
 */
CertoRegularFile *
_certo_regular_file_open (GFile         *file,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr(CertoRegularFile) in = g_new0 (CertoRegularFile, 1);
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *path = NULL;
  GError *local_error = NULL;

  in->fd = -1;
  in->display_name = certo_parse_dup_display_name (file);

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_UNIX_MODE ","
                            G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        {
          g_clear_error (&local_error);
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                       _("“%s” does not exist. It may have been moved or deleted."),
                       in->display_name);
        }
      else
        g_propagate_error (error, local_error);
      return NULL;
    }
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      set_not_regular (error, in->display_name,
                       describe_type (g_file_info_get_file_type (info),
                                      g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_UNIX_MODE)));
      return NULL;
    }

  path = g_file_get_path (file);
  if (path != NULL)
    {
      struct stat st;
      int flags;

      in->fd = g_open (path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0);
      if (in->fd < 0)
        {
          int saved_errno = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       _("“%s” could not be opened: %s"), in->display_name, g_strerror (saved_errno));
          return NULL;
        }
      if (fstat (in->fd, &st) != 0 || !S_ISREG (st.st_mode))
        {
          set_not_regular (error, in->display_name, describe_type (G_FILE_TYPE_UNKNOWN, st.st_mode));
          return NULL;
        }
      /* A regular file: plain blocking reads from here on */
      flags = fcntl (in->fd, F_GETFL);
      if (flags >= 0)
        fcntl (in->fd, F_SETFL, flags & ~O_NONBLOCK);
      in->size = st.st_size;
    }
  else
    {
      /* No local path (a remote mount): the type was asked above */
      in->stream = G_INPUT_STREAM (g_file_read (file, cancellable, error));
      if (in->stream == NULL)
        return NULL;
      in->size = g_file_info_get_size (info);
    }

  return g_steal_pointer (&in);
}

/**
 * _certo_regular_file_read:
 * @in: an open file
 * @buffer: where to read to
 * @length: how many bytes to read at most
 * @cancellable: (nullable): checked before each read
 * @error: (out) (optional): %G_IO_ERROR_CANCELLED or a read error
 *
 * Reads until @length bytes or the end.
 *
 * Returns: the bytes read (0 at the end), or -1
 */
gssize
_certo_regular_file_read (CertoRegularFile  *in,
                          guint8            *buffer,
                          gsize              length,
                          GCancellable      *cancellable,
                          GError           **error)
{
  gsize done = 0;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return -1;

  if (in->stream != NULL)
    return g_input_stream_read_all (in->stream, buffer, length, &done, cancellable, error) ? (gssize) done : -1;

  while (done < length)
    {
      gssize n = read (in->fd, buffer + done, length - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved_errno = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       _("“%s” could not be read: %s"), in->display_name, g_strerror (saved_errno));
          return -1;
        }
      if (n == 0)
        break;
      done += n;
    }

  return done;
}

/**
 * _certo_regular_file_get_size:
 * @in: an open file
 *
 * Returns: its size when opened, in bytes
 */
gint64
_certo_regular_file_get_size (CertoRegularFile *in)
{
  return in->size;
}

/**
 * _certo_regular_file_get_display_name:
 * @in: an open file
 *
 * Returns: (transfer none): its name for messages
 */
const char *
_certo_regular_file_get_display_name (CertoRegularFile *in)
{
  return in->display_name;
}

/**
 * _certo_regular_file_close:
 * @in: (transfer full) (nullable): an open file
 */
void
_certo_regular_file_close (CertoRegularFile *in)
{
  if (in == NULL)
    return;

  if (in->fd >= 0)
    close (in->fd);
  g_clear_object (&in->stream);
  g_free (in->display_name);
  g_free (in);
}

/**
 * _certo_check_writable_destination:
 * @destination: where a file is about to be written (an export, an
 *   evidence file written back out)
 * @error: (out) (optional): %G_IO_ERROR_NOT_REGULAR_FILE
 *
 * A destination that exists must be a regular file: writing "over" a
 * named pipe or a device would block or write to the device, over a
 * folder it fails late. Only stat() is used.
 *
 * Returns: %TRUE when @destination is missing or a regular file
 */
gboolean
_certo_check_writable_destination (GFile   *destination,
                                   GError **error)
{
  g_autoptr(GFileInfo) info = g_file_query_info (destination,
                                                 G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_UNIX_MODE,
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);
  g_autofree char *name = NULL;

  if (info == NULL || g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR)
    return TRUE;

  name = certo_parse_dup_display_name (destination);
  set_not_regular (error, name,
                   describe_type (g_file_info_get_file_type (info),
                                  g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_UNIX_MODE)));
  return FALSE;
}

/**
 * _certo_format_size_pair:
 * @size: a size, in bytes
 * @limit: the limit it is compared with, in bytes
 * @out_limit: (out) (transfer full): @limit written the same way
 *
 * Sizes as every message of the workspace writes them: binary units
 * (G_FORMAT_SIZE_IEC_UNITS: "50.0 MiB"), the units its limits are set in.
 * When the two would read the same once rounded ("50.0 MiB" and
 * "50.0 MiB"), both get their exact count of bytes as well
 * ("50.0 MiB (52,428,801 bytes)", grouped as the locale groups digits).
 *
 * Returns: (transfer full): @size written
 */
char *
_certo_format_size_pair (gint64   size,
                         gint64   limit,
                         char   **out_limit)
{
  GFormatSizeFlags flags = G_FORMAT_SIZE_IEC_UNITS;
  g_autofree char *a = g_format_size_full (MAX (size, 0), flags);
  g_autofree char *b = g_format_size_full (MAX (limit, 0), flags);

  if (g_str_equal (a, b))
    {
      g_free (a);
      g_free (b);
      flags |= G_FORMAT_SIZE_LONG_FORMAT;
      a = g_format_size_full (MAX (size, 0), flags);
      b = g_format_size_full (MAX (limit, 0), flags);
    }

  *out_limit = g_steal_pointer (&b);
  return g_steal_pointer (&a);
}
