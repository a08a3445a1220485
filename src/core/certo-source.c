/* certo-source.c — where catalog content comes from
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "certo-model-private.h"

G_DEFINE_FINAL_TYPE (CertoSource, certo_source, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_KEY,
  PROP_KIND,
  PROP_NAME,
  PROP_LOCATION,
  PROP_PUBLISHER,
  PROP_CONTENT_DATE,
  PROP_LAST_REFRESH,
  PROP_LAST_ERROR,
  PROP_N_DOCUMENTS,
  PROP_N_SERVICES,
  PROP_REMOVABLE,
  PROP_LAST_CHECKED,
  PROP_REQUESTED_FORMAT,
  PROP_N_WITHDRAWN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

const char * const certo_model_empty_strv[] = { NULL };

/* Stored in the database as text, so the enums may be reordered */
static const char * const kind_names[] = {
  [CERTO_SOURCE_KIND_BUILTIN] = "builtin",
  [CERTO_SOURCE_KIND_FILE] = "file",
  [CERTO_SOURCE_KIND_URL] = "url",
};

static const char * const format_names[] = {
  [CERTO_SOURCE_FORMAT_AUTO] = "auto",
  [CERTO_SOURCE_FORMAT_CATALOG] = "catalog",
  [CERTO_SOURCE_FORMAT_ARTICLE] = "article",
};

static void
certo_source_finalize (GObject *object)
{
  CertoSource *self = CERTO_SOURCE (object);

  g_free (self->key);
  g_free (self->name);
  g_free (self->location);
  g_free (self->publisher);
  g_clear_pointer (&self->title, certo_localized_unref);
  g_free (self->homepage);
  g_free (self->content_date);
  g_free (self->content_hash);
  g_free (self->last_refresh);
  g_free (self->last_error);
  g_free (self->last_checked);
  g_free (self->etag);
  g_free (self->last_modified);
  g_free (self->retry_after);
  g_free (self->feed_id);
  g_free (self->sort_key);

  G_OBJECT_CLASS (certo_source_parent_class)->finalize (object);
}

static void
certo_source_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  CertoSource *self = CERTO_SOURCE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_KEY:
      g_value_set_string (value, self->key);
      break;
    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_LOCATION:
      g_value_set_string (value, self->location);
      break;
    case PROP_PUBLISHER:
      g_value_set_string (value, self->publisher);
      break;
    case PROP_CONTENT_DATE:
      g_value_set_string (value, self->content_date);
      break;
    case PROP_LAST_REFRESH:
      g_value_set_string (value, self->last_refresh);
      break;
    case PROP_LAST_ERROR:
      g_value_set_string (value, self->last_error);
      break;
    case PROP_N_DOCUMENTS:
      g_value_set_uint (value, self->n_documents);
      break;
    case PROP_N_SERVICES:
      g_value_set_uint (value, self->n_services);
      break;
    case PROP_REMOVABLE:
      g_value_set_boolean (value, certo_source_is_removable (self));
      break;
    case PROP_LAST_CHECKED:
      g_value_set_string (value, self->last_checked);
      break;
    case PROP_REQUESTED_FORMAT:
      g_value_set_int (value, self->requested_format);
      break;
    case PROP_N_WITHDRAWN:
      g_value_set_uint (value, self->n_withdrawn);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
