/* certo-workspace-edit.c — changing a workspace: tracked edits, undo,
 * history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A setter changes memory at once (the UI stays instant) and lands here:
 * the write of that one field and its history row are queued on the
 * worker, an undo step is kept (the last %CERTO_WORKSPACE_UNDO_LIMIT
 * steps or groups), and the save is scheduled. Undoing is a change like
 * any other: written, recorded as "undo", saved. Adding evidence, audits,
 * findings and SoA versions: certo-workspace-records.c.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "certo-workspace-private.h"

/* Field names people and scripts use, for certo_workspace_set_field() */
static const struct
{
  const char *alias;
  const char *property;
} field_aliases[] = {
  { "applicable", "applicability" },
  { "reasons", "inclusion-reasons" },
  { "justification", "exclusion-justification" },
  { "type", "control-type" },
  { "audit", "audit-result" },
  { "due", "due-date" },
  { "requirements", "requirement-keys" },
  { "organization", "organisation" },
};

void
_certo_workspace_undo_step_free (gpointer data)
{
  CertoUndoStep *step = data;

  g_clear_object (&step->object);
  g_free (step->property);
  g_free (step->old_value);
  g_free (step->new_value);
  g_free (step);
}

/* The undo group the next change belongs to, without taking it: the
 * open group, or the one _certo_workspace_push_undo() is about to take */
static gint64
next_undo_group (CertoWorkspace *self)
{
  if (self->in_undo)
    return self->undoing_group;
  return self->group_depth > 0 ? self->open_group : self->undo_serial + 1;
}

/**
 * _certo_workspace_reserve_undo_group:
 * @self: the workspace
 *
 * Takes the undo group of a change whose undo step is pushed later (an
 * evidence file, added once its bytes are in): the open group, or a new
 * one.
 *
 * Returns: the group, for _certo_workspace_push_undo()
 */
gint64
_certo_workspace_reserve_undo_group (CertoWorkspace *self)
{
  return self->group_depth > 0 ? self->open_group : ++self->undo_serial;
}

/**
 * _certo_workspace_push_undo:
 * @self: the workspace
 * @group: the step's group from _certo_workspace_reserve_undo_group(),
 *   or 0 for the open group or a new one
 * @object: what changed (the workspace itself for its fields)
 * @property: the property
 * @old_value: (nullable): what undo restores, as text
 * @new_value: (nullable): the value set
 *
 * Keeps an undo step, dropping the oldest groups beyond
 * %CERTO_WORKSPACE_UNDO_LIMIT.
 */
void
_certo_workspace_push_undo (CertoWorkspace *self,
                            gint64          group,
                            GObject        *object,
                            const char     *property,
                            const char     *old_value,
                            const char     *new_value)
{
  CertoUndoStep *step = g_new0 (CertoUndoStep, 1);
  CertoUndoStep *last = g_queue_peek_tail (&self->undo);
  gboolean could_undo = last != NULL;

  step->group = group != 0 ? group : _certo_workspace_reserve_undo_group (self);
  step->object = object != G_OBJECT (self) ? g_object_ref (object) : NULL;
  step->property = g_strdup (property);
  step->old_value = g_strdup (old_value);
  step->new_value = g_strdup (new_value);
  if (last == NULL || last->group != step->group)
    self->n_undo_groups++;
  g_queue_push_tail (&self->undo, step);

  /* Keep the newest steps (and at most 10,000 single changes), dropping
   * whole groups from the oldest end */
  while (self->n_undo_groups > CERTO_WORKSPACE_UNDO_LIMIT ||
         (self->n_undo_groups > 1 && g_queue_get_length (&self->undo) > 100 * CERTO_WORKSPACE_UNDO_LIMIT))
    {
      gint64 oldest = ((CertoUndoStep *) g_queue_peek_head (&self->undo))->group;

      while (!g_queue_is_empty (&self->undo) &&
             ((CertoUndoStep *) g_queue_peek_head (&self->undo))->group == oldest)
        _certo_workspace_undo_step_free (g_queue_pop_head (&self->undo));
      self->n_undo_groups--;
    }

  if (!could_undo)
    _certo_workspace_notify (self, WS_PROP_CAN_UNDO);
}

