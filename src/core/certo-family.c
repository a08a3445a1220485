/* certo-family.c — a provider's product family ("Azure", "Office 365")
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "certo-model-private.h"

G_DEFINE_FINAL_TYPE (CertoFamily, certo_family, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_KEY,
  PROP_NAME,
  PROP_PUBLISHER,
  PROP_N_DOCUMENTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
certo_family_finalize (GObject *object)
{
  CertoFamily *self = CERTO_FAMILY (object);

  g_free (self->key);
  g_clear_pointer (&self->name_localized, certo_localized_unref);
  g_clear_pointer (&self->publisher, g_ref_string_release);
  g_free (self->sort_key);

  G_OBJECT_CLASS (certo_family_parent_class)->finalize (object);
}

static void
certo_family_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  CertoFamily *self = CERTO_FAMILY (object);

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
    case PROP_PUBLISHER:
      g_value_set_string (value, self->publisher);
      break;
    case PROP_N_DOCUMENTS:
      g_value_set_uint (value, self->n_documents);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
certo_family_class_init (CertoFamilyClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = certo_family_finalize;
  object_class->get_property = certo_family_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_KEY] = g_param_spec_string ("key", NULL, NULL, NULL, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_PUBLISHER] = g_param_spec_string ("publisher", NULL, NULL, NULL, flags);
  properties[PROP_N_DOCUMENTS] = g_param_spec_uint ("n-documents", NULL, NULL, 0, G_MAXUINT, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
certo_family_init (CertoFamily *self)
{
}

/**
 * certo_family_get_id:
 * @self: a #CertoFamily
 *
 * Returns: the row id, stable across re-imports of its source
 */
gint64
certo_family_get_id (CertoFamily *self)
{
  g_return_val_if_fail (CERTO_IS_FAMILY (self), 0);
  return self->id;
}

/**
 * certo_family_get_key:
 * @self: a #CertoFamily
 *
 * Returns: (transfer none): the feed's id ("azure")
 */
const char *
certo_family_get_key (CertoFamily *self)
{
  g_return_val_if_fail (CERTO_IS_FAMILY (self), NULL);
  return self->key;
}

/**
 * certo_family_get_source_id:
 * @self: a #CertoFamily
 *
 * Returns: the id of the source the family came from
 */
gint64
certo_family_get_source_id (CertoFamily *self)
{
  g_return_val_if_fail (CERTO_IS_FAMILY (self), 0);
  return self->source_id;
}

/**
 * certo_family_get_name_localized:
 * @self: a #CertoFamily
 *
 * Returns: (transfer none): the name in every language the source gives
 */
CertoLocalized *
certo_family_get_name_localized (CertoFamily *self)
{
  g_return_val_if_fail (CERTO_IS_FAMILY (self), NULL);
  return self->name_localized;
}

/**
 * certo_family_get_name:
 * @self: a #CertoFamily
 *
 * Returns: (transfer none): the name in the user's language, chosen when
 *   the catalog was loaded (plain text)
 */
const char *
certo_family_get_name (CertoFamily *self)
{
  g_return_val_if_fail (CERTO_IS_FAMILY (self), NULL);
  return self->name;
}

/**
 * certo_family_get_publisher:
 * @self: a #CertoFamily
 *
 * Returns: (transfer none) (nullable): the publisher of the family's source
 */
const char *
certo_family_get_publisher (CertoFamily *self)
{
  g_return_val_if_fail (CERTO_IS_FAMILY (self), NULL);
  return self->publisher;
}

/**
 * certo_family_get_n_documents:
 * @self: a #CertoFamily
 *
 * Returns: how many documents belong to the family
 */
guint
certo_family_get_n_documents (CertoFamily *self)
{
  g_return_val_if_fail (CERTO_IS_FAMILY (self), 0);
  return self->n_documents;
}
