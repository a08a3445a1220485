/* certo-sync-diff.c — what an import changed, written as history in the
 * import's own transaction
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs on the store's worker thread. Before an import writes anything, the
 * source's documents and services are read into tables keyed by their ids
 * in the source; the import then hands each entity it writes to
 * certo_store_diff_document() / certo_store_diff_service(), which compare
 * field by field. What is left unseen afterwards was withdrawn (documents)
 * or left the scope (services). A source's first import is summarised in
 * one run row, never listed entity by entity.
 */
#include "config.h"

#include "certo-model-private.h"
#include "certo-store-private.h"


/* Prepared at every import, used or not: statements are prepared once
 * per connection, not when a later import first needs them */
#define SQL_INSERT_RUN \
  "INSERT INTO sync_runs (source_id, kind, first, date, n_documents, n_added, n_changed," \
  "                       n_withdrawn, n_services_added, n_services_removed, n_updated)" \
  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) RETURNING id"
#define SQL_MARK_UPDATED \
  "UPDATE documents SET updated_at = ?2 WHERE id = ?1"
#define SQL_INSERT_CHANGE \
  "INSERT INTO changes (run_id, kind, entity_key, document_id, service_id, title_json)" \
  " VALUES (?1, ?2, ?3, ?4, ?5, ?6) RETURNING id"
#define SQL_INSERT_FIELD \
  "INSERT INTO change_fields (change_id, position, field, old_value, new_value)" \
  " VALUES (?1, ?2, ?3, ?4, ?5)"
#define SQL_OLD_DOCUMENTS \
  "SELECT d.key, d.id, d.kind, d.title_json, f.key, d.issuer, d.certificate_number," \
  "       d.issued, d.expires," \
  "       (SELECT url FROM document_urls u WHERE u.document_id = d.id AND u.position = 0)," \
  "       d.withdrawn_at IS NOT NULL," \
  "       EXISTS (SELECT 1 FROM offline_documents o WHERE o.document_id = d.id)" \
  " FROM documents d LEFT JOIN families f ON f.id = d.family_id" \
  " WHERE d.source_id = ?1"
#define SQL_OLD_SERVICES \
  "SELECT key, id, name_json FROM services WHERE source_id = ?1"
#define SQL_KEEP_WITHDRAWN \
  "UPDATE documents SET generation = ?2, withdrawn_at = COALESCE (withdrawn_at, ?3)" \
  " WHERE id = ?1"

static const char * const all_statements[] = {
  SQL_INSERT_RUN, SQL_MARK_UPDATED, SQL_INSERT_CHANGE, SQL_INSERT_FIELD,
  SQL_OLD_DOCUMENTS, SQL_OLD_SERVICES, SQL_KEEP_WITHDRAWN,
};

typedef struct
{
  gint64 id;
  char *kind;
  char *title_json;
  char *family;
  char *issuer;
  char *certificate_number;
  char *issued;
  char *expires;
  char *url;
  gboolean withdrawn;
  gboolean offline;
  gboolean seen;
} OldDocument;

typedef struct
{
  gint64 id;
  char *name_json;
  gboolean seen;
} OldService;

typedef struct
{
  CertoChangeKind kind;
  char *key;
  gint64 document_id;
  gint64 service_id;
  char *title_json;
  GPtrArray *fields;        /* of CertoFieldChange *, nullable */
} Pending;

struct _CertoStoreDiff
{
  gboolean have_old;        /* FALSE: the source's first import */
  GHashTable *documents;    /* key → OldDocument */
  GHashTable *services;     /* key → OldService */
  GPtrArray *changes;       /* of Pending */
  GArray *changed_ids;      /* documents whose fields changed */
  guint n_added;
  guint n_changed;
  guint n_withdrawn;
  guint n_services_added;
  guint n_services_removed;
};

/* Helpers */

static void
old_document_free (gpointer data)
{
  OldDocument *d = data;

  g_free (d->kind);
  g_free (d->title_json);
  g_free (d->family);
  g_free (d->issuer);
  g_free (d->certificate_number);
  g_free (d->issued);
  g_free (d->expires);
  g_free (d->url);
  g_free (d);
}

static void
old_service_free (gpointer data)
{
  OldService *s = data;

  g_free (s->name_json);
  g_free (s);
}

static void
field_change_free (gpointer data)
{
  CertoFieldChange *f = data;

  g_free (f->field);
  g_free (f->old_value);
  g_free (f->new_value);
  g_free (f);
}

static void
pending_free (gpointer data)
{
  Pending *p = data;

  g_free (p->key);
  g_free (p->title_json);
  g_clear_pointer (&p->fields, g_ptr_array_unref);
  g_free (p);
}

