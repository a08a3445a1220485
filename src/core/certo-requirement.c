/* certo-requirement.c — one control, enhancement or clause requirement of
 * a control catalog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "certo-oscal-private.h"
#include "certo-requirement.h"
#include "certo-util-private.h"

struct _CertoRequirement
{
  GObject   parent_instance;

  char     *id;
  char     *label;
  char     *title;
  char     *group_id;
  char     *parent_id;
  guint     is_annex_a : 1;
  guint     is_new : 1;
  guint     is_withdrawn : 1;
};

G_DEFINE_FINAL_TYPE (CertoRequirement, certo_requirement, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_LABEL,
  PROP_TITLE,
  PROP_GROUP_ID,
  PROP_PARENT_ID,
  PROP_IS_ANNEX_A,
  PROP_IS_NEW,
  PROP_IS_WITHDRAWN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* GObject overrides */

static void
certo_requirement_finalize (GObject *object)
{
  CertoRequirement *self = CERTO_REQUIREMENT (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->group_id, g_free);
  g_clear_pointer (&self->parent_id, g_free);

  G_OBJECT_CLASS (certo_requirement_parent_class)->finalize (object);
}

static void
certo_requirement_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CertoRequirement *self = CERTO_REQUIREMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_GROUP_ID:
      g_value_set_string (value, self->group_id);
      break;
    case PROP_PARENT_ID:
      g_value_set_string (value, self->parent_id);
      break;
    case PROP_IS_ANNEX_A:
      g_value_set_boolean (value, self->is_annex_a);
      break;
    case PROP_IS_NEW:
      g_value_set_boolean (value, self->is_new);
      break;
    case PROP_IS_WITHDRAWN:
      g_value_set_boolean (value, self->is_withdrawn);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
