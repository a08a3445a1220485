/* certo-oscal.c — reading OSCAL catalogs (JSON) into a CertoFramework;
 * catalog files and the folder of imported catalogs
 *
 * Only the structure is read: groups, controls, nested controls
 * (enhancements), ids, titles and a few props. Prose (parts), parameters,
 * links and back-matter are ignored: Certo tracks work against a control,
 * it does not republish the control's text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "certo-oscal-private.h"
#include "certo-parse.h"
#include "certo-paths.h"
#include "certo-text.h"

/* The longest id kept; OSCAL ids are short tokens ("ac-2.1") */
#define MAX_ID_LEN 256

/* The longest framework id made from a title (also a file name) */
#define MAX_SLUG_LEN 64

/* The longest id of an imported framework: a slug, also its file name */
#define MAX_IMPORTED_ID_LEN 80

/* One group or control still to read. The walk is iterative, with this
 * explicit stack, so no input can drive the C stack (the depth check
 * caps nesting anyway). */
typedef struct
{
  JsonObject *object;           /* borrowed from the parser's tree */
  gboolean    is_group;
  char       *group_id;         /* the enclosing group, or NULL at the top */
  char       *parent_id;        /* the enclosing control, for enhancements */
  char       *context;          /* the enclosing group's or control's name, for messages */
  guint       depth;            /* groups: group nesting; controls: control nesting */
  gboolean    in_clauses;       /* under a group of class "clause" */
} Item;

typedef struct
{
  const char *name;
  GArray     *stack;            /* of Item */
  GPtrArray  *groups;
  GPtrArray  *requirements;
  GHashTable *group_ids;        /* set */
  GHashTable *control_ids;      /* set */
  GPtrArray  *warnings;
  guint       n_dropped_warnings;
  guint       n_items;
  guint       n_anonymous_groups;
} Reader;

/* Helpers */

static void
item_clear (Item *item)
{
  g_clear_pointer (&item->group_id, g_free);
  g_clear_pointer (&item->parent_id, g_free);
  g_clear_pointer (&item->context, g_free);
}

static void
reader_clear (Reader *self)
{
  if (self->stack != NULL)
    {
      for (guint i = 0; i < self->stack->len; i++)
        item_clear (&g_array_index (self->stack, Item, i));
      g_clear_pointer (&self->stack, g_array_unref);
    }
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_pointer (&self->requirements, g_ptr_array_unref);
  g_clear_pointer (&self->group_ids, g_hash_table_unref);
  g_clear_pointer (&self->control_ids, g_hash_table_unref);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);
}

static void reader_warn (Reader     *self,
                         const char *format,
                         ...) G_GNUC_PRINTF (2, 3);

static void
reader_warn (Reader     *self,
             const char *format,
             ...)
{
  va_list args;

  if (self->warnings->len >= CERTO_OSCAL_MAX_WARNINGS)
    {
      self->n_dropped_warnings++;
      return;
    }

  va_start (args, format);
  g_ptr_array_add (self->warnings, g_strdup_vprintf (format, args));
  va_end (args);
}

static const char *
member_string (JsonObject *object,
               const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/* A member that should be an array: NULL when absent; a warning when it is
 * something else */
static JsonArray *
member_array (Reader     *self,
              JsonObject *object,
              const char *member,
              const char *owner)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      reader_warn (self,
                   /* Translators: the first %s is a JSON member ("controls"), the second a group or control */
                   _("“%s” of “%s” is not a list; it was ignored"),
                   member, owner);
      return NULL;
    }
  return json_node_get_array (node);
}

/* A usable id: a non-empty, short string without control characters.
 * OSCAL ids are tokens; Certo needs less, only something safe to show and
 * store. */
static gboolean
is_usable_id (const char *id)
{
  if (id == NULL || *id == '\0' || strlen (id) > MAX_ID_LEN)
    return FALSE;
  for (const char *p = id; *p != '\0'; p++)
    if ((guchar) *p < 0x20 || *p == 0x7f)
      return FALSE;
  return TRUE;
}

/* The value of a prop called @name in @want_ns (an OSCAL prop: the OSCAL
 * namespace or none; else exactly @want_ns). With @prefer_plain, a prop
 * without a "class" wins over one with a class (NIST gives "AC-2" plain
 * and "AC-02" as class "zero-padded"). */
