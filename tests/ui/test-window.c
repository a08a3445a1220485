/* test-window.c — the main window as a user sees it: a real application,
 * a real store in a temporary data folder, the embedded catalog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "certo.h"
#include "certo-application.h"
#include "certo-document-details.h"
#include "certo-downloads-view.h"
#include "certo-library-view.h"
#include "certo-sidebar-item.h"
#include "certo-window.h"
#include "../certo-test-util.h"
#include "certo-ui-test.h"

/* The embedded catalog: the seed's in-scope services */
#define EMBEDDED_N_SERVICES 18

/* The system's data folders, from before the test isolated them: icons and
 * the MIME database (which GdkPixbuf needs to read SVG icons) live there */
static char *system_data_dirs;

typedef struct
{
  char             *data_dir;
  CertoApplication *app;
  CertoWindow      *window;
  CertoLibraryView *library;
} Fixture;

typedef gboolean (*Condition) (Fixture *fixture);

static void store_result (GObject      *source,
                          GAsyncResult *result,
                          gpointer      user_data);

/* G_TEST_OPTION_ISOLATE_DIRS hides the system's data folders; the icon
 * theme and the MIME database (GdkPixbuf sniffs SVG icons with it) must
 * still come from there, or a missing icon is a fatal warning */
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

/* Iterates the main loop until @condition holds or @seconds pass; the
 * search entry's ~150 ms delay and the store's worker thread both need it */
static gboolean
wait_until (Fixture   *fixture,
            Condition  condition,
            double     seconds)
{
  return certo_ui_test_wait_until ((CertoUiCondition) condition, fixture, seconds);
}

static GtkWidget *
window_child (Fixture    *fixture,
              const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (fixture->window), CERTO_TYPE_WINDOW, name);

  g_assert_nonnull (child);
  return GTK_WIDGET (child);
}

static GtkWidget *
library_child (Fixture    *fixture,
               const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (fixture->library), CERTO_TYPE_LIBRARY_VIEW, name);

  g_assert_nonnull (child);
  return GTK_WIDGET (child);
}

static void
save_screenshot (Fixture    *fixture,
                 const char *name)
{
  certo_ui_test_save_screenshot (GTK_WIDGET (fixture->window), name, 300);
}

static guint
n_services (Fixture *fixture)
{
  return g_list_model_get_n_items (certo_library_view_get_services (fixture->library));
}

static guint
n_documents (Fixture *fixture)
{
  return g_list_model_get_n_items (certo_library_view_get_documents (fixture->library));
}

static gboolean
library_shown (Fixture *fixture)
{
  GtkStack *stack = GTK_STACK (window_child (fixture, "main_stack"));
  const char *page = gtk_stack_get_visible_child_name (stack);

  if (g_strcmp0 (page, "error") == 0)
    return TRUE;   /* stop waiting: the assertion below says why */

  return g_strcmp0 (page, "library") == 0 && n_documents (fixture) > 0;
}

static gboolean
import_done (Fixture *fixture)
{
  return !certo_window_is_importing (fixture->window);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *app_id = NULL;
  static guint n_applications;
  GtkStack *stack;

  use_system_data_dirs ();
  fixture->data_dir = g_build_filename (g_get_user_data_dir (), "certo-ui-test", NULL);
  g_setenv ("CERTO_DATA_DIR", fixture->data_dir, TRUE);

  fixture->app = certo_application_new ();
  /* A GApplication stays exported on the bus while anything holds it (GTK
   * does, until a shutdown that only g_application_run() emits): each
   * test's application has its own ID */
  app_id = g_strdup_printf ("%s.Test%u", APPLICATION_ID, ++n_applications);
  g_application_set_application_id (G_APPLICATION (fixture->app), app_id);
  /* Several applications in turn in one process, none on the bus name */
  g_application_set_flags (G_APPLICATION (fixture->app),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (fixture->app), NULL, &error);
  g_assert_no_error (error);

  g_application_activate (G_APPLICATION (fixture->app));
  fixture->window = CERTO_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (fixture->app)));
  g_assert_true (CERTO_IS_WINDOW (fixture->window));
  g_object_add_weak_pointer (G_OBJECT (fixture->window), (gpointer *) &fixture->window);
  fixture->library = CERTO_LIBRARY_VIEW (window_child (fixture, "library_view"));
  if (g_getenv ("CERTO_UI_SCREENSHOT_DIR") != NULL)
    gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1280, 800);

  wait_until (fixture, library_shown, 30);
  stack = GTK_STACK (window_child (fixture, "main_stack"));
  if (g_strcmp0 (gtk_stack_get_visible_child_name (stack), "error") == 0)
    g_error ("the catalog did not load: %s",
             adw_status_page_get_description (ADW_STATUS_PAGE (window_child (fixture, "error_page"))));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "library");
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  CertoCatalog *catalog = certo_application_get_catalog (fixture->app);

  /* Close every window (dialogs too), as the user would */
  while (TRUE)
    {
      GList *windows = gtk_application_get_windows (GTK_APPLICATION (fixture->app));

      if (windows == NULL)
        break;
      gtk_window_destroy (GTK_WINDOW (windows->data));
    }
  certo_ui_test_settle (50);
  g_assert_null (fixture->window);

  if (catalog != NULL)
    certo_store_close (certo_catalog_get_store (catalog));
  g_clear_object (&fixture->app);
  g_unsetenv ("CERTO_DATA_DIR");
  g_clear_pointer (&fixture->data_dir, g_free);
}

static gboolean search_changed;

/* Setting the text empties the entry first, and an empty entry's
 * search-changed comes at once: wait for the one with the whole text */
static void
on_search_changed (GtkSearchEntry *entry,
                   const char     *expected)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (entry)), expected) == 0)
    search_changed = TRUE;
}

