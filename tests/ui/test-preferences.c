/* test-preferences.c — the Preferences window as a user meets it: opened
 * with app.preferences (Ctrl+,) from a real application and window, its
 * controls bound to the settings both ways, storage figures, "Clear
 * Cache" on a real cache folder, accessible labels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "certo.h"
#include "certo-application.h"
#include "certo-preferences-window.h"
#include "certo-sources-page.h"
#include "certo-window.h"
#include "../certo-test-util.h"
#include "certo-ui-test.h"

#define MIB (1024 * 1024)

/* The system's data folders, from before the test isolated them (icons) */
static char *system_data_dirs;

typedef struct
{
  char                   *dir;
  char                   *data_dir;
  char                   *cache_dir;
  CertoApplication       *app;
  CertoWindow            *window;
  CertoPreferencesWindow *prefs;
  GSettings              *settings;
} Fixture;

typedef gboolean (*Condition) (Fixture *fixture);

/* Main loop */

static gboolean
wait_until (Fixture   *fixture,
            Condition  condition,
            double     seconds)
{
  return certo_ui_test_wait_until ((CertoUiCondition) condition, fixture, seconds);
}

static GtkWidget *
prefs_child (Fixture    *fixture,
             const char *name)
{
  return certo_ui_test_child (fixture->prefs, CERTO_TYPE_PREFERENCES_WINDOW, name);
}

/* The first GtkLabel under @widget whose text contains @text */
static GtkLabel *
find_label (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget)
      && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL)
    return GTK_LABEL (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = find_label (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
collect_rows (GtkWidget *widget,
              GPtrArray *rows)
{
  if (ADW_IS_PREFERENCES_ROW (widget))
    g_ptr_array_add (rows, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_rows (child, rows);
}

/* Files */

static void
write_file (const char *path,
            gsize       size)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *bytes = g_malloc (size);
  g_autoptr(GError) error = NULL;

  memset (bytes, 'x', size);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_file_set_contents (path, bytes, size, &error);
  g_assert_no_error (error);
}

/* "relative/path size" of every file and folder under @dir, sorted */
static void
list_tree (const char *dir,
           const char *relative,
           GPtrArray  *lines)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *rel = relative != NULL ? g_build_filename (relative, name, NULL) : g_strdup (name);
      GStatBuf st;

      g_assert_cmpint (g_lstat (path, &st), ==, 0);
      if (S_ISDIR (st.st_mode))
        {
          g_ptr_array_add (lines, g_strdup_printf ("%s/", rel));
          list_tree (path, rel, lines);
        }
      else
        {
          g_ptr_array_add (lines, g_strdup_printf ("%s %" G_GINT64_FORMAT, rel, (gint64) st.st_size));
        }
    }
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

static char *
describe_tree (const char *dir)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  GString *out = g_string_new (NULL);

  list_tree (dir, NULL, lines);
  g_ptr_array_sort (lines, compare_strings);
  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (out, "%s\n", (char *) g_ptr_array_index (lines, i));

  return g_string_free (out, FALSE);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

/* Fixture */

static void
use_system_data_dirs (void)
{
  g_auto(GStrv) dirs = g_strsplit (system_data_dirs, ":", -1);
  g_autoptr(GStrvBuilder) mime = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) icons = g_strv_builder_new ();
  g_auto(GStrv) mime_dirs = NULL;
  g_auto(GStrv) icon_dirs = NULL;

  g_setenv ("XDG_DATA_DIRS", system_data_dirs, TRUE);
  for (guint i = 0; dirs[i] != NULL; i++)
    {
      if (*dirs[i] == '\0')
        continue;
      g_autofree char *mime_dir = g_build_filename (dirs[i], "mime", NULL);
      g_autofree char *icon_dir = g_build_filename (dirs[i], "icons", NULL);

      g_strv_builder_add (mime, mime_dir);
      g_strv_builder_add (icons, icon_dir);
    }
  mime_dirs = g_strv_builder_end (mime);
  icon_dirs = g_strv_builder_end (icons);

  g_content_type_set_mime_dirs ((const char * const *) mime_dirs);
  gtk_icon_theme_set_search_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                  (const char * const *) icon_dirs);
}

