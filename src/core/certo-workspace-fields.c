/* certo-workspace-fields.c — the workspace's own fields: organisation,
 * scope, framework, certificate
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each setter is a tracked change (history, undo, autosave), like the
 * items' (certo-workspace-edit.c).
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "certo-workspace-private.h"

/* Helpers */

static void
set_tracked_value (CertoWorkspace *self,
                   guint           field,
                   const char     *value)
{
  GParamSpec *pspec = _certo_workspace_get_pspec (WS_PROP_ORGANISATION + field);
  g_autofree char *clean = _certo_workspace_clean_text (value, _certo_workspace_field_is_multiline (self, pspec));
  char *old;

  if (g_strcmp0 (self->values[field], clean) == 0)
    return;

  old = _certo_workspace_item_begin_change (self, pspec);
  _certo_workspace_set_value (self, field, g_steal_pointer (&clean));
  _certo_workspace_item_end_change (self, pspec, old);
}

static gboolean
check_organisation (const char  *organisation,
                    GError     **error)
{
  g_autofree char *clean = _certo_workspace_clean_text (organisation, FALSE);

  if (!_certo_workspace_text_is_blank (clean))
    return TRUE;

  g_set_error_literal (error, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_INVALID_VALUE,
                       _("The organisation cannot be empty: a workspace records the certification of one organisation. Give its name."));
  return FALSE;
}

/* ISO/IEC 17021-1 9.6.1: a certificate is valid for the three-year cycle
 * that starts with the certification decision; it cannot end before it
 * starts */
static gboolean
check_certificate_dates (const char  *issued,
                         const char  *expires,
                         GError     **error)
{
  if (!_certo_workspace_check_date (issued, error) ||
      !_certo_workspace_check_date (expires, error))
    return FALSE;

  issued = certo_nonempty (issued);
  expires = certo_nonempty (expires);
  if (issued == NULL || expires == NULL || certo_iso_date_compare (expires, issued) > 0)
    return TRUE;

  g_set_error (error, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_INVALID_VALUE,
               _("The certificate cannot expire on %s when it was issued on %s: the expiry date must come after the issue date. Check both dates on the certificate."),
               expires, issued);
  return FALSE;
}

static gboolean
set_tracked_date (CertoWorkspace  *self,
                  guint            field,
                  const char      *date,
                  GError         **error)
{
  const char *issued = self->values[CERTO_WS_CERTIFICATE_ISSUE_DATE];
  const char *expires = self->values[CERTO_WS_CERTIFICATE_EXPIRY_DATE];

  if (!_certo_workspace_check_date (date, error))
    return FALSE;

  /* An undo restores dates that were valid together, one at a time */
  if (!_certo_workspace_is_undoing (self) &&
      !check_certificate_dates (field == CERTO_WS_CERTIFICATE_ISSUE_DATE ? date : issued,
                                field == CERTO_WS_CERTIFICATE_EXPIRY_DATE ? date : expires,
                                error))
    return FALSE;

  set_tracked_value (self, field, certo_nonempty (date));
  return TRUE;
}

/**
 * _certo_workspace_validate_field:
 * @self: a workspace
 * @pspec: one of its field properties
 * @value: a new value for it
 * @error: (out) (optional): %CERTO_WORKSPACE_ERROR_INVALID_VALUE
 *
 * The rules of the workspace's own fields, for certo_workspace_set_field():
 * an organisation is never empty, a certificate does not expire before
 * it was issued.
 *
 * Returns: %TRUE when @value may be set
 */
gboolean
_certo_workspace_validate_field (CertoWorkspace  *self,
                                 GParamSpec      *pspec,
                                 const GValue    *value,
                                 GError         **error)
{
  if (g_str_equal (pspec->name, "organisation"))
    return check_organisation (g_value_get_string (value), error);
  if (g_str_equal (pspec->name, "certificate-issue-date"))
    return check_certificate_dates (g_value_get_string (value),
                                    self->values[CERTO_WS_CERTIFICATE_EXPIRY_DATE], error);
  if (g_str_equal (pspec->name, "certificate-expiry-date"))
    return check_certificate_dates (self->values[CERTO_WS_CERTIFICATE_ISSUE_DATE],
                                    g_value_get_string (value), error);
  return TRUE;
}

