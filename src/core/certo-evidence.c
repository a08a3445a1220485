/* certo-evidence.c — an evidence item of a certification workspace
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An item is a file stored inside the workspace (its bytes are a BLOB in
 * the file, loaded only when exported), a link, or a snapshot of a Library
 * document. What was captured (file name, size, SHA-256, the snapshot) is
 * fixed; the title, description, dates and linked requirements are
 * tracked edits.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "certo-catalog-update.h"
#include "certo-text.h"
#include "certo-workspace-private.h"

G_STATIC_ASSERT (CERTO_EVIDENCE_MAX_URL_BYTES == CERTO_UPDATE_MAX_URL_BYTES);

/* Longest title made from a link, in characters */
#define LINK_TITLE_CHARS 80

struct _CertoEvidence
{
  CertoWorkspaceItem parent_instance;

  CertoEvidenceKind kind;
  char *title;
  char *description;
  char *file_name;
  char *content_type;
  gint64 size;
  char *sha256;
  char *url;
  char *captured_at;
  char *added_by;
  char *effective_date;
  char *expiry_date;
  char **requirement_keys;

  /* Library snapshot */
  char *document_title;
  char *certificate_number;
  char *issuer;
  char *document_issue_date;
  char *document_expiry_date;
  char *document_sha256;
  char *source_name;
  char *document_key;
};

G_DEFINE_FINAL_TYPE (CertoEvidence, certo_evidence, CERTO_TYPE_WORKSPACE_ITEM)
G_DEFINE_BOXED_TYPE (CertoLibrarySnapshot, certo_library_snapshot,
                     certo_library_snapshot_copy, certo_library_snapshot_free)

enum {
  PROP_0,
  PROP_KIND,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_FILE_NAME,
  PROP_CONTENT_TYPE,
  PROP_SIZE,
  PROP_SHA256,
  PROP_URL,
  PROP_CAPTURED_AT,
  PROP_ADDED_BY,
  PROP_EFFECTIVE_DATE,
  PROP_EXPIRY_DATE,
  PROP_REQUIREMENT_KEYS,
  PROP_DOCUMENT_TITLE,
  PROP_CERTIFICATE_NUMBER,
  PROP_ISSUER,
  PROP_DOCUMENT_ISSUE_DATE,
  PROP_DOCUMENT_EXPIRY_DATE,
  PROP_DOCUMENT_SHA256,
  PROP_SOURCE_NAME,
  PROP_DOCUMENT_KEY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * _certo_evidence_check_period:
 * @effective: (nullable): from when evidence is valid, `YYYY-MM-DD`
 * @expiry: (nullable): until when
 * @error: (out) (optional): %CERTO_WORKSPACE_ERROR_INVALID_VALUE
 *
 * Evidence cannot stop being valid before it starts to be.
 *
 * Returns: %TRUE when both are valid dates (or missing) in that order
 */
gboolean
_certo_evidence_check_period (const char  *effective,
                              const char  *expiry,
                              GError     **error)
{
  if (!_certo_workspace_check_date (effective, error) ||
      !_certo_workspace_check_date (expiry, error))
    return FALSE;

  effective = certo_nonempty (effective);
  expiry = certo_nonempty (expiry);
  if (effective == NULL || expiry == NULL || certo_iso_date_compare (expiry, effective) >= 0)
    return TRUE;

  g_set_error (error, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_INVALID_VALUE,
               _("The evidence cannot expire on %s when it is valid from %s: the expiry date must not come before it. Check both dates."),
               expiry, effective);
  return FALSE;
}

/* CertoWorkspaceItem */

static gboolean
certo_evidence_validate (CertoWorkspaceItem  *item,
                         GParamSpec          *pspec,
                         const GValue        *value,
                         GError             **error)
{
  CertoEvidence *self = CERTO_EVIDENCE (item);
  CertoWorkspace *workspace = _certo_workspace_item_get_workspace (item);
  gboolean checked = workspace != NULL && !_certo_workspace_is_undoing (workspace);

  if (pspec == properties[PROP_EFFECTIVE_DATE])
    return checked ? _certo_evidence_check_period (g_value_get_string (value), self->expiry_date, error)
                   : _certo_workspace_check_date (g_value_get_string (value), error);
  if (pspec == properties[PROP_EXPIRY_DATE])
    return checked ? _certo_evidence_check_period (self->effective_date, g_value_get_string (value), error)
                   : _certo_workspace_check_date (g_value_get_string (value), error);

  if (pspec == properties[PROP_REQUIREMENT_KEYS] && workspace != NULL)
    {
      const char * const *keys = g_value_get_boxed (value);

      for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
        if (_certo_workspace_lookup_key (workspace, keys[i]) == NULL)
          {
            g_set_error (error, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_NOT_FOUND,
                         _("This workspace has no requirement “%s”; use its number, as in A.5.14 or 9.2"), keys[i]);
            return FALSE;
          }
    }

  return TRUE;
}

static gboolean
certo_evidence_validate_date (CertoEvidence  *self,
                              GParamSpec     *pspec,
                              const char     *date,
                              GError        **error)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, date);
  return certo_evidence_validate (CERTO_WORKSPACE_ITEM (self), pspec, &value, error);
}

