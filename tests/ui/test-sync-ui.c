/* test-sync-ui.c — sources, refresh, What's New, offline documents and the
 * offline state as a user meets them: a real application and window, a
 * real store in a temporary data folder, a real HTTP server in this
 * process, a network monitor the test switches off, and a stand-in for
 * the desktop's notification server on the session bus
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "certo.h"
#include "certo-application.h"
#include "certo-document-details.h"
#include "certo-document-offline.h"
#include "certo-downloads-view.h"
#include "certo-library-view.h"
#include "certo-offline-bar.h"
#include "certo-offline-row.h"
#include "certo-reader-view.h"
#include "certo-sidebar-item.h"
#include "certo-source-row.h"
#include "certo-sources-page.h"
#include "certo-whats-new.h"
#include "certo-window.h"
#include "../certo-test-server.h"
#include "../certo-test-util.h"
#include "certo-ui-test.h"

/* The system's data folders, from before the test isolated them (icons) */
static char *system_data_dirs;

/* What the stand-in notification server received */
typedef struct
{
  char *app_id;
  char *id;
  char *title;
  char *body;
  char *default_action;
} Notification;

static GPtrArray *notifications;
static gboolean notifications_served;
static GDBusConnection *notification_bus;

typedef struct
{
  CertoTestServer   *server;
  GNetworkMonitor   *monitor;
  CertoClient       *client;
  CertoTestDocument *feed;
  GBytes            *pdf;
  char              *dir;
  char              *data_dir;
  CertoApplication  *app;
  CertoWindow       *window;
  CertoLibraryView  *library;
} Fixture;

typedef gboolean (*Condition) (Fixture *fixture);

/* A feed of @n_documents documents: a saveable PDF certificate numbered
 * @number (or, when @number is %NULL, a guide instead: the certificate
 * left the feed), a report behind a sign-in, white papers */
static char *
make_feed (Fixture    *fixture,
           const char *number,
           guint       n_documents)
{
  g_autofree char *pdf_url = certo_test_server_url (fixture->server, "/files/cert.pdf");
  g_autofree char *signin_url = certo_test_server_url (fixture->server, "/files/signin");
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *joined = NULL;

  if (number != NULL)
    g_ptr_array_add (entries, g_strdup_printf (
      "{\"id\": \"cert\", \"kind\": \"certificate\", \"title\": \"Northwind cloud certificate\","
      " \"family\": \"cloud\", \"standards\": [\"iso27001-2022\"], \"services\": [\"storage\"],"
      " \"issuer\": \"BSI\", \"certificate_number\": \"%s\", \"issued\": \"2023-01-01\","
      " \"expires\": \"2026-01-01\", \"url\": \"%s\"}", number, pdf_url));
  else
    g_ptr_array_add (entries, g_strdup ("{\"id\": \"keep\", \"kind\": \"guide\", \"title\": \"Northwind guide\","
                                        " \"url\": \"https://example.com/guide.pdf\"}"));
  if (n_documents > 1)
    g_ptr_array_add (entries, g_strdup_printf (
      "{\"id\": \"report\", \"kind\": \"audit-report\", \"title\": \"Northwind audit report\","
      " \"family\": \"cloud\", \"url\": \"%s\"}", signin_url));
  for (guint i = 2; i < n_documents; i++)
    g_ptr_array_add (entries, g_strdup_printf (
      "{\"id\": \"paper%u\", \"kind\": \"whitepaper\", \"title\": \"Northwind paper %u\","
      " \"url\": \"https://example.com/paper%u.pdf\"}", i, i, i));
  g_ptr_array_add (entries, NULL);
  joined = g_strjoinv (", ", (char **) entries->pdata);

  return g_strdup_printf (
    "{\"format\": \"certo-catalog\", \"version\": 1, \"id\": \"northwind\","
    " \"title\": {\"en\": \"Northwind\"}, \"publisher\": \"Northwind\", \"updated\": \"2024-01-01\","
    " \"standards\": [{\"id\": \"iso27001-2022\", \"name\": \"ISO/IEC 27001:2022\"}],"
    " \"families\": [{\"id\": \"cloud\", \"name\": \"Northwind Cloud\"}],"
    " \"services\": [{\"id\": \"storage\", \"name\": \"Northwind Storage\", \"families\": [\"cloud\"]}],"
    " \"documents\": [%s]}", joined);
}

static void
set_feed (Fixture    *fixture,
          const char *number,
          guint       n_documents)
{
  g_autofree char *json = make_feed (fixture, number, n_documents);
  g_autoptr(GBytes) body = g_bytes_new (json, strlen (json));

  if (fixture->feed == NULL)
    fixture->feed = certo_test_server_add_document (fixture->server, "/feed.json", "application/json", body);
  else
    certo_test_document_set_body (fixture->feed, body);
}

/* Main loop helpers */

static gboolean
wait_until (Fixture   *fixture,
            Condition  condition,
            double     seconds)
{
  return certo_ui_test_wait_until ((CertoUiCondition) condition, fixture, seconds);
}

/* The stand-in for the desktop's notification server (org.gtk.Notifications,
 * which GLib's GNotification backend calls when the name has an owner) */

static void
notification_free (gpointer data)
{
  Notification *n = data;

  g_free (n->app_id);
  g_free (n->id);
  g_free (n->title);
  g_free (n->body);
  g_free (n->default_action);
  g_free (n);
}

static void
on_notification_method (GDBusConnection       *connection,
                        const char            *sender,
                        const char            *object_path,
                        const char            *interface_name,
                        const char            *method_name,
                        GVariant              *parameters,
                        GDBusMethodInvocation *invocation,
                        gpointer               user_data)
{
  if (g_str_equal (method_name, "AddNotification"))
    {
      Notification *n = g_new0 (Notification, 1);
      g_autoptr(GVariant) dict = NULL;

      g_variant_get (parameters, "(ss@a{sv})", &n->app_id, &n->id, &dict);
      g_variant_lookup (dict, "title", "s", &n->title);
      g_variant_lookup (dict, "body", "s", &n->body);
      g_variant_lookup (dict, "default-action", "s", &n->default_action);
      g_ptr_array_add (notifications, n);
    }

  g_dbus_method_invocation_return_value (invocation, NULL);
}

