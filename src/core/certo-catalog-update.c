/* certo-catalog-update.c — what a parser found in one source
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdarg.h>

#include "certo-catalog-update.h"

/**
 * certo_uri_is_web:
 * @uri: (nullable): a URI
 *
 * The link allow-list: absolute http or https URIs with a host
 * (RFC 3986 §3, RFC 9110 §4.2). Relative links, `file:`, `javascript:`,
 * `data:` and the like are refused.
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
 * Records a problem with one entry that was skipped or trimmed.
 */
void
certo_catalog_update_add_warning (CertoCatalogUpdate *self,
                                  const char         *format,
                                  ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (self->warnings, g_strdup_vprintf (format, args));
  va_end (args);
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

static gboolean
is_blank (const char *s)
{
  if (s == NULL)
    return TRUE;
  for (; *s != '\0'; s++)
    if (!g_ascii_isspace (*s))
      return FALSE;
  return TRUE;
}

/* The formats below are translated literals handed in by the caller */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"

/* Drops entries with a missing or duplicate id; the callback says whether
 * the rest of an entry is usable. */
typedef gboolean (*EntryCheck) (CertoCatalogUpdate *self, gpointer entry, const char *id);

static void
filter_entries (CertoCatalogUpdate *self,
                GPtrArray          *entries,
                const char         *no_id_format,
                const char         *duplicate_format,
                gsize               id_offset,
                EntryCheck          check)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint position = 0;   /* in the source, counting removed entries too */

  for (guint i = 0; i < entries->len; position++)
    {
      gpointer entry = g_ptr_array_index (entries, i);
      const char *id = G_STRUCT_MEMBER (char *, entry, id_offset);
      gboolean keep = TRUE;

      if (is_blank (id))
        {
          certo_catalog_update_add_warning (self, no_id_format, position + 1);
          keep = FALSE;
        }
      else if (g_hash_table_contains (seen, id))
        {
          certo_catalog_update_add_warning (self, duplicate_format, id);
          keep = FALSE;
        }
      else if (check != NULL && !check (self, entry, id))
        {
          keep = FALSE;
        }

      if (keep)
        {
          g_hash_table_add (seen, (gpointer) id);
          i++;
        }
      else
        {
          g_ptr_array_remove_index (entries, i);
        }
    }
}

#pragma GCC diagnostic pop

static gboolean
check_standard (CertoCatalogUpdate *self, gpointer entry, const char *id)
{
  CertoUpdateStandard *s = entry;

  if (is_blank (s->name))
    {
      certo_catalog_update_add_warning (self, _("Skipped standard “%s”: it has no name"), id);
      return FALSE;
    }
  if (s->url != NULL && !certo_uri_is_web (s->url))
    {
      certo_catalog_update_add_warning (self, _("Standard “%s”: ignored its link “%s”, which is not an http or https address"), id, s->url);
      g_clear_pointer (&s->url, g_free);
    }
  return TRUE;
}

static gboolean
check_family (CertoCatalogUpdate *self, gpointer entry, const char *id)
{
  CertoUpdateFamily *f = entry;

  if (certo_localized_is_empty (f->name))
    {
      certo_catalog_update_add_warning (self, _("Skipped family “%s”: it has no name"), id);
      return FALSE;
    }
  return TRUE;
}

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
static void
trim_references (CertoCatalogUpdate *self,
                 GPtrArray          *refs,
                 const char         *owner_id,
                 const char         *message_format,
                 gpointer          (*find) (CertoCatalogUpdate *, const char *))
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < refs->len;)
    {
      const char *ref = g_ptr_array_index (refs, i);

      if (find (self, ref) == NULL)
        {
          certo_catalog_update_add_warning (self, message_format, owner_id, ref);
          g_ptr_array_remove_index (refs, i);
        }
      else if (g_hash_table_contains (seen, ref))
        {
          g_ptr_array_remove_index (refs, i);
        }
      else
        {
          g_hash_table_add (seen, (gpointer) ref);
          i++;
        }
    }
}

#pragma GCC diagnostic pop

static gboolean
check_service (CertoCatalogUpdate *self, gpointer entry, const char *id)
{
  CertoUpdateService *s = entry;

  if (certo_localized_is_empty (s->name))
    {
      certo_catalog_update_add_warning (self, _("Skipped service “%s”: it has no name"), id);
      return FALSE;
    }
  if (s->url != NULL && !certo_uri_is_web (s->url))
    {
      certo_catalog_update_add_warning (self, _("Service “%s”: ignored its link “%s”, which is not an http or https address"), id, s->url);
      g_clear_pointer (&s->url, g_free);
    }
  trim_references (self, s->families, id, _("Service “%s”: ignored the unknown family “%s”"),
                   (gpointer (*) (CertoCatalogUpdate *, const char *)) certo_catalog_update_find_family);
  return TRUE;
}

