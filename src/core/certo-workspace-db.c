/* certo-workspace-db.c — the workspace file's rows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything here runs on the workspace's worker thread, on the private
 * working copy (never on the user's file). Loading and writing are
 * generic over the entity tables of certo-workspace-schema.c, and every
 * SQL text is built from those constants only — outside values are
 * always bound parameters.
 */
#include "config.h"

#include "certo-workspace-private.h"

/* Plain structs */

/* An array of CERTO_WS_N_FIELDS texts, some NULL (g_strfreev() would
 * stop at the first) */
void
_certo_workspace_values_free (char **values)
{
  if (values == NULL)
    return;

  for (guint i = 0; i < CERTO_WS_N_FIELDS; i++)
    g_free (values[i]);
  g_free (values);
}

void
_certo_workspace_snapshot_free (CertoWorkspaceSnapshot *snapshot)
{
  if (snapshot == NULL)
    return;

  _certo_workspace_values_free (snapshot->workspace_values);
  for (guint i = 0; i < CERTO_N_ENTITIES; i++)
    g_clear_pointer (&snapshot->items[i], g_ptr_array_unref);
  g_free (snapshot);
}

void
_certo_workspace_change_free (CertoWorkspaceChange *change)
{
  if (change == NULL)
    return;

  g_free (change->value);
  /* One per field of the entity, some NULL */
  for (guint i = 0; change->values != NULL && i < change->entity->n_fields; i++)
    g_free (change->values[i]);
  g_free (change->values);
  g_free (change->action);
  g_free (change->entity_name);
  g_free (change->old_value);
  g_free (change->new_value);
  g_free (change->user);
  g_free (change->timestamp);
  g_free (change);
}

/* Helpers */

static void
bind_field (sqlite3_stmt     *stmt,
            int               index,
            const CertoField *field,
            const char       *value)
{
  if (value == NULL)
    {
      if (field->flags & CERTO_FIELD_INTEGER)
        sqlite3_bind_int64 (stmt, index, 0);
      else
        sqlite3_bind_null (stmt, index);
      return;
    }

  if (field->flags & CERTO_FIELD_INTEGER)
    {
      gint64 n = 0;

      if (g_str_equal (value, "true"))
        n = 1;
      else if (g_str_equal (value, "false"))
        n = 0;
      else
        n = g_ascii_strtoll (value, NULL, 10);
      sqlite3_bind_int64 (stmt, index, n);
      return;
    }

  sqlite3_bind_text (stmt, index, value, -1, SQLITE_TRANSIENT);
}

/* Reads column @col into a value of @pspec's type */
static void
column_to_value (sqlite3_stmt *stmt,
                 int           col,
                 GParamSpec   *pspec,
                 GValue       *value)
{
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);
  const char *text = (const char *) sqlite3_column_text (stmt, col);

  g_value_init (value, type);

  if (type == G_TYPE_STRING)
    g_value_set_string (value, text);
  else if (type == G_TYPE_BOOLEAN)
    g_value_set_boolean (value, sqlite3_column_int64 (stmt, col) != 0);
  else if (type == G_TYPE_UINT)
    g_value_set_uint (value, (guint) CLAMP (sqlite3_column_int64 (stmt, col), 0, G_MAXUINT));
  else if (type == G_TYPE_INT64)
    g_value_set_int64 (value, MAX (sqlite3_column_int64 (stmt, col), 0));
  else if (type == G_TYPE_STRV)
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) parts = g_strsplit (text != NULL ? text : "", ",", -1);

      for (guint i = 0; parts[i] != NULL; i++)
        if (*parts[i] != '\0')
          g_strv_builder_add (builder, parts[i]);
      g_value_take_boxed (value, g_strv_builder_end (builder));
    }
  else if (type == CERTO_TYPE_INCLUSION_REASONS)
    {
      CertoInclusionReasons reasons = 0;

      if (!certo_inclusion_reasons_from_string (text, &reasons))
        g_debug ("Unknown inclusion reasons “%s” ignored", text);
      g_value_set_flags (value, reasons);
    }
  else if (G_TYPE_IS_ENUM (type))
    {
      int v = G_PARAM_SPEC_ENUM (pspec)->default_value;

      /* A value this version does not know (a hand-edited file) reads as
       * the default rather than failing the whole workspace */
      if (text != NULL && !certo_enum_from_nick (type, text, &v))
        g_debug ("Unknown value “%s” of %s ignored", text, pspec->name);
      g_value_set_enum (value, v);
    }
  else
    g_warn_if_reached ();
}