static void
serve_notifications (void)
{
  static const char xml[] =
    "<node><interface name='org.gtk.Notifications'>"
    "<method name='AddNotification'><arg type='s' direction='in'/><arg type='s' direction='in'/>"
    "<arg type='a{sv}' direction='in'/></method>"
    "<method name='RemoveNotification'><arg type='s' direction='in'/><arg type='s' direction='in'/></method>"
    "</interface></node>";
  static const GDBusInterfaceVTable vtable = { on_notification_method, NULL, NULL, { 0 } };
  g_autoptr(GDBusConnection) bus = NULL;
  g_autoptr(GDBusNodeInfo) info = NULL;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  notifications = g_ptr_array_new_with_free_func (notification_free);

  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  if (bus == NULL)
    return;

  info = g_dbus_node_info_new_for_xml (xml, &error);
  g_assert_no_error (error);
  g_dbus_connection_register_object (bus, "/org/gtk/Notifications", info->interfaces[0],
                                     &vtable, NULL, NULL, &error);
  g_assert_no_error (error);
  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "RequestName",
                                       g_variant_new ("(su)", "org.gtk.Notifications", 4 /* do not queue */),
                                       G_VARIANT_TYPE ("(u)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
  notifications_served = reply != NULL;
  if (!notifications_served)
    g_test_message ("no stand-in notification server: %s", error->message);
  else
    notification_bus = g_steal_pointer (&bus);   /* the name goes with the connection */
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

static guint
n_documents (Fixture *fixture)
{
  return g_list_model_get_n_items (certo_library_view_get_documents (fixture->library));
}

static gboolean
library_shown (Fixture *fixture)
{
  GtkStack *stack = GTK_STACK (certo_ui_test_child (fixture->window, CERTO_TYPE_WINDOW, "main_stack"));
  const char *page = gtk_stack_get_visible_child_name (stack);

  return g_strcmp0 (page, "error") == 0 || (g_strcmp0 (page, "library") == 0 && n_documents (fixture) > 0);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GProxyResolver) proxy = certo_test_no_proxy_resolver ();
  g_autofree char *app_id = NULL;
  g_autofree char *cache_dir = NULL;
  g_autoptr(GBytes) login = g_bytes_new_static ("<!DOCTYPE html><html><form>Sign in</form></html>", 48);
  static guint n_applications;
  GString *pdf = g_string_new ("%PDF-1.4\n");

  use_system_data_dirs ();

  fixture->server = certo_test_server_new ();
  for (guint i = 0; i < 4096; i++)
    g_string_append_printf (pdf, "%% line %u of a test document\n", i);
  g_string_append (pdf, "%%EOF\n");
  fixture->pdf = g_string_free_to_bytes (pdf);
  certo_test_server_add_document (fixture->server, "/files/cert.pdf", "application/pdf", fixture->pdf);
  certo_test_server_add_document (fixture->server, "/files/signin", "text/html", login);
  set_feed (fixture, "IS 1", 6);

  fixture->dir = g_dir_make_tmp ("certo-sync-ui-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->data_dir = g_build_filename (fixture->dir, "data", NULL);
  cache_dir = g_build_filename (fixture->dir, "cache", NULL);
  g_setenv ("CERTO_DATA_DIR", fixture->data_dir, TRUE);
  g_setenv ("CERTO_CACHE_DIR", cache_dir, TRUE);

  /* A client with a network monitor the test switches off (the
   * application's test-only "client" property) */
  fixture->monitor = certo_test_network_monitor_new ();
  fixture->client = certo_client_new_full (proxy, NULL, fixture->monitor);

  app_id = g_strdup_printf ("%s.SyncTest%u", APPLICATION_ID, ++n_applications);
  fixture->app = g_object_new (CERTO_TYPE_APPLICATION,
                               "application-id", app_id,
                               "flags", G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE,
                               "resource-base-path", "/io/github/certo/Certo",
                               "client", fixture->client,
                               NULL);
  g_application_register (G_APPLICATION (fixture->app), NULL, &error);
  g_assert_no_error (error);

  g_application_activate (G_APPLICATION (fixture->app));
  fixture->window = CERTO_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (fixture->app)));
  g_assert_true (CERTO_IS_WINDOW (fixture->window));
  g_object_add_weak_pointer (G_OBJECT (fixture->window), (gpointer *) &fixture->window);
  fixture->library = CERTO_LIBRARY_VIEW (certo_ui_test_child (fixture->window, CERTO_TYPE_WINDOW, "library_view"));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1280, 800);

  g_assert_true (wait_until (fixture, library_shown, 30));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (certo_ui_test_child (fixture->window, CERTO_TYPE_WINDOW,
                                                                              "main_stack"))),
                   ==, "library");
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  CertoCatalog *catalog = certo_application_get_catalog (fixture->app);

  while (TRUE)
    {
      GList *windows = gtk_application_get_windows (GTK_APPLICATION (fixture->app));

      if (windows == NULL)
        break;
      gtk_window_destroy (GTK_WINDOW (windows->data));
    }
  certo_ui_test_settle (100);
  g_assert_null (fixture->window);

  if (catalog != NULL)
    certo_store_close (certo_catalog_get_store (catalog));
  g_clear_object (&fixture->app);
  g_clear_object (&fixture->client);
  g_clear_object (&fixture->monitor);
  g_clear_pointer (&fixture->server, certo_test_server_free);
  g_clear_pointer (&fixture->pdf, g_bytes_unref);
  remove_tree (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
  g_clear_pointer (&fixture->data_dir, g_free);
  g_unsetenv ("CERTO_DATA_DIR");
  g_unsetenv ("CERTO_CACHE_DIR");
  if (notifications != NULL)
    g_ptr_array_set_size (notifications, 0);
}

/* Steps a user takes */