static gboolean
search_settled (Fixture *fixture)
{
  return search_changed;
}

/* Types @text in the search entry and waits for GtkSearchEntry::search-changed,
 * which comes about 150 ms after the last key (more on a busy machine) */
static void
type_search (Fixture    *fixture,
             const char *text)
{
  GtkEditable *entry = GTK_EDITABLE (library_child (fixture, "search_entry"));
  gulong handler;

  certo_library_view_begin_search (fixture->library);
  g_assert_true (gtk_search_bar_get_search_mode (GTK_SEARCH_BAR (library_child (fixture, "search_bar"))));

  search_changed = FALSE;
  handler = g_signal_connect (entry, "search-changed", G_CALLBACK (on_search_changed), (gpointer) text);
  gtk_editable_set_text (entry, text);
  g_assert_true (wait_until (fixture, search_settled, 10));
  g_signal_handler_disconnect (entry, handler);
  certo_ui_test_settle (50);
}

static CertoService *
find_service_named (GListModel *model,
                    const char *name)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CertoService) service = g_list_model_get_item (model, i);

      if (g_strcmp0 (certo_service_get_name (service), name) == 0)
        return g_steal_pointer (&service);
    }

  return NULL;
}

/* Launching shows the embedded catalog: its 18 in-scope services */
static void
test_window_embedded_catalog (Fixture       *fixture,
                              gconstpointer  data)
{
  GtkStack *documents_stack = GTK_STACK (library_child (fixture, "documents_stack"));
  GtkListView *services_list = GTK_LIST_VIEW (library_child (fixture, "services_list"));

  g_assert_cmpuint (n_services (fixture), ==, EMBEDDED_N_SERVICES);
  g_assert_cmpuint (n_documents (fixture), >, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (documents_stack), ==, "list");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (services_list))),
                    ==, EMBEDDED_N_SERVICES);
  save_screenshot (fixture, "library");

  /* A BSI certificate can be verified in BSI's public directory */
  {
    GListModel *documents = certo_library_view_get_documents (fixture->library);
    GtkColumnView *view = GTK_COLUMN_VIEW (library_child (fixture, "documents_view"));
    GtkWidget *details = library_child (fixture, "details");
    GtkWidget *verify = GTK_WIDGET (gtk_widget_get_template_child (details, CERTO_TYPE_DOCUMENT_DETAILS, "verify_button"));
    guint position = GTK_INVALID_LIST_POSITION;

    for (guint i = 0; i < n_documents (fixture); i++)
      {
        g_autoptr(CertoDocument) document = g_list_model_get_item (documents, i);
        g_autofree char *verify_url = certo_document_dup_verify_url (document);

        if (verify_url != NULL && certo_document_get_certificate_number (document) != NULL)
          {
            g_assert_true (g_str_has_prefix (verify_url, "https://"));
            position = i;
            break;
          }
      }
    g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);
    gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (gtk_column_view_get_model (view)), position);
    certo_ui_test_settle (50);
    g_assert_true (gtk_widget_get_visible (verify));
    g_assert_true (gtk_widget_get_sensitive (verify));
    save_screenshot (fixture, "verify");

    /* A document without a certificate number has nothing to verify */
    for (guint i = 0; i < n_documents (fixture); i++)
      {
        g_autoptr(CertoDocument) document = g_list_model_get_item (documents, i);
        g_autofree char *verify_url = certo_document_dup_verify_url (document);

        if (verify_url == NULL)
          {
            gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (gtk_column_view_get_model (view)), i);
            certo_ui_test_settle (50);
            g_assert_false (gtk_widget_get_visible (verify));
            break;
          }
      }
  }

  /* The shortcuts and About windows open (and, for a person, look right) */
  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "show-help-overlay", NULL);
  certo_ui_test_settle (100);
  g_assert_nonnull (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (fixture->window)));
  certo_ui_test_save_screenshot (GTK_WIDGET (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (fixture->window))),
                          "shortcuts", 300);
  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "about", NULL);
  certo_ui_test_settle (100);
  {
    GListModel *toplevels = gtk_window_get_toplevels ();
    gboolean found = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

        if (ADW_IS_ABOUT_WINDOW (window))
          {
            found = TRUE;
            certo_ui_test_save_screenshot (GTK_WIDGET (window), "about", 300);
            gtk_window_destroy (window);
          }
      }
    g_assert_true (found);
  }
}

/* "Which certificate covers Intune": Ctrl+F, "Intune" leaves the Intune
 * service and the three Azure documents (certificate, report, SoA) */
static void
test_window_search_intune (Fixture       *fixture,
                           gconstpointer  data)
{
  GListModel *services = certo_library_view_get_services (fixture->library);
  GListModel *documents = certo_library_view_get_documents (fixture->library);
  g_autoptr(CertoService) intune = NULL;
  guint n_all = n_documents (fixture);

  type_search (fixture, "Intune");

  g_assert_cmpuint (n_services (fixture), ==, 1);
  intune = g_list_model_get_item (services, 0);
  g_assert_cmpstr (certo_service_get_name (intune), ==, "Intune");
  g_assert_cmpuint (n_documents (fixture), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(CertoDocument) document = g_list_model_get_item (documents, i);

      g_assert_cmpstr (certo_document_get_family_name (document), ==, "Azure");
    }
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (gtk_column_view_get_model (GTK_COLUMN_VIEW (library_child (fixture, "documents_view")))), 0);
  save_screenshot (fixture, "search-intune");

  /* A query with no match names it */
  type_search (fixture, "zzzz-no-such-thing");
  g_assert_cmpuint (n_documents (fixture), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (library_child (fixture, "documents_stack"))),
                   ==, "no-results");
  save_screenshot (fixture, "no-results");
  g_assert_nonnull (strstr (adw_status_page_get_description (ADW_STATUS_PAGE (library_child (fixture, "no_results_page"))),
                            "zzzz-no-such-thing"));

  /* Escape (leaving search mode) brings everything back */
  gtk_search_bar_set_search_mode (GTK_SEARCH_BAR (library_child (fixture, "search_bar")), FALSE);
  certo_ui_test_settle (300);
  g_assert_cmpuint (n_documents (fixture), ==, n_all);
  g_assert_cmpuint (n_services (fixture), ==, EMBEDDED_N_SERVICES);
}

