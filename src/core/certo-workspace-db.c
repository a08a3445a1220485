/* certo-workspace-db.c — the workspace file's schema, migrations and rows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything here runs on the workspace's worker thread, on the private
 * working copy (never on the user's file). The entity tables below map
 * each object property to its column; loading and writing are generic
 * over them, and every SQL text is built from these constants only —
 * outside values are always bound parameters.
 *
 * The file (schema 1):
 *   workspace            one row: organisation, scope, framework, certificate
 *   requirement          one row per requirement, in the framework's order
 *   evidence             evidence items (file, link, Library snapshot)
 *   evidence_file        the bytes of stored files (BLOB), one row per item
 *   evidence_requirement which requirements an item supports
 *   audit, finding, finding_requirement, soa_version
 *   history              every change: when, who, what, old and new value
 * Enumerations are stored by nick ("in-progress"), dates as YYYY-MM-DD.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "certo-workspace-private.h"

#define E CERTO_FIELD_EDITABLE
#define L CERTO_FIELD_LINK
#define I CERTO_FIELD_INTEGER

static const CertoField workspace_fields[] = {
  [CERTO_WS_ORGANISATION] = { "organisation", "organisation", E },
  [CERTO_WS_SCOPE] = { "scope", "scope", E },
  [CERTO_WS_CERTIFICATE_NUMBER] = { "certificate-number", "certificate_number", E },
  [CERTO_WS_CERTIFICATION_BODY] = { "certification-body", "certification_body", E },
  [CERTO_WS_CERTIFICATE_ISSUE_DATE] = { "certificate-issue-date", "certificate_issue_date", E },
  [CERTO_WS_CERTIFICATE_EXPIRY_DATE] = { "certificate-expiry-date", "certificate_expiry_date", E },
  [CERTO_WS_FRAMEWORK_ID] = { "framework-id", "framework_id", 0 },
  [CERTO_WS_FRAMEWORK_TITLE] = { "framework-title", "framework_title", 0 },
  [CERTO_WS_EDITION] = { "edition", "edition", 0 },
  [CERTO_WS_CREATED_AT] = { "created-at", "created_at", 0 },
};

static const CertoField requirement_fields[] = {
  { "key", "key", 0 },
  { "label", "label", 0 },
  { "title", "title", 0 },
  { "group-key", "group_key", 0 },
  { "group-label", "group_label", 0 },
  { "group-title", "group_title", 0 },
  { "is-annex-a", "is_annex_a", I },
  { "is-clause", "is_clause", I },
  { "is-new", "is_new", I },
  { "position", "position", I },
  { "applicability", "applicability", E },
  { "inclusion-reasons", "inclusion_reasons", E },
  { "exclusion-justification", "exclusion_justification", E },
  { "status", "status", E },
  { "audit-result", "audit_result", E },
  { "control-type", "control_type", E },
  { "obligation", "obligation", E },
  { "owner", "owner", E },
  { "due-date", "due_date", E },
  { "notes", "notes", E },
};

static const CertoField evidence_fields[] = {
  { "kind", "kind", 0 },
  { "title", "title", E },
  { "description", "description", E },
  { "file-name", "file_name", 0 },
  { "content-type", "content_type", 0 },
  { "size", "size", I },
  { "sha256", "sha256", 0 },
  { "url", "url", 0 },
  { "captured-at", "captured_at", 0 },
  { "added-by", "added_by", 0 },
  { "effective-date", "effective_date", E },
  { "expiry-date", "expiry_date", E },
  { "requirement-keys", NULL, E | L },
  { "document-title", "document_title", 0 },
  { "certificate-number", "certificate_number", 0 },
  { "issuer", "issuer", 0 },
  { "document-issue-date", "document_issue_date", 0 },
  { "document-expiry-date", "document_expiry_date", 0 },
  { "document-sha256", "document_sha256", 0 },
  { "source-name", "source_name", 0 },
  { "document-key", "document_key", 0 },
  { "removed", "removed", E | I },
};

static const CertoField audit_fields[] = {
  { "kind", "kind", E },
  { "title", "title", E },
  { "planned-date", "planned_date", E },
  { "performed-date", "performed_date", E },
  { "auditor", "auditor", E },
  { "notes", "notes", E },
  { "removed", "removed", E | I },
};

static const CertoField finding_fields[] = {
  { "kind", "kind", E },
  { "audit-id", "audit_id", E | I },
  { "reference", "reference", E },
  { "description", "description", E },
  { "requirement-keys", NULL, E | L },
  { "corrective-action", "corrective_action", E },
  { "due-date", "due_date", E },
  { "closed-date", "closed_date", E },
  { "removed", "removed", E | I },
};

static const CertoField soa_version_fields[] = {
  { "version", "version", E },
  { "approver", "approver", E },
  { "approval-date", "approval_date", E },
  { "notes", "notes", E },
  { "removed", "removed", E | I },
};

#undef E
#undef L
#undef I

static const CertoEntity entities[CERTO_N_ENTITIES] = {
  { CERTO_ENTITY_WORKSPACE, "workspace", "workspace", certo_workspace_get_type,
    workspace_fields, G_N_ELEMENTS (workspace_fields), NULL, NULL, "id" },
  { CERTO_ENTITY_REQUIREMENT, "requirement", "requirement", certo_requirement_state_get_type,
    requirement_fields, G_N_ELEMENTS (requirement_fields), NULL, NULL, "position, id" },
  { CERTO_ENTITY_EVIDENCE, "evidence", "evidence", certo_evidence_get_type,
    evidence_fields, G_N_ELEMENTS (evidence_fields), "evidence_requirement", "evidence_id", "id" },
  { CERTO_ENTITY_AUDIT, "audit", "audit", certo_audit_get_type,
    audit_fields, G_N_ELEMENTS (audit_fields), NULL, NULL, "id" },
  { CERTO_ENTITY_FINDING, "finding", "finding", certo_finding_get_type,
    finding_fields, G_N_ELEMENTS (finding_fields), "finding_requirement", "finding_id", "id" },
  { CERTO_ENTITY_SOA_VERSION, "soa-version", "soa_version", certo_soa_version_get_type,
    soa_version_fields, G_N_ELEMENTS (soa_version_fields), NULL, NULL, "id" },
};

/* Migration i+1 is migrations[i]; each runs in one transaction */
static const char * const migrations[] = {
  /* 1: the first schema */
  "CREATE TABLE workspace ("
  "  id INTEGER PRIMARY KEY CHECK (id = 1),"
  "  organisation TEXT NOT NULL DEFAULT '',"
  "  scope TEXT NOT NULL DEFAULT '',"
  "  framework_id TEXT NOT NULL,"
  "  framework_title TEXT NOT NULL DEFAULT '',"
  "  edition TEXT NOT NULL DEFAULT '',"
  "  created_at TEXT NOT NULL,"
  "  created_by TEXT NOT NULL DEFAULT '',"
  "  certificate_number TEXT NOT NULL DEFAULT '',"
  "  certification_body TEXT NOT NULL DEFAULT '',"
  "  certificate_issue_date TEXT,"
  "  certificate_expiry_date TEXT"
  ");"
  "CREATE TABLE requirement ("
  "  id INTEGER PRIMARY KEY,"
  "  position INTEGER NOT NULL,"
  "  key TEXT NOT NULL UNIQUE,"
  "  label TEXT NOT NULL,"
  "  title TEXT NOT NULL DEFAULT '',"
  "  group_key TEXT,"
  "  group_label TEXT,"
  "  group_title TEXT,"
  "  is_annex_a INTEGER NOT NULL DEFAULT 0,"
  "  is_clause INTEGER NOT NULL DEFAULT 0,"
  "  is_new INTEGER NOT NULL DEFAULT 0,"
  "  applicability TEXT NOT NULL DEFAULT 'unreviewed',"
  "  inclusion_reasons TEXT NOT NULL DEFAULT '',"
  "  exclusion_justification TEXT NOT NULL DEFAULT '',"
  "  status TEXT NOT NULL DEFAULT 'not-started',"
  "  audit_result TEXT NOT NULL DEFAULT 'not-assessed',"
  "  control_type TEXT NOT NULL DEFAULT 'unreviewed',"
  "  obligation TEXT NOT NULL DEFAULT 'unreviewed',"
  "  owner TEXT NOT NULL DEFAULT '',"
  "  due_date TEXT,"
  "  notes TEXT NOT NULL DEFAULT ''"
  ");"
  "CREATE TABLE evidence ("
  "  id INTEGER PRIMARY KEY,"
  "  kind TEXT NOT NULL,"
  "  title TEXT NOT NULL DEFAULT '',"
  "  description TEXT NOT NULL DEFAULT '',"
  "  file_name TEXT,"
  "  content_type TEXT,"
  "  size INTEGER NOT NULL DEFAULT 0,"
  "  sha256 TEXT,"
  "  url TEXT,"
  "  captured_at TEXT,"
  "  added_by TEXT,"
  "  effective_date TEXT,"
  "  expiry_date TEXT,"
  "  document_title TEXT,"
  "  certificate_number TEXT,"
  "  issuer TEXT,"
  "  document_issue_date TEXT,"
  "  document_expiry_date TEXT,"
  "  document_sha256 TEXT,"
  "  source_name TEXT,"
  "  document_key TEXT,"
  "  removed INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE TABLE evidence_file ("
  "  evidence_id INTEGER PRIMARY KEY REFERENCES evidence (id) ON DELETE CASCADE,"
  "  data BLOB NOT NULL"
  ");"
  "CREATE TABLE evidence_requirement ("
  "  evidence_id INTEGER NOT NULL REFERENCES evidence (id) ON DELETE CASCADE,"
  "  requirement_id INTEGER NOT NULL REFERENCES requirement (id) ON DELETE CASCADE,"
  "  PRIMARY KEY (evidence_id, requirement_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX evidence_requirement_by_requirement ON evidence_requirement (requirement_id);"
  "CREATE TABLE audit ("
  "  id INTEGER PRIMARY KEY,"
  "  kind TEXT NOT NULL,"
  "  title TEXT NOT NULL DEFAULT '',"
  "  planned_date TEXT,"
  "  performed_date TEXT,"
  "  auditor TEXT NOT NULL DEFAULT '',"
  "  notes TEXT NOT NULL DEFAULT '',"
  "  removed INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE TABLE finding ("
  "  id INTEGER PRIMARY KEY,"
  "  kind TEXT NOT NULL,"
  "  audit_id INTEGER NOT NULL DEFAULT 0,"
  "  reference TEXT NOT NULL DEFAULT '',"
  "  description TEXT NOT NULL DEFAULT '',"
  "  corrective_action TEXT NOT NULL DEFAULT '',"
  "  due_date TEXT,"
  "  closed_date TEXT,"
  "  removed INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE TABLE finding_requirement ("
  "  finding_id INTEGER NOT NULL REFERENCES finding (id) ON DELETE CASCADE,"
  "  requirement_id INTEGER NOT NULL REFERENCES requirement (id) ON DELETE CASCADE,"
  "  PRIMARY KEY (finding_id, requirement_id)"
  ") WITHOUT ROWID;"
  "CREATE TABLE soa_version ("
  "  id INTEGER PRIMARY KEY,"
  "  version TEXT NOT NULL DEFAULT '',"
  "  approver TEXT NOT NULL DEFAULT '',"
  "  approval_date TEXT,"
  "  notes TEXT NOT NULL DEFAULT '',"
  "  removed INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE TABLE history ("
  "  id INTEGER PRIMARY KEY,"
  "  timestamp TEXT NOT NULL,"
  "  user TEXT NOT NULL DEFAULT '',"
  "  action TEXT NOT NULL,"
  "  entity TEXT NOT NULL,"
  "  entity_id INTEGER NOT NULL,"
  "  entity_name TEXT NOT NULL DEFAULT '',"
  "  field TEXT,"
  "  old_value TEXT,"
  "  new_value TEXT"
  ");"
  "CREATE INDEX history_by_entity ON history (entity, entity_id);",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == CERTO_WORKSPACE_SCHEMA_VERSION);

