/* certo-offline-job.c — one document in the download queue
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "certo-offline-private.h"

G_DEFINE_FINAL_TYPE (CertoOfflineJob, certo_offline_job, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DOCUMENT_ID,
  PROP_TITLE,
  PROP_URL,
  PROP_STATE,
  PROP_RECEIVED,
  PROP_TOTAL,
  PROP_FRACTION,
  PROP_ERROR_MESSAGE,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
certo_offline_job_dispose (GObject *object)
{
  CertoOfflineJob *self = CERTO_OFFLINE_JOB (object);

  g_clear_object (&self->document);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (certo_offline_job_parent_class)->dispose (object);
}

static void
certo_offline_job_finalize (GObject *object)
{
  CertoOfflineJob *self = CERTO_OFFLINE_JOB (object);

  g_free (self->key);
  g_free (self->title);
  g_free (self->url);
  g_clear_error (&self->error);
  g_clear_pointer (&self->waiters, g_ptr_array_unref);

  G_OBJECT_CLASS (certo_offline_job_parent_class)->finalize (object);
}

static void
certo_offline_job_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CertoOfflineJob *self = CERTO_OFFLINE_JOB (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT_ID:
      g_value_set_int64 (value, self->document_id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_URL:
      g_value_set_string (value, self->url);
      break;
    case PROP_STATE:
      g_value_set_int (value, self->state);
      break;
    case PROP_RECEIVED:
      g_value_set_uint64 (value, self->received);
      break;
    case PROP_TOTAL:
      g_value_set_int64 (value, self->total);
      break;
    case PROP_FRACTION:
      g_value_set_double (value, certo_offline_job_get_fraction (self));
      break;
    case PROP_ERROR_MESSAGE:
      g_value_set_string (value, self->error != NULL ? self->error->message : NULL);
      break;
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
certo_offline_job_class_init (CertoOfflineJobClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = certo_offline_job_dispose;
  object_class->finalize = certo_offline_job_finalize;
  object_class->get_property = certo_offline_job_get_property;

  properties[PROP_DOCUMENT_ID] = g_param_spec_int64 ("document-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_URL] = g_param_spec_string ("url", NULL, NULL, NULL, flags);
  properties[PROP_STATE] = g_param_spec_int ("state", NULL, NULL, 0, CERTO_OFFLINE_JOB_CANCELLED, 0, flags);
  properties[PROP_RECEIVED] = g_param_spec_uint64 ("received", NULL, NULL, 0, G_MAXUINT64, 0, flags);
  properties[PROP_TOTAL] = g_param_spec_int64 ("total", NULL, NULL, -1, G_MAXINT64, -1, flags);
  properties[PROP_FRACTION] = g_param_spec_double ("fraction", NULL, NULL, -1, 1, -1, flags);
  properties[PROP_ERROR_MESSAGE] = g_param_spec_string ("error-message", NULL, NULL, NULL, flags);
  properties[PROP_DOCUMENT] = g_param_spec_object ("document", NULL, NULL, CERTO_TYPE_OFFLINE_DOCUMENT, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
certo_offline_job_init (CertoOfflineJob *self)
{
  self->total = -1;
  self->cancellable = g_cancellable_new ();
  self->waiters = g_ptr_array_new ();
}

/* Private API */

CertoOfflineJob *
certo_offline_job_new (CertoDocument *document)
{
  CertoOfflineJob *self = g_object_new (CERTO_TYPE_OFFLINE_JOB, NULL);

  self->document_id = certo_document_get_id (document);
  self->key = g_strdup (certo_document_get_key (document));
  self->title = g_strdup (certo_document_get_title (document));
  self->url = g_strdup (certo_document_get_url (document));
  return self;
}

void
certo_offline_job_set_state (CertoOfflineJob      *self,
                             CertoOfflineJobState  state)
{
  if (self->state == state)
    return;

  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

void
certo_offline_job_set_progress (CertoOfflineJob *self,
                                guint64          received,
                                gint64           total)
{
  g_object_freeze_notify (G_OBJECT (self));
  if (self->received != received)
    {
      self->received = received;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECEIVED]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);
    }
  if (self->total != total)
    {
      self->total = total;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOTAL]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

/* Takes @error */
void
certo_offline_job_finish (CertoOfflineJob      *self,
                          CertoOfflineDocument *document,
                          GError               *error)
{
  g_object_freeze_notify (G_OBJECT (self));
  if (error != NULL)
    {
      g_clear_error (&self->error);
      self->error = error;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR_MESSAGE]);
      certo_offline_job_set_state (self, g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
                                         ? CERTO_OFFLINE_JOB_CANCELLED : CERTO_OFFLINE_JOB_FAILED);
    }
  else
    {
      g_set_object (&self->document, document);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
      certo_offline_job_set_state (self, CERTO_OFFLINE_JOB_DONE);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);
  g_object_thaw_notify (G_OBJECT (self));
}

