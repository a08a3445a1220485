/* certo-workspace-undo.c — undo across sessions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every tracked change's history row carries its undo group (schema 2),
 * numbered from its session's start so groups of different sessions never
 * collide; the rows an undo writes carry the group they revert. So the
 * history tells which groups can still be undone: those with rows other
 * than "undo" and no "undo" row. certo_workspace_restore_undo_async()
 * reads the newest of them back into the undo list, for a program that
 * undoes what an earlier session did (`certo-cli workspace undo FILE`).
 * The window does not: Ctrl+Z takes back this session's edits only.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "certo-workspace-private.h"

/* How many groups are read for each one that may be restored */
#define UNDO_READ_FACTOR 10

/* Helpers */

/**
 * _certo_undo_row_free:
 * @row: (transfer full) (nullable): a row
 */
void
_certo_undo_row_free (CertoUndoRow *row)
{
  if (row == NULL)
    return;

  g_free (row->action);
  g_free (row->entity);
  g_free (row->field);
  g_free (row->old_value);
  g_free (row->new_value);
  g_free (row);
}

/**
 * _certo_workspace_db_load_undo:
 * @sqlite: a connection to the working copy (the worker)
 * @max_groups: how many groups at most
 * @error: (out) (optional): a #CERTO_SQLITE_ERROR
 *
 * The history rows of the newest @max_groups undo groups not undone yet
 * (edits, additions, removals; never the creation or a migration), oldest
 * first, as certo_workspace_undo() replays them backwards.
 *
 * Returns: (transfer full) (element-type CertoUndoRow): the rows; %NULL
 *   on error
 */
GPtrArray *
_certo_workspace_db_load_undo (CertoSqlite  *sqlite,
                               guint         max_groups,
                               GError      **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) _certo_undo_row_free);
  g_autoptr(CertoSqliteStmt) stmt = NULL;
  gint64 group = 0;
  guint n_groups = 0;
  int rc;

  stmt = certo_sqlite_statement (sqlite,
                                 "SELECT undo_group, action, entity, entity_id, field, old_value, new_value"
                                 " FROM history"
                                 " WHERE undo_group IS NOT NULL AND action IN ('edit', 'add', 'remove')"
                                 "   AND undo_group NOT IN (SELECT undo_group FROM history"
                                 "                          WHERE action = 'undo' AND undo_group IS NOT NULL)"
                                 " ORDER BY id DESC",
                                 error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CertoUndoRow *row;

      if (sqlite3_column_int64 (stmt, 0) != group)
        {
          if (n_groups == max_groups)
            {
              rc = SQLITE_DONE;
              break;
            }
          group = sqlite3_column_int64 (stmt, 0);
          n_groups++;
        }

      row = g_new0 (CertoUndoRow, 1);
      row->group = group;
      row->action = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      row->entity = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      row->entity_id = sqlite3_column_int64 (stmt, 3);
      row->field = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      row->old_value = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
      row->new_value = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
      g_ptr_array_add (rows, row);
    }

  if (rc != SQLITE_DONE)
    {
      certo_sqlite_set_error (sqlite, rc, error);
      return NULL;
    }

  /* Oldest first */
  for (guint i = 0; i < rows->len / 2; i++)
    {
      gpointer tmp = rows->pdata[i];

      rows->pdata[i] = rows->pdata[rows->len - 1 - i];
      rows->pdata[rows->len - 1 - i] = tmp;
    }

  return g_steal_pointer (&rows);
}

/* The object a history row is about: the workspace itself (@out_object
 * NULL) or one of its items, still there */
static gboolean
resolve_object (CertoWorkspace      *self,
                const CertoUndoRow  *row,
                GObject            **out_object)
{
  for (guint e = 0; e < CERTO_N_ENTITIES; e++)
    {
      const CertoEntity *entity = _certo_entity_get (e);

      if (g_strcmp0 (entity->name, row->entity) != 0)
        continue;

      if (e == CERTO_ENTITY_WORKSPACE)
        {
          *out_object = NULL;
          return TRUE;
        }

      *out_object = g_hash_table_lookup (self->items[e], &row->entity_id);
      return *out_object != NULL;
    }

  return FALSE;
}

typedef enum
{
  ROW_APPLIES,
  ROW_GONE,     /* its item was removed and purged when a session closed */
  ROW_STALE,    /* its value is no longer the one the row set */
} RowState;