static Pending *
add_pending (CertoStoreDiff  *diff,
             CertoChangeKind  kind,
             const char      *key,
             gint64           document_id,
             gint64           service_id,
             const char      *title_json)
{
  Pending *p = g_new0 (Pending, 1);

  p->kind = kind;
  p->key = g_strdup (key);
  p->document_id = document_id;
  p->service_id = service_id;
  p->title_json = g_strdup (title_json);
  g_ptr_array_add (diff->changes, p);
  return p;
}

static char *
column_dup (sqlite3_stmt *stmt,
            int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

/* Adds a field to @fields when @old_value and @new_value differ (NULL and
 * "" are the same: no value) */
static void
compare_field (GPtrArray  **fields,
               const char  *field,
               const char  *old_value,
               const char  *new_value)
{
  CertoFieldChange *change;

  if (old_value != NULL && *old_value == '\0')
    old_value = NULL;
  if (new_value != NULL && *new_value == '\0')
    new_value = NULL;
  if (g_strcmp0 (old_value, new_value) == 0)
    return;

  if (*fields == NULL)
    *fields = g_ptr_array_new_with_free_func (field_change_free);

  change = g_new0 (CertoFieldChange, 1);
  change->field = g_strdup (field);
  change->old_value = g_strdup (old_value);
  change->new_value = g_strdup (new_value);
  g_ptr_array_add (*fields, change);
}

static gboolean
insert_run (CertoSqlite       *db,
            gint64             source_id,
            const char        *kind,
            gboolean           first,
            const char        *now,
            CertoSyncSummary  *summary,
            gint64            *out_id,
            GError           **error)
{
  g_autoptr(CertoSqliteStmt) stmt = certo_sqlite_statement (db, SQL_INSERT_RUN, error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, source_id);
  certo_sqlite_bind_text (stmt, 2, kind);
  sqlite3_bind_int (stmt, 3, first);
  certo_sqlite_bind_text (stmt, 4, now);
  sqlite3_bind_int64 (stmt, 5, summary->n_documents);
  sqlite3_bind_int64 (stmt, 6, summary->n_added);
  sqlite3_bind_int64 (stmt, 7, summary->n_changed);
  sqlite3_bind_int64 (stmt, 8, summary->n_withdrawn);
  sqlite3_bind_int64 (stmt, 9, summary->n_services_added);
  sqlite3_bind_int64 (stmt, 10, summary->n_services_removed);
  sqlite3_bind_int64 (stmt, 11, summary->n_updated);

  if (!certo_sqlite_step_row (db, stmt, error))
    return FALSE;

  *out_id = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

static gboolean
mark_updated (CertoSqlite   *db,
              gint64         document_id,
              const char    *now,
              GError       **error)
{
  g_autoptr(CertoSqliteStmt) stmt = certo_sqlite_statement (db, SQL_MARK_UPDATED, error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, document_id);
  certo_sqlite_bind_text (stmt, 2, now);
  return certo_sqlite_step_done (db, stmt, error);
}

/* Shared with the document checks (certo-store-sync.c) */

gboolean
certo_store_db_insert_change (CertoSqlite      *db,
                              gint64            run_id,
                              CertoChangeKind   kind,
                              const char       *key,
                              gint64            document_id,
                              gint64            service_id,
                              const char       *title_json,
                              gint64           *out_id,
                              GError          **error)
{
  g_autoptr(CertoSqliteStmt) stmt = certo_sqlite_statement (db, SQL_INSERT_CHANGE, error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, run_id);
  certo_sqlite_bind_text (stmt, 2, certo_change_kind_to_string (kind));
  certo_sqlite_bind_text (stmt, 3, key);
  certo_store_db_bind_id (stmt, 4, document_id);
  certo_store_db_bind_id (stmt, 5, service_id);
  certo_sqlite_bind_text (stmt, 6, title_json);

  if (!certo_sqlite_step_row (db, stmt, error))
    return FALSE;

  if (out_id != NULL)
    *out_id = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

gboolean
certo_store_db_insert_field (CertoSqlite   *db,
                             gint64         change_id,
                             guint          position,
                             const char    *field,
                             const char    *old_value,
                             const char    *new_value,
                             GError       **error)
{
  g_autoptr(CertoSqliteStmt) stmt = certo_sqlite_statement (db, SQL_INSERT_FIELD, error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, change_id);
  sqlite3_bind_int (stmt, 2, position);
  certo_sqlite_bind_text (stmt, 3, field);
  certo_sqlite_bind_text (stmt, 4, old_value);
  certo_sqlite_bind_text (stmt, 5, new_value);
  return certo_sqlite_step_done (db, stmt, error);
}

/* The diff */

gboolean
certo_store_diff_prepare (CertoSqlite   *db,
                          GError       **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (all_statements); i++)
    if (certo_sqlite_statement (db, all_statements[i], error) == NULL)
      return FALSE;

  return TRUE;
}

CertoStoreDiff *
certo_store_diff_new (void)
{
  CertoStoreDiff *diff = g_new0 (CertoStoreDiff, 1);

  diff->documents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, old_document_free);
  diff->services = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, old_service_free);
  diff->changes = g_ptr_array_new_with_free_func (pending_free);
  diff->changed_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  return diff;
}

