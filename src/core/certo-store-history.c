/* certo-store-history.c — reading the recent history of the catalog:
 * what syncs and document checks changed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs on the store's worker thread, inside the load's read transaction,
 * so the history matches the rows loaded with it.
 */
#include "config.h"

#include "certo-model-private.h"
#include "certo-store-private.h"

/* How far back "What's new" reaches, and how much of it is loaded */
#define HISTORY_DAYS 90
#define HISTORY_MAX_ROWS 2000

static CertoChangeKind
change_kind_from_string (const char *text)
{
  for (guint i = 0; i <= CERTO_CHANGE_SERVICE_REMOVED; i++)
    if (g_strcmp0 (text, certo_change_kind_to_string (i)) == 0)
      return i;

  return CERTO_CHANGE_DOCUMENT_CHANGED;
}

static void
set_title (CertoChange *change,
           const char  *json)
{
  if (json != NULL)
    change->title_localized = certo_store_localized_from_json (json);

  if (change->title_localized != NULL && !certo_localized_is_empty (change->title_localized))
    change->title = certo_localized_get_display (change->title_localized);
  else
    change->title = change->key;
}

/* A title's value is stored as JSON, like the title itself */
static char *
field_value (const char *field,
             const char *value)
{
  g_autoptr(CertoLocalized) text = NULL;

  if (value == NULL || g_strcmp0 (field, "title") != 0)
    return g_strdup (value);

  text = certo_store_localized_from_json (value);
  if (text == NULL || certo_localized_is_empty (text))
    return g_strdup (value);

  return g_strdup (certo_localized_get_display (text));
}

static gboolean
load_fields (CertoSqlite   *db,
             const char    *since,
             GHashTable    *by_id,
             GError       **error)
{
  g_autoptr(CertoSqliteStmt) stmt = NULL;
  g_autoptr(GArray) fields = g_array_new (FALSE, TRUE, sizeof (CertoFieldChange));
  CertoChange *owner = NULL;
  gint64 owner_id = 0;
  int rc;

  stmt = certo_sqlite_statement (db,
    "SELECT f.change_id, f.field, f.old_value, f.new_value"
    " FROM change_fields f JOIN changes c ON c.id = f.change_id"
    " JOIN sync_runs r ON r.id = c.run_id"
    " WHERE r.date >= ?1 ORDER BY f.change_id, f.position", error);
  if (stmt == NULL)
    return FALSE;

  certo_sqlite_bind_text (stmt, 1, since);
  while (TRUE)
    {
      gint64 change_id;
      CertoFieldChange field;

      rc = sqlite3_step (stmt);
      change_id = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;

      if (change_id != owner_id || rc != SQLITE_ROW)
        {
          if (owner != NULL && fields->len > 0)
            {
              owner->n_fields = fields->len;
              owner->fields = (CertoFieldChange *) g_array_free (g_steal_pointer (&fields), FALSE);
              fields = g_array_new (FALSE, TRUE, sizeof (CertoFieldChange));
            }
          owner_id = change_id;
          owner = g_hash_table_lookup (by_id, &owner_id);
        }

      if (rc != SQLITE_ROW)
        break;
      if (owner == NULL)
        continue;

      field.field = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      field.old_value = field_value (field.field, (const char *) sqlite3_column_text (stmt, 2));
      field.new_value = field_value (field.field, (const char *) sqlite3_column_text (stmt, 3));
      g_array_append_val (fields, field);
    }

  if (rc != SQLITE_DONE)
    {
      for (guint i = 0; i < fields->len; i++)
        {
          CertoFieldChange *f = &g_array_index (fields, CertoFieldChange, i);

          g_free (f->field);
          g_free (f->old_value);
          g_free (f->new_value);
        }
      certo_sqlite_set_error (db, rc, error);
      return FALSE;
    }

  return TRUE;
}

/* Appends CertoChange objects to @changes, newest run first; @sources maps
 * row ids to the CertoSource objects of the same load */
gboolean
certo_store_db_load_changes (CertoSqlite   *db,
                             GHashTable    *sources,
                             GPtrArray     *changes,
                             GError       **error)
{
  g_autoptr(CertoSqliteStmt) stmt = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) since_time = g_date_time_add_days (now, -HISTORY_DAYS);
  g_autofree char *since = g_date_time_format_iso8601 (since_time);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  int rc;

  stmt = certo_sqlite_statement (db,
    "SELECT r.id, r.source_id, r.first, r.date, r.n_added,"
    "       c.id, c.kind, c.entity_key, c.document_id, c.service_id, c.title_json"
    " FROM sync_runs r LEFT JOIN changes c ON c.run_id = r.id"
    " WHERE r.date >= ?1"
    " ORDER BY r.date DESC, r.id DESC, c.id LIMIT " G_STRINGIFY (HISTORY_MAX_ROWS), error);
  if (stmt == NULL)
    return FALSE;

  certo_sqlite_bind_text (stmt, 1, since);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CertoChange *change;
      CertoSource *source;
      gboolean first = sqlite3_column_int (stmt, 2);

      /* A run of changes has change rows; a first import has none */
      if (!first && sqlite3_column_type (stmt, 5) == SQLITE_NULL)
        continue;

      /* A built-in source that a user source replaces shows none of its
       * documents, so its first import is no news: the replacing source's
       * own first import says the same thing once */
      if (first)
        {
          gint64 source_id = sqlite3_column_int64 (stmt, 1);
          CertoSource *replaced = g_hash_table_lookup (sources, &source_id);

          if (replaced != NULL && certo_source_get_replaced_by (replaced) > 0)
            continue;
        }

      change = g_object_new (CERTO_TYPE_CHANGE, NULL);
      change->run_id = sqlite3_column_int64 (stmt, 0);
      change->source_id = sqlite3_column_int64 (stmt, 1);
      change->date = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      source = g_hash_table_lookup (sources, &change->source_id);
      change->source_name = g_strdup (source != NULL ? certo_source_get_name (source) : NULL);

      if (first)
        {
          change->id = -change->run_id;
          change->kind = CERTO_CHANGE_FIRST_IMPORT;
          change->count = sqlite3_column_int64 (stmt, 4);
          change->key = g_strdup (source != NULL ? certo_source_get_key (source) : "");
          change->title = change->source_name != NULL ? change->source_name : change->key;
        }
      else
        {
          change->id = sqlite3_column_int64 (stmt, 5);
          change->kind = change_kind_from_string ((const char *) sqlite3_column_text (stmt, 6));
          change->key = g_strdup ((const char *) sqlite3_column_text (stmt, 7));
          change->document_id = sqlite3_column_int64 (stmt, 8);
          change->service_id = sqlite3_column_int64 (stmt, 9);
          change->count = 1;
          set_title (change, (const char *) sqlite3_column_text (stmt, 10));
          g_hash_table_insert (by_id, &change->id, change);
        }

      g_ptr_array_add (changes, change);
    }

  if (rc != SQLITE_DONE)
    {
      certo_sqlite_set_error (db, rc, error);
      return FALSE;
    }

  return load_fields (db, since, by_id, error);
}