static gboolean
library_shown (Fixture *fixture)
{
  const char *page = gtk_stack_get_visible_child_name (GTK_STACK (certo_ui_test_child (fixture->window, CERTO_TYPE_WINDOW,
                                                                               "main_stack")));

  return g_strcmp0 (page, "error") == 0 || g_strcmp0 (page, "library") == 0;
}

static CertoPreferencesWindow *
find_preferences (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    {
      if (CERTO_IS_PREFERENCES_WINDOW (l->data))
        return l->data;
    }

  return NULL;
}

static gboolean
prefs_idle (Fixture *fixture)
{
  return !certo_preferences_window_is_busy (fixture->prefs);
}

/* What the user does: Ctrl+, (the app.preferences action) */
static void
open_preferences (Fixture *fixture)
{
  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "preferences", NULL);
  fixture->prefs = find_preferences ();
  g_assert_nonnull (fixture->prefs);
  g_object_add_weak_pointer (G_OBJECT (fixture->prefs), (gpointer *) &fixture->prefs);
  g_assert_true (wait_until (fixture, prefs_idle, 10));
  certo_ui_test_settle (50);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  static const char *keys[] = {
    "refresh-interval", "max-source-size", "max-download-size", "max-evidence-size",
    "notify-changes", "notify-downloads", "user-name",
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *app_id = NULL;
  static guint n_applications;

  use_system_data_dirs ();

  fixture->dir = g_dir_make_tmp ("certo-prefs-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->data_dir = g_build_filename (fixture->dir, "data", NULL);
  fixture->cache_dir = g_build_filename (fixture->dir, "cache", NULL);
  g_setenv ("CERTO_DATA_DIR", fixture->data_dir, TRUE);
  g_setenv ("CERTO_CACHE_DIR", fixture->cache_dir, TRUE);

  /* The memory backend lives as long as the process: every test starts
   * from the schema's defaults */
  fixture->app = certo_application_new ();
  app_id = g_strdup_printf ("%s.PrefsTest%u", APPLICATION_ID, ++n_applications);
  g_application_set_application_id (G_APPLICATION (fixture->app), app_id);
  g_application_set_flags (G_APPLICATION (fixture->app),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (fixture->app), NULL, &error);
  g_assert_no_error (error);

  fixture->settings = g_object_ref (certo_application_get_settings (fixture->app));
  g_assert_nonnull (fixture->settings);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_settings_reset (fixture->settings, keys[i]);

  g_application_activate (G_APPLICATION (fixture->app));
  fixture->window = CERTO_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (fixture->app)));
  g_assert_true (CERTO_IS_WINDOW (fixture->window));
  g_object_add_weak_pointer (G_OBJECT (fixture->window), (gpointer *) &fixture->window);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1100, 720);

  g_assert_true (wait_until (fixture, library_shown, 30));
  certo_ui_test_settle (100);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  CertoCatalog *catalog = certo_application_get_catalog (fixture->app);

  if (fixture->prefs != NULL)
    gtk_window_destroy (GTK_WINDOW (fixture->prefs));
  while (TRUE)
    {
      GList *windows = gtk_application_get_windows (GTK_APPLICATION (fixture->app));

      if (windows == NULL)
        break;
      gtk_window_destroy (GTK_WINDOW (windows->data));
    }
  certo_ui_test_settle (100);
  /* Nothing keeps the windows alive: no reference left behind by the
   * storage count or Clear Cache */
  g_assert_null (fixture->prefs);
  g_assert_null (fixture->window);

  if (catalog != NULL)
    certo_store_close (certo_catalog_get_store (catalog));
  g_clear_object (&fixture->settings);
  g_clear_object (&fixture->app);
  remove_tree (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
  g_clear_pointer (&fixture->data_dir, g_free);
  g_clear_pointer (&fixture->cache_dir, g_free);
  g_unsetenv ("CERTO_DATA_DIR");
  g_unsetenv ("CERTO_CACHE_DIR");
}