int
_certo_workspace_compare_by_id (gconstpointer a,
                                gconstpointer b,
                                gpointer      user_data)
{
  gint64 ia = certo_workspace_item_get_id ((CertoWorkspaceItem *) a);
  gint64 ib = certo_workspace_item_get_id ((CertoWorkspaceItem *) b);

  return (ia > ib) - (ia < ib);
}

void
_certo_workspace_recount_evidence (CertoWorkspace *self)
{
  GListModel *model = G_LIST_MODEL (self->lists[CERTO_ENTITY_EVIDENCE]);
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer key, value;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CertoEvidence) evidence = g_list_model_get_item (model, i);
      const char * const *keys = certo_evidence_get_requirement_keys (evidence);

      for (guint j = 0; keys[j] != NULL; j++)
        g_hash_table_insert (counts, (gpointer) keys[j],
                             GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, keys[j])) + 1));
    }

  g_hash_table_iter_init (&iter, self->by_key);
  while (g_hash_table_iter_next (&iter, &key, &value))
    _certo_requirement_state_set_n_evidence (value, GPOINTER_TO_UINT (g_hash_table_lookup (counts, key)));
}

/* Keeps the lists in step with an item's "removed" flag */
static void
update_list (CertoWorkspace     *self,
             const CertoEntity  *entity,
             CertoWorkspaceItem *item)
{
  GListStore *store = self->lists[entity->id];
  guint position;
  gboolean listed = g_list_store_find (store, item, &position);

  if (certo_workspace_item_get_removed (item) && listed)
    g_list_store_remove (store, position);
  else if (!certo_workspace_item_get_removed (item) && !listed)
    g_list_store_insert_sorted (store, item, _certo_workspace_compare_by_id, NULL);
}

CertoWorkspaceChange *
_certo_workspace_new_change (CertoWorkspace    *self,
                             const CertoEntity *entity,
                             gint64             id,
                             const char        *action,
                             char              *entity_name)
{
  CertoWorkspaceChange *change = g_new0 (CertoWorkspaceChange, 1);

  change->entity = entity;
  change->id = id;
  change->action = g_strdup (action);
  change->entity_name = entity_name;
  change->user = g_strdup (_certo_workspace_effective_user (self));
  change->timestamp = certo_iso_timestamp_now ();
  change->undo_group = next_undo_group (self);
  return change;
}

char **
_certo_workspace_dup_values (GObject           *object,
                             const CertoEntity *entity)
{
  char **values = g_new0 (char *, entity->n_fields + 1);

  for (guint i = 0; i < entity->n_fields; i++)
    {
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object),
                                                        entity->fields[i].property);

      values[i] = _certo_object_dup_property_string (object, pspec);
    }

  return values;
}

/* Adds a new item (id already set): memory, lists, a queued insert, an
 * undo step that removes it again */
void
_certo_workspace_attach_item (CertoWorkspace     *self,
                              CertoWorkspaceItem *item)
{
  const CertoEntity *entity = _certo_entity_for_object (item);

  _certo_workspace_item_set_workspace (item, self);
  g_hash_table_insert (self->items[entity->id],
                       _certo_workspace_id_key (certo_workspace_item_get_id (item)),
                       g_object_ref (item));
  if (!certo_workspace_item_get_removed (item) && self->lists[entity->id] != NULL)
    g_list_store_insert_sorted (self->lists[entity->id], item, _certo_workspace_compare_by_id, NULL);
  if (CERTO_IS_REQUIREMENT_STATE (item))
    {
      g_autofree char *label = g_utf8_strup (certo_requirement_state_get_display_label (CERTO_REQUIREMENT_STATE (item)), -1);

      g_hash_table_insert (self->by_key,
                           (gpointer) certo_requirement_state_get_key (CERTO_REQUIREMENT_STATE (item)), item);
      g_hash_table_insert (self->by_label, g_steal_pointer (&label), item);
    }
}

