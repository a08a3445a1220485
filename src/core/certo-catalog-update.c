/* certo-catalog-update.c — what a parser found in one source (its
 * validation: certo-catalog-update-validate.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdarg.h>
#include <string.h>

#include "certo-catalog-update.h"
#include "certo-text.h"

/**
 * certo_uri_is_web:
 * @uri: (nullable): a URI
 *
 * The link allow-list: absolute http or https URIs with a host
 * (RFC 3986 §3, RFC 9110 §4.2). Relative links, `file:`, `javascript:`,
 * `data:` and the like are refused, and so is a URI holding a control
 * character, a bidirectional override (certo_text_is_unsafe_char()) or
 * bytes that are not UTF-8.
 *
 * Returns: %TRUE when @uri may be shown as a link and opened in a browser
 */
gboolean
certo_uri_is_web (const char *uri)
{
  g_autoptr(GUri) parsed = NULL;
  const char *scheme;

  if (uri == NULL || *uri == '\0')
    return FALSE;

  /* Nothing a link is shown with may hide or reorder it */
  for (const char *p = uri; *p != '\0'; p = g_utf8_next_char (p))
    if ((guchar) *p < 0x20 || (guchar) *p >= 0x7f)
      {
        gunichar c = g_utf8_get_char_validated (p, -1);

        if (c == (gunichar) -1 || c == (gunichar) -2 || certo_text_is_unsafe_char (c))
          return FALSE;
      }

  parsed = g_uri_parse (uri, G_URI_FLAGS_ENCODED, NULL);
  if (parsed == NULL)
    return FALSE;

  scheme = g_uri_get_scheme (parsed);
  if (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0)
    return FALSE;

  return g_uri_get_host (parsed) != NULL && *g_uri_get_host (parsed) != '\0';
}

static GPtrArray *
str_array_new (void)
{
  return g_ptr_array_new_with_free_func (g_free);
}

/**
 * certo_update_standard_new:
 *
 * Returns: (transfer full): an empty standard entry
 */
CertoUpdateStandard *
certo_update_standard_new (void)
{
  return g_new0 (CertoUpdateStandard, 1);
}

/**
 * certo_update_standard_free:
 * @self: (transfer full) (nullable): a standard entry
 */
void
certo_update_standard_free (CertoUpdateStandard *self)
{
  if (self == NULL)
    return;

  g_free (self->id);
  g_free (self->name);
  g_free (self->url);
  g_free (self);
}

/**
 * certo_update_family_new:
 *
 * Returns: (transfer full): an empty family entry
 */
CertoUpdateFamily *
certo_update_family_new (void)
{
  return g_new0 (CertoUpdateFamily, 1);
}

/**
 * certo_update_family_free:
 * @self: (transfer full) (nullable): a family entry
 */
void
certo_update_family_free (CertoUpdateFamily *self)
{
  if (self == NULL)
    return;

  g_free (self->id);
  g_clear_pointer (&self->name, certo_localized_unref);
  g_free (self);
}

/**
 * certo_update_service_new:
 *
 * Returns: (transfer full): an empty service entry, its arrays allocated
 */
CertoUpdateService *
certo_update_service_new (void)
{
  CertoUpdateService *self = g_new0 (CertoUpdateService, 1);

  self->families = str_array_new ();
  return self;
}

/**
 * certo_update_service_free:
 * @self: (transfer full) (nullable): a service entry
 */
void
certo_update_service_free (CertoUpdateService *self)
{
  if (self == NULL)
    return;

  g_free (self->id);
  g_clear_pointer (&self->name, certo_localized_unref);
  g_free (self->url);
  g_clear_pointer (&self->families, g_ptr_array_unref);
  g_free (self);
}

/**
 * certo_update_document_new:
 *
 * Returns: (transfer full): an empty document entry, its arrays allocated
 */
CertoUpdateDocument *
certo_update_document_new (void)
{
  CertoUpdateDocument *self = g_new0 (CertoUpdateDocument, 1);

  self->standards = str_array_new ();
  self->services = str_array_new ();
  self->service_names = str_array_new ();
  self->urls = str_array_new ();
  return self;
}

/**
 * certo_update_document_free:
 * @self: (transfer full) (nullable): a document entry
 */
void
certo_update_document_free (CertoUpdateDocument *self)
{
  if (self == NULL)
    return;

  g_free (self->id);
  g_clear_pointer (&self->title, certo_localized_unref);
  g_free (self->family);
  g_clear_pointer (&self->standards, g_ptr_array_unref);
  g_clear_pointer (&self->services, g_ptr_array_unref);
  g_clear_pointer (&self->service_names, g_ptr_array_unref);
  g_free (self->issuer);
  g_free (self->certificate_number);
  g_free (self->issued);
  g_free (self->expires);
  g_clear_pointer (&self->urls, g_ptr_array_unref);
  g_free (self->language);
  g_free (self);
}

/**
 * certo_update_environment_new:
 *
 * Returns: (transfer full): an empty environment entry, its array allocated
 */
CertoUpdateEnvironment *
certo_update_environment_new (void)
{
  CertoUpdateEnvironment *self = g_new0 (CertoUpdateEnvironment, 1);

  self->service_names = str_array_new ();
  return self;
}

/**
 * certo_update_environment_free:
 * @self: (transfer full) (nullable): an environment entry
 */