/* Selecting a service shows the documents covering it */
static void
test_window_select_service (Fixture       *fixture,
                            gconstpointer  data)
{
  GListModel *documents = certo_library_view_get_documents (fixture->library);
  g_autoptr(CertoService) intune = find_service_named (certo_library_view_get_services (fixture->library), "Intune");
  guint n_all = n_documents (fixture);

  g_assert_nonnull (intune);
  certo_library_view_select_service (fixture->library, intune);
  certo_ui_test_settle (50);

  g_assert_cmpuint (n_documents (fixture), ==, 3);
  for (guint i = 0; i < n_documents (fixture); i++)
    {
      g_autoptr(CertoDocument) document = g_list_model_get_item (documents, i);
      const gint64 *ids;
      guint n_ids = 0;
      gboolean covers = FALSE;

      ids = certo_document_get_service_ids (document, &n_ids);
      for (guint j = 0; j < n_ids; j++)
        covers |= ids[j] == certo_service_get_id (intune);
      g_assert_true (covers);
    }
  g_assert_true (gtk_widget_get_visible (library_child (fixture, "clear_service_button")));
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (gtk_column_view_get_model (GTK_COLUMN_VIEW (library_child (fixture, "documents_view")))), 1);
  save_screenshot (fixture, "service-intune");

  /* "Show All" */
  g_signal_emit_by_name (library_child (fixture, "clear_service_button"), "clicked");
  certo_ui_test_settle (50);
  g_assert_cmpuint (n_documents (fixture), ==, n_all);
}

/* Selecting a family in the sidebar shows only its documents and services */
static void
test_window_family_filter (Fixture       *fixture,
                           gconstpointer  data)
{
  GtkListView *sidebar = GTK_LIST_VIEW (library_child (fixture, "sidebar_list"));
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (gtk_list_view_get_model (sidebar));
  GListModel *items = G_LIST_MODEL (selection);
  GListModel *documents = certo_library_view_get_documents (fixture->library);
  GListModel *services = certo_library_view_get_services (fixture->library);
  CertoFamily *azure = NULL;
  guint n_all = n_documents (fixture);
  guint position = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(CertoSidebarItem) item = g_list_model_get_item (items, i);

      if (certo_sidebar_item_get_kind (item) == CERTO_SIDEBAR_ITEM_FAMILY
          && g_strcmp0 (certo_sidebar_item_get_title (item), "Azure") == 0)
        {
          position = i;
          azure = certo_sidebar_item_get_family (item);
          g_assert_cmpuint (certo_sidebar_item_get_count (item), >, 0);
        }
    }
  g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);

  gtk_single_selection_set_selected (selection, position);
  certo_ui_test_settle (50);

  g_assert_cmpuint (n_documents (fixture), >, 0);
  g_assert_cmpuint (n_documents (fixture), <, n_all);
  for (guint i = 0; i < n_documents (fixture); i++)
    {
      g_autoptr(CertoDocument) document = g_list_model_get_item (documents, i);

      g_assert_cmpint (certo_document_get_family_id (document), ==, certo_family_get_id (azure));
    }
  g_assert_cmpuint (n_services (fixture), >, 0);
  for (guint i = 0; i < n_services (fixture); i++)
    {
      g_autoptr(CertoService) service = g_list_model_get_item (services, i);
      const gint64 *ids;
      guint n_ids = 0;
      gboolean in_family = FALSE;

      ids = certo_service_get_family_ids (service, &n_ids);
      for (guint j = 0; j < n_ids; j++)
        in_family |= ids[j] == certo_family_get_id (azure);
      g_assert_true (in_family);
    }

  save_screenshot (fixture, "family");

  /* "In-Scope Services": the list alone, until a service is chosen */
  gtk_single_selection_set_selected (selection, 1);
  certo_ui_test_settle (50);
  g_assert_cmpuint (n_services (fixture), ==, EMBEDDED_N_SERVICES);
  g_assert_false (gtk_widget_get_visible (library_child (fixture, "documents_pane")));
  save_screenshot (fixture, "in-scope-services");

  /* Back to "All Documents" */
  gtk_single_selection_set_selected (selection, 0);
  certo_ui_test_settle (50);
  g_assert_cmpuint (n_documents (fixture), ==, n_all);
}

