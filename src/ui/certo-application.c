/* certo-application.c — the application: owns the store and the catalog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "certo-application.h"
#include "certo-window.h"

struct _CertoApplication
{
  AdwApplication  parent_instance;

  CertoStore     *store;
  CertoCatalog   *catalog;
  GSettings      *settings;
  GCancellable   *cancellable;
  gboolean        loading;
  GtkWindow      *window_to_present;   /* (weak) shown when the catalog is in */
  guint           present_timeout;
  gint64          start_time;
  gboolean        recovery_offered;
};

G_DEFINE_FINAL_TYPE (CertoApplication, certo_application, ADW_TYPE_APPLICATION)

/* Without the compiled schema (an uninstalled build), GSettings would abort:
 * look it up and go on without keeping the window size. */
static GSettings *
lookup_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);

  if (schema == NULL)
    {
      g_warning ("The settings schema %s is not installed; the window size will not be kept "
                 "(set GSETTINGS_SCHEMA_DIR to the build's data folder)", APPLICATION_ID);
      return NULL;
    }

  return g_settings_new_full (schema, NULL, NULL);
}

static CertoWindow *
get_window (CertoApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (CERTO_IS_WINDOW (window))
    return CERTO_WINDOW (window);

  return certo_window_new (ADW_APPLICATION (self), self->catalog, self->settings);
}

/* Once per run, after a crash: the first window asks what to do with the
 * unsaved changes it left (the Workspace page offers them too) */
static void
offer_recovery (CertoApplication *self,
                GtkWindow        *window)
{
  if (self->recovery_offered || !CERTO_IS_WINDOW (window))
    return;

  self->recovery_offered = TRUE;
  certo_window_offer_recovery (CERTO_WINDOW (window));
}

/* Presents the window that waits for the catalog; see activate() */
static void
present_waiting_window (CertoApplication *self)
{
  GtkWindow *window = self->window_to_present;

  g_clear_handle_id (&self->present_timeout, g_source_remove);
  if (window == NULL)
    return;

  g_object_remove_weak_pointer (G_OBJECT (window), (gpointer *) &self->window_to_present);
  self->window_to_present = NULL;
  gtk_window_present (window);
  offer_recovery (self, window);
}

static gboolean
on_present_timeout (gpointer user_data)
{
  CertoApplication *self = user_data;

  self->present_timeout = 0;
  present_waiting_window (self);

  return G_SOURCE_REMOVE;
}

static void
on_catalog_loaded (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(CertoApplication) self = user_data;
  g_autoptr(GError) error = NULL;

  self->loading = FALSE;

  if (!certo_catalog_load_finish (CERTO_CATALOG (source), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_message ("Could not load the catalog: %s", error->message);
    }

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      if (CERTO_IS_WINDOW (l->data))
        certo_window_set_load_result (CERTO_WINDOW (l->data), error);
    }

  present_waiting_window (self);
}

static void
about_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  CertoApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  const char *developers[] = { _("The Certo authors"), NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "modal", TRUE,
                        "application-name", _("Certo"),
                        "application-icon", APPLICATION_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", _("The Certo authors"),
                        "developers", developers,
                        "comments", _("Browse cloud providers’ ISO/IEC 27001 certificates, audit reports and Statements of Applicability, and which services they cover."),
                        "website", "https://github.com/certo/certo",
                        "issue-url", "https://github.com/certo/certo/issues",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "copyright", _("© 2026 The Certo authors"),
                        /* Translators: put your names here, one per line */
                        "translator-credits", _("translator-credits"),
                        NULL);

  /* The embedded catalog's facts come from Microsoft's documentation (CC BY 4.0) */
  adw_about_window_add_legal_section (ADW_ABOUT_WINDOW (about),
                                      _("Embedded catalog"),
                                      _("Facts from Microsoft’s compliance documentation, © Microsoft Corporation"),
                                      GTK_LICENSE_CUSTOM,
                                      _("The service names, document titles, certificate numbers and links of the embedded catalog are taken from Microsoft’s compliance-offering articles (MicrosoftDocs), licensed under the <a href=\"https://creativecommons.org/licenses/by/4.0/\">Creative Commons Attribution 4.0 International</a> licence. Certo shows them as published; it is not affiliated with or endorsed by Microsoft."));

  gtk_window_present (GTK_WINDOW (about));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  CertoApplication *self = user_data;
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  /* Close the windows first so they keep their size and cancel their work */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
  g_list_free (windows);

  /* A window with a workspace stays until its last save is done (or the
   * user decides what to do when it fails); the application ends with
   * the last window */
  if (gtk_application_get_windows (GTK_APPLICATION (self)) == NULL)
    g_application_quit (G_APPLICATION (self));
}