static CertoSourcesPage *
open_sources (Fixture *fixture)
{
  GtkWindow *window;
  GtkWidget *page;

  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "show-sources", NULL);
  certo_ui_test_settle (100);
  window = certo_window_show_sources (fixture->window);
  g_assert_true (ADW_IS_PREFERENCES_WINDOW (window));
  gtk_window_set_default_size (window, 720, 640);
  page = GTK_WIDGET (adw_preferences_window_get_visible_page (ADW_PREFERENCES_WINDOW (window)));
  g_assert_true (CERTO_IS_SOURCES_PAGE (page));

  return CERTO_SOURCES_PAGE (page);
}

static CertoDocument *
find_document (Fixture    *fixture,
               const char *title)
{
  GListModel *documents = certo_catalog_get_documents (certo_application_get_catalog (fixture->app));

  for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
    {
      g_autoptr(CertoDocument) document = g_list_model_get_item (documents, i);

      if (g_strcmp0 (certo_document_get_title (document), title) == 0)
        return document;
    }

  return NULL;
}

static gboolean
northwind_shown (Fixture *fixture)
{
  return find_document (fixture, "Northwind cloud certificate") != NULL;
}

static gboolean
northwind_gone (Fixture *fixture)
{
  return !northwind_shown (fixture);
}

static gboolean
sync_idle (Fixture *fixture)
{
  CertoSync *sync = certo_application_get_sync (fixture->app);

  return !certo_sync_get_busy (sync) && !certo_window_is_refreshing (fixture->window);
}

/* Adds the feed through the Sources page, as "Add Source…" does */
static CertoSourcesPage *
add_feed (Fixture *fixture)
{
  CertoSourcesPage *page = open_sources (fixture);
  g_autofree char *url = certo_test_server_url (fixture->server, "/feed.json");

  certo_sources_page_add_source (page, url, NULL, CERTO_SOURCE_FORMAT_AUTO);
  g_assert_true (wait_until (fixture, northwind_shown, 30));
  g_assert_true (wait_until (fixture, sync_idle, 30));
  certo_ui_test_settle (50);

  return page;
}

static CertoDocumentDetails *
select_document (Fixture    *fixture,
                 const char *title)
{
  CertoDocument *document = find_document (fixture, title);

  g_assert_nonnull (document);
  g_assert_true (certo_library_view_select_document (fixture->library, document));
  certo_ui_test_settle (50);

  return CERTO_DOCUMENT_DETAILS (certo_ui_test_child (fixture->library, CERTO_TYPE_LIBRARY_VIEW, "details"));
}

/* Tests */

/* "Add Source…" with a feed's address: the source is listed with its
 * documents, and the documents appear in the Library */
static void
test_add_source (Fixture       *fixture,
                 gconstpointer  data)
{
  CertoSourcesPage *page;
  GListModel *sources;
  gboolean found = FALSE;

  page = add_feed (fixture);
  sources = certo_sources_page_get_sources (page);
  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(CertoSource) source = g_list_model_get_item (sources, i);

      if (certo_source_get_kind (source) == CERTO_SOURCE_KIND_URL)
        {
          found = TRUE;
          g_assert_cmpstr (certo_source_get_name (source), ==, "Northwind");
          g_assert_cmpuint (certo_source_get_n_documents (source), ==, 6);
          g_assert_nonnull (certo_source_get_last_refresh (source));
          g_assert_null (certo_source_get_last_error (source));
        }
    }
  g_assert_true (found);

  /* What a screen reader is told: the list, each row by its source's
   * name, the row's refresh button by what it refreshes */
  {
    GtkWidget *list = certo_ui_test_child (page, CERTO_TYPE_SOURCES_PAGE, "sources_list");
    guint n_rows = 0;

    gtk_test_accessible_assert_role (list, GTK_ACCESSIBLE_ROLE_LIST);
    gtk_test_accessible_assert_property (list, GTK_ACCESSIBLE_PROPERTY_LABEL, "Sources");
    for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
      {
        CertoSource *source;
        GtkWidget *refresh;

        if (!CERTO_IS_SOURCE_ROW (row))
          continue;
        n_rows++;
        source = certo_source_row_get_source (CERTO_SOURCE_ROW (row));
        gtk_test_accessible_assert_property (row, GTK_ACCESSIBLE_PROPERTY_LABEL, certo_source_get_name (source));
        if (certo_source_get_kind (source) != CERTO_SOURCE_KIND_URL)
          continue;
        refresh = certo_ui_test_child (row, CERTO_TYPE_SOURCE_ROW, "refresh_button");
        gtk_test_accessible_assert_property (refresh, GTK_ACCESSIBLE_PROPERTY_LABEL, "Refresh “Northwind”");
        g_assert_nonnull (gtk_widget_get_tooltip_text (refresh));
      }
    g_assert_cmpuint (n_rows, ==, 2);
  }

  /* The Library shows them; a first import is not news */
  g_assert_nonnull (find_document (fixture, "Northwind audit report"));
  g_assert_false (certo_document_is_updated (find_document (fixture, "Northwind cloud certificate")));
  g_assert_cmpuint (notifications->len, ==, 0);

  certo_ui_test_save_screenshot (GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (page))), "sources", 400);
  gtk_window_set_default_size (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (page))), 360, 640);
  certo_ui_test_settle (200);
  certo_ui_test_save_screenshot (GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (page))), "sources-narrow", 400);

  /* Remove: gone from the list at once (with an undo toast); done for
   * good when the Sources window closes */
  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(CertoSource) source = g_list_model_get_item (sources, i);

      if (certo_source_get_kind (source) == CERTO_SOURCE_KIND_URL)
        {
          g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "sources.remove", "x",
                                                     certo_source_get_id (source)));
          break;
        }
    }
  g_assert_cmpuint (g_list_model_get_n_items (sources), ==, 1);
  g_assert_true (northwind_shown (fixture));
  gtk_window_destroy (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (page))));
  g_assert_true (wait_until (fixture, northwind_gone, 30));
}

static gboolean
notified (Fixture *fixture)
{
  return notifications->len > 0;
}

/* The feed changes (a renewed certificate number); Ctrl+R: What's New
 * lists exactly that change, the document shows "Updated", a notification
 * says so and opens What's New */
