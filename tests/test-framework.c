/* test-framework.c — the bundled ISO/IEC 27001 catalogs, the 2013→2022
 * mapping, the OSCAL reader on made-up inputs, importing catalogs
 *
 * The expected numbers come from the standards, not from the data files:
 * ISO/IEC 27001:2022 Annex A (4 themes: 37 + 8 + 14 + 34 = 93 controls),
 * ISO/IEC 27001:2013 Annex A (14 domains, 35 objectives, 114 controls),
 * ISO/IEC 27002:2022 Annex B (the correspondence of the two).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "certo-framework.h"
#include "certo-parse.h"
#include "certo-test-util.h"

/* The 11 ISO/IEC 27001:2022 Annex A controls with no 2013 source */
static const char * const new_2022[] = {
  "5.7", "5.23", "5.30", "7.4", "8.9", "8.10", "8.11", "8.12", "8.16", "8.23", "8.28", NULL
};

typedef struct
{
  char *data_dir;
} Fixture;

/* Helpers */

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  user_data)
{
  fixture->data_dir = g_build_filename (g_get_user_data_dir (), "certo", NULL);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_clear_pointer (&fixture->data_dir, g_free);
}

static CertoFramework *
load_builtin (const char *id)
{
  g_autoptr(GError) error = NULL;
  CertoFramework *framework = certo_framework_load_builtin (id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (framework);
  g_assert_true (certo_framework_is_builtin (framework));
  g_assert_cmpstr (certo_framework_get_id (framework), ==, id);
  g_assert_cmpstr (certo_framework_get_warnings (framework)[0], ==, NULL);
  return framework;
}

static CertoFramework *
parse_text (const char  *text,
            GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return certo_framework_new_from_oscal (bytes, "x.json", error);
}

static CertoFramework *
parse_ok (const char *text)
{
  g_autoptr(GError) error = NULL;
  CertoFramework *framework = parse_text (text, &error);

  g_assert_no_error (error);
  g_assert_nonnull (framework);
  return framework;
}

static void
expect_refused (const char *text,
                GQuark      domain,
                int         code,
                const char *fragment)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CertoFramework) framework = parse_text (text, &error);

  g_assert_null (framework);
  g_assert_error (error, domain, code);
  g_assert_nonnull (strstr (error->message, "“x.json”"));
  g_assert_null (strchr (error->message, '\n'));
  if (fragment != NULL && strstr (error->message, fragment) == NULL)
    g_error ("“%s” is not in the message “%s”", fragment, error->message);
}

static gboolean
has_warning (const char * const *warnings,
             const char         *fragment)
{
  for (guint i = 0; warnings[i] != NULL; i++)
    if (strstr (warnings[i], fragment) != NULL)
      return TRUE;
  return FALSE;
}

static guint
count_annex_a (CertoFramework *framework,
               gboolean        annex_a)
{
  GListModel *requirements = certo_framework_get_requirements (framework);
  guint count = 0;

  for (guint i = 0; i < g_list_model_get_n_items (requirements); i++)
    {
      g_autoptr(CertoRequirement) requirement = g_list_model_get_item (requirements, i);

      if (certo_requirement_get_is_annex_a (requirement) == annex_a)
        count++;
    }
  return count;
}

static guint
count_groups_of_kind (CertoFramework          *framework,
                      CertoFrameworkGroupKind  kind)
{
  GListModel *groups = certo_framework_get_groups (framework);
  guint count = 0;

  for (guint i = 0; i < g_list_model_get_n_items (groups); i++)
    {
      g_autoptr(CertoFrameworkGroup) group = g_list_model_get_item (groups, i);

      if (certo_framework_group_get_kind (group) == kind)
        count++;
    }
  return count;
}

/* The labels of the clause requirements, in order, joined by spaces */
static char *
join_clause_labels (CertoFramework *framework)
{
  GListModel *requirements = certo_framework_get_requirements (framework);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (requirements); i++)
    {
      g_autoptr(CertoRequirement) requirement = g_list_model_get_item (requirements, i);

      if (certo_requirement_get_is_annex_a (requirement))
        continue;
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, certo_requirement_get_label (requirement));
    }
  return g_string_free (out, FALSE);
}

static void
assert_clause_groups (CertoFramework *framework)
{
  for (guint clause = 4; clause <= 10; clause++)
    {
      g_autofree char *id = g_strdup_printf ("c%u", clause);
      g_autofree char *label = g_strdup_printf ("%u", clause);
      CertoFrameworkGroup *group = certo_framework_lookup_group (framework, id);

      g_assert_nonnull (group);
      g_assert_cmpint (certo_framework_group_get_kind (group), ==, CERTO_FRAMEWORK_GROUP_CLAUSE);
      g_assert_cmpstr (certo_framework_group_get_label (group), ==, label);
      g_assert_null (certo_framework_group_get_parent_id (group));
      g_assert_cmpuint (certo_framework_count_requirements (framework, id), >, 0);
    }
  g_assert_cmpuint (count_groups_of_kind (framework, CERTO_FRAMEWORK_GROUP_CLAUSE), ==, 7);
}

/* Ids unique (the reader would have warned), labels unique in each half,
 * every group and parent reference resolves, titles short: ids and short
 * titles only, never the text of a requirement */
static void
assert_well_formed (CertoFramework *framework)
{
  GListModel *requirements = certo_framework_get_requirements (framework);
  g_autoptr(GHashTable) labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (requirements); i++)
    {
      g_autoptr(CertoRequirement) requirement = g_list_model_get_item (requirements, i);
      const char *parent = certo_requirement_get_parent_id (requirement);
      const char *title = certo_requirement_get_title (requirement);
      g_autofree char *key = g_strdup_printf ("%d %s", certo_requirement_get_is_annex_a (requirement),
                                              certo_requirement_get_label (requirement));

      g_assert_true (g_hash_table_add (labels, g_steal_pointer (&key)));
      g_assert_nonnull (certo_framework_lookup_group (framework, certo_requirement_get_group_id (requirement)));
      g_assert_true (certo_framework_lookup_requirement (framework, certo_requirement_get_id (requirement)) == requirement);
      if (parent != NULL)
        g_assert_nonnull (certo_framework_lookup_requirement (framework, parent));
      g_assert_cmpuint (strlen (title), <, 90);
      g_assert_false (g_str_has_suffix (title, "."));
      g_assert_false (certo_requirement_get_is_withdrawn (requirement));
    }
}

