/* certo-workspace-file.c — the user's file and the private working copy
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
 *   tells a live session from one that crashed.
 *
 * Everything here runs on the workspace's worker thread, or before it
 * starts.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include "certo-workspace-private.h"

#define SIDECAR_FORMAT "certo-working-copy"
#define SIDECAR_VERSION 1
#define COPY_CHUNK (256 * 1024)
#define SQLITE_HEADER_SIZE 100

static const char sqlite_magic[16] = "SQLite format 3";

/* Helpers */

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

static char *
display_name_of (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);

  return g_filename_display_name (base);
}

static gint64
mtime_ns (const struct stat *st)
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
  g_autofree char *name = display_name_of (target_path);
  g_autofree char *dir = g_path_get_dirname (target_path);
  g_autofree char *dir_name = g_filename_display_name (dir);

  if (saved_errno == ENOSPC || saved_errno == EDQUOT)
    g_set_error (error, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_CANNOT_SAVE,
                 _("The disk is full: “%s” could not be saved. Your changes are kept; free some space, or use Save As to save them somewhere else."),
                 name);
  else if (saved_errno == EACCES || saved_errno == EPERM || saved_errno == EROFS)
    g_set_error (error, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_CANNOT_SAVE,
                 _("“%s” could not be saved: the folder “%s” cannot be written (%s). Your changes are kept; use Save As to save them somewhere else."),
                 name, dir_name, g_strerror (saved_errno));
  else
    g_set_error (error, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_CANNOT_SAVE,
                 _("“%s” could not be saved (%s). Your changes are kept; try again, or use Save As to save them somewhere else."),
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
         wc->target_mtime_ns == mtime_ns (st);
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
               _("“%s” was changed by another program since Certo read it. Save your work under another name with Save As, or save again to replace that version."),
               wc->display_name);
  return FALSE;
}

/* Removes temporary files an interrupted save of ours left in the user's
 * folder: hidden, named after the file, and holding a Certo workspace */
static void
remove_stale_temporaries (const char *target_path)
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
 * _certo_working_copy_new:
 * @data_dir: Certo's data folder
 * @target_path: the user's file (from _certo_workspace_dup_target_path())
 * @error: (out) (optional): a #G_IO_ERROR when the folder cannot be made
 *
 * Names a new session's private files; nothing is created yet but the
 * folder (mode 0700).
 *
 * Returns: (transfer full) (nullable): the working copy
 */
CertoWorkingCopy *
_certo_working_copy_new (const char  *data_dir,
                         const char  *target_path,
                         GError     **error)
{
  CertoWorkingCopy *wc = g_new0 (CertoWorkingCopy, 1);
  g_autofree char *session = g_uuid_string_random ();

  wc->lock_fd = -1;
  wc->dir = _certo_workspace_dup_workspaces_dir (data_dir);
  if (g_mkdir_with_parents (wc->dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_autofree char *name = g_filename_display_name (wc->dir);

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Certo’s folder for working copies “%s” could not be created: %s"),
                   name, g_strerror (saved_errno));
      _certo_working_copy_free (wc);
      return NULL;
    }

  _certo_working_copy_set_target (wc, target_path);
  session[8] = '\0';
  wc->base = g_strdup_printf ("%s-%s", wc->key, session);
  wc->db_path = g_strdup_printf ("%s/%s.certo", wc->dir, wc->base);
  wc->sidecar_path = g_strdup_printf ("%s/%s.json", wc->dir, wc->base);
  wc->lock_path = g_strdup_printf ("%s/%s.lock", wc->dir, wc->base);
  wc->opened_at = certo_iso_timestamp_now ();

  return wc;
}

/**
 * _certo_working_copy_set_target:
 * @wc: a working copy
 * @target_path: the user's file it saves to
 *
 * Points the working copy at a (new) file: Save As. Forgets what was
 * known of the old file.
 */
