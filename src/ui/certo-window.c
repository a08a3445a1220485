/* certo-window.c — the main window: loading, error and library states
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#ifdef G_OS_UNIX
#include <sys/resource.h>
#endif

#include "certo-application.h"
#include "certo-downloads-view.h"
#include "certo-library-view.h"
#include "certo-window-private.h"
#include "certo-workspace-view.h"

G_DEFINE_FINAL_TYPE (CertoWindow, certo_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_CATALOG,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_page (CertoWindow *self,
           const char  *name)
{
  gtk_stack_set_visible_child_name (self->main_stack, name);
  gtk_spinner_set_spinning (self->loading_spinner, g_str_equal (name, "loading"));
  certo_window_update_actions (self);
}

/* CERTO_BENCH_STARTUP=1: the first frame drawn with the catalog's documents
 * in the lists ends the measurement; bench/bench-startup.sh reads the line */
static void
on_bench_after_paint (GdkFrameClock *clock,
                      CertoWindow   *self)
{
  GApplication *app = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  GListModel *documents = certo_library_view_get_documents (self->library_view);
  gint64 now = g_get_monotonic_time ();
  gint64 start = 0;
  double cpu_ms = -1.0;

  if (!g_str_equal (gtk_stack_get_visible_child_name (self->main_stack), "library")
      || documents == NULL || g_list_model_get_n_items (documents) == 0)
    return;

  g_clear_signal_handler (&self->bench_handler, clock);

  if (CERTO_IS_APPLICATION (app))
    start = certo_application_get_start_time (CERTO_APPLICATION (app));

#ifdef G_OS_UNIX
  {
    struct rusage usage;

    /* CPU time of every thread so far: a figure a busy machine inflates less */
    if (getrusage (RUSAGE_SELF, &usage) == 0)
      cpu_ms = (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0
               + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
  }
#endif

  g_printerr ("certo-bench: first-catalog-frame monotonic_us=%" G_GINT64_FORMAT
              " since_main_ms=%.1f cpu_ms=%.1f documents=%u\n",
              now, start > 0 ? (now - start) / 1000.0 : -1.0, cpu_ms,
              g_list_model_get_n_items (documents));

  if (app != NULL)
    g_application_quit (app);
}

static void
start_bench (CertoWindow *self)
{
  GdkFrameClock *clock;

  if (!self->bench || self->bench_handler != 0)
    return;

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
  if (clock == NULL)
    return;

  self->bench_handler = g_signal_connect (clock, "after-paint",
                                          G_CALLBACK (on_bench_after_paint), self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
run_pending_imports (CertoWindow *self)
{
  g_autoptr(GPtrArray) pending = g_steal_pointer (&self->pending_imports);

  if (pending == NULL)
    return;

  for (guint i = 0; i < pending->len; i++)
    certo_window_import_file (self, g_ptr_array_index (pending, i));
}

static void
on_catalog_loaded (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(CertoWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!certo_catalog_load_finish (CERTO_CATALOG (source), result, &error)
      && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  certo_window_set_load_result (self, error);
}

static void
on_realize (CertoWindow *self)
{
  if (certo_catalog_get_loaded (self->catalog))
    start_bench (self);
}

/* The Workspace page is made with the window (the code that opens a
 * workspace talks to it at once) but joins the window, to be styled and
 * laid out, only when first shown; the workspace settings (user name,
 * recoverable copies) are followed from then on */
static void
show_workspace_view (CertoWindow *self)
{
  if (self->workspace_shown || self->workspace_view == NULL)
    return;

  self->workspace_shown = TRUE;
  adw_bin_set_child (self->workspace_bin, GTK_WIDGET (self->workspace_view));
  certo_window_workspace_settings_init (self);
}

/* The Downloads page is built when first shown */
static void
ensure_downloads_view (CertoWindow *self)
{
  if (self->downloads_view != NULL || self->downloads_bin == NULL)
    return;

  self->downloads_view = g_object_new (CERTO_TYPE_DOWNLOADS_VIEW,
                                       "primary-menu", self->primary_menu,
                                       "view-stack", self->view_stack,
                                       NULL);
  if (self->sync != NULL)
    certo_downloads_view_set_sources (self->downloads_view, self->sync, self->offline);
  adw_bin_set_child (self->downloads_bin, GTK_WIDGET (self->downloads_view));
}

static void
on_view_changed (CertoWindow *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->view_stack);

  if (g_strcmp0 (name, "workspace") == 0)
    show_workspace_view (self);
  else if (g_strcmp0 (name, "downloads") == 0)
    ensure_downloads_view (self);

  certo_window_update_actions (self);
}

static gboolean
certo_window_close_request (GtkWindow *window)
{
  CertoWindow *self = CERTO_WINDOW (window);

  if (self->settings != NULL)
    {
      gboolean maximized = gtk_window_is_maximized (window);

      g_settings_set_boolean (self->settings, "window-maximized", maximized);
      if (!maximized)
        {
          int width = 0, height = 0;

          gtk_window_get_default_size (window, &width, &height);
          if (width > 0 && height > 0)
            {
              g_settings_set_int (self->settings, "window-width", width);
              g_settings_set_int (self->settings, "window-height", height);
            }
        }
    }

  /* An open workspace is saved and closed first; the window goes after */
  if (certo_window_workspace_close_request (self))
    return TRUE;

  g_cancellable_cancel (self->cancellable);
  if (self->import_cancellable != NULL)
    g_cancellable_cancel (self->import_cancellable);
  if (self->sync_cancellable != NULL)
    g_cancellable_cancel (self->sync_cancellable);

  return GTK_WINDOW_CLASS (certo_window_parent_class)->close_request (window);
}

static void
certo_window_constructed (GObject *object)
{
  CertoWindow *self = CERTO_WINDOW (object);

  G_OBJECT_CLASS (certo_window_parent_class)->constructed (object);

  g_assert (CERTO_IS_CATALOG (self->catalog));

  if (self->settings != NULL)
    {
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (self->settings, "window-width"),
                                   g_settings_get_int (self->settings, "window-height"));
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
    }
  else
    {
      gtk_window_set_default_size (GTK_WINDOW (self), 1100, 720);
    }

  certo_library_view_set_catalog (self->library_view, self->catalog);
  certo_library_view_set_settings (self->library_view, self->settings);
  certo_workspace_view_set_catalog (self->workspace_view, self->catalog);

  /* certo_window_new() starts or joins the load: "application" is only
   * set after constructed() */
  show_page (self, certo_catalog_get_loaded (self->catalog) ? "library" : "loading");
}

static void
certo_window_dispose (GObject *object)
{
  CertoWindow *self = (CertoWindow *) object;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  if (self->import_cancellable != NULL)
    g_cancellable_cancel (self->import_cancellable);
  certo_window_workspace_dispose (self);
  certo_window_sync_dispose (self);
  /* The bins own the pages they show */
  self->downloads_view = NULL;
  g_clear_object (&self->workspace_view);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->import_cancellable);
  g_clear_pointer (&self->import_warnings, g_ptr_array_unref);
  g_clear_pointer (&self->pending_imports, g_ptr_array_unref);
  g_clear_object (&self->settings);
  g_clear_object (&self->catalog);

  G_OBJECT_CLASS (certo_window_parent_class)->dispose (object);
}

static void
certo_window_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  CertoWindow *self = CERTO_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CATALOG:
      g_value_set_object (value, self->catalog);
      break;
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
certo_window_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  CertoWindow *self = CERTO_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CATALOG:
      self->catalog = g_value_dup_object (value);
      break;
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
certo_window_class_init (CertoWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = certo_window_constructed;
  object_class->dispose = certo_window_dispose;
  object_class->get_property = certo_window_get_property;
  object_class->set_property = certo_window_set_property;

  window_class->close_request = certo_window_close_request;

  properties[PROP_CATALOG] =
    g_param_spec_object ("catalog", NULL, NULL,
                         CERTO_TYPE_CATALOG,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* Nullable: without the schema, the window does not persist its size */
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CERTO_TYPE_LIBRARY_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/certo/Certo/ui/certo-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CertoWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CertoWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, CertoWindow, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, CertoWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, CertoWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, CertoWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, CertoWindow, library_view);
  gtk_widget_class_bind_template_child (widget_class, CertoWindow, workspace_bin);
  gtk_widget_class_bind_template_child (widget_class, CertoWindow, downloads_page);
  gtk_widget_class_bind_template_child (widget_class, CertoWindow, downloads_bin);
  gtk_widget_class_bind_template_child (widget_class, CertoWindow, job_revealer);
  gtk_widget_class_bind_template_child (widget_class, CertoWindow, job_spinner);
  gtk_widget_class_bind_template_child (widget_class, CertoWindow, job_label);
  gtk_widget_class_bind_template_child (widget_class, CertoWindow, import_revealer);
  gtk_widget_class_bind_template_child (widget_class, CertoWindow, import_spinner);
  gtk_widget_class_bind_template_child (widget_class, CertoWindow, import_label);
  gtk_widget_class_bind_template_callback (widget_class, on_view_changed);
}

static void
certo_window_init (CertoWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Made now, shown later (see show_workspace_view()) */
  self->workspace_view = g_object_ref_sink (g_object_new (CERTO_TYPE_WORKSPACE_VIEW,
                                                          "primary-menu", self->primary_menu,
                                                          "view-stack", self->view_stack,
                                                          NULL));

  self->cancellable = g_cancellable_new ();
  self->bench = g_strcmp0 (g_getenv ("CERTO_BENCH_STARTUP"), "1") == 0;

  if (g_str_has_suffix (APPLICATION_ID, ".Devel"))
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  g_signal_connect (self, "realize", G_CALLBACK (on_realize), NULL);
  certo_window_actions_init (self);
}

/**
 * certo_window_new:
 * @application: the application
 * @catalog: the catalog to show; the window loads it when it is not loaded
 * @settings: (nullable): the application's settings, or %NULL when the
 *   schema is not installed (the window size is then not kept)
 *
 * Returns: (transfer full): a new window, not yet shown
 */
CertoWindow *
certo_window_new (AdwApplication *application,
                  CertoCatalog   *catalog,
                  GSettings      *settings)
{
  CertoWindow *self;

  g_return_val_if_fail (ADW_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (CERTO_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  self = g_object_new (CERTO_TYPE_WINDOW,
                       "application", application,
                       "catalog", catalog,
                       "settings", settings,
                       NULL);
  certo_window_sync_attach (self);
  certo_window_load (self);

  return self;
}

/**
 * certo_window_get_catalog:
 * @self: a #CertoWindow
 *
 * Returns: (transfer none): the catalog shown
 */
CertoCatalog *
certo_window_get_catalog (CertoWindow *self)
{
  g_return_val_if_fail (CERTO_IS_WINDOW (self), NULL);

  return self->catalog;
}

/**
 * certo_window_load:
 * @self: a #CertoWindow
 *
 * Shows the library when the catalog is loaded; otherwise a loading page
 * while the catalog loads (off the main thread, in the core): the
 * application's load when it runs one, else one the window starts. The
 * outcome comes through certo_window_set_load_result(). Also what "Try
 * Again" does after an error.
 */
void
certo_window_load (CertoWindow *self)
{
  GtkApplication *app;

  g_return_if_fail (CERTO_IS_WINDOW (self));

  if (certo_catalog_get_loaded (self->catalog))
    {
      certo_window_set_load_result (self, NULL);
      return;
    }

  show_page (self, "loading");

  app = gtk_window_get_application (GTK_WINDOW (self));
  if (CERTO_IS_APPLICATION (app))
    {
      /* Started at startup, before any window was built: usually done or
       * nearly so by now; tells every window when it is */
      certo_application_load_catalog (CERTO_APPLICATION (app));
      return;
    }

  if (self->loading)
    return;

  self->loading = TRUE;
  certo_catalog_load_async (self->catalog, self->cancellable,
                            on_catalog_loaded, g_object_ref (self));
}

/**
 * certo_window_set_load_result:
 * @self: a #CertoWindow
 * @error: (nullable): why the catalog could not be loaded, or %NULL when
 *   it was
 *
 * Shows the library, or an error page with @error's message (plain text)
 * and "Try Again". Imports asked for during the load start now.
 */
void
certo_window_set_load_result (CertoWindow  *self,
                              const GError *error)
{
  g_return_if_fail (CERTO_IS_WINDOW (self));

  self->loading = FALSE;

  if (error != NULL)
    {
      g_autofree char *description = NULL;

      /* AdwStatusPage:description is markup; the message is plain text */
      description = g_markup_escape_text (error->message, -1);
      adw_status_page_set_description (self->error_page, description);
      show_page (self, "error");
      return;
    }

  show_page (self, "library");
  certo_window_sync_update_actions (self);
  certo_library_view_show_content (self->library_view);
  start_bench (self);
  run_pending_imports (self);
}

/**
 * certo_window_add_toast:
 * @self: a #CertoWindow
 * @toast: (transfer full): the toast to show
 *
 * Shows @toast over the window's content.
 */
void
certo_window_add_toast (CertoWindow *self,
                        AdwToast    *toast)
{
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}