/* Tests: the bundled catalogs */

static void
test_builtin_list (void)
{
  const char * const *ids = certo_framework_list_builtin ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CertoFramework) missing = NULL;

  g_assert_cmpuint (g_strv_length ((char **) ids), ==, 2);
  g_assert_cmpstr (ids[0], ==, CERTO_FRAMEWORK_ISO27001_2022);
  g_assert_cmpstr (ids[1], ==, CERTO_FRAMEWORK_ISO27001_2013);

  missing = certo_framework_load_builtin ("iso27001-2005", &error);
  g_assert_null (missing);
  g_assert_error (error, CERTO_FRAMEWORK_ERROR, CERTO_FRAMEWORK_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "“iso27001-2005”"));
}

static void
test_2022_annex_a (void)
{
  g_autoptr(CertoFramework) framework = load_builtin (CERTO_FRAMEWORK_ISO27001_2022);
  /* ISO/IEC 27001:2022 Table A.1: 5 Organizational, 6 People, 7 Physical, 8 Technological */
  static const struct { const char *id, *label, *title; guint n; } themes[] = {
    { "a5", "5", "Organizational controls", 37 },
    { "a6", "6", "People controls", 8 },
    { "a7", "7", "Physical controls", 14 },
    { "a8", "8", "Technological controls", 34 },
  };
  CertoRequirement *requirement;

  g_assert_cmpstr (certo_framework_get_title (framework), ==, "ISO/IEC 27001:2022");
  g_assert_cmpstr (certo_framework_get_version (framework), ==, "2022");
  g_assert_cmpuint (count_annex_a (framework, TRUE), ==, 93);
  g_assert_cmpuint (count_groups_of_kind (framework, CERTO_FRAMEWORK_GROUP_THEME), ==, 4);

  for (guint i = 0; i < G_N_ELEMENTS (themes); i++)
    {
      CertoFrameworkGroup *group = certo_framework_lookup_group (framework, themes[i].id);
      g_autofree char *first = g_strdup_printf ("%s.1", themes[i].label);
      g_autofree char *last = g_strdup_printf ("%s.%u", themes[i].label, themes[i].n);
      g_autofree char *beyond = g_strdup_printf ("%s.%u", themes[i].label, themes[i].n + 1);

      g_assert_nonnull (group);
      g_assert_cmpint (certo_framework_group_get_kind (group), ==, CERTO_FRAMEWORK_GROUP_THEME);
      g_assert_cmpstr (certo_framework_group_get_label (group), ==, themes[i].label);
      g_assert_cmpstr (certo_framework_group_get_title (group), ==, themes[i].title);
      g_assert_cmpuint (certo_framework_count_requirements (framework, themes[i].id), ==, themes[i].n);
      g_assert_nonnull (certo_framework_lookup_label (framework, first, TRUE));
      g_assert_nonnull (certo_framework_lookup_label (framework, last, TRUE));
      g_assert_null (certo_framework_lookup_label (framework, beyond, TRUE));
    }

  requirement = certo_framework_lookup_label (framework, "5.7", TRUE);
  g_assert_cmpstr (certo_requirement_get_id (requirement), ==, "a5.7");
  g_assert_cmpstr (certo_requirement_get_title (requirement), ==, "Threat intelligence");
  g_assert_cmpstr (certo_requirement_get_group_id (requirement), ==, "a5");
  g_assert_null (certo_requirement_get_parent_id (requirement));
  requirement = certo_framework_lookup_label (framework, "8.34", TRUE);
  g_assert_cmpstr (certo_requirement_get_title (requirement), ==, "Protection of information systems during audit testing");
  requirement = certo_framework_lookup_label (framework, "5.1", TRUE);
  g_assert_cmpstr (certo_requirement_get_title (requirement), ==, "Policies for information security");

  assert_well_formed (framework);
}

static void
test_2022_new_controls (void)
{
  g_autoptr(CertoFramework) framework = load_builtin (CERTO_FRAMEWORK_ISO27001_2022);
  GListModel *requirements = certo_framework_get_requirements (framework);
  guint n_new = 0;

  for (guint i = 0; i < g_list_model_get_n_items (requirements); i++)
    {
      g_autoptr(CertoRequirement) requirement = g_list_model_get_item (requirements, i);
      gboolean expected = certo_requirement_get_is_annex_a (requirement) &&
                          g_strv_contains (new_2022, certo_requirement_get_label (requirement));

      g_assert_cmpint (certo_requirement_get_is_new (requirement), ==, expected);
      if (expected)
        n_new++;
    }
  g_assert_cmpuint (n_new, ==, 11);
}

static void
test_2022_clauses (void)
{
  g_autoptr(CertoFramework) framework = load_builtin (CERTO_FRAMEWORK_ISO27001_2022);
  g_autofree char *labels = join_clause_labels (framework);
  CertoRequirement *requirement;

  assert_clause_groups (framework);

  /* ISO/IEC 27001:2022 clauses 4–10, every sub-clause: 6.3 is new in
   * 2022, 9.2 and 9.3 gained sub-clauses, 10.1 and 10.2 swapped places */
  g_assert_cmpstr (labels, ==,
                   "4.1 4.2 4.3 4.4 5.1 5.2 5.3 6.1 6.1.1 6.1.2 6.1.3 6.2 6.3 "
                   "7.1 7.2 7.3 7.4 7.5 7.5.1 7.5.2 7.5.3 8.1 8.2 8.3 "
                   "9.1 9.2 9.2.1 9.2.2 9.3 9.3.1 9.3.2 9.3.3 10.1 10.2");
  g_assert_cmpuint (count_annex_a (framework, FALSE), ==, 34);

  requirement = certo_framework_lookup_label (framework, "6.3", FALSE);
  g_assert_cmpstr (certo_requirement_get_title (requirement), ==, "Planning of changes");
  requirement = certo_framework_lookup_label (framework, "10.1", FALSE);
  g_assert_cmpstr (certo_requirement_get_title (requirement), ==, "Continual improvement");
  requirement = certo_framework_lookup_label (framework, "6.1.2", FALSE);
  g_assert_cmpstr (certo_requirement_get_id (requirement), ==, "c6.1.2");
  g_assert_cmpstr (certo_requirement_get_parent_id (requirement), ==, "c6.1");
  g_assert_cmpstr (certo_requirement_get_group_id (requirement), ==, "c6");

  /* The clause 5.1 and the control 5.1 are told apart */
  requirement = certo_framework_lookup_label (framework, "5.1", FALSE);
  g_assert_cmpstr (certo_requirement_get_title (requirement), ==, "Leadership and commitment");
  g_assert_false (certo_requirement_get_is_annex_a (requirement));
}

