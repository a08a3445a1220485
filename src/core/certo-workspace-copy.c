/* certo-workspace-copy.c — the private working copy of a workspace: its
 * files, its sidecar and lock, and recovery after a crash
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A working copy is `<data dir>/workspaces/<key>-<session>.certo`, where
 * the key comes from the user's file's URI; beside it a sidecar (JSON:
 * which file it belongs to, whether it has unsaved changes) and a lock
 * file held with flock() by the live session. A working copy whose lock
 * nobody holds is left from a session that crashed: it can be recovered
 * or discarded.
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
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include "certo-workspace-private.h"

#define SIDECAR_FORMAT "certo-working-copy"
#define SIDECAR_VERSION 1

/* Private API (certo-workspace-private.h) */

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
  wc->recoverable = TRUE;
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
  wc->display_name = _certo_workspace_file_display_name_of (target_path);
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
  wc->recoverable = json_object_get_boolean_member_with_default (object, "recoverable", TRUE);
  g_free (wc->edited_at);
  wc->edited_at = member_string (object, "edited-at");
  wc->n_edits = (guint) CLAMP (member_int (object, "unsaved-edits"), 0, G_MAXUINT);
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
  wc->recoverable = TRUE;
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

/* A read-only snapshot's folder: its working copy, sidecar, lock and
 * gate, two levels deep at most; nothing else is ever in it */
