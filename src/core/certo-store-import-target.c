/* certo-store-import-target.c — which source an import goes into, and
 * the shrink guard
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs on the store's worker thread, inside the import's transaction. A
 * file or URL import whose content has a feed id goes into the source
 * that has it, whatever its key; an import that would withdraw most of a
 * source's documents is refused unless the caller accepts removals.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "certo-model-private.h"
#include "certo-store-private.h"
#include "certo-text.h"

/* Which source an import goes into, and the shrink guard */
static const char find_by_identity_sql[] =
  "SELECT id, key FROM sources"
  " WHERE feed_id = ?1 AND kind IN ('file', 'url') AND id <> ?3"
  " ORDER BY key IS ?2 DESC, id LIMIT 1";
static const char move_key_sql[] =
  "UPDATE sources SET key = ?2 WHERE id = ?1"
  " AND NOT EXISTS (SELECT 1 FROM sources WHERE key = ?2)";
static const char count_documents_sql[] =
  "SELECT key FROM documents WHERE source_id = ?1 AND withdrawn_at IS NULL";

/* Prepared on the first import, whichever of them it needs, so that no
 * later import prepares a statement again */
static gboolean
prepare_target_statements (CertoSqlite   *db,
                           GError       **error)
{
  const char * const sql[] = { find_by_identity_sql, move_key_sql, count_documents_sql };

  for (guint i = 0; i < G_N_ELEMENTS (sql); i++)
    if (certo_sqlite_statement (db, sql[i], error) == NULL)
      return FALSE;
  return TRUE;
}

/* The file or URL source, other than @exclude_id, whose content has the
 * feed id @identity: the one keyed @key when it is one of them, else the
 * oldest. 0 when there is none. */
static gboolean
find_source_by_identity (CertoSqlite   *db,
                         const char    *identity,
                         const char    *key,
                         gint64         exclude_id,
                         gint64        *out_id,
                         char         **out_key,
                         GError       **error)
{
  g_autoptr(CertoSqliteStmt) stmt = certo_sqlite_statement (db,
    find_by_identity_sql, error);
  int rc;

  *out_id = 0;
  if (stmt == NULL)
    return FALSE;

  certo_sqlite_bind_text (stmt, 1, identity);
  certo_sqlite_bind_text (stmt, 2, key);
  sqlite3_bind_int64 (stmt, 3, exclude_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      certo_sqlite_set_error (db, rc, error);
      return FALSE;
    }

  if (rc == SQLITE_ROW)
    {
      *out_id = sqlite3_column_int64 (stmt, 0);
      if (out_key != NULL)
        *out_key = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
    }
  return TRUE;
}

/* Gives the source @id the key @key, unless another source has it */
static gboolean
move_key (CertoSqlite   *db,
          gint64         id,
          const char    *key,
          gboolean      *out_moved,
          GError       **error)
{
  g_autoptr(CertoSqliteStmt) stmt = certo_sqlite_statement (db,
    move_key_sql, error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  certo_sqlite_bind_text (stmt, 2, key);
  if (!certo_sqlite_step_done (db, stmt, error))
    return FALSE;

  *out_moved = sqlite3_changes (sqlite3_db_handle (stmt)) > 0;
  return TRUE;
}

/* How many documents @source_id shows, and how many of them @update
 * lacks (they would be withdrawn) */
static gboolean
count_withdrawn (CertoSqlite         *db,
                 gint64               source_id,
                 CertoCatalogUpdate  *update,
                 guint               *out_total,
                 guint               *out_gone,
                 GError             **error)
{
  g_autoptr(GHashTable) keys = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(CertoSqliteStmt) stmt = certo_sqlite_statement (db,
    count_documents_sql, error);
  int rc;

  *out_total = 0;
  *out_gone = 0;
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < update->documents->len; i++)
    g_hash_table_add (keys, ((CertoUpdateDocument *) g_ptr_array_index (update->documents, i))->id);

  sqlite3_bind_int64 (stmt, 1, source_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      (*out_total)++;
      if (!g_hash_table_contains (keys, sqlite3_column_text (stmt, 0)))
        (*out_gone)++;
    }
  if (rc != SQLITE_DONE)
    {
      certo_sqlite_set_error (db, rc, error);
      return FALSE;
    }

  return TRUE;
}

