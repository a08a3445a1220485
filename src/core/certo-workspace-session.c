/* certo-workspace-session.c — opening, saving and closing a workspace
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opening reads the user's file into a private working copy (see
 * certo-workspace-file.c); every change is committed there at once by a
 * queued write; a save runs "save-delay" (2 s) after the last change, at
 * the latest five delays after the first unsaved one, and on close. The
 * user's file is replaced atomically by each save.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "certo-workspace-private.h"

static gboolean save_timeout_cb (gpointer user_data);

static void
write_done (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  CertoWorkspace *self = CERTO_WORKSPACE (source);
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    _certo_workspace_emit_failure (self, error);
}

void
_certo_workspace_queue_write (CertoWorkspace       *self,
                              CertoWorkspaceChange *change)
{
  GTask *task = g_task_new (self, NULL, write_done, NULL);

  g_task_set_source_tag (task, _certo_workspace_queue_write);
  g_task_set_task_data (task, change, (GDestroyNotify) _certo_workspace_change_free);
  certo_sqlite_run (self->sqlite, task, _certo_workspace_job_write);
}

void
_certo_workspace_mark_changed (CertoWorkspace *self)
{
  self->change_seq++;
  if (self->first_unsaved_at == 0)
    self->first_unsaved_at = g_get_monotonic_time ();
  _certo_workspace_set_dirty (self, TRUE);
  _certo_workspace_schedule_save (self);
}

void
_certo_workspace_cancel_save (CertoWorkspace *self)
{
  if (self->save_source == NULL)
    return;

  g_source_destroy (self->save_source);
  g_clear_pointer (&self->save_source, g_source_unref);
}

void
_certo_workspace_schedule_save (CertoWorkspace *self)
{
  gint64 now = g_get_monotonic_time ();
  gint64 deadline;
  gint64 delay = self->save_delay;

  if (!self->is_open || self->closing || self->read_only)
    return;

  /* Debounced, but a steady stream of edits still saves every five
   * delays at the latest */
  deadline = self->first_unsaved_at + 5 * (gint64) self->save_delay * 1000;
  if (self->first_unsaved_at != 0)
    delay = CLAMP ((deadline - now) / 1000, 0, (gint64) self->save_delay);

  _certo_workspace_cancel_save (self);
  self->save_source = g_timeout_source_new (delay);
  g_source_set_name (self->save_source, "[certo] workspace autosave");
  g_source_set_callback (self->save_source, save_timeout_cb, self, NULL);
  g_source_attach (self->save_source, self->context);
}

static void
save_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  CertoWorkspace *self = CERTO_WORKSPACE (source);
  g_autoptr(GTask) outer = user_data;
  CertoSaveRequest *request = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = g_task_propagate_boolean (G_TASK (result), &error);

  self->saves_in_flight--;
  if (self->saves_in_flight == 0)
    _certo_workspace_notify (self, WS_PROP_SAVING);

  if (ok)
    {
      if (request->save_as != NULL)
        {
          g_set_object (&self->file, request->save_as);
          _certo_workspace_notify (self, WS_PROP_FILE);
        }
      self->saved_seq = MAX (self->saved_seq, request->seq);
      _certo_workspace_set_dirty (self, self->change_seq != self->saved_seq);
      if (self->dirty)
        _certo_workspace_schedule_save (self);
    }

  if (outer != NULL)
    {
      if (ok)
        g_task_return_boolean (outer, TRUE);
      else
        g_task_return_error (outer, g_steal_pointer (&error));
    }
  else if (!ok)
    _certo_workspace_emit_failure (self, error);
}

/* @outer: (transfer full) (nullable): the caller's task */
static void
queue_save (CertoWorkspace *self,
            GFile          *save_as,
            gboolean        overwrite,
            GTask          *outer)
{
  CertoSaveRequest *request = g_new0 (CertoSaveRequest, 1);
  GTask *task = g_task_new (self, NULL, save_done, outer);

  _certo_workspace_cancel_save (self);

  request->save_as = save_as != NULL ? g_object_ref (save_as) : NULL;
  request->overwrite = overwrite;
  request->seq = self->change_seq;
  g_task_set_source_tag (task, queue_save);
  g_task_set_task_data (task, request, (GDestroyNotify) _certo_save_request_free);

  self->saves_in_flight++;
  if (self->saves_in_flight == 1)
    _certo_workspace_notify (self, WS_PROP_SAVING);

  certo_sqlite_run (self->sqlite, task, _certo_workspace_job_save);
}