certo_source_class_init (CertoSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = certo_source_finalize;
  object_class->get_property = certo_source_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_KEY] = g_param_spec_string ("key", NULL, NULL, NULL, flags);
  properties[PROP_KIND] = g_param_spec_int ("kind", NULL, NULL, 0, CERTO_SOURCE_KIND_URL, 0, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_LOCATION] = g_param_spec_string ("location", NULL, NULL, NULL, flags);
  properties[PROP_PUBLISHER] = g_param_spec_string ("publisher", NULL, NULL, NULL, flags);
  properties[PROP_CONTENT_DATE] = g_param_spec_string ("content-date", NULL, NULL, NULL, flags);
  properties[PROP_LAST_REFRESH] = g_param_spec_string ("last-refresh", NULL, NULL, NULL, flags);
  properties[PROP_LAST_ERROR] = g_param_spec_string ("last-error", NULL, NULL, NULL, flags);
  properties[PROP_N_DOCUMENTS] = g_param_spec_uint ("n-documents", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_N_SERVICES] = g_param_spec_uint ("n-services", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_REMOVABLE] = g_param_spec_boolean ("removable", NULL, NULL, FALSE, flags);
  properties[PROP_LAST_CHECKED] = g_param_spec_string ("last-checked", NULL, NULL, NULL, flags);
  properties[PROP_REQUESTED_FORMAT] = g_param_spec_int ("requested-format", NULL, NULL, 0,
                                                        CERTO_SOURCE_FORMAT_ARTICLE, 0, flags);
  properties[PROP_N_WITHDRAWN] = g_param_spec_uint ("n-withdrawn", NULL, NULL, 0, G_MAXUINT, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
certo_source_init (CertoSource *self)
{
}

/**
 * certo_source_kind_to_string:
 * @kind: a #CertoSourceKind
 *
 * Returns: (transfer none): "builtin", "file" or "url", as the catalog
 *   database and `certo-cli --json` write it
 */
const char *
certo_source_kind_to_string (CertoSourceKind kind)
{
  if ((guint) kind >= G_N_ELEMENTS (kind_names))
    kind = CERTO_SOURCE_KIND_FILE;

  return kind_names[kind];
}

/* The reverse; an unknown name (a newer Certo's) reads as a file */
CertoSourceKind
certo_source_kind_from_string (const char *text)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    if (g_strcmp0 (text, kind_names[i]) == 0)
      return i;

  return CERTO_SOURCE_KIND_FILE;
}

/**
 * certo_source_format_to_string:
 * @format: a #CertoSourceFormat
 *
 * Returns: (transfer none): "auto", "catalog" or "article"
 */
const char *
certo_source_format_to_string (CertoSourceFormat format)
{
  if ((guint) format >= G_N_ELEMENTS (format_names))
    format = CERTO_SOURCE_FORMAT_AUTO;

  return format_names[format];
}

CertoSourceFormat
certo_source_format_from_string (const char *text)
{
  for (guint i = 0; i < G_N_ELEMENTS (format_names); i++)
    if (g_strcmp0 (text, format_names[i]) == 0)
      return i;

  return CERTO_SOURCE_FORMAT_AUTO;
}

/**
 * certo_source_get_id:
 * @self: a #CertoSource
 *
 * Returns: the source's row id in the catalog database; stable across
 *   re-imports of the same key
 */
gint64
certo_source_get_id (CertoSource *self)
{
  g_return_val_if_fail (CERTO_IS_SOURCE (self), 0);
  return self->id;
}

/**
 * certo_source_get_key:
 * @self: a #CertoSource
 *
 * Returns: (transfer none): the key the source was imported under
 *   ("builtin:microsoft-iso27001", a file URI, a URL)
 */
const char *
certo_source_get_key (CertoSource *self)
{
  g_return_val_if_fail (CERTO_IS_SOURCE (self), NULL);
  return self->key;
}

/**
 * certo_source_get_kind:
 * @self: a #CertoSource
 *
 * Returns: whether the source is built in, a file or a URL
 */
CertoSourceKind
certo_source_get_kind (CertoSource *self)
{
  g_return_val_if_fail (CERTO_IS_SOURCE (self), CERTO_SOURCE_KIND_FILE);
  return self->kind;
}

/**
 * certo_source_get_format:
 * @self: a #CertoSource
 *
 * Returns: the format the source's content was parsed as
 */
CertoSourceFormat
certo_source_get_format (CertoSource *self)
{
  g_return_val_if_fail (CERTO_IS_SOURCE (self), CERTO_SOURCE_FORMAT_AUTO);
  return self->format;
}

/**
 * certo_source_get_name:
 * @self: a #CertoSource
 *
 * Returns: (transfer none): the name shown for the source (remote text:
 *   plain text, escape it before using it in markup)
 */
const char *
certo_source_get_name (CertoSource *self)
{
  g_return_val_if_fail (CERTO_IS_SOURCE (self), NULL);
  return self->name;
}