static const char *
find_prop (JsonObject *object,
           const char *name,
           const char *want_ns,
           gboolean    prefer_plain)
{
  JsonNode *node = json_object_get_member (object, "props");
  const char *found = NULL;
  JsonArray *props;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;

  props = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (props); i++)
    {
      JsonNode *element = json_array_get_element (props, i);
      JsonObject *prop;
      const char *prop_name, *ns, *value;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        continue;
      prop = json_node_get_object (element);
      prop_name = member_string (prop, "name");
      ns = member_string (prop, "ns");
      value = member_string (prop, "value");
      if (prop_name == NULL || !g_str_equal (prop_name, name) || value == NULL || *value == '\0')
        continue;

      if (want_ns == NULL || g_str_equal (want_ns, CERTO_OSCAL_NS))
        {
          if (ns != NULL && !g_str_equal (ns, CERTO_OSCAL_NS))
            continue;
        }
      else if (ns == NULL || !g_str_equal (ns, want_ns))
        {
          continue;
        }

      if (!prefer_plain || member_string (prop, "class") == NULL)
        return value;
      if (found == NULL)
        found = value;
    }

  return found;
}

/* The display id: props[name=label], else props[name=sort-id], else the id */
static const char *
find_label (JsonObject *object,
            const char *id)
{
  const char *label = find_prop (object, "label", NULL, TRUE);

  if (label == NULL)
    label = find_prop (object, "sort-id", NULL, TRUE);
  return label != NULL ? label : id;
}

static CertoFrameworkGroupKind
kind_from_class (const char *klass)
{
  if (klass == NULL)
    return CERTO_FRAMEWORK_GROUP_OTHER;
  if (g_str_equal (klass, "clause"))
    return CERTO_FRAMEWORK_GROUP_CLAUSE;
  if (g_str_equal (klass, "theme"))
    return CERTO_FRAMEWORK_GROUP_THEME;
  if (g_str_equal (klass, "domain"))
    return CERTO_FRAMEWORK_GROUP_DOMAIN;
  if (g_str_equal (klass, "objective"))
    return CERTO_FRAMEWORK_GROUP_OBJECTIVE;
  if (g_str_equal (klass, "family"))
    return CERTO_FRAMEWORK_GROUP_FAMILY;
  return CERTO_FRAMEWORK_GROUP_OTHER;
}

/* Pushes the elements of @array so that the first is read first */
static void
push_array (Reader     *self,
            JsonArray  *array,
            gboolean    is_group,
            const char *group_id,
            const char *parent_id,
            const char *context,
            guint       depth,
            gboolean    in_clauses)
{
  for (guint i = json_array_get_length (array); i > 0; i--)
    {
      JsonNode *element = json_array_get_element (array, i - 1);
      Item item = { NULL, is_group, NULL, NULL, NULL, depth, in_clauses };

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          reader_warn (self,
                       is_group
                       /* Translators: %u counts from 1; %s is a group's or control's name */
                       ? _("Group %u in “%s” is not a JSON object; it was skipped")
                       : _("Control %u in “%s” is not a JSON object; it was skipped"),
                       i, context);
          continue;
        }

      item.object = json_node_get_object (element);
      item.group_id = g_strdup (group_id);
      item.parent_id = g_strdup (parent_id);
      item.context = g_strdup (context);
      g_array_append_val (self->stack, item);
    }
}

/* A group's own controls are read before its sub-groups: OSCAL keeps
 * them in two lists and leaves their relative order open. */
static void
push_children (Reader     *self,
               JsonObject *object,
               const char *group_id,
               const char *parent_id,
               const char *context,
               guint       group_depth,
               guint       control_depth,
               gboolean    in_clauses,
               gboolean    with_groups)
{
  JsonArray *groups = with_groups ? member_array (self, object, "groups", context) : NULL;
  JsonArray *controls = member_array (self, object, "controls", context);

  if (groups != NULL)
    push_array (self, groups, TRUE, group_id, NULL, context, group_depth, in_clauses);
  if (controls != NULL)
    push_array (self, controls, FALSE, group_id, parent_id, context, control_depth, in_clauses);
}