certo_requirement_class_init (CertoRequirementClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = certo_requirement_finalize;
  object_class->get_property = certo_requirement_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_LABEL] = g_param_spec_string ("label", NULL, NULL, NULL, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_GROUP_ID] = g_param_spec_string ("group-id", NULL, NULL, NULL, flags);
  properties[PROP_PARENT_ID] = g_param_spec_string ("parent-id", NULL, NULL, NULL, flags);
  properties[PROP_IS_ANNEX_A] = g_param_spec_boolean ("is-annex-a", NULL, NULL, FALSE, flags);
  properties[PROP_IS_NEW] = g_param_spec_boolean ("is-new", NULL, NULL, FALSE, flags);
  properties[PROP_IS_WITHDRAWN] = g_param_spec_boolean ("is-withdrawn", NULL, NULL, FALSE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
certo_requirement_init (CertoRequirement *self)
{
}

/* Internal API (certo-oscal-private.h) */

CertoRequirement *
certo_requirement_new (const char *id,
                       const char *label,
                       const char *title,
                       const char *group_id,
                       const char *parent_id,
                       gboolean    is_annex_a,
                       gboolean    is_new,
                       gboolean    is_withdrawn)
{
  CertoRequirement *self = g_object_new (CERTO_TYPE_REQUIREMENT, NULL);

  self->id = certo_dup_nonempty (id);
  self->label = certo_dup_nonempty (label);
  self->title = certo_dup_nonempty (title);
  self->group_id = certo_dup_nonempty (group_id);
  self->parent_id = certo_dup_nonempty (parent_id);
  self->is_annex_a = !!is_annex_a;
  self->is_new = !!is_new;
  self->is_withdrawn = !!is_withdrawn;
  return self;
}

/* Public API */

/**
 * certo_requirement_get_id:
 * @self: a #CertoRequirement
 *
 * The OSCAL control id, unique in its framework and stable across
 * releases of the catalog: what a workspace stores. The builtin catalogs
 * use "c6.1.2" for clause 6.1.2 and "a5.7" / "a5.1.1" for Annex A controls.
 *
 * Returns: (transfer none): the id
 */
const char *
certo_requirement_get_id (CertoRequirement *self)
{
  g_return_val_if_fail (CERTO_IS_REQUIREMENT (self), NULL);
  return self->id;
}

/**
 * certo_requirement_get_label:
 * @self: a #CertoRequirement
 *
 * The display id: "5.7" (ISO/IEC 27001:2022 Annex A, numbered as in
 * ISO/IEC 27002:2022), "A.5.1.1" (ISO/IEC 27001:2013 Annex A), "6.1.2" (a
 * clause), "AC-2(1)" (NIST SP 800-53) — from `props[name=label]`, else
 * `props[name=sort-id]`, else the id. A clause and an ISO/IEC 27001:2022
 * control may share a label ("5.1"): tell them apart with
 * certo_requirement_get_is_annex_a().
 *
 * Returns: (transfer none): the label
 */
const char *
certo_requirement_get_label (CertoRequirement *self)
{
  g_return_val_if_fail (CERTO_IS_REQUIREMENT (self), NULL);
  return self->label;
}

/**
 * certo_requirement_get_title:
 * @self: a #CertoRequirement
 *
 * Returns: (transfer none): the short title (the control's or clause's
 *   name, "Threat intelligence"); never the text of the requirement
 */
const char *
certo_requirement_get_title (CertoRequirement *self)
{
  g_return_val_if_fail (CERTO_IS_REQUIREMENT (self), NULL);
  return self->title;
}

/**
 * certo_requirement_get_group_id:
 * @self: a #CertoRequirement
 *
 * Returns: (transfer none) (nullable): the id of the innermost group that
 *   holds the requirement (an enhancement has its parent's), or %NULL for
 *   a control outside any group
 */
const char *
certo_requirement_get_group_id (CertoRequirement *self)
{
  g_return_val_if_fail (CERTO_IS_REQUIREMENT (self), NULL);
  return self->group_id;
}

/**
 * certo_requirement_get_parent_id:
 * @self: a #CertoRequirement
 *
 * Returns: (transfer none) (nullable): the id of the requirement this one
 *   is nested in — a NIST control enhancement's control ("ac-2" for
 *   "ac-2.1"), or a sub-clause's clause ("c6.1" for "c6.1.2") — or %NULL
 */
const char *
certo_requirement_get_parent_id (CertoRequirement *self)
{
  g_return_val_if_fail (CERTO_IS_REQUIREMENT (self), NULL);
  return self->parent_id;
}

/**
 * certo_requirement_get_is_annex_a:
 * @self: a #CertoRequirement
 *
 * Whether this is a control — an Annex A control of ISO/IEC 27001, or any
 * control of an imported catalog — rather than a requirement of the
 * management-system clauses 4–10 (a group of OSCAL class "clause").
 *
 * Returns: %TRUE for a control
 */
gboolean
certo_requirement_get_is_annex_a (CertoRequirement *self)
{
  g_return_val_if_fail (CERTO_IS_REQUIREMENT (self), FALSE);
  return self->is_annex_a;
}

/**
 * certo_requirement_get_is_new:
 * @self: a #CertoRequirement
 *
 * Whether the control is new in its edition: the 11 ISO/IEC 27001:2022
 * Annex A controls with no ISO/IEC 27001:2013 source in ISO/IEC
 * 27002:2022 Annex B (5.7, 5.23, 5.30, 7.4, 8.9, 8.10, 8.11, 8.12, 8.16,
 * 8.23, 8.28). Read from the Certo prop "new-in-edition".
 *
 * Returns: %TRUE for a new control
 */
gboolean
certo_requirement_get_is_new (CertoRequirement *self)
{
  g_return_val_if_fail (CERTO_IS_REQUIREMENT (self), FALSE);
  return self->is_new;
}

/**
 * certo_requirement_get_is_withdrawn:
 * @self: a #CertoRequirement
 *
 * Whether the catalog marks the control withdrawn (`props[name=status]`
 * "withdrawn", as NIST SP 800-53 does). Withdrawn controls are kept, so a
 * workspace that tracked one still finds it.
 *
 * Returns: %TRUE for a withdrawn control
 */
gboolean
certo_requirement_get_is_withdrawn (CertoRequirement *self)
{
  g_return_val_if_fail (CERTO_IS_REQUIREMENT (self), FALSE);
  return self->is_withdrawn;
}