/* The shrink guard (see certo_store_import_async()) */
gboolean
certo_store_import_check_shrink (CertoSqlite           *db,
                                 CertoStoreImportData  *data,
                                 gint64                 replaced_id,
                                 GError               **error)
{
  guint total = 0;
  guint gone = 0;
  g_autofree char *name = NULL;
  g_autofree char *content = NULL;

  if (data->accept_removals || replaced_id <= 0)
    return TRUE;

  if (!count_withdrawn (db, replaced_id, data->update, &total, &gone, error))
    return FALSE;
  if (gone < CERTO_STORE_SHRINK_MIN || gone * 2 <= total)
    return TRUE;

  name = certo_store_db_dup_source_name (db, replaced_id);
  content = certo_text_escape_unsafe (data->location != NULL ? data->location : data->key);
  g_set_error (error, CERTO_STORE_ERROR, CERTO_STORE_ERROR_WOULD_WITHDRAW,
               /* Translators: "“new.md” would withdraw 20 of the 28 documents of “Source name”; …" */
               _("“%s” would withdraw %u of the %u documents of “%s”, so nothing was changed; if they were really withdrawn, import it again accepting the removals"),
               content, gone, total, name != NULL ? name : "");
  return FALSE;
}

/* Which source an update goes into. A file or URL import whose content
 * has an identity (a feed id) goes into the user source with that
 * identity, wherever that was read from, which then records where it was
 * read this time; a sync stays in its own source, and refuses content
 * that another source already has. Sets @out_replaced_id to the source
 * the shrink guard compares with: the user source whose rows the import
 * replaces, if any. */
gboolean
certo_store_import_resolve_target (CertoSqlite           *db,
                                   CertoStoreImportData  *data,
                                   gint64                *out_replaced_id,
                                   GError               **error)
{
  const char *identity = certo_catalog_update_get_identity (data->update);
  g_autofree char *same_key = NULL;
  gint64 same_id = 0;
  gint64 key_id = 0;
  gint64 key_generation = 0;

  *out_replaced_id = 0;
  if (!prepare_target_statements (db, error))
    return FALSE;
  if (data->kind == CERTO_SOURCE_KIND_BUILTIN)
    return TRUE;

  if (identity != NULL &&
      !find_source_by_identity (db, identity, data->key, data->source_id, &same_id, &same_key, error))
    return FALSE;

  if (data->source_id > 0)
    {
      g_autofree char *other = NULL;
      g_autofree char *content = NULL;
      g_autofree char *feed_id = NULL;

      if (same_id > 0)
        {
          g_autofree char *name = certo_store_db_dup_source_name (db, same_id);

          /* Only the feed ids are compared (one source per feed id), not
           * the content: the message must not claim more */
          other = certo_text_escape_unsafe (name != NULL ? name : "");
          content = certo_text_escape_unsafe (data->location != NULL ? data->location : data->key);
          feed_id = certo_text_escape_unsafe (identity);
          g_set_error (error, CERTO_STORE_ERROR, CERTO_STORE_ERROR_EXISTS,
                       /* Translators: the first %s is an address or file, the second a catalog's
                        * feed id ("microsoft-iso27001"), the third a source's name */
                       _("“%s” is the same catalog (feed id “%s”) as the source “%s”, and the catalog keeps one source per feed id; remove one of the two sources"),
                       content, feed_id, other);
          return FALSE;
        }
      *out_replaced_id = data->source_id;
    }
  else if (same_id > 0)
    {
      gboolean moved = FALSE;

      if (g_strcmp0 (same_key, data->key) != 0)
        {
          if (!move_key (db, same_id, data->key, &moved, error))
            return FALSE;
          if (!moved)
            {
              g_free (data->key);
              data->key = g_steal_pointer (&same_key);
            }
        }
      *out_replaced_id = same_id;
    }
  else
    {
      /* A built-in source this one replaces is not compared with: its
       * rows are only hidden, and come back when this one goes */
      if (!certo_store_import_find_source (db, data->key, &key_id, &key_generation, error))
        return FALSE;
      if (key_id > 0 && key_generation > 0)
        *out_replaced_id = key_id;
    }

  return TRUE;
}
