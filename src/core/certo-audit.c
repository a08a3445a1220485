/* certo-audit.c — an audit or review of the certification cycle
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Internal audits and management reviews (ISO/IEC 27001:2022 clauses 9.2,
 * 9.3) and the certification body's audits (ISO/IEC 17021-1 9.3–9.6): a
 * kind, a planned date and, once it took place, a performed date.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "certo-workspace-private.h"

struct _CertoAudit
{
  CertoWorkspaceItem parent_instance;

  int kind;
  char *title;
  char *planned_date;
  char *performed_date;
  char *auditor;
  char *notes;
};

G_DEFINE_FINAL_TYPE (CertoAudit, certo_audit, CERTO_TYPE_WORKSPACE_ITEM)

enum {
  PROP_0,
  PROP_KIND,
  PROP_TITLE,
  PROP_PLANNED_DATE,
  PROP_PERFORMED_DATE,
  PROP_AUDITOR,
  PROP_NOTES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
certo_audit_dup_display_name (CertoWorkspaceItem *item)
{
  CertoAudit *self = CERTO_AUDIT (item);
  const char *kind = certo_enum_to_label (CERTO_TYPE_AUDIT_KIND, self->kind);
  const char *date = self->performed_date != NULL ? self->performed_date : self->planned_date;

  if (self->title != NULL && *self->title != '\0')
    return g_strdup (self->title);
  if (date != NULL)
    return g_strdup_printf ("%s %s", kind, date);
  return g_strdup (kind);
}

static void
certo_audit_finalize (GObject *object)
{
  CertoAudit *self = CERTO_AUDIT (object);

  g_free (self->title);
  g_free (self->planned_date);
  g_free (self->performed_date);
  g_free (self->auditor);
  g_free (self->notes);

  G_OBJECT_CLASS (certo_audit_parent_class)->finalize (object);
}

static void
certo_audit_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  CertoAudit *self = CERTO_AUDIT (object);

  switch (prop_id)
    {
    case PROP_KIND: g_value_set_enum (value, self->kind); break;
    case PROP_TITLE: g_value_set_string (value, self->title); break;
    case PROP_PLANNED_DATE: g_value_set_string (value, self->planned_date); break;
    case PROP_PERFORMED_DATE: g_value_set_string (value, self->performed_date); break;
    case PROP_AUDITOR: g_value_set_string (value, self->auditor); break;
    case PROP_NOTES: g_value_set_string (value, self->notes); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
certo_audit_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  CertoAudit *self = CERTO_AUDIT (object);

  switch (prop_id)
    {
    case PROP_KIND: certo_audit_set_kind (self, g_value_get_enum (value)); break;
    case PROP_TITLE: certo_audit_set_title (self, g_value_get_string (value)); break;
    case PROP_PLANNED_DATE:
      if (!certo_audit_set_planned_date (self, g_value_get_string (value), NULL))
        g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_PERFORMED_DATE:
      if (!certo_audit_set_performed_date (self, g_value_get_string (value), NULL))
        g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_AUDITOR: certo_audit_set_auditor (self, g_value_get_string (value)); break;
    case PROP_NOTES: certo_audit_set_notes (self, g_value_get_string (value)); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

#define EDITABLE (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)

static void
certo_audit_class_init (CertoAuditClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  CertoWorkspaceItemClass *item_class = CERTO_WORKSPACE_ITEM_CLASS (klass);

  object_class->finalize = certo_audit_finalize;
  object_class->get_property = certo_audit_get_property;
  object_class->set_property = certo_audit_set_property;

  item_class->dup_display_name = certo_audit_dup_display_name;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, CERTO_TYPE_AUDIT_KIND, CERTO_AUDIT_INTERNAL, EDITABLE);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, "", EDITABLE);
  properties[PROP_PLANNED_DATE] = g_param_spec_string ("planned-date", NULL, NULL, NULL, EDITABLE);
  properties[PROP_PERFORMED_DATE] = g_param_spec_string ("performed-date", NULL, NULL, NULL, EDITABLE);
  properties[PROP_AUDITOR] = g_param_spec_string ("auditor", NULL, NULL, "", EDITABLE);
  properties[PROP_NOTES] = g_param_spec_string ("notes", NULL, NULL, "", EDITABLE);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
certo_audit_init (CertoAudit *self)
{
  self->title = g_strdup ("");
  self->auditor = g_strdup ("");
  self->notes = g_strdup ("");
}

/**
 * certo_audit_get_kind:
 * @self: an audit
 *
 * Returns: which event of the cycle it is
 */
CertoAuditKind
certo_audit_get_kind (CertoAudit *self)
{
  g_return_val_if_fail (CERTO_IS_AUDIT (self), 0);
  return self->kind;
}

