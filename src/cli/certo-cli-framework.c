/* certo-cli-framework.c — framework list, show, import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "certo-cli-private.h"
#include "certo-framework.h"

static gboolean opt_json;

static GOptionEntry json_entries[] = {
  { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json, N_("Print machine-readable JSON"), NULL },
  { NULL }
};

typedef struct
{
  guint n_controls;
  guint n_enhancements;
  guint n_clauses;
  guint n_withdrawn;
} Counts;

/* Helpers */

static Counts
count_requirements (CertoFramework *framework)
{
  GListModel *requirements = certo_framework_get_requirements (framework);
  Counts counts = { 0 };

  for (guint i = 0; i < g_list_model_get_n_items (requirements); i++)
    {
      g_autoptr(CertoRequirement) requirement = g_list_model_get_item (requirements, i);

      if (!certo_requirement_get_is_annex_a (requirement))
        counts.n_clauses++;
      else if (certo_requirement_get_parent_id (requirement) != NULL)
        counts.n_enhancements++;
      else
        counts.n_controls++;
      if (certo_requirement_get_is_withdrawn (requirement))
        counts.n_withdrawn++;
    }
  return counts;
}

static char *
describe_counts (const Counts *counts)
{
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u control", "%u controls", counts->n_controls),
                          counts->n_controls);
  if (counts->n_enhancements > 0)
    {
      g_string_append (out, ", ");
      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u enhancement", "%u enhancements",
                                                counts->n_enhancements),
                              counts->n_enhancements);
    }
  if (counts->n_clauses > 0)
    {
      g_string_append (out, ", ");
      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u clause requirement", "%u clause requirements",
                                                counts->n_clauses),
                              counts->n_clauses);
    }
  if (counts->n_withdrawn > 0)
    {
      g_string_append (out, " ");
      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "(%u withdrawn)", "(%u withdrawn)",
                                                counts->n_withdrawn),
                              counts->n_withdrawn);
    }
  return g_string_free (out, FALSE);
}

static const char *
kind_nick (CertoFrameworkGroupKind kind)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (CERTO_TYPE_FRAMEWORK_GROUP_KIND);
  GEnumValue *value = g_enum_get_value (klass, kind);

  /* Nicks are static strings: they outlive the class reference */
  return value != NULL ? value->value_nick : "other";
}

static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, value);
}

static void
add_strv (JsonBuilder        *builder,
          const char         *member,
          const char * const *values)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    json_builder_add_string_value (builder, values[i]);
  json_builder_end_array (builder);
}

static void
build_summary (JsonBuilder    *builder,
               CertoFramework *framework)
{
  Counts counts = count_requirements (framework);

  add_string (builder, "id", certo_framework_get_id (framework));
  add_string (builder, "title", certo_framework_get_title (framework));
  add_string (builder, "version", certo_framework_get_version (framework));
  add_string (builder, "oscal_version", certo_framework_get_oscal_version (framework));
  add_string (builder, "last_modified", certo_framework_get_last_modified (framework));
  add_string (builder, "uuid", certo_framework_get_uuid (framework));
  add_string (builder, "source", certo_framework_get_source (framework));
  json_builder_set_member_name (builder, "builtin");
  json_builder_add_boolean_value (builder, certo_framework_is_builtin (framework));
  json_builder_set_member_name (builder, "groups");
  json_builder_add_int_value (builder, g_list_model_get_n_items (certo_framework_get_groups (framework)));
  json_builder_set_member_name (builder, "controls");
  json_builder_add_int_value (builder, counts.n_controls);
  json_builder_set_member_name (builder, "enhancements");
  json_builder_add_int_value (builder, counts.n_enhancements);
  json_builder_set_member_name (builder, "clause_requirements");
  json_builder_add_int_value (builder, counts.n_clauses);
  json_builder_set_member_name (builder, "withdrawn");
  json_builder_add_int_value (builder, counts.n_withdrawn);
}