/* Entities */

/**
 * _certo_entity_get:
 * @id: an entity
 *
 * Returns: (transfer none): its table description
 */
const CertoEntity *
_certo_entity_get (CertoEntityId id)
{
  g_return_val_if_fail (id < CERTO_N_ENTITIES, NULL);
  return &entities[id];
}

/**
 * _certo_entity_for_type:
 * @type: an item type, or %CERTO_TYPE_WORKSPACE
 *
 * Returns: (transfer none) (nullable): its table description
 */
const CertoEntity *
_certo_entity_for_type (GType type)
{
  for (guint i = 0; i < CERTO_N_ENTITIES; i++)
    if (g_type_is_a (type, entities[i].get_type ()))
      return &entities[i];

  return NULL;
}

/**
 * _certo_entity_for_object:
 * @object: an item or the workspace
 *
 * Returns: (transfer none) (nullable): its table description
 */
const CertoEntity *
_certo_entity_for_object (gpointer object)
{
  return _certo_entity_for_type (G_OBJECT_TYPE (object));
}

/**
 * _certo_entity_find_field:
 * @entity: an entity
 * @property: a property name
 *
 * Returns: (transfer none) (nullable): the field stored for @property
 */
const CertoField *
_certo_entity_find_field (const CertoEntity *entity,
                          const char        *property)
{
  for (guint i = 0; i < entity->n_fields; i++)
    if (g_str_equal (entity->fields[i].property, property))
      return &entity->fields[i];

  return NULL;
}

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

