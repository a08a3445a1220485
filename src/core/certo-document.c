/* certo-document.c — a provider document: certificate, report, SoA, …
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "certo-model-private.h"
#include "certo-text.h"

G_DEFINE_FINAL_TYPE (CertoDocument, certo_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_KEY,
  PROP_KIND,
  PROP_KIND_LABEL,
  PROP_TITLE,
  PROP_FAMILY_NAME,
  PROP_STANDARDS_LABEL,
  PROP_ISSUER,
  PROP_CERTIFICATE_NUMBER,
  PROP_ISSUED,
  PROP_EXPIRES,
  PROP_URL,
  PROP_WITHDRAWN,
  PROP_UPDATED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Certification bodies whose public certificate directory can be searched
 * by certificate number. @match is compared with the folded issuer. */
static const struct {
  const char *match;
  const char *search_prefix;
} directories[] = {
  { "bsi", "https://www.bsigroup.com/en-GB/validate-bsi-issued-certificates/client-directory-results/?searchkey=licencenumber%3D" },
  { "british standards institution", "https://www.bsigroup.com/en-GB/validate-bsi-issued-certificates/client-directory-results/?searchkey=licencenumber%3D" },
};

static void
certo_document_finalize (GObject *object)
{
  CertoDocument *self = CERTO_DOCUMENT (object);

  g_free (self->key);
  g_clear_pointer (&self->title_localized, certo_localized_unref);
  g_clear_pointer (&self->family_name, g_ref_string_release);
  g_free (self->standard_ids);
  g_clear_pointer (&self->standards_label, g_ref_string_release);
  g_free (self->service_ids);
  g_strfreev (self->service_names);
  g_clear_pointer (&self->issuer, g_ref_string_release);
  g_free (self->certificate_number);
  g_clear_pointer (&self->issued, g_ref_string_release);
  g_clear_pointer (&self->expires, g_ref_string_release);
  g_strfreev (self->urls);
  g_clear_pointer (&self->language, g_ref_string_release);
  g_free (self->search_text);
  g_free (self->withdrawn_at);
  g_free (self->updated_at);
  g_free (self->checked);
  g_clear_pointer (&self->remote_type, g_ref_string_release);
  g_free (self->sort_key);

  G_OBJECT_CLASS (certo_document_parent_class)->finalize (object);
}

static void
certo_document_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CertoDocument *self = CERTO_DOCUMENT (object);

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
    case PROP_KIND_LABEL:
      g_value_set_static_string (value, self->kind_label);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_FAMILY_NAME:
      g_value_set_string (value, self->family_name);
      break;
    case PROP_STANDARDS_LABEL:
      g_value_set_string (value, self->standards_label);
      break;
    case PROP_ISSUER:
      g_value_set_string (value, self->issuer);
      break;
    case PROP_CERTIFICATE_NUMBER:
      g_value_set_string (value, self->certificate_number);
      break;
    case PROP_ISSUED:
      g_value_set_string (value, self->issued);
      break;
    case PROP_EXPIRES:
      g_value_set_string (value, self->expires);
      break;
    case PROP_URL:
      g_value_set_string (value, certo_document_get_url (self));
      break;
    case PROP_WITHDRAWN:
      g_value_set_boolean (value, self->withdrawn_at != NULL);
      break;
    case PROP_UPDATED:
      g_value_set_boolean (value, self->updated);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