static void
read_group (Reader *self,
            Item   *item)
{
  const char *given_id = member_string (item->object, "id");
  const char *title = member_string (item->object, "title");
  const char *label;
  g_autofree char *id = NULL;
  CertoFrameworkGroupKind kind;
  gboolean in_clauses;

  /* OSCAL makes a group's id optional: make one, unique in this catalog */
  if (is_usable_id (given_id))
    {
      id = g_strdup (given_id);
      for (guint n = 2; g_hash_table_contains (self->group_ids, id); n++)
        {
          g_free (id);
          id = g_strdup_printf ("%s-%u", given_id, n);
        }
      if (!g_str_equal (id, given_id))
        reader_warn (self,
                     /* Translators: both %s are group ids ("ac", "ac-2") */
                     _("Two groups have the id “%s”; the second is kept as “%s”"),
                     given_id, id);
    }
  else
    {
      do
        {
          g_free (id);
          id = g_strdup_printf ("group-%u", ++self->n_anonymous_groups);
        }
      while (g_hash_table_contains (self->group_ids, id));
    }

  label = find_label (item->object, id);
  if (title == NULL || *title == '\0')
    {
      reader_warn (self, _("The group “%s” has no title; its label is shown instead"), label);
      title = label;
    }

  kind = kind_from_class (member_string (item->object, "class"));
  in_clauses = item->in_clauses || kind == CERTO_FRAMEWORK_GROUP_CLAUSE;

  g_hash_table_add (self->group_ids, g_strdup (id));
  g_ptr_array_add (self->groups,
                   certo_framework_group_new (id, label, title, kind, item->group_id, item->depth));

  push_children (self, item->object, id, NULL, title, item->depth + 1, 0, in_clauses, TRUE);
}

static void
read_control (Reader *self,
              Item   *item)
{
  const char *id = member_string (item->object, "id");
  const char *title = member_string (item->object, "title");
  const char *label;
  const char *status;
  const char *is_new;

  if (!is_usable_id (id))
    {
      reader_warn (self,
                   /* Translators: the first %s is a control's title, the second its group's */
                   _("A control (“%s”, in “%s”) has no usable id; it was skipped, with any enhancements inside it"),
                   title != NULL ? title : _("untitled"), item->context);
      return;
    }

  if (g_hash_table_contains (self->control_ids, id))
    {
      reader_warn (self,
                   /* Translators: %s is a control id ("ac-2") */
                   _("Two controls have the id “%s”; the second was skipped, with any enhancements inside it"),
                   id);
      return;
    }

  label = find_label (item->object, id);
  if (title == NULL || *title == '\0')
    {
      reader_warn (self, _("The control “%s” has no title; its label is shown instead"), label);
      title = label;
    }

  status = find_prop (item->object, "status", NULL, FALSE);
  is_new = find_prop (item->object, "new-in-edition", CERTO_OSCAL_CERTO_NS, FALSE);

  g_hash_table_add (self->control_ids, g_strdup (id));
  g_ptr_array_add (self->requirements,
                   certo_requirement_new (id, label, title, item->group_id, item->parent_id,
                                          !item->in_clauses,
                                          is_new != NULL,
                                          status != NULL && g_ascii_strcasecmp (status, "withdrawn") == 0));

  push_children (self, item->object, item->group_id, id, label,
                 0, item->depth + 1, item->in_clauses, FALSE);
}