void
_certo_workspace_insert_item (CertoWorkspace     *self,
                              CertoWorkspaceItem *item)
{
  const CertoEntity *entity = _certo_entity_for_object (item);
  CertoWorkspaceChange *change;

  _certo_workspace_attach_item (self, item);

  change = _certo_workspace_new_change (self, entity, certo_workspace_item_get_id (item), "add",
                                        certo_workspace_item_dup_display_name (item));
  change->values = _certo_workspace_dup_values (G_OBJECT (item), entity);
  /* An evidence item's addition is in the history of the requirements
   * it supports: the row keeps their keys */
  if (CERTO_IS_EVIDENCE (item))
    change->new_value = g_strjoinv (",", (char **) certo_evidence_get_requirement_keys (CERTO_EVIDENCE (item)));
  _certo_workspace_queue_write (self, change);

  _certo_workspace_push_undo (self, 0, G_OBJECT (item), "removed", "true", "false");
  if (CERTO_IS_EVIDENCE (item))
    _certo_workspace_recount_evidence (self);
  _certo_workspace_mark_changed (self);
}

/**
 * _certo_workspace_record_change:
 * @self: the workspace
 * @object: the item (or the workspace) that changed
 * @pspec: the property
 * @old_value: (nullable): the value before, as text
 *
 * Called by every tracked setter after it changed memory: queues the write
 * and its history row, keeps the undo list and the lists, and schedules
 * the save.
 */
void
_certo_workspace_record_change (CertoWorkspace *self,
                                gpointer        object,
                                GParamSpec     *pspec,
                                const char     *old_value)
{
  const CertoEntity *entity;
  const CertoField *field;
  g_autofree char *new_value = NULL;
  CertoWorkspaceChange *change;
  const char *action = "edit";
  gint64 id = 1;
  char *name;

  if (!self->is_open)
    return;

  entity = _certo_entity_for_object (object);
  field = entity != NULL ? _certo_entity_find_field (entity, pspec->name) : NULL;
  if (field == NULL || !(field->flags & CERTO_FIELD_EDITABLE))
    return;

  new_value = _certo_object_dup_property_string (object, pspec);
  if (g_strcmp0 (old_value, new_value) == 0)
    return;

  if (CERTO_IS_WORKSPACE_ITEM (object))
    {
      id = certo_workspace_item_get_id (object);
      name = certo_workspace_item_dup_display_name (object);
    }
  else
    name = g_strdup (self->values[CERTO_WS_ORGANISATION]);

  if (self->in_undo)
    action = "undo";
  else if (g_str_equal (pspec->name, "removed"))
    action = g_strcmp0 (new_value, "true") == 0 ? "remove" : "add";

  change = _certo_workspace_new_change (self, entity, id, action, name);
  change->field = field;
  change->value = g_strdup (new_value);
  change->old_value = g_strdup (old_value);
  change->new_value = g_strdup (new_value);
  _certo_workspace_queue_write (self, change);

  if (!self->in_undo)
    _certo_workspace_push_undo (self, 0, object, pspec->name, old_value, new_value);

  if (CERTO_IS_WORKSPACE_ITEM (object) && g_str_equal (pspec->name, "removed"))
    update_list (self, entity, object);
  if (CERTO_IS_EVIDENCE (object) &&
      (g_str_equal (pspec->name, "removed") || (field->flags & CERTO_FIELD_LINK)))
    _certo_workspace_recount_evidence (self);

  _certo_workspace_mark_changed (self);
}

/**
 * _certo_workspace_lookup_key:
 * @self: the workspace
 * @key: a requirement key
 *
 * Returns: (transfer none) (nullable): the requirement
 */
CertoRequirementState *
_certo_workspace_lookup_key (CertoWorkspace *self,
                             const char     *key)
{
  return g_hash_table_lookup (self->by_key, key);
}