certo_document_class_init (CertoDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = certo_document_finalize;
  object_class->get_property = certo_document_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_KEY] = g_param_spec_string ("key", NULL, NULL, NULL, flags);
  properties[PROP_KIND] = g_param_spec_int ("kind", NULL, NULL, 0, CERTO_DOCUMENT_KIND_LAST, 0, flags);
  properties[PROP_KIND_LABEL] = g_param_spec_string ("kind-label", NULL, NULL, NULL, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_FAMILY_NAME] = g_param_spec_string ("family-name", NULL, NULL, NULL, flags);
  properties[PROP_STANDARDS_LABEL] = g_param_spec_string ("standards-label", NULL, NULL, NULL, flags);
  properties[PROP_ISSUER] = g_param_spec_string ("issuer", NULL, NULL, NULL, flags);
  properties[PROP_CERTIFICATE_NUMBER] = g_param_spec_string ("certificate-number", NULL, NULL, NULL, flags);
  properties[PROP_ISSUED] = g_param_spec_string ("issued", NULL, NULL, NULL, flags);
  properties[PROP_EXPIRES] = g_param_spec_string ("expires", NULL, NULL, NULL, flags);
  properties[PROP_URL] = g_param_spec_string ("url", NULL, NULL, NULL, flags);
  properties[PROP_WITHDRAWN] = g_param_spec_boolean ("withdrawn", NULL, NULL, FALSE, flags);
  properties[PROP_UPDATED] = g_param_spec_boolean ("updated", NULL, NULL, FALSE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
certo_document_init (CertoDocument *self)
{
  self->remote_size = -1;
}

/**
 * certo_document_get_id:
 * @self: a #CertoDocument
 *
 * Returns: the row id, stable across re-imports of its source
 */
gint64
certo_document_get_id (CertoDocument *self)
{
  g_return_val_if_fail (CERTO_IS_DOCUMENT (self), 0);
  return self->id;
}

/**
 * certo_document_get_key:
 * @self: a #CertoDocument
 *
 * Returns: (transfer none): the feed's id ("azure-iso27001-certificate")
 */
const char *
certo_document_get_key (CertoDocument *self)
{
  g_return_val_if_fail (CERTO_IS_DOCUMENT (self), NULL);
  return self->key;
}

/**
 * certo_document_get_source_id:
 * @self: a #CertoDocument
 *
 * Returns: the id of the source the document came from
 */
gint64
certo_document_get_source_id (CertoDocument *self)
{
  g_return_val_if_fail (CERTO_IS_DOCUMENT (self), 0);
  return self->source_id;
}

/**
 * certo_document_get_kind:
 * @self: a #CertoDocument
 *
 * Returns: what the document is
 */
CertoDocumentKind
certo_document_get_kind (CertoDocument *self)
{
  g_return_val_if_fail (CERTO_IS_DOCUMENT (self), CERTO_DOCUMENT_KIND_OTHER);
  return self->kind;
}

/**
 * certo_document_get_kind_label:
 * @self: a #CertoDocument
 *
 * Returns: (transfer none): the kind, translated ("Certificate")
 */
const char *
certo_document_get_kind_label (CertoDocument *self)
{
  g_return_val_if_fail (CERTO_IS_DOCUMENT (self), NULL);
  return self->kind_label;
}

/**
 * certo_document_get_title_localized:
 * @self: a #CertoDocument
 *
 * Returns: (transfer none): the title in every language the source gives
 */
CertoLocalized *
certo_document_get_title_localized (CertoDocument *self)
{
  g_return_val_if_fail (CERTO_IS_DOCUMENT (self), NULL);
  return self->title_localized;
}

/**
 * certo_document_get_title:
 * @self: a #CertoDocument
 *
 * Returns: (transfer none): the title in the user's language, chosen when
 *   the catalog was loaded (remote text: plain, never markup)
 */
const char *
certo_document_get_title (CertoDocument *self)
{
  g_return_val_if_fail (CERTO_IS_DOCUMENT (self), NULL);
  return self->title;
}

/**
 * certo_document_get_family_id:
 * @self: a #CertoDocument
 *
 * Returns: the id of the document's product family, or 0 for none
 */
gint64
certo_document_get_family_id (CertoDocument *self)
{
  g_return_val_if_fail (CERTO_IS_DOCUMENT (self), 0);
  return self->family_id;
}

/**
 * certo_document_get_family_name:
 * @self: a #CertoDocument
 *
 * Returns: (transfer none) (nullable): the family's name in the user's language
 */
const char *
certo_document_get_family_name (CertoDocument *self)
{
  g_return_val_if_fail (CERTO_IS_DOCUMENT (self), NULL);
  return self->family_name;
}

/**
 * certo_document_get_standard_ids:
 * @self: a #CertoDocument
 * @n_ids: (out): the number of ids
 *
 * Returns: (transfer none) (array length=n_ids) (nullable): the ids of the
 *   standards the document is about, in the source's order
 */
const gint64 *
certo_document_get_standard_ids (CertoDocument *self,
                                 guint         *n_ids)
{
  g_return_val_if_fail (CERTO_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (n_ids != NULL, NULL);

  *n_ids = self->n_standard_ids;
  return self->standard_ids;
}

/**
 * certo_document_get_standards_label:
 * @self: a #CertoDocument
 *
 * Returns: (transfer none) (nullable): the standards' names joined for
 *   display ("ISO/IEC 27001:2013, ISO/IEC 27018"), or %NULL for none
 */
const char *
certo_document_get_standards_label (CertoDocument *self)
{
  g_return_val_if_fail (CERTO_IS_DOCUMENT (self), NULL);
  return self->standards_label;
}

/**
 * certo_document_get_service_ids:
 * @self: a #CertoDocument
 * @n_ids: (out): the number of ids
 *
 * Returns: (transfer none) (array length=n_ids) (nullable): the ids of the
 *   in-scope services the document covers, in the source's order
 */
const gint64 *
certo_document_get_service_ids (CertoDocument *self,
                                guint         *n_ids)
{
  g_return_val_if_fail (CERTO_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (n_ids != NULL, NULL);

  *n_ids = self->n_service_ids;
  return self->service_ids;
}

/**
 * certo_document_get_service_names:
 * @self: a #CertoDocument
 *
 * Returns: (transfer none) (array zero-terminated=1): covered services
 *   named by the source that match no in-scope service ("Microsoft
 *   Datacenter"); never %NULL
 */
const char * const *
certo_document_get_service_names (CertoDocument *self)
{
  g_return_val_if_fail (CERTO_IS_DOCUMENT (self), certo_model_empty_strv);

  if (self->service_names == NULL)
    return certo_model_empty_strv;
  return (const char * const *) self->service_names;
}

/**
 * certo_document_get_issuer:
 * @self: a #CertoDocument
 *
 * Returns: (transfer none) (nullable): the certification body ("BSI")
 */
const char *
certo_document_get_issuer (CertoDocument *self)
{
  g_return_val_if_fail (CERTO_IS_DOCUMENT (self), NULL);
  return self->issuer;
}

/**
 * certo_document_get_certificate_number:
 * @self: a #CertoDocument
 *
 * Returns: (transfer none) (nullable): the certificate number ("IS 533913")
 */
const char *
certo_document_get_certificate_number (CertoDocument *self)
{
  g_return_val_if_fail (CERTO_IS_DOCUMENT (self), NULL);
  return self->certificate_number;
}

/**
 * certo_document_get_issued:
 * @self: a #CertoDocument
 *
 * Returns: (transfer none) (nullable): the issue date, ISO 8601
 */
const char *
certo_document_get_issued (CertoDocument *self)
{
  g_return_val_if_fail (CERTO_IS_DOCUMENT (self), NULL);
  return self->issued;
}

/**
 * certo_document_get_expires:
 * @self: a #CertoDocument
 *
 * Returns: (transfer none) (nullable): the expiry date, ISO 8601
 */
const char *
certo_document_get_expires (CertoDocument *self)
{
  g_return_val_if_fail (CERTO_IS_DOCUMENT (self), NULL);
  return self->expires;
}

/**
 * certo_document_get_urls:
 * @self: a #CertoDocument
 *
 * Returns: (transfer none) (array zero-terminated=1): the document's
 *   http(s) links, the primary one first; never %NULL
 */
const char * const *
certo_document_get_urls (CertoDocument *self)
{
  g_return_val_if_fail (CERTO_IS_DOCUMENT (self), certo_model_empty_strv);

  if (self->urls == NULL)
    return certo_model_empty_strv;
  return (const char * const *) self->urls;
}

/**
 * certo_document_get_url:
 * @self: a #CertoDocument
 *
 * Returns: (transfer none) (nullable): the primary link
 */
const char *
certo_document_get_url (CertoDocument *self)
{
  g_return_val_if_fail (CERTO_IS_DOCUMENT (self), NULL);

  return self->urls != NULL ? self->urls[0] : NULL;
}

/**
 * certo_document_get_language:
 * @self: a #CertoDocument
 *
 * Returns: (transfer none) (nullable): the BCP 47 tag of the linked
 *   document's language
 */
const char *
certo_document_get_language (CertoDocument *self)
{
  g_return_val_if_fail (CERTO_IS_DOCUMENT (self), NULL);
  return self->language;
}

/**
 * certo_document_get_search_text:
 * @self: a #CertoDocument
 *
 * Returns: (transfer none): every language's title, the certificate
 *   number, the issuer, the family's names and the covered services'
 *   names, folded with certo_text_fold() for certo_search_query_matches()
 */
const char *
certo_document_get_search_text (CertoDocument *self)
{
  g_return_val_if_fail (CERTO_IS_DOCUMENT (self), NULL);
  return self->search_text;
}

/* The first link whose host names the issuer ("schellman" in
 * www.schellman.com), so a user can check the document where the
 * certification body published it. */
static char *
dup_issuer_host_url (CertoDocument *self)
{
  g_autofree char *folded = certo_text_fold (self->issuer);
  g_auto(GStrv) words = g_strsplit (folded, " ", -1);

  if (words[0] == NULL || strlen (words[0]) < 3 || self->urls == NULL)
    return NULL;

  for (guint i = 0; self->urls[i] != NULL; i++)
    {
      g_autoptr(GUri) uri = g_uri_parse (self->urls[i], G_URI_FLAGS_NONE, NULL);
      g_autofree char *host = NULL;

      if (uri == NULL || g_uri_get_host (uri) == NULL)
        continue;
      host = g_ascii_strdown (g_uri_get_host (uri), -1);
      if (strstr (host, words[0]) != NULL)
        return g_strdup (self->urls[i]);
    }

  return NULL;
}

/**
 * certo_document_dup_verify_url:
 * @self: a #CertoDocument
 *
 * Where a user can check the document with its issuer. For a certificate
 * with a number from a certification body whose public directory Certo
 * knows (BSI), that directory's search for the number; otherwise the first
 * of the document's links whose host belongs to the issuer.
 *
 * Returns: (transfer full) (nullable): an https URL, or %NULL when there is
 *   no way to verify the document
 */
char *
certo_document_dup_verify_url (CertoDocument *self)
{
  g_return_val_if_fail (CERTO_IS_DOCUMENT (self), NULL);

  if (self->issuer == NULL || *self->issuer == '\0')
    return NULL;

  if (self->kind == CERTO_DOCUMENT_KIND_CERTIFICATE &&
      self->certificate_number != NULL && *self->certificate_number != '\0')
    {
      g_autofree char *issuer = certo_text_fold (self->issuer);

      for (guint i = 0; i < G_N_ELEMENTS (directories); i++)
        {
          gsize len = strlen (directories[i].match);

          /* "BSI" and "BSI Group", not "BSIX" */
          if (strncmp (issuer, directories[i].match, len) == 0 &&
              (issuer[len] == '\0' || issuer[len] == ' '))
            {
              g_autofree char *number = g_uri_escape_string (self->certificate_number, NULL, FALSE);

              return g_strconcat (directories[i].search_prefix, number, NULL);
            }
        }
    }

  return dup_issuer_host_url (self);
}

/**
 * certo_document_get_withdrawn:
 * @self: a #CertoDocument
 *
 * A document its source no longer lists stays in the catalog only while
 * a copy of it is saved for offline reading; it is then withdrawn.
 *
 * Returns: %TRUE when the document left its source
 */
gboolean
certo_document_get_withdrawn (CertoDocument *self)
{
  g_return_val_if_fail (CERTO_IS_DOCUMENT (self), FALSE);
  return self->withdrawn_at != NULL;
}

/**
 * certo_document_get_withdrawn_at:
 * @self: a #CertoDocument
 *
 * Returns: (transfer none) (nullable): when the sync that found the
 *   document gone ran, ISO 8601 in UTC; %NULL for a document still listed
 */
const char *
certo_document_get_withdrawn_at (CertoDocument *self)
{
  g_return_val_if_fail (CERTO_IS_DOCUMENT (self), NULL);
  return self->withdrawn_at;
}

/**
 * certo_document_get_updated_at:
 * @self: a #CertoDocument
 *
 * Returns: (transfer none) (nullable): when a sync last found the
 *   document's fields changed, or a document check found its file changed
 *   behind the same link; ISO 8601 in UTC
 */
const char *
certo_document_get_updated_at (CertoDocument *self)
{
  g_return_val_if_fail (CERTO_IS_DOCUMENT (self), NULL);
  return self->updated_at;
}

/**
 * certo_document_is_updated:
 * @self: a #CertoDocument
 *
 * Whether to show an "Updated" badge: the document changed within
 * %CERTO_DOCUMENT_UPDATED_DAYS days before the catalog was loaded. The
 * first import of a source marks nothing.
 *
 * Returns: %TRUE when the document changed recently
 */
gboolean
certo_document_is_updated (CertoDocument *self)
{
  g_return_val_if_fail (CERTO_IS_DOCUMENT (self), FALSE);
  return self->updated;
}

/**
 * certo_document_get_checked:
 * @self: a #CertoDocument
 *
 * Returns: (transfer none) (nullable): when "Check documents" last probed
 *   the document's link, ISO 8601 in UTC
 */
const char *
certo_document_get_checked (CertoDocument *self)
{
  g_return_val_if_fail (CERTO_IS_DOCUMENT (self), NULL);
  return self->checked;
}

/**
 * certo_document_get_remote_content_type:
 * @self: a #CertoDocument
 *
 * Returns: (transfer none) (nullable): the media type the last check saw
 *   behind the link ("application/pdf")
 */
const char *
certo_document_get_remote_content_type (CertoDocument *self)
{
  g_return_val_if_fail (CERTO_IS_DOCUMENT (self), NULL);
  return self->remote_type;
}

/**
 * certo_document_get_remote_size:
 * @self: a #CertoDocument
 *
 * Returns: the size in bytes the last check saw behind the link, or -1
 *   when unknown
 */
gint64
certo_document_get_remote_size (CertoDocument *self)
{
  g_return_val_if_fail (CERTO_IS_DOCUMENT (self), -1);
  return self->remote_size;
}