/* "<file>:3:14: Parse error: unexpected …" → 3, 14, "unexpected …" */
static void
split_json_error (const char  *message,
                  guint       *out_line,
                  guint       *out_column,
                  const char **out_detail)
{
  g_autoptr(GRegex) regex = g_regex_new ("^[^:]*:(\\d+):(\\d+): (?:[^:]*: )?", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *line = NULL;
  g_autofree char *column = NULL;
  int end = 0;

  *out_line = 0;
  *out_column = 0;
  *out_detail = message;

  if (regex == NULL || !g_regex_match (regex, message, 0, &match))
    return;

  line = g_match_info_fetch (match, 1);
  column = g_match_info_fetch (match, 2);
  *out_line = (guint) g_ascii_strtoull (line, NULL, 10);
  *out_column = (guint) g_ascii_strtoull (column, NULL, 10);
  g_match_info_fetch_pos (match, 0, NULL, &end);
  *out_detail = message + end;
}

static void
set_not_a_catalog (GError     **error,
                   const char  *name,
                   JsonNode    *root)
{
  static const char * const other_models[] = {
    "profile", "component-definition", "system-security-plan",
    "assessment-plan", "assessment-results", "plan-of-action-and-milestones",
  };
  JsonObject *object = root != NULL && JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;

  for (guint i = 0; object != NULL && i < G_N_ELEMENTS (other_models); i++)
    {
      if (!json_object_has_member (object, other_models[i]))
        continue;

      if (g_str_equal (other_models[i], "profile"))
        g_set_error (error, CERTO_FRAMEWORK_ERROR, CERTO_FRAMEWORK_ERROR_NOT_OSCAL,
                     _("“%s” is an OSCAL profile, not a catalog; resolve it into a catalog (NIST publishes resolved baselines as “…-resolved-profile_catalog.json”) and import that"),
                     name);
      else
        g_set_error (error, CERTO_FRAMEWORK_ERROR, CERTO_FRAMEWORK_ERROR_NOT_OSCAL,
                     /* Translators: the second %s is an OSCAL model name ("system-security-plan") */
                     _("“%s” is an OSCAL %s, not a catalog; import the catalog of controls instead"),
                     name, other_models[i]);
      return;
    }

  g_set_error (error, CERTO_FRAMEWORK_ERROR, CERTO_FRAMEWORK_ERROR_NOT_OSCAL,
               _("“%s” is not an OSCAL catalog: it has no “catalog” member; choose an OSCAL catalog in JSON"),
               name);
}

static char *
make_framework_id (const char *title,
                   const char *uuid)
{
  g_autofree char *slug = certo_text_slugify (title, MAX_SLUG_LEN);

  if (*slug == '\0')
    {
      g_free (slug);
      slug = certo_text_slugify (uuid, MAX_SLUG_LEN);
    }
  if (*slug == '\0')
    {
      g_free (slug);
      slug = g_strdup ("catalog");
    }
  return g_steal_pointer (&slug);
}

/* The id of an imported framework is also its file name: only a slug
 * ("nist-sp-800-53-rev-5-low") may reach the file system */
static gboolean
is_safe_imported_id (const char *id)
{
  gsize len;

  if (id == NULL)
    return FALSE;
  len = strlen (id);
  if (len == 0 || len > MAX_IMPORTED_ID_LEN || id[0] == '-')
    return FALSE;
  for (const char *p = id; *p != '\0'; p++)
    if (!(g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '-'))
      return FALSE;
  return TRUE;
}

static char *
dup_user_path (const char *data_dir,
               const char *id)
{
  g_autofree char *dir = certo_framework_dup_user_dir (data_dir);
  g_autofree char *file = g_strconcat (id, ".json", NULL);

  return g_build_filename (dir, file, NULL);
}

static CertoFramework *
load_user_file (const char  *path,
                const char  *id,
                GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  CertoFramework *framework;

  framework = certo_framework_new_from_file (file, NULL, error);
  if (framework != NULL)
    certo_framework_set_origin (framework, id, path);
  return framework;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Internal API */

/*
 * certo_oscal_parse_catalog:
 * @bytes: an OSCAL catalog in JSON (OSCAL 1.0 or 1.1)
 * @name: the file's name for messages
 * @error: return location for a #GError
 *
 * The reader behind certo_framework_new_from_oscal(), which documents it.
 */
CertoFramework *
certo_oscal_parse_catalog (GBytes      *bytes,
                           const char  *name,
                           GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) json_error = NULL;
  g_auto(GStrv) warnings = NULL;
  g_autofree char *framework_id = NULL;
  Reader reader = { 0 };
  JsonObject *root, *catalog, *metadata;
  JsonNode *node;
  const char *text, *title, *uuid;
  gsize length = 0;
  gsize skip = 0;
  CertoFramework *framework;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!certo_parse_check_text (bytes, CERTO_PARSE_DEFAULT_MAX_SIZE, name, error))
    return NULL;

  text = g_bytes_get_data (bytes, &length);
  if (length >= 3 && memcmp (text, "\xef\xbb\xbf", 3) == 0)
    skip = 3;

  if (!certo_parse_check_json_depth (text + skip, length - skip, CERTO_PARSE_MAX_DEPTH, name, error))
    return NULL;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, text + skip, (gssize) (length - skip), &json_error))
    {
      guint line, column;
      const char *detail;

      split_json_error (json_error->message, &line, &column, &detail);
      g_set_error (error, CERTO_PARSE_ERROR, CERTO_PARSE_ERROR_INVALID_JSON,
                   /* Translators: the last %s is the parser's own description of the error */
                   _("“%s” is not valid JSON (line %u, column %u): %s; check that it is an OSCAL catalog in JSON and that it was saved whole"),
                   name, line, column, detail);
      return NULL;
    }

  node = json_parser_get_root (parser);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      set_not_a_catalog (error, name, node);
      return NULL;
    }
  root = json_node_get_object (node);
  node = json_object_get_member (root, "catalog");
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      set_not_a_catalog (error, name, json_parser_get_root (parser));
      return NULL;
    }
  catalog = json_node_get_object (node);

  node = json_object_get_member (catalog, "metadata");
  metadata = node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  title = metadata != NULL ? member_string (metadata, "title") : NULL;
  if (title == NULL || *title == '\0')
    {
      g_set_error (error, CERTO_FRAMEWORK_ERROR, CERTO_FRAMEWORK_ERROR_NOT_OSCAL,
                   _("“%s” is not a valid OSCAL catalog: its “metadata” has no “title”; ask its publisher for a corrected file"),
                   name);
      return NULL;
    }
  uuid = member_string (catalog, "uuid");

  reader.name = name;
  reader.stack = g_array_new (FALSE, FALSE, sizeof (Item));
  reader.groups = g_ptr_array_new_with_free_func (g_object_unref);
  reader.requirements = g_ptr_array_new_with_free_func (g_object_unref);
  reader.group_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  reader.control_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  reader.warnings = g_ptr_array_new_with_free_func (g_free);

  /* A catalog may hold controls outside any group, then groups */
  push_children (&reader, catalog, NULL, NULL, title, 0, 0, FALSE, TRUE);

  while (reader.stack->len > 0)
    {
      Item item = g_array_index (reader.stack, Item, reader.stack->len - 1);

      g_array_set_size (reader.stack, reader.stack->len - 1);

      if (++reader.n_items > CERTO_FRAMEWORK_MAX_ITEMS)
        {
          item_clear (&item);
          reader_clear (&reader);
          g_set_error (error, CERTO_FRAMEWORK_ERROR, CERTO_FRAMEWORK_ERROR_TOO_MANY,
                       _("“%s” holds more than %u groups and controls, more than Certo can track; split the catalog or import a baseline of it"),
                       name, (guint) CERTO_FRAMEWORK_MAX_ITEMS);
          return NULL;
        }

      if (item.is_group)
        read_group (&reader, &item);
      else
        read_control (&reader, &item);
      item_clear (&item);
    }

  if (reader.requirements->len == 0)
    {
      reader_clear (&reader);
      g_set_error (error, CERTO_FRAMEWORK_ERROR, CERTO_FRAMEWORK_ERROR_EMPTY,
                   _("“%s” is an OSCAL catalog with no usable control; there is nothing to track in it"),
                   name);
      return NULL;
    }

  if (reader.n_dropped_warnings > 0)
    g_ptr_array_add (reader.warnings,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "… and %u more problem",
                                                   "… and %u more problems",
                                                   reader.n_dropped_warnings),
                                      reader.n_dropped_warnings));
  g_ptr_array_add (reader.warnings, NULL);
  warnings = (GStrv) g_ptr_array_steal (reader.warnings, NULL);

  framework_id = make_framework_id (title, uuid);
  framework = certo_framework_new_internal (framework_id, title,
                                            member_string (metadata, "version"),
                                            member_string (metadata, "oscal-version"),
                                            member_string (metadata, "last-modified"),
                                            uuid, name,
                                            g_steal_pointer (&reader.groups),
                                            g_steal_pointer (&reader.requirements),
                                            g_steal_pointer (&warnings));
  reader_clear (&reader);
  return framework;
}