static void
test_whats_new (Fixture       *fixture,
                gconstpointer  data)
{
  CertoDocumentDetails *details;
  GListModel *changes;
  CertoWhatsNew *whats_new;
  guint n_news = 0;
  guint position = GTK_INVALID_LIST_POSITION;

  add_feed (fixture);
  gtk_window_destroy (certo_window_show_sources (fixture->window));

  set_feed (fixture, "IS 2", 6);
  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "refresh", NULL);
  g_assert_true (certo_window_is_refreshing (fixture->window));
  g_assert_true (wait_until (fixture, sync_idle, 30));

  changes = certo_library_view_get_changes (fixture->library);
  for (guint i = 0; i < g_list_model_get_n_items (changes); i++)
    {
      g_autoptr(CertoChange) change = g_list_model_get_item (changes, i);
      const CertoFieldChange *fields;
      guint n_fields = 0;

      if (certo_change_get_kind (change) == CERTO_CHANGE_FIRST_IMPORT)
        continue;

      n_news++;
      position = i;
      g_assert_cmpint (certo_change_get_kind (change), ==, CERTO_CHANGE_DOCUMENT_CHANGED);
      g_assert_cmpstr (certo_change_get_title (change), ==, "Northwind cloud certificate");
      g_assert_cmpstr (certo_change_get_source_name (change), ==, "Northwind");
      fields = certo_change_get_fields (change, &n_fields);
      g_assert_cmpuint (n_fields, ==, 1);
      g_assert_cmpstr (fields[0].field, ==, "certificate_number");
      g_assert_cmpstr (fields[0].old_value, ==, "IS 1");
      g_assert_cmpstr (fields[0].new_value, ==, "IS 2");
      {
        g_autofree char *details_text = certo_change_dup_details (change);

        g_assert_nonnull (strstr (details_text, "IS 1 → IS 2"));
      }
    }
  g_assert_cmpuint (n_news, ==, 1);

  /* A desktop notification, whose default action shows What's New */
  if (notifications_served)
    {
      Notification *n;

      g_assert_true (wait_until (fixture, notified, 10));
      n = g_ptr_array_index (notifications, 0);
      g_assert_cmpuint (notifications->len, ==, 1);
      g_assert_true (g_str_has_suffix (n->app_id, g_application_get_application_id (G_APPLICATION (fixture->app))));
      g_assert_nonnull (strstr (n->title, "Northwind"));
      g_assert_cmpstr (n->body, ==, "1 document changed");
      g_assert_cmpstr (n->default_action, ==, "app.show-whats-new");
    }
  else
    {
      g_test_message ("no session bus: the notification was not checked");
    }

  /* The default action: What's New in the Library */
  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "show-whats-new", NULL);
  certo_ui_test_settle (50);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (certo_ui_test_child (fixture->library, CERTO_TYPE_LIBRARY_VIEW,
                                                                              "content_stack"))),
                   ==, "whats-new");
  certo_ui_test_save_screenshot (GTK_WIDGET (fixture->window), "whats-new", 400);

  /* Activating the change shows the document, with its badge */
  whats_new = CERTO_WHATS_NEW (certo_ui_test_child (fixture->library, CERTO_TYPE_LIBRARY_VIEW, "whats_new"));
  certo_whats_new_activate (whats_new, position);
  certo_ui_test_settle (50);
  details = CERTO_DOCUMENT_DETAILS (certo_ui_test_child (fixture->library, CERTO_TYPE_LIBRARY_VIEW, "details"));
  g_assert_nonnull (certo_document_details_get_document (details));
  g_assert_cmpstr (certo_document_get_title (certo_document_details_get_document (details)), ==,
                   "Northwind cloud certificate");
  g_assert_true (certo_document_is_updated (certo_document_details_get_document (details)));
  g_assert_true (gtk_widget_get_visible (certo_ui_test_child (details, CERTO_TYPE_DOCUMENT_DETAILS, "updated_badge")));
  g_assert_cmpstr (certo_document_get_certificate_number (certo_document_details_get_document (details)), ==, "IS 2");
  certo_ui_test_save_screenshot (GTK_WIDGET (fixture->window), "updated", 400);
}

static gboolean
offline_state_is (Fixture    *fixture,
                  const char *state)
{
  CertoDocumentDetails *details = CERTO_DOCUMENT_DETAILS (certo_ui_test_child (fixture->library, CERTO_TYPE_LIBRARY_VIEW, "details"));
  CertoDocumentOffline *section = CERTO_DOCUMENT_OFFLINE (certo_ui_test_child (details, CERTO_TYPE_DOCUMENT_DETAILS,
                                                                     "offline_section"));

  return g_strcmp0 (certo_document_offline_get_state (section), state) == 0;
}

static gboolean
saved (Fixture *fixture)
{
  return offline_state_is (fixture, "saved");
}

static gboolean
signed_out (Fixture *fixture)
{
  return offline_state_is (fixture, "sign-in");
}

static gboolean
downloads_notified (Fixture *fixture)
{
  for (guint i = 0; i < notifications->len; i++)
    if (g_strcmp0 (((Notification *) g_ptr_array_index (notifications, i))->id, "downloads") == 0)
      return TRUE;

  return FALSE;
}

/* QA: the "notify-downloads" setting was read by nothing. Downloads that
 * end while no window of Certo is in front send one notification when it
 * is on, none when it is off */
