/* certo-framework.c — control sets: frameworks, the builtin ISO/IEC 27001
 * editions, imported catalogs, the 2013→2022 mapping (their groups and
 * requirements: certo-framework-group.c, certo-requirement.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "certo-framework.h"
#include "certo-oscal-private.h"
#include "certo-parse.h"
#include "certo-util-private.h"

#define RESOURCE_DIR "/io/github/certo/Certo/frameworks/"
#define MAPPING_RESOURCE RESOURCE_DIR "iso27001-2013-to-2022.json"
#define MAPPING_FORMAT "certo-framework-mapping"

struct _CertoFramework
{
  GObject     parent_instance;

  char       *id;
  char       *title;
  char       *version;
  char       *oscal_version;
  char       *last_modified;
  char       *uuid;
  char       *source;
  GListStore *groups;
  GListStore *requirements;
  GStrv       warnings;

  /* Borrowed pointers: the stores hold the references */
  GHashTable *group_by_id;
  GHashTable *requirement_by_id;
  GHashTable *annex_by_label;
  GHashTable *clause_by_label;
};

/* The 2013→2022 mapping, read once from the resources; never changed */
typedef struct
{
  GHashTable *forward;          /* 2013 label → GPtrArray of 2022 labels */
  GHashTable *reverse;          /* 2022 label → GPtrArray of 2013 labels (empty: new) */
} Mapping;

G_DEFINE_FINAL_TYPE (CertoFramework, certo_framework, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_VERSION,
  PROP_OSCAL_VERSION,
  PROP_LAST_MODIFIED,
  PROP_UUID,
  PROP_SOURCE,
  PROP_GROUPS,
  PROP_REQUIREMENTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Ids of the bundled catalogs, in the order Certo lists them */
static const char * const builtin_ids[] = {
  CERTO_FRAMEWORK_ISO27001_2022,
  CERTO_FRAMEWORK_ISO27001_2013,
  NULL
};

/* Helpers */

/* Internal API (certo-oscal-private.h), helpers for the component's files */

gboolean
certo_framework_is_builtin_id (const char *id)
{
  return id != NULL && g_strv_contains (builtin_ids, id);
}

void
certo_framework_set_not_found (GError     **error,
                               const char  *id)
{
  g_set_error (error, CERTO_FRAMEWORK_ERROR, CERTO_FRAMEWORK_ERROR_NOT_FOUND,
               _("There is no framework “%s”; choose one of the frameworks Certo lists, or import the OSCAL catalog first"),
               id);
}

/* 2013 labels are "A.5.1.1"; accept "5.1.1" too */
static char *
normalize_2013 (const char *label)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (label));

  if (g_ascii_strncasecmp (trimmed, "A.", 2) == 0)
    return g_strconcat ("A.", trimmed + 2, NULL);
  return g_strconcat ("A.", trimmed, NULL);
}

/* 2022 Annex A labels are "5.14"; accept "A.5.14" too */
static char *
normalize_2022 (const char *label)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (label));

  if (g_ascii_strncasecmp (trimmed, "A.", 2) == 0)
    return g_strdup (trimmed + 2);
  return g_steal_pointer (&trimmed);
}

static GPtrArray *
mapping_entry (GHashTable *table,
               const char *key)
{
  GPtrArray *values = g_hash_table_lookup (table, key);

  if (values == NULL)
    {
      values = g_ptr_array_new_with_free_func (g_free);
      g_hash_table_insert (table, g_strdup (key), values);
    }
  return values;
}

/* Reads the bundled mapping and the 2022 catalog. Both ship inside
 * Certo, so a failure here is a packaging bug, reported once as such; the
 * maps are then empty. */