/* A title from a feed is shown as those exact characters, never markup */
static void
test_window_plain_text_title (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *path = g_build_filename (UI_TEST_DATADIR, "markup-title.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkColumnView *view = GTK_COLUMN_VIEW (library_child (fixture, "documents_view"));
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (gtk_column_view_get_model (view));
  GListModel *documents = certo_library_view_get_documents (fixture->library);
  GtkWidget *details = library_child (fixture, "details");
  GtkLabel *title;
  GtkLabel *issuer;
  guint n_before = n_documents (fixture);
  guint position = GTK_INVALID_LIST_POSITION;

  certo_window_import_file (fixture->window, file);
  g_assert_true (certo_window_is_importing (fixture->window));
  g_assert_true (wait_until (fixture, import_done, 30));
  certo_ui_test_settle (50);
  g_assert_cmpuint (n_documents (fixture), ==, n_before + 1);

  for (guint i = 0; i < n_documents (fixture); i++)
    {
      g_autoptr(CertoDocument) document = g_list_model_get_item (documents, i);

      if (g_strcmp0 (certo_document_get_title (document), "<b>&amp;</b>") == 0)
        position = i;
    }
  g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);

  gtk_single_selection_set_selected (selection, position);
  certo_ui_test_settle (50);

  title = GTK_LABEL (gtk_widget_get_template_child (details, CERTO_TYPE_DOCUMENT_DETAILS, "title_label"));
  g_assert_false (gtk_label_get_use_markup (title));
  g_assert_cmpstr (gtk_label_get_text (title), ==, "<b>&amp;</b>");
  g_assert_cmpstr (gtk_label_get_label (title), ==, "<b>&amp;</b>");

  issuer = GTK_LABEL (gtk_widget_get_template_child (details, CERTO_TYPE_DOCUMENT_DETAILS, "issuer_value"));
  g_assert_false (gtk_label_get_use_markup (issuer));
  g_assert_cmpstr (gtk_label_get_text (issuer), ==, "<i>Issuer</i>");
  save_screenshot (fixture, "plain-text-title");

  /* "Copy Link" (Ctrl+C) puts the address on the clipboard, as it is */
  {
    GdkClipboard *clipboard = gtk_widget_get_clipboard (details);
    g_autoptr(GAsyncResult) result = NULL;
    g_autofree char *text = NULL;

    g_assert_true (gtk_widget_activate_action (details, "details.copy-link", NULL));
    gdk_clipboard_read_text_async (clipboard, NULL, store_result, &result);
    certo_test_wait_async (&result);
    text = gdk_clipboard_read_text_finish (clipboard, result, NULL);
    g_assert_cmpstr (text, ==, "https://example.org/certificate?a=1&b=2");
  }

  /* The search finds it by its certificate number, and keeps it selected */
  type_search (fixture, "IS 000001");
  g_assert_cmpuint (n_documents (fixture), ==, 1);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 0);
  g_assert_cmpstr (gtk_label_get_text (title), ==, "<b>&amp;</b>");
}

static void
store_result (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static AdwMessageDialog *
find_dialog (Fixture *fixture)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window)
          && gtk_window_get_transient_for (window) == GTK_WINDOW (fixture->window))
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

static gboolean
dialog_shown (Fixture *fixture)
{
  return find_dialog (fixture) != NULL;
}

/* A file that is not a catalog: an error the user reads, and the library
 * exactly as it was */
static void
test_window_bad_import (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *path = g_build_filename (UI_TEST_DATADIR, "not-a-catalog.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GListModel *documents = certo_library_view_get_documents (fixture->library);
  g_autoptr(GPtrArray) before = g_ptr_array_new_with_free_func (g_free);
  AdwMessageDialog *dialog;
  guint n_before = n_documents (fixture);

  for (guint i = 0; i < n_before; i++)
    {
      g_autoptr(CertoDocument) document = g_list_model_get_item (documents, i);

      g_ptr_array_add (before, g_strdup (certo_document_get_key (document)));
    }

  certo_window_import_file (fixture->window, file);
  g_assert_true (wait_until (fixture, import_done, 30));
  g_assert_true (wait_until (fixture, dialog_shown, 5));

  dialog = find_dialog (fixture);
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), "not-a-catalog.json"));
  g_assert_nonnull (adw_message_dialog_get_body (dialog));
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), !=, "");
  g_assert_false (adw_message_dialog_get_body_use_markup (dialog));
  g_test_message ("import error shown: %s", adw_message_dialog_get_body (dialog));
  certo_ui_test_save_screenshot (GTK_WIDGET (dialog), "bad-import", 300);

  g_assert_cmpuint (n_documents (fixture), ==, n_before);
  for (guint i = 0; i < n_before; i++)
    {
      g_autoptr(CertoDocument) document = g_list_model_get_item (documents, i);

      g_assert_cmpstr (certo_document_get_key (document), ==, g_ptr_array_index (before, i));
    }
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (window_child (fixture, "import_revealer"))));
}

/* A feed with a bad entry: the rest is imported, and the warning can be read */
static void
test_window_import_warnings (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *path = g_build_filename (UI_TEST_DATADIR, "one-bad-entry.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkSingleSelection *sidebar = GTK_SINGLE_SELECTION (gtk_list_view_get_model (GTK_LIST_VIEW (library_child (fixture, "sidebar_list"))));
  GtkSingleSelection *documents = GTK_SINGLE_SELECTION (gtk_column_view_get_model (GTK_COLUMN_VIEW (library_child (fixture, "documents_view"))));
  g_autofree char *family = NULL;
  g_autofree char *document_key = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *extra;
  guint n_before = n_documents (fixture);
  guint n_in_family;

  /* The last family: the import adds one before it */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (sidebar)); i++)
    {
      g_autoptr(CertoSidebarItem) item = g_list_model_get_item (G_LIST_MODEL (sidebar), i);

      if (certo_sidebar_item_get_kind (item) == CERTO_SIDEBAR_ITEM_FAMILY)
        {
          g_free (family);
          family = g_strdup (certo_sidebar_item_get_title (item));
          gtk_single_selection_set_selected (sidebar, i);
        }
    }
  certo_ui_test_settle (50);
  n_in_family = n_documents (fixture);
  g_assert_cmpuint (n_in_family, >, 0);
  gtk_single_selection_set_selected (documents, 0);
  certo_ui_test_settle (50);
  document_key = g_strdup (certo_document_get_key (gtk_single_selection_get_selected_item (documents)));

  certo_window_import_file (fixture->window, file);
  g_assert_true (wait_until (fixture, import_done, 30));
  certo_ui_test_settle (50);

  /* The section and the document the user had chosen stay chosen */
  g_assert_cmpstr (certo_sidebar_item_get_title (gtk_single_selection_get_selected_item (sidebar)), ==, family);
  g_assert_cmpuint (n_documents (fixture), ==, n_in_family);
  g_assert_nonnull (gtk_single_selection_get_selected_item (documents));
  g_assert_cmpstr (certo_document_get_key (gtk_single_selection_get_selected_item (documents)), ==, document_key);
  g_assert_true (certo_document_details_get_document (CERTO_DOCUMENT_DETAILS (library_child (fixture, "details")))
                 == gtk_single_selection_get_selected_item (documents));

  gtk_single_selection_set_selected (sidebar, 0);
  certo_ui_test_settle (50);
  g_assert_cmpuint (n_documents (fixture), ==, n_before + 1);

  /* The toast's "Details" button */
  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "import-details", NULL);
  g_assert_true (wait_until (fixture, dialog_shown, 5));
  dialog = find_dialog (fixture);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Import Warnings");
  extra = adw_message_dialog_get_extra_child (dialog);
  g_assert_true (GTK_IS_SCROLLED_WINDOW (extra));
  extra = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (extra));
  if (GTK_IS_VIEWPORT (extra))
    extra = gtk_viewport_get_child (GTK_VIEWPORT (extra));
  g_assert_true (GTK_IS_LABEL (extra));
  g_assert_false (gtk_label_get_use_markup (GTK_LABEL (extra)));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (extra)), "bad-scheme"));
  g_test_message ("warnings shown: %s", gtk_label_get_text (GTK_LABEL (extra)));
  certo_ui_test_save_screenshot (GTK_WIDGET (dialog), "import-warnings", 300);
}