/**
 * certo_source_get_location:
 * @self: a #CertoSource
 *
 * Returns: (transfer none) (nullable): the path or URL the content was read from
 */
const char *
certo_source_get_location (CertoSource *self)
{
  g_return_val_if_fail (CERTO_IS_SOURCE (self), NULL);
  return self->location;
}

/**
 * certo_source_get_publisher:
 * @self: a #CertoSource
 *
 * Returns: (transfer none) (nullable): who publishes the content ("Microsoft")
 */
const char *
certo_source_get_publisher (CertoSource *self)
{
  g_return_val_if_fail (CERTO_IS_SOURCE (self), NULL);
  return self->publisher;
}

/**
 * certo_source_get_homepage:
 * @self: a #CertoSource
 *
 * Returns: (transfer none) (nullable): an http(s) page about the source
 */
const char *
certo_source_get_homepage (CertoSource *self)
{
  g_return_val_if_fail (CERTO_IS_SOURCE (self), NULL);
  return self->homepage;
}

/**
 * certo_source_get_content_date:
 * @self: a #CertoSource
 *
 * Returns: (transfer none) (nullable): the date the content says it was
 *   updated (ISO 8601), as the feed's `updated` member gives it
 */
const char *
certo_source_get_content_date (CertoSource *self)
{
  g_return_val_if_fail (CERTO_IS_SOURCE (self), NULL);
  return self->content_date;
}

/**
 * certo_source_get_last_refresh:
 * @self: a #CertoSource
 *
 * Returns: (transfer none) (nullable): when the source was last imported,
 *   ISO 8601 in UTC
 */
const char *
certo_source_get_last_refresh (CertoSource *self)
{
  g_return_val_if_fail (CERTO_IS_SOURCE (self), NULL);
  return self->last_refresh;
}

/**
 * certo_source_get_last_error:
 * @self: a #CertoSource
 *
 * Returns: (transfer none) (nullable): why the last refresh failed, or %NULL
 */
const char *
certo_source_get_last_error (CertoSource *self)
{
  g_return_val_if_fail (CERTO_IS_SOURCE (self), NULL);
  return self->last_error;
}

/**
 * certo_source_get_content_hash:
 * @self: a #CertoSource
 *
 * Returns: (transfer none) (nullable): SHA-256 (hex) of the bytes last imported
 */
const char *
certo_source_get_content_hash (CertoSource *self)
{
  g_return_val_if_fail (CERTO_IS_SOURCE (self), NULL);
  return self->content_hash;
}

/**
 * certo_source_get_title_localized:
 * @self: a #CertoSource
 *
 * Returns: (transfer none) (nullable): the content's own title in every
 *   language it has
 */
CertoLocalized *
certo_source_get_title_localized (CertoSource *self)
{
  g_return_val_if_fail (CERTO_IS_SOURCE (self), NULL);
  return self->title;
}

/**
 * certo_source_get_n_documents:
 * @self: a #CertoSource
 *
 * Returns: how many documents the source holds
 */
guint
certo_source_get_n_documents (CertoSource *self)
{
  g_return_val_if_fail (CERTO_IS_SOURCE (self), 0);
  return self->n_documents;
}

/**
 * certo_source_get_n_services:
 * @self: a #CertoSource
 *
 * Returns: how many in-scope services the source holds
 */
guint
certo_source_get_n_services (CertoSource *self)
{
  g_return_val_if_fail (CERTO_IS_SOURCE (self), 0);
  return self->n_services;
}

/**
 * certo_source_is_removable:
 * @self: a #CertoSource
 *
 * The catalog embedded in Certo cannot be removed (it would come back at
 * the next start); files and URLs can.
 *
 * Returns: %TRUE when certo_store_remove_source_async() accepts @self
 */
gboolean
certo_source_is_removable (CertoSource *self)
{
  g_return_val_if_fail (CERTO_IS_SOURCE (self), FALSE);
  return self->kind != CERTO_SOURCE_KIND_BUILTIN;
}

/**
 * certo_source_get_last_checked:
 * @self: a #CertoSource
 *
 * Returns: (transfer none) (nullable): when a sync last asked for the
 *   source, successfully or not (a 304 Not Modified counts), ISO 8601 in UTC
 */