static void
test_2013_annex_a (void)
{
  g_autoptr(CertoFramework) framework = load_builtin (CERTO_FRAMEWORK_ISO27001_2013);
  /* ISO/IEC 27001:2013 Table A.1: controls per domain A.5 … A.18 */
  static const guint per_domain[] = { 2, 7, 6, 10, 14, 2, 15, 14, 7, 13, 5, 7, 4, 8 };
  /* … and objectives per domain */
  static const guint objectives[] = { 1, 2, 3, 3, 4, 1, 2, 7, 2, 3, 2, 1, 2, 2 };
  GListModel *groups = certo_framework_get_groups (framework);
  CertoRequirement *requirement;
  guint total = 0;

  g_assert_cmpstr (certo_framework_get_title (framework), ==, "ISO/IEC 27001:2013");
  g_assert_cmpuint (count_annex_a (framework, TRUE), ==, 114);
  g_assert_cmpuint (count_groups_of_kind (framework, CERTO_FRAMEWORK_GROUP_DOMAIN), ==, 14);
  g_assert_cmpuint (count_groups_of_kind (framework, CERTO_FRAMEWORK_GROUP_OBJECTIVE), ==, 35);

  for (guint i = 0; i < G_N_ELEMENTS (per_domain); i++)
    {
      g_autofree char *id = g_strdup_printf ("a%u", i + 5);
      g_autofree char *label = g_strdup_printf ("A.%u", i + 5);
      CertoFrameworkGroup *domain = certo_framework_lookup_group (framework, id);
      guint n_objectives = 0;

      g_assert_nonnull (domain);
      g_assert_cmpint (certo_framework_group_get_kind (domain), ==, CERTO_FRAMEWORK_GROUP_DOMAIN);
      g_assert_cmpstr (certo_framework_group_get_label (domain), ==, label);
      g_assert_cmpuint (certo_framework_count_requirements (framework, id), ==, per_domain[i]);
      total += per_domain[i];

      for (guint j = 0; j < g_list_model_get_n_items (groups); j++)
        {
          g_autoptr(CertoFrameworkGroup) group = g_list_model_get_item (groups, j);

          if (g_strcmp0 (certo_framework_group_get_parent_id (group), id) == 0)
            {
              g_assert_cmpint (certo_framework_group_get_kind (group), ==, CERTO_FRAMEWORK_GROUP_OBJECTIVE);
              g_assert_cmpuint (certo_framework_group_get_depth (group), ==, 1);
              n_objectives++;
            }
        }
      g_assert_cmpuint (n_objectives, ==, objectives[i]);
    }
  g_assert_cmpuint (total, ==, 114);

  requirement = certo_framework_lookup_label (framework, "A.9.4.3", TRUE);
  g_assert_cmpstr (certo_requirement_get_id (requirement), ==, "a9.4.3");
  g_assert_cmpstr (certo_requirement_get_title (requirement), ==, "Password management system");
  g_assert_cmpstr (certo_requirement_get_group_id (requirement), ==, "a9.4");
  g_assert_cmpstr (certo_framework_group_get_title (certo_framework_lookup_group (framework, "a9.4")), ==,
                   "System and application access control");
  g_assert_nonnull (certo_framework_lookup_label (framework, "A.18.2.3", TRUE));
  g_assert_null (certo_framework_lookup_label (framework, "A.18.2.4", TRUE));
  g_assert_false (certo_requirement_get_is_new (requirement));

  assert_well_formed (framework);
}

static void
test_2013_clauses (void)
{
  g_autoptr(CertoFramework) framework = load_builtin (CERTO_FRAMEWORK_ISO27001_2013);
  g_autofree char *labels = join_clause_labels (framework);

  assert_clause_groups (framework);

  /* ISO/IEC 27001:2013 clauses 4–10: no 6.3, 9.2 and 9.3 without
   * sub-clauses, 10.1 is nonconformity */
  g_assert_cmpstr (labels, ==,
                   "4.1 4.2 4.3 4.4 5.1 5.2 5.3 6.1 6.1.1 6.1.2 6.1.3 6.2 "
                   "7.1 7.2 7.3 7.4 7.5 7.5.1 7.5.2 7.5.3 8.1 8.2 8.3 "
                   "9.1 9.2 9.3 10.1 10.2");
  g_assert_cmpstr (certo_requirement_get_title (certo_framework_lookup_label (framework, "10.1", FALSE)), ==,
                   "Nonconformity and corrective action");
  g_assert_null (certo_framework_lookup_label (framework, "6.3", FALSE));
}

/* The bundled files hold structure only: no prose, no parameters */
static void
test_builtin_no_text (void)
{
  const char * const *ids = certo_framework_list_builtin ();

  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autofree char *path = g_strconcat ("/io/github/certo/Certo/frameworks/", ids[i], ".json", NULL);
      g_autoptr(GBytes) bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      g_autofree char *text = NULL;

      g_assert_nonnull (bytes);
      text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      g_assert_null (strstr (text, "\"parts\""));
      g_assert_null (strstr (text, "\"params\""));
      g_assert_null (strstr (text, "\"prose\""));
      g_assert_null (strstr (text, "shall"));
    }
}

/* The bundled catalogs read through the public reader, as an import
 * would, give the same framework */