void
certo_update_environment_free (CertoUpdateEnvironment *self)
{
  if (self == NULL)
    return;

  g_free (self->id);
  g_clear_pointer (&self->name, certo_localized_unref);
  g_free (self->family);
  g_clear_pointer (&self->service_names, g_ptr_array_unref);
  g_free (self);
}

/**
 * certo_catalog_update_new:
 * @format: where the update comes from
 *
 * Returns: (transfer full): an empty update with its arrays allocated
 */
CertoCatalogUpdate *
certo_catalog_update_new (CertoUpdateFormat format)
{
  CertoCatalogUpdate *self = g_new0 (CertoCatalogUpdate, 1);

  self->format = format;
  self->standards = g_ptr_array_new_with_free_func ((GDestroyNotify) certo_update_standard_free);
  self->families = g_ptr_array_new_with_free_func ((GDestroyNotify) certo_update_family_free);
  self->services = g_ptr_array_new_with_free_func ((GDestroyNotify) certo_update_service_free);
  self->documents = g_ptr_array_new_with_free_func ((GDestroyNotify) certo_update_document_free);
  self->environments = g_ptr_array_new_with_free_func ((GDestroyNotify) certo_update_environment_free);
  self->warnings = str_array_new ();

  return self;
}

/**
 * certo_catalog_update_free:
 * @self: (transfer full) (nullable): an update
 */
void
certo_catalog_update_free (CertoCatalogUpdate *self)
{
  if (self == NULL)
    return;

  g_free (self->id);
  g_clear_pointer (&self->title, certo_localized_unref);
  g_free (self->publisher);
  g_free (self->updated);
  g_free (self->homepage);
  g_clear_pointer (&self->standards, g_ptr_array_unref);
  g_clear_pointer (&self->families, g_ptr_array_unref);
  g_clear_pointer (&self->services, g_ptr_array_unref);
  g_clear_pointer (&self->documents, g_ptr_array_unref);
  g_clear_pointer (&self->environments, g_ptr_array_unref);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);
  g_free (self);
}

/**
 * certo_catalog_update_add_warning:
 * @self: an update
 * @format: printf() format of a translated, one-line message naming the entry
 *
 * Records a problem with one entry that was skipped or trimmed. After
 * %CERTO_UPDATE_MAX_WARNINGS warnings one more says that further problems
 * are not listed, and the rest are dropped: a feed of a million bad
 * entries must not make a million messages.
 */
void
certo_catalog_update_add_warning (CertoCatalogUpdate *self,
                                  const char         *format,
                                  ...)
{
  va_list args;

  if (self->warnings->len > CERTO_UPDATE_MAX_WARNINGS)
    return;
  if (self->warnings->len == CERTO_UPDATE_MAX_WARNINGS)
    {
      g_ptr_array_add (self->warnings,
                       g_strdup_printf (_("More entries were skipped or trimmed; only the first %u are listed"),
                                        CERTO_UPDATE_MAX_WARNINGS));
      return;
    }

  va_start (args, format);
  g_ptr_array_add (self->warnings, g_strdup_vprintf (format, args));
  va_end (args);
}

/**
 * certo_catalog_update_get_identity:
 * @self: an update
 *
 * What identifies the source the update is the content of, whatever file
 * or address it was read from: the native feed's "id", or the id the
 * article reader derives from the article (publisher and standard,
 * "microsoft-iso27001", else its title). %NULL when the content names
 * none and the id was made up from the file name: then the source is
 * identified by its location.
 *
 * Returns: (transfer none) (nullable): the identity, or %NULL
 */
const char *
certo_catalog_update_get_identity (CertoCatalogUpdate *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->id_from_name || self->id == NULL || *self->id == '\0')
    return NULL;
  return self->id;
}

#define DEFINE_FIND(Type, type, field)                                   \
  Type *                                                                  \
  certo_catalog_update_find_##type (CertoCatalogUpdate *self,             \
                                    const char         *id)               \
  {                                                                       \
    if (id == NULL)                                                       \
      return NULL;                                                        \
    for (guint i = 0; i < self->field->len; i++)                          \
      {                                                                   \
        Type *entry = g_ptr_array_index (self->field, i);                 \
        if (g_strcmp0 (entry->id, id) == 0)                               \
          return entry;                                                   \
      }                                                                   \
    return NULL;                                                          \
  }

/**
 * certo_catalog_update_find_standard:
 * @self: an update
 * @id: (nullable): a standard id
 *
 * Returns: (transfer none) (nullable): the standard with @id
 */
DEFINE_FIND (CertoUpdateStandard, standard, standards)

/**
 * certo_catalog_update_find_family:
 * @self: an update
 * @id: (nullable): a family id
 *
 * Returns: (transfer none) (nullable): the family with @id
 */
DEFINE_FIND (CertoUpdateFamily, family, families)

/**
 * certo_catalog_update_find_service:
 * @self: an update
 * @id: (nullable): a service id
 *
 * Returns: (transfer none) (nullable): the service with @id
 */
DEFINE_FIND (CertoUpdateService, service, services)

/**
 * certo_catalog_update_find_document:
 * @self: an update
 * @id: (nullable): a document id
 *
 * Returns: (transfer none) (nullable): the document with @id
 */
DEFINE_FIND (CertoUpdateDocument, document, documents)