void
_certo_working_copy_set_target (CertoWorkingCopy *wc,
                                const char       *target_path)
{
  g_autoptr(GFile) file = g_file_new_for_path (target_path);

  g_free (wc->target_path);
  g_free (wc->target_uri);
  g_free (wc->display_name);
  wc->target_path = g_strdup (target_path);
  wc->target_uri = g_file_get_uri (file);
  wc->display_name = display_name_of (target_path);
  wc->have_target_stat = FALSE;

  if (wc->key == NULL)
    {
      g_autofree char *sum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, wc->target_uri, -1);

      wc->key = g_strndup (sum, 16);
    }
}

static char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || JSON_NODE_TYPE (node) != JSON_NODE_VALUE ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return g_strdup (json_node_get_string (node));
}

static gint64
member_int (JsonObject *object,
            const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || JSON_NODE_TYPE (node) != JSON_NODE_VALUE ||
      json_node_get_value_type (node) != G_TYPE_INT64)
    return 0;

  return json_node_get_int (node);
}

/* Reads a sidecar into @wc; FALSE when it is not one of ours */
static gboolean
read_sidecar (CertoWorkingCopy  *wc,
              GError           **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;
  JsonObject *object;
  g_autofree char *format = NULL;
  g_autofree char *path = NULL;

  GStatBuf st;

  /* Our own small file, in our own folder; a damaged one must not cost
   * anything */
  if (g_stat (wc->sidecar_path, &st) == 0 && st.st_size > 65536)
    goto invalid;
  if (!json_parser_load_from_mapped_file (parser, wc->sidecar_path, error))
    return FALSE;

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    goto invalid;
  object = json_node_get_object (root);

  format = member_string (object, "format");
  path = member_string (object, "path");
  if (g_strcmp0 (format, SIDECAR_FORMAT) != 0 || path == NULL ||
      member_int (object, "version") > SIDECAR_VERSION)
    goto invalid;

  _certo_working_copy_set_target (wc, path);
  g_free (wc->organisation);
  wc->organisation = member_string (object, "organisation");
  g_free (wc->opened_at);
  wc->opened_at = member_string (object, "opened-at");
  g_free (wc->changed_at);
  wc->changed_at = member_string (object, "changed-at");
  wc->dirty = json_object_get_boolean_member_with_default (object, "dirty", FALSE);
  wc->have_target_stat = json_object_has_member (object, "target-inode");
  wc->target_dev = member_int (object, "target-device");
  wc->target_ino = member_int (object, "target-inode");
  wc->target_size = member_int (object, "target-size");
  wc->target_mtime_ns = member_int (object, "target-mtime-ns");
  return TRUE;

invalid:
  g_set_error (error, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_CORRUPT,
               _("The notes Certo keeps about the working copy “%s” are damaged"),
               wc->sidecar_path);
  return FALSE;
}

/**
 * _certo_working_copy_adopt:
 * @db_path: the working copy a crashed session left
 * @error: (out) (optional): a #CERTO_WORKSPACE_ERROR
 *
 * Takes over a working copy for recovery, with its sidecar's knowledge.
 *
 * Returns: (transfer full) (nullable): the working copy
 */
CertoWorkingCopy *
_certo_working_copy_adopt (const char  *db_path,
                           GError     **error)
{
  CertoWorkingCopy *wc = g_new0 (CertoWorkingCopy, 1);
  g_autofree char *name = g_path_get_basename (db_path);
  const char *dash;

  wc->lock_fd = -1;
  wc->dir = g_path_get_dirname (db_path);
  wc->db_path = g_strdup (db_path);

  if (!g_str_has_suffix (name, CERTO_WORKSPACE_SUFFIX) ||
      (dash = strchr (name, '-')) == NULL)
    {
      g_set_error (error, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_NOT_FOUND,
                   _("“%s” is not a working copy of Certo"), db_path);
      _certo_working_copy_free (wc);
      return NULL;
    }

  wc->base = g_strndup (name, strlen (name) - strlen (CERTO_WORKSPACE_SUFFIX));
  wc->key = g_strndup (name, dash - name);
  wc->sidecar_path = g_strdup_printf ("%s/%s.json", wc->dir, wc->base);
  wc->lock_path = g_strdup_printf ("%s/%s.lock", wc->dir, wc->base);

  if (!read_sidecar (wc, error))
    {
      _certo_working_copy_free (wc);
      return NULL;
    }

  return wc;
}