static gboolean
error_or_library_shown (Fixture *fixture)
{
  const char *page = gtk_stack_get_visible_child_name (GTK_STACK (window_child (fixture, "main_stack")));

  return g_strcmp0 (page, "error") == 0 || g_strcmp0 (page, "library") == 0;
}

/* A catalog that cannot be opened: an error page with the core's message
 * and "Try Again", which works once the cause is gone */
static void
test_window_load_error (void)
{
  Fixture fixture_ = { NULL, }, *fixture = &fixture_;
  g_autoptr(GError) error = NULL;
  GtkStack *stack;
  const char *description;

  use_system_data_dirs ();
  /* The data folder is a file: the store cannot be created there */
  fixture->data_dir = g_build_filename (g_get_user_data_dir (), "not-a-folder", NULL);
  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  g_file_set_contents (fixture->data_dir, "", 0, &error);
  g_assert_no_error (error);
  g_setenv ("CERTO_DATA_DIR", fixture->data_dir, TRUE);

  fixture->app = certo_application_new ();
  g_application_set_application_id (G_APPLICATION (fixture->app), APPLICATION_ID ".TestError");
  g_application_set_flags (G_APPLICATION (fixture->app),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (fixture->app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (fixture->app));
  fixture->window = CERTO_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (fixture->app)));
  g_object_add_weak_pointer (G_OBJECT (fixture->window), (gpointer *) &fixture->window);
  fixture->library = CERTO_LIBRARY_VIEW (window_child (fixture, "library_view"));

  g_assert_true (wait_until (fixture, error_or_library_shown, 30));
  stack = GTK_STACK (window_child (fixture, "main_stack"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "error");
  description = adw_status_page_get_description (ADW_STATUS_PAGE (window_child (fixture, "error_page")));
  g_assert_nonnull (description);
  g_assert_cmpstr (description, !=, "");
  g_test_message ("load error shown: %s", description);
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (fixture->window), "reload"));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (fixture->window), "search"));
  save_screenshot (fixture, "load-error");

  /* The user fixes it and tries again */
  g_assert_cmpint (g_remove (fixture->data_dir), ==, 0);
  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "reload", NULL);
  g_assert_true (wait_until (fixture, library_shown, 30));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "library");
  g_assert_cmpuint (n_services (fixture), ==, EMBEDDED_N_SERVICES);

  fixture_teardown (fixture, NULL);
}

/* Dates read as dates in the user's language, never shifted a day */
/* Accessibility: what a screen reader is told */

/* A button that shows only an icon (or a spinner) says what it does in a
 * tooltip and in its accessible label; one with words says it with them */
static gboolean
is_icon_only (GtkWidget *widget)
{
  GtkWidget *child;

  if (GTK_IS_MENU_BUTTON (widget))
    return gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (widget)) != NULL;
  if (!GTK_IS_BUTTON (widget))
    return FALSE;
  if (gtk_button_get_icon_name (GTK_BUTTON (widget)) != NULL)
    return TRUE;

  child = gtk_button_get_child (GTK_BUTTON (widget));
  return child != NULL && !GTK_IS_LABEL (child) && !ADW_IS_BUTTON_CONTENT (child);
}

