/* certo-requirement-state.c — what a workspace records about one requirement
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The identity of a requirement (key, label, title, group) is copied from
 * the framework into the workspace file when the workspace is made, so a
 * workspace reads the same on a machine with other framework data. The
 * editable properties are the organisation's own record; each change goes
 * through certo_workspace_item's change tracking.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "certo-workspace-private.h"

struct _CertoRequirementState
{
  CertoWorkspaceItem parent_instance;

  char *key;
  char *label;
  char *display_label;
  char *title;
  char *group_key;
  char *group_label;
  char *group_title;
  gboolean is_annex_a;
  gboolean is_clause;
  gboolean is_new;
  guint position;
  guint n_evidence;

  CertoApplicability applicability;
  CertoInclusionReasons inclusion_reasons;
  char *exclusion_justification;
  CertoImplementationStatus status;
  CertoAuditResult audit_result;
  CertoControlType control_type;
  CertoObligation obligation;
  char *owner;
  char *due_date;
  char *notes;
};

G_DEFINE_FINAL_TYPE (CertoRequirementState, certo_requirement_state, CERTO_TYPE_WORKSPACE_ITEM)

enum {
  PROP_0,
  PROP_KEY,
  PROP_LABEL,
  PROP_DISPLAY_LABEL,
  PROP_TITLE,
  PROP_GROUP_KEY,
  PROP_GROUP_LABEL,
  PROP_GROUP_TITLE,
  PROP_IS_ANNEX_A,
  PROP_IS_CLAUSE,
  PROP_IS_NEW,
  PROP_POSITION,
  PROP_N_EVIDENCE,
  PROP_APPLICABILITY,
  PROP_INCLUSION_REASONS,
  PROP_EXCLUSION_JUSTIFICATION,
  PROP_STATUS,
  PROP_AUDIT_RESULT,
  PROP_CONTROL_TYPE,
  PROP_OBLIGATION,
  PROP_OWNER,
  PROP_DUE_DATE,
  PROP_NOTES,
  PROP_SOA_ISSUES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const GFlagsValue soa_issue_values[] = {
  { CERTO_SOA_ISSUE_UNDECIDED, "CERTO_SOA_ISSUE_UNDECIDED", "undecided" },
  { CERTO_SOA_ISSUE_NO_JUSTIFICATION, "CERTO_SOA_ISSUE_NO_JUSTIFICATION", "no-justification" },
  { CERTO_SOA_ISSUE_NO_REASON, "CERTO_SOA_ISSUE_NO_REASON", "no-reason" },
  { 0, NULL, NULL }
};

GType
certo_soa_issues_get_type (void)
{
  static gsize type_id = 0;

  if (g_once_init_enter (&type_id))
    g_once_init_leave (&type_id, g_flags_register_static ("CertoSoaIssues", soa_issue_values));

  return type_id;
}

/* Helpers */

static gboolean
has_text (const char *text)
{
  return text != NULL && *text != '\0';
}

static CertoSoaIssues
compute_soa_issues (CertoRequirementState *self)
{
  if (!self->is_annex_a)
    return CERTO_SOA_ISSUE_NONE;

  switch (self->applicability)
    {
    case CERTO_APPLICABILITY_UNREVIEWED:
      return CERTO_SOA_ISSUE_UNDECIDED;
    case CERTO_APPLICABILITY_EXCLUDED:
      return has_text (self->exclusion_justification) ? CERTO_SOA_ISSUE_NONE
                                                      : CERTO_SOA_ISSUE_NO_JUSTIFICATION;
    case CERTO_APPLICABILITY_APPLICABLE:
    default:
      return self->inclusion_reasons != 0 ? CERTO_SOA_ISSUE_NONE : CERTO_SOA_ISSUE_NO_REASON;
    }
}

/* Sets a field through change tracking, and notifies "soa-issues" when
 * the change alters them */
static void
set_tracked (CertoRequirementState *self,
             guint                  prop_id,
             gpointer               field,
             gsize                  size,
             gconstpointer          value)
{
  CertoSoaIssues before = compute_soa_issues (self);
  char *old = _certo_workspace_item_begin_change (self, properties[prop_id]);

  memcpy (field, value, size);
  _certo_workspace_item_end_change (self, properties[prop_id], old);

  if (compute_soa_issues (self) != before)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOA_ISSUES]);
}

