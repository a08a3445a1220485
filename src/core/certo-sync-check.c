/* certo-sync-check.c — "Check documents": probe each document's link,
 * a few at a time, and record what answered
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The probes run on the caller's main context (CertoClient is
 * asynchronous); their results are written in one transaction at the end
 * (certo-store-sync.c), which also compares them with the last check: a
 * changed ETag, size or Last-Modified behind the same link is history.
 */
#include "config.h"

#include "certo-model-private.h"
#include "certo-sync-private.h"

typedef struct
{
  gint64 document_id;
  char *url;
} Target;

typedef struct
{
  GPtrArray *targets;     /* of Target */
  guint next;
  guint running;
  guint done;
  GPtrArray *probes;      /* of CertoStoreProbe */
  GError *abort;          /* offline or cancelled: nothing is recorded */
} Check;

typedef struct
{
  CertoSyncJob *job;
  Target *target;
} Probe;

static void probe_next (CertoSyncJob *job);

static void
target_free (gpointer data)
{
  Target *t = data;

  g_free (t->url);
  g_free (t);
}

static void
check_free (gpointer data)
{
  Check *c = data;

  g_ptr_array_unref (c->targets);
  g_ptr_array_unref (c->probes);
  g_clear_error (&c->abort);
  g_free (c);
}

static void
on_recorded (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  CertoSyncJob *job = user_data;
  GError *error = NULL;

  job->summary = certo_store_record_probes_finish (CERTO_STORE (object), result, &error);
  if (job->summary == NULL)
    job->error = error;
  else
    job->wrote = TRUE;

  certo_sync_job_complete (job);
}

static void
finish_check (CertoSyncJob *job)
{
  Check *c = job->data;

  if (c->abort != NULL)
    {
      job->error = g_steal_pointer (&c->abort);
      certo_sync_job_complete (job);
      return;
    }

  certo_store_record_probes_async (certo_catalog_get_store (certo_sync_get_catalog (job->self)), job->source_id,
                                   g_steal_pointer (&c->probes), NULL, on_recorded, job);
  c->probes = g_ptr_array_new ();
}

static void
on_probed (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Probe *p = user_data;
  CertoSyncJob *job = p->job;
  Check *c = job->data;
  CertoStoreProbe *probe;
  CertoProbeResult *probed;
  GError *error = NULL;

  probed = certo_client_probe_finish (CERTO_CLIENT (object), result, &error);
  c->running--;
  c->done++;

  if (probed == NULL &&
      (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
       g_error_matches (error, CERTO_CLIENT_ERROR, CERTO_CLIENT_ERROR_OFFLINE)))
    {
      if (c->abort == NULL)
        c->abort = error;
      else
        g_error_free (error);
    }
  else
    {
      probe = g_new0 (CertoStoreProbe, 1);
      probe->document_id = p->target->document_id;
      probe->url = g_strdup (p->target->url);
      probe->result = probed;
      if (error != NULL)
        {
          probe->error = g_strdup (error->message);
          g_error_free (error);
        }
      g_ptr_array_add (c->probes, probe);
    }
  g_free (p);

  certo_sync_emit_check_progress (job->self, c->done, c->targets->len);
  probe_next (job);
}

static void
probe_next (CertoSyncJob *job)
{
  Check *c = job->data;

  while (c->abort == NULL && c->next < c->targets->len && c->running < CERTO_SYNC_CHECK_CONCURRENCY)
    {
      Probe *p = g_new0 (Probe, 1);

      p->job = job;
      p->target = g_ptr_array_index (c->targets, c->next++);
      c->running++;
      certo_client_probe_async (certo_sync_get_client (job->self), p->target->url, job->cancellable, on_probed, p);
    }

  if (c->running == 0)
    finish_check (job);
}

void
certo_sync_check_start (CertoSyncJob *job)
{
  CertoCatalog *catalog = certo_sync_get_catalog (job->self);
  GListModel *documents = certo_catalog_get_documents (catalog);
  Check *c = g_new0 (Check, 1);

  job->data = c;
  job->data_free = check_free;
  c->targets = g_ptr_array_new_with_free_func (target_free);
  c->probes = g_ptr_array_new_with_free_func ((GDestroyNotify) certo_store_probe_free);

  for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
    {
      g_autoptr(CertoDocument) document = g_list_model_get_item (documents, i);
      const char *url = certo_document_get_url (document);
      Target *t;

      if (certo_document_get_source_id (document) != job->source_id ||
          certo_document_get_withdrawn (document) || url == NULL || !certo_uri_is_web (url))
        continue;

      t = g_new0 (Target, 1);
      t->document_id = certo_document_get_id (document);
      t->url = g_strdup (url);
      g_ptr_array_add (c->targets, t);
    }

  certo_sync_emit_check_progress (job->self, 0, c->targets->len);
  probe_next (job);
}

/* Public API */

/**
 * certo_sync_check_documents_async:
 * @self: a #CertoSync
 * @source: the source whose documents to check
 * @cancellable: (nullable): a #GCancellable
 * @callback: called after the catalog's models show the result
 * @user_data: data for @callback
 *
 * "Check documents": probes the link of each document of @source that is
 * still listed (HEAD, falling back to a one-byte ranged GET; see
 * certo_client_probe_async()), %CERTO_SYNC_CHECK_CONCURRENCY at a time,
 * and records the final URL, content type, size, Last-Modified and ETag
 * of each. A document whose ETag, size or Last-Modified changed behind
 * the same link since the last check is recorded as
 * %CERTO_CHANGE_DOCUMENT_UPDATED and shows as updated. Emits
 * #CertoSync::check-progress. A check of @source already running is
 * joined.
 */
void
certo_sync_check_documents_async (CertoSync           *self,
                                  CertoSource         *source,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (CERTO_IS_SYNC (self));
  g_return_if_fail (CERTO_IS_SOURCE (source));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, certo_sync_check_documents_async);
  certo_sync_request_job (self, CERTO_SYNC_JOB_CHECK, source, task);
}

/**
 * certo_sync_check_documents_finish:
 * @self: a #CertoSync
 * @result: the result given to the callback
 * @error: return location for a #CertoStoreError or %G_IO_ERROR_CANCELLED
 *   (a document that cannot be reached is counted in
 *   #CertoSyncSummary.n_check_failed, not an error)
 *
 * Returns: (transfer full) (nullable): how many documents were probed,
 *   could not be reached, and changed behind their links
 */
CertoSyncSummary *
certo_sync_check_documents_finish (CertoSync     *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == certo_sync_check_documents_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