static void
test_notify_downloads (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  CertoDocumentDetails *details;
  GtkWidget *section;
  Notification *n = NULL;

  if (!notifications_served)
    {
      g_test_skip ("no session bus for the stand-in notification server");
      return;
    }

  add_feed (fixture);
  gtk_window_destroy (certo_window_show_sources (fixture->window));
  /* Under Xvfb without a window manager no window is ever in front */
  g_assert_false (gtk_window_is_active (GTK_WINDOW (fixture->window)));

  /* On: one notification, whose default action shows Downloads */
  g_settings_set_boolean (settings, "notify-downloads", TRUE);
  g_ptr_array_set_size (notifications, 0);
  details = select_document (fixture, "Northwind cloud certificate");
  section = certo_ui_test_child (details, CERTO_TYPE_DOCUMENT_DETAILS, "offline_section");
  g_assert_true (gtk_widget_activate_action (section, "offline.save", NULL));
  g_assert_true (wait_until (fixture, saved, 30));
  g_assert_true (wait_until (fixture, downloads_notified, 10));
  g_assert_cmpuint (notifications->len, ==, 1);
  n = g_ptr_array_index (notifications, 0);
  g_assert_cmpstr (n->title, ==, "1 Document Saved for Offline Reading");
  g_assert_cmpstr (n->default_action, ==, "app.show-downloads");

  /* Off: none, for a download that fails either */
  g_settings_set_boolean (settings, "notify-downloads", FALSE);
  g_ptr_array_set_size (notifications, 0);
  details = select_document (fixture, "Northwind audit report");
  section = certo_ui_test_child (details, CERTO_TYPE_DOCUMENT_DETAILS, "offline_section");
  g_assert_true (gtk_widget_activate_action (section, "offline.save", NULL));
  g_assert_true (wait_until (fixture, signed_out, 30));
  certo_ui_test_settle (500);
  g_assert_cmpuint (notifications->len, ==, 0);

  /* On again: the failure is told */
  g_settings_set_boolean (settings, "notify-downloads", TRUE);
  g_assert_true (gtk_widget_activate_action (section, "offline.save", NULL));
  g_assert_true (wait_until (fixture, downloads_notified, 30));
  n = g_ptr_array_index (notifications, 0);
  g_assert_cmpstr (n->title, ==, "1 Download Failed");

  /* Its default action */
  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "show-downloads", NULL);
  certo_ui_test_settle (50);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (certo_ui_test_child (fixture->window, CERTO_TYPE_WINDOW,
                                                                                       "view_stack"))),
                   ==, "downloads");
}

/* "Save for Offline" in the details: the copy shows there and in
 * Downloads with its SHA-256 and size */
static void
test_save_offline (Fixture       *fixture,
                   gconstpointer  data)
{
  CertoDocumentDetails *details;
  GtkWidget *section;
  CertoDownloadsView *downloads;
  GtkListBox *saved_list;
  GtkListBoxRow *row;
  CertoOfflineDocument *copy;
  g_autofree char *sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, fixture->pdf);
  g_autofree char *offline_dir = g_build_filename (fixture->data_dir, "offline", NULL);
  g_autofree char *copy_path = NULL;

  add_feed (fixture);
  gtk_window_destroy (certo_window_show_sources (fixture->window));

  details = select_document (fixture, "Northwind cloud certificate");
  section = certo_ui_test_child (details, CERTO_TYPE_DOCUMENT_DETAILS, "offline_section");
  g_assert_true (offline_state_is (fixture, "none"));
  g_assert_true (gtk_widget_activate_action (section, "offline.save", NULL));
  g_assert_true (wait_until (fixture, saved, 30));

  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (certo_ui_test_child (section, CERTO_TYPE_DOCUMENT_OFFLINE, "sha256_label"))),
                   ==, sha256);
  certo_ui_test_save_screenshot (GTK_WIDGET (fixture->window), "details-saved", 400);

  /* Downloads: the finished download, the saved copy with its SHA-256 */
  certo_window_show_downloads (fixture->window);
  downloads = CERTO_DOWNLOADS_VIEW (adw_bin_get_child (ADW_BIN (certo_ui_test_child (fixture->window, CERTO_TYPE_WINDOW,
                                                                            "downloads_bin"))));
  saved_list = GTK_LIST_BOX (certo_ui_test_child (downloads, CERTO_TYPE_DOWNLOADS_VIEW, "saved_list"));
  row = gtk_list_box_get_row_at_index (saved_list, 0);
  g_assert_true (CERTO_IS_OFFLINE_ROW (row));
  g_assert_null (gtk_list_box_get_row_at_index (saved_list, 1));
  copy = certo_offline_row_get_document (CERTO_OFFLINE_ROW (row));
  g_assert_cmpstr (certo_offline_document_get_sha256 (copy), ==, sha256);
  g_assert_cmpuint (certo_offline_document_get_size (copy), ==, g_bytes_get_size (fixture->pdf));
  g_assert_true (g_str_has_prefix (certo_downloads_view_get_usage (downloads), "Offline documents use "));
  {
    GtkWidget *sha_label = certo_ui_test_child (row, CERTO_TYPE_OFFLINE_ROW, "sha256_label");

    g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (sha_label)), sha256));
    g_assert_true (gtk_label_get_selectable (GTK_LABEL (sha_label)));
  }
  copy_path = g_strdup (certo_offline_document_get_path (copy));
  g_assert_true (g_str_has_prefix (copy_path, offline_dir));
  g_assert_true (g_file_test (copy_path, G_FILE_TEST_IS_REGULAR));
  certo_ui_test_save_screenshot (GTK_WIDGET (fixture->window), "downloads", 400);

  /* The certificate leaves the feed: it stays, withdrawn, while saved */
  certo_window_show_whats_new (fixture->window);
  set_feed (fixture, NULL, 6);
  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "refresh", NULL);
  g_assert_true (wait_until (fixture, sync_idle, 30));
  g_assert_true (wait_until (fixture, northwind_shown, 5));
  details = select_document (fixture, "Northwind cloud certificate");
  g_assert_true (certo_document_get_withdrawn (certo_document_details_get_document (details)));
  g_assert_true (gtk_widget_get_visible (certo_ui_test_child (details, CERTO_TYPE_DOCUMENT_DETAILS, "withdrawn_box")));
  g_assert_true (saved (fixture));
  certo_ui_test_save_screenshot (GTK_WIDGET (fixture->window), "withdrawn", 400);
  certo_window_show_downloads (fixture->window);

  /* At phone width the page still reads */
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 360, 720);
  certo_ui_test_settle (200);
  certo_ui_test_save_screenshot (GTK_WIDGET (fixture->window), "downloads-narrow", 400);
  certo_window_show_whats_new (fixture->window);
  certo_ui_test_save_screenshot (GTK_WIDGET (fixture->window), "whats-new-narrow", 400);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1280, 800);
  g_assert_true (g_file_test (copy_path, G_FILE_TEST_IS_REGULAR));
}

