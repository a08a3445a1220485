/* certo-workspace-item.h — a row of a certification workspace, as a GObject
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CERTO_TYPE_WORKSPACE_ITEM (certo_workspace_item_get_type ())

G_DECLARE_DERIVABLE_TYPE (CertoWorkspaceItem, certo_workspace_item, CERTO, WORKSPACE_ITEM, GObject)

/**
 * CertoWorkspaceItemClass:
 * @validate: checks a new value of an editable property before it is set,
 *   so that a rule of the standard is kept however the value arrives
 *   (a setter, g_object_set(), certo_workspace_set_field(), an undo)
 * @dup_display_name: a short name for the history ("A.5.14", a file name)
 *
 * Requirement states, evidence items, audits, findings and SoA versions
 * derive from this: an id that is stable in the file, a "removed" flag
 * (removal is undoable until the workspace closes), and change tracking —
 * each change to an editable property is written to the workspace's
 * working copy, recorded in its history and can be undone.
 */
struct _CertoWorkspaceItemClass
{
  GObjectClass parent_class;

  gboolean  (*validate)         (CertoWorkspaceItem  *self,
                                 GParamSpec          *pspec,
                                 const GValue        *value,
                                 GError             **error);
  char     *(*dup_display_name) (CertoWorkspaceItem  *self);

  gpointer padding[6];
};

gint64    certo_workspace_item_get_id            (CertoWorkspaceItem *self);
gboolean  certo_workspace_item_get_removed       (CertoWorkspaceItem *self);
char     *certo_workspace_item_dup_display_name  (CertoWorkspaceItem *self);
gboolean  certo_workspace_item_validate          (CertoWorkspaceItem  *self,
                                                  GParamSpec          *pspec,
                                                  const GValue        *value,
                                                  GError             **error);

G_END_DECLS