static int
compare_position (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  CertoWorkspace *self = user_data;
  CertoRequirementState *ra = g_hash_table_lookup (self->by_key, *(const char * const *) a);
  CertoRequirementState *rb = g_hash_table_lookup (self->by_key, *(const char * const *) b);
  guint pa = ra != NULL ? certo_requirement_state_get_position (ra) : G_MAXUINT;
  guint pb = rb != NULL ? certo_requirement_state_get_position (rb) : G_MAXUINT;

  if (pa != pb)
    return (pa > pb) - (pa < pb);
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/**
 * _certo_workspace_sort_keys:
 * @self: the workspace
 * @keys: (nullable): requirement keys or display labels ("A.5.14")
 *
 * Returns: (transfer full): the keys, labels resolved, duplicates dropped,
 *   in the framework's order; unknown ones kept (last) so they are reported
 */
char **
_certo_workspace_sort_keys (CertoWorkspace     *self,
                            const char * const *keys)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      CertoRequirementState *state = certo_workspace_find_requirement (self, keys[i]);
      const char *key = state != NULL ? certo_requirement_state_get_key (state) : keys[i];

      if (*key == '\0' || !g_hash_table_add (seen, (gpointer) key))
        continue;
      g_ptr_array_add (out, g_strdup (key));
    }

  g_ptr_array_sort_with_data (out, compare_position, self);
  g_ptr_array_add (out, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&out), FALSE);
}

static char *
list_fields (const CertoEntity *entity)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < entity->n_fields; i++)
    {
      if (!(entity->fields[i].flags & CERTO_FIELD_EDITABLE) ||
          (entity->fields[i].flags & CERTO_FIELD_HIDDEN) ||
          g_str_equal (entity->fields[i].property, "removed"))
        continue;
      if (out->len > 0)
        g_string_append (out, ", ");
      g_string_append (out, entity->fields[i].property);
    }

  return g_string_free (out, FALSE);
}

/**
 * certo_workspace_set_field:
 * @self: an open workspace
 * @object: the workspace itself, or one of its items
 * @field: a property name ("status", "due-date", "applicability") or a
 *   short name ("applicable", "reasons", "justification", "type",
 *   "audit", "due", "requirements"); `_` is taken for `-`
 * @value: the value as text: a nick ("in-progress", "non-compliant"),
 *   `YYYY-MM-DD`, reasons "legal,risk-treatment", yes/no for
 *   "applicable", requirement numbers "A.5.14,A.8.1"; "" clears
 * @error: (out) (optional): %CERTO_WORKSPACE_ERROR_NOT_FOUND (no such
 *   field), %CERTO_WORKSPACE_ERROR_INVALID_VALUE (a value that is not
 *   one, an empty organisation, a certificate expiring before its issue,
 *   a finding without a description or a requirement),
 *   %CERTO_WORKSPACE_ERROR_ALWAYS_APPLICABLE; %CERTO_WORKSPACE_ERROR_INVALID_VALUE
 *   also for a new status of an excluded control (it has none:
 *   ISO/IEC 27001:2022 clause 6.1.3 d)
 *
 * Sets one field from text, as a tracked change: for the CLI's
 * `workspace set`, imports and scripts. The same rules hold as for the
 * typed setters; text is cleaned as they clean it
 * (control characters and bidirectional overrides dropped).
 *
 * Returns: %TRUE when set
 */
