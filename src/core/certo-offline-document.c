/* certo-offline-document.c — a document saved for offline reading
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "certo-model-private.h"

G_DEFINE_FINAL_TYPE (CertoOfflineDocument, certo_offline_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_DOCUMENT_ID,
  PROP_TITLE,
  PROP_PATH,
  PROP_FILE_NAME,
  PROP_SIZE,
  PROP_SHA256,
  PROP_CONTENT_TYPE,
  PROP_SOURCE_URL,
  PROP_ATTACHED,
  PROP_ADDED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
certo_offline_document_finalize (GObject *object)
{
  CertoOfflineDocument *self = CERTO_OFFLINE_DOCUMENT (object);

  g_free (self->document_key);
  g_clear_pointer (&self->title_localized, certo_localized_unref);
  g_free (self->file_name);
  g_free (self->path);
  g_free (self->sha256);
  g_free (self->content_type);
  g_free (self->source_url);
  g_free (self->added);
  g_free (self->etag);
  g_free (self->last_modified);

  G_OBJECT_CLASS (certo_offline_document_parent_class)->finalize (object);
}

static void
certo_offline_document_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  CertoOfflineDocument *self = CERTO_OFFLINE_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_DOCUMENT_ID:
      g_value_set_int64 (value, self->document_id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_FILE_NAME:
      g_value_set_string (value, self->file_name);
      break;
    case PROP_SIZE:
      g_value_set_uint64 (value, self->size);
      break;
    case PROP_SHA256:
      g_value_set_string (value, self->sha256);
      break;
    case PROP_CONTENT_TYPE:
      g_value_set_string (value, self->content_type);
      break;
    case PROP_SOURCE_URL:
      g_value_set_string (value, self->source_url);
      break;
    case PROP_ATTACHED:
      g_value_set_boolean (value, self->attached);
      break;
    case PROP_ADDED:
      g_value_set_string (value, self->added);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
certo_offline_document_class_init (CertoOfflineDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = certo_offline_document_finalize;
  object_class->get_property = certo_offline_document_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_DOCUMENT_ID] = g_param_spec_int64 ("document-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_PATH] = g_param_spec_string ("path", NULL, NULL, NULL, flags);
  properties[PROP_FILE_NAME] = g_param_spec_string ("file-name", NULL, NULL, NULL, flags);
  properties[PROP_SIZE] = g_param_spec_uint64 ("size", NULL, NULL, 0, G_MAXUINT64, 0, flags);
  properties[PROP_SHA256] = g_param_spec_string ("sha256", NULL, NULL, NULL, flags);
  properties[PROP_CONTENT_TYPE] = g_param_spec_string ("content-type", NULL, NULL, NULL, flags);
  properties[PROP_SOURCE_URL] = g_param_spec_string ("source-url", NULL, NULL, NULL, flags);
  properties[PROP_ATTACHED] = g_param_spec_boolean ("attached", NULL, NULL, FALSE, flags);
  properties[PROP_ADDED] = g_param_spec_string ("added", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
certo_offline_document_init (CertoOfflineDocument *self)
{
}

/**
 * certo_offline_document_get_id:
 * @self: a #CertoOfflineDocument
 *
 * Returns: the row id of the saved copy
 */
gint64
certo_offline_document_get_id (CertoOfflineDocument *self)
{
  g_return_val_if_fail (CERTO_IS_OFFLINE_DOCUMENT (self), 0);
  return self->id;
}

/**
 * certo_offline_document_get_document_id:
 * @self: a #CertoOfflineDocument
 *
 * Returns: the row id of the document saved, or 0 when it is no longer in the catalog (its source was removed)
 */
gint64
certo_offline_document_get_document_id (CertoOfflineDocument *self)
{
  g_return_val_if_fail (CERTO_IS_OFFLINE_DOCUMENT (self), 0);
  return self->document_id;
}

/**
 * certo_offline_document_get_source_id:
 * @self: a #CertoOfflineDocument
 *
 * Returns: the row id of the document's source, or 0 when removed
 */
gint64
certo_offline_document_get_source_id (CertoOfflineDocument *self)
{
  g_return_val_if_fail (CERTO_IS_OFFLINE_DOCUMENT (self), 0);
  return self->source_id;
}

/**
 * certo_offline_document_get_document_key:
 * @self: a #CertoOfflineDocument
 *
 * Returns: (transfer none) (nullable): the document's id within its source, as saved
 */
const char *
certo_offline_document_get_document_key (CertoOfflineDocument *self)
{
  g_return_val_if_fail (CERTO_IS_OFFLINE_DOCUMENT (self), NULL);
  return self->document_key;
}

/**
 * certo_offline_document_get_title:
 * @self: a #CertoOfflineDocument
 *
 * Returns: (transfer none): the document's title in the user's language (remote text: plain text), else the file name
 */
const char *
certo_offline_document_get_title (CertoOfflineDocument *self)
{
  g_return_val_if_fail (CERTO_IS_OFFLINE_DOCUMENT (self), NULL);
  return self->title != NULL ? self->title : "";
}