/* An undo step for @row, when it still applies: its object is there and
 * holds the value the row set (nothing outside the history changed it) */
static CertoUndoStep *
step_for_row (CertoWorkspace     *self,
              const CertoUndoRow *row,
              RowState           *out_state)
{
  g_autofree char *current = NULL;
  GObject *object = NULL;
  GObject *target;
  GParamSpec *pspec;
  const char *property;
  const char *old_value;
  const char *new_value;
  CertoUndoStep *step;

  *out_state = ROW_STALE;
  if (!resolve_object (self, row, &object))
    {
      *out_state = ROW_GONE;
      return NULL;
    }
  target = object != NULL ? object : G_OBJECT (self);

  if (row->field != NULL)
    {
      property = row->field;
      old_value = row->old_value;
      new_value = row->new_value;
    }
  else if (g_strcmp0 (row->action, "add") == 0 && object != NULL)
    {
      /* An item added: undoing it removes it */
      property = "removed";
      old_value = "true";
      new_value = "false";
    }
  else
    return NULL;

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (target), property);
  if (pspec == NULL)
    return NULL;

  current = _certo_object_dup_property_string (target, pspec);
  if (g_strcmp0 (certo_nonempty (current), certo_nonempty (new_value)) != 0)
    return NULL;

  *out_state = ROW_APPLIES;
  step = g_new0 (CertoUndoStep, 1);
  step->group = row->group;
  step->object = object != NULL ? g_object_ref (object) : NULL;
  step->property = g_strdup (property);
  step->old_value = g_strdup (old_value);
  step->new_value = g_strdup (new_value);
  return step;
}

static void
load_undo_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  CertoWorkspace *self = CERTO_WORKSPACE (source);
  g_autoptr(GTask) outer = user_data;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) steps = g_ptr_array_new ();
  gboolean could_undo = !g_queue_is_empty (&self->undo);
  guint room = GPOINTER_TO_UINT (g_task_get_task_data (outer));
  guint n_groups = 0;
  guint end;
  GError *error = NULL;

  rows = g_task_propagate_pointer (G_TASK (result), &error);
  if (rows == NULL)
    {
      g_task_return_error (outer, error);
      return;
    }

  if (!self->is_open)
    {
      g_task_return_new_error (outer, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_NOT_OPEN,
                               _("The workspace was closed"));
      return;
    }

  /* Newest group first. A group about an item purged since (a removed
   * item is left out of the saved file) cannot be taken back and is
   * passed over: nothing older depends on an item that is gone. A group
   * whose value changed by other means ends the chain, so an undo never
   * skips over a change it cannot take back */
  end = rows->len;
  while (end > 0 && n_groups < room)
    {
      gint64 group = ((CertoUndoRow *) g_ptr_array_index (rows, end - 1))->group;
      guint start = end;
      g_autoptr(GPtrArray) group_steps = g_ptr_array_new ();
      RowState state = ROW_APPLIES;

      while (start > 0 && ((CertoUndoRow *) g_ptr_array_index (rows, start - 1))->group == group)
        start--;

      for (guint i = start; i < end && state == ROW_APPLIES; i++)
        {
          CertoUndoStep *step = step_for_row (self, g_ptr_array_index (rows, i), &state);

          if (step != NULL)
            g_ptr_array_add (group_steps, step);
        }

      if (state != ROW_APPLIES)
        {
          for (guint i = 0; i < group_steps->len; i++)
            _certo_workspace_undo_step_free (g_ptr_array_index (group_steps, i));
          if (state == ROW_STALE)
            break;
          end = start;
          continue;
        }

      /* Kept newest first here; pushed at the head below */
      for (guint i = group_steps->len; i > 0; i--)
        g_ptr_array_add (steps, g_ptr_array_index (group_steps, i - 1));
      n_groups++;
      end = start;
    }

  /* Older than anything done in this session: at the head, oldest first */
  for (guint i = 0; i < steps->len; i++)
    g_queue_push_head (&self->undo, g_ptr_array_index (steps, i));
  self->n_undo_groups += n_groups;

  if (!could_undo && !g_queue_is_empty (&self->undo))
    _certo_workspace_notify (self, WS_PROP_CAN_UNDO);

  g_task_return_int (outer, n_groups);
}

/* Public API */

