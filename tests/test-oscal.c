/* test-oscal.c — importing real OSCAL catalogs from ../shared/data/oscal
 *
 * The expected numbers were counted independently of Certo, with
 * python3's json module, walking catalog › groups › controls and nested
 * controls:
 *
 *   c = json.load(f)["catalog"]
 *   def walk(ctrl, depth): count[depth > 0] += 1; [walk(x, depth + 1) for x in ctrl.get("controls", [])]
 *   for g in c["groups"]: [walk(x, 0) for x in g["controls"]]
 *
 * NIST SP 800-53 rev 5.1.1 LOW baseline (resolved profile catalog,
 * version "5.1.1+u4"): 18 families (groups of class "family"), 131
 * controls, 18 enhancements, none withdrawn, no control nested deeper
 * than one enhancement. basic-catalog.json (the OSCAL sample): 2 groups
 * holding one group each, 4 controls.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "certo-framework.h"
#include "certo-test-util.h"

#define NIST_LOW "data/oscal/NIST_SP-800-53_rev5_LOW-baseline-resolved-profile_catalog.json"
#define BASIC "data/oscal/basic-catalog.json"

/* Helpers */

static CertoFramework *
read_shared (const char *relative)
{
  g_autofree char *path = certo_test_shared_path (relative);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  CertoFramework *framework;

  framework = certo_framework_new_from_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (framework);
  {
    /* GFile cleans the path ("…/main/../shared" → "…/shared") */
    g_autofree char *clean = g_file_get_path (file);
    g_assert_cmpstr (certo_framework_get_source (framework), ==, clean);
  }
  return framework;
}

/* Tests */

static void
test_nist_low (void)
{
  g_autoptr(CertoFramework) framework = NULL;
  GListModel *requirements, *groups;
  /* requirements per family, controls and enhancements, counted as above */
  static const struct { const char *id; const char *title; guint n; } families[] = {
    { "ac", "Access Control", 11 },
    { "at", "Awareness and Training", 5 },
    { "au", "Audit and Accountability", 10 },
    { "ca", "Assessment, Authorization, and Monitoring", 8 },
    { "cm", "Configuration Management", 9 },
    { "cp", "Contingency Planning", 6 },
    { "ia", "Identification and Authentication", 16 },
    { "ir", "Incident Response", 7 },
    { "ma", "Maintenance", 4 },
    { "mp", "Media Protection", 4 },
    { "pe", "Physical and Environmental Protection", 10 },
    { "pl", "Planning", 6 },
    { "ps", "Personnel Security", 9 },
    { "ra", "Risk Assessment", 8 },
    { "sa", "System and Services Acquisition", 9 },
    { "sc", "System and Communications Protection", 10 },
    { "si", "System and Information Integrity", 6 },
    { "sr", "Supply Chain Risk Management", 11 },
  };
  CertoRequirement *requirement;
  guint n_controls = 0, n_enhancements = 0;

  if (certo_test_skip_unless_shared (NIST_LOW))
    return;

  framework = read_shared (NIST_LOW);
  requirements = certo_framework_get_requirements (framework);
  groups = certo_framework_get_groups (framework);

  g_assert_cmpstr (certo_framework_get_title (framework), ==,
                   "NIST Special Publication 800-53 Revision 5.1.1 LOW IMPACT BASELINE");
  g_assert_cmpstr (certo_framework_get_version (framework), ==, "5.1.1+u4");
  g_assert_cmpstr (certo_framework_get_oscal_version (framework), ==, "1.1.2");
  g_assert_cmpstr (certo_framework_get_id (framework), ==,
                   "nist-special-publication-800-53-revision-5-1-1-low-impact");
  g_assert_cmpstr (certo_framework_get_warnings (framework)[0], ==, NULL);

  /* Every control and enhancement it holds */
  g_assert_cmpuint (g_list_model_get_n_items (requirements), ==, 131 + 18);
  for (guint i = 0; i < g_list_model_get_n_items (requirements); i++)
    {
      g_autoptr(CertoRequirement) item = g_list_model_get_item (requirements, i);

      if (certo_requirement_get_parent_id (item) == NULL)
        n_controls++;
      else
        n_enhancements++;
      g_assert_true (certo_requirement_get_is_annex_a (item));
      g_assert_false (certo_requirement_get_is_withdrawn (item));
      g_assert_false (certo_requirement_get_is_new (item));
    }
  g_assert_cmpuint (n_controls, ==, 131);
  g_assert_cmpuint (n_enhancements, ==, 18);

  g_assert_cmpuint (g_list_model_get_n_items (groups), ==, G_N_ELEMENTS (families));
  for (guint i = 0; i < G_N_ELEMENTS (families); i++)
    {
      g_autoptr(CertoFrameworkGroup) group = g_list_model_get_item (groups, i);

      g_assert_cmpstr (certo_framework_group_get_id (group), ==, families[i].id);
      g_assert_cmpstr (certo_framework_group_get_title (group), ==, families[i].title);
      g_assert_cmpint (certo_framework_group_get_kind (group), ==, CERTO_FRAMEWORK_GROUP_FAMILY);
      /* NIST gives families no label: the id stands in */
      g_assert_cmpstr (certo_framework_group_get_label (group), ==, families[i].id);
      g_assert_cmpuint (certo_framework_count_requirements (framework, families[i].id), ==, families[i].n);
    }

  /* Labels: the plain one, not the zero-padded "AC-02" */
  requirement = certo_framework_lookup_requirement (framework, "ac-2");
  g_assert_nonnull (requirement);
  g_assert_cmpstr (certo_requirement_get_label (requirement), ==, "AC-2");
  g_assert_cmpstr (certo_requirement_get_title (requirement), ==, "Account Management");
  g_assert_cmpstr (certo_requirement_get_group_id (requirement), ==, "ac");
  /* AC-2(1) is not in the LOW baseline; IA-2(1) and IA-2(12) are */
  g_assert_null (certo_framework_lookup_label (framework, "AC-2(1)", TRUE));
  requirement = certo_framework_lookup_label (framework, "IA-2(1)", TRUE);
  g_assert_nonnull (requirement);
  g_assert_cmpstr (certo_requirement_get_id (requirement), ==, "ia-2.1");
  g_assert_cmpstr (certo_requirement_get_parent_id (requirement), ==, "ia-2");
  g_assert_cmpstr (certo_requirement_get_group_id (requirement), ==, "ia");
  g_assert_nonnull (certo_framework_lookup_label (framework, "IA-2(12)", TRUE));
  g_assert_nonnull (certo_framework_lookup_label (framework, "SR-11(2)", TRUE));

  /* Document order: a control, then its enhancements */
  {
    g_autoptr(CertoRequirement) first = g_list_model_get_item (requirements, 0);
    g_autoptr(CertoRequirement) last = g_list_model_get_item (requirements, 131 + 18 - 1);

    g_assert_cmpstr (certo_requirement_get_label (first), ==, "AC-1");
    g_assert_cmpstr (certo_requirement_get_label (last), ==, "SR-12");
  }
}

