/* certo-framework-group.c — a heading of a control catalog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "certo-framework-group.h"
#include "certo-oscal-private.h"
#include "certo-util-private.h"

struct _CertoFrameworkGroup
{
  GObject                  parent_instance;

  char                    *id;
  char                    *label;
  char                    *title;
  char                    *parent_id;
  CertoFrameworkGroupKind  kind;
  guint                    depth;
};

G_DEFINE_FINAL_TYPE (CertoFrameworkGroup, certo_framework_group, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (CertoFrameworkGroupKind, certo_framework_group_kind,
  G_DEFINE_ENUM_VALUE (CERTO_FRAMEWORK_GROUP_OTHER, "other"),
  G_DEFINE_ENUM_VALUE (CERTO_FRAMEWORK_GROUP_CLAUSE, "clause"),
  G_DEFINE_ENUM_VALUE (CERTO_FRAMEWORK_GROUP_THEME, "theme"),
  G_DEFINE_ENUM_VALUE (CERTO_FRAMEWORK_GROUP_DOMAIN, "domain"),
  G_DEFINE_ENUM_VALUE (CERTO_FRAMEWORK_GROUP_OBJECTIVE, "objective"),
  G_DEFINE_ENUM_VALUE (CERTO_FRAMEWORK_GROUP_FAMILY, "family"))

enum {
  PROP_0,
  PROP_ID,
  PROP_LABEL,
  PROP_TITLE,
  PROP_KIND,
  PROP_PARENT_ID,
  PROP_DEPTH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* GObject overrides */

static void
certo_framework_group_finalize (GObject *object)
{
  CertoFrameworkGroup *self = CERTO_FRAMEWORK_GROUP (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->parent_id, g_free);

  G_OBJECT_CLASS (certo_framework_group_parent_class)->finalize (object);
}

static void
certo_framework_group_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  CertoFrameworkGroup *self = CERTO_FRAMEWORK_GROUP (object);

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
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_PARENT_ID:
      g_value_set_string (value, self->parent_id);
      break;
    case PROP_DEPTH:
      g_value_set_uint (value, self->depth);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
certo_framework_group_class_init (CertoFrameworkGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = certo_framework_group_finalize;
  object_class->get_property = certo_framework_group_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_LABEL] = g_param_spec_string ("label", NULL, NULL, NULL, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, CERTO_TYPE_FRAMEWORK_GROUP_KIND,
                       CERTO_FRAMEWORK_GROUP_OTHER, flags);
  properties[PROP_PARENT_ID] = g_param_spec_string ("parent-id", NULL, NULL, NULL, flags);
  properties[PROP_DEPTH] = g_param_spec_uint ("depth", NULL, NULL, 0, G_MAXUINT, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
certo_framework_group_init (CertoFrameworkGroup *self)
{
}

/* Internal API (certo-oscal-private.h) */

CertoFrameworkGroup *
certo_framework_group_new (const char              *id,
                           const char              *label,
                           const char              *title,
                           CertoFrameworkGroupKind  kind,
                           const char              *parent_id,
                           guint                    depth)
{
  CertoFrameworkGroup *self = g_object_new (CERTO_TYPE_FRAMEWORK_GROUP, NULL);

  self->id = certo_dup_nonempty (id);
  self->label = certo_dup_nonempty (label);
  self->title = certo_dup_nonempty (title);
  self->kind = kind;
  self->parent_id = certo_dup_nonempty (parent_id);
  self->depth = depth;
  return self;
}

/* Public API */

/**
 * certo_framework_group_get_id:
 * @self: a #CertoFrameworkGroup
 *
 * Returns: (transfer none): the OSCAL group id ("a5", "ac"); one is made
 *   ("group-1") for a group the catalog left without
 */
const char *
certo_framework_group_get_id (CertoFrameworkGroup *self)
{
  g_return_val_if_fail (CERTO_IS_FRAMEWORK_GROUP (self), NULL);
  return self->id;
}

/**
 * certo_framework_group_get_label:
 * @self: a #CertoFrameworkGroup
 *
 * Returns: (transfer none): the display id: "5" (an ISO/IEC 27001:2022
 *   theme or clause), "A.5" or "A.5.1" (an ISO/IEC 27001:2013 domain or
 *   objective), "AC" — from `props[name=label]`, else `sort-id`, else the id
 */
const char *
certo_framework_group_get_label (CertoFrameworkGroup *self)
{
  g_return_val_if_fail (CERTO_IS_FRAMEWORK_GROUP (self), NULL);
  return self->label;
}

/**
 * certo_framework_group_get_title:
 * @self: a #CertoFrameworkGroup
 *
 * Returns: (transfer none): the group's title as the catalog gives it
 *   (OSCAL markup-line: plain text, possibly with `*emphasis*`); show it
 *   as plain text
 */
const char *
certo_framework_group_get_title (CertoFrameworkGroup *self)
{
  g_return_val_if_fail (CERTO_IS_FRAMEWORK_GROUP (self), NULL);
  return self->title;
}

/**
 * certo_framework_group_get_kind:
 * @self: a #CertoFrameworkGroup
 *
 * Returns: what the group is, from its OSCAL `class`
 */
CertoFrameworkGroupKind
certo_framework_group_get_kind (CertoFrameworkGroup *self)
{
  g_return_val_if_fail (CERTO_IS_FRAMEWORK_GROUP (self), CERTO_FRAMEWORK_GROUP_OTHER);
  return self->kind;
}

/**
 * certo_framework_group_get_parent_id:
 * @self: a #CertoFrameworkGroup
 *
 * Returns: (transfer none) (nullable): the id of the enclosing group (an
 *   ISO/IEC 27001:2013 objective's domain), or %NULL for a top-level group
 */
const char *
certo_framework_group_get_parent_id (CertoFrameworkGroup *self)
{
  g_return_val_if_fail (CERTO_IS_FRAMEWORK_GROUP (self), NULL);
  return self->parent_id;
}

/**
 * certo_framework_group_get_depth:
 * @self: a #CertoFrameworkGroup
 *
 * Returns: 0 for a top-level group, 1 for a group inside it, and so on
 */
guint
certo_framework_group_get_depth (CertoFrameworkGroup *self)
{
  g_return_val_if_fail (CERTO_IS_FRAMEWORK_GROUP (self), 0);
  return self->depth;
}