/**
 * certo_workspace_restore_undo_async:
 * @self: an open workspace
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: for @callback
 *
 * Reads the changes of earlier sessions that can still be undone from
 * the history (at most %CERTO_WORKSPACE_UNDO_LIMIT steps, newest first,
 * as far back as each still applies), so certo_workspace_undo() takes
 * them back as it takes back this session's: for `certo-cli workspace
 * undo FILE`, where every command is a session of its own. A removal
 * cannot be taken back once its session closed (a removed item, and its
 * file, are left out of the saved workspace): such steps are passed
 * over. Files written before schema 2 have nothing to restore.
 */
void
certo_workspace_restore_undo_async (CertoWorkspace      *self,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  GTask *outer;
  GTask *task;
  guint room;

  g_return_if_fail (CERTO_IS_WORKSPACE (self));

  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, certo_workspace_restore_undo_async);

  if (!self->is_open)
    {
      g_task_return_new_error (outer, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_NOT_OPEN,
                               _("The workspace is not open"));
      g_object_unref (outer);
      return;
    }

  room = self->n_undo_groups < CERTO_WORKSPACE_UNDO_LIMIT ? CERTO_WORKSPACE_UNDO_LIMIT - self->n_undo_groups : 0;
  g_task_set_task_data (outer, GUINT_TO_POINTER (room), NULL);
  task = g_task_new (self, cancellable, load_undo_done, outer);
  /* Groups about purged items are passed over: read more than fit */
  g_task_set_task_data (task, GUINT_TO_POINTER (room * UNDO_READ_FACTOR), NULL);
  certo_sqlite_run (self->sqlite, task, _certo_workspace_job_load_undo);
}

/**
 * certo_workspace_restore_undo_finish:
 * @self: the workspace
 * @result: the result
 * @error: (out) (optional): a #CERTO_WORKSPACE_ERROR or #CERTO_SQLITE_ERROR
 *
 * Returns: how many steps of undo were restored (0 when there is nothing
 *   to undo), or -1 on error
 */
int
certo_workspace_restore_undo_finish (CertoWorkspace  *self,
                                     GAsyncResult    *result,
                                     GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), -1);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == certo_workspace_restore_undo_async, -1);

  return (int) g_task_propagate_int (G_TASK (result), error);
}

/**
 * certo_workspace_dup_undo_description:
 * @self: a workspace
 *
 * What certo_workspace_undo() would take back, one line per change:
 * "A.5.1 — status: implemented → not-started" (values as the history
 * keeps them; "—" for none).
 *
 * Returns: (transfer full) (nullable): the lines, or %NULL when there is
 *   nothing to undo
 */
char *
certo_workspace_dup_undo_description (CertoWorkspace *self)
{
  g_autoptr(GString) out = NULL;
  CertoUndoStep *last;
  gint64 group;

  g_return_val_if_fail (CERTO_IS_WORKSPACE (self), NULL);

  last = g_queue_peek_tail (&self->undo);
  if (last == NULL)
    return NULL;

  out = g_string_new (NULL);
  group = last->group;
  for (GList *l = g_queue_peek_tail_link (&self->undo);
       l != NULL && ((CertoUndoStep *) l->data)->group == group;
       l = l->prev)
    {
      CertoUndoStep *step = l->data;
      g_autofree char *name = step->object != NULL && CERTO_IS_WORKSPACE_ITEM (step->object)
                              ? certo_workspace_item_dup_display_name (CERTO_WORKSPACE_ITEM (step->object))
                              : g_strdup (self->values[CERTO_WS_ORGANISATION]);

      if (out->len > 0)
        g_string_append_c (out, '\n');
      if (g_str_equal (step->property, "removed"))
        g_string_append_printf (out,
                                g_strcmp0 (step->old_value, "true") == 0
                                /* Translators: what an undo does: "Remove “Access policy v3”" */
                                ? _("Remove “%s”")
                                /* Translators: what an undo does: "Restore “Access policy v3”" */
                                : _("Restore “%s”"),
                                name != NULL ? name : "");
      else
        /* Translators: what an undo does: "A.5.1 — status: implemented → not-started" */
        g_string_append_printf (out, _("%s — %s: %s → %s"), name != NULL ? name : "", step->property,
                                certo_nonempty (step->new_value) != NULL ? step->new_value : "—",
                                certo_nonempty (step->old_value) != NULL ? step->old_value : "—");
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}