/* Tests */

/* Ctrl+, opens one Preferences window over the main window, with the
 * General, Sources and Storage pages; asking again raises the same one */
static void
test_preferences_open (Fixture       *fixture,
                       gconstpointer  data)
{
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (fixture->app), "app.preferences");
  CertoPreferencesWindow *first;
  CertoSourcesPage *sources;

  g_assert_nonnull (accels);
  g_assert_cmpstr (accels[0], ==, "<Control>comma");

  open_preferences (fixture);
  first = fixture->prefs;
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->prefs)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (fixture->prefs)) == GTK_WINDOW (fixture->window));
  g_assert_cmpstr (adw_preferences_window_get_visible_page_name (ADW_PREFERENCES_WINDOW (fixture->prefs)),
                   ==, "general");

  /* The Sources page is the one the primary menu's "Sources" shows,
   * listing the catalog's sources (the built-in one at least) */
  sources = CERTO_SOURCES_PAGE (prefs_child (fixture, "sources_page"));
  g_assert_true (certo_sources_page_get_sync (sources) == certo_application_get_sync (fixture->app));
  g_assert_cmpuint (g_list_model_get_n_items (certo_sources_page_get_sources (sources)), >=, 1);

  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "preferences", NULL);
  certo_ui_test_settle (50);
  g_assert_true (find_preferences () == first);

  certo_ui_test_save_screenshot (GTK_WIDGET (fixture->prefs), "preferences-general", 300);
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (fixture->prefs), "sources");
  certo_ui_test_save_screenshot (GTK_WIDGET (fixture->prefs), "preferences-sources", 300);
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (fixture->prefs), "storage");
  certo_ui_test_save_screenshot (GTK_WIDGET (fixture->prefs), "preferences-storage", 300);
}

/* Switches, spin buttons, the interval and the name change their keys,
 * and a key changed elsewhere shows in the window */
