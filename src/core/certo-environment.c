/* certo-environment.c — a cloud environment with its own in-scope services
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "certo-model-private.h"

G_DEFINE_FINAL_TYPE (CertoEnvironment, certo_environment, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_KEY,
  PROP_NAME,
  PROP_FAMILY_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
certo_environment_finalize (GObject *object)
{
  CertoEnvironment *self = CERTO_ENVIRONMENT (object);

  g_free (self->key);
  g_clear_pointer (&self->name_localized, certo_localized_unref);
  g_clear_pointer (&self->family_name, g_ref_string_release);
  g_strfreev (self->service_names);
  g_free (self->search_text);
  g_strfreev (self->folded_service_names);
  g_free (self->sort_key);

  G_OBJECT_CLASS (certo_environment_parent_class)->finalize (object);
}

static void
certo_environment_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CertoEnvironment *self = CERTO_ENVIRONMENT (object);

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
    case PROP_FAMILY_NAME:
      g_value_set_string (value, self->family_name);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
certo_environment_class_init (CertoEnvironmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = certo_environment_finalize;
  object_class->get_property = certo_environment_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_KEY] = g_param_spec_string ("key", NULL, NULL, NULL, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_FAMILY_NAME] = g_param_spec_string ("family-name", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
certo_environment_init (CertoEnvironment *self)
{
}

/**
 * certo_environment_get_id:
 * @self: a #CertoEnvironment
 *
 * Returns: the row id, stable across re-imports of its source
 */
gint64
certo_environment_get_id (CertoEnvironment *self)
{
  g_return_val_if_fail (CERTO_IS_ENVIRONMENT (self), 0);
  return self->id;
}

/**
 * certo_environment_get_key:
 * @self: a #CertoEnvironment
 *
 * Returns: (transfer none): the feed's id ("office-365-gcc-high")
 */
const char *
certo_environment_get_key (CertoEnvironment *self)
{
  g_return_val_if_fail (CERTO_IS_ENVIRONMENT (self), NULL);
  return self->key;
}

/**
 * certo_environment_get_source_id:
 * @self: a #CertoEnvironment
 *
 * Returns: the id of the source the environment came from
 */
gint64
certo_environment_get_source_id (CertoEnvironment *self)
{
  g_return_val_if_fail (CERTO_IS_ENVIRONMENT (self), 0);
  return self->source_id;
}

/**
 * certo_environment_get_name_localized:
 * @self: a #CertoEnvironment
 *
 * Returns: (transfer none): the name in every language the source gives
 */
CertoLocalized *
certo_environment_get_name_localized (CertoEnvironment *self)
{
  g_return_val_if_fail (CERTO_IS_ENVIRONMENT (self), NULL);
  return self->name_localized;
}

/**
 * certo_environment_get_name:
 * @self: a #CertoEnvironment
 *
 * Returns: (transfer none): the name in the user's language ("GCC High")
 */
const char *
certo_environment_get_name (CertoEnvironment *self)
{
  g_return_val_if_fail (CERTO_IS_ENVIRONMENT (self), NULL);
  return self->name;
}

/**
 * certo_environment_get_family_id:
 * @self: a #CertoEnvironment
 *
 * Returns: the id of the environment's family, or 0 for none
 */
gint64
certo_environment_get_family_id (CertoEnvironment *self)
{
  g_return_val_if_fail (CERTO_IS_ENVIRONMENT (self), 0);
  return self->family_id;
}

/**
 * certo_environment_get_family_name:
 * @self: a #CertoEnvironment
 *
 * Returns: (transfer none) (nullable): the family's name in the user's language
 */
const char *
certo_environment_get_family_name (CertoEnvironment *self)
{
  g_return_val_if_fail (CERTO_IS_ENVIRONMENT (self), NULL);
  return self->family_name;
}

/**
 * certo_environment_get_service_names:
 * @self: a #CertoEnvironment
 *
 * Returns: (transfer none) (array zero-terminated=1): the environment's
 *   in-scope services as the source names them; never %NULL
 */
const char * const *
certo_environment_get_service_names (CertoEnvironment *self)
{
  g_return_val_if_fail (CERTO_IS_ENVIRONMENT (self), certo_model_empty_strv);

  if (self->service_names == NULL)
    return certo_model_empty_strv;
  return (const char * const *) self->service_names;
}