static void
test_builtin_round_trip (void)
{
  const char * const *ids = certo_framework_list_builtin ();

  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autofree char *path = g_strconcat ("/io/github/certo/Certo/frameworks/", ids[i], ".json", NULL);
      g_autoptr(GBytes) bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      g_autoptr(CertoFramework) builtin = load_builtin (ids[i]);
      g_autoptr(CertoFramework) parsed = NULL;
      g_autoptr(GError) error = NULL;
      GListModel *a, *b;

      parsed = certo_framework_new_from_oscal (bytes, "copy.json", &error);
      g_assert_no_error (error);
      g_assert_cmpstr (certo_framework_get_source (parsed), ==, "copy.json");
      g_assert_false (certo_framework_is_builtin (parsed));
      g_assert_cmpstr (certo_framework_get_uuid (parsed), ==, certo_framework_get_uuid (builtin));

      a = certo_framework_get_requirements (builtin);
      b = certo_framework_get_requirements (parsed);
      g_assert_cmpuint (g_list_model_get_n_items (a), ==, g_list_model_get_n_items (b));
      for (guint j = 0; j < g_list_model_get_n_items (a); j++)
        {
          g_autoptr(CertoRequirement) x = g_list_model_get_item (a, j);
          g_autoptr(CertoRequirement) y = g_list_model_get_item (b, j);

          g_assert_cmpstr (certo_requirement_get_id (x), ==, certo_requirement_get_id (y));
          g_assert_cmpstr (certo_requirement_get_label (x), ==, certo_requirement_get_label (y));
          g_assert_cmpstr (certo_requirement_get_title (x), ==, certo_requirement_get_title (y));
          g_assert_cmpint (certo_requirement_get_is_new (x), ==, certo_requirement_get_is_new (y));
        }
      g_assert_cmpuint (g_list_model_get_n_items (certo_framework_get_groups (builtin)), ==,
                        g_list_model_get_n_items (certo_framework_get_groups (parsed)));
    }
}

/* Tests: the mapping (ISO/IEC 27002:2022 Annex B) */

static void
assert_maps (const char *from,
             const char *expected)
{
  g_auto(GStrv) to = certo_framework_map_2013_to_2022 (from);
  g_autofree char *joined = NULL;

  g_assert_nonnull (to);
  joined = g_strjoinv (" ", to);
  if (!g_str_equal (joined, expected))
    g_error ("%s maps to “%s”, expected “%s”", from, joined, expected);
}

static void
test_mapping_known_pairs (void)
{
  /* From the issue */
  assert_maps ("A.13.2.1", "5.14");
  assert_maps ("A.12.1.2", "8.32");
  assert_maps ("A.9.4.3", "5.17");
  assert_maps ("A.11.2.8", "8.1");
  assert_maps ("A.17.2.1", "8.14");
  assert_maps ("A.6.1.5", "5.8");
  /* More of Table B.2, merges included */
  assert_maps ("A.5.1.1", "5.1");
  assert_maps ("A.5.1.2", "5.1");
  assert_maps ("A.12.4.1", "8.15");
  assert_maps ("A.12.4.2", "8.15");
  assert_maps ("A.12.4.3", "8.15");
  assert_maps ("A.16.1.2", "6.8");
  assert_maps ("A.16.1.3", "6.8");
  assert_maps ("A.13.1.3", "8.22");
  assert_maps ("A.12.3.1", "8.13");
  assert_maps ("A.14.2.5", "8.27");
  assert_maps ("A.9.2.4", "5.17");
  assert_maps ("A.9.3.1", "5.17");
  assert_maps ("A.14.1.1", "5.8");
  assert_maps ("A.6.2.1", "8.1");
  assert_maps ("A.8.3.1", "7.10");
  assert_maps ("A.11.2.5", "7.10");
  assert_maps ("A.10.1.2", "8.24");
  assert_maps ("A.18.1.5", "5.31");
  assert_maps ("A.12.6.2", "8.19");
  assert_maps ("A.13.2.4", "6.6");
  assert_maps ("A.7.2.1", "5.4");
  assert_maps ("A.12.1.1", "5.37");
  /* The one 2013 control split in two */
  assert_maps ("A.18.2.3", "5.36 8.8");
  /* Without the "A." */
  assert_maps ("13.2.1", "5.14");
}

static void
test_mapping_reverse (void)
{
  g_auto(GStrv) sources = certo_framework_map_2022_to_2013 ("5.17");
  g_auto(GStrv) with_prefix = certo_framework_map_2022_to_2013 ("A.8.32");
  g_auto(GStrv) fresh = certo_framework_map_2022_to_2013 ("5.23");
  g_auto(GStrv) unknown = certo_framework_map_2022_to_2013 ("5.38");
  g_auto(GStrv) unknown_2013 = certo_framework_map_2013_to_2022 ("A.5.1.3");
  g_autofree char *joined = NULL;
  g_autofree char *joined2 = NULL;

  joined = g_strjoinv (" ", sources);
  g_assert_cmpstr (joined, ==, "A.9.2.4 A.9.3.1 A.9.4.3");
  joined2 = g_strjoinv (" ", with_prefix);
  g_assert_cmpstr (joined2, ==, "A.12.1.2 A.14.2.2 A.14.2.3 A.14.2.4");
  g_assert_nonnull (fresh);
  g_assert_cmpuint (g_strv_length (fresh), ==, 0);
  g_assert_null (unknown);
  g_assert_null (unknown_2013);
}

/* Every 2013 control maps to at least one 2022 control that exists, and
 * the reverse map agrees */
static void
test_mapping_covers_2013 (void)
{
  g_autoptr(CertoFramework) iso2013 = load_builtin (CERTO_FRAMEWORK_ISO27001_2013);
  g_autoptr(CertoFramework) iso2022 = load_builtin (CERTO_FRAMEWORK_ISO27001_2022);
  GListModel *requirements = certo_framework_get_requirements (iso2013);
  guint n_pairs = 0;

  for (guint i = 0; i < g_list_model_get_n_items (requirements); i++)
    {
      g_autoptr(CertoRequirement) requirement = g_list_model_get_item (requirements, i);
      const char *label = certo_requirement_get_label (requirement);
      g_auto(GStrv) targets = NULL;

      if (!certo_requirement_get_is_annex_a (requirement))
        continue;

      targets = certo_framework_map_2013_to_2022 (label);
      g_assert_nonnull (targets);
      g_assert_cmpuint (g_strv_length (targets), >=, 1);
      for (guint j = 0; targets[j] != NULL; j++)
        {
          g_auto(GStrv) back = certo_framework_map_2022_to_2013 (targets[j]);

          g_assert_nonnull (certo_framework_lookup_label (iso2022, targets[j], TRUE));
          g_assert_true (g_strv_contains ((const char * const *) back, label));
          n_pairs++;
        }
    }
  /* 114 controls, one of them (A.18.2.3) to two */
  g_assert_cmpuint (n_pairs, ==, 115);
}