/* Public API: catalog files and imported catalogs (certo-framework.h) */

/**
 * certo_framework_new_from_file:
 * @file: an OSCAL catalog in JSON
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Reads @file (certo_parse_load_file(), at most
 * %CERTO_PARSE_DEFAULT_MAX_SIZE) and then as
 * certo_framework_new_from_oscal(), naming the file by its base name in
 * messages. Nothing is copied anywhere: see certo_framework_import_file().
 * The source is the file's path. Blocks: call it from a worker thread in
 * the UI.
 *
 * Errors: those of certo_parse_load_file() and
 * certo_framework_new_from_oscal().
 *
 * Returns: (transfer full): the framework, or %NULL with @error set
 */
CertoFramework *
certo_framework_new_from_file (GFile         *file,
                               GCancellable  *cancellable,
                               GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;
  g_autofree char *source = NULL;
  CertoFramework *framework;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  bytes = certo_parse_load_file (file, CERTO_PARSE_DEFAULT_MAX_SIZE, cancellable, error);
  if (bytes == NULL)
    return NULL;

  name = g_file_get_basename (file);
  framework = certo_oscal_parse_catalog (bytes, name != NULL ? name : "?", error);
  if (framework == NULL)
    return NULL;

  source = g_file_get_path (file);
  if (source == NULL)
    source = g_file_get_uri (file);
  certo_framework_set_origin (framework, NULL, source);
  return framework;
}