/* The other edition's labels for an ISO/IEC 27001 control (ISO/IEC
 * 27002:2022 Annex B), or NULL for any other framework */
static char **
dup_mapped (CertoFramework   *framework,
            CertoRequirement *requirement)
{
  const char *id = certo_framework_get_id (framework);

  if (!certo_framework_is_builtin (framework) || !certo_requirement_get_is_annex_a (requirement))
    return NULL;
  if (g_str_equal (id, CERTO_FRAMEWORK_ISO27001_2013))
    return certo_framework_map_2013_to_2022 (certo_requirement_get_label (requirement));
  if (g_str_equal (id, CERTO_FRAMEWORK_ISO27001_2022))
    return certo_framework_map_2022_to_2013 (certo_requirement_get_label (requirement));
  return NULL;
}

static guint
requirement_depth (CertoFramework   *framework,
                   CertoRequirement *requirement)
{
  guint depth = 0;

  /* The reader's depth check bounds this chain */
  while (certo_requirement_get_parent_id (requirement) != NULL)
    {
      requirement = certo_framework_lookup_requirement (framework, certo_requirement_get_parent_id (requirement));
      if (requirement == NULL)
        break;
      depth++;
    }
  return depth;
}

static void
print_requirement (CertoFramework   *framework,
                   CertoRequirement *requirement,
                   guint             indent)
{
  g_auto(GStrv) mapped = dup_mapped (framework, requirement);
  GString *line = g_string_new (NULL);

  g_autofree char *label = cli_pad (certo_requirement_get_label (requirement), 10);

  indent += 2 * requirement_depth (framework, requirement);
  g_string_append_printf (line, "%*s%s  %s", (int) indent, "", label,
                          cli_s (certo_requirement_get_title (requirement)));
  if (certo_requirement_get_is_new (requirement))
    g_string_append_printf (line, "  [%s]", _("new"));
  if (certo_requirement_get_is_withdrawn (requirement))
    g_string_append_printf (line, "  [%s]", _("withdrawn"));
  if (mapped != NULL && mapped[0] != NULL)
    {
      g_autofree char *joined = g_strjoinv (", ", mapped);
      gboolean from_2013 = g_str_equal (certo_framework_get_id (framework), CERTO_FRAMEWORK_ISO27001_2013);

      g_string_append_printf (line, "  %s %s", from_2013 ? "→" : "←", joined);
    }
  g_print ("%s\n", line->str);
  g_string_free (line, TRUE);
}

static void
print_framework (CertoFramework *framework)
{
  GListModel *groups = certo_framework_get_groups (framework);
  GListModel *requirements = certo_framework_get_requirements (framework);
  g_autoptr(GHashTable) by_group = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                          (GDestroyNotify) g_ptr_array_unref);
  Counts counts = count_requirements (framework);
  g_autofree char *summary = describe_counts (&counts);

  g_print ("%s (%s)\n", certo_framework_get_title (framework), certo_framework_get_id (framework));
  if (certo_framework_get_version (framework) != NULL)
    g_print ("%s %s\n", _("Version:"), certo_framework_get_version (framework));
  g_print ("%s %s\n", _("Source:"), certo_framework_get_source (framework));
  g_print ("%s\n", summary);
  if (g_str_equal (certo_framework_get_id (framework), CERTO_FRAMEWORK_ISO27001_2013))
    g_print ("%s\n", _("→ the ISO/IEC 27001:2022 controls that replace a control (ISO/IEC 27002:2022 Annex B)"));
  else if (g_str_equal (certo_framework_get_id (framework), CERTO_FRAMEWORK_ISO27001_2022) &&
           certo_framework_is_builtin (framework))
    g_print ("%s\n", _("← the ISO/IEC 27001:2013 controls a control replaces (ISO/IEC 27002:2022 Annex B); [new] has none"));
  g_print ("\n");

  /* Requirements by group, in order; those outside any group first */
  for (guint i = 0; i < g_list_model_get_n_items (requirements); i++)
    {
      g_autoptr(CertoRequirement) requirement = g_list_model_get_item (requirements, i);
      const char *group_id = certo_requirement_get_group_id (requirement);
      GPtrArray *list;

      if (group_id == NULL)
        {
          print_requirement (framework, requirement, 0);
          continue;
        }
      list = g_hash_table_lookup (by_group, group_id);
      if (list == NULL)
        {
          list = g_ptr_array_new_with_free_func (g_object_unref);
          g_hash_table_insert (by_group, (gpointer) group_id, list);
        }
      g_ptr_array_add (list, g_object_ref (requirement));
    }

  for (guint i = 0; i < g_list_model_get_n_items (groups); i++)
    {
      g_autoptr(CertoFrameworkGroup) group = g_list_model_get_item (groups, i);
      guint indent = 2 * certo_framework_group_get_depth (group);
      GPtrArray *list = g_hash_table_lookup (by_group, certo_framework_group_get_id (group));

      g_print ("%*s%s  %s\n", (int) indent, "",
               certo_framework_group_get_label (group),
               certo_framework_group_get_title (group));
      for (guint j = 0; list != NULL && j < list->len; j++)
        print_requirement (framework, g_ptr_array_index (list, j), indent + 2);
    }
}