/* Every 2022 control has a 2013 source but the 11 new ones, which have none */
static void
test_mapping_covers_2022 (void)
{
  g_autoptr(CertoFramework) iso2013 = load_builtin (CERTO_FRAMEWORK_ISO27001_2013);
  g_autoptr(CertoFramework) iso2022 = load_builtin (CERTO_FRAMEWORK_ISO27001_2022);
  GListModel *requirements = certo_framework_get_requirements (iso2022);
  guint n_with_source = 0;

  for (guint i = 0; i < g_list_model_get_n_items (requirements); i++)
    {
      g_autoptr(CertoRequirement) requirement = g_list_model_get_item (requirements, i);
      g_auto(GStrv) sources = NULL;

      if (!certo_requirement_get_is_annex_a (requirement))
        continue;

      sources = certo_framework_map_2022_to_2013 (certo_requirement_get_label (requirement));
      g_assert_nonnull (sources);
      if (certo_requirement_get_is_new (requirement))
        {
          g_assert_cmpuint (g_strv_length (sources), ==, 0);
          continue;
        }
      g_assert_cmpuint (g_strv_length (sources), >=, 1);
      for (guint j = 0; sources[j] != NULL; j++)
        g_assert_nonnull (certo_framework_lookup_label (iso2013, sources[j], TRUE));
      n_with_source++;
    }
  g_assert_cmpuint (n_with_source, ==, 93 - 11);
}

/* Tests: the OSCAL reader on made-up catalogs */

#define CATALOG_HEAD "{\"catalog\": {\"uuid\": \"0b5c5d4e-0000-4000-8000-000000000001\", " \
                     "\"metadata\": {\"title\": \"Test catalog\", \"version\": \"1\", \"oscal-version\": \"1.1.2\"}, "

static void
test_oscal_structure (void)
{
  g_autoptr(CertoFramework) framework = parse_ok (
    CATALOG_HEAD
    "\"controls\": [{\"id\": \"top-1\", \"title\": \"Outside any group\"}],"
    "\"groups\": ["
    " {\"id\": \"g1\", \"class\": \"family\", \"title\": \"One\", \"props\": [{\"name\": \"label\", \"value\": \"G1\"}],"
    "  \"groups\": [{\"title\": \"Anonymous\", \"controls\": [{\"id\": \"deep-1\", \"title\": \"Deep\"}]}],"
    "  \"controls\": ["
    "   {\"id\": \"c-1\", \"title\": \"First\", \"props\": ["
    "      {\"name\": \"label\", \"class\": \"zero-padded\", \"value\": \"C-01\"},"
    "      {\"name\": \"label\", \"value\": \"C-1\"},"
    "      {\"name\": \"label\", \"ns\": \"https://example.com/ns\", \"value\": \"other\"}],"
    "    \"parts\": [{\"name\": \"statement\", \"prose\": \"Do it.\"}],"
    "    \"params\": [{\"id\": \"c-1_prm_1\"}],"
    "    \"controls\": [{\"id\": \"c-1.1\", \"title\": \"Enhancement\", \"props\": [{\"name\": \"label\", \"value\": \"C-1(1)\"}],"
    "                    \"controls\": [{\"id\": \"c-1.1.1\", \"title\": \"Enhancement of an enhancement\"}]}]},"
    "   {\"id\": \"c-2\", \"title\": \"Sorted\", \"props\": [{\"name\": \"sort-id\", \"value\": \"c-02\"}]},"
    "   {\"id\": \"c-3\", \"title\": \"Gone\", \"props\": [{\"name\": \"status\", \"value\": \"withdrawn\"}]}"
    "  ]}]}}");
  GListModel *requirements = certo_framework_get_requirements (framework);
  static const char * const order[] = { "top-1", "c-1", "c-1.1", "c-1.1.1", "c-2", "c-3", "deep-1" };
  CertoRequirement *requirement;
  CertoFrameworkGroup *group;

  g_assert_cmpstr (certo_framework_get_id (framework), ==, "test-catalog");
  g_assert_cmpstr (certo_framework_get_title (framework), ==, "Test catalog");
  g_assert_cmpstr (certo_framework_get_version (framework), ==, "1");
  g_assert_cmpstr (certo_framework_get_oscal_version (framework), ==, "1.1.2");
  g_assert_cmpstr (certo_framework_get_source (framework), ==, "x.json");
  g_assert_cmpstr (certo_framework_get_warnings (framework)[0], ==, NULL);

  g_assert_cmpuint (g_list_model_get_n_items (requirements), ==, G_N_ELEMENTS (order));
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      g_autoptr(CertoRequirement) item = g_list_model_get_item (requirements, i);
      g_assert_cmpstr (certo_requirement_get_id (item), ==, order[i]);
      g_assert_true (certo_requirement_get_is_annex_a (item));
      g_assert_false (certo_requirement_get_is_new (item));
    }

  requirement = certo_framework_lookup_requirement (framework, "top-1");
  g_assert_null (certo_requirement_get_group_id (requirement));
  g_assert_cmpstr (certo_requirement_get_label (requirement), ==, "top-1");

  requirement = certo_framework_lookup_requirement (framework, "c-1");
  g_assert_cmpstr (certo_requirement_get_label (requirement), ==, "C-1");
  g_assert_cmpstr (certo_requirement_get_group_id (requirement), ==, "g1");
  requirement = certo_framework_lookup_requirement (framework, "c-1.1.1");
  g_assert_cmpstr (certo_requirement_get_parent_id (requirement), ==, "c-1.1");
  g_assert_cmpstr (certo_requirement_get_group_id (requirement), ==, "g1");
  g_assert_cmpstr (certo_requirement_get_label (requirement), ==, "c-1.1.1");
  g_assert_true (certo_framework_lookup_label (framework, "C-1(1)", TRUE) ==
                 certo_framework_lookup_requirement (framework, "c-1.1"));
  g_assert_cmpstr (certo_requirement_get_label (certo_framework_lookup_requirement (framework, "c-2")), ==, "c-02");
  g_assert_true (certo_requirement_get_is_withdrawn (certo_framework_lookup_requirement (framework, "c-3")));
  g_assert_false (certo_requirement_get_is_withdrawn (certo_framework_lookup_requirement (framework, "c-2")));

  group = certo_framework_lookup_group (framework, "g1");
  g_assert_cmpint (certo_framework_group_get_kind (group), ==, CERTO_FRAMEWORK_GROUP_FAMILY);
  g_assert_cmpstr (certo_framework_group_get_label (group), ==, "G1");
  group = certo_framework_lookup_group (framework, "group-1");
  g_assert_nonnull (group);
  g_assert_cmpstr (certo_framework_group_get_title (group), ==, "Anonymous");
  g_assert_cmpstr (certo_framework_group_get_parent_id (group), ==, "g1");
  g_assert_cmpuint (certo_framework_group_get_depth (group), ==, 1);
  g_assert_cmpint (certo_framework_group_get_kind (group), ==, CERTO_FRAMEWORK_GROUP_OTHER);
  g_assert_cmpuint (certo_framework_count_requirements (framework, "g1"), ==, 6);
  g_assert_cmpuint (certo_framework_count_requirements (framework, "group-1"), ==, 1);
  g_assert_cmpuint (certo_framework_count_requirements (framework, NULL), ==, 7);
}