static gboolean
save_timeout_cb (gpointer user_data)
{
  CertoWorkspace *self = user_data;

  g_clear_pointer (&self->save_source, g_source_unref);
  if (self->dirty && self->is_open && !self->closing)
    queue_save (self, NULL, FALSE, NULL);

  return G_SOURCE_REMOVE;
}

static void
apply_snapshot (CertoWorkspace         *self,
                CertoWorkspaceSnapshot *snapshot,
                CertoOpenRequest       *request)
{
  g_object_freeze_notify (G_OBJECT (self));

  for (guint i = 0; i < CERTO_WS_N_FIELDS; i++)
    {
      _certo_workspace_set_value (self, i, g_steal_pointer (&snapshot->workspace_values[i]));
      _certo_workspace_notify (self, WS_PROP_ORGANISATION + i);
    }

  for (guint e = CERTO_ENTITY_REQUIREMENT; e < CERTO_N_ENTITIES; e++)
    {
      GPtrArray *items = snapshot->items[e];
      g_autoptr(GPtrArray) listed = g_ptr_array_new ();

      for (guint i = 0; i < items->len; i++)
        {
          CertoWorkspaceItem *item = g_ptr_array_index (items, i);
          g_autofree char *label = NULL;

          _certo_workspace_item_set_workspace (item, self);
          g_hash_table_insert (self->items[e], _certo_workspace_id_key (certo_workspace_item_get_id (item)),
                               g_object_ref (item));
          if (!certo_workspace_item_get_removed (item))
            g_ptr_array_add (listed, item);

          if (e == CERTO_ENTITY_REQUIREMENT)
            {
              CertoRequirementState *state = CERTO_REQUIREMENT_STATE (item);

              label = g_utf8_strup (certo_requirement_state_get_display_label (state), -1);
              g_hash_table_insert (self->by_key, (gpointer) certo_requirement_state_get_key (state), state);
              g_hash_table_insert (self->by_label, g_steal_pointer (&label), state);
            }
        }

      /* One items-changed per list */
      g_list_store_splice (self->lists[e], 0, g_list_model_get_n_items (G_LIST_MODEL (self->lists[e])),
                           listed->pdata, listed->len);
      self->next_id[e] = snapshot->max_ids[e] + 1;
    }

  g_set_object (&self->file, request->file);
  if (request->save_as != NULL)
    g_set_object (&self->file, request->save_as);
  if (self->file == NULL && request->target_path != NULL)
    self->file = g_file_new_for_path (request->target_path);
  g_free (self->working_copy);
  self->working_copy = g_strdup (request->working_copy);

  _certo_workspace_recount_evidence (self);
  self->is_open = TRUE;
  self->busy = FALSE;
  _certo_workspace_notify (self, WS_PROP_FILE);
  _certo_workspace_notify (self, WS_PROP_IS_OPEN);
  g_object_thaw_notify (G_OBJECT (self));
}

static void
open_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  CertoWorkspace *self = CERTO_WORKSPACE (source);
  g_autoptr(GTask) outer = user_data;
  CertoOpenRequest *request = g_task_get_task_data (G_TASK (result));
  g_autoptr(CertoWorkspaceSnapshot) snapshot = NULL;
  GError *error = NULL;

  snapshot = g_task_propagate_pointer (G_TASK (result), &error);
  if (snapshot == NULL)
    {
      self->busy = FALSE;
      g_task_return_error (outer, error);
      return;
    }

  apply_snapshot (self, snapshot, request);

  /* A recovered working copy holds changes the user's file lacks */
  if (g_task_get_source_tag (outer) == certo_workspace_recover_async)
    {
      _certo_workspace_mark_changed (self);
      queue_save (self, NULL, FALSE, NULL);
    }

  g_task_return_boolean (outer, TRUE);
}