static const GActionEntry app_actions[] = {
  { "about", about_action },
  { "quit", quit_action },
};

static void
certo_application_startup (GApplication *application)
{
  CertoApplication *self = CERTO_APPLICATION (application);
  g_autofree char *data_dir = NULL;
  g_autofree char *db_path = NULL;
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };
  static const char *import_accels[] = { "<Control>o", NULL };
  static const char *search_accels[] = { "<Control>f", NULL };
  static const char *new_workspace_accels[] = { "<Control>n", NULL };
  static const char *open_workspace_accels[] = { "<Control><Shift>o", NULL };
  static const char *save_as_accels[] = { "<Control><Shift>s", NULL };
  static const char *undo_accels[] = { "<Control>z", NULL };

  G_APPLICATION_CLASS (certo_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close", close_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.import", import_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.search", search_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.new-workspace", new_workspace_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.open-workspace", open_workspace_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.save-workspace-as", save_as_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.undo", undo_accels);

  self->settings = lookup_settings ();

  /* The store only opens its file on its worker thread, in the catalog's load */
  data_dir = certo_paths_dup_data_dir (NULL);
  db_path = certo_paths_dup_catalog_db (data_dir);
  self->store = certo_store_new (db_path);
  self->catalog = certo_catalog_new (self->store);

  /* The store opens, the embedded catalog is checked and the database read
   * on worker threads while the window is built */
  certo_application_load_catalog (self);
}

/* While the catalog loads, the window waits up to this long before it is
 * shown with its loading page: a load that is done by then shows the
 * library in the very first frame, with no flash of "Loading…" and no
 * frame drawn twice (the main thread stays free for the load's steps) */
#define PRESENT_GRACE_MS 150

static void
certo_application_activate (GApplication *application)
{
  CertoApplication *self = CERTO_APPLICATION (application);
  GtkWindow *window = GTK_WINDOW (get_window (self));

  if (!self->loading || gtk_widget_get_visible (GTK_WIDGET (window)))
    {
      gtk_window_present (window);
      offer_recovery (self, window);
      return;
    }

  if (self->window_to_present != NULL)
    return;

  self->window_to_present = window;
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &self->window_to_present);
  self->present_timeout = g_timeout_add (PRESENT_GRACE_MS, on_present_timeout, self);
}

/* A workspace by its name (`*.certo`), else by its content type: a file
 * manager may hand over a renamed one */
static gboolean
is_workspace_file (GFile *file)
{
  g_autofree char *base = g_file_get_basename (file);
  g_autofree char *lower = base != NULL ? g_ascii_strdown (base, -1) : NULL;
  g_autoptr(GFileInfo) info = NULL;
  const char *type;

  if (lower != NULL && g_str_has_suffix (lower, CERTO_WORKSPACE_SUFFIX))
    return TRUE;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_CONTENT_TYPE,
                            G_FILE_QUERY_INFO_NONE, NULL, NULL);
  type = info != NULL ? g_file_info_get_content_type (info) : NULL;

  return type != NULL && g_content_type_is_a (type, CERTO_WORKSPACE_MIME_TYPE);
}

