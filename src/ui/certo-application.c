/* certo-application.c — the application: owns the store and the catalog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "certo-application.h"
#include "certo-preferences-window.h"
#include "certo-sync-util.h"
#include "certo-window.h"

struct _CertoApplication
{
  AdwApplication  parent_instance;

  CertoStore     *store;
  CertoCatalog   *catalog;
  CertoClient    *client;
  CertoSync      *sync;
  CertoOffline   *offline;
  GSettings      *settings;
  GCancellable   *cancellable;
  gboolean        loading;
  GtkWindow      *window_to_present;   /* (weak) shown when the catalog is in */
  guint           present_timeout;
  gint64          start_time;
  gboolean        recovery_offered;
  gboolean        stale_refresh_started;
  guint           n_downloads_done;     /* since the last notification */
  guint           n_downloads_failed;
};

G_DEFINE_FINAL_TYPE (CertoApplication, certo_application, ADW_TYPE_APPLICATION)

enum {
  PROP_0,
  PROP_CLIENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The "Updated" notifications replace each other per source */
#define NOTIFICATION_PREFIX "changes-"
/* One notification for the downloads that ended while the window was
 * not in front; the next replaces it */
#define DOWNLOADS_NOTIFICATION_ID "downloads"

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
on_offline_loaded (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(CertoApplication) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!certo_offline_load_finish (CERTO_OFFLINE (source), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_message ("Could not read the documents saved for offline reading: %s", error->message);
      return;
    }

  /* `certo-cli download` while the window is open: Downloads and the
   * details pane follow */
  certo_offline_watch (CERTO_OFFLINE (source));
}

/* Once per run, when the catalog is in: sources older than the
 * "refresh-interval" setting are refreshed by the first window (its
 * close cancels the refresh) */
static void
start_stale_refresh (CertoApplication *self)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));
  guint hours = CERTO_SYNC_DEFAULT_INTERVAL / 3600;

  if (self->stale_refresh_started)
    return;

  if (certo_settings_has_key (self->settings, "refresh-interval"))
    hours = g_settings_get_uint (self->settings, "refresh-interval");

  /* 0 turns automatic refreshing off */
  if (hours == 0)
    {
      self->stale_refresh_started = TRUE;
      return;
    }

  for (GList *l = windows; l != NULL; l = l->next)
    {
      if (CERTO_IS_WINDOW (l->data))
        {
          self->stale_refresh_started = TRUE;
          certo_window_refresh_stale (CERTO_WINDOW (l->data), (gint64) hours * 3600);
          return;
        }
    }
}

/* Downloads that finished while no window of Certo is in front: one
 * notification when the queue is empty, if the "notify-downloads" setting
 * allows. With a window in front the Downloads page says it already. */
static gboolean
any_window_active (CertoApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (gtk_window_is_active (GTK_WINDOW (l->data)))
      return TRUE;

  return FALSE;
}

static void
flush_downloads_notification (CertoApplication *self)
{
  g_autoptr(GNotification) notification = NULL;
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  guint done = self->n_downloads_done;
  guint failed = self->n_downloads_failed;

  if (done + failed == 0 || certo_offline_get_n_active (self->offline) > 0)
    return;

  self->n_downloads_done = 0;
  self->n_downloads_failed = 0;
  if (certo_settings_has_key (self->settings, "notify-downloads")
      && !g_settings_get_boolean (self->settings, "notify-downloads"))
    return;
  if (any_window_active (self))
    return;

  if (failed == 0)
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Document Saved for Offline Reading",
                                          "%u Documents Saved for Offline Reading", done),
                             done);
  else
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Download Failed",
                                          "%u Downloads Failed", failed),
                             failed);
  if (failed > 0 && done > 0)
    body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u other document was saved.",
                                         "%u other documents were saved.", done),
                            done);
  else if (failed > 0)
    body = g_strdup (_("The Downloads page says why and lets you try again."));

  notification = g_notification_new (title);
  if (body != NULL)
    g_notification_set_body (notification, body);
  g_notification_set_default_action (notification, "app.show-downloads");
  g_application_send_notification (G_APPLICATION (self), DOWNLOADS_NOTIFICATION_ID, notification);
}