/* Groups nested as deep as the depth cap allows are read without
 * recursion; the reader's own order holds */
static void
test_oscal_deep_groups (void)
{
  GString *text = g_string_new (CATALOG_HEAD "\"groups\": [");
  g_autoptr(CertoFramework) framework = NULL;
  g_autofree char *deepest = NULL;
  /* Each group level costs two JSON levels ({ and [); the catalog four */
  guint levels = (CERTO_PARSE_MAX_DEPTH - 4) / 2;

  for (guint i = 0; i < levels; i++)
    g_string_append_printf (text, "{\"id\": \"g%u\", \"title\": \"Level %u\", \"groups\": [", i, i);
  g_string_append (text, "]");
  for (guint i = 0; i < levels; i++)
    g_string_append_printf (text, ", \"controls\": [{\"id\": \"c%u\", \"title\": \"At %u\"}]}]", i, i);
  g_string_append (text, "}}");

  framework = parse_ok (text->str);
  g_assert_cmpuint (g_list_model_get_n_items (certo_framework_get_groups (framework)), ==, levels);
  g_assert_cmpuint (certo_framework_count_requirements (framework, "g0"), ==, levels);
  deepest = g_strdup_printf ("g%u", levels - 1);
  g_assert_cmpuint (certo_framework_group_get_depth (certo_framework_lookup_group (framework, deepest)), ==, levels - 1);
  g_string_free (text, TRUE);
}

static void
test_oscal_not_json (void)
{
  expect_refused ("catalog: yes", CERTO_PARSE_ERROR, CERTO_PARSE_ERROR_INVALID_JSON, "line 1");
  expect_refused ("{\"catalog\": {", CERTO_PARSE_ERROR, CERTO_PARSE_ERROR_INVALID_JSON, NULL);
  expect_refused ("", CERTO_PARSE_ERROR, CERTO_PARSE_ERROR_EMPTY, NULL);
}

static void
test_oscal_not_catalog (void)
{
  expect_refused ("{\"format\": \"certo-catalog\", \"version\": 1}", CERTO_FRAMEWORK_ERROR,
                  CERTO_FRAMEWORK_ERROR_NOT_OSCAL, "it has no “catalog” member");
  expect_refused ("[1, 2, 3]", CERTO_FRAMEWORK_ERROR, CERTO_FRAMEWORK_ERROR_NOT_OSCAL, "“catalog”");
  expect_refused ("{\"catalog\": []}", CERTO_FRAMEWORK_ERROR, CERTO_FRAMEWORK_ERROR_NOT_OSCAL, NULL);
  expect_refused ("{\"profile\": {\"uuid\": \"x\"}}", CERTO_FRAMEWORK_ERROR,
                  CERTO_FRAMEWORK_ERROR_NOT_OSCAL, "OSCAL profile");
  expect_refused ("{\"system-security-plan\": {}}", CERTO_FRAMEWORK_ERROR,
                  CERTO_FRAMEWORK_ERROR_NOT_OSCAL, "system-security-plan");
  expect_refused ("{\"catalog\": {\"metadata\": {}, \"controls\": [{\"id\": \"a\", \"title\": \"A\"}]}}",
                  CERTO_FRAMEWORK_ERROR, CERTO_FRAMEWORK_ERROR_NOT_OSCAL, "“title”");
  expect_refused (CATALOG_HEAD "\"groups\": [{\"id\": \"g\", \"title\": \"Empty\"}]}}",
                  CERTO_FRAMEWORK_ERROR, CERTO_FRAMEWORK_ERROR_EMPTY, NULL);
}

static void
test_oscal_control_without_id (void)
{
  g_autoptr(CertoFramework) framework = parse_ok (
    CATALOG_HEAD "\"groups\": [{\"id\": \"g\", \"title\": \"Group\", \"controls\": ["
    "{\"id\": \"a\", \"title\": \"Kept\"},"
    "{\"title\": \"No id\", \"controls\": [{\"id\": \"orphan\", \"title\": \"Inside\"}]},"
    "{\"id\": \"\", \"title\": \"Empty id\"},"
    "{\"id\": 7, \"title\": \"Number id\"},"
    "\"not an object\","
    "{\"id\": \"b\", \"title\": \"Kept too\"}]}]}}");
  const char * const *warnings = certo_framework_get_warnings (framework);

  g_assert_cmpuint (g_list_model_get_n_items (certo_framework_get_requirements (framework)), ==, 2);
  g_assert_nonnull (certo_framework_lookup_requirement (framework, "a"));
  g_assert_nonnull (certo_framework_lookup_requirement (framework, "b"));
  g_assert_null (certo_framework_lookup_requirement (framework, "orphan"));
  g_assert_cmpuint (g_strv_length ((char **) warnings), ==, 4);
  g_assert_true (has_warning (warnings, "“No id”, in “Group”"));
  g_assert_true (has_warning (warnings, "“Empty id”"));
  g_assert_true (has_warning (warnings, "“Number id”"));
  g_assert_true (has_warning (warnings, "Control 5 in “Group”"));
}