static char *
certo_evidence_dup_display_name (CertoWorkspaceItem *item)
{
  return g_strdup (CERTO_EVIDENCE (item)->title);
}

/* GObject */

static void
certo_evidence_finalize (GObject *object)
{
  CertoEvidence *self = CERTO_EVIDENCE (object);

  g_free (self->title);
  g_free (self->description);
  g_free (self->file_name);
  g_free (self->content_type);
  g_free (self->sha256);
  g_free (self->url);
  g_free (self->captured_at);
  g_free (self->added_by);
  g_free (self->effective_date);
  g_free (self->expiry_date);
  g_strfreev (self->requirement_keys);
  g_free (self->document_title);
  g_free (self->certificate_number);
  g_free (self->issuer);
  g_free (self->document_issue_date);
  g_free (self->document_expiry_date);
  g_free (self->document_sha256);
  g_free (self->source_name);
  g_free (self->document_key);

  G_OBJECT_CLASS (certo_evidence_parent_class)->finalize (object);
}

static char **
string_field (CertoEvidence *self,
              guint          prop_id)
{
  switch (prop_id)
    {
    case PROP_TITLE: return &self->title;
    case PROP_DESCRIPTION: return &self->description;
    case PROP_FILE_NAME: return &self->file_name;
    case PROP_CONTENT_TYPE: return &self->content_type;
    case PROP_SHA256: return &self->sha256;
    case PROP_URL: return &self->url;
    case PROP_CAPTURED_AT: return &self->captured_at;
    case PROP_ADDED_BY: return &self->added_by;
    case PROP_EFFECTIVE_DATE: return &self->effective_date;
    case PROP_EXPIRY_DATE: return &self->expiry_date;
    case PROP_DOCUMENT_TITLE: return &self->document_title;
    case PROP_CERTIFICATE_NUMBER: return &self->certificate_number;
    case PROP_ISSUER: return &self->issuer;
    case PROP_DOCUMENT_ISSUE_DATE: return &self->document_issue_date;
    case PROP_DOCUMENT_EXPIRY_DATE: return &self->document_expiry_date;
    case PROP_DOCUMENT_SHA256: return &self->document_sha256;
    case PROP_SOURCE_NAME: return &self->source_name;
    case PROP_DOCUMENT_KEY: return &self->document_key;
    default: return NULL;
    }
}

static void
certo_evidence_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CertoEvidence *self = CERTO_EVIDENCE (object);
  char **field = string_field (self, prop_id);

  if (field != NULL)
    {
      g_value_set_string (value, *field);
      return;
    }

  switch (prop_id)
    {
    case PROP_KIND: g_value_set_enum (value, self->kind); break;
    case PROP_SIZE: g_value_set_int64 (value, self->size); break;
    case PROP_REQUIREMENT_KEYS: g_value_set_boxed (value, self->requirement_keys); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
certo_evidence_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  CertoEvidence *self = CERTO_EVIDENCE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      certo_evidence_set_title (self, g_value_get_string (value));
      return;
    case PROP_DESCRIPTION:
      certo_evidence_set_description (self, g_value_get_string (value));
      return;
    case PROP_EFFECTIVE_DATE:
      if (!certo_evidence_set_effective_date (self, g_value_get_string (value), NULL))
        g_object_notify_by_pspec (object, pspec);
      return;
    case PROP_EXPIRY_DATE:
      if (!certo_evidence_set_expiry_date (self, g_value_get_string (value), NULL))
        g_object_notify_by_pspec (object, pspec);
      return;
    case PROP_REQUIREMENT_KEYS:
      if (!certo_evidence_set_requirement_keys (self, g_value_get_boxed (value), NULL))
        g_object_notify_by_pspec (object, pspec);
      return;
    case PROP_KIND:
      self->kind = g_value_get_enum (value);
      return;
    case PROP_SIZE:
      self->size = g_value_get_int64 (value);
      return;
    default:
      break;
    }

  if (string_field (self, prop_id) != NULL)
    {
      char **field = string_field (self, prop_id);

      g_free (*field);
      *field = g_value_dup_string (value);
      return;
    }

  G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

