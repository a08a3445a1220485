/* certo-sync-refresh.c — one refresh of one source: fetch or read,
 * check, includes, parse off the main thread, import; and the refresh of
 * stale sources
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Steps of a CertoSyncJob (certo-sync.c runs the jobs). A 304, or the
 * same bytes again, writes only the source's status; a failure writes
 * only its status (last checked, last error, Retry-After) and leaves
 * every row as it was.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "certo-client-private.h"
#include "certo-model-private.h"
#include "certo-parse.h"
#include "certo-sync-private.h"
#include "certo-text.h"
#include "certo-util-private.h"

/* A refresh's state */
typedef struct
{
  char *key;
  CertoSourceKind kind;
  char *location;
  char *display;           /* names the source in messages */
  char *etag;
  char *last_modified;
  char *content_hash;
  CertoSourceFormat requested;
  gboolean imported;

  char *checked;
  GBytes *body;
  char *final_url;
  char *permanent_url;
  char *new_etag;
  char *new_last_modified;
  char *hash;
  gboolean unchanged;
  CertoSourceFormat format;
  GPtrArray *includes;
  guint next_include;
  gsize include_bytes;
  GPtrArray *warnings;
  CertoCatalogUpdate *update;
  CertoArticleText *text;
} Refresh;

/* Helpers */

static void
refresh_free (gpointer data)
{
  Refresh *r = data;

  g_free (r->key);
  g_free (r->location);
  g_free (r->display);
  g_free (r->etag);
  g_free (r->last_modified);
  g_free (r->content_hash);
  g_free (r->checked);
  g_clear_pointer (&r->body, g_bytes_unref);
  g_free (r->final_url);
  g_free (r->permanent_url);
  g_free (r->new_etag);
  g_free (r->new_last_modified);
  g_free (r->hash);
  g_clear_pointer (&r->includes, g_ptr_array_unref);
  g_clear_pointer (&r->warnings, g_ptr_array_unref);
  g_clear_pointer (&r->update, certo_catalog_update_free);
  g_clear_pointer (&r->text, certo_article_text_unref);
  g_free (r);
}

/* Refresh: failure */

static void
on_failure_recorded (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  CertoSyncJob *job = user_data;
  g_autoptr(GError) error = NULL;

  if (!certo_store_set_status_finish (CERTO_STORE (object), result, &error))
    g_debug ("The status of source %" G_GINT64_FORMAT " could not be saved: %s",
             job->source_id, error->message);
  else
    job->wrote = TRUE;

  certo_sync_job_complete (job);
}

/* Records why the refresh failed (last checked, last error, Retry-After)
 * and leaves every row as it was; cancelling and being offline record
 * nothing (offline is a normal state, not an error) */
static void
refresh_fail (CertoSyncJob *job,
              GError       *error)
{
  Refresh *r = job->data;
  CertoStoreStatus *status;
  gint64 retry_after;

  job->error = error;
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      g_error_matches (error, CERTO_CLIENT_ERROR, CERTO_CLIENT_ERROR_OFFLINE) ||
      g_error_matches (error, CERTO_STORE_ERROR, CERTO_STORE_ERROR_NOT_FOUND))
    {
      certo_sync_job_complete (job);
      return;
    }

  status = g_new0 (CertoStoreStatus, 1);
  status->source_id = job->source_id;
  status->checked = r->checked != NULL ? g_strdup (r->checked) : certo_now_iso8601 ();
  status->error = g_strdup (error->message);

  retry_after = certo_client_error_get_retry_after (error);
  if (retry_after > 0)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      g_autoptr(GDateTime) until = g_date_time_add_seconds (now, (gdouble) MIN (retry_after, 7 * 24 * 3600));

      status->retry_after = g_date_time_format_iso8601 (until);
    }

  certo_store_set_status_async (certo_catalog_get_store (certo_sync_get_catalog (job->self)), status, NULL,
                                on_failure_recorded, job);
}

/* Refresh: import */

static void
on_imported (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  CertoSyncJob *job = user_data;
  Refresh *r = job->data;
  CertoSyncSummary *summary;
  GError *error = NULL;

  summary = certo_store_sync_import_finish (CERTO_STORE (object), result, &error);
  if (summary == NULL)
    {
      refresh_fail (job, error);
      return;
    }

  for (guint i = 0; i < r->warnings->len; i++)
    g_ptr_array_add (summary->warnings, g_strdup (g_ptr_array_index (r->warnings, i)));
  summary->permanent_url = g_strdup (r->permanent_url);

  job->summary = summary;
  job->wrote = TRUE;
  certo_sync_job_complete (job);
}