static void
certo_application_open (GApplication  *application,
                        GFile        **files,
                        int            n_files,
                        const char    *hint)
{
  CertoApplication *self = CERTO_APPLICATION (application);
  CertoWindow *window = get_window (self);

  gtk_window_present (GTK_WINDOW (window));
  for (int i = 0; i < n_files; i++)
    {
      /* Workspaces open in a window of their own (or raise theirs);
       * catalogs and articles are imported into the Library */
      if (is_workspace_file (files[i]))
        certo_window_open_workspace (window, files[i]);
      else
        certo_window_import_file (window, files[i]);
    }
}

static void
certo_application_shutdown (GApplication *application)
{
  CertoApplication *self = CERTO_APPLICATION (application);

  G_APPLICATION_CLASS (certo_application_parent_class)->shutdown (application);

  g_cancellable_cancel (self->cancellable);
  if (self->store != NULL)
    certo_store_close (self->store);
}

static void
certo_application_dispose (GObject *object)
{
  CertoApplication *self = (CertoApplication *) object;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->present_timeout, g_source_remove);
  if (self->window_to_present != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->window_to_present), (gpointer *) &self->window_to_present);
  self->window_to_present = NULL;
  g_clear_object (&self->cancellable);
  g_clear_object (&self->catalog);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (certo_application_parent_class)->dispose (object);
}

static void
certo_application_class_init (CertoApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = certo_application_dispose;

  app_class->startup = certo_application_startup;
  app_class->activate = certo_application_activate;
  app_class->open = certo_application_open;
  app_class->shutdown = certo_application_shutdown;
}

static void
certo_application_init (CertoApplication *self)
{
  self->start_time = g_get_monotonic_time ();
  self->cancellable = g_cancellable_new ();
}

/**
 * certo_application_new:
 *
 * The application, with the application ID of this build
 * (`io.github.certo.Certo`, or `.Devel`); workspaces (`*.certo`) given on
 * the command line are opened, other files imported into the catalog. Resources are found under
 * `/io/github/certo/Certo`.
 *
 * Returns: (transfer full): a new application
 */
CertoApplication *
certo_application_new (void)
{
  return g_object_new (CERTO_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/certo/Certo",
                       NULL);
}

/**
 * certo_application_get_catalog:
 * @self: a #CertoApplication
 *
 * Returns: (transfer none) (nullable): the catalog, once the application
 *   has started up
 */
CertoCatalog *
certo_application_get_catalog (CertoApplication *self)
{
  g_return_val_if_fail (CERTO_IS_APPLICATION (self), NULL);

  return self->catalog;
}

/**
 * certo_application_get_settings:
 * @self: a #CertoApplication
 *
 * Returns: (transfer none) (nullable): the settings, or %NULL when the
 *   schema is not installed
 */
GSettings *
certo_application_get_settings (CertoApplication *self)
{
  g_return_val_if_fail (CERTO_IS_APPLICATION (self), NULL);

  return self->settings;
}

/**
 * certo_application_get_start_time:
 * @self: a #CertoApplication
 *
 * Returns: when the application object was made, in g_get_monotonic_time()
 *   microseconds (for the startup benchmark)
 */
gint64
certo_application_get_start_time (CertoApplication *self)
{
  g_return_val_if_fail (CERTO_IS_APPLICATION (self), 0);

  return self->start_time;
}

/**
 * certo_application_load_catalog:
 * @self: a #CertoApplication
 *
 * Loads the catalog in the background (the core opens the store, imports
 * the embedded catalog when it changed and reads the database on worker
 * threads), then tells every window with certo_window_set_load_result().
 * Does nothing while a load runs or once the catalog is loaded.
 */
void
certo_application_load_catalog (CertoApplication *self)
{
  g_return_if_fail (CERTO_IS_APPLICATION (self));

  if (self->loading || self->catalog == NULL || certo_catalog_get_loaded (self->catalog))
    return;

  self->loading = TRUE;
  certo_catalog_load_async (self->catalog, self->cancellable,
                            on_catalog_loaded, g_object_ref (self));
}