/**
 * certo_audit_get_title:
 * @self: an audit
 *
 * Returns: (transfer none): a title; "" when none
 */
const char *
certo_audit_get_title (CertoAudit *self)
{
  g_return_val_if_fail (CERTO_IS_AUDIT (self), NULL);
  return self->title;
}

/**
 * certo_audit_get_planned_date:
 * @self: an audit
 *
 * Returns: (transfer none) (nullable): when it is planned, `YYYY-MM-DD`
 */
const char *
certo_audit_get_planned_date (CertoAudit *self)
{
  g_return_val_if_fail (CERTO_IS_AUDIT (self), NULL);
  return self->planned_date;
}

/**
 * certo_audit_get_performed_date:
 * @self: an audit
 *
 * Returns: (transfer none) (nullable): when it took place, `YYYY-MM-DD`;
 *   %NULL while it has not
 */
const char *
certo_audit_get_performed_date (CertoAudit *self)
{
  g_return_val_if_fail (CERTO_IS_AUDIT (self), NULL);
  return self->performed_date;
}

/**
 * certo_audit_get_auditor:
 * @self: an audit
 *
 * Returns: (transfer none): who audits (a certification body, an internal
 *   auditor); "" when not named
 */
const char *
certo_audit_get_auditor (CertoAudit *self)
{
  g_return_val_if_fail (CERTO_IS_AUDIT (self), NULL);
  return self->auditor;
}

/**
 * certo_audit_get_notes:
 * @self: an audit
 *
 * Returns: (transfer none): notes; "" when none
 */
const char *
certo_audit_get_notes (CertoAudit *self)
{
  g_return_val_if_fail (CERTO_IS_AUDIT (self), NULL);
  return self->notes;
}

/**
 * certo_audit_is_done:
 * @self: an audit
 *
 * Returns: whether it took place (it has a performed date)
 */
gboolean
certo_audit_is_done (CertoAudit *self)
{
  g_return_val_if_fail (CERTO_IS_AUDIT (self), FALSE);
  return self->performed_date != NULL;
}

/**
 * certo_audit_set_kind:
 * @self: an audit
 * @kind: which event of the cycle it is
 */
void
certo_audit_set_kind (CertoAudit     *self,
                      CertoAuditKind  kind)
{
  g_return_if_fail (CERTO_IS_AUDIT (self));
  _certo_workspace_item_set_int (self, properties[PROP_KIND], &self->kind, kind);
}

/**
 * certo_audit_set_title:
 * @self: an audit
 * @title: (nullable): a title
 */
void
certo_audit_set_title (CertoAudit *self,
                       const char *title)
{
  g_return_if_fail (CERTO_IS_AUDIT (self));
  _certo_workspace_item_set_string (self, properties[PROP_TITLE], &self->title, title);
}

/**
 * certo_audit_set_planned_date:
 * @self: an audit
 * @date: (nullable): `YYYY-MM-DD`, or %NULL
 * @error: (out) (optional): %CERTO_WORKSPACE_ERROR_INVALID_VALUE
 *
 * Returns: %TRUE when set
 */
gboolean
certo_audit_set_planned_date (CertoAudit  *self,
                              const char  *date,
                              GError     **error)
{
  g_return_val_if_fail (CERTO_IS_AUDIT (self), FALSE);
  return _certo_workspace_item_set_date (self, properties[PROP_PLANNED_DATE],
                                         &self->planned_date, date, error);
}

/**
 * certo_audit_set_performed_date:
 * @self: an audit
 * @date: (nullable): `YYYY-MM-DD`, or %NULL while it has not taken place
 * @error: (out) (optional): %CERTO_WORKSPACE_ERROR_INVALID_VALUE
 *
 * Returns: %TRUE when set
 */
gboolean
certo_audit_set_performed_date (CertoAudit  *self,
                                const char  *date,
                                GError     **error)
{
  g_return_val_if_fail (CERTO_IS_AUDIT (self), FALSE);
  return _certo_workspace_item_set_date (self, properties[PROP_PERFORMED_DATE],
                                         &self->performed_date, date, error);
}

/**
 * certo_audit_set_auditor:
 * @self: an audit
 * @auditor: (nullable): who audits
 */
void
certo_audit_set_auditor (CertoAudit *self,
                         const char *auditor)
{
  g_return_if_fail (CERTO_IS_AUDIT (self));
  _certo_workspace_item_set_string (self, properties[PROP_AUDITOR], &self->auditor, auditor);
}

/**
 * certo_audit_set_notes:
 * @self: an audit
 * @notes: (nullable): notes
 */
void
certo_audit_set_notes (CertoAudit *self,
                       const char *notes)
{
  g_return_if_fail (CERTO_IS_AUDIT (self));
  _certo_workspace_item_set_string (self, properties[PROP_NOTES], &self->notes, notes);
}
