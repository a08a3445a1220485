/* certo-finding.c — an audit finding and its corrective action
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Findings are graded as ISO/IEC 17021-1 9.4.5 grades them (major or minor
 * nonconformity, observation, opportunity for improvement), name the
 * requirements they concern, and carry the corrective action and its due
 * date (ISO/IEC 27001:2022 clause 10.2). A finding is open until it has a
 * closed date.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "certo-workspace-private.h"

struct _CertoFinding
{
  CertoWorkspaceItem parent_instance;

  int kind;
  gint64 audit_id;
  char *reference;
  char *description;
  char **requirement_keys;
  char *corrective_action;
  char *due_date;
  char *closed_date;
};

G_DEFINE_FINAL_TYPE (CertoFinding, certo_finding, CERTO_TYPE_WORKSPACE_ITEM)

enum {
  PROP_0,
  PROP_KIND,
  PROP_AUDIT_ID,
  PROP_REFERENCE,
  PROP_DESCRIPTION,
  PROP_REQUIREMENT_KEYS,
  PROP_CORRECTIVE_ACTION,
  PROP_DUE_DATE,
  PROP_CLOSED_DATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * _certo_workspace_check_finding:
 * @description: (nullable): what was found
 * @keys: (nullable) (array zero-terminated=1): the requirements it concerns
 * @error: (out) (optional): %CERTO_WORKSPACE_ERROR_INVALID_VALUE
 *
 * A finding says what was found and against which requirement (ISO/IEC
 * 17021-1 9.4.8.3: a nonconformity is recorded with a clear statement and
 * the requirement it is graded against); without them it cannot be
 * acted on.
 *
 * Returns: %TRUE when both are there
 */
gboolean
_certo_workspace_check_finding (const char          *description,
                                const char * const  *keys,
                                GError             **error)
{
  g_autofree char *text = _certo_workspace_clean_text (description, TRUE);

  if (_certo_workspace_text_is_blank (text))
    {
      g_set_error_literal (error, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_INVALID_VALUE,
                           _("A finding needs a description: write what the auditor found."));
      return FALSE;
    }

  if (keys == NULL || keys[0] == NULL)
    {
      g_set_error_literal (error, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_INVALID_VALUE,
                           _("A finding needs at least one requirement it concerns: choose the clause or the control."));
      return FALSE;
    }

  return TRUE;
}

/* ISO/IEC 17021-1 9.4.9: a nonconformity is corrected after the audit
 * found it; a corrective action due, or closed, before that audit is a
 * date typed wrong */
static gboolean
check_after_audit (CertoFinding  *self,
                   GParamSpec    *pspec,
                   const char    *date,
                   GError       **error)
{
  CertoWorkspace *workspace = _certo_workspace_item_get_workspace (CERTO_WORKSPACE_ITEM (self));
  CertoWorkspaceItem *audit;
  const char *audit_date;

  if (workspace == NULL || _certo_workspace_is_undoing (workspace) ||
      certo_nonempty (date) == NULL || self->audit_id == 0 ||
      !certo_iso_date_is_valid (date))
    return TRUE;

  audit = certo_workspace_find_item (workspace, CERTO_TYPE_AUDIT, self->audit_id);
  if (audit == NULL)
    return TRUE;
  audit_date = certo_audit_get_performed_date (CERTO_AUDIT (audit));
  if (audit_date == NULL)
    audit_date = certo_audit_get_planned_date (CERTO_AUDIT (audit));
  if (audit_date == NULL || certo_iso_date_compare (date, audit_date) >= 0)
    return TRUE;

  if (pspec == properties[PROP_CLOSED_DATE])
    g_set_error (error, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_INVALID_VALUE,
                 _("The finding cannot be closed on %s, before the audit that raised it (%s). Check the closing date."),
                 date, audit_date);
  else
    g_set_error (error, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_INVALID_VALUE,
                 _("The corrective action cannot be due on %s, before the audit that raised the finding (%s). Check the due date."),
                 date, audit_date);
  return FALSE;
}