static char *
select_sql (const CertoEntity *entity)
{
  GString *sql = g_string_new ("SELECT id");

  for (guint i = 0; i < entity->n_fields; i++)
    {
      const CertoField *field = &entity->fields[i];

      if (field->flags & CERTO_FIELD_LINK)
        g_string_append_printf (sql,
                                ", (SELECT group_concat (key, ',') FROM"
                                " (SELECT r.key AS key FROM %s l JOIN requirement r ON r.id = l.requirement_id"
                                " WHERE l.%s = %s.id ORDER BY r.position))",
                                entity->link_table, entity->link_column, entity->table);
      else
        g_string_append_printf (sql, ", %s", field->column);
    }

  g_string_append_printf (sql, " FROM %s ORDER BY %s", entity->table, entity->order_by);
  return g_string_free (sql, FALSE);
}

static GPtrArray *
load_items (CertoSqlite        *sqlite,
            const CertoEntity  *entity,
            gint64             *out_max_id,
            GError            **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *sql = select_sql (entity);
  g_autoptr(CertoSqliteStmt) stmt = NULL;
  g_autoptr(GTypeClass) klass = g_type_class_ref (entity->get_type ());
  guint n = entity->n_fields + 1;
  g_autofree const char **names = g_new0 (const char *, n);
  g_autofree GValue *values = g_new0 (GValue, n);
  gint64 max_id = 0;
  int rc;

  stmt = certo_sqlite_statement (sqlite, sql, error);
  if (stmt == NULL)
    return NULL;

  names[0] = "id";
  for (guint i = 0; i < entity->n_fields; i++)
    names[i + 1] = entity->fields[i].property;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_value_init (&values[0], G_TYPE_INT64);
      g_value_set_int64 (&values[0], id);
      for (guint i = 0; i < entity->n_fields; i++)
        {
          GParamSpec *pspec = g_object_class_find_property (G_OBJECT_CLASS (klass), entity->fields[i].property);

          g_assert (pspec != NULL);
          column_to_value (stmt, i + 1, pspec, &values[i + 1]);
        }

      g_ptr_array_add (items, g_object_new_with_properties (entity->get_type (), n, names, values));
      for (guint i = 0; i < n; i++)
        g_value_unset (&values[i]);

      max_id = MAX (max_id, id);
    }

  if (rc != SQLITE_DONE)
    {
      certo_sqlite_set_error (sqlite, rc, error);
      return NULL;
    }

  *out_max_id = max_id;
  return g_steal_pointer (&items);
}