static CertoOfflineJob *
find_job (Fixture    *fixture,
          const char *title)
{
  GListModel *queue = certo_offline_get_queue (certo_application_get_offline (fixture->app));

  for (guint i = 0; i < g_list_model_get_n_items (queue); i++)
    {
      g_autoptr(CertoOfflineJob) job = g_list_model_get_item (queue, i);

      if (g_strcmp0 (certo_offline_job_get_title (job), title) == 0)
        return job;
    }

  return NULL;
}

static gboolean
queue_filled (Fixture *fixture)
{
  return g_list_model_get_n_items (certo_offline_get_queue (certo_application_get_offline (fixture->app))) > 1;
}

static gboolean
no_download_active (Fixture *fixture)
{
  return certo_offline_get_n_active (certo_application_get_offline (fixture->app)) == 0;
}

static gboolean
family_jobs_ended (Fixture *fixture)
{
  CertoOfflineJob *saved_job = find_job (fixture, "Northwind cloud certificate");
  CertoOfflineJob *sign_in_job = find_job (fixture, "Northwind audit report");

  return saved_job != NULL && sign_in_job != NULL
         && certo_offline_job_get_state (saved_job) == CERTO_OFFLINE_JOB_DONE
         && certo_offline_job_get_state (sign_in_job) == CERTO_OFFLINE_JOB_FAILED;
}

/* "Save All for Offline" on a family in the sidebar: its documents are
 * queued and shown in Downloads; the one behind a sign-in fails with the
 * core's sentence and leaves nothing; the others of the catalog are not
 * touched */
static void
test_save_family (Fixture       *fixture,
                  gconstpointer  data)
{
  CertoOffline *offline = certo_application_get_offline (fixture->app);
  GListModel *sections;
  g_autofree char *key = NULL;
  CertoOfflineJob *job;
  GtkListBox *queue_list;

  add_feed (fixture);
  gtk_window_destroy (certo_window_show_sources (fixture->window));

  sections = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (certo_ui_test_child (fixture->library,
                                                                             CERTO_TYPE_LIBRARY_VIEW,
                                                                             "sidebar_list"))));
  for (guint i = 0; i < g_list_model_get_n_items (sections) && key == NULL; i++)
    {
      g_autoptr(CertoSidebarItem) item = g_list_model_get_item (sections, i);

      if (certo_sidebar_item_get_kind (item) == CERTO_SIDEBAR_ITEM_FAMILY
          && g_strcmp0 (certo_sidebar_item_get_title (item), "Northwind Cloud") == 0)
        key = certo_sidebar_item_dup_key (item);
    }
  g_assert_nonnull (key);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->library), "library.save-section-offline", "s", key));
  g_assert_true (wait_until (fixture, family_jobs_ended, 30));

  /* Exactly the family's two documents */
  g_assert_cmpuint (g_list_model_get_n_items (certo_offline_get_queue (offline)), ==, 2);
  g_assert_nonnull (certo_offline_lookup (offline, certo_document_get_id (find_document (fixture,
                                                                                         "Northwind cloud certificate"))));
  job = find_job (fixture, "Northwind audit report");
  g_assert_error (certo_offline_job_get_error (job), CERTO_CLIENT_ERROR, CERTO_CLIENT_ERROR_SIGN_IN_REQUIRED);
  g_assert_null (certo_offline_lookup (offline, certo_offline_job_get_document_id (job)));
  g_assert_cmpuint (g_list_model_get_n_items (certo_offline_get_documents (offline)), ==, 1);

  /* Downloads lists both, built when first shown */
  certo_window_show_downloads (fixture->window);
  queue_list = GTK_LIST_BOX (certo_ui_test_child (adw_bin_get_child (ADW_BIN (certo_ui_test_child (fixture->window, CERTO_TYPE_WINDOW,
                                                                             "downloads_bin"))),
                                       CERTO_TYPE_DOWNLOADS_VIEW, "queue_list"));
  g_assert_nonnull (gtk_list_box_get_row_at_index (queue_list, 1));
  g_assert_null (gtk_list_box_get_row_at_index (queue_list, 2));
  certo_ui_test_save_screenshot (GTK_WIDGET (fixture->window), "downloads-family", 400);

  /* "Save All for Offline" (the main menu) queues every document not
   * saved yet; Cancel All stops them (no test waits on the Internet) */
  certo_offline_clear_finished (offline);
  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "save-all-offline", NULL);
  g_assert_true (wait_until (fixture, queue_filled, 10));
  g_assert_cmpuint (g_list_model_get_n_items (certo_offline_get_queue (offline)), ==,
                    g_list_model_get_n_items (certo_catalog_get_documents (certo_application_get_catalog (fixture->app))) - 1);
  certo_offline_cancel_all (offline);
  g_assert_true (wait_until (fixture, no_download_active, 30));
}

/* A sign-in page where the document was expected: the details say so with
 * the core's sentence, offer the browser and "Attach…", and keep nothing */
static void
test_sign_in (Fixture       *fixture,
              gconstpointer  data)
{
  CertoDocumentDetails *details;
  GtkWidget *section;
  CertoOffline *offline = certo_application_get_offline (fixture->app);
  g_autofree char *offline_dir = g_build_filename (fixture->data_dir, "offline", NULL);
  g_autoptr(GDir) dir = NULL;
  CertoDocument *document;

  add_feed (fixture);
  gtk_window_destroy (certo_window_show_sources (fixture->window));

  details = select_document (fixture, "Northwind audit report");
  document = certo_document_details_get_document (details);
  section = certo_ui_test_child (details, CERTO_TYPE_DOCUMENT_DETAILS, "offline_section");
  g_assert_true (gtk_widget_activate_action (section, "offline.save", NULL));
  g_assert_true (wait_until (fixture, signed_out, 30));

  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (certo_ui_test_child (section, CERTO_TYPE_DOCUMENT_OFFLINE, "sign_in_label"))),
                   ==, "This document needs a sign-in at the provider; download it in your browser, then attach it");
  g_assert_null (certo_offline_lookup (offline, certo_document_get_id (document)));
  dir = g_dir_open (offline_dir, 0, NULL);
  g_assert_true (dir == NULL || g_dir_read_name (dir) == NULL);
  certo_ui_test_save_screenshot (GTK_WIDGET (fixture->window), "sign-in", 400);
}