static void
set_string_tracked (CertoRequirementState  *self,
                    guint                   prop_id,
                    char                  **field,
                    const char             *value)
{
  g_autofree char *clean = _certo_workspace_clean_text (value,
                                                        _certo_workspace_field_is_multiline (self, properties[prop_id]));
  CertoSoaIssues before;
  char *old;

  if (g_strcmp0 (*field, clean) == 0)
    return;

  before = compute_soa_issues (self);
  old = _certo_workspace_item_begin_change (self, properties[prop_id]);
  g_free (*field);
  *field = g_steal_pointer (&clean);
  _certo_workspace_item_end_change (self, properties[prop_id], old);

  if (compute_soa_issues (self) != before)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOA_ISSUES]);
}

/**
 * _certo_requirement_state_set_n_evidence:
 * @self: a requirement
 * @n_evidence: how many evidence items are linked to it
 *
 * Kept by the workspace; not a tracked change.
 */
void
_certo_requirement_state_set_n_evidence (CertoRequirementState *self,
                                         guint                  n_evidence)
{
  if (self->n_evidence == n_evidence)
    return;

  self->n_evidence = n_evidence;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_EVIDENCE]);
}

/* CertoWorkspaceItem */

static gboolean
certo_requirement_state_validate (CertoWorkspaceItem  *item,
                                  GParamSpec          *pspec,
                                  const GValue        *value,
                                  GError             **error)
{
  CertoRequirementState *self = CERTO_REQUIREMENT_STATE (item);

  if (pspec == properties[PROP_APPLICABILITY] &&
      self->is_clause &&
      g_value_get_enum (value) != CERTO_APPLICABILITY_APPLICABLE)
    {
      g_set_error (error, CERTO_WORKSPACE_ERROR, CERTO_WORKSPACE_ERROR_ALWAYS_APPLICABLE,
                   _("Clause %s always applies: ISO/IEC 27001 allows no exclusion from clauses 4 to 10. Only Annex A controls can be excluded."),
                   self->display_label);
      return FALSE;
    }

  if (pspec == properties[PROP_DUE_DATE])
    return _certo_workspace_check_date (g_value_get_string (value), error);

  return TRUE;
}

static char *
certo_requirement_state_dup_display_name (CertoWorkspaceItem *item)
{
  return g_strdup (CERTO_REQUIREMENT_STATE (item)->display_label);
}

/* GObject */

static void
certo_requirement_state_constructed (GObject *object)
{
  CertoRequirementState *self = CERTO_REQUIREMENT_STATE (object);

  G_OBJECT_CLASS (certo_requirement_state_parent_class)->constructed (object);

  if (self->key == NULL)
    self->key = g_strdup (self->label != NULL ? self->label : "");
  if (self->label == NULL)
    self->label = g_strdup (self->key);
  if (self->title == NULL)
    self->title = g_strdup ("");

  /* ISO/IEC 27001:2022 numbers Annex A controls 5.1–8.34, the same
   * numbers as sub-clauses 5.1–8.3: people write "A.5.1" to tell them
   * apart, so does Certo. Only bare numbers get the prefix: other
   * catalogs' controls ("AC-2" in NIST SP 800-53) keep their own label. */
  if (self->is_annex_a && !self->is_clause && g_ascii_isdigit (self->label[0]))
    self->display_label = g_strconcat ("A.", self->label, NULL);
  else
    self->display_label = g_strdup (self->label);

  if (self->is_clause)
    self->applicability = CERTO_APPLICABILITY_APPLICABLE;
}

static void
certo_requirement_state_finalize (GObject *object)
{
  CertoRequirementState *self = CERTO_REQUIREMENT_STATE (object);

  g_free (self->key);
  g_free (self->label);
  g_free (self->display_label);
  g_free (self->title);
  g_free (self->group_key);
  g_free (self->group_label);
  g_free (self->group_title);
  g_free (self->exclusion_justification);
  g_free (self->owner);
  g_free (self->due_date);
  g_free (self->notes);

  G_OBJECT_CLASS (certo_requirement_state_parent_class)->finalize (object);
}