/**
 * certo_framework_dup_user_dir:
 * @data_dir: (nullable): the data folder (certo_paths_dup_data_dir()); %NULL
 *   for the default
 *
 * The folder of imported catalogs: `<data dir>/frameworks`. Not created here.
 *
 * Returns: (transfer full): the folder's path
 */
char *
certo_framework_dup_user_dir (const char *data_dir)
{
  g_autofree char *dir = certo_paths_dup_data_dir (data_dir);

  return g_build_filename (dir, "frameworks", NULL);
}

/**
 * certo_framework_import_file:
 * @file: an OSCAL catalog in JSON, chosen by the user
 * @data_dir: (nullable): the data folder; %NULL for the default
 * @out_path: (out) (optional) (transfer full): where the copy was saved
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Reads and validates @file as certo_framework_new_from_file() does, then
 * saves its bytes, unchanged, as `<data dir>/frameworks/<id>.json`,
 * atomically (a temporary file renamed into place): a failed import
 * leaves any earlier copy as it was. The id, and so the file name, is a
 * slug of the catalog's title (else its uuid) — never a name or path
 * from the file; "-imported" is added to one that would shadow a builtin
 * id. Importing a catalog with the same title again replaces the copy.
 * Blocks: call it from a worker thread in the UI.
 *
 * Errors: those of certo_framework_new_from_file();
 * %CERTO_FRAMEWORK_ERROR_IO when the copy cannot be written.
 *
 * Returns: (transfer full): the imported framework, whose source is the
 *   saved copy, or %NULL with @error set
 */
CertoFramework *
certo_framework_import_file (GFile         *file,
                             const char    *data_dir,
                             char         **out_path,
                             GCancellable  *cancellable,
                             GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(CertoFramework) framework = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *id = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  bytes = certo_parse_load_file (file, CERTO_PARSE_DEFAULT_MAX_SIZE, cancellable, error);
  if (bytes == NULL)
    return NULL;

  name = g_file_get_basename (file);
  framework = certo_oscal_parse_catalog (bytes, name != NULL ? name : "?", error);
  if (framework == NULL)
    return NULL;

  id = certo_framework_is_builtin_id (certo_framework_get_id (framework))
       ? g_strconcat (certo_framework_get_id (framework), "-imported", NULL)
       : g_strdup (certo_framework_get_id (framework));
  if (!is_safe_imported_id (id))
    {
      /* The reader makes slugs; this only guards the file system */
      g_set_error (error, CERTO_FRAMEWORK_ERROR, CERTO_FRAMEWORK_ERROR_IO,
                   _("Could not make a file name for “%s”; give the catalog a plain title and try again"),
                   name);
      return NULL;
    }

  dir = certo_framework_dup_user_dir (data_dir);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, CERTO_FRAMEWORK_ERROR, CERTO_FRAMEWORK_ERROR_IO,
                   /* Translators: the first %s is a folder, the second the system's reason */
                   _("Could not create the folder “%s”: %s; check that you may write there"),
                   dir, g_strerror (saved_errno));
      return NULL;
    }

  path = dup_user_path (data_dir, id);

  if (!g_file_set_contents_full (path, g_bytes_get_data (bytes, NULL),
                                 (gssize) g_bytes_get_size (bytes),
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0644, &local_error))
    {
      g_set_error (error, CERTO_FRAMEWORK_ERROR, CERTO_FRAMEWORK_ERROR_IO,
                   /* Translators: the first %s is a file name, the second the system's reason */
                   _("Could not save the imported catalog as “%s”: %s; check the free space and that you may write there"),
                   path, local_error->message);
      return NULL;
    }

  certo_framework_set_origin (framework, id, path);
  if (out_path != NULL)
    *out_path = g_steal_pointer (&path);
  return g_steal_pointer (&framework);
}