/**
 * certo_offline_document_get_title_localized:
 * @self: a #CertoOfflineDocument
 *
 * Returns: (transfer none) (nullable): the title in every language
 */
CertoLocalized *
certo_offline_document_get_title_localized (CertoOfflineDocument *self)
{
  g_return_val_if_fail (CERTO_IS_OFFLINE_DOCUMENT (self), NULL);
  return self->title_localized;
}

/**
 * certo_offline_document_get_file_name:
 * @self: a #CertoOfflineDocument
 *
 * Returns: (transfer none): the file's name in the offline folder (chosen by Certo, sanitised)
 */
const char *
certo_offline_document_get_file_name (CertoOfflineDocument *self)
{
  g_return_val_if_fail (CERTO_IS_OFFLINE_DOCUMENT (self), NULL);
  return self->file_name;
}

/**
 * certo_offline_document_get_path:
 * @self: a #CertoOfflineDocument
 *
 * Returns: (transfer none) (nullable): the file's absolute path, for "Open" (set by #CertoOffline)
 */
const char *
certo_offline_document_get_path (CertoOfflineDocument *self)
{
  g_return_val_if_fail (CERTO_IS_OFFLINE_DOCUMENT (self), NULL);
  return self->path;
}

/**
 * certo_offline_document_get_size:
 * @self: a #CertoOfflineDocument
 *
 * Returns: the file's size in bytes
 */
guint64
certo_offline_document_get_size (CertoOfflineDocument *self)
{
  g_return_val_if_fail (CERTO_IS_OFFLINE_DOCUMENT (self), 0);
  return self->size;
}

/**
 * certo_offline_document_get_sha256:
 * @self: a #CertoOfflineDocument
 *
 * Returns: (transfer none): the file's SHA-256, lower-case hex, computed when it was saved
 */
const char *
certo_offline_document_get_sha256 (CertoOfflineDocument *self)
{
  g_return_val_if_fail (CERTO_IS_OFFLINE_DOCUMENT (self), NULL);
  return self->sha256;
}

/**
 * certo_offline_document_get_content_type:
 * @self: a #CertoOfflineDocument
 *
 * Returns: (transfer none) (nullable): the media type ("application/pdf")
 */
const char *
certo_offline_document_get_content_type (CertoOfflineDocument *self)
{
  g_return_val_if_fail (CERTO_IS_OFFLINE_DOCUMENT (self), NULL);
  return self->content_type;
}

/**
 * certo_offline_document_get_source_url:
 * @self: a #CertoOfflineDocument
 *
 * Returns: (transfer none) (nullable): the address it was downloaded from; %NULL for a copy the user attached
 */
const char *
certo_offline_document_get_source_url (CertoOfflineDocument *self)
{
  g_return_val_if_fail (CERTO_IS_OFFLINE_DOCUMENT (self), NULL);
  return self->source_url;
}

/**
 * certo_offline_document_get_attached:
 * @self: a #CertoOfflineDocument
 *
 * Returns: %TRUE for a copy the user attached ("Attach a downloaded copy…"), %FALSE for one Certo downloaded
 */
gboolean
certo_offline_document_get_attached (CertoOfflineDocument *self)
{
  g_return_val_if_fail (CERTO_IS_OFFLINE_DOCUMENT (self), FALSE);
  return self->attached;
}

/**
 * certo_offline_document_get_added:
 * @self: a #CertoOfflineDocument
 *
 * Returns: (transfer none): when it was saved, ISO 8601 in UTC
 */
const char *
certo_offline_document_get_added (CertoOfflineDocument *self)
{
  g_return_val_if_fail (CERTO_IS_OFFLINE_DOCUMENT (self), NULL);
  return self->added;
}

/**
 * certo_offline_document_get_etag:
 * @self: a #CertoOfflineDocument
 *
 * Returns: (transfer none) (nullable): the server's ETag of the downloaded file
 */
const char *
certo_offline_document_get_etag (CertoOfflineDocument *self)
{
  g_return_val_if_fail (CERTO_IS_OFFLINE_DOCUMENT (self), NULL);
  return self->etag;
}

/**
 * certo_offline_document_get_last_modified:
 * @self: a #CertoOfflineDocument
 *
 * Returns: (transfer none) (nullable): the server's Last-Modified of the downloaded file
 */
const char *
certo_offline_document_get_last_modified (CertoOfflineDocument *self)
{
  g_return_val_if_fail (CERTO_IS_OFFLINE_DOCUMENT (self), NULL);
  return self->last_modified;
}

/**
 * certo_offline_document_get_file:
 * @self: a #CertoOfflineDocument
 *
 * Returns: (transfer full) (nullable): the saved file, for "Open" (a
 *   `file://` URI of Certo's own folder)
 */
GFile *
certo_offline_document_get_file (CertoOfflineDocument *self)
{
  g_return_val_if_fail (CERTO_IS_OFFLINE_DOCUMENT (self), NULL);
  return self->path != NULL ? g_file_new_for_path (self->path) : NULL;
}
