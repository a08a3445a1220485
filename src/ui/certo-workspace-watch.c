/* certo-workspace-watch.c — one "changed" signal for any change to a workspace
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The workspace's lists only say when items come and go; an edit shows as
 * a "notify" of one item. Views that summarise the whole workspace (the
 * overview, the audit cycle, the header) want one signal for both, once
 * per burst of changes (an import changes a hundred items at once): this
 * object watches every item and emits "changed" from an idle.
 */
#include "config.h"

#include "certo-workspace-watch.h"

struct _CertoWorkspaceWatch
{
  GObject         parent_instance;

  CertoWorkspace *workspace;
  GPtrArray      *lists;     /* (element-type GListModel) watched for items-changed */
  GHashTable     *items;     /* (element-type GObject) watched for notify; holds a ref */
  guint           idle_id;
};

G_DEFINE_FINAL_TYPE (CertoWorkspaceWatch, certo_workspace_watch, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
emit_changed (gpointer user_data)
{
  CertoWorkspaceWatch *self = user_data;

  self->idle_id = 0;
  g_signal_emit (self, signals[CHANGED], 0);

  return G_SOURCE_REMOVE;
}

/* After the events being handled, before the next frame is drawn: the
 * views show the change in that frame (and a busy frame clock cannot
 * starve it, as it would a default-priority idle) */
#define WATCH_PRIORITY (G_PRIORITY_HIGH_IDLE + 15)

static void
schedule (CertoWorkspaceWatch *self)
{
  if (self->idle_id == 0)
    self->idle_id = g_idle_add_full (WATCH_PRIORITY, emit_changed, self, NULL);
}

static void
on_item_notify (GObject             *item,
                GParamSpec          *pspec,
                CertoWorkspaceWatch *self)
{
  schedule (self);
}

static void
on_workspace_notify (GObject             *workspace,
                     GParamSpec          *pspec,
                     CertoWorkspaceWatch *self)
{
  /* Saving state and undo come and go with every edit: not a change of content */
  if (g_str_equal (pspec->name, "dirty") || g_str_equal (pspec->name, "saving")
      || g_str_equal (pspec->name, "can-undo"))
    return;

  schedule (self);
}

static void
watch_item (CertoWorkspaceWatch *self,
            GObject             *item)
{
  if (g_hash_table_contains (self->items, item))
    return;

  g_hash_table_add (self->items, g_object_ref (item));
  g_signal_connect (item, "notify", G_CALLBACK (on_item_notify), self);
}

static void
on_items_changed (GListModel          *model,
                  guint                position,
                  guint                removed,
                  guint                added,
                  CertoWorkspaceWatch *self)
{
  /* Removed items keep their handler: they may come back with an undo */
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      watch_item (self, item);
    }

  schedule (self);
}

static void
unwatch_all (CertoWorkspaceWatch *self)
{
  GHashTableIter iter;
  gpointer item;

  g_hash_table_iter_init (&iter, self->items);
  while (g_hash_table_iter_next (&iter, &item, NULL))
    g_signal_handlers_disconnect_by_func (item, on_item_notify, self);
  g_hash_table_remove_all (self->items);

  for (guint i = 0; i < self->lists->len; i++)
    g_signal_handlers_disconnect_by_func (g_ptr_array_index (self->lists, i), on_items_changed, self);
  g_ptr_array_set_size (self->lists, 0);

  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_func (self->workspace, on_workspace_notify, self);
}

static void
certo_workspace_watch_dispose (GObject *object)
{
  CertoWorkspaceWatch *self = (CertoWorkspaceWatch *) object;

  unwatch_all (self);
  g_clear_handle_id (&self->idle_id, g_source_remove);
  g_clear_object (&self->workspace);

  G_OBJECT_CLASS (certo_workspace_watch_parent_class)->dispose (object);
}

static void
certo_workspace_watch_finalize (GObject *object)
{
  CertoWorkspaceWatch *self = (CertoWorkspaceWatch *) object;

  g_clear_pointer (&self->items, g_hash_table_unref);
  g_clear_pointer (&self->lists, g_ptr_array_unref);

  G_OBJECT_CLASS (certo_workspace_watch_parent_class)->finalize (object);
}

static void
certo_workspace_watch_class_init (CertoWorkspaceWatchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = certo_workspace_watch_dispose;
  object_class->finalize = certo_workspace_watch_finalize;

  /**
   * CertoWorkspaceWatch::changed:
   * @self: the watch
   *
   * Something in the workspace changed (an item added, removed or edited,
   * a field of the workspace); emitted once, from an idle, after a burst.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
certo_workspace_watch_init (CertoWorkspaceWatch *self)
{
  self->items = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  self->lists = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * certo_workspace_watch_new:
 *
 * Returns: (transfer full): a watch with no workspace
 */
CertoWorkspaceWatch *
certo_workspace_watch_new (void)
{
  return g_object_new (CERTO_TYPE_WORKSPACE_WATCH, NULL);
}

/**
 * certo_workspace_watch_get_workspace:
 * @self: a #CertoWorkspaceWatch
 *
 * Returns: (transfer none) (nullable): the workspace watched
 */
CertoWorkspace *
certo_workspace_watch_get_workspace (CertoWorkspaceWatch *self)
{
  g_return_val_if_fail (CERTO_IS_WORKSPACE_WATCH (self), NULL);

  return self->workspace;
}

/**
 * certo_workspace_watch_set_workspace:
 * @self: a #CertoWorkspaceWatch
 * @workspace: (nullable): the workspace to watch
 *
 * Watches @workspace's requirements, evidence, audits, findings, SoA
 * versions and fields; "changed" follows (also for the switch itself).
 */
void
certo_workspace_watch_set_workspace (CertoWorkspaceWatch *self,
                                     CertoWorkspace      *workspace)
{
  GListModel *lists[5];

  g_return_if_fail (CERTO_IS_WORKSPACE_WATCH (self));
  g_return_if_fail (workspace == NULL || CERTO_IS_WORKSPACE (workspace));

  if (self->workspace == workspace)
    return;

  unwatch_all (self);
  g_set_object (&self->workspace, workspace);
  schedule (self);

  if (workspace == NULL)
    return;

  g_signal_connect (workspace, "notify", G_CALLBACK (on_workspace_notify), self);

  lists[0] = certo_workspace_get_requirements (workspace);
  lists[1] = certo_workspace_get_evidence (workspace);
  lists[2] = certo_workspace_get_audits (workspace);
  lists[3] = certo_workspace_get_findings (workspace);
  lists[4] = certo_workspace_get_soa_versions (workspace);

  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    {
      g_ptr_array_add (self->lists, g_object_ref (lists[i]));
      g_signal_connect (lists[i], "items-changed", G_CALLBACK (on_items_changed), self);
      on_items_changed (lists[i], 0, 0, g_list_model_get_n_items (lists[i]), self);
    }
}