void
certo_store_diff_free (CertoStoreDiff *diff)
{
  if (diff == NULL)
    return;

  g_hash_table_unref (diff->documents);
  g_hash_table_unref (diff->services);
  g_ptr_array_unref (diff->changes);
  g_array_unref (diff->changed_ids);
  g_free (diff);
}

/* Reads what the source holds now; not called for a first import */
gboolean
certo_store_diff_read_old (CertoStoreDiff  *diff,
                           CertoSqlite     *db,
                           gint64           source_id,
                           GError         **error)
{
  g_autoptr(CertoSqliteStmt) documents = NULL;
  g_autoptr(CertoSqliteStmt) services = NULL;
  int rc;

  documents = certo_sqlite_statement (db, SQL_OLD_DOCUMENTS, error);
  if (documents == NULL)
    return FALSE;

  sqlite3_bind_int64 (documents, 1, source_id);
  while ((rc = sqlite3_step (documents)) == SQLITE_ROW)
    {
      OldDocument *d = g_new0 (OldDocument, 1);

      d->id = sqlite3_column_int64 (documents, 1);
      d->kind = column_dup (documents, 2);
      d->title_json = column_dup (documents, 3);
      d->family = column_dup (documents, 4);
      d->issuer = column_dup (documents, 5);
      d->certificate_number = column_dup (documents, 6);
      d->issued = column_dup (documents, 7);
      d->expires = column_dup (documents, 8);
      d->url = column_dup (documents, 9);
      d->withdrawn = sqlite3_column_int (documents, 10);
      d->offline = sqlite3_column_int (documents, 11);
      g_hash_table_insert (diff->documents, column_dup (documents, 0), d);
    }
  if (rc != SQLITE_DONE)
    {
      certo_sqlite_set_error (db, rc, error);
      return FALSE;
    }

  services = certo_sqlite_statement (db, SQL_OLD_SERVICES, error);
  if (services == NULL)
    return FALSE;

  sqlite3_bind_int64 (services, 1, source_id);
  while ((rc = sqlite3_step (services)) == SQLITE_ROW)
    {
      OldService *s = g_new0 (OldService, 1);

      s->id = sqlite3_column_int64 (services, 1);
      s->name_json = column_dup (services, 2);
      g_hash_table_insert (diff->services, column_dup (services, 0), s);
    }
  if (rc != SQLITE_DONE)
    {
      certo_sqlite_set_error (db, rc, error);
      return FALSE;
    }

  diff->have_old = TRUE;
  return TRUE;
}

/* A service the import wrote, with its row id */
void
certo_store_diff_service (CertoStoreDiff     *diff,
                          CertoUpdateService *service,
                          const char         *name_json,
                          gint64              id)
{
  OldService *old;

  if (!diff->have_old)
    return;

  old = g_hash_table_lookup (diff->services, service->id);
  if (old != NULL)
    {
      old->seen = TRUE;
      return;
    }

  add_pending (diff, CERTO_CHANGE_SERVICE_ADDED, service->id, 0, id, name_json);
  diff->n_services_added++;
}

/* A document the import wrote, with its row id. Returns TRUE when the
 * document was withdrawn and is back: its old links must go. */
gboolean
certo_store_diff_document (CertoStoreDiff      *diff,
                           CertoUpdateDocument *document,
                           const char          *title_json,
                           gint64               id)
{
  const char *url = document->urls != NULL && document->urls->len > 0
                    ? g_ptr_array_index (document->urls, 0) : NULL;
  g_autoptr(GPtrArray) fields = NULL;
  OldDocument *old;
  Pending *pending;

  if (!diff->have_old)
    {
      diff->n_added++;
      return FALSE;
    }

  old = g_hash_table_lookup (diff->documents, document->id);
  if (old == NULL || old->withdrawn)
    {
      add_pending (diff, CERTO_CHANGE_DOCUMENT_ADDED, document->id, id, 0, title_json);
      diff->n_added++;
      if (old != NULL)
        old->seen = TRUE;
      return old != NULL;
    }

  old->seen = TRUE;

  /* The fields a reader of certificates watches first */
  compare_field (&fields, "certificate_number", old->certificate_number, document->certificate_number);
  compare_field (&fields, "issuer", old->issuer, document->issuer);
  compare_field (&fields, "issued", old->issued, document->issued);
  compare_field (&fields, "expires", old->expires, document->expires);
  compare_field (&fields, "title", old->title_json, title_json);
  compare_field (&fields, "kind", old->kind, certo_document_kind_to_string (document->kind));
  compare_field (&fields, "family", old->family, document->family);
  compare_field (&fields, "url", old->url, url);

  if (fields == NULL)
    return FALSE;

  pending = add_pending (diff, CERTO_CHANGE_DOCUMENT_CHANGED, document->id, id, 0, title_json);
  pending->fields = g_steal_pointer (&fields);
  g_array_append_val (diff->changed_ids, id);
  diff->n_changed++;
  return FALSE;
}