static void
test_nist_low_import (void)
{
  g_autofree char *path = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *data_dir = g_build_filename (g_get_user_data_dir (), "certo", NULL);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CertoFramework) imported = NULL;
  g_autoptr(CertoFramework) loaded = NULL;
  g_autofree char *original_sum = NULL;
  g_autofree char *saved_sum = NULL;

  if (certo_test_skip_unless_shared (NIST_LOW))
    return;

  path = certo_test_shared_path (NIST_LOW);
  file = g_file_new_for_path (path);
  imported = certo_framework_import_file (file, data_dir, &saved, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (saved, data_dir));
  g_assert_true (g_str_has_suffix (saved, "/frameworks/nist-special-publication-800-53-revision-5-1-1-low-impact.json"));

  /* The copy is the file as published, byte for byte */
  original_sum = certo_test_file_sha256 (path);
  saved_sum = certo_test_file_sha256 (saved);
  g_assert_cmpstr (original_sum, ==, saved_sum);

  loaded = certo_framework_load (certo_framework_get_id (imported), data_dir, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (certo_framework_get_requirements (loaded)), ==, 131 + 18);
}

static void
test_basic_catalog (void)
{
  g_autoptr(CertoFramework) framework = NULL;
  static const char * const labels[] = { "1.1.1", "1.1.2", "2.1.1", "2.1.2" };
  GListModel *requirements;
  CertoFrameworkGroup *group;

  if (certo_test_skip_unless_shared (BASIC))
    return;

  framework = read_shared (BASIC);
  requirements = certo_framework_get_requirements (framework);

  g_assert_cmpstr (certo_framework_get_title (framework), ==,
                   "Sample Security Catalog *for Demonstration* and Testing");
  g_assert_cmpuint (g_list_model_get_n_items (requirements), ==, 4);
  g_assert_cmpuint (g_list_model_get_n_items (certo_framework_get_groups (framework)), ==, 4);
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      g_autoptr(CertoRequirement) requirement = g_list_model_get_item (requirements, i);
      g_assert_cmpstr (certo_requirement_get_label (requirement), ==, labels[i]);
    }

  group = certo_framework_lookup_group (framework, "s1.1");
  g_assert_nonnull (group);
  g_assert_cmpstr (certo_framework_group_get_title (group), ==, "Internal Organization");
  g_assert_cmpstr (certo_framework_group_get_parent_id (group), ==, "s1");
  g_assert_cmpuint (certo_framework_group_get_depth (group), ==, 1);
  /* s1.1 has no label prop: the id stands in */
  g_assert_cmpstr (certo_framework_group_get_label (group), ==, "s1.1");
  g_assert_cmpstr (certo_framework_group_get_label (certo_framework_lookup_group (framework, "s2.1")), ==, "2.1");
  g_assert_cmpuint (certo_framework_count_requirements (framework, "s1"), ==, 2);
  g_assert_cmpstr (certo_requirement_get_title (certo_framework_lookup_label (framework, "2.1.2", TRUE)), ==,
                   "Access to networks and network services");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/oscal/nist-800-53-low", test_nist_low);
  g_test_add_func ("/oscal/nist-800-53-low-import", test_nist_low_import);
  g_test_add_func ("/oscal/basic-catalog", test_basic_catalog);

  return g_test_run ();
}