static guint
assert_buttons_named (GtkWidget *widget)
{
  guint n_checked = 0;

  /* libadwaita's and GTK's own composites (view switchers, window
   * buttons, drop-downs) name their parts themselves; a menu button's
   * inner toggle is the menu button */
  if (ADW_IS_VIEW_SWITCHER (widget) || ADW_IS_VIEW_SWITCHER_BAR (widget) || GTK_IS_WINDOW_CONTROLS (widget)
      || GTK_IS_DROP_DOWN (widget))
    return 0;

  if (gtk_widget_get_visible (widget) && is_icon_only (widget))
    {
      if (gtk_widget_get_tooltip_text (widget) == NULL
          || !gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL))
        g_error ("an icon-only %s (in a %s) has no tooltip or no accessible label",
                 G_OBJECT_TYPE_NAME (widget), G_OBJECT_TYPE_NAME (gtk_widget_get_parent (widget)));
      n_checked++;
    }

  if (GTK_IS_MENU_BUTTON (widget))
    return n_checked;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n_checked += assert_buttons_named (child);

  return n_checked;
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = G_TYPE_CHECK_INSTANCE_TYPE (child, type) ? child : find_descendant (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* A button of the library's content header, by its icon */
static GtkWidget *
header_button (Fixture    *fixture,
               const char *icon_name)
{
  GtkWidget *header = gtk_widget_get_ancestor (library_child (fixture, "refresh_button"), ADW_TYPE_HEADER_BAR);
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  GtkWidget *widget = header;

  /* Depth-first, without recursion into menu buttons */
  while (widget != NULL)
    {
      GtkWidget *next;

      if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (widget)), icon_name) == 0)
        return widget;

      next = GTK_IS_MENU_BUTTON (widget) ? NULL : gtk_widget_get_first_child (widget);
      while (next == NULL && widget != header)
        {
          next = gtk_widget_get_next_sibling (widget);
          if (next == NULL)
            widget = gtk_widget_get_parent (widget);
        }
      widget = next;
    }

  g_error ("no button with the icon %s in the header bar", icon_name);
  return NULL;
}

static gboolean
documents_selected (Fixture *fixture)
{
  GtkWidget *details = library_child (fixture, "details");

  return certo_document_details_get_document (CERTO_DOCUMENT_DETAILS (details)) != NULL;
}

/* What a user sees before pressing Return: the details' Open button */
static gboolean
details_open_ready (Fixture *fixture)
{
  GtkWidget *details = library_child (fixture, "details");
  GtkWidget *open = GTK_WIDGET (gtk_widget_get_template_child (details, CERTO_TYPE_DOCUMENT_DETAILS, "open_button"));

  return gtk_widget_get_mapped (open) && gtk_widget_is_sensitive (open);
}

/* The main controls have a role and a name; every icon-only button on
 * every page has a tooltip and an accessible label */
static void
test_window_accessible (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkWidget *details = library_child (fixture, "details");
  GtkColumnView *view = GTK_COLUMN_VIEW (library_child (fixture, "documents_view"));
  AdwViewStack *stack = ADW_VIEW_STACK (window_child (fixture, "view_stack"));
  GtkWidget *open_link = NULL;
  const char *buttons[] = { "open_button", "copy_button", "verify_button", "evidence_button" };
  guint n_checked;

  gtk_test_accessible_assert_role (library_child (fixture, "search_entry"), GTK_ACCESSIBLE_ROLE_SEARCH_BOX);
  gtk_test_accessible_assert_property (library_child (fixture, "search_entry"), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Search services and documents");
  gtk_test_accessible_assert_role (library_child (fixture, "sidebar_list"), GTK_ACCESSIBLE_ROLE_LIST);
  gtk_test_accessible_assert_property (library_child (fixture, "sidebar_list"), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Library sections");
  gtk_test_accessible_assert_role (library_child (fixture, "services_list"), GTK_ACCESSIBLE_ROLE_LIST);
  gtk_test_accessible_assert_property (library_child (fixture, "services_list"), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "In-scope services");
  g_assert_true (gtk_test_accessible_has_role (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_ROLE_TREE_GRID));
  gtk_test_accessible_assert_property (view, GTK_ACCESSIBLE_PROPERTY_LABEL, "Documents");

  /* The header bar's icon buttons */
  gtk_test_accessible_assert_role (library_child (fixture, "refresh_button"), GTK_ACCESSIBLE_ROLE_BUTTON);
  gtk_test_accessible_assert_property (library_child (fixture, "refresh_button"), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Refresh Sources");
  gtk_test_accessible_assert_property (header_button (fixture, "system-search-symbolic"),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Search");
  gtk_test_accessible_assert_property (library_child (fixture, "menu_button"), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Main Menu");
  gtk_test_accessible_assert_property (library_child (fixture, "save_shown_button"), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Save the Documents Listed for Offline Reading");

  /* The details of a document with links: its buttons say what they do */
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (gtk_column_view_get_model (view)), 0);
  g_assert_true (wait_until (fixture, documents_selected, 5));
  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    {
      GtkWidget *button = GTK_WIDGET (gtk_widget_get_template_child (details, CERTO_TYPE_DOCUMENT_DETAILS,
                                                                     buttons[i]));

      gtk_test_accessible_assert_role (button, GTK_ACCESSIBLE_ROLE_BUTTON);
      g_assert_nonnull (gtk_button_get_label (GTK_BUTTON (button)));
    }
  {
    GtkWidget *links = GTK_WIDGET (gtk_widget_get_template_child (details, CERTO_TYPE_DOCUMENT_DETAILS, "links_list"));
    GtkWidget *services = GTK_WIDGET (gtk_widget_get_template_child (details, CERTO_TYPE_DOCUMENT_DETAILS,
                                                                     "services_list"));
    GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (links), 0);

    /* Each list is named by the heading above it */
    g_assert_true (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (links), GTK_ACCESSIBLE_RELATION_LABELLED_BY));
    g_assert_true (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (services), GTK_ACCESSIBLE_RELATION_LABELLED_BY));
    g_assert_nonnull (row);
    /* The row's "Open Link" button */
    open_link = find_descendant (GTK_WIDGET (row), GTK_TYPE_BUTTON);
    g_assert_nonnull (open_link);
    gtk_test_accessible_assert_property (open_link, GTK_ACCESSIBLE_PROPERTY_LABEL, "Open Link");
  }

  /* Every page, each built as it is first shown */
  n_checked = assert_buttons_named (GTK_WIDGET (fixture->window));
  adw_view_stack_set_visible_child_name (stack, "workspace");
  certo_ui_test_settle (50);
  n_checked += assert_buttons_named (GTK_WIDGET (fixture->window));
  adw_view_stack_set_visible_child_name (stack, "downloads");
  certo_ui_test_settle (50);
  n_checked += assert_buttons_named (GTK_WIDGET (fixture->window));
  g_test_message ("%u icon-only buttons checked", n_checked);
  g_assert_cmpuint (n_checked, >=, 8);
}

/* Visible labels under @widget that take the keyboard focus */
static guint
count_focusable_labels (GtkWidget *widget)
{
  guint n = 0;

  if (!gtk_widget_get_visible (widget))
    return 0;
  if (GTK_IS_LABEL (widget) && gtk_widget_get_focusable (widget))
    {
      g_test_message ("focusable label: “%s”", gtk_label_get_text (GTK_LABEL (widget)));
      n++;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_focusable_labels (child);

  return n;
}

static gboolean
menu_has_action (GMenuModel *model,
                 const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *name = NULL;

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &name) &&
          g_strcmp0 (name, action) == 0)
        return TRUE;
    }

  return FALSE;
}