static gboolean
insert_row (CertoSqlite        *sqlite,
            const CertoEntity  *entity,
            gint64              id,
            const char * const *values,
            GError            **error)
{
  GString *sql = g_string_new (NULL);
  g_autofree char *text = NULL;
  g_autoptr(CertoSqliteStmt) stmt = NULL;
  int index = 2;

  g_string_append_printf (sql, "INSERT INTO %s (id", entity->table);
  for (guint i = 0; i < entity->n_fields; i++)
    if (entity->fields[i].column != NULL)
      g_string_append_printf (sql, ", %s", entity->fields[i].column);
  g_string_append (sql, ") VALUES (?1");
  for (guint i = 0; i < entity->n_fields; i++)
    if (entity->fields[i].column != NULL)
      g_string_append_printf (sql, ", ?%d", index++);
  g_string_append (sql, ")");
  text = g_string_free (sql, FALSE);

  stmt = certo_sqlite_statement (sqlite, text, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  index = 2;
  for (guint i = 0; i < entity->n_fields; i++)
    if (entity->fields[i].column != NULL)
      bind_field (stmt, index++, &entity->fields[i], values[i]);

  if (!certo_sqlite_step_done (sqlite, stmt, error))
    return FALSE;

  for (guint i = 0; i < entity->n_fields; i++)
    if (entity->fields[i].flags & CERTO_FIELD_LINK)
      if (!_certo_workspace_db_set_links (sqlite, entity, id, values[i], error))
        return FALSE;

  return TRUE;
}

/**
 * _certo_workspace_db_create:
 * @sqlite: a connection to a new, empty working copy
 * @workspace_values: one text per workspace field (%CERTO_WS_N_FIELDS)
 * @requirements: (element-type CertoRequirementState): the requirements,
 *   in order, ids from 1
 * @error: (out) (optional): a #CERTO_SQLITE_ERROR
 *
 * Makes the schema and fills it, in one transaction.
 *
 * Returns: %TRUE on success
 */
gboolean
_certo_workspace_db_create (CertoSqlite        *sqlite,
                            const char * const *workspace_values,
                            GPtrArray          *requirements,
                            GError            **error)
{
  const CertoEntity *entity = _certo_entity_get (CERTO_ENTITY_REQUIREMENT);
  const CertoField *ws_fields = _certo_entity_get (CERTO_ENTITY_WORKSPACE)->fields;
  g_autoptr(GTypeClass) klass = g_type_class_ref (CERTO_TYPE_REQUIREMENT_STATE);
  g_autoptr(CertoSqliteStmt) stmt = NULL;
  g_autofree char *version = g_strdup_printf ("Certo %s", PACKAGE_VERSION);

  /* Our own constant, not outside data */
  if (!certo_sqlite_exec (sqlite, "PRAGMA application_id = 1131574359", error) ||
      !_certo_workspace_db_prepare (sqlite, 0, error) ||
      !certo_sqlite_begin (sqlite, error))
    return FALSE;

  G_STATIC_ASSERT (CERTO_WORKSPACE_APPLICATION_ID == 1131574359);

  stmt = certo_sqlite_statement (sqlite,
                                 "INSERT INTO workspace (id, organisation, scope, certificate_number,"
                                 " certification_body, certificate_issue_date, certificate_expiry_date,"
                                 " framework_id, framework_title, edition, created_at, created_by)"
                                 " VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                                 error);
  if (stmt == NULL)
    goto failed;
  for (guint i = 0; i < CERTO_WS_N_FIELDS; i++)
    bind_field (stmt, i + 1, &ws_fields[i],
                workspace_values[i] != NULL ? workspace_values[i]
                                            : (ws_fields[i].flags & CERTO_FIELD_EDITABLE) &&
                                              !g_str_has_suffix (ws_fields[i].property, "-date") ? "" : NULL);
  certo_sqlite_bind_text (stmt, 11, version);
  if (!certo_sqlite_step_done (sqlite, stmt, error))
    goto failed;

  for (guint i = 0; i < requirements->len; i++)
    {
      GObject *object = g_ptr_array_index (requirements, i);
      g_autofree char **values = g_new0 (char *, entity->n_fields + 1);
      gboolean ok;

      for (guint j = 0; j < entity->n_fields; j++)
        {
          GParamSpec *pspec = g_object_class_find_property (G_OBJECT_CLASS (klass), entity->fields[j].property);

          values[j] = _certo_object_dup_property_string (object, pspec);
        }

      ok = insert_row (sqlite, entity, certo_workspace_item_get_id (CERTO_WORKSPACE_ITEM (object)),
                       (const char * const *) values, error);
      for (guint j = 0; j < entity->n_fields; j++)
        g_free (values[j]);
      if (!ok)
        goto failed;
    }

  return certo_sqlite_commit (sqlite, error);

failed:
  certo_sqlite_rollback (sqlite);
  return FALSE;
}

/**
 * _certo_workspace_db_load:
 * @sqlite: a connection to the working copy
 * @error: (out) (optional): a #CERTO_SQLITE_ERROR
 *
 * Reads every row into objects (built here, on the worker, and handed
 * over whole). File contents of evidence are not read.
 *
 * Returns: (transfer full) (nullable): the rows
 */
CertoWorkspaceSnapshot *
_certo_workspace_db_load (CertoSqlite  *sqlite,
                          GError      **error)
{
  g_autoptr(CertoWorkspaceSnapshot) snapshot = g_new0 (CertoWorkspaceSnapshot, 1);
  const CertoField *ws_fields = _certo_entity_get (CERTO_ENTITY_WORKSPACE)->fields;
  g_autoptr(CertoSqliteStmt) stmt = NULL;
  GString *sql = g_string_new ("SELECT ");
  g_autofree char *text = NULL;
  int rc;

  if (!certo_sqlite_exec (sqlite, "BEGIN", error))
    {
      g_string_free (sql, TRUE);
      return NULL;
    }

  for (guint i = 0; i < CERTO_WS_N_FIELDS; i++)
    g_string_append_printf (sql, "%s%s", i > 0 ? ", " : "", ws_fields[i].column);
  g_string_append (sql, " FROM workspace WHERE id = 1");
  text = g_string_free (sql, FALSE);

  stmt = certo_sqlite_statement (sqlite, text, error);
  if (stmt == NULL)
    goto failed;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      certo_sqlite_set_error (sqlite, rc == SQLITE_DONE ? SQLITE_CORRUPT : rc, error);
      goto failed;
    }

  snapshot->workspace_values = g_new0 (char *, CERTO_WS_N_FIELDS + 1);
  for (guint i = 0; i < CERTO_WS_N_FIELDS; i++)
    snapshot->workspace_values[i] = g_strdup ((const char *) sqlite3_column_text (stmt, i));
  certo_sqlite_release (g_steal_pointer (&stmt));

  for (guint e = CERTO_ENTITY_REQUIREMENT; e < CERTO_N_ENTITIES; e++)
    {
      snapshot->items[e] = load_items (sqlite, _certo_entity_get (e), &snapshot->max_ids[e], error);
      if (snapshot->items[e] == NULL)
        goto failed;
    }

  certo_sqlite_exec (sqlite, "COMMIT", NULL);
  return g_steal_pointer (&snapshot);

failed:
  certo_sqlite_rollback (sqlite);
  return NULL;
}

/**
 * _certo_workspace_db_set_links:
 * @sqlite: a connection
 * @entity: evidence or finding
 * @id: the item
 * @keys: (nullable): requirement keys joined by ","
 * @error: (out) (optional): a #CERTO_SQLITE_ERROR
 *
 * Replaces the item's requirement links. Call inside a transaction.
 *
 * Returns: %TRUE on success
 */
gboolean
_certo_workspace_db_set_links (CertoSqlite        *sqlite,
                               const CertoEntity  *entity,
                               gint64              id,
                               const char         *keys,
                               GError            **error)
{
  /* Table and column names come from the static schema tables in
   * certo-workspace-schema.c, never from input; every value is bound */
  g_autofree char *delete_sql = g_strdup_printf ("DELETE FROM %s WHERE %s = ?1",
                                                 entity->link_table, entity->link_column);
  g_autofree char *insert_sql = g_strdup_printf ("INSERT OR IGNORE INTO %s (%s, requirement_id)"
                                                 " SELECT ?1, id FROM requirement WHERE key = ?2",
                                                 entity->link_table, entity->link_column);
  g_auto(GStrv) parts = g_strsplit (keys != NULL ? keys : "", ",", -1);
  g_autoptr(CertoSqliteStmt) del = NULL;

  del = certo_sqlite_statement (sqlite, delete_sql, error);
  if (del == NULL)
    return FALSE;
  sqlite3_bind_int64 (del, 1, id);
  if (!certo_sqlite_step_done (sqlite, del, error))
    return FALSE;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autoptr(CertoSqliteStmt) ins = NULL;

      if (*parts[i] == '\0')
        continue;

      ins = certo_sqlite_statement (sqlite, insert_sql, error);
      if (ins == NULL)
        return FALSE;
      sqlite3_bind_int64 (ins, 1, id);
      certo_sqlite_bind_text (ins, 2, parts[i]);
      if (!certo_sqlite_step_done (sqlite, ins, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * _certo_workspace_db_apply:
 * @sqlite: a connection to the working copy
 * @change: an update of one field, or an insert of a whole row
 * @error: (out) (optional): a #CERTO_SQLITE_ERROR
 *
 * Writes the change and its history row. Call inside a transaction.
 *
 * Returns: %TRUE on success
 */
gboolean
_certo_workspace_db_apply (CertoSqlite                 *sqlite,
                           const CertoWorkspaceChange  *change,
                           GError                     **error)
{
  const CertoEntity *entity = change->entity;

  if (change->field == NULL)
    {
      if (!insert_row (sqlite, entity, change->id, (const char * const *) change->values, error))
        return FALSE;
    }
  else if (change->field->flags & CERTO_FIELD_LINK)
    {
      if (!_certo_workspace_db_set_links (sqlite, entity, change->id, change->value, error))
        return FALSE;
    }
  else
    {
      /* Names from the static schema tables; the value is bound */
      g_autofree char *sql = g_strdup_printf ("UPDATE %s SET %s = ?1 WHERE id = ?2",
                                              entity->table, change->field->column);
      g_autoptr(CertoSqliteStmt) stmt = certo_sqlite_statement (sqlite, sql, error);

      if (stmt == NULL)
        return FALSE;
      bind_field (stmt, 1, change->field, change->value);
      sqlite3_bind_int64 (stmt, 2, change->id);
      if (!certo_sqlite_step_done (sqlite, stmt, error))
        return FALSE;
    }

  return _certo_workspace_db_add_history (sqlite, change, error);
}

/**
 * _certo_workspace_db_add_history:
 * @sqlite: a connection to the working copy
 * @change: a change with its history fields set
 * @error: (out) (optional): a #CERTO_SQLITE_ERROR
 *
 * Returns: %TRUE on success
 */
gboolean
_certo_workspace_db_add_history (CertoSqlite                 *sqlite,
                                 const CertoWorkspaceChange  *change,
                                 GError                     **error)
{
  g_autoptr(CertoSqliteStmt) stmt = NULL;

  stmt = certo_sqlite_statement (sqlite,
                                 "INSERT INTO history (timestamp, user, action, entity, entity_id,"
                                 " entity_name, field, old_value, new_value, undo_group)"
                                 " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                                 error);
  if (stmt == NULL)
    return FALSE;

  certo_sqlite_bind_text (stmt, 1, change->timestamp);
  certo_sqlite_bind_text (stmt, 2, change->user != NULL ? change->user : "");
  certo_sqlite_bind_text (stmt, 3, change->action);
  certo_sqlite_bind_text (stmt, 4, change->entity->name);
  sqlite3_bind_int64 (stmt, 5, change->id);
  certo_sqlite_bind_text (stmt, 6, change->entity_name != NULL ? change->entity_name : "");
  certo_sqlite_bind_text (stmt, 7, change->field != NULL ? change->field->property : NULL);
  certo_sqlite_bind_text (stmt, 8, change->old_value);
  certo_sqlite_bind_text (stmt, 9, change->new_value);
  if (change->undo_group != 0)
    sqlite3_bind_int64 (stmt, 10, change->undo_group);
  else
    sqlite3_bind_null (stmt, 10);

  return certo_sqlite_step_done (sqlite, stmt, error);
}

static gboolean
keys_contain (const char *keys,
              const char *key)
{
  g_auto(GStrv) parts = NULL;

  if (keys == NULL)
    return FALSE;
  parts = g_strsplit (keys, ",", -1);
  return g_strv_contains ((const char * const *) parts, key);
}

/* Whether an evidence row of the history is about @key: its addition
 * linked to it (rows before schema 2 did not record the keys: kept), a
 * change of links that added or dropped it, its removal or restoring */
static gboolean
evidence_row_concerns (const char *action,
                       const char *field,
                       const char *old_value,
                       const char *new_value,
                       const char *key)
{
  if (field == NULL)
    return g_strcmp0 (action, "add") != 0 || new_value == NULL || keys_contain (new_value, key);
  if (g_str_equal (field, "requirement-keys"))
    return keys_contain (old_value, key) != keys_contain (new_value, key);
  return g_str_equal (field, "removed");
}

/**
 * _certo_workspace_db_load_history:
 * @sqlite: a connection to the working copy
 * @entity: (nullable): only this entity's changes; for "requirement",
 *   also the evidence added for it, linked to it, unlinked from it and
 *   removed (entity "evidence")
 * @entity_id: with @entity: only this item's
 * @limit: at most this many, newest first; 0 for all
 * @error: (out) (optional): a #CERTO_SQLITE_ERROR
 *
 * Returns: (transfer full) (element-type CertoHistoryEntry) (nullable): entries
 */
GPtrArray *
_certo_workspace_db_load_history (CertoSqlite  *sqlite,
                                  const char   *entity,
                                  gint64        entity_id,
                                  guint         limit,
                                  GError      **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *needle = NULL;
  g_autoptr(CertoSqliteStmt) stmt = NULL;
  g_autofree char *key = NULL;
  gboolean requirement = g_strcmp0 (entity, "requirement") == 0;
  int rc;

  /* A requirement's history has its evidence too: what was added for it,
   * linked to it, unlinked from it, removed */
  if (requirement)
    {
      g_autoptr(CertoSqliteStmt) lookup = certo_sqlite_statement (sqlite, "SELECT key FROM requirement WHERE id = ?1", error);

      if (lookup == NULL)
        return NULL;
      sqlite3_bind_int64 (lookup, 1, entity_id);
      if (sqlite3_step (lookup) == SQLITE_ROW)
        key = g_strdup ((const char *) sqlite3_column_text (lookup, 0));
    }

  if (requirement && key != NULL)
    stmt = certo_sqlite_statement (sqlite,
                                   "SELECT id, timestamp, user, action, entity, entity_id, entity_name,"
                                   " field, old_value, new_value FROM history"
                                   " WHERE (entity = 'requirement' AND entity_id = ?2)"
                                   " OR (entity = 'evidence' AND (field IS NULL OR field IN ('requirement-keys', 'removed'))"
                                   "     AND entity_id IN (SELECT evidence_id FROM evidence_requirement WHERE requirement_id = ?2"
                                   "       UNION SELECT entity_id FROM history WHERE entity = 'evidence'"
                                   "         AND (field = 'requirement-keys' OR field IS NULL)"
                                   "         AND (instr (',' || coalesce (old_value, '') || ',', ?4) > 0"
                                   "              OR instr (',' || coalesce (new_value, '') || ',', ?4) > 0)))"
                                   " ORDER BY id DESC",
                                   error);
  else
    stmt = certo_sqlite_statement (sqlite,
                                   "SELECT id, timestamp, user, action, entity, entity_id, entity_name,"
                                   " field, old_value, new_value FROM history"
                                   " WHERE (?1 IS NULL OR (entity = ?1 AND entity_id = ?2))"
                                   " ORDER BY id DESC LIMIT ?3",
                                   error);
  if (stmt == NULL)
    return NULL;

  if (requirement && key != NULL)
    {
      /* Bound SQLITE_STATIC: it lives until the statement is released */
      needle = g_strdup_printf (",%s,", key);
      sqlite3_bind_int64 (stmt, 2, entity_id);
      certo_sqlite_bind_text (stmt, 4, needle);
    }
  else
    {
      certo_sqlite_bind_text (stmt, 1, entity);
      sqlite3_bind_int64 (stmt, 2, entity_id);
      sqlite3_bind_int64 (stmt, 3, limit > 0 ? (gint64) limit : -1);
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
#define COL(i) ((const char *) sqlite3_column_text (stmt, i))
      if (requirement && key != NULL && g_strcmp0 (COL (4), "evidence") == 0 &&
          !evidence_row_concerns (COL (3), COL (7), COL (8), COL (9), key))
        continue;

      g_ptr_array_add (entries,
                       g_object_new (CERTO_TYPE_HISTORY_ENTRY,
                                     "id", sqlite3_column_int64 (stmt, 0),
                                     "timestamp", COL (1),
                                     "user", COL (2),
                                     "action", COL (3),
                                     "entity", COL (4),
                                     "entity-id", sqlite3_column_int64 (stmt, 5),
                                     "entity-name", COL (6),
                                     "field", COL (7),
                                     "old-value", COL (8),
                                     "new-value", COL (9),
                                     NULL));
#undef COL
      if (limit > 0 && entries->len >= limit)
        {
          rc = SQLITE_DONE;
          break;
        }
    }

  if (rc != SQLITE_DONE)
    {
      certo_sqlite_set_error (sqlite, rc, error);
      return NULL;
    }

  return g_steal_pointer (&entries);
}

/**
 * _certo_workspace_db_purge_removed:
 * @db: a connection to a copy about to be saved (not the working copy)
 * @out_purged: (out): whether anything was removed
 * @error: (out) (optional): a #CERTO_SQLITE_ERROR
 *
 * Deletes the items marked removed, overwriting their content
 * (`secure_delete`), so a removed evidence file is never in a saved
 * workspace even though the working copy keeps it for undo.
 *
 * Returns: %TRUE on success
 */
gboolean
_certo_workspace_db_purge_removed (sqlite3   *db,
                                   gboolean  *out_purged,
                                   GError   **error)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n = 0;
  int rc;

  *out_purged = FALSE;

  rc = sqlite3_prepare_v2 (db,
                           "SELECT (SELECT count(*) FROM evidence WHERE removed)"
                           " + (SELECT count(*) FROM audit WHERE removed)"
                           " + (SELECT count(*) FROM finding WHERE removed)"
                           " + (SELECT count(*) FROM soa_version WHERE removed)",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      n = sqlite3_column_int64 (stmt, 0);
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_OK)
    goto failed;

  if (n == 0)
    return TRUE;

  rc = sqlite3_exec (db,
                     "PRAGMA foreign_keys = ON;"
                     "PRAGMA secure_delete = ON;"
                     "BEGIN;"
                     "UPDATE finding SET audit_id = 0 WHERE audit_id IN (SELECT id FROM audit WHERE removed);"
                     "DELETE FROM finding WHERE removed;"
                     "DELETE FROM audit WHERE removed;"
                     "DELETE FROM evidence WHERE removed;"
                     "DELETE FROM soa_version WHERE removed;"
                     "COMMIT;",
                     NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
      goto failed;
    }

  *out_purged = TRUE;
  return TRUE;

failed:
  certo_sqlite_error_from_code (rc, sqlite3_db_filename (db, "main"), sqlite3_errmsg (db), error);
  return FALSE;
}

/**
 * _certo_workspace_db_apply_seed:
 * @sqlite: a connection to a new working copy, just made
 * @seed: what a migration carries over
 * @error: (out) (optional): a #CERTO_SQLITE_ERROR
 *
 * Copies the requirement values, the certificate, evidence (with their
 * files, linked to the new requirements), audits and findings of another
 * workspace into this one, in one transaction.
 *
 * Returns: %TRUE on success
 */
gboolean
_certo_workspace_db_apply_seed (CertoSqlite               *sqlite,
                                const CertoWorkspaceSeed  *seed,
                                GError                   **error)
{
  const CertoEntity *req_entity = _certo_entity_get (CERTO_ENTITY_REQUIREMENT);
  const CertoField *ws_fields = _certo_entity_get (CERTO_ENTITY_WORKSPACE)->fields;
  g_autoptr(CertoSqliteStmt) attach = NULL;
  GHashTableIter iter;
  gpointer key, value;

  attach = certo_sqlite_statement (sqlite, "ATTACH DATABASE ?1 AS source", error);
  if (attach == NULL)
    return FALSE;
  certo_sqlite_bind_text (attach, 1, seed->source_db);
  if (!certo_sqlite_step_done (sqlite, attach, error))
    return FALSE;
  certo_sqlite_release (g_steal_pointer (&attach));

  if (!certo_sqlite_begin (sqlite, error))
    goto detach;

  /* Requirement values, field by field through the same table */
  g_hash_table_iter_init (&iter, seed->requirement_values);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GHashTableIter fields;
      gpointer property, text;

      g_hash_table_iter_init (&fields, value);
      while (g_hash_table_iter_next (&fields, &property, &text))
        {
          const CertoField *field = _certo_entity_find_field (req_entity, property);
          g_autofree char *sql = NULL;
          g_autoptr(CertoSqliteStmt) stmt = NULL;

          if (field == NULL || !(field->flags & CERTO_FIELD_EDITABLE))
            continue;

          sql = g_strdup_printf ("UPDATE requirement SET %s = ?1 WHERE key = ?2", field->column);
          stmt = certo_sqlite_statement (sqlite, sql, error);
          if (stmt == NULL)
            goto failed;
          bind_field (stmt, 1, field, text);
          certo_sqlite_bind_text (stmt, 2, key);
          if (!certo_sqlite_step_done (sqlite, stmt, error))
            goto failed;
        }
    }

  /* Certificate */
  for (guint i = 0; seed->workspace_values != NULL && i < CERTO_WS_N_FIELDS; i++)
    {
      g_autofree char *sql = NULL;
      g_autoptr(CertoSqliteStmt) stmt = NULL;

      if (seed->workspace_values[i] == NULL || !(ws_fields[i].flags & CERTO_FIELD_EDITABLE))
        continue;

      sql = g_strdup_printf ("UPDATE workspace SET %s = ?1 WHERE id = 1", ws_fields[i].column);
      stmt = certo_sqlite_statement (sqlite, sql, error);
      if (stmt == NULL)
        goto failed;
      bind_field (stmt, 1, &ws_fields[i], seed->workspace_values[i]);
      if (!certo_sqlite_step_done (sqlite, stmt, error))
        goto failed;
    }

  /* Evidence with their files, audits, findings: same ids, so links and
   * a finding's audit stay right; removed items stay behind */
  if (!certo_sqlite_exec (sqlite,
                          "INSERT INTO evidence SELECT * FROM source.evidence WHERE NOT removed;"
                          "INSERT INTO evidence_file SELECT f.* FROM source.evidence_file f"
                          " JOIN source.evidence e ON e.id = f.evidence_id WHERE NOT e.removed;"
                          "INSERT INTO audit SELECT * FROM source.audit WHERE NOT removed;"
                          "INSERT INTO finding SELECT * FROM source.finding WHERE NOT removed;",
                          error))
    goto failed;

  g_hash_table_iter_init (&iter, seed->evidence_keys);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!_certo_workspace_db_set_links (sqlite, _certo_entity_get (CERTO_ENTITY_EVIDENCE),
                                        *(gint64 *) key, value, error))
      goto failed;

  g_hash_table_iter_init (&iter, seed->finding_keys);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!_certo_workspace_db_set_links (sqlite, _certo_entity_get (CERTO_ENTITY_FINDING),
                                        *(gint64 *) key, value, error))
      goto failed;

  /* The history starts with where the workspace came from */
  {
    g_autoptr(CertoWorkspaceChange) change = g_new0 (CertoWorkspaceChange, 1);

    change->entity = _certo_entity_get (CERTO_ENTITY_WORKSPACE);
    change->id = 1;
    change->action = g_strdup ("migrate");
    change->old_value = g_strdup (seed->history_note);
    change->new_value = g_strdup (CERTO_FRAMEWORK_ISO27001_2022);
    change->user = g_strdup (seed->user);
    change->timestamp = certo_iso_timestamp_now ();
    if (!_certo_workspace_db_add_history (sqlite, change, error))
      goto failed;
  }

  /* Each requirement's history says how its merge was decided */
  for (guint i = 0; seed->decisions != NULL && i < seed->decisions->len; i++)
    {
      char **decision = g_ptr_array_index (seed->decisions, i);
      g_autoptr(CertoWorkspaceChange) change = g_new0 (CertoWorkspaceChange, 1);
      g_autoptr(CertoSqliteStmt) lookup = certo_sqlite_statement (sqlite, "SELECT id FROM requirement WHERE key = ?1", error);

      if (lookup == NULL)
        goto failed;
      certo_sqlite_bind_text (lookup, 1, decision[0]);
      if (sqlite3_step (lookup) != SQLITE_ROW)
        continue;

      change->entity = _certo_entity_get (CERTO_ENTITY_REQUIREMENT);
      change->id = sqlite3_column_int64 (lookup, 0);
      change->action = g_strdup ("migrate");
      change->entity_name = g_strdup (decision[1]);
      change->new_value = g_strdup (decision[2]);
      change->user = g_strdup (seed->user);
      change->timestamp = certo_iso_timestamp_now ();
      if (!_certo_workspace_db_add_history (sqlite, change, error))
        goto failed;
    }

  if (!certo_sqlite_commit (sqlite, error))
    goto detach;

  return certo_sqlite_exec (sqlite, "DETACH DATABASE source", error);

failed:
  certo_sqlite_rollback (sqlite);
detach:
  certo_sqlite_exec (sqlite, "DETACH DATABASE source", NULL);
  return FALSE;
}