static Mapping *
mapping_load (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(CertoFramework) iso2022 = NULL;
  g_autoptr(GError) error = NULL;
  Mapping *mapping = g_new0 (Mapping, 1);
  JsonObject *root;
  JsonArray *entries;
  GListModel *requirements;

  mapping->forward = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) g_ptr_array_unref);
  mapping->reverse = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) g_ptr_array_unref);

  iso2022 = certo_framework_load_builtin (CERTO_FRAMEWORK_ISO27001_2022, &error);
  bytes = g_resources_lookup_data (MAPPING_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE,
                                   error == NULL ? &error : NULL);
  if (iso2022 == NULL || bytes == NULL ||
      !json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                   (gssize) g_bytes_get_size (bytes), &error))
    {
      g_warning ("The bundled ISO/IEC 27001 mapping cannot be read: %s",
                 error != NULL ? error->message : "?");
      return mapping;
    }

  /* Every 2022 Annex A control has an entry; the new ones stay empty */
  requirements = certo_framework_get_requirements (iso2022);
  for (guint i = 0; i < g_list_model_get_n_items (requirements); i++)
    {
      g_autoptr(CertoRequirement) requirement = g_list_model_get_item (requirements, i);

      if (certo_requirement_get_is_annex_a (requirement))
        mapping_entry (mapping->reverse, certo_requirement_get_label (requirement));
    }

  root = json_node_get_object (json_parser_get_root (parser));
  entries = json_object_get_array_member (root, "mappings");
  for (guint i = 0; i < json_array_get_length (entries); i++)
    {
      JsonObject *entry = json_array_get_object_element (entries, i);
      const char *from = json_object_get_string_member (entry, "from");
      JsonArray *to = json_object_get_array_member (entry, "to");
      GPtrArray *targets = mapping_entry (mapping->forward, from);

      for (guint j = 0; j < json_array_get_length (to); j++)
        {
          const char *target = json_array_get_string_element (to, j);

          g_ptr_array_add (targets, g_strdup (target));
          g_ptr_array_add (mapping_entry (mapping->reverse, target), g_strdup (from));
        }
    }

  return mapping;
}

static const Mapping *
mapping_get (void)
{
  static Mapping *mapping;

  if (g_once_init_enter (&mapping))
    g_once_init_leave (&mapping, mapping_load ());
  return mapping;
}

static char **
strv_from_array (GPtrArray *values)
{
  char **strv = g_new0 (char *, values->len + 1);

  for (guint i = 0; i < values->len; i++)
    strv[i] = g_strdup (g_ptr_array_index (values, i));
  return strv;
}

/* GObject overrides: CertoFramework */

static void
certo_framework_dispose (GObject *object)
{
  CertoFramework *self = CERTO_FRAMEWORK (object);

  /* The tables borrow from the stores: drop them first */
  g_clear_pointer (&self->group_by_id, g_hash_table_unref);
  g_clear_pointer (&self->requirement_by_id, g_hash_table_unref);
  g_clear_pointer (&self->annex_by_label, g_hash_table_unref);
  g_clear_pointer (&self->clause_by_label, g_hash_table_unref);
  g_clear_object (&self->groups);
  g_clear_object (&self->requirements);

  G_OBJECT_CLASS (certo_framework_parent_class)->dispose (object);
}

static void
certo_framework_finalize (GObject *object)
{
  CertoFramework *self = CERTO_FRAMEWORK (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->version, g_free);
  g_clear_pointer (&self->oscal_version, g_free);
  g_clear_pointer (&self->last_modified, g_free);
  g_clear_pointer (&self->uuid, g_free);
  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->warnings, g_strfreev);

  G_OBJECT_CLASS (certo_framework_parent_class)->finalize (object);
}