/* QA: each value label was a Tab stop (about 30 to reach a link's
 * button) and showed all selected on focus; Return on a document and F6
 * reach the details at once; a link row's menu has the link's actions */
static void
test_window_details_keyboard (Fixture       *fixture,
                              gconstpointer  data)
{
  GtkWidget *details = library_child (fixture, "details");
  GtkColumnView *view = GTK_COLUMN_VIEW (library_child (fixture, "documents_view"));
  GtkWidget *open = GTK_WIDGET (gtk_widget_get_template_child (details, CERTO_TYPE_DOCUMENT_DETAILS, "open_button"));
  GtkWidget *links = GTK_WIDGET (gtk_widget_get_template_child (details, CERTO_TYPE_DOCUMENT_DETAILS, "links_list"));
  GtkLabel *title = GTK_LABEL (gtk_widget_get_template_child (details, CERTO_TYPE_DOCUMENT_DETAILS, "title_label"));
  GtkWidget *row;
  GtkWidget *menu;
  GtkRoot *root = GTK_ROOT (fixture->window);
  const char *url;

  gtk_window_present (GTK_WINDOW (fixture->window));
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (gtk_column_view_get_model (view)), 0);
  g_assert_true (wait_until (fixture, documents_selected, 5));
  /* On a busy machine the pane may map a while after the selection */
  g_assert_true (wait_until (fixture, details_open_ready, 5));
  certo_ui_test_settle (50);

  /* Values stay selectable, but only controls take the focus */
  g_assert_true (gtk_label_get_selectable (title));
  g_assert_cmpuint (count_focusable_labels (details), ==, 0);

  /* Return on a document: its first action */
  gtk_widget_grab_focus (GTK_WIDGET (view));
  g_signal_emit_by_name (view, "activate", 0);
  g_assert_true (gtk_root_get_focus (root) == open);

  /* F6 from the details goes on to the next pane, and back again */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->library), "library.focus-pane", "b", TRUE));
  g_assert_false (gtk_widget_is_ancestor (gtk_root_get_focus (root), details));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->library), "library.focus-pane", "b", FALSE));
  g_assert_true (gtk_root_get_focus (root) == open);
  gtk_widget_grab_focus (GTK_WIDGET (view));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->library), "library.focus-pane", "b", TRUE));
  g_assert_true (gtk_root_get_focus (root) == open);

  /* A link row: one Tab stop, its menu opens or copies the link */
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (links), 0));
  g_assert_nonnull (row);
  g_assert_false (adw_preferences_row_get_title_selectable (ADW_PREFERENCES_ROW (row)));
  menu = find_descendant (row, GTK_TYPE_POPOVER_MENU);
  g_assert_nonnull (menu);
  g_assert_true (menu_has_action (gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (menu)), "details.open-url"));
  g_assert_true (menu_has_action (gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (menu)), "details.copy-url"));
  url = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
  g_assert_true (gtk_widget_activate_action (details, "details.copy-url", "s", url));
}

/* The Workspace and Downloads pages join the window when first shown:
 * the first frame lays out the library only */
static void
test_window_lazy_pages (Fixture       *fixture,
                        gconstpointer  data)
{
  AdwViewStack *stack = ADW_VIEW_STACK (window_child (fixture, "view_stack"));
  AdwBin *workspace_bin = ADW_BIN (window_child (fixture, "workspace_bin"));
  AdwBin *downloads_bin = ADW_BIN (window_child (fixture, "downloads_bin"));

  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "library");
  g_assert_null (adw_bin_get_child (workspace_bin));
  g_assert_null (adw_bin_get_child (downloads_bin));
  g_assert_false (adw_view_stack_get_hhomogeneous (stack));
  g_assert_false (adw_view_stack_get_vhomogeneous (stack));

  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "show-downloads", NULL);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "downloads");
  g_assert_true (CERTO_IS_DOWNLOADS_VIEW (adw_bin_get_child (downloads_bin)));
  g_assert_null (adw_bin_get_child (workspace_bin));

  adw_view_stack_set_visible_child_name (stack, "workspace");
  g_assert_true (adw_bin_get_child (workspace_bin) == GTK_WIDGET (certo_window_get_workspace_view (fixture->window)));

  /* Shown once, kept */
  adw_view_stack_set_visible_child_name (stack, "library");
  adw_view_stack_set_visible_child_name (stack, "downloads");
  g_assert_true (CERTO_IS_DOWNLOADS_VIEW (adw_bin_get_child (downloads_bin)));
}

static int
min_width (GtkWidget *widget)
{
  int minimum = 0;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  return minimum;
}

static gboolean
leaflet_folded (Fixture *fixture)
{
  return adw_leaflet_get_folded (ADW_LEAFLET (library_child (fixture, "leaflet")));
}

/* At 360 px (a phone) every page fits, the library folds to one pane at
 * a time, and the refresh button stays in the header bar */