static void
append_field (GChecksum  *checksum,
              const char *text)
{
  g_checksum_update (checksum, (const guchar *) (text != NULL ? text : ""), -1);
  /* A separator no text field holds once cleaned */
  g_checksum_update (checksum, (const guchar *) "\x1f", 1);
}

/**
 * _certo_workspace_dup_soa_fingerprint:
 * @self: a workspace
 *
 * The SHA-256 of the Statement of Applicability as its exports show it:
 * the ISMS scope, then for each Annex A control its key, applicability
 * and — for an excluded control — the justification, for any other the
 * reasons for inclusion and the implementation status (ISO/IEC
 * 27001:2022 clause 6.1.3 d). Values kept but not shown (the reasons of
 * an excluded control) do not count, so re-including a control as it
 * was gives the approved content back.
 *
 * Returns: (transfer full): lower-case hex
 */
char *
_certo_workspace_dup_soa_fingerprint (CertoWorkspace *self)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  GListModel *model = G_LIST_MODEL (self->lists[CERTO_ENTITY_REQUIREMENT]);

  append_field (checksum, "certo-soa-1");
  append_field (checksum, self->values[CERTO_WS_SCOPE]);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CertoRequirementState) state = g_list_model_get_item (model, i);
      CertoApplicability applicability;

      if (!certo_requirement_state_get_is_annex_a (state))
        continue;

      applicability = certo_requirement_state_get_applicability (state);
      append_field (checksum, certo_requirement_state_get_key (state));
      append_field (checksum, certo_enum_to_nick (CERTO_TYPE_APPLICABILITY, applicability));
      if (applicability == CERTO_APPLICABILITY_EXCLUDED)
        append_field (checksum, certo_requirement_state_get_exclusion_justification (state));
      else
        {
          g_autofree char *reasons = certo_inclusion_reasons_to_string (certo_requirement_state_get_inclusion_reasons (state));

          append_field (checksum, reasons);
          append_field (checksum, certo_enum_to_nick (CERTO_TYPE_IMPLEMENTATION_STATUS,
                                                      certo_requirement_state_get_status (state)));
        }
    }

  return g_strdup (g_checksum_get_string (checksum));
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
 * @organisation: the organisation's name; not empty
 * @error: (out) (optional): %CERTO_WORKSPACE_ERROR_INVALID_VALUE for a
 *   name that is empty (or only spaces and control characters)
 *
 * A tracked change (history, undo, autosave). Control characters and
 * bidirectional overrides are dropped (_certo_workspace_clean_text()).
 *
 * Returns: %TRUE when set
 */
