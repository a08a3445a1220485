/* certo-standard.c — a standard a document refers to
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "certo-model-private.h"

G_DEFINE_FINAL_TYPE (CertoStandard, certo_standard, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_KEY,
  PROP_NAME,
  PROP_URL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
certo_standard_finalize (GObject *object)
{
  CertoStandard *self = CERTO_STANDARD (object);

  g_free (self->key);
  g_free (self->name);
  g_free (self->url);
  g_free (self->sort_key);

  G_OBJECT_CLASS (certo_standard_parent_class)->finalize (object);
}

static void
certo_standard_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CertoStandard *self = CERTO_STANDARD (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_KEY:
      g_value_set_string (value, self->key);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_URL:
      g_value_set_string (value, self->url);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
certo_standard_class_init (CertoStandardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = certo_standard_finalize;
  object_class->get_property = certo_standard_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_KEY] = g_param_spec_string ("key", NULL, NULL, NULL, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_URL] = g_param_spec_string ("url", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
certo_standard_init (CertoStandard *self)
{
}

/**
 * certo_standard_get_id:
 * @self: a #CertoStandard
 *
 * Returns: the row id, stable across re-imports of its source
 */
gint64
certo_standard_get_id (CertoStandard *self)
{
  g_return_val_if_fail (CERTO_IS_STANDARD (self), 0);
  return self->id;
}

/**
 * certo_standard_get_key:
 * @self: a #CertoStandard
 *
 * Returns: (transfer none): the feed's id ("iso27001-2013")
 */
const char *
certo_standard_get_key (CertoStandard *self)
{
  g_return_val_if_fail (CERTO_IS_STANDARD (self), NULL);
  return self->key;
}

/**
 * certo_standard_get_source_id:
 * @self: a #CertoStandard
 *
 * Returns: the id of the source the standard came from
 */
gint64
certo_standard_get_source_id (CertoStandard *self)
{
  g_return_val_if_fail (CERTO_IS_STANDARD (self), 0);
  return self->source_id;
}

/**
 * certo_standard_get_name:
 * @self: a #CertoStandard
 *
 * Returns: (transfer none): the standard's reference, "ISO/IEC 27001:2013"
 */
const char *
certo_standard_get_name (CertoStandard *self)
{
  g_return_val_if_fail (CERTO_IS_STANDARD (self), NULL);
  return self->name;
}

/**
 * certo_standard_get_url:
 * @self: a #CertoStandard
 *
 * Returns: (transfer none) (nullable): an http(s) page about the standard
 */
const char *
certo_standard_get_url (CertoStandard *self)
{
  g_return_val_if_fail (CERTO_IS_STANDARD (self), NULL);
  return self->url;
}

/**
 * certo_standard_is_iso27001_2013:
 * @self: a #CertoStandard
 *
 * Whether @self is ISO/IEC 27001:2013, the edition whose Annex A has 114
 * controls in 14 domains: the feed's id "iso27001-2013" or the name
 * "ISO/IEC 27001:2013".
 *
 * Returns: %TRUE for ISO/IEC 27001:2013
 */
gboolean
certo_standard_is_iso27001_2013 (CertoStandard *self)
{
  g_return_val_if_fail (CERTO_IS_STANDARD (self), FALSE);

  return g_strcmp0 (self->key, "iso27001-2013") == 0 ||
         g_strcmp0 (self->name, "ISO/IEC 27001:2013") == 0;
}