/**
 * certo_framework_list_all:
 * @data_dir: (nullable): the data folder; %NULL for the default
 * @out_warnings: (out) (optional) (transfer full) (element-type utf8): one
 *   line per imported catalog that could not be read
 *
 * Loads every framework there is: the builtin ones, in the order of
 * certo_framework_list_builtin(), then the imported ones
 * (`<data dir>/frameworks/<id>.json`) sorted by id. An imported file that
 * cannot be read is left out and named in @out_warnings. Blocks.
 *
 * Returns: (transfer container) (element-type CertoFramework): the frameworks
 */
GPtrArray *
certo_framework_list_all (const char  *data_dir,
                          GPtrArray  **out_warnings)
{
  g_autoptr(GPtrArray) frameworks = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *user_dir = certo_framework_dup_user_dir (data_dir);
  const char * const *builtin_ids = certo_framework_list_builtin ();
  g_autoptr(GDir) dir = NULL;
  const char *entry;

  for (guint i = 0; builtin_ids[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      CertoFramework *framework = certo_framework_load_builtin (builtin_ids[i], &error);

      if (framework != NULL)
        g_ptr_array_add (frameworks, framework);
      else
        g_ptr_array_add (warnings, g_strdup (error->message));
    }

  dir = g_dir_open (user_dir, 0, NULL);
  while (dir != NULL && (entry = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *id = NULL;

      if (!g_str_has_suffix (entry, ".json"))
        continue;
      id = g_strndup (entry, strlen (entry) - strlen (".json"));
      if (is_safe_imported_id (id) && !certo_framework_is_builtin_id (id))
        g_ptr_array_add (ids, g_steal_pointer (&id));
    }
  g_ptr_array_sort (ids, compare_strings);

  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);
      g_autofree char *path = dup_user_path (data_dir, id);
      g_autoptr(GError) error = NULL;
      CertoFramework *framework = load_user_file (path, id, &error);

      if (framework != NULL)
        g_ptr_array_add (frameworks, framework);
      else
        g_ptr_array_add (warnings, g_strdup (error->message));
    }

  if (out_warnings != NULL)
    *out_warnings = g_steal_pointer (&warnings);
  return g_steal_pointer (&frameworks);
}

/**
 * certo_framework_load:
 * @id: a builtin id, or the id of an imported framework
 * @data_dir: (nullable): the data folder; %NULL for the default
 * @error: return location for a #GError
 *
 * Loads a framework by id: a builtin one, else an imported one from
 * `<data dir>/frameworks/<id>.json`. An id that is not a slug never
 * reaches the file system. Blocks.
 *
 * Errors: %CERTO_FRAMEWORK_ERROR_NOT_FOUND; those of
 * certo_framework_new_from_file() when the imported copy is damaged.
 *
 * Returns: (transfer full): the framework, or %NULL with @error set
 */
CertoFramework *
certo_framework_load (const char  *id,
                      const char  *data_dir,
                      GError     **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (certo_framework_is_builtin_id (id))
    return certo_framework_load_builtin (id, error);

  if (!is_safe_imported_id (id))
    {
      certo_framework_set_not_found (error, id);
      return NULL;
    }

  path = dup_user_path (data_dir, id);
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      certo_framework_set_not_found (error, id);
      return NULL;
    }

  return load_user_file (path, id, error);
}
