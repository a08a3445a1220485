/* certo-soa-version.c — an approved version of the Statement of Applicability
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ISO/IEC 27001:2022 clause 6.1.3 d–f: the SoA is documented information,
 * and the risk owners approve the risk treatment plan; an auditor asks
 * which version is current, who approved it and when (clause 7.5.2 c).
 *
 * An approval approves the content of that moment: the version keeps
 * the SHA-256 of the SoA's content as its exports show it
 * (_certo_workspace_dup_soa_fingerprint()), so a change made after it
 * shows the SoA as a draft again until it is approved anew.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "certo-workspace-private.h"

struct _CertoSoaVersion
{
  CertoWorkspaceItem parent_instance;

  char *version;
  char *approver;
  char *approval_date;
  char *notes;
  char *content_sha256;
};

G_DEFINE_FINAL_TYPE (CertoSoaVersion, certo_soa_version, CERTO_TYPE_WORKSPACE_ITEM)

enum {
  PROP_0,
  PROP_VERSION,
  PROP_APPROVER,
  PROP_APPROVAL_DATE,
  PROP_NOTES,
  PROP_CONTENT_SHA256,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
certo_soa_version_dup_display_name (CertoWorkspaceItem *item)
{
  /* Translators: a version of the Statement of Applicability, "SoA 1.2" */
  return g_strdup_printf (_("SoA %s"), CERTO_SOA_VERSION (item)->version);
}

static void
certo_soa_version_finalize (GObject *object)
{
  CertoSoaVersion *self = CERTO_SOA_VERSION (object);

  g_free (self->version);
  g_free (self->approver);
  g_free (self->approval_date);
  g_free (self->notes);
  g_free (self->content_sha256);

  G_OBJECT_CLASS (certo_soa_version_parent_class)->finalize (object);
}