static void
on_job_state_changed (CertoApplication *self,
                      GParamSpec       *pspec,
                      CertoOfflineJob  *job)
{
  switch (certo_offline_job_get_state (job))
    {
    case CERTO_OFFLINE_JOB_DONE:
      self->n_downloads_done++;
      break;
    case CERTO_OFFLINE_JOB_FAILED:
      self->n_downloads_failed++;
      break;
    case CERTO_OFFLINE_JOB_CANCELLED:
      break;
    case CERTO_OFFLINE_JOB_QUEUED:
    case CERTO_OFFLINE_JOB_RUNNING:
    default:
      return;
    }

  g_signal_handlers_disconnect_by_func (job, on_job_state_changed, self);
  flush_downloads_notification (self);
}

static void
on_download_queue_changed (CertoApplication *self,
                           guint             position,
                           guint             removed,
                           guint             added,
                           GListModel       *queue)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(CertoOfflineJob) job = g_list_model_get_item (queue, i);
      CertoOfflineJobState state = certo_offline_job_get_state (job);

      if (state != CERTO_OFFLINE_JOB_QUEUED && state != CERTO_OFFLINE_JOB_RUNNING)
        continue;

      g_signal_handlers_disconnect_by_func (job, on_job_state_changed, self);
      g_signal_connect_object (job, "notify::state", G_CALLBACK (on_job_state_changed), self,
                               G_CONNECT_SWAPPED);
    }
}

/* A refresh found news: a notification (when the setting allows) whose
 * default action shows What's New */
static void
on_source_finished (CertoApplication       *self,
                    gint64                  source_id,
                    const CertoSyncSummary *summary,
                    const GError           *error,
                    CertoSync              *sync)
{
  g_autoptr(GNotification) notification = NULL;
  g_autofree char *id = NULL;
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;

  if (summary == NULL || !certo_sync_summary_has_news (summary))
    return;
  if (certo_settings_has_key (self->settings, "notify-changes")
      && !g_settings_get_boolean (self->settings, "notify-changes"))
    return;

  if (summary->source_name != NULL)
    /* Translators: a notification's title; %s is a source's name */
    title = g_strdup_printf (_("“%s” Changed"), summary->source_name);
  else
    title = g_strdup (_("The Catalog Changed"));
  body = certo_sync_summary_describe (summary);

  notification = g_notification_new (title);
  g_notification_set_body (notification, body);
  g_notification_set_default_action (notification, "app.show-whats-new");
  g_notification_add_button (notification, _("Show What’s New"), "app.show-whats-new");

  id = g_strdup_printf (NOTIFICATION_PREFIX "%" G_GINT64_FORMAT, source_id);
  g_application_send_notification (G_APPLICATION (self), id, notification);
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

  if (error == NULL)
    {
      /* The saved documents' list (and a sweep of the offline folder) */
      certo_offline_load_async (self->offline, self->cancellable,
                                on_offline_loaded, g_object_ref (self));
      start_stale_refresh (self);
    }
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

static void
show_whats_new_action (GSimpleAction *action,
                       GVariant      *param,
                       gpointer       user_data)
{
  CertoApplication *self = user_data;
  CertoWindow *window = get_window (self);

  gtk_window_present (GTK_WINDOW (window));
  certo_window_show_whats_new (window);
}

static void
show_downloads_action (GSimpleAction *action,
                       GVariant      *param,
                       gpointer       user_data)
{
  CertoApplication *self = user_data;
  CertoWindow *window = get_window (self);

  gtk_window_present (GTK_WINDOW (window));
  certo_window_show_downloads (window);
}

/* Preferences (Ctrl+,): one window, transient for the window asking */
static void
preferences_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  CertoApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  certo_preferences_window_present (parent, self->settings, self->sync, self->offline);
}