static void
test_preferences_settings (Fixture       *fixture,
                           gconstpointer  data)
{
  GtkSwitch *changes;
  GtkSwitch *downloads;
  GtkSpinButton *source_spin;
  GtkSpinButton *download_spin;
  GtkSpinButton *evidence_spin;
  AdwComboRow *interval;
  GtkEditable *name;
  GListModel *intervals;
  guint weekly = GTK_INVALID_LIST_POSITION;
  guint catalog_max = 0;

  open_preferences (fixture);
  changes = GTK_SWITCH (prefs_child (fixture, "notify_changes_switch"));
  downloads = GTK_SWITCH (prefs_child (fixture, "notify_downloads_switch"));
  source_spin = GTK_SPIN_BUTTON (prefs_child (fixture, "max_source_spin"));
  download_spin = GTK_SPIN_BUTTON (prefs_child (fixture, "max_download_spin"));
  evidence_spin = GTK_SPIN_BUTTON (prefs_child (fixture, "max_evidence_spin"));
  interval = ADW_COMBO_ROW (prefs_child (fixture, "refresh_interval_row"));
  name = GTK_EDITABLE (prefs_child (fixture, "user_name_row"));

  /* The defaults, in the units shown */
  g_assert_true (gtk_switch_get_active (changes));
  g_assert_true (gtk_switch_get_active (downloads));
  g_assert_cmpfloat (gtk_spin_button_get_value (source_spin), ==, 64);
  g_assert_cmpfloat (gtk_spin_button_get_value (download_spin), ==, 256);
  g_assert_cmpfloat (gtk_spin_button_get_value (evidence_spin), ==, 50);
  g_assert_cmpstr (gtk_string_object_get_string (adw_combo_row_get_selected_item (interval)), ==, "Every Day");
  g_assert_cmpstr (gtk_editable_get_text (name), ==, "");

  /* Window → settings */
  gtk_switch_set_active (changes, FALSE);
  g_assert_false (g_settings_get_boolean (fixture->settings, "notify-changes"));
  gtk_switch_set_active (downloads, FALSE);
  g_assert_false (g_settings_get_boolean (fixture->settings, "notify-downloads"));

  gtk_spin_button_set_value (source_spin, 100);
  g_assert_cmpuint (g_settings_get_uint (fixture->settings, "max-source-size"), ==, 100 * MIB);
  /* The catalog's import limit follows the setting */
  g_object_get (certo_application_get_catalog (fixture->app), "max-source-size", &catalog_max, NULL);
  g_assert_cmpuint (catalog_max, ==, 100 * MIB);
  gtk_spin_button_set_value (download_spin, 1024);
  g_assert_cmpuint (g_settings_get_uint (fixture->settings, "max-download-size"), ==, 1024u * MIB);
  gtk_spin_button_set_value (evidence_spin, 10);
  g_assert_cmpuint (g_settings_get_uint (fixture->settings, "max-evidence-size"), ==, 10 * MIB);

  /* The spin buttons stop at the schema's range */
  gtk_spin_button_set_value (download_spin, 100000);
  g_assert_cmpuint (g_settings_get_uint (fixture->settings, "max-download-size"), ==, 2048u * MIB);
  gtk_spin_button_set_value (evidence_spin, 0);
  g_assert_cmpuint (g_settings_get_uint (fixture->settings, "max-evidence-size"), ==, 1 * MIB);

  intervals = adw_combo_row_get_model (interval);
  for (guint i = 0; i < g_list_model_get_n_items (intervals); i++)
    {
      if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (intervals), i), "Every Week") == 0)
        weekly = i;
    }
  g_assert_cmpuint (weekly, !=, GTK_INVALID_LIST_POSITION);
  adw_combo_row_set_selected (interval, weekly);
  g_assert_cmpuint (g_settings_get_uint (fixture->settings, "refresh-interval"), ==, 168);
  adw_combo_row_set_selected (interval, 0);
  g_assert_cmpuint (g_settings_get_uint (fixture->settings, "refresh-interval"), ==, 0);

  gtk_editable_set_text (name, "Ada Lovelace");
  g_assert_cmpstr (g_settings_get_string (fixture->settings, "user-name"), ==, "Ada Lovelace");

  /* Settings → window */
  g_settings_set_boolean (fixture->settings, "notify-changes", TRUE);
  g_assert_true (gtk_switch_get_active (changes));
  g_settings_set_boolean (fixture->settings, "notify-downloads", TRUE);
  g_assert_true (gtk_switch_get_active (downloads));
  g_settings_set_uint (fixture->settings, "max-source-size", 32 * MIB);
  g_assert_cmpfloat (gtk_spin_button_get_value (source_spin), ==, 32);
  g_settings_set_uint (fixture->settings, "max-evidence-size", 200 * MIB);
  g_assert_cmpfloat (gtk_spin_button_get_value (evidence_spin), ==, 200);
  g_settings_set_string (fixture->settings, "user-name", "Grace Hopper");
  g_assert_cmpstr (gtk_editable_get_text (name), ==, "Grace Hopper");

  g_settings_set_uint (fixture->settings, "refresh-interval", 24);
  g_assert_cmpstr (gtk_string_object_get_string (adw_combo_row_get_selected_item (interval)), ==, "Every Day");
  /* A value the list does not offer is added to it, not rounded */
  g_settings_set_uint (fixture->settings, "refresh-interval", 48);
  g_assert_cmpstr (gtk_string_object_get_string (adw_combo_row_get_selected_item (interval)), ==, "Every 2 Days");
  g_assert_cmpuint (g_settings_get_uint (fixture->settings, "refresh-interval"), ==, 48);
  g_settings_set_uint (fixture->settings, "refresh-interval", 3);
  g_assert_cmpstr (gtk_string_object_get_string (adw_combo_row_get_selected_item (interval)), ==, "Every 3 Hours");
  g_assert_cmpuint (g_settings_get_uint (fixture->settings, "refresh-interval"), ==, 3);
}

static const char *
label_text (Fixture    *fixture,
            const char *name)
{
  return gtk_label_get_text (GTK_LABEL (prefs_child (fixture, name)));
}