#define IDENTITY (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS)
#define EDITABLE (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)

static void
certo_evidence_class_init (CertoEvidenceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  CertoWorkspaceItemClass *item_class = CERTO_WORKSPACE_ITEM_CLASS (klass);

  object_class->finalize = certo_evidence_finalize;
  object_class->get_property = certo_evidence_get_property;
  object_class->set_property = certo_evidence_set_property;

  item_class->validate = certo_evidence_validate;
  item_class->dup_display_name = certo_evidence_dup_display_name;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, CERTO_TYPE_EVIDENCE_KIND, CERTO_EVIDENCE_FILE, IDENTITY);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, "", EDITABLE);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, "", EDITABLE);
  properties[PROP_FILE_NAME] = g_param_spec_string ("file-name", NULL, NULL, NULL, IDENTITY);
  properties[PROP_CONTENT_TYPE] = g_param_spec_string ("content-type", NULL, NULL, NULL, IDENTITY);
  properties[PROP_SIZE] = g_param_spec_int64 ("size", NULL, NULL, 0, G_MAXINT64, 0, IDENTITY);
  properties[PROP_SHA256] = g_param_spec_string ("sha256", NULL, NULL, NULL, IDENTITY);
  properties[PROP_URL] = g_param_spec_string ("url", NULL, NULL, NULL, IDENTITY);
  properties[PROP_CAPTURED_AT] = g_param_spec_string ("captured-at", NULL, NULL, NULL, IDENTITY);
  properties[PROP_ADDED_BY] = g_param_spec_string ("added-by", NULL, NULL, NULL, IDENTITY);
  properties[PROP_EFFECTIVE_DATE] = g_param_spec_string ("effective-date", NULL, NULL, NULL, EDITABLE);
  properties[PROP_EXPIRY_DATE] = g_param_spec_string ("expiry-date", NULL, NULL, NULL, EDITABLE);
  properties[PROP_REQUIREMENT_KEYS] =
    g_param_spec_boxed ("requirement-keys", NULL, NULL, G_TYPE_STRV, EDITABLE);
  properties[PROP_DOCUMENT_TITLE] = g_param_spec_string ("document-title", NULL, NULL, NULL, IDENTITY);
  properties[PROP_CERTIFICATE_NUMBER] = g_param_spec_string ("certificate-number", NULL, NULL, NULL, IDENTITY);
  properties[PROP_ISSUER] = g_param_spec_string ("issuer", NULL, NULL, NULL, IDENTITY);
  properties[PROP_DOCUMENT_ISSUE_DATE] = g_param_spec_string ("document-issue-date", NULL, NULL, NULL, IDENTITY);
  properties[PROP_DOCUMENT_EXPIRY_DATE] = g_param_spec_string ("document-expiry-date", NULL, NULL, NULL, IDENTITY);
  properties[PROP_DOCUMENT_SHA256] = g_param_spec_string ("document-sha256", NULL, NULL, NULL, IDENTITY);
  properties[PROP_SOURCE_NAME] = g_param_spec_string ("source-name", NULL, NULL, NULL, IDENTITY);
  properties[PROP_DOCUMENT_KEY] = g_param_spec_string ("document-key", NULL, NULL, NULL, IDENTITY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
certo_evidence_init (CertoEvidence *self)
{
  self->title = g_strdup ("");
  self->description = g_strdup ("");
  self->requirement_keys = g_new0 (char *, 1);
}

/* Public API */

/**
 * certo_library_snapshot_new:
 *
 * Returns: (transfer full): an empty snapshot to fill in
 */
CertoLibrarySnapshot *
certo_library_snapshot_new (void)
{
  return g_new0 (CertoLibrarySnapshot, 1);
}

/**
 * certo_library_snapshot_copy:
 * @self: a snapshot
 *
 * Returns: (transfer full): a deep copy
 */
CertoLibrarySnapshot *
certo_library_snapshot_copy (const CertoLibrarySnapshot *self)
{
  CertoLibrarySnapshot *copy = certo_library_snapshot_new ();

  copy->title = g_strdup (self->title);
  copy->certificate_number = g_strdup (self->certificate_number);
  copy->issuer = g_strdup (self->issuer);
  copy->issue_date = g_strdup (self->issue_date);
  copy->expiry_date = g_strdup (self->expiry_date);
  copy->url = g_strdup (self->url);
  copy->sha256 = g_strdup (self->sha256);
  copy->source_name = g_strdup (self->source_name);
  copy->document_key = g_strdup (self->document_key);
  return copy;
}

/**
 * certo_library_snapshot_free:
 * @self: (transfer full) (nullable): a snapshot
 */
void
certo_library_snapshot_free (CertoLibrarySnapshot *self)
{
  if (self == NULL)
    return;

  g_free (self->title);
  g_free (self->certificate_number);
  g_free (self->issuer);
  g_free (self->issue_date);
  g_free (self->expiry_date);
  g_free (self->url);
  g_free (self->sha256);
  g_free (self->source_name);
  g_free (self->document_key);
  g_free (self);
}

#define GETTER(type, name, field)                           \
  type                                                      \
  certo_evidence_get_##name (CertoEvidence *self)           \
  {                                                         \
    g_return_val_if_fail (CERTO_IS_EVIDENCE (self), 0);     \
    return self->field;                                     \
  }

/**
 * certo_evidence_get_kind:
 * @self: an evidence item
 *
 * Returns: file, link or Library document
 */
GETTER (CertoEvidenceKind, kind, kind)
/**
 * certo_evidence_get_title:
 * @self: an evidence item
 *
 * Returns: (transfer none): the title shown
 */
GETTER (const char *, title, title)
/**
 * certo_evidence_get_description:
 * @self: an evidence item
 *
 * Returns: (transfer none): what it shows; "" when none
 */
GETTER (const char *, description, description)
/**
 * certo_evidence_get_file_name:
 * @self: an evidence item
 *
 * Returns: (transfer none) (nullable): a stored file's name, as added
 */
GETTER (const char *, file_name, file_name)
/**
 * certo_evidence_get_content_type:
 * @self: an evidence item
 *
 * Returns: (transfer none) (nullable): a stored file's MIME type, guessed
 *   from its name and first bytes when it was added
 */
GETTER (const char *, content_type, content_type)
/**
 * certo_evidence_get_size:
 * @self: an evidence item
 *
 * Returns: a stored file's size in bytes; 0 for other kinds
 */
GETTER (gint64, size, size)
/**
 * certo_evidence_get_sha256:
 * @self: an evidence item
 *
 * Returns: (transfer none) (nullable): a stored file's SHA-256, lower-case hex
 */
GETTER (const char *, sha256, sha256)
/**
 * certo_evidence_get_url:
 * @self: an evidence item
 *
 * Returns: (transfer none) (nullable): a link's URL, or a Library document's
 */
GETTER (const char *, url, url)
/**
 * certo_evidence_get_captured_at:
 * @self: an evidence item
 *
 * Returns: (transfer none) (nullable): when it was added, an ISO 8601 UTC time
 */
GETTER (const char *, captured_at, captured_at)
/**
 * certo_evidence_get_added_by:
 * @self: an evidence item
 *
 * Returns: (transfer none) (nullable): who added it (the user name of the workspace)
 */
GETTER (const char *, added_by, added_by)
/**
 * certo_evidence_get_effective_date:
 * @self: an evidence item
 *
 * Returns: (transfer none) (nullable): from when it is valid, `YYYY-MM-DD`
 */
GETTER (const char *, effective_date, effective_date)
/**
 * certo_evidence_get_expiry_date:
 * @self: an evidence item
 *
 * Returns: (transfer none) (nullable): until when it is valid, `YYYY-MM-DD`
 */
GETTER (const char *, expiry_date, expiry_date)

/**
 * certo_evidence_get_requirement_keys:
 * @self: an evidence item
 *
 * Returns: (transfer none) (array zero-terminated=1): the keys of the
 *   requirements it supports, in the framework's order
 */
const char * const *
certo_evidence_get_requirement_keys (CertoEvidence *self)
{
  g_return_val_if_fail (CERTO_IS_EVIDENCE (self), NULL);
  return (const char * const *) self->requirement_keys;
}

/**
 * certo_evidence_has_requirement:
 * @self: an evidence item
 * @key: a requirement key
 *
 * Returns: whether the item supports that requirement
 */
gboolean
certo_evidence_has_requirement (CertoEvidence *self,
                                const char    *key)
{
  g_return_val_if_fail (CERTO_IS_EVIDENCE (self), FALSE);
  return key != NULL && g_strv_contains ((const char * const *) self->requirement_keys, key);
}

/**
 * certo_evidence_dup_snapshot:
 * @self: an evidence item
 *
 * Returns: (transfer full) (nullable): what was captured of a Library
 *   document; %NULL for other kinds
 */
CertoLibrarySnapshot *
certo_evidence_dup_snapshot (CertoEvidence *self)
{
  CertoLibrarySnapshot *snapshot;

  g_return_val_if_fail (CERTO_IS_EVIDENCE (self), NULL);

  if (self->kind != CERTO_EVIDENCE_LIBRARY)
    return NULL;

  snapshot = certo_library_snapshot_new ();
  snapshot->title = g_strdup (self->document_title);
  snapshot->certificate_number = g_strdup (self->certificate_number);
  snapshot->issuer = g_strdup (self->issuer);
  snapshot->issue_date = g_strdup (self->document_issue_date);
  snapshot->expiry_date = g_strdup (self->document_expiry_date);
  snapshot->url = g_strdup (self->url);
  snapshot->sha256 = g_strdup (self->document_sha256);
  snapshot->source_name = g_strdup (self->source_name);
  snapshot->document_key = g_strdup (self->document_key);
  return snapshot;
}

/**
 * certo_evidence_set_title:
 * @self: an evidence item
 * @title: (nullable): the title shown
 */
void
certo_evidence_set_title (CertoEvidence *self,
                          const char    *title)
{
  g_return_if_fail (CERTO_IS_EVIDENCE (self));
  _certo_workspace_item_set_string (self, properties[PROP_TITLE], &self->title, title);
}

/**
 * certo_evidence_set_description:
 * @self: an evidence item
 * @description: (nullable): what it shows
 */
void
certo_evidence_set_description (CertoEvidence *self,
                                const char    *description)
{
  g_return_if_fail (CERTO_IS_EVIDENCE (self));
  _certo_workspace_item_set_string (self, properties[PROP_DESCRIPTION], &self->description,
                                    description);
}

/**
 * certo_evidence_set_effective_date:
 * @self: an evidence item
 * @date: (nullable): `YYYY-MM-DD`; %NULL or "" for none
 * @error: (out) (optional): %CERTO_WORKSPACE_ERROR_INVALID_VALUE for a
 *   date that is not one, or after the expiry date
 *
 * Returns: %TRUE when set
 */
gboolean
certo_evidence_set_effective_date (CertoEvidence  *self,
                                   const char     *date,
                                   GError        **error)
{
  g_return_val_if_fail (CERTO_IS_EVIDENCE (self), FALSE);

  if (!certo_evidence_validate_date (self, properties[PROP_EFFECTIVE_DATE], date, error))
    return FALSE;
  return _certo_workspace_item_set_date (self, properties[PROP_EFFECTIVE_DATE],
                                         &self->effective_date, date, error);
}

/**
 * certo_evidence_set_expiry_date:
 * @self: an evidence item
 * @date: (nullable): `YYYY-MM-DD`; %NULL or "" for none
 * @error: (out) (optional): %CERTO_WORKSPACE_ERROR_INVALID_VALUE for a
 *   date that is not one, or before the effective date
 *
 * Returns: %TRUE when set
 */
gboolean
certo_evidence_set_expiry_date (CertoEvidence  *self,
                                const char     *date,
                                GError        **error)
{
  g_return_val_if_fail (CERTO_IS_EVIDENCE (self), FALSE);

  if (!certo_evidence_validate_date (self, properties[PROP_EXPIRY_DATE], date, error))
    return FALSE;
  return _certo_workspace_item_set_date (self, properties[PROP_EXPIRY_DATE],
                                         &self->expiry_date, date, error);
}

/**
 * certo_evidence_set_requirement_keys:
 * @self: an evidence item
 * @keys: (nullable) (array zero-terminated=1): requirement keys
 * @error: (out) (optional): %CERTO_WORKSPACE_ERROR_NOT_FOUND for a key
 *   the workspace does not have
 *
 * Sets the requirements the item supports, as one change (one undo step).
 * The workspace keeps them in the framework's order, without duplicates.
 *
 * Returns: %TRUE when set
 */
gboolean
certo_evidence_set_requirement_keys (CertoEvidence       *self,
                                     const char * const  *keys,
                                     GError             **error)
{
  g_return_val_if_fail (CERTO_IS_EVIDENCE (self), FALSE);

  return _certo_workspace_item_set_keys (self, properties[PROP_REQUIREMENT_KEYS],
                                         &self->requirement_keys, keys, error);
}

/**
 * certo_evidence_check_link:
 * @url: (nullable): an address typed or pasted as evidence
 * @error: (out) (optional): %CERTO_WORKSPACE_ERROR_INVALID_VALUE, with a
 *   message that says what is wrong (for the UI to show under the entry)
 *
 * A link is kept as evidence when it is a web address (https or http, with
 * a host: the only schemes Certo opens, DESIGN.md "Security rules"), at
 * most %CERTO_EVIDENCE_MAX_URL_BYTES long, without control characters.
 * `javascript:`, `file:`, `data:` and the like are refused with their
 * name.
 *
 * Returns: %TRUE when @url can be added
 */
gboolean
certo_evidence_check_link (const char  *url,
                           GError     **error)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme;
  gsize length;

  if (url == NULL || *url == '\0')
    {
      g_set_error_literal (error, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_INVALID_VALUE,
                           _("Type or paste a web address starting with https://"));
      return FALSE;
    }

  length = strlen (url);
  if (length > CERTO_EVIDENCE_MAX_URL_BYTES)
    {
      g_set_error (error, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_INVALID_VALUE,
                   /* Translators: the first %zu is a length in bytes; RFC 9110 §4.1 asks for at least 8,000 */
                   _("The address is %zu bytes long; links of at most %u bytes are kept (RFC 9110 §4.1). Link to a shorter address of the same page."),
                   length, (guint) CERTO_EVIDENCE_MAX_URL_BYTES);
      return FALSE;
    }

  for (const char *p = url; *p != '\0'; p = g_utf8_next_char (p))
    if (certo_text_is_unsafe_char (g_utf8_get_char (p)) || g_unichar_isspace (g_utf8_get_char (p)))
      {
        g_set_error_literal (error, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_INVALID_VALUE,
                             _("The address holds spaces or control characters; copy it again from the browser’s address bar."));
        return FALSE;
      }

  {
    g_autofree char *peeked = g_uri_parse_scheme (url);

    if (peeked != NULL &&
        g_ascii_strcasecmp (peeked, "https") != 0 && g_ascii_strcasecmp (peeked, "http") != 0)
      {
        g_set_error (error, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_INVALID_VALUE,
                     /* Translators: %s is the scheme of an address: "javascript", "file" */
                     _("“%s:” addresses cannot be evidence: only web addresses starting with https:// or http:// are kept and opened."),
                     peeked);
        return FALSE;
      }
  }

  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  scheme = uri != NULL ? g_uri_get_scheme (uri) : NULL;
  if (scheme != NULL &&
      (g_ascii_strcasecmp (scheme, "https") == 0 || g_ascii_strcasecmp (scheme, "http") == 0) &&
      g_uri_get_host (uri) != NULL && *g_uri_get_host (uri) != '\0')
    return TRUE;

  if (g_uri_peek_scheme (url) != NULL)
    {
      g_set_error (error, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_INVALID_VALUE,
                   _("“%s” names no website; copy the whole address from the browser’s address bar."),
                   url);
      return FALSE;
    }

  g_set_error (error, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_INVALID_VALUE,
               _("“%s” is not a web address; evidence links must start with https:// or http://"),
               url);
  return FALSE;
}

/**
 * certo_evidence_dup_link_title:
 * @url: a web address (certo_evidence_check_link())
 *
 * The title a link gets when the user gives none: its host and path,
 * without the scheme, the query or the fragment, shortened to
 * 80 characters with "…" ("intranet.example.com/policies/access-control").
 *
 * Returns: (transfer full): the title
 */
char *
certo_evidence_dup_link_title (const char *url)
{
  g_autoptr(GUri) uri = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  const char *host;

  g_return_val_if_fail (url != NULL, NULL);

  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  host = uri != NULL ? g_uri_get_host (uri) : NULL;
  if (host == NULL || *host == '\0')
    text = g_strdup (url);
  else
    {
      path = g_uri_unescape_string (g_uri_get_path (uri), NULL);
      if (path == NULL || !g_utf8_validate (path, -1, NULL))
        {
          g_free (path);
          path = g_strdup (g_uri_get_path (uri));
        }
      if (g_str_equal (path, "/"))
        path[0] = '\0';
      text = g_strconcat (host, path, NULL);
    }

  {
    g_autofree char *clean = certo_text_strip_unsafe (text, NULL);

    return certo_text_truncate (clean, LINK_TITLE_CHARS, NULL);
  }
}