static void
import (CertoSyncJob *job)
{
  Refresh *r = job->data;
  CertoStoreImportData *data = g_new0 (CertoStoreImportData, 1);

  /* The parser's warnings go in the summary, not the store */
  for (guint i = 0; i < r->update->warnings->len; i++)
    g_ptr_array_add (r->warnings, g_strdup (g_ptr_array_index (r->update->warnings, i)));

  data->key = g_strdup (r->key);
  data->kind = r->kind;
  data->format = r->update->format == CERTO_UPDATE_FORMAT_ARTICLE ? CERTO_SOURCE_FORMAT_ARTICLE
                                                                  : CERTO_SOURCE_FORMAT_CATALOG;
  /* Only a permanent redirect moves the stored address (RFC 9110 §15.4) */
  data->location = g_strdup (r->permanent_url);
  data->content_hash = g_strdup (r->hash);
  data->update = g_steal_pointer (&r->update);
  data->accept_removals = (job->flags & CERTO_IMPORT_ACCEPT_REMOVALS) != 0;
  data->source_id = job->source_id;
  data->checked = g_strdup (r->checked);
  data->set_validators = r->kind == CERTO_SOURCE_KIND_URL;
  data->etag = g_strdup (r->new_etag);
  data->last_modified = g_strdup (r->new_last_modified);
  data->text = g_steal_pointer (&r->text);

  certo_store_sync_import_async (certo_catalog_get_store (certo_sync_get_catalog (job->self)), data,
                                 job->cancellable, on_imported, job);
}

/* Refresh: status only (304, same bytes) */

static void
on_status_recorded (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  CertoSyncJob *job = user_data;
  GError *error = NULL;

  if (!certo_store_set_status_finish (CERTO_STORE (object), result, &error))
    {
      g_clear_pointer (&job->summary, certo_sync_summary_free);
      job->error = error;
      certo_sync_job_complete (job);
      return;
    }

  job->wrote = TRUE;
  certo_sync_job_complete (job);
}

static void
record_unchanged (CertoSyncJob     *job,
                  CertoSyncOutcome  outcome)
{
  Refresh *r = job->data;
  CertoStoreStatus *status = g_new0 (CertoStoreStatus, 1);
  CertoSource *source = job->source;

  status->source_id = job->source_id;
  status->checked = g_strdup (r->checked);
  status->refreshed = outcome == CERTO_SYNC_OUTCOME_UNCHANGED;
  status->set_validators = r->kind == CERTO_SOURCE_KIND_URL;
  status->etag = g_strdup (r->new_etag);
  status->last_modified = g_strdup (r->new_last_modified);
  status->location = g_strdup (r->permanent_url);

  job->summary = certo_sync_summary_new ();
  job->summary->source_id = job->source_id;
  job->summary->source_name = g_strdup (certo_source_get_name (source));
  job->summary->outcome = outcome;
  job->summary->n_documents = certo_source_get_n_documents (source);
  job->summary->n_services = certo_source_get_n_services (source);
  job->summary->permanent_url = g_strdup (r->permanent_url);
  for (guint i = 0; i < r->warnings->len; i++)
    g_ptr_array_add (job->summary->warnings, g_strdup (g_ptr_array_index (r->warnings, i)));

  certo_store_set_status_async (certo_catalog_get_store (certo_sync_get_catalog (job->self)), status, NULL,
                                on_status_recorded, job);
}

/* Refresh: parsing, off the main thread */

static void
parse_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  CertoSyncJob *job = task_data;
  Refresh *r = job->data;
  g_autoptr(GBytes) spliced = NULL;
  const char *base_uri = r->kind == CERTO_SOURCE_KIND_URL ? r->final_url : NULL;
  GError *error = NULL;

  spliced = r->includes != NULL ? certo_sync_splice_includes (r->body, r->includes) : g_bytes_ref (r->body);
  r->update = certo_sync_parse (spliced, r->requested, r->display, base_uri, &error);
  if (r->update == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (r->update->format == CERTO_UPDATE_FORMAT_ARTICLE)
    r->text = certo_article_text_extract (spliced, base_uri);

  g_task_return_boolean (task, TRUE);
}

static void
on_parsed (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  CertoSyncJob *job = user_data;
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      refresh_fail (job, error);
      return;
    }

  import (job);
}