static gboolean
clear_cache_enabled (Fixture *fixture)
{
  return gtk_widget_is_sensitive (prefs_child (fixture, "clear_cache_button"));
}

/* The Storage page counts the catalog, the offline documents and the
 * cache; Clear Cache empties the cache folder only, says how much it
 * freed, and counts again */
static void
test_preferences_clear_cache (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *offline_dir = g_build_filename (fixture->data_dir, "offline", NULL);
  g_autofree char *kept = g_build_filename (offline_dir, "kept", "report.pdf", NULL);
  g_autofree char *partial = g_build_filename (fixture->cache_dir, "downloads", "7", "part", NULL);
  g_autofree char *leftover = g_build_filename (fixture->cache_dir, "leftover.json", NULL);
  g_autofree char *data_before = NULL;
  g_autofree char *data_after = NULL;
  g_autofree char *cache_after = NULL;
  g_autofree char *offline_size = NULL;
  g_autofree char *cache_size = NULL;
  g_autofree char *zero = g_format_size (0);
  g_autofree char *expected_toast = NULL;
  GtkLabel *shown;

  /* A saved document (in a folder of its own, which the offline
   * folder's sweep leaves alone) and two re-fetchable leftovers */
  write_file (kept, 300000);
  write_file (partial, 3000000);
  write_file (leftover, 200000);
  offline_size = g_format_size (300000);
  cache_size = g_format_size (3200000);
  expected_toast = g_strdup_printf ("Cache cleared: %s freed", cache_size);

  open_preferences (fixture);
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (fixture->prefs), "storage");
  certo_ui_test_settle (50);

  g_assert_cmpstr (label_text (fixture, "offline_size_label"), ==, offline_size);
  g_assert_cmpstr (label_text (fixture, "cache_size_label"), ==, cache_size);
  /* The catalog database is there, and counted */
  g_assert_true (g_file_test (fixture->data_dir, G_FILE_TEST_IS_DIR));
  g_assert_cmpstr (label_text (fixture, "catalog_size_label"), !=, zero);
  g_assert_cmpstr (label_text (fixture, "catalog_size_label"), !=, "Unknown");
  g_assert_cmpstr (label_text (fixture, "catalog_size_label"), !=, "Calculating…");
  g_test_message ("catalog %s, offline %s, cache %s", label_text (fixture, "catalog_size_label"),
                  label_text (fixture, "offline_size_label"), label_text (fixture, "cache_size_label"));

  data_before = describe_tree (fixture->data_dir);
  g_assert_nonnull (strstr (data_before, "offline/kept/report.pdf 300000"));

  /* Clear Cache: insensitive while it runs, then a toast */
  g_assert_true (clear_cache_enabled (fixture));
  g_signal_emit_by_name (prefs_child (fixture, "clear_cache_button"), "clicked");
  g_assert_false (clear_cache_enabled (fixture));
  g_assert_true (wait_until (fixture, prefs_idle, 10));
  g_assert_true (clear_cache_enabled (fixture));
  certo_ui_test_settle (100);

  shown = find_label (GTK_WIDGET (fixture->prefs), expected_toast);
  g_assert_nonnull (shown);
  g_test_message ("toast: %s", gtk_label_get_text (shown));
  certo_ui_test_save_screenshot (GTK_WIDGET (fixture->prefs), "preferences-cache-cleared", 300);

  /* The cache folder is empty (and still there); the data folder is as
   * it was, file for file */
  cache_after = describe_tree (fixture->cache_dir);
  g_assert_cmpstr (cache_after, ==, "");
  g_assert_true (g_file_test (fixture->cache_dir, G_FILE_TEST_IS_DIR));
  data_after = describe_tree (fixture->data_dir);
  g_assert_cmpstr (data_after, ==, data_before);

  /* Counted again */
  g_assert_cmpstr (label_text (fixture, "cache_size_label"), ==, zero);
  g_assert_cmpstr (label_text (fixture, "offline_size_label"), ==, offline_size);

  /* Again, with nothing to clear */
  g_signal_emit_by_name (prefs_child (fixture, "clear_cache_button"), "clicked");
  g_assert_true (wait_until (fixture, prefs_idle, 10));
  certo_ui_test_settle (100);
  g_assert_nonnull (find_label (GTK_WIDGET (fixture->prefs), "The cache was already empty"));
}