static void
remove_scratch (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *entry;

  while (dir != NULL && (entry = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, entry, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_scratch (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
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
  if (wc->scratch_dir != NULL)
    remove_scratch (wc->scratch_dir);
  g_free (wc->scratch_dir);
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
  g_free (wc->edited_at);
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

static void
remove_session_files (const char *dir,
                      const char *base)
{
  static const char * const suffixes[] = {
    ".certo", ".certo-wal", ".certo-shm", ".certo-journal", ".certo.saving", ".certo.saving-journal",
    ".json", ".lock", NULL
  };

  for (guint i = 0; suffixes[i] != NULL; i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/%s%s", dir, base, suffixes[i]);

      g_unlink (path);
    }
}

/* One session's files, when its process is gone. @gate_held: the caller
 * holds the gate of the session's key (no session of that file can be
 * starting meanwhile) */
static void
sweep_session (const char *dir,
               const char *base,
               gboolean    gate_held)
{
  g_autofree char *key = g_strndup (base, strcspn (base, "-"));
  g_autofree char *gate_path = g_strdup_printf ("%s/%s.gate", dir, key);
  g_autofree char *lock_path = g_strdup_printf ("%s/%s.lock", dir, base);
  g_autofree char *db_path = g_strdup_printf ("%s/%s.certo", dir, base);
  g_autofree char *saving = g_strconcat (db_path, ".saving", NULL);
  g_autofree char *saving_journal = g_strconcat (db_path, ".saving-journal", NULL);
  CertoWorkingCopy *wc = NULL;
  int gate = -1;

  if (!gate_held)
    {
      /* A session of that file starting right now: leave it alone */
      gate = g_open (gate_path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
      if (gate < 0 || flock (gate, LOCK_EX | LOCK_NB) != 0)
        goto out;
    }

  if (lock_is_held (lock_path))
    goto out;

  /* A save killed half-way: never worth keeping, and as large as the
   * workspace */
  g_unlink (saving);
  g_unlink (saving_journal);

  if (g_file_test (db_path, G_FILE_TEST_IS_REGULAR))
    wc = _certo_working_copy_adopt (db_path, NULL);

  /* Nothing unsaved, nobody to offer it to (a certo-cli session), or
   * not enough left to tell what it belonged to */
  if (wc == NULL || !wc->dirty || !wc->recoverable)
    remove_session_files (dir, base);

out:
  g_clear_pointer (&wc, _certo_working_copy_free);
  if (gate >= 0)
    close (gate);
}

/**
 * _certo_working_copy_sweep:
 * @dir: the folder of working copies
 * @key: (nullable): only the sessions of this file (the caller holds its
 *   gate); %NULL for all
 *
 * Deletes what sessions that ended without closing left and nobody will
 * use: partial copies of a save, working copies without unsaved changes,
 * those of sessions that cannot be recovered (certo-cli's), and files
 * whose working copy is gone. Copies with unsaved changes of the
 * application's sessions stay, to be recovered or discarded. Sessions
 * alive in any process are never touched.
 */
void
_certo_working_copy_sweep (const char *dir,
                           const char *key)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  g_autoptr(GHashTable) bases = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *prefix = key != NULL ? g_strdup_printf ("%s-", key) : NULL;
  GHashTableIter iter;
  gpointer base;
  const char *entry;

  while (listing != NULL && (entry = g_dir_read_name (listing)) != NULL)
    {
      const char *dash = strchr (entry, '-');
      const char *dot = strchr (entry, '.');

      /* KEY-SESSION.suffix; KEY.gate has no session */
      if (dash == NULL || dot == NULL || dot < dash)
        continue;
      if (prefix != NULL && !g_str_has_prefix (entry, prefix))
        continue;
      g_hash_table_add (bases, g_strndup (entry, dot - entry));
    }

  g_hash_table_iter_init (&iter, bases);
  while (g_hash_table_iter_next (&iter, &base, NULL))
    sweep_session (dir, base, key != NULL);
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

  /* What sessions of this file that died left behind: partial saves,
   * and whole working copies nobody can recover */
  _certo_working_copy_sweep (wc->dir, wc->key);

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

static gboolean
write_sidecar (CertoWorkingCopy  *wc,
               gboolean           durable,
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
  if (wc->edited_at != NULL)
    {
      json_builder_set_member_name (builder, "edited-at");
      json_builder_add_string_value (builder, wc->edited_at);
    }
  json_builder_set_member_name (builder, "unsaved-edits");
  json_builder_add_int_value (builder, wc->n_edits);
  json_builder_set_member_name (builder, "dirty");
  json_builder_add_boolean_value (builder, wc->dirty);
  json_builder_set_member_name (builder, "recoverable");
  json_builder_add_boolean_value (builder, wc->recoverable);
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

  wc->sidecar_written_at = g_get_monotonic_time ();
  wc->sidecar_n_edits = wc->n_edits;
  return g_file_set_contents_full (wc->sidecar_path, text, -1,
                                   G_FILE_SET_CONTENTS_CONSISTENT |
                                   (durable ? G_FILE_SET_CONTENTS_DURABLE : 0),
                                   0600, error);
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
  return write_sidecar (wc, TRUE, error);
}

/**
 * _certo_working_copy_note_edit:
 * @wc: a working copy with unsaved changes
 *
 * Counts one more unsaved change and its time, for the recovery list
 * ("3 unsaved changes, last at 14:02"). The sidecar is rewritten at most
 * once a second and without fsync: the counts help people choose between
 * copies; "dirty", which decides whether a copy is kept, is written
 * durably on its own.
 */
void
_certo_working_copy_note_edit (CertoWorkingCopy *wc)
{
  g_autoptr(GError) error = NULL;

  wc->n_edits++;
  g_free (wc->edited_at);
  wc->edited_at = certo_iso_timestamp_now ();

  /* The first change is always counted: a copy listed with "0 changes"
   * would look empty */
  if (wc->sidecar_n_edits > 0 && g_get_monotonic_time () - wc->sidecar_written_at < G_USEC_PER_SEC)
    return;
  if (!write_sidecar (wc, FALSE, &error))
    g_debug ("Sidecar of “%s” not updated: %s", wc->display_name, error->message);
}

/**
 * _certo_working_copy_sync_counts:
 * @wc: a working copy
 *
 * Writes the counts _certo_working_copy_note_edit() held back, if any
 * (on a flush: the caller waits for everything to be written).
 */
void
_certo_working_copy_sync_counts (CertoWorkingCopy *wc)
{
  g_autoptr(GError) error = NULL;

  if (wc->n_edits == wc->sidecar_n_edits || !wc->dirty)
    return;
  if (!write_sidecar (wc, FALSE, &error))
    g_debug ("Sidecar of “%s” not updated: %s", wc->display_name, error->message);
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
  wc->target_mtime_ns = _certo_workspace_file_mtime_ns (st);
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
  copy->size = self->size;
  copy->n_edits = self->n_edits;
  copy->edited_at = g_strdup (self->edited_at);
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
  g_free (self->edited_at);
  g_free (self);
}

static const char *
last_change (const CertoRecoverable *recoverable)
{
  return recoverable->edited_at != NULL ? recoverable->edited_at : recoverable->changed_at;
}

static int
compare_recoverable (gconstpointer a,
                     gconstpointer b)
{
  const CertoRecoverable *ra = *(CertoRecoverable * const *) a;
  const CertoRecoverable *rb = *(CertoRecoverable * const *) b;

  /* Newest first */
  return -g_strcmp0 (last_change (ra), last_change (rb));
}

static gint64
file_size (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? (gint64) st.st_size : 0;
}

/**
 * certo_workspace_list_recoverable:
 * @data_dir: (nullable): Certo's data folder; %NULL for the default
 *   (certo_paths_dup_data_dir())
 * @error: (out) (optional): a #G_IO_ERROR if the folder cannot be read
 *
 * Lists working copies with unsaved changes whose session ended without
 * closing (Certo crashed or was killed), newest first, so the UI can offer
 * them at start: each with its size, the number of unsaved changes and
 * the time of the last one, so that several copies of one file can be
 * told apart. Working copies of live sessions (in this or another Certo
 * process) are not listed. Leftovers nobody can use are deleted: copies
 * without unsaved changes, those of sessions that were not recoverable
 * (certo-cli's), partial copies of interrupted saves.
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

  _certo_working_copy_sweep (dir_path, NULL);

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

      if (!wc->dirty || !wc->recoverable)
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
      rec->edited_at = g_strdup (wc->edited_at);
      rec->n_edits = wc->n_edits;
      {
        g_autofree char *wal = g_strconcat (wc->db_path, "-wal", NULL);

        rec->size = file_size (wc->db_path) + file_size (wal);
      }
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

/**
 * certo_workspace_list_recoverable_for:
 * @data_dir: (nullable): Certo's data folder; %NULL for the default
 * @file: a workspace file
 * @error: (out) (optional): as certo_workspace_list_recoverable()
 *
 * certo_workspace_list_recoverable() for one file: the unsaved changes
 * crashed sessions left of @file, newest first.
 *
 * Returns: (transfer full) (element-type CertoRecoverable): the list,
 *   maybe empty; %NULL on error
 */
GPtrArray *
certo_workspace_list_recoverable_for (const char  *data_dir,
                                      GFile       *file,
                                      GError     **error)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) mine = NULL;
  g_autofree char *path = NULL;
  g_autofree char *uri = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  all = certo_workspace_list_recoverable (data_dir, error);
  if (all == NULL)
    return NULL;

  /* The sidecar names the file as the session resolved it */
  path = _certo_workspace_dup_target_path (file, NULL);
  if (path != NULL)
    {
      g_autoptr(GFile) resolved = g_file_new_for_path (path);

      uri = g_file_get_uri (resolved);
    }
  else
    uri = g_file_get_uri (file);

  mine = g_ptr_array_new_with_free_func ((GDestroyNotify) certo_recoverable_free);
  for (guint i = 0; i < all->len; i++)
    {
      CertoRecoverable *recoverable = g_ptr_array_index (all, i);

      if (g_strcmp0 (recoverable->uri, uri) == 0)
        g_ptr_array_add (mine, certo_recoverable_copy (recoverable));
    }

  return g_steal_pointer (&mine);
}