static gboolean
start_open (CertoWorkspace     *self,
            GTask              *outer,
            CertoOpenRequest   *request,
            CertoSqliteJobFunc  job)
{
  GTask *task;

  if (self->busy || self->is_open || self->sqlite == NULL)
    {
      g_task_return_new_error (outer, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_FAILED,
                               _("This workspace object is already in use; make a new one to open another file"));
      g_object_unref (outer);
      _certo_open_request_free (request);
      return FALSE;
    }

  self->busy = TRUE;
  request->data_dir = g_strdup (self->data_dir);
  task = g_task_new (self, g_task_get_cancellable (outer), open_done, outer);
  g_task_set_source_tag (task, start_open);
  g_task_set_task_data (task, request, (GDestroyNotify) _certo_open_request_free);
  certo_sqlite_run (self->sqlite, task, job);
  return TRUE;
}

/* Top group of a requirement: walk up to the group without a parent */
static CertoFrameworkGroup *
top_group (CertoFramework *framework,
           const char     *group_id)
{
  CertoFrameworkGroup *group = group_id != NULL ? certo_framework_lookup_group (framework, group_id) : NULL;

  for (guint guard = 0; group != NULL && guard < 64; guard++)
    {
      const char *parent = certo_framework_group_get_parent_id (group);
      CertoFrameworkGroup *up = parent != NULL ? certo_framework_lookup_group (framework, parent) : NULL;

      if (up == NULL)
        break;
      group = up;
    }

  return group;
}

static GPtrArray *
requirements_from_framework (CertoFramework *framework)
{
  GListModel *model = certo_framework_get_requirements (framework);
  GPtrArray *states = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CertoRequirement) requirement = g_list_model_get_item (model, i);
      CertoFrameworkGroup *group;

      if (certo_requirement_get_is_withdrawn (requirement))
        continue;

      group = top_group (framework, certo_requirement_get_group_id (requirement));
      g_ptr_array_add (states,
                       g_object_new (CERTO_TYPE_REQUIREMENT_STATE,
                                     "id", (gint64) states->len + 1,
                                     "position", states->len,
                                     "key", certo_requirement_get_id (requirement),
                                     "label", certo_requirement_get_label (requirement),
                                     "title", certo_requirement_get_title (requirement),
                                     "group-key", group != NULL ? certo_framework_group_get_id (group) : NULL,
                                     "group-label", group != NULL ? certo_framework_group_get_label (group) : NULL,
                                     "group-title", group != NULL ? certo_framework_group_get_title (group) : NULL,
                                     "is-annex-a", certo_requirement_get_is_annex_a (requirement),
                                     "is-clause", group != NULL &&
                                                  certo_framework_group_get_kind (group) == CERTO_FRAMEWORK_GROUP_CLAUSE,
                                     "is-new", certo_requirement_get_is_new (requirement),
                                     NULL));
    }

  return states;
}

/**
 * _certo_workspace_dup_working_copy_path:
 * @self: an open workspace
 *
 * Returns: (transfer full) (nullable): its working copy (for a migration
 *   to read from)
 */
char *
_certo_workspace_dup_working_copy_path (CertoWorkspace *self)
{
  return g_strdup (self->working_copy);
}

/**
 * _certo_workspace_create_seeded_async:
 * @self: a new workspace object
 * @file: the file to create
 * @framework: the framework the workspace tracks
 * @organisation: (nullable): the organisation
 * @scope: (nullable): the ISMS scope
 * @flags: whether an existing file may be replaced
 * @seed: (transfer full) (nullable): data carried over by a migration
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: for @callback
 *
 * certo_workspace_create_async() with a migration's data; finish with
 * certo_workspace_create_finish().
 */