static void
test_oscal_duplicate_ids (void)
{
  g_autoptr(CertoFramework) framework = parse_ok (
    CATALOG_HEAD "\"groups\": ["
    "{\"id\": \"g\", \"title\": \"First\", \"controls\": [{\"id\": \"a\", \"title\": \"First a\"}]},"
    "{\"id\": \"g\", \"title\": \"Second\", \"controls\": ["
    "  {\"id\": \"a\", \"title\": \"Second a\", \"controls\": [{\"id\": \"a.1\", \"title\": \"Lost\"}]},"
    "  {\"id\": \"b\", \"title\": \"B\"}]}]}}");
  const char * const *warnings = certo_framework_get_warnings (framework);
  CertoRequirement *a = certo_framework_lookup_requirement (framework, "a");

  g_assert_cmpuint (g_list_model_get_n_items (certo_framework_get_requirements (framework)), ==, 2);
  g_assert_cmpstr (certo_requirement_get_title (a), ==, "First a");
  g_assert_null (certo_framework_lookup_requirement (framework, "a.1"));
  g_assert_cmpstr (certo_requirement_get_group_id (certo_framework_lookup_requirement (framework, "b")), ==, "g-2");
  g_assert_cmpstr (certo_framework_group_get_title (certo_framework_lookup_group (framework, "g-2")), ==, "Second");
  g_assert_cmpuint (g_strv_length ((char **) warnings), ==, 2);
  g_assert_nonnull (strstr (warnings[0], "“g”"));
  g_assert_nonnull (strstr (warnings[1], "“a”"));
}

/* json-glib 1.6 overflows the stack near 100,000 levels: refused first */
static void
test_oscal_deep_nesting (void)
{
  gsize depth = 100000;
  GString *text = g_string_new ("{\"catalog\": ");

  for (gsize i = 0; i < depth; i++)
    g_string_append_c (text, '[');
  for (gsize i = 0; i < depth; i++)
    g_string_append_c (text, ']');
  g_string_append_c (text, '}');

  expect_refused (text->str, CERTO_PARSE_ERROR, CERTO_PARSE_ERROR_TOO_DEEP, NULL);
  g_string_free (text, TRUE);
}

static void
test_oscal_too_many (void)
{
  GString *text = g_string_new (CATALOG_HEAD "\"controls\": [");
  g_autoptr(GError) error = NULL;
  g_autoptr(CertoFramework) framework = NULL;

  for (guint i = 0; i <= CERTO_FRAMEWORK_MAX_ITEMS; i++)
    g_string_append_printf (text, "%s{\"id\": \"c%u\", \"title\": \"C\"}", i > 0 ? "," : "", i);
  g_string_append (text, "]}}");

  framework = parse_text (text->str, &error);
  g_assert_null (framework);
  g_assert_error (error, CERTO_FRAMEWORK_ERROR, CERTO_FRAMEWORK_ERROR_TOO_MANY);
  g_string_free (text, TRUE);
}

static void
test_oscal_many_warnings (void)
{
  GString *text = g_string_new (CATALOG_HEAD "\"controls\": [{\"id\": \"ok\", \"title\": \"OK\"}");
  g_autoptr(CertoFramework) framework = NULL;
  const char * const *warnings;

  for (guint i = 0; i < 250; i++)
    g_string_append (text, ", {\"title\": \"No id\"}");
  g_string_append (text, "]}}");

  framework = parse_ok (text->str);
  warnings = certo_framework_get_warnings (framework);
  g_assert_cmpuint (g_strv_length ((char **) warnings), ==, 101);
  g_assert_nonnull (strstr (warnings[100], "150"));
  g_string_free (text, TRUE);
}

/* Tests: importing */

static GFile *
write_temp_catalog (const char *name,
                    const char *text)
{
  g_autofree char *path = g_build_filename (g_get_user_cache_dir (), name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_cache_dir (), 0700), ==, 0);
  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