/* Documents gone from the source: those saved offline stay, flagged
 * withdrawn, in this import's generation so the deletion that follows
 * spares them (and, flagged before the import rewrites links, with their
 * links); the others go with it. Either way, reported once. Runs before
 * the import writes any document. */
gboolean
certo_store_diff_keep_withdrawn (CertoStoreDiff      *diff,
                                 CertoSqlite         *db,
                                 CertoCatalogUpdate  *update,
                                 gint64               generation,
                                 const char          *now,
                                 GError             **error)
{
  g_autoptr(CertoSqliteStmt) keep = NULL;
  g_autoptr(GHashTable) listed = NULL;
  GHashTableIter iter;
  gpointer key, value;

  if (!diff->have_old)
    return TRUE;

  listed = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < update->documents->len; i++)
    g_hash_table_add (listed, ((CertoUpdateDocument *) g_ptr_array_index (update->documents, i))->id);

  keep = certo_sqlite_statement (db, SQL_KEEP_WITHDRAWN, error);
  if (keep == NULL)
    return FALSE;

  g_hash_table_iter_init (&iter, diff->documents);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      OldDocument *old = value;
      gboolean ok;

      if (g_hash_table_contains (listed, key))
        continue;

      old->seen = TRUE;
      if (!old->withdrawn)
        {
          add_pending (diff, CERTO_CHANGE_DOCUMENT_WITHDRAWN, key,
                       old->offline ? old->id : 0, 0, old->title_json);
          diff->n_withdrawn++;
        }

      if (!old->offline)
        continue;

      sqlite3_bind_int64 (keep, 1, old->id);
      sqlite3_bind_int64 (keep, 2, generation);
      certo_sqlite_bind_text (keep, 3, now);
      ok = certo_sqlite_step_done (db, keep, error);
      certo_sqlite_release (keep);
      if (!ok)
        return FALSE;
    }

  return TRUE;
}

/* The history of the import: a summarised run for a first import, else a
 * run and its changes when anything changed; nothing when nothing did */
gboolean
certo_store_diff_write (CertoStoreDiff    *diff,
                        CertoSqlite       *db,
                        gint64             source_id,
                        const char        *now,
                        CertoSyncSummary  *summary,
                        GError           **error)
{
  GHashTableIter iter;
  gpointer key, value;
  gint64 run_id = 0;

  if (diff->have_old)
    {
      g_hash_table_iter_init (&iter, diff->services);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          OldService *old = value;

          if (old->seen)
            continue;
          add_pending (diff, CERTO_CHANGE_SERVICE_REMOVED, key, 0, 0, old->name_json);
          diff->n_services_removed++;
        }
    }

  summary->n_added = diff->n_added;
  summary->n_changed = diff->n_changed;
  summary->n_withdrawn = diff->n_withdrawn;
  summary->n_services_added = diff->n_services_added;
  summary->n_services_removed = diff->n_services_removed;

  if (!diff->have_old)
    {
      summary->outcome = CERTO_SYNC_OUTCOME_FIRST_IMPORT;
      return insert_run (db, source_id, "import", TRUE, now, summary, &run_id, error);
    }

  if (diff->changes->len == 0)
    {
      summary->outcome = CERTO_SYNC_OUTCOME_UNCHANGED;
      return TRUE;
    }

  summary->outcome = CERTO_SYNC_OUTCOME_CHANGED;
  if (!insert_run (db, source_id, "import", FALSE, now, summary, &run_id, error))
    return FALSE;

  for (guint i = 0; i < diff->changes->len; i++)
    {
      Pending *p = g_ptr_array_index (diff->changes, i);
      gint64 change_id = 0;

      if (!certo_store_db_insert_change (db, run_id, p->kind, p->key, p->document_id,
                                         p->service_id, p->title_json, &change_id, error))
        return FALSE;

      for (guint j = 0; p->fields != NULL && j < p->fields->len; j++)
        {
          CertoFieldChange *f = g_ptr_array_index (p->fields, j);

          if (!certo_store_db_insert_field (db, change_id, j, f->field, f->old_value,
                                            f->new_value, error))
            return FALSE;
        }
    }

  for (guint i = 0; i < diff->changed_ids->len; i++)
    if (!mark_updated (db, g_array_index (diff->changed_ids, gint64, i), now, error))
      return FALSE;

  return TRUE;
}