gboolean
certo_workspace_set_field (CertoWorkspace  *self,
                           GObject         *object,
                           const char      *field,
                           const char      *value,
                           GError         **error)
{
  const CertoEntity *entity;
  const CertoField *entry;
  g_autofree char *name = NULL;
  g_auto(GValue) parsed = G_VALUE_INIT;
  GParamSpec *pspec;

  g_return_val_if_fail (CERTO_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (G_IS_OBJECT (object), FALSE);
  g_return_val_if_fail (field != NULL, FALSE);

  if (!_certo_workspace_check_open (self, error))
    return FALSE;

  name = g_strdelimit (g_ascii_strdown (field, -1), "_", '-');
  for (guint i = 0; i < G_N_ELEMENTS (field_aliases); i++)
    if (g_str_equal (name, field_aliases[i].alias))
      {
        g_free (name);
        name = g_strdup (field_aliases[i].property);
        break;
      }

  entity = _certo_entity_for_object (object);
  entry = entity != NULL ? _certo_entity_find_field (entity, name) : NULL;
  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), name);
  if (entry == NULL || pspec == NULL || !(entry->flags & CERTO_FIELD_EDITABLE) ||
      (entry->flags & CERTO_FIELD_HIDDEN) || g_str_equal (name, "removed"))
    {
      g_autofree char *fields = entity != NULL ? list_fields (entity) : g_strdup ("");

      g_set_error (error, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_NOT_FOUND,
                   _("“%s” is not a field that can be set here; use one of: %s"),
                   field, fields);
      return FALSE;
    }

  /* "applicable=yes/no" reads naturally */
  if (g_str_equal (name, "applicability") && value != NULL)
    {
      g_autofree char *lower = g_ascii_strdown (value, -1);

      if (g_strv_contains ((const char * const[]) { "yes", "true", "1", "y", NULL }, lower))
        value = "applicable";
      else if (g_strv_contains ((const char * const[]) { "no", "false", "0", "n", NULL }, lower))
        value = "excluded";
    }

  if (!_certo_value_from_string (pspec, value, &parsed, error))
    return FALSE;

  if (G_VALUE_HOLDS (&parsed, G_TYPE_STRV))
    {
      char **keys = _certo_workspace_sort_keys (self, g_value_get_boxed (&parsed));

      g_value_take_boxed (&parsed, keys);
    }

  if (CERTO_IS_WORKSPACE_ITEM (object) &&
      !certo_workspace_item_validate (CERTO_WORKSPACE_ITEM (object), pspec, &parsed, error))
    return FALSE;

  /* An excluded control is not implemented: its status is kept aside,
   * counts nowhere and the Statement of Applicability does not show it
   * (as the window keeps it read-only); include the control first */
  if (CERTO_IS_REQUIREMENT_STATE (object) && g_str_equal (name, "status") &&
      !certo_requirement_state_is_applicable (CERTO_REQUIREMENT_STATE (object)) &&
      (CertoImplementationStatus) g_value_get_enum (&parsed) != certo_requirement_state_get_status (CERTO_REQUIREMENT_STATE (object)))
    {
      g_set_error (error, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_INVALID_VALUE,
                   _("%s is excluded from the Statement of Applicability, so it has no implementation status; include it first (applicable=yes)"),
                   certo_requirement_state_get_display_label (CERTO_REQUIREMENT_STATE (object)));
      return FALSE;
    }
  if (CERTO_IS_WORKSPACE (object) &&
      !_certo_workspace_validate_field (CERTO_WORKSPACE (object), pspec, &parsed, error))
    return FALSE;

  g_object_set_property (object, name, &parsed);
  return TRUE;
}

/**
 * certo_workspace_begin_changes:
 * @self: a workspace
 *
 * Groups the changes made until certo_workspace_end_changes() into one
 * undo step (an import, a dialog's "Apply"). Calls nest.
 */
void
certo_workspace_begin_changes (CertoWorkspace *self)
{
  g_return_if_fail (CERTO_IS_WORKSPACE (self));

  if (self->group_depth++ == 0)
    self->open_group = ++self->undo_serial;
}

/**
 * certo_workspace_end_changes:
 * @self: a workspace
 *
 * Ends a group started with certo_workspace_begin_changes().
 */
void
certo_workspace_end_changes (CertoWorkspace *self)
{
  g_return_if_fail (CERTO_IS_WORKSPACE (self));
  g_return_if_fail (self->group_depth > 0);

  self->group_depth--;
}

/**
 * certo_workspace_undo:
 * @self: an open workspace
 * @error: (out) (optional): %CERTO_WORKSPACE_ERROR_NOTHING_TO_UNDO
 *
 * Reverts the most recent change (or group of changes). The undo is a
 * change itself: written, saved, and recorded in the history with the
 * action "undo". Ctrl+Z.
 *
 * Returns: %TRUE when something was undone
 */
gboolean
certo_workspace_undo (CertoWorkspace  *self,
                      GError         **error)
{
  CertoUndoStep *last;
  gint64 group;

  g_return_val_if_fail (CERTO_IS_WORKSPACE (self), FALSE);

  if (!_certo_workspace_check_open (self, error))
    return FALSE;

  last = g_queue_peek_tail (&self->undo);
  if (last == NULL)
    {
      g_set_error_literal (error, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_NOTHING_TO_UNDO,
                           _("There is nothing to undo"));
      return FALSE;
    }

  group = last->group;
  self->n_undo_groups--;
  self->in_undo = TRUE;
  /* The rows of the undo carry the group they revert: a later session
   * (certo_workspace_restore_undo_async()) knows it is undone */
  self->undoing_group = group;
  while ((last = g_queue_peek_tail (&self->undo)) != NULL && last->group == group)
    {
      CertoUndoStep *step = g_queue_pop_tail (&self->undo);
      GObject *object = step->object != NULL ? step->object : G_OBJECT (self);
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), step->property);
      g_auto(GValue) value = G_VALUE_INIT;
      g_autoptr(GError) local_error = NULL;

      if (pspec != NULL && _certo_value_from_string (pspec, step->old_value, &value, &local_error))
        g_object_set_property (object, step->property, &value);
      else
        g_warning ("Undo of %s failed: %s", step->property,
                   local_error != NULL ? local_error->message : "no such property");

      _certo_workspace_undo_step_free (step);
    }
  self->in_undo = FALSE;
  self->undoing_group = 0;

  if (g_queue_is_empty (&self->undo))
    _certo_workspace_notify (self, WS_PROP_CAN_UNDO);
  return TRUE;
}