static void
run_in_thread (CertoSyncJob        *job,
               GTaskThreadFunc      func,
               GAsyncReadyCallback  callback)
{
  /* No source object: the thread pool may drop its reference after the
   * callback ran, and must not keep the sync alive then */
  g_autoptr(GTask) task = g_task_new (NULL, job->cancellable, callback, job);

  g_task_set_task_data (task, job, NULL);
  g_task_run_in_thread (task, func);
}

static void
parse (CertoSyncJob *job)
{
  run_in_thread (job, parse_thread, on_parsed);
}

/* Refresh: includes of a fetched article, from its own folder */

static void fetch_next_include (CertoSyncJob *job);

static void
on_include_fetched (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  CertoSyncJob *job = user_data;
  Refresh *r = job->data;
  CertoInclude *include = g_ptr_array_index (r->includes, r->next_include);
  g_autoptr(CertoFetchResult) fetched = NULL;
  g_autoptr(GError) check_error = NULL;
  GError *error = NULL;

  fetched = certo_client_fetch_finish (CERTO_CLIENT (object), result, &error);
  if (fetched == NULL)
    {
      /* An include the publisher removed: the article still reads */
      if (!g_error_matches (error, CERTO_CLIENT_ERROR, CERTO_CLIENT_ERROR_HTTP_NOT_FOUND))
        {
          refresh_fail (job, error);
          return;
        }
      g_ptr_array_add (r->warnings,
                       g_strdup_printf (_("The include “%s” was not found; the article was read without it"),
                                        include->raw));
      g_error_free (error);
    }
  else if (!certo_sync_check_content_type (include->target, fetched->content_type, fetched->body, &check_error) ||
           r->include_bytes + g_bytes_get_size (fetched->body) > certo_client_get_max_body_size (certo_sync_get_client (job->self)))
    {
      g_ptr_array_add (r->warnings,
                       g_strdup_printf (_("The include “%s” is not a text Certo can read; the article was read without it"),
                                        include->raw));
    }
  else
    {
      r->include_bytes += g_bytes_get_size (fetched->body);
      include->content = g_bytes_ref (fetched->body);
    }

  r->next_include++;
  fetch_next_include (job);
}

static void
fetch_next_include (CertoSyncJob *job)
{
  Refresh *r = job->data;

  while (r->next_include < r->includes->len &&
         ((CertoInclude *) g_ptr_array_index (r->includes, r->next_include))->target == NULL)
    r->next_include++;

  if (r->next_include >= r->includes->len)
    {
      parse (job);
      return;
    }

  certo_client_fetch_async (certo_sync_get_client (job->self),
                            ((CertoInclude *) g_ptr_array_index (r->includes, r->next_include))->target,
                            NULL, NULL, job->cancellable, NULL, on_include_fetched, job);
}

/* Refresh: what came */

/* The content's hash and format; a fetched article's includes */
static void
analyse_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  CertoSyncJob *job = task_data;
  Refresh *r = job->data;

  r->hash = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, r->body);
  r->unchanged = r->imported && g_strcmp0 (r->hash, r->content_hash) == 0;
  if (r->unchanged)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  r->format = r->requested != CERTO_SOURCE_FORMAT_AUTO ? r->requested : certo_sync_detect_format (r->body);
  if (r->format == CERTO_SOURCE_FORMAT_ARTICLE)
    r->includes = certo_sync_find_includes (r->body, r->final_url, NULL, r->warnings);

  g_task_return_boolean (task, TRUE);
}

static void
on_analysed (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  CertoSyncJob *job = user_data;
  Refresh *r = job->data;
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      refresh_fail (job, error);
      return;
    }

  if (r->unchanged)
    {
      record_unchanged (job, CERTO_SYNC_OUTCOME_UNCHANGED);
      return;
    }

  if (r->includes != NULL && r->includes->len > 0)
    fetch_next_include (job);
  else
    parse (job);
}

static void
on_fetch_progress (guint64  received,
                   gint64   total,
                   gpointer user_data)
{
  certo_sync_job_progress (user_data, received, total);
}