/* Public API */

/**
 * certo_offline_job_get_document_id:
 * @self: a #CertoOfflineJob
 *
 * Returns: the row id of the document being saved
 */
gint64
certo_offline_job_get_document_id (CertoOfflineJob *self)
{
  g_return_val_if_fail (CERTO_IS_OFFLINE_JOB (self), 0);
  return self->document_id;
}

/**
 * certo_offline_job_get_title:
 * @self: a #CertoOfflineJob
 *
 * Returns: (transfer none): the document's title (plain text)
 */
const char *
certo_offline_job_get_title (CertoOfflineJob *self)
{
  g_return_val_if_fail (CERTO_IS_OFFLINE_JOB (self), NULL);
  return self->title;
}

/**
 * certo_offline_job_get_url:
 * @self: a #CertoOfflineJob
 *
 * Returns: (transfer none) (nullable): the address downloaded
 */
const char *
certo_offline_job_get_url (CertoOfflineJob *self)
{
  g_return_val_if_fail (CERTO_IS_OFFLINE_JOB (self), NULL);
  return self->url;
}

/**
 * certo_offline_job_get_state:
 * @self: a #CertoOfflineJob
 *
 * Returns: where the job is
 */
CertoOfflineJobState
certo_offline_job_get_state (CertoOfflineJob *self)
{
  g_return_val_if_fail (CERTO_IS_OFFLINE_JOB (self), CERTO_OFFLINE_JOB_FAILED);
  return self->state;
}

/**
 * certo_offline_job_get_received:
 * @self: a #CertoOfflineJob
 *
 * Returns: bytes received so far (a resumed download counts the bytes kept)
 */
guint64
certo_offline_job_get_received (CertoOfflineJob *self)
{
  g_return_val_if_fail (CERTO_IS_OFFLINE_JOB (self), 0);
  return self->received;
}

/**
 * certo_offline_job_get_total:
 * @self: a #CertoOfflineJob
 *
 * Returns: the document's size in bytes, or -1 while unknown
 */
gint64
certo_offline_job_get_total (CertoOfflineJob *self)
{
  g_return_val_if_fail (CERTO_IS_OFFLINE_JOB (self), -1);
  return self->total;
}

/**
 * certo_offline_job_get_fraction:
 * @self: a #CertoOfflineJob
 *
 * Returns: the progress from 0 to 1; 1 once done; -1 while the size is
 *   unknown (show a pulsing bar)
 */
double
certo_offline_job_get_fraction (CertoOfflineJob *self)
{
  g_return_val_if_fail (CERTO_IS_OFFLINE_JOB (self), -1);

  if (self->state == CERTO_OFFLINE_JOB_DONE)
    return 1.0;
  if (self->state == CERTO_OFFLINE_JOB_QUEUED)
    return 0.0;
  if (self->total <= 0)
    return -1.0;

  return MIN (1.0, (double) self->received / (double) self->total);
}

/**
 * certo_offline_job_get_error:
 * @self: a #CertoOfflineJob
 *
 * Returns: (transfer none) (nullable): why the job failed: a
 *   #CertoClientError (%CERTO_CLIENT_ERROR_SIGN_IN_REQUIRED: "This
 *   document needs a sign-in at the provider; download it in your
 *   browser, then attach it"), a #GIOError, a #CertoStoreError
 */
const GError *
certo_offline_job_get_error (CertoOfflineJob *self)
{
  g_return_val_if_fail (CERTO_IS_OFFLINE_JOB (self), NULL);
  return self->error;
}

/**
 * certo_offline_job_get_document:
 * @self: a #CertoOfflineJob
 *
 * Returns: (transfer none) (nullable): the saved copy, once done
 */
CertoOfflineDocument *
certo_offline_job_get_document (CertoOfflineJob *self)
{
  g_return_val_if_fail (CERTO_IS_OFFLINE_JOB (self), NULL);
  return self->document;
}

/**
 * certo_offline_job_cancel:
 * @self: a #CertoOfflineJob
 *
 * Cancels the download (queued or running); nothing of it is kept.
 */
void
certo_offline_job_cancel (CertoOfflineJob *self)
{
  g_return_if_fail (CERTO_IS_OFFLINE_JOB (self));
  g_cancellable_cancel (self->cancellable);
}