static void
build_framework (JsonBuilder    *builder,
                 CertoFramework *framework)
{
  GListModel *groups = certo_framework_get_groups (framework);
  GListModel *requirements = certo_framework_get_requirements (framework);

  json_builder_begin_object (builder);
  build_summary (builder, framework);
  add_strv (builder, "warnings", certo_framework_get_warnings (framework));

  json_builder_set_member_name (builder, "group_list");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (groups); i++)
    {
      g_autoptr(CertoFrameworkGroup) group = g_list_model_get_item (groups, i);

      json_builder_begin_object (builder);
      add_string (builder, "id", certo_framework_group_get_id (group));
      add_string (builder, "label", certo_framework_group_get_label (group));
      add_string (builder, "title", certo_framework_group_get_title (group));
      add_string (builder, "kind", kind_nick (certo_framework_group_get_kind (group)));
      add_string (builder, "parent", certo_framework_group_get_parent_id (group));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "requirements");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (requirements); i++)
    {
      g_autoptr(CertoRequirement) requirement = g_list_model_get_item (requirements, i);
      g_auto(GStrv) mapped = dup_mapped (framework, requirement);

      json_builder_begin_object (builder);
      add_string (builder, "id", certo_requirement_get_id (requirement));
      add_string (builder, "label", certo_requirement_get_label (requirement));
      add_string (builder, "title", certo_requirement_get_title (requirement));
      add_string (builder, "group", certo_requirement_get_group_id (requirement));
      add_string (builder, "parent", certo_requirement_get_parent_id (requirement));
      json_builder_set_member_name (builder, "annex_a");
      json_builder_add_boolean_value (builder, certo_requirement_get_is_annex_a (requirement));
      json_builder_set_member_name (builder, "new");
      json_builder_add_boolean_value (builder, certo_requirement_get_is_new (requirement));
      json_builder_set_member_name (builder, "withdrawn");
      json_builder_add_boolean_value (builder, certo_requirement_get_is_withdrawn (requirement));
      if (mapped != NULL)
        add_strv (builder,
                  g_str_equal (certo_framework_get_id (framework), CERTO_FRAMEWORK_ISO27001_2013)
                  ? "iso27001_2022" : "iso27001_2013",
                  (const char * const *) mapped);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_end_object (builder);
}

/* Subcommands */