static void
on_fetched (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  CertoSyncJob *job = user_data;
  Refresh *r = job->data;
  g_autoptr(CertoFetchResult) fetched = NULL;
  GError *error = NULL;

  fetched = certo_client_fetch_finish (CERTO_CLIENT (object), result, &error);
  if (fetched == NULL)
    {
      refresh_fail (job, error);
      return;
    }

  r->final_url = g_strdup (fetched->final_url);
  r->permanent_url = g_strdup (fetched->permanent_url);
  r->new_etag = g_strdup (fetched->etag);
  r->new_last_modified = g_strdup (fetched->last_modified);

  if (fetched->not_modified)
    {
      record_unchanged (job, CERTO_SYNC_OUTCOME_NOT_MODIFIED);
      return;
    }

  if (!certo_sync_check_content_type (fetched->final_url, fetched->content_type, fetched->body, &error))
    {
      refresh_fail (job, error);
      return;
    }

  r->body = g_bytes_ref (fetched->body);
  run_in_thread (job, analyse_thread, on_analysed);
}

/* Refresh: a local file, read and parsed in one go */

static void
file_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  CertoSyncJob *job = task_data;
  Refresh *r = job->data;
  /* Where it was last imported from: an import of the same content from
   * another file moves the source there (see CertoSourceSpec) */
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (r->location);
  g_autoptr(GBytes) spliced = NULL;
  gsize max_size = certo_client_get_max_body_size (certo_sync_get_client (job->self));
  GError *error = NULL;

  r->body = certo_parse_load_file (file, max_size, cancellable, &error);
  if (r->body == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  r->hash = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, r->body);
  r->unchanged = r->imported && g_strcmp0 (r->hash, r->content_hash) == 0;
  if (r->unchanged)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  r->format = r->requested != CERTO_SOURCE_FORMAT_AUTO ? r->requested : certo_sync_detect_format (r->body);
  if (r->format == CERTO_SOURCE_FORMAT_ARTICLE)
    {
      r->includes = certo_sync_find_includes (r->body, NULL, file, r->warnings);
      if (!certo_sync_read_file_includes (r->includes, max_size, cancellable, r->warnings, &error))
        {
          g_task_return_error (task, error);
          return;
        }
    }

  /* A local file's relative links stay text (DESIGN.md, "Network") */
  spliced = r->includes != NULL ? certo_sync_splice_includes (r->body, r->includes) : g_bytes_ref (r->body);
  r->update = certo_sync_parse (spliced, r->requested, r->display, NULL, &error);
  if (r->update == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (r->update->format == CERTO_UPDATE_FORMAT_ARTICLE)
    r->text = certo_article_text_extract (spliced, NULL);

  g_task_return_boolean (task, TRUE);
}

static void
on_file_read (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  CertoSyncJob *job = user_data;
  Refresh *r = job->data;
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      refresh_fail (job, error);
      return;
    }

  if (r->unchanged)
    record_unchanged (job, CERTO_SYNC_OUTCOME_UNCHANGED);
  else
    import (job);
}

void
certo_sync_refresh_start (CertoSyncJob *job)
{
  CertoSource *source = job->source;
  Refresh *r = g_new0 (Refresh, 1);

  job->data = r;
  job->data_free = refresh_free;

  r->key = g_strdup (certo_source_get_key (source));
  r->kind = certo_source_get_kind (source);
  r->location = g_strdup (certo_source_get_location (source) != NULL ? certo_source_get_location (source) : r->key);
  r->display = certo_text_escape_unsafe (r->location);
  r->etag = g_strdup (certo_source_get_etag (source));
  r->last_modified = g_strdup (certo_source_get_last_modified (source));
  r->content_hash = g_strdup (certo_source_get_content_hash (source));
  r->requested = certo_source_get_requested_format (source);
  r->imported = certo_source_get_last_refresh (source) != NULL;
  r->checked = certo_now_iso8601 ();
  r->warnings = g_ptr_array_new_with_free_func (g_free);

  certo_sync_emit_started (job->self, job->source_id);

  if (r->kind == CERTO_SOURCE_KIND_FILE)
    {
      run_in_thread (job, file_thread, on_file_read);
      return;
    }

  /* Validators only for content that was imported: a source whose first
   * import failed must get a body, not a 304 */
  certo_client_fetch_async (certo_sync_get_client (job->self), r->location,
                            r->imported ? r->etag : NULL,
                            r->imported ? r->last_modified : NULL,
                            job->cancellable, on_fetch_progress, on_fetched, job);
}

/* Refresh of stale sources */

typedef struct
{
  GPtrArray *sources;     /* to refresh */
  guint next;
  guint running;
  guint n_failed;
  GPtrArray *summaries;
} Stale;

static void
stale_free (gpointer data)
{
  Stale *s = data;

  g_ptr_array_unref (s->sources);
  g_ptr_array_unref (s->summaries);
  g_free (s);
}

static void stale_next (GTask *task);