/* Every row says what it does; every control has an accessible name */
static void
test_preferences_accessible (Fixture       *fixture,
                             gconstpointer  data)
{
  static const struct {
    const char *widget;
    const char *label;
  } labelled[] = {
    { "max_source_spin", "Largest source, in MiB" },
    { "max_download_spin", "Largest download, in MiB" },
    { "max_evidence_spin", "Largest evidence file, in MiB" },
    { "notify_changes_switch", "Notify about catalog changes" },
    { "notify_downloads_switch", "Notify about finished downloads" },
  };
  static const char *groups[] = { "general_page", "updates_group", "storage_page" };
  guint n_rows = 0;

  open_preferences (fixture);

  for (guint i = 0; i < G_N_ELEMENTS (labelled); i++)
    {
      GtkWidget *widget = prefs_child (fixture, labelled[i].widget);

      gtk_test_accessible_assert_property (widget, GTK_ACCESSIBLE_PROPERTY_LABEL, labelled[i].label);
    }

  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    {
      g_autoptr(GPtrArray) rows = g_ptr_array_new ();

      collect_rows (prefs_child (fixture, groups[i]), rows);
      g_assert_cmpuint (rows->len, >, 0);
      for (guint j = 0; j < rows->len; j++)
        {
          AdwPreferencesRow *row = g_ptr_array_index (rows, j);
          const char *title = adw_preferences_row_get_title (row);

          g_assert_nonnull (title);
          g_assert_cmpstr (title, !=, "");
          /* The row's title names it for assistive technologies */
          g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL)
                         || gtk_test_accessible_has_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_LABELLED_BY));
          if (ADW_IS_ACTION_ROW (row))
            {
              const char *subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (row));

              g_assert_nonnull (subtitle);
              g_assert_cmpstr (subtitle, !=, "");
            }
          n_rows++;
        }
    }
  /* name, 2 notifications, interval, source size, 3 usage rows, 2 limits */
  g_assert_cmpuint (n_rows, ==, 10);

  /* Clear Cache is a button with a visible, hence spoken, label */
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (prefs_child (fixture, "clear_cache_button"))),
                   ==, "_Clear Cache");
  gtk_test_accessible_assert_role (prefs_child (fixture, "clear_cache_button"), GTK_ACCESSIBLE_ROLE_BUTTON);
  gtk_test_accessible_assert_role (prefs_child (fixture, "max_download_spin"), GTK_ACCESSIBLE_ROLE_SPIN_BUTTON);
}

int
main (int   argc,
      char *argv[])
{
  system_data_dirs = g_strdup (g_getenv ("XDG_DATA_DIRS"));
  if (system_data_dirs == NULL || *system_data_dirs == '\0')
    {
      g_free (system_data_dirs);
      system_data_dirs = g_strdup ("/usr/local/share:/usr/share");
    }

  /* GTK's test accessibility backend (the suite sets GTK_A11Y=none, which
   * leaves widgets without the accessible state these tests read) */
  g_setenv ("GTK_A11Y", "test", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  if (!gtk_init_check ())
    {
      g_test_skip ("no display (run under xvfb-run)");
      return g_test_run ();
    }

  g_test_add ("/ui/preferences/open", Fixture, NULL,
              fixture_setup, test_preferences_open, fixture_teardown);
  g_test_add ("/ui/preferences/settings", Fixture, NULL,
              fixture_setup, test_preferences_settings, fixture_teardown);
  g_test_add ("/ui/preferences/clear-cache", Fixture, NULL,
              fixture_setup, test_preferences_clear_cache, fixture_teardown);
  g_test_add ("/ui/preferences/accessible", Fixture, NULL,
              fixture_setup, test_preferences_accessible, fixture_teardown);

  return g_test_run ();
}