void
_certo_workspace_create_seeded_async (CertoWorkspace            *self,
                                      GFile                     *file,
                                      CertoFramework            *framework,
                                      const char                *organisation,
                                      const char                *scope,
                                      CertoWorkspaceCreateFlags  flags,
                                      CertoWorkspaceSeed        *seed,
                                      GCancellable              *cancellable,
                                      GAsyncReadyCallback        callback,
                                      gpointer                   user_data)
{
  g_autoptr(GTask) task = NULL;
  CertoOpenRequest *request;

  g_return_if_fail (CERTO_IS_WORKSPACE (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (CERTO_IS_FRAMEWORK (framework));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, certo_workspace_create_async);

  request = g_new0 (CertoOpenRequest, 1);
  request->file = g_object_ref (file);
  request->replace = (flags & CERTO_WORKSPACE_CREATE_REPLACE) != 0;
  request->seed = seed;
  request->requirements = requirements_from_framework (framework);
  request->workspace_values = g_new0 (char *, CERTO_WS_N_FIELDS + 1);
  request->workspace_values[CERTO_WS_ORGANISATION] = _certo_workspace_clean_text (organisation != NULL ? organisation : "", FALSE);
  request->workspace_values[CERTO_WS_SCOPE] = _certo_workspace_clean_text (scope != NULL ? scope : "", TRUE);
  request->recoverable = self->recoverable;
  request->workspace_values[CERTO_WS_CERTIFICATE_NUMBER] = g_strdup ("");
  request->workspace_values[CERTO_WS_CERTIFICATION_BODY] = g_strdup ("");
  request->workspace_values[CERTO_WS_FRAMEWORK_ID] = g_strdup (certo_framework_get_id (framework));
  request->workspace_values[CERTO_WS_FRAMEWORK_TITLE] = g_strdup (certo_framework_get_title (framework));
  request->workspace_values[CERTO_WS_EDITION] = g_strdup (certo_framework_get_version (framework) != NULL
                                                          ? certo_framework_get_version (framework) : "");
  request->workspace_values[CERTO_WS_CREATED_AT] = certo_iso_timestamp_now ();

  start_open (self, g_steal_pointer (&task), request, _certo_workspace_job_create);
}

/**
 * certo_workspace_create_async:
 * @self: a new workspace object
 * @file: where to make the workspace (`*.certo`, local or mounted)
 * @framework: what it tracks (certo_framework_load_builtin() with
 *   %CERTO_FRAMEWORK_ISO27001_2022 or another framework)
 * @organisation: the organisation; not empty
 * @scope: (nullable): the ISMS scope (ISO/IEC 27001:2022 clause 4.3)
 * @flags: %CERTO_WORKSPACE_CREATE_REPLACE to replace an existing file
 * @cancellable: (nullable): a #GCancellable
 * @callback: called in the caller's main context when done
 * @user_data: for @callback
 *
 * Makes a new workspace with every requirement of @framework (identity
 * copied into the file: key, number, title, group), not started, Annex A
 * applicability undecided, clauses applicable; saves it to @file at once
 * and leaves it open.
 */
void
certo_workspace_create_async (CertoWorkspace            *self,
                              GFile                     *file,
                              CertoFramework            *framework,
                              const char                *organisation,
                              const char                *scope,
                              CertoWorkspaceCreateFlags  flags,
                              GCancellable              *cancellable,
                              GAsyncReadyCallback        callback,
                              gpointer                   user_data)
{
  g_autofree char *name = _certo_workspace_clean_text (organisation, FALSE);

  g_return_if_fail (CERTO_IS_WORKSPACE (self));

  if (name != NULL)
    g_strstrip (name);
  if (_certo_workspace_text_is_blank (name))
    {
      g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

      g_task_set_source_tag (task, certo_workspace_create_async);
      g_task_return_new_error (task, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_INVALID_VALUE,
                               _("The organisation cannot be empty: a workspace records the certification of one organisation. Give its name."));
      return;
    }

  _certo_workspace_create_seeded_async (self, file, framework, name, scope, flags,
                                        NULL, cancellable, callback, user_data);
}

/**
 * certo_workspace_create_finish:
 * @self: the workspace object
 * @result: the result
 * @error: (out) (optional): %CERTO_WORKSPACE_ERROR_EXISTS,
 *   %CERTO_WORKSPACE_ERROR_CANNOT_SAVE, %CERTO_WORKSPACE_ERROR_ALREADY_OPEN,
 *   %CERTO_WORKSPACE_ERROR_NOT_LOCAL, …
 *
 * Returns: %TRUE when the file exists and the workspace is open
 */
gboolean
certo_workspace_create_finish (CertoWorkspace  *self,
                               GAsyncResult    *result,
                               GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == certo_workspace_create_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * certo_workspace_open_async:
 * @self: a new workspace object
 * @file: a `*.certo` file (local or mounted)
 * @cancellable: (nullable): a #GCancellable
 * @callback: called in the caller's main context when done
 * @user_data: for @callback
 *
 * Opens a workspace: reads @file once into a private working copy and
 * checks it there (SQLite header, application id, format version,
 * `PRAGMA quick_check`). @file itself is never written to by opening,
 * and nothing is created beside it; a refused file is left byte for byte
 * as it was.
 */
void
certo_workspace_open_async (CertoWorkspace      *self,
                            GFile               *file,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  GTask *task;
  CertoOpenRequest *request;

  g_return_if_fail (CERTO_IS_WORKSPACE (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, certo_workspace_open_async);

  request = g_new0 (CertoOpenRequest, 1);
  request->file = g_object_ref (file);
  request->recoverable = self->recoverable;
  start_open (self, task, request, _certo_workspace_job_open);
}

/**
 * certo_workspace_open_read_only_async:
 * @self: a new workspace object
 * @file: a `*.certo` file (local or mounted)
 * @cancellable: (nullable): a #GCancellable
 * @callback: called in the caller's main context when done; finish with
 *   certo_workspace_open_finish()
 * @user_data: for @callback
 *
 * Opens a snapshot of @file as it was last saved, even while another
 * session (a window) has it open: for reading only (`certo-cli workspace
 * status`, `history`, `evidence list`, `export`). Changes that session has
 * not saved yet are not in it. The snapshot is a private copy in a
 * temporary folder, removed when closed; it is never saved (a save fails
 * with %CERTO_WORKSPACE_ERROR_CANNOT_SAVE, closing discards), claims
 * nothing, and leaves @file and its sessions as they were.
 */
void
certo_workspace_open_read_only_async (CertoWorkspace      *self,
                                      GFile               *file,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  GTask *task;
  CertoOpenRequest *request;

  g_return_if_fail (CERTO_IS_WORKSPACE (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, certo_workspace_open_async);

  request = g_new0 (CertoOpenRequest, 1);
  request->file = g_object_ref (file);
  request->recoverable = FALSE;
  request->read_only = TRUE;
  if (start_open (self, task, request, _certo_workspace_job_open))
    self->read_only = TRUE;
}

/**
 * certo_workspace_get_read_only:
 * @self: a workspace
 *
 * Returns: %TRUE when opened with certo_workspace_open_read_only_async()
 */
gboolean
certo_workspace_get_read_only (CertoWorkspace *self)
{
  g_return_val_if_fail (CERTO_IS_WORKSPACE (self), FALSE);
  return self->read_only;
}

/**
 * certo_workspace_open_finish:
 * @self: the workspace object
 * @result: the result
 * @error: (out) (optional): %CERTO_WORKSPACE_ERROR_NOT_A_WORKSPACE,
 *   %CERTO_WORKSPACE_ERROR_CORRUPT, %CERTO_WORKSPACE_ERROR_NEWER_VERSION,
 *   %CERTO_WORKSPACE_ERROR_ALREADY_OPEN (the UI raises that window),
 *   %G_IO_ERROR_NOT_FOUND, …
 *
 * Returns: %TRUE when open
 */
gboolean
certo_workspace_open_finish (CertoWorkspace  *self,
                             GAsyncResult    *result,
                             GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == certo_workspace_open_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * certo_workspace_recover_async:
 * @self: a new workspace object
 * @recoverable: a working copy from certo_workspace_list_recoverable()
 * @save_as: (nullable): a new location for the file, needed when the
 *   original is gone or was changed by another program meanwhile
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: for @callback
 *
 * Opens a crashed session's working copy with its unsaved changes and
 * saves it to the user's file (or @save_as) at once. If that save fails
 * (for example %CERTO_WORKSPACE_ERROR_CHANGED_ON_DISK), the workspace is
 * open anyway, "save-failed" is emitted, and the UI can offer Save As.
 */
void
certo_workspace_recover_async (CertoWorkspace         *self,
                               const CertoRecoverable *recoverable,
                               GFile                  *save_as,
                               GCancellable           *cancellable,
                               GAsyncReadyCallback     callback,
                               gpointer                user_data)
{
  GTask *task;
  CertoOpenRequest *request;

  g_return_if_fail (CERTO_IS_WORKSPACE (self));
  g_return_if_fail (recoverable != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, certo_workspace_recover_async);

  request = g_new0 (CertoOpenRequest, 1);
  request->recover_path = g_strdup (recoverable->working_copy);
  request->recoverable = self->recoverable;
  request->save_as = save_as != NULL ? g_object_ref (save_as) : NULL;
  if (save_as == NULL)
    request->file = g_file_new_for_uri (recoverable->uri);
  start_open (self, task, request, _certo_workspace_job_recover);
}

/**
 * certo_workspace_recover_finish:
 * @self: the workspace object
 * @result: the result
 * @error: (out) (optional): a #CERTO_WORKSPACE_ERROR
 *
 * Returns: %TRUE when the recovered workspace is open
 */
gboolean
certo_workspace_recover_finish (CertoWorkspace  *self,
                                GAsyncResult    *result,
                                GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == certo_workspace_recover_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * certo_workspace_save_async:
 * @self: an open workspace
 * @flags: %CERTO_WORKSPACE_SAVE_OVERWRITE to replace a file another
 *   program changed
 * @cancellable: (nullable): a #GCancellable (a save, once started, runs
 *   to the end: it is atomic)
 * @callback: called when done
 * @user_data: for @callback
 *
 * Saves now, after every change made so far (the automatic save does the
 * same "save-delay" after the last change). The user's file is replaced
 * atomically: it is the old version or the new one, whole, at any instant.
 */
void
certo_workspace_save_async (CertoWorkspace          *self,
                            CertoWorkspaceSaveFlags  flags,
                            GCancellable            *cancellable,
                            GAsyncReadyCallback      callback,
                            gpointer                 user_data)
{
  GTask *task;
  GError *error = NULL;

  g_return_if_fail (CERTO_IS_WORKSPACE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, certo_workspace_save_async);

  if (!_certo_workspace_check_open (self, &error))
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  queue_save (self, NULL, (flags & CERTO_WORKSPACE_SAVE_OVERWRITE) != 0, task);
}

/**
 * certo_workspace_save_finish:
 * @self: the workspace
 * @result: the result
 * @error: (out) (optional): %CERTO_WORKSPACE_ERROR_CANNOT_SAVE,
 *   %CERTO_WORKSPACE_ERROR_CHANGED_ON_DISK, …
 *
 * Returns: %TRUE when the user's file holds every change made before the
 *   save was asked for
 */
gboolean
certo_workspace_save_finish (CertoWorkspace  *self,
                             GAsyncResult    *result,
                             GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * certo_workspace_save_as_async:
 * @self: an open workspace
 * @file: the new location (`*.certo`); replaced if it exists (the file
 *   chooser asked)
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: for @callback
 *
 * Saves to @file, which becomes the workspace's file from then on. The
 * old file stays as it was last saved.
 */
void
certo_workspace_save_as_async (CertoWorkspace      *self,
                               GFile               *file,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  GTask *task;
  GError *error = NULL;

  g_return_if_fail (CERTO_IS_WORKSPACE (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, certo_workspace_save_as_async);

  if (!_certo_workspace_check_open (self, &error))
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  queue_save (self, file, TRUE, task);
}

/**
 * certo_workspace_save_as_finish:
 * @self: the workspace
 * @result: the result
 * @error: (out) (optional): %CERTO_WORKSPACE_ERROR_CANNOT_SAVE, …
 *
 * Returns: %TRUE when saved to the new file
 */
gboolean
certo_workspace_save_as_finish (CertoWorkspace  *self,
                                GAsyncResult    *result,
                                GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
flush_done (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) outer = user_data;
  GError *error = NULL;

  if (g_task_propagate_boolean (G_TASK (result), &error))
    g_task_return_boolean (outer, TRUE);
  else
    g_task_return_error (outer, error);
}

/**
 * certo_workspace_flush_async:
 * @self: a workspace
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when every change made so far is in the working copy
 * @user_data: for @callback
 *
 * Waits for the writes queued so far (not for a save).
 */
void
certo_workspace_flush_async (CertoWorkspace      *self,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  GTask *outer;
  GTask *task;

  g_return_if_fail (CERTO_IS_WORKSPACE (self));

  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, certo_workspace_flush_async);
  task = g_task_new (self, NULL, flush_done, outer);
  certo_sqlite_run (self->sqlite, task, _certo_workspace_job_flush);
}

/**
 * certo_workspace_flush_finish:
 * @self: the workspace
 * @result: the result
 * @error: (out) (optional): %CERTO_SQLITE_ERROR_CLOSED after close
 *
 * Returns: %TRUE when the queue is drained
 */
gboolean
certo_workspace_flush_finish (CertoWorkspace  *self,
                              GAsyncResult    *result,
                              GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
close_job_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  CertoWorkspace *self = CERTO_WORKSPACE (source);
  g_autoptr(GTask) outer = user_data;
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      self->closing = FALSE;
      g_task_return_error (outer, error);
      return;
    }

  self->is_open = FALSE;
  self->closing = FALSE;
  _certo_workspace_set_dirty (self, FALSE);
  _certo_workspace_notify (self, WS_PROP_IS_OPEN);
  g_task_return_boolean (outer, TRUE);
}

static void
queue_close (CertoWorkspace *self,
             GTask          *outer)
{
  GTask *task = g_task_new (self, NULL, close_job_done, outer);

  certo_sqlite_run (self->sqlite, task, _certo_workspace_job_close);
}

static void
close_save_done (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  CertoWorkspace *self = CERTO_WORKSPACE (source);
  GTask *outer = user_data;
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      /* Nothing is lost: the workspace stays open for Save As */
      self->closing = FALSE;
      g_task_return_error (outer, error);
      g_object_unref (outer);
      return;
    }

  queue_close (self, outer);
}

/**
 * certo_workspace_close_async:
 * @self: a workspace
 * @flags: %CERTO_WORKSPACE_CLOSE_DISCARD to drop unsaved changes
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: for @callback
 *
 * Saves what is unsaved, then deletes the private working copy and
 * releases the file. If the save fails the workspace stays open (the
 * error says why; offer Save As or discarding).
 */
void
certo_workspace_close_async (CertoWorkspace           *self,
                             CertoWorkspaceCloseFlags  flags,
                             GCancellable             *cancellable,
                             GAsyncReadyCallback       callback,
                             gpointer                  user_data)
{
  GTask *outer;

  g_return_if_fail (CERTO_IS_WORKSPACE (self));

  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, certo_workspace_close_async);

  if (!self->is_open || self->closing)
    {
      g_task_return_boolean (outer, TRUE);
      g_object_unref (outer);
      return;
    }

  _certo_workspace_cancel_save (self);
  if ((flags & CERTO_WORKSPACE_CLOSE_DISCARD) || self->read_only ||
      (!self->dirty && self->saves_in_flight == 0))
    {
      self->closing = TRUE;
      queue_close (self, outer);
    }
  else
    {
      GTask *save = g_task_new (self, NULL, close_save_done, outer);

      queue_save (self, NULL, FALSE, save);
      self->closing = TRUE;
    }
}

/**
 * certo_workspace_close_finish:
 * @self: the workspace
 * @result: the result
 * @error: (out) (optional): why the last save failed
 *
 * Returns: %TRUE when closed
 */
gboolean
certo_workspace_close_finish (CertoWorkspace  *self,
                              GAsyncResult    *result,
                              GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