static void
test_window_narrow (Fixture       *fixture,
                    gconstpointer  data)
{
  AdwViewStack *stack = ADW_VIEW_STACK (window_child (fixture, "view_stack"));
  AdwLeaflet *leaflet = ADW_LEAFLET (library_child (fixture, "leaflet"));
  GtkWidget *refresh = library_child (fixture, "refresh_button");
  const char *pages[] = { "library", "workspace", "downloads" };

  gtk_window_unmaximize (GTK_WINDOW (fixture->window));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 360, 720);
  g_assert_true (wait_until (fixture, leaflet_folded, 10));
  certo_ui_test_settle (100);

  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "content");
  g_assert_true (gtk_widget_get_mapped (refresh));
  g_assert_true (gtk_widget_get_mapped (header_button (fixture, "system-search-symbolic")));
  g_assert_true (gtk_widget_get_mapped (library_child (fixture, "menu_button")));
  /* Back to the sections */
  g_assert_true (gtk_widget_get_mapped (header_button (fixture, "go-previous-symbolic")));
  save_screenshot (fixture, "library-narrow");

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      adw_view_stack_set_visible_child_name (stack, pages[i]);
      certo_ui_test_settle (50);
      g_test_message ("%s: %d px at the least", pages[i], min_width (GTK_WIDGET (stack)));
      g_assert_cmpint (min_width (GTK_WIDGET (stack)), <=, 360);
      g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->window)), <=, 360);
    }
}

static int
title_column_width (Fixture *fixture)
{
  GtkWidget *view = library_child (fixture, "documents_view");
  GtkWidget *header = gtk_widget_get_first_child (view);

  /* The header row's first child is the Title column's header */
  return gtk_widget_get_width (gtk_widget_get_first_child (header));
}

static gboolean
title_wide (Fixture *fixture)
{
  return title_column_width (fixture) >= 280;
}

/* QA: at 1280 px the Title column showed "Azure, Microsoft Cl…" (the
 * other columns took their natural widths first); at 360 px the header
 * said "Libr…" over "18 se…" */
static void
test_window_title_column (Fixture       *fixture,
                          gconstpointer  data)
{
  AdwViewSwitcherTitle *title = ADW_VIEW_SWITCHER_TITLE (library_child (fixture, "content_title"));

  gtk_window_unmaximize (GTK_WINDOW (fixture->window));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1280, 800);
  certo_ui_test_settle (300);
  g_assert_true (wait_until (fixture, title_wide, 5));
  g_test_message ("Title column at 1280 px: %d px", title_column_width (fixture));
  save_screenshot (fixture, "title-column-1280");
  g_assert_cmpstr (adw_view_switcher_title_get_subtitle (title), !=, "");

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 360, 720);
  g_assert_true (wait_until (fixture, leaflet_folded, 10));
  certo_ui_test_settle (300);
  g_test_message ("Title column at 360 px: %d px", title_column_width (fixture));
  save_screenshot (fixture, "title-column-360");
  g_assert_cmpint (title_column_width (fixture), >=, 180);
  g_assert_cmpstr (adw_view_switcher_title_get_subtitle (title), ==, "");
}

static void
test_format_date (void)
{
  g_autofree char *date = certo_format_date ("2019-11-05");
  g_autofree char *bad = certo_format_date ("not a date");

  g_assert_nonnull (strstr (date, "2019"));
  g_assert_nonnull (strstr (date, "5"));
  g_assert_cmpstr (bad, ==, "not a date");
  g_assert_null (certo_format_date (NULL));
  g_assert_null (certo_format_date (""));
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

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  /* GTK's test accessibility backend: what a screen reader would be told,
   * kept for gtk_test_accessible_assert_*(), without an AT-SPI bus */
  g_setenv ("GTK_A11Y", "test", TRUE);

  /* The application's own resources are linked in; no display: skip */
  if (!gtk_init_check ())
    {
      g_test_skip ("no display (run under xvfb-run)");
      return g_test_run ();
    }

  g_test_add_func ("/ui/format-date", test_format_date);
  g_test_add_func ("/ui/window/load-error", test_window_load_error);
  g_test_add ("/ui/window/embedded-catalog", Fixture, NULL,
              fixture_setup, test_window_embedded_catalog, fixture_teardown);
  g_test_add ("/ui/window/search-intune", Fixture, NULL,
              fixture_setup, test_window_search_intune, fixture_teardown);
  g_test_add ("/ui/window/select-service", Fixture, NULL,
              fixture_setup, test_window_select_service, fixture_teardown);
  g_test_add ("/ui/window/family-filter", Fixture, NULL,
              fixture_setup, test_window_family_filter, fixture_teardown);
  g_test_add ("/ui/window/plain-text-title", Fixture, NULL,
              fixture_setup, test_window_plain_text_title, fixture_teardown);
  g_test_add ("/ui/window/bad-import", Fixture, NULL,
              fixture_setup, test_window_bad_import, fixture_teardown);
  g_test_add ("/ui/window/import-warnings", Fixture, NULL,
              fixture_setup, test_window_import_warnings, fixture_teardown);
  g_test_add ("/ui/window/accessible", Fixture, NULL,
              fixture_setup, test_window_accessible, fixture_teardown);
  g_test_add ("/ui/window/lazy-pages", Fixture, NULL,
              fixture_setup, test_window_lazy_pages, fixture_teardown);
  g_test_add ("/ui/window/narrow", Fixture, NULL,
              fixture_setup, test_window_narrow, fixture_teardown);
  g_test_add ("/ui/window/title-column", Fixture, NULL,
              fixture_setup, test_window_title_column, fixture_teardown);
  g_test_add ("/ui/window/details-keyboard", Fixture, NULL,
              fixture_setup, test_window_details_keyboard, fixture_teardown);

  return g_test_run ();
}