static void
certo_soa_version_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CertoSoaVersion *self = CERTO_SOA_VERSION (object);

  switch (prop_id)
    {
    case PROP_VERSION: g_value_set_string (value, self->version); break;
    case PROP_APPROVER: g_value_set_string (value, self->approver); break;
    case PROP_APPROVAL_DATE: g_value_set_string (value, self->approval_date); break;
    case PROP_NOTES: g_value_set_string (value, self->notes); break;
    case PROP_CONTENT_SHA256: g_value_set_string (value, self->content_sha256); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
certo_soa_version_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  CertoSoaVersion *self = CERTO_SOA_VERSION (object);

  switch (prop_id)
    {
    case PROP_VERSION: certo_soa_version_set_version (self, g_value_get_string (value)); break;
    case PROP_APPROVER: certo_soa_version_set_approver (self, g_value_get_string (value)); break;
    case PROP_APPROVAL_DATE:
      if (!certo_soa_version_set_approval_date (self, g_value_get_string (value), NULL))
        g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_NOTES: certo_soa_version_set_notes (self, g_value_get_string (value)); break;
    case PROP_CONTENT_SHA256:
      _certo_soa_version_set_content_sha256 (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

#define EDITABLE (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)

static void
certo_soa_version_class_init (CertoSoaVersionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  CertoWorkspaceItemClass *item_class = CERTO_WORKSPACE_ITEM_CLASS (klass);

  object_class->finalize = certo_soa_version_finalize;
  object_class->get_property = certo_soa_version_get_property;
  object_class->set_property = certo_soa_version_set_property;

  item_class->dup_display_name = certo_soa_version_dup_display_name;

  properties[PROP_VERSION] = g_param_spec_string ("version", NULL, NULL, "", EDITABLE);
  properties[PROP_APPROVER] = g_param_spec_string ("approver", NULL, NULL, "", EDITABLE);
  properties[PROP_APPROVAL_DATE] = g_param_spec_string ("approval-date", NULL, NULL, NULL, EDITABLE);
  properties[PROP_NOTES] = g_param_spec_string ("notes", NULL, NULL, "", EDITABLE);
  /**
   * CertoSoaVersion:content-sha256:
   *
   * The SHA-256 of the Statement of Applicability's content when this
   * version was approved (lower-case hex), or %NULL for a draft. Kept by
   * the workspace: set with the approval date.
   */
  properties[PROP_CONTENT_SHA256] = g_param_spec_string ("content-sha256", NULL, NULL, NULL, EDITABLE);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
certo_soa_version_init (CertoSoaVersion *self)
{
  self->version = g_strdup ("");
  self->approver = g_strdup ("");
  self->notes = g_strdup ("");
}

/**
 * certo_soa_version_get_version:
 * @self: an SoA version
 *
 * Returns: (transfer none): the version ("1.2")
 */
const char *
certo_soa_version_get_version (CertoSoaVersion *self)
{
  g_return_val_if_fail (CERTO_IS_SOA_VERSION (self), NULL);
  return self->version;
}

/**
 * certo_soa_version_get_approver:
 * @self: an SoA version
 *
 * Returns: (transfer none): who approved it
 */
const char *
certo_soa_version_get_approver (CertoSoaVersion *self)
{
  g_return_val_if_fail (CERTO_IS_SOA_VERSION (self), NULL);
  return self->approver;
}

/**
 * certo_soa_version_get_approval_date:
 * @self: an SoA version
 *
 * Returns: (transfer none) (nullable): when, `YYYY-MM-DD`; %NULL while a draft
 */
const char *
certo_soa_version_get_approval_date (CertoSoaVersion *self)
{
  g_return_val_if_fail (CERTO_IS_SOA_VERSION (self), NULL);
  return self->approval_date;
}

/**
 * certo_soa_version_get_notes:
 * @self: an SoA version
 *
 * Returns: (transfer none): what changed in this version
 */
const char *
certo_soa_version_get_notes (CertoSoaVersion *self)
{
  g_return_val_if_fail (CERTO_IS_SOA_VERSION (self), NULL);
  return self->notes;
}

/**
 * certo_soa_version_set_version:
 * @self: an SoA version
 * @version: (nullable): the version
 */
void
certo_soa_version_set_version (CertoSoaVersion *self,
                               const char      *version)
{
  g_return_if_fail (CERTO_IS_SOA_VERSION (self));
  _certo_workspace_item_set_string (self, properties[PROP_VERSION], &self->version, version);
}

/**
 * certo_soa_version_set_approver:
 * @self: an SoA version
 * @approver: (nullable): who approved it
 */
void
certo_soa_version_set_approver (CertoSoaVersion *self,
                                const char      *approver)
{
  g_return_if_fail (CERTO_IS_SOA_VERSION (self));
  _certo_workspace_item_set_string (self, properties[PROP_APPROVER], &self->approver, approver);
}

/**
 * certo_soa_version_set_approval_date:
 * @self: an SoA version
 * @date: (nullable): `YYYY-MM-DD`, or %NULL
 * @error: (out) (optional): %CERTO_WORKSPACE_ERROR_INVALID_VALUE
 *
 * Returns: %TRUE when set
 */
gboolean
certo_soa_version_set_approval_date (CertoSoaVersion  *self,
                                     const char       *date,
                                     GError          **error)
{
  CertoWorkspace *workspace;
  gboolean approving;
  gboolean ok;

  g_return_val_if_fail (CERTO_IS_SOA_VERSION (self), FALSE);

  /* A draft approved now approves the content of now, in one undo step;
   * an undo restores both fields itself */
  workspace = _certo_workspace_item_get_workspace (CERTO_WORKSPACE_ITEM (self));
  approving = workspace != NULL && !_certo_workspace_is_undoing (workspace) &&
              self->approval_date == NULL && certo_nonempty (date) != NULL;

  if (approving)
    certo_workspace_begin_changes (workspace);
  ok = _certo_workspace_item_set_date (self, properties[PROP_APPROVAL_DATE],
                                       &self->approval_date, date, error);
  if (approving)
    {
      if (ok)
        {
          g_autofree char *sha256 = _certo_workspace_dup_soa_fingerprint (workspace);

          _certo_soa_version_set_content_sha256 (self, sha256);
        }
      certo_workspace_end_changes (workspace);
    }

  return ok;
}

/**
 * certo_soa_version_get_content_sha256:
 * @self: an SoA version
 *
 * Returns: (transfer none) (nullable): the SHA-256 of the content it
 *   approved; %NULL for a draft
 */
const char *
certo_soa_version_get_content_sha256 (CertoSoaVersion *self)
{
  g_return_val_if_fail (CERTO_IS_SOA_VERSION (self), NULL);
  return self->content_sha256;
}

/**
 * _certo_soa_version_set_content_sha256:
 * @self: an SoA version
 * @sha256: (nullable): the SHA-256 of the content approved
 *
 * A tracked change, made by the workspace when the version is approved.
 */
void
_certo_soa_version_set_content_sha256 (CertoSoaVersion *self,
                                       const char      *sha256)
{
  char *old;

  sha256 = certo_nonempty (sha256);
  if (g_strcmp0 (self->content_sha256, sha256) == 0)
    return;

  old = _certo_workspace_item_begin_change (self, properties[PROP_CONTENT_SHA256]);
  g_free (self->content_sha256);
  self->content_sha256 = g_strdup (sha256);
  _certo_workspace_item_end_change (self, properties[PROP_CONTENT_SHA256], old);
}

/**
 * certo_soa_version_set_notes:
 * @self: an SoA version
 * @notes: (nullable): what changed
 */
void
certo_soa_version_set_notes (CertoSoaVersion *self,
                             const char      *notes)
{
  g_return_if_fail (CERTO_IS_SOA_VERSION (self));
  _certo_workspace_item_set_string (self, properties[PROP_NOTES], &self->notes, notes);
}

/**
 * certo_soa_describe:
 * @version: (nullable): the current approved version ("1.0"), %NULL when
 *   none is approved
 * @approver: (nullable): who approved it
 * @approval_date: (nullable): when, as the caller shows dates (ISO 8601
 *   on the terminal, written out in a PDF)
 * @changed: whether the SoA changed after that approval
 *   (certo_workspace_get_soa_changed_since_approval())
 *
 * The state of the Statement of Applicability in one phrase, the same in
 * the status, the exports and the window: "Version 1.0, approved by Erin
 * Rossi on 2025-03-03"; "Draft — changed since version 1.0 approved by
 * Erin Rossi on 2025-03-03"; "Draft (not approved)". ISO/IEC 27001:2022
 * clause 7.5.2 c asks that documented information be reviewed and
 * approved: a changed SoA is not the approved one.
 *
 * Returns: (transfer full): the phrase, translated
 */
char *
certo_soa_describe (const char *version,
                    const char *approver,
                    const char *approval_date,
                    gboolean    changed)
{
  gboolean has_approver = certo_nonempty (approver) != NULL;

  if (certo_nonempty (version) == NULL)
    /* Translators: the SoA version when no version has been approved */
    return g_strdup (_("Draft (not approved)"));

  if (approval_date == NULL)
    approval_date = "—";

  if (changed && has_approver)
    /* Translators: "Draft — changed since version 1.0 approved by Erin Rossi on 2025-03-03" */
    return g_strdup_printf (_("Draft — changed since version %s approved by %s on %s"),
                            version, approver, approval_date);
  if (changed)
    /* Translators: "Draft — changed since version 1.0 approved on 2025-03-03" */
    return g_strdup_printf (_("Draft — changed since version %s approved on %s"), version, approval_date);
  if (has_approver)
    /* Translators: "Version 1.0, approved by Erin Rossi on 2025-03-03" */
    return g_strdup_printf (_("Version %s, approved by %s on %s"), version, approver, approval_date);
  /* Translators: "Version 1.0, approved on 2025-03-03" */
  return g_strdup_printf (_("Version %s, approved on %s"), version, approval_date);
}