/**
 * _certo_working_copy_free:
 * @wc: (transfer full) (nullable): a working copy
 *
 * Frees the struct; releases the lock if held. Files stay.
 */
void
_certo_working_copy_free (CertoWorkingCopy *wc)
{
  if (wc == NULL)
    return;

  if (wc->lock_fd >= 0)
    close (wc->lock_fd);
  g_free (wc->dir);
  g_free (wc->key);
  g_free (wc->base);
  g_free (wc->db_path);
  g_free (wc->sidecar_path);
  g_free (wc->lock_path);
  g_free (wc->target_path);
  g_free (wc->target_uri);
  g_free (wc->display_name);
  g_free (wc->organisation);
  g_free (wc->opened_at);
  g_free (wc->changed_at);
  g_free (wc);
}

/* Whether a lock file is held by a live session */
static gboolean
lock_is_held (const char *path)
{
  int fd = g_open (path, O_RDWR | O_CLOEXEC, 0);
  gboolean held = FALSE;

  if (fd < 0)
    return FALSE;

  if (flock (fd, LOCK_EX | LOCK_NB) != 0)
    held = (errno == EWOULDBLOCK);
  close (fd);
  return held;
}

/**
 * _certo_working_copy_lock:
 * @wc: a working copy
 * @error: (out) (optional): %CERTO_WORKSPACE_ERROR_ALREADY_OPEN
 *
 * Claims the user's file for this session: fails when any live session
 * (of this program or another Certo process) has it open. The lock is an
 * flock() on the session's lock file, released by the kernel when the
 * process ends, so a crash never leaves the file claimed.
 *
 * Returns: %TRUE when locked
 */
gboolean
_certo_working_copy_lock (CertoWorkingCopy  *wc,
                          GError           **error)
{
  g_autofree char *gate_path = g_strdup_printf ("%s/%s.gate", wc->dir, wc->key);
  g_autofree char *prefix = g_strdup_printf ("%s-", wc->key);
  g_autoptr(GDir) dir = NULL;
  const char *entry;
  gboolean ok = TRUE;
  int gate;

  g_return_val_if_fail (wc->lock_fd < 0, FALSE);

  /* The gate serialises two sessions of one file starting together */
  gate = g_open (gate_path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (gate < 0 || flock (gate, LOCK_EX) != 0)
    goto io_failed;

  dir = g_dir_open (wc->dir, 0, NULL);
  while (dir != NULL && (entry = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;

      if (!g_str_has_prefix (entry, prefix) || !g_str_has_suffix (entry, ".lock"))
        continue;

      path = g_build_filename (wc->dir, entry, NULL);
      if (g_strcmp0 (path, wc->lock_path) != 0 && lock_is_held (path))
        {
          g_set_error (error, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_ALREADY_OPEN,
                       _("“%s” is already open in Certo"), wc->display_name);
          ok = FALSE;
          break;
        }
    }

  if (ok)
    {
      wc->lock_fd = g_open (wc->lock_path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
      if (wc->lock_fd < 0)
        goto io_failed;
      if (flock (wc->lock_fd, LOCK_EX | LOCK_NB) != 0)
        {
          close (wc->lock_fd);
          wc->lock_fd = -1;
          g_set_error (error, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_ALREADY_OPEN,
                       _("“%s” is already open in Certo"), wc->display_name);
          ok = FALSE;
        }
    }

  close (gate);
  return ok;

io_failed:
  {
    int saved_errno = errno;

    if (gate >= 0)
      close (gate);
    g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                 _("Certo could not claim “%s” for this window: %s"),
                 wc->display_name, g_strerror (saved_errno));
    return FALSE;
  }
}

/**
 * _certo_working_copy_unlock:
 * @wc: a working copy
 *
 * Releases the claim and removes the lock file.
 */
void
_certo_working_copy_unlock (CertoWorkingCopy *wc)
{
  if (wc->lock_fd < 0)
    return;

  g_unlink (wc->lock_path);
  close (wc->lock_fd);
  wc->lock_fd = -1;
}

/**
 * _certo_working_copy_write_sidecar:
 * @wc: a working copy
 * @error: (out) (optional): a #G_FILE_ERROR
 *
 * Writes the sidecar atomically and durably (it must survive the crash
 * it is there for).
 *
 * Returns: %TRUE on success
 */
gboolean
_certo_working_copy_write_sidecar (CertoWorkingCopy  *wc,
                                   GError           **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, SIDECAR_FORMAT);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, SIDECAR_VERSION);
  json_builder_set_member_name (builder, "uri");
  json_builder_add_string_value (builder, wc->target_uri);
  json_builder_set_member_name (builder, "path");
  json_builder_add_string_value (builder, wc->target_path);
  json_builder_set_member_name (builder, "display-name");
  json_builder_add_string_value (builder, wc->display_name);
  if (wc->organisation != NULL)
    {
      json_builder_set_member_name (builder, "organisation");
      json_builder_add_string_value (builder, wc->organisation);
    }
  if (wc->opened_at != NULL)
    {
      json_builder_set_member_name (builder, "opened-at");
      json_builder_add_string_value (builder, wc->opened_at);
    }
  if (wc->changed_at != NULL)
    {
      json_builder_set_member_name (builder, "changed-at");
      json_builder_add_string_value (builder, wc->changed_at);
    }
  json_builder_set_member_name (builder, "dirty");
  json_builder_add_boolean_value (builder, wc->dirty);
  if (wc->have_target_stat)
    {
      json_builder_set_member_name (builder, "target-device");
      json_builder_add_int_value (builder, wc->target_dev);
      json_builder_set_member_name (builder, "target-inode");
      json_builder_add_int_value (builder, wc->target_ino);
      json_builder_set_member_name (builder, "target-size");
      json_builder_add_int_value (builder, wc->target_size);
      json_builder_set_member_name (builder, "target-mtime-ns");
      json_builder_add_int_value (builder, wc->target_mtime_ns);
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);

  return g_file_set_contents_full (wc->sidecar_path, text, -1,
                                   G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                   0600, error);
}

