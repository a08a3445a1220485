/* certo-workspace-schema.c — the workspace file's schema: its tables as
 * entities, its migrations, and the checks before a file is opened
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The entity tables below map each object property to its column;
 * certo-workspace-db.c loads and writes rows generically over them.
 *
 * The file (schema 1):
 *   workspace            one row: organisation, scope, framework, certificate
 *   requirement          one row per requirement, in the framework's order
 *   evidence             evidence items (file, link, Library snapshot)
 *   evidence_file        the bytes of stored files (BLOB), one row per item
 *   evidence_requirement which requirements an item supports
 *   audit, finding, finding_requirement, soa_version (schema 2: with the
 *                        SHA-256 of the SoA content each approval approved)
 *   history              every change: when, who, what, old and new value
 *                        (schema 2: and the undo step it belongs to)
 * Enumerations are stored by nick ("in-progress"), dates as YYYY-MM-DD.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>

#include "certo-workspace-private.h"

#define E CERTO_FIELD_EDITABLE
#define L CERTO_FIELD_LINK
#define I CERTO_FIELD_INTEGER
#define M CERTO_FIELD_MULTILINE
#define H CERTO_FIELD_HIDDEN

static const CertoField workspace_fields[] = {
  [CERTO_WS_ORGANISATION] = { "organisation", "organisation", E },
  [CERTO_WS_SCOPE] = { "scope", "scope", E | M },
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
  { "exclusion-justification", "exclusion_justification", E | M },
  { "status", "status", E },
  { "audit-result", "audit_result", E },
  { "control-type", "control_type", E },
  { "obligation", "obligation", E },
  { "owner", "owner", E },
  { "due-date", "due_date", E },
  { "notes", "notes", E | M },
};

static const CertoField evidence_fields[] = {
  { "kind", "kind", 0 },
  { "title", "title", E },
  { "description", "description", E | M },
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
  { "notes", "notes", E | M },
  { "removed", "removed", E | I },
};

static const CertoField finding_fields[] = {
  { "kind", "kind", E },
  { "audit-id", "audit_id", E | I },
  { "reference", "reference", E },
  { "description", "description", E | M },
  { "requirement-keys", NULL, E | L },
  { "corrective-action", "corrective_action", E | M },
  { "due-date", "due_date", E },
  { "closed-date", "closed_date", E },
  { "removed", "removed", E | I },
};

static const CertoField soa_version_fields[] = {
  { "version", "version", E },
  { "approver", "approver", E },
  { "approval-date", "approval_date", E },
  { "notes", "notes", E | M },
  { "removed", "removed", E | I },
  { "content-sha256", "content_sha256", E | H },
};

#undef E
#undef L
#undef I
#undef M
#undef H

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

  /* 2: what an approval approved (the SoA's content, certo-workspace-fields.c),
   * so a change after it turns the SoA back into a draft; the undo step
   * each change belongs to, so a later session can undo it
   * (certo-workspace-undo.c) */
  "ALTER TABLE soa_version ADD COLUMN content_sha256 TEXT;"
  "ALTER TABLE history ADD COLUMN undo_group INTEGER;"
  "CREATE INDEX history_by_undo_group ON history (undo_group) WHERE undo_group IS NOT NULL;",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == CERTO_WORKSPACE_SCHEMA_VERSION);

/* Helpers */

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
                   _("“%s” was made by a newer version of Certo (format %" PRId64 ", this version reads up to %d). Update Certo to open it; the file was not changed."),
                   display_name, (int64_t) version, CERTO_WORKSPACE_SCHEMA_VERSION);
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