/**
 * certo_workspace_remove_item:
 * @self: an open workspace
 * @item: an evidence item, audit, finding or SoA version
 * @error: (out) (optional): %CERTO_WORKSPACE_ERROR_INVALID_VALUE for a
 *   requirement (requirements come from the framework)
 *
 * Removes an item from the lists. Undoable; the item (and a stored file)
 * is left out of every saved file at once, and deleted from the working
 * copy when the workspace closes.
 *
 * Returns: %TRUE when removed
 */
gboolean
certo_workspace_remove_item (CertoWorkspace      *self,
                             CertoWorkspaceItem  *item,
                             GError             **error)
{
  g_return_val_if_fail (CERTO_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (CERTO_IS_WORKSPACE_ITEM (item), FALSE);

  if (!_certo_workspace_check_open (self, error))
    return FALSE;

  if (CERTO_IS_REQUIREMENT_STATE (item))
    {
      g_set_error_literal (error, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_INVALID_VALUE,
                           _("Requirements come from the framework and cannot be removed; exclude the control instead"));
      return FALSE;
    }

  _certo_workspace_item_set_removed (item, TRUE);
  return TRUE;
}

static void
history_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) outer = user_data;
  g_autoptr(GPtrArray) entries = NULL;
  GListStore *store;
  GError *error = NULL;

  entries = g_task_propagate_pointer (G_TASK (result), &error);
  if (entries == NULL)
    {
      g_task_return_error (outer, error);
      return;
    }

  store = g_list_store_new (CERTO_TYPE_HISTORY_ENTRY);
  g_list_store_splice (store, 0, 0, entries->pdata, entries->len);
  g_task_return_pointer (outer, store, g_object_unref);
}

/**
 * certo_workspace_load_history_async:
 * @self: an open workspace
 * @item: (nullable): only this item's changes; %NULL for all
 * @limit: at most this many, newest first; 0 for all
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: for @callback
 *
 * Reads the history of changes (every edit, undo, addition and removal,
 * with old and new value, time and user) from the working copy; it
 * includes every change made before this call.
 */
void
certo_workspace_load_history_async (CertoWorkspace      *self,
                                    CertoWorkspaceItem  *item,
                                    guint                limit,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  GTask *outer;
  GTask *task;
  CertoHistoryRequest *request;

  g_return_if_fail (CERTO_IS_WORKSPACE (self));

  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, certo_workspace_load_history_async);

  request = g_new0 (CertoHistoryRequest, 1);
  if (item != NULL)
    {
      request->entity = g_strdup (_certo_entity_for_object (item)->name);
      request->entity_id = certo_workspace_item_get_id (item);
    }
  request->limit = limit;

  task = g_task_new (self, cancellable, history_done, outer);
  g_task_set_task_data (task, request, (GDestroyNotify) _certo_history_request_free);
  certo_sqlite_run (self->sqlite, task, _certo_workspace_job_history);
}

/**
 * certo_workspace_load_history_finish:
 * @self: the workspace
 * @result: the result
 * @error: (out) (optional): a #CERTO_WORKSPACE_ERROR or #CERTO_SQLITE_ERROR
 *
 * Returns: (transfer full) (nullable): a #GListModel of #CertoHistoryEntry,
 *   newest first
 */
GListModel *
certo_workspace_load_history_finish (CertoWorkspace  *self,
                                     GAsyncResult    *result,
                                     GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
