/* certo-soa-version.c — an approved version of the Statement of Applicability
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ISO/IEC 27001:2022 clause 6.1.3 d–f: the SoA is documented information,
 * and the risk owners approve the risk treatment plan; an auditor asks
 * which version is current, who approved it and when (clause 7.5.2 c).
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
};

G_DEFINE_FINAL_TYPE (CertoSoaVersion, certo_soa_version, CERTO_TYPE_WORKSPACE_ITEM)

enum {
  PROP_0,
  PROP_VERSION,
  PROP_APPROVER,
  PROP_APPROVAL_DATE,
  PROP_NOTES,
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
  g_return_val_if_fail (CERTO_IS_SOA_VERSION (self), FALSE);
  return _certo_workspace_item_set_date (self, properties[PROP_APPROVAL_DATE],
                                         &self->approval_date, date, error);
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