/**
 * _certo_working_copy_remove_files:
 * @wc: a working copy
 *
 * Deletes the session's private files (after a successful close).
 */
void
_certo_working_copy_remove_files (CertoWorkingCopy *wc)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal", ".saving", ".saving-journal", NULL };

  for (guint i = 0; suffixes[i] != NULL; i++)
    {
      g_autofree char *path = g_strconcat (wc->db_path, suffixes[i], NULL);

      g_unlink (path);
    }

  g_unlink (wc->sidecar_path);
}

/**
 * _certo_working_copy_record_target:
 * @wc: a working copy
 * @st: the user's file as just read or written
 *
 * Remembers the file's identity, size and time, to notice when another
 * program replaces it.
 */
void
_certo_working_copy_record_target (CertoWorkingCopy  *wc,
                                   const struct stat *st)
{
  wc->have_target_stat = TRUE;
  wc->target_dev = st->st_dev;
  wc->target_ino = st->st_ino;
  wc->target_size = st->st_size;
  wc->target_mtime_ns = mtime_ns (st);
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

  remove_stale_temporaries (wc->target_path);
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

/* Recovery */

G_DEFINE_BOXED_TYPE (CertoRecoverable, certo_recoverable, certo_recoverable_copy, certo_recoverable_free)

/**
 * certo_recoverable_copy:
 * @self: a recoverable working copy
 *
 * Returns: (transfer full): a copy
 */
CertoRecoverable *
certo_recoverable_copy (const CertoRecoverable *self)
{
  CertoRecoverable *copy = g_new0 (CertoRecoverable, 1);

  copy->working_copy = g_strdup (self->working_copy);
  copy->uri = g_strdup (self->uri);
  copy->display_name = g_strdup (self->display_name);
  copy->organisation = g_strdup (self->organisation);
  copy->opened_at = g_strdup (self->opened_at);
  copy->changed_at = g_strdup (self->changed_at);
  copy->original_exists = self->original_exists;
  return copy;
}

/**
 * certo_recoverable_free:
 * @self: (transfer full) (nullable): a recoverable working copy
 */
void
certo_recoverable_free (CertoRecoverable *self)
{
  if (self == NULL)
    return;

  g_free (self->working_copy);
  g_free (self->uri);
  g_free (self->display_name);
  g_free (self->organisation);
  g_free (self->opened_at);
  g_free (self->changed_at);
  g_free (self);
}

static int
compare_recoverable (gconstpointer a,
                     gconstpointer b)
{
  const CertoRecoverable *ra = *(CertoRecoverable * const *) a;
  const CertoRecoverable *rb = *(CertoRecoverable * const *) b;

  /* Newest first */
  return -g_strcmp0 (ra->changed_at, rb->changed_at);
}

/**
 * certo_workspace_list_recoverable:
 * @data_dir: (nullable): Certo's data folder; %NULL for the default
 *   (certo_paths_dup_data_dir())
 * @error: (out) (optional): a #G_IO_ERROR if the folder cannot be read
 *
 * Lists working copies with unsaved changes whose session ended without
 * closing (Certo crashed or was killed), newest first, so the UI can offer
 * them at start. Working copies of live sessions (in this or another Certo
 * process) are not listed. Leftovers without unsaved changes are deleted.
 *
 * Returns: (transfer full) (element-type CertoRecoverable): the list,
 *   maybe empty; %NULL on error
 */
GPtrArray *
certo_workspace_list_recoverable (const char  *data_dir,
                                  GError     **error)
{
  g_autofree char *default_dir = certo_paths_dup_data_dir (data_dir);
  g_autofree char *dir_path = _certo_workspace_dup_workspaces_dir (default_dir);
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) certo_recoverable_free);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *entry;

  dir = g_dir_open (dir_path, 0, &local_error);
  if (dir == NULL)
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return g_steal_pointer (&list);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  while ((entry = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *db_path = NULL;
      g_autofree char *base = NULL;
      CertoWorkingCopy *wc;
      CertoRecoverable *rec;

      if (!g_str_has_suffix (entry, CERTO_WORKSPACE_SUFFIX))
        continue;

      db_path = g_build_filename (dir_path, entry, NULL);
      wc = _certo_working_copy_adopt (db_path, NULL);
      if (wc == NULL)
        continue;

      if (lock_is_held (wc->lock_path))
        {
          _certo_working_copy_free (wc);
          continue;
        }

      if (!wc->dirty)
        {
          /* Everything in it was saved: nothing to offer */
          _certo_working_copy_remove_files (wc);
          g_unlink (wc->lock_path);
          _certo_working_copy_free (wc);
          continue;
        }

      rec = g_new0 (CertoRecoverable, 1);
      rec->working_copy = g_strdup (wc->db_path);
      rec->uri = g_strdup (wc->target_uri);
      rec->display_name = g_strdup (wc->display_name);
      rec->organisation = g_strdup (wc->organisation);
      rec->opened_at = g_strdup (wc->opened_at);
      rec->changed_at = g_strdup (wc->changed_at);
      rec->original_exists = g_file_test (wc->target_path, G_FILE_TEST_IS_REGULAR);
      g_ptr_array_add (list, rec);
      _certo_working_copy_free (wc);
    }

  g_ptr_array_sort (list, compare_recoverable);
  return g_steal_pointer (&list);
}

/**
 * certo_workspace_discard_recoverable:
 * @recoverable: a working copy from certo_workspace_list_recoverable()
 * @error: (out) (optional): %CERTO_WORKSPACE_ERROR_ALREADY_OPEN when a
 *   session took it over meanwhile
 *
 * Deletes the working copy and its unsaved changes, for good.
 *
 * Returns: %TRUE when deleted
 */
gboolean
certo_workspace_discard_recoverable (const CertoRecoverable  *recoverable,
                                     GError                 **error)
{
  CertoWorkingCopy *wc;

  g_return_val_if_fail (recoverable != NULL, FALSE);

  wc = _certo_working_copy_adopt (recoverable->working_copy, error);
  if (wc == NULL)
    return FALSE;

  if (lock_is_held (wc->lock_path))
    {
      g_set_error (error, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_ALREADY_OPEN,
                   _("“%s” is already open in Certo"), wc->display_name);
      _certo_working_copy_free (wc);
      return FALSE;
    }

  _certo_working_copy_remove_files (wc);
  g_unlink (wc->lock_path);
  _certo_working_copy_free (wc);
  return TRUE;
}