const char *
certo_source_get_last_checked (CertoSource *self)
{
  g_return_val_if_fail (CERTO_IS_SOURCE (self), NULL);
  return self->last_checked;
}

/**
 * certo_source_get_etag:
 * @self: a #CertoSource
 *
 * Returns: (transfer none) (nullable): the entity tag of the content last
 *   fetched, sent as If-None-Match next time (RFC 9110 §8.8.3, §13.1.2)
 */
const char *
certo_source_get_etag (CertoSource *self)
{
  g_return_val_if_fail (CERTO_IS_SOURCE (self), NULL);
  return self->etag;
}

/**
 * certo_source_get_last_modified:
 * @self: a #CertoSource
 *
 * Returns: (transfer none) (nullable): the Last-Modified value of the
 *   content last fetched, as the server wrote it; sent as
 *   If-Modified-Since next time (RFC 9110 §8.8.2, §13.1.3)
 */
const char *
certo_source_get_last_modified (CertoSource *self)
{
  g_return_val_if_fail (CERTO_IS_SOURCE (self), NULL);
  return self->last_modified;
}

/**
 * certo_source_get_retry_after:
 * @self: a #CertoSource
 *
 * Returns: (transfer none) (nullable): the time (ISO 8601, UTC) before
 *   which the server asked not to be asked again (Retry-After, RFC 9110
 *   §10.2.3); refreshes on start wait for it, one the user asks for does not
 */
const char *
certo_source_get_retry_after (CertoSource *self)
{
  g_return_val_if_fail (CERTO_IS_SOURCE (self), NULL);
  return self->retry_after;
}

/**
 * certo_source_get_requested_format:
 * @self: a #CertoSource
 *
 * Returns: the format the user chose for the source when adding it, or
 *   %CERTO_SOURCE_FORMAT_AUTO to detect it from the content (see
 *   certo_source_get_format() for the format last detected)
 */
CertoSourceFormat
certo_source_get_requested_format (CertoSource *self)
{
  g_return_val_if_fail (CERTO_IS_SOURCE (self), CERTO_SOURCE_FORMAT_AUTO);
  return self->requested_format;
}

/**
 * certo_source_get_n_withdrawn:
 * @self: a #CertoSource
 *
 * Returns: how many documents left the source but are kept, flagged
 *   withdrawn, because they are saved for offline reading
 */
guint
certo_source_get_n_withdrawn (CertoSource *self)
{
  g_return_val_if_fail (CERTO_IS_SOURCE (self), 0);
  return self->n_withdrawn;
}

/**
 * certo_source_can_sync:
 * @self: a #CertoSource
 *
 * Returns: %TRUE for a URL or file source, which certo_sync_refresh_async()
 *   reads again; %FALSE for a catalog built into Certo, which is imported
 *   when Certo starts
 */
gboolean
certo_source_can_sync (CertoSource *self)
{
  g_return_val_if_fail (CERTO_IS_SOURCE (self), FALSE);
  return self->kind != CERTO_SOURCE_KIND_BUILTIN && self->key != NULL;
}

/**
 * certo_source_get_feed_id:
 * @self: a #CertoSource
 *
 * The identity of the source's content, whatever file or address it was
 * read from (certo_catalog_update_get_identity()): importing content with
 * the same identity updates this source instead of adding another.
 *
 * Returns: (nullable): the feed's id ("microsoft-iso27001"), or %NULL when
 *   the content names none (then the location identifies the source)
 */
const char *
certo_source_get_feed_id (CertoSource *self)
{
  g_return_val_if_fail (CERTO_IS_SOURCE (self), NULL);
  return self->feed_id;
}

/**
 * certo_source_get_replaced_by:
 * @self: a #CertoSource
 *
 * A built-in source is replaced by a file or URL source with the same
 * feed id (certo_source_get_feed_id()): its documents, services and
 * families are then left out of the catalog's models, not deleted, and
 * come back when that source is removed.
 *
 * Returns: the row id of the source that replaces @self, or 0
 */
gint64
certo_source_get_replaced_by (CertoSource *self)
{
  g_return_val_if_fail (CERTO_IS_SOURCE (self), 0);
  return self->replaced_by;
}