static void
certo_requirement_state_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  CertoRequirementState *self = CERTO_REQUIREMENT_STATE (object);

  switch (prop_id)
    {
    case PROP_KEY: g_value_set_string (value, self->key); break;
    case PROP_LABEL: g_value_set_string (value, self->label); break;
    case PROP_DISPLAY_LABEL: g_value_set_string (value, self->display_label); break;
    case PROP_TITLE: g_value_set_string (value, self->title); break;
    case PROP_GROUP_KEY: g_value_set_string (value, self->group_key); break;
    case PROP_GROUP_LABEL: g_value_set_string (value, self->group_label); break;
    case PROP_GROUP_TITLE: g_value_set_string (value, self->group_title); break;
    case PROP_IS_ANNEX_A: g_value_set_boolean (value, self->is_annex_a); break;
    case PROP_IS_CLAUSE: g_value_set_boolean (value, self->is_clause); break;
    case PROP_IS_NEW: g_value_set_boolean (value, self->is_new); break;
    case PROP_POSITION: g_value_set_uint (value, self->position); break;
    case PROP_N_EVIDENCE: g_value_set_uint (value, self->n_evidence); break;
    case PROP_APPLICABILITY: g_value_set_enum (value, self->applicability); break;
    case PROP_INCLUSION_REASONS: g_value_set_flags (value, self->inclusion_reasons); break;
    case PROP_EXCLUSION_JUSTIFICATION: g_value_set_string (value, self->exclusion_justification); break;
    case PROP_STATUS: g_value_set_enum (value, self->status); break;
    case PROP_AUDIT_RESULT: g_value_set_enum (value, self->audit_result); break;
    case PROP_CONTROL_TYPE: g_value_set_enum (value, self->control_type); break;
    case PROP_OBLIGATION: g_value_set_enum (value, self->obligation); break;
    case PROP_OWNER: g_value_set_string (value, self->owner); break;
    case PROP_DUE_DATE: g_value_set_string (value, self->due_date); break;
    case PROP_NOTES: g_value_set_string (value, self->notes); break;
    case PROP_SOA_ISSUES: g_value_set_flags (value, compute_soa_issues (self)); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
certo_requirement_state_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  CertoRequirementState *self = CERTO_REQUIREMENT_STATE (object);

  switch (prop_id)
    {
    case PROP_KEY: self->key = g_value_dup_string (value); break;
    case PROP_LABEL: self->label = g_value_dup_string (value); break;
    case PROP_TITLE: self->title = g_value_dup_string (value); break;
    case PROP_GROUP_KEY: self->group_key = g_value_dup_string (value); break;
    case PROP_GROUP_LABEL: self->group_label = g_value_dup_string (value); break;
    case PROP_GROUP_TITLE: self->group_title = g_value_dup_string (value); break;
    case PROP_IS_ANNEX_A: self->is_annex_a = g_value_get_boolean (value); break;
    case PROP_IS_CLAUSE: self->is_clause = g_value_get_boolean (value); break;
    case PROP_IS_NEW: self->is_new = g_value_get_boolean (value); break;
    case PROP_POSITION: self->position = g_value_get_uint (value); break;
    case PROP_APPLICABILITY:
      /* A refused value (excluding a clause) leaves the old one; the
       * notify lets a bound switch snap back */
      if (!certo_requirement_state_set_applicability (self, g_value_get_enum (value), NULL))
        g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_INCLUSION_REASONS:
      certo_requirement_state_set_inclusion_reasons (self, g_value_get_flags (value));
      break;
    case PROP_EXCLUSION_JUSTIFICATION:
      certo_requirement_state_set_exclusion_justification (self, g_value_get_string (value));
      break;
    case PROP_STATUS:
      certo_requirement_state_set_status (self, g_value_get_enum (value));
      break;
    case PROP_AUDIT_RESULT:
      certo_requirement_state_set_audit_result (self, g_value_get_enum (value));
      break;
    case PROP_CONTROL_TYPE:
      certo_requirement_state_set_control_type (self, g_value_get_enum (value));
      break;
    case PROP_OBLIGATION:
      certo_requirement_state_set_obligation (self, g_value_get_enum (value));
      break;
    case PROP_OWNER:
      certo_requirement_state_set_owner (self, g_value_get_string (value));
      break;
    case PROP_DUE_DATE:
      if (!certo_requirement_state_set_due_date (self, g_value_get_string (value), NULL))
        g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_NOTES:
      certo_requirement_state_set_notes (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

#define IDENTITY (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS)
#define EDITABLE (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)
#define COMPUTED (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)

static void
certo_requirement_state_class_init (CertoRequirementStateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  CertoWorkspaceItemClass *item_class = CERTO_WORKSPACE_ITEM_CLASS (klass);

  object_class->constructed = certo_requirement_state_constructed;
  object_class->finalize = certo_requirement_state_finalize;
  object_class->get_property = certo_requirement_state_get_property;
  object_class->set_property = certo_requirement_state_set_property;

  item_class->validate = certo_requirement_state_validate;
  item_class->dup_display_name = certo_requirement_state_dup_display_name;

  /* Identity, from the framework when the workspace was made */
  properties[PROP_KEY] = g_param_spec_string ("key", NULL, NULL, NULL, IDENTITY);
  properties[PROP_LABEL] = g_param_spec_string ("label", NULL, NULL, NULL, IDENTITY);
  properties[PROP_DISPLAY_LABEL] = g_param_spec_string ("display-label", NULL, NULL, NULL,
                                                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, IDENTITY);
  properties[PROP_GROUP_KEY] = g_param_spec_string ("group-key", NULL, NULL, NULL, IDENTITY);
  properties[PROP_GROUP_LABEL] = g_param_spec_string ("group-label", NULL, NULL, NULL, IDENTITY);
  properties[PROP_GROUP_TITLE] = g_param_spec_string ("group-title", NULL, NULL, NULL, IDENTITY);
  properties[PROP_IS_ANNEX_A] = g_param_spec_boolean ("is-annex-a", NULL, NULL, FALSE, IDENTITY);
  properties[PROP_IS_CLAUSE] = g_param_spec_boolean ("is-clause", NULL, NULL, FALSE, IDENTITY);
  properties[PROP_IS_NEW] = g_param_spec_boolean ("is-new", NULL, NULL, FALSE, IDENTITY);
  properties[PROP_POSITION] = g_param_spec_uint ("position", NULL, NULL, 0, G_MAXUINT, 0, IDENTITY);
  properties[PROP_N_EVIDENCE] = g_param_spec_uint ("n-evidence", NULL, NULL, 0, G_MAXUINT, 0, COMPUTED);

  /* The organisation's record */
  properties[PROP_APPLICABILITY] =
    g_param_spec_enum ("applicability", NULL, NULL, CERTO_TYPE_APPLICABILITY,
                       CERTO_APPLICABILITY_UNREVIEWED, EDITABLE);
  properties[PROP_INCLUSION_REASONS] =
    g_param_spec_flags ("inclusion-reasons", NULL, NULL, CERTO_TYPE_INCLUSION_REASONS,
                        CERTO_INCLUSION_NONE, EDITABLE);
  properties[PROP_EXCLUSION_JUSTIFICATION] =
    g_param_spec_string ("exclusion-justification", NULL, NULL, "", EDITABLE);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, CERTO_TYPE_IMPLEMENTATION_STATUS,
                       CERTO_STATUS_NOT_STARTED, EDITABLE);
  properties[PROP_AUDIT_RESULT] =
    g_param_spec_enum ("audit-result", NULL, NULL, CERTO_TYPE_AUDIT_RESULT,
                       CERTO_AUDIT_RESULT_NOT_ASSESSED, EDITABLE);
  properties[PROP_CONTROL_TYPE] =
    g_param_spec_enum ("control-type", NULL, NULL, CERTO_TYPE_CONTROL_TYPE,
                       CERTO_CONTROL_TYPE_UNREVIEWED, EDITABLE);
  properties[PROP_OBLIGATION] =
    g_param_spec_enum ("obligation", NULL, NULL, CERTO_TYPE_OBLIGATION,
                       CERTO_OBLIGATION_UNREVIEWED, EDITABLE);
  properties[PROP_OWNER] = g_param_spec_string ("owner", NULL, NULL, "", EDITABLE);
  /**
   * CertoRequirementState:due-date:
   *
   * When the requirement should be implemented: `YYYY-MM-DD`, or %NULL.
   */
  properties[PROP_DUE_DATE] = g_param_spec_string ("due-date", NULL, NULL, NULL, EDITABLE);
  properties[PROP_NOTES] = g_param_spec_string ("notes", NULL, NULL, "", EDITABLE);
  properties[PROP_SOA_ISSUES] =
    g_param_spec_flags ("soa-issues", NULL, NULL, CERTO_TYPE_SOA_ISSUES,
                        CERTO_SOA_ISSUE_NONE, COMPUTED);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
certo_requirement_state_init (CertoRequirementState *self)
{
  self->exclusion_justification = g_strdup ("");
  self->owner = g_strdup ("");
  self->notes = g_strdup ("");
}

/* Public API */

/**
 * certo_requirement_state_new:
 * @key: the framework's id of the requirement ("a5.14"), unique
 * @label: its number ("5.14", "A.13.2.1", "4.1")
 * @title: its short title
 * @group_key: (nullable): the top group: clause, theme or domain ("a5")
 * @group_title: (nullable): that group's title
 * @is_annex_a: whether it is an Annex A control
 * @is_clause: whether it is a clause 4–10 requirement (always applicable)
 *
 * Makes a requirement state on its own, in no workspace: changes to it
 * are not recorded anywhere. Workspaces make their own; this is for
 * scoring a hand-made set.
 *
 * Returns: (transfer full): a new requirement state, not started,
 *   unreviewed
 */
CertoRequirementState *
certo_requirement_state_new (const char *key,
                             const char *label,
                             const char *title,
                             const char *group_key,
                             const char *group_title,
                             gboolean    is_annex_a,
                             gboolean    is_clause)
{
  return g_object_new (CERTO_TYPE_REQUIREMENT_STATE,
                       "key", key,
                       "label", label,
                       "title", title,
                       "group-key", group_key,
                       "group-label", group_key,
                       "group-title", group_title,
                       "is-annex-a", is_annex_a,
                       "is-clause", is_clause,
                       NULL);
}

#define GETTER(type, name, field)                                   \
  type                                                              \
  certo_requirement_state_get_##name (CertoRequirementState *self)  \
  {                                                                 \
    g_return_val_if_fail (CERTO_IS_REQUIREMENT_STATE (self), 0);    \
    return self->field;                                             \
  }

/**
 * certo_requirement_state_get_key:
 * @self: a requirement state
 *
 * Returns: (transfer none): the framework's id of the requirement ("a5.14")
 */
GETTER (const char *, key, key)
/**
 * certo_requirement_state_get_label:
 * @self: a requirement state
 *
 * Returns: (transfer none): the number as the framework writes it ("5.14")
 */
GETTER (const char *, label, label)
/**
 * certo_requirement_state_get_display_label:
 * @self: a requirement state
 *
 * Returns: (transfer none): the number as people write it: Annex A
 *   controls with "A." ("A.5.14"), clauses without ("5.1")
 */
GETTER (const char *, display_label, display_label)
/**
 * certo_requirement_state_get_title:
 * @self: a requirement state
 *
 * Returns: (transfer none): the short title
 */
GETTER (const char *, title, title)
/**
 * certo_requirement_state_get_group_key:
 * @self: a requirement state
 *
 * Returns: (transfer none) (nullable): the id of the top group: clause
 *   (2022 and 2013), theme (2022 Annex A) or domain (2013 Annex A)
 */
GETTER (const char *, group_key, group_key)
/**
 * certo_requirement_state_get_group_label:
 * @self: a requirement state
 *
 * Returns: (transfer none) (nullable): the top group's number ("5", "A.13")
 */
GETTER (const char *, group_label, group_label)
/**
 * certo_requirement_state_get_group_title:
 * @self: a requirement state
 *
 * Returns: (transfer none) (nullable): the top group's title
 */
GETTER (const char *, group_title, group_title)
/**
 * certo_requirement_state_get_is_annex_a:
 * @self: a requirement state
 *
 * Returns: whether this is an Annex A control
 */
GETTER (gboolean, is_annex_a, is_annex_a)
/**
 * certo_requirement_state_get_is_clause:
 * @self: a requirement state
 *
 * Returns: whether this is a requirement of clauses 4–10 (always applicable)
 */
GETTER (gboolean, is_clause, is_clause)
/**
 * certo_requirement_state_get_is_new:
 * @self: a requirement state
 *
 * Returns: whether the control is new in its edition (the 11 controls
 *   ISO/IEC 27001:2022 added)
 */
GETTER (gboolean, is_new, is_new)
/**
 * certo_requirement_state_get_position:
 * @self: a requirement state
 *
 * Returns: the requirement's place in the framework's order, from 0
 */
GETTER (guint, position, position)
/**
 * certo_requirement_state_get_n_evidence:
 * @self: a requirement state
 *
 * Returns: how many evidence items (not removed) are linked to it
 */
GETTER (guint, n_evidence, n_evidence)
/**
 * certo_requirement_state_get_applicability:
 * @self: a requirement state
 *
 * Returns: whether it applies (always applicable for a clause)
 */
GETTER (CertoApplicability, applicability, applicability)
/**
 * certo_requirement_state_get_inclusion_reasons:
 * @self: a requirement state
 *
 * Returns: why it is included
 */
GETTER (CertoInclusionReasons, inclusion_reasons, inclusion_reasons)
/**
 * certo_requirement_state_get_exclusion_justification:
 * @self: a requirement state
 *
 * Returns: (transfer none): why it is excluded; "" when none is given
 */
GETTER (const char *, exclusion_justification, exclusion_justification)
/**
 * certo_requirement_state_get_status:
 * @self: a requirement state
 *
 * Returns: the implementation status
 */
GETTER (CertoImplementationStatus, status, status)
/**
 * certo_requirement_state_get_audit_result:
 * @self: a requirement state
 *
 * Returns: the latest internal-audit result
 */
GETTER (CertoAuditResult, audit_result, audit_result)
/**
 * certo_requirement_state_get_control_type:
 * @self: a requirement state
 *
 * Returns: the control type for the points score
 */
GETTER (CertoControlType, control_type, control_type)
/**
 * certo_requirement_state_get_obligation:
 * @self: a requirement state
 *
 * Returns: mandatory or discretionary, for the points score
 */
GETTER (CertoObligation, obligation, obligation)
/**
 * certo_requirement_state_get_owner:
 * @self: a requirement state
 *
 * Returns: (transfer none): who is responsible; "" when nobody is named
 */
GETTER (const char *, owner, owner)
/**
 * certo_requirement_state_get_due_date:
 * @self: a requirement state
 *
 * Returns: (transfer none) (nullable): the due date, `YYYY-MM-DD`
 */
GETTER (const char *, due_date, due_date)
/**
 * certo_requirement_state_get_notes:
 * @self: a requirement state
 *
 * Returns: (transfer none): free notes; "" when none
 */
GETTER (const char *, notes, notes)

/**
 * certo_requirement_state_is_applicable:
 * @self: a requirement state
 *
 * Returns: %TRUE unless the requirement is excluded (an undecided one
 *   counts as applicable)
 */
gboolean
certo_requirement_state_is_applicable (CertoRequirementState *self)
{
  g_return_val_if_fail (CERTO_IS_REQUIREMENT_STATE (self), FALSE);
  return self->applicability != CERTO_APPLICABILITY_EXCLUDED;
}

/**
 * certo_requirement_state_get_soa_issues:
 * @self: a requirement state
 *
 * Returns: what the Statement of Applicability entry still lacks (always
 *   none for a clause)
 */
CertoSoaIssues
certo_requirement_state_get_soa_issues (CertoRequirementState *self)
{
  g_return_val_if_fail (CERTO_IS_REQUIREMENT_STATE (self), CERTO_SOA_ISSUE_NONE);
  return compute_soa_issues (self);
}

/**
 * certo_requirement_state_set_applicability:
 * @self: a requirement state
 * @applicability: the decision
 * @error: (out) (optional): %CERTO_WORKSPACE_ERROR_ALWAYS_APPLICABLE
 *
 * Records whether the requirement applies. Clauses 4–10 always apply
 * (ISO/IEC 27001:2022 clause 1: excluding any of them is not acceptable
 * when claiming conformity): anything but applicable is refused for them.
 * An exclusion without a justification is accepted but flagged
 * (certo_requirement_state_get_soa_issues()).
 *
 * Returns: %TRUE when set (or already so)
 */
gboolean
certo_requirement_state_set_applicability (CertoRequirementState  *self,
                                           CertoApplicability      applicability,
                                           GError                **error)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_return_val_if_fail (CERTO_IS_REQUIREMENT_STATE (self), FALSE);

  g_value_init (&value, CERTO_TYPE_APPLICABILITY);
  g_value_set_enum (&value, applicability);
  if (!certo_requirement_state_validate (CERTO_WORKSPACE_ITEM (self),
                                         properties[PROP_APPLICABILITY], &value, error))
    return FALSE;

  if (self->applicability != applicability)
    set_tracked (self, PROP_APPLICABILITY, &self->applicability,
                 sizeof self->applicability, &applicability);
  return TRUE;
}

/**
 * certo_requirement_state_set_inclusion_reasons:
 * @self: a requirement state
 * @reasons: why it is included
 */
void
certo_requirement_state_set_inclusion_reasons (CertoRequirementState *self,
                                               CertoInclusionReasons  reasons)
{
  g_return_if_fail (CERTO_IS_REQUIREMENT_STATE (self));

  if (self->inclusion_reasons != reasons)
    set_tracked (self, PROP_INCLUSION_REASONS, &self->inclusion_reasons,
                 sizeof self->inclusion_reasons, &reasons);
}

/**
 * certo_requirement_state_set_exclusion_justification:
 * @self: a requirement state
 * @justification: (nullable): why it is excluded
 */
void
certo_requirement_state_set_exclusion_justification (CertoRequirementState *self,
                                                     const char            *justification)
{
  g_return_if_fail (CERTO_IS_REQUIREMENT_STATE (self));
  set_string_tracked (self, PROP_EXCLUSION_JUSTIFICATION, &self->exclusion_justification,
                      justification != NULL ? justification : "");
}

/**
 * certo_requirement_state_set_status:
 * @self: a requirement state
 * @status: the implementation status
 */
void
certo_requirement_state_set_status (CertoRequirementState     *self,
                                    CertoImplementationStatus  status)
{
  g_return_if_fail (CERTO_IS_REQUIREMENT_STATE (self));

  if (self->status != status)
    set_tracked (self, PROP_STATUS, &self->status, sizeof self->status, &status);
}

/**
 * certo_requirement_state_set_audit_result:
 * @self: a requirement state
 * @result: the latest internal-audit result
 */
void
certo_requirement_state_set_audit_result (CertoRequirementState *self,
                                          CertoAuditResult       result)
{
  g_return_if_fail (CERTO_IS_REQUIREMENT_STATE (self));

  if (self->audit_result != result)
    set_tracked (self, PROP_AUDIT_RESULT, &self->audit_result, sizeof self->audit_result, &result);
}

/**
 * certo_requirement_state_set_control_type:
 * @self: a requirement state
 * @type: the control type
 */
void
certo_requirement_state_set_control_type (CertoRequirementState *self,
                                          CertoControlType       type)
{
  g_return_if_fail (CERTO_IS_REQUIREMENT_STATE (self));

  if (self->control_type != type)
    set_tracked (self, PROP_CONTROL_TYPE, &self->control_type, sizeof self->control_type, &type);
}

/**
 * certo_requirement_state_set_obligation:
 * @self: a requirement state
 * @obligation: mandatory or discretionary
 */
void
certo_requirement_state_set_obligation (CertoRequirementState *self,
                                        CertoObligation        obligation)
{
  g_return_if_fail (CERTO_IS_REQUIREMENT_STATE (self));

  if (self->obligation != obligation)
    set_tracked (self, PROP_OBLIGATION, &self->obligation, sizeof self->obligation, &obligation);
}

/**
 * certo_requirement_state_set_owner:
 * @self: a requirement state
 * @owner: (nullable): who is responsible
 */
void
certo_requirement_state_set_owner (CertoRequirementState *self,
                                   const char            *owner)
{
  g_return_if_fail (CERTO_IS_REQUIREMENT_STATE (self));
  set_string_tracked (self, PROP_OWNER, &self->owner, owner != NULL ? owner : "");
}

/**
 * certo_requirement_state_set_due_date:
 * @self: a requirement state
 * @date: (nullable): `YYYY-MM-DD`, or %NULL or "" for none
 * @error: (out) (optional): %CERTO_WORKSPACE_ERROR_INVALID_VALUE
 *
 * Returns: %TRUE when set
 */
gboolean
certo_requirement_state_set_due_date (CertoRequirementState  *self,
                                      const char             *date,
                                      GError                **error)
{
  g_return_val_if_fail (CERTO_IS_REQUIREMENT_STATE (self), FALSE);

  if (!_certo_workspace_check_date (date, error))
    return FALSE;

  set_string_tracked (self, PROP_DUE_DATE, &self->due_date, certo_nonempty (date));
  return TRUE;
}

/**
 * certo_requirement_state_set_notes:
 * @self: a requirement state
 * @notes: (nullable): free notes
 */
void
certo_requirement_state_set_notes (CertoRequirementState *self,
                                   const char            *notes)
{
  g_return_if_fail (CERTO_IS_REQUIREMENT_STATE (self));
  set_string_tracked (self, PROP_NOTES, &self->notes, notes != NULL ? notes : "");
}