static gboolean
certo_finding_validate (CertoWorkspaceItem  *item,
                        GParamSpec          *pspec,
                        const GValue        *value,
                        GError             **error)
{
  CertoFinding *self = CERTO_FINDING (item);
  CertoWorkspace *workspace = _certo_workspace_item_get_workspace (item);
  gboolean checked = workspace != NULL && !_certo_workspace_is_undoing (workspace);

  if ((pspec == properties[PROP_CLOSED_DATE] || pspec == properties[PROP_DUE_DATE]) &&
      !check_after_audit (self, pspec, g_value_get_string (value), error))
    return FALSE;

  if (pspec == properties[PROP_DESCRIPTION] && checked)
    return _certo_workspace_check_finding (g_value_get_string (value),
                                           (const char * const *) self->requirement_keys, error);

  if (pspec == properties[PROP_REQUIREMENT_KEYS] && checked &&
      !_certo_workspace_check_finding (self->description, g_value_get_boxed (value), error))
    return FALSE;

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

static char *
certo_finding_dup_display_name (CertoWorkspaceItem *item)
{
  CertoFinding *self = CERTO_FINDING (item);

  if (self->reference != NULL && *self->reference != '\0')
    return g_strdup (self->reference);
  return g_strdup (certo_enum_to_label (CERTO_TYPE_FINDING_KIND, self->kind));
}

static void
certo_finding_finalize (GObject *object)
{
  CertoFinding *self = CERTO_FINDING (object);

  g_free (self->reference);
  g_free (self->description);
  g_strfreev (self->requirement_keys);
  g_free (self->corrective_action);
  g_free (self->due_date);
  g_free (self->closed_date);

  G_OBJECT_CLASS (certo_finding_parent_class)->finalize (object);
}

static void
certo_finding_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CertoFinding *self = CERTO_FINDING (object);

  switch (prop_id)
    {
    case PROP_KIND: g_value_set_enum (value, self->kind); break;
    case PROP_AUDIT_ID: g_value_set_int64 (value, self->audit_id); break;
    case PROP_REFERENCE: g_value_set_string (value, self->reference); break;
    case PROP_DESCRIPTION: g_value_set_string (value, self->description); break;
    case PROP_REQUIREMENT_KEYS: g_value_set_boxed (value, self->requirement_keys); break;
    case PROP_CORRECTIVE_ACTION: g_value_set_string (value, self->corrective_action); break;
    case PROP_DUE_DATE: g_value_set_string (value, self->due_date); break;
    case PROP_CLOSED_DATE: g_value_set_string (value, self->closed_date); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
certo_finding_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  CertoFinding *self = CERTO_FINDING (object);

  switch (prop_id)
    {
    case PROP_KIND: certo_finding_set_kind (self, g_value_get_enum (value)); break;
    case PROP_AUDIT_ID: certo_finding_set_audit_id (self, g_value_get_int64 (value)); break;
    case PROP_REFERENCE: certo_finding_set_reference (self, g_value_get_string (value)); break;
    case PROP_DESCRIPTION: certo_finding_set_description (self, g_value_get_string (value)); break;
    case PROP_REQUIREMENT_KEYS:
      if (!certo_finding_set_requirement_keys (self, g_value_get_boxed (value), NULL))
        g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_CORRECTIVE_ACTION:
      certo_finding_set_corrective_action (self, g_value_get_string (value));
      break;
    case PROP_DUE_DATE:
      if (!certo_finding_set_due_date (self, g_value_get_string (value), NULL))
        g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_CLOSED_DATE:
      if (!certo_finding_set_closed_date (self, g_value_get_string (value), NULL))
        g_object_notify_by_pspec (object, pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

#define EDITABLE (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)

static void
certo_finding_class_init (CertoFindingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  CertoWorkspaceItemClass *item_class = CERTO_WORKSPACE_ITEM_CLASS (klass);

  object_class->finalize = certo_finding_finalize;
  object_class->get_property = certo_finding_get_property;
  object_class->set_property = certo_finding_set_property;

  item_class->validate = certo_finding_validate;
  item_class->dup_display_name = certo_finding_dup_display_name;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, CERTO_TYPE_FINDING_KIND,
                       CERTO_FINDING_MINOR_NONCONFORMITY, EDITABLE);
  /**
   * CertoFinding:audit-id:
   *
   * The id of the audit that raised it (a #CertoAudit), or 0.
   */
  properties[PROP_AUDIT_ID] = g_param_spec_int64 ("audit-id", NULL, NULL, 0, G_MAXINT64, 0, EDITABLE);
  properties[PROP_REFERENCE] = g_param_spec_string ("reference", NULL, NULL, "", EDITABLE);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, "", EDITABLE);
  properties[PROP_REQUIREMENT_KEYS] =
    g_param_spec_boxed ("requirement-keys", NULL, NULL, G_TYPE_STRV, EDITABLE);
  properties[PROP_CORRECTIVE_ACTION] = g_param_spec_string ("corrective-action", NULL, NULL, "", EDITABLE);
  properties[PROP_DUE_DATE] = g_param_spec_string ("due-date", NULL, NULL, NULL, EDITABLE);
  properties[PROP_CLOSED_DATE] = g_param_spec_string ("closed-date", NULL, NULL, NULL, EDITABLE);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
certo_finding_init (CertoFinding *self)
{
  self->kind = CERTO_FINDING_MINOR_NONCONFORMITY;
  self->reference = g_strdup ("");
  self->description = g_strdup ("");
  self->corrective_action = g_strdup ("");
  self->requirement_keys = g_new0 (char *, 1);
}

/**
 * certo_finding_get_kind:
 * @self: a finding
 *
 * Returns: its grade
 */
CertoFindingKind
certo_finding_get_kind (CertoFinding *self)
{
  g_return_val_if_fail (CERTO_IS_FINDING (self), 0);
  return self->kind;
}

/**
 * certo_finding_get_audit_id:
 * @self: a finding
 *
 * Returns: the id of the audit that raised it, or 0
 */
gint64
certo_finding_get_audit_id (CertoFinding *self)
{
  g_return_val_if_fail (CERTO_IS_FINDING (self), 0);
  return self->audit_id;
}

/**
 * certo_finding_get_reference:
 * @self: a finding
 *
 * Returns: (transfer none): the auditor's reference ("NC-03"); "" when none
 */
const char *
certo_finding_get_reference (CertoFinding *self)
{
  g_return_val_if_fail (CERTO_IS_FINDING (self), NULL);
  return self->reference;
}

/**
 * certo_finding_get_description:
 * @self: a finding
 *
 * Returns: (transfer none): what was found
 */
const char *
certo_finding_get_description (CertoFinding *self)
{
  g_return_val_if_fail (CERTO_IS_FINDING (self), NULL);
  return self->description;
}

/**
 * certo_finding_get_requirement_keys:
 * @self: a finding
 *
 * Returns: (transfer none) (array zero-terminated=1): the keys of the
 *   requirements it concerns
 */
const char * const *
certo_finding_get_requirement_keys (CertoFinding *self)
{
  g_return_val_if_fail (CERTO_IS_FINDING (self), NULL);
  return (const char * const *) self->requirement_keys;
}

/**
 * certo_finding_get_corrective_action:
 * @self: a finding
 *
 * Returns: (transfer none): the corrective action (clause 10.2); "" when none yet
 */
const char *
certo_finding_get_corrective_action (CertoFinding *self)
{
  g_return_val_if_fail (CERTO_IS_FINDING (self), NULL);
  return self->corrective_action;
}

/**
 * certo_finding_get_due_date:
 * @self: a finding
 *
 * Returns: (transfer none) (nullable): when the corrective action is due,
 *   `YYYY-MM-DD`
 */
const char *
certo_finding_get_due_date (CertoFinding *self)
{
  g_return_val_if_fail (CERTO_IS_FINDING (self), NULL);
  return self->due_date;
}

/**
 * certo_finding_get_closed_date:
 * @self: a finding
 *
 * Returns: (transfer none) (nullable): when it was closed, `YYYY-MM-DD`
 */
const char *
certo_finding_get_closed_date (CertoFinding *self)
{
  g_return_val_if_fail (CERTO_IS_FINDING (self), NULL);
  return self->closed_date;
}

/**
 * certo_finding_is_open:
 * @self: a finding
 *
 * Returns: %TRUE until it has a closed date
 */
gboolean
certo_finding_is_open (CertoFinding *self)
{
  g_return_val_if_fail (CERTO_IS_FINDING (self), FALSE);
  return self->closed_date == NULL;
}

/**
 * certo_finding_is_nonconformity:
 * @self: a finding
 *
 * Returns: whether it is a major or minor nonconformity
 */
gboolean
certo_finding_is_nonconformity (CertoFinding *self)
{
  g_return_val_if_fail (CERTO_IS_FINDING (self), FALSE);
  return self->kind == CERTO_FINDING_MAJOR_NONCONFORMITY ||
         self->kind == CERTO_FINDING_MINOR_NONCONFORMITY;
}

/**
 * certo_finding_set_kind:
 * @self: a finding
 * @kind: its grade
 */
void
certo_finding_set_kind (CertoFinding     *self,
                        CertoFindingKind  kind)
{
  g_return_if_fail (CERTO_IS_FINDING (self));
  _certo_workspace_item_set_int (self, properties[PROP_KIND], &self->kind, kind);
}

/**
 * certo_finding_set_audit_id:
 * @self: a finding
 * @audit_id: the id of the audit that raised it, or 0
 */
void
certo_finding_set_audit_id (CertoFinding *self,
                            gint64        audit_id)
{
  char *old;

  g_return_if_fail (CERTO_IS_FINDING (self));

  if (self->audit_id == audit_id)
    return;

  old = _certo_workspace_item_begin_change (self, properties[PROP_AUDIT_ID]);
  self->audit_id = audit_id;
  _certo_workspace_item_end_change (self, properties[PROP_AUDIT_ID], old);
}

/**
 * certo_finding_set_reference:
 * @self: a finding
 * @reference: (nullable): the auditor's reference
 */
void
certo_finding_set_reference (CertoFinding *self,
                             const char   *reference)
{
  g_return_if_fail (CERTO_IS_FINDING (self));
  _certo_workspace_item_set_string (self, properties[PROP_REFERENCE], &self->reference, reference);
}

/**
 * certo_finding_set_description:
 * @self: a finding
 * @description: (nullable): what was found
 */
void
certo_finding_set_description (CertoFinding *self,
                               const char   *description)
{
  g_return_if_fail (CERTO_IS_FINDING (self));
  _certo_workspace_item_set_string (self, properties[PROP_DESCRIPTION], &self->description, description);
}

/**
 * certo_finding_set_requirement_keys:
 * @self: a finding
 * @keys: (nullable) (array zero-terminated=1): requirement keys
 * @error: (out) (optional): %CERTO_WORKSPACE_ERROR_NOT_FOUND
 *
 * Returns: %TRUE when set
 */
gboolean
certo_finding_set_requirement_keys (CertoFinding        *self,
                                    const char * const  *keys,
                                    GError             **error)
{
  g_return_val_if_fail (CERTO_IS_FINDING (self), FALSE);

  return _certo_workspace_item_set_keys (self, properties[PROP_REQUIREMENT_KEYS],
                                         &self->requirement_keys, keys, error);
}

/**
 * certo_finding_set_corrective_action:
 * @self: a finding
 * @action: (nullable): the corrective action
 */
void
certo_finding_set_corrective_action (CertoFinding *self,
                                     const char   *action)
{
  g_return_if_fail (CERTO_IS_FINDING (self));
  _certo_workspace_item_set_string (self, properties[PROP_CORRECTIVE_ACTION],
                                    &self->corrective_action, action);
}

/**
 * certo_finding_set_due_date:
 * @self: a finding
 * @date: (nullable): `YYYY-MM-DD`, or %NULL
 * @error: (out) (optional): %CERTO_WORKSPACE_ERROR_INVALID_VALUE
 *
 * Returns: %TRUE when set
 */
gboolean
certo_finding_set_due_date (CertoFinding  *self,
                            const char    *date,
                            GError       **error)
{
  g_return_val_if_fail (CERTO_IS_FINDING (self), FALSE);

  if (!check_after_audit (self, properties[PROP_DUE_DATE], date, error))
    return FALSE;
  return _certo_workspace_item_set_date (self, properties[PROP_DUE_DATE], &self->due_date, date, error);
}

/**
 * certo_finding_set_closed_date:
 * @self: a finding
 * @date: (nullable): `YYYY-MM-DD`, or %NULL to reopen it
 * @error: (out) (optional): %CERTO_WORKSPACE_ERROR_INVALID_VALUE for a
 *   date that is not one, or that is before the audit that raised it
 *
 * Returns: %TRUE when set
 */
gboolean
certo_finding_set_closed_date (CertoFinding  *self,
                               const char    *date,
                               GError       **error)
{
  g_return_val_if_fail (CERTO_IS_FINDING (self), FALSE);

  if (!check_after_audit (self, properties[PROP_CLOSED_DATE], date, error))
    return FALSE;
  return _certo_workspace_item_set_date (self, properties[PROP_CLOSED_DATE], &self->closed_date, date, error);
}