static void
test_import (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr(GFile) file = write_temp_catalog ("some name.json",
    "{\"catalog\": {\"uuid\": \"u\", \"metadata\": {\"title\": \"../../Évaluation: Controls/2024\"},"
    " \"controls\": [{\"id\": \"a\", \"title\": \"A\"}]}}");
  g_autoptr(GError) error = NULL;
  g_autoptr(CertoFramework) imported = NULL;
  g_autoptr(CertoFramework) loaded = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autofree char *path = NULL;
  g_autofree char *user_dir = certo_framework_dup_user_dir (fixture->data_dir);
  g_autofree char *expected = g_build_filename (user_dir, "evaluation-controls-2024.json", NULL);

  imported = certo_framework_import_file (file, fixture->data_dir, &path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (certo_framework_get_id (imported), ==, "evaluation-controls-2024");
  /* The file name comes from the title, slugified, inside the folder */
  g_assert_cmpstr (path, ==, expected);
  g_assert_cmpstr (certo_framework_get_source (imported), ==, expected);
  g_assert_true (g_file_test (expected, G_FILE_TEST_IS_REGULAR));

  all = certo_framework_list_all (fixture->data_dir, &warnings);
  g_assert_cmpuint (all->len, ==, 3);
  g_assert_cmpuint (warnings->len, ==, 0);
  g_assert_cmpstr (certo_framework_get_id (g_ptr_array_index (all, 0)), ==, CERTO_FRAMEWORK_ISO27001_2022);
  g_assert_cmpstr (certo_framework_get_id (g_ptr_array_index (all, 1)), ==, CERTO_FRAMEWORK_ISO27001_2013);
  g_assert_cmpstr (certo_framework_get_id (g_ptr_array_index (all, 2)), ==, "evaluation-controls-2024");

  loaded = certo_framework_load ("evaluation-controls-2024", fixture->data_dir, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (certo_framework_get_title (loaded), ==, "../../Évaluation: Controls/2024");
  g_assert_false (certo_framework_is_builtin (loaded));

  g_file_delete (file, NULL, NULL);
}

/* A catalog that would take a builtin id gets another */
static void
test_import_builtin_copy (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data ("/io/github/certo/Certo/frameworks/iso27001-2013.json",
                                                     G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) shadow = write_temp_catalog ("shadow.json",
    "{\"catalog\": {\"metadata\": {\"title\": \"ISO27001 2022\"}, \"controls\": [{\"id\": \"a\", \"title\": \"A\"}]}}");
  g_autoptr(GError) error = NULL;
  g_autoptr(CertoFramework) imported = NULL;
  g_autoptr(CertoFramework) shadowed = NULL;
  g_autoptr(CertoFramework) builtin = NULL;
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  file = write_temp_catalog ("iso27001-2013.json", text);
  imported = certo_framework_import_file (file, fixture->data_dir, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (certo_framework_get_id (imported), ==, "iso-iec-27001-2013");
  g_assert_cmpuint (g_list_model_get_n_items (certo_framework_get_requirements (imported)), ==, 114 + 28);

  shadowed = certo_framework_import_file (shadow, fixture->data_dir, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (certo_framework_get_id (shadowed), ==, "iso27001-2022-imported");

  /* The builtin one is still the builtin one */
  builtin = certo_framework_load (CERTO_FRAMEWORK_ISO27001_2022, fixture->data_dir, &error);
  g_assert_no_error (error);
  g_assert_true (certo_framework_is_builtin (builtin));

  g_file_delete (file, NULL, NULL);
  g_file_delete (shadow, NULL, NULL);
}

/* A bad file is refused before anything is written */
static void
test_import_bad (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(GFile) file = write_temp_catalog ("bad.json", "{\"catalog\": 1}");
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/certo/x.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(CertoFramework) framework = NULL;
  g_autofree char *user_dir = certo_framework_dup_user_dir (fixture->data_dir);

  framework = certo_framework_import_file (file, fixture->data_dir, NULL, NULL, &error);
  g_assert_null (framework);
  g_assert_error (error, CERTO_FRAMEWORK_ERROR, CERTO_FRAMEWORK_ERROR_NOT_OSCAL);
  g_assert_nonnull (strstr (error->message, "“bad.json” is not an OSCAL catalog"));
  g_assert_false (g_file_test (user_dir, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  framework = certo_framework_import_file (missing, fixture->data_dir, NULL, NULL, &error);
  g_assert_null (framework);
  g_assert_error (error, CERTO_PARSE_ERROR, CERTO_PARSE_ERROR_IO);

  g_file_delete (file, NULL, NULL);
}

/* Ids that are not slugs never reach the file system */
static void
test_load_unknown (Fixture       *fixture,
                   gconstpointer  user_data)
{
  static const char * const ids[] = { "../catalog", "/etc/passwd", "a/b", "", "Iso", "nothing-here" };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CertoFramework) framework = certo_framework_load (ids[i], fixture->data_dir, &error);

      g_assert_null (framework);
      g_assert_error (error, CERTO_FRAMEWORK_ERROR, CERTO_FRAMEWORK_ERROR_NOT_FOUND);
    }
}

/* A damaged copy in the folder is reported, the rest still listed */
static void
test_list_damaged (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autofree char *user_dir = certo_framework_dup_user_dir (fixture->data_dir);
  g_autofree char *path = g_build_filename (user_dir, "broken.json", NULL);
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) warnings = NULL;

  g_assert_cmpint (g_mkdir_with_parents (user_dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, "{", -1, NULL));

  all = certo_framework_list_all (fixture->data_dir, &warnings);
  g_assert_cmpuint (all->len, ==, 2);
  g_assert_cmpuint (warnings->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (warnings, 0), "“broken.json”"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/framework/builtin/list", test_builtin_list);
  g_test_add_func ("/framework/builtin/2022-annex-a", test_2022_annex_a);
  g_test_add_func ("/framework/builtin/2022-new-controls", test_2022_new_controls);
  g_test_add_func ("/framework/builtin/2022-clauses", test_2022_clauses);
  g_test_add_func ("/framework/builtin/2013-annex-a", test_2013_annex_a);
  g_test_add_func ("/framework/builtin/2013-clauses", test_2013_clauses);
  g_test_add_func ("/framework/builtin/no-text", test_builtin_no_text);
  g_test_add_func ("/framework/builtin/round-trip", test_builtin_round_trip);

  g_test_add_func ("/framework/mapping/known-pairs", test_mapping_known_pairs);
  g_test_add_func ("/framework/mapping/reverse", test_mapping_reverse);
  g_test_add_func ("/framework/mapping/covers-2013", test_mapping_covers_2013);
  g_test_add_func ("/framework/mapping/covers-2022", test_mapping_covers_2022);

  g_test_add_func ("/framework/oscal/structure", test_oscal_structure);
  g_test_add_func ("/framework/oscal/deep-groups", test_oscal_deep_groups);
  g_test_add_func ("/framework/oscal/not-json", test_oscal_not_json);
  g_test_add_func ("/framework/oscal/not-catalog", test_oscal_not_catalog);
  g_test_add_func ("/framework/oscal/control-without-id", test_oscal_control_without_id);
  g_test_add_func ("/framework/oscal/duplicate-ids", test_oscal_duplicate_ids);
  g_test_add_func ("/framework/oscal/deep-nesting", test_oscal_deep_nesting);
  g_test_add_func ("/framework/oscal/too-many", test_oscal_too_many);
  g_test_add_func ("/framework/oscal/many-warnings", test_oscal_many_warnings);

  g_test_add ("/framework/import/slug", Fixture, NULL, fixture_setup, test_import, fixture_teardown);
  g_test_add ("/framework/import/builtin-copy", Fixture, NULL, fixture_setup, test_import_builtin_copy, fixture_teardown);
  g_test_add ("/framework/import/bad", Fixture, NULL, fixture_setup, test_import_bad, fixture_teardown);
  g_test_add ("/framework/import/load-unknown", Fixture, NULL, fixture_setup, test_load_unknown, fixture_teardown);
  g_test_add ("/framework/import/list-damaged", Fixture, NULL, fixture_setup, test_list_damaged, fixture_teardown);

  return g_test_run ();
}