static gboolean
bar_revealed (Fixture *fixture)
{
  GtkWidget *bar = certo_ui_test_child (fixture->library, CERTO_TYPE_LIBRARY_VIEW, "offline_bar");

  return gtk_revealer_get_reveal_child (GTK_REVEALER (certo_ui_test_child (bar, CERTO_TYPE_OFFLINE_BAR, "revealer")));
}

static gboolean
bar_hidden (Fixture *fixture)
{
  return !bar_revealed (fixture);
}

/* Offline: the info bar says since when the data is; refreshing and
 * saving are insensitive with a tooltip that says why */
static void
test_offline_state (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkWidget *bar = certo_ui_test_child (fixture->library, CERTO_TYPE_LIBRARY_VIEW, "offline_bar");
  GtkWidget *refresh = certo_ui_test_child (fixture->library, CERTO_TYPE_LIBRARY_VIEW, "refresh_button");
  CertoDocumentDetails *details;
  GtkWidget *save;

  add_feed (fixture);
  gtk_window_destroy (certo_window_show_sources (fixture->window));
  details = select_document (fixture, "Northwind cloud certificate");
  save = certo_ui_test_child (certo_ui_test_child (details, CERTO_TYPE_DOCUMENT_DETAILS, "offline_section"),
                   CERTO_TYPE_DOCUMENT_OFFLINE, "save_button");
  g_assert_false (bar_revealed (fixture));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (fixture->window), "refresh"));
  g_assert_true (gtk_widget_get_sensitive (save));

  certo_test_network_monitor_set_available (fixture->monitor, FALSE);
  g_assert_true (wait_until (fixture, bar_revealed, 5));
  g_assert_true (g_str_has_prefix (certo_offline_bar_get_text (CERTO_OFFLINE_BAR (bar)), "Offline — showing data from "));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (fixture->window), "refresh"));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (fixture->window), "save-all-offline"));
  g_assert_false (gtk_widget_get_sensitive (save));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (save), "offline"));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (refresh), "offline"));
  certo_ui_test_save_screenshot (GTK_WIDGET (fixture->window), "offline", 400);

  certo_test_network_monitor_set_available (fixture->monitor, TRUE);
  g_assert_true (wait_until (fixture, bar_hidden, 5));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (fixture->window), "refresh"));
  g_assert_true (gtk_widget_get_sensitive (save));
}

static gboolean
n_sources_is_two (Fixture *fixture)
{
  return g_list_model_get_n_items (certo_catalog_get_sources (certo_application_get_catalog (fixture->app))) == 2;
}

static GtkWindow *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window))
        return window;
    }

  return NULL;
}

static gboolean
dialog_shown (Fixture *fixture)
{
  return find_dialog () != NULL;
}

static gboolean
only_one_document (Fixture *fixture)
{
  return find_document (fixture, "Northwind audit report") == NULL && northwind_shown (fixture);
}

/* A feed that lost most of its entries: the refresh is refused and the
 * page asks before accepting the removals */
static void
test_shrink_guard (Fixture       *fixture,
                   gconstpointer  data)
{
  CertoSourcesPage *page = add_feed (fixture);
  GListModel *sources = certo_sources_page_get_sources (page);
  GtkWindow *dialog;
  gint64 id = 0;

  g_assert_true (n_sources_is_two (fixture));
  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(CertoSource) source = g_list_model_get_item (sources, i);

      if (certo_source_get_kind (source) == CERTO_SOURCE_KIND_URL)
        id = certo_source_get_id (source);
    }
  g_assert_cmpint (id, >, 0);

  set_feed (fixture, "IS 1", 1);
  certo_sources_page_refresh_source (page, id, CERTO_IMPORT_FLAGS_NONE);
  g_assert_true (wait_until (fixture, dialog_shown, 30));
  dialog = find_dialog ();
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), "Northwind"));
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "accept"));
  g_assert_nonnull (find_document (fixture, "Northwind audit report"));
  certo_ui_test_save_screenshot (GTK_WIDGET (dialog), "accept-removals", 400);

  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "accept");
  gtk_window_destroy (dialog);
  g_assert_true (wait_until (fixture, only_one_document, 30));
}

static gboolean
not_importing (Fixture *fixture)
{
  return !certo_window_is_importing (fixture->window);
}

static void
write_feed_file (Fixture    *fixture,
                 const char *path,
                 guint       n_documents)
{
  g_autofree char *json = make_feed (fixture, "IS 9", n_documents);
  g_autoptr(GString) contoso = g_string_new (json);
  g_autoptr(GError) error = NULL;

  g_string_replace (contoso, "northwind", "contoso", 0);
  g_string_replace (contoso, "Northwind", "Contoso", 0);
  g_file_set_contents (path, contoso->str, contoso->len, &error);
  g_assert_no_error (error);
}

static gboolean
contoso_shrunk (Fixture *fixture)
{
  return find_document (fixture, "Contoso audit report") == NULL
         && find_document (fixture, "Contoso cloud certificate") != NULL;
}

/* Importing a file that would withdraw most of what an earlier import of
 * it brought: "Import Anyway?" */
static void
test_import_anyway (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "contoso.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkWindow *dialog;

  write_feed_file (fixture, path, 6);
  certo_window_import_file (fixture->window, file);
  g_assert_true (wait_until (fixture, not_importing, 30));
  g_assert_nonnull (find_document (fixture, "Contoso audit report"));

  write_feed_file (fixture, path, 1);
  certo_window_import_file (fixture->window, file);
  g_assert_true (wait_until (fixture, dialog_shown, 30));
  dialog = find_dialog ();
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), "contoso.json"));
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "import"));
  g_assert_nonnull (find_document (fixture, "Contoso audit report"));
  certo_ui_test_save_screenshot (GTK_WIDGET (dialog), "import-anyway", 400);

  /* What a click on the button does: the response, then the dialog closes */
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "import");
  gtk_window_destroy (dialog);
  g_assert_true (wait_until (fixture, contoso_shrunk, 30));
}