static void
on_stale_refreshed (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Stale *s = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  CertoSyncSummary *summary;

  summary = certo_sync_refresh_finish (CERTO_SYNC (object), result, &error);
  if (summary != NULL)
    g_ptr_array_add (s->summaries, summary);
  else
    s->n_failed++;

  s->running--;
  stale_next (g_steal_pointer (&task));
}

/* Takes @task */
static void
stale_next (GTask *task)
{
  CertoSync *self = g_task_get_source_object (task);
  Stale *s = g_task_get_task_data (task);

  while (s->next < s->sources->len && s->running < CERTO_SYNC_REFRESH_CONCURRENCY &&
         !g_cancellable_is_cancelled (g_task_get_cancellable (task)))
    {
      s->running++;
      certo_sync_refresh_async (self, g_ptr_array_index (s->sources, s->next++),
                                g_task_get_cancellable (task), on_stale_refreshed, g_object_ref (task));
    }

  if (s->running == 0)
    {
      if (!g_task_return_error_if_cancelled (task))
        g_task_return_pointer (task, g_ptr_array_ref (s->summaries), (GDestroyNotify) g_ptr_array_unref);
    }

  g_object_unref (task);
}

static gboolean
is_stale (CertoSource *source,
          GDateTime   *now,
          gint64       interval)
{
  const char *checked = certo_source_get_last_checked (source);
  const char *retry_after = certo_source_get_retry_after (source);
  g_autoptr(GDateTime) when = NULL;

  if (retry_after != NULL)
    {
      g_autoptr(GDateTime) until = g_date_time_new_from_iso8601 (retry_after, NULL);

      if (until != NULL && g_date_time_compare (until, now) > 0)
        return FALSE;
    }

  if (interval <= 0 || checked == NULL || certo_source_get_last_error (source) != NULL ||
      certo_source_get_last_refresh (source) == NULL)
    return TRUE;

  when = g_date_time_new_from_iso8601 (checked, NULL);
  return when == NULL || g_date_time_difference (now, when) >= interval * G_TIME_SPAN_SECOND;
}

/* Public API */

/**
 * certo_sync_refresh_stale_async:
 * @self: a #CertoSync
 * @interval: seconds; sources checked longer ago than this (or never, or
 *   whose last refresh failed) are refreshed; 0 or less refreshes every
 *   source (on demand, Ctrl+R). With an interval, a source whose server
 *   asked to wait (Retry-After) is left alone until then.
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when every refresh has ended
 * @user_data: data for @callback
 *
 * Refreshes the catalog's URL and file sources, a few at a time; for
 * "refresh on start" pass the setting's interval
 * (%CERTO_SYNC_DEFAULT_INTERVAL by default). Each refresh emits
 * #CertoSync::source-finished.
 */
void
certo_sync_refresh_stale_async (CertoSync           *self,
                                gint64               interval,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  GListModel *sources;
  GTask *task;
  Stale *s;

  g_return_if_fail (CERTO_IS_SYNC (self));

  s = g_new0 (Stale, 1);
  s->sources = g_ptr_array_new_with_free_func (g_object_unref);
  s->summaries = g_ptr_array_new_with_free_func ((GDestroyNotify) certo_sync_summary_free);

  sources = certo_catalog_get_sources (certo_sync_get_catalog (self));
  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(CertoSource) source = g_list_model_get_item (sources, i);

      if (certo_source_can_sync (source) && is_stale (source, now, interval))
        g_ptr_array_add (s->sources, g_steal_pointer (&source));
    }

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, certo_sync_refresh_stale_async);
  g_task_set_task_data (task, s, stale_free);
  stale_next (task);
}

/**
 * certo_sync_refresh_stale_finish:
 * @self: a #CertoSync
 * @result: the result given to the callback
 * @out_n_failed: (out) (optional): how many refreshes failed (each
 *   source's last error says why)
 * @error: return location for %G_IO_ERROR_CANCELLED
 *
 * Returns: (transfer full) (element-type CertoSyncSummary) (nullable): the
 *   summaries of the refreshes that succeeded
 */
GPtrArray *
certo_sync_refresh_stale_finish (CertoSync     *self,
                                 GAsyncResult  *result,
                                 guint         *out_n_failed,
                                 GError       **error)
{
  Stale *s;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == certo_sync_refresh_stale_async, NULL);

  s = g_task_get_task_data (G_TASK (result));
  if (out_n_failed != NULL)
    *out_n_failed = s->n_failed;

  return g_task_propagate_pointer (G_TASK (result), error);
}