gboolean
certo_workspace_set_organisation (CertoWorkspace  *self,
                                  const char      *organisation,
                                  GError         **error)
{
  g_return_val_if_fail (CERTO_IS_WORKSPACE (self), FALSE);

  if (!_certo_workspace_is_undoing (self) && !check_organisation (organisation, error))
    return FALSE;

  set_tracked_value (self, CERTO_WS_ORGANISATION, organisation != NULL ? organisation : "");
  return TRUE;
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
 * @error: (out) (optional): %CERTO_WORKSPACE_ERROR_INVALID_VALUE for a
 *   date that is not one, or that is not before the expiry date
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
 * @date: (nullable): `YYYY-MM-DD`; %NULL means the end of the three-year
 *   cycle (certo_workspace_dup_certificate_expiry())
 * @error: (out) (optional): %CERTO_WORKSPACE_ERROR_INVALID_VALUE for a
 *   date that is not one, or that is not after the issue date
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

/**
 * certo_workspace_set_certificate_dates:
 * @self: a workspace
 * @issue_date: (nullable): `YYYY-MM-DD`
 * @expiry_date: (nullable): `YYYY-MM-DD`; %NULL for the end of the cycle
 * @error: (out) (optional): %CERTO_WORKSPACE_ERROR_INVALID_VALUE
 *
 * Sets both dates of a new certificate at once, as one undo step: each
 * is checked against the other one given, not against the old
 * certificate's (a recertification moves both past the old expiry).
 *
 * Returns: %TRUE when both were set; neither is changed otherwise
 */
gboolean
certo_workspace_set_certificate_dates (CertoWorkspace  *self,
                                       const char      *issue_date,
                                       const char      *expiry_date,
                                       GError         **error)
{
  g_return_val_if_fail (CERTO_IS_WORKSPACE (self), FALSE);

  if (!check_certificate_dates (issue_date, expiry_date, error))
    return FALSE;

  certo_workspace_begin_changes (self);
  set_tracked_value (self, CERTO_WS_CERTIFICATE_ISSUE_DATE, certo_nonempty (issue_date));
  set_tracked_value (self, CERTO_WS_CERTIFICATE_EXPIRY_DATE, certo_nonempty (expiry_date));
  certo_workspace_end_changes (self);
  return TRUE;
}

/**
 * certo_workspace_dup_certificate_expiry:
 * @self: a workspace
 * @out_is_default: (out) (optional): set to %TRUE when the date is not
 *   the certificate's own but the end of the cycle
 *
 * When the certificate expires: its expiry date as recorded, else the
 * last day of the three-year certification cycle (ISO/IEC 17021-1 9.6.1;
 * certificates state "valid until" the day before the third anniversary
 * of issue: issued 2024-03-15, valid until 2027-03-14; issued 2024-02-29,
 * valid until 2027-02-28).
 *
 * Returns: (transfer full) (nullable): `YYYY-MM-DD`; %NULL without an
 *   issue date
 */
char *
certo_workspace_dup_certificate_expiry (CertoWorkspace *self,
                                        gboolean       *out_is_default)
{
  const char *issued;
  const char *expires;
  GDate date;

  g_return_val_if_fail (CERTO_IS_WORKSPACE (self), NULL);

  if (out_is_default != NULL)
    *out_is_default = FALSE;

  issued = certo_nonempty (self->values[CERTO_WS_CERTIFICATE_ISSUE_DATE]);
  expires = certo_nonempty (self->values[CERTO_WS_CERTIFICATE_EXPIRY_DATE]);
  if (expires != NULL)
    return g_strdup (expires);
  if (issued == NULL || !certo_iso_date_parse (issued, &date))
    return NULL;

  /* The day before issue, three years on: month ends stay month ends */
  g_date_subtract_days (&date, 1);
  g_date_add_years (&date, 3);
  if (out_is_default != NULL)
    *out_is_default = TRUE;
  return certo_iso_date_format (&date);
}

/**
 * certo_workspace_get_soa_changed_since_approval:
 * @self: a workspace
 *
 * Whether the Statement of Applicability changed after its current
 * version was approved (certo_workspace_get_current_soa_version()): a
 * control's applicability, reasons, justification or status, or the
 * scope. Undoing the change, or approving a new version, makes it
 * %FALSE again.
 *
 * Returns: %TRUE when the SoA is a draft again; %FALSE when nothing is
 *   approved yet, or the approval predates Certo recording its content
 */
gboolean
certo_workspace_get_soa_changed_since_approval (CertoWorkspace *self)
{
  CertoSoaVersion *current;
  const char *approved;
  g_autofree char *now = NULL;

  g_return_val_if_fail (CERTO_IS_WORKSPACE (self), FALSE);

  current = certo_workspace_get_current_soa_version (self);
  if (current == NULL)
    return FALSE;

  /* Approved by a Certo that did not record what it approved (schema 1):
   * nothing to compare with, so nothing is claimed */
  approved = certo_soa_version_get_content_sha256 (current);
  if (approved == NULL)
    return FALSE;

  now = _certo_workspace_dup_soa_fingerprint (self);
  return !g_str_equal (now, approved);
}

/**
 * certo_workspace_dup_soa_state:
 * @self: a workspace
 * @format_date: (nullable) (scope call): writes the approval date as the
 *   caller shows dates; %NULL keeps `YYYY-MM-DD`
 *
 * The state of the Statement of Applicability in one phrase
 * (certo_soa_describe()), for the status, the exports and the window.
 *
 * Returns: (transfer full): the phrase
 */
char *
certo_workspace_dup_soa_state (CertoWorkspace *self,
                               char         *(*format_date) (const char *iso_date))
{
  CertoSoaVersion *current;
  g_autofree char *date = NULL;

  g_return_val_if_fail (CERTO_IS_WORKSPACE (self), NULL);

  current = certo_workspace_get_current_soa_version (self);
  if (current == NULL)
    return certo_soa_describe (NULL, NULL, NULL, FALSE);

  date = format_date != NULL ? format_date (certo_soa_version_get_approval_date (current))
                             : g_strdup (certo_soa_version_get_approval_date (current));
  return certo_soa_describe (certo_soa_version_get_version (current),
                             certo_soa_version_get_approver (current), date,
                             certo_workspace_get_soa_changed_since_approval (self));
}