static const GActionEntry app_actions[] = {
  { "about", about_action },
  { "quit", quit_action },
  { "show-whats-new", show_whats_new_action },
  { "show-downloads", show_downloads_action },
  { "preferences", preferences_action },
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
  static const char *refresh_accels[] = { "<Control>r", "F5", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  g_autofree char *cache_dir = NULL;

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
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.refresh", refresh_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", preferences_accels);

  self->settings = lookup_settings ();

  /* The store only opens its file on its worker thread, in the catalog's load */
  data_dir = certo_paths_dup_data_dir (NULL);
  db_path = certo_paths_dup_catalog_db (data_dir);
  self->store = certo_store_new (db_path);
  self->catalog = certo_catalog_new (self->store);

  /* The limit an import's size error names is the one the setting holds */
  if (certo_settings_has_key (self->settings, "max-source-size"))
    g_settings_bind (self->settings, "max-source-size", self->catalog, "max-source-size",
                     G_SETTINGS_BIND_GET);

  /* Sources, sync and offline documents: one of each for every window */
  if (self->client == NULL)
    self->client = certo_client_new ();
  self->sync = certo_sync_new (self->catalog, self->client);
  g_signal_connect_object (self->sync, "source-finished",
                           G_CALLBACK (on_source_finished), self, G_CONNECT_SWAPPED);
  cache_dir = certo_paths_dup_cache_dir (NULL);
  self->offline = certo_offline_new (self->catalog, self->client, data_dir, cache_dir);
  g_signal_connect_object (certo_offline_get_queue (self->offline), "items-changed",
                           G_CALLBACK (on_download_queue_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->offline, "notify::n-active",
                           G_CALLBACK (flush_downloads_notification), self, G_CONNECT_SWAPPED);

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

/* --version prints the version and ends; everything else goes on */
static int
certo_application_handle_local_options (GApplication *application,
                                        GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return 0;
    }

  return -1;
}

static void
certo_application_shutdown (GApplication *application)
{
  CertoApplication *self = CERTO_APPLICATION (application);

  G_APPLICATION_CLASS (certo_application_parent_class)->shutdown (application);

  /* Quit is prompt: downloads stop at once (their partial files stay in
   * the cache, and the next download of the document resumes them), and
   * the store's worker ends after the job it is running; nothing waits
   * for the network */
  g_cancellable_cancel (self->cancellable);
  if (self->offline != NULL)
    certo_offline_cancel_all (self->offline);
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
  if (self->sync != NULL)
    g_signal_handlers_disconnect_by_data (self->sync, self);
  g_clear_object (&self->offline);
  g_clear_object (&self->sync);
  g_clear_object (&self->client);
  g_clear_object (&self->catalog);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (certo_application_parent_class)->dispose (object);
}

static void
certo_application_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CertoApplication *self = CERTO_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
certo_application_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  CertoApplication *self = CERTO_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
certo_application_class_init (CertoApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = certo_application_dispose;
  object_class->get_property = certo_application_get_property;
  object_class->set_property = certo_application_set_property;

  app_class->startup = certo_application_startup;
  app_class->activate = certo_application_activate;
  app_class->open = certo_application_open;
  app_class->shutdown = certo_application_shutdown;
  app_class->handle_local_options = certo_application_handle_local_options;

  /**
   * CertoApplication:client:
   *
   * The HTTP client every sync and download goes through; %NULL (the
   * default) makes one at startup with the system's proxy, TLS database
   * and network monitor. Only the UI tests pass one: a client with a
   * network monitor they can switch off and no proxy.
   */
  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL,
                         CERTO_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
certo_application_init (CertoApplication *self)
{
  static const GOptionEntry entries[] = {
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and exit"), NULL },
    { NULL }
  };

  self->start_time = g_get_monotonic_time ();
  self->cancellable = g_cancellable_new ();

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  /* Translators: what `certo --help` shows after the program's name */
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[FILE…]"));
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Opens the Certo workspaces (*.certo) given, and imports the catalog feeds (*.json) and compliance-offering articles (*.md) given into the Library."));
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
 * certo_application_get_sync:
 * @self: a #CertoApplication
 *
 * Returns: (transfer none) (nullable): what refreshes the sources, once
 *   the application has started up
 */
CertoSync *
certo_application_get_sync (CertoApplication *self)
{
  g_return_val_if_fail (CERTO_IS_APPLICATION (self), NULL);

  return self->sync;
}

/**
 * certo_application_get_offline:
 * @self: a #CertoApplication
 *
 * Returns: (transfer none) (nullable): the documents saved for offline
 *   reading and the download queue, once the application has started up
 */
CertoOffline *
certo_application_get_offline (CertoApplication *self)
{
  g_return_val_if_fail (CERTO_IS_APPLICATION (self), NULL);

  return self->offline;
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