static void
certo_framework_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CertoFramework *self = CERTO_FRAMEWORK (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_VERSION:
      g_value_set_string (value, self->version);
      break;
    case PROP_OSCAL_VERSION:
      g_value_set_string (value, self->oscal_version);
      break;
    case PROP_LAST_MODIFIED:
      g_value_set_string (value, self->last_modified);
      break;
    case PROP_UUID:
      g_value_set_string (value, self->uuid);
      break;
    case PROP_SOURCE:
      g_value_set_string (value, self->source);
      break;
    case PROP_GROUPS:
      g_value_set_object (value, self->groups);
      break;
    case PROP_REQUIREMENTS:
      g_value_set_object (value, self->requirements);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
certo_framework_class_init (CertoFrameworkClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = certo_framework_dispose;
  object_class->finalize = certo_framework_finalize;
  object_class->get_property = certo_framework_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_VERSION] = g_param_spec_string ("version", NULL, NULL, NULL, flags);
  properties[PROP_OSCAL_VERSION] = g_param_spec_string ("oscal-version", NULL, NULL, NULL, flags);
  properties[PROP_LAST_MODIFIED] = g_param_spec_string ("last-modified", NULL, NULL, NULL, flags);
  properties[PROP_UUID] = g_param_spec_string ("uuid", NULL, NULL, NULL, flags);
  properties[PROP_SOURCE] = g_param_spec_string ("source", NULL, NULL, NULL, flags);
  properties[PROP_GROUPS] = g_param_spec_object ("groups", NULL, NULL, G_TYPE_LIST_MODEL, flags);
  properties[PROP_REQUIREMENTS] = g_param_spec_object ("requirements", NULL, NULL, G_TYPE_LIST_MODEL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
certo_framework_init (CertoFramework *self)
{
  self->groups = g_list_store_new (CERTO_TYPE_FRAMEWORK_GROUP);
  self->requirements = g_list_store_new (CERTO_TYPE_REQUIREMENT);
  self->group_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->requirement_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->annex_by_label = g_hash_table_new (g_str_hash, g_str_equal);
  self->clause_by_label = g_hash_table_new (g_str_hash, g_str_equal);
}

/* Internal API (certo-oscal-private.h) */

CertoFramework *
certo_framework_new_internal (const char *id,
                              const char *title,
                              const char *version,
                              const char *oscal_version,
                              const char *last_modified,
                              const char *uuid,
                              const char *source,
                              GPtrArray  *groups,
                              GPtrArray  *requirements,
                              GStrv       warnings)
{
  CertoFramework *self = g_object_new (CERTO_TYPE_FRAMEWORK, NULL);

  self->id = certo_dup_nonempty (id);
  self->title = certo_dup_nonempty (title);
  self->version = certo_dup_nonempty (version);
  self->oscal_version = certo_dup_nonempty (oscal_version);
  self->last_modified = certo_dup_nonempty (last_modified);
  self->uuid = certo_dup_nonempty (uuid);
  self->source = certo_dup_nonempty (source);
  self->warnings = warnings != NULL ? warnings : g_new0 (char *, 1);

  for (guint i = 0; i < groups->len; i++)
    {
      CertoFrameworkGroup *group = g_ptr_array_index (groups, i);
      g_hash_table_insert (self->group_by_id, (gpointer) certo_framework_group_get_id (group), group);
    }
  for (guint i = 0; i < requirements->len; i++)
    {
      CertoRequirement *requirement = g_ptr_array_index (requirements, i);
      const char *label = certo_requirement_get_label (requirement);
      GHashTable *by_label = certo_requirement_get_is_annex_a (requirement) ? self->annex_by_label
                                                                           : self->clause_by_label;

      g_hash_table_insert (self->requirement_by_id, (gpointer) certo_requirement_get_id (requirement),
                           requirement);
      /* The first of several with one label wins, as a reader would expect */
      if (!g_hash_table_contains (by_label, label))
        g_hash_table_insert (by_label, (gpointer) label, requirement);
    }

  /* One items-changed each */
  g_list_store_splice (self->groups, 0, 0, groups->pdata, groups->len);
  g_list_store_splice (self->requirements, 0, 0, requirements->pdata, requirements->len);
  g_ptr_array_unref (groups);
  g_ptr_array_unref (requirements);

  return self;
}

void
certo_framework_set_origin (CertoFramework *self,
                            const char     *id,
                            const char     *source)
{
  g_return_if_fail (CERTO_IS_FRAMEWORK (self));

  if (id != NULL)
    {
      g_free (self->id);
      self->id = g_strdup (id);
    }
  if (source != NULL)
    {
      g_free (self->source);
      self->source = g_strdup (source);
    }
}

/* Public API: frameworks */

/**
 * certo_framework_error_quark:
 *
 * The error domain of %CERTO_FRAMEWORK_ERROR.
 *
 * Returns: the #GQuark "certo-framework-error-quark"
 */
G_DEFINE_QUARK (certo-framework-error-quark, certo_framework_error)

/**
 * certo_framework_list_builtin:
 *
 * The frameworks bundled with Certo, newest first:
 * %CERTO_FRAMEWORK_ISO27001_2022 ("iso27001-2022": clauses 4–10 and
 * Annex A, 4 themes, 93 controls) and %CERTO_FRAMEWORK_ISO27001_2013
 * ("iso27001-2013": clauses 4–10 and Annex A, 14 domains, 35 objectives,
 * 114 controls). Ids and short titles only: the standard's text is not
 * bundled.
 *
 * Returns: (transfer none) (array zero-terminated=1): the builtin ids
 */
const char * const *
certo_framework_list_builtin (void)
{
  return builtin_ids;
}

/**
 * certo_framework_load_builtin:
 * @id: an id from certo_framework_list_builtin()
 * @error: return location for a #GError
 *
 * Reads a bundled catalog (`resources/frameworks/<id>.json`) through the
 * same OSCAL reader as imports. Its source is
 * %CERTO_FRAMEWORK_SOURCE_BUILTIN. Each call makes a new object.
 *
 * Errors: %CERTO_FRAMEWORK_ERROR_NOT_FOUND for an unknown id.
 *
 * Returns: (transfer full): the framework, or %NULL with @error set
 */
CertoFramework *
certo_framework_load_builtin (const char  *id,
                              GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  CertoFramework *framework;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!certo_framework_is_builtin_id (id))
    {
      certo_framework_set_not_found (error, id);
      return NULL;
    }

  path = g_strconcat (RESOURCE_DIR, id, ".json", NULL);
  bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  if (bytes == NULL)
    {
      certo_framework_set_not_found (error, id);
      return NULL;
    }

  name = g_strconcat (id, ".json", NULL);
  framework = certo_oscal_parse_catalog (bytes, name, error);
  if (framework != NULL)
    certo_framework_set_origin (framework, id, CERTO_FRAMEWORK_SOURCE_BUILTIN);
  return framework;
}

/**
 * certo_framework_new_from_oscal:
 * @bytes: an OSCAL catalog in JSON (OSCAL 1.0 or 1.1 `catalog` model)
 * @name: the file's name, for messages ("x.json")
 * @error: return location for a #GError
 *
 * Reads the structure of an OSCAL catalog: groups nested to any depth,
 * controls, and controls nested in controls (enhancements) to any depth,
 * in document order (a group's controls before its sub-groups, a control
 * before its enhancements). The label of each is `props[name=label]`
 * (one without a `class` preferred), else `props[name=sort-id]`, else its
 * id. Controls with `props[name=status]` "withdrawn" are kept and flagged.
 * Parameters, parts (the prose), links and back-matter are ignored.
 *
 * The bytes pass certo_parse_check_text() with
 * %CERTO_PARSE_DEFAULT_MAX_SIZE and certo_parse_check_json_depth() with
 * %CERTO_PARSE_MAX_DEPTH before json-glib sees them.
 *
 * A bad entry does not fail the catalog: a control without an id, a
 * second control with an id already used (each with what it holds), a
 * group or control that is not an object, are skipped and named in
 * certo_framework_get_warnings(); a group without an id gets one.
 *
 * The framework's id is made from the catalog's title ("NIST SP 800-53
 * …" → "nist-sp-800-53-…", at most 64 bytes), else its uuid; its source
 * is @name.
 *
 * Errors: %CERTO_PARSE_ERROR for bytes that are not JSON at all (too
 * large, empty, binary, not UTF-8, too deep, %CERTO_PARSE_ERROR_INVALID_JSON
 * with line and column); %CERTO_FRAMEWORK_ERROR_NOT_OSCAL for JSON that
 * is not an OSCAL catalog (an OSCAL profile is named as such);
 * %CERTO_FRAMEWORK_ERROR_EMPTY when no control is usable;
 * %CERTO_FRAMEWORK_ERROR_TOO_MANY beyond %CERTO_FRAMEWORK_MAX_ITEMS. Every
 * message names @name.
 *
 * Returns: (transfer full): the framework, or %NULL with @error set
 */
CertoFramework *
certo_framework_new_from_oscal (GBytes      *bytes,
                                const char  *name,
                                GError     **error)
{
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return certo_oscal_parse_catalog (bytes, name, error);
}

/**
 * certo_framework_get_id:
 * @self: a #CertoFramework
 *
 * Returns: (transfer none): "iso27001-2022", "iso27001-2013", or the slug
 *   of an imported catalog
 */
const char *
certo_framework_get_id (CertoFramework *self)
{
  g_return_val_if_fail (CERTO_IS_FRAMEWORK (self), NULL);
  return self->id;
}

/**
 * certo_framework_get_title:
 * @self: a #CertoFramework
 *
 * Returns: (transfer none): the catalog's `metadata.title` ("ISO/IEC 27001:2022")
 */
const char *
certo_framework_get_title (CertoFramework *self)
{
  g_return_val_if_fail (CERTO_IS_FRAMEWORK (self), NULL);
  return self->title;
}

/**
 * certo_framework_get_version:
 * @self: a #CertoFramework
 *
 * Returns: (transfer none) (nullable): the catalog's `metadata.version`:
 *   the edition for the builtin ones ("2022", "2013")
 */
const char *
certo_framework_get_version (CertoFramework *self)
{
  g_return_val_if_fail (CERTO_IS_FRAMEWORK (self), NULL);
  return self->version;
}

/**
 * certo_framework_get_oscal_version:
 * @self: a #CertoFramework
 *
 * Returns: (transfer none) (nullable): `metadata.oscal-version` ("1.1.2")
 */
const char *
certo_framework_get_oscal_version (CertoFramework *self)
{
  g_return_val_if_fail (CERTO_IS_FRAMEWORK (self), NULL);
  return self->oscal_version;
}

/**
 * certo_framework_get_last_modified:
 * @self: a #CertoFramework
 *
 * Returns: (transfer none) (nullable): `metadata.last-modified`, as written
 *   (an RFC 3339 date-time)
 */
const char *
certo_framework_get_last_modified (CertoFramework *self)
{
  g_return_val_if_fail (CERTO_IS_FRAMEWORK (self), NULL);
  return self->last_modified;
}

/**
 * certo_framework_get_uuid:
 * @self: a #CertoFramework
 *
 * Returns: (transfer none) (nullable): the catalog's uuid
 */
const char *
certo_framework_get_uuid (CertoFramework *self)
{
  g_return_val_if_fail (CERTO_IS_FRAMEWORK (self), NULL);
  return self->uuid;
}

/**
 * certo_framework_get_source:
 * @self: a #CertoFramework
 *
 * Returns: (transfer none): %CERTO_FRAMEWORK_SOURCE_BUILTIN, the path of
 *   an imported copy or of the file read, or the name given to
 *   certo_framework_new_from_oscal()
 */
const char *
certo_framework_get_source (CertoFramework *self)
{
  g_return_val_if_fail (CERTO_IS_FRAMEWORK (self), NULL);
  return self->source;
}

/**
 * certo_framework_is_builtin:
 * @self: a #CertoFramework
 *
 * Returns: %TRUE for a framework bundled with Certo
 */
gboolean
certo_framework_is_builtin (CertoFramework *self)
{
  g_return_val_if_fail (CERTO_IS_FRAMEWORK (self), FALSE);
  return g_strcmp0 (self->source, CERTO_FRAMEWORK_SOURCE_BUILTIN) == 0;
}

/**
 * certo_framework_get_groups:
 * @self: a #CertoFramework
 *
 * Every group, flat, in document order (a group before what it holds);
 * rebuild the tree with certo_framework_group_get_parent_id(). The model
 * never changes.
 *
 * Returns: (transfer none): a #GListModel of #CertoFrameworkGroup
 */
GListModel *
certo_framework_get_groups (CertoFramework *self)
{
  g_return_val_if_fail (CERTO_IS_FRAMEWORK (self), NULL);
  return G_LIST_MODEL (self->groups);
}

/**
 * certo_framework_get_requirements:
 * @self: a #CertoFramework
 *
 * Every requirement — clause requirements, controls, enhancements — flat,
 * in document order. The model never changes.
 *
 * Returns: (transfer none): a #GListModel of #CertoRequirement
 */
GListModel *
certo_framework_get_requirements (CertoFramework *self)
{
  g_return_val_if_fail (CERTO_IS_FRAMEWORK (self), NULL);
  return G_LIST_MODEL (self->requirements);
}

/**
 * certo_framework_get_warnings:
 * @self: a #CertoFramework
 *
 * What the reader skipped or repaired, one translated line each (at most
 * 100, then a count): show them after an import.
 *
 * Returns: (transfer none) (array zero-terminated=1): the warnings; empty
 *   for a clean catalog
 */
const char * const *
certo_framework_get_warnings (CertoFramework *self)
{
  g_return_val_if_fail (CERTO_IS_FRAMEWORK (self), NULL);
  return (const char * const *) self->warnings;
}

/**
 * certo_framework_lookup_requirement:
 * @self: a #CertoFramework
 * @id: a requirement id ("a5.7", "ac-2.1")
 *
 * Returns: (transfer none) (nullable): the requirement, or %NULL
 */
CertoRequirement *
certo_framework_lookup_requirement (CertoFramework *self,
                                    const char     *id)
{
  g_return_val_if_fail (CERTO_IS_FRAMEWORK (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  return g_hash_table_lookup (self->requirement_by_id, id);
}

/**
 * certo_framework_lookup_label:
 * @self: a #CertoFramework
 * @label: a display id ("5.7", "A.9.4.3", "AC-2(1)", "6.1.2")
 * @annex_a: %TRUE to look among controls, %FALSE among clause requirements
 *
 * Finds a requirement by label. Labels are unique in the builtin
 * catalogs within each half (a clause "5.1" and the control "5.1" are
 * told apart by @annex_a); in an imported catalog the first wins.
 *
 * Returns: (transfer none) (nullable): the requirement, or %NULL
 */
CertoRequirement *
certo_framework_lookup_label (CertoFramework *self,
                              const char     *label,
                              gboolean        annex_a)
{
  g_return_val_if_fail (CERTO_IS_FRAMEWORK (self), NULL);
  g_return_val_if_fail (label != NULL, NULL);
  return g_hash_table_lookup (annex_a ? self->annex_by_label : self->clause_by_label, label);
}

/**
 * certo_framework_lookup_group:
 * @self: a #CertoFramework
 * @id: a group id ("a5", "c6", "ac")
 *
 * Returns: (transfer none) (nullable): the group, or %NULL
 */
CertoFrameworkGroup *
certo_framework_lookup_group (CertoFramework *self,
                              const char     *id)
{
  g_return_val_if_fail (CERTO_IS_FRAMEWORK (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  return g_hash_table_lookup (self->group_by_id, id);
}

/**
 * certo_framework_count_requirements:
 * @self: a #CertoFramework
 * @group_id: (nullable): a group id, or %NULL for the whole framework
 *
 * Counts the requirements in a group and in the groups inside it,
 * enhancements and sub-clauses included: 37 for the ISO/IEC 27001:2022
 * theme "a5" (Annex A), 14 for the ISO/IEC 27001:2013 domain "a9".
 *
 * Returns: the number of requirements
 */
guint
certo_framework_count_requirements (CertoFramework *self,
                                    const char     *group_id)
{
  guint n_items, count = 0;

  g_return_val_if_fail (CERTO_IS_FRAMEWORK (self), 0);

  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->requirements));
  if (group_id == NULL)
    return n_items;

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(CertoRequirement) requirement = g_list_model_get_item (G_LIST_MODEL (self->requirements), i);
      const char *id = certo_requirement_get_group_id (requirement);

      /* Group depth is capped by the reader's depth check: this ends */
      while (id != NULL && !g_str_equal (id, group_id))
        {
          CertoFrameworkGroup *group = g_hash_table_lookup (self->group_by_id, id);
          id = group != NULL ? certo_framework_group_get_parent_id (group) : NULL;
        }
      if (id != NULL)
        count++;
    }

  return count;
}

/**
 * certo_framework_map_2013_to_2022:
 * @label_2013: an ISO/IEC 27001:2013 Annex A control label ("A.13.2.1";
 *   "13.2.1" is accepted too)
 *
 * The ISO/IEC 27001:2022 Annex A controls that take over a 2013 control,
 * as ISO/IEC 27002:2022 Annex B (Table B.2) gives them: "A.13.2.1" →
 * "5.14"; "A.18.2.3" → "5.36", "8.8". Every one of the 114 controls maps
 * to at least one. Read once from the bundled
 * `resources/frameworks/iso27001-2013-to-2022.json`.
 *
 * Returns: (transfer full) (array zero-terminated=1) (nullable): the 2022
 *   labels ("5.14"), in the standard's order, or %NULL for a label that is
 *   not a 2013 Annex A control
 */
char **
certo_framework_map_2013_to_2022 (const char *label_2013)
{
  g_autofree char *key = NULL;
  GPtrArray *targets;

  g_return_val_if_fail (label_2013 != NULL, NULL);

  key = normalize_2013 (label_2013);
  targets = g_hash_table_lookup (mapping_get ()->forward, key);
  return targets != NULL ? strv_from_array (targets) : NULL;
}

/**
 * certo_framework_map_2022_to_2013:
 * @label_2022: an ISO/IEC 27001:2022 Annex A control label ("5.17";
 *   "A.5.17" is accepted too)
 *
 * The reverse of certo_framework_map_2013_to_2022() (ISO/IEC 27002:2022
 * Annex B, Table B.1): the 2013 controls a 2022 control comes from. "5.17"
 * → "A.9.2.4", "A.9.3.1", "A.9.4.3".
 *
 * Returns: (transfer full) (array zero-terminated=1) (nullable): the 2013
 *   labels ("A.9.2.4"), in 2013 order; an empty array for the 11 controls
 *   new in 2022; %NULL for a label that is not a 2022 Annex A control
 */
char **
certo_framework_map_2022_to_2013 (const char *label_2022)
{
  g_autofree char *key = NULL;
  GPtrArray *sources;

  g_return_val_if_fail (label_2022 != NULL, NULL);

  key = normalize_2022 (label_2022);
  sources = g_hash_table_lookup (mapping_get ()->reverse, key);
  return sources != NULL ? strv_from_array (sources) : NULL;
}