/* The first problem `PRAGMA quick_check` reports, on one line */
static char *
first_problem (const char *report)
{
  g_auto(GStrv) lines = g_strsplit (report, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (*lines[i] != '\0' && !g_str_has_prefix (lines[i], "*** "))
      return g_strdup (lines[i]);

  return g_strdup (report);
}

/* Public (private) API: worker only */

/**
 * _certo_workspace_db_check:
 * @sqlite: a connection to a copy of a file to open
 * @display_name: the user's name of the file, for messages
 * @out_version: (out): its schema version
 * @error: (out) (optional): %CERTO_WORKSPACE_ERROR_NOT_A_WORKSPACE,
 *   %CERTO_WORKSPACE_ERROR_NEWER_VERSION, %CERTO_WORKSPACE_ERROR_CORRUPT
 *
 * Checks, without writing, that the database is a workspace this version
 * can read and that SQLite finds it sound (`PRAGMA quick_check`).
 *
 * Returns: %TRUE when it can be opened
 */
gboolean
_certo_workspace_db_check (CertoSqlite  *sqlite,
                           const char   *display_name,
                           gint64       *out_version,
                           GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(CertoSqliteStmt) stmt = NULL;
  gint64 app_id = 0;
  gint64 version = 0;
  gint64 n_tables = 0;
  const char *result;
  int rc;

  if (!certo_sqlite_query_int (sqlite, "PRAGMA application_id", &app_id, &local_error) ||
      !certo_sqlite_query_int (sqlite, "PRAGMA user_version", &version, &local_error))
    goto damaged;

  if (app_id != CERTO_WORKSPACE_APPLICATION_ID)
    {
      g_set_error (error, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_NOT_A_WORKSPACE,
                   _("“%s” is not a Certo workspace: it is a database of another program. It was not changed."),
                   display_name);
      return FALSE;
    }

  if (version > CERTO_WORKSPACE_SCHEMA_VERSION)
    {
      g_set_error (error, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_NEWER_VERSION,
                   _("“%s” was made by a newer version of Certo (format %" G_GINT64_FORMAT ", this version reads up to %d). Update Certo to open it; the file was not changed."),
                   display_name, version, CERTO_WORKSPACE_SCHEMA_VERSION);
      return FALSE;
    }

  stmt = certo_sqlite_statement (sqlite, "PRAGMA quick_check", &local_error);
  if (stmt == NULL)
    goto damaged;
  rc = sqlite3_step (stmt);
  result = rc == SQLITE_ROW ? (const char *) sqlite3_column_text (stmt, 0) : NULL;
  if (result == NULL || !g_str_equal (result, "ok"))
    {
      g_autofree char *problem = first_problem (result != NULL ? result : sqlite3_errstr (rc));

      g_set_error (error, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_CORRUPT,
                   _("“%s” is damaged (%s). Open a backup copy of it; this file was not changed."),
                   display_name, problem);
      return FALSE;
    }
  certo_sqlite_release (g_steal_pointer (&stmt));

  if (!certo_sqlite_query_int (sqlite,
                               "SELECT count(*) FROM sqlite_schema WHERE type = 'table'"
                               " AND name IN ('workspace', 'requirement', 'history')",
                               &n_tables, &local_error))
    goto damaged;
  if (version < 1 || n_tables != 3)
    {
      g_set_error (error, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_CORRUPT,
                   _("“%s” is an incomplete Certo workspace (its tables are missing). Open a backup copy of it; this file was not changed."),
                   display_name);
      return FALSE;
    }

  *out_version = version;
  return TRUE;

damaged:
  if (g_error_matches (local_error, CERTO_SQLITE_ERROR, CERTO_SQLITE_ERROR_CORRUPT))
    g_set_error (error, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_CORRUPT,
                 _("“%s” is damaged and cannot be read. Open a backup copy of it; this file was not changed."),
                 display_name);
  else
    g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

static gboolean
migrate (CertoSqlite  *sqlite,
         gint64        version,
         GError      **error)
{
  for (gint64 target = version + 1; target <= CERTO_WORKSPACE_SCHEMA_VERSION; target++)
    {
      g_autofree char *set_version = NULL;

      if (!certo_sqlite_begin (sqlite, error))
        return FALSE;

      /* The version is our own integer, not outside data */
      set_version = g_strdup_printf ("PRAGMA user_version = %" G_GINT64_FORMAT, target);
      if (!certo_sqlite_exec (sqlite, migrations[target - 1], error) ||
          !certo_sqlite_exec (sqlite, set_version, error) ||
          !certo_sqlite_commit (sqlite, error))
        {
          certo_sqlite_rollback (sqlite);
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * _certo_workspace_db_prepare:
 * @sqlite: a connection to the working copy
 * @version: its schema version (0 for a new, empty file)
 * @error: (out) (optional): a #CERTO_SQLITE_ERROR
 *
 * Brings the working copy's schema up to this version (each step in a
 * transaction) and sets the connection up: WAL (the copy is private, so
 * WAL's -wal and -shm files are fine there), synchronous=NORMAL, foreign keys.
 *
 * Returns: %TRUE on success
 */
gboolean
_certo_workspace_db_prepare (CertoSqlite  *sqlite,
                             gint64        version,
                             GError      **error)
{
  return certo_sqlite_exec (sqlite, "PRAGMA journal_mode = WAL", error) &&
         certo_sqlite_exec (sqlite, "PRAGMA synchronous = NORMAL", error) &&
         certo_sqlite_exec (sqlite, "PRAGMA foreign_keys = ON", error) &&
         migrate (sqlite, version, error);
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
  const CertoEntity *entity = &entities[CERTO_ENTITY_REQUIREMENT];
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
    bind_field (stmt, i + 1, &workspace_fields[i],
                workspace_values[i] != NULL ? workspace_values[i]
                                            : (workspace_fields[i].flags & CERTO_FIELD_EDITABLE) &&
                                              !g_str_has_suffix (workspace_fields[i].property, "-date") ? "" : NULL);
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
    g_string_append_printf (sql, "%s%s", i > 0 ? ", " : "", workspace_fields[i].column);
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
      snapshot->items[e] = load_items (sqlite, &entities[e], &snapshot->max_ids[e], error);
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
                                 " entity_name, field, old_value, new_value)"
                                 " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
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

  return certo_sqlite_step_done (sqlite, stmt, error);
}

/**
 * _certo_workspace_db_load_history:
 * @sqlite: a connection to the working copy
 * @entity: (nullable): only this entity's changes
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
  g_autoptr(CertoSqliteStmt) stmt = NULL;
  int rc;

  stmt = certo_sqlite_statement (sqlite,
                                 "SELECT id, timestamp, user, action, entity, entity_id, entity_name,"
                                 " field, old_value, new_value FROM history"
                                 " WHERE (?1 IS NULL OR (entity = ?1 AND entity_id = ?2))"
                                 " ORDER BY id DESC LIMIT ?3",
                                 error);
  if (stmt == NULL)
    return NULL;

  certo_sqlite_bind_text (stmt, 1, entity);
  sqlite3_bind_int64 (stmt, 2, entity_id);
  sqlite3_bind_int64 (stmt, 3, limit > 0 ? (gint64) limit : -1);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
#define COL(i) ((const char *) sqlite3_column_text (stmt, i))
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
  const CertoEntity *req_entity = &entities[CERTO_ENTITY_REQUIREMENT];
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

      if (seed->workspace_values[i] == NULL || !(workspace_fields[i].flags & CERTO_FIELD_EDITABLE))
        continue;

      sql = g_strdup_printf ("UPDATE workspace SET %s = ?1 WHERE id = 1", workspace_fields[i].column);
      stmt = certo_sqlite_statement (sqlite, sql, error);
      if (stmt == NULL)
        goto failed;
      bind_field (stmt, 1, &workspace_fields[i], seed->workspace_values[i]);
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
    if (!_certo_workspace_db_set_links (sqlite, &entities[CERTO_ENTITY_EVIDENCE],
                                        *(gint64 *) key, value, error))
      goto failed;

  g_hash_table_iter_init (&iter, seed->finding_keys);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!_certo_workspace_db_set_links (sqlite, &entities[CERTO_ENTITY_FINDING],
                                        *(gint64 *) key, value, error))
      goto failed;

  /* The history starts with where the workspace came from */
  {
    g_autoptr(CertoWorkspaceChange) change = g_new0 (CertoWorkspaceChange, 1);

    change->entity = &entities[CERTO_ENTITY_WORKSPACE];
    change->id = 1;
    change->action = g_strdup ("migrate");
    change->old_value = g_strdup (seed->history_note);
    change->new_value = g_strdup (CERTO_FRAMEWORK_ISO27001_2022);
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