static gboolean
reader_loaded (Fixture *fixture)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_WINDOW (window) && CERTO_IS_READER_VIEW (adw_window_get_content (ADW_WINDOW (window))))
        return certo_reader_view_get_loaded (CERTO_READER_VIEW (adw_window_get_content (ADW_WINDOW (window))));
    }

  return FALSE;
}

static gboolean
article_shown (Fixture *fixture)
{
  GListModel *sources = certo_catalog_get_sources (certo_application_get_catalog (fixture->app));

  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(CertoSource) source = g_list_model_get_item (sources, i);

      if (certo_source_get_format (source) == CERTO_SOURCE_FORMAT_ARTICLE && certo_source_get_n_documents (source) > 0)
        return TRUE;
    }

  return FALSE;
}

/* An article source: "Read Article" shows its overview and FAQ in either
 * language, links as links */
static void
test_reader (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *path = certo_test_data_path ("articles/localized.md");
  g_autoptr(GBytes) article = certo_test_load_bytes (path);
  g_autofree char *url = certo_test_server_url (fixture->server, "/docs/offering-localized.md");
  CertoSourcesPage *page = open_sources (fixture);
  GListModel *sources;
  CertoSource *source = NULL;
  GtkWindow *window;
  CertoReaderView *reader;
  g_autofree char *italian = NULL;

  certo_test_server_add_document (fixture->server, "/docs/offering-localized.md", "text/markdown", article);
  certo_sources_page_add_source (page, url, NULL, CERTO_SOURCE_FORMAT_ARTICLE);
  g_assert_true (wait_until (fixture, article_shown, 30));
  g_assert_true (wait_until (fixture, sync_idle, 30));

  sources = certo_catalog_get_sources (certo_application_get_catalog (fixture->app));
  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(CertoSource) item = g_list_model_get_item (sources, i);

      if (certo_source_get_format (item) == CERTO_SOURCE_FORMAT_ARTICLE)
        source = item;
    }
  g_assert_nonnull (source);

  /* A reader of Italian: the text opens in Italian, with a switch to English */
  g_setenv ("LANGUAGE", "it", TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "sources.read", "x", certo_source_get_id (source)));
  g_assert_true (wait_until (fixture, reader_loaded, 10));
  window = NULL;
  {
    GListModel *toplevels = gtk_window_get_toplevels ();

    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GtkWindow) item = g_list_model_get_item (toplevels, i);

        if (ADW_IS_WINDOW (item) && CERTO_IS_READER_VIEW (adw_window_get_content (ADW_WINDOW (item))))
          window = item;
      }
  }
  g_assert_nonnull (window);
  g_unsetenv ("LANGUAGE");
  reader = CERTO_READER_VIEW (adw_window_get_content (ADW_WINDOW (window)));
  g_assert_nonnull (certo_reader_view_get_languages (reader));
  g_assert_cmpstr (certo_reader_view_get_language (reader), ==, "it");
  g_assert_true (gtk_widget_get_visible (certo_ui_test_child (reader, CERTO_TYPE_READER_VIEW, "language_box")));
  certo_ui_test_save_screenshot (GTK_WIDGET (window), "reader", 400);
  italian = g_strdup (certo_reader_view_get_text (reader));

  /* The switch: English */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (certo_ui_test_child (reader, CERTO_TYPE_READER_VIEW, "english_button")), TRUE);
  g_assert_cmpstr (certo_reader_view_get_language (reader), ==, "en");
  g_assert_cmpuint (strlen (certo_reader_view_get_text (reader)), >, 0);
  g_assert_cmpstr (certo_reader_view_get_text (reader), !=, italian);
  certo_ui_test_save_screenshot (GTK_WIDGET (window), "reader-en", 400);
  gtk_window_destroy (window);
}

/* `certo --version` and `certo --help` */
static void
test_command_line (void)
{
  const char *argv_version[] = { CERTO_GUI_PATH, "--version", NULL };
  const char *argv_help[] = { CERTO_GUI_PATH, "--help", NULL };
  g_autofree char *out = NULL;
  g_autofree char *help = NULL;
  g_autoptr(GError) error = NULL;
  int status = -1;

  g_spawn_sync (NULL, (char **) argv_version, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_cmpstr (out, ==, "certo " PACKAGE_VERSION "\n");

  g_spawn_sync (NULL, (char **) argv_help, NULL, G_SPAWN_DEFAULT, NULL, NULL, &help, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (help, "--version"));
  g_assert_nonnull (strstr (help, ".certo"));
  g_assert_nonnull (strstr (help, "FILE"));
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

  certo_test_server_prepare_environment ();
  /* GLib picks the notification backend once: the stand-in server's */
  g_setenv ("GNOTIFICATION_BACKEND", "gtk", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  /* GTK's test accessibility backend, for gtk_test_accessible_assert_*() */
  g_setenv ("GTK_A11Y", "test", TRUE);

  g_test_add_func ("/ui/sync/command-line", test_command_line);

  if (!gtk_init_check ())
    {
      g_test_skip ("no display (run under xvfb-run)");
      return g_test_run ();
    }

  serve_notifications ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/ui/sync/add-source", test_add_source);
  ADD ("/ui/sync/whats-new", test_whats_new);
  ADD ("/ui/sync/save-offline", test_save_offline);
  ADD ("/ui/sync/sign-in", test_sign_in);
  ADD ("/ui/sync/save-family", test_save_family);
  ADD ("/ui/sync/offline-state", test_offline_state);
  ADD ("/ui/sync/shrink-guard", test_shrink_guard);
  ADD ("/ui/sync/reader", test_reader);
  ADD ("/ui/sync/import-anyway", test_import_anyway);
  ADD ("/ui/sync/notify-downloads", test_notify_downloads);

#undef ADD

  return g_test_run ();
}
