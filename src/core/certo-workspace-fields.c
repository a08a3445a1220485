/* certo-workspace-fields.c — the workspace's own fields: organisation,
 * scope, framework, certificate
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each setter is a tracked change (history, undo, autosave), like the
 * items' (certo-workspace-edit.c).
 */
#include "config.h"

#include "certo-workspace-private.h"

/* Helpers */

static void
set_tracked_value (CertoWorkspace *self,
                   guint           field,
                   const char     *value)
{
  GParamSpec *pspec = _certo_workspace_get_pspec (WS_PROP_ORGANISATION + field);
  char *old;

  if (g_strcmp0 (self->values[field], value) == 0)
    return;

  old = _certo_workspace_item_begin_change (self, pspec);
  _certo_workspace_set_value (self, field, g_strdup (value));
  _certo_workspace_item_end_change (self, pspec, old);
}

static gboolean
set_tracked_date (CertoWorkspace  *self,
                  guint            field,
                  const char      *date,
                  GError         **error)
{
  if (!_certo_workspace_check_date (date, error))
    return FALSE;

  set_tracked_value (self, field, certo_nonempty (date));
  return TRUE;
}

/* Public API */

/**
 * certo_workspace_get_organisation:
 * @self: a workspace
 *
 * Returns: (transfer none) (nullable): the organisation
 */
const char *
certo_workspace_get_organisation (CertoWorkspace *self)
{
  g_return_val_if_fail (CERTO_IS_WORKSPACE (self), NULL);
  return self->values[CERTO_WS_ORGANISATION];
}

/**
 * certo_workspace_set_organisation:
 * @self: a workspace
 * @organisation: (nullable): the organisation
 *
 * A tracked change (history, undo, autosave).
 */
void
certo_workspace_set_organisation (CertoWorkspace *self,
                                  const char     *organisation)
{
  g_return_if_fail (CERTO_IS_WORKSPACE (self));
  set_tracked_value (self, CERTO_WS_ORGANISATION, organisation != NULL ? organisation : "");
}

/**
 * certo_workspace_get_scope:
 * @self: a workspace
 *
 * Returns: (transfer none) (nullable): the ISMS scope (clause 4.3)
 */
const char *
certo_workspace_get_scope (CertoWorkspace *self)
{
  g_return_val_if_fail (CERTO_IS_WORKSPACE (self), NULL);
  return self->values[CERTO_WS_SCOPE];
}

/**
 * certo_workspace_set_scope:
 * @self: a workspace
 * @scope: (nullable): the ISMS scope
 *
 * A tracked change.
 */
void
certo_workspace_set_scope (CertoWorkspace *self,
                           const char     *scope)
{
  g_return_if_fail (CERTO_IS_WORKSPACE (self));
  set_tracked_value (self, CERTO_WS_SCOPE, scope != NULL ? scope : "");
}

/**
 * certo_workspace_get_framework_id:
 * @self: a workspace
 *
 * Returns: (transfer none) (nullable): the framework's id ("iso27001-2022")
 */
const char *
certo_workspace_get_framework_id (CertoWorkspace *self)
{
  g_return_val_if_fail (CERTO_IS_WORKSPACE (self), NULL);
  return self->values[CERTO_WS_FRAMEWORK_ID];
}

/**
 * certo_workspace_get_framework_title:
 * @self: a workspace
 *
 * Returns: (transfer none) (nullable): its title ("ISO/IEC 27001:2022")
 */
const char *
certo_workspace_get_framework_title (CertoWorkspace *self)
{
  g_return_val_if_fail (CERTO_IS_WORKSPACE (self), NULL);
  return self->values[CERTO_WS_FRAMEWORK_TITLE];
}

/**
 * certo_workspace_get_edition:
 * @self: a workspace
 *
 * Returns: (transfer none) (nullable): the framework's version ("2022")
 */
const char *
certo_workspace_get_edition (CertoWorkspace *self)
{
  g_return_val_if_fail (CERTO_IS_WORKSPACE (self), NULL);
  return self->values[CERTO_WS_EDITION];
}

/**
 * certo_workspace_get_created_at:
 * @self: a workspace
 *
 * Returns: (transfer none) (nullable): when it was made (ISO 8601 UTC)
 */