static int
framework_list (CliContext *ctx)
{
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GPtrArray) frameworks = certo_framework_list_all (ctx->data_dir, &warnings);
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  for (guint i = 0; i < warnings->len; i++)
    cli_warning ("%s", (const char *) g_ptr_array_index (warnings, i));

  if (opt_json)
    json_builder_begin_array (builder);
  for (guint i = 0; i < frameworks->len; i++)
    {
      CertoFramework *framework = g_ptr_array_index (frameworks, i);

      if (opt_json)
        {
          json_builder_begin_object (builder);
          build_summary (builder, framework);
          json_builder_end_object (builder);
        }
      else
        {
          Counts counts = count_requirements (framework);
          g_autofree char *summary = describe_counts (&counts);

          g_autofree char *id = cli_pad (certo_framework_get_id (framework), 28);

          g_print ("%s  %s  (%s)%s%s\n",
                   id,
                   cli_s (certo_framework_get_title (framework)),
                   summary,
                   certo_framework_is_builtin (framework) ? "" : "  ",
                   certo_framework_is_builtin (framework) ? "" : cli_s (certo_framework_get_source (framework)));
        }
    }
  if (opt_json)
    {
      json_builder_end_array (builder);
      cli_print_json (builder);
    }

  return CLI_EXIT_OK;
}

static int
framework_show (CliContext *ctx,
                const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CertoFramework) framework = certo_framework_load (id, ctx->data_dir, &error);

  if (framework == NULL)
    return cli_error ("%s", error->message);

  if (opt_json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      build_framework (builder, framework);
      cli_print_json (builder);
    }
  else
    {
      print_framework (framework);
    }

  return CLI_EXIT_OK;
}

static int
framework_import (CliContext *ctx,
                  const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CertoFramework) framework = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *summary = NULL;
  const char * const *warnings;
  Counts counts;

  framework = certo_framework_import_file (file, ctx->data_dir, &saved, NULL, &error);
  if (framework == NULL)
    return cli_error ("%s", error->message);

  warnings = certo_framework_get_warnings (framework);
  for (guint i = 0; warnings[i] != NULL; i++)
    cli_warning ("%s", warnings[i]);

  counts = count_requirements (framework);
  summary = describe_counts (&counts);
  /* Translators: the first %s is a catalog title, the second its id, the third "93 controls, …" */
  g_print (_("Imported “%s” as “%s”: %s"), certo_framework_get_title (framework),
           certo_framework_get_id (framework), summary);
  g_print ("\n");
  g_print ("%s %s\n", _("Saved as"), saved);

  return CLI_EXIT_OK;
}

/* Commands */

/**
 * cli_command_framework:
 *
 * `certo-cli framework list [--json]`: the builtin and imported frameworks;
 * `certo-cli framework show ID [--json]`: every group and requirement of one;
 * `certo-cli framework import FILE`: validates an OSCAL catalog (JSON) and
 * keeps a copy in the data folder. A bad file changes nothing.
 */
int
cli_command_framework (CliContext  *ctx,
                       int          argc,
                       char       **argv)
{
  const char *what;
  int status;

  opt_json = FALSE;
  if (!cli_parse_options ("framework", "list|show ID|import FILE", json_entries, &argc, &argv, &status))
    return status;
  if (argc < 2)
    return cli_usage_error ("framework", _("framework takes one of: list, show ID, import FILE"));

  what = argv[1];
  if (g_str_equal (what, "list"))
    {
      if (argc != 2)
        return cli_usage_error ("framework", _("framework list takes no argument"));
      return framework_list (ctx);
    }
  if (g_str_equal (what, "show"))
    {
      if (argc != 3)
        return cli_usage_error ("framework", _("framework show takes one framework id"));
      return framework_show (ctx, argv[2]);
    }
  if (g_str_equal (what, "import"))
    {
      if (argc != 3)
        return cli_usage_error ("framework", _("framework import takes one file"));
      if (opt_json)
        return cli_usage_error ("framework", _("framework import has no JSON output"));
      return framework_import (ctx, argv[2]);
    }

  return cli_usage_error ("framework", _("Cannot do “%s” with frameworks: choose list, show or import"), what);
}
