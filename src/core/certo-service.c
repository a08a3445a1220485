/* certo-service.c — an in-scope cloud service
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "certo-model-private.h"

G_DEFINE_FINAL_TYPE (CertoService, certo_service, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_KEY,
  PROP_NAME,
  PROP_URL,
  PROP_FAMILIES_LABEL,
  PROP_N_DOCUMENTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
certo_service_finalize (GObject *object)
{
  CertoService *self = CERTO_SERVICE (object);

  g_free (self->key);
  g_clear_pointer (&self->name_localized, certo_localized_unref);
  g_free (self->url);
  g_free (self->family_ids);
  g_clear_pointer (&self->families_label, g_ref_string_release);
  g_free (self->search_text);
  g_free (self->sort_key);

  G_OBJECT_CLASS (certo_service_parent_class)->finalize (object);
}

static void
certo_service_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CertoService *self = CERTO_SERVICE (object);

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
    case PROP_FAMILIES_LABEL:
      g_value_set_string (value, self->families_label);
      break;
    case PROP_N_DOCUMENTS:
      g_value_set_uint (value, self->n_documents);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
certo_service_class_init (CertoServiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = certo_service_finalize;
  object_class->get_property = certo_service_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_KEY] = g_param_spec_string ("key", NULL, NULL, NULL, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_URL] = g_param_spec_string ("url", NULL, NULL, NULL, flags);
  properties[PROP_FAMILIES_LABEL] = g_param_spec_string ("families-label", NULL, NULL, NULL, flags);
  properties[PROP_N_DOCUMENTS] = g_param_spec_uint ("n-documents", NULL, NULL, 0, G_MAXUINT, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
certo_service_init (CertoService *self)
{
}

/**
 * certo_service_get_id:
 * @self: a #CertoService
 *
 * Returns: the row id, stable across re-imports of its source
 */
gint64
certo_service_get_id (CertoService *self)
{
  g_return_val_if_fail (CERTO_IS_SERVICE (self), 0);
  return self->id;
}

/**
 * certo_service_get_key:
 * @self: a #CertoService
 *
 * Returns: (transfer none): the feed's id ("intune")
 */
const char *
certo_service_get_key (CertoService *self)
{
  g_return_val_if_fail (CERTO_IS_SERVICE (self), NULL);
  return self->key;
}

/**
 * certo_service_get_source_id:
 * @self: a #CertoService
 *
 * Returns: the id of the source the service came from
 */
gint64
certo_service_get_source_id (CertoService *self)
{
  g_return_val_if_fail (CERTO_IS_SERVICE (self), 0);
  return self->source_id;
}

/**
 * certo_service_get_name_localized:
 * @self: a #CertoService
 *
 * Returns: (transfer none): the name in every language the source gives
 */
CertoLocalized *
certo_service_get_name_localized (CertoService *self)
{
  g_return_val_if_fail (CERTO_IS_SERVICE (self), NULL);
  return self->name_localized;
}

/**
 * certo_service_get_name:
 * @self: a #CertoService
 *
 * Returns: (transfer none): the name in the user's language, chosen when
 *   the catalog was loaded (plain text)
 */
const char *
certo_service_get_name (CertoService *self)
{
  g_return_val_if_fail (CERTO_IS_SERVICE (self), NULL);
  return self->name;
}

/**
 * certo_service_get_url:
 * @self: a #CertoService
 *
 * Returns: (transfer none) (nullable): an http(s) page about the service
 */
const char *
certo_service_get_url (CertoService *self)
{
  g_return_val_if_fail (CERTO_IS_SERVICE (self), NULL);
  return self->url;
}

/**
 * certo_service_get_family_ids:
 * @self: a #CertoService
 * @n_ids: (out): the number of ids
 *
 * The service's families: those the source declares for it and those of
 * every document that covers it, ordered by name.
 *
 * Returns: (transfer none) (array length=n_ids) (nullable): family ids
 */
const gint64 *
certo_service_get_family_ids (CertoService *self,
                              guint        *n_ids)
{
  g_return_val_if_fail (CERTO_IS_SERVICE (self), NULL);
  g_return_val_if_fail (n_ids != NULL, NULL);

  *n_ids = self->n_family_ids;
  return self->family_ids;
}

/**
 * certo_service_get_families_label:
 * @self: a #CertoService
 *
 * Returns: (transfer none) (nullable): the family names joined for display
 *   ("Azure, Dynamics 365"), or %NULL for none
 */
const char *
certo_service_get_families_label (CertoService *self)
{
  g_return_val_if_fail (CERTO_IS_SERVICE (self), NULL);
  return self->families_label;
}

/**
 * certo_service_get_n_documents:
 * @self: a #CertoService
 *
 * Returns: how many documents cover the service
 */
guint
certo_service_get_n_documents (CertoService *self)
{
  g_return_val_if_fail (CERTO_IS_SERVICE (self), 0);
  return self->n_documents;
}

/**
 * certo_service_get_search_text:
 * @self: a #CertoService
 *
 * Returns: (transfer none): the service's names in every language, folded
 *   with certo_text_fold() for certo_search_query_matches()
 */
const char *
certo_service_get_search_text (CertoService *self)
{
  g_return_val_if_fail (CERTO_IS_SERVICE (self), NULL);
  return self->search_text;
}