const char *
certo_workspace_get_created_at (CertoWorkspace *self)
{
  g_return_val_if_fail (CERTO_IS_WORKSPACE (self), NULL);
  return self->values[CERTO_WS_CREATED_AT];
}

/**
 * certo_workspace_get_certificate_number:
 * @self: a workspace
 *
 * Returns: (transfer none) (nullable): the certificate number; "" when
 *   not certified yet
 */
const char *
certo_workspace_get_certificate_number (CertoWorkspace *self)
{
  g_return_val_if_fail (CERTO_IS_WORKSPACE (self), NULL);
  return self->values[CERTO_WS_CERTIFICATE_NUMBER];
}

/**
 * certo_workspace_set_certificate_number:
 * @self: a workspace
 * @number: (nullable): the certificate number
 */
void
certo_workspace_set_certificate_number (CertoWorkspace *self,
                                        const char     *number)
{
  g_return_if_fail (CERTO_IS_WORKSPACE (self));
  set_tracked_value (self, CERTO_WS_CERTIFICATE_NUMBER, number != NULL ? number : "");
}

/**
 * certo_workspace_get_certification_body:
 * @self: a workspace
 *
 * Returns: (transfer none) (nullable): the certification body
 */
const char *
certo_workspace_get_certification_body (CertoWorkspace *self)
{
  g_return_val_if_fail (CERTO_IS_WORKSPACE (self), NULL);
  return self->values[CERTO_WS_CERTIFICATION_BODY];
}

/**
 * certo_workspace_set_certification_body:
 * @self: a workspace
 * @body: (nullable): the certification body
 */
void
certo_workspace_set_certification_body (CertoWorkspace *self,
                                        const char     *body)
{
  g_return_if_fail (CERTO_IS_WORKSPACE (self));
  set_tracked_value (self, CERTO_WS_CERTIFICATION_BODY, body != NULL ? body : "");
}

/**
 * certo_workspace_get_certificate_issue_date:
 * @self: a workspace
 *
 * Returns: (transfer none) (nullable): `YYYY-MM-DD`
 */
const char *
certo_workspace_get_certificate_issue_date (CertoWorkspace *self)
{
  g_return_val_if_fail (CERTO_IS_WORKSPACE (self), NULL);
  return self->values[CERTO_WS_CERTIFICATE_ISSUE_DATE];
}

/**
 * certo_workspace_set_certificate_issue_date:
 * @self: a workspace
 * @date: (nullable): `YYYY-MM-DD`
 * @error: (out) (optional): %CERTO_WORKSPACE_ERROR_INVALID_VALUE
 *
 * Returns: %TRUE when set
 */
gboolean
certo_workspace_set_certificate_issue_date (CertoWorkspace  *self,
                                            const char      *date,
                                            GError         **error)
{
  g_return_val_if_fail (CERTO_IS_WORKSPACE (self), FALSE);
  return set_tracked_date (self, CERTO_WS_CERTIFICATE_ISSUE_DATE, date, error);
}

/**
 * certo_workspace_get_certificate_expiry_date:
 * @self: a workspace
 *
 * Returns: (transfer none) (nullable): `YYYY-MM-DD`
 */
const char *
certo_workspace_get_certificate_expiry_date (CertoWorkspace *self)
{
  g_return_val_if_fail (CERTO_IS_WORKSPACE (self), NULL);
  return self->values[CERTO_WS_CERTIFICATE_EXPIRY_DATE];
}

/**
 * certo_workspace_set_certificate_expiry_date:
 * @self: a workspace
 * @date: (nullable): `YYYY-MM-DD`; %NULL means three years after issue
 * @error: (out) (optional): %CERTO_WORKSPACE_ERROR_INVALID_VALUE
 *
 * Returns: %TRUE when set
 */
gboolean
certo_workspace_set_certificate_expiry_date (CertoWorkspace  *self,
                                             const char      *date,
                                             GError         **error)
{
  g_return_val_if_fail (CERTO_IS_WORKSPACE (self), FALSE);
  return set_tracked_date (self, CERTO_WS_CERTIFICATE_EXPIRY_DATE, date, error);
}