static gboolean
check_document (CertoCatalogUpdate *self, gpointer entry, const char *id)
{
  CertoUpdateDocument *d = entry;

  if (certo_localized_is_empty (d->title))
    {
      certo_catalog_update_add_warning (self, _("Skipped document “%s”: it has no title"), id);
      return FALSE;
    }

  for (guint i = 0; i < d->urls->len;)
    {
      const char *url = g_ptr_array_index (d->urls, i);

      if (!certo_uri_is_web (url))
        {
          certo_catalog_update_add_warning (self, _("Document “%s”: ignored its link “%s”, which is not an http or https address"), id, url);
          g_ptr_array_remove_index (d->urls, i);
        }
      else
        {
          i++;
        }
    }
  if (d->urls->len == 0)
    {
      certo_catalog_update_add_warning (self, _("Skipped document “%s”: it has no http or https link"), id);
      return FALSE;
    }

  if (d->family != NULL && certo_catalog_update_find_family (self, d->family) == NULL)
    {
      certo_catalog_update_add_warning (self, _("Document “%s”: ignored the unknown family “%s”"), id, d->family);
      g_clear_pointer (&d->family, g_free);
    }
  trim_references (self, d->standards, id, _("Document “%s”: ignored the unknown standard “%s”"),
                   (gpointer (*) (CertoCatalogUpdate *, const char *)) certo_catalog_update_find_standard);
  trim_references (self, d->services, id, _("Document “%s”: ignored the unknown service “%s”"),
                   (gpointer (*) (CertoCatalogUpdate *, const char *)) certo_catalog_update_find_service);
  return TRUE;
}

static gboolean
check_environment (CertoCatalogUpdate *self, gpointer entry, const char *id)
{
  CertoUpdateEnvironment *e = entry;

  if (certo_localized_is_empty (e->name))
    {
      certo_catalog_update_add_warning (self, _("Skipped environment “%s”: it has no name"), id);
      return FALSE;
    }
  if (e->family != NULL && certo_catalog_update_find_family (self, e->family) == NULL)
    {
      certo_catalog_update_add_warning (self, _("Environment “%s”: ignored the unknown family “%s”"), id, e->family);
      g_clear_pointer (&e->family, g_free);
    }
  return TRUE;
}

/**
 * certo_catalog_update_validate:
 * @self: an update straight from a parser
 *
 * Applies the catalog format's rules for bad entries (DESIGN.md, "Native
 * catalog feed"): an entry with no id, a duplicate id, no name or title, or
 * (for a document) no http/https link is skipped; a link that is not
 * http/https and a reference to an undeclared id are trimmed. Each change
 * adds a warning that names the entry. The homepage is dropped when it is
 * not a web link. Parsers call this last, so the store sees only valid
 * updates.
 */
void
certo_catalog_update_validate (CertoCatalogUpdate *self)
{
  g_return_if_fail (self != NULL);

  if (self->homepage != NULL && !certo_uri_is_web (self->homepage))
    {
      certo_catalog_update_add_warning (self, _("Ignored the catalog’s homepage “%s”, which is not an http or https address"), self->homepage);
      g_clear_pointer (&self->homepage, g_free);
    }

  /* Order matters: documents refer to the others, so those go first */
  filter_entries (self, self->standards,
                  _("Skipped standard number %u: it has no id"),
                  _("Skipped standard “%s”: its id is used twice"),
                  G_STRUCT_OFFSET (CertoUpdateStandard, id), check_standard);
  filter_entries (self, self->families,
                  _("Skipped family number %u: it has no id"),
                  _("Skipped family “%s”: its id is used twice"),
                  G_STRUCT_OFFSET (CertoUpdateFamily, id), check_family);
  filter_entries (self, self->services,
                  _("Skipped service number %u: it has no id"),
                  _("Skipped service “%s”: its id is used twice"),
                  G_STRUCT_OFFSET (CertoUpdateService, id), check_service);
  filter_entries (self, self->documents,
                  _("Skipped document number %u: it has no id"),
                  _("Skipped document “%s”: its id is used twice"),
                  G_STRUCT_OFFSET (CertoUpdateDocument, id), check_document);
  filter_entries (self, self->environments,
                  _("Skipped environment number %u: it has no id"),
                  _("Skipped environment “%s”: its id is used twice"),
                  G_STRUCT_OFFSET (CertoUpdateEnvironment, id), check_environment);
}
